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
