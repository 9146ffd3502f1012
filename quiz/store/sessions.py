"""The store's sessions and answers: starting and ending a run, saving each answer, the scores."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime

from quiz.store.backend import Database, Executor
from quiz.store.model import (
    KINDS,
    MODES,
    BankScore,
    DamagedRow,
    SessionSummary,
    as_utc,
    choice_lists,
    percent,
    stored_time,
)
from quiz.store.timing import hold, settle
from quiz.text.wording import Wording, said

# Shared by plain answers and study answers (quiz.store.cards): copies bank and profile from the
# session, so an answer to a session that does not exist inserts no row.
INSERT_ANSWER = """
    INSERT INTO answers
        (session_id, question_id, bank, profile, question, choices, picked, correct, ms,
         answered)
    SELECT id, :question_id, bank, profile, :question, :choices, :picked, :correct, :ms,
           :answered
    FROM sessions WHERE id = :session_id
"""

_UNFINAL = (
    "UPDATE answers SET final = FALSE"
    " WHERE session_id = :session_id AND question_id = :question_id AND final = TRUE"
)


class SessionQueries:
    """Sessions and answers: the part of quiz.store.Store that every mode uses."""

    _db: Database
    profile: str
    where: str
    #: One line for each row left out (or read in part) because it was damaged or hand-edited.
    damaged: list[Wording]

    def start_session(
        self,
        *,
        bank: str,
        title: str,
        planned: int,
        mode: str = "practice",
        kind: str | None = None,
        profile: str | None = None,
        now: datetime | None = None,
    ) -> int:
        """Record the start of a quiz on a bank and return the new session's id.

        `kind` is what the session is (KINDS; a retry of missed questions is "retry"), its
        mode unless given."""
        if planned < 0:
            raise ValueError(f"planned must not be negative, got {planned}")
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
        kind = mode if kind is None else kind
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
        values = {
            "kind": kind,
            "bank": bank,
            "title": title,
            "mode": mode,
            "planned": planned,
            "started": self._db.dialect.time(as_utc(now)),
            "profile": profile or self.profile,
        }
        # A kind that is its mode is left NULL (as in sessions saved before kinds were).
        sql = (
            "INSERT INTO sessions (bank, title, mode, planned, started, profile)"
            " VALUES (:bank, :title, :mode, :planned, :started, :profile)"
            if kind == mode
            else "INSERT INTO sessions (bank, title, mode, kind, planned, started, profile)"
            " VALUES (:bank, :title, :mode, :kind, :planned, :started, :profile)"
        )
        session_id = self._db.autocommit(
            "save the new session", lambda db: db.insert(sql, values, "id")
        )
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
        row = self._answer_row(
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
            answer_id = self._db.autocommit(
                "save the answer", lambda db: db.insert(INSERT_ANSWER, row, "id")
            )
        else:

            def replacing(db: Executor) -> int | None:
                db.run(_UNFINAL, row)
                return db.insert(INSERT_ANSWER, row, "id")

            answer_id = self._db.transaction("save the answer", replacing)
        if answer_id is None:
            raise ValueError(f"no session {session_id} in {self.where}")
        return answer_id

    def withdraw_answer(self, session_id: int, *, question_id: str) -> None:
        """Take back the answer to a question (an exam question left blank): kept, not counted."""
        values = {"session_id": session_id, "question_id": question_id}
        self._db.autocommit("save the answer", lambda db: db.run(_UNFINAL, values))

    def finish_session(
        self, session_id: int, *, planned: int | None = None, now: datetime | None = None
    ) -> None:
        """Record that a session has ended (and how many questions it asked, when not planned)."""
        self.finish_sessions({session_id: planned}, now=now)

    def finish_sessions(
        self, planned: Mapping[int, int | None], *, now: datetime | None = None
    ) -> None:
        """Record that sessions have ended together (a run over several banks), each with how
        many questions it asked (None: as planned), and keep the time each took (see
        quiz.store.timing), all in one transaction."""
        finished = self._db.dialect.time(as_utc(now))
        dialect = self._db.dialect

        def finish(db: Executor) -> None:
            named = hold(db, dialect, list(planned))
            for session_id, asked in sorted(planned.items()):
                values = {"finished": finished, "planned": asked, "id": session_id}
                sql = "UPDATE sessions SET finished = :finished WHERE id = :id"
                if asked is not None:
                    sql = (
                        "UPDATE sessions SET finished = :finished, planned = :planned"
                        " WHERE id = :id"
                    )
                if db.run(sql, values) != 1:
                    raise ValueError(f"no session {session_id} in {self.where}")
            settle(db, dialect, named)

        self._db.transaction("save the end of the session", finish)

    def sessions(
        self, limit: int | None = None, *, profile: str | None = None
    ) -> list[SessionSummary]:
        """Return the sessions (of one profile, or all), newest first, at most limit of them.

        Only final answers count: an exam answer changed before submitting counts once.
        """
        if limit is not None and limit < 0:
            raise ValueError(f"limit must not be negative, got {limit}")
        where = "" if profile is None else "WHERE s.profile = :profile"
        most = "" if limit is None else "LIMIT :limit"
        sql = f"""
            SELECT s.id, s.bank, s.title, s.started, s.finished, s.planned, s.mode,
                   COALESCE(s.kind, s.mode),
                   (SELECT COUNT(*) FROM answers a
                     WHERE a.session_id = s.id AND a.final = TRUE),
                   (SELECT COUNT(*) FROM answers a
                     WHERE a.session_id = s.id AND a.final = TRUE AND a.correct = TRUE)
            FROM sessions s
            {where}
            ORDER BY s.started DESC, s.id DESC
            {most}
        """
        values = {"profile": profile, "limit": limit}
        rows = self._db.autocommit("read the sessions", lambda db: db.rows(sql, values))
        read_time = self._db.dialect.read_time
        found = []
        for row_values in rows:
            session_id, bank, title, started, finished, planned, mode, kind = row_values[:8]
            answered, correct = row_values[8:]
            row = said("row.session", number=session_id)
            try:
                began = stored_time(read_time, started, row, said("damaged.what.start"))
            except DamagedRow as damage:
                # A hand-edited or damaged row: left out, and said so; the others are read.
                self.damaged.append(said("damaged.left_out", damage=damage.wording))
                continue
            ended = None
            if finished is not None:
                try:
                    ended = stored_time(read_time, finished, row, said("damaged.what.end"))
                except DamagedRow as damage:
                    self.damaged.append(said("damaged.not_finished", damage=damage.wording))
            found.append(
                SessionSummary(
                    id=session_id,
                    bank=bank,
                    title=title,
                    started=began,
                    finished=ended,
                    planned=planned,
                    answered=answered,
                    correct=correct,
                    mode=mode,
                    kind=kind if kind in KINDS else mode,
                )
            )
        return found

    def profiles(self, *, own: bool = True) -> list[str]:
        """Every profile with a session saved, and (`own`) the store's own, sorted by name."""
        rows = self._db.autocommit(
            "read the profiles", lambda db: db.rows("SELECT DISTINCT profile FROM sessions")
        )
        names = {name for (name,) in rows} | ({self.profile} if own else set())
        return sorted(names, key=str.casefold)

    def bank_scores(self, *, profile: str | None = None) -> dict[str, BankScore]:
        """Return each bank's best and latest percentage and its number of sessions.

        Best and last are of finished practice and exam runs only, right / planned (see
        SessionSummary.score); every session of the bank counts in `sessions`.
        """
        best: dict[str, float | None] = {}
        last: dict[str, float | None] = {}
        count: dict[str, int] = {}
        # Newest first, so the first run seen for a bank is its last one.
        for summary in self.sessions(profile=profile):
            bank = summary.bank
            count[bank] = count.get(bank, 0) + 1
            best.setdefault(bank, None)
            last.setdefault(bank, None)
            if not summary.counts_for_bank:
                continue
            score = percent(min(summary.correct, summary.planned), summary.planned)
            if last[bank] is None:
                last[bank] = score
            previous = best[bank]
            if previous is None or score > previous:
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
        counted = "" if changes else " AND final = TRUE"
        sql = f"""
            SELECT question_id, question, choices, picked, correct, ms, answered, final
            FROM answers WHERE session_id = :session_id{counted} ORDER BY id
        """
        values = {"session_id": session_id}
        rows = self._db.autocommit("read the answers", lambda db: db.rows(sql, values))
        read_time = self._db.dialect.read_time
        found = []
        for question_id, question, choices, picked, correct, ms, answered, final in rows:
            where = said("row.answer_to", question=repr(question_id), session=session_id)
            try:
                shown, chosen = choice_lists(choices, picked, where)
                moment = stored_time(read_time, answered, where, said("damaged.what.time"))
            except DamagedRow as damage:
                self.damaged.append(said("damaged.left_out", damage=damage.wording))
                continue
            row = {
                "question_id": question_id,
                "question": question,
                "choices": shown,
                "picked": chosen,
                "correct": bool(correct),
                "ms": ms,
                "answered": moment,
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
        sql = self._db.dialect.last_wrong.format(bank="" if bank is None else " AND bank = :bank")
        values = {"profile": profile or self.profile, "bank": bank}
        rows = self._db.autocommit("read the answers", lambda db: db.rows(sql, values))
        return [(bank_path, question_id) for bank_path, question_id in rows]

    def _answer_row(
        self,
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
        """Check an answer and return the values that insert it."""
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
            "correct": bool(correct),
            "ms": ms,
            "answered": self._db.dialect.time(as_utc(now)),
        }
