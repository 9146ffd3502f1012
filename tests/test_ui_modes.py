"""Pilot tests of the learning modes: exam, review and study, from the keys to the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers import FakeClock
from ui_helpers import ANSWERS, WRONG, build, choice_number, screen_text

from quiz.bank.loader import load_bank
from quiz.ui.confirm import ConfirmScreen
from quiz.ui.exam_screen import ExamScreen
from quiz.ui.home import HomeScreen
from quiz.ui.question import QuestionScreen
from quiz.ui.results import ResultsScreen
from quiz.ui.start_dialog import StartScreen
from quiz.ui.study_screen import StudyScreen, wait_in

WHY = {
    "What is the capital of France?": "Paris has been the capital since the Middle Ages.",
    "What is the capital of Japan?": "Tokyo became the capital in 1868.",
}


def question_of(app) -> str:
    return app.screen.exam.current.question.text


async def test_an_exam_keeps_changed_answers_and_times_out_with_what_is_there(
    three: Path, tmp_path: Path
):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "s.db", play=bank, mode="exam", time_limit=60.0)
    with store:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ExamScreen)
            assert "Question 1/3 · Answered 0/3 · Time left 1:00" in screen_text(app)
            first = question_of(app)
            # A wrong answer first, then changed to the right one: no feedback either time.
            await pilot.press(choice_number(app, WRONG[first]))
            await pilot.press(choice_number(app, ANSWERS[first]))
            assert "Right" not in screen_text(app) and "Wrong" not in screen_text(app)
            assert "(•) " + choice_number(app, ANSWERS[first]) in screen_text(app)
            await pilot.press("n")
            second = question_of(app)
            await pilot.press(choice_number(app, WRONG[second]))
            # Back to the first: its answer is still there.
            await pilot.press("p")
            assert question_of(app) == first
            assert "Answered 2/3" in screen_text(app)
            # Time runs out (the fake clock jumps); the next tick submits what is there.
            app.clock.wait(61)
            screen.tick()
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            text = screen_text(app)
            assert "Score 1/3 (33%)" in text
            assert "Missed (2):" in text
            assert "You said: not answered" in text
            # Full feedback now: each missed question with its explanation, when it has one.
            for question in {second, *ANSWERS} - {first}:
                if question in WHY:
                    assert "Why: " + WHY[question] in text
        (session,) = store.sessions()
        assert (session.planned, session.answered, session.correct) == (3, 2, 1)
        assert session.finished is not None
        every = store.answers(session.id, changes=True)
        assert [a["final"] for a in every] == [False, True, True]  # the change is kept, not counted


EVENS = """\
title: Evens
questions:
  - id: evens
    question: Which are even?
    shuffle: false
    choices: ["2", "3", "4"]
    answer: ["2", "4"]
"""


async def test_an_exam_answer_taken_back_is_not_reviewed_later(tmp_path: Path):
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "evens.yaml").write_text(EVENS, encoding="utf-8")
    bank = load_bank(folder / "evens.yaml").bank
    app, store = build(folder, tmp_path / "s.db", play=bank, mode="exam")
    with store:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ExamScreen)
            await pilot.press("2")  # 3: wrong, saved at once
            assert "[x] 2. 3" in screen_text(app)
            await pilot.press("2")  # and taken back
            assert "[ ] 2. 3" in screen_text(app) and "Answered 0/1" in screen_text(app)
            await pilot.press("s", "y")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            assert "You said: not answered" in screen_text(app)
            await pilot.press("h")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            await pilot.press("v", "y")  # review every bank, once said yes
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert any("Nothing to review" in str(n.message) for n in app._notifications)
        (session,) = store.sessions()
        assert session.answered == 0
        assert [a["final"] for a in store.answers(session.id, changes=True)] == [False]
        assert store.last_wrong() == []


async def test_an_exam_is_submitted_with_s_after_a_warning(three: Path, tmp_path: Path):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "s.db", play=bank, mode="exam")
    with store:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert "Time left" not in screen_text(app)
            await pilot.press(choice_number(app, ANSWERS[question_of(app)]))
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            assert "Not answered yet: 2." in screen_text(app)
            await pilot.press("y")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            assert "Score 1/3 (33%)" in screen_text(app)


async def test_the_start_dialog_starts_an_exam_with_a_time_limit(three: Path, tmp_path: Path):
    app, store = build(three, tmp_path / "s.db")
    with store:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)
            await pilot.click("#exam")
            await pilot.pause()
            assert app.screen.query_one("#time-limit").display
            app.screen.query_one("#time-limit").value = "soon"
            await pilot.click("#start")
            await pilot.pause()
            assert "Write a time such as 10m, 90s or 1h30m." in screen_text(app)
            field = app.screen.query_one("#time-limit")
            field.value = "5m"
            field.focus()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ExamScreen)
            assert app.screen.exam.time_limit == 300
            assert "Time left 5:00" in screen_text(app)


async def test_review_asks_what_was_missed_until_it_is_answered_right(three: Path, tmp_path: Path):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "s.db", play=bank)
    with store:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            # Practice: the first question wrong, the others right.
            missed = app.screen.quiz.current.question.text
            await pilot.press(choice_number(app, WRONG[missed]), "enter")
            for _ in range(2):
                question = app.screen.quiz.current.question.text
                await pilot.press(choice_number(app, ANSWERS[question]), "enter")
            await pilot.pause()
            await pilot.press("h")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            # Review all banks: only the missed question.
            await pilot.press("v", "y")
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert "Review: all banks" in screen_text(app)
            assert app.screen.quiz.total == 1
            assert app.screen.quiz.current.question.text == missed
            await pilot.press(choice_number(app, ANSWERS[missed]), "enter")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            await pilot.press("h")
            await pilot.pause()
            # Answered right: the review list is empty now.
            await pilot.press("v", "y")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert store.last_wrong() == []
        modes = [s.title for s in store.sessions()]
        assert modes == ["Three capitals", "Three capitals"]


async def test_study_rates_cards_saves_them_and_home_counts_them(three: Path, tmp_path: Path):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "s.db", play=bank, mode="study")
    with store:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, StudyScreen)
            assert "Due 0 · New 2 · Learning 0" in screen_text(app)
            # "I don't know" is its own key: rated Again, and the card comes back soon.
            await pilot.press("d")
            text = screen_text(app)
            assert "✗ Not known. The answer is: " in text and "Next review in 1 minute." in text
            await pilot.press("enter")
            question = app.screen.quiz.current.question.text
            await pilot.press(choice_number(app, ANSWERS[question]))
            assert "Next review in" in screen_text(app)
            cards = store.cards_of(profile="default", bank=str((three / "three.yaml").resolve()))
            assert len(cards) == 2
        # The two cards studied are no longer new on the home screen.
        home, home_store = build(three, tmp_path / "s.db")
        with home_store:
            async with home.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                # Of the 20 new cards a day 18 are left, and one question is never studied.
                assert "due 0 · new today 1 · unseen 1" in screen_text(home)


async def test_nothing_to_review_says_so_and_stays_home(three: Path, tmp_path: Path):
    app, store = build(three, tmp_path / "s.db")
    with store:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("v", "y")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            notes = [str(n.message) for n in app._notifications]
            assert any("Nothing to review" in note for note in notes)


async def test_a_study_week_moves_cards_from_new_to_due(three: Path, tmp_path: Path):
    bank = load_bank(three / "three.yaml").bank
    # The wall clock of study scheduling, moved across days.
    calendar = FakeClock(datetime(2026, 11, 29, 9, 0, tzinfo=UTC))
    db = tmp_path / "s.db"

    async def study_all_right(new_per_day: int) -> str:
        app, store = build(
            three, db, play=bank, mode="study", now=calendar.now, new_per_day=new_per_day
        )
        with store:
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                if not isinstance(app.screen, StudyScreen):
                    return "nothing"
                status = screen_text(app).splitlines()[0]
                while isinstance(app.screen, StudyScreen):
                    question = app.screen.quiz.current.question.text
                    await pilot.press(choice_number(app, ANSWERS[question]), "enter")
                    await pilot.pause()
                return status

    async def home_counts() -> str:
        app, store = build(three, db, now=calendar.now, new_per_day=2)
        with store:
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                return next(line for line in screen_text(app).splitlines() if "due " in line)

    # 3 questions never studied, 2 new cards a day.
    assert "due 0 · new today 2 · unseen 3" in await home_counts()
    # Day 1: two new cards a day, both answered right: each waits for its next learning step.
    assert "Due 0 · New 1" in await study_all_right(new_per_day=2)
    assert "due 0 · new today 0 · unseen 1" in await home_counts()  # today's new cards are done
    # Day 2: the two are due for that step; the third card is new today.
    calendar.wait(days=1)
    assert "due 2 · new today 1 · unseen 1" in await home_counts()
    assert "Due 1 · New 1" in await study_all_right(new_per_day=2)
    assert "due 0 · new today 0 · unseen 0" in await home_counts()
    # Weeks later every card is due again, and none is new.
    calendar.wait(days=60)
    assert "due 3 · new today 0 · unseen 0" in await home_counts()
    assert "Due 2 · New 0" in await study_all_right(new_per_day=2)
    assert "due 0 · new today 0 · unseen 0" in await home_counts()


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
async def test_every_mode_and_the_statistics_work_in_small_terminals(three: Path, tmp_path, size):
    app, store = build(three, tmp_path / "s.db")
    with store:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            # Practice and exam through the start dialog, study and review from home.
            await pilot.press("enter")
            await pilot.pause()
            await pilot.click("#exam")
            app.screen.query_one("#count").focus()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ExamScreen)
            await pilot.press("1", "n", "2", "p", "s", "y")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            await pilot.resize_terminal(size[0] + 9, size[1] + 2)
            await pilot.press("h", "s", "y")
            await pilot.pause()
            assert isinstance(app.screen, StudyScreen)
            await pilot.press("d", "enter", "escape", "y")
            await pilot.pause()
            await pilot.press("t")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert "answers" in screen_text(app)
            await pilot.press("a", "h", "v", "y")
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)  # the exam's misses, reviewed
        # The exam and the study session; the review saves a session at its first answer only.
        assert [s.answered for s in store.sessions()] == [1, 2]


def test_when_a_card_comes_back_reads_as_a_person_says_it() -> None:
    day = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)
    assert wait_in(day + timedelta(seconds=20), day) == "0 minutes"
    assert wait_in(day + timedelta(minutes=1), day) == "1 minute"
    assert wait_in(day + timedelta(minutes=10), day) == "10 minutes"
    assert wait_in(day + timedelta(hours=5), day) == "5 hours"
    assert wait_in(day + timedelta(days=1), day) == "1 day"
    assert wait_in(day + timedelta(days=3, hours=2), day) == "3 days"  # 74 hours: 3 days
    assert wait_in(day + timedelta(days=125), day) == "4 months"  # 125 / 30, rounded
