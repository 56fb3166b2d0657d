"""Start the dashboard warm: ``python -m indicators.app.launch [streamlit options]`` (what ``tasks.py run`` runs).

Streamlit runs the script only when a browser connects, so the first visitor after a start would
wait for the imports, the store's first queries and (on the very first start) the demo corpus's
ingest. Here the server is started, and as soon as it answers, its script is run once through
Streamlit's script health check: the modules are imported and the default view's answers cached
before anyone asks. The server's output is passed through unchanged.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "dashboard.py"
#: Options every start of the dashboard passes: the health check is what runs the script ahead.
WARM_OPTIONS = ("--server.scriptHealthCheckEnabled", "true")
#: Set in the environment of a server started here: a run in it with no browser connected is the
#: warm-up, which may wait for its read-ahead (AppTest runs have no browser either, and no such server).
WARMED_ENV = "INDICATORS_WARMED_SERVER"
# Where Streamlit says it listens: "Local URL: http://localhost:8501", or "URL: …" with --server.address
_SERVING = re.compile(r"^\s*(?:Local )?URL:\s*(http\S+)")


def command(*options: str, app: Path = APP) -> list[str]:
    """The command that serves the dashboard with ``options`` (Streamlit's ``--section.key value``)."""
    return [sys.executable, "-m", "streamlit", "run", str(app), *WARM_OPTIONS, *options]


def environment(base: dict[str, str]) -> dict[str, str]:
    """``base`` with ``WARMED_ENV`` set: the environment a server started here runs in."""
    return {**base, WARMED_ENV: "1"}


def healthy(url: str, timeout: float = 2) -> bool:
    """Whether the server at ``url`` answers its health endpoint."""
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=timeout) as r:
            return r.status == 200 and r.read().strip() == b"ok"
    except OSError:
        return False


def warm(url: str, timeout: float = 600) -> bool:
    """Run the dashboard's script once on the server at ``url`` (no browser); whether it ran cleanly."""
    try:
        with urllib.request.urlopen(url + "/_stcore/script-health-check", timeout=timeout) as r:
            return r.status == 200
    except OSError:
        return False


def _warm_when_up(url: str, deadline: float) -> None:
    while not healthy(url):
        if time.monotonic() > deadline:
            return
        time.sleep(0.1)
    started = time.monotonic()
    if warm(url):
        print(f"  Warmed: the dashboard ran once in {time.monotonic() - started:.1f} s; pages open from its cache.",
              flush=True)


def main(argv: list[str] | None = None) -> int:
    # unbuffered, so the server's address reaches this process (and the terminal) when it is printed
    proc = subprocess.Popen(command(*(sys.argv[1:] if argv is None else argv)), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace", bufsize=1,
                            env=environment({**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONIOENCODING": "utf-8"}))
    warming = None
    try:
        for line in proc.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            if not warming and (serving := _SERVING.match(line)):    # printed once it listens
                warming = threading.Thread(target=_warm_when_up, args=(serving[1].rstrip("/"), time.monotonic() + 60),
                                           daemon=True)
                warming.start()
    except KeyboardInterrupt:        # Ctrl-C: the server stops (it may have had the signal too)
        proc.terminate()
    while True:
        try:
            return proc.wait()
        except KeyboardInterrupt:
            proc.terminate()


if __name__ == "__main__":
    sys.exit(main())
