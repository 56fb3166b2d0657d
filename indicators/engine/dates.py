"""Periods as dates: a time expression (2024年, 去年, 前三季度, 1－7月, “十四五”时期, 过去五年) read
against the document's date into ISO ``start`` and ``end`` (inclusive) and a ``grain``.

Pure functions, no engine state. ``None`` when the expression does not say when (目前, 年初, 近期,
十五 without marks): no guesses passed off as facts.

    >>> resolve("前三季度", "2024-10-20")
    Period(start='2024-01-01', end='2024-09-30', grain='ytd')
    >>> resolve("", "2025-03-05", role="review")
    Period(start='2024-01-01', end='2024-12-31', grain='year')

A document's date may be reduced to a month (2025-03) or a year (2025) when that is all it gives.
The ``role`` of a passage in a work report: ``review`` (the year or years just past, reported on)
or ``plan`` (the year ahead, planned). A report delivered early in year Y reviews Y-1 and plans Y;
one delivered in the second half of the year (the reports of 1980-1982) reviews Y and plans Y+1.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..lang import vocab as V
from ..lang.numbers import DIGIT_VALUE

GRAINS = ("day", "month", "quarter", "half", "year", "ytd", "multi_year")


@dataclass(frozen=True)
class Period:
    start: str     # ISO date, inclusive
    end: str       # ISO date, inclusive
    grain: str     # one of GRAINS


# ------------------------------------------------------------------------------------- numerals

_WIDE = str.maketrans("０１２３４５６７８９", "0123456789")
_CN_DIGIT = {**DIGIT_VALUE, **dict.fromkeys(V.YEAR_ZEROS, 0)}


def small_number(text: str) -> int | None:
    """1-99 written in Arabic, full-width or Chinese digits (7, ７, 七, 十二, 二十, 三十一)."""
    text = text.translate(_WIDE)
    if text.isdigit():
        return int(text)
    if not text or any(c not in _CN_DIGIT and c != "十" for c in text):
        return None
    if "十" not in text:
        return _CN_DIGIT[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)


def year_number(text: str) -> int | None:
    """A four-digit year in Arabic, full-width or Chinese digits (2024, ２０２４, 二〇二四, 一九九○)."""
    text = text.translate(_WIDE)
    if len(text) == 4 and text.isdigit():
        return int(text)
    if len(text) == 4 and all(c in _CN_DIGIT for c in text):
        return int("".join(str(_CN_DIGIT[c]) for c in text))
    return None


_YEAR_DIGITS = V.YEAR_DIGITS
_SMALL = V.SMALL_NUMBER
# 2025年3月5日 or 2025-03-05; after 年 the month needs its 月 (2025年1-10月份 is a span of months, not 10 January).
_DATE = re.compile(
    rf"(?P<y>{_YEAR_DIGITS})\s*(?:(?P<cn>年)|[-/.．])\s*"
    rf"(?:(?P<m>{_SMALL})\s*(?(cn)月|(?:[-/.．]|(?![0-9０-９])))\s*(?:(?P<d>{_SMALL})(?![0-9０-９])\s*日?)?)?")


def parse_date(text: str) -> str:
    """The first date in ``text`` as ISO 8601, reduced to the month or year when that is all it
    says: 2025年3月5日 -> 2025-03-05, 一九九〇年三月二十日 -> 1990-03-20, 2025-02-28, 2024年 -> 2024.
    '' when there is none."""
    for m in _DATE.finditer(text):
        year = year_number(m.group("y"))
        if year is None or not 1900 <= year <= 2100:
            continue
        month = small_number(m.group("m")) if m.group("m") else None
        day = small_number(m.group("d")) if m.group("d") else None
        if month is None or not 1 <= month <= 12:
            if m.group("m") is None and m.group(0).rstrip()[-1:] != "年":
                continue               # a bare number (2024) is not a date
            return f"{year:04d}"
        if day is None or not 1 <= day <= calendar.monthrange(year, month)[1]:
            return f"{year:04d}-{month:02d}"
        return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


@lru_cache(maxsize=4096)      # asked for every figure (is its period ahead of the document?) of few dates
def date_parts(doc_date: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of an ISO date of any precision; None for what it does not give."""
    parts: list[int | None] = [int(p) for p in doc_date.split("-") if p.isdigit()] if doc_date else []
    parts += [None] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


# ------------------------------------------------------------------------------------- periods

def _iso(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month_end(year: int, month: int) -> str:
    return _iso(year, month, calendar.monthrange(year, month)[1])


def year_period(year: int) -> Period:
    return Period(_iso(year, 1, 1), _iso(year, 12, 31), "year")


def years_period(first: int, last: int) -> Period:
    """The calendar years ``first`` to ``last``; one year is a year, more a multi_year."""
    if first == last:
        return year_period(first)
    return Period(_iso(first, 1, 1), _iso(last, 12, 31), "multi_year")


def _months(year: int, first: int, last: int) -> Period:
    if first == 1 and last == 12:
        return year_period(year)
    if first == last:
        grain = "month"
    elif last - first == 2 and first % 3 == 1:
        grain = "quarter"
    elif (first, last) in ((1, 6), (7, 12)):
        grain = "half"
    elif first == 1:
        grain = "ytd"
    else:
        grain = "month"                                  # a run of months not from January
    return Period(_iso(year, first, 1), _month_end(year, last), grain)


def _day(year: int, month: int, day: int | None = None) -> Period | None:
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    day = last if day is None else day
    if not 1 <= day <= last:
        return None
    iso = _iso(year, month, day)
    return Period(iso, iso, "day")


def review_year(doc_date: str) -> int | None:
    """The year a report reviews: the one before its date, or its own when delivered in the second
    half of the year."""
    year, month, _ = date_parts(doc_date)
    if year is None:
        return None
    return year if month is not None and month >= 7 else year - 1


def plan_year(doc_date: str) -> int | None:
    """The year a report plans: its own, or the next when delivered in the second half of the year."""
    year, month, _ = date_parts(doc_date)
    if year is None:
        return None
    return year + 1 if month is not None and month >= 7 else year


def role_year(doc_date: str, role: str) -> int | None:
    if role == "review":
        return review_year(doc_date)
    if role == "plan":
        return plan_year(doc_date)
    return None


def five_year_plan(number: int) -> tuple[int, int]:
    """Years of the n-th five-year plan (一五 1953-1957; from 三五, 1966 on, every five years)."""
    first = {1: 1953, 2: 1958}.get(number, 1966 + 5 * (number - 3))
    return first, first + 4


# Expressions, each anchored at the start of the (stripped) expression and matched whole.
_PLAN_NUMBER = r"十[一二三四五六七八九]?|[一二三四五六七八九]"
_QUOTES = re.compile(V.char_class(V.OPENING_QUOTES + V.CLOSING_QUOTES + '"'))
# 第七个五年计划, “八五”, 十三五时期: a bare 十五 (fifteen) is a plan only with marks or 时期/计划 after it.
_PLAN = re.compile(
    rf"^(?:第(?P<ordinal>{_PLAN_NUMBER})个五年(?:计划|规划)|(?P<number>{_PLAN_NUMBER})五)"
    r"(?P<plan>计划|规划)?(?P<when>时期|期间|末|末期|以来)?$"
)
_BACK = V.alternation(V.SPAN_BACK_WORDS)
_RANGE_MARK = f"{V.char_class(V.RANGE_DASHES)}|{V.alternation(V.RANGE_WORDS)}"
_SPAN_BACK = re.compile(rf"^(?:(?:{_BACK})的?|这|前)(?P<n>{_SMALL})年(?:来|间|中|里|内)?$|^(?P<n2>{_SMALL})年(?:来|间)$")
_SPAN_AHEAD = re.compile(rf"^(?:{V.alternation(V.SPAN_AHEAD_WORDS)})的?(?P<n>{_SMALL})年(?:间|中|里|内)?$")
_ONE_YEAR_BACK = re.compile(r"^(?:过去一年|过去的一年|一年来|这一年|刚刚过去的一年|过去的1年|过去1年)$")
_YEARS_RANGE = re.compile(
    rf"^(?:从)?(?P<a>{_YEAR_DIGITS})年?(?:度)?\s*(?:{_RANGE_MARK})+\s*(?P<b>{_YEAR_DIGITS})年(?:度)?(?:间|期间)?$")
_YEAR_WORDS = {"今年": 0, "本年": 0, "本年度": 0, "今年度": 0, "去年": -1, "上年": -1, "上年度": -1, "前年": -2,
               "明年": 1, "下年": 1, "下一年": 1}
_YEAR_HEAD = re.compile(rf"^(?:(?P<y>{_YEAR_DIGITS})年度?|(?P<w>今年度?|本年度?|去年|上年度?|前年|明年|下一?年)|(?P<same>当年|同年))")
_YTD_NOW = re.compile(r"^(?:以来|年初以来|年初至今|初以来|初至今)$")
_HALF = {"上半年": (1, 6), "下半年": (7, 12)}
_TERMS = {"春季学期": (2, 7), "秋季学期": (9, 12)}     # a school term, by the months of its year it covers
_QUARTER = re.compile(r"^(?P<first>前|第)?(?P<q>[一二三四1-4１-４])(?:个)?季度(?:末|底)?$")
_FIRST_MONTHS = re.compile(rf"^前(?P<n>{_SMALL})个?月(?:份)?$")
_MONTHS = re.compile(
    rf"^(?P<a>{_SMALL})(?:月份?)?\s*(?:{_RANGE_MARK})+\s*(?P<b>{_SMALL})月份?$"
    rf"|^(?P<m>{_SMALL})月份?(?P<end>末|底|份末|份底)?$"
    rf"|^(?P<dm>{_SMALL})月(?P<d>{_SMALL})日$"
)
_FROM_ON = "起"
_DAYS = re.compile(rf"^(?P<m>{_SMALL})月(?P<d>{_SMALL})日\s*(?:{_RANGE_MARK})+\s*(?:(?P<m2>{_SMALL})月)?(?P<d2>{_SMALL})日$")
_DEADLINE = re.compile(r"^(?:截至|截止到?|到)")
# Counted from the document's date: (grain, how many back).
_RELATIVE_TO_DOC = {"上月": ("month", -1), "上个月": ("month", -1), "本月": ("month", 0),
                    "昨日": ("day", -1), "昨天": ("day", -1), "前日": ("day", -2),
                    "上周": ("week", -1), "本周": ("week", 0),
                    "今天": ("day", 0), "今日": ("day", 0), "明天": ("day", 1), "明日": ("day", 1), "后天": ("day", 2)}
_YEAR_END = {"末", "底", "年末", "年底"}
_WHOLE_YEAR = {"", "全年", "年内", "内", "年度", "全年度"}     # (2023年内: 年 and 内)


def _span_years(match: re.Match[str]) -> int | None:
    n = small_number(match.group("n") or match.group("n2") or "")
    return n if n is not None and 1 <= n <= 30 else None


_THAT_MONTH = "当月"
_GLOSS = re.compile(r"[（(]([^（()）]+)[）)]$")
_DAYS_OF_HOLIDAY = re.compile(r"(.+日)[^日]*假期")


@lru_cache(maxsize=16384)
def resolve(expr: str, doc_date: str = "", *, role: str = "", year: int | None = None,
            reported_year: int | None = None) -> Period | None:
    """The dates a time expression covers, or None when it does not say.

    ``doc_date`` is the document's date (ISO, any precision). ``role`` (review or plan) is the part
    of a work report the expression sits in: an empty expression, or one that names no year (全年,
    上半年, 年末), takes that part's year. ``year``, when known from the context (2024年，…；全年…),
    is the year such parts refer to and wins over the role. ``reported_year`` is the year a bulletin
    reports on (2024年…统计公报, published in 2025): its 上年 and 今年 count from that year, not from
    the day it was published.
    """
    text = re.sub(r"\s+", "", expr or "")
    if text[-1:] in V.CLOSING_BRACKETS and (gloss := _GLOSS.search(text)) is not None:
        text = gloss.group(1)                 # 国庆中秋假期（10月1日—8日）: the dates its brackets give
    elif (held := _DAYS_OF_HOLIDAY.fullmatch(text)) is not None:
        text = held.group(1)                  # 10月1日至7日国庆假期: the days before it
    if text.endswith(_THAT_MONTH) and len(text) > len(_THAT_MONTH):
        text = text[:-len(_THAT_MONTH)]       # 10月当月: the month (not the year to date)
    quoted = bool(_QUOTES.search(text))
    text = _QUOTES.sub("", text)
    if text.endswith(_FROM_ON) and text[-2:-1] == "日":
        text = text[:-1]                      # 2024年4月1日起: from that day on, dated by the day
    doc_year = date_parts(doc_date)[0]
    anchor = year if year is not None else role_year(doc_date, role) if role else doc_year
    if role and not text:
        return year_period(anchor) if anchor is not None else None
    if not text:
        return None
    if (m := _PLAN.match(text)) is not None and (quoted or m.group("ordinal") or m.group("plan") or m.group("when")):
        number = small_number(m.group("ordinal") or m.group("number"))
        if number is None or not 1 <= number <= 20:
            return None
        first, last = five_year_plan(number)
        if m.group("when") in ("末", "末期"):
            return _day(last, 12)
        if m.group("when") == "以来":        # “十四五”以来, said in 2025: its years so far
            so_far = review_year(doc_date) if doc_date else None
            if so_far is None or so_far < first:
                return None
            return years_period(first, min(last, so_far)) if min(last, so_far) > first else year_period(first)
        return years_period(first, last)
    if _ONE_YEAR_BACK.match(text):
        back = review_year(doc_date) if _early_or_unknown(doc_date) else None
        return year_period(back) if back is not None else None
    if (m := _SPAN_BACK.match(text)) is not None:
        n = _span_years(m)
        to = review_year(doc_date) if _early_or_unknown(doc_date) else None
        return years_period(to - n + 1, to) if n and to is not None else None
    if (m := _SPAN_AHEAD.match(text)) is not None:
        n = _span_years(m)
        since = plan_year(doc_date)
        return years_period(since, since + n - 1) if n and since is not None else None
    if (m := _YEARS_RANGE.match(text)) is not None:
        a, b = year_number(m.group("a")), year_number(m.group("b"))
        return years_period(a, b) if a and b and a < b <= a + 30 else None
    if _DEADLINE.match(text):
        return _deadline(_DEADLINE.sub("", text), doc_date, anchor)
    if text in _RELATIVE_TO_DOC:
        return _relative(text, doc_date)
    head = _YEAR_HEAD.match(text)
    if head is not None:
        if head.group("y"):
            base = year_number(head.group("y"))
        elif head.group("w"):
            counted_from = reported_year if reported_year is not None else doc_year
            base = counted_from + _YEAR_WORDS[head.group("w")] if counted_from is not None else None
        else:
            base = year                       # 当年/同年: the year the context named, if any
        if base is None:
            return None
        return _within_year(text[head.end():], base, doc_date)
    if anchor is None:
        return None
    return _within_year(text, anchor, doc_date, bare=True)


def _relative(text: str, doc_date: str) -> Period | None:
    """上月, 本月, 昨日 …: a month or a day counted from the document's date (None without one); a week
    (上周) has no grain of its own and no dates."""
    grain, back = _RELATIVE_TO_DOC[text]
    year, month, day = date_parts(doc_date)
    if grain == "month" and month is not None:
        month += back
        if month < 1:
            year, month = year - 1, month + 12
        return _months(year, month, month)
    if grain == "day" and day is not None:
        iso = (date(year, month, day) + timedelta(days=back)).isoformat()
        return Period(iso, iso, "day")
    return None


def _early_or_unknown(doc_date: str) -> bool:
    """过去一年 and 过去五年 count whole calendar years only when said early in a year (a report in
    March), or when only the year of the document is known; in a release of August they are not."""
    _, month, _ = date_parts(doc_date)
    return month is None or month <= 3 or month >= 10


def _within_year(rest: str, year: int, doc_date: str, bare: bool = False) -> Period | None:
    """A part of a year (全年, 上半年, 一季度, 1-7月, 7月, 年末) in ``year``; '' is the whole year."""
    if rest in _WHOLE_YEAR:
        return None if bare and rest == "" else year_period(year)
    if rest in _YEAR_END:
        return _day(year, 12)
    if rest in _HALF:
        return _months(year, *_HALF[rest])
    if rest in _TERMS:
        return _months(year, *_TERMS[rest])
    if _YTD_NOW.match(rest):
        doc_year, month, day = date_parts(doc_date)
        if doc_year != year or month is None or day is None:
            return None                      # "up to now" needs the day the document speaks from
        return Period(_iso(year, 1, 1), _iso(year, month, day), "ytd")
    if (m := _QUARTER.match(rest)) is not None:
        q = int(m.group("q").translate(_WIDE)) if m.group("q").translate(_WIDE).isdigit() else _CN_DIGIT[m.group("q")]
        if rest.endswith(("末", "底")):
            return _day(year, 3 * q)
        if m.group("first") == "前":
            return _months(year, 1, 3 * q)
        return _months(year, 3 * q - 2, 3 * q)
    if (m := _FIRST_MONTHS.match(rest)) is not None:
        n = small_number(m.group("n"))
        return _months(year, 1, n) if n and 1 <= n <= 12 else None
    if (m := _MONTHS.match(rest)) is not None:
        if m.group("a"):
            a, b = small_number(m.group("a")), small_number(m.group("b"))
            return _months(year, a, b) if a and b and 1 <= a < b <= 12 else None
        if m.group("m"):
            month = small_number(m.group("m"))
            if month is None or not 1 <= month <= 12:
                return None
            return _day(year, month) if m.group("end") else _months(year, month, month)
        month, day = small_number(m.group("dm")), small_number(m.group("d"))
        return _day(year, month, day) if month and day else None
    if (m := _DAYS.match(rest)) is not None:      # 6月19日至21日, 9月30日至10月6日: the days between
        month, day = small_number(m.group("m")), small_number(m.group("d"))
        month2, day2 = small_number(m.group("m2") or m.group("m")), small_number(m.group("d2"))
        first, last = (_day(year, month, day) if month and day else None,
                       _day(year, month2, day2) if month2 and day2 else None)
        if first is None or last is None or last.start <= first.start:
            return None
        return Period(first.start, last.end, "day")
    return None


def _deadline(rest: str, doc_date: str, anchor: int | None) -> Period | None:
    """截至2024年6月底, 截至9月末, 到年底: the day named."""
    head = _YEAR_HEAD.match(rest)
    year = anchor
    if head is not None:
        if head.group("y"):
            year = year_number(head.group("y"))
        elif head.group("w"):
            doc_year = date_parts(doc_date)[0]
            year = doc_year + _YEAR_WORDS[head.group("w")] if doc_year is not None else None
        rest = rest[head.end():]
    if year is None:
        return None
    if rest in _YEAR_END or rest == "":
        return _day(year, 12) if rest else None
    if (m := _MONTHS.match(rest)) is not None:
        if m.group("m") and m.group("end"):
            month = small_number(m.group("m"))
            return _day(year, month) if month else None
        if m.group("dm"):
            month, day = small_number(m.group("dm")), small_number(m.group("d"))
            return _day(year, month, day) if month and day else None
    if (m := _QUARTER.match(rest)) is not None and rest.endswith(("末", "底")):
        q = m.group("q").translate(_WIDE)
        return _day(year, 3 * (int(q) if q.isdigit() else _CN_DIGIT[q]))
    return None
