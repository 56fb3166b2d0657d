"""The extractor's regular expressions, composed from small named pieces and the unit lexicon.

Everything here is built once (``functools.cache``) and shared: compiling is the only slow step.
Patterns that scan whole documents use the standard ``re`` engine, about three times faster here
than ``regex`` on these character-class-heavy patterns; all of them are free of nested quantifiers,
so their time grows linearly with the text.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from .numbers import ARABIC, ARABIC_DIGIT, CHINESE, CN_BIG_UNITS, CN_DIGITS, CN_SMALL_UNITS
from .paths import read_data
from .scan import finditer_at, finditer_near
from .vocab import (
    ABSOLUTE_DOWN,
    ABSOLUTE_UP,
    CHANGE_DOWN,
    CHANGE_UP,
    CLAUSE_END,
    CLOSING_QUOTES,
    COMPARED_FEWER,
    COMPARED_MORE,
    LIST_COMMA,
    OPENING_QUOTES,
    PER_UNIT_DOWN,
    PER_UNIT_UP,
    RATE_DOWN,
    RATE_UP,
    SPLIT_COLONS,
    alternation,
    char_class,
)

# A minus sign before a figure (增长-8.6%, 增速为负1.2%): part of the mention and the value.
SIGNS = "-−－负"
# 负 is a sign only after a link word or punctuation (为负1.2%), not inside a word (税负3500亿元).
_BEFORE_NEGATIVE = "为是至到达了在，,：:（("
# Approximation words before a number, longest first; they belong to the mention.
PREFIX_QUALIFIERS: dict[str, str] = {
    "不少于": "at_least", "至少": "at_least", "不低于": "at_least",
    "不超过": "at_most", "最多": "at_most", "至多": "at_most", "不高于": "at_most",
    "不到": "less_than", "不足": "less_than", "低于": "less_than", "少于": "less_than",
    "超过": "more_than", "逾": "more_than", "超": "more_than", "高于": "more_than",
    "突破": "more_than", "已过": "more_than",       # 收割进度已过六成
    "上": "more_than",        # 上千家, 上万人次: only before a bare 百/千/万/亿 (below)
    "大约": "approx", "约": "approx", "近": "approx", "将近": "approx", "接近": "approx",
    "约为": "approx", "约有": "approx", "约达": "approx", "约合": "approx",
    "差不多": "approx", "大概": "approx",      # (speech: 差不多一万五千斤, 大概三十个人)
    "快": "approx",        # 干了快三十年了, 挂了快一个月: only after 了 or before a figure closed by 了 (below)
}
# (多达 and 高达 say a figure is large, not that it is exceeded: 其中伊川县多达43天 is 43 days, exact.)
# 约 ending a word (签约28个项目, 节约3000万元, 履约保证金) is no approximation.
ENDS_WORD_WITH_YUE = "签节制预合条公特履违契相邀婚简集缔践"
CONVERTED_TO = "折合"


def _qualifiers_before() -> str:
    """The alternation of PREFIX_QUALIFIERS, longest first, 约… only where it opens a word."""
    not_a_word_end = rf"(?:(?<!{char_class(ENDS_WORD_WITH_YUE)})|(?<={CONVERTED_TO}))"     # (折合约9.6万元: 折合 and 约)
    return "|".join(not_a_word_end + re.escape(w) if w.startswith("约")
                    else _REACHING if w == _REACHING_WORD else _NEARLY if w == _NEARLY_WORD else re.escape(w)
                    for w in sorted(PREFIX_QUALIFIERS, key=len, reverse=True))


# 上 reaches a round number (上千家企业, 上万人次), never a counted one (上一年, 上3个月: the one before).
_REACHING_WORD = "上"
_REACHING = r"(?<![比较与])上(?=[百千万亿](?![分]))"
# 快 is "nearly" after 了 (干了快三十年了, 挂了快一个月) or before a time closed by 了 (摆摊快十年了, 开产快10个月了);
# not in a comparison (比去年同期快3天, 比城镇居民快2.4个百分点: faster by), nor 最快2小时到账 (at most)
_NEARLY_WORD = "快"
_NEARLY = r"(?:(?<=了)快|(?<![比较加最很更越])快(?=[0-9一二两三四五六七八九十百]{1,4}[个多来余]?\w?了))"


# Two neighbouring digits that say "two or three" (两三块钱, 五六千元, 三五天): matches the first
VAGUE_PAIR = re.compile(r"一(?=两)|两(?=三)|三(?=[四五])|四(?=五)|五(?=六)|六(?=七)|七(?=八)|八(?=九)")
# ... after tens (十五六个工人 15 or 16, 二十七八岁): the pair's two digits only follow one another (not 十三五, 十一两)
TENS_VAGUE_PAIR = re.compile(r"(?P<tens>[二三四五六七八九]?十)(?:二(?=三)|三(?=四)|四(?=五)|五(?=六)|六(?=七)|七(?=八)|八(?=九))")

# Words between the number and the unit (3.7万余人, 十多个).
INNER_QUALIFIERS: dict[str, str] = {"余": "more_than", "多": "more_than", "几": "more_than", "来": "approx"}
# Words after the unit. 左右 and 以上 belong to the mention; 以内/以下 bound it without being part of it.
SUFFIX_QUALIFIERS: dict[str, str] = {"左右": "approx", "上下": "approx", "以上": "more_than", "及以上": "more_than",
                                     "有余": "more_than", "出头": "more_than"}     # (亩产一千三百斤出头)
BOUND_AFTER: dict[str, str] = {"以内": "at_most", "之内": "at_most", "以下": "at_most", "内": "at_most"}
# Every word after a figure that bounds it, with what it says (8000套(间)以上: past a unit's other name too),
# longest first
WORDS_AFTER: dict[str, str] = dict(sorted({**SUFFIX_QUALIFIERS, **BOUND_AFTER}.items(), key=lambda w: -len(w[0])))
# A unit's other name in brackets right after it: 8000套(间), 2,960台（套）
UNIT_ALIAS = r"[（(][\u4e00-\u9fff]{1,2}[）)]"


@dataclass(frozen=True)
class UnitInfo:
    unit: str           # the unit reported (个工作日 -> 工作日)
    kind: str           # count, money, quantity, area, duration, ratio, growth
    weak: bool          # needs Arabic digits or a qualifier (一期, 四级)
    blocked_after: str  # characters that make unit + next char another word
    words_after: tuple[str, ...] = ()   # ... unless one of these words starts there (12000元区间, 31个人民法庭)


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, UnitInfo]      # surface -> info
    latin: frozenset[str]           # surfaces written in Latin letters


@cache
def lexicon() -> Lexicon:
    raw = tomllib.loads(read_data("units.toml"))
    blocked = raw.pop("blocked_after", {})
    unblocked = raw.pop("unblocked_after", {})
    units: dict[str, UnitInfo] = {}
    latin: set[str] = set()
    for kind, table in raw.items():
        weak = set(table.get("weak", []))
        real_kind = table.get("kind", kind)
        for surface, unit in table["units"].items():
            units[surface] = UnitInfo(unit, real_kind, surface in weak, blocked.get(surface, ""),
                                      tuple(unblocked.get(surface, ())))
            if kind == "latin":
                latin.add(surface)
    return Lexicon(units, frozenset(latin))


def _prefix_tree(words) -> str:
    """The alternation of ``words`` that matches what ``alternation(words)`` matches, trying the words
    that match in the same order (longest first), with the words grouped by their first character (then
    their second …) and the words of one character that start no other word in one character class.
    re tries an alternation's branches one by one: over some 200 units, that cost as much as the rest
    of fact_pattern() together."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        by_first.setdefault(word[:1], []).append(word[1:])
    ends_here = by_first.pop("", None) is not None
    branches, alone = [], ""
    for first, rests in by_first.items():
        if rests == [""]:
            alone += first
        elif len(rests) == 1:
            branches.append(re.escape(first + rests[0]))
        else:
            branches.append(f"{re.escape(first)}(?:{_prefix_tree(rests)})")
    if alone:
        branches.append(char_class(alone))
    if ends_here:
        branches.append("")          # the word that ends here, after all the longer ones
    return "|".join(branches)


@cache
def fact_pattern() -> re.Pattern[str]:
    """One pass over the text finds every number that carries a unit.

    Groups: pre (qualifier), num, inner (余/多/来), mult, inner2, unit, post (左右/以上).
    The checks that need context (dates, ordinals, names, thresholds) happen in the extractor.
    """
    lex = lexicon()
    cjk_units = [u for u in lex.units if u not in lex.latin]
    number = (
        rf"(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ.．_×*＊])(?<![0-9]/)"   # not inside a code, a longer number, 7×24, 1/3
        rf"(?P<num>{ARABIC}|(?<![{CHINESE_CHARS}])(?:{CHINESE}|[万亿]))"   # 万 alone: 近万人, 万余人次
    )
    # Optional parts are written (?:(?P<name>…)|), which re runs faster than the same (?P<name>…)?; and
    # (?=[…]) opens an optional alternation: most figures have no qualifier word, sign or multiplier,
    # and one test of the next character passes over the alternation's branches.
    pattern = rf"""
        (?:(?P<pre>(?={char_class(QUALIFIER_FIRSTS)})(?:{_qualifiers_before()}))|)
        (?:(?={char_class(SIGNS)})(?<![0-9０-９A-Za-z%％{CHINESE_CHARS}]){_NOT_AFTER_A_FIGURE}(?P<sign>{char_class(SIGNS[:-1])}|(?<={char_class(_BEFORE_NEGATIVE)}){SIGNS[-1]})|)   # 增长-8.6%, 增速为负1.2%: a sign, not a range's dash
        {number}
        (?:(?P<inner>[余多]|几(?<=[十拾]几)|来(?<=[十拾百千0]来))|)   # 十几个: more than (几 after 十 only); 十来分钟:
                                                           # about (来 after a round ten, hundred or thousand)
        [ \u3000\u00a0]?                                   # 360.5 亿元: one space, as PDFs and typists leave it
        (?:(?P<mult>(?=[万千百亿])(?:万亿|千亿|百亿|千多万|百多万|千万|百万|亿|万|千(?![瓦克米伏帕焦卡赫])|百(?!分)))|)
        (?:(?P<inner2>[余多]|来(?<=[万千百]来))|)        # 1千多万元, 四万来斤: about (来 after a multiplier too)
        (?(mult)[ \u3000\u00a0]?)
        (?:
            (?P<unit>{_prefix_tree(cjk_units)})
          | (?P<latin>{_prefix_tree(lex.latin)})(?![A-Za-z0-9])
        )
        (?:(?P<post>{alternation(SUFFIX_QUALIFIERS)}|{_MORE_AFTER_UNIT})|)
    """
    return re.compile(pattern, re.VERBOSE)


# Speech's 多 after the unit, where it ends the phrase (两亩多的网箱, 3吨多，, 一年多了。): more than; not the start of
# a word (5家多元化企业, 3个多功能厅) nor a comparison (一箱多了一块五: more by); and 往上 (往上走), speech's "and more"
# (五百个往上, 三百斤往上走, 二十年往上了; not 一单一单往上跳)
_SAYING_ENDS = char_class(CLAUSE_END + LIST_COMMA + CLOSING_QUOTES + " \t\n\u3000")
_END_OF_SAYING = rf"(?=[的吧呢啊]|{_SAYING_ENDS}|了(?:{_SAYING_ENDS}|$)|$)"
_MORE_AFTER_UNIT = rf"多{_END_OF_SAYING}|往上走|往上{_END_OF_SAYING}"


CHINESE_CHARS = CN_DIGITS + CN_SMALL_UNITS + CN_BIG_UNITS
# 每斤1.18元-1.24元, 3万吨-5万吨, 12℃-16℃: a dash right after a figure with its unit is a range's, not a minus sign
_AFTER_FIGURE_UNITS = "元吨亩米个家件次斤台套辆人户℃度克天岁倍"
_NOT_AFTER_A_FIGURE = (rf"(?<![0-9０-９][{_AFTER_FIGURE_UNITS}])"
                       rf"(?<![0-9０-９][万亿][{_AFTER_FIGURE_UNITS}])")

# Every match of fact_pattern() holds a numeral, at most a qualifier word and a sign after its start;
# it starts with the qualifier's first character, the sign or the numeral. The numeral's first
# character is followed by another character of a numeral (digits, Chinese numerals, 点, a point, a
# thousands separator) or by what may follow a numeral in a match (余/多, a space, a multiplier, the
# first character of a unit): most numerals of prose (一些, 统一) are not, and are passed over.
_NUMERAL_FIRST = rf"[{ARABIC_DIGIT}{CHINESE_CHARS}]"


@cache
def _numeral_second() -> str:
    after = "".join(INNER_QUALIFIERS) + "\u3000\u00a0" + "".join(sorted({unit[0] for unit in lexicon().units}))
    return rf"(?:[{ARABIC_DIGIT}{CHINESE_CHARS}点,.．\u2009\u202f ]|{char_class(after)})"


QUALIFIER_REACH = max(map(len, PREFIX_QUALIFIERS))
QUALIFIER_FIRSTS = "".join(sorted({w[0] for w in PREFIX_QUALIFIERS}))


@cache
def qualifier_ending_at() -> re.Pattern[str]:
    """A qualifier word ending where a figure a finder of its own read starts (每斤下降约8分钱): search it with
    ``endpos`` at the figure's start."""
    return re.compile(rf"(?:{_qualifiers_before()})$")
_FIRST_CHAR = char_class("0123456789０１２３４５６７８９" + SIGNS + CHINESE_CHARS + QUALIFIER_FIRSTS)


@cache
def _fact_start() -> re.Pattern[str]:
    """Where a match of fact_pattern() may start: a character it may start with, where a numeral starts
    or that the numeral follows within QUALIFIER_REACH characters. Opening with a character class, it
    is found at C speed."""
    numeral_here = rf"(?<={_NUMERAL_FIRST})(?={_numeral_second()})"
    numeral_after = rf"(?=[\s\S]{{0,{QUALIFIER_REACH}}}{_NUMERAL_FIRST}{_numeral_second()})"
    return re.compile(rf"{_FIRST_CHAR}(?:{numeral_here}|{numeral_after})")


def fact_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``fact_pattern().finditer(text)``, found about five times faster on prose: the
    pattern opens with optional groups, so it is tried only near numerals (scan.finditer_at)."""
    return finditer_at(fact_pattern(), _fact_start(), text)


# "百分之七十" / "千分之三" write a percentage or per-mille in words; "三分之一", "四分之三" a fraction (a
# share in percent: 三分之一 is 33.33…%, 八分之一 12.5%).
PERCENT_WORDS = (rf"(?P<per>百分之|千分之|(?P<den>[二三四五六七八九十])分之)"
                 rf"(?P<pnum>{ARABIC}|{CHINESE})")


@cache
def percent_words_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<pre>{_qualifiers_before()})?{PERCENT_WORDS}(?P<post>{alternation(SUFFIX_QUALIFIERS)})?"
    )


_PER_WORD = re.compile("[百千二三四五六七八九十]分之")
_PERCENT_FIRST = re.compile(char_class("百千二三四五六七八九十" + "".join(sorted({w[0] for w in PREFIX_QUALIFIERS}))))


def percent_words(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``percent_words_pattern().finditer(text)``, tried only before 百分之/千分之/N分之."""
    return finditer_near(percent_words_pattern(), _PER_WORD, QUALIFIER_REACH, text, _PERCENT_FIRST)


# 近一半, 一半以上, 占一半: half, a share of 50% (not 另一半, 一半一半).
@cache
def half_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?={char_class(QUALIFIER_FIRSTS + '一')})"       # (a cheap gate first: see _BARE_AMOUNT)
                      rf"(?<!另)(?P<pre>{_qualifiers_before()})?一半(?!一半)(?P<post>{alternation(SUFFIX_QUALIFIERS)}|还?多)?")


# Half an hour, a month or a year (不到半小时, 半个多钟头, 半个月就卖完了, 进修半年): not 上半年, 一个半月 (a unit's), 半年报,
# 半年“成绩单”, “半年考” (a name), 糠菜半年粮, 近半年来 (a period), 半天 (colloquially "a long while")
@cache
def half_duration_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?={char_class(QUALIFIER_FIRSTS + '半')})"       # (a cheap gate first)
                      rf"(?<![上下前后这过每多大个0-9一二两三四五六七八九十{OPENING_QUOTES}\"])(?P<pre>{_qualifiers_before()})?"
                      r"(?<![上下前后这过每多大个0-9一二两三四五六七八九十])半(?P<unit>个(?P<more>多)?(?:小时|钟头|月)|小时|钟头|年)"
                      rf"(?P<post>{alternation(SUFFIX_QUALIFIERS)}|多)?(?!以来|[度来报前后里时答成总工粮“\"])")


# Three-part (or two-part) splits that add up to 100: 三次产业结构为9.2:51:39.8.
@cache
def split_pattern() -> re.Pattern[str]:
    part = r"[0-9]+(?:\.[0-9]+)?"
    # The first part is not preceded by a digit, point or colon; written as a digit and then a look
    # back at it, so that the pattern opens with a character class and re skips to digits at C speed.
    first_part = r"[0-9](?<![0-9.:：∶][0-9])[0-9]*(?:\.[0-9]+)?"
    return re.compile(rf"{first_part}(?:\s*{_SPLIT_COLON.pattern}\s*{part}){{1,4}}(?![0-9.:：∶])")


_SPLIT_COLON = re.compile(char_class(SPLIT_COLONS))
_SPLIT_PART_CHARS = frozenset("0123456789.")


def split_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``split_pattern().finditer(text)``, tried only where one can start: a split's
    first part is the run of digits and points that ends (before spaces) at a colon, so only the
    start of the run before each colon is tried. Dense figures make the plain scan try every digit."""
    pattern = split_pattern()
    pos = 0                              # matches resume here, as finditer's do
    for colon in _SPLIT_COLON.finditer(text):
        start = colon.start()
        if start < pos:
            continue
        while start > pos and text[start - 1].isspace():
            start -= 1
        while start > pos and text[start - 1] in _SPLIT_PART_CHARS:
            start -= 1
        if (m := pattern.match(text, start)) is not None:
            yield m
            pos = m.end()


# 提升至/降至 (rose to, fell to) give a level, not a change: no 至/到 here.
_LINK = r"(?:了|为|达到|达|是|控制在|保持在|在)?"


# 比上年多1.2万人, 较上年末少5个: 多/少 right after a comparison's base (比 or 较 in the same clause).
# (同比少1349亿元 too; not the 比 of 比例, 比重: 首付比例最低15% is no fall)
_AFTER_BASE = rf"(?<=(?:比(?![例重率值])|较){char_class(CLAUSE_END, negate=True)}{{0,8}})"
_COMPARED_MORE = _AFTER_BASE + f"(?:{alternation(COMPARED_MORE)})"
_COMPARED_FEWER = _AFTER_BASE + f"(?:{alternation(COMPARED_FEWER)})"


def _verbs(words) -> str:
    # 新增 (newly added) is not 增 (grew): a lookbehind keeps the one-character verbs honest.
    return "|".join(("(?<!新)" if w in ("增", "减") else "") + regex.escape(w)
                    for w in sorted(words, key=len, reverse=True))


@cache
def change_pattern() -> regex.Pattern[str]:
    """Matches at the end of the text before a rate; the `down`/`downrate` groups tell a fall."""
    return regex.compile(
        rf"(?:(?P<down>{_verbs(CHANGE_DOWN)}|{_COMPARED_FEWER})|(?P<up>{_verbs(CHANGE_UP)}|{_COMPARED_MORE})"
        rf"|(?P<uprate>{alternation(RATE_UP)})|(?P<downrate>{alternation(RATE_DOWN)}))"
        rf"{_LINK}\s*$"
    )


@cache
def absolute_change_pattern() -> regex.Pattern[str]:
    """Matches at the end of the text before an amount: 比上年末减少 2.1万人."""
    return regex.compile(rf"(?:(?P<down>{_verbs(ABSOLUTE_DOWN)}|{_COMPARED_FEWER}|{_PER_UNIT}(?:{alternation(PER_UNIT_DOWN)}))"
                         rf"|(?P<up>{_verbs(ABSOLUTE_UP)}|{_COMPARED_MORE}|{_PER_UNIT}(?:{alternation(PER_UNIT_UP)})))了?\s*$")


# A price moved by so much a unit: the verb right after 每 and its unit (汽油每吨降低205元; vocab.PER_UNIT_DOWN)
_PER_UNIT = r"(?<=每\p{Han}{1,4}?(?:分别)?)"


# A figure that is a reference (a goal, a standard, a level) another figure is said to be below or above
# (低于5.5%左右的控制目标); ``name`` is what it is.
REFERENCE_AFTER = regex.compile(r"(?:左右|以上|以下)?的(?P<name>\p{Han}{0,4}?(?:目标|标准|水平|警戒线|控制线|红线))(?!\p{Han})")


# Enclosed names and slogans: a number inside one is part of a name (“十四五”, 《…80条》, “四个一”).
@cache
def enclosed_name_pattern() -> re.Pattern[str]:
    inside = char_class("\n" + CLAUSE_END, negate=True)[:-1]      # [^\n，,；;。！？!? … plus the quote
    return re.compile(
        rf"“{inside}“”]{{1,30}}”"
        rf"|\"{inside}\"]{{1,30}}\""
        r"|「[^「」\n]{1,30}」"
        r"|《[^《》\n]{1,80}》"
        r"|〔[^〔〕\n]{1,10}〕"
    )


@cache
def change_last_chars() -> frozenset[str]:
    """Last characters of every change verb, rate word and link word: a cheap test before the regex."""
    words = CHANGE_UP + CHANGE_DOWN + ABSOLUTE_UP + ABSOLUTE_DOWN
    links = regex.findall(r"[^(?:|)]+", _LINK)
    return frozenset(w[-1] for w in (*words, *links, *RATE_UP, *RATE_DOWN, *COMPARED_MORE, *COMPARED_FEWER))
