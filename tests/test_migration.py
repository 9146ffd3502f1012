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
    assert len(store_module.MIGRATIONS) == 6
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
    # Right of planned (docs/scores.md); a session from before kinds is of its mode's kind.
    assert (
        "World capitals  practice  0/10 right (0%), 0 of 10 answered  (not finished)" in (lines[0])
    )
    assert "World capitals  practice  1/2 right (50%), 2 of 2 answered" in lines[1]
    assert "عواصم  practice  0/2 right (0%), 1 of 2 answered  (not finished)" in lines[2]
    assert "World capitals  practice  2/3 right (67%), 3 of 3 answered" in lines[3]

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
        "mode": "practice",
        "kind": "practice",
        "score": 0.6667,
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


# The schema a database ends with, whichever way it got there: a shipped migration must never
# change, so an edit to a helper it uses (the totals' trigger bodies, say) shows up here.


def schema_of(path: Path) -> list[tuple]:
    """Every table, index and trigger of a database with its SQL text, as SQLite keeps it."""
    return rows(path, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")


def test_a_new_database_and_an_upgraded_one_have_the_same_pinned_schema(
    v1: Path, tmp_path: Path
) -> None:
    fresh = tmp_path / "fresh.sqlite3"
    Store.open(fresh).close()
    Store.open(v1).close()
    assert schema_of(v1) == schema_of(fresh)
    assert rows(v1, "PRAGMA user_version") == rows(fresh, "PRAGMA user_version") == [(6,)]
    # Compared with its runs of spaces and line ends made one space: the text, not its layout.
    written = [
        (t, n, tb, "" if sql is None else " ".join(sql.split()))
        for t, n, tb, sql in schema_of(fresh)
    ]
    assert written == list(SCHEMA_6)
    # Each database made its own id, once: 32 hex digits, different in the two.
    ids = rows(v1, "SELECT id FROM database_id") + rows(fresh, "SELECT id FROM database_id")
    assert len(ids) == 2 and ids[0] != ids[1]
    assert all(len(i) == 32 and set(i) <= set("0123456789abcdef") for (i,) in ids)
    Store.open(fresh).close()
    assert rows(fresh, "SELECT id FROM database_id") == [ids[1]]


#: The schema of version 3, pinned. A new migration appends a step and a SCHEMA_4 beside this.
SCHEMA_3 = (
    (
        "index",
        "answers_by_profile",
        "answers",
        "CREATE INDEX answers_by_profile ON answers (profile, bank, question_id, final, correct)",
    ),
    (
        "index",
        "answers_by_question",
        "answers",
        "CREATE INDEX answers_by_question ON answers (question_id, bank)",
    ),
    (
        "index",
        "answers_by_session",
        "answers",
        "CREATE INDEX answers_by_session ON answers (session_id, id)",
    ),
    (
        "index",
        "cards_due",
        "cards",
        "CREATE INDEX cards_due ON cards (profile, bank, retired, due)",
    ),
    (
        "index",
        "cards_introduced",
        "cards",
        "CREATE INDEX cards_introduced ON cards (profile, introduced)",
    ),
    (
        "index",
        "review_log_by_answer",
        "review_log",
        "CREATE INDEX review_log_by_answer ON review_log (answer_id)",
    ),
    (
        "index",
        "review_log_by_card",
        "review_log",
        "CREATE INDEX review_log_by_card ON review_log (card_id, reviewed)",
    ),
    (
        "index",
        "sessions_by_bank",
        "sessions",
        "CREATE INDEX sessions_by_bank ON sessions (bank, started)",
    ),
    (
        "index",
        "sessions_by_profile",
        "sessions",
        "CREATE INDEX sessions_by_profile ON sessions (profile, started)",
    ),
    (
        "index",
        "sessions_by_started",
        "sessions",
        "CREATE INDEX sessions_by_started ON sessions (started, id)",
    ),
    ("index", "sqlite_autoindex_cards_1", "cards", ""),
    (
        "table",
        "answer_totals",
        "answer_totals",
        "CREATE TABLE answer_totals ( session_id INTEGER NOT NULL REFERENCES sessions (id) ON"
        " DELETE CASCADE, quarter INTEGER NOT NULL, answers INTEGER NOT NULL, correct INTEGER"
        " NOT NULL, ms INTEGER NOT NULL, PRIMARY KEY (session_id, quarter) ) WITHOUT ROWID",
    ),
    (
        "table",
        "answers",
        "answers",
        "CREATE TABLE answers ( id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL "
        "REFERENCES sessions (id) ON DELETE CASCADE, question_id TEXT NOT NULL, bank TEXT NOT"
        " NULL, question TEXT NOT NULL, choices TEXT NOT NULL, picked TEXT NOT NULL, -- JSON "
        "array of indices into choices correct INTEGER NOT NULL CHECK (correct IN (0, 1)), ms"
        " INTEGER NOT NULL CHECK (ms >= 0), answered TEXT NOT NULL , profile TEXT NOT NULL "
        "DEFAULT 'default', final INTEGER NOT NULL DEFAULT 1 CHECK (final IN (0, 1)))",
    ),
    (
        "table",
        "card_counts",
        "card_counts",
        "CREATE TABLE card_counts ( profile TEXT NOT NULL, bank TEXT NOT NULL, cards INTEGER "
        "NOT NULL, PRIMARY KEY (profile, bank) ) WITHOUT ROWID",
    ),
    (
        "table",
        "cards",
        "cards",
        "CREATE TABLE cards ( card_id INTEGER PRIMARY KEY, profile TEXT NOT NULL, bank TEXT "
        "NOT NULL, question_id TEXT NOT NULL, position INTEGER NOT NULL, -- where the "
        "question was in its bank: a hint state INTEGER NOT NULL CHECK (state IN (1, 2, 3)), "
        "-- fsrs.State step INTEGER, stability REAL NOT NULL, difficulty REAL NOT NULL, due "
        "TEXT NOT NULL, last_review TEXT NOT NULL, introduced TEXT NOT NULL, -- the first "
        "review: counts toward new cards per day retired INTEGER NOT NULL DEFAULT 0 CHECK "
        "(retired IN (0, 1)), UNIQUE (profile, bank, question_id) )",
    ),
    (
        "table",
        "new_card_scan",
        "new_card_scan",
        "CREATE TABLE new_card_scan ( profile TEXT NOT NULL, bank TEXT NOT NULL, file_size "
        "INTEGER NOT NULL, file_mtime_ns INTEGER NOT NULL, scanned_to INTEGER NOT NULL, "
        "pending TEXT NOT NULL, -- JSON array: positions of new questions PRIMARY KEY "
        "(profile, bank) ) WITHOUT ROWID",
    ),
    (
        "table",
        "question_totals",
        "question_totals",
        "CREATE TABLE question_totals ( profile TEXT NOT NULL, bank TEXT NOT NULL, "
        "question_id TEXT NOT NULL, answers INTEGER NOT NULL, correct INTEGER NOT NULL, "
        "PRIMARY KEY (profile, bank, question_id) ) WITHOUT ROWID",
    ),
    (
        "table",
        "review_log",
        "review_log",
        "CREATE TABLE review_log ( id INTEGER PRIMARY KEY, card_id INTEGER NOT NULL "
        "REFERENCES cards (card_id) ON DELETE CASCADE, answer_id INTEGER REFERENCES answers "
        "(id) ON DELETE SET NULL, rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4), -- "
        "fsrs.Rating reviewed TEXT NOT NULL, ms INTEGER NOT NULL CHECK (ms >= 0) )",
    ),
    (
        "table",
        "sessions",
        "sessions",
        "CREATE TABLE sessions ( id INTEGER PRIMARY KEY, bank TEXT NOT NULL, title TEXT NOT "
        "NULL, mode TEXT NOT NULL DEFAULT 'practice', planned INTEGER NOT NULL CHECK (planned"
        " >= 0), started TEXT NOT NULL, finished TEXT , profile TEXT NOT NULL DEFAULT "
        "'default')",
    ),
    (
        "trigger",
        "answers_retotalled",
        "answers",
        "CREATE TRIGGER answers_retotalled AFTER UPDATE OF session_id, question_id, bank, "
        "profile, correct, ms, answered, final ON answers WHEN OLD.final = 1 OR NEW.final = 1"
        " BEGIN UPDATE answer_totals SET answers = answers - 1, correct = correct - "
        "OLD.correct, ms = ms - OLD.ms WHERE OLD.final = 1 AND session_id = OLD.session_id "
        "AND quarter = CAST(strftime('%s', substr(OLD.answered, 1, 19)) AS INTEGER) / 900; "
        "UPDATE question_totals SET answers = answers - 1, correct = correct - OLD.correct "
        "WHERE OLD.final = 1 AND profile = OLD.profile AND bank = OLD.bank AND question_id = "
        "OLD.question_id; INSERT INTO answer_totals (session_id, quarter, answers, correct, "
        "ms) SELECT NEW.session_id, CAST(strftime('%s', substr(NEW.answered, 1, 19)) AS "
        "INTEGER) / 900, 1, NEW.correct, NEW.ms WHERE NEW.final = 1 ON CONFLICT (session_id, "
        "quarter) DO UPDATE SET answers = answers + 1, correct = correct + excluded.correct, "
        "ms = ms + excluded.ms; INSERT INTO question_totals (profile, bank, question_id, "
        "answers, correct) SELECT NEW.profile, NEW.bank, NEW.question_id, 1, NEW.correct "
        "WHERE NEW.final = 1 ON CONFLICT (profile, bank, question_id) DO UPDATE SET answers ="
        " answers + 1, correct = correct + excluded.correct; END",
    ),
    (
        "trigger",
        "answers_totalled",
        "answers",
        "CREATE TRIGGER answers_totalled AFTER INSERT ON answers WHEN NEW.final = 1 BEGIN "
        "INSERT INTO answer_totals (session_id, quarter, answers, correct, ms) SELECT "
        "NEW.session_id, CAST(strftime('%s', substr(NEW.answered, 1, 19)) AS INTEGER) / 900, "
        "1, NEW.correct, NEW.ms WHERE 1 ON CONFLICT (session_id, quarter) DO UPDATE SET "
        "answers = answers + 1, correct = correct + excluded.correct, ms = ms + excluded.ms; "
        "INSERT INTO question_totals (profile, bank, question_id, answers, correct) SELECT "
        "NEW.profile, NEW.bank, NEW.question_id, 1, NEW.correct WHERE 1 ON CONFLICT (profile,"
        " bank, question_id) DO UPDATE SET answers = answers + 1, correct = correct + "
        "excluded.correct; END",
    ),
    (
        "trigger",
        "answers_untotalled",
        "answers",
        "CREATE TRIGGER answers_untotalled AFTER DELETE ON answers WHEN OLD.final = 1 BEGIN "
        "UPDATE answer_totals SET answers = answers - 1, correct = correct - OLD.correct, ms "
        "= ms - OLD.ms WHERE session_id = OLD.session_id AND quarter = CAST(strftime('%s', "
        "substr(OLD.answered, 1, 19)) AS INTEGER) / 900; UPDATE question_totals SET answers ="
        " answers - 1, correct = correct - OLD.correct WHERE profile = OLD.profile AND bank ="
        " OLD.bank AND question_id = OLD.question_id; END",
    ),
    (
        "trigger",
        "cards_counted",
        "cards",
        "CREATE TRIGGER cards_counted AFTER INSERT ON cards WHEN NEW.retired = 0 BEGIN INSERT"
        " INTO card_counts (profile, bank, cards) VALUES (NEW.profile, NEW.bank, 1) ON "
        "CONFLICT (profile, bank) DO UPDATE SET cards = cards + 1; END",
    ),
    (
        "trigger",
        "cards_recounted",
        "cards",
        "CREATE TRIGGER cards_recounted AFTER UPDATE OF profile, bank, retired ON cards BEGIN"
        " UPDATE card_counts SET cards = cards - 1 WHERE OLD.retired = 0 AND profile = "
        "OLD.profile AND bank = OLD.bank; INSERT INTO card_counts (profile, bank, cards) "
        "SELECT NEW.profile, NEW.bank, 1 WHERE NEW.retired = 0 ON CONFLICT (profile, bank) DO"
        " UPDATE SET cards = cards + 1; END",
    ),
    (
        "trigger",
        "cards_uncounted",
        "cards",
        "CREATE TRIGGER cards_uncounted AFTER DELETE ON cards WHEN OLD.retired = 0 BEGIN "
        "UPDATE card_counts SET cards = cards - 1 WHERE profile = OLD.profile AND bank = "
        "OLD.bank; END",
    ),
)


#: Version 4 adds the database's own id (made once, at random).
SCHEMA_4 = tuple(
    sorted(
        (
            *SCHEMA_3,
            (
                "table",
                "database_id",
                "database_id",
                "CREATE TABLE database_id ( id TEXT NOT NULL CHECK (length(id) = 32) )",
            ),
        ),
        key=lambda row: (row[0], row[1]),
    )
)


#: Version 5 adds what each session was (kind) to sessions.
SCHEMA_5 = tuple(
    (kind, name, table, sql[:-1] + ", kind TEXT)" if (kind, name) == ("table", "sessions") else sql)
    for kind, name, table, sql in SCHEMA_4
)


#: Version 6 keeps each session's time once worked out: its whole seconds on sessions (and
#: whether an answer lies outside its start and end), its milliseconds per UTC quarter hour in
#: time_totals; triggers make the time unknown again when an answer or the session's start or
#: end changes.
_UNTIME = (
    "UPDATE sessions SET seconds = NULL, stray = stray OR NEW.answered < started OR"
    " NEW.answered > COALESCE(finished, NEW.answered) WHERE id = NEW.session_id AND (seconds IS"
    " NOT NULL OR NEW.answered < started OR NEW.answered > COALESCE(finished, NEW.answered));"
)
SCHEMA_6 = tuple(
    sorted(
        (
            *(
                (
                    kind,
                    name,
                    table,
                    sql[:-1] + ", seconds INTEGER CHECK (seconds >= 0),"
                    " stray INTEGER NOT NULL DEFAULT 0 CHECK (stray IN (0, 1)))"
                    if (kind, name) == ("table", "sessions")
                    else sql,
                )
                for kind, name, table, sql in SCHEMA_5
            ),
            (
                "index",
                "sessions_unfigured",
                "sessions",
                "CREATE INDEX sessions_unfigured ON sessions (profile) WHERE seconds IS NULL",
            ),
            (
                "table",
                "time_totals",
                "time_totals",
                "CREATE TABLE time_totals ( session_id INTEGER NOT NULL REFERENCES sessions (id)"
                " ON DELETE CASCADE, quarter INTEGER NOT NULL, ms INTEGER NOT NULL,"
                " PRIMARY KEY (session_id, quarter) ) WITHOUT ROWID",
            ),
            (
                "trigger",
                "answers_retimed",
                "answers",
                "CREATE TRIGGER answers_retimed AFTER UPDATE OF session_id, answered ON answers"
                " BEGIN UPDATE sessions SET seconds = NULL WHERE id = OLD.session_id AND seconds"
                f" IS NOT NULL; {_UNTIME} END",
            ),
            (
                "trigger",
                "answers_timed",
                "answers",
                f"CREATE TRIGGER answers_timed AFTER INSERT ON answers BEGIN {_UNTIME} END",
            ),
            (
                "trigger",
                "answers_untimed",
                "answers",
                "CREATE TRIGGER answers_untimed AFTER DELETE ON answers BEGIN UPDATE sessions SET"
                " seconds = NULL WHERE id = OLD.session_id AND seconds IS NOT NULL; END",
            ),
            (
                "trigger",
                "sessions_retimed",
                "sessions",
                "CREATE TRIGGER sessions_retimed AFTER UPDATE OF started, finished ON sessions"
                " BEGIN UPDATE sessions SET seconds = NULL WHERE id = NEW.id AND seconds IS NOT"
                " NULL; END",
            ),
        ),
        key=lambda row: (row[0], row[1]),
    )
)
