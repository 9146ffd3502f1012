"""What study mode counts and queues: the home screen's due and new counts per bank, a study
session's counts, an answered card's schedule, and a card waiting in the queue.

Plain Python, beside quiz.play.study (which uses them; the rules are in its docstring).
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple

from fsrs import Card, Rating

from quiz.bank.model import Bank, Question
from quiz.play.run import Shown
from quiz.play.timing import local_now
from quiz.store import Store

DEFAULT_NEW_PER_DAY = 20

#: With rate_by_time: at most FAST x the median time is Easy, at least SLOW x the median is Hard.
FAST = 0.5
SLOW = 2.0
#: How many right answers' times are needed before time changes a rating.
MIN_TIMED = 5


class DueCounts(NamedTuple):
    """For the home screen: cards of a bank due now, and new cards that may be studied today."""

    due: int
    new: int


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
        new = 0
        if left:
            new = min(left, max(0, questions - store.count_cards(profile=profile, bank=key)))
        counts[key] = DueCounts(due, new)
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
