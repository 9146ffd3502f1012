"""A big bank the cache does not hold yet: read in a thread behind a progress screen, then
played; its errors reach the shell. (How long it takes is measured in bench/startup.py.)"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from helpers import FakeClock
from test_cli_play import Terminal
from test_scale_structure import bank_text
from ui_helpers import choice_number, screen_text

from quiz.bank.cache import BankCache
from quiz.bank.catalog import Catalog
from quiz.bank.model import LoadResult
from quiz.store import Store
from quiz.text.settings import Settings
from quiz.ui.app import QuizApp
from quiz.ui.loading import LoadingScreen
from quiz.ui.question import QuestionScreen


def gated(catalog: Catalog) -> threading.Event:
    """Hold the catalog's reads until the returned event is set (a slow, big file)."""
    gate = threading.Event()
    real = catalog.load

    def load(path: Path) -> LoadResult:
        assert gate.wait(30)
        return real(path)

    catalog.load = load  # type: ignore[method-assign]
    return gate


async def wait_for_text(pilot, app: QuizApp, text: str) -> str:  # type: ignore[no-untyped-def]
    for _ in range(600):
        shown = screen_text(app)
        if text in shown:
            return shown
        await pilot.pause(0.05)
    raise AssertionError(f"{text!r} never shown: {screen_text(app)}")


async def wait_for_screen(pilot, app: QuizApp, kind: type) -> None:  # type: ignore[no-untyped-def]
    for _ in range(600):
        if isinstance(app.screen, kind):
            return
        await pilot.pause(0.05)
    raise AssertionError(f"still on {app.screen!r}")


def test_the_cache_says_whether_it_holds_a_file_as_it_is_now(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(bank_text(3), encoding="utf-8")
    cache = BankCache.open(tmp_path / "cache.sqlite3")
    assert cache.keeps
    assert cache.cached(path) is None
    cache.load(path)
    held = cache.cached(path)
    assert held is not None and held.bank is not None and len(held.bank.questions) == 3
    path.write_text(bank_text(4), encoding="utf-8")
    assert cache.cached(path) is None
    cache.close()
    assert not BankCache.open(None).keeps


@pytest.mark.parametrize(("lang", "reading", "once"), [("en", "Reading", "happens once")])
async def test_a_big_bank_is_read_behind_a_progress_screen_then_played(
    tmp_path: Path, lang: str, reading: str, once: str
) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(bank_text(40), encoding="utf-8")
    catalog = Catalog([tmp_path], BankCache.open(tmp_path / "cache.sqlite3"))
    gate = gated(catalog)
    store = Store.open(tmp_path / "scores.db")
    app = QuizApp(store, catalog, settings=Settings.of(lang), read=path, seed=1, clock=FakeClock())
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            # The first screen says what is read, how big it is, and that it is once.
            text = await wait_for_text(pilot, app, f"{reading} ")
            assert isinstance(app.screen, LoadingScreen)
            assert "many.yaml" in text
            assert "MB" in text and once in text
            assert app.screen.query_one("#loading-bar Bar").region.x == 2  # on the left
            gate.set()
            await wait_for_screen(pilot, app, QuestionScreen)
            assert "Question 1/40" in screen_text(app)
            # Nothing of the progress screen is left to go back to.
            assert not any(isinstance(s, LoadingScreen) for s in app.screen_stack)
            number = re.search(r"\bQ (\d+)\b", screen_text(app))[1]  # type: ignore[index]
            await pilot.press(choice_number(app, f"{number}-a"))
            await pilot.pause()
        (session,) = store.sessions()
        assert (session.planned, session.answered, session.correct) == (40, 1, 1)
    # Read once: the next start finds it in the cache.
    assert catalog.cache.cached(path) is not None
    catalog.cache.close()


async def test_the_progress_screen_reads_in_arabic_and_says_when_nothing_is_kept(
    tmp_path: Path,
) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(bank_text(5), encoding="utf-8")
    catalog = Catalog([tmp_path], BankCache.open(None))
    gate = gated(catalog)
    store = Store.open(tmp_path / "scores.db")
    app = QuizApp(store, catalog, settings=Settings.of("ar"), read=path, clock=FakeClock())
    with store:
        async with app.run_test(size=(50, 15)) as pilot:
            text = await wait_for_text(pilot, app, "many.yaml")
            assert isinstance(app.screen, LoadingScreen)
            lines = [line.rstrip() for line in text.splitlines()]
            # Right to left: each sentence ends at the right edge, the title too.
            assert any(line.endswith("quiz") and len(line) >= 48 for line in lines)
            # Laid out by the app, shaped and reordered: the stored (logical) order never
            # reaches the screen, and the words about the cache being off are there.
            assert "ميغابايت" not in text
            assert "ﺓﺀﺍﺮﻗ" in text and "ﺖﻳﺎﺑﺎﻐﻴﻣ" in text  # قراءة, ميغابايت as drawn
            assert "ﺔﻠﻄّﻌﻣ" in text  # معطّلة: the cache is off
            # The bar is mirrored too: on the right, under the sentences' ends (body padding 2).
            bar = app.screen.query_one("#loading-bar Bar").region
            assert bar.right == 50 - 2 and bar.x > 2
            gate.set()
            await wait_for_screen(pilot, app, QuestionScreen)


async def test_the_first_question_after_the_progress_screen_is_in_the_interface_language(
    tmp_path: Path,
) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(bank_text(3), encoding="utf-8")
    catalog = Catalog([tmp_path], BankCache.open(tmp_path / "cache.sqlite3"))
    gate = gated(catalog)
    store = Store.open(tmp_path / "scores.db")
    app = QuizApp(store, catalog, settings=Settings.of("ar"), read=path, clock=FakeClock())
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for_text(pilot, app, "many.yaml")
            gate.set()
            await wait_for_screen(pilot, app, QuestionScreen)
            await pilot.pause()
            text = screen_text(app)
            # The header, drawn right to left: question 1 of 3 in Arabic, never "Question 1/3".
            assert "Question" not in text and "Answer" not in text
            assert "ﻝﺍﺆﺴﻟﺍ" in text and "٣ ﻦﻣ ١" in text
    catalog.cache.close()


async def test_a_big_bank_with_errors_ends_the_app_with_them(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("title: Broken\nquestions:\n  - id: q1\n    question: Q?\n", encoding="utf-8")
    catalog = Catalog([tmp_path], BankCache.open(tmp_path / "cache.sqlite3"))
    store = Store.open(tmp_path / "scores.db")
    app = QuizApp(store, catalog, settings=Settings.of("en"), read=path, clock=FakeClock())
    code = None
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(100):
                code = app.return_code  # (leaving run_test sets its own)
                if code is not None:
                    break
                await pilot.pause(0.05)
        assert store.sessions() == []
    assert app.read_failure is not None and app.read_failure.errors
    assert code == 1
    catalog.cache.close()


def big_bank(path: Path, broken: bool = False) -> None:
    """A bank file over a megabyte (long explanations) that reads fast."""
    lines = ["title: Big", "questions:"]
    for n in range(60):
        lines += [f"  - id: q{n}", f"    question: Big question {n}?"]
        lines += [f"    choices: [right{n}, wrong{n}]", f"    answer: right{n}"]
        lines.append("    explanation: " + "word " * 4000)
    if broken:
        lines.append("  - id: q0\n    question: A second q0\n    choices: [a, b]\n    answer: c")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size > 1_000_000


def test_quiz_play_on_a_big_new_bank_plays_it_and_a_broken_one_says_why(
    tmp_path: Path,
) -> None:
    import os

    good, bad = tmp_path / "big.yaml", tmp_path / "bad.yaml"
    big_bank(good)
    big_bank(bad, broken=True)
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "QUIZ_CACHE": str(tmp_path / "cache.sqlite3"),
        "QUIZ_DB": str(tmp_path / "scores.db"),
    }
    term = Terminal(["play", str(good), "--count", "3"], env)
    try:
        term.wait_for("Question 1/3")
    finally:
        term.close()
    term = Terminal(["play", str(bad)], env)
    try:
        assert term.proc.wait(timeout=60) == 1
        term.reader.join(5)
        output = bytes(term.output).decode(errors="replace")
        assert "bad.yaml has errors" in output
        # Each error with where it is, as `quiz check` says it.
        assert "bad.yaml:306:13: error: answer 'c' is not one of the choices" in output
    finally:
        term.close()
