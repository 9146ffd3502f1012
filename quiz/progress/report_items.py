"""The item, distractor and test analysis of one bank's answers, as dataclasses.

The statistics are quiz.progress.items; this module lays a bank's responses out for them: the
students x items matrix, each student's test and rest scores, the upper and lower 27% groups.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from quiz.progress import items as ctt
from quiz.progress.export import JOIN

#: One question's responses: {student: (right, picked)}, its choice texts, right and answers.
Responses = tuple[Mapping[str, tuple[bool, str]], Sequence[str], int, int]


@dataclass(frozen=True, slots=True)
class ChoiceAnalysis:
    """How one choice of a question was picked, and whether it works."""

    text: str
    key: bool
    #: Students who picked it, overall and in the upper and lower 27% groups.
    picked: int
    upper: int
    lower: int
    #: Correlation of picking it with the rest score; None for too few students.
    discrimination: float | None
    #: "not working: picked by nobody", "possibly the right answer: check the key", ... or None.
    flag: str | None


@dataclass(frozen=True, slots=True)
class ItemAnalysis:
    """The classical item analysis of one question (see quiz.progress.items)."""

    number: int
    students: int
    facility: float
    sd: float | None
    discrimination: float | None
    efficiency: float | None
    d27: float | None
    flags: tuple[str, ...]
    choices: tuple[ChoiceAnalysis, ...]


@dataclass(frozen=True, slots=True)
class TestAnalysis:
    """The figures of one bank as a test: scores are the number of its items right."""

    students: int
    items: int
    mean: float | None
    median: float | None
    sd: float | None
    skewness: float | None
    kurtosis: float | None
    alpha: float | None
    alpha_ci: tuple[float, float] | None
    sem: float | None
    reading: str


def _group_size(n: int) -> int:
    return max(1, math.floor(ctt.GROUP_SHARE * n + 0.5))


def analyse_test(
    questions: Mapping[str, Responses],
) -> tuple[TestAnalysis, dict[str, ItemAnalysis]]:
    """Analyse one bank: {question_id: responses} to its test figures and each item's."""
    students = sorted({name for first, *_ in questions.values() for name in first})
    total = {
        name: sum(1 for first, *_ in questions.values() if first.get(name, (False, ""))[0])
        for name in students
    }
    items = {}
    for number, (qid, (first, choices, right, answers)) in enumerate(questions.items(), 1):
        items[qid] = _item(number, first, choices, right, answers, total)
    scores = [float(total[name]) for name in students]
    n, k = len(students), len(questions)
    matrix = [
        [1.0 if questions[q][0].get(name, (False, ""))[0] else 0.0 for q in questions]
        for name in students
    ]
    alpha = ctt.cronbach_alpha(matrix)
    variance = ctt.sample_variance(scores)
    sd = None if variance is None else math.sqrt(variance)
    test = TestAnalysis(
        students=n,
        items=k,
        mean=ctt.mean(scores) if scores else None,
        median=ctt.median(scores) if scores else None,
        sd=sd,
        skewness=ctt.skewness(scores),
        kurtosis=ctt.kurtosis(scores),
        alpha=alpha,
        alpha_ci=None if alpha is None else ctt.feldt_interval(alpha, n, k),
        sem=None if alpha is None or sd is None or alpha > 1 else sd * math.sqrt(1 - alpha),
        reading=ctt.alpha_reading(alpha),
    )
    return test, items


def _item(
    number: int,
    first: Mapping[str, tuple[bool, str]],
    shown: Sequence[str],
    right: int,
    answers: int,
    total: Mapping[str, int],
) -> ItemAnalysis:
    names = sorted(first)
    n = len(names)
    xs = [1.0 if first[name][0] else 0.0 for name in names]
    rest = [total[name] - x for name, x in zip(names, xs, strict=True)]
    facility = right / answers if answers else 0.0
    variance = ctt.sample_variance(xs)
    enough = n >= ctt.MIN_STUDENTS
    discrimination = ctt.correlation(xs, rest) if enough else None
    efficiency = ctt.efficiency(xs, rest) if enough else None
    # The upper and lower 27% by test score; ties broken by name, so the groups are repeatable.
    ranked = sorted(names, key=lambda name: (-total[name], name))
    size = _group_size(n)
    upper, lower = set(ranked[:size]), set(ranked[-size:])
    d27 = None
    if enough:
        d27 = (sum(first[name][0] for name in upper) - sum(first[name][0] for name in lower)) / size
    picks = {name: set(first[name][1].split(JOIN)) - {""} for name in names}
    key = {text for name in names if first[name][0] for text in picks[name]}
    texts = list(shown)
    for name in names:
        texts.extend(sorted(t for t in picks[name] if t not in texts))
    choices = []
    for text in dict.fromkeys(texts):
        picked_by = [1.0 if text in picks[name] else 0.0 for name in names]
        r = ctt.correlation(picked_by, rest) if enough else None
        flag = None
        is_key = text in key
        # Nobody right: the key is not known from the answers, so no choice is judged.
        if key and not is_key and n:
            share = sum(picked_by) / n
            if share == 0:
                flag = "not working: picked by nobody"
            elif r is not None and r > 0 and discrimination is not None and discrimination < 0:
                flag = "possibly the right answer: check the key"
            elif share < ctt.RARE_PICK:
                flag = "not working: picked by under 5%"
            elif r is not None and r > 0:
                flag = "not working: strong students pick it"
        choices.append(
            ChoiceAnalysis(
                text=text,
                key=is_key,
                picked=int(sum(picked_by)),
                upper=sum(1 for name in upper if text in picks[name]),
                lower=sum(1 for name in lower if text in picks[name]),
                discrimination=r,
                flag=flag,
            )
        )
    return ItemAnalysis(
        number=number,
        students=n,
        facility=facility,
        sd=None if variance is None else math.sqrt(variance),
        discrimination=discrimination,
        efficiency=efficiency,
        d27=d27,
        flags=tuple(ctt.item_flags(facility, discrimination, efficiency)),
        choices=tuple(choices),
    )
