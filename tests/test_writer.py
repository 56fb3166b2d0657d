"""The CSV writer's guard against spreadsheet formulas: a text cell Excel would run (=, +, -, @ first)
gets a quote in front; a plain signed number (a table's -4.2 as written) is no formula and stays."""

from __future__ import annotations

import pandas as pd

from indicators.io.writer import neutralise_formulas, to_csv_bytes


def test_formulas_are_quoted_and_signed_numbers_kept():
    cells = ['=HYPERLINK("http://x","y")', "+1+1", "@SUM(A1)", "-2+3", "\tx", "-4.2", "+3", "5.8", "同比增长5.8%"]
    out = neutralise_formulas(pd.DataFrame({"mention": cells}))["mention"].tolist()
    assert out == ['\'=HYPERLINK("http://x","y")', "'+1+1", "'@SUM(A1)", "'-2+3", "'\tx", "-4.2", "+3", "5.8",
                   "同比增长5.8%"]


def test_the_csv_bytes_carry_the_guard():
    data = to_csv_bytes(pd.DataFrame({"mention": ["=1+1", "-4.2"]})).decode("utf-8-sig")
    assert data.splitlines()[1:] == ["'=1+1", "-4.2"]
