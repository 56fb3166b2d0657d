"""Why a number is or is not a fact: each number with a unit in a text, with the rule (rules.py) that
dropped it or the fact it became, and the facts found by the other patterns (百分之八, splits, index
levels, the low end of a range). Behind ``indicators explain "TEXT"``.

    >>> [(v.mention, v.rule) for v in explain("2021年，全市完成投资300.1亿元。")]
    [('2021年', 'year_is_a_date'), ('300.1亿元', 'fact')]
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lang import vocab as V
from .extract import extract_facts, judged
from .layout import analyse


@dataclass(frozen=True)
class Verdict:
    start: int
    end: int
    mention: str
    kept: bool
    rule: str           # the rule that dropped it, or how it was kept (fact, percent_words, range_low_end …)
    why: str            # the rule's reason, or the fact's value, unit, kind and qualifier


def explain(text: str) -> list[Verdict]:
    """One verdict per number with a unit and per fact, in order of the text."""
    facts = extract_facts(text)
    layout = analyse(text)
    verdicts: list[Verdict] = []
    claimed: set[int] = set()
    for _, found, rule in judged(layout.text):
        block = layout.block_at(found.start)
        start, end = block.document_span(found.start - block.offset, found.end - block.offset)
        mention = text[start:end]
        if rule is not None:
            verdicts.append(Verdict(start, end, mention, False, rule.name, rule.why))
            continue
        made = [i for i, f in enumerate(facts) if f.start < end and start < f.end]
        if made:
            claimed.update(made)
            f = facts[made[-1]]
            verdicts.append(Verdict(f.start, f.end, f.mention, True, "fact", _described(f)))
        else:
            verdicts.append(Verdict(start, end, mention, False, "dropped_in_context",
                                    "kept by every rule, then dropped with its neighbours (a range across blocks)"))
    for i, f in enumerate(facts):
        if i not in claimed:
            verdicts.append(Verdict(f.start, f.end, f.mention, True, _other_pattern(text, f), _described(f)))
    return sorted(verdicts, key=lambda v: (v.start, v.end))


def _described(fact) -> str:
    return f"{fact.value} {fact.unit or '-'} {fact.kind} {fact.qualifier}; indicator {fact.indicator or '-'}"


def _other_pattern(text: str, fact) -> str:
    if "分之" in fact.mention:
        return "percent_words"
    if fact.kind == "index":
        return "index_level"
    after = text[fact.end:fact.end + 2].lstrip()
    if after[:1] in V.RANGE_DASHES or after[:1] in V.RANGE_WORDS:
        return "range_low_end"
    if after[:1] in "：:∶" or text[fact.start - 1:fact.start] in "：:∶":
        return "split"
    return "other_pattern"


def _width(s: str) -> int:
    """Display width: a Chinese character is as wide as two Latin ones."""
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in s)


def format_verdicts(verdicts: list[Verdict]) -> str:
    """One line a verdict: ``KEPT|DROPPED  start-end  mention  rule: why``."""
    width = max((_width(v.mention) for v in verdicts), default=0)
    return "\n".join(
        f"{'KEPT' if v.kept else 'DROPPED':<7}  {v.start:>5}-{v.end:<5}  {v.mention}{' ' * (width - _width(v.mention))}"
        f"  {v.rule}: {v.why}" for v in verdicts)
