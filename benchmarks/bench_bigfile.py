"""Big-file benchmark: time and peak memory of ``indicators extract`` on a generated text file.

    python -m benchmarks.bench_bigfile                # 20 MB (quick)
    python -m benchmarks.bench_bigfile --mb 200       # the 200 MB case of issue 4

The file is the sample page repeated (GBK-encoded by default, so decoding is exercised too) and
written without holding it in memory. The CLI runs in a child process, once on a file of
``--mb / 8`` and once on the full size: the child's peak resident memory (ru_maxrss) should
stay about the same while the size grows eight-fold, because text files are read and extracted
in chunks and the rows are appended to the output as they come.
This is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "anshan_daily_page_sample.txt"
FALLBACK = "前三季度全市固定资产投资同比增长7.1%，开工亿元以上项目697个，完成投资300.1亿元。\n\n"


def make_file(path: Path, mb: float, encoding: str = "gbk") -> int:
    """Write about ``mb`` megabytes of text to ``path``; return the number of characters."""
    page = SAMPLE.read_text(encoding="utf-8") if SAMPLE.exists() else FALLBACK * 200
    target = int(mb * 1024 * 1024)
    written = chars = 0
    with open(path, "wb") as fh:
        i = 0
        while written < target:
            block = f"\n\n第{i}版\n\n" + page
            data = block.encode(encoding)
            fh.write(data)
            written += len(data)
            chars += len(block)
            i += 1
    return chars


def run_cli(src: Path, out: Path, chunk_chars: int | None) -> tuple[float, int, int, str]:
    """Run ``indicators extract`` in a child; return (seconds, peak RSS bytes, exit code, stderr)."""
    cmd = [sys.executable, "-m", "indicators.cli", "extract", str(src), "-o", str(out)]
    if chunk_chars:
        cmd += ["--chunk-chars", str(chunk_chars)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the maximum over all children so far: a later, smaller child
    # cannot be measured after a bigger one, hence the small run goes first.
    peak_kb = peak if peak > before else before
    return seconds, peak_kb * 1024, proc.returncode, proc.stderr.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_bigfile", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--mb", type=float, default=20.0, help="size of the big file in MB (default 20)")
    parser.add_argument("--encoding", default="gbk", help="encoding of the generated file (default gbk)")
    parser.add_argument(
        "--format", default="csv", choices=["csv", "json", "parquet"], help="output format (csv)"
    )
    parser.add_argument("--chunk-chars", type=int, default=None, help="passed to indicators extract")
    parser.add_argument("--dir", default=None, help="where to write the files (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    args = parser.parse_args(argv)

    workdir = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="indicators-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(
        f"{'size MB':>8} {'chars':>13} {'seconds':>8} {'MB/s':>6} {'chars/s':>11} {'peak RSS MB':>12}  result"
    )
    status = 0
    try:
        for mb in (args.mb / 8, args.mb):
            src = workdir / f"big-{mb:g}MB.txt"
            out = workdir / f"facts-{mb:g}MB.{args.format}"
            chars = make_file(src, mb, args.encoding)
            size = src.stat().st_size / 1024 / 1024
            seconds, peak, code, err = run_cli(src, out, args.chunk_chars)
            summary = err.splitlines()[-1] if err else ""
            print(
                f"{size:>8.1f} {chars:>13,} {seconds:>8.1f} {size / seconds:>6.2f} {chars / seconds:>11,.0f} "
                f"{peak / 1024 / 1024:>12.0f}  exit {code}: {summary}",
                flush=True,
            )
            status = status or code
            if not args.keep:
                src.unlink(missing_ok=True)
                out.unlink(missing_ok=True)
    finally:
        if not args.keep and not args.dir:
            for p in workdir.iterdir():
                p.unlink()
            os.rmdir(workdir)
    return status


if __name__ == "__main__":
    sys.exit(main())
