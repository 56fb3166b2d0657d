"""The ``indicators`` command: facts from files and folders into one table, or a file's text.

    indicators extract PATH... -o OUT      # OUT's suffix picks the format: .csv, .json, .parquet
    indicators text FILE                   # the text exactly as the engine sees it
    indicators explain "TEXT"              # each number with a unit: the rule that kept or dropped it

Every file that cannot be read gives one line ``indicators: FILE: reason`` on stderr; the other
files are still processed and written, and the exit status is 1 when anything failed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from pathlib import Path

from .engine.explain import explain, format_verdicts
from .io.files import METADATA_FILE, MetadataTable, collect, given_metadata
from .io.reader import SUPPORTED_SUFFIXES, ReadError
from .io.writer import TableWriter
from .pipeline import DEFAULT_CHUNK_CHARS, extract_file, iter_text
from .schema import COLUMNS, DOC_KINDS, iso_date

PROG = "indicators"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


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
        cli_given = _given_on_command_line(args)
    except ValueError as exc:
        _say(str(exc))
        return EXIT_USAGE
    try:
        writer = TableWriter(args.output)
    except ValueError as exc:
        _say(f"{args.output}: {exc}")
        return EXIT_USAGE
    except OSError as exc:
        _say(f"{args.output}: {exc}")
        return EXIT_USAGE
    started = time.perf_counter()
    walk = collect(args.paths, recursive=args.recursive)
    failures = list(walk.failures)
    for name, reason in walk.failures:
        _say(f"{name}: {reason}")
    roots = [Path(p) for p in args.paths if Path(p).is_dir()]
    tables: dict[Path, tuple[MetadataTable, set[str]]] = {}   # metadata.csv read -> the files it named that were used
    done = facts = chars = 0
    try:
        for path in walk.files:
            given = _given_for(path, roots, tables) | cli_given
            try:
                result = extract_file(path, writer, args.chunk_chars, given=given)
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
    metadata_problems = _report_metadata(tables)
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
    if metadata_problems:
        _say(f"{_plural(metadata_problems, 'problem')} in {METADATA_FILE} (named above)")
        return EXIT_FAILED
    return EXIT_OK


def _given_on_command_line(args: argparse.Namespace) -> dict[str, str]:
    """--doc-date, --doc-region, --doc-kind: what every document of the run is said to be."""
    given = {}
    if args.doc_date:
        try:
            given["date"] = iso_date(args.doc_date)
        except ValueError as exc:
            raise ValueError(f"--doc-date: {exc}") from None
    if args.doc_region:
        given["region"] = args.doc_region.strip()
    if args.doc_kind:
        given["kind"] = args.doc_kind
    return given


def _given_for(path: Path, roots: list[Path], tables: dict) -> dict[str, str]:
    """What the nearest metadata.csv says about a document (its problems are named once, right away)."""
    root = next((r for r in roots if path.is_relative_to(r)), None)
    given, table = given_metadata(path, root)
    if table is not None:
        if table.path not in tables:
            tables[table.path] = (table, set())
            for problem in table.problems:
                _say(f"{table.path}: {problem}")
        if given:
            tables[table.path][1].add(path.resolve().relative_to(table.path.parent.resolve()).as_posix())
    return given


def _report_metadata(tables: dict) -> int:
    """Rows of a metadata.csv that name no document read are named (a misspelt file name); the
    number of problems found in the tables, for the exit status."""
    problems = 0
    for table, used in tables.values():
        problems += len(table.problems)
        for key in sorted(set(table.entries) - used, key=table.rows.get):
            _say(f"{table.path}: row {table.rows[key]}: {key!r} is not among the documents read")
            problems += 1
    return problems


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


def cmd_explain(args: argparse.Namespace) -> int:
    text = sys.stdin.read() if args.text == "-" else args.text
    verdicts = explain(text)
    if verdicts:
        print(format_verdicts(verdicts))
    else:
        _say("no number with a unit in the text")
    return EXIT_OK


# ------------------------------------------------------------------------------------------ parser

DESCRIPTION = """\
Turn Chinese economic text (统计公报, 政府工作报告, news pages) into a table of quantitative facts.

Documents: .txt and .md (UTF-8 with or without BOM, GBK/GB18030, UTF-16: detected, not guessed
from the locale), .html/.htm (main text only), .pdf (text layer; scanned PDFs need OCR first),
.docx."""

EXTRACT_EPILOG = f"""\
Output columns: {", ".join(COLUMNS)}.
start/end are character offsets into the text `indicators text FILE` prints. period_start and
period_end are ISO dates, region_code the 6-digit division code (全国 100000), indicator_id the
catalogue's id (gdp, cpi …), modality actual, target or forecast (see the README).

What a document is (its date, region and kind) is read from its title, dateline and issuer; a
metadata.csv in a folder (columns file,date,region,kind; file relative to that folder) says it
for the documents under it, and --doc-date, --doc-region, --doc-kind for every document of the run.

Each file that cannot be read is named on stderr with the reason ("indicators: FILE: reason");
all other files are still processed and written. Damaged text (a file truncated inside a
character, a stray bad byte) is read with U+FFFD in place of the bad bytes and a warning line.
Exit status: 0 all files read, 1 some file failed (the count is printed) or no document found,
2 bad usage or unwritable output.

examples:
  indicators extract 公报.pdf -o facts.csv
  indicators extract reports/ news.html -o facts.parquet
  indicators extract "my docs/" --no-recursive -o out.json
  indicators extract 安徽2025.txt --doc-date 2025-01-14 --doc-region 安徽省 -o facts.csv"""


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
    ex.add_argument(
        "--doc-date",
        metavar="DATE",
        help="the date every document was delivered or released (YYYY-MM-DD, YYYY-MM or YYYY): what "
        "今年, 去年 and the parts of a work report are read against (default: read from each document's "
        "dateline, title or file name, or its metadata.csv)",
    )
    ex.add_argument(
        "--doc-region",
        metavar="NAME",
        help="the region every document is about (全国, 安徽省, 鞍山): the region of facts whose text names "
        "none (default: read from each document's title or issuer, or its metadata.csv)",
    )
    ex.add_argument(
        "--doc-kind",
        choices=DOC_KINDS,
        help="what every document is (default: read from each document's title)",
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

    xp = sub.add_parser(
        "explain",
        help="print each number with a unit in TEXT and the rule that kept or dropped it",
        description="Print, for each number with a unit in TEXT, the fact it became (KEPT) or the named "
        "rule that dropped it (DROPPED) with the rule's reason; facts found by other patterns (百分之八, "
        "splits, index levels, the low end of a range) are listed too. Offsets are into TEXT.",
        epilog='example:\n  indicators explain "2021年，全市完成投资300.1亿元，开工亿元以上项目697个。"',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    xp.add_argument("text", metavar="TEXT", help="the text to explain (- reads it from standard input)")
    xp.set_defaults(func=cmd_explain)
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
