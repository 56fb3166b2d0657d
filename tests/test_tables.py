"""Tables laid out as text (engine/tables.py): a header, then rows whose numbers are facts of the row's
name, in the row's unit or the column's. The tables are written for these tests in the styles of
county and city statistical releases."""

from __future__ import annotations

import doctest
from decimal import Decimal

import pytest

import indicators
from indicators.engine import layout, tables
from indicators.engine.tables import table_cells

RELEASE = """2024年1-9月全县主要经济指标

指标名称            单位      1-9月      同比增长(%)
地区生产总值        亿元      186.42        5.8
规模以上工业增加值  亿元       —            7.2
一般公共预算收入    万元      92356         3.4
  其中：税收收入    万元      68720         2.9
城镇登记失业率      %         2.9           -0.1

注：规模以上工业增加值增速按可比价计算。
"""

PRODUCTS = """表2  2024年主要农产品产量及其增长速度
产品名称      产量(万吨)      比上年增长(%)
粮食          58.74           1.9
  夏粮        27.35           -2.1
油料          3.21            0.5
"""


def _cells(text):
    return [(c.label, c.value, c.unit, c.kind, text[c.start:c.end]) for c in table_cells(text)]


def test_rows_under_a_header_with_a_unit_column():
    assert _cells(RELEASE) == [
        ("地区生产总值", Decimal("18642000000"), "元", "money", "186.42"),
        ("地区生产总值同比增长", Decimal("5.8"), "%", "growth", "5.8"),
        ("规模以上工业增加值同比增长", Decimal("7.2"), "%", "growth", "7.2"),
        ("一般公共预算收入", Decimal("923560000"), "元", "money", "92356"),
        ("一般公共预算收入同比增长", Decimal("3.4"), "%", "growth", "3.4"),
        ("税收收入", Decimal("687200000"), "元", "money", "68720"),
        ("税收收入同比增长", Decimal("2.9"), "%", "growth", "2.9"),
        ("城镇登记失业率", Decimal("2.9"), "%", "ratio", "2.9"),          # a rate's change is in points
        ("城镇登记失业率同比增长", Decimal("-0.1"), "百分点", "growth", "-0.1"),
    ]


def test_the_unit_a_column_names():
    assert _cells(PRODUCTS) == [
        ("粮食", Decimal("587400"), "吨", "quantity", "58.74"),
        ("粮食比上年增长", Decimal("1.9"), "%", "growth", "1.9"),
        ("夏粮", Decimal("273500"), "吨", "quantity", "27.35"),
        ("夏粮比上年增长", Decimal("-2.1"), "%", "growth", "-2.1"),
        ("油料", Decimal("32100"), "吨", "quantity", "3.21"),
        ("油料比上年增长", Decimal("0.5"), "%", "growth", "0.5"),
    ]


@pytest.mark.parametrize("text", [
    # columns of names, no numbers
    "项目名称    建设单位    建设地点\n汽车零部件项目    某某公司    双台镇\n",
    # a masthead or a contact line with a wide gap
    "国家统计局  2024-10-23\n\n前三季度，全省经济运行总体平稳。",
    "办公室    0412-5551234\n招商局    0412-5555678\n",
    # rows under no header
    "地区生产总值    186.42    5.8\n固定资产投资    92.4    4.6\n",
    # a header that says neither a unit nor a change
    "指标    1-9月    1-8月\n某指标    186.42    170.1\n",
    # a row whose cells do not line up with the header's columns
    "指标名称    单位    1-9月    同比增长(%)\n地区生产总值    亿元    186.42\n",
    # a level column with no unit anywhere, and a change column with no number
    "指标名称    1-9月    同比增长(%)\n地区生产总值    186.42    —\n",
])
def test_no_table_no_cells(text):
    assert table_cells(text) == []


def test_a_table_ends_at_the_first_line_that_is_no_row():
    text = RELEASE + "城镇居民人均可支配收入  元    31256         4.7\n"
    labels = [c.label for c in table_cells(text)]
    assert "城镇居民人均可支配收入" not in labels        # after the note: no longer the table


def test_rows_stay_apart_in_the_layout():
    # Joined, 5.8 would meet 规模以上…, and a next row's name could read as a unit (12.5亩产…).
    laid = layout.analyse(RELEASE)
    rows = [b.text for b in laid.blocks if b.text.startswith(("地区生产总值", "规模以上"))]
    assert rows == ["地区生产总值        亿元      186.42        5.8", "规模以上工业增加值  亿元       —            7.2"]
    assert not layout.is_table_line("前三季度，全省实现地区生产总值45946.4亿元，同比增长5.6%。")
    assert not layout.is_table_line("鞍山日报　2024年4月18日　星期四　第2版")


def test_table_facts_in_the_table_with_their_spans():
    table = indicators.extract(RELEASE, source="release.txt")
    for _, row in table.iterrows():
        assert RELEASE[row["start"]:row["end"]] == row["mention"]
    gdp = table[table["mention"] == "186.42"].iloc[0]
    assert (gdp["value"], gdp["unit"], gdp["indicator_id"], gdp["period"]) == (18642000000.0, "元", "gdp", "2024年1-9月")


def test_the_module_example_runs():
    assert doctest.testmod(tables).failed == 0


def test_a_unit_word_that_starts_like_a_multiplier_is_the_unit():
    text = "产品名称  单位  产量  比上年增长(%)\n发电设备  万千瓦  1200  5.1\n风电装机  千瓦  300  2\n公路里程  千米  86  1\n"
    levels = [(c.label, c.value, c.unit) for c in table_cells(text) if c.kind != "growth"]
    assert levels == [("发电设备", Decimal("12000000"), "千瓦"), ("风电装机", Decimal("300"), "千瓦"),
                      ("公路里程", Decimal("86"), "千米")]


PLACES = """某区2024年国民经济和社会发展统计公报

表2　2023年各镇街社会消费品零售总额
镇街名称　　绝对数(亿元)　　比上年增长(%)
市桥街道　　186.42　　1.8
洛浦街道　　72.18　　-0.6
"""


def test_a_caption_dates_its_rows_and_names_what_rows_of_places_measure():
    assert [(c.label, c.value, c.period) for c in table_cells(PLACES)] == [
        ("社会消费品零售总额", Decimal("18642000000"), "2023年"),
        ("社会消费品零售总额比上年增长", Decimal("1.8"), "2023年"),
        ("社会消费品零售总额", Decimal("7218000000"), "2023年"),
        ("社会消费品零售总额比上年增长", Decimal("-0.6"), "2023年"),
    ]
    table = indicators.extract(PLACES, source="bulletin.txt")
    first = table[table["mention"] == "186.42"].iloc[0]
    assert (first["indicator"], first["period"], first["region"]) == ("社会消费品零售总额", "2023年", "市桥街道")


def test_rows_of_names_keep_their_names_under_a_caption():
    # a caption names the time of rows of products, not what they are
    assert [(c.label, c.period) for c in table_cells(PRODUCTS)][:2] == [("粮食", "2024年"), ("粮食比上年增长", "2024年")]
    # a title over a blank line is the caption too; a paragraph before a table is none
    assert {c.period for c in table_cells(RELEASE)} == {"2024年1-9月"}
    prose = "前三季度，全县经济运行总体平稳；1-8月，工业增长加快。\n" + RELEASE.split("\n\n", 1)[1]
    assert {c.period for c in table_cells(prose)} == {""}
