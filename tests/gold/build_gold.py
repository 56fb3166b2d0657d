"""Build a gold CSV from a hand-written label spec (NAME.labels -> NAME.csv).

The spec lists facts in document order, one per line; offsets are computed here,
never typed by hand. Fields are separated by ` ;; `:

    ANCHOR ;; VALUE ;; UNIT ;; QUALIFIER ;; KIND ;; INDICATOR ;; KEY [;; name=value ...]

ANCHOR is a piece of the document with the mention in square brackets, e.g.
`比上年增长[5.8%]`; the first occurrence whose mention starts after the previous
row's mention is used; `\\n` in ANCHOR stands for a line break. VALUE may use an exponent (2856.4e8). KEY empty means the
indicator itself. Extras: period=, region=, topic=, status= (default required).
`T ANCHOR` is a trap, `O ANCHOR` an optional span without fields.
Directives `@period X`, `@region X`, `@topic X` set defaults for the rows that
follow (`@period` alone clears it). Lines starting with # are comments.

usage: python build_gold.py NAME   (reads NAME.txt and NAME.labels beside this file)
       python build_gold.py DIR/NAME   (a document in another folder, e.g. ../gold2/NAME)
"""

from __future__ import annotations

import csv
import re
import sys
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).parent
COLUMNS = ["id", "start", "end", "mention", "value", "unit", "qualifier", "kind", "indicator",
           "key", "period", "region", "topic", "status"]


def _value(s: str) -> str:
    s = s.strip()
    if not s:
        return ""
    d = Decimal(s)
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


def _locate(text: str, anchor: str, after: int) -> tuple[int, int, str]:
    anchor = anchor.replace("\\n", "\n")
    m = re.fullmatch(r"(.*?)\[(.+?)\](.*)", anchor, re.S)
    if not m:
        raise SystemExit(f"anchor without [mention]: {anchor!r}")
    pre, mention, post = m.groups()
    plain = pre + mention + post
    pos = text.find(plain)
    while pos != -1 and pos + len(pre) <= after:
        pos = text.find(plain, pos + 1)
    if pos == -1:
        raise SystemExit(f"anchor not found after {after}: {anchor!r}")
    start = pos + len(pre)
    end = start + len(mention)
    assert text[start:end] == mention
    return start, end, mention


def build(name: str) -> list[dict]:
    stem = Path(name) if "/" in name else HERE / name
    name = stem.name
    text = stem.with_suffix(".txt").read_text(encoding="utf-8")
    defaults = {"period": "", "region": "", "topic": ""}
    rows: list[dict] = []
    last = -1
    for lineno, raw in enumerate(stem.with_suffix(".labels").read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            key, _, val = line[1:].partition(" ")
            defaults[key] = val.strip()
            continue
        row = dict.fromkeys(COLUMNS, "")
        if line[:2] in ("T ", "O "):
            start, end, mention = _locate(text, line[2:].strip(), last)
            row.update(status="trap" if line[0] == "T" else "optional")
        else:
            parts = [p.strip() for p in line.split(";;")]
            if len(parts) < 7:
                raise SystemExit(f"line {lineno}: too few fields: {line}")
            start, end, mention = _locate(text, parts[0], last)
            row.update(value=_value(parts[1]), unit=parts[2], qualifier=parts[3], kind=parts[4],
                       indicator=parts[5], key=parts[6] or parts[5], status="required", **defaults)
            for extra in parts[7:]:
                k, _, v = extra.partition("=")
                if k not in ("period", "region", "topic", "status"):
                    raise SystemExit(f"line {lineno}: unknown extra {extra!r}")
                row[k] = v
        row.update(start=start, end=end, mention=mention)
        last = start
        rows.append(row)
    rows.sort(key=lambda r: (r["start"], r["end"]))
    for i, r in enumerate(rows, 1):
        r["id"] = f"{name[:12]}-{i:03d}"
    with open(stem.with_suffix(".csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    # report digits that no row covers, so that no number is left unlabelled by accident
    covered = [(r["start"], r["end"]) for r in rows]
    for m in re.finditer(r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[一二两三四五六七八九十百千]+成", text):
        if not any(s < m.end() and m.start() < e for s, e in covered):
            ctx = text[max(0, m.start() - 8):m.end() + 6].replace("\n", "⏎")
            print(f"  unlabelled {m.group()}@{m.start()}: {ctx}", file=sys.stderr)
    return rows


if __name__ == "__main__":
    for n in sys.argv[1:]:
        out = build(n)
        print(f"{n}: {len(out)} rows ({sum(r['status'] == 'required' for r in out)} required)")
