"""The topic taxonomy (a TOML file a user can edit) and the keyword rule that gives each fact a topic."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
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
                if key in total:
                    total[key] += w * factor
                else:
                    total[key] = w * factor
        if not total:
            return FALLBACK if FALLBACK in self.labels else next(iter(self.labels))
        if len(total) == 1:                 # most phrases name one topic: no comparison to make
            return next(iter(total))
        return max(total, key=total.__getitem__)

    def chooser(self, factor: float, *shared: tuple[dict[str, float], float]) -> Callable[[dict[str, float]], str]:
        """``lambda scores: self.choose((scores, factor), *shared)`` for the many figures that share the
        ``shared`` scores (their sentence's, their section's): those are summed and ranked once, so a
        call sums only the topics of its own scores. The sums are made in the same order as choose
        makes them and ties go the same way (the call's own topics first, then the shared ones in
        order), so the topic is the same to the last bit."""
        shared_total: dict[str, float] = {}
        for scores, _ in shared:
            for key in scores:
                shared_total[key] = 0.0
        for key in shared_total:
            for scores, f in shared:
                shared_total[key] += scores.get(key, 0.0) * f
        ranked = sorted(shared_total.items(), key=itemgetter(1), reverse=True)    # stable: ties keep their order
        fallback = FALLBACK if FALLBACK in self.labels else next(iter(self.labels))

        def choose(scores: dict[str, float]) -> str:
            best_key, best = None, 0.0
            for key, w in scores.items():
                total = w * factor
                for other, f in shared:
                    total += other.get(key, 0.0) * f
                if best_key is None or total > best:
                    best_key, best = key, total
            for key, total in ranked:          # the best of the shared topics the figure's own lack
                if key not in scores:
                    return key if best_key is None or total > best else best_key
            return best_key if best_key is not None else fallback

        return choose

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
