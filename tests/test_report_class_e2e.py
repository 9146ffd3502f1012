"""Ali and Sara on one computer, end to end: each plays in their own profile through the app,
each exports with `quiz results export --profile`, the teacher exports every profile too, and
`quiz report` over the three files counts 2 students and 40 answers, once each."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from ui_helpers import build, choice_number, screen_text

from quiz.cli import main
from quiz.ui.results import ResultsScreen

#: 20 questions: qN asks "Question N?", right choice rN, wrong choice wN.
BANK = "title: Twenty\nquestions:\n" + "".join(
    f"  - id: q{n}\n    question: Question {n}?\n    choices: [r{n}, w{n}]\n    answer: r{n}\n"
    for n in range(20)
)

#: Who gets which question right: Ali the even ones (10), Sara every fourth (5).
RIGHT = {"Ali": lambda n: n % 2 == 0, "Sara": lambda n: n % 4 == 0}


async def play_all_twenty(folder: Path, db: Path, who: str) -> None:
    from quiz.bank.cache import BankCache

    bank = BankCache.open(None).load(folder / "twenty.yaml").bank
    assert bank is not None
    app, store = build(folder, db, play=bank, profile=who)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            for asked in range(1, 21):
                await pilot.pause()
                text = screen_text(app)
                assert f"Question {asked}/20" in text
                n = int(re.search(r"Question (\d+)\?", text)[1])  # type: ignore[index]
                pick = f"r{n}" if RIGHT[who](n) else f"w{n}"
                await pilot.press(choice_number(app, pick))
                await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            right = sum(RIGHT[who](n) for n in range(20))
            assert f"Score {right}/20" in screen_text(app)


async def test_two_profiles_each_exporting_and_the_teacher_too_are_two_students_forty_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "twenty.yaml").write_text(BANK, encoding="utf-8")
    db = tmp_path / "scores.db"
    await play_all_twenty(folder, db, "Ali")
    await play_all_twenty(folder, db, "Sara")
    exports = {who: tmp_path / f"{who.lower()}.csv" for who in ("Ali", "Sara")}
    for who, out in exports.items():
        assert main(["results", "export", "--db", str(db), "--profile", who, "-o", str(out)]) == 0
        with out.open(encoding="utf-8-sig", newline="") as stream:  # as spreadsheets read it
            rows = list(csv.DictReader(stream))
        # Only that student's answers, each once.
        assert len(rows) == 20 and {row["profile"] for row in rows} == {who}
    everyone = tmp_path / "everyone.csv"
    assert main(["results", "export", "--db", str(db), "--all-profiles", "-o", str(everyone)]) == 0
    capsys.readouterr()
    files = [str(exports["Ali"]), str(exports["Sara"]), str(everyone)]
    assert main(["report", *files, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    # 80 rows read, 40 of them the same answers again (the teacher's file).
    assert (data["students"], data["answers"], data["duplicates"]) == (2, 40, 40)
    results = {s["name"]: (s["answers"], s["right"]) for s in data["student_results"]}
    assert results == {"Ali": (20, 10), "Sara": (20, 5)}
    (bank,) = data["banks"]
    questions = {q["id"]: q for q in bank["questions"]}
    assert len(questions) == 20
    assert all((q["answers"], q["students"]) == (2, 2) for q in questions.values())
    # Both right on every fourth question, Ali alone on the other even ones, neither on odd.
    assert questions["q0"]["facility"] == 1.0
    assert questions["q2"]["facility"] == 0.5
    assert questions["q1"]["facility"] == 0.0
    assert main(["report", *files]) == 0
    assert capsys.readouterr().out.startswith("Quiz report: 2 students, 40 answers, from 3 files")
