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
(`print_report`, with Rich) and the HTML page (`render_html`) are separate.
A file that cannot be read as an export raises ReportError, one line naming the file.
"""

from __future__ import annotations

import csv
import html
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
from quiz.files import EXPORT_LIMIT, FileExists, FileProblem, open_regular, write_new
from quiz.progress.export import JOIN, RIGHT, WRONG
from quiz.store import DEFAULT_PROFILE
from quiz.text.safe import csv_unguard, printable_name, visible

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
        return 100.0 * self.right / self.answers


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
        return 100.0 * self.right / self.answers


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


def percent_label(right: int, answers: int) -> str:
    """Return right out of answers as a whole percentage, never 0% or 100% unless exactly so."""
    value = int(100 * right / answers + 0.5)
    if right < answers:
        value = min(value, 99)
    if right > 0:
        value = max(value, 1)
    return f"{value}%"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def behind_note(report: Report) -> str:
    """Return the line under the heading of the students most behind."""
    least = _plural(report.min_answers, "answer")
    note = f"Lowest percent right first, of those with at least {least}"
    if report.unranked:
        note += f"; {_plural(report.unranked, 'student')} with fewer not ranked"
    return note + "."


def summary_line(report: Report) -> str:
    """Return one line saying what the report covers."""
    return (
        f"{_plural(len(report.students), 'student')}, {_plural(report.answers, 'answer')}, "
        f"from {_plural(len(report.files), 'file')}"
    )


# -- the table on a terminal ----------------------------------------------------------------------


def print_report(report: Report, stream: IO[str], *, width: int | None = None) -> None:
    """Print the report as plain tables (Rich) to a text stream."""
    # Rich only here: building the report needs none of it.
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from quiz.text.safe import guarded_console

    # Every text segment is made visible: control and bidi characters in exports are data.
    console = guarded_console(stream, width=width, highlight=False, emoji=False)
    console.print(Text(f"Quiz report: {summary_line(report)}", style="bold"))
    if not report.students:
        console.print(Text("No answers in these exports."))
        return
    for bank in report.banks:
        console.print()
        # Text from exports is data, never markup: always wrapped in Text.
        console.print(Text(f"{bank.title} ({bank.file_name})", style="bold"))
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column("ID", no_wrap=True)
        table.add_column("Question", ratio=3)
        table.add_column("Answers", justify="right")
        table.add_column("Students", justify="right")
        table.add_column("Right", justify="right")
        table.add_column("Most picked wrong choice", ratio=2)
        for q in bank.questions:
            wrong = q.most_picked_wrong
            table.add_row(
                Text(q.question_id),
                Text(q.question),
                Text(str(q.answers)),
                Text(str(q.students)),
                Text(percent_label(q.right, q.answers)),
                Text("" if wrong is None else f"{wrong.text} ({wrong.count})"),
            )
        console.print(table)
    console.print()
    console.print(Text("Students most behind", style="bold"))
    console.print(Text(behind_note(report)))
    if not report.behind:
        console.print(Text("No student has that many answers yet; see --min-answers."))
        return
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Student")
    table.add_column("Answers", justify="right")
    table.add_column("Right", justify="right")
    for student in report.behind:
        table.add_row(
            Text(student.name),
            Text(str(student.answers)),
            Text(percent_label(student.right, student.answers)),
        )
    console.print(table)


# -- the HTML page --------------------------------------------------------------------------------

#: The page's only style: inline, no fonts or scripts from anywhere.
CSS = """
:root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec;
  --low: #c0392b; --mid: #b7791f; --high: #2f855a; --track: #e4e7eb; }
* { box-sizing: border-box; }
body { margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: var(--ink);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .2rem; }
.muted, .file { color: var(--muted); }
.file { font-size: .85rem; margin: 0 0 .6rem; }
table { border-collapse: collapse; width: 100%; }
/* Fixed columns, so every bank's table lines up with the others. */
table.items { table-layout: fixed; }
table.items col.id { width: 4.5rem; }
table.items col.count { width: 6rem; }
table.items col.right { width: 12rem; }
table.items col.wrong { width: 22%; }
table.students { width: auto; min-width: 28rem; }
td { overflow-wrap: anywhere; }
th, td { border-bottom: 1px solid var(--line); padding: .4rem .5rem; vertical-align: top;
  text-align: start; }
th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
td.num, th.num { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.id { color: var(--muted); font-size: .85rem; white-space: nowrap; }
td.right { white-space: nowrap; }
.pct { display: inline-block; min-width: 3.2em; text-align: end; font-weight: 600;
  font-variant-numeric: tabular-nums; }
svg.bar { vertical-align: middle; margin-inline-end: .4rem; }
svg.bar .track { fill: var(--track); }
svg.bar .low { fill: var(--low); }
svg.bar .mid { fill: var(--mid); }
svg.bar .high { fill: var(--high); }
.count { color: var(--muted); white-space: nowrap; }
.files { font-size: .85rem; }
@media print { body { margin: 0; max-width: none; } section { break-inside: avoid; } }
"""


def _e(text: object) -> str:
    # Control and bidi characters shown as escapes, as on a terminal; then HTML-escaped.
    return html.escape(visible(str(text)), quote=True)


def _level(percent: float) -> str:
    return "low" if percent < 50 else "mid" if percent < 75 else "high"


def _bar(right: int, answers: int) -> str:
    """Return an inline SVG bar of right out of answers, 120 px wide."""
    percent = 100.0 * right / answers
    label = f"{percent_label(right, answers)} right ({right} of {answers})"
    return (
        f'<svg class="bar" width="120" height="14" viewBox="0 0 100 14" '
        f'preserveAspectRatio="none" role="img" aria-label="{_e(label)}">'
        f"<title>{_e(label)}</title>"
        f'<rect class="track" width="100" height="14" rx="2"/>'
        f'<rect class="{_level(percent)}" width="{percent:.1f}" height="14" rx="2"/></svg>'
    )


def _right_cell(right: int, answers: int) -> str:
    return (
        f'<td class="right">{_bar(right, answers)}'
        f'<span class="pct">{percent_label(right, answers)}</span></td>'
    )


def _bank_section(bank: BankResult) -> str:
    rows = []
    for q in bank.questions:
        wrong = q.most_picked_wrong
        wrong_cell = (
            "<td></td>"
            if wrong is None
            # The count is isolated left to right, or after an Arabic choice it reads backwards.
            else f'<td dir="auto">{_e(wrong.text)} <span class="count" dir="ltr" '
            f'title="picked in {wrong.count} wrong answers">×{wrong.count}</span></td>'
        )
        rows.append(
            "<tr>"
            f'<td class="id" dir="auto">{_e(q.question_id)}</td>'
            f'<td class="question" dir="auto">{_e(q.question)}</td>'
            f'<td class="num">{q.answers}</td>'
            f'<td class="num">{q.students}</td>'
            f"{_right_cell(q.right, q.answers)}"
            f"{wrong_cell}"
            "</tr>"
        )
    return (
        "<section>"
        f'<h2 dir="auto">{_e(bank.title)}</h2>'
        f'<p class="file" dir="auto">{_e(bank.file_name)} · {bank.answers} answers, '
        f"{percent_label(bank.right, bank.answers)} right</p>"
        '<table class="items"><colgroup><col class="id"><col><col class="count">'
        '<col class="count"><col class="right"><col class="wrong"></colgroup><thead><tr>'
        '<th>ID</th><th>Question</th><th class="num">Answers</th><th class="num">Students</th>'
        "<th>Right</th><th>Most picked wrong choice</th>"
        "</tr></thead><tbody>" + "".join(rows) + "</tbody></table></section>"
    )


def _students_section(report: Report) -> str:
    heading = f'<h2>Students most behind</h2><p class="file">{_e(behind_note(report))}</p>'
    if not report.behind:
        return f"<section>{heading}<p>No student has that many answers yet.</p></section>"
    rows = "".join(
        "<tr>"
        f'<td dir="auto">{_e(s.name)}</td>'
        f'<td class="num">{s.answers}</td>'
        f"{_right_cell(s.right, s.answers)}"
        "</tr>"
        for s in report.behind
    )
    return (
        f'<section>{heading}<table class="students"><thead><tr><th>Student</th>'
        '<th class="num">Answers</th><th>Right</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></section>"
    )


def render_html(report: Report) -> str:
    """Return the report as one self-contained HTML page (inline CSS and SVG, no scripts)."""
    files = ", ".join(f'<span dir="auto">{_e(p.name)}</span>' for p in report.files)
    if report.students:
        body = "".join(_bank_section(b) for b in report.banks) + _students_section(report)
    else:
        body = "<p>No answers in these exports.</p>"
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Quiz report</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header><h1>Quiz report</h1><p class="muted">{_e(summary_line(report))}</p>'
        f'<p class="files muted">Files: {files}</p></header>\n'
        f"<main>{body}</main>\n</body>\n</html>\n"
    )


def write_html(report: Report, out: Path, *, force: bool = False) -> None:
    """Write the report's HTML page to a new file (an existing one only with `force`), never
    over one of its own inputs."""
    name = _name(out)
    if os.path.lexists(out) and any(_same_file(out, f) for f in report.files):
        raise ReportError(f"{name} is one of the exports being read; name another file for --html")
    if os.path.isdir(out):
        raise ReportError(f"{name} is a folder; name a file for --html, e.g. report.html")
    try:
        write_new(out, render_html(report), force=force)
    except FileExists as problem:
        raise ReportError(f"{name} {problem}") from None
    except FileProblem as problem:
        raise ReportError(f"{name}: {problem}; choose another place") from None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def report_command(
    paths: Sequence[str | Path],
    *,
    html_out: str | Path | None = None,
    force: bool = False,
    min_answers: int = MIN_ANSWERS,
    stdout: IO[str],
    stderr: IO[str],
) -> None:
    """Run `quiz report`: print the tables, or write the HTML page and say so on stderr."""
    report = build_report([Path(p) for p in paths], min_answers=min_answers)
    if html_out is None:
        print_report(report, stdout)
        return
    write_html(report, Path(html_out), force=force)
    print(f"wrote {html_out}: {summary_line(report)}", file=stderr)
