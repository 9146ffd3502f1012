"""Exam mode: move freely, change answers (each change saved, the last one counts), time limits."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from backends import raw
from helpers import T0, FakeClock

from quiz.bank.model import Bank, Question
from quiz.play.exam import Exam, ExamOver, format_duration, parse_duration
from quiz.store import Store


def make_bank(tmp_path: Path, n: int = 4) -> Bank:
    questions = tuple(
        Question(
            id=f"q{i}",
            text=f"Question {i}?",
            choices=(f"right {i}", f"wrong {i}", f"other {i}"),
            answers=(f"right {i}",),
            explanation=f"Because {i}.",
        )
        for i in range(n)
    )
    return Bank(tmp_path / "exam.yaml", "Exam bank", questions=questions)


def right(exam: Exam) -> int:
    return min(exam.current.right)


def wrong(exam: Exam) -> int:
    return next(i for i in range(len(exam.current.choices)) if i not in exam.current.right)


@pytest.fixture
def store(db_target: Path | str):
    with Store.open(db_target) as store:
        yield store


def test_moving_back_and_forth_and_changing_answers(tmp_path: Path, store: Store) -> None:
    time = FakeClock()
    exam = Exam(make_bank(tmp_path), store, seed=3, clock=time.clock, now=time.now)
    assert exam.total == 4 and exam.position == 0 and exam.previous() is False
    first = exam.current.question.id

    time.wait(5)
    exam.answer(wrong(exam))
    assert exam.next() and exam.position == 1
    time.wait(3)
    exam.answer(right(exam))
    exam.go(3)
    assert exam.next() is False
    assert exam.unanswered() == [2, 3]
    exam.go(0)
    time.wait(2)
    exam.answer(right(exam))  # changed from wrong to right: seven seconds on it in all

    with Store.open(store.target) as other:  # saved as it happened, seen by another connection
        assert len(other.answers(exam.session_id, changes=True)) == 3
    rows = store.answers(exam.session_id, changes=True)
    assert [(r["question_id"], r["correct"], r["final"]) for r in rows] == [
        (first, False, False),
        (exam.items[1].question.id, True, True),
        (first, True, True),
    ]
    assert rows[0]["ms"] == 5000 and rows[2]["ms"] == 7000
    # Nothing is scored before submitting, but what counts so far is one answer per question.
    assert exam.correct == 0
    (summary,) = store.sessions()
    assert (summary.planned, summary.answered, summary.correct) == (4, 2, 2)
    assert summary.finished is None

    results = exam.submit()
    assert [r.correct for r in results] == [True, True, False, False]
    assert [r.outcome is None for r in results] == [False, False, True, True]
    assert results[0].outcome is not None and results[0].outcome.ms == 7000
    assert exam.correct == 2
    assert exam.missed() == [exam.items[2].question, exam.items[3].question]
    (summary,) = store.sessions()
    assert (summary.answered, summary.correct) == (2, 2)
    assert summary.finished == time.now()
    assert summary.as_json()["answered"] == 2


def test_the_same_answer_twice_is_not_a_change_and_clear_takes_it_back(
    tmp_path: Path, store: Store
) -> None:
    exam = Exam(make_bank(tmp_path, 2), store, seed=1)
    exam.answer(right(exam))
    exam.answer(right(exam))
    assert len(store.answers(exam.session_id, changes=True)) == 1
    exam.clear()
    assert exam.current_picks is None
    assert store.answers(exam.session_id) == []
    assert store.sessions()[0].answered == 0
    assert len(store.answers(exam.session_id, changes=True)) == 1  # kept, not counted
    exam.answer(wrong(exam))
    assert [r["correct"] for r in store.answers(exam.session_id)] == [False]


def test_a_multiple_answer_question_is_right_only_with_every_right_choice(
    tmp_path: Path, store: Store
) -> None:
    question = Question(
        id="primes", text="Primes?", choices=("2", "3", "4"), answers=("2", "3"), shuffle=False
    )
    bank = Bank(tmp_path / "p.yaml", "Primes", questions=(question,), shuffle=False)
    exam = Exam(bank, store)
    exam.answer({0})
    exam.answer({0, 1})
    (result,) = exam.submit()
    assert result.correct and result.outcome is not None
    assert result.outcome.picked == frozenset({0, 1})
    with pytest.raises(ValueError, match="no such choice"):
        Exam(bank, store).answer(set())


def test_time_running_out_submits_what_is_there(tmp_path: Path, store: Store) -> None:
    time = FakeClock()
    exam = Exam(make_bank(tmp_path), store, seed=2, time_limit=60, clock=time.clock, now=time.now)
    assert exam.remaining() == 60
    time.wait(20)
    exam.answer(right(exam))
    exam.next()
    time.wait(30)
    exam.answer(wrong(exam))
    assert exam.remaining() == 10
    assert exam.tick() is False and not exam.submitted

    time.wait(15)  # five seconds past the limit, before the UI's timer fired
    assert exam.expired and exam.remaining() == 0
    with pytest.raises(ExamOver, match="time is up"):
        exam.answer(right(exam))  # too late: not saved, and the exam is submitted
    assert exam.submitted
    assert exam.tick() is False  # already submitted: the UI shows the results once
    assert exam.seconds == 60
    assert [r.correct for r in exam.results()] == [True, False, False, False]
    (summary,) = store.sessions()
    assert (summary.answered, summary.correct) == (2, 1)
    assert summary.finished == T0 + timedelta(seconds=60)
    with pytest.raises(ExamOver):
        exam.clear()


def test_tick_submits_once_when_the_time_runs_out(tmp_path: Path, store: Store) -> None:
    time = FakeClock()
    exam = Exam(make_bank(tmp_path), store, time_limit=30, clock=time.clock, now=time.now)
    exam.answer(right(exam))
    time.wait(29.5)
    assert exam.tick() is False
    assert format_duration(exam.remaining() or 0) == "0:01"
    time.wait(0.5)
    assert exam.tick() is True
    assert exam.tick() is False
    assert exam.correct == 1
    assert store.sessions()[0].finished == T0 + timedelta(seconds=30)


def test_no_time_limit(tmp_path: Path, store: Store) -> None:
    time = FakeClock()
    exam = Exam(make_bank(tmp_path), store, clock=time.clock)
    time.wait(10_000)
    assert exam.remaining() is None and not exam.expired and exam.tick() is False
    with pytest.raises(RuntimeError):
        exam.results()


def test_an_exam_session_is_saved_as_an_exam_of_the_profile(tmp_path: Path, store: Store) -> None:
    exam = Exam(make_bank(tmp_path), store, count=2, seed=1, profile="alice")
    assert exam.total == 2
    (row,) = raw(
        store, "SELECT mode, profile, planned FROM sessions WHERE id = ?", [exam.session_id]
    )
    assert row == ("exam", "alice", 2)
    assert store.sessions(profile="bob") == []


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("45", 45 * 60),
        ("90s", 90),
        ("10m", 600),
        ("1h30m", 5400),
        ("1h 30m 15s", 5415),
        ("1.5h", 5400),
        (" 2M ", 120),
    ],
)
def test_parse_duration(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no duration given"),
        ("ten", "'ten' is not a duration"),
        ("10x", "'10x' is not a duration"),
        ("1h30", "'1h30' is not a duration"),
        ("-5m", "'-5m' is not a duration"),
        ("0", "must be more than zero"),
        ("30m1h", "hours before minutes"),
        ("5m5m", "'m' is given twice"),
    ],
)
def test_parse_duration_errors_say_how_to_write_one(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as caught:
        parse_duration(text)
    assert "10m" in str(caught.value) and "\n" not in str(caught.value)


def test_format_duration() -> None:
    assert format_duration(600) == "10:00"
    assert format_duration(59.2) == "1:00"
    assert format_duration(3723) == "1:02:03"
    assert format_duration(-3) == "0:00"
