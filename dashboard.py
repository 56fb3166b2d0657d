"""The dashboard over a corpus: an indicator over time and across regions, targets against outcomes,
where the corpus is thin, the documents with their facts marked, and the facts themselves.

Widgets and layout only: every query goes through ``indicators.corpus``, cached in ``dashboard_data``
(with what is built ahead in the background), and everything that computes lives in ``indicators.app``
(series, compare, coverage, headline, state, view, highlight), tested there.
Run with ``python3 tasks.py run``.

The store is ``INDICATORS_DB`` (default ``data/corpus.duckdb``). When it does not exist, the demo
corpus (every ``*.txt`` under ``INDICATORS_DATA_DIR``, default ``data/``: the State Council work
reports 1954–2025 and a local newspaper page) is ingested into it on first start and reused afterwards.

Each view's state is in the URL (``?view=series&indicator=gdp&kind=growth&region=全国``), see
``indicators/app/state.py``.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard_data import (
    CATALOGUE,
    DOCUMENT_CHOICES,
    FACTS_LIMIT,
    NAMES,
    TOPICS,
    all_regions,
    checked_stores,
    compare_period,
    compare_periods,
    coverage_of,
    documents_of,
    documents_table,
    facts_of,
    facts_table,
    grid_preload,
    headline_tiles_of,
    indicators_of,
    plotly_early_import,
    points_of,
    prefetch_compare,
    prefetch_documents,
    prefetch_facts,
    prefetch_headline_charts,
    prefetch_headlines,
    prefetch_targets,
    prefetcher,
    read_ahead_regions,
    regions_of,
    regions_series,
    series_chart,
    targets_of,
    text_of,
)
from indicators.app import charts, coverage, headline, highlight, launch, series, view
from indicators.app.state import VIEWS, ViewState, decode_state, encode_state, state_query
from indicators.batch.ingest import IngestReport, ingest
from indicators.io.writer import to_csv_bytes, to_json_bytes
from indicators.store import StoreError

ROOT = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("INDICATORS_DATA_DIR") or ROOT / "data")
BUNDLED_DB = str(ROOT / "data" / "corpus.duckdb")      # the demo corpus's store, kept up to date
DEFAULT_DB = os.environ.get("INDICATORS_DB") or BUNDLED_DB

st.set_page_config(page_title="经济指标看板", page_icon="📊", layout="wide")

KIND_NAMES = {**view.KIND_LABELS, "growth": "增长率", "ratio": "比率/水平"}
GRAIN_NAMES = {"year": "年", "quarter": "季度", "half": "半年", "month": "月", "ytd": "年初至今（累计）",
               "multi_year": "多年（五年规划等）", "day": "日"}


# ---------------------------------------------------------------------------------------------- caches
# Every query is cached on the store's path and its stamp (size and time of its files), so a view
# change never queries the store twice and an ingest (which changes the stamp) is seen at once.
# Large frames are cached as resources, shared without a copy per rerun: nothing here modifies a
# frame it is given (filters and ``series.points`` make new ones).


def ingest_with_progress(inputs: list[str], db: str, label: str, **given) -> IngestReport:
    """Ingest ``inputs`` into ``db`` in this process, a progress bar counting the documents."""
    bar = st.progress(0.0, text=label)

    def progress(done: int, total: int, doc) -> None:
        bar.progress(done / max(total, 1), text=f"{label}：{done}/{total} {Path(doc.document['path']).name}")

    report = ingest(inputs, db, jobs=1, progress=progress, given={k: v for k, v in given.items() if v} or None)
    bar.empty()
    return report


def add_documents(db: str) -> None:
    """The upload form: files or pasted text, with a date and region to set when they cannot be read."""
    with st.form("upload", clear_on_submit=True, border=False):
        suffixes = view.supported_suffixes()
        uploads = st.file_uploader("加入文档（按内容去重）", type=[s.lstrip(".") for s in suffixes],
                                   accept_multiple_files=True, key="uploads",
                                   help="可一次选择多个文件：" + "、".join(suffixes) + "；GBK/GB18030 编码的文本也能读。")
        pasted = st.text_area("或粘贴文本", key="paste", height=90, placeholder="粘贴公报或新闻的文字")
        up_date = st.date_input("文档日期（可选，填写后以此为准）", value=None, key="up_date",
                                min_value=dt.date(1949, 1, 1), max_value=dt.date(2100, 12, 31))
        up_region = st.text_input("文档所属地区（可选，填写后以此为准）", key="up_region", placeholder="例如：安徽省、鞍山市")
        submitted = st.form_submit_button("加入语料库", icon=":material/upload_file:")
    files = [(Path(u.name).name, u.getvalue()) for u in uploads or []]
    if pasted and pasted.strip():
        files.append(view.pasted_file(pasted))
    if submitted and not files:      # e.g. only spaces pasted: say so instead of doing nothing
        st.warning("没有可加入的内容：请选择文件或粘贴文本。", icon=":material/warning:")
    if submitted and files:
        # Uploads are kept beside the store (the store names each document by its path).
        folder = Path(f"{db}.uploads") / dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        folder.mkdir(parents=True)
        for name, data in files:
            (folder / name).write_bytes(data)
        report = ingest_with_progress([str(folder)], db, "抽取上传的文档",
                                      date=up_date.isoformat() if up_date else "", region=up_region.strip())
        # Shown after the rerun that lets every list on the page see the new documents.
        st.session_state["ingested"] = {
            "success": f"新抽取 {report.extracted} 篇，{report.linked + report.unchanged} 篇内容已在库中；"
                       f"共新增 {report.facts} 条事实。",
            "errors": [f"{series.doc_name(name)}：{reason}" for name, reason in report.failures],
            "notes": [f"已读取，但有修复：{series.doc_name(name)}：{note}" for name, note in report.warnings],
        }
        st.rerun()


# ------------------------------------------------------------------------------------- the store


db = st.session_state.get("db") or DEFAULT_DB
demo = [str(p) for p in view.demo_documents(DATA_DIR)]
checked, checking = checked_stores()
if db not in checked and (not Path(db).exists() or db == BUNDLED_DB):
    with checking:                   # another session may have brought it up to date while this one waited
        if db not in checked and not Path(db).exists():
            st.title("经济指标看板")
            st.info(f"第一次启动：正在把示例语料（{len(demo)} 篇文档）抽取入库 {db}，之后直接打开。",
                    icon=":material/database:")
            Path(db).parent.mkdir(parents=True, exist_ok=True)
            ingest_with_progress(demo, db, "抽取示例语料")
            checked.add(db)
            st.rerun()
        elif db not in checked:
            # The demo store follows the engine: documents extracted by an older engine version are
            # extracted again (ingest skips the others after hashing them), so a code update never
            # shows stale facts.
            with st.spinner("检查示例语料…"):
                try:
                    ingest(demo, db, jobs=1)
                except StoreError as exc:
                    st.error(f"{db}：{exc}。删除这个文件后重新打开，示例语料会重新入库。", icon=":material/error:")
                    st.stop()
            checked.add(db)

stamp = view.store_stamp(db)

# ------------------------------------------------------------------------------------------ URL state

try:
    available = indicators_of(db, stamp)
except StoreError as exc:
    st.error(f"{db}：{exc}", icon=":material/error:")
    st.stop()
if "view" not in st.session_state:          # a new session: the URL says what to show
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    wanted = decode_state(params, indicators=CATALOGUE.indicators)
    st.session_state.update(view=wanted.view, indicator=wanted.indicator, kind=wanted.kind,
                            regions=list(wanted.regions), grain=wanted.grain, year=wanted.year,
                            log=wanted.log, doc=wanted.doc, facts_topic=wanted.topic, q=wanted.q,
                            facts_region=wanted.region)

# ----------------------------------------------------------------------------------------- sidebar

with st.sidebar:
    st.header("语料库")
    st.caption(f"{Path(db).name} · {len(documents_of(db, stamp))} 篇文档 · {int(available['facts'].sum())} 条指标事实",
               help=f"打开的语料库：{db}")
    other = st.text_input("打开其他语料库（.duckdb 文件路径）", key="other_db", placeholder="/path/to/corpus.duckdb")
    if other and other != db:
        if Path(other).is_file():
            st.session_state["db"] = other
            st.rerun()
        st.error(f"{other}：找不到这个文件", icon=":material/error:")

    # The upload form is built only when opened: its file, text and date widgets are code a browser
    # would otherwise load and draw on every first paint.
    adding = st.expander("加入文档（上传或粘贴）", key="add_documents", on_change="rerun", icon=":material/upload_file:")
    if adding.open:
        with adding:
            add_documents(db)
    done = st.session_state.pop("ingested", None)
    if done:
        st.success(done["success"], icon=":material/check:")
        for message in done["errors"]:
            st.error(message, icon=":material/error:")
        for message in done["notes"]:
            st.caption(message)
    # Last in the sidebar, which reaches the browser before the main area: no space shows below it.
    if script := plotly_early_import():
        st.html(script, unsafe_allow_javascript=True)

# ------------------------------------------------------------------------------------------------ main

st.title("经济指标看板")

# The tiles are of the first chosen region, as the selection in the view's fragment left it (when the
# fragment changes that region, it reruns the page).
tile_region = st.session_state["tile_region"] = next(iter(st.session_state.get("regions") or []), "全国")
tiles = headline_tiles_of(db, stamp, tile_region)
if tiles:
    with st.container(horizontal=True):
        for tile in tiles:
            st.metric(tile.label, tile.value, delta=tile.delta or None, help=tile.help, border=True,
                      delta_color="off" if tile.delta == headline.UNCHANGED else tile.delta_color,
                      delta_arrow="off" if tile.delta == headline.UNCHANGED else "auto")
    st.caption(f"{tile_region}的主要指标：最近一年的实际值，与上一年比较；悬停查看原句。")


def choose_selection() -> ViewState:
    """The indicator, its regions, its kind and its grain, chosen above the view they draw (as OWID's
    grapher does): in the view's fragment, so that changing one reruns only the view, not the page."""
    stated = dict(zip(available["indicator_id"], available["facts"], strict=True))
    topic_order = {t: n for n, t in enumerate(TOPICS)}
    options = sorted((i for i in stated if i in NAMES),
                     key=lambda i: (topic_order.get(CATALOGUE.get(i).topic, len(topic_order)), -stated[i]))
    if not options:
        st.warning("语料库里还没有能对上指标目录的事实。上传公报或工作报告试试。")
        st.stop()
    if st.session_state.get("indicator") not in options:
        st.session_state["indicator"] = "gdp" if "gdp" in options else options[0]
    left, middle, right, last = st.columns([3, 4, 2, 2])
    indicator = left.selectbox(
        "指标（按主题，可输入搜索）", options, key="indicator",
        format_func=lambda i: f"{TOPICS.get(CATALOGUE.get(i).topic, '其他')} · {NAMES[i]}",
    )
    stated_in = regions_of(db, stamp, indicator)
    st.session_state["regions"] = series.kept_regions(st.session_state.get("regions", []), stated_in)
    regions = middle.multiselect("地区", stated_in, key="regions", placeholder="选择地区",
                                 help="按事实数排序；可输入搜索")
    in_regions = regions_series(db, stamp, indicator, tuple(regions))
    kinds, st.session_state["kind"], grains, st.session_state["grain"] = series.kept_kind_and_grain(
        in_regions, st.session_state.get("kind"), st.session_state.get("grain"))
    kind = right.selectbox("数值类型", kinds or ["growth"], key="kind", format_func=lambda k: KIND_NAMES.get(k, k),
                           help="同一指标的增长率与总量分开画：“增长率”是报告里写的增速，“金额/数量”是水平值")
    grain = last.selectbox("频度", grains or ["year"], key="grain", format_func=lambda g: GRAIN_NAMES.get(g, g))
    if next(iter(regions), "全国") != st.session_state.get("tile_region"):
        st.rerun(scope="app")        # the tiles above are of the first region
    return ViewState(indicator=indicator, kind=kind, regions=tuple(regions), grain=grain)


def show_point(frame: pd.DataFrame, row: int) -> None:
    """A point's sentence and its paragraph in the document, the figure marked."""
    ctx = series.point_context(frame, row)
    st.markdown(f"**{ctx['label']}** · {series.doc_name(ctx['doc'])} · {ctx['doc_date']}")
    try:
        text = text_of(db, stamp, frame.loc[row, "doc_id"])
    except KeyError:
        text = ""
    if text[ctx["start"]:ctx["end"]] == ctx["mention"]:
        st.html(highlight.context_html(*view.paragraph_window(text, ctx["start"], ctx["end"])))
    else:
        st.html(highlight.context_html("", ctx["mention"], ""))
        st.caption(ctx["sentence"])


def show_series(sel: ViewState) -> None:
    indicator, kind, regions, grain = sel.indicator, sel.kind, sel.regions, sel.grain
    log = st.toggle("对数坐标", key="log", disabled=kind == "growth",
                    help="水平值跨越几个数量级时（如1978年至今的国内生产总值）更好读；增长率不用")
    frame = points_of(db, stamp, indicator, kind, regions, grain).reset_index(drop=True)
    if frame.empty:
        st.info("所选地区和时期没有这个指标的数据。换一个地区、时期或数值类型。", icon=":material/search_off:")
        return
    title = series.series_title(NAMES[indicator], kind, list(regions))
    event = st.plotly_chart(series_chart(db, stamp, indicator, kind, regions, grain, log and kind != "growth", title),
                            key="series_chart", on_select="rerun", selection_mode="points")
    picked = event.selection.points if event is not None else []
    if picked and picked[0].get("customdata"):
        show_point(frame, int(picked[0]["customdata"][0]))
    else:
        st.caption("点击图上的一个点，这里显示它的原句和所在段落。")
    # The table is built only when opened: a data grid is the heaviest thing a browser loads for this
    # page after Plotly (about half a second of a 2-core machine's time on first paint).
    table_box = st.expander(f"序列表格：图中的 {len(frame)} 个点（点选一行看原句）", key="series_table_open",
                            on_change="rerun", icon=":material/table:")
    if table_box.open:
        table = frame[["region_name", "period_label", "modality_label", "shown", "doc_name", "doc_date", "vintages",
                       "sentence"]]
        event = table_box.dataframe(table, hide_index=True, key="series_table", on_select="rerun",
                                    selection_mode="single-row", column_config={
                                        "region_name": "地区", "period_label": "时期", "modality_label": "性质",
                                        "shown": "数值", "doc_name": "文档", "doc_date": "文档日期",
                                        "vintages": st.column_config.NumberColumn("表述次数", help="说到这一数值的文档数"),
                                        "sentence": st.column_config.TextColumn("原句", width="large")})
        if event is not None and event.selection.rows:
            with table_box:
                show_point(frame, event.selection.rows[0])
    link = state_query(replace(sel, view="series", log=log))
    with st.container(horizontal=True):
        st.download_button("下载序列 CSV", data=lambda: series.series_csv(frame), file_name=f"{indicator}_{kind}.csv",
                           mime="text/csv", on_click="ignore", key="download_series_csv", icon=":material/download:",
                           help="图中的每个点一行，UTF-8（带 BOM，Excel 可直接打开）")
        st.download_button("下载元数据 JSON", data=lambda: series.series_metadata(
                               frame, CATALOGUE.get(indicator), view_url=link, as_of=str(dt.date.today())),
                           file_name=f"{indicator}_{kind}.metadata.json", mime="application/json",
                           on_click="ignore", key="download_series_meta", icon=":material/data_object:",
                           help="指标定义、单位，以及每个点的文档、日期和原句")


def show_compare(sel: ViewState) -> None:
    indicator, kind, grain = sel.indicator, sel.kind, sel.grain
    periods = compare_periods(db, stamp, indicator, kind, grain)
    if not periods:
        st.info("这个指标还没有可比较的实际值。", icon=":material/search_off:")
        return
    if st.session_state.get("year") not in periods:
        st.session_state["year"] = next(iter(periods))
    year = st.selectbox("时期", list(periods), key="year", format_func=lambda y: periods[y][2])
    ranked, bars, shapes, has_provinces = compare_period(db, stamp, indicator, kind, periods[year])
    left, right = st.columns([2, 3])
    left.plotly_chart(bars, key="compare_chart")
    with right:
        st.plotly_chart(shapes, key="compare_map")
        if not has_provinces:
            st.caption("这一时期还没有省级数据：上传各省的政府工作报告或统计公报后，地图会着色。")
    table_box = st.expander(f"排名表格：{len(ranked)} 个地区的数值、文档和原句", key="compare_table_open",
                            on_change="rerun", icon=":material/table:")
    if table_box.open:
        table_box.dataframe(ranked[["rank", "region_name", "shown", "doc", "doc_date", "sentence"]].assign(
            doc=[series.doc_name(d) for d in ranked["doc"]]), hide_index=True, key="compare_table",
            column_config={"rank": "名次", "region_name": "地区", "shown": "数值", "doc": "文档",
                           "doc_date": "文档日期", "sentence": st.column_config.TextColumn("原句", width="large")})


def show_targets(sel: ViewState) -> None:
    indicator, kind = sel.indicator, sel.kind
    pairs, chart, table = targets_of(db, stamp, indicator, kind, sel.regions, sel.grain)
    if chart is None:
        st.info("所选地区没有这个指标的目标。政府工作报告的“主要预期目标”是目标的主要来源。",
                icon=":material/flag:")
        return
    counts = pairs["status"].value_counts()
    st.caption(" · ".join(f"{series.STATUS_LABELS[s]} {int(counts.get(s, 0))} 年" for s in series.STATUS_LABELS))
    st.plotly_chart(chart, key="targets_chart")
    st.html(table)
    st.download_button("下载目标与实际 CSV", data=lambda: to_csv_bytes(pairs), file_name=f"{indicator}_{kind}_targets.csv",
                       mime="text/csv", on_click="ignore", key="download_targets_csv", icon=":material/download:",
                       help="每个地区每年一行：目标、实际、结果和两句原句，UTF-8（带 BOM，Excel 可直接打开）")
    st.caption(f"目标取当年最早的表述，实际取最新的表述（修订为准）。“{series.STATUS_LABELS['near']}”："
               f"目标写作“左右”，差距不超过 {series.APPROX_TOLERANCE} 个百分点。")


def show_coverage(sel: ViewState) -> None:
    everywhere = st.toggle("所有地区", key="coverage_all", value=False, help="关闭时只数左侧所选地区的事实")
    matrix = coverage.coverage_matrix(coverage_of(db, stamp), NAMES, regions=() if everywhere else sel.regions)
    if matrix.empty:
        st.info("所选地区还没有带年份的指标事实。", icon=":material/search_off:")
        return
    st.plotly_chart(coverage.coverage_figure(matrix, "各指标各年份的事实数（白色为空缺）"), key="coverage_chart")


def show_documents(sel: ViewState) -> None:
    docs = documents_of(db, stamp)
    if docs.empty:
        st.info("语料库里还没有文档。", icon=":material/description:")
        return
    words = st.text_input("查找文档", key="doc_q", placeholder="文件名、标题、日期、地区或类型包含…（空格分隔几个词）")
    found, shown = documents_table(db, stamp, words)
    st.dataframe(shown, hide_index=True, key="documents_table", column_config={
        "name": "文件", "title": "标题", "doc_date": "日期", "doc_region": "地区", "doc_kind": "类型",
        "facts": "事实数", "status": "状态"})
    # A select box of thousands of documents is slow to draw and to scroll: it offers the latest ones,
    # the search above narrows it down.
    choices, chosen = view.document_choices(list(found["doc_id"]), st.session_state.get("doc"), DOCUMENT_CHOICES)
    if chosen is None:
        st.info(f"没有文档包含“{words}”。", icon=":material/search_off:")
        return
    if len(found) > len(choices):
        st.caption(f"{len(found)} 篇文档中，下面列出最近的 {len(choices)} 篇；在上面输入关键词找其他文档。")
    st.session_state["doc"] = chosen
    offered = found.set_index("doc_id").loc[choices]        # labels for the documents offered only
    labels = {i: f"{d or '日期不详'} · {series.doc_name(p)}" for i, d, p in
              zip(offered.index, offered["doc_date"], offered["path"], strict=True)}
    doc_id = st.selectbox("文档", choices, key="doc", format_func=labels.get)
    facts = facts_of(db, stamp, doc_id=doc_id)
    colours = charts.topic_colours(list(TOPICS))
    st.caption(f"标出了本文档的 {len(facts)} 条事实；鼠标悬停查看数值、单位和指标。")
    st.html(highlight.legend_html(colours, TOPICS, view.distinct(facts["topic"])))
    st.html(highlight.highlight_html(text_of(db, stamp, doc_id), facts, colours, TOPICS))


def show_facts(sel: ViewState) -> None:
    left, middle, right, last = st.columns([1, 1, 2, 1])
    if st.session_state.get("facts_topic") not in TOPICS:
        st.session_state["facts_topic"] = ""
    topic = left.selectbox("主题", ["", *TOPICS], key="facts_topic", format_func=lambda t: TOPICS.get(t, "全部"))
    places = all_regions(db, stamp)
    if st.session_state.get("facts_region") not in places:
        st.session_state["facts_region"] = ""
    region = middle.selectbox("地区", ["", *places], key="facts_region", format_func=lambda r: r or "全部")
    q = right.text_input("原句包含", key="q", placeholder="例如：粮食、投资")
    only = last.toggle("只看当前指标", key="facts_indicator", value=False)
    facts, shown = facts_table(db, stamp, topic=topic, indicator=sel.indicator if only else "", region=region, words=q)
    more = f"（最多显示前 {FACTS_LIMIT} 条）" if len(facts) == FACTS_LIMIT else ""
    st.caption(f"显示 {len(facts)} 条事实{more}")
    if facts.empty:
        st.info("没有符合条件的事实。", icon=":material/filter_alt_off:")
        return
    st.dataframe(shown, hide_index=True, key="facts_table")
    with st.container(horizontal=True):
        st.download_button("下载 CSV", data=lambda: to_csv_bytes(facts), file_name="indicators.csv", mime="text/csv",
                           on_click="ignore", key="download_csv", icon=":material/download:",
                           help="当前筛选出的事实，UTF-8（带 BOM，Excel 可直接打开）")
        st.download_button("下载 JSON", data=lambda: to_json_bytes(facts), file_name="indicators.json",
                           mime="application/json", on_click="ignore", key="download_json",
                           icon=":material/data_object:")


@st.fragment
def selection_and_view() -> None:
    """The selection and the view that draws it. A fragment: choosing another indicator or region reruns
    only this (the sidebar, the tiles and their queries stay as they are), and the browser is sent only
    this part of the page again."""
    main_view(choose_selection())


@st.fragment
def main_view(sel: ViewState) -> None:
    """The chosen view of ``sel``. A fragment in the selection's: choosing another view, or changing a
    view's own widgets, reruns only this (the selection's widgets are not sent again)."""
    if st.session_state.get("view") not in VIEWS:
        st.session_state["view"] = "series"
    current = st.segmented_control("视图", list(VIEWS), key="view", required=True, format_func=VIEWS.get,
                                   label_visibility="collapsed")
    {"series": show_series, "compare": show_compare, "targets": show_targets, "coverage": show_coverage,
     "documents": show_documents, "facts": show_facts}[current](sel)
    # The URL follows the view, so the address bar is always a permalink to what is on the screen.
    shown_state = replace(sel, view=current,
                          year=st.session_state.get("year", "") if current == "compare" else "",
                          log=bool(st.session_state.get("log")) if current == "series" else False,
                          doc=st.session_state.get("doc", "") if current == "documents" else "",
                          topic=st.session_state.get("facts_topic", "") if current == "facts" else "",
                          q=st.session_state.get("q", "").strip() if current == "facts" else "",
                          region=st.session_state.get("facts_region", "") if current == "facts" else "")
    wanted_params = encode_state(shown_state)
    if {k: st.query_params.get_all(k) for k in st.query_params} != {
            k: v if isinstance(v, list) else [v] for k, v in wanted_params.items()}:
        st.query_params.from_dict(wanted_params)
    # What the other views of this selection will need, read ahead in the background.
    if current != "compare":
        prefetch_compare(db, stamp, sel.indicator, sel.kind, sel.grain)
    if current != "facts":
        prefetch_facts(db, stamp)
    if current != "documents":
        prefetch_documents(db, stamp)
    prefetcher().submit(read_ahead_regions, db, stamp, sel.indicator)
    if current != "targets":
        prefetch_targets(db, stamp, sel.indicator, sel.kind, sel.regions, sel.grain)
    prefetch_headlines(db, stamp)
    prefetch_headline_charts(db, stamp, sel.indicator, sel.regions, sel.kind, sel.grain)


selection_and_view()
if script := grid_preload():
    st.html(script, unsafe_allow_javascript=True)
if os.environ.get(launch.WARMED_ENV) and not st.context.headers:
    # The launcher's warm-up run (no browser connected to a server it started) ends once what it read
    # ahead is cached, so a server that reports itself warm has nothing left to do when its first
    # visitor's page loads (that work took about a second of a 2-core machine's time during the first
    # paint). AppTest runs go on reading ahead in the background, as a browser's do.
    prefetcher().submit(lambda: None).result()
