"""Regions: names to official names and codes (tests/tables/region_names.tsv) and the region of a fact
in a sentence, given the document's region (tests/tables/regions.tsv)."""

from __future__ import annotations

import pytest
from tables_loader import table_params

import indicators
from indicators.lang import regions
from indicators.lang.regions import lookup

NAMES = table_params("region_names.tsv", 5)
SENTENCES = table_params("regions.tsv", 5)


@pytest.mark.parametrize("name,within,official,code,level", NAMES)
def test_region_name(name, within, official, code, level):
    found = lookup(name, within)
    assert ((found.name, found.code, found.level) if found else ("", "", "")) == (official, code, level)


@pytest.mark.parametrize("doc_region,text,mention,region_name,region_code", SENTENCES)
def test_region_of_a_fact(doc_region, text, mention, region_name, region_code):
    table = indicators.extract(text, doc_region=doc_region or None)
    rows = table[table["mention"] == mention]
    assert len(rows) == 1, f"{mention!r} not found once in {table['mention'].tolist()}"
    row = rows.iloc[0]
    assert (row["region_name"], row["region_code"]) == (region_name, region_code)


def test_the_tables_are_large_and_have_negative_cases():
    assert len(NAMES) + len(SENTENCES) >= 50
    assert sum(1 for p in NAMES if not p.values[2]) >= 10          # names that must not resolve
    national_mentions = [p for p in SENTENCES if p.values[0] == "全国" and p.values[3] == "全国"]
    assert len(national_mentions) >= 12                             # places only mentioned


def test_load_reads_the_gazetteer_ahead_of_the_first_lookup():
    regions._index.cache_clear()
    regions.load()
    assert regions._index.cache_info().currsize == 1
    before = regions._index.cache_info().hits
    assert regions.lookup("安徽").code == "340000"
    assert regions._index.cache_info().hits == before + 1   # answered from what load read
