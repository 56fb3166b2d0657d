"""Table-driven extraction cases: every case in tests/cases/*.tsv is one test.

The file format is described in tests/cases/README.md. A case passes when each expected
fact is found (same mention and start) with the right value, unit, qualifier and kind
(and indicator / period / region when given), and no other fact is reported except on
spans marked optional.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest

CASES_DIR = Path(__file__).parent / "cases"

QUALIFIERS = {"exact", "approx", "more_than", "less_than", "at_most", "at_least"}
KINDS = {"count", "money", "quantity", "area", "duration", "ratio", "growth", "index"}

# Cases the engine is known to get wrong, by id ("file.tsv:LINE") -> reason. Strict: a case
# listed here that starts passing fails the run, so the list cannot go stale.
# (None today: the last one, two sectors whose names each hold 及, was fixed by naming the high-technology
# classes 计算机及办公设备制造业 etc. as sectors.)
XFAIL: dict[str, str] = {}


@dataclass
class Expect:
    mention: str
    start: int
    value: Decimal | None = None  # None for an optional span
    unit: str = ""
    qualifier: str = ""
    kind: str = ""
    extras: dict[str, str] = field(default_factory=dict)

    @property
    def end(self) -> int:
        return self.start + len(self.mention)

    @property
    def optional(self) -> bool:
        return self.value is None


@dataclass
class Case:
    id: str
    text: str
    expects: list[Expect]


_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "s": " ", "\\": "\\"}


def unescape(s: str) -> str:
    def one(m: re.Match[str]) -> str:
        if m.group(1):
            return chr(int(m.group(1), 16))
        return _ESCAPES.get(m.group(2), m.group(0))

    return re.sub(r"\\u([0-9a-fA-F]{4})|\\(.)", one, s)


def locate(text: str, mention: str, cursor: int) -> int:
    """First start >= cursor where mention occurs and is not the tail of a longer number."""
    pos = cursor
    while True:
        i = text.find(mention, pos)
        if i < 0:
            return -1
        if mention[:1].isdigit() and _inside_number(text, i):
            pos = i + 1
            continue
        return i


def _inside_number(text: str, i: int) -> bool:
    """Whether a digit at text[i] continues a number written before it (123, 1.5, 45,123)."""
    if i == 0:
        return False
    before = text[i - 1]
    if before.isdigit() or before in ".．":
        return True
    return before == "," and i > 1 and text[i - 2].isdigit()


def _split_fields(line: str) -> list[str]:
    return [f for f in re.split(r"\t+| {2,}", line.strip()) if f]


def parse_file(path: Path) -> list[Case]:
    cases: list[Case] = []
    current: Case | None = None
    cursor = 0
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path.name}:{lineno}"
        if line.startswith(">"):
            text = line[1:]
            text = text[1:] if text.startswith(" ") else text
            current = Case(where, unescape(text), [])
            cases.append(current)
            cursor = 0
            continue
        if current is None:
            raise ValueError(f"{where}: expectation before any '>' text line")
        if line.startswith("?"):
            mention, pinned = _mention(line[1:].strip())
            start = _start(current.text, mention, pinned, cursor, where)
            current.expects.append(Expect(mention, start))
            cursor = start + 1
            continue
        fields = _split_fields(line)
        if len(fields) < 5:
            raise ValueError(f"{where}: a fact line needs mention, value, unit, qualifier, kind: {line!r}")
        mention, pinned = _mention(fields[0])
        start = _start(current.text, mention, pinned, cursor, where)
        unit = "" if fields[2] == "-" else fields[2]
        qualifier, kind = fields[3], fields[4]
        if qualifier not in QUALIFIERS:
            raise ValueError(f"{where}: unknown qualifier {qualifier!r}")
        if kind not in KINDS:
            raise ValueError(f"{where}: unknown kind {kind!r}")
        extras: dict[str, str] = {}
        for extra in fields[5:]:
            m = re.fullmatch(r"(indicator|section)~(.+)|(period|region_code|region|topic|indicator_id|indicator)=(.+)", extra)
            if not m:
                raise ValueError(f"{where}: bad extra field {extra!r}")
            key, val = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            extras["indicator=" if extra.startswith("indicator=") else key] = val
        current.expects.append(Expect(mention, start, Decimal(fields[1]), unit, qualifier, kind, extras))
        cursor = start + 1
    return cases


def _mention(field_text: str) -> tuple[str, int | None]:
    m = re.fullmatch(r"(.+?)@(\d+)", field_text)
    if m:
        return unescape(m.group(1)), int(m.group(2))
    return unescape(field_text), None


def _start(text: str, mention: str, pinned: int | None, cursor: int, where: str) -> int:
    if pinned is not None:
        if text[pinned : pinned + len(mention)] != mention:
            raise ValueError(f"{where}: {mention!r} is not at offset {pinned}")
        return pinned
    start = locate(text, mention, cursor)
    if start < 0:
        raise ValueError(f"{where}: mention {mention!r} not found in the text after offset {cursor}")
    return start


def load_cases() -> list[Case]:
    cases: list[Case] = []
    for path in sorted(CASES_DIR.glob("*.tsv")):
        cases.extend(parse_file(path))
    return cases


ALL_CASES = load_cases()


def _params():
    for case in ALL_CASES:
        marks = []
        if case.id in XFAIL:
            marks.append(pytest.mark.xfail(strict=True, reason=XFAIL[case.id]))
        yield pytest.param(case, id=case.id, marks=marks)


def _strip_region(s: str) -> str:
    return s.rstrip("市县区")


def _extra_ok(key: str, want: str, got: str) -> bool:
    got = (got or "").strip()
    if want == "-":  # period=- / region=-: must be empty
        return got == ""
    if key in ("indicator", "section"):
        return any(k and k in got for k in want.split("|"))
    if key == "indicator=":
        return got == want
    if key == "topic":
        return got in want.split("|")
    if key in ("indicator_id", "region_code"):
        return got == want
    if key == "period":
        return bool(got) and (want in got or got in want)
    if key == "region":
        return bool(got) and (_strip_region(want) in got or _strip_region(got) in want)
    raise AssertionError(key)


def check_case(case: Case, df) -> list[str]:
    """All disagreements between the engine's table and the case, as readable lines."""
    rows = df.to_dict("records")
    errors: list[str] = []
    used: set[int] = set()
    for exp in case.expects:
        if exp.optional:
            continue
        hit = next(
            (i for i, r in enumerate(rows)
             if i not in used and int(r["start"]) == exp.start and r["mention"] == exp.mention),
            None,
        )
        if hit is None:
            near = [f"{r['mention']}@{r['start']}" for r in rows
                    if int(r["start"]) < exp.end and exp.start < int(r["end"])]
            extra = f" (overlapping rows: {near})" if near else ""
            errors.append(f"missing {exp.mention}@{exp.start}{extra}")
            continue
        used.add(hit)
        r = rows[hit]
        got_value = r["value"]
        if not (isinstance(got_value, float) and got_value == float(exp.value)):
            errors.append(f"{exp.mention}@{exp.start}: value want {exp.value} got {got_value!r}")
        for col in ("unit", "qualifier", "kind"):
            want, got = getattr(exp, col), r[col]
            if got != want:
                errors.append(f"{exp.mention}@{exp.start}: {col} want {want!r} got {got!r}")
        bound = {"more_than": "value_low", "at_least": "value_low",
                 "at_most": "value_high", "less_than": "value_high"}.get(exp.qualifier)
        if bound and float(exp.value) < 0:      # 下降超过5%: the bound is on the size of the fall
            bound = "value_high" if bound == "value_low" else "value_low"
        two_ends = exp.qualifier in ("at_least", "at_most") and _is_number(r["value_low"]) and _is_number(r["value_high"])
        if two_ends:        # a range's ends keep the order they are written in; its bounds are its least and most
            if float(exp.value) not in (r["value_low"], r["value_high"]) or r["value_low"] > r["value_high"]:
                errors.append(f"{exp.mention}@{exp.start}: bounds {r['value_low']!r}..{r['value_high']!r}"
                              f" do not end at {exp.value}")
        elif bound and r[bound] != float(exp.value):
            errors.append(f"{exp.mention}@{exp.start}: {bound} want {exp.value} got {r[bound]!r}")
        for key, want in exp.extras.items():
            if not _extra_ok(key, want, r[key.rstrip("=")]):
                errors.append(f"{exp.mention}@{exp.start}: {key} want {want!r} got {r[key.rstrip('=')]!r}")
    optional = [e for e in case.expects if e.optional]
    for i, r in enumerate(rows):
        if i in used:
            continue
        s, e = int(r["start"]), int(r["end"])
        if any(s < o.end and o.start < e for o in optional):
            continue
        errors.append(
            f"unexpected {r['mention']}@{s} = {r['value']} {r['unit']} {r['qualifier']} {r['kind']}"
        )
    return errors


@pytest.mark.parametrize("case", list(_params()))
def test_case(case: Case) -> None:
    from indicators import extract

    df = extract(case.text)
    for r in df.to_dict("records"):
        assert case.text[int(r["start"]) : int(r["end"])] == r["mention"], r
    errors = check_case(case, df)
    assert not errors, f"{case.text!r}\n  " + "\n  ".join(errors)


def test_there_are_hundreds_of_cases() -> None:
    assert len(ALL_CASES) >= 400, len(ALL_CASES)


def test_negative_cases_exist_for_every_file_kind() -> None:
    negatives = [c for c in ALL_CASES if not c.expects]
    assert len(negatives) >= 80, len(negatives)


def test_case_texts_are_unique() -> None:
    seen: dict[str, str] = {}
    for case in ALL_CASES:
        assert case.text not in seen, f"{case.id} repeats {seen[case.text]}"
        seen[case.text] = case.id


def test_xfail_ids_exist() -> None:
    ids = {case.id for case in ALL_CASES}
    assert not set(XFAIL) - ids, sorted(set(XFAIL) - ids)


def _is_number(x) -> bool:
    return isinstance(x, float) and x == x      # (NaN: no bound)

