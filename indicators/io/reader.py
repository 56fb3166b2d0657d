"""One reader for every document kind: bytes or a path in, the text the engine sees out.

The CLI and the dashboard's upload both go through here, so a fact's ``start``/``end`` always
refer to the string these functions return (``indicators text FILE`` prints it).

Supported: ``.txt``/``.md`` (UTF-8 with or without BOM, UTF-16/32 by BOM, GB18030/GBK, Big5,
anything else charset-normalizer detects with confidence; Markdown marks are removed so that
``**25家**`` reads as ``25家``), ``.html``/``.htm`` (main text only),
``.pdf`` (text layer, layout line breaks re-joined), ``.docx`` (paragraphs, headings, tables).

Every failure is a :class:`ReadError` whose ``str()`` is one line, ``"{name}: {reason}"``.

Policy for damaged text (explicit and the same everywhere): text whose bytes are valid in a
detected encoding except for a few bytes (a multi-byte character cut off at the end of a
truncated file, a stray broken byte) is decoded with U+FFFD in place of each bad sequence and
a :class:`ReadWarning` is issued that says how many were replaced.  Data that decodes in no
encoding without many errors is rejected as "binary data, not text".

Line endings are normalised: ``\\r\\n`` and lone ``\\r`` become ``\\n``; a BOM is dropped.
"""

from __future__ import annotations

import codecs
import errno
import io
import logging
import os
import re
import stat
import threading
import unicodedata
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "SUPPORTED_SUFFIXES",
    "TEXT_SUFFIXES",
    "Document",
    "ReadError",
    "ReadWarning",
    "file_bytes",
    "iter_text_chunks",
    "load_bytes",
    "load_path",
    "markdown_to_text",
    "read_bytes",
    "read_path",
    "split_text",
]

TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".md")
HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm")
SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")


class ReadError(Exception):
    """A document that cannot be turned into text; ``str(err) == f"{name}: {reason}"``."""

    def __init__(self, name: str, reason: str) -> None:
        self.name = str(name)
        self.reason = " ".join(str(reason).split())  # always one line
        super().__init__(f"{self.name}: {self.reason}")

    def __reduce__(self):  # keep picklable despite the two-argument constructor
        return (type(self), (self.name, self.reason))


class ReadWarning(UserWarning):
    """The text was read, but something was repaired or dropped (the message says what)."""


@dataclass
class Document:
    """Text of one document plus what the reader noticed while reading it."""

    name: str
    text: str
    kind: str  # "text", "html", "pdf", "docx"
    encoding: str = ""
    warnings: list[str] = field(default_factory=list)


# ----------------------------------------------------------------------------------------- text

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_NEWLINES = re.compile(r"\r\n?")
# C0/C1 controls other than tab, newline, form feed, carriage return: frequent in binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f\x7f-\x9f]")  # \x1a: DOS end of file
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_MAX_BAD_FRACTION = 0.001  # at most 1 bad sequence per 1000 characters counts as "damaged text"


def _normalise(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    return _NEWLINES.sub("\n", text) if "\r" in text else text


def _looks_textual(text: str) -> bool:
    """Few control characters and no NULs: binary data decoded by accident fails this."""
    if not text:
        return True
    if "\x00" in text:
        return False
    sample = text[:200_000]
    return len(_CONTROL.findall(sample)) <= len(sample) // 200


# Characters of ordinary text: ASCII, Latin, general punctuation, CJK symbols, kana, CJK
# ideographs, full-width forms. Binary data decoded as UTF-16 lands mostly elsewhere.
_COMMON = re.compile(
    r"[\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\u2190-\u27bf\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"
)


def _looks_plausible(text: str) -> bool:
    """Textual, and at least 90 % of the characters are ones ordinary documents use."""
    sample = text[:200_000]
    if not sample or not _looks_textual(sample):
        return False
    return len(_COMMON.findall(sample)) >= 0.9 * len(sample)


def _strip_bom(data: bytes) -> tuple[bytes, str | None]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :], enc
    return data, None


class _BadCounter(threading.local):
    count = 0


_BAD = _BadCounter()


def _count_and_replace(err: UnicodeDecodeError) -> tuple[str, int]:
    _BAD.count += 1
    return ("\ufffd", err.end)


codecs.register_error("indicators-count", _count_and_replace)


def _decode_lenient(data: bytes, encoding: str) -> tuple[str, int]:
    """Decode with U+FFFD for bad sequences; return the text and how many were replaced."""
    _BAD.count = 0
    text = data.decode(encoding, errors="indicators-count")
    return text, _BAD.count


def _guess_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes concentrated on one parity, decodes to readable text."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:100_000]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    for enc, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if (zeros > 0 and other == 0) or zeros > 4 * max(other, 1):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _looks_plausible(text):
                return enc
    return None


def _detect(name: str, data: bytes) -> tuple[str, str, list[str]]:
    """Decode text bytes: (text, encoding, warnings). Raises ReadError for binary data."""
    body, bom_enc = _strip_bom(data)
    notes: list[str] = []
    if bom_enc:
        text, bad = _decode_lenient(body, bom_enc)
        if bad:
            notes.append(f"{bad} undecodable byte sequence(s) in {bom_enc} text replaced with U+FFFD")
        if not _looks_textual(text):
            raise ReadError(name, "binary data, not text")
        return text, bom_enc, notes

    if b"\x00" in data:
        enc = _guess_utf16_without_bom(data)
        if enc:
            return data.decode(enc), enc, notes
        raise ReadError(name, "binary data, not text (contains NUL bytes)")

    # UTF-8 first, strict, then "damaged UTF-8" (a few bad sequences: a character cut off by
    # truncation, a stray byte): GBK/GB18030 bytes almost never look like that, so this order
    # never reads Chinese legacy text as UTF-8. Then GB18030 (a superset of GBK and GB2312), then
    # Big5.
    for enc in ("utf-8", "gb18030", "big5"):
        try:
            text = data.decode(enc)
            if enc == "gb18030" and _PRIVATE_USE.search(text):
                # Big5 (Taiwan, Hong Kong) bytes often decode as GB18030 too, into characters
                # of the private use area, which GB18030 text does not contain
                try:
                    big5 = data.decode("big5")
                except UnicodeDecodeError:
                    big5 = None
                if big5 is not None and not _PRIVATE_USE.search(big5) and _looks_textual(big5):
                    return big5, "big5", notes
        except UnicodeDecodeError:
            if enc == "big5":
                continue
            text, bad = _decode_lenient(data, enc)
            if bad > max(1, int(len(text) * _MAX_BAD_FRACTION)) or not _looks_textual(text):
                continue
            where = " at the end (file truncated?)" if bad == 1 and text.endswith("\ufffd") else ""
            notes.append(f"{bad} undecodable byte sequence(s){where} replaced with U+FFFD (read as {enc})")
            return text, enc, notes
        if _looks_textual(text) if enc != "big5" else _looks_plausible(text):
            return text, enc, notes

    # Anything else: ask the detector, and accept only a confident, readable answer.
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:2_000_000]).best()
    except Exception:  # the detector must never turn a read into a crash
        best = None
    if best is not None and best.encoding:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None and _looks_plausible(text):
            return text, best.encoding, notes
    raise ReadError(name, "binary data, not text (no known encoding decodes it)")


# Markdown, rendered line by line to the plain text a reader sees (so chunks convert alike).
_MD_FENCE = re.compile(r"^ {0,3}(?:```|~~~).*(?:\n|$)", re.M)
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_MD_RULE = re.compile(r"^ {0,3}(?:=+|-{3,}|\*{3,}|_{3,})[ \t]*$", re.M)
_MD_QUOTE = re.compile(r"^ {0,3}>[ \t]?", re.M)
_MD_TABLE_RULE = re.compile(
    r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*(?:\n|$)", re.M
)
_MD_TABLE_ROW = re.compile(r"^[ \t]*\|(.*?)\|?[ \t]*$", re.M)
_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_MD_CODE = re.compile(r"`([^`\n]*)`")
_MD_MARKS = re.compile(r"\*\*|__|~~")


def markdown_to_text(text: str) -> str:
    """Plain text of Markdown: heading marks, emphasis, links, code marks and table rules go;
    headings keep their own line, table cells are separated by a tab."""
    text = _MD_FENCE.sub("", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_TABLE_RULE.sub("", text)
    text = _MD_RULE.sub("", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_TABLE_ROW.sub(lambda m: "\t".join(c.strip() for c in m.group(1).split("|")), text)
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    return _MD_MARKS.sub("", text)


def _read_text(name: str, data: bytes) -> Document:
    text, enc, notes = _detect(name, data)
    text = _normalise(text)
    if _suffix(name) == ".md":
        text = markdown_to_text(text)
    if not text.strip():
        raise ReadError(name, "no text (the file holds only whitespace)")
    return Document(name, text, "text", enc, notes)


# ----------------------------------------------------------------------------------------- HTML

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)

_DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
    "nav", "header", "footer", "aside", "form", "button", "select", "input", "textarea",
    "menu", "dialog", "head", "title", "meta", "link",
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    "address article blockquote center dd details div dl dt fieldset figcaption figure h1 h2 h3 h4 "
    "h5 h6 hr li main ol p pre section summary table tbody thead tfoot tr ul caption body html".split()
)
_HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_CELL_TAGS = frozenset(("td", "th"))
# class/id words of page furniture (menus, breadcrumbs, share bars, footers) on news and .gov.cn sites
_FURNITURE = re.compile(
    r"(?:^|[\s_\-])(?:nav|navbar|menu|breadcrumb|crumbs?|footer|foot|header|sidebar|side|share|"
    r"social|comment|comments|related|recommend|advert|ads?|banner|copyright|toolbar|login|search|"
    r"pagination|pager|skip|topbar|bottom)(?:$|[\s_\-\d])",
    re.I,
)
_MAIN_HINT = re.compile(r"(?:article|content|main|text|detail|zoom|TRS_Editor|body)", re.I)
_WORD = re.compile(r"\w")
_SPACE = re.compile(r"[ \t\f\v\u00a0\u3000\u200b]+")


_SOURCE_BREAK = "\x01"  # a line break in the HTML source (not a <br>): white space in the page
_SOURCE_BREAK_RUN = re.compile(r"[ \t\x01]*\x01[ \t\x01]*")
_CJK_CHAR = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def _resolve_source_breaks(text: str) -> str:
    """A source line break between two CJK characters vanishes (as browsers render it), else a space."""

    def repl(m: re.Match) -> str:
        before = text[m.start() - 1 : m.start()]
        after = text[m.end() : m.end() + 1]
        if before and after and _CJK_CHAR.match(before) and _CJK_CHAR.match(after):
            return ""
        return " "

    return _SOURCE_BREAK_RUN.sub(repl, text)


def _html_encoding(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    enc = m.group(1).decode("ascii", "ignore").lower()
    if enc in ("gb2312", "gbk", "x-gbk", "gb_2312-80"):
        enc = "gb18030"  # superset: pages labelled GB2312 routinely use GBK/GB18030 characters
    try:
        codecs.lookup(enc)
    except LookupError:
        return None
    return enc


def _decode_html(name: str, data: bytes) -> tuple[str, str, list[str]]:
    body, bom_enc = _strip_bom(data)
    if bom_enc:
        text, bad = _decode_lenient(body, bom_enc)
        return text, bom_enc, [f"{bad} undecodable byte sequence(s) replaced"] if bad else []
    enc = _html_encoding(data)
    if enc:
        try:
            return data.decode(enc), enc, []
        except UnicodeDecodeError:
            pass  # the label lies (common); fall back to detection
    return _detect(name, data)


def _is_furniture(node) -> bool:
    attrs = node.attributes
    label = " ".join(v for k, v in attrs.items() if k in ("class", "id", "role") and v)
    if not label:
        return False
    if (attrs.get("role") or "").lower() in ("navigation", "banner", "contentinfo", "complementary"):
        return True
    return bool(_FURNITURE.search(label)) and not _MAIN_HINT.search(label)


def _html_blocks(root) -> list[tuple[str, bool, float]]:
    """Walk the tree without recursion; return (text, is_heading, link_fraction) per block."""
    blocks: list[tuple[str, bool, float]] = []
    buf: list[str] = []
    link_chars = 0
    heading_depth = 0
    link_depth = 0
    pre_depth = 0

    def flush(is_heading: bool = False) -> None:
        nonlocal link_chars
        text = "".join(buf)
        buf.clear()
        if _SOURCE_BREAK in text:
            text = _resolve_source_breaks(text)
        lines = [_SPACE.sub(" ", line).strip() for line in text.split("\n")]
        joined = "\n".join(line for line in lines if line)
        if joined:
            n = len(_WORD.findall(joined))
            blocks.append((joined, is_heading, min(1.0, link_chars / max(n, 1))))
        link_chars = 0

    # stack items: (node, closing) ; closing marks the end of an element's children
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag
        if closing:
            if tag in _HEADING_TAGS:
                flush(True)
                heading_depth -= 1
            elif tag == "a":
                link_depth -= 1
            elif tag in _BLOCK_TAGS:
                if tag == "pre":
                    pre_depth -= 1
                flush(heading_depth > 0)
            elif tag in _CELL_TAGS:
                buf.append("\t")
            continue
        if tag == "-text":
            t = node.text(deep=False) or ""
            t = t.replace("\r\n", "\n").replace("\r", "\n")
            if not pre_depth:
                t = t.replace("\n", _SOURCE_BREAK)
            buf.append(t)
            if link_depth:
                link_chars += len(_WORD.findall(t))
            continue
        if tag in ("-comment", "!doctype") or tag in _DROP_TAGS:
            continue
        if not node.is_element_node and tag != "-document":
            continue
        if _is_furniture(node):
            continue
        if tag == "br":
            buf.append("\n")
            continue
        if tag in _HEADING_TAGS:
            flush(heading_depth > 0)
            heading_depth += 1
        elif tag in _BLOCK_TAGS:
            flush(heading_depth > 0)
            if tag == "pre":
                pre_depth += 1
        elif tag == "a":
            link_depth += 1
        stack.append((node, True))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))
    flush(heading_depth > 0)
    return blocks


def _html_main_root(tree):
    """The one <article>, or <main>, when the page marks its main text, else the body.

    A page with several <article> elements (a newspaper page, a list of news items) is read
    whole, so that no article is lost."""
    for selector in ("article", "main", "[role=main]"):
        nodes = tree.css(selector)
        if len(nodes) == 1 and len((nodes[0].text(deep=True) or "").strip()) >= 20:
            return nodes[0]
    return tree.body or tree.root


def html_to_text(html: str) -> str:
    """Main text of an HTML page: paragraphs separated by blank lines, headings on their own line."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    root = _html_main_root(tree)
    if root is None:
        return ""
    title = ""
    if tree.css_first("title") is not None:
        title = _SPACE.sub(" ", tree.css_first("title").text() or "").strip()
    out: list[str] = []
    for text, is_heading, link_fraction in _html_blocks(root):
        if not is_heading and link_fraction > 0.5:
            continue  # a list of links: a menu or "related articles", not the article
        out.append(text)
    if not out and title:
        out.append(title)
    return "\n\n".join(out)


def _read_html(name: str, data: bytes) -> Document:
    html, enc, notes = _decode_html(name, data)
    try:
        text = html_to_text(html)
    except Exception as exc:  # selectolax is robust, but a reader never crashes
        raise ReadError(name, f"cannot parse HTML: {exc}") from exc
    text = _normalise(text)
    if not text.strip():
        raise ReadError(name, "no text found in the HTML page")
    return Document(name, text, "html", enc, notes)


# ------------------------------------------------------------------------------------------ PDF

# A line ending in one of these ends a sentence (or a clause that may stand at a line end).
_SENTENCE_END = tuple("。！？；：!?;:…”’」』）)】")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－]\s*)?(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*[-—–－])?\s*$|^\s*\d+\s*/\s*\d+\s*$"
)
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _width(line: str) -> int:
    """Display width: a Chinese character is as wide as two digits or Latin letters."""
    return len(line) + len(_CJK.findall(line))


def _joiner(before: str, after: str) -> str:
    """What goes between two re-joined lines: a space only between Latin words (never inside
    a number broken as "3." / "1%", never between Chinese characters)."""
    a, b = before[-1], after[0]
    if not (a.isascii() and b.isascii()):
        return ""
    if (a.isalpha() and b.isalnum()) or (a.isalnum() and b.isalpha()):
        return " "
    if a in ",;:!?)" and b.isalnum():
        return " "
    return ""


def join_layout_lines(lines: list[str]) -> str:
    """Re-join lines the page layout broke, and find the paragraphs again.

    A line is *full* when it is nearly as wide as the widest lines of the document (Chinese
    characters count double). A line that is not full (a heading, a paragraph's last line)
    ends its paragraph. A full line that does not end in sentence punctuation was broken
    mid-sentence and is joined to the next line. A full line that ends in sentence punctuation
    is joined too (the paragraph goes on) unless the next line starts a new paragraph: it is
    indented, or looks like a heading (numbered 一、/（二）/第三章, or short without final
    punctuation). Paragraphs are separated by a blank line.
    """
    lines = [line.rstrip() for line in lines]
    lengths = sorted(_width(line) for line in lines if line.strip())
    if not lengths:
        return ""
    # "full" line length: a high percentile, robust against one overlong line
    full = lengths[int(len(lengths) * 0.9)] if len(lengths) >= 5 else lengths[-1]
    threshold = max(8, int(full * 0.8))
    paragraphs: list[str] = []
    current = ""
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            if current:
                paragraphs.append(current)
                current = ""
            continue
        current = current + _joiner(current, stripped) + stripped if current else stripped
        if _width(line) < threshold:
            ends_paragraph = True
        elif stripped.endswith(_SENTENCE_END):
            following = lines[i + 1] if i + 1 < len(lines) else ""
            ends_paragraph = (
                not following.strip()
                or following[:1] in _INDENT
                or _HEADING_START.match(following)
                or (_width(following) < threshold and not following.strip().endswith(_SENTENCE_END))
            )
        else:
            ends_paragraph = False
        if ends_paragraph:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


_INDENT = (" ", "\t", "\u3000", "\u00a0")
# Chapter and section numbering that opens a heading: 一、 （二） 第三章 3. 附注
_HEADING_START = re.compile(
    r"\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十\d]+[章节部分篇]|\d{1,2}[.、．]\D|附[注录件])"
)


def _read_pdf(name: str, data: bytes) -> Document:
    if not data.lstrip()[:5].startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise ReadError(name, "corrupt PDF: not a PDF file (no %PDF header)")
    notes: list[str] = []
    pypdf_log = logging.getLogger("pypdf")
    old_level = pypdf_log.level
    pypdf_log.setLevel(logging.CRITICAL)  # pypdf logs every repair it makes; we report failures
    try:
        return _read_pdf_quiet(name, data, notes)
    finally:
        pypdf_log.setLevel(old_level)


def _read_pdf_quiet(name: str, data: bytes, notes: list[str]) -> Document:
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pypdf warns loudly about minor damage it repairs
        try:
            reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")
                except (DependencyError, NotImplementedError) as exc:
                    raise ReadError(name, f"encrypted PDF: cannot decrypt ({exc})") from exc
                if not opened:
                    raise ReadError(name, "encrypted PDF: a password is required")
            pages = reader.pages
            page_lines: list[list[str]] = []
            for page in pages:
                try:
                    raw = page.extract_text() or ""
                except (FileNotDecryptedError, DependencyError) as exc:
                    raise ReadError(name, f"encrypted PDF: {exc}") from exc
                except Exception as exc:
                    notes.append(f"page {len(page_lines) + 1}: text not readable ({type(exc).__name__})")
                    raw = ""
                lines = _normalise(raw).split("\n")
                # drop page numbers at the top or bottom of the page
                while lines and (not lines[-1].strip() or _PAGE_NUMBER.match(lines[-1])):
                    lines.pop()
                while lines and (not lines[0].strip() or _PAGE_NUMBER.match(lines[0])):
                    lines.pop(0)
                page_lines.append(lines)
        except ReadError:
            raise
        except FileNotDecryptedError as exc:
            raise ReadError(name, "encrypted PDF: a password is required") from exc
        except DependencyError as exc:
            raise ReadError(name, f"encrypted PDF: cannot decrypt ({exc})") from exc
        except PdfReadError as exc:
            raise ReadError(name, f"corrupt PDF: {exc}") from exc
        except Exception as exc:  # pypdf on a damaged file can raise almost anything
            raise ReadError(name, f"corrupt PDF: {type(exc).__name__}: {exc}") from exc
    if not any(line.strip() for lines in page_lines for line in lines):
        raise ReadError(name, "no text layer: OCR is not supported")
    # Join across pages too: a sentence may run on to the next page.
    all_lines: list[str] = []
    for lines in page_lines:
        all_lines.extend(lines)
    text = join_layout_lines(all_lines)
    text = unicodedata.normalize("NFKC", text) if _has_compat_ideographs(text) else text
    return Document(name, text, "pdf", "", notes)


def _has_compat_ideographs(text: str) -> bool:
    # Some PDF producers emit Kangxi radicals / CJK compatibility forms instead of the usual
    # ideographs (⼀ for 一); they look identical but would defeat the engine's patterns.
    return bool(re.search(r"[\u2f00-\u2fdf\uf900-\ufaff]", text))


# ----------------------------------------------------------------------------------------- DOCX


def _read_docx(name: str, data: bytes) -> Document:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadError(
            name, "encrypted or old-format Word file (OLE container): save it as .docx without a password"
        )
    if not data.startswith(b"PK"):
        raise ReadError(name, "corrupt DOCX: not a ZIP package")
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise ReadError(name, "reading DOCX needs the python-docx package") from exc
    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[str] = []
        body = document.element.body
        for child in body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                text = Paragraph(child, document).text
                text = _normalise(text).replace("\n", " ").strip()
                if text:
                    blocks.append(text)
            elif tag == "tbl":
                for row in Table(child, document).rows:
                    cells = [" ".join(c.text.split()) for c in row.cells]
                    # merged cells repeat; drop consecutive duplicates
                    dedup = [c for i, c in enumerate(cells) if c and (i == 0 or c != cells[i - 1])]
                    if dedup:
                        blocks.append("\t".join(dedup))
    except ReadError:
        raise
    except (zipfile.BadZipFile, KeyError) as exc:
        raise ReadError(name, f"corrupt DOCX: {type(exc).__name__}: {exc}") from exc
    except Exception as exc:  # lxml XMLSyntaxError, python-docx ValueError, ...
        raise ReadError(name, f"corrupt DOCX: {type(exc).__name__}: {exc}") from exc
    text = "\n\n".join(blocks)
    if not text.strip():
        raise ReadError(name, "no text in the Word document")
    return Document(name, text, "docx", "", [])


# -------------------------------------------------------------------------------------- public


def _suffix(name: str) -> str:
    return Path(name).suffix.lower()


def _unsupported(name: str) -> ReadError:
    suffix = _suffix(name) or "(no suffix)"
    return ReadError(name, f"unsupported file type {suffix} (supported: {', '.join(SUPPORTED_SUFFIXES)})")


def load_bytes(name: str, data: bytes) -> Document:
    """Read a document from its bytes; the suffix of ``name`` says what kind it is."""
    suffix = _suffix(name)
    if suffix not in SUPPORTED_SUFFIXES:
        raise _unsupported(name)
    if not data:
        raise ReadError(name, "empty file")
    if suffix in TEXT_SUFFIXES:
        return _read_text(name, data)
    if suffix in HTML_SUFFIXES:
        return _read_html(name, data)
    if suffix == ".pdf":
        return _read_pdf(name, data)
    return _read_docx(name, data)


def read_bytes(name: str, data: bytes) -> str:
    """Text of a document given as bytes (an upload); raises ReadError.

    Repairs (see the module docstring) are reported as :class:`ReadWarning` warnings.
    """
    doc = load_bytes(name, data)
    for note in doc.warnings:
        warnings.warn(ReadWarning(f"{name}: {note}"), stacklevel=2)
    return doc.text


def os_reason(exc: OSError) -> str:
    code = exc.errno
    if code == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    if code == errno.ENOENT:
        return "no such file"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if code == errno.EISDIR:
        return "is a directory"
    if code == errno.ENAMETOOLONG:
        return "file name too long"
    return exc.strerror or str(exc)


def _open_checked(path: Path):
    """Open a regular file for reading; never blocks on a FIFO or device."""
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise ReadError(name, os_reason(exc)) from exc
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise ReadError(name, "is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise ReadError(name, "not a regular file (device, pipe or socket)")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except OSError as exc:
        os.close(fd)
        raise ReadError(name, os_reason(exc)) from exc
    except ReadError:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb"), st.st_size  # closed by the caller


def load_path(path: str | os.PathLike) -> Document:
    """Read a document from a file; raises ReadError for anything that is not readable text."""
    path = Path(path)
    name = str(path)
    if _suffix(name) not in SUPPORTED_SUFFIXES:
        if path.is_dir():
            raise ReadError(name, "is a directory")
        raise _unsupported(name)
    fh, _size = _open_checked(path)
    with fh:
        try:
            data = fh.read()
        except OSError as exc:
            raise ReadError(name, os_reason(exc)) from exc
    return load_bytes(name, data)


def file_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of a regular file; raises ReadError (missing, directory, device, unreadable)."""
    fh, _size = _open_checked(Path(path))
    with fh:
        try:
            return fh.read()
        except OSError as exc:
            raise ReadError(str(path), os_reason(exc)) from exc


def read_path(path: str | os.PathLike) -> str:
    """Text of the document at ``path``; raises ReadError (missing, directory, symlink loop ...)."""
    doc = load_path(path)
    for note in doc.warnings:
        warnings.warn(ReadWarning(f"{doc.name}: {note}"), stacklevel=2)
    return doc.text


# ------------------------------------------------------------------------- big text files, chunked


def _detect_stream_encoding(name: str, head: bytes) -> tuple[str, int, str]:
    """Encoding of a big text file from its first bytes: (encoding, BOM length, how detected)."""
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return enc, len(bom), "BOM"
    _text, enc, _notes = _detect(name, head)
    return enc, 0, "detector"


def iter_text_chunks(
    path: str | os.PathLike,
    chunk_chars: int = 1_000_000,
    *,
    read_bytes_size: int = 1 << 20,
    notes: list[str] | None = None,
) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, chunk)`` pieces of a text file's decoded text with bounded memory.

    ``"".join(chunks)`` equals ``read_path(path)`` for well-formed files; ``offset`` is the
    character offset of the chunk in that whole text. Chunks end at a paragraph boundary (a blank
    line) when one lies in the second half of the chunk, else at a line end, else at sentence
    punctuation, else at ``chunk_chars`` (a huge line without any break). Decoding problems are
    appended to ``notes`` (damaged sequences are replaced with U+FFFD, as in read_bytes).
    """
    path = Path(path)
    name = str(path)
    if _suffix(name) not in TEXT_SUFFIXES:
        raise ReadError(name, "only .txt/.md files are read in chunks")
    fh, size = _open_checked(path)
    if size == 0:
        fh.close()
        raise ReadError(name, "empty file")
    markdown = _suffix(name) == ".md"
    bad = 0
    with fh:
        try:
            head = fh.read(min(size, 1 << 20))
            enc, bom_len, _how = _detect_stream_encoding(name, head)
            decoder = codecs.getincrementaldecoder(enc)(errors="indicators-count")
            pending = ""  # decoded text not yet yielded
            offset = 0
            carry_cr = False
            data = head[bom_len:]
            seen_text = False
            while True:
                final = not data
                _BAD.count = 0
                piece = decoder.decode(data, final=final)
                bad += _BAD.count
                if carry_cr:
                    piece = "\r" + piece
                    carry_cr = False
                if piece.endswith("\r") and not final:
                    piece, carry_cr = piece[:-1], True
                if "\r" in piece:
                    piece = _NEWLINES.sub("\n", piece)
                if piece:
                    if not seen_text and "\x00" in piece:
                        raise ReadError(name, "binary data, not text (contains NUL bytes)")
                    pending += piece
                while len(pending) >= chunk_chars or (final and pending):
                    cut = (
                        len(pending)
                        if final and len(pending) <= chunk_chars
                        else _cut_point(pending, chunk_chars)
                    )
                    chunk, pending = pending[:cut], pending[cut:]
                    if markdown:
                        chunk = markdown_to_text(chunk)
                    if chunk.strip():
                        seen_text = True
                    yield offset, chunk
                    offset += len(chunk)
                if final:
                    break
                data = fh.read(read_bytes_size)
        except OSError as exc:
            raise ReadError(name, os_reason(exc)) from exc
    if not seen_text:
        raise ReadError(name, "no text (the file holds only whitespace)")
    if bad and notes is not None:
        notes.append(f"{bad} undecodable byte sequence(s) replaced with U+FFFD (read as {enc})")


def split_text(text: str, chunk_chars: int) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, chunk)`` pieces of a text already in memory, cut where
    :func:`iter_text_chunks` cuts a file: the pieces joined are ``text``."""
    offset = 0
    while len(text) - offset > chunk_chars:
        cut = _cut_point(text[offset:offset + chunk_chars + 1], chunk_chars)
        yield offset, text[offset:offset + cut]
        offset += cut
    if offset < len(text) or not text:
        yield offset, text[offset:]


_SENTENCE_CUT = re.compile(r"[。！？；!?;]")


_CLAUSE_CUT = re.compile(r"[，,、：:]")
# Characters that may belong to a number or its unit: a hard cut has none on either side.
_NUMBERISH = re.compile(
    r"[0-9０-９.．,，%％‰零〇一二三四五六七八九十百千万亿两余多几点成倍个元吨人户家项件次条台辆米亩公里瓦时天月年]"
)


def _cut_point(text: str, limit: int) -> int:
    """Where to end a chunk of at most ``limit`` characters of ``text``: after a boundary.

    Preference: a blank line, a line end, sentence punctuation, clause punctuation (each in the
    second half of the window), else ``limit`` moved back so no number is cut in two.
    """
    window = text[:limit]
    half = limit // 2
    i = window.rfind("\n\n", half)
    if i >= 0:
        return i + 2
    i = window.rfind("\n", half)
    if i >= 0:
        return i + 1
    tail = max(half, limit - 20_000)
    for pattern in (_SENTENCE_CUT, _CLAUSE_CUT):
        last = None
        for last in pattern.finditer(window, tail):  # noqa: B007 - the last match is wanted
            pass
        if last is not None:
            return last.end()
    cut = limit
    while cut > half and (_NUMBERISH.match(text, cut - 1) or _NUMBERISH.match(text, cut)):
        cut -= 1
    return cut if cut > half else limit
