"""How study mode scales: 100,000 cards and 1,000,000 logged answers against 100 cards.

For each size it writes a bank file of that many questions plus 50 never studied, loads it
through the bank cache (as the app does on a warm start: questions are read lazily), and fills a
fresh score database directly in SQLite (one transaction of executemany): one card per studied
question, ten answers per card (in sessions of 100) each with its review log line. The same
number of cards is due now at both sizes (--due-now, default 50, overdue by up to ten days; the
others are due over the coming year), so the ratios show what the size of the collection costs,
not a bigger backlog: counting the cards due is a range count on an index, proportional to how
many are due. Then it prints:

- study start: building the queue (`Study(bank, store)`: due cards first, then new ones) plus
  the counts the screen shows, best of several starts after a first one (the first start after
  the file changed searches it for new questions once);
- per answer: `answer()` + `advance()` (FSRS review and the transaction that saves the answer,
  the card and its log line) over 1,000 answers, mean (with the WAL checkpoints that fall among
  them) and median;
- home screen: `due_counts` for the bank;
- each as a ratio big / small (target <= 1.3), and EXPLAIN QUERY PLAN of the due query.

Both sizes are built first, then timed in rounds that alternate between them (starts, then
answers), so a busy machine slows both alike. The mean per answer includes SQLite's automatic
WAL checkpoints: at 100,000 cards they write pages scattered over a 500 MB file, so it is the
figure most sensitive to the disk.

Run: python bench/study_scale.py [--cards 100000] [--small 100] [--answers-per-card 10]
     [--due-now 50]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quiz.bank.cache import BankCache
from quiz.bank.model import Bank
from quiz.play.study import Study, due_counts
from quiz.store import Store, bank_key
from quiz.store.sqlite import DIALECT

_stored_time = DIALECT.time

NEW_QUESTIONS = 50
ANSWERS_TIMED = 1000
STARTS = 3
ROUNDS = 10


#: The most any figure may be at the big size, as a multiple of the small one.
TARGET = 1.3


def write_bank(path: Path, count: int) -> None:
    lines = ["title: Study bench", "language: en", "questions:"]
    for n in range(count):
        lines += [
            f"  - id: q{n}",
            f"    question: What is the answer to question number {n}?",
            f"    choices: [Right {n}, Wrong {n}, Other {n}, None {n}]",
            f"    answer: Right {n}",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def fill(db: Path, key: str, cards: int, per_card: int, now: datetime, due_now: int) -> None:
    """Write the cards, sessions, answers and review log straight into the score database."""
    Store.open(db).close()  # the schema, by the real migrations
    rng = random.Random(1)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    total = cards * per_card
    per_session = 100
    sessions = (total + per_session - 1) // per_session
    first = now - timedelta(days=400)
    conn.executemany(
        "INSERT INTO sessions (id, bank, title, mode, planned, started, finished, profile)"
        " VALUES (?, ?, 'Study bench', 'study', ?, ?, ?, 'default')",
        (
            (
                s + 1,
                key,
                per_session,
                _stored_time(first + timedelta(minutes=s)),
                _stored_time(first + timedelta(minutes=s, seconds=50)),
            )
            for s in range(sessions)
        ),
    )
    # A student who keeps up: the same few cards due now at both sizes (overdue by up to ten
    # days), the others due over the coming year.
    due = [now + timedelta(days=rng.uniform(1, 365)) for _ in range(cards)]
    for c in rng.sample(range(cards), min(due_now, cards)):
        due[c] = now - timedelta(days=rng.uniform(0, 10))
    conn.executemany(
        "INSERT INTO cards (card_id, profile, bank, question_id, position, state, step,"
        " stability, difficulty, due, last_review, introduced)"
        " VALUES (?, 'default', ?, ?, ?, 2, NULL, ?, ?, ?, ?, ?)",
        (
            (
                c + 1,
                key,
                f"q{c}",
                c,
                rng.uniform(5, 300),
                rng.uniform(1, 10),
                _stored_time(due[c]),
                _stored_time(due[c] - timedelta(days=30)),
                _stored_time(first + timedelta(minutes=c % 1000)),
            )
            for c in range(cards)
        ),
    )

    def answers():
        for a in range(total):
            card = a % cards
            at = _stored_time(first + timedelta(minutes=a // per_session, seconds=a % 60))
            yield (
                a + 1,
                a // per_session + 1,
                f"q{card}",
                key,
                f"What is the answer to question number {card}?",
                f'["Right {card}", "Wrong {card}", "Other {card}", "None {card}"]',
                "[0]" if a % 5 else "[1]",
                1 if a % 5 else 0,
                3000 + a % 4000,
                at,
            )

    conn.executemany(
        "INSERT INTO answers (id, session_id, question_id, bank, question, choices, picked,"
        " correct, ms, answered, profile, final) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " 'default', 1)",
        answers(),
    )
    conn.executemany(
        "INSERT INTO review_log (id, card_id, answer_id, rating, reviewed, ms)"
        " SELECT id, ?, id, CASE correct WHEN 1 THEN 3 ELSE 1 END, answered, ms"
        " FROM answers WHERE id = ?",
        ((a % cards + 1, a + 1) for a in range(total)),
    )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    # Written with synchronous OFF: flush it now, or the first checkpoint timed below would.
    descriptor = os.open(db, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class Collection:
    """One size of the bench: its bank (warm cache), its filled score database, its timings."""

    def __init__(self, folder: Path, cards: int, per_card: int, due_now: int) -> None:
        self.cards = cards
        self.answers = cards * per_card
        bank_path = folder / f"bank-{cards}.yaml"
        write_bank(bank_path, cards + NEW_QUESTIONS)
        self.cache = BankCache.open(folder / f"cache-{cards}.sqlite3")
        began = time.perf_counter()
        self.cache.load(bank_path)  # cold: parsed and cached
        self.cold = time.perf_counter() - began
        bank = self.cache.load(bank_path).bank  # warm: questions read lazily
        assert bank is not None
        self.bank: Bank = bank
        self.now = datetime.now(UTC)
        self.key = bank_key(bank_path)
        began = time.perf_counter()
        db = folder / f"scores-{cards}.sqlite3"
        fill(db, self.key, cards, per_card, self.now, due_now)
        self.filled = time.perf_counter() - began
        self.store_path = db
        self.store = Store.open(db)
        began = time.perf_counter()
        study = Study(self.bank, self.store, now=lambda: self.now)  # first start: file is new
        self.first = time.perf_counter() - began
        self.due_now = study.counts().due + 1
        self.moment = self.now
        self.study = Study(self.bank, self.store, now=self._now)
        self.starts: list[float] = []
        self.homes: list[float] = []
        self.per_answer: list[float] = []

    def _now(self) -> datetime:
        return self.moment

    def time_starts(self, repeat: int) -> None:
        for _ in range(repeat):
            gc.collect()
            began = time.perf_counter()
            study = Study(self.bank, self.store, now=lambda: self.now)
            study.counts()
            _ = study.current
            self.starts.append(time.perf_counter() - began)
            began = time.perf_counter()
            due_counts(self.store, {self.key: len(self.bank.questions)}, now=self.now)
            self.homes.append(time.perf_counter() - began)

    def time_answers(self, count: int) -> None:
        for n in range(count):
            while self.study.finished:  # the small bank runs out: study on the next day
                self.moment += timedelta(days=1)
                self.study = Study(self.bank, self.store, now=self._now)
            study = self.study
            right = min(study.current.right)
            choice = right if n % 4 else (right + 1) % len(study.current.choices)
            began = time.perf_counter()
            study.answer(choice)
            study.advance()
            self.per_answer.append(time.perf_counter() - began)

    def figures(self) -> dict[str, float]:
        return {
            "start": min(self.starts),
            "home": min(self.homes),
            "answer": statistics.mean(self.per_answer),
            "answer_median": statistics.median(self.per_answer),
        }

    def report(self) -> None:
        f = self.figures()
        print(
            f"{self.cards:>7,} cards, {self.answers:>9,} answers: bank cold load"
            f" {self.cold:.1f} s, data written in {self.filled:.1f} s; {self.due_now:,} due now;"
            f" first start {self.first * 1000:.1f} ms, start {f['start'] * 1000:.2f} ms,"
            f" home counts {f['home'] * 1000:.2f} ms, per answer {f['answer'] * 1000:.2f} ms"
            f" mean, {f['answer_median'] * 1000:.2f} ms median ({len(self.per_answer)} answers)"
        )


def print_plan(db: Path, key: str, now: datetime) -> None:
    """Print EXPLAIN QUERY PLAN of the due query exactly as Store.due_cards sends it."""
    with Store.open(db) as store:
        sent: list[str] = []
        store._conn.set_trace_callback(sent.append)
        store.due_cards(profile="default", banks=[key], now=now, limit=50)
        store._conn.set_trace_callback(None)
        (sql,) = sent
        print("due query:", " ".join(sql.split()))
        for row in store._conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall():
            print(f"  plan: {row[-1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--answers-per-card", type=int, default=10)
    parser.add_argument("--due-now", type=int, default=50, help="cards due now, at both sizes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small = Collection(folder, args.small, args.answers_per_card, args.due_now)
        big = Collection(folder, args.cards, args.answers_per_card, args.due_now)
        # Writing them left dirty pages that the system flushes later: flush them now.
        os.sync()
        # Rounds that alternate between the sizes, so both see the same background load;
        # starts first, on the data as written (answering changes what is due).
        for _ in range(ROUNDS):
            for collection in (small, big):
                collection.time_starts(STARTS)
        for _ in range(ROUNDS):
            for collection in (small, big):
                collection.time_answers(ANSWERS_TIMED // ROUNDS)
        for collection in (small, big):
            collection.report()
            collection.store.close()
            collection.cache.close()
        print_plan(big.store_path, big.key, big.now)
        small_figures, big_figures = small.figures(), big.figures()
    print()
    for name, label in (
        ("start", "study start (queue of due + new cards)"),
        ("answer", "per answer (review + save), mean"),
        ("answer_median", "per answer (review + save), median"),
        ("home", "home screen due/new counts"),
    ):
        ratio = big_figures[name] / small_figures[name]
        verdict = "ok" if ratio <= TARGET else "OVER TARGET"
        print(f"{label:<42} {args.cards:,} / {args.small:,} cards: {ratio:.2f}  ({verdict})")


if __name__ == "__main__":
    main()
