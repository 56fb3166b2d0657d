"""One document end to end: read it, cut it into chunks, extract each chunk, and hand back its rows
with offsets into the whole text. The CLI, the store, the dashboard and batch work all call this."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pandas as pd

from .engine.extract import extract
from .engine.metadata import ChunkState, read_document_meta
from .io import reader
from .io.reader import TEXT_SUFFIXES, ReadError

DEFAULT_CHUNK_CHARS = 1_000_000


class FrameSink(Protocol):
    def write(self, frame: pd.DataFrame) -> None: ...


@dataclass
class FileResult:
    facts: int = 0
    chars: int = 0
    warnings: list[str] = field(default_factory=list)


def _shift(frame: pd.DataFrame, offset: int, source: str) -> pd.DataFrame:
    """Offsets of a chunk's facts made relative to the whole text; source set to the file."""
    if not len(frame):
        return frame
    frame = frame.copy()
    if offset:
        frame["start"] = frame["start"] + offset
        frame["end"] = frame["end"] + offset
    frame["source"] = source
    return frame


def iter_text(path: Path, chunk_chars: int = DEFAULT_CHUNK_CHARS, notes: list[str] | None = None):
    """Yield ``(offset, text)`` pieces of a document's text: chunks for text files, else one piece.

    The pieces joined are exactly the text whose offsets the extracted facts refer to.
    """
    if path.suffix.lower() in TEXT_SUFFIXES:
        yield from reader.iter_text_chunks(path, chunk_chars, notes=notes)
        return
    doc = reader.load_path(path)
    if notes is not None:
        notes.extend(doc.warnings)
    yield 0, doc.text


def display_name(path: Path | str) -> str:
    """The path as text; bytes that are not UTF-8 in a file name become U+FFFD (tables need text)."""
    return os.fsencode(path).decode("utf-8", "replace")


def extract_file(
    path: Path, writer: FrameSink, chunk_chars: int = DEFAULT_CHUNK_CHARS, source: str | None = None,
    given: Mapping[str, str] | None = None,
) -> FileResult:
    """Extract the facts of one document into ``writer``; raise ReadError when it fails.

    ``given`` is what the caller says the document is (date, region, kind: ``--doc-date``, a
    ``metadata.csv``); what it does not give is read from the document's beginning."""
    source = display_name(path) if source is None else source
    result = FileResult()
    state = ChunkState()  # carries the article headline (and more) from one chunk to the next
    doc = None
    for offset, text in iter_text(path, chunk_chars, result.warnings):
        result.chars = offset + len(text)
        if doc is None:
            try:
                doc = read_document_meta(text, source, **(given or {}))
            except ValueError as exc:
                raise ReadError(str(path), f"bad metadata: {exc}") from exc
        try:
            frame = extract(text, source=source, doc=doc, state=state)
        except Exception as exc:
            where = f" at character {offset}" if offset else ""
            kept = f" ({result.facts} facts before it were kept)" if result.facts else ""
            raise ReadError(
                str(path), f"extraction failed{where}{kept}: {type(exc).__name__}: {exc}"
            ) from exc
        frame = _shift(frame, offset, source)
        writer.write(frame)
        result.facts += len(frame)
    return result

