"""A dashboard view as URL parameters and back: every view can be bookmarked and shared.

    >>> encode_state(ViewState(view="series", indicator="gdp", kind="growth", regions=("全国",)))
    {'view': 'series', 'indicator': 'gdp', 'kind': 'growth', 'region': ['全国']}
    >>> decode_state({"view": "series", "indicator": "gdp", "kind": "growth", "region": "全国"}).regions
    ('全国',)

Parameter names are ASCII and stable (shared links depend on them); values are ids (gdp, growth),
official region names (全国, 安徽省) and ISO years. ``region`` is the chosen regions of the series,
targets and coverage views; ``in`` the one region of the facts view. Only parameters that differ from the defaults are
written, so a link stays short; a value that is not valid is dropped when read, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from urllib.parse import urlencode

from ..schema import GRAINS, KINDS

#: The views, by URL value, with their tab labels (Chinese name / URL name).
VIEWS: dict[str, str] = {
    "series": "指标",
    "compare": "对比",
    "targets": "目标与实际",
    "coverage": "覆盖",
    "documents": "文档",
    "facts": "事实",
}
DEFAULT_VIEW = "series"
DEFAULT_INDICATOR = "gdp"
DEFAULT_KIND = "growth"
DEFAULT_REGION = "全国"


@dataclass(frozen=True)
class ViewState:
    """What a view shows. Empty values mean the view's default."""

    view: str = DEFAULT_VIEW
    indicator: str = DEFAULT_INDICATOR
    kind: str = DEFAULT_KIND
    regions: tuple[str, ...] = (DEFAULT_REGION,)
    grain: str = "year"
    year: str = ""          # the period of the compare view (YYYY); '' = the latest with data
    log: bool = False       # log scale of the series chart
    doc: str = ""           # the document shown in the documents view
    topic: str = ""         # the facts view's topic (a taxonomy key); '' = every topic
    q: str = ""             # the facts view's search in sentences
    region: str = ""        # the facts view's region; '' = every region


# URL parameter of each field (region is singular in the URL: ?region=全国&region=安徽省).
_PARAMS = {"view": "view", "indicator": "indicator", "kind": "kind", "regions": "region", "grain": "grain",
           "year": "year", "log": "log", "doc": "doc", "topic": "topic", "q": "q", "region": "in"}
_TOPIC_KEY = re.compile(r"[a-z_]{1,40}")
_DEFAULTS = ViewState()


def _first(value: object) -> str:
    if isinstance(value, list | tuple):
        value = value[0] if value else ""
    return value.strip() if isinstance(value, str) else ""


def _all(value: object) -> list[str]:
    values = value if isinstance(value, list | tuple) else [value]
    seen: dict[str, None] = {}
    for v in values:
        if isinstance(v, str) and v.strip():
            seen.setdefault(v.strip(), None)
    return list(seen)


def decode_state(params: Mapping[str, object], *, indicators: Mapping[str, object] | None = None) -> ViewState:
    """The view a URL asks for. Unknown views, kinds, grains and (when ``indicators`` is given)
    indicator ids fall back to the defaults; a year must be four digits; regions are kept as written
    (the page offers only regions that have data)."""
    state = _DEFAULTS
    view = _first(params.get("view"))
    if view in VIEWS:
        state = replace(state, view=view)
    indicator = _first(params.get("indicator"))
    if indicator and (indicators is None or indicator in indicators):
        state = replace(state, indicator=indicator)
    kind = _first(params.get("kind"))
    if kind in KINDS:
        state = replace(state, kind=kind)
    if "region" in params:
        regions = _all(params.get("region"))
        state = replace(state, regions=tuple(regions[:12]))
    grain = _first(params.get("grain"))
    if grain in GRAINS:
        state = replace(state, grain=grain)
    year = _first(params.get("year"))
    if len(year) == 4 and year.isdigit():
        state = replace(state, year=year)
    if _first(params.get("log")) in {"1", "true"}:
        state = replace(state, log=True)
    doc = _first(params.get("doc"))
    if doc:
        state = replace(state, doc=doc[:200])
    topic = _first(params.get("topic"))
    if _TOPIC_KEY.fullmatch(topic):
        state = replace(state, topic=topic)
    q = _first(params.get("q"))
    if q:
        state = replace(state, q=q[:100])
    within = _first(params.get("in"))
    if within:
        state = replace(state, region=within[:40])
    return state


def encode_state(state: ViewState) -> dict[str, str | list[str]]:
    """URL parameters of ``state``: the view always, then every field that differs from the default
    (a view's indicator, kind and region are always written so a link says what it shows)."""
    out: dict[str, str | list[str]] = {}
    always = {"view", "indicator", "kind", "regions"}
    for f in fields(ViewState):
        value = getattr(state, f.name)
        if f.name not in always and value == getattr(_DEFAULTS, f.name):
            continue
        key = _PARAMS[f.name]
        if isinstance(value, tuple):
            out[key] = list(value)
        elif isinstance(value, bool):
            out[key] = "1"
        else:
            out[key] = value
    return out


def state_query(state: ViewState) -> str:
    """``state`` as a query string (?view=series&indicator=gdp…), for links and tests."""
    return "?" + urlencode(encode_state(state), doseq=True)
