"""What a document is, read once per document: its date, the region it is about and its kind
(work report, statistical bulletin, monthly release, news), each with where it came from.

The caller may give any of them (``indicators extract --doc-date``, a ``metadata.csv`` beside the
documents); what is given wins over what is read from the text.
"""

from __future__ import annotations

from dataclasses import dataclass

DOC_KINDS = ("work_report", "statistical_bulletin", "monthly_release", "news", "other")


@dataclass(frozen=True)
class DocumentMeta:
    date: str = ""             # ISO date (2025-03-05), empty when unknown
    date_source: str = ""      # given, dateline, title, 发布时间, file name …
    region_name: str = ""      # 全国, 安徽省, 鞍山市 …
    region_code: str = ""      # 6-digit division code; 全国 is 100000
    region_source: str = ""
    kind: str = "other"        # one of DOC_KINDS
    kind_source: str = ""
    title: str = ""


@dataclass
class ChunkState:
    """What one chunk of a document hands to the next, so context survives a chunk boundary."""

    section: str = ""          # headline of the article the previous chunk ended in


def read_document_meta(text: str, name: str = "", *, date: str | None = None, region: str | None = None,
                       kind: str | None = None) -> DocumentMeta:
    """The document's metadata: what the caller gives."""
    return DocumentMeta(
        date=date or "", date_source="given" if date else "",
        region_name=region or "", region_source="given" if region else "",
        kind=kind or "other", kind_source="given" if kind else "",
    )
