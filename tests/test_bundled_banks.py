"""The banks shipped with quiz: the OIC bank mirrored in Arabic and English, sourced, no shared
choice sets, stale facts dated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from quiz.bank.loader import load_bank
from quiz.bank.model import Bank

BUNDLED = Path(__file__).resolve().parent.parent / "questions"
BANKS = sorted(BUNDLED.rglob("*.yaml"))
EN, AR = BUNDLED / "oic.en.yaml", BUNDLED / "oic.ar.yaml"


def load(path: Path) -> Bank:
    result = load_bank(path)
    assert result.problems == [], [str(p) for p in result.problems]
    assert result.bank is not None
    return result.bank


def raw_questions(path: Path) -> list[dict]:
    """The questions as written, before the loader gives them the bank's source."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.name)
def test_no_two_questions_of_a_bank_share_their_choices(path: Path) -> None:
    seen: dict[frozenset[str], str] = {}
    for question in load(path).questions:
        key = frozenset(c.casefold() for c in question.choices)
        assert key not in seen, f"{question.id} has the choices of {seen[key]}"
        seen[key] = question.id


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.name)
def test_every_bundled_question_is_explained_and_sourced(path: Path) -> None:
    bank = load(path)
    assert all(q.explanation for q in bank.questions)
    assert all(q.source for q in bank.questions)
    assert all(not q.id.startswith("q-") for q in bank.questions)  # ids keep the history


@pytest.mark.parametrize("path", [EN, AR], ids=lambda p: p.name)
def test_every_oic_question_cites_its_own_source(path: Path) -> None:
    # Not only the bank's: each question names the article or page that settles it.
    missing = [q["id"] for q in raw_questions(path) if not str(q.get("source", "")).strip()]
    assert missing == []


def test_the_oic_bank_has_at_least_35_questions_in_each_language() -> None:
    assert len(load(EN).questions) >= 35
    assert len(load(AR).questions) >= 35


def test_the_arabic_and_english_oic_banks_mirror_each_other() -> None:
    en, ar = load(EN), load(AR)
    assert (en.language, ar.language) == ("en", "ar")
    assert en.shuffle == ar.shuffle
    assert [q.id for q in ar.questions] == [q.id for q in en.questions]
    for english, arabic in zip(en.questions, ar.questions, strict=True):
        where = english.id
        assert len(arabic.choices) == len(english.choices), where
        # The right answer at the same place in the list of choices.
        assert [arabic.choices.index(a) for a in arabic.answers] == [
            english.choices.index(a) for a in english.answers
        ], where
        assert arabic.shuffle == english.shuffle, where
        assert arabic.tags == english.tags, where
        assert bool(arabic.feedback) == bool(english.feedback), where


def test_stale_facts_are_dated_alike_in_both_languages() -> None:
    for english, arabic in zip(load(EN).questions, load(AR).questions, strict=True):
        years = re.findall(r"\b[Aa]s of (\d{4})", english.text)
        assert re.findall(r"حتى عام (\d{4})", arabic.text) == years, english.id


def test_a_question_that_says_as_of_gives_the_year_in_its_explanation_too() -> None:
    for question in load(EN).questions:
        for year in re.findall(r"\b[Aa]s of (\d{4})", question.text):
            assert year in question.explanation, question.id
