"""Pilot tests: play quizzes with the keyboard and the mouse; check the screen and the database."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import seed_session
from ui_helpers import ANSWERS, THREE, WRONG, build, choice_number, screen_text

from quiz.bank.loader import load_bank
from quiz.ui.confirm import ConfirmScreen
from quiz.ui.home import HomeScreen
from quiz.ui.question import QuestionScreen
from quiz.ui.results import ResultsScreen
from quiz.ui.start_dialog import StartScreen


def current_question(app) -> str:
    screen = app.screen
    assert isinstance(screen, QuestionScreen), screen
    return screen.quiz.current.question.text


async def test_a_whole_quiz_with_keys_is_shown_scored_and_saved(
    three: Path, db_target: Path | str, monkeypatch: pytest.MonkeyPatch
):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, db_target, play=bank)
    # The store's clock is the test's too: the results' time is worked out from saved times.
    monkeypatch.setattr("quiz.store.model.utc_now", app.clock.now)
    with store:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            asked = []
            # Right, wrong, right.
            for n, want_right in enumerate([True, False, True], start=1):
                question = current_question(app)
                asked.append(question)
                text = screen_text(app)
                assert question in text
                assert f"Question {n}/3" in text
                choice = ANSWERS[question] if want_right else WRONG[question]
                app.clock.wait(20 + n)  # the student thinks for 21, 22, 23 seconds
                await pilot.press(choice_number(app, choice))
                text = screen_text(app)
                if want_right:
                    assert "✓ Right!" in text
                else:
                    assert "✗ Wrong. The answer is: " + ANSWERS[question] in text
                    assert "✗ " in text  # the picked choice is marked
                # The answer is saved before moving on.
                assert len(store.answers(app.screen.quiz.session_id)) == n
                # An answer cannot be changed once given.
                await pilot.press("1")
                assert app.screen.quiz.outcomes[n - 1].correct is want_right
                await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            text = screen_text(app)
            assert "Score 2/3 (67%)" in text
            assert "Missed (1):" in text
            assert asked[1] in text
            assert "Answer: " + ANSWERS[asked[1]] in text
            assert "You said: " + WRONG[asked[1]] in text
            assert "Time 1m 06s" in text
        (session,) = store.sessions()
        assert (session.planned, session.answered, session.correct) == (3, 3, 2)
        assert session.finished is not None
        assert session.bank == str((three / "three.yaml").resolve())
        rows = store.answers(1)
        assert [r["question"] for r in rows] == asked
        assert [r["correct"] for r in rows] == [True, False, True]
        assert [r["ms"] for r in rows] == [21000, 22000, 23000]
        for row in rows:
            # The choice saved as picked is the one that was pressed, in the order shown.
            picked = row["choices"][row["picked"][0]]
            expected = ANSWERS if row["correct"] else WRONG
            assert picked == expected[row["question"]]
            assert sorted(row["choices"]) == sorted(
                {
                    "France": ["Paris", "Lyon", "Marseille", "Nice"],
                    "Japan": ["Tokyo", "Osaka", "Kyoto"],
                    "Kenya": ["Nairobi", "Mombasa", "Kisumu"],
                }[row["question"].split()[-1][:-1]]
            )


async def test_retry_missed_asks_only_the_missed_questions(three: Path, tmp_path: Path):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "scores.db", play=bank)
    with store:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            missed = []
            for n in range(3):
                question = current_question(app)
                if n < 2:
                    missed.append(question)
                    await pilot.press(choice_number(app, WRONG[question]))
                else:
                    await pilot.press(choice_number(app, ANSWERS[question]))
                await pilot.press("space")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            await pilot.press("r")
            await pilot.pause()
            retry = app.screen.quiz
            assert {s.question.text for s in retry.items} == set(missed)
            assert "Question 1/2" in screen_text(app)
            for _ in range(2):
                await pilot.press(choice_number(app, ANSWERS[current_question(app)]))
                await pilot.press("enter")
            await pilot.pause()
            assert "Score 2/2 (100%)" in screen_text(app)
            assert "Every question right" in screen_text(app)
        newest, first = store.sessions()
        assert (first.planned, first.correct) == (3, 1)
        assert (newest.planned, newest.answered, newest.correct) == (2, 2, 2)


async def test_arrows_enter_and_mouse_answer_too(three: Path, tmp_path: Path):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "scores.db", play=bank)
    with store:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            # Arrows then Enter pick the choice under the cursor.
            await pilot.press("down", "down", "down", "enter")
            quiz = app.screen.quiz
            assert quiz.outcomes[0].picked == {2}
            await pilot.press("enter")
            # A click on the second row answers with it.
            rows = app.screen.choices.rows
            await pilot.click(rows[1])
            await pilot.pause()
            assert quiz.outcomes[1] is not None
            assert quiz.outcomes[1].picked == {1}
        assert len(store.answers(quiz.session_id)) == 2


async def test_leaving_asks_first_and_keeps_the_answers(three: Path, tmp_path: Path):
    app, store = build(three, tmp_path / "scores.db")
    with store:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert "Three capitals" in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)
            await pilot.press("enter")  # the default: all 3, fewer than 10
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert app.screen.quiz.total == 3
            await pilot.press("1", "enter")
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            await pilot.press("q")
            await pilot.pause()
            assert "Your 1 answer is saved" in str(app.screen.question)
            await pilot.press("y")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            # The home screen now shows the last score.
            assert "last " in screen_text(app)
        (session,) = store.sessions()
        assert (session.answered, session.finished) == (1, None)


async def test_count_dialog_refuses_a_bad_number_and_uses_a_good_one(three: Path, tmp_path: Path):
    app, store = build(three, tmp_path / "scores.db")
    with store:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, StartScreen)
            assert "How many questions? (1-3)" in screen_text(app)
            await pilot.press("backspace", "9", "enter")
            await pilot.pause()
            assert app.screen is dialog
            assert "Type a number from 1 to 3." in screen_text(app)
            await pilot.press("backspace", "2", "enter")
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert app.screen.quiz.total == 2
            assert "Question 1/2" in screen_text(app)
        assert store.sessions()[0].planned == 2


async def test_home_lists_banks_by_folder_with_scores_and_errors(tmp_path: Path):
    folder = tmp_path / "banks"
    (folder / "geography").mkdir(parents=True)
    (folder / "geography" / "three.yaml").write_text(THREE, encoding="utf-8")
    (folder / "broken.yaml").write_text("title: Broken\nquestions: []\n", encoding="utf-8")
    app, store = build(folder, tmp_path / "scores.db")
    with store:
        bank_path = str((folder / "geography" / "three.yaml").resolve())
        for correct in (3, 1):
            seed_session(store, bank=bank_path, results=[n < correct for n in range(3)], ms=10)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert "geography" in text
            assert "Three capitals" in text
            assert "English · 3 questions · best 100% · last 33%" in text
            assert "Broken" in text
            assert "error: broken.yaml:2:1: 'questions' is empty" in text


async def test_several_answers_are_toggled_then_confirmed(tmp_path: Path):
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "primes.yaml").write_text(
        "title: Primes\nquestions:\n"
        "  - question: Which are prime?\n"
        "    shuffle: false\n"
        "    choices: [2, 4, 5, 9]\n"
        "    answer: [2, 5]\n"
        "    explanation: 4 and 9 are squares.\n",
        encoding="utf-8",
    )
    bank = load_bank(folder / "primes.yaml").bank
    app, store = build(folder, tmp_path / "scores.db", play=bank)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "Select all that apply" in screen_text(app)
            await pilot.press("enter")  # nothing picked yet: refused
            assert app.screen.quiz.current_outcome is None
            await pilot.press("1", "2", "2", "3")
            assert "[x] 1. 2" in screen_text(app)
            assert "[ ] 2. 4" in screen_text(app)
            await pilot.press("enter")
            outcome = app.screen.quiz.current_outcome
            assert outcome.picked == {0, 2} and outcome.correct
            assert "✓ Right!" in screen_text(app)
        (row,) = store.answers(1)
        assert row["picked"] == [0, 2] and row["correct"] is True


@pytest.mark.parametrize("size", [(80, 24), (40, 12), (30, 10)])
async def test_small_terminals_and_resizes_do_not_crash(three: Path, tmp_path: Path, size):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "scores.db", play=bank)
    with store:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            for _ in range(3):
                await pilot.press("1")
                await pilot.resize_terminal(size[0] + 7, size[1] + 3)
                await pilot.press("enter")
                await pilot.resize_terminal(*size)
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            await pilot.press("h")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
        assert store.sessions()[0].answered == 3


async def test_play_again_starts_the_same_bank_anew(three: Path, tmp_path: Path):
    app, store = build(three, tmp_path / "scores.db")
    with store:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("enter", "backspace", "2", "enter")  # two questions
            await pilot.pause()
            for _ in range(2):
                await pilot.press("1", "enter")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert app.screen.quiz.total == 2
            assert "Question 1/2" in screen_text(app)
        assert [s.planned for s in store.sessions()] == [2, 2]
