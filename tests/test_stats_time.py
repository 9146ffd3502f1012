"""A session's time (quiz.progress.stats_time): start to end between moments, each gap at most
10 minutes; the results screen shows it and the statistics add it up. Figures worked by hand."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from ui_helpers import ANSWERS, THREE, WRONG, build, choice_number, screen_text

from quiz.bank.loader import load_bank
from quiz.cli import main
from quiz.progress.stats_time import IDLE_CAP_MS, session_times, time_per_day
from quiz.ui.question import QuestionScreen
from quiz.ui.results import ResultsScreen

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def when(seconds: float) -> float:
    """A moment of the timeline: UTC seconds, as the store gives them."""
    return at(seconds).timestamp()


def test_a_session_is_its_start_to_its_end_between_answers() -> None:
    sessions = {1: (at(0), at(100))}
    moments = [(1, when(20)), (1, when(50)), (1, when(90))]
    assert session_times(sessions, moments) == {1: 100}  # 20 + 30 + 40 + 10


def test_a_gap_counts_at_most_ten_minutes() -> None:
    assert IDLE_CAP_MS == 600_000
    # 20 s, then 44 min 40 s away (10 min), then 10 s to the end: 630 s.
    sessions = {1: (at(0), at(2700))}
    assert session_times(sessions, [(1, when(20)), (1, when(2690))]) == {1: 630}
    # Left open for an hour after its last answer: 20 s + 10 min.
    assert session_times({1: (at(0), at(3620))}, [(1, when(20))]) == {1: 620}


def test_an_unfinished_session_ends_at_its_last_answer_and_none_without_answers() -> None:
    sessions = {1: (at(0), None), 2: (at(500), at(560))}
    assert session_times(sessions, [(1, when(15)), (1, when(45))]) == {1: 45, 2: 0}


def test_seconds_are_whole_halves_up() -> None:
    assert session_times({1: (at(0), at(30.5))}, [(1, when(10))]) == {1: 31}
    assert session_times({1: (at(0), at(30.499))}, [(1, when(10))]) == {1: 30}


def test_a_review_of_two_banks_counts_its_time_once() -> None:
    # A review: bank A's session starts with the run; bank B's at its first answer (30 s in,
    # after A's first at 10 s); A again at 60 s; both end at 80 s. The run took 80 s, not more.
    sessions = {1: (at(0), at(80)), 2: (at(30), at(80))}
    moments = [(1, when(10)), (2, when(30)), (1, when(60))]
    # A: 10 (start to its answer) + 30 (B's answer to A's) + 20 (to the end); B: 20.
    assert session_times(sessions, moments) == {1: 60, 2: 20}


def test_a_new_quiz_counts_from_its_own_start() -> None:
    # The first quiz ended at 100 s; the next starts at 700 s and is answered at 715 s.
    sessions = {1: (at(0), at(100)), 2: (at(700), at(720))}
    moments = [(1, when(40)), (2, when(715))]
    assert session_times(sessions, moments) == {1: 100, 2: 20}


def test_a_day_has_the_gaps_that_ended_on_it() -> None:
    # 23:59:00 UTC start, answers at 23:59:40 and 00:00:30, the end at 00:01:00.
    start = datetime(2026, 5, 4, 23, 59, tzinfo=UTC)
    sessions = {1: (start, start + timedelta(seconds=120))}
    moments = [(1, (start + timedelta(seconds=s)).timestamp()) for s in (40, 90)]
    days = time_per_day(sessions, moments, UTC)
    assert days == {start.date(): 40_000, start.date() + timedelta(days=1): 80_000}


async def test_the_results_screen_and_the_statistics_give_the_same_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "three.yaml").write_text(THREE, encoding="utf-8")
    db = tmp_path / "s.db"
    bank = load_bank(folder / "three.yaml").bank
    app, store = build(folder, db, play=bank)
    monkeypatch.setattr("quiz.store.model.utc_now", app.clock.now)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            # 20 s to the first answer, 15 min away before the second (10 min), 30 s to the
            # third, 5 s on its feedback: 20 + 600 + 30 + 5 = 655 s = 10 min 55 s.
            for wait, right in ((20, True), (900, False), (30, True)):
                assert isinstance(app.screen, QuestionScreen)
                question = app.screen.quiz.current.question.text
                app.clock.wait(wait)
                await pilot.press(choice_number(app, (ANSWERS if right else WRONG)[question]))
                if wait == 30:
                    app.clock.wait(5)
                await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            # The results say that a pause was cut.
            text = screen_text(app)
            assert "Score 2/3 (67%)   Time 10m 55s (a pause over 10 min counted as 10)" in text
    assert main(["--db", str(db), "stats", "--json"]) == 0
    totals = json.loads(capsys.readouterr().out)["totals"]
    assert totals["time_ms"] == 655_000
    assert main(["--db", str(db), "stats"]) == 0
    assert "Time spent         10m 55s" in capsys.readouterr().out
