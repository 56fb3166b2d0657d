"""One reader for the case tables under tests/tables/ (format in tests/tables/README.md).

Tab-separated, one case a line, ``#`` starts a comment line, ``-`` is an empty field. Each case becomes a
``pytest.param`` whose id is ``file.tsv:LINE``, so a failure names the line to open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

TABLES = Path(__file__).parent / "tables"


def table_rows(name: str, width: int) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of each case line of ``tests/tables/NAME``; ``-`` read as ``""``."""
    for number, line in enumerate((TABLES / name).read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [("" if field == "-" else field) for field in line.split("\t")]
        assert len(fields) == width, f"{name}:{number}: {width} tab-separated fields expected, got {len(fields)}"
        yield number, fields


def table_params(name: str, width: int, build: Callable[..., tuple] | None = None) -> list:
    """Every case of ``tests/tables/NAME`` as a ``pytest.param`` (its fields, or ``build(*fields)``)."""
    return [pytest.param(*(build(*fields) if build else fields), id=f"{name}:{number}")
            for number, fields in table_rows(name, width)]
