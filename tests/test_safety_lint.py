"""What a student sees is what is compared: choices that only invisibly differ, invisible
characters in choices and ids, spaces that are the point of a question, UTF-32 named as such."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.lint import lint
from quiz.bank.loader import parse_bank
from quiz.cli import main
from quiz.interchange import read

# Characters that draw as nothing, picked by hand from Unicode's default-ignorable list.
INVISIBLE = [
    "\u200b",  # zero width space
    "\u200c",  # zero width non-joiner
    "\u200d",  # zero width joiner
    "\u2060",  # word joiner
    "\ufeff",  # zero width no-break space
    "\u00ad",  # soft hyphen
    "\ufe0f",  # variation selector 16
    "\ufe0e",  # variation selector 15
    "\u180e",  # Mongolian vowel separator
    "\u034f",  # combining grapheme joiner
    "\u2064",  # invisible plus
    "\U000e0001",  # language tag
    "\U000e0100",  # variation selector 17
]


def bank_text(choices: list[str], answer: str, question: str = "Which?", qid: str = "") -> str:
    quoted = ", ".join(f'"{c}"' for c in choices)
    ident = f'    id: "{qid}"\n' if qid else ""
    return (
        f'title: T\nquestions:\n  - question: "{question}"\n{ident}'
        f'    choices: [{quoted}]\n    answer: "{answer}"\n    explanation: E.\n'
    )


def load(text: str):
    return parse_bank(text.encode("utf-8"), Path("b.yaml"))


def warnings_of(text: str) -> list[tuple[str, str]]:
    result = load(text)
    assert result.bank is not None, [str(p) for p in result.problems]
    return [(p.rule, p.message) for p in lint(result.bank, "b.yaml")]


@pytest.mark.parametrize("char", INVISIBLE)
@pytest.mark.parametrize("where", ["end", "middle", "start"])
def test_choices_that_differ_only_invisibly_are_an_error(char: str, where: str) -> None:
    twin = {"end": f"Paris{char}", "middle": f"Pa{char}ris", "start": f"{char}Paris"}[where]
    result = load(bank_text(["Paris", twin, "Lyon"], "Paris"))
    assert result.bank is None
    (problem,) = result.errors
    assert problem.message.startswith("choice 'Paris' looks the same as choice 1 (line 4)")
    assert f"U+{ord(char):04X}" in problem.message
    # Also when the answer is the invisible twin: still two choices a student cannot tell apart.
    assert load(bank_text(["Paris", twin, "Lyon"], twin)).bank is None


@pytest.mark.parametrize(
    "blank", ["\u00ad\u200d\u2060", "\u200b", "\ufe0f", "\u3164", " \u200b ", "\u2060\u00ad"]
)
def test_a_choice_of_invisible_characters_only_is_an_error(blank: str) -> None:
    result = load(bank_text(["Paris", blank, "Lyon"], "Paris"))
    assert result.bank is None
    (problem,) = result.errors
    assert problem.message.startswith("a choice has no visible text, only U+")


@pytest.mark.parametrize("char", ["\u200b", "\u00ad", "\u2060", "\ufeff", "\ufe0f"])
def test_an_invisible_character_in_a_choice_or_an_id_is_a_warning(char: str) -> None:
    found = warnings_of(bank_text([f"Ber{char}lin", "Lyon"], f"Ber{char}lin", qid=f"q{char}1"))
    rules = [rule for rule, _ in found]
    assert rules == ["invisible-character", "invisible-character"]
    assert all(f"U+{ord(char):04X}" in message for _, message in found)
    assert "the id 'q" in found[0][1]
    assert "choice 'Berlin' holds an invisible character" in found[1][1]


@pytest.mark.parametrize(
    "choice",
    [
        "می\u200cخواهم",  # Persian: a non-joiner inside a word
        "क्\u200dष",  # Devanagari: a joiner inside a word
        "\U0001f469\u200d\U0001f4bb",  # an emoji sequence (woman technologist)
        "\u2764\ufe0f",  # a red heart, emoji style
        "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",  # Scotland
        "القاهرة\u200f",  # a right-to-left mark after Arabic
    ],
)
def test_joiners_and_selectors_doing_their_job_are_fine(choice: str) -> None:
    assert warnings_of(bank_text([choice, "Lyon"], choice)) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [("\ufb01le", "file"), ("Ｐａｒｉｓ", "Paris"), ("x²", "x2"), ("½", "1⁄2"), ("Ⅳ", "IV")],
)
def test_compatibility_look_alikes_are_a_warning(first: str, second: str) -> None:
    found = warnings_of(bank_text([first, second, "other"], first))
    (message,) = [message for rule, message in found if rule == "look-alike-choice"]
    assert "unless the difference is the point" in message


@pytest.mark.parametrize(
    ("question", "answer", "distractor"),
    [
        ("What does print(*range(3)) show?", "0 1 2", "012"),
        ("What does print(*range(3), sep='') show?", "012", "0 1 2"),
        ("Which is 12 written with a thousands space?", "12 000", "12000"),
        ("What does `echo a b` print?", "a b", "ab"),
        ("What is the output of `printf('%s%s', 'a', 'b')`?", "ab", "a b"),
        ("Which splits into two words when read by str.split()?", "x y", "xy"),
    ],
)
def test_spaces_that_are_the_point_are_no_near_duplicate(question, answer, distractor) -> None:
    assert warnings_of(bank_text([answer, distractor, "none"], answer, question)) == []


@pytest.mark.parametrize(
    ("answer", "distractor"), [("ice cream", "Icecream"), ("New York", "NewYork"), ("a b", "ab!")]
)
def test_spaces_still_count_in_plain_words(answer: str, distractor: str) -> None:
    found = warnings_of(bank_text([answer, distractor, "none"], answer, "Which word?"))
    assert [rule for rule, _ in found] == ["near-duplicate-choice"]


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_a_utf_32_file_is_named_utf_32(tmp_path, capsys, encoding: str) -> None:
    path = tmp_path / "wide.yaml"
    path.write_bytes(bank_text(["a", "b"], "a").encode(encoding))
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "UTF-32" in out and "UTF-16" not in out
    gift = tmp_path / "wide.gift"
    gift.write_bytes("Capital of France? {=Paris ~Lyon}\n".encode(encoding))
    if encoding == "utf-32":  # with a byte order mark: read
        assert read(gift).bank.questions[0].choices == ("Paris", "Lyon")


def test_an_import_merges_choices_that_differ_only_invisibly(tmp_path, capsys) -> None:
    gift = tmp_path / "q.gift"
    gift.write_text(
        "Capital of Peru? {=Lima ~Paris ~Paris\u200b}\n\nBlank? {=yes ~\u200b\u2060}\n\n"
        "Right and wrong? {=Paris ~Paris\ufe0f ~Lyon}\n",
        encoding="utf-8",
    )
    out = tmp_path / "q.yaml"
    assert main(["import", str(gift), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "q.gift:1:1: warning: choice 'Paris' is written twice; it was kept once" in err
    assert "q.gift:3:1: error: question skipped: choice 2 is empty" in err
    assert "q.gift:5:1: error: question skipped: choice 'Paris" in err
    assert "is written twice, as right and as wrong" in err
    assert main(["check", str(out)]) == 0
