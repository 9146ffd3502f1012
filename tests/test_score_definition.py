"""One definition of a score (docs/scores.md), checked on one seeded database by hand: the
store's bank scores (the home screen's best and last), `quiz scores` and `--json`, and home."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers import record
from ui_helpers import THREE, build, screen_text

from quiz.cli import main
from quiz.store import Store

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def run(
    store: Store,
    bank: str,
    results: list[bool],
    *,
    planned: int,
    start: datetime,
    mode: str = "practice",
    kind: str | None = None,
    finished: bool = True,
) -> int:
    session = store.start_session(
        bank=bank, title="Three capitals", planned=planned, mode=mode, kind=kind, now=start
    )
    for n, right in enumerate(results):
        record(store, session, f"q{n}", correct=right, now=start + timedelta(seconds=n))
    if finished:
        store.finish_session(session, now=start + timedelta(minutes=1))
    return session


def seed(store: Store, bank: str) -> None:
    """Six sessions of one bank, an hour apart, with the score each should have."""
    hour = timedelta(hours=1)
    # A practice run of the bank, finished: 3 of 4 right -> 75%.
    run(store, bank, [True, True, True, False], planned=4, start=T0)
    # An exam that ran out of time: 10 planned, 3 answered, 2 right -> 20% (not 2/3).
    run(store, bank, [True, True, False], planned=10, start=T0 + hour, mode="exam")
    # A retry of the missed: 3 of 4 -> 75%, but never the bank's best or last.
    run(store, bank, [True, True, True, False], planned=4, start=T0 + 2 * hour, kind="retry")
    # A review of 2, both right -> 100%, never the bank's best or last either.
    run(store, bank, [True, True], planned=2, start=T0 + 3 * hour, mode="review")
    # A study session: 9 of 10 answers right; no score.
    run(store, bank, [True] * 9 + [False], planned=0, start=T0 + 4 * hour, mode="study")
    # A practice run left after 1 answer of 10: 10%, marked not finished, not the bank's last.
    run(store, bank, [True], planned=10, start=T0 + 5 * hour, finished=False)


def test_best_and_last_come_from_finished_practice_and_exam_runs(db_target: Path | str) -> None:
    with Store.open(db_target) as store:
        seed(store, "/b/three.yaml")
        score = store.bank_scores()["/b/three.yaml"]
    assert (score.best, score.last, score.sessions) == (75.0, 20.0, 6)


def test_a_kind_is_checked(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store, pytest.raises(ValueError, match="kind must be"):
        store.start_session(bank="b", title="B", planned=1, kind="quiz")


def test_scores_json_gives_mode_kind_and_score(
    db_target: Path | str, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db_target) as store:
        seed(store, "/b/three.yaml")
    assert main(["--db", str(db_target), "scores", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [
        (r["mode"], r["kind"], r["score"], r["correct"], r["answered"], r["planned"]) for r in rows
    ] == [
        ("practice", "practice", 0.1, 1, 1, 10),
        ("study", "study", None, 9, 10, 0),
        ("review", "review", 1.0, 2, 2, 2),
        ("practice", "retry", 0.75, 3, 4, 4),
        ("exam", "exam", 0.2, 2, 3, 10),
        ("practice", "practice", 0.75, 3, 4, 4),
    ]
    assert rows[0]["finished"] is None
    # The keys there before keep their meaning.
    assert list(rows[0])[:7] == [
        "bank",
        "title",
        "started",
        "finished",
        "planned",
        "answered",
        "correct",
    ]


def test_scores_lines_say_right_of_planned_and_the_kind(
    db_target: Path | str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "UTC")
    with Store.open(db_target) as store:
        seed(store, "/b/three.yaml")
    assert main(["--lang", "en", "--db", str(db_target), "scores"]) == 0
    lines = capsys.readouterr().out.splitlines()
    tails = [line.split("Three capitals", 1)[1] for line in lines]
    assert tails == [
        "  practice  1/10 right (10%), 1 of 10 answered  (not finished)",
        "  study  9 of 10 answers right",
        "  review  2/2 right (100%), 2 of 2 answered",
        "  retry of missed  3/4 right (75%), 4 of 4 answered",
        "  exam  2/10 right (20%), 3 of 10 answered",
        "  practice  3/4 right (75%), 4 of 4 answered",
    ]


async def test_home_shows_the_same_best_and_last(tmp_path: Path) -> None:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "three.yaml").write_text(THREE, encoding="utf-8")
    app, store = build(folder, tmp_path / "scores.db")
    with store:
        seed(store, str((folder / "three.yaml").resolve()))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert "English · 3 questions · best 75% · last 20%" in screen_text(app)
