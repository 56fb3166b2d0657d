"""A move from one level to another in one clause: 由一九五七年的五百三十五万吨增长到一千一百零八万吨,
从1997年的7.4万亿元增加到2002年的10.2万亿元, 高速公路里程从9.6万公里增加到13.6万公里.

Its first figure is the level at the start, dated by the time named with it (1997年的) or, when
none is, by the period before the one its clause speaks of; its second figure is the level at the end,
dated by its own time (2002年的) or by the clause's, never by the start's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import vocab as V
from .period import PERIOD

_WINDOW = 20           # how far before a figure its 由/从 and the time named with it may start
_FROM = re.compile(rf"(?:{V.alternation(V.MOVE_FROM)})(?P<when>[^{re.escape(V.CLAUSE_SEPARATORS)}的]{{0,14}}?)的?$")
_VERB_TO = rf"(?:{V.alternation(V.MOVE_VERBS)})(?:{V.alternation(V.RANGE_WORDS)})"   # 增加到, 缩短至
# 由5.12%下降为3.49%, 由3452人上升为7028人: after a first figure, a verb with 为 ends a move too (alone, 增长为5%
# is a change)
_VERB_AS = rf"(?:{V.alternation(V.MOVE_VERBS)})为"
_TO = re.compile(rf"[{re.escape(V.COMMAS)}]?(?:(?:{V.alternation(V.CHANGE_ADVERBS)})?(?:{_VERB_TO}|{_VERB_AS})"   # 逐步收窄至
                 rf"|{V.alternation(V.MOVE_TO_WORDS)})")
# The later parts of a split after its first (由上年的10.3:44.1:45.6调整为…): the move starts after them.
_SPLIT_TAIL = re.compile(rf"(?:\s*{V.char_class(V.SPLIT_COLONS)}\s*[0-9]+(?:\.[0-9]+)?)+")
_TO_REACH = 7          # 增加到, ，增加到, 缩短至: the verb and 到/至 right after the first figure
_OWN_TIME = re.compile(rf"(?:{PERIOD.pattern}|目前|当前|现在|如今)的?")     # (提升到目前的60%: now, no period)
# 改造前, 实施前, 改革前: before it, no date (五年前 counts years: not this)
_BEFORE_AN_EVENT = re.compile(rf"(?:(?![{V.CN_DIGITS}十百两几数年])[\u4e00-\u9fff]){{1,4}}前")
_PER_UNIT = re.compile(r"(?:每[\u4e00-\u9fff]{1,3}?)+")      # 每吨, 每人每年: what the level is per, not a time


@dataclass(frozen=True, slots=True)
class Move:
    start: int         # where 由/从 stands
    when: str          # the time named with the first figure (1997年), or ""
    first_end: int     # where the first figure ends
    to: int            # where the text after 到/至 begins: the second figure, or its own time


def may_hold_moves(text: str) -> bool:
    """Whether ``text`` holds 由 or 从 at all: a paragraph without either starts no move (most of a
    bulletin's), so its figures need not be looked at one by one."""
    return any(word in text for word in V.MOVE_FROM)


def move_from(text: str, start: int, end: int, clause0: int) -> Move | None:
    """The move whose first figure is ``text[start:end]``, if it is one: 由/从 (with a time and 的, or
    原来的) right before it, a move verb and 到/至 right after it."""
    lo = max(clause0, start - _WINDOW)
    if "由" not in text[lo:start] and "从" not in text[lo:start]:
        return None                        # cheap test first: most figures follow neither
    m = _FROM.search(text, lo, start)
    if m is None:
        return None
    when = m.group("when")
    undated = (when in V.MOVE_FROM_UNDATED or _PER_UNIT.fullmatch(when) is not None   # 由每吨120元下调至95元
               or _BEFORE_AN_EVENT.fullmatch(when) is not None)                     # 由改造前的35%提高到86%
    if when and not undated and not PERIOD.fullmatch(when):
        return None                        # 由企业投入500万元: 由 names who, not when
    tail = _SPLIT_TAIL.match(text, end)
    after = tail.end() if tail is not None else end
    to = _TO.match(text, after, after + _TO_REACH)
    if to is None:
        return None
    return Move(m.start(), "" if undated else when, end, to.end())


def ends_move(text: str, move: Move, start: int) -> bool:
    """Whether the figure at ``start`` is the second of ``move``: right after its 到/至, or after a time
    of its own there (增加到2002年的10.2万亿元)."""
    return start == move.to or (move.to < start <= move.to + _WINDOW
                                and _OWN_TIME.fullmatch(text, move.to, start) is not None)


def starts_move(text: str, start: int, end: int) -> bool:
    """Whether the time at ``text[start:end]`` is the start of a move (由1954年的97个): it dates that
    figure only, never the clause or the paragraph."""
    return text[start - 1:start] in V.MOVE_FROM and text.startswith("的", end)


_REACH = re.compile(rf"{_VERB_TO}$")


# A move's first figure and its verb with 为, right before a figure: 由5.12%下降为 (the figure is the level reached)
_FIRST_AND_VERB_AS = re.compile(rf"(?:{V.alternation(V.MOVE_FROM)})[^{re.escape(V.CLAUSE_SEPARATORS)}]{{0,20}}?"
                                rf"[0-9０-９][^{re.escape(V.CLAUSE_SEPARATORS)}]{{0,8}}?[{re.escape(V.COMMAS)}]?{_VERB_AS}$")
_AS_REACH = 36


def ends_move_as(text: str, start: int) -> bool:
    """Whether the figure at ``start`` follows a move's first figure and a verb with 为 (文盲率由5.12%下降为3.49%):
    a level reached, not a change (as 增长为5% alone would be)."""
    return text[start - 1:start] == "为" and _FIRST_AND_VERB_AS.search(text, max(0, start - _AS_REACH), start) is not None


def reaches(text: str, start: int) -> bool:
    """Whether the figure at ``start`` is a level reached (国内生产总值增加到121万亿元): the end of a
    move whose start is not said, the level of the last year of a span."""
    return _REACH.search(text, max(0, start - _TO_REACH), start) is not None
