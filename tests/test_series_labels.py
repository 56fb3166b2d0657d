"""Integrity of the hand-labelled GDP/CPI series from the government work reports.

``tests/data/gov_work_reports/series.csv`` is the reference the extractor is scored against (issue 9);
its README gives the conventions. These tests check the label file itself, not the extractor: columns
and codes, dates, one row per period, each quote verbatim in its report and containing the value, and
every report from 1979 either labelled or listed in the README as stating nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LABELS_DIR = Path(__file__).parent / "data" / "gov_work_reports"
SERIES = LABELS_DIR / "series.csv"
README = LABELS_DIR / "README.md"
CORPUS = REPO.parent / "shared" / "corpora" / "gov-work-reports"
FIRST_YEAR, LAST_YEAR = 1979, 2025

COLUMNS = ["file", "report_year", "indicator", "modality", "grain", "period_start", "period_end",
           "value", "value_low", "value_high", "qualifier", "quote", "note"]
INDICATORS = {"gdp", "cpi", "gross_output", "national_income"}
MODALITIES = {"actual", "target"}
GRAINS = {"year", "multi_year"}
QUALIFIERS = {"exact", "approx", "at_least", "at_most", "more_than", "less_than"}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

CHINESE_DIGITS = "零一二三四五六七八九"
CHINESE_NUMERAL_CHARS = CHINESE_DIGITS + "十百点两"
# Full-width digits and points, and the middle dot some reports use as a decimal point (4·3％).
TO_ASCII = str.maketrans("０１２３４５６７８９．·", "0123456789..")


def _read_rows() -> list[dict[str, str]]:
    with SERIES.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


ROWS = _read_rows()


def _row_id(row: dict[str, str]) -> str:
    return f"{row['file']}:{row['indicator']}:{row['modality']}:{row['period_start'][:4]}-{row['period_end'][:4]}"


def _decimal(text: str) -> Decimal | None:
    if text == "":
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        pytest.fail(f"{SERIES.name}: {text!r} is not a number")


def _chinese_integer(n: int) -> str:
    if n < 10:
        return CHINESE_DIGITS[n]
    if n < 100:
        tens, units = divmod(n, 10)
        return ("" if tens == 1 else CHINESE_DIGITS[tens]) + "十" + (CHINESE_DIGITS[units] if units else "")
    raise ValueError(f"no Chinese form for percentages of {n} or more")


def _chinese(value: Decimal) -> str:
    """百分之十一点八 style: 11.8 -> 十一点八, 0.8 -> 零点八, 10 -> 十."""
    integer, _, fraction = format(abs(value), "f").partition(".")
    text = _chinese_integer(int(integer))
    fraction = fraction.rstrip("0")
    return text + ("点" + "".join(CHINESE_DIGITS[int(d)] for d in fraction) if fraction else "")


def _written_in(value: Decimal, quote: str) -> bool:
    """True when the quote writes the number in Arabic (half- or full-width, spaced) or Chinese numerals."""
    arabic_text = re.sub(r"\s+", "", quote).translate(TO_ASCII)
    arabic = format(abs(value).normalize(), "f")
    if re.search(rf"(?<![\d.]){re.escape(arabic)}(?!\d|\.\d)", arabic_text):
        return True
    chinese = _chinese(value)
    return re.search(rf"(?<![{CHINESE_NUMERAL_CHARS}]){chinese}(?![{CHINESE_NUMERAL_CHARS}])", quote) is not None


def _years_stating_nothing() -> set[int]:
    """Years in the table under the README heading 'Years that state nothing'."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Years that state nothing", 1)[1].split("\n## ", 1)[0]
    return {int(m.group(1)) for m in re.finditer(r"^\|\s*(\d{4})\s*\|", section, re.MULTILINE)}


def test_header_and_encoding():
    raw = SERIES.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "series.csv must be UTF-8 without BOM"
    with SERIES.open(encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == COLUMNS
    assert ROWS, "series.csv has no rows"


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_row_codes_dates_and_values(row):
    where = _row_id(row)
    assert re.fullmatch(r"\d{4}\.txt", row["file"]), where
    assert int(row["report_year"]) == int(row["file"][:4]), f"{where}: report_year differs from the file name"
    assert FIRST_YEAR <= int(row["report_year"]) <= LAST_YEAR, where
    assert row["indicator"] in INDICATORS, where
    assert row["modality"] in MODALITIES, where
    assert row["grain"] in GRAINS, where

    for column in ("period_start", "period_end"):
        assert ISO_DATE.fullmatch(row[column]), f"{where}: {column} {row[column]!r} is not YYYY-MM-DD"
    start = dt.date.fromisoformat(row["period_start"])
    end = dt.date.fromisoformat(row["period_end"])
    assert end >= start, f"{where}: period ends before it starts"
    assert (start.month, start.day, end.month, end.day) == (1, 1, 12, 31), f"{where}: periods are whole years"
    if row["grain"] == "year":
        assert start.year == end.year, f"{where}: a year row spans {start.year}-{end.year}"
    else:
        assert end.year > start.year, f"{where}: a multi_year row covers one year"

    value, low, high = (_decimal(row[c]) for c in ("value", "value_low", "value_high"))
    if (low is None) != (high is None):
        pytest.fail(f"{where}: a range needs both value_low and value_high")
    if low is not None:
        assert low < high, f"{where}: value_low must be below value_high"
        assert value is None or low <= value <= high, f"{where}: value outside its range"
    if value is None and low is None:
        assert row["indicator"] == "gdp" and row["modality"] == "target" and "no target" in row["note"], \
            f"{where}: only a gdp target row noted 'no target' may have no value"
        assert row["qualifier"] == "", f"{where}: a row without value has no qualifier"
    else:
        assert row["qualifier"] in QUALIFIERS, f"{where}: qualifier {row['qualifier']!r}"


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_value_is_written_in_quote(row):
    for column in ("value", "value_low", "value_high"):
        number = _decimal(row[column])
        if number is not None:
            assert _written_in(number, row["quote"]), \
                f"{_row_id(row)}: {column} {number} is not written in the quote {row['quote']!r}"


def test_one_row_per_period():
    keys = Counter((r["file"], r["indicator"], r["modality"], r["grain"], r["period_start"], r["period_end"])
                   for r in ROWS)
    assert [k for k, n in keys.items() if n > 1] == []


def test_gdp_outcome_is_for_the_previous_year_and_target_for_the_report_year():
    for row in ROWS:
        if row["indicator"] == "gdp" and row["grain"] == "year":
            expected = int(row["report_year"]) - (1 if row["modality"] == "actual" else 0)
            assert int(row["period_start"][:4]) == expected, _row_id(row)
    actual = Counter(r["file"] for r in ROWS if (r["indicator"], r["modality"], r["grain"]) == ("gdp", "actual", "year"))
    assert [f for f, n in actual.items() if n > 1] == []


def test_every_report_year_is_labelled_or_listed_as_stating_nothing():
    labelled = {int(r["report_year"]) for r in ROWS}
    nothing = _years_stating_nothing()
    assert nothing, "README lists no years under 'Years that state nothing'"
    assert labelled & nothing == set(), "a year listed as stating nothing has labels"
    expected = set(range(FIRST_YEAR, LAST_YEAR + 1))
    if CORPUS.is_dir():
        expected = {y for y in expected if (CORPUS / f"{y}.txt").exists()}
    assert sorted(expected - labelled - nothing) == []


def test_value_forms_are_recognised():
    # The matcher behind test_value_is_written_in_quote must accept each written form and reject near misses.
    assert _written_in(Decimal("11.8"), "比上年增长百分之十一点八")
    assert _written_in(Decimal("7.3"), "比上年增长７．３％")
    assert _written_in(Decimal("8.8"), "去年经济增长8 ．8 ％")
    assert _written_in(Decimal("10"), "控制在百分之十以内")
    assert _written_in(Decimal("0.8"), "涨幅为百分之零点八")
    assert _written_in(Decimal("9"), "定为百分之八至九")
    assert not _written_in(Decimal("5"), "增长5.2%")
    assert not _written_in(Decimal("10"), "增长百分之十一")
    assert not _written_in(Decimal("1"), "增长百分之二十一点七")
    assert not _written_in(Decimal("2"), "增长12%")


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS} (../shared beside the repository)")
@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_quote_is_verbatim_in_its_report(row):
    text = (CORPUS / row["file"]).read_text(encoding="utf-8")
    assert row["quote"] in text, f"{_row_id(row)}: quote not found verbatim in {row['file']}"
