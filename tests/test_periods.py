"""The period table (tests/tables/periods.tsv): expression + document date (+ role) -> dates."""

from __future__ import annotations

import pytest
from tables_loader import table_params

from indicators import extract
from indicators.engine.dates import Period, resolve
from indicators.engine.period import period_matches


def _case(expr: str, doc_date: str, role: str, start: str, end: str, grain: str) -> tuple:
    return expr, doc_date, role, (Period(start, end, grain) if start else None)


CASES = table_params("periods.tsv", 6, _case)


@pytest.mark.parametrize("expr,doc_date,role,expected", CASES)
def test_period(expr, doc_date, role, expected):
    assert resolve(expr, doc_date, role=role) == expected


def test_the_table_is_large_and_has_negative_cases():
    assert len(CASES) >= 100
    assert sum(1 for c in CASES if c.values[3] is None) >= 20


def test_the_year_of_the_context_names_the_year_of_a_bare_part():
    assert resolve("全年", "2025-03-05", role="plan", year=2024) == resolve("2024年", "")
    assert resolve("当年", "2025", year=2019) == resolve("2019年", "")


def test_a_bulletins_last_year_counts_from_the_year_it_reports_on():
    # 2024年…统计公报, published on 2025-03-28: its 上年 is 2023, not 2024.
    assert resolve("上年", "2025-03-28", year=2024, reported_year=2024) == resolve("2023年", "")
    assert resolve("上年", "2025-03-28") == resolve("2024年", "")
    # A year named earlier in a report's paragraph anchors 全年, not 去年: that counts from the report's date.
    assert resolve("去年", "2006-03-05", year=2005) == resolve("2005年", "")


@pytest.mark.parametrize("text,found", [
    ("4月至8月全市共出现冰雹2次", ["4月至8月"]),
    ("9月中旬至10月下旬全市出现中度气象干旱", ["9月中旬至10月下旬"]),
    ("1月初—3月底累计完成投资", ["1月初—3月底"]),
    ("9月30日至10月6日，接待游客", ["9月30日至10月6日"]),      # a day range stays one
    ("6月19日至21日，累计降雨", ["6月19日至21日"]),
    ("1-10月，全市完成投资", ["1-10月"]),
    ("8月增长5%至8%", ["8月"]),                                   # a range of figures is none
])
def test_a_range_of_months_named_at_both_ends_is_one_period(text, found):
    assert [m.group() for m in period_matches(text)] == found


def test_a_year_of_accounts_names_the_stretch_of_work_after_it():
    # (the stretch's name is too long to be read whole: its year of accounts dates it, not a cut 清缴期间)
    df = extract("个税汇算方面，2023年度个人所得税综合所得汇算清缴期间，全市共有586.2万人完成汇算。")
    assert df.period.tolist() == ["2023年度"]
    df = extract("个税汇算方面，2023年度汇算清缴期间，全市共有586.2万人完成汇算。")
    assert df.period.tolist() == ["2023年度汇算清缴期间"]
