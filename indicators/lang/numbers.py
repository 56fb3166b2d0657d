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

# Named pieces of the numeral grammar, composed by patterns.py (cn2an-style).
ARABIC_DIGIT = "0-9０-９"
ARABIC = (
    rf"(?:[0-9]{{1,3}}(?:[, \u2009\u202f][0-9]{{3}})+(?![0-9])"      # 1,100 / 19 278.1 (thousands groups)
    rf"|[0-9]{{1,4}}亿[0-9]{{1,4}}[千百]?(?=万)"                       # 1亿2000万, 3亿5千万
    rf"|[{ARABIC_DIGIT}]+)"                                           # 123 / １２３
    rf"(?:[.．][{ARABIC_DIGIT}]+)?"                                  # decimals: 25.43 / ２５．４３
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

_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_DIGIT_VALUE = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
                "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_VALUE = {"十": 10, "百": 100, "千": 1000}


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

    Digit strings without positions (二〇二一, 一二) are codes or years, not quantities: None.
    """
    if not text:
        return None
    above_yi = 0       # part already multiplied by 亿
    above_wan = 0      # part since the last 亿, multiplied by 万
    section = 0        # part below 万
    digit: int | None = None
    last_was_digit = False
    for ch in text:
        if ch in _DIGIT_VALUE:
            value = _DIGIT_VALUE[ch]
            if last_was_digit and digit:            # 二一: two digits in a row
                return None
            digit = value
            last_was_digit = True
        elif ch in _SMALL_VALUE:
            section += (1 if digit is None else digit) * _SMALL_VALUE[ch]
            digit, last_was_digit = None, False
        elif ch == "万":
            above_wan = (above_wan + section + (digit or 0) or 1) * 10**4
            section, digit, last_was_digit = 0, None, False
        elif ch == "亿":
            above_yi = (above_yi + above_wan + section + (digit or 0) or 1) * 10**8
            above_wan, section, digit, last_was_digit = 0, 0, None, False
        else:
            return None
    return above_yi + above_wan + section + (digit or 0)


def parse_number(numeral: str, multiplier: str = "") -> Decimal | None:
    """Exact value of an Arabic or Chinese numeral times an optional multiplier (万, 亿, 万亿, 千, 百)."""
    if not numeral:
        return None
    first = numeral[0]
    if "亿" in numeral and first.isascii():
        return _parse_yi_wan(numeral, multiplier)
    if first.isascii() or "０" <= first <= "９":
        base = parse_arabic(numeral)
    else:
        whole, _, fraction = numeral.partition("点")
        if multiplier and not fraction:           # 一亿五千 + 万: the 万 belongs inside the numeral
            whole, multiplier = whole + multiplier, ""
        cn = parse_chinese(whole)
        base = None if cn is None else Decimal(cn)
        if base is not None and fraction:
            digits = "".join(str(_DIGIT_VALUE[ch]) for ch in fraction if ch in _DIGIT_VALUE)
            if len(digits) != len(fraction):
                return None
            base += Decimal("0." + digits)
    if base is None:
        return None
    if multiplier:
        factor = 1
        for part in _split_multiplier(multiplier):
            factor *= MULTIPLIERS[part]
        base *= factor
    return base


def _split_multiplier(multiplier: str) -> list[str]:
    if multiplier in MULTIPLIERS:
        return [multiplier]
    return [ch for ch in multiplier]


def is_bare_chinese(numeral: str) -> bool:
    """True for one-character Chinese numerals (一, 两, 三 … 十): words as often as numbers."""
    return len(numeral) == 1 and not numeral.isascii() and not ("０" <= numeral <= "９")


def starts_with_power(numeral: str) -> bool:
    """百, 千, 万 … written without a digit in front (千家万户, 百年大计)."""
    return numeral[:1] in "十百千万亿" and numeral[:1] != "十"


def is_arabic(numeral: str) -> bool:
    return bool(numeral) and (numeral[0].isascii() or "０" <= numeral[0] <= "９")
