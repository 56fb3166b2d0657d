"""One document end to end: read it, cut it into chunks, extract each chunk with the document's
context carried from one chunk to the next, and hand back its rows with offsets into the whole text.
The CLI, the store, the dashboard and batch work all call this.

    extract_file(path, writer)            a file streamed chunk by chunk into a table writer (bounded memory)
    process_document(source, data)        a document's bytes in, its document row, facts and text out;
                                          never raises for a bad document (status "error" says why)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pandas as pd

from .engine.extract import extract
from .engine.metadata import ChunkState, DocumentMeta, read_document_meta
from .io import reader
from .io.reader import TEXT_SUFFIXES, ReadError
from .schema import COLUMNS, empty_table

DEFAULT_CHUNK_CHARS = 1_000_000
FACT_COLUMNS: tuple[str, ...] = (*COLUMNS, "doc_id")    # a stored fact: the fact table's columns and its document
DOCUMENT_COLUMNS: tuple[str, ...] = (
    "doc_id",          # sha256 of the document's bytes (hex)
    "path",            # where it was read from (file path or URL)
    "title",
    "doc_date",        # ISO date, reduced (2025-03, 2025) when that is all that is known
    "doc_region",      # the region the document is about (全国, 安徽省 …)
    "doc_region_code",
    "doc_kind",        # one of schema.DOC_KINDS
    "characters",      # length of its text
    "bytes",           # size of the file
    "facts",           # number of facts extracted
    "engine_version",  # ENGINE_VERSION of the extraction
    "status",          # ok | error
    "error",           # why it failed ("" when ok)
    "warnings",        # what the reader repaired, one note per line
    "ingested_at",     # when it was extracted (UTC)
)
#: The documents table's columns that are not text: counts, and the time of extraction.
DOCUMENT_COUNT_COLUMNS = frozenset({"characters", "bytes", "facts"})
DOCUMENT_TIME_COLUMNS = frozenset({"ingested_at"})

_PACKAGE = Path(__file__).resolve().parent
# What the extraction depends on: a change to any of these may change the facts of a document.
_ENGINE_SOURCES = ("engine", "lang", "schema.py", "pipeline.py", "io/reader.py")


def _engine_version() -> str:
    digest = hashlib.sha256()
    for name in _ENGINE_SOURCES:
        root = _PACKAGE / name
        files = [root] if root.is_file() else sorted(
            p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in files:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


#: Changes whenever the code or data the extraction depends on change; a stored document extracted
#: by another version is extracted again on the next ingest.
ENGINE_VERSION: str = _engine_version()


class FrameSink(Protocol):
    def write(self, frame: pd.DataFrame) -> None: ...


@dataclass
class FileResult:
    facts: int = 0
    chars: int = 0
    warnings: list[str] = field(default_factory=list)
    meta: DocumentMeta | None = None


@dataclass
class ProcessedDocument:
    """One document extracted: its row of the documents table, its facts and the text they point into."""

    document: dict          # DOCUMENT_COLUMNS
    facts: pd.DataFrame     # FACT_COLUMNS, typed even when empty
    text: str               # the text whose [start:end] are the facts' mentions ("" on error)

    @property
    def ok(self) -> bool:
        return self.document["status"] == "ok"


def empty_facts() -> pd.DataFrame:
    frame = empty_table()
    frame["doc_id"] = pd.Series([], dtype=str)
    return frame


def document_id(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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


CONTEXT_CHARS = 3000        # text before a chunk read again with it, for the context its first paragraphs need
_HEAD_CHARS = 500           # a title block longer than this is not one


def _head(text: str) -> str:
    """The document's title block (up to its first blank line): what the title period and issuer come from."""
    end = text.find("\n\n", 0, _HEAD_CHARS)
    return text[:end] if end > 0 else ""


def _context_before(head: str, section: str, before: str, before_offset: int) -> str:
    """What the engine reads before a chunk: the document's title block, the headline of the
    article the chunk begins in (when it lies further back), then the last paragraphs before the
    chunk (``before`` is the text just before it, starting at ``before_offset``)."""
    if before_offset <= len(head):           # all the text before the chunk is at hand: read it as it is
        return head[:before_offset] + before
    cut = before.find("\n\n")
    cut = cut + 2 if cut >= 0 else before.find("\n") + 1
    tail = before[cut:] if cut > 0 else ""   # starts at a paragraph (or line) break, never mid-sentence
    headline = section if section and section != head and section not in tail else ""
    return "\n\n".join(part for part in (head, headline, tail) if part)


def _extract_pieces(pieces: Iterable[tuple[int, str]], source: str, name: str, result: FileResult,
                    given: Mapping[str, str] | None) -> Iterator[pd.DataFrame]:
    """The facts of a document's text pieces, one frame per piece, offsets into the whole text.

    The document's metadata (date, region, kind) is read once from its beginning and holds for
    every piece; the article and report part a piece ends in are handed to the next; and each piece
    is read after the document's title block, its article's headline and the end of the piece
    before it, so a title period (2023年…统计公报) or a paragraph's place governs the facts past a
    cut. Only the facts of the piece itself are kept. A document shorter than a chunk is read whole.
    (What the engine counts over a whole document, such as the place a news page names most, is
    counted per piece.)"""
    state = ChunkState()
    head = before = ""                   # the title block; the last CONTEXT_CHARS of text read
    for offset, text in pieces:
        result.chars = offset + len(text)
        if result.meta is None:
            try:
                result.meta = read_document_meta(text, source, **(given or {}))
            except ValueError as exc:
                raise ReadError(name, f"bad metadata: {exc}") from exc
            head = _head(text)
        context = _context_before(head, state.section, before, offset - len(before)) if offset else ""
        try:
            frame = extract(context + text, source=source, doc=result.meta, state=state)
        except Exception as exc:
            where = f" at character {offset}" if offset else ""
            kept = f" ({result.facts} facts before it were kept)" if result.facts else ""
            raise ReadError(name, f"extraction failed{where}{kept}: {type(exc).__name__}: {exc}") from exc
        if context:
            frame = frame[frame["start"] >= len(context)].reset_index(drop=True)
        frame = _shift(frame, offset - len(context), source)
        result.facts += len(frame)
        before = (before + text)[-CONTEXT_CHARS:]
        yield frame


def extract_file(
    path: Path, writer: FrameSink, chunk_chars: int = DEFAULT_CHUNK_CHARS, source: str | None = None,
    given: Mapping[str, str] | None = None,
) -> FileResult:
    """Extract the facts of one document into ``writer``; raise ReadError when it fails.

    ``given`` is what the caller says the document is (date, region, kind: ``--doc-date``, a
    ``metadata.csv``); what it does not give is read from the document's beginning."""
    source = display_name(path) if source is None else source
    result = FileResult()
    for frame in _extract_pieces(iter_text(path, chunk_chars, result.warnings), source, str(path), result, given):
        writer.write(frame)
    return result


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def failed_document(source: str, reason: str, data: bytes | None = None) -> ProcessedDocument:
    """The record of a document that could not be read or extracted. A file whose bytes could not be
    read at all is named by a hash of its path (there is no content to hash)."""
    doc_id = document_id(data) if data is not None else document_id(b"unreadable\0" + source.encode("utf-8", "replace"))
    row = dict.fromkeys(DOCUMENT_COLUMNS, "")
    row.update(doc_id=doc_id, path=source, characters=0, bytes=len(data) if data is not None else 0, facts=0,
               engine_version=ENGINE_VERSION, status="error", error=reason, ingested_at=_now())
    return ProcessedDocument(row, empty_facts(), "")


def process_document(source: str, data: bytes, *, given: Mapping[str, str] | None = None,
                     chunk_chars: int = DEFAULT_CHUNK_CHARS) -> ProcessedDocument:
    """Read, chunk and extract one document given as bytes (``source``'s suffix says its type).

    Never raises for a bad document: the result's ``document["status"]`` is "error" and
    ``document["error"]`` the reason (unreadable, empty, bad metadata, extraction failed)."""
    doc_id = document_id(data)
    result = FileResult()
    try:
        loaded = reader.load_bytes(source, data)
        result.warnings.extend(loaded.warnings)
        frames = list(_extract_pieces(reader.split_text(loaded.text, chunk_chars), source, source, result, given))
    except ReadError as exc:
        return failed_document(source, exc.reason, data)
    except MemoryError:
        return failed_document(source, "out of memory", data)
    except Exception as exc:  # a bug must not cost the other documents their facts
        return failed_document(source, f"internal error: {type(exc).__name__}: {exc}", data)
    frames = [f for f in frames if len(f)]
    facts = pd.concat(frames, ignore_index=True).assign(doc_id=doc_id) if frames else empty_facts()
    meta = result.meta or DocumentMeta()
    row = {
        "doc_id": doc_id, "path": source, "title": meta.title, "doc_date": meta.date,
        "doc_region": meta.region_name, "doc_region_code": meta.region_code, "doc_kind": meta.kind,
        "characters": len(loaded.text), "bytes": len(data), "facts": len(facts),
        "engine_version": ENGINE_VERSION, "status": "ok", "error": "",
        "warnings": "\n".join(result.warnings), "ingested_at": _now(),
    }
    return ProcessedDocument(row, facts[list(FACT_COLUMNS)], loaded.text)
