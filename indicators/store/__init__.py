"""The corpus store: documents, their text and their facts in one embedded DuckDB file.

DuckDB lets one process at a time open a file for writing, and while it has it open no other
process can open it at all. So a writer holds the file only for short transactions (``ingest``
extracts first and opens the store only to save a batch), and every opener waits and retries while
another process holds it, failing after ``timeout`` seconds with a message that says so
(:class:`StoreBusy`).
"""

from .duck import SCHEMA_VERSION, Store, StoreBusy, StoreError

__all__ = ["SCHEMA_VERSION", "Store", "StoreBusy", "StoreError"]
