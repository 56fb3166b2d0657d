"""The ``indicators`` command: facts from files and folders into one table, or a file's text.

    indicators extract PATH... -o OUT      # OUT's suffix picks the format: .csv, .json, .parquet
    indicators text FILE                   # the text exactly as the engine sees it
    indicators explain "TEXT"              # each number with a unit: the rule that kept or dropped it
    indicators ingest PATH... --db X.duckdb            # documents into a corpus store, incrementally
    indicators series --db X.duckdb --indicator gdp    # one indicator over time, from the store
    indicators documents --db X.duckdb                 # what the store holds

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

from .batch.dask_ingest import ClusterError, ingest_on_cluster
from .batch.ingest import IngestReport, ingest
from .batch.progress import ProgressBar
from .corpus import open_corpus
from .engine.explain import explain, format_verdicts
from .io.files import METADATA_FILE, GivenMetadata, collect
from .io.reader import SUPPORTED_SUFFIXES, ReadError
from .io.writer import TableWriter, check_output, write_table
from .pipeline import DEFAULT_CHUNK_CHARS, extract_file, iter_text
from .schema import COLUMNS, DOC_KINDS, KINDS, MODALITIES, iso_date
from .store import StoreError

PROG = "indicators"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(ValueError):
    """An argument the command cannot run with; ``main`` prints the message and exits with EXIT_USAGE."""


# ------------------------------------------------------------------------------------------ output


def _say(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def cmd_extract(args: argparse.Namespace) -> int:
    if args.chunk_chars < 1000:
        _say("--chunk-chars must be at least 1000")
        return EXIT_USAGE
    cli_given = _given_on_command_line(args)
    try:
        writer = TableWriter(args.output)
    except (ValueError, OSError) as exc:
        raise UsageError(f"{args.output}: {exc}") from exc
    started = time.perf_counter()
    walk = collect(args.paths, recursive=args.recursive)
    failures = list(walk.failures)
    for name, reason in walk.failures:
        _say(f"{name}: {reason}")
    metadata = GivenMetadata(args.paths)
    done = facts = chars = 0
    try:
        for path in walk.files:
            given, problems = metadata.for_document(path)
            for table, problem in problems:
                _say(f"{table}: {problem}")
            given |= cli_given
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
    for table, problem in metadata.unused_rows():
        _say(f"{table}: {problem}")
    metadata_problems = metadata.problem_count()
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
            raise UsageError(f"--doc-date: {exc}") from None
    if args.doc_region:
        given["region"] = args.doc_region.strip()
    if args.doc_kind:
        given["kind"] = args.doc_kind
    return given


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


# ------------------------------------------------------------------------------------------ corpus


def cmd_ingest(args: argparse.Namespace) -> int:
    if args.jobs is not None and args.jobs < 1:
        _say("--jobs must be at least 1")
        return EXIT_USAGE
    problem = _engine_problem(args)
    if problem:
        _say(problem)
        return EXIT_USAGE
    given = _given_on_command_line(args)
    bar = ProgressBar(sys.stderr) if sys.stderr.isatty() and not args.quiet else None
    try:
        if args.engine == "dask":
            report = ingest_on_cluster(args.paths, args.db, parquet=args.parquet, scheduler=args.scheduler,
                                       workers=args.jobs or os.cpu_count() or 1, reextract=args.reextract,
                                       progress=bar, recursive=args.recursive, given=given)
        else:
            report = ingest(args.paths, args.db, jobs=args.jobs, reextract=args.reextract, progress=bar,
                            recursive=args.recursive, given=given)
    finally:
        if bar is not None:
            bar.finish()
    for name, reason in report.failures:
        _say(f"{name}: {reason}")
    for name, note in report.warnings:
        _say(f"{name}: warning: {note}")
    if not args.quiet:
        if report.skipped:
            kinds = sorted({p.suffix.lower() or "(no suffix)" for p in report.skipped})
            _say(f"skipped {_plural(len(report.skipped), 'file')} of unsupported type ({', '.join(kinds)})")
        _say(_ingest_summary(report, " and ".join(filter(None, (args.db, args.parquet)))))
    if report.interrupted:
        _say("interrupted; the documents extracted so far are saved")
        return 130
    if report.files == 0 and not report.failures:
        _say("no documents found (supported: " + ", ".join(SUPPORTED_SUFFIXES) + ")")
        return EXIT_FAILED
    return EXIT_FAILED if report.failures else EXIT_OK


def _engine_problem(args: argparse.Namespace) -> str:
    """What is wrong with the combination of --db, --parquet, --engine, --scheduler and --jobs."""
    if args.engine == "local":
        if args.scheduler or args.parquet:
            return f"{'--scheduler' if args.scheduler else '--parquet'} needs --engine dask"
        if not args.db:
            return "give the store: --db STORE"
        return ""
    if not (args.db or args.parquet):
        return "give the store (--db STORE), a Parquet folder (--parquet DIR) or both"
    if args.scheduler and args.jobs:
        return "--jobs sets the workers of a cluster on this machine; a --scheduler's workers are its own"
    return ""


def _ingest_summary(report: IngestReport, db: str) -> str:
    rate = report.extracted / report.seconds if report.seconds else 0.0
    megabytes = report.bytes / 1e6
    parts = [f"{_plural(report.extracted, 'document')} extracted ({_plural(report.facts, 'fact')}, "
             f"{megabytes:.1f} MB, {rate:.1f} documents/s)",
             f"{report.unchanged:,} unchanged"]
    if report.linked:
        parts.append(f"{report.linked:,} already stored under another name")
    parts.append(f"{len(report.failures):,} failed")
    if report.optimised:
        parts.append("facts sorted again for fast queries")
    return f"{_plural(report.files, 'file')}: {', '.join(parts)}; {report.seconds:.1f}s -> {db}"


def _check_output(output: str | None) -> None:
    """A bad ``--output`` is a usage error, found before the store is read."""
    if output:
        try:
            check_output(output)
        except (ValueError, OSError) as exc:
            raise UsageError(f"{output}: {exc}") from exc


def _write_or_print(frame, output: str | None) -> None:
    """A table to the file ``output`` (its suffix picks the format), else as CSV to stdout."""
    if output:
        write_table(frame, output)
        return
    text = frame.to_csv(index=False)
    if hasattr(sys.stdout, "buffer"):
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    else:  # a text stream without a buffer (tests, IDEs)
        sys.stdout.write(text)


def cmd_series(args: argparse.Namespace) -> int:
    _check_output(args.output)
    corpus = open_corpus(args.db, timeout=args.timeout)
    frame = corpus.series(args.indicator, kind=args.kind, modality=args.modality, region=args.region,
                          all_vintages=args.all_vintages)
    _write_or_print(frame, args.output)
    present = [] if len(frame) else corpus.indicators()["indicator_id"].head(12).tolist()
    if args.output:
        _say(f"{_plural(len(frame), 'row')} written to {args.output}")
    if not len(frame):
        _say(f"no facts of indicator {args.indicator!r} with a period in {args.db} match")
        if present and args.indicator not in present:
            _say(f"the indicators with the most facts there: {', '.join(present)}")
    return EXIT_OK


def cmd_documents(args: argparse.Namespace) -> int:
    _check_output(args.output)
    frame = open_corpus(args.db, timeout=args.timeout).documents(status=args.status)
    if not args.output:
        frame = frame[["doc_date", "doc_kind", "doc_region", "facts", "status", "error", "path"]]
    _write_or_print(frame, args.output)
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


def _add_given(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--doc-date",
        metavar="DATE",
        help="the date every document was delivered or released (YYYY-MM-DD, YYYY-MM or YYYY): what "
        "今年, 去年 and the parts of a work report are read against (default: read from each document's "
        "dateline, title or file name, or its metadata.csv)",
    )
    parser.add_argument(
        "--doc-region",
        metavar="NAME",
        help="the region every document is about (全国, 安徽省, 鞍山): the region of facts whose text names "
        "none (default: read from each document's title or issuer, or its metadata.csv)",
    )
    parser.add_argument(
        "--doc-kind",
        choices=DOC_KINDS,
        help="what every document is (default: read from each document's title)",
    )


def _add_recursive(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--recursive",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="read sub-folders too (default: yes; --no-recursive reads only the folder's own files)",
    )


def _add_reading(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, metavar="STORE", help="the corpus store (a DuckDB file)")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="write the table to OUT (.csv with BOM for Excel, .json, .parquet); "
                        "default: CSV on stdout")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                        help="how long to wait while an ingest is saving to the store (default: 60)")


INGEST_EPILOG = """Incremental: a file whose content and the engine version are stored already is not read again; a
changed file replaces its facts; a file whose content is stored under another name is recorded
without extraction; after an upgrade of indicators every document is extracted again.
Crash-safe: each document's row, facts and text are saved together, so an ingest killed at any
moment loses nothing saved, and running it again finishes the job.
Readers: the store is held only while a batch of documents is saved (every few seconds); a
`series` or `documents` command run meanwhile waits for it, up to its --timeout.
Files that cannot be read are recorded in the store with the reason and named on stderr.
Inputs: files, folders, globs ("reports/**/*.txt") and URLs (file://, s3:// or hdfs:// where the
fsspec driver is installed).
--engine dask spreads the documents over the workers of a Dask cluster; the facts come back here and
are saved into the same store: the same rows as a local ingest (see the README for a real cluster).
Exit status: 0 all read, 1 some file failed or the store or the cluster could not be used, 2 bad usage.

examples:
  indicators ingest reports/ --db corpus.duckdb
  indicators ingest reports/ bulletins/ --db corpus.duckdb --jobs 2
  indicators ingest reports/ --db corpus.duckdb --reextract
  indicators ingest reports/ --db corpus.duckdb --engine dask --scheduler tcp://10.0.0.5:8786
  indicators ingest "s3://archive/bulletins/*.pdf" --engine dask --parquet s3://lake/indicators"""

SERIES_EPILOG = """One row per region, period, modality and kind: when several documents state a figure for the same
point (a first estimate, then a revision), the latest document's statement is the row and
`vintages` counts the documents; --all-vintages lists every document's statement.

examples:
  indicators series --db corpus.duckdb --indicator gdp --kind growth --region 全国 -o gdp.csv
  indicators series --db corpus.duckdb --indicator cpi --modality target --region 340000"""


def _command(sub, name: str, func, *, help: str, description: str, epilog: str | None = None):
    """A sub-command ``name`` run by ``func``; an epilog (examples laid out by hand) is printed as written."""
    formatter = argparse.RawDescriptionHelpFormatter if epilog else argparse.HelpFormatter
    command = sub.add_parser(name, help=help, description=description, epilog=epilog, formatter_class=formatter)
    command.set_defaults(func=func)
    return command


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Run `indicators COMMAND --help` for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = _command(
        sub, "extract", cmd_extract,
        help="extract facts from files and folders into a .csv, .json or .parquet table",
        description="Extract every quantitative fact from the documents into one table.",
        epilog=EXTRACT_EPILOG,
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
    _add_recursive(ex)
    ex.add_argument(
        "--chunk-chars",
        type=int,
        default=DEFAULT_CHUNK_CHARS,
        metavar="N",
        help="text files are read and extracted in pieces of at most N characters, cut at "
        "paragraph breaks, so files of any size use bounded memory; offsets still refer to "
        f"the whole text (default: {DEFAULT_CHUNK_CHARS:,})",
    )
    _add_given(ex)
    ex.add_argument("-q", "--quiet", action="store_true", help="print only failures, no summary")
    ex.add_argument("-v", "--verbose", action="store_true", help="print one line per file read")

    tx = _command(
        sub, "text", cmd_text,
        help="print a document's text exactly as the engine sees it",
        description="Print the text of FILE exactly as the engine sees it (decoded, main text of "
        "HTML, PDF lines re-joined), in UTF-8, so any fact's start/end can be checked by hand: "
        "the mention is text[start:end].",
    )
    tx.add_argument("file", metavar="FILE", help="one document (.txt, .md, .html, .htm, .pdf, .docx)")

    xp = _command(
        sub, "explain", cmd_explain,
        help="print each number with a unit in TEXT and the rule that kept or dropped it",
        description="Print, for each number with a unit in TEXT, the fact it became (KEPT) or the named "
        "rule that dropped it (DROPPED) with the rule's reason; facts found by other patterns (百分之八, "
        "splits, index levels, the low end of a range) are listed too. Offsets are into TEXT.",
        epilog='example:\n  indicators explain "2021年，全市完成投资300.1亿元，开工亿元以上项目697个。"',
    )
    xp.add_argument("text", metavar="TEXT", help="the text to explain (- reads it from standard input)")

    ing = _command(
        sub, "ingest", cmd_ingest,
        help="add documents to a corpus store (DuckDB), extracting only what is new or changed",
        description="Extract the documents (files, folders) into a corpus store, created when missing.",
        epilog=INGEST_EPILOG,
    )
    ing.add_argument("paths", nargs="+", metavar="PATH", help="document files and folders")
    ing.add_argument("--db", metavar="STORE", help="the corpus store (a DuckDB file)")
    ing.add_argument("--jobs", type=int, metavar="N",
                     help="extract in N processes on this machine (default: all cores); with --engine dask "
                     "and no --scheduler, the workers of the local cluster")
    ing.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="local: worker processes of this command (default); dask: a Dask cluster, "
                     "on this machine or at --scheduler")
    ing.add_argument("--scheduler", metavar="URL",
                     help="with --engine dask: the scheduler of a running cluster (tcp://HOST:8786); "
                     "default: a cluster of --jobs processes started on this machine for the run")
    ing.add_argument("--parquet", metavar="DIR",
                     help="with --engine dask: also (or, without --db, only) keep the documents and facts as "
                     "Parquet parts under DIR/documents/ and DIR/facts/ (a folder or a URL such as s3://lake/x)")
    ing.add_argument("--reextract", action="store_true",
                     help="extract every document again, even when its content, its metadata and the engine are unchanged")
    _add_recursive(ing)
    _add_given(ing)
    ing.add_argument("-q", "--quiet", action="store_true", help="print only failures: no progress, no summary")

    se = _command(
        sub, "series", cmd_series,
        help="one indicator over time from a corpus store: one row per region, period and modality",
        description="The series of one indicator from a corpus store.",
        epilog=SERIES_EPILOG,
    )
    _add_reading(se)
    se.add_argument("--indicator", required=True, metavar="ID", help="the catalogue id (gdp, cpi, retail_sales …)")
    se.add_argument("--kind", choices=KINDS, help="only facts of this kind (growth for rates, money for amounts)")
    se.add_argument("--modality", choices=MODALITIES, help="only outcomes (actual), targets or forecasts")
    se.add_argument("--region", metavar="REGION", help="only this region: a name (全国, 安徽省, 鞍山) or a 6-digit code")
    se.add_argument("--all-vintages", action="store_true",
                    help="a row for every document that states a point, not only the latest")

    do = _command(sub, "documents", cmd_documents, help="list the documents in a corpus store",
                  description="List the documents a corpus store holds (path, date, kind, facts, status).")
    _add_reading(do)
    do.add_argument("--status", choices=("ok", "error"), help="only documents read without error, or only failures")
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
    except UsageError as exc:
        _say(str(exc))
        return EXIT_USAGE
    except (StoreError, ClusterError) as exc:     # the store or the cluster says what is wrong
        _say(str(exc))
        return EXIT_FAILED
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
