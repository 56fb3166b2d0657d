"""The period table (tests/tables/periods.tsv): expression + document date (+ role) -> dates."""

from __future__ import annotations

import pytest
from tables_loader import table_params

from indicators.engine.dates import Period, resolve


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
