"""One vocabulary (indicators/lang/vocab.py): its word lists and punctuation sets are spelled nowhere
else in the package, and a word added there counts wherever the engine reads that kind of word."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from indicators import extract
from indicators.lang import vocab as V

PACKAGE = Path(__file__).resolve().parents[1] / "indicators"
VOCAB = PACKAGE / "lang" / "vocab.py"

WORD_LISTS = {name: getattr(V, name) for name in (
    "CHANGE_UP", "CHANGE_DOWN", "ABSOLUTE_UP", "ABSOLUTE_DOWN", "RATE_UP", "RATE_DOWN", "GRANT_WORDS",
    "PER_TIME", "SPAN_BACK_WORDS", "SPAN_AHEAD_WORDS")}
CHAR_SETS = {name: getattr(V, name) for name in (
    "RANGE_DASHES", "SENTENCE_END", "CLAUSE_END", "CLAUSE_SEPARATORS", "CLOSING_QUOTES")}


def _strings(path: Path) -> list[tuple[int, str]]:
    """String constants of a module's code (docstrings left out: prose may list words)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p != VOCAB)


def _respelled(strings: list[tuple[int, str]]) -> list[str]:
    found = []
    for lineno, s in strings:
        tokens = set(re.split(r"[|()?:\[\]^$\\]+", s))
        for name, words in WORD_LISTS.items():
            hits = tokens.intersection(words)
            if len(hits) >= 3 and len(hits) * 2 >= len(words):
                found.append(f"line {lineno}: {name} spelled again ({'|'.join(sorted(hits))})")
        classes = re.findall(r"\[\^?((?:\\.|[^\]])+)\]", s) + ([s] if not any(c.isalnum() for c in s) else [])
        for name, chars in CHAR_SETS.items():
            if any(set(chars) <= set(c.replace("\\", "")) for c in classes):
                found.append(f"line {lineno}: {name} spelled again")
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_word_list_is_spelled_twice(path: Path) -> None:
    assert _respelled(_strings(path)) == []


def test_the_check_finds_a_respelled_list() -> None:
    """The check above can fail: a module spelling the change verbs or the range dashes again."""
    assert _respelled([(1, "提高|提升|上升|上涨|回升|加快|扩大|增产|上调|调高|攀升"), (2, "[-—–~～－〜至]"), (3, "。！？!?")]) == [
        "line 1: CHANGE_UP spelled again (上升|上涨|上调|加快|回升|增产|扩大|提升|提高|攀升|调高)",
        "line 2: RANGE_DASHES spelled again",
        "line 3: SENTENCE_END spelled again",
    ]
    assert _respelled([(1, "增长|增加"), (2, "[-~]"), (3, "比上年")]) == []


@pytest.mark.parametrize("dash", list(V.RANGE_DASHES))
def test_every_range_dash_makes_a_range_of_months(dash: str) -> None:
    """1－7月 is January to July (ytd), with any dash of the vocabulary, not the month 7月."""
    df = extract(f"1{dash}7月，全市完成固定资产投资300亿元。", doc_date="2024-08-15")
    row = df.iloc[0]
    assert (row["period"], row["period_grain"], row["period_start"], row["period_end"]) == (
        f"1{dash}7月", "ytd", "2024-01-01", "2024-07-31")


@pytest.mark.parametrize("dash", list(V.RANGE_DASHES))
def test_every_range_dash_makes_a_range_of_amounts(dash: str) -> None:
    df = extract(f"每户补助20{dash}30万元。")
    assert [(r.mention, r.value, r.qualifier) for r in df.itertuples()] == [
        ("20", 200000.0, "at_least"), ("30万元", 300000.0, "at_most")]


@pytest.mark.parametrize("word", V.GRANT_WORDS)
def test_every_grant_word_names_a_listed_figure(word: str) -> None:
    df = extract(f"对新认定的企业分别给予30万元、100万元{word}。")
    assert list(df["indicator"].str.endswith(word)) == [True, True]
