"""The dashboard's pure functions over a corpus: series, targets vs outcomes, compare, map, coverage,
headline tiles, URL state and downloads, on hand-built frames with the columns ``Corpus.series``
and ``Corpus.coverage`` return."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import math
import re
from pathlib import Path

import pandas as pd
import pytest
from tables_loader import table_params

from indicators.app import compare, coverage, headline, highlight, series, state, view
from indicators.app.state import ViewState, decode_state, encode_state
from indicators.lang.catalogue import load_catalogue
from indicators.lang.regions import by_code

ROOT = Path(__file__).resolve().parents[1]


def row(indicator="gdp", kind="growth", modality="actual", region="全国", code="100000", year=2020,
        value=6.0, low=math.nan, high=math.nan, qualifier="exact", unit="%", doc="", doc_date="",
        grain="year", sentence=""):
    """One series row; a yearly period by default, stated in the next year's report."""
    doc_year = year + 1 if modality == "actual" else year
    doc = doc or f"{doc_year}.txt"
    doc_date = doc_date or f"{doc_year}-03-05"
    mention = f"{value:g}{unit}"
    sentence = sentence or f"{region}{indicator}增长{mention}。"
    start = sentence.index(mention)
    return {
        "indicator_id": indicator, "indicator_name": load_catalogue().get(indicator).name, "kind": kind,
        "modality": modality, "region_name": region, "region_code": code,
        "period_start": f"{year}-01-01", "period_end": f"{year}-12-31", "period_grain": grain,
        "value": value, "value_low": low, "value_high": high, "qualifier": qualifier, "unit": unit,
        "doc": doc, "doc_date": doc_date, "mention": mention, "sentence": sentence, "start": start,
        "end": start + len(mention), "vintages": 1,
    }


def frame(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(series.SERIES_COLUMNS))


# ------------------------------------------------------------------------------------------- series


def national_gdp() -> pd.DataFrame:
    return frame(
        row(year=2018, value=6.6), row(year=2019, value=6.1), row(year=2020, value=2.3),
        row(modality="target", year=2019, value=6.0, low=6.0, high=6.5, qualifier="approx"),
        row(modality="target", year=2020, value=6.0, qualifier="approx"),
        row(region="安徽省", code="340000", year=2019, value=7.5),
        row(region="安徽省", code="340000", year=2020, value=3.9),
    )


def test_points_label_periods_format_values_and_number_rows():
    pts = series.points(national_gdp())
    assert list(pts.index) == list(range(7))
    first = pts.iloc[0]
    assert (first["region_name"], first["period_label"], first["modality"]) == ("全国", "2018年", "actual")
    assert first["shown"] == "+6.6%" and first["x"] == pd.Timestamp("2018-01-01")
    assert set(pts["modality_label"]) == {"实际", "目标"}
    assert series.points(series.empty_series()).empty


def test_series_figure_draws_outcomes_as_lines_and_targets_as_markers_with_ranges():
    pts = series.points(national_gdp())
    fig = series.series_figure(pts, title="GDP")
    by_name = {t.name: t for t in fig.data}
    assert set(by_name) == {"全国 · 实际", "全国 · 目标", "安徽省 · 实际"}
    outcome, target = by_name["全国 · 实际"], by_name["全国 · 目标"]
    assert outcome.mode == "lines+markers" and list(outcome.y) == [6.6, 6.1, 2.3]
    assert target.mode == "markers" and list(target.y) == [6.0, 6.0]
    # the 2019 target 6-6.5% draws its range; the 2020 one states none
    assert list(target.error_y.array) == [0.5, 0.0] and list(target.error_y.arrayminus) == [0.0, 0.0]
    # hover names value, period, document and date; customdata[0] leads back to the row
    row0 = outcome.customdata[0]
    assert list(row0) == [0, "+6.6%", "2018年", "2019.txt", "2019-03-05"]
    assert pts.loc[int(target.customdata[0][0]), "modality"] == "target"
    assert "%{customdata[3]}" in outcome.hovertemplate and "%{customdata[4]}" in outcome.hovertemplate
    assert fig.layout.yaxis.title.text == "增长（%）"


def test_series_figure_scales_levels_to_yi_and_log_only_for_positive_values():
    levels = frame(*(row(kind="money", unit="元", year=y, value=v * 1e12) for y, v in ((2020, 101.6), (2021, 114.4))))
    fig = series.series_figure(series.points(levels), log=True)
    assert fig.layout.yaxis.title.text == "数值（万亿元）" and list(fig.data[0].y) == pytest.approx([101.6, 114.4])
    assert fig.layout.yaxis.type == "log"
    falls = frame(row(year=2020, value=-1.0), row(year=2021, value=2.0))
    assert series.series_figure(series.points(falls), log=True).layout.yaxis.type != "log"


def test_a_frame_mixing_units_is_drawn_in_its_most_frequent_unit_only():
    mixed = frame(row(year=2019, value=6.1), row(year=2020, value=2.3), row(year=2020, value=0.5, unit="百分点"))
    fig = series.series_figure(series.points(mixed))
    assert [list(t.y) for t in fig.data] == [[6.1, 2.3]]


@pytest.mark.parametrize("current, stated_in, expected", [
    (["全国", "北京市"], ["全国", "北京市", "安徽省"], ["全国", "北京市"]),     # both state it: kept
    (["全国", "北京市"], ["安徽省", "全国"], ["全国"]),                       # 北京市 does not: dropped
    (["北京市"], ["安徽省", "全国"], ["全国"]),                               # none does: 全国
    (["北京市"], ["安徽省", "上海市"], ["安徽省"]),                           # nor 全国: the first that does
    (["北京市"], [], []),                                                     # stated nowhere
])
def test_kept_regions_are_the_chosen_ones_that_state_the_indicator(current, stated_in, expected):
    assert series.kept_regions(current, stated_in) == expected


def test_kept_kind_and_grain_keep_the_current_choice_when_stated_else_the_most_stated_kind_and_the_year():
    mixed = frame(row(kind="money", unit="元", year=2020, value=1e12), row(kind="money", unit="元", year=2021, value=2e12),
                  row(kind="money", unit="元", year=2021, value=5e11, grain="quarter"), row(year=2021, value=6.0),
                  row(year=2021, value=5.0, grain="quarter"))
    assert series.kept_kind_and_grain(mixed, "growth", "quarter") == (
        ["money", "growth"], "growth", ["quarter", "year"], "quarter")
    assert series.kept_kind_and_grain(mixed, "ratio", "month") == (
        ["money", "growth"], "money", ["quarter", "year"], "year")
    quarterly = frame(row(year=2021, value=5.0, grain="quarter"), row(year=2021, value=5.0, grain="half"))
    assert series.kept_kind_and_grain(quarterly, "growth", "year")[2:] == (["quarter", "half"], "quarter")
    assert series.kept_kind_and_grain(series.empty_series(), "money", "month") == ([], "growth", [], "year")


def test_point_context_gives_the_sentence_and_the_mention_span():
    pts = series.points(national_gdp())
    ctx = series.point_context(pts, 0)
    assert ctx["sentence"][ctx["start"]:ctx["end"]] == ctx["mention"] == "6.6%"
    assert ctx["doc"] == "2019.txt" and ctx["label"] == "全国 · 2018年 · 实际 +6.6%"


# ------------------------------------------------------------------------------- targets vs outcomes




def _num(text: str) -> float:
    return float(text) if text else math.nan


@pytest.mark.parametrize(("indicator", "qualifier", "target", "low", "high", "outcome", "expected", "why"),
                         table_params("target_status.tsv", 8))
def test_target_status(indicator, qualifier, target, low, high, outcome, expected, why):
    target_row = {"indicator_id": indicator, "qualifier": qualifier, "value": float(target),
                  "value_low": _num(low), "value_high": _num(high)}
    assert series.target_status(target_row, _num(outcome)) == expected, why


def test_pair_targets_sets_the_first_target_beside_the_last_outcome_of_each_year():
    data = frame(
        row(modality="target", year=2019, value=6.0, low=6.0, high=6.5, qualifier="approx",
            sentence="今年经济增长预期目标是6%-6.5%。"),
        row(year=2019, value=6.1, doc="2020.txt", doc_date="2020-05-22"),
        row(year=2019, value=6.0, doc="2021.txt", doc_date="2021-03-05"),    # revised a year later: wins
        row(modality="target", year=2020, value=5.0, qualifier="approx"),
        row(modality="target", year=2020, value=5.5, doc="2020b.txt", doc_date="2020-09-01"),  # later: ignored
        row(year=2018, value=6.6),                                             # no target: left out
        row(modality="target", year=2021, value=6.0, qualifier="more_than", low=6.0),
    )
    pairs = series.pair_targets(data)
    assert list(pairs["period_label"]) == ["2019年", "2020年", "2021年"]
    y2019, y2020, y2021 = pairs.to_dict("records")
    assert (y2019["target"], y2019["outcome"], y2019["outcome_doc"], y2019["status"]) == (6.0, 6.0, "2021.txt", "met")
    assert y2019["target_sentence"] == "今年经济增长预期目标是6%-6.5%。" and y2019["status_label"] == "达到"
    assert (y2020["target"], y2020["status"], y2020["outcome_shown"]) == (5.0, "pending", "—")
    assert y2021["status"] == "pending"


def test_pair_targets_keeps_regions_apart_and_targets_figure_colours_by_status():
    data = frame(
        row(modality="target", year=2019, value=6.0, qualifier="approx"), row(year=2019, value=5.8),
        row(modality="target", year=2019, value=8.0, region="安徽省", code="340000"),
        row(year=2019, value=7.5, region="安徽省", code="340000"),
    )
    pairs = series.pair_targets(data)
    assert list(zip(pairs["region_name"], pairs["status"], strict=True)) == [("全国", "near"), ("安徽省", "missed")]
    fig = series.targets_figure(pairs, "%")
    names = [t.name for t in fig.data if t.name]
    assert "目标" in names and "实际（基本达到）" in names and "实际（未达到）" in names
    assert series.targets_figure(series.pair_targets(series.empty_series()), "%").data == ()



def test_targets_table_is_newest_first_with_each_figure_marked_once_and_the_text_escaped():
    data = frame(
        row(modality="target", year=2019, value=6.0, qualifier="approx", sentence="<b>预期</b>增长6%左右。"),
        row(year=2019, value=6.1),
        row(modality="target", year=2020, value=5.0, sentence="增长5%，不低于上年的5%。"),   # which 5%? unmarked
        row(modality="target", year=2021, value=5.0, sentence="增长5%左右，失业率5.5%左右。"),  # 5.5% is not 5%
    )
    table = highlight.targets_table_html(series.pair_targets(data), series.STATUS_COLOURS)
    y2021, y2020, y2019 = table.split("<tr>")[2:]
    assert re.findall(r"<mark[^>]*>([^<]*)</mark>", y2021) == ["5%"] and "5.5%左右" in y2021
    assert y2020.startswith('<td style="padding') and "2020年" in y2020 and "2019年" in y2019
    assert "<b>" not in table and "&lt;b&gt;预期&lt;/b&gt;增长" in y2019
    assert re.findall(r"<mark[^>]*>([^<]*)</mark>", y2019) == ["6%", "6.1%"]
    assert "<mark" not in y2020 and ">尚无实际<" in y2020 and ">达到<" in y2019
    assert "2019-03-05" in y2019 and "2020-03-05" in y2019          # each sentence's document date under it


# -------------------------------------------------------------------------------------------- compare


def provinces_2023() -> pd.DataFrame:
    return frame(
        row(region="安徽省", code="340000", year=2023, value=5.8),
        row(region="广东省", code="440000", year=2023, value=4.8),
        row(region="广东省", code="440000", year=2023, value=4.9, doc="late.txt", doc_date="2024-06-01"),
        row(region="全国", code="100000", year=2023, value=5.2),
        row(region="鞍山市", code="210300", year=2023, value=4.1),
        row(region="西藏自治区", code="540000", year=2023, value=9.5),
        row(region="安徽省", code="340000", year=2022, value=3.5),
        row(modality="target", region="安徽省", code="340000", year=2023, value=6.5),
    )


def test_compare_ranks_the_latest_outcome_of_each_region_for_one_period():
    data = provinces_2023()
    assert compare.periods(data)[0] == ("2023-01-01", "2023-12-31")
    ranked = compare.latest_per_region(data, "2023-01-01", "2023-12-31")
    assert list(ranked["region_name"]) == ["西藏自治区", "安徽省", "全国", "广东省", "鞍山市"]
    assert list(ranked["rank"]) == [1, 2, 3, 4, 5]
    assert ranked.set_index("region_name").loc["广东省", "value"] == 4.9      # the later statement
    fig = compare.compare_figure(ranked)
    assert list(fig.data[0].y) == ["鞍山市", "广东省", "全国", "安徽省", "西藏自治区"]   # highest on top
    assert list(fig.layout.yaxis.ticktext)[-1] == "西藏自治区  +9.5%"          # each bar names its value


def test_province_values_keep_provinces_only():
    ranked = compare.latest_per_region(provinces_2023(), "2023-01-01", "2023-12-31")
    assert compare.province_values(ranked) == {"540000": (9.5, "+9.5%"), "340000": (5.8, "+5.8%"),
                                               "440000": (4.9, "+4.9%")}


def test_the_shipped_map_has_every_provincial_division_by_code_and_is_small():
    shapes = compare.province_shapes()
    assert len(shapes) == 34
    for code, shape in shapes.items():
        assert len(code) == 6 and code.endswith("0000")
        region = by_code(code)
        assert region is not None and region.level == "省" and shape["name"] == region.name
        for ring in shape["rings"]:
            assert ring[0] == ring[-1] and len(ring) >= 4
            assert all(73 <= x <= 136 and 3 <= y <= 54 for x, y in ring)
    assert compare.MAP_FILE.stat().st_size < 100_000
    # the licence note ships beside it
    assert "Apache License 2.0" in (compare.MAP_FILE.parent / "README.md").read_text("utf-8")


def test_province_map_shades_by_value_and_greys_provinces_without_data():
    values = {"540000": (9.5, "+9.5%"), "340000": (5.8, "+5.8%"), "440000": (4.9, "+4.9%")}
    colours = compare.province_colours(values)
    assert len(colours) == 34
    assert (colours["540000"], colours["440000"]) == (compare.SHADES[-1], compare.SHADES[0])
    assert colours["110000"] == compare.NO_DATA_COLOUR
    fig = compare.province_map(values)
    *fills, hover = fig.data
    # a filled trace per colour, holding every ring of the provinces of that colour
    assert sorted(t.fillcolor for t in fills) == sorted(set(colours.values()))
    tibet_ring = compare.province_shapes()["540000"]["rings"][0]
    (dark,) = [t for t in fills if t.fillcolor == compare.SHADES[-1]]
    assert list(dark.x[:len(tibet_ring)]) == [p[0] for p in tibet_ring]
    grey_rings = sum(len(compare.province_shapes()[c]["rings"]) for c in colours if colours[c] == compare.NO_DATA_COLOUR)
    (grey,) = [t for t in fills if t.fillcolor == compare.NO_DATA_COLOUR]
    assert list(grey.x).count(None) == grey_rings
    # hovering a province names it and its value
    named = dict(zip([t.split("：")[0] for t in hover.text], hover.text, strict=True))
    assert named["安徽省"] == "安徽省：+5.8%" and named["北京市"] == "北京市：无数据" and len(named) == 34
    # no geo subplot, no map tiles: nothing for the browser to fetch
    assert not fig.layout.geo.to_plotly_json() and all(t.type == "scatter" for t in fig.data)


# ------------------------------------------------------------------------------------------- coverage


def test_coverage_matrix_fills_gaps_with_zero_orders_by_total_and_sums_regions():
    cov = pd.DataFrame([
        {"indicator_id": "gdp", "region_name": "全国", "year": 2019, "facts": 3},
        {"indicator_id": "gdp", "region_name": "全国", "year": 2022, "facts": 2},
        {"indicator_id": "gdp", "region_name": "安徽省", "year": 2019, "facts": 4},
        {"indicator_id": "cpi", "region_name": "全国", "year": 2020, "facts": 1},
        {"indicator_id": "", "region_name": "全国", "year": 2020, "facts": 9},
        {"indicator_id": "cpi", "region_name": "全国", "year": None, "facts": 9},
    ])
    names = {"gdp": "国内生产总值", "cpi": "居民消费价格"}
    matrix = coverage.coverage_matrix(cov, names)
    assert list(matrix.index) == ["国内生产总值", "居民消费价格"]
    assert list(matrix.columns) == [2019, 2020, 2021, 2022]
    assert matrix.loc["国内生产总值"].tolist() == [7, 0, 0, 2]
    national = coverage.coverage_matrix(cov, names, regions=["全国"])
    assert national.loc["国内生产总值", 2019] == 3
    assert coverage.coverage_matrix(cov, names, regions=["西藏自治区"]).empty
    fig = coverage.coverage_figure(matrix)
    assert list(fig.data[0].y) == ["国内生产总值", "居民消费价格"] and fig.data[0].z.shape == (2, 4)


# ------------------------------------------------------------------------------------------- headline


def test_headline_tiles_show_the_latest_period_with_its_change_and_skip_other_periods():
    data = frame(
        row(year=2023, value=5.2), row(year=2024, value=5.0),
        row(modality="target", year=2025, value=5.0, qualifier="approx"),          # a target is no outcome
        row(indicator="cpi", year=2023, value=0.2), row(indicator="cpi", year=2024, value=0.2),
        row(indicator="urban_unemployment", kind="ratio", year=2024, value=5.1),
        row(indicator="budget_revenue", kind="money", unit="元", year=2023, value=2.17e13),
        row(indicator="budget_revenue", kind="money", unit="元", year=2024, value=2.19e13),
        row(indicator="steel_output", kind="quantity", unit="吨", year=2024, value=1e9),  # not a headline
        row(indicator="registered_unemployment", kind="ratio", year=2013, value=4.1),     # not of 2024: no tile
        row(indicator="retail_sales", year=2024, value=3.5, grain="multi_year"),          # another grain
    )
    names = {i: load_catalogue().get(i).name for i in ("gdp", "cpi", "urban_unemployment", "budget_revenue")}
    tiles = headline.headline_tiles(data, names)
    assert [t.indicator_id for t in tiles] == ["gdp", "cpi", "urban_unemployment", "budget_revenue"]
    gdp, cpi, jobless, revenue = tiles
    assert (gdp.label, gdp.value, gdp.delta) == ("国内生产总值增长 · 2024年", "+5%", "-0.2个百分点")
    assert "2025.txt" in gdp.help and "上期（2023年）5.2%" in gdp.help
    assert (cpi.delta, cpi.delta_color) == ("持平", "inverse")
    assert (jobless.value, jobless.delta) == ("5.1%", "")
    assert (revenue.value, revenue.delta) == ("21.9万亿元", "+0.9%")
    assert headline.headline_tiles(series.empty_series(), names) == []


# ------------------------------------------------------------------------------------------ URL state


@pytest.mark.parametrize(("params", "expected"), [
    ({}, ViewState()),
    ({"view": "compare", "indicator": "cpi", "kind": "growth", "year": "2023"},
     ViewState(view="compare", indicator="cpi", year="2023")),
    ({"view": "nonsense", "kind": "bogus", "grain": "week", "year": "20x3", "log": "yes"}, ViewState()),
    ({"region": ["全国", "安徽省", "全国", " "]}, ViewState(regions=("全国", "安徽省"))),
    ({"region": []}, ViewState(regions=())),
    ({"log": "1", "grain": "ytd", "doc": "2024.txt"}, ViewState(log=True, grain="ytd", doc="2024.txt")),
    ({"view": "facts", "topic": "prices", "q": " 粮食 ", "in": "安徽省"},
     ViewState(view="facts", topic="prices", q="粮食", region="安徽省")),
    ({"topic": "Prices!", "q": ""}, ViewState()),
])
def test_decode_state(params, expected):
    assert decode_state(params) == expected


def test_an_unknown_indicator_falls_back_when_the_catalogue_is_given():
    indicators = load_catalogue().indicators
    assert decode_state({"indicator": "gdp_fake"}, indicators=indicators).indicator == "gdp"
    assert decode_state({"indicator": "cpi"}, indicators=indicators).indicator == "cpi"


def test_encode_state_round_trips_and_writes_only_what_differs():
    shown = ViewState(view="series", indicator="gdp", kind="growth", regions=("全国", "安徽省"), log=True)
    params = encode_state(shown)
    assert params == {"view": "series", "indicator": "gdp", "kind": "growth", "region": ["全国", "安徽省"], "log": "1"}
    assert decode_state(params) == shown
    assert all(k.isascii() for k in params)
    facts = ViewState(view="facts", topic="prices", q="粮食", region="安徽省")
    assert encode_state(facts)["in"] == "安徽省" and decode_state(encode_state(facts)) == facts
    assert state.state_query(ViewState()) == "?view=series&indicator=gdp&kind=growth&region=%E5%85%A8%E5%9B%BD"


# ------------------------------------------------------------------------------------------ downloads


def test_series_csv_has_a_bom_and_one_row_per_point():
    data = series.points(national_gdp())
    raw = series.series_csv(data)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == len(data) and list(rows[0]) == list(series.CSV_COLUMNS)
    assert rows[0]["region_name"] == "全国" and float(rows[0]["value"]) == 6.6


def test_series_downloads_hold_the_points_the_chart_draws_in_its_one_unit():
    # a growth series in % that also holds a report's 翻两番 (3 倍): the chart draws the %, and so do the downloads
    data = series.points(frame(*national_gdp().to_dict("records"), row(year=1982, value=3.0, unit="倍")))
    drawn = sum(len(t.y) for t in series.series_figure(data).data)
    rows = list(csv.DictReader(io.StringIO(series.series_csv(data).decode("utf-8-sig"))))
    assert len(rows) == drawn == len(data) - 1 and {r["unit"] for r in rows} == {"%"}
    meta = json.loads(series.series_metadata(data, load_catalogue().get("gdp")))
    assert meta["unit"] == "%" and len(meta["points"]) == drawn


def test_series_metadata_holds_the_definition_unit_and_each_points_source():
    data = series.points(national_gdp())
    meta = json.loads(series.series_metadata(data, load_catalogue().get("gdp"), view_url="?view=series",
                                             as_of="2026-12-04"))
    assert meta["indicator"]["id"] == "gdp" and meta["indicator"]["name"] == "国内生产总值"
    assert "国内生产总值" in meta["indicator"]["names"]
    assert meta["unit"] == "%" and meta["kind"] == "growth" and meta["view"] == "?view=series"
    assert len(meta["points"]) == len(data)
    first = meta["points"][0]
    assert (first["doc"], first["doc_date"], first["value"]) == ("2019.txt", "2019-03-05", 6.6)
    assert first["sentence"].endswith("6.6%。") and first["value_low"] is None


# ------------------------------------------------------------------------------------ text and inputs


def test_paragraph_window_is_the_paragraph_of_the_mention_bounded():
    text = "第一段。\n\n去年国内生产总值增长5.2%，\n居民消费价格上涨0.2%。\n\n第三段。"
    start = text.index("5.2%")
    before, mention, after = view.paragraph_window(text, start, start + 4)
    assert (before, mention, after) == ("去年国内生产总值增长", "5.2%", "，\n居民消费价格上涨0.2%。")
    lines = "甲增长1%。\n乙增长2%。\n丙增长3%。"
    assert view.paragraph_window(lines, lines.index("2%"), lines.index("2%") + 2) == ("乙增长", "2%", "。")
    long = "字" * 1000 + "3%" + "字" * 1000
    before, _, after = view.paragraph_window(long, 1000, 1002, limit=50)
    assert len(before) == 50 and len(after) == 50


def test_demo_documents_are_the_txt_files_under_the_folder(tmp_path):
    (tmp_path / "reports").mkdir()
    for name in ("reports/2024.txt", "reports/SOURCES.md", "page.txt", "README"):
        (tmp_path / name).write_text("x", "utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in view.demo_documents(tmp_path)] == [
        "page.txt", "reports/2024.txt"]
    assert view.demo_documents(tmp_path / "missing") == []
    shipped = view.demo_documents(Path(__file__).resolve().parents[1] / "data")
    assert len(shipped) == 58 and shipped[0].name == "anshan_daily_page_sample.txt"


# ------------------------------------------------------------------------------ the map's build script


def _map_builder():
    spec = importlib.util.spec_from_file_location("build_province_map", ROOT / "scripts" / "build_province_map.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_map_builder_decodes_echarts_rings_and_simplifies_without_losing_corners():
    builder = _map_builder()
    # '@@' is a zero step: the first point is the offset; 'B' is +1 (zig-zag 2), 'A' is -1 (zig-zag 1)
    assert builder.decode_ring("@@B@@B", [1024 * 100, 1024 * 30], 1024) == [(100.0, 30.0), (100 + 1 / 1024, 30.0),
                                                                           (100 + 1 / 1024, 30 + 1 / 1024)]
    assert builder.decode_ring("AA", [0, 0], 1) == [(-1.0, -1.0)]
    line = [(0.0, 0.0), (1.0, 0.001), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)]
    assert builder.simplify(line, 0.01) == [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)]
    tiny = [(113.55, 22.11), (113.56, 22.12), (113.58, 22.16), (113.55, 22.21), (113.53, 22.15), (113.55, 22.11)]
    assert len({(round(x, 2), round(y, 2)) for x, y in builder.simplify_small(tiny, 0.08)}) >= 4
