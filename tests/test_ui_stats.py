"""The statistics screen on a seeded database: the figures it shows are the database's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from helpers import seed_session
from ui_helpers import THREE, build, screen_text

from quiz.ui.home import HomeScreen
from quiz.ui.stats_screen import StatsScreen

TAGGED = THREE.replace("title: Three capitals\n", "title: Three capitals\ntags: [capitals]\n")


async def test_the_statistics_screen_shows_the_seeded_figures(tmp_path: Path):
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "three.yaml").write_text(TAGGED, encoding="utf-8")
    app, store = build(folder, tmp_path / "s.db")
    bank = str((folder / "three.yaml").resolve())
    today = datetime.now(UTC).replace(hour=9, minute=0, second=0, microsecond=0)
    with store:
        # Three days in a row; Kenya is always missed.
        for back, france in ((2, True), (1, False), (0, True)):
            day = today - timedelta(days=back)
            results = {"france": france, "japan": True, "kenya": False}
            seed_session(store, bank=bank, results=results, start=day, ms=10_000)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            await pilot.press("t")
            await pilot.pause()
            assert isinstance(app.screen, StatsScreen)
            await app.workers.wait_for_complete()
            await pilot.pause()
            text = screen_text(app)
            assert "3 sessions · 9 answers · 56% right · 1m 30s spent" in text
            assert "3 days in a row (longest 3)" in text
            assert "56%  capitals  (9 answers)" in text
            # The weakest first: Kenya, never right.
            weakest = text[text.index("Weakest questions:") :]
            assert weakest.index("What is the capital of Kenya?") < weakest.index(
                "What is the capital of France?"
            )
            assert "0% chance of a right answer · 3 answers" in weakest
            # The score over time has one bar a session.
            assert app.screen.query_one("#scores").data == [200 / 3, 100 / 3, 200 / 3]
            await pilot.press("h")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
