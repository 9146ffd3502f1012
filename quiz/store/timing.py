"""The time each session took, worked out once and kept: what the statistics add up.

The rule (docs/scores.md; quiz.progress.stats_time gives it to the results screen): a session's
time runs from its start to its end, counted between the moments the student did something (the
start, each answer saved, replaced exam answers too, the end); each gap counts at most
IDLE_CAP_MS. The moments are one profile's timeline: a review or a study of several banks keeps
a session per bank, all open at once, and a gap goes to the session of the answer that ends it,
after the answer before it in any session still open, so time is never counted twice.

Kept in the database, so the statistics need not read every answer's moment:

- `sessions.seconds`: the session's time in whole seconds (halves up); NULL while it is not
  worked out (a session still going, or changed since). Triggers make it NULL again when an
  answer of the session is saved, moved or deleted, or its start or end changes.
- `time_totals`: the milliseconds of its gaps per UTC quarter hour in which each gap ended
  (UTC seconds / 900), so its time per local day is summed for any time zone whose offset is a
  whole number of quarter hours; `seconds` is their sum in whole seconds.

A session's figures depend on the sessions that overlap it (open at the same time), so they are
worked out over its *timeline*: it and every session of its profile whose reach (its start, its
end, its answers) overlaps it, and every session overlapping those, and so on. No answer of any
other session falls within that span, and an answer before it belongs to a session that ended
before the first one in it began (or never ended): so its figures are those the profile's whole
timeline gives. `settle` does this when sessions finish
(for them and for any session of the profile not worked out yet), `backfill` once for every
session when a database is upgraded (schema 6). A session with an answer outside its start and end
(the clock was put back) is marked stray (`sessions.stray`, by a trigger and when its time is
worked out): it is then found by its answers, not by its start and end.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from datetime import UTC, datetime, timedelta

from quiz.store.backend import Dialect, Executor
from quiz.store.model import DamagedRow, stored_time
from quiz.text.wording import said

#: The most a gap between two moments of a session counts, in milliseconds.
IDLE_CAP_MS = 10 * 60 * 1000

#: The seconds in a quarter hour: time_totals keys the time by UTC quarter hour.
QUARTER = 900

#: When each session started and finished (None: not finished), by id.
Spans = Mapping[int, tuple[datetime, datetime | None]]

#: A session's figures: its whole seconds and the milliseconds of its gaps per UTC quarter hour.
Figures = tuple[int, dict[int, int]]


def gaps(
    sessions: Spans, moments: Iterable[tuple[int, float]]
) -> Iterator[tuple[int, float, float]]:
    """Each gap: (session id, when it ended, how long), in UTC seconds, not capped yet.

    `moments` are (session id, when in UTC seconds) of the answers saved, oldest first (then by
    id); those of sessions not in `sessions` are left out.
    """
    # Plain seconds, not datetimes: a profile's timeline may be every answer it ever gave.
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


def capped(seconds: float) -> int:
    """A gap in milliseconds, at most IDLE_CAP_MS (never negative)."""
    return max(0, min(IDLE_CAP_MS, round(seconds * 1000)))


def whole_seconds(ms: int) -> int:
    """Milliseconds as whole seconds, halves up: what a results screen shows."""
    return (ms + 500) // 1000


def figures(sessions: Spans, moments: Iterable[tuple[int, float]]) -> dict[int, Figures]:
    """Each session's whole seconds and milliseconds per UTC quarter hour, by id."""
    ms: dict[int, int] = dict.fromkeys(sessions, 0)
    quarters: dict[int, dict[int, int]] = {sid: {} for sid in sessions}
    for sid, at, seconds in gaps(sessions, moments):
        gap = capped(seconds)
        if gap:
            ms[sid] += gap
            split = quarters[sid]
            quarter = int(at // QUARTER)
            split[quarter] = split.get(quarter, 0) + gap
    return {sid: (whole_seconds(ms[sid]), quarters[sid]) for sid in sessions}


# -- reading the timeline ---------------------------------------------------------------------


def _seconds(dialect: Dialect) -> str:
    """SQL for an answer's time in UTC seconds, worked out by the database."""
    if dialect.name == "sqlite":
        return "(julianday(a.answered) - 2440587.5) * 86400.0"
    return "extract(epoch FROM a.answered)"


def spans(db: Executor, dialect: Dialect, where: str, params: Mapping[str, object]) -> dict:
    """When the sessions matching `where` started and finished, by id; damaged ones left out."""
    read_time = dialect.read_time
    found: dict[int, tuple[datetime, datetime | None]] = {}
    for session_id, started, finished in db.rows(
        f"SELECT id, started, finished FROM sessions WHERE {where}", params
    ):
        row = said("row.session", number=session_id)
        try:
            began = stored_time(read_time, started, row, said("damaged.what.start"))
            ended = None
            if finished is not None:
                ended = stored_time(read_time, finished, row, said("damaged.what.end"))
        except DamagedRow:
            continue  # said once by the statistics' own reads; its time is left out
        found[session_id] = (began, ended)
    return found


def moments(db: Executor, dialect: Dialect, where: str, params: Mapping[str, object]) -> list:
    """(session id, UTC seconds) of every answer of the sessions matching `where`, in order."""
    rows = db.rows(
        f"""
        SELECT a.session_id, {_seconds(dialect)} FROM answers AS a
        WHERE a.session_id IN (SELECT id FROM sessions WHERE {where})
        ORDER BY a.answered, a.id
        """,
        params,
    )
    # A time that is not one (NULL) leaves that moment out of the time; its answer counts.
    return [(sid, float(at)) for sid, at in rows if at is not None]


#: The sessions of a profile whose reach overlaps a window: the time from the earliest of its
#: start and its answers to the latest of its start, its end and its answers. Only a stray
#: session has answers before its start or after its end, and only a session not finished
#: reaches past its start without an end: the others are found by their start and end alone.
_OVERLAPPING = """
    profile = :profile
    AND (started <= :high OR stray = TRUE AND EXISTS (
        SELECT 1 FROM answers AS w WHERE w.session_id = sessions.id AND w.answered <= :high
    ))
    AND (finished >= :low OR started >= :low OR (stray = TRUE OR finished IS NULL) AND EXISTS (
        SELECT 1 FROM answers AS w WHERE w.session_id = sessions.id AND w.answered >= :low
    ))
"""


def timeline(
    db: Executor, dialect: Dialect, profile: str, session_ids: Collection[int]
) -> tuple[dict[int, tuple[datetime, datetime | None]], list[tuple[int, float]]]:
    """The sessions of a profile overlapping these (and those overlapping them, and so on), and
    their moments: all that these sessions' figures depend on."""
    found: dict[int, tuple[datetime, datetime | None]] = {}
    seeds = list(session_ids)
    if seeds:
        test, ids = dialect.any_of("id", "ids", seeds)
        found = spans(
            db, dialect, f"profile = :profile AND {test}", {"profile": profile, "ids": ids}
        )
    while found:
        times = _ids(dialect, found)
        answered = moments(db, dialect, times[0], times[1])
        edges = [t for began, ended in found.values() for t in (began, ended) if t is not None]
        if answered:
            edges += [datetime.fromtimestamp(answered[0][1], UTC)]
            edges += [datetime.fromtimestamp(answered[-1][1], UTC)]
        # A second either side: a time worked out in SQL may be off by some microseconds.
        window = {
            "profile": profile,
            "low": dialect.time(min(edges) - timedelta(seconds=1)),
            "high": dialect.time(max(edges) + timedelta(seconds=1)),
        }
        more = spans(db, dialect, _OVERLAPPING, window)
        if more.keys() <= found.keys():
            return found, answered
        found.update(more)
    return found, []


def _ids(dialect: Dialect, found: Mapping[int, object]) -> tuple[str, dict[str, object]]:
    test, ids = dialect.any_of("id", "ids", sorted(found))
    return test, {"ids": ids}


# -- keeping the figures ----------------------------------------------------------------------


def strays(sessions: Spans, moments: Iterable[tuple[int, float]]) -> set[int]:
    """The sessions with an answer before their start or after their end (the clock put back)."""
    spans = {
        sid: (began.timestamp(), None if ended is None else ended.timestamp())
        for sid, (began, ended) in sessions.items()
    }
    found = set()
    for sid, at in moments:
        span = spans.get(sid)
        # A millisecond's leeway: a time worked out in SQL may be off by some microseconds.
        if span is not None and (
            at < span[0] - 0.001 or (span[1] is not None and at > span[1] + 0.001)
        ):
            found.add(sid)
    return found


def keep(db: Executor, sessions: Spans, moments: list[tuple[int, float]]) -> None:
    """Work out sessions' figures from their timeline and save them, replacing what was kept."""
    figured = figures(sessions, moments)
    if not figured:
        return
    stray = strays(sessions, moments)
    # In the order of their ids, as every writer of these rows does.
    ordered = sorted(figured.items())
    db.run_many(
        "UPDATE sessions SET seconds = :seconds, stray = :stray WHERE id = :id",
        [{"id": sid, "seconds": seconds, "stray": sid in stray} for sid, (seconds, _) in ordered],
    )
    db.run_many(
        "DELETE FROM time_totals WHERE session_id = :id", [{"id": sid} for sid, _ in ordered]
    )
    rows = [
        {"id": sid, "quarter": quarter, "ms": ms}
        for sid, (_, split) in ordered
        for quarter, ms in sorted(split.items())
    ]
    if rows:
        db.run_many(
            "INSERT INTO time_totals (session_id, quarter, ms) VALUES (:id, :quarter, :ms)", rows
        )


def hold(
    db: Executor, dialect: Dialect, session_ids: Collection[int] = (), profiles: Iterable[str] = ()
) -> dict[str, set[int]]:
    """Take the profiles of these sessions (and `profiles`) for this transaction, so that two
    quizzes finishing at once work out their time one after the other; return the sessions by
    profile. Call first in the transaction: the figures are read after it."""
    named: dict[str, set[int]] = {profile: set() for profile in profiles}
    if session_ids:
        test, ids = dialect.any_of("id", "ids", list(session_ids))
        for profile, sid in db.rows(f"SELECT profile, id FROM sessions WHERE {test}", {"ids": ids}):
            named.setdefault(profile, set()).add(sid)
    if dialect.name == "postgresql":
        # SQLite's writers take the whole file (BEGIN IMMEDIATE); a server locks by profile.
        for profile in sorted(named):
            db.row("SELECT pg_advisory_xact_lock(hashtext(:profile))", {"profile": profile})
    return named


def settle(db: Executor, dialect: Dialect, named: Mapping[str, Collection[int]]) -> None:
    """Work out and keep the figures of these sessions by profile (just finished, see hold), of
    every session of their profiles not worked out yet, and of the sessions overlapping them."""
    for profile, given in sorted(named.items()):
        unfigured = db.rows(
            "SELECT id FROM sessions WHERE profile = :profile AND seconds IS NULL",
            {"profile": profile},
        )
        seeds = {sid for (sid,) in unfigured} | set(given)
        if seeds:
            keep(db, *timeline(db, dialect, profile, seeds))


def backfill(db: Executor, dialect: Dialect) -> None:
    """Work out every session's figures from its answers, by the profile's whole timeline (the
    upgrade to schema 6): the statistics give the same time as before it."""
    for (profile,) in db.rows("SELECT DISTINCT profile FROM sessions ORDER BY 1"):
        where, params = "profile = :profile", {"profile": profile}
        keep(db, spans(db, dialect, where, params), moments(db, dialect, where, params))
