"""The statistics of one profile as dataclasses, computed by quiz.progress.stats.compute."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from quiz.store import json_time, percent
from quiz.text.i18n import t


def kind_word(kind: str) -> str:
    """The word for a session's kind (quiz.store.KINDS), as `quiz scores` and the chart say it."""
    words = {
        "practice": t("scores.kind.practice"),
        "exam": t("scores.kind.exam"),
        "retry": t("scores.kind.retry"),
        "review": t("scores.kind.review"),
        "study": t("scores.kind.study"),
    }
    return words.get(kind, kind)


@dataclass(frozen=True, slots=True)
class ScorePoint:
    """One finished session on the score chart: when it ended and its score (docs/scores.md)."""

    session_id: int
    bank: str
    mode: str
    #: When the session finished, in the time zone of the statistics.
    finished: datetime
    answers: int
    correct: int
    #: How many questions it set out to ask: the score is right / planned.
    planned: int = 0
    #: What the session was (quiz.store.KINDS): practice, exam, retry or review (study has no
    #: score, so no point).
    kind: str = "practice"

    @property
    def percent(self) -> float:
        """Its score as a percentage: right / planned (a question not answered is not right)."""
        if self.planned <= 0:
            return percent(self.correct, self.answers)
        return percent(min(self.correct, self.planned), self.planned)


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
        return percent(self.correct, self.answers)


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
        return percent(self.correct, self.answers)


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
    #: What it is ranked by (0 to 1): (right + 2 x prior) / (answers + 2), the prior its
    #: recall when studied, else 1/2 (quiz.progress.stats.chance_of_right).
    chance: float

    @property
    def percent(self) -> float:
        """The percentage of its answers that were right."""
        return percent(self.correct, self.answers)


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
        return percent(self.correct, self.answers) if self.answers else None

    @property
    def time_per_day_ms(self) -> int | None:
        """The mean time spent per day practised, in milliseconds, or None with no day."""
        return round(self.time_ms / len(self.days)) if self.days else None

    def title_of(self, bank: str) -> str:
        """A bank's title, or its file name when it has none."""
        return self.titles.get(bank) or Path(bank).name

    def as_json(self) -> dict[str, Any]:
        """Return the statistics as JSON-ready data.

        Shape (percentages are rounded to 0.1, recall and chance to 0.001; times are ISO 8601
        with the offset of the statistics' time zone; counts and milliseconds are exact)::

            {"profile": str, "bank": str | null, "now": time,
             "totals": {"sessions": int, "answers": int, "correct": int,
                        "percent": float | null, "days": int,
                        "time_ms": int, "time_per_day_ms": int | null},
             "streak": {"current": int, "longest": int},
             "scores": [{"session": int, "bank": str, "title": str, "mode": str,
                         "kind": str, "finished": time, "answers": int, "correct": int,
                         "planned": int, "percent": float}],
             "days": [{"date": "YYYY-MM-DD", "answers": int, "correct": int,
                       "percent": float, "time_ms": int}],
             "tags": [{"tag": str, "questions": int, "answers": int, "correct": int,
                       "percent": float}],
             "weakest": [{"bank": str, "title": str, "question_id": str, "question": str,
                          "answers": int, "correct": int, "percent": float,
                          "recall": float | null, "chance": float}]}

        Lists are in the order of the attributes: scores and days oldest first, tags and
        weakest weakest first. A score's percent is right / planned (docs/scores.md), as in
        `quiz scores` and the results screen.
        """
        return {
            "profile": self.profile,
            "bank": self.bank,
            "now": json_time(self.now),
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
                    "kind": p.kind,
                    "finished": json_time(p.finished),
                    "answers": p.answers,
                    "correct": p.correct,
                    "planned": p.planned,
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
                    "chance": round(w.chance, 3),
                }
                for w in self.weakest
            ],
        }
