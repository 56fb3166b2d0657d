"""The ingest on a Dask LocalCluster of 2 worker processes gives the store the local ingest gives,
row for row (compared by an order-independent checksum), bad files named and recorded; a document
already stored is not sent again; a run killed with SIGKILL is finished by the next, and parts it
left are loaded; a worker failing costs only its document; ``--scheduler`` ships local files as
bytes and refuses workers of another engine version; ``--parquet`` keeps the same facts as a typed
Parquet dataset, incrementally when it is the only output.

One cluster serves the whole module (starting one takes a few seconds)."""

from __future__ import annotations

import hashlib
import math
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import duckdb
import fsspec
import pandas as pd
import pyarrow.parquet as pq
import pytest

from indicators import cli
from indicators.batch import dask_ingest
from indicators.batch.dask_ingest import ingest_on_cluster, staging_folder
from indicators.batch.ingest import Job, ingest, source_name
from indicators.batch.parts import FACT_SCHEMA, Part, complete_parts
from indicators.io.writer import arrow_schema
from indicators.pipeline import DOCUMENT_COLUMNS, FACT_COLUMNS, process_document

REPORTS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "gov-work-reports"
pytestmark = pytest.mark.skipif(not REPORTS.is_dir(), reason=f"the work reports are not at {REPORTS}")
YEARS = ("2019", "2023", "2024", "2025")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Four national work reports, two in a sub-folder whose metadata.csv dates one of them, and
    three files that cannot be read."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "older").mkdir()
    for year in YEARS:
        shutil.copy(REPORTS / f"{year}.txt", root / ("older" if year < "2024" else ".") / f"{year}.txt")
    (root / "older" / "metadata.csv").write_text("file,date,region,kind\n2019.txt,2019-03-05,全国,work_report\n", "utf-8")
    (root / "broken.pdf").write_bytes(b"\x00\x01 not a pdf")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 40)
    return root


@pytest.fixture(scope="module")
def client():
    """A LocalCluster of 2 worker processes (one thread each), shared by the tests of this module."""
    with dask_ingest.dask_client(workers=2) as client:
        yield client


@pytest.fixture
def on_cluster(client, monkeypatch):
    """ingest_on_cluster runs on the module's cluster instead of starting its own."""
    monkeypatch.setattr(dask_ingest, "dask_client", _reuse(client))
    return ingest_on_cluster


def _reuse(client):
    @contextmanager
    def reuse(scheduler=None, workers=2):
        yield client
    return reuse


def _row_digest(row: tuple) -> str:
    cells = ["<nan>" if isinstance(v, float) and math.isnan(v) else repr(v) for v in row]
    return hashlib.sha256("\x1f".join(cells).encode()).hexdigest()


def _checksum(frame: pd.DataFrame) -> tuple[int, str]:
    """(rows, a digest of the sorted row digests): equal for the same rows in any order."""
    digests = sorted(_row_digest(row) for row in frame.itertuples(index=False, name=None))
    return len(digests), hashlib.sha256("".join(digests).encode()).hexdigest()


def _tables(db: Path) -> dict[str, pd.DataFrame]:
    with duckdb.connect(str(db), read_only=True) as con:
        documents = ", ".join(f'"{c}"' for c in DOCUMENT_COLUMNS if c != "ingested_at")   # when, not what
        return {
            "documents": con.execute(f"SELECT {documents} FROM documents").df(),
            "facts": con.execute("SELECT * FROM facts").df(),
            "paths": con.execute("SELECT * FROM paths").df(),
            "texts": con.execute("SELECT * FROM texts").df(),
        }


def test_the_cluster_stores_what_the_local_ingest_stores(folder, tmp_path, on_cluster):
    local = ingest([str(folder)], tmp_path / "local.duckdb", jobs=1)
    remote = on_cluster([str(folder)], tmp_path / "dask.duckdb")
    assert remote.extracted == local.extracted == len(YEARS)
    assert remote.facts == local.facts > 300
    assert sorted(remote.failures) == sorted(local.failures)
    assert {Path(name).name for name, _ in remote.failures} == {"broken.pdf", "empty.txt", "binary.txt"}
    mine, theirs = _tables(tmp_path / "dask.duckdb"), _tables(tmp_path / "local.duckdb")
    for table in ("documents", "facts", "paths", "texts"):
        assert _checksum(mine[table]) == _checksum(theirs[table]), table
    assert (mine["documents"]["status"] == "error").sum() == 3       # bad files recorded with their reason
    assert "2019-03-05" in set(mine["documents"]["doc_date"])         # what metadata.csv says travels
    assert not staging_folder(tmp_path / "dask.duckdb").exists() or not complete_parts(
        staging_folder(tmp_path / "dask.duckdb"))


def test_a_stored_document_is_not_sent_again(folder, tmp_path, on_cluster, client, monkeypatch):
    db = tmp_path / "dask.duckdb"
    on_cluster([str(folder)], db)
    sent: list[str] = []
    real = client.submit

    def spy(func, tasks, *args, **kwargs):
        sent.extend(job.source for job, _data in tasks)
        return real(func, tasks, *args, **kwargs)

    monkeypatch.setattr(client, "submit", spy)
    again = on_cluster([str(folder)], db)
    assert again.unchanged == len(YEARS) and again.extracted == 0
    # only the bad files go again (a failure is retried, as the local ingest does)
    assert sorted(Path(s).name for s in sent) == ["binary.txt", "broken.pdf", "empty.txt"]


def test_parts_left_by_a_killed_run_are_loaded_not_extracted_again(folder, tmp_path, on_cluster):
    db = tmp_path / "dask.duckdb"
    source = source_name(folder / "2024.txt")
    doc = process_document(source, (folder / "2024.txt").read_bytes())
    Part.of([doc]).write(staging_folder(db), "part-killed-00001")   # received, not yet saved, then kill -9
    report = on_cluster([str(folder / "2024.txt")], db)
    assert report.unchanged == 1 and report.extracted == 0
    assert complete_parts(staging_folder(db)) == []
    assert _checksum(_tables(db)["facts"]) == _checksum(doc.facts)


def test_the_lake_holds_the_stores_facts_typed(folder, tmp_path, on_cluster):
    db, lake = tmp_path / "dask.duckdb", tmp_path / "lake"
    on_cluster([str(folder)], db, parquet=lake)
    facts = pq.read_table(lake / "facts")
    assert facts.schema.remove_metadata() == arrow_schema(FACT_COLUMNS) == FACT_SCHEMA
    stored = _tables(db)["facts"]
    assert _checksum(facts.to_pandas()[list(FACT_COLUMNS)]) == _checksum(stored[list(FACT_COLUMNS)])
    documents = pq.read_table(lake / "documents").to_pandas()
    assert sorted(documents["status"]) == ["error"] * 3 + ["ok"] * len(YEARS)


def test_a_lake_alone_is_its_own_index(folder, tmp_path, on_cluster):
    lake = tmp_path / "lake"
    first = on_cluster([str(folder)], None, parquet=lake)
    second = on_cluster([str(folder)], None, parquet=lake)
    assert first.extracted == len(YEARS) and second.extracted == 0 and second.unchanged == len(YEARS)
    facts = pq.read_table(lake / "facts")
    assert facts.num_rows == first.facts       # nothing written twice


def test_a_worker_that_dies_costs_only_its_document(folder, tmp_path, on_cluster, monkeypatch):
    """A partition whose worker fails is split; the document that fails alone is recorded as failed."""
    real = dask_ingest.extract_partition

    def fragile(tasks: list[tuple[Job, bytes | None]], chunk_chars: int):
        if any(job.source.endswith("2019.txt") for job, _ in tasks):
            raise MemoryError("pretend the worker ran out of memory")
        return real(tasks, chunk_chars)

    monkeypatch.setattr(dask_ingest, "extract_partition", fragile)
    monkeypatch.setattr(dask_ingest, "PARTITION_DOCUMENTS", 10)   # all documents in one partition
    monkeypatch.setattr(dask_ingest, "PARTITIONS_PER_WORKER", 1)
    report = on_cluster([str(folder / "older"), str(folder / "2024.txt")], tmp_path / "dask.duckdb")
    assert report.extracted == 2
    [(name, reason)] = report.failures
    assert name.endswith("2019.txt") and "the worker extracting it failed" in reason and "MemoryError" in reason


def test_an_unreachable_scheduler_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(dask_ingest, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(dask_ingest.ClusterError, match=r"tcp://127\.0\.0\.1:9: cannot reach the Dask scheduler"):
        with dask_ingest.dask_client("tcp://127.0.0.1:9"):
            pass


def test_the_command_on_the_cluster_names_bad_files_and_says_where_it_wrote(folder, tmp_path, on_cluster, capsys):
    db, lake = tmp_path / "c.duckdb", tmp_path / "lake"
    code = cli.main(["ingest", str(folder), "--db", str(db), "--engine", "dask", "--parquet", str(lake)])
    err = capsys.readouterr().err
    assert code == cli.EXIT_FAILED                                  # some files failed
    for bad in ("broken.pdf", "empty.txt", "binary.txt"):
        assert f"{folder / bad}: " in err
    assert "4 documents extracted" in err and f"-> {db} and {lake}" in err
    assert cli.main(["ingest", str(folder / "2024.txt"), "--db", str(db), "--engine", "dask"]) == cli.EXIT_OK
    assert "0 documents extracted" in capsys.readouterr().err      # stored already: nothing sent


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--db", "x.duckdb", "--scheduler", "tcp://h:8786"], "--scheduler needs --engine dask"),
        (["--db", "x.duckdb", "--parquet", "lake"], "--parquet needs --engine dask"),
        ([], "give the store: --db STORE"),
        (["--engine", "dask"], "give the store (--db STORE), a Parquet folder (--parquet DIR) or both"),
        (["--engine", "dask", "--db", "x.duckdb", "--scheduler", "tcp://h:8786", "--jobs", "2"],
         "--jobs sets the workers of a cluster on this machine"),
    ],
)
def test_the_command_refuses_flags_that_do_not_go_together(flags, message, tmp_path, capsys):
    assert cli.main(["ingest", str(tmp_path), *flags]) == cli.EXIT_USAGE
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []                          # nothing created


def test_a_scheduler_given_by_address_gets_the_bytes_of_local_files(folder, tmp_path, client, monkeypatch):
    """The --scheduler path: a client of its own, the workers' engine checked, local files shipped
    as bytes (a remote worker cannot read this disk); the store is the local ingest's."""
    shipped: list[bool] = []
    real = dask_ingest._tasks

    def spy(partition, ship_bytes):
        tasks = real(partition, ship_bytes)
        shipped.extend(data is not None for _job, data in tasks)
        return tasks

    monkeypatch.setattr(dask_ingest, "_tasks", spy)
    report = ingest_on_cluster([str(folder)], tmp_path / "remote.duckdb", scheduler=client.scheduler.address)
    local = ingest([str(folder)], tmp_path / "local.duckdb", jobs=1)
    assert report.extracted == local.extracted == len(YEARS)
    # every readable file went as bytes; the three bad ones too, except none that cannot be read here
    assert shipped and all(shipped)
    assert _checksum(_tables(tmp_path / "remote.duckdb")["facts"]) == _checksum(_tables(tmp_path / "local.duckdb")["facts"])


def test_workers_of_another_engine_version_are_refused(client, monkeypatch):
    monkeypatch.setattr(dask_ingest, "ENGINE_VERSION", "not-this-one")
    with pytest.raises(dask_ingest.ClusterError, match=r"worker tcp://[^ ]+ runs engine version \w+, this machine not-this-one"):
        with dask_ingest.dask_client(client.scheduler.address):
            pass


def test_file_urls_on_the_cluster_are_the_local_files(folder, tmp_path, on_cluster):
    by_url = on_cluster([f"file://{folder}/older"], tmp_path / "url.duckdb")
    by_path = ingest([str(folder / "older")], tmp_path / "path.duckdb", jobs=1)
    assert by_url.extracted == by_path.extracted == 2
    for table in ("documents", "facts", "paths"):
        assert _checksum(_tables(tmp_path / "url.duckdb")[table]) == _checksum(_tables(tmp_path / "path.duckdb")[table])


def test_documents_behind_memory_urls_are_ingested_under_their_urls(folder, tmp_path):
    fs = fsspec.filesystem("memory")
    root = f"/reports-{uuid.uuid4().hex}"
    fs.pipe(f"{root}/2024.txt", (folder / "2024.txt").read_bytes())
    fs.pipe(f"{root}/bad.pdf", b"not a pdf")
    try:
        report = ingest([f"memory://{root}"], tmp_path / "m.duckdb", jobs=1)
        again = ingest([f"memory://{root}"], tmp_path / "m.duckdb", jobs=1)
    finally:
        fs.rm(root, recursive=True)
    assert report.extracted == 1
    assert report.facts == ingest([str(folder / "2024.txt")], tmp_path / "f.duckdb", jobs=1).facts > 0
    assert report.failures == [(f"memory://{root}/bad.pdf", "corrupt PDF: not a PDF file (no %PDF header)")]
    assert again.unchanged == 1 and again.extracted == 0
    assert sorted(_tables(tmp_path / "m.duckdb")["paths"]["path"]) == [f"memory://{root}/2024.txt", f"memory://{root}/bad.pdf"]


def test_a_run_killed_at_any_moment_is_finished_by_the_next(folder, tmp_path, on_cluster):
    """kill -9 of the command (and its cluster) once the first parts come back, then a rerun: the
    store is the one an uninterrupted local ingest makes, nothing lost and nothing doubled."""
    many = tmp_path / "many"
    many.mkdir()
    texts = [(folder / f"{year}.txt") if year >= "2024" else (folder / "older" / f"{year}.txt") for year in YEARS]
    for number in range(24):                       # an issue number at the top: no two files alike
        (many / f"{number:02d}.txt").write_text(f"第{number + 1}期\n" + texts[number % 4].read_text("utf-8"), "utf-8")
    db = tmp_path / "killed.duckdb"
    command = [sys.executable, "-c", "import sys; from indicators.cli import main; sys.exit(main())",
               "ingest", str(many), "--db", str(db), "--engine", "dask", "-q"]
    run = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not (staging_folder(db) / "documents").exists() and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(random.uniform(0, 0.5))
    finally:
        os.killpg(run.pid, signal.SIGKILL)             # the command and the cluster it started
        run.wait()
    assert run.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    again = on_cluster([str(many)], db)
    assert again.failures == [] and again.unchanged + again.extracted == 24
    ingest([str(many)], tmp_path / "whole.duckdb", jobs=1)
    mine, whole = _tables(db), _tables(tmp_path / "whole.duckdb")
    for table in ("documents", "facts", "paths", "texts"):
        assert _checksum(mine[table]) == _checksum(whole[table]), table
