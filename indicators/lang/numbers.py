"""Numbers as written in Chinese text, parsed exactly.

Arabic digits (ASCII or full-width, with ``,`` thousands groups), Chinese numerals (两, 十余,
一百二十, 三千五百万) and the multipliers 万, 亿, 万亿, 千, 百. Values are ``Decimal`` or ``int``, never
floats: 16.4亿 is exactly 1640000000.

    >>> parse_number("16.4", "亿")
    Decimal('1640000000.0')
    >>> parse_chinese("一百二十")
    120
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache

# Named pieces of the numeral grammar, composed by patterns.py (cn2an-style). The possessive {1,3}+ and
# {1,4}+ give nothing back: fewer digits are followed by a digit, never by the separator or 亿 after them.
ARABIC_DIGIT = "0-9０-９"
ARABIC = (
    rf"(?:[0-9]{{1,3}}+(?:[, \u2009\u202f][0-9]{{3}})+(?![0-9])"     # 1,100 / 19 278.1 (thousands groups)
    rf"|[０-９]{{1,3}}+(?:[，,][０-９]{{3}})+(?![０-９])"               # ２７，２０３，３１９，０００ (old type sets full-width commas)
    rf"|[0-9]{{1,4}}+亿[0-9]{{1,4}}[千百]?(?=万)"                      # 1亿2000万, 3亿5千万
    rf"|[{ARABIC_DIGIT}]+)"                                           # 123 / １２３
    rf"(?:[.．·][{ARABIC_DIGIT}]+)?"                                 # decimals: 25.43 / ２５．４３ / 19·5 (old type)
)
CN_DIGITS = "〇零一二两三四五六七八九"
CN_SMALL_UNITS = "十百千"
CN_BIG_UNITS = "万亿"
# A Chinese numeral: digits and 十百千, optionally with inner 万/亿 groups (一万二千, 三亿五千万).
# 千 before 瓦/克/米 … and 百 before 分 start a unit (十二万千瓦时, 百分点), not a numeral.
_CN_CORE = rf"(?:[{CN_DIGITS}十]|百(?!分)|千(?![瓦克米伏帕焦卡赫]))"
CHINESE = (
    rf"{_CN_CORE}+(?:[{CN_BIG_UNITS}]{_CN_CORE}+)*"
    rf"(?:点[{CN_DIGITS}]+)?"                                         # 五点五
)

MULTIPLIERS: dict[str, int] = {"万亿": 10**12, "亿": 10**8, "万": 10**4, "千": 10**3, "百": 10**2}

_FULLWIDTH = str.maketrans("０１２３４５６７８９．·，", "0123456789..,")
DIGIT_VALUE = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
                "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_VALUE = {"十": 10, "百": 100, "千": 1000}
_ZEROS = frozenset("〇零")


def parse_arabic(text: str) -> Decimal | None:
    """``"1,100.5"`` / ``"19 278.1"`` / ``"２５．４３"`` -> Decimal; None if it is not a decimal number."""
    try:
        return Decimal(text.translate(_FULLWIDTH).replace(",", "").replace(" ", "")
                       .replace("\u2009", "").replace("\u202f", ""))
    except InvalidOperation:
        return None


def _parse_yi_wan(numeral: str, multiplier: str) -> Decimal | None:
    """1亿2000 (+万) -> 120000000: Arabic digits around 亿, the trailing 万 applying to the second part."""
    high, _, low = numeral.partition("亿")
    factor = 1
    if low[-1:] in ("千", "百"):
        factor = MULTIPLIERS[low[-1]]
        low = low[:-1]
    if multiplier != "万" or not high.isdigit() or not low.isdigit():
        return None
    return Decimal(int(high) * 10**8 + int(low) * factor * 10**4)


def parse_chinese(text: str) -> int | None:
    """Value of a positional Chinese numeral, or None when it is not one.

    The grammar, from the largest part down (as cn2an builds it, but exact and strict):
    ``numeral = [below_yi] 亿 rest | below_yi``, ``below_yi = [section] 万 rest | section``,
    ``section`` = digits each followed by 千 > 百 > 十 in falling order. A lone digit right after a
    unit counts in the next lower unit (两千三 = 2300, 一万二 = 12000, 一百二 = 120); after 零 it is
    ones (一千零三 = 1003). Digit strings without positions (二〇二一, 一二) are codes or years and
    units out of order (三百二百, 五十百) are no number: both give None.
    """
    if not text:
        return None
    high, yi, rest = text.rpartition("亿")
    if not yi:
        return _below_yi(text)
    high_value = _below_yi(high) if high else 1          # 亿 alone, 一万亿 (10^12)
    rest_value = _rest(rest, 10**7, _below_yi)
    if high_value is None or rest_value is None:
        return None
    return high_value * 10**8 + rest_value


# The same few numerals (一, 两, 一九五七) recur all through a report: parse_number reads each once.
# Only short ones are kept, so a hostile text of long numerals holds no memory.
_recalled_chinese = lru_cache(maxsize=4096)(parse_chinese)
_RECALLED_LENGTH = 24


def _below_yi(text: str) -> int | None:
    high, wan, rest = text.partition("万")
    if not wan:
        return _section(text)
    if "亿" in rest or "万" in rest:                   # 三万五万: 万 twice
        return None
    high_value = _section(high) if high else 1           # 万 alone (近万人)
    rest_value = _rest(rest, 1000, _section)
    if high_value is None or rest_value is None:
        return None
    return high_value * 10**4 + rest_value


def _rest(rest: str, abbreviated: int, parse) -> int | None:
    """The part after 万 or 亿: empty, one digit in the next lower unit (一万二), or 零 + a smaller number."""
    if not rest:
        return 0
    if len(rest) == 1 and rest in DIGIT_VALUE and DIGIT_VALUE[rest]:
        return DIGIT_VALUE[rest] * abbreviated
    if rest[0] in _ZEROS:
        rest = rest[1:]
        if not rest:
            return None
    return parse(rest)


def _section(text: str) -> int | None:
    """A numeral below 万: 三千五百, 一百零五, 二十, 十二, 两千三 (2300), 百."""
    if text in _ZEROS:
        return 0
    total = 0
    last_unit = 10**4           # units must fall: 三百二百 and 五十百 are no number
    digit: int | None = None
    after_zero = False
    for ch in text:
        if ch in _ZEROS:
            if digit is not None or total == 0 or after_zero:
                return None     # 一零, a leading 零, 零零
            after_zero = True
        elif ch in DIGIT_VALUE:
            if digit is not None:
                return None     # 二一: two digits in a row
            digit = DIGIT_VALUE[ch]
        elif ch in _SMALL_VALUE:
            unit = _SMALL_VALUE[ch]
            if unit >= last_unit:
                return None
            if digit is None:
                if total and unit != 10:
                    return None  # 一千百: a unit with no digit in the middle
                digit = 1        # 十二, 百, 一百一十 written 一百十
            total += digit * unit
            last_unit, digit, after_zero = unit, None, False
        else:
            return None
    if after_zero and digit is None:
        return None              # 一百零: a trailing 零
    if digit is not None:
        abbreviated = total and not after_zero and last_unit > 10
        total += digit * (last_unit // 10 if abbreviated else 1)
    return total


def parse_number(numeral: str, multiplier: str = "") -> Decimal | None:
    """Exact value of an Arabic or Chinese numeral times an optional multiplier (万, 亿, 万亿, 千, 百)."""
    if not numeral:
        return None
    first = numeral[0]
    base: Decimal | None
    if numeral.isascii() and numeral.replace(".", "", 1).isdigit():
        base = Decimal(numeral)                   # digits and at most a point, as most figures are written
    elif "亿" in numeral and first.isascii():     # (not ASCII, so never the case above)
        return _parse_yi_wan(numeral, multiplier)
    elif first.isascii() or "０" <= first <= "９":
        base = parse_arabic(numeral)
    else:
        whole, _, fraction = numeral.partition("点")
        if multiplier and not fraction:           # 一亿五千 + 万: the 万 belongs inside the numeral
            whole, multiplier = whole + multiplier, ""
        cn = _recalled_chinese(whole) if len(whole) <= _RECALLED_LENGTH else parse_chinese(whole)
        base = None if cn is None else Decimal(cn)
        if base is not None and fraction:
            digits = "".join(str(DIGIT_VALUE[ch]) for ch in fraction if ch in DIGIT_VALUE)
            if len(digits) != len(fraction):
                return None
            base += Decimal("0." + digits)
    if base is None:
        return None
    if multiplier:
        factor = MULTIPLIERS.get(multiplier)
        if factor is None:                        # 千万, 百亿: one factor per character
            factor = 1
            for part in multiplier:
                factor *= MULTIPLIERS[part]
        base *= factor
    return base


def is_bare_chinese(numeral: str) -> bool:
    """True for one-character Chinese numerals (一, 两, 三 … 十): words as often as numbers."""
    return len(numeral) == 1 and not numeral.isascii() and not ("０" <= numeral <= "９")


def starts_with_power(numeral: str) -> bool:
    """百, 千, 万 … written without a digit in front (千家万户, 百年大计)."""
    return numeral[:1] in "十百千万亿" and numeral[:1] != "十"


def is_arabic(numeral: str) -> bool:
    return bool(numeral) and (numeral[0].isascii() or "０" <= numeral[0] <= "９")
