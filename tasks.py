#!/usr/bin/env python3
"""Set up the project's virtual environment and run it: needs nothing but python3.

    python3 tasks.py run      # the dashboard (streamlit) on http://localhost:8501
    python3 tasks.py test     # ruff + the whole pytest suite
    python3 tasks.py bench    # extraction speed and peak memory
    python3 tasks.py bench-dashboard   # dashboard first paint and filter changes (needs chromium)
    python3 tasks.py bench-corpus      # the corpus store: ingest, re-ingest, size, queries, Dask cluster

The virtual environment lives in .venv/ and is (re)installed whenever pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".installed-from"


def _python() -> str:
    return str(BIN / "python")


def ensure_venv() -> None:
    """Create .venv and install the package with its dev extras, once per pyproject.toml version."""
    if not (BIN / "python").exists():
        print("creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted and (BIN / "indicators").exists():
        return
    print("installing the project into .venv ...", flush=True)
    subprocess.run([_python(), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([_python(), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[dev]"], check=True)
    STAMP.write_text(wanted)


def run(cmd: list[str]) -> int:
    proc = subprocess.Popen(cmd, cwd=ROOT)
    while True:
        try:
            return proc.wait()
        except KeyboardInterrupt:    # Ctrl-C: passed on (a terminal sends it to both), then wait for the child to stop
            proc.send_signal(signal.SIGINT)


def main(argv: list[str]) -> int:
    task = argv[0] if argv else "help"
    rest = argv[1:]
    if task not in {"run", "test", "bench", "bench-dashboard", "bench-corpus", "setup"}:
        print(__doc__)
        return 0 if task == "help" else 2
    ensure_venv()
    if task == "setup":
        return 0
    if task == "run":
        return run([_python(), "-m", "indicators.app.launch", *rest])   # streamlit run dashboard.py, warmed
    if task == "bench":
        return run([_python(), "-m", "benchmarks.bench", *rest])
    if task == "bench-dashboard":
        return run([_python(), "-m", "benchmarks.bench_dashboard", *rest])
    if task == "bench-corpus":
        return run([_python(), "-m", "benchmarks.bench_corpus", *rest])
    lint = run([str(BIN / "ruff"), "check", "."])
    tests = run([_python(), "-m", "pytest", *rest])
    return lint or tests


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
