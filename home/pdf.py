"""PDFs from our own HTML (emergency cards, quiz posters, certificates) with WeasyPrint.

Every document is rendered against STATIC_BASE, and its URL fetcher serves only our own static files
below it, and PNG or JPEG `data:` URLs (an image the document carries itself, a certificate's seal): a
name or an address printed on a page can never make WeasyPrint open a URL or read a file.
Templates set `font-family: "Noto Sans CJK SC"` themselves (left to fontconfig, Chinese would come in
the Japanese variant).

Without that font (Debian's fonts-noto-cjk) WeasyPrint still writes a PDF, with every Chinese
character missing: callers ask `cjk_font_available()` before rendering Chinese text, and put
`fonts_fingerprint()` into the fingerprint of a document they store, so installing or updating the
fonts renders it again. The lookup asks fontconfig, as WeasyPrint does for each document.
"""

import base64
import gc
import hashlib
import threading
import time
from pathlib import Path

from django.contrib.staticfiles import finders

STATIC_BASE = "https://pdf.invalid/static/"
CJK_FONT_FAMILY = "Noto Sans CJK SC"
CJK_FONT_PACKAGE = "fonts-noto-cjk"
HARFBUZZ_SUBSET_PACKAGE = "libharfbuzz-subset0"
HARFBUZZ_SUBSET_LIBRARY = "libharfbuzz-subset.so.0"
# How long one process trusts a font lookup (about 15 ms): fonts installed while it runs count soon.
FONT_LOOKUP_SECONDS = 60
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


DATA_URL_TYPES = ("image/png", "image/jpeg")


def data_url(url):
    """The bytes and content type of a base64 `data:` URL of a PNG or JPEG image (nothing is fetched;
    anything else, a stylesheet or an SVG that could load more, is refused)."""
    header, comma, payload = url.removeprefix("data:").partition(",")
    parameters = header.split(";")
    if not comma or parameters[0] not in DATA_URL_TYPES or parameters[1:] != ["base64"]:
        raise ValueError(
            f"A PDF loads only our own static files and PNG or JPEG data: URLs, not {url[:40]!r}."
        )
    return base64.b64decode(payload, validate=True), parameters[0]


def static_files_only():
    """A WeasyPrint URL fetcher that serves our own static files and data: URLs, and refuses
    everything else."""
    # WeasyPrint takes about a second to import and only PDF renders need it: not at start-up.
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            body, content_type = data_url(url) if url.startswith("data:") else static_file(url)
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


FONTCONFIG_DECLARATIONS = """
typedef int FcBool;
typedef unsigned char FcChar8;
typedef struct _FcConfig FcConfig;
typedef struct _FcPattern FcPattern;
typedef struct _FcObjectSet FcObjectSet;
typedef enum {
    FcResultMatch, FcResultNoMatch, FcResultTypeMismatch, FcResultNoId, FcResultOutOfMemory
} FcResult;
typedef struct _FcFontSet { int nfont; int sfont; FcPattern **fonts; } FcFontSet;
FcConfig *FcInitLoadConfigAndFonts(void);
void FcConfigDestroy(FcConfig *config);
FcPattern *FcPatternCreate(void);
void FcPatternDestroy(FcPattern *pattern);
FcBool FcPatternAddString(FcPattern *pattern, const char *object, const FcChar8 *value);
FcResult FcPatternGetString(const FcPattern *pattern, const char *object, int n, FcChar8 **value);
FcObjectSet *FcObjectSetCreate(void);
FcBool FcObjectSetAdd(FcObjectSet *objects, const char *object);
void FcObjectSetDestroy(FcObjectSet *objects);
FcFontSet *FcFontList(FcConfig *config, FcPattern *pattern, FcObjectSet *objects);
void FcFontSetDestroy(FcFontSet *fonts);
"""


def fontconfig_files(family):
    """The font files fontconfig lists for `family` (sorted), read from a fresh configuration as
    WeasyPrint does; empty when there are none or fontconfig itself cannot be loaded."""
    from cffi import FFI  # WeasyPrint's own dependency; loaded on the first lookup, not at start-up

    ffi = FFI()
    ffi.cdef(FONTCONFIG_DECLARATIONS)
    try:
        fontconfig = ffi.dlopen("libfontconfig.so.1")
    except OSError:
        return ()
    config = fontconfig.FcInitLoadConfigAndFonts()
    pattern = fontconfig.FcPatternCreate()
    objects = fontconfig.FcObjectSetCreate()
    try:
        fontconfig.FcPatternAddString(pattern, b"family", family.encode())
        fontconfig.FcObjectSetAdd(objects, b"file")
        fonts = fontconfig.FcFontList(config, pattern, objects)
        files = set()
        value = ffi.new("FcChar8 **")
        for index in range(fonts.nfont if fonts != ffi.NULL else 0):
            if (
                fontconfig.FcPatternGetString(fonts.fonts[index], b"file", 0, value)
                == fontconfig.FcResultMatch
            ):
                files.add(ffi.string(value[0]).decode())
        if fonts != ffi.NULL:
            fontconfig.FcFontSetDestroy(fonts)
    finally:
        fontconfig.FcObjectSetDestroy(objects)
        fontconfig.FcPatternDestroy(pattern)
        fontconfig.FcConfigDestroy(config)
    return tuple(sorted(files))


_font_lookup = {"at": None, "files": ()}
_font_lookup_lock = threading.Lock()


def cjk_font_files():
    """The files of the CJK font our templates name (at most FONT_LOOKUP_SECONDS old)."""
    with _font_lookup_lock:
        now = time.monotonic()
        if _font_lookup["at"] is None or now - _font_lookup["at"] > FONT_LOOKUP_SECONDS:
            _font_lookup["files"] = fontconfig_files(CJK_FONT_FAMILY)
            _font_lookup["at"] = now
        return _font_lookup["files"]


def cjk_font_available():
    """Whether Chinese text would come out in a PDF (else WeasyPrint draws nothing for it)."""
    return bool(cjk_font_files())


def fonts_fingerprint():
    """Which CJK font files a PDF rendered now would use (path, size, time changed): installing,
    updating or removing the fonts changes it."""
    digest = hashlib.sha256()
    for name in cjk_font_files():
        try:
            found = Path(name).stat()
        except OSError:
            continue
        digest.update(f"{name}\0{found.st_size}\0{found.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def harfbuzz_subset_available():
    """Whether WeasyPrint can subset fonts quickly (0.15 s a page rather than 8-10 s)."""
    import ctypes

    try:
        ctypes.CDLL(HARFBUZZ_SUBSET_LIBRARY)
    except OSError:
        return False
    return True
