"""How fast the dashboard is: first paint after the server is up, a filter change, and both with 100 documents.

    .venv/bin/python -m benchmarks.bench_dashboard            # the report (needs /usr/bin/chromium)
    .venv/bin/python -m benchmarks.bench_dashboard --docs 50  # another document count

A report, not a test: numbers depend on the machine. It measures two ways:

* in a real browser (Playwright driving Debian's chromium, a fresh profile, so nothing is cached):
  from ``page.goto`` until the KPI tiles show (first paint) and until the charts are drawn and the
  script has finished (complete); from picking a topic until the fact count has changed;
* in-process with ``AppTest`` (no browser, no network): one script run cold, then warm, then after a
  filter change. This part needs no chromium.

The server helpers here (``serve``, ``wait_for_app``) are also what the browser tests use.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dashboard.py"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
COUNT = re.compile(r"显示 (\d+) / (\d+) 条事实")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
            return r.status == 200 and r.read().strip() == b"ok"
    except OSError:
        return False


@contextlib.contextmanager
def serve(env: dict[str, str] | None = None, timeout: float = 90) -> Iterator[str]:
    """Run ``streamlit run dashboard.py`` on a free local port; yields its base URL once healthy."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: a chatty server can never block
        proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=log, stderr=log)
        try:
            deadline = time.monotonic() + timeout
            while not _healthy(url):
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"streamlit did not come up on {url}:\n{log.read().decode(errors='replace')}")
                time.sleep(0.1)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def wait_for_app(page, timeout: float = 60_000) -> None:
    """Wait until the page is connected and the script has finished running."""
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=timeout)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)


def fact_count(page) -> tuple[int, int]:
    """(shown, total) from the '显示 N / M 条事实' caption."""
    m = COUNT.search(page.get_by_text(COUNT).first.inner_text())
    assert m, "no fact count on the page"
    return int(m[1]), int(m[2])


def pick_option(page, widget_label: str, option: str) -> None:
    """Choose ``option`` in the sidebar multiselect labelled ``widget_label``."""
    box = page.locator("[data-testid='stMultiSelect']").filter(has_text=widget_label)
    box.locator("input").click()
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")


def launch_browser(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


# ---------------------------------------------------------------------------------------------- report


def make_documents(directory: Path, n: int) -> None:
    """``n`` distinct documents made from the samples (a numbered headline keeps every text unique)."""
    samples = sorted((ROOT / "data").glob("*.txt"))
    for i in range(n):
        text = samples[i % len(samples)].read_text("utf-8")
        (directory / f"doc_{i:03d}.txt").write_text(f"第{i + 1}号材料\n\n{text}", "utf-8")


def browser_timings(env: dict[str, str]) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    out: dict[str, float] = {}
    t0 = time.monotonic()
    with serve(env) as url, sync_playwright() as p:
        out["server up (s)"] = time.monotonic() - t0
        browser = launch_browser(p)
        page = browser.new_page(locale="zh-CN", viewport={"width": 1400, "height": 1000})
        t = time.monotonic()
        page.goto(url)
        page.wait_for_selector("[data-testid='stMetricValue']", timeout=120_000)
        out["first paint: tiles (s)"] = time.monotonic() - t
        page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=120_000)
        wait_for_app(page, 120_000)
        out["complete: charts drawn (s)"] = time.monotonic() - t
        before = fact_count(page)
        t = time.monotonic()
        pick_option(page, "主题", "投资与项目")
        page.wait_for_function(
            "n => !document.body.innerText.includes(n)", arg=f"显示 {before[0]} / {before[1]}", timeout=60_000
        )
        wait_for_app(page)
        out["filter change (s)"] = time.monotonic() - t
        t = time.monotonic()
        page.reload()
        page.wait_for_selector("[data-testid='stMetricValue']", timeout=120_000)
        wait_for_app(page)
        out["reload, cached (s)"] = time.monotonic() - t
        out["facts"] = float(fact_count(page)[1])
        browser.close()
    return out


def apptest_timings(env: dict[str, str]) -> dict[str, float]:
    from streamlit.testing.v1 import AppTest

    os.environ.update(env)
    import streamlit as st

    st.cache_data.clear()
    out: dict[str, float] = {}
    at = AppTest.from_file(str(APP), default_timeout=300)
    t = time.monotonic()
    at.run()
    out["script run, cold (s)"] = time.monotonic() - t
    t = time.monotonic()
    at.run()
    out["script run, warm (s)"] = time.monotonic() - t
    t = time.monotonic()
    at.multiselect(key="topic").select("investment").run()
    out["filter change (s)"] = time.monotonic() - t
    assert not at.exception, at.exception
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100, help="documents in the large run (default 100)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        many = Path(tmp)
        make_documents(many, args.docs)
        setups = {
            "sample (data/)": {"INDICATORS_DATA_DIR": str(ROOT / "data")},
            f"{args.docs} documents": {"INDICATORS_DATA_DIR": str(many)},
        }
        for name, env in setups.items():
            print(f"== {name}")
            for key, value in apptest_timings(env).items():
                print(f"  AppTest  {key:<28} {value:8.3f}")
            if shutil.which(CHROMIUM) or Path(CHROMIUM).exists():
                for key, value in browser_timings(env).items():
                    print(f"  browser  {key:<28} {value:8.3f}")
            else:
                print(f"  browser  skipped: {CHROMIUM} not installed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
