"""Profiles: several students on one computer, each with their own scores."""

from __future__ import annotations

from pathlib import Path

from helpers import seed_session
from ui_helpers import THREE, build, screen_text

from quiz.ui.home import HomeScreen
from quiz.ui.profile_dialog import ProfileScreen
from quiz.ui.question import QuestionScreen


async def test_a_new_profile_is_chosen_and_its_answers_are_its_own(tmp_path: Path):
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "three.yaml").write_text(THREE, encoding="utf-8")
    app, store = build(folder, tmp_path / "s.db")
    with store:
        # The default profile has played once, all right.
        bank = str((folder / "three.yaml").resolve())
        seed_session(store, bank=bank, results={"q": True})
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert "Profile: default" in screen_text(app)
            assert "best 100% · last 100%" in screen_text(app)
            await pilot.press("u")
            await pilot.pause()
            assert isinstance(app.screen, ProfileScreen)
            assert "Who is practising?" in screen_text(app)
            # Typing goes to the name at once.
            for key in "Sara":
                await pilot.press(key)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert "Profile: Sara" in screen_text(app)
            assert "best - · last -" in screen_text(app)  # Sara has played nothing
            await pilot.press("enter", "enter")
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            await pilot.press("1")
            # Back to the default profile with the chooser's list.
            await pilot.press("escape", "y")
            await pilot.pause()
            await pilot.press("u")
            await pilot.pause()
            assert [app.screen.profiles] == [["default", "Sara"]]
            # Sara is highlighted (the current profile); up to default, and Enter.
            await pilot.press("up", "enter")
            await pilot.pause()
            assert "Profile: default" in screen_text(app)
        assert {s.title: s.answered for s in store.sessions(profile="Sara")} == {
            "Three capitals": 1
        }
        assert len(store.sessions(profile="default")) == 1
