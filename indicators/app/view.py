"""Pure data functions behind the dashboard: documents, filters, URL parameters, KPI choice, 万/亿 formatting.

Nothing here imports streamlit; ``dashboard.py`` only lays out what these functions return, so all of the
dashboard's logic is tested with plain pytest on hand-built tables.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..engine.extract import extract
from ..io.reader import SUPPORTED_SUFFIXES, ReadError, load_bytes
from ..schema import COLUMNS, KINDS, empty_table

#: The filters of the dashboard and their URL parameter names (ASCII, stable: shared links depend on them).
FILTER_PARAMS: tuple[str, ...] = ("topic", "region", "period", "kind", "doc", "q")

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

#: Name given to pasted text in the document list.
PASTED_NAME = "粘贴文本"

# Units whose display needs the measure word the engine strips (3个工作日 is stored as 3 工作日).
_DISPLAY_UNIT = {"工作日": "个工作日", "月": "个月", "小时": "个小时", "季度": "个季度"}

# Units that are already relative (a share or a change) and so never get a 万/亿 multiplier.
_RELATIVE_UNITS = {"%", "百分点", "倍", "‰"}


# ------------------------------------------------------------------------------------------------------
# Chinese number formatting


def _trim(x: float, decimals: int = 2) -> str:
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
            scaled = _trim(value / threshold)
            # Rounding can reach the next step (9999.999万 -> '10000万'): write it as 1亿 instead.
            if i > 0 and abs(float(scaled)) >= 1e4:
                bigger, name = steps[i - 1]
                return _trim(value / bigger) + name
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
        number = _trim(value)
        return number + ("个百分点" if unit == "百分点" else unit)
    return format_number(value) + display_unit(unit)


#: How a qualifier reads in front of a value: 约300亿元, 超26平方公里.
QUALIFIER_WORDS = {"approx": "约", "more_than": "超", "less_than": "不到", "at_most": "至多", "at_least": "至少"}


def qualified(text: str, qualifier: str) -> str:
    """``text`` with the qualifier's word in front: qualified('80家', 'approx') -> '约80家'."""
    word = QUALIFIER_WORDS.get(qualifier or "", "")
    return f"{word}{text}" if word and text != "—" else text


def comparison_word(sentence: str, mention: str) -> str:
    """同比 or 环比: the comparison a growth rate makes, the word nearest before its mention."""
    if not sentence:
        return ""
    cut = sentence.find(mention) if mention else -1
    before = sentence[:cut] if cut >= 0 else sentence
    positions = {word: before.rfind(word) for word in ("同比", "环比")}
    best = max(positions, key=positions.__getitem__)
    if positions[best] >= 0:
        return best
    if any(word in before for word in ("比上年", "较上年", "比去年", "较去年")):
        return "同比"
    return ""


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


@dataclass
class Documents:
    """The documents the dashboard shows (name -> decoded text, in display order) and why others failed."""

    texts: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # files read with repairs (the reader's warnings)

    def add(self, name: str, text: str) -> str:
        """Add ``text`` as ``name``, or 'name (2)' etc. if that is taken; returns the name used."""
        unique, n = name, 2
        while unique in self.texts:
            unique, n = f"{name} ({n})", n + 1
        self.texts[unique] = text
        return unique


def supported_suffixes() -> tuple[str, ...]:
    """File suffixes the upload accepts: whatever the reader reads."""
    return tuple(SUPPORTED_SUFFIXES)


def read_upload(name: str, data: bytes) -> tuple[str, list[str]]:
    """Decode one uploaded file into (text, notes on repairs); raises ``ValueError`` as 'NAME: reason'."""
    try:
        doc = load_bytes(name, data)
    except ReadError as exc:
        raise ValueError(str(exc)) from exc
    return doc.text, [f"{name}: {note}" for note in doc.warnings]


def collect_documents(
    samples: Mapping[str, str],
    uploads: Iterable[tuple[str, bytes]] = (),
    pasted: str = "",
    reader=read_upload,
) -> Documents:
    """The dashboard's documents: samples, then uploads, then pasted text; a bad file becomes a message."""
    docs = Documents()
    for name, text in samples.items():
        docs.add(name, text)
    for name, data in uploads:
        try:
            text, notes = reader(name, data)
        except ValueError as exc:
            message = str(exc)
            docs.errors.append(message if message.startswith(name) else f"{name}: {message}")
            continue
        except Exception as exc:  # a broken PDF or DOCX must not take the other documents down
            docs.errors.append(f"{name}: 无法读取（{type(exc).__name__}）")
            continue
        if not text.strip():
            docs.errors.append(f"{name}: 没有可读的文字")
            continue
        docs.add(name, text)
        docs.notes.extend(notes)
    if pasted and pasted.strip():
        docs.add(PASTED_NAME, pasted)
    return docs


def load_samples(directory: str | Path) -> dict[str, str]:
    """The bundled sample documents: every ``*.txt`` in ``directory`` (UTF-8), by file name."""
    directory = Path(directory)
    if not directory.is_dir():
        return {}
    return {p.name: p.read_text("utf-8") for p in sorted(directory.glob("*.txt"))}


def extract_document(text: str, source: str) -> pd.DataFrame:
    """Facts of one document, always with exactly the schema's columns."""
    frame = extract(text, source=source)
    if frame is None or frame.empty:
        return empty_table()
    return frame.reindex(columns=list(COLUMNS))


def combine(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """One table from the per-document tables (an empty, fully typed table when there are none)."""
    frames = [f for f in frames if not f.empty]
    if not frames:
        return empty_table()
    return pd.concat(frames, ignore_index=True)


# ------------------------------------------------------------------------------------------------------
# Filters and URL parameters


def distinct(values: Iterable[str]) -> list[str]:
    """Non-empty values in order of first appearance, each once."""
    seen: dict[str, None] = {}
    for v in values:
        if isinstance(v, str) and v and v not in seen:
            seen[v] = None
    return list(seen)


def filter_options(frame: pd.DataFrame, docs: Sequence[str], topics: Sequence[str]) -> dict[str, list[str]]:
    """Choices of each list filter. Topics and kinds are fixed lists so a shared URL stays valid."""
    return {
        "topic": list(topics),
        "region": distinct(frame["region"]),
        "period": distinct(frame["period"]),
        "kind": list(KINDS),
        "doc": list(docs),
    }


def parse_param(values: Iterable[str] | str | None, valid: Sequence[str]) -> list[str]:
    """URL values of a list filter that are valid choices, deduplicated, in URL order; unknown ones dropped.

    >>> parse_param(["investment", "nonsense", "investment", "industry"], ["industry", "investment"])
    ['investment', 'industry']
    """
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    allowed = set(valid)
    return distinct(v.strip() for v in values if isinstance(v, str) and v.strip() in allowed)


def parse_query(value: Iterable[str] | str | None, limit: int = 100) -> str:
    """The search text from the URL: the first value, trimmed and bounded."""
    if value is None:
        return ""
    if not isinstance(value, str):
        value = next(iter(value), "")
    return value.strip()[:limit]


@dataclass(frozen=True)
class Filters:
    """A selection; an empty list means 'no restriction' on that column."""

    topic: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    period: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    doc: tuple[str, ...] = ()
    q: str = ""

    @property
    def active(self) -> bool:
        return any((self.topic, self.region, self.period, self.kind, self.doc, self.q.strip()))


def filter_facts(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows that pass every filter; ``q`` matches indicator or sentence, every word of it, any case."""
    mask = pd.Series(True, index=frame.index)
    for column, chosen in (
        ("topic", filters.topic),
        ("region", filters.region),
        ("period", filters.period),
        ("kind", filters.kind),
        ("source", filters.doc),
    ):
        if chosen:
            mask &= frame[column].isin(list(chosen))
    haystack = (frame["indicator"].fillna("") + "\n" + frame["sentence"].fillna("")).str.casefold()
    for word in filters.q.split():
        mask &= haystack.str.contains(word.casefold(), regex=False)
    return frame[mask].reset_index(drop=True)


# ------------------------------------------------------------------------------------------------------
# KPI tiles


@dataclass(frozen=True)
class Tile:
    """One KPI tile: what ``st.metric`` shows."""

    label: str
    value: str
    help: str
    kind: str
    row: int  # index of the fact in the filtered table


def fact_label(row: Mapping[str, object]) -> str:
    """Indicator · period · region, the parts that are known."""
    parts = [str(row.get(k) or "") for k in ("indicator", "period", "region")]
    return " · ".join(p for p in parts if p) or str(row.get("mention") or "")


def _tile(frame: pd.DataFrame, i: int) -> Tile:
    row = frame.loc[i]
    if row["kind"] == "growth":
        value = format_growth(row["value"], row["unit"], comparison_word(row["sentence"], row["mention"]))
    else:
        value = qualified(format_value(row["value"], row["unit"]), row["qualifier"])
    source = f"（{row['source']}）" if row["source"] else ""
    return Tile(fact_label(row), value, f"{row['sentence']}{source}", row["kind"], int(i))


def choose_tiles(frame: pd.DataFrame, limit: int = 6) -> list[Tile]:
    """The headline facts of a selection: the largest money and count figures, the first level ratio,
    then the growth rates in document order, up to ``limit`` tiles; a figure repeated with the same
    value, unit, period and region gets one tile."""
    if frame.empty:
        return []
    frame = frame.reset_index(drop=True)
    picked: list[int] = []

    def largest(kind: str) -> None:
        rows = frame[(frame["kind"] == kind) & frame["value"].notna()]
        if not rows.empty:
            picked.append(int(rows["value"].abs().idxmax()))

    largest("money")
    largest("count")
    ratios = frame.index[frame["kind"] == "ratio"]
    if len(ratios):
        picked.append(int(ratios[0]))
    picked.extend(int(i) for i in frame.index[frame["kind"] == "growth"])
    if len(picked) < limit:  # a selection without those kinds still gets tiles
        picked.extend(int(i) for i in frame.index)
    tiles: list[Tile] = []
    seen: set[tuple] = set()
    for i in distinct(str(i) for i in picked):
        row = frame.loc[int(i)]
        # A headline restating a body figure (same value, unit, period, region) gets one tile.
        same = (row["value"], row["unit"], row["period"], row["region"])
        if same in seen:
            continue
        seen.add(same)
        tiles.append(_tile(frame, int(i)))
        if len(tiles) == limit:
            break
    return tiles


# ------------------------------------------------------------------------------------------------------
# Table


def dates_label(start: str, end: str, grain: str) -> str:
    """The dates a fact covers, the way Chinese tables write them: 2024年, 2024年上半年, 2024年三季度,
    2024年1-9月, 2016-2020年, 2024年12月31日; '' when the fact is not dated.

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


def context_window(text: str, start: int, end: int, width: int = 80) -> tuple[str, str, str]:
    """(before, mention, after): the mention and up to ``width`` characters either side, cut at paragraphs."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    before = before[before.rfind("\n\n") + 2 :] if "\n\n" in before else before
    after = after[: after.find("\n\n")] if "\n\n" in after else after
    return before, text[start:end], after


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
