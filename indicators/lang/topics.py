"""The topic taxonomy (a TOML file a user can edit) and the keyword rule that gives each fact a topic."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick

from .paths import read_data

DEFAULT_TAXONOMY = "topics.toml"
FALLBACK = "other"
_WEAK = 1 / 3


@dataclass(frozen=True)
class Taxonomy:
    labels: dict[str, str]           # key -> Chinese label, in file order
    weights: dict[str, tuple[str, float]]  # keyword -> (topic key, weight)
    automaton: ahocorasick.Automaton | None  # all keywords, matched leftmost-longest

    def scores(self, text: str) -> dict[str, float]:
        """Keyword weight per topic found in ``text``."""
        out: dict[str, float] = {}
        if text and self.automaton is not None:
            for _, (key, w) in self.automaton.iter_long(text):
                out[key] = out.get(key, 0.0) + w
        return out

    def choose(self, *weighted_scores: tuple[dict[str, float], float]) -> str:
        """The topic with the highest combined score; ``other`` when no keyword was found."""
        total: dict[str, float] = {}
        for scores, factor in weighted_scores:
            for key, w in scores.items():
                total[key] = total.get(key, 0.0) + w * factor
        if not total:
            return FALLBACK if FALLBACK in self.labels else next(iter(self.labels))
        return max(total, key=total.__getitem__)

    def classify(self, *texts_by_weight: tuple[str, float]) -> str:
        """Topic key whose keywords weigh most in the given (text, weight) pairs; ``other`` if none."""
        return self.choose(*((self.scores(text), factor) for text, factor in texts_by_weight))


def parse_taxonomy(text: str, origin: str = "taxonomy") -> Taxonomy:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{origin}: not valid TOML: {exc}") from None
    labels: dict[str, str] = {}
    weights: dict[str, tuple[str, float]] = {}
    for key, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("label"), str):
            raise ValueError(f"{origin}: topic {key!r} needs a table with a string 'label'")
        if not key.isascii():
            raise ValueError(f"{origin}: topic key {key!r} must be ASCII (it is used in URLs)")
        labels[key] = entry["label"]
        for word in entry.get("keywords", []):
            weights.setdefault(word, (key, float(len(word))))
        for word in entry.get("weak", []):
            weights.setdefault(word, (key, len(word) * _WEAK))
    automaton = None
    if weights:
        automaton = ahocorasick.Automaton()
        for word, entry in weights.items():
            automaton.add_word(word, entry)
        automaton.make_automaton()
    return Taxonomy(labels, weights, automaton)


@cache
def load_taxonomy(path: str | None = None) -> Taxonomy:
    """The taxonomy from ``path``, or the default one shipped in ``indicators/lang/data/topics.toml``."""
    if path is None:
        text = read_data(DEFAULT_TAXONOMY)
        return parse_taxonomy(text, DEFAULT_TAXONOMY)
    return parse_taxonomy(Path(path).read_text("utf-8"), str(path))


def topic_labels() -> dict[str, str]:
    """Topic key -> Chinese label of the default taxonomy, in file order."""
    return dict(load_taxonomy().labels)
