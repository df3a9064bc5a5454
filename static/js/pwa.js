/* The portal on a phone like an app (home/pwa.py, home/service_worker.js):
   - registers the service worker at /sw.js;
   - the "Add to home screen" hint (templates/includes/install_hint.html);
   - "Save for offline" on destination pages (templates/destinations/includes/save_offline.html):
     the page, its emergency card and its alerts go into the "portal-saved" cache, fetched without
     cookies, so what is kept is what anyone sees; refreshed when the portal is next opened online;
   - a saved copy says so and how old it is; a level change since saving shows at the top;
   - the list of saved destinations on the offline page.
   The words come from <template id="pwa-texts"> (templates/includes/pwa_head.html).
   Without service workers nothing here shows and the site works as before. */
(function () {
    "use strict";

    const SAVED_CACHE = "portal-saved";
    const STORE = "portal-saved-destinations";
    const HINT_DISMISSED = "portal-install-hint-dismissed";
    const REFRESHED_AT = "portal-saved-refreshed-at";
    const REFRESH_EVERY = 30 * 60 * 1000;
    const SAVED_AT = "X-Portal-Saved-At";
    const FROM_SAVED = "X-Portal-From-Saved";
    const supported = "serviceWorker" in navigator && "caches" in window;
    const language = document.documentElement.lang || "zh-Hans";

    function text(key, values) {
        const template = document.getElementById("pwa-texts");
        const node = template && template.content.querySelector(`[data-text="${key}"]`);
        let result = node ? node.textContent.trim() : "";
        for (const [name, value] of Object.entries(values || {})) result = result.split(`{${name}}`).join(value);
        return result;
    }

    function formatDate(iso) {
        const date = new Date(iso);
        if (Number.isNaN(date.getTime())) return "";
        return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(date);
    }

    function formatAge(iso) {
        const seconds = Math.round((new Date(iso).getTime() - Date.now()) / 1000);
        const format = new Intl.RelativeTimeFormat(language, { numeric: "auto" });
        const units = [["day", 86400], ["hour", 3600], ["minute", 60]];
        for (const [unit, size] of units) {
            if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
        }
        return format.format(0, "minute");
    }

    function readStore() {
        try {
            return JSON.parse(localStorage.getItem(STORE) || "{}") || {};
        } catch (error) {
            return {};
        }
    }

    function writeStore(store) {
        try {
            localStorage.setItem(STORE, JSON.stringify(store));
        } catch (error) {
            /* private browsing: nothing is remembered */
        }
    }

    function notice(className, message, onClose) {
        const main = document.getElementById("main");
        if (!main) return null;
        const box = document.createElement("div");
        box.className = `pwa-notice ${className}`;
        box.setAttribute("role", "status");
        const words = document.createElement("p");
        words.className = "pwa-notice__text";
        words.textContent = message;
        box.appendChild(words);
        if (onClose) {
            const close = document.createElement("button");
            close.type = "button";
            close.className = "btn-close pwa-notice__close";
            close.setAttribute("aria-label", text("close"));
            close.addEventListener("click", () => {
                box.remove();
                onClose();
            });
            box.appendChild(close);
        }
        main.insertBefore(box, main.firstChild);
        return box;
    }

    /* A copy the service worker served from the phone: say so, and how old it is. */
    function showSavedCopy() {
        const savedAt = document.documentElement.dataset.savedCopy;
        // The offline page is always the phone's own copy: it needs no such warning.
        if (savedAt === undefined || document.body.classList.contains("template-offline")) return;
        notice("pwa-notice--saved", text("saved-copy", { date: formatDate(savedAt), age: formatAge(savedAt) }));
    }

    function showLevelChanges() {
        const store = readStore();
        for (const record of Object.values(store)) {
            if (!record.changedFrom) continue;
            const message = text("level-changed", { place: record.title, old: record.changedFrom, new: record.levelLabel });
            notice("pwa-notice--level", message, () => {
                const current = readStore();
                if (current[record.code]) delete current[record.code].changedFrom;
                writeStore(current);
            });
        }
    }

    /* What to keep for a destination, read from its page (this one, or one fetched to refresh it). */
    function recordFrom(doc, url) {
        const widget = doc.querySelector("[data-save-offline]");
        if (!widget) return null;
        const alerts = Array.from(doc.querySelectorAll(".destination-alerts a[href]"))
            .map((link) => new URL(link.getAttribute("href"), url))
            .filter((link) => link.origin === location.origin && !link.search)
            .map((link) => link.pathname);
        return {
            code: widget.dataset.code,
            title: widget.dataset.title,
            level: widget.dataset.level,
            levelLabel: widget.dataset.levelLabel,
            url: new URL(url).pathname,
            cardUrl: widget.dataset.cardUrl,
            alertUrls: Array.from(new Set(alerts)),
        };
    }

    function keepable(response) {
        const cacheControl = (response.headers.get("Cache-Control") || "").toLowerCase();
        return response.ok && response.status === 200 && !response.redirected && !response.headers.has(FROM_SAVED) && !/\b(private|no-store)\b/.test(cacheControl);
    }

    async function fetchToKeep(url) {
        const response = await fetch(url, { credentials: "omit", cache: "no-cache" });
        if (!keepable(response)) return null;
        const blob = await response.blob();
        if ((response.headers.get("Content-Type") || "").startsWith("text/html")) {
            const html = await blob.text();
            if (html.includes("csrfmiddlewaretoken") || html.includes("/accounts/logout/")) return null;
        }
        const headers = new Headers(response.headers);
        headers.set(SAVED_AT, new Date().toISOString());
        return { blob, response: new Response(blob, { status: 200, headers }) };
    }

    /* Fetch everything first, then replace the saved copies: a failed refresh keeps the old ones. */
    async function save(record) {
        const page = await fetchToKeep(record.url);
        if (!page) throw new Error("page not kept");
        const fresh = recordFrom(new DOMParser().parseFromString(await page.blob.text(), "text/html"), location.origin + record.url) || record;
        const kept = [[fresh.url, page]];
        for (const url of [fresh.cardUrl, ...fresh.alertUrls]) {
            const item = url ? await fetchToKeep(url).catch(() => null) : null;
            if (item) kept.push([url, item]);
        }
        const store = readStore();
        const previous = store[fresh.code];
        const cache = await caches.open(SAVED_CACHE);
        if (previous) {
            const now = new Set(kept.map(([url]) => url));
            for (const url of previous.urls || []) if (!now.has(url)) await cache.delete(location.origin + url);
        }
        for (const [url, item] of kept) await cache.put(location.origin + url, item.response);
        const saved = Object.assign({}, fresh, {
            savedAt: new Date().toISOString(),
            urls: kept.map(([url]) => url),
            bytes: kept.reduce((sum, [, item]) => sum + item.blob.size, 0),
        });
        if (previous && previous.level !== saved.level) saved.changedFrom = previous.changedFrom || previous.levelLabel;
        else if (previous && previous.changedFrom) saved.changedFrom = previous.changedFrom;
        const latest = readStore();
        latest[saved.code] = saved;
        writeStore(latest);
        return saved;
    }

    async function remove(code) {
        const store = readStore();
        const record = store[code];
        if (!record) return;
        const cache = await caches.open(SAVED_CACHE);
        for (const url of record.urls || []) await cache.delete(location.origin + url);
        delete store[code];
        writeStore(store);
    }

    function setUpSaveButton() {
        const widget = document.querySelector("[data-save-offline]");
        if (!widget || !supported) return;
        const status = widget.querySelector("[data-save-status]");
        const saveButton = widget.querySelector("[data-save-button]");
        const removeButton = widget.querySelector("[data-remove-button]");
        const code = widget.dataset.code;
        function show() {
            const record = readStore()[code];
            status.textContent = record ? text("saved-status", { date: formatDate(record.savedAt), age: formatAge(record.savedAt) }) : "";
            removeButton.hidden = !record;
        }
        saveButton.addEventListener("click", async () => {
            saveButton.disabled = true;
            status.textContent = text("saving");
            const record = recordFrom(document, location.href);
            try {
                await save(record);
                registerPeriodicRefresh();
                show();
            } catch (error) {
                status.textContent = text("save-failed");
            }
            saveButton.disabled = false;
        });
        removeButton.addEventListener("click", async () => {
            await remove(code);
            show();
            status.textContent = text("removed");
            saveButton.focus();
        });
        widget.hidden = false;
        show();
    }

    /* Online again: refresh what this phone keeps, and note any level change. */
    async function refreshSaved() {
        if (!supported || !navigator.onLine || document.documentElement.dataset.savedCopy !== undefined) return;
        const store = readStore();
        const here = document.querySelector("[data-save-offline]");
        const hereRecord = here && store[here.dataset.code];
        let refreshedAt = 0;
        try {
            refreshedAt = Number(localStorage.getItem(REFRESHED_AT) || 0);
        } catch (error) {
            return;
        }
        const due = Date.now() - refreshedAt > REFRESH_EVERY;
        const codes = due ? Object.keys(store) : [];
        if (hereRecord && hereRecord.level !== here.dataset.level && !codes.includes(hereRecord.code)) codes.push(hereRecord.code);
        if (!codes.length) return;
        let changed = false;
        for (const code of codes) {
            const before = store[code];
            const after = await save(before).catch(() => null);
            if (after && after.changedFrom && after.changedFrom !== before.changedFrom) changed = true;
        }
        if (due) localStorage.setItem(REFRESHED_AT, String(Date.now()));
        if (changed) {
            for (const old of document.querySelectorAll(".pwa-notice--level")) old.remove();
            showLevelChanges();
        }
    }

    function registerPeriodicRefresh() {
        navigator.serviceWorker.ready
            .then((registration) => registration.periodicSync && registration.periodicSync.register("portal-refresh-saved", { minInterval: 12 * 60 * 60 * 1000 }))
            .catch(() => {});
    }

    function listSaved() {
        const list = document.querySelector("[data-saved-list]");
        if (!list) return;
        const records = Object.values(readStore()).sort((a, b) => a.title.localeCompare(b.title, language));
        list.replaceChildren();
        for (const record of records) {
            const item = document.createElement("li");
            item.className = "offline-saved__item";
            const link = document.createElement("a");
            link.href = record.url;
            link.textContent = record.title;
            const level = document.createElement("span");
            level.className = "offline-saved__level";
            level.textContent = record.levelLabel;
            const age = document.createElement("span");
            age.className = "offline-saved__age small text-body-secondary";
            age.textContent = text("saved-item", { age: formatAge(record.savedAt) });
            item.append(link, " · ", level, " · ", age);
            if ((record.urls || []).includes(record.cardUrl)) {
                const card = document.createElement("a");
                card.href = record.cardUrl;
                card.className = "offline-saved__card";
                card.textContent = text("card");
                item.append(document.createElement("br"), card);
            }
            list.appendChild(item);
        }
        list.hidden = records.length === 0;
        const none = document.querySelector("[data-saved-none]");
        if (none) none.hidden = records.length > 0;
    }

    function setUpInstallHint() {
        const hint = document.querySelector("[data-install-hint]");
        if (!hint) return;
        const standalone = window.matchMedia("(display-mode: standalone)").matches || navigator.standalone === true;
        let dismissed = false;
        try {
            dismissed = localStorage.getItem(HINT_DISMISSED) === "1";
        } catch (error) {
            dismissed = false;
        }
        if (standalone || dismissed) return;
        const button = hint.querySelector("[data-install-button]");
        let prompt = null;
        const linesFor = { prompt: ["any"], ios: ["any", "ios"], menu: ["any", "menu"], wechat: ["wechat"] };
        function show(kind) {
            for (const line of hint.querySelectorAll("[data-install-text]")) line.hidden = !linesFor[kind].includes(line.dataset.installText);
            button.hidden = kind !== "prompt";
            hint.hidden = false;
        }
        hint.querySelector("[data-install-dismiss]").addEventListener("click", () => {
            hint.hidden = true;
            try {
                localStorage.setItem(HINT_DISMISSED, "1");
            } catch (error) {
                /* private browsing */
            }
        });
        button.addEventListener("click", async () => {
            if (!prompt) return;
            prompt.prompt();
            await prompt.userChoice.catch(() => null);
            prompt = null;
            hint.hidden = true;
        });
        window.addEventListener("appinstalled", () => {
            hint.hidden = true;
        });
        const agent = navigator.userAgent;
        // WeChat's browser keeps no service worker for long and cannot install: send people out of it.
        if (/MicroMessenger/i.test(agent)) return show("wechat");
        if (!supported) return;
        window.addEventListener("beforeinstallprompt", (event) => {
            event.preventDefault();
            prompt = event;
            show("prompt");
        });
        if (/iPhone|iPad|iPod/.test(agent)) show("ios");
        else if (window.matchMedia("(pointer: coarse)").matches) show("menu");
    }

    function registerWorker() {
        if (!supported) return;
        navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
    }

    showSavedCopy();
    showLevelChanges();
    setUpSaveButton();
    setUpInstallHint();
    listSaved();
    registerWorker();
    window.addEventListener("online", () => refreshSaved());
    window.addEventListener("load", () => refreshSaved());
})();
