"""Make the demo media committed in home/demo_media/ (run once; seed_demo only reads the output).

    .venv/bin/python scripts/make_demo_media.py images pdfs covers
    /tmp/avenv/bin/python scripts/make_demo_media.py videos

- images: hero images drawn with Pillow (flat colours and simple shapes, no text), saved as small PNGs;
- pdfs: the three brochures, HTML rendered by WeasyPrint in "Noto Sans CJK SC" (fonts-noto-cjk);
- covers: each brochure's first page as a PNG (poppler's ``pdftoppm``);
- videos: two six-second silent clips, H.264 in MP4, encoded by PyAV (its wheels bundle FFmpeg),
  with their posters. PyAV is not a project requirement: install it in a throwaway venv
  (``python3.11 -m venv /tmp/avenv && /tmp/avenv/bin/pip install av pillow numpy``).

The WebVTT captions are written by hand (home/demo_media/*.vtt).
"""

import math
import re
import shutil
import subprocess
import sys
from html import escape
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parent.parent / "home" / "demo_media"
FONT_BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
FONT_SC_INDEX = 2  # the Simplified Chinese face in the collection

RED = (179, 18, 27)
RED_DARK = (138, 13, 20)
GOLD = (240, 190, 70)
INK = (29, 36, 48)
BLUE = (11, 87, 164)
SKY = (231, 241, 251)
CREAM = (251, 238, 238)
WHITE = (255, 255, 255)
GREEN = (30, 120, 90)

HERO_SIZE = (1200, 675)
SCALE = 2  # draw at twice the size, then shrink: smooth edges


# --- images -----------------------------------------------------------------------------------


def canvas(background, size=HERO_SIZE):
    image = Image.new("RGB", (size[0] * SCALE, size[1] * SCALE), background)
    return image, ImageDraw.Draw(image)


def s(*values):
    """Coordinates given at the final size, scaled to the drawing size."""
    return [v * SCALE for v in values]


def finish(image, name, colours=32):
    image = image.resize((image.width // SCALE, image.height // SCALE), Image.LANCZOS)
    image = image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    path = OUT / name
    image.save(path, optimize=True)
    print(f"{path.name}: {path.stat().st_size} bytes")


def circle(draw, cx, cy, r, **kwargs):
    draw.ellipse(s(cx - r, cy - r, cx + r, cy + r), **kwargs)


def backdrop(draw, colour, accent):
    """A quiet background: two large soft circles on the right."""
    circle(draw, 960, 160, 330, fill=accent)
    circle(draw, 1150, 620, 220, fill=colour)


def warning_triangle(draw, cx, cy, size, fill, mark):
    h = size * math.sqrt(3) / 2
    draw.polygon(s(cx, cy - h / 2, cx + size / 2, cy + h / 2, cx - size / 2, cy + h / 2), fill=fill)
    draw.rounded_rectangle(s(cx - 9, cy - h / 5, cx + 9, cy + h / 5), radius=8 * SCALE, fill=mark)
    circle(draw, cx, cy + h / 3.2, 11, fill=mark)


def hero_fraud():
    image, draw = canvas(SKY)
    backdrop(draw, (214, 230, 247), (222, 236, 250))
    # a phone
    draw.rounded_rectangle(s(420, 110, 700, 600), radius=40 * SCALE, fill=INK)
    draw.rounded_rectangle(s(440, 150, 680, 540), radius=14 * SCALE, fill=(242, 246, 250))
    circle(draw, 560, 570, 14, fill=(90, 98, 112))
    # incoming call waves
    for r in (70, 110, 150):
        draw.arc(s(700 - r, 240 - r, 700 + r, 240 + r), -60, 10, fill=BLUE, width=14 * SCALE)
    warning_triangle(draw, 560, 360, 200, RED, WHITE)
    finish(image, "hero-fraud.png")


def hero_passport():
    image, draw = canvas(CREAM)
    backdrop(draw, (246, 222, 222), (248, 230, 230))
    draw.rounded_rectangle(s(440, 90, 760, 590), radius=22 * SCALE, fill=RED_DARK)
    draw.rectangle(s(440, 90, 470, 590), fill=(110, 10, 16))
    circle(draw, 600, 290, 95, outline=GOLD, width=10 * SCALE)
    draw.ellipse(s(555, 195, 645, 385), outline=GOLD, width=8 * SCALE)
    draw.line(s(505, 290, 695, 290), fill=GOLD, width=8 * SCALE)
    draw.line(s(600, 195, 600, 385), fill=GOLD, width=8 * SCALE)
    draw.rounded_rectangle(s(520, 450, 680, 470), radius=10 * SCALE, fill=GOLD)
    draw.rounded_rectangle(s(545, 495, 655, 512), radius=8 * SCALE, fill=GOLD)
    # a magnifying glass: looking for it
    circle(draw, 820, 470, 80, outline=INK, width=22 * SCALE)
    draw.line(s(876, 526, 960, 610), fill=INK, width=30 * SCALE)
    finish(image, "hero-passport.png")


def heart(draw, cx, cy, size, fill):
    r = size / 4
    circle(draw, cx - r, cy - r / 2, r * 1.05, fill=fill)
    circle(draw, cx + r, cy - r / 2, r * 1.05, fill=fill)
    draw.polygon(
        s(cx - 2 * r - r * 0.02, cy - r / 4, cx + 2 * r + r * 0.02, cy - r / 4, cx, cy + size * 0.62),
        fill=fill,
    )


def hero_mind():
    image, draw = canvas((238, 246, 240))
    backdrop(draw, (220, 236, 226), (226, 240, 231))
    # sun rays around a heart: warmth and care
    for i in range(12):
        angle = i * math.pi / 6
        x1, y1 = 600 + 190 * math.cos(angle), 330 + 190 * math.sin(angle)
        x2, y2 = 600 + 250 * math.cos(angle), 330 + 250 * math.sin(angle)
        draw.line(s(x1, y1, x2, y2), fill=GOLD, width=18 * SCALE)
    circle(draw, 600, 330, 160, fill=WHITE)
    heart(draw, 600, 330, 200, (214, 80, 90))
    # two leaves
    draw.ellipse(s(250, 470, 420, 540), fill=GREEN)
    draw.ellipse(s(780, 470, 950, 540), fill=(60, 150, 110))
    finish(image, "hero-mind.png")


def hero_disaster():
    image, draw = canvas((232, 240, 248))
    backdrop(draw, (214, 226, 240), (222, 232, 244))
    # a house on a hill, waves below, an arrow pointing uphill
    draw.polygon(s(150, 675, 700, 300, 1200, 675), fill=(120, 160, 120))
    draw.rectangle(s(560, 230, 720, 340), fill=WHITE)
    draw.polygon(s(540, 240, 640, 160, 740, 240), fill=RED_DARK)
    draw.rectangle(s(620, 280, 660, 340), fill=INK)
    for row, colour in enumerate([(40, 110, 180), (25, 90, 160), (15, 70, 135)]):
        y = 520 + row * 50
        points = []
        for x in range(0, 1201, 20):
            points += s(x, y + 18 * math.sin(x / 45 + row))
        points += s(1200, 675, 0, 675)
        draw.polygon(points, fill=colour)
    draw.line(s(260, 470, 450, 330), fill=GOLD, width=26 * SCALE)
    draw.polygon(s(470, 300, 400, 320, 455, 375), fill=GOLD)
    finish(image, "hero-disaster.png")


def hero_traffic():
    image, draw = canvas((236, 240, 244))
    backdrop(draw, (222, 228, 236), (228, 233, 240))
    draw.polygon(s(520, 120, 680, 120, 1000, 675, 200, 675), fill=(70, 78, 90))
    for i in range(6):
        top = 140 + i * 95
        height = 40 + i * 12
        half_top = 5 + i * 3
        half_bottom = half_top + 3
        draw.polygon(
            s(
                600 - half_top,
                top,
                600 + half_top,
                top,
                600 + half_bottom,
                top + height,
                600 - half_bottom,
                top + height,
            ),
            fill=WHITE,
        )
    # traffic light
    draw.rounded_rectangle(s(880, 120, 980, 400), radius=24 * SCALE, fill=INK)
    draw.rectangle(s(922, 400, 938, 640), fill=INK)
    circle(draw, 930, 170, 32, fill=RED)
    circle(draw, 930, 260, 32, fill=(90, 80, 40))
    circle(draw, 930, 350, 32, fill=(40, 80, 60))
    finish(image, "hero-traffic.png")


def hero_plane():
    image, draw = canvas(SKY)
    backdrop(draw, (214, 230, 247), (222, 236, 250))
    # dashed flight path
    for i in range(14):
        a0 = math.pi * (1.05 + i * 0.055)
        a1 = a0 + 0.03
        draw.arc(s(150, 200, 1050, 1000), math.degrees(a0), math.degrees(a1), fill=BLUE, width=10 * SCALE)
    # a plane pointing up-right
    cx, cy = 760, 300
    angle = -math.pi / 5

    def rot(x, y):
        return (
            cx + x * math.cos(angle) - y * math.sin(angle),
            cy + x * math.sin(angle) + y * math.cos(angle),
        )

    body = [rot(-170, -22), rot(150, -22), rot(200, 0), rot(150, 22), rot(-170, 22)]
    wing = [
        rot(-10, -22),
        rot(-80, -190),
        rot(-30, -190),
        rot(80, -22),
        rot(80, 22),
        rot(-30, 190),
        rot(-80, 190),
        rot(-10, 22),
    ]
    tail = [
        rot(-170, -22),
        rot(-210, -90),
        rot(-180, -90),
        rot(-130, -22),
        rot(-130, 22),
        rot(-180, 90),
        rot(-210, 90),
        rot(-170, 22),
    ]
    for shape in (wing, tail, body):
        draw.polygon([c * SCALE for point in shape for c in point], fill=RED)
    finish(image, "hero-plane.png")


def shield(draw, cx, cy, w, h, fill):
    draw.polygon(
        s(
            cx - w / 2,
            cy - h / 2 + 30,
            cx,
            cy - h / 2,
            cx + w / 2,
            cy - h / 2 + 30,
            cx + w / 2,
            cy,
            cx,
            cy + h / 2,
            cx - w / 2,
            cy,
        ),
        fill=fill,
    )


def hero_shield():
    image, draw = canvas(CREAM)
    backdrop(draw, (246, 222, 222), (248, 230, 230))
    shield(draw, 600, 330, 340, 440, RED)
    shield(draw, 600, 335, 280, 370, RED_DARK)
    draw.line(s(510, 330, 580, 400, 700, 260), fill=GOLD, width=34 * SCALE, joint="curve")
    finish(image, "hero-shield.png")


def hero_health():
    image, draw = canvas((238, 246, 246))
    backdrop(draw, (220, 238, 238), (228, 242, 242))
    circle(draw, 600, 300, 200, fill=WHITE)
    draw.rounded_rectangle(s(560, 170, 640, 430), radius=12 * SCALE, fill=(200, 40, 50))
    draw.rounded_rectangle(s(470, 260, 730, 340), radius=12 * SCALE, fill=(200, 40, 50))
    # heartbeat line
    draw.line(
        s(80, 580, 420, 580, 470, 520, 520, 640, 570, 560, 600, 580, 1120, 580),
        fill=(20, 110, 120),
        width=14 * SCALE,
        joint="curve",
    )
    finish(image, "hero-health.png")


def hero_scales():
    image, draw = canvas((242, 240, 234))
    backdrop(draw, (232, 228, 216), (236, 233, 224))
    draw.rectangle(s(590, 140, 610, 540), fill=INK)
    draw.rounded_rectangle(s(470, 530, 730, 570), radius=12 * SCALE, fill=INK)
    draw.line(s(380, 200, 820, 200), fill=INK, width=16 * SCALE)
    circle(draw, 600, 150, 26, fill=GOLD)
    for x in (400, 800):
        draw.line(s(x, 200, x - 70, 380), fill=INK, width=6 * SCALE)
        draw.line(s(x, 200, x + 70, 380), fill=INK, width=6 * SCALE)
        draw.chord(s(x - 100, 300, x + 100, 440), 0, 180, fill=GOLD)
    finish(image, "hero-scales.png")


def hero_metro():
    image, draw = canvas((236, 240, 246))
    backdrop(draw, (222, 228, 240), (228, 233, 243))
    # the front of a train on its rails
    draw.polygon(s(380, 675, 560, 520, 640, 520, 820, 675), fill=(150, 156, 168))
    draw.line(s(470, 675, 585, 520), fill=INK, width=10 * SCALE)
    draw.line(s(730, 675, 615, 520), fill=INK, width=10 * SCALE)
    draw.rounded_rectangle(s(430, 110, 770, 540), radius=60 * SCALE, fill=BLUE)
    draw.rounded_rectangle(s(470, 160, 730, 330), radius=24 * SCALE, fill=(214, 232, 250))
    draw.rectangle(s(430, 380, 770, 410), fill=GOLD)
    circle(draw, 500, 470, 24, fill=WHITE)
    circle(draw, 700, 470, 24, fill=WHITE)
    # a hand reaching for a bag: mind your belongings
    draw.rounded_rectangle(s(850, 330, 1010, 470), radius=20 * SCALE, fill=RED)
    draw.arc(s(880, 270, 980, 370), 180, 360, fill=RED_DARK, width=16 * SCALE)
    warning_triangle(draw, 930, 410, 70, GOLD, INK)
    finish(image, "hero-metro.png")


def hero_scooter():
    image, draw = canvas((240, 246, 238))
    backdrop(draw, (226, 238, 222), (232, 242, 229))
    draw.rectangle(s(0, 560, 1200, 675), fill=(90, 96, 108))
    for x in range(40, 1200, 160):
        draw.rectangle(s(x, 610, x + 80, 622), fill=WHITE)
    # a scooter
    for cx in (430, 770):
        circle(draw, cx, 480, 80, fill=INK)
        circle(draw, cx, 480, 34, fill=(200, 204, 210))
    draw.polygon(s(460, 470, 740, 470, 700, 380, 520, 380), fill=RED)
    draw.rounded_rectangle(s(500, 350, 640, 385), radius=14 * SCALE, fill=INK)
    draw.line(s(720, 400, 770, 470), fill=INK, width=16 * SCALE)
    draw.line(s(690, 240, 720, 400), fill=INK, width=16 * SCALE)
    draw.line(s(650, 240, 740, 240), fill=INK, width=14 * SCALE)
    # a helmet
    draw.chord(s(880, 190, 1080, 390), 180, 360, fill=GOLD)
    draw.rectangle(s(880, 285, 1080, 305), fill=RED_DARK)
    finish(image, "hero-scooter.png")


def hero_cash_machine():
    image, draw = canvas((242, 240, 246))
    backdrop(draw, (230, 226, 238), (235, 232, 242))
    draw.rounded_rectangle(s(400, 90, 800, 640), radius=30 * SCALE, fill=(70, 78, 90))
    draw.rounded_rectangle(s(450, 140, 750, 330), radius=12 * SCALE, fill=(214, 232, 250))
    for row in range(3):
        for col in range(3):
            x, y = 470 + col * 60, 380 + row * 55
            draw.rounded_rectangle(s(x, y, x + 44, y + 38), radius=6 * SCALE, fill=(200, 204, 210))
    draw.rounded_rectangle(s(670, 390, 740, 410), radius=6 * SCALE, fill=INK)
    # a hand shielding the keypad
    draw.rounded_rectangle(s(440, 350, 690, 420), radius=30 * SCALE, fill=(236, 190, 160))
    # a bank card
    draw.rounded_rectangle(s(860, 230, 1100, 380), radius=16 * SCALE, fill=RED)
    draw.rectangle(s(860, 270, 1100, 300), fill=INK)
    draw.rounded_rectangle(s(890, 320, 950, 355), radius=6 * SCALE, fill=GOLD)
    finish(image, "hero-cash-machine.png")


def make_images():
    for draw_hero in (
        hero_metro,
        hero_scooter,
        hero_cash_machine,
        hero_fraud,
        hero_passport,
        hero_mind,
        hero_disaster,
        hero_traffic,
        hero_plane,
        hero_shield,
        hero_health,
        hero_scales,
    ):
        draw_hero()


# --- brochures ---------------------------------------------------------------------------------

CSS = """
@page { size: A5; margin: 14mm 13mm 16mm;
        @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #666; } }
@page :first { margin: 0; @bottom-center { content: none; } }
html { font-family: "Noto Sans CJK SC"; font-size: 11pt; line-height: 1.6; color: #1d2430; }
h1, h2, h3, strong, b { font-family: "Noto Sans CJK SC"; font-weight: 400; }
.cover { height: 210mm; background: #b3121b; color: #fff; padding: 22mm 14mm 0; box-sizing: border-box;
         page-break-after: always; position: relative; overflow: hidden; }
.cover::before { content: ""; position: absolute; right: -30mm; top: -30mm; width: 90mm; height: 90mm;
                 border-radius: 50%; background: var(--circle); }
.cover > * { position: relative; }
.cover .kicker { font-size: 10pt; letter-spacing: 0.2em; color: #f0be46; margin: 0 0 8mm; }
.cover h1 { font-size: 24pt; line-height: 1.25; margin: 0 0 4mm; }
.cover .en { font-size: 13pt; margin: 0 0 12mm; color: #fde8e8; }
.cover .hotline { position: absolute; left: 14mm; right: 14mm; bottom: 18mm; border-top: 2px solid #f0be46;
                  padding-top: 5mm; font-size: 10pt; }
.cover .hotline b { font-size: 22pt; color: #fff; display: block; }
.cover .by { position: absolute; right: 14mm; bottom: 6mm; font-size: 8pt; color: #fde8e8; }
h2 { color: #8a0d14; font-size: 15pt; border-bottom: 1.5px solid #b3121b; padding-bottom: 1mm;
     margin: 0 0 3mm; }
h2 .en, h3 .en { color: #555; font-weight: 400; font-size: 9pt; margin-left: 2mm; }
h3 { font-size: 12pt; color: #8a0d14; margin: 5mm 0 1.5mm; }
ul, ol { margin: 0 0 2mm; padding-left: 5mm; }
li { margin-bottom: 1mm; }
li .en, p .en { display: block; color: #4a5160; font-size: 9pt; line-height: 1.4; }
.box { border: 1.5px solid #b3121b; background: #fdecee; padding: 3mm 4mm; margin: 4mm 0; }
.box .en { display: block; color: #4a5160; font-size: 9pt; line-height: 1.45; margin-top: 1mm; }
.box.info { border-color: #0b57a4; background: #eef5fc; }
.page { page-break-before: always; }
.note { font-size: 8pt; color: #666; margin-top: 5mm; }
"""


def item(zh, en=None):
    text = escape(zh)
    if en:
        text += f'<span class="en" lang="en">{escape(en)}</span>'
    return f"<li>{text}</li>"


def section(title_zh, title_en, items, bilingual=True):
    heading = escape(title_zh) + (
        f'<span class="en" lang="en">{escape(title_en)}</span>' if bilingual else ""
    )
    entries = "".join(item(zh, en if bilingual else None) for zh, en in items)
    return f"<h3>{heading}</h3><ul>{entries}</ul>"


def cover(kicker, title_zh, title_en, colour="#b3121b", circle="#c4282f"):
    english = f'<p class="en" lang="en">{escape(title_en)}</p>' if title_en else ""
    return (
        f'<section class="cover" style="background: {colour}; --circle: {circle}">'
        f'<p class="kicker">{escape(kicker)}</p><h1>{escape(title_zh)}</h1>{english}'
        '<div class="hotline">外交部全球领事保护与服务应急呼叫中心<br>'
        '<span lang="en">Global Emergency Call Centre for Consular Protection and Services</span>'
        "<b>12308</b>境外拨打 From abroad: +86-10-12308 · 24/7</div>"
        '<p class="by">外事办公室 · 领事保护进万家 · 演示宣传册 Demo brochure</p></section>'
    )


def truetype_outlines(data):
    """A CFF (OpenType) font subset as TrueType outlines, glyph ids kept.

    WeasyPrint keeps glyph ids when it subsets, so a subset of a CJK font still lists some 60,000
    (empty) glyphs: as CFF that costs about 100 KB per font; as TrueType the empty glyphs compress
    to almost nothing. The font is then embedded as a CID TrueType font (CIDToGIDMap /Identity).
    """
    import io

    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(io.BytesIO(data))
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def render_pdf(name, body, title):
    from weasyprint import HTML
    from weasyprint.pdf.fonts import Font

    if not getattr(Font.subset, "as_truetype", False):
        subset = Font.subset

        def subset_as_truetype(self, to_unicode, hinting):
            subset(self, to_unicode, hinting)
            if self.file_content[:4] == b"OTTO":
                self.file_content = truetype_outlines(self.file_content)

        subset_as_truetype.as_truetype = True
        Font.subset = subset_as_truetype

    html = (
        f'<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{CSS}</style></head><body>{body}</body></html>"
    )
    path = OUT / name
    # PDF 1.4: no compressed object streams, so the page objects can be counted in the bytes.
    HTML(string=html).write_pdf(path, pdf_version="1.4")
    han = len(set(re.findall(r"[\u3400-\u9fff]", html)))
    print(f"{path.name}: {path.stat().st_size} bytes, {han} different Chinese characters")


def brochure_travel():
    body = cover("领事保护进万家", "海外安全出行手册", "Travel safety abroad: a pocket guide")
    body += '<div class="page"><h2>出行前<span class="en">Before you go</span></h2>'
    body += section(
        "证件与签证",
        "Documents and visas",
        [
            (
                "护照有效期在6个月以上，签证类型与出行目的一致。",
                "Passport valid for 6+ months; a visa that matches your purpose.",
            ),
            (
                "复印护照资料页和签证页，与原件分开存放，并发一份给家人。",
                "Copy your passport and visa; keep copies apart and send one home.",
            ),
        ],
    )
    body += section(
        "登记与保险",
        "Registration and insurance",
        [
            (
                "在“中国领事”APP进行出国及海外中国公民自愿登记。",
                "Register your trip in the China Consular Affairs app.",
            ),
            ("购买覆盖医疗和紧急救援的境外保险。", "Buy insurance that covers medical care and evacuation."),
        ],
    )
    body += section(
        "了解目的地",
        "Know your destination",
        [
            (
                "查看外交部和使领馆发布的安全提醒：注意安全、谨慎前往、暂勿前往。",
                "Check safety reminders: pay attention to safety, travel with caution, "
                "do not travel for now.",
            ),
            (
                "了解当地法律、风俗、海关和检疫规定。",
                "Learn local laws, customs rules and biosecurity rules.",
            ),
        ],
    )
    body += section(
        "紧急联系卡",
        "Emergency card",
        [
            (
                "写下家人电话、住址、使领馆电话和 12308，随身携带。",
                "Write down family phone numbers, your address, the embassy's number and 12308; carry it.",
            ),
        ],
    )
    body += "</div>"
    body += '<div class="page"><h2>在海外<span class="en">While abroad</span></h2>'
    body += section(
        "防盗防抢",
        "Theft and robbery",
        [
            (
                "少带现金，背包背在身前，夜间避免独行。",
                "Carry little cash, wear your bag in front, avoid walking alone at night.",
            ),
            ("遇到抢劫，生命安全第一，不要反抗。", "If robbed, your life comes first: do not resist."),
        ],
    )
    body += section(
        "防范诈骗",
        "Scams",
        [
            (
                "使领馆不会通过电话要求转账汇款。",
                "Embassies and consulates never ask you to transfer money by phone.",
            ),
            (
                "接到“涉嫌犯罪”的电话，先挂断，再核实。",
                "A call saying you are “under investigation”? Hang up, then check.",
            ),
        ],
    )
    body += section(
        "交通安全",
        "On the road",
        [
            (
                "确认驾照在当地是否有效，注意车辆靠左或靠右行驶。",
                "Check your licence is valid there, and which side of the road to drive on.",
            ),
            ("系好安全带，骑车戴头盔，绝不酒后驾驶。", "Wear a seat belt or helmet; never drink and drive."),
        ],
    )
    body += section(
        "卫生健康",
        "Health",
        [
            (
                "带好常用药和处方，注意饮食和饮水卫生。",
                "Bring your usual medicines and prescriptions; take care with food and water.",
            ),
            ("生病受伤及时就医，保存病历和收据。", "See a doctor early; keep medical records and receipts."),
        ],
    )
    body += "</div>"
    body += '<div class="page"><h2>紧急情况<span class="en">In an emergency</span></h2><ol>'
    body += item("确保人身安全，远离危险区域。", "Get yourself to safety.")
    body += item(
        "拨打当地报警或急救电话：欧盟 112，美国 911，英国 999，澳大利亚 000。",
        "Call local police or ambulance: EU 112, US 911, UK 999, Australia 000.",
    )
    body += item(
        "联系中国驻当地使领馆，或拨打 12308。", "Contact the Chinese embassy or consulate, or call 12308."
    )
    body += item(
        "向家人报平安，保存报案证明和单据。",
        "Tell your family you are safe; keep police reports and receipts.",
    )
    body += "</ol>"
    body += (
        '<div class="box info"><strong>领事保护可以</strong>：'
        "提供咨询和信息、协助联系家人、敦促当地依法公正处理、"
        "重大突发事件中协助撤离。"
        '<span class="en" lang="en">Consular protection can: advise you, help you reach your family, '
        "urge local authorities to act fairly under the law, help with evacuation in a crisis.</span></div>"
        '<div class="box"><strong>领事保护不能</strong>：'
        "替您支付费用、干涉司法、为您争取特殊待遇、办理私人事务。"
        '<span class="en" lang="en">It cannot: pay your bills, interfere in court cases, get you special '
        "treatment, or handle private matters for you.</span></div>"
        '<p class="note">本手册为演示内容，具体规定以官方发布为准。'
        "This is demo content; official rules prevail.</p></div>"
    )
    render_pdf("brochure-travel-safety.pdf", body, "海外安全出行手册")


def brochure_study():
    body = cover("校园行前培训", "出国留学安全指南", "", "#0b4c8f", "#1a5d9e")
    body += '<div class="page"><h2>安全第一课</h2>'
    body += section(
        "出发前",
        "",
        [
            ("办理与学业相符的学生签证，了解入学注册和居留登记时间。", None),
            ("在“中国领事”APP进行出国及海外中国公民自愿登记。", None),
            ("了解学校的国际学生办公室、心理咨询和紧急求助电话。", None),
            ("填好紧急联系卡：国内家人电话、学校电话、使领馆电话、12308。", None),
        ],
        bilingual=False,
    )
    body += section(
        "保管好证件",
        "",
        [
            ("护照和居留证件复印件与原件分开存放，手机里存一份照片。", None),
            ("证件丢失被盗，先报警取得证明，再联系使领馆补办。", None),
        ],
        bilingual=False,
    )
    body += section(
        "防范诈骗",
        "",
        [
            ("国内公检法机关不会通过电话办案，更不会要求“秘密配合调查”。", None),
            ("“虚拟绑架”：诈骗分子诱骗学生切断联系，再向家人索要“赎金”。", None),
            ("不出借银行账户，不帮人“代收代转”款项，以免卷入洗钱。", None),
            ("租房先看房、签合同，不提前把押金转给陌生人。", None),
        ],
        bilingual=False,
    )
    body += "</div>"
    body += '<div class="page"><h2>照顾好自己</h2>'
    body += section(
        "心理健康",
        "",
        [
            ("想家、焦虑是常见的适应反应，可以和家人、同学、老师聊一聊。", None),
            ("情绪低落持续两周以上，请联系学校的心理咨询服务。", None),
            ("有伤害自己的念头时，立即拨打当地急救电话或去医院急诊。", None),
        ],
        bilingual=False,
    )
    body += section(
        "人身与交通安全",
        "",
        [
            ("夜间结伴出行，远离偏僻街区；乘坐正规出租车。", None),
            ("遵守当地法律，不参与非法集会，不碰毒品。", None),
            ("过马路先看清来车方向；骑车戴头盔。", None),
        ],
        bilingual=False,
    )
    body += (
        '<div class="box"><strong>遇到紧急情况</strong>：先确保安全，拨打当地报警或急救电话，'
        "再联系中国驻当地使领馆，或拨打 12308（境外 +86-10-12308）。</div>"
        '<p class="note">本指南为演示内容，具体规定以学校和官方发布为准。</p></div>'
    )
    render_pdf("brochure-study-abroad.pdf", body, "出国留学安全指南")


def brochure_company():
    body = cover(
        "走进企业 · 服务包", "企业外派人员海外安全", "Overseas safety for company staff", "#1d2430", "#2b3545"
    )
    body += '<div class="page"><h2>服务包<span class="en">The service package</span></h2>'
    body += section(
        "外办为企业提供",
        "What the Foreign Affairs Office offers",
        [
            (
                "外派前安全培训和目的地安全形势介绍。",
                "Pre-departure safety training and briefings on destinations.",
            ),
            ("应急预案编制指导和演练建议。", "Guidance on emergency plans and drills."),
            ("宣传册、视频和安全知识问答。", "Brochures, videos and safety quizzes."),
        ],
    )
    body += section(
        "企业应当做到",
        "What the company should do",
        [
            (
                "评估项目所在地的安全风险，关注安全提醒等级。",
                "Assess risks where you work; follow the reminder levels.",
            ),
            (
                "为员工办理合法的工作签证和许可，购买保险。",
                "Get proper work visas and permits; insure your staff.",
            ),
            (
                "指定安全联络人，保持与使领馆的联系。",
                "Name a security contact and keep in touch with the embassy.",
            ),
            (
                "关心员工身心健康，安排合理的轮休。",
                "Look after staff wellbeing; plan proper rest and home leave.",
            ),
        ],
    )
    body += (
        '<div class="box"><strong>暂勿前往</strong>：对提醒为“暂勿前往”的国家或地区，请暂缓派员；'
        "已在当地的人员做好防护或适时撤离。"
        '<span class="en" lang="en">Do not travel for now: postpone sending staff; staff already there take '
        "shelter or leave in time.</span></div>"
        '<p class="note">本资料为演示内容。This is demo content.</p></div>'
    )
    render_pdf("brochure-company-staff.pdf", body, "企业外派人员海外安全")


def make_pdfs():
    brochure_travel()
    brochure_study()
    brochure_company()


def make_covers():
    """Each brochure's first page, small, as its cover image."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        sys.exit("pdftoppm (poppler-utils) is needed for the covers")
    for name in ("brochure-travel-safety", "brochure-study-abroad", "brochure-company-staff"):
        target = OUT / f"cover-{name.removeprefix('brochure-')}"
        subprocess.run(  # noqa: S603 - fixed arguments, our own files
            [
                pdftoppm,
                "-png",
                "-singlefile",
                "-f",
                "1",
                "-l",
                "1",
                "-scale-to-x",
                "600",
                "-scale-to-y",
                "-1",
                str(OUT / f"{name}.pdf"),
                str(target),
            ],
            check=True,
        )
        path = target.with_suffix(".png")
        image = Image.open(path).convert("RGB")
        image.quantize(colors=48, dither=Image.Dither.NONE).save(path, optimize=True)
        print(f"{path.name}: {path.stat().st_size} bytes")
        brochure_hero(image, OUT / f"hero-{name}.png")


def brochure_hero(cover_page, path):
    """A landscape picture for cards and link previews: the cover, as a leaflet on a table."""
    hero = Image.new("RGB", HERO_SIZE, (238, 232, 224))
    draw = ImageDraw.Draw(hero)
    draw.ellipse((760, -200, 1400, 440), fill=(230, 222, 212))
    leaflet = cover_page.resize((400, round(400 * cover_page.height / cover_page.width)), Image.LANCZOS)
    leaflet = leaflet.crop((0, 0, 400, 560))
    left, top = (HERO_SIZE[0] - 400) // 2, 70
    draw.rectangle((left + 14, top + 14, left + 414, top + 574), fill=(200, 190, 178))
    hero.paste(leaflet, (left, top))
    hero.quantize(colors=48, dither=Image.Dither.NONE).save(path, optimize=True)
    print(f"{path.name}: {path.stat().st_size} bytes")


# --- videos ------------------------------------------------------------------------------------

VIDEO_SIZE = (480, 270)
FPS = 15
SECONDS = 6


def font(size):
    return ImageFont.truetype(FONT_BOLD, size, index=FONT_SC_INDEX)


def ease(t):
    t = max(0.0, min(1.0, t))
    return t * t * (3 - 2 * t)


def frame_12308(t):
    """A phone rings, then the number appears: 12308, and +86-10-12308 from abroad."""
    w, h = VIDEO_SIZE
    image = Image.new("RGB", VIDEO_SIZE, RED)
    draw = ImageDraw.Draw(image)
    draw.ellipse((w - 200, -90, w + 60, 170), fill=(196, 40, 48))
    # the phone shakes for the first two seconds
    shake = 6 * math.sin(t * 40) if t < 2 else 0
    px, py = 70 + shake, 70
    draw.rounded_rectangle((px, py, px + 80, py + 140), radius=14, fill=WHITE)
    draw.rounded_rectangle((px + 8, py + 14, px + 72, py + 114), radius=4, fill=(252, 226, 228))
    draw.ellipse((px + 34, py + 120, px + 46, py + 132), fill=(200, 200, 200))
    for i, r in enumerate((30, 46, 62)):
        if (t * 3 + i) % 3 < 2 and t < 2.5:
            draw.arc((px + 80 - r, py + 40 - r, px + 80 + r, py + 40 + r), -60, 20, fill=GOLD, width=5)
    appear = ease((t - 1.6) / 0.8)
    if appear > 0:
        number = font(int(64 * (0.6 + 0.4 * appear)))
        colour = tuple(int(RED[i] + (WHITE[i] - RED[i]) * appear) for i in range(3))
        draw.text((190, 90), "12308", font=number, fill=colour, anchor="lm")
    later = ease((t - 3.6) / 0.8)
    if later > 0:
        colour = tuple(int(RED[i] + (GOLD[i] - RED[i]) * later) for i in range(3))
        draw.text((192, 150), "+86-10-12308", font=font(26), fill=colour, anchor="lm")
        draw.text((192, 190), "24 / 7", font=font(22), fill=colour, anchor="lm")
    # a progress line along the bottom
    draw.rectangle((0, h - 6, int(w * t / SECONDS), h), fill=GOLD)
    return image


def frame_three_things(t):
    """Three cards turn up one after another: registration, insurance, emergency card (1, 2, 3)."""
    w, h = VIDEO_SIZE
    image = Image.new("RGB", VIDEO_SIZE, SKY)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, w, 40), fill=BLUE)
    for i in range(3):
        start = 0.2 + i * 1.8
        k = ease((t - start) / 0.6)
        if k <= 0:
            continue
        x = 30 + i * 150
        y = 70 + (1 - k) * 40
        draw.rounded_rectangle((x, y, x + 120, y + 160), radius=12, fill=WHITE, outline=BLUE, width=3)
        draw.ellipse((x + 40, y - 18, x + 80, y + 22), fill=RED)
        draw.text((x + 60, y + 2), str(i + 1), font=font(24), fill=WHITE, anchor="mm")
        cx, cy = x + 60, y + 95
        if i == 0:  # registration: a phone with a check mark
            draw.rounded_rectangle((cx - 22, cy - 40, cx + 22, cy + 40), radius=6, fill=INK)
            draw.line((cx - 12, cy, cx - 3, cy + 10, cx + 13, cy - 12), fill=GOLD, width=5)
        elif i == 1:  # insurance: a shield with a cross
            draw.polygon(
                (cx - 30, cy - 35, cx, cy - 45, cx + 30, cy - 35, cx + 30, cy, cx, cy + 40, cx - 30, cy),
                fill=RED,
            )
            draw.rectangle((cx - 5, cy - 25, cx + 5, cy + 15), fill=WHITE)
            draw.rectangle((cx - 18, cy - 10, cx + 18, cy), fill=WHITE)
        else:  # emergency card: a card with lines
            draw.rounded_rectangle((cx - 38, cy - 26, cx + 38, cy + 26), radius=5, fill=GOLD)
            for j in range(3):
                draw.line((cx - 26, cy - 12 + j * 12, cx + 20 - j * 10, cy - 12 + j * 12), fill=INK, width=4)
        if t > start + 1.2:
            draw.line((x + 20, y + 145, x + 100, y + 145), fill=GREEN, width=4)
    draw.rectangle((0, h - 6, int(w * t / SECONDS), h), fill=RED)
    return image


def encode(name, draw_frame):
    import av
    import numpy as np

    path = OUT / name
    with av.open(str(path), mode="w", options={"movflags": "+faststart"}) as container:
        stream = container.add_stream("libx264", rate=FPS)
        stream.width, stream.height = VIDEO_SIZE
        stream.pix_fmt = "yuv420p"
        stream.options = {"crf": "30", "preset": "veryslow", "profile": "main", "tune": "animation"}
        for n in range(FPS * SECONDS):
            frame = av.VideoFrame.from_ndarray(np.asarray(draw_frame(n / FPS)), format="rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    print(
        f"{path.name}: {path.stat().st_size} bytes, {VIDEO_SIZE[0]}x{VIDEO_SIZE[1]}, {SECONDS} s at {FPS} fps"
    )


def poster(name, draw_frame, t):
    image = draw_frame(t).resize((VIDEO_SIZE[0] * 2, VIDEO_SIZE[1] * 2), Image.LANCZOS)
    path = OUT / name
    image.quantize(colors=48, dither=Image.Dither.NONE).save(path, optimize=True)
    print(f"{path.name}: {path.stat().st_size} bytes")


def make_videos():
    encode("video-12308.mp4", frame_12308)
    poster("poster-12308.png", frame_12308, SECONDS - 0.5)
    encode("video-three-things.mp4", frame_three_things)
    poster("poster-three-things.png", frame_three_things, SECONDS - 0.5)


STEPS = {"images": make_images, "pdfs": make_pdfs, "covers": make_covers, "videos": make_videos}

if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    for step in sys.argv[1:] or ["images", "pdfs", "covers"]:
        STEPS[step]()
