"""Statistics: exact figures on a seeded database, per bank and overall, JSON, printing."""

from __future__ import annotations

import io
import json
import random
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from quiz.bank.loader import load_bank
from quiz.bank.model import Bank, Question
from quiz.progress.stats import UNTAGGED, Stats, chance_of_right, compute
from quiz.render.stats import print_stats
from quiz.store import CardState, Store, StoreError, bank_key

#: The students' time zone: three hours ahead of UTC, so 21:00 UTC is midnight.
TZ = timezone(timedelta(hours=3))
#: 15:00 local on 9 March; no answer yet today.
NOW = datetime(2025, 3, 9, 12, 0, tzinfo=UTC)
CHOICES = ("right", "wrong", "other")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A time in March 2025, UTC."""
    return datetime(2025, 3, day, hour, minute, tzinfo=UTC)


def question(qid: str, text: str, *tags: str) -> Question:
    return Question(id=qid, text=text, choices=CHOICES, answers=("right",), tags=tags)


class Seeded:
    """The seeded database: two banks, two profiles, six sessions of amal's, two of omar's.

    amal, in UTC+3 (days are local):
    - S1 1 Mar, geo, practice: a1 right 10 s, a2 wrong 20 s, a3 right 5 s; 2 of 3.
    - S2 2 Mar, geo, exam: a1 wrong 7 s then changed to right 4 s, a2 wrong 15 s, a4 wrong 8 s,
      a3 right 9 s then left blank (withdrawn); counts a1 right, a2 wrong, a4 wrong: 1 of 3.
    - S3 3 Mar 23:50 local, math, practice: b1 right 30 s at 23:55 (3 Mar), b2 wrong 40 s at
      00:05 (4 Mar): a session across midnight.
    - S4 6 Mar, math, study: b3 right 12 s (card: stability 0.1, reviewed 6 Mar 12:00 UTC, so
      3 days before NOW), b1 wrong 9 s (card, then retired: b1 is ranked by accuracy).
    - S5 7 Mar, geo, practice: a1 wrong 6 s, a2 right 6 s (given a minute before the session
      started: a clock put back), a4 wrong 5 s; 1 of 3.
    - S6 8 Mar, math, review, never finished: b2 wrong 11 s, b1 right 3 s.
    omar, 9 Mar: S7 geo a1 wrong 1 s, a2 wrong 2 s; S8 math study b1 wrong 3 s (card reviewed
    today: recall 1).

    Bank geo has a1 (capitals, europe), a2 (capitals; its text has markup in it), a3 (no tags);
    a4 was removed from it. Bank math has b1 (arithmetic), b2 (arithmetic, fractions), b3
    (arithmetic).
    """

    def __init__(self, folder: Path, target: Path | str | None = None) -> None:
        self.geo = bank_key(folder / "geo.yaml")
        self.math = bank_key(folder / "math.yaml")
        self.banks = {
            self.geo: Bank(
                Path(self.geo),
                "Geography",
                questions=(
                    question("a1", "Capital of Spain?", "capitals", "europe"),
                    question("a2", "Capital of [bold]France[/bold]? Close tag [/", "capitals"),
                    question("a3", "Capital of Peru?"),
                ),
            ),
            self.math: Bank(
                Path(self.math),
                "Arithmetic",
                questions=(
                    question("b1", "2 + 2?", "arithmetic"),
                    question("b2", "1/2 + 1/4?", "arithmetic", "fractions"),
                    question("b3", "3 x 3?", "arithmetic"),
                ),
            ),
        }
        self.store = Store.open(target or folder / "scores.db")
        self.sessions: dict[str, int] = {}
        self._seed()

    def start(self, name: str, bank: str, mode: str, when: datetime, profile: str) -> int:
        title = self.banks[bank].title
        self.sessions[name] = self.store.start_session(
            bank=bank, title=title, planned=3, mode=mode, profile=profile, now=when
        )
        return self.sessions[name]

    def answer(
        self, session: int, qid: str, right: bool, seconds: int, when: datetime, **kw: object
    ) -> None:
        self.store.record_answer(
            session,
            question_id=qid,
            question=f"Stored text of {qid}",
            choices=CHOICES,
            picked=0 if right else 1,
            correct=right,
            ms=seconds * 1000,
            now=when,
            **kw,
        )

    def review(
        self, session: int, qid: str, right: bool, seconds: int, when: datetime, stability: float
    ) -> int:
        card = CardState(
            card_id=None,
            bank=self.math,
            question_id=qid,
            position=int(qid[1:]) - 1,
            state=2,
            step=None,
            stability=stability,
            difficulty=5.0,
            due=when + timedelta(days=1),
            last_review=when,
        )
        return self.store.record_review(
            session,
            card=card,
            rating=3 if right else 1,
            question=f"Stored text of {qid}",
            choices=CHOICES,
            picked=0 if right else 1,
            correct=right,
            ms=seconds * 1000,
            now=when,
        )

    def _seed(self) -> None:
        s = self.start("S1", self.geo, "practice", at(1, 9), "amal")
        self.answer(s, "a1", True, 10, at(1, 9, 1))
        self.answer(s, "a2", False, 20, at(1, 9, 2))
        self.answer(s, "a3", True, 5, at(1, 9, 3))
        self.store.finish_session(s, now=at(1, 9, 5))

        s = self.start("S2", self.geo, "exam", at(2, 10), "amal")
        self.answer(s, "a1", False, 7, at(2, 10, 1), replace=True)
        self.answer(s, "a2", False, 15, at(2, 10, 2), replace=True)
        self.answer(s, "a4", False, 8, at(2, 10, 3), replace=True)
        self.answer(s, "a1", True, 4, at(2, 10, 4), replace=True)
        self.answer(s, "a3", True, 9, at(2, 10, 5), replace=True)
        self.store.withdraw_answer(s, question_id="a3")
        self.store.finish_session(s, now=at(2, 10, 10))

        s = self.start("S3", self.math, "practice", at(3, 20, 50), "amal")
        self.answer(s, "b1", True, 30, at(3, 20, 55))
        self.answer(s, "b2", False, 40, at(3, 21, 5))
        self.store.finish_session(s, now=at(3, 21, 6))

        s = self.start("S4", self.math, "study", at(6, 12), "amal")
        self.review(s, "b3", True, 12, at(6, 12), stability=0.1)
        self.review(s, "b1", False, 9, at(6, 12, 1), stability=3.0)
        self.store.match_cards(
            profile="amal", bank=self.math, positions={}, retire=["b1"], restore=[]
        )
        self.store.finish_session(s, now=at(6, 12, 5))

        s = self.start("S5", self.geo, "practice", at(7, 8), "amal")
        self.answer(s, "a1", False, 6, at(7, 8, 1))
        self.answer(s, "a2", True, 6, at(7, 7, 59))
        self.answer(s, "a4", False, 5, at(7, 8, 2))
        self.store.finish_session(s, now=at(7, 8, 5))

        s = self.start("S6", self.math, "review", at(8, 8), "amal")
        self.answer(s, "b2", False, 11, at(8, 8, 1))
        self.answer(s, "b1", True, 3, at(8, 8, 2))

        s = self.start("S7", self.geo, "practice", at(9, 9), "omar")
        self.answer(s, "a1", False, 1, at(9, 9, 1))
        self.answer(s, "a2", False, 2, at(9, 9, 2))
        self.store.finish_session(s, now=at(9, 9, 3))
        s = self.start("S8", self.math, "study", at(9, 9, 30), "omar")
        self.review(s, "b1", False, 3, at(9, 9, 30), stability=0.05)
        self.store.finish_session(s, now=at(9, 9, 31))


@pytest.fixture
def seeded(tmp_path: Path, db_target: Path | str):
    data = Seeded(tmp_path, db_target)
    yield data
    data.store.close()


def amal(seeded: Seeded, bank: str | None = None, **kw: object) -> Stats:
    options: dict[str, object] = {"banks": seeded.banks, "now": NOW, "tz": TZ} | kw
    return compute(seeded.store, profile="amal", bank=bank, **options)


def day(n: int) -> date:
    return date(2025, 3, n)


def days_of(stats: Stats) -> list[tuple[date, int, int, int]]:
    return [(d.day, d.answers, d.correct, d.ms) for d in stats.days]


def weakest_of(stats: Stats) -> list[tuple[str, int, int, float | None]]:
    return [
        (w.question_id, w.answers, w.correct, None if w.recall is None else round(w.recall, 4))
        for w in stats.weakest
    ]


# -- overall ----------------------------------------------------------------------------------


def test_totals_count_final_answers_only(seeded: Seeded) -> None:
    stats = amal(seeded)
    assert stats.sessions == 6
    assert stats.answers == 15  # not the changed and withdrawn exam answers, nor omar's
    assert stats.correct == 7
    assert stats.percent == pytest.approx(100 * 7 / 15)
    # The sessions' times, start to end between moments (docs: each gap at most 10 min):
    # S1 1+1+1+2 min, S2 5x1+5, S3 5+10+1, S4 0+1+4, S5 0 (an answer before the start)+1+1+3,
    # S6 (not finished) 1+1: 5 + 10 + 16 + 5 + 5 + 2 = 43 min.
    assert stats.time_ms == 2_580_000


def test_days_are_local_and_a_session_across_midnight_is_split(seeded: Seeded) -> None:
    stats = amal(seeded)
    assert days_of(stats) == [
        (day(1), 3, 2, 300_000),
        (day(2), 3, 1, 600_000),
        (day(3), 1, 1, 300_000),  # 23:55 local, 5 min after the start
        (day(4), 1, 0, 660_000),  # 00:05 local, same session: 10 min, and 1 to its end
        (day(6), 2, 1, 300_000),
        (day(7), 3, 1, 300_000),  # one answer dated before its session started
        (day(8), 2, 1, 120_000),  # an unfinished session
    ]
    assert [round(d.percent, 1) for d in stats.days] == [66.7, 33.3, 100.0, 0.0, 50.0, 33.3, 50.0]
    assert stats.time_per_day_ms == 368_571  # 2,580,000 / 7


def test_days_follow_the_time_zone(seeded: Seeded) -> None:
    stats = amal(seeded, tz=UTC)
    assert [d.day for d in stats.days] == [day(1), day(2), day(3), day(6), day(7), day(8)]
    assert days_of(stats)[2] == (day(3), 2, 1, 960_000)
    assert stats.longest_streak == 3


def test_streaks_across_a_gap(seeded: Seeded) -> None:
    stats = amal(seeded)
    # 1-4 March, then a day off, then 6-8 March; today (9th) has no answer yet.
    assert stats.longest_streak == 4
    assert stats.current_streak == 3


def test_current_streak_is_lost_after_a_whole_day_without_answers(seeded: Seeded) -> None:
    assert amal(seeded, now=at(9, 20, 59)).current_streak == 3  # 23:59 on the 9th, local
    assert amal(seeded, now=at(9, 21, 0)).current_streak == 0  # midnight: the 9th is over
    assert amal(seeded, now=at(8, 12)).current_streak == 3  # today (the 8th) counts


def test_score_over_time_has_one_point_per_finished_session(seeded: Seeded) -> None:
    stats = amal(seeded)
    points = [(p.session_id, p.kind, p.answers, p.correct, p.planned) for p in stats.scores]
    s = seeded.sessions
    # Every session planned 3; the study session S4 has no score, so no point (docs/scores.md).
    assert points == [
        (s["S1"], "practice", 3, 2, 3),
        (s["S2"], "exam", 3, 1, 3),
        (s["S3"], "practice", 2, 1, 3),
        (s["S5"], "practice", 3, 1, 3),
    ]
    # Right / planned: S3 answered 2 of its 3, one right, is 1/3, not 1/2.
    assert [round(p.percent, 1) for p in stats.scores] == [66.7, 33.3, 33.3, 33.3]
    assert stats.scores[0].finished == datetime(2025, 3, 1, 12, 5, tzinfo=TZ)
    assert stats.scores[0].finished.utcoffset() == timedelta(hours=3)


def test_accuracy_by_tag(seeded: Seeded) -> None:
    stats = amal(seeded)
    tags = [(t.tag, t.questions, t.answers, t.correct) for t in stats.tags]
    assert tags == [
        ("fractions", 1, 2, 0),
        (UNTAGGED, 2, 3, 1),  # a3 (no tags) and a4 (no longer in its bank)
        ("arithmetic", 3, 6, 3),  # ties at 50% are by name
        ("capitals", 2, 6, 3),
        ("europe", 1, 3, 2),
    ]
    assert [round(t.percent, 1) for t in stats.tags] == [0.0, 33.3, 50.0, 50.0, 66.7]


def test_no_banks_no_tags(seeded: Seeded) -> None:
    assert amal(seeded, banks=None).tags == ()


def test_weakest_mixes_accuracy_and_recall(seeded: Seeded) -> None:
    stats = amal(seeded)
    # chance = (right + 2 x prior) / (answers + 2), prior 1/2, or the recall where studied.
    assert weakest_of(stats) == [
        ("b2", 2, 0, None),  # (0 + 1) / 4 = 25%
        ("a2", 3, 1, None),  # (1 + 1) / 5 = 40%
        ("a1", 3, 2, None),  # (2 + 1) / 5 = 60%, 3 answers; ties with b1 are by bank
        ("b1", 3, 2, None),  # its card is retired: by its record alone, 60%
        ("b3", 1, 1, 0.5906),  # (1 + 2 x 0.5906) / 3 = 72.7%: never wrong, but due
    ]
    chances = [round(w.chance, 4) for w in stats.weakest]
    assert chances == [0.25, 0.4, 0.6, 0.6, 0.7271]
    # a3 was never wrong and has no card; a4 is no longer in its bank.
    assert [w.text for w in stats.weakest][:2] == [
        "1/2 + 1/4?",
        "Capital of [bold]France[/bold]? Close tag [/",
    ]
    assert [w.bank for w in stats.weakest][:3] == [seeded.math, seeded.geo, seeded.geo]


def test_the_chance_is_smoothed_so_one_answer_is_not_extreme() -> None:
    # Worked by hand: (right + 1) / (answers + 2) without a card.
    assert chance_of_right(1, 1, None) == 2 / 3  # one right answer is not "100%"
    assert chance_of_right(0, 1, None) == 1 / 3  # nor one wrong answer "0%"
    assert chance_of_right(2, 2, None) == 3 / 4
    assert chance_of_right(9, 40, None) == 10 / 42  # missed 31 of 40: 23.8%
    # Studied: the recall now weighs as two answers beside the record.
    assert chance_of_right(1, 2, 0.9) == pytest.approx(2.8 / 4)  # (1 + 1.8) / 4
    assert chance_of_right(0, 1, 1.0) == 2 / 3  # missed once, reviewed today (recall 1)


def test_a_question_missed_31_of_40_times_is_near_the_top(tmp_path: Path) -> None:
    key = bank_key(tmp_path / "bank.yaml")
    start = NOW - timedelta(days=20)
    with Store.open(tmp_path / "scores.db") as store:
        session = store.start_session(bank=key, title="B", planned=60, now=start)

        def answer(qid: str, right: bool, n: int) -> None:
            store.record_answer(
                session,
                question_id=qid,
                question=f"Q {qid}",
                choices=CHOICES,
                picked=0 if right else 1,
                correct=right,
                ms=1000,
                now=start + timedelta(minutes=n),
            )

        n = 0
        for qid in ("easy1", "easy2", "easy3", "easy4", "easy5"):  # 2 of 2 right: not weak
            for _ in range(2):
                answer(qid, True, n := n + 1)
        answer("once_right", True, n := n + 1)  # 1 of 1: not weak
        answer("once_wrong", False, n := n + 1)  # 0 of 1: (0 + 1) / 3 = 33.3%
        answer("half", True, n := n + 1)  # 1 of 2: 2 / 4 = 50%
        answer("half", False, n := n + 1)
        for k in range(40):  # 9 right of 40: (9 + 1) / 42 = 23.8%
            answer("often_missed", k < 9, n := n + 1)
        stats = compute(store, profile="default", now=NOW, tz=TZ)
    assert [(w.question_id, w.answers, w.correct) for w in stats.weakest] == [
        ("often_missed", 40, 9),
        ("once_wrong", 1, 0),
        ("half", 2, 1),
    ]
    assert [round(100 * w.chance, 1) for w in stats.weakest] == [23.8, 33.3, 50.0]


def test_recall_is_fsrs_retrievability(seeded: Seeded) -> None:
    from fsrs import Card, Scheduler, State

    card = Card(
        card_id=1, state=State.Review, stability=0.1, difficulty=5.0, due=NOW, last_review=at(6, 12)
    )
    expected = Scheduler().get_card_retrievability(card, current_datetime=NOW)
    (b3,) = [w for w in amal(seeded).weakest if w.question_id == "b3"]
    assert b3.recall == expected


def test_weakest_cards_are_those_with_the_lowest_recall(tmp_path: Path) -> None:
    """Studied questions never wrong are weak once due: recall below 90%, which FSRS reaches
    when the days since the last review equal the card's stability (here 10 days)."""
    key = bank_key(tmp_path / "bank.yaml")
    reviewed = NOW - timedelta(days=10)
    stabilities = [50.0, 0.5, 20.0, 3.0, 100.0, 1.0, 8.0, 0.2, 30.0, 5.0, 2.0, 12.0, 0.8, 70.0]
    with Store.open(tmp_path / "scores.db") as store:
        session = store.start_session(bank=key, title="B", planned=14, mode="study", now=reviewed)
        for n, stability in enumerate(stabilities):
            card = CardState(None, key, f"q{n}", n, 2, None, stability, 5.0, NOW, reviewed)
            store.record_review(
                session,
                card=card,
                rating=3,
                question=f"Q{n}?",
                choices=CHOICES,
                picked=0,
                correct=True,
                ms=1000,
                now=reviewed,
            )
        stats = compute(store, profile="default", now=NOW, tz=TZ)
    # Stabilities below 10 (days since the review): 0.2, 0.5, 0.8, 1, 2, 3, 5 and 8.
    due = ["q7", "q1", "q12", "q5", "q10", "q3", "q9", "q6"]
    assert [w.question_id for w in stats.weakest] == due
    recalls = [w.recall for w in stats.weakest]
    assert recalls == sorted(recalls)
    assert all(r is not None and 0 < r < 1 for r in recalls)


def test_without_banks_weakest_keeps_removed_questions_with_their_stored_text(
    seeded: Seeded,
) -> None:
    stats = amal(seeded, banks=None)
    # a4 and b2 tie at (0 + 1) / 4: by bank; b3 is last, at 72.7%.
    assert [w.question_id for w in stats.weakest] == ["a4", "b2", "a2", "a1", "b1", "b3"]
    assert stats.weakest[0].text == "Stored text of a4"


def test_one_wrong_answer_is_weak_but_not_the_weakest_possible(seeded: Seeded) -> None:
    stats = compute(seeded.store, profile="omar", banks=seeded.banks, now=NOW, tz=TZ)
    # a1 and a2 missed once: (0 + 1) / 3; b1 missed once, its card reviewed today (recall 1):
    # (0 + 2) / 3.
    assert [(w.question_id, round(w.chance, 4)) for w in stats.weakest] == [
        ("a1", 0.3333),
        ("a2", 0.3333),
        ("b1", 0.6667),
    ]
    # S7 1+1+1 min; S8 starts after S7 ended: 0 to its answer, 1 min to its end.
    assert (stats.sessions, stats.answers, stats.correct, stats.time_ms) == (2, 3, 0, 240_000)
    assert (stats.current_streak, stats.longest_streak) == (1, 1)


# -- per bank ---------------------------------------------------------------------------------


def test_one_bank(seeded: Seeded) -> None:
    geo = amal(seeded, bank=seeded.geo)
    assert (geo.sessions, geo.answers, geo.correct, geo.time_ms) == (3, 9, 4, 1_200_000)
    assert [d.day for d in geo.days] == [day(1), day(2), day(7)]
    assert (geo.longest_streak, geo.current_streak) == (2, 0)
    assert [(t.tag, t.answers, t.correct) for t in geo.tags] == [
        (UNTAGGED, 3, 1),
        ("capitals", 6, 3),
        ("europe", 3, 2),
    ]
    assert [w.question_id for w in geo.weakest] == ["a2", "a1"]
    assert [p.session_id for p in geo.scores] == [seeded.sessions[n] for n in ("S1", "S2", "S5")]

    math = amal(seeded, bank=seeded.math)
    assert (math.sessions, math.answers, math.correct, math.time_ms) == (3, 6, 3, 1_380_000)
    assert [d.day for d in math.days] == [day(3), day(4), day(6), day(8)]
    assert (math.longest_streak, math.current_streak) == (2, 1)
    assert [w.question_id for w in math.weakest] == ["b2", "b1", "b3"]
    # S4 is a study session: no score, no point on the chart.
    assert [p.session_id for p in math.scores] == [seeded.sessions["S3"]]


def test_an_unknown_bank_or_profile_has_nothing(seeded: Seeded) -> None:
    for stats in (
        amal(seeded, bank=bank_key("/nowhere.yaml")),
        compute(seeded.store, profile="nobody", now=NOW, tz=TZ),
    ):
        assert (stats.sessions, stats.answers, stats.percent, stats.time_per_day_ms) == (
            0,
            0,
            None,
            None,
        )
        assert stats.days == stats.scores == stats.weakest == ()
        assert (stats.current_streak, stats.longest_streak) == (0, 0)


def test_titles_come_from_the_banks_else_from_the_sessions(seeded: Seeded) -> None:
    assert amal(seeded).title_of(seeded.geo) == "Geography"
    without = amal(seeded, banks={})
    assert without.title_of(seeded.geo) == "Geography"  # as saved with the sessions
    assert without.tags[0].tag == UNTAGGED  # every question's bank is unknown


def test_banks_from_a_loader_with_the_bank_files_tags(seeded: Seeded, write) -> None:
    path = write(
        "geo.yaml",
        "title: Geo from file\n"
        "tags: [world]\n"
        "questions:\n"
        "  - id: a1\n"
        "    question: Capital of Spain?\n"
        "    choices: [Madrid, Seville]\n"
        "    answer: Madrid\n"
        "    tags: [europe]\n",
    )
    assert bank_key(path) == seeded.geo
    asked: list[str] = []

    def load(key: str) -> Bank | None:
        asked.append(key)
        return load_bank(Path(key)).bank if Path(key).is_file() else None

    stats = amal(seeded, banks=load, bank=seeded.geo)
    assert asked == [seeded.geo]  # once
    assert [(t.tag, t.questions, t.answers, t.correct) for t in stats.tags] == [
        (UNTAGGED, 3, 6, 2),  # a2, a3, a4 are not in this file
        ("europe", 1, 3, 2),
        ("world", 1, 3, 2),
    ]
    assert stats.title_of(seeded.geo) == "Geo from file"
    assert [w.question_id for w in stats.weakest] == ["a1"]


def test_a_database_that_cannot_be_read_is_a_store_error(tmp_path: Path) -> None:
    with Store.open(tmp_path / "scores.db") as store:
        (tmp_path / "scores.db").unlink()  # the open store goes on; a new reader cannot
        with pytest.raises(StoreError, match="cannot read the statistics") as caught:
            compute(store, profile="amal", now=NOW)
    assert "\n" not in str(caught.value)


def test_now_must_be_aware(seeded: Seeded) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        compute(seeded.store, profile="amal", now=datetime(2025, 3, 9))


# -- days in a zone with daylight saving, checked answer by answer ----------------------------


def test_days_match_a_count_answer_by_answer(tmp_path: Path) -> None:
    """Random sessions (across midnight, unfinished, clock put back) in a zone changing time."""
    zone = ZoneInfo("America/New_York")
    rng = random.Random(7)
    key = bank_key(tmp_path / "bank.yaml")
    expected: dict[date, list[int]] = {}
    with Store.open(tmp_path / "scores.db") as store:
        # Around the change to summer time on 9 March 2025 (02:00 local).
        start = datetime(2025, 3, 6, tzinfo=UTC)
        for _ in range(60):
            began = start + timedelta(minutes=rng.randrange(0, 8 * 24 * 60, 7))
            session = store.start_session(bank=key, title="B", planned=5, now=began)
            moment = began
            for n in range(rng.randrange(1, 6)):
                moment += timedelta(minutes=rng.choice([1, 20, 90]))
                # Now and then the clock was put back, by up to a day.
                back = timedelta(hours=rng.choice([1, 10, 23])) if rng.random() < 0.1 else None
                when = moment if back is None else moment - back
                right = rng.random() < 0.6
                ms = rng.randrange(1000, 9000)
                store.record_answer(
                    session,
                    question_id=f"q{n}",
                    question="Q?",
                    choices=CHOICES,
                    picked=0,
                    correct=right,
                    ms=ms,
                    now=when,
                )
                entry = expected.setdefault(when.astimezone(zone).date(), [0, 0, 0])
                entry[0] += 1
                entry[1] += right
                entry[2] += ms
            if rng.random() < 0.8:
                store.finish_session(session, now=moment + timedelta(seconds=30))
        stats = compute(store, profile="default", now=start + timedelta(days=9), tz=zone)
    # The answers and the right ones (a day's time is the sessions', tested on its own).
    assert [d[:3] for d in days_of(stats)] == [(d, *expected[d][:2]) for d in sorted(expected)]


# -- JSON and printing ------------------------------------------------------------------------


def test_json_shape(seeded: Seeded) -> None:
    data = json.loads(json.dumps(amal(seeded).as_json()))
    assert set(data) == {
        "profile",
        "bank",
        "now",
        "totals",
        "streak",
        "scores",
        "days",
        "tags",
        "weakest",
    }
    assert (data["profile"], data["bank"], data["now"]) == (
        "amal",
        None,
        "2025-03-09T15:00:00+03:00",
    )
    assert data["totals"] == {
        "sessions": 6,
        "answers": 15,
        "correct": 7,
        "percent": 46.7,
        "days": 7,
        "time_ms": 2_580_000,
        "time_per_day_ms": 368_571,
    }
    assert data["streak"] == {"current": 3, "longest": 4}
    assert data["scores"][0] == {
        "session": seeded.sessions["S1"],
        "bank": seeded.geo,
        "title": "Geography",
        "mode": "practice",
        "kind": "practice",
        "finished": "2025-03-01T12:05:00+03:00",
        "answers": 3,
        "correct": 2,
        "planned": 3,
        "percent": 66.7,
    }
    # S3 answered 2 of the 3 it planned, 1 right: its score is 1/3, as `quiz scores` says.
    assert (data["scores"][2]["answers"], data["scores"][2]["percent"]) == (2, 33.3)
    assert data["days"][3] == {
        "date": "2025-03-04",
        "answers": 1,
        "correct": 0,
        "percent": 0.0,
        "time_ms": 660_000,
    }
    assert data["tags"][0] == {
        "tag": "fractions",
        "questions": 1,
        "answers": 2,
        "correct": 0,
        "percent": 0.0,
    }
    assert data["weakest"][4] == {
        "bank": seeded.math,
        "title": "Arithmetic",
        "question_id": "b3",
        "question": "3 x 3?",
        "answers": 1,
        "correct": 1,
        "percent": 100.0,
        "recall": 0.591,
        "chance": 0.727,
    }
    assert data["weakest"][0]["recall"] is None
    assert json.loads(json.dumps(amal(seeded, bank=seeded.geo).as_json()))["bank"] == seeded.geo


def printed(stats: Stats, width: int = 120) -> str:
    stream = io.StringIO()
    print_stats(stats, stream, width=width)
    return stream.getvalue()


def test_printed_tables_show_the_numbers_and_text_literally(seeded: Seeded) -> None:
    out = printed(amal(seeded))
    assert "Statistics of amal: all banks" in out
    for text in (
        "7 (47%)",  # right: 7 of 15 is 46.67%
        "4 days",  # longest streak
        "3 days",  # current streak
        "43m 00s",  # time spent
        "6m 09s",  # per day practised
        "2025-03-04",
        "fractions",
        UNTAGGED,
        "Capital of [bold]France[/bold]? Close tag [/",
        "59%",  # b3's recall, 0.5906
        "Geography",
        "Right per day: ",
    ):
        assert text in out, text
    assert "\x1b[" not in out  # not a terminal: no colours


def test_printing_one_bank_and_no_answers(seeded: Seeded) -> None:
    out = printed(amal(seeded, bank=seeded.math))
    assert "Statistics of amal: Arithmetic" in out
    assert "3 (50%)" in out
    empty = printed(compute(seeded.store, profile="[red]nobody", now=NOW, tz=TZ))
    assert "Statistics of [red]nobody: all banks" in empty
    assert "No answers yet." in empty


def test_narrow_output_keeps_every_row(seeded: Seeded) -> None:
    out = printed(amal(seeded), width=60)
    assert max(len(line) for line in out.splitlines()) <= 60
    assert "fractions" in out and "europe" in out
