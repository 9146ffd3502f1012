"""`quiz results export`: --profile and --all-profiles, and the columns database, session,
answer_id, mode and attempt, on a seeded database with numbers worked out by hand."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from helpers import record

from quiz.cli import main
from quiz.progress.export import COLUMNS, export_rows
from quiz.store import Store

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
BANK = "/class/geo.yaml"


def seed(target: Path | str) -> None:
    """amal: practice (q1 wrong, q2 right), then a review of q1 (right) on 3 March; sara: an
    exam whose q1 answer is changed (only the second counts), then a practice of q1."""
    with Store.open(target) as store:
        one = store.start_session(bank=BANK, title="Geo", planned=2, profile="amal", now=T0)
        record(store, one, "q1", correct=False, now=T0)  # answer 1
        record(store, one, "q2", correct=True, now=T0 + timedelta(seconds=1))  # answer 2
        store.finish_session(one, now=T0 + timedelta(minutes=1))
        exam = store.start_session(
            bank=BANK, title="Geo", planned=1, mode="exam", profile="sara", now=T0
        )
        record(store, exam, "q1", correct=False, now=T0 + timedelta(seconds=2))  # 3, replaced
        record(store, exam, "q1", correct=True, replace=True, now=T0 + timedelta(seconds=3))  # 4
        store.finish_session(exam, now=T0 + timedelta(minutes=2))
        later = T0 + timedelta(days=2)
        review = store.start_session(
            bank=BANK, title="Geo", planned=1, mode="review", profile="amal", now=later
        )
        record(store, review, "q1", correct=True, now=later)  # answer 5
        store.finish_session(review, now=later + timedelta(minutes=1))
        again = store.start_session(bank=BANK, title="Geo", planned=1, profile="sara", now=later)
        record(store, again, "q1", correct=False, now=later + timedelta(seconds=1))  # answer 6
        store.finish_session(again, now=later + timedelta(minutes=1))


@pytest.fixture
def db(db_target: Path | str) -> Path | str:
    seed(db_target)
    return db_target


def picked(rows: list[dict], *keys: str) -> list[tuple]:
    return [tuple(row[k] for k in keys) for row in rows]


KEYS = ("profile", "question_id", "session", "answer_id", "mode", "attempt", "result")


def test_each_row_names_its_session_answer_mode_and_attempt(db: Path | str) -> None:
    rows = list(export_rows(db, tz=UTC))
    assert picked(rows, *KEYS) == [
        ("amal", "q1", 1, 1, "practice", 1, "wrong"),
        ("amal", "q2", 1, 2, "practice", 1, "right"),
        # The exam's first answer to q1 (answer 3) was replaced: not exported, not an attempt.
        ("sara", "q1", 2, 4, "exam", 1, "right"),
        ("amal", "q1", 3, 5, "review", 2, "right"),
        ("sara", "q1", 4, 6, "practice", 2, "wrong"),
    ]
    (database,) = {row["database"] for row in rows}
    assert len(database) == 32 and set(database) <= set("0123456789abcdef")


def test_attempts_count_the_answers_before_since_too(db: Path | str) -> None:
    rows = list(export_rows(db, date(2026, 3, 2), tz=UTC))
    assert picked(rows, "profile", "answer_id", "attempt") == [("amal", 5, 2), ("sara", 6, 2)]


def test_one_profile_keeps_its_attempts(db: Path | str) -> None:
    rows = list(export_rows(db, tz=UTC, profile="sara"))
    assert picked(rows, "answer_id", "attempt") == [(4, 1), (6, 2)]


def test_two_databases_have_two_ids_and_each_keeps_its_own(tmp_path: Path) -> None:
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    seed(first)
    seed(second)
    ids = [{r["database"] for r in export_rows(path)} for path in (first, second, first)]
    assert len(ids[0]) == len(ids[1]) == 1
    assert ids[0] != ids[1]
    assert ids[2] == ids[0]
    conn = sqlite3.connect(first)
    assert conn.execute("SELECT id FROM database_id").fetchall() == [(ids[0].pop(),)]
    conn.close()


def test_csv_and_json_carry_the_new_columns_last(db: Path | str, tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    assert main(["--db", str(db), "results", "export", "-o", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as stream:
        table = list(csv.reader(stream))
    assert table[0][-5:] == ["database", "session", "answer_id", "mode", "attempt"]
    assert table[0] == list(COLUMNS)
    assert [row[-4:] for row in table[1:]] == [
        ["1", "1", "practice", "1"],
        ["1", "2", "practice", "1"],
        ["2", "4", "exam", "1"],
        ["3", "5", "review", "2"],
        ["4", "6", "practice", "2"],
    ]
    as_json = tmp_path / "all.json"
    assert main(["--db", str(db), "results", "export", "-o", str(as_json)]) == 0
    rows = json.loads(as_json.read_text(encoding="utf-8"))
    assert [(r["session"], r["answer_id"], r["mode"], r["attempt"]) for r in rows][-1] == (
        4,
        6,
        "practice",
        2,
    )


def export_profiles(argv: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(argv) == 0
    text = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    return [row["profile"] for row in rows]


def test_profile_keeps_one_and_the_default_keeps_every_profile(
    db: Path | str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("QUIZ_PROFILE", raising=False)
    base = ["--db", str(db), "results", "export"]
    everyone = ["amal", "amal", "sara", "amal", "sara"]
    assert export_profiles(base, capsys) == everyone
    assert export_profiles([*base, "--profile", "sara"], capsys) == ["sara", "sara"]
    assert export_profiles(["--profile", "amal", *base], capsys) == ["amal"] * 3
    assert export_profiles([*base, "--all-profiles"], capsys) == everyone
    monkeypatch.setenv("QUIZ_PROFILE", "sara")
    assert export_profiles(base, capsys) == ["sara", "sara"]
    assert export_profiles([*base, "--all-profiles"], capsys) == everyone


def test_profile_and_all_profiles_together_is_a_usage_error(
    db: Path | str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--db", str(db), "results", "export", "--profile", "sara", "--all-profiles"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "--profile and --all-profiles: choose one" in err
    assert "Traceback" not in err
