"""Find every quantitative fact in a text: the number with its unit, then the rules (rules.py) that tell a
fact from a date, an ordinal, a name or a threshold, then its context.

    >>> [f.mention for f in extract_facts("开工亿元以上项目697个，完成投资300.1亿元。")]
    ['697个', '300.1亿元']
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from itertools import chain, pairwise
from operator import attrgetter, itemgetter

import pandas as pd
import regex

from ..lang import patterns as P
from ..lang import vocab as V
from ..lang.catalogue import load_catalogue
from ..lang.gazetteer import place_names, short_names
from ..lang.numbers import DIGIT_VALUE, MULTIPLIERS, parse_number
from ..lang.topics import load_taxonomy
from ..lang.vocab import ONE
from ..schema import Fact, rows_to_frame
from .clauses import clause_stops, in_aside, is_han, list_start, name_start, respectively_clause, start_after
from .document import DocumentContext
from .indicator import (
    after_own_place,
    aspect_measure,
    before_comparison,
    following_phrase,
    in_brackets,
    indicator_for,
    measure_of_place_alone,
    of_places_compared,
    opens_breakdown,
    pair_member_measure,
    ranked_measure,
    respective_items,
    sentence_measure,
    unchanged,
    whole_set_after,
    without_rank,
)
from .layout import analyse
from .metadata import ChunkState, DocumentMeta, read_document_meta
from .moves import Move, ends_move, ends_move_as, may_hold_moves, move_from
from .period import PERIOD, listed_periods, period_for
from .placing import Placer
from .region import GENERIC_PLACE, joint_places, region_for, respective_places
from .rules import ENCLOSED, Found, Rule, about_share, counts_people, first_drop, found_at
from .tables import listed_row_cells, table_cells

_DASH = V.char_class(V.RANGE_DASHES)
_PHRASE_ENDS = V.CLAUSE_SEPARATORS + "\n"      # (a str: the end of the text, '', is in it too)
_RANGE_LOW = regex.compile(
    rf"(?P<num>{P.ARABIC}|{P.CHINESE})(?P<mult>万亿|亿|万|千)?(?P<unit>%|％)?\s*{_DASH}{{1,2}}\s*$"
    rf"|(?P<num2>{P.ARABIC}|{P.CHINESE})(?P<mult2>万亿|亿|万|千)?(?P<unit2>%|％)?(?:{V.alternation(V.RANGE_WORDS)})$"
)
_INDEX = regex.compile(
    r"(?:(?:价格指数|CPI|PPI|PMI|指数)(?:\s*[（(][^（）()\n]{1,12}[)）])?"
    r"(?:为|是|达到|达|在|介于|[:：]|(?:回升|回落|上升|下降|升|降|提高|增加|减少)(?:至|到))?"     # (信心指数回升至89.6)
    r"|pH(?:年均值|均值|值)?(?:为|是|在|介于))\s*"        # 降水pH年均值为5.71 (not a norm: pH值6.5-8.5为宜)
    r"(?P<num>[0-9]{1,4}(?:\.[0-9]+)?)(?![0-9.%％A-Za-z])"
    r"(?:[～~—－-](?P<num2>[0-9]{1,4}(?:\.[0-9]+)?)(?=之间))?"     # (营养状态指数在50.6～56.2之间: a range)
)
# ... and one that moved from a level to another (交通拥堵指数由1.62降至1.51, 指数由85.3回升到88.1)
_INDEX_MOVED = regex.compile(
    r"指数由(?P<num>[0-9]{1,4}(?:\.[0-9]+)?)(?:下降|上升|回落|回升|提高|降低|降|升)?[至到]"
    r"(?P<num2>[0-9]{1,4}(?:\.[0-9]+)?)(?![0-9.%％A-Za-z])")
# A ratio of two amounts, written without a unit (城乡居民收入比由2.36缩小到2.21, 基尼系数为0.465): a
# decimal after the ratio's name, and the level it moves to, or by how much it changed against a base
# (城乡居民人均可支配收入之比为1.80，比上年缩小0.05); a labour market's 求人倍率 (posts per job seeker) in 倍.
_BARE_RATIO = regex.compile(
    r"(?:收入之?比|收入倍差|系数|性别比|(?P<times>倍率))[^，,。；;\d]{0,6}?(?P<num>[0-9]+\.[0-9]+)(?![0-9.．%％A-Za-z万亿千百倍个元])"
    r"(?:[^，,。；;\d]{0,6}?[到至](?P<num2>[0-9]+\.[0-9]+)(?![0-9.．%％A-Za-z万亿千百倍个元]))?"
    r"(?:[，,]?[同环]?(?:比|较)[^，,。；;\d]{0,6}?(?:(?P<down>缩小|下降|减少|收窄|回落)|扩大|提高|增加|拉大|上升)"
    r"(?P<change>[0-9]+\.[0-9]+)(?![0-9.．%％A-Za-z万亿千百倍个元]))?"
)
_CHANGE_LAST_CHARS = P.change_last_chars()
_TIMES = "倍"
# A head count without its measure word (年末常住人口9606万, 农村贫困人口减少1386万, 用户3.4亿): a figure in
# 万 or 亿 that ends its clause right after a noun counting people, or a link verb after one. Not one
# inside a noun (人口10万以上的城市) nor one followed by a unit (the main pattern reads 9606万人).
_HEADCOUNT = re.compile(
    rf"(?P<noun>{V.alternation(V.HEADCOUNT_NOUNS)})(?:{V.alternation(V.HEADCOUNT_MEASURES)})?"
    rf"(?:{V.alternation(V.HEADCOUNT_ADVERBS)})?"
    rf"(?:{V.alternation(V.HEADCOUNT_LINKS)})?"
    rf"(?P<pre>{V.alternation(P.PREFIX_QUALIFIERS)})?"
    rf"(?P<num>[0-9０-９]+(?:[.．][0-9０-９]+)?|{P.CHINESE})(?P<inner>[余多])?(?P<mult>万亿|亿|万)(?P<post>[余多]|以上|左右)?"
    rf"(?={V.char_class(V.CLAUSE_SEPARATORS + V.CLOSING_BRACKETS)}|$)"
)
# ... or one the noun follows (巩固提升3.86万农村人口供水保障水平, 惠及2.3万群众): in Arabic digits, not a base of
# a rate (每10万人口); 万人次 and 万人数 are the main pattern's.
_READ_BY_UNITS = ("人次", "人数")
_HEADCOUNT_BEFORE = re.compile(
    rf"(?=[0-9０-９{P.QUALIFIER_FIRSTS}])"     # (a cheap gate first)
    rf"(?<![0-9０-９.．每])(?P<pre>{V.alternation(P.PREFIX_QUALIFIERS)})?"
    rf"(?P<num>[0-9０-９]+(?:[.．][0-9０-９]+)?)(?P<inner>[余多])?(?P<mult>万亿|亿|万)(?P<post>[余多])?"
    rf"(?=(?:{V.alternation(V.HEADCOUNT_MODIFIERS)})?"
    rf"(?P<noun>{V.alternation(n for n in V.HEADCOUNT_NOUNS if n not in _READ_BY_UNITS)}))"
)
_RATE_CHARS = frozenset("速幅率")
# 每日3万吨, 每小时1200吨: a flow, reported per time unit.
_PER = regex.compile(rf"每(?P<per>{V.alternation(V.PER_TIME)})$")
_PER_UNIT = {"天": "日"}
_CONCENTRATIONS, _PER_VOLUME = frozenset({"微克"}), "每立方米"
_PER_AFTER = regex.compile(rf"/({V.alternation((*V.PER_TIME, *V.PER_BASE))})(?![\p{{Han}}])")
_GRANT_WORD = regex.compile(V.alternation(V.GRANT_WORDS))
# (涨跌幅: how far a price moved either way, a growth of no one sign)
_GROWTH_RATE_NAMES = (*V.RATE_UP, V.RATE_EITHER, "增长速度", "增长目标", "增长预期目标", "增长控制目标")
_RATE_WORD = regex.compile(rf"(?:{V.alternation((*_GROWTH_RATE_NAMES, '增长预期'))}|(?P<fall>{V.alternation(V.RATE_DOWN)}))"
                           rf"{V.char_class(V.CLAUSE_END, negate=True)}{{0,10}}$")
# An indicator phrase naming a growth rate: a percentage of it is a growth, wherever the verb is.
_RATE_NAME = re.compile(rf"(?<!自然)(?:{V.alternation(_GROWTH_RATE_NAMES)})")   # 自然增长率: a level
_BARE_RATES = frozenset((*V.RATE_UP, *V.RATE_DOWN))     # a rate naming nothing it is of (增速, 降幅)
_FALL_RATE_NAME = re.compile(rf"(?<!{V.RATE_EITHER[0]})(?:{V.alternation(V.RATE_DOWN)})")   # (not 涨跌幅's 跌幅)
_CHANGED = regex.compile(rf"(?:{V.alternation((*V.CHANGE_UP, *V.CHANGE_DOWN))})$")


_CENTURY = ("世纪", "个世纪")
_INDICATOR_ID = 5        # in Placer.place's fields: period_start, period_end, grain, region name and code, id …
_SPLIT_CUE = regex.compile(r"结构|比重|比例|之比|构成|占比|比为")
_NUMERAL_ONLY = regex.compile(r"第?[一二三四五六七八九十0-9]{1,2}|.")   # 第一、二、三产业: not names
_CLAUSE_START = regex.compile(V.char_class(V.CLAUSE_END + "\n"))
_SPLIT_LABEL_LEAD = regex.compile(r"^(?:全年|全市|全省|全县|全区|年末|今年|当年)+")
# 由2020年的10.2:38.1:51.7调整为2023年的9.3:36.6:54.1: the words between a split and the one it moves to
# (…调整为1978年的39.8:42.6:17.6，2024年进一步优化为8.6∶40.5∶50.9: a time and an adverb may come first)
_SPLIT_MOVE_TO = re.compile(rf"(?:[，,](?:[0-9]{{4}}年(?:末|底)?)?(?:进一步|再|又|继续)?)?(?:{V.alternation(V.MOVE_TO_WORDS)})"
                            rf"(?:[0-9]{{4}}年(?:末|底)?的?)?")
_SPLIT_PART = regex.compile(r"[0-9]+(?:\.[0-9]+)?")
_SECTORS = ("第一产业", "第二产业", "第三产业")
_SECTORS_NAMED = re.compile(r"三次产业|[一二]、?[二三]、?三?产|产业结构")
_PART_OF = re.compile(rf"[{V.COLONS}]第[一二三]产业$")
_RANGE_MARKS = frozenset(V.RANGE_DASHES + "".join(V.RANGE_WORDS))
_RANGE_REACH = 24               # a range's low end lies within this many characters before its high end
# The last character of a range's low end: a digit, a Chinese numeral, a multiplier or a percent sign.
_LOW_END_CHARS = frozenset("0123456789０１２３４５６７８９" + P.CHINESE_CHARS + "%％")
_RANGE_MARK = rf"(?:{_DASH}{{1,2}}|{V.alternation(V.RANGE_WORDS)})"      # between a range's two ends
# (…在13.6℃（栾川）～17.4℃（新县）之间: each end with the place it was measured at in brackets)
_RANGE_JOIN = regex.compile(rf"\s*(?:[（(][^（）()\n]{{1,8}}[)）])?\s*{_RANGE_MARK}\s*")
# 百分之八至九: the high end of a range in percent words, its unit written once before the low end. Not
# when the number runs on into a date, a count or another unit (百分之三十九点七到一九五七年, 到六个百分点).
_PERCENT_WORDS_HIGH = regex.compile(
    rf"[ \t]*{_RANGE_MARK}[ \t]*(?P<num>{P.ARABIC}|{P.CHINESE})"
    rf"(?P<post>{V.alternation(P.SUFFIX_QUALIFIERS)})?"
    rf"(?![0-9０-９.．%％{P.CHINESE_CHARS}年月日号时点个岁元万亿千百人户家次倍吨米亩项件座所条斤克分秒周天旬季期届批位名级档类])"
)
# The qualifiers a range's high end may carry: 增长6%-7%左右 is still the range 6 to 7.
_RANGE_HIGH_QUALIFIERS = frozenset({"exact", "approx"})
_LIST_JOINERS = frozenset(V.LIST_JOINERS + V.COMMAS)
_COMMAS_ONLY = frozenset(V.COMMAS)
_NAMED_AFTER = regex.compile(rf"(?![{V.LIST_JOINERS}的以左多余])\p{{Han}}")      # a noun right after the figure
_DEGREE, _CELSIUS = "度", "℃"
# The kinds of a level that a change word before it turns into a change (比上年末减少2.1万人, 较上年提高1.9分)
_LEVEL_KINDS = frozenset({"count", "money", "quantity", "area", "duration", "index"})
# 块 is colloquial yuan when the clause or sentence talks money and nothing is counted after it (收入四千多块,
# 每亩多收一百来块; not 建成篮球场3块, 3块屏幕): _money_talk.
_PIECE = "块"
_STREAK_REACH = 6
_PERSON = "人"
_MONEY_TALK = re.compile(r"收入|挣|赚|价|卖|亏|赔|分红|工资|薪|花|钱|补贴|补助|租金|利润|奖|成本|省下|便宜|贵|涨|[多少]收|报酬|费|保额"
                         r"|拿|掏|垫付|纯落|落了|能省|省了|交了?$|就得$"
                         r"|流水|营业额|营收|降|掉|元|每(?:公?斤|两)|到手|投了|给|损失"     # (一个月到手四千来块, 合伙投了三万块,
                                                                                  # 好的能给到六十二块, 一天要给两百块)
                         # ... or prices one of something before it (带鱼大的三十五块一斤，小的十五块)
                         rf"|块钱?一[{V.PRICED_ONE}]"
                         # ... or names what it is per, right before it (一人一天150块, 一斤14块, 一个月也就三千多块)
                         rf"|[一每](?:天|日|人|晚上?|个?月|份|碗|趟|公斤|[{V.PRICED_ONE}])(?:也就|就|才|能|要|得|都|在|可是)?$")
_MONEY_TALK_REACH = 12
_SENTENCE_REACH = 40
_SENTENCE_STOPS = V.SENTENCE_END + "\n"
# What 块 counts (土地, 屏, 牌 …): a clause naming one counts pieces, whatever its sentence says of money
_PIECE_OBJECTS = re.compile(r"地|田|屏|板|牌|场|碑|砖|石|表|玻璃|电池|蛋糕|肉|布|玉|瓦|钢|区|馆|模块|芯片")
_CLAUSE_STOPS = V.CLAUSE_END + "\n"
_PHRASE_END = V.char_class(V.CLAUSE_END + V.LIST_COMMA + V.CLOSING_BRACKETS + V.CLOSING_QUOTES + " \t\n\u3000")
_PER_ONE = f"一[{V.PRICED_ONE}]"      # (三块五一斤, 2000块一斤: a price per one of them)
_CLAUSE_END = re.compile(rf"$|{_PHRASE_END}|左右|上下|出头")
_PRICE_MOVE = re.compile(r"[涨降跌](?:到|至|了)")
_PER_ONE_ENDS = tuple(f"一{unit}" for unit in V.PRICED_ONE)
_RECKONED, _BY_PRICE = "算", "按"
_FEE = "费"
_SECOND = "秒"
_PRICE_END = re.compile(rf"多?(?:一点)?(?:$|{_PHRASE_END}|[啊吧呢呀哦嘛啦]|左右|上下|之间|不等|出头|{_PER_ONE}"      # (每单运费8块多，: its 多 after;
                                                                                           # 3块多一点一斤;
                        r"|的\w{0,3}?(?:收入|工钱|工资|利润|成本|差价|补贴|进账)"        # 一天就有一百七十多块的收入,
                                                                                           # 给五百块的学徒补贴;
                        rf"|算(?={_PHRASE_END})"                                          # 按五十八块算，: a price reckoned by;
                        r"|[到至][0-9一二两三四五六七八九十百千]+块"                     # 100块到120块一斤: a range's low end;
                        r"|(?:服务|管理|物业|手续|加工|快递|运|学|伙食|停车)?费"           # 一亩地交四百来块服务费: a fee;
                        rf"|{_PRICE_MOVE.pattern})")                                      # 一斤从6块涨到6块8: a price's move)
_TEMPERATURE = re.compile(r"气温|温度|水温|地温|低温|高温|摄氏|零下")
_TEMPERATURE_REACH = 8
_BELOW_ZERO = "零下"
# 度 is a kilowatt-hour where the sentence talks power (用电量3000度, 发电12亿度, 充电); else a degree as written
_ELECTRICITY = re.compile(r"电(?![商子视话影竞脑])|能耗")       # (not 电商, 电子, 电视 …)
_ELECTRICITY_REACH = 40


def _talks_power(text: str, start: int) -> bool:
    """Whether the sentence before ``start`` talks power (发电量3,120亿度，比上年增加120亿度)."""
    floor = max(0, start - _ELECTRICITY_REACH)
    return _ELECTRICITY.search(text, max(floor, text.rfind(V.FULL_STOP, floor, start) + 1), start) is not None


_CHANGE_WORDS = frozenset((*V.CHANGE_UP, *V.CHANGE_DOWN))
_BEFORE_WINDOW = 12
# A verb that lowers what it names, its object, then the points (下调存款准备金率0.5个百分点, 降低企业社保
# 缴费费率1个百分点): the points are a fall. Only for points, which are always a change.
_LOWERED_BY = regex.compile(
    rf"(?:{V.alternation(V.CHANGE_DOWN)})[^{V.CLAUSE_END}{V.ARABIC_DIGIT}.．]{{1,12}}$")
# 增速低于预期目标0.4个百分点, 拉低投资增速约3个百分点: points below a base, or a drag, are negative
_GAP_BELOW_BEFORE = regex.compile(rf"(?:{V.alternation(V.GAP_BELOW)})[^{V.CLAUSE_END}{V.ARABIC_DIGIT}.．]{{0,12}}$")
_POINTS = frozenset(V.POINT_UNITS)
_BELOW_CHAR, _GAP_REACH = re.compile("[低慢拖]"), 16     # (cheap test first: a character every gap-below word holds)


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    value: Decimal
    unit: str
    kind: str
    qualifier: str
    low: Decimal | None = None
    high: Decimal | None = None
    group: int = -1          # members of one list, range or split share the first member's indicator
    label: str = ""          # an indicator known when the candidate is found (splits, table cells)
    period: str = ""         # a time known when the candidate is found (a table's caption's)
    fallback_period: str = ""    # a time for it when nothing else dates it (its table column's head)
    written_sign: bool = False   # its sign is written (-2.4%), not said by a change word
    part: str = ""               # the part of a split it is (第一产业 of 三次产业结构为9.2:51:39.8)


_AND_A_HALF = "个半"
_AND_A_HALF_UNITS = frozenset(surface for surface in P.lexicon().units if surface.startswith(_AND_A_HALF))
# Weights and areas said with 半 after the unit (两斤半, 三亩半): and a half; 半 opening a word after them is not
_THEN_A_HALF = frozenset({"斤", "公斤", "亩", "吨"})
_HALF_CHAR = "半"
_HALF_WORDS = frozenset("年月天日小个数价山岛成径场夜拉")
_RESPECTIVELY = V.RESPECTIVELY
_AUTONOMOUS_PREFECTURE = "自治州"
_OF = "的"
_LIST_SPLIT = V.LIST_SPLIT
_REGION_WORD = "地区"
# Verbs that begin a measure (办理合规案件, 新建学校): a list's phrase of one of them alone goes on with the measure
_DONE_VERBS = frozenset(V.DONE_VERBS)
_DOING = frozenset({"办理", "办结", "受理", "审结", "查处", "完成", "实现", "新增", "新建", "建成", "改造", "开工", "引进",
                    "签约", "培育", "培训", "举办", "开展", "发放", "帮助", "接待", "投入", "招引", "认定",
                    "改建", "新改建", "改扩建", "修建", "整治", "治理"})
_CHANGE_WORDS_ONLY = re.compile(rf"(?:分别)?(?:同比|环比)?(?:分别)?(?:{V.alternation(V.CHANGE_UP + V.CHANGE_DOWN)})")
_BY = "以"
_MONTH_ON_MONTH = "环比"
_MONTH_ON_MONTH_ONLY = {_MONTH_ON_MONTH}
_MONTH_ON_MONTH_VIEW = ("从环比看", "从环比来看", "环比看", "环比来看")
_BASE = re.compile(rf"同比|环比|{V.COMPARED_WITH_WORD}")
_NATIONAL_RATE = re.compile(V.alternation(V.NATIONAL_RATES))
_NATIONAL_PRICE = re.compile(V.alternation(V.NATIONAL_PRICES))


@lru_cache(maxsize=16384)
def _base_word(indicator: str) -> str:
    """同比, 环比, 比 or 较 in an indicator's phrase (the base its change is on), or ''."""
    m = _BASE.search(indicator)
    return m.group() if m is not None else ""


_CHANGE_VERB_END = re.compile(rf"(?:{V.alternation(V.CHANGE_UP + V.CHANGE_DOWN)})$")
_COUNTRY = V.COUNTRY_SCOPES[0]
_YUAN = "元"       # (the base unit of money)
_PART_OF_AREA = frozenset(V.PART_OF_AREA)
_AREA_PARTS = (*V.PART_OF_AREA, "大部", "大部地区", "大部分地区")
_AREA_PART_TAILS = frozenset(part[-2:] for part in _AREA_PARTS)     # (a set look-up before a call per figure)
# 年平均气温空间分布呈南高北低，…: a sentence opening with how a measure is spread over the land (a climate
# bulletin's), whose later clauses give parts of the land their figures
_SPREAD_OPENS = re.compile(r"\s*([\u4e00-\u9fff]{2,8}?)(?:的)?(?:空间分布|地域分布|区域分布)")
# 其中城镇27.6%, 城镇居民为41000元: a member named right before its figure, a verb at most between (not 100余个城市,
# 280余万户农村居民: what is counted, after it)
_MEMBER_GAP = 2
_PAIRED_HEADS = frozenset(m[:2] for m in V.PAIRED_MODIFIERS)     # (a set look-up before a call per figure)
# 较2020年的2.9件, 比上年的5.1%: the level compared with, of the time named with it and of the subject
_COMPARED_BASE = re.compile(rf"(?P<with>(?:比|较)(?P<when>{PERIOD.pattern}))的$")
_BASE_REACH = 16
_COMPARED_WITH = re.compile(rf"与(?P<when>{PERIOD.pattern})[^，,。；;]{{0,12}}?的$")
_COMPARED_AFTER = ("相比", "相较", "比较")
# 两市, 三县, 三个分中心: how many places a list names, no measure
_PLACES_COUNTED_ENDS = ("省", "市", "县", "区", "镇", "乡", "州", "地", "分中心")
_PLACES_COUNTED = re.compile(rf"[{V.SMALL_NUMBER_CN}0-9]{{1,2}}个?(?:{V.alternation(_PLACES_COUNTED_ENDS)})")
_PLACES_COUNTED_LAST = frozenset(end[-1] for end in _PLACES_COUNTED_ENDS)     # (a set look-up before the pattern)
_PER_WORD = "每"
_PER_ONLY = regex.compile(rf"(?:{_PER_WORD}\p{{Han}}{{1,2}}){{1,2}}$")     # 每人每年, 每亩
# What is paid out, named earlier in the sentence of an amount per head (发放重阳节慰问金，每人300元), with the
# words of its name before it up to a verb, a link word or punctuation (重阳节慰问金, not 发放重阳节慰问金)
_PAYMENT = regex.compile(V.alternation((*V.GRANT_WORDS, "慰问金", "奖金", "救助金", "临时救助", "工资", "工钱", "分红",
                                         "津贴", "养老金", "租金")))
_PAYMENT_REACH = 40
_PAYMENT_NAME_REACH = 4
_NOT_IN_PAYMENT_NAME = frozenset("放发给予对为按的了向和与及是将把在" + V.CLAUSE_SEPARATORS)


def _last_payment(text: str, sentence_start: int, pos: int) -> str:
    """The last payment named in the sentence before ``pos`` (_PAYMENT), or ''."""
    last = None
    for m in _PAYMENT.finditer(text, max(sentence_start, pos - _PAYMENT_REACH), pos):
        last = m
    if last is None:
        return ""
    start = last.start()
    while (start > max(sentence_start, last.start() - _PAYMENT_NAME_REACH) and is_han(text[start - 1])
           and text[start - 1] not in _NOT_IN_PAYMENT_NAME):
        start -= 1
    return text[start:last.end()]


_HALF = Decimal("0.5")


def _inside(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect_right(starts, start) - 1
    return i >= 0 and spans[i][1] >= end


def _change(text: str, start: int, absolute: bool = False, per_mille: bool = False) -> tuple[bool, int]:
    """(is a change, sign) from the words right before a rate (or, with ``absolute``, an amount)."""
    if absolute and (start == 0 or (text[start - 1] not in _CHANGE_LAST_CHARS and not text[start - 1].isspace())):
        return False, 1                       # cheaper still for an amount: only the last character counts
    window = text[start - _BEFORE_WINDOW if start > _BEFORE_WINDOW else 0:start].rstrip()
    if not window or (window[-1] not in _CHANGE_LAST_CHARS
                      and (absolute or not _RATE_CHARS.intersection(window))):
        return False, 1                       # cheap test first: most numbers follow no change word
                                              # (a rate word such as 增速 counts before a rate only)
    # Only what follows the window's last comma can say how the figure changed (every change word and
    # rate word is read up to the figure, within its clause): 1234.5亿元，同比增长 is read as 同比增长.
    clause = window.rpartition("，")[2]
    if not absolute and (again := _COMPARED_AGAIN.match(clause)) is not None:
        # 降幅比1-11月收窄1.5个百分点，比上年收窄4.2个百分点: the clause before says it is a fall that narrowed
        at = text.rfind("，", 0, start - len(clause))
        before = text[max(0, at - _BEFORE_WINDOW * 2):at].rpartition("，")[2] if at > 0 else ""
        if any(d in before for d in _DECLINES) and _DECLINE_CHANGED_BEFORE.search(before):
            return True, 1 if again.group("narrowed") else -1
    return _change_in(clause, absolute, per_mille)


# 降幅比1-9月收窄1.2个百分点: a fall that narrowed is a rate that rose (and one that widened, fell).
_DECLINES = ("降幅", "跌幅", "下降幅度")
_DECLINE_OPEN = rf"(?:{V.alternation(_DECLINES)})[^，,。；;]{{0,10}}?"
_HOW_CHANGED = r"(?:(?P<narrowed>收窄|缩小|减小|放缓)|(?P<widened>扩大|加大|加深))"
_DECLINE_CHANGED = regex.compile(_DECLINE_OPEN + _HOW_CHANGED + r"了?\s*$")
# (比上年收窄 alone, after a clause that said so)
_DECLINE_CHANGED_BEFORE = regex.compile(_DECLINE_OPEN + _HOW_CHANGED)
_COMPARED_AGAIN = regex.compile(r"^(?:比|较)[^，,。；;]{0,8}?" + _HOW_CHANGED + r"了?\s*$")


@lru_cache(maxsize=65536)
def _change_in(window: str, absolute: bool, per_mille: bool) -> tuple[bool, int]:
    # Read once per distinct clause end: the same few words (同比增长, 比上年下降) precede most rates.
    if not absolute and any(d in window for d in _DECLINES) and (m := _DECLINE_CHANGED.search(window)):
        return True, 1 if m.group("narrowed") else -1
    pattern = P.absolute_change_pattern() if absolute else P.change_pattern()
    m = pattern.search(window)
    if m and per_mille and not (m.group("up") or m.group("down")):
        return False, 1                       # 自然增长率为-1.25‰: a demographic rate, a level
    if m:
        return True, -1 if (m.group("down") or (not absolute and m.group("downrate"))) else 1
    rate = None if absolute else _RATE_WORD.search(window)
    if rate:                                  # 增速回升至5.1%: the level of a growth rate
        return True, -1 if rate.group("fall") else 1
    return False, 1


def _enclosed_names(text: str) -> list[tuple[int, int]]:
    # “…” after a colon is quoted speech (介绍：“完成投资300.1亿元”), not a name; so is a long quote that
    # says how much was reached (“今年全省新能源汽车产量有望突破160万辆”): names and slogans do not.
    # (one of 20 characters or more is speech whatever it says: “超六成受访制造业企业表示明年将扩大设备更新投入”)
    return [m.span() for m in P.enclosed_name_pattern().finditer(text)
            if text[max(0, m.start() - 1):m.start()] not in ("：", ":")
            and not (m.end() - m.start() >= _SPEECH_LENGTH and text[m.start()] in _QUOTES
                     and (m.end() - m.start() >= _LONG_SPEECH or _SPEECH_VERB.search(text, m.start(), m.end())))]


_SPEECH_LENGTH = 12
_LONG_SPEECH = 20
_QUOTES = "“\""
_SPEECH_VERB = re.compile(r"突破|达到|增长|下降|完成|实现|超过|有望|预计|新增|带来|发出|卖出|接待|提高|减少|累计|表示|扩大")


def judged(text: str, enclosed: list[tuple[int, int]] | None = None) -> Iterator[tuple[re.Match, Found, Rule | None]]:
    """Every number with a unit in ``text``, with the rule that drops it (None: it is kept)."""
    if enclosed is None:
        enclosed = _enclosed_names(text)
    enclosed_starts = [s for s, _ in enclosed]
    for m in P.fact_matches(text):
        f = found_at(text, m)
        rule = first_drop(f)
        if rule is None and enclosed and _inside(enclosed, enclosed_starts, f.start, f.end):
            rule = ENCLOSED
        yield m, f, rule


# 翻一番 (doubled) is a change of 1 倍, 翻两番 (quadrupled) of 3 倍: 2**n − 1.
_DOUBLING = re.compile(r"翻了?(?P<n>[一两二三四])番(?P<more>多|还多)?")
_DOUBLINGS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4}
_DOUBLED = "番"


def _doublings(text: str) -> list[_Candidate]:
    """较2022年翻一番, 到2000年翻两番: how many times a level doubled, as a change in 倍."""
    if _DOUBLED not in text:                    # cheap test first: most texts double nothing
        return []
    return [_Candidate(m.start(), m.end(), Decimal(2 ** _DOUBLINGS[m.group("n")] - 1), "倍", "growth",
                       "more_than" if m.group("more") else "exact")
            for m in _DOUBLING.finditer(text)]


def _candidates(text: str) -> list[_Candidate]:
    enclosed = _enclosed_names(text)
    enclosed_starts = [s for s, _ in enclosed]
    found: list[_Candidate] = []
    for m in P.fact_matches(text):              # judged(), without a generator's cost per figure
        f = found_at(text, m)
        vague = None
        if (drop := first_drop(f)) is not None:
            if (drop.name == _WEAK_UNIT_WORD and f.surface == _PIECE and _money_talk(text, f.start, f.end)
                    and (f.num != ONE or _change(text, f.start, absolute=True)[0])):
                pass          # 一斤八块, 跌到七块多, 比上周涨了一块: yuan (not 最稳定的一块, 这一块, 一块钱一块)
            elif drop.name != _NOT_A_NUMBER or (read := _vague_high(text, f)) is None:
                continue
            else:
                f, vague, vague_end, vague_share = read      # 两三块钱, 五六千元: a range, read from its high end
        start, end = f.start, f.end
        if enclosed and _inside(enclosed, enclosed_starts, start, end):
            continue
        value, qualifier, info, surface = f.value, f.qualifier, f.info, f.surface
        changed_at = start if vague is None else vague       # (便宜了两三块: the verb before the low end)
        kind, unit = info.kind, info.unit
        if surface == _TENTHS:
            value *= 10
        elif surface == _TENTHS_AND_A_HALF:
            value = (value + _HALF) * 10         # 两成半: 25%
        elif surface in _AND_A_HALF_AFTER:
            value += _HALF                       # 一倍半: 1.5 times; 一年半: 1.5 years
        elif surface[0] == _TENTHS and surface[-1] in DIGIT_VALUE:
            value = value * 10 + DIGIT_VALUE[surface[-1]]     # 八成五: 85%
        elif surface == _DEGREE and _TEMPERATURE.search(text, max(0, start - _TEMPERATURE_REACH), start):
            unit = _CELSIUS                      # 年均气温13度: degrees Celsius, not kilowatt-hours
            if text.endswith(_BELOW_ZERO, 0, start):
                value = -value                   # 最低气温零下5度
        elif unit == _CELSIUS and text.endswith(_BELOW_ZERO, 0, start):
            value = -value                       # 最低气温零下9℃
        elif surface == _DEGREE and not _talks_power(text, start):
            unit, kind = _DEGREE, "quantity"     # 糖度16度以上, 坡度25度: degrees of something, not kilowatt-hours
        elif surface == _COUNTER and counts_people(text, end):
            unit, end = _PERSON, end + 1         # 发现心梗前兆的有3个人，…: people (31个人民法庭: courts)
        elif surface == _PIECE and _money_talk(text, start, end):
            unit, kind = _YUAN, "money"
        elif surface in _AND_A_HALF_UNITS:
            value += _HALF                       # 1个半小时, 两个半月: one and a half
        elif (surface in _THEN_A_HALF and text[end:end + 1] == _HALF_CHAR and not f.post and not f.mult
              and text[end + 1:end + 2] not in _HALF_WORDS):
            value, end = value + _HALF, end + 1  # 一只能长到两斤半, 三亩半地: and a half (not 两斤半年, 三亩半数)
        if kind in ("ratio", "growth"):
            is_change, sign = _change(text, changed_at, per_mille=unit == "‰")
            if is_change and ends_move_as(text, start):
                is_change, sign = False, 1       # 文盲率由5.12%下降为3.49%: the level it fell to
            if not is_change and unit in _POINTS and _LOWERED_BY.search(text, max(0, start - _BEFORE_WINDOW - 2), start):
                sign = -1
            elif (unit in _POINTS and sign > 0 and _BELOW_CHAR.search(text, max(0, start - _GAP_REACH), start)
                  and _GAP_BELOW_BEFORE.search(text, max(0, start - _GAP_REACH), start)):
                sign = -1
            if is_change or unit in _POINTS:
                kind = "growth"
                value *= sign
            elif unit == "倍":
                kind = "ratio"
        elif kind in _LEVEL_KINDS:
            is_change, sign = _change(text, changed_at, absolute=True)
            if is_change and kind == "duration" and text.find(V.STREAK, start - _STREAK_REACH, start) >= 0:
                is_change = False                # 连续下降5个月: how long the fall lasted, not a change in a time
            if is_change:                        # 比上年末减少2.1万人, 比上年减少4天: a change in a level
                kind = "growth"
                value *= sign
        if (text[end:end + 1] == "多" and not f.post
                and (kind == "duration" or surface in ("成", "倍") or _CLAUSE_END.match(text, end + 1)
                     or (kind == "money" and _PRICE_MOVE.match(text, end + 1)))):
            end += 1                             # 3年多, 三成多, 两倍多, 这一车有八吨多。, 从4块多降到…: more than
            qualifier = "more_than"
        if f.sign:
            value = -abs(value)                  # 降幅收窄至-0.5%: the written sign says it, not the fall again
        window = start - 4 if start > 4 else 0   # cheap tests first: 每 before, / after the figure
        per = (_PER.search(text, window, start)
               if kind == "quantity" and text.find("每", window, start) >= 0 else None)
        if per:
            unit = f"{unit}/{_PER_UNIT.get(per.group('per'), per.group('per'))}"   # 每日3万吨 -> 吨/日
        elif unit in _CONCENTRATIONS and text.endswith(_PER_VOLUME, 0, start):
            unit = f"{unit}/{_PER_VOLUME[1:]}"                                    # 每立方米41微克 -> 微克/立方米
        elif kind in ("quantity", "area", "count") and "/" not in unit and not f.post:
            rate = _PER_AFTER.match(text, end) if text.startswith("/", end) else None
            if rate:                                                          # 35亿平方米/年
                unit, end = f"{unit}/{rate.group(1)}", rate.end()
        found.append(high := _Candidate(start, end, value, unit, kind, qualifier, written_sign=bool(f.sign)))
        if vague is not None:
            low = _Candidate(vague, vague_end, value * vague_share, unit, kind, "exact")
            _as_range(low, high)
            found.append(low)
    for m in P.percent_words(text):
        value = parse_number(m.group("pnum"))
        if value is None or _inside(enclosed, enclosed_starts, m.start(), m.end()):
            continue
        fraction = m.group("den")
        if fraction:
            parts = parse_number(fraction)
            if not parts or value >= parts or text.startswith(_CENTURY, m.end()):
                continue                  # 二分之三: no share; 四分之一世纪: 25 years, a time
            value = value * 100 / parts    # 三分之一 -> 33.33…%, exact to Decimal's 28 digits
        is_change, sign = _change(text, m.start())
        after = text[m.end():m.end() + 2]
        qualifier = (P.PREFIX_QUALIFIERS.get(m.group("pre") or "")
                     or P.SUFFIX_QUALIFIERS.get(m.group("post") or "")
                     or next((q for w, q in P.BOUND_AFTER.items() if w != "内" and after.startswith(w)), "")
                     or ("approx" if about_share(text, m.start()) else "exact"))     # 约占全省的四分之三
        unit = "‰" if m.group("per") == "千分之" else "%"
        kind = "growth" if is_change else "ratio"
        found.append(_Candidate(m.start(), m.end(), value * sign, unit, kind, qualifier))
        high = None if m.group("post") or fraction else _PERCENT_WORDS_HIGH.match(text, m.end())
        high_value = parse_number(high.group("num")) if high else None
        if high_value is not None and high_value > value:     # _ranges joins the two ends
            found.append(_Candidate(high.start("num"), high.end(), high_value * sign, unit, kind,
                                    P.SUFFIX_QUALIFIERS.get(high.group("post") or "", "exact")))
    _points_members(text, found)
    found.extend(_shared_unit_members(text, found))
    found.extend(_splits(text))
    found.extend(_indexes(text))
    found.extend(_headcounts(text))
    found.extend(_halves(text))
    found.extend(_half_durations(text))
    found.extend(_decimal_days(text))
    found.extend(_doublings(text))
    found.extend(_Candidate(c.start, c.end, c.value, c.unit, c.kind, "exact", label=c.label, period=c.period,
                            fallback_period=c.column_period)
                 for c in table_cells(text))
    found.extend(_Candidate(c.start, c.end, c.value, c.unit, c.kind, "exact", label=c.label) for c in listed_row_cells(text))
    found = _small_change(text, found)
    if _SECOND in text:                      # (cheap test first)
        found = _minutes_and_seconds(text, found)
    if "万" in text or "亿" in text:                # (cheap test first)
        found.extend(_spoken_amounts(text, found))
    if "万" in text or "亿" in text or "千" in text or "百" in text:
        found.extend(_bare_amounts(text, found))
    if len({(c.start, c.end) for c in found}) < len(found):     # (cheap test first: spans are rarely read twice)
        claimed: set[tuple[int, int]] = set()   # one figure per span: 游客24.8万、96.7万和38.5万人次 is both a
        unique = []                             # list member and a head count; the first reading found stands
        for c in found:
            if (c.start, c.end) not in claimed:
                claimed.add((c.start, c.end))
                unique.append(c)
        found = unique
    found.sort(key=attrgetter("start"))
    return _join_lists(text, _ranges(text, found))


# Numbers listed before a figure that share its multiplier and unit: 分别拉动0.3、2.1和2.8个百分点,
# 分别为25.1、3.2和1.1万吨 (not 第1、2和3名: ranks).
# (each with the figure's multiplier written, too: 分别为98.6万、71.2万、62.4万人次)
_BARE_MEMBERS = regex.compile(rf"(?<![0-9０-９.．A-Za-z第{P.CHINESE_CHARS}{V.LIST_JOINERS}])"
                              rf"(?:[0-9０-９]+(?:[.．][0-9０-９]+)?(?:万亿|万|亿)?[{V.LIST_JOINERS}])+$")
_BARE_MEMBER = regex.compile(r"(?P<num>[0-9０-９]+(?:[.．][0-9０-９]+)?)(?P<mult>万亿|万|亿)?")
_BARE_MEMBERS_REACH = 40


def _shared_unit_members(text: str, found: list[_Candidate]) -> list[_Candidate]:
    """The bare numbers listed right before a figure, each with the figure's multiplier, unit, kind and sign."""
    out = []
    for c in found:
        if c.start == 0 or text[c.start - 1] not in V.LIST_JOINERS or not text[c.start].isdigit():
            continue                                   # cheap test first: most figures follow no list
        m = _BARE_MEMBERS.search(text, max(0, c.start - _BARE_MEMBERS_REACH), c.start)
        if m is None:
            continue
        members = list(_BARE_MEMBER.finditer(text, m.start(), m.end()))
        if all(len(n.group("num")) == 1 for n in members) and not text[c.start + 1:c.start + 2].isdigit():
            continue                                   # 2、3个项目: two or three, an estimate
        mult = _multiplier_of(text, c)
        kind, sign = c.kind, -1 if c.value < 0 else 1
        if kind in ("ratio", "growth"):                # 分别下降1.2、3.4%: the change stands before the list
            is_change, sign = _change(text, m.start(), per_mille=c.unit == "‰")
            kind = "growth" if is_change or c.unit == "百分点" else c.kind
        else:                                          # 分别净减少10.6万、3.8万、3.3万平方公里: so does an amount's
            is_change, change_sign = _change(text, m.start(), absolute=True)
            if is_change:
                kind, sign = "growth", change_sign
        if any(n.group("mult") and n.group("mult") != mult for n in members):
            continue                                   # (98.6万、71.2亿…: not one figure's members)
        for n in members:
            value = parse_number(n.group("num"), mult)
            if value is not None:
                out.append(_Candidate(n.start(), n.end(), value * sign, c.unit, kind, "exact"))
    return out


_COUNTER = "个"
_ABOUT_AFTER = "左右"


def _points_members(text: str, found: list[_Candidate]) -> None:
    """分别下降0.35个和0.6个百分点, 分别拉动1.2个、0.8个和0.5个百分点: numbers with 个 listed right before a
    figure in points are points too (not counts), each with the list's change and sign."""
    if _COUNTER not in text:
        return
    for k, c in enumerate(found):
        if c.unit not in _POINTS or k == 0:
            continue
        first = k
        while (first > 0 and (p := found[first - 1]).unit == _COUNTER and text[p.end - 1] == _COUNTER
               and text[p.end:found[first].start] in _LIST_JOINERS):
            first -= 1
        if first == k:
            continue
        is_change, sign = _change(text, found[first].start, per_mille=c.unit == "‰")
        for member in found[first:k + 1]:
            member.unit, member.kind = c.unit, "growth"
            if is_change:
                member.value = abs(member.value) * sign


def _splits(text: str) -> list[_Candidate]:
    """三次产业结构为9.2:51:39.8 -> one share per part when the parts add up to 100; the split a move reaches
    (由上年的10.3:44.1:45.6调整为9.8:43.5:46.7) shares the label of the one it starts from."""
    out = []
    previous: tuple[int, str] | None = None        # (end, label) of the last split
    for m in P.split_matches(text):
        parts = [(p.start(), p.end(), Decimal(p.group())) for p in _SPLIT_PART.finditer(m.group())]
        if abs(sum(v for _, _, v in parts) - 100) > Decimal("0.5"):
            continue
        moved = _SPLIT_MOVE_TO.match(text, previous[0]) if previous is not None else None
        if moved is not None and m.start() == moved.end():
            label = previous[1]                    # the split a move reaches: the same structure
        else:
            window_start = max(0, m.start() - 30)
            cues = list(_SPLIT_CUE.finditer(text, window_start, m.start()))
            if not cues:
                continue
            label = _SPLIT_LABEL_LEAD.sub("", _CLAUSE_START.split(text[window_start:cues[-1].end()])[-1])
        # 三次产业结构为9.2:51:39.8: the parts are the three sectors', each its own measure (one series per sector)
        sectors = _SECTORS if len(parts) == len(_SECTORS) and _SECTORS_NAMED.search(label) else ("",) * len(parts)
        for (s, e, v), sector in zip(parts, sectors, strict=True):
            out.append(_Candidate(m.start() + s, m.start() + e, v, "%", "ratio", "exact", group=m.start(),
                                  label=label, part=sector))
        previous = (m.end(), label)
    return out


# Two neighbouring digits say "two or three" (两三块钱, 五六千元, 三五百块, 一两天): the low end, then the high end
# with its multiplier and unit, which the low end shares (五 of 五六千元 is 5000).
_DIGITS = {d: Decimal(i) for i, d in enumerate("零一二三四五六七八九", 0)} | {"两": Decimal(2)}
_NOT_A_NUMBER, _WEAK_UNIT_WORD = "not_a_number", "weak_unit_word"


def _vague_high(text: str, f: Found) -> tuple[Found, int, int, Decimal] | None:
    """The high end of a vague range whose two digits no grammar reads (两三块钱, 十五六个), as a figure; where its
    low end is (两, 十五); and the low end's share of the high end (2/3, 15/16); or None."""
    at = text.find(f.num, f.start) if f.chinese else -1
    if at < 0:
        return None
    tens = ""
    if P.VAGUE_PAIR.match(text, at) is None:
        if (m := P.TENS_VAGUE_PAIR.match(text, at)) is None:
            return None
        tens = m.group("tens")
    low_start, at = at, at + len(tens)
    # the low digit masked (the pattern reads no figure right after a numeral); after tens, the tens moved up to
    # stand before the high digit, the text's length kept (十五六个 -> 、十六个)
    masked = f"{text[:low_start]}、{tens}{text[at + 1:]}"
    m = P.fact_pattern().match(masked, low_start + 1)
    if m is None or m.start("num") != low_start + 1:
        return None
    high = found_at(masked, m)
    drop = first_drop(high)       # (一天要卖五六头: the pair shows a count, though 头 alone after 六 may be a word)
    if not high.value or (drop is not None and drop.name != _WEAK_UNIT_WORD):
        return None
    tens_value = parse_number(tens) if tens else 0
    share = (tens_value + _DIGITS[text[at]]) / (tens_value + _DIGITS[text[at + 1]])
    if tens:
        high.start = at + 1       # 十五六个: 十五 the low end, 六个 the high
    return high, low_start, at + 1, share


def _money_talk(text: str, start: int, end: int) -> bool:
    """Whether 块 ending the phrase at ``end`` is yuan: its clause talks money (收入四千多块), or its sentence does
    and the clause names nothing 块 counts (一共是23.6万元，“比前年多了4万多块; not 篮球场3块, 显示屏30块)."""
    if not (price_end := _PRICE_END.match(text, end)):
        return False
    if price_end.group().endswith(_PER_ONE_ENDS):
        return True                   # 三十二块一斤咯, 40多块一斤: a price per one of what it names
    if price_end.group().endswith(_RECKONED) and text.endswith(_BY_PRICE, 0, start):
        return True                   # 按五十八块算，: the price a sale is reckoned by
    if price_end.group().endswith(_FEE):
        return True                   # 交四百来块服务费: a fee paid
    before = text[max(0, start - _MONEY_TALK_REACH):start]
    if _MONEY_TALK.search(before, max(map(before.rfind, _CLAUSE_STOPS)) + 1) is not None:
        return True
    said = text[max(0, start - _SENTENCE_REACH):start]
    said = said[max(map(said.rfind, _SENTENCE_STOPS)) + 1:]
    clause = said[max(map(said.rfind, _CLAUSE_STOPS)) + 1:]
    return _MONEY_TALK.search(said) is not None and _PIECE_OBJECTS.search(clause) is None


# Colloquial prices in 块, 毛 (角) and 分: 一块八 (1.8元), 一块三毛五 (1.35元), 3分钱, 三块五一斤, 两毛钱, 一块多钱,
# 每斤高出五角, 五毛一斤. A bare 毛 or 角 only after a verb of price or what it prices (每斤八毛), or before what it
# prices (not 三毛, 八角, 五角星, 一块三角地; 八角一斤 is star anise).
_SMALL_CHANGE = regex.compile(
    r"(?=[0-9一二两三四五六七八九十百])"           # (a cheap gate first: every price opens with a numeral)
    r"(?<![0-9０-９.．第一二两三四五六七八九十百千万])"
    r"(?:(?P<yuan>[0-9]{1,4}|[一二两三四五六七八九十百]{1,4})块(?:(?P<more>多钱)|(?P<jiao>[一二三四五六七八九1-9])(?:[毛角](?P<fen>[一二三四五六七八九]分?)?)?钱?"
    r"|零(?P<fen0>[一二三四五六七八九])分?钱?)"       # (玉米一块零五一斤: 1.05)
    rf"|(?:(?P<low>[一二两三四五六七八九1-9])[到至])?(?P<dimes>[一二两三四五六七八九1-9])(?:[毛角]钱|毛(?={_PER_ONE})"
    r"|毛(?P<cents2>[一二三四五六七八九])(?![十百千万亿]))"     # (一个两毛五: 0.25; 三毛五一斤)
    r"|(?P<cents>[二两三四五六七八九1-9])分钱"          # (not 花好每一分钱: an idiom)
    r"|(?<=(?:涨|高出|高|贵|便宜|多卖|多收|少卖|少|降|跌|低|差)[了到]?|每公?斤(?:卖|要|是)?|费(?:就|是|要|才)?"     # (鲜的每斤八毛,
    rf"|一[{V.PRICED_ONE}](?:才|就|只|要|也就))"                                      # 派费一件才六毛)
    r"(?:(?P<low2>[一二两三四五六七八九])[到至])?"
    r"(?P<bare>[一二两三四五六七八九])[毛角](?P<more2>多)?)"
    rf"(?=$|{_PHRASE_END}|钱|(?<=钱)的|左右|上下|之间|就|[到至]|{_PER_ONE}"     # (每斤在7块5到8块2之间, 每斤17块5上下,
                                                                               # 每斤交两毛钱的储存费; not 统一块八毛的)
    # ... and 块 or 毛 then one digit before a word that goes on talking (三块八我回去真卖不动, 我按五块二拿, 三块二到三块三在走,
    # 一毛五也不便宜啊; not 一块三亩地)
    r"|(?<=[0-9一二两三四五六七八九十百][块毛][一二三四五六七八九1-9])(?:[我你他咱俺也都还才在拿卖收买给]|[啊吧呢呀哦嘛啦]))",
)
_TEN, _HUNDRED = Decimal(10), Decimal(100)


def _small_change(text: str, found: list[_Candidate]) -> list[_Candidate]:
    """The colloquial prices in ``text``; the figures they overlap are dropped from ``found``."""
    if "块" not in text and "毛" not in text and "角" not in text and "分钱" not in text:      # cheap test first
        return found
    out = []
    for m in _SMALL_CHANGE.finditer(text):
        # 每斤下降约8分钱: the qualifier before it, in its mention
        pre = P.qualifier_ending_at().search(text, max(0, m.start() - P.QUALIFIER_REACH), m.start())
        opens = pre.start() if pre else m.start()
        is_change, sign = _change(text, opens, absolute=True)
        kind = "growth" if is_change else "money"
        if m.group("cents"):                  # 每斤高出3分钱左右
            out.append(_with_suffix(text, _Candidate(opens, m.end(), Decimal(parse_number(m.group("cents")))
                                                     / _HUNDRED * sign, _YUAN, kind,
                                                     P.PREFIX_QUALIFIERS[pre.group()] if pre else "exact")))
            continue
        dimes = parse_number(m.group("jiao") or m.group("dimes") or m.group("bare") or "零")
        yuan = parse_number(m.group("yuan")) if m.group("yuan") else 0
        if dimes is None or yuan is None:
            continue
        cents = (parse_number(m.group("fen").rstrip("分")) if m.group("fen")
                 else parse_number(m.group("cents2")) if m.group("cents2")
                 else parse_number(m.group("fen0")) if m.group("fen0") else 0)
        value = (yuan + Decimal(dimes) / _TEN + Decimal(cents or 0) / _HUNDRED) * sign
        low = m.group("low") or m.group("low2")
        start = max(m.start("dimes"), m.start("bare")) if low else opens
        more = m.group("more") or m.group("more2")          # (一块多钱, 进价一斤涨了两毛多)
        qualifier = "more_than" if more else P.PREFIX_QUALIFIERS[pre.group()] if pre and not low else "exact"
        high = _with_suffix(text, _Candidate(start, m.end(), value, _YUAN, kind, qualifier))
        low_value = parse_number(low) if low else None
        if low_value is not None and low_value < dimes:          # 高出三到五角钱: 0.3 to 0.5 yuan
            low_c = _Candidate(m.start(), m.start() + len(low), Decimal(low_value) / _TEN * sign, _YUAN, kind, "exact")
            _as_range(low_c, high)
            out.append(low_c)
        out.append(high)
    if not out:
        return found
    spans = [(c.start, c.end) for c in out]
    return [c for c in found if not any(s < c.end and c.start < e for s, e in spans)] + out


# An amount said in 万 or 亿 without 元 right after a verb of money said of oneself (卖了2100多万, 纯利润有180万出头,
# 赔了我40多万, 一趟卖个二十万出头, 自己攒了30多万, 毛收入有50来万, 纯落下来三十万出头, 纯利三十万出头, 纯收入十二万
# 出头吧, 投了二十来万修了步道): yuan, as speech leaves it out (赔了十几万: more than 100,000, as 十几万元 is). Not 农民增收1000万,
# 消费规模达10.8亿, 争取投资1.2亿 (no unit, no amount).
_SPOKEN_AMOUNT = regex.compile(rf"(?=[0-9一二两三四五六七八九十])"      # (a cheap gate first, as _BARE_AMOUNT's)
                               rf"(?<=(?P<verb>卖|赔|挣|赚|花|亏|拿|收入|利润|纯利|毛利|净利|分红|攒|收了|投|落下?来?)"
                               rf"(?:了|有|个|到|进去)?(?:我|他|她|咱|俺)?)"
                               rf"(?P<num>[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十]{{1,3}})(?P<inner>多|余|来|(?<=十)几)?(?P<mult>万|亿)"
                               rf"(?P<post>多|出头|左右)?(?=$|{_PHRASE_END}|[吧呢啊呀哦嘛]|(?P<built>[修建盖买搞装]))")
_PUT_IN = "投"        # (only money put in goes on to what it built: 投了二十来万修了步道, not 卖了十万建房子)


def _spoken_amounts(text: str, found: list[_Candidate]) -> list[_Candidate]:
    """The spoken amounts (_SPOKEN_AMOUNT) in ``text`` that no figure in ``found`` overlaps."""
    out = []
    for m in _SPOKEN_AMOUNT.finditer(text):
        start, end = m.span()
        if any(c.start < end and start < c.end for c in found) or (m.group("built") and m.group("verb") != _PUT_IN):
            continue
        value = parse_number(m.group("num"), m.group("mult"))
        if value is None:
            continue
        qualifier = _qualifier_of("", m.group("post") or "") or P.INNER_QUALIFIERS.get(m.group("inner") or "", "exact")
        is_change, sign = _change(text, start, absolute=True)
        out.append(_Candidate(start, end, value * sign, _YUAN, "growth" if is_change else "money", qualifier))
    return out


# A time in minutes and seconds (高峰最小行车间隔2分40秒, 以3分28秒的成绩夺冠): one duration in seconds, not the seconds
# alone; not a broadcast's or a clip's length in its header (【时长】3分20秒, 时长：6分12秒)
_MINUTES_AND_SECONDS = regex.compile(
    r"(?<![0-9.０-９第零一二两三四五六七八九十百])(?P<min>[0-9]{1,3}|[一二两三四五六七八九十]{1,3})分钟?"
    r"(?P<sec>[0-9]{1,2}|[一二三四五六七八九十]{1,3})秒(?P<post>左右|多)?")
_HEADER_LENGTH = regex.compile(r"时长[】:：]\s*$")
_MINUTE = Decimal(60)


def _minutes_and_seconds(text: str, found: list[_Candidate]) -> list[_Candidate]:
    """The times of _MINUTES_AND_SECONDS in ``text``; the figures they overlap are dropped from ``found``."""
    out, spans = [], []
    for m in _MINUTES_AND_SECONDS.finditer(text):
        start, end = m.span()
        spans.append((start, end))
        minutes, seconds = parse_number(m.group("min")), parse_number(m.group("sec"))
        if minutes is None or seconds is None or _HEADER_LENGTH.search(text, max(0, start - 6), start):
            continue
        qualifier = _qualifier_of("", m.group("post") or "") or "exact"
        is_change, sign = _change(text, start)
        out.append(_Candidate(start, end, (minutes * _MINUTE + seconds) * sign, _SECOND, "growth" if is_change
                              else "duration", qualifier))
    if not spans:
        return found
    return [c for c in found if not any(s < c.end and c.start < e for s, e in spans)] + out


# An amount in 万 or 亿 without 元, ending its phrase, in a clause that talks money (产值算下来四亿三千万出头, 社员
# 股金现在是九百四十万, 一条钢质船造价一千五百万左右, 学费加生活费要3万多, 比去年同期少了3万多, 销售额过千万, 产值预计能到
# 6个亿), or opening a clause after one that does (头一块是蔬菜合作社的分成，158万；…其他收入，102万): yuan, as
# speech leaves it out. Not where the clause counts something (粉丝涨到了3.6万, 补贴农户1.2万) or names a scale (网民消费
# 规模达10.8亿); not 争取投资1.2亿 (no money word: 投资 names a project's size as often as a sum).
_BARE_AMOUNT = regex.compile(
    r"(?=[0-9一二两三四五六七八九十百千超突差大将近过])"      # (a cheap gate first: the engine skips other characters)
    r"(?<![0-9.０-９第零一二两三四五六七八九十百千万亿几数])(?P<pre>超过|突破|差不多|大概|将近|近|过)?"
    r"(?:(?P<num>[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百千]+(?:亿[零一二两三四五六七八九十百千]*)?)"
    r"(?P<inner>多|余|来|(?<=十)几)?(?P<mult>万|亿|个亿)"
    # ... or in thousands said without 万, in a sentence that talks money (能卖到一万四，今年你看，九千出头)
    r"|(?P<said>[一二两三四五六七八九十]{1,3}(?:万[零一二两三四五六七八九]?(?:千[一二三四五六七八九]?)?"
    r"|千[零一二两三四五六七八九]?(?:百[一二三四五六七八九]?)?)(?![百十千万亿])"
    # ... or in hundreds where the clause names the money (保费一百二, 女工一天一百六, 光袋子就五百多), and tens
    # as the low end of a range of them (一天工钱八十到一百二)
    r"|[一二两三四五六七八九]百[一二三四五六七八九]?(?![零一二两三四五六七八九十百千万亿])"
    r"|[二三四五六七八九]?十[一二三四五六七八九]?(?=[到至][一二两三四五六七八九]百)))"
    r"(?P<post>多|出头|左右|上下)?"
    rf"(?=$|{_PHRASE_END}|[吧呢啊呀哦嘛了]|一点|不等|之间|的样子|[到至](?:[0-9一二两三四五六七八九十百千])"
    r"|(?P<paid>的\p{Han}{0,4}?(?:补贴|工资|收入|费|钱|利润|成本|奖金|租金|贷款|债|欠款)))")   # (每年有一万二的运营补贴)
# Two neighbouring digits before 千 or 万 (七八千, 四五千, 三四万): a range said as one (patterns.VAGUE_PAIR)
_PAIR_LENGTH = 3
_AMOUNT_NOUNS = re.compile(r"产值|销售额|股金|授信|预算|贷|总投资|分成|收益|出租|额度")
_COUNTED_IN_CLAUSE = re.compile(r"粉丝|播放|观看|点击|浏览|阅读|网民|用户|会员|规模|人次|人口|游客|客流"
                                r"|(?<![一每])[户斤吨亩株棵辆]"       # (not 流转费一亩, 每户: what a price is per)
                                r"|订单|单量|件数")       # (not 头, 台, 单 alone: 头一块是…的分成, 平台, 单位)
# ... or a clause comparing the sentence's money with a base (186.4万元，比前年多了差不多三十万; 17.6万元，比去年同期少了3万多)
_COMPARED_CLAUSE = re.compile(rf"(?:比|较|跟|和)[^{V.CLAUSE_END}]{{1,10}}?(?:多|少|增加|减少)了?$")
# A clause that says only when, before its amount (前年是, 今年也就): the clause before names what it is
_LEAD_ONLY = re.compile(r"(?:前年|去年|今年|上年|明年|当年|往年|头年|那年)?(?:也|就|才|还|也就)?(?:是|有)?")
_SOLD_PAST = frozenset("卖赚挣花拿")        # 卖过十八万: 过 marks the past there, not "more than"
_SAID_ROUGHLY = frozenset(V.SPOKEN_ROUGHLY)
_SAID_MORE = frozenset({"多", "余", "出头"})
_BARE_REACH = 16


def _is_pair(numeral: str) -> bool:
    """Whether ``numeral`` is two neighbouring digits said as a range (八九, 三四)."""
    return len(numeral) == 2 and P.VAGUE_PAIR.match(numeral) is not None


def _money_before(text: str, at: int) -> bool:
    """Whether the sentence before ``at`` talks money."""
    said = text[max(0, at - _SENTENCE_REACH):at]
    return _MONEY_TALK.search(said, max(map(said.rfind, _SENTENCE_STOPS)) + 1) is not None


def _bare_amounts(text: str, found: list[_Candidate]) -> list[_Candidate]:
    """The amounts of _BARE_AMOUNT in ``text`` that no figure in ``found`` overlaps."""
    out = []
    for m in _BARE_AMOUNT.finditer(text):
        start, end = m.span()
        pre = m.group("pre") or ""
        if pre == "过" and text[start - 1:start] in _SOLD_PAST:
            start += 1
            pre = ""
        before = text[max(0, start - _BARE_REACH):start]
        clause = before[max(map(before.rfind, _CLAUSE_STOPS)) + 1:]
        if (at := start - len(clause)) and text[at - 1] in _COMMAS_ONLY and _LEAD_ONLY.fullmatch(clause):
            # 蔬菜合作社的分成，158万; 去年村集体经济收入是一百四十六万，前年是九十来万: the clause before names it
            before = text[max(0, at - 1 - _BARE_REACH):at - 1]
            clause = before[max(map(before.rfind, _CLAUSE_STOPS)) + 1:]
        if ((_MONEY_TALK.search(clause) is None and _AMOUNT_NOUNS.search(clause) is None and not m.group("paid")
             and not ((m.group("said") or _COMPARED_CLAUSE.match(clause) or _is_pair(m.group("num") or ""))
                      and _money_before(text, start - len(clause))))
                or _COUNTED_IN_CLAUSE.search(clause) is not None
                or any(c.start < end and start < c.end for c in found)):
            continue
        said = m.group("said")
        value = (parse_number(said) if said
                 else parse_number(m.group("num"), _YI if m.group("mult") == _SAID_YI else m.group("mult")))
        is_change, sign = _change(text, start, absolute=True)
        kind = "growth" if is_change else "money"
        if value is None:
            said = said or (m.group("num") or "") + (m.group("mult") or "")      # (估计也就八九万的样子)
            if len(said) == _PAIR_LENGTH and said[-1] in MULTIPLIERS and _is_pair(said[:2]):
                unit_value = MULTIPLIERS[said[-1]] * sign   # 一个月能挣七八千: 七 (7000) at least, 八千 (8000) at most
                low = _Candidate(start, start + 1, _DIGITS[said[0]] * unit_value, _YUAN, kind, "exact")
                high = _Candidate(start + 1, end, _DIGITS[said[1]] * unit_value, _YUAN, kind, "exact")
                _as_range(low, high)
                out.extend((low, high))
            continue
        post, inner = m.group("post") or "", m.group("inner") or ""
        qualifier = ("more_than" if pre == "过" or (pre in _SAID_ROUGHLY and (post or inner) in _SAID_MORE)   # (大概2万出头)
                     else _qualifier_of(pre, post) or P.INNER_QUALIFIERS.get(inner, "exact"))
        out.append(_Candidate(start, end, value * sign, _YUAN, kind, qualifier))
    return out


def _with_suffix(text: str, c: _Candidate) -> _Candidate:
    """``c`` with the qualifier word written after it (一块钱左右, 3分钱左右) in its mention."""
    word = next((w for w in P.SUFFIX_QUALIFIERS if text.startswith(w, c.end)), "")
    return replace(c, end=c.end + len(word), qualifier=P.SUFFIX_QUALIFIERS[word]) if word else c


def _qualifier_of(pre: str, post: str) -> str:
    """The qualifier the words before and after a figure found by a finder of its own say, or ''."""
    return P.PREFIX_QUALIFIERS.get(pre) or P.SUFFIX_QUALIFIERS.get(post) or P.INNER_QUALIFIERS.get(post) or ""


def _halves(text: str) -> list[_Candidate]:
    """近一半, 一半以上, 占一半: half, 50%, where a qualifier or 占/达 says it is a share, or a change word before
    it that it is a change (办理时限缩短了一半, 人员编制总数减少一半); not 一半是…."""
    if "一半" not in text:                   # cheap test first
        return []
    out = []
    for m in P.half_pattern().finditer(text):
        pre, post = m.group("pre") or "", (m.group("post") or "").removeprefix(_STILL)    # (一半还多: 多)
        is_change, sign = _change(text, m.start())          # 货物通关时间压缩一半以上: a fall by half
        if not is_change:
            is_change, sign = _change(text, m.start(), absolute=True)    # 比富士贵了一半还多 (speech's)
        if not is_change and (said := _SAID_CHANGED.search(text, max(0, m.start() - 2), m.start())) is not None:
            is_change, sign = True, -1 if said.group("down") else 1      # 去年才五万多，少了一半还多; 花钱少了近一半
        base = (_HALF_OF.search(text, max(0, m.start() - _HALF_REACH), m.start())
                if text[m.start() - 1:m.start()] == _OF else None)
        if not (pre or post or is_change or (m.start() > 0 and text[m.start() - 1] in _SHARE_VERBS) or base):
            continue
        qualifier = (_qualifier_of(pre, post) or (P.PREFIX_QUALIFIERS.get(base.group(1), "") if base else "")
                     or ("approx" if base and (about_share(text, m.start()) or _ABOUT_THE_BASE.search(
                         text, max(0, base.start() - _ABOUT_THE_BASE_REACH), base.start())) else "exact"))
        out.append(_Candidate(m.start(), m.end(), Decimal(50) * sign, "%", "growth" if is_change else "ratio",
                              qualifier))
    return out


_SHARE_VERBS = "占达"
# ... or speech's 少了, 多了 right before it, which compare with what the sentence said before
_SAID_CHANGED = re.compile(r"(?:(?P<down>[少减降跌])|[多增涨])了$")
_STILL = "还"
# ... or a half of a base a share verb names in its clause (约占全县的一半, 不足去年同期的一半, 是采摘价的一半)
_HALF_OF = regex.compile(rf"(占|是|为|相当于|不足|不到|超过|达到)[^{V.CLAUSE_END}]{{1,12}}的$")
_HALF_REACH = 16
_ABOUT_THE_BASE = regex.compile(V.alternation(("约", "大约", *V.SPOKEN_ROUGHLY)))   # (约占全县的一半, 差不多是采摘价的
                                                                                # 一半: about half)
_ABOUT_THE_BASE_REACH = 3
_ROUGHLY = ("左右", "上下", "多")
_HAN = regex.compile(r"\p{Han}")
_HALF_UNITS = {"时": "小时", "头": "小时", "月": "月", "年": "年"}      # by the last character of the unit as written


def _half_durations(text: str) -> list[_Candidate]:
    """不到半小时, 半个月, 进修半年: half a unit of time (a bound after it: 半小时以内, at most)."""
    if "半" not in text:                     # cheap test first
        return []
    out = []
    for m in P.half_duration_pattern().finditer(text):
        pre, post = m.group("pre") or "", m.group("post") or ""
        if post and post not in _ROUGHLY and _HAN.match(text, m.end()):
            continue                         # 流出县外半年以上的人口: a threshold, as rules.threshold_qualified says
        bound = next((q for w, q in P.BOUND_AFTER.items() if text.startswith(w, m.end())), "")
        qualifier = _qualifier_of(pre, post) or ("more_than" if m.group("more") else "") or bound or "exact"
        is_change, sign = _change(text, m.start(), absolute=True)
        out.append(_Candidate(m.start(), m.end(), _HALF * sign, _HALF_UNITS[m.group("unit")[-1]],
                              "growth" if is_change else "duration", qualifier))
    return out


# 出院者平均住院日7.9日，比上年缩短0.3日: days, as a decimal says (a whole number before 日 is a date's day)
_DECIMAL_DAYS = re.compile(r"(?<![0-9０-９.．A-Za-zＡ-Ｚａ-ｚ])(?P<num>[0-9０-９]+[.．][0-9０-９]+)日(?![期报均])")   # (not PM2.5日均)
_DAY = "日"


# ... and whole days where no date can be: more days than a month has (由法定的60日压缩至…), a bound after them (压缩至
# 20日以内, 7日内办结) or a time limit's word before them (审批时限压缩至5日); not 20日，记者获悉 nor 5月5日
_WHOLE_DAYS = regex.compile(r"(?<![0-9０-９.．月年第号])(?P<num>[0-9]{1,3}|[一二两三四五六七八九十]{1,3})日"
                            r"(?:(?P<bound>以内|之内|内)|(?![期报均前后起至晚上下中夜电讯凌早午常益新]))")
_DAY_LIMIT = regex.compile(r"(?:时限|周期|用时|历时|压缩至|压缩到|缩短至|缩短到|减少至|减少到|减至|降至|为期|延长至|延长到|法定的?"
                           r"|承诺)(?:为|由|在|了|是)?$")
_DAY_LIMIT_REACH = 5
_DAYS_IN_A_MONTH = 31


def _decimal_days(text: str) -> list[_Candidate]:
    if _DAY not in text:                   # cheap test first
        return []
    out = []
    for m in _DECIMAL_DAYS.finditer(text):
        value = parse_number(m.group("num"))
        if value is None:
            continue
        is_change, sign = _change(text, m.start(), absolute=True)
        out.append(_Candidate(m.start(), m.end(), value * sign, _DAY, "growth" if is_change else "duration", "exact"))
    for m in _WHOLE_DAYS.finditer(text):
        value = parse_number(m.group("num"))
        if value is None or not (m.group("bound") or value > _DAYS_IN_A_MONTH
                                 or _DAY_LIMIT.search(text, max(0, m.start() - _DAY_LIMIT_REACH), m.start())):
            continue
        is_change, sign = _change(text, m.start(), absolute=True)
        out.append(_Candidate(m.start(), m.end() - len(m.group("bound") or ""), value * sign, _DAY,
                              "growth" if is_change else "duration", "at_most" if m.group("bound") else "exact"))
    return out


def _headcounts(text: str) -> list[_Candidate]:
    """Head counts whose measure word the text leaves out, counted in the noun's (人, 户)."""
    out = []
    for m in chain(_HEADCOUNT.finditer(text), _HEADCOUNT_BEFORE.finditer(text)):
        value = parse_number(m.group("num"), m.group("mult"))
        if value is None:
            continue
        start = m.start("pre") if m.group("pre") else m.start("num")
        post, inner = m.group("post") or "", m.group("inner") or ""
        qualifier = (P.PREFIX_QUALIFIERS[m.group("pre")] if m.group("pre")
                     else "more_than" if inner or post in ("余", "多") else P.SUFFIX_QUALIFIERS.get(post, "exact"))
        is_change, sign = _change(text, start, absolute=True)
        out.append(_Candidate(start, m.end(), value * sign, V.HEADCOUNT_NOUNS[m.group("noun")],
                              "growth" if is_change else "count", qualifier))
    return out


def _indexes(text: str) -> list[_Candidate]:
    out = []
    for m in _INDEX.finditer(text):
        value = Decimal(m.group("num"))
        if value > 0:
            out.append(_Candidate(m.start("num"), m.end("num"), value, "", "index", "exact"))
            if m.group("num2"):
                out.append(_Candidate(m.start("num2"), m.end("num2"), Decimal(m.group("num2")), "", "index", "exact"))
                _as_range(out[-2], out[-1])
    if "指数由" in text:                     # (cheap test first)
        for m in _INDEX_MOVED.finditer(text):    # 交通拥堵指数由1.62降至1.51: where it stood, and where it moved to
            out.extend(_Candidate(m.start(g), m.end(g), Decimal(m.group(g)), "", "index", "exact") for g in ("num", "num2"))
    if "比" in text or "系数" in text or "倍差" in text or "倍率" in text:
        for m in _BARE_RATIO.finditer(text):
            unit = _TIMES if m.group("times") else ""
            for group in ("num", "num2"):
                if m.group(group):
                    out.append(_Candidate(m.start(group), m.end(group), Decimal(m.group(group)), unit, "ratio", "exact"))
            if m.group("change"):
                change = Decimal(m.group("change"))
                out.append(_Candidate(m.start("change"), m.end("change"), -change if m.group("down") else change, unit,
                                      "growth", "exact"))
    return out


def _as_range(low: _Candidate, high: _Candidate) -> None:
    if high.kind == "ratio" and low.kind == "growth":      # 下降10%~15%: the verb sits before the low end
        high.kind = "growth"
        if low.value < 0 < high.value:
            high.value = -high.value
    lo, hi = min(low.value, high.value), max(low.value, high.value)
    # The end written first is the low end, the one written second the high end, as the guidelines' ranges are
    # (20-30万元): for 下降10%~15% too, -10 at_least and -15 at_most, as every labelled range of falls has it.
    low.qualifier, high.qualifier = "at_least", "at_most"
    low.low = high.low = lo
    low.high = high.high = hi
    low.group = high.group = low.start


_TENTHS = V.TENTHS
_TENTHS_AND_A_HALF = V.TENTHS + "半"
_AND_A_HALF_AFTER = frozenset({"倍半", "年半"})


_RANGE_LOW_QUALIFIERS = ("exact", "at_least")     # (至少完成四千万亩至五千万亩: a low end bounded as every low end is)


def _ranges(text: str, found: list[_Candidate]) -> list[_Candidate]:
    """20-30万元 and 159.74%-203.03%: the low end at_least, the high end at_most, both bounds on both."""
    out: list[_Candidate] = []
    for c in found:
        if c.qualifier not in _RANGE_HIGH_QUALIFIERS or c.kind in ("index",):
            out.append(c)
            continue
        prev = out[-1] if out else None
        if (prev is not None and prev.unit == c.unit and prev.qualifier in _RANGE_LOW_QUALIFIERS and prev.group < 0
                and _RANGE_JOIN.fullmatch(text, prev.end, c.start)):
            if prev.kind == "growth" and c.kind != "growth":
                c.kind = "growth"              # 每吨下降150元至200元: the change before the low end is the high end's
                c.value = -abs(c.value) if prev.value < 0 else c.value
            _as_range(prev, c)                 # 50万元至100万元: both ends were found with their unit
            out.append(c)
            continue
        before = text[c.start - 1] if c.start else ""     # cheap test first: most figures follow no mark
        joint = before if before and not before.isspace() else text[max(0, c.start - 3):c.start].rstrip()
        m = (_RANGE_LOW.search(text, max(0, c.start - _RANGE_REACH), c.start)
             if joint[-1:] in _RANGE_MARKS and _number_ends_before_marks(text, c.start) else None)
        if not m:
            out.append(c)
            continue
        num = m.group("num") or m.group("num2")
        mult = m.group("mult") or m.group("mult2") or ""
        num_start = m.start("num") if m.group("num") else m.start("num2")
        high_mult = _multiplier_of(text, c)
        low = parse_number(num, mult or high_mult)
        if low is None:
            out.append(c)
            continue
        if not mult and c.unit == "%" and _TENTHS in text[c.start:c.end]:
            low *= 10                                   # 增长1-2成: tenths, as the high end's
        low_start = num_start
        if out and (out[-1].start >= num_start or out[-1].end > num_start):
            # the low end was found on its own (159.74%), perhaps with a word before it (约3%-5%): one figure
            low_start = min(num_start, out.pop().start)
        kind, sign = c.kind, (-1 if c.value < 0 else 1)
        if c.unit in ("%", "百分点", "倍"):
            is_change, change_sign = _change(text, num_start)
            if is_change:                               # 增长6%-7%: the verb is before the low end
                kind, sign = "growth", change_sign
        elif kind in _LEVEL_KINDS:
            is_change, change_sign = _change(text, num_start, absolute=True)
            if is_change:                               # 减少3万至5万人: so it is before an amount's
                kind, sign = "growth", change_sign
        c.kind, c.value = kind, abs(c.value) * sign
        low_end = m.start() + len(m.group().rstrip(V.RANGE_DASHES + "".join(V.RANGE_WORDS) + " \t"))
        low_c = _Candidate(low_start, low_end, low * sign, c.unit, kind, "exact")
        _as_range(low_c, c)
        out.append(low_c)
        out.append(c)
    return out


def _number_ends_before_marks(text: str, pos: int) -> bool:
    """Whether a number (its multiplier or %) ends right before the dashes, 至/到 and spaces that end at
    ``pos``: what every low end of a range does. _RANGE_LOW is searched only then, since 达到 and 截至
    end in a range word far more often than a range does, and the search costs microseconds."""
    k, floor = pos, max(0, pos - _RANGE_REACH)
    while k > floor and (text[k - 1] in _RANGE_MARKS or text[k - 1].isspace()):
        k -= 1
    return k > floor and text[k - 1] in _LOW_END_CHARS


def _multiplier_of(text: str, c: _Candidate) -> str:
    if text.startswith(_SAID_YI, c.end - len(_SAID_YI), c.end):
        return _YI                     # 投资额度再追加三到五个亿: speech's hundred million, the low end's too
    m = P.fact_pattern().match(text, c.start, c.end)
    return (m.group("mult") or "") if m else ""


_SAID_YI, _YI = "个亿", "亿"


_PREFIX_WORDS = tuple(P.PREFIX_QUALIFIERS)
_EACH = ("分别", "均", "都")


def _join_lists(text: str, found: list[_Candidate]) -> list[_Candidate]:
    """分别为25.1万吨、3.2万吨和1.1万吨: members of a list share one indicator, and a rate listed
    right after a change (分别增长8.5%、10.6%) keeps the change's kind and sign."""
    for prev, cur in pairwise(found):
        gap = text[prev.end:cur.start].strip()
        if gap in _COMMAS_ONLY and (prev.unit != cur.unit or (
                _NAMED_AFTER.match(text, cur.end) and len(following_phrase(text, cur.end)) >= 2)):
            continue                       # 完成率超过九成，近三成企业实现盈利: a figure of its own thing (and
                                           # …48.1亿元，21个市（州）…: a comma joins no list of two units)
        if cur.group >= 0 or not (gap in _LIST_JOINERS or (
                # 分别增长12.6%、3.4%和下降2.7%: a change of its own direction in the list
                prev.kind == cur.kind == "growth" and prev.unit == cur.unit and gap[:1] in V.LIST_JOINERS
                and gap[1:] in _CHANGE_WORDS)):
            continue
        cur.group = prev.group if prev.group >= 0 else prev.start
        prev.group = cur.group
        if (cur.qualifier == "exact" and prev.qualifier != "exact" and text.startswith(_PREFIX_WORDS, prev.start)
                and text.endswith(_EACH, max(0, prev.start - 2), prev.start)):
            cur.qualifier = prev.qualifier      # 分别突破千亿元、八百亿元: the verb before the list bounds each
        if prev.kind == "growth" and cur.unit == prev.unit and (cur.kind == "ratio" or gap in _LIST_JOINERS):
            # (a 百分点 is a change by its unit: 分别下降0.4个百分点和0.3个百分点 falls twice)
            cur.kind = "growth"
            if prev.value < 0 < cur.value and not prev.written_sign:
                cur.value = -cur.value     # (分别增长9.3%、-2.4%、5.1%: a minus written is its member's own)
    # 分别增长5%、7%左右: 左右 after the last member is every member's
    if _ABOUT_AFTER not in text:
        return found                   # (cheap test first: most texts never write 左右)
    last_of: dict[int, _Candidate] = {}
    for c in found:
        if c.group >= 0:
            last_of[c.group] = c
    for c in found:
        last = last_of.get(c.group) if c.group >= 0 else None
        if (last is not None and c is not last and c.qualifier == "exact" and last.qualifier == "approx"
                and text.endswith(_ABOUT_AFTER, 0, last.end) and c.low is None):
            c.qualifier = "approx"
    return found


# 沈阳、大连两市分别增长: the places counted after their list (not part of the measure)
_GROUP_COUNTED = re.compile(r"^[两二三四五六七八九十0-9]{1,2}个?(?:省份|省|市|县|区|地|城市)")


def _after_places(indicator: str, last_place: str) -> str:
    at = indicator.rfind(last_place)
    if at < 0:        # (a phrase cut inside the place's name: 北地区规模以上工业增加值 after 东北地区)
        tail = next((last_place[k:] for k in range(1, len(last_place) - 1) if indicator.startswith(last_place[k:])), "")
        at, last_place = (0, tail) if tail else (-1, last_place)
    rest = without_rank(_without_group(indicator[at + len(last_place):])) if at >= 0 else ""
    if len(rest) >= 2:
        return rest           # (周口、驻马店、商丘三市收购量居全省前三位，分别为…: 收购量)
    alone = without_rank(_without_group(indicator))
    return alone if len(alone) >= 2 else indicator


def _without_group(phrase: str) -> str:
    return _GROUP_COUNTED.sub("", phrase).removeprefix(_RESPECTIVELY)


def _bounds(c: _Candidate) -> tuple[Decimal | None, Decimal | None]:
    if c.low is not None or c.high is not None:
        return c.low, c.high
    if c.qualifier == "exact":
        return c.value, c.value
    lower = c.qualifier in ("more_than", "at_least")
    upper = c.qualifier in ("less_than", "at_most")
    if c.value < 0:                       # 下降超过5%: the bound is on the size of the fall
        lower, upper = upper, lower
    return (c.value if lower else None), (c.value if upper else None)


_MAX_SENTENCE = 600


def _sentence_text(block, span: tuple[int, int], local: int) -> str:
    """The sentence around a fact; a run-on "sentence" (a page without punctuation) is cut to the
    stretch around the fact so no row carries megabytes."""
    s0, s1 = span
    if s1 - s0 > _MAX_SENTENCE:
        half = _MAX_SENTENCE // 2
        s0, s1 = max(s0, local - half), min(s1, local + half)
    return block.text[s0:s1].strip()


# A class of goods with only a change after it (石油及制品类增长1.9%, 汽车类下降3.7%): in a sentence about
# prices, one line of a price index's breakdown; else, in a sentence about sales, of a retail breakdown,
# whatever the goods are (石油 is no energy there, 教育文化娱乐 no public service).
_GOODS_CLASS = re.compile(rf"类(?:商品)?(?:零售额|销售额)?(?:同比|比上年|{V.alternation(V.CHANGE_UP + V.CHANGE_DOWN)})*$")
_SALES, _PRICES = "consumption", "prices"
# A phrase that ends with a price and how it changed names a price (教育文化娱乐价格, 医疗服务价格同比上涨).
_PRICE_OF = re.compile(rf"价格(?:指数)?(?:同比|环比|比上年|比上月)?(?:{V.alternation(V.CHANGE_UP + V.CHANGE_DOWN)})*$")


# The paragraph's keywords weigh in too, half as much as the sentence's: 全市共举办各类活动210余场 in a paragraph on a
# holiday's spending is on consumption, though its own sentence names only 群众 (吸引群众18万人次 stays the public's)
# (labelled texts: topic 0.920 -> 0.930 over the 126 kept in the repository, 0.916 -> 0.933 over 54 fresh ones)
_PARAGRAPH_WEIGHT = 0.5
# ... and the document's title as much as the sentence: a village's open accounts (东岭村…村级集体经济收支情况公开) are on
# farming though an item names only 收入 (labelled texts: topic 0.930 -> 0.936 over the 174 rule texts, 0.926 -> 0.931
# over the 60 kept apart; chosen among weights 0.25-3 on all of them, kept-apart ones included; work reports, whose
# titles name no topic, do not move)
_TITLE_WEIGHT = 1.0


class _TopicChooser:
    """The topic of each fact: topics.choose over its indicator's keyword scores, its sentence's, its
    section's, its paragraph's and its document title's. A topic depends on nothing else, so it is chosen once per set of
    scores: scores are interned (texts that name the same keywords in the same order share one dict)
    and choices kept by the dicts' identities. Sentences whose scores, section's and paragraph's scores
    are the same (most of a bulletin's) form one group, ranked once when it chooses more than once
    (topics.chooser)."""

    def __init__(self, topics, title: str = "") -> None:
        self.topics = topics
        self._paragraph = ""
        self._unnamed: str | None = None                       # the topic of a figure nothing near names, once read
        self._named: list[bool] = []                           # per group: whether its sentence or section names one
        self._scores: dict[str, dict[str, float]] = {}        # text -> its interned scores
        self._interned: dict[tuple, dict[str, float]] = {}     # the scores' items, in order -> the one dict
        self._groups: dict[tuple[int, int, int], int] = {}     # ids of a sentence's, its section's and its paragraph's
                                                               # scores -> group
        self._shared: list[tuple] = []                         # per group: its weighted shared scores
        self._choosers: list = []                              # per group: a chooser, once it has chosen twice
        self._chosen: dict[tuple[int, int], str] = {}          # (id of an indicator's scores, group) -> topic
        self._group = -1
        self._classes_of = ""                                  # prices or sales, when the sentence names them
        self._title_scores = self.scores(title)                # (read once: every group weighs it)
        self._paragraph_scores: dict[str, float] = {}          # the current paragraph's, read once a paragraph

    def scores(self, words: str) -> dict[str, float]:
        scores = self._scores.get(words)
        if scores is None:
            found = self.topics.scores(words)      # in order: ties go by the order of the scores
            scores = self._scores[words] = self._interned.setdefault(tuple(found.items()), found)
        return scores

    def enter(self, sentence: str, section: str) -> None:
        """The sentence the next facts are in."""
        sentence_scores, section_scores = self.scores(sentence), self.scores(section)
        paragraph_scores = self._paragraph_scores
        key = (id(sentence_scores), id(section_scores), id(paragraph_scores))
        group = self._groups.get(key)
        if group is None:
            group = self._groups[key] = len(self._shared)
            self._shared.append(((sentence_scores, 1.0), (section_scores, 0.5), (paragraph_scores, _PARAGRAPH_WEIGHT),
                                 (self._title_scores, _TITLE_WEIGHT)))
            self._choosers.append(None)
            self._named.append(bool(sentence_scores or section_scores))
        self._group = group
        self._classes_of = (_PRICES if _PRICES in sentence_scores else _SALES if _SALES in sentence_scores else "")

    def of_entry(self, indicator: str, topic: str, entry) -> str:
        """The topic of a figure the catalogue names: its entry's, when the phrase itself names that topic
        and its sentence chose another (2025年国内生产总值增速在4.5%—5%之间 in a sentence about prices)."""
        if entry is None or entry.topic == topic or entry.topic not in self.scores(indicator):
            return topic
        return entry.topic

    def enter_paragraph(self, paragraph: str) -> None:
        """The paragraph the next sentences are in."""
        self._paragraph, self._unnamed = paragraph, None
        self._paragraph_scores = self.scores(paragraph)

    def _of_unnamed(self) -> str:
        """The topic of a figure whose phrase, sentence and section name none: its paragraph's, else the
        document title's (1月同比下降0.6% after 从月度同比看，全省CPI呈…走势, under 2024年湖南省居民消费价格变动情况),
        else the fallback."""
        if self._unnamed is None:
            self._unnamed = self.topics.choose((self._paragraph_scores, 1.0), (self._title_scores, 0.5))
        return self._unnamed

    def of(self, indicator: str) -> str:
        if self._classes_of and "类" in indicator and _GOODS_CLASS.search(indicator):
            return self._classes_of
        if "价格" in indicator and _PRICE_OF.search(indicator):
            return _PRICES                     # 教育文化娱乐价格, 交通通信价格: a price, whatever it is of
        own = self._scores.get(indicator)
        if own is None:
            own = self.scores(indicator)
        if not own and not self._named[self._group]:
            return self._of_unnamed()
        key = (id(own), self._group)
        topic = self._chosen.get(key)
        if topic is None:
            chooser = self._choosers[self._group]
            if chooser is None:
                topic = self.topics.choose((own, 3.0), *self._shared[self._group])
                self._choosers[self._group] = False             # the next choice in the group ranks it
            else:
                if chooser is False:
                    chooser = self._choosers[self._group] = self.topics.chooser(3.0, *self._shared[self._group])
                topic = chooser(own)
            self._chosen[key] = topic
        return topic


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def extract_facts(text: str, source: str = "", *, taxonomy: str | None = None, doc: DocumentMeta | None = None,
                  state: ChunkState | None = None) -> list[Fact]:
    """Every quantitative fact in ``text``, in order of appearance.

    ``taxonomy`` is the path of a topic file in the format of ``indicators/lang/data/topics.toml``
    (default: that file). ``doc`` is the document's metadata (read from ``text`` when not given);
    ``state`` carries context from the previous chunk of the same document and is updated for the next.
    """
    return [Fact(*row) for row in _fact_rows(text, source, taxonomy=taxonomy, doc=doc, state=state)]


def _fact_rows(text: str, source: str = "", *, taxonomy: str | None = None, doc: DocumentMeta | None = None,
               state: ChunkState | None = None) -> list[tuple]:
    """The facts of ``text`` as rows of Fact's fields (schema.FIELDS order): a frozen Fact costs
    microseconds to build, and the table needs only its values."""
    if not isinstance(text, str) or not text:
        return []
    if _LONE_SURROGATE.search(text) is not None:
        # (an argument or a path decoded with surrogateescape: no table or file can hold one; one for one,
        # so every span stays where it was)
        text = _LONE_SURROGATE.sub("\ufffd", text)
    layout = analyse(text)              # every step below reads the layout's text; spans are mapped back at the end
    candidates = _candidates(layout.text)
    if not candidates and state is None:
        return []
    carried_section = state.section if state is not None else ""
    if state is not None:
        state.section = next((b.section for b in reversed(layout.blocks) if b.section), carried_section)
    meta = doc if doc is not None else read_document_meta(text, source)
    national_release = meta.kind == "news" and meta.region_source in ("title", "source")   # 国家统计局：…, 来源：…厅
    about = meta.region_name if meta.kind != "news" or national_release else ""
    context = DocumentContext(text, layout, about=about, dated_by_title=meta.kind != "work_report")
    if about and (town := context.story_town_in(about)):
        # ——湄潭县兴隆镇发展壮大村级集体经济的调查与思考 (全镇 again and again): the county's document about the town
        context = DocumentContext(text, layout, about=town, dated_by_title=meta.kind != "work_report")
    catalogue = load_catalogue()
    placer = Placer(layout, context, meta, catalogue, state)    # reads the chunk's report parts
    if not candidates:
        return []
    topics = _TopicChooser(load_taxonomy(taxonomy), meta.title)
    rows: list[tuple] = []
    last_block = None
    last_sentence = (-1, -1)
    last_end_local = 0
    last_indicator = ""
    last_subject = ""                          # what a clause saying only 同比增长 extends (indicator_for)
    last_region = ""                           # the region of the fact before (kept by a clause saying only 同比增长)
    whole_sentence: str | None = None          # the current sentence's text, when no fact needs it cut
    measure = ""                               # what the paragraph's last 从…看 names, if a sentence opened so
    named_by = ""                              # ... or what the sentence's opening …方面， names
    sentence_indicators: list[str] = []        # indicators of the facts so far in the current sentence
    group_sizes = Counter(c.group for c in candidates if c.group >= 0)
    group_last = {c.group: c.end for c in candidates if c.group >= 0}    # candidates are in order
    group_names: dict[int, list[str]] = {}     # indicator of each member of a list, range or split
    group_places: dict[int, list[str]] = {}    # place of each member, when 分别 pairs them
    group_periods: dict[int, list[str]] = {}   # time of each member, when 分别 pairs times (第一季度、第二季度分别…)
    last_group_places: list[str] = []          # the places the last 分别 list of the sentence paired
    last_group_times: list[str] = []           # ... and the times it paired
    block = layout.blocks[0]
    block_end = -1                             # candidates come in order: most share the last one's block
    ctx = None
    offset, btext, blen, stops = 0, "", 0, []  # the block's offset, text, length and clause stops
    moves_possible = False
    move: Move | None = None                   # the move the previous fact began (由120万吨增加到…)
    move_when = ""                             # the start time of the sentence's last move that named one
    split_moves: dict[int, Move] = {}          # the move a split's first part began, for its other parts
    bases_block, bases = None, set[str]()           # the bases (同比, 环比) the paragraph's changes have named
    for c in candidates:
        if not offset <= c.start < block_end:
            block = layout.block_at(c.start)
            offset, btext = block.offset, block.text
            blen = len(btext)
            block_end = offset + blen + 1      # its separating line break belongs to it
            ctx = context.block(block)
            topics.enter_paragraph(btext)
            stops = clause_stops(btext)
            moves_possible = may_hold_moves(btext)
        ls, le = c.start - offset, c.end - offset
        if le > blen:                      # a range read across two blocks
            continue
        if not (block is last_block and last_sentence[0] <= ls < last_sentence[1]):
            sentence = block.sentence_at(ls)    # ... and most share its sentence
        same_sentence = block is last_block and sentence == last_sentence
        floor = last_end_local if same_sentence else 0
        if not same_sentence:                   # what every fact of the sentence shares, read once
            whole_sentence = (_sentence_text(block, sentence, ls) if sentence[1] - sentence[0] <= _MAX_SENTENCE
                              else None)
            measure = sentence_measure(btext, sentence[0], measure if block is last_block else "")   # 从经济总量看，…
            named_by = aspect_measure(btext, sentence[0]) or measure      # 固定资产投资方面，… (this sentence's)
        clause0 = start_after(stops, ls, sentence[0])      # read by period_for and the placer
        # The indicator's phrase starts there too, or after the previous fact of the clause (the same
        # scan: a new sentence is scanned again, as its start may sit after a closing quote).
        phrase_start = min(ls, max(clause0, floor)) if same_sentence else start_after(stops, ls, 0)
        phrase_start = name_start(btext, phrase_start, floor)     # not inside 计算机、通信和其他电子设备制造业
        if c.group < 0:                                           # (a 分别 list names its members itself)
            phrase_start = list_start(btext, phrase_start, floor, ls)
        # 由2023年的120万吨增加到125万吨: a move's two figures measure one thing, and the second is
        # not dated by the first's time.
        move_end = move is not None and same_sentence and ends_move(btext, move, ls)
        if not move_end:
            move = move_from(btext, ls, le, clause0) if moves_possible else None
            if move is not None and not move.when and same_sentence and move_when:
                move = replace(move, when=move_when)   # 由1997年的123万公里增加到…，高速公路由4771公里…
            if move is not None and move.when:
                move_when = move.when
            if c.label and c.group >= 0:               # 由上年的10.3:44.1:45.6调整为…: a split's parts move together
                if move is not None:
                    split_moves[c.group] = move
                else:
                    move = split_moves.get(c.group)
        if not same_sentence:
            move_when = "" if move is None else move.when
        names = group_names.get(c.group)
        subject = ""
        whole_set = whole_set_after(btext, le, c.unit)
        if move_end:
            indicator = last_indicator
        elif move is not None:     # what comes before 由/从 (高速公路里程从9.6万公里…), else the clause before
            indicator, subject = indicator_for(block, move.start, move.start, c.kind, min(phrase_start, move.start),
                                               floor, last_subject if same_sentence else "")
        elif c.label:
            indicator = c.label
        elif names is not None:
            indicator = names.pop(0) if len(names) > 1 else names[0]
            if indicator == last_indicator:    # the high end of a range shares the low end's subject
                subject = last_subject
        else:
            by_measure = named_by
            if (by_measure and same_sentence and last_subject and by_measure in last_subject
                    and (place := dict(ctx.places).get(phrase_start)) and phrase_start + len(place) == ls):
                by_measure = ""        # 消费方面，合肥市实现社会消费品零售总额…；芜湖市2068.4亿元: a place alone before its
                                       # figure, after a clause naming the aspect's measure more fully
            if (not by_measure and btext[ls - 1:ls] == _BY and block is last_block and not same_sentence
                    and last_subject and btext[le:le + 1] != _OF
                    and catalogue.match(unchanged(last_subject), c.kind, c.unit) is not None):
                # …GDP分别为…。深圳以27566.2亿元位居第三: the measure the paragraph named (a catalogue's); not
                # 西藏以6.3%的增速领跑, which names its own after it
                by_measure = unchanged(last_subject)
            indicator, subject = indicator_for(block, ls, le, c.kind, phrase_start, floor,
                                               last_subject if same_sentence else "",
                                               last_subject if block is last_block and not same_sentence
                                               and opens_breakdown(btext[sentence[0]:phrase_start]) else "",
                                               by_measure, whole_set)
            if (same_sentence and last_indicator and indicator.startswith(_PER_WORD) and _PER_ONLY.fullmatch(indicator)
                    and _PER_ONLY.fullmatch(btext, last_end_local + 1, ls) and btext[last_end_local] in V.LIST_JOINERS):
                # 标准提高到每人每月760元和每人每年5400元: the same measure, another per
                indicator = _PER_ONLY.sub("", last_indicator) + indicator
            elif (c.kind == "money" and indicator[:1] == _PER_WORD and _PER_ONLY.fullmatch(indicator)
                  and (paid := _last_payment(btext, sentence[0], ls)) and not paid.startswith(indicator)):
                indicator = paid + indicator       # 岗位补贴按照考核结果发放，每人每月300-500元: 岗位补贴每人每月
            elif same_sentence and last_subject and indicator in _PART_OF_AREA:
                indicator += last_subject          # 累计雨量50～80毫米，局地可达120毫米以上: 局地雨量
            elif (same_sentence and last_subject and indicator[-1:] in _PLACES_COUNTED_LAST
                  and _PLACES_COUNTED.fullmatch(indicator)):
                indicator = last_subject           # …居民人均可支配收入达到41280元；芜湖、马鞍山两市分别为37860元、…:
                                                   # the places' count is no measure, the sentence's is
            elif (indicator[-2:] in _AREA_PART_TAILS and indicator.endswith(_AREA_PARTS)
                  and (spread := _SPREAD_OPENS.match(btext, sentence[0]))):
                indicator += spread.group(1)       # 年降水量空间分布不均，豫南大部800～1300毫米: 豫南大部年降水量
            elif (same_sentence and last_subject and indicator[:1] in V.OPENING_BRACKETS
                  and ((bare := indicator[1:]) in V.COUNTRY_SCOPES or bare in place_names()
                       or GENERIC_PLACE.fullmatch(bare))
                  and btext[le:le + 1] in V.CLOSING_BRACKETS):
                indicator = unchanged(last_subject)   # …低于全国平均水平0.5个百分点（全国为14.4%）: the measure the
                                                      # sentence named, of the place the aside names
            elif (same_sentence and last_subject and indicator[:2] in _PAIRED_HEADS
                  and btext.find(indicator, max(0, ls - len(indicator) - _MEMBER_GAP), ls) >= 0
                  and (member_of := pair_member_measure(indicator, last_subject))):
                indicator, subject = member_of, last_subject     # 恩格尔系数为28.4%，其中城镇27.6%、农村30.9%:
                                                                  # 城镇居民恩格尔系数, and the next member's too
            if c.group >= 0:
                # 中小学、幼儿园分别有152所、236所: one name per member when the counts agree.
                earlier = sentence_indicators if same_sentence else []
                items = [i for i in respective_items(block, ls, floor, group_sizes[c.group], earlier)
                         if not _NUMERAL_ONLY.fullmatch(i)]
                times = listed_periods(btext, ls, floor, group_sizes[c.group])
                if (not times and same_sentence and len(last_group_times) == group_sizes[c.group]
                        and _CHANGE_WORDS_ONLY.fullmatch(btext, clause0, ls)):
                    group_periods[c.group] = list(last_group_times)   # 一季度、二季度分别完成…，同比分别增长…
                if times:          # 2022年、2023年、2024年生产总值分别为…: the times pair, the measure is every member's
                    group_periods[c.group] = times
                    last_group_times = list(times)
                    tail = items[-1].replace(times[-1], "", 1).strip() if len(items) == len(times) else ""
                    items = [tail] * len(times) if tail else []
                places = respective_places(ctx, block, ls, floor)
                if (places and len(items) == len(places) > 1
                        and (items[0].endswith(places[0]) or places[0].endswith(items[0]))   # (玉林街道 read as 街道)
                        and not any(w in items[0] for w in V.ORIGIN_WORDS)     # (来自长沙、武汉的游客)
                        and items[1:-1] == places[1:-1] and items[-1].startswith(places[-1])):
                    items = places             # 禾加镇、钟祥镇肉牛存栏分别达到…: the last place with the measure
                                               # (外贸前五的广东、…: words before the first)
                elif (places and len(items) == len(places) > 1
                      and all(item.startswith(place) for item, place in zip(items, places, strict=True))
                      and len({item[len(place):] for item, place in zip(items, places, strict=True)}) == 1):
                    items = places             # 五竹镇、莲峰镇分别改建…: the places, each given the verb after them
                elif places and len(places) < group_sizes[c.group]:
                    # 梁溪区、…、新吴区、经开区分别增长: a zone the gazetteer lacks, listed among districts, is a
                    # place as they are
                    list_start_at, listed = respectively_clause(btext, ls, floor)
                    members = []
                    if listed:
                        list_end = listed.start()
                        last_end = btext.rfind(places[-1], list_start_at, list_end) + len(places[-1])
                        if last_end >= len(places[-1]) and btext[last_end:last_end + 1] not in _LIST_JOINERS:
                            list_end = last_end        # …、双流区新增减税降费及退税分别为: the measure after the last
                                                       # place is no member, whatever joiners it holds
                        members = [x for x in _LIST_SPLIT.split(btext[list_start_at:list_end].strip()) if x]
                    if members and members[-1] not in places and (
                            last := next((p for p in places if members[-1].startswith(p)), "")):
                        members[-1] = last     # 滁州经开区、苏滁高新区、天长市实际使用外资分别为…: the place, not its measure
                    if (len(members) > 1 and _REGION_WORD in members[-1][2:]
                            and all(len(x) == 2 for x in members[:-1])):
                        # 东部、中部、西部和东北地区规模以上工业增加值: the last member's 地区 is every member's
                        members[-1] = members[-1][:members[-1].index(_REGION_WORD) + len(_REGION_WORD)]
                        members = [x if x.endswith(_REGION_WORD) else x + _REGION_WORD for x in members]
                    if (len(members) == group_sizes[c.group]
                            and all(x in places or x.endswith(V.ZONE_ENDS) or x in place_names() for x in members)):
                        places = items = members
                if places and (all(item in places for item in items)
                               or len(places) == group_sizes[c.group] != len(items)):
                    # (阜阳、亳州、六安增速居前三位，分别增长…: one place a member, and no names that fit)
                    items = []                 # 禾加镇、钟祥镇分别新建污水处理站6座、4座: places, not names,
                    indicator = _after_places(indicator, places[-1])     # and the phrase is what follows them
                    last_at = btext.rfind(places[-1], sentence[0], ls)
                    # (…上饶市，分别完成…；业务收入排名前三位的依次为…，分别完成: this list's phrase, not the
                    # subject of the list before it extended)
                    lead = (subject if subject and indicator.startswith(subject)
                            else unchanged(last_subject) if same_sentence and last_subject else "")
                    own = indicator[len(lead):] if lead and indicator.startswith(lead) and indicator != lead else indicator
                    compared = of_places_compared(own, btext, sentence[0], btext.rfind(places[0], sentence[0], ls),
                                                  named_by, last_at + len(places[-1]) if last_at >= 0 else -1)
                    if compared == own:
                        compared = indicator
                    if compared != indicator:
                        indicator, subject = compared, ""
                    elif last_subject and _CHANGE_WORDS_ONLY.fullmatch(indicator) and (same_sentence or (
                            block is last_block and last_at >= 0
                            and opens_breakdown(btext[sentence[0]:last_at + len(places[-1])]))):
                        # …地区生产总值分别增长5.9%、5.1%；梁溪区、…分别增长4.6%…: the measure the sentence named
                        # (…。从增速看，济源示范区、三门峡市、信阳市分别增长…: the sentence before's), which the
                        # list's later clauses extend in turn (…；安西镇、小江镇增速…，分别为3.2%、1.8%)
                        whole = unchanged(last_subject)
                        if whole and not _CHANGE_WORDS_ONLY.fullmatch(whole):
                            indicator, subject = whole + indicator, whole
                    elif indicator in places and (ranked := ranked_measure(btext, sentence[0],
                                                                           btext.rfind(places[0], sentence[0], ls))):
                        indicator = ranked     # 年末常住人口居前三位的是赣州市、南昌市和上饶市，分别为…: the measure ranked
                    elif (same_sentence and last_subject and (done := indicator.replace(_RESPECTIVELY, "", 1)) in _DOING
                          and (whole := unchanged(last_subject)).startswith(done) and whole != done):
                        indicator = whole      # 全市办理合规案件29件，其中鸠江区、弋江区分别办理9件、7件: the verb
                                               # begins the measure the sentence named
                    elif (not same_sentence and block is last_block and last_subject and btext.startswith(places[0], sentence[0])
                          and indicator.replace(_RESPECTIVELY, "", 1) in _DONE_VERBS and last_region
                          and last_region not in places):
                        # 芜湖市进出口1127.9亿元…。滁州市、宣城市分别完成586.2亿元和402.7亿元: places opening the
                        # sentence after another place's do the same (not a measure of their own)
                        indicator = unchanged(last_subject)
                group_names[c.group] = (items[1:] if len(items) == group_sizes[c.group] else [indicator])
                if len(items) == group_sizes[c.group]:
                    indicator, subject = items[0], ""
                # 分别给予30万元、100万元奖励: the word after the list names every member.
                list_end = group_last[c.group]
                tail = following_phrase(btext, list_end - offset) if list_end - offset <= blen else ""
                if tail and _GRANT_WORD.search(tail) and not indicator.endswith(tail):   # (not twice: 给予200-500元的生活补贴)
                    indicator += tail
                    group_names[c.group] = [name + tail for name in group_names[c.group]]
                if (not places and same_sentence and len(last_group_places) == group_sizes[c.group]
                        and (_RESPECTIVELY in btext[clause0:ls]      # (not a range: 各县区增速介于-2.1%—15.4%)
                             or _CHANGE_WORDS_ONLY.fullmatch(btext, clause0, ls))):
                    places = list(last_group_places)   # 广东、江苏GDP分别为…，分别增长…(，增长…): the same places
                if len(places) == group_sizes[c.group]:
                    group_places[c.group] = places
                    last_group_places = list(places)
        if named_by and indicator in _BARE_RATES:
            indicator = named_by + indicator   # 固定资产投资方面，宿州、亳州增速分别为…: the aspect's rate
        if context.own_names and indicator.startswith(context.own_names):
            named = (measure_of_place_alone(last_subject, c.kind)
                     if indicator in context.own_names and same_sentence and last_subject else None)
            if named is not None:              # 纪台镇蔬菜播种面积8.9万亩，稻田镇7.6万亩: a town the gazetteer lacks
                indicator, subject = named
            else:
                indicator = after_own_place(indicator, context.own_names)
                subject = subject and after_own_place(subject, context.own_names)
        if c.kind == "ratio" and c.unit == "%" and (
                _RATE_NAME.search(indicator) or (_CHANGED.search(indicator) and in_brackets(btext, ls, le))):
            c.kind = "growth"     # 经济增长速度的目标，定为百分之八: a level of what names a growth rate; 生产总值
                                  # 增长5.8%，其中合肥（6.2%）: a member's change, of the measure before the list
        elif c.kind == "ratio" and c.unit == "%" and _FALL_RATE_NAME.search(indicator):
            c.kind, c.value = "growth", -abs(c.value)     # PPI降幅由1月份的4.1%收窄至12月份的1.3%: a fall's rate
        if c.kind == "growth" and c.unit == "%":
            # 一线城市…价格环比下降0.3%。其中，上海上涨0.2%: in a paragraph whose changes are month-on-month
            # only, a change that names no base is month-on-month too (never so where 同比 is named)
            if block is not bases_block:
                bases_block, bases = block, set()
            base = _base_word(indicator)
            if base:
                bases.add(base)
            elif ((bases == _MONTH_ON_MONTH_ONLY or btext.startswith(_MONTH_ON_MONTH_VIEW, sentence[0]))
                  and (verb := _CHANGE_VERB_END.search(indicator)) is not None):     # (从环比看，…下降0.98%)
                indicator = indicator[:verb.start()] + _MONTH_ON_MONTH + indicator[verb.start():]
        if whole_sentence is not None:
            sentence_text = whole_sentence
        else:
            sentence_text = _sentence_text(block, sentence, ls)
        if not same_sentence or whole_sentence is None:
            topics.enter(sentence_text, block.section)
        topic = topics.of(indicator)
        low, high = _bounds(c)
        if c.group in group_periods:
            listed = group_periods[c.group]
            period = listed.pop(0) if len(listed) > 1 else listed[0]
        elif move is not None and not move_end and move.when:
            period = move.when
        elif c.period:
            period = c.period                  # 表1　2024年全区主要经济指标: the caption's time
        else:
            period = period_for(context, ctx, block, ls, sentence, clause0,
                                (move.start, move.first_end) if move_end else None) or c.fallback_period
        compared_base = None           # 比2020年的100万吨: the level compared with, placed as a move's start
        if move is None and btext[ls - 1:ls] == _OF and (
                base_at := _COMPARED_BASE.search(btext, max(clause0, ls - _BASE_REACH), ls)):
            period = base_at.group("when")
            compared_base = Move(base_at.start(), period, le, le)
            indicator = before_comparison(indicator, base_at.group("with"))
        elif (move is None and btext[ls - 1:ls] == _OF and btext.startswith(_COMPARED_AFTER, le)
              and (base_at := _COMPARED_WITH.search(btext, max(clause0, ls - _BASE_REACH), ls))):
            # 常住人口为603148人，与2010年第六次全国人口普查的628743人相比: the level the sentence's figure is
            # compared with, of that time and (when the clause names nothing else) of the same measure
            period = base_at.group("when")
            compared_base = Move(base_at.start(), period, le, le)
            if same_sentence and last_subject and base_at.start() == clause0:
                indicator, subject = unchanged(last_subject), ""
        region = (group_places[c.group].pop(0) if group_places.get(c.group)
                  else region_for(context, ctx, block, ls, sentence))
        if c.group < 0 and last_group_places and region not in last_group_places:
            last_group_places = []             # …沈阳、大连分别增长…；黑龙江增长4.6%，…分别增长: not theirs any more
        if (btext[clause0 - 1:clause0] == V.LIST_COMMA and c.group not in group_places      # (cheap test first:
                and (joint := joint_places(btext, sentence[0], ls))):                       # a list ends there)
            region = joint                     # 广州、深圳两市重点商圈客流…: the places together
        elif (same_sentence and V.LIST_COMMA in last_region and region in last_region
              and _CHANGE_WORDS_ONLY.fullmatch(btext, clause0, ls)):
            region = last_region               # (…，同比提高2个百分点: theirs still)
        region = context.full_names.get(region, region)       # 安溪 in a page that names 安溪县: 安溪县
        if region.endswith(_AUTONOMOUS_PREFECTURE) and region not in btext[sentence[0]:sentence[1]]:
            region = short_names(region)[-1]   # 昌吉回族自治州 goes by 昌吉州, as its own documents write it
                                               # (unless its sentence names it in full)
        if region in V.COUNTRY_SCOPES:
            region = _COUNTRY                  # 我国: the country by its one name, as 全市 is the city's
        if not region and any(m in indicator for m in V.NATIONAL_MEASURES):
            region = _COUNTRY                  # 前三季度国内生产总值949746亿元 in a wire story: the country's
        elif c.unit == "%" and _NATIONAL_RATE.search(indicator) and btext[ls - 1:ls] != _OF:
            region = _COUNTRY                  # 1年期贷款市场报价利率（LPR）为3.1% in a city's release (not
                                               # 按贷款市场报价利率（LPR）的30%给予贴息: a share of it, the city's)
        elif (c.unit == _YUAN and _NATIONAL_PRICE.search(indicator)
              and btext.find(V.STATE, sentence[0], ls) >= 0):
            region = _COUNTRY                  # 国家确定的2024年小麦最低收购价为每斤1.18元，比上年提高0.01元
        if (region == _COUNTRY and same_sentence and last_region not in ("", _COUNTRY)
                and (_CHANGE_WORDS_ONLY.fullmatch(btext, clause0, ls) or btext.startswith(V.SHARE_OF, clause0))):
            region = last_region               # 东部地区实现利润总额36982.1亿元，同比增长3.1%(，占全国的79.7%):
                                               # the same region's
        if c.part:
            indicator = f"{_PART_OF.sub('', indicator)}{V.COLONS[0]}{c.part}"    # 三次产业结构：第一产业
        start, end = block.document_span(ls, le)
        placed = placer.place(block, ls, le, sentence, clause0, kind=c.kind, unit=c.unit, qualifier=c.qualifier,
                              indicator=indicator, period=period, region=region,
                              move=compared_base or move, move_end=move_end)
        if placed[_INDICATOR_ID]:
            topic = topics.of_entry(indicator, topic, catalogue.get(placed[_INDICATOR_ID]))
        rows.append((
            start, end, text[start:end], c.value, c.unit, c.qualifier, c.kind, low, high,
            indicator, period, region, topic, sentence_text, block.section or carried_section, source, *placed,
        ))
        if move_end:
            move = None
        if not same_sentence:
            sentence_indicators = []
            if c.group not in group_places:
                last_group_places = []
            if c.group not in group_periods:
                last_group_times = []
        if whole_set:
            continue          # 14个市州中，长沙、株洲分别上涨…: the figures after the set are read as if it were not
                              # there (of what the sentence before named)
        if in_aside(btext, ls, le, clause0):
            # 普惠小微贷款（单户授信1000万元及以下）余额1.18万亿元: the next figure's phrase runs across the
            # aside, as if it were not there
            if not same_sentence:
                last_end_local, last_indicator, last_subject = sentence[0], "", ""
            last_block, last_sentence = block, sentence
            continue
        sentence_indicators.append(indicator)
        # 中央财政连续3年累计投入90亿元: so does the phrase of the figure after a streak in its clause (but
        # the streak names what a clause that says only how it changed is of, as any figure does)
        if c.kind != "duration" or not _in_streak(btext, ls, le):
            last_end_local = le
        elif not same_sentence:
            last_end_local = sentence[0]
        last_block, last_sentence, last_indicator = block, sentence, indicator
        last_subject = subject or indicator
        last_region = region
    rows.sort(key=itemgetter(0))             # the layout's order of blocks is not always the document's
    return rows


def _in_streak(text: str, start: int, end: int) -> bool:
    """Whether the duration at ``text[start:end]`` is a streak inside a clause that goes on to another
    figure (中央财政连续3年累计投入90亿元, 经济增长连续4年达到或略高于10%): that figure's phrase runs
    across it, as across an aside."""
    return text.endswith(V.STREAK, max(0, start - 3), start) and text[end:end + 1] not in _PHRASE_ENDS


def extract(text: str, source: str = "", *, taxonomy: str | None = None, doc_date: str | None = None,
            doc_region: str | None = None, doc_kind: str | None = None, doc: DocumentMeta | None = None,
            state: ChunkState | None = None) -> pd.DataFrame:
    """The tidy table of every quantitative fact in ``text`` (columns: ``indicators.COLUMNS``).

    ``doc_date`` (ISO), ``doc_region`` and ``doc_kind`` say what the document is when its text does
    not; otherwise its title, dateline and issuer are read (``doc`` gives metadata already read).
    """
    if doc is None and isinstance(text, str):
        doc = read_document_meta(text, source, date=doc_date, region=doc_region, kind=doc_kind)
    # The objects built here (matches, candidates, rows) form no cycles and live until the table is
    # built: the cyclic collector would only rescan them, about a tenth of the time on dense text.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return rows_to_frame(_fact_rows(text, source, taxonomy=taxonomy, doc=doc, state=state))
    finally:
        if collecting:
            gc.enable()
