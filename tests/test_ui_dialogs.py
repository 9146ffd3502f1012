"""Pilot tests: the start and profile dialogs, by keyboard, at 80x24 and at 50x15."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import build, screen_lines, screen_text

from quiz.ui.exam_screen import ExamScreen
from quiz.ui.question import QuestionScreen
from quiz.ui.start_dialog import ModeList, StartScreen


@pytest.mark.parametrize("size", [(80, 24), (50, 15)])
async def test_the_start_dialog_fits_and_its_footer_shows_its_keys(three: Path, tmp_path, size):
    app, store = build(three, tmp_path / "s.db")
    with store:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)
            text = screen_text(app)
            # Every field at once, the exam's time limit too, and both buttons.
            for shown in ("Practice", "Exam", "Review mistakes", "Study", "How many questions?"):
                assert shown in text
            assert "Time limit (exam):" in text
            assert "Start" in text and "Cancel" in text
            for button in ("#start", "#cancel"):
                region = app.screen.query_one(button).region
                assert 0 <= region.y < size[1] - 1  # above the footer, not scrolled away
            footer = screen_lines(app)[-1]
            assert "↑↓ Fields" in footer and "⏎ Start" in footer and "esc Cancel" in footer
            assert "Review all" not in footer  # the home screen's keys are not the dialog's
            # The time limit is there but unused until the exam is chosen.
            assert app.screen.query_one("#time-limit").disabled


async def test_arrows_move_between_the_fields_and_enter_starts_the_mode_moved_to(
    three: Path, tmp_path: Path
):
    app, store = build(three, tmp_path / "s.db")
    with store:
        async with app.run_test(size=(50, 15)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            dialog = app.screen
            assert app.focused is dialog.query_one("#count")
            await pilot.press("up")  # to the modes (Practice chosen)
            assert isinstance(app.focused, ModeList)
            await pilot.press("down")  # Exam
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ExamScreen)
            assert app.screen.exam.total == 3
        (session,) = store.sessions()
        assert session.planned == 3


async def test_down_from_the_modes_reaches_the_count_then_the_time_limit(
    three: Path, tmp_path: Path
):
    app, store = build(three, tmp_path / "s.db")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            dialog = app.screen
            await pilot.click("#exam")
            await pilot.pause()
            assert not dialog.query_one("#time-limit").disabled
            dialog.query_one("#mode").focus()
            # Exam, Review, Study, then on past the last mode to the count, then the time.
            await pilot.press("down", "down", "down")
            assert app.focused is dialog.query_one("#count")
            await pilot.press("down")
            assert app.focused is dialog.query_one("#time-limit")
            await pilot.press(*"2m", "up", "backspace", "2", "enter")
            await pilot.pause()
            assert isinstance(app.screen, ExamScreen)
            assert app.screen.exam.total == 2
            assert app.screen.exam.time_limit == 120


async def test_enter_on_cancel_cancels(three: Path, tmp_path: Path):
    app, store = build(three, tmp_path / "s.db")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            app.screen.query_one("#cancel").focus()
            await pilot.press("enter")
            await pilot.pause()
            assert not isinstance(app.screen, (StartScreen, QuestionScreen))
        assert store.sessions() == []


async def test_typing_in_the_profile_dialog_goes_to_the_name_at_once(tmp_path: Path):
    from ui_helpers import THREE

    from quiz.ui.profile_dialog import ProfileScreen

    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "three.yaml").write_text(THREE, encoding="utf-8")
    app, store = build(folder, tmp_path / "s.db")
    with store:
        async with app.run_test(size=(50, 15)) as pilot:
            await pilot.pause()
            await pilot.press("u")
            await pilot.pause()
            assert isinstance(app.screen, ProfileScreen)
            footer = screen_lines(app)[-1]
            assert "⏎ Choose" in footer and "esc Cancel" in footer
            # At 50 columns the arrows are said by the dialog, not the footer.
            assert "^r Rename" in footer and "^d Delete" in footer
            assert "choose with ↑↓" in screen_text(app)
            # "s" and "t" are home keys (study, statistics): here they are letters of a name.
            await pilot.press(*"Stan", "enter")
            await pilot.pause()
            assert "Profile: Stan" in screen_text(app)
        assert app.settings.profile == "Stan"


async def test_a_profile_never_seen_is_said_to_be_new(tmp_path: Path):
    from helpers import seed_session
    from ui_helpers import THREE

    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "three.yaml").write_text(THREE, encoding="utf-8")
    app, store = build(folder, tmp_path / "s.db", profile="Sara")
    with store:
        seed_session(store, bank="b", results={"q": True})  # Sara has played
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert not [n for n in app._notifications if "New profile" in n.message]
    # A typo of her name, as --profile Sarah gives it.
    app, store = build(folder, tmp_path / "s.db", profile="Sarah")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
            (notice,) = app._notifications
            assert notice.message.startswith("New profile Sarah: nothing saved for it yet.")
