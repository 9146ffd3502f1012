"""The statistics screen on a seeded database: the figures it shows are the database's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers import seed_session
from ui_helpers import THREE, build, screen_text

from quiz.cli import main
from quiz.store import Store
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
            # Each session: answers 0, 1 and 2 s after its start, its end at 1 min: 60 s.
            assert "3 sessions · 9 answers · 56% right · 3m 00s spent" in text
            assert "3 days in a row (longest 3)" in text
            assert "56%  capitals  (9 answers)" in text
            # The weakest first: Kenya, never right, (0 + 1) / (3 + 2) = 20%; then France, 2 of
            # 3, (2 + 1) / 5 = 60%; Japan, never wrong, is not weak.
            weakest = text[text.index("Weakest questions:") :]
            assert weakest.index("What is the capital of Kenya?") < weakest.index(
                "What is the capital of France?"
            )
            assert "Japan" not in weakest
            assert "20% chance of a right answer · 0 of 3 right" in weakest
            assert "60% chance of a right answer · 2 of 3 right" in weakest
            rule = "chance = (right + 2 × prior) / (answers + 2); prior: the FSRS recall now if"
            assert rule in weakest
            # The score over time has one bar a session: 2/3, 1/3, 2/3 of the 3 planned.
            assert text.count("███████░░░  67%  2/3  practice") == 2
            assert text.count("███░░░░░░░  33%  1/3  practice") == 1
            await pilot.press("h")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)


def seed_chart(store, bank: str) -> None:
    """Three practice runs of three questions: none right, all right, one answered (right)."""
    noon = datetime(2026, 3, 1, 12, tzinfo=UTC)  # the same date in every time zone within 11 h
    none = {"france": False, "japan": False, "kenya": False}
    seed_session(store, bank=bank, results=none, start=noon)
    every = {"france": True, "japan": True, "kenya": True}
    seed_session(store, bank=bank, results=every, start=noon + timedelta(days=1))
    seed_session(store, bank=bank, results={"france": True}, planned=3, start=noon + timedelta(2))


@pytest.mark.parametrize("size", [(80, 24), (50, 15)])
async def test_the_score_chart_is_on_a_0_to_100_scale_with_dates_and_values(
    tmp_path: Path, size: tuple[int, int]
):
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "three.yaml").write_text(THREE, encoding="utf-8")
    app, store = build(folder, tmp_path / "s.db")
    with store:
        seed_chart(store, str((folder / "three.yaml").resolve()))
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("t")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            # Without the scroll bar's cells (drawn at the right edge when the body scrolls).
            rows = screen_text(app).splitlines()
            lines = [line.rstrip().rstrip("▁▔").strip() for line in rows]
            # 0% is an empty bar, 100% a full one; one answered of three planned is 1/3, 33%.
            assert "2026-03-01  ░░░░░░░░░░   0%  0/3  practice" in lines
            assert "2026-03-02  ██████████ 100%  3/3  practice" in lines
            assert "2026-03-03  ███░░░░░░░  33%  1/3  practice" in lines
            assert "latest 3 of 3 · right / planned · full bar 100%" in " ".join(lines)


def test_quiz_stats_prints_the_scores_on_the_same_scale(tmp_path: Path, capsys):
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "three.yaml").write_text(THREE, encoding="utf-8")
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        seed_chart(store, str((folder / "three.yaml").resolve()))
    assert main(["--db", str(db), "stats"]) == 0
    out = capsys.readouterr().out
    assert "Score (0%–100%)" in out
    assert "░░░░░░░░░░ 0/3 (0%)" in out
    assert "██████████ 3/3 (100%)" in out
    assert "1 of 3 │ ███░░░░░░░ 1/3 (33%)" in out
    # The sparkline is on the same absolute scale: 0% is a blank, 100% a full cell.
    assert "Score per session:  █▃" in out
