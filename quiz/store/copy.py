"""`quiz db migrate`: copy every profile's scores from one score database into another.

Made for moving a laptop's SQLite file into a school's PostgreSQL server, it works between any
two stores. Rows get new ids in the target (other students' rows are there already) and are
matched by what they are, so running it again adds nothing, and running it after more quizzes
adds only those:

- a session by (profile, bank, mode, started); one finished since the last copy is finished;
- an answer by (session, question_id, answered); whether it counts (`final`) follows the source;
- a card by (profile, bank, question_id); the one reviewed last wins;
- a review by (card, reviewed, rating).

The totals kept by triggers follow, and the time of the sessions copied is worked out (and of
those they overlap). Where the search for new study questions (new_card_scan, a cache) could now
be wrong, the target's is dropped: it is redone at the next study.
Everything is copied in one transaction of the target: all of it or nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from quiz.store.backend import Dialect, Executor
from quiz.store.store import Store
from quiz.store.timing import hold, settle

#: How many answers are sent to the target at once.
BATCH = 1000

KINDS = ("sessions", "answers", "cards", "reviews")

_INSERT_ANSWER = """
    INSERT INTO answers (session_id, question_id, bank, profile, question, choices, picked,
                         correct, ms, answered, final)
    VALUES (:session_id, :question_id, :bank, :profile, :question, :choices, :picked,
            :correct, :ms, :answered, :final)
"""

_CARD_STATE = "position, state, step, stability, difficulty, due, last_review, introduced, retired"


@dataclass(slots=True)
class CopyReport:
    """How many rows of each kind the source has, how many were added, how many were there."""

    source: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    present: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    #: Rows already there that were brought up to date (a session finished, a card reviewed).
    updated: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))


def copy_scores(source: Store, target: Store) -> CopyReport:
    """Copy every profile's sessions, answers, cards and reviews; see the module docstring."""
    sdb, tdb = source._db, target._db
    sessions = sdb.snapshot(
        "read the sessions",
        lambda db: db.rows(
            "SELECT id, profile, bank, title, mode, planned, started, finished FROM sessions"
            " ORDER BY id"
        ),
    )
    cards = sdb.snapshot(
        "read the study cards",
        lambda db: db.rows(
            f"SELECT card_id, profile, bank, question_id, {_CARD_STATE} FROM cards ORDER BY card_id"
        ),
    )
    reviews = sdb.snapshot(
        "read the review log",
        lambda db: db.rows(
            "SELECT card_id, answer_id, rating, reviewed, ms FROM review_log ORDER BY id"
        ),
    )
    referenced = {row[1] for row in reviews if row[1] is not None}

    def copy(db: Executor) -> CopyReport:
        # Made anew each time: a back end that reconnects runs this again from the start.
        report = CopyReport()
        report.source.update(sessions=len(sessions), cards=len(cards), reviews=len(reviews))
        # The time of the sessions copied (and of those they overlap) is worked out at the end.
        named = hold(db, tdb.dialect, profiles=sorted({row[1] for row in sessions}))
        answers = sdb.stream(
            "read the answers",
            "SELECT id, session_id, question_id, bank, profile, question, choices, picked,"
            " correct, ms, answered, final FROM answers ORDER BY id",
            {},
        )
        copier = _Copier(db, sdb.dialect, tdb.dialect, report)
        copier.sessions(sessions)
        copier.answers(answers, referenced=referenced)
        copier.cards(cards)
        copier.reviews(reviews)
        settle(db, tdb.dialect, named)
        return report

    return tdb.transaction("copy the scores", copy)


class _Copier:
    """The copy's work inside the target's transaction, with the ids it has mapped."""

    def __init__(self, db: Executor, source: Dialect, target: Dialect, report: CopyReport) -> None:
        self.db = db
        self.read = source.read_time
        self.dialect = target
        self.report = report
        #: Source id -> target id.
        self.session_ids: dict[int, int] = {}
        self.answer_ids: dict[int, int] = {}
        self.card_ids: dict[int, int] = {}
        #: (profile, bank) of the cards added: their new-question search is redone.
        self.new_cards: set[tuple[str, str]] = set()

    def time(self, value: Any) -> object:
        return None if value is None else self.dialect.time(self.read(value))

    def _existing(self, sql: str, column: str, values: list) -> list[tuple]:
        if not values:
            return []
        test, bound = self.dialect.any_of(column, "values", values)
        return self.db.rows(sql.format(where=test), {"values": bound})

    def sessions(self, rows: list[tuple]) -> None:
        target_read = self.dialect.read_time
        profiles = sorted({row[1] for row in rows})
        there = {
            (profile, bank, mode, target_read(started)): (session_id, finished)
            for session_id, profile, bank, mode, started, finished in self._existing(
                "SELECT id, profile, bank, mode, started, finished FROM sessions WHERE {where}",
                "profile",
                profiles,
            )
        }
        for session_id, profile, bank, title, mode, planned, started, finished in rows:
            key = (profile, bank, mode, self.read(started))
            found = there.get(key)
            values = {
                "profile": profile,
                "bank": bank,
                "title": title,
                "mode": mode,
                "planned": planned,
                "started": self.time(started),
                "finished": self.time(finished),
            }
            if found is None:
                new_id = self.db.insert(
                    "INSERT INTO sessions (profile, bank, title, mode, planned, started, finished)"
                    " VALUES (:profile, :bank, :title, :mode, :planned, :started, :finished)",
                    values,
                    "id",
                )
                assert new_id is not None
                self.session_ids[session_id] = new_id
                self.report.added["sessions"] += 1
                continue
            self.session_ids[session_id] = found[0]
            self.report.present["sessions"] += 1
            if found[1] is None and finished is not None:
                self.db.run(
                    "UPDATE sessions SET finished = :finished, planned = :planned WHERE id = :id",
                    {**values, "id": found[0]},
                )
                self.report.updated["sessions"] += 1

    def answers(self, rows: Iterator[tuple], *, referenced: set[int]) -> None:
        target_read = self.dialect.read_time
        there = {
            (session_id, question_id, target_read(answered)): (answer_id, bool(final))
            for answer_id, session_id, question_id, answered, final in self._existing(
                "SELECT id, session_id, question_id, answered, final FROM answers WHERE {where}",
                "session_id",
                sorted(set(self.session_ids.values())),
            )
        }
        batch: list[dict[str, object]] = []
        for row in rows:
            answer_id, session_id, question_id, bank, profile, *rest = row
            question, choices, picked, correct, ms, answered, final = rest
            self.report.source["answers"] += 1
            target_session = self.session_ids.get(session_id)
            if target_session is None:
                continue  # its session began after the sessions were read: the next copy
            found = there.get((target_session, question_id, self.read(answered)))
            if found is not None:
                self.report.present["answers"] += 1
                self.answer_ids[answer_id] = found[0]
                if found[1] != bool(final):
                    self.db.run(
                        "UPDATE answers SET final = :final WHERE id = :id",
                        {"final": bool(final), "id": found[0]},
                    )
                    self.report.updated["answers"] += 1
                continue
            values = {
                "session_id": target_session,
                "question_id": question_id,
                "bank": bank,
                "profile": profile,
                "question": question,
                "choices": choices,
                "picked": picked,
                "correct": bool(correct),
                "ms": ms,
                "answered": self.time(answered),
                "final": bool(final),
            }
            self.report.added["answers"] += 1
            if answer_id not in referenced:
                batch.append(values)
                if len(batch) >= BATCH:
                    self._flush(batch)
                continue
            # A study answer: its review needs its new id. The batch goes first, so the
            # answers keep their order (the review list reads the latest by id).
            self._flush(batch)
            new_id = self.db.insert(_INSERT_ANSWER, values, "id")
            assert new_id is not None
            self.answer_ids[answer_id] = new_id
        self._flush(batch)

    def _flush(self, batch: list[dict[str, object]]) -> None:
        if batch:
            self.db.run_many(_INSERT_ANSWER, batch)
            batch.clear()

    def cards(self, rows: list[tuple]) -> None:
        target_read = self.dialect.read_time
        there = {
            (profile, bank, question_id): (card_id, target_read(last_review))
            for card_id, profile, bank, question_id, last_review in self._existing(
                "SELECT card_id, profile, bank, question_id, last_review FROM cards WHERE {where}",
                "profile",
                sorted({row[1] for row in rows}),
            )
        }
        for card_id, profile, bank, question_id, *state in rows:
            position, kind, step, stability, difficulty, due, last, introduced, retired = state
            values = {
                "profile": profile,
                "bank": bank,
                "question_id": question_id,
                "position": position,
                "state": kind,
                "step": step,
                "stability": stability,
                "difficulty": difficulty,
                "due": self.time(due),
                "last_review": self.time(last),
                "introduced": self.time(introduced),
                "retired": bool(retired),
            }
            found = there.get((profile, bank, question_id))
            if found is None:
                new_id = self.db.insert(
                    f"INSERT INTO cards (profile, bank, question_id, {_CARD_STATE}) VALUES"
                    " (:profile, :bank, :question_id, :position, :state, :step, :stability,"
                    " :difficulty, :due, :last_review, :introduced, :retired)",
                    values,
                    "card_id",
                )
                assert new_id is not None
                self.card_ids[card_id] = new_id
                self.new_cards.add((profile, bank))
                self.report.added["cards"] += 1
                continue
            self.card_ids[card_id] = found[0]
            self.report.present["cards"] += 1
            if self.read(last) > found[1]:
                self.db.run(
                    "UPDATE cards SET position = :position, state = :state, step = :step,"
                    " stability = :stability, difficulty = :difficulty, due = :due,"
                    " last_review = :last_review, retired = :retired WHERE card_id = :card_id",
                    {**values, "card_id": found[0]},
                )
                self.report.updated["cards"] += 1
        self.db.run_many(
            "DELETE FROM new_card_scan WHERE profile = :profile AND bank = :bank",
            [{"profile": profile, "bank": bank} for profile, bank in sorted(self.new_cards)],
        )

    def reviews(self, rows: list[tuple]) -> None:
        target_read = self.dialect.read_time
        there = {
            (card_id, target_read(reviewed), rating)
            for card_id, reviewed, rating in self._existing(
                "SELECT card_id, reviewed, rating FROM review_log WHERE {where}",
                "card_id",
                sorted(set(self.card_ids.values())),
            )
        }
        new = []
        for card_id, answer_id, rating, reviewed, ms in rows:
            target_card = self.card_ids.get(card_id)
            if target_card is None:
                continue
            if (target_card, self.read(reviewed), rating) in there:
                self.report.present["reviews"] += 1
                continue
            new.append(
                {
                    "card_id": target_card,
                    "answer_id": None if answer_id is None else self.answer_ids.get(answer_id),
                    "rating": rating,
                    "reviewed": self.time(reviewed),
                    "ms": ms,
                }
            )
        self.db.run_many(
            "INSERT INTO review_log (card_id, answer_id, rating, reviewed, ms)"
            " VALUES (:card_id, :answer_id, :rating, :reviewed, :ms)",
            new,
        )
        self.report.added["reviews"] += len(new)
