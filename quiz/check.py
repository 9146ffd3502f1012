"""`quiz check`: read bank files and folders and report every problem, one line each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from quiz.cache import display_name
from quiz.catalog import walk
from quiz.lint import lint
from quiz.loader import FAST_LOADER, load_bank
from quiz.model import Problem, Severity


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
        """The closing line: `3 files, 45 questions, 1 error, 2 warnings`."""
        return ", ".join(
            _plural(n, word)
            for n, word in (
                (self.files, "file"),
                (self.questions, "question"),
                (self.errors, "error"),
                (self.warnings, "warning"),
            )
        )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def missing(paths: Sequence[Path]) -> list[Path]:
    """The paths that are neither a file nor a folder."""
    return [p for p in paths if not p.exists()]


def check(paths: Sequence[Path], *, loader: type = FAST_LOADER, strict: bool = False) -> Report:
    """Check every bank file in the given files and folders; `strict` makes warnings errors."""
    report = Report()
    for root in paths:
        for bank_file in walk(root):
            name = display_name(bank_file.path)
            result = load_bank(bank_file.path, name=name, loader=loader)
            problems = list(result.problems)
            if result.bank is not None:
                # The teaching warnings only once the file loads: they read its questions.
                report.questions += len(result.bank.questions)
                problems += lint(result.bank, name)
                problems.sort(key=lambda p: (p.line, p.column))
            if strict:
                problems = [replace(p, severity=Severity.ERROR) for p in problems]
            report.files += 1
            report.problems.extend(problems)
    return report
