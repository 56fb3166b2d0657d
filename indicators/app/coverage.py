"""Where the corpus is thin: which indicators are stated for which years, as a heat-map matrix.

Takes the frame ``Corpus.coverage`` returns (indicator_id, region_name, year, facts); pure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from .charts import label_margin
from .series import _layout


def coverage_matrix(coverage: pd.DataFrame, names: Mapping[str, str], *, regions: Sequence[str] = (),
                    limit: int = 40) -> pd.DataFrame:
    """Facts per indicator (rows, by catalogue name, most stated first) and year (columns, every year
    from the first to the last, so a gap shows as 0), summed over ``regions`` (all when empty); at
    most ``limit`` indicators. Facts with no indicator or no year are not counted."""
    rows = coverage[coverage["indicator_id"].astype(bool) & coverage["year"].notna()]
    if regions:
        rows = rows[rows["region_name"].isin(list(regions))]
    if rows.empty:
        return pd.DataFrame()
    rows = rows.assign(year=rows["year"].astype(int))
    table = rows.pivot_table(index="indicator_id", columns="year", values="facts", aggfunc="sum", fill_value=0)
    years = range(int(table.columns.min()), int(table.columns.max()) + 1)
    table = table.reindex(columns=list(years), fill_value=0)
    order = table.sum(axis=1).sort_values(ascending=False, kind="stable").index[:limit]
    table = table.loc[order]
    table.index = [names.get(i, i) for i in table.index]
    return table.astype(int)


def coverage_figure(matrix: pd.DataFrame, title: str = "") -> go.Figure:
    """The matrix as a heat map: white where nothing is stated, darker the more facts."""
    fig = go.Figure()
    if matrix.empty:
        return _layout(fig, title or "没有数据")
    fig.add_trace(go.Heatmap(
        z=matrix.to_numpy(), x=[str(c) for c in matrix.columns], y=list(matrix.index),
        colorscale=[[0, "#ffffff"], [1e-9, "#deebf7"], [1, "#08519c"]], xgap=1, ygap=1,
        hovertemplate="%{y} · %{x}年：%{z} 条<extra></extra>", colorbar=dict(title="事实数"),
    ))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(type="category")
    # room for the indicators' names, the colour bar and the years (what Plotly's automargin widens the
    # margins to: given these, it lays the map out once)
    return _layout(fig, title, height=max(320, 90 + 18 * len(matrix)),
                   margin=dict(l=label_margin(matrix.index) + 12, r=90, b=64))
