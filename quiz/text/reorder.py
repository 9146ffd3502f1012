"""The Unicode bidi algorithm for one paragraph and its visual lines (plain Python).

The second half of the right-to-left pipeline of quiz.text.rtl: each wrapped line put in display
order. The algorithm is python-bidi's pure-Python one (`bidi.algorithm`), not its Rust default,
which does not mirror brackets (python-bidi#25). We drive its steps ourselves to add what it
lacks, each from UAX #9:
- levels are resolved once per paragraph, then each visual line is reordered on its own (rules
  L1-L4 are per line, the rest per paragraph), so a line edge does not change how a neutral
  character between two words resolves;
- N0, paired brackets: `Al-Aqsa (المسجد الأقصى) 1969` keeps its brackets round the Arabic words
  instead of showing `Al-Aqsa (1969 (...`;
- a path or a URL in a right-to-left paragraph (`questions/oic/ar.yaml`, `/tmp/bank.yaml`,
  `https://example.org/a/b` inside an Arabic sentence) is one left-to-right unit in its logical
  order, as a left-to-right isolate around it would keep it (the app removes such marks before
  laying text out, so it finds these runs itself): its slashes and dots, which are neutral,
  would otherwise take the sentence's direction and move to the other end;
- L3, combining marks: after a right-to-left run is reversed, its harakat would come before their
  letter, and a terminal puts a mark on the cell before it, so each mark is moved back after its
  letter. (arabic-reshaper's `shift_harakat_position=True` tries the same by moving marks before
  their letter in logical order, but that puts the first letter's mark of an Arabic word in an
  English paragraph on the space before it: measured, see tests/test_rtl.py.)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from types import ModuleType
from typing import Any

_RTL_CLASSES = frozenset(("R", "AL", "AN"))

# A run read as one left-to-right unit: a URL, or a path (at least one slash) of Latin letters,
# digits and the signs of file names, with a `:line` after it; a full stop or a closing sign
# that ends the sentence is not part of it.
_SEGMENT = "[A-Za-z0-9_.~+%@=&?#\u00c0-\u024f-]"
_LTR_UNIT = re.compile(
    f"[A-Za-z][A-Za-z0-9+.-]*://[^\\s]*[^\\s.,;:!?)\\]\u060c\u061b\u00bb]"
    f"|(?<![\\w/])(?:~|\\.{{1,2}})?/?{_SEGMENT}+(?:/{_SEGMENT}+)+/?(?::[0-9]+)*"
    f"|(?<![\\w/])(?:~|\\.{{1,2}})?/{_SEGMENT}+/?(?::[0-9]+)*"
)


def needs_bidi(text: str) -> bool:
    """Whether anything in an LTR paragraph could be reordered (RTL letters or Arabic digits)."""
    if text.isascii():
        return False
    return not _RTL_CLASSES.isdisjoint(_bidi_classes(text))


@lru_cache(maxsize=1)
def _bidi() -> ModuleType:
    """python-bidi's pure-Python algorithm, imported when first needed."""
    from bidi import algorithm

    return algorithm


# -- reordering -----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _brackets() -> tuple[dict[str, str], frozenset[str]]:
    """The paired brackets (BD14, BD15): each opener with its closer, and the closers."""
    from bidi.mirror import MIRRORED

    openers = {
        char: MIRRORED[char]
        for char in MIRRORED
        if unicodedata.category(char) == "Ps" and unicodedata.category(MIRRORED[char]) == "Pe"
    }
    return openers, frozenset(openers.values())


_STRONG = {"L": "L", "R": "R", "AL": "R", "EN": "R", "AN": "R"}


def ltr_units(text: str) -> list[tuple[int, int]]:
    """Where a right-to-left paragraph holds a path or a URL: each (start, end), in order."""
    if "/" not in text:
        return []
    units = []
    for found in _LTR_UNIT.finditer(text):
        start, end = found.span()
        while end > start and text[end - 1] in ".:":
            end -= 1  # the sentence's full stop or colon after a path
        if "/" in text[start:end]:
            units.append((start, end))
    return units


def _resolve_levels(
    text: str, rtl: bool, ltr: frozenset[int] = frozenset()
) -> list[dict[str, Any]]:
    """UAX #9 up to I2 for one paragraph: each character with its resolved level.

    The text has no explicit embeddings, overrides or isolates (removed before), so rules X1-X9
    come down to giving every character the paragraph's level. The characters at the offsets
    in `ltr` (inline code) are taken as left-to-right letters, as inside a left-to-right
    override: they keep their order, digits and signs included. So is, in a right-to-left
    paragraph, each path or URL (`ltr_units`): one strong left-to-right word, in its logical
    order, that joins the left-to-right text next to it (`a.yaml:3:5: error`).
    """
    level = 1 if rtl else 0
    storage = _bidi().get_empty_storage()
    storage["base_level"] = level
    storage["base_dir"] = "R" if rtl else "L"
    classes = _bidi_classes(text)
    if ltr:
        classes = ["L" if at in ltr else kind for at, kind in enumerate(classes)]
    for first, last in ltr_units(text) if rtl else ():
        classes[first:last] = ["L"] * (last - first)
    storage["chars"] = [
        {"ch": char, "level": level, "type": kind, "orig": kind, "at": at}
        for at, (char, kind) in enumerate(zip(text, classes, strict=True))
    ]
    _bidi().calc_level_runs(storage)
    _bidi().resolve_weak_types(storage)
    _resolve_brackets(storage)
    _bidi().resolve_neutral_types(storage, False)
    _bidi().resolve_implicit_levels(storage, False)
    chars: list[dict[str, Any]] = storage["chars"]
    return chars


_class_cache: dict[str, str] = {}


def _bidi_classes(text: str) -> list[str]:
    known = _class_cache.get
    classes = []
    for char in text:
        kind = known(char)
        if kind is None:
            kind = _class_cache[char] = unicodedata.bidirectional(char)
        classes.append(kind)
    return classes


def _resolve_brackets(storage: dict[str, Any]) -> None:
    """Rule N0: a pair of brackets takes the direction of what it encloses, or of its context."""
    chars = storage["chars"]
    for run in storage["runs"]:
        first = run["start"]
        sequence = chars[first : first + run["length"]]
        embedding = "R" if sequence and sequence[0]["level"] % 2 else "L"
        for open_at, close_at in _bracket_pairs(sequence):
            inside = {_STRONG.get(ch["type"]) for ch in sequence[open_at + 1 : close_at]}
            if embedding in inside:
                direction = embedding
            elif inside & {"L", "R"}:
                opposite = "L" if embedding == "R" else "R"
                before = next(
                    (
                        _STRONG[ch["type"]]
                        for ch in reversed(sequence[:open_at])
                        if ch["type"] in _STRONG
                    ),
                    run["sor"],
                )
                direction = opposite if before == opposite else embedding
            else:
                continue
            for at in (open_at, close_at):
                sequence[at]["type"] = direction
                # Marks on a bracket follow it (they took its old type in W1).
                for mark in sequence[at + 1 :]:
                    if mark["orig"] != "NSM":
                        break
                    mark["type"] = direction


def _bracket_pairs(sequence: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """BD16: the matching bracket pairs of a run, in order of their opening bracket."""
    openers, closers = _brackets()
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for index, ch in enumerate(sequence):
        char = ch["ch"]
        if ch["type"] != "ON":
            continue
        if char in openers:
            if len(stack) == 63:
                break
            stack.append((openers[char], index))
        elif char in closers:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    pairs.append((stack[depth][1], index))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _reorder_line(chars: list[dict[str, Any]], rtl: bool) -> str:
    """Rules L1-L4 for one visual line: the characters left to right, marks after their letter."""
    return "".join(ch["ch"] for ch in _reordered(chars, rtl))


def _reordered(chars: list[dict[str, Any]], rtl: bool) -> list[dict[str, Any]]:
    """The characters of one visual line in display order (mirrored), each with its offset."""
    storage: dict[str, Any] = {"base_level": 1 if rtl else 0, "chars": [dict(ch) for ch in chars]}
    _bidi().reorder_resolved_levels(storage, False)
    # L3: a right-to-left run was reversed with its marks, so each mark now precedes its letter.
    ordered: list[dict[str, Any]] = []
    marks: list[dict[str, Any]] = []
    for ch in storage["chars"]:
        if ch["orig"] == "NSM" and ch["level"] % 2:
            marks.append(ch)
            continue
        ordered.append(ch)
        if marks:
            ordered.extend(reversed(marks))
            marks = []
    ordered.extend(reversed(marks))
    storage["chars"] = ordered
    _bidi().apply_mirroring(storage, False)
    return ordered


def visual_lines(text: str, spans: list[tuple[int, int]], rtl: bool) -> list[str]:
    """Each line `text[start:end]` of one paragraph in display order, left to right."""
    if not rtl and not needs_bidi(text):
        return [text[start:end] for start, end in spans]
    chars = _resolve_levels(text, rtl)
    return [_reorder_line(chars[start:end], rtl) for start, end in spans]


def visual_orders(
    text: str, spans: list[tuple[int, int]], rtl: bool, ltr: frozenset[int] = frozenset()
) -> list[tuple[str, list[int]]]:
    """Like `visual_lines`, with the offset in `text` of each character shown, for styling it;
    the characters at the offsets in `ltr` keep their order (see `_resolve_levels`)."""
    if not rtl and not needs_bidi(text):
        return [(text[start:end], list(range(start, end))) for start, end in spans]
    chars = _resolve_levels(text, rtl, ltr)
    lines = []
    for start, end in spans:
        ordered = _reordered(chars[start:end], rtl)
        lines.append(("".join(ch["ch"] for ch in ordered), [ch["at"] for ch in ordered]))
    return lines
