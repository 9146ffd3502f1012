"""Statistics of one profile, for one bank or all: what `quiz stats` prints and the screen draws.

Plain Python (no Textual; Rich only inside `print_stats`, imported when it runs):

    stats = compute(store, profile="amal", bank=bank_key(path), banks=load, now=None, tz=None)
    stats.scores      # ScorePoint per finished session, oldest first: the score chart
    stats.days        # DayTotal per local day practised, oldest first: the sparkline
    stats.tags        # TagScore per tag (needs `banks`), lowest percent right first
    stats.weakest     # WeakQuestion, at most WEAKEST, weakest first
    stats.current_streak, stats.longest_streak, stats.time_ms, stats.time_per_day_ms
    stats.sessions, stats.answers, stats.correct, stats.percent
    stats.as_json()   # see Stats.as_json for the shape
    print_stats(stats, sys.stdout, width=None)   # Rich tables

What counts:
- Only answers that count (final = 1): an exam answer changed before submitting counts once,
  with the time of its last change; the time spent on the replaced answer is not counted.
- A session counts when it has at least one such answer. A finished one is a point of the score
  chart, at the time it finished, with the percentage of its answers that were right (as in
  `quiz scores`: right of answered, not of planned).
- Days are calendar days in `tz` (None: the computer's time zone, daylight saving included) of
  when each answer was given. The current streak is the run of days practised that ends today,
  or yesterday while today has no answer yet (the streak is not lost until the day is over);
  0 otherwise. The time per day is the total time over the days practised.
- Tags come from the bank files (a question's tags include its bank's), so `banks` is needed:
  a mapping {bank key: Bank} or a callable taking a bank key and returning its Bank or None. A
  question with several tags counts under each. A question with no tag, whose bank could not
  be had (None, or missing from the mapping), or that is no longer in its bank counts under
  UNTAGGED, so the tags account for every answer. Without `banks` there are no tags.
- Weakest questions: a question with a study card (not retired) is scored by its recall
  probability now (FSRS retrievability, from fsrs), any other by its share of right answers,
  once it has MIN_ANSWERS answers; both are chances of a right answer, so they are ranked
  together, lowest first (then more answers first, then bank and id). A question never wrong
  and without a card, or with a recall of 1 (reviewed today), is not weak. A question no
  longer in its (loaded) bank is left out: it cannot be practised again. The text shown is
  the bank's, or the text last asked when the bank cannot be had.

Speed: the answers themselves are not read. quiz.store keeps totals of the final answers by
triggers: per session and UTC quarter hour (answer_totals) and per question (question_totals).
Every time zone in use today is offset from UTC by whole quarter hours (daylight saving too), so
each quarter hour lies within one local day and its totals go to that day whole; only a
quarter with a local midnight inside it (an offset like +00:07, a zone's old local mean time)
has its answers read one by one. Questions are joined to their cards. The time grows with the
profile's sessions and questions, not its answers (see bench/stats_scale.py). All reads share
one snapshot, on a read-only connection of their own, so a quiz saving answers meanwhile
neither waits nor skews the figures.
"""

from __future__ import annotations

import heapq
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from fsrs import Card, Scheduler, State

from quiz.bank.model import Bank, Question
from quiz.store import Store, StoreError

if TYPE_CHECKING:
    from rich.console import Console

#: The tag under which answers to untagged questions (or questions not found) are counted.
UNTAGGED = "(untagged)"

#: How many weakest questions are listed.
WEAKEST = 10

#: How many answers a question without a study card needs before its accuracy ranks it.
MIN_ANSWERS = 2

#: The seconds in a quarter hour: quiz.store totals each session's answers per quarter hour.
QUARTER = 900

#: What `banks` may be: a mapping of bank key to Bank, or a function loading one by its key.
BankSource = Mapping[str, Bank] | Callable[[str], Bank | None]


@dataclass(frozen=True, slots=True)
class ScorePoint:
    """One finished session on the score chart: when it ended and how many answers were right."""

    session_id: int
    bank: str
    mode: str
    #: When the session finished, in the time zone of the statistics.
    finished: datetime
    answers: int
    correct: int

    @property
    def percent(self) -> float:
        """The percentage of the session's answers that were right."""
        return _percent(self.correct, self.answers)


@dataclass(frozen=True, slots=True)
class DayTotal:
    """One calendar day practised: how many answers, how many right, how long they took."""

    day: date
    answers: int
    correct: int
    ms: int

    @property
    def percent(self) -> float:
        """The percentage of the day's answers that were right."""
        return _percent(self.correct, self.answers)


@dataclass(frozen=True, slots=True)
class TagScore:
    """The answers to the questions of one tag."""

    tag: str
    #: How many different questions with this tag were answered.
    questions: int
    answers: int
    correct: int

    @property
    def percent(self) -> float:
        """The percentage of the tag's answers that were right."""
        return _percent(self.correct, self.answers)


@dataclass(frozen=True, slots=True)
class WeakQuestion:
    """A question often got wrong, or likely forgotten by now."""

    bank: str
    question_id: str
    text: str
    answers: int
    correct: int
    #: The FSRS probability (0 to 1) of recalling it now, for a question with a study card.
    recall: float | None

    @property
    def percent(self) -> float:
        """The percentage of its answers that were right."""
        return _percent(self.correct, self.answers)

    @property
    def chance(self) -> float:
        """What it is ranked by: its recall when it has a card, else its share right (0 to 1)."""
        return self.recall if self.recall is not None else self.correct / self.answers


@dataclass(frozen=True, slots=True)
class Stats:
    """The statistics of one profile, for one bank or all of them, at one moment."""

    profile: str
    #: The bank key (see quiz.store.bank_key), or None for all banks.
    bank: str | None
    #: When they were computed, in their time zone.
    now: datetime
    #: Sessions with at least one answer that counts, finished or not.
    sessions: int
    answers: int
    correct: int
    #: The total time taken by the answers, in milliseconds.
    time_ms: int
    current_streak: int
    longest_streak: int
    scores: tuple[ScorePoint, ...]
    days: tuple[DayTotal, ...]
    #: Empty when computed without banks.
    tags: tuple[TagScore, ...]
    weakest: tuple[WeakQuestion, ...]
    #: The title of each bank seen: from its file when it could be had, else as last played.
    titles: Mapping[str, str]

    @property
    def percent(self) -> float | None:
        """The percentage of all answers that were right, or None with no answers."""
        return _percent(self.correct, self.answers) if self.answers else None

    @property
    def time_per_day_ms(self) -> int | None:
        """The mean time spent per day practised, in milliseconds, or None with no day."""
        return round(self.time_ms / len(self.days)) if self.days else None

    def title_of(self, bank: str) -> str:
        """A bank's title, or its file name when it has none."""
        return self.titles.get(bank) or Path(bank).name

    def as_json(self) -> dict[str, Any]:
        """Return the statistics as JSON-ready data.

        Shape (percentages are rounded to 0.1 and recall to 0.001; times are ISO 8601 with the
        offset of the statistics' time zone; counts and milliseconds are exact)::

            {"profile": str, "bank": str | null, "now": time,
             "totals": {"sessions": int, "answers": int, "correct": int,
                        "percent": float | null, "days": int,
                        "time_ms": int, "time_per_day_ms": int | null},
             "streak": {"current": int, "longest": int},
             "scores": [{"session": int, "bank": str, "title": str, "mode": str,
                         "finished": time, "answers": int, "correct": int, "percent": float}],
             "days": [{"date": "YYYY-MM-DD", "answers": int, "correct": int,
                       "percent": float, "time_ms": int}],
             "tags": [{"tag": str, "questions": int, "answers": int, "correct": int,
                       "percent": float}],
             "weakest": [{"bank": str, "title": str, "question_id": str, "question": str,
                          "answers": int, "correct": int, "percent": float,
                          "recall": float | null}]}

        Lists are in the order of the attributes: scores and days oldest first, tags and
        weakest weakest first.
        """
        return {
            "profile": self.profile,
            "bank": self.bank,
            "now": _json_time(self.now),
            "totals": {
                "sessions": self.sessions,
                "answers": self.answers,
                "correct": self.correct,
                "percent": None if self.percent is None else round(self.percent, 1),
                "days": len(self.days),
                "time_ms": self.time_ms,
                "time_per_day_ms": self.time_per_day_ms,
            },
            "streak": {"current": self.current_streak, "longest": self.longest_streak},
            "scores": [
                {
                    "session": p.session_id,
                    "bank": p.bank,
                    "title": self.title_of(p.bank),
                    "mode": p.mode,
                    "finished": _json_time(p.finished),
                    "answers": p.answers,
                    "correct": p.correct,
                    "percent": round(p.percent, 1),
                }
                for p in self.scores
            ],
            "days": [
                {
                    "date": d.day.isoformat(),
                    "answers": d.answers,
                    "correct": d.correct,
                    "percent": round(d.percent, 1),
                    "time_ms": d.ms,
                }
                for d in self.days
            ],
            "tags": [
                {
                    "tag": t.tag,
                    "questions": t.questions,
                    "answers": t.answers,
                    "correct": t.correct,
                    "percent": round(t.percent, 1),
                }
                for t in self.tags
            ],
            "weakest": [
                {
                    "bank": w.bank,
                    "title": self.title_of(w.bank),
                    "question_id": w.question_id,
                    "question": w.text,
                    "answers": w.answers,
                    "correct": w.correct,
                    "percent": round(w.percent, 1),
                    "recall": None if w.recall is None else round(w.recall, 3),
                }
                for w in self.weakest
            ],
        }


def compute(
    store: Store,
    *,
    profile: str,
    bank: str | None = None,
    banks: BankSource | None = None,
    now: datetime | None = None,
    tz: tzinfo | None = None,
) -> Stats:
    """Compute the statistics of a profile, for one bank (its key) or all banks (None).

    `banks` gives the bank files, for tags and current question texts (see the module's
    docstring); `now` (aware; default: the current time) is when recall and the current streak
    are reckoned; `tz` the time zone of days (None: the computer's). Raises StoreError.
    """
    if now is None:
        now = datetime.now(UTC)
    elif now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    now = now.astimezone(UTC)
    known = _Banks(banks)
    with _Snapshot(store) as conn:
        quarters = _quarter_rows(conn, profile, bank)
        questions = _question_rows(conn, profile, bank)
        sessions, days, scores, titles = _days_and_scores(conn, quarters, tz)
        weakest = _weakest(conn, questions, known, now)
    for key in set(titles) | {w.bank for w in weakest} | ({bank} if bank else set()):
        loaded = known.bank(key)
        if loaded is not None and loaded.title:
            titles[key] = loaded.title
    current, longest = _streaks([d.day for d in days], now.astimezone(tz).date())
    return Stats(
        profile=profile,
        bank=bank,
        now=now.astimezone(tz),
        sessions=sessions,
        answers=sum(d.answers for d in days),
        correct=sum(d.correct for d in days),
        time_ms=sum(d.ms for d in days),
        current_streak=current,
        longest_streak=longest,
        scores=tuple(scores),
        days=tuple(days),
        tags=_tags(questions, known) if banks is not None else (),
        weakest=tuple(weakest),
        titles=titles,
    )


# -- reading ---------------------------------------------------------------------------------


class _Snapshot:
    """A read-only connection to the store's file holding one read transaction."""

    def __init__(self, store: Store) -> None:
        self.path = store.path
        self.conn: sqlite3.Connection | None = None

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.conn = _read_only(Path(self.path))
            self.conn.execute("BEGIN")
        except sqlite3.Error as error:
            self._close()
            raise StoreError(self.path, f"cannot read the statistics ({error})") from None
        return self.conn

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self._close()
        if isinstance(error, sqlite3.Error) and not isinstance(
            error, sqlite3.ProgrammingError | sqlite3.InterfaceError
        ):
            raise StoreError(self.path, f"cannot read the statistics ({error})") from None

    def _close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write: statistics never change the scores, even by accident."""
    uri = path.resolve().as_uri() + "?mode=ro"
    return sqlite3.connect(uri, uri=True, isolation_level=None)


@dataclass(slots=True)
class _SessionRow:
    id: int
    bank: str
    title: str
    mode: str
    started: str
    finished: str | None
    answers: int = 0
    correct: int = 0
    ms: int = 0


def _quarter_rows(conn: sqlite3.Connection, profile: str, bank: str | None) -> list[tuple]:
    """Each quarter hour of each session with answers that count, totalled (answer_totals).

    Rows: the session's id, bank, title, mode, started, finished, then the quarter (UTC
    seconds / QUARTER), its answers, right answers and milliseconds.
    """
    # The bank test is spelled out only when there is one, so the planner sees it.
    where = "s.profile = :profile" + ("" if bank is None else " AND s.bank = :bank")
    return conn.execute(
        f"""
        SELECT s.id, s.bank, s.title, s.mode, s.started, s.finished,
               t.quarter, t.answers, t.correct, t.ms
        FROM sessions AS s
        JOIN answer_totals AS t ON t.session_id = s.id
        WHERE {where} AND t.answers > 0
        """,
        {"profile": profile, "bank": bank},
    ).fetchall()


def _question_rows(conn: sqlite3.Connection, profile: str, bank: str | None) -> list[tuple]:
    """Each question answered, totalled (question_totals), with its study card if any.

    Rows: bank, question_id, answers, correct, then the card's card_id, state, step,
    stability, difficulty, due, last_review (all None without a card).
    """
    where = "q.profile = :profile" + ("" if bank is None else " AND q.bank = :bank")
    return conn.execute(
        f"""
        SELECT q.bank, q.question_id, q.answers, q.correct,
               c.card_id, c.state, c.step, c.stability, c.difficulty, c.due, c.last_review
        FROM question_totals AS q
        LEFT JOIN cards AS c
            ON c.profile = q.profile AND c.bank = q.bank AND c.question_id = q.question_id
            AND c.retired = 0
        WHERE {where} AND q.answers > 0
        """,
        {"profile": profile, "bank": bank},
    ).fetchall()


def _stored_text(conn: sqlite3.Connection, bank: str, question_id: str) -> str:
    """The text a question was last asked with."""
    row = conn.execute(
        "SELECT question FROM answers WHERE question_id = ? AND bank = ? ORDER BY id DESC LIMIT 1",
        (question_id, bank),
    ).fetchone()
    return "" if row is None else row[0]


# -- figures ---------------------------------------------------------------------------------


class _Banks:
    """The banks given to compute(), each loaded at most once, with its questions by id."""

    def __init__(self, source: BankSource | None) -> None:
        self._source = source
        self._banks: dict[str, Bank | None] = {}
        self._questions: dict[str, dict[str, Question] | None] = {}

    def bank(self, key: str) -> Bank | None:
        if key not in self._banks:
            source = self._source
            if source is None:
                found = None
            elif isinstance(source, Mapping):
                found = source.get(key)
            else:
                found = source(key)
            self._banks[key] = found
        return self._banks[key]

    def questions(self, key: str) -> dict[str, Question] | None:
        """The questions of a bank by id, or None when the bank cannot be had."""
        if key not in self._questions:
            bank = self.bank(key)
            self._questions[key] = None if bank is None else {q.id: q for q in bank.questions}
        return self._questions[key]


def _days_and_scores(
    conn: sqlite3.Connection, quarters: list[tuple], tz: tzinfo | None
) -> tuple[int, list[DayTotal], list[ScorePoint], dict[str, str]]:
    """The sessions counted, the totals per local day, the score chart, each bank's last title.

    Each quarter hour's totals go to the local day it lies in. A quarter with a local midnight
    inside it (a zone whose offset is not whole quarter hours) has its answers read one by one.
    """
    sessions: dict[int, _SessionRow] = {}
    totals: dict[date, list[int]] = {}
    quarter_days = _LocalQuarters(tz)
    crossing: list[tuple[int, int]] = []
    for session_id, *session, quarter, answers, correct, ms in quarters:
        row = sessions.get(session_id)
        if row is None:
            row = sessions[session_id] = _SessionRow(session_id, *session)
        row.answers += answers
        row.correct += correct
        row.ms += ms
        day = quarter_days.of(quarter)
        if day is None:
            crossing.append((session_id, quarter))
        else:
            _add(totals, day, answers, correct, ms)
    days = _LocalDays(tz)
    for session_id, quarter in crossing:
        rows = conn.execute(
            "SELECT answered, correct, ms FROM answers"
            " WHERE session_id = ? AND final = 1 AND answered >= ? AND answered < ?",
            (session_id, _quarter_start(quarter), _quarter_start(quarter + 1)),
        )
        for answered, correct, ms in rows:
            _add(totals, days.of(answered), 1, correct, ms)
    points: list[ScorePoint] = []
    titles: dict[str, tuple[str, str]] = {}
    for s in sorted(sessions.values(), key=lambda s: s.id):
        if s.started >= titles.get(s.bank, ("", ""))[0]:
            titles[s.bank] = (s.started, s.title)
        if s.finished is not None:
            finished = datetime.fromisoformat(s.finished).astimezone(tz)
            points.append(ScorePoint(s.id, s.bank, s.mode, finished, s.answers, s.correct))
    points.sort(key=lambda p: (p.finished, p.session_id))
    return (
        len(sessions),
        [DayTotal(day, *totals[day]) for day in sorted(totals)],
        points,
        {bank: title for bank, (_, title) in titles.items()},
    )


def _quarter_start(quarter: int) -> str:
    """The stored time text of the start of a quarter hour."""
    return _stored(datetime.fromtimestamp(quarter * QUARTER, UTC))


class _LocalQuarters:
    """The local calendar day of quarter hours; quick for quarters that come roughly in order."""

    def __init__(self, tz: tzinfo | None) -> None:
        self.tz = tz
        #: The start and end of the last day found, in UTC seconds.
        self.start = self.end = 0.0
        self.day = date.min

    def of(self, quarter: int) -> date | None:
        """The local day a quarter hour lies in, or None when a day starts inside it."""
        start = quarter * QUARTER
        if not self.start <= start < self.end:
            self.day = datetime.fromtimestamp(start, UTC).astimezone(self.tz).date()
            self.start = _day_start(self.day, self.tz).timestamp()
            self.end = _day_start(self.day + timedelta(days=1), self.tz).timestamp()
        if self.start <= start and start + QUARTER <= self.end:
            return self.day
        return None


class _LocalDays:
    """The local calendar day of stored times; quick for times that come roughly in order."""

    def __init__(self, tz: tzinfo | None) -> None:
        self.tz = tz
        #: The stored time text of the start and end of the last day found: stored times are
        #: fixed-width UTC text, which compares as it orders, so most times need no datetime.
        self.start = self.end = ""
        self.day = date.min

    def of(self, stored: str) -> date:
        """The local day of a stored time; `end` is then the end of that day."""
        if not self.start <= stored < self.end:
            self.day = datetime.fromisoformat(stored).astimezone(self.tz).date()
            self.start = _stored(_day_start(self.day, self.tz))
            self.end = _stored(_day_start(self.day + timedelta(days=1), self.tz))
        return self.day


def _add(totals: dict[date, list[int]], day: date, answers: int, correct: int, ms: int) -> None:
    entry = totals.setdefault(day, [0, 0, 0])
    entry[0] += answers
    entry[1] += correct
    entry[2] += ms


def _streaks(days: Iterable[date], today: date) -> tuple[int, int]:
    """The current streak (ending today, or yesterday) and the longest, in days."""
    practised = set(days)
    longest = 0
    for day in practised:
        if day - timedelta(days=1) in practised:
            continue  # not the first day of a run
        length = 1
        while day + timedelta(days=length) in practised:
            length += 1
        longest = max(longest, length)
    end = today if today in practised else today - timedelta(days=1)
    current = 0
    while end - timedelta(days=current) in practised:
        current += 1
    return current, longest


def _tags(questions: list[tuple], banks: _Banks) -> tuple[TagScore, ...]:
    """The answers per tag, lowest percent right first (then by tag)."""
    totals: dict[str, list[int]] = {}
    for bank, question_id, answers, correct, *_ in questions:
        by_id = banks.questions(bank)
        question = None if by_id is None else by_id.get(question_id)
        for tag in (question.tags if question is not None else ()) or (UNTAGGED,):
            entry = totals.setdefault(tag, [0, 0, 0])
            entry[0] += 1
            entry[1] += answers
            entry[2] += correct
    scores = [TagScore(tag, *entry) for tag, entry in totals.items()]
    scores.sort(key=lambda t: (t.correct / t.answers, t.tag))
    return tuple(scores)


def _weakest(
    conn: sqlite3.Connection, questions: list[tuple], banks: _Banks, now: datetime
) -> list[WeakQuestion]:
    """The WEAKEST questions with the lowest chance of a right answer, lowest first."""
    # Recall falls as elapsed days / stability grows, so the cards with the WEAKEST highest
    # ratios are the ones with the lowest recall: fsrs is asked only about those.
    by_ratio: list[tuple[float, int, str, str, tuple]] = []
    by_share: list[tuple[float, int, str, str, int]] = []
    for row in questions:
        bank, question_id, answers, correct, card_id, _, _, stability, _, _, last = row
        by_id = banks.questions(bank)
        if by_id is not None and question_id not in by_id:
            continue  # no longer in its bank: it cannot be practised again
        if card_id is not None and stability > 0:
            elapsed = max(0, (now - datetime.fromisoformat(last)).days)
            by_ratio.append((-elapsed / stability, -answers, bank, question_id, row))
        elif answers >= MIN_ANSWERS and correct < answers:
            by_share.append((correct / answers, -answers, bank, question_id, correct))
    scheduler = Scheduler()
    ranked: list[tuple[float, int, str, str, float | None, int, int]] = []
    for _, _, bank, question_id, row in heapq.nsmallest(WEAKEST, by_ratio):
        card = _card(row)
        recall = scheduler.get_card_retrievability(card, current_datetime=now)
        if recall < 1:
            ranked.append((recall, -row[2], bank, question_id, recall, row[2], row[3]))
    for share, minus_answers, bank, question_id, correct in heapq.nsmallest(WEAKEST, by_share):
        ranked.append((share, minus_answers, bank, question_id, None, -minus_answers, correct))
    ranked.sort(key=lambda item: item[:4])
    weakest = []
    for _, _, bank, question_id, recall, answers, correct in ranked[:WEAKEST]:
        by_id = banks.questions(bank)
        question = None if by_id is None else by_id.get(question_id)
        text = question.text if question is not None else _stored_text(conn, bank, question_id)
        weakest.append(WeakQuestion(bank, question_id, text, answers, correct, recall))
    return weakest


def _card(row: tuple) -> Card:
    """The fsrs Card of a question row's study card."""
    *_, card_id, state, step, stability, difficulty, due, last = row
    return Card(
        card_id=card_id,
        state=State(state),
        step=step,
        stability=stability,
        difficulty=difficulty,
        due=datetime.fromisoformat(due),
        last_review=datetime.fromisoformat(last),
    )


def _day_start(day: date, tz: tzinfo | None) -> datetime:
    """Midnight at the start of a calendar day in tz (None: the computer's zone)."""
    midnight = datetime.combine(day, datetime.min.time())
    # A naive time given to astimezone() is taken as the computer's local time.
    return midnight.astimezone() if tz is None else midnight.replace(tzinfo=tz)


def _stored(moment: datetime) -> str:
    """A time as the store keeps it: fixed-width ISO 8601 UTC text."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _percent(correct: int, answers: int) -> float:
    return 100.0 * correct / answers


def _json_time(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds" if moment.microsecond == 0 else "microseconds")


# -- printing ----------------------------------------------------------------------------------

#: How many of the latest sessions and days the printed tables list.
PRINTED_SESSIONS = 10
PRINTED_DAYS = 7

_BARS = "▁▂▃▄▅▆▇█"


def print_stats(stats: Stats, stream: TextIO, width: int | None = None) -> None:
    """Print the statistics as Rich tables; text from bank files is never read as markup."""
    from quiz.text.safe import guarded_console

    console = guarded_console(
        stream, width=width, highlight=False, markup=False, emoji=False, soft_wrap=False
    )
    _print_summary(console, stats)
    if not stats.answers:
        return
    _print_scores(console, stats)
    _print_days(console, stats)
    _print_tags(console, stats)
    _print_weakest(console, stats)


def _print_summary(console: Console, stats: Stats) -> None:
    from rich.table import Table
    from rich.text import Text

    scope = "all banks" if stats.bank is None else stats.title_of(stats.bank)
    console.print(Text(f"Statistics of {stats.profile}: {scope}", style="bold"))
    if not stats.answers:
        console.print(Text("No answers yet."))
        return
    table = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
    table.add_column("figure")
    table.add_column("value", justify="right")
    rows = [
        ("Sessions", f"{stats.sessions}"),
        ("Answers", f"{stats.answers}"),
        ("Right", f"{stats.correct} ({_percent_text(stats.percent)})"),
        ("Days practised", f"{len(stats.days)}"),
        ("Current streak", _days_text(stats.current_streak)),
        ("Longest streak", _days_text(stats.longest_streak)),
        ("Time spent", _duration(stats.time_ms)),
        ("Per day practised", _duration(stats.time_per_day_ms or 0)),
    ]
    for label, value in rows:
        table.add_row(Text(label), Text(value))
    console.print(table)
    console.print()


def _print_scores(console: Console, stats: Stats) -> None:
    from rich.table import Table
    from rich.text import Text

    if not stats.scores:
        return
    shown = stats.scores[-PRINTED_SESSIONS:]
    table = Table(title=Text(f"Score over time ({len(shown)} latest of {len(stats.scores)})"))
    table.add_column("Finished")
    table.add_column("Mode")
    table.add_column("Bank", overflow="fold")
    table.add_column("Answers", justify="right")
    table.add_column("Right", justify="right")
    for point in shown:
        table.add_row(
            Text(point.finished.strftime("%Y-%m-%d %H:%M")),
            Text(point.mode),
            Text(stats.title_of(point.bank)),
            Text(str(point.answers)),
            Text(_percent_text(point.percent)),
        )
    console.print(table)
    _print_trend(console, "Right per session", [p.percent for p in stats.scores])


def _print_days(console: Console, stats: Stats) -> None:
    from rich.table import Table
    from rich.text import Text

    shown = stats.days[-PRINTED_DAYS:]
    table = Table(title=Text(f"Days practised ({len(shown)} latest of {len(stats.days)})"))
    table.add_column("Date")
    table.add_column("Answers", justify="right")
    table.add_column("Right", justify="right")
    table.add_column("Time", justify="right")
    for day in shown:
        table.add_row(
            Text(day.day.isoformat()),
            Text(str(day.answers)),
            Text(_percent_text(day.percent)),
            Text(_duration(day.ms)),
        )
    console.print(table)
    _print_trend(console, "Right per day", [d.percent for d in stats.days])


def _print_tags(console: Console, stats: Stats) -> None:
    from rich.table import Table
    from rich.text import Text

    if not stats.tags:
        return
    table = Table(title=Text("Accuracy by tag"))
    table.add_column("Tag", overflow="fold")
    table.add_column("Questions", justify="right")
    table.add_column("Answers", justify="right")
    table.add_column("Right", justify="right")
    for tag in stats.tags:
        table.add_row(
            Text(tag.tag),
            Text(str(tag.questions)),
            Text(str(tag.answers)),
            Text(_percent_text(tag.percent)),
        )
    console.print(table)
    console.print()


def _print_weakest(console: Console, stats: Stats) -> None:
    from rich.table import Table
    from rich.text import Text

    if not stats.weakest:
        return
    table = Table(title=Text("Weakest questions"))
    table.add_column("Question", overflow="fold", ratio=3)
    table.add_column("Bank", overflow="fold", ratio=1)
    table.add_column("Answers", justify="right")
    table.add_column("Right", justify="right")
    table.add_column("Recall", justify="right")
    for weak in stats.weakest:
        table.add_row(
            Text(weak.text),
            Text(stats.title_of(weak.bank)),
            Text(str(weak.answers)),
            Text(_percent_text(weak.percent)),
            Text("" if weak.recall is None else _percent_text(100 * weak.recall)),
        )
    console.print(table)


def _print_trend(console: Console, label: str, percents: list[float]) -> None:
    """A sparkline of the latest percentages, as many as fit on one line."""
    from rich.text import Text

    room = max(10, console.width - len(label) - 2)
    console.print(Text(f"{label}: {_sparkline(percents[-room:])}"))
    console.print()


def _percent_text(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%"


def _days_text(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def _duration(ms: int) -> str:
    """A duration as "1 h 05 min", "12 min 30 s" or "45 s"."""
    seconds = round(ms / 1000)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min {seconds:02d} s"
    return f"{seconds} s"


def _sparkline(values: list[float]) -> str:
    """Percentages (0 to 100) as a line of block characters, one per value."""
    return "".join(_BARS[min(len(_BARS) - 1, int(v / 100 * len(_BARS)))] for v in values)
