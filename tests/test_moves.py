"""Moves from one level to another (由X增加到Y): which figure starts one, the time named with it, and
which figure ends it. A figure is marked with [ ] in each text."""

from __future__ import annotations

import pytest

from indicators.engine.moves import ends_move, may_hold_moves, move_from, starts_move


def _marked(text: str) -> tuple[str, int, int]:
    start = text.index("[")
    end = text.index("]") - 1
    return text.replace("[", "").replace("]", ""), start, end


@pytest.mark.parametrize(("text", "when"), [
    ("粮食产量由[120万吨]增加到125万吨", ""),
    ("国内生产总值从1997年的[7.4万亿元]增加到2002年的10.2万亿元", "1997年"),
    ("钢产量由一九五七年的[五百三十五万吨]增长到一千一百零八万吨", "一九五七年"),
    ("资本充足率从2007年底的[8.4%]提升到去年底的13.3%", "2007年底"),
    ("办理时限由原来的[20个工作日]压缩到5个工作日", ""),
    ("招生人数由一九八二年的[三十一万五千人]，增加到一九八七年的五十五万人", "一九八二年"),
    ("税率由[16%]降至13%", ""),
    ("城镇化率从[52.6%]提高到58.5%", ""),
])
def test_the_first_figure_of_a_move(text, when):
    text, start, end = _marked(text)
    move = move_from(text, start, end, 0)
    assert move is not None and move.when == when and move.first_end == end
    assert may_hold_moves(text)        # the extractor asks move_from only about such paragraphs


def test_a_paragraph_without_from_holds_no_move():
    assert not may_hold_moves("全市地区生产总值1234.5亿元，同比增长5.2%，增加到1300亿元。")


@pytest.mark.parametrize("text", [
    "由企业投入[500万元]，建成物流中心3个",          # 由 names who
    "从业人员[500人]，增长到800人",                   # 从业 is a word
    "粮食产量由上年的[120万吨]",                      # no move follows
    "比上年增加[1.2万人]，达到5万人",                  # a change, not a move
    "从国内看，投资增长[5%]",
    "由[120万吨]的基础上继续增加",
])
def test_not_the_first_figure_of_a_move(text):
    text, start, end = _marked(text)
    assert move_from(text, start, end, 0) is None


@pytest.mark.parametrize(("text", "second", "ends"), [
    ("粮食产量由[120万吨]增加到125万吨", "125万吨", True),
    ("由1997年的[7.4万亿元]增加到2002年的10.2万亿元", "10.2万亿元", True),
    ("由[120万吨]增加到近125万吨", "近125万吨", True),   # the qualifier is part of the figure
    ("由[120万吨]增加到全省的125万吨", "125万吨", False),
])
def test_the_second_figure_ends_the_move(text, second, ends):
    text, start, end = _marked(text)
    move = move_from(text, start, end, 0)
    assert move is not None
    assert ends_move(text, move, text.index(second, end)) is ends


@pytest.mark.parametrize(("text", "time", "starts"), [
    ("由1954年的97个增加到106个", "1954年", True),
    ("从1997年的7.4万亿元", "1997年", True),
    ("由2020年起实施", "2020年", False),              # a start of validity, not of a move
    ("2020年的产量", "2020年", False),
])
def test_a_time_named_with_a_moves_start_dates_that_figure_only(text, time, starts):
    start = text.index(time)
    assert starts_move(text, start, start + len(time)) is starts
