"""Score the engine on the labelled texts in ``benchmarks/labelled/``: ``python -m benchmarks.score_labelled``.

    python -m benchmarks.score_labelled                 # every text: per-text scores, then the pooled ones
    python -m benchmarks.score_labelled --kept-apart    # only the batches kept apart for measuring
    python -m benchmarks.score_labelled --rules -v      # only the batches rules were found on, with each error
    python -m benchmarks.score_labelled --doc kt_3 -v   # one text

Each text was written and labelled blind (by GUIDELINES.md, without seeing the engine); see
``labelled/README.md``. Scoring is ``../shared/tools/score.py``'s: a prediction matches a gold fact when
their spans overlap and the values agree, and the fields (indicator, qualifier, period, region, topic)
are scored on the matched facts. The pooled line gives precision, recall and F1 over all facts, and each
field's accuracy averaged over the texts. A measuring tool, not a test.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import sys
from pathlib import Path

from indicators import extract

ROOT = Path(__file__).resolve().parent
LABELLED = ROOT / "labelled"
SCORER = ROOT.parent.parent / "shared" / "tools" / "score.py"
FIELDS = ("indicator", "qualifier", "period", "region", "topic")
STATUSES = ("required", "optional", "trap")


def _scorer():
    if not SCORER.exists():
        sys.exit(f"score_labelled: the scorer {SCORER} is missing (it sits in ../shared/tools beside the repo)")
    spec = importlib.util.spec_from_file_location("score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def _kept_apart() -> set[str]:
    lines = (LABELLED / "KEPT_APART").read_text(encoding="utf-8").split()
    return {line.strip() for line in lines if line.strip()}


def read_gold(path: Path) -> list[dict[str, str]]:
    """The gold rows of ``path``. A row with a field too many, an unknown status or a span that is not its
    mention raises ValueError: the scorer would silently count a figure on it as a false positive."""
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for number, row in enumerate(rows, start=2):
        if None in row or row.get("status") not in STATUSES:
            raise ValueError(f"{path}, line {number}: expected the columns of seed.csv with a status of "
                             f"{'/'.join(STATUSES)}, got {list(row.values())}")
        start, end = int(row["start"]), int(row["end"])
        if text[start:end] != row["mention"]:
            raise ValueError(f"{path}, line {number}: the text at {start}:{end} is {text[start:end]!r}, "
                             f"not the mention {row['mention']!r}")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--kept-apart", action="store_true", help="only the batches kept apart for measuring")
    which.add_argument("--rules", action="store_true", help="only the batches rules were found on")
    parser.add_argument("--doc", default="", help="only texts whose name contains this")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each error")
    args = parser.parse_args(argv)
    score = _scorer()
    apart = _kept_apart()
    totals = dict(tp=0, fp=0, fn=0)
    accuracies: dict[str, list[float]] = {f: [] for f in FIELDS}
    texts = perfect = 0
    for gold_path in sorted(LABELLED.glob("*/*.csv")):
        batch, text_path = gold_path.parent.name, gold_path.with_suffix(".txt")
        if (args.kept_apart and batch not in apart) or (args.rules and batch in apart) or args.doc not in gold_path.stem:
            continue
        try:
            gold = read_gold(gold_path)
        except ValueError as error:
            sys.exit(f"score_labelled: {error}")
        table = extract(text_path.read_text(encoding="utf-8"), source=str(text_path))
        predicted = table.astype(str).to_dict("records")
        out = score(gold, predicted)
        texts += 1
        perfect += out["f1"] == 1.0
        for key in totals:
            totals[key] += out[key]
        for field in FIELDS:
            if out[field + "_acc"] is not None:
                accuracies[field].append(out[field + "_acc"])
        fields = " ".join(f"{field[:3]}={out[field + '_acc']}" for field in FIELDS)
        print(f"{batch}/{gold_path.stem:6} f1={out['f1']:.4f} tp={out['tp']} fp={out['fp']} fn={out['fn']} {fields}")
        if args.verbose:
            for key in ("missed", "false_positives", "field_errors"):
                for line in out[key]:
                    print(f"    {key}: {line}")
    if not texts:
        print("no labelled text matched")
        return 1
    found = totals["tp"] + totals["fp"]
    wanted = totals["tp"] + totals["fn"]
    precision = totals["tp"] / found if found else 0.0
    recall = totals["tp"] / wanted if wanted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{texts} texts, F1 1.0 on {perfect}: precision {precision:.4f}, recall {recall:.4f}, F1 {f1:.4f}")
    print("fields (mean over texts): " + ", ".join(
        f"{field} {sum(v) / len(v):.4f}" for field, v in accuracies.items() if v))
    return 0


if __name__ == "__main__":
    sys.exit(main())
