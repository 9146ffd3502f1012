"""The store's study cards: their FSRS state, their review log, and the search for new ones."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from contextlib import suppress
from datetime import datetime

from quiz.store.backend import Database, Dialect, Executor
from quiz.store.model import CardState, DamagedRow, NewCardScan, StoreError, as_utc, stored_time
from quiz.store.sessions import INSERT_ANSWER, SessionQueries
from quiz.text.wording import said

# What a damaged card row's times are, in the notice that leaves it out.
_DUE = said("damaged.what.due")
_LAST = said("damaged.what.last_review")

#: The columns `card_of` reads, in order.
CARD_COLUMNS = (
    "card_id, bank, question_id, position, state, step, stability, difficulty, due, last_review"
)


def card_of(row: Sequence, dialect: Dialect) -> CardState:
    """The CardState of a row of CARD_COLUMNS."""
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
        due=stored_time(dialect.read_time, due, said("row.card", number=card_id), _DUE),
        last_review=stored_time(dialect.read_time, last, said("row.card", number=card_id), _LAST),
    )


class CardQueries(SessionQueries):
    """Study cards: the part of quiz.store.Store that quiz.play.study uses."""

    _db: Database

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
        dialect = self._db.dialect
        values: dict[str, object] = {
            "profile": profile,
            "now": dialect.time(as_utc(now)),
            "limit": limit,
        }
        # Spelled out rather than "(:after IS NULL OR ...)", which would hide the lower bound
        # from the planner and make every page read the range from its start.
        page = ""
        if after is not None:
            page = "AND due >= :after_due AND (due > :after_due OR card_id > :after_id)"
            values |= {"after_due": dialect.time(after[0]), "after_id": after[1]}
        sql = f"""
            SELECT {CARD_COLUMNS} FROM cards
            WHERE profile = :profile AND bank = :bank AND retired = FALSE AND due <= :now
              {page}
            ORDER BY due, card_id
            LIMIT :limit
        """

        def read(db: Executor) -> list[CardState]:
            found: list[CardState] = []
            for bank in dict.fromkeys(banks):
                found.extend(
                    card_of(row, dialect) for row in db.rows(sql, {**values, "bank": bank})
                )
            return found

        found = self._readable_cards(lambda: self._db.autocommit("read the study cards", read))
        if len(banks) > 1:
            found.sort(key=lambda card: (card.due, card.card_id or 0))
        return found[:limit]

    def count_due(self, *, profile: str, bank: str, now: datetime) -> int:
        """Return how many cards of a bank are due at `now` (a range count on an index)."""
        values = {"profile": profile, "bank": bank, "now": self._db.dialect.time(as_utc(now))}
        row = self._db.autocommit(
            "read the study cards",
            lambda db: db.row(
                "SELECT COUNT(*) FROM cards WHERE profile = :profile AND bank = :bank"
                " AND retired = FALSE AND due <= :now",
                values,
            ),
        )
        assert row is not None
        return row[0]

    def next_due(self, *, profile: str, banks: Sequence[str], after: datetime) -> datetime | None:
        """Return when the first card of the banks due later than `after` is due (None: none).

        One step into each bank's range of the cards_due index.
        """
        dialect = self._db.dialect
        values = {"profile": profile, "after": dialect.time(as_utc(after))}
        sql = (
            "SELECT due FROM cards WHERE profile = :profile AND bank = :bank AND retired = FALSE"
            " AND due > :after ORDER BY due LIMIT 1"
        )

        def read(db: Executor) -> list[object]:
            found = []
            for bank in dict.fromkeys(banks):
                row = db.row(sql, {**values, "bank": bank})
                if row is not None:
                    found.append(row[0])
            return found

        times = []
        for due in self._db.autocommit("read the study cards", read):
            # Only said when study is over: a damaged time is left out here (study itself names
            # the card when it reads it).
            with suppress(DamagedRow):
                times.append(stored_time(dialect.read_time, due, "", _DUE))
        return min(times, default=None)

    def count_cards(self, *, profile: str, bank: str) -> int:
        """Return how many cards a bank has (its questions reviewed at least once, not retired)."""
        row = self._db.autocommit(
            "read the study cards",
            lambda db: db.row(
                "SELECT cards FROM card_counts WHERE profile = :profile AND bank = :bank",
                {"profile": profile, "bank": bank},
            ),
        )
        return 0 if row is None else row[0]

    def introduced(self, *, profile: str, since: datetime, until: datetime) -> int:
        """Return how many cards of a profile had their first review in [since, until)."""
        time = self._db.dialect.time
        values = {"profile": profile, "since": time(as_utc(since)), "until": time(as_utc(until))}
        row = self._db.autocommit(
            "read the study cards",
            lambda db: db.row(
                "SELECT COUNT(*) FROM cards WHERE profile = :profile AND introduced >= :since"
                " AND introduced < :until",
                values,
            ),
        )
        assert row is not None
        return row[0]

    def cards_of(
        self, *, profile: str, bank: str, question_ids: Sequence[str] | None = None
    ) -> dict[str, CardState]:
        """Return the cards of a bank (those of the given questions only, when given) by id.

        Retired cards are included; `card_places` tells which are retired.
        """
        dialect = self._db.dialect
        sql = f"SELECT {CARD_COLUMNS} FROM cards WHERE profile = :profile AND bank = :bank"
        values: dict[str, object] = {"profile": profile, "bank": bank}
        if question_ids is not None:
            # One lookup per id in the (profile, bank, question_id) unique index.
            test, values["ids"] = dialect.any_of("question_id", "ids", question_ids)
            sql += f" AND {test}"
        rows = self._db.autocommit("read the study cards", lambda db: db.rows(sql, values))
        cards = self._readable_cards(lambda: [card_of(row, dialect) for row in rows])
        return {card.question_id: card for card in cards}

    def _readable_cards(self, read: Callable[[], list[CardState]]) -> list[CardState]:
        """Cards read, or one line (StoreError) naming a damaged card: study cannot skip it, or
        it would make the question new again over its saved card."""
        try:
            return read()
        except DamagedRow as damage:
            raise StoreError(self.where, damage.wording, said("store.fix.card_row")) from None

    def card_places(self, *, profile: str, bank: str) -> dict[str, tuple[int, bool]]:
        """Return each card of a bank as question_id -> (position hint, retired)."""
        rows = self._db.autocommit(
            "read the study cards",
            lambda db: db.rows(
                "SELECT question_id, position, retired FROM cards"
                " WHERE profile = :profile AND bank = :bank",
                {"profile": profile, "bank": bank},
            ),
        )
        return {qid: (position, bool(retired)) for qid, position, retired in rows}

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
        where = " WHERE profile = :profile AND bank = :bank AND question_id = :qid"
        moved = [
            {"position": position, "profile": profile, "bank": bank, "qid": qid}
            for qid, position in positions.items()
        ]
        flags = [{"retired": True, "profile": profile, "bank": bank, "qid": q} for q in retire]
        flags += [{"retired": False, "profile": profile, "bank": bank, "qid": q} for q in restore]

        def match(db: Executor) -> None:
            db.run_many("UPDATE cards SET position = :position" + where, moved)
            db.run_many("UPDATE cards SET retired = :retired" + where, flags)

        self._db.transaction("save the study cards", match)

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
        row = self._answer_row(
            session_id,
            question_id=card.question_id,
            question=question,
            choices=choices,
            picked=picked,
            correct=correct,
            ms=ms,
            now=now,
        )
        time = self._db.dialect.time
        state = {
            "bank": card.bank,
            "question_id": card.question_id,
            "position": card.position,
            "state": card.state,
            "step": card.step,
            "stability": card.stability,
            "difficulty": card.difficulty,
            "due": time(card.due),
            "last_review": time(card.last_review),
            "session_id": session_id,
            "card_id": card.card_id,
        }

        def review(db: Executor) -> int:
            answer_id = db.insert(INSERT_ANSWER, row, "id")
            if answer_id is None:
                raise ValueError(f"no session {session_id} in {self.where}")
            if card.card_id is None:
                card_id = db.insert(
                    """
                    INSERT INTO cards
                        (profile, bank, question_id, position, state, step, stability,
                         difficulty, due, last_review, introduced)
                    SELECT profile, :bank, :question_id, :position, :state, :step, :stability,
                           :difficulty, :due, :last_review, :last_review
                    FROM sessions WHERE id = :session_id
                    """,
                    state,
                    "card_id",
                )
                assert card_id is not None
            else:
                card_id = card.card_id
                changed = db.run(
                    """
                    UPDATE cards SET position = :position, state = :state, step = :step,
                        stability = :stability, difficulty = :difficulty, due = :due,
                        last_review = :last_review
                    WHERE card_id = :card_id
                    """,
                    state,
                )
                if changed != 1:
                    raise ValueError(f"no card {card_id} in {self.where}")
            db.run(
                "INSERT INTO review_log (card_id, answer_id, rating, reviewed, ms)"
                " VALUES (:card_id, :answer_id, :rating, :reviewed, :ms)",
                {
                    "card_id": card_id,
                    "answer_id": answer_id,
                    "rating": rating,
                    "reviewed": state["last_review"],
                    "ms": ms,
                },
            )
            return card_id

        return self._db.transaction("save the study answer", review)

    def recent_review_ms(self, *, profile: str, limit: int = 50) -> list[int]:
        """Return how long the profile's latest right study answers took, newest first."""
        rows = self._db.autocommit(
            "read the review log",
            lambda db: db.rows(
                """
                SELECT r.ms FROM review_log r JOIN cards c ON c.card_id = r.card_id
                WHERE c.profile = :profile AND r.rating > 1
                ORDER BY r.id DESC LIMIT :limit
                """,
                {"profile": profile, "limit": limit},
            ),
        )
        return [ms for (ms,) in rows]

    def new_card_scan(self, *, profile: str, bank: str) -> NewCardScan | None:
        """Return where the search for new questions in a bank stopped, if it was saved."""
        row = self._db.autocommit(
            "read the study cards",
            lambda db: db.row(
                "SELECT file_size, file_mtime_ns, scanned_to, pending FROM new_card_scan"
                " WHERE profile = :profile AND bank = :bank",
                {"profile": profile, "bank": bank},
            ),
        )
        if row is None:
            return None
        size, mtime_ns, scanned_to, pending = row
        return NewCardScan(size, mtime_ns, scanned_to, tuple(json.loads(pending)))

    def save_new_card_scan(self, *, profile: str, bank: str, scan: NewCardScan) -> None:
        """Save where the search for new questions in a bank stopped."""
        values = {
            "profile": profile,
            "bank": bank,
            "size": scan.file_size,
            "mtime_ns": scan.file_mtime_ns,
            "scanned_to": scan.scanned_to,
            "pending": json.dumps(list(scan.pending)),
        }
        self._db.autocommit(
            "save the study cards",
            lambda db: db.run(
                """
                INSERT INTO new_card_scan
                    (profile, bank, file_size, file_mtime_ns, scanned_to, pending)
                VALUES (:profile, :bank, :size, :mtime_ns, :scanned_to, :pending)
                ON CONFLICT (profile, bank) DO UPDATE SET file_size = excluded.file_size,
                    file_mtime_ns = excluded.file_mtime_ns, scanned_to = excluded.scanned_to,
                    pending = excluded.pending
                """,
                values,
            ),
        )
