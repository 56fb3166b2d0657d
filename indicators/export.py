"""Writing the fact table: CSV that Chinese Excel opens, JSON and Parquet, chosen by file suffix."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

FORMATS = (".csv", ".json", ".parquet")

# Excel treats a cell starting with one of these as a formula; a quote in front makes it plain text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``frame`` whose text cells cannot be read as spreadsheet formulas."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v
            )
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
    suffix = path.suffix.lower()
    writers = {".csv": to_csv_bytes, ".json": to_json_bytes, ".parquet": to_parquet_bytes}
    if suffix not in writers:
        raise ValueError(f"{path}: unknown output format {suffix or '(no suffix)'!r}; use one of {', '.join(FORMATS)}")
    path.write_bytes(writers[suffix](frame))
    return path
