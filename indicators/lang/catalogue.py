"""The catalogue of indicators (``indicators/lang/data/indicators.toml``, a file a user can edit):
canonical ids, names, unit families, topics, and the words that name each indicator in a phrase.

    >>> load_catalogue().match("国内生产总值比上年增长", "growth", "%").id
    'gdp'
    >>> load_catalogue().match("第一产业增加值增长", "growth", "%").id
    'primary_industry_value_added'
    >>> load_catalogue().match("占国内生产总值的比重", "ratio", "%") is None
    True
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import ahocorasick

from .gazetteer import place_names
from .paths import read_data
from .patterns import lexicon

DEFAULT_CATALOGUE = "indicators.toml"
# The kinds of figure each unit family takes: a money indicator is reported as an amount or its
# growth, a rate as a ratio or its change, a price as its change or an index level.
UNIT_FAMILIES: dict[str, frozenset[str]] = {
    "money": frozenset({"money", "growth"}),
    "count": frozenset({"count", "growth"}),
    "quantity": frozenset({"quantity", "growth"}),
    "area": frozenset({"area", "growth"}),
    "rate": frozenset({"ratio", "growth"}),
    "price": frozenset({"growth", "index", "ratio"}),
}
# A change of a level in percentage points is no growth of an amount (高于全国0.5个百分点 is a gap).
_POINTS = "百分点"
_DERIVED_REACH = 4      # a derived word counts when it follows the name within this many characters
_MEMO_SIZE = 65536


_LEVEL_KINDS = frozenset({"count", "money", "quantity", "area", "duration"})   # (比上年增加19天: no level of any entry)


@cache
def _level_kind(unit: str) -> str:
    """The kind of level a unit counts (元 money, 吨 quantity, 人 count, 亩 area; 吨/日 as 吨), or ""
    for a unit of rates and for an unknown unit."""
    kinds = {info.unit: info.kind for info in lexicon().units.values()}
    kind = kinds.get(unit.split("/")[0], "")
    return kind if kind in _LEVEL_KINDS else ""


# 对东盟进出口, 对共建一带一路国家出口: a partner named between 对 and the measure (not 对外贸易, the whole).
PARTNER_LEAD = re.compile(r"对(?!外)")
# Words that may stand right before 出口/进口/进出口 of the total trade (实现进出口总额, 全市进出口): any other
# noun there names one class of goods or traders (集成电路出口, 汽车出口, 民营企业进出口).
_TRADE_TOTAL_LEADS = ("实现", "完成", "累计", "全年", "合计", "共", "外贸", "我国", "全国", "全省", "全市", "全县", "全区", "我省",
                      "我市", "我县", "我区", "本市", "海关", "对外贸易", "其中", "同期")


def _names_goods(before: str) -> bool:
    """Whether the words before a trade verb name goods or traders (集成电路, 汽车), not the total's lead
    or a place (临河市货物贸易进出口, 广东进出口)."""
    if not before or not "\u4e00" <= before[-1] <= "\u9fff" or before.endswith(_TRADE_TOTAL_LEADS):
        return False
    if before[-1] in _PLACE_ENDS:
        return False
    names = place_names()
    return not any(before[-k:] in names for k in range(2, min(len(before), _PLACE_REACH) + 1))


_PLACE_ENDS = "省市县区州旗国"
_PLACE_REACH = 8


_PARTNER = re.compile(PARTNER_LEAD.pattern + r"[\u4e00-\u9fff“”\"、]{1,16}$")      # 对东盟、欧盟分别进出口: partners too


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str            # Chinese name (column indicator_name)
    en: str
    unit: str            # unit family, a key of UNIT_FAMILIES
    topic: str
    names: tuple[str, ...]
    growth_names: tuple[str, ...] = ()

    def takes(self, kind: str, unit: str) -> bool:
        """Whether a figure of this kind and unit can measure the indicator. A change counted in a
        level's unit measures an indicator of that level's family only (比上年增加1839亿元 is money,
        no grain output; 增加3175万亩 is an area)."""
        if kind not in UNIT_FAMILIES[self.unit]:
            return False
        if kind == "growth" and unit == _POINTS:
            return self.unit == "rate"
        level = _level_kind(unit) if kind == "growth" else ""
        return not level or level == self.unit or (self.unit == "price" and level == "money")


@dataclass(frozen=True)
class Catalogue:
    indicators: dict[str, Indicator]
    derived_after: tuple[str, ...]
    derived_before: tuple[str, ...]
    _automaton: ahocorasick.Automaton | None
    verbs: frozenset[str] = frozenset()      # names that are verbs: a noun after one is its object
    verb_tails: tuple[str, ...] = ()         # what may follow such a name and keep it the indicator
    _memo: dict = field(default_factory=dict, compare=False, repr=False)   # phrases repeat: match each once

    def match(self, phrase: str, kind: str, unit: str = "") -> Indicator | None:
        """The indicator a fact's phrase names, or None.

        Every name in the phrase is found (leftmost-longest); the one nearest the end of the
        phrase (nearest the figure) that suits the figure's kind and unit wins. A name followed by a
        derived word (比重, 贡献率, 能耗) or preceded by one (占, 单位) names another figure's base,
        not this figure.
        """
        if not phrase or self._automaton is None:
            return None
        key = (phrase, kind, unit)
        if key not in self._memo:
            if len(self._memo) > _MEMO_SIZE:
                self._memo.clear()
            self._memo[key] = self._match(phrase, kind, unit)
        return self._memo[key]

    def _match(self, phrase: str, kind: str, unit: str) -> Indicator | None:
        for end, (key, growth_only, word) in reversed(list(self._automaton.iter_long(phrase))):
            indicator = self.indicators[key]
            if (growth_only and kind != "growth") or not indicator.takes(kind, unit):
                continue
            tail = phrase[end + 1:end + 1 + _DERIVED_REACH + self._longest_derived]
            if any(w in tail[:_DERIVED_REACH + len(w)] for w in self.derived_after if w[0] in tail):
                continue
            if phrase[:end + 1 - len(word)].endswith(self.derived_before):
                continue
            if _PARTNER.search(phrase, 0, end + 1 - len(word)):
                continue                 # 对欧盟进出口: the trade with one partner, not the total
            if word in self.verbs and end + 1 < len(phrase) and not phrase.startswith(self.verb_tails, end + 1):
                continue                 # 出口机电产品, 进口铁矿砂: one class of goods, not the total
            if word in self.verbs and _names_goods(phrase[:end + 1 - len(word)]):
                continue                 # 集成电路出口, 汽车出口: likewise
            return indicator
        return None

    @property
    def _longest_derived(self) -> int:
        return max(map(len, self.derived_after), default=0)

    def get(self, indicator_id: str) -> Indicator | None:
        return self.indicators.get(indicator_id)


def parse_catalogue(text: str, origin: str = DEFAULT_CATALOGUE) -> Catalogue:
    """The catalogue from TOML text; ValueError naming the file and the entry when it is malformed."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{origin}: not valid TOML: {exc}") from None
    derived = data.pop("derived", {})
    indicators: dict[str, Indicator] = {}
    for key, entry in data.items():
        where = f"{origin}: indicator {key!r}"
        if not (key.isascii() and key.replace("_", "").isalnum() and key == key.lower()):
            raise ValueError(f"{where}: the id must be lower-case ASCII letters, digits and _")
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: must be a table")
        for name in ("name", "en", "unit", "topic"):
            if not isinstance(entry.get(name), str) or not entry[name]:
                raise ValueError(f"{where}: needs a string {name!r}")
        if entry["unit"] not in UNIT_FAMILIES:
            raise ValueError(f"{where}: unit {entry['unit']!r} is not one of {', '.join(UNIT_FAMILIES)}")
        names = entry.get("names", [])
        growth = entry.get("growth_names", [])
        if not names or not all(isinstance(n, str) and n for n in [*names, *growth]):
            raise ValueError(f"{where}: needs a list of words in 'names'")
        indicators[key] = Indicator(key, entry["name"], entry["en"], entry["unit"], entry["topic"],
                                    tuple(names), tuple(growth))
    owner: dict[str, str] = {}
    automaton = ahocorasick.Automaton()
    for key, indicator in indicators.items():
        for word, growth_only in [*((n, False) for n in indicator.names), *((n, True) for n in indicator.growth_names)]:
            if word in owner and owner[word] != key:
                raise ValueError(f"{origin}: {word!r} names both {owner[word]!r} and {key!r}")
            owner[word] = key
            automaton.add_word(word, (key, growth_only, word))
    automaton.make_automaton()
    return Catalogue(indicators, tuple(derived.get("after", ())), tuple(derived.get("before", ())),
                     automaton if owner else None, frozenset(derived.get("verbs", ())),
                     tuple(derived.get("verb_tails", ())))


@cache
def load_catalogue(path: str | None = None) -> Catalogue:
    """The catalogue from ``path``, or the default one shipped in ``indicators/lang/data/indicators.toml``."""
    if path is None:
        return parse_catalogue(read_data(DEFAULT_CATALOGUE), DEFAULT_CATALOGUE)
    return parse_catalogue(Path(path).read_text("utf-8"), str(path))
