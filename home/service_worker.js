/* The portal's service worker, served at /sw.js by home/pwa_views.py (scope: the whole site).

   - On install: the offline page in each language and the app shell (CSS, the few scripts, icons).
   - Pages: network first, then the copy kept here, then the offline page in the page's language.
   - Static files: cache first when collectstatic has hashed their names, else network first.
   - Never kept: anything but a plain GET of this site, personal pages and token links (by path),
     answers marked private or no-store, pages with a form (a CSRF token) or a signed-in header.
   - Saved destinations (static/js/pwa.js puts them in the "saved" cache) outlive a deploy; every
     other cache carries the version, and a new version deletes the old ones. */
"use strict";

const CONFIG = null; // written by home/pwa.py

const PREFIX = "portal-";
const STATIC_CACHE = `${PREFIX}static-${CONFIG.version}`;
const PAGES_CACHE = `${PREFIX}pages-${CONFIG.version}`;
const SAVED_CACHE = `${PREFIX}saved`;
const KEPT_PAGES = 30;
const SAVED_AT = "X-Portal-Saved-At";
const FROM_SAVED = "X-Portal-From-Saved";
const LANGUAGES = Object.keys(CONFIG.offline);
const PRIVATE_PATTERNS = CONFIG.privatePatterns.map((pattern) => new RegExp(pattern));

self.addEventListener("install", (event) => {
    event.waitUntil(
        (async () => {
            const shell = await caches.open(STATIC_CACHE);
            // Hashed names after collectstatic, served "immutable": the HTTP cache's copies will do.
            await shell.addAll(CONFIG.shell);
            const pages = await caches.open(PAGES_CACHE);
            for (const url of Object.values(CONFIG.offline)) {
                // Without cookies: the offline page as anyone sees it.
                const response = await fetch(new Request(url, { cache: "reload", credentials: "omit" }));
                if (!response.ok) throw new Error(`offline page ${url}: ${response.status}`);
                await pages.put(url, await stamped(response));
            }
            await self.skipWaiting();
        })(),
    );
});

self.addEventListener("activate", (event) => {
    event.waitUntil(
        (async () => {
            const current = [STATIC_CACHE, PAGES_CACHE, SAVED_CACHE];
            for (const name of await caches.keys()) {
                if (name.startsWith(PREFIX) && !current.includes(name)) await caches.delete(name);
            }
            await self.clients.claim();
        })(),
    );
});

self.addEventListener("fetch", (event) => {
    const request = event.request;
    const url = new URL(request.url);
    if (request.method !== "GET" || url.origin !== self.location.origin) return;
    if (url.pathname.startsWith(CONFIG.staticUrl)) {
        event.respondWith(staticFile(request, url));
    } else if (request.mode === "navigate") {
        event.respondWith(page(event, url));
    } else if (url.pathname.endsWith("/emergency-card.pdf")) {
        event.respondWith(savedFallback(request));
    }
});

self.addEventListener("periodicsync", (event) => {
    if (event.tag === "portal-refresh-saved") event.waitUntil(refreshSaved());
});

function isPrivate(url) {
    const path = url.pathname.replace(new RegExp(`^/(${LANGUAGES.join("|")})/`), "/").slice(1);
    return (
        path === "sw.js" ||
        CONFIG.privatePaths.some((prefix) => path.startsWith(prefix)) ||
        PRIVATE_PATTERNS.some((pattern) => pattern.test(url.pathname)) ||
        url.search !== ""
    );
}

function keepable(response) {
    if (response.status !== 200 || response.type !== "basic" || response.redirected) return false;
    const cacheControl = (response.headers.get("Cache-Control") || "").toLowerCase();
    return !/\b(private|no-store)\b/.test(cacheControl);
}

function personalHtml(text) {
    // A form posts with a CSRF token tied to this browser; a signed-in header has "Log out".
    return text.includes("csrfmiddlewaretoken") || /\/accounts\/logout\//.test(text);
}

async function stamped(response) {
    const headers = new Headers(response.headers);
    headers.set(SAVED_AT, new Date().toISOString());
    return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

async function staticFile(request, url) {
    const cache = await caches.open(STATIC_CACHE);
    // Without collectstatic's hashed names (development), a file changes under the same name.
    const cached = CONFIG.hashedStatic ? await cache.match(request, { ignoreSearch: true }) : null;
    if (cached) return cached;
    try {
        const response = await fetch(request);
        if (keepable(response)) await cache.put(request, response.clone());
        return response;
    } catch (error) {
        // A saved page from before a deploy asks for the old hashed name: the current file will do.
        const same = await cache.match(request, { ignoreSearch: true });
        if (same) return same;
        const wanted = unhashed(url.pathname);
        for (const key of await cache.keys()) {
            if (unhashed(new URL(key.url).pathname) === wanted) return cache.match(key);
        }
        throw error;
    }
}

function unhashed(path) {
    return path.replace(/\.[0-9a-f]{12}(\.[a-z0-9]+)$/, "$1");
}

async function page(event, url) {
    const request = event.request;
    try {
        const response = await fetch(request);
        if (!isPrivate(url) && keepable(response) && (response.headers.get("Content-Type") || "").startsWith("text/html")) {
            event.waitUntil(keepPage(url, response.clone()));
        }
        return response;
    } catch (error) {
        const copy = isPrivate(url) ? null : await savedCopy(url);
        return copy || offlinePage(url);
    }
}

async function keepPage(url, response) {
    const text = await response.clone().text();
    if (personalHtml(text)) return;
    const cache = await caches.open(PAGES_CACHE);
    await cache.put(url.href, await stamped(response));
    const keys = await cache.keys();
    const offline = Object.values(CONFIG.offline);
    const visited = keys.filter((key) => !offline.includes(new URL(key.url).pathname));
    for (const key of visited.slice(0, Math.max(0, visited.length - KEPT_PAGES))) await cache.delete(key);
}

async function savedCopy(url) {
    const key = url.origin + url.pathname;
    const cached = (await (await caches.open(SAVED_CACHE)).match(key)) || (await (await caches.open(PAGES_CACHE)).match(key));
    if (!cached) return null;
    // The page says it is a saved copy, and from when: static/js/pwa.js reads this attribute.
    const savedAt = cached.headers.get(SAVED_AT) || "";
    const text = (await cached.text()).replace(/<html(\s|>)/, `<html data-saved-copy="${savedAt}"$1`);
    const headers = new Headers(cached.headers);
    headers.delete("Content-Length");
    headers.set(FROM_SAVED, "1");
    return new Response(text, { status: 200, headers });
}

async function offlinePage(url) {
    const language = LANGUAGES.find((code) => url.pathname.startsWith(`/${code}/`)) || CONFIG.defaultLanguage;
    const cache = await caches.open(PAGES_CACHE);
    return (await cache.match(CONFIG.offline[language])) || Response.error();
}

async function savedFallback(request) {
    try {
        return await fetch(request);
    } catch (error) {
        const url = new URL(request.url);
        const cached = await (await caches.open(SAVED_CACHE)).match(url.origin + url.pathname);
        if (!cached) throw error;
        const headers = new Headers(cached.headers);
        headers.set(FROM_SAVED, "1");
        return new Response(cached.body, { status: 200, headers });
    }
}

async function refreshSaved() {
    const cache = await caches.open(SAVED_CACHE);
    for (const key of await cache.keys()) {
        const response = await fetch(key.url, { credentials: "omit", cache: "no-cache" }).catch(() => null);
        if (!response || !keepable(response)) continue;
        if ((response.headers.get("Content-Type") || "").startsWith("text/html") && personalHtml(await response.clone().text())) continue;
        await cache.put(key, await stamped(response));
    }
}
