"""The plain data of a question bank: banks, questions, and the problems found in their files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from quiz.text.wording import Wording

#: The version of the bank file format this code reads (1.1, 1.2 and 1.3 only add to 1).
FORMAT_VERSION = 1

#: How a bank's text is written (its top-level `format`): as it is shown, or in Markdown.
TEXT_FORMATS = ("plain", "markdown")

#: Language subtags written right to left.
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"})


class Severity(StrEnum):
    """How bad a problem in a bank file is."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a bank file, pointing at the line and column at fault."""

    path: str
    line: int
    column: int
    severity: Severity
    #: What is wrong: a wording from the catalogue, or a text as it was written (an importer's).
    wording: Wording | str
    #: The teaching rule that found it (see quiz.bank.lint), "" for the loader's own rules.
    rule: str = ""

    @property
    def message(self) -> str:
        """What is wrong, in the current interface language."""
        return str(self.wording)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"

    def as_json(self) -> dict[str, object]:
        """The problem as a JSON-ready mapping."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": str(self.severity),
            "message": self.message,
            "rule": self.rule or None,
        }

    def stored(self) -> dict[str, object]:
        """The problem as the bank cache keeps it: its wording, not one language's text."""
        data = self.as_json()
        if isinstance(self.wording, Wording):
            data["message"] = self.wording.as_json()
        return data

    @classmethod
    def from_stored(cls, data: dict) -> Problem:
        """Rebuild a problem kept by `stored`."""
        message = data["message"]
        return cls(
            data["path"],
            data["line"],
            data["column"],
            Severity(data["severity"]),
            Wording.from_json(message) if isinstance(message, dict) else message,
            data["rule"] or "",
        )


@dataclass(frozen=True, slots=True)
class Question:
    """One multiple-choice question, its text cleaned and ready to show."""

    id: str
    text: str
    choices: tuple[str, ...]
    answers: tuple[str, ...]
    explanation: str = ""
    tags: tuple[str, ...] = ()
    line: int = 0
    #: Per-choice feedback, aligned with `choices` ("" for none); empty when no choice has any.
    feedback: tuple[str, ...] = ()
    #: Whether the choices may be shown in another order than the file's.
    shuffle: bool = True
    #: Where the question starts, and where each choice is, as (line, column), for messages.
    column: int = 0
    choice_positions: tuple[tuple[int, int], ...] = ()
    #: Where the answer is settled (a text or a URL): the question's own, else its bank's; "".
    source: str = ""

    @property
    def multiple(self) -> bool:
        """Whether several choices are right ("select all that apply")."""
        return len(self.answers) > 1

    def feedback_for(self, choice: str) -> str:
        """The feedback written for one choice, or ""."""
        if not self.feedback:
            return ""
        return self.feedback[self.choices.index(choice)]

    def as_json(self) -> dict[str, object]:
        """The question as a JSON-ready mapping (the cache stores this)."""
        return {
            "id": self.id,
            "text": self.text,
            "choices": list(self.choices),
            "answers": list(self.answers),
            "explanation": self.explanation,
            "tags": list(self.tags),
            "line": self.line,
            "feedback": list(self.feedback),
            "shuffle": self.shuffle,
            "column": self.column,
            "choice_positions": [list(p) for p in self.choice_positions],
            "source": self.source,
        }

    @classmethod
    def from_json(cls, data: dict) -> Question:
        """Rebuild a question stored by `as_json`."""
        return cls(
            id=data["id"],
            text=data["text"],
            choices=tuple(data["choices"]),
            answers=tuple(data["answers"]),
            explanation=data["explanation"],
            tags=tuple(data["tags"]),
            line=data["line"],
            feedback=tuple(data["feedback"]),
            shuffle=data["shuffle"],
            column=data["column"],
            choice_positions=tuple((line, column) for line, column in data["choice_positions"]),
            source=data["source"],
        )


@dataclass(frozen=True, slots=True)
class Bank:
    """One question bank: a file of questions on one subject."""

    path: Path
    title: str
    language: str = "en"
    description: str = ""
    tags: tuple[str, ...] = ()
    #: A tuple, or a lazy sequence when the bank comes from the cache.
    questions: Sequence[Question] = field(default=(), repr=False)
    #: Whether questions may be asked in another order than the file's.
    shuffle: bool = True
    #: Where the bank's questions are settled (a text or a URL), "" for none.
    source: str = ""
    #: How its text is written: "plain" (shown as written) or "markdown" (format 1.3).
    format: str = "plain"

    @property
    def markdown(self) -> bool:
        """Whether the bank's question, choice and explanation texts are Markdown."""
        return self.format == "markdown"

    @property
    def rtl(self) -> bool:
        """Whether the bank's language is written right to left."""
        return self.language.split("-")[0].lower() in RTL_LANGUAGES


@dataclass(slots=True)
class LoadResult:
    """What reading one bank file gave: the bank (None when it has errors) and its problems."""

    path: Path
    bank: Bank | None
    problems: list[Problem] = field(default_factory=list)
    title: str = ""

    @property
    def errors(self) -> list[Problem]:
        """The problems that make the file unplayable."""
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """The problems worth fixing that do not stop the file from being played."""
        return [p for p in self.problems if p.severity is Severity.WARNING]
