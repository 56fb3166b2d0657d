"""Modality of a fact: an outcome (actual), a goal (target) or an expectation (forecast), read from the
words before and after the figure and the part of the report it sits in.

    >>> modality_of("今年发展主要预期目标是：国内生产总值增长", "；城镇新增就业…", qualifier="approx")
    'target'
    >>> modality_of("一九八二年计划为百分之四，预计可以达到", "。", period_end="1982-12-31", doc_date="1982-11-30")
    'actual'

The nearest cue before the figure decides: 预期目标, 力争, 控制在, 计划, 要, 确保 … make a target;
实际, 已, and a target said to be met (实现…目标, 超过预期目标) an outcome; 预计, 预测 a forecast. A figure
followed by 的目标 (略低于8%的预定目标) is a target. In the plan part of a work report a figure with
左右, 以上, 以内 or 不超过 is a target. A figure after 从 (从14.8%降到10%) is the level a change starts
from: an outcome.

预计 (an estimate): of a period that has ended, or ends within three months of the document (a
report delivered in November estimating its year), it is an outcome not yet final, so ``actual``;
of a period further ahead it is a ``forecast``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta
from functools import lru_cache

from ..lang import vocab as V
from ..lang.scan import finditer_near
from .dates import date_parts

MODALITIES = ("actual", "target", "forecast")
_IN_CLAUSE = V.char_class(V.CLAUSE_END + V.COLONS, negate=True)
_STRIVE = "力争|争取|确保"       # a goal, or after 为/以 (为确保…) a purpose
_YI_IN_WORD = "可所难得足加予"    # 以 of 可以, 所以, 难以 …: no purpose
_CUES = re.compile(
    # a target said to be met, exceeded or missed: what follows is an outcome
    r"(?P<met>(?<!努力)(?<!力争)(?<!争取)(?<!确保)(?<!要)(?<!将)"
    rf"(?:实现|完成|达到|超过|超额完成|好于|高于|低于|略低于|接近){_IN_CLAUSE}{{0,12}}?(?:预期目标|预定目标|目标|预期|计划))"
    r"|(?P<done>实际|已经|已|刚刚过去的)"
    r"|(?P<forecast>预计|预测|估计|可望|有望)"
    r"|(?P<target>预期目标|主要目标|调控目标|奋斗目标|目标[是为]|目标定[为在]|目标设定|预期[为是]|增长预期"
    # not a programme's name in quotes (“三支一扶”计划) or an action plan named in passing (出台…五年行动计划，…
    # 提高到67%), but a five-year plan's (“八五”计划) and a plan's title (按照《…三年行动计划（2023-2025年）》)
    r"|(?:(?<=五[”\"])|(?<![”\"」』]))(?:(?<!行动)计划|计划(?=[（(》]))(?!生育|单列|经济|执行|期间|时期|的(?!规定|要求|目标))"
    r"|要求|拟|规划(?!纲要)|目标|预期(?!指数|寿命)|设定为|调高到|调低到|定为|必须(?!看到|清醒|承认|指出)"     # (业务活动预期指数: a survey's index; 人均预期寿命: a level)
    rf"|(?<!为)(?<!为了)(?<![^{_YI_IN_WORD}]以)(?<!成功)(?<!累计)(?<!多)(?:{_STRIVE})"    # 成功争取, 多争取: obtained
    r"|(?<![主重只不需必首纲摘扼])要(?![素点是害]|看到|清醒)|将要)"      # (也要看到…: a difficulty seen, no goal)
    # said of a year to come these set a goal; in the review of a year past they report what was done
    r"|(?P<planned>控制在|控制到|安排|提出)"        # 广东提出地区生产总值增长5%左右: a goal put forward
    # 为争取…至少一千五百斤粮食而奋斗 sets a goal; 为确保颗粒归仓，县里投入收割机2100余台 says why what
    # follows its clause was done (deciding_cue)
    rf"|(?P<purpose>(?:(?<=为)|(?<=为了)|(?<=以)(?<![{_YI_IN_WORD}]以))(?:{_STRIVE}))"
    # 将 (will): in the plan part of a report a goal (一九五七年…将达到五十七亿吨); elsewhere a forecast
    # or a plan of someone else (将出现强降雨, 建成后将惠及), so it decides nothing
    r"|(?P<future>将(?![近来军领]))"
)
# The first two characters of every cue word above (one for 已, 拟, 要; three for 增长预期, as 增长 is
# in every other rate): _CUES opens with lookbehinds, so re would try it at every character; it is
# tried only where these start (scan.finditer_near), which re finds at C speed.
_CUE_START = re.compile("实现|完成|达到|超过|超额|好于|高于|低于|略低|接近|实际|已|刚刚|预计|预测|估计|可望|有望"
                        "|预期|主要|调控|奋斗|目标|增长预|计划|力争|争取|确保|拟|规划|设定|调高|调低|定为|必须|要|将要|提出"
                        "|控制|安排|将")
_NOT_END_OR_DIGIT = V.char_class(V.CLAUSE_END, negate=True)[:-1] + r"\d]"
_TARGET_AFTER = re.compile(rf"^{_NOT_END_OR_DIGIT}{{0,4}}?的?(?:预期|预定|调控|奋斗|既定|发展|增长)?目标")
_CLAUSE_BREAK = re.compile(V.char_class(V.CLAUSE_END))
_BOUNDED = frozenset({"approx", "more_than", "at_least", "at_most", "less_than"})
_ESTIMATE_REACH = timedelta(days=92)


@lru_cache(maxsize=4096)       # asked for every figure, of the few periods and dates a document names
def period_has_ended(period_end: str, doc_date: str) -> bool | None:
    """Whether the period ends before (or within three months after) the document's date; None when unknown."""
    end_year, end_month, end_day = date_parts(period_end)
    year, month, day = date_parts(doc_date)
    if end_year is None or year is None:
        return None
    if month is None:                        # a year only: a period of that year or later is ahead
        return end_year < year
    said = date(year, month, day or 1)
    return date(end_year, end_month or 12, end_day or 28) <= said + _ESTIMATE_REACH


@lru_cache(maxsize=4096)
def period_is_ahead(period_start: str, doc_date: str) -> bool:
    """Whether the period starts after the document's date (到2027年… in a 2025 text): no figure of it
    can be an outcome yet."""
    start_year, start_month, start_day = date_parts(period_start)
    year, month, day = date_parts(doc_date)
    if start_year is None or year is None:
        return False
    if month is None:
        return start_year > year
    if (start_year, start_month) == (year, month) and start_day is not None and _is_month_end(year, month, start_day):
        return False              # 截至2024年末 in a summary dated 2024年12月27日: the stock it closes the year with
    return date(start_year, start_month or 1, start_day or 1) > date(year, month, day or 28)


def _is_month_end(year: int, month: int, day: int) -> bool:
    return (date(year, month, day) + timedelta(days=1)).month != month


def cues_of(sentence: str) -> list[tuple[int, str]]:
    """(end, kind) of every modality cue in a sentence, in order: computed once per sentence, so each
    figure finds its nearest cue before it by bisection."""
    return [(m.end(), m.lastgroup or "") for m in finditer_near(_CUES, _CUE_START, 0, sentence)]


def deciding_cue(cues: list[tuple[int, str]], pos: int, text: str, start: int = 0) -> str | None:
    """The kind of the cue that decides a figure at ``pos`` of the sentence at ``text[start:]``
    (``cues``: ``cues_of`` the sentence): the nearest before it, except that
    - 将 (will) defers to an earlier cue of the sentence (按照规划，到2026年…将突破: the plan decides;
      预计将达到: the estimate), and
    - 控制在 or 安排 right after 要把, 要将 (去年曾提出，要把物价上涨幅度控制在10%以内) keeps the goal that
      要 sets, even in a review, and
    - 为确保, 为了争取 set a goal only in their own clause (为争取…一千五百斤粮食而奋斗), not for the clauses
      after it (为确保颗粒归仓，县里投入收割机2100余台: None, no cue decides)."""
    i = bisect_right(cues, (pos, "\uffff")) - 1
    if i < 0:
        return None
    earlier = i - 1                      # the nearest cue before it that is not 将
    while earlier >= 0 and cues[earlier][1] == "future":
        earlier -= 1
    kind = cues[i][1]
    if kind == "purpose":                # a goal within its own clause only
        return None if _CLAUSE_BREAK.search(text, start + cues[i][0], start + pos) else "target"
    if kind == "future" and earlier >= 0:
        return cues[earlier][1]
    if kind == "planned" and earlier >= 0 and cues[earlier][1] == "target":
        after_target = start + cues[earlier][0]
        if text[after_target:after_target + 1] in ("把", "将"):
            return "target"
    return kind


def plainly_actual(after: str, role: str, listed_target: bool) -> bool:
    """Whether a figure that no cue of its sentence decides is an outcome whatever precedes it: it is
    in no plan part and no list of targets, and no 目标 follows it (most figures of a bulletin). The
    caller may then skip ``modality_of``, which starts with this test."""
    return role != "plan" and not listed_target and "目标" not in after


def modality_of(before: str, after: str = "", *, role: str = "", listed_target: bool = False,
                qualifier: str = "exact", period_end: str = "", doc_date: str = "",
                cue: str | None = "") -> str:
    """``before``: the fact's sentence up to the figure; ``after``: the text right after it; ``role``:
    review or plan (the part of a work report); ``listed_target``: the figure is in a list that a
    target cue introduced (今年主要预期目标是：…); ``cue``: the nearest cue's kind when the caller
    found it already (``deciding_cue``), else it is looked for in ``before``."""
    if cue is None and plainly_actual(after, role, listed_target):
        return "actual"
    if before.endswith("从") or before.endswith("由"):
        return "actual"                      # 从14.8%降到…: the level a change starts from
    if "目标" in after and _TARGET_AFTER.match(after):    # cheap test first: 目标 is rarely near
        return "target"
    kind = deciding_cue(cues_of(before), len(before), before) if cue == "" else cue   # the nearest cue decides
    if kind == "forecast":
        ended = period_has_ended(period_end, doc_date)
        return "actual" if ended else "forecast"
    if kind in ("met", "done"):
        return "actual"
    if kind == "planned" and not role and period_has_ended(period_end, doc_date):
        return "actual"                      # 今年以来，县里安排专项资金1200万元: on a page, what was set aside
    if kind == "target" or listed_target or (kind == "planned" and role != "review") or (
            kind == "future" and role == "plan" and not period_has_ended(period_end, doc_date)):
        return "target"
    if role == "plan" and qualifier in _BOUNDED and not period_has_ended(period_end, doc_date):
        return "target"
    return "actual"
