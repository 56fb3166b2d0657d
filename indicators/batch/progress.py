"""A one-line progress bar for a terminal: documents done, rate, facts so far."""

from __future__ import annotations

import time
from typing import TextIO

from ..pipeline import ProcessedDocument

_WIDTH = 24


class ProgressBar:
    """Called after each document (``ingest(progress=bar)``); redraws at most ten times a second."""

    def __init__(self, stream: TextIO, label: str = "ingest") -> None:
        self.stream = stream
        self.label = label
        self.started = time.monotonic()
        self.drawn = 0.0
        self.facts = 0
        self.failed = 0
        self.shown = False

    def __call__(self, done: int, total: int, doc: ProcessedDocument) -> None:
        self.facts += doc.document["facts"] or 0
        self.failed += not doc.ok
        now = time.monotonic()
        if done < total and now - self.drawn < 0.1:
            return
        self.drawn = now
        filled = _WIDTH * done // max(total, 1)
        rate = done / max(now - self.started, 1e-9)
        failed = f", {self.failed} failed" if self.failed else ""
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (_WIDTH - filled)}] {done:,}/{total:,} documents, "
                          f"{self.facts:,} facts{failed}, {rate:.1f}/s ")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        """End the bar's line, so what is printed next starts on its own."""
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
