"""The reader: every supported kind of document in, the text the engine sees out; every bad input
a ReadError with one clear line."""

from __future__ import annotations

import os
import sys
import warnings

import pytest
from fixtures_docs import (
    ENCODINGS,
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
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.io import reader
from indicators.io.reader import (
    SUPPORTED_SUFFIXES,
    ReadError,
    ReadWarning,
    iter_text_chunks,
    load_bytes,
    read_bytes,
    read_path,
)

SAMPLE = sample_text()


def _error(name: str, data: bytes) -> ReadError:
    with pytest.raises(ReadError) as info:
        read_bytes(name, data)
    err = info.value
    assert str(err) == f"{err.name}: {err.reason}"
    assert "\n" not in str(err)
    assert err.name == name
    return err


# ------------------------------------------------------------------------------------ the contract


def test_public_contract():
    assert SUPPORTED_SUFFIXES == (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
    err = ReadError("a.txt", "empty\nfile")
    assert str(err) == "a.txt: empty file" and err.name == "a.txt" and err.reason == "empty file"
    assert isinstance(err, Exception)
    import pickle

    assert str(pickle.loads(pickle.dumps(err))) == "a.txt: empty file"


# -------------------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_sample_in_every_encoding_reads_back_exactly(encoding):
    assert read_bytes("page.txt", encode_sample(encoding)) == SAMPLE


@pytest.mark.parametrize("encoding", ["utf-32", "big5"])
def test_other_detected_encodings(encoding):
    text = "全市完成投资300.1亿元，同比增长7.1%。\n" * 20
    if encoding == "big5":
        text = "全市完成投資300.1億元，同比增長7.1%。\n" * 40
    assert read_bytes("a.md", text.encode(encoding)) == text


def test_gb2312_subset_and_gb18030_only_characters():
    text = "𠀀鼎新：完成投资300.1亿元。€ 龘\n"  # a CJK Ext-B character exists only in GB18030
    assert read_bytes("a.txt", text.encode("gb18030")) == text
    plain = "开工亿元以上项目697个，完成投资300.1亿元。\n"
    assert read_bytes("a.txt", plain.encode("gb2312")) == plain


def test_short_gbk_text_is_not_taken_for_utf8():
    for text in ("增长7.1%", "鞍山", "项目697个"):
        assert read_bytes("a.txt", text.encode("gbk")) == text


def test_line_endings_normalised_and_bom_dropped():
    assert read_bytes("a.txt", "\ufeff一\r\n二\r三\n".encode()) == "一\n二\n三\n"
    assert read_bytes("a.txt", "一\r\n二".encode("utf-16")) == "一\n二"


def test_the_locale_is_not_used(monkeypatch):
    monkeypatch.setenv("LC_ALL", "C")
    monkeypatch.setenv("LANG", "C")
    assert read_bytes("a.txt", encode_sample("gbk")) == SAMPLE


# ------------------------------------------------------------------------------ damaged and binary


def test_truncated_utf8_is_decoded_with_replacement_and_a_warning():
    data = encode_sample("utf-8")
    cut = data[: data.index("鞍".encode()) + 1]  # cut inside a multi-byte character
    with pytest.warns(ReadWarning, match=r"1 undecodable byte sequence.*truncated"):
        text = read_bytes("cut.txt", cut)
    assert text.endswith("\ufffd") and text[:-1] == SAMPLE[: len(text) - 1]
    doc = load_bytes("cut.txt", cut)
    assert doc.encoding == "utf-8" and len(doc.warnings) == 1


def test_truncated_gbk_is_decoded_with_replacement_and_a_warning():
    data = encode_sample("gbk")
    cut = data[: data.index("鞍".encode("gbk")) + 1]
    with pytest.warns(ReadWarning, match="gb18030"):
        text = read_bytes("cut.txt", cut)
    assert text.endswith("\ufffd")
    assert text[:-1] == SAMPLE[: len(text) - 1]


def test_truncated_utf16_is_decoded_with_replacement_and_a_warning():
    data = encode_sample("utf-16")[:-1]
    with pytest.warns(ReadWarning):
        text = read_bytes("cut.txt", data)
    assert text[:100] == SAMPLE[:100]


def test_a_stray_bad_byte_in_utf8_text_keeps_utf8():
    data = encode_sample("utf-8")
    mid = len(data) // 2
    while data[mid] >= 0x80:
        mid += 1
    damaged = data[:mid] + b"\xff" + data[mid:]
    with pytest.warns(ReadWarning):
        text = read_bytes("a.txt", damaged)
    assert text.replace("\ufffd", "") == SAMPLE


def test_no_warning_for_clean_text():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_bytes("a.txt", encode_sample("gbk"))


@pytest.mark.parametrize(
    "data",
    [
        os.urandom(4096),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        b"\x89PNG\x00\x01",
        bytes(range(128, 256)) * 30,
        b"PK\x03\x04" + os.urandom(600),
        b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + os.urandom(500),
    ],
    ids=["random", "png", "tiny-png", "high-bytes", "zip", "elf"],
)
def test_binary_with_a_text_suffix_is_rejected(data):
    err = _error("photo.txt", data)
    assert "binary data, not text" in err.reason


def test_empty_and_whitespace_only():
    assert _error("empty.txt", b"").reason == "empty file"
    for suffix in SUPPORTED_SUFFIXES:
        assert _error(f"empty{suffix}", b"").reason == "empty file"
    assert "no text" in _error("blank.md", b" \n\r\n\t ").reason
    assert "no text" in _error("blank.txt", "\ufeff\n".encode()).reason


def test_unsupported_suffix():
    err = _error("table.xlsx", b"PK..")
    assert err.reason.startswith("unsupported file type .xlsx")
    assert _error("README", b"hello").reason.startswith("unsupported file type (no suffix)")
    assert read_bytes("UPPER.TXT", b"abc 12") == "abc 12"  # suffix case does not matter


# -------------------------------------------------------------------------------------------- HTML


def test_html_main_text_without_menus_scripts_styles_footer():
    text = read_bytes("page.html", html_page(SAMPLE).encode())
    for junk in (
        "网站首页",
        "要闻速递",
        "专题栏目",
        "888个",
        "99个",
        "margin",
        "版权所有",
        "024-88888888",
        "网页标题",
    ):
        assert junk not in SAMPLE
        assert junk not in text
    assert "开工亿元以上项目697个" in text.replace("\n", "")
    # paragraphs are separated by a blank line
    assert "\n\n" in text and "\n\n\n" not in text


def test_html_gbk_page_with_meta_charset():
    page = html_page("鞍山市完成投资300.1亿元。\n\n同比增长7.1%。", charset="gb2312")
    text = read_bytes("page.htm", page.encode("gbk"))
    assert text == "鞍山市完成投资300.1亿元。\n\n同比增长7.1%。"


def test_html_gbk_page_without_charset_is_detected():
    page = "<html><body><p>鞍山市完成投资300.1亿元，同比增长7.1%。</p></body></html>"
    assert read_bytes("page.html", page.encode("gbk")) == "鞍山市完成投资300.1亿元，同比增长7.1%。"


def test_html_wrong_charset_label_falls_back_to_detection():
    page = '<html><head><meta charset="utf-8"></head><body><p>完成投资300.1亿元。</p></body></html>'
    assert read_bytes("page.html", page.encode("gbk")) == "完成投资300.1亿元。"


def test_html_headings_own_lines_breaks_and_source_newlines():
    page = (
        "<html><body><article><h1>鞍山经济<small>快讯</small></h1>"
        "<p>前三季度固定资产投资\n   同比增长7.1%，<b>开工</b>项目697个。</p>"
        "<p>第一行<br>第二行 &amp; more\ntext</p><div>表格<table><tr><td>GDP</td><td>100亿元</td></tr>"
        "</table></div></article><aside>相关新闻 1个</aside></body></html>"
    )
    text = read_bytes("a.html", page.encode())
    assert text.split("\n\n") == [
        "鞍山经济快讯",
        "前三季度固定资产投资同比增长7.1%，开工项目697个。",
        "第一行\n第二行 & more text",
        "表格",
        "GDP 100亿元",
    ]


def test_html_link_lists_dropped_but_links_inside_text_kept():
    page = (
        "<html><body><div><a href=1>新闻</a> | <a href=2>政务</a> | <a href=3>经济</a></div>"
        "<p>据<a href=x>统计局</a>消息，全市完成投资300.1亿元。</p></body></html>"
    )
    assert read_bytes("a.html", page.encode()) == "据统计局消息，全市完成投资300.1亿元。"


def test_html_without_text_and_deep_nesting():
    assert "no text" in _error("a.html", b"<html><body><script>x=1</script></body></html>").reason
    deep = "<div>" * 20000 + "投资300亿元" + "</div>" * 20000
    assert read_bytes("deep.html", deep.encode()) == "投资300亿元"


def test_html_junk_bytes():
    assert "binary" in _error("a.html", os.urandom(3000)).reason


# --------------------------------------------------------------------------------------------- PDF


def test_pdf_text_layer_with_layout_breaks_rejoined():
    lines = [
        "一、综合",
        *wrap_lines("前三季度固定资产投资同比增长7.1%，开工亿元以上项目697个，完成投资300.1亿元。"),
    ]
    lines += ["二、工业", *wrap_lines("规上工业增加值同比增长3.0%。")]
    text = read_bytes("report.pdf", pdf_bytes(lines))
    assert text.split("\n\n") == [
        "一、综合",
        "前三季度固定资产投资同比增长7.1%，开工亿元以上项目697个，完成投资300.1亿元。",
        "二、工业",
        "规上工业增加值同比增长3.0%。",
    ]


def test_pdf_sample_page_keeps_every_paragraph():
    text = read_bytes("page.pdf", pdf_bytes(wrap_lines(SAMPLE)))
    flat = text.replace("\n", "")
    for para in SAMPLE.split("\n\n"):
        para = para.replace("\n", "")
        if len(para) > 40:
            assert para[:30] in flat


def test_pdf_sentence_running_onto_the_next_page_and_page_numbers():
    pages = [
        ["全市固定资产投资同比增长7.1%，开工亿元以上项目", "- 1 -"],
        ["697个，完成投资300.1亿元。", "2"],
    ]
    text = read_bytes("p.pdf", pdf_bytes(pages=pages))
    assert text == "全市固定资产投资同比增长7.1%，开工亿元以上项目697个，完成投资300.1亿元。"


def test_pdf_without_text_layer():
    assert _error("scan.pdf", scanned_pdf_bytes()).reason == "no text layer: OCR is not supported"


def test_encrypted_pdf():
    assert _error("secret.pdf", encrypted_pdf_bytes()).reason.startswith("encrypted PDF")


def test_pdf_encrypted_with_empty_user_password_opens():
    import io

    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf_bytes(["项目697个。"]))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    assert read_bytes("open.pdf", buf.getvalue()) == "项目697个。"


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n garbage garbage",
        b"not a pdf at all",
        pdf_bytes(["项目697个。"])[:300],
        b"%PDF-1.7\n" + os.urandom(2000),
    ],
    ids=["garbage", "no-header", "truncated", "random-body"],
)
def test_corrupt_pdf(data):
    err = _error("broken.pdf", data)
    assert err.reason.startswith(("corrupt PDF", "no text layer"))


# -------------------------------------------------------------------------------------------- DOCX


def test_docx_paragraphs_headings_tables():
    data = docx_bytes(
        [
            ("h1", "鞍山经济"),
            ("p", "开工亿元以上项目697个。"),
            ("p", ""),
            ("table", "GDP|100亿元"),
            ("h2", "工业"),
        ]
    )
    assert read_bytes("a.docx", data) == "鞍山经济\n\n开工亿元以上项目697个。\n\nGDP\t100亿元\n\n工业"


def test_docx_sample():
    text = read_bytes("sample.docx", sample_docx_bytes())
    assert "开工亿元以上项目697个" in text


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04garbage",
        sample_docx_bytes()[:800],
        b"just text",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
    ],
    ids=["bad-zip", "truncated", "not-zip", "ole-encrypted-or-doc"],
)
def test_corrupt_or_encrypted_docx(data):
    err = _error("broken.docx", data)
    assert err.reason.startswith(("corrupt DOCX", "encrypted or old-format"))


def test_zip_that_is_not_a_word_document():
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    assert _error("fake.docx", buf.getvalue()).reason.startswith("corrupt DOCX")


# ------------------------------------------------------------------------------------------- paths


def test_read_path_chinese_name_with_spaces(tmp_path):
    path = tmp_path / "鞍山 日报 2021.txt"
    path.write_bytes(encode_sample("gbk"))
    assert read_path(path) == SAMPLE
    assert read_path(str(path)) == SAMPLE


def test_read_path_failures(tmp_path):
    def reason(p) -> str:
        with pytest.raises(ReadError) as info:
            read_path(p)
        assert info.value.name == str(p)
        return info.value.reason

    assert reason(tmp_path / "missing.txt") == "no such file"
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert reason(folder) == "is a directory"
    assert reason(tmp_path) == "is a directory"
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    assert "symlink loop" in reason(a)
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    assert reason(dangling) == "no such file"
    assert reason(tmp_path / "x.doc").startswith("unsupported file type .doc")
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.txt"
        os.mkfifo(fifo)
        assert "not a regular file" in reason(fifo)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads everything")
def test_read_path_permission_denied(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("项目697个")
    path.chmod(0)
    try:
        with pytest.raises(ReadError, match="permission denied"):
            read_path(path)
    finally:
        path.chmod(0o644)


# ------------------------------------------------------------------------------------- big files


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "utf-16"])
@pytest.mark.parametrize("chunk", [1000, 1500, 10_000_000])
def test_chunks_join_to_the_whole_text(tmp_path, encoding, chunk):
    text = (SAMPLE + "\r\n一行没有标点" * 300 + "\r\n") * 2
    path = tmp_path / "big.txt"
    path.write_bytes(text.encode(encoding))
    pieces = list(iter_text_chunks(path, chunk, read_bytes_size=777))
    whole = read_path(path)
    assert "".join(p for _o, p in pieces) == whole
    offset = 0
    for off, piece in pieces:
        assert off == offset and len(piece) <= max(chunk, len(whole))
        offset += len(piece)
    if chunk < 2000:
        # cut at line ends whenever a line end lies in the second half of a chunk
        assert all(p.endswith("\n") for _o, p in pieces[:-1])


def test_chunks_of_a_single_huge_line(tmp_path):
    path = tmp_path / "line.txt"
    path.write_text("增长" * 5000 + "。" + "投资" * 5000, encoding="utf-8")
    pieces = list(iter_text_chunks(path, 3000))
    assert "".join(p for _o, p in pieces) == path.read_text(encoding="utf-8")
    assert all(len(p) <= 3000 for _o, p in pieces)


def test_chunks_report_damage_and_errors(tmp_path):
    path = tmp_path / "cut.txt"
    data = encode_sample("utf-8")
    path.write_bytes(data[: data.index("鞍".encode()) + 1])
    notes: list[str] = []
    text = "".join(p for _o, p in iter_text_chunks(path, 1000, notes=notes))
    assert text.endswith("\ufffd") and len(notes) == 1
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ReadError, match="empty file"):
        list(iter_text_chunks(empty))
    binary = tmp_path / "bin.txt"
    binary.write_bytes(os.urandom(5000))
    with pytest.raises(ReadError, match="binary"):
        list(iter_text_chunks(binary))
    with pytest.raises(ReadError, match="no text"):
        blank = tmp_path / "blank.txt"
        blank.write_bytes(b"\n\n  \n")
        list(iter_text_chunks(blank))


def test_join_layout_lines_keeps_short_lines_and_latin_spacing():
    lines = [
        "2021年国民经济和社会发展统计公报",
        "",
        "全市地区生产总值达到1000亿元，按可比价",
        "格计算，比上年增长",
        "5.2%。",
        "Total GDP rose by",
        "five percent.",
    ]
    text = reader.join_layout_lines(lines)
    assert text.split("\n\n")[0] == "2021年国民经济和社会发展统计公报"
    assert "全市地区生产总值达到1000亿元，按可比价格计算，比上年增长" in text


def test_html_pre_keeps_its_lines():
    page = "<html><body><pre>第一行 100个\n第二行\n  第三行</pre><p>段落\n文字</p></body></html>"
    assert read_bytes("a.html", page.encode()) == "第一行 100个\n第二行\n第三行\n\n段落文字"


def test_hard_cuts_never_split_a_number():
    text = ("投资" * 10 + "1234567.89亿元") * 300  # no line break, no punctuation anywhere
    for limit in range(1000, 1040):
        cut = reader._cut_point(text, limit)
        assert limit // 2 < cut <= limit
        assert not (text[cut - 1].isdigit() and text[cut].isdigit())
        assert text[cut - 1] != "." and text[cut] not in ".亿元"


def test_cuts_prefer_clause_punctuation_over_a_hard_cut():
    text = "投资增长较快，" * 400
    assert reader._cut_point(text, 1000) % 7 == 0


def test_pdf_chapter_headings_and_digit_heavy_lines():
    body = "全市生产总值1234.56亿元，比上年增长5.2%，其中第一产业增加值123.4亿元，增长3.1%；第二产业增加值567.8亿元。"
    lines = [
        "2021年国民经济和社会发展统计公报",
        "一、综合",
        *wrap_lines(body * 3, 28),
        "二、农业",
        *wrap_lines(body, 28),
    ]
    text = read_bytes("bulletin.pdf", pdf_bytes(lines))
    parts = text.split("\n\n")
    assert parts[:2] == ["2021年国民经济和社会发展统计公报", "一、综合"]
    assert parts[2] == body * 3
    assert parts[3:] == ["二、农业", body]


def test_pdf_full_line_ending_a_sentence_keeps_the_paragraph_going():
    lines = [
        "　　前三季度全市固定资产投资同比增长7.1%。开工亿元",  # indented: a new paragraph
        "以上项目697个，完成投资300.1亿元，增长较快。",  # full and ends a sentence
        "全市新增企业25家。",  # same paragraph goes on
        "　　第二段开始，规上工业增加值同比增长3.0%，继续",
        "保持较快增长态势。",
    ]
    text = reader.join_layout_lines(lines)
    assert text.split("\n\n") == [
        "前三季度全市固定资产投资同比增长7.1%。开工亿元以上项目697个，完成投资300.1亿元，增长较快。全市新增企业25家。",
        "第二段开始，规上工业增加值同比增长3.0%，继续保持较快增长态势。",
    ]


# ----------------------------------------------------------------------- any bytes: text or ReadError

_PREFIXES = {
    ".txt": [b"", "鞍山".encode(), "鞍山".encode("gbk"), b"\xff\xfe"],
    ".html": [b"", b"<html><body><p>", b'<meta charset="gbk"><p>'],
    ".pdf": [b"%PDF-1.4\n", pdf_bytes(["项目697个。"])[:400]],
    ".docx": [b"PK\x03\x04", sample_docx_bytes()[:1000]],
}


@pytest.mark.parametrize("suffix", sorted(_PREFIXES))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_bytes_give_text_or_a_read_error(suffix, data):
    prefix = data.draw(st.sampled_from(_PREFIXES[suffix]))
    body = data.draw(st.binary(max_size=600))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ReadWarning)
            text = read_bytes(f"fuzz{suffix}", prefix + body)
    except ReadError as err:
        assert "\n" not in str(err) and str(err).startswith(f"fuzz{suffix}: ")
    else:
        assert isinstance(text, str) and text.strip() and "\r" not in text


@settings(max_examples=80, deadline=None)
@given(text=st.text(min_size=1, max_size=300).filter(lambda t: t.strip() and "\x00" not in t))
def test_any_unicode_text_round_trips_through_utf8_and_utf16(text):
    expected = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            got = read_bytes("t.txt", text.encode(encoding, "surrogatepass"))
        except (ReadError, UnicodeEncodeError):
            continue  # control-heavy strings are rightly refused as binary
        assert got == expected


def test_markdown_is_read_as_plain_text():
    md = (
        "# 鞍山经济运行情况\n\n前三季度投资同比增长7.1%。\n\n## 二、工业 ##\n\n"
        "> 新增企业**25家**，[详见](http://x.cn/a_b)`附表`，![图](a.png)。\n\n"
        "| 指标 | 数值 |\n|:---|---:|\n| 投资 | 300.1亿元 |\n\n---\n\n```\ncode 1个\n```\n"
    )
    assert read_bytes("a.md", md.encode()) == (
        "鞍山经济运行情况\n\n前三季度投资同比增长7.1%。\n\n二、工业\n\n"
        "新增企业25家，详见附表，图。\n\n指标\t数值\n投资\t300.1亿元\n\n\n\ncode 1个\n"
    )
    # a .txt file is taken as it is
    assert read_bytes("a.txt", md.encode()) == md


def test_markdown_chunks_join_to_the_whole_text(tmp_path):
    md = "".join(
        f"## 第{i}节\n\n新增企业**{i}家**，投资`{i}`亿元。\n\n| 指标 | 数值 |\n|---|---|\n| 投资 | {i}亿元 |\n\n"
        for i in range(300)
    )
    path = tmp_path / "big.md"
    path.write_text(md, encoding="utf-8")
    assert "".join(p for _o, p in iter_text_chunks(path, 1000)) == read_path(path)


def test_html_page_with_several_articles_keeps_them_all():
    page = (
        "<html><body><nav><a href=1>首页</a></nav>"
        "<article><h2>第一篇</h2><p>开工项目697个，完成投资300.1亿元。</p></article>"
        "<article><h2>第二篇</h2><p>新增企业25家。</p></article></body></html>"
    )
    assert (
        read_bytes("page.html", page.encode())
        == "第一篇\n\n开工项目697个，完成投资300.1亿元。\n\n第二篇\n\n新增企业25家。"
    )


def test_permission_denied_message_even_as_root(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("项目697个", encoding="utf-8")
    real_open = os.open

    def deny(p, flags, *args, **kwargs):
        if str(p) == str(path):
            raise PermissionError(13, "Permission denied", str(p))
        return real_open(p, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    with pytest.raises(ReadError) as info:
        read_path(path)
    assert str(info.value) == f"{path}: permission denied"
