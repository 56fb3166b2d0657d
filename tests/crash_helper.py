"""A stand-in for ``run_job`` that kills its worker process on a document named ``crash*``: how an
ingest goes on when a worker dies (imported by the forkserver's workers, so it lives in a module)."""

from __future__ import annotations

import os
from pathlib import Path

from indicators.batch.ingest import Job, run_job


def crash_or_run(job: Job, chunk_chars: int):
    if Path(job.source).name.startswith("crash"):
        os._exit(1)
    return run_job(job, chunk_chars)
