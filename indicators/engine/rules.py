"""The rules that tell a measured quantity from a date, an ordinal, a name, a threshold or a word: one
named table, read in order; the first rule that applies drops the candidate.

Each rule has a name, the reason it exists and an example text in which it drops a number (the tests
run every example, and ``indicators explain "TEXT"`` prints, for each number with a unit, the rule
that dropped it or that it was kept).

    >>> first_drop(found_in("2021年，全市GDP增长5%", "2021年")).name
    'year_is_a_date'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from operator import itemgetter

import regex

from ..lang import patterns as P
from ..lang import vocab as V
from ..lang.numbers import (
    CN_BIG_UNITS,
    CN_DIGITS,
    CN_SMALL_UNITS,
    is_arabic,
    is_bare_chinese,
    parse_number,
    starts_with_power,
)
from ..lang.patterns import UnitInfo
from ..lang.vocab import ONE
from .clauses import is_han
from .period import recent_years_are_a_time

# No economy counts 10^18 of anything (world GDP is about 10^15 元): a longer digit run is a code.
IMPLAUSIBLE = Decimal(10) ** 18
_CJK = regex.compile(r"\p{Han}")
_THRESHOLD_AFTER = regex.compile(r"(?:及)?以[上下](?=[\p{Han}])")
_SLOGAN_AFTER_GE = regex.compile(r"意识|自信|维护|确立|代表|全面|务必|方面|坚持|统筹|结合|转变|导向|到位|一|“"
                                  # 两个积极性, 两个市场两种资源, 四个现代化, 两个文明建设, 中美三个联合公报
                                  r"|积极性|市场、?两种|现代化|超级大国|文明建设|文明一起|(?:联合)?公报|联合声明|世界的理论")
# 四项基本原则, 和平共处五项原则, 两项基本国策: principles named by their number
_PRINCIPLES = ("原则", "基本原则", "基本国策", "基本准则")
_VAGUE_BEFORE = frozenset("几数上好")
_UP_TO = "上"
# ... though 上 after a place is on it, not the time before (路上三天时间, 船上两个月: how long, there)
_ON_A_PLACE = frozenset("路车船网线身山岛海街楼")
_NAME_SUFFIX = frozenset("市县区村镇乡山河渠里湖岛寺庙桥路街店屯沟庄堡营铺子松树")
_VILLAGE_SUFFIX = frozenset("村镇乡")           # 三元朱村: one more character of the name before its suffix
_ERA = regex.compile(r"(?:民国|光绪|宣统|同治|咸丰|道光|嘉庆|乾隆|雍正|康熙|顺治|崇祯|万历|嘉靖|正德|弘治|成化|永乐"
                     r"|洪武|至正|熙宁|元丰|贞观|开元|天宝|公元前|公元)[^，,。]{0,1}$")
_RANK_RANGE = regex.compile(rf"第\s*[0-9０-９一二三四五六七八九十]{{1,3}}\s*(?:{V.char_class(V.RANGE_DASHES)}{{1,2}}"
                            rf"|{V.alternation(V.RANGE_WORDS)})\s*$")
_FIRST_OR_LAST = frozenset("前后")
_OF_A_PLAN = regex.compile(r"(?:[一二三四五六七八九十]五|规划|计划)[”\"’]?(?:的|期间)?[前后]$")
_PLAN_REACH = 8
_SPAN_OF_YEARS = frozenset(w for w in (*V.SPAN_BACK_WORDS, *V.SPAN_AHEAD_WORDS) if len(w) == 2)
_SENTENCE_START = frozenset("\n" + V.SENTENCE_END + V.SEMICOLONS)
_CN_DIGIT_CHARS = frozenset(P.CHINESE_CHARS) - frozenset("〇零亿")
_CLAUSE_END = V.CLAUSE_END + V.LIST_COMMA + V.CLOSING_BRACKETS + "”"
_CLAUSE_STOP = frozenset(V.CLAUSE_END)
_TWO, _HEAD, _PIECE = "两", "头", "块"
_HALF_MORE = "半"
_COUNTERS_OF_THE_NOUN = frozenset("个家项所条座处台艘")
# 二 before 期, 级 or 类 is a phase, a grade or a class (冷链物流中心二期, 二级医院); two of them are 两期, 两级
_SECOND, _RANKS = "二", frozenset("期级类")
_COUNTED_BY_TWO = frozenset({"期", "场", "轮", "批", "起", "笔", "趟", "车", "回", "桌", "群", "碗", "杯", "串"})   # (not
_SPLIT_OR_POINTED = frozenset("分这那")                                     # 两班倒: shifts, a way of working)
_SHARE_BEFORE = frozenset(("", *"占达有约近超逾在至到了"))     # "": 八成 opening the text (在六成至七成之间: a range);
                                                             # 了: a verb's (比2017年分别压缩了七成和九成以上)
_AS_NEW = "新"          # (买了八成新的车: how new a thing is, no share)
_SHARE_AFTER = "，,。；;、的以左多至到之"
_AMONG = "其中"
_YEARS_NAMED_AFTER = frozenset(V.CLAUSE_END + "是里中间内" + "\n")
_EXCEEDING = frozenset(V.EXCEEDING_WORDS)
_SESSION = ("会议", "全会", "会")


@dataclass(slots=True)       # not frozen: built for every number, and frozen fields cost a call each
class Found:
    """A number with its unit as the scanner found it, before any rule: what every rule reads."""

    text: str
    start: int
    end: int
    num: str              # the numeral as written
    pre: str              # qualifier word before it (约, 超过)
    inner: str            # 余/多 between the number and the unit
    mult: str             # 万, 亿 …
    post: str             # 左右, 以上 after the unit
    surface: str          # the unit as written (个工作日)
    info: UnitInfo
    qualifier: str
    value: Decimal | None
    next_char: str        # the character right after the unit (and before 左右/以上)
    before: str           # the character before the number (and its qualifier word)
    bare: bool            # no qualifier at all: 三年, not 近三年 or 三年多
    chinese: bool         # written in Chinese numerals (rules about words apply only to these)
    sign: str             # a minus sign written before the numeral (增长-8.6%)


@dataclass(frozen=True)
class Rule:
    name: str
    why: str
    example: str                       # a text in which this rule drops a number
    applies: Callable[[Found], bool]
    units: frozenset[str] = frozenset()    # the rule is about these units only (empty: any unit)
    kinds: frozenset[str] = frozenset()    # ... these kinds only (empty: any kind)
    chinese_only: bool = False             # ... numbers in Chinese numerals only (3个 in digits is a figure)
    # A guard, read for all the rules of a figure at once (first_drop): the rule can apply only when one
    # of ``before`` lies in the GUARD_REACH characters before the figure, or ``after`` is the character
    # right after its unit or right after the figure. Both empty: the rule is always tested.
    before: str = ""
    after: str = ""

    def concerns(self, unit: str, kind: str, chinese: bool) -> bool:
        return ((not self.units or unit in self.units) and (not self.kinds or kind in self.kinds)
                and (chinese or not self.chinese_only))


_YEAR = frozenset({"年"})
_SURVEYED = ("人口抽样", "人口变动")
_CITY_PANELS, _LARGE_CITIES = frozenset({"70", "35", "七十", "三十五"}), "大中城市"
_ORDINAL_JOINERS = "、和及"
_ORDINAL_BEFORE = regex.compile(rf"第\s*(?:[0-9０-９{P.CHINESE_CHARS}]{{1,4}}[{_ORDINAL_JOINERS}])+$")
_DEGREE = "度"
_YUAN_TERMS = ("结构", "化", "论")
_COORDINATES = frozenset({"北纬", "南纬", "东经", "西经"})
GUARD_REACH = 12
_ASCII_DIGITS = "0123456789"
# Units that number the parts of a place (7栋2单元), and the words after a number that do: a count
# followed by digits otherwise describes what it counts (42家5A级景区, 1.2万名65岁以上老年人).
_ADDRESS_UNITS = frozenset({"栋", "幢"})     # (座 is counted too: 4座22万立方米储罐; 3座2单元 is caught by what follows)
_ADDRESS_AFTER = re.compile(r"[0-9]+(?:单元|号|室|楼|层|栋|幢)")
_NOTE_BEFORE_YEAR = re.compile(r"[0-9０-９]{1,2}[.．](?:19|20|１９|２０)[0-9０-９]{2}")
_FULL_WIDTH_DIGIT = re.compile("[０-９]")
_ASCII_DIGIT = re.compile("[0-9]")
_CLOCK_COLONS = ":："
_CLOCK_BEFORE = re.compile(r"(?<![0-9])[0-9]{1,2}[:：]$")
_ROUND_THE_CLOCK = ("热线", "服务", "营业", "在线", "不打烊", "开放", "不间断", "咨询")
# 72小时、144小时过境免签, 240小时过境免签政策: the stay a visa-free transit allows names the policy
_VISA_FREE_AFTER = re.compile(r"(?:[、/和及][0-9]+小时)*(?:过境免签|免签|过境)")
# 40所以上: 以上/以下 after the unit bound the figure (not 所以, a word)
_BOUNDS_AFTER = ("以上", "以下")
_BLOCKED_AFTER = "".join(sorted({ch for info in P.lexicon().units.values() for ch in info.blocked_after}))


_MONTHS_OR_QUARTERS = frozenset({"月", "季度"})
_TENTHS, _UNCHANGING = V.TENTHS, "不变"     # 增长了一成 is 10% (一成不变, unchanging, is an idiom)
_RECENT_SPANS = frozenset({"年", "月", "周", "天"})     # 近三年, 近6个月, 近一周, 近7天
_CIRCLE = re.compile(r"[\u4e00-\u9fff]{0,5}?圈")


def _one_after_another(f: Found) -> bool:
    """一个季度比一个季度好: 一 and a unit, then (or after) 比 and the same words."""
    if f.num != ONE:
        return False
    words = f.text[f.start:f.end]
    return f.text.startswith(_THAN + words, f.end) or f.text.endswith(words + _THAN, 0, f.start)


_THAN = "比"
# What the first ones of a list do together, right after 前两项, 前三家 (同比, 分别, 合计, 占 …)
_FIRST_ONES_DO = frozenset("同分均合共占")
# A verb of going before 过去 makes it "over there", not "the past" (骑过去二十分钟左右, 走过去要一个多小时)
_MOVING = frozenset("骑走开赶跑飞游爬划坐送搬")
# The words that say a figure in 分 is a score (得分96.4分, 中考平均分较上年提高11.6分, 发放积分3.6万分)
_SCORE_WORD = re.compile(r"得分|评分|分数|平均分|总分|积分|测评|考评|考核|成绩|满意度")
_SCORE_REACH = 16
# A time spent (干了二十二年支书, 用了三年时间) or waited (种下去三年才能采): a duration, not a plan's name
_DONE = "了"
_GREAT = "大"         # (巩固了三年大发展时期的成就: a slogan's years still)
_ONLY_THEN = frozenset("才就")
_ABOUT = frozenset({"左右", "上下"})     # approximations, never a threshold's bound


def _threshold_after(f: Found) -> bool:
    return (f.info.kind not in ("ratio", "growth") and not f.post and f.text.startswith(("以", "及"), f.end)
            and bool(_THRESHOLD_AFTER.match(f.text, f.end)))


_AMOUNTS = frozenset({"money", "quantity", "area"})
_POINTING = frozenset("这那")
# 一个月 before what is done, earned or eaten in it (一个月就能…, 一个月吃…, 一个月的销售额), unless a time spent
# comes before it (用了一个月, 不到一个月, 为期一个月)
_MONTH_OR_WEEK = frozenset({"个月", "个星期"})
_RATE_AFTER_PERIOD = regex.compile(r"就|能|才|也|都|要|得|下来|可以|吃|卖|挣|赚|收|花|省|光|到手|拿|的(?!时间|工夫|功夫)"
                                   r"|工资|工钱|薪|租金|房租|流水|营业额|利润|开销|生活费")     # (船员一个月工资一万上下)
_TIME_SPENT_BEFORE = frozenset("了用花仅只到期续时近第")
_TIME_WORD = "时间"                  # 用两年时间, 需要两年时间: a time spent
_SPENDING = ("用", "需要", "历时", "耗时", "花了", "要")      # (历时两年建成, 还要三年才挂果: a time spent)
_THIS_AND_NEXT_YEAR = "今明"
_AVERAGED_OVER = ("平均浓度", "平均值", "平均第", "滑动平均")
# After an age: the end of an aside it lies in, an aside (（含不满60周岁）), a bound, 的, then the people.
_AGE_GROUP_AFTER = regex.compile(
    rf"[）)]?(?:[（(][^（）()\n]{{1,16}}[）)])?(?:及?以[上下])?的?(?:{V.alternation(V.AGE_GROUP_NOUNS)})")
_AGE_GROUP_GUARD = "）)（(及以的" + "".join(sorted({noun[0] for noun in V.AGE_GROUP_NOUNS}))


def _exceeded_by_members(f: Found) -> bool:
    if f.pre not in _EXCEEDING:
        return False
    if f.text.startswith("的", f.end):
        return f.text.startswith(V.MEMBER_NOUNS, f.end + 1)       # 超10亿元的企业
    # 超百亿元企业: an amount right before the members; not a count or share of them (超3万户家庭, 超六成企业)
    return f.info.kind in _AMOUNTS and f.text.startswith(V.MEMBER_NOUNS, f.end)


def _rank_range(f: Found) -> bool:
    window = max(0, f.start - GUARD_REACH)                # cheap test first: most figures have no 第 before them
    return f.text.find("第", window, f.start) >= 0 and bool(_RANK_RANGE.search(f.text, window, f.start))


def _bare_two(f: Found, surface: str) -> bool:
    """二 alone before ``surface`` (二次, 二套): an order (the second), where a count of two says 两."""
    return f.chinese and f.num == "二" and f.surface == surface and not f.mult and f.bare


def _short_year(f: Found) -> bool:
    return (f.info.unit == "年" and not f.pre and (f.start == 0 or f.text[f.start - 1] in _SENTENCE_START)
            and (f.next_char in V.COMMAS or f.next_char in P.CHINESE_CHARS or f.next_char == "全"))


def _idiom(f: Found) -> bool:
    return (f.bare and not f.mult and is_bare_chinese(f.num) and f.start >= 2
            and f.text[f.start - 2] in _CN_DIGIT_CHARS and f.before not in "至到或、"
            and not (f.surface in _SPOKEN_YUAN and f.text[f.start - 2] == ONE and f.before in V.PRICED_ONE))


_NUMERAL_IDIOM = regex.compile(V.alternation(V.NUMERAL_IDIOMS))
_IDIOM_REACH = max(map(len, V.NUMERAL_IDIOMS))


def _in_fixed_idiom(f: Found) -> bool:
    window = f.start - _IDIOM_REACH if f.start > _IDIOM_REACH else 0
    return any(m.start() <= f.start and f.end <= m.end()
               for m in _NUMERAL_IDIOM.finditer(f.text, window, f.end + _IDIOM_REACH))


_MORE, _MEASURED = "多", frozenset({"quantity", "area"})
_MORE_ENDS = frozenset(V.CLAUSE_END) | {""}
_HEADS = frozenset({"头", "只"})      # (两头猪, 三只羊, 两只乌鸡, 两头黄牛: animals counted)


def _animals_after(f: Found) -> bool:
    return any(ch in V.LIVESTOCK for ch in f.text[f.end:f.end + _ANIMAL_REACH])


_ANIMAL_REACH = 2
# A village's groups go by their numbers (村民小组: 4组、6组、9组群众, 连接3组、5组和7组, 3组代表): a list of such names,
# or one before the people of it
_GROUP = "组"
_GROUP_NAME = r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})组"
_GROUPS_LISTED_AFTER = re.compile(rf"[、和与及]{_GROUP_NAME}")
_GROUPS_LISTED_BEFORE = re.compile(rf"{_GROUP_NAME}[、和与及]$")
_GROUP_PEOPLE = ("代表", "群众", "村民", "农户", "组长")


def _names_a_village_group(f: Found) -> bool:
    return f.surface == _GROUP and not f.mult and not f.inner and not f.pre and (
        f.text.startswith(_GROUP_PEOPLE, f.end) or _GROUPS_LISTED_AFTER.match(f.text, f.end) is not None
        or _GROUPS_LISTED_BEFORE.search(f.text, max(0, f.start - 5), f.start) is not None)


# 两间休息棚, 三间大瓦房, 三间门面: rooms counted (not 一间房480元, a price per room)
_ROOM = "间"
_ROOMS_AFTER = re.compile(r"[\u4e00-\u9fff]{0,3}?[房屋室棚舍库铺店厅]|门面")


def _rooms_after(f: Found) -> bool:
    return f.num != ONE and _ROOMS_AFTER.match(f.text, f.end) is not None


_COUNTER, _PERSON = "个", "人"
_PIECES_OF_MONEY = "块钱"
_A_BIT = "一点"
_COMPARED_BY_A_BIT = frozenset("多少贵宜高低快慢好大小早晚差强弱长短深浅重轻")    # (便宜一点: 宜)
_MONEY_ENDS = frozenset("元块毛角钱")
_CHANGE_VERBS = tuple(w for w in (*V.CHANGE_UP, *V.CHANGE_DOWN) if len(w) > 1 and w != "便宜")   # (便宜一点: a bit)


def counts_people(text: str, end: int) -> bool:
    """Whether 人 at ``end``, right after a figure's 个, makes it a count of people (两个人炒得胳膊都抬不起来,
    二十几个人看, 有3个人，): not where 人 opens a word of its own (31个人民法庭, 个人口), as the unit 人 is blocked
    before the same characters."""
    return text[end:end + 1] == _PERSON and text[end + 1:end + 2] not in _UNITS[_PERSON].blocked_after

# Days counted from a holiday (国庆假期前三天, 春节前3天, 节后三天): a time, as 前三季度 is
_HOLIDAY_DAYS_BEFORE = regex.compile(rf"(?:{V.alternation(V.HOLIDAY_STRETCHES + V.FESTIVALS)})(?:前后|前|后)$")
_HOLIDAY_REACH = 6
_DAY = frozenset({"天"})


# 十块钱一斤, 一斤八块钱: a spoken price next to the one it is the price of, not a slogan or an idiom
_SPOKEN_YUAN = frozenset({"元", "块", "块钱"})


def _priced_one_after(f: Found) -> bool:
    return f.surface in _SPOKEN_YUAN and f.next_char == ONE and f.text[f.end + 1:f.end + 2] in V.PRICED_ONE


def _not_a_share(f: Found) -> bool:
    if f.surface != "成":
        return False
    return (f.value > 10 or f.next_char == _AS_NEW
            or not (f.qualifier != "exact" or f.before in _SHARE_BEFORE or f.next_char in _SHARE_AFTER or _share_is(f)))


def _share_is(f: Found) -> bool:
    """其中三成为高新技术企业: a share opening its clause, then 为 (not 统一成为, a verb); 订单七成是电商的: a share of
    what is named before it, then 是."""
    if f.next_char == "是":
        return True
    return f.next_char == "为" and (f.before in V.CLAUSE_SEPARATORS or f.text.endswith(_AMONG, 0, f.start))


_LIST_SIZE_UNITS = frozenset(V.LIST_COUNTERS)
# 一个季度 after a superlative's 的 says which one, not how long (是近年来增长最快的一个季度)
_SUPERLATIVE_OF = regex.compile(r"最\p{Han}{1,5}的$")
# A figure with 以上 before a noun is a threshold (threshold_qualified), but one before 的 and a measure of what it
# counts, ending its clause, is that measure's level (保持月均1.9万标箱以上的作业量)
_LEVEL_OF_MEASURE = regex.compile(
    rf"的\p{{Han}}{{0,4}}?(?:量|额|规模|水平|产值|产能|收入)(?=$|{V.char_class(V.CLAUSE_SEPARATORS)})")
_LIST_SIZE_REACH = 30
_MEMBER_JOINERS = re.compile(V.char_class(V.LIST_JOINERS))
_CLAUSE_BREAKS = frozenset(V.CLAUSE_END + V.COLONS)      # (a list's 、 does not end its clause here)


def _list_size(f: Found) -> bool:
    """教育、社会保障和就业、卫生健康三项支出分别为…: a count right after the members its clause lists, as many as
    they are, before what each is and the 分别 that pairs them with their figures, counts the list (not
    帮助我国进行…研究、帮助我国建设四十七项企业, nor 确有成效的四十项重大科技成果)."""
    if not (f.chinese and f.bare and not f.mult and f.surface in _LIST_SIZE_UNITS and is_han(f.before)
            and f.before != "的" and is_han(f.next_char) and f.value is not None):
        return False
    text, start = f.text, f.start
    clause0 = start
    while clause0 > max(0, start - _LIST_SIZE_REACH) and text[clause0 - 1] not in _CLAUSE_BREAKS:
        clause0 -= 1
    listed = text[clause0:start]
    if V.LIST_COMMA not in listed or f.value not in (listed.count(V.LIST_COMMA) + 1,
                                                     len(_MEMBER_JOINERS.findall(listed)) + 1):
        return False
    paired = text.find(V.RESPECTIVELY, f.end, f.end + _LIST_SIZE_REACH)
    return paired >= 0 and not any(ch in _CLAUSE_BREAKS for ch in text[f.end:paired])


RULES: tuple[Rule, ...] = (
    Rule("not_a_number", "the numeral follows no grammar (units out of order, digits without positions)",
         "他随手写下三百二百元的字样。", lambda f: f.value is None),
    Rule("implausible", "no economy counts 10^18 of anything: a longer digit run is a code",
         "账户余额显示为12345678901234567890元。", lambda f: f.value is not None and abs(f.value) >= IMPLAUSIBLE),
    Rule("ordinal", "第 before the number makes it an ordinal (第十四届, 第一个, 第 3 名)",
         "该区第3次获此殊荣。",
         lambda f: (f.before == "第" or (f.before.isspace() and f.text[f.start - 2:f.start - 1] == "第")
                    or (f.before in _ORDINAL_JOINERS and _ORDINAL_BEFORE.search(f.text, max(0, f.start - 12), f.start)
                        is not None)),       # 居第二、三位: the 第 of the list's first member
         before="第"),
    Rule("session_ordinal", "a Chinese numeral before 次会议/次全会 numbers a session (十四届全国人大二次会议)",
         "十四届全国人大二次会议在京开幕。",
         lambda f: f.surface == "次" and f.text.startswith(_SESSION, f.end) and not is_arabic(f.num),
         after="会全"),
    Rule("rank_range", "a range after 第 is a range of ranks (第3-5名), not of counts",
         "该市排名全省第3-5名之间。", _rank_range, before="第"),
    Rule("unit_starts_a_word", "the unit and the next character are another word (人民, 名单, 台湾)",
         "全市三人民警获表彰。", lambda f: (bool(f.next_char) and f.next_char in f.info.blocked_after
                                         and f.post not in _BOUNDS_AFTER
                                         and not f.text.startswith(f.info.words_after, f.end)
                                         and not (f.surface == _COUNTER and counts_people(f.text, f.end))),
         after=_BLOCKED_AFTER),
    Rule("threshold_bound", "以上/以下 after the unit and before a noun is a threshold (5亿元以下项目)",
         "对5亿元以下项目简化审批。", _threshold_after, after="以及"),
    Rule("threshold_qualified", "a figure with 以上 followed by a noun is a threshold (1000万元以上项目); "
         "not one with 左右 (推动20个左右重大项目: about twenty)",
         "开工1000万元以上项目120个。",
         lambda f: (f.info.kind not in ("ratio", "growth") and bool(f.post) and f.post not in _ABOUT
                    and f.post in P.SUFFIX_QUALIFIERS and bool(_CJK.match(f.text, f.end))    # (not speech's 多,
                                                                            # 往上: 两亩多的网箱, 干了一年多了)
                    and _LEVEL_OF_MEASURE.match(f.text, f.end) is None
                    # (打造10个以上省级示范片区, 为300家以上中小企业…: what the counter counts is the noun after
                    # it, so it is a count of them; not 100人以上企业, 5亿元以上项目)
                    and not (f.info.kind == "count" and f.surface in _COUNTERS_OF_THE_NOUN))),
    Rule("threshold_exceeded", "超/超过 a figure, then (的 and) what exceeds it, is a threshold (超10亿元的企业, 超百亿元企业)",
         "年产值超10亿元的企业12家。", _exceeded_by_members, after="的" + "".join({n[0] for n in V.MEMBER_NOUNS})),
    Rule("age_group", "an age before the people it bounds names a group (16—59岁人口, 年满18岁人员), not a measured age",
         "全市16—59岁（含不满60周岁）人口达到85万人。",
         lambda f: _AGE_GROUP_AFTER.match(f.text, f.end) is not None, units=frozenset({"岁"}), after=_AGE_GROUP_GUARD),
    Rule("year_is_a_date", "a year of four digits (2021年) or above 1000 is a date, not a duration (but 1300多年, "
         "2200余年 are how long)",
         "2021年，全市经济平稳运行。",
         lambda f: (f.info.unit == "年" and (f.value >= 1000 or (len(f.num) == 4 and f.num.isdigit()))
                    and not f.inner),
         units=_YEAR),
    Rule("short_year", "a year written short at a sentence start (23年，全市…) is a date",
         "23年，全市经济平稳运行。", _short_year,
         units=_YEAR),
    Rule("averaging_window", "a duration an average is taken over (日最大8小时平均浓度, 24小时滑动平均) is part of the "
         "measure's name", "臭氧日最大8小时平均浓度为158微克/立方米。",
         lambda f: f.text.startswith(_AVERAGED_OVER, f.end), kinds=frozenset({"duration"}), after="平滑"),
    Rule("span_of_years", "过去五年, 未来三天: a period, not a duration measured (骑过去二十分钟: how long the ride is)",
         "未来五年，全市将新建学校20所。",
         lambda f: (f.info.kind == "duration" and f.text[max(0, f.start - 2):f.start] in _SPAN_OF_YEARS
                    and f.text[f.start - 3:f.start - 2] not in _MOVING),
         kinds=frozenset({"duration"})),
    Rule("plan_years", "“十四五”后两年, 十四五前三年: the last or first years of a plan are a period, not a duration measured",
         "“十四五”后两年，全市将新建学校20所。",
         lambda f: (f.info.kind == "duration" and f.text[f.start - 1:f.start] in _FIRST_OR_LAST
                    and _OF_A_PLAN.search(f.text, max(0, f.start - _PLAN_REACH), f.start) is not None),
         kinds=frozenset({"duration"}), before="".join(_FIRST_OR_LAST)),
    Rule("span_pointed_at", "这五年, 那两年, 今明两年, 这一个多月: a span pointed at is a period, not a duration measured",
         "这五年，全市经济总量翻了一番。",
         lambda f: not f.pre and (f.before in _POINTING or f.text.endswith(_THIS_AND_NEXT_YEAR, 0, f.start)),
         kinds=frozenset({"duration"}), before="这那明"),
    Rule("years_named", "过去的五年, 不平凡的五年, 关键的十年: years named after 的 are a period, not a duration measured",
         "过去的五年，是我国发展很不平凡的五年。",
         lambda f: f.bare and f.before == "的" and (f.next_char in _YEARS_NAMED_AFTER or not f.next_char),
         units=_YEAR, chinese_only=True, before="的"),
    Rule("recent_years", "近三年 (近6个月, 近一周, 近7天) opening a clause, or before 来/平均/累计, is a period (近三年累计…, "
         "同近两年平均经济增速相衔接, 按近6个月平均成交量计算, 近一周…订单量环比增长35%)",
         "近三年累计投入资金50亿元。",
         lambda f: f.info.unit in _RECENT_SPANS and f.pre == "近" and recent_years_are_a_time(f.text, f.start, f.end),
         units=_RECENT_SPANS),
    Rule("per_month", "她家一个月吃鸡蛋二十五斤, 一个月就能省下七八块, 一个月的销售额, 一个月工资一万上下: the month a rate "
         "is per, not a time "
         "measured (用了一个月就建成 stays one)",
         "她家一个月吃鸡蛋差不多二十五斤。",
         lambda f: (f.bare and f.num == ONE and f.surface in _MONTH_OR_WEEK and f.before not in _TIME_SPENT_BEFORE
                    and _RATE_AFTER_PERIOD.match(f.text, f.end) is not None),
         kinds=frozenset({"duration"}), chinese_only=True),
    Rule("per_base", "每50公斤, 每10万人, 每100元: the base a rate is stated per, not a figure",
         "小麦最低收购价每50公斤提高7元。", lambda f: f.before == "每", before="每"),
    Rule("one_after_another", "一年比一年, 一个季度比一个季度: one after another, not a figure",
         "经济情况一个季度比一个季度好。", _one_after_another, chinese_only=True, after="比", before="比"),
    Rule("first_months", "前10个月, 前三个季度: a period", "前10个月，全市完成投资300亿元。",
         lambda f: f.info.unit in _MONTHS_OR_QUARTERS and f.before == "前" and f.text[f.start - 2:f.start - 1] != "提",
         units=_MONTHS_OR_QUARTERS, before="前"),
    # (基本上不超过五十辆: a character before a qualifier word is another word's)
    Rule("vague", "几十个, 数十家, 上千万元: a vague amount, not a figure; 上 before 一 or a time is the one before "
         "(上一个, 上两个月); not a place's 上 before another count (船上十来个伙计)",
         "全市数十家企业参加了展会。",
         lambda f: (f.chinese and f.before in _VAGUE_BEFORE and not f.pre
                    and (f.before != _UP_TO or starts_with_power(f.num) or f.num == ONE
                         or (f.info.kind == "duration" and f.text[f.start - 2:f.start - 1] not in _ON_A_PLACE))),
         chinese_only=True, before="".join(sorted(_VAGUE_BEFORE))),
    Rule("size_class", "5万吨级码头, 30万千瓦级机组, 500亿元级项目: a class of size, not a quantity",
         "新建5万吨级码头一座。", lambda f: f.next_char == "级" and f.info.kind in ("quantity", "area", "money"),
         kinds=frozenset({"quantity", "area", "money"}), after="级"),
    Rule("reach_circle", "15分钟便民生活圈, 1小时经济圈: how far a circle reaches names it, not a duration measured",
         "打造15分钟便民生活圈28个。", lambda f: _CIRCLE.match(f.text, f.end) is not None,
         units=frozenset({"分钟", "小时"})),
    Rule("ranking", "前十名, 前5位: a ranking; 前两项同比分别增长, 前三家合计占: the first ones of a list",
         "该县进入全省前5位。",
         lambda f: f.before == "前" and (f.info.unit in ("名", "位") or f.next_char in _FIRST_ONES_DO),
         units=frozenset({"名", "位", "项", "家", "个", "类"}), before="前"),
    Rule("address", "a digit right after a building's unit, or before one: an address (7栋2单元301室, 2号3单元); "
         "after a Chinese numeral, a set named by a figure (三个1亿人, 两个100%)",
         "住在7栋2单元301室。",
         lambda f: (f.next_char.isascii() and f.next_char.isdigit()
                    and (f.chinese or f.info.unit in _ADDRESS_UNITS or _ADDRESS_AFTER.match(f.text, f.end) is not None)),
         after=_ASCII_DIGITS),
    Rule("coordinate", "北纬36度, 东经120度: a position on the globe, not kilowatt-hours",
         "该县位于北纬36度。",
         lambda f: f.surface == _DEGREE and f.text[max(0, f.start - 2):f.start] in _COORDINATES,
         units=frozenset({"千瓦时"}), before="纬经"),
    Rule("era_year", "民国三十八年, 康熙四十二年: a year of an era", "此桥建于康熙四十二年。",
         lambda f: f.info.unit == "年" and bool(_ERA.search(f.text, max(0, f.start - 4), f.start)),
         units=_YEAR),
    # From here on only Chinese numerals: 3个 in digits is a figure.
    Rule("place_name", "a one-character numeral before a place suffix is a name (三台县, 五台山, 九户镇, 三元朱村)",
         "三台县召开工作会议。",
         lambda f: (f.chinese and f.bare and is_bare_chinese(f.num) and f.info.unit != "个"
                    and (f.next_char in _NAME_SUFFIX
                         or (is_han(f.next_char) and f.text[f.end + 1:f.end + 2] in _VILLAGE_SUFFIX))),
         chinese_only=True),
    Rule("named_plan", "三年行动计划, 九年义务教育: a number of years inside a name (not a streak: 连续八年稳定在…; "
         "nor a time spent: 干了二十二年支书, 三年才能采, 力争用两年时间, 历时两年建成)",
         "编制三年攻坚方案。",
         lambda f: (f.chinese and f.bare and f.info.unit == "年" and bool(f.next_char)
                    and f.next_char not in _CLAUSE_END and not f.text.endswith(V.STREAK, 0, f.start)
                    and not (f.before == _DONE and f.next_char != _GREAT) and f.next_char not in _ONLY_THEN
                    and not f.text.startswith(_TIME_WORD, f.end) and not f.text.endswith(_SPENDING, 0, f.start)),
         units=_YEAR, chinese_only=True),
    Rule("score_unnamed", "8时30分, 每斤提高3分, 三分天下: 分 is a score only in digits after a score word (得分, 平均分)",
         "会议于8时30分开始。",
         lambda f: f.chinese or _SCORE_WORD.search(f.text, max(0, f.start - _SCORE_REACH), f.start) is None,
         units=frozenset({"分"})),
    Rule("weak_unit_word", "一期工程, 四级联络体系: a one-character numeral with a weak unit is a word (not with 万 or 亿 "
         "after it: 九万块)",
         "二期工程顺利完工。", lambda f: (f.chinese and f.info.weak and f.bare and len(f.num) == 1 and not f.mult
                                      and not (f.surface in _HEADS and _animals_after(f))
                                      and not (f.surface == _ROOM and _rooms_after(f))
                                      # (招聘会两场，, 每晚两场，: a count ending its clause; 一期。 stays a word,
                                      # as does 两头, both ends: 抓住先进和落后两头，, and 块, yuan as often:
                                      # 一碗川北凉粉六块，)
                                      and not (f.num != ONE and f.next_char in _CLAUSE_STOP and f.surface != _PIECE
                                               and not (f.num == _TWO and f.surface == _HEAD)
                                               and not (f.num == _SECOND and f.surface in _RANKS))   # (建成…中心
                                                                                                    # 二期，: phase II)
                                      # (办了两期培训班, 下了两场雨: 两 counts, where a phase or a rank says 二期;
                                      # not 分两期建设, how it is done, nor 这两笔支出, pointed at)
                                      and not (f.num == _TWO and f.surface in _COUNTED_BY_TWO
                                               and f.before not in _SPLIT_OR_POINTED)),
         chinese_only=True),
    Rule("yuan_term", "城乡二元结构, 一元化领导, 一元论: 元 after a bare one-character numeral in a term, not money",
         "破除城乡二元结构。",
         lambda f: (f.chinese and f.bare and not f.mult and len(f.num) == 1 and f.surface == "元"
                    and f.text.startswith(_YUAN_TERMS, f.end)),
         chinese_only=True, after="结化论"),
    Rule("village_group", "4组、6组、9组群众, 3组代表: a village's groups named by their numbers, not counts of groups "
         "(充电桩42组 counts)", "解决了4组、6组群众的灌溉难题。", _names_a_village_group, units=frozenset({_GROUP})),
    Rule("second_round", "二次消费, 二次供水, 二次创业: a second round of something, not a count of two (两次 counts)",
         "带动景区二次消费。",
         lambda f: _bare_two(f, "次") and "\u4e00" <= f.text[f.end:f.end + 1] <= "\u9fff",
         chinese_only=True),
    Rule("home_order", "首套, 二套住房, 二套5年以上贷款利率: which home a buyer buys, not a count of homes (两套 counts)",
         "二套住房首付比例不低于25%。",
         lambda f: _bare_two(f, "套") and not f.text.startswith(("设备", "系统", "机组", "装置", "生产线"), f.end),
         chinese_only=True),
    Rule("mixed_width", "digits of both widths in one number (注：１．2024年…) are a note's number and then another "
         "number, not one figure", "注：１．2024年数据为初步统计数。",
         lambda f: not f.num.isascii() and bool(_ASCII_DIGIT.search(f.num)) and bool(_FULL_WIDTH_DIGIT.search(f.num))),
    Rule("note_number", "a note's number before a year (附注：1.2024年数据为快报数) is no figure of 1.2024 years",
         "附注：1.2024年数据为快报数。",
         lambda f: _NOTE_BEFORE_YEAR.fullmatch(f.num) is not None, units=_YEAR),
    Rule("clock_time", "09:32, 10：30: the minutes of a clock time (a dateline's), not a figure",
         "2024-10-14 09:32\n眼下正值秋收关键时期。",
         lambda f: f.before in _CLOCK_COLONS and _CLOCK_BEFORE.search(f.text, max(0, f.start - 3), f.start) is not None
                   and len(f.num) == 2 and f.num.isdigit(),
         before=":："),
    Rule("around_the_clock", "24小时热线, 7×24小时服务: a service open round the clock, not a time measured",
         "开通24小时服务热线。",
         lambda f: f.value == 24 and f.text.startswith(_ROUND_THE_CLOCK, f.end),
         units=frozenset({"小时"}), after="".join(sorted({w[0] for w in _ROUND_THE_CLOCK}))),
    Rule("visa_free_transit", "240小时过境免签, 72小时、144小时过境免签: the stay a visa-free transit allows names "
         "a policy, not a time measured",
         "受240小时过境免签政策等利好带动，入境游客增长。",
         lambda f: _VISA_FREE_AFTER.match(f.text, f.end) is not None,
         units=frozenset({"小时"}), after="、/和及过免"),
    Rule("a_bit", "便宜一点一斤, 3块多一点: 一点 after a comparison is a bit, not the decimal 1.x",
         "价格再便宜一点一斤能卖多少？",
         lambda f: (f.chinese and f.num.startswith(_A_BIT) and f.before in _COMPARED_BY_A_BIT
                    and not f.text.endswith(_CHANGE_VERBS, 0, f.start)),      # (增长一点一倍, 提高一点二个百分点)
         chinese_only=True),
    Rule("per_one_priced", "2元一斤上下, 十块钱一副左右: 一 and what a price is per, right after the price, whatever "
         "qualifier follows", "鲜叶收购价2元一斤上下。",
         lambda f: (f.chinese and f.num == ONE and not f.mult and f.before in _MONEY_ENDS
                    and f.surface in V.PRICED_ONE), chinese_only=True),
    Rule("a_batch", "突破一批大案要案, 建成一批项目: 一批 is some, not a count, whatever word comes before it",
         "集中力量突破一批大案要案。", lambda f: f.chinese and f.num == ONE and f.info.unit == "批" and not f.mult,
         chinese_only=True),
    Rule("power_word", "千家万户, 百年大计: 百/千/万 without a digit is a word", "惠及千家万户。",
         lambda f: f.chinese and f.bare and starts_with_power(f.num),
         chinese_only=True),
    Rule("one_is_a_word", "一个, 一次, 一家: 一 with a measure word is an article, not a count",
         "这是一次有益的探索。",
         lambda f: (f.chinese and f.bare and not f.mult and f.num == ONE and f.info.unit != "倍"
                    and not (f.surface.startswith("个") and f.info.kind == "duration"
                             and not (f.before == "的" and _SUPERLATIVE_OF.search(f.text, max(0, f.start - 8), f.start)))
                    # (是近年来增长最快的一个季度, 历史上最热的一个月: which one, not how long)
                    and not f.surface.endswith(_HALF_MORE)      # (得一年半: a year and a half)
                    and not (f.surface.startswith(_TENTHS) and not f.text.startswith(_UNCHANGING, f.end))
                    and f.surface != _PIECES_OF_MONEY           # (多赚一块钱: one yuan, never an article)
                    and not (f.next_char == _MORE and f.info.kind in _MEASURED
                             and f.text[f.end + 1:f.end + 2] in _MORE_ENDS)),    # (比去年多一吨多。: more than a ton)
         chinese_only=True),
    Rule("slogan", "四个全面, 两个维护, 三个方面, 四项基本原则: a numbered slogan", "坚持四个全面战略布局。",
         lambda f: (f.chinese and f.bare and not f.mult and is_bare_chinese(f.num)
                    and ((f.surface == "个" and bool(_SLOGAN_AFTER_GE.match(f.text, f.end)))
                         or (f.surface == "项" and f.text.startswith(_PRINCIPLES, f.end)))),
         chinese_only=True),
    Rule("list_size", "教育、卫生健康两项支出, 粮食、油料两类作物: a count of the members listed before it, not a figure",
         "教育、卫生健康两项支出分别增长5.2%、3.9%。", _list_size, chinese_only=True),
    Rule("numeral_follows", "四个一: another numeral right after the unit makes a slogan (not a streak: 连续四年两位数增长)",
         "统筹推进五位一体总体布局。",
         lambda f: (f.chinese and f.bare and not f.mult and bool(f.next_char) and f.next_char in P.CHINESE_CHARS
                    and not f.text.endswith(V.STREAK, 0, f.start) and not _priced_one_after(f)),
         chinese_only=True, after=P.CHINESE_CHARS),
    Rule("idiom", "三番五次, 举一反三: numerals inside an idiom (but 两到三个月 is a range)",
         "他三番五次上门走访。", lambda f: f.chinese and _idiom(f),
         chinese_only=True, before="".join(sorted(_CN_DIGIT_CHARS))),
    Rule("fixed_idiom", "货比三家, 三天打鱼两天晒网, 十年树木: an idiom holding a numeral and a measure word (vocab.NUMERAL_IDIOMS)",
         "现在买房的人都是货比三家。", _in_fixed_idiom, chinese_only=True),
    Rule("days_of_holiday", "国庆假期前三天, 春节前3天: days counted from a holiday are a time, not a time spent",
         "国庆假期前三天，各采摘园共接待游客2.6万人次。",
         lambda f: bool(_HOLIDAY_DAYS_BEFORE.search(f.text, max(0, f.start - _HOLIDAY_REACH), f.start)),
         units=_DAY, before="前后"),
    Rule("not_a_share", "成 is a share only up to ten, with a qualifier or a verb before it (占八成)",
         "买下这台八成新的二手车。", lambda f: f.chinese and _not_a_share(f),
         units=frozenset({"%"}), chinese_only=True),
    Rule("city_panel", "70个大中城市, 35个大中城市: the panel of cities a price index is taken in, named by its size",
         "70个大中城市中，新建商品住宅销售价格环比下降的城市有57个。",
         lambda f: f.num in _CITY_PANELS and f.text.startswith(_LARGE_CITIES, f.end), units=frozenset({"个"}), after="大"),
    Rule("sample_survey", "1%人口抽样调查, 1‰人口变动情况抽样调查: the sample's share names a survey",
         "人口数据为全国1‰人口变动情况抽样调查推算数。",
         lambda f: f.text.startswith(_SURVEYED, f.end), units=frozenset({"%", "‰"}), after="人"),
)
BY_NAME = {rule.name: rule for rule in RULES}
ENCLOSED = Rule("enclosed_name", "a number inside quotes or 《》 is part of a name or a slogan (《…10条措施》)",
                "印发《促进消费10条措施》。", lambda f: False)     # decided by the extractor, which finds the names


_Tests = tuple[tuple[Callable[[Found], bool], Rule], ...]     # (test, rule) pairs, in table order


@dataclass(frozen=True)
class _Concerned:
    """The rules that concern one unit, kind and script."""

    every: _Tests
    unguarded: _Tests                  # those without a guard
    after: frozenset[str]              # the guarded rules' characters after the figure ...
    before: re.Pattern[str]            # ... and before it, as a character class
    before_char: str                   # ... or that one character, when there is one (most units: 第)


@cache
def _concerned(unit: str, kind: str, chinese: bool) -> _Concerned:
    # Test and rule in pairs: the loop in first_drop reads no attribute of a rule until one applies.
    rules = [rule for rule in RULES if rule.concerns(unit, kind, chinese)]
    before = "".join(rule.before for rule in rules)
    return _Concerned(tuple((rule.applies, rule) for rule in rules),
                      tuple((rule.applies, rule) for rule in rules if not (rule.before or rule.after)),
                      frozenset("".join(rule.after for rule in rules)),
                      re.compile(V.char_class(before) if before else "(?!)"),
                      before[0] if len(set(before)) == 1 else "")


class _BySurface(dict):
    """The rules that concern each unit as written (its unit and kind), in one script: one dict lookup
    per figure, filled at the first figure with the unit."""

    def __init__(self, chinese: bool) -> None:
        super().__init__()
        self.chinese = chinese

    def __missing__(self, surface: str) -> _Concerned:
        info = _UNITS[surface]
        self[surface] = rules = _concerned(info.unit, info.kind, self.chinese)
        return rules


_CONCERNED_BY_SURFACE = (_BySurface(chinese=False), _BySurface(chinese=True))    # indexed by Found.chinese


def first_drop(found: Found) -> Rule | None:
    """The first rule that drops the candidate, or None when it is a fact. The guarded rules are
    tested only when one of their characters lies around the figure (most figures have none)."""
    rules = _CONCERNED_BY_SURFACE[found.chinese][found.surface]
    text, start, end = found.text, found.start, found.end
    window = start - GUARD_REACH if start > GUARD_REACH else 0
    after = rules.after
    # (without 左右/以上 after the unit, the character after the figure is next_char)
    guarded = (found.next_char in after or (found.post and text[end:end + 1] in after)
               or (text.find(rules.before_char, window, start) >= 0 if rules.before_char
                   else rules.before.search(text, window, start)))
    tests = rules.every if guarded else rules.unguarded
    for applies, rule in tests:
        if applies(found):
            return rule
    return None


# The groups found_at reads, taken from m.groups() by position (a quarter of the cost of m.group(*names)).
_GROUPS = itemgetter(*(P.fact_pattern().groupindex[name] - 1
                       for name in ("num", "pre", "inner", "mult", "inner2", "post", "unit", "latin", "sign")))


def found_at(text: str, m) -> Found:
    """The candidate of one match of ``patterns.fact_pattern()`` in ``text``."""
    num, pre, inner, mult, inner2, post, unit, latin, sign = _GROUPS(m.groups(""))    # "": a group not matched
    if "多" in mult:                      # 1千多万元: the 多 sits inside the multiplier
        mult, inner2 = mult.replace("多", ""), "多"
    surface = unit or latin
    info = _UNITS[surface]
    start, end = m.span()
    if pre in _COMPARING and P.REFERENCE_AFTER.match(text, end):
        start, pre = start + len(pre), ""  # 低于5.5%左右的控制目标: the word compares another figure with this one
    inner = inner or inner2
    qualifier = _qualifier(text, start, end, pre, inner, post, surface, info)
    unit_end = end - len(post) if post else end
    return Found(text, start, end, num, pre, inner, mult, post, surface, info, qualifier, parse_number(num, mult),
                 text[unit_end:unit_end + 1], text[start - 1:start],      # (text[-1:0] is "")
                 qualifier == "exact" and not inner, not is_arabic(num), sign)


_UNITS = P.lexicon().units
# A figure that is a reference (a goal, a standard, an average) another figure is said to be below or above.
_COMPARING = frozenset({"低于", "高于", "超过", "超", "不到", "不足"})
# Signs of a bound written before a figure (PM2.5≤41微克/立方米); the mention keeps the figure only.
_MATH_BOUNDS = {"≤": "at_most", "≦": "at_most", "≥": "at_least", "≧": "at_least", "<": "less_than",
                "＜": "less_than", ">": "more_than", "＞": "more_than"}
_BOUND_AFTER_WORDS = tuple(P.BOUND_AFTER)
_AT_MOST_VERB = regex.compile(r"(?:压缩|缩短|控制|压减|减少|降低)(?:至|到|在)$|不超过$")
# …压缩到3个工作日办结, 审批时限压缩至5个工作日: a time within which something must be done is a
# bound; 车程缩短至40分钟, 平均办理时长缩短至2.5个工作日 state the new time.
_DONE_WITHIN = ("办结", "办完", "办成", "完成", "审结", "结案")
_TIME_LIMIT = regex.compile(r"(?:时限|期限|审批)(?![^，,；;。]*平均)")   # (审批平均用时缩短至32天 is what it took)
# (not the 限 of a word: 下放审批权限52项, 期限, 年限, 有限, 无限)
_LIMIT_BEFORE = re.compile(r"(?<![权期年界局极无有])限(?:报|购|招|带|领|发|载|乘)?$")
# A bound word before the base of a multiple or a share (不低于当地低保标准的1.3倍, 不超过上年的5%).
_BOUND_OF_BASE = regex.compile(r"(不低于|不少于|不超过|不高于|不到|不足|接近|超过)[^，,；;。：:、%％]{1,12}的$")   # (not over a figure of its own: 从不足30%提升到目前的60%)
# …without its 的: a scope (以不到全省14%的土地面积) or any base of a multiple (不低于当地低保标准1.3倍)
_BOUND_OF_SCOPE = regex.compile(r"(不低于|不少于|不超过|不高于|不到|不足|接近|超过)(?:全|我)[国省市县区]$")
_BOUND_OF_MULTIPLE = regex.compile(r"(不低于|不少于|不超过|不高于)[^，,；;。：:、%％0-9０-９]{1,12}$")
_BASE_REACH = 18
# A bound word before the unit a rate is per (不低于每亩1500元, 最高每人5000元).
_BOUND_WORDS = {"不低于": "at_least", "不少于": "at_least", "至少": "at_least", "不超过": "at_most",
                "不高于": "at_most", "最多": "at_most", "最高": "at_most"}
_BOUND_BEFORE_PER = regex.compile(rf"({'|'.join(_BOUND_WORDS)})(?:每\p{{Han}}{{1,2}}){{1,2}}$")   # (不低于每人每年700元)
_PER_REACH = 10
_ALIAS_THEN_BOUND = re.compile(P.UNIT_ALIAS + f"({V.alternation(w for w in P.WORDS_AFTER if w != '内')})")   # (内: a duration's)
# (至少 before any words of what is done, no figure among them: 每周至少上门或电话探访1次; 最多 only before a verb of
# giving: 高峰日最多开行467对 is the most there was, not a cap)
_BOUND_BEFORE_VERB = regex.compile(r"(?:(至少|最多)(?:" + V.alternation(
    (*V.GRANT_WORDS, "配备", "安排", "建设", "建成", "培训", "发放", "给予", "选派", "招聘", "新增", "开展"))
    + rf")|(至少)(?:(?![的{CN_DIGITS}{CN_BIG_UNITS}{CN_SMALL_UNITS}])[\u4e00-\u9fff]){{1,8}})$")
_BOUND_VERB_REACH = 10
_AT_LEAST, _AT_MOST = "至少", "最多"
_CAP = regex.compile(rf"最(?P<end>[高低])(?:可达|可|为|达)?(?:{V.alternation(V.GRANT_WORDS)})?$")    # (最高可补贴20万元)
_CAP_REACH = 6
_CAPPED_KINDS = ("money", "ratio")
_LIMIT_REACH = 16
# Every bound the words before a figure give (below) needs one of these characters in the
# _BOUND_BEFORE_REACH characters before it: 限 (限报), the 的 of a base, the last character of a verb
# (压缩至, 不超过), 每 (每亩), what ends 最高/最低(可达). Most figures have none, and skip the tests.
_BOUND_BEFORE_CHAR = re.compile("[限的至到在过每高低可达为占]")
_STEP = ("台阶", "新台阶")
_CLIMBED_TO = re.compile("(?:迈上|跨上|跃上|站上|登上)$")
_ABOUT_TAKES = "约占"
_ABOUT_SHARE = re.compile(r"约(?:占|为|是|相当于)[^，,。；;：:]{0,12}的$")
_BOUND_BEFORE_REACH = _PER_REACH
_SHARE_UNITS = ("倍", "%")          # a multiple or a share of a base


def about_share(text: str, start: int) -> bool:
    """Whether 约 before 占 (or 为) qualifies the share at ``start``: 约占四成, 约占全省的四分之三."""
    return (text.endswith(_ABOUT_TAKES, max(0, start - len(_ABOUT_TAKES)), start)
            or (text[start - 1:start] == "的" and _ABOUT_SHARE.search(text, max(0, start - _BASE_REACH), start) is not None))


_SPOKEN_ROUGHLY = frozenset(V.SPOKEN_ROUGHLY)      # (yields to a 多 or 余 after the number: 大概两万多斤)
# Speech's "about" still governs the number a verb or two later (大概多了两成, 差不多占了三成, 大约需要120天, 大概在四成五左右;
# not 大概率增长5%: likely; not across a numeral: 大概一年卖3万元)
_ROUGHLY_BEFORE = regex.compile(r"(?:大概(?!率)|差不多|大约)(?:(?![零一二两三四五六七八九十百千万亿])\p{Han}){1,3}$")
_ROUGHLY_REACH = 6


def _qualifier(text: str, start: int, end: int, pre: str, inner: str, post: str, surface: str,
               info: UnitInfo) -> str:
    if pre and pre not in _SPOKEN_ROUGHLY:
        return P.PREFIX_QUALIFIERS[pre]
    if "多" in surface:                   # 两个多月
        return "more_than"
    if inner:
        return P.INNER_QUALIFIERS[inner]
    if post:
        return P.SUFFIX_QUALIFIERS.get(post, "more_than")     # (两亩多的: speech's 多 after the unit)
    if pre:
        return P.PREFIX_QUALIFIERS[pre]
    if text[end:end + 1] in V.OPENING_BRACKETS and (alias := _ALIAS_THEN_BOUND.match(text, end)) is not None:
        return P.WORDS_AFTER[alias.group(1)]      # 8000套(间)以上
    if text.startswith(_BOUND_AFTER_WORDS, end):  # cheap test first: most figures have no 以内/以下 after them
        for word, q in P.BOUND_AFTER.items():
            if text.startswith(word, end) and (word != "内" or info.kind == "duration"):
                return q
    if text.startswith(_STEP, end) and _CLIMBED_TO.search(text, max(0, start - 4), start):
        return "more_than"                       # 迈上7800亿元台阶, 首次跃上1.4万亿斤新台阶: past that mark
    if (sign := text[start - 1:start]) in _MATH_BOUNDS:
        return _MATH_BOUNDS[sign]
    window = start - _BOUND_VERB_REACH if start > _BOUND_VERB_REACH else 0
    if ((text.find(_AT_LEAST, window, start) >= 0 or text.find(_AT_MOST, window, start) >= 0)     # cheap test first
            and (bound := _BOUND_BEFORE_VERB.search(text, window, start)) is not None):
        return _BOUND_WORDS[bound.group(1) or bound.group(2)]     # 每个村至少配备1名, 每户最多补贴2000元: the bound
                                                                  # is of what is done
    said = text[start - _ROUGHLY_REACH if start > _ROUGHLY_REACH else 0:start]
    if ("概" in said or "差不多" in said or "大约" in said) and _ROUGHLY_BEFORE.search(said) is not None:
        return "approx"                          # (cheap test first: speech's "about" is rare)
    if _BOUND_BEFORE_CHAR.search(text, start - _BOUND_BEFORE_REACH if start > _BOUND_BEFORE_REACH else 0,
                                 start) is None:
        return "exact"                           # cheap test first: none of the tests below can apply
    if about_share(text, start):
        return "approx"                          # 流向省外的约占四成, 合计约占全国的四成: 约 qualifies the share
    window = max(0, start - 3)                   # cheap test first: 限 is rarely right before a figure
    if text.find("限", window, start) >= 0 and _LIMIT_BEFORE.search(text, window, start):
        return "at_most"                         # 每家企业限报2人, 每人限购1套: at most
    if info.unit in _SHARE_UNITS:
        base_of = (_BOUND_OF_BASE if text[start - 1:start] == "的" else _BOUND_OF_MULTIPLE if info.unit == "倍"
                   else _BOUND_OF_SCOPE)
        bound = base_of.search(text, max(0, start - _BASE_REACH), start)
        if bound is not None:                    # 不低于当地低保标准的1.3倍, 接近全市游客总量的五成: the word bounds
            return P.PREFIX_QUALIFIERS[bound.group(1)]      # the multiple or the share
    if (info.kind == "duration" and _AT_MOST_VERB.search(text, max(0, start - 6), start)
            and (text.startswith(_DONE_WITHIN, end) or _TIME_LIMIT.search(text, max(0, start - _LIMIT_REACH), start))):
        return "at_most"
    if text.find("每", max(0, start - _PER_REACH), start) >= 0:    # cheap test first
        bound = _BOUND_BEFORE_PER.search(text, max(0, start - _PER_REACH), start)
        if bound is not None:          # 不低于每亩1500元, 最高每人5000元: the bound is of the rate per unit
            return _BOUND_WORDS[bound.group(1)]
    if info.kind in _CAPPED_KINDS and (cap := _CAP.search(text, max(0, start - _CAP_REACH), start)) is not None:
        # 单台（套）最高5万元, 贷款额度最高可达120万元, 首付比例最低15%: a cap or a floor (not 最高气温: a
        # maximum observed)
        return "at_most" if cap.group("end") == "高" else "at_least"
    return "exact"


def found_in(text: str, mention: str) -> Found:
    """The candidate whose mention starts with ``mention`` (for examples and tests)."""
    for m in P.fact_matches(text):
        if text.startswith(mention, m.start()):
            return found_at(text, m)
    raise LookupError(f"no number with a unit at {mention!r} in {text!r}")
