"""Lay out bank text that may be right-to-left (Arabic): shape, wrap, reorder, for a terminal grid.

Plain Python: no Textual, no Rich. The widget in `quiz.ui.bidi_text` draws what `layout` returns.

The pipeline, per paragraph (RTL.md): NFC -> shape with arabic-reshaper -> wrap to the width in
terminal cells (quiz.text.shaping) -> reorder each visual line with the Unicode bidi algorithm,
using the paragraph's direction (quiz.text.reorder) -> the widget right-aligns right-to-left
lines. Reordering must come after wrapping, or the first words of a paragraph end up on its last
line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from quiz.text.reorder import visual_lines
from quiz.text.shaping import (
    ARABIC_LETTER,
    ARABIC_ZWJ,
    cell_width,
    shape,
    wrap_spans,
)
from quiz.text.wording import said

__all__ = ["cell_width", "shape", "visual_lines", "wrap_spans"]

Mode = Literal["reorder", "terminal"]
MODES: tuple[str, ...] = ("auto", "reorder", "terminal")

# ECMA-48 BDSM (mode 8), as VTE and WezTerm implement it (terminal-wg BiDi recommendation):
# reset = explicit mode, the terminal leaves every cell where the application put it; set =
# implicit mode (their default), the terminal reorders right-to-left text itself. An application
# that reorders must switch to explicit mode first, or the text is reordered twice and reads
# backwards; and it must switch back on every way out, or the user's shell stays in explicit mode.
# Terminals that do not know the mode ignore it.
EXPLICIT = "\x1b[8l"
IMPLICIT = "\x1b[8h"

TAB_SIZE = 4

# -- choosing the mode ----------------------------------------------------------------------------


def choose_mode(setting: str | None, env: Mapping[str, str]) -> Mode:
    """The RTL mode from `--rtl` (or, when it is not given, `QUIZ_RTL`), resolving `auto`.

    `auto` picks by the variables the terminals set:
    - `TERM_PROGRAM=Apple_Terminal` (macOS Terminal), `KONSOLE_VERSION` (Konsole) or `MLTERM`
      (mlterm): "terminal". These reorder right-to-left text themselves and cannot be told not to,
      so the app sends text in logical order and lets them.
    - anything else: "reorder". VTE terminals (`VTE_VERSION`: GNOME Terminal, Tilix, xfce4-terminal)
      and WezTerm reorder too but obey the explicit-mode escape; the rest (Windows Terminal,
      Alacritty, kitty, Ghostty, iTerm2...) do no bidi at all, so the app must.
    A terminal that sets `TERM_PROGRAM` to something else (WezTerm, iTerm.app, vscode...) or
    `VTE_VERSION` wins over a `KONSOLE_VERSION` or `MLTERM` inherited from the terminal it was
    started from. Under tmux or screen the variables are the outer terminal's, and tmux, which
    draws the screen itself, is not known to pass the explicit-mode escape on: a user there whose
    Arabic reads backwards picks `--rtl terminal`.

    Raises ValueError, with a one-line message naming the option or variable, for a bad value.
    """
    source = "--rtl"
    value = setting
    if not value:
        value, source = env.get("QUIZ_RTL", ""), "QUIZ_RTL"
    value = (value or "auto").strip().lower()
    if value not in MODES:
        raise ValueError(said("cli.bad_rtl", name=source, value=value))
    if value != "auto":
        return "terminal" if value == "terminal" else "reorder"
    program = env.get("TERM_PROGRAM", "")
    if program == "Apple_Terminal":
        return "terminal"
    if program not in ("", "tmux", "screen") or env.get("VTE_VERSION"):
        return "reorder"
    if env.get("KONSOLE_VERSION") or env.get("MLTERM"):
        return "terminal"
    return "reorder"


# -- direction ------------------------------------------------------------------------------------


def paragraph_direction(text: str, default_rtl: bool) -> bool:
    """Whether a paragraph is right-to-left (True): by its first strong letter, else the default.

    The default is the bank's language direction, for paragraphs with no letter at all (digits,
    punctuation). Bidi marks count: a leading U+200F makes a paragraph right-to-left.
    """
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return default_rtl


# Languages written right to left (BCP 47 primary subtags), for a bank's default direction.
RTL_LANGUAGES = frozenset(
    ("ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "syr", "ug", "ur", "yi")
)
_RTL_SCRIPTS = frozenset(("arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"))
_LTR_SCRIPTS = frozenset(("latn", "cyrl"))


def rtl_language(tag: str | None) -> bool:
    """Whether a BCP 47 tag (`ar`, `ar-EG`, `ku-Arab`, `fa-Latn`) is written right to left."""
    parts = (tag or "").replace("_", "-").lower().split("-")
    for part in parts[1:]:
        if part in _RTL_SCRIPTS:
            return True
        if part in _LTR_SCRIPTS:
            return False
    return parts[0] in RTL_LANGUAGES


def _has_rtl_letter(text: str) -> bool:
    return not text.isascii() and any(
        unicodedata.bidirectional(char) in ("R", "AL") for char in text
    )


# -- layout ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Line:
    """One row of laid-out text: draw `text` left to right, right-aligned when `rtl`.

    `prefix` is where the prefix (a choice's label) or its blank hanging indent sits in `text`,
    as (start, end) offsets, for styling it.
    """

    text: str
    rtl: bool
    prefix: tuple[int, int] = (0, 0)


# Characters the pure-Python bidi algorithm removes (X9: class BN, embeddings, overrides) or does
# not know (isolates, from UBA 6.3). They are zero-width and, once the text is shaped, have no
# effect; removing them first keeps character offsets the same before and after bidi.
# (tests/test_rtl.py checks this matches those bidi classes, code point by code point.)
INVISIBLE_TO_BIDI = re.compile(
    "[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\xad\u180e\u200b-\u200d\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
_PARAGRAPH_BREAKS = str.maketrans({"\r": None, "\u2029": "\n", "\x85": "\n", "\x0b": " "})


def _clean(text: str) -> str:
    """NFC, newlines for every paragraph separator, tabs as spaces."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text.translate(_PARAGRAPH_BREAKS).expandtabs(TAB_SIZE)


def _without_invisible(text: str) -> str:
    """The text less the characters bidi would drop, so offsets match before and after it."""
    return INVISIBLE_TO_BIDI.sub("", text)


@lru_cache(maxsize=4096)
def layout(
    text: str,
    width: int,
    *,
    rtl_default: bool,
    mode: Mode,
    prefix: str = "",
    all_rtl: bool = False,
) -> tuple[Line, ...]:
    """Lay out bank text for a box `width` cells wide: one `Line` per row.

    Paragraphs are split on newlines; each takes its direction from its first strong letter,
    else from `rtl_default` (the bank's language). In "reorder" mode each line is shaped and in
    display order; in "terminal" mode it is in logical order, unshaped, for a terminal that does
    both itself. `prefix` (for example a choice's label) starts the first line, on the right of a
    right-to-left paragraph, and later lines are indented as far (a hanging indent). A prefix
    with a right-to-left letter makes the first paragraph right-to-left: an English choice
    labelled `ب.` is right-aligned with its label on the right, like the Arabic ones. `all_rtl`
    makes every paragraph right-to-left, whatever its first letter: interface text in Arabic
    (`quiz · اختر بنك أسئلة` is an Arabic sentence that starts with the program's name).
    """
    lines: list[Line] = []
    text = _clean(text)
    prefix = _clean(prefix).replace("\n", " ")
    hang = cell_width(prefix)
    if prefix and width - hang < max(12, width // 3):
        # A long prefix in a narrow box would leave the text a sliver beside it: the prefix gets
        # a row of its own, and the text the whole width below it.
        first = text.split("\n", 1)[0]
        rtl = all_rtl or paragraph_direction(first, rtl_default) or _has_rtl_letter(prefix)
        shown = prefix if mode == "terminal" else _prefix_visual(prefix, rtl)
        head = Line(shown, rtl, (0, len(shown)))
        rest = layout(text, width, rtl_default=rtl_default, mode=mode, all_rtl=all_rtl)
        return (head, *rest)
    for number, paragraph in enumerate(text.split("\n")):
        rtl = all_rtl or paragraph_direction(paragraph, rtl_default)
        # An Arabic label (أ.) makes its row right-to-left whatever the text, so the labels of a
        # list stay in one column; a Latin sign such as "[x]" does not make it left-to-right.
        rtl = rtl or (number == 0 and _has_rtl_letter(prefix))
        if mode == "terminal":
            paragraph = ARABIC_ZWJ.sub("", paragraph)
            spans = wrap_spans(paragraph, width - hang)
            rows = [paragraph[start:end] for start, end in spans]
        else:
            if rtl or ARABIC_LETTER.search(paragraph):
                paragraph = shape(paragraph)
            paragraph = _without_invisible(paragraph)
            spans = wrap_spans(paragraph, width - hang)
            rows = visual_lines(paragraph, spans, rtl)
        for row_number, row in enumerate(rows):
            lead = prefix if number == 0 and row_number == 0 else " " * hang
            lines.append(_with_prefix(row, lead, rtl, mode))
    return tuple(lines)


def _with_prefix(row: str, lead: str, rtl: bool, mode: Mode) -> Line:
    """A row with its prefix (or hanging indent) at the start of the line in reading order."""
    if not lead:
        return Line(row, rtl)
    if mode == "terminal":
        # Logical order: the prefix comes first; a hanging indent goes after the text, so the
        # terminal keeps it on the right of a right-to-left line.
        if rtl and not lead.strip():
            return Line(row + lead, rtl, (len(row), len(row) + len(lead)))
        return Line(lead + row, rtl, (0, len(lead)))
    if rtl:
        shown = _prefix_visual(lead, True)
        return Line(row + shown, rtl, (len(row), len(row) + len(shown)))
    shown = _prefix_visual(lead, False)
    return Line(shown + row, rtl, (0, len(shown)))


@lru_cache(maxsize=256)
def _prefix_visual(prefix: str, rtl: bool) -> str:
    """A prefix in display order, as its own paragraph in the text's direction."""
    shaped = _without_invisible(shape(prefix))
    return visual_lines(shaped, [(0, len(shaped))], rtl)[0]


def visual_line(text: str, *, rtl_default: bool, mode: Mode, all_rtl: bool = False) -> str:
    """A short one-line string as `layout` would draw it, for widgets that take a plain string
    and do not wrap it (footer key descriptions, button labels, the title bar).

    Newlines become spaces; alignment is left to the widget.
    """
    lines = layout(
        " ".join(text.split()), 1 << 16, rtl_default=rtl_default, mode=mode, all_rtl=all_rtl
    )
    return lines[0].text if lines else ""


# A right-to-left run inside a left-to-right line: from a right-to-left letter to the last one
# before a left-to-right letter (or the end of the line), what lies between included.
_RTL_LETTERS = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_RTL_RUN = re.compile(f"[{_RTL_LETTERS}](?:[^A-Za-z\u00c0-\u024f\n]*[{_RTL_LETTERS}])?")


def embedded_runs(text: str, mode: Mode) -> str:
    """A left-to-right line (interface text) with each right-to-left run in it (a name, a folder,
    a language, from data) shaped and put in display order where it stands, the rest untouched.

    Each run is laid out on its own, as if isolated (UAX #9 FSI/PDI), so the numbers after it
    (`العربية · 37 questions`) stay where the sentence puts them. In "terminal" mode the text is
    returned as is: the terminal lays it out.
    """
    if mode == "terminal" or text.isascii():
        return text
    return _RTL_RUN.sub(
        lambda run: visual_line(run.group(), rtl_default=True, mode=mode, all_rtl=True), text
    )


# -- choice labels --------------------------------------------------------------------------------

# The abjad order Arabic uses to letter lists: أ ب ج د هـ و ز ح ط ي, then on to the 28th letter.
ABJAD = (
    *("أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي"),
    *("ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق", "ر"),
    *("ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ"),
)
_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def choice_label(index: int, arabic: bool) -> str:
    """The label of the choice at `index` (from 0): `1.` `2.` ..., or `أ.` `ب.` ... in Arabic."""
    if not arabic:
        return f"{index + 1}."
    if index < len(ABJAD):
        return f"{ABJAD[index]}."
    return f"{index + 1}.".translate(_ARABIC_INDIC)
