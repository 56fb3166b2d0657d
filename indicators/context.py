"""What a fact is about: its period, its region and a short indicator phrase, read from the text
around it (its clause, its sentence, the head of its paragraph, its article)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .gazetteer import find_places, issuer_places, leading_place, place_levels, town_names
from .layout import DATELINE, Block, Layout

# ---- periods -------------------------------------------------------------------------------
_CN_NUM = "[一二三四五六七八九十]{1,3}"
_MONTH_NUM = rf"(?:[0-9]{{1,2}}|{_CN_NUM})"
_YEAR = r"(?:(?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4})年度?|今年|明年|本年度?|当年|同年"
_QUARTER = r"(?:前|第)?[一二三四1-4１-４]季度|上半年|下半年|前[0-9一二三四五六七八九十]{1,2}个月|全年"
_MONTH = (
    rf"{_MONTH_NUM}(?:\s*[-—–~～至到]\s*{_MONTH_NUM})?月份?"
    rf"(?:{_MONTH_NUM}日)?(?:以来|底|末|上旬|中旬|下旬)?"
)
_SPECIAL = (
    rf"(?:近|过去|未来|今后|最近)(?:[0-9]{{1,2}}|{_CN_NUM})(?:年|天|个月|周)(?:来|间|内)?"
    rf"|(?:[0-9]{{1,2}}|{_CN_NUM})年来"
    r"|[“\"]?(?:元旦|春节|清明|五一|端午|中秋|国庆|十一)[”\"]?(?:[0-9一二三四五六七八九]天)?(?:小长假|长假|假期|黄金周|期间)+"
    r"|元旦|春节|清明节|端午节|中秋节|国庆节"
    r"|目前|当前|截至目前|报告期内|报告期末|[\u4e00-\u9fff]{2}期间"
    r"|年初以来|今年以来|年初至今|年底前|年底|年末|年初|年内|截至[^，,。；;\n]{1,14}?(?:底|末|日)"
    r"|[“\"]?十[一二三四五六七八九]五[”\"]?(?:期间|时期|以来|末)"
)
# 上年/去年 alone is the base of a comparison (比上年增长), a period only with a month or quarter.
PERIOD = re.compile(
    rf"(?:{_YEAR})(?:{_QUARTER}|{_MONTH}|以来|底|末|初)?|(?:去年|上年)(?:{_QUARTER}|{_MONTH}|同期|末|底)?"
    rf"|{_SPECIAL}|{_QUARTER}|{_MONTH}"
)

def _filed_from(block: Block) -> int:
    """Length of a dateline such as 本报常州、榆林8月28日电: the places in it are where the story was
    filed, not what it is about (【城厢镇】, by contrast, is)."""
    m = DATELINE.match(block.text)
    return m.end() if m and m.group().endswith("电") else 0


_LISTED = frozenset("、和及与等")
_SCOPES = frozenset({"全国", "我国"})
_CAPTION = re.compile(r"\s*(?:图为|图：|图:|（图|\(图)")
_COMPARISON_BASE = frozenset("比较于")   # 比上年, 较上年同期, 高于全国: the base of a comparison

# ---- indicator phrase ----------------------------------------------------------------------
_CLAUSE_SEPARATORS = "，,；;：:。！？!?、"
_BRACKETED = regex.compile(r"（[^（）]*）|\([^()]*\)|【[^【】]*】")
_DECOR = regex.compile(r"[“”\"《》「」‘’\s]")
_LEADING = regex.compile(
    r"^(?:其中|同时|此外|另外|而且|并且|据统计|据介绍|经统计|目前|截至目前|已经|预计|力争|计划|当天|当日|全年"
    r"|全市|全县|全省|全区|全镇|全国|共计|合计|总计|累计|共|还|也|均|分别|并|和|及|以及|与|其|已|另|仅)+"
)
_TRAILING = regex.compile(
    r"(?:达到了|达到|达|分别为|分别|约为|约|为|是|有|共有|共计|共|累计|合计|总计|近|超过|突破|实现|增至|升至|降至"
    r"|提高到|提高至|提升到|提升至|上升到|上升至|下降到|下降至|增加到|增加至|减少到|减少至|增长到|增长至"
    r"|压缩至|压缩到|缩短至|缩短到|控制在|保持在|稳定在|分为|仅|了|的|已|在|到|至|经过|经)+$"
)
# A clause that only says how a figure changed (同比增长, 较上届增加, 比上年末提高): it is about the
# figure named before it.
_CHANGE_ONLY = regex.compile(
    r"^(?:同比|环比|(?:比|较)[^，,；;。]{0,6}?|与上年相比|年均|分别)*"
    r"(?:增长|增加|提高|提升|上升|上涨|增|扩大|下降|减少|降低|回落|下滑|下跌|降|减|收窄|缩小|多增|少增|净增)?(?:了)?$"
)
_FOLLOW_STOP = regex.compile(
    r"齐聚|落户|入驻|参加|参与|开展|进行|实现|完成|达到|成为|获得|签约|开工|投产|建成|纳入|蓄势|已|将|被|正在|正式"
    r"|正|于|是|为|和|与|及|等|也|都|均|并|从|向|对|把|让|使|由|到|至|同比|比|共|累计"
)
# A rate or amount followed by what is granted (给予补助, 一次性奖励): the grant names the figure.
_GRANT = regex.compile(r"(?:给予|予以)?(?:一次性)?(?:补助|奖励|补贴|贴息|奖补|资助)")
_CAP_WORDS = ("最高", "最多", "上限")
_DIGITS = regex.compile(r"[0-9０-９.．%％]+")
_MAX_BEFORE = 16
_CLAUSE_BREAK = re.compile(r"[，,；;。]")
_SENTENCE_BREAK = re.compile(r"[。！？!?]")
_MAX_CLAUSE = 200       # bounds every scan around a fact, so time stays linear on unpunctuated text
_MAX_AFTER = 14
_FOLLOWING_KINDS = frozenset({"count", "money", "quantity", "area", "duration"})


def _clean(phrase: str) -> str:
    return _DECOR.sub("", _BRACKETED.sub("", phrase))


@lru_cache(maxsize=65536)
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
    return _TRAILING.sub("", phrase)


def _scan_back(text: str, pos: int, floor: int, stops: str) -> int:
    """Start of the stretch ending at ``pos`` after the last of ``stops``, looking back at most
    _MAX_CLAUSE characters (and not before ``floor``), so unpunctuated text stays linear."""
    i = pos - 1
    if pos - _MAX_CLAUSE > floor:
        floor = pos - _MAX_CLAUSE
    while i >= floor and text[i] not in stops:
        i -= 1
    return i + 1


def _clause_start(text: str, pos: int, floor: int) -> int:
    return _scan_back(text, pos, floor, _CLAUSE_SEPARATORS)


def following_phrase(text: str, end: int) -> str:
    """The noun phrase right after a count or amount (47条 *热线*, 10亿余元 *启动资金*)."""
    tail = text[end:end + 40]
    for word in ("以内", "之内", "以下", "左右", "内"):
        if tail.startswith(word):
            tail = tail[len(word):]
            break
    if tail.startswith("的"):
        tail = tail[1:]
    out = []
    kept = 0
    for i, ch in enumerate(tail):
        if ch in _CLAUSE_SEPARATORS or ch in "（(）)\n" or kept >= _MAX_AFTER:
            break
        if _FOLLOW_STOP.match(tail, i):
            break
        out.append(ch)
        kept += not _DECOR.match(ch)
    return _clean("".join(out))


@dataclass
class BlockContext:
    """Periods and places found in one block, with positions in the block's joined text."""

    periods: list[tuple[int, str]]
    places: list[tuple[int, str]]
    head_end: int                 # end of the paragraph's first clause
    generic_place: str            # the first 全省/全市 … in the paragraph, or ''
    _period_pos: list[int] = field(default_factory=list)
    _place_pos: list[int] = field(default_factory=list)
    first_period: int | None = None          # index of the paragraph's first period that is not a day

    def __post_init__(self) -> None:
        self._period_pos = [p for p, _ in self.periods]
        self._place_pos = [p for p, _ in self.places]
        self.first_period = next((k for k, (_, name) in enumerate(self.periods) if not _is_day(name)), None)


@dataclass
class DocumentContext:
    """Per-document memo of what the context rules need, so no block is scanned twice."""

    text: str
    layout: Layout
    _blocks: dict[int, BlockContext] = field(default_factory=dict)
    _places: list[tuple[int, str]] | None = None       # every place name in the document, one pass
    _place_pos: list[int] = field(default_factory=list)
    _levels: dict[str, str] = field(default_factory=dict)    # place -> 省/市/县
    _title_period: str | None = None
    _issuer: str = ""                                         # the place the document's head names
    _section_place: dict[str, str] | None = None
    _overall: Counter = field(default_factory=Counter)
    _doc_place: str = ""

    def places(self) -> list[tuple[int, str]]:
        if self._places is None:
            self._levels = dict(place_levels())
            places = find_places(self.text)
            issuers = issuer_places(self.text)
            self._issuer = next(iter(issuers), "")
            extra = {n: lv for n, lv in issuers.items() if n not in self._levels}
            extra.update({n: "乡" for n in town_names(self.text) if n not in self._levels})
            if extra:                      # names the gazetteer lacks, wherever the text repeats them
                self._levels.update(extra)
                pattern = re.compile("|".join(sorted(map(re.escape, extra), key=len, reverse=True)))
                places = sorted(places + [(m.start(), m.group()) for m in pattern.finditer(self.text)])
            self._places = places
            self._place_pos = [p for p, _ in self._places]
        return self._places

    def block(self, block: Block) -> BlockContext:
        key = id(block)
        ctx = self._blocks.get(key)
        if ctx is None:
            places = self.places()
            lo = bisect_right(self._place_pos, block.start - 1)
            hi = bisect_right(self._place_pos, block.end)
            skip_to = _filed_from(block)
            local = [(block.local(p), n) for p, n in places[lo:hi]
                     if block.contains(p, len(n)) and self.text[p - 1:p] not in _COMPARISON_BASE
                     and block.local(p) >= skip_to]
            # 比上半年, 较上年同期: the base of a comparison is not the fact's period.
            periods = [(m.start(), m.group()) for m in PERIOD.finditer(block.text)
                       if block.text[m.start() - 1:m.start()] not in _COMPARISON_BASE or m.start() == 0]
            generic = _GENERIC_PLACE.search(block.text)
            ctx = BlockContext(periods, local, _first_clause_end(block.text), generic.group() if generic else "")
            self._blocks[key] = ctx
        return ctx

    def title_period(self) -> str:
        """A report's or bulletin's title period (2024年1-10月份…运行情况); news pages have none."""
        if self._title_period is None:
            self._title_period = ""
            title = next((b for b in self.layout.blocks if b.kind == "heading"), None)
            if title is not None and not self.layout.news_items:
                m = PERIOD.search(title.text)
                if m and not _is_day(m.group()):
                    self._title_period = m.group()
        return self._title_period

    def level(self, place: str) -> str:
        self.places()
        return self._levels.get(place, "")

    def default_place(self, section: str) -> str:
        """The place named most often in the article, else in the whole document. 全国 and places
        named as a comparison base (比全国) are scopes of comparison, not what a page is about."""
        if self._section_place is None:
            per_section: dict[str, Counter] = {}
            overall: Counter = Counter()
            text = self.text
            filed_until: dict[int, int] = {}   # block -> document offset where its dateline ends
            for pos, name in self.places():
                if name in _SCOPES or text[pos - 1:pos] in _COMPARISON_BASE or self._levels.get(name) == "乡":
                    continue                   # scopes, comparison bases; towns speak for their own sentences
                b = self.layout.block_at(pos)
                if b is None or _CAPTION.match(b.text):
                    continue                   # 图为…岳阳经济技术开发区内: a photo, not the story
                key = id(b)
                if key not in filed_until:
                    filed_until[key] = b.start + _filed_from(b)
                if pos < filed_until[key]:
                    continue
                per_section.setdefault(b.section, Counter())[name] += 1
                overall[name] += 1
            self._section_place = {s: c.most_common(1)[0][0] for s, c in per_section.items() if c}
            self._doc_place = overall.most_common(1)[0][0] if overall else ""
            self._overall = overall
            # An article that names no place but says 全省/我省 is about the page's province.
            for b in self.layout.blocks:
                if b.section in self._section_place:
                    continue
                generic = _first_generic(b.text)
                if generic and _GENERIC_LEVEL[generic[-1]] != "乡":
                    self._section_place[b.section] = self.place_of_level(_GENERIC_LEVEL[generic[-1]]) or ""
        if self._issuer and not self.layout.news_items:
            return self._issuer               # a report or bulletin is about its issuer (南阳市人民政府)
        return self._section_place.get(section) or self._issuer or self._doc_place

    def town_before(self, doc_pos: int, reach: int = 1500) -> str:
        """The town or township named last before ``doc_pos`` (within ``reach`` characters)."""
        places = self.places()
        k = bisect_right(self._place_pos, doc_pos) - 1
        while k >= 0 and places[k][0] >= doc_pos - reach:
            if self._levels.get(places[k][1]) == "乡":
                return places[k][1]
            k -= 1
        return ""

    def place_of_level(self, level: str) -> str:
        """The place of that level (省, 市, 县) the document names most: what its 全省 means."""
        return next((name for name, _ in self._overall.most_common() if self.level(name) == level), "")


def period_for(doc: DocumentContext, ctx: BlockContext, block: Block, local: int,
               sentence: tuple[int, int]) -> str:
    """The time expression that governs a fact (GUIDELINES: in its own clause or sentence, else at
    the head of its paragraph), in this order: the nearest one before it in its clause; the first
    one before it in its sentence (after its last semicolon, if any); one later in its own clause;
    the one at the head of its paragraph, else the nearest before it there; in a report or bulletin
    (not a news page), the period of the document's title. A calendar day (4月17日, usually the
    date of a release or an event) counts only when nothing else does. A bare 全年/年底 is prefixed
    by the year its sentence opens with (明年…全年 -> 明年全年, 今年…截至5月底 -> 今年截至5月底)."""
    text = block.text
    s0, s1 = sentence
    positions, periods = ctx._period_pos, ctx.periods
    if not positions:
        return doc.title_period()
    lo = bisect_right(positions, s0 - 1)
    mid = bisect_right(positions, local - 1)
    in_sentence_before = [p for p in periods[max(lo, mid - 16):mid] if not _is_day(p[1])]
    if in_sentence_before and in_sentence_before[-1][0] >= _clause_start(text, local, s0):
        found = in_sentence_before[-1][1]
        head = in_sentence_before[0][1]
        if found in _YEAR_PARTS and head != found and _STARTS_WITH_YEAR.match(head):
            return head + found
        return found
    if in_sentence_before:
        # 1-7月，…；上半年，…58亿元: the part after the last semicolon speaks first.
        segment0 = _segment_start(text, local, s0)
        in_segment = [p for p in in_sentence_before if p[0] >= segment0] or in_sentence_before
        first, nearest = in_segment[0][1], in_segment[-1][1]
        if nearest != first and _BARE_YEAR.fullmatch(first):
            return first + nearest
        return first
    clause1 = _clause_end(text, local, s1)
    later = [p for p in periods[mid:bisect_right(positions, clause1 - 1)] if not _is_day(p[1])]
    if later:
        return later[0][1]
    # Earlier in the paragraph: its head, else the nearest (scans stop early: no quadratic time).
    head = ctx.first_period
    if head is not None and head < mid:
        if periods[head][0] < ctx.head_end:
            return periods[head][1]
        k = mid - 1
        while _is_day(periods[k][1]):
            k -= 1
        return periods[k][1]
    title = doc.title_period()
    if title:
        return title
    days = periods[lo:bisect_right(positions, clause1 - 1)]
    return days[0][1] if days else ""


_DAY = re.compile(r"(?!截至).*[0-9一二三四五六七八九十]日$")
_YEAR_PARTS = frozenset({"全年", "年内", "年底", "年末", "年底前", "年初"})
_BARE_YEAR = re.compile(r"(?:19|20)[0-9]{2}年|今年|明年|去年|本年|当年")
_STARTS_WITH_YEAR = re.compile(r"(?:(?:19|20)[0-9]{2}年|今年|明年|去年|上年|本年|当年)")


def _segment_start(text: str, pos: int, floor: int) -> int:
    return _scan_back(text, pos, floor, "；;。")


def _is_day(period: str) -> bool:
    return bool(_DAY.match(period))


def _clause_end(text: str, pos: int, limit: int) -> int:
    """End of the clause at ``pos``, looking no further than _MAX_CLAUSE characters: on a page
    without punctuation every fact would otherwise scan to the end of the text."""
    limit = min(limit, pos + _MAX_CLAUSE)
    m = _CLAUSE_BREAK.search(text, pos, limit)
    return m.start() if m else limit


def _first_clause_end(text: str) -> int:
    """End of the paragraph's head: its first sentence (at most 120 characters)."""
    m = _SENTENCE_BREAK.search(text, 0, 120)
    return m.start() if m else min(len(text), 120)


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
    for m in _GENERIC_PLACE.finditer(text, max(s0, local - _MAX_CLAUSE), local):
        if text[m.start() - 1:m.start()] not in _COMPARISON_BASE:    # 高于全省平均水平
            generic = m
    if generic is not None:
        return _resolve_generic(doc, generic.group(), default, block.start + local)
    clause_end = _clause_end(text, local, s1)
    j = i + 1
    if j < len(ctx._place_pos) and ctx._place_pos[j] < clause_end:
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


_GENERIC_LEVEL = {"省": "省", "市": "市", "州": "市", "盟": "市", "县": "县", "区": "县", "旗": "县",
                  "镇": "乡", "乡": "乡"}


def _resolve_generic(doc: DocumentContext, generic: str, default: str, doc_pos: int) -> str:
    """全市 in an article about 鞍山 is 鞍山; 全区 in 吴兴区's notice is 吴兴区; 全镇 is the town named last."""
    level = _GENERIC_LEVEL[generic[-1]]
    if level == "乡":
        return doc.town_before(doc_pos) or generic
    if default and doc.level(default) == level:
        return default
    return doc.place_of_level(level) or generic


def _first_generic(text: str) -> str:
    for m in _GENERIC_PLACE.finditer(text):
        if text[m.start() - 1:m.start()] not in _COMPARISON_BASE:
            return m.group()
    return ""


# Used only when no place is named anywhere in the document: 全省地区生产总值 … -> 全省.
_GENERIC_PLACE = regex.compile(r"全(?:省|市|县|区|州|盟|旗|镇|乡)|(?:本|我)(?:省|市|县|区|镇|乡)")


def indicator_for(block: Block, local_start: int, local_end: int, kind: str, floor: int,
                  previous: str) -> str:
    """A short phrase naming what the number measures.

    ``floor`` is where the clause may start at the earliest (the end of the previous fact in it);
    ``previous`` is the indicator of the fact before in the same sentence, used when the clause only
    says 同比增长.
    """
    text = block.text
    start = _clause_start(text, local_start, floor)
    before = _strip_edges(_clean(text[start:local_start]))[-_MAX_BEFORE:]
    if previous and _CHANGE_ONLY.match(before) and (kind == "growth" or (before and before[0] in "比较同环")):
        return previous + _clean(text[start:local_start]).lstrip("，,")[-8:]
    if len(before) <= 1 and previous and start == floor:
        return previous
    after = following_phrase(text, local_end) if kind in _FOLLOWING_KINDS or not before else ""
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
    prev_start = _clause_start(text, max(start - 1, 0), 0)
    return _strip_edges(_DIGITS.sub("", _clean(text[prev_start:max(start - 1, prev_start)])))[-_MAX_BEFORE:]


_RESPECTIVELY = regex.compile(r"分别(?:为|是|有|达到|达|占|(?P<change>增长|下降|增加|减少|提高|降低|回落|上涨))?")
_ITEM_SPLIT = regex.compile(r"[、和及与]")


def _respectively_clause(text: str, local_start: int, floor: int) -> tuple[int, regex.Match | None]:
    start = _scan_back(text, local_start, floor, "，,；;：:。！？!?")
    return start, _RESPECTIVELY.search(text, start, local_start)


def respective_items(block: Block, local_start: int, floor: int, count: int,
                     earlier: list[str]) -> list[str]:
    """One name per value after 分别, or [] when the text does not give them:
    樟子松、刺槐分别为1000株、5000株 -> 樟子松, 刺槐; 城乡居民收入分别增长… -> 城镇居民收入, 农村居民收入
    (GUIDELINES); 收入X亿元、游客Y万人次，分别增长a%、b% -> the figures just before (``earlier``)."""
    start, m = _respectively_clause(block.text, local_start, floor)
    if not m:
        return []
    subject = _strip_edges(_clean(block.text[start:m.start()]))
    items = [item for item in _ITEM_SPLIT.split(subject) if item]
    if len(items) == 1 and count == 2 and "城乡" in items[0]:
        return [items[0].replace("城乡", "城镇", 1), items[0].replace("城乡", "农村", 1)]
    if not subject and len(earlier) >= count:
        change = m.group("change") or ""
        return [name + change for name in earlier[-count:]]
    return items


def respective_places(ctx: BlockContext, block: Block, local_start: int, floor: int) -> list[str]:
    """The places listed before 分别 (沈阳市和大连市…分别增长5.6%和6.1%), in order; [] when none."""
    start, m = _respectively_clause(block.text, local_start, floor)
    if not m:
        return []
    return [name for pos, name in ctx.places if start <= pos < m.start()]
