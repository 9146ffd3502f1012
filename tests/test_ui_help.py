"""Pilot tests of the help screen: `?` lists the keys of the screen it is pressed on, and only
those that do something there; Esc or `?` closes it, and it answers nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_rtl import canonical, read_rtl
from ui_helpers import build, screen_lines, screen_text

from quiz.bank.loader import load_bank
from quiz.ui.help_screen import HelpScreen
from quiz.ui.home import HomeScreen
from quiz.ui.question import QuestionScreen
from quiz.ui.study_screen import StudyScreen


def help_rows(app) -> list[str]:
    """The rows inside the help box, its border cut off, spaces squeezed: `t Statistics`."""
    rows = []
    for line in screen_lines(app):
        if line.count("│") >= 2:
            inside = line[line.index("│") + 1 : line.rindex("│")]
            if inside.strip():
                rows.append(" ".join(inside.split()))
    return rows


@pytest.mark.parametrize("size", [(80, 24), (50, 15)])
async def test_question_mark_lists_the_home_keys_and_closes(three: Path, tmp_path: Path, size):
    app, store = build(three, tmp_path / "s.db")
    with store:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            assert "Keys on this screen" in screen_text(app)  # the title, even at 50x15
            rows = help_rows(app)
            # The screen's own keys first, then moving about (below, scrolled to at 50x15).
            assert rows[:8] == [
                "⏎ Start",
                "/ Filter",
                "v Review all",
                "s Study all",
                "t Statistics",
                "u Profile",
                "^r Reload",
                "q ^q Quit",
            ]
            # Textual's keys that do nothing on this screen are not listed; one row per thing.
            text = screen_text(app)
            for word in ["Scroll Left", "Page Left", "Focus Next", "Copy selected text"]:
                assert word not in text
            await pilot.press("end")
            await pilot.pause()
            assert "? f1 Keys" in help_rows(app)
            if size == (80, 24):
                assert "↑ Up" in help_rows(app)
            assert screen_lines(app)[-1].split() == ["esc", "Close"]
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)


async def test_the_help_of_a_question_follows_it_and_answers_nothing(three: Path, tmp_path: Path):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "s.db", play=bank)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            quiz = app.screen.quiz
            count = len(quiz.current.choices)
            await pilot.press("question_mark")
            await pilot.pause()
            rows = help_rows(app)
            # The range the question has; Enter answers nothing yet, so it is not offered.
            assert f"1-{count} Answer" in rows
            assert "esc q Leave" in rows
            assert not any(row.startswith("⏎") for row in rows)
            await pilot.press("escape", "1")
            await pilot.pause()
            await pilot.press("question_mark")
            await pilot.pause()
            rows = help_rows(app)
            assert "⏎ space Next" in rows
            assert not any("Answer" in row for row in rows)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert quiz.position == 0
        (row,) = store.answers(1)
        assert row["question"] == quiz.current.question.text


async def test_in_study_question_mark_is_help_and_d_is_i_dont_know(three: Path, tmp_path: Path):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "s.db", play=bank, mode="study")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, StudyScreen)
            await pilot.press("question_mark")
            await pilot.pause()
            assert "d I don't know" in help_rows(app)
            await pilot.press("escape")
            await pilot.pause()
            study = app.screen.quiz
            assert study.current_outcome is None
            assert study.answered == 0
            # Nothing rated: no card saved (d would have saved one, rated Again).
            assert (
                store.cards_of(profile="default", bank=str((three / "three.yaml").resolve())) == {}
            )


@pytest.mark.parametrize("size", [(80, 24), (50, 15)])
async def test_the_help_in_arabic_reads_from_the_right(three: Path, tmp_path: Path, size):
    app, store = build(three, tmp_path / "s.db", lang="ar")
    with store:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("question_mark")
            await pilot.pause()
            lines = screen_lines(app)
            assert any("مفاتيح هذه الشاشة" in canonical(read_rtl(line)) for line in lines)
            rows = [canonical(read_rtl(row)) for row in help_rows(app)]
            # Read from the right: the key first, then what it does, in Arabic.
            assert "t الإحصاءات" in rows, rows
            assert "u الملف الشخصي" in rows
            assert not any("Scroll" in row or "Page" in row for row in rows)


async def test_the_help_of_an_exam_names_every_key_that_moves(three: Path, tmp_path: Path):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "s.db", play=bank, mode="exam")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("question_mark")
            await pilot.pause()
            rows = help_rows(app)
            # ← and → are the exam's (its body gives them on: it never scrolls sideways).
            for row in ["← p Previous", "→ n space Next", "f Flag", "o Overview", "s Submit"]:
                assert row in rows, rows
            await pilot.press("escape", "right")
            await pilot.pause()
            assert app.screen.exam.position == 1
            await pilot.press("left")
            await pilot.pause()
            assert app.screen.exam.position == 0
