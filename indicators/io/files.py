"""Documents named on a command line: files, folders (walked in name order) and globs; what a
``metadata.csv`` beside them says about them."""

from __future__ import annotations

import csv
import errno
import io
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..schema import DOC_KINDS, iso_date
from .reader import SUPPORTED_SUFFIXES, os_reason


@dataclass
class Walk:
    """Files found under the command-line paths, and what went wrong finding them."""

    files: list[Path] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def collect(paths: Iterable[str], recursive: bool = True) -> Walk:
    """Expand files and folders into a sorted list of documents.

    In folders, hidden entries (``.name``) and files of unsupported type are skipped; a file
    named on the command line is always attempted (and fails clearly if unsupported). Symbolic
    links are followed, but a link back to a folder already being walked is reported as a loop.
    """
    walk = Walk()
    seen: set[tuple[int, int]] = set()

    def add_file(path: Path) -> None:
        try:
            st = path.stat()
            key = (st.st_dev, st.st_ino)
        except OSError:
            key = None  # let the reader report the problem
        if key is not None:
            if key in seen:
                return
            seen.add(key)
        walk.files.append(path)

    def walk_dir(top: Path, ancestors: tuple[tuple[int, int], ...]) -> None:
        try:
            entries = sorted(os.scandir(top), key=lambda e: e.name)
        except OSError as exc:
            walk.failures.append((str(top), f"cannot list folder: {os_reason(exc)}"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = top / entry.name
            try:
                is_dir = entry.is_dir()  # follows symlinks
            except OSError as exc:
                walk.failures.append((str(path), os_reason(exc)))
                continue
            if is_dir:
                if not recursive:
                    continue
                try:
                    st = entry.stat()
                except OSError as exc:
                    walk.failures.append((str(path), os_reason(exc)))
                    continue
                key = (st.st_dev, st.st_ino)
                if key in ancestors:
                    walk.failures.append((str(path), "symlink loop (links back to a folder above it)"))
                    continue
                walk_dir(path, (*ancestors, key))
            elif _supported(path):
                add_file(path)  # a broken link or a link loop is named by the reader
            elif entry.name != METADATA_FILE:        # read by given_metadata, not a document
                walk.skipped.append(path)

    for arg in paths:
        path = Path(arg)
        try:
            st = path.stat()
        except OSError as exc:
            walk.failures.append((arg, os_reason(exc) + _hint_no_such(exc)))
            continue
        if stat.S_ISDIR(st.st_mode):
            walk_dir(path, ((st.st_dev, st.st_ino),))
        else:
            add_file(path)
    return walk


def _hint_no_such(exc: OSError) -> str:
    return " or directory" if exc.errno == errno.ENOENT else ""


# ------------------------------------------------------------------------------------------ metadata.csv

METADATA_FILE = "metadata.csv"
METADATA_COLUMNS = ("file", "date", "region", "kind")


@dataclass
class MetadataTable:
    """What a ``metadata.csv`` says about the documents beside it (and in its sub-folders)."""

    path: Path
    entries: dict[str, dict[str, str]] = field(default_factory=dict)   # file (POSIX, relative) -> given
    problems: list[str] = field(default_factory=list)                  # "row 3: date '2025-13' is not a date"
    rows: dict[str, int] = field(default_factory=dict)                 # file -> its row, for messages


def read_metadata_table(path: Path) -> MetadataTable:
    """Read one ``metadata.csv`` (columns file,date,region,kind; file relative to its folder; any of
    date, region, kind may be empty). A bad row is named in ``problems`` and skipped; the rest count."""
    table = MetadataTable(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        table.problems.append("not UTF-8 text (save it as UTF-8 CSV)")
        return table
    except OSError as exc:
        table.problems.append(f"cannot read: {os_reason(exc)}")
        return table
    rows = csv.reader(io.StringIO(text))
    header = [h.strip().lower() for h in next(rows, [])]
    if "file" not in header:
        table.problems.append(f"row 1: no 'file' column (the header must be {','.join(METADATA_COLUMNS)})")
        return table
    unknown = [h for h in header if h and h not in METADATA_COLUMNS]
    if unknown:
        table.problems.append(f"row 1: unknown column {unknown[0]!r} (columns: {','.join(METADATA_COLUMNS)})")
    for number, row in enumerate(rows, 2):
        if not any(cell.strip() for cell in row):
            continue
        values = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header) if h in METADATA_COLUMNS}
        name = values.pop("file", "")
        reason = _metadata_row_problem(name, values, table.entries)
        if reason:
            table.problems.append(f"row {number}: {reason}")
            continue
        if values.get("date"):
            values["date"] = iso_date(values["date"])
        table.entries[_relative_key(name)] = {k: v for k, v in values.items() if v}
        table.rows[_relative_key(name)] = number
    return table


def _relative_key(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).as_posix() if name else ""


def _metadata_row_problem(name: str, values: dict[str, str], seen: dict) -> str:
    if not name:
        return "no file named"
    if _relative_key(name) in seen:
        return f"{name!r} is named twice"
    if values.get("date"):
        try:
            iso_date(values["date"])
        except ValueError as exc:
            return f"date {exc}"
    if values.get("kind") and values["kind"] not in DOC_KINDS:
        return f"kind {values['kind']!r} is not one of {', '.join(DOC_KINDS)}"
    return ""


_TABLES: dict[tuple[str, int, int], MetadataTable] = {}


def _table_at(folder: Path) -> MetadataTable | None:
    path = folder / METADATA_FILE
    try:
        st = path.stat()
    except OSError:
        return None
    key = (str(path), st.st_mtime_ns, st.st_size)
    if key not in _TABLES:
        _TABLES[key] = read_metadata_table(path)
    return _TABLES[key]


def given_metadata(document: Path, root: Path | None = None) -> tuple[dict[str, str], MetadataTable | None]:
    """What a ``metadata.csv`` says about ``document`` ({date, region, kind}, only those it gives),
    and the table it came from (whose ``problems`` the caller reports once).

    The nearest ``metadata.csv`` wins: in the document's folder, else in a folder above it up to
    ``root`` (the folder the user named); without ``root`` only the document's own folder is read.
    """
    folder = document.parent
    stop = root.resolve() if root is not None else folder.resolve()
    while True:
        table = _table_at(folder)
        if table is not None:
            try:
                key = document.resolve().relative_to(folder.resolve()).as_posix()
            except ValueError:
                key = document.name
            return dict(table.entries.get(key, {})), table
        if folder.resolve() == stop or folder.parent == folder:
            return {}, None
        folder = folder.parent


class GivenMetadata:
    """What the ``metadata.csv`` files under the folders a run names say about each document, and
    what is wrong with them: a table's own problems (named once, when it is first read) and its rows
    that named no document read (a misspelt file name, named at the end)."""

    def __init__(self, paths: Iterable[str | os.PathLike]) -> None:
        self.roots = [Path(p) for p in paths if Path(p).is_dir()]
        self.tables: dict[Path, tuple[MetadataTable, set[str]]] = {}   # table -> the files it named that were read

    def for_document(self, path: Path) -> tuple[dict[str, str], list[tuple[str, str]]]:
        """(what the nearest metadata.csv gives for ``path``, the ``(table, problem)`` of a table read
        for the first time)."""
        root = next((r for r in self.roots if path.is_relative_to(r)), None)
        given, table = given_metadata(path, root)
        problems: list[tuple[str, str]] = []
        if table is not None:
            if table.path not in self.tables:
                self.tables[table.path] = (table, set())
                problems = [(str(table.path), problem) for problem in table.problems]
            if given:
                self.tables[table.path][1].add(path.resolve().relative_to(table.path.parent.resolve()).as_posix())
        return given, problems

    def unused_rows(self) -> list[tuple[str, str]]:
        """Rows of the tables read that name no document read: ``(table, problem)``."""
        return [(str(table.path), f"row {table.rows[key]}: {key!r} is not among the documents read")
                for table, used in self.tables.values()
                for key in sorted(set(table.entries) - used, key=table.rows.get)]

    def problem_count(self) -> int:
        return sum(len(table.problems) for table, _ in self.tables.values()) + len(self.unused_rows())
