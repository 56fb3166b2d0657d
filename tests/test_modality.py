"""The modality table (tests/tables/modality.tsv): words around a figure -> actual, target or forecast."""

from __future__ import annotations

from pathlib import Path

import pytest

from indicators.engine.modality import MODALITIES, modality_of
from indicators.schema import MODALITIES as COLUMN_VALUES

TABLE = Path(__file__).parent / "tables" / "modality.tsv"


def _cases():
    for number, line in enumerate(TABLE.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [("" if f == "-" else f) for f in line.split("\t")]
        assert len(fields) == 8, f"modality.tsv:{number}: eight tab-separated fields expected"
        yield pytest.param(*fields, id=f"modality.tsv:{number}")


CASES = list(_cases())


@pytest.mark.parametrize("before,after,role,qualifier,period_end,doc_date,listed,expected", CASES)
def test_modality(before, after, role, qualifier, period_end, doc_date, listed, expected):
    assert modality_of(before, after, role=role, listed_target=bool(listed), qualifier=qualifier or "exact",
                       period_end=period_end, doc_date=doc_date) == expected


def test_every_modality_is_in_the_table_and_the_schema():
    assert {c.values[-1] for c in CASES} == set(MODALITIES) == set(COLUMN_VALUES)
