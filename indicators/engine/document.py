"""What the context rules need to know about a whole document, computed once: every place it
names, each paragraph's periods and places, its title period, its issuer and the place each article
is about."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

from ..lang import vocab as V
from ..lang.gazetteer import (
    GROUPS,
    PROVINCE_LEVEL,
    TOWN_ENDS,
    TOWN_LEVEL,
    VILLAGE_AFTER_PLACE,
    VILLAGE_LEVEL,
    counts_villages,
    county_short_name,
    county_short_names,
    find_places,
    in_landmark,
    is_village_name,
    issuer_places,
    paper_place,
    place_levels,
    prefecture_alias_base,
    short_name,
    stands_as_county,
    town_names,
    two_char_county,
    village_names,
    word_counties,
)
from ..lang.regions import Region, by_code, encloses, lookup
from .clauses import compared_at, first_clause_end, head_after_lead, is_multiple_base
from .layout import Block, Layout
from .metadata import posted_from
from .moves import starts_move
from .period import (
    OF_WHICH_OPENS,
    PERIOD,
    a_share_base,
    in_year,
    is_bare_year,
    is_day,
    is_years_span,
    not_a_time,
    part_of_a_name,
    period_matches,
)
from .region import (
    AGENCY_OF_CITY,
    CAPTION,
    GENERIC_PLACE,
    PERSON_TITLE_ENDS,
    SCOPES,
    STREET_AFTER,
    elsewhere,
    filed_from,
    first_generic,
    given_as_example,
    in_a_name,
    in_cited_title,
    in_counted_group,
    in_person_name,
    is_origin,
    is_venue,
    on_a_street,
)

# A news column's name over its stories (某区要闻, 永春简讯), and a story's headline in brackets: no title of a report
_NEWS_COLUMN = re.compile(r"(?:要闻|新闻|简讯|快讯|简报|动态|资讯|日报|晚报)\s*$")
_STORY_HEADLINE = "【"

@dataclass
class BlockContext:
    """Periods and places found in one block, with positions in the block's joined text."""

    periods: list[tuple[int, str]]
    places: list[tuple[int, str]]
    head_end: int                 # end of the paragraph's first clause
    generics: list[tuple[int, str]]     # every 全省/全市/我市 … in the paragraph (they never overlap)
    _period_pos: list[int] = field(default_factory=list)
    _place_pos: list[int] = field(default_factory=list)
    _generic_pos: list[int] = field(default_factory=list)
    first_period: int | None = None          # index of the paragraph's first period that is not a day
    default_place: str = ""                  # the place its article (or document) is about by default
    share_bases: frozenset[int] = frozenset()   # generics a share is of (郑州…占全省的比重, 拉动全省): no figure's own

    def __post_init__(self) -> None:
        self._period_pos = [p for p, _ in self.periods]
        self._place_pos = [p for p, _ in self.places]
        self._generic_pos = [p for p, _ in self.generics]
        self.first_period = next((k for k, (_, name) in enumerate(self.periods) if not is_day(name)), None)

    @property
    def generic_place(self) -> str:
        """The first 全省/全市 … in the paragraph, or ''."""
        return self.generics[0][1] if self.generics else ""

    def last_generic_within(self, start: int, end: int) -> tuple[int, str] | None:
        """The last 全省/全市 … lying wholly inside ``[start, end)`` of the paragraph (none is the
        base of a comparison: those are not listed), or None."""
        k = bisect_left(self._generic_pos, end) - 1
        while k >= 0 and self._generic_pos[k] >= start:
            pos, name = self.generics[k]
            if pos + len(name) <= end:
                return self.generics[k]
            k -= 1
        return None

    def has_generic_within(self, start: int, end: int) -> bool:
        """Whether a 全省/全市 … lies wholly inside ``[start, end)``, found without listing them all
        (the stretch may be a whole unpunctuated page); one a share is of (郑州…占全省的72.6%) does not
        take the place of the place named before it."""
        k = bisect_left(self._generic_pos, start)
        while k < len(self.generics) and self.generics[k][0] < end:
            pos, name = self.generics[k]
            if pos + len(name) <= end and pos not in self.share_bases:
                return True
            k += 1
        return False


def _most_named(counts: dict[str, int], lead: set[str]) -> str:
    """The place named most often (the first named on a tie) among those named twice or in the lead;
    none when three or more places are named and it is not named more often than the next two together
    (a story comparing provinces is about none of them)."""
    best, most = "", 0
    for name, n in counts.items():
        if n > most and (n > 1 or name in lead):
            best, most = name, n
    if best and len(counts) >= 3:
        runners = sorted((n for name, n in counts.items() if name != best), reverse=True)[:2]
        if most <= sum(runners):
            return ""
    return best


_BREAKDOWN = re.compile(V.BREAKDOWN_OPENER)
# 签约京津冀协同发展项目186个, 融入长三角一体化: a group of provinces naming a policy
_POLICY_AFTER = re.compile(r"(?:地区)?(?:协同发展|一体化|高质量发展|发展|建设|生态保护|战略|协同|合作)")
# 陕西历史博物馆, 中国银联陕西分公司, 北京交通大学: a place opening an institution's name is no figure's place
_INSTITUTION_WORD = re.compile(r"大学|学院|博物馆|图书馆|纪念馆|科技馆|美术馆|大剧院|分公司|分行")
_INSTITUTION_REACH = 4
# A community's or a village's own report lies in every county or city it names (联合蜀山区第二人民医院开展义诊12次 in
# 安居苑社区's summary: a partner, not where the figure is)
_BELOW_COUNTY = ("社区", "村")
# What a community or a village lies in: a county or above, and its town or subdistrict (锦苑社区党委在芳草街街道党工委的
# 领导下)
_ABOVE_VILLAGE = frozenset({"省", "市", "县", TOWN_LEVEL})
_SPEAK_FOR_SENTENCES = frozenset({TOWN_LEVEL, VILLAGE_LEVEL})     # (not counted for a page's place)
# An interview's turns (记者：…, 问：…, or a speaker's name, and role, a line opens with again and again: 周海涛(客商):…
# 雷建军：…) and the lead's words for where it was held (_visited)
# A press conference named by when it is held (山西省能源局2025年第一季度新闻发布会实录): its title's time dates the
# conference, not the figures it reports (2024年, as its speakers say); not 2024年经济运行情况新闻发布会
_CONFERENCE_AFTER = re.compile(r"(?:例行)?(?:新闻)?发布会")


def _time_end(text: str, m: re.Match[str]) -> int:
    """Where the title's time ends, a part of the year after its year included (2025年第一季度)."""
    part = PERIOD.match(text, m.end()) if is_bare_year(m.group()) else None
    return part.end() if part is not None else m.end()


_INTERVIEW_TURN = re.compile(r"^\s*(?P<who>[\u4e00-\u9fff]{1,4})(?:[（(][^）)\n]{1,8}[）)])?[：:]", re.MULTILINE)
_ASKERS = frozenset({"记者", "问"})
_TURNS = 2
_TURNS_BACK = 4          # (how many paragraphs back a turn's time is looked for)
_VISITED = re.compile(r"记者(?:一行)?(?:来到|走进|走访|赶到|在)|采访地点[：:]|(?:^|(?<=[。！]))\s*在",   # (在蒲城县龙阳镇…车间里)
                      re.MULTILINE)
_LEAD_REACH = 600       # (how far into a document its lead may say where the interview was held)
_ABOVE_REACH = 12       # (青岛市市南区八大关街道汇泉湾社区: the places above a community, in its title)
_COUNTY_LEVEL = "县"     # a county's name opening an institution's is where it is (广汉市三星堆博物馆)
# A province's name opening a research body's says the province named it one of its own (江苏省新型电力装备技术创新中心
# in a story of 常州, 湖北隆中实验室 in 襄阳高新区's report), not where the body's figures are
_BODY_WORDS = ("中心", "实验室", "研究院")     # (every _DESIGNATED_BODY ends with one of these)
_DESIGNATED_BODY = re.compile(r"[\u4e00-\u9fff]{0,12}?(?:技术创新中心|制造业创新中心|工程技术研究中心|工程研究中心|企业技术中心"
                              r"|实验室|研究院)")
# 在全国百强县中位列第四, 居全国前列: the country as the field of a ranking, no figure's place
# (but 全国百强房企销售额为2.86万亿元: the country's top hundred, whose total is the country's)
_RANKED_AMONG = re.compile(r"(?:前列|首位|同类|之最|第[一二三四五六七八九十0-9]|前[一二三四五六七八九十0-9])")
_TOP_LIST = re.compile(r"(?:百强|千强|五百强|500强)")
_IN = "在"
def is_han_run(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds only Chinese characters (a name's middle, 历史 in 陕西历史博物馆)."""
    return all("\u4e00" <= ch <= "\u9fff" for ch in text[start:end])


_HOME_LEVELS = ("省", "市")
_WHOLE_VOTES = frozenset({"省", "市"})       # the levels whose 全省/全市 vote for their article's lead place
_WHOLE = frozenset("全我")
# A short quote with no pause inside, followed by more words: a term (“十四五”以来, “双十一”期间), not speech
_QUOTED_TERM = re.compile(rf"[{V.OPENING_QUOTES}][^{V.CLOSING_QUOTES}{V.CLAUSE_END}，,、]{{1,10}}[{V.CLOSING_QUOTES}]"
                          rf"(?![{V.CLAUSE_END}，,])")
_HEADLINE_BLOCKS = 4        # how many blocks a story's headline (kicker, title, subtitle) may take
_OWN_PLACE_BEFORE, _WITHIN = ("全", "我", "该", "本"), ("里", "上")     # 全镇, 我镇, 该镇, 本镇; 镇里, 镇上 (全村, 村里)
_OWN_PLACE_NAMED = 2
# A body speaking of a county's, a city's or a district's own (县里累计投入…, 全县): a story of more than its town
_HIGHER_OWN_WORDS = ("县里", "市里", "区里", "全县", "全市", "全区", "全省")
_VILLAGE = "村"
# A village a headline names after its town's or county's name (天荒坪镇余村, 七都镇开弦弓村; not 点头镇乡村振兴示范镇:
# the countryside)
_HEADLINE_VILLAGE = VILLAGE_AFTER_PLACE


def _town_suffix(name: str) -> str:
    """How a town's name ends (镇, 乡, 街道)."""
    return next(end for end in TOWN_ENDS if name.endswith(end))


def _inside_a_county_of(text: str, pos: int, name: str, home: Region) -> bool:
    """Whether a bare two-character name, whose first character ends a county's short name with the character
    before it (the caller's cheap test), begins inside one of ``home``'s counties (宜宾's 江安阳春工业园区 holds 江安,
    not 安阳), and is no place of ``home`` itself."""
    county = lookup(text[pos - 1:pos + 1], home.code)
    if county is None or not encloses(home, county):
        return False
    region = lookup(name, home.code)
    return region is None or not encloses(home, region)


def _encloses(outer: str, inner: Region | None) -> bool:
    """Whether the place named ``outer`` is a division ``inner`` lies in (not ``inner`` itself)."""
    if inner is None:
        return False
    region = lookup(outer, inner.code)
    return region is not None and encloses(region, inner)


_HOLIDAY, _DAY = "假期", "日"
_HOLIDAY_LENGTH = re.compile(r"(?:共|为期)?[0-9一二三四五六七八九十]{1,2}天")
_LENGTH_REACH = 8
_BASE_GAP = 3              # 2023年同期、2022年: what may lie between two times listed as bases
# 上年同期 set against (扣除上年同期缓税入库等因素后, 与上年同期相比) is a base, not a figure's time (上年同期盈利)
_CITY = "市"
_SAME_TIME_LAST_YEAR = "上年同期"
_SET_AGAINST = ("扣除", "剔除", "与", "同")
_NATIONAL_HEADLINE = re.compile(r"^[^，。：:\n]{0,12}?(?:我国|全国)(?!各地|平均|第|前)")
# 合肥增长10.5%，拉动全省2.9个百分点: what a part's growth pulls is the whole it is a part of, as what a share is of.
_PULLED = ("拉动", "带动")
# 带动全省2800余家零部件企业: a count right after 全省 is of the province's firms, not a pull on it (拉动全省
# 2.9个百分点 is)
_COUNTED_NEXT = re.compile(rf"(?:近|约|超过|超)?[{V.ARABIC_DIGIT}]+(?:[.．][{V.ARABIC_DIGIT}]+)?(?![{V.ARABIC_DIGIT}.．]|个?百分点)")
# 过去是全县有名的“空心村”: the place a village is famous across, no subject of the paragraph's figures
_FAMED = ("有名", "闻名", "知名", "出名", "出了名")
_BREAKDOWNS_CHAINED = 6
# A paragraph ending 其中： or 主要是： opens a list whose items are the paragraphs after it, each numbered
# (全年村集体经济总收入186.42万元。其中：\n（一）经营性收入112.6万元…\n（二）上级转移支付…73.82万元; 今年，…确定12类
# 36项民生实事…。主要是：\n（一）稳就业促增收。城镇新增就业7万人以上)
_OPENS_LIST = re.compile(r"(?:其中|主要是|主要有|主要包括|具体是|具体为|具体如下)[：:]\s*\Z")
_ITEM_OPENS = re.compile(rf"\s*(?:{V.NUMBERED_HEADING}|[0-9]{{1,2}}[.．、](?![0-9]))")


# The whole of a province's or a city's own place, as its releases name it, and how often a story names it to be
# about that place.
_OWN_WHOLE = {"省": "全省", "市": "全市"}
_WHOLE_NAMED = 2


@dataclass
class DocumentContext:
    """Per-document memo of what the context rules need, so no block is scanned twice."""

    text: str                    # the document as given (its head names the issuer)
    layout: Layout               # places are found in the layout's text, at its positions
    about: str = ""              # the region the document is about (its metadata), '' when not known
    # A work report's title year is when it was delivered, not what its figures are of (2024年政府工作报告
    # reviews 2023): its paragraphs without a time of their own are dated by the report's parts instead.
    dated_by_title: bool = True
    _blocks: dict[int, BlockContext] = field(default_factory=dict)
    _places: list[tuple[int, str]] | None = None       # every place name in the layout's text, one pass
    _place_pos: list[int] = field(default_factory=list)
    _levels: dict[str, str] = field(default_factory=dict)    # place -> 省/市/县
    _title_period: str | None = None
    _issuer: str = ""                                         # the place the document's head names
    _section_place: dict[str, str] | None = None
    _overall: Counter = field(default_factory=Counter)
    _of_level: dict[str, str] = field(default_factory=dict)     # place_of_level, once per level
    _enclosing: dict[tuple[str, str], bool] = field(default_factory=dict)    # encloses, once per pair of names
    _doc_place: str = ""
    own_names: tuple[str, ...] = ()     # places this document names that the gazetteer lacks, longest first
    full_names: dict[str, str] = field(default_factory=dict)   # a county's short name here -> its full name

    @cached_property
    def _block_index(self) -> dict[int, int]:
        return {id(b): k for k, b in enumerate(self.layout.blocks)}

    @cached_property
    def _institution_words(self) -> list[int]:
        """Where the layout's text names an institution (大学, 博物馆, 分公司 …), found in one pass: a place right
        before one opens its name."""
        return [m.start() for m in _INSTITUTION_WORD.finditer(self.layout.text)]

    @cached_property
    def _about_region(self) -> Region | None:
        own = self.about or self.paper
        return lookup(own) if own and own not in SCOPES else None

    @cached_property
    def _one_story_of_about(self) -> bool:
        """Whether the page is one story whose source line or title gives its place, and which speaks of that
        place's whole (全省 for a province's release); a page of several stories is about each one's own place."""
        region = self._about_region
        if region is None or region.level not in _OWN_WHOLE:
            return False
        sections = {b.section for b in self.layout.blocks if b.kind == "body"}
        return len(sections) == 1 and self.layout.text.count(_OWN_WHOLE[region.level]) >= _WHOLE_NAMED

    def encloses_about(self, place: str) -> bool:
        """Whether ``place`` is a division the document's own place (or its paper's) lies in (柳州市 in 融水苗族自治县's
        bulletin, 安徽 in 今日霍邱): named there as an authority (列入自治区、柳州市统筹推进的重大项目) or in a
        firm's name, it is not what a figure is about. A village or community the gazetteer lacks lies in the
        places its title names before it (溪口镇 in 溪口镇上徐村2024年度…工作总结)."""
        if place in (self.about, self.paper):
            return False
        if self._about_region is None:
            return place in self._above_about or (self._about_below_county and self.level(place) in _ABOVE_VILLAGE)
        return _encloses(place, self._about_region)

    @cached_property
    def _customs_at(self) -> frozenset[int]:
        """Where the layout's text names a customs (南昌海关): a place right before one is the customs' name."""
        return frozenset(m.start() for m in re.finditer(AGENCY_OF_CITY, self.layout.text))

    @cached_property
    def _names_bodies(self) -> bool:
        """Whether the layout's text may name a research body (most documents name none: no test per place)."""
        text = self.layout.text
        return any(word in text for word in _BODY_WORDS)

    @cached_property
    def _about_below_county(self) -> bool:
        return self.about.endswith(_BELOW_COUNTY)

    @cached_property
    def _above_about(self) -> str:
        """The words the title names before the document's own place when the gazetteer lacks that place, or ''."""
        title = next((b.text for b in self.layout.blocks if b.kind == "heading"), "")
        at = title.find(self.about) if self.about and self.about not in SCOPES else -1
        return title[:at] if 0 < at <= _ABOVE_REACH else ""

    def encloses(self, outer: str, inner: str) -> bool:
        """Whether the place named ``outer`` is a division the place named ``inner`` lies in (长沙 and 宁乡市)."""
        known = self._enclosing.get((outer, inner))
        if known is None:
            region = lookup(outer, self._about_region.code if self._about_region else "")
            known = self._enclosing[outer, inner] = (
                region is not None and (found := lookup(inner, region.code)) is not None and encloses(region, found))
        return known

    def opens_institution(self, end: int) -> bool:
        """Whether an institution's word follows a place ending at ``end`` within a few characters (陕西历史博物馆)."""
        words = self._institution_words
        k = bisect_left(words, end)
        return k < len(words) and words[k] - end <= _INSTITUTION_REACH and is_han_run(self.layout.text, end, words[k])

    def period_before(self, block: Block) -> str:
        """The time at the head of the body paragraph right before ``block`` in its article (its first that
        is not a day), or '': what a paragraph breaking that one down (分市看，…) is of. A paragraph before
        that is itself a breakdown without a time (从总量看，…。\n\n从增速看，…) passes on the one before it."""
        k = self._block_index.get(id(block), 0) - 1
        for _ in range(_BREAKDOWNS_CHAINED):
            if k < 0:
                return ""
            before = self.layout.blocks[k]
            if before.kind != "body" or before.section != block.section:
                return ""
            ctx = self.block(before)
            if ctx.first_period is not None:
                return ctx.periods[ctx.first_period][1]
            if ctx.periods and ctx.periods[0][0] < ctx.head_end:
                return ctx.periods[0][1]        # a day it opens with (9月26日，我市举行…签约活动，…)
            if not (_BREAKDOWN.match(before.text) or OF_WHICH_OPENS.match(before.text)
                    or (_ITEM_OPENS.match(block.text) and _ITEM_OPENS.match(before.text))):
                return ""                       # (an item before it, naming no time, is of the same list)
            k -= 1
        return ""

    def follows_of_which(self, block: Block) -> bool:
        """Whether the paragraph before ``block`` opens with 其中 and names no time: ``block`` (a line of figures,
        第二产业增加值 262.15亿元  增长7.1%) goes on with its list; or whether ``block`` is a numbered item, after
        items naming no time, of the list a paragraph ending 其中： opens."""
        k = self._block_index.get(id(block), 0) - 1
        if k >= 0 and OF_WHICH_OPENS.match(self.layout.blocks[k].text) is not None and not self.block(
                self.layout.blocks[k]).periods:
            return True
        if not _ITEM_OPENS.match(block.text):
            return False
        for _ in range(_BREAKDOWNS_CHAINED):    # ... and a numbered item of the list a paragraph's 其中： opens
            if k < 0 or self.layout.blocks[k].kind != "body":
                return False
            before = self.layout.blocks[k]
            if _OPENS_LIST.search(before.text):
                return True
            if not _ITEM_OPENS.match(before.text) or self.block(before).periods:
                return False
            k -= 1
        return False

    @cached_property
    def paper(self) -> str:
        """The place of the paper whose page (its masthead: 临江日报 -> 临江市) or story (its source line) this is,
        or '': what a page's 全市 means."""
        return paper_place(self.text)

    def places(self) -> list[tuple[int, str]]:
        if self._places is None:
            self._levels = dict(place_levels())
            laid = self.layout.text
            places = find_places(laid)
            if (posted := posted_from(laid)) is not None:      # (婺源文旅 2024-03-18 20:15 江西: where it was posted)
                places = [(p, n) for p, n in places if not posted[0] <= p < posted[1]]
            issuers = issuer_places(self.text)
            self._issuer = next(iter(issuers), "")
            home = self._home_division()
            if home is not None:
                shorts = county_short_names()
                places = [(p, n) for p, n in places if len(n) != 2 or laid[p - 1:p + 1] not in shorts
                          or not _inside_a_county_of(laid, p, n, home)]
            extra = {n: lv for n, lv in issuers.items() if n not in self._levels}
            extra.update({n: "乡" for n in town_names(self.text) if n not in self._levels})
            extra.update({n: VILLAGE_LEVEL for n in village_names(self.text) if n not in self._levels and n not in extra})
            words = word_counties(self.text)
            extra.update({n: "县" for n in words if n not in self._levels})
            # 安溪县…。安溪茶叶产量…: a county named in full goes by its short name in the same document
            # (not everywhere: many such names are words, 和平, 合作, 新建)
            for name in {n for _, n in places} | set(extra):
                short = county_short_name(name) if self._levels.get(name, extra.get(name)) == "县" else ""
                if short and short not in self._levels and short not in extra:
                    extra[short] = "县"
                    self.full_names[short] = name
            if extra:                      # names the gazetteer lacks, wherever the text repeats them
                self._levels.update(extra)
                self.own_names = tuple(sorted(extra, key=len, reverse=True))
                pattern = re.compile("|".join(sorted(map(re.escape, extra), key=len, reverse=True)))
                covered = {k: p + len(n) for p, n in places for k in range(p, p + len(n))}
                ends = ({p + len(n) for p, n in places if n not in SCOPES}    # (not 全省和县级: a scope's and;
                        if words else ())                                      # read only for a word county)
                added = [(m.start(), m.group()) for m in pattern.finditer(laid)      # (not 安溪 in 安溪县)
                         if covered.get(m.start(), -1) < m.end() and not in_landmark(laid, m.start(), m.group())
                         and (m.group() not in words or stands_as_county(laid, m.start())    # (nor 示范县; but
                              or m.start() in ends)                                         # 庆阳市环县 is one)
                         and not counts_villages(laid, m.start(), m.group())]                # (nor 十余村)
                inside = {k for p, n in added for k in range(p, p + len(n))}    # nor a two-character county
                town_at = {p: n for p, n in added if extra.get(n) == TOWN_LEVEL}  # in an issuer (丰县 in 禾丰县),
                places = sorted([(p, n) for p, n in places                        # nor a city opening a town's
                                 if (not two_char_county(n) or p not in inside or p + 1 not in inside)   # name
                                 and (p not in town_at or len(town_at[p]) <= len(n))]   # (玉林 in 玉林街道)
                                + added)
            self._places = places
            self._place_pos = [p for p, _ in self._places]
        return self._places

    def _home_division(self) -> Region | None:
        """The province or prefecture the document is of (its region, issuer or paper), or None."""
        for name in (self.about, self._issuer, self.paper):
            if name and (region := lookup(name)) is not None and region.level in _HOME_LEVELS:
                return region
        return None

    def block(self, block: Block) -> BlockContext:
        key = id(block)
        ctx = self._blocks.get(key)
        if ctx is None:
            places = self.places()
            laid = self.layout.text
            start, end = block.offset, block.offset + len(block.text)
            titled = V.BOOK_TITLE_OPEN in block.text      # (a cited document's title: its places are its issuer's)
            lo = bisect_right(self._place_pos, start + filed_from(block) - 1)
            hi = bisect_right(self._place_pos, end)
            local = [(p - start, n) for p, n in places[lo:hi]
                     if p + len(n) <= end and not elsewhere(laid, p, p + len(n)) and not is_venue(laid, p, n)
                     and not is_origin(laid, p, n)
                     and not in_a_name(laid, p, n)
                     and not (titled and in_cited_title(laid, p, p + len(n)))
                     and not (laid[p - 2:p - 1] in PERSON_TITLE_ENDS and in_person_name(laid, p))
                     and not in_counted_group(laid, p, n)
                     and not (n in GROUPS and _POLICY_AFTER.match(laid, p + len(n)))
                     and not given_as_example(laid, p, n)
                     and not (self._institution_words and self.opens_institution(p + len(n))
                              and self.level(n) != _COUNTY_LEVEL)      # (广汉市三星堆博物馆: in the county)
                     and not (self._names_bodies and self._levels.get(n) == PROVINCE_LEVEL
                              and _DESIGNATED_BODY.match(laid, p + len(n)))
                     and not ((n in SCOPES or n in GROUPS) and (_RANKED_AMONG.match(laid, p + len(n))
                                               or (laid[p - 1:p] == _IN and _TOP_LIST.match(laid, p + len(n)))))]
            # 比上半年, 较上年同期: the base of a comparison is not the fact's period.
            found = list(period_matches(block.text))
            # 国庆中秋假期（10月1日—8日）: dates in brackets right after a time gloss it: one time, named with its dates
            # (春节假期8天(1月28日至2月4日): after the holiday's length, too)
            glossed = {a.start(): b for a, b in pairwise(found)
                       if (b.start() == a.end() + 1 or (_HOLIDAY in a.group() and b.start() - a.end() <= _LENGTH_REACH
                                                        and _HOLIDAY_LENGTH.fullmatch(block.text, a.end(), b.start() - 1)))
                       and block.text[b.start() - 1] in V.OPENING_BRACKETS
                       and block.text[b.end():b.end() + 1] in V.CLOSING_BRACKETS} if len(found) > 1 else {}
            glosses = {b.start() for b in glossed.values()}
            # 10月1日至7日国庆假期: days, then the holiday they are: one time, named with both
            held = {a.start(): b for a, b in pairwise(found) if b.start() == a.end()
                    and _HOLIDAY in b.group() and a.group().endswith(_DAY)} if _HOLIDAY in block.text else {}
            if held:                   # (most paragraphs name no holiday: no call)
                glosses.update(b.start() for b in held.values())
            # 冬季（2023年12月至2024年2月）: a gloss of two times, from one to the other
            for a, b, c in zip(found, found[1:], found[2:], strict=False) if len(found) > 2 else ():
                if (b.start() == a.end() + 1 and block.text[a.end()] in V.OPENING_BRACKETS and a.start() not in glosses
                        and block.text[b.end():c.start()] in V.RANGE_WORDS + tuple(V.RANGE_DASHES)
                        and block.text[c.end():c.end() + 1] in V.CLOSING_BRACKETS):
                    glossed[a.start()] = c
                    glosses.update((b.start(), c.start()))
            # 比2023年同期、2022年同期分别增长…: times listed after a base are bases too
            listed_bases: set[int] = set()
            for a, b in pairwise(found) if len(found) > 1 else ():
                if (block.text[b.start() - 1] in V.LIST_JOINERS and b.start() - a.end() <= _BASE_GAP
                        and (a.start() in listed_bases or compared_at(block.text, a.start()))):
                    listed_bases.add(b.start())
            # (the time before each, read by a_share_base: only a block that says 占 needs it)
            earlier = {b.start(): a.start() for a, b in pairwise(found)} if V.SHARE_OF in block.text else {}
            periods = [(m.start(), block.text[m.start():glossed[m.start()].end() + 1] if m.start() in glossed
                        else block.text[m.start():held[m.start()].end()] if m.start() in held
                        else m.group()) for m in found
                       if m.start() not in glosses and m.start() not in listed_bases
                       and not (compared_at(block.text, m.start())
                               and not (block.text[m.start() - 1] == "从" and is_years_span(m.group())))
                       and not (starts_move(block.text, m.start(), m.end()) and not is_years_span(m.group()))
                       and not is_multiple_base(block.text, m.start(), m.end())
                       and not part_of_a_name(block.text, m.start(), m.end())
                       and not not_a_time(block.text, m.start(), m.end())
                       and not (earlier and a_share_base(block.text, m.start(), earlier.get(m.start(), -1)))
                       and not (m.group() == _SAME_TIME_LAST_YEAR
                                and block.text.endswith(_SET_AGAINST, 0, m.start()))]
            # 高于全省平均水平, 居全市第2位: a place compared with is no place a figure is about
            generics = [(m.start(), m.group()) for m in GENERIC_PLACE.finditer(block.text)
                        if not elsewhere(block.text, m.start(), m.end())
                        and not (titled and in_cited_title(block.text, m.start(), m.end()))]
            # (a work report's paragraphs open with their time, or take their part's: no lead is skipped)
            head_end = head_after_lead(block.text) if self.dated_by_title else first_clause_end(block.text)
            ctx = BlockContext(periods, local, head_end, generics,
                               default_place=self.default_place(block.section),
                               share_bases=frozenset(p for p, g in generics if block.text[p - 1:p] == V.SHARE_OF
                                                     or (block.text[p - 2:p] in _PULLED
                                                         and not _COUNTED_NEXT.match(block.text, p + len(g)))
                                                     or block.text.startswith(_FAMED, p + len(g))))
            self._blocks[key] = ctx
        return ctx

    def title_period(self) -> str:
        """A report's or bulletin's title period (2024年1-10月份…运行情况); news pages have none."""
        if self._title_period is None:
            self._title_period = ""
            title = self._dated_title
            if title is not None and self.dated_by_title and not self.layout.news_items:
                m = PERIOD.search(title.text)
                if m and not is_day(m.group()) and not _CONFERENCE_AFTER.match(title.text, _time_end(title.text, m)):
                    self._title_period = m.group()
                    # 株洲市2024年国庆假期消费品市场运行情况: the year and the holiday are one time
                    if m.end() < len(title.text) and (part := PERIOD.match(title.text, m.end())) is not None \
                            and is_bare_year(m.group()) and not is_day(part.group()):
                        self._title_period = in_year(m.group(), part.group())
        return self._title_period

    def level(self, place: str) -> str:
        self.places()
        return self._levels.get(place, "")

    @cached_property
    def is_dialogue(self) -> bool:
        """Whether the document is an interview or a talk: turns of 记者：/问：, or of speakers' names a line opens
        with again and again (周海涛(客商):… 雷建军：…)."""
        turns = Counter(m.group("who") for m in _INTERVIEW_TURN.finditer(self.layout.text))
        return sum(n for who, n in turns.items() if who in _ASKERS or n >= _TURNS) >= _TURNS

    def turn_period_before(self, block: Block) -> str:
        """In a dialogue, the time the nearest turn before ``block`` named last (今年园子看着…。 … 雷建军：一亩三千斤左右:
        今年), or '': a talk goes on in the time it set, turn after turn, as labellers read it."""
        if not self.is_dialogue:
            return ""
        k = self._block_index.get(id(block), 0) - 1
        for _ in range(_TURNS_BACK):
            if k < 0:
                return ""
            before = self.layout.blocks[k]
            if before.section != block.section:
                return ""
            if before.kind == "body" and (times := [p for _, p in self.block(before).periods if not is_day(p)]):
                return times[-1]
            k -= 1
        return ""

    @cached_property
    def _visited(self) -> tuple[str, str] | None:
        """The article and the village or town an interview (two turns or more of 记者：/问：) was held in, as its
        lead says (记者来到上元观镇古路坝村, 采访地点：福建省宁德市霞浦县沙江镇小马村海带晾晒场, a sentence opening
        在蒲城县龙阳镇…), or None; for a document about a region, only one the lead names after it
        (西乌珠穆沁旗牧民访谈实录 held in …西乌珠穆沁旗巴彦花镇乌兰哈拉嘎查)."""
        text = self.layout.text
        if not self.is_dialogue:
            return None
        places = self.places()
        for m in _VISITED.finditer(text, 0, _LEAD_REACH):
            k, pos, run = bisect_left(self._place_pos, m.end()), m.end(), []
            while k < len(places) and places[k][0] == pos:      # (the names run on: 福建省宁德市霞浦县沙江镇小马村)
                run.append(places[k][1])
                pos, k = pos + len(run[-1]), k + 1
            if run and self.level(run[-1]) in _SPEAK_FOR_SENTENCES and (not self.about or self.about in run):
                # (记者在旧县镇安善村果农雷建军的果园里: the village after the town, which the gazetteer lacks)
                village = _HEADLINE_VILLAGE.match(text, pos)
                if village is not None and is_village_name(village.group()):
                    return self.layout.block_at(m.start()).section, village.group()
                return self.layout.block_at(m.start()).section, run[-1]
        return None

    def default_place(self, section: str) -> str:
        """The place named most often in the article, else in the whole document. 全国 and places
        named as a comparison base (比全国) are scopes of comparison, not what a page is about."""
        if self._visited and self._visited[0] == section:
            return self._visited[1]           # 记者来到上元观镇古路坝村，… / 记者：… 王建华：…: an interview's village
        if self.about and (not self.layout.news_items or self.about in SCOPES):
            return self.about                 # a report or bulletin is about its region (全国, 南阳市), and
                                              # a national release (国家统计局：…) about the country
        if self.about and self._one_story_of_about:
            return self.about                 # 来源：四川省交通运输厅 …全省跨区域人员流动量…: one story of the province's,
                                              # whatever city (成都东站) it names most
        self.places()
        if self._issuer and not self.layout.news_items:
            story = self._story_places.get(None)
            if story is not None and self._issuer in story[1]:
                return story[0]               # 点头镇：一片白茶… 来源：福鼎市融媒体中心: the town's story, from the city
            return self._issuer               # a report or bulletin is about its issuer (南阳市人民政府)
        self._count_places()
        # An article naming no place of its own is the paper's place's, not the place other articles name most.
        paper = self.paper
        found = self._section_place.get(section) or self._issuer or paper or self._doc_place
        if found and paper and found != paper and _encloses(found, lookup(paper)):
            return paper                      # 安徽 named in a story of 今日霍邱 (安徽鑫达…有限公司): the paper's county
        if found:
            return found
        venues = self._headline_venue_places
        if section not in venues and not self.layout.news_items and (title := self._title_block) is not None:
            return venues.get(title.section, "")    # 泼陂河镇中心卫生院2024年上半年工作总结 over 一、基本情况 …: a report's parts
                                            # are of its title's place
        return venues.get(section, "")

    @cached_property
    def _title_block(self) -> Block | None:
        """The document's first heading: its title."""
        return next((b for b in self.layout.blocks if b.kind == "heading"), None)

    @cached_property
    def _dated_title(self) -> Block | None:
        """The title that dates the document: its first heading, or, when that names no time, a heading right after
        it that does (仁寿县教育和体育局 over 关于2023年全县教育事业发展情况的报告, 开局平稳 起势向好 over
        ——2024年一季度全省经济运行情况分析: a title on two lines); not a news column's story (某区要闻 over
        【第四季度重大项目集中签约】)."""
        blocks = self.layout.blocks
        first = next((k for k, b in enumerate(blocks) if b.kind == "heading"), None)
        if first is None:
            return None
        if (PERIOD.search(blocks[first].text) is None and _NEWS_COLUMN.search(blocks[first].text) is None
                and first + 1 < len(blocks) and blocks[first + 1].kind == "heading"
                and not blocks[first + 1].text.startswith(_STORY_HEADLINE)
                and PERIOD.search(blocks[first + 1].text) is not None):
            return blocks[first + 1]
        return blocks[first]

    @cached_property
    def _headline_venue_places(self) -> dict[str, str]:
        """For each article, the last of the places its headline's first run of names holds (——台州市椒江区白云农贸市场
        摊主口述: 椒江区), what an article naming no place but inside a name is about; never a scope (…增速跑赢全国).
        Its headline: the headings stacked above it (_stacked_above) and its own. Read once a document (default_place
        asks for every paragraph)."""
        places = self.places()
        own: dict[str, list[Block]] = {}
        for b in self.layout.blocks:
            if b.kind == "heading":
                own.setdefault(b.section, []).append(b)
        found: dict[str, str] = {}
        for section in {*own, *self._stacked_above}:
            for b in (*self._stacked_above.get(section, ()), *own.get(section, ())):
                k = bisect_left(self._place_pos, b.offset)
                if k < len(places) and places[k][0] < b.offset + len(b.text):
                    pos, last = places[k][0], ""
                    while k < len(places) and places[k][0] == pos:     # (台州市椒江区: the run's last)
                        last = places[k][1]
                        pos, k = pos + len(last), k + 1
                    if last not in SCOPES:
                        found[section] = last
                    break
        return found

    def _count_places(self) -> None:
        """How often each article and the whole document name each place, counted once (and only when
        asked: a report or bulletin is about its own region)."""
        if self._section_place is not None:
            return
        per_section: dict[str, dict[str, int]] = {}     # counted in plain dicts (a Counter's += costs
        overall: dict[str, int] = {}                     # a Python call), made Counters once at the end
        leads: dict[str, set[str]] = {}                  # the places of each article's headline and first paragraph
        same_place: dict[str, str] = {}                  # a name -> the one of all its names that counts
        named_as: dict[str, str] = {}                    # that one -> how the document first names it
        first_body: dict[str, int] = {}
        for k, b in enumerate(self.layout.blocks):
            if b.kind == "body":
                first_body.setdefault(b.section, k)
        text = self.layout.text
        places, positions, levels = self.places(), self._place_pos, self._levels
        institutions = self._institution_words       # (most documents name none: no look-up per place)
        customs = self._customs_at                   # (nor a customs: no test per place)
        blocks = self.layout.blocks
        hi = 0
        for k, b in enumerate(blocks):         # block by block: the places up to the next block's offset
            lo = hi
            hi = bisect_left(positions, blocks[k + 1].offset) if k + 1 < len(blocks) else len(places)
            start = -1                         # where the block's places count from, read once a block
            counts = None
            for pos, name in places[lo:hi]:
                if (name in SCOPES or elsewhere(text, pos, pos + len(name)) or levels.get(name) in _SPEAK_FOR_SENTENCES
                        or is_origin(text, pos, name)
                        or (customs and pos + len(name) in customs)
                        or ((text[pos + len(name):pos + len(name) + 1] in STREET_AFTER
                             or (pos > 0 and text[pos - 1] in V.OPENING_BRACKETS)) and on_a_street(text, pos, name))
                        or (text[pos - 2:pos - 1] in PERSON_TITLE_ENDS and in_person_name(text, pos))
                        or (institutions and self.opens_institution(pos + len(name)))):
                    continue                   # scopes, comparison bases; towns and villages speak for their own sentences;
                                               # 北京交通大学…雄安校区: a university's name, not a place written of;
                                               # nor 南昌海关 (a province's customs)
                if start < 0:                  # after its dateline; a caption (图为…岳阳经济技术开发区内) never counts
                    start = len(text) if CAPTION.match(b.text) else b.offset + filed_from(b)
                if pos < start:
                    continue
                if counts is None:
                    counts = per_section.get(b.section)
                    if counts is None:
                        counts = per_section[b.section] = {}
                one = same_place.get(name)          # 成都市 and 成都 are one place, counted together
                if one is None:
                    one = same_place[name] = county_short_name(name) or short_name(name)
                    named_as.setdefault(one, name)
                counts[one] = counts.get(one, 0) + 1
                name = prefecture_alias_base(name) or name     # 恩施州 and 恩施: one name to count
                overall[name] = overall.get(name, 0) + 1
                if b.kind == "heading" or first_body.get(b.section) == k:
                    leads.setdefault(b.section, set()).add(one)
        # 全省 said again and again speaks for the one province its article's headline or lead names (江西省交通运输厅
        # 召开…发布会: 全省 thirteen times over 南昌 three, the headline stacked above the subtitle that opens the
        # article), as 全市 for the one city.
        for section, stacked in self._stacked_above.items():
            if section not in per_section:
                continue
            for b in stacked:
                lo, hi = bisect_left(positions, b.offset), bisect_left(positions, b.offset + len(b.text))
                for _, name in places[lo:hi]:
                    if (one := same_place.get(name)) is not None:
                        leads.setdefault(section, set()).add(one)
        bodies: dict[str, list[Block]] | None = None
        for section, lead in leads.items():
            counts = per_section.get(section)
            if counts is None:
                continue
            by_level: dict[str, list[str]] = {}
            for one in lead:
                by_level.setdefault(levels.get(named_as[one], ""), []).append(one)
            if not any(len(ones) == 1 and level in _WHOLE_VOTES for level, ones in by_level.items()):
                continue                       # (most articles: no lead place a 全省 could stand for)
            if bodies is None:                 # (each article's paragraphs, gathered once)
                bodies = {}
                for b in blocks:
                    if b.kind == "body":
                        bodies.setdefault(b.section, []).append(b)
            for b in bodies.get(section, ()):
                for m in GENERIC_PLACE.finditer(b.text):
                    level = V.LEVEL_OF_SUFFIX.get(m.group()[-1], "")
                    ones = by_level.get(level) if level in _WHOLE_VOTES and m.group()[0] in _WHOLE else None
                    if ones is not None and len(ones) == 1:
                        counts[ones[0]] = counts.get(ones[0], 0) + 1
        # A place named once, past an article's first paragraph (城东区满意率最高 in the last one), is one
        # of its parts, not what the article is about.
        # In one story under subheadings (not a page of articles), only its opening part has a lead: a place named
        # once in a later part's first paragraph (在潍城区一家汽车4S店) is an example, not what the part is about.
        opening = next((b.section for b in blocks if b.kind == "body"), None)
        self._section_place = {s: named_as[top] for s, c in per_section.items()
                               if (top := _most_named(c, leads.get(s, set())
                                                      if self.layout.news_items or s == opening else set()))}
        # A story whose headline says 全市 on a city paper's page (连云港日报: 前三季度全市外贸进出口增长6.2%) is the
        # paper's city's, though its body names a district's figures.
        paper = self.paper
        if paper and (paper_level := levels.get(paper)):
            for section in per_section:
                generic = first_generic(section)
                if generic and V.LEVEL_OF_SUFFIX.get(generic[-1]) == paper_level:
                    self._section_place[section] = paper
        # An article whose headline is about the country (前三季度我国社会消费品零售总额同比增长4.2%) is the
        # country's, though its body goes on to provinces' examples.
        for section in per_section:
            if _NATIONAL_HEADLINE.match(section) and not leads.get(section, set()) & set(named_as):
                self._section_place[section] = V.COUNTRY_SCOPES[0]
        self._overall = Counter(overall)
        # An article that names no place is about the page's place: one named across its articles, not
        # the county the page's longest story names (石门县's story lent it to the next article).
        articles = len(first_body)
        spread = {name: n for name, n in overall.items()
                  if articles < 2 or sum(name in c for c in per_section.values()) >= 2}
        self._doc_place = _most_named(spread, set().union(*leads.values()))
        self._of_level.clear()
        # A story whose headline names a town or a village (——平利县老县镇以茶产业引领乡村全面振兴, ——记天荒坪镇余村返乡
        # 青年…) and whose body calls it 全镇/镇里 (全村/村里) is the town's: its figures naming no place are the town's,
        # not those of the county its headline names it in (which is no subject of its own there).
        for section, (name, above) in self._story_places.items():
            for b in blocks:
                if (section is None or b.section == section) and self._section_place.get(b.section, "") in above:
                    self._section_place[b.section] = name
            if section is None:
                self._doc_place = name
        # An article that names no place but says 全省/我省 is about the page's province.
        for b in self.layout.blocks:
            if b.section in self._section_place:
                continue
            generic = first_generic(b.text)
            if generic and V.LEVEL_OF_SUFFIX[generic[-1]] != "乡":
                self._section_place[b.section] = self.place_of_level(V.LEVEL_OF_SUFFIX[generic[-1]]) or ""

    @cached_property
    def _story_places(self) -> dict[str | None, tuple[str, frozenset[str]]]:
        """The town or village each story is about, with the places its headline names above it ('' among them):
        a story whose headline names one (a village after a town's or county's name) and whose body speaks of it as
        全镇, 我镇, 该镇, 镇里 (全村, 村里 …) at least twice. A single story's (key None) spans every section under its
        subheadings; a page's are keyed by their articles' sections."""
        blocks = self.layout.blocks
        if not self.layout.news_items:
            heads = [b for b in blocks[:_HEADLINE_BLOCKS] if b.kind == "heading"]
            found = self._headline_place(heads, None)
            return {None: found} if found else {}
        by_section: dict[str, list[Block]] = {}
        for b in blocks:
            by_section.setdefault(b.section, []).append(b)
        out: dict[str | None, tuple[str, frozenset[str]]] = {}
        above = self._stacked_above
        for section, members in by_section.items():
            heads = above[section] + [b for b in members if b.kind == "heading"]
            if heads and (found := self._headline_place(heads, members)):
                out[section] = found
        return out

    def story_town_in(self, place: str) -> str:
        """The town or village a single story is about (_story_places) when ``place`` is one its headline names it
        in, else ''."""
        story = self._story_places.get(None)
        return story[0] if story is not None and place in story[1] else ""

    @cached_property
    def _town_short_names(self) -> dict[str, str]:
        """Each town the document names -> its name without 镇/乡/街道, when two characters or more are left."""
        out = {}
        for _, name in self.places():
            if name not in out and self._levels.get(name) == TOWN_LEVEL:
                short = name[:-len(_town_suffix(name))]
                if len(short) >= 2:
                    out[name] = short
        return out

    @cached_property
    def _stacked_above(self) -> dict[str, list[Block]]:
        """The headings stacked right above each section's first block (溪龙乡：… over the subtitle that opens its
        article's section; a page's kicker and title over its article)."""
        blocks = self.layout.blocks
        above: dict[str, list[Block]] = {}
        for k, b in enumerate(blocks):
            if b.section not in above:
                j = k
                while j > 0 and k - j < _HEADLINE_BLOCKS and blocks[j - 1].kind == "heading":
                    j -= 1
                above[b.section] = blocks[j:k]
        return above

    def _headline_place(self, heads: list[Block], members: list[Block] | None) -> tuple[str, frozenset[str]] | None:
        """(_story_places) for one story: its headline's blocks, and the blocks its body is read from (None: the
        whole document)."""
        places, positions = self.places(), self._place_pos
        named: list[tuple[int, str]] = []
        villages: set[str] = set()
        for b in heads:
            lo, hi = bisect_left(positions, b.offset), bisect_left(positions, b.offset + len(b.text))
            named += places[lo:hi]
            villages.update(m.group() for m in _HEADLINE_VILLAGE.finditer(b.text) if is_village_name(m.group()))
        body = None
        if not villages and _VILLAGE in (heads_text := "".join(b.text for b in heads)):
            # 黄湾村的日子越过越红火 over a story of 光山县泼陂河镇黄湾村: a village the headline names alone, that the
            # body names after its town
            body = self._story_body(members)
            villages.update(m.group() for m in _HEADLINE_VILLAGE.finditer(body)
                            if m.group() in heads_text and is_village_name(m.group()))
        towns = {name for _, name in named if self._levels.get(name) == TOWN_LEVEL}
        if not towns and not villages:
            # 感德：一片叶子“富”了一方百姓 over a story of 感德镇: a town the story names, by its short name
            text = "".join(b.text for b in heads)
            towns = {name for name, short in self._town_short_names.items() if short in text}
        if len(villages) == 1:
            name, suffix = next(iter(villages)), _VILLAGE
        elif len(towns) == 1 and not villages:
            name = next(iter(towns))
            suffix = _town_suffix(name)
        else:
            return None
        if body is None:                                 # (read only for a story whose headline names a town)
            body = self._story_body(members)
        own = (sum(body.count(word + suffix) for word in _OWN_PLACE_BEFORE)
               + sum(body.count(suffix + word) for word in _WITHIN))
        if own < _OWN_PLACE_NAMED and (self.about not in ("", name) or self._issuer not in ("", name)
                                       or not self._names_no_other(name, named)
                                       or any(word in body for word in _HIGHER_OWN_WORDS)):
            return None               # (a story naming no place but its headline's is its town's, 全镇 or not, unless
                                      # a county issued it or is its document's place, or it speaks of 县里/全县:
                                      # ——访沂南县岸堤镇金秋果蔬种植专业合作社理事长…)
        # (and the places its name follows anywhere: 走进安吉县溪龙乡, 光山县泼陂河镇黄湾村)
        text = self.layout.text
        prefixes = {place for pos, place in places if text.startswith(name, pos + len(place))}
        return name, frozenset({"", *prefixes, *(n for _, n in named if n != name)})

    def _names_no_other(self, name: str, named: list[tuple[int, str]]) -> bool:
        """Whether the document names no place but ``name``, the places its headline names (``named``) and the
        country or the divisions they lie in (临沂, 山东 over 沂南县岸堤镇)."""
        own = {name, *(n for _, n in named)}
        return all(n in own or n in SCOPES or any(self.encloses(n, o) for o in own) for _, n in self.places())

    def _story_body(self, members: list[Block] | None) -> str:
        """The text of a story's body: its members' body blocks (None: the whole document)."""
        return self.layout.text if members is None else "".join(b.text for b in members if b.kind == "body")

    def town_before(self, pos: int, reach: int = 1500) -> str:
        """The town or township named last before ``pos`` of the layout's text (within ``reach`` characters)."""
        places = self.places()
        k = bisect_right(self._place_pos, pos) - 1
        while k >= 0 and places[k][0] >= pos - reach:
            if self._levels.get(places[k][1]) == "乡":
                return places[k][1]
            k -= 1
        return ""

    def quoted_on(self, block: Block) -> Block | None:
        """The paragraph a paragraph that opens with a quote goes on from (the body paragraph before it in
        its article: “10月份，全省超过六成的工业行业…” after 广东's figures is 广东's), else None."""
        if block.text[:1] not in V.OPENING_QUOTES or not block.text:
            return None
        if _QUOTED_TERM.match(block.text):
            return None           # “十四五”以来，全市…: a quoted term opening the paragraph, no one's words
        k = self._block_index.get(id(block), 0) - 1
        before = self.layout.blocks[k] if k >= 0 else None
        return before if before is not None and before.kind == "body" and before.section == block.section else None

    def place_before(self, pos: int, level: str, floor: int) -> str:
        """The place of that level (省, 市, 县) named last before ``pos``, not before ``floor`` (its paragraph's
        start): what a 全省 after 广东省统计局20日发布 means on a page about many provinces."""
        places = self.places()
        k = bisect_right(self._place_pos, pos) - 1
        while k >= 0 and places[k][0] >= floor:
            name = places[k][1]
            if (self._levels.get(name) == level or (level == "市" and name in V.MUNICIPALITIES)
                    or (level == "市" and self.full_names.get(name, name).endswith(_CITY))):
                return name            # (浏阳市…全市: a county-level city's 全市 is itself)
            k -= 1
        return ""

    def place_of_level(self, level: str) -> str:
        """The place of that level (省, 市, 县) the document names most: what its 全省 means."""
        found = self._of_level.get(level)
        if found is None:
            self._count_places()
            found = self._of_level[level] = next(
                (name for name, _ in self._overall.most_common()
                 if self.level(name) == level or (level == _CITY and name in V.MUNICIPALITIES)), "")
            if not found:
                # none counted (记者从湖南省发展改革委获悉: a source's name): the one place of that level it names at all
                named = {name for _, name in self.places() if self.level(name) == level and name not in SCOPES}
                if len(named) == 1:
                    found = self._of_level[level] = named.pop()
                elif not named and level == PROVINCE_LEVEL:
                    found = self._of_level[level] = self._province_of_cities()
        return found

    def _province_of_cities(self) -> str:
        """The one province every prefecture-level city the document names lies in, when it names two or more
        and no province (省发展改革委…全省…合肥、芜湖、滁州: 安徽省), else ''."""
        provinces, cities = set(), set()
        for _, name in self.places():
            if self.level(name) == _CITY and name not in cities and (region := lookup(name)) is not None:
                cities.add(name)
                provinces.add(region.code[:2])
        if len(cities) < 2 or len(provinces) != 1 or (province := by_code(provinces.pop() + "0000")) is None:
            return ""
        return province.name

