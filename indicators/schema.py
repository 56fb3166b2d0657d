"""The fact table: one row per quantitative fact, its columns and how a list of facts becomes a DataFrame.

Values stay exact (``Decimal``) inside the engine and become floats only here, when the table is built.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, fields
from decimal import Decimal
from operator import attrgetter

import pandas as pd
import pyarrow as pa

#: Column order of every table the package produces (see GUIDELINES.md for their meaning).
COLUMNS: tuple[str, ...] = (
    "source",      # document the fact came from (file name or label)
    "section",     # headline of the article the fact sits in
    "sentence",    # the sentence, line breaks of the page layout removed
    "start",       # offset of the mention in the document text (str index)
    "end",         # exclusive end offset: text[start:end] == mention
    "mention",     # number, multiplier, unit and adjacent approximation words, as written
    "value",       # in base units: 万/亿 applied, money in 元, percent as 7.1, falls negative
    "unit",        # unit after the multiplier: 元, 吨, %, 百分点, 倍, or the measure word (个, 家 …)
    "qualifier",   # exact | approx | more_than | less_than | at_most | at_least
    "value_low",   # lower bound implied by the qualifier or range, else empty
    "value_high",  # upper bound implied by the qualifier or range, else empty
    "kind",        # count | money | quantity | area | duration | ratio | growth | index
    "indicator",   # what is measured, a short phrase from the text
    "period",      # the time expression that governs the fact, empty when none
    "region",      # the place the fact is about, as named in the text
    "topic",       # key of the topic taxonomy (indicators/lang/data/topics.toml)
    # The fact placed in time and space, resolved against the document (empty when the text does not say):
    "period_start",    # ISO date, inclusive: the first day the period covers (read against the document's date)
    "period_end",      # ISO date, inclusive: the last day the period covers
    "period_grain",    # day | month | quarter | half | year | ytd (1-7月, 前三季度) | multi_year (过去五年, 十四五)
    "region_name",     # the official full name (安徽省, 鞍山市) or 全国; a macro-region or unknown place as written
    "region_code",     # 6-digit administrative division code; 全国 is 100000; empty for a macro-region
    "indicator_id",    # canonical id from the indicator catalogue (lang/data/indicators.toml), empty when none fits
    "indicator_name",  # the catalogue's Chinese name for indicator_id
    "modality",        # actual (an outcome) | target (预期目标, 力争 …) | forecast (预计 of a period ahead)
)

QUALIFIERS = ("exact", "approx", "more_than", "less_than", "at_most", "at_least")
KINDS = ("count", "money", "quantity", "area", "duration", "ratio", "growth", "index")
GRAINS = ("day", "month", "quarter", "half", "year", "ytd", "multi_year")
MODALITIES = ("actual", "target", "forecast")
# What a document is (its metadata, read once per document or given by the caller).
DOC_KINDS = ("work_report", "statistical_bulletin", "monthly_release", "news", "other")
_ISO_DATE = re.compile(r"\s*([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?\s*")


def iso_date(text: str) -> str:
    """A date given by a caller (2025-03-05, 2025-3-5, 2025-03, 2025) as ISO 8601, reduced to the month
    or the year when that is all it says; ValueError when it is not a date."""
    m = _ISO_DATE.fullmatch(text or "")
    year, month, day = (int(g) if g else None for g in m.groups()) if m else (None, None, None)
    if (year is None or not 1900 <= year <= 2100 or (month is not None and not 1 <= month <= 12)
            or (day is not None and not 1 <= day <= calendar.monthrange(year, month)[1])):
        raise ValueError(f"{text!r} is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)")
    return "-".join(f"{v:02d}" if i else f"{v:04d}" for i, v in enumerate((year, month, day)) if v is not None)


@dataclass(frozen=True, slots=True)
class Fact:
    """One quantitative fact found in a text; ``text[start:end] == mention`` always holds."""

    start: int
    end: int
    mention: str
    value: Decimal
    unit: str
    qualifier: str
    kind: str
    value_low: Decimal | None = None
    value_high: Decimal | None = None
    indicator: str = ""
    period: str = ""
    region: str = ""
    topic: str = "other"
    sentence: str = ""
    section: str = ""
    source: str = ""
    period_start: str = ""
    period_end: str = ""
    period_grain: str = ""
    region_name: str = ""
    region_code: str = ""
    indicator_id: str = ""
    indicator_name: str = ""
    modality: str = "actual"


#: Fact's fields in order: a row of ``rows_to_frame`` holds one value per field, in this order.
FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Fact))
_ROW = attrgetter(*FIELDS)
#: The fact table's numeric columns (every other column is text): offsets are integers, values floats.
OFFSET_COLUMNS = frozenset({"start", "end"})
VALUE_COLUMNS = frozenset({"value", "value_low", "value_high"})


_NAN = float("nan")


def _floats(values: tuple, like: tuple, like_floats: list[float]) -> list[float]:
    """``values`` as floats; a value that is the very object at the same row of ``like`` (a bound
    that is the value itself, as for every exact figure) takes its float, converted once."""
    return [f if v is w else _NAN if v is None else float(v)
            for v, w, f in zip(values, like, like_floats, strict=True)]


# What pandas makes of a column of Python strings: object under pandas 2, the Arrow-backed ``str``
# under pandas 3. In the latter case text columns are handed over as Arrow arrays, which pandas takes
# in half the time it spends converting a list.
_TEXT_DTYPE = pd.Series([""]).dtype
_ARROW_TEXT = isinstance(_TEXT_DTYPE, pd.StringDtype) and _TEXT_DTYPE.storage == "pyarrow"


def _text_column(values: tuple) -> object:
    if _ARROW_TEXT:
        return pd.array(pa.array(values, type=pa.large_string()), dtype=_TEXT_DTYPE)
    return list(values)


def empty_table() -> pd.DataFrame:
    """A table with every column and no rows, typed like a full one."""
    return rows_to_frame([])


def facts_to_frame(facts: list[Fact]) -> pd.DataFrame:
    """Build the tidy table from facts; the only place exact values turn into floats."""
    return rows_to_frame([_ROW(f) for f in facts])


def rows_to_frame(rows: list[tuple]) -> pd.DataFrame:
    """The tidy table from rows of Fact's fields (``FIELDS`` order): one column list per field and one
    DataFrame constructor, without building a Fact per row."""
    by_field = dict(zip(FIELDS, zip(*rows, strict=True), strict=True)) if rows else dict.fromkeys(FIELDS, ())
    value = by_field["value"]
    value_floats = [_NAN if v is None else float(v) for v in value]      # inline: a call per row costs more
    floats = {"value": value_floats, "value_low": _floats(by_field["value_low"], value, value_floats),
              "value_high": _floats(by_field["value_high"], value, value_floats)}
    data = {}
    for name in COLUMNS:
        values = by_field[name]
        if name in OFFSET_COLUMNS:
            data[name] = pd.array(values, dtype="int64")
        elif name in VALUE_COLUMNS:
            data[name] = pd.array(floats[name], dtype="float64")
        elif values:
            data[name] = _text_column(values)
        else:  # text columns typed as text even when there are no rows (an empty list would make them float)
            data[name] = pd.array([], dtype=str)
    return pd.DataFrame(data, columns=list(COLUMNS))
