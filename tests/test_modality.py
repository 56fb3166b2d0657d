"""The modality table (tests/tables/modality.tsv): words around a figure -> actual, target or forecast."""

from __future__ import annotations

import pytest
from tables_loader import table_params

from indicators.engine.modality import MODALITIES, cues_of, modality_of, plainly_actual
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
