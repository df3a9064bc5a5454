"""Bytes a first visit costs on a phone: every response's encoded (compressed) size on the wire.

    .venv/bin/python scripts/measure_first_visit.py http://127.0.0.1:8391 /zh-hans/ /zh-hans/destinations/th/

Chromium (CHROMIUM_PATH, /usr/bin/chromium) at 360 x 800 with an empty cache, service workers
blocked (the first visit's cost without the worker's install), then allowed (what the worker keeps
on install). Serve the site as production does (collectstatic, compressed static files, compressed HTML).
"""

import os
import sys
import urllib.request

from playwright.sync_api import sync_playwright


def visit(browser, base, path, service_workers):
    context = browser.new_context(
        viewport={"width": 360, "height": 800},
        is_mobile=True,
        has_touch=True,
        service_workers=service_workers,
        base_url=base,
    )
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    sizes, urls = {}, {}

    def received(event):
        urls[event["requestId"]] = event["response"]["url"]

    def finished(event):
        sizes[event["requestId"]] = event["encodedDataLength"]

    session.on("Network.responseReceived", received)
    session.on("Network.loadingFinished", finished)
    page.goto(path, wait_until="networkidle")
    kept = []
    if service_workers == "allow":
        page.evaluate(
            "navigator.serviceWorker.getRegistration().then((r) => r && navigator.serviceWorker.ready)"
        )
        page.wait_for_timeout(2000)
        kept = page.evaluate(KEPT)
    rows = sorted(((sizes[key], urls.get(key, key)) for key in sizes), reverse=True)
    context.close()
    return rows, kept


# What the service worker keeps: (address, bytes as stored) for every entry of its caches.
KEPT = """async () => {
    const kept = [];
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
            kept.push([request.url, (await (await cache.match(request)).blob()).size]);
        }
    }
    return kept;
}"""


def compressed_size(url):
    """What the same address costs on the wire, compressed as the server sends it."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})  # noqa: S310 (our server)
    with urllib.request.urlopen(request) as response:  # noqa: S310
        return len(response.read())


def main():
    base, paths = sys.argv[1], sys.argv[2:]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), args=["--no-sandbox"]
        )
        for path in paths:
            page_rows, _kept = visit(browser, base, path, "block")
            total = sum(size for size, _ in page_rows)
            print(f"{path}: {total / 1024:.1f} KB in {len(page_rows)} responses (no service worker)")
            for size, url in page_rows:
                print(f"    {size / 1024:7.1f} KB  {url.replace(base, '')}")
            _rows, kept = visit(browser, base, path, "allow")
            stored = sum(size for _url, size in kept)
            fetched = {url for _size, url in page_rows}
            new = sum(compressed_size(url) for url, _size in kept if url not in fetched)
            print(
                f"{path}: the service worker's install keeps {len(kept)} files, {stored / 1024:.1f} KB "
                f"stored; {new / 1024:.1f} KB compressed of them are not already in the page's HTTP cache"
            )
        browser.close()


if __name__ == "__main__":
    main()
