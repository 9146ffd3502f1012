"""A database written by schema version 1 opens, is upgraded in place, and keeps everything.

tests/data/scores-v1.sqlite3 was written by the version-1 store (four sessions, six answers,
one unfinished session, one session with no answer, RTL text and a select-all answer).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.store import Store
from quiz.store import sqlite as store_module

V1 = Path(__file__).parent / "data" / "scores-v1.sqlite3"

V1_SESSION_COLUMNS = "id, bank, title, mode, planned, started, finished"
V1_ANSWER_COLUMNS = (
    "id, session_id, question_id, bank, question, choices, picked, correct, ms, answered"
)


def rows(path: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


@pytest.fixture
def v1(tmp_path: Path) -> Path:
    """A copy of the version-1 database (the file in the repository is never written)."""
    path = tmp_path / "scores.sqlite3"
    shutil.copyfile(V1, path)
    return path


def test_the_fixture_is_a_version_1_database() -> None:
    assert rows(V1, "PRAGMA user_version") == [(1,)]
    tables = {name for (name,) in rows(V1, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"sessions", "answers"}
    assert rows(V1, "SELECT COUNT(*) FROM sessions") == [(4,)]
    assert rows(V1, "SELECT COUNT(*) FROM answers") == [(6,)]


def test_it_is_upgraded_in_place_keeping_every_session_and_answer(v1: Path) -> None:
    sessions_before = rows(v1, f"SELECT {V1_SESSION_COLUMNS} FROM sessions ORDER BY id")
    answers_before = rows(v1, f"SELECT {V1_ANSWER_COLUMNS} FROM answers ORDER BY id")

    with Store.open(v1) as store:
        summaries = store.sessions()

    assert rows(v1, "PRAGMA user_version") == [(len(store_module.MIGRATIONS),)]
    assert len(store_module.MIGRATIONS) == 3
    assert rows(v1, f"SELECT {V1_SESSION_COLUMNS} FROM sessions ORDER BY id") == sessions_before
    assert rows(v1, f"SELECT {V1_ANSWER_COLUMNS} FROM answers ORDER BY id") == answers_before
    assert rows(v1, "SELECT DISTINCT profile FROM sessions") == [("default",)]
    assert rows(v1, "SELECT DISTINCT profile, final FROM answers") == [("default", 1)]
    tables = {name for (name,) in rows(v1, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"cards", "review_log", "new_card_scan"} <= tables
    # Migration 3 totalled the six answers (three right) per session and per question.
    assert rows(v1, "SELECT SUM(answers), SUM(correct) FROM answer_totals") == [(6, 3)]
    assert rows(v1, "SELECT SUM(answers), SUM(correct) FROM question_totals") == [(6, 3)]

    assert [(s.title, s.planned, s.answered, s.correct, s.finished is None) for s in summaries] == [
        ("World capitals", 10, 0, 0, True),
        ("World capitals", 2, 2, 1, False),
        ("عواصم", 2, 1, 0, True),
        ("World capitals", 3, 3, 2, False),
    ]


def test_the_upgraded_database_works_in_every_mode(v1: Path) -> None:
    with Store.open(v1) as store:
        # Japan was wrong, then right: off the list. Egypt and the tag question stay on it.
        assert store.last_wrong() == [
            ("/home/student/banks/arabic.yaml", "egypt"),
            ("/home/student/banks/capitals.yaml", "close-tag"),
        ]
        assert store.answers(2)[0]["picked"] == [0, 2]
        session = store.start_session(bank="/b.yaml", title="B", planned=1, mode="exam")
        store.record_answer(
            session,
            question_id="q",
            question="?",
            choices=["a", "b"],
            picked=0,
            correct=True,
            ms=1,
            replace=True,
        )
        assert store.sessions()[0].answered == 1
    # Opening again migrates nothing more and loses nothing.
    with Store.open(v1) as store:
        assert len(store.sessions()) == 5


def test_quiz_scores_still_lists_them(v1: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scores", "--db", str(v1)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4
    assert "World capitals  0/0 right (-), 0 of 10 answered  (not finished)" in lines[0]
    assert "World capitals  1/2 right (50%), 2 of 2 answered" in lines[1]
    assert "عواصم  0/1 right (0%), 1 of 2 answered  (not finished)" in lines[2]
    assert "World capitals  2/3 right (67%), 3 of 3 answered" in lines[3]

    assert main(["scores", "--json", "--db", str(v1)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(row["answered"], row["correct"]) for row in data] == [(0, 0), (2, 1), (1, 0), (3, 2)]
    assert data[-1] == {
        "bank": "/home/student/banks/capitals.yaml",
        "title": "World capitals",
        "started": "2026-03-02T09:00:00+00:00",
        "finished": "2026-03-02T09:00:11+00:00",
        "planned": 3,
        "answered": 3,
        "correct": 2,
    }


def test_a_failed_upgrade_leaves_the_version_1_file_as_it_was(
    v1: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = v1.read_bytes()
    broken = store_module._statements("SELECT * FROM nowhere")
    monkeypatch.setattr(store_module, "MIGRATIONS", [store_module.MIGRATIONS[0], broken])
    with pytest.raises(store_module.StoreError, match="no such table: nowhere"):
        Store.open(v1)
    assert rows(v1, "PRAGMA user_version") == [(1,)]
    assert rows(v1, "SELECT COUNT(*) FROM answers") == [(6,)]
    assert {n for (n,) in rows(v1, "SELECT name FROM sqlite_master WHERE type='table'")} == {
        "sessions",
        "answers",
    }
    assert len(v1.read_bytes()) == len(before)
