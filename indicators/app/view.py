"""Pure data functions behind the dashboard: 万/亿 formatting, dates as Chinese labels, the fact table as
shown, a figure's paragraph, the demo corpus and the store's stamp.

Nothing here imports streamlit; ``dashboard.py`` only lays out what these functions return, so all of the
dashboard's logic is tested with plain pytest on hand-built tables.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from ..io.reader import SUPPORTED_SUFFIXES

#: Chinese names of the fact kinds, shown in the kind filter and the table.
KIND_LABELS: dict[str, str] = {
    "count": "计数",
    "money": "金额",
    "quantity": "数量",
    "area": "面积",
    "duration": "时长",
    "ratio": "比率",
    "growth": "增长率",
    "index": "指数",
}

#: Chinese names of the modalities (outcome, target, forecast), shown in the table.
MODALITY_LABELS: dict[str, str] = {"actual": "实际", "target": "目标", "forecast": "预计"}

_QUARTERS = "一二三四"

#: Name given to pasted text (its file is named by this and its content).
PASTED_NAME = "粘贴文本"

# Units whose display needs the measure word the engine strips (3个工作日 is stored as 3 工作日).
_DISPLAY_UNIT = {"工作日": "个工作日", "月": "个月", "小时": "个小时", "季度": "个季度"}

# Units that are already relative (a share or a change) and so never get a 万/亿 multiplier.
_RELATIVE_UNITS = {"%", "百分点", "倍", "‰"}


# ------------------------------------------------------------------------------------------------------
# Chinese number formatting


def trim_number(x: float, decimals: int = 2) -> str:
    """``x`` rounded to ``decimals`` places without trailing zeros: 25.430 -> '25.43', 20.0 -> '20'."""
    text = f"{round(x, decimals):.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def format_number(value: float) -> str:
    """A number the way Chinese reports write it: 254300 -> '25.43万', 30010000000 -> '300.1亿'.

    >>> format_number(254300), format_number(30010000000), format_number(697), format_number(1.2e12)
    ('25.43万', '300.1亿', '697', '1.2万亿')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    steps = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"), (1, ""))
    for i, (threshold, suffix) in enumerate(steps):
        if abs(value) >= threshold or threshold == 1:
            scaled = trim_number(value / threshold)
            # Rounding can reach the next step (9999.999万 -> '10000万'): write it as 1亿 instead.
            if i > 0 and abs(float(scaled)) >= 1e4:
                bigger, name = steps[i - 1]
                return trim_number(value / bigger) + name
            return scaled + suffix
    raise AssertionError("unreachable")


def display_unit(unit: str) -> str:
    """The unit as it reads after a number: 工作日 -> 个工作日, others unchanged."""
    return _DISPLAY_UNIT.get(unit, unit or "")


def format_value(value: float, unit: str) -> str:
    """A fact's value with its unit, Chinese style: 25.43万件, 300.1亿元, 91.51%, 3个工作日.

    >>> format_value(254300, "件"), format_value(91.51, "%"), format_value(-2.3, "%")
    ('25.43万件', '91.51%', '-2.3%')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if unit in _RELATIVE_UNITS:
        number = trim_number(value)
        return number + ("个百分点" if unit == "百分点" else unit)
    return format_number(value) + display_unit(unit)


#: How a qualifier reads in front of a value: 约300亿元, 超26平方公里.
QUALIFIER_WORDS = {"approx": "约", "more_than": "超", "less_than": "不到", "at_most": "至多", "at_least": "至少"}


def qualified(text: str, qualifier: str) -> str:
    """``text`` with the qualifier's word in front: qualified('80家', 'approx') -> '约80家'."""
    word = QUALIFIER_WORDS.get(qualifier or "", "")
    return f"{word}{text}" if word and text != "—" else text


def format_growth(value: float, unit: str, comparison: str = "") -> str:
    """A change rate with its sign: 同比 +7.1%, -2.3%, +1.5个百分点, +1.2倍.

    >>> format_growth(7.1, "%", "同比"), format_growth(-2.3, "%")
    ('同比 +7.1%', '-2.3%')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    sign = "+" if value > 0 else ""
    text = sign + format_value(value, unit)
    return f"{comparison} {text}" if comparison else text


# ------------------------------------------------------------------------------------------------------
# Documents


def supported_suffixes() -> tuple[str, ...]:
    """File suffixes the upload accepts: whatever the reader reads."""
    return tuple(SUPPORTED_SUFFIXES)


# ------------------------------------------------------------------------------------------------------
# Choices


def distinct(values: Iterable[str]) -> list[str]:
    """Non-empty values in order of first appearance, each once."""
    seen: dict[str, None] = {}
    for v in values:
        if isinstance(v, str) and v and v not in seen:
            seen[v] = None
    return list(seen)


def matching_documents(docs: pd.DataFrame, words: str) -> pd.DataFrame:
    """The documents (rows of ``Corpus.documents``) whose file, title, date, region or kind contain
    every space-separated word of ``words``, case aside; all of them when ``words`` is blank."""
    wanted = words.split()
    if not wanted or docs.empty:
        return docs
    haystack = (docs["path"].fillna("").astype(str).str.rsplit("/", n=1).str[-1]
                + " " + docs[["title", "doc_date", "doc_region", "doc_kind"]].fillna("").astype(str).agg(" ".join, axis=1)
                ).str.lower()
    keep = pd.Series(True, index=docs.index)
    for word in wanted:
        keep &= haystack.str.contains(word.lower(), regex=False)
    return docs[keep]


def document_choices(ids: list[str], current: str | None, limit: int) -> tuple[list[str], str | None]:
    """The last ``limit`` of ``ids`` (the latest documents) for a select box, with ``current`` kept among
    them when it is one of ``ids``; and the document to show: ``current`` if offered, else the latest."""
    choices = ids[-limit:]
    if current in ids and current not in choices:
        choices = [current, *choices]
    return choices, (current if current in choices else (choices[-1] if choices else None))


# ------------------------------------------------------------------------------------------------------
# The table, the text and the store


def dates_label(start: str, end: str, grain: str) -> str:
    """The dates a fact covers, the way Chinese tables write them: 2024年, 2024年上半年, 2024年三季度,
    2024年1-9月, 2016-2020年, 2024年12月31日, 2024年6月19日至21日; '' when the fact is not dated.

    >>> dates_label("2024-01-01", "2024-09-30", "ytd"), dates_label("2016-01-01", "2020-12-31", "multi_year")
    ('2024年1-9月', '2016-2020年')
    """
    if not isinstance(start, str) or not isinstance(end, str) or not start or not end:
        return ""
    year, first = start[:4], int(start[5:7])
    last, day = int(end[5:7]), int(end[8:10])
    if grain == "year":
        return f"{year}年"
    if grain == "multi_year":
        return f"{year}-{end[:4]}年"
    if grain == "half":
        return f"{year}年{'上' if first == 1 else '下'}半年"
    if grain == "quarter":
        return f"{year}年{_QUARTERS[(first - 1) // 3]}季度"
    if grain == "day":
        if start != end:                      # a span of days (6月19日至21日)
            tail = f"{day}日" if first == last else f"{last}月{day}日"
            return f"{year}年{first}月{int(start[8:10])}日至{tail}"
        return f"{year}年{last}月{day}日"
    if first == last:
        return f"{year}年{first}月"
    return f"{year}年{first}-{last}月"


def table_view(frame: pd.DataFrame, topic_labels: Mapping[str, str]) -> pd.DataFrame:
    """The filtered facts as the dashboard's table shows them: formatted value first, labels in Chinese,
    then where the fact sits in time and space (its dates, official region, catalogue indicator, modality)."""
    out = pd.DataFrame(
        {
            "indicator": frame["indicator"],
            "shown": [
                qualified(format_value(v, u), q)
                for v, u, q in zip(frame["value"], frame["unit"], frame["qualifier"], strict=True)
            ],
            "modality": [MODALITY_LABELS.get(m, m) for m in frame["modality"]],
            "dates": [dates_label(s, e, g) for s, e, g in
                      zip(frame["period_start"], frame["period_end"], frame["period_grain"], strict=True)],
            "region_name": frame["region_name"],
            "indicator_name": frame["indicator_name"],
            "period": frame["period"],
            "region": frame["region"],
            "topic": [topic_labels.get(t, t) for t in frame["topic"]],
            "kind": [KIND_LABELS.get(k, k) for k in frame["kind"]],
            "sentence": frame["sentence"],
            "mention": frame["mention"],
            "value": frame["value"],
            "unit": frame["unit"],
            "source": frame["source"],
        }
    )
    return out.reset_index(drop=True)


def paragraph_window(text: str, start: int, end: int, limit: int = 400) -> tuple[str, str, str]:
    """(before, mention, after): the whole paragraph the mention sits in (lines up to a blank line, or
    the line when the text has no blank lines), at most ``limit`` characters either side."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    breaker = "\n\n" if "\n\n" in text else "\n"
    first = text.rfind(breaker, 0, start)
    first = 0 if first < 0 else first + len(breaker)
    last = text.find(breaker, end)
    last = len(text) if last < 0 else last
    first, last = max(first, start - limit), min(last, end + limit)
    return text[first:start], text[start:end], text[end:last]


def demo_documents(directory: str | Path) -> list[Path]:
    """The documents of the bundled demo corpus: every ``*.txt`` under ``directory``, in path order
    (notes such as SOURCES.md and README are not documents)."""
    directory = Path(directory)
    return sorted(p for p in directory.rglob("*.txt") if p.is_file()) if directory.is_dir() else []


def store_stamp(db: str | Path) -> tuple:
    """What changes whenever a store is written: size and modification time of its file and its
    write-ahead log. Cached queries are keyed on it, so they are asked again only after an ingest."""
    stamp = []
    for path in (Path(db), Path(f"{db}.wal")):
        try:
            info = path.stat()
        except OSError:
            stamp.append(None)
            continue
        stamp.append((info.st_size, info.st_mtime_ns))
    return tuple(stamp)


def pasted_file(text: str) -> tuple[str, bytes]:
    """Pasted text as a file to ingest: named by its content, so pasting it twice stores it once."""
    data = text.encode("utf-8")
    return f"{PASTED_NAME}-{hashlib.sha256(data).hexdigest()[:10]}.txt", data
