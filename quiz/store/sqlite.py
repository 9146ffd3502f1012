"""The score database: quiz sessions, every answer given, and study cards, kept in SQLite.

Schema (see MIGRATIONS):

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
- `new_card_scan`: where quiz.play.study left off looking for new questions in a bank file.

`Store.profile` is the student whose sessions are started when a call names none (practice's
`Quiz` names none); the modes in quiz.play.exam, quiz.play.review and quiz.play.study take a
profile too.

Times are stored as fixed-width ISO 8601 UTC text, which sorts as it orders.
"""

from __future__ import annotations

import json
import os
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

from quiz.errors import QuizError
from quiz.text.safe import storable

#: Seconds a writer waits for another quiz holding the database before giving up.
BUSY_TIMEOUT = 10.0

#: Marks a file as ours in its header ("QUIZ"), so we never migrate another program's database.
APPLICATION_ID = 0x5155495A

#: What to tell the user when the database at the given path cannot be used.
FIX = "pass --db FILE"

#: The profile of everything saved before profiles existed, and of a store told no other.
DEFAULT_PROFILE = "default"

#: The modes a session can be played in.
MODES = ("practice", "exam", "review", "study")

Migration = Callable[[sqlite3.Connection], None]


class StoreError(QuizError):
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


@dataclass(frozen=True, slots=True)
class CardState:
    """One study card as saved: the FSRS state of one question for one profile.

    `card_id` is None for a card not saved yet (its question's first review creates it).
    `position` is where the question was in its bank, a hint checked against the question's id.
    """

    card_id: int | None
    bank: str
    question_id: str
    position: int
    state: int
    step: int | None
    stability: float
    difficulty: float
    due: datetime
    last_review: datetime


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    """One line of a card's review log."""

    card_id: int
    rating: int
    reviewed: datetime
    ms: int


@dataclass(frozen=True, slots=True)
class NewCardScan:
    """Where the search for new questions in one bank file stopped, for one profile.

    Valid while the file's size and modification time are unchanged: every question before
    `scanned_to` then has a card, except those at the positions in `pending`.
    """

    file_size: int
    file_mtime_ns: int
    scanned_to: int
    pending: tuple[int, ...]


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
]


def bank_key(path: Path | str) -> str:
    """Return the text a bank's history is saved under: its resolved path.

    Links are followed as far as they go (a loop does not raise), and bytes of a file name that
    are not UTF-8 are written as escapes (\\xe9): SQLite cannot hold them as they are.
    """
    return storable(os.path.realpath(path))


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
    """The one door to the score database; build it with Store.open().

    `profile` is the student whose sessions are started when a call names no profile.
    """

    def __init__(
        self, path: Path, connection: sqlite3.Connection, *, profile: str = DEFAULT_PROFILE
    ) -> None:
        self.path = path
        self.profile = profile
        self._conn = connection
        # The TUI may write from a worker thread; one connection, one caller at a time.
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: Path, *, profile: str = DEFAULT_PROFILE) -> Store:
        """Open (creating if needed) the score database at path, migrated to the current schema."""
        path = Path(path)
        if os.path.isdir(path):
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
        return cls(path, connection, profile=profile)

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

    @contextmanager
    def _write(self, action: str) -> Iterator[sqlite3.Connection]:
        """Hold the connection for several writes in one transaction, committed on return."""
        with self._use(action) as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    # -- sessions and answers -----------------------------------------------------------------

    def start_session(
        self,
        *,
        bank: str,
        title: str,
        planned: int,
        mode: str = "practice",
        profile: str | None = None,
        now: datetime | None = None,
    ) -> int:
        """Record the start of a quiz on a bank and return the new session's id."""
        if planned < 0:
            raise ValueError(f"planned must not be negative, got {planned}")
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
        started = _stored_time(_utc(now))
        with self._use("save the new session") as conn:
            cursor = conn.execute(
                "INSERT INTO sessions (bank, title, mode, planned, started, profile)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (bank, title, mode, planned, started, profile or self.profile),
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
        replace: bool = False,
        now: datetime | None = None,
    ) -> int:
        """Save one answer, committed before this returns; choices are in the order shown.

        `picked` is the index of the choice picked, or the indices when several may be right.
        With `replace` (an exam answer being changed) the answer replaces the earlier answers to
        the same question in this session, which stay saved but no longer count. Returns the
        answer's id.
        """
        row = _answer_row(
            session_id,
            question_id=question_id,
            question=question,
            choices=choices,
            picked=picked,
            correct=correct,
            ms=ms,
            now=now,
        )
        if not replace:
            # Autocommit: this single statement is its own transaction, durable once it returns.
            with self._use("save the answer") as conn:
                answer_id = _insert_answer(conn, row)
        else:
            with self._write("save the answer") as conn:
                conn.execute(
                    "UPDATE answers SET final = 0"
                    " WHERE session_id = ? AND question_id = ? AND final = 1",
                    (session_id, question_id),
                )
                answer_id = _insert_answer(conn, row)
        if answer_id is None:
            raise ValueError(f"no session {session_id} in {self.path}")
        return answer_id

    def withdraw_answer(self, session_id: int, *, question_id: str) -> None:
        """Take back the answer to a question (an exam question left blank): kept, not counted."""
        with self._use("save the answer") as conn:
            conn.execute(
                "UPDATE answers SET final = 0"
                " WHERE session_id = ? AND question_id = ? AND final = 1",
                (session_id, question_id),
            )

    def finish_session(
        self, session_id: int, *, planned: int | None = None, now: datetime | None = None
    ) -> None:
        """Record that a session has ended (and how many questions it asked, when not planned)."""
        finished = _stored_time(_utc(now))
        with self._use("save the end of the session") as conn:
            cursor = conn.execute(
                "UPDATE sessions SET finished = ?, planned = COALESCE(?, planned) WHERE id = ?",
                (finished, planned, session_id),
            )
        if cursor.rowcount != 1:
            raise ValueError(f"no session {session_id} in {self.path}")

    def sessions(
        self, limit: int | None = None, *, profile: str | None = None
    ) -> list[SessionSummary]:
        """Return the sessions (of one profile, or all), newest first, at most limit of them.

        Only final answers count: an exam answer changed before submitting counts once.
        """
        if limit is not None and limit < 0:
            raise ValueError(f"limit must not be negative, got {limit}")
        with self._use("read the sessions") as conn:
            rows = conn.execute(
                """
                SELECT s.id, s.bank, s.title, s.started, s.finished, s.planned,
                       (SELECT COUNT(*) FROM answers a
                         WHERE a.session_id = s.id AND a.final = 1),
                       (SELECT COALESCE(SUM(a.correct), 0) FROM answers a
                         WHERE a.session_id = s.id AND a.final = 1)
                FROM sessions s
                WHERE :profile IS NULL OR s.profile = :profile
                ORDER BY s.started DESC, s.id DESC
                LIMIT :limit
                """,
                {"profile": profile, "limit": -1 if limit is None else limit},
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

    def profiles(self) -> list[str]:
        """Every profile with a session saved, and the store's own, sorted by name."""
        with self._use("read the profiles") as conn:
            rows = conn.execute("SELECT DISTINCT profile FROM sessions").fetchall()
        return sorted({name for (name,) in rows} | {self.profile}, key=str.casefold)

    def bank_scores(self, *, profile: str | None = None) -> dict[str, BankScore]:
        """Return each bank's best and latest percentage and its number of sessions."""
        best: dict[str, float | None] = {}
        last: dict[str, float | None] = {}
        count: dict[str, int] = {}
        # Newest first, so the first session with answers seen for a bank is its last one.
        for summary in self.sessions(profile=profile):
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

    def answers(self, session_id: int, *, changes: bool = False) -> list[dict]:
        """Return the answers of one session in the order they were given (picked: a list).

        Only the answers that count, unless `changes`: then every answer saved, replaced ones
        too, each with a "final" key saying whether it counts.
        """
        with self._use("read the answers") as conn:
            rows = conn.execute(
                """
                SELECT question_id, question, choices, picked, correct, ms, answered, final
                FROM answers WHERE session_id = ? AND (? OR final = 1) ORDER BY id
                """,
                (session_id, changes),
            ).fetchall()
        found = []
        for question_id, question, choices, picked, correct, ms, answered, final in rows:
            row = {
                "question_id": question_id,
                "question": question,
                "choices": json.loads(choices),
                "picked": json.loads(picked),
                "correct": bool(correct),
                "ms": ms,
                "answered": _read_time(answered),
            }
            if changes:
                row["final"] = bool(final)
            found.append(row)
        return found

    def last_wrong(
        self, *, profile: str | None = None, bank: str | None = None
    ) -> list[tuple[str, str]]:
        """Return (bank, question_id) of each question whose latest answer was wrong.

        For one profile (the store's unless given), in one bank or all; across every session and
        mode, counting final answers only. Sorted by bank, then by when it was got wrong.
        """
        with self._use("read the answers") as conn:
            rows = conn.execute(
                """
                SELECT bank, question_id FROM (
                    -- A bare column beside MAX() comes from the row holding the maximum.
                    SELECT bank, question_id, correct, MAX(id) AS latest
                    FROM answers
                    WHERE profile = :profile AND final = 1
                      AND (:bank IS NULL OR bank = :bank)
                    GROUP BY bank, question_id
                )
                WHERE correct = 0
                ORDER BY bank, latest
                """,
                {"profile": profile or self.profile, "bank": bank},
            ).fetchall()
        return [(bank_path, question_id) for bank_path, question_id in rows]

    # -- study cards ---------------------------------------------------------------------------

    def due_cards(
        self,
        *,
        profile: str,
        banks: Sequence[str],
        now: datetime,
        after: tuple[datetime, int] | None = None,
        limit: int = 100,
    ) -> list[CardState]:
        """Return the cards of the banks due at `now`, earliest due first, at most `limit`.

        `after` is the (due, card_id) of the last card of the previous page. Each bank is one
        range of the cards_due index, read in due order and stopped at `limit`.
        """
        params: dict[str, object] = {
            "profile": profile,
            "now": _stored_time(_utc(now)),
            "limit": limit,
        }
        # Spelled out rather than "(:after IS NULL OR ...)", which would hide the lower bound
        # from the planner and make every page read the range from its start.
        page = ""
        if after is not None:
            page = "AND due >= :after_due AND (due > :after_due OR card_id > :after_id)"
            params |= {"after_due": _stored_time(after[0]), "after_id": after[1]}
        found: list[CardState] = []
        with self._use("read the study cards") as conn:
            for bank in dict.fromkeys(banks):
                rows = conn.execute(
                    f"""
                    SELECT {_CARD_COLUMNS} FROM cards
                    WHERE profile = :profile AND bank = :bank AND retired = 0 AND due <= :now
                      {page}
                    ORDER BY due, card_id
                    LIMIT :limit
                    """,
                    {**params, "bank": bank},
                ).fetchall()
                found.extend(map(_card, rows))
        if len(banks) > 1:
            found.sort(key=lambda card: (card.due, card.card_id or 0))
        return found[:limit]

    def count_due(self, *, profile: str, bank: str, now: datetime) -> int:
        """Return how many cards of a bank are due at `now` (a range count on an index)."""
        with self._use("read the study cards") as conn:
            (count,) = conn.execute(
                "SELECT COUNT(*) FROM cards"
                " WHERE profile = ? AND bank = ? AND retired = 0 AND due <= ?",
                (profile, bank, _stored_time(_utc(now))),
            ).fetchone()
        return count

    def count_cards(self, *, profile: str, bank: str) -> int:
        """Return how many cards a bank has (its questions reviewed at least once, not retired)."""
        with self._use("read the study cards") as conn:
            row = conn.execute(
                "SELECT cards FROM card_counts WHERE profile = ? AND bank = ?", (profile, bank)
            ).fetchone()
        return 0 if row is None else row[0]

    def introduced(self, *, profile: str, since: datetime, until: datetime) -> int:
        """Return how many cards of a profile had their first review in [since, until)."""
        with self._use("read the study cards") as conn:
            (count,) = conn.execute(
                "SELECT COUNT(*) FROM cards WHERE profile = ? AND introduced >= ?"
                " AND introduced < ?",
                (profile, _stored_time(_utc(since)), _stored_time(_utc(until))),
            ).fetchone()
        return count

    def cards_of(
        self, *, profile: str, bank: str, question_ids: Sequence[str] | None = None
    ) -> dict[str, CardState]:
        """Return the cards of a bank (those of the given questions only, when given) by id.

        Retired cards are included; see `retired_cards`.
        """
        sql = f"SELECT {_CARD_COLUMNS} FROM cards WHERE profile = :profile AND bank = :bank"
        params = {"profile": profile, "bank": bank}
        if question_ids is not None:
            # One lookup per id in the (profile, bank, question_id) unique index.
            sql += " AND question_id IN (SELECT value FROM json_each(:ids))"
            params["ids"] = json.dumps(list(question_ids))
        with self._use("read the study cards") as conn:
            rows = conn.execute(sql, params).fetchall()
        return {card.question_id: card for card in map(_card, rows)}

    def card_places(self, *, profile: str, bank: str) -> dict[str, tuple[int, bool]]:
        """Return each card of a bank as question_id -> (position hint, retired)."""
        with self._use("read the study cards") as conn:
            rows = conn.execute(
                "SELECT question_id, position, retired FROM cards WHERE profile = ? AND bank = ?",
                (profile, bank),
            ).fetchall()
        return {qid: (position, bool(retired)) for qid, position, retired in rows}

    def retired_cards(self, *, profile: str, bank: str) -> set[str]:
        """Return the question ids of a bank's retired cards (their question left the bank)."""
        with self._use("read the study cards") as conn:
            rows = conn.execute(
                "SELECT question_id FROM cards WHERE profile = ? AND bank = ? AND retired = 1",
                (profile, bank),
            ).fetchall()
        return {question_id for (question_id,) in rows}

    def match_cards(
        self,
        *,
        profile: str,
        bank: str,
        positions: dict[str, int],
        retire: Sequence[str],
        restore: Sequence[str],
    ) -> None:
        """Bring a bank's cards in line with its file: new positions, retired and restored cards."""
        with self._write("save the study cards") as conn:
            conn.executemany(
                "UPDATE cards SET position = ? WHERE profile = ? AND bank = ? AND question_id = ?",
                [(position, profile, bank, qid) for qid, position in positions.items()],
            )
            conn.executemany(
                "UPDATE cards SET retired = ? WHERE profile = ? AND bank = ? AND question_id = ?",
                [(1, profile, bank, qid) for qid in retire]
                + [(0, profile, bank, qid) for qid in restore],
            )

    def record_review(
        self,
        session_id: int,
        *,
        card: CardState,
        rating: int,
        question: str,
        choices: Sequence[str],
        picked: int | Sequence[int],
        correct: bool,
        ms: int,
        now: datetime | None = None,
    ) -> int:
        """Save a study answer, the card's new state and its review log line in one transaction.

        The card is created when its card_id is None (its first review). Returns the card_id.
        """
        row = _answer_row(
            session_id,
            question_id=card.question_id,
            question=question,
            choices=choices,
            picked=picked,
            correct=correct,
            ms=ms,
            now=now,
        )
        state = {
            "bank": card.bank,
            "question_id": card.question_id,
            "position": card.position,
            "state": card.state,
            "step": card.step,
            "stability": card.stability,
            "difficulty": card.difficulty,
            "due": _stored_time(card.due),
            "last_review": _stored_time(card.last_review),
        }
        with self._write("save the study answer") as conn:
            answer_id = _insert_answer(conn, row)
            if answer_id is None:
                raise ValueError(f"no session {session_id} in {self.path}")
            if card.card_id is None:
                cursor = conn.execute(
                    """
                    INSERT INTO cards
                        (profile, bank, question_id, position, state, step, stability,
                         difficulty, due, last_review, introduced)
                    SELECT profile, :bank, :question_id, :position, :state, :step, :stability,
                           :difficulty, :due, :last_review, :last_review
                    FROM sessions WHERE id = :session_id
                    """,
                    {**state, "session_id": session_id},
                )
                card_id = cursor.lastrowid
                assert card_id is not None
            else:
                card_id = card.card_id
                cursor = conn.execute(
                    """
                    UPDATE cards SET position = :position, state = :state, step = :step,
                        stability = :stability, difficulty = :difficulty, due = :due,
                        last_review = :last_review
                    WHERE card_id = :card_id
                    """,
                    {**state, "card_id": card_id},
                )
                if cursor.rowcount != 1:
                    raise ValueError(f"no card {card_id} in {self.path}")
            conn.execute(
                "INSERT INTO review_log (card_id, answer_id, rating, reviewed, ms)"
                " VALUES (?, ?, ?, ?, ?)",
                (card_id, answer_id, rating, state["last_review"], ms),
            )
        return card_id

    def review_log(self, card_id: int) -> list[ReviewEntry]:
        """Return a card's reviews, oldest first (to reschedule it under new rules)."""
        with self._use("read the review log") as conn:
            rows = conn.execute(
                "SELECT card_id, rating, reviewed, ms FROM review_log WHERE card_id = ?"
                " ORDER BY reviewed, id",
                (card_id,),
            ).fetchall()
        return [ReviewEntry(cid, rating, _read_time(at), ms) for cid, rating, at, ms in rows]

    def recent_review_ms(self, *, profile: str, limit: int = 50) -> list[int]:
        """Return how long the profile's latest right study answers took, newest first."""
        with self._use("read the review log") as conn:
            rows = conn.execute(
                """
                SELECT r.ms FROM review_log r JOIN cards c ON c.card_id = r.card_id
                WHERE c.profile = ? AND r.rating > 1
                ORDER BY r.id DESC LIMIT ?
                """,
                (profile, limit),
            ).fetchall()
        return [ms for (ms,) in rows]

    def new_card_scan(self, *, profile: str, bank: str) -> NewCardScan | None:
        """Return where the search for new questions in a bank stopped, if it was saved."""
        with self._use("read the study cards") as conn:
            row = conn.execute(
                "SELECT file_size, file_mtime_ns, scanned_to, pending FROM new_card_scan"
                " WHERE profile = ? AND bank = ?",
                (profile, bank),
            ).fetchone()
        if row is None:
            return None
        size, mtime_ns, scanned_to, pending = row
        return NewCardScan(size, mtime_ns, scanned_to, tuple(json.loads(pending)))

    def save_new_card_scan(self, *, profile: str, bank: str, scan: NewCardScan) -> None:
        """Save where the search for new questions in a bank stopped."""
        with self._use("save the study cards") as conn:
            conn.execute(
                "INSERT OR REPLACE INTO new_card_scan"
                " (profile, bank, file_size, file_mtime_ns, scanned_to, pending)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    profile,
                    bank,
                    scan.file_size,
                    scan.file_mtime_ns,
                    scan.scanned_to,
                    json.dumps(list(scan.pending)),
                ),
            )


class SessionGroup:
    """The sessions of one run over several banks: one per bank, started at its first answer.

    Review and study may take questions from many banks; each bank's answers go to a session of
    that bank, so the scores stay per bank.
    """

    def __init__(
        self,
        store: Store,
        *,
        mode: str,
        profile: str,
        planned: dict[str, int],
        now: Callable[[], datetime],
    ) -> None:
        self.store = store
        self.mode = mode
        self.profile = profile
        self.planned = planned
        self.now = now
        #: The session of each bank that has had an answer, by bank path.
        self.ids: dict[str, int] = {}
        self.counts: dict[str, int] = {}

    def session_for(self, bank: str, title: str) -> int:
        """Return the session of a bank, starting it now if it has none yet."""
        if bank not in self.ids:
            self.ids[bank] = self.store.start_session(
                bank=bank,
                title=title,
                planned=self.planned.get(bank, 0),
                mode=self.mode,
                profile=self.profile,
                now=self.now(),
            )
        self.counts[bank] = self.counts.get(bank, 0) + 1
        return self.ids[bank]

    def finish(self, *, fix_planned: bool = False) -> None:
        """End every session started (with planned set to what was answered, if asked)."""
        for bank, session_id in self.ids.items():
            planned = self.counts.get(bank, 0) if fix_planned else None
            self.store.finish_session(session_id, planned=planned, now=self.now())


_CARD_COLUMNS = (
    "card_id, bank, question_id, position, state, step, stability, difficulty, due, last_review"
)


def _card(row: tuple) -> CardState:
    card_id, bank, question_id, position, state, step, stability, difficulty, due, last = row
    return CardState(
        card_id=card_id,
        bank=bank,
        question_id=question_id,
        position=position,
        state=state,
        step=step,
        stability=stability,
        difficulty=difficulty,
        due=_read_time(due),
        last_review=_read_time(last),
    )


def _answer_row(
    session_id: int,
    *,
    question_id: str,
    question: str,
    choices: Sequence[str],
    picked: int | Sequence[int],
    correct: bool,
    ms: int,
    now: datetime | None,
) -> dict[str, object]:
    """Check an answer and return the parameters that insert it."""
    if isinstance(choices, str):
        raise TypeError("choices must be a sequence of choice texts, not one string")
    picks = [picked] if isinstance(picked, int) else sorted(picked)
    for pick in picks:
        if not 0 <= pick < len(choices):
            raise ValueError(f"picked {pick} is not an index into {len(choices)} choices")
    if ms < 0:
        raise ValueError(f"ms must not be negative, got {ms}")
    return {
        "session_id": session_id,
        "question_id": question_id,
        "question": question,
        "choices": json.dumps(list(choices), ensure_ascii=False),
        "picked": json.dumps(picks),
        "correct": int(bool(correct)),
        "ms": ms,
        "answered": _stored_time(_utc(now)),
    }


def _insert_answer(conn: sqlite3.Connection, row: dict[str, object]) -> int | None:
    """Insert an answer, copying bank and profile from its session; None if there is none."""
    cursor = conn.execute(
        """
        INSERT INTO answers
            (session_id, question_id, bank, profile, question, choices, picked, correct, ms,
             answered)
        SELECT id, :question_id, bank, profile, :question, :choices, :picked, :correct, :ms,
               :answered
        FROM sessions WHERE id = :session_id
        """,
        row,
    )
    return cursor.lastrowid if cursor.rowcount == 1 else None


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
