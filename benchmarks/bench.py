"""Extraction speed and memory: ``python -m benchmarks.bench [--mb 0.1] [--repeat 3] [--style all]``.

For each style of text, the corpus at 1×, 4× and 16× ``--mb`` million characters: the characters per
second of ``indicators.extract`` on one core (least CPU time of ``--repeat`` runs), the facts found, and beside
it the speed of one scan of the same text by the engine's compiled number-and-unit regular expression
(the floor no extractor that reads every number can beat). Time linear in the input shows as the same
speed at every size. Then the peak memory ``extract`` allocates on the largest ``mix`` corpus.

Styles: ``news`` (the bundled sample page repeated), ``bulletin`` (generated statistical-bulletin
paragraphs, about ten times denser in figures), ``reports`` (the State Council work reports in
``../shared/corpora/gov-work-reports``, when present), ``gold`` (the document-level dev sets under
``tests/gold*``), ``mix`` (news and bulletin alternating). A benchmark, not a test: numbers depend on
the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
import tracemalloc
from pathlib import Path

from indicators import extract
from indicators.lang.patterns import fact_pattern

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "anshan_daily_page_sample.txt"
REPORTS = ROOT.parent / "shared" / "corpora" / "gov-work-reports"

_PLACES = ["全市", "全省", "鞍山市", "海城市", "铁西区", "全县"]
_LEVELS = [("地区生产总值", "亿元"), ("固定资产投资", "亿元"), ("社会消费品零售总额", "亿元"),
           ("一般公共预算收入", "亿元"), ("粮食总产量", "万吨"), ("全社会用电量", "亿千瓦时"),
           ("城镇新增就业", "万人"), ("接待游客", "万人次"), ("新登记市场主体", "户")]
_RATES = ["同比增长", "比上年增长", "下降", "增长"]


def bulletin_paragraph(rng: random.Random) -> str:
    """One generated paragraph in the style of a statistical bulletin (never copied text)."""
    parts = []
    for _ in range(rng.randint(2, 5)):
        name, unit = rng.choice(_LEVELS)
        level = f"{rng.randint(1, 9999)}.{rng.randint(0, 9)}"
        rate = f"{rng.randint(0, 19)}.{rng.randint(0, 9)}%"
        parts.append(f"{rng.choice(_PLACES)}{name}{level}{unit}，{rng.choice(_RATES)}{rate}")
    return "前三季度，" + "；".join(parts) + "。规模以上工业企业达到" + f"{rng.randint(10, 999)}家。"


STYLES = ("news", "bulletin", "reports", "gold", "mix")


def _documents(style: str) -> list[str]:
    if style == "reports":
        return [p.read_text(encoding="utf-8") for p in sorted(REPORTS.glob("*.txt"))]
    if style == "gold":
        return [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("tests/gold*/*.txt"))]
    return []


def corpus(megabytes: float, seed: int = 7, style: str = "mix") -> str:
    """At least ``megabytes`` million characters of text of one style (documents repeated as needed)."""
    target = int(megabytes * 1_000_000)
    sample = SAMPLE.read_text(encoding="utf-8")
    documents = _documents(style)
    if style in ("reports", "gold") and not documents:
        raise FileNotFoundError(f"no documents for style {style!r}")
    rng = random.Random(seed)
    chunks: list[str] = []
    size = 0
    while size < target:
        if documents:
            piece = documents[len(chunks) % len(documents)]
        elif style == "news" or (style == "mix" and len(chunks) % 2 == 0):
            piece = sample
        else:
            piece = "\n\n".join(bulletin_paragraph(rng) for _ in range(60))
        chunks.append(piece)
        size += len(piece) + 2
    return "\n\n".join(chunks)[:target]


def _best(run, repeat: int) -> tuple[float, int]:
    """The least CPU time of ``repeat`` runs (CPU, not wall-clock, time: other work on the machine
    stretches the wall clock but not the time this process computes)."""
    best, result = float("inf"), 0
    for _ in range(repeat):
        start = time.process_time()
        result = run()
        best = min(best, time.process_time() - start)
    return best, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=0.1,
                        help="the smallest corpus in millions of characters; 4× and 16× follow (default 0.1)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported (default 3)")
    parser.add_argument("--style", choices=(*STYLES, "all"), default="all", help="which texts (default: all)")
    parser.add_argument("--scales", default="1,4,16", help="multiples of --mb to time (default 1,4,16)")
    args = parser.parse_args(argv)

    styles = STYLES if args.style == "all" else (args.style,)
    scales = [int(s) for s in args.scales.split(",")]
    pattern = fact_pattern()
    extract(corpus(0.02, style="mix"))          # compile patterns and load data outside the timing
    print(f"{'style':<9} {'size':>6} {'chars':>11} {'facts':>8} {'extract chars/s':>16} {'µs/fact':>8}"
          f" {'regex scan chars/s':>19} {'ratio':>6}")
    for style in styles:
        try:
            corpus(0.001, style=style)
        except FileNotFoundError as exc:
            print(f"{style:<9} skipped: {exc}")
            continue
        for scale in scales:
            text = corpus(args.mb * scale, style=style)
            seconds, facts = _best(lambda text=text: len(extract(text)), args.repeat)
            scan, _ = _best(lambda text=text: sum(1 for _ in pattern.finditer(text)), args.repeat)
            print(f"{style:<9} {scale:>5}× {len(text):>11,} {facts:>8,} {len(text) / seconds:>16,.0f}"
                  f" {seconds / max(facts, 1) * 1e6:>8.1f} {len(text) / scan:>19,.0f} {seconds / scan:>5.0f}×",
                  flush=True)
    text = corpus(args.mb * max(scales), style="mix")
    tracemalloc.start()
    extract(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory on {len(text):,} characters (mix): {peak / 1e6:.1f} MB allocated by extract"
          f" (tracemalloc), process max RSS {rss_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
