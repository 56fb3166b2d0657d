"""The region of a fact: the place its sentence names, what 全市/全省 stands for, or the place its
article or document is about."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

import regex

from .clauses import MAX_CLAUSE, clause_end, respectively_clause
from .layout import DATELINE, Block

if TYPE_CHECKING:
    from .document import BlockContext, DocumentContext

_LISTED = frozenset("、和及与等")
SCOPES = frozenset({"全国", "我国"})
CAPTION = re.compile(r"\s*(?:图为|图：|图:|（图|\(图)")
COMPARISON_BASE = frozenset("比较于")   # 比上年, 较上年同期, 高于全国: the base of a comparison


def filed_from(block: Block) -> int:
    """Length of a dateline such as 本报常州、榆林8月28日电: the places in it are where the story was
    filed, not what it is about (【城厢镇】, by contrast, is)."""
    m = DATELINE.match(block.text)
    return m.end() if m and m.group().endswith("电") else 0



def region_for(doc: DocumentContext, ctx: BlockContext, block: Block, local: int,
               sentence: tuple[int, int]) -> str:
    """The place a fact is about: named before it in its sentence; else what 全市/全省 before it
    stands for; else named later in its clause; else earlier in its paragraph; else the place its
    article (or document) names most; else a bare 全省/全市."""
    s0, s1 = sentence
    i = bisect_right(ctx._place_pos, local) - 1
    if i >= 0 and ctx._place_pos[i] >= s0:
        return ctx.places[i][1]
    default = doc.default_place(block.section)
    text = block.text
    generic = None
    for m in GENERIC_PLACE.finditer(text, max(s0, local - MAX_CLAUSE), local):
        if text[m.start() - 1:m.start()] not in COMPARISON_BASE:    # 高于全省平均水平
            generic = m
    if generic is not None:
        return _resolve_generic(doc, generic.group(), default, block.start + local)
    clause_stop = clause_end(text, local, s1)
    j = i + 1
    if j < len(ctx._place_pos) and ctx._place_pos[j] < clause_stop:
        return ctx.places[j][1]
    # Earlier in the paragraph, unless the place was one of a list (郑州、洛阳、南阳分别增长…).
    while i >= 0:
        pos, name = ctx.places[i]
        after = text[pos + len(name):pos + len(name) + 1]
        if after not in _LISTED and text[pos - 1:pos] not in _LISTED:
            return name
        i -= 1
    if default:
        return default
    return ctx.generic_place


GENERIC_LEVEL = {"省": "省", "市": "市", "州": "市", "盟": "市", "县": "县", "区": "县", "旗": "县",
                  "镇": "乡", "乡": "乡"}


def _resolve_generic(doc: DocumentContext, generic: str, default: str, doc_pos: int) -> str:
    """全市 in an article about 鞍山 is 鞍山; 全区 in 吴兴区's notice is 吴兴区; 全镇 is the town named last."""
    level = GENERIC_LEVEL[generic[-1]]
    if level == "乡":
        return doc.town_before(doc_pos) or generic
    if default and doc.level(default) == level:
        return default
    return doc.place_of_level(level) or generic


def first_generic(text: str) -> str:
    for m in GENERIC_PLACE.finditer(text):
        if text[m.start() - 1:m.start()] not in COMPARISON_BASE:
            return m.group()
    return ""


# Used only when no place is named anywhere in the document: 全省地区生产总值 … -> 全省.
GENERIC_PLACE = regex.compile(r"全(?:省|市|县|区|州|盟|旗|镇|乡)|(?:本|我)(?:省|市|县|区|镇|乡)")


def respective_places(ctx: BlockContext, block: Block, local_start: int, floor: int) -> list[str]:
    """The places listed before 分别 (沈阳市和大连市…分别增长5.6%和6.1%), in order; [] when none."""
    start, m = respectively_clause(block.text, local_start, floor)
    if not m:
        return []
    return [name for pos, name in ctx.places if start <= pos < m.start()]
