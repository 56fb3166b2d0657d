"""The engine's vocabulary: every punctuation set and word list the rules read by, defined once.

Modules compose their patterns from these names (``char_class``, ``alternation``) instead of spelling
the characters again, so a dash or a change verb added here counts everywhere (1－7月 is a range of
months wherever months are read). Numerals and their characters live in ``numbers.py``; units and
qualifiers in ``patterns.py`` and ``data/units.toml``.
"""

from __future__ import annotations

import re

from .numbers import ARABIC_DIGIT, CN_DIGITS

# --------------------------------------------------------------------------------- punctuation
FULL_STOP = "。"
SENTENCE_END = "。！？!?"                 # ends a sentence
SEMICOLONS = "；;"
COMMAS = "，,"
COLONS = "：:"
SPLIT_COLONS = ":：∶"          # between the parts of a split (9.2:51:39.8; ∶ is the ratio sign)
LIST_COMMA = "、"
CLOSING_QUOTES = "”’」』"
# A line opening with one of these starts a news item (●黄石港1至7月完成货物吞吐量…); no part of a name.
ITEM_MARKS = "▲■●◆★□○◇"
# ... and the bullets that may open a list's item in a box or a brief (·规模以上工业增加值 增长7.4%, △县城…): no part
# of what the item measures
ITEM_BULLETS = ITEM_MARKS + "·•△☆▶►"
OPENING_QUOTES = "“‘「『"
OPENING_BRACKETS = "（("
# The marks around a book's or a document's title (按照《…通知》)
BOOK_TITLE_OPEN, BOOK_TITLE_CLOSE = "《", "》"
CLOSING_BRACKETS = "）)"
ELLIPSIS = "…"
CLAUSE_END = COMMAS + SEMICOLONS + SENTENCE_END    # where a clause ends (a colon introduces; it does not end)
CLAUSE_SEPARATORS = CLAUSE_END + COLONS + LIST_COMMA
# Between the ends of a range: 20-30万元, 20～30, 1－7月, 2021—2025年 (and 20——30, a doubled dash).
RANGE_DASHES = "-—–~～－〜"
RANGE_WORDS = ("至", "到")

# ------------------------------------------------------------------------------------- numerals
# A character of a figure written in digits, with its decimal point and percent sign (3.2万人, ．5, ％).
FIGURE_CHAR = rf"[{ARABIC_DIGIT}.．%％]"
# Year digits: 2024, １９９８, 二〇二四, 一九九○ (○ and Ｏ stand for 〇 in old typesetting).
YEAR_ZEROS = "○Ｏ"
YEAR_DIGITS = (rf"(?:1[0-9]|20|１[０-９]|２０)[{ARABIC_DIGIT}]{{2}}"
               rf"|[一二][{CN_DIGITS}{YEAR_ZEROS}]{{3}}")
# A small count of months, years or days: 7, ７, 七, 十二, 三十一.
SMALL_NUMBER_CN = "一二两三四五六七八九十"
SMALL_NUMBER = rf"[{ARABIC_DIGIT}]{{1,2}}|[{SMALL_NUMBER_CN}]{{1,3}}"

# ---------------------------------------------------------------------------------------- words
# A change verb right before a rate or an amount: 同比增长 7.1%, 下降2.3%, 提高1.5个百分点.
# 增产/减产 (output) and 上浮/下浮 (a price or rate) are changes too; 增收 is not (户均增收8000元 is the
# income a project brings, an amount).
CHANGE_UP = ("增长", "增加", "提高", "提升", "上升", "上涨", "扩大", "多增", "净增", "回升", "加快", "增产",
             "上浮", "上调", "调高", "攀升", "跃升", "涨价", "偏高", "偏多", "涨", "增")
CHANGE_DOWN = ("下降", "减少", "降低", "回落", "下滑", "下跌", "收窄", "缩小", "缩减", "放缓", "少增", "净减",
               "缩短", "压缩", "压减", "精简", "减产", "下浮", "下调", "调低", "负增长", "降价", "偏低", "偏少", "减轻", "便宜", "削减", "降", "减", "跌")
# How much or how fast, between the comparison and the change verb: 同比大幅下降, 同比大增, 环比明显回升.
CHANGE_ADVERBS = ("大幅度", "大幅", "小幅", "明显", "显著", "稳步", "快速", "较快", "持续", "继续", "逐步", "逐年", "逐月",
                  "进一步", "大", "猛", "激", "骤", "锐")
# Before an amount or a count only unmistakable verbs mark a change (比上年增加1.2万人, 增产12万吨); 新增
# is a level.
# (偏多2.4天, 偏少3%: a climate bulletin's departure from the normal)
# A price's spoken move is one too, with no base named (西红柿降了1块钱, 一斤便宜三毛钱, 每斤少卖两毛, 涨了3块, 掉了三块钱);
# 降到, 跌到 give a level instead. (Not 少了/多了 without a base: labellers split, 蜂群一下子少了40多箱 is a count.)
ABSOLUTE_UP = ("增加", "增长", "多增", "净增", "扩大", "增产", "偏多", "偏高", "涨价", "涨了", "贵了", "多卖")
ABSOLUTE_DOWN = ("减少", "下降", "少增", "净减", "缩减", "减产", "偏少", "偏低", "降价",     # (花生油降价10元至15元)
                 "降了", "跌了", "掉了", "便宜", "少卖")
# More, fewer, higher or lower than a base named before (比上年多1.2万人, 较上年少5个, 比全国高0.3个百分点):
# a change, only after 比/较.
# A time shortened or lengthened against a base is a change too (比上年缩短0.3天); without one it is how
# long the saving is (审批时间缩短15个工作日).
# 分别 (respectively): a list of figures pairs with a list of names or places.
# Idioms holding a numeral and a measure word, which no rule of form tells from a count (货比三家: compare three
# shops, i.e. shop around)
NUMERAL_IDIOMS = ("货比三家", "三天打鱼", "两天晒网", "十年树木", "百年树人", "三天两头", "一年半载", "三年五载",
                  "一日三餐", "一日三秋", "七年之痒", "一年之计", "一日之计")
# Measure words a list's members are counted by before what each is (教育、卫生健康两项支出, 中通、圆通、韵达三家企业)
LIST_COUNTERS = "项类种家个所座条"
TENTHS = "成"             # 三成 is 30%, 两成半 25%
RESPECTIVELY = "分别"
OF_WHICH = "其中"         # (of which: what opens a breakdown of the figure before)
# 对 before a partner (对东盟进出口, 对台湾地区进出口).
TOWARDS = "对"
COMPARED_MORE = ("多", "高", "快", "长", "延长", "上涨", "回升", "提高", "上升", "涨")
COMPARED_FEWER = ("少", "低", "慢", "短", "落", "缩短", "压缩", "回落", "下跌", "降低", "便宜", "降")
# (较9月上旬高点回落近1元, 比非地铁房源短9天左右, 比正月落了一块钱, 比上周降了2元, 比国庆前降了1块多)
# Holidays and the stretches of days off they give (国庆假期, 春节前3天, 端午小长假)
FESTIVALS = ("元旦", "春节", "清明", "五一", "端午", "中秋", "国庆", "节")
HOLIDAY_STRETCHES = ("小长假", "长假", "假期", "黄金周")
# The numeral one, which the rules test figures for (一批, 一间房, 十块钱一斤)
ONE = "一"
# Speech's "about" before a number, which yields to a 多, 余 or 出头 after it (大概两万多斤, 大概2万出头: more than)
SPOKEN_ROUGHLY = ("差不多", "大概")
# What one of is priced right before or after a spoken price (三块五一斤, 十块钱一斤, 一斤八块钱, 对联十块钱一副)
PRICED_ONE = "斤两个只袋盒瓶箱桶公亩块副对碗杯串件张份单台套头包"      # (十块钱一副, 五块一碗, 发一单十来块, 一台一千多块)
# A price moved by so much a unit (汽油每吨降低205元, 每升分别下调0.16元和0.17元, 补助标准每人每月提高100元): a change
PER_UNIT_DOWN = ("降低", "下调", "下降", "减少", "便宜")
PER_UNIT_UP = ("提高", "上调", "上涨", "增加")
# A gap below a base or a drag, before points (低于预期目标0.4个百分点, 拉低投资增速约3个百分点): negative, as
# 比全国低0.3个百分点 is.
GAP_BELOW = ("低于", "慢于", "拉低", "拖累")
# A move from one level to another: 由535万吨增长到1108万吨, 从52.6%提高至60.2%, 由原来的3天缩短到1天.
MOVE_FROM = ("由", "从")
# Verbs of a move to a new level that is no rise or fall as such (三次产业结构由…调整为…, 利率由4.35%调整为3.85%).
MOVE_TO_WORDS = ("调整为", "调整到", "调整至", "优化为", "优化到", "转变为", "变为")
MOVE_VERBS = (*CHANGE_UP, *CHANGE_DOWN, "升", "延伸", "延长", "拓宽", "加宽", "扩容", "增容", "扩展")
# Part of the area a figure before measured (雨量50～80毫米，局地可达120毫米以上): the same measure there.
PART_OF_AREA = ("局地", "局部", "局部地区", "部分地区", "个别地区", "个别地方", "部分地方")
# Words after 由/从 that say "before" without a date (由原来的3天).
MOVE_FROM_UNDATED = ("原来", "原先", "此前", "以前", "过去")
# An average over a few years (两年平均增长5.7%): a change of its own kind, not a year-on-year growth.
MEAN_OVER_YEARS = rf"(?:{SMALL_NUMBER})年平均"
# Units of a rate's change (0.4个百分点, 25个基点): always a change.
POINT_UNITS = ("百分点", "基点")
# Words that name a growth rate (增速为5.2%) or a rate of fall (降幅收窄至2.1%).
RATE_UP = ("增速", "增幅", "增长率", "涨幅")
RATE_DOWN = ("降幅", "下降率", "跌幅", "降低率")
RATE_EITHER = "涨跌幅"
# What is granted: 给予30万元奖励, 一次性补助.
# Members picked out by a figure they exceed (年产值超10亿元的企业12家, 投资超过5000万元的项目): that
# figure is a threshold, not a fact.
MEMBER_NOUNS = ("企业", "项目", "单位", "家庭", "农户", "商户", "主体", "村", "县", "城市", "园区", "人员",
                "学校", "医院", "工程", "行业", "产业", "产品", "品牌", "户")
# People named by their age (16—59岁（含不满60周岁）人口, 年满18岁人员, 80岁老人): the ages bound the group
# and are part of its name, not a measured age (人均预期寿命78.6岁).
AGE_GROUP_NOUNS = ("人口", "人员", "人群", "儿童", "老年人", "老人", "青少年", "少年", "未成年人", "劳动力",
                   "女性", "男性", "妇女", "居民", "群体", "学生", "婴幼儿", "幼儿", "新生儿")
EXCEEDING_WORDS = ("超", "超过", "逾", "超出", "上")     # 上 as in 上百亿元的项目
GRANT_WORDS = ("奖励", "补助", "补贴", "贴息", "奖补", "资助")
# Words that join the members of a list: 樟子松、刺槐分别…, 沈阳市和大连市.
LIST_JOINERS = LIST_COMMA + "和及与"
# 比 or 较 naming what a change is on (比上年, 较上月), not 占比, 比重, 比例, 比率.
COMPARED_WITH_WORD = r"(?<![占对])[比较](?![重例率])"
# Characters before a year or a place that make it the base of a comparison (比上年, 较2002年, 高于全国,
# 居全市第2位).
COMPARISON_BASE = "比较于与同从居"
# 于 compares only after one of these (高于全国, 快于上年, 相当于1978年); elsewhere it says when or where
# (于2023年开工, 关于2024年度…, 位于鞍山市), or, in 由于, why: a time after 由于 is a cause's, no
# figure's period.
COMPARATIVE_BEFORE_YU = "高低快慢多少好优大小强弱等当"
# 高出全国平均水平, 超出全省: the place or time after one of these is a comparison's base too
EXCEEDS = ("高出", "超出", "多出")
CAUSE_BEFORE_YU = "由"
# Words before a place that say where people or goods come from or go (来自全国20多个省, 远销全国,
# 邀请长三角地区80余家企业参会, 辞去西安的工作回到老家): the place is not what the figures are about.
ORIGIN_WORDS = ("来自", "远销", "销往", "辐射", "流向", "流入", "流往", "去往", "运往", "发往", "邀请",
                "卖到", "销到", "运到", "发到", "辞去", "离开", "告别")
# People named by where they are from (香港同胞, 温州籍, 浙江客商): the place is theirs, not a figure's.
PEOPLE_OF_PLACE = ("同胞", "侨胞", "籍", "客商", "商会", "企业家", "乡贤")
# 在…举行: the place where an event is held (签约活动在视高街道举行，现场签约项目18个) is a venue, not
# what the figures are about.
EVENT_VERBS = ("举行", "举办", "召开", "开幕", "隆重开幕")
# The country after 占 is what a share is of (广东…占全国的20.6%), not what the share is about (占全市经济总量
#的比重 stays within the city).
SHARE_OF = "占"
# Characters before a time that, with 的 after it, make it what a figure is a multiple or share of
# (是上年的1.3倍, 为2020年的2倍).
MULTIPLE_BASE_LEAD = "是为"
# A span of years counted back or ahead from now: 过去五年, 近三年, 未来五年.
SPAN_BACK_WORDS = ("过去", "最近", "近")
SPAN_AHEAD_WORDS = ("今后", "未来", "此后")
# Per a unit of time: 每日3万吨, 35亿平方米/年.
# A figure stated per year of a span (年均增长9.5%), not over the whole span (增长57.3%).
AVERAGE_WORDS = ("年均", "平均每年", "每年平均", "年平均", "平均增长", "年递增", "平均递增", "平均每年递增")
# What an annual mean of a level is of (年均浓度, 年平均气温, 按年平均汇率折算): the year's, not an average over years.
ANNUAL_MEAN_OF = ("浓度", "气温", "温度", "降水", "降雨", "日照", "湿度", "风速", "值", "汇率")

PER_TIME = ("小时", "分钟", "秒", "日", "天", "年", "月")
# What a count or a quantity is per, written after a slash (118部/百人, 635人/平方公里).
PER_BASE = ("百人", "千人", "万人", "百户", "千户", "万户", "平方公里", "公里")
# Sectors of the national industry classification (GB/T 4754) whose names hold a list comma: one name,
# not a list (计算机、通信和其他电子设备制造业增长12.8% is one sector's growth).
SECTORS_WITH_LIST_COMMAS = (
    "农、林、牧、渔业", "农、林、牧、渔专业及辅助性活动", "电力、热力、燃气及水生产和供应业",
    "电力、热力、燃气及水的生产和供应业", "电力、热力生产和供应业", "交通运输、仓储和邮政业",
    "信息传输、软件和信息技术服务业", "水利、环境和公共设施管理业", "居民服务、修理和其他服务业",
    "文化、体育和娱乐业", "公共管理、社会保障和社会组织", "酒、饮料和精制茶制造业", "纺织服装、服饰业",
    "皮革、毛皮、羽毛及其制品和制鞋业", "木材加工和木、竹、藤、棕、草制品业", "文教、工美、体育和娱乐用品制造业",
    "石油、煤炭及其他燃料加工业", "铁路、船舶、航空航天和其他运输设备制造业", "计算机、通信和其他电子设备制造业",
    "金属制品、机械和设备修理业", "广播、电视、电影和录音制作业", "广播、电视、电影和影视录音制作业",
    # the high-technology industries' classes (高技术产业（制造业）分类)
    "航空、航天器及设备制造业",
)
# ... and those whose names hold only 和: with the above, every sector whose name holds a list joiner, so that a
# list of them (信息传输、软件和信息技术服务业，租赁和商务服务业生产指数分别增长…) splits between names, not inside.
# 连续 (in a row): the years or months after it are a streak's length (连续八年稳定在…), not a name or a time.
STREAK = "连续"
# Words after 近N年 that make it a time (近两年来, 近两年平均经济增速, 近三年累计…), as opening a clause does.
OVER_RECENT_YEARS = ("来", "以来", "平均", "年均", "累计")
SECTORS_WITH_AND = ("批发和零售业", "住宿和餐饮业", "租赁和商务服务业", "科学研究和技术服务业", "卫生和社会工作",
                    "电气机械和器材制造业", "化学原料和化学制品制造业", "黑色金属冶炼和压延加工业",
                    "有色金属冶炼和压延加工业", "燃气生产和供应业", "水的生产和供应业", "石油和天然气开采业",
                    "煤炭开采和洗选业", "造纸和纸制品业", "印刷和记录媒介复制业", "橡胶和塑料制品业",
                    # the high-technology industries' classes whose names hold 及
                    "电子及通信设备制造业", "计算机及办公设备制造业", "医疗仪器设备及仪器仪表制造业")
SECTORS_WITH_JOINERS = SECTORS_WITH_LIST_COMMAS + SECTORS_WITH_AND
# Head nouns a list of short modifiers shares (城镇、农村居民收入, 进、出口, 第一、二、三产业, 粮食、棉花产量).
SHARED_HEAD_NOUNS = ("居民", "产业", "产量", "企业", "口", "学", "人口", "地区", "肉",
                     "专任教师", "在校生", "招生", "毕业生")      # (小学、初中专任教师分别为…)
# Farm animals a head count (两头猪, 三只羊) is of: after them 头 and 只 count animals, not ends or sides (两头跑)
LIVESTOCK = "猪牛羊马驴骡鸡鸭鹅兔鹿"
# What animals of any length listed before it share (生猪、牛、羊存栏 -> 生猪存栏, 牛存栏, 羊存栏).
STOCK_HEADS = ("存栏", "出栏")
# Measures a list's last member ends with, which members named before it without a measure of their own
# share (教育文化娱乐、医疗保健、其他用品及服务价格分别上涨…; 工业、服务业增加值分别增长…), longest first.
MEASURE_HEADS = ("价格指数", "价格", "增加值", "产量", "产值", "零售额", "销售额", "营业收入", "利润总额", "投资",
                 "用电量", "合同成交额", "成交额", "交易额")
# Modifiers that come in pairs and share whatever head follows the last (城市、农村低保标准).
PAIRED_MODIFIERS = ("城市", "农村", "城镇", "乡村", "城区", "郊区", "境内", "境外", "国内", "国外", "省内", "省外",
                    "公办", "民办", "男性", "女性")
# ... and the two ways of trade, which a list shares a measure between as a pair does (进口、出口整体通关时间), though a
# part of 进出口 is no member of a pair of groups (其中出口241.3亿元)
TRADE_WAYS = ("进口", "出口")
# The whole country, as a scope (全国增长5%) or a place.
COUNTRY_SCOPES = ("全国", "我国")
# Measures only a country has (a region's output is 地区生产总值): a figure of one that names no place is national.
NATIONAL_MEASURES = ("国内生产总值", "国民生产总值")
# Rates only the country sets (the loan prime rate, the reserve ratio): national whatever page states them.
NATIONAL_RATES = ("贷款市场报价利率", "LPR", "存款准备金率")
# Verbs that say only that a figure was done (分别完成586.2亿元, 分别实现…): what is measured is named elsewhere.
DONE_VERBS = ("完成", "实现", "达到", "达")
# Prices the country sets (国家确定的2024年小麦最低收购价为每斤1.18元): national where the sentence says the country set them.
NATIONAL_PRICES = ("最低收购价",)
STATE = "国家"
# The level an administrative suffix names: 全市 is a prefecture, 全区 a county, 全镇 a township.
LEVEL_OF_SUFFIX = {"省": "省", "市": "市", "州": "市", "盟": "市", "县": "县", "区": "县", "旗": "县",
                   "镇": "乡", "乡": "乡"}
# A heading's number: 三、, （二） (a report's parts and their sections)
NUMBERED_HEADING = r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])"
# What a daily paper's name ends with (临江日报, 滨海晚报): not 时报, which also ends 及时报送.
DAILY_PAPER_ENDS = ("日报", "晚报")
# ... and a place's other news outlets (浏阳广播电视台, 安吉县融媒体中心)
MEDIA_OUTLET_ENDS = (*DAILY_PAPER_ENDS, "电视台", "广播电视台", "融媒体中心")
# The prefix of a generic place (全省, 我市, 本县), and those of them that name the writer's own place.
OWN_PREFIXES = "我本"
GENERIC_PREFIXES = "全" + OWN_PREFIXES
# How a place's name ends when the gazetteer lacks it: a division or town (城南区, 桥头镇, 五里街道) or a
# development zone (滁州经开区, 苏滁高新区).
PLACE_LIKE_ENDS = (*"省市区县镇乡村州旗", "街道")
ZONE_ENDS = ("经开区", "高新区", "新区", "开发区", "园区", "自贸区", "保税区", "管理区", "示范区")


def char_class(chars: str, negate: bool = False) -> str:
    """A regular-expression character class of ``chars``: ``[，,；;]`` (``[^…]`` with ``negate``)."""
    return "[" + ("^" if negate else "") + "".join("\\" + c if c in "\\]^-[" else c for c in chars) + "]"


def alternation(words) -> str:
    """``a|b|c`` of ``words``, longest first, each escaped."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Nouns that count people (or users, by household), and the measure word their head count takes when
# the text leaves it out (年末常住人口9606万, 农村贫困人口减少1386万, 移动电话用户3.4亿).
HEADCOUNT_NOUNS = {"人口": "人", "人数": "人", "人员": "人", "农民工": "人", "农民": "人", "群众": "人",
                   "居民": "人", "职工": "人", "网民": "人", "劳动力": "人", "游客": "人次", "旅客": "人次",
                   "人次": "人次", "用户": "户"}
# What may stand between a head count and the noun after it (3.86万农村人口, 1.2万困难群众)
HEADCOUNT_MODIFIERS = ("农村", "城镇", "城乡", "贫困", "脱贫", "困难", "低收入", "受益", "务工", "返乡", "常住", "户籍",
                       "留守", "外来", "流动", "转移")
# National bodies: a paragraph on a news page that cites one and names no place is about the country
# (国家发展改革委有关负责人介绍，今年1万亿元超长期特别国债…); not a province's office of one (国家统计局湖南
# 调查总队, 人民银行湖南省分行, 南京海关, 省国资委).
NATIONAL_BODIES = (r"国务院|国家(?:发展改革委|发改委|统计局|能源局|税务总局|外汇管理局|外汇局|医保局|市场监管总局|知识产权局"
                   r"|邮政局|铁路局|林草局|粮食和物资储备局|数据局|矿山安全监察局|金融监督管理总局|乡村振兴局|移民管理局)"
                   r"(?![\u4e00-\u9fff]{0,8}(?:调查总?队|分局|分行))"
                   r"|(?:财政|商务|工业和信息化|交通运输|农业农村|人力资源和?社会保障|住房和?城乡建设|水利|自然资源|生态环境"
                   r"|教育|科技|民政|文化和旅游|应急管理)部|海关总署|中国人民银行(?![\u4e00-\u9fff]{0,8}分行)|(?<![省市州县区])国资委|证监会")
# Provinces that are cities (直辖市): their 全市 is the province.
MUNICIPALITIES = frozenset({"北京", "北京市", "上海", "上海市", "天津", "天津市", "重庆", "重庆市"})
# How many of them (网民规模达10.8亿, 用户总数3.4亿): the noun still counts them.
HEADCOUNT_MEASURES = ("规模", "总数", "总量", "数量")
# What may stand between such a noun and its figure: a link or a change verb, with its adverbs.
# (A qualifier such as 超过 or 近 may follow: the figure's own word.)
HEADCOUNT_LINKS = ("减少", "增加", "增长", "下降", "达到", "达", "为", "有", "新增", "净增", "净减", "共有")
HEADCOUNT_ADVERBS = ("再", "已", "已经", "共", "总共", "累计", "合计", "比上年", "比上年末")


# 分市看，… / 从贸易方式看，… / …: a sentence or paragraph that breaks what came before down.
# The sets of places a breakdown draws from (14个市州中，长沙、株洲分别上涨…): their count is no figure, and what
# follows measures what the sentence before named.
WHOLE_SETS = ("市州", "州市", "地市", "县市区", "县（市、区）", "县(市、区)", "县市", "县区", "区县", "省份", "省区市",
              "乡镇（街道）", "乡镇", "街道")
# The parts a division is counted in (12个盟市, 92个旗县): of the division, whatever place comes before them
DIVISION_PARTS = (*WHOLE_SETS, "盟市", "设区市", "地级市", "旗县")
# Every kind of place a list of places may be counted as (驻马店、周口、商丘、南阳4个市, 杭州、宁波…5个城市)
COUNTED_PLACES = (*DIVISION_PARTS, "城市", "市", "县", "区", "省", "省（区、市）", "省（市）", "省市", "国家高新区",
                  "高新区", "开发区", "经开区", "镇", "乡", "镇街", "村", "省辖市")
# A scope a figure is compared with or taken in: 全国, 我国, 全省, 本市, 全县
SCOPE = rf"(?:{alternation(COUNTRY_SCOPES)}|{char_class(GENERIC_PREFIXES)}[省市区县州])"
# The gap a compared scope is given in a list of them (高于全国1.0个百分点、全省0.8个百分点)
SCOPE_GAP = r"[0-9.]+(?:个百分点|个|%|％|倍)?"
SCOPE_MEMBER_REACH = 14         # how far back such a member with its gap and joiner reaches (全国1.0个百分点、)
BREAKDOWN_OPENER = rf"\s*(?:分|从|按){char_class(CLAUSE_SEPARATORS, negate=True)}{{1,8}}(?:来看|看)"
# A list split at its joiners (城镇、农村和乡村 -> 城镇, 农村, 乡村): read by the list steps of the engine.
LIST_SPLIT = re.compile(char_class(LIST_JOINERS))
