"""Study mode: FSRS cards, due and new counts over simulated days, and what is saved."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import NamedTuple

import fsrs
import fsrs.card
import pytest
from backends import raw
from fsrs import Rating, Scheduler, State
from helpers import FakeClock

from quiz.bank.loader import load_bank
from quiz.bank.model import Bank, Question
from quiz.play.run import AlreadyAnswered
from quiz.play.study import DueCounts, Study, StudyCounts, due_counts
from quiz.store import Store, bank_key


class Review(NamedTuple):
    """One line of a card's review log, as the table holds it."""

    card_id: int
    rating: int
    reviewed: datetime
    ms: int


def review_log(store: Store, card_id: int) -> list[Review]:
    """A card's reviews, oldest first, read from the table (the store reads it only in SQL)."""
    rows = raw(
        store,
        "SELECT card_id, rating, reviewed, ms FROM review_log WHERE card_id = ?"
        " ORDER BY reviewed, id",
        [card_id],
    )
    # SQLite keeps the time as text, PostgreSQL as a timestamptz.
    return [
        Review(cid, rating, at if isinstance(at, datetime) else datetime.fromisoformat(at), ms)
        for cid, rating, at, ms in rows
    ]


def retired_cards(store: Store, bank: str) -> set[str]:
    """The question ids of a bank's retired cards (their question left the bank)."""
    places = store.card_places(profile="default", bank=bank)
    return {question_id for question_id, (_, retired) in places.items() if retired}


DAY1 = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)


def bank_text(title: str, ids: Sequence[str], texts: dict[str, str] | None = None) -> str:
    texts = texts or {}
    lines = [f"title: {title}", "questions:"]
    for qid in ids:
        text = texts.get(qid, f"What is {qid}?")
        lines += [
            f"  - id: {qid}",
            f"    question: {text}",
            f"    choices: [right {qid}, wrong {qid}, other {qid}]",
            f"    answer: right {qid}",
        ]
    return "\n".join(lines) + "\n"


def write_bank(
    path: Path, ids: Sequence[str], title: str = "Cards", texts: dict[str, str] | None = None
) -> Bank:
    """Write a bank file (new modification time each time) and load it."""
    path.write_text(bank_text(title, ids, texts), encoding="utf-8")
    # Each edit gets its own modification time, even within the file system's resolution.
    stamp = path.stat().st_mtime_ns + 1_000_000_000 * (len(ids) + len(str(texts)))
    os.utime(path, ns=(stamp, stamp))
    bank = load_bank(path).bank
    assert bank is not None
    return bank


def ids(n: int) -> list[str]:
    return [f"c{i:02d}" for i in range(n)]


def start(banks: Bank | list[Bank], store: Store, time: FakeClock, **options) -> Study:
    options.setdefault("scheduler", Scheduler(enable_fuzzing=False))
    return Study(banks, store, now=time.now, clock=time.clock, **options)


def right(study: Study) -> int:
    return min(study.current.right)


def wrong(study: Study) -> int:
    return next(i for i in range(3) if i not in study.current.right)


def study_all(study: Study, time: FakeClock, *, wrong_ids: set[str] = frozenset()) -> list[str]:
    """Answer every card served (wrong for wrong_ids the first time), 5 s each; the ids asked."""
    asked = []
    missed = set(wrong_ids)
    while not study.finished:
        qid = study.current.question.id
        asked.append(qid)
        time.wait(5)
        if qid in missed:
            missed.discard(qid)
            study.answer(wrong(study))
        else:
            study.answer(right(study))
        study.advance()
    return asked


@pytest.fixture
def store(db_target: Path | str) -> Iterator[Store]:
    with Store.open(db_target) as store:
        yield store


def is_new(study: Study, store: Store) -> bool:
    """Whether the card shown is studied for the first time (it has no card saved yet)."""
    key = bank_key(study.current_bank.path)
    question_id = study.current.question.id
    return not store.cards_of(profile=study.profile, bank=key, question_ids=[question_id])


def counts(store: Store, bank: Bank, time: FakeClock, **options) -> DueCounts:
    key = bank_key(bank.path)
    return due_counts(store, {key: len(bank.questions)}, now=time.now(), **options)[key]


def learn(bank: Bank, store: Store, time: FakeClock, **options) -> list[str]:
    """Study the new cards of the day right twice: once, then an hour later (their second
    learning step, ten minutes after the first), after which they are learnt."""
    first = study_all(start(bank, store, time, **options), time)
    time.wait(3600)
    second = study_all(start(bank, store, time, **options), time)
    assert sorted(second) == sorted(first)
    return first


def test_a_study_week_due_counts_and_the_new_card_limit(tmp_path: Path, store: Store) -> None:
    bank = write_bank(tmp_path / "cards.yaml", ids(25))
    time = FakeClock(DAY1)
    assert counts(store, bank, time, new_per_day=10) == DueCounts(due=0, new=10, unseen=25)

    # Day 1: ten new cards, all right, each once: each goes to its next learning step, ten
    # minutes later, so the session ends and says when the first of them is due.
    study = start(bank, store, time, new_per_day=10)
    assert study.counts() == StudyCounts(due=0, new=9, learning=0)
    assert is_new(study, store)
    asked = study_all(study, time)
    assert asked == ids(10)
    assert study.next_due() == DAY1 + timedelta(seconds=5, minutes=10)
    assert counts(store, bank, time, new_per_day=10) == DueCounts(due=0, new=0, unseen=15)
    # An hour later the ten are due for that step; right again, they are learnt.
    time.wait(3600)
    assert counts(store, bank, time, new_per_day=10) == DueCounts(due=10, new=0, unseen=15)
    assert sorted(study_all(start(bank, store, time, new_per_day=10), time)) == ids(10)
    # Later the same day there is nothing left to study.
    time.wait(3600)
    again = start(bank, store, time, new_per_day=10)
    assert again.finished and again.total == 0

    # Day 2: nothing due yet (the first interval is longer than a day); ten more new cards.
    time.wait(days=1)
    assert counts(store, bank, time, new_per_day=10) == DueCounts(due=0, new=10, unseen=15)
    assert sorted(learn(bank, store, time, new_per_day=10)) == ids(25)[10:20]

    # Day 3: the first ten are due; they come first, then the last five new cards.
    time.wait(days=1)
    assert counts(store, bank, time, new_per_day=10) == DueCounts(due=10, new=5, unseen=5)
    study = start(bank, store, time, new_per_day=10)
    assert study.counts() == StudyCounts(due=9, new=5, learning=0)
    assert not is_new(study, store)
    asked = study_all(study, time)
    assert asked[:10] == ids(10)  # earliest due first: the order they were learnt in
    assert sorted(set(asked[10:])) == ids(25)[20:]

    # Day 60: every card is due; no new card is left in the bank.
    time.wait(days=56)
    assert counts(store, bank, time, new_per_day=10) == DueCounts(due=25, new=0, unseen=0)
    assert store.introduced(profile="default", since=DAY1, until=DAY1 + timedelta(days=60)) == len(
        bank.questions
    )


def test_the_new_card_day_is_the_local_day_of_now(tmp_path: Path, store: Store) -> None:
    bank = write_bank(tmp_path / "cards.yaml", ids(6))
    sydney = timezone(timedelta(hours=10))
    # 23:00 and 01:00 in Sydney: the same UTC day, two local days.
    late = FakeClock(datetime(2026, 5, 4, 23, 0, tzinfo=sydney))
    study_all(start(bank, store, late, new_per_day=2), late)
    assert counts(store, bank, late, new_per_day=2).new == 0
    early = FakeClock(datetime(2026, 5, 5, 1, 0, tzinfo=sydney))
    assert early.now().astimezone(UTC).date() == late.now().astimezone(UTC).date()
    # Two hours later: the two learnt at 23:00 are due for their next step, and two new ones.
    assert counts(store, bank, early, new_per_day=2) == DueCounts(due=2, new=2, unseen=4)
    asked = study_all(start(bank, store, early, new_per_day=2), early)
    assert asked == [*ids(2), *ids(4)[2:]]


def test_ratings_and_what_each_answer_saves(tmp_path: Path, store: Store) -> None:
    bank = write_bank(tmp_path / "cards.yaml", ids(3))
    time = FakeClock(DAY1)
    study = start(bank, store, time)

    time.wait(4)
    outcome = study.answer(wrong(study))
    assert not outcome.correct and outcome.ms == 4000
    schedule = study.current_schedule
    assert schedule is not None and schedule.rating is Rating.Again
    assert schedule.due == time.now() + timedelta(minutes=1)
    first = study.current.question.id
    # Saved at once: the answer, the card and its log line, before the session ends.
    (card,) = store.cards_of(profile="default", bank=bank_key(bank.path)).values()
    assert (card.question_id, card.state, card.due) == (first, State.Learning, schedule.due)
    assert review_log(store, card.card_id or -1)[0].rating == Rating.Again
    assert review_log(store, card.card_id or -1)[0].ms == 4000
    (summary,) = store.sessions()
    assert (summary.answered, summary.correct) == (1, 0)

    study.advance()
    time.wait(2)
    outcome = study.dont_know()
    assert outcome.picked == frozenset() and not outcome.correct
    assert study.current_schedule is not None
    assert study.current_schedule.rating is Rating.Again
    with pytest.raises(AlreadyAnswered):
        study.answer(right(study))
    rows = store.answers(summary.id)
    assert rows[-1]["picked"] == [] and rows[-1]["correct"] is False

    study.advance()
    study.answer(right(study))
    assert study.current_schedule is not None
    assert study.current_schedule.rating is Rating.Good
    # The card answered wrong a minute ago comes back first, being due.
    time.wait(61)
    study.advance()
    assert study.current.question.id == first
    modes = {row[0] for row in store._conn.execute("SELECT mode FROM sessions")}
    assert modes == {"study"}


def test_rating_by_time(tmp_path: Path, store: Store) -> None:
    bank = write_bank(tmp_path / "cards.yaml", ids(9))
    time = FakeClock(DAY1)
    study = start(bank, store, time, rate_by_time=True)
    ratings = []
    # Five answers in 10 s make the median; then 4 s is fast, 25 s is slow.
    for seconds in [10, 10, 10, 10, 10, 4, 25, 12, 3]:
        time.wait(seconds)
        study.answer(right(study))
        assert study.current_schedule is not None
        ratings.append(study.current_schedule.rating)
        study.advance()
    assert ratings[:5] == [Rating.Good] * 5
    assert ratings[5:] == [Rating.Easy, Rating.Hard, Rating.Good, Rating.Easy]
    # The next session starts from the times saved in the review log.
    time.wait(days=30)
    later = start(bank, store, time, rate_by_time=True)
    time.wait(1)
    later.answer(right(later))
    assert later.current_schedule is not None
    assert later.current_schedule.rating is Rating.Easy
    wrong_study = start(bank, store, time, rate_by_time=True)
    time.wait(1)
    wrong_study.answer(wrong(wrong_study))
    assert wrong_study.current_schedule is not None
    assert wrong_study.current_schedule.rating is Rating.Again


def test_cards_get_an_explicit_id_and_the_library_never_sleeps(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_sleep(seconds: float) -> None:
        raise AssertionError("fsrs.Card made without a card_id (it sleeps 1 ms)")

    monkeypatch.setattr(fsrs.card.time, "sleep", no_sleep)
    made: list[int | None] = []
    real_card = fsrs.Card

    def card(*args, **kwargs):
        made.append(kwargs.get("card_id", args[0] if args else None))
        return real_card(*args, **kwargs)

    monkeypatch.setattr("quiz.play.study.Card", card)
    monkeypatch.setattr("quiz.play.study_queue.Card", card)  # a saved card read back
    bank = write_bank(tmp_path / "cards.yaml", ids(4))
    time = FakeClock(DAY1)
    study_all(start(bank, store, time), time)
    assert made == [0, 0, 0, 0]  # new cards: 0 until their first review saves them
    saved = store.cards_of(profile="default", bank=bank_key(bank.path))
    card_ids = sorted(c.card_id or 0 for c in saved.values())
    assert card_ids == [1, 2, 3, 4]
    # Their second learning step an hour later, then a review 30 days later: saved cards.
    for wait in ({"seconds": 3600}, {"days": 30}):
        time.wait(**wait)
        made.clear()
        study_all(start(bank, store, time), time)
        assert sorted(made) == card_ids
    for card_id in card_ids:
        log = review_log(store, card_id)
        assert [entry.card_id for entry in log] == [card_id] * 3
        assert all(entry.reviewed.tzinfo is not None for entry in log)


def test_several_banks_due_first_then_new_cards_from_each_bank_in_turn(
    tmp_path: Path, store: Store
) -> None:
    geo = write_bank(tmp_path / "geo.yaml", ["g1", "g2", "g3"], title="Geo")
    maths = write_bank(tmp_path / "maths.yaml", ["m1", "m2"], title="Maths")
    time = FakeClock(DAY1)
    study_all(start(maths, store, time, new_per_day=1), time)
    time.wait(days=5)
    study = start([geo, maths], store, time, new_per_day=3)
    assert study.title == "Study: all banks"
    assert study.counts() == StudyCounts(due=0, new=3, learning=0)
    asked = study_all(study, time)
    # m1 is due; the day's three new cards are shared: Geo's first, Maths' next, Geo's second.
    assert asked == ["m1", "g1", "m2", "g2"]
    sessions = {s.title: s for s in store.sessions()[:2]}
    assert sessions["Maths"].answered == 2 and sessions["Maths"].planned == 2
    assert sessions["Geo"].answered == 2 and sessions["Geo"].planned == 2


def test_an_edited_question_keeps_its_card_and_a_deleted_one_retires(
    tmp_path: Path, store: Store
) -> None:
    path = tmp_path / "cards.yaml"
    bank = write_bank(path, ["a", "b", "c"])
    key = bank_key(path)
    time = FakeClock(DAY1)
    study_all(start(bank, store, time), time)
    before = store.cards_of(profile="default", bank=key)
    answers_before = store.sessions()[0].answered

    # a is reworded, b deleted, d added before c.
    time.wait(days=30)
    edited = write_bank(path, ["a", "d", "c"], texts={"a": "Reworded a?"})
    # b is not known to be gone yet: its card counts, and no question is unseen.
    assert counts(store, edited, time) == DueCounts(due=3, new=0, unseen=0)
    study = start(edited, store, time)
    assert study.counts().due == 1  # a and c, counted before the current one
    asked = study_all(study, time)
    assert asked[:3] == ["a", "c", "d"]
    after = store.cards_of(profile="default", bank=key)
    assert after["a"].card_id == before["a"].card_id
    assert len(review_log(store, after["a"].card_id or -1)) == 2
    assert after["c"].position == 2
    assert retired_cards(store, key) == {"b"}
    assert len(review_log(store, before["b"].card_id or -1)) == 1  # its history is kept
    assert store.sessions()[-1].answered == answers_before  # and so are its answers
    assert counts(store, edited, time) == DueCounts(due=0, new=0, unseen=0)

    # b comes back: its card is restored, not new.
    time.wait(days=60)
    back = write_bank(path, ["a", "b", "c", "d"])
    study = start(back, store, time)
    assert study.counts().new == 0
    assert "b" in study_all(study, time)
    assert retired_cards(store, key) == set()


class CountingQuestions(Sequence[Question]):
    """A bank's questions that count how many are read, as the cache reads them."""

    def __init__(self, questions: Sequence[Question]) -> None:
        self.questions = questions
        self.reads = 0

    def __len__(self) -> int:
        return len(self.questions)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        self.reads += 1
        return self.questions[index]


def test_starting_reads_only_the_questions_it_needs(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "big.yaml"
    loaded = write_bank(path, ids(90))
    time = FakeClock(DAY1)
    first = CountingQuestions(loaded.questions)
    study_all(start(Bank(path, loaded.title, questions=first), store, time, new_per_day=5), time)
    assert first.reads >= 90  # never studied: the whole file is read once

    for _ in range(3):
        time.wait(days=1)
        due = counts(store, loaded, time).due
        questions = CountingQuestions(loaded.questions)
        study = start(Bank(path, loaded.title, questions=questions), store, time, new_per_day=5)
        # Those due, the new ones, and those that were new at the last start: not the others.
        assert questions.reads <= due + 5 + 5
        assert sum(study.counts()) + 1 == due + 5
        study_all(study, time)


@pytest.mark.sqlite_only
def test_the_due_queries_read_an_index(store: Store) -> None:
    def plan(sql: str, *params: object) -> str:
        rows = store._conn.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
        return " ".join(row[-1] for row in rows)

    now = "2026-05-04T08:00:00.000000+00:00"
    one_bank = plan(
        "SELECT * FROM cards WHERE profile = ? AND bank = ? AND retired = 0 AND due <= ?"
        " ORDER BY due, card_id LIMIT 50",
        "default",
        "/b.yaml",
        now,
    )
    assert "USING INDEX cards_due (profile=? AND bank=? AND retired=? AND due<?)" in one_bank
    counted = plan(
        "SELECT COUNT(*) FROM cards WHERE profile = ? AND bank = ? AND retired = 0 AND due <= ?",
        "default",
        "/b.yaml",
        now,
    )
    assert "COVERING INDEX cards_due (profile=? AND bank=? AND retired=? AND due<?)" in counted
    introduced = plan(
        "SELECT COUNT(*) FROM cards WHERE profile = ? AND introduced >= ? AND introduced < ?",
        "default",
        now,
        now,
    )
    assert "COVERING INDEX cards_introduced" in introduced


@pytest.mark.sqlite_only
def test_the_due_cards_of_one_bank_or_all_are_read_from_the_index(
    tmp_path: Path, store: Store
) -> None:
    sent: list[str] = []
    store._conn.set_trace_callback(sent.append)
    banks = [bank_key(tmp_path / "a.yaml"), bank_key(tmp_path / "b.yaml")]
    store.due_cards(profile="default", banks=banks[:1], now=DAY1)
    store.due_cards(profile="default", banks=banks, now=DAY1)
    store.due_cards(profile="default", banks=banks[:1], now=DAY1, after=(DAY1, 7))
    store._conn.set_trace_callback(None)
    queries = [sql for sql in sent if "FROM cards" in sql]
    assert len(queries) == 4  # one bank, each of two, then a next page
    plans = [
        " ".join(row[-1] for row in store._conn.execute("EXPLAIN QUERY PLAN " + sql))
        for sql in queries
    ]
    first_page = "SEARCH cards USING INDEX cards_due (profile=? AND bank=? AND retired=? AND due<?)"
    assert plans[:3] == [first_page] * 3
    # A next page starts where the last one stopped, not at the start of the range.
    assert plans[3] == first_page.replace("due<?", "due>? AND due<?")


def test_several_banks_are_paged_in_due_order(tmp_path: Path, store: Store) -> None:
    geo = write_bank(tmp_path / "geo.yaml", ids(6), title="Geo")
    maths = write_bank(tmp_path / "maths.yaml", ids(6), title="Maths")
    time = FakeClock(DAY1)
    for bank in (geo, maths, geo, maths):  # a day each, three new cards a day
        study_all(start(bank, store, time, new_per_day=3), time)
        time.wait(days=1)
    time.wait(days=200)
    keys = [bank_key(geo.path), bank_key(maths.path)]
    everything = store.due_cards(profile="default", banks=keys, now=time.now(), limit=100)
    assert len(everything) == 12
    pages, after = [], None
    while page := store.due_cards(
        profile="default", banks=keys, now=time.now(), after=after, limit=5
    ):
        pages.extend(page)
        after = (page[-1].due, page[-1].card_id or 0)
    assert pages == everything
    assert [c.due for c in everything] == sorted(c.due for c in everything)
    in_order = [c.bank for c in everything]
    assert in_order != sorted(in_order)  # the banks' cards are interleaved by due time


def test_card_counts_follow_inserts_retirements_and_deletes(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "cards.yaml"
    bank = write_bank(path, ids(5))
    key = bank_key(path)
    time = FakeClock(DAY1)
    study_all(start(bank, store, time, new_per_day=4), time)
    assert store.count_cards(profile="default", bank=key) == 4
    time.wait(days=1)
    smaller = write_bank(path, ids(5)[2:])
    study_all(start(smaller, store, time), time)
    assert store.count_cards(profile="default", bank=key) == 3  # c00, c01 retired; c04 added
    assert store.count_cards(profile="alice", bank=key) == 0
    store._conn.execute("DELETE FROM cards WHERE question_id = 'c02'")
    store._conn.execute("DELETE FROM cards WHERE question_id = 'c00'")  # retired: not counted
    assert store.count_cards(profile="default", bank=key) == 2
    [(live,)] = raw(store, "SELECT COUNT(*) FROM cards WHERE bank = ? AND retired = FALSE", [key])
    assert live == 2


def test_profiles_have_their_own_cards(tmp_path: Path, store: Store) -> None:
    bank = write_bank(tmp_path / "cards.yaml", ids(3))
    time = FakeClock(DAY1)
    study_all(start(bank, store, time, profile="alice", new_per_day=4), time)
    alice = counts(store, bank, time, profile="alice", new_per_day=4)
    assert alice == DueCounts(due=0, new=0, unseen=0)
    more = write_bank(tmp_path / "more.yaml", ids(3))
    # One new card left of Alice's four today, in a bank of three she never studied.
    alice_more = counts(store, more, time, profile="alice", new_per_day=4)
    assert alice_more == DueCounts(due=0, new=1, unseen=3)
    assert counts(store, bank, time, new_per_day=4) == DueCounts(due=0, new=3, unseen=3)
    assert start(bank, store, time, profile="bob").counts().new == 2
    time.wait(days=3)
    assert counts(store, bank, time, profile="alice").due == 3
    assert counts(store, bank, time, profile="bob").due == 0


def test_nothing_to_study(tmp_path: Path, store: Store) -> None:
    with pytest.raises(ValueError, match="no bank"):
        Study([], store)
    bank = write_bank(tmp_path / "cards.yaml", ids(2))
    time = FakeClock(DAY1)
    assert start(bank, store, time, new_per_day=0).finished
    assert store.sessions() == []  # nothing answered, no session


def test_a_card_got_wrong_waits_for_its_step_and_the_session_says_when(
    tmp_path: Path, store: Store
) -> None:
    bank = write_bank(tmp_path / "cards.yaml", ids(1))
    time = FakeClock(DAY1)
    study = start(bank, store, time)
    time.wait(5)
    study.answer(wrong(study))
    # Nothing else to ask: the card is not asked again two seconds later; the session ends.
    time.wait(2)
    assert study.advance() is False and study.finished
    assert study.next_due() == DAY1 + timedelta(seconds=5, minutes=1)
    # A minute later it is due, and asked.
    time.wait(60)
    again = start(bank, store, time)
    assert not again.finished and again.current.question.id == "c00"
    assert again.counts() == StudyCounts(due=0, new=0, learning=0)


def test_results_count_cards_once_with_their_first_answer(tmp_path: Path, store: Store) -> None:
    bank = write_bank(tmp_path / "cards.yaml", ids(3))
    time = FakeClock(DAY1)
    study = start(bank, store, time)
    asked = []
    # c00 wrong at 5 s (due again at 1 min 5 s), c01 right at 10 s, c02 right at 70 s; then
    # c00 is due, asked again and got right; c01's next step is ten minutes away: the end.
    for wait, answer in ((5, wrong), (5, right), (60, right), (5, right)):
        asked.append(study.current.question.id)
        time.wait(wait)
        study.answer(answer(study))
        study.advance()
    assert asked == ["c00", "c01", "c02", "c00"]
    assert study.finished
    assert [r.shown.question.id for r in study.results()] == ["c00", "c01", "c02"]
    assert [r.correct for r in study.results()] == [False, True, True]
    assert (study.answered, study.correct, study.answers) == (3, 2, 4)
    assert [q.id for q in study.missed()] == ["c00"]
    assert study.next_due() == DAY1 + timedelta(seconds=10, minutes=10)
    # The score database keeps every answer, repeats included.
    (session,) = store.sessions()
    assert (session.answered, session.correct) == (4, 3)


@pytest.mark.sqlite_only
def test_a_damaged_due_time_is_left_out_of_when_the_next_card_is(
    tmp_path: Path, store: Store
) -> None:
    bank = write_bank(tmp_path / "cards.yaml", ids(2))
    time = FakeClock(DAY1)
    study = start(bank, store, time)
    # c00 wrong at 5 s (due at 1 min 5 s), c01 right at 10 s (due at 10 min 10 s).
    for wait, answer in ((5, wrong), (5, right)):
        time.wait(wait)
        study.answer(answer(study))
        study.advance()
    assert study.next_due() == DAY1 + timedelta(seconds=5, minutes=1)
    # A hand-edited database: c00's due time is not a time; the next one is c01's.
    store._conn.execute("UPDATE cards SET due = 'soon' WHERE question_id = 'c00'")
    assert study.next_due() == DAY1 + timedelta(seconds=10, minutes=10)
