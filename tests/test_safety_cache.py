"""The bank cache never serves a stale answer key: not after a rewrite that keeps the size and
time, not to "play again", not from another thread."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from ui_helpers import FakeClock, choice_number, screen_text

import quiz.bank.cache
import quiz.bank.loader
from quiz.bank.cache import BankCache, StaleBank
from quiz.bank.catalog import Catalog
from quiz.store import Store
from quiz.text.settings import Settings
from quiz.ui.app import QuizApp
from quiz.ui.question import QuestionScreen
from quiz.ui.results import ResultsScreen
from quiz.ui.stats_screen import StatsScreen


def bank(answer: str, *, extra: int = 2, tag: str = "geo") -> str:
    """A bank whose first question's right answer is `answer` (same length for every answer
    used below, so rewrites keep the size), with `extra` more questions."""
    text = (
        f"title: Capitals\ntags: [{tag}]\nshuffle: false\nquestions:\n"
        f"  - id: first\n    question: Capital of {answer}land?\n"
        f"    choices: [Alpha, Bravo, Gamma]\n    answer: {answer}\n    explanation: E.\n"
    )
    for n in range(extra):
        text += (
            f"  - id: q{n}\n    question: Question {n}?\n    choices: [yes, no]\n"
            "    answer: yes\n    explanation: E.\n"
        )
    return text


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every path parsed, in order."""
    seen: list[Path] = []
    real = quiz.bank.loader.parse_bank

    def counting(data: bytes, path: Path, **kwargs: object):
        seen.append(path)
        return real(data, path, **kwargs)

    monkeypatch.setattr(quiz.bank.loader, "parse_bank", counting)
    return seen


def rewrite_keeping_size_and_time(path: Path, text: str, *, replace: bool) -> None:
    """What `cp -p`, `rsync -t`, `tar` and `unzip` do: new bytes, the old size and mtime."""
    before = path.stat()
    assert len(text.encode()) == before.st_size
    if replace:  # a new file renamed over the old one (rsync, unzip)
        partial = path.with_name(".partial")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    else:  # the same file truncated and written (cp -p, tar)
        path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert path.stat().st_mtime_ns == before.st_mtime_ns


def age(path: Path, seconds: int = 3600) -> None:
    """Move a file's modification time into the past (a bank written long ago)."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - seconds * 1_000_000_000))


@pytest.mark.parametrize("replace", [False, True])
def test_a_rewrite_with_the_old_size_and_time_is_read_again(tmp_path, replace, parses) -> None:
    path = tmp_path / "capitals.yaml"
    path.write_text(bank("Alpha"), encoding="utf-8")
    age(path)
    cache = BankCache.open(tmp_path / "cache.sqlite3")
    assert cache.load(path).bank.questions[0].answers == ("Alpha",)
    rewrite_keeping_size_and_time(path, bank("Bravo"), replace=replace)
    for _ in range(2):  # a new process too
        assert cache.load(path).bank.questions[0].answers == ("Bravo",)
        assert cache.summaries([path])[0].title == "Capitals"
        cache.close()
        cache = BankCache.open(tmp_path / "cache.sqlite3")
    assert len(parses) == 2
    cache.close()


def test_a_coarse_clock_cannot_hide_an_edit(tmp_path, monkeypatch, parses) -> None:
    # A file system that keeps times to 2 s and has no change time (FAT): the stamp of a file
    # edited twice in the same two seconds is the same. The content decides.
    real = quiz.bank.cache._stat

    def coarse(path: Path):
        found = real(path)
        if found is None:
            return None
        st = os.stat(path)
        mtime = st.st_mtime_ns // 2_000_000_000 * 2_000_000_000
        return quiz.bank.cache._Stat(f"{st.st_size}:{mtime}", mtime)

    monkeypatch.setattr(quiz.bank.cache, "_stat", coarse)
    path = tmp_path / "capitals.yaml"
    path.write_text(bank("Alpha"), encoding="utf-8")
    cache = BankCache.open(tmp_path / "cache.sqlite3")
    assert cache.load(path).bank.questions[0].answers == ("Alpha",)
    rewrite_keeping_size_and_time(path, bank("Gamma"), replace=False)
    assert cache.load(path).bank.questions[0].answers == ("Gamma",)
    assert cache.load(path).bank.questions[0].answers == ("Gamma",)
    # Unchanged, it is not parsed again (its hash is compared instead).
    assert len(parses) == 2
    cache.close()


def test_questions_of_an_old_load_are_never_those_of_a_new_file(tmp_path) -> None:
    path = tmp_path / "capitals.yaml"
    path.write_text(bank("Alpha", extra=5), encoding="utf-8")
    age(path)
    cache = BankCache.open(tmp_path / "cache.sqlite3")
    cache.load(path)  # stored
    old = cache.load(path).bank  # from the cache: questions read when asked for
    path.write_text(bank("Bravo", extra=0), encoding="utf-8")
    new = cache.load(path).bank  # the file read again: the entry replaced
    assert len(new.questions) == 1 and new.questions[0].answers == ("Bravo",)
    with pytest.raises(StaleBank):
        old.questions[0]
    with pytest.raises(StaleBank):
        old.questions[5]  # the bank shrank: never an IndexError from the new rows
    with pytest.raises(StaleBank):
        list(old.questions)
    cache.close()


def test_the_cache_works_from_several_threads_at_once(tmp_path, parses) -> None:
    paths = []
    for n in range(6):
        path = tmp_path / f"bank{n}.yaml"
        path.write_text(bank("Alpha", extra=n), encoding="utf-8")
        age(path)
        paths.append(path)
    cache = BankCache.open(tmp_path / "cache.sqlite3")
    cache.summaries(paths)  # each parsed once, here
    failures: list[BaseException] = []
    counts: list[int] = []

    def read() -> None:
        try:
            for _ in range(20):
                for path in paths:
                    loaded = cache.load(path).bank
                    counts.append(len(list(loaded.questions)))
        except BaseException as error:  # collected and re-raised in the test's thread
            failures.append(error)

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert sorted(set(counts)) == [1, 2, 3, 4, 5, 6]
    assert len(parses) == len(paths)  # no thread had to parse again
    cache.close()


def app_on(folder: Path, tmp_path: Path) -> tuple[QuizApp, Store]:
    """The app as the command line builds it, with a real cache file."""
    store = Store.open(tmp_path / "scores.db")
    catalog = Catalog([folder], BankCache.open(tmp_path / "cache.sqlite3"))
    app = QuizApp(store, catalog, settings=Settings.of("en"), seed=1, clock=FakeClock())
    return app, store


async def play_through(pilot, count: int) -> None:
    """Answer Alpha to the first question of `bank()`, yes to the others."""
    for _ in range(count):
        await pilot.pause()
        text = screen_text(pilot.app)
        await pilot.press(choice_number(pilot.app, "Alpha" if "land?" in text else "yes"))
        await pilot.press("enter")
    await pilot.pause()


async def test_play_again_and_retry_read_the_bank_as_it_is_now(tmp_path) -> None:
    folder = tmp_path / "banks"
    folder.mkdir()
    path = folder / "capitals.yaml"
    path.write_text(bank("Bravo"), encoding="utf-8")
    age(path)
    app, store = app_on(folder, tmp_path)
    with store:
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.pause()
            await pilot.press("enter", "enter")  # all three questions, in file order
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            await play_through(pilot, 3)  # Alpha is wrong: the first question is missed
            assert isinstance(app.screen, ResultsScreen)
            # The teacher corrects the bank while the results are on screen: same size, same
            # time, as `cp -p` would leave it.
            rewrite_keeping_size_and_time(path, bank("Alpha"), replace=False)
            await pilot.press("r")  # retry the missed question
            await pilot.pause()
            assert "Capital of Alphaland?" in screen_text(app)
            await pilot.press(choice_number(app, "Alpha"))  # right now
            await pilot.pause()
            assert "✓" in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen), screen_text(app)
            # The bank shrinks to one question: play again asks that one, no IndexError.
            path.write_text(bank("Gamma", extra=0), encoding="utf-8")
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert app.screen.quiz.total == 1
            assert "Capital of Gammaland?" in screen_text(app)
            await pilot.press(choice_number(app, "Gamma"), "enter")
            await pilot.pause()
            # Broken now: play again goes home and says why.
            path.write_text("title: [broken\n", encoding="utf-8")
            await pilot.press("a")
            await pilot.pause()
            assert "The bank has changed since" in screen_text(app)
        rows = store.answers(store.sessions()[1].id)  # the retry
        assert [(r["question"], r["correct"]) for r in rows] == [("Capital of Alphaland?", True)]


async def test_the_statistics_worker_reads_banks_from_the_cache(tmp_path, parses) -> None:
    folder = tmp_path / "banks"
    folder.mkdir()
    path = folder / "capitals.yaml"
    path.write_text(bank("Alpha", tag="capitals"), encoding="utf-8")
    age(path)
    app, store = app_on(folder, tmp_path)
    with store:
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await pilot.press("enter", "enter")
            await pilot.pause()
            await play_through(pilot, 3)
            await pilot.press("h")
            await pilot.pause()
            parsed = len(parses)
            for _ in range(2):
                await pilot.press("t")
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert isinstance(app.screen, StatsScreen)
                assert "capitals" in screen_text(app)  # the tag, read from the bank in a thread
                await pilot.press("a")  # every bank
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert "capitals" in screen_text(app)
                await pilot.press("h")
                await pilot.pause()
            assert len(parses) == parsed  # every visit from the cache, none parsed again


def test_the_bundled_banks_round_trip_through_the_cache(tmp_path) -> None:
    # Every real bank reads the same from the cache as from its file.
    from conftest import BUNDLED

    folder = tmp_path / "banks"
    shutil.copytree(BUNDLED, folder)
    cache = BankCache.open(tmp_path / "cache.sqlite3")
    catalog = Catalog([folder], cache)
    for entry in catalog.entries():
        age(entry.file.path)
    fresh = {e.file.path: list(catalog.load(e.file.path).bank.questions) for e in catalog.entries()}
    cached = {
        e.file.path: list(catalog.load(e.file.path).bank.questions) for e in catalog.entries()
    }
    assert fresh == cached and fresh
    cache.close()
