"""Hostile-text benchmark: does ``extract()`` stay linear on adversarial input?

    python -m benchmarks.bench_hostile              # every case, sizes doubling up to 200k chars
    python -m benchmarks.bench_hostile --max 400000 --case digits --case wan

For each case the input doubles in size and the time per size is printed with the ratio to the
previous size: about 2 means linear, 4 quadratic. Linear time keeps chars/s steady; a case whose
chars/s at the largest size is below that at the smallest (timed) size divided by ``--flag``
(default 3) is reported as SUPER-LINEAR. A case that takes
longer than ``--budget`` seconds at one size stops doubling (and is reported too).
This is a benchmark, not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Callable

SAMPLE_SENTENCE = "前三季度全市固定资产投资同比增长7.1%，开工亿元以上项目697个，完成投资300.1亿元。"


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def _in_report(unit: str) -> Callable[[int], str]:
    """The hostile run as one paragraph of a work report (dated from its time cues, not its text)."""
    title = "2019年国务院政府工作报告\n"
    return lambda n: title + _repeat(unit)(n - len(title))


def _wrapped(unit: str) -> Callable[[int], str]:
    """The hostile run inside ordinary text: a fact before and after it."""
    return lambda n: SAMPLE_SENTENCE + _repeat(unit)(n) + SAMPLE_SENTENCE


CASES: dict[str, tuple[str, Callable[[int], str]]] = {
    "digits": ("100k digits in a row", _repeat("1234567890")),
    "digits-unit": ("digits then a unit: 1111…1亿元", lambda n: "1" * n + "亿元"),
    "fullwidth-digits": ("full-width digits", _repeat("１２３４５")),
    "wan": ("万万万…", _repeat("万")),
    "yu": ("余余余…", _repeat("余")),
    "yi-wan": ("亿万亿万…", _repeat("亿万")),
    "digit-wan": ("1万1万1万…", _repeat("1万")),
    "decimal-dots": ("1.1.1.1…", _repeat("1.")),
    "cn-numerals": ("一二三四五六七八九十百千…", _repeat("一二三四五六七八九十百千")),
    "liang": ("两个两个…", _repeat("两个")),
    "commas": ("，，，… (full-width comma run)", _repeat("，")),
    "periods": ("。。。…", _repeat("。")),
    "mixed-punct": ("，。、；：！？…", _repeat("，。、；：！？…—,.;:!?")),
    "percent": ("%%%…", _repeat("%")),
    "range-dashes": ("1-1-1-1…", _repeat("1-")),
    "qualifiers": ("近约超过余多左右以上…", _repeat("近约超过余多左右以上不到不足")),
    "growth-words": ("同比增长同比下降…", _repeat("同比增长同比下降")),
    "units-only": ("亿元万吨个百分点…", _repeat("亿元万吨个百分点")),
    "spaces": ("digits separated by spaces", _repeat("1 ")),
    "spaced-number": ("digits typed apart, then a unit: 1 1 1 … 1 亿元", lambda n: "1 " * (n // 2) + "亿元"),
    "spaced-percents": ("8 ．8 ％ 8 ．8 ％ …", _repeat("8 ．8 ％ ")),
    "newlines": ("newline runs", _repeat("\n")),
    "blank-paragraphs": ("short lines, blank lines: many tiny paragraphs", _repeat("一、综合\n\n")),
    "wrapped-digits": ("digits inside ordinary sentences", _wrapped("9")),
    "facts-dense": ("ordinary sentence repeated (no hostility, for scale)", _repeat(SAMPLE_SENTENCE)),
    "long-paragraph": ("sentences with facts on one line, no line break", _repeat("投资项目697个。")),
    "long-clauses": ("clauses with facts, one endless sentence", _repeat("投资项目697个，")),
    "long-list": ("a list of rates 8.5%、8.5%、… in one sentence", _repeat("8.5%、")),
    "long-ranges": ("a list of ranges 20-30万元、… in one sentence", _repeat("20-30万元、")),
    "rate-chain": ("增长5%下降3%… one sentence of rates each named by its change alone",
                   _repeat("增长5%下降3%")),
    "percent-word-ranges": ("增长百分之十到二十左右… ranges in percent words, no punctuation",
                            _repeat("增长百分之十到二十左右")),
    "moves": ("由2020年的120万吨增加到2024年的125万吨… one sentence of moves, no punctuation",
              _repeat("由2020年的120万吨增加到2024年的125万吨")),
    "report-moves": ("2018年粮食由2017年的120万吨增加到125万吨，… one paragraph of a work report",
                     _in_report("2018年粮食由2017年的120万吨增加到125万吨，")),
    "report-bases": ("比上年增长5%，… a work report's paragraph of comparisons, no time of its own",
                     _in_report("比上年增长5%，")),
    "line-no-punct": (
        "one long line of text without punctuation",
        _repeat("全市工业生产总值增长较快投资项目"),
    ),
    "line-no-punct-digits": (
        "one long line, numbers without punctuation",
        _repeat("投资项目697个完成投资3亿元"),
    ),
}

# The 5 MB line cases are run to 5M chars (the others stop at --max).
LONG_CASES = ("line-no-punct", "line-no-punct-digits")


class _OverBudget(Exception):
    pass


def _alarm(_signum, _frame):
    raise _OverBudget


def _time(extract, text: str, budget: float) -> tuple[float, int]:
    """Seconds and fact count of one call; raises _OverBudget after ``budget`` seconds (POSIX)."""
    use_alarm = hasattr(signal, "setitimer")
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, budget)
    t0 = time.perf_counter()
    try:
        frame = extract(text)
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    return time.perf_counter() - t0, len(frame)


def _limit_memory(mb: int) -> None:
    """Cap the address space so a blow-up is a MemoryError here, not the OOM killer elsewhere."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (mb * 1024 * 1024, resource.RLIM_INFINITY))
    except (ImportError, ValueError, OSError):
        pass


def run_case(extract, key: str, start: int, stop: int, budget: float, flag: float, out=None) -> str:
    """Time ``key`` at doubling sizes; return "super-linear", "slow" (over budget but linear so
    far) or "" (fine)."""
    out = out or sys.stdout
    label, make = CASES[key]
    print(f"\n{key}: {label}", file=out)
    print(f"{'chars':>10} {'seconds':>9} {'ratio':>6} {'facts':>7} {'chars/s':>12}", file=out)
    previous = None
    rates: list[float] = []
    sizes: list[int] = []
    n = start
    while n <= stop:
        text = make(n)
        try:
            seconds, facts = _time(extract, text, budget)
        except _OverBudget:
            print(f"{n:>10,}  over budget: stopped after {budget}s", file=out)
            return _verdict(rates, sizes, flag, out) or "slow"
        except MemoryError:
            print(f"{n:>10,}  MemoryError (address space capped by --mem-mb)", file=out)
            return "super-linear"
        ratio = seconds / previous if previous and previous > 1e-4 else float("nan")
        rate = n / seconds if seconds > 0 else float("inf")
        if seconds > 0.005:  # smaller timings are noise
            rates.append(rate)
            sizes.append(n)
        print(f"{n:>10,} {seconds:>9.4f} {ratio:>6.2f} {facts:>7,} {rate:>12,.0f}", file=out, flush=True)
        previous = seconds
        if seconds > budget:
            print(f"  stopped: {seconds:.1f}s > budget {budget}s", file=out)
            return True
        n *= 2
    return _verdict(rates, sizes, flag, out)


def _verdict(rates: list[float], sizes: list[int], flag: float, out) -> str:
    """ "super-linear" when chars/s fell by more than ``flag`` from the smallest to the largest
    timed size (linear time keeps it steady; quadratic halves it per doubling), else ""."""
    if len(rates) >= 2 and rates[-1] < rates[0] / flag:
        print(
            f"  SUPER-LINEAR: {rates[0]:,.0f} chars/s at {sizes[0]:,} chars, "
            f"only {rates[-1]:,.0f} at {sizes[-1]:,}",
            file=out,
        )
        return "super-linear"
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_hostile", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--start", type=int, default=12_500, help="first size in characters (default 12,500)")
    parser.add_argument("--max", type=int, default=200_000, help="largest size for ordinary cases (200,000)")
    parser.add_argument(
        "--long-max", type=int, default=5_000_000, help="largest size of the long-line cases (5,000,000)"
    )
    parser.add_argument(
        "--budget", type=float, default=20.0, help="stop a case after one size takes this long"
    )
    parser.add_argument(
        "--flag",
        type=float,
        default=3.0,
        help="slow-down of chars/s from smallest to largest size counted as super-linear (3)",
    )
    parser.add_argument(
        "--mem-mb", type=int, default=8000, help="address-space cap in MB, 0 for none (default 8000)"
    )
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="run only these cases")
    args = parser.parse_args(argv)

    if args.mem_mb:
        _limit_memory(args.mem_mb)
    from indicators import extract

    extract("预热：项目1个。")  # warm-up: compile patterns, load tables
    flagged: list[str] = []
    slow: list[str] = []
    for key in args.case or list(CASES):
        if key in LONG_CASES:
            start, stop = max(args.start, args.long_max // 16), args.long_max
        else:
            start, stop = args.start, args.max
        verdict = run_case(extract, key, start, stop, args.budget, args.flag)
        if verdict == "super-linear":
            flagged.append(key)
        elif verdict == "slow":
            slow.append(key)
    print()
    if slow:
        print("linear but over the time budget at the largest sizes: " + ", ".join(slow))
    if flagged:
        print("SUPER-LINEAR (or out of memory): " + ", ".join(flagged))
        return 1
    print(f"all cases grow linearly (chars/s falls less than {args.flag:g}x from smallest to largest size)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
