"""The class report: read students' result exports, count them once, analyse each test.

`quiz report EXPORT... [--bank B] [--mode M] [--since D] [--until D] [--attempts first|last|all]`

What is counted (docs/report.md says it for teachers, with the formulas and their sources):

- An answer is counted once however many files hold it: rows are keyed by `database` +
  `answer_id` where the export has them (exports older than those columns: every row counts).
- Filters: `--bank` (title or file name, repeatable), `--mode` (default `exam,practice`: what a
  teacher means by a test; review and study answers are re-exposures; rows of exports without a
  `mode` column are kept), `--since`/`--until` (dates of `answered_at`, inclusive), and
  `--attempts` (default `first`: each student's first answer to each question among those the
  other filters keep, Moodle's default and the only fair item statistic; `last`; `all`).
- With `--attempts all` the counts and facility use every answer; the figures that need one
  answer per student (discrimination, 27% groups, distractors, alpha) use each one's first.
- Banks are told apart by title and file name, not by full path.
- Students: named by profile, or by the export's file name where the profile cannot tell students
  apart (see student_names); with a `database` column, one profile of one database is one
  student whichever file holds it. Rows of one name are one student.
- The students most behind: the (at most 5) lowest percent right with at least `min_answers`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from quiz.collector import gc_paused
from quiz.progress.export import JOIN
from quiz.progress.report_items import ItemAnalysis, TestAnalysis, analyse_test
from quiz.progress.report_read import (
    Answer,
    ReportError,
    export_files,
    read_export,
)
from quiz.store import DEFAULT_PROFILE, MODES, percent

__all__ = [
    "Answer",
    "BankResult",
    "Filters",
    "QuestionResult",
    "Report",
    "ReportError",
    "StudentResult",
    "WrongChoice",
    "build_report",
    "export_files",
    "read_export",
]

#: How many of the students most behind are shown, and the least answers to be ranked.
BEHIND = 5
MIN_ANSWERS = 10

#: What --mode keeps by default: the answers of a test, not of review or study.
DEFAULT_MODES = ("exam", "practice")
ATTEMPTS = ("first", "last", "all")


@dataclass(frozen=True, slots=True)
class Filters:
    """Which answers the report keeps (see the module doc)."""

    banks: tuple[str, ...] = ()
    modes: tuple[str, ...] = DEFAULT_MODES
    since: date | None = None
    until: date | None = None
    attempts: str = "first"

    def __post_init__(self) -> None:
        if self.attempts not in ATTEMPTS:
            raise ReportError(f"--attempts {self.attempts!r}: choose first, last or all")
        unknown = [m for m in self.modes if m not in (*MODES, "all")]
        if unknown:
            raise ReportError(
                f"--mode {unknown[0]!r}: not a mode; choose from {', '.join(MODES)} or all"
            )

    def keeps(self, answer: Answer, file_name: str) -> bool:
        if self.banks and not any(_same_bank(b, answer.bank_title, file_name) for b in self.banks):
            return False
        if answer.mode and "all" not in self.modes and answer.mode not in self.modes:
            return False
        if self.since or self.until:
            day = answer.answered_at[:10]
            if self.since and not day >= self.since.isoformat():
                return False
            if self.until and not day <= self.until.isoformat():
                return False
        return True

    def describe(self) -> str:
        """The filters in one line, as the report heads them."""
        parts = [
            f"{self.attempts} attempts"
            if self.attempts == "all"
            else f"{self.attempts} attempt of each student"
        ]
        parts.append("modes " + ("all" if "all" in self.modes else ", ".join(self.modes)))
        if self.banks:
            parts.append("banks " + ", ".join(self.banks))
        if self.since:
            parts.append(f"since {self.since.isoformat()}")
        if self.until:
            parts.append(f"until {self.until.isoformat()}")
        return "; ".join(parts)


def _same_bank(wanted: str, title: str, file_name: str) -> bool:
    wanted = wanted.strip().casefold()
    return wanted in (title.strip().casefold(), file_name.casefold(), _file_name(wanted))


@dataclass(frozen=True, slots=True)
class WrongChoice:
    """The wrong choice picked most often for a question, and how many answers picked it."""

    text: str
    count: int


@dataclass(frozen=True, slots=True)
class QuestionResult:
    """How the class did on one question: counts, and the item analysis."""

    question_id: str
    question: str
    answers: int
    right: int
    students: int
    most_picked_wrong: WrongChoice | None
    analysis: ItemAnalysis | None = field(default=None, compare=False)

    @property
    def percent_right(self) -> float:
        return percent(self.right, self.answers)


@dataclass(frozen=True, slots=True)
class BankResult:
    """The questions of one bank, hardest (lowest percent right) first, and the test's figures."""

    title: str
    file_name: str
    questions: tuple[QuestionResult, ...]
    test: TestAnalysis | None = field(default=None, compare=False)

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
    filters: Filters = field(default_factory=Filters)
    #: Rows left out because another file (or the same one) held the same answer.
    duplicates: int = 0
    #: Each student's responses per bank: {(title, file): {student: {question_id: right}}}.
    responses: dict[tuple[str, str], dict[str, dict[str, bool]]] = field(
        default_factory=dict, compare=False
    )

    @property
    def answers(self) -> int:
        return sum(s.answers for s in self.students)

    @property
    def unranked(self) -> int:
        """How many students have too few answers to be ranked."""
        return sum(1 for s in self.students if s.answers < self.min_answers)


@lru_cache(maxsize=4096)
def _file_name(bank: str) -> str:
    # Paths from Windows computers use backslashes.
    return re.split(r"[\\/]", bank.rstrip("\\/"))[-1]


def student_names(
    files: Sequence[Path], profiles: dict[int, set[str]]
) -> dict[tuple[int, str], str]:
    """Return the name of the student of each (file index, profile) seen.

    A profile names its student, except where it cannot tell students apart, where the file's
    name (without extension) is used: rows of the default profile, and every row when two or
    more files all hold the one same profile (home computers, each file named after its student).
    """
    held = [found for found in profiles.values() if found]
    shared = len(held) > 1 and all(len(found) == 1 and found == held[0] for found in held)
    return {
        (index, profile): files[index].stem if shared or profile == DEFAULT_PROFILE else profile
        for index, found in profiles.items()
        for profile in found
    }


def _order(answer: Answer) -> tuple[str, int, int, int]:
    return (answer.answered_at, answer.attempt, answer.file_index, answer.row_number)


def read_answers(files: Sequence[Path], filters: Filters) -> tuple[list[tuple[str, Answer]], int]:
    """Every answer the filters keep, once, with its student's name; and the duplicates left out."""
    seen: set[tuple[str, str]] = set()
    duplicates = 0
    kept: list[Answer] = []
    profiles: dict[int, set[str]] = {index: set() for index in range(len(files))}
    for index, path in enumerate(files):
        for answer in read_export(path, index):
            if answer.database and answer.answer_id:
                key = (answer.database, answer.answer_id)
                if key in seen:
                    duplicates += 1
                    continue
                seen.add(key)
            profiles[index].add(answer.profile)
            if filters.keeps(answer, _file_name(answer.bank)):
                kept.append(answer)
    names = student_names(files, profiles)
    # One profile of one database is one student, whichever file it was read from first.
    by_database: dict[tuple[str, str], str] = {}
    named: list[tuple[str, Answer]] = []
    for answer in kept:
        name = names[(answer.file_index, answer.profile)]
        if answer.database:
            name = by_database.setdefault((answer.database, answer.profile), name)
        named.append((name, answer))
    if filters.attempts != "all":
        named.sort(key=lambda pair: _order(pair[1]), reverse=filters.attempts == "last")
        chosen: dict[tuple[str, str, str, str], tuple[str, Answer]] = {}
        for name, answer in named:
            bank = (answer.bank_title, _file_name(answer.bank))
            chosen.setdefault((name, *bank, answer.question_id), (name, answer))
        # Back in the order of the files, so questions are numbered as first met in them.
        named = sorted(chosen.values(), key=lambda p: (p[1].file_index, p[1].row_number))
    return named, duplicates


@dataclass(slots=True)
class _Tally:
    question: str
    answers: int = 0
    right: int = 0
    wrong_picks: Counter[str] = field(default_factory=Counter)
    who: set[str] = field(default_factory=set)
    #: Each student's first response: (right, picked), and the choice texts shown.
    first: dict[str, tuple[bool, str]] = field(default_factory=dict)
    choices: list[str] = field(default_factory=list)
    #: The `choices` cells already read into `choices` (most answers repeat one).
    shown: set[str] = field(default_factory=set)


def build_report(
    paths: Iterable[Path],
    *,
    min_answers: int = MIN_ANSWERS,
    behind: int = BEHIND,
    filters: Filters | None = None,
) -> Report:
    """Read the exports at paths (files or folders) and return their item analysis."""
    filters = filters or Filters()
    files = export_files(paths)
    # Tens of thousands of answers and their tallies, none in a cycle: no collection meanwhile.
    with gc_paused():
        return _report(files, filters, min_answers, behind)


def _report(files: list[Path], filters: Filters, min_answers: int, behind: int) -> Report:
    answers, duplicates = read_answers(files, filters)
    banks: dict[tuple[str, str], dict[str, _Tally]] = {}
    by_student: dict[str, list[int]] = {}
    for name, answer in answers:
        questions = banks.setdefault((answer.bank_title, _file_name(answer.bank)), {})
        tally = questions.get(answer.question_id)
        if tally is None:
            tally = questions[answer.question_id] = _Tally(answer.question)
        tally.answers += 1
        tally.who.add(name)
        tally.first.setdefault(name, (answer.right, answer.picked))
        if answer.choices and answer.choices not in tally.shown:
            tally.shown.add(answer.choices)
            for text in answer.choices.split(JOIN):
                if text not in tally.choices:
                    tally.choices.append(text)
        counts = by_student.setdefault(name, [0, 0])
        counts[0] += 1
        if answer.right:
            tally.right += 1
            counts[1] += 1
        elif answer.picked:
            tally.wrong_picks[answer.picked] += 1
    students = tuple(StudentResult(n, a, r) for n, (a, r) in sorted(by_student.items()))
    ranked = sorted(
        (s for s in students if s.answers >= min_answers),
        key=lambda s: (s.percent_right, -s.answers, s.name),
    )
    results = []
    responses: dict[tuple[str, str], dict[str, dict[str, bool]]] = {}
    for key, questions in sorted(banks.items()):
        matrix: dict[str, dict[str, bool]] = {}
        for qid, tally in questions.items():
            for name, (right, _picked) in tally.first.items():
                matrix.setdefault(name, {})[qid] = right
        responses[key] = matrix
        test, items = analyse_test(
            {qid: (t.first, t.choices, t.right, t.answers) for qid, t in questions.items()}
        )
        results.append(BankResult(key[0], key[1], _questions(questions, items), test))
    return Report(
        files=tuple(files),
        banks=tuple(results),
        students=students,
        behind=tuple(ranked[:behind]),
        min_answers=min_answers,
        filters=filters,
        duplicates=duplicates,
        responses=responses,
    )


def _questions(
    tallies: dict[str, _Tally], items: dict[str, ItemAnalysis]
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
                students=len(tally.who),
                most_picked_wrong=wrong,
                analysis=items[question_id],
            )
        )
    results.sort(key=lambda q: (q.percent_right, -q.answers, q.question_id))
    return tuple(results)
