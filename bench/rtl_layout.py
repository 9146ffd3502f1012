"""Right-to-left layout cost: `quiz.text.rtl.layout` (uncached) per string, against `textwrap.wrap`.

Lays out every question, choice and explanation of the bundled Arabic bank at a width, with the
layout cache cleared before each pass (the cache of shaped words kept, as in a session, and
cleared for the "cold" line), and prints microseconds per string for quiz.text.rtl in both modes
and for a plain `textwrap.wrap` of the same strings, with the ratios. A cached call is timed too.

Run: python bench/rtl_layout.py [--width 76] [--repeat 20]
"""

from __future__ import annotations

import argparse
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quiz.bank.loader import load_bank  # noqa: E402
from quiz.text import shaping  # noqa: E402
from quiz.text.rtl import layout  # noqa: E402


def bank_strings() -> list[str]:
    """Every piece of text the Arabic bank shows."""
    bank = load_bank(ROOT / "questions" / "oic.ar.yaml").bank
    assert bank is not None, "the bundled Arabic bank does not load"
    strings: list[str] = []
    for question in bank.questions:
        strings.append(question.text)
        strings.extend(question.choices)
        if question.explanation:
            strings.append(question.explanation)
    return strings


def best_per_string(run, strings: list[str], repeat: int, *, cold: bool = False) -> float:
    """The best of `repeat` passes over the strings, in microseconds per string.

    The layout cache is cleared before each pass; with `cold`, the cache of shaped words too.
    """
    best = float("inf")
    for _ in range(repeat):
        layout.cache_clear()
        if cold:
            shaping._shape_word.cache_clear()
        started = time.perf_counter()
        run(strings)
        best = min(best, time.perf_counter() - started)
    return best / len(strings) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=76)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    strings = bank_strings()
    width = args.width

    def wrap(items: list[str]) -> None:
        for text in items:
            textwrap.wrap(text, width)

    def reorder(items: list[str]) -> None:
        for text in items:
            layout(text, width, rtl_default=True, mode="reorder")

    def terminal(items: list[str]) -> None:
        for text in items:
            layout(text, width, rtl_default=True, mode="terminal")

    base = best_per_string(wrap, strings, args.repeat)
    ours = best_per_string(reorder, strings, args.repeat)
    cold = best_per_string(reorder, strings, args.repeat, cold=True)
    logical = best_per_string(terminal, strings, args.repeat)
    reorder(strings)
    started = time.perf_counter()
    for _ in range(args.repeat):
        reorder(strings)
    cached = (time.perf_counter() - started) / args.repeat / len(strings) * 1e6
    questions = [s for s in strings if len(s) > 40]
    long_ones = best_per_string(reorder, questions, args.repeat)

    print(f"{len(strings)} strings of the Arabic bank, width {width}")
    print(f"textwrap.wrap            {base:8.1f} us/string")
    print(f"layout, reorder          {ours:8.1f} us/string  ({ours / base:.1f}x textwrap)")
    print(f"  of which longer than 40 {long_ones:7.1f} us/string  ({len(questions)} strings)")
    print(f"layout, reorder, cold    {cold:8.1f} us/string  (no word shaped yet)")
    print(f"layout, terminal         {logical:8.1f} us/string  ({logical / base:.1f}x textwrap)")
    print(f"layout, cached           {cached:8.2f} us/string")


if __name__ == "__main__":
    main()
