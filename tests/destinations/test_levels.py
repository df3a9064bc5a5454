"""Risk levels: colour, icon and words together, in both languages, with AA contrast; Beijing time."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from destinations.levels import LEVEL_STYLES, RiskLevel
from destinations.templatetags.destination_tags import level_badge, tel_href
from home.times import beijing_time

LABELS = {
    "en": {
        RiskLevel.NONE: "No current reminder",
        RiskLevel.PAY_ATTENTION: "Pay attention to safety",
        RiskLevel.TRAVEL_WITH_CAUTION: "Travel with caution",
        RiskLevel.DO_NOT_TRAVEL: "Do not travel for now",
    },
    "zh-hans": {
        RiskLevel.NONE: "暂无提醒",
        RiskLevel.PAY_ATTENTION: "注意安全",
        RiskLevel.TRAVEL_WITH_CAUTION: "谨慎前往",
        RiskLevel.DO_NOT_TRAVEL: "暂勿前往",
    },
}
ICONS = {
    RiskLevel.NONE: "circle-empty",
    RiskLevel.PAY_ATTENTION: "circle-info",
    RiskLevel.TRAVEL_WITH_CAUTION: "triangle-warning",
    RiskLevel.DO_NOT_TRAVEL: "octagon-stop",
}


def badge_html(level):
    return render_to_string("destinations/includes/level_badge.html", level_badge(level))


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("level", list(RiskLevel))
def test_badge_shows_the_label_icon_and_colour_class_in_each_language(language, level):
    with translation.override(language):
        html = badge_html(level)
    assert f'<span class="level-badge__label">{LABELS[language][level]}</span>' in html
    assert f'href="#level-icon-{ICONS[level]}"' in html
    assert f"risk-level-{int(level)}" in html


def test_badge_icon_is_hidden_from_screen_readers_so_the_words_are_its_name():
    html = badge_html(RiskLevel.DO_NOT_TRAVEL)
    assert re.search(r'<svg[^>]*aria-hidden="true"', html)
    assert "aria-label" not in html


def test_every_level_icon_exists_in_the_sprite():
    sprite = render_to_string("destinations/includes/level_icons.svg")
    for style in LEVEL_STYLES.values():
        assert f'<symbol id="level-icon-{style.icon}"' in sprite


def _luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(first, second):
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_level_colours_pass_wcag_aa_contrast_for_text():
    css = (Path(settings.BASE_DIR) / "static" / "css" / "destinations.css").read_text()
    for level in RiskLevel:
        rule = re.search(rf"\.risk-level-{int(level)} \{{([^}}]*)\}}", css).group(1)
        background = re.search(r"background: (#[0-9a-f]{6})", rule).group(1)
        colour = re.search(r"(?<!-)color: (#[0-9a-f]{6}|#fff)\b", rule).group(1)
        colour = "#ffffff" if colour == "#fff" else colour
        assert _contrast(background, colour) >= 4.5, level


def test_beijing_time_says_the_zone_in_english():
    moment = datetime.datetime(2026, 11, 30, 6, 0, tzinfo=datetime.UTC)
    with translation.override("en"):
        assert beijing_time(moment) == "30 November 2026, 14:00 (Beijing time, UTC+8)"


def test_beijing_time_says_the_zone_in_chinese():
    moment = datetime.datetime(2026, 11, 30, 6, 0, tzinfo=datetime.UTC)
    with translation.override("zh-hans"):
        assert beijing_time(moment) == "2026年11月30日 14:00（北京时间，UTC+8）"


@pytest.mark.parametrize(
    ("number", "href"), [("+33 1 49 52 19 50", "tel:+33149521950"), ("112", "tel:112"), ("", "")]
)
def test_numbers_become_dialable_tel_links(number, href):
    assert tel_href(number) == href
