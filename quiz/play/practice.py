"""A practice quiz: some questions of one bank, feedback after each, saved answer by answer."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Sequence

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
        # Some questions given (the ones missed): a retry, never the bank's best or last.
        self.session_id = store.start_session(
            bank=bank_key(bank.path),
            title=bank.title,
            planned=len(items),
            kind="practice" if questions is None else "retry",
            profile=profile,
        )
        super().__init__(items, clock)

    @classmethod
    def resumed(
        cls,
        bank: Bank,
        store: Store,
        session_id: int,
        plan: Sequence[tuple[str, Sequence[str]]],
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> Quiz | None:
        """The quiz of a session under way, at its first unanswered question (`quiz serve`
        after a refresh or a dropped connection); None when it cannot go on as it was.

        `plan` is each question's id with its choices in the order shown; the answers come from
        the store, as they were saved. None when the bank no longer has a question of the plan
        with those choices (it was edited), or every question is answered.
        """
        by_id = {question.id: question for question in bank.questions}
        items = []
        for question_id, choices in plan:
            question = by_id.get(question_id)
            if question is None or sorted(question.choices) != sorted(choices):
                return None
            items.append(Shown(question, tuple(choices)))
        quiz = cls.__new__(cls)
        quiz.bank, quiz.store, quiz.session_id = bank, store, session_id
        Series.__init__(quiz, items, clock)
        places = {shown.question.id: i for i, shown in enumerate(items)}
        for saved in store.answers(session_id):
            place = places.get(saved["question_id"])
            if place is None or list(saved["choices"]) != list(items[place].choices):
                return None
            picked = frozenset(saved["picked"])
            quiz.outcomes[place] = Outcome(picked, bool(saved["correct"]), int(saved["ms"]))
        unanswered = [i for i, outcome in enumerate(quiz.outcomes) if outcome is None]
        if not unanswered:
            return None
        quiz.position = unanswered[0]
        return quiz

    def bank_of(self, position: int) -> Bank:
        return self.bank

    def save(self, shown: Shown, outcome: Outcome) -> None:
        self.store.record_answer(
            self.session_id, question_id=shown.question.id, **saved_answer(shown, outcome)
        )

    def close(self) -> None:
        self.store.finish_session(self.session_id)
