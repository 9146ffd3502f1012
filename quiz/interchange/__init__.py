"""Moving questions in and out: import GIFT, Aiken, CSV and Moodle XML, and export for others.

Plain Python (no textual), for `quiz import` and `quiz export`:

- `read(path)` picks a reader by extension or content (`detect`) and returns an `Imported`: a bank
  that always passes `quiz check`, and notices (`path:line:column: warning|error: ...`) for what was
  skipped or changed. A file that gives no question at all raises `InterchangeError`.
- `to_yaml(bank)` writes a bank in our format; `export(bank, to)` in another system's: Moodle
  (GIFT, Aiken, Moodle XML), QTI 1.2 and 2.1 packages (Canvas, Blackboard), Kahoot, Anki. Zip and
  spreadsheet formats come back as bytes, the others as text.
"""

from __future__ import annotations

import re
from pathlib import Path

from quiz.bank.model import Bank, Problem
from quiz.interchange import aiken, gift, spreadsheet
from quiz.interchange.importer import (
    Attachment,
    Imported,
    InterchangeError,
    Progress,
    decode,
    read_bytes,
)
from quiz.interchange.yaml_writer import to_yaml
from quiz.text.wording import said

__all__ = [
    "BINARY_FORMATS",
    "EXPORT_FORMATS",
    "FORMATS",
    "SUFFIXES",
    "Attachment",
    "Imported",
    "InterchangeError",
    "detect",
    "export",
    "read",
    "to_yaml",
]

#: The formats `read` can import.
FORMATS = ("gift", "aiken", "csv", "moodle-xml")
#: The formats `export` can write.
EXPORT_FORMATS = ("gift", "aiken", "moodle-xml", "qti", "qti21", "kahoot", "anki")
#: The formats written as bytes (a zip file, a spreadsheet), which go to a file, never a terminal.
BINARY_FORMATS = frozenset({"qti", "qti21", "kahoot"})
#: The file name ending each export format is usually given.
SUFFIXES = {
    "gift": ".gift",
    "aiken": ".txt",
    "moodle-xml": ".xml",
    "qti": ".zip",
    "qti21": ".zip",
    "kahoot": ".xlsx",
    "anki": ".txt",
}

_READERS = {"gift": gift.read, "aiken": aiken.read, "csv": spreadsheet.read}
_GIFT_ANSWERS = re.compile(
    r"\{\s*(?:[=~]|(?:T|F|TRUE|FALSE)\s*[#}])|^\s*(?:::|\$CATEGORY:)", re.MULTILINE
)
_AIKEN_ANSWER = re.compile(r"^\s*ANSWER\s*:\s*[A-Za-z]", re.MULTILINE | re.IGNORECASE)
_AIKEN_CHOICE = re.compile(r"^\s*[A-Za-z](?:\)|\.\s)", re.MULTILINE)
_XML_START = re.compile(rb"\s*(?:<\?xml|<!--|<quiz\b)")
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")


def _is_xml(path: Path, data: bytes) -> bool:
    """Whether a file is XML: by its extension, or its first bytes (after any BOM)."""
    if path.suffix.lower() == ".xml":
        return True
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace").lstrip().startswith("<")
    return bool(_XML_START.match(data.removeprefix(b"\xef\xbb\xbf")))


def detect(path: Path, data: str) -> str:
    """Which text format a file is in: by its extension, else by its content."""
    suffix = path.suffix.lower()
    if suffix == ".gift":
        return "gift"
    if suffix in (".csv", ".tsv"):
        return "csv"
    if suffix == ".aiken":
        return "aiken"
    if suffix == ".xml" or _XML_START.match(data.lstrip("\ufeff").encode()[:200]):
        return "moodle-xml"
    if suffix in (".yaml", ".yml"):
        raise InterchangeError(said("import.already_a_bank", path=str(path)))
    gift_marks = len(_GIFT_ANSWERS.findall(data))
    aiken_marks = len(_AIKEN_ANSWER.findall(data)) if _AIKEN_CHOICE.search(data) else 0
    if gift_marks or aiken_marks:
        return "gift" if gift_marks >= aiken_marks else "aiken"
    if spreadsheet.looks_like_csv(path, data):
        return "csv"
    raise InterchangeError(said("import.unknown_format", path=str(path)))


def read(
    path: Path,
    kind: str | None = None,
    progress: Progress | None = None,
    encoding: str | None = None,
) -> Imported:
    """Import a GIFT, Aiken, CSV or Moodle XML file; `kind` forces the reader, `encoding` names
    the file's encoding, `progress(done, total)` counts lines while a big file is read."""
    if kind is not None and kind not in FORMATS:
        raise ValueError(f"unknown import format {kind!r}; use one of {', '.join(FORMATS)}")
    data = read_bytes(path)
    if kind == "moodle-xml" or (kind is None and _is_xml(path, data)):
        from quiz.interchange import moodle_xml

        if encoding is not None:
            # The encoding named wins over the file's own declaration.
            text = _XML_DECLARATION.sub("", decode(path, data, encoding), count=1)
            data = text.encode("utf-8")
        return moodle_xml.read(path, data, progress)
    text = decode(path, data, encoding)
    return _READERS[kind or detect(path, text)](path, text, progress)


def export(
    bank: Bank, to: str, *, subject: tuple[str, ...] = (), time_limit: int = 20
) -> tuple[str | bytes, list[Problem]]:
    """The bank written in another format, and notices for what that format could not keep.

    `subject` is the bank's subject folders (Moodle XML files the bank under them, Anki's deck is
    named after them); `time_limit` the seconds Kahoot gives each question.
    """
    if to == "gift":
        return gift.write(bank)
    if to == "aiken":
        return aiken.write(bank)
    if to == "moodle-xml":
        from quiz.interchange import moodle_xml

        return moodle_xml.write(bank, subject)
    if to == "qti":
        from quiz.interchange import qti

        return qti.write(bank)
    if to == "qti21":
        from quiz.interchange import qti21

        return qti21.write(bank)
    if to == "kahoot":
        from quiz.interchange import kahoot

        return kahoot.write(bank, time_limit)
    if to == "anki":
        from quiz.interchange import anki

        return anki.write(bank, subject)
    raise ValueError(f"unknown export format {to!r}; use one of {', '.join(EXPORT_FORMATS)}")
