"""An indicator over time: the points of a series, its Plotly chart, targets beside outcomes, and its downloads.

Every function takes the frame ``Corpus.series`` returns (one row per stated figure: indicator_id,
indicator_name, kind, modality, region_name, region_code, period_start, period_end, period_grain,
value, value_low, value_high, qualifier, unit, doc, doc_date, mention, sentence, start, end, vintages)
and is pure: no streamlit, no store.

Rules the chart keeps: outcomes (modality actual) are lines, one per region; targets are markers with
their stated range as error bars; forecasts are open markers; one value axis, one unit; every point's
hover names its value, period, document and date, and its ``customdata[0]`` is its row in the frame,
so a selected point leads back to its sentence.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..io.writer import to_csv_bytes
from ..lang.catalogue import Indicator
from ..schema import GRAINS
from .charts import axis_scale
from .view import MODALITY_LABELS, dates_label, display_unit, format_growth, format_value, qualified

SERIES_COLUMNS: tuple[str, ...] = (
    "indicator_id", "indicator_name", "kind", "modality", "region_name", "region_code", "period_start",
    "period_end", "period_grain", "value", "value_low", "value_high", "qualifier", "unit", "doc", "doc_date",
    "mention", "sentence", "start", "end", "vintages",
)

#: A colour per region line (Plotly's qualitative D3 palette), in the order regions are chosen.
REGION_COLOURS: tuple[str, ...] = (
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
)
_FONT = dict(family="Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif")
#: Margins of a chart over time: its value axis's labels and title on the left, its dates and a legend
#: of up to two rows below (what Plotly's automargin widens them to). Plotly measures what it draws
#: and lays a chart out again whenever the margins it was given are too small; given these, it lays
#: one out once (and still widens them when a chart needs more).
TIME_CHART_MARGIN = dict(l=66, r=10, t=50, b=104)
_MARKERS = {"target": "diamond-open", "forecast": "circle-open"}
HOVER = (
    "<b>%{fullData.name}</b><br>数值：%{customdata[1]}<br>时期：%{customdata[2]}<br>"
    "文档：%{customdata[3]}<br>日期：%{customdata[4]}<extra></extra>"
)

# Indicators whose targets are ceilings (prices, unemployment, deficits, intensities): an outcome at or
# below the target meets it. Every other target is a floor. A qualifier that says which (不超过, 不低于)
# wins over this list.
CEILING_INDICATORS = frozenset({
    "cpi", "ppi", "ppi_purchase", "house_prices", "urban_unemployment", "registered_unemployment",
    "fiscal_deficit", "deficit_ratio", "energy_intensity", "carbon_intensity", "energy_consumption", "pm25",
    "natural_growth_rate", "birth_rate", "death_rate", "rural_poor",
})
# How far an outcome may fall short of a target stated as 左右 (about) and still be 基本达到, in the
# target's own unit (percentage points for a growth rate): 7%左右 is 基本达到 by 6.9%.
APPROX_TOLERANCE = 0.5

STATUS_LABELS: dict[str, str] = {"met": "达到", "near": "基本达到", "missed": "未达到", "pending": "尚无实际"}


def empty_series() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="float64" if c.startswith("value") else "object")
                         for c in SERIES_COLUMNS})


def shown_value(value: float, unit: str, kind: str, qualifier: str = "") -> str:
    """A point's value as the tooltip and table show it: +5.2% or +5%左右 for growth, 约300亿元 for a level.

    >>> shown_value(5.0, "%", "growth", "approx"), shown_value(3e10, "元", "money", "approx")
    ('+5%左右', '约300亿元')
    """
    if kind == "growth":
        text = format_growth(value, unit)
        # 约+5% reads badly: reports write a growth target as 5%左右.
        return f"{text}左右" if qualifier == "approx" and text != "—" else qualified(text, qualifier)
    return qualified(format_value(value, unit), qualifier)


def points(frame: pd.DataFrame) -> pd.DataFrame:
    """The series with what the chart and table show: ``x`` (the period's first day as a date),
    ``period_label`` (2024年, 2024年1-9月), ``shown`` (formatted value), ``modality_label`` and
    ``doc_name`` (the document's file name);
    sorted by region, modality and time, with a fresh index (the row number of each point)."""
    if frame.empty:
        out = empty_series()
        for column in ("x", "period_label", "shown", "modality_label", "doc_name"):
            out[column] = pd.Series(dtype="object")
        return out
    out = frame.sort_values(["region_name", "modality", "period_start", "period_end", "doc_date"],
                            kind="stable").reset_index(drop=True)
    out["x"] = pd.to_datetime(out["period_start"], errors="coerce")
    out["period_label"] = [dates_label(s, e, g) for s, e, g in
                           zip(out["period_start"], out["period_end"], out["period_grain"], strict=True)]
    out["shown"] = [shown_value(v, u, k, q) for v, u, k, q in
                    zip(out["value"], out["unit"], out["kind"], out["qualifier"], strict=True)]
    out["modality_label"] = [MODALITY_LABELS.get(m, m) for m in out["modality"]]
    out["doc_name"] = [doc_name(d) for d in out["doc"]]
    return out


def kept_regions(current: Sequence[str], stated_in: Sequence[str]) -> list[str]:
    """The chosen regions that state an indicator (``stated_in``); when none does, 全国 or the first
    region that does: what the chart keeps when another indicator is chosen."""
    chosen = [r for r in current if r in stated_in]
    if not chosen and stated_in:
        chosen = ["全国" if "全国" in stated_in else stated_in[0]]
    return chosen


def kept_kind_and_grain(frame: pd.DataFrame, kind: str | None,
                        grain: str | None) -> tuple[list[str], str, list[str], str]:
    """The kinds a series of the chosen regions states (most points first) and the kind kept (the
    current one when stated, else the first), the grains stated of that kind (in GRAINS order) and the
    grain kept (the current one when stated, else the year, else the first)."""
    kinds = list(frame["kind"].value_counts().index)
    kind = kind if kind in kinds else (kinds[0] if kinds else "growth")
    stated = set(frame.loc[frame["kind"] == kind, "period_grain"])
    grains = [g for g in GRAINS if g in stated]
    grain = grain if grain in grains else ("year" if "year" in grains or not grains else grains[0])
    return kinds, kind, grains, grain


def doc_name(path: object) -> str:
    """A document as the page names it: its file name (the store keeps the whole path or URL)."""
    text = str(path or "")
    return text.rstrip("/").rsplit("/", 1)[-1].rsplit("\\", 1)[-1]


def _customdata(rows: pd.DataFrame) -> np.ndarray:
    """Each point's row and hover texts, as one array: Plotly validates an array at once and a list of
    lists element by element (most of the time a chart of a hundred points took to build)."""
    data = np.empty((len(rows), 5), dtype=object)
    data[:, 0] = [int(i) for i in rows.index]
    for column, name in enumerate(("shown", "period_label", "doc_name", "doc_date"), start=1):
        data[:, column] = [text or "—" for text in rows[name]]
    return data


def _errors(rows: pd.DataFrame, divisor: float) -> dict | None:
    """Error bars from a target's stated range (value_low..value_high); None when no point has one."""
    value = rows["value"].to_numpy(dtype=float)
    low = np.nan_to_num(np.clip(value - rows["value_low"].to_numpy(dtype=float), 0, None)) / divisor
    high = np.nan_to_num(np.clip(rows["value_high"].to_numpy(dtype=float) - value, 0, None)) / divisor
    if not (low.any() or high.any()):
        return None
    return dict(type="data", symmetric=False, array=high.tolist(), arrayminus=low.tolist(), thickness=1.5, width=4)


def charted(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows the chart draws: those in the frame's most frequent unit (a growth series in % also holds the
    reports' 翻两番 in 倍), what the chart, the series CSV and its metadata all show."""
    if frame.empty:
        return frame
    return frame[frame["unit"] == frame["unit"].value_counts().index[0]]


def series_figure(frame: pd.DataFrame, *, log: bool = False, title: str = "") -> go.Figure:
    """The chart of ``points(frame)``: a line per region of its outcomes, markers for its targets and
    forecasts. One unit only (the most frequent one when a frame mixes them); levels are scaled to 万/亿.
    ``log`` draws a log axis when every value is positive (else the axis stays linear)."""
    fig = go.Figure()
    if frame.empty:
        return _layout(fig, title or "没有数据")
    rows = charted(frame)
    unit = rows["unit"].iloc[0]
    kind = rows["kind"].iloc[0]
    divisor, axis_unit = (1.0, display_unit(unit)) if kind == "growth" else axis_scale(rows["value"], unit)
    # Split once, on the columns drawn only: filtering the whole frame per trace copied every column.
    drawn = rows[["region_name", "modality", "x", "value", "value_low", "value_high", "shown", "period_label",
                  "doc_name", "doc_date"]]
    parts = dict(iter(drawn.groupby(["region_name", "modality"], sort=False)))
    regions = list(dict.fromkeys(rows["region_name"]))
    traces = []
    for r, region in enumerate(regions):
        colour = REGION_COLOURS[r % len(REGION_COLOURS)]
        for modality in ("actual", "target", "forecast"):
            part = parts.get((region, modality))
            if part is None:
                continue
            name = f"{region or '未注明地区'} · {MODALITY_LABELS.get(modality, modality)}"
            common = dict(x=part["x"], y=(part["value"] / divisor).tolist(), name=name,
                          customdata=_customdata(part), hovertemplate=HOVER, legendgroup=region)
            if modality == "actual":
                traces.append(go.Scatter(mode="lines+markers", line=dict(color=colour, width=2),
                                         marker=dict(size=6, color=colour), **common))
            else:
                traces.append(go.Scatter(mode="markers", error_y=_errors(part, divisor),
                                         marker=dict(size=10, color=colour, symbol=_MARKERS[modality],
                                                     line=dict(width=2, color=colour)), **common))
    label = f"增长（{axis_unit}）" if kind == "growth" else f"数值（{axis_unit}）"
    value_axis = dict(title=dict(text=label), zeroline=True, zerolinecolor="#999")
    if log and (rows["value"] > 0).all():
        value_axis["type"] = "log"
    # The whole layout at once: each update_* call parses its property paths and validates again.
    return go.Figure(data=traces, layout=_layout_of(
        title, margin=TIME_CHART_MARGIN, yaxis=value_axis, xaxis=dict(hoverformat="%Y-%m-%d"),
        legend=dict(orientation="h", y=-0.15), hovermode="closest", clickmode="event+select"))


def _layout_of(title: str, height: int = 440, margin: Mapping[str, int] | None = None, **more) -> dict:
    return dict(title=dict(text=title), font=_FONT, hoverlabel=dict(font=_FONT), height=height,
                margin=dict(l=10, r=10, t=50, b=10) | dict(margin or {}), **more)


def _layout(fig: go.Figure, title: str, height: int = 440, margin: Mapping[str, int] | None = None) -> go.Figure:
    fig.update_layout(_layout_of(title, height, margin))
    return fig


def series_title(indicator_name: str, kind: str, regions: list[str]) -> str:
    what = "增长" if kind == "growth" else ""
    return f"{indicator_name}{what} · {'、'.join(r for r in regions if r) or '全部地区'}"


def point_context(frame: pd.DataFrame, row: int) -> dict[str, object]:
    """What a selected point leads to: its label, document, date, sentence and the mention's span."""
    point = frame.loc[row]
    return {
        "label": f"{point['region_name'] or '未注明地区'} · {point['period_label']} · "
                 f"{point['modality_label']} {point['shown']}",
        "doc": point["doc"], "doc_date": point["doc_date"], "sentence": point["sentence"],
        "mention": point["mention"], "start": int(point["start"]), "end": int(point["end"]),
    }


# ----------------------------------------------------------------------------------- targets vs outcomes


def direction(indicator_id: str, qualifier: str) -> str:
    """'ceiling' when an outcome at or below the target meets it, else 'floor'."""
    if qualifier in {"at_most", "less_than"}:
        return "ceiling"
    if qualifier in {"at_least", "more_than"}:
        return "floor"
    return "ceiling" if indicator_id in CEILING_INDICATORS else "floor"


def target_status(target: Mapping[str, object], outcome: float | None) -> str:
    """met, near, missed or pending: an outcome against a target row (value, value_low, value_high,
    qualifier, indicator_id). A range's bound is the bar; 左右 allows APPROX_TOLERANCE short of it."""
    if outcome is None or (isinstance(outcome, float) and math.isnan(outcome)):
        return "pending"
    value = float(target["value"])
    low, high = target.get("value_low"), target.get("value_high")
    qualifier = str(target.get("qualifier") or "")
    if direction(str(target.get("indicator_id") or ""), qualifier) == "floor":
        bar = float(low) if low is not None and not pd.isna(low) else value
        shortfall = bar - outcome
    else:
        bar = float(high) if high is not None and not pd.isna(high) else value
        shortfall = outcome - bar
    if shortfall <= 1e-9:
        return "met"
    if qualifier == "approx" and shortfall <= APPROX_TOLERANCE + 1e-9:
        return "near"
    return "missed"


def pair_targets(frame: pd.DataFrame) -> pd.DataFrame:
    """Each period's target beside the outcome reported for it, one row per region and period:
    the target first stated (the year's plan) against the outcome last stated (revisions win), with
    both values, documents, dates and sentences, and the status (met, near, missed, pending).
    Periods with an outcome and no target are left out: there is nothing to compare."""
    columns = ["region_name", "period_label", "period_start", "period_end", "target", "target_shown",
               "target_doc", "target_date", "target_sentence", "target_mention", "outcome", "outcome_shown",
               "outcome_doc", "outcome_date", "outcome_sentence", "outcome_mention", "status", "status_label"]
    rows = points(frame)
    targets = rows[rows["modality"] == "target"].sort_values("doc_date", kind="stable")
    outcomes = rows[rows["modality"] == "actual"].sort_values("doc_date", kind="stable")
    key = ["region_name", "period_start", "period_end"]
    first_target = targets.drop_duplicates(key, keep="first")
    last_outcome = outcomes.drop_duplicates(key, keep="last")
    merged = first_target.merge(last_outcome, on=key, how="left", suffixes=("", "_outcome"))
    out = pd.DataFrame({
        "region_name": merged["region_name"],
        "period_label": merged["period_label"],
        "period_start": merged["period_start"],
        "period_end": merged["period_end"],
        "target": merged["value"],
        "target_shown": merged["shown"],
        "target_doc": merged["doc"],
        "target_date": merged["doc_date"],
        "target_sentence": merged["sentence"],
        "target_mention": merged["mention"],
        "outcome": merged["value_outcome"],
        "outcome_shown": merged["shown_outcome"].fillna("—"),
        "outcome_doc": merged["doc_outcome"].fillna(""),
        "outcome_date": merged["doc_date_outcome"].fillna(""),
        "outcome_sentence": merged["sentence_outcome"].fillna(""),
        "outcome_mention": merged["mention_outcome"].fillna(""),
    }, columns=columns[:-2])
    out["status"] = [target_status(t, o) for t, o in zip(merged.to_dict("records"), merged["value_outcome"],
                                                         strict=True)]
    out["status_label"] = [STATUS_LABELS[s] for s in out["status"]]
    return out.sort_values(["region_name", "period_start"], kind="stable").reset_index(drop=True)


STATUS_COLOURS = {"met": "#2ca02c", "near": "#bcbd22", "missed": "#d62728", "pending": "#7f7f7f"}


def targets_figure(pairs: pd.DataFrame, unit: str, title: str = "") -> go.Figure:
    """Targets as open diamonds and outcomes as dots coloured by status, a thin line joining each pair."""
    fig = go.Figure()
    if pairs.empty:
        return _layout(fig, title or "没有目标")
    x = pd.to_datetime(pairs["period_start"], errors="coerce")
    # The lines joining each target to its outcome are one trace, broken by gaps (a trace per pair
    # made a browser lay out 30 traces where one does)
    joins_x: list = []
    joins_y: list = []
    for xi, target, outcome in zip(x, pairs["target"], pairs["outcome"], strict=True):
        if not pd.isna(outcome):
            joins_x += [xi, xi, None]
            joins_y += [target, outcome, None]
    if joins_x:
        fig.add_trace(go.Scatter(x=joins_x, y=joins_y, mode="lines", showlegend=False,
                                 line=dict(color="#bbb", width=2), hoverinfo="skip"))
    fig.add_trace(go.Scatter(
        x=x, y=pairs["target"], mode="markers", name="目标",
        marker=dict(symbol="diamond-open", size=11, color="#444", line=dict(width=2)),
        customdata=list(zip(pairs["target_shown"], pairs["period_label"], pairs["target_doc"], strict=True)),
        hovertemplate="目标 %{customdata[0]}<br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>"))
    for status, colour in STATUS_COLOURS.items():
        part = pairs[pairs["status"] == status]
        if part.empty or status == "pending":
            continue
        fig.add_trace(go.Scatter(
            x=pd.to_datetime(part["period_start"]), y=part["outcome"], mode="markers",
            name=f"实际（{STATUS_LABELS[status]}）", marker=dict(size=10, color=colour),
            customdata=list(zip(part["outcome_shown"], part["period_label"], part["outcome_doc"], strict=True)),
            hovertemplate="实际 %{customdata[0]}<br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>"))
    fig.update_yaxes(title_text=display_unit(unit))
    fig.update_layout(legend=dict(orientation="h", y=-0.15))
    return _layout(fig, title, margin=TIME_CHART_MARGIN)


# -------------------------------------------------------------------------------------------- downloads

#: Columns of the series CSV, in order: what a point is, its value, then where it was stated.
CSV_COLUMNS: tuple[str, ...] = (
    "indicator_id", "indicator_name", "kind", "modality", "region_name", "region_code", "period_start",
    "period_end", "period_grain", "value", "value_low", "value_high", "qualifier", "unit", "doc", "doc_date",
    "mention", "sentence",
)


def series_csv(frame: pd.DataFrame) -> bytes:
    """The series as CSV, UTF-8 with a BOM (Excel opens Chinese), one row per point the chart draws."""
    rows = charted(frame).reindex(columns=list(CSV_COLUMNS))
    return to_csv_bytes(rows)


def _plain(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):          # numpy scalars
        return value.item()
    return value


def series_metadata(frame: pd.DataFrame, indicator: Indicator | None, *, view_url: str = "",
                    as_of: str = "") -> bytes:
    """A JSON sidecar of the series CSV: the indicator's definition from the catalogue, its unit,
    the view it was taken from, and every point with its document, date and sentence (the chart's)."""
    frame = charted(frame)
    units = [u for u in dict.fromkeys(frame["unit"]) if isinstance(u, str)] if not frame.empty else []
    meta = {
        "indicator": None if indicator is None else {
            "id": indicator.id, "name": indicator.name, "en": indicator.en, "unit_family": indicator.unit,
            "topic": indicator.topic, "names": list(indicator.names), "growth_names": list(indicator.growth_names),
        },
        "kind": None if frame.empty else str(frame["kind"].iloc[0]),
        "unit": units[0] if len(units) == 1 else units,
        "value_note": "value is in base units (元, not 亿元); a growth rate in percent (5.2 = 5.2%)",
        "view": view_url,
        "as_of": as_of,
        "points": [
            {key: _plain(row.get(key)) for key in (
                "region_name", "region_code", "modality", "period_start", "period_end", "period_grain", "value",
                "value_low", "value_high", "qualifier", "unit", "doc", "doc_date", "mention", "sentence")}
            for row in frame.to_dict("records")
        ],
    }
    return json.dumps(meta, ensure_ascii=False, indent=1).encode("utf-8")
