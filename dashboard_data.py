"""The dashboard's reads of the store and what it builds ahead, cached for every session.

``dashboard.py`` imports this module, so Python runs it once per server process: the cache decorators
below are applied once, not on every script run (Streamlit keys each cached function by its source,
which it reads and tokenises each time a decorator is applied: about a fifth of a warm script run).
Widgets stay in ``dashboard.py``; what is computed lives in ``indicators.app``.

Every query is cached on the store's path and its stamp (size and time of its files), so a view
change never queries the store twice and an ingest (which changes the stamp) is seen at once.
Large frames are cached as resources, shared without a copy per rerun: nothing modifies a frame it
is given (filters and ``series.points`` make new ones).
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from indicators.app import compare, headline, highlight, preload, series, view
from indicators.corpus import Corpus, in_region, open_corpus
from indicators.lang.catalogue import load_catalogue
from indicators.lang.regions import load as load_regions
from indicators.lang.topics import topic_labels

CATALOGUE = load_catalogue()
NAMES = {key: ind.name for key, ind in CATALOGUE.indicators.items()}
TOPICS = topic_labels()
FACTS_LIMIT = 2000          # rows the facts view reads at once; a download is of the same rows
DOCUMENT_CHOICES = 300      # documents the documents view's select box offers (the latest; search for others)
DOCUMENT_COLUMNS = ["name", "title", "doc_date", "doc_region", "doc_kind", "facts", "status"]


@st.cache_resource(max_entries=8, show_spinner=False)
def corpus_of(db: str, stamp: tuple) -> Corpus:
    """The store's queries, checked to be a store of this version once per store version (not before
    every query: that check opens the file once more)."""
    return open_corpus(db)


@st.cache_resource(max_entries=64, show_spinner=False)
def indicators_of(db: str, stamp: tuple) -> pd.DataFrame:
    return corpus_of(db, stamp).indicators()


@st.cache_resource(max_entries=8, show_spinner=False)
def stated_regions(db: str, stamp: tuple) -> dict[str, tuple[str, ...]]:
    """Every indicator's regions, 全国 first, then by number of facts: one pass over the coverage per
    store version (filtering it for each indicator chosen took 0.03-0.04 s with a million facts)."""
    counts = coverage_of(db, stamp).groupby(["indicator_id", "region_name"])["facts"].sum()
    found: dict[str, list[tuple[str, int]]] = {}
    for (indicator, region), facts in counts.items():
        if region:
            found.setdefault(indicator, []).append((region, facts))
    return {indicator: tuple(r for r, _ in sorted(regions, key=lambda rf: (rf[0] != "全国", -rf[1], rf[0])))
            for indicator, regions in found.items()}


def regions_of(db: str, stamp: tuple, indicator: str) -> list[str]:
    """The regions ``indicator`` is stated for, 全国 first, then by number of facts."""
    return list(stated_regions(db, stamp).get(indicator, ()))


@st.cache_resource(show_spinner=False)
def series_read_ahead() -> dict[tuple, pd.DataFrame]:
    """Every region's points of the latest indicators shown, by (store, stamp, indicator): read in the
    background (``read_ahead_regions``), so that adding a region to the chart finds its points."""
    return {}


SERIES_READ_AHEAD = 4       # indicators shown lately whose every region is kept read ahead
# The indicators a visitor most likely chooses next: the KPI tiles' (GDP growth, CPI, jobs …). Every
# region's points of each are read ahead once per store version and kept (about 40 MB for a million
# facts), so choosing one of them, with any regions on the chart, queries nothing.
HEADLINE_INDICATORS = tuple(dict.fromkeys(indicator for indicator, _ in headline.HEADLINES))


def read_ahead_regions(db: str, stamp: tuple, indicator: str) -> None:
    """Every region's points of ``indicator`` in one query (the prefetch thread's; the only writer).
    Keeps the headline indicators of this store version and the SERIES_READ_AHEAD latest others."""
    ahead = series_read_ahead()
    if (db, stamp, indicator) not in ahead:
        ahead[(db, stamp, indicator)] = corpus_of(db, stamp).series(indicator)
        others = [key for key in ahead if key[:2] != (db, stamp) or key[2] not in HEADLINE_INDICATORS]
        for key in others[:max(0, len(others) - SERIES_READ_AHEAD)]:
            ahead.pop(key)


@st.cache_resource(max_entries=8, show_spinner=False)
def headlines_read_ahead(db: str, stamp: tuple) -> bool:
    """Every region's points of each headline indicator read ahead, once per store version."""
    for indicator in HEADLINE_INDICATORS:
        read_ahead_regions(db, stamp, indicator)
    return True


def prefetch_headlines(db: str, stamp: tuple) -> None:
    """The headline indicators' points read ahead in the background (see HEADLINE_INDICATORS)."""
    prefetcher().submit(headlines_read_ahead, db, stamp)


@st.cache_resource(max_entries=256, show_spinner=False)
def region_series(db: str, stamp: tuple, indicator: str, region: str) -> pd.DataFrame:
    """Every point of ``indicator`` in one region, kept per region: adding a region takes its points
    from those read ahead, or queries only it."""
    every_region = series_read_ahead().get((db, stamp, indicator))
    if every_region is not None:
        return in_region(every_region, region)
    return corpus_of(db, stamp).series(indicator, region=region)


@st.cache_resource(max_entries=128, show_spinner=False)
def regions_series(db: str, stamp: tuple, indicator: str, regions: tuple[str, ...]) -> pd.DataFrame:
    """Every point of ``indicator`` in the chosen regions: all kinds, modalities and grains. Regions not
    yet read are queried side by side (another indicator chosen with several regions on the chart)."""
    if len(regions) > 1:
        with ThreadPoolExecutor(max_workers=4) as pool:
            read = list(pool.map(lambda region: region_series(db, stamp, indicator, region), regions))
    else:
        read = [region_series(db, stamp, indicator, region) for region in regions]
    frames = [f for f in read if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else series.empty_series()


@st.cache_resource(max_entries=64, show_spinner=False)
def kind_series(db: str, stamp: tuple, indicator: str, kind: str) -> pd.DataFrame:
    """Every region's points of ``indicator`` and ``kind``: what the compare view ranks."""
    return corpus_of(db, stamp).series(indicator, kind=kind)


@st.cache_resource(max_entries=64, show_spinner=False)
def series_chart(db: str, stamp: tuple, indicator: str, kind: str, regions: tuple[str, ...], grain: str,
                 log: bool, title: str):
    """The series view's figure, built once per selection and shared: a return to the view, or a rerun
    for another widget, sends it again without building it again (plotly validates every property)."""
    return series.series_figure(points_of(db, stamp, indicator, kind, regions, grain).reset_index(drop=True),
                                log=log, title=title)


@st.cache_resource(max_entries=128, show_spinner=False)
def points_of(db: str, stamp: tuple, indicator: str, kind: str, regions: tuple[str, ...], grain: str) -> pd.DataFrame:
    """The points the series view draws, labelled."""
    frame = regions_series(db, stamp, indicator, regions)
    return series.points(frame[(frame["kind"] == kind) & (frame["period_grain"] == grain)])


def headline_charts_ahead(db: str, stamp: tuple, shown: str, regions: tuple[str, ...], kind: str, grain: str) -> None:
    """The series chart each headline indicator other than ``shown`` would draw if chosen now (the regions
    that state it of those chosen, the kind and grain kept as the selection row keeps them, a linear
    axis), built into the caches: choosing one of them then builds nothing."""
    for indicator in HEADLINE_INDICATORS:
        chosen = tuple(series.kept_regions(regions, regions_of(db, stamp, indicator)))
        if indicator == shown or indicator not in NAMES or not chosen:
            continue
        _, its_kind, _, its_grain = series.kept_kind_and_grain(regions_series(db, stamp, indicator, chosen), kind, grain)
        series_chart(db, stamp, indicator, its_kind, chosen, its_grain, False,
                     series.series_title(NAMES[indicator], its_kind, list(chosen)))


def prefetch_headline_charts(db: str, stamp: tuple, shown: str, regions: tuple[str, ...], kind: str,
                             grain: str) -> None:
    """``headline_charts_ahead`` in the background, after the headline indicators' points are read."""
    prefetcher().submit(headline_charts_ahead, db, stamp, shown, regions, kind, grain)


@st.cache_resource(max_entries=32, show_spinner=False)
def targets_of(db: str, stamp: tuple, indicator: str, kind: str, regions: tuple[str, ...],
               grain: str) -> tuple[pd.DataFrame, go.Figure | None, str]:
    """The targets view of a selection: each year's target beside its outcome (``series.pair_targets``),
    their chart and their table's HTML (None and "" when no target is stated), built once and shared."""
    selected = points_of(db, stamp, indicator, kind, regions, grain)
    pairs = series.pair_targets(selected)
    if pairs.empty:
        return pairs, None, ""
    unit = selected["unit"].value_counts().index[0]
    title = series.series_title(NAMES[indicator], kind, list(regions))
    return (pairs, series.targets_figure(pairs, unit, f"{title}：目标与实际"),
            highlight.targets_table_html(pairs, series.STATUS_COLOURS))


def prefetch_targets(db: str, stamp: tuple, indicator: str, kind: str, regions: tuple[str, ...], grain: str) -> None:
    """The targets view of the current selection built ahead in the background (pairing, chart and the
    table's HTML were most of its first opening)."""
    prefetcher().submit(targets_of, db, stamp, indicator, kind, regions, grain)


@st.cache_data(max_entries=32, show_spinner=False)
def headline_tiles_of(db: str, stamp: tuple, region: str) -> list[headline.HeadlineTile]:
    """The KPI tiles of ``region``: its headline indicators' latest outcomes."""
    corpus = corpus_of(db, stamp)
    with ThreadPoolExecutor(max_workers=4) as pool:
        frames = list(pool.map(lambda wanted: corpus.series(wanted[0], kind=wanted[1], region=region,
                                                            modality="actual"), headline.HEADLINES))
    frames = [f for f in frames if len(f)]
    return headline.headline_tiles(pd.concat(frames, ignore_index=True) if frames else series.empty_series(), NAMES)


@st.cache_resource(max_entries=8, show_spinner=False)
def coverage_of(db: str, stamp: tuple) -> pd.DataFrame:
    return corpus_of(db, stamp).coverage()


@st.cache_resource(max_entries=8, show_spinner=False)
def documents_of(db: str, stamp: tuple) -> pd.DataFrame:
    return corpus_of(db, stamp).documents()


@st.cache_data(max_entries=64, show_spinner=False)
def text_of(db: str, stamp: tuple, doc_id: str) -> str:
    return corpus_of(db, stamp).document_text(doc_id)


@st.cache_data(max_entries=64, show_spinner=False)
def facts_of(db: str, stamp: tuple, **filters) -> pd.DataFrame:
    return corpus_of(db, stamp).facts(**filters)


@st.cache_resource(max_entries=32, show_spinner=False)
def compared(db: str, stamp: tuple, indicator: str, kind: str, start: str, end: str, what: str):
    """The ranking of one period, its bar chart and its map: built once, shared (plotly figures with
    34 provinces take a while to build and are never changed after)."""
    ranked = compare.latest_per_region(kind_series(db, stamp, indicator, kind), start, end)
    provinces = compare.province_values(ranked)
    return (ranked, compare.compare_figure(ranked, f"{what}（各地区排序）"),
            compare.province_map(provinces, f"{what}（分省）"), bool(provinces))


@st.cache_resource(max_entries=64, show_spinner=False)
def comparable_periods(db: str, stamp: tuple, indicator: str, kind: str, grain: str) -> list[tuple[str, str]]:
    return compare.periods(kind_series(db, stamp, indicator, kind), grain)


def compare_periods(db: str, stamp: tuple, indicator: str, kind: str, grain: str) -> dict[str, tuple[str, str, str]]:
    """The periods the compare view offers: year -> (start, end, label), latest first."""
    return {s[:4]: (s, e, view.dates_label(s, e, grain)) for s, e in comparable_periods(db, stamp, indicator, kind, grain)}


def compare_period(db: str, stamp: tuple, indicator: str, kind: str, period: tuple[str, str, str]):
    """The compare view's ranking, bars and map for one of ``compare_periods`` (cached in ``compared``)."""
    start, end, label = period
    what = f"{NAMES[indicator]}{'增长' if kind == 'growth' else ''} · {label}"
    return compared(db, stamp, indicator, kind, start, end, what)


@st.cache_resource(show_spinner=False)
def prefetcher() -> ThreadPoolExecutor:
    """One background thread per server process that builds what the next view is likely to need;
    its first job is the gazetteer, which the first region a visitor adds would otherwise wait for."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="prefetch")
    pool.submit(load_regions)
    return pool


def prefetch_compare(db: str, stamp: tuple, indicator: str, kind: str, grain: str) -> None:
    """The compare view of the current selection, built ahead in the background so that opening it
    finds its query, its figures and the provinces' shapes cached."""
    def build() -> None:
        periods = compare_periods(db, stamp, indicator, kind, grain)
        if periods:
            compare_period(db, stamp, indicator, kind, next(iter(periods.values())))
    prefetcher().submit(build)


@st.cache_data(max_entries=8, show_spinner=False)
def all_regions(db: str, stamp: tuple) -> list[str]:
    """Every region the store states a fact for, 全国 first, then by number of facts."""
    counts = coverage_of(db, stamp).groupby("region_name")["facts"].sum()
    counts = counts[counts.index != ""]
    return sorted(counts.index, key=lambda r: (r != "全国", -counts[r], r))


def facts_shown(db: str, stamp: tuple, *, topic: str = "", indicator: str = "", region: str = "",
                words: str = "") -> pd.DataFrame:
    """The facts view's rows for its filters (blank: all), the first FACTS_LIMIT; cached in facts_of."""
    return facts_of(db, stamp, topic=topic or None, indicator=indicator or None, region=region or None,
                    contains=words.strip() or None, limit=FACTS_LIMIT)


@st.cache_resource(max_entries=32, show_spinner=False)
def facts_table(db: str, stamp: tuple, *, topic: str = "", indicator: str = "", region: str = "",
                words: str = "") -> tuple[pd.DataFrame, pd.DataFrame]:
    """The facts view's rows for its filters (``facts_shown``) and the table it shows of them, built
    once per filter (formatting 2,000 values took a third of the view's script run)."""
    facts = facts_shown(db, stamp, topic=topic, indicator=indicator, region=region, words=words)
    return facts, view.table_view(facts.assign(source=[series.doc_name(p) for p in facts["source"]]), TOPICS)


@st.cache_resource(max_entries=8, show_spinner=False)
def facts_read_ahead(db: str, stamp: tuple) -> bool:
    """Reads the facts view as it first opens (no filter: its rows and table) and its region list into
    their caches, once per store version: a later call is a cheap hit."""
    facts_table(db, stamp)
    all_regions(db, stamp)
    return True


def prefetch_facts(db: str, stamp: tuple) -> None:
    """The facts view's first rows read ahead in the background: a query over the whole store's facts
    is the slowest part of opening it."""
    prefetcher().submit(facts_read_ahead, db, stamp)


@st.cache_resource(max_entries=16, show_spinner=False)
def documents_table(db: str, stamp: tuple, words: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The documents matching ``words`` (``view.matching_documents``) and the table the documents view
    shows of them (``DOCUMENT_COLUMNS``, a file name for each path), built once per search."""
    found = view.matching_documents(documents_of(db, stamp), words)
    return found, found.assign(name=[series.doc_name(p) for p in found["path"]])[DOCUMENT_COLUMNS]


@st.cache_resource(max_entries=8, show_spinner=False)
def documents_read_ahead(db: str, stamp: tuple) -> bool:
    """Reads the documents view as it first opens (no search) into the caches, once per store version:
    its table, and the facts and text of the document it shows first (the latest)."""
    found, _ = documents_table(db, stamp, "")
    _, first = view.document_choices(list(found["doc_id"]), None, DOCUMENT_CHOICES)
    if first is not None:
        facts_of(db, stamp, doc_id=first)
        text_of(db, stamp, first)
    return True


def prefetch_documents(db: str, stamp: tuple) -> None:
    """The documents view's table and first document read ahead in the background."""
    prefetcher().submit(documents_read_ahead, db, stamp)


@st.cache_resource
def checked_stores() -> tuple[set[str], threading.Lock]:
    """The stores this server process has brought up to date (once per process, for every session),
    and the lock one session holds while it does: the launcher's warm-up run and a first visitor may
    both arrive on a first start, and only one of them ingests."""
    return set(), threading.Lock()


@st.cache_resource(show_spinner=False)
def plotly_early_import() -> str:
    """The script that starts loading Plotly's code as soon as a page receives it ("" when this
    Streamlit build's Plotly chunk is not found): sent before the chart, so the browser fetches and
    compiles the chunk while the rest of the page arrives."""
    found = preload.plotly_chunk(Path(st.__file__).parent / "static")
    return preload.early_import_script(*found) if found else ""


@st.cache_resource(show_spinner=False)
def grid_preload() -> str:
    """The script that loads the data grid's code once the first page is drawn ("" when this
    Streamlit build's grid chunk is not found): the first table a visitor opens does not wait for it."""
    found = preload.grid_chunk(Path(st.__file__).parent / "static")
    return preload.preload_script(*found) if found else ""
