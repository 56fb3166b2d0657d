"""The dashboard in a real browser: what only a browser shows (rendering, the URL, downloaded bytes)."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from benchmarks.bench_dashboard import fact_count, pick_option, wait_for_app

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SCREENSHOT = ROOT / "docs" / "dashboard.png"


def plotly_data(page) -> list[list[dict]]:
    """The traces of every rendered Plotly chart, read from the browser's plotly.js objects."""
    page.wait_for_function(
        "() => { const c = document.querySelectorAll('.js-plotly-plot');"
        " return c.length > 0 && [...c].every(el => el.data && el.querySelector('.main-svg')); }",
        timeout=30_000,
    )
    return page.evaluate(
        """() => [...document.querySelectorAll('.js-plotly-plot')].map(
            el => el.data.map(t => ({name: t.name, x: t.x, y: t.y})))"""
    )


def test_tiles_and_charts_render(open_app):
    page = open_app()
    values = page.locator("[data-testid='stMetricValue']").all_inner_texts()
    assert len(values) >= 3
    assert "300.1亿元" in values
    assert all(re.fullmatch(r"(同比 |环比 )?[+-]?[0-9.]+(万亿|亿|万)?\S*", v) for v in values), values
    labels = page.locator("[data-testid='stMetricLabel']").all_inner_texts()
    assert any("完成投资" in label for label in labels)
    # charts are drawn: SVG bars exist for the topic chart and its data holds Chinese topic labels
    page.locator("[data-testid='stPlotlyChart'] .main-svg").first.wait_for()
    assert page.locator("[data-testid='stPlotlyChart'] .bars path").count() > 0
    charts = plotly_data(page)
    assert "投资与项目" in charts[0][0]["x"]
    assert page.locator("[data-testid='stException']").count() == 0


def test_topic_in_the_url_narrows_the_view(open_app):
    page = open_app()
    shown_all, total = fact_count(page)
    assert shown_all == total
    page = open_app("/?topic=investment")
    shown, total_again = fact_count(page)
    assert total_again == total and 0 < shown < total
    assert plotly_data(page)[0][0]["x"] == ["投资与项目"]
    chips = page.locator("[data-testid='stMultiSelect']").filter(has_text="主题").inner_text()
    assert "投资与项目" in chips


def test_csv_download_is_the_filtered_table_with_bom(open_app):
    page = open_app("/?topic=investment")
    shown, _ = fact_count(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="下载 CSV").click()
    download = info.value
    assert download.suggested_filename == "indicators.csv"
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == shown
    assert {r["topic"] for r in rows} == {"investment"}
    assert "300.1亿元" in {r["mention"] for r in rows}
    # no formula can start a cell
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values() if v)
    # the page did not rerun away from the filtered view
    assert fact_count(page)[0] == shown


def test_choosing_filters_writes_them_to_the_url(open_app, browser, server):
    page = open_app()
    total = fact_count(page)[1]
    pick_option(page, "主题", "投资与项目")
    page.wait_for_url(re.compile(r"topic=investment"))
    wait_for_app(page)
    pick_option(page, "地区", "鞍山")
    page.wait_for_url(re.compile(r"region="))
    query = parse_qs(urlparse(page.url).query)
    assert query["topic"] == ["investment"]
    assert query["region"] == ["鞍山"]
    # the link reproduces the view: a fresh session on it shows what this session shows
    context = browser.new_context(locale="zh-CN")
    try:
        fresh = context.new_page()
        fresh.goto(page.url)
        fresh.wait_for_selector("[data-testid='stMetricValue']", timeout=60_000)
        wait_for_app(fresh)
        shown = fact_count(fresh)[0]
    finally:
        context.close()
    assert 0 < shown < total
    page.wait_for_function("t => document.body.innerText.includes(t)", arg=f"显示 {shown} / {total} 条事实")


def test_screenshot(open_app, page):
    page.set_viewport_size({"width": 1400, "height": 1500})
    open_app()
    page.locator("[data-testid='stPlotlyChart'] .main-svg").first.wait_for()
    page.wait_for_timeout(1000)  # let plotly finish its transitions
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "dashboard.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 50_000
    # docs/dashboard.png is committed: refresh it only when asked, so a test run leaves git clean.
    if not SCREENSHOT.exists() or os.environ.get("UPDATE_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)


def test_selecting_a_row_shows_its_sentence_in_context(open_app):
    page = open_app("/?topic=investment")
    page.get_by_role("tab", name="表格").click()
    grid = page.locator("[data-testid='stDataFrame']")
    grid.wait_for()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)   # the first row's selection box
    panel = page.locator("[data-testid='stTabPanel']:visible")
    panel.locator("mark").first.wait_for(timeout=30_000)
    mention = panel.locator("mark").first.inner_text()
    assert mention and mention in panel.inner_text()
    assert "选中表格中的一行" not in panel.inner_text()


def test_hostile_pasted_text_is_shown_as_text_and_never_runs(open_app):
    page = open_app()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    hostile = '完成投资3亿元<script>alert("x")</script><img src=x onerror=alert(1)>，新增企业2家。'
    area = page.locator("[data-testid='stTextArea'] textarea")
    area.fill(hostile)
    area.press("Control+Enter")
    page.wait_for_function("() => document.body.innerText.includes('2 篇文档')", timeout=30_000)
    wait_for_app(page)
    page.get_by_role("tab", name="原文").click()
    panel = page.locator("[data-testid='stTabPanel']:visible")
    panel.locator("[data-testid='stSelectbox']").click()
    page.get_by_role("option", name="粘贴文本").click()
    doc = panel.locator(".doc-text")
    doc.get_by_text("<script>", exact=False).wait_for(timeout=30_000)
    assert hostile in doc.inner_text()
    assert doc.locator("script, img").count() == 0
    assert doc.locator("mark").count() >= 1
    assert "3亿元" in doc.locator("mark").first.get_attribute("title")
    page.wait_for_timeout(500)
    assert dialogs == []
