"""The dashboard on the whole bundled demo corpus with the real engine: what a user sees after
`python3 tasks.py run` (the work reports 1954–2025 and the Anshan page, ingested on first start)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from indicators.corpus import open_corpus

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "anshan_daily_page_sample.txt"


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    """A new store path: the dashboard's first start ingests data/ into it."""
    return tmp_path_factory.mktemp("demo") / "corpus.duckdb"


@pytest.fixture(autouse=True)
def use_demo(demo_store, monkeypatch):
    monkeypatch.setenv("INDICATORS_DB", str(demo_store))
    monkeypatch.setenv("INDICATORS_DATA_DIR", str(ROOT / "data"))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


def run(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def shown_html(at: AppTest) -> list[str]:
    """The HTML the page shows, in order (not the scripts that load the grid's and Plotly's code ahead)."""
    return [h.value for h in at.html if "__gridPreload" not in h.value and "__earlyImport" not in h.value]


def test_first_start_ingests_the_demo_and_shows_national_gdp_growth_since_the_1980s(demo_store):
    at = run()
    assert not at.exception
    documents = open_corpus(demo_store).documents()
    assert len(documents) == 58 and set(documents["status"]) == {"ok"}
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    lines = {t["name"]: t for t in spec["data"]}
    outcomes = lines["全国 · 实际"]
    years = [int(x[:4]) for x in outcomes["x"]]
    # 32 yearly outcomes today; the hand labels (tests/data/gov_work_reports) hold 33 (see README)
    assert len(years) >= 30 and years[0] <= 1990 and years[-1] == 2024
    assert len(lines["全国 · 目标"]["y"]) >= 25
    labels = [m.label for m in at.metric]
    assert "国内生产总值增长 · 2024年" in labels and "居民消费价格增长 · 2024年" in labels


def test_targets_of_the_work_reports_are_mostly_met(demo_store):
    at = run(view="targets")
    assert not at.exception
    (counts,) = [c.value for c in at.caption if c.value.startswith("达到 ")]
    assert int(re.match(r"达到 (\d+) 年", counts).group(1)) >= 20
    (y2023,) = [row for row in shown_html(at)[-1].split("<tr>") if ">2023年<" in row]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", y2023)
    assert cells[2:4] == ["+5%左右", "+5.2%"] and ">达到<" in cells[4]


def test_every_fact_of_the_sample_page_is_marked_in_the_documents_view(demo_store):
    corpus = open_corpus(demo_store)
    docs = corpus.documents()
    sample = docs[docs["path"].str.endswith(SAMPLE.name)]["doc_id"].iloc[0]
    at = run(view="documents", doc=sample)
    assert not at.exception
    assert shown_html(at)[-1].count("<mark") == len(corpus.facts(doc_id=sample)) > 20
