"""Property tests (hypothesis): extract never raises, spans are valid, values finite and exact."""

from __future__ import annotations

import math
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_numbers_table import to_chinese

from indicators import extract
from indicators.engine.extract import _change_in
from indicators.engine.layout import _RUN_START, _SPACED_RUN
from indicators.engine.modality import _CUES, cues_of
from indicators.engine.period import PERIOD, period_matches
from indicators.engine.placing import _BASE_HINT, _YEAR_CHAR, _YEARS_BEFORE, _YEARS_BEFORE_REACH
from indicators.engine.report import CUE, cue_matches
from indicators.engine.rules import RULES, first_drop, found_at
from indicators.lang import vocab as V
from indicators.lang.gazetteer import _TOWN, _TOWN_REACH, _TOWN_SUFFIX, _automaton, find_places
from indicators.lang.patterns import (
    fact_matches,
    fact_pattern,
    percent_words,
    percent_words_pattern,
    split_matches,
    split_pattern,
)
from indicators.lang.scan import finditer_near
from indicators.lang.topics import load_taxonomy
from indicators.schema import COLUMNS, KINDS, QUALIFIERS

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of economic text: numerals of every script, multipliers, units, qualifiers, change words,
# date and ordinal markers, punctuation of both widths, line breaks and Latin letters.
TOKENS = [
    *"0123456789", *"０１２３４５６７８９", ".", "．", ",", "，", "、", "。", ";", "；", ":", "：", "∶",
    *"〇零一二两三四五六七八九十百千万亿", "万亿",
    "元", "万元", "亿元", "美元", "个", "家", "名", "人", "人次", "件", "株", "项", "条", "次", "户", "位",
    "吨", "万吨", "千瓦时", "平方米", "平方公里", "亩", "公顷", "天", "年", "月", "日", "个月", "个工作日",
    "%", "％", "个百分点", "倍", "成", "GW", "MW", "kV", "km", "G", "H",
    "余", "多", "近", "约", "左右", "以上", "以内", "内", "不超过", "不到", "不足", "至少", "不少于",
    "超过", "逾", "超",
    "同比", "环比", "比上年", "增长", "下降", "减少", "提高", "分别", "占比", "比重", "率", "指数",
    "至", "到", "-", "—", "~", "～", "第", "号", "届", "期", "级", "“", "”", "《", "》", "(", ")", "（", "）",
    " ", "\u3000", "\n", "\r\n", "\t", "完成投资", "全市", "项目", "企业", "前三季度", "上半年", "规模以上",
]

pieces = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)


def check_table(text: str) -> None:
    df = extract(text)
    assert list(df.columns)[: len(COLUMNS)] == list(COLUMNS) or set(COLUMNS) <= set(df.columns)
    for r in df.to_dict("records"):
        start, end = int(r["start"]), int(r["end"])
        assert 0 <= start < end <= len(text), (text, r)
        assert text[start:end] == r["mention"], (text, r)
        assert isinstance(r["value"], float) and math.isfinite(r["value"]), (text, r)
        for bound in ("value_low", "value_high"):
            assert r[bound] is None or isinstance(r[bound], float), (text, r)
            assert r[bound] is None or not math.isinf(r[bound]), (text, r)
        low, high = r["value_low"], r["value_high"]
        if low == low and high == high:  # both present (not NaN)
            assert low <= high, (text, r)
        assert r["qualifier"] in QUALIFIERS, (text, r)
        assert r["kind"] in KINDS, (text, r)


@SETTINGS
@given(st.text(max_size=200))
def test_any_string(text: str) -> None:
    check_table(text)


@SETTINGS
@given(pieces)
@example("一GW")  # found by hypothesis: a bare Chinese numeral before a Latin unit
def test_strings_of_numerals_units_and_punctuation(text: str) -> None:
    check_table(text)


@SETTINGS
@given(st.lists(st.sampled_from(TOKENS), max_size=12).map("".join), st.text(max_size=30))
def test_mixed_with_arbitrary_text(left: str, right: str) -> None:
    check_table(left + right)
    check_table(right + left)


@settings(max_examples=50, deadline=None)
@given(pieces)
def test_deterministic(text: str) -> None:
    a, b = extract(text), extract(text)
    assert a.equals(b)


def test_empty_and_blank() -> None:
    for text in ("", " ", "\n", "\u3000", "。"):
        df = extract(text)
        assert len(df) == 0
        assert set(COLUMNS) <= set(df.columns)


# --- exact values: the float in the table is the float of the exact decimal
EXACT = [
    ("该项目总投资16.4亿元。", "16.4亿元", 1640000000.0),
    ("新增城镇就业0.1万人。", "0.1万人", 1000.0),
    ("完成投资300.1亿元。", "300.1亿元", 30010000000.0),
    ("受理群众有效诉求26.46万件。", "26.46万件", 264600.0),
    ("全年社会消费品零售总额1.2万亿元。", "1.2万亿元", 1200000000000.0),
    ("全年新增贷款0.29亿元。", "0.29亿元", 29000000.0),
    ("全年技术合同成交额0.3亿元。", "0.3亿元", 30000000.0),
    ("全年实现旅游收入2.01亿元。", "2.01亿元", 201000000.0),
    ("全省研发经费投入0.07万亿元。", "0.07万亿元", 70000000000.0),
    ("办理反馈率达到91.51%。", "91.51%", 91.51),
]


@pytest.mark.parametrize(("text", "mention", "value"), EXACT, ids=[m for _, m, _ in EXACT])
def test_value_is_exact(text: str, mention: str, value: float) -> None:
    rows = extract(text).to_dict("records")
    hit = [r for r in rows if r["mention"] == mention]
    assert hit, rows
    assert hit[0]["value"] == value  # exact equality, no tolerance


@settings(max_examples=200, deadline=None)
@given(
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999"), places=2),
    st.sampled_from([("万元", 10**4), ("亿元", 10**8), ("万亿元", 10**12), ("元", 1)]),
)
def test_money_value_exact_for_any_decimal(x: Decimal, unit: tuple[str, int]) -> None:
    surface, factor = unit
    numeral = format(x.normalize(), "f")
    text = f"全年完成投资{numeral}{surface}。"
    rows = extract(text).to_dict("records")
    assert len(rows) == 1, (text, rows)
    r = rows[0]
    assert r["mention"] == numeral + surface
    assert r["unit"] == "元" and r["kind"] == "money"
    assert r["value"] == float(Decimal(numeral) * factor), (text, r["value"])


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=11, max_value=99_999_999))
def test_chinese_numeral_counts(n: int) -> None:
    numeral = to_chinese(n)
    text = f"全市新建社区食堂{numeral}个。"
    rows = extract(text).to_dict("records")
    assert [(r["mention"], r["value"], r["unit"]) for r in rows] == [(numeral + "个", float(n), "个")], text


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**9))
def test_arabic_counts(n: int) -> None:
    text = f"全市共有企业{n}家。"
    rows = extract(text).to_dict("records")
    got = [(r["mention"], r["value"], r["unit"], r["kind"]) for r in rows]
    assert got == [(f"{n}家", float(n), "家", "count")], text


# --- composed facts: any numeral form x multiplier x unit x qualifier gives the one expected row
UNITS = [
    # surface, unit reported, kind, indicator words before the number, multipliers allowed
    ("元", "元", "money", "全年完成投资", ["", "万", "亿", "万亿"]),
    ("吨", "吨", "quantity", "全年粮食总产量", ["", "万", "亿"]),
    ("千瓦时", "千瓦时", "quantity", "全年发电量", ["", "万", "亿"]),
    ("平方米", "平方米", "area", "新建厂房面积", ["", "万"]),
    ("亩", "亩", "area", "完成造林面积", ["", "万"]),
    ("家", "家", "count", "新增高新技术企业", ["", "万"]),
    ("人", "人", "count", "城镇新增就业", ["", "万"]),
    ("人次", "人次", "count", "接待游客", ["", "万", "亿"]),
    ("件", "件", "count", "受理群众诉求", ["", "万"]),
    ("株", "株", "count", "栽植樟子松", ["", "万"]),
    ("天", "天", "duration", "项目建设工期", [""]),
    ("个工作日", "工作日", "duration", "审批时间", [""]),
    ("%", "%", "ratio", "森林覆盖率达到", [""]),
]
PREFIX_Q = {"": "exact", "近": "approx", "约": "approx", "超过": "more_than", "逾": "more_than",
            "不到": "less_than", "不足": "less_than", "至少": "at_least", "不少于": "at_least",
            "不超过": "at_most"}
INNER_Q = {"余": "more_than", "多": "more_than"}
SUFFIX_Q = {"左右": "approx", "以上": "more_than"}
FACTORS = {"": 1, "千": 10**3, "万": 10**4, "亿": 10**8, "万亿": 10**12}
FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


@st.composite
def composed_fact(draw):
    surface, unit, kind, words, mults = draw(st.sampled_from(UNITS))
    mult = draw(st.sampled_from(mults))
    form = draw(st.sampled_from(["int", "decimal", "fullwidth", "chinese"]))
    if form == "chinese":
        n = draw(st.integers(min_value=11, max_value=9999))
        numeral, base = to_chinese(n), Decimal(n)
        if surface == "%":
            numeral, base = str(n % 100 + 1), Decimal(n % 100 + 1)  # no Chinese numerals before %
    elif form == "int":
        base = Decimal(draw(st.integers(min_value=2, max_value=99999)))
        numeral = str(base)
    else:
        base = draw(st.decimals(min_value=Decimal("0.1"), max_value=Decimal("9999"), places=2))
        base = base.normalize()
        numeral = format(base, "f")
        if form == "fullwidth":
            numeral = numeral.translate(FULLWIDTH)
    where = draw(st.sampled_from(["none", "prefix", "inner", "suffix"]))
    pre = inner = post = ""
    qualifier = "exact"
    if where == "prefix":
        pre = draw(st.sampled_from(sorted(PREFIX_Q)))
        qualifier = PREFIX_Q[pre]
    elif where == "inner" and form != "fullwidth" and "." not in numeral and kind == "count":
        inner = draw(st.sampled_from(sorted(INNER_Q)))
        qualifier = INNER_Q[inner]
    elif where == "suffix" and kind != "money":
        post = draw(st.sampled_from(sorted(SUFFIX_Q)))
        qualifier = SUFFIX_Q[post]
    # 3.7万余人: 余/多 sit between the multiplier and the unit when there is a multiplier
    number = numeral + (mult + inner if mult else inner)
    mention = pre + number + surface + post
    value = base * FACTORS[mult]
    return words + mention + "。", mention, value, unit, qualifier, kind


@settings(max_examples=500, deadline=None)
@given(composed_fact())
@example(("全年发电量十二万千瓦时。", "十二万千瓦时", Decimal(120000), "千瓦时", "exact", "quantity"))  # 千 of 千瓦时
def test_composed_fact(case) -> None:
    text, mention, value, unit, qualifier, kind = case
    rows = extract(text).to_dict("records")
    got = [(r["mention"], r["value"], r["unit"], r["qualifier"], r["kind"]) for r in rows]
    assert got == [(mention, float(value), unit, qualifier, kind)], text


GROWTH_WORDS = {"增长": 1, "下降": -1, "提高": 1, "降低": -1, "减少": -1, "上涨": 1}


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["规上工业增加值", "固定资产投资", "社会消费品零售总额", "一般公共预算收入"]),
    st.sampled_from(["同比", "比上年", "环比", ""]),
    st.sampled_from(sorted(GROWTH_WORDS)),
    st.decimals(min_value=Decimal("0.1"), max_value=Decimal("99.9"), places=1),
    st.sampled_from([("%", "%"), ("％", "%"), ("个百分点", "百分点"), ("倍", "倍")]),
)
def test_composed_change(indicator: str, base: str, verb: str, x: Decimal, unit: tuple[str, str]) -> None:
    surface, reported = unit
    numeral = format(x.normalize(), "f")
    text = f"前三季度，全市{indicator}{base}{verb}{numeral}{surface}。"
    rows = extract(text).to_dict("records")
    got = [(r["mention"], r["value"], r["unit"], r["kind"]) for r in rows]
    want = float(x) * GROWTH_WORDS[verb]
    assert got == [(numeral + surface, want, reported, "growth")], text


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=10**4, max_value=10**12 - 1))
@example(150_000_000)  # 一亿五千万: 万 belongs to the numeral, not a multiplier after 一亿五千
def test_large_chinese_numerals_in_money(n: int) -> None:
    numeral = to_chinese(n)
    text = f"项目总投资{numeral}元。"
    rows = extract(text).to_dict("records")
    got = [(r["mention"], r["value"], r["unit"]) for r in rows]
    assert got == [(numeral + "元", float(n), "元")], text


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=300, max_value=2000), st.sampled_from(["元", "亿元", "万亿元", "%", "家", "万吨"]))
def test_huge_numbers_stay_finite(digits: int, unit: str) -> None:
    """A run of hundreds of digits overflows a float: such a row must be dropped, never inf."""
    check_table(f"全年完成投资{'9' * digits}{unit}。")


TOWN_PIECES = pieces | st.lists(st.sampled_from([*TOKENS, "镇", "乡", "街道", "满井", "在", "全", "城乡", "百分之", "千分之"]),
                                max_size=40).map("".join)


@SETTINGS
@given(TOWN_PIECES)
@example("不少于-3.5万元、约１２亿元，至多十二万亿元及以上；1,100吨2024年")
@example("约百分之七十左右，不超过千分之三；在满井镇、汪洋乡和城关街道")
def test_scans_near_anchors_are_finditers(text: str) -> None:
    """The scans that try a pattern only near its anchor (a numeral, 分之, 镇) find exactly what
    finditer finds."""
    for fast, pattern in ((fact_matches, fact_pattern()), (percent_words, percent_words_pattern()),
                          (lambda t: finditer_near(_TOWN, _TOWN_SUFFIX, _TOWN_REACH, t), _TOWN)):
        expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in fast(text)] == expected, fast


# Around figures, the characters the rules' guards name (第, 前, 以/及, 级, digits, names, vague words).
RULE_PIECES = st.lists(st.sampled_from([*TOKENS, "民", "单", "员", "湾", "几", "数", "上", "县", "镇", "山", "台", "以下",
                                        "及以上", "三番五次", "八成新", "前5位", "前10个月", "第3-5名", "7栋2单元"]),
                       max_size=40).map("".join)


@SETTINGS
@given(RULE_PIECES)
@example("第 3名，前10个月，5万吨级，三人民警，三台县，数十家，1000万元以上项目，7栋2单元301室")
def test_rule_guards_skip_only_rules_that_cannot_apply(text: str) -> None:
    """first_drop tests a guarded rule only when a character of its guard lies around the figure: the
    rule it names is always the first of the table, tested in full, that applies."""
    for m in fact_matches(text):
        found = found_at(text, m)
        every = next((rule for rule in RULES
                      if rule.concerns(found.info.unit, found.info.kind, found.chinese) and rule.applies(found)), None)
        assert first_drop(found) is every, (text, m.group())


SPLIT_TOKENS = ["9.2", "51", "39.8", "0", "100", ".", ":", "：", "∶", " ", "\u3000", "\n", "为", "结构", "１"]


@SETTINGS
@given(st.lists(st.sampled_from(SPLIT_TOKENS), max_size=30).map("".join))
@example("三次产业结构为9.2:51:39.8，比例 1 ： 2.5.3:4::5 ：6")
def test_split_matches_are_finditers(text: str) -> None:
    """Splits tried only before colons are exactly the splits finditer finds."""
    expected = [(m.span(), m.group()) for m in split_pattern().finditer(text)]
    assert [(m.span(), m.group()) for m in split_matches(text)] == expected


PERIOD_TOKENS = ["2024", "１９９８", "二〇二四", "一九九○", "年", "度", "月", "份", "日", "今年", "明年", "去年", "上年",
                 "同期", "1", "7", "十二", "三十一", "-", "—", "～", " ", "\u3000", "\n", "至", "到", "前", "第", "季度",
                 "上半年", "全年", "个月", "过去", "近", "未来", "来", "间", "内", "“", "”", '"', "国庆", "清明", "端午",
                 "五一", "十一", "小长假", "黄金周", "期间", "假期", "目前", "截至", "底", "末", "以来", "年初", "十四五",
                 "时期", "报告期", "上旬", "，", "。", "增长", "全市", "达", "10", "－", "两"]


@SETTINGS
@given(st.lists(st.sampled_from(PERIOD_TOKENS), max_size=30).map("".join))
@example("“国庆”7天小长假期间，2024年1 - 7月，过去十二个月，“国庆”小长假")
@example("达到10  －  12月，十一至十二月份")
@example("“国庆国庆小长假")          # (a holiday named twice puts its 假 seven characters in: 庆 anchors it)
def test_period_matches_are_finditers(text: str) -> None:
    expected = [(m.span(), m.group()) for m in PERIOD.finditer(text)]
    assert [(m.span(), m.group()) for m in period_matches(text)] == expected


REPORT_CUE_TOKENS = ["2024", "１９９８", "二〇二四", "一九九○", "年", "度", "月", "份", "今年", "去年", "上年", "本年", "全年",
                     "上半年", "季度", "一", "四", "五", "十", "十四", "第", "个", "前", "过去", "近", "这", "的", "来", "间",
                     "内", "未来", "刚刚过去的一年", "计划", "时期", "期间", "末", "底", "以来", "“", "”", "-", "～", " ",
                     "\n", "至", "到", "，", "均", "7", "12", "两"]


@SETTINGS
@given(st.lists(st.sampled_from(REPORT_CUE_TOKENS), max_size=30).map("".join))
@example("过去五年，“十四五”时期，第十个五年计划，2020 - 2025年，一九九○至一九九五年，前两个月，刚刚过去的一年")
def test_report_cues_found_as_by_finditer(text: str) -> None:
    expected = [(m.span(), m.lastgroup) for m in CUE.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in cue_matches(text)] == expected


# The words of PERIOD, cut at every character, with numerals, spaces and marks: every way a period may
# start (period_matches tries only the characters that may start one).
PERIOD_WORD_TOKENS = [*{w for w in re.findall(r"[\u4e00-\u9fff]+", PERIOD.pattern)},
                      *{ch for w in re.findall(r"[\u4e00-\u9fff]+", PERIOD.pattern) for ch in w},
                      "2024", "１９９８", "二〇二四", "7", "１", " ", "\n", "-", "～", "“", "”", '"', "，", "达到", "假日期间", "节期间", "汛期"]


@SETTINGS
@given(st.lists(st.sampled_from(PERIOD_WORD_TOKENS), max_size=20).map("".join))
@example("元旦期间，春节假日期间，最近三年，此后五年，昨日，本月，“十四五”时期")
@example("启动双十二迎峰度夏，工程提前两个月投运")        # (a period with no 年/月/期 in reach; 提前 is no period)
@example("施“双十二\"当天，“618”期间，“中秋中秋黄金周，今冬明春，“三秋”期间")   # (quoted festivals, seasons)
@example("攻势清明节月份节期间，主汛期白，来年节期间")    # (a festival's days, the main flood season: starts 4 back)
@example("出梅以来")        # (a period whose first character no other period opens with)
def test_period_matches_start_where_finditer_starts(text: str) -> None:
    expected = [(m.span(), m.group()) for m in PERIOD.finditer(text)]
    assert [(m.span(), m.group()) for m in period_matches(text)] == expected


YEARS_BEFORE_TOKENS = ["年", "年均", "平均", "累计", "共", "增加", "间", "来", "里", "中", "五", "十", "二十", "三", "1", "12",
                       "123", "２", "，", "过去", "这", "增长"]


@SETTINGS
@given(st.lists(st.sampled_from(YEARS_BEFORE_TOKENS), max_size=20).map("".join))
@example("过去五年年均增长6%，123年来，二十三年间，２年累计")
def test_years_before_found_as_by_finditer(text: str) -> None:
    expected = [(m.span(), m.group("n")) for m in _YEARS_BEFORE.finditer(text)]
    found = finditer_near(_YEARS_BEFORE, _YEAR_CHAR, _YEARS_BEFORE_REACH, text)
    assert [(m.span(), m.group("n")) for m in found] == expected


# The plain form of placing._BASE_HINT: a comparison's base word (a 于 only after a comparative), then a year.
PLAIN_BASE_HINT = re.compile(rf"(?:{V.char_class(V.COMPARISON_BASE.replace('于', ''))}"
                             rf"|(?<={V.char_class(V.COMPARATIVE_BEFORE_YU + V.CAUSE_BEFORE_YU)})于)(?:{V.YEAR_DIGITS})")
BASE_TOKENS = [*V.COMPARISON_BASE, *V.COMPARATIVE_BEFORE_YU, *V.CAUSE_BEFORE_YU, "2002年", "1997", "二〇二〇", "关于", "，"]


@SETTINGS
@given(st.lists(st.sampled_from(BASE_TOKENS), max_size=20).map("".join), st.integers(0, 40), st.integers(0, 40))
@example("于2002年，高于2002年，由1997年，关于2024年", 0, 40)
def test_base_hint_finds_what_its_plain_form_finds(text: str, a: int, b: int) -> None:
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    plain, fast = PLAIN_BASE_HINT.search(text, lo, hi), _BASE_HINT.search(text, lo, hi)
    assert (plain and plain.span()) == (fast and fast.span())


PLACE_TOKENS = ["鞍山", "鞍山市", "海城市", "铁西区", "辽宁", "辽宁省", "内蒙古", "内蒙古自治区", "广西", "广西壮族自治区",
                "全国", "沈阳", "大连市", "市", "县", "区", "省", "的", "和", "、", "，", "。", "1", "a", " ", "\n", "山", "西",
                "山西", "陕西", "西安", "安阳", "阳泉", "泉州", "州"]


@SETTINGS
@given(st.lists(st.sampled_from(PLACE_TOKENS), max_size=30).map("".join))
@example("鞍山市铁西区和海城市、内蒙古自治区，山西安阳泉州")
def test_places_found_by_stretches_as_in_the_whole_text(text: str) -> None:
    """The gazetteer reads only stretches of place-name characters and finds what it finds in the whole text."""
    expected = [(end - len(name) + 1, name) for end, name in _automaton().iter_long(text)] if text else []
    assert find_places(text) == expected


# The words of the modality cues, cut at every character (so lookbehinds and partial words occur too).
CUE_TOKENS = [*{w for w in re.findall(r"[\u4e00-\u9fff]+", _CUES.pattern)},
              *{ch for w in re.findall(r"[\u4e00-\u9fff]+", _CUES.pattern) for ch in w}, "，", "。", "：", "5%"]


@SETTINGS
@given(st.lists(st.sampled_from(CUE_TOKENS), max_size=30).map("".join))
@example("力争实现预期目标，努力完成全年计划；主要目标是：已经超额完成")
def test_modality_cues_found_as_by_finditer(text: str) -> None:
    expected = [(m.end(), m.lastgroup) for m in _CUES.finditer(text)]
    assert cues_of(text) == expected


# Topic scores as the taxonomy makes them: whole lengths (keywords) and thirds of them (weak words),
# few keys, so that sums tie and thirds round.
TOPIC_SCORES = st.dictionaries(st.sampled_from(["economy", "investment", "fiscal", "other", "prices"]),
                               st.sampled_from([1.0, 2.0, 3.0, 4.0, 6.0, 1 / 3, 2 / 3, 4 / 3, 5 / 3]),
                               max_size=4)


@SETTINGS
@given(TOPIC_SCORES, TOPIC_SCORES, TOPIC_SCORES)
@example({"economy": 1 / 3}, {"investment": 1.0}, {"economy": 4 / 3})
@example({"economy": 1.0}, {"investment": 3.0}, {})                  # a tie: the own topic first
@example({}, {}, {})
def test_topic_chooser_chooses_as_choose(own, sentence, section):
    taxonomy = load_taxonomy()
    chosen = taxonomy.chooser(3.0, (sentence, 1.0), (section, 0.5))(own)
    assert chosen == taxonomy.choose((own, 3.0), (sentence, 1.0), (section, 0.5))


# The words before a rate or an amount: change verbs, rate words, link words, 新, commas and others.
CHANGE_TOKENS = [*V.CHANGE_UP, *V.CHANGE_DOWN, *V.ABSOLUTE_UP, *V.ABSOLUTE_DOWN, *V.RATE_UP, *V.RATE_DOWN,
                 "了", "为", "达到", "是", "控制在", "在", "新", "比上年", "同比", "，", "；", "。", " ", "亿元", "5"]


@SETTINGS
@given(st.lists(st.sampled_from(CHANGE_TOKENS), max_size=8).map("".join), st.booleans(), st.booleans())
@example("增长，增长", False, False)
def test_change_read_after_the_last_comma_as_in_the_whole_window(window, absolute, per_mille):
    """_change reads only what follows the window's last comma: no change word reaches across one."""
    assert _change_in(window.rpartition("，")[2], absolute, per_mille) == _change_in(window, absolute, per_mille)


SPACED_TOKENS = [*"0123456789", "１", "２", " ", "\u3000", ".", "．", "％", "%", "年", "亿元", "a", "\n"]


@SETTINGS
@given(st.lists(st.sampled_from(SPACED_TOKENS), max_size=30).map("".join))
@example("1 9 9 7 年 8 ．8 ％ 12 3")
def test_spaced_digit_runs_found_as_by_finditer(text: str) -> None:
    expected = [m.span() for m in _SPACED_RUN.finditer(text)]
    assert [m.span() for m in finditer_near(_SPACED_RUN, _RUN_START, 0, text)] == expected
