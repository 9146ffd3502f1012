"""Review mode: the questions a student got wrong the last time they saw them, asked again.

Plain Python: a screen drives a `Review` and shows what it says.

    pairs = store.last_wrong(profile=None, bank=None)     # [(bank path, question_id)], any mode
    items = review_questions(pairs, banks)                # [(Bank, Question)], deleted ones skipped
    review = Review(items, store, seed=None)              # or Review.of(banks, store)
    review.total == 0                                     # nothing to review: say so, start nothing

Then it plays like a practice `Quiz`, with the same names, so the practice question screen can
drive it: `current` (a Shown), `current_bank`, `current_outcome`, `answer(picks) -> Outcome`
(saved at once, feedback shown at once), `advance() -> bool`, `position`, `total`, `answered`,
`correct`, `is_last`, `finished`, `seconds`, `missed()`, `finish()`; `title` names what is
reviewed and `bank` is the bank of the current question.

History is keyed by question id: a question whose text was edited (same id) stays on the list,
shown as it reads now; a question deleted from its bank is skipped, and its past answers stay in
the scores. A question leaves the list once its latest answer is right, in any mode. Each bank's
answers go to a session of that bank (mode "review"), started at its first answer.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime

from quiz.model import Bank, Question
from quiz.session import AlreadyAnswered, Outcome, Shown
from quiz.store import SessionGroup, Store, bank_key


def review_questions(
    pairs: Iterable[tuple[str, str]], banks: Mapping[str, Bank] | Iterable[Bank]
) -> list[tuple[Bank, Question]]:
    """Map (bank path, question_id) pairs to the questions of loaded banks, in the given order.

    A pair whose bank is not given or whose question is no longer in it is skipped.
    """
    by_path = dict(banks) if isinstance(banks, Mapping) else {bank_key(b.path): b for b in banks}
    wanted: dict[str, list[str]] = {}
    for path, question_id in pairs:
        wanted.setdefault(path, []).append(question_id)
    found: list[tuple[Bank, Question]] = []
    for path, ids in wanted.items():
        bank = by_path.get(path)
        if bank is None:
            continue
        # One pass over the bank, stopping once every wanted question is found.
        missing = set(ids)
        questions: dict[str, Question] = {}
        for question in bank.questions:
            if question.id in missing:
                questions[question.id] = question
                missing.discard(question.id)
                if not missing:
                    break
        found.extend((bank, questions[qid]) for qid in ids if qid in questions)
    return found


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Review:
    """A run through the questions last answered wrong, with feedback after each answer."""

    def __init__(
        self,
        items: Sequence[tuple[Bank, Question]],
        store: Store,
        *,
        title: str = "Review",
        profile: str | None = None,
        seed: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = _utc_now,
    ) -> None:
        self.store = store
        self.title = title
        self.clock = clock
        self.now = now
        rng = random.Random(seed)
        self.banks = [bank for bank, _ in items]
        self.items = [Shown(q, _choice_order(rng, q)) for _, q in items]
        self.outcomes: list[Outcome | None] = [None] * len(self.items)
        self.position = 0
        planned: dict[str, int] = {}
        for bank in self.banks:
            planned[bank_key(bank.path)] = planned.get(bank_key(bank.path), 0) + 1
        self.sessions = SessionGroup(
            store, mode="review", profile=profile or store.profile, planned=planned, now=now
        )
        self.started = clock()
        self.shown_at = self.started
        self.ended: float | None = None

    @classmethod
    def of(
        cls,
        banks: Bank | Sequence[Bank],
        store: Store,
        *,
        profile: str | None = None,
        **options: object,
    ) -> Review:
        """The review of one bank or several: their questions last answered wrong."""
        banks = [banks] if isinstance(banks, Bank) else list(banks)
        single = bank_key(banks[0].path) if len(banks) == 1 else None
        pairs = store.last_wrong(profile=profile, bank=single)
        items = review_questions(pairs, banks)
        title = f"Review: {banks[0].title}" if single else "Review: all banks"
        return cls(items, store, title=title, profile=profile, **options)  # type: ignore[arg-type]

    # -- where we are --------------------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many questions are to be reviewed."""
        return len(self.items)

    @property
    def current(self) -> Shown:
        """The question being asked now."""
        return self.items[self.position]

    @property
    def current_bank(self) -> Bank:
        """The bank of the question being asked now."""
        return self.banks[self.position]

    @property
    def bank(self) -> Bank:
        """The bank of the question being asked now (the name a practice screen reads)."""
        return self.current_bank

    @property
    def current_outcome(self) -> Outcome | None:
        """The answer to the current question, once given."""
        return self.outcomes[self.position]

    @property
    def answered(self) -> int:
        return sum(o is not None for o in self.outcomes)

    @property
    def correct(self) -> int:
        return sum(o is not None and o.correct for o in self.outcomes)

    @property
    def is_last(self) -> bool:
        return self.position == len(self.items) - 1

    @property
    def finished(self) -> bool:
        return self.ended is not None

    @property
    def seconds(self) -> float:
        """Time from the first question to the end (or to now)."""
        return (self.ended if self.ended is not None else self.clock()) - self.started

    def missed(self) -> list[Question]:
        """The questions answered wrong again, in the order they were asked."""
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
        bank = self.current_bank
        session_id = self.sessions.session_for(bank_key(bank.path), bank.title)
        self.store.record_answer(
            session_id,
            question_id=shown.question.id,
            question=shown.question.text,
            choices=shown.choices,
            picked=sorted(picks),
            correct=outcome.correct,
            ms=ms,
            now=self.now(),
        )
        self.outcomes[self.position] = outcome
        return outcome

    def advance(self) -> bool:
        """Go to the next question; False (and the review ends) when there is none."""
        if self.is_last or not self.items:
            self.finish()
            return False
        self.position += 1
        self.shown_at = self.clock()
        return True

    def finish(self) -> None:
        """End the review and save that its sessions ended."""
        if self.ended is None:
            self.ended = self.clock()
            self.sessions.finish()


def _choice_order(rng: random.Random, question: Question) -> tuple[str, ...]:
    if not question.shuffle:
        return question.choices
    return tuple(rng.sample(question.choices, len(question.choices)))
