"""Pilot tests of renaming and deleting profiles in the profile dialog (u on the home screen):
what the dialog says, and what the score database holds afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import record
from ui_helpers import build, screen_lines, screen_text

from quiz.ui.confirm import ConfirmScreen
from quiz.ui.home import HomeScreen
from quiz.ui.profile_dialog import ProfileScreen

BANK = "/banks/three.yaml"


def seed(store) -> None:
    """Ali: one session, 2 answers (1 right); Sara: one session, 1 answer."""
    ali = store.start_session(bank=BANK, title="Three", planned=2, profile="ali")
    record(store, ali, "q1", correct=True)
    record(store, ali, "q2", correct=False)
    sara = store.start_session(bank=BANK, title="Three", planned=1, profile="sara")
    record(store, sara, "q1", correct=True)


def words(app) -> str:
    """The screen's words, dialogs' borders and line breaks taken out."""
    return " ".join(screen_text(app).replace("│", " ").split())


async def open_dialog(pilot) -> None:
    await pilot.press("u")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ProfileScreen)


async def test_a_profile_is_renamed_with_everything_it_saved(three: Path, tmp_path: Path):
    app, store = build(three, tmp_path / "s.db", profile="ali")
    with store:
        seed(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await open_dialog(pilot)
            assert app.screen.profiles == ["ali", "sara"]
            # Nothing typed: the dialog says how.
            await pilot.press("ctrl+r")
            await pilot.pause()
            assert "Type the new name for ali, then press Ctrl+R." in words(app)
            await pilot.press(*"Amal", "ctrl+r")
            await pilot.pause()
            assert app.screen.profiles == ["Amal", "sara"]
            assert app.settings.profile == "Amal"  # the current profile, renamed
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert "Profile: Amal" in screen_text(app)
        assert store.profiles(own=False) == ["Amal", "sara"]
        assert store.profile_size("Amal").answers == 2
        assert store.profile_size("ali").answers == 0


async def test_a_profile_is_not_renamed_onto_another_students(three: Path, tmp_path: Path):
    app, store = build(three, tmp_path / "s.db", profile="ali")
    with store:
        seed(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await open_dialog(pilot)
            await pilot.press(*"sara", "ctrl+r")
            await pilot.pause()
            assert "sara has saved work already: choose another name." in words(app)
            assert app.screen.profiles == ["ali", "sara"]
        assert store.profile_size("ali").answers == 2
        assert store.profile_size("sara").answers == 1


@pytest.mark.parametrize("size", [(80, 24), (50, 15)])
async def test_deleting_a_profile_says_how_many_answers_go(three: Path, tmp_path: Path, size):
    app, store = build(three, tmp_path / "s.db", profile="ali")
    with store:
        seed(store)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await open_dialog(pilot)
            footer = " ".join(screen_lines(app)[-1].split())
            assert "^r Rename" in footer and "^d Delete" in footer and "esc Cancel" in footer
            await pilot.press("down", "ctrl+d")  # sara
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            assert (
                "Delete the profile sara and everything saved for it? Its 1 answer goes with"
                " it; this cannot be undone." in words(app)
            )
            await pilot.press("n")  # not deleted
            await pilot.pause()
            assert store.profile_size("sara").answers == 1
            await pilot.press("ctrl+d", "y")
            await pilot.pause()
            assert isinstance(app.screen, ProfileScreen)
            assert app.screen.profiles == ["ali"]
        assert store.profiles(own=False) == ["ali"]
        assert store.profile_size("sara").sessions == 0
        assert store.profile_size("ali").answers == 2


async def test_deleting_the_current_profile_goes_back_to_default(three: Path, tmp_path: Path):
    app, store = build(three, tmp_path / "s.db", profile="ali")
    with store:
        seed(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await open_dialog(pilot)
            await pilot.press("ctrl+d")
            await pilot.pause()
            assert "Its 2 answers go with it" in words(app)
            await pilot.press("y")
            await pilot.pause()
            assert app.settings.profile == "default"
            assert app.screen.profiles == ["default", "sara"]
            await pilot.press("escape")
            await pilot.pause()
            assert "Profile: default" in screen_text(app)
        assert store.profiles(own=False) == ["sara"]
