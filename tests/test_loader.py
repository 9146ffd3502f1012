"""The strict bank loader: one test per rule of the format, each pinned to its line and column.

Every test runs with libyaml's loader and with the pure-Python one, and `read` also checks that
the two give exactly the same problems and the same bank for the same bytes.
"""

from __future__ import annotations

import os
import random
import re
from pathlib import Path
from textwrap import dedent

import pytest
import yaml

from quiz.bank.check import check
from quiz.bank.loader import (
    FAST_LOADER,
    PURE_LOADER,
    LoadResult,
    load_bank,
    parse_bank,
    question_id,
)
from quiz.bank.model import Problem, Severity

BANKS = Path(__file__).parent / "banks"
GOOD_SAMPLES = sorted(BANKS.glob("*.yaml"))

LOADERS = pytest.mark.parametrize("loader", [FAST_LOADER, PURE_LOADER], ids=["libyaml", "pure"])

#: A valid bank of one question; tests change one thing in it.
ONE = dedent("""\
    title: T
    questions:
      - question: Q
        choices: [a, b]
        answer: a
""")


def read(data: str | bytes, loader: type) -> LoadResult:
    """Parse bytes as the file bank.yaml, asserting that the other loader agrees exactly."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    result = parse_bank(raw, Path("bank.yaml"), loader=loader)
    other = parse_bank(
        raw, Path("bank.yaml"), loader=PURE_LOADER if loader is FAST_LOADER else FAST_LOADER
    )
    assert (other.problems, other.bank, other.title) == (
        result.problems,
        result.bank,
        result.title,
    )
    return result


def only(result: LoadResult, severity: Severity = Severity.ERROR) -> Problem:
    """The one problem of a severity (asserting there is exactly one)."""
    found = [p for p in result.problems if p.severity is severity]
    assert len(found) == 1, [str(p) for p in result.problems]
    return found[0]


def at(problem: Problem) -> tuple[int, int]:
    return problem.line, problem.column


def test_libyaml_is_there() -> None:
    """Without libyaml both parametrisations would test the same loader."""
    assert issubclass(FAST_LOADER, yaml.CBaseLoader)
    assert issubclass(PURE_LOADER, yaml.BaseLoader)
    assert not issubclass(PURE_LOADER, yaml.CBaseLoader)


# -- good files ------------------------------------------------------------------------------------


@LOADERS
@pytest.mark.parametrize("sample", GOOD_SAMPLES, ids=lambda p: p.name)
def test_sample_banks_load_without_problems(sample: Path, loader: type) -> None:
    result = read(sample.read_bytes(), loader)
    assert result.problems == []
    assert result.bank is not None and len(result.bank.questions) >= 2


@LOADERS
def test_a_bank_keeps_every_field(loader: type) -> None:
    bank = read((BANKS / "capitals.yaml").read_bytes(), loader).bank
    assert bank is not None
    assert (bank.title, bank.language, bank.description, bank.tags, bank.shuffle) == (
        "World capitals",
        "en",
        "Capital cities of a few countries.",
        ("geography",),
        True,
    )
    france, japan, norway = bank.questions
    assert france.id == "capital-france"
    assert france.line == 7
    assert france.choices == ("Paris", "Lyon", "Marseille")
    assert france.answers == ("Paris",)
    assert france.explanation == "Paris has been the capital since the 10th century."
    assert france.tags == ("geography", "europe")  # the bank's tags come first
    assert japan.line == 17
    assert japan.tags == ("geography",)
    assert norway.explanation == "Oslo became the capital in 1814."  # folded, trailing newline gone


@LOADERS
def test_load_bank_reads_a_file_and_names_it(loader: type, write) -> None:
    path = write("bank.yaml", ONE.replace("title: T", "titel: T"))
    result = load_bank(path, name="shown/name.yaml", loader=loader)
    assert str(result.problems[0]).startswith("shown/name.yaml:1:1: error: ")


def test_load_bank_reports_a_file_it_cannot_read(tmp_path: Path) -> None:
    result = load_bank(tmp_path / "missing.yaml")
    assert result.bank is None
    assert at(only(result)) == (1, 1)
    assert "cannot read the file" in only(result).message


# -- every scalar is text --------------------------------------------------------------------------


@LOADERS
def test_scalars_stay_the_text_written(loader: type) -> None:
    text = dedent("""\
        title: 2024-01-01
        questions:
          - question: 1e3
            choices: [yes, no, 1.10, 1.1, 2024-01-01, ~, null, true, 0x10, 1e3]
            answer: no
    """)
    bank = read(text, loader).bank
    assert bank is not None
    assert bank.title == "2024-01-01"
    (question,) = bank.questions
    assert question.text == "1e3"
    assert question.choices == (
        "yes",
        "no",
        "1.10",
        "1.1",
        "2024-01-01",
        "~",
        "null",
        "true",
        "0x10",
        "1e3",
    )
    assert question.answers == ("no",)
    assert all(type(c) is str for c in question.choices)


@LOADERS
def test_1_10_is_a_different_choice_from_1_1(loader: type) -> None:
    text = ONE.replace("[a, b]", "[1.1, 1.10, 1.100]").replace("answer: a", "answer: 1.10")
    (question,) = read(text, loader).bank.questions
    assert question.choices == ("1.1", "1.10", "1.100")
    assert question.answers == ("1.10",)


@LOADERS
def test_an_empty_value_is_not_null(loader: type) -> None:
    text = ONE.replace("answer: a", "answer:")
    problem = only(read(text, loader))
    assert at(problem) == (5, 5)
    assert problem.message == "'answer' is empty; copy the right choice after it"


# -- keys ------------------------------------------------------------------------------------------


@LOADERS
def test_unknown_key_suggests_the_close_one(loader: type) -> None:
    text = ONE.replace("    answer: a", "    anwser: a")
    result = read(text, loader)
    assert result.bank is None
    unknown = [p for p in result.problems if "anwser" in p.message]
    assert [str(p) for p in unknown] == [
        "bank.yaml:5:5: error: unknown key 'anwser'; did you mean 'answer'?"
    ]


@LOADERS
def test_unknown_top_level_key_suggests_too(loader: type) -> None:
    text = "questions:\n  - question: Q\n    choices: [a, b]\n    answer: a\ntitel: T\n"
    result = read(text, loader)
    assert "bank.yaml:5:1: error: unknown key 'titel'; did you mean 'title'?" in map(
        str, result.problems
    )


@LOADERS
def test_unknown_key_with_no_close_match_lists_the_keys(loader: type) -> None:
    text = ONE + "    difficulty: hard\n"
    problem = only(read(text, loader))
    assert at(problem) == (6, 5)
    assert problem.message == (
        "unknown key 'difficulty' in a question; "
        "the keys are: question, choices, answer, explanation, source, id, tags, shuffle"
    )


@LOADERS
def test_unknown_key_in_a_flow_mapping_counts_characters(loader: type) -> None:
    """Columns count characters, not bytes, with Arabic text before the key."""
    line = "  - {question: ما هي عاصمة مصر؟, choices: [القاهرة, الإسكندرية], anwser: القاهرة}"
    text = f"title: عواصم\nquestions:\n{line}\n"
    result = read(text, loader)
    unknown = next(p for p in result.problems if "anwser" in p.message)
    column = line.index("anwser") + 1
    assert column < len(line[: column - 1].encode("utf-8"))  # bytes would give another column
    assert at(unknown) == (3, column)


@LOADERS
def test_duplicate_top_level_key_names_the_first_line(loader: type) -> None:
    text = "title: One\n" + ONE.replace("title: T", "title: Two")
    problem = only(read(text, loader))
    assert at(problem) == (2, 1)
    assert problem.message == "duplicate key 'title' (first at line 1); remove one of them"


@LOADERS
def test_duplicate_key_in_a_question_names_the_first_line(loader: type) -> None:
    text = ONE + "    answer: b\n"
    problem = only(read(text, loader))
    assert at(problem) == (6, 5)
    assert problem.message == "duplicate key 'answer' (first at line 5); remove one of them"


@LOADERS
def test_a_key_must_be_text(loader: type) -> None:
    text = ONE + "    [a]: b\n"
    problem = only(read(text, loader))
    assert at(problem) == (6, 5)
    assert "a key must be a plain word" in problem.message


# -- tags: nothing is ever constructed -------------------------------------------------------------


def _payload(target: Path) -> str:
    return f"!!python/object/apply:os.mkdir [{str(target)!r}]"


def test_the_payload_is_live_when_pyyaml_constructs_it(tmp_path: Path) -> None:
    """The control: the same tag does create the folder through an unsafe load."""
    target = tmp_path / "made"
    yaml.unsafe_load(f"key: {_payload(target)}")
    assert target.is_dir()


@LOADERS
@pytest.mark.parametrize(
    ("where", "line", "column"),
    [
        ("root", 1, 5),
        ("question", 3, 5),
        ("value", 5, 13),
        ("title", 1, 8),
    ],
)
def test_python_tags_are_errors_and_nothing_is_built(
    loader: type, tmp_path: Path, where: str, line: int, column: int
) -> None:
    target = tmp_path / "made"
    payload = _payload(target)
    text = {
        "root": f"--- {payload}\n",
        "question": f"title: T\nquestions:\n  - {payload}\n",
        "value": ONE.replace("answer: a", f"answer: {payload}"),
        "title": ONE.replace("title: T", f"title: {payload}"),
    }[where]
    problem = only(read(text, loader))
    assert at(problem) == (line, column)
    assert problem.message == (
        "YAML tag '!!python/object/apply:os.mkdir' is not allowed; "
        "remove it (values are plain text)"
    )
    assert not target.exists()


@LOADERS
def test_python_object_tag_on_a_mapping_is_an_error(loader: type) -> None:
    text = "!!python/object:os.system\n" + ONE
    problem = only(read(text, loader))
    assert at(problem) == (1, 1)
    assert "'!!python/object:os.system' is not allowed" in problem.message


@LOADERS
def test_number_and_local_tags_are_errors(loader: type) -> None:
    text = ONE.replace("[a, b]", "[a, !!int 1, !custom b]")
    result = read(text, loader)
    assert [(at(p), p.message.split(";")[0]) for p in result.problems] == [
        ((4, 18), "YAML tag '!!int' is not allowed"),
        ((4, 27), "YAML tag '!custom' is not allowed"),
    ]


# -- anchors and aliases ---------------------------------------------------------------------------


@LOADERS
def test_an_anchor_is_refused_with_its_line(loader: type) -> None:
    text = ONE.replace("question: Q", "question: &q Q")
    problem = only(read(text, loader))
    assert at(problem) == (3, 15)
    assert problem.message == (
        "YAML anchor '&q' is not allowed; write the text out in full where it is used"
    )


@LOADERS
def test_an_alias_is_refused_with_its_line(loader: type) -> None:
    """An alias to nothing is still reported as an alias, not as a syntax error."""
    text = ONE.replace("answer: a", "answer: *right")
    problem = only(read(text, loader))
    assert at(problem) == (5, 13)
    assert problem.message.startswith("YAML alias '*right' is not allowed")


@LOADERS
def test_an_alias_bomb_is_refused_without_expanding(loader: type) -> None:
    """A billion laughs: 9 levels of 10 aliases each. The suite stays fast only if it is refused."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 10) + "]")
    text = "\n".join(lines) + "\ntitle: T\nquestions: *i\n"
    result = read(text, loader)
    assert result.bank is None
    assert at(only(result)) == (1, 4)
    assert "anchor '&a' is not allowed" in only(result).message


@LOADERS
def test_ampersand_and_star_inside_text_are_text(loader: type) -> None:
    text = ONE.replace("question: Q", "question: Tom & Jerry * 2 *is* R&D")
    (question,) = read(text, loader).bank.questions
    assert question.text == "Tom & Jerry * 2 *is* R&D"


# -- encoding --------------------------------------------------------------------------------------


@LOADERS
def test_latin_1_bytes_name_their_line(loader: type) -> None:
    data = ONE.replace("question: Q", "question: caf\xe9 au lait").encode("latin-1")
    problem = only(read(data, loader))
    assert at(problem) == (3, 18)
    assert problem.message == (
        "the file is not UTF-8 (byte 0xE9 cannot be read); save it as UTF-8 in your editor"
    )


@LOADERS
@pytest.mark.parametrize(
    ("encoding", "named"),
    [
        ("utf-16", "UTF-16"),
        ("utf-16-le", "UTF-16"),
        ("utf-16-be", "UTF-16"),
        ("utf-32", "UTF-32"),
        ("utf-32-le", "UTF-32"),
        ("utf-32-be", "UTF-32"),
    ],
)
def test_utf_16_and_32_are_errors_named_as_they_are(loader: type, encoding: str, named: str):
    result = read(ONE.encode(encoding), loader)
    assert result.bank is None
    problem = only(result)
    assert at(problem) == (1, 1)
    assert named in problem.message
    assert ("UTF-32" if named == "UTF-16" else "UTF-16") not in problem.message
    assert "save it as UTF-8" in problem.message


@LOADERS
def test_a_utf_8_bom_is_fine_and_moves_no_column(loader: type) -> None:
    assert read(b"\xef\xbb\xbf" + ONE.encode(), loader).bank is not None
    problem = only(read(b"\xef\xbb\xbf" + ONE.replace("title: T", "title: [T]").encode(), loader))
    assert at(problem) == (1, 8)


@LOADERS
def test_characters_yaml_forbids_are_errors_with_their_place(loader: type) -> None:
    text = ONE.replace("question: Q", "question: Q\ufffe")
    problem = only(read(text, loader))
    assert at(problem) == (3, 16)
    assert problem.message == "character U+FFFE is not allowed in a YAML file; remove it"


# -- NFC and trimming ------------------------------------------------------------------------------


@LOADERS
def test_text_is_nfc_normalised(loader: type) -> None:
    text = dedent("""\
        title: Cafe\u0301
        questions:
          - question: "Caf\\u0065\\u0301 or the\u0301?"
            choices: [Cafe\u0301, Th\u00e9]
            answer: Caf\u00e9
    """)
    bank = read(text, loader).bank
    assert bank.title == "Caf\u00e9"
    (question,) = bank.questions
    assert question.text == "Caf\u00e9 or th\u00e9?"
    assert question.choices == ("Caf\u00e9", "Th\u00e9")
    assert question.answers == ("Caf\u00e9",)  # written composed, matches the decomposed choice


@LOADERS
def test_text_is_trimmed(loader: type) -> None:
    text = dedent("""\
        title: "  T  "
        questions:
          - question: |+

              Q

            choices: ["  a", "b\\t"]
            answer: " a "
    """)
    bank = read(text, loader).bank
    assert bank.title == "T"
    (question,) = bank.questions
    assert question.text == "Q"
    assert question.choices == ("a", "b")
    assert question.answers == ("a",)


@LOADERS
def test_same_text_after_normalising_is_the_same_choice(loader: type) -> None:
    text = ONE.replace("[a, b]", '[caf\u00e9, "cafe\u0301 "]').replace("answer: a", "answer: x")
    result = read(text, loader)
    duplicate = next(p for p in result.problems if "twice" in p.message)
    assert at(duplicate) == (4, 21)


# -- control and bidi characters -------------------------------------------------------------------


@LOADERS
def test_raw_control_characters_are_removed_with_warnings(loader: type) -> None:
    text = dedent("""\
        title: T
        questions:
          - question: Q\x1b[31m red\x07
            choices: [a\x7f, b\x9b2J]
            answer: a
    """)
    result = read(text, loader)
    warnings = [(at(p), p.message) for p in result.warnings]
    assert warnings == [
        ((3, 16), "control character U+001B (ESCAPE) in the file was removed; remove it"),
        ((3, 25), "control character U+0007 (BELL) in the file was removed; remove it"),
        ((4, 16), "control character U+007F (DELETE) in the file was removed; remove it"),
        ((4, 20), "control character U+009B (CSI) in the file was removed; remove it"),
    ]
    assert result.errors == []
    (question,) = result.bank.questions
    assert question.text == "Q[31m red"
    assert question.choices == ("a", "b2J")


@LOADERS
def test_control_escapes_in_double_quotes_are_removed_with_warnings(loader: type) -> None:
    text = dedent("""\
        title: T
        questions:
          - question: "Q\\e[31m red"
            choices: ["\\x1b]0;title\\x07a", b]
            answer: "]0;titlea"
    """)
    result = read(text, loader)
    assert result.errors == []
    assert [(at(p), p.message.split(" written")[0]) for p in result.warnings] == [
        ((3, 15), "control character U+001B (ESCAPE)"),
        ((4, 15), "control character U+0007 (BELL)"),
        ((4, 15), "control character U+001B (ESCAPE)"),
    ]
    (question,) = result.bank.questions
    assert question.text == "Q[31m red"
    assert question.choices == ("]0;titlea", "b")
    assert not any("\x1b" in c or "\x07" in c for c in question.choices)


@LOADERS
def test_an_escape_in_single_quotes_is_plain_text(loader: type) -> None:
    text = ONE.replace("question: Q", "question: 'Q\\e[31m'")
    result = read(text, loader)
    assert result.problems == []
    assert result.bank.questions[0].text == "Q\\e[31m"


@LOADERS
def test_bidi_overrides_are_removed_with_warnings(loader: type) -> None:
    line = "  - question: ما هي \u202eabc\u202c و \u2066x\u2069؟"
    text = f"title: T\nquestions:\n{line}\n    choices: [a, b]\n    answer: a\n"
    result = read(text, loader)
    assert [at(p) for p in result.warnings] == [
        (3, line.index("\u202e") + 1),
        (3, line.index("\u202c") + 1),
        (3, line.index("\u2066") + 1),
        (3, line.index("\u2069") + 1),
    ]
    assert result.warnings[0].message == (
        "bidi control U+202E (RIGHT-TO-LEFT OVERRIDE) in the file was removed; "
        "remove it; the app lays out right-to-left text itself"
    )
    assert result.bank.questions[0].text == "ما هي abc و x؟"


@LOADERS
def test_many_control_characters_are_summed_up(loader: type) -> None:
    text = ONE.replace("question: Q", "question: Q" + "\x07" * 25)
    result = read(text, loader)
    assert len(result.warnings) == 11
    assert str(result.warnings[0]) == "bank.yaml:1:1: warning: 15 more such characters removed"
    assert result.bank.questions[0].text == "Q"


@LOADERS
def test_tab_and_newline_are_kept_in_block_scalars(loader: type) -> None:
    text = ONE.replace("question: Q", "question: |\n      line one\n      \tline two")
    result = read(text, loader)
    assert result.problems == []
    assert result.bank.questions[0].text == "line one\n\tline two"


@LOADERS
def test_a_crlf_file_loads_like_the_lf_file(loader: type) -> None:
    lf = (BANKS / "capitals.yaml").read_text(encoding="utf-8")
    crlf = read(lf.replace("\n", "\r\n").encode(), loader)
    assert crlf.problems == []
    assert crlf.bank == read(lf, loader).bank
    assert "\r" not in crlf.bank.questions[1].text


@LOADERS
def test_a_crlf_file_gives_the_same_lines(loader: type) -> None:
    text = ONE.replace("answer: a", "anwser: a").replace("\n", "\r\n")
    unknown = next(p for p in read(text, loader).problems if "anwser" in p.message)
    assert at(unknown) == (5, 5)


@LOADERS
def test_messages_never_carry_control_characters(loader: type) -> None:
    """A key written with escapes is quoted in the message: it must not reach the terminal."""
    text = ONE + '    "\\e]52;c;aGk=\\a\\ud800": x\n'
    problem = only(read(text, loader))
    assert at(problem) == (6, 5)
    assert "]52;c;aGk=" in problem.message
    assert not any(ord(c) < 0x20 or 0xD800 <= ord(c) <= 0xDFFF for c in problem.message)
    str(problem).encode("utf-8")  # printable in strict UTF-8


@LOADERS
def test_half_a_surrogate_pair_is_an_error_not_a_crash(loader: type) -> None:
    text = ONE.replace("question: Q", 'question: "smile \\ud83d\\ude00"')
    problem = only(read(text, loader))
    assert at(problem) == (3, 15)
    assert problem.message.startswith("question has an escape for half a UTF-16 pair")


@LOADERS
def test_an_eight_digit_escape_is_a_character(loader: type) -> None:
    text = ONE.replace("question: Q", 'question: "smile \\U0001F600"')
    assert read(text, loader).bank.questions[0].text == "smile \U0001f600"


# -- ids -------------------------------------------------------------------------------------------


@LOADERS
def test_duplicate_explicit_ids_name_both_lines(loader: type) -> None:
    text = ONE + "    id: x\n" + ONE.split("questions:\n")[1].replace("Q", "R") + "    id: x\n"
    problem = only(read(text, loader))
    assert at(problem) == (7, 5)
    assert (
        problem.message == "id 'x' is used twice (first at line 3); give each question its own id"
    )


@LOADERS
def test_the_same_question_twice_without_ids_is_an_error(loader: type) -> None:
    text = ONE + ONE.split("questions:\n")[1]
    problem = only(read(text, loader))
    assert at(problem) == (6, 5)
    assert problem.message == (
        "the same question as line 3; change one of them or give each its own 'id'"
    )


@LOADERS
def test_the_same_question_with_different_ids_is_fine(loader: type) -> None:
    text = ONE + "    id: one\n" + ONE.split("questions:\n")[1] + "    id: two\n"
    bank = read(text, loader).bank
    assert [q.id for q in bank.questions] == ["one", "two"]


def test_the_default_id_is_derived_from_the_text() -> None:
    assert question_id("What is 2 + 2?") == question_id("What is 2 + 2?")
    assert question_id("What is 2 + 2?") != question_id("What is 2 + 3?")
    assert re.fullmatch(r"q-[0-9a-f]{12}", question_id("What is 2 + 2?"))


@LOADERS
def test_a_question_without_id_gets_a_stable_one(loader: type, tmp_path: Path) -> None:
    first = read(ONE, loader).bank.questions[0]
    again = read("# a comment moves every line\n" + ONE, loader).bank.questions[0]
    edited = read(ONE.replace("question: Q", "question: Q?"), loader).bank.questions[0]
    assert first.id == again.id == question_id("Q")
    assert first.id.startswith("q-")
    assert edited.id != first.id


@LOADERS
def test_an_explicit_id_survives_an_edit_of_the_text(loader: type) -> None:
    before = read(ONE + "    id: keep-me\n", loader).bank.questions[0]
    after = read(ONE.replace("question: Q", "question: Q?") + "    id: keep-me\n", loader)
    assert before.id == after.bank.questions[0].id == "keep-me"


@LOADERS
@pytest.mark.parametrize("bad", ['""', '"two words"', "[a]"])
def test_an_id_must_be_one_word(loader: type, bad: str) -> None:
    problem = only(read(ONE + f"    id: {bad}\n", loader))
    assert problem.line == 6
    assert problem.column in (9, 5)  # at the value (or the key, for a non-text value)


# -- choices and answers ---------------------------------------------------------------------------


def _choices(items: list[str], answer: str) -> str:
    return ONE.replace("[a, b]", "[" + ", ".join(items) + "]").replace(
        "answer: a", f"answer: {answer}"
    )


@LOADERS
@pytest.mark.parametrize("count", [2, 10])
def test_two_to_ten_choices_are_fine(loader: type, count: int) -> None:
    items = [f"c{n}" for n in range(count)]
    assert read(_choices(items, "c0"), loader).problems == []


@LOADERS
@pytest.mark.parametrize("count", [0, 1, 11])
def test_fewer_than_two_or_more_than_ten_choices_are_errors(loader: type, count: int) -> None:
    items = [f"c{n}" for n in range(count)]
    result = read(_choices(items, "c0"), loader)
    counted = next(p for p in result.problems if "'choices' has" in p.message)
    assert at(counted) == (4, 5)
    assert counted.message == f"'choices' has {count}; give between 2 and 10 choices"


@LOADERS
def test_a_duplicate_choice_names_the_first(loader: type) -> None:
    text = ONE.replace("[a, b]", "\n      - a\n      - b\n      - a")
    problem = only(read(text, loader))
    assert at(problem) == (7, 9)
    assert problem.message == (
        "choice 'a' appears twice (also at line 5); make every choice different"
    )


@LOADERS
def test_an_empty_choice_is_an_error(loader: type) -> None:
    problem = only(read(_choices(["a", '""', "b"], "a"), loader))
    assert at(problem) == (4, 18)
    assert problem.message == "a choice is empty; write its text or remove the line"


@LOADERS
def test_choices_must_be_a_list(loader: type) -> None:
    problem = only(read(ONE.replace("[a, b]", "a, b"), loader))
    assert at(problem) == (4, 14)
    assert problem.message.startswith("'choices' must be a list")


@LOADERS
def test_an_answer_that_is_no_choice_suggests_the_close_one(loader: type) -> None:
    text = _choices(["Paris", "London"], "paris.")
    problem = only(read(text, loader))
    assert at(problem) == (5, 13)
    assert problem.message == "answer 'paris.' is not one of the choices; did you mean 'Paris'?"


@LOADERS
def test_an_answer_far_from_every_choice_says_to_copy_it(loader: type) -> None:
    problem = only(read(_choices(["Paris", "London"], "Rome"), loader))
    assert problem.message == (
        "answer 'Rome' is not one of the choices; copy the text of the right choice exactly"
    )


@LOADERS
def test_missing_parts_of_a_question_point_at_the_question(loader: type) -> None:
    text = "title: T\nquestions:\n  - explanation: nothing else\n"
    result = read(text, loader)
    assert [(at(p), p.message.split(";")[0]) for p in result.problems] == [
        ((3, 5), "this question has no 'question'"),
        ((3, 5), "this question has no 'choices'"),
        ((3, 5), "this question has no 'answer'"),
    ]


@LOADERS
def test_empty_question_text_is_an_error(loader: type) -> None:
    problem = only(read(ONE.replace("question: Q", 'question: "  "'), loader))
    assert at(problem) == (3, 5)
    assert problem.message == "'question' is empty; write the question after it"


# -- format 1.1 ------------------------------------------------------------------------------------


@LOADERS
def test_format_1_1_sample(loader: type) -> None:
    bank = read((BANKS / "format-1.1.yaml").read_bytes(), loader).bank
    assert bank.shuffle is False
    primes, version, zero = bank.questions
    assert primes.answers == ("2", "3")
    assert primes.multiple
    assert primes.feedback == ()
    assert version.choices == ("1.10", "1.1", "2.0")
    assert version.answers == ("1.10",)
    assert not version.multiple
    assert version.feedback_for("1.1") == "1.1 came before 1.9."
    assert version.feedback_for("2.0") == ""
    assert version.shuffle is False
    assert primes.shuffle is True  # the top-level flag is about the order of questions
    assert zero.choices == ("True", "False")
    assert zero.answers == ("True",)


@LOADERS
def test_an_answer_list_is_checked_item_by_item(loader: type) -> None:
    text = _choices(["a", "b", "c"], "[a, d, a]")
    result = read(text, loader)
    assert [(at(p), p.message) for p in result.problems] == [
        (
            (5, 17),
            "answer 'd' is not one of the choices; copy the text of the right choice exactly",
        ),
        ((5, 20), "answer 'a' is listed twice; list it once"),
    ]


@LOADERS
def test_an_empty_answer_list_is_an_error(loader: type) -> None:
    problem = only(read(_choices(["a", "b"], "[]"), loader))
    assert at(problem) == (5, 5)
    assert problem.message == "'answer' is an empty list; list the right choices in it"


@LOADERS
def test_a_choice_mapping_needs_text_and_known_keys(loader: type) -> None:
    text = dedent("""\
        title: T
        questions:
          - question: Q
            choices:
              - {feedback: no text}
              - {text: a, fedback: typo}
              - text: b
                feedback: [not, text]
            answer: a
    """)
    result = read(text, loader)
    assert [(at(p), p.message) for p in result.problems] == [
        ((5, 9), "this choice has no 'text'; write it as {text: ..., feedback: ...}"),
        ((6, 19), "unknown key 'fedback'; did you mean 'feedback'?"),
        ((8, 19), "feedback must be text, not a list; write it on one line or quote it"),
    ]


@LOADERS
@pytest.mark.parametrize(("written", "expected"), [("true", True), ("false", False)])
def test_shuffle_flag(loader: type, written: str, expected: bool) -> None:
    text = ONE.replace("title: T", f"title: T\nshuffle: {written}") + f"    shuffle: {written}\n"
    bank = read(text, loader).bank
    assert bank.shuffle is expected
    assert bank.questions[0].shuffle is expected


@LOADERS
@pytest.mark.parametrize("bad", ["yes", "no", "True", "1", "[true]"])
def test_a_shuffle_flag_must_be_true_or_false(loader: type, bad: str) -> None:
    problem = only(read(ONE + f"    shuffle: {bad}\n", loader))
    assert problem.line == 6
    if bad != "[true]":
        assert at(problem) == (6, 14)
        assert problem.message == f"'shuffle' must be true or false, not '{bad}'"


@LOADERS
def test_shuffle_defaults_to_true(loader: type) -> None:
    bank = read(ONE, loader).bank
    assert bank.shuffle is True
    assert bank.questions[0].shuffle is True


# -- format 1.2: sources ---------------------------------------------------------------------------


@LOADERS
def test_a_question_without_a_source_takes_the_banks(loader: type) -> None:
    text = dedent("""\
        title: T
        source: The OIC Charter (2008)
        questions:
          - question: Q
            choices: [a, b]
            answer: a
          - question: R
            choices: [a, b]
            answer: a
            source: https://www.oic-oci.org/page/?p_id=52&p_ref=26&lan=en
        """)
    result = read(text, loader)
    assert result.problems == []
    bank = result.bank
    assert bank.source == "The OIC Charter (2008)"
    inherited, own = bank.questions
    assert inherited.source == "The OIC Charter (2008)"
    assert own.source == "https://www.oic-oci.org/page/?p_id=52&p_ref=26&lan=en"


@LOADERS
def test_no_source_anywhere_is_empty_and_no_problem(loader: type) -> None:
    result = read(ONE, loader)
    assert result.problems == []
    assert result.bank.source == "" and result.bank.questions[0].source == ""


@LOADERS
def test_a_source_is_cleaned_like_other_text(loader: type) -> None:
    # Trimmed, NFC (e + combining acute is é), the ESC of an escape sequence removed, warned.
    text = ONE + '    source: "  Caf\\u0065\\u0301 \\e[31mguide  "\n'
    result = read(text, loader)
    assert result.bank.questions[0].source == "Café [31mguide"
    warning = only(result, Severity.WARNING)
    assert at(warning) == (6, 13)
    assert "U+001B (ESCAPE) written as an escape was removed" in warning.message


@LOADERS
def test_an_empty_source_is_none(loader: type) -> None:
    text = ONE.replace("title: T\n", "title: T\nsource:\n") + "    source: ''\n"
    result = read(text, loader)
    assert result.problems == []
    assert result.bank.source == "" and result.bank.questions[0].source == ""


@LOADERS
@pytest.mark.parametrize(
    ("value", "kind"), [("[a, b]", "a list"), ("{page: 3}", "a mapping")], ids=["list", "mapping"]
)
def test_a_source_must_be_text(loader: type, value: str, kind: str) -> None:
    problem = only(read(ONE + f"    source: {value}\n", loader))
    assert at(problem) == (6, 13)
    assert problem.message == (f"source must be text, not {kind}; write it on one line or quote it")


# -- format 1.3: the text format ------------------------------------------------------------------


@LOADERS
def test_the_text_format_is_plain_unless_markdown_is_asked(loader: type) -> None:
    assert read(ONE, loader).bank.format == "plain"
    assert read(ONE.replace("title: T\n", "title: T\nformat: plain\n"), loader).bank.format == (
        "plain"
    )
    bank = read(ONE.replace("title: T\n", "title: T\nformat: markdown\n"), loader).bank
    assert bank.format == "markdown" and bank.markdown
    # The text itself is kept as written: the Markdown is read when it is shown.
    marked = ONE.replace("title: T\n", "title: T\nformat: markdown\n").replace(
        "question: Q", "question: '**Q** `x`'"
    )
    assert read(marked, loader).bank.questions[0].text == "**Q** `x`"


@LOADERS
@pytest.mark.parametrize("bad", ["bogus", "Markdown", "md", "html"])
def test_an_unknown_text_format_is_an_error_at_its_value(loader: type, bad: str) -> None:
    problem = only(read(ONE.replace("title: T\n", f"title: T\nformat: {bad}\n"), loader))
    assert str(problem) == (
        f"bank.yaml:2:9: error: format '{bad}' is not known; write 'format: markdown' for text in"
        " Markdown, or 'format: plain' (the default) for text shown as written"
    )


@LOADERS
def test_a_text_format_must_be_text(loader: type) -> None:
    problem = only(read(ONE.replace("title: T\n", "title: T\nformat: [markdown]\n"), loader))
    assert (problem.line, problem.severity) == (2, Severity.ERROR)


# -- structure -------------------------------------------------------------------------------------


@LOADERS
@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_an_empty_file_is_an_error(loader: type, text: str) -> None:
    problem = only(read(text, loader))
    assert str(problem) == (
        "bank.yaml:1:1: error: the file is empty; a bank needs 'title' and 'questions'"
    )


@LOADERS
def test_a_file_that_is_a_list_is_an_error(loader: type) -> None:
    problem = only(read("# questions only\n- question: Q\n", loader))
    assert at(problem) == (2, 1)
    assert problem.message == "a bank file must be a mapping with 'title:' and 'questions:' keys"


@LOADERS
def test_missing_title_is_an_error(loader: type) -> None:
    problem = only(read(ONE.replace("title: T\n", ""), loader))
    assert at(problem) == (1, 1)
    assert problem.message == "the bank has no 'title'; add a line such as 'title: World capitals'"


@LOADERS
def test_empty_title_is_an_error_once(loader: type) -> None:
    problem = only(read(ONE.replace("title: T", "title:"), loader))
    assert at(problem) == (1, 1)
    assert problem.message == "'title' is empty; write the bank's title after it"


@LOADERS
def test_a_title_that_is_a_list_is_one_error(loader: type) -> None:
    problem = only(read(ONE.replace("title: T", "title: [T]"), loader))
    assert at(problem) == (1, 8)
    assert problem.message.startswith("title must be text, not a list")


@LOADERS
def test_missing_questions_is_an_error(loader: type) -> None:
    problem = only(read("# no questions yet\ntitle: T\n", loader))
    assert at(problem) == (2, 1)
    assert problem.message == ("the bank has no 'questions'; add 'questions:' with a list below it")


@LOADERS
def test_empty_questions_is_an_error(loader: type) -> None:
    problem = only(read("title: T\nquestions: []\n", loader))
    assert at(problem) == (2, 1)
    assert problem.message == "'questions' is empty; add at least one question"


@LOADERS
def test_questions_with_nothing_after_it_is_an_error(loader: type) -> None:
    problem = only(read("title: T\nquestions:\n", loader))
    assert at(problem) == (2, 1)
    assert problem.message == "'questions' must be a list: start each question with '- question:'"


@LOADERS
def test_questions_as_a_mapping_is_an_error(loader: type) -> None:
    problem = only(read("title: T\nquestions:\n  question: Q\n", loader))
    assert at(problem) == (3, 3)
    assert problem.message == "'questions' must be a list: start each question with '- question:'"


@LOADERS
def test_a_question_that_is_not_a_mapping_is_an_error(loader: type) -> None:
    text = ONE + "  - just a line of text\n  - [a, list]\n"
    result = read(text, loader)
    assert [at(p) for p in result.problems] == [(6, 5), (7, 5)]
    assert {p.message for p in result.problems} == {
        "each question must be a mapping: '- question: ...' then 'choices:'"
    }


@LOADERS
def test_a_bad_question_does_not_hide_the_others(loader: type) -> None:
    text = ONE + "  - question: R\n    choices: [a]\n    answer: z\n"
    result = read(text, loader)
    assert result.bank is None
    assert [at(p) for p in result.problems] == [(7, 5), (8, 13)]


@LOADERS
def test_language_must_be_a_language_tag(loader: type) -> None:
    problem = only(read(ONE.replace("title: T", "title: T\nlanguage: Arabic!"), loader))
    assert at(problem) == (2, 11)
    assert problem.message.startswith("language 'Arabic!' is not a BCP 47 tag")


@LOADERS
def test_an_arabic_bank_is_right_to_left(loader: type) -> None:
    bank = read((BANKS / "arabic.yaml").read_bytes(), loader).bank
    assert bank.language == "ar"
    assert bank.rtl
    assert bank.questions[0].answers == ("الرباط",)


@LOADERS
def test_tags_must_be_a_list_of_text(loader: type) -> None:
    result = read(ONE + "    tags: history\n", loader)
    assert at(only(result)) == (6, 11)
    bank = read(ONE + "    tags: [a, a, b]\n", loader).bank
    assert bank.questions[0].tags == ("a", "b")


# -- where PyYAML alone would differ from libyaml -------------------------------------------------


@LOADERS
@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("question: Q\t", "Q"),  # a trailing tab, as editors leave them
        ("question: Q\t# a comment", "Q"),
        ("question:\tQ", "Q"),
        ("question: tab\tinside", "tab\tinside"),
        ("question: |\t\n      Q", "Q"),
        ("question: |-\t# a comment\n      Q", "Q"),
        ("question: |# a comment\n      Q", "Q"),
        ("question: Q\n      \tgoes on", "Q goes on"),
    ],
)
def test_tabs_are_blanks_where_libyaml_reads_them(loader: type, line: str, value: str) -> None:
    result = read(ONE.replace("question: Q", line), loader)
    assert result.problems == []
    assert result.bank.questions[0].text == value


@LOADERS
def test_a_tab_as_indentation_is_still_an_error(loader: type) -> None:
    problem = only(read(ONE.replace("question: Q", "question: Q\n\tgoes on"), loader))
    assert problem.line == 4


@LOADERS
def test_question_marks_in_a_flow_list_are_text(loader: type) -> None:
    text = ONE.replace("[a, b]", "[Why?, How? Now, a?b]").replace("answer: a", "answer: How? Now")
    (question,) = read(text, loader).bank.questions
    assert question.choices == ("Why?", "How? Now", "a?b")
    assert question.answers == ("How? Now",)


@LOADERS
def test_a_tag_in_a_flow_list_ends_at_the_comma(loader: type) -> None:
    problem = only(read(ONE.replace("[a, b]", "[a, b, !x, c]"), loader))
    assert at(problem) == (4, 21)
    assert problem.message.startswith("YAML tag '!x' is not allowed")


@LOADERS
def test_nothing_after_a_key_in_braces_points_at_the_key(loader: type) -> None:
    """libyaml and PyYAML place an absent value differently: the problem points at its key."""
    line = "  - {question: Q, choices: [a, b], answer: a, id: , shuffle: }"
    result = read(f"title: T\nquestions:\n{line}\n", loader)
    assert [at(p) for p in result.problems] == [
        (3, line.index("id:") + 1),
        (3, line.index("shuffle:") + 1),
    ]


# -- YAML syntax -----------------------------------------------------------------------------------


@LOADERS
def test_a_syntax_error_names_its_line_and_how_to_fix_it(loader: type) -> None:
    text = ONE.replace("question: Q", "question: Note: this breaks")
    problem = only(read(text, loader))
    assert at(problem) == (3, 19)
    assert problem.message == (
        "YAML syntax error: mapping values are not allowed here; "
        "put text containing ': ' in quotes, or use a block scalar ('|')"
    )


@LOADERS
def test_an_unclosed_flow_list_names_where_it_ended(loader: type) -> None:
    problem = only(read(ONE.replace("[a, b]", "[a, b"), loader))
    assert problem.line == 5
    assert problem.message.startswith("YAML syntax error: ")
    assert "\n" not in problem.message


@LOADERS
def test_a_tab_for_indentation_is_a_syntax_error(loader: type) -> None:
    problem = only(read(ONE.replace("    answer", "\tanswer"), loader))
    assert problem.line == 5
    assert "indent with spaces, not tabs" in problem.message


@LOADERS
def test_a_second_document_is_an_error(loader: type) -> None:
    problem = only(read(ONE + "---\ntitle: U\n", loader))
    assert at(problem) == (6, 1)
    assert "remove the second '---'" in problem.message


@pytest.mark.parametrize("depth", [300, 5000])
def test_deep_nesting_is_an_error_not_a_crash(depth: int) -> None:
    """PyYAML composes recursively and libyaml stops at 1000 levels: both report, neither raises.

    The brackets are one a line: PyYAML scans deep nesting on one line in quadratic time.
    """
    data = ("title: " + "[\n" * depth + "]" * depth + "\n").encode()
    for loader in (FAST_LOADER, PURE_LOADER):
        result = parse_bank(data, Path("bank.yaml"), loader=loader)
        assert result.bank is None
        assert result.errors


def test_deep_nesting_on_one_line_is_refused_by_libyaml_at_once() -> None:
    """libyaml's refusal is kept: asking PyYAML for its wording would take seconds here."""
    data = ("title: " + "[" * 20000 + "]" * 20000 + "\n").encode()
    problem = only(parse_bank(data, Path("bank.yaml"), loader=FAST_LOADER))
    assert at(problem) == (1, 1007)
    assert "exceeded maximum nesting depth" in problem.message


# -- robustness ------------------------------------------------------------------------------------

_TOKENS = [
    b"&a ",
    b"*a",
    b"!!python/object/apply:os.system ",
    b"\t",
    b"\r\n",
    b"\xff",
    b"\x00",
    b"\x1b[2J",
    b'"',
    b"'",
    b": ",
    b"- ",
    b"[",
    b"]",
    b"{",
    b"}",
    b"|",
    b">-",
    b"#",
    b"\n",
    b"  ",
    b"%YAML 1.1\n",
    b"---\n",
    b"? ",
    b"\\",
    b'"\\ud800"',
    b"\xe2\x80\xae",
    b"\xd9",
    b"\xef\xbb\xbf",
    b"\xef\xbf\xbe",
]


def _mutants(count: int, seed: int) -> list[bytes]:
    """Valid banks with a few random cuts, insertions, copies and byte flips; some pure noise."""
    rng = random.Random(seed)
    valid = [p.read_bytes() for p in GOOD_SAMPLES]
    found = []
    for n in range(count):
        if n % 5 == 0:
            found.append(rng.randbytes(rng.randrange(300)))
            continue
        data = bytearray(rng.choice(valid))
        for _ in range(rng.randint(1, 6)):
            i = rng.randrange(len(data) + 1)
            match rng.randrange(4):
                case 0:
                    del data[i : i + rng.randint(1, 30)]
                case 1:
                    data[i:i] = rng.choice(_TOKENS)
                case 2 if data:
                    data[min(i, len(data) - 1)] = rng.randrange(256)
                case _:
                    j = rng.randrange(len(data) + 1)
                    data[i:i] = data[j : j + rng.randint(1, 60)]
        found.append(bytes(data))
    return found


def test_garbage_never_raises_and_both_loaders_agree() -> None:
    for data in _mutants(400, seed=20261129):
        fast = parse_bank(data, Path("f.yaml"), loader=FAST_LOADER)
        pure = parse_bank(data, Path("f.yaml"), loader=PURE_LOADER)
        assert (fast.problems, fast.bank) == (pure.problems, pure.bank), data
        assert (fast.bank is None) == bool(fast.errors)
        for problem in fast.problems:
            assert problem.line >= 1 and problem.column >= 1
            assert "\n" not in problem.message
            str(problem).encode("utf-8")


def test_garbage_files_on_disk_load(tmp_path: Path) -> None:
    """The same through load_bank, with files that are folders or links to nothing."""
    (tmp_path / "folder.yaml").mkdir()
    os.symlink(tmp_path / "nowhere", tmp_path / "dangling.yaml")
    for name in ("folder.yaml", "dangling.yaml"):
        result = load_bank(tmp_path / name)
        assert result.bank is None
        assert "cannot read the file" in only(result).message


# -- the format documentation ----------------------------------------------------------------------

FORMAT_DOC = Path(__file__).resolve().parents[1] / "docs" / "question-format.md"


def _doc_examples() -> list[str]:
    blocks = re.findall(r"```yaml\n(.*?)\n\s*```", FORMAT_DOC.read_text(encoding="utf-8"), re.S)
    return [dedent(block) for block in blocks if dedent(block).startswith("title:")]


@LOADERS
def test_every_complete_example_in_the_format_doc_passes_check(loader: type, tmp_path) -> None:
    examples = _doc_examples()
    assert len(examples) >= 7
    for n, example in enumerate(examples):
        result = read(example, loader)
        assert result.problems == [], example
        assert result.bank is not None
        path = tmp_path / f"example{n}.yaml"
        path.write_text(example, encoding="utf-8")
        report = check([path], loader=loader)  # the teaching warnings too
        assert [str(p) for p in report.problems] == [], example


@LOADERS
def test_the_messages_quoted_in_the_format_doc_are_real(loader: type) -> None:
    doc = FORMAT_DOC.read_text(encoding="utf-8")
    samples = {
        "unknown key 'anwser'; did you mean 'answer'?": ONE.replace("answer: a", "anwser: a"),
        "the keys are: question, choices, answer, explanation, source, id, tags, shuffle": ONE
        + "    difficulty: hard\n",
        "duplicate key 'answer' (first at line 5); remove one of them": ONE + "    answer: b\n",
        "YAML anchor '&q' is not allowed; write the text out in full where it is used": ONE.replace(
            "question: Q", "question: &q Q"
        ),
        "'shuffle' must be true or false, not 'yes'": ONE + "    shuffle: yes\n",
        "answer 'paris.' is not one of the choices; did you mean 'Paris'?": _choices(
            ["Paris", "London"], "paris."
        ),
    }
    for message, text in samples.items():
        assert message in doc
        assert any(message in p.message for p in read(text, loader).problems), message
