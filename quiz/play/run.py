"""What every run a student takes shares: questions shown, answers given, saved as they go.

Plain Python: the TUI drives a `Quiz` and shows what it says. Every answer is written to the
score store the moment it is given.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from quiz.bank.model import Question

DEFAULT_COUNT = 10


class Recorder(Protocol):
    """Where a quiz saves itself (the score store)."""

    def start_session(self, *, bank: str, title: str, planned: int, mode: str = ...) -> int: ...

    def record_answer(
        self,
        session_id: int,
        *,
        question_id: str,
        question: str,
        choices: Sequence[str],
        picked: int | Sequence[int],
        correct: bool,
        ms: int,
    ) -> None: ...

    def finish_session(self, session_id: int) -> None: ...


@dataclass(frozen=True, slots=True)
class Shown:
    """A question as one quiz shows it: its choices in display order."""

    question: Question
    choices: tuple[str, ...]

    @property
    def right(self) -> frozenset[int]:
        """The display positions of the right choices."""
        answers = set(self.question.answers)
        return frozenset(i for i, choice in enumerate(self.choices) if choice in answers)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the student answered to one question."""

    picked: frozenset[int]
    correct: bool
    ms: int


class AlreadyAnswered(Exception):
    """An answer cannot be changed once given."""


def default_count(available: int) -> int:
    """How many questions a quiz asks unless told: ten, or all when there are fewer."""
    return min(DEFAULT_COUNT, available)


def choice_order(rng: random.Random, question: Question) -> tuple[str, ...]:
    """The order a question's choices are shown in: shuffled, unless it says `shuffle: false`."""
    if not question.shuffle:
        return question.choices
    return tuple(rng.sample(question.choices, len(question.choices)))


class Run:
    """Questions asked one after another with feedback after each; `save` keeps each answer.

    The practice `Quiz` and the review share it; a subclass saves answers and ends its sessions.
    """

    def __init__(self, items: list[Shown], clock: Callable[[], float]) -> None:
        self.items = items
        self.clock = clock
        self.outcomes: list[Outcome | None] = [None] * len(items)
        self.position = 0
        self.started = clock()
        self.shown_at = self.started
        self.ended: float | None = None

    # -- where we are --------------------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many questions this run asks."""
        return len(self.items)

    @property
    def current(self) -> Shown:
        """The question being asked now."""
        return self.items[self.position]

    @property
    def current_outcome(self) -> Outcome | None:
        """The answer to the current question, once given."""
        return self.outcomes[self.position]

    @property
    def answered(self) -> int:
        """How many questions have been answered."""
        return sum(o is not None for o in self.outcomes)

    @property
    def correct(self) -> int:
        """How many questions were answered right."""
        return sum(o is not None and o.correct for o in self.outcomes)

    @property
    def is_last(self) -> bool:
        """Whether the current question is the last one."""
        return self.position == len(self.items) - 1

    @property
    def finished(self) -> bool:
        """Whether the run has ended."""
        return self.ended is not None

    @property
    def seconds(self) -> float:
        """Time from the first question to the end (or to now)."""
        return (self.ended if self.ended is not None else self.clock()) - self.started

    def missed(self) -> list[Question]:
        """The questions answered wrong, in the order they were asked."""
        return [
            shown.question
            for shown, outcome in zip(self.items, self.outcomes, strict=True)
            if outcome is not None and not outcome.correct
        ]

    # -- what the student does -----------------------------------------------------------------

    def answer(self, picked: int | Iterable[int]) -> Outcome:
        """Answer the current question with one display position (or several); saved at once."""
        if self.current_outcome is not None:
            raise AlreadyAnswered(f"question {self.position + 1} is already answered")
        picks = frozenset([picked] if isinstance(picked, int) else picked)
        shown = self.current
        if not picks or any(not 0 <= p < len(shown.choices) for p in picks):
            raise ValueError(f"no such choice: {sorted(picks)}")
        ms = max(0, round((self.clock() - self.shown_at) * 1000))
        outcome = Outcome(picks, picks == shown.right, ms)
        self.save(shown, outcome)
        self.outcomes[self.position] = outcome
        return outcome

    def save(self, shown: Shown, outcome: Outcome) -> None:
        """Write one answer to the score store (before `answer` returns)."""
        raise NotImplementedError

    def advance(self) -> bool:
        """Go to the next question; False (and the run ends) when there is none."""
        if self.is_last or not self.items:
            self.finish()
            return False
        self.position += 1
        self.shown_at = self.clock()
        return True

    def finish(self) -> None:
        """End the run and save that it ended."""
        if self.ended is None:
            self.ended = self.clock()
            self.close()

    def close(self) -> None:
        """Save that the run ended (its sessions' finish time)."""
        raise NotImplementedError
