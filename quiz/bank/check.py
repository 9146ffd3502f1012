"""`quiz check`: read bank files and folders and report every problem, one line each."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from quiz.bank.cache import display_name
from quiz.bank.catalog import walk
from quiz.bank.lint import DEFAULT_RULES, RULE_NAMES, lint
from quiz.bank.loader import FAST_LOADER, gc_paused, load_bank
from quiz.bank.model import Problem, Severity


@dataclass(slots=True)
class Report:
    """What checking some files found."""

    files: int = 0
    questions: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> int:
        """How many errors were found."""
        return sum(p.severity is Severity.ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        """How many warnings were found."""
        return sum(p.severity is Severity.WARNING for p in self.problems)

    def add(self, file: tuple[int, list[Problem]]) -> None:
        """Count one checked file: its questions and problems."""
        self.files += 1
        self.questions += file[0]
        self.problems.extend(file[1])

    def as_json(self) -> dict[str, object]:
        """The report as JSON-ready data, for editors and CI."""
        return {
            "files": self.files,
            "questions": self.questions,
            "errors": self.errors,
            "warnings": self.warnings,
            "problems": [p.as_json() for p in self.problems],
        }

    def summary(self) -> str:
        """The closing line, in the current interface language: `3 files, 45 questions, 1 error,
        2 warnings`."""
        from quiz.text.i18n import separator, t

        return separator().join(
            (
                t("check.files", count=self.files),
                t("check.questions", count=self.questions),
                t("check.errors", count=self.errors),
                t("check.warnings", count=self.warnings),
            )
        )


def missing(paths: Sequence[Path]) -> list[Path]:
    """The paths that are neither a file nor a folder.

    A broken link is reported, not missing; so is a path that cannot be looked up (a folder
    on the way without permission): reading it says why.
    """
    return [p for p in paths if _absent(p)]


def _absent(path: Path) -> bool:
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except (OSError, ValueError):
        return False
    return False


def check(paths: Sequence[Path], *, loader: type = FAST_LOADER, strict: bool = False) -> Report:
    """Check every bank file in the given files and folders; `strict` makes warnings errors
    and adds the rules only published banks must follow (`no-source`)."""
    report = Report()
    # Reading makes many objects and no cycles: collecting as it goes would only cost time.
    with gc_paused():
        for bank_file in (f for root in paths for f in walk(root)):
            refused = bank_file.problem()
            if refused is not None:
                report.problems.append(refused)
            else:
                report.add(_check_file(bank_file.path, loader, strict))
    return report


def _check_file(path: Path, loader: type, strict: bool) -> tuple[int, list[Problem]]:
    """How many questions one file has, and its problems (loader's, then teaching)."""
    name = display_name(path)
    result = load_bank(path, name=name, loader=loader)
    problems = list(result.problems)
    count = 0
    if result.bank is not None:
        # The teaching warnings only once the file loads: they read its questions.
        count = len(result.bank.questions)
        # --strict asks more of a bank: also the rules meant for published banks (no-source).
        problems += lint(result.bank, name, rules=RULE_NAMES if strict else DEFAULT_RULES)
        problems.sort(key=lambda p: (p.line, p.column))
    if strict:
        problems = [replace(p, severity=Severity.ERROR) for p in problems]
    return count, problems
