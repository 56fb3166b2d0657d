"""How fast the dashboard is over a big store: first paint and view changes with a million facts.

    python3 tasks.py bench-dashboard                               # 1,000,000 facts (needs /usr/bin/chromium)
    .venv/bin/python -m benchmarks.bench_dashboard --facts 200000  # another size
    .venv/bin/python -m benchmarks.bench_dashboard --db big.duckdb # keep (or reuse) the store

A report, not a test: numbers depend on the machine. The store is the demo corpus (data/, ingested
with the real engine) copied region by region until it holds ``--facts`` facts: every document and
fact again under another province or city, values varied by a few percent, so series, comparisons
and coverage have as many regions as a national corpus would. It measures two ways:

* in a real browser (Playwright driving Debian's chromium, a fresh profile, a server just started
  as ``tasks.py run`` starts it: its script run once ahead, so the default view's queries are
  cached and the others not): from ``page.goto`` until the KPI tiles and the series chart are drawn
  and the script has finished (first paint); from a click on another view, another region or
  another indicator, until that view is drawn (its chart, or the data grid of documents and facts)
  and the script has finished (view change); then the first paint again on a
  server started without that run ahead (a bare ``streamlit run``: imports and queries on the page's
  time);
* in-process with ``AppTest`` (no browser): one script run cold, warm, and after each view change.

Each view is visited twice: the first visit runs its queries, a return finds them cached. Another
indicator is chosen twice: CPI (a KPI tile's, whose chart the server builds ahead), then grain output
(nothing of it read ahead). The numbers depend on what else the machine runs (the load average is
printed with them).

Goals (issue 11): first paint under 3 s, a view change under 500 ms. The server helpers here
(``serve``, ``wait_for_app``, ``plotly_traces``) are also what the browser tests use.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

from indicators.app import launch
from indicators.app.view import demo_documents
from indicators.batch.ingest import ingest
from indicators.lang.gazetteer import adcode_rows
from indicators.lang.regions import by_code

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dashboard.py"
CHROMIUM = "/usr/bin/chromium"
SERIES_CHART = ".st-key-series_chart .main-svg"      # the series view's chart, drawn
# What shows a view is drawn: its chart (.st-key-NAME_chart), or for the table views their data grid
# (the only one on the page; a data frame's key gives it no class).
VIEW_DRAWN = {"documents": "[data-testid='stDataFrame'] canvas", "facts": "[data-testid='stDataFrame'] canvas"}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(env: dict[str, str] | None = None, timeout: float = 90, *, warmed: bool = True) -> Iterator[str]:
    """Serve the dashboard on a free local port as ``tasks.py run`` does (indicators.app.launch);
    yields its base URL once healthy and, when ``warmed``, once its script has run ahead as there."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = launch.command(
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
        app=APP,
    )
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: a chatty server can never block
        proc = subprocess.Popen(cmd, cwd=ROOT, env=launch.environment({**os.environ, **(env or {})}),
                                stdout=log, stderr=log)
        try:
            deadline = time.monotonic() + timeout
            while not launch.healthy(url):
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"streamlit did not come up on {url}:\n{log.read().decode(errors='replace')}")
                time.sleep(0.1)
            if warmed and not launch.warm(url):
                log.seek(0)
                raise RuntimeError(f"the dashboard's script failed on {url}:\n{log.read().decode(errors='replace')}")
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


_APP_IDLE = ("document.querySelector(\"[data-testid='stApp'][data-test-connection-state='CONNECTED']"
             "[data-test-script-state='notRunning']\")")


def wait_until_drawn(page, *selectors: str, timeout: float = 60_000) -> None:
    """Wait until an element matching each of ``selectors`` is visible (a box, not hidden), the page is
    connected and its script has finished. Checked in the page at every frame: Playwright's own waits
    poll after 0, 20, 50, 100, 100 ms and then every 500 ms, so a wait that began early reported a view
    drawn up to half a second after it was (and first paints by how their polls happened to fall)."""
    visible = " && ".join(
        f"(e => !!e && e.getBoundingClientRect().width > 0 && getComputedStyle(e).visibility !== 'hidden')"
        f"(document.querySelector({json.dumps(selector)}))" for selector in selectors)
    page.wait_for_function(f"() => {visible or 'true'} && !!{_APP_IDLE}", polling="raf", timeout=timeout)


def wait_for_app(page, timeout: float = 60_000) -> None:
    """Wait until the page is connected and the script has finished running."""
    wait_until_drawn(page, timeout=timeout)


def pick_option(page, widget_label: str, option: str) -> None:
    """Choose ``option`` in the sidebar multiselect labelled ``widget_label``."""
    box = page.locator("[data-testid='stMultiSelect']").filter(has_text=widget_label)
    box.locator("input").click()
    box.locator("input").fill(option)       # long option lists are virtual: only what matches is drawn
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")


def pick_indicator(page, option: str) -> None:
    """Choose ``option`` (its label, e.g. '物价 · 居民消费价格') in the sidebar's indicator select box."""
    box = page.locator("[data-testid='stSelectbox']").filter(has_text="指标")
    box.locator("input").click()
    box.locator("input").fill(option.split(" · ")[-1])    # the searchable list shows only what matches
    page.get_by_role("option", name=option, exact=True).click()


def plotly_traces(page) -> list[list[dict]]:
    """The traces of every drawn Plotly chart (name, mode, x, y), read from the browser's plotly.js."""
    page.wait_for_function(
        "() => { const c = document.querySelectorAll('.js-plotly-plot');"
        " return c.length > 0 && [...c].every(el => el.data && el.querySelector('.main-svg')); }",
        timeout=30_000,
    )
    return page.evaluate(
        """() => [...document.querySelectorAll('.js-plotly-plot')].map(
            el => el.data.map(t => ({name: t.name, mode: t.mode, x: t.x, y: t.y})))"""
    )


def launch_browser(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


# ----------------------------------------------------------------------------------------- the store


def demo_store(db: Path) -> None:
    """The demo corpus (every *.txt under data/) ingested with the real engine."""
    ingest([str(p) for p in demo_documents(ROOT / "data")], db)


def regions(n: int) -> list[tuple[str, str]]:
    """``n`` (code, name) divisions: the provinces first, then prefecture cities."""
    found: dict[str, str] = {}
    for long_code, _ in adcode_rows():
        region = by_code(long_code[:6])
        if region is not None and region.level in ("省", "市"):
            found.setdefault(region.code, region.name)
    ordered = sorted(found.items(), key=lambda item: (not item[0].endswith("0000"), item[0]))
    return ordered[:n]


def synthesise(db: Path, facts: int) -> int:
    """Copy the store's documents and facts once per region until it holds at least ``facts`` facts;
    returns how many it holds. Copies get empty texts (their facts' spans point nowhere)."""
    con = duckdb.connect(str(db))
    con.execute("SET enable_progress_bar = false")   # a connection's own setting: DuckDB refuses it as a global one here
    try:
        base = con.execute("SELECT count(*) FROM facts").fetchone()[0]
        copies = max(0, -(-facts // base) - 1)
        con.execute("CREATE TEMP TABLE copies (code VARCHAR, name VARCHAR)")
        con.executemany("INSERT INTO copies VALUES (?, ?)", regions(copies))
        # hash(code) varies each region's values by -10%..+9%, so regions differ and rank
        con.execute("""
            INSERT INTO facts SELECT f.* REPLACE (
                f.doc_id || '-' || c.code AS doc_id, c.name AS region_name, c.code AS region_code,
                f.value * (1 + ((hash(c.code) % 20)::INTEGER - 10) / 100.0) AS value)
            FROM facts f CROSS JOIN copies c""")
        con.execute("""
            INSERT INTO documents SELECT d.* REPLACE (
                d.doc_id || '-' || c.code AS doc_id, 'synthetic/' || c.code || '/' || d.path AS path,
                c.name AS doc_region, c.code AS doc_region_code)
            FROM documents d CROSS JOIN copies c WHERE d.doc_id NOT LIKE '%-%'""")
        con.execute("INSERT INTO texts SELECT d.doc_id, '' FROM documents d WHERE d.path LIKE 'synthetic/%'")
        con.execute("INSERT INTO paths SELECT path, doc_id FROM documents WHERE path LIKE 'synthetic/%'")
        con.execute("CHECKPOINT")
        return con.execute("SELECT count(*) FROM facts").fetchone()[0]
    finally:
        con.close()


# ---------------------------------------------------------------------------------------------- report


def _first_paint(playwright, url: str):
    """(browser, page, seconds) of a fresh browser opening ``url`` until the tiles and the series
    chart are drawn and the script has finished."""
    browser = launch_browser(playwright)
    page = browser.new_page(locale="zh-CN", viewport={"width": 1400, "height": 1000})
    t = time.monotonic()
    page.goto(url)
    wait_until_drawn(page, "[data-testid='stMetricValue']", SERIES_CHART, timeout=120_000)
    return browser, page, time.monotonic() - t


def browser_timings(env: dict[str, str]) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    out: dict[str, float] = {}
    t0 = time.monotonic()
    with serve(env) as url, sync_playwright() as p:
        out["server up (s)"] = time.monotonic() - t0
        browser, page, out["first paint: tiles and series drawn (s)"] = _first_paint(p, url)
        # each view twice: the first visit queries the store, the return finds the answers cached
        for visit in ("first", "again"):
            for name, view_name in (("compare", "对比"), ("targets", "目标与实际"), ("coverage", "覆盖"),
                                    ("documents", "文档"), ("facts", "事实"), ("series", "指标")):
                t = time.monotonic()
                page.get_by_role("radio", name=view_name, exact=True).click()
                page.wait_for_url(re.compile(f"view={name}"), timeout=60_000)
                wait_until_drawn(page, VIEW_DRAWN.get(name, f".st-key-{name}_chart .main-svg"))
                out[f"view change to {name}, {visit} (s)"] = time.monotonic() - t
        t = time.monotonic()
        pick_option(page, "地区", "北京市")
        page.wait_for_url(re.compile("region=.*region="), timeout=60_000)
        wait_for_app(page)
        out["region added (s)"] = time.monotonic() - t
        t = time.monotonic()
        pick_indicator(page, "物价 · 居民消费价格")
        page.wait_for_url(re.compile("indicator=cpi"), timeout=60_000)
        wait_until_drawn(page, SERIES_CHART)
        out["indicator changed (s)"] = time.monotonic() - t
        # one the KPI tiles do not show: nothing of it is read or built ahead
        t = time.monotonic()
        pick_indicator(page, "农业农村 · 粮食产量")
        page.wait_for_url(re.compile("indicator=grain_output"), timeout=60_000)
        wait_until_drawn(page, SERIES_CHART)
        out["indicator changed, not a headline one (s)"] = time.monotonic() - t
        browser.close()
        # a new visitor on the running server: a fresh browser profile, the server's caches warm
        browser, _, out["first paint, next visitor (s)"] = _first_paint(p, url)
        browser.close()
    with serve(env, warmed=False) as url, sync_playwright() as p:
        browser, _, out["first paint, server not warmed (s)"] = _first_paint(p, url)
        browser.close()
    return out


def apptest_timings(env: dict[str, str]) -> dict[str, float]:
    from streamlit.testing.v1 import AppTest

    os.environ.update(env)
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    out: dict[str, float] = {}
    at = AppTest.from_file(str(APP), default_timeout=300)
    t = time.monotonic()
    at.run()
    out["script run, cold (s)"] = time.monotonic() - t
    t = time.monotonic()
    at.run()
    out["script run, warm (s)"] = time.monotonic() - t
    for visit in ("first", "again"):
        for view in ("compare", "targets", "coverage", "documents", "facts", "series"):
            t = time.monotonic()
            at.session_state["view"] = view
            at.run()
            out[f"view change to {view}, {visit} (s)"] = time.monotonic() - t
    t = time.monotonic()
    at.selectbox(key="indicator").set_value("cpi").run()
    out["indicator change, cold (s)"] = time.monotonic() - t
    t = time.monotonic()
    at.selectbox(key="indicator").set_value("grain_output").run()
    out["indicator change, not a headline one (s)"] = time.monotonic() - t
    assert not at.exception, at.exception
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=1_000_000, help="facts in the store (default 1,000,000)")
    parser.add_argument("--db", type=Path, help="the store to build, or reuse when it exists")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        if not db.exists():
            t = time.monotonic()
            demo_store(db)
            held = synthesise(db, args.facts)
            print(f"store {db}: {held:,} facts, built in {time.monotonic() - t:.1f} s")
        env = {"INDICATORS_DB": str(db)}
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        for key, value in apptest_timings(env).items():
            print(f"  AppTest  {key:<44} {value:8.3f}")
        if shutil.which(CHROMIUM) or Path(CHROMIUM).exists():
            for key, value in browser_timings(env).items():
                print(f"  browser  {key:<44} {value:8.3f}")
        else:
            print(f"  browser  skipped: {CHROMIUM} not installed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
