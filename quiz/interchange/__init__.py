"""Moving questions in and out: import GIFT, Aiken and CSV files, export GIFT and Aiken.

Plain Python (no textual), for `quiz import` and `quiz export`:

- `read(path)` picks a reader by extension or content (`detect`) and returns an `Imported`: a bank
  that always passes `quiz check`, and notices (`path:line:column: warning|error: ...`) for what was
  skipped or changed. A file that gives no question at all raises `InterchangeError`.
- `to_yaml(bank)` writes a bank in our format; `export(bank, "gift" | "aiken")` in Moodle's.
"""

from __future__ import annotations

import re
from pathlib import Path

from quiz.bank.model import Bank, Problem
from quiz.interchange import aiken, gift, spreadsheet
from quiz.interchange.importer import Imported, InterchangeError, Progress, read_source
from quiz.interchange.yaml_writer import to_yaml

__all__ = [
    "EXPORT_FORMATS",
    "FORMATS",
    "Imported",
    "InterchangeError",
    "detect",
    "export",
    "read",
    "to_yaml",
]

#: The formats `read` can import.
FORMATS = ("gift", "aiken", "csv")
#: The formats `export` can write.
EXPORT_FORMATS = ("gift", "aiken")

_READERS = {"gift": gift.read, "aiken": aiken.read, "csv": spreadsheet.read}
_WRITERS = {"gift": gift.write, "aiken": aiken.write}
_GIFT_ANSWERS = re.compile(
    r"\{\s*(?:[=~]|(?:T|F|TRUE|FALSE)\s*[#}])|^\s*(?:::|\$CATEGORY:)", re.MULTILINE
)
_AIKEN_ANSWER = re.compile(r"^\s*ANSWER\s*:\s*[A-Za-z]", re.MULTILINE | re.IGNORECASE)
_AIKEN_CHOICE = re.compile(r"^\s*[A-Za-z](?:\)|\.\s)", re.MULTILINE)


def detect(path: Path, data: str) -> str:
    """Which format a file is in: by its extension, else by its content."""
    suffix = path.suffix.lower()
    if suffix == ".gift":
        return "gift"
    if suffix in (".csv", ".tsv"):
        return "csv"
    if suffix == ".aiken":
        return "aiken"
    if suffix in (".yaml", ".yml"):
        raise InterchangeError(
            f"{path}: this is already a quiz bank; check it with 'quiz check {path}'"
        )
    gift_marks = len(_GIFT_ANSWERS.findall(data))
    aiken_marks = len(_AIKEN_ANSWER.findall(data)) if _AIKEN_CHOICE.search(data) else 0
    if gift_marks or aiken_marks:
        return "gift" if gift_marks >= aiken_marks else "aiken"
    if spreadsheet.looks_like_csv(path, data):
        return "csv"
    raise InterchangeError(
        f"{path}: cannot tell whether this is GIFT, Aiken or CSV; "
        "name the format with --from gift, --from aiken or --from csv"
    )


def read(path: Path, kind: str | None = None, progress: Progress | None = None) -> Imported:
    """Import a GIFT, Aiken or CSV file; `kind` forces the reader, `progress(done, total)` counts
    lines while a big file is read."""
    if kind is not None and kind not in FORMATS:
        raise ValueError(f"unknown import format {kind!r}; use one of {', '.join(FORMATS)}")
    text = read_source(path)
    return _READERS[kind or detect(path, text)](path, text, progress)


def export(bank: Bank, to: str) -> tuple[str, list[Problem]]:
    """The bank written as GIFT or Aiken, and a notice for each question that lost something."""
    if to not in _WRITERS:
        raise ValueError(f"unknown export format {to!r}; use one of {', '.join(EXPORT_FORMATS)}")
    return _WRITERS[to](bank)
