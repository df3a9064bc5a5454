/*
 * A new page's slug follows its title's pinyin, computed on the server (home/slugs.py).
 *
 * Wagtail's own script copies the title into the slug field as the title is typed (its w-sync and
 * w-slug controllers), which for a Chinese title gives a Chinese slug. While the slug still follows
 * the title, a Chinese title's copy is stopped here and the field gets the server's pinyin slug
 * instead ("防范电信诈骗" -> "fangfan-dianxin-zhapian"); other titles are left to Wagtail. Once the
 * editor types a slug of their own, it is theirs. Loaded on editor forms through insert_editor_js;
 * it acts only on the page create form (and that form once autosave has turned it into the draft's
 * edit form). The server sets the same slug without this script, so nothing depends on it.
 */
(() => {
  const script = document.currentScript;
  const endpoint = script && script.dataset.slugUrl;
  const form = document.getElementById('page-edit-form');
  if (!endpoint || !form) return;
  const title = form.querySelector('input[name="title"]');
  const slug = form.querySelector('input[name="slug"]');
  const NEW_PAGE = /\/pages\/add\/[^/]+\/[^/]+\/(\d+)\/?(?:[?#]|$)/;
  const DRAFT = /\/pages\/(\d+)\/edit\/?(?:[?#]|$)/;
  if (!title || !slug || !NEW_PAGE.test(form.action)) return;

  const HAN = /\p{Script=Han}/u;
  let lastSlug = null; // the slug this script (or Wagtail's copy of the title) last put in the field
  let timer = null;
  let asked = 0;
  let typed = false; // the editor typed a slug of their own

  slug.addEventListener('input', (event) => {
    if (event.isTrusted) typed = slug.value !== '';
  });

  const following = () => !typed && (!slug.value || slug.value === lastSlug || HAN.test(slug.value));

  const where = () => {
    const draft = form.action.match(DRAFT);
    if (draft) return { page: draft[1] };
    const added = form.action.match(NEW_PAGE);
    return added ? { parent: added[1] } : null;
  };

  const fetchSlug = (text) => {
    const place = where();
    if (!place) return;
    const ask = ++asked;
    const url = `${endpoint}?${new URLSearchParams({ title: text, ...place })}`;
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : null))
      .then((data) => {
        if (!data || !data.slug || ask !== asked || !following()) return;
        if (slug.value === data.slug) return;
        slug.value = data.slug;
        lastSlug = data.slug;
        slug.dispatchEvent(new Event('change', { bubbles: true }));
      })
      .catch(() => {}); // the server sets the slug on save anyway
  };

  const follow = (text) => {
    if (!following()) return;
    clearTimeout(timer);
    timer = setTimeout(() => fetchSlug(text), 250);
  };

  // Text put in by an input method (IME) or pasted may come without the key events Wagtail listens to.
  title.addEventListener('input', () => {
    if (HAN.test(title.value)) follow(title.value);
  });

  // Wagtail's copy of the title into the slug field.
  document.addEventListener(
    'w-sync:apply',
    (event) => {
      if (event.target !== slug) return;
      const text = (event.detail && event.detail.value) || title.value;
      if (!HAN.test(text)) {
        if (following()) setTimeout(() => { lastSlug = slug.value; }, 0);
        return; // Wagtail's slug for other titles
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      follow(text);
    },
    true,
  );

  // Wagtail stops copying when the slug differs from its own slug of the title: not while it is ours.
  document.addEventListener(
    'w-sync:check',
    (event) => {
      if (event.target === slug && slug.value && slug.value === lastSlug) event.stopImmediatePropagation();
    },
    true,
  );
})();
