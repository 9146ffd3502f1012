"""Every date and time a user can type works or is one line: the first and last days of the
calendar in the time zones furthest from UTC, impossible days, other digits, huge time limits."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.play.timing import parse_duration
from quiz.store import Store


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch):
    """Set the computer's time zone for the test (TZ), and put it back after."""

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Two answers: 2026-03-01 10:00 UTC and 2026-03-02 10:00 UTC."""
    path = tmp_path / "scores.db"
    with Store.open(path) as store:
        session = store.start_session(bank="/b.yaml", title="B", planned=2)
        for day in (1, 2):
            store.record_answer(
                session,
                question_id=f"q{day}",
                question="Q?",
                choices=["a", "b"],
                picked=0,
                correct=True,
                ms=1000,
                now=datetime(2026, 3, day, 10, 0, tzinfo=UTC),
            )
    return path


def exported(db: Path, since: str, capsys) -> list[str]:
    assert main(["--db", str(db), "results", "export", "--format", "json", "--since", since]) == 0
    return [row["question_id"] for row in json.loads(capsys.readouterr().out)]


# Worked out by hand: midnight of the date in the zone, in UTC, against 10:00 UTC on each day.
CUTS = [
    ("UTC", "2026-03-02", ["q2"]),  # 2026-03-02 00:00 UTC
    ("Pacific/Kiritimati", "2026-03-02", ["q1", "q2"]),  # +14: 2026-03-01 10:00 UTC, inclusive
    ("Etc/GMT+12", "2026-03-02", []),  # -12: 2026-03-02 12:00 UTC, after both
    ("Etc/GMT+12", "2026-03-01", ["q2"]),  # 2026-03-01 12:00 UTC
]


@pytest.mark.parametrize(("name", "since", "expected"), CUTS)
def test_since_cuts_at_local_midnight(db, zone, capsys, name, since, expected) -> None:
    zone(name)
    assert exported(db, since, capsys) == expected


@pytest.mark.parametrize("name", ["UTC", "Pacific/Kiritimati", "Etc/GMT+12", "America/St_Johns"])
@pytest.mark.parametrize(
    ("since", "expected"),
    [
        ("0001-01-01", ["q1", "q2"]),
        ("0001-01-02", ["q1", "q2"]),
        ("1900-01-01", ["q1", "q2"]),
        ("1969-12-31", ["q1", "q2"]),
        ("1970-01-01", ["q1", "q2"]),
        ("2024-02-29", ["q1", "q2"]),
        ("9999-12-30", []),
        ("9999-12-31", []),
        ("٢٠٢٦-٠٣-٠٢", None),  # Arabic-Indic digits: the same as 2026-03-02
        ("۲۰۲۶-۰۳-۰۲", None),  # Persian digits
    ],
)
def test_the_ends_of_the_calendar_work_in_every_zone(db, zone, capsys, name, since, expected):
    zone(name)
    if expected is None:
        assert exported(db, since, capsys) == exported(db, "2026-03-02", capsys)
    else:
        assert exported(db, since, capsys) == expected


@pytest.mark.parametrize(
    "since",
    [
        "2026-02-29",
        "2026-13-01",
        "2026-00-10",
        "0000-01-01",
        "10000-01-01",
        "2026-3-1",
        "yesterday",
        "",
        "2026-03-01T00:00",
        "-2026-03-01",
        "2026/03/01",
        "20260301",
    ],
)
def test_a_date_that_is_not_one_is_one_line(db, capsys, since) -> None:
    assert main(["--db", str(db), "results", "export", f"--since={since}"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "not a date; write it as YYYY-MM-DD" in err


@pytest.mark.parametrize(
    ("text", "seconds"), [("24h", 86400.0), ("1440", 86400.0), ("0.5s", 0.5), ("1h30m", 5400.0)]
)
def test_time_limits_up_to_a_day(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["25h", "1441", "9" * 400 + "h", "9" * 300, "0s", "0", "-5m"])
def test_a_time_limit_beyond_a_day_or_none_is_one_line(capsys, tmp_path, text) -> None:
    bank = tmp_path / "b.yaml"
    bank.write_text("title: T\nquestions: []\n", encoding="utf-8")
    assert main(["play", str(bank), "--mode", "exam", "--time-limit", text]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "quiz: error:" in err
