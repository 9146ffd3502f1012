"""Review mode: the questions a student got wrong the last time they saw them, asked again.

Plain Python: a screen drives a `Review` and shows what it says.

    pairs = store.last_wrong(profile=None, bank=None)     # [(bank path, question_id)], any mode
    items = review_questions(pairs, banks)                # [(Bank, Question)], deleted ones skipped
    review = Review(items, store, seed=None)              # or Review.of(banks, store)
    review.total == 0                                     # nothing to review: say so, start nothing

Then it plays like a practice `Quiz` (both are a `quiz.play.run.Series`, a `FeedbackRun`), so
the practice question screen drives it: `current` (a Shown), `current_bank`, `current_outcome`,
`answer(picks) -> Outcome` (saved at once, feedback shown at once), `advance() -> bool`,
`results()`, `finish()`; `title` names what is reviewed and `bank` is the bank of the current
question.

History is keyed by question id: a question whose text was edited (same id) stays on the list,
shown as it reads now; a question deleted from its bank is skipped, and its past answers stay in
the scores. A question leaves the list once its latest answer is right, in any mode. Each bank's
answers go to a session of that bank (mode "review"), started at its first answer.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime

from quiz.bank.model import Bank, Question
from quiz.play.group import SessionGroup
from quiz.play.run import Outcome, Series, Shown, choice_order, saved_answer
from quiz.play.timing import utc_now
from quiz.store import Store, bank_key


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


class Review(Series):
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
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.store = store
        self.title = title
        self.now = now
        rng = random.Random(seed)
        self.banks = [bank for bank, _ in items]
        planned: dict[str, int] = {}
        for bank in self.banks:
            planned[bank_key(bank.path)] = planned.get(bank_key(bank.path), 0) + 1
        self.sessions = SessionGroup(
            store, mode="review", profile=profile or store.profile, planned=planned, now=now
        )
        super().__init__([Shown(q, choice_order(rng, q)) for _, q in items], clock)

    @classmethod
    def of(
        cls,
        banks: Bank | Sequence[Bank],
        store: Store,
        *,
        profile: str | None = None,
        seed: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = utc_now,
    ) -> Review:
        """The review of one bank or several: their questions last answered wrong."""
        banks = [banks] if isinstance(banks, Bank) else list(banks)
        single = bank_key(banks[0].path) if len(banks) == 1 else None
        pairs = store.last_wrong(profile=profile, bank=single)
        items = review_questions(pairs, banks)
        title = f"Review: {banks[0].title}" if single else "Review: all banks"
        return cls(items, store, title=title, profile=profile, seed=seed, clock=clock, now=now)

    @property
    def bank(self) -> Bank:
        """The bank of the question being asked now."""
        return self.current_bank

    def bank_of(self, position: int) -> Bank:
        return self.banks[position]

    def save(self, shown: Shown, outcome: Outcome) -> None:
        bank = self.current_bank
        session_id = self.sessions.session_for(bank_key(bank.path), bank.title)
        self.store.record_answer(
            session_id,
            question_id=shown.question.id,
            **saved_answer(shown, outcome),
            now=self.now(),
        )

    def close(self) -> None:
        self.sessions.finish()
