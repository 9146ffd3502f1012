"""Teaching warnings for a bank that loads: question-writing habits that students learn to exploit.

The loader decides whether a file can be played; these rules only advise. Each finding points at a
line and says how to fix it. The rules are tuned to stay quiet on ordinary banks (the bundled banks
give none), so a warning is worth reading.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from quiz.bank.clean import DEFAULT_IGNORABLE, describe, looks, looks_alike
from quiz.bank.lint_text import (
    length,
    loose,
    refers_to_others,
    short,
    skeleton,
    spaces_matter,
    stray_invisible,
)
from quiz.bank.model import Bank, Problem, Question, Severity
from quiz.text.wording import Wording, said


@dataclass(frozen=True, slots=True)
class Rule:
    """One lint rule: its name (for options and JSON) and what it looks for."""

    name: str
    summary: str
    #: Only `quiz check --strict` runs it: a habit to ask of published banks, not of every draft.
    strict_only: bool = False


RULES: tuple[Rule, ...] = (
    Rule(
        "duplicate-question",
        "The same question text twice in a bank (ignoring case and spacing): students meet it "
        "twice and the scores mix up.",
    ),
    Rule(
        "all-of-the-above",
        "'All of the above', 'none of the above' and the like (English and Arabic) in a question "
        "whose choices are shuffled: 'above' stops meaning anything once the order changes.",
    ),
    Rule(
        "long-answer",
        "The right answer is more than 1.5 times as long as the longest distractor and at least "
        "15 characters longer: students learn to pick the longest choice.",
    ),
    Rule(
        "no-explanation",
        "A question without an explanation: students learn most from why an answer is right.",
    ),
    Rule(
        "near-duplicate-choice",
        "A distractor that differs from a right answer only in case, spaces or punctuation at the "
        "edges of words: two choices that look the same.",
    ),
    Rule(
        "shared-choices",
        "Two questions of a bank with the same set of choices (ignoring order and case; not "
        "two-choice questions such as true/false, nor scales kept in order): students answer one "
        "by elimination from the other.",
    ),
    Rule(
        "invisible-character",
        "An invisible character (a zero-width space, a soft hyphen, a variation selector...) in a "
        "choice or an id: two that look the same may differ, and what a student sees is not "
        "what is compared. Joiners inside words of scripts that use them are fine.",
    ),
    Rule(
        "look-alike-choice",
        "Two choices that differ only in compatibility forms (a ligature, full-width letters, a "
        "superscript): they may look the same.",
    ),
    Rule(
        "unclosed-code-block",
        "In a 'format: markdown' bank, a code block opened with ``` (or ~~~) and never closed: "
        "everything after it in the text shows as code.",
    ),
    Rule(
        "no-source",
        "A bank that says nowhere where its answers are settled: no 'source' at the top or on "
        "any question. Only under --strict.",
        strict_only=True,
    ),
)
RULE_NAMES: tuple[str, ...] = tuple(rule.name for rule in RULES)
#: The rules `quiz check` runs without --strict.
DEFAULT_RULES: tuple[str, ...] = tuple(rule.name for rule in RULES if not rule.strict_only)

#: "Much longer" for the long-answer rule: both must hold, so short choices (a number against
#: a word) and long ones (a sentence against a sentence) do not set it off by themselves.
LONG_RATIO = 1.5
LONG_MARGIN = 15

# Where `- question:` starts when a question's own column is unknown: two spaces, a dash, a space.
_QUESTION_COLUMN = 5


@dataclass(frozen=True, slots=True)
class Finding:
    """One warning before it is tied to a file name: which rule, where, and what to do."""

    rule: str
    line: int
    column: int
    wording: Wording

    @property
    def message(self) -> str:
        """What to do, in the current interface language."""
        return str(self.wording)

    def problem(self, name: str) -> Problem:
        """The finding as a warning about the file called `name`."""
        return Problem(name, self.line, self.column, Severity.WARNING, self.wording, self.rule)


def lint(bank: Bank, name: str, *, rules: Collection[str] = DEFAULT_RULES) -> list[Problem]:
    """The teaching warnings for a bank that loaded, in file order; `name` is the file's name."""
    return [f.problem(name) for f in findings(bank, rules=rules)]


def findings(bank: Bank, *, rules: Collection[str] = DEFAULT_RULES) -> list[Finding]:
    """What the chosen rules find in a bank, in file order."""
    unknown = set(rules) - set(RULE_NAMES)
    if unknown:
        raise ValueError(f"unknown lint rule {sorted(unknown)[0]!r}; the rules are {RULE_NAMES}")
    found: list[Finding] = []
    if "duplicate-question" in rules:
        found.extend(_duplicate_questions(bank.questions))
    if "shared-choices" in rules:
        found.extend(_shared_choices(bank.questions))
    if "no-source" in rules:
        found.extend(_no_source(bank))
    if "unclosed-code-block" in rules and bank.format == "markdown":
        found.extend(f for q in bank.questions for f in _unclosed_code_blocks(q))
    for question in bank.questions:
        for rule, check in _QUESTION_RULES:
            if rule in rules:
                found.extend(check(question))
    found.sort(key=lambda f: (f.line, f.column))
    return found


# -- positions -------------------------------------------------------------------------------------


def _at(question: Question) -> tuple[int, int]:
    """Where a question starts."""
    return question.line, getattr(question, "column", 0) or _QUESTION_COLUMN


def _choice_at(question: Question, index: int) -> tuple[int, int]:
    """Where one choice is written, when the loader recorded it; else where its question starts."""
    positions = getattr(question, "choice_positions", ())
    return positions[index] if positions else _at(question)


# -- the rules -------------------------------------------------------------------------------------


def _duplicate_questions(questions: Sequence[Question]) -> list[Finding]:
    first: dict[str, Question] = {}
    found = []
    for question in questions:
        key = " ".join(question.text.casefold().split())
        if key in first:
            found.append(
                Finding(
                    "duplicate-question",
                    *_at(question),
                    said("problem.lint.duplicate_question", first=first[key].line),
                )
            )
        else:
            first[key] = question
    return found


def _shared_choices(questions: Sequence[Question]) -> list[Finding]:
    first: dict[frozenset[str], Question] = {}
    found = []
    for question in questions:
        # Two choices (true/false, yes/no) and scales kept in order are meant to repeat.
        if len(question.choices) <= 2 or not question.shuffle:
            continue
        key = frozenset(" ".join(c.casefold().split()) for c in question.choices)
        if key in first:
            found.append(
                Finding(
                    "shared-choices",
                    *_at(question),
                    said("problem.lint.shared_choices", first=first[key].line),
                )
            )
        else:
            first[key] = question
    return found


def _no_source(bank: Bank) -> list[Finding]:
    if bank.source or any(q.source for q in bank.questions):
        return []
    return [
        Finding(
            "no-source",
            1,
            1,
            said("problem.lint.no_source"),
        )
    ]


def _all_of_the_above(question: Question) -> list[Finding]:
    if not question.shuffle:
        return []
    for index, choice in enumerate(question.choices):
        if refers_to_others(choice):
            return [
                Finding(
                    "all-of-the-above",
                    *_choice_at(question, index),
                    said("problem.lint.all_of_the_above", choice=short(choice)),
                )
            ]
    return []


def _long_answer(question: Question) -> list[Finding]:
    distractors = [c for c in question.choices if c not in question.answers]
    if not distractors or not question.answers:
        return []
    if min(len(a) for a in question.answers) < LONG_MARGIN:
        return []  # too short to be a cue whatever the distractors (a quick way out)
    answer = min(question.answers, key=length)
    longest = max(length(d) for d in distractors)
    size = length(answer)
    if size <= LONG_RATIO * longest or size - longest < LONG_MARGIN:
        return []
    if refers_to_others(answer):
        # "All of the above are correct" is long by nature, not as a cue.
        return []
    return [
        Finding(
            "long-answer",
            *_choice_at(question, question.choices.index(answer)),
            said(
                "problem.lint.long_answers" if question.multiple else "problem.lint.long_answer",
                size=size,
                longest=longest,
            ),
        )
    ]


def _no_explanation(question: Question) -> list[Finding]:
    if question.explanation:
        return []
    return [
        Finding(
            "no-explanation",
            *_at(question),
            said("problem.lint.no_explanation"),
        )
    ]


def _near_duplicate_choices(question: Question) -> list[Finding]:
    # Choices equal once loosened are equal as bare letters and digits too: compare those first,
    # which is quick, and loosen only the few that match.
    skeletons = {skeleton(a) for a in question.answers}
    suspects = [
        (index, choice)
        for index, choice in enumerate(question.choices)
        if choice not in question.answers and skeleton(choice) in skeletons
    ]
    if not suspects:
        return []
    answers = {loose(a): a for a in question.answers}
    spaced = {loose(a, spaces=True): a for a in question.answers}
    found = []
    for index, choice in suspects:
        key = loose(choice)
        if key and key in answers:
            if loose(choice, spaces=True) not in spaced and spaces_matter(
                question, choice, answers[key]
            ):
                # `0 1 2` and `012`, `a b` and `ab` after print(...): the spaces are the point.
                continue
            found.append(
                Finding(
                    "near-duplicate-choice",
                    *_choice_at(question, index),
                    said(
                        "problem.lint.near_duplicate",
                        choice=short(choice),
                        answer=short(answers[key]),
                    ),
                )
            )
    return found


def _invisible_characters(question: Question) -> list[Finding]:
    found = []
    if DEFAULT_IGNORABLE.search(question.id):
        char = DEFAULT_IGNORABLE.search(question.id)[0]  # type: ignore[index]
        found.append(
            Finding(
                "invisible-character",
                *_at(question),
                said("problem.lint.invisible_in_id", id=short(question.id), char=describe(char)),
            )
        )
    for index, choice in enumerate(question.choices):
        char = stray_invisible(choice)
        if char is not None:
            found.append(
                Finding(
                    "invisible-character",
                    *_choice_at(question, index),
                    said(
                        "problem.lint.invisible_in_choice",
                        choice=short(looks(choice)),
                        char=describe(char),
                    ),
                )
            )
    return found


def _look_alike_choices(question: Question) -> list[Finding]:
    if question.choices and all(c.isascii() for c in question.choices):
        return []
    first: dict[str, str] = {}
    found = []
    for index, choice in enumerate(question.choices):
        key = looks_alike(choice)
        if key in first and looks(first[key]) != looks(choice):
            found.append(
                Finding(
                    "look-alike-choice",
                    *_choice_at(question, index),
                    said(
                        "problem.lint.look_alike",
                        choice=short(choice),
                        other=short(first[key]),
                    ),
                )
            )
        else:
            first.setdefault(key, choice)
    return found


# A fence line of Markdown: up to three spaces, then three or more backticks or tildes.
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")


def _open_fence(text: str) -> str | None:
    """The fence of a code block a Markdown text opens and never closes, or None."""
    opened: str | None = None
    for line in text.split("\n"):
        found = _FENCE.fullmatch(line)
        if found is None:
            continue
        fence, rest = found[1], found[2]
        if opened is None:
            if not (fence[0] == "`" and "`" in rest):  # a backtick fence's info has none
                opened = fence
        elif fence[0] == opened[0] and len(fence) >= len(opened) and not rest.strip():
            opened = None
    return opened


def _unclosed_code_blocks(question: Question) -> list[Finding]:
    found = []
    for text in (question.text, question.explanation, *question.feedback):
        fence = _open_fence(text) if text else None
        if fence is not None:
            wording = said("problem.lint.unclosed_code_block", fence=fence)
            found.append(Finding("unclosed-code-block", *_at(question), wording))
            break
    return found


_QUESTION_RULES = (
    ("all-of-the-above", _all_of_the_above),
    ("long-answer", _long_answer),
    ("no-explanation", _no_explanation),
    ("near-duplicate-choice", _near_duplicate_choices),
    ("invisible-character", _invisible_characters),
    ("look-alike-choice", _look_alike_choices),
)
