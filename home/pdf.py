"""PDFs from our own HTML (emergency cards, quiz posters, certificates) with WeasyPrint.

Every document is rendered against STATIC_BASE, and its URL fetcher serves only our own static files
below it: a name or an address printed on a page can never make WeasyPrint open a URL or read a file.
Templates set `font-family: "Noto Sans CJK SC"` themselves (left to fontconfig, Chinese would come in
the Japanese variant).
"""

import gc
from pathlib import Path

from django.contrib.staticfiles import finders

STATIC_BASE = "https://pdf.invalid/static/"
CONTENT_TYPES = {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}


def static_file(url):
    """The bytes and content type of our static file at `url` (below STATIC_BASE); ValueError otherwise."""
    if not url.startswith(STATIC_BASE):
        raise ValueError(f"A PDF loads only our own static files, not {url!r}.")
    relative = url.removeprefix(STATIC_BASE).split("?")[0].split("#")[0]
    if not relative or relative.startswith("/") or ".." in Path(relative).parts:
        raise ValueError(f"Not a static file: {url!r}.")
    path = finders.find(relative)
    if not path:
        raise ValueError(f"No static file {relative!r}.")
    return Path(path).read_bytes(), CONTENT_TYPES.get(Path(path).suffix, "application/octet-stream")


def static_files_only():
    """A WeasyPrint URL fetcher that serves our own static files and refuses everything else."""
    # WeasyPrint takes about a second to import and only PDF renders need it: not at start-up.
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            body, content_type = static_file(url)
            return URLFetcherResponse(url, body, {"Content-Type": content_type})

    return StaticFilesOnly()


def render_pdf(html):
    """The PDF of `html` (rendered with `static_base` = STATIC_BASE for its links) as bytes."""
    # As above: imported on the first render, not at start-up.
    from weasyprint import HTML

    return HTML(string=html, base_url=STATIC_BASE, url_fetcher=static_files_only()).write_pdf()


def release_pdf_memory():
    """Free the font data WeasyPrint leaves behind: call after a render, or after a batch of them.

    WeasyPrint leaves reference cycles holding some 20 MB of font data per document, which only a full
    collection frees: a worker rendering 48 emergency cards peaked at 840 MB without it, 330 MB with
    it. A full collection takes about 0.25 s, so a batch calls it once.
    """
    gc.collect()
