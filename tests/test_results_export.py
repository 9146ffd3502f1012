"""`quiz results export`: a row per answer that counts, as CSV (BOM) or JSON; --since exact."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest

from quiz.cli import build_parser, main
from quiz.progress import export as results_export
from quiz.progress.export import (
    BOM,
    COLUMNS,
    ExportError,
    csv_cells,
    export_rows,
    parse_since,
    run_export,
    write_csv,
    write_json,
)
from quiz.store import Store, StoreError
from quiz.store.sqlite import MIGRATIONS

RIYADH = timezone(timedelta(hours=3))
GEO = "/class/banks/geography.yaml"
MATH = "/class/banks/math.yaml"
CAIRO = "ما عاصمة مصر؟"
EGYPT = ["القاهرة", "الإسكندرية", "أسوان"]


def seed(path: Path | str) -> None:
    """A database with known answers: two profiles, an Arabic question, a changed exam answer."""
    t0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    late = datetime(2026, 3, 2, 20, 59, tzinfo=UTC)  # 23:59 in Riyadh
    with Store.open(path) as store:
        geo = store.start_session(bank=GEO, title="Geography", planned=2, now=t0)
        store.record_answer(
            geo,
            question_id="g1",
            question='Capital of France, "the city of light"?',
            choices=["Paris", "Lyon", "Nice"],
            picked=0,
            correct=True,
            ms=1250,
            now=t0 + timedelta(seconds=10),
        )
        store.record_answer(
            geo,
            question_id="g2",
            question=CAIRO,
            choices=EGYPT,
            picked=1,
            correct=False,
            ms=4049,
            now=t0 + timedelta(seconds=20),
        )
        store.finish_session(geo, now=t0 + timedelta(minutes=1))
        exam = store.start_session(
            bank=MATH, title="Math, basics", planned=2, mode="exam", profile="sara", now=late
        )
        store.record_answer(
            exam,
            question_id="m1",
            question="Which are even?",
            choices=["2", "3", "4"],
            picked=[2, 0],
            correct=True,
            ms=900,
            now=late + timedelta(seconds=59),  # 23:59:59 in Riyadh
        )
        # Changed before submitting: only the second answer counts, and only it is exported.
        store.record_answer(
            exam,
            question_id="m2",
            question="7 × 6 = ?",
            choices=["42", "36"],
            picked=1,
            correct=False,
            ms=2000,
            now=late + timedelta(minutes=1),  # midnight in Riyadh
        )
        store.record_answer(
            exam,
            question_id="m2",
            question="7 × 6 = ?",
            choices=["42", "36"],
            picked=0,
            correct=True,
            ms=3000,
            replace=True,
            now=late + timedelta(minutes=2),
        )
        store.finish_session(exam, now=late + timedelta(minutes=3))


#: Where the database's own id goes in an expected row: it is random, made once per database,
#: so `expected` puts in the one the database holds (read with sqlite3 or psycopg, not the store).
DATABASE = "<the database's id>"
G1 = {
    "profile": "default",
    "bank": GEO,
    "bank_title": "Geography",
    "question_id": "g1",
    "question": 'Capital of France, "the city of light"?',
    "choices": ["Paris", "Lyon", "Nice"],
    "picked": ["Paris"],
    "result": "right",
    "seconds": 1.3,
    "answered_at": "2026-03-01T11:00:10+03:00",
    "database": DATABASE,
    "session": 1,
    "answer_id": 1,
    "mode": "practice",
    "attempt": 1,
}
G2 = {
    "profile": "default",
    "bank": GEO,
    "bank_title": "Geography",
    "question_id": "g2",
    "question": CAIRO,
    "choices": EGYPT,
    "picked": ["الإسكندرية"],
    "result": "wrong",
    "seconds": 4.0,
    "answered_at": "2026-03-01T11:00:20+03:00",
    "database": DATABASE,
    "session": 1,
    "answer_id": 2,
    "mode": "practice",
    "attempt": 1,
}
M1 = {
    "profile": "sara",
    "bank": MATH,
    "bank_title": "Math, basics",
    "question_id": "m1",
    "question": "Which are even?",
    "choices": ["2", "3", "4"],
    "picked": ["2", "4"],
    "result": "right",
    "seconds": 0.9,
    "answered_at": "2026-03-02T23:59:59+03:00",
    "database": DATABASE,
    "session": 2,
    "answer_id": 3,
    "mode": "exam",
    "attempt": 1,
}
M2 = {
    "profile": "sara",
    "bank": MATH,
    "bank_title": "Math, basics",
    "question_id": "m2",
    "question": "7 × 6 = ?",
    "choices": ["42", "36"],
    "picked": ["42"],
    "result": "right",
    "seconds": 3.0,
    "answered_at": "2026-03-03T00:01:00+03:00",
    "database": DATABASE,
    "session": 2,
    "answer_id": 5,
    "mode": "exam",
    "attempt": 1,
}


@pytest.fixture
def db(db_target: Path | str) -> Path | str:
    seed(db_target)
    return db_target


def stored_id(db: Path | str) -> str:
    """The id in the database's table database_id, read under the store."""
    if isinstance(db, str):
        import psycopg

        with psycopg.connect(db) as conn:
            rows = conn.execute("SELECT id FROM database_id").fetchall()
    else:
        conn = sqlite3.connect(db)
        rows = conn.execute("SELECT id FROM database_id").fetchall()
        conn.close()
    assert len(rows) == 1
    return rows[0][0]


def expected(db: Path | str, *rows: dict) -> list[dict]:
    """The rows with the database's id in their `database` column."""
    database = stored_id(db)
    return [dict(row, database=database) for row in rows]


def test_rows_are_exactly_the_answers_that_count_oldest_first(db: Path | str) -> None:
    assert list(export_rows(db, tz=RIYADH)) == expected(db, G1, G2, M1, M2)


def test_an_open_store_can_be_exported_too(db: Path | str) -> None:
    with Store.open(db) as store:
        assert list(export_rows(store, tz=RIYADH)) == expected(db, G1, G2, M1, M2)


def test_times_are_written_in_the_zone_asked_with_its_offset(db: Path | str) -> None:
    rows = list(export_rows(db, tz=UTC))
    assert [r["answered_at"] for r in rows] == [
        "2026-03-01T08:00:10+00:00",
        "2026-03-01T08:00:20+00:00",
        "2026-03-02T20:59:59+00:00",
        "2026-03-02T21:01:00+00:00",
    ]


@pytest.mark.parametrize(
    ("since", "tz", "expected"),
    [
        (date(2026, 3, 1), RIYADH, ["g1", "g2", "m1", "m2"]),
        (date(2026, 3, 2), RIYADH, ["m1", "m2"]),
        # Midnight in Riyadh is 21:00 UTC: 23:59:59 the day before is out, 00:01 is in.
        (date(2026, 3, 3), RIYADH, ["m2"]),
        (date(2026, 3, 3), UTC, []),
        (date(2026, 3, 2), UTC, ["m1", "m2"]),
        (date(2026, 3, 4), RIYADH, []),
    ],
)
def test_since_keeps_the_answers_from_midnight_of_that_date(
    db: Path, since: date, tz: timezone, expected: list[str]
) -> None:
    assert [r["question_id"] for r in export_rows(db, since, tz=tz)] == expected


def test_since_midnight_is_inclusive(tmp_path: Path) -> None:
    path = tmp_path / "scores.sqlite3"
    midnight = datetime(2026, 3, 3, tzinfo=RIYADH)
    with Store.open(path) as store:
        session = store.start_session(bank=GEO, title="G", planned=2, now=midnight)
        for n, moment in enumerate([midnight - timedelta(microseconds=1), midnight]):
            store.record_answer(
                session,
                question_id=f"q{n}",
                question="?",
                choices=["a", "b"],
                picked=0,
                correct=True,
                ms=0,
                now=moment,
            )
    assert [r["question_id"] for r in export_rows(path, date(2026, 3, 3), tz=RIYADH)] == ["q1"]


def test_one_profile_can_be_exported(db: Path | str) -> None:
    assert [r["question_id"] for r in export_rows(db, profile="sara")] == ["m1", "m2"]
    assert list(export_rows(db, profile="nobody")) == []


def test_the_local_time_zone_is_the_default(db: Path | str) -> None:
    local = datetime(2026, 3, 1, 8, 0, 10, tzinfo=UTC).astimezone().isoformat(timespec="seconds")
    assert next(iter(export_rows(db)))["answered_at"] == local


def test_offsets_follow_daylight_saving_time_to_the_minute(tmp_path: Path) -> None:
    try:
        newfoundland = ZoneInfo("America/St_Johns")
    except ZoneInfoNotFoundError:
        pytest.skip("no time zone database (tzdata) here")
    path = tmp_path / "scores.sqlite3"
    # Clocks go forward at 02:00 local, 05:30 UTC, on 8 March 2026: a half-hour zone.
    change = datetime(2026, 3, 8, 5, 30, tzinfo=UTC)
    with Store.open(path) as store:
        session = store.start_session(bank=GEO, title="G", planned=3, now=change)
        for n, moment in enumerate([change - timedelta(seconds=1), change, change]):
            store.record_answer(
                session,
                question_id=f"q{n}",
                question="?",
                choices=["a", "b"],
                picked=0,
                correct=True,
                ms=0,
                now=moment,
            )
    assert [r["answered_at"] for r in export_rows(path, tz=newfoundland)] == [
        "2026-03-08T01:59:59-03:30",
        "2026-03-08T03:00:00-02:30",
        "2026-03-08T03:00:00-02:30",
    ]
    assert [r["question_id"] for r in export_rows(path, date(2026, 3, 8), tz=newfoundland)] == [
        "q0",
        "q1",
        "q2",
    ]


def test_rows_are_streamed_not_gathered(db: Path | str) -> None:
    rows = export_rows(db, tz=RIYADH)
    assert isinstance(rows, Iterator)
    assert next(rows) == expected(db, G1)[0]
    rows.close()


def test_a_database_before_profiles_exports_the_default_profile(tmp_path: Path) -> None:
    # A version 1 database (no profile, no final), which the export brings up to date first.
    path = tmp_path / "v1.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    MIGRATIONS[0](conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO sessions (id, bank, title, planned, started)"
        " VALUES (1, 'b.yaml', 'B', 1, '2026-03-01T08:00:00.000000+00:00')"
    )
    conn.execute(
        "INSERT INTO answers (session_id, question_id, bank, question, choices, picked, correct,"
        " ms, answered) VALUES (1, 'q', 'b.yaml', 'Q?', '[\"x\", \"y\"]', '[1]', 0, 49,"
        " '2026-03-01T08:00:01.000000+00:00')"
    )
    conn.close()
    rows = list(export_rows(path, tz=UTC))
    assert rows == [
        {
            "profile": "default",
            "bank": "b.yaml",
            "bank_title": "B",
            "question_id": "q",
            "question": "Q?",
            "choices": ["x", "y"],
            "picked": ["y"],
            "result": "wrong",
            "seconds": 0.0,
            "answered_at": "2026-03-01T08:00:01+00:00",
            "database": stored_id(path),
            "session": 1,
            "answer_id": 1,
            "mode": "practice",
            "attempt": 1,
        }
    ]


@pytest.mark.parametrize(
    ("ms", "seconds"), [(0, 0.0), (49, 0.0), (50, 0.1), (1249, 1.2), (1250, 1.3), (61999, 62.0)]
)
def test_seconds_are_rounded_to_a_tenth_halves_up(ms: int, seconds: float) -> None:
    assert results_export._seconds(ms) == seconds


# -- CSV ------------------------------------------------------------------------------------------


def test_csv_file_starts_with_the_bom_and_reads_back_with_arabic_intact(
    db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "ali.csv"
    assert run_export(db, output=out) == 4
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + b"profile,bank,bank_title,question_id,question,")
    assert b"\r\n" in data
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == list(COLUMNS)
    assert rows[2][COLUMNS.index("question")] == CAIRO
    assert rows[2][COLUMNS.index("choices")] == "القاهرة | الإسكندرية | أسوان"
    assert rows[2][COLUMNS.index("picked")] == "الإسكندرية"
    assert len(rows) == 5


def test_csv_cells_are_the_contract(db: Path | str) -> None:
    stream = io.StringIO(newline="")
    assert write_csv(export_rows(db, tz=RIYADH), stream) == 4
    text = stream.getvalue()
    assert text.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(text.removeprefix(BOM), newline="")))
    database = stored_id(db)
    assert rows == [
        {
            "profile": "default",
            "bank": GEO,
            "bank_title": "Geography",
            "question_id": "g1",
            "question": 'Capital of France, "the city of light"?',
            "choices": "Paris | Lyon | Nice",
            "picked": "Paris",
            "result": "right",
            "seconds": "1.3",
            "answered_at": "2026-03-01T11:00:10+03:00",
            "database": database,
            "session": "1",
            "answer_id": "1",
            "mode": "practice",
            "attempt": "1",
        },
        dict(zip(COLUMNS, csv_cells(expected(db, G2)[0]), strict=True)),
        {
            "profile": "sara",
            "bank": MATH,
            "bank_title": "Math, basics",
            "question_id": "m1",
            "question": "Which are even?",
            "choices": "2 | 3 | 4",
            "picked": "2 | 4",
            "result": "right",
            "seconds": "0.9",
            "answered_at": "2026-03-02T23:59:59+03:00",
            "database": database,
            "session": "2",
            "answer_id": "3",
            "mode": "exam",
            "attempt": "1",
        },
        dict(zip(COLUMNS, csv_cells(expected(db, M2)[0]), strict=True)),
    ]
    # Commas and quotes in a cell are quoted by the csv module.
    assert '"Capital of France, ""the city of light""?"' in text
    assert ',"Math, basics",' in text


def test_an_empty_database_exports_a_header_only(tmp_path: Path) -> None:
    path = tmp_path / "scores.sqlite3"
    Store.open(path).close()
    stream = io.StringIO(newline="")
    assert write_csv(export_rows(path), stream) == 0
    assert stream.getvalue() == BOM + ",".join(COLUMNS) + "\r\n"


def test_stdout_gets_utf8_whatever_its_encoding(db: Path | str) -> None:
    raw = io.BytesIO()
    stdout = io.TextIOWrapper(raw, encoding="ascii", newline="")
    assert run_export(db, stdout=stdout) == 4
    assert not stdout.closed  # the export's UTF-8 writer was detached, not closed
    data = raw.getvalue()
    assert data.startswith(b"\xef\xbb\xbfprofile,")
    assert CAIRO.encode() in data


# -- JSON -----------------------------------------------------------------------------------------


def test_json_is_an_array_of_objects_with_the_columns(db: Path | str, tmp_path: Path) -> None:
    out = tmp_path / "ali.json"
    # The format follows the extension of -o when --format is not given.
    assert run_export(db, output=out) == 4
    data = out.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert CAIRO.encode() in data  # written as text, not \u escapes
    rows = json.loads(data)
    assert [list(row) for row in rows] == [list(COLUMNS)] * 4
    local = [dict(row, answered_at=None) for row in rows]
    assert local == [dict(row, answered_at=None) for row in expected(db, G1, G2, M1, M2)]
    assert isinstance(rows[0]["answer_id"], int)
    assert isinstance(rows[0]["seconds"], float)
    assert isinstance(rows[0]["choices"], list)


def test_empty_json_is_an_empty_array() -> None:
    stream = io.StringIO()
    assert write_json([], stream) == 0
    assert json.loads(stream.getvalue()) == []


def test_format_option_wins_over_the_extension(db: Path | str, tmp_path: Path) -> None:
    out = tmp_path / "ali.json"
    run_export(db, fmt="csv", output=out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


# -- mistakes -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["2026-3-1", "01/03/2026", "2026-02-30", "yesterday", ""])
def test_a_bad_since_is_one_clear_line(text: str) -> None:
    with pytest.raises(ValueError, match=r"--since .*: not a date; write it as YYYY-MM-DD"):
        parse_since(text)


def test_since_parses_a_date() -> None:
    assert parse_since(" 2026-03-01 ") == date(2026, 3, 1)


def test_an_existing_file_is_not_overwritten_without_force(db: Path | str, tmp_path: Path) -> None:
    out = tmp_path / "ali.csv"
    out.write_text("keep me", encoding="utf-8")
    with pytest.raises(ExportError, match=r"ali.csv already exists; .* add --force"):
        run_export(db, output=out)
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run_export(db, output=out, force=True) == 4
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_missing_database_is_reported_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nothing" / "scores.sqlite3"
    with pytest.raises(ExportError, match="no score database here; play a quiz first"):
        run_export(path, stdout=io.StringIO())
    assert not path.parent.exists()


def test_a_file_that_is_not_a_database_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "scores.sqlite3"
    path.write_text("hello", encoding="utf-8")
    stdout = io.StringIO()
    with pytest.raises(ExportError) as raised:
        run_export(path, stdout=stdout)
    assert "\n" not in str(raised.value)
    assert str(path) in str(raised.value)
    assert stdout.getvalue() == ""  # nothing written before the problem was found
    with pytest.raises(StoreError):
        list(export_rows(path))


def test_a_failed_export_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "ali.csv"
    with pytest.raises(ExportError):
        run_export(tmp_path / "missing.sqlite3", output=out)
    assert list(tmp_path.iterdir()) == []


def test_an_output_in_a_missing_folder_is_one_line(db: Path | str, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"cannot write it \(No such file or directory\)"):
        run_export(db, output=tmp_path / "no" / "ali.csv")


# -- through the command line, once quiz.cli has the command ------------------------------------


def _cli_has(command: str) -> bool:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return command in action.choices
    return False


needs_cli = pytest.mark.skipif(
    not _cli_has("results"), reason="quiz.cli has no 'results' command yet"
)


@needs_cli
def test_cli_exports_to_a_file(db: Path | str, tmp_path: Path) -> None:
    out = tmp_path / "ali.csv"
    assert (
        main(["--db", str(db), "results", "export", "--since", "2026-03-01", "-o", str(out)]) == 0
    )
    assert out.read_bytes().startswith(b"\xef\xbb\xbfprofile,")


@needs_cli
def test_cli_bad_since_is_a_usage_error(db: Path | str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db), "results", "export", "--since", "March"]) == 2
    err = capsys.readouterr().err
    assert "write it as YYYY-MM-DD" in err
    assert len(err.strip().splitlines()) == 1
