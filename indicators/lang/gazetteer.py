"""Place names from the adcode table of Chinese administrative divisions shipped by ``cpca``.

Full names of every province, prefecture and county (海城市, 岫岩满族自治县, 铁西区); provinces and
prefectures are also found by their short names (鞍山, 辽宁, 内蒙古). 全国 names the whole country.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise

import ahocorasick
import numpy as np
import regex

from . import vocab as V
from .numbers import CN_DIGITS, CN_SMALL_UNITS
from .paths import read_data
from .scan import finditer_near

# Suffixes dropped to get a short name, longest first: 广西壮族自治区 -> 广西, 延边朝鲜族自治州 -> 延边.
_SUFFIXES = r"自治区|特别行政区|省|市|地区|盟|自治州"
# The country and the four statistical macro-regions of national releases.
_EXTRA = (*V.COUNTRY_SCOPES, "东部地区", "中部地区", "西部地区", "东北地区",
          # groups of provinces a figure can be the total of (中部六省进出口总值达到1.96万亿元)
          "中部六省", "东北三省", "中西部地区", "长三角", "长江三角洲", "珠三角", "珠江三角洲", "京津冀",
          "粤港澳大湾区", "成渝地区双城经济圈", "长江经济带", "黄河流域", "雄安新区", "雄安",
          # a province's own regions (四川's five economic zones, 豫东, 苏南, 皖北 …)
          "成都平原经济区", "川南经济区", "川东北经济区", "攀西经济区", "川西北生态示范区",
          "豫东", "豫北", "豫南", "豫西", "苏南", "苏北", "苏中", "皖北", "皖南", "陕北", "陕南",
          "一线城市", "二线城市", "三线城市")      # (70个大中城市's tiers: groups of the country's cities)
# Of those, the groups of provinces: named with a policy after them (京津冀协同发展项目, 长三角一体化) they
# name the policy, not a place a figure is about.
GROUPS = frozenset(_EXTRA[len(V.COUNTRY_SCOPES):]) - {"雄安新区", "雄安", "一线城市", "二线城市", "三线城市"}
# Two-character full names are ordinary words too often (城区, 郊区, 和县): of them only counties (嵩县, 沛县)
# are names, and not those that end a word or a phrase before 县 (市和县, 新县城, 振兴县域, 管理县级, 完成县).
_MIN_FULL = 3
_TWO_CHAR_WORDS = frozenset(
    "和县 新县 兴县 应县 理县 成县 南县 古县 高县 文县 户县 费县 易县 富县 道县 康县 单县 云县 宁县 代县 吉县 任县 义县 临县 "
    "沙县 寿县 范县 景县 温县 随县 环县 礼县 横县 容县 盘县 息县 朗县 索县 房县 佳县 夏县 唐县 凤县 青县 威县 冠县 宾县 献县 "
    "滑县 洋县 雄县 渠县".split())
_LONGEST = 12   # longer names (内蒙古自治区… banners) are found by find_places only


_DIVISIONS_SINCE = "divisions_since.csv"


def _resource(name: str) -> str:
    return resources.files("cpca").joinpath("resources", name).read_text("utf-8")


@cache
def _nations() -> str:
    """The ethnic names that may stand before 自治区/州/县 (壮族, 拉祜族佤族…), as one pattern."""
    nations = sorted({row.strip().split(",")[0] for row in _resource("56_nations.csv").splitlines()[1:]
                      if row.strip()}, key=len, reverse=True)
    # (族 may go unwritten after a longer name, 和布克赛尔蒙古自治县, never after one character: 融水苗族自治县
    # is 融水's, not 融's with 水族)
    nation = "|".join(regex.escape(n) + "?" if n.endswith("族") and len(n) > 2 else regex.escape(n)
                      for n in nations)
    return rf"(?:(?:{nation})族?)*"


@cache
def _shorten() -> regex.Pattern[str]:
    """Drops the administrative suffix and the ethnic names before it (广西壮族自治区 -> 广西)."""
    return regex.compile(rf"{_nations()}自治(?:区|州)$|(?:{_SUFFIXES})$")


@cache
def adcode_rows() -> tuple[tuple[str, str], ...]:
    """(12-digit adcode, full name) of every division in the table, as shipped, and of the divisions set
    up or renamed since (data/divisions_since.csv: 海门市 became 海门区 in 2020, 钱塘区 was set up in 2021;
    news names them so, and the shipped table knows only what was before)."""
    data = _resource("adcodes.csv")
    shipped = tuple((row["adcode"], row["name"]) for row in csv.DictReader(io.StringIO(data)))
    since = tuple((row["adcode"] + "000000", row["name"])
                  for row in csv.DictReader(io.StringIO(read_data(_DIVISIONS_SINCE))))
    return shipped + since


def short_name(name: str) -> str:
    """The name a province or prefecture goes by without its suffix (广西壮族自治区 -> 广西,
    鞍山市 -> 鞍山, 西藏自治区 -> 西藏); the name itself when nothing shorter is left."""
    short = _shorten().sub("", name)
    if len(short) < 2:                 # 西藏自治区: 藏 is the place here, not the nation
        short = regex.sub(rf"(?:{_SUFFIXES})$", "", name)
    return short if len(short) >= 2 else name


_PREFECTURE_AUTONOMY = "自治州"
_PREFECTURE_SHORT_SUFFIX = "州"


def short_names(name: str) -> tuple[str, ...]:
    """The names a province or prefecture goes by besides its full name: its short name, and for an
    autonomous prefecture that name with 州 too (昌吉回族自治州 -> 昌吉, 昌吉州), as its own documents write it."""
    short = short_name(name)
    if short == name:
        return ()
    if name.endswith(_PREFECTURE_AUTONOMY):
        return short, short + _PREFECTURE_SHORT_SUFFIX
    return (short,)


@cache
def prefecture_alias_base(name: str) -> str:
    """恩施州 -> 恩施: the short name an autonomous prefecture's 州 name is made of, so that both count as one
    place; '' for any other name (杭州 is no alias of 杭)."""
    if name.endswith(_PREFECTURE_SHORT_SUFFIX) and place_levels().get(name[:-1]) == "市":
        return name[:-1]
    return ""


@cache
def _county_suffix() -> regex.Pattern[str]:
    """A county's or county-level city's suffix, with the ethnic names of an autonomous county (岫岩满族自治县)."""
    return regex.compile(rf"{_nations()}自治县$|县$|市$")


def two_char_county(name: str) -> bool:
    """嵩县, 沛县: a county's full name of two characters, the only short full names the gazetteer holds
    (and the only ones a longer name the gazetteer lacks may hold inside it: 丰县 in 禾丰县)."""
    return len(name) == 2 and name.endswith("县")


def county_short_name(name: str) -> str:
    """The name a county or county-level city goes by in its own documents (安溪县 -> 安溪, 海城市 -> 海城,
    岫岩满族自治县 -> 岫岩), or '' when fewer than two characters are left (和县) or it is not such a name."""
    short = _county_suffix().sub("", name)
    return short if short != name and len(short) >= 2 else ""


_AUTONOMOUS_COUNTY, _COUNTY = "自治县", "县"


def county_alias(name: str) -> str:
    """The name an autonomous county goes by in the news besides its short one (融水苗族自治县 -> 融水县,
    互助土族自治县 -> 互助县), or ''."""
    short = county_short_name(name) if name.endswith(_AUTONOMOUS_COUNTY) else ""
    return short + _COUNTY if short else ""


@cache
def county_short_names() -> frozenset[str]:
    """Every county's and county-level city's short name (江安, 海城)."""
    return frozenset(short for _, name in adcode_rows() if (short := county_short_name(name)))


@cache
def place_names() -> frozenset[str]:
    return frozenset(place_levels())


@cache
def place_levels() -> dict[str, str]:
    """Every place name (full and short) -> 省, 市 or 县: the level a 全省/全市/全县 would mean."""
    levels: dict[str, str] = dict.fromkeys(_EXTRA, "国")
    for code, name in adcode_rows():
        if not name or "辖" in name:          # 市辖区, 省直辖县级行政区划
            continue
        level = "省" if code[2:6] == "0000" else "市" if code[4:6] == "00" else "县"
        if len(name) >= _MIN_FULL or (level == "县" and two_char_county(name) and name not in _TWO_CHAR_WORDS):
            levels.setdefault(name, level)
        if code[4:6] == "00":                  # provinces and prefectures go by their short names too
            for short in short_names(name):
                levels.setdefault(short, level)
        elif alias := county_alias(name):
            levels.setdefault(alias, level)
    return levels


@cache
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for name in place_names():
        automaton.add_word(name, name)
    automaton.make_automaton()
    return automaton


@cache
def _name_pairs() -> tuple[np.ndarray, np.ndarray]:
    """(character -> id, [id, id] -> whether the two characters stand side by side in some name): every
    place name is a run of such pairs, and the ids let numpy test all the pairs of a text at once."""
    names = place_names()
    chars = sorted({ch for name in names for ch in name})
    char_id = np.zeros(sys.maxunicode + 1, dtype=np.uint16)          # 0: in no name
    char_id[[ord(ch) for ch in chars]] = np.arange(1, len(chars) + 1)
    side_by_side = np.zeros((len(chars) + 1, len(chars) + 1), dtype=bool)
    for name in names:
        for a, b in pairwise(name):
            side_by_side[char_id[ord(a)], char_id[ord(b)]] = True
    return char_id, side_by_side


def _name_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each maximal run of ``text`` in which every two adjacent characters stand side
    by side in some place name (a few percent of prose). Every name lies inside one run, and between
    runs the automaton is back at its root with nothing pending: none of its states goes on from the
    first character of a pair that no name holds to the second."""
    char_id, side_by_side = _name_pairs()
    # (surrogatepass: a lone surrogate, as a path or an argument decoded with surrogateescape may hold, is
    # a code point like any other here, not an error)
    ids = char_id[np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)]
    pairs = np.flatnonzero(side_by_side[ids[:-1], ids[1:]])         # i: text[i:i + 2] is in some name
    if not pairs.size:
        return []
    breaks = np.flatnonzero(np.diff(pairs) > 1)
    starts = pairs[np.concatenate(([0], breaks + 1))]
    ends = pairs[np.concatenate((breaks, [pairs.size - 1]))] + 2
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


_AMONG_START, _AMONG_END = "其", "中"
# A name whose first character ends a common word with the one before it: 新增城区公共停车泊位 (新增, not 增城区)
_WORD_ENDS = {"增": "新"}
# A name that is a word when these follow it: 年日照时数1612小时, 日照百分率 (sunshine, not 日照市)
# (新建区域性农事服务中心: newly built, not 新建区)
# (医保定点医药机构, 参保定点: a place of insured care, not 保定市)
# (渭河源头: a river's source, not 河源市)
_WORD_BEFORE = {"日照": ("时数", "时间", "时长", "百分率", "充足", "条件", "偏"), "新建区": ("域",), "保定": ("点",),
                "河源": ("头",)}
# A name ending in a direction right before 组, after a character that is no function word, ends a
# village group's name instead (新建双河南组水泥路: 双河's 南组, not 河南; not 河南组团参展, 在河南组织)
_GROUP_DIRECTIONS, _GROUP, _NOT_GROUP_AFTER, _NOT_GROUP_BEFORE = "东南西北", "组", "团织建成合长件", "的在和与及对到赴从"
# A name that is a verb after a body or an adverb: 县农业农村局会同县财政局开展检查, 省局将继续会同农发行
# (together with; not 会同县)
_VERB_AFTER = {"会同": ("局", "厅", "委", "办", "院", "部", "门", "府", "中心", "公司", "单位", "继续", "将", "并",
                      "共同", "牵头", "负责")}

# A city's name whose 市 is the first half of 市场, right after a district's (涧西区广州市场商圈: a market there named
# after the city) is no place; but 本周长沙市场蔬菜均价 is the city's market, and 洛阳市场监管局 its regulator.
_CITY, _MARKET_END, _REGULATION, _DIVISION_ENDS = "市", "场", "场监", "区县镇"


# Lakes, mountains and deserts whose names hold a division's name (鄱阳湖 holds 鄱阳, 长白山 白山, 巴丹吉林沙漠
# 吉林): a figure of the landmark is not the division's.
# And words that hold one (复合肥 holds 合肥).
_LANDMARK_OF = {"鄱阳": ("鄱阳湖", 0), "白山": ("长白山", 1),       # name -> (landmark, where the name sits in it)
                "吉林": ("巴丹吉林", 2), "合肥": ("复合肥", 1), "杭州": ("杭州湾", 0), "山西": ("庐山西海", 1)}


def in_landmark(text: str, pos: int, name: str) -> bool:
    found = _LANDMARK_OF.get(name)
    return found is not None and text.startswith(found[0], pos - found[1])


def find_places(text: str) -> list[tuple[int, str]]:
    """(start, name) of every place name in ``text``, leftmost-longest, not overlapping.

    The automaton reads only the runs that can hold a name (about 6% of prose, where the stretches of
    place-name characters were half) and finds there what it finds in the whole text: every character
    it reads costs about 0.2 µs."""
    automaton = _automaton()
    names = place_names()
    found = []
    for start, end in _name_runs(text):
        if text.startswith(_AMONG_END, start) and text.endswith(_AMONG_START, 0, start):
            start += 1               # 其中山东进出口…: the 中 of 其中, not 中山
            if end - start < 2:
                continue
        if end - start == 2:         # most runs: two characters, a name only if they are one (no name
            if (name := text[start:end]) in names:     # is shorter), told without the automaton's call
                found.append((start, name))
            continue
        found.extend((start + last - len(name) + 1, name) for last, name in automaton.iter_long(text[start:end]))
    return [(pos, name) for pos, name in found if (name not in _LANDMARK_OF or not in_landmark(text, pos, name))
            and not (name[0] in _WORD_ENDS and pos > 0 and text[pos - 1] == _WORD_ENDS[name[0]])
            and not (name in _WORD_BEFORE and text.startswith(_WORD_BEFORE[name], pos + len(name)))
            and not (name[-1] in _GROUP_DIRECTIONS and text.startswith(_GROUP, pos + len(name)) and pos > 0
                     and _is_village_group(text, pos, pos + len(name)))
            and not (name[:2] in _VERB_AFTER and text.endswith(_VERB_AFTER[name[:2]], 0, pos))
            and not (name[-1] == _CITY and text.startswith(_MARKET_END, pos + len(name))
                     and text[pos - 1:pos] in _DIVISION_ENDS and not text.startswith(_REGULATION, pos + len(name)))]


def _is_village_group(text: str, start: int, end: int) -> bool:
    before, after = text[start - 1], text[end + 1:end + 2]
    return "\u4e00" <= before <= "\u9fff" and before not in _NOT_GROUP_BEFORE and (not after or after not in _NOT_GROUP_AFTER)


@lru_cache(maxsize=4096)     # asked of each clause before a figure: the same phrases come back
def leading_place(text: str) -> str:
    """The longest place name ``text`` starts with, or ''."""
    names = place_names()
    for length in range(min(len(text), _LONGEST), 1, -1):
        if text[:length] in names:
            return text[:length]
    return ""


# A document names its own issuer at the top (云泽市2023年国民经济…公报, 禾丰县人民政府, a county paper's
# masthead 中共安溪县委机关报 or 安溪县融媒体中心主办): such a name is a place even when the gazetteer lacks
# it (new or renamed divisions, development zones); not a word that ends like one (大型超市2024年销售额,
# 老旧小区2023年).
_ISSUER = regex.compile(
    r"(?:^|(?<=[^\p{Han}])|(?<=[在于向从对和与及市省]))(?:中共)?(?![据经由])"   # 湖州市吴兴区人民政府 (据安徽省统计局: a source cited)
    r"(?P<name>\p{Han}{2,4}?(?:省|(?<![超门夜早集股城都上楼车菜])市|县|(?<![园社景小城街片山灾厂校矿辖])区|州|旗))"
    r"(?=人民政府|人民代表大会|统计局|政府|委员会|委机关报|融媒体中心|第[一二三四五六七八九十]|[0-9]{4}年|国民经济)",
    regex.MULTILINE,
)
_HEAD = 3000
# Words that make a would-be issuer a verb phrase before a government (传达学习省政府…精神, 修改部分市政府规章)
_WORDS_NOT_IN_NAMES = ("传达", "学习", "修改", "部分", "废止", "关于", "研究", "召开", "贯彻", "落实", "出台", "印发",
                       "来自",     # (来自县统计局的数据显示: whose data, no 来自县)
                       "根据", "依据", "按照")     # (根据省统计局统一核算: whose accounts, no 根据省)
# Characters that put a function word or a date inside the would-be name (全省, 日在禾丰县, 打造全省).
_NOT_IN_NAMES = frozenset("全本我该各的在和与及对于向从日月年为是打造已被由将")


# Development zones and parks publish too (临河经济技术开发区管委会, …开发区企业服务中心, …开发区经济发展局);
# they are county-level places.
_ZONE = regex.compile(
    r"(?:^|(?<=[^\p{Han}])|(?<=[在于向从对和与及]))(?!(?<=[0-9０-９])[万亿千百])"    # (not 投资1.2亿建设新区)
    r"(?P<name>\p{Han}{2,4}?(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|经开区|开发区|新区|工业园区))"
    r"(?=管委会|管理委员会|工委|企业服务中心|政务服务中心|招商服务中心|招商局|经济发展局|经发局|财政局|[0-9]{4}年|\s|$|[，,。])",
    regex.MULTILINE,
)


# A newspaper's masthead on the first line names the place it serves (临江日报, 安溪报; a county's column, 永春简讯),
# alone or between the date and the page (2024年12月3日 星期二  泰安日报  第2版): the name as a place, or with 市 or 县 (not
# 区: 光明日报 is no district's paper). The line's first paper name is its masthead (洛阳晚报 … A05 民生新闻:
# not 民生新闻, the page's name).
# (a county's paper is often 今日… : 今日霍邱, 今日信丰)
# A city's paper may name a county's edition after a middle dot (皖西日报·霍山新闻): the edition's place is the page's.
_EDITION_DOTS = "·•・"
_MASTHEAD = regex.compile(r"\A[^\S\n]*(?:[^\n]*?[^\S\n])??(?:(?P<name>\p{Han}{2,4}?)"
                           rf"(?:{V.alternation((*V.DAILY_PAPER_ENDS, '时报', '新闻', '简讯', '报'))})"
                           rf"|今日(?P<name>\p{{Han}}{{2,4}}))(?=\s|$|[{_EDITION_DOTS}])")
_MASTHEAD_SUFFIXES = ("", "市", "县")


# A page's column head may come before its masthead (城事速递\n扬州晚报　2024年7月28日…): a short line of words alone
_COLUMN_HEAD = regex.compile(r"[^\S\n]*\p{Han}{2,8}[^\S\n]*\n")


# A story a site reprints names its paper in its source line (来源：齐河日报　2025-03-14, 来源：洛阳网-洛阳日报).
_SOURCE_PAPER = regex.compile(r"来源[:：][^\S\n]*(?:\p{Han}{1,6}网[-－—·])?(?P<name>\p{Han}{2,4}?)"
                              rf"(?:{V.alternation(V.DAILY_PAPER_ENDS)})(?=\s|$)", regex.MULTILINE)
SOURCE_REACH = 400      # how far into a text its source line may stand (metadata reads it too)


def masthead_place(text: str) -> str:
    """The place a newspaper's masthead on the first line (or the second, under a column head) names (临江日报 ->
    临江市, 今日霍邱 -> 霍邱县), or ''."""
    m = _MASTHEAD.match(text)
    if m is None and (column := _COLUMN_HEAD.match(text)) is not None:
        m = _MASTHEAD.match(text[column.end():column.end() + _HEAD])
    if m is None and (spaced := _SPACED_LINE.match(text)) is not None:
        m = _MASTHEAD.match(_SPACE.sub("", spaced.group()))     # 尤 溪 报: a masthead set letter-spaced
    if m is not None and (dot := text[m.end():m.end() + 1]) and dot in _EDITION_DOTS:
        edition = _paper_place(text, _MASTHEAD.match(text[m.end() + 1:m.end() + 1 + _HEAD]))
        if edition:
            return edition
    return _paper_place(text, m)


_SPACED_LINE = regex.compile(r"[^\S\n]*(?:\p{Han}[^\S\n]{1,3}){2,5}\p{Han}[^\S\n]*(?=\n|$)")
_SPACE = regex.compile(r"[^\S\n]+")


def paper_place(text: str) -> str:
    """The place of the paper a page's masthead or a reprinted story's source line names, or ''. The
    source line's paper is no issuer: a city's paper writes of its counties (来源：宿州日报 over 砀山：…)."""
    return masthead_place(text) or _paper_place(text, _SOURCE_PAPER.search(text, 0, SOURCE_REACH))


def _paper_place(text: str, m: regex.Match | None) -> str:
    if m is None:
        return ""
    levels = place_levels()
    paper = next((m.group("name") + s for s in _MASTHEAD_SUFFIXES if m.group("name") + s in levels), "")
    return "" if paper and _speaks_of_another_level(text[:_HEAD], paper) else paper


def _speaks_of_another_level(head: str, place: str) -> bool:
    """Whether a page says 我市/全市 and never 我县/全县 of the 县 its masthead matched (滨海晚报 serving a
    city 滨海 is not the paper of 滨海县), or the other way round."""
    suffix = place[-1]
    if suffix not in _CITY_OR_COUNTY:
        return False
    other = _CITY_OR_COUNTY.replace(suffix, "")
    return _says(head, other) and not _says(head, suffix)


_CITY_OR_COUNTY = "市县"


def _says(head: str, suffix: str) -> bool:
    return f"我{suffix}" in head or f"全{suffix}" in head


def issuer_places(text: str) -> dict[str, str]:
    """Place names the document's head gives as its issuer (its masthead's first), with their level
    (省, 市 or 县)."""
    found: dict[str, str] = {}
    head = min(len(text), _HEAD)
    paper = masthead_place(text)
    if paper:
        found[paper] = place_levels()[paper]
    for m in _ISSUER.finditer(text, 0, head):
        name = m.group("name")
        if not _NOT_IN_NAMES.intersection(name) and not any(w in name for w in _WORDS_NOT_IN_NAMES):
            found.setdefault(name, V.LEVEL_OF_SUFFIX[name[-1]])
    for m in _ZONE.finditer(text, 0, head):
        name = m.group("name")
        if not _NOT_IN_NAMES.intersection(name):
            found.setdefault(name, "县")
    for m in _TOWN_ISSUER.finditer(text, 0, head):
        name = m.group("name")
        if (not _NOT_IN_NAMES.intersection(name) and name[:2] not in _TOWN_NOT and name[0] not in _TOWN_FIRST_NOT
                and _COUNTER not in name):
            found.setdefault(name, TOWN_LEVEL)       # (四方坪街道: a numeral may start an issuer's name, not 两个乡镇)
    return found


# 新市镇人民政府2025年工作总结, 城关街道办事处…, 来源：开福区四方坪街道办事处, 中共安溪县感德镇委员会（its party
# committee）, 中共成都市武侯区玉林街道工作委员会, 成都市武侯区人民政府玉林街道办事处 (the district's agency), 浏阳市沙市镇
# 人民政府 (a county-level city's town): a town's or a subdistrict's own document
_TOWN_ISSUER = regex.compile(r"(?:^|(?<=[^\p{Han}])|(?<=\p{Han}{2}[区县旗市])|(?<=[区县旗市]人民政府))"
                             r"(?P<name>\p{Han}{2,4}?(?:镇|乡|街道))"
                             r"(?=人民政府|党委|工作委员会|委员会|政府|办事处)"
                             # (…。”悦来镇党委书记介绍说: a person the story quotes, no issuer)
                             r"(?!党委副?书记|党委委员|政府(?:相关)?负责人|党委(?:相关)?负责人)", regex.MULTILINE)
PROVINCE_LEVEL = "省"
TOWN_LEVEL = "乡"       # the level issuer_places gives a town or a subdistrict


# Towns and townships (满井镇, 汪洋镇, 天荒坪镇) are not in the county-level gazetteer; a name of two to four characters (努古斯台镇)
# with 镇/乡/街道 that starts a clause, a list item or a bracket is taken as one.
# 乡 in a word (乡村, 乡镇, 乡土, 返乡, 家乡) ends no township's name: 实现乡村旅游收入 and 3200人返乡创业
# name none; nor does a name start right after a number (its measure word: 人返乡); nor does 镇域 (a town's
# area: 新开通镇域公交 names no 新开通镇), nor 镇街 (towns and subdistricts: 实现镇街、村社全覆盖 names no 实现镇), nor
# 镇村 before what towns and villages share (开通镇村公交环线2条, 镇村两级, 镇村干部).
_TOWN_FIRST_NOT = frozenset("全本我俺咱该各每个这那其在年和与的或")    # (俺们镇, 咱们乡: our town, said; 或者找镇农技站)
# ... though 和 or 与 opening a line or an entry joins nothing: it is the name's (——和平镇规上工业增加值…)
_JOINER_FIRST = frozenset("和与")
# A numeral may start a town's name (八里营镇, 万古镇, 三河镇), not a count of towns or a slogan's (三个镇, 十大名镇,
# 两镇, 百强镇): never a numeral, a counter or 大 right after it
_NUMERALS = frozenset(CN_DIGITS + CN_SMALL_UNITS + "万") - frozenset("〇零")
_NOT_AFTER_NUMERAL = _NUMERALS | frozenset("个座家所大强名多余")
_TOWNSHIP_END = r"(?:镇(?!域|街(?!头)|长|村(?:公交|两级|干部))|(?<![返回下家故老])乡(?![村镇土亲下贤域]))"
_TOWN_END = rf"(?:{_TOWNSHIP_END}|街道)"
_TOWN_FIRST = rf"(?!{V.char_class(''.join(sorted(_TOWN_FIRST_NOT - _JOINER_FIRST)))})"
# (a name of four characters only right after a word that places it, 来到努古斯台镇, 科左后旗努古斯台镇: at a clause's
# start four characters would take a verb in, 走进毛李镇)
_LONGEST_SHORT_TOWN = 4      # (a name of two or three characters and its suffix)
_TOWNSHIP_LAST = frozenset("镇乡")
_TOWN_FOUR = r"(?:(?![县市区旗省州盟在是和与及对于向从到至为将被由的了])[\u4e00-\u9fff]){4}"     # (not 是在依汶镇, 眉县金渠镇)
_TOWN = re.compile(r"(?:(?<=[在于到至从])|(?<=[\u4e00-\u9fff]{2}[县旗市区]))"
                   rf"{_TOWN_FIRST}([\u4e00-\u9fff]{{2,3}}?{_TOWN_END}|{_TOWN_FOUR}{_TOWNSHIP_END})"     # (湖南路街道: a road's)
                   r"|(?:(?<=[^\u4e00-\u9fff0-9０-９])|(?<=其中)|(?<=包括)"
                   # (曹县青堌集镇: a county of one character; not 全县, 本县, 该县 …)
                   r"|(?<=[^\u4e00-\u9fff](?![全本该我各每此其外邻])[\u4e00-\u9fff]县)|^)"
                   rf"{_TOWN_FIRST}([\u4e00-\u9fff]{{2,3}}?{_TOWN_END})", re.MULTILINE)
_TOWN_NOT = frozenset({"城乡", "乡村", "城镇", "村镇", "小城", "特色", "重点", "新型", "中心", "建制", "集镇",
                       "乡镇", "所在", "城市",      # (城市街道: a city's subdistricts)
                       # 评定信用乡（镇）, 文明乡镇, 卫生镇: a title a town is given, no town's name
                       "信用", "文明", "卫生", "生态", "平安",
                       # 新建镇中心幼儿园1所, 建设镇级…: a verb, not a town's name
                       "新建", "建设", "创建", "打造", "示范"})     # (“一村一品”示范镇: a title)
_COUNTER = "个"
# whatever stands before them: 分城乡, 完成古镇, 特色小镇, and the slogans 虾稻强镇、产业兴镇、生态美镇; nor 县乡 (组织县乡农技
# 人员: the county's and the townships' staff)
_NO_TOWN_ENDS = frozenset({"城乡", "乡镇", "县乡"})
# ... and, after two characters or more (a verb, a slogan's noun), these: a town of three characters may be named so
# (万古镇, 双兴镇)
_NO_LONG_TOWN_ENDS = frozenset({"古镇", "小镇", "强镇", "兴镇", "美镇", "名镇", "重镇", "富镇", "活镇", "稳镇"})
_OTHERS = "等"
_PRONOUNS = frozenset("他她你我们咱俺它")
_HOME_OF = "之"          # 水稻之乡, 茶叶之乡, 鱼米之乡: a place famed for something, no town's name
_WHOLE_OF = frozenset("全本我该各年")   # 占全镇, 比全镇, 居全乡, 今年全镇: 全镇 after a verb or a time, no town's name
_GIVEN_TO = "给"         # 卖给镇上的奶站, 送给镇里: a verb's 给 before 镇上/镇里, no town's name
# 有的去镇上的米厂上班, 拉到镇上的秸秆处理厂, 厂房是镇里的: a verb before 镇上/镇里 (the town, said), no town's name
_WENT_TO, _THE_TOWN_AFTER = frozenset("去到回进往是在"), frozenset("上里")


# 构建街道、社区、小区三级养老服务网络, 镇、村两级: levels of government listed, not a town's name before them
_LEVELS_LISTED = re.compile(r"、(?:社区|小区|村|组)(?=[、和及]|[两三四五]级)")
TOWN_ENDS = ("镇", "乡", "街道")     # how a town's, a township's or a subdistrict's name ends
_MARKET_TOWN, _COUNTY_ENDS = "集镇", frozenset("县旗区")
_TOWN_SUFFIX = re.compile("|".join(TOWN_ENDS))     # two to four characters after the start of every _TOWN match
_TOWN_REACH = 4


VILLAGE_LEVEL = "村"
# A village named after its town's or county's name (依汶镇朱家庄村, 天荒坪镇余村; not 全县农村, 点头镇乡村振兴),
# or set as a paragraph's scene (在新河村，…; 在隔壁的三星村，…; 在另一个村庄长坪村，…). Villages are not in the
# gazetteer, and only these two forms name one: 各村, 贫困村, 示范村, 城中村 are kinds of villages, and 丽华新村社区,
# 竹泉村景区 a community and a scenic area named after one.
# (in Inner Mongolia a village is a 嘎查, after its 苏木, town or banner: 巴彦花镇乌兰哈拉嘎查)
VILLAGE_AFTER_PLACE = regex.compile(r"(?<=\p{Han}{2}(?:镇|乡|街道|县|区|旗|苏木))(?!乡村|农村)"
                                    r"(?:\p{Han}{1,3}?村(?![民级集委务庄镇社景])|\p{Han}{2,4}?嘎查(?!村))")
_VILLAGE_SCENE = regex.compile(rf"(?<=在(?:[^{V.CLAUSE_END}{V.LIST_COMMA}\n]{{0,6}}?[的个庄])?)\p{{Han}}{{1,3}}?村(?=[{V.COMMAS}])")
# or where a reporter went (记者走进桃花村的采摘园, 来到新河村，…): two or three characters before 村, since a one-character
# one is a kind (走进山村)
_VILLAGE_VISITED = regex.compile(r"(?<=(?:走进|来到|走访|探访|前往))\p{Han}{2,3}?村(?=[的，,。、里])")
# or opening the title as what a speech, report or notice is of (在三元朱村2023年度村民大会上的讲话, 新胜村2024年村务
# 公开): its year, its villagers, its party branch or its committees after it (not a paragraph's 一是村党支部…, 作为村集体…)
_VILLAGE_TITLED = regex.compile(r"(?<=\A\s*(?:在|关于)?)\p{Han}{2,3}?村"
                                r"(?=[0-9０-９]{4}|二〇|二零|村民|党|两委|村委|集体经济|经济合作社|年度|工作)")
_VILLAGE, _GACHA = "村", "嘎查"
# What a village's name does not open with, or hold: a scope (各村, 全村, 该村), a kind of village (贫困村, 示范村,
# 中心村, 城中村, 行政村), the countryside (农村, 新农村)
_VILLAGE_FIRST_NOT = frozenset("各全该本每这那其此所我俺咱的和与在个几多村")     # (村精品村)
_SLOGAN_VILLAGES = frozenset({"强村", "富村", "兴村", "建村", "美村",     # (强村公司, 产业富村)
                              "包村", "驻村"})                             # (镇包村干部, 镇驻村工作队: a cadre's post)
# A numeral opens a village's name (三星村, 五里村), not a count of villages (三个村, 两村, 十多个村, 十余村);
# 余 opens one only as a name (天荒坪镇余村), never a count
_COUNTED = frozenset(CN_DIGITS + CN_SMALL_UNITS + "个多几")
_COUNTED_AFTER_NUMERAL = _COUNTED | frozenset("余")
_COUNT_END = "余"
_NUMERAL_BEFORE_COUNT = _COUNTED | frozenset("0123456789０１２３４５６７８９")
_VILLAGE_KINDS = ("贫困", "示范", "重点", "中心", "城中", "行政", "自然", "空心", "脱贫", "薄弱", "试点", "先进",
                  "文明", "美丽", "农", "乡", "社区", "集体", "周边", "邻近", "附近", "相邻", "隔壁", "全部", "所有",
                  "组建", "创建", "建设", "精品")


def counts_villages(text: str, start: int, name: str) -> bool:
    """Whether the village ``name`` at ``start`` is the end of a count of villages instead (余村 in 十余村, 20余村)."""
    return name[0] == _COUNT_END and start > 0 and text[start - 1] in _NUMERAL_BEFORE_COUNT and name[-1] == _VILLAGE


def is_village_name(name: str) -> bool:
    """Whether a match of VILLAGE_AFTER_PLACE, _VILLAGE_SCENE or _VILLAGE_VISITED names a village: not a scope, a kind of village,
    a slogan or a count (各村, 贫困村, 强村, 三个村), nor 农业农村 (城固县农业农村局)."""
    return (name[0] not in _VILLAGE_FIRST_NOT and name not in _SLOGAN_VILLAGES
            and not any(kind in name for kind in _VILLAGE_KINDS)
            and not (name[0] in _COUNTED and (len(name) < 3 or name[1] in _COUNTED_AFTER_NUMERAL)))


def village_names(text: str) -> set[str]:
    """The villages ``text`` names (VILLAGE_AFTER_PLACE, _VILLAGE_SCENE, _VILLAGE_VISITED, _VILLAGE_TITLED). Tried only where
    村 or 嘎查 is."""
    if _VILLAGE not in text and _GACHA not in text:
        return set()
    return {m.group() for pattern in (VILLAGE_AFTER_PLACE, _VILLAGE_SCENE, _VILLAGE_VISITED, _VILLAGE_TITLED)
            for m in pattern.finditer(text) if is_village_name(m.group())}


# A county whose name is also a word (费县, 单县, 雄县) is a place where it stands as one: 在费县，…
# A county whose name is also a word's end (费县 in 经费县级, 范县 in 示范县, 滑县 in 下滑县) is a place where it
# stands as one: after no other character of a word (滑县小麦…, 在费县，…, 、滑县、), and before no 城/域/级 (新县城).
_WORD_COUNTY = re.compile(rf"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[在于从到至和与及、]))"
                          rf"(?:{'|'.join(sorted(_TWO_CHAR_WORDS))})(?![城域级委])", re.MULTILINE)


_WORD_COUNTY_FIRSTS = frozenset(name[0] for name in _TWO_CHAR_WORDS)


def word_counties(text: str) -> set[str]:
    """The counties of _TWO_CHAR_WORDS that ``text`` names as places (在费县，投资18.5亿元的…, 滑县小麦…).
    Tried only at each 县 (a search at every character took a tenth of a news page's time)."""
    found = set()
    k = text.find("县", 1)
    while k > 0:
        if text[k - 1] in _WORD_COUNTY_FIRSTS and _WORD_COUNTY.match(text, k - 1):
            found.add(text[k - 1:k + 1])
        k = text.find("县", k + 1)
    return found


def stands_as_county(text: str, pos: int) -> bool:
    """Whether the name of _TWO_CHAR_WORDS at ``pos`` stands as a county's (not 示范县, 经费县级)."""
    return _WORD_COUNTY.match(text, pos) is not None


def _opens_entry(text: str, at: int) -> bool:
    """Whether ``at`` opens a line or a list's entry (after a dash, a bullet, a bracket, a quote or a colon)."""
    return at == 0 or text[at - 1] in _ENTRY_OPENERS or text[at - 1].isspace()


_ENTRY_OPENERS = "—-\"" + V.ITEM_BULLETS + V.OPENING_BRACKETS + V.OPENING_QUOTES + V.COLONS


def _market_town_of_county(text: str, start: int, name: str) -> bool:
    """Whether ``name`` ending 集镇 is a town's name (曹县青堌集镇): right after its county's and named again, not
    the word 集镇 (中心集镇, 曹县加快集镇改造)."""
    return (name.endswith(_MARKET_TOWN) and start > 1 and text[start - 1] in _COUNTY_ENDS
            and "\u4e00" <= text[start - 2] <= "\u9fff" and text.find(name, start + len(name)) >= 0)


def town_names(text: str) -> set[str]:
    names = set()
    for m in finditer_near(_TOWN, _TOWN_SUFFIX, _TOWN_REACH, text):
        name = m.group(1) or m.group(2)
        if (len(name) > _LONGEST_SHORT_TOWN and name[-1] in _TOWNSHIP_LAST
                and (name[:2] in county_short_names() or name[:2] in place_names())):
            name = name[2:]     # 郑州市中牟官渡镇: 中牟 (县) and its town (a name of four characters is a township's)
        if ((name[0] not in _TOWN_FIRST_NOT or (name[0] in _JOINER_FIRST and _opens_entry(text, m.start())))
                and not _WHOLE_OF.intersection(name[1:]) and _GIVEN_TO not in name and name[:2] not in _TOWN_NOT
                and not (_WENT_TO.intersection(name[1:]) and text[m.end():m.end() + 1] in _THE_TOWN_AFTER)
                and _HOME_OF not in name[1:]          # (远近闻名的“水稻之乡”: a title, no town)
                and _OTHERS not in name      # (木渎、甪直、临湖等镇: no 临湖等镇)
                and not _PRONOUNS.intersection(name)     # (听他和镇畜牧兽医站兽医…算账: no 听他和镇)
                and not (name[0] in _NUMERALS and name[1] in _NOT_AFTER_NUMERAL)
                and (len(name) < 4 or ((name[-2:] not in _TOWN_NOT or _market_town_of_county(text, m.start(), name))
                                       and name[-2:] not in _NO_LONG_TOWN_ENDS))
                and name[-2:] not in _NO_TOWN_ENDS and _LEVELS_LISTED.match(text, m.end()) is None):
            names.add(name)     # (今年全镇, 美丽城镇, 示范乡镇, 分城乡看, 分乡镇看, 完成古镇保护: no names)
    return names
