"""Item analysis of a class: read students' result exports, find what the class got wrong.

`quiz report FILE_OR_FOLDER... [--html OUT] [--min-answers N]`

Reads the CSV or JSON files `quiz results export` writes (see quiz.progress.export for the
columns). A folder stands for the *.csv and *.json files directly in it (hidden files skipped).
The same file named twice is read once.

- Banks are told apart by title and file name, not by full path: the same bank played on several
  computers has a different path on each.
- Every answer counts: a question a student answered three times counts three answers (and one
  student). Percent right is right answers over answers.
- The most picked wrong choice is what the wrong answers picked most often (for a question with
  several right choices, the whole set picked); ties go to the text first in alphabetical order.
- Students: each is named by its profile, except where the profile cannot tell students apart,
  where the file's name (without extension) is used: rows of the default profile, and every row
  when two or more files all hold the one same profile. So exports from home computers (each the
  default profile, each file named after its student) and from a classroom computer with one
  profile per student can be read together. Rows of one name in several files are one student.
- The students most behind are the (at most 5) with the lowest percent right among those with at
  least `min_answers` answers; fewer answers say too little to rank.

The numbers are computed by plain functions returning dataclasses (`build_report`); printing
(quiz.render.report_text, with Rich) and the HTML page (quiz.render.report_html) are separate.
A file that cannot be read as an export raises ReportError, one line naming the file.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, NamedTuple

from quiz.errors import QuizError
from quiz.files import EXPORT_LIMIT, FileProblem, open_regular
from quiz.progress.export import JOIN, RIGHT, WRONG
from quiz.store import DEFAULT_PROFILE, percent
from quiz.text.safe import csv_unguard, printable_name

#: The columns the report needs; an export has more (see quiz.progress.export.COLUMNS).
REQUIRED = ("profile", "bank", "bank_title", "question_id", "question", "picked", "result")

#: How many of the students most behind are shown, and the least answers to be ranked.
BEHIND = 5
MIN_ANSWERS = 10

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


@dataclass(frozen=True, slots=True)
class WrongChoice:
    """The wrong choice picked most often for a question, and how many answers picked it."""

    text: str
    count: int


@dataclass(frozen=True, slots=True)
class QuestionResult:
    """How the class did on one question."""

    question_id: str
    question: str
    answers: int
    right: int
    students: int
    most_picked_wrong: WrongChoice | None

    @property
    def percent_right(self) -> float:
        return percent(self.right, self.answers)


@dataclass(frozen=True, slots=True)
class BankResult:
    """The questions of one bank, hardest (lowest percent right) first."""

    title: str
    file_name: str
    questions: tuple[QuestionResult, ...]

    @property
    def answers(self) -> int:
        return sum(q.answers for q in self.questions)

    @property
    def right(self) -> int:
        return sum(q.right for q in self.questions)


@dataclass(frozen=True, slots=True)
class StudentResult:
    """One student's answers over every bank."""

    name: str
    answers: int
    right: int

    @property
    def percent_right(self) -> float:
        return percent(self.right, self.answers)


@dataclass(frozen=True, slots=True)
class Report:
    """The item analysis of a set of exports."""

    files: tuple[Path, ...]
    banks: tuple[BankResult, ...]
    #: Every student, by name.
    students: tuple[StudentResult, ...]
    #: The students most behind, lowest percent right first.
    behind: tuple[StudentResult, ...]
    min_answers: int

    @property
    def answers(self) -> int:
        return sum(s.answers for s in self.students)

    @property
    def unranked(self) -> int:
        """How many students have too few answers to be ranked."""
        return sum(1 for s in self.students if s.answers < self.min_answers)


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


def read_export(path: Path) -> Iterator[Answer]:
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
                yield from _read_json(path, raw)
            else:
                yield from _read_csv(path, raw)
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


def _read_csv(path: Path, raw: IO[bytes]) -> Iterator[Answer]:
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
            width = max(index) + 1
            for row in reader:
                if not any(cell.strip() for cell in row):
                    continue  # spreadsheets leave blank lines at the end
                where = f":{reader.line_num}"
                cells = row + [""] * (width - len(row))
                # The quote that kept a cell from being a formula in a spreadsheet comes off.
                profile, bank, title, qid, question, picked, result = (
                    csv_unguard(cells[i]) for i in index
                )
                if not qid.strip():
                    raise ReportError(
                        f"{_name(path)}{where}: the question_id is empty; {EXPORT_AGAIN}"
                    )
                yield Answer(
                    profile.strip() or DEFAULT_PROFILE,
                    bank,
                    title,
                    qid.strip(),
                    question,
                    picked,
                    _result(path, where, result),
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


def _read_json(path: Path, raw: IO[bytes]) -> Iterator[Answer]:
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
        )


# -- the analysis ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Tally:
    question: str
    answers: int = 0
    right: int = 0
    wrong_picks: Counter[str] = field(default_factory=Counter)
    who: set[tuple[int, str]] = field(default_factory=set)


def _file_name(bank: str) -> str:
    # Paths from Windows computers use backslashes.
    return re.split(r"[\\/]", bank.rstrip("\\/"))[-1]


def student_names(
    files: Sequence[Path], profiles: dict[int, set[str]]
) -> dict[tuple[int, str], str]:
    """Return the name of the student of each (file index, profile) seen (see the module doc)."""
    held = [found for found in profiles.values() if found]
    shared = len(held) > 1 and all(len(found) == 1 and found == held[0] for found in held)
    return {
        (index, profile): files[index].stem if shared or profile == DEFAULT_PROFILE else profile
        for index, found in profiles.items()
        for profile in found
    }


def build_report(
    paths: Iterable[Path], *, min_answers: int = MIN_ANSWERS, behind: int = BEHIND
) -> Report:
    """Read the exports at paths (files or folders) and return their item analysis."""
    files = export_files(paths)
    banks: dict[tuple[str, str], dict[str, _Tally]] = {}
    by_student: dict[tuple[int, str], list[int]] = {}
    profiles: dict[int, set[str]] = {index: set() for index in range(len(files))}
    for index, path in enumerate(files):
        for answer in read_export(path):
            who = (index, answer.profile)
            profiles[index].add(answer.profile)
            questions = banks.setdefault((answer.bank_title, _file_name(answer.bank)), {})
            tally = questions.get(answer.question_id)
            if tally is None:
                tally = questions[answer.question_id] = _Tally(answer.question)
            tally.answers += 1
            tally.who.add(who)
            counts = by_student.setdefault(who, [0, 0])
            counts[0] += 1
            if answer.right:
                tally.right += 1
                counts[1] += 1
            elif answer.picked:
                tally.wrong_picks[answer.picked] += 1
    names = student_names(files, profiles)
    merged: dict[str, list[int]] = {}
    for who, (answered, right) in by_student.items():
        totals = merged.setdefault(names[who], [0, 0])
        totals[0] += answered
        totals[1] += right
    students = tuple(StudentResult(n, a, r) for n, (a, r) in sorted(merged.items()))
    ranked = sorted(
        (s for s in students if s.answers >= min_answers),
        key=lambda s: (s.percent_right, -s.answers, s.name),
    )
    return Report(
        files=tuple(files),
        banks=tuple(
            BankResult(title, file_name, _questions(questions, names))
            for (title, file_name), questions in sorted(banks.items())
        ),
        students=students,
        behind=tuple(ranked[:behind]),
        min_answers=min_answers,
    )


def _questions(
    tallies: dict[str, _Tally], names: dict[tuple[int, str], str]
) -> tuple[QuestionResult, ...]:
    results = []
    for question_id, tally in tallies.items():
        wrong = None
        if tally.wrong_picks:
            text, count = min(tally.wrong_picks.items(), key=lambda item: (-item[1], item[0]))
            wrong = WrongChoice(text, count)
        results.append(
            QuestionResult(
                question_id=question_id,
                question=tally.question,
                answers=tally.answers,
                right=tally.right,
                students=len({names[who] for who in tally.who}),
                most_picked_wrong=wrong,
            )
        )
    results.sort(key=lambda q: (q.percent_right, -q.answers, q.question_id))
    return tuple(results)
