"""The ``indicators`` command: facts from files and folders into one table, or a file's text.

    indicators extract PATH... -o OUT      # OUT's suffix picks the format: .csv, .json, .parquet
    indicators text FILE                   # the text exactly as the engine sees it

Every file that cannot be read gives one line ``indicators: FILE: reason`` on stderr; the other
files are still processed and written, and the exit status is 1 when anything failed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import reader
from .reader import SUPPORTED_SUFFIXES, TEXT_SUFFIXES, ReadError

PROG = "indicators"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
OUTPUT_FORMATS = (".csv", ".json", ".parquet")
DEFAULT_CHUNK_CHARS = 1_000_000


def _engine():
    """``indicators.extract``, looked up at call time (tests may replace it)."""
    import indicators

    return indicators.extract


def _columns() -> list[str]:
    from .schema import COLUMNS

    return list(COLUMNS)


def _empty_table() -> pd.DataFrame:
    from .schema import empty_table

    return empty_table()


# ---------------------------------------------------------------------------------------- output


class TableWriter:
    """Writes the fact table frame by frame, so memory holds one chunk's rows at a time.

    The bytes go to a hidden temporary file beside ``path`` that replaces ``path`` only on
    :meth:`close`; an interrupted run never leaves half a table under the real name. For a single
    frame, the result equals :func:`indicators.export.write_table`'s.
    """

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self.suffix = self.path.suffix.lower()
        if self.path.is_dir():
            raise OSError("is a directory; give a file name such as facts.csv")
        if self.suffix not in OUTPUT_FORMATS:
            shown = self.suffix or "(no suffix)"
            raise ValueError(f"unknown output format {shown!r}; use one of {', '.join(OUTPUT_FORMATS)}")
        parent = self.path.parent
        if not parent.is_dir():
            raise OSError(f"output directory does not exist: {parent}")
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
        cols = _columns()
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
        from .export import neutralise_formulas, to_csv_bytes

        if self._first:
            self.fh.write(to_csv_bytes(frame))
        elif len(frame):
            self.fh.write(neutralise_formulas(frame).to_csv(index=False, header=False).encode("utf-8"))

    def _write_json(self, frame: pd.DataFrame) -> None:
        from .export import to_json_bytes

        if not len(frame):
            return
        body = to_json_bytes(frame).strip()
        # "[ {...}, {...} ]" → the records between the brackets, joined across frames by a comma
        inner = body[1:-1].strip(b"\n")
        if self.rows:
            self.fh.write(b",")
        self.fh.write(b"\n" + inner)

    def _write_parquet(self, frame: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self._parquet is None:
            template = frame if len(frame) else _empty_table()
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
            self.write(_empty_table())
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


# ------------------------------------------------------------------------------------ file walking


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
            walk.failures.append((str(top), f"cannot list folder: {reader._os_reason(exc)}"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = top / entry.name
            try:
                is_dir = entry.is_dir()  # follows symlinks
            except OSError as exc:
                walk.failures.append((str(path), reader._os_reason(exc)))
                continue
            if is_dir:
                if not recursive:
                    continue
                try:
                    st = entry.stat()
                except OSError as exc:
                    walk.failures.append((str(path), reader._os_reason(exc)))
                    continue
                key = (st.st_dev, st.st_ino)
                if key in ancestors:
                    walk.failures.append((str(path), "symlink loop (links back to a folder above it)"))
                    continue
                walk_dir(path, (*ancestors, key))
            elif _supported(path):
                add_file(path)  # a broken link or a link loop is named by the reader
            else:
                walk.skipped.append(path)

    for arg in paths:
        path = Path(arg)
        try:
            st = path.stat()
        except OSError as exc:
            walk.failures.append((arg, reader._os_reason(exc) + _hint_no_such(exc)))
            continue
        if stat.S_ISDIR(st.st_mode):
            walk_dir(path, ((st.st_dev, st.st_ino),))
        else:
            add_file(path)
    return walk


def _hint_no_such(exc: OSError) -> str:
    import errno

    return " or directory" if exc.errno == errno.ENOENT else ""


# ------------------------------------------------------------------------------------- extraction


@dataclass
class FileResult:
    facts: int = 0
    chars: int = 0
    warnings: list[str] = field(default_factory=list)


def _shift(frame: pd.DataFrame, offset: int, source: str) -> pd.DataFrame:
    """Offsets of a chunk's facts made relative to the whole text; source set to the file."""
    if not len(frame):
        return frame
    frame = frame.copy()
    if offset:
        frame["start"] = frame["start"] + offset
        frame["end"] = frame["end"] + offset
    frame["source"] = source
    return frame


def iter_text(path: Path, chunk_chars: int = DEFAULT_CHUNK_CHARS, notes: list[str] | None = None):
    """Yield ``(offset, text)`` pieces of a document's text: chunks for text files, else one piece.

    The pieces joined are exactly the text whose offsets the extracted facts refer to.
    """
    if path.suffix.lower() in TEXT_SUFFIXES:
        yield from reader.iter_text_chunks(path, chunk_chars, notes=notes)
        return
    doc = reader.load_path(path)
    if notes is not None:
        notes.extend(doc.warnings)
    yield 0, doc.text


def display_name(path: Path | str) -> str:
    """The path as text; bytes that are not UTF-8 in a file name become U+FFFD (tables need text)."""
    return os.fsencode(path).decode("utf-8", "replace")


def extract_file(
    path: Path, writer: TableWriter, chunk_chars: int = DEFAULT_CHUNK_CHARS, source: str | None = None
) -> FileResult:
    """Extract the facts of one document into ``writer``; raise ReadError when it fails."""
    extract = _engine()
    source = display_name(path) if source is None else source
    result = FileResult()
    section = ""  # the last headline of the previous chunk: chunks may start mid-article
    for offset, text in iter_text(path, chunk_chars, result.warnings):
        result.chars = offset + len(text)
        try:
            frame = extract(text, source=source)
        except Exception as exc:
            where = f" at character {offset}" if offset else ""
            kept = f" ({result.facts} facts before it were kept)" if result.facts else ""
            raise ReadError(
                str(path), f"extraction failed{where}{kept}: {type(exc).__name__}: {exc}"
            ) from exc
        if len(frame) and "section" in frame.columns:
            sections = frame["section"].fillna("").astype(str)
            if section and (sections == "").any():
                first_named = next((i for i, s in enumerate(sections) if s), len(sections))
                if first_named:
                    frame = frame.copy()
                    frame.iloc[:first_named, frame.columns.get_loc("section")] = section
            named = [s for s in sections if s]
            if named:
                section = named[-1]
        frame = _shift(frame, offset, source)
        writer.write(frame)
        result.facts += len(frame)
    return result


# ------------------------------------------------------------------------------------------ output


def _say(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def cmd_extract(args: argparse.Namespace) -> int:
    if args.chunk_chars < 1000:
        _say("--chunk-chars must be at least 1000")
        return EXIT_USAGE
    try:
        writer = TableWriter(args.output)
    except ValueError as exc:
        _say(f"{args.output}: {exc}")
        return EXIT_USAGE
    except OSError as exc:
        _say(f"{args.output}: {exc}")
        return EXIT_USAGE
    try:
        _engine()
    except (ImportError, AttributeError) as exc:
        writer.abort()
        _say(f"the extraction engine is not available: {type(exc).__name__}: {exc}")
        return EXIT_USAGE
    started = time.perf_counter()
    walk = collect(args.paths, recursive=args.recursive)
    failures = list(walk.failures)
    for name, reason in walk.failures:
        _say(f"{name}: {reason}")
    done = facts = chars = 0
    try:
        for path in walk.files:
            try:
                result = extract_file(path, writer, args.chunk_chars)
            except ReadError as exc:
                failures.append((exc.name, exc.reason))
                _say(str(exc))
                continue
            except MemoryError:
                failures.append((str(path), "out of memory"))
                _say(f"{path}: out of memory")
                continue
            except OSError:
                raise  # the output could not be written: stop (handled below)
            except Exception as exc:  # a bug must not cost the other files their facts
                failures.append((str(path), f"internal error: {type(exc).__name__}: {exc}"))
                _say(f"{path}: internal error: {type(exc).__name__}: {exc}")
                continue
            for note in result.warnings:
                _say(f"{path}: warning: {note}")
            done += 1
            facts += result.facts
            chars += result.chars
            if args.verbose:
                _say(f"{path}: {_plural(result.facts, 'fact')} from {_plural(result.chars, 'character')}")
        out = writer.close()
    except KeyboardInterrupt:
        writer.abort()
        _say("interrupted; nothing written")
        return 130
    except OSError as exc:
        writer.abort()
        _say(f"{args.output}: cannot write: {exc.strerror or exc}")
        return EXIT_FAILED
    except BaseException:
        writer.abort()  # never leave a half-written hidden .part file behind
        raise
    total = done + len(failures)
    if not args.quiet:
        if walk.skipped:
            kinds = sorted({p.suffix.lower() or "(no suffix)" for p in walk.skipped})
            _say(f"skipped {_plural(len(walk.skipped), 'file')} of unsupported type ({', '.join(kinds)})")
        seconds = time.perf_counter() - started
        _say(
            f"{_plural(done, 'file')} read, {_plural(facts, 'fact')} written to {out} "
            f"({_plural(chars, 'character')}, {seconds:.1f}s)"
        )
    if total == 0:
        _say("no documents found (supported: " + ", ".join(SUPPORTED_SUFFIXES) + ")")
        return EXIT_FAILED
    if failures:
        _say(f"{len(failures)} of {_plural(total, 'file')} failed")
        return EXIT_FAILED
    return EXIT_OK


def cmd_text(args: argparse.Namespace) -> int:
    path = Path(args.file)
    notes: list[str] = []
    out = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
    try:
        if path.is_dir():
            raise ReadError(str(path), "is a directory (give one file)")
        for _offset, text in iter_text(path, DEFAULT_CHUNK_CHARS, notes):
            if out is not None:
                out.write(text.encode("utf-8", "surrogatepass"))
            else:  # a text stream without a buffer (tests, IDEs)
                sys.stdout.write(text)
        if out is not None:
            out.flush()
    except ReadError as exc:
        _say(str(exc))
        return EXIT_FAILED
    for note in notes:
        _say(f"{path}: warning: {note}")
    return EXIT_OK


# ------------------------------------------------------------------------------------------ parser

DESCRIPTION = """\
Turn Chinese economic text (统计公报, 政府工作报告, news pages) into a table of quantitative facts.

Documents: .txt and .md (UTF-8 with or without BOM, GBK/GB18030, UTF-16: detected, not guessed
from the locale), .html/.htm (main text only), .pdf (text layer; scanned PDFs need OCR first),
.docx."""

EXTRACT_EPILOG = """\
Output columns: source, section, sentence, start, end, mention, value, unit, qualifier,
value_low, value_high, kind, indicator, period, region, topic. start/end are character
offsets into the text `indicators text FILE` prints.

Each file that cannot be read is named on stderr with the reason ("indicators: FILE: reason");
all other files are still processed and written. Damaged text (a file truncated inside a
character, a stray bad byte) is read with U+FFFD in place of the bad bytes and a warning line.
Exit status: 0 all files read, 1 some file failed (the count is printed) or no document found,
2 bad usage or unwritable output.

examples:
  indicators extract 公报.pdf -o facts.csv
  indicators extract reports/ news.html -o facts.parquet
  indicators extract "my docs/" --no-recursive -o out.json"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Run `indicators COMMAND --help` for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser(
        "extract",
        help="extract facts from files and folders into a .csv, .json or .parquet table",
        description="Extract every quantitative fact from the documents into one table.",
        epilog=EXTRACT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="document files and folders; in folders, files of a supported type are read "
        "(hidden files and other types are skipped)",
    )
    ex.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="output file; its suffix picks the format: .csv (UTF-8 with BOM, opens in Excel), "
        ".json (array of records), .parquet. Its folder must exist; an existing file is replaced",
    )
    ex.add_argument(
        "--recursive",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="read sub-folders too (default: yes; --no-recursive reads only the folder's own files)",
    )
    ex.add_argument(
        "--chunk-chars",
        type=int,
        default=DEFAULT_CHUNK_CHARS,
        metavar="N",
        help="text files are read and extracted in pieces of at most N characters, cut at "
        "paragraph breaks, so files of any size use bounded memory; offsets still refer to "
        f"the whole text (default: {DEFAULT_CHUNK_CHARS:,})",
    )
    ex.add_argument("-q", "--quiet", action="store_true", help="print only failures, no summary")
    ex.add_argument("-v", "--verbose", action="store_true", help="print one line per file read")
    ex.set_defaults(func=cmd_extract)

    tx = sub.add_parser(
        "text",
        help="print a document's text exactly as the engine sees it",
        description="Print the text of FILE exactly as the engine sees it (decoded, main text of "
        "HTML, PDF lines re-joined), in UTF-8, so any fact's start/end can be checked by hand: "
        "the mention is text[start:end].",
    )
    tx.add_argument("file", metavar="FILE", help="one document (.txt, .md, .html, .htm, .pdf, .docx)")
    tx.set_defaults(func=cmd_text)
    return parser


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("indicators")
    except Exception:
        return "0+unknown"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.func(args)
    except BrokenPipeError:  # `indicators text big.txt | head`
        with contextlib.suppress(Exception):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback; the message names what went wrong
        _say(f"internal error: {type(exc).__name__}: {exc}")
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
