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


def test_a_row_with_a_field_too_many_is_refused(tmp_path: Path):
    (tmp_path / "x_1.txt").write_text("产量2023年增长5%", encoding="utf-8")
    gold = tmp_path / "x_1.csv"
    gold.write_text("id,start,end,mention,value,unit,qualifier,kind,indicator,key,period,region,topic,status\n"
                    "x_1-001,2,7,2023年,,,,,,,,,,,trap\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        read_gold(gold)


def test_a_span_that_is_not_its_mention_is_refused(tmp_path: Path):
    (tmp_path / "x_1.txt").write_text("产量2023年增长5%", encoding="utf-8")
    gold = tmp_path / "x_1.csv"
    gold.write_text("id,start,end,mention,value,unit,qualifier,kind,indicator,key,period,region,topic,status\n"
                    "x_1-001,8,10,5%,5,%,exact,growth,产量,产量,2023年,,industry,required\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not the mention"):
        read_gold(gold)
