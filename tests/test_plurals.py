"""One of anything is said in the singular by every command: "imported 1 question", "wrote 1
answer", "1 student", "1 session", "1 wrong one was left out"; two and none in the plural."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import seed_session

from quiz.cli import main
from quiz.store import Store

# "1" then a word in the plural ("1 questions"), not part of a bigger number ("21 questions",
# "1.5 seconds") nor of a range or a fraction ("1-4", "1/3").
ONE_AND_A_PLURAL = re.compile(r"(?<![\d.,/-])1 (?:[a-z]+ )?(?:[a-z]+s)\b(?! of)")
# What a plural after "1" may rightly be: "1 of 3 questions" is caught by (?! of) above; these
# are words, not counted nouns, that happen to end in s.
NOT_COUNTED = {"is", "was", "has", "does", "says", "its", "this", "plus"}

ONE_QUESTION = """\
title: One
questions:
  - question: How many legs has a spider?
    choices: ['8', '6', '4', '10', '12']
    answer: '8'
    explanation: Spiders are arachnids.
"""


def plurals_after_one(text: str) -> list[str]:
    return [
        match[0]
        for match in ONE_AND_A_PLURAL.finditer(text)
        if match[0].split()[-1] not in NOT_COUNTED
    ]


def test_the_pattern_finds_what_it_is_for() -> None:
    # The test's own check, on sentences worked out by hand.
    assert plurals_after_one("imported 1 questions to a.yaml") == ["1 questions"]
    assert plurals_after_one("1 wrong ones were left out") == ["1 wrong ones"]
    assert plurals_after_one("imported 1 question, 21 answers, 1.5 seconds, 1-4 keys") == []
    assert plurals_after_one("2 of 3 right choices, 1 wrong") == []


def test_one_of_anything_is_singular_in_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "scores.db"
    bank = tmp_path / "one.yaml"
    bank.write_text(ONE_QUESTION, encoding="utf-8")
    with Store.open(db) as store:
        seed_session(store, bank=str(bank), title="One", results={"spider": False})
    gift = tmp_path / "one.gift"
    gift.write_text("How many legs has a spider? {=8 ~6}\n", encoding="utf-8")
    base = ["--db", str(db), "--bank", str(tmp_path)]
    runs = [
        (["check", str(bank)], "1 file, 1 question, 0 errors, 0 warnings"),
        (["list"], "1 bank"),
        (["import", str(gift), "-o", str(tmp_path / "imported.yaml")], "imported 1 question"),
        (["results", "export", "-o", str(tmp_path / "ali.csv")], "wrote 1 answer "),
        (["report", str(tmp_path / "ali.csv"), "--min-answers", "1"], "1 student, 1 answer,"),
        (
            ["report", str(tmp_path / "ali.csv"), "--html", str(tmp_path / "r.html")],
            "1 student, 1 answer,",
        ),
        (["db", "check"], "1 session, 1 answer, 0 cards, 0 reviews"),
        # Five choices: Kahoot keeps four, so one wrong choice is left out.
        (
            ["export", str(bank), "--to", "kahoot", "-o", str(tmp_path / "one.xlsx")],
            "1 wrong one was left out ('12')",
        ),
        (["export", str(bank), "--to", "aiken"], "Aiken cannot hold the explanation"),
    ]
    for args, says in runs:
        code = main([*base, *args])
        captured = capsys.readouterr()
        text = captured.out + captured.err
        assert code in (0, 1), (args, text)
        assert says in text, (args, text)
        assert plurals_after_one(text) == [], (args, text)
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "· 1 answer," in page
    assert plurals_after_one(re.sub(r"<[^>]+>", " ", page)) == []
