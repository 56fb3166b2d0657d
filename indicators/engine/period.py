"""The period of a fact: the time expression that governs it, read from its clause, its sentence,
the head of its paragraph or the document's title."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from ..lang import vocab as V
from ..lang.scan import finditer_near
from .clauses import ONLY_A_BREAK, clause_end, clause_start, respectively_clause, scan_back, segment_start

if TYPE_CHECKING:
    from .document import BlockContext, DocumentContext
    from .layout import Block

_MONTH_NUM = rf"(?:{V.SMALL_NUMBER})"
_YEAR = rf"(?:{V.YEAR_DIGITS})年度?|今年|明年|本年度?|当年|同年"
_QUARTER = rf"(?:前|第)?[一二三四1-4１-４]季度(?:末|底)?|(?<!提)前[两二三]个季度|上半年|下半年|(?<!提)前(?:{V.SMALL_NUMBER})个?月份?|全年|全月|[春秋]季学期"
# 4月至8月, 9月中旬至10月下旬, 1月初—3月底: months named in full at both ends of a range (one period, not two)
_MONTH_PART = r"(?:上旬|中旬|下旬|初|底|末)"
_MONTH_RANGE = (rf"{_MONTH_NUM}月份?{_MONTH_PART}?\s*(?:{V.char_class(V.RANGE_DASHES)}{{1,2}}|{V.alternation(V.RANGE_WORDS)})"
                rf"\s*{_MONTH_NUM}月份?{_MONTH_PART}?")
_MONTH = (
    rf"{_MONTH_RANGE}|{_MONTH_NUM}(?:\s*(?:{V.char_class(V.RANGE_DASHES)}{{1,2}}|{V.alternation(V.RANGE_WORDS)})\s*{_MONTH_NUM})?月份?"
    rf"(?:{_MONTH_NUM}日(?:(?:{V.char_class(V.RANGE_DASHES)}{{1,2}}|{V.alternation(V.RANGE_WORDS)})"   # 6月19日至21日
    rf"(?:{_MONTH_NUM}月)?{_MONTH_NUM}日)?)?(?:以来|底|末|上旬|中旬|下旬|起|当月)?"
)
_IN_LINE_CLAUSE = V.char_class(V.CLAUSE_END + "\n", negate=True)
# What a name of days (展会期间) may follow inside a clause: a link word, a date, a session's number (第135届广交会期间,
# 第34次全国助残日期间: the name after it), a count of such stretches (三个长假期间), a list (…交易会等重大活动期间).
_DURING_AFTER = "在于是等年度月日届次个"
# (not a holiday's or a season's name, matched whole by its own pattern: 双流两场春运期间 is 春运期间)
_DURING_NAME_CHAR = r"(?:(?![在于是为将对从至到和与及的个]|春运|迎峰)[\u4e00-\u9fff])"
_SPECIAL = (
    rf"(?:{V.alternation(V.SPAN_BACK_WORDS + V.SPAN_AHEAD_WORDS)})(?:{V.SMALL_NUMBER})(?:年|天|个月|周)(?:来|间|内)?"
    rf"|(?:{V.SMALL_NUMBER})年来|这(?:{V.SMALL_NUMBER})年(?:来|间|里)?|今明两年"
    # a work report's review opening with the year or years it looks back on (过去的一年，…; 过去的五年)
    rf"|(?:过去|未来)的(?:{V.SMALL_NUMBER})(?:年|个月)"
    # recent years opening a clause (近年来，…; not 近年来首次, 为多年来最低: how rare, not when), and a year a
    # number of years back (由3年前的不足20%提高到31.6%)
    rf"|(?:近年|近(?:几|些)年)来?(?=[，,])|(?:{V.SMALL_NUMBER})年前"
    r"|(?:近|这)?半(?:年|个月)(?:来|以来)"      # 近半年来, 半个月以来
    # since a launch: 平台上线以来, 政策实施以来, 开通以来
    r"|(?:上线|开通|投用|投运|实施|启动|建成|开业|开园|运营)以来"
    # ... and since a season of farm work or weather began (秋收以来, 入汛以来, 入冬以来, 供暖以来, 入梅以来, 开秤以来)
    r"|(?:秋收|夏收|麦收|三夏|秋播|春播|春耕|入汛|入梅|出梅|入冬|入夏|入春|入秋|开学|供暖|开工|开秤|开镰|开渔|开海)以来"
    # (not a holiday as a cause: 1月份受春节错月影响, 因春节假期因素)
    r"|(?<![受因])[“\"]?(?:元旦|春节|清明|五一|端午|中秋|国庆|十一)(?:[、和与]?(?:中秋|国庆))?[”\"]?(?:[0-9一二三四五六七八九]天)?"
    rf"(?:{V.alternation(V.HOLIDAY_STRETCHES)}|期间)+(?!错月|因素)"
    r"|(?<![受因])(?:元旦|春节|清明节|端午节|中秋节|国庆节)(?:前后|前|后)?(?!错月|因素)"      # (春节前他一天要卖五六头)
    r"|(?<!寒)暑(?:期|假)|寒假(?!暑)"      # (暑期全市共接待游客近3900万人次; not 寒暑期托管)
    # the Spring Festival's travel season (春运40天，全省公路累计发送旅客…; not 保障春运、暑运、国庆等重要时段航班: named)
    r"|春运(?:期间)?(?![、和及与等])"
    # a power grid's summer and winter peaks; this winter (今冬全市集中供热面积…)
    r"|迎峰度[夏冬]期间|迎峰度[夏冬]|今冬明春|今冬(?=[^\u4e00-\u9fff]|全|我|本)"
    # a season, and the flood season, opening a clause, as a climate bulletin's or a farm report's times
    # (冬季全省平均气温8.2℃; with a year, 2024年汛期, below; not
    # 冬季运动会, 秋季学期, 春季攻势: names; 北方地区冬季清洁取暖: what is done in winter, inside a clause)
    r"|(?:(?<![^\s，,；;。（(：:、])|(?<=其中))(?:[春夏秋冬]季(?!运动|奥运|学期|攻势|行动|招聘|达沃斯|攻坚|大会|论坛|广交会|糖酒会|新品|过后|后|结束)"
    r"|主?汛期(?!前|过后|后|结束))"
    r"|[“\"][0-9·\u4e00-\u9fff]{2,5}[”\"]期间"      # a season of work named in quotes (“三秋”期间, “99公益日”期间, “3·15”期间)
    # shopping festivals, as times (“双十一”期间, “618”当天; not 聚焦“双十一”“双十二”等消费节点, which names them)
    r"|[“\"](?:双11|双十一|双12|双十二|618)[”\"](?:期间|当天|当日)|(?:双11|双十一|双12|双十二)期间"
    r"|截至目前|报告期内|报告期末|[\u4e00-\u9fff]{1,2}节期间"
    # a stretch of days named by what happens then (展会期间, 夏粮收购期间, 疫情防控期间), the whole name: not a
    # truncated one (览会期间 of 国际工业博览会期间, too long to be a time's name; 届广交会期间) nor a clause (全市在活动期间)
    rf"|(?:(?<![\u4e00-\u9fff0-9])|(?<=[{_DURING_AFTER}])){_DURING_NAME_CHAR}{{2,6}}?期间"
    # (a bare 假期 opens its clause or follows 在/整个/its length: 假期，全市…, 5天假期全省…; not 做好假期运输服务保障, what the holiday needs)
    # (not 赶上周末, 碰上月底, 再加上周边: a verb's 上)
    r"|(?:(?<![\u4e00-\u9fff])|(?<=[在于个天]))假期|(?<![赶碰遇加追爬登迎])(?:上个?月|上一?季度|上周)|本月|(?<!季度)当月|当季"
    r"|本季度|下一?季度|本周|昨日|昨天|前日"
    # (a festival's days, as 年货节期间, 购物节期间, are a time as a holiday's are)
    # a forecast's days (今天夜间到明天白天, 明天白天), and today
    r"|(?:今天|明天|后天|今日|明日)(?:夜间|白天|上午|下午|晚上)?(?:[到至](?:今天|明天|后天|今日|明日)(?:夜间|白天|上午|下午|晚上)?)?"
    rf"|年初以来|今年以来|年初至今|年底前|年底|年末|年初|年内|截至{_IN_LINE_CLAUSE}{{1,14}}?(?:底|末|日)"
    r"|[“\"]?十[一二三四五六七八九]五[”\"]?(?:期间|时期|以来|末)"
)
# 上年/去年 alone is the base of a comparison (比上年增长), a period only with a month or quarter.
# 一九七八年到一九八二年, 2021—2025年, 从2016年到2020年: a span of years is one period, not two years.
_YEARS_SPAN = (rf"(?:{V.YEAR_DIGITS})年?\s*(?:{V.char_class(V.RANGE_DASHES)}{{1,2}}|{V.alternation(V.RANGE_WORDS)})\s*"
               rf"(?:{V.YEAR_DIGITS})年(?!{_MONTH_NUM}月|[一二三四1-4]季度|上半年|下半年)")
_SPAN_OF_YEARS = re.compile(_YEARS_SPAN)


def is_years_span(expr: str) -> bool:
    """一九七八年到一九八二年: after 从 a span, not the base of a comparison."""
    return _SPAN_OF_YEARS.fullmatch(expr) is not None


PERIOD = re.compile(
    rf"{_YEARS_SPAN}(?:期间|间)?|(?:{_YEAR})(?:{_QUARTER}|{_MONTH}|以来|底|末|初|[春夏秋冬]季|主?汛期)?|(?:去年|上年)(?:{_QUARTER}|{_MONTH}|同期|同月|年初|年底|年末|末|底|初)?"
    rf"|{_SPECIAL}|{_QUARTER}|{_MONTH}"
)

# Every PERIOD match holds one of these at most _PERIOD_REACH characters after its start: 年 月 季 天 日 周
# (2024年, 1-7月, 前三季度, 过去五天, 今日, 上周), a holiday's 假 期 旦 节 周 庆 (“国庆”小长假; 庆: “国庆国庆小长假”
# puts its 假 seven characters in), 前 截 五 昨 (目前,
# 截至, 十四五, 昨日), 来 (以来), 春 夏 冬 秋 (春运, 迎峰度夏, “中秋国庆黄金周”),
# or the space, dash or 至 right after the first month of a range (10 － 12月, where 月 may lie further):
# PERIOD is tried only before them. A space, dash or 至/到 after anything but a numeral (达到) is none.
_RANGE_MARKS = re.escape(V.RANGE_DASHES + "".join(V.RANGE_WORDS))
_PERIOD_ANCHOR = re.compile(rf"[年月季天日周假期旦节前截五昨来春夏冬秋庆\s{_RANGE_MARKS}]"
                            rf"(?<![^{V.ARABIC_DIGIT}{V.SMALL_NUMBER_CN}][\s{_RANGE_MARKS}])")
_PERIOD_REACH = 6
# Every PERIOD match starts with one of these characters (a numeral; the first character of a word
# above: 今年, 过去, “国庆”, 目前, 截至, 上半年, 全年, 假期, 这五年, 上线以来 …), or with the first of two characters
# before 期间.
_PERIOD_FIRST = re.compile(
    rf"[{V.ARABIC_DIGIT}{V.SMALL_NUMBER_CN}{''.join(w[0] for w in V.SPAN_BACK_WORDS + V.SPAN_AHEAD_WORDS)}"
    r"今明后本当同去上“\"元春夏秋冬汛主清端中国目截报昨前年第下全假这开投实启建运暑寒迎双麦入出供半]|[\u4e00-\u9fff](?=[\u4e00-\u9fff]{1,5}期间)")
_PERIOD_FIRST_LOOKAHEAD = 7         # (夏粮收购期间: a character, up to five more, then 期间)


def period_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``PERIOD.finditer(text)``, several times faster (scan.finditer_near)."""
    return finditer_near(PERIOD, _PERIOD_ANCHOR, _PERIOD_REACH, text, _PERIOD_FIRST, _PERIOD_FIRST_LOOKAHEAD)


# 分市看，合肥市生产总值…: a paragraph that breaks the one before it down, by place or by sector.
_BREAKDOWN = re.compile(V.BREAKDOWN_OPENER)


def _of_headline(doc: DocumentContext, block: Block) -> str:
    """The time a news article's headline names (前10个月我国外贸进出口同比增长5.2%): what its paragraphs that
    name none are of; not a day (the headline's event), nor a report's part (一、2023年工作回顾: a work
    report's review names its times itself)."""
    if not block.section or block.kind != "body" or not doc.layout.news_items or not doc.dated_by_title:
        return ""
    return _section_period(block.section)


@lru_cache(maxsize=256)
def _section_period(section: str) -> str:
    """The time a heading names, not a day (asked for each figure whose paragraph names none: read once a heading)."""
    m = PERIOD.search(section)
    return m.group() if m and not is_day(m.group()) else ""


# A numbered part of a report (三、2025年预算草案, （二）2025年工作安排, as layout numbers headings; 第三部分), not a
# story's headline (【…】)
_PART_HEADING = re.compile(rf"\s*(?:{V.NUMBERED_HEADING}|第[一二三四五六七八九十]{{1,3}}部分)")


def _of_part(doc: DocumentContext, block: Block) -> str:
    """The time the heading of a report's numbered part names (三、2025年预算草案 in a report on 2024年预算执行情况和
    2025年预算草案): what its paragraphs that name none are of, before the title's; not a day, nor a story's headline
    (_of_headline)."""
    if (not block.section or block.kind != "body" or doc.layout.news_items or not doc.dated_by_title
            or not _PART_HEADING.match(block.section)):
        return ""
    return _section_period(block.section)


def _broken_down(doc: DocumentContext, block: Block, timeless: bool = False) -> str:
    """The period of the paragraph before, for a paragraph opening with a breakdown of it (分市看，…; and
    for a ``timeless`` one, naming not even a day, 其中，…); else ''."""
    opens = _BREAKDOWN.match(block.text) or (timeless and (OF_WHICH_OPENS.match(block.text)
                                                           or doc.follows_of_which(block)))
    return doc.period_before(block) if opens else ""


# 目前 (now) dates a figure only where no time governs it (目前，已有近30家企业落户 in a paragraph naming none; not
# 今年…。目前，全市已投入收割机3200余台, which is 今年's): labellers read it either way, the sample as none. Not
# 项目前期, nor 目前的情况 (a state of things).
_NOW = re.compile(r"(?<!项)目前(?![的期])")


def period_for(doc: DocumentContext, ctx: BlockContext, block: Block, local: int,
               sentence: tuple[int, int], clause0: int, skip: tuple[int, int] | None = None) -> str:
    """The period of a fact (_period_for), a bare part of a year (全年, 年底) named with the year named last
    before it in its sentence, else the one its paragraph opens with, else its document's title's
    (2024年，全省…。全年完成投资1386亿元 -> 2024年全年); where none, a 目前 before it in its sentence."""
    found = _period_for(doc, ctx, block, local, sentence, clause0, skip)
    if not found:
        now = _NOW.search(block.text, sentence[0], local)
        return now.group() if now is not None else ""
    if found in _YEAR_TO_DATE:
        return found + _to_date_of(ctx, block.text, found, local, sentence[0])
    if found not in _YEAR_PARTS:
        return found
    # (the year its own sentence names last before it: …召开的2025年全市税务工作会议上获悉，2024年，…全年新增… -> 2024年全年)
    periods, positions = ctx.periods, ctx._period_pos
    k = bisect_right(positions, local - 1) - 1
    while k >= 0 and positions[k] >= sentence[0] and not _BARE_YEAR.fullmatch(periods[k][1]):
        k -= 1
    head = k if k >= 0 and positions[k] >= sentence[0] else ctx.first_period
    year = periods[head][1] if head is not None and periods[head][0] < local else ""
    if not _BARE_YEAR.fullmatch(year):
        year = _part_year(block) or doc.title_period()    # (a paragraph opening with 全年 itself: its part's or the title's year)
        if _YEAR_OF_ACCOUNTS.fullmatch(year):
            year = year[:-1]          # (…2023年度发展报告: the year of accounts is the year 全年 is of -> 2023年全年)
    return in_year(year, found) if _BARE_YEAR.fullmatch(year) else found


def _title_time(doc: DocumentContext) -> str:
    """The time of a figure that nothing in its text dates: its document's title's, and where that is a year alone
    (…2024年国民经济和社会发展统计公报, 2023年度工作总结), the whole of it (2024年全年), as its own paragraphs say 全年."""
    title = doc.title_period()
    if _A_YEAR.fullmatch(title) or _YEAR_OF_ACCOUNTS.fullmatch(title):
        return in_year(title.removesuffix(_OF_ACCOUNTS), _WHOLE_YEAR)
    return title


def is_bare_year(period: str) -> bool:
    """2024年, 今年: a year alone, which a part of it (上半年, 国庆假期) may follow to make one time."""
    return _BARE_YEAR.fullmatch(period) is not None


def in_year(year: str, part: str) -> str:
    """A part of a year named with the year: 2023年 and 年末 make 2023年末 as a bulletin writes it (not 2023年年末);
    今年 and 年底 make 今年年底, 2024年 and 全年 2024年全年."""
    if part[:1] == _YEAR_CHAR and _A_YEAR.fullmatch(year):
        return year + part[1:]
    return year + part


def _part_year(block: Block) -> str:
    """The year the heading of a report's numbered part names (一、2023年主要工作成效), or '': what a bare 全年 in
    its paragraphs is a part of, in a work report too (where the part's year dates nothing else)."""
    if not block.section or not _PART_HEADING.match(block.section):
        return ""
    found = _section_period(block.section)
    return found if _BARE_YEAR.fullmatch(found) else ""


def _to_date_of(ctx: BlockContext, text: str, found: str, local: int, s0: int) -> str:
    """The 截至 day a clause of its own names right before the clause whose 今年 governs a figure, else ''
    (截至8月底，全县今年累计发放…1.12亿元: 今年截至8月底, as 今年截至8月底，… reads)."""
    positions, periods = ctx._period_pos, ctx.periods
    k = bisect_right(positions, local - 1) - 1
    while k >= 0 and positions[k] >= s0 and periods[k][1] != found:
        k -= 1
    if k < 1 or positions[k - 1] < s0:
        return ""
    pos, until = periods[k - 1]
    gap = ONLY_A_BREAK.match(text, pos + len(until))
    if _UNTIL_DAY.fullmatch(until) and gap is not None and clause_start(text, positions[k], s0) == gap.end():
        return until
    return ""


def _period_for(doc: DocumentContext, ctx: BlockContext, block: Block, local: int,
                sentence: tuple[int, int], clause0: int, skip: tuple[int, int] | None = None) -> str:
    """The time expression that governs a fact (GUIDELINES: in its own clause or sentence, else at
    the head of its paragraph), in this order: the nearest one before it in its clause; one before it
    in its sentence (after its last semicolon, if any): the nearest for a clause with no subject of its
    own (…，完成年度计划的45.9%), else the one that governs the sentence's first clause; one later in its
    own clause; the one at the head of its paragraph; for a paragraph breaking the one before it down
    (分市看，…), that paragraph's; in a report or bulletin (not a news page), the period of the
    document's title; else the nearest before it in its paragraph (another sentence's time governs
    only where nothing above does). A calendar day (4月17日, usually the date of a release or an event)
    counts only in the figure's own clause, or its sentence's when the sentence names no other time
    (8月5日，南城县日最高气温达41.8℃), or when nothing else does. A bare 全年/年底 is prefixed by the year
    named last before it in its sentence (明年…全年 -> 明年全年, 今年…截至5月底 -> 今年截至5月底).
    ``clause0`` is where the fact's clause starts (``clauses.clause_start`` from the sentence's start);
    the periods in ``skip`` (the start of a move, for its second figure) do not count."""
    text = block.text
    s0, s1 = sentence
    positions, periods, head = ctx._period_pos, ctx.periods, ctx.first_period
    if not positions:
        return (_broken_down(doc, block, timeless=True) or _of_part(doc, block) or _title_time(doc)
                or _of_headline(doc, block) or doc.turn_period_before(block))
    lo = bisect_right(positions, s0 - 1)
    mid = bisect_right(positions, local - 1)
    if mid > lo and positions[mid - 1] >= clause0 and skip is None and is_day(periods[mid - 1][1]):
        return periods[mid - 1][1]  # 10月3日单日接待量突破4.2万人次: a day in the figure's own clause is its day
    silent = (_kept_by_their_part(text, positions, lo, mid, local, s0, s1)
              if mid > lo and _PART_DATERS.search(text, s0, local) is not None else ())   # (cheap test first)
    if mid - lo == 1 and skip is None and not is_day(periods[lo][1]) and not silent:
        return periods[lo][1]       # the only one before it in its sentence speaks (as below, without lists)
    sk0, sk1 = skip if skip is not None else (-1, -1)     # read in place: no copy per fact
    in_sentence_before = [p for p in periods[max(lo, mid - 16):mid] if not is_day(p[1]) and not sk0 <= p[0] < sk1
                          and p[0] not in silent]
    if in_sentence_before and in_sentence_before[-1][0] >= clause0:
        found = in_sentence_before[-1][1]
        if found in _YEAR_PARTS:           # (the year named last before it: …2025年全市税务工作会议…，2024年，…全年)
            year = next((p[1] for p in reversed(in_sentence_before[:-1]) if _STARTS_WITH_YEAR.match(p[1])), "")
            if year and year != found:
                return in_year(year, found)
        return found
    if len(in_sentence_before) == 1:
        return in_sentence_before[0][1]       # the only one speaks, whichever part of the sentence it is in
    if in_sentence_before:
        pos, nearest = in_sentence_before[-1]
        if (text[pos - 1:pos] in _CLAUSE_OPENERS and ONLY_A_BREAK.fullmatch(text, pos + len(nearest), clause0)
                and not is_day(nearest)):
            return nearest                    # 第三季度在手订单充足，截至7月末，公司…约31亿元: a time that is
                                              # a clause of its own, right before the figure's, governs it
        # 1-7月，…；上半年，…58亿元: the part after the last semicolon speaks first.
        segment0 = segment_start(text, local, s0)
        in_segment = [p for p in in_sentence_before if p[0] >= segment0] or in_sentence_before
        first_pos, first = in_segment[0]
        if _GOES_ON.match(text, clause0) or (text[clause0 - 1:clause0] == V.LIST_COMMA and in_segment[-1][0] >= segment0):
            # (力争全年社会消费品零售总额增长5%左右、进出口增长3%以上: a list's later member, at the time its part of the
            # sentence names last)
            chosen_pos, chosen = in_segment[-1]    # 上半年已完成73.5亿元，完成年度计划的45.9%: a clause with no subject
        else:                                 # goes on from the one before; one with its own subject is of the
            head_end = clause_end(text, first_pos + len(first), s1)       # time of the first clause (下半年将
            if (first_pos == clause_start(text, first_pos, s0)            # 力争全年营业收入…，利润总额…: 全年)
                    and ONLY_A_BREAK.match(text, first_pos + len(first), head_end + 1)):
                head_end = clause_end(text, head_end + 1, s1)    # 截至目前，今年全市…412个，协议投资额…: a time
            chosen_pos, chosen = [p for p in in_segment if p[0] < head_end][-1]    # alone is no clause: the next is
                                                                                    # the first
            opening = [p for p in in_segment if p[0] >= max(head_end, segment0) and not _is_part_of(text, p[0])
                       and not _ONE_CLAUSE_ONLY.match(p[1]) and p[0] == clause_start(text, p[0], s0)]
            alone = [p for p in in_segment if p[0] >= max(head_end, segment0) and p[0] < clause0
                     and p[0] == clause_start(text, p[0], s0)
                     and ONLY_A_BREAK.match(text, p[0] + len(p[1]), clause_end(text, p[0] + len(p[1]), s1) + 1)]
            if alone:
                # 自8月下旬…以来，截至11月30日，全市累计受理…2.36万份，审核通过2.11万份: a time that is a clause of
                # its own speaks for the clauses after it
                return alone[-1][1]
            if opening and _RESPECTIVELY not in text[clause0:local]:
                # …调整为1978年的…，2024年进一步优化为…，第三产业比重首次突破五成: a later clause opening with its own
                # time speaks for the clauses after it (not for a 分别 list's members, which pair with earlier ones)
                return opening[-1][1]
        if chosen != first and not _STARTS_WITH_YEAR.match(chosen):
            # (…2025年工作会上获悉，2024年，郑州公交全年累计…，同比增长4.7%: the year named last before it)
            year = next((p for q, p in reversed(in_segment) if q < chosen_pos and _BARE_YEAR_OR_TAX_YEAR.fullmatch(p)), "")
            if year:
                return in_year(year, chosen)
        return chosen
    clause1 = clause_end(text, local, s1)
    later = [p for p in periods[mid:bisect_right(positions, clause1 - 1)] if not is_day(p[1]) and not sk0 <= p[0] < sk1]
    if later:
        return later[0][1]
    if (mid > lo and skip is None and is_day(periods[mid - 1][1])
            and positions[mid - 1] >= segment_start(text, local, s0)):
        return periods[mid - 1][1]  # 8月5日，南城县日最高气温达41.8℃; 水位7月3日涨至21.15米，超警戒水位2.15米: a day
                                    # its sentence names (and no other time) is its day, over the paragraph's
                                    # (up to a semicolon: …2.15米；长江九江站汛期最高水位21.38米 is not that day's)
    # Earlier in the paragraph: its head, else the nearest (scans stop early: no quadratic time).
    if head is not None and sk0 <= periods[head][0] < sk1:
        head = next((k for k in range(bisect_right(positions, sk1 - 1), mid) if not is_day(periods[k][1])), None)
    if head is not None and head < mid:
        before = _of_sentence_broken_down(text, s0, positions, periods, mid, sk0, sk1)
        if before:
            return before
        if periods[head][0] < ctx.head_end and not _is_part_of(text, periods[head][0]):
            return periods[head][1]        # (not 其中9月当月增长…: a part of the head's figure, not its time)
        title = _broken_down(doc, block) or _of_part(doc, block) or _title_time(doc)
        if title:
            return title
        k = mid - 1
        while is_day(periods[k][1]) or sk0 <= periods[k][0] < sk1 or (k > head and _is_part_of(text, periods[k][0])):
            k -= 1
        return periods[k][1]
    # (no time, not even a day, before the figure in its paragraph: the paragraph's later times are not its, so a
    # 其中 paragraph goes on from the one before as if it named none)
    title = _broken_down(doc, block, timeless=mid == 0) or _of_part(doc, block) or _title_time(doc)
    if title:
        return title
    days = [p for p in periods[lo:bisect_right(positions, clause1 - 1)] if is_day(p[1]) and not sk0 <= p[0] < sk1]
    if days:
        return days[0][1]
    if periods[0][0] < ctx.head_end and periods[0][0] < s0 and not sk0 <= periods[0][0] < sk1:
        return periods[0][1]      # 10月22日，…签约仪式举行。现场签约项目18个: the day the paragraph opens with
    return _of_headline(doc, block) or doc.turn_period_before(block)


def _kept_by_their_part(text: str, positions: list[int], lo: int, mid: int, local: int, s0: int,
                        s1: int) -> tuple[int, ...]:
    """Where the times before a figure in its sentence lie inside an earlier part of it, past its first clause, and
    date a part of that part's figure (其中，…，3月末全市精瘦肉零售均价为…；鲜菜价格上涨4.6%) or a plan (计划年内实现
    主线贯通；…完成投资42.6亿元): that part's own, not the figure's."""
    segment0 = segment_start(text, local, s0)
    if positions[lo] >= segment0:
        return ()                   # (most figures: every time before them is in their own part)
    opener = OF_WHICH_OPENS.match(text, s0)          # (其中，10月份全省…；业务收入…: the clause after it is the first)
    first_end = clause_end(text, opener.end() + 1 if opener else s0, s1)
    silent = []
    for k in range(lo, mid):
        pos = positions[k]
        if pos >= segment0:
            break
        if pos < first_end:
            continue
        part = segment_start(text, pos, s0)
        if text.find(V.OF_WHICH, part, pos) >= 0 or text.endswith(_PLANNED, 0, pos):
            silent.append(pos)
    return tuple(silent)


_PLANNED = ("计划", "力争", "预计", "确保", "争取")
_PART_DATERS = re.compile("|".join((V.OF_WHICH, *_PLANNED)))     # (a sentence naming none has no silent time)


_LIST_SPLIT = V.LIST_SPLIT
# 比2023年、2022年分别增长…: years compared with are bases, not the figures' times.
_BASE_BEFORE = ("比", "较", "于", "从", "由", "与", "同", "至", "到")


def listed_periods(text: str, local_start: int, floor: int, count: int) -> list[str]:
    """The times a 分别 list names, one per figure, or []: 第一季度、第二季度、第三季度分别实现营业收入…,
    2022年、2023年、2024年全市生产总值分别为…. Each member is a time (the first may follow the subject, the
    last may run on into the measure); not years compared with (比2023年、2022年分别增长…)."""
    start, m = respectively_clause(text, local_start, floor)
    if m is None or count < 2:
        return []
    members = _LIST_SPLIT.split(text[start:m.start()])
    if len(members) != count and start - 1 > floor and text[start - 1] in V.COMMAS:
        before = _LIST_SPLIT.split(text[scan_back(text, start - 1, floor, V.CLAUSE_END + V.COLONS):start - 1].strip())
        if len(before) == count and all(PERIOD.fullmatch(member) for member in before):
            return before          # 2023年和2024年，全市粮食产量分别为…: the times are a clause of their own
    if len(members) != count:
        return []
    first = None
    for m_first in PERIOD.finditer(members[0]):
        first = m_first
    if first is None or first.end() != len(members[0]) or members[0][:first.start()].endswith(_BASE_BEFORE):
        return []
    found = [first.group()]
    for member in members[1:-1]:
        if PERIOD.fullmatch(member) is None:
            return []
        found.append(member)
    last = PERIOD.match(members[-1])
    if last is None:
        return []
    return [*found, last.group()]


# 完成全年目标任务的84%, 占全年计划的45%: the year names the plan a share is of, not the share's period.
_PLAN_AFTER = ("目标", "任务", "计划", "预算")
_SHARE_BEFORE = ("完成", V.SHARE_OF, "为")      # (为年初预算的54.2%: the budget set at the year's start)


# 停滞近10年的项目: 近 with years inside a clause is how long something lasted (a figure), not a time; 近10年，…
# and 近两年来/平均/累计 are times.
_RECENT = re.compile(rf"近(?:{V.SMALL_NUMBER})年")
_RECENT_OPENS = frozenset("\n" + V.CLAUSE_END + V.COLONS)


def recent_years_are_a_time(text: str, start: int, end: int) -> bool:
    """Whether 近N年 at ``start:end`` is a time (近三年累计…, opening a clause; 近两年来, 近两年平均…), not how
    long something lasted (停滞近10年): read alike by the rules that drop figures and by the periods."""
    return start == 0 or text[start - 1] in _RECENT_OPENS or text.startswith(V.OVER_RECENT_YEARS, end)


def a_share_base(text: str, start: int, before: int) -> bool:
    """Whether the time at ``start`` names the whole a share is of (7月至8月降水量为327.9毫米，占全年降水量的53.5%)
    in a sentence that names another time before it (at ``before``, -1 if none): the share is of that one.
    Alone (…，占上半年归母净利润的28.6%) it is the best time its sentence gives."""
    return (text[start - 1:start] == V.SHARE_OF and before >= 0
            and not any(ch in V.SENTENCE_END for ch in text[before:start]))


def not_a_time(text: str, start: int, end: int) -> bool:
    """Whether the time at ``start:end`` is how long something lasted (停滞近10年), how rare it is (创开园以来
    新高, 同比增速创年内新高) or an index's base ((上年同期=100)), not a figure's period."""
    if ((text.startswith(_RECORD_AFTER, end) and not _PEAK_REACHED.match(text, end))
            or text[start - 1:start] == _SET_A_RECORD or text.startswith(_EQUALS, end)):
        return True
    if _RECORD_SINCE.match(text, end) or (text.endswith(_SINCE, start, end) and _RANK_AFTER_SINCE.match(text, end)):
        return True                   # 为1961年有完整气象记录以来最高: a record's start, no period
    if text[start - 1:start] == _UNDER and _CAUSE_AFTER.match(text, end):
        return True                   # 受去年下半年以来持续亏损影响, 受去年同期基数较高影响: a cause, not the figure's time
    if text[start - 1:start] == _BECAUSE and not is_bare_year(text[start:end]):
        return True                   # 因4月下旬持续阴雨，…单产下降2.1%: when the cause happened (因今年… may be the time)
    if _EVENT_DATED.match(text, end):
        return True                   # 去年出台的提高个税专项附加扣除标准政策: when a thing was done, naming the thing
    if text[start - 1:start] == _BY and (text.startswith(_PRICES, end) or _COMPUTED.match(text, end)):
        return True                   # 按当年价格比上年下降2.1%, 按近6个月平均销售速度计算: how the figure was measured
    if end - start >= _STRETCH and text.endswith(_DURING, start, end) and _DATED_STRETCH.search(text, max(0, start - 6), start):
        return True                   # 7-8月用电高峰期间: the months say when; 高峰期间 only what happened then
    return (text[start:start + 1] == "近" and _RECENT.fullmatch(text, start, end) is not None
            and not recent_years_are_a_time(text, start, end))


# (but 今年实施的10件民生实事, 去年签约的57个项目: the figure counts the things done then); also before or after
# it (2000年底前建成的老旧小区改造完成率达到87%: which estates, not when); and what was promised then,
# counted or not, was done over the time its sentence names (年初向社会承诺的12类40项民生实事全部兑现; not 年初确定的
# 10件民生实事, which labellers date 年初)
_EVENT_DATED = re.compile(r"(?:以前|之前|以后|之后|前|后)?"
                          r"(?:(?:向(?:社会|群众|全市|全县|全省)[\u4e00-\u9fff]{0,2})?承诺了?的"
                          r"|(?:出台|实施|发布|印发|制定|推出|建成|开工|启动|签约|投产|开业|落地|发生|出现)了?的"
                          r"(?![0-9０-９一二两三四五六七八九十百千万近约超逾]))")
_UNDER, _BECAUSE = "受", "因"
_BY, _PRICES = "按", "价格"
_COMPUTED = re.compile(rf"{V.char_class(V.CLAUSE_END, negate=True)}{{0,12}}?(?:计算|测算|折算|推算)")
_CAUSE_AFTER = re.compile(rf"{V.char_class(V.CLAUSE_END, negate=True)}{{0,16}}?(?:影响|拖累|冲击)")
_STRETCH, _DURING = 4, "期间"          # (the shortest name of days: 高峰期间)
_DATED_STRETCH = re.compile(r"[0-9０-９一二三四五六七八九十][月日][\u4e00-\u9fff]{0,4}$")
_RECORD_AFTER = ("新高", "新低", "最高", "最低", "最好", "最快", "之最")
# (8月5日最高达6580万千瓦: the peak that day reached, a figure of the day's; not 创年内最高, a rank)
_PEAK_REACHED = re.compile(r"最[高低](?:达到?|为|至|到)?[0-9０-９]")
_EQUALS = ("=", "＝")
# (为1961年以来历史同期第三高, 为1961年有完整气象记录以来最高, 最暖年份: a record and its rank since then; not
# 迎峰度冬期间最大用电负荷, a measure's name)
_RECORD_RANK = r"(?:历史)?(?:同期)?(?:(?:最|新|第[一二三四五六七八九十0-9]{1,2})[高低多少大小好快强暖冷热湿干早晚长短重]|之最)"
_RECORD_SINCE = re.compile(rf"[^{re.escape(V.CLAUSE_SEPARATORS)}]{{0,12}}?以来{_RECORD_RANK}")
_RANK_AFTER_SINCE = re.compile(_RECORD_RANK)
_SINCE = "以来"
_SET_A_RECORD = "创"


def part_of_a_name(text: str, start: int, end: int) -> bool:
    """Whether the time at ``start:end`` is part of a name, not a figure's period: the plan a share is of
    (完成全年目标任务的84%), a report (发布2024年半年度报告, 2023年统计公报显示), a budget's carry-over (上年结余), or a batch (举行2024年第三批重大
    项目集中签约活动: the figures are the day's; not a session, 一九五四年第一届全国人民代表大会…召开的时候), or an
    event held (园区举行二季度重点项目集中开工仪式, 会议于12月11日至12日召开)."""
    if text.startswith(_REPORT_AFTER, end) or _BATCH_AFTER.match(text, end):
        return True
    event = _EVENT_AFTER.match(text, end)
    if event and (_EVENT_HELD_BEFORE.search(text, max(0, start - 12), start)
                  or text.startswith(_EVENT_HELD_AFTER, event.end())):
        return True
    if text.startswith(_MEETING_AT, max(0, start - 3)) and text.startswith(_MEETING_HELD, end):
        return True                   # 中央经济工作会议于12月11日至12日召开: when a meeting was held (not an
                                      # expo held 10月18日至21日, whose figures are its days')
    if carried_over(text, start, end):
        return True
    return (text.startswith(_PLAN_AFTER, end) and text.endswith(_SHARE_BEFORE, max(0, start - 2), start)
            and text[start:end] in ("全年", "年度", "今年", "本年度", "年初"))


_CARRIED_OVER = ("结余", "结转", "结存")
_LAST_YEAR = ("上年", "去年")


def carried_over(text: str, start: int, end: int) -> bool:
    """上年结余7.2亿元: the year before names a budget's carry-over, an item of this year."""
    return text.startswith(_CARRIED_OVER, end) and text[start:end] in _LAST_YEAR

# 园区举行二季度重点项目集中开工仪式, …开发区2024年秋季重大项目集中签约仪式举行, 2024年中国（安徽）农产品展销会开幕,
# 市场监管局召开的2025年全市市场监管工作会议:
# the event's name (its figures are the day's), not 今年以来开展各类活动120场 (a time, then what was done in it).
_EVENT_AFTER = re.compile(r"(?:(?!开展|组织|举办|参加|参与)[\u4e00-\u9fff“”（）()]){0,16}?"
                          r"(?:仪式|活动|大会|会议|推介会|签约会|洽谈会|博览会|交易会|展览会|展销会|对接会|招聘会|论坛|峰会|发布会)")
_EVENT_HELD_BEFORE = re.compile(r"(?:举行|举办|召开|启动)[^，。；,;]*$")
_EVENT_HELD_AFTER = ("举行", "开幕", "召开", "举办", "在", "于")
_MEETING_AT = ("会议于", "全会于")
_MEETING_HELD = ("召开", "举行", "开幕", "闭幕", "举办")
_BATCH_AFTER = re.compile(rf"第[{V.ARABIC_DIGIT}{V.CN_DIGITS}十]{{1,3}}批")
_REPORT_AFTER = ("半年度报告", "年度报告", "季度报告", "半年报", "年报", "季报", "统计公报")


_CLAUSE_OPENERS = frozenset(V.COMMAS + V.SEMICOLONS + V.OPENING_QUOTES)    # (…说，“截至11月末，…)
# A clause that opens with its verb or a comparison has no subject of its own: it goes on from the one before
# (…今年前三季度研发投入增长18.2%，新获授权发明专利326件: of 今年前三季度).
_GOES_ON = re.compile(r"\s*(?:完成|占|为|是|比|较|同比|环比|增长|下降|提高|降低|达到|实现|相当于|增速|增幅"
                      r"|新增|新获|新建|新签|新开工|新认定|累计|带动|拉动|惠及|吸引|引进"
                      r"|其中)")     # …目前航线总数达到63条，其中外贸航线41条: a part of the figure before, at its time
_RESPECTIVELY = V.RESPECTIVELY
# A time opening a later clause speaks for the clauses after it (截至10月底已开工2059个，开工率达96.4%), but not a
# year's end (年末城镇调查失业率降到5.5%，居民消费价格上涨2%: a stock's date), a bare 本年/上年 (本年收入, a budget
# line's name) or a stretch named as a comparison (“十五”期间…比原来预计的高一些)
_ONE_CLAUSE_ONLY = re.compile(r"(?:年末|年底|年初|期末|本年|上年|当年)$|.*期间$")
# 其中3月份增长7.4%: a part of the period before it, speaking for its own sentence only.
_PART_LEAD = re.compile(r"其中\s*[，,]?\s*$")


# 前三季度人民币存款增加6842亿元。其中，住户存款增加5326亿元: a sentence that opens with 其中 and has no
# time of its own breaks the one before it down, and takes the time governing that sentence (its first;
# a later one may be a base or a name: …占本年预算收入的48.19%). Not 分…看: a breakdown may follow a
# month's sentence and still be of the paragraph's period (前三季度…。9月份…。分省份看，…比上半年回落).
OF_WHICH_OPENS = re.compile(rf"\s*{V.OF_WHICH}")


def _of_sentence_broken_down(text: str, s0: int, positions: list[int], periods: list[tuple[int, str]],
                             mid: int, sk0: int, sk1: int) -> str:
    """The first time of the sentence before, for a sentence opening with 其中; else ''."""
    if not OF_WHICH_OPENS.match(text, s0):
        return ""
    prev0 = max(text.rfind(mark, 0, max(0, s0 - 1)) for mark in V.SENTENCE_END) + 1
    for pos, expr in periods[bisect_right(positions, prev0 - 1):mid]:
        if pos < s0 and not is_day(expr) and not sk0 <= pos < sk1:
            return expr
    return ""


def _is_part_of(text: str, pos: int) -> bool:
    return _PART_LEAD.search(text, max(0, pos - 4), pos) is not None


# A calendar day (a release's or an event's), not a span of days (6月19日至21日: a forecast's period).
_DAY = re.compile(rf"(?!截至)(?!.*日{V.char_class(V.RANGE_DASHES + ''.join(V.RANGE_WORDS))})"
                  r".*[0-9一二三四五六七八九十]日$|(?:昨日|昨天|前日|今天|今日)$")
_YEAR_PARTS = frozenset({"全年", "年内", "年底", "年末", "年底前", "年初"})
_YEAR_CHAR = "年"
_YEAR_TO_DATE = frozenset({"今年", "本年", "今年以来", "本年以来"})
_UNTIL_DAY = re.compile(r"截至.+[底末日]")
_A_YEAR = re.compile(rf"(?:{V.YEAR_DIGITS})年")
_BARE_YEAR = re.compile(r"(?:19|20)[0-9]{2}年|今年|明年|去年|本年|当年")
# (2023年度个人所得税综合所得汇算清缴期间: the year of accounts a stretch of work is of -> 2023年度清缴期间)
_BARE_YEAR_OR_TAX_YEAR = re.compile(rf"{_BARE_YEAR.pattern}|(?:19|20)[0-9]{{2}}年度")
_YEAR_OF_ACCOUNTS = re.compile(r"(?:19|20)[0-9]{2}年度")
_OF_ACCOUNTS, _WHOLE_YEAR = "度", "全年"
_STARTS_WITH_YEAR = re.compile(r"(?:(?:19|20)[0-9]{2}年|今年|明年|去年|上年|本年|当年)")


@lru_cache(maxsize=4096)
def is_day(period: str) -> bool:
    return bool(_DAY.match(period))

