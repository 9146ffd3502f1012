"""Text from bank files is data: markup-like text shows literally and triggers nothing."""

from __future__ import annotations

import os
from pathlib import Path

from ui_helpers import THREE, build, screen_text

from quiz.bank.loader import load_bank
from quiz.ui.home import HomeScreen
from quiz.ui.question import QuestionScreen
from quiz.ui.results import ResultsScreen

BANK = r"""title: "[bold]Markup[/bold] bank [/"
questions:
  - question: "Is [bold]this[/bold] bold? Close tag [/ and [@click=app.quit]quit[/]"
    shuffle: false
    choices:
      - "[@click=app.quit]Click me[/]"
      - "[/]"
      - "[red]red[/red] $variable"
    answer: "[/]"
    explanation: "[link=https://example.com]not a link[/link] [/"
"""


async def test_markup_in_bank_text_shows_literally_and_does_nothing(tmp_path: Path):
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "markup.yaml").write_text(BANK, encoding="utf-8")
    bank = load_bank(folder / "markup.yaml").bank
    assert bank is not None
    app, store = build(folder, tmp_path / "scores.db", play=bank)
    with store:
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert "[bold]Markup[/bold] bank [/" in text
            assert "Is [bold]this[/bold] bold? Close tag [/ and [@click=app.quit]quit[/]" in text
            assert "1. [@click=app.quit]Click me[/]" in text
            assert "2. [/]" in text
            assert "3. [red]red[/red] $variable" in text
            # Clicking the choice that looks like an action answers with it and quits nothing.
            await pilot.click(app.screen.choices.rows[0])
            await pilot.pause()
            assert app.is_running
            assert isinstance(app.screen, QuestionScreen)
            text = screen_text(app)
            assert "The answer is: [/]" in text
            assert "[link=https://example.com]not a link[/link] [/" in text
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            text = screen_text(app)
            assert "Answer: [/]" in text
            assert "You said: [@click=app.quit]Click me[/]" in text
        (row,) = store.answers(1)
        assert row["picked"] == [0] and row["correct"] is False


async def test_home_shows_a_markup_title_literally(tmp_path: Path):
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "markup.yaml").write_text(BANK, encoding="utf-8")
    (folder / "broken [bold] [@click=app.quit].yaml").write_text("title: [/x\n", encoding="utf-8")
    app, store = build(folder, tmp_path / "scores.db")
    with store:
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert "[bold]Markup[/bold] bank [/" in text
            assert "broken [bold] [@click=app.quit].yaml:2:1: YAML syntax error" in text


async def test_a_bank_error_notice_shows_its_text_literally(tmp_path: Path):
    folder = tmp_path / "banks"
    folder.mkdir()
    path = folder / "three.yaml"
    path.write_text(THREE, encoding="utf-8")
    app, store = build(folder, tmp_path / "scores.db")
    with store:
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            # The file breaks after the list was read: a key that reads as markup, unclosed tag
            # included. Shown as markup, "[/b]" would raise and "[bold]" would vanish.
            path.write_text(THREE + '"[/b] [bold]x[/bold]": 1\n', encoding="utf-8")
            stamp = path.stat().st_mtime_ns + 5_000_000_000
            os.utime(path, ns=(stamp, stamp))
            await pilot.press("enter")
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, HomeScreen)
            (notice,) = app._notifications
            assert "'[/b] [bold]x[/bold]'" in notice.message
            assert notice.markup is False and notice.severity == "error"
            assert "[/b] [bold]x[/bold]" in screen_text(app)
