"""Lay out bank text that may be right-to-left (Arabic): shape, wrap, reorder, for a terminal grid.

Plain Python: no Textual, no Rich. The widget in `quiz.ui.bidi_text` draws what `layout` returns.

The pipeline, per paragraph (RTL.md): NFC -> shape with arabic-reshaper -> wrap to the width in
terminal cells -> reorder each visual line with the Unicode bidi algorithm, using the paragraph's
direction -> the widget right-aligns right-to-left lines. Reordering must come after wrapping, or
the first words of a paragraph end up on its last line.

The bidi algorithm is python-bidi's pure-Python one (`bidi.algorithm`), not its Rust default,
which does not mirror brackets (python-bidi#25). We drive its steps ourselves to add what it
lacks, each from UAX #9:
- levels are resolved once per paragraph, then each visual line is reordered on its own (rules
  L1-L4 are per line, the rest per paragraph), so a line edge does not change how a neutral
  character between two words resolves;
- N0, paired brackets: `Al-Aqsa (المسجد الأقصى) 1969` keeps its brackets round the Arabic words
  instead of showing `Al-Aqsa (1969 (...`;
- L3, combining marks: after a right-to-left run is reversed, its harakat would come before their
  letter, and a terminal puts a mark on the cell before it, so each mark is moved back after its
  letter. (arabic-reshaper's `shift_harakat_position=True` tries the same by moving marks before
  their letter in logical order, but that puts the first letter's mark of an Arabic word in an
  English paragraph on the space before it: measured, see tests/test_rtl.py.)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from configparser import ConfigParser
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import Any, Literal

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
        raise ValueError(f"{source} {value!r}: choose auto, reorder or terminal")
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


# -- measuring ------------------------------------------------------------------------------------

# Format characters Rich (and terminals) draw one cell wide: soft hyphen and the prepended
# concatenation marks (Arabic number signs and the like).
_WIDE_FORMAT = frozenset("\u00ad\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2")
_width_cache: dict[str, int] = {}


def char_width(char: str) -> int:
    """Cells one character takes in a terminal: 2 for wide East Asian, 0 for marks, else 1."""
    width = _width_cache.get(char)
    if width is None:
        category = unicodedata.category(char)
        if category in ("Mn", "Me", "Mc", "Zl", "Zp", "Cc") or (
            category == "Cf" and char not in _WIDE_FORMAT
        ):
            width = 0
        elif unicodedata.east_asian_width(char) in ("W", "F"):
            width = 2
        else:
            width = 1
        _width_cache[char] = width
    return width


def cell_width(text: str) -> int:
    """Cells a string takes in a terminal (agrees with Rich's `cell_len` on Arabic, Latin, CJK)."""
    if text.isascii() and text.isprintable():
        return len(text)
    known = _width_cache.get
    total = 0
    for char in text:
        width = known(char)
        total += char_width(char) if width is None else width
    return total


# -- direction ------------------------------------------------------------------------------------

_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee-\u06ff\u0750-\u077f]")
_RTL_CLASSES = frozenset(("R", "AL", "AN"))


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


def _needs_bidi(text: str) -> bool:
    """Whether anything in an LTR paragraph could be reordered (RTL letters or Arabic digits)."""
    if text.isascii():
        return False
    return not _RTL_CLASSES.isdisjoint(_bidi_classes(text))


# -- shaping --------------------------------------------------------------------------------------


class _Settings(dict[str, str]):
    """The reshaper's settings read once: it looks each one up in a ConfigParser on every call,
    which was half the cost of shaping a word."""

    def getboolean(self, key: str) -> bool:
        return ConfigParser.BOOLEAN_STATES[self[key.lower()].lower()]


@lru_cache(maxsize=1)
def _reshaper() -> Any:
    """arabic-reshaper, set up for us; imported when first needed, so English costs nothing."""
    from arabic_reshaper import ArabicReshaper

    reshaper = ArabicReshaper(
        configuration={
            "delete_harakat": False,
            # Marks stay after their letter in logical order; L3 below keeps them there on screen.
            "shift_harakat_position": False,
            "support_ligatures": True,
            # One glyph for a whole word, measured one cell but drawn wider: it overlaps the next.
            "ARABIC LIGATURE ALLAH": False,
        }
    )
    reshaper.configuration = _Settings(reshaper.configuration.items())
    return reshaper


@lru_cache(maxsize=1)
def _bidi() -> ModuleType:
    """python-bidi's pure-Python algorithm, imported when first needed."""
    from bidi import algorithm

    return algorithm


# A zero-width joiner next to an Arabic letter has done its work once the text is shaped, and
# Rich mis-measures it (it swallows the next letter's width), so it never reaches the screen.
_ARABIC_BLOCKS = "\u0600-\u06ff\u0750-\u077f\u0870-\u08ff"
_ARABIC_ZWJ = re.compile(f"(?<=[{_ARABIC_BLOCKS}])\u200d|\u200d(?=[{_ARABIC_BLOCKS}])")


def shape(text: str) -> str:
    """Join Arabic letters into their contextual forms (harakat kept after their letter)."""
    if not _ARABIC_LETTER.search(text):
        return text
    # Letters join, and lam-alef ligates, only inside a word: shape word by word, from a cache.
    return " ".join([_shape_word(word) for word in text.split(" ")])


@lru_cache(maxsize=16384)
def _shape_word(word: str) -> str:
    return _reshaper().reshape(word) if _ARABIC_LETTER.search(word) else word


# -- wrapping -------------------------------------------------------------------------------------

_TOKENS = re.compile(r" +|[^ ]+")


def _clusters(word: str) -> list[str]:
    """A word cut into characters, each with the zero-width marks that follow it."""
    clusters: list[str] = []
    for char in word:
        if clusters and char_width(char) == 0:
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Where to cut one paragraph into lines of at most `width` cells: (start, end) offsets.

    Breaks at spaces; the spaces at a break are dropped (no line starts or ends with one), the
    paragraph's own indent is kept on its first line when it fits, and a word longer than the
    width is cut between characters (never between a letter and its marks).
    """
    width = max(1, width)
    spans: list[tuple[int, int]] = []
    start = end = used = 0  # the current line is text[start:end], `used` cells wide
    open_line = False  # whether the current line has a word yet
    position = 0
    for token in _TOKENS.findall(text):
        token_start, position = position, position + len(token)
        if token[0] == " ":
            continue
        size = cell_width(token)
        if open_line:
            gap = token_start - end
            if used + gap + size <= width:
                end, used = position, used + gap + size
                continue
            spans.append((start, end))
            open_line = False
        elif not spans and token_start + size <= width:
            # The paragraph's first word, after its indent.
            start, end, used, open_line = 0, position, token_start + size, True
            continue
        if size <= width:
            start, end, used, open_line = token_start, position, size, True
            continue
        # A word wider than a line: cut it.
        start, used, offset = token_start, 0, token_start
        for cluster in _clusters(token):
            cluster_size = cell_width(cluster)
            if used and used + cluster_size > width:
                spans.append((start, offset))
                start, used = offset, 0
            used += cluster_size
            offset += len(cluster)
        end, open_line = position, True
    if open_line or not spans:
        spans.append((start, end) if open_line else (0, 0))
    return spans


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


def _resolve_levels(text: str, rtl: bool) -> list[dict[str, Any]]:
    """UAX #9 up to I2 for one paragraph: each character with its resolved level.

    The text has no explicit embeddings, overrides or isolates (removed before), so rules X1-X9
    come down to giving every character the paragraph's level.
    """
    level = 1 if rtl else 0
    storage = _bidi().get_empty_storage()
    storage["base_level"] = level
    storage["base_dir"] = "R" if rtl else "L"
    classes = _bidi_classes(text)
    storage["chars"] = [
        {"ch": char, "level": level, "type": kind, "orig": kind}
        for char, kind in zip(text, classes, strict=True)
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
    return "".join(ch["ch"] for ch in ordered)


def visual_lines(text: str, spans: list[tuple[int, int]], rtl: bool) -> list[str]:
    """Each line `text[start:end]` of one paragraph in display order, left to right."""
    if not rtl and not _needs_bidi(text):
        return [text[start:end] for start, end in spans]
    chars = _resolve_levels(text, rtl)
    return [_reorder_line(chars[start:end], rtl) for start, end in spans]


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
    text: str, width: int, *, rtl_default: bool, mode: Mode, prefix: str = ""
) -> tuple[Line, ...]:
    """Lay out bank text for a box `width` cells wide: one `Line` per row.

    Paragraphs are split on newlines; each takes its direction from its first strong letter,
    else from `rtl_default` (the bank's language). In "reorder" mode each line is shaped and in
    display order; in "terminal" mode it is in logical order, unshaped, for a terminal that does
    both itself. `prefix` (for example a choice's label) starts the first line, on the right of a
    right-to-left paragraph, and later lines are indented as far (a hanging indent). A prefix
    with a right-to-left letter makes the first paragraph right-to-left: an English choice
    labelled `ب.` is right-aligned with its label on the right, like the Arabic ones.
    """
    lines: list[Line] = []
    text = _clean(text)
    prefix = _clean(prefix).replace("\n", " ")
    hang = cell_width(prefix)
    if prefix and width - hang < max(12, width // 3):
        # A long prefix in a narrow box would leave the text a sliver beside it: the prefix gets
        # a row of its own, and the text the whole width below it.
        first = text.split("\n", 1)[0]
        rtl = paragraph_direction(first, rtl_default) or _has_rtl_letter(prefix)
        shown = prefix if mode == "terminal" else _prefix_visual(prefix, rtl)
        head = Line(shown, rtl, (0, len(shown)))
        return (head, *layout(text, width, rtl_default=rtl_default, mode=mode))
    for number, paragraph in enumerate(text.split("\n")):
        rtl = paragraph_direction(paragraph, rtl_default)
        # An Arabic label (أ.) makes its row right-to-left whatever the text, so the labels of a
        # list stay in one column; a Latin sign such as "[x]" does not make it left-to-right.
        rtl = rtl or (number == 0 and _has_rtl_letter(prefix))
        if mode == "terminal":
            paragraph = _ARABIC_ZWJ.sub("", paragraph)
            spans = wrap_spans(paragraph, width - hang)
            rows = [paragraph[start:end] for start, end in spans]
        else:
            if rtl or _ARABIC_LETTER.search(paragraph):
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


def visual_line(text: str, *, rtl_default: bool, mode: Mode) -> str:
    """A short one-line string as `layout` would draw it, for widgets that take a plain string
    and do not wrap it (footer key descriptions, button labels, the title bar).

    Newlines become spaces; alignment is left to the widget.
    """
    lines = layout(" ".join(text.split()), 1 << 16, rtl_default=rtl_default, mode=mode)
    return lines[0].text if lines else ""


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
