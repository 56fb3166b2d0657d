"""One indicator and one period across regions: a ranked table, a bar chart and a province map.

The map is drawn from ``data/provinces.geojson``, shipped with the package (built by
``scripts/build_province_map.py`` from the Apache ECharts 4.9.0 npm package, Apache License 2.0; see
``data/README.md``), as filled SVG shapes on plain axes: no map tiles, no topojson, nothing fetched
when the page is drawn.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from ..lang.regions import by_code
from .charts import label_margin
from .series import _layout, doc_name, shown_value

MAP_FILE = Path(__file__).resolve().parent / "data" / "provinces.geojson"
NO_DATA_COLOUR = "#eeeeee"
# Light to dark blue (ColorBrewer Blues, 7 classes): a province's shade is its rank among the values.
SHADES = ("#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594")


def latest_per_region(frame: pd.DataFrame, period_start: str, period_end: str) -> pd.DataFrame:
    """The outcome of each region for one period (the latest statement of it), ranked high to low."""
    rows = frame[(frame["modality"] == "actual") & (frame["period_start"] == period_start)
                 & (frame["period_end"] == period_end) & frame["value"].notna()]
    rows = rows.sort_values("doc_date", kind="stable").drop_duplicates(["region_name"], keep="last")
    rows = rows.sort_values("value", ascending=False, kind="stable").reset_index(drop=True)
    rows.insert(0, "rank", range(1, len(rows) + 1))
    rows["shown"] = [shown_value(v, u, k, q) for v, u, k, q in
                     zip(rows["value"], rows["unit"], rows["kind"], rows["qualifier"], strict=True)]
    return rows


def periods(frame: pd.DataFrame, grain: str = "year") -> list[tuple[str, str]]:
    """(start, end) of the periods of ``grain`` with outcomes, the ones stated for most regions first
    among equals the latest: the compare view's choices."""
    rows = frame[(frame["modality"] == "actual") & (frame["period_grain"] == grain)]
    if rows.empty:
        return []
    counts = rows.groupby(["period_start", "period_end"])["region_name"].nunique().reset_index()
    counts = counts.sort_values(["period_start"], ascending=False, kind="stable")
    return list(zip(counts["period_start"], counts["period_end"], strict=True))


def compare_figure(ranked: pd.DataFrame, title: str = "") -> go.Figure:
    """Horizontal bars, the highest value on top, each labelled with its formatted value."""
    fig = go.Figure()
    if ranked.empty:
        return _layout(fig, title or "没有数据")
    rows = ranked.iloc[::-1]
    names = rows["region_name"].tolist()
    # Each value is written in its region's tick label, not as a text on its bar: a browser places
    # bar texts one by one (with 160 regions that doubled the time to draw the chart, even hidden).
    ticks = [f"{name}  {shown}" for name, shown in zip(names, rows["shown"], strict=True)]
    fig.add_trace(go.Bar(
        x=rows["value"].tolist(), y=names, orientation="h", marker_color="#4292c6", name="",
        customdata=list(zip(rows["shown"], [doc_name(d) for d in rows["doc"]], rows["doc_date"], strict=True)),
        hovertemplate="<b>%{y}</b><br>%{customdata[0]}<br>文档：%{customdata[1]}<br>日期：%{customdata[2]}<extra></extra>",
    ))
    # The labels' room is reckoned here, not measured by Plotly (automargin measured every label and
    # laid the chart out again: a third of drawing 160 bars the first time).
    fig.update_yaxes(tickmode="array", tickvals=names, ticktext=ticks, automargin=False)
    return _layout(fig, title, height=max(300, 80 + 26 * len(rows)), margin=dict(l=label_margin(ticks), b=36))


@cache
def province_shapes() -> dict[str, dict]:
    """The shipped province boundaries by 6-digit code: {'code': {'name', 'rings', 'centre'}}."""
    data = json.loads(MAP_FILE.read_text("utf-8"))
    shapes = {}
    for feature in data["features"]:
        code = feature["id"]
        region = by_code(code)
        shapes[code] = {
            "name": region.name if region else feature["properties"]["name"],
            "rings": [polygon[0] for polygon in feature["geometry"]["coordinates"]],
            "centre": feature["properties"]["centre"],
        }
    return shapes


def shade(value: float, low: float, high: float) -> str:
    """The colour of ``value`` on the scale from ``low`` to ``high`` (equal steps)."""
    if high <= low:
        return SHADES[len(SHADES) // 2]
    step = (value - low) / (high - low)
    return SHADES[min(len(SHADES) - 1, max(0, int(step * len(SHADES))))]


def province_values(ranked: pd.DataFrame) -> dict[str, tuple[float, str]]:
    """code -> (value, shown) of the provincial rows of a ranking (codes ending in 0000, not 全国)."""
    out = {}
    for code, value, shown in zip(ranked["region_code"], ranked["value"], ranked["shown"], strict=True):
        if isinstance(code, str) and len(code) == 6 and code.endswith("0000") and code != "100000":
            out[code] = (float(value), shown)
    return out


def province_colours(values: Mapping[str, tuple[float, str]]) -> dict[str, str]:
    """code -> fill colour of every shipped province: its shade among ``values``, grey without one."""
    numbers = [v for v, _ in values.values() if not math.isnan(v)]
    low, high = (min(numbers), max(numbers)) if numbers else (0.0, 0.0)
    colours = {}
    for code in province_shapes():
        value = values.get(code, (math.nan, ""))[0]
        colours[code] = NO_DATA_COLOUR if math.isnan(value) else shade(value, low, high)
    return colours


def province_map(values: Mapping[str, tuple[float, str]], title: str = "") -> go.Figure:
    """China's provinces filled by value (grey where there is none). One filled trace per colour, not
    per province (a browser draws a trace's rings together; 34 traces took it twice as long), and one
    trace of invisible markers at the provinces' centres that names a province and its value on hover."""
    shapes = province_shapes()
    colours = province_colours(values)
    fig = go.Figure()
    for colour in dict.fromkeys(colours[code] for code in shapes):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for code, shape in shapes.items():
            if colours[code] == colour:
                for ring in shape["rings"]:
                    xs += [p[0] for p in ring] + [None]
                    ys += [p[1] for p in ring] + [None]
        fig.add_trace(go.Scatter(x=xs, y=ys, fill="toself", fillcolor=colour, mode="lines",
                                 line=dict(color="#888", width=0.6), hoverinfo="skip", showlegend=False))
    fig.add_trace(go.Scatter(
        x=[shape["centre"][0] for shape in shapes.values()], y=[shape["centre"][1] for shape in shapes.values()],
        mode="markers", marker=dict(size=18, opacity=0), name="", showlegend=False, hoverinfo="text",
        text=[f"{shape['name']}：{values.get(code, (math.nan, '无数据'))[1]}" for code, shape in shapes.items()],
    ))
    fig.update_xaxes(visible=False, range=[73, 136])
    # Degrees of longitude are shorter than degrees of latitude at China's latitudes (cos 35° ≈ 0.82).
    fig.update_yaxes(visible=False, range=[15, 54], scaleanchor="x", scaleratio=1.22)
    fig.update_layout(plot_bgcolor="white")
    return _layout(fig, title, height=520)
