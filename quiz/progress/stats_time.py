"""The time a session took: what its results screen says and what the statistics add up.

    times = session_times(sessions, moments)    # {session id: whole seconds}
    daily = time_per_day(sessions, moments, tz)  # {local date: milliseconds}
    seconds, cut = run_time(store, profile, ids)  # a run's sessions, from the store
    seconds, daily = time_spent(reads, profile, bank, counted, tz)  # what the statistics add up

A session's time is the time from its start to its end, counted between the moments the
student did something: the start, each answer saved (an exam answer changed counts as a
moment too) and the end. Each gap between two moments counts at most IDLE_CAP_MS (10
minutes): time away from the screen, a quiz left open over lunch, is not time spent. It is
given in whole seconds, so the statistics' total is the sum of what the results screens said.

The moments are one profile's timeline. A review or a study of several banks keeps a session
per bank, all open at once: a gap goes to the session of the answer that ends it, after the
answer before it in any session still open, so time is never counted twice; the time after the
run's last answer goes to that answer's session only. A session that starts after another has
ended (a new quiz) counts from its own start. A session without answers took no time.

The rule itself is quiz.store.timing's: the store works each session's time out once it ends and
keeps it, and time_spent() reads what it keeps.
"""

from __future__ import annotations

from collections.abc import Collection, Container, Iterable
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from quiz.store import StatisticsReads, Store
from quiz.store.timing import IDLE_CAP_MS, QUARTER, Spans, capped, gaps, whole_seconds

__all__ = [
    "IDLE_CAP_MS",
    "run_time",
    "session_times",
    "time_per_day",
    "time_spent",
    "times_and_days",
]

#: When each session started and finished (None: not finished), by id.
Sessions = Spans


def session_times(sessions: Sessions, moments: Iterable[tuple[int, float]]) -> dict[int, int]:
    """Each session's time in whole seconds (halves up), by id; 0 for one without answers.

    `moments` are (session id, when in UTC seconds) of every answer saved by the profile,
    oldest first (the store's `activity`); answers of sessions not in `sessions` are left out.
    """
    return times_and_days(sessions, moments, UTC)[0]


def time_per_day(
    sessions: Sessions,
    moments: Iterable[tuple[int, float]],
    tz: tzinfo | None,
    keep: Container[int] | None = None,
) -> dict[date, int]:
    """The sessions' time per local day in tz (None: the computer's), in milliseconds: each
    gap goes to the day it ended. `keep`: only these sessions' gaps (None: all)."""
    return times_and_days(sessions, moments, tz, keep)[1]


def times_and_days(
    sessions: Sessions,
    moments: Iterable[tuple[int, float]],
    tz: tzinfo | None,
    keep: Container[int] | None = None,
) -> tuple[dict[int, int], dict[date, int]]:
    """session_times() and time_per_day() in one pass over the timeline."""
    ms: dict[int, int] = dict.fromkeys(sessions, 0)
    days: dict[date, int] = {}
    local = _LocalDays(tz)
    for sid, at, seconds in gaps(sessions, moments):
        gap = capped(seconds)
        ms[sid] += gap
        if gap and (keep is None or sid in keep):
            day = local.of(at)
            days[day] = days.get(day, 0) + gap
    return {sid: whole_seconds(total) for sid, total in ms.items()}, days


def time_spent(
    reads: StatisticsReads,
    profile: str,
    bank: str | None,
    counted: Collection[int],
    tz: tzinfo | None,
) -> tuple[int, dict[date, int]]:
    """The time of these sessions of a profile (in one bank, or all) in whole seconds, and per
    local day in tz in milliseconds, as times_and_days() gives them over the whole timeline.

    What the store keeps (quiz.store.timing) is read for the sessions worked out: their seconds,
    and their time per UTC quarter hour, which lies in one local day (time zones are offset by
    whole quarter hours). The others (still going), and those with a quarter hour that a local
    midnight cuts (an offset like +00:07), are worked out from their answers' moments.
    """
    seconds, quarters, unfigured = reads.time_figures(profile, bank)
    local = _LocalDays(tz)
    # Worked out from the answers: the sessions not worked out (of every bank: one may share
    # its time with a session counted), those whose kept time a local midnight cuts, and the
    # sessions whose time depends on theirs (open at the same time).
    live = unfigured | {sid for sid in counted if sid not in seconds}
    live |= {sid for sid, quarter, _ in quarters if local.whole(quarter * QUARTER, QUARTER) is None}
    timeline: Sessions = {}
    moments: list[tuple[int, float]] = []
    if live:
        timeline, moments = reads.timeline(profile, sorted(live))
    daily: dict[date, int] = {}
    for sid, quarter, ms in quarters:
        if sid in counted and sid not in timeline:
            day = local.of(quarter * QUARTER)
            daily[day] = daily.get(day, 0) + ms
    total = sum(seconds[sid] for sid in counted if sid not in timeline and sid in seconds)
    if timeline:
        keep = {sid for sid in timeline if sid in counted}
        times, days = times_and_days(timeline, moments, tz, keep=keep)
        total += sum(times[sid] for sid in keep)
        for day, ms in days.items():
            daily[day] = daily.get(day, 0) + ms
    return total, daily


class _LocalDays:
    """The local calendar day of UTC seconds; quick for times that come roughly in order."""

    def __init__(self, tz: tzinfo | None) -> None:
        self.tz = tz
        self.start = self.end = 0.0
        self.day = date.min

    def of(self, moment: float) -> date:
        if not self.start <= moment < self.end:
            self.day = datetime.fromtimestamp(moment, self.tz).date()
            self.start = self._midnight(self.day)
            self.end = self._midnight(self.day + timedelta(days=1))
        return self.day

    def whole(self, moment: float, seconds: float) -> date | None:
        """The local day of a span of time, or None when a day starts inside it."""
        day = self.of(moment)
        return day if moment + seconds <= self.end else None

    def _midnight(self, day: date) -> float:
        midnight = datetime.combine(day, time.min)
        # A naive time given to astimezone() is taken as the computer's local time.
        aware = midnight.astimezone() if self.tz is None else midnight.replace(tzinfo=self.tz)
        return aware.timestamp()


def run_time(store: Store, profile: str, session_ids: Collection[int]) -> tuple[int, bool]:
    """The time of a run's sessions in whole seconds, what its results screen shows and what
    they add to the statistics' time spent, and whether a pause was cut to IDLE_CAP_MS.
    Raises StoreError."""
    if not session_ids:
        return 0, False
    sessions, moments = store.read_statistics(
        lambda reads: reads.activity(profile, list(session_ids))
    )
    # Whole seconds per session, as the statistics add them up.
    whole = sum(session_times(sessions, moments).values())
    cut = any(seconds * 1000 > IDLE_CAP_MS for _, _, seconds in gaps(sessions, moments))
    return whole, cut
