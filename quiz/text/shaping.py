"""Arabic letters joined and text measured and wrapped in terminal cells (plain Python).

The first half of the right-to-left pipeline of quiz.text.rtl: NFC -> shape -> wrap to the width
in terminal cells, measured as Rich measures. arabic-reshaper is imported when first needed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

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


ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee-\u06ff\u0750-\u077f]")


# -- shaping --------------------------------------------------------------------------------------


#: ConfigParser's words for true and false (importing configparser costs English start-up time).
_BOOLEAN_STATES = {
    **dict.fromkeys(("1", "yes", "true", "on"), True),
    **dict.fromkeys(("0", "no", "false", "off"), False),
}


class _Settings(dict[str, str]):
    """The reshaper's settings read once: it looks each one up in a ConfigParser on every call,
    which was half the cost of shaping a word."""

    def getboolean(self, key: str) -> bool:
        return _BOOLEAN_STATES[self[key.lower()].lower()]


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


# A zero-width joiner next to an Arabic letter has done its work once the text is shaped, and
# Rich mis-measures it (it swallows the next letter's width), so it never reaches the screen.
_ARABIC_BLOCKS = "\u0600-\u06ff\u0750-\u077f\u0870-\u08ff"
ARABIC_ZWJ = re.compile(f"(?<=[{_ARABIC_BLOCKS}])\u200d|\u200d(?=[{_ARABIC_BLOCKS}])")


def shape(text: str) -> str:
    """Join Arabic letters into their contextual forms (harakat kept after their letter)."""
    if not ARABIC_LETTER.search(text):
        return text
    # Letters join, and lam-alef ligates, only inside a word: shape word by word, from a cache.
    return " ".join([_shape_word(word) for word in text.split(" ")])


@lru_cache(maxsize=16384)
def _shape_word(word: str) -> str:
    return _reshaper().reshape(word) if ARABIC_LETTER.search(word) else word


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
