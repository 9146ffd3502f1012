"""The store's read queries for the statistics and the results export (quiz.progress).

The statistics read totals, not answers: `answer_totals` (per session and UTC quarter hour) and
`question_totals` (per question), kept by triggers on `answers`, and each session's time, kept
once it ended (`time_figures`, quiz.store.timing). Their reads share one snapshot:

    figures = store.read_statistics(lambda reads: work(reads.quarter_totals("amal", None), ...))

The export streams every final answer with its session's profile and title, oldest first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime

from quiz.store.backend import Database, Dialect, Executor, T
from quiz.store.cards import CARD_COLUMNS, card_of
from quiz.store.model import (
    KINDS,
    AnswerTime,
    CardState,
    DamagedRow,
    ExportAnswer,
    QuarterTotal,
    QuestionTotal,
    SessionInfo,
    StoreError,
    stored_time,
)
from quiz.store.timing import moments, spans, timeline
from quiz.text.wording import Wording, said


class StatisticsReads:
    """The reads of one snapshot of the score database, for quiz.progress.stats."""

    def __init__(
        self, db: Executor, dialect: Dialect, damaged: list[Wording] | None = None
    ) -> None:
        self._db = db
        self._dialect = dialect
        #: Where rows left out because they were damaged are noted (see Store.damaged).
        self.damaged: list[Wording] = [] if damaged is None else damaged

    def quarter_totals(self, profile: str, bank: str | None) -> list[QuarterTotal]:
        """Each quarter hour of each session of a profile (in one bank, or all) with answers."""
        # The bank test is spelled out only when there is one, so the planner sees it.
        where = "s.profile = :profile" + ("" if bank is None else " AND s.bank = :bank")
        rows = self._db.rows(
            f"""
            SELECT s.id, s.bank, s.title, s.mode, s.started, s.finished,
                   s.planned, COALESCE(s.kind, s.mode), t.quarter, t.answers, t.correct, t.ms
            FROM sessions AS s
            JOIN answer_totals AS t ON t.session_id = s.id
            WHERE {where} AND t.answers > 0
            """,
            {"profile": profile, "bank": bank},
        )
        read_time = self._dialect.read_time
        sessions: dict[int, SessionInfo] = {}
        totals = []
        left_out: set[int] = set()
        for session_id, bank_key, title, mode, started, finished, planned, kind, *counts in rows:
            session = sessions.get(session_id)
            if session_id in left_out:
                continue
            if session is None:
                row = said("row.session", number=session_id)
                try:
                    began = stored_time(read_time, started, row, said("damaged.what.start"))
                except DamagedRow as damage:
                    self.damaged.append(
                        said("damaged.left_out_of_statistics", damage=damage.wording)
                    )
                    left_out.add(session_id)
                    continue
                ended = None
                if finished is not None:
                    try:
                        ended = stored_time(read_time, finished, row, said("damaged.what.end"))
                    except DamagedRow as damage:
                        counted = said("damaged.counts_not_finished", damage=damage.wording)
                        self.damaged.append(counted)
                session = sessions[session_id] = SessionInfo(
                    session_id,
                    bank_key,
                    title,
                    mode,
                    began,
                    ended,
                    planned or 0,
                    kind if kind in KINDS else mode,
                )
            quarter, answers, correct, ms = counts
            totals.append(QuarterTotal(session, quarter, answers, correct, ms))
        return totals

    def question_totals(self, profile: str, bank: str | None) -> list[QuestionTotal]:
        """Each question a profile answered (in one bank, or all), with its study card if any."""
        where = "q.profile = :profile" + ("" if bank is None else " AND q.bank = :bank")
        rows = self._db.rows(
            f"""
            SELECT q.bank, q.question_id, q.answers, q.correct,
                   c.card_id, c.stability, c.last_review
            FROM question_totals AS q
            LEFT JOIN cards AS c
                ON c.profile = q.profile AND c.bank = q.bank AND c.question_id = q.question_id
                AND c.retired = FALSE
            WHERE {where} AND q.answers > 0
            """,
            {"profile": profile, "bank": bank},
        )
        read_time = self._dialect.read_time
        found = []
        for bank_key, question_id, answers, correct, card_id, stability, last in rows:
            reviewed = None
            if last is not None:
                try:
                    card = said("row.card", number=card_id)
                    reviewed = stored_time(read_time, last, card, said("damaged.what.last_review"))
                except DamagedRow as damage:
                    self.damaged.append(said("damaged.recall_left_out", damage=damage.wording))
                    card_id = stability = None
            found.append(
                QuestionTotal(bank_key, question_id, answers, correct, card_id, stability, reviewed)
            )
        return found

    def cards(self, card_ids: Sequence[int]) -> dict[int, CardState]:
        """The study cards of the given ids, by id."""
        test, ids = self._dialect.any_of("card_id", "ids", card_ids)
        rows = self._db.rows(f"SELECT {CARD_COLUMNS} FROM cards WHERE {test}", {"ids": ids})
        found = {}
        for row in rows:
            try:
                card = card_of(row, self._dialect)
            except DamagedRow as damage:
                self.damaged.append(said("damaged.left_out_of_statistics", damage=damage.wording))
                continue
            if card.card_id is not None:
                found[card.card_id] = card
        return found

    def answer_times(self, session_id: int, start: datetime, end: datetime) -> list[AnswerTime]:
        """The final answers of a session given in [start, end), one by one."""
        time = self._dialect.time
        rows = self._db.rows(
            "SELECT answered, correct, ms FROM answers WHERE session_id = :session_id"
            " AND final = TRUE AND answered >= :start AND answered < :end",
            {"session_id": session_id, "start": time(start), "end": time(end)},
        )
        read_time = self._dialect.read_time
        found = []
        for at, correct, ms in rows:
            try:
                row = said("row.answer_of", session=session_id)
                moment = stored_time(read_time, at, row, said("damaged.what.time"))
            except DamagedRow as damage:
                self.damaged.append(said("damaged.left_out_of_statistics", damage=damage.wording))
                continue
            found.append(AnswerTime(moment, bool(correct), ms))
        return found

    def activity(
        self, profile: str, session_ids: Sequence[int] | None = None
    ) -> tuple[dict[int, tuple[datetime, datetime | None]], list[tuple[int, float]]]:
        """When a profile's sessions (all, or these) started and finished, by id, and when each
        of their answers was saved (replaced exam answers too, in UTC seconds), oldest first:
        what a session's time is worked out from (quiz.progress.stats_time)."""
        where = "profile = :profile"
        params: dict[str, object] = {"profile": profile}
        if session_ids is not None:
            test, ids = self._dialect.any_of("id", "ids", list(session_ids))
            where, params = f"{where} AND {test}", {**params, "ids": ids}
        return spans(self._db, self._dialect, where, params), moments(
            self._db, self._dialect, where, params
        )

    def time_figures(
        self, profile: str, bank: str | None
    ) -> tuple[dict[int, int], list[tuple[int, int, int]], set[int]]:
        """The time kept of a profile's sessions (in one bank, or all; quiz.store.timing): the
        whole seconds of each session worked out, its milliseconds per UTC quarter hour as
        (session id, quarter, ms), and the ids of the profile's sessions (in every bank) not
        worked out: still going, or changed since."""
        where = "s.profile = :profile" + ("" if bank is None else " AND s.bank = :bank")
        rows = self._db.rows(
            f"""
            SELECT s.id, s.seconds, t.quarter, t.ms
            FROM sessions AS s LEFT JOIN time_totals AS t ON t.session_id = s.id
            WHERE {where} AND s.seconds IS NOT NULL
            """,
            {"profile": profile, "bank": bank},
        )
        seconds: dict[int, int] = {}
        quarters = []
        for session_id, whole, quarter, ms in rows:
            seconds[session_id] = whole
            if quarter is not None:
                quarters.append((session_id, quarter, ms))
        unfigured = self._db.rows(
            "SELECT id FROM sessions WHERE profile = :profile AND seconds IS NULL",
            {"profile": profile},
        )
        return seconds, quarters, {sid for (sid,) in unfigured}

    def timeline(
        self, profile: str, session_ids: Sequence[int]
    ) -> tuple[dict[int, tuple[datetime, datetime | None]], list[tuple[int, float]]]:
        """The sessions these sessions' time depends on (they and those open at the same time),
        and their answers' moments (quiz.store.timing): the time of sessions still going."""
        return timeline(self._db, self._dialect, profile, session_ids)

    def question_text(self, bank: str, question_id: str) -> str:
        """The text a question was last asked with ("" if it was never asked)."""
        row = self._db.row(
            "SELECT question FROM answers WHERE question_id = :question_id AND bank = :bank"
            " ORDER BY id DESC LIMIT 1",
            {"question_id": question_id, "bank": bank},
        )
        return "" if row is None else row[0]


class ReadQueries:
    """Reads for quiz.progress: the part of quiz.store.Store that computes nothing."""

    _db: Database
    where: str
    damaged: list[Wording]

    def read_statistics(self, work: Callable[[StatisticsReads], T]) -> T:
        """Run work with the reads of one snapshot; a quiz saving answers meanwhile goes on."""
        dialect = self._db.dialect
        return self._db.snapshot(
            "read the statistics", lambda db: work(StatisticsReads(db, dialect, self.damaged))
        )

    def database_id(self) -> str:
        """The database's own id: 32 hex digits made at random once, when it was created (or
        upgraded to schema 4); exports name it, so answers from several databases stay apart."""
        row = self._db.autocommit(
            "read the database's id", lambda db: db.row("SELECT id FROM database_id")
        )
        if row is None or not isinstance(row[0], str) or not row[0]:
            raise StoreError(self.where, said("store.lost_id"), said("store.fix.restore"))
        return row[0]

    def export_answers(
        self, *, since: datetime | None = None, profile: str | None = None
    ) -> Iterator[ExportAnswer]:
        """Yield every final answer (of one profile, or all) given from `since`, oldest first.

        Each with its session's id and mode, and its attempt: the how-manieth final answer of
        its profile to its question (bank and id) it is, counted in the order saved, over every
        answer of the database (those before `since` too).
        """
        conditions = []
        if since is not None:
            conditions.append("answered >= :since")
        inner = ["a.final = TRUE"]
        if profile is not None:
            inner.append("a.profile = :profile")
        sql = f"""
            SELECT * FROM (
                SELECT a.id AS answer_id, s.profile, a.bank, s.title, a.question_id,
                       a.question, a.choices, a.picked, a.correct, a.ms,
                       a.answered AS answered, s.id AS session_id, s.mode,
                       ROW_NUMBER() OVER (
                           PARTITION BY a.profile, a.bank, a.question_id ORDER BY a.id
                       ) AS attempt
                FROM answers a JOIN sessions s ON s.id = a.session_id
                WHERE {" AND ".join(inner)}
            ) AS counted
            {"WHERE " + " AND ".join(conditions) if conditions else ""}
            ORDER BY 1
        """
        dialect = self._db.dialect
        values = {
            "since": None if since is None else dialect.time(since),
            "profile": profile,
        }
        read_time = dialect.read_time
        for row in self._db.stream("read the answers", sql, values):
            number, who, bank, title, question_id, question, choices, picked, correct, ms = row[:10]
            try:
                where = said("row.answer", number=number)
                answered = stored_time(read_time, row[10], where, said("damaged.what.time"))
            except DamagedRow as damage:
                self.damaged.append(said("damaged.left_out_of_export", damage=damage.wording))
                continue
            session, mode, attempt = row[11:14]
            yield ExportAnswer(
                who,
                bank,
                title,
                question_id,
                question,
                choices,
                picked,
                bool(correct),
                ms,
                answered,
                number,
                session,
                mode,
                attempt,
            )
