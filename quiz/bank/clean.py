"""Clean text from bank files so that it is safe and stable to show: no control codes, NFC."""

from __future__ import annotations

import re
import unicodedata

# C0 controls but tab, newline and carriage return (YAML reads CR as a line break), DEL, C1
# controls, and the bidi embedding, override and isolate characters. They could move the
# cursor, retitle the window, write to the clipboard or reorder text the app lays out itself.
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Inside a value, carriage return is unsafe too (it only gets there through an escape).
UNSAFE_IN_VALUE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def describe(char: str) -> str:
    """Name a character for a message: `U+001B (ESCAPE)`."""
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(ord(char), "control character")
    return f"U+{ord(char):04X} ({name})"


_CONTROL_NAMES = {0x1B: "ESCAPE", 0x07: "BELL", 0x08: "BACKSPACE", 0x7F: "DELETE", 0x9B: "CSI"}


def is_bidi_control(char: str) -> bool:
    """Whether a character is a bidi embedding, override or isolate."""
    return "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069"


def clean(value: str) -> str:
    """NFC-normalise and trim a value whose unsafe characters were already removed."""
    value = value.strip()
    if not value.isascii():
        value = unicodedata.normalize("NFC", value)
    return value


def strip_unsafe(value: str) -> str:
    """Remove every unsafe character from a value (the last line of defence before a screen)."""
    return UNSAFE_IN_VALUE.sub("", value)


# Default-ignorable code points (Unicode's Default_Ignorable_Code_Point): drawn as nothing, so
# two texts that differ only in them look the same. The bidi controls are among them (removed
# on loading); so are zero-width spaces and joiners, the soft hyphen and variation selectors.
DEFAULT_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


def looks(text: str) -> str:
    """What a text looks like on screen: NFC, without default-ignorable characters, its runs of
    blanks one space. Two texts that look the same give the same."""
    if text.isascii():
        return " ".join(text.split())
    text = DEFAULT_IGNORABLE.sub("", unicodedata.normalize("NFC", text))
    return " ".join(text.split())


def looks_alike(text: str) -> str:
    """`looks`, then NFKC: compatibility forms folded too (a ligature and its letters,
    full-width and narrow letters, ² and 2)."""
    return looks(unicodedata.normalize("NFKC", text))
