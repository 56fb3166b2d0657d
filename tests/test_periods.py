"""The period table (tests/tables/periods.tsv): expression + document date (+ role) -> dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from indicators.engine.dates import Period, resolve

TABLE = Path(__file__).parent / "tables" / "periods.tsv"


def _cases():
    for number, line in enumerate(TABLE.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [("" if f == "-" else f) for f in line.split("\t")]
        assert len(fields) == 6, f"periods.tsv:{number}: six tab-separated fields expected"
        expr, doc_date, role, start, end, grain = fields
        expected = Period(start, end, grain) if start else None
        yield pytest.param(expr, doc_date, role, expected, id=f"periods.tsv:{number}")


CASES = list(_cases())


@pytest.mark.parametrize("expr,doc_date,role,expected", CASES)
def test_period(expr, doc_date, role, expected):
    assert resolve(expr, doc_date, role=role) == expected


def test_the_table_is_large_and_has_negative_cases():
    assert len(CASES) >= 100
    assert sum(1 for c in CASES if c.values[3] is None) >= 20


def test_the_year_of_the_context_names_the_year_of_a_bare_part():
    assert resolve("全年", "2025-03-05", role="plan", year=2024) == resolve("2024年", "")
    assert resolve("当年", "2025", year=2019) == resolve("2019年", "")
