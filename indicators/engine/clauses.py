"""Clauses and sentences of a block's text: where a clause around a position starts and ends.

Every scan is bounded (MAX_CLAUSE characters), so a page without punctuation stays linear.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache

import regex

from ..lang import vocab as V
from ..lang.numbers import ARABIC_DIGIT, CN_DIGITS

BRACKETED = regex.compile(r"（[^（）]*）|\([^()]*\)|【[^【】]*】")
# A phrase that starts inside brackets (7个县（市、区）地区生产总值增速, cut at the list comma) loses the part
# before their close.
_INSIDE_BRACKETS_LEFT = regex.compile(r"^[^（(）)]*[）)]")
# (not ○, the zero of 一九八○年)
_MARKS = V.ITEM_MARKS.replace("○", "")
DECOR = regex.compile(V.char_class(V.OPENING_QUOTES + V.CLOSING_QUOTES + '"《》' + _MARKS) + r"|\s")
_CLAUSE_BREAK = re.compile(V.char_class(V.COMMAS + V.SEMICOLONS + V.FULL_STOP))
_SENTENCE_BREAK = re.compile(V.char_class(V.SENTENCE_END))
# Nothing but a comma between two things (截至7月末，公司…: a time that is a clause of its own)
ONLY_A_BREAK = re.compile(rf"\s*{V.char_class(V.COMMAS)}\s*")
MAX_CLAUSE = 200       # bounds every scan around a fact, so time stays linear on unpunctuated text


# A character that one of the patterns above needs (re's \s holds all of regex's and four more): most
# clauses have none, and then two substitutions are skipped. One class (not a class or \s), so that
# re skips to a candidate at C speed.
_MAY_BE_DECORATED = re.compile(V.char_class(V.OPENING_QUOTES + V.CLOSING_QUOTES + '"《》（(【' + V.CLOSING_BRACKETS + _MARKS)[:-1]
                               + r"\s]")


# A figure right after 的 (是上年的1.3倍, 为1997年的近两倍), not a noun (特别是近八年的经验).
_FIGURE_AFTER_OF = re.compile(rf"(?:同期|水平)?的[近约]?[{ARABIC_DIGIT}{CN_DIGITS}十百]")   # 恢复至2019年同期的108.6%


_YU = "于"
# 跟 and 和 make a time or a place a base only before the comparison (跟去年比, 和上月相比, 跟往年比起来)
_SPOKEN_WITH = frozenset("跟和")
_SET_AGAINST = re.compile(r"[^，,。；;！？\n]{1,8}?(?:相比|比较|比起来|比)(?=[，,。；;]|$)")
_BASE_CHARS = frozenset(V.COMPARISON_BASE + V.EXCEEDS[-1])
_EXCEEDS_BEFORE = frozenset(w[0] for w in V.EXCEEDS)
_BEFORE_YU = frozenset(V.COMPARATIVE_BEFORE_YU + V.CAUSE_BEFORE_YU)


def compared_at(text: str, pos: int) -> bool:
    """Whether what starts at ``pos`` (a time or a place) is the base of a comparison: 比上年, 较2002年,
    高于全国, 居全市第2位; not after a 于 that says when or where (于2023年开工, 关于2024年度…)."""
    before = text[pos - 1] if pos > 0 else ""
    if before in _SPOKEN_WITH:                 # 跟去年比，…; 和去年相比，… (not 今年和去年分别…)
        return _SET_AGAINST.match(text, pos) is not None
    if before not in _BASE_CHARS:
        return False
    if before == V.EXCEEDS[-1]:            # 高出全国平均水平5.93个百分点 (not 出台, 出口)
        return pos > 1 and text[pos - 2] in _EXCEEDS_BEFORE
    return before != _YU or (pos > 1 and text[pos - 2] in _BEFORE_YU)


def is_multiple_base(text: str, start: int, end: int) -> bool:
    """是上年的1.3倍, 为2020年的2倍, 恢复到2019年的105.3%: the time at ``text[start:end]`` is what a figure is
    a multiple or a share of, not the figure's period (but 调整为2023年的9.3:36.6:54.1 is a move's end, dated so)."""
    return (start > 0 and (text.endswith(_RECOVERED_TO, max(0, start - 3), start)
                           or (text[start - 1] in V.MULTIPLE_BASE_LEAD
                               and not text.endswith(V.MOVE_TO_WORDS, max(0, start - 3), start)))
            and _FIGURE_AFTER_OF.match(text, end) is not None)


_RECOVERED_TO = ("恢复到", "恢复至", "达到")


def clean(phrase: str) -> str:
    """The phrase without bracketed asides, quotes and spaces."""
    if not _MAY_BE_DECORATED.search(phrase):
        return phrase
    return DECOR.sub("", _INSIDE_BRACKETS_LEFT.sub("", BRACKETED.sub("", phrase), count=1))


@cache
def _stop_pattern(stops: str) -> re.Pattern[str]:
    return re.compile(V.char_class(stops))


@lru_cache(maxsize=64)
def _stops_in(text: str, stops: str) -> list[int]:
    """Positions of ``stops`` in a block's text, found once per block (every fact of it asks)."""
    return [m.start() for m in _stop_pattern(stops).finditer(text)]


def scan_back(text: str, pos: int, floor: int, stops: str) -> int:
    """Start of the stretch ending at ``pos`` after the last of ``stops``, looking back at most
    MAX_CLAUSE characters (and not before ``floor``), so unpunctuated text stays linear."""
    return start_after(_stops_in(text, stops), pos, floor)


def start_after(positions: list[int], pos: int, floor: int) -> int:
    """``scan_back`` given the positions of the stops in the text (``clause_stops``): what a caller
    asking for many positions of one block reads once."""
    if floor >= pos:
        return pos
    if floor < pos - MAX_CLAUSE:
        floor = pos - MAX_CLAUSE
    i = bisect_left(positions, pos) - 1          # the last stop before pos
    return positions[i] + 1 if i >= 0 and positions[i] >= floor else floor


def clause_stops(text: str) -> list[int]:
    """Positions of the characters that end a clause in ``text`` (for ``start_after``)."""
    return _stops_in(text, V.CLAUSE_SEPARATORS)


def clause_start(text: str, pos: int, floor: int) -> int:
    return start_after(clause_stops(text), pos, floor)


_ASIDE_REACH = 40          # how far an aside's brackets may lie from the figure inside them


def in_aside(text: str, start: int, end: int, floor: int) -> bool:
    """Whether the figure at ``text[start:end]`` sits in a bracketed aside inside a noun phrase that goes on
    after it (普惠小微贷款（单户授信1000万元及以下）余额…, 规模以上工业（年主营业务收入2000万元及以上）增加值):
    the phrase is one across the aside. Not a figure that is all its brackets hold (城南区（11.2万件）),
    nor brackets after which the clause ends."""
    low = max(floor, start - _ASIDE_REACH)
    opening = max(text.rfind("（", low, start), text.rfind("(", low, start))
    if opening <= low or not is_han(text[opening - 1]):
        return False
    if any(ch in V.CLOSING_BRACKETS for ch in text[opening + 1:start]):
        return False
    for k in range(end, min(len(text), end + _ASIDE_REACH)):
        ch = text[k]
        if ch in V.CLOSING_BRACKETS:
            return (k > end or opening + 1 < start) and k + 1 < len(text) and is_han(text[k + 1])
        if ch in V.CLAUSE_SEPARATORS or ch in V.OPENING_BRACKETS:
            return False
    return False


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


_SECTORS = re.compile(V.alternation(V.SECTORS_WITH_LIST_COMMAS))
_SECTOR_REACH = max(map(len, V.SECTORS_WITH_LIST_COMMAS))


def name_start(text: str, start: int, floor: int) -> int:
    """``start``, or, when a list comma right before it lies inside a sector's name (计算机、通信和其他电子
    设备制造业), where that name starts (not before ``floor``)."""
    if start == 0 or text[start - 1] != V.LIST_COMMA:
        return start
    for m in _SECTORS.finditer(text, max(floor, start - _SECTOR_REACH), start + _SECTOR_REACH):
        if m.start() < start <= m.end():
            # (not one an aside holds: 基础设施投资（不含电力、热力、燃气及水生产和供应业）同比下降1.6%)
            return start if text[m.end():m.end() + 1] in V.CLOSING_BRACKETS else m.start()
    return start


_STOPS_BUT_LIST_COMMAS = V.CLAUSE_END + V.COLONS
_NUMERALS = frozenset(ARABIC_DIGIT + CN_DIGITS + "十百千万")
_EXAMPLES = "等"


def list_start(text: str, start: int, floor: int, figure: int) -> int:
    """``start``, or, when a list comma right before it closes members with no figure of their own
    (风电、光伏装机容量合计8900万千瓦, 新建改扩建中小学、幼儿园12所), where the list starts: the figure
    (at ``figure``) measures them all. Not past ``floor`` (the previous figure of the sentence: 新增高新
    技术企业19家、专精特新企业23家 names two things), nor for a list of examples (协调解决用地、融资、用工等
    问题413个: what is counted is the head after 等)."""
    if start == 0 or text[start - 1] != V.LIST_COMMA or text.find(_EXAMPLES, start, figure) >= 0:
        return start
    s = scan_back(text, start - 1, floor, _STOPS_BUT_LIST_COMMAS)
    if s >= start - 1 or (s == floor and floor > 0 and text[floor - 1] not in _STOPS_BUT_LIST_COMMAS):
        return start
    if text[start - 2] in _NUMERALS:           # 多五、六倍 (five or six), 一、粮田改种…: no list of things
        return start
    return s


def segment_start(text: str, pos: int, floor: int) -> int:
    return scan_back(text, pos, floor, V.SEMICOLONS + V.FULL_STOP)


def clause_end(text: str, pos: int, limit: int) -> int:
    """End of the clause at ``pos``, looking no further than MAX_CLAUSE characters: on a page
    without punctuation every fact would otherwise scan to the end of the text."""
    limit = min(limit, pos + MAX_CLAUSE)
    m = _CLAUSE_BREAK.search(text, pos, limit)
    return m.start() if m else limit


def first_clause_end(text: str) -> int:
    """End of the paragraph's head: its first sentence (at most 120 characters)."""
    m = _SENTENCE_BREAK.search(text, 0, 120)
    return m.start() if m else min(len(text), 120)


def head_after_lead(text: str) -> int:
    """``first_clause_end``, or the end of the second sentence when the first is a short lead without a
    figure (工业生产稳中有进。前三季度，…: a bulletin's or a news story's paragraph names its time in the
    sentence after its lead; a numbered lead's number, （一）, is no part of its length)."""
    end = first_clause_end(text)
    numbered = _NUMBERED_LEAD.match(text)
    if end - (numbered.end() if numbered else 0) <= _LEAD < len(text) and not _DIGIT.search(text, 0, end):
        second = _SENTENCE_BREAK.search(text, end + 1, end + 121)
        return second.start() if second else min(len(text), end + 121)
    return end


_LEAD = 16
_NUMBERED_LEAD = regex.compile(V.NUMBERED_HEADING)
_DIGIT = re.compile(f"[{V.ARABIC_DIGIT}]")


_RESPECTIVELY = regex.compile(
    rf"分别(?:为|是|有|达到|达|占|(?P<change>{V.alternation((*V.CHANGE_UP, *V.CHANGE_DOWN))}))?")


def respectively_clause(text: str, local_start: int, floor: int) -> tuple[int, regex.Match | None]:
    """Start of the clause before ``local_start`` and its 分别 (respectively), if it has one."""
    start = scan_back(text, local_start, floor, V.CLAUSE_END + V.COLONS)
    return start, _RESPECTIVELY.search(text, start, local_start)
