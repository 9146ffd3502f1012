"""Counted nouns for English messages of the command line: "1 question", "2 questions"."""

from __future__ import annotations


def count(number: int, singular: str, plural: str | None = None) -> str:
    """The number and the noun in the form it takes: `count(1, "answer")` is "1 answer"."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
