"""`quiz db check`: the schema version, the rows kept, and whether the totals match the answers.

The back end checks its own pages and keys (SQLite's integrity and foreign key checks); then the
totals that triggers keep (answer_totals, question_totals, card_counts) are compared with the
rows they count, in SQL both back ends share, and each session's kept time with what its answers
give (quiz.store.timing).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quiz.store import timing
from quiz.store.backend import Database, Dialect, Executor
from quiz.store.sqlite_schema import MIGRATIONS as SQLITE_MIGRATIONS
from quiz.text.wording import said

#: The current schema version: the number of migrations (the same for both back ends).
CURRENT = len(SQLITE_MIGRATIONS)

#: The tables counted in a check, in the order printed.
COUNTED = ("sessions", "answers", "cards", "review_log")

# Each pair: the totals counted from the rows, and the totals kept by the triggers. Rows in one
# and not the other (EXCEPT, both ways) are totals that do not match.
_TOTALS = (
    (
        lambda count: said("store.check.totals.sessions", count=count),
        """SELECT session_id, COUNT(*), SUM(CASE WHEN correct THEN 1 ELSE 0 END), SUM(ms)
           FROM answers WHERE final = TRUE GROUP BY session_id""",
        """SELECT session_id, SUM(answers), SUM(correct), SUM(ms)
           FROM answer_totals GROUP BY session_id HAVING SUM(answers) > 0""",
    ),
    (
        lambda count: said("store.check.totals.questions", count=count),
        """SELECT profile, bank, question_id, COUNT(*),
                  SUM(CASE WHEN correct THEN 1 ELSE 0 END)
           FROM answers WHERE final = TRUE GROUP BY profile, bank, question_id""",
        """SELECT profile, bank, question_id, answers, correct
           FROM question_totals WHERE answers > 0""",
    ),
    (
        lambda count: said("store.check.totals.cards", count=count),
        """SELECT profile, bank, COUNT(*) FROM cards WHERE retired = FALSE
           GROUP BY profile, bank""",
        "SELECT profile, bank, cards FROM card_counts WHERE cards > 0",
    ),
)


@dataclass(frozen=True, slots=True)
class DatabaseCheck:
    """What a check of a score database found."""

    #: "sqlite" or "postgresql".
    backend: str
    #: The file's path or the server's URL without its password.
    where: str
    version: int
    #: Rows in each of COUNTED (empty when the schema is older than this quiz's).
    rows: dict[str, int] = field(default_factory=dict)
    #: What is wrong, one a line; empty when all is well.
    problems: list[str] = field(default_factory=list)

    @property
    def current(self) -> bool:
        """Whether the schema is this quiz's (an older one is brought up to date on opening)."""
        return self.version == CURRENT


def check_database(db: Database) -> DatabaseCheck:
    """Check a database opened without migrating it."""
    version = db.schema_version()
    problems = db.integrity_problems()
    if version != CURRENT or problems:
        return DatabaseCheck(db.dialect.name, db.where, version, {}, problems)

    def read(run: Executor) -> tuple[dict[str, int], list[str]]:
        counts = {}
        for table in COUNTED:
            row = run.row(f"SELECT COUNT(*) FROM {table}")
            counts[table] = 0 if row is None else row[0]
        found = []
        for what, counted, kept in _TOTALS:
            wrong = 0
            for first, second in ((counted, kept), (kept, counted)):
                row = run.row(f"SELECT COUNT(*) FROM ({first} EXCEPT {second}) AS d")
                wrong += 0 if row is None else row[0]
            if wrong:
                found.append(str(what(wrong)))
        wrong = _times_kept_wrong(run, db.dialect)
        if wrong:
            found.append(str(said("store.check.times", count=wrong)))
        return counts, found

    counts, found = db.snapshot("check the database", read)
    return DatabaseCheck(db.dialect.name, db.where, version, counts, found)


def _times_kept_wrong(run: Executor, dialect: Dialect) -> int:
    """How many sessions' kept time (quiz.store.timing) differs from what their answers give.

    Sessions whose time depends on a session still going are left out: the statistics work
    theirs out from the answers until it ends."""
    wrong = 0
    for (profile,) in run.rows("SELECT DISTINCT profile FROM sessions"):
        where, params = "profile = :profile", {"profile": profile}
        worked = timing.figures(
            timing.spans(run, dialect, where, params), timing.moments(run, dialect, where, params)
        )
        going = [
            sid
            for (sid,) in run.rows(
                f"SELECT id FROM sessions WHERE {where} AND seconds IS NULL", params
            )
        ]
        live = timing.timeline(run, dialect, profile, going)[0] if going else {}
        kept: dict[int, tuple[int, dict[int, int]]] = {
            sid: (seconds, {})
            for sid, seconds in run.rows(
                f"SELECT id, seconds FROM sessions WHERE {where} AND seconds IS NOT NULL", params
            )
        }
        for sid, quarter, ms in run.rows(
            "SELECT t.session_id, t.quarter, t.ms FROM time_totals AS t"
            " JOIN sessions AS s ON s.id = t.session_id WHERE s.profile = :profile",
            params,
        ):
            if sid in kept:
                kept[sid][1][quarter] = ms
        wrong += sum(
            1 for sid, figures in kept.items() if sid not in live and worked.get(sid) != figures
        )
    return wrong
