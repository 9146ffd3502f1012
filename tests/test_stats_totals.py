"""The answer totals kept by triggers (migration 3) and the statistics read from them.

Each check recounts the final answers in Python, with the quarter hour worked out from the
stored time by datetime, not by the SQL the triggers use, so a wrong bucket shows.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from quiz.progress.stats import compute
from quiz.store import Store, bank_key
from quiz.store import sqlite as store_module

CHOICES = ("right", "wrong")
START = datetime(2025, 3, 6, tzinfo=UTC)


def expected_totals(conn: sqlite3.Connection) -> tuple[list[tuple], list[tuple]]:
    """The totals per (session, quarter) and per question, recounted from the answers."""
    quarters: dict[tuple[int, int], list[int]] = {}
    questions: dict[tuple[str, str, str], list[int]] = {}
    rows = conn.execute(
        "SELECT session_id, profile, bank, question_id, correct, ms, answered FROM answers"
        " WHERE final = 1"
    )
    for session_id, profile, bank, question_id, correct, ms, answered in rows:
        quarter = int(datetime.fromisoformat(answered).timestamp()) // 900
        entry = quarters.setdefault((session_id, quarter), [0, 0, 0])
        entry[0] += 1
        entry[1] += correct
        entry[2] += ms
        entry = questions.setdefault((profile, bank, question_id), [0, 0])
        entry[0] += 1
        entry[1] += correct
    return (
        sorted((*key, *value) for key, value in quarters.items()),
        sorted((*key, *value) for key, value in questions.items()),
    )


def kept_totals(conn: sqlite3.Connection) -> tuple[list[tuple], list[tuple]]:
    """The totals as the tables hold them, rows fallen to no answers left out."""
    quarters = conn.execute(
        "SELECT session_id, quarter, answers, correct, ms FROM answer_totals WHERE answers > 0"
    ).fetchall()
    questions = conn.execute(
        "SELECT profile, bank, question_id, answers, correct FROM question_totals WHERE answers > 0"
    ).fetchall()
    # A row at 0 answers must be wholly 0: no right answer or time left behind.
    leftovers = (
        conn.execute(
            "SELECT COUNT(*) FROM answer_totals WHERE answers = 0 AND (correct != 0 OR ms != 0)"
        ).fetchone()[0]
        + conn.execute(
            "SELECT COUNT(*) FROM question_totals WHERE answers = 0 AND correct != 0"
        ).fetchone()[0]
    )
    assert leftovers == 0
    return sorted(quarters), sorted(questions)


def assert_totals_exact(store: Store) -> None:
    conn = store._conn
    expected = expected_totals(conn)
    assert expected[0], "the check needs answers"
    assert kept_totals(conn) == expected


def answer(store: Store, session: int, qid: str, right: bool, when: datetime, **kw: object) -> int:
    return store.record_answer(
        session,
        question_id=qid,
        question=f"Text of {qid}",
        choices=CHOICES,
        picked=0 if right else 1,
        correct=right,
        ms=1000 + len(qid) * 10 + when.minute,
        now=when,
        **kw,
    )


def play(store: Store, rng: random.Random, sessions: int = 40) -> dict[str, list[int]]:
    """Random sessions of two profiles on two banks: exams with answers changed and withdrawn,
    sessions across midnight and across quarter hours, answers on the last microsecond of a
    quarter. Returns each profile's session ids."""
    banks = [bank_key(f"/banks/{name}.yaml") for name in ("geo", "math")]
    ids: dict[str, list[int]] = {"amal": [], "omar": []}
    for n in range(sessions):
        profile = ("amal", "omar")[n % 2]
        bank = banks[rng.randrange(2)]
        mode = rng.choice(("practice", "exam", "exam"))
        began = START + timedelta(minutes=rng.randrange(0, 6 * 24 * 60, 7))
        session = store.start_session(
            bank=bank, title=bank, planned=5, mode=mode, profile=profile, now=began
        )
        ids[profile].append(session)
        moment = began
        for _ in range(rng.randrange(1, 8)):
            moment += timedelta(minutes=rng.choice([1, 9, 14, 40]))
            if rng.random() < 0.2:
                # The last microsecond of a quarter hour: rounding it would move its bucket.
                moment = moment.replace(minute=moment.minute // 15 * 15 + 14, second=59)
                moment = moment.replace(microsecond=999_999)
            qid = f"q{rng.randrange(6)}"
            answer(store, session, qid, rng.random() < 0.6, moment, replace=mode == "exam")
            if mode == "exam" and rng.random() < 0.15:
                store.withdraw_answer(session, question_id=qid)
        if rng.random() < 0.85:
            store.finish_session(session, now=moment + timedelta(seconds=30))
    return ids


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "scores.db") as opened:
        yield opened


def test_totals_follow_inserts_changed_and_withdrawn_exam_answers(store: Store) -> None:
    play(store, random.Random(1))
    assert_totals_exact(store)
    # The exams did replace and withdraw answers, so those paths were taken.
    finals = store._conn.execute("SELECT final, COUNT(*) FROM answers GROUP BY final").fetchall()
    assert dict(finals)[0] > 5


def test_a_changed_exam_answer_moves_from_its_old_quarter_and_question(store: Store) -> None:
    session = store.start_session(bank="/b.yaml", title="B", planned=2, mode="exam")
    answer(store, session, "q1", False, START + timedelta(minutes=1), replace=True)
    answer(store, session, "q1", True, START + timedelta(minutes=20), replace=True)
    quarter = int(START.timestamp()) // 900
    conn = store._conn
    assert conn.execute(
        "SELECT quarter, answers, correct FROM answer_totals ORDER BY quarter"
    ).fetchall() == [(quarter, 0, 0), (quarter + 1, 1, 1)]
    assert conn.execute("SELECT answers, correct FROM question_totals").fetchall() == [(1, 1)]
    store.withdraw_answer(session, question_id="q1")
    assert conn.execute(
        "SELECT SUM(answers), SUM(correct), SUM(ms) FROM answer_totals"
    ).fetchone() == (
        0,
        0,
        0,
    )
    assert conn.execute("SELECT answers, correct FROM question_totals").fetchall() == [(0, 0)]


def test_study_answers_are_totalled(store: Store) -> None:
    from quiz.store import CardState

    session = store.start_session(bank="/b.yaml", title="B", planned=1, mode="study")
    card = CardState(None, "/b.yaml", "q1", 0, 2, None, 1.0, 5.0, START, START)
    store.record_review(
        session,
        card=card,
        rating=3,
        question="Q?",
        choices=CHOICES,
        picked=0,
        correct=True,
        ms=700,
        now=START,
    )
    assert_totals_exact(store)


def test_deleting_sessions_and_answers_takes_them_out(store: Store) -> None:
    ids = play(store, random.Random(2))
    conn = store._conn
    # ON DELETE CASCADE deletes the answers (their trigger runs) and the session's totals.
    conn.execute("DELETE FROM sessions WHERE id IN (?, ?, ?)", tuple(ids["amal"][:3]))
    assert_totals_exact(store)
    assert conn.execute(
        "SELECT COUNT(*) FROM answer_totals WHERE session_id IN (?, ?, ?)", tuple(ids["amal"][:3])
    ).fetchone() == (0,)
    conn.execute("DELETE FROM answers WHERE id % 5 = 0")
    assert_totals_exact(store)


def test_any_change_to_an_answer_row_keeps_the_totals_exact(store: Store) -> None:
    play(store, random.Random(3))
    conn = store._conn
    conn.execute("UPDATE answers SET final = 1 - final WHERE id % 7 = 0")
    assert_totals_exact(store)
    conn.execute(
        "UPDATE answers SET answered = '2025-02-01T10:14:59.999999+00:00', profile = 'zoe',"
        " correct = 1 - correct, ms = ms + 1 WHERE id % 4 = 0"
    )
    assert_totals_exact(store)
    conn.execute("UPDATE answers SET question_id = 'moved', bank = '/c.yaml' WHERE id % 3 = 0")
    assert_totals_exact(store)


def test_migration_from_version_2_fills_the_totals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "scores.db"
    with monkeypatch.context() as patched:
        patched.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:2])
        # A quiz of schema 2 kept no time of its sessions (schema 6 does, on finishing one).
        patched.setattr("quiz.store.sessions.settle", lambda *args: None)
        with Store.open(path) as old:
            play(old, random.Random(4))
            expected = expected_totals(old._conn)
            tables = {n for (n,) in old._conn.execute("SELECT name FROM sqlite_master")}
            assert "answer_totals" not in tables
    with Store.open(path) as store:
        conn = store._conn
        assert conn.execute("PRAGMA user_version").fetchone() == (len(store_module.MIGRATIONS),)
        assert kept_totals(conn) == expected
        # And the triggers run from then on.
        session = store.start_session(bank="/b.yaml", title="B", planned=1, mode="exam")
        answer(store, session, "q1", False, START, replace=True)
        answer(store, session, "q1", True, START, replace=True)
        assert_totals_exact(store)


def by_hand(
    store: Store, profile: str, tz: tzinfo
) -> tuple[int, list[tuple[date, int, int, int]], list[tuple[int, int, int]]]:
    """Sessions counted, days and score points of a profile, counted answer by answer."""
    rows = store._conn.execute(
        """
        SELECT a.session_id, s.finished, a.answered, a.correct, a.ms
        FROM answers a JOIN sessions s ON s.id = a.session_id
        WHERE s.profile = ? AND a.final = 1
        """,
        (profile,),
    ).fetchall()
    days: dict[date, list[int]] = {}
    sessions: dict[int, list[int]] = {}
    finished: set[int] = set()
    for session_id, ended, answered, correct, ms in rows:
        day = datetime.fromisoformat(answered).astimezone(tz).date()
        entry = days.setdefault(day, [0, 0, 0])
        entry[0] += 1
        entry[1] += correct
        entry[2] += ms
        entry = sessions.setdefault(session_id, [0, 0])
        entry[0] += 1
        entry[1] += correct
        if ended is not None:
            finished.add(session_id)
    return (
        len(sessions),
        sorted((d, *v) for d, v in days.items()),
        sorted((s, *sessions[s]) for s in finished),
    )


@pytest.mark.parametrize(
    "tz",
    [
        ZoneInfo("America/New_York"),  # summer time began on 9 March 2025
        ZoneInfo("Asia/Kathmandu"),  # +05:45
        timezone(timedelta(hours=-3, minutes=-30)),
        # Not whole quarter hours: the quarters holding a midnight are read answer by answer.
        timezone(timedelta(minutes=7)),
        timezone(timedelta(hours=5, minutes=53, seconds=20)),
    ],
    ids=str,
)
def test_statistics_from_the_totals_match_a_count_answer_by_answer(
    store: Store, tz: tzinfo
) -> None:
    play(store, random.Random(5), sessions=80)
    for profile in ("amal", "omar"):
        stats = compute(store, profile=profile, now=START + timedelta(days=7), tz=tz)
        sessions, days, points = by_hand(store, profile, tz)
        assert stats.sessions == sessions
        # A day's time is the sessions' (quiz.progress.stats_time), not the answers' totals.
        assert [(d.day, d.answers, d.correct) for d in stats.days] == [d[:3] for d in days]
        assert sorted((p.session_id, p.answers, p.correct) for p in stats.scores) == points
