"""The labelled texts under benchmarks/labelled are well formed: every gold row has seed.csv's columns, a
known status and a span that is its mention (a malformed row would be scored as a false positive)."""

from pathlib import Path

import pytest

from benchmarks.score_labelled import LABELLED, read_gold

GOLD_FILES = sorted(LABELLED.glob("*/*.csv"))


def test_there_are_labelled_texts():
    assert len(GOLD_FILES) > 300


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_gold_rows_are_well_formed(path: Path):
    rows = read_gold(path)
    assert any(row["status"] == "required" for row in rows)


HEADER = "id,start,end,mention,value,unit,qualifier,kind,indicator,key,period,region,topic,status\n"


@pytest.mark.parametrize("row,refusal", [
    ("x_1-001,2,7,2023年,,,,,,,,,,,trap\n", "line 2"),                                  # a field too many
    ("x_1-001,8,10,5%,5,%,exact,growth,产量,产量,2023年,,industry,required\n", "not the mention"),   # 长5, not 5%
])
def test_a_malformed_gold_row_is_refused(tmp_path: Path, row: str, refusal: str):
    (tmp_path / "x_1.txt").write_text("产量2023年增长5%", encoding="utf-8")
    gold = tmp_path / "x_1.csv"
    gold.write_text(HEADER + row, encoding="utf-8")
    with pytest.raises(ValueError, match=refusal):
        read_gold(gold)
