"""Short pinyin slugs for new pages with Chinese titles, and no "slug already in use" after autosave.

A link to 防范电信诈骗 would otherwise read ``/zh-hans/%E9%98%B2%E8%8C%83...`` once pasted into WeChat or
printed as a QR code. A new page whose slug is empty or Chinese gets the pinyin of it (of the title
when the slug is empty), one word per jieba word: "防范电信诈骗" -> "fangfan-dianxin-zhapian", at most
``MAX_LENGTH`` characters (cut between words), made unique among its siblings with "-2", "-3".

Where it applies:

- every new page of every type, however it is made (the admin, code, the demo seeder): a ``pre_save``
  receiver (connected in ``HomeConfig.ready``) before the page's first write. Slugs given in ASCII
  (all the demo's) are kept as given; translation copies and aliases are left to their own rules
  (``home/translation.py`` gives English copies their English slugs);
- in the admin, a page that has never been published keeps a pinyin slug when a save posts a Chinese
  one (the browser's slug field may still show what Wagtail's own script made of the title);
- a page that has ever been published keeps its slug for good: printed QR codes point at it.

The admin's slug field follows the title on a new page through ``static/js/admin-slug.js``, which asks
``pinyin_slug_view`` for the slug instead of letting Wagtail copy the Chinese title into it.

Autosave: Wagtail 8 saves a new page in the background as soon as its title is typed (a JSON POST to the
create view that defers required fields). A "Publish" or "Submit" clicked before that answer arrives
still posts to the create view, whose form then fails with "The slug '...' is already in use" (the
autosaved draft holds it) beside the missing field, and every later save and autosave of that form
fails the same way. The create view's ``before_create_page`` hook sends such a post (and any later one
from the same form) to the edit view of the draft this session's autosave made, so the editor lands on
that draft, with the missing field marked.
"""

import json
import re
import time
import unicodedata

from django.db.models.signals import pre_save
from django.http import JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Page

MAX_LENGTH = 60  # a slug longer than this is cut between words: short links for WeChat and QR codes
AUTOSAVED_KEY = "home.autosaved_new_pages"  # session: {page id: when this session's autosave made it}
AUTOSAVED_MAX_AGE = 60 * 60  # seconds a form may still be posting to the create view after autosave
AUTOSAVED_MAX_ENTRIES = 20

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def has_han(text):
    return bool(text) and _HAN.search(text) is not None


def pinyin_slug(text, max_length=MAX_LENGTH):
    """The slug of a Chinese text: its words in pinyin, without tones, joined by hyphens; other words
    (English, digits) as Django's slugify writes them. "2026年暑期出国安全讲座" -> "2026-nian-shuqi-chuguo-
    anquan-jiangzuo"; "" when nothing usable is left."""
    import jieba  # loaded at start-up by home.search.warm_up
    from pypinyin import lazy_pinyin  # its phrase dictionary loads on first use, once per process

    text = unicodedata.normalize("NFKC", str(text))
    words = []
    for word in jieba.cut(text):
        words.append("".join(lazy_pinyin(word)) if has_han(word) else word)
    slug = slugify(" ".join(words))
    return _shortened(slug, max_length)


def _shortened(slug, max_length):
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    cut = cut[: cut.rfind("-")] if "-" in cut else cut[:max_length]
    return cut.strip("-")


def unique_slug(base, parent, page=None):
    """`base`, or `base-2`, `base-3`... : the first that no other child of `parent` has."""
    siblings = parent.get_children()
    if page is not None and page.pk:
        siblings = siblings.not_page(page)
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def slug_source(slug, title):
    """What a pinyin slug is made from: a Chinese slug the editor gave, else the title when no slug was
    given; None when the slug stays as it is (empty source, an ASCII slug, or no Chinese at all)."""
    slug = (slug or "").strip()
    source = title if not slug else (slug if not slug.isascii() else None)
    return source if has_han(source) else None


def _is_translation_copy(page):
    """A copy made for translation (or an alias): its language's slug is the translation's business."""
    if page.alias_of_id:
        return True
    others = Page.objects.filter(translation_key=page.translation_key)
    if page.pk:
        others = others.filter(pk__lt=page.pk)
    return others.exists()


# Every new page ---------------------------------------------------------------------------------------


def pinyin_slug_for_new_page(sender, instance, raw=False, **kwargs):
    """pre_save: a new page with an empty or Chinese slug and Chinese in it (or in its title) is written
    with its pinyin slug. Page.save has already set url_path from the Chinese slug: set it again."""
    if raw or not isinstance(instance, Page) or instance.pk is not None or not instance.path:
        return
    source = slug_source(instance.slug, instance.title)
    if source is None or _is_translation_copy(instance):
        return
    base = pinyin_slug(source)
    parent = instance.get_parent()
    if not base or parent is None:
        return
    instance.slug = unique_slug(base, parent, instance)
    instance.set_url_path(parent)


def connect():
    pre_save.connect(pinyin_slug_for_new_page, dispatch_uid="home.slugs.pinyin_slug_for_new_page")


# The admin's editor -------------------------------------------------------------------------------


def _expects_json(request):
    return not request.accepts("text/html")


def _with_post(request, **values):
    post = request.POST.copy()
    for name, value in values.items():
        post[name] = value
    request.POST = post


def _autosaved(request):
    now = time.time()
    entries = request.session.get(AUTOSAVED_KEY) or {}
    return {pk: when for pk, when in entries.items() if now - when < AUTOSAVED_MAX_AGE}


def remember_autosaved_page(request, page):
    """after_create_page: a page that autosave (a JSON post) created in this session."""
    if not _expects_json(request):
        return
    entries = _autosaved(request)
    entries[str(page.pk)] = time.time()
    newest = sorted(entries.items(), key=lambda item: item[1])[-AUTOSAVED_MAX_ENTRIES:]
    request.session[AUTOSAVED_KEY] = dict(newest)


def forget_autosaved_page(request, page):
    entries = request.session.get(AUTOSAVED_KEY) or {}
    if str(page.pk) in entries:
        entries.pop(str(page.pk))
        request.session[AUTOSAVED_KEY] = entries


def autosaved_draft(request, parent, page_class):
    """The never-published draft this session's autosave made under `parent` from the form that is
    now posting to the create view again (same type, and the slug the post asks for or would get)."""
    entries = _autosaved(request)
    if not entries:
        return None
    slug = request.POST.get("slug", "").strip()
    slugs = {slug} if slug else set()
    source = slug_source(slug, request.POST.get("title", ""))
    if source is not None:
        slugs.add(pinyin_slug(source))
    if not slugs:
        return None
    return (
        page_class.objects.child_of(parent)
        .filter(pk__in=[int(pk) for pk in entries], slug__in=slugs, owner=request.user)
        .filter(live=False, first_published_at__isnull=True)
        .order_by("-pk")
        .first()
    )


def land_on_draft(request, draft):
    """The post, handled by the draft's edit view: saved, published or shown again with its errors
    there. An autosave's answer also tells the browser to post to the edit view from now on."""
    from wagtail.admin.views.pages.edit import EditView

    json_post = _expects_json(request)
    response = EditView.as_view()(request, page_id=draft.pk)
    if not json_post and response.status_code == 200:  # the draft's editor, shown again (rendered later)
        messages.info(
            request,
            _("This page had already been saved as a draft automatically: you are now editing that draft."),
        )
    is_json = response.headers.get("Content-Type") == "application/json"
    if json_post and response.status_code == 200 and is_json:
        data = json.loads(response.content)
        if data.get("success"):
            edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
            data.pop("html", None)
            data.update({"url": edit_url, "hydrate_url": f"{edit_url}?_w_hydrate_create_view=1"})
            return JsonResponse(data)
    return response


def before_create_page(request, parent_page, page_class):
    """A post from a form whose page autosave already made goes to that draft; otherwise an empty or
    Chinese slug is replaced by the free pinyin slug before the form checks it (the pre_save receiver
    would give the same; the form would refuse an empty slug on "Publish" first)."""
    if request.method != "POST":
        return None
    draft = autosaved_draft(request, parent_page, page_class)
    if draft is not None:
        return land_on_draft(request, draft)
    source = slug_source(request.POST.get("slug"), request.POST.get("title", ""))
    base = pinyin_slug(source) if source is not None else ""
    if base:
        _with_post(request, slug=unique_slug(base, parent_page))
    return None


def never_published(page):
    return not page.live and page.first_published_at is None and page.live_revision_id is None


def before_edit_page(request, page):
    """A never-published page keeps an ASCII slug when the form posts a Chinese one (or none);
    a full look at the draft's edit view ends the autosave race for it."""
    if request.method == "GET" and not request.GET.get("_w_hydrate_create_view"):
        forget_autosaved_page(request, page)
        return None
    if request.method != "POST" or "slug" not in request.POST or not never_published(page):
        return None
    source = slug_source(request.POST.get("slug"), request.POST.get("title", ""))
    if source is None or _is_translation_copy(page):
        return None
    base = pinyin_slug(source)
    parent = page.get_parent()
    if base and parent is not None:
        _with_post(request, slug=unique_slug(base, parent, page))
    return None


def pinyin_slug_view(request):
    """The slug a title would get: ?title=...&parent=<id> on a new page, &page=<id> once autosave made it.
    A page the user may not add under (or edit), or that does not exist, gets 403 alike."""
    title = request.GET.get("title", "")[:255]
    page_id, parent_id = request.GET.get("page", ""), request.GET.get("parent", "")
    if page_id.isdigit():
        page = Page.objects.filter(pk=page_id).first()
        if page is None or not page.permissions_for_user(request.user).can_edit():
            return JsonResponse({"slug": ""}, status=403)
        parent = page.get_parent()
    elif parent_id.isdigit():
        page = None
        parent = Page.objects.filter(pk=parent_id).first()
        if parent is None or not parent.permissions_for_user(request.user).can_add_subpage():
            return JsonResponse({"slug": ""}, status=403)
    else:
        return JsonResponse({"slug": ""}, status=400)
    source = slug_source("", title)
    base = pinyin_slug(source) if source is not None else ""
    return JsonResponse({"slug": unique_slug(base, parent, page) if base and parent is not None else ""})


def editor_js():
    """insert_editor_js: the script that keeps a new page's slug field on the title's pinyin."""
    return format_html(
        '<script src="{}" data-slug-url="{}" defer></script>',
        static("js/admin-slug.js"),
        reverse("home_pinyin_slug"),
    )
