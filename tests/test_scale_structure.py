"""What keeps quiz fast on big banks, checked by behaviour rather than by time: the garbage
collector is off while a bank is read, a quiz decodes only the questions it shows, statistics
read only the questions they name. (Timings are in bench/, never here.)"""

from __future__ import annotations

import gc
import json
import random
from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import FakeClock, seed_session
from ui_helpers import choice_number, screen_text

import quiz.bank.questions
from quiz.bank.cache import BankCache, CachedQuestions
from quiz.bank.catalog import Catalog
from quiz.bank.loader import parse_bank
from quiz.bank.model import Bank, Question
from quiz.cli import main
from quiz.play.exam import Exam
from quiz.play.run import Asked, Positions
from quiz.store import Store, bank_key
from quiz.text.settings import Settings
from quiz.ui.app import QuizApp
from quiz.ui.question import QuestionScreen


def bank_text(count: int) -> str:
    """A bank of `count` questions: question n asks 'Q n' with choices 'n-a' (right), 'n-b'."""
    lines = ["title: Many", "questions:"]
    for n in range(count):
        lines += [f"  - id: q{n}", f"    question: Q {n}", f"    choices: [{n}-a, {n}-b]"]
        lines.append(f"    answer: {n}-a")
    return "\n".join(lines) + "\n"


@pytest.fixture
def collector_seen(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether the garbage collector was on, for each question the loader read."""
    seen: list[bool] = []
    real = quiz.bank.questions.QuestionReader.question

    def spying(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real(self, *args, **kwargs)

    monkeypatch.setattr(quiz.bank.questions.QuestionReader, "question", spying)
    return seen


def test_the_collector_is_paused_over_the_whole_read_and_back_after(
    collector_seen: list[bool],
) -> None:
    assert gc.isenabled()
    result = parse_bank(bank_text(3).encode(), Path("many.yaml"))
    assert result.bank is not None and len(result.bank.questions) == 3
    assert collector_seen == [False, False, False]
    assert gc.isenabled()


def test_a_cold_cache_reads_with_the_collector_paused(
    collector_seen: list[bool], tmp_path: Path
) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(bank_text(2), encoding="utf-8")
    cache = BankCache.open(tmp_path / "cache.sqlite3")
    try:
        assert cache.load(path).bank is not None
    finally:
        cache.close()
    assert collector_seen == [False, False]
    assert gc.isenabled()


def test_a_bank_that_fails_to_read_turns_the_collector_back_on() -> None:
    result = parse_bank(b"title: [unclosed\n", Path("bad.yaml"))
    assert result.bank is None and result.errors
    assert gc.isenabled()


# -- a quiz of every question reads only what it shows ------------------------------------------


def test_positions_are_every_position_once_in_an_order_the_seed_fixes() -> None:
    for size in (1, 2, 3, 7, 40):
        for seed in range(50):
            drawn = [Positions(size, random.Random(seed))[i] for i in range(size)]
            assert sorted(drawn) == list(range(size))
    one, other = Positions(1000, random.Random(5)), Positions(1000, random.Random(5))
    assert [one[i] for i in range(10)] == [other[i] for i in range(10)]
    assert [one[i] for i in range(10)] != list(range(10))


def test_asked_questions_and_choice_orders_do_not_hang_on_the_order_they_are_read_in() -> None:
    pool = [
        Question(id=f"q{n}", text=f"Q {n}", choices=("a", "b", "c", "d"), answers=("a",))
        for n in range(30)
    ]
    forwards = Asked(pool, 10, random.Random(3))
    backwards = Asked(pool, 10, random.Random(3))
    late_first = [backwards[i] for i in reversed(range(10))][::-1]
    assert list(forwards) == late_first
    assert len({shown.question.id for shown in forwards}) == 10
    # In file order without shuffling; choices are still shuffled unless a question says not.
    in_order = Asked(pool, 3, random.Random(3), shuffle=False)
    assert [shown.question.id for shown in in_order] == ["q0", "q1", "q2"]


@pytest.fixture
def decoded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The id of every question decoded from the bank cache, in order."""
    seen: list[str] = []
    real = Question.from_json.__func__  # type: ignore[attr-defined]

    def counting(cls: type[Question], data: dict) -> Question:
        question = real(cls, data)
        seen.append(question.id)
        return question

    monkeypatch.setattr(Question, "from_json", classmethod(counting))
    return seen


def cached_bank(tmp_path: Path, count: int) -> tuple[Catalog, Bank]:
    """A catalog with a warm cache, and a bank of `count` questions read from that cache."""
    folder = tmp_path / "banks"
    folder.mkdir()
    path = folder / "many.yaml"
    path.write_text(bank_text(count), encoding="utf-8")
    catalog = Catalog([folder], BankCache.open(tmp_path / "cache.sqlite3"))
    catalog.load(path)  # cold: read and stored
    bank = catalog.load(path).bank  # warm: from the cache, questions read when asked for
    assert bank is not None and isinstance(bank.questions, CachedQuestions)
    return catalog, bank


async def test_a_quiz_of_a_whole_bank_decodes_only_the_question_it_shows(
    tmp_path: Path, decoded: list[str]
) -> None:
    catalog, bank = cached_bank(tmp_path, 300)
    store = Store.open(tmp_path / "scores.db")
    app = QuizApp(store, catalog, settings=Settings.of("en"), play=bank, seed=4, clock=FakeClock())
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert "Question 1/300" in screen_text(app)
            assert len(decoded) == 1
            first = decoded[0]
            assert f"Q {first[1:]}" in screen_text(app)
            await pilot.press(choice_number(app, f"{first[1:]}-a"), "enter")
            await pilot.pause()
            assert "Question 2/300" in screen_text(app)
            assert len(decoded) == 2 and decoded[1] != first
        (session,) = store.sessions()
        assert (session.planned, session.answered, session.correct) == (300, 1, 1)
    catalog.cache.close()


def test_an_exam_of_a_whole_bank_decodes_only_the_question_it_shows(
    tmp_path: Path, decoded: list[str]
) -> None:
    catalog, bank = cached_bank(tmp_path, 200)
    with Store.open(tmp_path / "scores.db") as store:
        exam = Exam(bank, store, seed=2)
        assert exam.total == 200
        assert exam.current.question.id == decoded[0]
        assert len(decoded) == 1
    catalog.cache.close()


# -- statistics read the questions they name ----------------------------------------------------


def test_quiz_stats_on_a_big_cached_bank_reads_only_the_answered_questions(
    isolated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], decoded: list[str]
) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(bank_text(300), encoding="utf-8")
    cache = BankCache.open(isolated / "banks.sqlite3")
    cache.load(path)
    cache.close()
    start = datetime(2026, 11, 20, 9, tzinfo=UTC)
    with Store.open(isolated / "scores.sqlite3") as store:
        for _ in range(2):  # two wrong answers each: enough to be among the weakest
            seed_session(
                store,
                bank=bank_key(path),
                title="Many",
                results={"q5": False, "q7": True, "q250": False},
                start=start,
            )
    capsys.readouterr()
    decoded.clear()
    assert main(["stats", "--bank", str(path), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["totals"]["answers"] == 6
    assert sorted(decoded) == ["q250", "q5", "q7"]
    assert {w["question"] for w in figures["weakest"]} == {"Q 5", "Q 250"}


# -- the class report reads with the collector paused -------------------------------------------


def test_the_class_report_reads_and_counts_with_the_collector_paused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import quiz.progress.report as report

    export = tmp_path / "class.csv"
    export.write_text(
        "profile,bank,bank_title,question_id,question,picked,result\n"
        "ali,/b/geo.yaml,Geo,g1,Q1,A,right\n"
        "sara,/b/geo.yaml,Geo,g1,Q1,B,wrong\n",
        encoding="utf-8",
    )
    seen: list[bool] = []
    real = report.read_export

    def spying(path: Path, index: int = 0):  # type: ignore[no-untyped-def]
        for answer in real(path, index):
            seen.append(gc.isenabled())
            yield answer

    monkeypatch.setattr(report, "read_export", spying)
    built = report.build_report([export])
    assert (len(built.students), built.answers) == (2, 2)
    assert seen == [False, False]
    assert gc.isenabled()
