"""The modality table (tests/tables/modality.tsv): words around a figure -> actual, target or forecast."""

from __future__ import annotations

import pytest
from tables_loader import table_params

import indicators
from indicators.engine.modality import MODALITIES, cues_of, modality_of, period_is_ahead, plainly_actual
from indicators.schema import MODALITIES as COLUMN_VALUES

CASES = table_params("modality.tsv", 8)


@pytest.mark.parametrize("before,after,role,qualifier,period_end,doc_date,listed,expected", CASES)
def test_modality(before, after, role, qualifier, period_end, doc_date, listed, expected):
    assert modality_of(before, after, role=role, listed_target=bool(listed), qualifier=qualifier or "exact",
                       period_end=period_end, doc_date=doc_date) == expected


def test_every_modality_is_in_the_table_and_the_schema():
    assert {c.values[-1] for c in CASES} == set(MODALITIES) == set(COLUMN_VALUES)


def test_plainly_actual_figures_are_those_modality_of_calls_actual():
    # The placer skips modality_of for a figure whose sentence has no cue when plainly_actual holds:
    # every such case of the table must be an outcome.
    plain = [c.values for c in CASES
             if not cues_of(c.values[0]) and plainly_actual(c.values[1], c.values[2], bool(c.values[6]))]
    assert plain
    assert all(expected == "actual" for *_, expected in plain)
    assert not plainly_actual("的预期目标。", "", False)
    assert not plainly_actual("。", "plan", False)
    assert not plainly_actual("。", "", True)


@pytest.mark.parametrize("text, modality", [
    ("到2027年，全市数字经济核心产业增加值占地区生产总值比重达到12%。", "target"),     # a goal of a year to come
    ("县气象局提醒，12月19日至21日我县将出现一次降雪过程，累计降雪量10毫米。", "forecast"),  # what 将 says of it
    ("2024年，全市数字经济核心产业增加值占地区生产总值比重达到10.5%。", "actual"),     # a year gone: an outcome
    ("截至2025年末，辖区老旧小区改造完成率达到87%。", "actual"),      # a year-end summary written in December
])
def test_a_period_still_to_come_has_no_outcome(text, modality):
    table = indicators.extract(text, doc_date="2025-12-27" if "截至" in text else "2025-11-20")
    assert list(table["modality"]) == [modality]


@pytest.mark.parametrize("start, doc_date, ahead", [
    ("2027-01-01", "2025-11-20", True), ("2025-12-01", "2025-11-20", True), ("2025-01-01", "2025-11-20", False),
    ("2026-01-01", "2025", True), ("2025-06-01", "2025", False), ("", "2025-11-20", False), ("2027-01-01", "", False),
    # 截至2024年末 in a summary dated 2024年12月27日: the stock the year closes with, no goal; but a day later in
    # the month (12月30日将出现降温) is still to come
    ("2024-12-31", "2024-12-27", False), ("2024-02-29", "2024-02-20", False), ("2024-12-30", "2024-12-27", True),
])
def test_period_is_ahead(start, doc_date, ahead):
    assert period_is_ahead(start, doc_date) is ahead
