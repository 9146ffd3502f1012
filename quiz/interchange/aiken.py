"""The Aiken format: a question line, lettered choices (`A)` or `A.`), then `ANSWER: B`.

Reading follows Moodle's importer (question/format/aiken/format.php), a little more forgiving: the
question may run over several lines, letters may be lower case, and `ANSWER: A, C` names several
right choices. Each question that Moodle would reject is skipped with a notice naming its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from quiz.bank.model import Bank, Problem
from quiz.interchange.importer import Draft, Imported, Importer, Progress, short, split_lines
from quiz.interchange.losses import Losses
from quiz.text.wording import said

HINT = said("aiken.hint")

_CHOICE = re.compile(r"([A-Za-z])(?:\)|\.(?=\s))\s*(.*)")
_ANSWER = re.compile(r"ANSWER\s*:\s*(.*)", re.IGNORECASE)
_LETTERS = re.compile(r"[A-Za-z][.)]?(?:\s*[,;&\s]\s*[A-Za-z][.)]?)*")


@dataclass(slots=True)
class _Open:
    """A question being read: its text lines, then its choices."""

    line: int
    text: list[str]
    choices: list[tuple[str, str]] = field(default_factory=list)
    #: Whether a blank line ended the text (so a new text line starts another question).
    closed: bool = False


def read(path: Path, text: str, progress: Progress | None = None) -> Imported:
    """Import the questions of an Aiken file, skipping each bad one with a notice."""
    importer = Importer(path, progress)
    lines = split_lines(text)
    total = len(lines)
    current: _Open | None = None
    orphan = False  # choice lines with no question: reported once, until the next question

    def incomplete(question: _Open) -> None:
        if question.choices:
            importer.skip(question.line, said("aiken.no_answer_line"))
        else:
            importer.skip(question.line, said("aiken.no_choices"))

    for number, raw in enumerate(lines, 1):
        line = raw.replace("\ufeff", "").strip()
        if not line:
            if current is not None and not current.choices:
                current.closed = True
            continue
        answer = _ANSWER.fullmatch(line)
        if answer:
            if current is None:
                if not orphan:
                    importer.skip(number, said("aiken.answer_alone"))
                orphan = False
                continue
            _finish(importer, current, answer[1].strip(), number)
            importer.tick(number, total)
            current = None
            continue
        choice = _CHOICE.fullmatch(line)
        if choice and current is not None:
            current.choices.append((choice[1].upper(), choice[2]))
            continue
        if choice and current is None:
            if not orphan:
                importer.skip(number, said("aiken.choice_alone"))
                orphan = True
            continue
        if current is not None and not current.choices and not current.closed:
            current.text.append(line)
            continue
        if current is not None:
            incomplete(current)
        current = _Open(number, [line])
        orphan = False
    if current is not None:
        incomplete(current)
    if progress is not None:
        progress(total, total)
    return importer.finish("", HINT)


def _finish(importer: Importer, question: _Open, answer: str, number: int) -> None:
    """Check a question at its ANSWER line and add it, or skip it with the reason."""
    line = question.line
    if len(question.choices) < 2:
        importer.skip(line, said("aiken.too_few_choices", count=len(question.choices)))
        return
    if not _LETTERS.fullmatch(answer):
        importer.skip(line, said("aiken.not_a_letter", answer=short(answer, 20), line=number))
        return
    letters = [c.upper() for c in re.findall(r"[A-Za-z]", answer)]
    labels = [label for label, _ in question.choices]
    twice = next((label for label in labels if labels.count(label) > 1), None)
    if twice:
        importer.skip(line, said("aiken.letter_twice", letter=twice))
        return
    missing = [letter for letter in letters if letter not in labels]
    if missing:
        importer.skip(
            line,
            said(
                "aiken.not_a_choice",
                answer=answer,
                line=number,
                letter=missing[0],
                letters=tuple(labels),
            ),
        )
        return
    importer.add(
        Draft(
            line=line,
            text="\n".join(question.text),
            choices=[text for _, text in question.choices],
            right=[label in letters for label in labels],
        )
    )


def write(bank: Bank) -> tuple[str, list[Problem]]:
    """The bank as Aiken text, with notices for what Aiken cannot hold (each kind said once)."""
    out: list[str] = []
    losses = Losses(bank)
    if not bank.shuffle:
        losses.of_bank(said("aiken.bank_order"))
    if bank.markdown:
        losses.of_bank(said("export.markdown_as_written", system="Aiken"))
    for question in bank.questions:
        if question.multiple:
            losses.of(question, said("aiken.several_right"))
            continue
        text = " ".join(question.text.split())
        if _CHOICE.fullmatch(text) or _ANSWER.fullmatch(text):
            losses.of(question, said("aiken.read_as_syntax"))
            continue
        if "\n" in question.text or any("\n" in c for c in question.choices):
            losses.of(question, said("aiken.line_breaks"))
        if question.feedback:
            losses.of(question, said("export.no_feedback", system="Aiken"))
        if question.explanation:
            losses.of(question, said("export.no_explanation", system="Aiken"))
        if question.source:
            losses.of(question, said("export.no_source", system="Aiken"))
        if not question.shuffle:
            losses.of(question, said("aiken.choice_order"))
        out.append(text)
        for index, choice in enumerate(question.choices):
            out.append(f"{chr(ord('A') + index)}) {' '.join(choice.split())}")
        out.append(f"ANSWER: {chr(ord('A') + question.choices.index(question.answers[0]))}")
        out.append("")
    return "\n".join(out), losses.notices()
