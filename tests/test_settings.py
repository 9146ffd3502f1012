"""One settings object: the app owns it, its screens read it, and nothing leaks between apps."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import seed_session
from ui_helpers import build, screen_text

from quiz.store import DEFAULT_PROFILE
from quiz.text.i18n import t
from quiz.text.settings import Settings, current, use, using
from quiz.ui.home import HomeScreen
from quiz.ui.stats_screen import StatsScreen


def test_settings_of_a_language_take_its_digits_and_check_every_field() -> None:
    assert Settings.of("ar") == Settings("ar", "arabic", "reorder", "default")
    assert Settings.of("ar", digits="latin").digits == "latin"
    assert Settings.of("en").digits == "latin"
    assert Settings.of("ar").rtl and not Settings().rtl
    assert Settings().profile == DEFAULT_PROFILE
    with pytest.raises(ValueError, match="sideways"):
        Settings(rtl_mode="sideways")


def test_using_puts_the_settings_back_after_the_block() -> None:
    assert current() == Settings()
    with using(Settings.of("ar")):
        assert t("percent", value=50) == "٥٠٪"
    assert t("percent", value=50) == "50%"
    use(Settings.of("ar", digits="latin"))
    assert t("percent", value=50) == "50٪"


async def test_building_an_arabic_app_leaves_the_callers_settings_alone(
    three: Path, tmp_path: Path
):
    app, store = build(three, tmp_path / "s.db", lang="ar", rtl_mode="terminal")
    assert current() == Settings()
    with store:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert "اختر بنك أسئلة" in screen_text(app)
            # The test runs in its own context: the app's settings are the app's.
            assert current() == Settings()
            assert app.settings == Settings("ar", "arabic", "terminal", "default")


async def test_two_apps_at_once_each_speak_their_own_language(three: Path, tmp_path: Path):
    arabic, arabic_store = build(three, tmp_path / "a.db", lang="ar", rtl_mode="terminal")
    english, english_store = build(three, tmp_path / "e.db")
    with arabic_store, english_store:
        async with (
            arabic.run_test(size=(100, 30)) as arabic_pilot,
            english.run_test(size=(100, 30)) as english_pilot,
        ):
            await arabic_pilot.pause()
            await english_pilot.pause()
            # The Arabic one was built first and runs first; the English one, built last,
            # does not turn it English (nor does it turn Arabic).
            assert "اختر بنك أسئلة" in screen_text(arabic)
            assert "pick a question bank" not in screen_text(arabic)
            assert "pick a question bank" in screen_text(english)
            assert "اختر" not in screen_text(english)
            await arabic_pilot.press("enter")
            await english_pilot.press("enter")
            await arabic_pilot.pause()
            await english_pilot.pause()
            assert "كم سؤالًا تريد؟" in screen_text(arabic)
            assert "How many questions" in screen_text(english)


async def test_the_statistics_read_in_a_thread_show_in_arabic(three: Path, tmp_path: Path):
    app, store = build(three, tmp_path / "s.db", lang="ar", rtl_mode="terminal")
    bank = str((three / "three.yaml").resolve())
    day = datetime.now(UTC).replace(hour=9, minute=0, second=0, microsecond=0)
    with store:
        seed_session(store, bank=bank, results=[True, False], start=day, ms=10_000)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            await pilot.press("t")
            await pilot.pause()
            assert isinstance(app.screen, StatsScreen)
            await app.workers.wait_for_complete()
            await pilot.pause()
            # 1 session, 2 answers, 1 of 2 right: 50%; the session's time, its start to its
            # end, 1 minute; in Arabic, Arabic digits.
            assert "الجلسات ١ · الإجابات ٢ · الصحيحة ٥٠٪ · الوقت ١ د ٠٠ ث" in screen_text(app)
