"""Writing the fact table: CSV that Chinese Excel opens, JSON and Parquet, chosen by file suffix;
whole tables as bytes, or streamed frame by frame to a file that appears only when complete; and
Parquet parts of a data lake, typed by an explicit schema even when they hold no row."""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..schema import COLUMNS, OFFSET_COLUMNS, VALUE_COLUMNS, empty_table

FORMATS = (".csv", ".json", ".parquet")

# The Arrow type of every numeric column of the fact table; every other column is text.
_NUMERIC_TYPES = {**dict.fromkeys(OFFSET_COLUMNS, pa.int64()), **dict.fromkeys(VALUE_COLUMNS, pa.float64())}
def arrow_schema(columns: tuple[str, ...] = COLUMNS) -> pa.Schema:
    """The explicit Arrow schema of fact columns (numbers as int64/float64, the rest as strings, as
    ``doc_id`` when the columns of stored facts are asked for)."""
    return pa.schema([pa.field(name, _NUMERIC_TYPES.get(name, pa.string())) for name in columns])


def to_arrow(frame: pd.DataFrame, schema: pa.Schema) -> pa.Table:
    """``frame``'s columns of ``schema`` as an Arrow table of exactly that schema (typed when empty);
    KeyError naming a missing column."""
    missing = [name for name in schema.names if name not in frame.columns]
    if missing:
        raise KeyError(f"the facts have no column {', '.join(missing)}")
    arrays = [
        pa.array(frame[f.name].to_numpy(dtype=object if pa.types.is_string(f.type) else None),
                 type=f.type, from_pandas=True)
        for f in schema
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


def to_parquet_part(frame: pd.DataFrame, schema: pa.Schema) -> bytes:
    """One Parquet part of the fact table (or of any table ``schema`` describes), as bytes."""
    buf = io.BytesIO()
    pq.write_table(to_arrow(frame, schema), buf)
    return buf.getvalue()


def write_part(data: bytes, directory: str | os.PathLike, name: str) -> str:
    """Put one part file into ``directory`` (a local folder, created if need be, or an fsspec URL
    such as s3://lake/facts); a local part appears under its name only when complete."""
    directory = os.fspath(directory)
    if "://" in directory and not directory.startswith("file://"):
        import fsspec  # fsspec loads slowly; only URLs need it

        fs, root = fsspec.core.url_to_fs(directory)
        target = f"{root.rstrip('/')}/{name}"
        fs.makedirs(root, exist_ok=True)
        fs.pipe_file(target, data)       # an object store shows an object only once it is whole
        return fs.unstrip_protocol(target)
    if directory.startswith("file://"):
        directory = directory[len("file://"):]
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, folder / name)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return str(folder / name)

# Excel treats a cell starting with one of these as a formula; a quote in front makes it plain text.
# A plain signed number (a table's -4.2, a mention as written) is no formula and stays as it is.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SIGNED_NUMBER = re.compile(r"[-+][0-9]+(?:\.[0-9]+)?")


def _neutral(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _SIGNED_NUMBER.fullmatch(value):
        return "'" + value
    return value


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``frame`` whose text cells cannot be read as spreadsheet formulas."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(_neutral)
    return out


def to_csv_bytes(frame: pd.DataFrame, *, safe_for_excel: bool = True) -> bytes:
    """UTF-8 CSV with a BOM, so Excel shows Chinese; the BOM is added by encoding the bytes here
    because ``DataFrame.to_csv(encoding="utf-8-sig")`` without a path drops it."""
    if safe_for_excel:
        frame = neutralise_formulas(frame)
    return frame.to_csv(index=False).encode("utf-8-sig")


def to_json_bytes(frame: pd.DataFrame) -> bytes:
    """A JSON array of records, Chinese kept readable (not \\u-escaped)."""
    return frame.to_json(orient="records", force_ascii=False, indent=1).encode("utf-8")


def to_parquet_bytes(frame: pd.DataFrame) -> bytes:
    buf = io.BytesIO()
    frame.to_parquet(buf, index=False)
    return buf.getvalue()


def write_table(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write ``frame`` to ``path`` in the format its suffix names (.csv, .json or .parquet)."""
    path = Path(path)
    check_output(path)
    writers = {".csv": to_csv_bytes, ".json": to_json_bytes, ".parquet": to_parquet_bytes}
    path.write_bytes(writers[path.suffix.lower()](frame))
    return path


def check_output(path: str | os.PathLike) -> None:
    """Raise (OSError, or ValueError for an unknown format) when no table can be written at ``path``:
    checked before any work, so that a bad output name costs nothing."""
    path = Path(path)
    if path.is_dir():
        raise OSError("is a directory; give a file name such as facts.csv")
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"unknown output format {suffix or '(no suffix)'!r}; use one of {', '.join(FORMATS)}")
    if not path.parent.is_dir():
        raise OSError(f"output directory does not exist: {path.parent}")


class TableWriter:
    """Writes the fact table frame by frame, so memory holds one chunk's rows at a time.

    The bytes go to a hidden temporary file beside ``path`` that replaces ``path`` only on
    :meth:`close`; an interrupted run never leaves half a table under the real name. For a single
    frame, the result equals :func:`write_table`'s.
    """

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self.suffix = self.path.suffix.lower()
        check_output(self.path)
        parent = self.path.parent
        try:
            fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{self.path.name}.", suffix=".part")
        except OSError as exc:
            reason = "permission denied" if isinstance(exc, PermissionError) else exc.strerror or str(exc)
            raise OSError(f"cannot write in {parent}: {reason}") from exc
        self.tmp = Path(tmp)
        self.fh = os.fdopen(fd, "wb")
        self.rows = 0
        self._first = True
        self._parquet = None
        self._schema = None
        if self.suffix == ".json":
            self.fh.write(b"[")

    def write(self, frame: pd.DataFrame) -> None:
        cols = list(COLUMNS)
        if all(c in frame.columns for c in cols):
            frame = frame[cols]
        if self.suffix == ".csv":
            self._write_csv(frame)
        elif self.suffix == ".json":
            self._write_json(frame)
        else:
            self._write_parquet(frame)
        self.rows += len(frame)
        self._first = False

    def _write_csv(self, frame: pd.DataFrame) -> None:
        if self._first:
            self.fh.write(to_csv_bytes(frame))
        elif len(frame):
            self.fh.write(neutralise_formulas(frame).to_csv(index=False, header=False).encode("utf-8"))

    def _write_json(self, frame: pd.DataFrame) -> None:
        if not len(frame):
            return
        body = to_json_bytes(frame).strip()
        # "[ {...}, {...} ]" → the records between the brackets, joined across frames by a comma
        inner = body[1:-1].strip(b"\n")
        if self.rows:
            self.fh.write(b",")
        self.fh.write(b"\n" + inner)

    def _write_parquet(self, frame: pd.DataFrame) -> None:
        if self._parquet is None:
            template = frame if len(frame) else empty_table()
            self._schema = pa.Table.from_pandas(template.iloc[:0], preserve_index=False).schema
            self._parquet = pq.ParquetWriter(self.fh, self._schema)
        if len(frame):
            table = pa.Table.from_pandas(frame, preserve_index=False)
            try:
                table = table.cast(self._schema)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError, ValueError):
                table = pa.Table.from_pandas(frame.astype(object), schema=self._schema, preserve_index=False)
            self._parquet.write_table(table)

    def close(self) -> Path:
        if self._first:
            self.write(empty_table())
        if self.suffix == ".json":
            self.fh.write(b"\n]" if self.rows else b"]")
        if self._parquet is not None:
            self._parquet.close()
        self.fh.close()
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(self.tmp, 0o666 & ~mask)
        os.replace(self.tmp, self.path)
        return self.path

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            if self._parquet is not None:
                self._parquet.close()
        with contextlib.suppress(Exception):
            self.fh.close()
        with contextlib.suppress(OSError):
            self.tmp.unlink()
