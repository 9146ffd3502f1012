"""Snapshot tests of the main screens (review the HTML report before --snapshot-update)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import THREE, build

from quiz.bank.loader import load_bank


@pytest.fixture
def app_on_three(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "banks"
    (folder / "geography").mkdir(parents=True)
    (folder / "geography" / "three.yaml").write_text(THREE, encoding="utf-8")
    bank = load_bank(folder / "geography" / "three.yaml").bank
    # Seed 8 asks Japan first and France second: the missed question has an explanation.
    app, store = build(folder, tmp_path / "scores.db", play=bank, seed=8)
    # The store's clock is the test's: the results' time is worked out from saved times.
    monkeypatch.setattr("quiz.store.model.utc_now", app.clock.now)
    yield app
    store.close()


def test_question_screen_after_a_wrong_answer(snap_compare, app_on_three):
    async def answer_wrong(pilot) -> None:
        await pilot.pause()
        shown = pilot.app.screen.quiz.current
        wrong = next(i for i in range(len(shown.choices)) if i not in shown.right)
        await pilot.press(str(wrong + 1))

    assert snap_compare(app_on_three, run_before=answer_wrong, terminal_size=(80, 24))


def test_results_screen(snap_compare, app_on_three):
    async def play_through(pilot) -> None:
        await pilot.pause()
        for n in range(3):
            shown = pilot.app.screen.quiz.current
            pick = min(shown.right) if n != 1 else max(set(range(3)) - shown.right)
            pilot.app.clock.wait(12)
            await pilot.press(str(pick + 1), "enter")
        await pilot.pause()

    assert snap_compare(app_on_three, run_before=play_through, terminal_size=(80, 24))


def test_home_screen(snap_compare, tmp_path: Path):
    folder = tmp_path / "banks"
    (folder / "geography").mkdir(parents=True)
    (folder / "geography" / "three.yaml").write_text(THREE, encoding="utf-8")
    (folder / "broken.yaml").write_text("title: Broken\nquestions: []\n", encoding="utf-8")
    app, store = build(folder, tmp_path / "scores.db")
    with store:
        assert snap_compare(app, terminal_size=(80, 24))
