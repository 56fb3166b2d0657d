"""Ingest into the corpus store: incremental (hash and engine version), bad files recorded and named,
copies linked, metadata given, the CLI; a run killed with SIGKILL at random moments and then run
again ends exactly like an uninterrupted run; queries from another process while an ingest runs."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from crash_helper import crash_or_run

from benchmarks.synth import default_sources, synthesise
from indicators import cli, pipeline
from indicators.batch import ingest as ingest_module
from indicators.batch.ingest import ingest, plan, source_name
from indicators.corpus import open_corpus
from indicators.store import Store, duck

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "gold"


@pytest.fixture
def docs(tmp_path):
    """Three real documents, one empty file, one file of an unsupported type."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("city_bulletin_yunze_2023.txt", "county_work_report_hefeng_2024.txt",
                 "industrial_park_news_linhe_2023.txt"):
        shutil.copy(GOLD / name, folder / name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.xyz").write_text("x")
    return folder


def dump(db) -> dict[str, list[tuple]]:
    """Everything a store holds that does not depend on when it was made."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        columns = [c for c in pipeline.DOCUMENT_COLUMNS if c != "ingested_at"]
        return {
            "documents": con.execute(f"SELECT {', '.join(columns)} FROM documents ORDER BY ALL").fetchall(),
            "paths": con.execute("SELECT * FROM paths ORDER BY ALL").fetchall(),
            "texts": con.execute("SELECT doc_id, md5(text) FROM texts ORDER BY ALL").fetchall(),
            "facts": con.execute("SELECT * FROM facts ORDER BY doc_id, start, \"end\", mention").fetchall(),
        }
    finally:
        con.close()


def test_a_second_ingest_reads_nothing_again(docs, tmp_path):
    db = tmp_path / "c.duckdb"
    first = ingest([str(docs)], db, jobs=1)
    assert (first.files, first.extracted, first.unchanged) == (4, 3, 0)
    assert first.failures == [(source_name(docs / "empty.txt"), "empty file")]
    assert [p.name for p in first.skipped] == ["notes.xyz"]
    stored = dump(db)
    assert len(stored["documents"]) == 4 and len(stored["facts"]) == first.facts > 300
    second = ingest([str(docs)], db, jobs=1)
    assert (second.extracted, second.unchanged, second.facts) == (0, 3, 0)
    assert second.failures == first.failures            # a failed file is tried again, and named again
    assert dump(db) == stored


def test_facts_point_into_the_stored_text(docs, tmp_path):
    db = tmp_path / "c.duckdb"
    ingest([str(docs)], db, jobs=1)
    corpus = open_corpus(db)
    for doc_id in corpus.documents(status="ok")["doc_id"]:
        text = corpus.document_text(doc_id)
        facts = corpus.facts(doc_id=doc_id)
        assert len(facts) and all(text[s:e] == m for s, e, m in zip(facts["start"], facts["end"], facts["mention"],
                                                                   strict=True))


def test_a_changed_file_replaces_its_facts(docs, tmp_path):
    db = tmp_path / "c.duckdb"
    ingest([str(docs)], db, jobs=1)
    bulletin = docs / "city_bulletin_yunze_2023.txt"
    bulletin.write_text("云泽市2024年统计公报\n\n全年全市地区生产总值3000.5亿元，比上年增长6.1%。\n", encoding="utf-8")
    report = ingest([str(docs)], db, jobs=1)
    assert (report.extracted, report.unchanged) == (1, 2)
    facts = open_corpus(db).facts(contains="地区生产总值3000.5亿元")
    assert sorted(facts["mention"]) == ["3000.5亿元", "6.1%"]
    assert dump(db)["paths"].count((source_name(bulletin), pipeline.document_id(bulletin.read_bytes()))) == 1
    documents = open_corpus(db).documents()
    with Store.open(db) as store:
        assert store.counts()["facts"] == documents["facts"].sum()


def test_a_new_engine_version_extracts_everything_again(docs, tmp_path, monkeypatch):
    db = tmp_path / "c.duckdb"
    ingest([str(docs)], db, jobs=1)
    before = dump(db)
    monkeypatch.setattr(pipeline, "ENGINE_VERSION", "next-version")
    monkeypatch.setattr(ingest_module, "ENGINE_VERSION", "next-version")
    report = ingest([str(docs)], db, jobs=1)
    assert (report.extracted, report.unchanged) == (3, 0)
    after = dump(db)
    assert {row[pipeline.DOCUMENT_COLUMNS.index("engine_version")] for row in after["documents"]} == {"next-version"}
    assert after["facts"] == before["facts"]                 # the same engine: the same facts, not doubled


def test_reextract_forces_it(docs, tmp_path):
    db = tmp_path / "c.duckdb"
    ingest([str(docs)], db, jobs=1)
    before = dump(db)
    report = ingest([str(docs)], db, jobs=1, reextract=True)
    assert (report.extracted, report.unchanged) == (3, 0)
    assert dump(db) == before


def test_a_copy_or_renamed_file_is_recorded_without_extraction(docs, tmp_path):
    db = tmp_path / "c.duckdb"
    ingest([str(docs)], db, jobs=1)
    shutil.copy(docs / "city_bulletin_yunze_2023.txt", docs / "copy.txt")
    report = ingest([str(docs)], db, jobs=1)
    assert (report.extracted, report.linked, report.unchanged) == (0, 1, 3)
    with Store.open(db, read_only=True) as store:
        known = store.known()
    assert known[source_name(docs / "copy.txt")] == known[source_name(docs / "city_bulletin_yunze_2023.txt")]
    assert len(dump(db)["documents"]) == 4


def test_what_a_metadata_csv_says_is_used_and_its_problems_named(docs, tmp_path):
    (docs / "metadata.csv").write_text(
        "file,date,region,kind\ncounty_work_report_hefeng_2024.txt,2024-01-20,安徽省,\nmissing.txt,2024,,\n",
        encoding="utf-8")
    db = tmp_path / "c.duckdb"
    report = ingest([str(docs)], db, jobs=1)
    assert (str(docs / "metadata.csv"), "row 3: 'missing.txt' is not among the documents read") in report.failures
    row = open_corpus(db).documents().set_index("path").loc[source_name(docs / "county_work_report_hefeng_2024.txt")]
    assert (row["doc_date"], row["doc_region"]) == ("2024-01-20", "安徽省")


def test_a_document_given_other_metadata_is_extracted_again_and_the_same_is_not(docs, tmp_path):
    db = tmp_path / "c.duckdb"
    report_path = source_name(docs / "county_work_report_hefeng_2024.txt")
    ingest([str(docs)], db, jobs=1)
    table = docs / "metadata.csv"
    table.write_text("file,date,region\ncounty_work_report_hefeng_2024.txt,2023-01-20,安徽省\n", encoding="utf-8")
    report = ingest([str(docs)], db, jobs=1)
    assert (report.extracted, report.unchanged) == (1, 2)
    corpus = open_corpus(db)
    row = corpus.documents().set_index("path").loc[report_path]
    assert (row["doc_date"], row["doc_region"]) == ("2023-01-20", "安徽省")
    facts = corpus.facts()
    assert set(facts.loc[facts.doc_id == row["doc_id"], "region_name"]) >= {"安徽省"}

    # the same metadata again, spelt another way (安徽 is 安徽省): nothing to do
    table.write_text("file,date,region\ncounty_work_report_hefeng_2024.txt,2023-01-20,安徽\n", encoding="utf-8")
    assert ingest([str(docs)], db, jobs=1).unchanged == 3
    # a kind given on the command line: the two documents read as another kind are extracted again,
    # the bulletin is one already
    report = ingest([str(docs)], db, jobs=1, given={"kind": "statistical_bulletin"})
    assert (report.extracted, report.unchanged) == (2, 1)
    assert set(open_corpus(db).documents()["doc_kind"]) - {""} == {"statistical_bulletin"}
    assert ingest([str(docs)], db, jobs=1, given={"kind": "statistical_bulletin"}).unchanged == 3


def test_plan_lists_only_what_needs_extracting(docs, tmp_path):
    db = tmp_path / "c.duckdb"
    jobs, failures = plan(db, [str(docs), str(tmp_path / "nowhere")])
    assert sorted(Path(j.source).name for j in jobs) == [
        "city_bulletin_yunze_2023.txt", "county_work_report_hefeng_2024.txt", "empty.txt",
        "industrial_park_news_linhe_2023.txt"]
    assert failures == [(str(tmp_path / "nowhere"), "no such file or directory")]
    yunze = next(j for j in jobs if j.source.endswith("yunze_2023.txt"))
    assert yunze.doc_id == pipeline.document_id((docs / "city_bulletin_yunze_2023.txt").read_bytes())
    ingest([str(docs)], db, jobs=1)
    with Store.open(db) as store:
        jobs, _ = plan(store, [str(docs)])
    assert [Path(j.source).name for j in jobs] == ["empty.txt"]


def test_two_worker_processes_store_what_one_does(docs, tmp_path):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    ingest([str(docs)], one, jobs=1)
    report = ingest([str(docs)], two, jobs=2)
    assert report.extracted == 3
    assert dump(one) == dump(two)


# ------------------------------------------------------------------ the command line


def run(argv, capsys) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_ingest_series_documents(docs, tmp_path, capsys):
    db = tmp_path / "c.duckdb"
    code, _, err = run(["ingest", docs, "--db", db, "--jobs", "1"], capsys)
    assert code == 1                                           # the empty file failed
    assert f"indicators: {source_name(docs / 'empty.txt')}: empty file" in err
    assert "4 files: 3 documents extracted" in err and "0 unchanged, 1 failed" in err
    assert "\r" not in err                                     # no progress bar on a pipe
    code, _, err = run(["ingest", docs, "--db", db, "--jobs", "1", "-q"], capsys)
    assert code == 1 and "extracted" not in err and "empty file" in err

    out_csv = tmp_path / "gdp.csv"
    code, _, err = run(["series", "--db", db, "--indicator", "gdp", "--kind", "growth", "--region", "云泽市",
                        "-o", out_csv], capsys)
    assert code == 0 and "written to" in err
    assert out_csv.read_bytes().startswith(b"\xef\xbb\xbf")
    series = pd.read_csv(out_csv, encoding="utf-8-sig", keep_default_na=False)
    assert series[["period_start", "modality", "value"]].values.tolist() == [["2023-01-01", "actual", 5.8]]
    code, out, _ = run(["series", "--db", db, "--indicator", "gdp", "--region", "云泽市"], capsys)
    assert code == 0 and out.splitlines()[0].startswith("indicator_id,indicator_name,kind,modality")

    code, _, err = run(["series", "--db", db, "--indicator", "GDP"], capsys)
    assert code == 0 and "no facts of indicator 'GDP'" in err and "most facts there: " in err and "gdp" in err

    code, out, _ = run(["documents", "--db", db], capsys)
    assert code == 0 and out.count("\n") == 5 and "empty file" in out
    code, out, _ = run(["documents", "--db", db, "--status", "error"], capsys)
    assert out.count("\n") == 2


def test_cli_reports_a_missing_or_foreign_store(tmp_path, capsys):
    code, _, err = run(["series", "--db", tmp_path / "none.duckdb", "--indicator", "gdp"], capsys)
    assert code == 1 and "no such store" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as usage:
        run(["series", "--db", tmp_path / "none.duckdb", "--indicator", "gdp", "--modality", "x"], capsys)
    assert usage.value.code == 2
    code, _, err = run(["ingest", tmp_path, "--db", tmp_path / "c.duckdb", "--jobs", "0"], capsys)
    assert code == 2 and "--jobs" in err


def test_series_and_documents_refuse_a_bad_output_before_reading_the_store(docs, tmp_path, capsys):
    db = tmp_path / "c.duckdb"
    assert run(["ingest", docs, "--db", db, "--jobs", "1", "-q"], capsys)[0] == 1     # its empty file fails
    for command in (["series", "--indicator", "gdp"], ["documents"]):
        code, _, err = run([*command, "--db", db, "-o", tmp_path / "out.xlsx"], capsys)
        assert code == 2 and "out.xlsx: unknown output format '.xlsx'" in err and "Traceback" not in err
        code, _, err = run([*command, "--db", tmp_path / "none.duckdb", "-o", tmp_path / "no" / "out.csv"], capsys)
        assert code == 2 and "output directory does not exist" in err    # before the missing store
        assert not (tmp_path / "out.xlsx").exists()
    code, _, err = run(["documents", "--db", db, "-o", tmp_path / "docs.csv"], capsys)
    assert code == 0 and (tmp_path / "docs.csv").read_bytes().startswith(b"\xef\xbb\xbf")


# ------------------------------------------------------------------ crashes and readers

_INGEST = "from indicators.batch.ingest import ingest; import sys; ingest([sys.argv[1]], sys.argv[2], jobs=int(sys.argv[3]), batch_seconds=0)"


def _start(folder: Path, db: Path, jobs: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", _INGEST, str(folder), str(db), str(jobs)], cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    folder = tmp_path_factory.mktemp("many")
    synthesise(folder, 24, seed=3, sources=default_sources(small_only=True))
    return folder


def test_an_ingest_killed_at_random_moments_then_run_again_stores_exactly_what_one_run_does(many, tmp_path):
    reference = tmp_path / "reference.duckdb"
    ingest([str(many)], reference, jobs=1)
    db = tmp_path / "killed.duckdb"
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    kills = 0
    for round_ in range(3):
        proc = _start(many, db, jobs=1 + round_ % 2)
        time.sleep(rng.uniform(0.5, 2.0))       # python and the package load in about 0.5 s
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)                # the ingest and its workers, mid-flight
            kills += 1
        proc.wait(timeout=60)
    final = ingest([str(many)], db, jobs=1)
    assert final.failures == []
    assert dump(db) == dump(reference), f"random seed {seed}, {kills} kills"


def test_queries_from_another_process_answer_while_an_ingest_runs(many, tmp_path):
    folder = tmp_path / "twelve"
    folder.mkdir()
    for path in sorted(many.iterdir())[:12]:
        shutil.copy(path, folder / path.name)
    db = tmp_path / "c.duckdb"
    ingest([str(folder / "000000_city_bulletin_yunze_2023.txt")], db, jobs=1)
    proc = _start(folder, db, jobs=1)
    seen = []
    try:
        while proc.poll() is None:
            corpus = open_corpus(db, timeout=20)
            seen.append(len(corpus.documents()))
            corpus.series("gdp", kind="growth")
            time.sleep(0.05)
        assert proc.returncode == 0, proc.stderr.read().decode()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert len(seen) >= 2 and seen == sorted(seen) and seen[-1] <= 12
    assert len(open_corpus(db).documents()) == 12


def test_an_ingest_that_added_many_facts_sorts_them_again(docs, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(duck, "OPTIMISE_MIN_FACTS", 10)
    db = tmp_path / "c.duckdb"
    code, _, err = run(["ingest", docs, "--db", db, "--jobs", "1"], capsys)
    assert code == 1 and "facts sorted again for fast queries" in err          # 1: the empty file
    with Store.open(db) as store:
        assert store.unsorted_facts() == 0
    assert ingest([str(docs)], db, jobs=1).optimised is False          # nothing new: nothing to sort


def test_a_worker_that_dies_costs_only_the_documents_in_flight(docs, tmp_path):
    shutil.copy(docs / "county_work_report_hefeng_2024.txt", docs / "crash.txt")
    for i in range(8):                         # planned after it: extracted by the next pool of workers
        (docs / f"z{i}.txt").write_text(f"全年全市地区生产总值{100 + i}.5亿元，比上年增长5.{i}%。\n", encoding="utf-8")
    jobs, _ = plan(tmp_path / "c.duckdb", [str(docs)])
    results = list(ingest_module._results(jobs, 2, pipeline.DEFAULT_CHUNK_CHARS, run=crash_or_run))
    by_name = {Path(d.document["path"]).name: d.document for d in results}
    assert len(results) == len(jobs) and sorted(by_name) == sorted(Path(j.source).name for j in jobs)
    assert "worker process extracting it died" in by_name["crash.txt"]["error"]
    died = [name for name, row in by_name.items() if "died" in row["error"]]
    assert len(died) <= 4                      # at most the documents in flight (two per worker)
    assert all(by_name[f"z{i}.txt"]["status"] == "ok" for i in (5, 6, 7))


class _PoolThatBreaksOnSubmit:
    """A stand-in for ProcessPoolExecutor that runs each job at once and breaks on its ``n``-th submit,
    as a real pool does when a worker dies between two submits (the job then never reached a worker)."""

    submits = 0

    def __init__(self, *args, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def submit(self, fn, *args):
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool
        type(self).submits += 1
        if type(self).submits == 3:
            raise BrokenProcessPool("a worker died")
        future = Future()
        future.set_result(fn(*args))
        return future


def test_a_pool_that_breaks_on_submit_loses_no_document(docs, tmp_path, monkeypatch):
    jobs, _ = plan(tmp_path / "c.duckdb", [str(docs)])
    monkeypatch.setattr(ingest_module, "ProcessPoolExecutor", _PoolThatBreaksOnSubmit)
    results = list(ingest_module._results(jobs, 2, pipeline.DEFAULT_CHUNK_CHARS))
    names = sorted(Path(d.document["path"]).name for d in results)
    assert names == sorted(Path(j.source).name for j in jobs)      # each job once: none lost, none twice
    assert not any("died" in d.document["error"] for d in results)     # the job the broken submit took was retried


def test_inputs_may_be_glob_patterns_the_shell_left_alone(docs, tmp_path):
    jobs, failures = plan(tmp_path / "c.duckdb", [str(docs / "*_2023.txt"), str(docs / "nothing*.pdf")])
    assert sorted(Path(j.source).name for j in jobs) == ["city_bulletin_yunze_2023.txt",
                                                         "industrial_park_news_linhe_2023.txt"]
    assert failures == [(str(docs / "nothing*.pdf"), "no file matches this pattern")]
