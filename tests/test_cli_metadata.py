"""What a document is, given on the command line (--doc-date, --doc-region, --doc-kind) or in a
metadata.csv beside the documents, and the placed columns in every output format."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from indicators import cli
from indicators.io.files import given_metadata, read_metadata_table
from indicators.schema import COLUMNS

REPORT = ("政府工作报告\n\n各位代表：\n\n一、过去一年工作回顾\n\n过去一年，全省地区生产总值增长5.8%。\n\n"
          "二、今年工作安排\n\n今年全省经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。\n")


def run(argv, capsys):
    code = cli.main([str(a) for a in argv])
    return code, capsys.readouterr().err


def _gdp(path) -> pd.DataFrame:
    table = pd.read_csv(path, dtype={"region_code": str})
    return table[table["indicator_id"] == "gdp"].reset_index(drop=True)


def test_command_line_says_when_and_where(tmp_path, capsys):
    doc = tmp_path / "report.txt"
    doc.write_text(REPORT, "utf-8")
    code, err = run(["extract", doc, "--doc-date", "2025-01-14", "--doc-region", "安徽", "-o", tmp_path / "o.csv"],
                    capsys)
    assert code == 0, err
    gdp = _gdp(tmp_path / "o.csv")
    assert gdp[["period_start", "modality", "region_name", "region_code"]].values.tolist() == [
        ["2024-01-01", "actual", "安徽省", "340000"], ["2025-01-01", "target", "安徽省", "340000"]]


def test_without_a_date_nothing_is_dated(tmp_path, capsys):
    doc = tmp_path / "report.txt"
    doc.write_text(REPORT, "utf-8")
    assert run(["extract", doc, "-o", tmp_path / "o.csv"], capsys)[0] == 0
    gdp = _gdp(tmp_path / "o.csv")
    assert gdp["period_start"].isna().all() and list(gdp["modality"]) == ["actual", "target"]


@pytest.mark.parametrize("option,value,message", [
    ("--doc-date", "2025-02-30", "--doc-date: '2025-02-30' is not a date"),
    ("--doc-date", "March", "--doc-date: 'March' is not a date"),
    ("--doc-kind", "essay", "invalid choice"),
])
def test_bad_options_are_usage_errors(tmp_path, capsys, option, value, message):
    doc = tmp_path / "report.txt"
    doc.write_text(REPORT, "utf-8")
    try:
        code, err = run(["extract", doc, option, value, "-o", tmp_path / "o.csv"], capsys)
    except SystemExit as exc:                       # argparse refuses a bad choice itself
        code, err = exc.code, capsys.readouterr().err
    assert code == 2 and message in err
    assert not (tmp_path / "o.csv").exists()


def test_metadata_csv_applies_to_the_documents_under_it(tmp_path, capsys):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(REPORT, "utf-8")
    (tmp_path / "sub" / "b.txt").write_text(REPORT, "utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,date,region,kind\na.txt,2025-01-14,安徽省,work_report\nsub/b.txt,2024-01-10,鞍山市,\n", "utf-8-sig")
    code, err = run(["extract", tmp_path, "-o", tmp_path / "o.csv"], capsys)
    assert code == 0, err
    assert "skipped" not in err                    # metadata.csv is not a document of unsupported type
    gdp = _gdp(tmp_path / "o.csv")
    by_source = {s.rsplit("/", 1)[-1]: g for s, g in gdp.groupby("source")}
    assert by_source["a.txt"]["region_code"].tolist() == ["340000", "340000"]
    assert by_source["b.txt"]["region_code"].tolist() == ["210000", "210000"]   # 全省 of a city: its province
    assert by_source["b.txt"]["period_start"].tolist() == ["2023-01-01", "2024-01-01"]


def test_the_command_line_wins_over_metadata_csv(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(REPORT, "utf-8")
    (tmp_path / "metadata.csv").write_text("file,date,region\na.txt,2025-01-14,安徽省\n", "utf-8")
    assert run(["extract", tmp_path, "--doc-region", "浙江省", "-o", tmp_path / "o.csv"], capsys)[0] == 0
    gdp = _gdp(tmp_path / "o.csv")
    assert set(gdp["region_name"]) == {"浙江省"} and set(gdp["period_start"]) == {"2024-01-01", "2025-01-01"}


def test_bad_metadata_rows_are_named_and_the_documents_still_processed(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(REPORT, "utf-8")
    (tmp_path / "b.txt").write_text(REPORT, "utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,date,region,kind\na.txt,2025-13-01,安徽省,\nb.txt,2025-01-14,,speech\n,2025,,\n"
        "c.txt,2025,,\n", "utf-8")
    code, err = run(["extract", tmp_path, "-o", tmp_path / "o.csv"], capsys)
    assert code == 1
    csv_name = str(tmp_path / "metadata.csv")
    for expected in ("row 2: date '2025-13-01' is not a date", "row 3: kind 'speech' is not one of",
                     "row 4: no file named", "row 5: 'c.txt' is not among the documents read",
                     "4 problems in metadata.csv"):
        assert expected in err
    assert f"{csv_name}: row 2" in err
    table = pd.read_csv(tmp_path / "o.csv")
    assert set(table["source"].str.rsplit("/", n=1).str[-1]) == {"a.txt", "b.txt"}


@pytest.mark.parametrize("content,problem", [
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (b"name,date\na.txt,2025\n", "row 1: no 'file' column"),
    ("file,date,place\na.txt,2025,安徽\n".encode(), "row 1: unknown column 'place'"),
    (b"file,date\na.txt,2025\na.txt,2024\n", "row 3: 'a.txt' is named twice"),
])
def test_metadata_table_problems(tmp_path, content, problem):
    path = tmp_path / "metadata.csv"
    path.write_bytes(content)
    assert any(problem in p for p in read_metadata_table(path).problems)


def test_given_metadata_finds_the_nearest_table_up_to_the_root(tmp_path):
    (tmp_path / "x" / "y").mkdir(parents=True)
    doc = tmp_path / "x" / "y" / "r.txt"
    doc.write_text("…", "utf-8")
    (tmp_path / "metadata.csv").write_text("file,date\nx/y/r.txt,2025-03-05\n", "utf-8")
    assert given_metadata(doc, tmp_path)[0] == {"date": "2025-03-05"}
    assert given_metadata(doc)[0] == {}                       # without a root only its own folder
    (tmp_path / "x" / "y" / "metadata.csv").write_text("file,region\nr.txt,鞍山\n", "utf-8")
    assert given_metadata(doc, tmp_path)[0] == {"region": "鞍山"}


@pytest.mark.parametrize("suffix", [".csv", ".json", ".parquet"])
def test_placed_columns_in_every_format(tmp_path, capsys, suffix):
    doc = tmp_path / "report.txt"
    doc.write_text(REPORT, "utf-8")
    out = tmp_path / f"o{suffix}"
    assert run(["extract", doc, "--doc-date", "2025-01-14", "--doc-region", "安徽省", "-o", out], capsys)[0] == 0
    if suffix == ".json":
        rows = json.loads(out.read_text("utf-8"))
        columns, first = list(rows[0]), rows[0]
    else:
        table = pd.read_parquet(out) if suffix == ".parquet" else pd.read_csv(out, dtype={"region_code": str})
        columns, first = list(table.columns), table.iloc[0].to_dict()
    assert columns == list(COLUMNS)
    assert (first["period_start"], first["region_code"], first["indicator_id"], first["modality"]) == (
        "2024-01-01", "340000", "gdp", "actual")


def test_help_names_the_document_options(capsys):
    with pytest.raises(SystemExit):
        cli.main(["extract", "--help"])
    out = capsys.readouterr().out
    for word in ("--doc-date", "--doc-region", "--doc-kind", "metadata.csv", "period_start", "modality"):
        assert word in out
