"""The dashboard on the bundled sample with the real engine: what a user sees after `python3 tasks.py run`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import indicators

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "anshan_daily_page_sample.txt"


@pytest.fixture(autouse=True)
def sample_data(monkeypatch):
    monkeypatch.setenv("INDICATORS_DATA_DIR", str(ROOT / "data"))
    st.cache_data.clear()
    yield
    st.cache_data.clear()


def run(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def test_sample_renders_tiles_charts_table_and_text():
    at = run()
    assert not at.exception
    expected = indicators.extract(SAMPLE.read_text("utf-8"), source=SAMPLE.name)
    values = [m.value for m in at.metric]
    assert "300.1亿元" in values
    assert any(v.startswith("同比 +") for v in values)
    assert len(at.get("plotly_chart")) >= 3
    at.session_state["view"] = "表格"
    at.run()
    assert len(at.dataframe[0].value) == len(expected) > 20
    # every fact of the sample is marked in the text view (all spans hold their mention)
    at.session_state["view"] = "原文"
    at.run()
    assert not at.exception
    page = at.html[-1].value
    assert page.count("<mark") == len(expected)


def test_sample_topic_param_narrows_to_investment():
    at = run(topic="investment")
    assert not at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["data"][0]["x"] == ["投资与项目"]
    at.session_state["view"] = "表格"
    at.run()
    table = at.dataframe[0].value
    assert 0 < len(table) and set(table["topic"]) == {"投资与项目"}
