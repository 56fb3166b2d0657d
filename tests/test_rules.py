"""The table of rules that keep or drop a number (indicators/engine/rules.py) and `indicators explain`."""

from __future__ import annotations

import io
import sys

import pytest

from indicators import cli
from indicators.engine.explain import explain
from indicators.engine.rules import BY_NAME, ENCLOSED, RULES, first_drop, found_in

ALL = (*RULES, ENCLOSED)


def test_rules_are_named_once_and_explained() -> None:
    names = [r.name for r in ALL]
    assert len(names) == len(set(names)) == len(BY_NAME) + 1
    for rule in ALL:
        assert rule.name.isidentifier() and rule.why and rule.example


@pytest.mark.parametrize("rule", ALL, ids=lambda r: r.name)
def test_every_example_is_dropped_by_its_rule(rule) -> None:
    """Each rule's example really has a number that this rule (the first that applies) drops, and it
    yields no fact at that number."""
    verdicts = explain(rule.example)
    dropped = [v for v in verdicts if v.rule == rule.name]
    assert dropped, [(v.mention, v.rule) for v in verdicts]
    assert all(not v.kept and v.why == rule.why for v in dropped)
    kept = [v for v in verdicts if v.kept]
    assert not any(k.start < d.end and d.start < k.end for k in kept for d in dropped)


# A text, a number in it, and the rule that drops it ('-': none, it is a fact): the same rule must not
# fire where the number is a figure.
KEPT_OR_DROPPED = [
    ("2021年，全市经济平稳运行。", "2021年", "year_is_a_date"),
    ("该项目已连续运营23年。", "23年", "-"),
    ("23年，全市经济平稳运行。", "23年", "short_year"),
    ("全市共有三台县级融媒体中心。", "三台", "place_name"),
    ("建成县级融媒体中心三个。", "三个", "-"),
    ("近三年累计投入资金50亿元。", "近三年", "recent_years"),
    ("工程建设用了近三年。", "近三年", "-"),
    ("前10个月，全市完成投资300亿元。", "10个月", "first_months"),
    ("工期缩短了10个月。", "10个月", "-"),
    ("占全省的八成。", "八成", "-"),
    ("买下这台八成新的二手车。", "八成", "not_a_share"),
    ("新建5万吨级码头一座。", "5万吨", "size_class"),
    ("全年港口吞吐量5万吨。", "5万吨", "-"),
    ("对5亿元以下项目简化审批。", "5亿元", "threshold_bound"),
    ("完成投资5亿元以上。", "5亿元以上", "-"),
]


@pytest.mark.parametrize(("text", "mention", "rule"), KEPT_OR_DROPPED, ids=[f"{t}:{m}" for t, m, _ in KEPT_OR_DROPPED])
def test_first_drop(text: str, mention: str, rule: str) -> None:
    found = first_drop(found_in(text, mention))
    assert (found.name if found else "-") == rule


def test_explain_lists_facts_and_drops_in_order() -> None:
    text = "2021年，全市完成投资300.1亿元，开工1000万元以上项目697个，每户补助20-30万元。"
    got = [(v.mention, v.kept, v.rule) for v in explain(text)]
    assert got == [
        ("2021年", False, "year_is_a_date"),
        ("300.1亿元", True, "fact"),
        ("1000万元以上", False, "threshold_qualified"),
        ("697个", True, "fact"),
        ("20", True, "range_low_end"),
        ("30万元", True, "fact"),
    ]
    for v in explain(text):
        assert text[v.start:v.end] == v.mention


def test_explain_command(capsys) -> None:
    assert cli.main(["explain", "2021年，全市完成投资300.1亿元。"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].split()[:3] == ["DROPPED", "0-5", "2021年"]
    assert "year_is_a_date: " + BY_NAME["year_is_a_date"].why in lines[0]
    assert lines[1].split()[:4] == ["KEPT", "12-19", "300.1亿元", "fact:"]
    assert "30010000000" in lines[1] and " 元 money exact" in lines[1]


def test_explain_reads_standard_input(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("第十四届运动会共有3000名运动员参赛。"))
    assert cli.main(["explain", "-"]) == 0
    out = capsys.readouterr().out
    assert "3000名" in out and "KEPT" in out


def test_explain_says_when_there_is_nothing(capsys) -> None:
    assert cli.main(["explain", "会议在北京召开。"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "no number with a unit" in captured.err
