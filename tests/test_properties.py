"""Property tests (hypothesis): extract never raises, spans are valid, values finite and exact."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_numbers_table import to_chinese

from indicators import extract
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
