"""The corpus store: ``python -m benchmarks.bench_corpus [--docs 200] [--store-docs 10000]``
(``python3 tasks.py bench-corpus``).

1. Ingest throughput: ``--docs`` documents synthesised from the real ones (benchmarks/synth.py: the
   work reports and the labelled documents, years shifted, regions and figures varied) are extracted
   without a store (the engine's speed on one core), then ingested into a new store with ``--jobs 1``
   and ``--jobs 2``: documents/s, MB/s, and the peak memory (max RSS) of the largest process.
2. A large store: ``--store-docs`` synthesised files, each stored with the facts of one of the
   documents really extracted in 1 (periods shifted with the file's years, regions varied), about a
   million facts: store size per million facts.
3. Re-ingest of that unchanged corpus (every file read and hashed, nothing extracted). Goal: 10,000
   documents under 10 s.
4. Query latency on that store, each query opening the store as ``indicators.corpus`` does: series
   (goal < 100 ms on a million facts), a sentence search, the coverage table.

A benchmark, not a test: numbers depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from benchmarks.synth import PROVINCES, default_sources, synthesise
from indicators.batch.ingest import source_name
from indicators.corpus import open_corpus
from indicators.lang.regions import lookup
from indicators.pipeline import ProcessedDocument, document_id, process_document
from indicators.store import Store

REPO = Path(__file__).resolve().parent.parent
_INGEST = ("import sys; from indicators.batch.ingest import ingest; "
           "r = ingest([sys.argv[1]], sys.argv[2], jobs=int(sys.argv[3])); print(r.extracted, r.facts, r.bytes, r.seconds)")


def _ingest_in_child(folder: Path, db: Path, jobs: int) -> tuple[float, float, int, int, int, float, float]:
    """(seconds with the process start, seconds of ingest() itself, documents, facts, bytes, peak RSS
    in MB of the largest process, CPU seconds of all its processes) of one ingest run in a fresh
    process (its workers included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _INGEST, str(folder), str(db), str(jobs)], cwd=REPO,
                         check=True, capture_output=True, text=True).stdout
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = max(before.ru_maxrss, after.ru_maxrss) / 1024
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    docs, facts, size, inside = out.split()
    return seconds, float(inside), int(docs), int(facts), int(size), peak, cpu


def _shift_years(frame: pd.DataFrame, years: int) -> pd.DataFrame:
    frame = frame.copy()
    for column in ("period_start", "period_end"):
        has = frame[column] != ""
        year = frame.loc[has, column].str[:4].astype(int) + years
        frame.loc[has, column] = year.astype(str) + frame.loc[has, column].str[4:]
    return frame


def _fill_store(db: Path, files: list[Path], templates: list[ProcessedDocument], seed: int) -> None:
    """Store every file with the facts of a template document, varied."""
    rng = random.Random(seed)
    regions = [lookup(p) for p in PROVINCES]
    shifted: dict[tuple[int, int], pd.DataFrame] = {}
    batch: list[ProcessedDocument] = []
    with Store.open(db) as store:
        for i, path in enumerate(files):
            data = path.read_bytes()
            index, years = i % len(templates), rng.randint(-6, 6)
            template = templates[index]
            if (index, years) not in shifted:
                shifted[index, years] = _shift_years(template.facts, years)
            facts = shifted[index, years].copy()
            if rng.random() < 0.5:
                region = rng.choice(regions)
                national = facts["region_code"] == "100000"
                facts.loc[national, "region_name"] = region.name
                facts.loc[national, "region_code"] = region.code
            doc_id, source = document_id(data), source_name(path)
            facts["doc_id"] = doc_id
            facts["source"] = source
            row = dict(template.document, doc_id=doc_id, path=source, facts=len(facts), bytes=len(data),
                       ingested_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
                       doc_date=str(int(template.document["doc_date"][:4] or 2000) + years))
            batch.append(ProcessedDocument(row, facts, data.decode("utf-8")))
            if len(batch) >= 1000:
                store.save_many(batch)
                batch = []
        store.save_many(batch)


def _latency(call, repeat: int) -> tuple[float, float, float]:
    """(median, worst, median CPU) milliseconds of ``repeat`` calls, after one warm-up call. CPU time
    (all of DuckDB's threads) says what the query costs when other programs compete for the cores."""
    call()
    times, cpu = [], []
    for _ in range(repeat):
        start, cpu_start = time.perf_counter(), time.process_time()
        call()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - cpu_start) * 1000)
    return statistics.median(times), max(times), statistics.median(cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200, help="documents ingested for throughput (default 200)")
    parser.add_argument("--store-docs", type=int, default=10_000, help="documents of the large store (default 10,000)")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs of each query (default 20)")
    parser.add_argument("--dir", help="work in this folder (default: a temporary folder, removed after)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    work = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="bench_corpus_"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        return _run(args, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _run(args: argparse.Namespace, work: Path) -> int:
    sources = default_sources()
    docs_dir = work / "docs"
    files = synthesise(docs_dir, args.docs, seed=1, sources=sources)
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    print(f"documents:   {len(files):,} synthesised from {len(sources)} real ones, {megabytes:.1f} MB")

    process_document(source_name(files[0]), files[0].read_bytes())         # load the word lists outside the timing
    start, cpu_start = time.perf_counter(), time.process_time()
    templates = [process_document(source_name(p), p.read_bytes()) for p in files]
    extraction, extraction_cpu = time.perf_counter() - start, time.process_time() - cpu_start
    facts = sum(len(t.facts) for t in templates)
    print(f"extraction:  {len(files) / extraction:6.1f} documents/s, {megabytes / extraction:5.2f} MB/s on one core, "
          f"no store ({facts:,} facts; {extraction_cpu / len(files) * 1000:.0f} ms CPU per document)")
    one = work / "one"                      # the process start and the first document's word-list loading
    one.mkdir()
    shutil.copy(files[0], one / files[0].name)
    *_, start_cpu = _ingest_in_child(one, work / "one.duckdb", 1)
    for jobs in (1, 2):
        total, seconds, docs, stored, size, peak, cpu = _ingest_in_child(docs_dir, work / f"ingest{jobs}.duckdb", jobs)
        assert (docs, stored) == (len(files), facts), (docs, stored)
        # CPU is counted for -j1 only: the workers of -j2 are not children the ingest process waits for
        per_document = (cpu - start_cpu) / (docs - 1) if jobs == 1 else None
        cost = (f"; {per_document * 1000:.0f} ms CPU per document, {per_document / (extraction_cpu / len(files)) - 1:+.0%} "
                f"over extraction alone" if per_document else "")
        print(f"ingest -j{jobs}:  {docs / seconds:6.1f} documents/s, {size / 1e6 / seconds:5.2f} MB/s, "
              f"{seconds:.1f} s ({total:.1f} s with the process start), peak RSS {peak:.0f} MB{cost}")

    big_dir = work / "store_docs"
    big_files = synthesise(big_dir, args.store_docs, seed=2, sources=sources)
    big_mb = sum(p.stat().st_size for p in big_files) / 1e6
    db = work / "large.duckdb"
    start = time.perf_counter()
    _fill_store(db, big_files, [t for t in templates if t.ok and len(t.facts)], seed=3)
    fill = time.perf_counter() - start
    with Store.open(db) as store:
        start = time.perf_counter()
        store.optimise()
        optimise = time.perf_counter() - start
        counts = store.counts()
    size = db.stat().st_size
    total = counts["facts"]
    print(f"large store: {len(big_files):,} files, {counts['documents']:,} distinct documents ({big_mb:.0f} MB of text), "
          f"{total:,} facts, {size / 1e6:.0f} MB on disk = {size / 1e6 / (total / 1e6):.0f} MB per million facts "
          f"(texts included); saved in {fill:.0f} s, sorted (Store.optimise) in {optimise:.1f} s")

    total, seconds, docs, *_ = _ingest_in_child(big_dir, db, 2)
    assert docs == 0, f"{docs} documents extracted again"
    print(f"re-ingest:   {len(big_files):,} unchanged documents in {total:.1f} s with the process start, "
          f"{seconds:.1f} s in ingest() (goal: 10,000 in under 10 s)")

    corpus = open_corpus(db)
    queries = {
        "series gdp growth 全国": lambda: corpus.series("gdp", kind="growth", region="全国"),
        "series gdp, all regions": lambda: corpus.series("gdp"),
        "series cpi 安徽 all vintages": lambda: corpus.series("cpi", region="安徽", all_vintages=True),
        "facts containing 粮食 (100)": lambda: corpus.facts(contains="粮食", limit=100),
        "coverage": corpus.coverage,
    }
    for name, call in queries.items():
        median, worst, cpu = _latency(call, args.repeat)
        print(f"query:       {name:<30} median {median:6.1f} ms, worst {worst:6.1f} ms, CPU {cpu:6.1f} ms "
              f"({len(call()):,} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
