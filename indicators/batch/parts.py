"""Documents and their facts as Parquet parts: what a Dask worker sends back, what waits in the
staging folder until the store has it, and what a data lake (``--parquet DIR``) keeps.

A folder of parts is laid out as a dataset any Parquet reader opens whole::

    DIR/facts/part-….parquet       the fact table's columns and doc_id (typed even when empty)
    DIR/documents/part-….parquet   the documents table's columns and each document's text

Both files of a part are written whole (a temporary name, then a rename); the documents file is
written second, so a part whose documents file exists is complete, and a reader that lists
``documents/`` never meets facts whose document it cannot see.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..io.writer import arrow_schema, to_parquet_part, write_part
from ..pipeline import (
    DOCUMENT_COLUMNS,
    DOCUMENT_COUNT_COLUMNS,
    DOCUMENT_TIME_COLUMNS,
    FACT_COLUMNS,
    ProcessedDocument,
    empty_facts,
)

FACTS_DIR, DOCUMENTS_DIR = "facts", "documents"
_DOCUMENT_TYPES = {**dict.fromkeys(DOCUMENT_COUNT_COLUMNS, pa.int64()),
                   **dict.fromkeys(DOCUMENT_TIME_COLUMNS, pa.timestamp("us"))}
#: The documents of a part: the store's documents columns, then the text the facts point into.
DOCUMENT_SCHEMA = pa.schema(
    [pa.field(name, _DOCUMENT_TYPES.get(name, pa.string())) for name in (*DOCUMENT_COLUMNS, "text")]
)
FACT_SCHEMA = arrow_schema(FACT_COLUMNS)


@dataclass
class Part:
    """Some documents extracted together, as two Parquet files held in memory."""

    facts: bytes
    documents: bytes

    @classmethod
    def of(cls, docs: list[ProcessedDocument]) -> Part:
        frames = [d.facts for d in docs if len(d.facts)]
        facts = pd.concat(frames, ignore_index=True) if frames else empty_facts()
        rows = pd.DataFrame([d.document | {"text": d.text} for d in docs], columns=DOCUMENT_SCHEMA.names)
        return cls(to_parquet_part(facts, FACT_SCHEMA), to_parquet_part(rows, DOCUMENT_SCHEMA))

    def document_rows(self) -> list[dict]:
        """The documents' rows (with their text), in the order they were extracted."""
        return pq.read_table(io.BytesIO(self.documents)).to_pylist()

    def processed(self) -> list[ProcessedDocument]:
        """The documents as the pipeline handed them over, each with its own facts (a slice: a
        document's facts lie together, in the order of the documents, ``facts`` rows each)."""
        facts = pq.read_table(io.BytesIO(self.facts)).to_pandas()
        docs = []
        start = 0
        for row in self.document_rows():
            text = row.pop("text")
            end = start + row["facts"]
            docs.append(ProcessedDocument(row, facts.iloc[start:end], text))
            start = end
        if start != len(facts):
            raise ValueError(f"a part with {len(facts)} facts whose documents count {start}")
        return docs

    def write(self, directory: str | os.PathLike, name: str) -> None:
        """Put the part into ``directory`` (a folder or an fsspec URL) under ``name``; facts first."""
        write_part(self.facts, _join(directory, FACTS_DIR), f"{name}.parquet")
        write_part(self.documents, _join(directory, DOCUMENTS_DIR), f"{name}.parquet")


def _join(directory: str | os.PathLike, child: str) -> str:
    return f"{os.fspath(directory).rstrip('/')}/{child}"


def complete_parts(directory: Path) -> list[str]:
    """Names of the complete parts in a local folder, oldest name first."""
    folder = directory / DOCUMENTS_DIR
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.parquet") if (directory / FACTS_DIR / p.name).is_file())


def read_part(directory: Path, name: str) -> Part:
    return Part((directory / FACTS_DIR / f"{name}.parquet").read_bytes(),
                (directory / DOCUMENTS_DIR / f"{name}.parquet").read_bytes())


def lake_documents(directory: str | os.PathLike) -> list[dict]:
    """The documents rows (without their text) of every complete part under ``directory`` (a folder
    or an fsspec URL), oldest part first; none for a folder that does not exist yet."""
    import fsspec  # fsspec loads slowly; only a lake without a store needs it

    fs, root = fsspec.core.url_to_fs(os.fspath(directory))
    rows: list[dict] = []
    for path in sorted(fs.glob(f"{root.rstrip('/')}/{DOCUMENTS_DIR}/*.parquet")):
        with fs.open(path, "rb") as fh:
            rows.extend(pq.read_table(fh, columns=list(DOCUMENT_COLUMNS)).to_pylist())
    return rows


def remove_part(directory: Path, name: str) -> None:
    """Drop a part that the store now holds: its documents file first, so no half part looks whole."""
    for child in (DOCUMENTS_DIR, FACTS_DIR):
        (directory / child / f"{name}.parquet").unlink(missing_ok=True)
