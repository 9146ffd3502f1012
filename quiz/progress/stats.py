"""Statistics of one profile, for one bank or all: what `quiz stats` prints and the screen draws.

Plain Python, computation only (the tables are printed by quiz.render.stats):

    stats = compute(store, profile="amal", bank=bank_key(path), banks=load, now=None, tz=None)
    stats.scores      # ScorePoint per finished session, oldest first: the score chart
    stats.days        # DayTotal per local day practised, oldest first: the sparkline
    stats.tags        # TagScore per tag (needs `banks`), lowest percent right first
    stats.weakest     # WeakQuestion, at most WEAKEST, weakest first
    stats.current_streak, stats.longest_streak, stats.time_ms, stats.time_per_day_ms
    stats.sessions, stats.answers, stats.correct, stats.percent
    stats.as_json()   # see Stats.as_json for the shape

What counts:
- Only answers that count (final = 1): an exam answer changed before submitting counts once,
  with the time of its last change; the time spent on the replaced answer is not counted.
- A session counts when it has at least one such answer. A finished one with a score (every
  kind but study, docs/scores.md) is a point of the score chart, at the time it finished, with
  its score: right / planned, as the results screen, `quiz scores` and the home screen say it.
- Days are calendar days in `tz` (None: the computer's time zone, daylight saving included) of
  when each answer was given. The current streak is the run of days practised that ends today,
  or yesterday while today has no answer yet (the streak is not lost until the day is over);
  0 otherwise. The time per day is the total time over the days practised.
- Time spent is the sum of the sessions' times, each the figure its results screen shows: from
  its start to its end in whole seconds, each gap between two moments (the start, an answer,
  the end) counted at most 10 minutes (quiz.progress.stats_time). A day's time is the gaps that
  ended on it.
- Tags come from the bank files (a question's tags include its bank's), so `banks` is needed:
  a mapping {bank key: Bank} or a callable taking a bank key and returning its Bank or None. A
  question with several tags counts under each. A question with no tag, whose bank could not
  be had (None, or missing from the mapping), or that is no longer in its bank counts under
  UNTAGGED, so the tags account for every answer. Without `banks` there are no tags.
- Weakest questions: ranked by the chance of a right answer, lowest first (then more answers
  first, then bank and id), from the student's own record, smoothed:
  chance = (right + 2 x prior) / (answers + 2) (chance_of_right), where the prior is the FSRS
  recall now (retrievability, from fsrs) for a question with a study card (not retired), else
  1/2. So one answer, right, is 2/3 and never the best or the worst, a question missed 31 times
  of 40 is (9 + 1) / 42 = 24%, and a studied question's recall weighs as two answers beside its
  record. A question is weak when it was answered wrong at least once, or is studied and its
  recall has fallen below the retention FSRS aims at (90%, when a card falls due). A question
  no longer in its (loaded) bank is left out: it cannot be practised again. The text shown is
  the bank's, or the text last asked when the bank cannot be had.

Speed: the answers are not read. The figures come from totals that quiz.store keeps by
triggers: per session and UTC quarter hour (answer_totals) and per question (question_totals);
the time from each session's time, kept once it is finished (whole seconds and per UTC quarter
hour, quiz.store.timing): only a session still going has its answers' moments read.
Every time zone in use today is offset from UTC by whole quarter hours (daylight saving too), so
each quarter hour lies within one local day and its totals go to that day whole; only a
quarter with a local midnight inside it (an offset like +00:07, a zone's old local mean time)
has its answers read one by one. Questions are joined to their cards (see bench/stats_scale.py).
All reads share
one snapshot (`Store.read_statistics`; on SQLite a read-only connection of their own), so a quiz
saving answers meanwhile neither waits nor skews the figures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from fsrs import Card, Scheduler, State

from quiz.bank.cache import questions_by_id
from quiz.bank.model import Bank, Question
from quiz.progress.stats_data import DayTotal, ScorePoint, Stats, TagScore, WeakQuestion
from quiz.progress.stats_time import time_spent
from quiz.store import QuarterTotal, QuestionTotal, SessionInfo, StatisticsReads, Store

__all__ = [
    "PRIOR",
    "PRIOR_WEIGHT",
    "UNTAGGED",
    "WEAKEST",
    "DayTotal",
    "ScorePoint",
    "Stats",
    "TagScore",
    "WeakQuestion",
    "chance_of_right",
    "compute",
]

#: The tag under which answers to untagged questions (or questions not found) are counted.
UNTAGGED = "(untagged)"

#: How many weakest questions are listed.
WEAKEST = 10

#: The prior chance of a right answer of a question never studied, and what it weighs, in
#: answers: chance = (right + PRIOR_WEIGHT x prior) / (answers + PRIOR_WEIGHT).
PRIOR = 0.5
PRIOR_WEIGHT = 2

#: The seconds in a quarter hour: quiz.store totals each session's answers per quarter hour.
QUARTER = 900

#: What `banks` may be: a mapping of bank key to Bank, or a function loading one by its key.
BankSource = Mapping[str, Bank] | Callable[[str], Bank | None]


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

    def read(reads: StatisticsReads):
        quarters = reads.quarter_totals(profile, bank)
        questions = reads.question_totals(profile, bank)
        known.fetch(questions)
        figures = _days_and_scores(reads, quarters, tz)
        # The time kept of the sessions counted; those still going are worked out.
        spent = time_spent(reads, profile, bank, figures[4], tz)
        return questions, figures, _weakest(reads, questions, known, now), spent

    # All reads share one snapshot: a quiz saving answers meanwhile neither waits nor skews them.
    questions, figures, weakest, (seconds, daily) = store.read_statistics(read)
    sessions, days, scores, titles, _ = figures
    days = [DayTotal(d.day, d.answers, d.correct, daily.get(d.day, 0)) for d in days]
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
        time_ms=1000 * seconds,
        current_streak=current,
        longest_streak=longest,
        scores=tuple(scores),
        days=tuple(days),
        tags=_tags(questions, known) if banks is not None else (),
        weakest=tuple(weakest),
        titles=titles,
    )


# -- figures ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _SessionRow:
    """A session with the totals of its answers added up from its quarter hours."""

    info: SessionInfo
    answers: int = 0
    correct: int = 0
    ms: int = 0


class _Named:
    """The questions of one bank that the statistics name, each read once, by id.

    A cached bank's questions are read from the cache by id, never all of them: the figures of
    a bank of 100,000 questions read the few that were answered (`fetch` reads many at once).
    """

    def __init__(self, bank: Bank) -> None:
        self._bank = bank
        self._found: dict[str, Question | None] = {}

    def fetch(self, ids: Iterable[str]) -> None:
        """Read the questions with these ids, in one go."""
        missing = [i for i in set(ids) if i not in self._found]
        if missing:
            got = questions_by_id(self._bank, missing)
            self._found.update((i, got.get(i)) for i in missing)

    def get(self, question_id: str) -> Question | None:
        """The question with this id, or None when its bank no longer has it."""
        if question_id not in self._found:
            self.fetch([question_id])
        return self._found[question_id]

    def __contains__(self, question_id: str) -> bool:
        return self.get(question_id) is not None


class _Banks:
    """The banks given to compute(), each loaded at most once, with the questions named."""

    def __init__(self, source: BankSource | None) -> None:
        self._source = source
        self._banks: dict[str, Bank | None] = {}
        self._questions: dict[str, _Named | None] = {}

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

    def questions(self, key: str) -> _Named | None:
        """The questions of a bank by id, or None when the bank cannot be had."""
        if key not in self._questions:
            bank = self.bank(key)
            self._questions[key] = None if bank is None else _Named(bank)
        return self._questions[key]

    def fetch(self, rows: Iterable[QuestionTotal]) -> None:
        """Read the questions these totals name, a query per bank rather than one per question."""
        if self._source is None:
            return
        named: dict[str, list[str]] = {}
        for row in rows:
            named.setdefault(row.bank, []).append(row.question_id)
        for key, ids in named.items():
            by_id = self.questions(key)
            if by_id is not None:
                by_id.fetch(ids)


#: The sessions counted, the totals per local day, the score chart, each bank's last title,
#: the ids of the sessions counted.
_Figures = tuple[int, list[DayTotal], list[ScorePoint], dict[str, str], set[int]]


def _days_and_scores(
    reads: StatisticsReads, quarters: list[QuarterTotal], tz: tzinfo | None
) -> _Figures:
    """The sessions counted, the totals per local day, the score chart, each bank's last title.

    Each quarter hour's totals go to the local day it lies in. A quarter with a local midnight
    inside it (a zone whose offset is not whole quarter hours) has its answers read one by one.
    """
    sessions: dict[int, _SessionRow] = {}
    totals: dict[date, list[int]] = {}
    quarter_days = _LocalQuarters(tz)
    crossing: list[tuple[int, int]] = []
    for session, quarter, answers, correct, ms in quarters:
        session_id = session.id
        row = sessions.get(session_id)
        if row is None:
            row = sessions[session_id] = _SessionRow(session)
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
        for answer in reads.answer_times(
            session_id, _quarter_start(quarter), _quarter_start(quarter + 1)
        ):
            _add(totals, days.of(answer.answered), 1, int(answer.correct), answer.ms)
    points: list[ScorePoint] = []
    titles: dict[str, tuple[datetime, str]] = {}
    for row in sorted(sessions.values(), key=lambda row: row.info.id):
        s = row.info
        latest = titles.get(s.bank)
        if latest is None or s.started >= latest[0]:
            titles[s.bank] = (s.started, s.title)
        if s.finished is not None and s.kind != "study":
            finished = s.finished.astimezone(tz)
            points.append(
                ScorePoint(
                    s.id, s.bank, s.mode, finished, row.answers, row.correct, s.planned, s.kind
                )
            )
    points.sort(key=lambda p: (p.finished, p.session_id))
    return (
        len(sessions),
        [DayTotal(day, *totals[day]) for day in sorted(totals)],
        points,
        {bank: title for bank, (_, title) in titles.items()},
        set(sessions),
    )


def _quarter_start(quarter: int) -> datetime:
    """The start of a quarter hour, in UTC."""
    return datetime.fromtimestamp(quarter * QUARTER, UTC)


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
    """The local calendar day of times; quick for times that come roughly in order."""

    def __init__(self, tz: tzinfo | None) -> None:
        self.tz = tz
        #: The start and end of the last day found: most times need no time zone look-up.
        self.start = self.end = datetime.min.replace(tzinfo=UTC)
        self.day = date.min

    def of(self, moment: datetime) -> date:
        """The local day of an aware time; `end` is then the end of that day."""
        if not self.start <= moment < self.end:
            self.day = moment.astimezone(self.tz).date()
            self.start = _day_start(self.day, self.tz)
            self.end = _day_start(self.day + timedelta(days=1), self.tz)
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


def _tags(questions: list[QuestionTotal], banks: _Banks) -> tuple[TagScore, ...]:
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


def chance_of_right(correct: int, answers: int, recall: float | None) -> float:
    """A question's chance of a right answer: (right + 2 x prior) / (answers + 2).

    The prior is the FSRS recall now for a studied question, else 1/2: the mean of a Beta
    prior worth two answers, updated by the student's own record. A question answered once,
    right, is 2/3 (not 100%); missed 31 of 40 is (9 + 1) / 42 = 24%, near the top of the
    weakest; a studied question's recall counts as two answers, so a long record outweighs it.
    """
    prior = PRIOR if recall is None else recall
    return (correct + PRIOR_WEIGHT * prior) / (answers + PRIOR_WEIGHT)


def _weakest(
    reads: StatisticsReads, questions: list[QuestionTotal], banks: _Banks, now: datetime
) -> list[WeakQuestion]:
    """The WEAKEST questions with the lowest chance of a right answer, lowest first."""
    scheduler = Scheduler()
    ranked: list[tuple[float, int, str, str, float | None, int, int]] = []
    for row in questions:
        bank, question_id, answers, correct, card_id, stability, last = row
        if answers <= 0:
            continue
        recall = None
        if card_id is not None and stability is not None and stability > 0 and last is not None:
            # Retrievability needs only the stability and the last review (fsrs).
            card = Card(card_id=card_id, state=State.Review, stability=stability, last_review=last)
            recall = scheduler.get_card_retrievability(card, current_datetime=now)
        # Weak: missed at least once, or studied and due (recall below the retention aimed at).
        if correct >= answers and (recall is None or recall >= scheduler.desired_retention):
            continue
        chance = chance_of_right(correct, answers, recall)
        ranked.append((chance, -answers, bank, question_id, recall, answers, correct))
    ranked.sort(key=lambda item: item[:4])
    weakest = []
    for chance, _, bank, question_id, recall, answers, correct in ranked:
        by_id = banks.questions(bank)
        if by_id is not None and question_id not in by_id:
            continue  # no longer in its bank: it cannot be practised again
        question = None if by_id is None else by_id.get(question_id)
        text = question.text if question is not None else reads.question_text(bank, question_id)
        weakest.append(WeakQuestion(bank, question_id, text, answers, correct, recall, chance))
        if len(weakest) == WEAKEST:
            break
    return weakest


def _day_start(day: date, tz: tzinfo | None) -> datetime:
    """Midnight at the start of a calendar day in tz (None: the computer's zone)."""
    midnight = datetime.combine(day, datetime.min.time())
    # A naive time given to astimezone() is taken as the computer's local time.
    return midnight.astimezone() if tz is None else midnight.replace(tzinfo=tz)
