"""Regions: names to official names and codes (tests/tables/region_names.tsv) and the region of a fact
in a sentence, given the document's region (tests/tables/regions.tsv)."""

from __future__ import annotations

import pytest
from tables_loader import table_params

import indicators
from indicators.lang import regions
from indicators.lang.gazetteer import town_names, village_names
from indicators.lang.regions import lookup

NAMES = table_params("region_names.tsv", 5)
SENTENCES = table_params("regions.tsv", 5)


@pytest.mark.parametrize("name,within,official,code,level", NAMES)
def test_region_name(name, within, official, code, level):
    found = lookup(name, within)
    assert ((found.name, found.code, found.level) if found else ("", "", "")) == (official, code, level)


@pytest.mark.parametrize("doc_region,text,mention,region_name,region_code", SENTENCES)
def test_region_of_a_fact(doc_region, text, mention, region_name, region_code):
    table = indicators.extract(text, doc_region=doc_region or None)
    rows = table[table["mention"] == mention]
    assert len(rows) == 1, f"{mention!r} not found once in {table['mention'].tolist()}"
    row = rows.iloc[0]
    assert (row["region_name"], row["region_code"]) == (region_name, region_code)


@pytest.mark.parametrize("text,towns", [
    ("分乡镇看：\n——和平镇规上工业增加值33.85亿元。", {"和平镇"}),      # 和 opening an entry is the name's
    ("和平镇今年新增企业12家。", {"和平镇"}),
    ("（与安镇）新增企业12家。", {"与安镇"}),
    ("泗安镇和林城镇分别新增企业8家、5家。", {"泗安镇"}),            # after a word 和 joins: no 和林城镇
    ("煤山镇与平安镇结对共建。", {"煤山镇"}),
    ("，和谐乡村建设扎实推进。", set()),
    ("星火朝鲜族乡是远近闻名的“水稻之乡”。", set()),     # a place famed for rice, no town 水稻之乡
])
def test_town_names_and_the_joiner_before_them(text, towns):
    assert town_names(text) == towns


def test_the_tables_are_large_and_have_negative_cases():
    assert len(NAMES) + len(SENTENCES) >= 50
    assert sum(1 for p in NAMES if not p.values[2]) >= 10          # names that must not resolve
    national_mentions = [p for p in SENTENCES if p.values[0] == "全国" and p.values[3] == "全国"]
    assert len(national_mentions) >= 12                             # places only mentioned


def test_load_reads_the_gazetteer_ahead_of_the_first_lookup():
    regions._index.cache_clear()
    regions.load()
    assert regions._index.cache_info().currsize == 1
    before = regions._index.cache_info().hits
    assert regions.lookup("安徽").code == "340000"
    assert regions._index.cache_info().hits == before + 1   # answered from what load read


@pytest.mark.parametrize("text,villages", [
    ("走进依汶镇朱家庄村的蔬菜大棚。", {"朱家庄村"}),          # after its town
    ("在新河村，种粮大户李国华正带着工人平整秧田。", {"新河村"}),     # set as a scene
    ("在隔壁的三星村，合作社有社员86户。", {"三星村"}),           # (a numeral opens a name)
    ("在另一个村庄长坪村，新装路灯120盏。", {"长坪村"}),
    ("光山县泼陂河镇黄湾村的茶园。", {"黄湾村"}),
    ("全县农村居民人均可支配收入增长6.8%。", set()),          # the countryside
    ("点头镇乡村振兴示范镇建设。", set()),
    ("在各村，共建成活动场所12个。在贫困村，新建道路8公里。", set()),    # scopes and kinds of villages
    ("全县三个村，在两村，镇十多个村。", set()),                # counts of villages
    ("老县镇强村公司实现收入50万元，新市镇创建村精品村2个。", set()),   # slogans
    ("茶山街道丽华新村社区，沂南县竹泉村景区。", set()),         # a community, a scenic area
    ("县城中村改造，镇中心村建设，镇所辖村。", set()),
])
def test_village_names(text, villages):
    assert village_names(text) == villages
