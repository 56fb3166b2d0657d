"""The corpus store and its queries, on documents made by hand (no extraction): saving and replacing,
the schema version, series (latest document wins, vintages), facts, coverage, readers and a writer."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
import threading

import duckdb
import pandas as pd
import pytest

from indicators.corpus import SERIES_COLUMNS, in_region, open_corpus, region_filter
from indicators.pipeline import DOCUMENT_COLUMNS, ENGINE_VERSION, FACT_COLUMNS, ProcessedDocument, empty_facts
from indicators.store import SCHEMA_VERSION, Store, StoreBusy, StoreError, duck


def fact(**fields) -> dict:
    row = dict.fromkeys(FACT_COLUMNS, "")
    row.update(start=0, end=2, value=5.0, value_low=float("nan"), value_high=float("nan"), kind="growth",
               unit="%", qualifier="exact", indicator_id="gdp", indicator_name="国内生产总值", modality="actual",
               region_name="全国", region_code="100000", period_start="2024-01-01", period_end="2024-12-31",
               period_grain="year", topic="economy", mention="5%", sentence="增长5%。")
    row.update(fields)
    return row


def document(doc_id: str, path: str, facts: list[dict], *, date: str = "2025-03-05", text: str = "增长5%。",
             status: str = "ok", error: str = "", ingested: int = 0) -> ProcessedDocument:
    row = dict.fromkeys(DOCUMENT_COLUMNS, "")
    row.update(doc_id=doc_id, path=path, title=f"报告{doc_id}", doc_date=date, doc_region="全国",
               doc_region_code="100000", doc_kind="work_report", characters=len(text), bytes=len(text.encode()),
               facts=len(facts), engine_version=ENGINE_VERSION, status=status, error=error,
               ingested_at=dt.datetime(2026, 1, 1) + dt.timedelta(seconds=ingested))
    frame = pd.DataFrame([{**f, "doc_id": doc_id, "source": path} for f in facts], columns=list(FACT_COLUMNS))
    return ProcessedDocument(row, frame if facts else empty_facts(), text)


@pytest.fixture
def db(tmp_path):
    return tmp_path / "corpus.duckdb"


def table(db, sql: str) -> list[tuple]:
    """Rows of a query; ``db`` is a path, or a Store this process has open."""
    if isinstance(db, Store):
        return db.con.execute(sql).fetchall()
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


# ------------------------------------------------------------------ saving


def test_a_saved_document_comes_back_with_its_facts_and_text(db):
    with Store.open(db) as store:
        store.save(document("a", "/r/a.txt", [fact(), fact(start=10, end=12, value=6.0)], text="x" * 20))
        assert store.known() == {"/r/a.txt": ("a", ENGINE_VERSION)}
        assert store.counts() == {"documents": 1, "errors": 0, "facts": 2, "paths": 1}
    corpus = open_corpus(db)
    docs = corpus.documents()
    assert docs["doc_id"].tolist() == ["a"] and docs["facts"].tolist() == [2]
    assert list(docs.columns) == list(DOCUMENT_COLUMNS)
    assert corpus.document_text("a") == "x" * 20
    facts = corpus.facts(doc_id="a")
    assert facts["value"].tolist() == [5.0, 6.0]
    assert set(FACT_COLUMNS) <= set(facts.columns)


def test_saving_a_path_again_replaces_its_old_content_and_facts(db):
    with Store.open(db) as store:
        store.save(document("old", "/r/a.txt", [fact(), fact(start=5)]))
        store.save(document("new", "/r/a.txt", [fact(value=7.0)]))
        assert store.known() == {"/r/a.txt": ("new", ENGINE_VERSION)}
    assert table(db, "SELECT doc_id, value FROM facts") == [("new", 7.0)]
    assert table(db, "SELECT doc_id FROM documents") == [("new",)]
    assert table(db, "SELECT doc_id FROM texts") == [("new",)]


def test_saving_the_same_content_again_does_not_double_it(db):
    with Store.open(db) as store:
        store.save(document("a", "/r/a.txt", [fact()]))
        store.save_many([document("a", "/r/a.txt", [fact(), fact(start=4)])])
    assert table(db, "SELECT count(*) FROM facts") == [(2,)]
    assert table(db, "SELECT count(*) FROM documents") == [(1,)]


def test_content_under_two_paths_is_one_document_until_both_change(db):
    with Store.open(db) as store:
        store.save(document("same", "/r/a.txt", [fact()]))
        store.link("/r/copy.txt", "same")
        assert store.known() == {"/r/a.txt": ("same", ENGINE_VERSION), "/r/copy.txt": ("same", ENGINE_VERSION)}
        store.save(document("other", "/r/a.txt", [fact(value=1.0)]))
        assert table(store, "SELECT count(*) FROM facts WHERE doc_id = 'same'") == [(1,)]   # copy.txt still holds it
        store.link("/r/copy.txt", "other")
        assert table(store, "SELECT DISTINCT doc_id FROM facts") == [("other",)]


def test_a_batch_is_all_or_nothing(db, monkeypatch):
    with Store.open(db) as store:
        store.save(document("a", "/r/a.txt", [fact()]))
        broken = document("b", "/r/b.txt", [fact()])
        broken.facts = broken.facts.assign(start="not a number")        # the insert fails inside the transaction
        with pytest.raises(duckdb.Error):
            store.save_many([document("c", "/r/c.txt", [fact()]), broken])
        assert sorted(store.known()) == ["/r/a.txt"]
    assert table(db, "SELECT count(*) FROM facts") == [(1,)]


def test_failed_documents_are_stored_with_their_reason_but_not_known(db):
    with Store.open(db) as store:
        store.save(document("bad", "/r/bad.pdf", [], status="error", error="not a PDF"))
        assert store.known() == {}
        assert store.counts()["errors"] == 1
    errors = open_corpus(db).documents(status="error")
    assert errors[["path", "error"]].values.tolist() == [["/r/bad.pdf", "not a PDF"]]


# ------------------------------------------------------------------ opening


def test_a_store_of_another_schema_version_is_refused_with_a_clear_message(db):
    Store.open(db).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE store_meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match=f"schema version 999.*reads version {SCHEMA_VERSION}"):
        Store.open(db)
    with pytest.raises(StoreError, match="schema version 999"):
        open_corpus(db)


def test_other_files_are_not_taken_for_a_store(db, tmp_path):
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE t (a INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a corpus store"):
        Store.open(db)
    with pytest.raises(StoreError, match="no such store"):
        open_corpus(tmp_path / "missing.duckdb")
    text = tmp_path / "notes.duckdb"
    text.write_text("hello")
    with pytest.raises(StoreError, match=r"notes\.duckdb"):
        Store.open(text)


def test_a_reader_waits_for_a_writer_then_gives_up_with_a_clear_message(db):
    """DuckDB locks the file while a process has it open for writing: the reader retries until the
    writer lets go, and names the problem after its timeout."""
    with Store.open(db) as store:
        store.save(document("a", "/r/a.txt", [fact()]))
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time, duckdb
        con = duckdb.connect({str(db)!r})
        print("holding", flush=True)
        time.sleep(float(sys.argv[1]))
        con.close()
        """), "1.5"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(StoreBusy, match=r"in use by another process .*for more than 0.2s"):
            open_corpus(db, timeout=0.2).documents()
        corpus = open_corpus(db, timeout=30)                  # waits until the holder closes
        assert corpus.series("gdp")["value"].tolist() == [5.0]
    finally:
        holder.wait(timeout=30)


# ------------------------------------------------------------------ series


@pytest.fixture
def vintages(db):
    """2024 GDP growth stated three times: a first estimate, a revision, and the revision repeated."""
    with Store.open(db) as store:
        store.save_many([
            document("early", "/r/2025-01.txt", [fact(value=4.9, sentence="初步核算增长4.9%。")], date="2025-01-17"),
            document("late", "/r/2025-03.txt", [fact(value=5.0), fact(start=40, value=5.0, modality="target",
                                                                   period_start="2025-01-01", period_end="2025-12-31")],
                     date="2025-03-05"),
            document("mid", "/r/2025-02.txt", [fact(value=5.0, start=3), fact(value=4.8, start=9)], date="2025-02"),
            document("anhui", "/r/ah.txt", [fact(region_name="安徽省", region_code="340000", value=5.8)]),
            document("cpi", "/r/cpi.txt", [fact(indicator_id="cpi", value=0.2)]),
            document("undated", "/r/x.txt", [fact(period_start="", period_end="", period_grain="", value=9.9)]),
        ])
    return open_corpus(db)


def test_series_is_one_row_per_region_period_and_modality_the_latest_document_winning(vintages):
    series = vintages.series("gdp")
    assert list(series.columns) == list(SERIES_COLUMNS)
    rows = series[["region_name", "period_start", "modality", "value", "doc_id", "vintages"]].values.tolist()
    assert rows == [
        ["全国", "2024-01-01", "actual", 5.0, "late", 3],     # 3 documents stated it, 2025-03-05 is the latest
        ["全国", "2025-01-01", "target", 5.0, "late", 1],
        ["安徽省", "2024-01-01", "actual", 5.8, "anhui", 1],
    ]
    assert series.loc[0, "doc"] == "/r/2025-03.txt" and series.loc[0, "doc_date"] == "2025-03-05"


def test_all_vintages_lists_each_documents_statement_oldest_first(vintages):
    series = vintages.series("gdp", region="全国", modality="actual", all_vintages=True)
    # within one document its first statement counts (mid states 5.0, then 4.8)
    assert series[["doc_id", "value", "vintages"]].values.tolist() == [
        ["early", 4.9, 3], ["mid", 5.0, 3], ["late", 5.0, 3]]


@pytest.mark.parametrize(("region", "docs"), [
    ("全国", {"late"}), ("100000", {"late"}), ("安徽", {"anhui"}), ("安徽省", {"anhui"}), ("340000", {"anhui"}),
    ("西藏自治区", set()),
])
def test_series_of_a_region_by_name_or_code(vintages, region, docs):
    assert set(vintages.series("gdp", region=region)["doc_id"]) == docs


@pytest.mark.parametrize("region", ["全国", "100000", "安徽", "340000", "长三角", "长江三角洲地区", "西藏自治区"])
def test_a_region_cut_from_the_series_of_every_region_is_that_regions_series(vintages, db, region):
    with Store.open(db) as store:     # a region known by name only, beside the coded ones
        store.save_many([document("delta", "/r/csj.txt", [fact(region_name="长江三角洲地区", region_code="", value=6.1)])])
    every = vintages.series("gdp")
    assert set(every["region_name"]) == {"全国", "安徽省", "长江三角洲地区"}
    alone = vintages.series("gdp", region=region)
    pd.testing.assert_frame_equal(in_region(every, region), alone, check_dtype=len(alone) > 0)


def test_series_filters_by_kind_and_modality_and_refuses_an_unknown_modality(vintages):
    assert vintages.series("gdp", kind="money").empty
    assert vintages.series("gdp", modality="target")["period_start"].tolist() == ["2025-01-01"]
    assert vintages.series("cpi")["value"].tolist() == [0.2]
    with pytest.raises(ValueError, match="modality 'plan'"):
        vintages.series("gdp", modality="plan")


def test_region_filter_resolves_names_to_codes():
    assert region_filter("全国") == ("region_code", "100000")
    assert region_filter(" 鞍山 ") == ("region_code", "210300")
    assert region_filter("长三角") == ("region_name", "长江三角洲地区")
    assert region_filter("云泽市") == ("region_name", "云泽市")


def test_facts_search_is_a_plain_substring_and_coverage_counts_by_year(vintages, db):
    with Store.open(db) as store:
        store.save(document("pct", "/r/pct.txt", [fact(sentence="占比100%_以上", indicator_id="share")]))
    corpus = open_corpus(db)
    assert corpus.facts(contains="初步核算")["doc_id"].tolist() == ["early"]
    assert corpus.facts(contains="100%_")["doc_id"].tolist() == ["pct"]
    assert corpus.facts(contains="0%_以")["doc_id"].tolist() == ["pct"]
    assert corpus.facts(contains="_").shape[0] == 1                     # _ and % are characters, not wildcards
    assert corpus.facts(contains="5%")["doc_id"].nunique() == 5
    assert len(corpus.facts(limit=2)) == 2
    assert corpus.facts(indicator="gdp", region="340000")["doc_id"].tolist() == ["anhui"]
    coverage = corpus.coverage()
    assert coverage.query("indicator_id == 'gdp' and region_name == '全国'")[["year", "facts"]].values.tolist() == [
        [2024, 4], [2025, 1]]
    assert corpus.indicators()["indicator_id"].tolist()[0] == "gdp"


def test_document_text_of_an_unknown_document(vintages):
    with pytest.raises(KeyError, match="nothing"):
        vintages.document_text("nothing")


def test_a_read_only_corpus_does_not_save(vintages):
    with pytest.raises(StoreError, match="read-only"):
        vintages.save(document("z", "/r/z.txt", [fact()]))


# ------------------------------------------------------------------ keeping queries fast


def test_optimise_sorts_the_facts_and_keeps_every_one(db, monkeypatch):
    monkeypatch.setattr(duck, "OPTIMISE_MIN_FACTS", 4)
    with Store.open(db) as store:
        store.save(document("b", "/r/b.txt", [fact(indicator_id="cpi"), fact(start=5)]))
        assert not store.needs_optimising()                    # fewer facts than the minimum
        store.save(document("a", "/r/a.txt", [fact(indicator_id="cpi", start=1), fact(indicator_id="gdp", start=2)]))
        assert store.unsorted_facts() == 4 and store.needs_optimising()
        before = sorted(table(store, "SELECT * FROM facts"), key=str)
        store.optimise()
        assert store.unsorted_facts() == 0 and not store.needs_optimising()
        rows = table(store, "SELECT indicator_id, doc_id, start FROM facts")
        assert rows == [("cpi", "a", 1), ("cpi", "b", 0), ("gdp", "a", 2), ("gdp", "b", 5)]
        assert sorted(table(store, "SELECT * FROM facts"), key=str) == before
    assert open_corpus(db).series("gdp")["vintages"].tolist() == [2]


def test_a_reader_in_the_same_process_waits_for_a_writing_thread(db):
    """The dashboard saves an upload in one thread while another session queries."""
    with Store.open(db) as store:
        store.save(document("a", "/r/a.txt", [fact()]))
    writer = Store.open(db)
    closer = threading.Timer(0.3, writer.close)
    closer.start()
    try:
        assert open_corpus(db, timeout=10).series("gdp")["value"].tolist() == [5.0]
    finally:
        closer.join()
    writer = Store.open(db)
    try:
        with pytest.raises(StoreBusy, match="this process keeps the store open for writing"):
            open_corpus(db, timeout=0.1)
    finally:
        writer.close()
