"""Pilot tests: every key does what a student expects (Enter, the number keys, the footer)."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import build, screen_lines, screen_text

from quiz.bank.loader import load_bank
from quiz.ui.exam_screen import ExamScreen

TEN = """\
title: Letters
questions:
  - id: tenth
    question: Which is the tenth letter?
    shuffle: false
    choices: [A, B, C, D, E, F, G, H, I, J]
    answer: J
  - id: vowel
    question: Which is a vowel?
    shuffle: false
    choices: [B, C, E, D]
    answer: E
"""


def footer(app) -> str:
    """The footer row: the last row of the screen."""
    return screen_lines(app)[-1]


def letters(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "banks"
    folder.mkdir()
    path = folder / "letters.yaml"
    path.write_text(TEN, encoding="utf-8")
    return folder, path


async def test_enter_twice_after_an_answer_never_answers_the_next_question(
    three: Path, tmp_path: Path
):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "scores.db", play=bank)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            quiz = app.screen.quiz
            # A fresh question: Enter alone answers nothing, and the footer offers no Enter.
            await pilot.press("enter")
            assert quiz.current_outcome is None
            assert store.answers(quiz.session_id) == []
            assert "⏎" not in footer(app)
            await pilot.press("1")
            await pilot.pause()
            assert "⏎ Next" in footer(app)
            assert "Answer / next" not in screen_text(app)
            first = quiz.current.question.text
            # The habit: Enter, Enter. The first goes on, the second must not answer.
            await pilot.press("enter", "enter")
            await pilot.pause()
            assert quiz.position == 1
            assert quiz.current_outcome is None
            second = quiz.current.question.text
            rows = store.answers(quiz.session_id)
            assert [row["question"] for row in rows] == [first]
            assert second not in [row["question"] for row in rows]
            # Moving to a choice makes Enter answer with it (and the footer says so).
            await pilot.press("down")
            await pilot.pause()
            assert "⏎ Answer" in footer(app)
            await pilot.press("enter")
            assert quiz.current_outcome is not None
            assert quiz.current_outcome.picked == {0}
        rows = store.answers(1)
        assert [row["question"] for row in rows] == [first, second]


async def test_key_0_picks_the_tenth_choice_and_labels_line_up(tmp_path: Path):
    folder, path = letters(tmp_path)
    app, store = build(folder, tmp_path / "scores.db", play=load_bank(path).bank)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            lines = screen_lines(app)
            nine = next(line for line in lines if line.rstrip().endswith("9. I"))
            ten = next(line for line in lines if line.rstrip().endswith("10. J"))
            # The dots (and the texts) are in one column.
            assert nine.index(".") == ten.index(".")
            assert nine.index("I") == ten.index("J")
            assert "1-9,0 Answer" in footer(app)
            await pilot.press("0")
            assert "✓ Right!" in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
            # Four choices: the footer says so, and 5 does nothing.
            assert "1-4 Answer" in footer(app)
            await pilot.press("5")
            assert app.screen.quiz.current_outcome is None
        (row,) = store.answers(1)
        assert row["choices"][row["picked"][0]] == "J"
        assert row["correct"] is True


async def test_the_footer_says_the_range_of_three_choices(three: Path, tmp_path: Path):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "scores.db", play=bank, count=3, seed=1)
    with store:
        async with app.run_test(size=(50, 15)) as pilot:
            await pilot.pause()
            ranges = []
            for _ in range(3):
                count = len(app.screen.quiz.current.choices)
                assert f"1-{count} Answer" in footer(app)
                ranges.append(count)
                await pilot.press("1", "enter")
                await pilot.pause()
            # THREE: France has four choices, Japan and Kenya three.
            assert sorted(ranges) == [3, 3, 4]


async def test_in_an_exam_enter_picks_only_a_choice_moved_to(tmp_path: Path):
    folder, path = letters(tmp_path)
    app, store = build(folder, tmp_path / "scores.db", play=load_bank(path).bank, mode="exam")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ExamScreen)
            exam = app.screen.exam
            await pilot.press("enter")
            assert exam.current_picks is None
            assert "1-9,0 Answer" in footer(app)
            await pilot.press("up", "enter")
            assert exam.current_picks == {9}
            await pilot.press("n")
            await pilot.pause()
            assert "1-4 Answer" in footer(app)


PRIMES = """\
title: Primes
questions:
  - question: Which are prime?
    shuffle: false
    choices: [2, 4, 5, 9]
    answer: [2, 5]
"""


async def test_several_right_answers_show_picked_missed_and_wrong_apart(tmp_path: Path):
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "primes.yaml").write_text(PRIMES, encoding="utf-8")
    bank = load_bank(folder / "primes.yaml").bank
    app, store = build(folder, tmp_path / "scores.db", play=bank)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            # 2 is right and ticked, 4 is wrong and ticked, 5 is right and not ticked.
            await pilot.press("1", "2", "enter")
            await pilot.pause()
            text = screen_text(app)
            assert " ✓  1. 2" in text
            assert " ✗  2. 4" in text
            assert " !  3. 5" in text
            assert "    4. 9" in text
            assert "1 of 2 right choices, 1 wrong" in text
            rows = app.screen.choices.rows
            assert [sorted(c for c in row.classes if c.startswith("-")) for row in rows] == [
                ["-picked", "-right"],
                ["-picked", "-wrong"],
                ["-missed"],
                [],
            ]
        (row,) = store.answers(1)
        assert row["picked"] == [0, 1] and row["correct"] is False


async def test_all_right_choices_ticked_say_so(tmp_path: Path):
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "primes.yaml").write_text(PRIMES, encoding="utf-8")
    bank = load_bank(folder / "primes.yaml").bank
    app, store = build(folder, tmp_path / "scores.db", play=bank)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("1", "3", "enter")
            await pilot.pause()
            text = screen_text(app)
            assert "✓ Right!" in text
            assert "2 of 2 right choices" in text
            assert "wrong" not in text


TALL = "title: Tall\nquestions:\n" + "".join(
    f"  - question: |\n      Line one of question {n}.\n"
    + "".join(f"      Line {k} of the story.\n" for k in range(2, 25))
    + f"    choices: [Yes {n}, No {n}]\n    answer: Yes {n}\n"
    for n in (1, 2)
)


async def test_a_question_taller_than_the_screen_opens_at_its_top(tmp_path: Path):
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "tall.yaml").write_text(TALL, encoding="utf-8")
    bank = load_bank(folder / "tall.yaml").bank
    app, store = build(folder, tmp_path / "scores.db", play=bank)
    with store:
        async with app.run_test(size=(50, 15)) as pilot:
            await pilot.pause()
            await pilot.pause()
            first = app.screen.quiz.current.question.text.splitlines()[0]
            assert first in screen_text(app)
            assert "Line 20 of the story." not in screen_text(app)
            await pilot.press("1")
            await pilot.pause()
            # The feedback is shown (scrolled to), then the next question opens at its top.
            assert "Right!" in screen_text(app) or "Wrong." in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
            await pilot.pause()
            second = app.screen.quiz.current.question.text.splitlines()[0]
            assert second != first
            assert second in screen_text(app)


async def test_results_have_a_top_bar_and_no_retry_when_nothing_was_missed(
    three: Path, tmp_path: Path
):
    from quiz.ui.results import ResultsScreen

    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "scores.db", play=bank)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            from ui_helpers import ANSWERS, choice_number

            for _ in range(3):
                question = app.screen.quiz.current.question.text
                await pilot.press(choice_number(app, ANSWERS[question]), "enter")
                await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            top = screen_lines(app)[0]
            assert "Three capitals" in top and "Results" in top
            assert "Every question right" in screen_text(app)
            assert "Retry" not in footer(app)
            assert "a Play again" in footer(app)
            await pilot.press("r")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
        assert len(store.sessions()) == 1


async def test_results_offer_retry_when_something_was_missed(three: Path, tmp_path: Path):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "scores.db", play=bank)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            from ui_helpers import WRONG, choice_number

            for _ in range(3):
                question = app.screen.quiz.current.question.text
                await pilot.press(choice_number(app, WRONG[question]), "enter")
                await pilot.pause()
            assert "r Retry missed" in footer(app)
