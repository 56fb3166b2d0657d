"""The ingest on a Dask LocalCluster against the local ingest: ``python -m benchmarks.bench_dask
[--docs 10000] [--jobs 2] [--corpus DIR]``.

Writes ``--docs`` documents (``benchmarks.synth``: the labelled pages and the sample page, their
years, places and figures varied) into a temporary folder unless ``--corpus`` names one, then
ingests them into fresh stores twice: with the local ingest's ``--jobs`` processes, and on a
LocalCluster of ``--jobs`` worker processes (its start included). Reports documents/s of each, the cluster's overhead over the local processes (goal:
within 25%), and checks that both stores hold the same facts. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from indicators.batch.dask_ingest import dask_client, ingest_on_cluster
from indicators.batch.ingest import ingest
from indicators.pipeline import FACT_COLUMNS

from .synth import default_sources, synthesise

GOAL = 0.25


def _checksum(db: Path) -> tuple[int, int]:
    """(facts, the sum of their rows' hashes): the same for the same rows in any order."""
    columns = ", ".join(f'"{c}"' for c in FACT_COLUMNS)
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(f"SELECT count(*), sum(hash({columns})) FROM facts").fetchone()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2, help="local processes and LocalCluster workers")
    parser.add_argument("--corpus", type=Path, help="a folder of documents (default: pages written here)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench_dask_"))
    try:
        corpus = args.corpus
        if corpus is None:
            corpus = work / "corpus"
            corpus.mkdir()
            size = sum(p.stat().st_size for p in synthesise(corpus, args.docs, sources=default_sources(small_only=True)))
            print(f"corpus: {args.docs:,} documents, {size / 1e6:.1f} MB in {corpus}")
        started = time.perf_counter()
        with dask_client(workers=args.jobs):
            pass
        print(f"a LocalCluster of {args.jobs} workers starts and stops in {time.perf_counter() - started:.1f}s")

        local = ingest([str(corpus)], work / "local.duckdb", jobs=args.jobs)
        print(f"local ingest, --jobs {args.jobs}: {local.extracted:,} documents, {local.facts:,} facts in "
              f"{local.seconds:.1f}s ({local.extracted / local.seconds:.0f} documents/s)")
        remote = ingest_on_cluster([str(corpus)], work / "dask.duckdb", workers=args.jobs)
        print(f"dask ingest, LocalCluster of {args.jobs}: {remote.extracted:,} documents, {remote.facts:,} facts "
              f"in {remote.seconds:.1f}s ({remote.extracted / remote.seconds:.0f} documents/s)")
        overhead = remote.seconds / local.seconds - 1
        print(f"load average during the runs: {os.getloadavg()[1]:.1f} on {os.cpu_count()} cores (other work skews both)")
        verdict = "within" if overhead <= GOAL else "NOT within"
        print(f"cluster overhead over local processes: {overhead:+.0%} ({verdict} the goal of {GOAL:.0%})")
        # (synthesised twins are stored once: compare the stores with each other, not with the sums)
        same = local.facts == remote.facts and _checksum(work / "local.duckdb") == _checksum(work / "dask.duckdb")
        print(f"same facts in both stores (order-independent checksum): {'yes' if same else 'NO'}")
        again = ingest_on_cluster([str(corpus)], work / "dask.duckdb", workers=args.jobs)
        print(f"dask re-ingest of the unchanged corpus: {again.unchanged:,} unchanged, "
              f"{again.extracted} extracted, {again.seconds:.1f}s (no cluster started)")
        return 0 if same else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":   # the LocalCluster spawns its workers, which import this module again
    sys.exit(main())
