"""The SQLite back end: the score database in one file, its schema and migrations.

Schema (built by the MIGRATIONS of quiz.store.sqlite_schema; quiz.store.postgresql keeps the
same tables and version numbers):

- `sessions`: one run of one mode (practice, exam, review, study) on one bank by one profile.
- `answers`: every answer, saved the moment it is given. An exam lets the student change an
  answer until submitting: each change is a new row and the rows it replaces get `final = 0`, in
  one transaction, so the scores (which count final rows only) have one answer per question.
  `profile` and `bank` are copied from the session so a question's history is one index lookup.
- `cards`: the spaced-repetition state of one question for one profile (FSRS, see quiz.play.study),
  keyed by (profile, bank, question_id); `card_id` is the row id, stable, given to fsrs.
  A card is made at its question's first review: a question with no card is new.
- `review_log`: every study review (card, rating, time, duration), so cards can be rescheduled.
- `card_counts`: how many cards each (profile, bank) has, kept by triggers on `cards`.
- `answer_totals`, `question_totals`: the final answers counted (with the right ones and their
  time) per session and UTC quarter hour, and per (profile, bank, question_id), kept by triggers
  on `answers`, so the statistics need not read every answer (see quiz.progress.stats).
- `time_totals` and `sessions.seconds`: each session's time once worked out (when it ends), per
  UTC quarter hour and in whole seconds; `sessions.stray` marks a session with an answer outside
  its start and end (see quiz.store.timing).
- `new_card_scan`: where quiz.play.study left off looking for new questions in a bank file.
- `database_id`: one row, the database's own id (32 hex digits made at random once), which the
  results export writes beside each session's and answer's id.

Times are stored as fixed-width ISO 8601 UTC text, which sorts as it orders.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from quiz.files import kind
from quiz.store.backend import Params, T
from quiz.store.model import FIX, StoreError, doing
from quiz.store.sqlite_schema import APPLICATION_ID, MIGRATIONS, _statements
from quiz.text.wording import Wording, said

#: Seconds a writer waits for another quiz holding the database before giving up.
BUSY_TIMEOUT = 10.0

# MIGRATIONS and _statements are named here too: tests replace the steps this module runs.
__all__ = [
    "APPLICATION_ID",
    "BUSY_TIMEOUT",
    "MIGRATIONS",
    "SQLiteDatabase",
    "StoreError",
    "_statements",
]


class SQLiteDialect:
    """SQLite's side of the shared queries (see quiz.store.backend)."""

    name = "sqlite"

    def time(self, moment: datetime) -> str:
        """The fixed-width ISO 8601 UTC text stored for a time, which sorts as it orders."""
        return moment.astimezone(UTC).isoformat(timespec="microseconds")

    def read_time(self, value: Any) -> datetime:
        """The aware UTC datetime of stored time text."""
        return datetime.fromisoformat(value).astimezone(UTC)

    def any_of(self, column: str, name: str, values: Sequence[str | int]) -> tuple[str, object]:
        # One lookup per value in an index on the column: json_each gives the planner a table.
        return f"{column} IN (SELECT value FROM json_each(:{name}))", json.dumps(list(values))

    last_wrong = """
        SELECT bank, question_id FROM (
            -- A bare column beside MAX() comes from the row holding the maximum.
            SELECT bank, question_id, correct, MAX(id) AS latest
            FROM answers
            WHERE profile = :profile AND final = TRUE{bank}
            GROUP BY bank, question_id
        )
        WHERE correct = FALSE
        ORDER BY bank, latest
    """


DIALECT = SQLiteDialect()


class _Statements:
    """The Executor of one piece of work on an SQLite connection."""

    __slots__ = ("conn",)

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def rows(self, sql: str, params: Params | None = None) -> list[tuple]:
        return self.conn.execute(sql, params or {}).fetchall()

    def row(self, sql: str, params: Params | None = None) -> tuple | None:
        return self.conn.execute(sql, params or {}).fetchone()

    def run(self, sql: str, params: Params | None = None) -> int:
        return self.conn.execute(sql, params or {}).rowcount

    def run_many(self, sql: str, params: Sequence[Params]) -> None:
        self.conn.executemany(sql, params)

    def insert(self, sql: str, params: Params, key: str) -> int | None:
        # The key is the rowid (INTEGER PRIMARY KEY) of every table the store inserts into.
        cursor = self.conn.execute(sql, params)
        return cursor.lastrowid if cursor.rowcount == 1 else None


class SQLiteDatabase:
    """The score database in one SQLite file: one connection, one caller at a time."""

    dialect = DIALECT

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self.where = str(path)
        self.connection = connection
        self._statements = _Statements(connection)
        # The TUI may write from a worker thread; one connection, one caller at a time.
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: Path, *, migrate: bool = True) -> SQLiteDatabase:
        """Open (creating if needed) the database at path, migrated to the current schema.

        Without `migrate` (for `quiz db check`) nothing is written: no schema, no WAL mode.
        """
        path = Path(path)
        if os.path.isdir(path):
            raise StoreError(path, said("store.is_folder"))
        try:
            mode = os.stat(path).st_mode
        except OSError:
            mode = None  # not there yet (made below), or refused: sqlite3 says why
        if mode is not None and not stat.S_ISREG(mode):
            # SQLite would write its journal beside a device (/dev/null-journal) and fail.
            raise StoreError(path, said("store.is_special", kind=kind(mode)))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            reason = error.strerror or str(error)
            problem = said("store.cannot_make_folder", folder=str(path.parent), reason=reason)
            raise StoreError(path, problem) from None
        try:
            connection = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as error:
            raise StoreError(path, said("store.cannot_open", error=str(error))) from None
        try:
            if migrate:
                _prepare(connection, path)
            else:
                _check_version(connection, path)
        except sqlite3.DatabaseError as error:
            connection.close()
            raise _unusable(error, path) from None
        except BaseException:
            connection.close()
            raise
        return cls(path, connection)

    def close(self) -> None:
        with self._lock:
            self.connection.close()

    def schema_version(self) -> int:
        """The schema version of the file."""
        return self.autocommit(
            "read the schema version", lambda db: _check_version(db.conn, self.path)
        )

    def integrity_problems(self) -> list[str]:
        """What SQLite's integrity and foreign key checks find wrong in the file."""

        def check(db: _Statements) -> list[str]:
            problems = [
                f"integrity: {text}"
                for (text,) in db.conn.execute("PRAGMA integrity_check").fetchall()
                if text != "ok"
            ]
            for table, rowid, parent, _ in db.conn.execute("PRAGMA foreign_key_check"):
                problems.append(f"{table} row {rowid} refers to a missing row of {parent}")
            return problems

        return self.autocommit("check the database", check)

    def wait_for_writers(self, seconds: float) -> None:
        """How long a write waits for another program holding the database before it fails."""
        with self._lock:
            self.connection.execute(f"PRAGMA busy_timeout = {max(0, int(seconds * 1000))}")

    def autocommit(self, action: str, work: Callable[[_Statements], T]) -> T:
        with self._lock:
            try:
                return work(self._statements)
            except sqlite3.DatabaseError as error:
                if _is_programming_error(error):
                    raise
                raise StoreError(
                    self.path,
                    said("store.cannot", action=doing(action), error=str(error)),
                    _fix(error),
                ) from None

    def transaction(self, action: str, work: Callable[[_Statements], T]) -> T:
        def in_transaction(statements: _Statements) -> T:
            conn = statements.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                done = work(statements)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            return done

        return self.autocommit(action, in_transaction)

    def snapshot(self, action: str, work: Callable[[_Statements], T]) -> T:
        # A read-only connection of its own: the reads never change the scores, even by
        # accident, and a quiz saving answers meanwhile neither waits nor skews them.
        conn = None
        try:
            conn = _read_only(self.path)
            conn.execute("BEGIN")
            return work(_Statements(conn))
        except sqlite3.Error as error:
            if isinstance(error, sqlite3.ProgrammingError | sqlite3.InterfaceError):
                raise
            raise StoreError(
                self.path, said("store.cannot", action=doing(action), error=str(error)), _fix(error)
            ) from None
        finally:
            if conn is not None:
                conn.close()

    def stream(self, action: str, sql: str, params: Params) -> Iterator[tuple]:
        try:
            conn = _read_only(self.path)
        except sqlite3.Error as error:
            raise StoreError(self.path, said("store.cannot_read", error=str(error))) from None
        try:
            yield from conn.execute(sql, params)
        except sqlite3.Error as error:
            raise StoreError(
                self.path, said("store.cannot", action=doing(action), error=str(error)), _fix(error)
            ) from None
        finally:
            conn.close()


def _fix(error: sqlite3.Error) -> Wording:
    """What to do about a failed read or write, by what SQLite said."""
    problem = str(error).lower()
    if "locked" in problem or "busy" in problem:
        return said("store.fix.locked")
    if "readonly" in problem or "read-only" in problem:
        return said("store.fix.read_only")
    if "full" in problem:
        return said("store.fix.full")
    if "malformed" in problem or "not a database" in problem:
        return said("store.fix.damaged")
    return FIX


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to the database at path."""
    uri = path.resolve().as_uri() + "?mode=ro"
    return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)


def _is_programming_error(error: sqlite3.DatabaseError) -> bool:
    """Return whether a database error is a bug in our code rather than a problem with the file."""
    return isinstance(
        error,
        sqlite3.IntegrityError
        | sqlite3.ProgrammingError
        | sqlite3.InterfaceError
        | sqlite3.DataError
        | sqlite3.NotSupportedError,
    )


def _prepare(connection: sqlite3.Connection, path: Path) -> None:
    """Check the file is ours, set the pragmas and migrate, writing nothing to a file not ours."""
    try:
        # Read-only checks first: WAL mode and migrations would write to a file that isn't ours.
        _check_version(connection, path)
        connection.execute("PRAGMA foreign_keys = ON")
        _set_wal(connection)
        # In WAL mode NORMAL loses no commit when the process is killed (the WAL is in the OS
        # cache); only a power cut may drop the last commits. That is the durability we need.
        connection.execute("PRAGMA synchronous = NORMAL")
        _migrate(connection, path)
    except sqlite3.DatabaseError as error:
        raise _unusable(error, path) from None


def _unusable(error: sqlite3.DatabaseError, path: Path) -> Exception:
    """The StoreError for a file SQLite cannot use (a programming error is returned as it is)."""
    if _is_programming_error(error):
        return error
    problem = str(error)
    if "not a database" in problem or "malformed" in problem:
        return StoreError(
            path, said("store.damaged_file", error=problem), said("store.fix.move_away")
        )
    return StoreError(path, said("store.cannot_use", error=problem), said("store.fix.writable"))


def _set_wal(connection: sqlite3.Connection) -> None:
    """Switch the database to WAL mode, waiting for other quizzes that hold it meanwhile."""
    # Switching mode while another connection has the file open fails at once with "database
    # is locked": SQLite does not call the busy handler for it. Two quizzes opening a new
    # database together hit this, so retry until the busy timeout. The mode persists in the file.
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() >= deadline:
                raise
            time.sleep(0.01)


def _check_version(connection: sqlite3.Connection, path: Path) -> int:
    """Return the schema version of the database, raising StoreError if it is not ours to use."""
    # One statement, so one snapshot even while another quiz is creating the schema.
    version, application_id, objects = connection.execute(
        """
        SELECT (SELECT user_version FROM pragma_user_version),
               (SELECT application_id FROM pragma_application_id),
               (SELECT COUNT(*) FROM sqlite_master)
        """
    ).fetchone()
    if application_id != APPLICATION_ID and (version != 0 or objects != 0):
        raise StoreError(path, said("store.other_program"))
    if version > len(MIGRATIONS):
        raise StoreError(
            path,
            said("store.newer", version=version, known=len(MIGRATIONS)),
            said("store.fix.upgrade"),
        )
    return version


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Apply the migration steps above the database's version, all in one transaction."""
    if _check_version(connection, path) == len(MIGRATIONS):
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        # Checked again under the write lock: another quiz may have migrated meanwhile.
        version = _check_version(connection, path)
        for step in MIGRATIONS[version:]:
            step(connection)
        connection.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
