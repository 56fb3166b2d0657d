"""KPI tiles that mean something: the headline indicators of the latest period with data, each with its
change from the period before, formatted the Chinese way; never an arbitrary large figure.

Takes a series frame (``Corpus.series`` columns) holding the headline indicators; pure.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .series import CEILING_INDICATORS, shown_value
from .view import dates_label, format_value, trim_number

#: (indicator id, kind) of the tiles, in display order: growth, prices, jobs, then money.
HEADLINES: tuple[tuple[str, str], ...] = (
    ("gdp", "growth"),
    ("cpi", "growth"),
    ("urban_unemployment", "ratio"),
    ("registered_unemployment", "ratio"),
    ("urban_new_jobs", "count"),
    ("retail_sales", "growth"),
    ("fixed_asset_investment", "growth"),
    ("budget_revenue", "money"),
)


UNCHANGED = "持平"


@dataclass(frozen=True)
class HeadlineTile:
    label: str         # 国内生产总值增长 · 2024年
    value: str         # 5%
    delta: str         # +0.2个百分点 / -3.1% / '' when there is no previous period
    delta_color: str   # st.metric's: 'inverse' where a rise is bad (prices, unemployment)
    help: str          # the sentence and its document
    indicator_id: str


def change(value: float, previous: float, kind: str, unit: str) -> str:
    """The change from ``previous``: in percentage points for rates and growth, in percent for levels.

    >>> change(5.0, 5.2, "growth", "%"), change(110.0, 100.0, "money", "元"), change(0.2, 0.2, "growth", "%")
    ('-0.2个百分点', '+10%', '持平')
    """
    if value == previous:
        return UNCHANGED
    if kind in {"growth", "ratio"} and unit in {"%", "‰", "百分点"}:
        diff = value - previous
        return ("+" if diff > 0 else "") + trim_number(diff) + ("个千分点" if unit == "‰" else "个百分点")
    if previous == 0:
        return ""
    pct = (value - previous) / abs(previous) * 100
    return ("+" if pct > 0 else "") + trim_number(pct, 1) + "%"


def headline_tiles(frame: pd.DataFrame, names: dict[str, str], *, grain: str = "year",
                   limit: int = 6) -> list[HeadlineTile]:
    """A tile per headline indicator stated for the latest period of ``grain`` in ``frame`` (the latest
    statement of it), with the change from the period before; at most ``limit`` tiles. An indicator
    last stated for an earlier period gets no tile: tiles side by side describe one period."""
    tiles: list[HeadlineTile] = []
    outcomes = frame[(frame["modality"] == "actual") & (frame["period_grain"] == grain) & frame["value"].notna()]
    headlines = outcomes[[(i, k) in set(HEADLINES) for i, k in zip(outcomes["indicator_id"], outcomes["kind"],
                                                                   strict=True)]]
    if headlines.empty:
        return tiles
    latest = headlines["period_end"].max()
    for indicator_id, kind in HEADLINES:
        rows = outcomes[(outcomes["indicator_id"] == indicator_id) & (outcomes["kind"] == kind)]
        if rows.empty:
            continue
        unit = rows["unit"].value_counts().index[0]
        rows = rows[rows["unit"] == unit].sort_values(["period_end", "doc_date"], kind="stable")
        latest_per_period = rows.drop_duplicates("period_end", keep="last")
        last = latest_per_period.iloc[-1]
        if last["period_end"] != latest:
            continue
        previous = latest_per_period.iloc[-2] if len(latest_per_period) > 1 else None
        name = names.get(indicator_id, indicator_id) + ("增长" if kind == "growth" else "")
        period = dates_label(last["period_start"], last["period_end"], last["period_grain"])
        delta = "" if previous is None else change(float(last["value"]), float(previous["value"]), kind, unit)
        before = "" if previous is None else (
            f"；上期（{dates_label(previous['period_start'], previous['period_end'], previous['period_grain'])}）"
            f"{format_value(previous['value'], unit)}")
        tiles.append(HeadlineTile(
            label=f"{name} · {period}",
            value=shown_value(float(last["value"]), unit, kind, str(last["qualifier"] or "")),
            delta=delta,
            delta_color="inverse" if indicator_id in CEILING_INDICATORS else "normal",
            help=f"{last['sentence']}（{last['doc']}，{last['doc_date']}）{before}",
            indicator_id=indicator_id,
        ))
        if len(tiles) == limit:
            break
    return tiles
