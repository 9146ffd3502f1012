"""Study mode: spaced repetition with FSRS (the `fsrs` package); each question is a card.

Plain Python: a screen drives a `Study` and shows what it says.

    study = Study(banks, store, profile=None, new_per_day=20, rate_by_time=False)
    study.total == 0 / study.finished             # nothing due and no new card today
    study.current, study.current_bank             # the card shown: a Shown (question + choices)
    study.answer({1}), study.dont_know() -> Outcome  # right: Good, else Again; saved at once
    study.current_outcome, study.current_schedule # after answering: Outcome; Scheduled(rating, due)
    study.advance() -> bool                       # next card; False (and finished) when none left
    study.counts() -> StudyCounts(due, new, learning); study.next_due()   # what is left, when
    due_counts(store, {bank_path: questions}, ...) -> {bank_path: DueCounts(due, new)}  # home

It is a `quiz.play.run.FeedbackRun` like the practice `Quiz` (`position`, `total`, `answered`,
`correct`, `seconds`, `results()`, `missed()`, ...), so the practice question screen drives it.

Rules:
- Order: cards due now (earliest due first), then new cards (never reviewed), each bank's in
  file order, taken from the banks in turn. A card answered in this session comes back when it is
  due again (FSRS learning steps are 1 and 10 minutes), never before: when nothing else is
  left, the session ends, and `next_due()` says when the next card is.
- New cards per day: at most `new_per_day` cards are reviewed for the first time per profile
  per day, over all banks, shared among them in turn. The day is the calendar day of `now()` in
  its own time zone; the default `now()` is local time, so it starts again at local midnight.
- Ratings: wrong or "I don't know" is Again, right is Good. With `rate_by_time`, a right answer
  in at most half the median time of the profile's recent right answers is Easy, and one taking
  at least twice that median is Hard (once there are 5 timed answers to take a median of).
- Each answer saves, in one transaction, the answer row, the card's new state and a review log
  line with its duration (quiz.store.Store.record_review). Each bank's answers go to a session
  of that bank (mode "study"), started at its first answer.
- A card is keyed by (profile, bank path, question id): editing a question's text keeps its
  card; a question deleted from its bank has its card retired (kept with its log, never due) when
  the bank file is next studied, and restored if the question comes back.
- Cards are given to fsrs with an explicit card_id (the cards table's row id; 0 for a card
  before its first review, which creates the row) and UTC times.

Starting does not grow with the number of cards: due cards are read a page at a time from an
index, and new questions are found from where the last search in that bank file stopped (kept
per profile and file while the file's size and modification time are unchanged; a changed file
is searched again from the start once).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, Scheduler

from quiz.bank.model import Bank, Question
from quiz.play.group import SessionGroup
from quiz.play.run import (
    AlreadyAnswered,
    Outcome,
    Result,
    RunOver,
    Shown,
    checked_picks,
    saved_answer,
)
from quiz.play.study_queue import (
    DEFAULT_NEW_PER_DAY,
    DueCounts,
    QueueItem,
    Scheduled,
    StudyCounts,
    card_due,
    day_bounds,
    due_counts,
    first_answers,
    fsrs_card,
    in_turn,
    match_file,
    rating,
)
from quiz.play.timing import local_now
from quiz.store import CardState, NewCardScan, Store, as_utc, bank_key

__all__ = [
    "DEFAULT_NEW_PER_DAY",
    "DueCounts",
    "Scheduled",
    "Study",
    "StudyCounts",
    "day_bounds",
    "due_counts",
]

#: A card answered this session comes back this long before it is due, when nothing else is
#: left: none, it waits for its FSRS step (a card got wrong back two seconds later teaches
#: nothing).
LEARN_AHEAD = timedelta(0)
#: A card answered this session and due again within this time waits in the session's queue
#: (counted as learning), to come back when due while other cards are still being asked.
LEARNING_WINDOW = timedelta(minutes=20)


#: The card_id given to fsrs for a card whose row does not exist yet (its first review).
UNSAVED_CARD_ID = 0

_DUE_PAGE = 50
_SCAN_CHUNK = 100


class Study:
    """A spaced-repetition session over one bank or several, saved answer by answer."""

    def __init__(
        self,
        banks: Bank | Sequence[Bank],
        store: Store,
        *,
        profile: str | None = None,
        now: Callable[[], datetime] = local_now,
        new_per_day: int = DEFAULT_NEW_PER_DAY,
        rate_by_time: bool = False,
        learn_ahead: timedelta = LEARN_AHEAD,
        scheduler: Scheduler | None = None,
        seed: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if new_per_day < 0:
            raise ValueError(f"new_per_day must not be negative, got {new_per_day}")
        self.banks = [banks] if isinstance(banks, Bank) else list(banks)
        if not self.banks:
            raise ValueError("no bank to study")
        self.store = store
        self.profile = profile or store.profile
        self.now = now
        self.clock = clock
        self.rate_by_time = rate_by_time
        self.learn_ahead = learn_ahead
        self.scheduler = scheduler if scheduler is not None else Scheduler()
        self.title = f"Study: {self.banks[0].title}" if len(self.banks) == 1 else "Study: all banks"
        self._rng = random.Random(seed)
        self._keys = {bank_key(b.path): b for b in self.banks}
        # Question positions by id, for banks whose cards' position hints went stale.
        self._index: dict[str, dict[str, int]] = {}
        self._scans: dict[str, NewCardScan] = {}

        moment = now()
        self._cutoff = moment.astimezone(UTC)
        for key, bank in self._keys.items():
            self._match_file(key, bank)
        start, end = day_bounds(moment)
        introduced = store.introduced(profile=self.profile, since=start, until=end)
        self._new: list[QueueItem] = self._new_cards(max(0, new_per_day - introduced))
        self._due_left = {
            key: store.count_due(profile=self.profile, bank=key, now=self._cutoff)
            for key in self._keys
        }
        self._due: list[CardState] = []
        self._after: tuple[datetime, int] | None = None
        self._due_exhausted = False
        self._learning: list[QueueItem] = []
        self._times: list[int] = (
            store.recent_review_ms(profile=self.profile) if rate_by_time else []
        )

        planned = dict.fromkeys(self._keys, 0)
        for key, due in self._due_left.items():
            planned[key] += due
        for item in self._new:
            planned[item.key] += 1
        self.sessions = SessionGroup(
            store, mode="study", profile=self.profile, planned=planned, now=self._utc_now
        )
        #: Every card shown so far, in order; the last one is the current card.
        self.served: list[QueueItem] = []
        self.outcomes: list[Outcome | None] = []
        self.schedules: list[Scheduled | None] = []
        self.started = clock()
        self.shown_at = self.started
        self.ended: float | None = None
        if not self._serve_next():
            self.finish()

    # -- where we are --------------------------------------------------------------------------

    @property
    def current(self) -> Shown:
        """The card being asked now (raises IndexError when there is nothing to study)."""
        shown = self.served[-1].shown
        assert shown is not None
        return shown

    @property
    def current_bank(self) -> Bank:
        """The bank of the card asked now."""
        return self.served[-1].bank

    @property
    def current_outcome(self) -> Outcome | None:
        return self.outcomes[-1] if self.outcomes else None

    @property
    def current_schedule(self) -> Scheduled | None:
        """The rating of the current card's answer and when it is due again, once answered."""
        return self.schedules[-1] if self.schedules else None

    @property
    def position(self) -> int:
        """How many cards were shown before the current one."""
        return max(0, len(self.served) - 1)

    def counts(self) -> StudyCounts:
        """The cards left after the current one: due, new and being learnt."""
        current = self.served[-1] if self.served and self.outcomes[-1] is None else None
        due = sum(self._due_left.values()) - (current is not None and current.source == "due")
        new = len(self._new)
        learning = len(self._learning)
        return StudyCounts(due, new, learning)

    @property
    def total(self) -> int:
        """Cards shown plus cards left (it grows when a card comes back)."""
        return len(self.served) + sum(self.counts())

    @property
    def answered(self) -> int:
        """Cards answered (each once, however many times it came back)."""
        return len(self.results())

    @property
    def correct(self) -> int:
        """Cards answered right the first time they were asked in this session."""
        return sum(result.correct for result in self.results())

    @property
    def answers(self) -> int:
        """Every answer given, a card that came back counted each time."""
        return sum(o is not None for o in self.outcomes)

    @property
    def is_last(self) -> bool:
        """Whether no other card is waiting now (one answered may still come back)."""
        return sum(self.counts()) == 0

    @property
    def finished(self) -> bool:
        return self.ended is not None

    @property
    def seconds(self) -> float:
        return (self.ended if self.ended is not None else self.clock()) - self.started

    def results(self) -> list[Result]:
        """Each card answered so far, once, with its first answer and bank, in the order asked."""
        return first_answers(self.served, self.outcomes)

    def missed(self) -> list[Question]:
        """The cards answered wrong (or not known) the first time, in the order they were asked."""
        return [result.shown.question for result in self.results() if result.missed]

    def next_due(self) -> datetime | None:
        """When the next card of these banks is due after now (None: no card is)."""
        return self.store.next_due(
            profile=self.profile, banks=list(self._keys), after=self._utc_now()
        )

    # -- what the student does -----------------------------------------------------------------

    def answer(self, picked: int | Iterable[int]) -> Outcome:
        """Answer the current card (display positions); rated, scheduled and saved at once."""
        self._check_open()
        shown = self.current
        picks = checked_picks(shown, picked)
        return self._review(picks, picks == shown.right)

    def dont_know(self) -> Outcome:
        """The student does not know the current card: rated Again and saved at once."""
        self._check_open()
        return self._review(frozenset(), False)

    def advance(self) -> bool:
        """Show the next card; False (and the session ends) when none is left."""
        if self.ended is not None:
            return False
        if self.outcomes and self.outcomes[-1] is None:
            raise ValueError("answer the current card first")
        if self._serve_next():
            return True
        self.finish()
        return False

    def finish(self) -> None:
        """End the session and save that its sessions ended."""
        if self.ended is None:
            ended = self.clock()
            # Saved first: on a StoreError the session has not ended, and can end again.
            self.sessions.finish(fix_planned=True)
            self.ended = ended

    # -- inside: answering ---------------------------------------------------------------------

    def _check_open(self) -> None:
        if self.ended is not None or not self.served:
            raise RunOver("the study session is over")
        if self.outcomes[-1] is not None:
            raise AlreadyAnswered("this card is already answered")

    def _review(self, picks: frozenset[int], correct: bool) -> Outcome:
        item = self.served[-1]
        shown = self.current
        ms = max(0, round((self.clock() - self.shown_at) * 1000))
        outcome = Outcome(picks, correct, ms)
        rating = self._rating(correct, ms)
        moment = self._utc_now()
        card = item.card if item.card is not None else Card(card_id=UNSAVED_CARD_ID, due=moment)
        card, _log = self.scheduler.review_card(
            card, rating, review_datetime=moment, review_duration=ms
        )
        assert card.stability is not None and card.difficulty is not None
        session_id = self.sessions.session_for(item.key, item.bank.title)
        card.card_id = self.store.record_review(
            session_id,
            card=CardState(
                card_id=None if item.card is None else card.card_id,
                bank=item.key,
                question_id=item.question.id,
                position=item.position,
                state=int(card.state),
                step=card.step,
                stability=card.stability,
                difficulty=card.difficulty,
                due=card.due,
                last_review=moment,
            ),
            rating=int(rating),
            **saved_answer(shown, outcome),
            now=moment,
        )
        if item.source == "due":
            self._due_left[item.key] -= 1
        if correct:
            self._times.append(ms)
        if card.due <= moment + LEARNING_WINDOW:
            self._learning.append(
                QueueItem(item.bank, item.key, item.question, item.position, card, "learning")
            )
        self.outcomes[-1] = outcome
        self.schedules[-1] = Scheduled(rating, card.due)
        return outcome

    def _rating(self, correct: bool, ms: int) -> Rating:
        return rating(correct, ms, self._times if self.rate_by_time else ())

    def _utc_now(self) -> datetime:
        return as_utc(self.now())

    # -- inside: the queue ---------------------------------------------------------------------

    def _serve_next(self) -> bool:
        item = self._next_item()
        if item is None:
            return False
        question = item.question
        order = (
            tuple(self._rng.sample(question.choices, len(question.choices)))
            if question.shuffle
            else question.choices
        )
        item.shown = Shown(question, order)
        self.served.append(item)
        self.outcomes.append(None)
        self.schedules.append(None)
        self.shown_at = self.clock()
        return True

    def _next_item(self) -> QueueItem | None:
        moment = self._utc_now()
        learning = min(self._learning, key=card_due, default=None)
        if learning is not None and card_due(learning) <= moment:
            self._learning.remove(learning)
            return learning
        due = self._next_due()
        if due is not None:
            return due
        if self._new:
            return self._new.pop(0)
        if learning is not None and card_due(learning) <= moment + self.learn_ahead:
            self._learning.remove(learning)
            return learning
        return None

    def _next_due(self) -> QueueItem | None:
        while True:
            if not self._due and not self._due_exhausted:
                page = self.store.due_cards(
                    profile=self.profile,
                    banks=list(self._keys),
                    now=self._cutoff,
                    after=self._after,
                    limit=_DUE_PAGE,
                )
                if len(page) < _DUE_PAGE:
                    self._due_exhausted = True
                if page:
                    self._after = (page[-1].due, page[-1].card_id or 0)
                self._due.extend(page)
            if not self._due:
                return None
            # A card's question is read only when it is served.
            state = self._due.pop(0)
            item = self._due_item(state)
            if item is not None:
                return item
            self._due_left[state.bank] -= 1

    def _due_item(self, state: CardState) -> QueueItem | None:
        """The queue item of a due card, or None if its question cannot be found."""
        bank = self._keys[state.bank]
        questions = bank.questions
        position = state.position
        question = questions[position] if 0 <= position < len(questions) else None
        if question is None or question.id != state.question_id:
            # The bank changed since the card was last seen: find the question by its id.
            found = self._positions(state.bank).get(state.question_id)
            if found is None:
                return None
            position, question = found, questions[found]
        return QueueItem(bank, state.bank, question, position, fsrs_card(state), "due")

    def _positions(self, key: str) -> dict[str, int]:
        if key not in self._index:
            self._index[key] = {q.id: i for i, q in enumerate(self._keys[key].questions)}
        return self._index[key]

    # -- inside: new cards ---------------------------------------------------------------------

    def _match_file(self, key: str, bank: Bank) -> None:
        """Search a bank file again from the start if it changed since its last search."""
        self._scans[key] = match_file(
            self.store, self.profile, key, bank, lambda: self._positions(key)
        )

    def _new_cards(self, wanted: int) -> list[QueueItem]:
        """Up to `wanted` new questions, each bank's in file order, the banks taking turns."""
        if wanted <= 0:
            return []
        found = [self._new_in(key, bank, wanted) for key, bank in self._keys.items()]
        return in_turn(found, wanted)

    def _new_in(self, key: str, bank: Bank, wanted: int) -> list[QueueItem]:
        """Up to `wanted` new questions of one bank, from where the last search stopped."""
        scan = self._scans[key]
        questions = bank.questions
        pending = [p for p in scan.pending if p < len(questions)]
        found: list[tuple[int, Question]] = []
        # Questions remembered as new may have been studied since, in another session.
        checked = 0
        while len(found) < wanted and checked < len(pending):
            chunk = pending[checked : checked + wanted - len(found)]
            found.extend(self._without_cards(key, [(p, questions[p]) for p in chunk]))
            checked += len(chunk)
        scanned_to = scan.scanned_to
        while len(found) < wanted and scanned_to < len(questions):
            end = min(len(questions), scanned_to + _SCAN_CHUNK)
            chunk_items = [(i, questions[i]) for i in range(scanned_to, end)]
            found.extend(self._without_cards(key, chunk_items))
            scanned_to = end
        still_new = (*(p for p, _ in found), *pending[checked:])
        if scan.file_size >= 0 and (scanned_to, still_new) != (scan.scanned_to, scan.pending):
            saved = NewCardScan(scan.file_size, scan.file_mtime_ns, scanned_to, still_new)
            self.store.save_new_card_scan(profile=self.profile, bank=key, scan=saved)
        return [QueueItem(bank, key, q, p, None, "new") for p, q in found[:wanted]]

    def _without_cards(
        self, key: str, candidates: list[tuple[int, Question]]
    ) -> list[tuple[int, Question]]:
        if not candidates:
            return []
        known = self.store.cards_of(
            profile=self.profile, bank=key, question_ids=[q.id for _, q in candidates]
        )
        return [(p, q) for p, q in candidates if q.id not in known]
