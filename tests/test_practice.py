"""The practice run in the core: answers saved once and for good, several right answers, and an
exam answer taken back that stays out of the review list."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FakeClock

from quiz.bank.model import Bank, Question
from quiz.play.exam import Exam
from quiz.play.practice import Quiz
from quiz.play.review import Review
from quiz.play.run import AlreadyAnswered, RunOver
from quiz.store import Store

CAPITALS = (
    Question(
        id="france",
        text="What is the capital of France?",
        choices=("Paris", "Lyon", "Nice"),
        answers=("Paris",),
        shuffle=False,
    ),
    Question(
        id="japan",
        text="What is the capital of Japan?",
        choices=("Osaka", "Tokyo", "Kyoto"),
        answers=("Tokyo",),
        shuffle=False,
    ),
)
#: Two right answers among four: both are needed, nothing else.
EVENS = Question(
    id="evens",
    text="Which are even?",
    choices=("2", "3", "4", "5"),
    answers=("2", "4"),
    shuffle=False,
)


@pytest.fixture
def store(db_target: Path | str):
    with Store.open(db_target) as store:
        yield store


def bank(tmp_path: Path, *questions: Question) -> Bank:
    return Bank(tmp_path / "bank.yaml", "Bank", questions=questions, shuffle=False)


def saved(store: Store) -> list[tuple[str, list[int], bool]]:
    """Every answer saved, replaced ones too: (question, picks, right)."""
    return [
        (row["question_id"], row["picked"], row["correct"])
        for session in store.sessions()
        for row in store.answers(session.id, changes=True)
    ]


def test_an_answered_question_cannot_be_answered_again(tmp_path: Path, store: Store) -> None:
    clock = FakeClock()
    quiz = Quiz(bank(tmp_path, *CAPITALS), store, clock=clock)
    clock.wait(4)
    first = quiz.answer(1)  # Lyon: wrong
    assert not first.correct and first.ms == 4000
    for again in (0, [0], 1):  # the right one, or the same one again
        with pytest.raises(AlreadyAnswered):
            quiz.answer(again)
    assert quiz.current_outcome == first
    assert (quiz.answered, quiz.correct) == (1, 0)
    assert saved(store) == [("france", [1], False)]


def test_an_ended_run_takes_no_more_answers(tmp_path: Path, store: Store) -> None:
    quiz = Quiz(bank(tmp_path, *CAPITALS), store, clock=FakeClock())
    quiz.answer(0)
    assert quiz.advance()
    quiz.finish()  # left before answering Japan
    with pytest.raises(RunOver):
        quiz.answer(1)
    assert quiz.current_outcome is None and quiz.answered == 1
    assert saved(store) == [("france", [0], True)]
    (session,) = store.sessions()
    assert session.finished is not None and session.answered == 1


def test_a_pick_that_is_no_choice_is_refused_and_nothing_is_saved(
    tmp_path: Path, store: Store
) -> None:
    quiz = Quiz(bank(tmp_path, *CAPITALS), store, clock=FakeClock())
    for picks in (3, -1, [], [0, 3]):
        with pytest.raises(ValueError, match="no such choice"):
            quiz.answer(picks)
    assert quiz.current_outcome is None and saved(store) == []


@pytest.mark.parametrize(
    ("picks", "right"),
    [
        ({0, 2}, True),  # 2 and 4: all the right ones
        ({0}, False),  # 2 only: one right one missing
        ({2}, False),  # 4 only
        ({0, 1, 2}, False),  # 2, 3 and 4: one more than the right ones
        ({0, 1, 2, 3}, False),  # everything
        ({1, 3}, False),  # only the wrong ones
    ],
)
def test_several_right_answers_must_all_be_picked_and_no_more(
    tmp_path: Path, store: Store, picks: set[int], right: bool
) -> None:
    quiz = Quiz(bank(tmp_path, EVENS), store, clock=FakeClock())
    outcome = quiz.answer(picks)
    assert outcome.correct is right and outcome.picked == frozenset(picks)
    assert saved(store) == [("evens", sorted(picks), right)]
    assert quiz.correct == (1 if right else 0)
    # Wrong answers are what the results list as missed.
    assert quiz.missed() == ([] if right else [EVENS])


def test_a_withdrawn_exam_answer_does_not_come_back_in_review(tmp_path: Path, store: Store) -> None:
    clock = FakeClock()
    questions = bank(tmp_path, EVENS, *CAPITALS)
    exam = Exam(questions, store, clock=clock.clock, now=clock.now)
    assert exam.current.question is EVENS
    exam.answer({1})  # 3: wrong
    clock.wait(5)
    exam.clear()  # taken back: left blank
    assert exam.next()
    exam.answer(0)  # Paris: right
    assert exam.next()
    exam.answer(0)  # Osaka: wrong, and kept
    exam.submit()
    # Saved, but no longer counting: the withdrawn answer is kept with the others.
    assert saved(store) == [("evens", [1], False), ("france", [0], True), ("japan", [0], False)]
    (session,) = store.sessions()
    assert (session.answered, session.correct) == (2, 1)
    # The review list has the answer kept wrong, not the one taken back.
    key = str(questions.path.resolve())
    assert store.last_wrong() == [(key, "japan")]
    review = Review.of(questions, store, clock=clock.clock, now=clock.now)
    assert [shown.question.id for shown in review.items] == ["japan"]
    # The exam's results say the withdrawn question was not answered.
    results = exam.results()
    assert results[0].outcome is None and results[0].missed
