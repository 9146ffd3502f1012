"""The time a session took: what its results screen says and what the statistics add up.

    times = session_times(sessions, moments)    # {session id: whole seconds}
    daily = time_per_day(sessions, moments, tz)  # {local date: milliseconds}
    seconds = run_seconds(store, profile, ids)   # a run's sessions, from the store

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

from collections.abc import Collection, Container, Iterable, Mapping
from datetime import date, datetime, tzinfo

from quiz.store import Store

__all__ = ["IDLE_CAP_MS", "run_seconds", "session_times", "time_per_day"]

#: The most a gap between two moments of a session counts, in milliseconds.
IDLE_CAP_MS = 10 * 60 * 1000

#: When each session started and finished (None: not finished), by id.
Sessions = Mapping[int, tuple[datetime, datetime | None]]


def _gaps(sessions: Sessions, moments: Iterable[tuple[int, datetime]]):
    """Each counted gap: (session id, when it ended, milliseconds), capped."""
    ordered = [(sid, at) for sid, at in moments if sid in sessions]
    previous: tuple[int, datetime] | None = None
    last_of: dict[int, int] = {}
    for index, (sid, _) in enumerate(ordered):
        last_of[sid] = index
    for index, (sid, at) in enumerate(ordered):
        started, _ = sessions[sid]
        base = started
        if previous is not None:
            before, then = previous
            ended = sessions[before][1]
            # The same run: the answer before in this session, or in one still open when this
            # one started (a review of several banks), not one of a quiz that had ended.
            if before == sid or (ended is not None and ended >= started):
                base = max(then, started) if before == sid else then
        yield sid, at, _capped(at, base)
        previous = (sid, at)
        finished = sessions[sid][1]
        if last_of[sid] == index and finished is not None:
            later = ordered[index + 1][1] if index + 1 < len(ordered) else None
            # The end of the run: after its last answer, up to the session's end.
            if later is None or later > finished:
                yield sid, finished, _capped(finished, at)


def _capped(later: datetime, earlier: datetime) -> int:
    ms = round((later - earlier).total_seconds() * 1000)
    return max(0, min(IDLE_CAP_MS, ms))


def session_times(sessions: Sessions, moments: Iterable[tuple[int, datetime]]) -> dict[int, int]:
    """Each session's time in whole seconds (halves up), by id; 0 for one without answers.

    `moments` are (session id, when) of every answer saved by the profile, oldest first (the
    store's `activity`); answers of sessions not in `sessions` are left out.
    """
    ms: dict[int, int] = dict.fromkeys(sessions, 0)
    for sid, _, gap in _gaps(sessions, moments):
        ms[sid] += gap
    return {sid: (total + 500) // 1000 for sid, total in ms.items()}


def time_per_day(
    sessions: Sessions,
    moments: Iterable[tuple[int, datetime]],
    tz: tzinfo | None,
    keep: Container[int] | None = None,
) -> dict[date, int]:
    """The sessions' time per local day in tz (None: the computer's), in milliseconds: each
    gap goes to the day it ended. `keep`: only these sessions' gaps (None: all)."""
    days: dict[date, int] = {}
    for sid, at, gap in _gaps(sessions, moments):
        if keep is not None and sid not in keep:
            continue
        day = at.astimezone(tz).date()
        days[day] = days.get(day, 0) + gap
    return days


def run_seconds(store: Store, profile: str, session_ids: Collection[int]) -> int:
    """The time of a run's sessions, in whole seconds: what its results screen shows, and what
    these sessions add to the statistics' time spent. Raises StoreError."""
    if not session_ids:
        return 0
    sessions, moments = store.read_statistics(
        lambda reads: reads.activity(profile, list(session_ids))
    )
    return sum(session_times(sessions, moments).values())
