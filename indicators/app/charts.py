"""What every chart of the dashboard shares: a colour per topic and value axes scaled the Chinese way
(万元, 亿元, never 30B). The figures themselves are in ``series``, ``compare`` and ``coverage``."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

import pandas as pd

from .view import display_unit

#: Light enough to sit behind black text in the text view, strong enough for bars (ColorBrewer Set3 + 3).
PALETTE: tuple[str, ...] = (
    "#8dd3c7", "#fdb462", "#80b1d3", "#fb8072", "#bebada", "#b3de69", "#fccde5", "#ffed6f",
    "#bc80bd", "#ccebc5", "#a6cee3", "#66c2a5", "#cab2d6", "#ffffb3", "#d9d9d9",
)


def topic_colours(keys: Sequence[str]) -> dict[str, str]:
    """A fixed colour per topic key, by taxonomy order ('other' always grey)."""
    colours = {k: PALETTE[i % (len(PALETTE) - 1)] for i, k in enumerate(k for k in keys if k != "other")}
    colours["other"] = PALETTE[-1]
    return colours


def axis_scale(values: pd.Series, unit: str) -> tuple[float, str]:
    """Divisor and axis unit that keep tick labels short: (1e8, '亿元') for billions of 元."""
    if unit in {"%", "百分点", "倍", "‰"} or values.empty:
        return 1.0, display_unit(unit)
    top = float(values.abs().max())
    for divisor, prefix in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if top >= divisor:
            return divisor, prefix + display_unit(unit)
    return 1.0, display_unit(unit)


def label_margin(labels: Iterable[str], font_px: int = 12) -> int:
    """Pixels the widest of ``labels`` takes beside an axis (a CJK character a full ``font_px``, any other
    about 0.6 of it): the margin to give instead of Plotly's automargin, which lays a chart out twice
    (on a 2-core machine about 70 ms for 160 bar labels or 40 heat-map rows)."""
    widths = [sum(font_px if unicodedata.east_asian_width(ch) in "WF" else 0.6 * font_px for ch in label)
              for label in labels]
    return int(max(widths, default=0)) + 16
