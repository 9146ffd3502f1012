"""`quiz check BANK --results EXPORT...`: what the class's answers showed, at the question's line.

The exports are read as `quiz report` reads them (its default filters: exam and practice, first
attempts); a bank is matched by its title or file name. Warnings, each at the question (or the
choice) it is about, only with at least MIN_STUDENTS students who answered the question:

- a question whose discrimination is negative: the key may be wrong (naming the distractor that
  discriminates most positively, where one does);
- a distractor of the bank (a choice that is not an answer) that nobody picked.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from quiz.bank.cache import display_name
from quiz.bank.catalog import walk
from quiz.bank.loader import load_bank
from quiz.bank.model import Bank, Problem, Severity
from quiz.progress.items import MIN_STUDENTS
from quiz.progress.report import BankResult, QuestionResult, build_report
from quiz.text.wording import said

RULE = "results"


def results_problems(bank_paths: Sequence[Path], exports: Sequence[Path]) -> list[Problem]:
    """The warnings the exports give about the questions of the banks at bank_paths."""
    report = build_report(exports)
    problems: list[Problem] = []
    for root in bank_paths:
        for bank_file in walk(root):
            loaded = load_bank(bank_file.path)
            if loaded.bank is None:
                continue  # quiz check reports why already
            result = _matching(loaded.bank, bank_file.path, report.banks)
            if result is not None:
                problems += _bank_problems(loaded.bank, display_name(bank_file.path), result)
    return problems


def _matching(bank: Bank, path: Path, results: Sequence[BankResult]) -> BankResult | None:
    for result in results:
        if result.file_name == path.name and result.title == bank.title:
            return result
    for result in results:
        if result.file_name == path.name or result.title == bank.title:
            return result
    return None


def _bank_problems(bank: Bank, name: str, result: BankResult) -> list[Problem]:
    found: dict[str, QuestionResult] = {q.question_id: q for q in result.questions}
    problems = []
    for question in bank.questions:
        q = found.get(question.id)
        item = q.analysis if q else None
        if q is None or item is None or item.students < MIN_STUDENTS:
            continue
        where = (question.line or 1, question.column or 1)
        if item.discrimination is not None and item.discrimination < 0:
            rivals = [
                c
                for c in item.choices
                if not c.key and c.discrimination is not None and c.discrimination > 0
            ]
            discrimination = item.discrimination
            if rivals:
                best = max(rivals, key=lambda c: c.discrimination or 0.0)
                message = said(
                    "problem.results.key_may_be_wrong",
                    count=item.students,
                    discrimination=discrimination,
                    choice=repr(best.text),
                    rival=best.discrimination,
                )
            else:
                message = said(
                    "problem.results.check_the_key",
                    count=item.students,
                    discrimination=discrimination,
                )
            problems.append(Problem(name, *where, Severity.WARNING, message, RULE))
        picked = {c.text: c.picked for c in item.choices}
        for index, choice in enumerate(question.choices):
            if choice in question.answers or picked.get(choice, 0):
                continue
            at = (
                question.choice_positions[index]
                if index < len(question.choice_positions)
                else where
            )
            problems.append(
                Problem(
                    name,
                    *at,
                    Severity.WARNING,
                    said(
                        "problem.results.picked_by_nobody", count=item.students, choice=repr(choice)
                    ),
                    RULE,
                )
            )
    return problems
