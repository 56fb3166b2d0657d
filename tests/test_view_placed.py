"""The dashboard table shows where each fact sits in time and space."""

from __future__ import annotations

from decimal import Decimal

import pytest

from indicators.app import view
from indicators.schema import Fact, facts_to_frame


@pytest.mark.parametrize("start,end,grain,label", [
    ("2024-01-01", "2024-12-31", "year", "2024年"),
    ("2016-01-01", "2020-12-31", "multi_year", "2016-2020年"),
    ("2024-01-01", "2024-06-30", "half", "2024年上半年"),
    ("2024-07-01", "2024-12-31", "half", "2024年下半年"),
    ("2024-07-01", "2024-09-30", "quarter", "2024年三季度"),
    ("2024-01-01", "2024-09-30", "ytd", "2024年1-9月"),
    ("2024-07-01", "2024-07-31", "month", "2024年7月"),
    ("2024-03-01", "2024-05-31", "month", "2024年3-5月"),
    ("2024-12-31", "2024-12-31", "day", "2024年12月31日"),
    ("2024-06-19", "2024-06-21", "day", "2024年6月19日至21日"),
    ("2024-09-30", "2024-10-06", "day", "2024年9月30日至10月6日"),
    ("", "", "", ""),
])
def test_dates_label(start, end, grain, label):
    assert view.dates_label(start, end, grain) == label


def test_table_shows_dates_region_indicator_and_modality():
    frame = facts_to_frame([
        Fact(0, 4, "5%左右", Decimal(5), "%", "approx", "growth", indicator="国内生产总值增长",
             period_start="2025-01-01", period_end="2025-12-31", period_grain="year", region_name="全国",
             region_code="100000", indicator_id="gdp", indicator_name="国内生产总值", modality="target"),
        Fact(5, 9, "697个", Decimal(697), "个", "exact", "count", indicator="项目"),
    ])
    out = view.table_view(frame, {})
    assert out.loc[0, ["modality", "dates", "region_name", "indicator_name"]].tolist() == [
        "目标", "2025年", "全国", "国内生产总值"]
    assert out.loc[1, ["modality", "dates", "region_name", "indicator_name"]].tolist() == ["实际", "", "", ""]
