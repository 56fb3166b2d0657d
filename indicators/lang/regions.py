"""Region names to official names and 6-digit administrative division codes, from the adcode table
the gazetteer uses (``cpca``).

    >>> lookup("鞍山")
    Region(name='鞍山市', code='210300', level='市')
    >>> lookup("全国")
    Region(name='全国', code='100000', level='国')

A name may be a full name (鞍山市, 岫岩满族自治县), the short name of a province or prefecture (鞍山,
内蒙古, 广西), the country (全国, 我国, 中国) or a macro-region (西部地区, 长三角), which has no code. A
name shared by several divisions (朝阳区 in Beijing and Changchun) is resolved by the region the
document is about (``within``), else it stays unresolved: no code is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import vocab as V
from .gazetteer import adcode_rows, county_alias, county_short_name, short_names

LEVELS = ("国", "省", "市", "县", "区域")   # country, province, prefecture, county, macro-region


@dataclass(frozen=True)
class Region:
    name: str      # official full name (安徽省, 鞍山市) or 全国, or the macro-region's name
    code: str      # 6-digit division code; 全国 is 100000; '' for a macro-region
    level: str     # one of LEVELS


NATIONAL = Region("全国", "100000", "国")
_COUNTRY_NAMES = frozenset({*V.COUNTRY_SCOPES, "中国", "全国各地", "中华人民共和国", "全国范围"})
# Statistical and policy macro-regions: places a figure can be about, but not divisions with a code.
_MACRO = {
    "东部地区": "东部地区", "中部地区": "中部地区", "西部地区": "西部地区", "东北地区": "东北地区",
    "东部": "东部地区", "中部": "中部地区", "西部": "西部地区", "东北": "东北地区",
    "中西部地区": "中西部地区", "中西部": "中西部地区",
    "长三角": "长江三角洲地区", "长江三角洲": "长江三角洲地区", "长江三角洲地区": "长江三角洲地区",
    "珠三角": "珠江三角洲地区", "珠江三角洲": "珠江三角洲地区", "珠江三角洲地区": "珠江三角洲地区",
    "京津冀": "京津冀地区", "京津冀地区": "京津冀地区",
    "粤港澳大湾区": "粤港澳大湾区", "成渝地区": "成渝地区", "成渝地区双城经济圈": "成渝地区",
    "长江经济带": "长江经济带", "黄河流域": "黄河流域",
    "中部六省": "中部地区", "东北三省": "东北地区",
    "雄安新区": "雄安新区", "雄安": "雄安新区",
    **{name: name for name in ("成都平原经济区", "川南经济区", "川东北经济区", "攀西经济区", "川西北生态示范区",
                               "豫东", "豫北", "豫南", "豫西", "苏南", "苏北", "苏中", "皖北", "皖南", "陕北", "陕南")},     # a state new area over three of 保定's counties, with no code of its own
}


# The provinces (by the first two digits of their codes) each whole-province macro-region spans, in the
# statistical bureau's and the State Council's definitions: a province's document naming 长江经济带 or
# 中部地区 names a region its own place lies in, as it might name 全国.
_EAST, _CENTRE = ("11", "12", "13", "31", "32", "33", "35", "37", "44", "46"), ("14", "34", "36", "41", "42", "43")
_WEST = ("15", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65")
_MACRO_PROVINCES = {name: frozenset(codes) for name, codes in {
    "东部地区": _EAST, "中部地区": _CENTRE, "西部地区": _WEST, "东北地区": ("21", "22", "23"),
    "中西部地区": _CENTRE + _WEST, "长江三角洲地区": ("31", "32", "33", "34"), "京津冀地区": ("11", "12", "13"),
    "长江经济带": ("31", "32", "33", "34", "36", "42", "43", "50", "51", "52", "53"),
    "黄河流域": ("14", "15", "37", "41", "51", "61", "62", "63", "64"),
}.items()}


def _level(code: str) -> str:
    return "省" if code[2:6] == "0000" else "市" if code[4:6] == "00" else "县"


@cache
def _index() -> tuple[dict[str, tuple[Region, ...]], dict[str, Region]]:
    """name -> every division of that name (full names, then short names); code -> division."""
    by_name: dict[str, list[Region]] = {}
    by_code: dict[str, Region] = {}
    shorts: list[tuple[str, Region]] = []
    county_shorts: list[tuple[str, Region]] = []
    aliases: list[tuple[str, Region]] = []
    for long_code, name in adcode_rows():
        if not name or "辖" in name:           # 市辖区, 省直辖县级行政区划: not places
            continue
        code = long_code[:6]
        region = Region(name, code, _level(code))
        by_code.setdefault(code, region)
        by_name.setdefault(name, []).append(region)
        if region.level in ("省", "市"):
            shorts.extend((short, region) for short in short_names(name))
        else:
            if short := county_short_name(name):
                county_shorts.append((short, region))
            if alias := county_alias(name):
                aliases.append((alias, region))
    full_names = set(by_name)
    for alias, region in aliases:              # 融水县: a name as good as a full one, where none is the same
        if alias not in full_names:
            by_name.setdefault(alias, []).append(region)
    for short, region in shorts:               # a division's full name wins over another's short name
        if short not in full_names:
            by_name.setdefault(short, []).append(region)
    taken = set(by_name)
    for short, region in county_shorts:        # and a province's or prefecture's short name over a county's
        if short not in taken:                 # (安溪 is 安溪县; 通化 stays the prefecture)
            by_name.setdefault(short, []).append(region)
    return {k: tuple(v) for k, v in by_name.items()}, by_code


def load() -> None:
    """Read the gazetteer now rather than on the first lookup (a server does it before a visitor waits)."""
    _index()


def by_code(code: str) -> Region | None:
    """The division with this 6-digit code (100000 is the country)."""
    if code == NATIONAL.code:
        return NATIONAL
    return _index()[1].get(code)


def candidates(name: str) -> tuple[Region, ...]:
    """Every region the name may stand for, provinces first."""
    name = name.strip()
    if name in _COUNTRY_NAMES:
        return (NATIONAL,)
    if name in _MACRO:
        return (Region(_MACRO[name], "", "区域"),)
    found = _index()[0].get(name, ())
    return tuple(sorted(found, key=lambda r: LEVELS.index(r.level)))


def _inside(region: Region, within: str) -> bool:
    """Whether ``region`` lies in (or is) the division coded ``within``."""
    if not within or not region.code:
        return False
    if within == NATIONAL.code:
        return True
    prefix = within[:2] if within[2:] == "0000" else within[:4] if within[4:] == "00" else within
    return region.code.startswith(prefix)


def lookup(name: str, within: str = "") -> Region | None:
    """The region ``name`` stands for, or None when unknown or ambiguous.

    ``within`` is the code of the region the document is about: among several divisions of one
    name, the one inside it wins. A province wins over a prefecture or county sharing its short
    name (吉林 is 吉林省; 海南 is 海南省, not 海南藏族自治州) unless ``within`` says otherwise.
    """
    found = candidates(name)
    if not found:
        return _compound(name, within)
    if len(found) == 1:
        return found[0]
    inside = [r for r in found if _inside(r, within)]
    if len(inside) == 1:
        return inside[0]
    pool = inside or list(found)
    provinces = [r for r in pool if r.level == "省"]
    if len(provinces) == 1:
        return provinces[0]
    return None


def _compound(name: str, within: str) -> Region | None:
    """A division named with the one it lies in (北京市朝阳区, 湖州市吴兴区): the inner name, looked up
    inside the outer (朝阳区 alone is ambiguous: Beijing's and Changchun's)."""
    for k in range(len(name) - 2, 1, -1):
        outer = lookup(name[:k], within) if name[:k] in _index()[0] else None
        if outer is not None and outer.code and outer.level in ("省", "市"):
            inner = lookup(name[k:], outer.code)
            if inner is not None and _inside(inner, outer.code):
                return inner
    return None


def encloses(outer: Region, inner: Region) -> bool:
    """Whether ``outer`` is a division that ``inner`` lies in, other than ``inner`` itself (柳州市 and 融水苗族自治县),
    or a macro-region spanning ``inner``'s province (长江经济带 and 江西省)."""
    if outer.level == "区域":
        return bool(inner.code) and inner.code[:2] in _MACRO_PROVINCES.get(outer.name, ())
    return outer.code != inner.code and outer.code != NATIONAL.code and _inside(inner, outer.code)


def enclosing(region: Region, level: str) -> Region | None:
    """The division of ``level`` (省 or 市) that ``region`` lies in (itself when of that level); None for
    the country, macro-regions and a level below the region's own."""
    if not region.code or region.code == NATIONAL.code or LEVELS.index(level) > LEVELS.index(region.level):
        return None
    return by_code(region.code[:2] + "0000" if level == "省" else region.code[:4] + "00")
