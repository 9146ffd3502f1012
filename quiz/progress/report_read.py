"""Reading the students' result exports for `quiz report` (CSV or JSON, see quiz.progress.export).

Required columns: REQUIRED. Optional columns, used where present (exports older than them still
read): `database`, `session`, `answer_id`, `mode`, `attempt` (what each is: quiz.progress.export)
and `answered_at`. A file that cannot be read as an export raises ReportError, one line naming it.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import operator
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, NamedTuple

from quiz.errors import QuizError
from quiz.files import EXPORT_LIMIT, FileProblem, open_regular
from quiz.progress.export import JOIN, RIGHT, WRONG
from quiz.store import DEFAULT_PROFILE
from quiz.text.safe import csv_unguard, printable_name

#: The columns the report needs; an export has more (see quiz.progress.export.COLUMNS).
REQUIRED = ("profile", "bank", "bank_title", "question_id", "question", "picked", "result")

#: Columns read where the export has them (see quiz.progress.export.COLUMNS).
OPTIONAL = ("database", "session", "answer_id", "mode", "attempt", "answered_at", "choices")

#: File extensions read from a folder.
EXTENSIONS = (".csv", ".json")

#: What to tell a teacher whose file is not an export.
EXPORT_AGAIN = "ask the student to run 'quiz results export' again"

SQLITE_MAGIC = b"SQLite format 3\x00"


class ReportError(QuizError):
    """An input that cannot be read as an export; str() is one line naming it and what to do."""


class Answer(NamedTuple):
    """One row of an export, as far as the report needs it."""

    profile: str
    bank: str
    bank_title: str
    question_id: str
    question: str
    picked: str
    right: bool
    #: The optional columns: "" (or 0 for attempt) where the export has none.
    database: str = ""
    session: str = ""
    answer_id: str = ""
    mode: str = ""
    attempt: int = 0
    answered_at: str = ""
    choices: str = ""
    #: Where the row is: the file's index in the files read, and its row (or answer) number.
    file_index: int = 0
    row_number: int = 0


# -- reading exports ------------------------------------------------------------------------------


def export_files(paths: Iterable[Path]) -> list[Path]:
    """Return the export files named: files as given, folders as their *.csv and *.json files."""
    found: list[Path] = []
    seen: set[str] = set()
    for path in paths:
        if os.path.isdir(path):
            try:
                inside = sorted(
                    p
                    for p in path.iterdir()
                    if p.suffix.lower() in EXTENSIONS
                    and not p.name.startswith(".")
                    # A FIFO or a device named like an export is kept, to be refused by name.
                    and not os.path.isdir(p)
                )
            except OSError as error:
                raise _unreadable(path, error) from None
            if not inside:
                raise ReportError(
                    f"{_name(path)}: no .csv or .json files in this folder; copy the students' "
                    "exports (quiz results export) into it"
                )
        elif os.path.exists(path):
            inside = [path]
        else:
            raise ReportError(f"{_name(path)}: no such file or folder; check the name")
        for file in inside:
            key = os.path.realpath(file)  # a link loop does not raise
            if key not in seen:
                seen.add(key)
                found.append(file)
    return found


def read_export(path: Path, file_index: int = 0) -> Iterator[Answer]:
    """Yield the answers of one export file (CSV or JSON), raising ReportError if it is not one."""
    shown = _name(path)
    try:
        # A FIFO or a device is refused by type (reading one would block or never end).
        raw = open_regular(path, limit=EXPORT_LIMIT, what="an export")
    except FileProblem as problem:
        fix = "check the file and its permissions" if problem.denied else "name an export file"
        raise ReportError(f"{shown}: {problem}; {fix}") from None
    with raw:
        try:
            head = raw.read(64)
            raw.seek(0)
        except OSError as error:
            raise _unreadable(path, error) from None
        if head.startswith(SQLITE_MAGIC):
            raise ReportError(
                f"{shown}: a score database, not an export; export it with "
                f"'quiz results export --db {shown} -o results.csv' and report on that"
            )
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        is_json = path.suffix.lower() == ".json" or (
            path.suffix.lower() != ".csv" and start in (b"[", b"{")
        )
        try:
            if is_json:
                yield from _read_json(path, raw, file_index)
            else:
                yield from _read_csv(path, raw, file_index)
        except UnicodeDecodeError:
            raise ReportError(
                f"{shown}: not UTF-8 text; {EXPORT_AGAIN}, or save it from the spreadsheet as "
                "'CSV UTF-8'"
            ) from None
        except OSError as error:
            raise _unreadable(path, error) from None


def _name(path: Path) -> str:
    """A path on one line, its control characters and undecodable bytes as escapes."""
    return printable_name(str(path))


def _unreadable(path: Path, error: OSError) -> ReportError:
    reason = error.strerror or str(error)
    return ReportError(
        f"{_name(path)}: cannot read it ({reason}); check the file and its permissions"
    )


def _not_an_export(path: Path, why: str) -> ReportError:
    return ReportError(f"{_name(path)}: not a quiz results export ({why}); {EXPORT_AGAIN}")


def _missing(path: Path, columns: Sequence[str], where: str = "") -> ReportError:
    names = ", ".join(columns)
    plural = "s" if len(columns) > 1 else ""
    return ReportError(f"{_name(path)}{where}: no column{plural} {names}; {EXPORT_AGAIN}")


def _result(path: Path, where: str, value: object) -> bool:
    text = value.strip().lower() if isinstance(value, str) else value
    if text == RIGHT:
        return True
    if text == WRONG:
        return False
    raise ReportError(
        f"{_name(path)}{where}: result is {repr(value)[:40]}, not {RIGHT!r} or {WRONG!r}; "
        f"fix it or {EXPORT_AGAIN}"
    )


def _delimiter(header: str) -> str:
    # A spreadsheet set to a language that writes decimal commas saves CSV with semicolons.
    for delimiter in (",", ";", "\t"):
        if "question_id" in [c.strip().lower() for c in header.split(delimiter)]:
            return delimiter
    return ","


def _optional(path: Path, where: str, values: Mapping[str, object]) -> dict[str, Any]:
    """The optional columns of a row as Answer's fields: text, and attempt as a number."""
    found: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = JOIN.join(value)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise ReportError(f"{_name(path)}{where}: {key} is not text; {EXPORT_AGAIN}")
        text = str(value).strip()
        if key == "attempt":
            if not text:
                continue
            if not text.isdigit() or len(text) > 9:
                raise ReportError(
                    f"{_name(path)}{where}: attempt is {text[:20]!r}, not a whole number; "
                    f"{EXPORT_AGAIN}"
                )
            found[key] = int(text)
        elif key in ("mode", "database"):
            found[key] = text.lower() if key == "mode" else text
        else:
            found[key] = text if key != "choices" else str(value)
    return found


def _attempt(path: Path, line: int, value: str) -> int:
    """The attempt column of a CSV row as a number (0: empty)."""
    text = value.strip()
    if not text:
        return 0
    if not text.isdigit() or len(text) > 9:
        raise ReportError(
            f"{_name(path)}:{line}: attempt is {text[:20]!r}, not a whole number; {EXPORT_AGAIN}"
        )
    return int(text)


def _unguarded(cells: tuple[str, ...]) -> tuple[str, ...]:
    """The cells without the quote that kept each from being a formula in a spreadsheet."""
    return tuple(csv_unguard(c) if c[:1] == "'" else c for c in cells)


def _read_csv(path: Path, raw: IO[bytes], file_index: int) -> Iterator[Answer]:
    with io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as stream:
        first = stream.readline()
        if not first.strip():
            raise _not_an_export(path, "it is empty" if not first else "no header row")
        reader = csv.reader(itertools.chain([first], stream), delimiter=_delimiter(first))
        try:
            header = [name.strip().lower() for name in next(reader)]
            missing = [c for c in REQUIRED if c not in header]
            if len(missing) == len(REQUIRED):
                raise _not_an_export(path, "no export columns in its first row")
            if missing:
                raise _missing(path, missing)
            index = [header.index(c) for c in REQUIRED]
            extra = {c: header.index(c) for c in OPTIONAL if c in header}
            width = max(index + list(extra.values())) + 1
            # Each row gets one empty cell at its end: a column the export has not is read there.
            required = operator.itemgetter(*index)
            optional = operator.itemgetter(*(extra.get(c, -1) for c in OPTIONAL))
            for row in reader:
                if not "".join(row).strip():
                    continue  # spreadsheets leave blank lines at the end
                if len(row) < width:
                    row += [""] * (width - len(row))
                row.append("")
                cells: tuple[str, ...] = required(row)
                if "'" in "".join(cells):
                    cells = _unguarded(cells)
                profile, bank, title, qid, question, picked, result = cells
                qid = qid.strip()
                if not qid:
                    raise ReportError(
                        f"{_name(path)}:{reader.line_num}: the question_id is empty; {EXPORT_AGAIN}"
                    )
                word = result.strip().lower()
                right = word == RIGHT
                if not right and word != WRONG:
                    _result(path, f":{reader.line_num}", result)  # raises, naming the row
                more: tuple[str, ...] = optional(row)
                if "'" in "".join(more):
                    more = _unguarded(more)
                database, session, answer_id, mode, attempt, answered_at, choices = more
                yield Answer(
                    profile.strip() or DEFAULT_PROFILE,
                    bank,
                    title,
                    qid,
                    question,
                    picked,
                    right,
                    database.strip(),
                    session.strip(),
                    answer_id.strip(),
                    mode.strip().lower(),
                    _attempt(path, reader.line_num, attempt) if attempt else 0,
                    answered_at.strip(),
                    choices,
                    file_index,
                    reader.line_num,
                )
        except csv.Error as error:
            raise ReportError(
                f"{_name(path)}:{reader.line_num}: not readable as CSV ({error}); {EXPORT_AGAIN}"
            ) from None


def _text(path: Path, where: str, item: dict[str, Any], key: str) -> str:
    value = item[key]
    if key == "picked" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = JOIN.join(value)
    if not isinstance(value, str):
        raise ReportError(f"{_name(path)}{where}: {key} is not text; {EXPORT_AGAIN}")
    if _SURROGATE.search(value):
        # JSON can write half a UTF-16 pair (\ud800), which no export of ours holds and no
        # terminal or file can show.
        raise ReportError(
            f"{_name(path)}{where}: {key} holds half a UTF-16 pair (a \\ud800 escape); "
            f"{EXPORT_AGAIN}"
        )
    return value


_SURROGATE = re.compile("[\ud800-\udfff]")


def _read_json(path: Path, raw: IO[bytes], file_index: int) -> Iterator[Answer]:
    # A student's export is small enough to parse whole; CSV is the format for huge ones.
    with io.TextIOWrapper(raw, encoding="utf-8-sig") as stream:
        try:
            data = json.load(stream)
        except json.JSONDecodeError as error:
            raise ReportError(
                f"{_name(path)}: not valid JSON ({error.msg} at line "
                f"{error.lineno} column {error.colno}); {EXPORT_AGAIN}"
            ) from None
        except RecursionError:
            raise _not_an_export(path, "JSON nested too deeply") from None
        except ValueError as error:
            # Python refuses an integer of over 4300 digits (CVE-2020-10735) with ValueError.
            raise _not_an_export(path, f"JSON it cannot read: {error}") from None
    if not isinstance(data, list):
        raise _not_an_export(path, "JSON, but not a list of answers")
    for number, item in enumerate(data, start=1):
        where = f": answer {number}"
        if not isinstance(item, dict):
            raise _not_an_export(path, f"answer {number} is not an object")
        missing = [c for c in REQUIRED if c not in item]
        if len(missing) == len(REQUIRED):
            raise _not_an_export(path, f"answer {number} has none of the export's keys")
        if missing:
            raise _missing(path, missing, where)
        qid = _text(path, where, item, "question_id").strip()
        if not qid:
            raise ReportError(f"{_name(path)}{where}: the question_id is empty; {EXPORT_AGAIN}")
        yield Answer(
            _text(path, where, item, "profile").strip() or DEFAULT_PROFILE,
            _text(path, where, item, "bank"),
            _text(path, where, item, "bank_title"),
            qid,
            _text(path, where, item, "question"),
            _text(path, where, item, "picked"),
            _result(path, where, item["result"]),
            **_optional(path, where, {c: item[c] for c in OPTIONAL if c in item}),
            file_index=file_index,
            row_number=number,
        )
