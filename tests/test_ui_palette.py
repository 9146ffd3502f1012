"""Pilot tests of the command palette (Ctrl+P): the app's own commands (start a bank, review,
study, statistics, profile, language, the keys) beside Textual's, a bank's title as plain text;
and the Keys panel without keys that do nothing worth saying."""

from __future__ import annotations

from pathlib import Path

from test_rtl import canonical, read_rtl
from ui_helpers import THREE, build, screen_lines, screen_text

from quiz.bank.loader import load_bank
from quiz.ui.help_screen import HelpScreen
from quiz.ui.home import HomeScreen
from quiz.ui.start_dialog import StartScreen
from quiz.ui.study_screen import StudyScreen


async def palette(pilot, typed: str = "") -> None:
    await pilot.press("ctrl+p")
    await pilot.pause(0.3)
    if typed:
        await pilot.press(*typed)
        await pilot.pause(0.5)


async def test_the_palette_offers_the_apps_own_commands(three: Path, tmp_path: Path):
    app, store = build(three, tmp_path / "s.db")
    with store:
        async with app.run_test(size=(80, 40)) as pilot:
            await pilot.pause()
            await palette(pilot)
            text = screen_text(app)
            for title in [
                "Review every bank",
                "Study every bank",
                "Statistics",
                "Choose the profile",
                "Keys of this screen",
            ]:
                assert title in text, text
            assert (
                any(
                    canonical("اللغة: العربية") in canonical(read_rtl(row))
                    for row in screen_lines(app)
                )
                or "Language: " in text
            )
            # A bank is found by typing part of its title; Enter asks how to play it.
            await pilot.press(*"capitals")
            await pilot.pause(0.5)
            assert "Start: Three capitals" in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)
            assert "Three capitals" in screen_text(app)
        assert store.sessions() == []


async def test_study_every_bank_from_the_palette(three: Path, tmp_path: Path):
    app, store = build(three, tmp_path / "s.db")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await palette(pilot, "study every")
            await pilot.press("enter")
            await pilot.pause()
            # Chosen by name: no question asked.
            assert isinstance(app.screen, StudyScreen)
            await pilot.press("d")
            await pilot.pause()
        cards = store.cards_of(profile="default", bank=str((three / "three.yaml").resolve()))
        assert len(cards) == 1


async def test_the_keys_of_this_screen_from_the_palette(three: Path, tmp_path: Path):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "s.db", play=bank)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await palette(pilot, "keys of this")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            assert "esc q Leave" in " ".join(screen_text(app).split())


async def test_a_title_with_markup_reads_as_written_in_the_palette(tmp_path: Path):
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "tags.yaml").write_text(
        THREE.replace("title: Three capitals", "title: 'Close tag [/ and [b]bold[/b]'"), "utf-8"
    )
    app, store = build(folder, tmp_path / "s.db")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await palette(pilot, "close tag")
            assert "Start: Close tag [/ and [b]bold[/b]" in screen_text(app)


async def test_the_language_command_speaks_arabic_from_then_on(three: Path, tmp_path: Path):
    app, store = build(three, tmp_path / "s.db")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await palette(pilot, "language")
            await pilot.press("enter")
            await pilot.pause()
            assert app.settings.language == "ar"
            assert isinstance(app.screen, HomeScreen)
            rows = [canonical(read_rtl(row)) for row in screen_lines(app)]
            assert any(row.startswith(canonical("quiz · اختر بنك أسئلة")) for row in rows), rows
            assert canonical("q خروج") in rows[-1]
            # The app's own keys too: ? opens the help, in Arabic.
            await pilot.press("question_mark")
            await pilot.pause()
            rows = [canonical(read_rtl(row)) for row in screen_lines(app)]
            assert any(canonical("مفاتيح هذه الشاشة") in row for row in rows)
            assert not any("Keys" in row or "Quit" in row for row in rows)


async def test_the_keys_panel_is_the_help_and_lists_no_hidden_keys(three: Path, tmp_path: Path):
    bank = load_bank(three / "three.yaml").bank
    app, store = build(three, tmp_path / "s.db", play=bank)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await palette(pilot, "keys")
            assert "Show help for the focused widget" in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            text = " ".join(screen_text(app).split())
            for word in ["Scroll Left", "Page Left", "Focus", "Copy"]:
                assert word not in text
            # The number keys once, by their range; no Arabic letter keys in an English panel.
            assert text.count("Answer") == 1
            assert not any("\u0600" <= c <= "\u06ff" for c in text)


async def test_arabic_typed_in_the_palette_finds_the_apps_commands(three: Path, tmp_path: Path):
    app, store = build(three, tmp_path / "s.db", lang="ar")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            # Typed in logical order; the titles are drawn shaped and from the right.
            await palette(pilot, "مذاكرة كل")
            rows = [canonical(read_rtl(row.strip())) for row in screen_lines(app)]
            assert any(canonical("مذاكرة كل البنوك") in row for row in rows), rows
            await pilot.press("down", "enter")
            await pilot.pause()
            assert isinstance(app.screen, StudyScreen)
