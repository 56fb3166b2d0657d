"""The ``indicators`` command: plumbing with a stand-in engine (fast, exact), and end-to-end runs
with the real engine (same facts from every encoding and format, mixed good and bad folders)."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from fixtures_docs import (
    docx_bytes,
    encode_sample,
    encrypted_pdf_bytes,
    html_page,
    pdf_bytes,
    sample_docx_bytes,
    sample_text,
    scanned_pdf_bytes,
    wrap_lines,
)

from indicators import cli, pipeline
from indicators.io import reader
from indicators.io.writer import write_table
from indicators.schema import COLUMNS, Fact, facts_to_frame

SAMPLE = sample_text()
_COUNT = re.compile(r"(\d+(?:\.\d+)?)(个|家|亿元|万吨)")


def fake_extract(text: str, source: str = "", **_context) -> pd.DataFrame:
    """A stand-in engine: every '<number><unit>' is a fact, headed by the last line ending in ':'."""
    facts = []
    section = ""
    heads = [(m.start(), m.group(1)) for m in re.finditer(r"^(\S+):$", text, re.M)]
    for m in _COUNT.finditer(text):
        for pos, head in heads:
            if pos < m.start():
                section = head
        facts.append(
            Fact(
                m.start(),
                m.end(),
                m.group(),
                Decimal(m.group(1)),
                m.group(2),
                "exact",
                "count",
                source=source,
                section=section,
                sentence=m.group(),
            )
        )
        section = ""
    return facts_to_frame(facts)


@pytest.fixture
def fake_engine(monkeypatch):
    monkeypatch.setattr(pipeline, "extract", fake_extract)
    return fake_extract


def run(argv, capsys) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _real_engine():
    try:
        from indicators.engine.extract import extract
    except ImportError:
        pytest.skip("the extraction engine is not there yet")
    return extract


# ----------------------------------------------------------------------------------------- --help


def test_help_explains_every_option(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "extract" in out and "text" in out and "--version" in out
    with pytest.raises(SystemExit):
        cli.main(["extract", "--help"])
    out = capsys.readouterr().out
    for option in (
        "-o OUT",
        "--output",
        "--recursive",
        "--no-recursive",
        "--chunk-chars",
        "--quiet",
        "--verbose",
    ):
        assert option in out
    for word in (".csv", ".json", ".parquet", "BOM", "Exit status", "indicators text FILE"):
        assert word in out
    with pytest.raises(SystemExit):
        cli.main(["text", "--help"])
    assert "exactly as the engine sees it" in capsys.readouterr().out


def test_no_command_and_missing_output(capsys):
    assert cli.main([]) == 2
    assert "usage" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        cli.main(["extract", "x.txt"])
    assert info.value.code == 2
    assert "-o/--output" in capsys.readouterr().err


# -------------------------------------------------------------------------------------- extraction


def _folder(tmp_path: Path) -> Path:
    docs = tmp_path / "我的 文档"
    (docs / "子目录").mkdir(parents=True)
    (docs / "鞍山 日报.txt").write_bytes("一、投资:\n开工项目697个，完成投资300.1亿元。\n".encode("gbk"))
    (docs / "子目录" / "news.html").write_bytes(html_page("新增企业25家。").encode())
    (docs / "子目录" / "report.docx").write_bytes(docx_bytes([("p", "产量20万吨。")]))
    (docs / "bulletin.pdf").write_bytes(pdf_bytes(["新建项目12个。"]))
    (docs / "empty.txt").write_bytes(b"")
    (docs / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + os.urandom(300))
    (docs / "scan.pdf").write_bytes(scanned_pdf_bytes())
    (docs / "secret.pdf").write_bytes(encrypted_pdf_bytes())
    (docs / "broken.docx").write_bytes(b"PK\x03\x04 not really")
    (docs / "cut.txt").write_bytes("项目5个".encode()[:-1])  # truncated mid-character: a warning
    (docs / "table.xlsx").write_bytes(b"PK")
    (docs / ".hidden.txt").write_text("隐藏10个")
    return docs


BAD = {
    "empty.txt": "empty file",
    "photo.txt": "binary data, not text",
    "scan.pdf": "no text layer: OCR is not supported",
    "secret.pdf": "encrypted PDF",
    "broken.docx": "corrupt DOCX",
}


def test_folder_of_good_and_bad_files(tmp_path, capsys, fake_engine):
    docs = _folder(tmp_path)
    out = tmp_path / "facts.csv"
    code, stdout, err = run(["extract", docs, "-o", out], capsys)
    assert code == 1
    assert stdout == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    for name, reason in BAD.items():
        hits = [line for line in lines if line.startswith(f"indicators: {docs / name}: ")]
        assert len(hits) == 1, (name, err)
        assert reason in hits[0]
    assert f"indicators: {docs / 'cut.txt'}: warning: " in err
    assert "5 of 10 files failed" in err
    assert "skipped 1 file of unsupported type (.xlsx)" in err
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert list(table.columns) == list(COLUMNS)
    got = sorted(zip(table["source"].map(lambda s: Path(s).name), table["mention"], strict=True))
    assert got == sorted(
        [
            ("鞍山 日报.txt", "697个"),
            ("鞍山 日报.txt", "300.1亿元"),
            ("news.html", "25家"),
            ("report.docx", "20万吨"),
            ("bulletin.pdf", "12个"),
        ]
    )
    assert set(table["source"]) >= {str(docs / "鞍山 日报.txt"), str(docs / "子目录" / "news.html")}


def test_no_recursive(tmp_path, capsys, fake_engine):
    docs = _folder(tmp_path)
    out = tmp_path / "facts.json"
    code, _, err = run(["extract", docs, "--no-recursive", "-o", out], capsys)
    sources = {Path(r["source"]).name for r in json.loads(out.read_text(encoding="utf-8"))}
    assert "news.html" not in sources and "鞍山 日报.txt" in sources
    assert code == 1 and "5 of 8 files failed" in err


def test_all_good_exits_zero_with_summary(tmp_path, capsys, fake_engine):
    a = tmp_path / "a b.txt"
    a.write_text("项目697个。\n企业25家。", encoding="utf-8")
    out = tmp_path / "o.csv"
    code, _, err = run(["extract", a, "-o", out], capsys)
    assert code == 0
    assert re.fullmatch(
        rf"indicators: 1 file read, 2 facts written to {re.escape(str(out))} \(14 characters, [\d.]+s\)\n",
        err,
    )
    code, _, err = run(["extract", a, "-o", out, "--quiet"], capsys)
    assert code == 0 and err == ""


def test_missing_inputs_and_named_unsupported_file(tmp_path, capsys, fake_engine):
    good = tmp_path / "good.md"
    good.write_text("项目697个", encoding="utf-8")
    (tmp_path / "x.xls").write_bytes(b"1")
    out = tmp_path / "o.csv"
    code, _, err = run(["extract", tmp_path / "nope.txt", good, tmp_path / "x.xls", "-o", out], capsys)
    assert code == 1
    assert f"indicators: {tmp_path / 'nope.txt'}: no such file or directory" in err
    assert f"indicators: {tmp_path / 'x.xls'}: unsupported file type .xls" in err
    assert "2 of 3 files failed" in err
    assert pd.read_csv(out, encoding="utf-8-sig")["mention"].tolist() == ["697个"]


def test_empty_folder(tmp_path, capsys, fake_engine):
    (tmp_path / "in").mkdir()
    code, _, err = run(["extract", tmp_path / "in", "-o", tmp_path / "o.csv"], capsys)
    assert code == 1 and "no documents found" in err
    assert list(pd.read_csv(tmp_path / "o.csv", encoding="utf-8-sig").columns) == list(COLUMNS)


def test_symlink_loops(tmp_path, capsys, fake_engine):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("项目697个", encoding="utf-8")
    (docs / "loop").symlink_to(docs)  # a folder linking to itself
    (docs / "a.txt").symlink_to(docs / "b.txt")
    (docs / "b.txt").symlink_to(docs / "a.txt")
    code, _, err = run(["extract", docs, "-o", tmp_path / "o.csv"], capsys)
    assert code == 1
    assert f"{docs / 'loop'}: symlink loop" in err
    assert f"{docs / 'a.txt'}: symlink loop" in err and f"{docs / 'b.txt'}: symlink loop" in err
    assert "3 of 4 files failed" in err
    assert pd.read_csv(tmp_path / "o.csv", encoding="utf-8-sig")["mention"].tolist() == ["697个"]


def test_same_file_twice_is_read_once(tmp_path, capsys, fake_engine):
    a = tmp_path / "a.txt"
    a.write_text("项目697个", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(a)
    code, _, _ = run(["extract", a, tmp_path, "-o", tmp_path / "o.json"], capsys)
    assert code == 0
    assert len(json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))) == 1


# ------------------------------------------------------------------------------------------ output


def test_output_problems_are_clear(tmp_path, capsys, fake_engine):
    a = tmp_path / "a.txt"
    a.write_text("项目697个", encoding="utf-8")
    code, _, err = run(["extract", a, "-o", tmp_path / "no" / "such" / "o.csv"], capsys)
    assert code == 2 and f"output directory does not exist: {tmp_path / 'no' / 'such'}" in err
    code, _, err = run(["extract", a, "-o", tmp_path / "o.xlsx"], capsys)
    assert code == 2 and "unknown output format '.xlsx'; use one of .csv, .json, .parquet" in err
    code, _, err = run(["extract", a, "-o", tmp_path], capsys)
    assert code == 2 and "is a directory" in err
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        code, _, err = run(["extract", a, "-o", locked / "o.csv"], capsys)
        assert code == 2 and "permission denied" in err
    assert "Traceback" not in err
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize("suffix", [".csv", ".json", ".parquet"])
def test_formats_round_trip_and_match_write_table(tmp_path, capsys, fake_engine, suffix):
    src = tmp_path / "a.txt"
    src.write_text("开工项目697个，=完成投资300.1亿元。\n\n新增企业25家。", encoding="utf-8")
    out = tmp_path / f"o{suffix}"
    assert run(["extract", src, "-o", out], capsys)[0] == 0
    expected = fake_extract(src.read_text(encoding="utf-8"), source=str(src))
    reference = write_table(expected, tmp_path / f"ref{suffix}")
    if suffix == ".csv":
        raw = out.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        assert raw == reference.read_bytes()
        back = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    elif suffix == ".json":
        assert out.read_bytes() == reference.read_bytes()
        back = pd.DataFrame(json.loads(out.read_text(encoding="utf-8")))
    else:
        back = pd.read_parquet(out)
        pd.testing.assert_frame_equal(back, pd.read_parquet(reference))
    assert back["mention"].tolist() == ["697个", "300.1亿元", "25家"]
    assert back["value"].tolist() == [697.0, 300.1, 25.0]
    text = src.read_text(encoding="utf-8")
    assert all(text[s:e] == m for s, e, m in zip(back["start"], back["end"], back["mention"], strict=True))


@pytest.mark.parametrize("suffix", [".csv", ".json", ".parquet"])
def test_chunked_output_equals_whole(tmp_path, capsys, fake_engine, suffix):
    """Offsets of chunked extraction refer to the whole text; rows appended across chunks."""
    text = "".join(f"第{i}段:\n本段开工项目{i}个，投资{i}.5亿元。\n\n" for i in range(1, 400))
    src = tmp_path / "big.txt"
    src.write_bytes(text.encode("gbk"))
    whole, chunked = tmp_path / f"w{suffix}", tmp_path / f"c{suffix}"
    assert run(["extract", src, "-o", whole], capsys)[0] == 0
    assert run(["extract", src, "-o", chunked, "--chunk-chars", "1000"], capsys)[0] == 0
    read = {
        ".csv": lambda p: pd.read_csv(p, encoding="utf-8-sig", keep_default_na=False),
        ".json": lambda p: pd.DataFrame(json.loads(p.read_text(encoding="utf-8"))),
        ".parquet": pd.read_parquet,
    }[suffix]
    a, b = read(whole), read(chunked)
    assert len(a) == 798
    pd.testing.assert_frame_equal(a, b)
    assert all(text[s:e] == m for s, e, m in zip(b["start"], b["end"], b["mention"], strict=True))


def test_section_carries_over_chunk_boundaries(tmp_path, capsys, fake_engine):
    body = "。".join(["说明文字没有数字"] * 60)
    text = "投资:\n" + body + "\n\n" + "项目3个。\n"
    src = tmp_path / "a.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "o.csv"
    assert run(["extract", src, "-o", out, "--chunk-chars", "1000"], capsys)[0] == 0
    table = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False)
    assert table["section"].tolist() == ["投资"]


def test_engine_failure_is_one_line_and_others_go_on(tmp_path, capsys, monkeypatch):
    def flaky(text, source="", **_context):
        if "炸" in text:
            raise ValueError("boom")
        return fake_extract(text, source)

    monkeypatch.setattr(pipeline, "extract", flaky)
    (tmp_path / "a.txt").write_text("炸 1个", encoding="utf-8")
    (tmp_path / "b.txt").write_text("好 2个", encoding="utf-8")
    code, _, err = run(["extract", tmp_path, "-o", tmp_path / "o.csv"], capsys)
    assert code == 1
    assert f"indicators: {tmp_path / 'a.txt'}: extraction failed: ValueError: boom" in err
    assert "1 of 2 files failed" in err and "Traceback" not in err


# -------------------------------------------------------------------------------------------- text


def test_text_prints_exactly_what_the_engine_sees(tmp_path, capsysbinary):
    src = tmp_path / "鞍山 日报.txt"
    src.write_bytes(encode_sample("gb18030").replace(b"\n", b"\r\n"))
    assert cli.main(["text", str(src)]) == 0
    out, err = capsysbinary.readouterr()
    assert out.decode("utf-8") == SAMPLE and err == b""
    html = tmp_path / "p.html"
    html.write_bytes(html_page("完成投资300.1亿元。").encode("gbk"))
    assert cli.main(["text", str(html)]) == 0
    assert capsysbinary.readouterr().out.decode() == "完成投资300.1亿元。"


def test_text_failures(tmp_path, capsys):
    assert cli.main(["text", str(tmp_path / "none.pdf")]) == 1
    assert capsys.readouterr().err == f"indicators: {tmp_path / 'none.pdf'}: no such file\n"
    assert cli.main(["text", str(tmp_path)]) == 1
    assert "is a directory" in capsys.readouterr().err
    (tmp_path / "s.pdf").write_bytes(scanned_pdf_bytes())
    assert cli.main(["text", str(tmp_path / "s.pdf")]) == 1
    assert capsys.readouterr().err.endswith("s.pdf: no text layer: OCR is not supported\n")


def test_console_script_runs_without_traceback(tmp_path):
    """The installed entry point, in a subprocess with a C locale and a pipe for stdout."""
    (tmp_path / "a.txt").write_bytes(b"")
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": ""}
    proc = subprocess.run(
        [sys.executable, "-m", "indicators.cli", "text", str(tmp_path / "a.txt")],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 1
    assert proc.stderr.decode() == f"indicators: {tmp_path / 'a.txt'}: empty file\n"
    (tmp_path / "b.txt").write_bytes("项目697个".encode("gbk"))
    proc = subprocess.run(
        [sys.executable, "-m", "indicators.cli", "text", str(tmp_path / "b.txt")],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0 and proc.stdout.decode("utf-8") == "项目697个"


# ------------------------------------------------------------------------------- with the real engine


def _facts(frame: pd.DataFrame) -> list[tuple[str, float]]:
    return sorted(zip(frame["mention"], frame["value"], strict=True))


def test_real_engine_same_facts_from_every_kind_of_document(tmp_path, capsys):
    extract = _real_engine()
    reference = _facts(extract(SAMPLE))
    assert len(reference) > 20
    docs = tmp_path / "docs"
    docs.mkdir()
    for enc in ("utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"):
        (docs / f"page-{enc}.txt").write_bytes(encode_sample(enc))
    (docs / "page.html").write_bytes(html_page(SAMPLE, charset="gbk").encode("gbk"))
    out = tmp_path / "facts.parquet"
    code, _, err = run(["extract", docs, "-o", out], capsys)
    assert code == 0, err
    table = pd.read_parquet(out)
    for name, group in table.groupby("source"):
        assert _facts(group) == reference, name
        text = reader.read_path(name)
        assert all(
            text[s:e] == m for s, e, m in zip(group["start"], group["end"], group["mention"], strict=True)
        )


def test_real_engine_pdf_and_docx_keep_the_facts(tmp_path, capsys):
    extract = _real_engine()
    reference = {m for m, _v in _facts(extract(SAMPLE))}
    (tmp_path / "page.pdf").write_bytes(pdf_bytes(wrap_lines(SAMPLE, 34)))
    (tmp_path / "page.docx").write_bytes(sample_docx_bytes())
    out = tmp_path / "o.csv"
    code, _, err = run(["extract", tmp_path / "page.pdf", tmp_path / "page.docx", "-o", out], capsys)
    assert code == 0, err
    table = pd.read_csv(out, encoding="utf-8-sig")
    for name, group in table.groupby("source"):
        found = set(group["mention"])
        assert len(found & reference) >= 0.9 * len(reference), (name, reference - found)


def test_real_engine_chunked_big_text_matches_whole(tmp_path, capsys):
    _real_engine()
    src = tmp_path / "big.txt"
    src.write_bytes((SAMPLE + "\n\n").encode("utf-8") * 6)
    whole, chunked = tmp_path / "w.csv", tmp_path / "c.csv"
    assert run(["extract", src, "-o", whole], capsys)[0] == 0
    assert run(["extract", src, "-o", chunked, "--chunk-chars", "20000"], capsys)[0] == 0
    a = pd.read_csv(whole, encoding="utf-8-sig", keep_default_na=False)
    b = pd.read_csv(chunked, encoding="utf-8-sig", keep_default_na=False)
    assert _facts(a) == _facts(b)
    assert a["start"].tolist() == b["start"].tolist()
    text = src.read_text(encoding="utf-8")
    assert all(text[s:e] == m for s, e, m in zip(b["start"], b["end"], b["mention"], strict=True))


def test_file_name_that_is_not_utf8(tmp_path, capsys, fake_engine):
    raw = os.fsencode(tmp_path) + b"/bad\xff name.txt"
    try:
        with open(raw, "wb") as fh:
            fh.write("项目697个".encode())
    except OSError:
        pytest.skip("the file system refuses non-UTF-8 names")
    out = tmp_path / "o.csv"
    code, _, err = run(["extract", tmp_path, "-o", out], capsys)
    assert code == 0, err
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert table["source"].tolist() == [str(tmp_path / "bad\ufffd name.txt")]


def test_unexpected_engine_bug_costs_only_that_file(tmp_path, capsys, monkeypatch):
    def buggy(text, source="", **_context):
        if "坏" in text:
            return "not a frame"
        return fake_extract(text, source)

    monkeypatch.setattr(pipeline, "extract", buggy)
    (tmp_path / "a.txt").write_text("坏 1个", encoding="utf-8")
    (tmp_path / "b.txt").write_text("好 2个", encoding="utf-8")
    code, _, err = run(["extract", tmp_path, "-o", tmp_path / "o.json"], capsys)
    assert code == 1 and "a.txt: internal error: " in err and "1 of 2 files failed" in err
    assert [r["mention"] for r in json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))] == ["2个"]
    assert not list(tmp_path.glob(".*.part"))


def test_real_engine_mixed_folder(tmp_path, capsys):
    _real_engine()
    docs = _folder(tmp_path)
    (docs / "notes.md").write_text("## 二、工业\n\n新增企业**25家**。\n", encoding="utf-8")
    out = tmp_path / "facts.csv"
    code, _, err = run(["extract", docs, "-o", out], capsys)
    assert code == 1 and "5 of 11 files failed" in err and "Traceback" not in err
    for name, reason in BAD.items():
        assert f"indicators: {docs / name}: {reason}" in err
    table = pd.read_csv(out, encoding="utf-8-sig")
    by_file = {Path(s).name: set(g["mention"]) for s, g in table.groupby("source")}
    assert by_file["鞍山 日报.txt"] >= {"697个", "300.1亿元"}
    assert by_file["news.html"] == {"25家"}
    assert by_file["report.docx"] == {"20万吨"}
    assert by_file["bulletin.pdf"] == {"12个"}
    assert by_file["notes.md"] == {"25家"}


def test_unreadable_folder_is_named(tmp_path, capsys, fake_engine, monkeypatch):
    good, locked = tmp_path / "good", tmp_path / "locked"
    good.mkdir()
    locked.mkdir()
    (good / "a.txt").write_text("项目697个", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(p):
        if str(p) == str(locked):
            raise PermissionError(13, "Permission denied", str(p))
        return real_scandir(p)

    monkeypatch.setattr(os, "scandir", scandir)
    code, _, err = run(["extract", tmp_path, "-o", tmp_path / "o.csv"], capsys)
    assert code == 1
    assert f"indicators: {locked}: cannot list folder: permission denied" in err
    assert "1 of 2 files failed" in err
