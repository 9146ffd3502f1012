"""The store's read queries for the statistics and the results export (quiz.progress).

The statistics read totals, not answers: `answer_totals` (per session and UTC quarter hour) and
`question_totals` (per question), kept by triggers on `answers`. Their reads share one snapshot:

    figures = store.read_statistics(lambda reads: work(reads.quarter_totals("amal", None), ...))

The export streams every final answer with its session's profile and title, oldest first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime

from quiz.store.backend import Database, Dialect, Executor, T
from quiz.store.cards import CARD_COLUMNS, card_of
from quiz.store.model import (
    AnswerTime,
    CardState,
    ExportAnswer,
    QuarterTotal,
    QuestionTotal,
    SessionInfo,
)


class StatisticsReads:
    """The reads of one snapshot of the score database, for quiz.progress.stats."""

    def __init__(self, db: Executor, dialect: Dialect) -> None:
        self._db = db
        self._dialect = dialect

    def quarter_totals(self, profile: str, bank: str | None) -> list[QuarterTotal]:
        """Each quarter hour of each session of a profile (in one bank, or all) with answers."""
        # The bank test is spelled out only when there is one, so the planner sees it.
        where = "s.profile = :profile" + ("" if bank is None else " AND s.bank = :bank")
        rows = self._db.rows(
            f"""
            SELECT s.id, s.bank, s.title, s.mode, s.started, s.finished,
                   t.quarter, t.answers, t.correct, t.ms
            FROM sessions AS s
            JOIN answer_totals AS t ON t.session_id = s.id
            WHERE {where} AND t.answers > 0
            """,
            {"profile": profile, "bank": bank},
        )
        read_time = self._dialect.read_time
        sessions: dict[int, SessionInfo] = {}
        totals = []
        for session_id, bank_key, title, mode, started, finished, *counts in rows:
            session = sessions.get(session_id)
            if session is None:
                session = sessions[session_id] = SessionInfo(
                    session_id,
                    bank_key,
                    title,
                    mode,
                    read_time(started),
                    None if finished is None else read_time(finished),
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
        return [
            QuestionTotal(
                bank_key,
                question_id,
                answers,
                correct,
                card_id,
                stability,
                None if last is None else read_time(last),
            )
            for bank_key, question_id, answers, correct, card_id, stability, last in rows
        ]

    def cards(self, card_ids: Sequence[int]) -> dict[int, CardState]:
        """The study cards of the given ids, by id."""
        test, ids = self._dialect.any_of("card_id", "ids", card_ids)
        rows = self._db.rows(f"SELECT {CARD_COLUMNS} FROM cards WHERE {test}", {"ids": ids})
        cards = (card_of(row, self._dialect) for row in rows)
        return {card.card_id: card for card in cards if card.card_id is not None}

    def answer_times(self, session_id: int, start: datetime, end: datetime) -> list[AnswerTime]:
        """The final answers of a session given in [start, end), one by one."""
        time = self._dialect.time
        rows = self._db.rows(
            "SELECT answered, correct, ms FROM answers WHERE session_id = :session_id"
            " AND final = TRUE AND answered >= :start AND answered < :end",
            {"session_id": session_id, "start": time(start), "end": time(end)},
        )
        read_time = self._dialect.read_time
        return [AnswerTime(read_time(at), bool(correct), ms) for at, correct, ms in rows]

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

    def read_statistics(self, work: Callable[[StatisticsReads], T]) -> T:
        """Run work with the reads of one snapshot; a quiz saving answers meanwhile goes on."""
        dialect = self._db.dialect
        return self._db.snapshot(
            "read the statistics", lambda db: work(StatisticsReads(db, dialect))
        )

    def export_answers(
        self, *, since: datetime | None = None, profile: str | None = None
    ) -> Iterator[ExportAnswer]:
        """Yield every final answer (of one profile, or all) given from `since`, oldest first."""
        conditions = ["a.final = TRUE"]
        if since is not None:
            conditions.append("a.answered >= :since")
        if profile is not None:
            conditions.append("s.profile = :profile")
        sql = f"""
            SELECT s.profile, a.bank, s.title, a.question_id, a.question, a.choices,
                   a.picked, a.correct, a.ms, a.answered
            FROM answers a JOIN sessions s ON s.id = a.session_id
            WHERE {" AND ".join(conditions)}
            ORDER BY a.id
        """
        dialect = self._db.dialect
        values = {
            "since": None if since is None else dialect.time(since),
            "profile": profile,
        }
        read_time = dialect.read_time
        for row in self._db.stream("read the answers", sql, values):
            who, bank, title, question_id, question, choices, picked, correct, ms, answered = row
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
                read_time(answered),
            )
