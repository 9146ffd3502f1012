"""Pilot tests of the footers at 80x24 and 50x15: too narrow for every key, a footer drops the
least needed ones first, so leaving, submitting, "I don't know", statistics, profile and quit
always show whole; the exam's status line shortens so the bank's title stays readable."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_rtl import canonical, read_rtl
from ui_helpers import build, screen_lines

from quiz.bank.loader import load_bank
from quiz.ui.exam_screen import ExamScreen
from quiz.ui.study_screen import StudyScreen


def footer_words(app) -> str:
    """The footer row, spaces squeezed: `⏎ Start t Statistics ...`."""
    return " ".join(screen_lines(app)[-1].replace("▏", " ").split())


async def test_home_keeps_statistics_profile_and_quit(three: Path, tmp_path: Path):
    app, store = build(three, tmp_path / "s.db")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert footer_words(app) == (
                "⏎ Start / Filter v Review all s Study all t Statistics u Profile q Quit"
            )
            await pilot.resize_terminal(50, 15)
            await pilot.pause()
            await pilot.pause()
            assert footer_words(app) == "⏎ Start t Statistics u Profile q Quit"
            await pilot.resize_terminal(100, 24)
            await pilot.pause()
            await pilot.pause()
            # Wide enough for ? Keys again (and at 120 columns for the palette too).
            assert footer_words(app).endswith("q Quit ? Keys")
            await pilot.resize_terminal(120, 24)
            await pilot.pause()
            await pilot.pause()
            assert footer_words(app).endswith("q Quit ? Keys ^p palette")


@pytest.mark.parametrize("size", [(80, 24), (50, 15)])
async def test_a_question_keeps_leave_and_study_i_dont_know(three: Path, tmp_path: Path, size):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "s.db", play=bank, mode="study")
    with store:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, StudyScreen)
            words = footer_words(app)
            assert "esc Leave" in words and "d I don't know" in words


async def test_the_exam_keeps_submit_and_leave_and_its_title(three: Path, tmp_path: Path):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "s.db", play=bank, mode="exam", time_limit=600)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ExamScreen)
            count = len(app.screen.exam.current.choices)
            assert footer_words(app) == (
                f"1-{count} Answer p Previous n Next f Flag o Overview s Submit esc Leave"
            )
            header = screen_lines(app)[0]
            assert " ".join(header.split()) == (
                "Three capitals Question 1/3 · Answered 0/3 · Time left 10:00"
            )
            await pilot.resize_terminal(50, 15)
            await pilot.pause()
            await pilot.pause()
            assert footer_words(app) == f"1-{count} Answer n Next s Submit esc Leave"
            # The short status: the title whole beside it.
            header = " ".join(screen_lines(app)[0].split())
            assert header == "Three capitals 1/3 · 0 answered · 10:00"


async def test_the_exam_footer_in_arabic_at_50_columns(three: Path, tmp_path: Path):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "s.db", play=bank, mode="exam", lang="ar")
    with store:
        async with app.run_test(size=(50, 15)) as pilot:
            await pilot.pause()
            words = canonical(read_rtl(screen_lines(app)[-1].strip()))
            assert words.endswith(canonical("s تسليم esc مغادرة")), words
