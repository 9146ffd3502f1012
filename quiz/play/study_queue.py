"""What study mode counts and queues: the home screen's due and new counts per bank, a study
session's counts, an answered card's schedule, and a card waiting in the queue.

Plain Python, beside quiz.play.study (which uses them; the rules are in its docstring).
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple

from fsrs import Card, Rating, State

from quiz.bank.model import Bank, Question
from quiz.play.run import Outcome, Result, Shown
from quiz.play.timing import local_now
from quiz.store import CardState, NewCardScan, Store

DEFAULT_NEW_PER_DAY = 20

#: With rate_by_time: at most FAST x the median time is Easy, at least SLOW x the median is Hard.
FAST = 0.5
SLOW = 2.0
#: How many right answers' times are needed before time changes a rating.
MIN_TIMED = 5


class DueCounts(NamedTuple):
    """For the home screen: cards of a bank due now, new cards that may be studied today (what
    is left of the day's limit, which all banks share), and questions never studied."""

    due: int
    new: int
    unseen: int = 0


class StudyCounts(NamedTuple):
    """What is left in a study session: due cards, new cards, and cards being learnt."""

    due: int
    new: int
    learning: int


@dataclass(frozen=True, slots=True)
class Scheduled:
    """How an answered card was rated and when it is due again."""

    rating: Rating
    due: datetime


@dataclass(slots=True)
class QueueItem:
    """A card in the queue: its question, where it is in its bank, and its state (None: new)."""

    bank: Bank
    key: str
    question: Question
    position: int
    card: Card | None
    source: str  # "due", "new" or "learning"
    shown: Shown | None = field(default=None)


#: How many new questions a full search of a changed bank file remembers.
PENDING_KEEP = 500


def match_file(
    store: Store, profile: str, key: str, bank: Bank, positions: Callable[[], dict[str, int]]
) -> NewCardScan:
    """Where a bank file's new questions are: as last searched, or searched again from the
    start if the file changed since (`positions`: its questions' positions by id).

    A new search retires the cards of questions that left the file, restores those that came
    back, updates the position hints, and is saved for the next session.
    """
    fingerprint = file_fingerprint(bank)
    scan = store.new_card_scan(profile=profile, bank=key)
    if scan is not None and (scan.file_size, scan.file_mtime_ns) == fingerprint:
        return scan
    where = positions()
    cards = store.card_places(profile=profile, bank=key)
    moved = {
        qid: where[qid]
        for qid, (position, _) in cards.items()
        if qid in where and position != where[qid]
    }
    retire = [qid for qid, (_, gone) in cards.items() if qid not in where and not gone]
    restore = [qid for qid, (_, gone) in cards.items() if qid in where and gone]
    if moved or retire or restore:
        store.match_cards(
            profile=profile, bank=key, positions=moved, retire=retire, restore=restore
        )
    new = sorted(i for qid, i in where.items() if qid not in cards)
    scanned_to = new[PENDING_KEEP] if len(new) > PENDING_KEEP else len(bank.questions)
    size, mtime_ns = fingerprint or (-1, -1)
    scan = NewCardScan(size, mtime_ns, scanned_to, tuple(new[:PENDING_KEEP]))
    if fingerprint is not None:
        store.save_new_card_scan(profile=profile, bank=key, scan=scan)
    return scan


def fsrs_card(state: CardState) -> Card:
    """The fsrs Card of a saved card."""
    return Card(
        card_id=state.card_id,
        state=State(state.state),
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=state.due,
        last_review=state.last_review,
    )


def in_turn(found: Sequence[Sequence[QueueItem]], wanted: int) -> list[QueueItem]:
    """Up to `wanted` items taken in turn from each list (the first of each, then the second of
    each, ...): the day's new cards shared among the banks, not all to the first."""
    items: list[QueueItem] = []
    for rank in range(max((len(f) for f in found), default=0)):
        for items_of_bank in found:
            if rank < len(items_of_bank) and len(items) < wanted:
                items.append(items_of_bank[rank])
    return items


def first_answers(served: Sequence[QueueItem], outcomes: Sequence[Outcome | None]) -> list[Result]:
    """Each card answered in a session once, with its first answer (a card got wrong, then
    right when it came back, is missed), in the order first asked."""
    results: dict[tuple[str, str], Result] = {}
    for item, outcome in zip(served, outcomes, strict=True):
        if outcome is not None and item.shown is not None:
            results.setdefault((item.key, item.question.id), Result(item.shown, outcome, item.bank))
    return list(results.values())


def day_bounds(moment: datetime) -> tuple[datetime, datetime]:
    """The start and end of the calendar day of `moment`, in its own time zone."""
    if moment.tzinfo is None:
        raise ValueError("now() must return a timezone-aware time")
    start = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    return start, start + timedelta(days=1)


def due_counts(
    store: Store,
    banks: Mapping[str, int],
    *,
    profile: str | None = None,
    now: datetime | None = None,
    new_per_day: int = DEFAULT_NEW_PER_DAY,
) -> dict[str, DueCounts]:
    """For each bank (path as saved -> its number of questions), the cards due and new today.

    One query for the new cards already introduced today, then two index range counts per bank.
    New counts per bank are each capped by what is left of today's limit, which all banks share.
    Until a changed bank is next studied, cards of questions deleted from it still count.
    """
    profile = profile or store.profile
    moment = now if now is not None else local_now()
    start, end = day_bounds(moment)
    left = max(0, new_per_day - store.introduced(profile=profile, since=start, until=end))
    counts = {}
    for key, questions in banks.items():
        due = store.count_due(profile=profile, bank=key, now=moment)
        unseen = max(0, questions - store.count_cards(profile=profile, bank=key))
        counts[key] = DueCounts(due, min(left, unseen), unseen)
    return counts


def rating(correct: bool, ms: int, times: Sequence[int]) -> Rating:
    """The FSRS rating of an answer taking `ms`: wrong is Again, right is Good, or, by time
    (`times`: the profile's recent right answers' durations, empty when not rating by time),
    Easy when fast and Hard when slow once there are MIN_TIMED times to take a median of."""
    if not correct:
        return Rating.Again
    if len(times) < MIN_TIMED:
        return Rating.Good
    median = statistics.median(times)
    if ms <= FAST * median:
        return Rating.Easy
    if ms >= SLOW * median:
        return Rating.Hard
    return Rating.Good


def file_fingerprint(bank: Bank) -> tuple[int, int] | None:
    """The bank file's size and modification time, None if it cannot be read."""
    try:
        st = os.stat(bank.path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def card_due(item: QueueItem) -> datetime:
    """When a card waiting in the queue is due again (it has been reviewed)."""
    assert item.card is not None
    return item.card.due
