"""The time context of a report: the part of a work report a passage sits in (the review of the year
or years past, the plan of the year ahead) and the time cues a paragraph gives.

A work report delivered in March of year Y reviews Y-1 (一、2024年工作回顾, 过去一年, 一年来) and plans
Y (二、2025年经济社会发展总体要求和政策取向, 今年发展的主要预期目标, 三、2025年政府工作任务). Some
parts cover several years (一、过去五年工作回顾, 一、“十一五”时期国民经济和社会发展的回顾, 二、“十五”期间
的奋斗目标). Old reports (1950s-1990s) number their parts the same way (一、一九八九年的回顾, 二、一九九○年的
国内工作) or not at all; after the first part that reviews, a numbered part that says nothing of its
time is about the work ahead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..lang import vocab as V
from ..lang.scan import finditer_near
from .clauses import compared_at, is_multiple_base
from .dates import Period, plan_year, resolve, review_year, year_number, years_period
from .moves import starts_move


@dataclass(frozen=True)
class Part:
    role: str = ""                              # review | plan | '' (not known)
    span: tuple[int, int] | None = None         # the years it covers when it names more than one
    headed: bool = True                         # opened by a heading (not the review a report opens with)
    # The span of years a heading also named (过去一年和五年工作回顾): a paragraph opening with it
    # (过去五年…, 五年来…) speaks of those years until another opens with the year (过去一年…).
    also: tuple[int, int] | None = None


_N = V.SMALL_NUMBER
YEAR = f"(?:{V.YEAR_DIGITS})"
_RANGE_MARK = f"{V.char_class(V.RANGE_DASHES)}|{V.alternation(V.RANGE_WORDS)}"
_BACK = V.alternation(V.SPAN_BACK_WORDS)
_PLAN_NAME = (r"第(?:十[一二三四五六七八九]?|[一二三四五六七八九])个五年(?:计划|规划)(?:时期|期间)?"
              r"|[“\"](?:十[一二三四五六七八九]?|[一二三四五六七八九])五[”\"](?:计划|规划)?(?:时期|期间|末|以来)?"
              r"|(?:十[一二三四五六七八九]?|[一二三四五六七八九])五(?:计划|规划)?(?:时期|期间|末|以来)")
_SUB = (rf"全年|上半年|下半年|(?:前|第)?[一二三四1-4１-４]季度(?:末|底)?|前(?:{_N})个?月份?"
        rf"|(?:{_N})(?:月份?)?\s*(?:{_RANGE_MARK})+\s*(?:{_N})月份?|(?:{_N})月份?(?:末|底)?|年末|年底|以来")
# One pattern for every time cue a paragraph may give, longest forms first.
CUE = re.compile(
    rf"(?P<span>{YEAR}年?度?\s*(?:{_RANGE_MARK})+\s*{YEAR}年度?)"
    rf"|(?P<plan>{_PLAN_NAME})"
    rf"|(?P<back>(?:(?:{_BACK})的?|这)(?:{_N})年(?:来|间|中|里)?|(?:{_N})年来|刚刚过去的一年)"
    rf"|(?P<ahead>(?:{V.alternation(V.SPAN_AHEAD_WORDS)})的?(?:{_N})年(?:间|中|里|内)?)"
    rf"|(?P<year>(?:{YEAR}年度?|今年|本年度?|去年|上年度?|前年|明年)(?:{_SUB}|末|底|初)?(?!均))"   # 基础上年均: no 上年
    rf"|(?P<part>全年|上半年|下半年|(?:前|第)?[一二三四]季度|前(?:{_N})个?月份?|年末|年底)"
)
# Every CUE match holds, at most _CUE_REACH characters after its start, a 年 (2024年, 过去五年, 全年), the
# 五 of a plan's name (十四五, 第十个五年计划), the 季 or 月 of a part (一季度, 前两个月), or, in a span of
# years written without 年 after its first year (2020-2025年, 1998 至 2002年), the space or range mark
# right after that year: CUE opens with alternatives that share no character, so re would try it at
# every character; it is tried only before these (scan.finditer_near).
_CUE_ANCHOR = re.compile(rf"[年五季月]|(?<=[{V.ARABIC_DIGIT}{V.CN_DIGITS}{V.YEAR_ZEROS}年度])"
                         rf"[\s{re.escape(V.RANGE_DASHES + ''.join(V.RANGE_WORDS))}]")
_CUE_REACH = 6


def cue_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``CUE.finditer(text)``, several times faster on a report's prose."""
    return finditer_near(CUE, _CUE_ANCHOR, _CUE_REACH, text)


# The base of a comparison (比上年, 较2002年, 与2000年相比, 从1997年的…) is not the period of a fact.
_YEAR_IN = re.compile(YEAR)

_TOP = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、．.]|第[一二三四五六七八九十]{1,3}部分|首先)")
_REVIEW = re.compile(r"回顾|执行情况|基本总结|成就|工作总结|首先报告|过去一年|过去的一年|一年来|去年工作|过去五年|五年来"
                     r"|这五年|的五年|工作报告$")
_PLAN = re.compile(r"任务|总体要求|政策取向|总体部署|建议|奋斗目标|主要目标|预期目标|基本方针|计划草案|今年|重点工作"
                   r"|工作安排|的工作|今后|方针|目标")
_FIVE = re.compile(rf"(?:{_BACK}|这)?(?P<n>{_N})年(?:来|间)?(?=工作|政府工作|国内工作|的|$)")


_SUB_HEADING = re.compile(r"^\s*[（(][一二三四五六七八九十]{1,3}[）)]")
_NOT_A_PART = re.compile(r"政府工作报告|人民代表大会|会议上|^——|^—|总理|^各位代表")
_MAX_HEADING = 60


def is_heading_line(line: str, laid_out_as_heading: bool) -> bool:
    """A line that may open a part of a report: numbered (一、 （二）) or a short heading the layout
    found, but not the title, the dateline or the speaker's name."""
    if not line or len(line) > _MAX_HEADING or _NOT_A_PART.search(line):
        return False
    return bool(laid_out_as_heading or _TOP.match(line) or _SUB_HEADING.match(line))


def heading_part(text: str, doc_date: str, current: Part) -> Part | None:
    """The part a heading opens, or None when it says nothing of its time.

    ``current`` is the part in effect before the heading: a numbered heading that says nothing of
    its time, after a review, opens the plan (the tasks ahead); otherwise it keeps the current part.
    """
    reviews, plans = bool(_REVIEW.search(text)), bool(_PLAN.search(text))
    back, ahead = review_year(doc_date), plan_year(doc_date)
    years = [y for y in (year_number(m.group()) for m in _YEAR_IN.finditer(text)) if y]
    span: tuple[int, int] | None = None
    one_year = back in years or ahead in years       # a heading that names its year is about that year
    for m in cue_matches(text):
        period = resolve(m.group(), doc_date) if m.lastgroup in ("plan", "span", "back", "ahead") else None
        if period is not None and period.grain == "year":
            one_year = True                            # 过去一年和五年工作回顾: the year first
        elif period is not None and period.grain == "multi_year" and span is None:
            span = (int(period.start[:4]), int(period.end[:4]))
    if span is None and reviews and back is not None and (five := _FIVE.search(text)) is not None:
        n = {"五": 5, "5": 5, "十": 10, "10": 10}.get(five.group("n"))
        if n:
            span = (back - n + 1, back)               # 过去五年工作回顾, 取得伟大成就的五年
    also: tuple[int, int] | None = None
    if one_year:
        span, also = None, span
    if reviews or (years and back in years and ahead not in years):
        if span is not None and ahead is not None and span[1] >= ahead and not reviews:
            return Part("plan", span)
        return Part("review", span, also=also)
    if plans or (years and ahead in years) or (span is not None and ahead is not None and span[1] >= ahead):
        return Part("plan", span)
    if span is not None:
        return Part(current.role or "review", span)
    if _TOP.match(text) and current.role == "review" and current.headed:
        return Part("plan", None)
    return None


@dataclass(frozen=True)
class Cue:
    pos: int                 # offset in the block's text
    end: int
    text: str
    period: Period | None    # what it resolves to (None: a cue that says no dates, such as 以来 alone)
    base: bool               # the base of a comparison (比2002年): not the fact's period
    bare: bool = False       # a part of a year with no year before it in the paragraph (全年, 年末)


def block_cues(text: str, doc_date: str) -> list[Cue]:
    """Every time cue in a paragraph, resolved against the document's date. A year named earlier in
    the paragraph anchors a bare part after it (2005年，…。全年国内生产总值… -> 2005)."""
    cues: list[Cue] = []
    year: int | None = None
    for m in cue_matches(text):
        start = m.start()
        since = text.startswith(("以来", "以后"), m.end())     # 一九八九年四季度以来, 上年三季度以后: up to now
        period = None if since else resolve(m.group(), doc_date, year=year)
        # 从1978年到1982年 is a span, not a base; 由1954年的97个 is the start of a move, like 从1997年的.
        before = text[start - 1:start]
        base = ((compared_at(text, start) and (before != "从" or period is None or period.grain != "multi_year"))
                or text[start - 2:start] in ("相比", "对比") or starts_move(text, start, m.end())
                or is_multiple_base(text, start, m.end()))
        bare = m.lastgroup == "part" and year is None
        if m.lastgroup == "year" and period is not None and not base and period.grain != "multi_year":
            year = int(period.end[:4])
        cues.append(Cue(start, m.end(), m.group(), period, base, bare))
    return cues


def is_base_year(cue: Cue) -> bool:
    """Whether ``cue`` is the base of a comparison that names its year (比2002年增长, 与2000年相比);
    比上年 counts from the fact's own year, so it is none."""
    return (cue.base and cue.period is not None and cue.period.grain == "year"
            and _YEAR_IN.match(cue.text) is not None)


def opening_span(text: str, doc_date: str, current: Part) -> Part | None:
    """The part a review paragraph opens by its first words, in a review whose heading named both the
    year and a span (过去一年和五年工作回顾): 过去五年极不寻常, 五年来，我们… open the span, 过去一年…
    the year again. None when the paragraph opens with neither."""
    if current.role != "review" or current.also is None:
        return None
    m = CUE.match(text)
    if m is None or m.lastgroup != "back":
        return None
    period = resolve(m.group(), doc_date)
    if period is None:
        return None
    span = (int(period.start[:4]), int(period.end[:4])) if period.grain == "multi_year" else None
    if span not in (None, current.also) or span == current.span:
        return None
    return Part("review", span, current.headed, current.also)


def span_period(span: tuple[int, int]) -> Period:
    return years_period(*span)
