"""Teaching warnings: each rule fires on its habit, stays quiet otherwise, and says the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.lint import (
    DEFAULT_RULES,
    LONG_MARGIN,
    LONG_RATIO,
    RULE_NAMES,
    RULES,
    findings,
    lint,
)
from quiz.bank.loader import load_bank
from quiz.bank.model import Bank, Question, Severity

BUNDLED = Path(__file__).resolve().parent.parent / "questions"
HAS_CHOICE_POSITIONS = "choice_positions" in Question.__dataclass_fields__

EXPLAINED = "    explanation: Because.\n"


def question(
    text: str = "Q?",
    choices: tuple[str, ...] = ("A", "B"),
    answer: str | list[str] = "A",
    extra: str = EXPLAINED,
    qid: str = "",
) -> str:
    """One question as YAML, every value double-quoted so it stays as written."""
    listed = "".join(f"      - {_q(c)}\n" for c in choices)
    right = "[" + ", ".join(_q(a) for a in answer) + "]" if isinstance(answer, list) else _q(answer)
    head = f"  - id: {qid}\n    question: " if qid else "  - question: "
    return f"{head}{_q(text)}\n    choices:\n{listed}    answer: {right}\n{extra}"


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture
def load(write):
    """Write a bank of the given questions and return it, failing on any loader problem."""

    def _load(*questions: str, header: str = "title: T\n") -> Bank:
        path = write("bank.yaml", header + "questions:\n" + "".join(questions))
        result = load_bank(path)
        assert result.problems == [], result.problems
        assert result.bank is not None
        return result.bank

    return _load


def rules_found(bank: Bank) -> list[str]:
    return [f.rule for f in findings(bank)]


def line_of(bank: Bank, text: str) -> int:
    """The line of a text in the bank's file (the first line that holds it)."""
    lines = bank.path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def choice_line(bank: Bank, index: int, choice: str) -> int:
    """Where a warning about a choice points: its own line once the loader records it."""
    q = bank.questions[index]
    return line_of(bank, f'- "{choice}"') if HAS_CHOICE_POSITIONS else q.line


# -- the rule list ---------------------------------------------------------------------------------


def test_rules_have_unique_names_and_a_summary() -> None:
    assert len(set(RULE_NAMES)) == len(RULES) == 10
    assert RULE_NAMES == (
        "duplicate-question",
        "all-of-the-above",
        "long-answer",
        "no-explanation",
        "near-duplicate-choice",
        "shared-choices",
        "invisible-character",
        "look-alike-choice",
        "unclosed-code-block",
        "no-source",
    )
    assert RULE_NAMES[:-1] == DEFAULT_RULES
    for rule in RULES:
        assert rule.summary.endswith(".") and len(rule.summary) > 40


@pytest.mark.parametrize("path", sorted(BUNDLED.rglob("*.yaml")), ids=lambda p: p.name)
def test_bundled_banks_give_no_warnings(path: Path) -> None:
    result = load_bank(path)
    assert result.bank is not None
    assert lint(result.bank, path.name) == []


def test_a_clean_bank_gives_no_warnings(load) -> None:
    bank = load(
        question("Which is the largest ocean?", ("Pacific", "Atlantic", "Indian"), "Pacific"),
        question("Which is the smallest ocean?", ("Arctic", "Southern", "Indian"), "Arctic"),
    )
    assert lint(bank, "bank.yaml") == []


def test_warnings_are_problems_with_a_position(load) -> None:
    bank = load(question(extra=""))
    [problem] = lint(bank, "shown/name.yaml")
    assert problem.severity is Severity.WARNING
    assert problem.path == "shown/name.yaml"
    assert (problem.line, problem.column) == (3, 5)
    assert str(problem).startswith("shown/name.yaml:3:5: warning: this question has no explanation")


def test_rules_can_be_chosen(load) -> None:
    bank = load(question("Q?", extra=""), question("q?  ", extra=""))
    assert rules_found(bank) == ["no-explanation", "duplicate-question", "no-explanation"]
    assert [f.rule for f in findings(bank, rules=["duplicate-question"])] == ["duplicate-question"]
    assert lint(bank, "b", rules=()) == []
    with pytest.raises(ValueError, match="unknown lint rule 'no-such-rule'"):
        lint(bank, "b", rules=["no-such-rule"])


# -- duplicate-question ----------------------------------------------------------------------------


def test_same_question_text_names_both_places(load) -> None:
    bank = load(
        question("What is  the capital of France?", qid="first"),
        question("Something else?"),
        question("what is the capital\nof FRANCE?", qid="second"),
    )
    first, _, second = bank.questions
    [finding] = findings(bank)
    assert finding.rule == "duplicate-question"
    assert finding.line == second.line
    assert f"same question text as line {first.line}" in finding.message
    assert "reword one of them or delete the copy" in finding.message


def test_similar_but_different_questions_are_fine(load) -> None:
    bank = load(
        question("What is the capital of France?"), question("What is the capital of Peru?")
    )
    assert rules_found(bank) == []


# -- all-of-the-above ------------------------------------------------------------------------------

REFERRING = [
    "All of the above",
    "none of the above.",
    "All the above",
    "Both of the above",
    "Neither of the above",
    "None of these",
    "All of these answers",
    "All of the above are correct",
    "جميع ما سبق",
    "كل ما سبق",
    "جميعُ ما سَبَق",
    "لا شيء مما سبق",
    "لا شيءَ ممّا سبق",
    "لاشئ مما سبق",
    "جميع ما ذكر",
    "كلّ ما ذُكر",
    "لا شيء مما ذكر",
    "ليس أي مما سبق",
    "ليس أيًّا مما سبق",
    "ليس اى مما سبق",
    "جميع الإجابات السابقة",
    "لا شيء من الإجابات السابقة",
    "ﻻ شيء مما سبق",
]


@pytest.mark.parametrize("phrase", REFERRING)
def test_all_of_the_above_in_shuffled_choices(load, phrase: str) -> None:
    bank = load(question("Which?", ("Red", "Green", phrase), "Red"))
    [finding] = findings(bank)
    assert finding.rule == "all-of-the-above"
    assert "add 'shuffle: false' to this question" in finding.message
    assert finding.line == choice_line(bank, 0, phrase)


@pytest.mark.parametrize("phrase", REFERRING[:2] + REFERRING[8:10])
def test_all_of_the_above_is_fine_when_the_order_is_kept(load, phrase: str) -> None:
    bank = load(
        question("Which?", ("Red", "Green", phrase), phrase, EXPLAINED + "    shuffle: false\n")
    )
    assert rules_found(bank) == []


@pytest.mark.parametrize(
    "choice",
    [
        "Both A and B",
        "All of them",
        "Above the clouds",
        "Nothing",
        "كل الناس",
        "ما سبق ذكره في الدرس",
    ],
)
def test_ordinary_choices_do_not_count_as_all_of_the_above(load, choice: str) -> None:
    bank = load(question("Which?", ("Red", choice), "Red"))
    assert rules_found(bank) == []


def test_one_warning_per_question_for_all_of_the_above(load) -> None:
    bank = load(question("Which?", ("Red", "All of the above", "None of the above"), "Red"))
    assert rules_found(bank) == ["all-of-the-above"]


def test_bank_level_shuffle_false_does_not_keep_choice_order(load) -> None:
    bank = load(
        question("Which?", ("Red", "All of the above"), "Red"), header="title: T\nshuffle: false\n"
    )
    assert rules_found(bank) == ["all-of-the-above"]


# -- long-answer -----------------------------------------------------------------------------------


def test_a_much_longer_answer_is_a_cue(load) -> None:
    answer = "The mitochondrion, which makes most of the cell's energy"
    bank = load(question("Which organelle?", ("Nucleus", answer, "Ribosome"), answer))
    [finding] = findings(bank)
    assert finding.rule == "long-answer"
    assert f"({len(answer)} characters against at most 8)" in finding.message
    assert "shorten the answer or make the distractors as detailed" in finding.message
    assert finding.line == choice_line(bank, 0, answer)


@pytest.mark.parametrize(
    ("answer", "distractor"),
    [
        ("Oxygen gas", "Neon"),  # 2.5 times as long, but only 6 characters more
        ("A" * 40, "B" * 27),  # 13 characters more, but under 1.5 times
        ("A" * 45, "B" * 30),  # exactly 1.5 times: not more
    ],
)
def test_answers_a_little_longer_are_fine(load, answer: str, distractor: str) -> None:
    bank = load(question("Which?", (answer, distractor), answer))
    assert rules_found(bank) == []


def test_the_threshold_is_both_ratio_and_margin(load) -> None:
    assert (LONG_RATIO, LONG_MARGIN) == (1.5, 15)
    bank = load(question("Which?", ("A" * 46, "B" * 30), "A" * 46))
    assert rules_found(bank) == ["long-answer"]


@pytest.mark.parametrize("answer", ["All of the above are correct", "جميع الإجابات السابقة صحيحة"])
def test_all_of_the_above_is_not_a_length_cue(load, answer: str) -> None:
    extra = EXPLAINED + "    shuffle: false\n"
    bank = load(question("Which?", ("Red", "Tan", answer), answer, extra))
    assert rules_found(bank) == []


def test_harakat_do_not_count_as_length(load) -> None:
    plain = "الأمانة العامة للمنظمة"
    voweled = "الأَمَانَةُ العَامَّةُ لِلمُنَظَّمَةِ"
    bank = load(question("ما الجهاز التنفيذي؟", (voweled, "مؤتمر القمة"), voweled))
    assert len(voweled) > 1.5 * len("مؤتمر القمة") + LONG_MARGIN > len(plain)
    assert rules_found(bank) == []


def test_several_answers_count_when_every_one_is_long(load) -> None:
    long_a = "Red, as the longest wavelength we can see"
    long_b = "Blue, as the shortest wavelength of the three"
    bank = load(question("Which?", (long_a, "Pink", long_b, "Cyan"), [long_a, long_b]))
    [finding] = findings(bank)
    assert finding.message.startswith("every right answer is much longer")
    bank = load(question("Which?", (long_a, "Pink", "Blue", "Cyan"), [long_a, "Blue"]))
    assert rules_found(bank) == []


# -- no-explanation --------------------------------------------------------------------------------


def test_a_question_without_explanation(load) -> None:
    bank = load(question("Q1?"), question("Q2?", extra=""))
    [finding] = findings(bank)
    assert finding.rule == "no-explanation"
    assert finding.line == bank.questions[1].line
    assert "add 'explanation:' saying why the answer is right" in finding.message


# -- near-duplicate-choice -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "distractor"),
    [
        ("Paris", "paris."),
        ("Paris", "PARIS"),
        ("ice cream", "Icecream"),
        ("New York", "“New York”"),
        ("Hello, world", "Hello world!"),
        ("القاهرة", "القاهرة،"),
        ("Rome", "¿Rome?"),
    ],
)
def test_a_distractor_that_only_looks_different(load, answer: str, distractor: str) -> None:
    bank = load(question("Which?", (answer, distractor, "Lima"), answer))
    [finding] = findings(bank)
    assert finding.rule == "near-duplicate-choice"
    assert "only in case, spaces or punctuation" in finding.message
    assert "make it a real alternative or remove it" in finding.message
    assert finding.line == choice_line(bank, 0, distractor)


@pytest.mark.parametrize(
    ("answer", "distractor"),
    [
        ("it's", "its"),
        ("-5", "5"),
        ("3.5", "35"),
        ("1/2", "12"),
        ("5%", "5"),
        ("?", "!"),
        ("résumé", "resume"),
        ("عَلِمَ", "عُلِمَ"),
    ],
)
def test_differences_that_change_the_meaning_are_fine(load, answer: str, distractor: str) -> None:
    bank = load(question("Which?", (answer, distractor), answer))
    assert rules_found(bank) == []


def test_near_duplicates_of_any_right_answer(load) -> None:
    bank = load(question("Which?", ("Red", "Blue", "blue.", "Pink"), ["Red", "Blue"]))
    assert rules_found(bank) == ["near-duplicate-choice"]


def test_warnings_come_in_file_order(load) -> None:
    bank = load(
        question("Q1?", ("Paris", "paris"), "Paris", extra=""),
        question("Q2?", ("Red", "None of the above"), "Red"),
    )
    found = findings(bank)
    assert [f.rule for f in found] == [
        "no-explanation",
        "near-duplicate-choice",
        "all-of-the-above",
    ]
    assert [f.line for f in found] == sorted(f.line for f in found)


# -- shared-choices --------------------------------------------------------------------------------


def test_two_questions_with_the_same_choices(load) -> None:
    bank = load(
        question("Executive organ?", ("Secretariat", "Summit", "Council"), "Secretariat"),
        question("Other?", ("Court", "Summit", "Council"), "Court"),
        # The same three in another order and case: students eliminate across the two.
        question("Supreme authority?", ("summit", "COUNCIL", "Secretariat"), "summit"),
    )
    [finding] = findings(bank)
    assert finding.rule == "shared-choices"
    assert (finding.line, finding.column) == (line_of(bank, "Supreme authority?"), 5)
    assert finding.message == (
        f"the same choices as the question at line {line_of(bank, 'Executive organ?')}, so "
        "students can answer one by elimination from the other; give each question "
        "distractors of its own"
    )


def test_true_false_and_ordered_scales_may_repeat_their_choices(load) -> None:
    scale = "    shuffle: false\n" + EXPLAINED
    bank = load(
        question("Zero is even.", ("True", "False"), "True"),
        question("One is even.", ("True", "False"), "False"),
        question("How sure?", ("Low", "Middle", "High"), "High", extra=scale),
        question("How hard?", ("Low", "Middle", "High"), "Low", extra=scale),
    )
    assert rules_found(bank) == []


# -- no-source -------------------------------------------------------------------------------------


def test_no_source_runs_only_when_asked(load) -> None:
    bank = load(question())
    assert rules_found(bank) == []  # not one of the default rules
    [problem] = lint(bank, "b.yaml", rules=RULE_NAMES)
    assert (problem.rule, problem.line, problem.column) == ("no-source", 1, 1)
    assert problem.message == (
        "the bank says nowhere where its answers are settled; add 'source:' at the top "
        "(a document, a page or a URL) or to each question"
    )


def test_a_source_at_the_top_or_on_any_question_is_enough(load) -> None:
    at_top = load(question(), header="title: T\nsource: The atlas\n")
    on_one = load(question("Q1?"), question("Q2?", extra=EXPLAINED + "    source: p. 3\n"))
    assert lint(at_top, "b", rules=["no-source"]) == []
    assert lint(on_one, "b", rules=["no-source"]) == []


# -- unclosed-code-block ---------------------------------------------------------------------------


def test_an_unclosed_code_fence_in_a_markdown_bank_is_a_warning(tmp_path) -> None:
    from quiz.bank.loader import load_bank

    path = tmp_path / "bank.yaml"
    path.write_text(
        "title: T\nformat: markdown\nquestions:\n"
        '  - question: "Look:\\n\\n```python\\nx = 1\\n"\n'
        "    choices: [a, b]\n    answer: a\n    explanation: Fine.\n"
        '  - question: "Closed:\\n\\n~~~\\nx = 1\\n~~~\\n"\n'
        "    choices: [a, b]\n    answer: a\n"
        '    explanation: "````\\ncode\\n```\\nstill code"\n',
        encoding="utf-8",
    )
    bank = load_bank(path).bank
    found = [f for f in findings(bank) if f.rule == "unclosed-code-block"]
    assert [(f.line, f.message) for f in found] == [
        (
            4,
            "a code block opened with ``` is never closed, so the rest of the text shows as "
            "code; end it with a line of ```",
        ),
        (
            8,
            "a code block opened with ```` is never closed, so the rest of the text shows as "
            "code; end it with a line of ````",
        ),
    ]
    # The same text in a plain bank is only text.
    path.write_text(path.read_text(encoding="utf-8").replace("format: markdown\n", ""))
    assert not [f for f in findings(load_bank(path).bank) if f.rule == "unclosed-code-block"]
