"""Bar charts for staff screens, drawn on the server as SVG (no JavaScript, readable by screen readers
through the chart's title and description): `{% include "includes/bar_chart.html" with chart=... %}`.
"""

from dataclasses import dataclass

# Charts: horizontal bars drawn in SVG user units; the template scales them to the width available.
CHART_WIDTH = 640
LABEL_WIDTH = 120
VALUE_WIDTH = 64
BAR_HEIGHT = 22
BAR_GAP = 8
BAR_AREA = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH


@dataclass
class Bar:
    label: str
    share: float | None
    value_text: str
    description: str
    y: int = 0

    @property
    def width(self):
        return round(BAR_AREA * max(0.0, min(1.0, self.share or 0.0)), 1)

    @property
    def text_y(self):
        return self.y + BAR_HEIGHT // 2 + 5

    @property
    def value_x(self):
        return LABEL_WIDTH + self.width + 6


def chart(title, description, bars, chart_id):
    """What the template draws: `bars` (Bar) from the top, `description` read out instead of the bars."""
    for order, bar in enumerate(bars):
        bar.y = BAR_GAP + order * (BAR_HEIGHT + BAR_GAP)
    return {
        "id": chart_id,
        "title": title,
        "description": description,
        "bars": bars,
        "width": CHART_WIDTH,
        "height": BAR_GAP + len(bars) * (BAR_HEIGHT + BAR_GAP),
        "label_width": LABEL_WIDTH,
        "label_x": LABEL_WIDTH - 8,
        "bar_height": BAR_HEIGHT,
        "bar_area": BAR_AREA,
    }
