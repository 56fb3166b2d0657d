"""Unit tests of the dashboard's pure functions: 万/亿 formatting, documents, filters, URL values, tiles,
the marked text view and the charts' specs."""

from __future__ import annotations

import html
import math
import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicators.app import charts, highlight, view
from indicators.schema import COLUMNS, Fact, facts_to_frame

# ------------------------------------------------------------------------------------- formatting


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"),
        (697, "697"),
        (9999, "9999"),
        (10000, "1万"),
        (15000, "1.5万"),
        (254300, "25.43万"),
        (254349, "25.43万"),
        (254351, "25.44万"),
        (200000, "20万"),
        (86200000, "8620万"),
        (99999999, "1亿"),          # 9999.9999万 rounds up: written as 1亿, not 10000万
        (100000000, "1亿"),
        (1e9, "10亿"),
        (30010000000, "300.1亿"),
        (1.2e12, "1.2万亿"),
        (-23000, "-2.3万"),
        (0.5, "0.5"),
        (12.345, "12.35"),
        (float("nan"), "—"),
    ],
)
def test_format_number(value, expected):
    assert view.format_number(value) == expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (254300, "件", "25.43万件"),
        (30010000000, "元", "300.1亿元"),
        (91.51, "%", "91.51%"),
        (-2.3, "%", "-2.3%"),
        (12345.6, "%", "12345.6%"),       # a share is never scaled to 万
        (1.5, "百分点", "1.5个百分点"),
        (1.2, "倍", "1.2倍"),
        (3, "工作日", "3个工作日"),
        (2, "月", "2个月"),
        (2000, "平方米", "2000平方米"),
        (120000, "平方米", "12万平方米"),
        (float("nan"), "元", "—"),
    ],
)
def test_format_value(value, unit, expected):
    assert view.format_value(value, unit) == expected


@pytest.mark.parametrize(
    ("value", "unit", "comparison", "expected"),
    [
        (7.1, "%", "同比", "同比 +7.1%"),
        (-2.3, "%", "同比", "同比 -2.3%"),
        (0.8, "%", "环比", "环比 +0.8%"),
        (1.5, "百分点", "", "+1.5个百分点"),
        (1.2, "倍", "", "+1.2倍"),
        (0, "%", "", "0%"),
    ],
)
def test_format_growth(value, unit, comparison, expected):
    assert view.format_growth(value, unit, comparison) == expected


@pytest.mark.parametrize(
    ("sentence", "mention", "expected"),
    [
        ("完成投资300.1亿元，同比增长7.1%。", "7.1%", "同比"),
        ("环比增长2%，同比增长7.1%。", "7.1%", "同比"),
        ("同比增长7.1%，环比增长2%。", "2%", "环比"),
        ("收入比上年增长6%。", "6%", "同比"),
        ("增长6%。", "6%", ""),
        ("", "6%", ""),
    ],
)
def test_comparison_word(sentence, mention, expected):
    assert view.comparison_word(sentence, mention) == expected


@pytest.mark.parametrize(
    ("qualifier", "expected"),
    [("approx", "约80家"), ("more_than", "超80家"), ("exact", "80家"), ("", "80家"), ("less_than", "不到80家")],
)
def test_qualified(qualifier, expected):
    assert view.qualified("80家", qualifier) == expected


_SCALE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "": 1}


@given(st.floats(min_value=-1e15, max_value=1e15, allow_nan=False))
def test_formatted_number_reads_back_close_to_the_value(x):
    text = view.format_number(x)
    m = re.fullmatch(r"(-?[0-9]+(?:\.[0-9]{1,2})?)(万亿|亿|万|)", text)
    assert m, text
    number, suffix = float(m[1]), m[2]
    assert abs(number) < 10000 or suffix in {"万亿", ""}   # never '10000万'
    assert math.isclose(number * _SCALE[suffix], x, rel_tol=0, abs_tol=0.005 * _SCALE[suffix] + 1e-9)


# --------------------------------------------------------------------------------------- documents


def test_collect_documents_keeps_good_ones_and_names_bad_ones():
    docs = view.collect_documents(
        {"sample.txt": "样例"},
        [
            ("utf8.txt", "完成投资".encode()),
            ("gbk.txt", "规上工业增加值".encode("gbk")),
            ("gb18030.md", "𠀀鞍山".encode("gb18030")),
            ("bad.exe", b"MZ\x00\x00"),
            ("empty.txt", b""),
            ("sample.txt", "另一个".encode()),
        ],
        "粘贴的文字",
    )
    assert docs.texts == {
        "sample.txt": "样例",
        "utf8.txt": "完成投资",
        "gbk.txt": "规上工业增加值",
        "gb18030.md": "𠀀鞍山",
        "sample.txt (2)": "另一个",
        view.PASTED_NAME: "粘贴的文字",
    }
    assert [e.split(":")[0] for e in docs.errors] == ["bad.exe", "empty.txt"]
    assert all(len(e.split(": ", 1)[1]) > 3 for e in docs.errors)   # a reason follows the name


def test_collect_documents_survives_a_reader_crash():
    def reader(name, data):
        if name == "boom.pdf":
            raise RuntimeError("parser bug")
        return data.decode(), []

    docs = view.collect_documents({}, [("boom.pdf", b"x"), ("ok.txt", "好".encode())], reader=reader)
    assert list(docs.texts) == ["ok.txt"]
    assert docs.errors == ["boom.pdf: 无法读取（RuntimeError）"]


def test_collect_documents_ignores_blank_paste_and_blank_files():
    docs = view.collect_documents({}, [("blank.txt", b"   \n")], "  \n ")
    assert docs.texts == {}
    assert docs.errors and docs.errors[0].startswith("blank.txt")


def test_load_samples_reads_txt_files_in_name_order(tmp_path):
    (tmp_path / "b.txt").write_text("乙", "utf-8")
    (tmp_path / "a.txt").write_text("甲", "utf-8")
    (tmp_path / "notes.csv").write_text("x", "utf-8")
    assert view.load_samples(tmp_path) == {"a.txt": "甲", "b.txt": "乙"}
    assert view.load_samples(tmp_path / "missing") == {}


# ---------------------------------------------------------------------------------- filters and URL


def fact(mention, value, unit, kind, *, topic="other", indicator="", period="", region="", source="a.txt",
         sentence="", start=0, qualifier="exact"):
    return Fact(start=start, end=start + len(mention), mention=mention, value=value, unit=unit,
                qualifier=qualifier, kind=kind, indicator=indicator, period=period, region=region,
                topic=topic, sentence=sentence or mention, source=source)


@pytest.fixture
def table():
    return facts_to_frame([
        fact("300.1亿元", 30010000000, "元", "money", topic="investment", indicator="完成投资",
             period="前三季度", region="鞍山", sentence="前三季度，鞍山完成投资300.1亿元，同比增长7.1%。"),
        fact("7.1%", 7.1, "%", "growth", topic="investment", indicator="完成投资", period="前三季度",
             region="鞍山", sentence="前三季度，鞍山完成投资300.1亿元，同比增长7.1%。"),
        fact("2.3%", -2.3, "%", "growth", topic="industry", indicator="规上工业增加值", period="前三季度",
             region="鞍山", sentence="规上工业增加值同比下降2.3%。"),
        fact("25.43万件", 254300, "件", "count", topic="public_services", indicator="办结群众诉求",
             region="鞍山", sentence="办结群众诉求25.43万件。"),
        fact("91.51%", 91.51, "%", "ratio", topic="public_services", indicator="办理反馈率",
             sentence="办理反馈率91.51%。"),
        fact("近80家", 80, "家", "count", topic="industry", indicator="零部件企业", region="海城市",
             source="b.txt", qualifier="approx", period="今年5月", sentence="近80家零部件企业参会。"),
        fact("1.5个百分点", 1.5, "百分点", "growth", topic="economy", indicator="占比", source="b.txt",
             sentence="占比提高1.5个百分点。"),
    ])


def test_filter_options_are_distinct_in_order_and_topics_and_kinds_fixed(table):
    options = view.filter_options(table, ["a.txt", "b.txt"], ["economy", "investment"])
    assert options["region"] == ["鞍山", "海城市"]
    assert options["period"] == ["前三季度", "今年5月"]
    assert options["topic"] == ["economy", "investment"]
    assert options["kind"] == list(view.KIND_LABELS)
    assert options["doc"] == ["a.txt", "b.txt"]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (None, []),
        ("investment", ["investment"]),
        (["investment", "industry"], ["investment", "industry"]),
        (["industry", "industry", " investment "], ["industry", "investment"]),
        (["投资与项目", "INVESTMENT", "", "investment"], ["investment"]),
    ],
)
def test_parse_param_keeps_only_known_values(values, expected):
    assert view.parse_param(values, ["investment", "industry", "economy"]) == expected


def test_parse_query():
    assert view.parse_query(None) == ""
    assert view.parse_query("  投资 ") == "投资"
    assert view.parse_query(["工业", "投资"]) == "工业"
    assert view.parse_query("x" * 500) == "x" * 100


@pytest.mark.parametrize(
    ("filters", "mentions"),
    [
        (view.Filters(), ["300.1亿元", "7.1%", "2.3%", "25.43万件", "91.51%", "近80家", "1.5个百分点"]),
        (view.Filters(topic=("investment",)), ["300.1亿元", "7.1%"]),
        (view.Filters(topic=("investment", "industry")), ["300.1亿元", "7.1%", "2.3%", "近80家"]),
        (view.Filters(region=("海城市",)), ["近80家"]),
        (view.Filters(period=("前三季度",), kind=("growth",)), ["7.1%", "2.3%"]),
        (view.Filters(doc=("b.txt",)), ["近80家", "1.5个百分点"]),
        (view.Filters(q="工业"), ["2.3%"]),
        (view.Filters(q="投资 增长"), ["300.1亿元", "7.1%"]),      # every word, in indicator or sentence
        (view.Filters(q="零部件"), ["近80家"]),
        (view.Filters(topic=("energy",)), []),
    ],
)
def test_filter_facts(table, filters, mentions):
    out = view.filter_facts(table, filters)
    assert list(out["mention"]) == mentions
    assert list(out.columns) == list(COLUMNS)
    assert list(out.index) == list(range(len(out)))


def test_filters_active():
    assert not view.Filters().active
    assert not view.Filters(q="  ").active
    assert view.Filters(kind=("money",)).active


# ------------------------------------------------------------------------------------------ tiles


def test_tiles_pick_money_count_ratio_then_growth(table):
    tiles = view.choose_tiles(table)
    assert [(t.kind, t.value) for t in tiles] == [
        ("money", "300.1亿元"),
        ("count", "25.43万件"),
        ("ratio", "91.51%"),
        ("growth", "同比 +7.1%"),
        ("growth", "同比 -2.3%"),
        ("growth", "+1.5个百分点"),
    ]
    assert tiles[0].label == "完成投资 · 前三季度 · 鞍山"
    assert tiles[0].help == "前三季度，鞍山完成投资300.1亿元，同比增长7.1%。（a.txt）"
    assert tiles[2].label == "办理反馈率"


def test_tiles_show_a_repeated_figure_once(table):
    repeat = facts_to_frame([
        fact("7.1%", 7.1, "%", "growth", indicator="投资同比增", period="前三季度", region="鞍山"),
        fact("7.1%", 7.1, "%", "growth", indicator="完成投资同比增长", period="前三季度", region="鞍山"),
        fact("7.1%", 7.1, "%", "growth", indicator="工业增加值", period="1-10月", region="鞍山"),
    ])
    assert [t.label for t in view.choose_tiles(repeat)] == ["投资同比增 · 前三季度 · 鞍山", "工业增加值 · 1-10月 · 鞍山"]


def test_tiles_limit_and_fill_and_empty(table):
    assert len(view.choose_tiles(table, limit=2)) == 2
    counts_only = table[table["kind"] == "count"].reset_index(drop=True)
    tiles = view.choose_tiles(counts_only)
    assert [t.value for t in tiles] == ["25.43万件", "约80家"]     # the largest first, then the rest
    assert view.choose_tiles(table.iloc[0:0]) == []


def test_table_view_formats_and_labels(table):
    out = view.table_view(table, {"investment": "投资与项目"})
    assert out.loc[0, "shown"] == "300.1亿元"
    assert out.loc[5, "shown"] == "约80家"
    assert out.loc[0, "topic"] == "投资与项目"
    assert out.loc[1, "kind"] == "增长率"
    assert out.loc[0, "value"] == 30010000000


def test_context_window_stops_at_paragraphs():
    text = "第一段。\n\n前文很长，完成投资300.1亿元，后文。\n\n下一段"
    start = text.index("300.1亿元")
    before, mention, after = view.context_window(text, start, start + 7, width=30)
    assert (before, mention, after) == ("前文很长，完成投资", "300.1亿元", "，后文。")
    assert view.context_window("abc", 1, 2, width=1) == ("a", "b", "c")


# -------------------------------------------------------------------------------------- highlight


COLOURS = {"investment": "#fdb462", "industry": "#80b1d3"}


def test_highlight_marks_each_fact_with_topic_colour_and_hover():
    text = "完成投资300.1亿元，工业下降2.3%。"
    frame = facts_to_frame([
        fact("300.1亿元", 30010000000, "元", "money", topic="investment", indicator="完成投资", start=4),
        fact("2.3%", -2.3, "%", "growth", topic="industry", indicator="工业", start=text.index("2.3%")),
    ])
    out = highlight.highlight_html(text, frame, COLOURS, {"investment": "投资与项目"})
    assert out.count("<mark") == 2
    assert 'background:#fdb462' in out and 'background:#80b1d3' in out
    assert 'title="300.1亿元 · 完成投资 · 金额 · 投资与项目"' in out
    assert 'title="-2.3% · 工业 · 增长率 · industry"' in out


def test_highlight_skips_wrong_and_overlapping_spans():
    text = "完成投资300.1亿元。"
    frame = facts_to_frame([
        fact("300.1亿元", 30010000000, "元", "money", start=4),
        fact("300.1", 300.1, "元", "money", start=4),            # overlaps the first
        fact("999亿元", 9.99e10, "元", "money", start=4),          # span does not hold this mention
        fact("亿元", 1e8, "元", "money", start=100),               # outside the text
    ])
    out = highlight.highlight_html(text, frame, COLOURS)
    assert out.count("<mark") == 1
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text


@pytest.mark.parametrize(
    "hostile",
    [
        '<script>alert("x")</script>',
        "<img src=x onerror=alert(1)>",
        '"><svg onload=alert(1)>',
        "&lt;already escaped&gt;",
    ],
)
def test_highlight_escapes_hostile_text_and_titles(hostile):
    text = f"{hostile}投资3亿元{hostile}"
    start = text.index("3亿元")
    frame = facts_to_frame([fact("3亿元", 3e8, "元", "money", indicator=hostile, start=start)])
    out = highlight.highlight_html(text, frame, COLOURS)
    tags = re.findall(r"<(/?[a-z]+)", out)
    assert set(tags) <= {"div", "/div", "mark", "/mark"}
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text
    title = re.search(r'title="([^"]*)"', out)[1]
    assert html.unescape(title).endswith(hostile + " · 金额 · other")


@given(st.text(max_size=200), st.data())
def test_highlight_always_round_trips_to_the_text(text, data):
    spans = data.draw(st.lists(st.tuples(st.integers(0, 200), st.integers(1, 8)), max_size=6))
    facts = [
        fact(text[s : s + n], 1, "个", "count", start=s) for s, n in spans if s + n <= len(text) and n > 0
    ]
    out = highlight.highlight_html(text, facts_to_frame(facts), COLOURS)
    assert set(re.findall(r"<(/?[a-z]+)", out)) <= {"div", "/div", "mark", "/mark"}
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text


def test_context_html_escapes():
    out = highlight.context_html("<b>", "3亿元", "</b>")
    assert "&lt;b&gt;" in out and "&lt;/b&gt;" in out and "<mark" in out


# ---------------------------------------------------------------------------------------- charts


def test_topic_colours_are_distinct_and_other_is_grey():
    keys = ["economy", "investment", "industry", "other"]
    colours = charts.topic_colours(keys)
    assert len(set(colours.values())) == 4
    assert colours["other"] == charts.PALETTE[-1]


def test_facts_per_topic_in_taxonomy_order(table):
    labels = {"economy": "经济总量", "investment": "投资与项目", "industry": "工业与企业",
              "public_services": "民生与公共服务"}
    fig = charts.facts_per_topic(table, labels, charts.topic_colours(list(labels)))
    bar = fig.data[0]
    assert list(bar.x) == ["经济总量", "投资与项目", "工业与企业", "民生与公共服务"]
    assert list(bar.y) == [1, 2, 2, 2]


def test_units_split_levels_from_growth(table):
    assert set(charts.value_units(table)) == {"元", "件", "家", "%"}
    assert charts.growth_units(table) == ["%", "百分点"]


def test_values_chart_has_one_unit_and_a_scaled_axis(table):
    money = facts_to_frame([
        fact("300.1亿元", 30010000000, "元", "money", indicator="完成投资"),
        fact("8620万元", 86200000, "元", "money", indicator="投入资金"),
        fact("5家", 5, "家", "count", indicator="企业"),
    ])
    fig = charts.values_by_indicator(money, "元")
    bar = fig.data[0]
    assert list(bar.x) == [0.862, 300.1]
    assert fig.layout.xaxis.title.text == "数值（亿元）"
    assert [c[1] for c in bar.customdata] == ["8620万元", "300.1亿元"]
    assert list(bar.y) == ["投入资金", "完成投资"]


def test_values_chart_keeps_the_largest_bars():
    rows = facts_to_frame([fact(f"{i}个", i, "个", "count", indicator=f"项{i}") for i in range(1, 51)])
    fig = charts.values_by_indicator(rows, "个", limit=10)
    assert sorted(fig.data[0].x) == list(range(41, 51))
    assert "共 50 项" in fig.layout.title.text


def test_growth_chart_diverges(table):
    fig = charts.growth_rates(table, "%")
    rise, fall = fig.data
    assert (rise.name, list(rise.x)) == ("上升", [7.1])
    assert (fall.name, list(fall.x)) == ("下降", [-2.3])
    assert rise.marker.color == charts.RISE_COLOUR != fall.marker.color == charts.FALL_COLOUR
    assert list(fall.customdata[0]) == ["规上工业增加值", "-2.3%", "前三季度", "鞍山", "a.txt"]
    assert fig.layout.xaxis.title.text == "增减（%）"
    assert charts.growth_rates(table, "百分点").layout.xaxis.title.text == "增减（个百分点）"


def test_duplicate_labels_get_numbers():
    rows = facts_to_frame([fact("1个", 1, "个", "count", indicator="项目"), fact("2个", 2, "个", "count",
                                                                            indicator="项目")])
    assert list(charts.values_by_indicator(rows, "个").data[0].y) == ["项目", "项目 (2)"]


def test_empty_inputs_give_empty_figures():
    empty = facts_to_frame([])
    assert charts.value_units(empty) == [] and charts.growth_units(empty) == []
    assert len(charts.facts_per_topic(empty, {}, {}).data[0].x or []) == 0
    assert isinstance(charts.values_by_indicator(empty, "元").to_json(), str)
    assert view.combine([]).columns.tolist() == list(COLUMNS)
    assert view.combine([empty, pd.DataFrame(columns=list(COLUMNS))]).empty
