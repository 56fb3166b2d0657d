"""The dashboard: documents in the sidebar, facts as KPI tiles, Plotly charts, a table and the marked text.

Layout and widgets only. Everything that computes lives in the ``indicators`` package (``view``,
``charts``, ``highlight``, ``export``) and is tested there. Run with ``python3 tasks.py run``.

URL parameters (a filtered view is a link): ``topic`` (taxonomy keys), ``region``, ``period``,
``kind`` (count, money, …), ``doc`` (document names), ``q`` (search text). Unknown values are ignored.
``INDICATORS_DATA_DIR`` points the sample documents at another folder (default: ``data/``).
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from indicators.app import charts, highlight, view
from indicators.io.writer import to_csv_bytes, to_json_bytes
from indicators.lang.topics import topic_labels

ROOT = Path(__file__).resolve().parent
DATA_DIR = os.environ.get("INDICATORS_DATA_DIR") or str(ROOT / "data")

st.set_page_config(page_title="经济指标看板", page_icon="📊", layout="wide")


# ---------------------------------------------------------------------------------------------- caches


@st.cache_data(show_spinner=False)
def load_samples(directory: str) -> dict[str, str]:
    return view.load_samples(directory)


@st.cache_data(max_entries=256, show_spinner=False)
def read_file(name: str, data: bytes) -> tuple[str, list[str]]:
    return view.read_upload(name, data)


@st.cache_data(max_entries=1024, show_spinner="正在抽取…")
def facts_for(text: str, source: str):
    """Facts of one document; keyed on its text, so a filter change never re-extracts."""
    return view.extract_document(text, source)


# ------------------------------------------------------------------------------------------- URL state


def write_param(key: str, values: list[str]) -> None:
    if values:
        st.query_params[key] = list(values)
    elif key in st.query_params:
        del st.query_params[key]


def url_multiselect(label: str, key: str, options: list[str], names: dict[str, str]) -> list[str]:
    """A multiselect whose URL parameter holds the option *keys* while the widget shows Chinese names.

    ``bind="query-params"`` would put the ``format_func`` text into the URL (streamlit #14224), so
    topic and kind keep the URL in sync by hand: read it once per session, write it on change.
    """
    if key not in st.session_state:
        chosen = view.parse_param(st.query_params.get_all(key), options)
        st.session_state[key] = chosen
        write_param(key, chosen)  # an unknown value leaves the URL too

    def sync() -> None:
        write_param(key, st.session_state[key])

    return st.multiselect(
        label, options, key=key, format_func=lambda k: names.get(k, k), on_change=sync, placeholder="全部"
    )


def bound_multiselect(label: str, key: str, options: list[str]) -> list[str]:
    """A multiselect whose values are their own labels, bound to the URL parameter ``key``."""
    return st.multiselect(label, options, key=key, bind="query-params", placeholder="全部")


TABLE_COLUMNS = {
    "indicator": st.column_config.TextColumn("指标", width="medium"),
    "shown": st.column_config.TextColumn("数值", help="按中文习惯显示（万、亿），含约、超等限定"),
    "modality": st.column_config.TextColumn("性质", width="small", help="实际值、目标或预计"),
    "dates": st.column_config.TextColumn("日期", width="small", help="按文档日期推算的起止时间"),
    "region_name": st.column_config.TextColumn("行政区", width="small", help="规范的行政区名称"),
    "indicator_name": st.column_config.TextColumn("标准指标", width="small", help="指标目录中的名称"),
    "period": st.column_config.TextColumn("时期", width="small"),
    "region": st.column_config.TextColumn("地区", width="small"),
    "topic": st.column_config.TextColumn("主题", width="small"),
    "kind": st.column_config.TextColumn("类型", width="small"),
    "sentence": st.column_config.TextColumn("原句", width="large"),
    "mention": st.column_config.TextColumn("原文数字", width="small"),
    "value": st.column_config.NumberColumn("基本单位数值", format="localized"),
    "unit": st.column_config.TextColumn("单位", width="small"),
    "source": st.column_config.TextColumn("文档", width="small"),
}


# --------------------------------------------------------------------------------------------- sidebar

labels = topic_labels()
colours = charts.topic_colours(list(labels))

with st.sidebar:
    st.header("文档")
    use_samples = st.toggle("示例文档（data/）", value=True, key="samples")
    suffixes = view.supported_suffixes()
    uploads = st.file_uploader(
        "上传文件",
        type=[s.lstrip(".") for s in suffixes],
        accept_multiple_files=True,
        key="uploads",
        help="可一次选择多个文件：" + "、".join(suffixes) + "；GBK/GB18030 编码的文本也能读。",
    )
    pasted = st.text_area(
        "粘贴文本", key="paste", height=110, placeholder="粘贴公报或新闻的文字，按 Ctrl+Enter 应用"
    )

    docs = view.collect_documents(
        load_samples(DATA_DIR) if use_samples else {},
        [(f.name, f.getvalue()) for f in uploads or []],
        pasted,
        reader=read_file,
    )
    frames = []
    for name, text in docs.texts.items():
        try:
            frames.append(facts_for(text, name))
        except Exception as exc:  # one document the engine trips on must not hide the others
            docs.errors.append(f"{name}: 抽取失败（{type(exc).__name__}: {exc}）")
    table = view.combine(frames)

    for message in docs.errors:
        st.error(f"未能读取 {message}", icon=":material/error:")
    for message in docs.notes:
        st.caption(f"已读取，但有修复：{message}")

    st.header("筛选")
    options = view.filter_options(table, list(docs.texts), list(labels))
    filters = view.Filters(
        topic=tuple(url_multiselect("主题", "topic", options["topic"], labels)),
        region=tuple(bound_multiselect("地区", "region", options["region"])),
        period=tuple(bound_multiselect("时期", "period", options["period"])),
        kind=tuple(url_multiselect("类型", "kind", options["kind"], view.KIND_LABELS)),
        doc=tuple(bound_multiselect("文档", "doc", options["doc"])),
        q=st.text_input("搜索指标或原句", key="q", bind="query-params", placeholder="例如：投资、工业"),
    )

# ------------------------------------------------------------------------------------------------ main

st.title("经济指标看板")

if not docs.texts:
    st.info(
        "还没有文档。在左侧**上传文件**（" + "、".join(suffixes) + "）、**粘贴文本**，或打开**示例文档**。",
        icon=":material/upload_file:",
    )
    st.stop()

if table.empty:
    st.info(
        "这些文档里没有找到数字事实。换一篇含有统计数字的公报或新闻（例如“完成投资300.1亿元，同比增长7.1%”），"
        "或在左侧上传其他文件。",
        icon=":material/search_off:",
    )
    st.stop()

facts = view.filter_facts(table, filters)
st.caption(f"显示 {len(facts)} / {len(table)} 条事实 · {len(docs.texts)} 篇文档")

if facts.empty:
    st.info(
        "当前筛选没有匹配的事实。放宽或清除左侧的筛选条件（分享的链接里也可以删掉对应的参数）。",
        icon=":material/filter_alt_off:",
    )
    st.stop()

with st.container(horizontal=True):
    for tile in view.choose_tiles(facts):
        st.metric(tile.label, tile.value, help=tile.help, border=True)

with st.container(horizontal=True):
    st.download_button(
        "下载 CSV", data=to_csv_bytes(facts), file_name="indicators.csv", mime="text/csv",
        on_click="ignore", key="download_csv", icon=":material/download:",
        help="当前筛选出的事实，UTF-8（带 BOM，Excel 可直接打开）",
    )
    st.download_button(
        "下载 JSON", data=to_json_bytes(facts), file_name="indicators.json", mime="application/json",
        on_click="ignore", key="download_json", icon=":material/data_object:",
    )


def show_charts() -> None:
    left, right = st.columns(2)
    left.plotly_chart(charts.facts_per_topic(facts, labels, colours), key="chart_topics")
    with right:
        units = charts.growth_units(facts)
        for unit in units:
            st.plotly_chart(charts.growth_rates(facts, unit), key=f"chart_growth_{unit}")
        if not units:
            st.info("当前筛选里没有增长率。")
    value_units = charts.value_units(facts)
    if value_units:
        unit = st.selectbox(
            "数值图的单位（一张图只用一种单位）", value_units, key="unit", format_func=view.display_unit
        )
        st.plotly_chart(charts.values_by_indicator(facts, unit), key="chart_values")


def show_table() -> None:
    event = st.dataframe(
        view.table_view(facts, labels),
        hide_index=True,
        key="table",
        on_select="rerun",
        selection_mode="single-row",
        column_config=TABLE_COLUMNS,
    )
    rows = event.selection.rows if event is not None else []
    if rows:
        fact = facts.iloc[rows[0]]
        before, mention, after = view.context_window(docs.texts[fact["source"]], fact["start"], fact["end"])
        st.markdown(f"**{view.fact_label(fact)}** · {fact['source']}")
        st.html(highlight.context_html(before, mention, after))
    else:
        st.caption("选中表格中的一行，这里会显示它在原文中的上下文。")


def show_text() -> None:
    name = st.selectbox("文档", list(docs.texts), key="text_doc")
    shown = facts[facts["source"] == name]
    st.caption(f"标出了本文档中符合筛选的 {len(shown)} 条事实；鼠标悬停查看数值、单位和指标。")
    st.html(highlight.legend_html(colours, labels, view.distinct(shown["topic"])))
    st.html(highlight.highlight_html(docs.texts[name], shown, colours, labels))


# Only the open tab runs (on_change="rerun"): the first paint sends the charts, not the table and text.
for tab, show in zip(
    st.tabs(["图表", "表格", "原文"], key="view", on_change="rerun"), (show_charts, show_table, show_text), strict=True
):
    if tab.open:
        with tab:
            show()
