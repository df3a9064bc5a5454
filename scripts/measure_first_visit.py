"""Bytes a first visit costs on a phone: every response's encoded (compressed) size on the wire.

    .venv/bin/python scripts/measure_first_visit.py http://127.0.0.1:8391 /zh-hans/ /zh-hans/destinations/th/

Chromium (CHROMIUM_PATH, /usr/bin/chromium) at 360 x 800 with an empty cache, service workers
blocked (the first visit's cost without the worker's install), then allowed (the install's cost on
top). Serve the site as production does (collectstatic, compressed static files, compressed HTML).
"""

import os
import sys

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
    if service_workers == "allow":
        page.evaluate(
            "navigator.serviceWorker.getRegistration().then((r) => r && navigator.serviceWorker.ready)"
        )
        page.wait_for_timeout(2000)
    rows = sorted(((sizes[key], urls.get(key, key)) for key in sizes), reverse=True)
    context.close()
    return rows


def main():
    base, paths = sys.argv[1], sys.argv[2:]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), args=["--no-sandbox"]
        )
        for path in paths:
            page_rows = visit(browser, base, path, "block")
            total = sum(size for size, _ in page_rows)
            print(f"{path}: {total / 1024:.1f} KB in {len(page_rows)} responses (no service worker)")
            for size, url in page_rows:
                print(f"    {size / 1024:7.1f} KB  {url.replace(base, '')}")
            with_worker = visit(browser, base, path, "allow")
            extra = sum(size for size, _ in with_worker) - total
            print(f"{path}: +{extra / 1024:.1f} KB with the service worker's first install")
        browser.close()


if __name__ == "__main__":
    main()
