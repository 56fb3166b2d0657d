"""The indicator of a fact: a short phrase from the text naming what the number measures."""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from ..lang import vocab as V
from ..lang.gazetteer import leading_place
from .clauses import DECOR, clause_start, clean, respectively_clause
from .layout import Block
from .period import PERIOD

_LEADING = regex.compile(
    r"^(?:其中|同时|此外|另外|而且|并且|据统计|据介绍|经统计|目前|截至目前|已经|预计|力争|计划|当天|当日|全年"
    r"|全市|全县|全省|全区|全镇|全国|共计|合计|总计|累计|共|还|也|均|分别|并|和|及|以及|与|其|已|另|仅|将|的(?!士))+"
)
_TRAILING = regex.compile(
    r"(?:达到了|达到|达|分别为|分别|约为|约|为|是|有|共有|共计|共|累计|合计|总计|近|超过|突破|实现|增至|升至|降至"
    r"|提高到|提高至|提升到|提升至|上升到|上升至|下降到|下降至|增加到|增加至|减少到|减少至|增长到|增长至"
    r"|压缩至|压缩到|缩短至|缩短到|控制在|保持在|稳定在|规定为|确定为|设定为|拟定为|预定为|初定为|定为|调高到|调高至|调低到|调低至"
    r"|回落到|回落至|回升到|回升至|降到|升到"
    r"|调整为|调整到|调整至|分为|仅|了|的|已|将|在|到|至|经过|经)+$"
)
# A clause left with only one of these names nothing (实际回落到6.1%: what fell is named before).
_ADVERBS_ONLY = frozenset({"实际", "初步", "基本", "大约", "最终"})
# A clause that only says how a figure changed (同比增长, 较上届增加, 比上年末提高, 同比名义增长, 实际增长):
# it is about the figure named before it.
_CHANGE_ONLY = regex.compile(
    rf"^(?:同比|环比|(?:比|较){V.char_class(V.CLAUSE_END, negate=True)}{{0,6}}?|与上年相比|年均|分别|名义|实际)*"
    rf"(?:{V.alternation((*V.CHANGE_UP, *V.CHANGE_DOWN))})?(?:了)?$"
)
_BREAK_CHARS = V.CLAUSE_SEPARATORS + "（(）)\n"
_PHRASE_BREAKS = frozenset(_BREAK_CHARS)
# Where the phrase after a figure ends: a clause break, a bracket, or a verb or function word.
_FOLLOW_END = re.compile(
    V.char_class(_BREAK_CHARS + V.RANGE_DASHES)      # 20-30万元: the low end is followed by its range
    + r"|齐聚|落户|入驻|参加|参与|开展|进行|实现|完成|达到|成为|获得|签约|开工|投产|建成|纳入|蓄势|已|将|被|正在|正式"
    r"|正|于|是|为|和|与|及|等|也|都|均|并|从|向|对|把|让|使|由|到|至|同比|比|共|累计"
)
# 6.5%－7%的增速, 10—15%过着…: what the low end of a range of rates measures follows its high end.
_RATE_RANGE_OF = re.compile(rf"{V.char_class(V.RANGE_DASHES)}{{1,2}}[ \t]*[0-9０-９.．]+[%％]")
# A rate or amount followed by what is granted (给予补助, 一次性奖励): the grant names the figure.
_GRANT = re.compile(rf"(?:给予|予以)?(?:一次性)?(?:{V.alternation(V.GRANT_WORDS)})")
_CAP_WORDS = ("最高", "最多", "上限")
_DIGITS = regex.compile(V.FIGURE_CHAR + "+")
_MAX_BEFORE = 16
_MAX_AFTER = 14
_MAX_CHAIN = _MAX_BEFORE + _MAX_AFTER + 8       # a phrase with the change words of a figure after it
_FOLLOWING_KINDS = frozenset({"count", "money", "quantity", "area", "duration"})
# After a rate (10%的税率, 5%左右的预期目标) the noun names it, unless it only says how big it is.
_MAGNITUDE_WORDS = ("水平", "幅度")


def _strip_edges(phrase: str) -> str:
    """Drop leading connectives, periods and place names, and trailing link verbs (达到, 为 …)."""
    before = None
    while phrase and phrase != before:
        before = phrase
        phrase = _LEADING.sub("", phrase)
        m = PERIOD.match(phrase)
        if m and m.end() < len(phrase):
            phrase = phrase[m.end():]
        name = leading_place(phrase)
        if name and len(name) < len(phrase):
            phrase = phrase[len(name):]
    phrase = _TRAILING.sub("", phrase)
    return "" if phrase in _ADVERBS_ONLY else phrase


@lru_cache(maxsize=65536)
def _clause_before(clause: str) -> tuple[str, bool, str]:
    """What the clause before a figure gives its indicator, read once per distinct clause (the same
    few clauses, 同比增长 or 全市地区生产总值, precede most figures of a bulletin): the phrase it names,
    whether it only says how the figure changed, and its last words (for 地区生产总值 + 同比增长)."""
    cleaned = clean(clause)
    before = _strip_edges(cleaned)[-_MAX_BEFORE:]
    return before, bool(_CHANGE_ONLY.match(before)), cleaned.lstrip("，,")[-8:]


def following_phrase(text: str, end: int) -> str:
    """The noun phrase right after a count or amount (47条 *热线*, 10亿余元 *启动资金*)."""
    if text[end:end + 1] in _PHRASE_BREAKS:       # (no range dash is a break: the test may come first)
        return ""                                 # most figures end their clause: nothing follows
    high = _RATE_RANGE_OF.match(text, end)
    if high:
        end = high.end()
        if text[end:end + 1] in _PHRASE_BREAKS:
            return ""
    tail = text[end:end + 40]
    for word in ("以内", "之内", "以下", "左右", "内"):
        if tail.startswith(word):
            tail = tail[len(word):]
            break
    if tail.startswith("的"):
        tail = tail[1:]
    stop = _FOLLOW_END.search(tail)
    phrase = tail[:stop.start()] if stop else tail
    if len(phrase) > _MAX_AFTER:              # at most _MAX_AFTER characters, quotes and spaces not counted
        kept = 0
        for i, ch in enumerate(phrase):
            if kept >= _MAX_AFTER:
                phrase = phrase[:i]
                break
            kept += not DECOR.match(ch)
    return clean(phrase)


def indicator_for(block: Block, local_start: int, local_end: int, kind: str, start: int, floor: int,
                  previous: str) -> str:
    """A short phrase naming what the number measures.

    ``floor`` is where the clause may start at the earliest (the end of the previous fact in it),
    ``start`` where it starts (``clauses.clause_start`` from ``floor``); ``previous`` is the indicator
    of the fact before in the same sentence, used when the clause only says 同比增长.
    """
    text = block.text
    before, change_only, change_words = _clause_before(text[start:local_start])
    if previous and change_only and (kind == "growth" or (before and before[0] in "比较同环")):
        # 地区生产总值 + 同比增长, once: a sentence of many such clauses must not grow the phrase figure by
        # figure (it made such a sentence quadratic)
        if previous.endswith(change_words) or len(previous) + len(change_words) > _MAX_CHAIN:
            return previous
        return previous + change_words
    if len(before) <= 1 and previous and start == floor:
        return previous
    after = (following_phrase(text, local_end)
             if kind in _FOLLOWING_KINDS or not before or text.startswith("的", local_end) else "")
    if after.endswith(_MAGNITUDE_WORDS) and kind not in _FOLLOWING_KINDS:
        after = ""                          # 稳定在2%左右的较低水平: how big, not what is measured
    if not after and _GRANT.match(text, local_end):
        after = following_phrase(text, local_end)      # 按设备投资额的10%给予补助: what the rate is of
    if before.endswith(_CAP_WORDS) and previous and len(before) <= 8:
        before = previous + before[-2:]                # …给予补助，单个项目最高不超过500万元
    phrase = before + after if after not in before else before
    if phrase:
        return phrase
    if previous:                           # 新开通5G基站2156个，累计达到1.2万个: the same thing, summed
        return previous
    # Nothing in the clause (共计2000株): the clause before it says what is counted.
    prev_start = clause_start(text, max(start - 1, 0), 0)
    return _strip_edges(_DIGITS.sub("", clean(text[prev_start:max(start - 1, prev_start)])))[-_MAX_BEFORE:]



_ITEM_SPLIT = regex.compile(V.char_class(V.LIST_JOINERS))


def respective_items(block: Block, local_start: int, floor: int, count: int,
                     earlier: list[str]) -> list[str]:
    """One name per value after 分别, or [] when the text does not give them:
    樟子松、刺槐分别为1000株、5000株 -> 樟子松, 刺槐; 城乡居民收入分别增长… -> 城镇居民收入, 农村居民收入
    (GUIDELINES); 收入X亿元、游客Y万人次，分别增长a%、b% -> the figures just before (``earlier``)."""
    start, m = respectively_clause(block.text, local_start, floor)
    if not m:
        return []
    subject = _strip_edges(clean(block.text[start:m.start()]))
    items = [item for item in _ITEM_SPLIT.split(subject) if item]
    if len(items) == 1 and count == 2 and "城乡" in items[0]:
        return [items[0].replace("城乡", "城镇", 1), items[0].replace("城乡", "农村", 1)]
    if not subject and len(earlier) >= count:
        change = m.group("change") or ""
        return [name + change for name in earlier[-count:]]
    return items

