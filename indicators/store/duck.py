"""The store's tables in DuckDB and the one way documents get in (see the package docstring)."""

from __future__ import annotations

import os
import random
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from ..pipeline import (
    DOCUMENT_COLUMNS,
    DOCUMENT_COUNT_COLUMNS,
    DOCUMENT_TIME_COLUMNS,
    FACT_COLUMNS,
    ProcessedDocument,
)
from ..schema import OFFSET_COLUMNS, VALUE_COLUMNS

#: Bumped whenever a table changes shape; a store of another version is refused on open.
SCHEMA_VERSION = 1
DEFAULT_TIMEOUT = 60.0            # seconds to wait for another process to let go of the file
_MAX_PAUSE = 0.2                  # longest pause between two tries: short, so a writer is not starved by readers
# Facts are kept in this order, so the facts of one indicator (and region) lie together: a query reads
# few blocks instead of a piece of every block. Saved batches are sorted; optimise() sorts the table.
FACT_ORDER = "indicator_id, region_code, period_start, doc_id, start"
OPTIMISE_MIN_FACTS = 100_000      # below this, queries are fast in any order
OPTIMISE_UNSORTED_SHARE = 0.25    # sort again when this share of the facts came after the last sort


def _fact_type(name: str) -> str:
    return "BIGINT" if name in OFFSET_COLUMNS else "DOUBLE" if name in VALUE_COLUMNS else "VARCHAR"


_DOCUMENT_TYPES = {**dict.fromkeys(DOCUMENT_COUNT_COLUMNS, "BIGINT"), **dict.fromkeys(DOCUMENT_TIME_COLUMNS, "TIMESTAMP")}

_TABLES = (
    "CREATE TABLE store_meta (key VARCHAR, value VARCHAR)",
    # one row per distinct content; path is where it was last saved from
    "CREATE TABLE documents (" + ", ".join(f'"{c}" {_DOCUMENT_TYPES.get(c, "VARCHAR")}' for c in DOCUMENT_COLUMNS) + ")",
    # every path ingested and the content it had when last read
    "CREATE TABLE paths (path VARCHAR, doc_id VARCHAR)",
    "CREATE TABLE texts (doc_id VARCHAR, text VARCHAR)",
    "CREATE TABLE facts (" + ", ".join(f'"{c}" {_fact_type(c)}' for c in FACT_COLUMNS) + ")",
)


class StoreError(Exception):
    """The store cannot be used: not a store, another schema version, damaged."""


class StoreBusy(StoreError):
    """Another process held the store for longer than the caller was willing to wait."""


def _is_lock_conflict(exc: Exception) -> bool:
    return "lock" in str(exc).lower()


def _holder(exc: Exception) -> str:
    """'python (PID 1234)' from DuckDB's message, when it says."""
    text = str(exc)
    at = text.find("held in ")
    return text[at + len("held in "):].split(". See")[0].strip() if at >= 0 else ""


def connect(path: str | os.PathLike, *, read_only: bool, timeout: float = DEFAULT_TIMEOUT) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB file, waiting (with growing, jittered pauses) while another process holds it,
    or another thread of this process holds it the other way (for writing when we read, or back)."""
    deadline = time.monotonic() + timeout
    pause = 0.02
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            con.execute("SET enable_progress_bar = false")    # DuckDB's own bar would write to stdout
            return con
        except duckdb.IOException as exc:
            if not _is_lock_conflict(exc):
                raise StoreError(f"{path}: cannot open: {exc}") from exc
            if time.monotonic() >= deadline:
                holder = _holder(exc)
                raise StoreBusy(
                    f"{path}: in use by another process{f' ({holder})' if holder else ''} for more than "
                    f"{timeout:g}s (an ingest saving documents, or a program keeping it open); try again later"
                ) from exc
        except duckdb.ConnectionException as exc:     # this process has it open with the other mode
            if time.monotonic() >= deadline:
                raise StoreBusy(f"{path}: this process keeps the store open "
                                f"{'for writing' if read_only else 'for reading'} (close that Store first)") from exc
        except duckdb.Error as exc:
            raise StoreError(f"{path}: not a corpus store or damaged: {exc}") from exc
        time.sleep(pause * (0.5 + random.random()))
        pause = min(pause * 2, _MAX_PAUSE)


class Store:
    """A corpus store opened for reading or writing; use as a context manager.

        with Store.open("corpus.duckdb") as store:
            store.save(process_document("a.txt", data))
    """

    def __init__(self, path: Path, con: duckdb.DuckDBPyConnection, read_only: bool) -> None:
        self.path = path
        self.con = con
        self.read_only = read_only

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | os.PathLike, *, read_only: bool = False, timeout: float = DEFAULT_TIMEOUT) -> Store:
        """Open (for writing: create when missing) the store at ``path``; raise StoreError when it is
        not a store of this schema version, StoreBusy when another process keeps it past ``timeout``."""
        path = Path(path)
        if read_only and not path.exists():
            raise StoreError(f"{path}: no such store (create it with `indicators ingest ... --db {path}`)")
        con = connect(path, read_only=read_only, timeout=timeout)
        store = cls(path, con, read_only)
        try:
            store._check_schema()
        except BaseException:
            con.close()
            raise
        return store

    def _check_schema(self) -> None:
        tables = {row[0] for row in self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        if not tables:
            if self.read_only:
                raise StoreError(f"{self.path}: an empty database, not a corpus store yet (run `indicators ingest`)")
            self._create()
            return
        if "store_meta" not in tables:
            raise StoreError(f"{self.path}: a DuckDB database, but not a corpus store (no store_meta table)")
        row = self.con.execute("SELECT value FROM store_meta WHERE key = 'schema_version'").fetchone()
        found = int(row[0]) if row else None
        if found != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: made with store schema version {found}, this version of indicators reads "
                f"version {SCHEMA_VERSION}: ingest the documents into a new store (or delete this file)"
            )

    def _create(self) -> None:
        with self.transaction():
            for statement in _TABLES:
                self.con.execute(statement)
            self.con.execute("INSERT INTO store_meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # ------------------------------------------------------------------ what is stored

    def known(self) -> dict[str, tuple[str, str]]:
        """path -> (doc_id, engine_version) of every path whose document was extracted without error:
        what an ingest may skip when the file's hash and the engine are unchanged."""
        rows = self.con.execute(
            "SELECT p.path, d.doc_id, d.engine_version FROM paths p JOIN documents d USING (doc_id) "
            "WHERE d.status = 'ok'").fetchall()
        return {path: (doc_id, version) for path, doc_id, version in rows}

    def stored_versions(self) -> dict[str, str]:
        """doc_id -> engine_version of every document extracted without error (a copy or a renamed
        file needs no extraction, only its path)."""
        return dict(self.con.execute("SELECT doc_id, engine_version FROM documents WHERE status = 'ok'").fetchall())

    def stored_metadata(self) -> dict[str, tuple[str, str, str]]:
        """doc_id -> (doc_date, doc_region, doc_kind) of every document extracted without error: what
        an ingest compares with the metadata it is given (``--doc-*``, a metadata.csv)."""
        rows = self.con.execute(
            "SELECT doc_id, doc_date, doc_region, doc_kind FROM documents WHERE status = 'ok'").fetchall()
        return {doc_id: (date or "", region or "", kind or "") for doc_id, date, region, kind in rows}

    def counts(self) -> dict[str, int]:
        one = self.con.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM documents WHERE status = 'error'), "
            "(SELECT count(*) FROM facts), (SELECT count(*) FROM paths)").fetchone()
        return dict(zip(("documents", "errors", "facts", "paths"), one, strict=True))

    # ------------------------------------------------------------------ saving

    def save(self, doc: ProcessedDocument) -> None:
        """Save one document: its row, its facts and its text in one transaction, replacing what the
        store held for that content and for that path (a changed file loses its old facts)."""
        self.save_many([doc])

    def save_many(self, docs: Iterable[ProcessedDocument]) -> None:
        """Save documents in one transaction: all of them or (on a crash) none."""
        docs = list(docs)
        if not docs:
            return
        by_path = {d.document["path"]: d for d in docs}          # a path saved twice: the last wins
        docs = list({d.document["doc_id"]: d for d in by_path.values()}.values())
        rows = pd.DataFrame([d.document for d in docs], columns=list(DOCUMENT_COLUMNS))
        rows["ingested_at"] = pd.to_datetime(rows["ingested_at"])
        paths = pd.DataFrame({"path": list(by_path), "doc_id": [d.document["doc_id"] for d in by_path.values()]})
        texts = pd.DataFrame({"doc_id": [d.document["doc_id"] for d in docs], "text": [d.text for d in docs]})
        fact_frames = [d.facts for d in docs if len(d.facts)]
        con = self.con
        with self.transaction():
            con.register("new_documents", rows)
            con.register("new_texts", texts)
            self._point(paths, also_drop="SELECT doc_id FROM new_documents")
            con.execute("INSERT INTO documents BY NAME SELECT * FROM new_documents")
            con.execute("INSERT INTO texts BY NAME SELECT * FROM new_texts")
            if fact_frames:
                facts = pd.concat(fact_frames, ignore_index=True)[list(FACT_COLUMNS)]
                con.register("new_facts", facts)
                con.execute(f"INSERT INTO facts BY NAME SELECT * FROM new_facts ORDER BY {FACT_ORDER}")
                con.unregister("new_facts")
            for name in ("new_documents", "new_texts"):
                con.unregister(name)

    def link_many(self, links: Iterable[tuple[str, str]]) -> None:
        """Record in one transaction that each path holds content already stored (a copy, a renamed
        file): ``(path, doc_id)`` pairs."""
        pairs = dict(links)
        if pairs:
            with self.transaction():
                self._point(pd.DataFrame({"path": list(pairs), "doc_id": list(pairs.values())}))

    def link(self, path: str, doc_id: str) -> None:
        self.link_many([(path, doc_id)])

    def _point(self, paths: pd.DataFrame, also_drop: str = "") -> None:
        """Point each path at its content (inside a transaction), dropping the documents no path
        points at any more, and those ``also_drop`` selects (about to be saved again)."""
        con = self.con
        con.register("new_paths", paths)
        con.execute("CREATE TEMP TABLE replaced AS SELECT DISTINCT doc_id FROM paths "
                    "WHERE path IN (SELECT path FROM new_paths) AND doc_id NOT IN (SELECT doc_id FROM new_paths)")
        con.execute("DELETE FROM paths WHERE path IN (SELECT path FROM new_paths)")
        con.execute("INSERT INTO paths SELECT path, doc_id FROM new_paths")
        con.execute("DELETE FROM replaced WHERE doc_id IN (SELECT doc_id FROM paths)")
        if also_drop:
            con.execute(f"INSERT INTO replaced {also_drop}")
        for table in ("facts", "texts", "documents"):
            con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM replaced)")
        con.execute("DROP TABLE replaced")
        con.unregister("new_paths")

    # ------------------------------------------------------------------ keeping queries fast

    def unsorted_facts(self) -> int:
        """How many facts were saved since the table was last sorted (an estimate after deletions)."""
        total = self.con.execute("SELECT count(*) FROM facts").fetchone()[0]
        row = self.con.execute("SELECT value FROM store_meta WHERE key = 'facts_sorted'").fetchone()
        return max(total - (int(row[0]) if row else 0), 0)

    def needs_optimising(self) -> bool:
        total = self.con.execute("SELECT count(*) FROM facts").fetchone()[0]
        return total >= OPTIMISE_MIN_FACTS and self.unsorted_facts() > OPTIMISE_UNSORTED_SHARE * total

    def optimise(self) -> None:
        """Rewrite the facts table in FACT_ORDER, in one transaction (a crash leaves the old one)."""
        with self.transaction():
            self.con.execute(f"CREATE TABLE facts_sorted AS SELECT * FROM facts ORDER BY {FACT_ORDER}")
            self.con.execute("DROP TABLE facts")
            self.con.execute("ALTER TABLE facts_sorted RENAME TO facts")
            self.con.execute("DELETE FROM store_meta WHERE key = 'facts_sorted'")
            self.con.execute("INSERT INTO store_meta SELECT 'facts_sorted', CAST(count(*) AS VARCHAR) FROM facts")
        self.con.execute("CHECKPOINT")


__all__ = ["SCHEMA_VERSION", "Store", "StoreBusy", "StoreError", "connect"]
