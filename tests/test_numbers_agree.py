"""One set of sessions, played with keys on a clock the test moves, read everywhere a student
or a teacher reads a score: the results screens, `quiz scores` (and --json), the home screen,
the statistics screen and `quiz stats`, and `quiz results export`. Every figure is worked out
by hand from the plan below; they must all say the same.

The plan, on Three capitals (3 questions), an hour apart:
- A. practice, all 3: right after 10 s, wrong after 20 s, right after 30 s: 2/3 (67%), 60 s.
- B. retry of the missed one (`r`): right after 15 s: 1/1 (100%), 15 s; never best or last.
- C. exam, 2 minutes: right after 10 s, wrong 20 s later, then the time runs out: 1/3 (33%),
  2 of 3 answered, 120 s (the start to the deadline).
- D. review: the question the exam got wrong, right after 5 s: 1/1 (100%), 5 s.
- E. study, the 3 new cards: right after 8 s, wrong after 12 s, right after 10 s (the wrong
  one not due again yet): no score, 2 of 3 right, 30 s; never best or last, not on the chart.
Time spent: 60 + 15 + 120 + 5 + 30 = 230 s. Answers: 3 + 1 + 2 + 1 + 3 = 10, right 2 + 1 +
1 + 1 + 2 = 7 (70%).
Best and last of the bank (finished practice and exam runs): best 67%, last 33%.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from ui_helpers import ANSWERS, THREE, WRONG, build, choice_number, screen_text

from quiz.bank.loader import load_bank
from quiz.cli import main
from quiz.ui.exam_screen import ExamScreen
from quiz.ui.home import HomeScreen
from quiz.ui.question import QuestionScreen
from quiz.ui.results import ResultsScreen
from quiz.ui.stats_screen import StatsScreen
from quiz.ui.study_screen import StudyScreen

START = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)  # the same day in every zone within 9 hours
HOUR = timedelta(hours=1)


@pytest.fixture
def played(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "three.yaml").write_text(THREE, encoding="utf-8")
    return folder, tmp_path / "s.db", monkeypatch


def app_at(folder: Path, db: Path, monkeypatch: pytest.MonkeyPatch, when: datetime, **modes):
    """The app on the test's clock: runs, the store and the study day all read it."""
    holder: list = []
    bank = load_bank(folder / "three.yaml").bank
    app, store = build(folder, db, play=bank, now=lambda: holder[0].clock.now(), **modes)
    holder.append(app)
    app.clock.moment = when
    monkeypatch.setattr("quiz.store.model.utc_now", app.clock.now)
    return app, store


async def answer(app, pilot, wait: float, right: bool) -> str:
    """Think for `wait` seconds, then answer the question shown, right or wrong."""
    question = app.screen.quiz.current.question.text
    app.clock.wait(wait)
    await pilot.press(choice_number(app, (ANSWERS if right else WRONG)[question]))
    return question


async def play_the_plan(folder: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Play A to D, checking each results screen; return what each results screen said."""
    said = []
    app, store = app_at(folder, db, monkeypatch, START)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for wait, right in ((10, True), (20, False), (30, True)):
                assert isinstance(app.screen, QuestionScreen)
                await answer(app, pilot, wait, right)
                await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            said.append(screen_text(app))
            await pilot.press("r")  # B: the retry of the one missed
            await pilot.pause()
            await answer(app, pilot, 15, True)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            said.append(screen_text(app))
    app, store = app_at(
        folder, db, monkeypatch, START + HOUR, mode="exam", time_limit=120.0, count=3
    )
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ExamScreen)
            app.clock.wait(10)
            question = screen.exam.current.question.text
            await pilot.press(choice_number(app, ANSWERS[question]), "n")
            app.clock.wait(20)
            question = screen.exam.current.question.text
            await pilot.press(choice_number(app, WRONG[question]))
            app.clock.wait(100)  # past the deadline: the next tick submits
            screen.tick()
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            said.append(screen_text(app))
    app, store = app_at(folder, db, monkeypatch, START + 2 * HOUR, mode="review")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert app.screen.quiz.total == 1
            assert await answer(app, pilot, 5, True) == question  # the exam's wrong one
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            said.append(screen_text(app))
    app, store = app_at(folder, db, monkeypatch, START + 3 * HOUR, mode="study")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for wait, right in ((8, True), (12, False), (10, True)):
                assert isinstance(app.screen, StudyScreen)
                await answer(app, pilot, wait, right)
                await pilot.press("enter")
                await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            said.append(screen_text(app))
    return said


async def test_every_place_says_the_same_figures(played, capsys: pytest.CaptureFixture[str]):
    folder, db, monkeypatch = played
    monkeypatch.delenv("QUIZ_PROFILE", raising=False)
    a, b, c, d, e = await play_the_plan(folder, db, monkeypatch)

    # The results screens.
    assert "Score 2/3 (67%)   Time 1m 00s" in a
    assert "Score 1/1 (100%)   Time 15s" in b
    assert "Exam, time ran out at 2:00, 2 of 3 answered" in c
    assert "Score 1/3 (33%)   Time 2m 00s" in c
    assert "Score 1/1 (100%)   Time 5s" in d
    assert "Cards 3 · right the first time 2 · answers 3   Time 30s" in e
    assert not any("counted as" in said for said in (a, b, c, d, e))  # no pause was cut

    # quiz scores, newest first, and --json.
    capsys.readouterr()
    assert main(["--db", str(db), "scores"]) == 0
    tails = [line.split("Three capitals", 1)[1] for line in capsys.readouterr().out.splitlines()]
    assert tails == [
        "  study  2 of 3 answers right",
        "  review  1/1 right (100%), 1 of 1 answered",
        "  exam  1/3 right (33%), 2 of 3 answered",
        "  retry of missed  1/1 right (100%), 1 of 1 answered",
        "  practice  2/3 right (67%), 3 of 3 answered",
    ]
    assert main(["--db", str(db), "scores", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["kind"], r["score"], r["correct"], r["answered"], r["planned"]) for r in rows] == [
        ("study", None, 2, 3, 3),
        ("review", 1.0, 1, 1, 1),
        ("exam", 0.3333, 1, 2, 3),
        ("retry", 1.0, 1, 1, 1),
        ("practice", 0.6667, 2, 3, 3),
    ]

    # quiz stats: the same scores, the same 200 s.
    assert main(["--db", str(db), "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["totals"]["time_ms"] == 230_000
    assert (stats["totals"]["answers"], stats["totals"]["correct"]) == (10, 7)
    assert [(p["kind"], p["correct"], p["planned"], p["percent"]) for p in stats["scores"]] == [
        ("practice", 2, 3, 66.7),
        ("retry", 1, 1, 100.0),
        ("exam", 1, 3, 33.3),
        ("review", 1, 1, 100.0),
    ]
    assert main(["--db", str(db), "stats"]) == 0
    printed = capsys.readouterr().out
    assert re.search(r"Time spent +3m 50s", printed)
    for score in ("2/3 (67%)", "1/1 (100%)", "1/3 (33%)"):  # as the screens say them
        assert score in printed

    # quiz results export: an answer a row, each session's right and answered as above.
    assert main(["--db", str(db), "results", "export"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out.removeprefix("\ufeff"))))
    by_session: dict[str, list[int]] = {}
    for row in table:
        entry = by_session.setdefault(row["session"], [0, 0])
        entry[0] += row["result"] == "right"
        entry[1] += 1
    modes = ["practice"] * 4 + ["exam"] * 2 + ["review"] + ["study"] * 3
    assert [row["mode"] for row in table] == modes
    assert by_session == {"1": [2, 3], "2": [1, 1], "3": [1, 2], "4": [1, 1], "5": [2, 3]}
    # Each answer's own time: the thinking before it (the exam's: on its question).
    assert [float(row["seconds"]) for row in table] == [10, 20, 30, 15, 10, 20, 5, 8, 12, 10]

    # The home screen and the statistics screen.
    app, store = build(folder, db)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            home = screen_text(app)
            assert "English · 3 questions · best 67% · last 33%" in home
            assert "best and last: finished practice and exam runs" in home
            await pilot.press("t")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, StatsScreen)
            text = screen_text(app)
            assert "5 sessions · 10 answers · 70% right · 3m 50s spent" in text
            lines = [line.strip() for line in text.splitlines()]
            assert "2026-05-04  ███████░░░  67%  2/3  practice" in lines
            assert "2026-05-04  ██████████ 100%  1/1  retry of missed" in lines
            assert "2026-05-04  ███░░░░░░░  33%  1/3  exam" in lines
            assert "2026-05-04  ██████████ 100%  1/1  review" in lines
