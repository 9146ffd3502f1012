"""Tests for the score database: round trips, scores, durability, concurrency and bad files."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from quiz.store import BankScore, SessionSummary, Store, StoreError
from quiz.store import sqlite as store_module

ROOT = Path(__file__).resolve().parents[1]
T0 = datetime(2026, 11, 29, 10, 54, 58, tzinfo=UTC)


def run_python(code: str, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run code in a fresh interpreter that imports quiz from this checkout."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Return every file under a folder with its bytes, to prove nothing was written."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def answer(
    store: Store, session: int, n: int, *, correct: bool, at: datetime | None = None
) -> None:
    """Record a simple answer numbered n."""
    store.record_answer(
        session,
        question_id=f"q{n}",
        question=f"Question {n}?",
        choices=["yes", "no"],
        picked=0 if correct else 1,
        correct=correct,
        ms=100 * n,
        now=at,
    )


# Round trips


def test_round_trip_returns_exactly_what_went_in(db_target: Path | str) -> None:
    given = [
        ("cap-fr", "Capital of France?", ["Lyon", "Paris", "Nice"], 1, True, 1234),
        ("close-tag", "Close tag [/", ["[b]", "[/", "ok"], 0, False, 0),
        ("rtl", "ما هي عاصمة مصر؟", ["القاهرة", "الإسكندرية", "🐪"], 2, False, 98765),
    ]
    with Store.open(db_target) as store:
        session = store.start_session(
            bank="questions/geo.yaml", title="Geography", planned=5, now=T0
        )
        for n, (question_id, question, choices, picked, correct, ms) in enumerate(given):
            store.record_answer(
                session,
                question_id=question_id,
                question=question,
                choices=choices,
                picked=picked,
                correct=correct,
                ms=ms,
                now=T0 + timedelta(seconds=n + 1),
            )
        store.finish_session(session, now=T0 + timedelta(minutes=7, seconds=5))

    with Store.open(db_target) as store:
        assert store.sessions() == [
            SessionSummary(
                id=session,
                bank="questions/geo.yaml",
                title="Geography",
                started=T0,
                finished=T0 + timedelta(minutes=7, seconds=5),
                planned=5,
                answered=3,
                correct=1,
            )
        ]
        assert store.answers(session) == [
            {
                "question_id": question_id,
                "question": question,
                "choices": choices,
                "picked": [picked],
                "correct": correct,
                "ms": ms,
                "answered": T0 + timedelta(seconds=n + 1),
            }
            for n, (question_id, question, choices, picked, correct, ms) in enumerate(given)
        ]
        assert store.sessions()[0].as_json() == {
            "bank": "questions/geo.yaml",
            "title": "Geography",
            "started": "2026-11-29T10:54:58+00:00",
            "finished": "2026-11-29T11:02:03+00:00",
            "planned": 5,
            "answered": 3,
            "correct": 1,
            "mode": "practice",
            "kind": "practice",
            "score": 0.2,
        }


def test_times_are_aware_utc_and_unfinished_is_null(db_target: Path | str) -> None:
    paris = timezone(timedelta(hours=1))
    with Store.open(db_target) as store:
        store.start_session(
            bank="b.yaml", title="B", planned=1, now=datetime(2026, 11, 29, 11, 54, 58, 5, paris)
        )
        store.start_session(bank="c.yaml", title="C", planned=1)
        summary = store.sessions()[-1]
        assert summary.started == T0 + timedelta(microseconds=5)
        assert summary.started.utcoffset() == timedelta(0)
        assert summary.as_json()["started"] == "2026-11-29T10:54:58.000005+00:00"
        assert summary.as_json()["finished"] is None
        assert store.sessions()[0].started.tzinfo is not None
        with pytest.raises(ValueError, match="timezone-aware"):
            store.start_session(bank="b.yaml", title="B", planned=1, now=datetime(2026, 1, 1))


def test_sessions_are_newest_first_by_started_then_id(db_target: Path | str) -> None:
    with Store.open(db_target) as store:
        middle = store.start_session(bank="a", title="A", planned=1, now=T0)
        oldest = store.start_session(bank="a", title="A", planned=1, now=T0 - timedelta(days=1))
        newest = store.start_session(bank="a", title="A", planned=1, now=T0 + timedelta(hours=1))
        # A tenth of a second later sorts after, though its text has a fraction and T0 has none.
        tie_a = store.start_session(bank="a", title="A", planned=1, now=T0 + timedelta(hours=2))
        tie_b = store.start_session(bank="a", title="A", planned=1, now=T0 + timedelta(hours=2))
        assert [s.id for s in store.sessions()] == [tie_b, tie_a, newest, middle, oldest]
        assert [s.id for s in store.sessions(limit=2)] == [tie_b, tie_a]
        assert store.sessions(limit=0) == []
        later = store.start_session(bank="a", title="A", planned=1, now=T0 + timedelta(seconds=0.1))
        assert [s.id for s in store.sessions()][3:5] == [later, middle]


def test_answers_of_an_unknown_session_is_empty(db_target: Path | str) -> None:
    with Store.open(db_target) as store:
        assert store.answers(42) == []
        assert store.sessions() == []
        assert store.bank_scores() == {}


def test_bad_arguments_are_refused_and_nothing_is_saved(db_target: Path | str) -> None:
    with Store.open(db_target) as store:
        session = store.start_session(bank="b", title="B", planned=2)
        with pytest.raises(ValueError, match="no session 99"):
            answer(store, 99, 1, correct=True)
        with pytest.raises(ValueError, match="no session 99"):
            store.finish_session(99)
        with pytest.raises(ValueError, match="picked 2"):
            store.record_answer(
                session,
                question_id="q",
                question="Q",
                choices=["a", "b"],
                picked=2,
                correct=True,
                ms=1,
            )
        with pytest.raises(ValueError, match="ms"):
            store.record_answer(
                session,
                question_id="q",
                question="Q",
                choices=["a"],
                picked=0,
                correct=True,
                ms=-1,
            )
        with pytest.raises(TypeError):
            store.record_answer(
                session,
                question_id="q",
                question="Q",
                choices="ab",
                picked=0,
                correct=True,
                ms=1,
            )
        with pytest.raises(ValueError, match="planned"):
            store.start_session(bank="b", title="B", planned=-1)
        assert store.answers(session) == []
        assert [s.id for s in store.sessions()] == [session]


# Scores


def test_bank_scores_best_last_and_sessions(db_target: Path | str) -> None:
    with Store.open(db_target) as store:
        # Bank a: finished 2/3, finished 3/4, then an unfinished 2/2, then a finished one with
        # no answers. The 3/4 session is inserted last but started second.
        first = store.start_session(bank="a.yaml", title="A", planned=3, now=T0)
        for n, correct in enumerate([True, False, True]):
            answer(store, first, n, correct=correct)
        store.finish_session(first, now=T0 + timedelta(minutes=1))
        unfinished = store.start_session(
            bank="a.yaml", title="A", planned=4, now=T0 + timedelta(days=2)
        )
        answer(store, unfinished, 0, correct=True)
        answer(store, unfinished, 1, correct=True)
        empty = store.start_session(bank="a.yaml", title="A", planned=4, now=T0 + timedelta(days=3))
        store.finish_session(empty, now=T0 + timedelta(days=3, minutes=1))
        second = store.start_session(
            bank="a.yaml", title="A", planned=4, now=T0 + timedelta(days=1)
        )
        for n, correct in enumerate([True, True, False, True]):
            answer(store, second, n, correct=correct)
        store.finish_session(second, now=T0 + timedelta(days=1, minutes=1))
        # Bank b: only a finished session without answers.
        nothing = store.start_session(bank="b.yaml", title="B", planned=2, now=T0)
        store.finish_session(nothing, now=T0)
        # Bank c: an unfinished session with one wrong answer.
        wrong = store.start_session(bank="c.yaml", title="C", planned=2, now=T0)
        answer(store, wrong, 0, correct=False)

        scores = store.bank_scores()

    # Best and last: finished runs only, right / planned (docs/scores.md). The latest started
    # finished run of a is the one with no answers: 0/4; the unfinished 2/2 never counts.
    assert scores == {
        "a.yaml": BankScore(best=75.0, last=0.0, sessions=4),
        "b.yaml": BankScore(best=0.0, last=0.0, sessions=1),
        "c.yaml": BankScore(best=None, last=None, sessions=1),
    }


def test_bank_scores_last_is_the_latest_started_session(db_target: Path | str) -> None:
    with Store.open(db_target) as store:
        late = store.start_session(bank="a", title="A", planned=3, now=T0 + timedelta(hours=1))
        answer(store, late, 0, correct=True)
        answer(store, late, 1, correct=False)
        answer(store, late, 2, correct=False)
        store.finish_session(late, now=T0 + timedelta(hours=2))
        early = store.start_session(bank="a", title="A", planned=1, now=T0)
        answer(store, early, 0, correct=True)
        store.finish_session(early, now=T0 + timedelta(hours=3))
        score = store.bank_scores()["a"]
    assert score.last == pytest.approx(100 / 3)
    assert score.best == 100.0
    assert score.sessions == 2


# Durability and concurrency

KILLED_CHILD = """
import os, signal, sys
from pathlib import Path
from quiz.store import Store

store = Store.open(sys.argv[1])
session = store.start_session(bank="b.yaml", title="B", planned=5)
for n in range(3):
    store.record_answer(
        session, question_id=f"q{n}", question="Q?", choices=["a", "b"], picked=n % 2,
        correct=n % 2 == 0, ms=n,
    )
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_answers_survive_the_process_being_killed(db_target: Path | str) -> None:
    path = db_target
    result = run_python(KILLED_CHILD, str(path))
    assert result.returncode == -signal.SIGKILL, result.stderr
    with Store.open(path) as store:
        [summary] = store.sessions()
        assert (summary.answered, summary.correct, summary.finished) == (3, 2, None)
        assert [row["question_id"] for row in store.answers(summary.id)] == ["q0", "q1", "q2"]


WRITER_CHILD = """
import sys
from pathlib import Path
from quiz.store import Store

path, name = sys.argv[1], sys.argv[2]
print("ready", flush=True)
sys.stdin.readline()
with Store.open(path) as store:
    session = store.start_session(bank=name, title=name, planned=200)
    for n in range(200):
        store.record_answer(
            session, question_id=f"{name}-{n}", question="Q?", choices=["a", "b"],
            picked=n % 2, correct=n % 2 == 0, ms=n,
        )
    store.finish_session(session)
"""


def test_two_quizzes_writing_at_once_keep_every_answer(db_target: Path | str) -> None:
    path = db_target
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER_CHILD, str(path), name],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("left", "right")
    ]
    try:
        # Both are started and waiting before either opens the (not yet created) database.
        for writer in writers:
            assert writer.stdout is not None
            assert writer.stdout.readline() == "ready\n"
        for writer in writers:
            assert writer.stdin is not None
            writer.stdin.write("go\n")
            writer.stdin.flush()
        for writer in writers:
            _, stderr = writer.communicate(timeout=60)
            assert writer.returncode == 0, stderr
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
                writer.wait()

    with Store.open(path) as store:
        summaries = store.sessions()
        assert sorted(s.bank for s in summaries) == ["left", "right"]
        for summary in summaries:
            assert (summary.answered, summary.correct) == (200, 100)
            assert summary.finished is not None
            rows = store.answers(summary.id)
            assert [row["question_id"] for row in rows] == [
                f"{summary.bank}-{n}" for n in range(200)
            ]


def test_a_worker_thread_can_record_answers(db_target: Path | str) -> None:
    with Store.open(db_target) as store:
        session = store.start_session(bank="b", title="B", planned=1)
        worker = threading.Thread(target=answer, args=(store, session, 1), kwargs={"correct": True})
        worker.start()
        worker.join()
        assert store.sessions()[0].answered == 1


def test_a_database_locked_too_long_is_a_store_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "scores.db"
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT", 0.05)
    with Store.open(path) as store:
        session = store.start_session(bank="b", title="B", planned=1)
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreError) as caught:
                answer(store, session, 1, correct=True)
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert str(caught.value).startswith(f"{path}: cannot save the answer (database is locked)")
        answer(store, session, 2, correct=True)
        assert store.sessions()[0].answered == 1


# Pragmas, schema and migrations


def test_pragmas_on_the_store_connection(tmp_path: Path) -> None:
    with Store.open(tmp_path / "scores.db") as store:
        connection = store._conn
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert connection.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000
        assert connection.execute("PRAGMA user_version").fetchone()[0] == len(
            store_module.MIGRATIONS
        )
        assert (
            connection.execute("PRAGMA application_id").fetchone()[0] == store_module.APPLICATION_ID
        )
        indexes = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='index'")
        }
        assert {"answers_by_question", "answers_by_session", "sessions_by_started"} <= indexes


def test_open_creates_missing_folders(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "scores.db"
    with Store.open(path) as store:
        store.start_session(bank="b", title="B", planned=1)
    assert path.is_file()


def test_deleting_a_session_deletes_its_answers(db_target: Path | str) -> None:
    with Store.open(db_target) as store:
        session = store.start_session(bank="b", title="B", planned=1)
        answer(store, session, 1, correct=True)
        store._conn.execute(f"DELETE FROM sessions WHERE id = {session}")
        assert store.answers(session) == []


def test_new_migrations_are_applied_once_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "scores.db"
    with Store.open(path) as store:
        session = store.start_session(bank="b", title="B", planned=1)
    steps = [
        *store_module.MIGRATIONS,
        store_module._statements("CREATE TABLE profiles (name TEXT)"),
        store_module._statements("INSERT INTO profiles VALUES ('me')"),
    ]
    monkeypatch.setattr(store_module, "MIGRATIONS", steps)
    for _ in range(2):
        with Store.open(path) as store:
            connection = store._conn
            assert connection.execute("PRAGMA user_version").fetchone()[0] == len(steps)
            assert connection.execute("SELECT name FROM profiles").fetchall() == [("me",)]
            assert [s.id for s in store.sessions()] == [session]


def test_a_failing_migration_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "scores.db"
    Store.open(path).close()
    known = len(store_module.MIGRATIONS)
    broken = store_module._statements("CREATE TABLE profiles (name TEXT)", "SELECT * FROM nowhere")
    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, broken])
    with pytest.raises(StoreError, match="no such table: nowhere"):
        Store.open(path)
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == known
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        assert "profiles" not in tables
    finally:
        connection.close()


# Files that are not ours: a one-line StoreError naming the path, and nothing written


def assert_one_line_naming(error: StoreError, path: Path) -> str:
    """Check a StoreError is one line that names the path, and return it."""
    message = str(error)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert "--db" in message
    return message


@pytest.mark.parametrize(
    "content",
    [
        random.Random(7).randbytes(8192),
        b"This is my shopping list, not a database.\nEggs\nMilk\n" * 20,
        b"SQLite format 3\x00" + random.Random(8).randbytes(4096 - 16),
    ],
    ids=["random-bytes", "text-file", "sqlite-header-then-garbage"],
)
def test_a_file_that_is_not_a_database_is_left_alone(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "scores.db"
    path.write_bytes(content)
    before = snapshot(tmp_path)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    message = assert_one_line_naming(caught.value, path)
    assert "not a quiz score database" in message
    assert snapshot(tmp_path) == before


def test_a_directory_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scores.db"
    path.mkdir()
    (path / "keep.txt").write_text("mine")
    before = snapshot(tmp_path)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert "folder" in assert_one_line_naming(caught.value, path)
    assert snapshot(tmp_path) == before


def test_a_folder_that_cannot_be_created_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where a folder should be")
    path = blocker / "quiz" / "scores.db"
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert "cannot create the folder" in assert_one_line_naming(caught.value, path)
    assert blocker.read_text() == "a file where a folder should be"


def test_another_programs_sqlite_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "scores.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.execute("INSERT INTO contacts VALUES ('Ada')")
    connection.commit()
    connection.close()
    before = snapshot(tmp_path)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert "another program" in assert_one_line_naming(caught.value, path)
    assert snapshot(tmp_path) == before


def test_a_database_from_a_newer_quiz_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scores.db"
    with Store.open(path) as store:
        session = store.start_session(bank="b", title="B", planned=1)
        answer(store, session, 1, correct=True)
    future = len(store_module.MIGRATIONS) + 1
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute(f"PRAGMA user_version = {future}")
    connection.close()
    before = snapshot(tmp_path)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    message = assert_one_line_naming(caught.value, path)
    assert f"version {future} is newer" in message
    assert snapshot(tmp_path) == before


# Layering


def test_several_picks_are_kept_as_a_sorted_list(db_target: Path | str) -> None:
    with Store.open(db_target) as store:
        session = store.start_session(bank="b.yaml", title="B", planned=1, now=T0)
        store.record_answer(
            session,
            question_id="multi",
            question="Pick the primes",
            choices=["2", "4", "5", "9"],
            picked=[2, 0],
            correct=True,
            ms=5,
            now=T0,
        )
        with pytest.raises(ValueError, match="picked 4"):
            store.record_answer(
                session,
                question_id="m2",
                question="?",
                choices=["a", "b"],
                picked=[0, 4],
                correct=False,
                ms=1,
            )
        assert [a["picked"] for a in store.answers(session)] == [[0, 2]]


def test_profiles_are_listed_with_the_stores_own(db_target: Path | str) -> None:
    with Store.open(db_target, profile="sara") as store:
        assert store.profiles() == ["sara"]
        store.start_session(bank="b.yaml", title="B", planned=1, profile="ali", now=T0)
        store.start_session(bank="b.yaml", title="B", planned=1, profile="Huda", now=T0)
        store.start_session(bank="b.yaml", title="B", planned=1, now=T0)
        assert store.profiles() == ["ali", "Huda", "sara"]
