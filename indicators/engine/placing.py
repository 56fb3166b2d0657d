"""A fact placed in time and space: its dates, grain, region code, catalogue indicator and modality,
computed in one place from what the engine found (period, region and indicator phrases) and what the
document is (its metadata, the part of a work report, its paragraphs' time cues).

In a work report every fact is dated from the cues of its own text: the nearest time expression before
it in its sentence, else later in its clause, else earlier in its paragraph, else in the paragraph that
introduced its list (今年发展主要预期目标是：), else the part of the report (review: the year before the
report, plan: the report's year). In other documents the period the engine found is resolved, a bare
part of a year (全年, 年末) taking the year of a bulletin's title.

An average over years (年均增长, 平均每年增长) is dated over the years it averages (比2002年, 五年, 过去五年,
“十一五”时期, or the part of the report), never as one year; a growth counted from a named year
(比2002年增长65.5%) covers the years since. A move from one level to another (engine/moves.py:
由1997年的7.4万亿元增加到2002年的10.2万亿元) dates its two figures apart: the start by the time named
with it, else by the comparison's base or the year before the clause's; the end never by the start's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..lang import vocab as V
from ..lang.catalogue import PARTNER_LEAD, Catalogue, Indicator
from ..lang.gazetteer import leading_place
from ..lang.numbers import CN_DIGITS
from ..lang.regions import NATIONAL, enclosing, lookup
from ..lang.scan import finditer_near
from .clauses import clause_end, clause_start, clean, first_clause_end, scan_back, segment_start
from .dates import Period, plan_year, resolve, small_number, year_period, years_period
from .document import DocumentContext
from .layout import Block, Layout
from .metadata import ChunkState, DocumentMeta
from .modality import cues_of, deciding_cue, modality_of, period_has_ended, period_is_ahead, plainly_actual
from .moves import Move, reaches
from .region import SCOPES
from .report import Cue, Part, block_cues, heading_part, is_base_year, is_heading_line, opening_span

# A clause that says only how a figure changed, not what it is (按可比价格计算平均每年增长, 增长).
_CHANGE_ONLY = re.compile(
    r"(?:按可比价格计算|按可比口径计算?|扣除价格因素|按不变价格计算|比上年|比去年|较上年|与上年相比|同比|年均|平均每年"
    rf"|每年平均|实际|名义|{V.alternation((*V.CHANGE_UP, *V.CHANGE_DOWN, *V.RATE_UP))}|分别|达到|为|了|约"
    rf"|(?:{V.SMALL_NUMBER})年"
    rf"|{V.char_class(V.GENERIC_PREFIXES)}(?:省|市|区|县)"
    r"|[，、\s])*")
_LOOK_BACK = 80
_SEGMENT_LEAD = re.compile(rf"[{V.CLAUSE_END}\s]*(?:其中[{V.COMMAS}]?)?")
_FIGURE_START = re.compile(rf"[{V.ARABIC_DIGIT}{CN_DIGITS}]")
_RATE_WORDS = (*V.RATE_UP, *V.RATE_DOWN)       # 涨幅, 增速 …: a rate whose subject may lie a sentence back
# (not an annual mean of a level: PM2.5年均浓度, 年平均气温 are of the year they are said of)
_AVERAGE = re.compile(rf"(?:{V.alternation(V.AVERAGE_WORDS)})(?!{V.alternation(V.ANNUAL_MEAN_OF)})")
_YEARS_BEFORE = re.compile(rf"(?<![{V.ARABIC_DIGIT}])(?P<n>{V.SMALL_NUMBER})年(?=年均|平均|累计|共|增加|间|来|里|中)")
# ... which opens with a lookbehind, so re would try it at every character: it is tried only in the
# three characters before each 年 (its number is at most three characters long).
_YEAR_CHAR = re.compile("年")
_YEARS_BEFORE_REACH = 3
_NAMED_YEAR = re.compile(V.YEAR_DIGITS)
# 比2002年, 从1997年的…, 高于2002年 (a 于 compares only after a comparative: clauses.compared_at)
# Written as one character of the base words and then a look back at it (a 于 only after a comparative),
# so that the pattern opens with a character class and re skips to those characters at C speed.
_BASE_HINT = re.compile(rf"{V.char_class(V.COMPARISON_BASE)}"
                        rf"(?:(?<={V.char_class(V.COMPARISON_BASE.replace('于', ''))})"
                        rf"|(?<={V.char_class(V.COMPARATIVE_BEFORE_YU + V.CAUSE_BEFORE_YU)}于))(?:{V.YEAR_DIGITS})")
_ANNUAL = re.compile(r"比上年|较上年|同比|比去年|与上年相比")
_LIST_INTRO = re.compile(V.char_class(V.COLONS) + r"\s*$")
_LIST_ITEM_END = re.compile(V.char_class(V.SEMICOLONS + V.COLONS) + r"\s*$")
_TARGET_INTRO = re.compile(r"目标|计划|要求|预期|任务|安排")


@dataclass(slots=True)
class _Cues:
    """A paragraph's time cues, looked up per fact by bisection and by the last cue of each sort at or
    before an index, so that no fact scans the whole paragraph (one of thousands of figures stays
    linear)."""

    cues: list[Cue]
    pos: list[int]
    last_dated: list[int]   # per index: the last cue at or before it that dates a fact (no base, no day), or -1
    last_span: list[int]    # the last that names several years (这五年)
    last_base: list[int]    # the last base of a comparison that names a year (比2002年)
    head: int               # the first cue that dates a fact in the paragraph's head sentence, or -1
    head_end: int           # where that sentence ends

    @classmethod
    def of(cls, cues: list[Cue], head_end: int) -> _Cues:
        dated = [not c.base and c.period is not None and c.period.grain != "day" for c in cues]
        span = [not c.base and c.period is not None and c.period.grain == "multi_year" for c in cues]
        head = next((k for k, c in enumerate(cues) if dated[k] and c.pos < head_end), -1)
        return cls(cues, [c.pos for c in cues], _last_true(dated), _last_true(span),
                   _last_true([is_base_year(c) for c in cues]), head, head_end)

    def index(self, pos: int) -> int:
        """The index of the first cue at or after ``pos``."""
        return bisect_left(self.pos, pos)


def _names_year_of(year: Cue, span: Cue) -> bool:
    """Whether ``year`` names one year of the several ``span`` names (2026年 of “十五五”)."""
    y, s = year.period, span.period
    return (y is not None and s is not None and y.grain == "year" and s.grain == "multi_year"
            and s.start <= y.start and y.end <= s.end)


def _last_true(flags: list[bool]) -> list[int]:
    last, out = -1, []
    for k, flag in enumerate(flags):
        if flag:
            last = k
        out.append(last)
    return out


def _before(last: list[int], index: int) -> int:
    """The last flagged index before ``index`` (-1 when none)."""
    return last[index - 1] if index > 0 else -1


@dataclass
class _Paragraph:
    part: Part
    cues: _Cues | None = None
    intro: Cue | None = None         # the time cue of the paragraph that introduced this list
    intro_target: bool = False       # that paragraph named targets (今年发展主要预期目标是：)


_AMONG = "其中"
_RESPECTIVELY = V.RESPECTIVELY
_LAST_DIGIT = re.compile(rf"[{V.ARABIC_DIGIT}](?!.*[{V.ARABIC_DIGIT}])", re.DOTALL)


def _sets_a_goal(before: str) -> bool:
    """Whether the words before a figure in its sentence set a goal (力争, 确保, 目标是, 把…控制在); not a
    bare 控制在, which a review says of what was done (居民消费价格涨幅控制在3.3%)."""
    kinds = {kind for _, kind in cues_of(before)}
    return "target" in kinds or ("planned" in kinds and _TO_KEEP in before)


_TO_KEEP = "把"


def _move_end_level(found: Period | None) -> Period | None:
    """The year of the level a move ends at: over a span of years, its last (过去五年，从9.6万公里
    增加到13.6万公里: 13.6万公里 is the level of the fifth year)."""
    return year_period(int(found.end[:4])) if found is not None and found.grain == "multi_year" else found


def _years_before(text: str) -> int:
    """The number of years the last 五年/十年 before an average or a sum in ``text`` counts, else 0."""
    found = list(finditer_near(_YEARS_BEFORE, _YEAR_CHAR, _YEARS_BEFORE_REACH, text))
    if not found:
        return 0
    n = small_number(found[-1].group("n"))
    return n if n is not None and 2 <= n <= 30 else 0


@dataclass(slots=True)
class _Spot:
    """Where a fact sits: its paragraph (block), its offsets there, its sentence and clause."""

    block: Block
    text: str
    local: int
    local_end: int
    s0: int
    s1: int
    clause0: int
    paragraph: _Paragraph


def _names_only_a_place(segment: str) -> bool:
    """Whether a segment names a place and then its figure (江苏3.48万亿元，…), not what it measures
    (全国新建商品房销售面积77930万平方米，…)."""
    segment = segment[_SEGMENT_LEAD.match(segment).end():]
    place = leading_place(segment)
    return bool(place) and _FIGURE_START.match(segment, len(place)) is not None


_MONTH_ON_MONTH = "环比"
# 两年平均增长5.7% said of 前三季度: a mean over years, but dated as the quarter the year-on-year growth is of
_MEAN_OVER_YEARS = re.compile(rf"(?<![{V.ARABIC_DIGIT}]){V.MEAN_OVER_YEARS}")


# Kinds of document whose title's year is the year of their bare times (三季度末, 年末) and of their 上年.
_DATED_BY_TITLE = frozenset({"statistical_bulletin", "monthly_release", "other"})


class Placer:
    """Places the facts of one chunk; built once per chunk, reads each paragraph once."""

    def __init__(self, layout: Layout, doc: DocumentContext, meta: DocumentMeta, catalogue: Catalogue,
                 state: ChunkState | None = None):
        self.layout, self.doc, self.meta, self.catalogue = layout, doc, meta, catalogue
        self.report = meta.kind == "work_report"
        # Where an ambiguous place lies (鼓楼区: 南京, 福州, 徐州 …): the document's region, else on a news
        # page its paper's (南京日报).
        paper = lookup(doc.paper, "") if not meta.region_code and doc.paper else None
        self.within = meta.region_code or (paper.code if paper is not None else "")
        self._paragraphs: dict[int, _Paragraph] = {}
        self._cues_block: Block | None = None             # the sentence whose modality cues are read:
        self._cues_start = -1                             # its block and start
        self._sentence_cues: list[tuple[int, str]] = []
        self._regions: dict[str, tuple[str, str]] = {}
        self._periods: dict[str, Period | None] = {}
        self._title_year: int | None = None
        self._hints_of: tuple[int, int] = (0, -1)         # the sentence whose first base year is read:
        self._first_hint = -1                             # (its block, its start) and where it is
        if meta.kind in _DATED_BY_TITLE and doc.title_period():     # (an environment bulletin is "other")
            found = resolve(doc.title_period(), meta.date)
            self._title_year = int(found.end[:4]) if found is not None else None
        if self.report:
            self._read_parts(state)

    # ------------------------------------------------------------------------------------- parts

    def _read_parts(self, state: ChunkState | None) -> None:
        # A report opens with its review (一、2024年工作回顾, 过去五年的回顾, or a review with no heading).
        part = state.part if state is not None and state.part is not None else Part("review", headed=False)
        previous: _Paragraph | None = None
        previous_text = ""
        doc_text = self.doc.text
        for block in self.layout.blocks:
            text = block.text.strip()
            first_line = doc_text[block.pieces[0][0]:block.pieces[0][1]].strip()   # a heading merged into a paragraph
            if is_heading_line(first_line, block.kind == "heading"):
                found = heading_part(first_line, self.meta.date, part)
                if found is not None:
                    part = found
            elif (opened := opening_span(text, self.meta.date, part)) is not None:
                part = opened
            paragraph = _Paragraph(part)
            if previous is not None and _LIST_ITEM_END.search(previous_text):
                # 今年发展的主要预期目标是： / 国内生产总值增长8%左右； / 城镇新增就业…: the list's
                # items take the time and the target of the line that introduced them.
                if _LIST_INTRO.search(previous_text):
                    cues = self._cues(previous, previous_text).cues
                    paragraph.intro = next((c for c in reversed(cues) if c.period and not c.base), None)
                    paragraph.intro_target = bool(_TARGET_INTRO.search(previous_text))
                else:
                    paragraph.intro, paragraph.intro_target = previous.intro, previous.intro_target
            self._paragraphs[id(block)] = paragraph
            previous, previous_text = paragraph, text
        if state is not None:
            state.part = part

    def _cues(self, paragraph: _Paragraph, text: str) -> _Cues:
        if paragraph.cues is None:
            paragraph.cues = _Cues.of(block_cues(text, self.meta.date), first_clause_end(text))
        return paragraph.cues

    def _paragraph(self, block: Block) -> _Paragraph:
        paragraph = self._paragraphs.get(id(block))
        if paragraph is None:
            paragraph = self._paragraphs[id(block)] = _Paragraph(Part())
        return paragraph

    # ------------------------------------------------------------------------------------- time

    def _when_in_report(self, spot: _Spot,
                        skip: tuple[int, int] | None = None) -> tuple[Period | None, bool, str, str]:
        """(period, whether the text named it, the role it implies, the words that named it) of a fact
        of a work report; the cues in ``skip`` (the start of a move, for its second figure) do not count."""
        text, local, s0, s1 = spot.text, spot.local, spot.s0, spot.s1
        paragraph = spot.paragraph
        index = self._cues(paragraph, text)
        cues = index.cues
        sk0, sk1 = skip if skip is not None else (-1, -1)
        at, first = index.index(local), index.index(s0)
        in_clause = max(first, index.index(spot.clause0))
        explicit: Cue | None = None
        for k in range(at - 1, in_clause - 1, -1):             # nearest before it in its clause (a day
            cue = cues[k]                                       # too: 年末… governs its own clause)
            if not cue.base and cue.period is not None and not sk0 <= cue.pos < sk1:
                explicit = cue
                break
        if explicit is None:                                    # else before it in its sentence
            k = _before(index.last_dated, in_clause)
            while k >= first and sk0 <= cues[k].pos < sk1:
                k = _before(index.last_dated, k)
            explicit = cues[k] if k >= first else None
        if explicit is None:
            stop = clause_end(text, local, s1)
            explicit = next((cues[k] for k in range(at, index.index(stop))
                             if not cues[k].base and cues[k].period), None)
        if explicit is None:                                    # else earlier in the paragraph, the nearest
            k = _before(index.last_dated, first)
            if 0 <= index.head < k and cues[k].pos < index.head_end and _names_year_of(cues[index.head], cues[k]):
                k = index.head        # 2026年是“十五五”开局之年。…增长6%左右: the head's year, not the span
            explicit = cues[k] if k >= 0 else None
            if (explicit is not None and paragraph.part.role == "plan" and self._role_of(explicit.period) == "review"
                    and _sets_a_goal(text[s0:local])):
                explicit = None       # …去年价格上涨的翘尾影响约有1个百分点。把居民消费价格涨幅控制在3.5%左右: a
                                      # goal set in the plan, of the plan's year, not the year the sentence before named
        if explicit is None and paragraph.intro is not None:
            explicit = paragraph.intro
        part = paragraph.part
        if explicit is not None:
            found = explicit.period
            if explicit.bare:                                   # 全年, 年末: the year of the part
                found = resolve(explicit.text, self.meta.date, role=part.role or "review")
            return found, True, self._role_of(found) or part.role, explicit.text
        if part.span is not None:
            return years_period(*part.span), False, part.role, ""
        if part.role:
            return resolve("", self.meta.date, role=part.role), False, part.role, ""
        return None, False, "", ""

    def _move_start(self, spot: _Spot, move: Move) -> tuple[Period | None, bool, str]:
        """(period, named, role) of a move's first figure in a report: the time named with it (从1997年的),
        read as the paragraph's cues read it (一九五七年, 上年 after 去年)."""
        index = self._cues(spot.paragraph, spot.text)
        k = index.index(move.start + 1)
        cue = index.cues[k] if k < len(index.pos) and index.pos[k] == move.start + 1 else None
        role = spot.paragraph.part.role
        if move.when == "上年":        # 过去一年，粮食产量由上年的12358亿斤…: the year before the clause's
            found, _, role, _ = self._when_in_report(spot, (move.start, move.first_end))
            if found is not None and found.grain == "year":
                found = year_period(int(found.start[:4]) - 1)
                return found, True, self._role_of(found) or role
        if cue is not None and cue.period is not None and not cue.bare:
            found = cue.period
        else:                                                   # 由年初的400多万人: the year of the part
            found = resolve(move.when, self.meta.date, role=role or "review")
        return found, True, self._role_of(found) or role

    def _move_start_level(self, spot: _Spot, found: Period | None, named: str) -> Period | None:
        """The year of the level a move starts from when no time is named with it: the base of the
        sentence's comparison (1986年同1978年相比，…由3480亿元增加到…: 1978), the first year of a span
        named by its years (从1978年到1982年), else the year before the clause's year or span (2024年，
        由120万吨…: 2023; 过去五年，从9.6万公里…: the year before the five). ``named``: the words that
        named the clause's time."""
        if found is None or found.grain not in ("year", "multi_year"):
            return found
        base = self._base_year(spot) if self._base_named_before(spot) else None
        if base is not None:
            return year_period(base)
        if found.grain == "multi_year" and _NAMED_YEAR.search(named):
            return year_period(int(found.start[:4]))
        return year_period(int(found.start[:4]) - 1)

    def _base_named_before(self, spot: _Spot) -> bool:
        """Whether the fact's sentence names a base year before it (比2002年, 从1997年的…): the cheap
        test before its paragraph's cues are read, found once per sentence (facts come in order)."""
        key = (id(spot.block), spot.s0)
        if key != self._hints_of:
            self._hints_of = key
            found = _BASE_HINT.search(spot.text, spot.s0, spot.s1)
            self._first_hint = found.start() if found is not None else -1
        return 0 <= self._first_hint < spot.local

    def _base_year(self, spot: _Spot) -> int | None:
        """The year a comparison in the fact's sentence before it counts from (比2002年增长), if any."""
        index = self._cues(spot.paragraph, spot.text)
        k = _before(index.last_base, index.index(spot.local))
        return int(index.cues[k].period.start[:4]) if k >= index.index(spot.s0) else None

    def _resolved(self, period: str) -> Period | None:
        if not period:
            return None
        found = self._periods.get(period, False)        # a document names few periods, each many times
        if found is False:
            found = self._periods[period] = resolve(period, self.meta.date, year=self._title_year,
                                                          reported_year=self._title_year)
        return found

    def _role_of(self, period: Period | None) -> str:
        """review for a period that ended before the report's plan year, plan for one from it on."""
        ahead = plan_year(self.meta.date)
        if period is None or ahead is None:
            return ""
        return "plan" if int(period.end[:4]) >= ahead else "review"

    def _over_years(self, spot: _Spot, found: Period | None) -> Period | None:
        """An average (年均增长) or a growth since a named year, dated over the years it covers (called
        for a fact of a report or one the text dates)."""
        text, local, s0 = spot.text, spot.local, spot.s0
        clause = text[spot.clause0:local]
        if not clause.strip(V.LIST_COMMA + " "):      # a list's later member (年均分别增长6.9%、8.1%): its clause
            clause = text[scan_back(text, local, s0, V.CLAUSE_END):local]
        part = spot.paragraph.part
        end = int(found.end[:4]) if found is not None else None
        average = _AVERAGE.search(clause)
        base = (self._base_year(spot)
                if average or (found is not None and self._base_named_before(spot)) else None)
        if not average:
            if base is not None and end is not None and found.grain == "year" and base < end - 1:
                return years_period(base + 1, end)              # 比2002年增长65.5%
            years = _years_before(clause)
            if years and end is not None and (found.grain == "year" or (found.grain == "multi_year"
                                                                         and part.role == "review")):
                return years_period(end - years + 1, end)       # 十年增加近70万亿元 (in a review of five)
            if (found is not None and found.grain == "multi_year" and _ANNUAL.search(clause)
                    and part.role == "review"):
                return resolve(str(end) + "年")                 # 比上年增长, said in a five-year review
            return found
        if found is not None and found.grain == "multi_year":
            years = _years_before(text[scan_back(text, local, s0, V.CLAUSE_END):local])
            if years and int(found.start[:4]) != end - years + 1:
                return years_period(end - years + 1, end)       # 十年增加…、年均增长6.2%, in a review of five
            return found
        years = _years_before(text[s0:local])
        if base is not None and end is not None and base < end:
            return years_period(base + 1, end)
        if years and end is not None:
            return years_period(end - years + 1, end)           # 五年年均增长, 十年…年均增长
        index = self._cues(spot.paragraph, text)
        k = _before(index.last_span, index.index(local))
        multi = index.cues[k].period if k >= 0 else None
        if multi is not None and (end is None or int(multi.end[:4]) == end):
            return multi                                        # 这五年，…年均增长
        if part.span is not None and (end is None or part.span[1] == end):
            return years_period(*part.span)
        return None

    def _ahead(self, found: Period) -> bool:
        """Whether a period lies ahead of the report: it ends more than three months after the
        report's date, or (when only the report's year is known) it is the planned year or later."""
        if "-" in self.meta.date:
            return period_has_ended(found.end, self.meta.date) is False
        ahead = plan_year(self.meta.date)
        return ahead is not None and int(found.start[:4]) >= ahead and found.grain in ("year", "multi_year")

    def _modality(self, spot: _Spot, role: str, qualifier: str, found: Period | None) -> str:
        s0, local = spot.s0, spot.local
        if spot.block is not self._cues_block or s0 != self._cues_start:     # facts come sentence by sentence
            self._cues_block, self._cues_start = spot.block, s0
            self._sentence_cues = cues_of(spot.text[s0:spot.s1])
        text = spot.text
        cues = self._sentence_cues           # most sentences of a bulletin have none: no cue decides
        listed_target = spot.paragraph.intro_target and self.report
        after = text[spot.local_end:spot.local_end + 12]
        if not cues and plainly_actual(after, role, listed_target):
            return "actual"
        return modality_of(
            text[s0 if local - 2 < s0 else local - 2:local], after, role=role,
            listed_target=listed_target, qualifier=qualifier,
            period_end=found.end if found is not None else "", doc_date=self.meta.date,
            cue=deciding_cue(cues, local - s0, text, s0) if cues else None)

    def _indicator(self, spot: _Spot, kind: str, unit: str, phrase: str) -> Indicator | None:
        """The catalogue's indicator for the engine's phrase; else for the whole clause before the
        figure; else, for a growth whose clause says only how it changed (按可比价格计算平均每年增长),
        for the figure named earlier in the sentence (国内生产总值达到74.4万亿元，增长6.7%)."""
        text, clause0 = spot.text, spot.clause0
        clause = text[clause0:spot.local]
        if kind == "growth" and (_MONTH_ON_MONTH in clause or _MONTH_ON_MONTH in phrase):
            return None       # 环比下降0.3%: a change on the month before, not the catalogue's (year-on-year) growth
        entry = self.catalogue.match(phrase, kind, unit)
        if entry is not None:
            return entry
        if PARTNER_LEAD.match(phrase):
            return None       # 对东盟进出口 (its clause only 分别进出口): with one partner, not the total
        respectively = text.rfind(_RESPECTIVELY, spot.s0, spot.local)
        member = (text.rfind(phrase, max(spot.s0, respectively - _LOOK_BACK), respectively)
                  if respectively > 0 and phrase and _RESPECTIVELY not in phrase else -1)
        if member >= 0:       # 工业增加值、投资分别下降3.4%、2.1%: 投资 is a member of its own, not the clause's
            # first; 张家港、晋江…地区生产总值分别为…, 京唐港区、…分别完成货物吞吐量…: members share what follows them
            return self.catalogue.match(clean(text[member:spot.local]), kind, unit)
        entry = self.catalogue.match(clean(clause), kind, unit)     # (出口“新三样”产品: 产品 follows 出口 closely)
        if entry is None and kind == "growth" and _CHANGE_ONLY.fullmatch(clause):
            # within its segment (优良天数比例为85.5%；细颗粒物浓度…，同比下降8.8% is not of the former),
            # unless the segment opens with a place (…零售总额…；江苏3.48万亿元，增长5.0%: the same measure)
            window0 = max(spot.s0, clause0 - _LOOK_BACK)
            segment0 = segment_start(text, clause0, spot.s0)
            figure = _LAST_DIGIT.search(text, max(segment0, window0), clause0)
            part0 = clause_start(text, figure.start(), segment0) if figure is not None else -1
            if part0 >= 0 and text.startswith(_AMONG, part0):
                # 新登记市场主体1.86万户，同比增长12.3%，其中新登记企业5236户，增长16.8%: the change of a part
                # (其中…) names only what the part's clause names
                entry = self.catalogue.match(clean(text[part0:clause0]), kind, unit)
            else:
                entry = self.catalogue.match(clean(text[max(segment0, window0):clause0]), kind, unit)
            if entry is None and segment0 > window0 and _names_only_a_place(text[segment0:clause0]):
                entry = self.catalogue.match(clean(text[window0:clause0]), kind, unit)
        rate = next((w for w in _RATE_WORDS if clause.startswith(w)), "") if kind == "growth" else ""
        if entry is None and rate:
            # 要把商品零售物价上涨幅度控制在10%以内。虽然…，涨幅仍然高达21.7%: the rate of the thing whose rate
            # (涨幅 in 上涨幅度) was named before
            window = text[max(0, spot.s0 - _LOOK_BACK):clause0]
            named = window.rfind(rate)
            if named >= 0:
                entry = self.catalogue.match(window[:named + len(rate)], kind, unit)
        return entry

    # ------------------------------------------------------------------------------------- space

    def _region(self, region: str) -> tuple[str, str]:
        """(official name, code) of the place the engine named; the document's region by default."""
        if not region or region in SCOPES:
            if region in SCOPES:
                return NATIONAL.name, NATIONAL.code
            return self.meta.region_name, self.meta.region_code
        level = V.LEVEL_OF_SUFFIX.get(region[-1:], "")
        generic = region[0] in V.GENERIC_PREFIXES and level in ("省", "市", "县") and len(region) == 2
        if generic:                          # 全省, 本市: the document's region, or the one it lies in (not 全镇)
            home = self.meta.region_name or self.doc.paper     # a news page's: its paper's
            found = lookup(home, self.within) if home else None
            if found is not None and found.name.endswith(region[-1]):
                return found.name, found.code   # 全市 of 临江市, a county-level city: itself
            if found is not None and level in ("省", "市"):
                found = enclosing(found, level) if found.level != level else found
            if found is not None and found.level == level:
                return found.name, found.code
            if self.meta.region_name and not self.meta.region_code:
                return self.meta.region_name, ""              # a place the gazetteer lacks (禾丰县)
            return region, ""
        if region == self.meta.region_name:
            return self.meta.region_name, self.meta.region_code
        found = lookup(region, self.within)
        if found is not None:
            return found.name, found.code
        return region, ""

    # ------------------------------------------------------------------------------------- one fact

    def place(self, block: Block, local: int, local_end: int, sentence: tuple[int, int], clause0: int, *,
              kind: str, unit: str, qualifier: str, indicator: str, period: str, region: str,
              move: Move | None = None, move_end: bool = False) -> tuple[str, ...]:
        """Fact's fields from period_start on, for the fact at ``local:local_end`` of ``block``, whose
        clause starts at ``clause0`` (``clauses.clause_start`` from the sentence's start). ``move`` is
        the move the fact begins, or (``move_end``) ends."""
        s0, s1 = sentence
        spot = _Spot(block, block.text, local, local_end, s0, s1, clause0, self._paragraph(block))
        named_by = period                  # the words that named the fact's time
        if self.report and move is not None and not move_end and move.when:
            found, named, role = self._move_start(spot, move)
        elif self.report:
            found, named, role, named_by = self._when_in_report(spot, (move.start, move.first_end) if move_end else None)
        else:
            found, named, role = self._resolved(period), bool(period), ""
        if move is not None and not move_end and not move.when:
            found = self._move_start_level(spot, found, named_by)
        elif move is not None or (found is not None and found.grain == "multi_year" and reaches(block.text, local)
                                  and not _AVERAGE.search(block.text, clause0, local)):
            found = _move_end_level(found)      # 过去五年，…增加到121万亿元: the level of the fifth year
        elif found is not None or self.report:
            found = self._over_years(spot, found)
        modality = self._modality(spot, role, qualifier, found)
        if (move is not None and not move_end and modality == "target" and found is not None and self.meta.date
                and period_has_ended(found.end, self.meta.date)):
            modality = "actual"    # 计划将招生人数由1982年的31.5万人增加到…: where a plan starts is an outcome
        if self.report and found is not None and modality == "actual" and self._ahead(found):
            modality = "target"    # a report cannot give the outcome of a year still to come
        elif not self.report and found is not None and modality == "actual" and period_is_ahead(found.start,
                                                                                               self.meta.date):
            # Nor a page: 到2027年，…比重达到12% in a 2025 text is a goal; what 将 says of a period to come
            # (6月19日至21日将出现强降雨，累计雨量50～80毫米) an expectation.
            modality = "forecast" if any(kind == "future" for _, kind in self._sentence_cues) else "target"
        if self.report and not named and found is not None and (
                (role == "plan" and modality != "target") or (role == "review" and modality == "forecast")):
            found = None           # an outcome in the plan part with no time of its own: not dated
        if region not in self._regions:
            self._regions[region] = self._region(region)
        name, code = self._regions[region]
        entry = self._indicator(spot, kind, unit, indicator)
        if (entry is not None and kind == "growth" and (found is None or found.grain != "multi_year")
                and _MEAN_OVER_YEARS.search(indicator)):
            entry = None          # not the year-on-year growth of the period it is dated by
        # Fact's fields from period_start on, in order (schema.FIELDS).
        return (found.start if found is not None else "", found.end if found is not None else "",
                found.grain if found is not None else "", name, code,
                entry.id if entry is not None else "", entry.name if entry is not None else "", modality)
