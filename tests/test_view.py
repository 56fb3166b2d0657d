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
from indicators.schema import Fact, facts_to_frame

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












# ------------------------------------------------------------------------------------------ tiles








def test_table_view_formats_and_labels(table):
    out = view.table_view(table, {"investment": "投资与项目"})
    assert out.loc[0, "shown"] == "300.1亿元"
    assert out.loc[5, "shown"] == "约80家"
    assert out.loc[0, "topic"] == "投资与项目"
    assert out.loc[1, "kind"] == "增长率"
    assert out.loc[0, "value"] == 30010000000




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
















# ------------------------------------------------------------------------------------ finding documents

def _documents():
    return pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"],
        "path": ["/r/2023.txt", "/r/anhui_2024.txt", "s3://x/粘贴文本-1.txt", "/r/2024.txt"],
        "title": ["2023年政府工作报告", "安徽省政府工作报告", "", None],
        "doc_date": ["2023-03-05", "2024-01-14", "", "2024-03-05"],
        "doc_region": ["全国", "安徽省", "", "全国"],
        "doc_kind": ["work_report", "work_report", "", "work_report"],
    })


@pytest.mark.parametrize(("words", "expected"), [
    ("", ["a", "b", "c", "d"]),
    ("   ", ["a", "b", "c", "d"]),
    ("安徽", ["b"]),
    ("ANHUI", ["b"]),                       # case aside
    ("2024", ["b", "d"]),                    # file name or date
    ("全国 2024", ["d"]),                    # every word
    ("粘贴文本", ["c"]),
    ("r/2023", []),                          # the folder is not searched, only the file's name
    ("上海", []),
])
def test_matching_documents(words, expected):
    assert list(view.matching_documents(_documents(), words)["doc_id"]) == expected


@pytest.mark.parametrize(("current", "limit", "choices", "chosen"), [
    (None, 2, ["c", "d"], "d"),              # the latest, the last one shown
    ("c", 2, ["c", "d"], "c"),
    ("a", 2, ["a", "c", "d"], "a"),          # an older current document stays offered
    ("zz", 2, ["c", "d"], "d"),              # not among them (another search): the latest
    (None, 10, ["a", "b", "c", "d"], "d"),
])
def test_document_choices(current, limit, choices, chosen):
    assert view.document_choices(["a", "b", "c", "d"], current, limit) == (choices, chosen)
    assert view.document_choices([], current, limit) == ([], None)
