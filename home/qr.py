"""QR codes (segno) as inline SVG for pages and PDFs, or PNG for emails.

Medium error correction survives a cracked phone screen or a smudged print-out; the quiet zone (four
modules) is part of the image, so a code scans wherever it is placed.
"""

import io

import segno
from django.utils.html import escape


def qr_code(url):
    return segno.make(url, error="m", micro=False)


def qr_svg(url, *, css_class="qr", label=""):
    """Inline SVG (no XML declaration), sized by CSS through its viewBox. With `label`, an image with
    that accessible name and title."""
    buffer = io.BytesIO()
    qr_code(url).save(
        buffer,
        kind="svg",
        xmldecl=False,
        svgns=True,
        omitsize=True,
        border=4,
        svgclass=css_class,
        lineclass=None,
        title=label or None,
    )
    svg = buffer.getvalue().decode()
    if label:
        svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
    return svg


def qr_png(url, scale=8):
    """A PNG big enough to scan from a print-out or another screen (`scale` pixels a module)."""
    buffer = io.BytesIO()
    qr_code(url).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
