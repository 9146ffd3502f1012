"""The time a session took: what its results screen says and what the statistics add up.

    times = session_times(sessions, moments)    # {session id: whole seconds}
    daily = time_per_day(sessions, moments, tz)  # {local date: milliseconds}
    seconds, cut = run_time(store, profile, ids)  # a run's sessions, from the store

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
"""

from __future__ import annotations

from collections.abc import Collection, Container, Iterable, Iterator, Mapping
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from quiz.store import Store

__all__ = ["IDLE_CAP_MS", "run_time", "session_times", "time_per_day", "times_and_days"]

#: The most a gap between two moments of a session counts, in milliseconds.
IDLE_CAP_MS = 10 * 60 * 1000

#: When each session started and finished (None: not finished), by id.
Sessions = Mapping[int, tuple[datetime, datetime | None]]


def _gaps(
    sessions: Sessions, moments: Iterable[tuple[int, float]]
) -> Iterator[tuple[int, float, float]]:
    """Each gap: (session id, when it ended, how long), in UTC seconds, not capped yet."""
    # Plain seconds, not datetimes: a profile's timeline is every answer it ever gave.
    spans = {
        sid: (began.timestamp(), None if ended is None else ended.timestamp())
        for sid, (began, ended) in sessions.items()
    }
    ordered = [(sid, at) for sid, at in moments if sid in spans]
    last_of = {sid: index for index, (sid, _) in enumerate(ordered)}
    previous_sid, previous_at = -1, 0.0
    for index, (sid, at) in enumerate(ordered):
        started, finished = spans[sid]
        base = started
        if previous_sid == sid:
            base = max(previous_at, started)
        elif previous_sid in spans:
            ended = spans[previous_sid][1]
            # The same run: an answer in a session still open when this one started (a
            # review of several banks), not one of a quiz that had ended.
            if ended is not None and ended >= started:
                base = previous_at
        yield sid, at, at - base
        previous_sid, previous_at = sid, at
        if last_of[sid] == index and finished is not None:
            later = ordered[index + 1][1] if index + 1 < len(ordered) else None
            # The end of the run: after its last answer, up to the session's end.
            if later is None or later > finished:
                yield sid, finished, finished - at


def _capped(seconds: float) -> int:
    return max(0, min(IDLE_CAP_MS, round(seconds * 1000)))


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
    for sid, at, seconds in _gaps(sessions, moments):
        gap = _capped(seconds)
        ms[sid] += gap
        if gap and (keep is None or sid in keep):
            day = local.of(at)
            days[day] = days.get(day, 0) + gap
    return {sid: (total + 500) // 1000 for sid, total in ms.items()}, days


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
    cut = any(seconds * 1000 > IDLE_CAP_MS for _, _, seconds in _gaps(sessions, moments))
    return whole, cut
