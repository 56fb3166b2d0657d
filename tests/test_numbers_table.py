"""Unit tests of the numeral parser: exact Decimal values, never binary-float drift."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tables_loader import table_params

from indicators.lang.numbers import parse_number

CN_DIGITS = "零一二三四五六七八九"


def _group(n: int) -> str:
    """0 < n < 10000 in Chinese, 零 for inner zeros (1050 -> 一千零五十)."""
    out, zero, started = "", False, False
    for d, unit in zip((n // 1000, n // 100 % 10, n // 10 % 10, n % 10), "千百十 ", strict=True):
        if d == 0:
            zero = zero or started
            continue
        if zero:
            out += "零"
            zero = False
        out += CN_DIGITS[d] + unit.strip()
        started = True
    return out


def to_chinese(n: int) -> str:
    """A positive integer below 10**12 as a standard Chinese numeral (十二, 一万零五百, 三亿零五万)."""
    assert 0 < n < 10**12
    s, pending_zero = "", False
    for val, suffix in ((n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")):
        if val == 0:
            pending_zero = pending_zero or bool(s)
            continue
        if s and (pending_zero or val < 1000):
            s += "零"
        s += _group(val) + suffix
        pending_zero = False
    return s[1:] if s.startswith("一十") else s


def test_to_chinese_helper() -> None:
    assert [to_chinese(n) for n in (10, 12, 120, 105, 1050, 10010, 100000, 35000000, 300050000)] == [
        "十", "十二", "一百二十", "一百零五", "一千零五十", "一万零一十", "十万", "三千五百万", "三亿零五万",
    ]


TABLE = [
    # numeral, multiplier, exact value
    ("16.4", "亿", "1640000000"),
    ("0.1", "万", "1000"),
    ("300.1", "亿", "30010000000"),
    ("26.46", "万", "264600"),
    ("25.43", "万", "254300"),
    ("3.7", "万", "37000"),
    ("8620", "万", "86200000"),
    ("1.2", "万亿", "1200000000000"),
    ("0.35", "万亿", "350000000000"),
    ("2.03", "亿", "203000000"),
    ("1.01", "亿", "101000000"),
    ("0.07", "万亿", "70000000000"),
    ("0.29", "亿", "29000000"),
    ("4.35", "千", "4350"),
    ("91.51", "", "91.51"),
    ("7.1", "", "7.1"),
    ("697", "", "697"),
    ("1,234.5", "万", "12345000"),
    ("45,123", "", "45123"),
    ("３００．１", "亿", "30010000000"),
    ("２５．４３", "万", "254300"),
    ("１２００", "", "1200"),
    ("两", "", "2"),
    ("十", "", "10"),
    ("十二", "", "12"),
    ("二十三", "", "23"),
    ("三十五", "", "35"),
    ("一百二十", "", "120"),
    ("一百〇五", "", "105"),
    ("一千零五十", "", "1050"),
    ("两千", "", "2000"),
    ("一万二千", "", "12000"),
    ("三千五百", "万", "35000000"),
    ("十五", "万", "150000"),
    ("百", "", "100"),
    ("千", "", "1000"),
    ("万", "", "10000"),
    ("一亿五千万", "", "150000000"),
    ("三亿五千万", "", "350000000"),
    ("一万二千", "亿", "1200000000000"),
    ("5", "千万", "50000000"),
]


@pytest.mark.parametrize(("numeral", "multiplier", "want"), TABLE, ids=[f"{a}{b}" for a, b, _ in TABLE])
def test_parse_number_exact(numeral: str, multiplier: str, want: str) -> None:
    got = parse_number(numeral, multiplier)
    assert isinstance(got, Decimal)
    assert got == Decimal(want)
    assert float(got) == float(Decimal(want))


@pytest.mark.parametrize("numeral", ["", "abc", "二〇二一", "一二", "G5"])
def test_parse_number_rejects_non_numbers(numeral: str) -> None:
    assert parse_number(numeral) is None


@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_chinese_numerals_round_trip(n: int) -> None:
    assert parse_number(to_chinese(n)) == n


@given(
    st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(["", "千", "万", "亿", "万亿"]),
)
def test_decimal_times_multiplier_is_exact(x: Decimal, multiplier: str) -> None:
    factor = {"": 1, "千": 10**3, "万": 10**4, "亿": 10**8, "万亿": 10**12}[multiplier]
    got = parse_number(str(x), multiplier)
    assert got == x * factor
    assert float(got) == float(x * factor)


@pytest.mark.parametrize(("numeral", "multiplier", "want"), table_params("numerals.tsv", 3))
def test_numeral_table(numeral: str, multiplier: str, want: str) -> None:
    got = parse_number(numeral, multiplier)
    if not want:
        assert got is None, f"{numeral}{multiplier} is not a number, got {got}"
    else:
        assert got == Decimal(want), f"{numeral}{multiplier}: want {want}, got {got}"
