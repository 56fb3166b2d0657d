"""One known fact in many surroundings (phonenumbers-style): the same value, unit, qualifier and kind
must come out at the shifted offset, and the surroundings add no fact of their own.

The contexts are fact-free on purpose: dates, codes, ordinals and slogans are among them, so a
context that produces a row is itself a false positive.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class Known:
    core: str       # a phrase holding exactly one fact
    mention: str
    value: float
    unit: str
    qualifier: str
    kind: str


KNOWN = {
    "investment": Known("完成投资300.1亿元", "300.1亿元", 30010000000.0, "元", "exact", "money"),
    "petitions": Known("受理群众有效诉求26.46万件", "26.46万件", 264600.0, "件", "exact", "count"),
    "growth": Known("同比增长7.1%", "7.1%", 7.1, "%", "exact", "growth"),
    "fall": Known("同比下降2.3%", "2.3%", -2.3, "%", "exact", "growth"),
    "students": Known("惠及学生3.7万余人", "3.7万余人", 37000.0, "人", "more_than", "count"),
    "feedback": Known("办理反馈率达到91.51%", "91.51%", 91.51, "%", "exact", "ratio"),
    "days": Known("开办时间压缩至2个工作日内", "2个工作日", 2.0, "工作日", "at_most", "duration"),
    "area": Known("实际布展面积近2000平方米", "近2000平方米", 2000.0, "平方米", "approx", "area"),
    "workers": Known("千余名职工参加植树", "千余名", 1000.0, "名", "more_than", "count"),
    "points": Known("城镇化率提高1.5个百分点", "1.5个百分点", 1.5, "百分点", "exact", "growth"),
    "gw": Known("新能源装机达到10GW", "10GW", 10.0, "GW", "exact", "quantity"),
    "fullwidth": Known("办结群众诉求２５．４３万件", "２５．４３万件", 254300.0, "件", "exact", "count"),
}

PREFIXES = {
    "none": "",
    "period-cn": "前三季度，",
    "period-ascii": "前三季度,",
    "year": "2023年，",
    "range-months": "1-9月，",
    "date": "11月25日，",
    "region": "鞍山市",
    "source": "据统计，",
    "byline": "本报讯 记者刘家伟报道 ",
    "newline": "\n",
    "blank-lines": "\n\n",
    "spaces": "  ",
    "ideographic-spaces": "\u3000\u3000",
    "speech-quote": "市统计局负责人介绍：“",
    "ascii-quote": '"',
    "paren": "（",
    "ascii-paren": "(",
    "bracket": "【要闻】",
    "latin-word": "ABC ",
    "slogan": "以“两翼一体化”为引领，",
    "code-sentence": "8890平台运行平稳。",
    "fivegee": "5G网络覆盖城乡，",
    "plan": "“十四五”以来，",
    "ordinal": "第十四届博览会期间，",
    "html-ish": "<p>",
    "colon": "其中：",
}

SUFFIXES = {
    "none": "",
    "full-stop": "。",
    "comma": "，",
    "ascii-comma": ",",
    "ascii-stop": ".",
    "semicolon": "；",
    "newline": "\n",
    "stop-blank-lines": "。\n\n",
    "spaces": "  ",
    "close-quote": "”",
    "close-paren": "）",
    "ascii-close-paren": ")",
    "close-bracket": "】",
    "clause": "，位居全省前列。",
    "latin": "。abc",
    "latin-paren": " (ABC)",
    "date-after": "。2024年将继续推进。",
    "ordinal-after": "，其中第一展厅最受欢迎。",
    "exclaim": "！",
    "question": "?",
}


def _check(text: str, k: Known, start: int) -> list[str]:
    from indicators import extract

    rows = extract(text).to_dict("records")
    problems = []
    hits = [r for r in rows if int(r["start"]) == start and r["mention"] == k.mention]
    if not hits:
        got = [(r["mention"], int(r["start"])) for r in rows]
        return [f"{text!r}: missing {k.mention}@{start}, got {got}"]
    r = hits[0]
    for col, want in (("value", k.value), ("unit", k.unit), ("qualifier", k.qualifier), ("kind", k.kind)):
        if r[col] != want:
            problems.append(f"{text!r}: {col} want {want!r} got {r[col]!r}")
    extra = [(r["mention"], int(r["start"])) for r in rows if r is not hits[0]]
    if extra:
        problems.append(f"{text!r}: unexpected rows {extra}")
    return problems


@pytest.mark.parametrize("prefix", list(PREFIXES), ids=list(PREFIXES))
@pytest.mark.parametrize("fact", list(KNOWN), ids=list(KNOWN))
def test_fact_in_context(fact: str, prefix: str) -> None:
    k, pre = KNOWN[fact], PREFIXES[prefix]
    problems: list[str] = []
    for post in SUFFIXES.values():
        text = pre + k.core + post
        problems += _check(text, k, len(pre) + k.core.index(k.mention))
    assert not problems, "\n".join(problems)


# A digit or Latin letter glued to the front of an Arabic number makes it a code (G5000, K1234):
# no fact there. Anything else in front leaves the fact alone.
BLOCKING = ["G", "K", "No.", "x", "Ｇ", "SN", "Ｋ"]
NOT_BLOCKING = ["栽植刺槐", "，", ",", " ", "\n", "“", "(", "共", "、", "：", ":", "a "]


@pytest.mark.parametrize("glue", BLOCKING)
def test_latin_letter_or_code_mark_blocks(glue: str) -> None:
    from indicators import extract

    text = f"全年共栽植{glue}5000株。"
    start = text.index("5000株")
    rows = extract(text).to_dict("records")
    assert not [r for r in rows if int(r["start"]) <= start < int(r["end"])], rows


@pytest.mark.parametrize("glue", NOT_BLOCKING)
def test_other_neighbours_do_not_block(glue: str) -> None:
    text = f"全年{glue}5000株"
    assert not _check(text, Known("5000株", "5000株", 5000.0, "株", "exact", "count"), text.index("5000株"))


# Two facts in a row, whatever separates them (the sample page has "300.1亿元,  \n同比增长7.1%").
SEPARATORS = [",", "，", ",  \n", "，\n\n", "；", ";", " ", "\n", "。", "\r\n", "、", ",\u3000"]


@pytest.mark.parametrize("sep", SEPARATORS, ids=[repr(s) for s in SEPARATORS])
def test_two_facts_any_separator(sep: str) -> None:
    from indicators import extract

    text = f"前三季度，完成投资300.1亿元{sep}同比增长7.1%。"
    rows = extract(text)
    got = [(r["mention"], int(r["start"]), r["value"], r["unit"], r["kind"]) for r in rows.to_dict("records")]
    i = text.index("300.1")
    j = text.index("7.1%")
    assert got == [
        ("300.1亿元", i, 30010000000.0, "元", "money"),
        ("7.1%", j, 7.1, "%", "growth"),
    ]


# A layout line break inside the phrase, between the indicator words and the number.
@pytest.mark.parametrize("brk", ["\n", "\n\n", " \n", "\r\n", "\n\u3000\u3000"], ids=repr)
@pytest.mark.parametrize("fact", ["investment", "petitions", "feedback", "area"])
def test_line_break_before_number(fact: str, brk: str) -> None:
    k = KNOWN[fact]
    at = k.core.index(k.mention)
    text = "前三季度，" + k.core[:at] + brk + k.core[at:] + "。"
    assert not _check(text, k, text.index(k.mention))


# A line break inside the mention (a PDF wraps the line between the number and its unit): the figure
# is read from the laid-out paragraph and its span is the document's, the break included.
@pytest.mark.parametrize("brk", ["\n", "\r\n", "\n\u3000\u3000"], ids=repr)
def test_line_break_inside_the_mention(brk: str) -> None:
    from indicators import extract

    text = ("1-7月，全市规模以上工业企业实现营业收入同比增长7.1%，全市规模以上工业企业实现利润总额30.5"
            + brk + "亿元，同比增长5.2%。")
    rows = extract(text).to_dict("records")
    money = [r for r in rows if r["kind"] == "money"]
    assert len(money) == 1
    start, end = int(money[0]["start"]), int(money[0]["end"])
    assert text[start:end] == money[0]["mention"] == "30.5" + brk + "亿元"
    assert money[0]["value"] == 3050000000.0
    assert [r["mention"] for r in rows] == ["7.1%", "30.5" + brk + "亿元", "5.2%"]


# A document a figure follows (按照《…通知》（文号）调整为…) names neither what is measured nor whose figure it is:
# its issuer's place and 全省 are in its title.
CITED = ["按照《河南省人民政府关于调整全省最低工资标准的通知》（豫政〔2024〕36号）", "根据《关于优化营商环境的实施意见》",
         "依据《鞍山市发展“飞地经济”实施方案》"]


@pytest.mark.parametrize("cited", CITED)
def test_a_cited_document_names_nothing_measured(cited: str) -> None:
    from indicators import extract

    plain = "洛阳市人力资源和社会保障局\n\n全市最低工资标准调整为每月2100元。"
    with_title = plain.replace("调整为", cited + "调整为")
    a, b = extract(plain), extract(with_title)
    assert list(b["mention"]) == list(a["mention"]) == ["2100元"]
    assert (b["indicator"][0], b["region"][0]) == (a["indicator"][0], a["region"][0])
