"""The time each session took, kept by the store once the session ends (quiz.store.timing):
its whole seconds and its split over UTC quarter hours, which the statistics add up instead of
reading every answer's moment. Every figure is worked out by hand, on both back ends."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from backends import raw

from quiz.cli import main
from quiz.play.group import SessionGroup
from quiz.progress.stats import compute
from quiz.store import Store, postgresql_schema, sqlite_schema

DAY = date(2026, 5, 4)
NOW = datetime(2026, 5, 10, tzinfo=UTC)


def at(hours: int, minutes: int, seconds: float = 0, day: date = DAY) -> datetime:
    """A time of the day, UTC."""
    moment = datetime(day.year, day.month, day.day, hours, minutes, tzinfo=UTC)
    return moment + timedelta(seconds=seconds)


def quarter(moment: datetime) -> int:
    """The key of the UTC quarter hour a moment lies in, as time_totals keeps it."""
    return int(moment.timestamp()) // 900


def answer(store: Store, session: int, when: datetime, question: str = "q1") -> None:
    store.record_answer(
        session,
        question_id=question,
        question="Q?",
        choices=["a", "b"],
        picked=0,
        correct=True,
        ms=1000,
        now=when,
    )


def kept(store: Store, session: int) -> tuple[int | None, dict[int, int]]:
    """What the store keeps of a session's time: its seconds and its ms per quarter hour."""
    [(seconds,)] = raw(store, "SELECT seconds FROM sessions WHERE id = ?", (session,))
    rows = raw(store, "SELECT quarter, ms FROM time_totals WHERE session_id = ?", (session,))
    return seconds, {q: ms for q, ms in rows}


def a_quarter_hour_quiz(store: Store, bank: str = "/a.yaml") -> int:
    """10:05:00 to 10:31:30, answers at 10:07, 10:12 and 10:31 (19 minutes away before it)."""
    session = store.start_session(bank=bank, title="A", planned=3, now=at(10, 5))
    for n, when in enumerate((at(10, 7), at(10, 12), at(10, 31))):
        answer(store, session, when, f"q{n}")
    store.finish_session(session, now=at(10, 31, 30))
    return session


def test_a_finished_session_keeps_its_seconds_and_its_quarter_hours(db_target: Path | str) -> None:
    with Store.open(db_target) as store:
        session = a_quarter_hour_quiz(store)
        # 10:05 -> 10:07 is 120 s and 10:07 -> 10:12 is 300 s, both ending in 10:00-10:15;
        # 10:12 -> 10:31 is 19 min, counted 600 s, and 10:31 -> 10:31:30 is 30 s, both ending
        # in 10:30-10:45. 120 + 300 + 600 + 30 = 1050 s.
        assert kept(store, session) == (
            1050,
            {quarter(at(10, 0)): 420_000, quarter(at(10, 30)): 630_000},
        )
        stats = compute(store, profile="default", now=NOW, tz=UTC)
    assert stats.time_ms == 1_050_000
    assert [(d.day, d.ms) for d in stats.days] == [(DAY, 1_050_000)]


def test_a_review_of_two_banks_ending_together_keeps_its_time_once(db_target: Path | str) -> None:
    clock = [at(10, 14)]
    with Store.open(db_target) as store:
        group = SessionGroup(
            store, mode="review", profile="default", planned={}, now=lambda: clock[0]
        )
        # Bank A at 10:14:10, bank B (its session starts then) at 10:14:30, A at 10:15:01,
        # the end at 10:15:20: the run took 80 s.
        for when, bank in ((10, "/a.yaml"), (30, "/b.yaml"), (61, "/a.yaml")):
            clock[0] = at(10, 14, when)
            answer(store, group.session_for(bank, bank), clock[0])
        clock[0] = at(10, 15, 20)
        group.finish()
        a, b = group.ids["/a.yaml"], group.ids["/b.yaml"]
        # A: 10 s from the start (ends 10:14:10), 31 s from B's answer (ends 10:15:01) and
        # 19 s to the end; B: the 20 s from A's first answer to its own.
        assert kept(store, a) == (60, {quarter(at(10, 0)): 10_000, quarter(at(10, 15)): 50_000})
        assert kept(store, b) == (20, {quarter(at(10, 0)): 20_000})
        both = compute(store, profile="default", now=NOW, tz=UTC)
        only_b = compute(store, profile="default", bank="/b.yaml", now=NOW, tz=UTC)
    assert both.time_ms == 80_000
    assert [(d.day, d.ms) for d in both.days] == [(DAY, 80_000)]
    assert only_b.time_ms == 20_000


def test_sessions_of_a_run_finished_one_by_one_keep_the_same_time(db_target: Path | str) -> None:
    with Store.open(db_target) as store:
        a = store.start_session(bank="/a.yaml", title="A", planned=0, now=at(10, 14))
        answer(store, a, at(10, 14, 10))
        b = store.start_session(bank="/b.yaml", title="B", planned=0, now=at(10, 14, 30))
        answer(store, b, at(10, 14, 30))
        answer(store, a, at(10, 15))
        # A first: while B is open, A counts from its own start; once B ends, as one run.
        store.finish_session(a, now=at(10, 15, 20))
        store.finish_session(b, now=at(10, 15, 20))
        assert [kept(store, s)[0] for s in (a, b)] == [60, 20]


def test_a_session_not_finished_is_counted_from_its_answers(db_target: Path | str) -> None:
    with Store.open(db_target) as store:
        quiz = a_quarter_hour_quiz(store)
        going = store.start_session(bank="/a.yaml", title="A", planned=5, now=at(11, 0))
        answer(store, going, at(11, 0, 20))
        answer(store, going, at(11, 0, 50))
        # Not worked out yet: 20 s, then 30 s to the second answer; no end yet.
        assert kept(store, going) == (None, {})
        stats = compute(store, profile="default", now=NOW, tz=UTC)
        assert stats.time_ms == 1_050_000 + 50_000
        # Another answer to a finished session makes its kept time unknown again: it is worked
        # out from its answers, 10:31 -> 10:32 added (60 s) and no time after it to the end.
        first = kept(store, quiz)
        answer(store, quiz, at(10, 32), "late")
        assert kept(store, quiz)[0] is None
        later = compute(store, profile="default", now=NOW, tz=UTC)
    assert first[0] == 1050
    assert later.time_ms == (120 + 300 + 600 + 60) * 1000 + 50_000


def test_a_day_boundary_in_riyadh_and_in_india(db_target: Path | str) -> None:
    with Store.open(db_target) as store:
        # 20:50 to 21:10 UTC is 23:50 to 00:10 in Riyadh (+3): answers at 23:55 and 00:05.
        riyadh = store.start_session(bank="/a.yaml", title="A", planned=2, now=at(20, 50))
        answer(store, riyadh, at(20, 55))
        answer(store, riyadh, at(21, 5), "q2")
        store.finish_session(riyadh, now=at(21, 10))
        # 18:20 to 18:40 UTC the next day is 23:50 to 00:10 in India (+5:30).
        later = DAY + timedelta(days=1)
        india = store.start_session(bank="/b.yaml", title="B", planned=2, now=at(18, 20, 0, later))
        answer(store, india, at(18, 25, 0, later))
        answer(store, india, at(18, 35, 0, later), "q2")
        store.finish_session(india, now=at(18, 40, 0, later))

        def days(bank: str, zone: str) -> list[tuple[date, int]]:
            stats = compute(store, profile="default", bank=bank, now=NOW, tz=ZoneInfo(zone))
            return [(d.day, d.ms) for d in stats.days]

        # Each: 300 s to the first answer (before midnight), 600 s to the second and 300 s to
        # the end (after it).
        assert days("/a.yaml", "Asia/Riyadh") == [(DAY, 300_000), (later, 900_000)]
        assert days("/a.yaml", "UTC") == [(DAY, 1_200_000)]
        assert days("/b.yaml", "Asia/Kolkata") == [
            (later, 300_000),
            (later + timedelta(days=1), 900_000),
        ]
        assert days("/b.yaml", "UTC") == [(later, 1_200_000)]


def test_a_zone_whose_midnight_cuts_a_quarter_hour(db_target: Path | str) -> None:
    # Liberia kept -0:44:30 until 1972: local midnight was 00:44:30 UTC, inside a quarter hour.
    day = date(1971, 6, 2)
    with Store.open(db_target) as store:
        session = store.start_session(bank="/a.yaml", title="A", planned=2, now=at(0, 40, 0, day))
        answer(store, session, at(0, 42, 0, day))  # 23:57:30 local, the day before
        answer(store, session, at(0, 47, 0, day), "q2")  # 00:02:30 local
        store.finish_session(session, now=at(0, 50, 0, day))
        stats = compute(store, profile="default", now=NOW, tz=ZoneInfo("Africa/Monrovia"))
    # 120 s to the first answer the day before; 300 s and 180 s to the end on the day.
    assert [(d.day, d.ms) for d in stats.days] == [
        (day - timedelta(days=1), 120_000),
        (day, 480_000),
    ]
    assert stats.time_ms == 600_000


def test_an_upgraded_database_gets_the_time_it_had_before(
    db_target: Path | str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as old:
        # A database of schema 5, written by a quiz that kept no time of its sessions.
        old.setattr("quiz.store.sqlite.MIGRATIONS", sqlite_schema.MIGRATIONS[:5])
        old.setattr("quiz.store.postgresql.MIGRATIONS", postgresql_schema.MIGRATIONS[:5])
        old.setattr("quiz.store.sessions.settle", lambda *args: None)
        with Store.open(db_target) as store:
            quiz = a_quarter_hour_quiz(store)
            a = store.start_session(bank="/a.yaml", title="A", planned=0, now=at(12, 14))
            answer(store, a, at(12, 14, 10))
            b = store.start_session(bank="/b.yaml", title="B", planned=0, now=at(12, 14, 30))
            answer(store, b, at(12, 14, 30))
            answer(store, a, at(12, 15, 1))
            store.finish_sessions({a: None, b: None}, now=at(12, 15, 20))
            going = store.start_session(bank="/a.yaml", title="A", planned=5, now=at(13, 0))
            answer(store, going, at(13, 0, 20))
            assert raw(store, "SELECT COUNT(*) FROM sessions") == [(4,)]
    with Store.open(db_target) as store:
        # The same figures as the quiz before the upgrade worked out from the answers.
        assert [kept(store, s)[0] for s in (quiz, a, b, going)] == [1050, 60, 20, 20]
        assert kept(store, a)[1] == {quarter(at(12, 0)): 10_000, quarter(at(12, 15)): 50_000}
        stats = compute(store, profile="default", now=NOW, tz=UTC)
    assert stats.time_ms == (1050 + 80 + 20) * 1000
    assert [(d.day, d.ms) for d in stats.days] == [(DAY, 1_150_000)]


def test_db_check_says_when_a_kept_time_does_not_match_the_answers(
    db_target: Path | str, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db_target) as store:
        quiz = a_quarter_hour_quiz(store)
        going = store.start_session(bank="/a.yaml", title="A", planned=5, now=at(11, 0))
        answer(store, going, at(11, 0, 20))
    assert main(["db", "check", "--db", str(db_target)]) == 0
    capsys.readouterr()
    with Store.open(db_target) as store:
        raw(store, "UPDATE sessions SET seconds = 1049 WHERE id = ?", (quiz,))
    assert main(["db", "check", "--db", str(db_target)]) == 1
    assert (
        "  problem: the kept time of sessions does not match their answers (1 differs)"
        in capsys.readouterr().out.splitlines()
    )
    # In Arabic too: one session, in the singular.
    assert main(["--lang", "ar", "db", "check", "--db", str(db_target)]) == 1
    assert "الوقت المحفوظ للجلسات لا يطابق إجاباتها (تختلف جلسة واحدة)" in capsys.readouterr().out
