"""Plotly figures of the fact table. Pure: a table in, a ``go.Figure`` out, no streamlit.

Rules every figure keeps:
* one value axis never mixes units: values are charted one unit at a time (元 apart from 件);
* hover shows indicator, value with unit, period, region and source document;
* numbers on axes are scaled the Chinese way (万元, 亿元), never 30B.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from .view import display_unit, format_growth, format_value

#: Light enough to sit behind black text in the text view, strong enough for bars (ColorBrewer Set3 + 3).
PALETTE: tuple[str, ...] = (
    "#8dd3c7", "#fdb462", "#80b1d3", "#fb8072", "#bebada", "#b3de69", "#fccde5", "#ffed6f",
    "#bc80bd", "#ccebc5", "#a6cee3", "#66c2a5", "#cab2d6", "#ffffb3", "#d9d9d9",
)

#: Rises red and falls green, as Chinese statistics and markets colour them.
RISE_COLOUR = "#d62728"
FALL_COLOUR = "#2ca02c"

HOVER = (
    "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>时期：%{customdata[2]}<br>"
    "地区：%{customdata[3]}<br>来源：%{customdata[4]}<extra></extra>"
)

#: Most bars a chart draws: beyond this a chart stops being readable and slows every rerun.
MAX_BARS = 40

_FONT = dict(family="Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif")


def topic_colours(keys: Sequence[str]) -> dict[str, str]:
    """A fixed colour per topic key, by taxonomy order ('other' always grey)."""
    colours = {k: PALETTE[i % (len(PALETTE) - 1)] for i, k in enumerate(k for k in keys if k != "other")}
    colours["other"] = PALETTE[-1]
    return colours


def _layout(fig: go.Figure, title: str, n_bars: int = 0) -> go.Figure:
    fig.update_layout(
        title=dict(text=title),
        font=_FONT,
        margin=dict(l=10, r=10, t=50, b=10),
        height=max(320, 60 + 28 * n_bars) if n_bars else 360,
        hoverlabel=dict(font=_FONT),
    )
    if 0 < n_bars < 4:  # a chart of one or two facts: slim bars, not two slabs filling the height
        fig.update_layout(bargap=0.6)
    return fig


def _unique_labels(frame: pd.DataFrame) -> list[str]:
    """A bar label per fact: indicator (or mention) and period; repeats get ' (2)', ' (3)'."""
    seen: dict[str, int] = {}
    out = []
    for indicator, period, mention in zip(frame["indicator"], frame["period"], frame["mention"], strict=True):
        base = " · ".join(p for p in (indicator or mention, period) if p)
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base} ({seen[base]})")
    return out


def _customdata(frame: pd.DataFrame, shown: Sequence[str]) -> list[list[str]]:
    return [
        [ind or mention, value, period or "—", region or "—", source or "—"]
        for ind, mention, value, period, region, source in zip(
            frame["indicator"], frame["mention"], shown, frame["period"], frame["region"], frame["source"],
            strict=True,
        )
    ]


def facts_per_topic(frame: pd.DataFrame, labels: Mapping[str, str], colours: Mapping[str, str]) -> go.Figure:
    """Bar chart: number of facts per topic, in taxonomy order, each bar in its topic's colour."""
    counts = frame["topic"].value_counts()
    keys = [k for k in labels if k in counts.index] + [k for k in counts.index if k not in labels]
    fig = go.Figure(
        go.Bar(
            x=[labels.get(k, k) for k in keys],
            y=[int(counts[k]) for k in keys],
            marker_color=[colours.get(k, PALETTE[-1]) for k in keys],
            customdata=keys,
            hovertemplate="%{x}：%{y} 条<extra></extra>",
            name="事实数",
        )
    )
    fig.update_yaxes(title_text="事实数（条）", rangemode="tozero")
    return _layout(fig, "各主题的事实数")


def value_units(frame: pd.DataFrame) -> list[str]:
    """Units of the level facts (growth rates excluded), most frequent first: one chart each."""
    levels = frame[(frame["kind"] != "growth") & frame["value"].notna() & (frame["unit"] != "")]
    return list(levels["unit"].value_counts().index)


def growth_units(frame: pd.DataFrame) -> list[str]:
    """Units of the growth facts (%, 百分点, 倍), most frequent first."""
    growth = frame[(frame["kind"] == "growth") & frame["value"].notna()]
    return list(growth["unit"].value_counts().index)


def axis_scale(values: pd.Series, unit: str) -> tuple[float, str]:
    """Divisor and axis unit that keep tick labels short: (1e8, '亿元') for billions of 元."""
    if unit in {"%", "百分点", "倍", "‰"} or values.empty:
        return 1.0, display_unit(unit)
    top = float(values.abs().max())
    for divisor, prefix in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if top >= divisor:
            return divisor, prefix + display_unit(unit)
    return 1.0, display_unit(unit)


def _largest(rows: pd.DataFrame, limit: int) -> tuple[pd.DataFrame, str]:
    """The ``limit`` rows of largest absolute value, and a title note when some were left out."""
    if len(rows) <= limit:
        return rows, ""
    keep = rows["value"].abs().sort_values(ascending=False, kind="stable").index[:limit]
    return rows.loc[sorted(keep)], f"，绝对值最大的 {limit} 项（共 {len(rows)} 项）"


def values_by_indicator(frame: pd.DataFrame, unit: str, limit: int = MAX_BARS) -> go.Figure:
    """Horizontal bars of the level facts in one ``unit``, largest at the top; the axis is that unit
    only. At most ``limit`` bars, the largest ones."""
    rows = frame[(frame["kind"] != "growth") & (frame["unit"] == unit) & frame["value"].notna()]
    rows, note = _largest(rows, limit)
    rows = rows.sort_values("value", ascending=True, kind="stable")
    divisor, axis_unit = axis_scale(rows["value"], unit)
    shown = [format_value(v, unit) for v in rows["value"]]
    fig = go.Figure(
        go.Bar(
            x=(rows["value"] / divisor).tolist(),
            y=_unique_labels(rows),
            orientation="h",
            customdata=_customdata(rows, shown),
            hovertemplate=HOVER,
            marker_color="#80b1d3",
            name=axis_unit,
        )
    )
    fig.update_xaxes(title_text=f"数值（{axis_unit}）")
    fig.update_yaxes(automargin=True)
    return _layout(fig, f"各指标数值（{axis_unit}{note}）", len(rows))


def growth_rates(frame: pd.DataFrame, unit: str = "%", limit: int = MAX_BARS) -> go.Figure:
    """Diverging bars of the growth facts in one ``unit``: rises to the right in red, falls to the left
    in green, two traces so the colours carry a legend. At most ``limit`` bars, the largest changes."""
    rows = frame[(frame["kind"] == "growth") & (frame["unit"] == unit) & frame["value"].notna()]
    rows, note = _largest(rows, limit)
    rows = rows.sort_values("value", ascending=True, kind="stable")
    labels = _unique_labels(rows)
    fig = go.Figure()
    for name, colour, mask in (
        ("上升", RISE_COLOUR, rows["value"] >= 0),
        ("下降", FALL_COLOUR, rows["value"] < 0),
    ):
        part = rows[mask.to_numpy()]
        part_labels = [lab for lab, keep in zip(labels, mask.to_numpy(), strict=True) if keep]
        shown = [format_growth(v, unit) for v in part["value"]]
        fig.add_trace(
            go.Bar(
                x=part["value"].tolist(),
                y=part_labels,
                orientation="h",
                name=name,
                marker_color=colour,
                customdata=_customdata(part, shown),
                hovertemplate=HOVER,
            )
        )
    axis_unit = display_unit(unit) if unit != "百分点" else "个百分点"
    fig.update_xaxes(title_text=f"增减（{axis_unit}）", zeroline=True, zerolinewidth=2, zerolinecolor="#555")
    fig.update_yaxes(automargin=True, categoryorder="array", categoryarray=labels)
    fig.update_layout(barmode="relative", legend=dict(orientation="h", y=1.08, x=1, xanchor="right"))
    return _layout(fig, f"增长率（{axis_unit}{note}）", len(rows))
