"""The SQLite score database's schema: the migrations that build it, one schema version each.

MIGRATIONS[n] takes a database from user_version n to n + 1; quiz.store.postgresql_schema has
the same steps for PostgreSQL, so a version number means the same tables in both. The tables
are described in quiz.store.sqlite.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from quiz.store.model import DEFAULT_PROFILE

#: Marks a file as ours in its header ("QUIZ"), so we never migrate another program's database.
APPLICATION_ID = 0x5155495A

Migration = Callable[[sqlite3.Connection], None]


def _statements(*sql: str) -> Migration:
    """Return a migration step that runs the given SQL statements in order."""

    def step(connection: sqlite3.Connection) -> None:
        # One execute per statement: executescript() would COMMIT the migration transaction.
        for statement in sql:
            connection.execute(statement)

    return step


def _quarter(row: str) -> str:
    """SQL for the quarter hour of an answer's time: UTC seconds / 900 (its fraction dropped)."""
    return f"CAST(strftime('%s', substr({row}.answered, 1, 19)) AS INTEGER) / 900"


# Part of migration 3, so never to be edited: the trigger bodies that count a final answer into
# its totals and take it out again; `when` (a format field) limits them to the rows that count.
_ADD_TOTALS = f"""
    INSERT INTO answer_totals (session_id, quarter, answers, correct, ms)
        SELECT NEW.session_id, {_quarter("NEW")}, 1, NEW.correct, NEW.ms WHERE {{when}}
        ON CONFLICT (session_id, quarter) DO UPDATE SET answers = answers + 1,
            correct = correct + excluded.correct, ms = ms + excluded.ms;
    INSERT INTO question_totals (profile, bank, question_id, answers, correct)
        SELECT NEW.profile, NEW.bank, NEW.question_id, 1, NEW.correct WHERE {{when}}
        ON CONFLICT (profile, bank, question_id) DO UPDATE SET answers = answers + 1,
            correct = correct + excluded.correct;
"""
_SUBTRACT_TOTALS = f"""
    UPDATE answer_totals SET answers = answers - 1, correct = correct - OLD.correct,
        ms = ms - OLD.ms
        WHERE {{when}} session_id = OLD.session_id AND quarter = {_quarter("OLD")};
    UPDATE question_totals SET answers = answers - 1, correct = correct - OLD.correct
        WHERE {{when}} profile = OLD.profile AND bank = OLD.bank
          AND question_id = OLD.question_id;
"""


# Part of migration 6, so never to be edited: an answer saved (or moved) makes its session's
# time unknown, and marks the session stray when it lies outside the session's start and end.
_UNTIME = """
            UPDATE sessions SET seconds = NULL,
                stray = stray OR {row}.answered < started
                    OR {row}.answered > COALESCE(finished, {row}.answered)
                WHERE id = {row}.session_id AND (seconds IS NOT NULL OR {row}.answered < started
                    OR {row}.answered > COALESCE(finished, {row}.answered));
"""


def _figure_times(connection: sqlite3.Connection) -> None:
    """Migration 6: the session's time in whole seconds and per UTC quarter hour, back-filled."""
    _statements(
        "ALTER TABLE sessions ADD COLUMN seconds INTEGER CHECK (seconds >= 0)",
        "ALTER TABLE sessions ADD COLUMN stray INTEGER NOT NULL DEFAULT 0 CHECK (stray IN (0, 1))",
        """
        CREATE TABLE time_totals (
            session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            quarter    INTEGER NOT NULL,
            ms         INTEGER NOT NULL,
            PRIMARY KEY (session_id, quarter)
        ) WITHOUT ROWID
        """,
        # The sessions whose time is not worked out (still going): few, found at once.
        "CREATE INDEX sessions_unfigured ON sessions (profile) WHERE seconds IS NULL",
        # A figure is worked out again once anything it comes from changes; an answer saved
        # outside its session's start and end (the clock put back) marks the session stray.
        f"""
        CREATE TRIGGER answers_timed AFTER INSERT ON answers BEGIN
            {_UNTIME.format(row="NEW")}
        END
        """,
        """
        CREATE TRIGGER answers_untimed AFTER DELETE ON answers BEGIN
            UPDATE sessions SET seconds = NULL WHERE id = OLD.session_id AND seconds IS NOT NULL;
        END
        """,
        f"""
        CREATE TRIGGER answers_retimed AFTER UPDATE OF session_id, answered ON answers BEGIN
            UPDATE sessions SET seconds = NULL WHERE id = OLD.session_id AND seconds IS NOT NULL;
            {_UNTIME.format(row="NEW")}
        END
        """,
        """
        CREATE TRIGGER sessions_retimed AFTER UPDATE OF started, finished ON sessions BEGIN
            UPDATE sessions SET seconds = NULL WHERE id = NEW.id AND seconds IS NOT NULL;
        END
        """,
    )(connection)
    # Imported here: quiz.store.sqlite imports this module.
    from quiz.store.sqlite import SQLiteDialect, _Statements
    from quiz.store.timing import backfill

    backfill(_Statements(connection), SQLiteDialect())


#: MIGRATIONS[n] takes a database from user_version n to n + 1. Append only; never edit a step
#: that has shipped. Steps run inside one transaction with foreign keys ON (the pragma cannot be
#: switched inside a transaction), so a step that rebuilds a table must keep references valid.
MIGRATIONS: list[Migration] = [
    _statements(
        f"PRAGMA application_id = {APPLICATION_ID}",
        """
        CREATE TABLE sessions (
            id       INTEGER PRIMARY KEY,
            bank     TEXT    NOT NULL,
            title    TEXT    NOT NULL,
            mode     TEXT    NOT NULL DEFAULT 'practice',
            planned  INTEGER NOT NULL CHECK (planned >= 0),
            started  TEXT    NOT NULL,
            finished TEXT
        )
        """,
        "CREATE INDEX sessions_by_started ON sessions (started, id)",
        "CREATE INDEX sessions_by_bank ON sessions (bank, started)",
        # bank is repeated from the session so a question's history is one index lookup
        # (question_id, bank) without a join; it is copied from sessions on insert.
        """
        CREATE TABLE answers (
            id          INTEGER PRIMARY KEY,
            session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            question_id TEXT    NOT NULL,
            bank        TEXT    NOT NULL,
            question    TEXT    NOT NULL,
            choices     TEXT    NOT NULL,
            picked      TEXT    NOT NULL,  -- JSON array of indices into choices
            correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
            ms          INTEGER NOT NULL CHECK (ms >= 0),
            answered    TEXT    NOT NULL
        )
        """,
        "CREATE INDEX answers_by_question ON answers (question_id, bank)",
        "CREATE INDEX answers_by_session ON answers (session_id, id)",
    ),
    # 2: profiles, changeable exam answers, and spaced-repetition cards with their review log.
    _statements(
        # Everything saved before profiles existed belongs to the default profile.
        f"ALTER TABLE sessions ADD COLUMN profile TEXT NOT NULL DEFAULT '{DEFAULT_PROFILE}'",
        "CREATE INDEX sessions_by_profile ON sessions (profile, started)",
        f"ALTER TABLE answers ADD COLUMN profile TEXT NOT NULL DEFAULT '{DEFAULT_PROFILE}'",
        # 0 once a later answer to the same question in the same session replaced it (an exam
        # answer changed before submitting); the scores count final answers only.
        "ALTER TABLE answers ADD COLUMN final INTEGER NOT NULL DEFAULT 1 CHECK (final IN (0, 1))",
        # The review list: the latest final answer of each question of a profile, read from the
        # index alone (id, the rowid, is in every index entry).
        "CREATE INDEX answers_by_profile ON answers (profile, bank, question_id, final, correct)",
        """
        CREATE TABLE cards (
            card_id     INTEGER PRIMARY KEY,
            profile     TEXT    NOT NULL,
            bank        TEXT    NOT NULL,
            question_id TEXT    NOT NULL,
            position    INTEGER NOT NULL,  -- where the question was in its bank: a hint
            state       INTEGER NOT NULL CHECK (state IN (1, 2, 3)),  -- fsrs.State
            step        INTEGER,
            stability   REAL    NOT NULL,
            difficulty  REAL    NOT NULL,
            due         TEXT    NOT NULL,
            last_review TEXT    NOT NULL,
            introduced  TEXT    NOT NULL,  -- the first review: counts toward new cards per day
            retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
            UNIQUE (profile, bank, question_id)
        )
        """,
        # Retired cards (their question left the bank) are kept, with their log, but never due.
        # `retired` is in the keys, not a partial index's WHERE, so counts read the index only.
        # Due cards of several banks are read bank by bank from this index and merged: a second
        # index on (profile, retired, due) would cost every answer two more page writes.
        "CREATE INDEX cards_due ON cards (profile, bank, retired, due)",
        "CREATE INDEX cards_introduced ON cards (profile, introduced)",
        # How many cards (not retired) each bank has, kept by triggers, so the home screen's
        # count of new questions does not count 100,000 cards.
        """
        CREATE TABLE card_counts (
            profile TEXT    NOT NULL,
            bank    TEXT    NOT NULL,
            cards   INTEGER NOT NULL,
            PRIMARY KEY (profile, bank)
        ) WITHOUT ROWID
        """,
        """
        CREATE TRIGGER cards_counted AFTER INSERT ON cards WHEN NEW.retired = 0 BEGIN
            INSERT INTO card_counts (profile, bank, cards) VALUES (NEW.profile, NEW.bank, 1)
                ON CONFLICT (profile, bank) DO UPDATE SET cards = cards + 1;
        END
        """,
        """
        CREATE TRIGGER cards_uncounted AFTER DELETE ON cards WHEN OLD.retired = 0 BEGIN
            UPDATE card_counts SET cards = cards - 1
                WHERE profile = OLD.profile AND bank = OLD.bank;
        END
        """,
        """
        CREATE TRIGGER cards_recounted AFTER UPDATE OF profile, bank, retired ON cards BEGIN
            UPDATE card_counts SET cards = cards - 1
                WHERE OLD.retired = 0 AND profile = OLD.profile AND bank = OLD.bank;
            INSERT INTO card_counts (profile, bank, cards)
                SELECT NEW.profile, NEW.bank, 1 WHERE NEW.retired = 0
                ON CONFLICT (profile, bank) DO UPDATE SET cards = cards + 1;
        END
        """,
        """
        CREATE TABLE review_log (
            id        INTEGER PRIMARY KEY,
            card_id   INTEGER NOT NULL REFERENCES cards (card_id) ON DELETE CASCADE,
            answer_id INTEGER REFERENCES answers (id) ON DELETE SET NULL,
            rating    INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),  -- fsrs.Rating
            reviewed  TEXT    NOT NULL,
            ms        INTEGER NOT NULL CHECK (ms >= 0)
        )
        """,
        "CREATE INDEX review_log_by_card ON review_log (card_id, reviewed)",
        "CREATE INDEX review_log_by_answer ON review_log (answer_id)",
        """
        CREATE TABLE new_card_scan (
            profile   TEXT    NOT NULL,
            bank      TEXT    NOT NULL,
            file_size     INTEGER NOT NULL,
            file_mtime_ns INTEGER NOT NULL,
            scanned_to    INTEGER NOT NULL,
            pending       TEXT    NOT NULL,  -- JSON array: positions of new questions
            PRIMARY KEY (profile, bank)
        ) WITHOUT ROWID
        """,
    ),
    # 3: totals of the final answers kept by triggers, so the statistics of a million answers
    # read a few thousand rows (quiz.progress.stats): per session and quarter hour, and per
    # question.
    _statements(
        # A quarter hour is the UTC time of its start in seconds / 900. Time zones are offset
        # from UTC by whole quarter hours, so each quarter lies within one local day.
        """
        CREATE TABLE answer_totals (
            session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            quarter    INTEGER NOT NULL,
            answers    INTEGER NOT NULL,
            correct    INTEGER NOT NULL,
            ms         INTEGER NOT NULL,
            PRIMARY KEY (session_id, quarter)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE question_totals (
            profile     TEXT    NOT NULL,
            bank        TEXT    NOT NULL,
            question_id TEXT    NOT NULL,
            answers     INTEGER NOT NULL,
            correct     INTEGER NOT NULL,
            PRIMARY KEY (profile, bank, question_id)
        ) WITHOUT ROWID
        """,
        f"""
        INSERT INTO answer_totals (session_id, quarter, answers, correct, ms)
            SELECT session_id, {_quarter("answers")}, COUNT(*), SUM(correct), SUM(ms)
            FROM answers WHERE final = 1 GROUP BY 1, 2
        """,
        """
        INSERT INTO question_totals (profile, bank, question_id, answers, correct)
            SELECT profile, bank, question_id, COUNT(*), SUM(correct)
            FROM answers WHERE final = 1 GROUP BY 1, 2, 3
        """,
        # Rows that fall to 0 answers (every answer replaced or withdrawn) are kept: readers
        # skip them, and deleting them would cost every change of an exam answer one more write.
        f"""
        CREATE TRIGGER answers_totalled AFTER INSERT ON answers WHEN NEW.final = 1 BEGIN
            {_ADD_TOTALS.format(when="1")}
        END
        """,
        f"""
        CREATE TRIGGER answers_untotalled AFTER DELETE ON answers WHEN OLD.final = 1 BEGIN
            {_SUBTRACT_TOTALS.format(when="")}
        END
        """,
        # An exam answer replaced or withdrawn gets final = 0; any other column a total depends
        # on is covered too, so the totals stay exact whatever changes a row.
        f"""
        CREATE TRIGGER answers_retotalled AFTER UPDATE OF
            session_id, question_id, bank, profile, correct, ms, answered, final ON answers
            WHEN OLD.final = 1 OR NEW.final = 1 BEGIN
            {_SUBTRACT_TOTALS.format(when="OLD.final = 1 AND")}
            {_ADD_TOTALS.format(when="NEW.final = 1")}
        END
        """,
    ),
    # 4: the database's own id, made once at random, so that exports from several databases
    # (a class's laptops, a server) tell their sessions and answers apart: (database, answer_id)
    # names one answer wherever its rows end up.
    _statements(
        """
        CREATE TABLE database_id (
            id TEXT NOT NULL CHECK (length(id) = 32)
        )
        """,
        "INSERT INTO database_id (id) VALUES (lower(hex(randomblob(16))))",
    ),
    # 5: what a session was (its kind): a practice run of the bank, an exam, a retry of the
    # questions missed, a review or a study. NULL in older sessions: their kind is their mode.
    _statements("ALTER TABLE sessions ADD COLUMN kind TEXT"),
    # 6: each session's time kept once worked out (quiz.store.timing), so the statistics need
    # not read every answer's moment; worked out here for the sessions there are.
    _figure_times,
]
