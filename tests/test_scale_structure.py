"""What keeps quiz fast on big banks, checked by behaviour rather than by time: the garbage
collector is off while a bank is read, a quiz decodes only the questions it shows, statistics
read only the questions they name. (Timings are in bench/, never here.)"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import quiz.bank.questions
from quiz.bank.cache import BankCache
from quiz.bank.loader import parse_bank


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
