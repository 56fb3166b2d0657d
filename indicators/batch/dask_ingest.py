"""The ingest on a Dask cluster: the same documents, the same pipeline function, the same store.

    ingest_on_cluster(inputs, db)                         a LocalCluster of worker processes here
    ingest_on_cluster(inputs, db, scheduler="tcp://…")    the workers of a running cluster

What happens:

1. ``plan`` (the local ingest's) decides what needs extracting: a document already stored with this
   engine version is never sent to a worker.
2. The jobs go to the workers in partitions. A job is the document's name (a path or URL the worker
   reads itself) or, for a local file when the cluster is elsewhere, the file's bytes. Each worker
   runs ``run_job`` / ``pipeline.process_document``, the function of the local ingest.
3. A partition comes back as a :class:`~indicators.batch.parts.Part`: the documents' rows and texts
   and their facts, as Parquet with an explicit schema. This process writes it into the staging
   folder beside the store (``corpus.duckdb.parts/``), saves the documents with the local ingest's
   ``save_results`` (batches, one transaction each), and deletes the staged parts a batch saved;
   parts left by a run that was killed are loaded first by the next run. With ``parquet=DIR`` each
   part is also kept under DIR (a data lake).

Partitions in flight are bounded, so memory stays flat however many documents there are, and
what is finished is saved while the rest is still extracting.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from ..io.files import is_url, read_source
from ..io.reader import ReadError
from ..pipeline import (
    DEFAULT_CHUNK_CHARS,
    ENGINE_VERSION,
    ProcessedDocument,
    empty_facts,
    failed_document,
    process_document,
)
from ..store import Store
from ..store.duck import DEFAULT_TIMEOUT
from .ingest import IngestReport, Job, plan, run_job, save_results
from .parts import Part, complete_parts, lake_documents, read_part, remove_part

DEFAULT_WORKERS = 2              # processes of a LocalCluster (one per core of a small machine)
CONNECT_TIMEOUT = "20s"          # to reach a scheduler given by --scheduler
PARTITION_DOCUMENTS = 50         # documents of a partition, at most
PARTITIONS_PER_WORKER = 4        # partitions in flight per worker thread: enough to keep it busy


class ClusterError(Exception):
    """The cluster cannot be used: unreachable, or its workers cannot run this engine."""


def staging_folder(db: str | os.PathLike) -> Path:
    """Where parts wait between a worker and the store: beside the store, ``NAME.parts/``."""
    db = Path(db)
    return db.with_name(db.name + ".parts")


# ------------------------------------------------------------------------------------- on a worker


def extract_partition(tasks: list[tuple[Job, bytes | None]], chunk_chars: int) -> Part:
    """Extract a partition's documents (on a worker): a job with bytes is extracted from them,
    one without reads its document where it is named. Never raises for a bad document."""
    docs = [
        run_job(job, chunk_chars) if data is None
        else process_document(job.source, data, given=job.given, chunk_chars=chunk_chars)
        for job, data in tasks
    ]
    return Part.of(docs)


def _worker_version() -> str:
    return ENGINE_VERSION


# ------------------------------------------------------------------------------------- the client


@contextmanager
def dask_client(scheduler: str | None = None, workers: int = DEFAULT_WORKERS) -> Iterator:
    """A ``distributed.Client`` of the cluster at ``scheduler``, or of a LocalCluster of ``workers``
    processes (one thread each: the engine is pure Python) started here and stopped on exit.

    A LocalCluster starts its workers by *spawning* Python: a script that calls this must guard its
    top level with ``if __name__ == "__main__":``."""
    from distributed import Client, LocalCluster  # distributed loads slowly; only this path needs it

    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise ClusterError(f"{scheduler}: cannot reach the Dask scheduler: {exc}") from exc
        with client:
            _check_workers(client, scheduler)
            yield client
        return
    # quiet: a worker slow to stop on a busy machine is killed after a warning the user cannot act on
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def _check_workers(client, scheduler: str) -> None:
    """Every worker must run this engine version: else its facts would differ from a local run's."""
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"{scheduler}: the scheduler has no worker (start some with `dask worker {scheduler}`)") from exc
    try:
        versions = client.run(_worker_version)
    except Exception as exc:   # a worker that cannot unpickle the function has no indicators installed
        raise ClusterError(
            f"{scheduler}: a worker cannot run indicators ({type(exc).__name__}: {exc}); "
            "install the same version of indicators on every worker"
        ) from exc
    other = {address: v for address, v in versions.items() if v != ENGINE_VERSION}
    if other:
        address, version = next(iter(other.items()))
        raise ClusterError(
            f"{scheduler}: worker {address} runs engine version {version}, this machine {ENGINE_VERSION}; "
            "install the same version of indicators on every worker"
        )


def _partitions(jobs: list[Job], workers: int) -> list[list[Job]]:
    """Jobs cut into partitions: small enough that every worker gets several, at most
    PARTITION_DOCUMENTS each (a partition's facts are held in memory twice on their way)."""
    size = max(1, min(PARTITION_DOCUMENTS, -(-len(jobs) // (PARTITIONS_PER_WORKER * max(workers, 1)))))
    return [jobs[i:i + size] for i in range(0, len(jobs), size)]


def _tasks(partition: list[Job], ship_bytes: bool) -> list[tuple[Job, bytes | None]]:
    """A partition's jobs as they travel: local files with their bytes when the workers are elsewhere
    (a worker cannot read this machine's disk); URLs always by name (a worker reads them itself)."""
    if not ship_bytes:
        return [(job, None) for job in partition]
    tasks = []
    for job in partition:
        if is_url(job.source):
            tasks.append((job, None))
            continue
        try:
            tasks.append((job, read_source(job.source)))
        except ReadError:
            tasks.append((job, None))     # the worker names the reason, as the local ingest does
    return tasks


def ingest_on_cluster(
    inputs: Iterable[str], db: str | os.PathLike | None, *, parquet: str | os.PathLike | None = None,
    scheduler: str | None = None, workers: int = DEFAULT_WORKERS, reextract: bool = False,
    recursive: bool = True, given: Mapping[str, str] | None = None, chunk_chars: int = DEFAULT_CHUNK_CHARS,
    progress: Callable[[int, int, ProcessedDocument], None] | None = None, timeout: float = DEFAULT_TIMEOUT,
) -> IngestReport:
    """Ingest the documents under ``inputs`` on a Dask cluster into the store at ``db`` and/or as
    Parquet parts under ``parquet`` (a folder or an fsspec URL); the same report as ``ingest``.

    Without ``db`` the lake is its own index: a document whose row is in ``parquet``'s documents
    parts with this engine version is not extracted again."""
    if db is None and parquet is None:
        raise ValueError("give a store (db), a Parquet folder (parquet) or both")
    started = time.perf_counter()
    report = IngestReport()
    inputs = list(inputs)
    if db is not None:
        _load_staged(db, timeout)
        work, failures = plan(db, inputs, reextract=reextract, recursive=recursive, given=given,
                              timeout=timeout, report=report)
    else:
        with _lake_index(parquet) as index:
            work, failures = plan(index, inputs, reextract=reextract, recursive=recursive, given=given,
                                  report=report)
    report.failures.extend(failures)
    if work:
        with dask_client(scheduler, workers) as client:
            docs = _Extracted(client, work, db, parquet, chunk_chars, ship_bytes=scheduler is not None)
            if db is None:
                try:
                    for done, doc in enumerate(docs, 1):
                        report.count(doc)
                        if progress is not None:
                            progress(done, len(work), doc)
                except KeyboardInterrupt:
                    report.interrupted = True   # the parts written stay in the lake
            else:
                # saved as the local ingest saves: batches, pacing, the facts sorted at the end
                save_results(docs, db, total=len(work), report=report, progress=progress, timeout=timeout,
                             saved=docs.saved)
    report.seconds = time.perf_counter() - started
    return report


class _Extracted:
    """The documents of the partitions as they come back from the workers, a bounded number of
    partitions in flight. Each part is kept under ``parquet`` (the lake) and staged beside the store
    as it arrives; ``saved()`` (called once the store has every document handed out so far) removes
    the staged parts, so a killed run leaves only the parts the store may not have yet."""

    def __init__(self, client, work: list[Job], db, parquet, chunk_chars: int, *, ship_bytes: bool) -> None:
        self.client, self.work, self.parquet = client, work, parquet
        self.chunk_chars, self.ship_bytes = chunk_chars, ship_bytes
        self.staging = staging_folder(db) if db is not None else None
        self.staged: list[str] = []       # parts handed out whole, not yet known to be stored
        self.running: dict = {}           # future -> its partition

    def __iter__(self) -> Iterator[ProcessedDocument]:
        from distributed import as_completed  # distributed loads slowly; only this path needs it

        threads = sum(self.client.nthreads().values()) or 1
        pending = iter(_partitions(self.work, threads))
        run_id = f"{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:8]}"
        for partition in pending:
            self._submit(partition)
            if len(self.running) >= PARTITIONS_PER_WORKER * threads:
                break
        flow = as_completed(list(self.running))
        count = 0
        try:
            for future in flow:
                partition = self.running.pop(future)
                try:
                    part = future.result()
                except Exception as exc:   # a worker died on it (or a bug): find the document, keep the rest
                    if len(partition) > 1:
                        for job in partition:
                            flow.add(self._submit([job]))
                        continue
                    part = Part.of([failed_document(partition[0].source, f"the worker extracting it failed: "
                                                    f"{type(exc).__name__}: {exc}")])
                for partition in pending:
                    flow.add(self._submit(partition))
                    break
                count += 1
                name = f"part-{run_id}-{count:05d}"
                docs = self._keep(part, name)
                yield from docs[:-1]
                if self.staging is not None:
                    self.staged.append(name)      # whole once its last document is handed out
                yield docs[-1]
        finally:   # Ctrl-C, or the caller stopped: what was handed out is saved by the caller
            self.client.cancel(list(self.running))

    def _submit(self, partition: list[Job]):
        future = self.client.submit(extract_partition, _tasks(partition, self.ship_bytes), self.chunk_chars,
                                    pure=False)
        self.running[future] = partition
        return future

    def _keep(self, part: Part, name: str) -> list[ProcessedDocument]:
        if self.parquet is not None:
            part.write(self.parquet, name)
        if self.staging is not None:
            part.write(self.staging, name)
        return part.processed()

    def saved(self) -> None:
        for name in self.staged:
            remove_part(self.staging, name)
        self.staged = []


def _load_staged(db: str | os.PathLike, timeout: float) -> None:
    """Parts a killed run received but did not save: into the store, then away."""
    staging = staging_folder(db)
    for name in complete_parts(staging):
        with Store.open(db, timeout=timeout) as store:
            store.save_many(read_part(staging, name).processed())
        remove_part(staging, name)


@contextmanager
def _lake_index(parquet: str | os.PathLike) -> Iterator[Store]:
    """An in-memory store holding the rows of the lake's documents (no facts, no text): what
    ``plan`` needs to know which documents the lake has already."""
    none = empty_facts()
    with Store.open(":memory:") as index:
        index.save_many(ProcessedDocument(row, none, "") for row in lake_documents(parquet))
        yield index
