"""What every run a student takes shares: questions shown, answers given, saved as they go.

Plain Python: a screen drives a run and shows what it says. Every answer is written to the
score store the moment it is given.

- `Run`: the protocol practice (`Quiz`), `Review`, `Exam` and `Study` all satisfy: where the run
  is, its score, its time and, at the end, `results()`, each question with its answer and bank.
- `FeedbackRun`: a `Run` answered question by question with feedback after each (practice,
  review, study): `current_outcome`, `answer(picks) -> Outcome`, `advance() -> bool`.
- `Series`: the practice quiz's and the review's shared implementation of `FeedbackRun`.
- `saved_answer(shown, outcome)`: an answer as the store saves it (the keywords
  `Store.record_answer` and `Store.record_review` share), written once for every run.
- `Asked`: the questions a practice quiz or an exam asks, each read from its bank and its
  choices shuffled only when it is first shown, so a start does not grow with the bank.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, TypedDict

from quiz.bank.lazy import LazySequence
from quiz.bank.model import Bank, Question

DEFAULT_COUNT = 10


class SavedAnswer(TypedDict):
    """An answer as saved: the question's text, its choices as shown, the picks, right, time.

    The keywords `Store.record_answer` (beside `question_id`) and `Store.record_review` (beside
    the card, which names its question) share.
    """

    question: str
    choices: Sequence[str]
    picked: Sequence[int]
    correct: bool
    ms: int


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


@dataclass(frozen=True, slots=True)
class Result:
    """One question of a run: what was shown, what was answered (None: nothing), its bank."""

    shown: Shown
    outcome: Outcome | None
    bank: Bank

    @property
    def correct(self) -> bool:
        """Whether the question was answered right."""
        return self.outcome is not None and self.outcome.correct

    @property
    def missed(self) -> bool:
        """Whether it was answered wrong or not at all."""
        return not self.correct


class AlreadyAnswered(Exception):
    """An answer cannot be changed once given."""


class RunOver(ValueError):
    """The run has ended: it takes no more answers."""


def saved_answer(shown: Shown, outcome: Outcome) -> SavedAnswer:
    """An answer to a shown question as the store saves it."""
    return SavedAnswer(
        question=shown.question.text,
        choices=shown.choices,
        picked=sorted(outcome.picked),
        correct=outcome.correct,
        ms=outcome.ms,
    )


def checked_picks(shown: Shown, picked: int | Iterable[int]) -> frozenset[int]:
    """One display position or several as a set, each of them a choice of the question."""
    picks = frozenset([picked] if isinstance(picked, int) else picked)
    if not picks or any(not 0 <= p < len(shown.choices) for p in picks):
        raise ValueError(f"no such choice: {sorted(picks)}")
    return picks


def default_count(available: int) -> int:
    """How many questions a quiz asks unless told: ten, or all when there are fewer."""
    return min(DEFAULT_COUNT, available)


def choice_order(rng: random.Random, question: Question) -> tuple[str, ...]:
    """The order a question's choices are shown in: shuffled, unless it says `shuffle: false`."""
    if not question.shuffle:
        return question.choices
    return tuple(rng.sample(question.choices, len(question.choices)))


class Positions:
    """A random order of the positions 0..size-1, drawn one at a time as they are asked for.

    A Fisher-Yates shuffle that keeps only the swaps it made: the first k positions cost k
    draws, whatever the size, and each position comes once.
    """

    def __init__(self, size: int, rng: random.Random) -> None:
        self._size = size
        self._rng = rng
        self._moved: dict[int, int] = {}
        self._drawn: list[int] = []

    def __getitem__(self, index: int) -> int:
        while len(self._drawn) <= index:
            i = len(self._drawn)
            j = self._rng.randrange(i, self._size)
            # Swap what is at i and at j; what is at i then is drawn and never looked at again.
            at_i = self._moved.pop(i, i)
            at_j = at_i if j == i else self._moved.get(j, j)
            if j != i:
                self._moved[j] = at_i
            self._drawn.append(at_j)
        return self._drawn[index]


class Asked(LazySequence[Shown]):
    """The questions a run asks from a pool, each read and its choices shuffled when first shown.

    `count` of the pool, in a random order (or the pool's first `count`, in order, without
    `shuffle`). Nothing is read from the pool until a question is asked for, so a quiz of every
    question of a cached bank of 100,000 reads one when it shows its first. The same `rng`
    state gives the same questions and the same choice orders, whatever order they are read in.
    """

    def __init__(
        self, pool: Sequence[Question], count: int, rng: random.Random, *, shuffle: bool = True
    ) -> None:
        self._pool = pool
        super().__init__(count)
        # Drawn first, so each question's choice order does not hang on when it was read.
        self._choice_seed = rng.getrandbits(64)
        self._order = Positions(len(pool), rng) if shuffle else None
        self._shown: dict[int, Shown] = {}

    def _item(self, index: int) -> Shown:
        shown = self._shown.get(index)
        if shown is None:
            at = self._order[index] if self._order is not None else index
            question = self._pool[at]
            order = choice_order(random.Random(self._choice_seed + index), question)
            shown = self._shown[index] = Shown(question, order)
        return shown

    def __iter__(self) -> Iterator[Shown]:
        return (self[i] for i in range(self._count))


class Run(Protocol):
    """A run a student takes, as the screens read it: practice, review, exam or study."""

    @property
    def position(self) -> int:
        """Where the run is: the current question's place, from 0."""
        ...

    @property
    def total(self) -> int:
        """How many questions the run asks (a study session's grows as cards come back)."""
        ...

    @property
    def answered(self) -> int:
        """How many questions have an answer."""
        ...

    @property
    def correct(self) -> int:
        """How many questions were answered right (an exam's: once submitted)."""
        ...

    @property
    def finished(self) -> bool:
        """Whether the run has ended (an exam: submitted)."""
        ...

    @property
    def seconds(self) -> float:
        """Time from the start to the end (or to now)."""
        ...

    @property
    def current(self) -> Shown:
        """The question at the current position."""
        ...

    @property
    def current_bank(self) -> Bank:
        """The bank of the question at the current position."""
        ...

    def results(self) -> list[Result]:
        """Each question asked with its answer and bank, in order (an exam's: once submitted)."""
        ...

    def missed(self) -> list[Question]:
        """The questions answered wrong (an exam's: or not at all), in order."""
        ...


class FeedbackRun(Run, Protocol):
    """A run answered question by question, with feedback after each: practice, review, study."""

    @property
    def current_outcome(self) -> Outcome | None:
        """The answer to the current question, once given."""
        ...

    def answer(self, picked: int | Iterable[int]) -> Outcome:
        """Answer the current question (display positions); saved before this returns.

        Raises AlreadyAnswered for a question already answered, RunOver once the run ended.
        """
        ...

    def advance(self) -> bool:
        """Go to the next question; False (and the run ends) when there is none."""
        ...


class Series:
    """Questions asked one after another with feedback after each; `save` keeps each answer.

    The practice `Quiz` and the review share it; a subclass saves answers, ends its sessions and
    says which bank each question is from.
    """

    def __init__(self, items: Sequence[Shown], clock: Callable[[], float]) -> None:
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
    def current_bank(self) -> Bank:
        """The bank of the question being asked now."""
        return self.bank_of(self.position)

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

    def results(self) -> list[Result]:
        """The questions answered so far, each with its answer and bank, in the order asked."""
        # Only the answered ones are read: a quiz of a whole big bank reads what it asked.
        return [
            Result(self.items[i], outcome, self.bank_of(i))
            for i, outcome in enumerate(self.outcomes)
            if outcome is not None
        ]

    def missed(self) -> list[Question]:
        """The questions answered wrong, in the order they were asked."""
        return [result.shown.question for result in self.results() if result.missed]

    # -- what the student does -----------------------------------------------------------------

    def answer(self, picked: int | Iterable[int]) -> Outcome:
        """Answer the current question with one display position (or several); saved at once.

        Right only when the picks are exactly the right choices: all of them, no more.
        """
        if self.ended is not None:
            raise RunOver("the run is over: it takes no more answers")
        if self.current_outcome is not None:
            raise AlreadyAnswered(f"question {self.position + 1} is already answered")
        shown = self.current
        picks = checked_picks(shown, picked)
        ms = max(0, round((self.clock() - self.shown_at) * 1000))
        outcome = Outcome(picks, picks == shown.right, ms)
        self.save(shown, outcome)
        self.outcomes[self.position] = outcome
        return outcome

    def advance(self) -> bool:
        """Go to the next question; False (and the run ends) when there is none."""
        if self.is_last or not self.items:
            self.finish()
            return False
        self.position += 1
        self.shown_at = self.clock()
        return True

    def finish(self) -> None:
        """End the run and save that it ended (on a StoreError it has not ended: try again)."""
        if self.ended is None:
            ended = self.clock()
            self.close()
            self.ended = ended

    # -- what a subclass says ------------------------------------------------------------------

    def bank_of(self, position: int) -> Bank:
        """The bank of the question at a position."""
        raise NotImplementedError

    def save(self, shown: Shown, outcome: Outcome) -> None:
        """Write one answer to the score store (before `answer` returns)."""
        raise NotImplementedError

    def close(self) -> None:
        """Save that the run ended (its sessions' finish time)."""
        raise NotImplementedError
