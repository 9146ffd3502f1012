"""Messages kept as a catalogue key and its values, written out when they are read.

A problem found in a bank file, or a file that cannot be read, is said once and may be read
much later (the bank cache keeps problems between runs), by someone with another interface
language: it keeps what to say, not one language's words for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: What a placeholder of a message holds: a text, a number, another wording, or a tuple of them
#: (written out joined as the language joins a list).
Value = Any


@dataclass(frozen=True, slots=True)
class Wording:
    """What to say: a catalogue key (quiz.text.locales.check_en, ...) and its values.

    `str()` writes it out in the current language, its values inserted as `t()` inserts them
    (a value that is a wording is written out too): a problem found once (and kept in the bank
    cache) reads in English for one user and in Arabic for the next.
    """

    key: str
    values: tuple[tuple[str, Value], ...] = ()

    def __str__(self) -> str:
        from quiz.text.i18n import t

        return t(self.key, **dict(self.values))

    def as_json(self) -> dict[str, object]:
        """The wording as JSON-ready data (the bank cache keeps it so)."""
        return {"key": self.key, "values": {name: _stored(value) for name, value in self.values}}

    @classmethod
    def from_json(cls, data: dict) -> Wording:
        """Rebuild a wording stored by `as_json`."""
        return cls(
            data["key"], tuple((name, _rebuilt(value)) for name, value in data["values"].items())
        )


def _stored(value: Value) -> object:
    """A value as JSON: a wording as its data, a list (line numbers, names) item by item."""
    if isinstance(value, Wording):
        return value.as_json()
    if isinstance(value, (tuple, list)):
        return [_stored(item) for item in value]
    return value


def _rebuilt(value: object) -> Value:
    if isinstance(value, dict):
        return Wording.from_json(value)
    if isinstance(value, list):
        return tuple(_rebuilt(item) for item in value)
    return value


def said(key: str, **values: Value) -> Wording:
    """A message to write out when it is read: the catalogue's `key`, its placeholders filled
    with `values`."""
    return Wording(key, tuple(values.items()))
