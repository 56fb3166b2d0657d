"""Document fixtures built by the tests themselves: the sample page in every encoding, as HTML,
PDF and DOCX, plus broken files of every kind the reader must name."""

from __future__ import annotations

import html
import io
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "anshan_daily_page_sample.txt"

ENCODINGS = ("utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be")


def sample_text() -> str:
    return SAMPLE.read_bytes().decode("utf-8")


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def encode_sample(encoding: str) -> bytes:
    """The sample page in ``encoding`` (utf-16 adds a BOM; -le/-be are BOM-less)."""
    return sample_text().encode(encoding)


def html_page(text: str, *, charset: str = "utf-8", furniture: bool = True) -> str:
    """A simple news page around ``text``: one <p> per paragraph, <br> for single line breaks,
    plus a menu, a script, a style and a footer that must not reach the engine."""
    body = "\n".join(
        "<p>" + "<br>\n".join(html.escape(line) for line in para.split("\n")) + "</p>"
        for para in paragraphs(text)
    )
    nav = (
        '<div class="nav"><a href="/">网站首页</a> <a href="/news">要闻速递</a> <a href="/x">经济 100个</a></div>'
        '<ul class="menu"><li><a href="/a">专题栏目 25个</a></li><li><a href="/b">视频</a></li></ul>'
        if furniture
        else ""
    )
    foot = '<div id="footer">版权所有 备案号12345678号 联系电话 024-88888888</div>' if furniture else ""
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>鞍山日报网页标题</title>'
        "<style>p { margin: 1em; } .x:before { content: '99个'; }</style>"
        "<script>var total = '888个'; document.write(total);</script></head>"
        f"<body>{nav}<div class='article-content'>{body}</div>{foot}</body></html>"
    )


def pdf_bytes(lines: list[str] | None = None, *, pages: list[list[str]] | None = None) -> bytes:
    """A PDF with a real text layer in Chinese (reportlab's built-in CID font STSong-Light)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for page in pages if pages is not None else [lines or []]:
        c.setFont("STSong-Light", 11)
        y = 800
        for line in page:
            c.drawString(40, y, line)
            y -= 16
            if y < 40:
                c.showPage()
                c.setFont("STSong-Light", 11)
                y = 800
        c.showPage()
    c.save()
    return buf.getvalue()


def wrap_lines(text: str, width: int = 30) -> list[str]:
    """Lay a text out like a PDF column: every paragraph cut into lines of ``width`` characters."""
    out: list[str] = []
    for para in paragraphs(text):
        para = para.replace("\n", "")
        out.extend(para[i : i + width] for i in range(0, len(para), width))
    return out


def scanned_pdf_bytes() -> bytes:
    """A PDF with only drawings on its page, as a scan without OCR has: no text layer."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(50, 50, 400, 600, fill=1)
    c.circle(200, 300, 80)
    c.showPage()
    c.save()
    return buf.getvalue()


def encrypted_pdf_bytes(password: str = "secret") -> bytes:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes(["开工亿元以上项目697个。"])))
    writer = pypdf.PdfWriter(clone_from=reader)
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(blocks: list[tuple[str, str]]) -> bytes:
    """A Word document from (style, text) pairs: style "h1".."h3", "p", or "table" with cells
    separated by "|"."""
    import docx

    document = docx.Document()
    for style, text in blocks:
        if style.startswith("h"):
            document.add_heading(text, level=int(style[1:]))
        elif style == "table":
            cells = text.split("|")
            table = document.add_table(rows=1, cols=len(cells))
            for cell, value in zip(table.rows[0].cells, cells, strict=True):
                cell.text = value
        else:
            document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def sample_docx_bytes() -> bytes:
    return docx_bytes([("p", para.replace("\n", "")) for para in paragraphs(sample_text())])
