"""What many tests share, plain Python (no Textual): a clock moved by hand, answers seeded.

- `FakeClock`: one fake time, read as a monotonic clock (call it, or `.clock`) and as an aware
  wall time (`.now`); `.wait(seconds, days=...)` moves both alike.
- `record(store, session, ...)`: one answer saved, made-up text where a test does not care.
- `seed_session(store, bank=..., results=...)`: a session with its answers, finished or not.
- `default_signals(argv)`: a command that runs argv with SIGINT and SIGTERM at their defaults.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta

from quiz.store import Store

#: When fake time starts unless a test says otherwise.
T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


class FakeClock:
    """A clock that moves only when a test moves it, so times are predictable."""

    def __init__(self, start: datetime = T0) -> None:
        #: Seconds since the clock was made (what a monotonic clock reads).
        self.seconds = 0.0
        #: The wall time now (timezone-aware).
        self.moment = start

    def __call__(self) -> float:
        return self.seconds

    def clock(self) -> float:
        """The monotonic time in seconds."""
        return self.seconds

    def now(self) -> datetime:
        """The wall time."""
        return self.moment

    def wait(self, seconds: float = 0, *, days: float = 0) -> None:
        """Let time pass."""
        step = timedelta(seconds=seconds, days=days)
        self.seconds += step.total_seconds()
        self.moment += step


def record(
    store: Store,
    session: int,
    question_id: str = "q",
    *,
    correct: bool = True,
    question: str = "?",
    choices: Sequence[str] = ("a", "b"),
    picked: int | Sequence[int] = 0,
    ms: int = 5,
    now: datetime | None = None,
    replace: bool = False,
) -> int:
    """Save one answer (committed at once, as every answer is) and return its id."""
    return store.record_answer(
        session,
        question_id=question_id,
        question=question,
        choices=list(choices),
        picked=picked,
        correct=correct,
        ms=ms,
        replace=replace,
        now=now,
    )


def seed_session(
    store: Store,
    *,
    bank: str,
    results: Mapping[str, bool] | Sequence[bool],
    title: str = "Three capitals",
    planned: int | None = None,
    start: datetime | None = None,
    ms: int = 5,
    finished: bool = True,
) -> int:
    """A session of one bank with an answer for each result, a second apart; its id.

    `results` maps question ids to right or wrong, or is a list of them for questions q0, q1...
    With `start`, the answers follow it and the session ends a minute after it; without, the
    store's clock says when. `planned` is the number of results unless given.
    """
    answers = (
        results if isinstance(results, Mapping) else {f"q{n}": r for n, r in enumerate(results)}
    )
    session = store.start_session(
        bank=bank, title=title, planned=len(answers) if planned is None else planned, now=start
    )
    for n, (question_id, right) in enumerate(answers.items()):
        when = None if start is None else start + timedelta(seconds=n)
        record(store, session, question_id, correct=right, ms=ms, now=when)
    if finished:
        store.finish_session(session, now=None if start is None else start + timedelta(minutes=1))
    return session


_DEFAULT_SIGNALS = (
    "import os, signal, sys;"
    "signal.signal(signal.SIGINT, signal.SIG_DFL);"
    "signal.signal(signal.SIGTERM, signal.SIG_DFL);"
    "os.execv(sys.argv[1], sys.argv[1:])"
)


def default_signals(argv: Sequence[str]) -> list[str]:
    """A command that runs argv with SIGINT and SIGTERM at their defaults.

    A child inherits an ignored signal through exec: pytest started in the background (nohup,
    `&` in a script) ignores SIGINT, and then so would the program a test drives, Ctrl+C
    included. Python installs its own SIGINT handler at start-up only when SIGINT is not ignored.
    """
    return [sys.executable, "-c", _DEFAULT_SIGNALS, *argv]
