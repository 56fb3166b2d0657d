"""The indicator of a fact: a short phrase from the text naming what the number measures."""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from ..lang import vocab as V
from ..lang.catalogue import load_catalogue
from ..lang.gazetteer import leading_place, town_names
from ..lang.numbers import parse_number
from ..lang.patterns import (
    ENDS_WORD_WITH_YUE,
    PREFIX_QUALIFIERS,
    REFERENCE_AFTER,
    UNIT_ALIAS,
    VAGUE_PAIR,
    WORDS_AFTER,
    fact_pattern,
)
from ..lang.topics import load_taxonomy
from .clauses import DECOR, clause_end, clause_start, clean, is_han, respectively_clause, scan_back
from .layout import DATELINE, Block
from .period import PERIOD, carried_over

# What a phrase may open with that names nothing measured: 一是, an item's number (1.上级补助收入), connectives …
_LEADING = regex.compile(
    rf"^(?:{V.char_class(V.ITEM_BULLETS)}|"
    r"[一二三四五六七八九十]{1,2}是|[0-9０-９]{1,2}[.．、](?![0-9０-９])|其中|同时|此外|另外|但是|但|不过|而且|并且|据统计|据介绍|经统计|目前|截至目前|已经|预计|力争|计划|提出了|提出|当天|当日|全年"
    r"|全市|全县|全省|全区|全镇|全乡|全街道|全国|我省|我市|我县|我区|本省|本市|本县|本区"
    r"|共计|合计|总计|累计|连续(?:[0-9一二三四五六七八九十两]{1,3}年)?|共有|现有|拥有|尚有|仍有|又有|还有|把(?![握关手持])|共|还|也|又(?!称)|再(?![生贷就制担保融])|均(?![价值衡])|分别|并|和(?![平谐美睦])|及|以及|与|、|其余|其次(?:是|为)?|依次(?:是|为)?|含|包括|其(?![他它余次])|已|另|仅|将|的(?!士)|加(?=上级|上年)"
    # 到2026年突破500亿元: the time a level is reached by (the time itself is stripped next)
    rf"|(?:到|至|截至|截止到?)(?=[{V.ARABIC_DIGIT}]|[一二][{V.CN_DIGITS}{V.YEAR_ZEROS}]{{3}}年|今年|明年|本年|年底|年末))+"
)
_TRAILING = regex.compile(
    rf"(?:达到了|达到|(?<!最)多达|(?<!最)高达|达|中有|分别为|分别|约合|折合|人民币|(?<!{V.char_class(ENDS_WORD_WITH_YUE)})约为?|为|是|有|共有|共计|共|累计|合计|总计|近|超过|突破|实现|增至|升至|降至"
    r"|提高到|提高至|提升到|提升至|上升到|上升至|下降到|下降至|增加到|增加至|减少到|减少至|增长到|增长至"
    r"|压缩至|压缩到|缩短至|缩短到|控制在|保持在|稳定在|定在|保持|维持|规定为|确定为|设定为|拟定为|预定为|初定为|定为|调高到|调高至|调低到|调低至"
    r"|回落到|回落至|回升到|回升至|降到|升到|力争|力求|确保|争取|迈上|跨上|跃上|站上|登上"
    r"|调整为|调整到|调整至|分为|首次|首度|再次|可以|能够|有望|零下|[（(≤≦≥≧<＜>＞]|(?<![许认])可|仅|了|的|已|将|在|到|至|经过|经"
    r"|(?<![人户亩日年月周平])(?<!^村)均|(?<![纲摘需重主首提概])要|也|又|再|连续|继续|仍然|依然|始终|仍)+$"     # 办复率均为100%, 增速也: not 人均, 日均, 平均
)
# 均价为每平方米, 标准分别提高到每人每月: the link or move verb goes, the per stays.
_LINK_BEFORE_PER = regex.compile(rf"(?:分别)?(?:为|是|达到?|(?:{V.alternation(V.MOVE_VERBS)})(?:到|至))(每\p{{Han}}{{1,4}})$")
# A clause left with only one of these names nothing (实际回落到6.1%: what fell is named before; 下调
# 单位缴费比例，各地可降至16%: each place may lower the rate the clause before names).
_ADVERBS_ONLY = frozenset({"实际", "初步", "基本", "基本上", "大约", "大概", "大致", "差不多", "最终",
                           "各地", "各省", "各市", "各县", "各区", "各地区", "各省份", "各城市"})
# How a change was measured (按可比口径, 扣除价格因素): no part of what changed.
_ON_A_COMPARABLE_BASIS = (r"按可比口径|按可比价格计算|按不变价格计算|按(?:当年|现行)价格(?:计算)?|按现价计算|扣除价格因素后?"
                          r"|扣除物价因素后?")
_BASIS_LEAD = regex.compile(rf"^(?:{_ON_A_COMPARABLE_BASIS})+")
# A clause that only says how a figure changed (同比增长, 较上届增加, 比上年末提高, 同比名义增长, 实际增长):
# it is about the figure named before it.
_CHANGE_ONLY = regex.compile(
    rf"^(?:同比|环比|同口径|(?:比|较){V.char_class(V.CLAUSE_END, negate=True)}{{0,8}}?|与上年相比|年均|分别|名义|实际"
    rf"|为(?={V.alternation((*V.CHANGE_UP, *V.CHANGE_DOWN))})"       # (9月份为下降5.4%)
    rf"|{V.MEAN_OVER_YEARS}"     # 两年平均增长5.7%: an average over two years of what came before
    rf"|{_ON_A_COMPARABLE_BASIS})*"
    rf"(?:{V.alternation(V.CHANGE_ADVERBS)})?(?:{V.alternation((*V.CHANGE_UP, *V.CHANGE_DOWN))})?(?:了)?$"
    rf"|^同比(?:{V.alternation((*V.COMPARED_MORE, *V.COMPARED_FEWER))})$"      # 同比少1349亿元: of the figure before
    # 是上年的1.3倍, 相当于2012年的2倍: a multiple of the same thing at another time
    rf"|^(?:{V.char_class(V.MULTIPLE_BASE_LEAD)}|相当于)(?:{PERIOD.pattern})$"
)
_COMPARING_FIRST = "比较同环相" + V.MULTIPLE_BASE_LEAD     # how a clause that compares with something begins
_BREAK_CHARS = V.CLAUSE_SEPARATORS + "（(）)\n"
_PHRASE_BREAKS = frozenset(_BREAK_CHARS)
# Where the phrase after a figure ends: a clause break, a bracket, or a verb or function word.
_MODIFYING_VERBS = frozenset({"签约", "开工", "投产", "建成", "落户", "入驻"})
_FOLLOW_END = re.compile(
    V.char_class(_BREAK_CHARS + V.RANGE_DASHES)      # 20-30万元: the low end is followed by its range
    # (not a verb after 未: 17个项目未开工 counts what was not done)
    + r"|(?<!未)(?:用于|得到|受到|得以|中有|稳定在|保持在|控制在|维持在|齐聚|落户|入驻|参加|参与|开展|进行|实现|完成|达到|成为|获得|签约|开工|投产|建成|纳入|蓄势|预计|已|将|被|正在|正式"
    # (not inside a word: 公共图书馆, 共享单车, 增速高于全省平均水平的)
    r"|正|(?<![高低大多少优])于|是|为|和|与|及(?!以上|以下)|等|也|都|平均|人均|均|并|从|向|对|把|让|使|由|到|至|同比|比"
    r"|(?<!公)共(?![享同建治])|累计)"
    # another figure after a verb (212个乡村旅游重点村接待游客127万人次, 11个县区满意率超过95%): the phrase
    # names what is counted before it, and the words that belong to that figure are left to it; not a
    # figure that qualifies the noun (2台35万千瓦机组, 1.2万名65岁以上老年人, 村的418个茶样) or a name (5G)
    rf"|(?<=[^\W\d的])(?:{V.alternation(PREFIX_QUALIFIERS)})?[{V.ARABIC_DIGIT}]+(?![A-Za-zＡ-Ｚａ-ｚ])"
)
# 6.5%－7%的增速, 10—15%过着…: what the low end of a range of rates measures follows its high end.
_RATE_RANGE_OF = re.compile(rf"{V.char_class(V.RANGE_DASHES)}{{1,2}}[ \t]*[0-9０-９.．]+[%％]")
# A rate or amount followed by what is granted (给予补助, 一次性奖励): the grant names the figure.
_GRANT = re.compile(rf"(?:给予|予以)?(?:一次性)?(?:{V.alternation(V.GRANT_WORDS)})")
# What an amount's range is of, after 的 (20-50万元的村级运转经费, 200-500元的生活补贴)
_GRANT_OR_FUNDS = re.compile(rf"[\u4e00-\u9fff]{{0,12}}?(?:经费|资金|{V.alternation(V.GRANT_WORDS)})")
_CAP_WORDS = ("最高", "最多", "上限")
_RATE_WORDS = (*V.RATE_UP, *V.RATE_DOWN)
_CHANGE_TAIL = regex.compile(
    rf"(?:预期|预计)?(?:同比|环比|同口径|{V.COMPARED_WITH_WORD}[^{V.CLAUSE_END}]{{1,6}}?)?(?:[也都还又再]|(?<![人户亩日年月周平])均)?(?:名义|实际)?"
    rf"(?:年均|平均每年|{V.MEAN_OVER_YEARS})?(?:{V.alternation(V.CHANGE_ADVERBS)})?(?:{V.alternation((*V.CHANGE_UP, *V.CHANGE_DOWN))})了?$")
_COMPARED_WITH = ("比", "较")
_ALSO = "也都还均又"
_LISTED_ON = 4
_NUMERAL = re.compile(rf"[{V.ARABIC_DIGIT}{V.CN_DIGITS}十百千万亿]")
_LEVELS_OF = re.compile(rf"[{V.CN_DIGITS}]级")      # 县、乡、村三级: the levels just listed
_UNIT_ALIAS = re.compile(UNIT_ALIAS + r"(?=[\u4e00-\u9fff])")
_BOUND_WORDS_AFTER = ("及以下", *WORDS_AFTER)      # (及以下 first: it holds 以下)
# A holiday's length, said right after its name or inside its gloss: the length of the holiday.
_HOLIDAY_LENGTH = regex.compile(rf"(?P<name>\p{{Han}}{{0,4}}?(?:{V.alternation(V.HOLIDAY_STRETCHES)}))"
                                r"(?:[（(][^（()）\n]{0,20}?)?(?:共|为|放假|连休)?$")
_HOLIDAY_REACH = 32
_RATE_END = regex.compile(rf"(?:{V.alternation(V.RATE_UP)}|增长速度)$")
_CAUSES = ("由于", "因为", "随着", "受")
_COUNTERPARTS = {"支出": "收入", "收入": "支出", "进口": "出口", "出口": "进口"}
_ABOVE_BELOW = ("高于", "低于", "快于", "慢于", "超过", "超出", "领先", "落后")
_SCOPE_ALONE = regex.compile(V.SCOPE)
_COMPARED_MEMBER_BEFORE = regex.compile(rf"(?P<word>{'|'.join(_ABOVE_BELOW)}){V.SCOPE}{V.SCOPE_GAP}{V.LIST_COMMA}$")
_BASE_MEMBER_REACH = V.SCOPE_MEMBER_REACH + 2      # (with its comparative: 高于全国1.0个百分点、)

_TOWARDS = V.TOWARDS
_RECOVERED = "恢复"          # 旅游总收入…，恢复到2019年的105.3%: the revenue's level against a base year
_GOAL_ONLY = frozenset({"目标", "预期目标", "目标值", "规划目标"})
# 一般公共预算收入4016.8亿元，完成预算的100.9%: how much of its plan the subject reached
_PLAN_DONE = re.compile(r"完成(?:调整后?|年度|全年)?(?:预算|计划|目标)(?:任务)?数?")
_WITH, _RATIO_TO = "与", "之比"
_VERB_AFTER_SUBJECT = re.compile(r"拉动|带动|实现|完成|达到|占")
_DONE = "完成"            # after what is measured, only a verb
_MIN_SUBJECT = 3
# An aggregate of what the clause before named (its total, its daily mean, the sum set aside for or invested
# in it); the last two are of the very things named (新开工项目…，总投资…), the others of their stock.
_INVESTMENT = "总投资"
_INVESTED_IN = ("项目", "工程", "实事", "企业", "园区", "基地")   # (not 全长28.6公里，总投资…: the road's)
_OF_THE_SAME = frozenset({"安排", _INVESTMENT})
_VALUE_WORDS = frozenset({"价值", "货值", "金额", "总价值", "交易额", "成交额"})
_TOTAL_WORDS = frozenset({"总数", "总额", "总量", "总计", "合计", "累计", "规模", "总规模", "日均", "月均", "村均",
                          *_OF_THE_SAME})
# 全年新建高标准农田32万亩，累计建成近300万亩: the running total of what came before.
# (累计 is stripped as any phrase's lead: a bare verb is left)
_TOTAL_DONE = regex.compile(r"建成|完成|达到|实现|改造|建设|引进|培育|认定|创建|培训|发放")
_ADDED_LEAD = regex.compile(r"^(?:全年)?新(?:增|认定|登记|设立|注册|建|开工|引进)")
_SHARE_OF = V.SHARE_OF
_DIGITS = regex.compile(V.FIGURE_CHAR + "+")
_MAX_BEFORE = 16
_MAX_AFTER = 14
_SHARE_SUBJECT = 14          # of a share's phrase: its subject, before 占 and the base
_SHARE_ENDS = ("比重", "比例", "份额", "总数", "总量", "总额")
_MAX_CHANGE_WORDS = 12     # 较2019年同期增长
_MAX_CHAIN = _MAX_BEFORE + _MAX_AFTER + 8       # a phrase with the change words of a figure after it
_FOLLOWING_KINDS = frozenset({"count", "money", "quantity", "area", "duration"})
# After a rate (10%的税率, 5%左右的预期目标) the noun names it, unless it only says how big it is.
_MAGNITUDE_WORDS = ("水平", "幅度")
_RATE_UNIT_ENDS = ("%", "％", "‰", "倍", *V.POINT_UNITS)     # a change of a rate, not of a count
_CHANGE_STARTS = tuple(V.CHANGE_UP + V.CHANGE_DOWN)
_THRESHOLD_WORDS = frozenset({"大关", "关口", "门槛", "台阶", "新台阶"})   # (迈上7800亿元台阶)


_GOAL_AFTER_SUBJECT = regex.compile(r"(?:[\p{Han}0-9A-Za-z]{1,10}?(?:将|要))?(?:力争|确保|争取)")


_PEOPLE_OF_PLACE = V.PEOPLE_OF_PLACE


def _strip_edges(phrase: str) -> str:
    """Drop leading datelines, connectives, periods and place names, and trailing link verbs (达到, 为 …)."""
    before = None
    while phrase and phrase != before:
        before = phrase
        dateline = DATELINE.match(phrase)           # 本报讯今年我省高校毕业生… (the news item's opening)
        if dateline and dateline.end() < len(phrase):
            phrase = phrase[dateline.end():]
        phrase = _LEADING.sub("", phrase)
        goal = _GOAL_AFTER_SUBJECT.match(phrase)     # 市12345热线将力争按时办结率…: what the goal is of
        if goal and goal.end() < len(phrase) - 1:
            phrase = phrase[goal.end():]
        m = PERIOD.match(phrase)
        if m and m.end() < len(phrase) and not carried_over(phrase, 0, m.end()):
            phrase = phrase[m.end():]
        name = leading_place(phrase)
        if name and len(name) < len(phrase) and not phrase.startswith(_PEOPLE_OF_PLACE, len(name)):
            phrase = phrase[len(name):]            # (not 香港同胞, 温州籍: people named by where they are from)
    phrase = _after_place_and_time(phrase)
    phrase = _TRAILING.sub("", _LINK_BEFORE_PER.sub(r"\1", phrase))    # 均价为每平方米 -> 均价每平方米
    return "" if phrase in _ADVERBS_ONLY else phrase


def before_comparison(phrase: str, compared: str) -> str:
    """The subject of a level compared with, the phrase up to its comparison ``compared`` (比2018年的13.1万
    公里: 铁路营业里程要比2018年增加 -> 铁路营业里程); the phrase itself when it names nothing before it."""
    at = phrase.rfind(compared)
    return (_TRAILING.sub("", phrase[:at]) or phrase) if at > 0 else phrase


def measure_of_place_alone(previous: str, kind: str) -> tuple[str, str] | None:
    """(phrase, subject) of a figure whose clause names only a place (合肥市生产总值6365.6亿元，…；芜湖市2347.2亿元;
    纪台镇蔬菜播种面积8.9万亩，稻田镇7.6万亩): the place says where, the measure is the one before it (its
    region comes from the place); None when that one is a place too."""
    subject = unchanged(previous)
    if leading_place(subject) == subject:       # (not a place named the same way before it)
        return None
    return _level_of(subject, kind), subject


def after_own_place(phrase: str, names: tuple[str, ...]) -> str:
    """The phrase without a leading place that the gazetteer lacks but the document names (its issuer
    禾丰县, a county's short name 安溪): 禾丰县今年粮食产量 -> 粮食产量, as for a place the gazetteer knows."""
    for name in names:
        if phrase.startswith(name) and len(phrase) > len(name):
            if phrase[len(name)] in _NAME_GOES_ON or len(leading_place(phrase)) > len(name):
                return phrase          # 西峡县…, 内乡县… (a longer name), 汪洋镇、龙正镇… (a list of places)
            return _strip_edges(phrase[len(name):]) or phrase
    return phrase


_NAME_GOES_ON = frozenset("县市区镇乡村等" + V.LIST_JOINERS)


_TIME_CHARS = frozenset("年月季")
_GENERIC_PLACE_END = regex.compile(rf"[{V.GENERIC_PREFIXES}]{V.char_class(''.join(V.LEVEL_OF_SUFFIX))}$")
_PLACE_REACH = 8


def _after_place_and_time(phrase: str) -> str:
    """What follows a place and a time inside the phrase (省政府核定我市2025年政府债务限额 -> 政府债务限额):
    the words before them say who did something, not what is measured."""
    if _TIME_CHARS.isdisjoint(phrase):                   # cheap test first: most phrases hold no time
        return phrase
    for m in PERIOD.finditer(phrase, 1):
        if len(phrase) - m.end() < 2:
            break
        head = phrase[:m.start()]
        if _GENERIC_PLACE_END.search(head) or (head[-1] in V.LEVEL_OF_SUFFIX and any(
                leading_place(head[k:]) == head[k:] for k in range(max(0, len(head) - _PLACE_REACH), len(head) - 1))):
            return phrase[m.end():]
    return phrase


_FIGURE_OR_TIME = regex.compile(rf"{PERIOD.pattern}|{V.FIGURE_CHAR}+|[A-Za-zＡ-Ｚａ-ｚ]+")
# Words a cut must not split (民生类支出… is not cut to 生类支出…, 规模以上服务业… to 模以上服务业…, 城乡居民医保…
# to 民医保…): the default taxonomy's keywords, the catalogue's names, the thresholds that open a noun and
# the paired modifiers, with the residents they qualify; the phrase then starts with the word, a few
# characters over its length.
_CATALOGUE_NAMES = frozenset(n for i in load_catalogue().indicators.values() for n in i.names)
_WHOLE_WORDS = regex.compile(V.alternation({*load_taxonomy().weights, *_CATALOGUE_NAMES, "规模以上", "限额以上", *_ABOVE_BELOW,
                                             "本届", "本次", "此次", "该次",      # (not 届农交会…)
                                             "国有", "民营", "私营", "外商", "外资", "集体", "大型", "中型", "小型",   # (not 有大型…, 型商业银行…)
                                             "绿色", "有机", "数字", "智能", "智慧", "现代", "特色", "新型", "高新", "高端",
                                             "生态", "标准化",      # (not 色有机食品原料标准化生产基地面积)
                                             *V.SECTORS_WITH_JOINERS,      # (not 金属冶炼和压延加工业…)
                                             *V.PAIRED_MODIFIERS, *(m + "居民" for m in (*V.PAIRED_MODIFIERS, "城乡", "全体"))}))
_WORD_REACH = 4
_FOOTNOTE = regex.compile(r"\[[0-9]{1,2}\]|［[0-9０-９]{1,2}］")     # a bulletin's note mark inside a name
_LAST_JOINER = regex.compile(V.char_class("".join(j for j in V.LIST_JOINERS if j != V.LIST_COMMA)))
_LONG_SECTORS = regex.compile(V.alternation(V.SECTORS_WITH_LIST_COMMAS))
_THRESHOLD_LEFT = regex.compile(r"^\p{Han}{1,3}?及?以[上下]")
_LEVEL_NAMED = "省市县区旗"      # a place's full name (兰州 is also a word's end: 的兰州——新疆线)
_CONNECTIVE_LEFT = regex.compile(r"^(?:以及|和|及|与|、|或|以上|以下)(?=.{2})")


def _last_chars(phrase: str, n: int) -> str:
    """The last ``n`` characters of a phrase, never starting inside a number, a time or a Latin word:
    市12345政务服务… is not cut to 5政务服务…, nor 预算草案2026年全市一般… to 6年全市一般…, nor GDP增速… to
    DP增速… (the cut moves past it, and what then leads the phrase is stripped like any phrase's edge)."""
    cut = len(phrase) - n
    if cut <= 0:
        return phrase
    for m in _FIGURE_OR_TIME.finditer(phrase, 0, cut + n):
        if m.start() >= cut:
            break
        if m.end() > cut:        # (and past a threshold's unit: 为80岁以上老人… is not cut to 岁以上老人…)
            return _strip_edges(_THRESHOLD_LEFT.sub("", phrase[m.end():], count=1))
    if V.LIST_COMMA in phrase[:cut + 1]:       # a sector's long name (电力、热力、燃气及水生产和供应业增加值)
        for m in _LONG_SECTORS.finditer(phrase, 0, cut + _MAX_AFTER):
            if m.start() < cut < m.end():
                return phrase[m.start():]
    if phrase[cut] in V.LEVEL_OF_SUFFIX:       # the end of a place's name (吴兴区2024年… cut to 区2024年…)
        return _strip_edges(phrase[cut + 1:])
    for m in _WHOLE_WORDS.finditer(phrase, max(0, cut - _WORD_REACH), overlapped=True):
        if m.start() >= cut:
            break
        if m.end() > cut:
            return phrase[m.start():]
    comma = phrase.find(V.LIST_COMMA, cut, cut + _WORD_REACH + 1)
    if 0 <= comma < len(phrase) - 1:          # 区财政局、区科技局… is not cut to 政局、区科技局…
        return phrase[comma + 1:]
    if V.LIST_COMMA in phrase[:cut]:          # 电子信息、先进制造和新能源领域…: not cut to 造和新能源领域…
        joiner = _LAST_JOINER.search(phrase, cut, cut + _WORD_REACH + 1)
        if joiner is not None and joiner.end() < len(phrase) - 1:
            return phrase[joiner.end():]
    for at in range(cut + 1, min(cut + _WORD_REACH, len(phrase) - 2)):
        place = leading_place(phrase[at:])    # 国网江苏省电力公司… is not cut to 网江苏省…, but to 江苏省…
        if place and place[-1] in _LEVEL_NAMED:
            return _strip_edges(phrase[at:])
    return _CONNECTIVE_LEFT.sub("", phrase[cut:], count=1)    # 总承包和专业承包建筑业企业…: not 和专业承包…
                                                              # (县级及以上集中式饮用水…: not 以上集中式…)


def _share_reach(phrase: str) -> int:
    """How many of a phrase's last characters may name a figure: _MAX_BEFORE, or for a share
    (战略性新兴产业增加值占规模以上工业增加值比重) as many as its base takes and _SHARE_SUBJECT for its subject."""
    if len(phrase) <= _MAX_BEFORE or not phrase.endswith(_SHARE_ENDS):
        return _MAX_BEFORE
    at = phrase.rfind(_SHARE_OF)
    return max(_MAX_BEFORE, len(phrase) - at + _SHARE_SUBJECT) if at > 0 else _MAX_BEFORE


_UNDER = "下"
_AFFECTED = "影响"
_CIRCUMSTANCE = regex.compile(r"在[^，,；;。：:、]{1,16}?(?:带动|推动|拉动|影响|作用|支持|助力|驱动|引领|加持)下"
                              r"|受[^，,；;。：:、]{1,16}?影响")


_CITED_DOCUMENT = re.compile(r"(?:按照|根据|依据|依照|对照|执行|落实)《[^》]*》(?:[（(][^）)]*[）)])?")


# Words that say only that a measure moved on (进一步缩短至12秒): the measure before is meant
_MOVED_ON_ONLY = frozenset((*V.CHANGE_ADVERBS, "再", "又", "已", "还", "仍"))


@lru_cache(maxsize=65536)
def _clause_before(clause: str) -> tuple[str, bool, str, bool, bool]:
    """What the clause before a figure gives its indicator, read once per distinct clause (the same
    few clauses, 同比增长 or 全市地区生产总值, precede most figures of a bulletin): the phrase it names,
    whether it only says how the figure changed, its last words (for 地区生产总值 + 同比增长), and whether
    the phrase is a time (到2026年) or a conversion (按年平均汇率折算为)."""
    if V.BOOK_TITLE_OPEN in clause:           # 按照《…关于调整全省最低工资标准的通知》（豫政〔2024〕36号）调整为: the document a
        clause = _CITED_DOCUMENT.sub("", clause)    # figure follows names nothing it measures
    cleaned = clean(clause)
    if _UNDER in cleaned or _AFFECTED in cleaned:   # 家用电器和音像器材类零售额在以旧换新政策带动下增长, 水电…，受来水
        cleaned = _CIRCUMSTANCE.sub("", cleaned)    # 偏枯影响下降: what drove it is no part of what is measured
    opened = max(cleaned.rfind("（"), cleaned.rfind("("))
    if opened >= 0 and _strip_edges(cleaned[opened + 1:]):
        cleaned = cleaned[opened + 1:]  # 规模以上工业（年主营业务收入2000万元: an aside names what it measures
                                        # (not 城南区（11.2万件）, 项目清单（共86个）: of what is before it)
    elif opened >= 0 and PERIOD.match(cleaned, opened + 1):
        cleaned = ""                    # …毛入学率力争达到62%以上（2024年为58.3%: an aside giving a time's level
                                        # of what is before it names nothing itself
    stripped = _strip_edges(cleaned)
    before = _last_chars(stripped, _share_reach(stripped))
    change_only = bool(_CHANGE_ONLY.match(before))
    # The change words without what the strip dropped (其中6月份增长 adds 增长, not the period).
    change_words = _BASIS_LEAD.sub("", before) if change_only and before else cleaned.lstrip("，,")
    return (before, change_only, _last_chars(change_words, _MAX_CHANGE_WORDS),
            bool(before and PERIOD.fullmatch(before)), bool(_CONVERTED.fullmatch(before)))


_PAIR_HIGH_REACH = 12      # (a vague range's high end: 三块钱, 六千元, 五万元)


def following_phrase(text: str, end: int) -> str:
    """The noun phrase right after a count or amount (47条 *热线*, 10亿余元 *启动资金*)."""
    if text[end:end + 1] in _PHRASE_BREAKS:       # (no range dash is a break: the test may come first)
        if (unit_alias := _UNIT_ALIAS.match(text, end)) is None:
            return ""                             # most figures end their clause: nothing follows
        end = unit_alias.end()                    # 2,960台（套）粮食烘干设备: the unit's other name
    if end and VAGUE_PAIR.match(text, end - 1):
        # 两 of 两三块钱, 十五 of 十五六个工人: past the high end (read with the low digit masked: the pattern reads
        # no figure right after a numeral) to what both ends are of
        high = fact_pattern().match(f"、{text[end:end + _PAIR_HIGH_REACH]}", 1)
        return following_phrase(text, end - 1 + high.end()) if high is not None else ""
    high = _RATE_RANGE_OF.match(text, end)
    if high is None and text[end:end + 1] in V.RANGE_DASHES:
        # 安排每村20-50万元的村级运转经费: past the high end to what both ends are of (not 介于…之间, 月薪…的岗位占)
        high = fact_pattern().match(text, end + 1)
        if high is not None and not (text.startswith(_OF, high.end()) and _GRANT_OR_FUNDS.match(text, high.end() + 1)):
            high = None
    if high:
        end = high.end()
        if text[end:end + 1] in _PHRASE_BREAKS:
            return ""
    tail = text[end:end + 40]
    if tail.startswith(_BOUND_WORDS_AFTER):   # (cheap test first: most figures have none of them after)
        for word in _BOUND_WORDS_AFTER:       # (after a unit's other name: 8000套(间)以上)
            if tail.startswith(word):
                tail = tail[len(word):]
                break
    if tail.startswith("的"):
        tail = tail[1:]
    stop = _FOLLOW_END.search(tail)
    if (stop is not None and stop.start() == 0 and stop.group() in _MODIFYING_VERBS
            and is_han(tail[stop.end():stop.end() + 1])):
        # 21个签约项目中, 16个开工项目: a verb before the noun describes it (not 12个项目签约, 17个已开工)
        stop = _FOLLOW_END.search(tail, stop.end())
    if stop is not None and stop.start() == 1 and tail[1] == V.LIST_COMMA:
        # 33个国、省控地表水考核断面, 448名县、乡、村三级河长: one character listed is no phrase (but 六十五个县、
        # 市，… is a list)
        last = 1
        while tail[last + 2:last + 3] == V.LIST_COMMA:
            last += 2
        further = _FOLLOW_END.search(tail, last + 1)
        end_at = further.start() if further else len(tail)
        levels = _LEVELS_OF.match(tail, last + 2)
        if end_at - 2 >= _LISTED_ON and not _NUMERAL.search(tail, levels.end() if levels else last + 1, end_at):
            stop = further
    phrase = tail[:stop.start()] if stop else tail
    if phrase[:1].isdigit() and fact_pattern().fullmatch(phrase):
        return ""                                 # 贫困户1200户3800人: another figure, not what is counted
    if len(phrase) > _MAX_AFTER:              # at most _MAX_AFTER characters, quotes and spaces not counted
        kept = 0
        for i, ch in enumerate(phrase):
            if kept >= _MAX_AFTER:
                phrase = phrase[:i]
                break
            kept += not DECOR.match(ch)
    return clean(phrase)


# What may open a sentence of a breakdown before its first figure's clause: 分县市区看, 从行业看, 其中, a
# period (nothing that names what is measured).
_BREAKDOWN_LEAD = regex.compile(
    rf"(?:(?:分|从|按){V.char_class(V.CLAUSE_SEPARATORS, negate=True)}{{1,8}}(?:看|来看|分)|其中|{PERIOD.pattern}"
    rf"|[{V.ARABIC_DIGIT}一二三四五六七八九十]{{1,3}}个(?:{V.alternation(V.WHOLE_SETS)})中)?"     # (14个市州中，…)
    rf"[{V.COMMAS}{V.COLONS}\s]*")


_PLACE_LIST_GAPS = V.LIST_JOINERS + V.COMMAS + " "


@lru_cache(maxsize=4096)          # a bulletin opens many sentences alike (前三季度，, 分县市区看，)
def opens_breakdown(prefix: str) -> bool:
    """Whether a sentence's text before its first figure's clause names nothing but places (分县市区看，
    泰山区增长9.1%; 其中，新泰市、肥城市分别增长…): its figures then measure what the sentence before named."""
    rest = prefix[_BREAKDOWN_LEAD.match(prefix).end():]
    while rest:
        name = (leading_place(rest) or ((zone := _ZONE_NAME.match(rest)) and zone.group())
                or next((town for town in town_names(rest[:_TOWN_REACH]) if rest.startswith(town)), ""))
        if not name:                  # (a zone the gazetteer lacks, listed among places: 济源示范区; a town, which
            return False              # it never holds: 嘉定镇、大塘埠镇、古陂镇分别增长…)
        rest = rest[len(name):].lstrip(_PLACE_LIST_GAPS)
    return True


# 从经济总量看，广东以10.4万亿元位居第一: what a sentence opened by 从…看 ranks its places by.
_FROM = "从"
_BY_PART = "分"
_PART_LEAD = regex.compile(rf"{_BY_PART}{V.char_class(V.CLAUSE_SEPARATORS, negate=True)}{{1,8}}?来?看[{V.COMMAS}]")
_MEASURE_LEAD = regex.compile(rf"{_FROM}({V.char_class(V.CLAUSE_SEPARATORS, negate=True)}{{1,8}}?)来?看[{V.COMMAS}]")
# ... unless it names a way of breaking down (从产业看, 从区域看), not a measure.
_DIMENSIONS = ("产业", "区域", "地区", "行业", "县市区", "县区", "省份", "季度", "月份", "门类", "类型", "方式", "产品",
               "城乡", "结构", "来源", "用途", "领域", "部门", "主体", "市场", "渠道", "环节", "业态", "规模", "性质",
               "层级", "所有制", "经济类型", "注册类型", "地市", "市州", "盟市", "区县", "县市", "乡镇", "国别", "品种",
               "商品", "面上",
               # ... nor how fast (从增速看，…分别增长: the growth of what the sentence before measured)
               "增速", "增幅",
               # ... nor a way of looking (从亮点看, 从总体看, 从各市看)
               "亮点", "特点", "总体", "整体", "各市", "各省", "各县", "各地", "分布", "排名", "排位", "位次")
_BY = "以"


def sentence_measure(text: str, s0: int, current: str = "") -> str:
    """The measure a sentence opened by 从…看 names (经济总量, 增速), '' for one that names a way of
    breaking down; ``current`` (the measure of the paragraph so far) for a sentence opened otherwise
    (从经济总量看，广东…。浙江以6.8万亿元位居第四: still 经济总量)."""
    m = _MEASURE_LEAD.match(text, s0) if text.startswith(_FROM, s0) else None    # cheap test first
    if m is None:
        if text.startswith(_BY_PART, s0) and _PART_LEAD.match(text, s0) is not None:
            return ""          # 分县市区看，…: a way of breaking down, after 从主要税种看 (not 主要税种's any more)
        return current
    return m.group(1) if not m.group(1).endswith(_DIMENSIONS) else ""


# 固定资产投资方面，宿州、阜阳、六安分别增长…: the measure a sentence's places are compared by (not 在教育方面:
# a field of work).
_ASPECT_LEAD = regex.compile(rf"(?!在)({V.char_class(V.CLAUSE_SEPARATORS, negate=True)}{{2,12}}?)方面[{V.COMMAS}]")
_ASPECT = "方面"


def aspect_measure(text: str, s0: int) -> str:
    """The measure a sentence opened by …方面， names (for that sentence only), or ''."""
    m = _ASPECT_LEAD.match(text, s0) if text.find(_ASPECT, s0, s0 + 15) >= 0 else None    # cheap test first
    return m.group(1) if m is not None and not m.group(1).endswith(_DIMENSIONS) else ""


def _names_only_a_doer(before: str) -> bool:
    """Whether a clause before a figure names only a place and a verb (合肥完成, 宿州实现): who, not what."""
    place = leading_place(before)
    return bool(place) and (before.endswith(_DONE, len(place)) or len(place) == len(before)
                            or _TRAILING.fullmatch(before, len(place)) is not None)


def of_places_compared(phrase: str, text: str, s0: int, first: int, measure: str, last_end: int = -1) -> str:
    """The name of a figure of a list of places (滁州、芜湖分别增长…) whose phrase after the places says only
    how it changed: the measure the sentence compares them by, from its opening (固定资产投资方面，…) or
    the words before the list without the ranking (规模以上工业增加值增速居前三位的是滁州、芜湖…); else
    ``phrase``."""
    if not _CHANGE_ONLY.fullmatch(phrase) and not _DONE_ONLY.fullmatch(phrase):
        return phrase          # (业务量排名前三位的依次为南昌市、赣州市和上饶市，分别完成…: 业务量, done)
    if not measure and first > s0:
        before = clean(text[clause_start(text, first, s0):first])
        ranked = _RANKED.search(before)
        if ranked is not None:
            before = unchanged(_RATE_END.sub("", _strip_edges(before[:ranked.start()])))
            measure = before if len(before) >= _MIN_SUBJECT and not leading_place(before) else ""
    if not measure and last_end > first >= 0:
        # 南充、眉山、资阳投资增速居全省前三位，分别增长…: the measure named after the places, before the ranking
        after = clean(text[last_end:clause_end(text, last_end, len(text))])
        ranked = _RANK_TAIL.search(after)
        if ranked is not None:
            after = unchanged(_RATE_END.sub("", _strip_edges(after[:ranked.start()])))
            measure = after if len(after) >= _MIN_MEASURE and not leading_place(after) else ""
    return measure + phrase.replace(_BARE_RESPECTIVELY, "") if measure else phrase


def in_brackets(text: str, start: int, end: int) -> bool:
    """城南区（11.2万件）: a figure that is all its brackets hold."""
    return (start > 0 and text[start - 1] in V.OPENING_BRACKETS
            and end < len(text) and text[end] in V.CLOSING_BRACKETS)


# 居前三位的是, 位居前列的有, 排名前五的依次为: a ranking that lists its members after it
_RANK_TAIL = regex.compile(r"(?:位居|位列|居|排在|排名|列)(?:全[省市县区国])?(?:前|第)[一二三四五六七八九十0-9]+(?:位|名)?$")


def without_rank(phrase: str) -> str:
    """A measure without the rank its places hold (收购量居全省前三位 -> 收购量), when a measure is left."""
    m = _RANK_TAIL.search(phrase)
    return phrase[:m.start()] if m is not None and m.start() >= _MIN_MEASURE else phrase

_MIN_MEASURE = 2       # (投资: a measure after the places may be one word)
_DONE_ONLY = regex.compile(rf"(?:{V.RESPECTIVELY})?(?:{V.alternation(V.DONE_VERBS)})")
_RANKED = regex.compile(r"(?:居|位居|排名|排在|列)\p{Han}{0,5}?的?(?:依次|分别)?(?:是|为|有)|(?:依次|分别)(?:是|为)")
_RANK_REACH = 12


def ranked_measure(text: str, start: int, first_member: int) -> str:
    """The measure places are ranked by when the clause ranking them names it (年末常住人口居前三位的是赣州市、
    南昌市和上饶市，分别为…: 年末常住人口), or ''. ``first_member`` is where the ranked list starts."""
    if first_member <= start:
        return ""
    ranked = _RANKED.search(text, max(start, first_member - _RANK_REACH), first_member)
    if ranked is None or ranked.end() != first_member:
        return ""
    opened = scan_back(text, ranked.start(), start, V.CLAUSE_END + V.COLONS + V.COMMAS)
    measure = _strip_edges(clean(text[opened:ranked.start()]))
    return measure if len(measure) >= _MIN_MEASURE else ""


@lru_cache(maxsize=4096)     # read again for each clause after a figure, of the same few phrases
@lru_cache(maxsize=16384)
def unchanged(phrase: str) -> str:
    """The phrase without the words saying how it changed (工业增加值同比增长 -> 工业增加值), or the phrase
    (read once per distinct phrase: a bulletin's few subjects come back figure after figure)."""
    return _CHANGE_TAIL.sub("", phrase) or phrase


def _level_of(phrase: str, kind: str) -> str:
    """What a level after a change is of: 国内生产总值比上年增长9.1%，达到11.67万亿元 -> 国内生产总值."""
    return phrase if kind == "growth" else unchanged(phrase)


# Measures a bulletin lists for one item, naming the item only with the first (夏粮播种面积…，总产量…，
# 亩产…; 生猪存栏…，出栏…): a clause naming only the measure is of the item named before.
_BARE_MEASURES = ("播种面积", "种植面积", "面积", "总产量", "产量", "亩产", "单产", "存栏", "出栏", "产值", "总产值")
# ... and so are a trade's (手机出口1372.8亿元，…，出口量6540万台: 手机出口量), after an item traded one way
# (not 进出口, whose parts 其中出口…、进口… are the trade's)
_TRADE_MEASURES = ("出口", "进口", "出口量", "出口额", "进口量", "进口额")
_TRADE_WAY_LENGTH = 2
_BY_LENGTH = tuple(sorted(_BARE_MEASURES, key=len, reverse=True))


def _item_of(phrase: str) -> str:
    """The item a phrase ending in one of the bare measures names (夏粮播种面积 -> 夏粮), or ''."""
    for measure in _BY_LENGTH:
        if phrase == measure:
            return ""                  # 播种面积 alone names no item (not 播种 and 面积)
        if phrase.endswith(measure) and len(phrase) > len(measure):
            item = phrase[:-len(measure)].removesuffix("平均")      # 小麦平均亩产…，总产量: 小麦总产量
            if not item or any(m in item for m in _BARE_MEASURES) or _NOT_AN_ITEM.intersection(item):
                return ""                                          # (收获早稻占…: not a noun)
            return item
    return ""


_NOT_AN_ITEM = frozenset("占比的为是了在对与和及、，")
_AND = "和"
_TRADE_WAY_FIRSTS = tuple(way[0] for way in V.TRADE_WAYS)      # (进出口: no item 进 traded out)
# A paragraph of a bulletin opening with the item its measures are of (玉米。播种面积…; 小麦：播种面积…)
_ITEM_LEAD = regex.compile(r"\s*(?P<item>\p{Han}{1,6})[。：:]")


# What a line names before its colon, when nothing else stands between it and the line's start
_NAMED_BEFORE_COLON = regex.compile(r"(?:^|(?<=[\n。；;]))\s*\K[^\d\s，,。；;：:]{2,16}$")
# A trading partner ranked in a clause of its own (欧盟为第二大贸易伙伴, 美国居第三位, 东盟继续保持第一大贸易伙伴地位)
_PARTNER_RANKED = regex.compile(r"(?P<partner>\p{Han}{2,8}?)(?:为|是|居|稳居|位居|继续保持|保持|继续为)(?:我省|我市|全省|全市|本省|本市)?"
                                r"(?:第[一二三四五六七八九十]大|第[一二三四五六七八九十]位|首位|最大)"
                                r"(?:贸易伙伴|贸易国|出口市场|进口来源地|出口目的地|市场|来源地)?(?:地位)?")
_TRADE_ONLY = frozenset({"进出口", "出口", "进口", "进出口额", "出口额", "进口额", "进出口总额", "进出口总值"})


# The same amount in another currency or measure: 按年平均汇率折算为, 折合, 约合.
_CONVERTED = regex.compile(r"(?:按\p{Han}{0,6}?汇率)?(?:折算|折合|约合|换算)(?:成|为)?")


def indicator_for(block: Block, local_start: int, local_end: int, kind: str, start: int, floor: int,
                  previous: str, carried: str = "", measure: str = "", whole_set: str = "") -> tuple[str, str]:
    """A short phrase naming what the number measures, and the subject a clause after it that only
    says how it changed extends (the phrase itself, or for 同比增长 the subject it extended: 存款余额
    11.8万亿元，同比增长8.1%，比年初增加7632亿元 gives 存款余额比年初增加, not …同比增长比年初增加).

    ``floor`` is where the clause may start at the earliest (the end of the previous fact in it),
    ``start`` where it starts (``clauses.clause_start`` from ``floor``); ``previous`` is the subject
    of the fact before in the same sentence, used when the clause only says 同比增长; ``carried`` that
    of the paragraph's last fact before the sentence, used when the sentence's first clause says only
    how a place or a part changed (…增长8.3%。分县市区看，泰山区增长9.1%); ``measure`` what a sentence
    opened by 从…看 names (``sentence_measure``), used when the clause names nothing (广东以10.4万亿元…);
    ``whole_set`` the set the figure counts when places are drawn from it next (``whole_set_after``).
    """
    if whole_set:
        return whole_set, ""         # 14个市州中，…: the set places are drawn from, counted
    phrase, subject = _indicator_for(block, local_start, local_end, kind, start, floor, previous, carried, measure)
    if (phrase in V.DONE_VERBS and start > 0 and block.text[start - 1] in V.COLONS
            and (named := _NAMED_BEFORE_COLON.search(block.text, 0, start - 1)) is not None):
        # 制造业投资：完成31.7亿元，同比增长15.6%: what the line names before its colon
        phrase = subject = named.group()
    if (phrase in _TRADE_ONLY and start > 0 and block.text[start - 1] in V.COMMAS
            and (ranked := _PARTNER_RANKED.fullmatch(_strip_edges(clean(
                block.text[clause_start(block.text, start - 1, 0):start - 1])))) is not None):
        # 欧盟为第二大贸易伙伴，进出口548.3亿元; 美国居第三位，进出口…: the trade with the partner the clause before ranks
        partner = _TOWARDS + ranked.group("partner")
        phrase, subject = partner + phrase, partner + subject
    if _THIS_TRADE in phrase and (trade := _TRADE_LEAD.match(block.text)) is not None:
        # （一）交通运输、仓储和邮政业稳步回升。1-8月，该行业实现营业收入318.4亿元: the trade the paragraph opens with
        named = trade.group("trade").replace(V.LIST_COMMA, "")
        phrase, subject = phrase.replace(_THIS_TRADE, named), subject.replace(_THIS_TRADE, named)
    if kind == "duration" and block.text.endswith(V.STREAK, 0, local_start) and V.STREAK not in phrase:
        # A streak's length (连续 is stripped from any phrase's edges): 粮食总产量连续6年…, 已连续1200天未发生…
        at = local_start - len(V.STREAK)        # where 连续 goes: after the words of the phrase right before it
        if at > 0 and block.text[at - 1] in _ALSO + "已":
            at -= 1                            # 园区已连续…
        k = next((k for k in range(len(phrase), 1, -1) if block.text.endswith(phrase[:k], 0, at)), 0)
        if k == 0 and phrase and block.text.rfind(phrase, 0, at) >= 0:
            k = len(phrase)                    # 粮食总产量达到50.6亿斤、连续八年…: 粮食总产量连续
        phrase = phrase[:k] + V.STREAK + phrase[k:]
    if "[" in phrase or "［" in phrase:         # (cheap test first)
        phrase, subject = _FOOTNOTE.sub("", phrase), _FOOTNOTE.sub("", subject)   # 规模以上工业[1]增加值: a note's mark
    return phrase, subject


# 该行业 (this trade) in a paragraph opening with the trade it is, after a number (（一）交通运输、仓储和邮政业稳步回升。,
# 二是房地产业有所下滑): a bulletin's part by trade
_THIS_TRADE = "该行业"
_TRADE_LEAD = regex.compile(r"\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、是]|[0-9]{1,2}[.．、])"
                            r"(?P<trade>[\p{Han}、]{1,20}?业)")


# A count of the set places are drawn from (14个市州中，…; 18个县（市、区）中，有15个…): a figure, and no measure
# of what follows (extract reads the figures after it as if it were not there)
WHOLE_SET_AFTER = regex.compile(rf"(?P<set>{V.alternation(V.WHOLE_SETS)})中(?:[，,]|有)")
_SET_UNIT = "个"


def whole_set_after(text: str, local_end: int, unit: str) -> str:
    """The set a count ending at ``local_end`` is of when the places a breakdown draws from it come next (14个市州中，
    长沙、株洲分别上涨…; 37个行业中有…), or ''. Read once per figure: it names the figure, and the figures after
    it read as if it were not there."""
    if unit != _SET_UNIT:
        return ""
    whole = WHOLE_SET_AFTER.match(text, local_end)
    return clean(whole.group("set")) if whole is not None else ""
# A count of the members of a set named before it (…中已有176个, 14个县区中，有12个; not 其中有5个)
_HAVE = "有"
_AMONG_SET_BEFORE = regex.compile(rf"(?P<set>[^\p{{N}}\s{V.CLAUSE_END}{V.COLONS}]{{0,12}}?)(?<!其)中"
                                  rf"{V.char_class(V.COMMAS)}?(?:已|共|仅|只|还)?有$")
_AMONG_REACH = 20
# (what opens the set's words: its count's measure word, 在, 这些, 的: 在本年的45种主要工业产品中)
_SET_LEAD = regex.compile(r"^(?:[个家种项所类座名位条处户]|在|这些|这|本年的|的)+")
_MEMBERS_DO = regex.compile(rf"[^{V.ARABIC_DIGIT}{V.CLAUSE_SEPARATORS}（(]{{2,{_MAX_AFTER}}}")
_KEPT_VERBS = ("保持", "稳定", "维持")
# (or for years: 连续多年稳定在600亿斤以上, 连续5年保持在)
_KEPT_AT = regex.compile(rf"[，,\s]*(?:继续|仍|仍然|依然|始终|持续|(?:{V.STREAK})?(?:多年|{V.SMALL_NUMBER}年)来?)"
                         rf"(?:{'|'.join(_KEPT_VERBS)})在?")
_KEPT_LAST = frozenset("在" + "".join(v[-1] for v in _KEPT_VERBS))   # every _KEPT_AT's last character (a cheap test)


def _indicator_for(block: Block, local_start: int, local_end: int, kind: str, start: int, floor: int,
                   previous: str, carried: str, measure: str) -> tuple[str, str]:
    text = block.text
    if kind == "duration" and (holiday := _HOLIDAY_LENGTH.search(text, max(0, local_start - _HOLIDAY_REACH),
                                                                local_start)):
        return holiday.group("name"), holiday.group("name")   # 国庆假期共8天, 春节假期（1月28日至2月4日，共8天）
    if (local_start and text[local_start - 1] == _HAVE
            and (among := _AMONG_SET_BEFORE.search(text, max(0, local_start - _AMONG_REACH), local_start))):
        named = following_phrase(text, local_end)
        if not named and (done := _MEMBERS_DO.match(text, local_end)) is not None:
            # 37个工业大类行业中有26个实现增长: the set's members doing what follows (工业大类行业实现增长)
            members = clean(_SET_LEAD.sub("", among.group("set")))
            return members + done.group(), members
        if (named and kind == "count" and (at := text.find(named, local_end, local_end + _MAX_AFTER)) >= 0
                and (done := _MEMBERS_DO.match(text, at + len(named))) is not None
                and not text[done.end():done.end() + 1].isdigit()):    # (有11个县区满意率超过95%: a figure's own)
            # 13个县（市、区）和开发区中，有10个投资实现正增长, 有29个行业增加值实现增长: a measure of their own,
            # and what it did
            return named + done.group(), named
    before, change_only, change_words, timed, converted = _clause_before(text[start:local_start])
    if (previous and text[start - 1:start] == V.LIST_COMMA
            and _SCOPE_ALONE.fullmatch(text, start, local_start)
            and (compared := _COMPARED_MEMBER_BEFORE.search(text, max(0, start - _BASE_MEMBER_REACH), start))):
        # 增长6.3%，高于全国1.0个百分点、全省0.8个百分点: the gap to the list's next base
        return previous + compared.group("word") + text[start:local_start], previous
    if in_brackets(text, local_start, local_end):
        # 诉求量居前三位的是城南区（11.2万件）、高新区（9.7万件）: a member's figure in brackets after its
        # name is of the measure named before the list, not of the name (全省…增长5.8%，其中合肥（6.2%）:
        # of the one before, when it too was a member's or this member is a place alone)
        if previous and (leading_place(before) == before or (text[floor:floor + 1] in V.CLOSING_BRACKETS and (
                not before or before.endswith(V.PLACE_LIKE_ENDS)))):
            return previous, previous  # (not 农药残留超标（312批次）、微生物污染（175批次）: a member named)
        ranked = _RANKED.search(before)
        if ranked and ranked.start() >= 2:
            return before[:ranked.start()], before[:ranked.start()]
    if kind != "duration" and timed:
        before, converted = "", False   # 到2026年突破500亿元: a time names nothing measured (but 端午假期3天 the holiday)
    if change_only and kind == "growth" and not text.endswith(_RATE_UNIT_ENDS, local_start, local_end):
        named = following_phrase(text, local_end)
        if len(named) >= 2 and not named.startswith(_CHANGE_STARTS):
            # 全年增加3000个学位, 今年减少120家亏损企业: what is counted follows the count (not the last
            # sentence's measure)
            return before + named, before + named
    if measure and (before in ("", _BY) or _names_only_a_doer(text[start:local_start])):
        return measure, measure         # 社会消费品零售总额方面，合肥完成4986.2亿元: the sentence's measure
    if previous and converted:
        subject = unchanged(previous)        # 人均地区生产总值11.8万元，按年平均汇率折算为1.67万美元
        return subject, subject
    if not previous and change_only and kind == "growth" and start > floor + 1:
        subject = unchanged(_RATE_END.sub("", _subject_between(text, floor, start)))
        if subject and not subject.startswith(_CAUSES):   # 规上工业增加值增速由负转正，增长0.6%: of what turned
                                                          # (not 由于不合理运输的减少, a cause)
            return subject + change_words, subject
    if not previous and carried and change_only and before and kind == "growth":
        previous = carried
    if previous and change_only and kind == "growth" and start > floor + 1 and _TURNED.search(
            text, clause_start(text, start - 1, floor), start - 1):
        subject = _subject_between(text, floor, start)
        if subject:                    # 社会消费品零售总额…，其中汽车类商品零售额由降转升，增长2.6%: of what turned
            return subject + change_words, subject
    if previous and change_only and (kind == "growth" or (before and before[0] in _COMPARING_FIRST)):
        # 地区生产总值 + 同比增长, once: a sentence of many such clauses must not grow the phrase figure by
        # figure (it made such a sentence quadratic)
        if previous.endswith(change_words) or len(previous) + len(change_words) > _MAX_CHAIN:
            return previous, previous
        if not text.endswith(V.POINT_UNITS, local_start, local_end) or not before.startswith(_COMPARED_WITH):
            # 规模以上工业增加值同比增长6.9%，环比增长0.41%: the change after a change is of the value added,
            # not of its growth (but 同比增长7.6%，比1-7月加快0.4个百分点: the growth sped up)
            previous = unchanged(previous)
        return previous + change_words, previous
    if (previous and kind == "growth" and before.startswith(_ABOVE_BELOW)
            and text.endswith(V.POINT_UNITS, local_start, local_end)):
        # 地区生产总值…，增长5.9%，高于全省0.4个百分点: the gap is of what came before's growth (not 高于全省
        # alone, which took its topic from the next clause's 一般公共预算收入)
        if len(previous) + len(before) <= _MAX_CHAIN:
            return previous + before, previous
    if previous and before in _ABOVE_BELOW and (reference := REFERENCE_AFTER.match(text, local_end)):
        # 城镇调查失业率5.1%，低于5.5%左右的控制目标: the goal (or standard) of what came before (广义货币M2增长
        # 11.3%，低于13%左右的预期目标: of its growth)
        return previous + reference.group("name"), previous
    if previous and before in _MOVED_ON_ONLY:
        # 12315热线平均接通时长为17秒，下半年进一步缩短至12秒: the level the same measure moved to
        subject = unchanged(previous)
        return subject, subject
    if previous and before in _GOAL_ONLY:
        # 常住人口城镇化率…提高到61.2%，2025年目标为63%: the goal for what came before
        subject = unchanged(previous)
        return subject + before, subject
    if previous and before in _COUNTERPARTS:
        # 国有资本经营预算收入3.8亿元，…；支出2.1亿元: the other side of the same account (对美出口…，进口…)
        stem = unchanged(previous)
        other = _COUNTERPARTS[before]
        if stem.endswith(other) and len(stem) > len(other):
            phrase = stem[:-len(other)] + before
            return phrase, phrase
    if previous and before.startswith(_RATE_WORDS):
        # 贷款余额9.67万亿元，同比增长7.4%，增速比全国高0.8个百分点: the rate of what came before
        # (工业增加值同比增长7.6%，增速比…回落: of 工业增加值, not of 工业增加值同比增长)
        subject = unchanged(previous)
        if len(subject) + len(before) <= _MAX_CHAIN:
            return subject + before, subject
    if previous and kind == "ratio" and len(before) > 1 and (
            before[:1] in V.MULTIPLE_BASE_LEAD or before.startswith(_RECOVERED) or _PLAN_DONE.fullmatch(before)):
        # 一般公共预算收入完成486.2亿元，为预算的101.3%（完成预算的101.3%），比上年增长4.6%: the share of
        # plan is the revenue's, and so is the growth after it
        subject = unchanged(previous)
        if len(subject) + len(before) <= _MAX_CHAIN:
            return subject + before, subject
    if previous and text[local_start - 1:local_start] in _KEPT_LAST and _KEPT_AT.fullmatch(text, start, local_start):
        subject = unchanged(previous)  # 占…的比重达77.9%，继续保持在七成以上: the level of what came before
        return subject, subject
    if len(before) <= 1 and previous and start == floor:
        named = following_phrase(text, local_end)
        if len(named) >= 2 and not named.startswith(V.CHANGE_UP + V.CHANGE_DOWN):
            return named, named           # 完成率超过九成，近三成企业实现盈利: the words after it name it
        return _level_of(previous, kind), previous
    if previous and ((len(before) >= 2 and leading_place(before) == before) or _PORT_ONLY.fullmatch(before)):
        measured = measure_of_place_alone(previous, kind)     # (…；其中岳阳港完成1.86亿吨: the port named after its city)
        if measured is not None:
            return measured
    if len(before) >= 2 and leading_place(before) == before and (heading := _heading_measure(block.section)):
        return heading, heading         # 附表2 各省粮食产量排名: 黑龙江8050.2万吨，河南6790.4万吨 …: the table's measure
    if previous and before.startswith(_TOWARDS) and len(before) > 2:
        # 第二产业拉动经济增长2.9个百分点，对经济增长的贡献率为46.8%: the contribution is the subject's, the
        # words before its verb (not 对东盟进出口…；对美国进出口1402.8亿元: a partner, no verb before it)
        stem = unchanged(previous)
        head = _VERB_AFTER_SUBJECT.split(stem, maxsplit=1)[0]
        if (_MIN_SUBJECT <= len(head) < len(stem) and len(head) + len(before) <= _MAX_CHAIN
                and not head.startswith(_TOWARDS)):     # (…对东盟进出口占全市外贸总值的19.1%；对美国进出口: partners)
            return head + before, previous
    if previous and kind == "ratio" and before.endswith(_RATIO_TO) and change_words.startswith(_WITH):
        # 研究与试验发展经费支出812.5亿元，…，与地区生产总值之比为2.65%: the ratio of what came before
        subject = unchanged(previous)
        if len(subject) + len(before) < _MAX_CHAIN:
            return subject + _WITH + before, subject
    if previous and kind == "ratio" and before.startswith(_SHARE_OF):
        # 教育支出24.6亿元，占一般公共预算支出的21.5%: the share of what came before (its subject, when
        # that was a share too: …占预算数的82.82%；国防费支出…，占预算数的90.36%)
        subject = _CHANGE_TAIL.sub("", previous.partition(_SHARE_OF)[0])     # 工业投资占…, not 工业投资增长占…
        phrase = subject + before if len(subject) + len(before) <= _MAX_CHAIN else before
        return phrase, phrase              # (…占…的21.5%，比上年提高1.3个百分点: the share rose)
    after = (following_phrase(text, local_end)
             if kind in _FOLLOWING_KINDS or not before or text.startswith("的", local_end) else "")
    if (after.endswith(_MAGNITUDE_WORDS) and kind not in _FOLLOWING_KINDS) or after in _THRESHOLD_WORDS:
        after = ""                          # 稳定在2%左右的较低水平, 突破1万亿元大关: how big, not what is measured
    if not after and _GRANT.match(text, local_end):
        after = following_phrase(text, local_end)      # 按设备投资额的10%给予补助: what the rate is of
    if previous and before in _VALUE_WORDS and not after and len(previous) + len(before) <= _MAX_CHAIN:
        # 进口原油2186.5万吨，减少4.2%，价值1085.3亿元，下降11.8%: the value of what came before, which the
        # change after it is of
        phrase = unchanged(previous) + before
        return phrase, phrase
    if (previous and (before in _TOTAL_WORDS or _TOTAL_DONE.fullmatch(before)) and not after
            and (before != _INVESTMENT or _CHANGE_TAIL.sub("", previous).endswith(_INVESTED_IN))):
        # 新认定高新技术企业226家，总数达到1218家; 收入预期增长4%左右，安排506亿元; 新建高标准农田32万亩，
        # 累计建成近300万亩: the total of, the sum set aside for, what came before
        subject = unchanged(previous)
        subject = subject.partition(_SHARE_OF)[0] or subject     # 进出口总值，占全国的20.6%；…完成: of the trade
        if before not in _OF_THE_SAME:
            subject = _ADDED_LEAD.sub("", subject) or subject     # 新增企业23家，总数…: the stock, not the new
        return subject + before, subject
    if not after and before.endswith(_DONE) and len(before) - len(_DONE) >= _MIN_SUBJECT:
        before = _TRAILING.sub("", before[:-len(_DONE)])   # 地区生产总值完成4721.3亿元, 投资共完成 (but
                                                            # 完成7356座水库, 至少完成四千万亩)
    if before.endswith(_CAP_WORDS) and previous and len(before) <= 8:
        before = previous + before[-2:]                # …给予补助，单个项目最高不超过500万元
    if not after and before in _BARE_MEASURES:
        item = _item_of(unchanged(previous)) if previous else ""
        if not item and (lead := _ITEM_LEAD.match(text)) is not None and lead.end() <= start:
            item = lead.group("item")   # 玉米。播种面积5847.2万亩…，总产量458.6亿斤: the item the paragraph opens with
        if item:                        # 生猪存栏248.6万头…；出栏312.4万头: 生猪出栏
            return item + before, item + before
    if not after and before in _TRADE_MEASURES and previous:
        traded = unchanged(previous)
        item = traded[:-_TRADE_WAY_LENGTH] if traded.endswith(V.TRADE_WAYS) else ""
        if item and not item.endswith(_TRADE_WAY_FIRSTS) and not _NOT_AN_ITEM.intersection(item):
            return item + before, item + before
    phrase = before + after if after not in before else before
    if phrase:
        return phrase, phrase
    if previous:                           # 新开通5G基站2156个，累计达到1.2万个: the same thing, summed
        subject = _subject_between(text, floor, start)
        if subject:                        # …同比增长两成，网络零售额翻了一番，达到三十多亿元: of 网络零售额
            return subject, subject
        return _level_of(previous, kind), previous
    # Nothing in the clause (共计2000株): the clause before it says what is counted, unless it only says
    # when (截至11月底，全市100%完成年度目标任务): then what follows the figure does.
    prev_start = clause_start(text, max(start - 1, 0), 0)
    previous_clause = _strip_edges(clean(text[prev_start:max(start - 1, prev_start)]))
    if not previous_clause or PERIOD.fullmatch(previous_clause):
        rest = text[local_end:clause_end(text, local_end, len(text))]
        phrase = _last_chars(_strip_edges(clean(rest)), _MAX_AFTER) if not _DIGITS.search(rest) else ""
        return phrase, phrase
    phrase = _last_chars(_strip_edges(_DIGITS.sub("", previous_clause)), _MAX_BEFORE)
    return phrase, phrase


# A clause without a figure names its subject before its verb (网络零售额翻了一番, 工业生产持续回升,
# 工业增加值增速由负转正).
_TURNS = (r"翻了?一番|翻番|由负转正|由正转负|由降转升|由升转降|由减转增|由增转减|由降转增|由增转降"
          r"|由降转涨|由涨转降|由跌转涨|由涨转跌")       # (prices: 猪肉价格由降转涨，全年上涨7.6%)
_TURNED = regex.compile(rf"(?:{_TURNS})$")
# How a measure moved, in a set phrase ending its own clause (服务价格稳中有升，上涨1.1%; 工业生产总体平稳，增长5.1%)
# ... or how its change ranked (充换电服务业用电量增长最快，同比增长56.3%)
_FASTEST = r"最快|最多|最大|最为明显"
_TRENDS = r"稳中有升|稳中有降|稳中有增|稳中有进|稳中向好|总体平稳|基本平稳|保持平稳|小幅波动"
_SUBJECT_VERB = regex.compile(rf"(?:{_TURNS}|{_TRENDS}|(?:{V.alternation(V.CHANGE_ADVERBS)})?"
                              rf"(?:{V.alternation((*V.CHANGE_UP, *V.CHANGE_DOWN))})(?:{_FASTEST})?)$")


_NEGATED = regex.compile(r"(?:不仅|不但)?(?:没有|没|未|不)$")


def _subject_between(text: str, floor: int, start: int) -> str:
    """The subject of a whole clause without a figure between the previous figure (ending at ``floor``)
    and the clause at ``start``, or ''."""
    if start - 1 <= floor:
        return ""
    between = text[clause_start(text, start - 1, floor):start - 1]
    verb = _SUBJECT_VERB.search(between)
    if verb is None:
        return ""                          # the clause ends with its verb: 网络零售额翻了一番，
    subject = _NEGATED.sub("", _strip_edges(clean(between[:verb.start()])).rstrip(_ALSO))  # 预算外资金也大幅度增加,
                                                                                   # 总产值不仅没有下降
    if (not _MIN_SUBJECT <= len(subject) <= _MAX_BEFORE or subject[0] in _COMPARING_FIRST
            or _DIGITS.search(subject) or PERIOD.search(subject)):
        return ""                          # (not 比上年增产, 比1980年预计增长: a comparison, no subject)
    return subject


_ITEM_SPLIT = V.LIST_SPLIT
_BARE_RESPECTIVELY = V.RESPECTIVELY
_COMPARED_WITH_EACH = regex.compile(r"(?P<verb>高于|低于|快于|慢于|超过|超出|多于|少于)"
                                    rf"(?P<bases>\p{{Han}}{{2,6}}(?:{V.char_class(V.LIST_JOINERS)}\p{{Han}}{{2,6}})+)")
_COMPARED_CHANGE = regex.compile(rf"(?:比|较)\p{{Han}}{{1,5}}?(?:{V.alternation((*V.CHANGE_UP, *V.CHANGE_DOWN))})")
# What a bare 分别 is followed by before the first figure when it names the measure: a short word, not a
# move's start (分别从50%…), a share's base (分别占全市的12%), a link word or anything with a figure or a break.
_MEASURE_AFTER_RESPECTIVELY = regex.compile(r"(?![从由占为是在达约对向])\p{Han}{2,6}(?<!的)")
_SHARE_OF_PLAN = regex.compile(r"(?P<what>(?:完成|占)[^，,。；;：:]{1,10}?)的")
_DOING = re.compile("^(?:累计完成|完成|实现)")      # 分别完成货物吞吐量…: the verb before the measure


_ORDINAL = "第"


_ORDINAL_RUN_END = regex.compile(r"[一二三四五六七八九十]产业")


def _ordinal_run(items: list[str]) -> list[str]:
    """第一、二、三产业和城乡居民生活用电量: the ordinals before 产业 each name a sector (第一产业, 第二产业,
    第三产业), when other members follow them (with nothing after, _share_head reads the run)."""
    if len(items) < 3 or not (len(items[0]) == 2 and items[0].startswith(_ORDINAL) and items[0][1] in V.CN_DIGITS):
        return items
    k = 1
    while k < len(items) and len(items[k]) == 1 and items[k] in V.CN_DIGITS:
        k += 1
    if k == 1 or k >= len(items) - 1 or _ORDINAL_RUN_END.fullmatch(items[k]) is None:
        return items
    head = items[k][1:]
    return [_ORDINAL + n + head for n in (items[0][1], *items[1:k], items[k][0])] + items[k + 1:]


def _share_head(items: list[str]) -> list[str]:
    """Short modifiers listed before the last item share its head noun: 城镇、农村居民人均可支配收入 ->
    城镇居民人均可支配收入, 农村居民人均可支配收入; 进、出口 -> 进口, 出口; 第一、二、三产业 -> 第一产业 …
    Only when every modifier is as long as the last item's (工业、服务业增加值 is left alone: 服务业 is
    not 服务 + 业) and the head is a known shared noun, or the modifiers come in pairs (城市、农村低保标准; 进口、出口整体
    通关时间)."""
    if len(items) < 2:
        return items
    stock = next((h for h in V.STOCK_HEADS if items[-1].endswith(h)), "")
    if stock and len(items[-1]) - len(stock) <= 2 and all(len(h) <= 2 for h in items[:-1]):
        return [h + stock for h in items[:-1]] + [items[-1]]    # 生猪、牛、羊存栏: animals of any length
    ordinal = items[0].startswith(_ORDINAL) and not items[-1].startswith(_ORDINAL)
    heads = [items[0][len(_ORDINAL):] if ordinal else items[0], *items[1:-1]]
    last = items[-1]
    n = len(heads[0])
    paired = ((all(h in V.PAIRED_MODIFIERS for h in heads) and last.startswith(V.PAIRED_MODIFIERS))
              or (all(h in V.TRADE_WAYS for h in heads) and last.startswith(V.TRADE_WAYS)))
    if (n > 2 or any(len(h) != n for h in heads)
            or not (last[n:].startswith(V.SHARED_HEAD_NOUNS) or (paired and len(last) > n))
            or any(len(h) > 1 and leading_place(h) == h for h in heads)):
        return items
    prefix = _ORDINAL if ordinal else ""
    return [prefix + h + last[n:] for h in heads] + [prefix + last]


_INSURANCE = "保险"
_INSURANCE_KINDS = ("养老", "医疗", "失业", "工伤", "生育")


def _share_insurance(items: list[str]) -> list[str]:
    """Kinds of social insurance listed before the last one's 保险 share what follows it: 基本养老、失业、工伤保险参保
    人数 -> 基本养老保险参保人数, 失业保险参保人数, 工伤保险参保人数."""
    if len(items) < 2 or (at := items[-1].find(_INSURANCE)) < 0 or not items[-1][:at].endswith(_INSURANCE_KINDS):
        return items
    if not all(item.endswith(_INSURANCE_KINDS) for item in items[:-1]):
        return items
    return [item + items[-1][at:] for item in items[:-1]] + [items[-1]]


def _share_measure(items: list[str]) -> list[str]:
    """Members named alike (as long as one another) before a measure the catalogue names share it:
    国有企业、民营企业、外资企业进出口 -> 国有企业进出口, 民营企业进出口, 外资企业进出口."""
    if len(items) < 2:
        return items
    n = len(items[0])
    last = items[-1]
    if n < 2 or any(len(item) != n for item in items[:-1]) or last[n:] not in _CATALOGUE_NAMES:
        return items
    return [item + last[n:] for item in items[:-1]] + [last]


_OWN_MEASURE = regex.compile(V.alternation({*V.MEASURE_HEADS, *_CATALOGUE_NAMES}))
_MEASURE_END = tuple("率额量数值")


def _share_measure_head(items: list[str]) -> list[str]:
    """Members before a last one ending with a measure (价格, 增加值, 产量 …), none with a measure of its own,
    share it: 教育文化娱乐、医疗保健、其他用品及服务价格 -> 教育文化娱乐价格, 医疗保健价格, …; 工业、服务业增加值
    -> 工业增加值, 服务业增加值 (not GDP、工业增加值: GDP measures something itself)."""
    if len(items) < 2:
        return items
    last = items[-1]
    head = next((h for h in V.MEASURE_HEADS if last.endswith(h) and len(last) > len(h)), None)
    if head is None or any(_OWN_MEASURE.search(item) or item.endswith(_MEASURE_END) for item in items[:-1]):
        return items
    return [item + head for item in items[:-1]] + [last]


_SECTOR = V.alternation(V.SECTORS_WITH_JOINERS)
_SECTOR_AT = regex.compile(_SECTOR)
_COUNTED_TAIL = regex.compile(rf"[两二三四五六七八九十]{{1,2}}[大{V.LIST_COUNTERS}](?=\p{{Han}}{{2}})")
_ANY_SECTOR_AT = regex.compile(r"\p{Han}{1,8}?业(?=\p{Han})")     # (金融业生产指数: a sector without a joiner)
# (采矿业，制造业，电力、热力、燃气及水生产和供应业增加值分别增长…: sectors without a joiner listed before it too)
_LISTED_SECTOR = rf"{_SECTOR}|(?<!\p{{Han}})\p{{Han}}{{1,8}}?业"
_SECTORS_END = regex.compile(rf"(?:(?:{_LISTED_SECTOR})[{V.COMMAS}])+$")
_LISTED_SECTOR_AT = regex.compile(_LISTED_SECTOR)
_SECTOR_OR_JOINER = regex.compile(rf"{_SECTOR}|{V.char_class(V.LIST_JOINERS)}")


def _split_list(subject: str) -> list[str]:
    """A list split at its joiners, but not inside a sector's name (批发和零售业、住宿和餐饮业增加值 -> 批发和零售业,
    住宿和餐饮业增加值) nor at a 和 or 与 inside a place's name (包头市、呼和浩特市)."""
    members, start = [], 0
    for m in (_SECTOR_OR_JOINER if "业" in subject else _ITEM_SPLIT).finditer(subject):   # (every sector name holds 业)
        if len(m.group()) > 1 or (m.group() != V.LIST_COMMA and (name := leading_place(subject[start:]))
                                  and start + len(name) > m.start()):
            continue
        members.append(subject[start:m.start()])
        start = m.end()
    members.append(subject[start:])
    return [member for member in members if member]


_IN_ORDER = regex.compile(r"依次(?:为|是)")
_TABLE_HEADING = regex.compile(r"^\s*(?:附表|表)\s*[0-9０-９一二三四五六七八九十]+\s*")
_RANKING_HEADING = regex.compile(r"(?:排名|排行|情况|一览)$")
_BRACKETED = regex.compile(r"[（(][^）)]*[）)]")
_MANY_MEASURES = ("指标", "数据", "统计")
_EACH_SET = regex.compile(r"^各(?:省|市|县|区|地)\p{Han}{0,3}?(?=\p{Han}{2})")


@lru_cache(maxsize=256)
def _heading_measure(section: str) -> str:
    """The measure a table's or ranking's heading names (附表2 2025年各省（区、市）粮食产量排名（前十位） -> 粮食产量),
    or '' for any other heading."""
    table = _TABLE_HEADING.match(section)
    if not section or (table is None and not _RANKING_HEADING.search(_BRACKETED.sub("", section).strip())):
        return ""
    heading = _BRACKETED.sub("", section[table.end():] if table else section).strip()
    heading = _RANKING_HEADING.sub("", PERIOD.sub("", heading))
    heading = _EACH_SET.sub("", heading)
    place = leading_place(heading)
    heading = heading[len(place):] if place and len(place) < len(heading) else heading
    if heading.endswith(_MANY_MEASURES):
        return ""                       # (表1 2024年全区主要经济指标: many measures, none named)
    return heading if 2 <= len(heading) <= 12 and not _NUMERAL_IN.search(heading) else ""
_NUMERAL_IN = regex.compile(r"[两二三四五六七八九十0-9]")
_ZONE_NAME = regex.compile(rf"\p{{Han}}{{2,8}}?(?:{V.alternation(V.ZONE_ENDS)})")
_TOWN_REACH = 6     # a town's name is at most five characters (大塘埠镇, 玉林街道): the gazetteer's rules read it
_PORT_ONLY = regex.compile(r"(?:港|港口|港区)(?:完成|实现|达到|达)?")


# A clause that ends by listing what it is or has (主要品种为桃、柑橘、猕猴桃和蓝莓, 依次为：日用商品、食品…)
_LIST_TAIL = regex.compile(rf"(?:为|是|有|包括|{V.char_class(V.COLONS)})"
                           rf"(?P<list>[^{V.ARABIC_DIGIT}{V.CLAUSE_END}{V.COLONS}]{{3,60}})$")
# What a clause may name beside 分别 for a list the clause before gave (面积分别为, 产量分别为)
_MEASURE_WORDS_ALONE = frozenset({"面积", "产量", "数量", "金额", "规模", "占比", "比重", "人数", "销量", "投资"})
_LISTED_ITEM = 8


def _listed_before(text: str, end: int, floor: int, count: int) -> list[str]:
    """The ``count`` members the clause ending at ``end`` lists last, or []."""
    tail = _LIST_TAIL.search(text, max(floor, end - 64), end)
    if tail is None:
        return []
    members = _split_list(clean(tail.group("list")))
    if len(members) != count or any(len(member) > _LISTED_ITEM for member in members):
        return []
    return members


def _opening_members(clause: str, count: int) -> list[str]:
    """The ``count`` members a clause opens with, named alike (as long as one another; the last cut to
    their length): 韩国、日本市场加快复苏 -> 韩国, 日本; else []."""
    if V.LIST_COMMA not in clause:
        return []
    members = _ITEM_SPLIT.split(_strip_edges(clean(clause)))
    if len(members) != count:
        return []
    n = len(members[0])
    if not 2 <= n <= 4 or any(len(m) != n for m in members[1:-1]) or len(members[-1]) < n:
        return []
    return [*members[:-1], members[-1][:n]]
_FIGURE_START = regex.compile(r"[0-9０-９]")
_FIGURE_RUN = regex.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
_OF = "的"


def _counted_members(text: str, start: int, count: int) -> list[str]:
    """The members listed and counted earlier in the sentence of a 分别 clause at ``start`` that names no
    subject (新能源装备、智能终端、半导体三大主导产业实现产值437.5亿元，…，分别增长…), each with the measure
    after the count, when they are ``count``; else []."""
    s0 = scan_back(text, start, 0, V.SENTENCE_END)
    counted = _COUNTED_TAIL.search(text, s0, start)
    if counted is None or parse_number(counted.group()[:-1], "") != count:
        return []
    if len(_FIGURE_RUN.findall(text, counted.end(), start)) >= count:
        return []           # (…三大业务板块分别实现营业收入X、Y、Z，同比分别增长…: the figures before pair)
    opened = scan_back(text, counted.start(), s0, V.CLAUSE_END + V.COLONS)
    members = _split_list(_strip_edges(clean(text[opened:counted.start()])))
    if len(members) != count or any(_OF in member for member in members):
        return []
    figure = _FIGURE_START.search(text, counted.end(), start)
    measure = _strip_edges(clean(text[counted.end():figure.start() if figure else counted.end()]))
    return [member + measure for member in members]


def _sectors_before(text: str, start: int, floor: int, count: int) -> list[str]:
    """The ``count`` sectors' names listed right before the clause at ``start`` (each followed by a comma), or []."""
    m = _SECTORS_END.search(text, max(floor, start - 60), start)
    if m is None:
        return []
    names = [n.group() for n in _LISTED_SECTOR_AT.finditer(m.group())]
    return names[-count:] if len(names) >= count else []


# 城镇, 农村居民: one of a pair of groups, named after 其中 without the measure it is a part of
_RESIDENTS = "居民"
_PAIR_MEMBER = re.compile(rf"(?:{V.alternation(V.PAIRED_MODIFIERS)})(?:{_RESIDENTS})?")
_WHOLE_GROUP = re.compile(rf"全体|全{V.char_class(''.join(V.LEVEL_OF_SUFFIX))}|全国")


def pair_member_measure(name: str, measure: str) -> str:
    """The measure a member of a pair of groups is of, or '': 全市居民恩格尔系数为28.4%，其中城镇27.6%、农村30.9% ->
    城镇居民恩格尔系数, 农村居民恩格尔系数; 全体居民人均可支配收入…，其中城镇居民41000元 -> 城镇居民人均可支配收入."""
    if _PAIR_MEMBER.fullmatch(name) is None:
        return ""
    measure = _strip_edges(unchanged(measure))
    if (whole := _WHOLE_GROUP.match(measure)) is not None:
        measure = measure[whole.end():]
    if name.endswith(_RESIDENTS) and measure.startswith(_RESIDENTS):
        measure = measure[len(_RESIDENTS):]
    if not measure or measure.startswith(V.PAIRED_MODIFIERS):
        return ""
    return name + measure


def respective_items(block: Block, local_start: int, floor: int, count: int,
                     earlier: list[str]) -> list[str]:
    """One name per value after 分别, or [] when the text does not give them:
    樟子松、刺槐分别为1000株、5000株 -> 樟子松, 刺槐; 城乡居民收入分别增长… -> 城镇居民收入, 农村居民收入
    (GUIDELINES); 收入X亿元、游客Y万人次，分别增长a%、b% -> the figures just before (``earlier``)."""
    start, m = respectively_clause(block.text, local_start, floor)
    if not m:
        return []
    subject = _strip_edges(clean(block.text[start:m.start()]))
    if not subject and start - 1 > floor and block.text[start - 1] in V.COMMAS:
        # 城市管理、供水供气、物业管理位居前三位，分别为…: the clause before ranks the members
        before = block.text[scan_back(block.text, start - 1, floor, V.CLAUSE_END + V.COLONS):start - 1]
        ranked = _RANK_TAIL.search(before)
        in_order = _IN_ORDER.search(before)
        circumstance = _CIRCUMSTANCE.search(before) if _AFFECTED in before or _UNDER in before else None
        if (circumstance is not None and circumstance.end() == len(before)
                and V.LIST_COMMA in (listed := before[:circumstance.start()])):
            subject = _strip_edges(clean(listed))   # 契税、土地增值税受房地产市场调整影响，分别下降…: the members, without
                                                    # what drove their change
        elif ranked is not None and V.LIST_COMMA in before:
            subject = _strip_edges(clean(before[:ranked.start()]))
        elif in_order is not None and V.LIST_COMMA in before[in_order.end():]:
            # 排名前五位的依次为马来西亚、新加坡…和美国，分别接待…: the members the clause before ranks in order
            subject = _strip_edges(clean(before[in_order.end():]))
        elif (opening := _opening_members(before, count)):
            subject = V.LIST_COMMA.join(opening)     # 韩国、日本市场加快复苏，分别接待…: the clause before opens with them
    if (count > 1 and start - 1 > floor and block.text[start - 1] in V.COMMAS
            and (not subject or (subject in _MEASURE_WORDS_ALONE))
            and (listed := _listed_before(block.text, start - 1, floor, count))):
        # 依次为：日用商品、食品…交通工具，分别为2.96万件…; 主要品种为桃、柑橘、猕猴桃和蓝莓，面积分别为…: the
        # members the clause before lists, each with the measure the clause names
        return [item + subject for item in listed]
    bases = _COMPARED_WITH_EACH.fullmatch(block.text, m.end(), local_start)
    if bases is not None:
        members = [b for b in _ITEM_SPLIT.split(bases.group("bases")) if b]
        if len(members) == count:      # 增速分别高于全国、全省1.1个和0.7个百分点: one base compared with a value
            return [subject + bases.group("verb") + base for base in members]
    compared = ""
    if subject and _CHANGE_ONLY.match(subject):
        compared, subject = subject, ""      # 运送旅客25.9万人次，同比分别增长8.3%和11.7%: of the figures before
    items = _share_insurance(_share_measure(_share_head(_ordinal_run(_split_list(subject)))))
    if len(items) > count:           # 教育、卫生健康、社会保障和就业支出: a 和 inside the last name
        items = [item for item in subject.split(V.LIST_COMMA) if item] or items
        if len(items) == count - 1 and _AND in items[-1]:
            # 农业、林业、牧业、渔业和农林牧渔专业及辅助性活动产值: the 和 before the last member, whose name holds 及;
            # the measure ending it is every member's (农业产值)
            head, _, last = items[-1].partition(_AND)
            measure = next((m for m in _BY_LENGTH if last.endswith(m) and len(last) > len(m)), "")
            items = [item + measure for item in (*items[:-1], head)] + [last]
    if len(items) == 1 and count > 1 and (sector := _SECTOR_AT.match(subject) or _ANY_SECTOR_AT.match(subject)):
        # 信息传输、软件和信息技术服务业，租赁和商务服务业生产指数分别增长…: sectors listed across a comma (their
        # names hold 、) share the last one's measure
        sectors = _sectors_before(block.text, start, floor, count - 1)
        if sectors:
            items = [name + subject[sector.end():] for name in sectors] + items
    if len(items) == count > 1 and (counted := _COUNTED_TAIL.search(items[-1])) is not None and counted.start() > 0:
        # 锂电池材料、新型建材、特色食品三大产业集群产值, 教育、社会保障和就业、卫生健康三项支出: the members counted,
        # then what each is
        tail = items[-1][counted.end():]
        items = [item + tail for item in items[:-1]] + [items[-1][:counted.start()] + tail]
    items = _share_measure_head(items)
    if len(items) > 1 and len(items[-1]) > 1 and all(len(item) == 1 for item in items[:-1]):
        # 牛、羊饲养量, 大、中型企业: one character each, sharing the rest of the last member's name
        items = [item + items[-1][1:] for item in items[:-1]] + [items[-1]]
    if len(items) > 1 and items[0].startswith(_TOWARDS) and len(items[0]) > 2:
        # 对东盟、欧盟分别进出口…: the preposition before the first member is every member's
        items = [items[0]] + [item if item.startswith(_TOWARDS) else _TOWARDS + item for item in items[1:]]
    measured = block.text[m.end():local_start]
    measured = _DOING.sub("", measured, count=1)
    if m.end() - m.start() == len(_BARE_RESPECTIVELY) and _MEASURE_AFTER_RESPECTIVELY.fullmatch(measured):
        items = [item + measured for item in items]   # 对东盟、欧盟分别进出口956.4亿元、742.1亿元: 对东盟进出口 …
                                                      # (…港区分别完成货物吞吐量: …港区货物吞吐量)
    if (len(items) == 1 and count > 1 and len(earlier) >= count and len(set(earlier[-count:])) == count
            and _MEASURE_AFTER_RESPECTIVELY.fullmatch(items[0]) and clean(block.text[start:m.start()]) == items[0]
            and not _NUMERAL_IN.search(items[0])):     # (not 株洲、湘潭、衡阳三市分别…: places counted)
        # 工业项目、服务业项目、农业项目分别为58个、21个、7个，投资额分别为…: the same members' own measure
        return [name + items[0] for name in earlier[-count:]]
    if len(items) == count and earlier and all(_PAIR_MEMBER.fullmatch(item) for item in items):
        # 全市居民恩格尔系数为28.2%，…，其中城镇、农村分别为27.3%和30.8%: the pair of the measure named before
        named = [pair_member_measure(item, earlier[-1]) for item in items]
        if all(named):
            return named
    if len(items) == 1 and count == 2 and "城乡" in items[0]:
        return [items[0].replace("城乡", "城镇", 1), items[0].replace("城乡", "农村", 1)]
    if len(items) == 1 and count > 1 and subject.startswith(_SHARE_OF) and len(earlier) >= count:
        # 高加工度工业和高技术制造业增加值分别增长8.3%和12.6%，占规模以上工业增加值的比重分别为38.7%、14.2%:
        # the shares of the members named before
        return [unchanged(name) + subject for name in earlier[-count:]]
    if (not subject and len(earlier) >= count and len(set(earlier[-count:])) == 1
            and m.end() - m.start() == len(_BARE_RESPECTIVELY)
            and _MEASURE_AFTER_RESPECTIVELY.fullmatch(measured) and not _CHANGE_ONLY.match(measured)):
        # 越城区、柯桥区分别发生事故25起、38起，分别死亡23人、35人: a measure of their own after figures that
        # shared one (not 淘汰落后炼铁产能1亿吨、落后炼钢产能5500万吨，今年力争分别淘汰…: those items')
        return []
    if not subject and (counted := _counted_members(block.text, start, count)):
        return counted     # 新能源装备、智能终端、半导体三大主导产业实现产值…，分别增长…: the members counted
    if not subject and len(earlier) >= count:
        change = m.group("change") or ""
        if not change and (after := _COMPARED_CHANGE.match(block.text, m.end(), local_start)):
            change = after.group()      # 意向签约项目236个、金额328.5亿元，分别比上届增长12.4%和18.2%
        elif not change and (plan := _SHARE_OF_PLAN.fullmatch(block.text, m.end(), local_start)):
            change = plan.group("what")     # 新改建农村公路3260公里、…，分别完成年度任务的81.5%、…
        return [name + compared + change for name in earlier[-count:]]
    return items

