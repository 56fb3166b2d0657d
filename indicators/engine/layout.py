"""The shape of a page: headings, bylines, captions and body paragraphs, and the articles (sections).

Newspaper pages and PDFs break sentences across lines (核心竞\\n\\n争力), so a body paragraph is a run of
body lines joined until one ends a sentence. The layout is the one coordinate system of the engine:
its ``text`` is every block's joined text, one block a line, and every later step (numbers, places,
periods, indicators) reads it; each block keeps the offsets of its pieces, so a span is mapped back to
the document only at the end (``Block.document_span``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from ..lang import vocab as V
from ..lang.patterns import fact_pattern
from ..lang.scan import finditer_near
from .tables import is_table_line

_LINE = regex.compile(r"[^\n]+")
# A line ending in one of these ends its paragraph's sentence (a colon: it introduces what follows).
_TERMINAL = frozenset(V.SENTENCE_END + V.SEMICOLONS + V.ELLIPSIS + V.CLOSING_QUOTES + V.COLONS)
_MAX_HEADING = 40
_SUBTITLE_DASH = "——"
# Bylines, photo credits and captions: not body text, not headlines.
_BYLINE = regex.compile(r"本报(?:特约)?记者|通讯员|记者\s*\S+\s*摄|\s摄$|^摄影|资料片|责任编辑|^编辑[:：]|^来源[:：]"
                        # a WeChat article's account and when it was posted (婺源文旅 2024-03-18 20:15 江西)
                        r"|^\S{2,20}[ \u3000]+20[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}(?:[ \u3000]+[0-9]{1,2}:[0-9]{2})?")
# A news item opens with a dateline such as 本报讯 / 新华社…电; the heading above it is the article's headline.
# A headline holds no sentence end inside.
_INNER_SENTENCE_END = regex.compile("[。！？；]" + V.char_class(V.CLOSING_QUOTES, negate=True))
_DASH = V.char_class(V.RANGE_DASHES)
_PAGE_MARK = regex.compile(rf"^(?:(?:{_DASH}|\s)*[0-9]+(?:{_DASH}|\s)*|第\s*[0-9]+\s*页(?:\s*共\s*[0-9]+\s*页)?)$")
# A page's box label on a line of its own (【数据框】, 【相关链接】): what follows is no part of the article above
_BOX_LABEL = regex.compile(r"【\p{Han}{2,8}】")
_DATE_IN_LINE = regex.compile(r"[0-9]{4}年|[0-9]{1,2}月[0-9]{1,2}日|星期|第[0-9]+版")
_TRAILING_BYLINE = regex.compile(
    r"(?:本报(?:特约)?记者|通讯员|记者)\s*[\p{Han}·]{2,4}$|[（(](?:本报)?记者[^（）()]{1,24}[）)]$")
# A headline opening with a place and a colon (新泰市：…, 古城街道：…) heads an item of its own.
_PLACE_HEADLINE = regex.compile(r"\p{Han}{1,8}(?:省|市|县|区|镇|乡|街道|社区|村|开发区|园区)[：:]")
DATELINE = regex.compile(r"^\s*(?:本报[^，,。\n（(]{0,12}?讯|【[^】]{1,20}】|新华社[^，,]{0,20}电|据[^，,]{1,12}消息|本报[^，,]{0,12}电)")
# A press conference's transcript marks each turn 【主持人】, 【记者】, 【王立新】: speakers, not the datelines of a
# page's short items (【西坪镇】…), so its 【…】 open no articles.
_SPEAKER_TURN = regex.compile(r"^\s*【(?:主持人|记者|提问|问|答|发布人)[^】]{0,8}】")
_TURN_OPEN = "【"
_SENTENCE = re.compile(rf"{V.char_class(V.SENTENCE_END, negate=True)}*"
                          rf"(?:{V.char_class(V.SENTENCE_END)}+{V.char_class(V.CLOSING_QUOTES)}?|$)")


# Digits typeset one by one with a space after each (1 9 9 7 年, 7 4 7 7 2 亿元, 8 ．8 ％), as text
# taken from some PDFs writes every number: a run of single digits (and a decimal point or per cent
# sign) apart by single spaces, ending in ％ or before a Chinese word. Its spaces are left out of the
# layout's text, so the number reads as one; a column of figures (120 135, 1 2 3) is no such run.
_SPACE_CHARS = " \u3000"
# A run of such single digits, read whole from its first digit and never given back (its end is
# chosen in Python), so the scan goes on after it: a page of "1 1 1 …" costs linear time.
_SPACED_RUN = regex.compile(
    r"(?<![0-9０-９．.])[0-9０-９](?![0-9０-９])"
    r"(?:[ \u3000](?:[．.]?[0-9０-９](?![0-9０-９])|[％%]))++")
_ENDS_NUMBER = regex.compile(r"[ \u3000]?\p{Han}")
# Every run opens with a digit and a space: the run pattern (which opens with a lookbehind, so would be
# tried at every character) is tried only there (scan.finditer_near).
_RUN_START = re.compile("[0-9０-９][ \u3000]")


def spaced_digit_gaps(text: str) -> list[int]:
    """Positions of the spaces inside numbers whose digits are typeset apart (1 9 9 7 年), in order:
    the longest part of each run that ends in ％ or before a Chinese word (after at most one space)."""
    gaps: list[int] = []
    for run in finditer_near(_SPACED_RUN, _RUN_START, 0, text):
        start, end = run.span()
        spaces = [start + i for i, ch in enumerate(run.group()) if ch in _SPACE_CHARS]
        # the run's possible ends: before each of its spaces and at its end, longest first
        for n, stop in reversed(list(enumerate([*spaces, end]))):
            if n == 0:
                break                              # a single digit is no spaced number
            if text[stop - 1] in "％%":
                gaps.extend(spaces[:n])
                break
            if word := _ENDS_NUMBER.match(text, stop):
                gaps.extend(spaces[:n])
                if len(word.group()) == 2:
                    gaps.append(stop)              # 7 4 7 7 2 亿元: the space before the unit too
                break
    return gaps


@dataclass
class Block:
    """A heading, byline/caption or body paragraph; text is its pieces joined without line breaks."""

    kind: str                       # "heading", "byline" or "body"
    pieces: list[tuple[int, int]]   # (start, end) of each line in the document
    section: str = ""               # headline of the article it belongs to
    text: str = ""
    offset: int = 0                 # where ``text`` starts in the layout's text
    _starts: list[int] = field(default_factory=list)   # offset in text where each piece begins
    _sentences: list[tuple[int, int]] | None = None

    def finish(self, doc: str, gaps: Sequence[int] = ()) -> None:
        """Join the pieces into ``text``, leaving out the spaces at ``gaps`` (document offsets, sorted)."""
        if gaps:
            self.pieces = _split_at(self.pieces, gaps)
        parts, starts, pos = [], [], 0
        for s, e in self.pieces:
            starts.append(pos)
            parts.append(doc[s:e])
            pos += e - s
        self.text = "".join(parts)
        self._starts = starts

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    def document_pos(self, local: int) -> int:
        """Document offset of position ``local`` of ``text``."""
        i = bisect_right(self._starts, local) - 1
        return self.pieces[i][0] + local - self._starts[i]

    def document_span(self, local_start: int, local_end: int) -> tuple[int, int]:
        """Document offsets of the span ``text[local_start:local_end]``; a span that runs over a line
        break covers the break too (the mention is then ``document[start:end]``, break included)."""
        if len(self.pieces) == 1:                # one line (most paragraphs): no piece to look up
            start = self.pieces[0][0]
            return start + local_start, start + local_end
        return self.document_pos(local_start), self.document_pos(local_end - 1) + 1

    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans in ``text`` (end exclusive), computed once."""
        if self._sentences is None:
            spans = [(m.start(), m.end()) for m in _SENTENCE.finditer(self.text) if m.end() > m.start()]
            self._sentences = spans or [(0, len(self.text))]
        return self._sentences

    def sentence_at(self, local_pos: int) -> tuple[int, int]:
        spans = self.sentences()
        i = bisect_right(spans, (local_pos, 1 << 62)) - 1
        return spans[max(0, i)]


def _split_at(pieces: list[tuple[int, int]], gaps: Sequence[int]) -> list[tuple[int, int]]:
    """``pieces`` without the single characters at ``gaps``."""
    out = []
    for s, e in pieces:
        i = bisect_left(gaps, s)
        while i < len(gaps) and gaps[i] < e:
            if gaps[i] > s:
                out.append((s, gaps[i]))
            s = gaps[i] + 1
            i += 1
        if e > s:
            out.append((s, e))
    return out


@dataclass
class Layout:
    blocks: list[Block]
    text: str                       # the blocks' texts, one a line: what every later step reads
    news_items: bool = False        # articles open with datelines (本报讯 …): a page of several stories
    _offsets: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._offsets = [b.offset for b in self.blocks]

    def block_at(self, pos: int) -> Block:
        """The block of position ``pos`` of ``text`` (a separating line break belongs to the block before)."""
        return self.blocks[max(0, bisect_right(self._offsets, pos) - 1)]


def _classify(line: str) -> str:
    stripped = line.strip()
    if _PLACE_HEADLINE.fullmatch(stripped):
        return "heading"                 # 鲅鱼圈区： above its item's headline
    if (len(stripped) <= _MAX_HEADING + 10 and _BYLINE.search(stripped) and not _ends_sentence(stripped)
            and not _ends_clause(stripped)):
        return "byline"                  # (本报讯（通讯员 李佳）今年1至5月，… / 同比增长…: a sentence's first line)
    if (len(stripped) <= _MAX_HEADING and not _ends_sentence(stripped) and not _ends_clause(stripped)
            and not _INNER_SENTENCE_END.search(stripped)):
        return "heading"
    return "body"


def _ends_sentence(line: str) -> bool:
    """Whether a line ends as a sentence does; a closing quote only after a sentence's end (…增收。”), not
    one that closes a phrase (马庄镇：特色种植鼓起农民“钱袋子”, a headline)."""
    if line[-1] in V.CLOSING_QUOTES and len(line) > 1:
        return line[-2] in _TERMINAL
    return line[-1] in _TERMINAL


def _breaks_off(line: str) -> bool:
    """Whether a line stops inside a clause (…，, …和, …增长): the next line goes on with it."""
    return line[-1] in _CLAUSE_GOES_ON or bool(_DANGLING.search(line))


def _ends_clause(line: str) -> bool:
    return _breaks_off(line) or line.count("，") + line.count(",") >= 2


_CLAUSE_GOES_ON = "，,、（("


# A line ending in one of these cannot end a headline: the sentence goes on below (…增加值同比 / 增长6.5%。);
# not a verb an adverb says is done (冬小麦播种全面完成, 目标任务圆满完成, 整体脱贫顺利实现: headlines).
_DONE_ADVERBS = "全面|圆满|顺利|基本|提前|如期|超额|全部|胜利"
_DANGLING = regex.compile(rf"(?:同比|环比|达到|(?<!{_DONE_ADVERBS})(?:实现|完成)|共计|累计|分别|为|的|和|与|及|了|在|比|约|近|共|达"
                          r"|是|至|到|从|对|把|被|将"
                          r"|[比较](?:上年|去年|前年|上月|年初|上季度?)(?:同期|末|底)?)$")    # (…305.41万吨，比上年 / 增长1.9%)
_STARTS_WITH_NUMBER = regex.compile(V.FIGURE_CHAR)
_STARTS_WITH_YEAR = regex.compile(rf"(?:{V.YEAR_DIGITS})年")


def _starts_with_figure(text: str, pos: int) -> bool:
    """The line at ``pos`` opens with a number and its unit (3.2万人，…), not a name (8890服务平台) or a
    year (二、2026年预算草案 / 2026年全市…: the heading stays a heading)."""
    return bool(_STARTS_WITH_NUMBER.match(text, pos) and not _STARTS_WITH_YEAR.match(text, pos)
                and fact_pattern().match(text, pos))


_NUMBERED_HEADING = regex.compile(V.NUMBERED_HEADING)
_COLUMN_GAP_INSIDE = regex.compile(r"\S[ \u3000]{2,}\S")
_LABEL_LINE = regex.compile(r"\p{Han}[^，,。；;：:、\s]{0,9}(?<![0-9.．０-９])[：:]")
_ENDS_WITH_NUMBER = regex.compile(rf"[{V.ARABIC_DIGIT}.．]+(?:万亿|[万亿千])?$")


def _figure_across(text: str, line: str, next_start: int) -> bool:
    """The line ends with a number whose unit opens the next line (比年初增加236.8 / 亿元；…, 收入2.86亿 / 元，…)."""
    m = _ENDS_WITH_NUMBER.search(line)
    if m is None:
        return False
    joined = m.group() + text[next_start:next_start + 8]
    found = fact_pattern().match(joined)
    return found is not None and found.end() > len(m.group())


def _opens_item(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """Whether line ``i`` opens a news item with a dateline (asked only of the line after a
    would-be headline: the match costs a call per line)."""
    return i < len(lines) and DATELINE.match(text[lines[i][0]:lines[i][1]]) is not None


def analyse(text: str) -> Layout:
    """Split ``text`` into blocks and assign every block the headline of its article."""
    lines = []
    indented: list[bool] = []
    blank_before: list[bool] = []
    previous_end = 0
    for m in _LINE.finditer(text):
        s, e = m.span()
        raw = m.group()
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip())
        if e - trail > s + lead:
            lines.append((s + lead, e - trail))
            indented.append(lead > 0)
            blank_before.append(text.count("\n", previous_end, s) > 1 or len(lines) == 1)
            previous_end = e
    # Text from a PDF marks paragraphs by indentation and wraps lines anywhere, even after 。:
    # there only an indented line (or a blank line) opens a new paragraph.
    indent_marks_paragraphs = sum(indented) >= max(3, len(lines) // 10)
    # ... and wraps them at one width: a line as wide as the widest is a wrapped line, never a heading.
    widths = [e - text.rfind("\n", 0, s) - 1 for s, e in lines] if indent_marks_paragraphs else []
    wrap_width = max(widths, default=0) * 9 // 10
    seen: dict[str, int] = {}

    blocks: list[Block] = []
    open_body: Block | None = None       # a body paragraph whose last line did not end a sentence
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        if is_table_line(line):          # a row of a table keeps its own line: joined to the next, its last
            blocks.append(Block("body", [(s, e)]))     # number would meet the next row's name (5.8规模以上…)
            open_body = None
            continue
        kind = _classify(line)
        seen[line] = seen.get(line, 0) + 1
        if _PAGE_MARK.match(line) or (seen[line] > 1 and kind == "heading"):
            kind = "byline"              # — 3 — and a running header repeated on every page
        elif (indent_marks_paragraphs and open_body is None and blocks and blocks[-1].kind == "body"
                and not indented[i] and not blank_before[i] and (kind == "body" or len(line) > 20)
                and not _NUMBERED_HEADING.match(line)):
            open_body = blocks[-1]       # a wrapped line after 。 in an indented text (not one opening with its
            kind = "body"                # number: （二）新设主体保持活跃。…)
        if (kind == "heading" and line.startswith(_SUBTITLE_DASH) and open_body is not None
                and len(open_body.pieces) == 1 and open_body.pieces[0][1] - open_body.pieces[0][0] <= _MAX_HEADING):
            open_body.kind = "heading"   # 赶个大集看…：鸡蛋便宜了，猪肉稳住了 / ——曹县青堌集镇大集走访记: a headline over
            open_body = None             # its subtitle, not a sentence going on (a headline may end in 了)
        if kind == "heading" and open_body is not None and len(line) > 12 and not _opens_item(text, lines, i + 1):
            kind = "body"                # a long unfinished-looking line inside a broken sentence
                                         # (not the headline above a 本报讯 dateline)
        if kind == "heading" and i + 1 < len(lines) and (_starts_with_figure(text, lines[i + 1][0])
                                                        or _figure_across(text, line, lines[i + 1][0])):
            kind = "body"                # 全年实现地区生产总值 / 2345.6亿元，…: the figure is on the next line
                                         # (…比年初增加236.8 / 亿元；…: or its unit is)
        if (kind == "heading" and indented[i] and blocks and blocks[-1].kind == "body"
                and (line.startswith(V.OF_WHICH) or _COLUMN_GAP_INSIDE.search(line))
                and fact_pattern().search(line) is not None):
            kind = "body"                # an indented line of figures under a paragraph (  其中：… / 第二产业增加值
                                         # 262.15亿元  增长7.1%): a list's line, not a heading
        if kind == "heading" and widths and widths[i] >= wrap_width > _MAX_HEADING // 2:
            kind = "body"                # a full-width line of an indented text: wrapped, not a heading
        if kind == "body":
            if open_body is not None and (line[0] in V.ITEM_MARKS or DATELINE.match(line)
                                          or (_LABEL_LINE.match(line) and not _breaks_off(text[open_body.pieces[-1][0]:
                                                                                             open_body.pieces[-1][1]]))):
                open_body = None         # ▲… and 本报讯… open a news item: never the rest of a sentence; nor does
                                         # a line opening with a label (明天（17日）：…, 记者：…, 答：…)
            if open_body is not None:
                open_body.pieces.append((s, e))
            else:
                open_body = Block("body", [(s, e)])
                blocks.append(open_body)
            if line[-1] in _TERMINAL or _TRAILING_BYLINE.search(line):
                open_body = None         # …典型案例。马晓龙 本报记者 刘家伟: the byline ends the item
        else:
            blocks.append(Block(kind, [(s, e)]))
            if kind == "heading" and _NUMBERED_HEADING.match(line):
                open_body = None         # a numbered heading (一、地区生产总值) ends the paragraph before it

    gaps = spaced_digit_gaps(text)
    offset = 0
    for b in blocks:
        b.finish(text, gaps)
        b.offset = offset
        offset += len(b.text) + 1
    news_items = _assign_sections(blocks)
    return Layout(blocks, "\n".join(b.text for b in blocks), news_items)


def _assign_sections(blocks: list[Block]) -> bool:
    """A heading opens an article when a dateline (本报讯 …) follows it; pages without datelines
    (bulletins, reports) start a section at every heading. The first heading always opens one."""
    transcript = any(b.kind == "body" and _SPEAKER_TURN.match(b.text) for b in blocks)
    has_datelines = any(b.kind == "body" and (m := DATELINE.match(b.text))
                        and not (transcript and m.group().lstrip().startswith(_TURN_OPEN)) for b in blocks)
    headlines: set[int] = set()
    for i, b in enumerate(blocks):
        if b.kind != "heading":
            continue
        alone = _PLACE_HEADLINE.fullmatch(b.text.strip()) is not None
        if not has_datelines or (_PLACE_HEADLINE.match(b.text) and not (
                alone and i + 1 < len(blocks) and blocks[i + 1].kind == "heading")):
            headlines.add(i)            # (新泰市：冬小麦播种全面完成, a county paper's item without a dateline;
            continue                    # 鲅鱼圈区： alone heads the headline below it)
        j = i + 1
        while j < len(blocks) and blocks[j].kind == "byline":
            j += 1
        if j < len(blocks) and blocks[j].kind == "body" and DATELINE.match(blocks[j].text):
            headlines.add(i)
        elif (_BOX_LABEL.fullmatch(b.text.strip()) and i + 1 < len(blocks) and blocks[i + 1].kind == "heading"
              and not _BOX_LABEL.fullmatch(blocks[i + 1].text.strip())):
            headlines.add(i + 1)        # 【数据框】 / 1-8月天水市主要经济指标: a box of its own under its title
    first_heading = next((i for i, b in enumerate(blocks) if b.kind == "heading"), None)
    first_only = first_heading is not None and first_heading not in headlines
    if first_heading is not None:
        headlines.add(first_heading)
    current = ""
    for i, b in enumerate(blocks):
        if i in headlines:
            current = b.text.strip()
            above = blocks[i - 1] if i else None
            if (above is not None and above.kind == "heading" and (i - 1 not in headlines or first_only)
                    and len(above.text) <= 30 and not _DATE_IN_LINE.search(above.text)):
                current = above.text.strip() + " " + current     # a two-line headline: title + subtitle
                above.section = current
        b.section = current
    return has_datelines
