"""The corpus in Python: what the store holds, as DataFrames.

    >>> corpus = open_corpus("corpus.duckdb")
    >>> corpus.series("gdp", kind="growth", region="全国")          # one row per region, period, modality
    >>> corpus.facts(indicator="cpi", contains="居民消费价格", limit=50)
    >>> corpus.documents(), corpus.document_text(doc_id), corpus.coverage()

Each query opens the store for reading, runs and lets go of it, so an ingest in another process can
save between two queries. While the ingest holds the file (a batch is being saved), a query waits
and retries; after ``timeout`` seconds it raises :class:`indicators.store.StoreBusy`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd

from .lang import vocab as V
from .lang.regions import lookup
from .pipeline import ProcessedDocument
from .schema import MODALITIES
from .store import Store, StoreError
from .store.duck import DEFAULT_TIMEOUT, connect

#: Columns of a series: the fact that is the row (the latest document's), and how many documents stated a figure.
SERIES_COLUMNS: tuple[str, ...] = (
    "indicator_id", "indicator_name", "kind", "modality", "region_name", "region_code",
    "period_start", "period_end", "period_grain", "average", "value", "value_low", "value_high", "qualifier", "unit",
    "doc", "doc_date", "mention", "sentence", "start", "end", "vintages", "doc_id", "doc_title",
)
# A figure for several years stated per year (年均增长9.5%) is another measure than the growth over the
# whole period (增长57.3%): its indicator phrase says which, in the words the engine dates averages by.
_AVERAGE = V.alternation(V.AVERAGE_WORDS)
# What makes two facts the same point of a series.
_SERIES_KEY = ("region_code", "region_name", "period_start", "period_end", "period_grain", "average", "modality",
               "kind", "unit")
# Where a series column comes from when not from the fact itself (c: the chosen point, d: its document).
_SERIES_SOURCES = {"average": "c.average", "vintages": "c.vintages", "doc": "d.path", "doc_date": "d.doc_date",
                   "doc_title": "d.title"}
_CODE = re.compile(r"[0-9]{6}")


def region_filter(region: str) -> tuple[str, str]:
    """A region as the user names it (全国, 安徽, 安徽省, 340000) -> (column, value) to filter on."""
    region = region.strip()
    if _CODE.fullmatch(region):
        return "region_code", region
    found = lookup(region)
    if found is not None and found.code:
        return "region_code", found.code
    return "region_name", found.name if found is not None else region


def in_region(series: pd.DataFrame, region: str) -> pd.DataFrame:
    """The rows of ``series`` (a :meth:`Corpus.series` of every region) that the same query with
    ``region=region`` returns, in its order: a series's points are chosen per region, so a region's
    rows do not depend on the others'."""
    column, value = region_filter(region)
    return series[series[column] == value].reset_index(drop=True)


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class Corpus:
    """Queries over a corpus store (see the module docstring); every method returns a DataFrame."""

    def __init__(self, db: str | os.PathLike, *, read_only: bool = True, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.db = Path(db)
        self.read_only = read_only
        self.timeout = timeout

    def _query(self, sql: str, params: list | None = None) -> pd.DataFrame:
        con = connect(self.db, read_only=True, timeout=self.timeout)
        try:
            return con.execute(sql, params or []).df()
        finally:
            con.close()

    # ------------------------------------------------------------------ series

    def series(self, indicator: str, *, kind: str | None = None, modality: str | None = None,
               region: str | None = None, all_vintages: bool = False) -> pd.DataFrame:
        """One row per region, period, modality (kind and unit) of ``indicator`` (a catalogue id: gdp, cpi …);
        a multi-year figure stated per year (``average``: 年均增长9.5%) is a point of its own beside the
        growth over the whole period (增长57.3%).

        When several documents state a figure for the same point, the latest document's (by its date,
        then by when it was ingested) is the row and ``vintages`` counts the documents; with
        ``all_vintages`` every document's statement is a row (oldest first). Within one document the
        first statement counts. Facts with no period are not part of a series."""
        if modality is not None and modality not in MODALITIES:
            raise ValueError(f"modality {modality!r} is not one of {', '.join(MODALITIES)}")
        where = ["f.indicator_id = ?", "f.period_start <> ''"]
        params: list = [indicator]
        if kind:
            where.append("f.kind = ?")
            params.append(kind)
        if modality:
            where.append("f.modality = ?")
            params.append(modality)
        if region:
            column, value = region_filter(region)
            where.append(f"f.{column} = ?")
            params.append(value)
        keep = "" if all_vintages else "WHERE newest = 1"
        key = ", ".join(_SERIES_KEY)
        columns = ", ".join(f'{_SERIES_SOURCES.get(c, f"f.{c!r}")} AS "{c}"'.replace("'", '"') for c in SERIES_COLUMNS)
        # The points are chosen on the narrow columns; the wide ones (sentence, mention) are read only
        # for the rows chosen, by row id: a million sentences are never decompressed.
        sql = f"""
            WITH matching AS (
                SELECT f.rowid AS rid, f.doc_id, f.start, {", ".join("f." + c for c in _SERIES_KEY if c != "average")},
                       d.doc_date, d.ingested_at,
                       (f.period_grain = 'multi_year' AND regexp_matches(f.indicator, '{_AVERAGE}')) AS average
                FROM facts f JOIN documents d USING (doc_id)
                WHERE {" AND ".join(where)}
            ), stated AS (
                SELECT *, row_number() OVER (PARTITION BY {key}, doc_id ORDER BY start) AS nth FROM matching
            ), firsts AS (
                SELECT *, count(*) OVER (PARTITION BY {key}) AS vintages,
                       row_number() OVER (PARTITION BY {key} ORDER BY doc_date DESC, ingested_at DESC, doc_id) AS newest
                FROM stated WHERE nth = 1
            ), chosen AS (SELECT * FROM firsts {keep})
            SELECT {columns} FROM chosen c JOIN facts f ON f.rowid = c.rid JOIN documents d ON d.doc_id = c.doc_id
            ORDER BY f.region_code, f.region_name, f.modality, f.kind, f.unit, f.period_start, f.period_end,
                     c.average, d.doc_date, d.ingested_at
        """
        return self._query(sql, params)

    # ------------------------------------------------------------------ documents and facts

    def documents(self, *, status: str | None = None) -> pd.DataFrame:
        """Every document stored (one row per distinct content), oldest document date first."""
        where, params = ("WHERE status = ?", [status]) if status else ("", [])
        return self._query(f"SELECT * FROM documents {where} ORDER BY doc_date, path", params)

    def document_text(self, doc_id: str) -> str:
        """The text a document's facts point into (``text[start:end] == mention``)."""
        frame = self._query("SELECT text FROM texts WHERE doc_id = ?", [doc_id])
        if not len(frame):
            raise KeyError(f"no document {doc_id!r} in {self.db}")
        return frame["text"].iloc[0]

    def facts(self, *, indicator: str | None = None, topic: str | None = None, region: str | None = None,
              doc_id: str | None = None, contains: str | None = None, limit: int | None = None) -> pd.DataFrame:
        """Facts with their document's date and path, filtered; ``contains`` is a plain substring of
        the sentence (no pattern characters)."""
        where: list[str] = []
        params: list = []
        for column, value in (("indicator_id", indicator), ("topic", topic), ("doc_id", doc_id)):
            if value:
                where.append(f"f.{column} = ?")
                params.append(value)
        if region:
            column, value = region_filter(region)
            where.append(f"f.{column} = ?")
            params.append(value)
        if contains:
            where.append("f.sentence LIKE ? ESCAPE '\\'")
            params.append(_like(contains))
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        tail = ""
        if limit is not None:
            tail = "LIMIT ?"
            params.append(int(limit))
        return self._query(
            f"SELECT f.*, d.doc_date, d.path AS doc FROM facts f JOIN documents d USING (doc_id) {clause} "
            f"ORDER BY d.doc_date, f.doc_id, f.start {tail}", params)

    def coverage(self) -> pd.DataFrame:
        """How many facts each indicator has for each region and year (of the period's start)."""
        return self._query(
            "SELECT indicator_id, region_name, CAST(substr(period_start, 1, 4) AS INTEGER) AS year, "
            "count(*) AS facts FROM facts WHERE indicator_id <> '' AND period_start <> '' "
            "GROUP BY ALL ORDER BY indicator_id, region_name, year")

    def indicators(self) -> pd.DataFrame:
        """The indicators with facts in the store, most facts first."""
        return self._query(
            "SELECT indicator_id, any_value(indicator_name) AS indicator_name, count(*) AS facts FROM facts "
            "WHERE indicator_id <> '' GROUP BY indicator_id ORDER BY facts DESC, indicator_id")

    # ------------------------------------------------------------------ writing

    def save(self, doc: ProcessedDocument) -> None:
        """Add one processed document (an upload) to the store; the corpus must be opened writable."""
        if self.read_only:
            raise StoreError(f"{self.db}: opened read-only (open_corpus(..., read_only=False) to add documents)")
        with Store.open(self.db, timeout=self.timeout) as store:
            store.save(doc)


def open_corpus(db: str | os.PathLike, *, read_only: bool = True, timeout: float = DEFAULT_TIMEOUT) -> Corpus:
    """The corpus in the store ``db``; raises StoreError when it is missing, not a store or of another
    schema version (``read_only=False`` creates it when missing)."""
    Store.open(db, read_only=read_only, timeout=timeout).close()     # checks it is a store of this version
    return Corpus(db, read_only=read_only, timeout=timeout)
