"""Extraction speed and memory: ``python -m benchmarks.bench [--mb 2] [--repeat 3]``.

Builds a corpus of at least ``--mb`` megabytes (characters) from the bundled sample page and
generated statistical-bulletin paragraphs, then reports the characters per second of
``indicators.extract`` on one core (best of ``--repeat`` runs) and the peak memory it allocates.
A benchmark, not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
import tracemalloc
from pathlib import Path

from indicators import extract

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "anshan_daily_page_sample.txt"

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


STYLES = ("mix", "news", "bulletin")


def corpus(megabytes: float, seed: int = 7, style: str = "mix") -> str:
    """``news``: the sample page repeated; ``bulletin``: generated bulletin paragraphs, about four
    times denser in figures; ``mix``: the two alternating."""
    target = int(megabytes * 1_000_000)
    sample = SAMPLE.read_text(encoding="utf-8")
    rng = random.Random(seed)
    chunks: list[str] = []
    size = 0
    while size < target:
        news = style == "news" or (style == "mix" and len(chunks) % 2 == 0)
        piece = sample if news else "\n\n".join(bulletin_paragraph(rng) for _ in range(60))
        chunks.append(piece)
        size += len(piece) + 2
    return "\n\n".join(chunks)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="corpus size in millions of characters (default 2)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported (default 3)")
    parser.add_argument("--style", choices=STYLES, default="mix",
                        help="news (the sample page), bulletin (generated, dense in figures) or mix (default)")
    args = parser.parse_args(argv)

    text = corpus(args.mb, style=args.style)
    extract(text[:20000])                       # compile patterns and load data outside the timing
    best = float("inf")
    rows = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        rows = len(extract(text))
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    extract(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus:      {len(text):,} characters ({args.style})")
    print(f"facts:       {rows:,}")
    print(f"time:        {best:.3f} s (best of {args.repeat})")
    print(f"speed:       {len(text) / best:,.0f} characters/s")
    print(f"peak memory: {peak / 1e6:.1f} MB allocated by extract (tracemalloc), process max RSS {rss_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
