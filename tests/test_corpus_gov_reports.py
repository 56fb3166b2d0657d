"""The State Council work reports 1954–2025 ingested into a store: a second ingest reads nothing, and
the GDP growth series of 全国 has one outcome per year and one target per report year, each with its
sentence, matching the series labelled by hand (tests/data/gov_work_reports/series.csv)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from indicators.batch.ingest import ingest
from indicators.corpus import open_corpus

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpora" / "gov-work-reports"
LABELS = REPO / "tests" / "data" / "gov_work_reports" / "series.csv"
# Labelled figures the engine does not extract (see tests/test_gov_work_reports.py): not the series' doing.
ENGINE_MISSES: dict[tuple[str, str, str], str] = {}   # none at present


def _gdp_rows() -> list[dict]:
    with LABELS.open(encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if r["indicator"] == "gdp" and r["value"]]


def _labelled(modality: str) -> int:
    """How many yearly figures of this modality are labelled and extracted by the engine."""
    return sum(1 for r in _gdp_rows() if r["modality"] == modality and r["grain"] == "year"
               and (r["file"], r["modality"], r["period_start"]) not in ENGINE_MISSES)


def _gdp_labels() -> list:
    params = []
    for row in _gdp_rows():
        key = (row["file"], row["modality"], row["period_start"])
        marks = [pytest.mark.xfail(reason=ENGINE_MISSES[key], strict=True)] if key in ENGINE_MISSES else []
        params.append(pytest.param(row, id=":".join(key) + f":{row['grain']}", marks=marks))
    return params


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    db = tmp_path_factory.mktemp("store") / "reports.duckdb"
    first = ingest([str(CORPUS)], db, jobs=2)
    assert first.failures == [] and first.extracted == first.files > 50
    again = ingest([str(CORPUS)], db, jobs=2)
    assert (again.extracted, again.unchanged) == (0, first.files)
    return open_corpus(db)


@pytest.fixture(scope="module")
def gdp(corpus):
    series = corpus.series("gdp", kind="growth", region="全国")
    return series[series["unit"] == "%"]


def test_one_outcome_per_year_and_one_target_per_report_year(gdp):
    yearly = gdp[gdp["period_grain"] == "year"]
    assert not yearly.duplicated(["modality", "period_start"]).any()
    targets = yearly[yearly["modality"] == "target"]
    assert len(targets) >= _labelled("target")
    # a report's target is for the year it is delivered in, and a report states one
    assert (targets["period_start"].str[:4] == targets["doc_date"].str[:4]).all()
    assert not targets["doc_id"].duplicated().any()
    outcomes = yearly[yearly["modality"] == "actual"]
    assert len(outcomes) >= _labelled("actual")
    assert (outcomes["vintages"] >= 1).all()
    for row in yearly.itertuples():
        # the sentence is the layout's (line breaks and the spaces of 8 ．8 ％ left out); the mention the file's
        assert "".join(row.mention.split()) in row.sentence


def test_each_point_is_the_sentence_in_its_document(corpus, gdp):
    for row in gdp.head(20).itertuples():
        assert corpus.document_text(row.doc_id)[row.start:row.end] == row.mention


@pytest.mark.parametrize("label", _gdp_labels())
def test_labelled_gdp_growth_is_the_series_point(gdp, label):
    average = label["grain"] == "multi_year"       # the labelled multi-year figures are per-year averages
    point = gdp[(gdp["modality"] == label["modality"]) & (gdp["period_start"] == label["period_start"])
                & (gdp["period_end"] == label["period_end"]) & (gdp["average"] == average)]
    assert len(point) == 1, f"no series point for {label['quote']}"
    row = point.iloc[0]
    assert row["value"] == float(label["value"]), (row["mention"], label["quote"])
    assert row["qualifier"] == label["qualifier"]
    assert Path(row["doc"]).name == label["file"]
