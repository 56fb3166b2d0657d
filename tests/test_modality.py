"""The modality table (tests/tables/modality.tsv): words around a figure -> actual, target or forecast."""

from __future__ import annotations

import pytest
from tables_loader import table_params

from indicators.engine.modality import MODALITIES, modality_of
from indicators.schema import MODALITIES as COLUMN_VALUES

CASES = table_params("modality.tsv", 8)


@pytest.mark.parametrize("before,after,role,qualifier,period_end,doc_date,listed,expected", CASES)
def test_modality(before, after, role, qualifier, period_end, doc_date, listed, expected):
    assert modality_of(before, after, role=role, listed_target=bool(listed), qualifier=qualifier or "exact",
                       period_end=period_end, doc_date=doc_date) == expected


def test_every_modality_is_in_the_table_and_the_schema():
    assert {c.values[-1] for c in CASES} == set(MODALITIES) == set(COLUMN_VALUES)
