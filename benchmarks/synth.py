"""Documents synthesised from real ones, for benchmarks and tests of the corpus (store, dashboard,
distributed ingest): each is a real document with its years shifted, its region changed and its
figures varied, so dates, regions and values differ from one document to the next while the text
stays what the engine reads in practice.

    python -m benchmarks.synth OUT_DIR --count 500 [--seed 7] [--source DIR]...

``synthesise(out_dir, count)`` writes ``count`` .txt files and returns their paths. The default
sources are the State Council work reports (``../shared/corpora/gov-work-reports``, when present),
the labelled documents under ``tests/gold*`` and ``data/anshan_daily_page_sample.txt``.
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOV_REPORTS = REPO.parent / "shared" / "corpora" / "gov-work-reports"
SMALL_SOURCES = (*sorted(REPO.glob("tests/gold*/*.txt")), REPO / "data" / "anshan_daily_page_sample.txt")

# Provinces a national report is rewritten for (name, what its congress is called).
PROVINCES = ("安徽省", "河南省", "四川省", "浙江省", "广东省", "湖北省", "江西省", "云南省", "辽宁省", "福建省",
             "山东省", "湖南省", "陕西省", "甘肃省", "贵州省", "河北省", "山西省", "吉林省", "江苏省", "海南省")
_YEAR = re.compile(r"(?<![0-9０-９])((?:19|20)[0-9]{2})(?=\s*年)")
_DECIMAL = re.compile(r"(?<![0-9.])([0-9]{1,4})\.([0-9])(?![0-9])")
_NATIONAL_TITLE = "中华人民共和国国务院"
_NATIONAL_CONGRESS = "全国人民代表大会"


@dataclass(frozen=True)
class Source:
    name: str
    text: str


def default_sources(*, small_only: bool = False) -> list[Source]:
    paths = list(SMALL_SOURCES)
    if not small_only and GOV_REPORTS.is_dir():
        paths += sorted(GOV_REPORTS.glob("*.txt"))
    return [Source(p.stem, p.read_text(encoding="utf-8")) for p in paths if p.is_file()]


def vary(text: str, rng: random.Random) -> str:
    """One variant of a document: years shifted together (dates stay consistent), a national report
    turned provincial half the time, and the tenths of each decimal figure redrawn."""
    shift = rng.randint(-6, 6)
    text = _YEAR.sub(lambda m: str(min(max(int(m.group(1)) + shift, 1950), 2035)), text)
    if _NATIONAL_TITLE in text[:200] and rng.random() < 0.5:
        province = rng.choice(PROVINCES)
        text = text.replace(_NATIONAL_TITLE, province + "人民政府", 1).replace(_NATIONAL_CONGRESS, f"{province}人民代表大会")
    return _DECIMAL.sub(lambda m: f"{m.group(1)}.{rng.randint(0, 9)}", text)


def synthesise(out_dir: str | Path, count: int, *, seed: int = 7, sources: list[Source] | None = None) -> list[Path]:
    """Write ``count`` varied documents to ``out_dir`` (created) and return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    sources = sources if sources is not None else default_sources()
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        source = sources[i % len(sources)]
        path = out / f"{i:06d}_{source.name}.txt"
        # the number makes every document distinct (a report without decimals could come out twice)
        path.write_text(f"{vary(source.text, rng).rstrip()}\n\n编号：{seed:04d}{i:06d}\n", encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--source", action="append", metavar="DIR", help="folders of .txt documents to vary")
    args = parser.parse_args(argv)
    sources = None
    if args.source:
        sources = [Source(p.stem, p.read_text(encoding="utf-8")) for d in args.source for p in sorted(Path(d).glob("*.txt"))]
    paths = synthesise(args.out_dir, args.count, seed=args.seed, sources=sources)
    print(f"{len(paths)} documents written to {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
