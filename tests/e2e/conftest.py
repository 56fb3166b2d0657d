"""Real-browser fixtures: one dashboard server and one chromium for the whole session.

The browser is Debian's ``/usr/bin/chromium`` (never ``playwright install``); without it every test
here is skipped with the reason. Pages get locale zh-CN, since browsers format numbers by locale.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.bench_dashboard import CHROMIUM, launch_browser, serve, wait_for_app

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def pytest_collection_modifyitems(config, items):
    reason = None
    if not Path(CHROMIUM).exists():
        reason = f"{CHROMIUM} is not installed (apt-get install chromium fonts-noto-cjk)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "the playwright Python package is not installed"
    if reason:
        here = Path(__file__).resolve().parent
        for item in items:
            if here in Path(item.fspath).resolve().parents:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> str:
    """Base URL of the dashboard on a new store: its first start ingests the bundled demo corpus."""
    db = tmp_path_factory.mktemp("e2e-store") / "corpus.duckdb"
    with serve({"INDICATORS_DB": str(db)}) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch_browser(p)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(
        locale="zh-CN", timezone_id="Asia/Shanghai", accept_downloads=True, viewport={"width": 1400, "height": 1000}
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def open_app(page, server):
    """Open the dashboard at ``path`` (e.g. '/?view=compare') and wait until tiles and a chart show
    (the first test to open it waits for the demo corpus to be ingested)."""

    def _open(path: str = "/"):
        page.goto(server + path)
        page.wait_for_selector("[data-testid='stMetricValue']", timeout=120_000)
        page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=60_000)
        wait_for_app(page)
        return page

    return _open
