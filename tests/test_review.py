"""Review mode: the questions last answered wrong, across sessions, modes and banks."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.bank.model import Bank, Question
from quiz.play.exam import Exam
from quiz.play.practice import Quiz
from quiz.play.review import Review, review_questions
from quiz.store import Store, bank_key

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def make_bank(path: Path, title: str, ids: list[str]) -> Bank:
    questions = tuple(
        Question(
            id=qid, text=f"{title}: {qid}?", choices=("yes", "no"), answers=("yes",), shuffle=False
        )
        for qid in ids
    )
    return Bank(path, title, questions=questions, shuffle=False)


def play(quiz: Quiz | Review, wrong: set[str]) -> None:
    """Answer every question, wrong for the ids in `wrong`, right for the others."""
    while True:
        shown = quiz.current
        right = min(shown.right)
        quiz.answer(1 - right if shown.question.id in wrong else right)
        if not quiz.advance():
            return


@pytest.fixture
def store(db_target: Path | str):
    with Store.open(db_target) as store:
        yield store


def test_the_review_list_fills_and_empties_across_sessions(tmp_path: Path, store: Store) -> None:
    geo = make_bank(tmp_path / "geo.yaml", "Geo", ["a", "b", "c"])
    key = bank_key(geo.path)
    assert store.last_wrong() == []
    assert Review.of(geo, store).total == 0

    play(Quiz(geo, store), wrong={"a", "c"})
    assert store.last_wrong() == [(key, "a"), (key, "c")]

    # A second practice of a and b: a is right now, b goes wrong; c is not asked.
    play(Quiz(geo, store, questions=geo.questions[:2]), wrong={"b"})
    assert store.last_wrong(bank=key) == [(key, "c"), (key, "b")]

    review = Review.of(geo, store)
    assert review.title == "Review: Geo"
    assert [s.question.id for s in review.items] == ["c", "b"]
    play(review, wrong={"b"})
    assert review.finished and review.correct == 1 and review.missed() == [geo.questions[1]]
    assert store.last_wrong() == [(key, "b")]

    play(Review.of(geo, store), wrong=set())
    assert store.last_wrong() == []
    assert Review.of(geo, store).total == 0

    modes = [row[0] for row in store._conn.execute("SELECT mode FROM sessions ORDER BY id")]
    assert modes == ["practice", "practice", "review", "review"]
    assert [(s.answered, s.correct) for s in store.sessions()] == [(1, 1), (2, 1), (2, 1), (3, 1)]


def test_all_banks_are_reviewed_each_in_its_own_session(tmp_path: Path, store: Store) -> None:
    geo = make_bank(tmp_path / "geo.yaml", "Geo", ["a", "b"])
    maths = make_bank(tmp_path / "maths.yaml", "Maths", ["x", "y"])
    play(Quiz(geo, store), wrong={"b"})
    play(Quiz(maths, store), wrong={"x", "y"})

    review = Review.of([geo, maths], store)
    assert review.title == "Review: all banks"
    assert [(b.title, s.question.id) for b, s in zip(review.banks, review.items, strict=True)] == [
        ("Geo", "b"),
        ("Maths", "x"),
        ("Maths", "y"),
    ]
    assert review.bank is geo
    review.answer(min(review.current.right))
    review.advance()
    assert review.current_bank is maths
    # The review of one bank leaves the other's questions out.
    assert [s.question.id for s in Review.of(maths, store).items] == ["x", "y"]
    review.answer(min(review.current.right))
    review.advance()
    review.answer(1 - min(review.current.right))
    review.advance()
    assert review.finished
    newest = store.sessions()[:2]
    assert {(s.title, s.planned, s.answered, s.correct) for s in newest} == {
        ("Geo", 1, 1, 1),
        ("Maths", 2, 2, 1),
    }
    assert all(s.finished is not None for s in newest)
    assert store.last_wrong() == [(bank_key(maths.path), "y")]


def test_an_exam_counts_its_final_answer_only(tmp_path: Path, store: Store) -> None:
    geo = make_bank(tmp_path / "geo.yaml", "Geo", ["a"])
    exam = Exam(geo, store)
    exam.answer(0)  # right, then changed to wrong
    exam.answer(1)
    exam.submit()
    assert store.last_wrong() == [(bank_key(geo.path), "a")]
    exam = Exam(geo, store)
    exam.answer(1)
    exam.answer(0)
    assert store.last_wrong() == []  # saved as it was given, before submitting


def test_profiles_have_their_own_review_lists(tmp_path: Path, tmp_path_factory) -> None:
    geo = make_bank(tmp_path / "geo.yaml", "Geo", ["a"])
    with Store.open(tmp_path / "scores.db", profile="alice") as store:
        play(Quiz(geo, store), wrong={"a"})  # practice saves for the store's profile
        assert store.last_wrong() == [(bank_key(geo.path), "a")]
        assert store.last_wrong(profile="bob") == []
        assert Review.of(geo, store, profile="bob").total == 0
        store.profile = "bob"
        assert store.last_wrong() == []


def test_an_edited_question_keeps_its_history_and_a_deleted_one_is_skipped(
    tmp_path: Path, store: Store
) -> None:
    geo = make_bank(tmp_path / "geo.yaml", "Geo", ["a", "b", "c"])
    play(Quiz(geo, store), wrong={"a", "b"})

    # The bank is edited: a's text is reworded (same id), b is deleted.
    reworded = replace(geo.questions[0], text="Reworded: a?")
    edited = replace(geo, questions=(reworded, geo.questions[2]))
    review = Review.of(edited, store)
    assert [s.question.text for s in review.items] == ["Reworded: a?"]
    # b's past answer still counts in the scores, and still names its old text.
    (summary,) = store.sessions()
    assert (summary.answered, summary.correct) == (3, 1)
    assert [row["question"] for row in store.answers(summary.id)][:2] == ["Geo: a?", "Geo: b?"]

    play(review, wrong=set())
    assert store.last_wrong() == [(bank_key(geo.path), "b")]  # b stays listed, unplayable
    assert Review.of(edited, store).total == 0
    assert Review.of(geo, store).total == 1  # if b comes back, it is there to review


def test_review_questions_maps_pairs_to_loaded_banks(tmp_path: Path) -> None:
    geo = make_bank(tmp_path / "geo.yaml", "Geo", ["a", "b", "c"])
    key = bank_key(geo.path)
    pairs = [(key, "c"), ("/gone/bank.yaml", "a"), (key, "zz"), (key, "a")]
    found = review_questions(pairs, [geo])
    assert [(b.title, q.id) for b, q in found] == [("Geo", "c"), ("Geo", "a")]
    assert review_questions(pairs, {key: geo}) == found


@pytest.mark.sqlite_only
def test_the_review_query_reads_an_index(store: Store) -> None:
    plan = store._conn.execute(
        "EXPLAIN QUERY PLAN SELECT bank, question_id, correct, MAX(id) FROM answers"
        " WHERE profile = 'default' AND final = 1 GROUP BY bank, question_id"
    ).fetchall()
    text = " ".join(row[-1] for row in plan)
    assert "COVERING INDEX answers_by_profile" in text
    assert "TEMP B-TREE" not in text


def test_answers_are_saved_when_given(tmp_path: Path, store: Store) -> None:
    geo = make_bank(tmp_path / "geo.yaml", "Geo", ["a", "b"])
    play(Quiz(geo, store), wrong={"a", "b"})
    review = Review.of(geo, store, now=lambda: T0 + timedelta(days=1))
    review.answer(min(review.current.right))
    # Not finished, yet saved: another connection sees it.
    with Store.open(store.target) as other:
        assert other.last_wrong() == [(bank_key(geo.path), "b")]
        review_session = max(other.sessions(), key=lambda s: s.id)
        assert review_session.started == T0 + timedelta(days=1)
        assert (review_session.answered, review_session.finished) == (1, None)
