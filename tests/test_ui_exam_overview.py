"""Pilot tests: the exam's overview and flags, the last question, and how the exam ended."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import build, screen_lines, screen_text

from quiz.bank.loader import load_bank
from quiz.ui.exam_overview import ExamOverview
from quiz.ui.exam_screen import ExamScreen
from quiz.ui.results import ResultsScreen


async def test_flags_and_the_overview_show_where_the_exam_stands(three: Path, tmp_path: Path):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "s.db", play=bank, mode="exam")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ExamScreen)
            footer = screen_lines(app)[-1]
            assert "f Flag" in footer and "o Overview" in footer
            await pilot.press("1", "n", "f")  # answer the first, flag the second
            await pilot.pause()
            assert "⚑ Question 2/3" in screen_lines(app)[0]
            await pilot.press("o")
            await pilot.pause()
            assert isinstance(app.screen, ExamOverview)
            text = screen_text(app)
            assert "Questions (1 of 3 answered):" in text
            assert "  1. answered" in text
            assert "▶ 2. not answered · ⚑ flagged" in text
            assert "  3. not answered" in text
            footer = screen_lines(app)[-1]
            assert "⏎ Go to" in footer and "esc Close" in footer
            await pilot.press("down", "enter")  # to the third
            await pilot.pause()
            assert app.screen is screen
            assert screen.exam.position == 2
            assert "Question 3/3" in screen_lines(app)[0]
            # The last question: n says there is no next one, and how to go on.
            await pilot.press("n")
            await pilot.pause()
            notes = [str(n.message) for n in app._notifications]
            assert "This is the last question: press s to submit, or o for the overview." in notes
            assert screen.exam.position == 2


async def test_the_results_say_the_time_ran_out_and_how_much_was_answered(
    three: Path, tmp_path: Path
):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "s.db", play=bank, mode="exam", time_limit=600)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("1")
            app.clock.wait(601)
            app.screen.tick()
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            assert "Exam, time ran out at 10:00, 1 of 3 answered" in screen_text(app)


async def test_the_results_say_an_exam_was_submitted(three: Path, tmp_path: Path):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "s.db", play=bank, mode="exam")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("1", "n", "2", "s", "y")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            assert "Exam, submitted, 2 of 3 answered" in screen_text(app)
            assert "time ran out" not in screen_text(app)
