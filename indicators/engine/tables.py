"""Tables laid out as text: a header of columns (指标名称  单位  1-9月  同比增长(%)) and rows under it
(地区生产总值  亿元  186.42  5.8). Each number of a row is a fact of the row's name: a level in the
row's unit (or the unit its column names: 产量(万吨)), or a change when its column is one (同比增长(%)).

    >>> [(c.label, float(c.value), c.unit, c.kind) for c in table_cells(
    ...     "指标名称  单位  1-9月  同比增长(%)\\n地区生产总值  亿元  186.42  5.8")]
    [('地区生产总值', 18642000000.0, '元', 'money'), ('地区生产总值同比增长', 5.8, '%', 'growth')]

The layout keeps each row a line of its own (``is_table_line``); a row whose cells do not line up
with the header's columns is left alone, as is a column whose unit nothing names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from ..lang import patterns as P
from ..lang import vocab as V
from ..lang.numbers import MULTIPLIERS
from .period import PERIOD

_LINE = re.compile(r"[^\n]+")
_TOKEN = re.compile(r"\S+")
# (with thousands separators as statistics offices print them: 1,152.6)
_NUMBER = re.compile(rf"[-−+]?(?:[{V.ARABIC_DIGIT}]{{1,3}}(?:[,，][{V.ARABIC_DIGIT}]{{3}})+|[{V.ARABIC_DIGIT}]+)"
                     rf"(?:[.．][{V.ARABIC_DIGIT}]+)?")
_EMPTY = re.compile(r"[—–\-/…]+")
# Columns of a table laid out as text: cells apart by two or more spaces or a tab.
_COLUMN_GAP = re.compile(r"[ \u3000]{2,}|\t")
_SENTENCE_INSIDE = re.compile("[。！？；]" + V.char_class(V.CLOSING_QUOTES, negate=True))   # (as a headline's)
# A header names its columns; one of them says what the numbers are: a change, an amount, a unit.
_CHANGE_COLUMN = re.compile(r"增长|增速|增减|同比|环比|比上年|比上月|比年初|±")
_UNIT_IN_HEAD = re.compile(r"[(（]\s*(?P<unit>[^()（）]{1,6}?)\s*[)）]")
_UNIT_COLUMNS = frozenset({"单位", "计量单位"})
_LABEL_LEAD = re.compile(r"^(?:其中[：:]?|#|△|\*)+")
_PERCENT_UNITS = ("%", "％", "‰")
_WIDE = str.maketrans("０１２３４５６７８９．－＋−", "0123456789.-+-")
# A caption over a table (表2　2024年各镇街社会消费品零售总额): its time dates the rows, and for rows of
# places (a first column 镇街名称, 地区) what is left of it names what the numbers measure.
_CAPTION_LEAD = re.compile(r"^\s*(?:表\s*[0-9一二三四五六七八九十]+[\s\u3000:：.、]*)?")
_CAPTION_SCOPE = re.compile(
    r"^(?:全区|全市|全省|全县|全国)?(?:各|分)(?:镇街|镇（街）|镇\(街\)|县区|区县|县（市、区）|县市区|地区|市州|乡镇|街道|城市|省份|区域|地市)的?")
_CAPTION_LONGEST = 40
_CAPTION_TAIL = re.compile(r"(?:完成情况|情况|统计表|统计|一览表)$")
_PLACE_COLUMN = re.compile(r"^(?:镇街|县区|区县|县市区|乡镇|街道|地区|城市|省份|区域|市州|地市)(?:名称)?$")
_HINTS = ("单位", "增长", "增速", "同比", "(", "（")      # cheap tests: no header without one of these,
_GAPS = ("  ", "\t", "\u3000\u3000", " \u3000", "\u3000 ")   # no row without a wide gap (_COLUMN_GAP)


@dataclass(frozen=True)
class Cell:
    start: int           # the number's span in the text
    end: int
    value: Decimal       # in base units (亿元 -> 元); a change in percent or percentage points
    unit: str
    kind: str
    label: str           # the row's name (with the column's change words for a change)
    period: str = ""     # the time its table's caption names, if any
    column_period: str = ""    # the time its column's head names, for a cell nothing else dates


@dataclass(frozen=True)
class _Column:
    head: str
    change: bool
    unit: str            # the unit its head names (产量(万吨) -> 万吨), or ''


@dataclass(frozen=True)
class _Header:
    columns: list[_Column]
    unit_at: int         # the index of its unit column (-1: none)
    period: str          # the time its caption names, or ''
    measure: str         # for rows of places, what the caption says they measure, or ''
    column_period: str = ""    # the time a column's head names (1—9月), or ''


def _caption(line: str, places: bool) -> tuple[str, str]:
    """(time, measure) of a table's caption line (表2　2024年各镇街社会消费品零售总额 -> 2024年, and for
    rows of places 社会消费品零售总额)."""
    if len(line) > _CAPTION_LONGEST or _SENTENCE_INSIDE.search(line):
        return "", ""                    # a paragraph before a table is no caption
    rest = _CAPTION_LEAD.sub("", line).strip()
    found = PERIOD.search(rest)
    period = found.group() if found is not None else ""
    if not places:
        return period, ""
    if found is not None and found.start() == 0:
        rest = rest[found.end():]        # (the time opening it is no part of the measure)
    return period, _CAPTION_TAIL.sub("", _CAPTION_SCOPE.sub("", rest))


def is_table_line(line: str) -> bool:
    """A line of two or more columns apart by wide gaps whose last cell is a number or a dash (地区生产总值
    亿元  186.42  5.8), or a header of three or more such columns (指标名称  单位  1-9月  同比增长(%)):
    the layout keeps it a line of its own."""
    if "  " not in line and "\u3000" not in line and "\t" not in line:
        return False                 # cheap test first: prose has no column gap (the scan costs µs a line)
    gaps = len(_COLUMN_GAP.findall(line.strip()))
    if gaps >= 2 and not _SENTENCE_INSIDE.search(line):
        return True
    if gaps >= 1 and _is_cell(line.split()[-1]):
        return True
    if not any(h in line for h in _LISTED_HINT):
        return False                 # cheap test first: a listed row's measure ends in a bracket and a colon
    row = _LISTED_ROW.fullmatch(line.strip())           # (规模以上工业增加值增速（%）：枣阳市 9.4　宜城市 8.7)
    return row is not None and bool(_listed_cells(row.group("cells")))


def _is_cell(token: str) -> bool:
    return _NUMBER.fullmatch(token.translate(_WIDE)) is not None or _EMPTY.fullmatch(token) is not None


def _is_amount(token: str) -> bool:
    """Whether a cell holds a number with its unit (原煤  1.12亿吨  -0.7 under 产量  比上年增长(%)): a cell of its
    column, which the prose patterns read; not a row's name such as 2024年."""
    plain = token.translate(_WIDE)
    number = _NUMBER.match(plain)
    if number is None or number.end() == len(plain) or PERIOD.fullmatch(token):
        return False
    unit = _unit(plain[number.end():])
    return unit is not None and unit[2] != "duration"


def _unit(surface: str) -> tuple[int, str, str] | None:
    """(factor, base unit, kind) of a unit as a table writes it (亿元, 万吨, %, 人); None when unknown."""
    surface = surface.strip()
    if surface in _PERCENT_UNITS:
        return 1, "%" if surface != "‰" else "‰", "ratio"
    for mult in ("", "万亿", "亿", "万", "千", "百"):      # the whole word first: 千瓦 and 千米 are units
        if surface.startswith(mult):
            info = P.lexicon().units.get(surface[len(mult):])
            if info is not None and info.kind not in ("ratio", "growth"):
                return MULTIPLIERS.get(mult, 1), info.unit, info.kind
    return None


def _over_a_blank(first: str) -> bool:
    """Whether a header's first word heads a column of numbers, not the rows' names (指标名称, 项目(单位))."""
    return bool(_CHANGE_COLUMN.search(first) or (_UNIT_IN_HEAD.search(first) and not first.startswith(_NAME_HEADS)))


_SUBHEADING = re.compile(r"\s*(?:按|分)\S{1,6}(?:分|看)\s*")
_NAME_HEADS = ("指标", "项目", "名称", "地区", "类别", "行业", "产品")


def _header(tokens: list[str], labelled: bool = True) -> tuple[list[_Column], int] | None:
    """The data columns of a header line and the index of its unit column (-1: none). A header over a
    blank (``labelled`` False: its rows' names stand under nothing) has no column for them."""
    if len(tokens) < (3 if labelled else 2) or any(_NUMBER.fullmatch(t.translate(_WIDE)) for t in tokens):
        return None
    columns, unit_at = [], -1
    for k, token in enumerate(tokens[1:] if labelled else tokens):
        if token in _UNIT_COLUMNS:
            unit_at = k
            continue
        inner = _UNIT_IN_HEAD.search(token)
        columns.append(_Column(_UNIT_IN_HEAD.sub("", token).rstrip("±%％"), bool(_CHANGE_COLUMN.search(token)),
                               inner.group("unit") if inner else ""))
    if unit_at < 0 and not any(c.change or c.unit for c in columns):
        return None
    return columns, unit_at


def table_cells(text: str) -> list[Cell]:
    """The facts of every table in ``text`` (rows under a header, until a line that is no row)."""
    if not any(h in text for h in _HINTS) or not any(g in text for g in _GAPS):
        return []
    out: list[Cell] = []
    header: _Header | None = None
    caption = ""                         # the line before, which may be the next header's caption
    for line in _LINE.finditer(text):
        if not any(g in line.group() for g in _GAPS):
            if header is not None and _SUBHEADING.fullmatch(line.group()):
                continue                 # 按经营地分: a heading inside the table, which goes on under it
            header = None                # no columns: no table (most lines end here, at C speed)
            caption = line.group()
            continue
        tokens = [(m.start() + line.start(), m.group()) for m in _TOKEN.finditer(line.group())]
        words = [t for _, t in tokens]
        # (a header over a blank, its first column a change or a unit: 环比(%)  同比(%), 绝对量(亿元)  同比增长(%))
        found = _header(words, not _over_a_blank(words[0])) if words else None
        if found is not None:
            period, measure = _caption(caption, _PLACE_COLUMN.match(words[0]) is not None)
            header = _Header(*found, period, measure,
                             # 指标名称  单位  1—9月  增长%: a column headed by a time dates rows nothing else dates
                             next((w for w in words[1:] if PERIOD.fullmatch(w)), ""))
            caption = ""
            continue
        caption = ""
        if header is None:
            caption = line.group()       # (a caption may hold a wide gap: 表2  2024年主要农产品产量)
            continue
        cells = _row(tokens, header)
        if cells is None:
            header = None                # the table ended
            continue
        out.extend(cells)
    return out


def _row(tokens: list[tuple[int, str]], header: _Header) -> list[Cell] | None:
    columns, unit_at = header.columns, header.unit_at
    first = next((k for k, (_, t) in enumerate(tokens) if _is_cell(t) or _is_amount(t)), None)
    if (first is not None and unit_at >= 0 and len(tokens) - first == len(columns) + 1
            and _EMPTY.fullmatch(tokens[first][1])):
        first += 1                       # 固定资产投资  —  —  4.8: the unit's own cell is a dash
    if first is None or first == 0 or len(tokens) - first != len(columns):
        return None
    names = [t for _, t in tokens[:first]]
    row_unit = names.pop() if unit_at >= 0 and len(names) > 1 else ""
    label = _LABEL_LEAD.sub("", "".join(names))
    if not label or _NUMBER.match(label):
        return None
    if header.measure:
        label = header.measure           # 市桥街道  186.42  1.8: the place is where, the caption says what
    out = []
    for (pos, token), column in zip(tokens[first:], columns, strict=True):
        plain = token.translate(_WIDE)
        if not _NUMBER.fullmatch(plain):
            continue                     # an empty cell (—)
        own_time = column.unit and PERIOD.fullmatch(column.head)     # 1-10月(%): the column's own time
        cell = _cell(pos, pos + len(token), Decimal(plain.replace(",", "").replace("，", "")), label, column, row_unit,
                     column.head if own_time else header.period)
        if cell is not None:
            out.append(replace(cell, column_period=header.column_period) if header.column_period else cell)
    return out


def _cell(start: int, end: int, number: Decimal, label: str, column: _Column, row_unit: str,
          period: str) -> Cell | None:
    if column.change:
        points = row_unit in _PERCENT_UNITS or column.unit == V.POINT_UNITS[0]
        return Cell(start, end, number, V.POINT_UNITS[0] if points else "%", "growth", label + column.head, period)
    unit = _unit(column.unit or row_unit)
    if unit is None:
        return None
    factor, base, kind = unit
    return Cell(start, end, number * factor, base, kind, label, period)


# A row of places written on one line after its measure and unit (附：分县（市、区）主要指标 under a monthly
# release): 规模以上工业增加值增速（%）：枣阳市 9.4　宜城市 8.7　老河口市 7.9. Each number is the measure of the
# place before it.
_LISTED_ROW = re.compile(r"(?P<name>[^\s：:（）()，,。；;]{2,24}?)[（(](?P<unit>[^()（）\n]{1,6})[)）][：:][ \u3000]*"
                         r"(?P<cells>[^\n]+)")
_LISTED_CELL = re.compile(rf"(?P<place>[\u4e00-\u9fff]{{2,8}}?)[ \u3000]*(?P<num>[-−]?[{V.ARABIC_DIGIT}]+(?:[.．][{V.ARABIC_DIGIT}]+)?)"
                          rf"(?P<gap>[ \u3000、，,；;]+|$)")
_LISTED_HINT = ("）：", "):", "）:", "):")


def listed_row_cells(text: str) -> list[Cell]:
    """The facts of every line of places and bare numbers after a measure and its unit in brackets."""
    if not any(h in text for h in _LISTED_HINT):
        return []                        # cheap test first: most texts hold no such line
    out: list[Cell] = []
    for row in _LISTED_ROW.finditer(text):
        cells_at = row.start("cells")
        found = _listed_cells(row.group("cells"))
        if not found:
            continue
        known = _unit(row.group("unit"))
        if known is None:
            continue                     # (a unit nothing names)
        name, (factor, base, kind) = row.group("name"), known
        if base in _PERCENT_UNITS and _CHANGE_COLUMN.search(name):
            kind = "growth"              # 增速（%）: a change
        for cell in found:
            number = Decimal(cell.group("num").translate(_WIDE))
            out.append(Cell(cells_at + cell.start("num"), cells_at + cell.end("num"), number * factor, base, kind, name))
    return out


def _listed_cells(cells: str) -> list[re.Match[str]]:
    """The cells (a place and its number) of a listed row's text, when it holds nothing else and two or more
    of them; else [] (a sentence after a colon, or numbers without places, is no such row)."""
    cells = cells.rstrip()
    found, pos = [], 0
    while pos < len(cells) and (cell := _LISTED_CELL.match(cells, pos)) is not None:
        found.append(cell)
        pos = cell.end()
    if len(found) < 2 or pos < len(cells) or not all(c.group("place").endswith(V.PLACE_LIKE_ENDS) for c in found):
        return []
    return found
