"""Exam mode: questions answered in any order, changeable until submitted, scored at the end.

Plain Python: a screen drives an `Exam` and shows what it says.

    exam = Exam(bank, store, count=20, seed=None, time_limit=parse_duration("10m"))
    exam.position, exam.total, exam.current       # where we are: a Shown (question + choices)
    exam.go(i); exam.next(); exam.previous()      # move freely (next/previous: False at an end)
    exam.picks[i], exam.current_picks             # what is answered so far (None: not yet)
    exam.answer({0, 2}); exam.clear()             # change the current answer: saved at once
    exam.remaining()                              # seconds left (None: no limit), for a countdown
    exam.tick()                                   # from a timer: True when time just ran out and
                                                  #   the exam was submitted with what is there
    exam.submit()                                 # score and finish; then exam.results()
    exam.results()                                # [Result(shown, outcome or None, bank)] in order

No feedback is given before submitting. Every change of answer is a new answer row; the rows it
replaces stay saved but stop counting (see quiz.store), so the scores count one answer per
question. After the exam is over, `answer` and `clear` raise `ExamOver`; a UI that lets time run
out between ticks learns it that way, and the exam is then submitted as it stood at the deadline.
Unanswered questions are not answered: they count in `total`, not in the session's answers.
An `Exam` is a `quiz.play.run.Run` (with `finished` for `submitted`, `current_bank` for `bank`).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta

from quiz.bank.model import Bank, Question
from quiz.play.run import Asked, Outcome, Result, RunOver, Shown, checked_picks, saved_answer
from quiz.play.timing import format_duration, parse_duration, utc_now
from quiz.store import Store, bank_key

__all__ = ["Exam", "ExamOver", "Result", "format_duration", "parse_duration"]


class ExamOver(RunOver):
    """The exam was submitted (or its time ran out): answers can no longer change."""


class Exam:
    """Some questions of one bank, answered in any order and scored when submitted."""

    def __init__(
        self,
        bank: Bank,
        store: Store,
        *,
        count: int | None = None,
        seed: int | None = None,
        time_limit: float | None = None,
        questions: Iterable[Question] | None = None,
        profile: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        if time_limit is not None and time_limit <= 0:
            raise ValueError(f"time_limit must be more than zero, got {time_limit}")
        self.bank = bank
        self.store = store
        self.time_limit = time_limit
        self.clock = clock
        self.now = now
        rng = random.Random(seed)
        pool = bank.questions if questions is None else list(questions)
        if not pool:
            raise ValueError(f"{bank.title}: no questions to ask")
        count = len(pool) if count is None else max(1, min(count, len(pool)))
        # Each question is read from the bank (the cache) only when it is first shown.
        self.items: Sequence[Shown] = Asked(pool, count, rng, shuffle=bank.shuffle)
        #: The answer given to each question so far (display positions), None when not answered.
        self.picks: list[frozenset[int] | None] = [None] * len(self.items)
        #: Seconds spent on each question so far, over all its visits.
        self.spent: list[float] = [0.0] * len(self.items)
        self.outcomes: list[Outcome | None] = [None] * len(self.items)
        #: The positions the student flagged to come back to (kept for this exam only).
        self.flagged: set[int] = set()
        self.position = 0
        self.started_at = now()
        self.session_id = store.start_session(
            bank=bank_key(bank.path),
            title=bank.title,
            planned=len(self.items),
            mode="exam",
            profile=profile,
            now=self.started_at,
        )
        self.started = clock()
        self.shown_at = self.started
        self.ended: float | None = None

    # -- where we are --------------------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many questions the exam has."""
        return len(self.items)

    @property
    def current(self) -> Shown:
        """The question at the current position."""
        return self.items[self.position]

    @property
    def current_picks(self) -> frozenset[int] | None:
        """The answer given to the current question, None when not answered."""
        return self.picks[self.position]

    @property
    def answered(self) -> int:
        """How many questions have an answer."""
        return sum(p is not None for p in self.picks)

    def unanswered(self) -> list[int]:
        """The positions of the questions with no answer (to warn before submitting)."""
        return [i for i, p in enumerate(self.picks) if p is None]

    @property
    def submitted(self) -> bool:
        """Whether the exam is over (submitted, or its time ran out and it was submitted)."""
        return self.ended is not None

    @property
    def finished(self) -> bool:
        """Whether the exam is over (the name every run has)."""
        return self.submitted

    @property
    def current_bank(self) -> Bank:
        """The exam's bank (every question is from it)."""
        return self.bank

    @property
    def is_first(self) -> bool:
        return self.position == 0

    @property
    def is_last(self) -> bool:
        return self.position == len(self.items) - 1

    # -- time ------------------------------------------------------------------------------------

    def remaining(self) -> float | None:
        """Seconds left before the time runs out (0 at the end), None when there is no limit."""
        if self.time_limit is None:
            return None
        stop = self.ended if self.ended is not None else self.clock()
        return max(0.0, self.time_limit - (stop - self.started))

    @property
    def timed_out(self) -> bool:
        """Whether the exam ended because its time ran out (not submitted by the student)."""
        return (
            self.ended is not None
            and self.time_limit is not None
            and self.ended >= self.started + self.time_limit
        )

    @property
    def expired(self) -> bool:
        """Whether the time limit has been reached."""
        remaining = self.remaining()
        return remaining is not None and remaining <= 0

    def tick(self) -> bool:
        """Submit the exam if its time just ran out; True when this call submitted it.

        A UI calls this from a timer (about once a second) and shows the results on True.
        """
        if self.ended is None and self.expired:
            self.submit()
            return True
        return False

    @property
    def seconds(self) -> float:
        """Time from the start to the end (or to now), never past the time limit."""
        stop = self.ended if self.ended is not None else self.clock()
        return stop - self.started

    # -- moving ----------------------------------------------------------------------------------

    def go(self, position: int) -> None:
        """Show the question at a position (0-based)."""
        if not 0 <= position < len(self.items):
            raise IndexError(f"no question {position + 1} in an exam of {len(self.items)}")
        if self.ended is None:
            self._count_time()
        self.position = position

    def next(self) -> bool:
        """Go to the next question; False when this is the last."""
        if self.is_last:
            return False
        self.go(self.position + 1)
        return True

    def previous(self) -> bool:
        """Go to the previous question; False when this is the first."""
        if self.is_first:
            return False
        self.go(self.position - 1)
        return True

    def flag(self) -> bool:
        """Flag the current question to come back to, or unflag it; True when now flagged."""
        self.flagged ^= {self.position}
        return self.position in self.flagged

    # -- answering -------------------------------------------------------------------------------

    def answer(self, picked: int | Iterable[int]) -> None:
        """Answer (or change the answer to) the current question; saved before this returns."""
        self._check_open()
        shown = self.current
        picks = checked_picks(shown, picked)
        if picks == self.picks[self.position]:
            return
        self._count_time()
        outcome = Outcome(picks, picks == shown.right, self._ms(self.position))
        self.store.record_answer(
            self.session_id,
            question_id=shown.question.id,
            **saved_answer(shown, outcome),
            replace=True,
            now=self.now(),
        )
        self.picks[self.position] = picks

    def clear(self) -> None:
        """Take back the answer to the current question (saved at once)."""
        self._check_open()
        if self.picks[self.position] is None:
            return
        self.store.withdraw_answer(self.session_id, question_id=self.current.question.id)
        self.picks[self.position] = None

    def submit(self) -> list[Result]:
        """Score the answers, end the exam (saved) and return the results; idempotent."""
        if self.ended is None:
            self._count_time()
            end = self.clock()
            if self.time_limit is not None:
                # Past the deadline nothing changed (answers raised ExamOver): end at the deadline.
                end = min(end, self.started + self.time_limit)
            # Saved as ending when it ended: at the deadline if the time ran out before this call.
            # Saved first: on a StoreError the exam is not submitted, and can be again.
            finished = self.started_at + timedelta(seconds=end - self.started)
            self.store.finish_session(self.session_id, now=finished)
            self.ended = end
            for i, (shown, picks) in enumerate(zip(self.items, self.picks, strict=True)):
                if picks is not None:
                    self.outcomes[i] = Outcome(picks, picks == shown.right, self._ms(i))
        return self.results()

    # -- after submitting ------------------------------------------------------------------------

    def results(self) -> list[Result]:
        """Each question with its answer, in exam order (answers shown only once submitted)."""
        if self.ended is None:
            raise RuntimeError("the exam has not been submitted")
        return [Result(s, o, self.bank) for s, o in zip(self.items, self.outcomes, strict=True)]

    @property
    def correct(self) -> int:
        """How many questions were answered right (0 until submitted)."""
        return sum(o is not None and o.correct for o in self.outcomes)

    def missed(self) -> list[Question]:
        """The questions answered wrong or not at all, in exam order (after submitting)."""
        return [r.shown.question for r in self.results() if not r.correct]

    # -- inside ----------------------------------------------------------------------------------

    def _check_open(self) -> None:
        if self.ended is not None:
            raise ExamOver("the exam is over")
        if self.expired:
            self.submit()
            raise ExamOver("the time is up: the exam was submitted")

    def _count_time(self) -> None:
        """Add the time since the current question was shown to its total."""
        moment = self.clock()
        if self.time_limit is not None:
            moment = min(moment, self.started + self.time_limit)
        self.spent[self.position] += max(0.0, moment - self.shown_at)
        self.shown_at = moment

    def _ms(self, position: int) -> int:
        return max(0, round(self.spent[position] * 1000))
