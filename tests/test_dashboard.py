"""AppTest tests of dashboard.py: every element, driven by a small deterministic stand-in for the engine.

The stand-in (``fake_extract``) makes these tests about the dashboard, not about extraction quality:
each test knows exactly which facts exist. ``test_dashboard_engine.py`` runs the real engine on the
bundled sample.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
import regex
import streamlit as st
import streamlit.testing.v1.app_test as app_test_module
from streamlit.testing.v1 import AppTest

from indicators.app import view
from indicators.schema import COLUMNS, Fact, facts_to_frame

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "dashboard.py")

DOC_A = (
    "前三季度，鞍山完成投资300.1亿元，同比增长7.1%。\n\n"
    "前三季度，鞍山规上工业增加值同比下降2.3%。\n\n"
    "鞍山受理群众诉求25.43万件，办结率91.51%。"
)
DOC_B = "1-10月，海城社会消费品零售总额120亿元，同比增长5.2%。新增工业企业697家。"

_NUMBER = regex.compile(r"(?P<num>[0-9]+(?:\.[0-9]+)?)(?P<mult>亿|万)?(?P<unit>元|件|家|%)")
_TOPICS = (("投资", "investment"), ("工业", "industry"), ("零售", "consumption"))


def fake_extract(text: str, source: str = ""):
    """Numbers with 元/件/家/% as facts; topic, period, region, kind from plain keyword rules."""
    facts = []
    for m in _NUMBER.finditer(text):
        s_start = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        s_end = text.find("。", m.end())
        sentence = text[s_start : s_end + 1 if s_end >= 0 else len(text)]
        before = text[s_start : m.start()]
        value = float(m["num"]) * {"亿": 1e8, "万": 1e4, None: 1}[m["mult"]]
        unit = m["unit"]
        if unit == "%":
            kind = "growth" if regex.search("增长|下降", before[-4:]) else "ratio"
            value = -value if before.endswith("下降") else value
        else:
            kind = {"元": "money", "件": "count", "家": "count"}[unit]
        clause = regex.split("[，,]", before)[-1]
        indicator = regex.sub("^(鞍山|海城)?(完成)?|(同比)?(增长|下降)$", "", clause)
        topic = next((key for word, key in _TOPICS if word in sentence), "other")
        period = (regex.search("前三季度|1-10月", sentence) or [""])[0]
        region = (regex.search("鞍山|海城", sentence) or [""])[0]
        facts.append(Fact(
            start=m.start(), end=m.end(), mention=m.group(), value=value, unit=unit, qualifier="exact",
            kind=kind, indicator=indicator, period=period, region=region, topic=topic,
            sentence=sentence, source=source,
        ))
    return facts_to_frame(facts)


@pytest.fixture
def samples(tmp_path, monkeypatch):
    """A data/ folder with DOC_A and DOC_B, the fake engine, and empty caches."""
    (tmp_path / "a.txt").write_text(DOC_A, "utf-8")
    (tmp_path / "b.txt").write_text(DOC_B, "utf-8")
    monkeypatch.setenv("INDICATORS_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(view, "extract_document", fake_extract)
    st.cache_data.clear()
    yield tmp_path
    st.cache_data.clear()


def app(tab: str | None = None, **params) -> AppTest:
    """Run the dashboard with URL ``params``; ``tab`` opens 表格 or 原文 (only the open tab renders)."""
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    return show(at, tab) if tab else at


def show(at: AppTest, tab: str) -> AppTest:
    at.session_state["view"] = tab
    return at.run()


def table(at: AppTest):
    return show(at, "表格").dataframe[0].value


def caption_counts(at: AppTest) -> tuple[int, int]:
    for c in at.caption:
        m = regex.match(r"显示 (\d+) / (\d+) 条事实", c.value)
        if m:
            return int(m[1]), int(m[2])
    raise AssertionError("no fact count caption")


def plotly_specs(at: AppTest) -> dict[str, dict]:
    return {el.proto.id: json.loads(el.proto.spec) for el in at.get("plotly_chart")}


def chart(at: AppTest, title_part: str) -> dict:
    for spec in plotly_specs(at).values():
        if title_part in spec["layout"]["title"]["text"]:
            return spec
    raise AssertionError(f"no chart titled {title_part!r}")


# ------------------------------------------------------------------------------------------ whole page


def test_default_view_shows_every_fact_of_the_samples(samples):
    at = app()
    assert not at.exception
    assert caption_counts(at) == (8, 8)
    assert [t.label for t in at.tabs] == ["图表", "表格", "原文"]


def test_only_the_open_tab_is_rendered(samples):
    at = app()
    assert len(at.get("plotly_chart")) == 3 and not at.dataframe and not at.html
    show(at, "表格")
    assert not at.exception
    assert len(at.dataframe) == 1 and not at.get("plotly_chart") and not at.html
    show(at, "原文")
    assert not at.exception
    assert len(at.html) == 2 and not at.dataframe and not at.get("plotly_chart")


def test_tiles_are_formatted_the_chinese_way_with_label_and_source_sentence(samples):
    at = app()
    tiles = {m.label: m for m in at.metric}
    values = [m.value for m in at.metric]
    assert "300.1亿元" in values          # the largest money figure
    assert "25.43万件" in values          # the largest count
    assert "91.51%" in values             # the first level ratio
    assert "同比 +7.1%" in values and "同比 -2.3%" in values
    invest = tiles["投资 · 前三季度 · 鞍山"]
    assert invest.value == "300.1亿元"
    assert invest.proto.help.startswith("前三季度，鞍山完成投资300.1亿元")
    assert "a.txt" in invest.proto.help
    assert len(at.metric) <= 6


def test_topic_chart_counts_facts_per_topic_in_chinese(samples):
    spec = chart(app(), "各主题")
    bar = spec["data"][0]
    counts = dict(zip(bar["x"], bar["y"], strict=True))
    assert counts == {"投资与项目": 2, "工业与企业": 2, "消费与贸易": 2, "其他": 2}


def test_growth_chart_diverges_with_falls_in_another_colour(samples):
    spec = chart(app(), "增长率")
    traces = {t["name"]: t for t in spec["data"]}
    assert traces["上升"]["x"] == [5.2, 7.1]
    assert traces["下降"]["x"] == [-2.3]
    assert traces["上升"]["marker"]["color"] != traces["下降"]["marker"]["color"]
    assert traces["上升"]["orientation"] == "h"
    # hover: indicator, value with unit, period, region, source
    custom = traces["下降"]["customdata"][0]
    assert custom == ["规上工业增加值", "-2.3%", "前三季度", "鞍山", "a.txt"]
    assert "%{customdata[4]}" in traces["下降"]["hovertemplate"]


def test_value_chart_never_mixes_units(samples):
    at = app()
    unit_box = at.selectbox(key="unit")
    assert set(unit_box.options) >= {"元", "件", "家"}
    for unit in unit_box.options:
        at.selectbox(key="unit").select(unit).run()
        spec = chart(at, "各指标数值")
        shown = [row[1] for row in spec["data"][0]["customdata"]]
        assert shown and all(s.endswith(view.display_unit(unit)) for s in shown), (unit, shown)
    at.selectbox(key="unit").select("元").run()
    spec = chart(at, "各指标数值")
    assert spec["data"][0]["x"] == [120.0, 300.1]          # axis in 亿元, not 3e10
    assert spec["layout"]["xaxis"]["title"]["text"] == "数值（亿元）"


def test_table_lists_exactly_the_filtered_facts_with_column_config(samples):
    at = app(topic="industry", tab="表格")
    table = at.dataframe[0].value
    assert list(table["indicator"]) == ["规上工业增加值", "新增工业企业"]
    assert set(table["topic"]) == {"工业与企业"}
    config = json.loads(at.dataframe[0].proto.columns)
    assert config["sentence"]["width"] == "large"
    assert config["shown"]["label"] == "数值"
    assert "697家" in list(table["shown"])


# ----------------------------------------------------------------------------------- filters and URL


def test_topic_param_takes_taxonomy_keys_and_narrows_everything(samples):
    at = app(topic=["investment", "consumption"])
    assert not at.exception
    assert at.multiselect(key="topic").value == ["investment", "consumption"]
    assert at.multiselect(key="topic").format_func("investment") == "投资与项目"
    assert caption_counts(at) == (4, 8)
    assert "25.43万件" not in [m.value for m in at.metric]
    assert set(table(at)["topic"]) == {"投资与项目", "消费与贸易"}


def test_unknown_param_values_fall_back_to_the_default(samples):
    at = app(topic=["nonsense", "industry"], kind="bogus", region="火星", period="2099年", doc="nope.txt")
    assert not at.exception
    assert at.multiselect(key="topic").value == ["industry"]
    assert at.multiselect(key="kind").value == []
    assert at.multiselect(key="region").value == []
    assert at.query_params["topic"] == "industry"   # the unknown key is dropped from the URL
    assert "kind" not in at.query_params
    assert caption_counts(at) == (2, 8)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"region": "海城"}, 2),
        ({"period": "前三季度"}, 3),
        ({"kind": "growth"}, 3),
        ({"kind": ["money", "count"]}, 4),
        ({"doc": "b.txt"}, 3),
        ({"q": "工业"}, 2),
        ({"q": "零售 增长"}, 2),
        ({"region": "鞍山", "kind": "growth"}, 2),
    ],
)
def test_each_url_param_filters(samples, params, expected):
    at = app(**params)
    assert not at.exception
    assert caption_counts(at) == (expected, 8)
    assert len(table(at)) == expected


def test_changing_a_filter_writes_topic_keys_to_the_url(samples):
    at = app()
    at.multiselect(key="topic").select("investment").select("industry").run()
    assert at.query_params["topic"] == ["investment", "industry"]
    assert caption_counts(at) == (4, 8)
    at.multiselect(key="topic").unselect("industry").run()
    assert at.query_params["topic"] == "investment"
    assert caption_counts(at) == (2, 8)
    at.multiselect(key="topic").unselect("investment").run()
    assert "topic" not in at.query_params
    assert caption_counts(at) == (8, 8)


def test_filter_changes_do_not_re_extract(samples, monkeypatch):
    calls = []

    def counting(text, source=""):
        calls.append(source)
        return fake_extract(text, source)

    monkeypatch.setattr(view, "extract_document", counting)
    at = app()
    assert sorted(calls) == ["a.txt", "b.txt"]
    at.multiselect(key="kind").select("growth").run()
    at.text_input(key="q").input("工业").run()
    assert sorted(calls) == ["a.txt", "b.txt"]
    assert caption_counts(at) == (1, 8)


# ---------------------------------------------------------------------------------------- downloads


@pytest.fixture
def media(monkeypatch):
    """The in-memory media stores AppTest creates, so a test can read the bytes a download serves."""
    stores = []

    class Recording(app_test_module.MemoryMediaFileStorage):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            stores.append(self)

    monkeypatch.setattr(app_test_module, "MemoryMediaFileStorage", Recording)

    def served(url: str) -> bytes:
        return stores[-1].get_file(url.rsplit("/", 1)[-1]).content

    return served


def test_download_buttons_do_not_rerun_and_serve_csv_and_json(samples, media):
    at = app(topic="investment")
    buttons = {b.label: b for b in at.download_button}
    assert set(buttons) == {"下载 CSV", "下载 JSON"}
    assert all(b.proto.ignore_rerun for b in buttons.values())
    csv_bytes = media(buttons["下载 CSV"].proto.url)
    assert csv_bytes.startswith(b"\xef\xbb\xbf")
    rows = pd.read_csv(io.BytesIO(csv_bytes), encoding="utf-8-sig")
    assert list(rows.columns) == list(COLUMNS)
    assert list(rows["mention"]) == ["300.1亿元", "7.1%"] and set(rows["topic"]) == {"investment"}
    records = json.loads(media(buttons["下载 JSON"].proto.url))
    assert [r["mention"] for r in records] == ["300.1亿元", "7.1%"]
    at.download_button[0].click().run()
    assert not at.exception
    assert caption_counts(at) == (2, 8)


def test_downloaded_csv_cannot_carry_a_formula(samples, media):
    at = app()
    at.toggle(key="samples").set_value(False).run()
    at.text_area(key="paste").input("=HYPERLINK(1)投资3亿元。@SUM(1)新增企业2家。").run()
    rows = pd.read_csv(io.BytesIO(media(at.download_button[0].proto.url)), encoding="utf-8-sig")
    assert list(rows["indicator"]) == ["'=HYPERLINK(1)投资", "'@SUM(1)新增企业"]


# ------------------------------------------------------------------------------------ documents


def test_upload_utf8_and_gbk_files_adds_them(samples):
    at = app(doc=[])
    at.file_uploader(key="uploads").set_value([
        ("utf8.txt", "新增工业企业12家。".encode(), "text/plain"),
        ("gbk.txt", "完成投资5亿元，同比增长3.5%。".encode("gbk"), "text/plain"),
    ]).run()
    assert not at.exception
    assert caption_counts(at) == (11, 11)
    assert set(at.multiselect(key="doc").options) == {"a.txt", "b.txt", "utf8.txt", "gbk.txt"}
    at.multiselect(key="doc").set_value(["gbk.txt"]).run()
    rows = table(at)
    assert list(rows["source"]) == ["gbk.txt", "gbk.txt"]
    assert list(rows["shown"]) == ["5亿元", "3.5%"]


def test_a_bad_file_is_named_and_the_other_documents_stay(samples):
    at = app()
    at.file_uploader(key="uploads").set_value([
        ("broken.pdf", b"this is not a pdf at all", "application/pdf"),
        ("good.txt", "新增工业企业12家。".encode(), "text/plain"),
    ]).run()
    assert not at.exception
    errors = [e.value for e in at.sidebar.error]
    assert len(errors) == 1 and "broken.pdf" in errors[0]
    assert caption_counts(at) == (9, 9)


def test_html_upload_and_a_repaired_file_are_read(samples):
    page = "<html><body><article><h1>标题</h1><p>新增工业企业12家。</p></article><script>x</script></body></html>"
    at = app()
    at.file_uploader(key="uploads").set_value([
        ("page.html", page.encode(), "text/html"),
        ("cut.txt", ("受理诉求5件。" * 20).encode()[:-1], "text/plain"),
    ]).run()
    assert not at.exception
    assert caption_counts(at) == (8 + 1 + 20, 8 + 1 + 20)
    notes = [c.value for c in at.sidebar.caption]
    assert any("cut.txt" in n and "U+FFFD" in n for n in notes)
    assert not at.sidebar.error


def test_pasted_text_becomes_a_document(samples):
    at = app()
    at.toggle(key="samples").set_value(False).run()
    at.text_area(key="paste").input("前三季度，鞍山完成投资42亿元。").run()
    assert not at.exception
    assert caption_counts(at) == (1, 1)
    assert at.multiselect(key="doc").options == [view.PASTED_NAME]
    assert [m.value for m in at.metric] == ["42亿元"]


# ----------------------------------------------------------------------------------- empty states


def test_no_documents_says_how_to_add_some(samples):
    at = app()
    at.toggle(key="samples").set_value(False).run()
    assert not at.exception
    assert "上传文件" in at.info[0].value and "粘贴文本" in at.info[0].value
    assert not at.metric and not at.dataframe


def test_documents_without_facts_say_so(samples):
    at = app()
    at.toggle(key="samples").set_value(False).run()
    at.text_area(key="paste").input("今天天气很好。").run()
    assert not at.exception
    assert "没有找到数字事实" in at.info[0].value
    assert not at.metric


def test_a_filter_that_leaves_nothing_says_what_to_do(samples):
    at = app(topic="energy")
    assert not at.exception
    assert "筛选没有匹配" in at.info[0].value
    assert not at.metric and not at.download_button


# ------------------------------------------------------------------------------------- text view


def test_text_view_marks_facts_coloured_by_topic(samples):
    at = app(tab="原文")
    at.selectbox(key="text_doc").select("a.txt").run()
    page = at.html[-1].value
    assert page.count("<mark") == 5
    assert 'title="300.1亿元 · 投资 · 金额 · 投资与项目"' in page
    assert "<mark" in page and "background:" in page


def test_hostile_document_text_is_shown_as_text(samples):
    hostile = '完成投资3亿元<script>alert("x")</script><img src=x onerror=alert(1)>，新增企业2家。'
    at = app()
    at.toggle(key="samples").set_value(False).run()
    at.text_area(key="paste").input(hostile).run()
    show(at, "原文")
    assert not at.exception
    page = at.html[-1].value
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert page.count("<mark") == 2
