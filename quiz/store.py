"""The score database: quiz sessions and every answer given, kept in SQLite."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Self

#: Seconds a writer waits for another quiz holding the database before giving up.
BUSY_TIMEOUT = 10.0

#: Marks a file as ours in its header ("QUIZ"), so we never migrate another program's database.
APPLICATION_ID = 0x5155495A

#: What to tell the user when the database at the given path cannot be used.
FIX = "pass --db FILE"

Migration = Callable[[sqlite3.Connection], None]


class StoreError(Exception):
    """A score database that cannot be used; str() is one line naming the path and what to do."""

    def __init__(self, path: Path | str, problem: str, fix: str = FIX) -> None:
        # sqlite messages and OS errors can carry newlines; the contract is one line.
        message = " ".join(f"{path}: {problem}; {fix}".split())
        super().__init__(message)
        self.path = Path(path)


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """One quiz session with how many questions were planned, answered and answered right."""

    id: int
    bank: str
    title: str
    started: datetime
    finished: datetime | None
    planned: int
    answered: int
    correct: int

    def as_json(self) -> dict:
        """Return the session as JSON-ready data, with times as ISO 8601 strings."""
        return {
            "bank": self.bank,
            "title": self.title,
            "started": _json_time(self.started),
            "finished": None if self.finished is None else _json_time(self.finished),
            "planned": self.planned,
            "answered": self.answered,
            "correct": self.correct,
        }


@dataclass(frozen=True, slots=True)
class BankScore:
    """The best and latest percentage scored on one bank, and how many sessions it has had."""

    best: float | None
    last: float | None
    sessions: int


def _statements(*sql: str) -> Migration:
    """Return a migration step that runs the given SQL statements in order."""

    def step(connection: sqlite3.Connection) -> None:
        # One execute per statement: executescript() would COMMIT the migration transaction.
        for statement in sql:
            connection.execute(statement)

    return step


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
]


def _utc(now: datetime | None) -> datetime:
    """Return now, or the current time, as an aware UTC datetime."""
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now.astimezone(UTC)


def _stored_time(moment: datetime) -> str:
    """Return the fixed-width ISO 8601 UTC text stored for a time, which sorts as it orders."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _read_time(text: str) -> datetime:
    """Return the aware UTC datetime of stored time text."""
    return datetime.fromisoformat(text).astimezone(UTC)


def _json_time(moment: datetime) -> str:
    """Return a time as ISO 8601 text for JSON, to the second unless it has a fraction."""
    return moment.isoformat(timespec="seconds" if moment.microsecond == 0 else "microseconds")


def _percent(correct: int, answered: int) -> float:
    """Return the percentage of answers that were right."""
    return 100.0 * correct / answered


class Store:
    """The one door to the score database; build it with Store.open()."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._conn = connection
        # The TUI may write from a worker thread; one connection, one caller at a time.
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open (creating if needed) the score database at path, migrated to the current schema."""
        path = Path(path)
        if path.is_dir():
            raise StoreError(path, "is a folder, not a quiz score database")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            reason = error.strerror or str(error)
            raise StoreError(path, f"cannot create the folder {path.parent} ({reason})") from None
        try:
            connection = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as error:
            raise StoreError(path, f"cannot open the score database ({error})") from None
        try:
            _prepare(connection, path)
        except BaseException:
            connection.close()
            raise
        return cls(path, connection)

    def close(self) -> None:
        """Close the database; the store cannot be used afterwards."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _use(self, action: str) -> Iterator[sqlite3.Connection]:
        """Hold the connection for one operation, turning database failures into StoreError."""
        with self._lock:
            try:
                yield self._conn
            except sqlite3.DatabaseError as error:
                if _is_programming_error(error):
                    raise
                raise StoreError(self.path, f"cannot {action} ({error})") from None

    def start_session(
        self,
        *,
        bank: str,
        title: str,
        planned: int,
        mode: str = "practice",
        now: datetime | None = None,
    ) -> int:
        """Record the start of a quiz on a bank and return the new session's id."""
        if planned < 0:
            raise ValueError(f"planned must not be negative, got {planned}")
        started = _stored_time(_utc(now))
        with self._use("save the new session") as conn:
            cursor = conn.execute(
                "INSERT INTO sessions (bank, title, mode, planned, started) VALUES (?, ?, ?, ?, ?)",
                (bank, title, mode, planned, started),
            )
        session_id = cursor.lastrowid
        assert session_id is not None
        return session_id

    def record_answer(
        self,
        session_id: int,
        *,
        question_id: str,
        question: str,
        choices: Sequence[str],
        picked: int | Sequence[int],
        correct: bool,
        ms: int,
        now: datetime | None = None,
    ) -> None:
        """Save one answer, committed before this returns; choices are in the order shown.

        `picked` is the index of the choice picked, or the indices when several may be right.
        """
        if isinstance(choices, str):
            raise TypeError("choices must be a sequence of choice texts, not one string")
        picks = [picked] if isinstance(picked, int) else sorted(picked)
        for pick in picks:
            if not 0 <= pick < len(choices):
                raise ValueError(f"picked {pick} is not an index into {len(choices)} choices")
        if ms < 0:
            raise ValueError(f"ms must not be negative, got {ms}")
        answered = _stored_time(_utc(now))
        shown = json.dumps(list(choices), ensure_ascii=False)
        # Autocommit: this single statement is its own transaction, durable once it returns.
        with self._use("save the answer") as conn:
            cursor = conn.execute(
                """
                INSERT INTO answers
                    (session_id, question_id, bank, question, choices, picked, correct, ms,
                     answered)
                SELECT id, :question_id, bank, :question, :choices, :picked, :correct, :ms,
                       :answered
                FROM sessions WHERE id = :session_id
                """,
                {
                    "session_id": session_id,
                    "question_id": question_id,
                    "question": question,
                    "choices": shown,
                    "picked": json.dumps(picks),
                    "correct": int(bool(correct)),
                    "ms": ms,
                    "answered": answered,
                },
            )
        if cursor.rowcount != 1:
            raise ValueError(f"no session {session_id} in {self.path}")

    def finish_session(self, session_id: int, *, now: datetime | None = None) -> None:
        """Record that a session has ended."""
        finished = _stored_time(_utc(now))
        with self._use("save the end of the session") as conn:
            cursor = conn.execute(
                "UPDATE sessions SET finished = ? WHERE id = ?", (finished, session_id)
            )
        if cursor.rowcount != 1:
            raise ValueError(f"no session {session_id} in {self.path}")

    def sessions(self, limit: int | None = None) -> list[SessionSummary]:
        """Return the sessions, newest first, at most limit of them."""
        if limit is not None and limit < 0:
            raise ValueError(f"limit must not be negative, got {limit}")
        with self._use("read the sessions") as conn:
            rows = conn.execute(
                """
                SELECT s.id, s.bank, s.title, s.started, s.finished, s.planned,
                       (SELECT COUNT(*) FROM answers a WHERE a.session_id = s.id),
                       (SELECT COALESCE(SUM(a.correct), 0) FROM answers a
                         WHERE a.session_id = s.id)
                FROM sessions s
                ORDER BY s.started DESC, s.id DESC
                LIMIT ?
                """,
                (-1 if limit is None else limit,),
            ).fetchall()
        return [
            SessionSummary(
                id=session_id,
                bank=bank,
                title=title,
                started=_read_time(started),
                finished=None if finished is None else _read_time(finished),
                planned=planned,
                answered=answered,
                correct=correct,
            )
            for session_id, bank, title, started, finished, planned, answered, correct in rows
        ]

    def bank_scores(self) -> dict[str, BankScore]:
        """Return each bank's best and latest percentage and its number of sessions."""
        best: dict[str, float | None] = {}
        last: dict[str, float | None] = {}
        count: dict[str, int] = {}
        # Newest first, so the first session with answers seen for a bank is its last one.
        for summary in self.sessions():
            bank = summary.bank
            count[bank] = count.get(bank, 0) + 1
            best.setdefault(bank, None)
            last.setdefault(bank, None)
            if summary.answered == 0:
                continue
            score = _percent(summary.correct, summary.answered)
            if last[bank] is None:
                last[bank] = score
            previous = best[bank]
            if summary.finished is not None and (previous is None or score > previous):
                best[bank] = score
        return {
            bank: BankScore(best=best[bank], last=last[bank], sessions=count[bank])
            for bank in count
        }

    def answers(self, session_id: int) -> list[dict]:
        """Return the answers of one session in the order they were given (picked: a list)."""
        with self._use("read the answers") as conn:
            rows = conn.execute(
                """
                SELECT question_id, question, choices, picked, correct, ms, answered
                FROM answers WHERE session_id = ? ORDER BY id
                """,
                (session_id,),
            ).fetchall()
        return [
            {
                "question_id": question_id,
                "question": question,
                "choices": json.loads(choices),
                "picked": json.loads(picked),
                "correct": bool(correct),
                "ms": ms,
                "answered": _read_time(answered),
            }
            for question_id, question, choices, picked, correct, ms, answered in rows
        ]


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
        if _is_programming_error(error):
            raise
        problem = str(error)
        if "not a database" in problem or "malformed" in problem:
            raise StoreError(
                path,
                f"not a quiz score database ({problem})",
                f"move it away or {FIX}",
            ) from None
        raise StoreError(
            path,
            f"cannot use the score database ({problem})",
            f"check the file and its folder are writable or {FIX}",
        ) from None


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
        raise StoreError(path, "an SQLite database of another program, not a quiz score database")
    if version > len(MIGRATIONS):
        raise StoreError(
            path,
            f"score database version {version} is newer than this quiz knows "
            f"(up to {len(MIGRATIONS)})",
            f"upgrade quiz or {FIX}",
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
