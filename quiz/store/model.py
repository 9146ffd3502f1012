"""What the store hands out and takes in: its error, its rows as dataclasses, times and percents.

Shared by every back end (quiz.store.sqlite, quiz.store.postgresql) and by the code that reads
the store (quiz.play, quiz.progress). Plain Python: no SQL here.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from quiz.errors import QuizError
from quiz.text.safe import storable
from quiz.text.wording import Wording, said

#: The profile of everything saved before profiles existed, and of a store told no other.
DEFAULT_PROFILE = "default"

#: The modes a session can be played in.
MODES = ("practice", "exam", "review", "study")

#: What a session was: a practice run of a bank, an exam, a retry of the questions missed (a
#: practice run of some questions), a review, a study session. Only practice and exam runs are
#: a bank's best and last score.
KINDS = ("practice", "exam", "retry", "review", "study")

#: The kinds whose finished sessions make a bank's best and last score.
SCORED_KINDS = ("practice", "exam")

#: What to tell the user when the score database cannot be used.
FIX = said("store.fix.db")

#: What the store was doing, as its callers name it ("save the answer"), in the catalogue's
#: words: a message says "cannot save the answer" in the reader's language.
ACTIONS = {
    "check the database": said("store.action.check"),
    "copy the scores": said("store.action.copy"),
    "delete the profile": said("store.action.delete_profile"),
    "read the answers": said("store.action.read_answers"),
    "read the database's id": said("store.action.read_id"),
    "read the profile": said("store.action.read_profile"),
    "read the profiles": said("store.action.read_profiles"),
    "read the review log": said("store.action.read_reviews"),
    "read the schema version": said("store.action.read_version"),
    "read the sessions": said("store.action.read_sessions"),
    "read the statistics": said("store.action.read_statistics"),
    "read the study cards": said("store.action.read_cards"),
    "rename the profile": said("store.action.rename_profile"),
    "save the answer": said("store.action.save_answer"),
    "save the end of the session": said("store.action.save_end"),
    "save the new session": said("store.action.save_session"),
    "save the study answer": said("store.action.save_study_answer"),
    "save the study cards": said("store.action.save_cards"),
}


def doing(action: str) -> Wording | str:
    """What the store was doing, in the reader's language (as given when it is not listed)."""
    return ACTIONS.get(action, action)


class StoreError(QuizError):
    """A score database that cannot be used; str() is one line naming where and what to do."""

    def __init__(self, where: Path | str, problem: Wording | str, fix: Wording | str = FIX) -> None:
        # Database messages and OS errors can carry newlines: QuizError makes it one line.
        super().__init__(said("store.problem", where=str(where), problem=problem, fix=fix))
        #: The file's path or the server's URL (without its password), as named in the message.
        self.where = str(where)

    @property
    def path(self) -> Path:
        """The database named, as a path (a URL for a server)."""
        return Path(self.where)


def utc_now() -> datetime:
    """The current time, aware, in UTC: the clock of every run and of the store."""
    return datetime.now(UTC)


def as_utc(now: datetime | None) -> datetime:
    """Return now, or the current time, as an aware UTC datetime (naive times are refused)."""
    if now is None:
        return utc_now()
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now.astimezone(UTC)


def percent(part: int, whole: int) -> float:
    """Return part of whole as a percentage (whole must not be 0)."""
    return 100.0 * part / whole


class DamagedRow(ValueError):
    """A row that does not hold what it should (a hand-edited or damaged database file).

    str() names the row and what is wrong, for a one-line notice; readers of many rows leave
    the row out and note it (`Store.damaged`), a reader of one row raises it as a StoreError.
    """

    def __init__(self, wording: Wording) -> None:
        super().__init__(wording)
        #: What is wrong, worded when it is read.
        self.wording = wording


#: The years a time saved by quiz can fall in; outside them a stored time is damaged.
SANE_YEARS = range(1970, 9999)


def stored_time(
    read_time: Callable[[Any], datetime], value: Any, row: Wording | str, what: Wording
) -> datetime:
    """A time read from a row, or DamagedRow when it is not one (or not one quiz could save)."""
    try:
        moment = read_time(value)
        if moment.year in SANE_YEARS:
            # Shown in local time later: a time at the edge of the calendar would overflow.
            return moment
    except (ValueError, TypeError, OverflowError):
        pass
    raise DamagedRow(said("damaged.time", row=row, what=what, value=repr(str(value)[:40])))


def choice_lists(choices: str, picked: str, row: Wording | str) -> tuple[list[str], list[int]]:
    """The choice texts and picked positions stored as JSON, or DamagedRow when they are not
    a list of texts and a list of positions among them."""
    try:
        shown = json.loads(choices)
        chosen = json.loads(picked)
    except (ValueError, TypeError, RecursionError):
        raise DamagedRow(said("damaged.not_json", row=row)) from None
    if not isinstance(shown, list) or not all(isinstance(c, str) for c in shown):
        raise DamagedRow(said("damaged.not_texts", row=row))
    if (
        not isinstance(chosen, list)
        or not all(isinstance(i, int) and not isinstance(i, bool) for i in chosen)
        or not all(0 <= i < len(shown) for i in chosen)
    ):
        raise DamagedRow(said("damaged.not_shown", row=row, picked=repr(str(picked)[:40])))
    return shown, chosen


def json_time(moment: datetime) -> str:
    """Return a time as ISO 8601 text for JSON, to the second unless it has a fraction."""
    return moment.isoformat(timespec="seconds" if moment.microsecond == 0 else "microseconds")


def bank_key(path: Path | str) -> str:
    """Return the text a bank's history is saved under: its resolved path.

    Links are followed as far as they go (a loop does not raise), and bytes of a file name that
    are not UTF-8 are written as escapes (\\xe9): SQLite cannot hold them as they are.
    """
    return storable(os.path.realpath(path))


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """One quiz session with how many questions were planned, answered and answered right.

    Its score (docs/scores.md): right / planned, for every kind but study (which has none); a
    question not answered (an exam that ran out of time, a quiz left early) counts as not right.
    """

    id: int
    bank: str
    title: str
    started: datetime
    finished: datetime | None
    planned: int
    answered: int
    correct: int
    mode: str = "practice"
    kind: str = "practice"

    @property
    def score(self) -> float | None:
        """Right / planned (0 to 1), or None: a study session, or nothing planned."""
        if self.kind == "study" or self.planned <= 0:
            return None
        return min(self.correct, self.planned) / self.planned

    @property
    def counts_for_bank(self) -> bool:
        """Whether it can be its bank's best or last: a finished practice or exam run."""
        return self.kind in SCORED_KINDS and self.finished is not None and self.planned > 0

    def as_json(self) -> dict:
        """Return the session as JSON-ready data, with times as ISO 8601 strings."""
        score = self.score
        return {
            "bank": self.bank,
            "title": self.title,
            "started": json_time(self.started),
            "finished": None if self.finished is None else json_time(self.finished),
            "planned": self.planned,
            "answered": self.answered,
            "correct": self.correct,
            "mode": self.mode,
            "kind": self.kind,
            "score": None if score is None else round(score, 4),
        }


@dataclass(frozen=True, slots=True)
class BankScore:
    """The best and latest percentage scored on one bank, and how many sessions it has had.

    Best and last come from finished practice and exam runs only (right / planned): a retry,
    a review or a study session is never a bank's best or last.
    """

    best: float | None
    last: float | None
    sessions: int


@dataclass(frozen=True, slots=True)
class CardState:
    """One study card as saved: the FSRS state of one question for one profile.

    `card_id` is None for a card not saved yet (its question's first review creates it).
    `position` is where the question was in its bank, a hint checked against the question's id.
    """

    card_id: int | None
    bank: str
    question_id: str
    position: int
    state: int
    step: int | None
    stability: float
    difficulty: float
    due: datetime
    last_review: datetime


@dataclass(frozen=True, slots=True)
class NewCardScan:
    """Where the search for new questions in one bank file stopped, for one profile.

    Valid while the file's size and modification time are unchanged: every question before
    `scanned_to` then has a card, except those at the positions in `pending`.
    """

    file_size: int
    file_mtime_ns: int
    scanned_to: int
    pending: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class SessionInfo:
    """A session as the statistics see it: what was played, when, by which mode."""

    id: int
    bank: str
    title: str
    mode: str
    started: datetime
    finished: datetime | None
    #: How many questions it set out to ask, and what it was (KINDS): its score is right /
    #: planned, none for study (docs/scores.md).
    planned: int = 0
    kind: str = "practice"


class QuarterTotal(NamedTuple):
    """The final answers of one session in one UTC quarter hour (UTC seconds / 900), totalled."""

    session: SessionInfo
    quarter: int
    answers: int
    correct: int
    ms: int


class QuestionTotal(NamedTuple):
    """The final answers to one question of a profile, totalled, and its study card if any.

    The card's id, stability and last review are None without a card (or a retired one).
    """

    bank: str
    question_id: str
    answers: int
    correct: int
    card_id: int | None
    stability: float | None
    last_review: datetime | None


class AnswerTime(NamedTuple):
    """When one final answer was given, whether it was right and how long it took."""

    answered: datetime
    correct: bool
    ms: int


class ExportAnswer(NamedTuple):
    """One final answer with its session's profile and title, as `quiz results export` needs."""

    profile: str
    bank: str
    title: str
    question_id: str
    question: str
    #: The choice texts shown, as a JSON array.
    choices: str
    #: The indices of the choices picked, as a JSON array.
    picked: str
    correct: bool
    ms: int
    answered: datetime
    #: The answer's id in its database (its row): `answer_id` in an export.
    row: int = 0
    #: The session's id in its database: `session` in an export.
    session: int = 0
    #: The session's mode (practice, exam, review, study).
    mode: str = "practice"
    #: 1 for the first final answer of this profile to this question (same bank), 2 for the
    #: second...: counted over the whole database, whatever the export keeps.
    attempt: int = 1
