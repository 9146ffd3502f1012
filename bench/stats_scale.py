"""How the statistics scale: 1,000,000 answers against 1,000, for one bank and for all banks.

For each size it fills a fresh score database directly in SQLite (the schema made by opening a
Store once, then one transaction of executemany): sessions of 50 answers by 2 profiles over 10
banks of 500 tagged questions, spread over two years; a quarter of the sessions are exams with
a few answers changed (rows with final = 0), one in 20 is left unfinished, and each profile has
a study card for every other question of every bank. The sizes differ only in how many sessions
there are (20,000 and 20 by default); the banks and cards are the same.

Then it times `quiz.progress.stats.compute()` for one profile (half of the answers), for one bank
and overall, with the banks given (so tags are worked out), in the time zone of the computer, as
`quiz stats` does: the best of several runs after a first one, in rounds that alternate between
the sizes so a busy machine slows both alike. It prints the absolute times, the ratio big /
small, and EXPLAIN QUERY PLAN of every query compute() sends on the big database.

The answers are written through the triggers of migration 3, which keep the totals compute()
reads (answer_totals, question_totals), so the fill time includes their cost. Measured on 1M
answers: all banks 461 ms before the totals, 168 ms with them; one bank 60 ms, 25 ms. Since
time spent is worked out from every answer's moment (2026-12-04): all banks 1,243 ms, one bank
966 ms; since each session's time is kept once it ends (schema 6, the same day): 174 ms, 25 ms.
The databases are filled at schema 5 and then upgraded, so each session's time is worked out
from its answers as an upgrade does (timed and printed).

With --proposed-index it then adds the covering index of MIGRATION_PROPOSAL below to the big
database and times it again. Measured before the totals existed: 4 to 15% off the time for all
banks, for a file 14% bigger and one more index written per answer, so quiz does not have it;
compute() no longer reads the answers in bulk, so it buys nothing now.

Run: python bench/stats_scale.py [--answers 1000000] [--sessions 20000] [--small 1000]
     [--proposed-index]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quiz.bank.model import Bank, Question
from quiz.progress import stats
from quiz.store import Store
from quiz.store import sqlite as sqlite_store

_stored_time = sqlite_store.DIALECT.time

BANKS = 10
PROFILES = ("amal", "omar")
QUESTIONS = 500
TAGS = 20
PER_SESSION = 50
ROUNDS = 5
RUNS = 3
DAYS = 730

#: Not used by quiz: the index --proposed-index tries (see the report).
MIGRATION_PROPOSAL = (
    "CREATE INDEX answers_by_session_totals ON answers (session_id, final, answered, correct, ms)"
)


def bank_keys() -> list[str]:
    return [f"/home/student/quiz/banks/subject-{b:02d}.yaml" for b in range(BANKS)]


def make_banks() -> dict[str, Bank]:
    """The banks in memory, as a caller would have loaded them: 500 questions, 1 or 2 tags."""
    banks = {}
    for b, key in enumerate(bank_keys()):
        questions = tuple(
            Question(
                id=f"q{q}",
                text=f"What is the answer to question {q} of subject {b}?",
                choices=(f"Right {q}", f"Wrong {q}", f"Other {q}", f"None {q}"),
                answers=(f"Right {q}",),
                tags=(f"topic-{q % TAGS}",) if q % 3 else (f"topic-{q % TAGS}", "review"),
            )
            for q in range(QUESTIONS)
        )
        banks[key] = Bank(path=Path(key), title=f"Subject {b}", questions=questions)
    return banks


def fill(db: Path, sessions: int, now: datetime, seed: int = 1) -> int:
    """Write sessions, answers and cards straight into a new score database; return answers."""
    # The schema by the real migrations, up to 5: the sessions below are written straight into
    # the tables, not finished by the store, so their time is worked out as an upgrade does.
    latest = sqlite_store.MIGRATIONS
    sqlite_store.MIGRATIONS = latest[:5]
    try:
        Store.open(db).close()
    finally:
        sqlite_store.MIGRATIONS = latest
    rng = random.Random(seed)
    keys = bank_keys()
    first = now - timedelta(days=DAYS)
    span = DAYS * 86400
    starts = sorted(first + timedelta(seconds=rng.uniform(0, span)) for _ in range(sessions))
    session_rows = []
    answer_rows = []
    modes = ("practice", "exam", "review", "study")
    for s, started in enumerate(starts):
        session_id = s + 1
        bank = keys[s % BANKS]
        profile = PROFILES[(s // BANKS) % len(PROFILES)]
        mode = modes[s % len(modes)]
        at = started
        for n in range(PER_SESSION):
            question = rng.randrange(QUESTIONS)
            at += timedelta(seconds=rng.uniform(3, 40))
            right = int(rng.random() < 0.7)
            row = [
                session_id,
                f"q{question}",
                bank,
                profile,
                f"What is the answer to question {question}?",
                f'["Right {question}", "Wrong {question}", "Other {question}", "None {question}"]',
                "[0]" if right else "[1]",
                right,
                rng.randrange(2_000, 30_000),
                _stored_time(at),
                1,
            ]
            if mode == "exam" and n % 10 == 0:
                answer_rows.append([*row[:-1], 0])  # changed before submitting
                at += timedelta(seconds=5)
                row[9] = _stored_time(at)
            answer_rows.append(row)
        finished = None if rng.random() < 0.05 else _stored_time(at + timedelta(seconds=1))
        session_rows.append(
            (session_id, bank, "Bench", mode, PER_SESSION, _stored_time(started), finished, profile)
        )
    card_rows = []
    for profile in PROFILES:
        for key in keys:
            for q in range(0, QUESTIONS, 2):
                last = now - timedelta(days=rng.uniform(0, 60))
                card_rows.append(
                    (
                        profile,
                        key,
                        f"q{q}",
                        q,
                        rng.uniform(1, 100),
                        rng.uniform(1, 10),
                        _stored_time(last + timedelta(days=5)),
                        _stored_time(last),
                    )
                )
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO sessions (id, bank, title, mode, planned, started, finished, profile)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        session_rows,
    )
    conn.executemany(
        "INSERT INTO answers (session_id, question_id, bank, profile, question, choices, picked,"
        " correct, ms, answered, final) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        answer_rows,
    )
    conn.executemany(
        "INSERT INTO cards (profile, bank, question_id, position, state, step, stability,"
        " difficulty, due, last_review, introduced) VALUES (?, ?, ?, ?, 2, NULL, ?, ?, ?, ?, ?8)",
        card_rows,
    )
    conn.execute("COMMIT")
    conn.close()
    return len(answer_rows)


def upgrade(db: Path) -> float:
    """Open the database once, which upgrades it to schema 6 (each session's time worked out
    from its answers and kept); return the seconds it took."""
    began = time.perf_counter()
    Store.open(db).close()
    took = time.perf_counter() - began
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("ANALYZE")
    conn.close()
    return took


class Size:
    """One size of the bench: its database and its timings, per scope (one bank, all)."""

    def __init__(self, folder: Path, name: str, sessions: int, now: datetime) -> None:
        self.path = folder / f"scores-{name}.sqlite3"
        began = time.perf_counter()
        self.answers = fill(self.path, sessions, now)
        self.filled = time.perf_counter() - began
        self.upgraded = upgrade(self.path)
        self.sessions = sessions
        self.store = Store.open(self.path)
        self.now = now
        self.times: dict[str, list[float]] = {"bank": [], "all": []}

    def compute(self, scope: str, banks: dict[str, Bank]) -> stats.Stats:
        bank = bank_keys()[3] if scope == "bank" else None
        return stats.compute(self.store, profile=PROFILES[0], bank=bank, banks=banks, now=self.now)

    def time(self, banks: dict[str, Bank]) -> None:
        for scope, runs in self.times.items():
            for _ in range(RUNS):
                gc.collect()
                began = time.perf_counter()
                self.compute(scope, banks)
                runs.append(time.perf_counter() - began)

    def best(self, scope: str) -> float:
        return min(self.times[scope])


def print_plans(size: Size, banks: dict[str, Bank]) -> None:
    """Print EXPLAIN QUERY PLAN of every statement compute() sends, for one bank and overall."""
    read_only = sqlite_store._read_only
    sent: list[str] = []

    def tracing(path: Path) -> sqlite3.Connection:
        conn = read_only(path)
        conn.set_trace_callback(sent.append)
        return conn

    sqlite_store._read_only = tracing
    try:
        for scope in ("bank", "all"):
            sent.clear()
            size.compute(scope, banks)
            print(f"queries for {'one bank' if scope == 'bank' else 'all banks'}:")
            conn = read_only(size.path)
            for sql in sent:
                if not sql.lstrip().upper().startswith("SELECT"):
                    continue
                print("  " + " ".join(sql.split())[:160])
                for row in conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall():
                    print(f"      plan: {row[-1]}")
            conn.close()
    finally:
        sqlite_store._read_only = read_only


def report(label: str, small: Size, big: Size, target: Callable[[float], str]) -> None:
    for scope, name in (("bank", "one bank"), ("all", "all banks")):
        s, b = small.best(scope), big.best(scope)
        print(
            f"{label:<22} {name:<9}: {big.answers:>9,} answers {b * 1000:7.1f} ms,"
            f" {small.answers:,} answers {s * 1000:6.1f} ms, ratio {b / s:6.1f}  ({target(b)})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20_000, help="sessions of the big size")
    parser.add_argument("--small", type=int, default=20, help="sessions of the small size")
    parser.add_argument(
        "--proposed-index", action="store_true", help="time again with MIGRATION_PROPOSAL"
    )
    args = parser.parse_args()
    now = datetime.now(UTC).replace(microsecond=0)
    banks = make_banks()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small = Size(folder, "small", args.small, now)
        big = Size(folder, "big", args.sessions, now)
        os.sync()
        first = {}
        for scope in ("bank", "all"):
            began = time.perf_counter()
            big.compute(scope, banks)
            first[scope] = time.perf_counter() - began
        for _ in range(ROUNDS):
            for size in (small, big):
                size.time(banks)
        result = big.compute("all", banks)
        print(
            f"big: {big.answers:,} answers in {big.sessions:,} sessions (written in"
            f" {big.filled:.1f} s, {big.path.stat().st_size / 1e6:.0f} MB; upgraded to schema 6,"
            f" its time worked out, in {big.upgraded:.1f} s); profile"
            f" {PROFILES[0]}: {result.answers:,} answers that count, {len(result.days)} days,"
            f" {len(result.scores):,} finished sessions, {len(result.tags)} tags"
        )
        print(
            f"first compute on the big database: one bank {first['bank'] * 1000:.0f} ms,"
            f" all banks {first['all'] * 1000:.0f} ms"
        )
        print_plans(big, banks)
        print()

        def target(seconds: float) -> str:
            # The goal: the statistics open "in well under a second".
            if seconds < 0.5:
                return "well under 1 s"
            return "under 1 s, not well under" if seconds < 1 else "OVER 1 s"

        report("compute()", small, big, target)
        if args.proposed_index:
            conn = sqlite3.connect(big.path, isolation_level=None)
            began = time.perf_counter()
            conn.execute(MIGRATION_PROPOSAL)
            conn.execute("ANALYZE")
            built = time.perf_counter() - began
            conn.close()
            size_mb = big.path.stat().st_size / 1e6
            print(f"proposed index built in {built:.1f} s; database now {size_mb:.0f} MB")
            for size in (small, big):
                size.times = {"bank": [], "all": []}
            for _ in range(ROUNDS):
                for size in (small, big):
                    size.time(banks)
            print_plans(big, banks)
            report("compute() + index", small, big, target)
        small.store.close()
        big.store.close()


if __name__ == "__main__":
    main()
