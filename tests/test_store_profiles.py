"""The store's profiles, on SQLite and PostgreSQL: how much one holds, renaming it (its totals,
cards and review list with it, never onto a name with saved work) and deleting it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from helpers import record, seed_session

from quiz.store import CardState, ProfileSize, ProfileTaken, Store

BANK = "/banks/geo.yaml"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def seeded(target) -> Store:
    """Ali: two practice sessions (q1 right, q2 wrong; then q2 right) and a study session with
    one card (q1, right). Sara: one session, q1 wrong."""
    store = Store.open(target, profile="ali")
    seed_session(store, bank=BANK, results={"q1": True, "q2": False}, start=START)
    seed_session(store, bank=BANK, results={"q2": True}, start=START.replace(hour=10))
    study = store.start_session(bank=BANK, title="Geo", planned=1, mode="study", now=START)
    card = CardState(None, BANK, "q1", 0, 2, None, 1.0, 5.0, START, START)
    store.record_review(
        study,
        card=card,
        rating=3,
        question="Q?",
        choices=["a", "b"],
        picked=0,
        correct=True,
        ms=700,
        now=START,
    )
    store.finish_session(study, now=START)
    sara = store.start_session(bank=BANK, title="Geo", planned=1, profile="sara", now=START)

    record(store, sara, "q1", correct=False, ms=5, now=START)
    return store


def totals(store: Store, profile: str) -> dict[str, tuple[int, int]]:
    """Each question's final answers and right ones, as the statistics read them."""
    rows = store.read_statistics(lambda reads: reads.question_totals(profile, None))
    return {row.question_id: (row.answers, row.correct) for row in rows}


def test_a_profile_size_counts_what_goes_with_it(db_target) -> None:
    with seeded(db_target) as store:
        assert store.profile_size("ali") == ProfileSize(sessions=3, answers=4, cards=1)
        assert store.profile_size("sara") == ProfileSize(sessions=1, answers=1, cards=0)
        assert store.profile_size("nobody") == ProfileSize(0, 0, 0)


def test_renaming_a_profile_takes_everything_with_it(db_target) -> None:
    with seeded(db_target) as store:
        store.rename_profile("ali", "amal")
        assert store.profiles(own=False) == ["amal", "sara"]
        assert store.profile == "amal"  # the store's own profile followed the rename
        # q1: right twice (practice, study); q2: wrong then right.
        assert totals(store, "amal") == {"q1": (2, 2), "q2": (2, 1)}
        assert totals(store, "ali") == {}
        assert store.count_cards(profile="amal", bank=BANK) == 1
        assert store.count_cards(profile="ali", bank=BANK) == 0
        assert len(store.sessions(profile="amal")) == 3
        # Sara's are untouched.
        assert totals(store, "sara") == {"q1": (1, 0)}
        assert store.last_wrong(profile="sara") == [(BANK, "q1")]


def test_a_profile_is_never_renamed_onto_saved_work(db_target) -> None:
    with seeded(db_target) as store:
        with pytest.raises(ProfileTaken):
            store.rename_profile("ali", "sara")
        assert store.profile_size("ali") == ProfileSize(3, 4, 1)
        assert store.profile_size("sara") == ProfileSize(1, 1, 0)


def test_deleting_a_profile_deletes_its_work_only(db_target) -> None:
    with seeded(db_target) as store:
        store.delete_profile("ali")
        assert store.profiles(own=False) == ["sara"]
        assert store.profile_size("ali") == ProfileSize(0, 0, 0)
        assert totals(store, "ali") == {}
        assert store.count_cards(profile="ali", bank=BANK) == 0
        assert store.cards_of(profile="ali", bank=BANK) == {}
        assert totals(store, "sara") == {"q1": (1, 0)}
        assert store.profile_size("sara") == ProfileSize(1, 1, 0)
        # The name can be used again, from nothing.
        seed_session(store, bank=BANK, results={"q2": True}, start=START)
        assert totals(store, "ali") == {"q2": (1, 1)}
