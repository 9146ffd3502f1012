"""Pilot tests of the home screen: letters typed by mistake start nothing, `/` filters the banks
by title, the student's own banks are "My banks", the interface language's banks come first."""

from __future__ import annotations

import os
from pathlib import Path

from test_rtl import canonical, read_rtl
from ui_helpers import THREE, build, screen_lines, screen_text

from quiz.bank.cache import BankCache
from quiz.bank.catalog import Catalog
from quiz.ui.confirm import ConfirmScreen
from quiz.ui.home import HomeScreen
from quiz.ui.start_dialog import StartScreen
from quiz.ui.study_screen import StudyScreen

CHEMISTRY = """\
title: Chemistry basics
questions:
  - question: What is the symbol of gold?
    choices: [Au, Ag, Gd]
    answer: Au
"""

ENGLISH = """\
title: Cooperation (English)
language: en
questions:
  - question: Where is the seat?
    choices: [Jeddah, Rabat]
    answer: Jeddah
"""

ARABIC = """\
title: التعاون
language: ar
questions:
  - question: أين المقر؟
    choices: [جدة, الرباط]
    answer: جدة
"""


def titles(app) -> list[str]:
    """The banks listed, by title, top to bottom."""
    return [
        line.strip()
        for line in screen_lines(app)
        if line.strip() in {"Three capitals", "Chemistry basics", "My own bank"}
    ]


def two_banks(tmp_path: Path) -> Path:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "three.yaml").write_text(THREE, encoding="utf-8")
    (folder / "chemistry.yaml").write_text(CHEMISTRY, encoding="utf-8")
    return folder


async def test_typing_a_word_at_home_starts_nothing(three: Path, tmp_path: Path):
    app, store = build(three, tmp_path / "s.db")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press(*"science")
            await pilot.pause()
            # s asked first; n (of "science") said no; the other letters do nothing.
            assert isinstance(app.screen, HomeScreen)
            assert "Three capitals" in screen_text(app)
            await pilot.press(*"review")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)  # v asks too
            assert "Review the questions you missed, in every bank?" in screen_text(app)
            assert screen_lines(app)[-1].split()[:4] == ["y", "Yes", "n", "No"]
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
        assert store.sessions() == []
        assert store.cards_of(profile="default", bank=str((three / "three.yaml").resolve())) == {}


async def test_study_every_bank_once_said_yes(three: Path, tmp_path: Path):
    app, store = build(three, tmp_path / "s.db")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
            assert "Study every bank now (spaced repetition)?" in screen_text(app)
            await pilot.press("y")
            await pilot.pause()
            assert isinstance(app.screen, StudyScreen)
            assert "Study: all banks" in screen_text(app)


async def test_ctrl_r_reloads_and_r_does_not(three: Path, tmp_path: Path):
    app, store = build(three, tmp_path / "s.db")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            (three / "chemistry.yaml").write_text(CHEMISTRY, encoding="utf-8")
            await pilot.press("r")
            await pilot.pause()
            assert "Chemistry basics" not in screen_text(app)
            await pilot.press("ctrl+r")
            await pilot.pause()
            assert "Chemistry basics" in screen_text(app)


async def test_slash_filters_the_banks_by_title(tmp_path: Path):
    folder = two_banks(tmp_path)
    app, store = build(folder, tmp_path / "s.db")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert titles(app) == ["Chemistry basics", "Three capitals"]
            await pilot.press("slash", *"CAPIT")
            await pilot.pause()
            # Letters go to the filter (v, s, t, u, q do nothing here), any case.
            assert titles(app) == ["Three capitals"]
            assert "esc Clear the filter" in screen_lines(app)[-1]
            await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
            await pilot.press(*"zzz")
            await pilot.pause()
            assert titles(app) == []
            assert "No bank's title has “zzz” in it. Esc shows every bank." in screen_text(app)
            await pilot.press("escape")
            await pilot.pause()
            assert titles(app) == ["Chemistry basics", "Three capitals"]
            # Filtered, Enter starts the bank the filter leaves highlighted.
            await pilot.press("slash", *"three", "enter")
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)
            assert "Three capitals" in screen_text(app)
        assert store.sessions() == []


async def test_my_own_banks_are_a_group_of_their_own(tmp_path: Path):
    folder = two_banks(tmp_path)
    mine = Path(os.environ["QUIZ_USER_BANKS"])
    mine.mkdir(parents=True)
    (mine / "own.yaml").write_text(THREE.replace("Three capitals", "My own bank"), "utf-8")
    app, store = build(folder, tmp_path / "s.db")
    app.catalog = Catalog([folder, mine], BankCache.open(None))
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            rows = [line.strip() for line in screen_lines(app)]
            assert rows.count("General") == 1
            assert rows.index("General") < rows.index("Three capitals")
            assert rows.index("Three capitals") < rows.index("My banks")
            assert rows.index("My banks") < rows.index("My own bank")


def row_of(app, title: str) -> int:
    """The screen row of a bank's title, English as it stands, Arabic read from the right."""
    for number, line in enumerate(screen_lines(app)):
        if line.strip() == title or canonical(read_rtl(line.strip())) == title:
            return number
    raise AssertionError(f"{title!r} not on screen:\n{screen_text(app)}")


async def test_banks_in_the_interface_language_come_first(tmp_path: Path):
    folder = tmp_path / "banks"
    folder.mkdir()
    # Sorted by file name, the Arabic bank comes first.
    (folder / "oic.ar.yaml").write_text(ARABIC, encoding="utf-8")
    (folder / "oic.en.yaml").write_text(ENGLISH, encoding="utf-8")
    for lang in ("en", "ar"):
        app, store = build(folder, tmp_path / "s.db", lang=lang)
        with store:
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                english = row_of(app, "Cooperation (English)")
                arabic = row_of(app, "التعاون")
                assert (english < arabic) == (lang == "en"), screen_text(app)
