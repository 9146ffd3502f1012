"""Saving answers on PostgreSQL against SQLite: answers per second and per-answer latency.

Each answer is saved as a student's is, with `Store.record_answer` (committed before it
returns, as the feedback waits for it), on a fresh database of each back end on this machine:

- one writer: ANSWERS answers one after another; the answers per second, and the latency of
  each answer (mean, median, 95th percentile);
- 50 writers at once: 50 processes (one per student, each with its own connection, as many
  short-lived quiz processes would have), released together, each saving PER_WRITER answers;
  the answers per second of them all, and the latency of each answer.

It prints each figure for both back ends and the ratio PostgreSQL / SQLite (for latency, above
1 is slower; for answers per second, above 1 is faster). The server is named by
QUIZ_TEST_POSTGRESQL (or --url): a user that may create databases; a database is made for the
run and dropped after. .ci/postgresql.sh starts a throw-away one:

    bash -c 'source .ci/postgresql.sh && start_test_postgresql &&
             .venv/bin/python bench/store_backends.py'

Run: python bench/store_backends.py [--url URL] [--answers 2000] [--writers 50] [--per-writer 100]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quiz.store import Store

CHOICES = ["Paris", "Lyon", "Marseille", "Nice"]


def save_answers(store: Store, name: str, count: int) -> list[float]:
    """Save count answers in a new session of bank `name`; return each one's seconds."""
    latencies = []
    session = store.start_session(bank=f"/banks/{name}.yaml", title=name, planned=count)
    for n in range(count):
        began = time.perf_counter()
        store.record_answer(
            session,
            question_id=f"q{n}",
            question=f"Question {n} of {name}?",
            choices=CHOICES,
            picked=n % 4,
            correct=n % 4 == 0,
            ms=1000 + n,
        )
        latencies.append(time.perf_counter() - began)
    store.finish_session(session)
    return latencies


def _writer(target: str, name: str, count: int, start: object, out: object) -> None:
    # Connected before the start, as a student's quiz is before the first answer.
    with Store.open(target, profile=name) as store:
        start.wait()  # type: ignore[attr-defined]
        out.put(save_answers(store, name, count))  # type: ignore[attr-defined]


def many_writers(target: str, writers: int, per_writer: int) -> tuple[float, list[float]]:
    """Answers per second of `writers` processes saving at once, and every answer's latency."""
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    out = context.Queue()
    processes = [
        context.Process(target=_writer, args=(target, f"s{i}", per_writer, start, out))
        for i in range(writers)
    ]
    for process in processes:
        process.start()
    time.sleep(3)  # every process started and connected
    began = time.perf_counter()
    start.set()
    latencies: list[float] = []
    for _ in processes:
        latencies.extend(out.get(timeout=600))
    elapsed = time.perf_counter() - began
    for process in processes:
        process.join()
        if process.exitcode != 0:
            raise SystemExit(f"a writer failed (exit {process.exitcode})")
    return writers * per_writer / elapsed, latencies


@contextmanager
def postgresql_database(url: str) -> Iterator[str]:
    import psycopg

    name = f"quiz_bench_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    parts = urlsplit(url)
    try:
        yield urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def summary(latencies: list[float]) -> dict[str, float]:
    ordered = sorted(latencies)
    return {
        "mean": statistics.fmean(ordered) * 1000,
        "median": statistics.median(ordered) * 1000,
        "p95": ordered[int(0.95 * (len(ordered) - 1))] * 1000,
    }


def measure(target: str, answers: int, writers: int, per_writer: int) -> dict[str, float]:
    with Store.open(target) as store:
        single = save_answers(store, "alone", answers)
    figures = {"rate": answers / sum(single)}
    figures |= {f"latency {k}": v for k, v in summary(single).items()}
    rate, together = many_writers(target, writers, per_writer)
    figures["rate, many"] = rate
    figures |= {f"latency {k}, many": v for k, v in summary(together).items()}
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("QUIZ_TEST_POSTGRESQL"))
    parser.add_argument("--answers", type=int, default=2000)
    parser.add_argument("--writers", type=int, default=50)
    parser.add_argument("--per-writer", type=int, default=100)
    args = parser.parse_args()
    if not args.url:
        raise SystemExit("no PostgreSQL server: pass --url or set QUIZ_TEST_POSTGRESQL")
    with tempfile.TemporaryDirectory() as tmp, postgresql_database(args.url) as url:
        sqlite = measure(
            str(Path(tmp) / "scores.sqlite3"), args.answers, args.writers, args.per_writer
        )
        server = measure(url, args.answers, args.writers, args.per_writer)
    print(
        f"{args.answers} answers by one writer; {args.writers} writers at once, "
        f"{args.per_writer} answers each"
    )
    print(f"{'':28} {'SQLite':>10} {'PostgreSQL':>11} {'ratio':>7}")
    for key, unit in (
        ("rate", "answers/s"),
        ("latency mean", "ms"),
        ("latency median", "ms"),
        ("latency p95", "ms"),
        ("rate, many", "answers/s"),
        ("latency mean, many", "ms"),
        ("latency median, many", "ms"),
        ("latency p95, many", "ms"),
    ):
        label = f"{key} ({unit})"
        ratio = server[key] / sqlite[key]
        print(f"{label:28} {sqlite[key]:10.2f} {server[key]:11.2f} {ratio:7.2f}")


if __name__ == "__main__":
    main()
