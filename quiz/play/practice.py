"""A practice quiz: some questions of one bank, feedback after each, saved answer by answer."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable

from quiz.bank.model import Bank, Question
from quiz.play.run import Asked, Outcome, Series, Shown, saved_answer
from quiz.store import Store, bank_key


class Quiz(Series):
    """A practice run through some questions of one bank, saved answer by answer."""

    def __init__(
        self,
        bank: Bank,
        store: Store,
        *,
        count: int | None = None,
        questions: Iterable[Question] | None = None,
        seed: int | None = None,
        profile: str | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.bank = bank
        self.store = store
        rng = random.Random(seed)
        pool = bank.questions if questions is None else list(questions)
        count = len(pool) if count is None else max(1, min(count, len(pool)))
        # A bank with `shuffle: false` is asked in file order, from its first question. Each
        # question is read from the bank (the cache) only when it is shown.
        items = Asked(pool, count, rng, shuffle=bank.shuffle)
        self.session_id = store.start_session(
            bank=bank_key(bank.path), title=bank.title, planned=len(items), profile=profile
        )
        super().__init__(items, clock)

    def bank_of(self, position: int) -> Bank:
        return self.bank

    def save(self, shown: Shown, outcome: Outcome) -> None:
        self.store.record_answer(
            self.session_id, question_id=shown.question.id, **saved_answer(shown, outcome)
        )

    def close(self) -> None:
        self.store.finish_session(self.session_id)
