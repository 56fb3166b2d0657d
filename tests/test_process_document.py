"""One document end to end (pipeline.process_document): its row of the documents table, its facts and
text; a bad document never raises; context carried across chunk cuts."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest

from indicators import pipeline
from indicators.engine.extract import extract
from indicators.pipeline import (
    DOCUMENT_COLUMNS,
    ENGINE_VERSION,
    FACT_COLUMNS,
    _context_before,
    _head,
    extract_file,
    process_document,
)

REPO = Path(__file__).resolve().parents[1]
GOLD_DOCUMENTS = sorted(REPO.glob("tests/gold*/*.txt"))


class Frames:
    def __init__(self) -> None:
        self.frames: list[pd.DataFrame] = []

    def write(self, frame: pd.DataFrame) -> None:
        self.frames.append(frame)

    def table(self) -> pd.DataFrame:
        return pd.concat(self.frames, ignore_index=True)


def test_a_document_row_facts_and_text():
    path = REPO / "tests" / "gold" / "city_bulletin_yunze_2023.txt"
    data = path.read_bytes()
    doc = process_document("yunze.txt", data)
    row = doc.document
    assert list(row) == list(DOCUMENT_COLUMNS)
    assert row["doc_id"] == hashlib.sha256(data).hexdigest()
    assert (row["title"], row["doc_date"], row["doc_region"], row["doc_region_code"], row["doc_kind"]) == (
        "云泽市2023年国民经济和社会发展统计公报", "2024-03-18", "云泽市", "", "statistical_bulletin")
    assert (row["status"], row["error"], row["engine_version"]) == ("ok", "", ENGINE_VERSION)
    assert row["characters"] == len(doc.text) and row["bytes"] == len(data) and row["facts"] == len(doc.facts)
    assert list(doc.facts.columns) == list(FACT_COLUMNS)
    assert set(doc.facts["doc_id"]) == {row["doc_id"]} and set(doc.facts["source"]) == {"yunze.txt"}
    assert all(doc.text[s:e] == m for s, e, m in zip(doc.facts["start"], doc.facts["end"], doc.facts["mention"],
                                                     strict=True))
    frames = Frames()
    extract_file(path, frames, source="yunze.txt")
    pd.testing.assert_frame_equal(doc.facts.drop(columns="doc_id"), frames.table())


def test_what_is_given_wins():
    doc = process_document("a.txt", "全年地区生产总值增长5%。".encode(), given={"date": "2024-02", "region": "安徽"})
    assert (doc.document["doc_date"], doc.document["doc_region"], doc.document["doc_region_code"]) == (
        "2024-02", "安徽省", "340000")


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "no text"),
    ("binary.txt", bytes(range(256)) * 40, "binary"),
    ("scan.pdf", b"%PDF-1.4 not really", "PDF"),
    ("table.xlsx", b"PK\x03\x04", "unsupported file type .xlsx"),
])
def test_a_bad_document_is_a_row_with_its_reason_never_an_exception(name, data, reason):
    doc = process_document(name, data)
    assert doc.document["status"] == "error" and reason in doc.document["error"]
    assert doc.document["doc_id"] == hashlib.sha256(data).hexdigest() and doc.document["path"] == name
    assert doc.text == "" and doc.facts.empty and list(doc.facts.columns) == list(FACT_COLUMNS)
    # typed even when empty: text as text, numbers as numbers
    assert pd.api.types.is_string_dtype(doc.facts["mention"]) and pd.api.types.is_string_dtype(doc.facts["doc_id"])
    assert doc.facts.dtypes["start"] == "int64" and doc.facts.dtypes["value"] == "float64"


def test_bad_given_metadata_and_an_engine_failure_are_reasons_too(monkeypatch):
    doc = process_document("a.txt", "增长5%。".encode(), given={"kind": "poem"})
    assert doc.document["status"] == "error" and "bad metadata" in doc.document["error"]

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "extract", broken)
    doc = process_document("a.txt", "增长5%。".encode())
    assert doc.document["error"] == "extraction failed: RuntimeError: boom"


def test_the_engine_version_changes_with_what_extraction_depends_on_only(tmp_path, monkeypatch):
    package = tmp_path / "indicators"
    shutil.copytree(REPO / "indicators", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(pipeline, "_PACKAGE", package)
    assert pipeline._engine_version() == ENGINE_VERSION
    (package / "cli.py").write_text("# not part of extraction\n", encoding="utf-8")
    assert pipeline._engine_version() == ENGINE_VERSION
    catalogue = package / "lang" / "data" / "indicators.toml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + "\n# a change\n", encoding="utf-8")
    assert pipeline._engine_version() != ENGINE_VERSION


# ------------------------------------------------------------------ context across chunks


@pytest.mark.parametrize("path", GOLD_DOCUMENTS, ids=lambda p: p.name)
def test_a_document_cut_into_chunks_keeps_its_context(path):
    """Cut every 1,000 characters, a document's facts keep the period, section, modality and
    indicator they have when it is read whole (a bulletin's title year governs every row); the
    place a news page names most is still counted per chunk, so news may differ in region."""
    text = path.read_text(encoding="utf-8")
    whole = process_document(path.name, text.encode()).facts
    cut = process_document(path.name, text.encode(), chunk_chars=1000).facts
    assert cut["start"].tolist() == whole["start"].tolist()
    same = ["mention", "sentence", "period_start", "period_end", "section", "modality", "indicator_id"]
    if "news" not in path.name:
        same.append("region_name")
    mismatched = {c: int((cut[c] != whole[c]).sum()) for c in same if (cut[c] != whole[c]).any()}
    assert mismatched.keys() <= {"section"} and sum(mismatched.values()) <= 1, mismatched


def test_a_title_year_governs_facts_far_past_the_first_chunk():
    body = "\n\n".join(f"第{i}部分，说明文字没有数字。" * 30 for i in range(6))
    text = f"云泽市2023年国民经济和社会发展统计公报\n\n{body}\n\n全年全市粮食产量120.5万吨，比上年增长2.1%。\n"
    whole = extract(text, source="x.txt")
    cut = process_document("x.txt", text.encode(), chunk_chars=1000).facts
    assert len(cut) == 2 and cut["period_start"].tolist() == whole["period_start"].tolist() == ["2023-01-01"] * 2


@pytest.mark.parametrize(("head", "section", "before", "before_offset", "context"), [
    ("标题", "", "标题\n\n正文一。", 0, "标题\n\n正文一。"),                # all the text before is at hand
    ("标题", "", "甲。\n乙。\n\n丙。\n", 500, "标题\n\n丙。\n"),          # cut at a paragraph break
    ("标题", "", "甲。\n乙。丙。", 500, "标题\n\n乙。丙。"),              # else at a line break
    ("标题", "", "甲乙丙。", 500, "标题"),                              # never mid-sentence
    ("标题", "二、工业", "x\n\n丙。", 500, "标题\n\n二、工业\n\n丙。"),    # the article's headline lies further back
    ("标题", "二、工业", "x\n\n二、工业\n丙。", 500, "标题\n\n二、工业\n丙。"),
    ("", "", "甲。\n\n乙。", 500, "乙。"),                              # no title block
])
def test_the_context_read_before_a_chunk(head, section, before, before_offset, context):
    assert _context_before(head, section, before, before_offset) == context


def test_the_title_block_is_the_text_before_the_first_blank_line():
    assert _head("标题\n副标题\n\n正文") == "标题\n副标题"
    assert _head("没有空行的长文" * 100) == ""
