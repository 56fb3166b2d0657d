"""The indicator catalogue: the phrase table (tests/tables/indicators.tsv) and the file's checks."""

from __future__ import annotations

import pytest
from tables_loader import table_params

from indicators.lang.catalogue import UNIT_FAMILIES, load_catalogue, parse_catalogue
from indicators.lang.topics import load_taxonomy

REQUIRED = ("gdp", "gdp_per_capita", "cpi", "urban_unemployment", "registered_unemployment", "urban_new_jobs",
            "budget_revenue", "budget_expenditure", "fiscal_deficit", "fixed_asset_investment", "retail_sales",
            "industrial_value_added", "foreign_trade", "exports", "imports", "disposable_income_per_capita",
            "grain_output", "population")


CASES = table_params("indicators.tsv", 4)


@pytest.mark.parametrize("phrase,kind,unit,expected", CASES)
def test_phrase_names_indicator(phrase, kind, unit, expected):
    found = load_catalogue().match(phrase, kind, unit)
    assert (found.id if found else "") == expected


def test_the_table_has_negative_cases():
    assert sum(1 for c in CASES if not c.values[3]) >= 20


def test_the_catalogue_covers_the_headline_figures():
    catalogue = load_catalogue()
    assert len(catalogue.indicators) >= 60
    assert set(REQUIRED) <= set(catalogue.indicators)
    topics = load_taxonomy().labels
    for indicator in catalogue.indicators.values():
        assert indicator.topic in topics, indicator.id
        assert indicator.unit in UNIT_FAMILIES, indicator.id


def test_a_user_adds_an_indicator_by_editing_the_file(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[derived]\nafter = ["比重"]\n\n[steel_exports]\nname = "钢材出口"\nen = "Steel exports"\n'
                    'unit = "quantity"\ntopic = "industry"\nnames = ["钢材出口"]\n', "utf-8")
    found = load_catalogue(str(path)).match("钢材出口增长", "growth", "%")
    assert (found.id, found.name) == ("steel_exports", "钢材出口")


@pytest.mark.parametrize("text,message", [
    ("[gdp\n", "not valid TOML"),
    ('[GDP]\nname="x"\nen="x"\nunit="money"\ntopic="economy"\nnames=["x"]\n', "lower-case"),
    ('[gdp]\nname="x"\nen="x"\nunit="dollars"\ntopic="economy"\nnames=["x"]\n', "unit 'dollars'"),
    ('[gdp]\nname="x"\nen="x"\nunit="money"\ntopic="economy"\n', "names"),
    ('[gdp]\nen="x"\nunit="money"\ntopic="economy"\nnames=["x"]\n', "'name'"),
    ('[a]\nname="x"\nen="x"\nunit="money"\ntopic="economy"\nnames=["x"]\n'
     '[b]\nname="y"\nen="y"\nunit="money"\ntopic="economy"\nnames=["x"]\n', "names both"),
])
def test_a_malformed_catalogue_is_a_clear_message(text, message):
    with pytest.raises(ValueError, match=message) as info:
        parse_catalogue(text, "mine.toml")
    assert str(info.value).startswith("mine.toml")
