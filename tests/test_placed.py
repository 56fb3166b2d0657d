"""Facts placed in time and space in whole documents written for these tests in the styles of
provincial, city and national work reports, a city statistical bulletin and an environment bulletin
(tests/data/placed/*.txt): every expected row of tests/data/placed/expected.csv must come out with its
dates, grain, region code, indicator id and modality. The documents are composed, not copied: the rules
must hold for reports nobody has seen."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

import indicators

DATA = Path(__file__).parent / "data" / "placed"
FIELDS = ("period_start", "period_end", "period_grain", "region_name", "region_code", "indicator_id", "modality")


def _expected():
    with open(DATA / "expected.csv", encoding="utf-8", newline="") as f:
        for number, row in enumerate(csv.DictReader(f), 2):
            yield pytest.param(row, id=f"{row['file']}:{row['mention']}#{row['occurrence']} (line {number})")


_TABLES: dict[str, object] = {}


def _table(name: str):
    if name not in _TABLES:
        _TABLES[name] = indicators.extract((DATA / name).read_text("utf-8"), source=name)
    return _TABLES[name]


@pytest.mark.parametrize("row", list(_expected()))
def test_fact_is_placed(row):
    table = _table(row["file"])
    rows = table[table["mention"] == row["mention"]]
    n = int(row["occurrence"])
    assert len(rows) >= n, f"{row['mention']!r} occurs {len(rows)} times in the table"
    got = rows.iloc[n - 1]
    assert math.isclose(got["value"], float(row["value"]), rel_tol=1e-9)
    assert {k: got[k] for k in FIELDS} == {k: row[k] for k in FIELDS}


def test_each_document_reads_its_own_metadata():
    assert set(_table("province_work_report_2025.txt")["region_name"]) >= {"安徽省", "合肥市"}
    gdp = _table("national_old_style_1990.txt").query("indicator_id == 'gdp' and kind == 'growth'")
    assert set(gdp["region_name"]) == {"全国"}
