"""The app's first screen is the one it starts on (the question `quiz play` asked for, the home
screen), not a blank screen under it: nothing lies under it, and every way out of it works."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import ANSWERS, build, choice_number, screen_text

from quiz.bank.loader import load_bank
from quiz.ui.home import HomeScreen
from quiz.ui.question import QuestionScreen
from quiz.ui.results import ResultsScreen


async def test_quiz_play_starts_on_its_question_and_leaves_it_for_the_results_and_home(
    three: Path, tmp_path: Path
) -> None:
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "scores.db", play=bank)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert [type(screen) for screen in app.screen_stack] == [QuestionScreen]
            for _ in range(3):
                question = app.screen.quiz.current.question.text
                await pilot.press(choice_number(app, ANSWERS[question]), "enter")
                await pilot.pause()
            assert [type(screen) for screen in app.screen_stack] == [ResultsScreen]
            assert "Every question right" in screen_text(app)
            await pilot.press("h")
            await pilot.pause()
            assert [type(screen) for screen in app.screen_stack] == [HomeScreen]
            assert "Three capitals" in screen_text(app)
        # The three answers were saved, and the session ended, from the first screen.
        (session,) = store.sessions()
        assert (session.correct, session.answered, session.planned) == (3, 3, 3)
        assert session.finished is not None


async def test_quiz_starts_on_the_home_screen_and_a_new_language_keeps_it_alone(
    three: Path, tmp_path: Path
) -> None:
    app, store = build(three, tmp_path / "scores.db")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert [type(screen) for screen in app.screen_stack] == [HomeScreen]
            await pilot.press("enter")  # the start dialog of the bank under the cursor
            await pilot.pause()
            assert len(app.screen_stack) == 2 and isinstance(app.screen_stack[0], HomeScreen)
            app.choose_language("ar")
            await pilot.pause()
            assert [type(screen) for screen in app.screen_stack] == [HomeScreen]
            assert app.settings.language == "ar"
            shown = screen_text(app)
            assert "Three capitals" in shown and "Filter" not in shown


async def test_a_review_with_nothing_to_review_ends_the_app_saying_so(
    three: Path, tmp_path: Path
) -> None:
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "scores.db", play=bank, mode="review")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
        assert app.return_code == 0
        assert (
            app.nothing_to_do == "Nothing to review: no question was answered wrong the last time."
        )
        assert store.sessions() == []
