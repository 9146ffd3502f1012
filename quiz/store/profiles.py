"""The store's profiles: how much each holds, renaming one, deleting one with all it saved.

A profile is not a row of its own: it is the name on sessions, answers, cards and the tables
kept beside them (card_counts, question_totals, new_card_scan). The triggers that keep the
totals follow a renamed or deleted row; the totals' rows left at zero are removed here.
"""

from __future__ import annotations

from dataclasses import dataclass

from quiz.store.backend import Database, Executor

#: The tables whose rows carry a profile's name; card_counts and question_totals follow them
#: through their triggers.
_TABLES = ("new_card_scan", "cards", "answers", "sessions")


class ProfileTaken(ValueError):
    """A profile cannot be renamed to a name that already has saved work."""


@dataclass(frozen=True, slots=True)
class ProfileSize:
    """What a profile holds: what goes with it when it is deleted."""

    sessions: int
    #: Final answers (an exam answer changed before submitting counts once).
    answers: int
    cards: int


class ProfileQueries:
    """Profiles: the part of quiz.store.Store that renames and deletes them."""

    _db: Database
    profile: str

    def profile_size(self, name: str) -> ProfileSize:
        """How many sessions, (final) answers and study cards a profile has saved."""

        def read(db: Executor) -> ProfileSize:
            def count(sql: str) -> int:
                row = db.row(sql, {"profile": name})
                return int(row[0]) if row else 0

            return ProfileSize(
                count("SELECT COUNT(*) FROM sessions WHERE profile = :profile"),
                count("SELECT COUNT(*) FROM answers WHERE profile = :profile AND final = TRUE"),
                count("SELECT COUNT(*) FROM cards WHERE profile = :profile"),
            )

        return self._db.snapshot("read the profile", read)

    def rename_profile(self, old: str, new: str) -> None:
        """Give everything a profile saved another name; ProfileTaken when the new name
        already has saved work (two students' records are never merged by a rename)."""
        if old == new:
            return

        def rename(db: Executor) -> None:
            values = {"old": old, "new": new}
            for table in ("sessions", "answers", "cards"):
                taken = db.row(f"SELECT 1 FROM {table} WHERE profile = :new LIMIT 1", values)
                if taken is not None:
                    raise ProfileTaken(new)
            # Totals left at zero under the new name (answers taken back) would be added to.
            _drop_totals(db, new)
            for table in _TABLES:
                db.run(f"UPDATE {table} SET profile = :new WHERE profile = :old", values)
            # The triggers moved each total to the new name and left the old rows at zero.
            _drop_totals(db, old)

        self._db.transaction("rename the profile", rename)
        if self.profile == old:
            self.profile = new

    def delete_profile(self, name: str) -> None:
        """Delete a profile's sessions, answers, cards and their review log, and its totals."""

        def delete(db: Executor) -> None:
            values = {"profile": name}
            # Cards take their review log with them (ON DELETE CASCADE), sessions their totals
            # by quarter hour; an answer goes by its own profile, whatever its session says.
            for table in _TABLES:
                db.run(f"DELETE FROM {table} WHERE profile = :profile", values)
            _drop_totals(db, name)

        self._db.transaction("delete the profile", delete)


def _drop_totals(db: Executor, name: str) -> None:
    """Remove a profile's rows from the tables the triggers keep (all at zero by now)."""
    values = {"profile": name}
    db.run("DELETE FROM question_totals WHERE profile = :profile", values)
    db.run("DELETE FROM card_counts WHERE profile = :profile", values)
