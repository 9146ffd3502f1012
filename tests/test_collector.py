"""The garbage collector while quiz starts and reads: paused from the program's first line until
its first screen is up (or a command that shows none runs), pauses nesting across threads, and
on again after every one. (What that buys is timed in bench/startup.py, never here.)"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from ui_helpers import build, screen_text

import quiz.__main__
import quiz.cli.banks
import quiz.collector
from quiz.bank.loader import load_bank
from quiz.collector import gc_paused, pause_start, start_over
from quiz.ui.question import QuestionScreen


@pytest.fixture(autouse=True)
def collector_back() -> Iterator[None]:
    """Every test leaves the collector on, nothing frozen and no start held."""
    assert gc.isenabled()
    yield
    quiz.collector._starting = False
    quiz.collector._held = 0
    gc.unfreeze()
    gc.enable()


def test_pauses_nest_and_the_collector_runs_again_after_the_last() -> None:
    with gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_pause_leaves_a_collector_that_was_off_off() -> None:
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()


def test_the_start_holds_the_collector_until_it_is_over_and_freezes_what_it_made() -> None:
    pause_start()
    pause_start()  # one start, however often it is said
    assert not gc.isenabled()
    start_over()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0
    start_over()  # a second end, or an app started without a paused start: nothing
    assert gc.isenabled()


def test_a_bank_read_in_a_worker_keeps_the_collector_paused_past_the_first_screen() -> None:
    reading, read = threading.Event(), threading.Event()
    seen: list[bool] = []

    def worker() -> None:
        with gc_paused():
            reading.set()
            read.wait(5)
            seen.append(gc.isenabled())

    pause_start()
    thread = threading.Thread(target=worker)
    thread.start()
    assert reading.wait(5)
    start_over()  # the first screen is up while the worker still reads
    read.set()
    thread.join(5)
    assert seen == [False]
    assert gc.isenabled()


def test_a_command_that_shows_no_app_runs_with_the_collector_on(
    three: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[bool] = []
    real = quiz.cli.banks.listing

    def listing(args):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real(args)

    monkeypatch.setattr(quiz.cli.banks, "listing", listing)
    assert quiz.__main__.main(["list", "--bank", str(three)]) == 0
    assert seen == [True]
    assert "three" in capsys.readouterr().out
    assert gc.isenabled()


def test_a_command_that_fails_turns_the_collector_back_on(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert quiz.__main__.main(["play", "no-such-bank.yaml"]) != 0
    assert "no-such-bank.yaml" in capsys.readouterr().err
    assert gc.isenabled()


async def test_the_app_turns_the_collector_on_once_its_first_screen_is_up(
    three: Path, tmp_path: Path
) -> None:
    app, store = build(three, tmp_path / "scores.db", play=load_bank(three / "three.yaml").bank)
    pause_start()
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert "What is the capital of" in screen_text(app)
            assert gc.isenabled()
