"""Many documents into a corpus store, incrementally and safely.

    plan(store, inputs)     which files need extracting: new, changed, extracted by another engine
                            version, or failed before; files whose content is stored already are linked
    run_job(job)            read and extract one planned document (in any process)
    save_results(docs, db)  save processed documents as they come, in short transactions
    ingest(inputs, db)      plan, run_job in local worker processes, save_results

A document's row, facts and text are saved in one transaction, so a run killed at any moment
leaves every document either fully stored or absent, and the next run extracts exactly the
documents that are missing. The store is held only while a batch is saved (every few seconds),
so readers in other processes get in between (see ``indicators.store``).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..engine.metadata import given_agrees
from ..io.files import GivenMetadata, collect, read_source
from ..io.reader import ReadError
from ..pipeline import (
    DEFAULT_CHUNK_CHARS,
    ENGINE_VERSION,
    ProcessedDocument,
    document_id,
    failed_document,
    process_document,
)
from ..store import Store
from ..store.duck import DEFAULT_TIMEOUT

BATCH_SECONDS = 2.0            # by default a batch is saved after at least this long ...
SAVE_SHARE = 0.03              # ... and after 33 times as long as saving the last one took (the store is
                               # held at most 3% of the time: readers get in, extraction is barely slowed) ...
BATCH_DOCUMENTS = 500          # ... or when it holds this many documents ...
BATCH_CHARACTERS = 50_000_000  # ... or this much text


@dataclass
class Job:
    """A document that needs extracting: where to read it, the hash it had when planned ("" when it
    could not be read then), what the caller or a metadata.csv says it is."""

    source: str
    doc_id: str
    given: dict = field(default_factory=dict)


@dataclass
class IngestReport:
    files: int = 0                 # documents found under the inputs
    unchanged: int = 0             # stored already with this engine version: not read again
    linked: int = 0                # content stored already under another path: recorded, not extracted
    extracted: int = 0             # extracted and saved without error
    facts: int = 0                 # facts of the documents extracted
    characters: int = 0
    bytes: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)   # (file, reason), named on stderr by the CLI
    warnings: list[tuple[str, str]] = field(default_factory=list)   # (file, what the reader repaired)
    skipped: list[Path] = field(default_factory=list)               # files of an unsupported type in the folders
    interrupted: bool = False
    optimised: bool = False        # the facts were sorted again at the end (see Store.optimise)

    def count(self, doc: ProcessedDocument) -> None:
        """Count one document extracted (by local workers or a cluster's)."""
        row = doc.document
        if doc.ok:
            self.extracted += 1
            self.facts += row["facts"]
            self.characters += row["characters"]
            self.bytes += row["bytes"]
            self.warnings.extend((row["path"], note) for note in row["warnings"].splitlines())
        else:
            self.failures.append((row["path"], row["error"]))


def source_name(path: Path | str) -> str:
    """The name a file is stored under: its absolute path (the same file from any working folder)."""
    return os.fsdecode(os.path.abspath(path)).encode("utf-8", "replace").decode("utf-8")


@contextmanager
def _opened(store: Store | str | os.PathLike, timeout: float) -> Iterator[Store]:
    """The store itself, or the store at a path opened for as long as the block runs."""
    if isinstance(store, Store):
        yield store
        return
    with Store.open(store, timeout=timeout) as opened:
        yield opened


def plan(store: Store | str | os.PathLike, inputs: list[str], *, reextract: bool = False, recursive: bool = True,
         given: Mapping[str, str] | None = None, timeout: float = DEFAULT_TIMEOUT,
         report: IngestReport | None = None) -> tuple[list[Job], list[tuple[str, str]]]:
    """The documents under ``inputs`` (files, folders) that need extracting, and what went wrong
    finding them (``(name, reason)``: a missing input, an unlistable folder, a bad metadata.csv).

    A file is skipped when its content hash and the engine version are stored already for it; a file
    whose content is stored under another path is linked to it (no extraction). ``store`` is an open
    Store or the path of one, which is then opened only to read what is stored and to save the links.
    ``given`` (date, region, kind) holds for every document, over what a metadata.csv says; a stored
    document given other metadata than it holds is extracted again."""
    report = report if report is not None else IngestReport()
    walk = collect(inputs, recursive=recursive)
    failures = list(walk.failures)
    report.skipped.extend(walk.skipped)
    report.files += len(walk.files) + len(walk.urls)
    with _opened(store, timeout) as opened:
        known = opened.known()
        versions = opened.stored_versions()
        stored_metadata = opened.stored_metadata()
    metadata = GivenMetadata(inputs)
    jobs: list[Job] = []
    links: list[tuple[str, str]] = []
    # a document behind a URL is named by it; no metadata.csv is looked for beside it
    for source, path in [(source_name(p), p) for p in walk.files] + [(url, None) for url in walk.urls]:
        wanted = dict(given or {})
        if path is not None:
            found, problems = metadata.for_document(path)
            failures.extend(problems)
            wanted = found | wanted
        try:
            doc_id = document_id(read_source(source))
        except ReadError:
            jobs.append(Job(source, "", wanted))         # extracted to record why it cannot be read
            continue
        # a document stored with other metadata than it is given now is extracted again (its facts'
        # periods and regions follow the document's date and region)
        if not reextract and (not wanted or given_agrees(wanted, *stored_metadata.get(doc_id, ("", "", "")))):
            if known.get(source) == (doc_id, ENGINE_VERSION):
                report.unchanged += 1
                continue
            if versions.get(doc_id) == ENGINE_VERSION:
                links.append((source, doc_id))
                continue
        jobs.append(Job(source, doc_id, wanted))
    failures.extend(metadata.unused_rows())
    if links:
        with _opened(store, timeout) as opened:
            opened.link_many(links)
        report.linked += len(links)
    return jobs, failures


def run_job(job: Job, chunk_chars: int = DEFAULT_CHUNK_CHARS) -> ProcessedDocument:
    """Read and extract one job's document (in a worker process); never raises for a bad document."""
    try:
        data = read_source(job.source)
    except ReadError as exc:
        return failed_document(job.source, exc.reason)
    return process_document(job.source, data, given=job.given, chunk_chars=chunk_chars)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the main process, which saves what is done and stops them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


_DIED = "the worker process extracting it died (out of memory?)"


def _results(jobs: list[Job], workers: int, chunk_chars: int,
             run: Callable[[Job, int], ProcessedDocument] = run_job) -> Iterator[ProcessedDocument]:
    """Each job's document as soon as it is extracted (in completion order) by ``run``."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield run(job, chunk_chars)
        return
    pending = deque(jobs)
    while (yield from _pool_results(pending, workers, chunk_chars, run)):
        pass                                     # a worker died: the other documents go on in a new pool


def _pool_results(pending: deque[Job], workers: int, chunk_chars: int,
                  run: Callable[[Job, int], ProcessedDocument]) -> Generator[ProcessedDocument, None, bool]:
    """The documents of ``pending`` from one pool of worker processes; returns whether the pool broke
    (a worker died) before all were done."""
    # forkserver: workers never inherit an open store or the parent's threads
    context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_ignore_interrupts) as pool:
        running: dict[Future, Job] = {}

        def submit_next() -> None:
            if pending:
                job = pending.popleft()
                try:
                    running[pool.submit(run, job, chunk_chars)] = job
                except BrokenProcessPool:
                    pending.appendleft(job)      # the pool broke first: the next pool extracts it
                    raise

        try:
            for _ in range(2 * workers):         # a few queued per worker, not the whole corpus in memory
                submit_next()
            while running:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    doc = future.result()        # BrokenProcessPool when a worker died
                    del running[future]
                    yield doc
                    submit_next()
        except BrokenProcessPool:
            # the documents in flight are named (one of them killed its worker: out of memory, a crash)
            for future, job in running.items():
                finished = future.done() and not future.cancelled() and future.exception() is None
                yield future.result() if finished else failed_document(job.source, _DIED)
            if not running and pending:          # broken with none in flight: the next is named, so that
                yield failed_document(pending.popleft().source, _DIED)     # every pool ends one document
            return True
    return False


def ingest(inputs: Iterable[str], db: str | os.PathLike, *, jobs: int | None = None, reextract: bool = False,
           progress: Callable[[int, int, ProcessedDocument], None] | None = None, recursive: bool = True,
           given: Mapping[str, str] | None = None, chunk_chars: int = DEFAULT_CHUNK_CHARS,
           timeout: float = DEFAULT_TIMEOUT, batch_seconds: float | None = None) -> IngestReport:
    """Ingest the documents under ``inputs`` into the store at ``db`` (created when missing).

    ``jobs`` worker processes extract (default: all cores; 1 extracts in this process); the store is
    opened only to save a batch of finished documents (see :func:`save_results`).
    ``progress(done, total, doc)`` is called after each document. Ctrl-C saves the documents
    already extracted, then stops (``report.interrupted``)."""
    started = time.perf_counter()
    report = IngestReport()
    work, failures = plan(db, list(inputs), reextract=reextract, recursive=recursive, given=given,
                          timeout=timeout, report=report)
    report.failures.extend(failures)
    save_results(_results(work, jobs or os.cpu_count() or 1, chunk_chars), db, total=len(work), report=report,
                 progress=progress, timeout=timeout, batch_seconds=batch_seconds)
    report.seconds = time.perf_counter() - started
    return report


def save_results(docs: Iterable[ProcessedDocument], db: str | os.PathLike, *, total: int, report: IngestReport,
                 progress: Callable[[int, int, ProcessedDocument], None] | None = None,
                 timeout: float = DEFAULT_TIMEOUT, batch_seconds: float | None = None,
                 saved: Callable[[], None] | None = None) -> IngestReport:
    """Save processed documents as they come (from local workers or a cluster) into the store at
    ``db``, counting them in ``report``. They are saved in batches, each in one transaction: every
    ``batch_seconds`` when given, else as BATCH_SECONDS and SAVE_SHARE say, so the store is free for
    readers most of the time. After the last batch the facts are sorted when many were added
    (Store.optimise). Ctrl-C saves what came so far and stops (``report.interrupted``).
    ``saved()`` is called after each batch is committed: every document that came so far is stored."""
    batch: list[ProcessedDocument] = []
    batch_chars = 0
    last_save = time.monotonic()
    interval = BATCH_SECONDS if batch_seconds is None else batch_seconds

    def save(last: bool = False) -> None:
        nonlocal batch, batch_chars, last_save, interval
        if batch or (last and report.extracted):
            started_saving = time.monotonic()
            with Store.open(db, timeout=timeout) as store:
                store.save_many(batch)
                if last and report.extracted and store.needs_optimising():
                    report.optimised = True
                    store.optimise()
            if batch_seconds is None:
                interval = max(BATCH_SECONDS, (time.monotonic() - started_saving) / SAVE_SHARE)
            if saved is not None:
                saved()
        batch, batch_chars, last_save = [], 0, time.monotonic()

    try:
        for done, doc in enumerate(docs, 1):
            report.count(doc)
            batch.append(doc)
            batch_chars += len(doc.text)
            if (len(batch) >= BATCH_DOCUMENTS or batch_chars >= BATCH_CHARACTERS
                    or time.monotonic() - last_save >= interval):
                save()
            if progress is not None:
                progress(done, total, doc)
    except KeyboardInterrupt:
        report.interrupted = True
    save(last=not report.interrupted)
    return report
