"""AppTest tests of dashboard.py over a small corpus store, one group per view.

The store is built once with the real engine from seven State Council work reports (2019–2025, from
data/), two provincial reports written for these tests (given their region and date by a
metadata.csv, as a user would) and a hostile page; each test opens the dashboard on it through
``INDICATORS_DB``. ``test_dashboard_engine.py`` runs the dashboard on the whole bundled demo corpus.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
import streamlit.testing.v1.app_test as app_test_module
from streamlit.testing.v1 import AppTest

from indicators.app import compare, preload
from indicators.batch.ingest import ingest
from indicators.corpus import open_corpus
from indicators.lang.topics import topic_labels

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "dashboard.py")
REPORTS = ROOT / "data" / "gov-work-reports"

ANHUI = """政府工作报告

——2025年1月15日在安徽省第十四届人民代表大会第四次会议上

过去一年，全省生产总值增长5.8%，居民消费价格上涨0.3%，城镇新增就业68.5万人。

今年经济社会发展的主要预期目标是：全省生产总值增长5.5%左右，居民消费价格涨幅2%左右。
"""
GUANGDONG = """政府工作报告

——2025年2月5日在广东省第十四届人民代表大会第三次会议上

过去一年，全省地区生产总值增长3.5%，居民消费价格上涨0.1%。

今年的主要预期目标是：地区生产总值增长5%左右。
"""
HOSTILE = '完成投资3亿元<script>alert("x")</script><img src=x onerror=alert(1)>，新增企业2家。'


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for year in range(2019, 2026):
        shutil.copy(REPORTS / f"{year}.txt", folder / f"{year}.txt")
    (folder / "anhui.txt").write_text(ANHUI, "utf-8")
    (folder / "guangdong.txt").write_text(GUANGDONG, "utf-8")
    (folder / "hostile.txt").write_text(HOSTILE, "utf-8")
    (folder / "metadata.csv").write_text(
        "file,date,region,kind\nanhui.txt,2025-01-15,安徽省,work_report\n"
        "guangdong.txt,2025-02-05,广东省,work_report\nhostile.txt,2025-03-01,鞍山市,news\n", "utf-8")
    return folder


@pytest.fixture(scope="session")
def built_store(corpus_dir, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("store") / "corpus.duckdb"
    report = ingest([str(corpus_dir)], db, jobs=1)
    assert report.extracted == 10 and not report.failures
    return db


@pytest.fixture
def store(built_store, tmp_path, monkeypatch) -> Path:
    """A copy of the built store per test (uploads write to it), opened through INDICATORS_DB."""
    db = tmp_path / "corpus.duckdb"
    shutil.copy(built_store, db)
    monkeypatch.setenv("INDICATORS_DB", str(db))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield db
    st.cache_data.clear()
    st.cache_resource.clear()


def app(**params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def shown_html(at: AppTest) -> list[str]:
    """The HTML the page shows, in order (not the scripts that load the grid's and Plotly's code ahead)."""
    return [h.value for h in at.html if "__gridPreload" not in h.value and "__earlyImport" not in h.value]


def charts(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def traces(spec: dict) -> dict[str, dict]:
    return {t.get("name"): t for t in spec["data"]}


@pytest.fixture
def media(monkeypatch):
    """The bytes a download button serves: the in-memory media manager AppTest creates is recorded,
    and a download made on demand (``data=`` a callable) is generated as a browser's click would."""
    managers = []

    class Recording(app_test_module.MediaFileManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            managers.append(self)

    monkeypatch.setattr(app_test_module, "MediaFileManager", Recording)

    def served(button) -> bytes:
        proto = button.proto
        address = managers[-1].execute_deferred(proto.deferred_file_id) if proto.deferred_file_id else proto.url
        return managers[-1]._storage.get_file(address.rsplit("/", 1)[-1]).content

    return served


# ------------------------------------------------------------------------------------- series view


def test_default_view_is_gdp_growth_for_the_country_with_outcomes_and_targets(store):
    at = app()
    assert not at.exception
    assert at.segmented_control(key="view").value == "series"
    assert (at.selectbox(key="indicator").value, at.selectbox(key="kind").value) == ("gdp", "growth")
    assert at.multiselect(key="regions").value == ["全国"]
    (spec,) = charts(at)
    lines = traces(spec)
    outcome, target = lines["全国 · 实际"], lines["全国 · 目标"]
    assert outcome["mode"] == "lines+markers" and outcome["y"] == [6.6, 6.1, 2.3, 8.1, 3.0, 5.2, 5.0]
    assert [x[:4] for x in outcome["x"]] == [str(y) for y in range(2018, 2025)]
    assert target["mode"] == "markers" and target["y"][-1] == 5.0
    # hover names the document and its date
    assert outcome["customdata"][0][3] == "2019.txt" and outcome["customdata"][0][4].startswith("2019")
    # the table below lists the same points, built only once it is opened
    assert not at.dataframe
    at.session_state["series_table_open"] = True
    table = at.run().dataframe[0].value
    assert len(table) == len(outcome["y"]) + len(target["y"])
    assert dict(at.query_params) == {"view": "series", "indicator": "gdp", "kind": "growth", "region": "全国"}


def test_the_page_loads_the_data_grid_code_ahead_when_the_grid_chunk_is_found(store, monkeypatch):
    _, chunk = preload.grid_chunk(Path(st.__file__).parent / "static")
    (script,) = [h.proto for h in app().get("html") if "__gridPreload" in h.proto.body]
    assert f'"./{chunk}"' in script.body and script.unsafe_allow_javascript
    # another Streamlit build, its grid not found: nothing is emitted
    st.cache_resource.clear()
    monkeypatch.setattr(preload, "grid_chunk", lambda static_dir: None)
    at = app()
    assert not at.exception and not [h for h in at.get("html") if "__gridPreload" in h.proto.body]


def test_the_page_starts_loading_plotly_from_the_sidebar_when_its_chunk_is_found(store, monkeypatch):
    _, chunk = preload.plotly_chunk(Path(st.__file__).parent / "static")
    at = app()
    (script,) = [h.proto for h in at.sidebar.get("html") if "__earlyImport" in h.proto.body]
    assert f'"./{chunk}"' in script.body and script.unsafe_allow_javascript
    # the sidebar's last element: it adds no space between the sidebar's widgets
    assert at.sidebar.children[len(at.sidebar.children) - 1].proto.body == script.body
    st.cache_resource.clear()
    monkeypatch.setattr(preload, "plotly_chunk", lambda static_dir: None)
    at = app()
    assert not at.exception and not [h for h in at.get("html") if "__earlyImport" in h.proto.body]


def test_tiles_are_the_headline_indicators_of_the_latest_year_with_their_change(store):
    at = app()
    tiles = {m.label: m for m in at.metric}
    gdp = tiles["国内生产总值增长 · 2024年"]
    assert gdp.value == "+5%" and gdp.proto.body and "个百分点" in str(gdp.proto.delta)
    assert "2025.txt" in gdp.proto.help
    assert "居民消费价格增长 · 2024年" in tiles
    assert all(label.endswith("2024年") for label in tiles)


def test_choosing_regions_draws_a_line_each_and_writes_the_url(store):
    at = app()
    assert set(at.multiselect(key="regions").options) >= {"全国", "安徽省", "广东省"}
    at.multiselect(key="regions").set_value(["全国", "安徽省"]).run()
    assert not at.exception
    names = set(traces(charts(at)[0]))
    assert {"全国 · 实际", "安徽省 · 实际", "安徽省 · 目标"} <= names
    assert at.query_params["region"] == ["全国", "安徽省"]
    # the tiles describe the first region chosen
    assert any("全国" in c.value and "主要指标" in c.value for c in at.caption)


def test_the_selection_sits_above_the_view_and_the_tiles_follow_its_first_region(store):
    at = app()
    # indicator, regions, kind and grain are chosen in the main area, beside the view they draw
    assert not at.sidebar.selectbox and not at.sidebar.multiselect
    at.multiselect(key="regions").set_value(["安徽省"]).run()
    assert any("安徽省" in c.value and "主要指标" in c.value for c in at.caption)
    # a link naming a region that does not state the indicator: the tiles are of the region shown
    at = app(region=["鞍山市"])
    assert not at.exception and at.multiselect(key="regions").value == ["全国"]
    assert any("全国" in c.value and "主要指标" in c.value for c in at.caption)


def test_a_permalink_opens_the_view_it_names(store):
    at = app(view="series", indicator="cpi", kind="growth", region=["安徽省"])
    assert not at.exception
    assert at.selectbox(key="indicator").value == "cpi" and at.multiselect(key="regions").value == ["安徽省"]
    (spec,) = charts(at)
    assert traces(spec)["安徽省 · 实际"]["y"] == [0.3]
    assert "居民消费价格" in spec["layout"]["title"]["text"]


def test_unknown_url_values_fall_back_to_defaults(store):
    at = app(view="nonsense", indicator="no_such_thing", kind="bogus", region="火星")
    assert not at.exception
    assert at.segmented_control(key="view").value == "series"
    assert at.selectbox(key="indicator").value == "gdp"
    assert at.multiselect(key="regions").value == ["全国"]
    assert dict(at.query_params)["indicator"] == "gdp"


def test_series_downloads_are_the_charted_points_as_csv_with_bom_and_metadata(store, media):
    at = app()
    outcome_and_target = sum(len(t["y"]) for t in charts(at)[0]["data"])
    buttons = {b.label: b for b in at.download_button}
    assert set(buttons) == {"下载序列 CSV", "下载元数据 JSON"}
    assert all(b.proto.ignore_rerun for b in buttons.values())
    raw = media(buttons["下载序列 CSV"])
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    assert len(rows) == outcome_and_target and set(rows["indicator_id"]) == {"gdp"}
    meta = json.loads(media(buttons["下载元数据 JSON"]))
    assert meta["indicator"]["name"] == "国内生产总值" and meta["unit"] == "%"
    assert len(meta["points"]) == len(rows) and all(p["sentence"] and p["doc_date"] for p in meta["points"])
    assert meta["view"].startswith("?view=series&indicator=gdp")


def test_a_level_series_offers_a_log_axis(store):
    at = app(indicator="gdp", kind="money")
    assert not at.exception
    assert at.selectbox(key="kind").value == "money"
    at.toggle(key="log").set_value(True).run()
    (spec,) = charts(at)
    assert spec["layout"]["yaxis"]["type"] == "log"
    assert "万亿元" in spec["layout"]["yaxis"]["title"]["text"]
    assert at.query_params["log"] == "1"


# ------------------------------------------------------------------------------------ other views


def test_compare_ranks_regions_and_shades_the_provinces(store):
    at = app(view="compare", year="2024")
    assert not at.exception
    assert at.selectbox(key="year").value == "2024"
    bars, shapes = charts(at)
    assert bars["data"][0]["y"] == ["广东省", "全国", "安徽省"]          # highest on top
    hover = shapes["data"][-1]["text"]
    assert len(hover) == 34 and "安徽省：+5.8%" in hover and "北京市：无数据" in hover
    assert {t["fillcolor"] for t in shapes["data"][:-1]} >= {compare.NO_DATA_COLOUR, compare.SHADES[-1]}
    assert dict(at.query_params)["year"] == "2024"
    assert not at.dataframe                # the ranking's table is built once its expander is opened
    at.session_state["compare_table_open"] = True
    assert list(at.run().dataframe[0].value["region_name"]) == ["安徽省", "全国", "广东省"]


def test_targets_view_sets_each_target_beside_its_outcome(store, media):
    at = app(view="targets")
    assert not at.exception
    assert not at.dataframe                 # a plain table: no data grid for the browser to load
    table = shown_html(at)[-1]
    rows = {re.search(r"<td[^>]*>(\d{4}年)</td>", row).group(1): row for row in table.split("<tr>")[2:]}
    assert list(rows) == sorted(rows, reverse=True)          # newest first
    assert "+5%左右" in rows["2023年"] and "+5.2%" in rows["2023年"] and ">达到<" in rows["2023年"]
    assert ">尚无实际<" in rows["2025年"]
    assert re.search(r"<mark[^>]*>5\.2%</mark>", rows["2023年"])   # the outcome's figure marked in its sentence
    (spec,) = charts(at)
    assert "目标" in traces(spec)
    (button,) = at.download_button
    raw = media(button)
    assert button.label == "下载目标与实际 CSV" and raw.startswith(b"\xef\xbb\xbf")
    pairs = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig").set_index("period_label")
    assert len(pairs) == len(rows) and pairs.loc["2023年", "status_label"] == "达到"


def test_coverage_view_is_a_heat_map_of_indicators_by_year(store):
    at = app(view="coverage")
    assert not at.exception
    (spec,) = charts(at)
    heat = spec["data"][0]
    assert heat["type"] == "heatmap" and "国内生产总值" in heat["y"]
    assert at.toggle(key="coverage_all").value is False
    national = len(heat["y"])
    at.toggle(key="coverage_all").set_value(True).run()
    assert len(charts(at)[0]["data"][0]["y"]) >= national


def test_documents_view_lists_documents_and_marks_a_documents_facts(store):
    at = app(view="documents")
    assert not at.exception
    docs = at.dataframe[0].value
    assert len(docs) == 10 and {"anhui.txt", "2024.txt"} <= set(docs["name"])
    anhui = open_corpus(store).documents().set_index("path").filter(like="anhui", axis=0)["doc_id"].iloc[0]
    at.selectbox(key="doc").set_value(anhui).run()
    page = shown_html(at)[-1]
    facts = open_corpus(store).facts(doc_id=anhui)
    assert page.count("<mark") == len(facts) > 3
    assert at.query_params["doc"] == anhui
    at.text_input(key="doc_q").input("anhui").run()          # a search narrows the table and the choices
    assert list(at.dataframe[0].value["name"]) == ["anhui.txt"] and at.selectbox(key="doc").options == [
        at.selectbox(key="doc").format_func(anhui)]
    at.text_input(key="doc_q").input("不存在的文件").run()
    assert not at.exception and "没有文档包含" in at.info[0].value


def test_hostile_document_text_is_shown_as_text(store):
    at = app(view="documents")
    hostile = open_corpus(store).documents().set_index("path").filter(like="hostile", axis=0)["doc_id"].iloc[0]
    at.selectbox(key="doc").set_value(hostile).run()
    page = shown_html(at)[-1]
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert page.count("<mark") == 2


def test_facts_view_filters_the_whole_store_and_downloads_what_it_shows(store, media):
    at = app(view="facts")
    assert not at.exception
    everything = len(at.dataframe[0].value)
    at.text_input(key="q").input("全省生产总值").run()
    shown = at.dataframe[0].value
    assert 0 < len(shown) < everything and all("全省生产总值" in s for s in shown["sentence"])
    csv_button = next(b for b in at.download_button if b.label == "下载 CSV")
    rows = pd.read_csv(io.BytesIO(media(csv_button)), encoding="utf-8-sig")
    assert len(rows) == len(shown)
    assert at.query_params["q"] == "全省生产总值" and at.query_params["view"] == "facts"
    at.selectbox(key="facts_topic").set_value("prices").run()
    assert set(at.dataframe[0].value["topic"]) == {topic_labels()["prices"]}
    assert set(at.dataframe[0].value["source"]) == {"anhui.txt"}      # the file's name, not its path


def test_facts_view_state_comes_from_the_url(store):
    at = app(view="facts", topic="prices", **{"in": "安徽省"})
    assert not at.exception
    assert at.selectbox(key="facts_topic").value == "prices" and at.selectbox(key="facts_region").value == "安徽省"
    rows = at.dataframe[0].value
    assert len(rows) >= 1 and set(rows["region_name"]) == {"安徽省"}
    assert set(rows["topic"]) == {topic_labels()["prices"]}


# ---------------------------------------------------------------------------------------- uploads


def test_an_upload_is_added_to_the_store_with_the_given_date_and_region_and_only_once(store):
    text = "过去一年，全省生产总值增长6.1%。".encode()
    at = app()
    assert not at.file_uploader           # the form is built once its expander is opened
    at.session_state["add_documents"] = True
    at.run()
    at.file_uploader(key="uploads").set_value([("zhejiang.txt", text, "text/plain")])
    at.text_input(key="up_region").input("浙江省")
    at.date_input(key="up_date").set_value(pd.Timestamp("2025-01-20").date())
    at.button[0].click().run()
    assert not at.exception
    assert any("新抽取 1 篇" in s.value for s in at.success)
    assert "浙江省" in at.multiselect(key="regions").options
    docs = open_corpus(store).documents()
    added = docs[docs["path"].str.endswith("zhejiang.txt")].iloc[0]
    assert (added["doc_region"], added["doc_date"]) == ("浙江省", "2025-01-20")
    # the same content again is recognised, not stored twice
    at.file_uploader(key="uploads").set_value([("copy.txt", text, "text/plain")])
    at.button[0].click().run()
    assert any("新抽取 0 篇，1 篇内容已在库中" in s.value for s in at.success)
    assert len(open_corpus(store).documents()) == len(docs)


def test_pasted_text_becomes_a_document_and_a_bad_file_is_named(store):
    at = app()
    at.session_state["add_documents"] = True
    at.run()
    at.text_area(key="paste").input("前三季度，鞍山完成投资42亿元。")
    at.file_uploader(key="uploads").set_value([("broken.pdf", b"not a pdf", "application/pdf")])
    at.button[0].click().run()
    assert not at.exception
    assert any("broken.pdf" in e.value for e in at.sidebar.error)
    paths = list(open_corpus(store).documents()["path"])
    assert any("粘贴文本-" in p for p in paths)


def test_submitting_nothing_says_so_and_stores_nothing(store):
    before = len(open_corpus(store).documents())
    at = app()
    at.session_state["add_documents"] = True
    at.run()
    at.text_area(key="paste").input("  \n ")
    at.button[0].click().run()
    assert not at.exception
    assert any("没有可加入的内容" in w.value for w in at.sidebar.warning)
    assert not at.success
    assert len(open_corpus(store).documents()) == before


def test_the_sidebar_opens_another_store(store, built_store, tmp_path):
    other = tmp_path / "other.duckdb"
    ingest([str(REPORTS / "2024.txt")], other, jobs=1)
    at = app()
    at.text_input(key="other_db").input(str(other)).run()
    assert not at.exception
    (shown,) = [c for c in at.sidebar.caption if "篇文档" in c.value]
    assert shown.value.startswith("other.duckdb · 1 篇文档") and str(other) in shown.proto.help
    at.text_input(key="other_db").input(str(tmp_path / "missing.duckdb")).run()
    assert any("找不到" in e.value for e in at.sidebar.error)


def test_first_start_ingests_the_demo_corpus_into_a_new_store(tmp_path, monkeypatch):
    demo = tmp_path / "demo"
    (demo / "reports").mkdir(parents=True)
    shutil.copy(REPORTS / "2025.txt", demo / "reports" / "2025.txt")
    (demo / "reports" / "SOURCES.md").write_text("# not a document", "utf-8")
    db = tmp_path / "new" / "corpus.duckdb"
    monkeypatch.setenv("INDICATORS_DATA_DIR", str(demo))
    monkeypatch.setenv("INDICATORS_DB", str(db))
    st.cache_data.clear()
    st.cache_resource.clear()
    at = app()
    assert not at.exception
    assert db.exists() and len(open_corpus(db).documents()) == 1
    assert "国内生产总值增长 · 2024年" in [m.label for m in at.metric]
