"""Suite-wide fixtures."""

from __future__ import annotations

import sys

import pytest


@pytest.fixture(autouse=True)
def _main_module_restored():
    """Streamlit's AppTest leaves the app script installed as ``__main__``; a process started later by
    spawn or forkserver (the ingest's workers, a Dask cluster's nannies) would then try to import that
    deleted script and die. Each test gets the ``__main__`` it started with back."""
    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main
