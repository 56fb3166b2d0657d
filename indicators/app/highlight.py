"""HTML for the page: a document with every fact marked, coloured by topic; a sentence in context;
the targets view's table of targets beside outcomes.

The document is untrusted (an upload or pasted text), so every piece of it is HTML-escaped before it
is put between the marks: ``<script>`` or ``<img onerror=…>`` in a document shows as text. Only the
``<mark>``/``<div>`` tags written here are markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

import pandas as pd

from .view import KIND_LABELS, format_value

DEFAULT_COLOUR = "#e0e0e0"


def _mark(mention: str, colour: str, title: str) -> str:
    return (
        f'<mark style="background:{html.escape(colour)};padding:0 2px;border-radius:3px" '
        f'title="{html.escape(title, quote=True)}">{html.escape(mention)}</mark>'
    )


def fact_title(row: Mapping[str, object], topic_labels: Mapping[str, str]) -> str:
    """Hover text of a mark: value with unit · indicator · kind · topic."""
    parts = [
        format_value(row["value"], str(row["unit"])),
        str(row.get("indicator") or ""),
        KIND_LABELS.get(str(row.get("kind")), str(row.get("kind") or "")),
        topic_labels.get(str(row.get("topic")), str(row.get("topic") or "")),
    ]
    return " · ".join(p for p in parts if p)


def highlight_html(
    text: str,
    facts: pd.DataFrame,
    colours: Mapping[str, str],
    topic_labels: Mapping[str, str] | None = None,
) -> str:
    """``text`` as escaped HTML with the facts' spans marked. Spans that do not match their mention
    (``text[start:end] != mention``) or overlap an earlier one are left unmarked rather than guessed."""
    topic_labels = topic_labels or {}
    spans = []
    for row in facts.to_dict("records"):
        start, end = int(row["start"]), int(row["end"])
        if 0 <= start < end <= len(text) and text[start:end] == row["mention"]:
            spans.append((start, end, row))
    spans.sort(key=lambda s: (s[0], -s[1]))
    pieces: list[str] = []
    pos = 0
    for start, end, row in spans:
        if start < pos:  # overlaps the previous mark
            continue
        pieces.append(html.escape(text[pos:start]))
        colour = colours.get(str(row.get("topic")), DEFAULT_COLOUR)
        pieces.append(_mark(text[start:end], colour, fact_title(row, topic_labels)))
        pos = end
    pieces.append(html.escape(text[pos:]))
    body = "".join(pieces)
    return f'<div class="doc-text" style="white-space:pre-wrap;line-height:1.9">{body}</div>'


def context_html(before: str, mention: str, after: str, colour: str = "#ffe08a") -> str:
    """A sentence in context with its mention marked, all of it escaped."""
    return (
        '<div style="white-space:pre-wrap;line-height:1.9">…'
        f"{html.escape(before)}{_mark(mention, colour, mention)}{html.escape(after)}…</div>"
    )


def legend_html(colours: Mapping[str, str], topic_labels: Mapping[str, str], keys: list[str]) -> str:
    """A row of coloured topic chips for the topics in ``keys``."""
    chips = [
        f'<span style="background:{html.escape(colours.get(k, DEFAULT_COLOUR))};padding:0 6px;'
        f'margin-right:6px;border-radius:3px">{html.escape(topic_labels.get(k, k))}</span>'
        for k in keys
    ]
    return f"<div>{''.join(chips)}</div>"


def _sentence_marked(sentence: str, mention: str, colour: str) -> str:
    """``sentence`` escaped, its figure marked when it stands there once as a whole number (5% inside
    5.5% does not count); a figure written twice is left unmarked rather than guessed."""
    found = [m.start() for m in re.finditer(rf"(?<![0-9０-９.．]){re.escape(mention)}(?![0-9０-９])", sentence)
             ] if mention else []
    if len(found) != 1:
        return html.escape(sentence)
    start, end = found[0], found[0] + len(mention)
    return f"{html.escape(sentence[:start])}{_mark(mention, colour, mention)}{html.escape(sentence[end:])}"


_TARGETS_HEADINGS = ("时期", "地区", "目标", "实际", "结果", "目标原句", "实际原句")


def targets_table_html(pairs: pd.DataFrame, status_colours: Mapping[str, str]) -> str:
    """The targets view's table: one row per region and period (newest first) with the target, the
    outcome, the result on a chip of its status colour and both sentences in full, each figure marked,
    and under each sentence its document's date. A plain table: sentences wrap instead of being cut
    off in a grid, and a browser draws it without loading a data grid. Scrolls past about 12 rows."""
    cell = "padding:4px 8px;border-bottom:1px solid #eee;vertical-align:top"
    rows = []
    for row in pairs.sort_values(["period_start", "region_name"], ascending=[False, True],
                                 kind="stable").to_dict("records"):
        colour = status_colours.get(str(row["status"]), DEFAULT_COLOUR)
        sentences = [
            f'{_sentence_marked(str(row[f"{side}_sentence"] or ""), str(row[f"{side}_mention"] or ""), colour)}'
            f'<div style="color:#888;font-size:0.85em">{html.escape(str(row[f"{side}_date"] or ""))}</div>'
            for side in ("target", "outcome")
        ]
        status = (f'<span style="background:{html.escape(colour)};color:white;padding:0 6px;border-radius:3px">'
                  f'{html.escape(str(row["status_label"]))}</span>')
        cells = [html.escape(str(row["period_label"])), html.escape(str(row["region_name"])),
                 html.escape(str(row["target_shown"])), html.escape(str(row["outcome_shown"])), status, *sentences]
        # the short columns stay on one line; the two sentences share what is left
        rows.append("<tr>" + "".join(f'<td style="{cell}{";white-space:nowrap" if i < 5 else ""}">{c}</td>'
                                     for i, c in enumerate(cells)) + "</tr>")
    head = "".join(f'<th style="{cell};text-align:left;position:sticky;top:0;background:white">{h}</th>'
                   for h in _TARGETS_HEADINGS)
    return ('<div class="targets-table" style="max-height:560px;overflow:auto">'
            '<table style="border-collapse:collapse;width:100%;font-size:0.9em">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")
