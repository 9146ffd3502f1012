"""Export every answer in the score database, one row per answer, for a teacher or a spreadsheet.

`quiz results export [--profile NAME | --all-profiles] [--format csv|json] [--since DATE]
[-o FILE [--force]]`

The columns are a contract between this export and `quiz report`, which reads them back:

column        what                                           CSV cell                JSON
------------  ---------------------------------------------  ----------------------  -------
profile       the student profile that answered              text                    string
bank          the bank file: the resolved path played        text                    string
bank_title    the bank's title                               text                    string
question_id   the question's id in its bank                  text                    string
question      the question text                              text                    string
choices       the choice texts, in the order shown           joined by " | "         strings
picked        the texts of the choices picked (none: "")     joined by " | "         strings
result        whether the answer was right                   right / wrong           same
seconds       time taken, to 0.1 s (halves rounded up)       12.3                    number
answered_at   when: ISO 8601 to the second, with UTC offset  see below               string
database      the score database's id (32 hex digits)        text                    string
session       the session's number in that database          digits                  number
answer_id     the answer's number in that database           digits                  number
mode          practice, exam, review or study                text                    string
attempt       1 the first time this profile answered this    digits                  number
              question (bank and id), 2 the second...

- The last five columns came later (`quiz report` reads exports without them too). `database`
  is made at random once per score database and kept in it, so (`database`, `answer_id`) names
  one answer whatever files it is exported into: the same answer exported twice (two students
  exporting every profile of one computer) is one answer. `attempt` counts this profile's final
  answers to the question in the order they were saved, in every mode and session, over the
  whole database (answers before `--since` or of another export too): a first try is 1.
- Without `--profile`, every profile's answers are exported (`--all-profiles` says so
  explicitly, even when QUIZ_PROFILE names one); `--profile NAME` or QUIZ_PROFILE keeps one.
- `result` is a word, not TRUE/FALSE or 1/0: a spreadsheet shows it as is in every locale, and
  `COUNTIF(H:H, "right")` counts the right answers.
- Times are written in the computer's time zone with its offset (2026-03-01T10:15:00+03:00),
  and `--since DATE` (YYYY-MM-DD) keeps the answers given from midnight of that date in the same
  time zone: the date a teacher reads in `answered_at` is the date `--since` compares.
- Only the answers that count are exported: an exam answer changed before submitting is exported
  once, as finally given (the `final` column of the store).
- A CSV cell that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a
  tab or a carriage return, such as `=HYPERLINK(...)` written in a question) is written with a
  single quote before it, so it shows as text (quiz.text.safe.csv_guard); `quiz report` takes
  the quote off again. JSON is written as it is.
- CSV is UTF-8 with a byte order mark (so Excel opens Arabic intact), comma separated, CRLF line
  ends, with a header row, quoted by the csv module where needed. JSON is one array of objects
  with the keys above, UTF-8 without a BOM.

Rows are read from the database (Store.export_answers) and written one at a time, oldest answer
first, so an export of a million answers does not hold them in memory.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime, time, timezone, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Literal

from quiz.errors import QuizError
from quiz.files import FileExists, FileProblem, write_new
from quiz.store import (
    DamagedRow,
    ExportAnswer,
    Store,
    StoreError,
    choice_lists,
    is_server_url,
)
from quiz.text.i18n import t
from quiz.text.safe import GuardedStream, csv_writer, printable_name
from quiz.text.wording import Wording, said

#: The columns of an export, in order: the contract with `quiz report`.
COLUMNS = (
    "profile",
    "bank",
    "bank_title",
    "question_id",
    "question",
    "choices",
    "picked",
    "result",
    "seconds",
    "answered_at",
    "database",
    "session",
    "answer_id",
    "mode",
    "attempt",
)

#: How a list of choice texts is joined into one CSV cell.
JOIN = " | "

#: The values of the `result` column.
RIGHT, WRONG = "right", "wrong"

#: The byte order mark that tells Excel a CSV file is UTF-8.
BOM = "\ufeff"

Format = Literal["csv", "json"]
FORMATS: tuple[str, ...] = ("csv", "json")


class ExportError(QuizError):
    """An export that cannot be written; str() is one line naming the file and what to do."""


def parse_since(text: str) -> date:
    """Return the date of a `--since` value, raising ValueError with a one-line message if bad.

    Digits of any script count: Arabic-Indic digits typed on an Arabic keyboard read as 0-9.
    """
    value = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text.strip())
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(said("export.since", text=repr(text))) from None


def _seconds(ms: int) -> float:
    """Return milliseconds as seconds to one decimal, halves rounded up (1250 ms -> 1.3)."""
    return (ms + 50) // 100 / 10


def _since_start(since: date, tz: tzinfo | None) -> datetime:
    """Return midnight at the start of `since` in tz (None: local), in UTC."""
    midnight = datetime.combine(since, time.min)
    try:
        start = midnight.astimezone() if tz is None else midnight.replace(tzinfo=tz)
        return start.astimezone(UTC)
    except (OverflowError, OSError, ValueError):
        # Midnight of 0001-01-01 east of Greenwich is in year 0 in UTC, which no datetime holds
        # (and the C library may not convert such years at all): every answer is after the
        # first years, none after the last ones.
        return (datetime.min if since.year < 1970 else datetime.max).replace(tzinfo=UTC)


def export_rows(
    source: Path | str | Store,
    since: date | None = None,
    *,
    tz: tzinfo | None = None,
    profile: str | None = None,
    warn: Callable[[object], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield each answer that counts as an export row (keys: COLUMNS), oldest first.

    A damaged or hand-edited row (choices that are not JSON, a pick out of range, a time that
    is not one) is left out, and `warn` is given one line for it at the end.

    `source` is the score database's path (or server URL) or an open Store. `since` keeps the
    answers given from midnight of that date in `tz` (None: the computer's time zone), which is
    also the zone of `answered_at`. `profile` keeps one profile's answers (None: every profile's).
    Raises StoreError (one line) for a database that cannot be read.
    """
    if isinstance(source, Store):
        store, opened = source, False
    else:
        if not is_server_url(source) and not os.path.exists(source):
            raise StoreError(source, t("export.no_database"), t("export.play_first"))
        # Opening it through the store checks that it is ours and brings its schema up to date.
        store, opened = Store.open(source), True
    try:
        start = None if since is None else _since_start(since, tz)
        database = store.database_id()
        # The answers' stream is handed over, not held here: closing the rows closes it (and
        # lets go of the connection) before the store is closed below.
        yield from _rows(
            store.export_answers(since=start, profile=profile), tz, store.damaged, database
        )
    finally:
        if warn is not None:
            for line in store.damaged:
                warn(line)
        if opened:
            store.close()


@lru_cache(maxsize=4096)
def _texts(choices: str, picked: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the choice texts shown and those picked, from their stored JSON.

    Raises DamagedRow (row unnamed) when they are not a list of texts and positions in it.
    """
    # Cached: the same question's choices come back in few orders, and parsing JSON is most
    # of the time an export of a million answers takes.
    shown, chosen = choice_lists(choices, picked, "")
    return tuple(shown), tuple(shown[i] for i in chosen)


@lru_cache(maxsize=1024)
def _zone_at(minute: datetime, tz: tzinfo | None) -> timezone:
    """Return the fixed UTC offset of tz (None: local) at a UTC minute."""
    offset = minute.astimezone(tz).utcoffset()
    assert offset is not None
    return timezone(offset)


def _local_text(moment: datetime, tz: tzinfo | None) -> str:
    """Return a UTC time as ISO 8601 text in tz (None: local), to the second."""
    # Looking up the local zone for every answer is most of an export's time; an offset only
    # changes on a whole minute, so it is looked up once per minute.
    minute = moment.replace(second=0, microsecond=0)
    return moment.astimezone(_zone_at(minute, tz)).isoformat(timespec="seconds")


def _rows(
    answers: Iterable[ExportAnswer], tz: tzinfo | None, damaged: list[Wording], database: str
) -> Iterator[dict[str, Any]]:
    """Each answer as an export row (keys: COLUMNS), its time in tz (None: local); a damaged
    one is left out and noted in `damaged`."""
    for answer in answers:
        who, bank, title, qid, question, choices, picked, correct, ms, answered, row = answer[:11]
        try:
            shown, chosen = _texts(choices, picked)
        except DamagedRow:
            # Read again, naming the row (the cached read does not know it).
            try:
                choice_lists(choices, picked, said("row.answer", number=row))
            except DamagedRow as damage:
                damaged.append(said("damaged.left_out_of_export", damage=damage.wording))
            continue
        yield {
            "profile": who,
            "bank": bank,
            "bank_title": title,
            "question_id": qid,
            "question": question,
            "choices": list(shown),
            "picked": list(chosen),
            "result": RIGHT if correct else WRONG,
            "seconds": _seconds(ms),
            "answered_at": _local_text(answered, tz),
            "database": database,
            "session": answer.session,
            "answer_id": row,
            "mode": answer.mode,
            "attempt": answer.attempt,
        }


#: The columns an older export did not have: rows without them (made by hand in a test, read
#: from an older file) are written without them, as that export was.
LATER_COLUMNS = ("database", "session", "answer_id", "mode", "attempt")


def _cell(row: dict[str, Any], column: str) -> str:
    value = row[column]
    if column in ("choices", "picked"):
        return JOIN.join(value)
    if column == "seconds":
        return f"{value:.1f}"
    return str(value)


def csv_cells(row: dict[str, Any]) -> list[str]:
    """Return an export row as the cells of a CSV line, in COLUMNS order."""
    return [_cell(row, column) for column in _columns_of(row)]


def _columns_of(row: dict[str, Any] | None) -> tuple[str, ...]:
    """COLUMNS, without the later ones when the row has none of them."""
    if row is None or any(column in row for column in LATER_COLUMNS):
        return COLUMNS
    return tuple(column for column in COLUMNS if column not in LATER_COLUMNS)


def write_csv(rows: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    """Write export rows as CSV (BOM, header, one line each) to a text stream; return the count.

    Open a file for it with `newline=""`: the csv module writes the CRLF line ends itself.
    """
    stream.write(BOM)
    rows = iter(rows)
    first = next(rows, None)
    # No cell is ever a formula in a spreadsheet: one starting with = + - @ gets a ' first.
    writer = csv_writer(stream)
    writer.writerow(_columns_of(first))
    if first is None:
        return 0
    count = 0
    for row in itertools.chain([first], rows):
        writer.writerow(csv_cells(row))
        count += 1
    return count


def write_json(rows: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    """Write export rows as one JSON array of objects to a text stream; return the count."""
    count = 0
    for row in rows:
        # One object per line keeps the file readable and the writing streamed.
        stream.write("[\n" if count == 0 else ",\n")
        stream.write(json.dumps({c: row[c] for c in _columns_of(row)}, ensure_ascii=False))
        count += 1
    stream.write("[]\n" if count == 0 else "\n]\n")
    return count


WRITERS = {"csv": write_csv, "json": write_json}


def choose_format(option: str | None, output: Path | None) -> Format:
    """Return the format asked for, else the one -o FILE's extension names, else CSV."""
    if option:
        if option not in FORMATS:
            raise ValueError(said("export.format", option=option))
        return option  # type: ignore[return-value]
    if output is not None and output.suffix.lower() == ".json":
        return "json"
    return "csv"


def run_export(
    db: Path | str,
    *,
    fmt: str | None = None,
    since: date | None = None,
    output: Path | None = None,
    force: bool = False,
    profile: str | None = None,
    stdout: IO[str] | None = None,
    warn: Callable[[object], None] | None = None,
) -> int:
    """Export the answers of the database at db to output (None: stdout); return how many.

    A file is written whole or not at all: to a temporary file beside it, renamed at the end.
    Raises ExportError (one line) for a database or a file that cannot be used.
    """
    kind = choose_format(fmt, output)
    write = WRITERS[kind]
    try:
        rows = export_rows(db, since, profile=profile, warn=warn)
        # The first row is read before anything is written, so a database that cannot be read
        # is reported without leaving a header behind.
        first = next(rows, None)
        rows = itertools.chain([] if first is None else [first], rows)
        if output is None:
            return _write_stdout(write, rows, stdout)
        return _write_file(write, rows, output, force)
    except StoreError as error:
        raise ExportError(str(error)) from None


def _write_stdout(write, rows: Iterator[dict[str, Any]], stdout: IO[str] | None) -> int:
    stream = sys.stdout if stdout is None else stdout
    buffer = getattr(stream, "buffer", None)
    if _is_terminal(stream):
        # Read on a screen, not saved: every cell's control characters shown as escapes.
        return write(rows, stream if isinstance(stream, GuardedStream) else GuardedStream(stream))
    if buffer is None:
        return write(rows, stream)
    # UTF-8 whatever the locale says, and the csv module's own line ends, for `> file.csv`.
    stream.flush()
    text = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    try:
        return write(rows, text)
    finally:
        text.flush()
        # Detach, or closing the wrapper would close stdout.
        text.detach()


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (OSError, ValueError):
        return False


def _write_file(write, rows: Iterator[dict[str, Any]], output: Path, force: bool) -> int:
    name = printable_name(str(output))
    if os.path.isdir(output):
        raise ExportError(said("export.is_folder", name=name))
    try:
        # Whole or not at all: a temporary file made with O_EXCL beside it, then renamed.
        return write_new(output, lambda stream: write(rows, stream), force=force, newline="")
    except FileExists as problem:
        raise ExportError(f"{name} {problem}") from None
    except FileProblem as problem:
        raise ExportError(said("export.cannot_write", name=name, problem=problem.wording)) from None
