"""Spreadsheets saved as CSV: a header row naming the columns, then one question a row.

The columns are `question`, `choice 1` to `choice 10`, `answer`, and optionally `explanation`,
`source`, `tags`, `id` and `feedback 1` to `feedback 10`. Header names are read loosely
(`Choice1`, `option_a`, `Option A`, `correct answer`, and the Arabic السؤال, الخيار 1, الإجابة,
الشرح, المصدر, الوسوم). The delimiter (comma, semicolon or tab) is found from the header row.
`answer` is the right choice's text, its letter (A-J, or أ ب ج د) or its number (1-10); several
right answers are separated by `;` or `|`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from quiz.bank.loader import MAX_CHOICES
from quiz.bank.model import Severity
from quiz.interchange.importer import (
    Draft,
    Imported,
    Importer,
    InterchangeError,
    Progress,
    short,
    split_lines,
    tidy,
)
from quiz.text.wording import Wording, said

HINT = said("csv.hint")
HEADER = said("csv.header")

_SINGLE = {
    "question": ("question", "questiontext", "questions", "stem", "السؤال"),
    "answer": (
        "answer",
        "answers",
        "correct",
        "correctanswer",
        "correctanswers",
        "rightanswer",
        "rightanswers",
        "key",
        "answerkey",
        "الإجابة",
        "الاجابة",
        "الجواب",
        "الإجابةالصحيحة",
    ),
    "explanation": ("explanation", "generalfeedback", "rationale", "الشرح", "التفسير"),
    "source": ("source", "reference", "المصدر", "المرجع"),
    "tags": ("tags", "tag", "category", "categories", "الوسوم"),
    "id": ("id",),
}
_ROLE_OF = {name: role for role, names in _SINGLE.items() for name in names}
_NUMBERED = re.compile(
    r"(choice|choices|option|options|answer|answeroption|distractor|feedback|الخيار|خيار)?"
    r"([0-9\u0660-\u0669]{1,2}|[a-j])"
)
_ARABIC_LETTERS = {
    "أ": 1,
    "ا": 1,
    "ب": 2,
    "ج": 3,
    "د": 4,
    "ه": 5,
    "هـ": 5,
    "و": 6,
    "ز": 7,
    "ح": 8,
    "ط": 9,
    "ي": 10,
}


def _role(header: str) -> tuple[str, int] | None:
    """What a column holds, from its header: ("choice", 3), ("answer", 0)... or None."""
    compact = re.sub(r"[\s_\-.:#()]+", "", header.replace("\ufeff", "").lower())
    if compact in _ROLE_OF:
        return _ROLE_OF[compact], 0
    numbered = _NUMBERED.fullmatch(compact)
    if numbered is None:
        return None
    mark = numbered[2]
    number = int(mark) if mark.isdigit() else ord(mark) - ord("a") + 1
    if not 1 <= number <= MAX_CHOICES:
        return None
    return ("feedback" if numbered[1] == "feedback" else "choice"), number


def _delimiter(path: Path, text: str) -> str:
    """The delimiter that splits the header row into the most known columns."""
    if path.suffix.lower() == ".tsv":
        return "\t"
    first = next((line for line in split_lines(text)[:100] if line.strip()), "")
    best, best_known = ",", -1
    for delimiter in (",", ";", "\t"):
        cells = next(csv.reader([first], delimiter=delimiter), [])
        roles = [_role(cell) for cell in cells]
        known = sum(role is not None for role in roles)
        if any(role and role[0] == "question" for role in roles) and known > best_known:
            best, best_known = delimiter, known
    return best


def looks_like_csv(path: Path, text: str) -> bool:
    """Whether the first row of a file is a header this reader understands."""
    first = next((line for line in split_lines(text)[:100] if line.strip()), "")
    cells = next(csv.reader([first], delimiter=_delimiter(path, text)), [])
    roles = {role[0] for role in map(_role, cells) if role}
    return {"question", "answer", "choice"} <= roles


def read(path: Path, text: str, progress: Progress | None = None) -> Imported:
    """Import the rows of a CSV file, skipping each bad row with a notice naming its line."""
    importer = Importer(path, progress)
    lines = split_lines(text)
    total = len(lines)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(path, text))
    try:
        columns, width = _header(path, importer, reader)
        previous = line = reader.line_num
        for row in reader:
            line, previous = previous + 1, reader.line_num
            if any(cell.strip() for cell in row):
                _row(importer, columns, width, row, line)
                importer.tick(line, total)
        # A quote left open swallows the rest of the file into one cell without a csv error.
        if "\n".join(lines[line - 1 :]).count('"') % 2:
            importer.notice(line, said("csv.open_quote"), Severity.ERROR)
    except csv.Error as error:
        where = f"{path}:{reader.line_num}"
        raise InterchangeError(
            said("csv.cannot_read", where=where, error=str(error)), importer.notices
        ) from None
    if progress is not None:
        progress(total, total)
    return importer.finish("", HINT)


class _Rows(Protocol):
    """A csv reader: rows, and the number of lines read so far."""

    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


def _header(
    path: Path, importer: Importer, reader: _Rows
) -> tuple[dict[tuple[str, int], int], int]:
    """The column of each role, from the first non-empty row, and how many columns it names."""
    for row in reader:
        if any(cell.strip() for cell in row):
            break
    else:
        raise InterchangeError(said("csv.empty", path=str(path), header=HEADER))
    line = reader.line_num
    columns: dict[tuple[str, int], int] = {}
    for index, cell in enumerate(row):
        role = _role(cell)
        if role is None:
            if cell.strip():
                unused = said("csv.column_not_used", name=short(cell, 30))
                importer.notice(line, unused, column=index + 1)
            continue
        if role in columns:
            raise InterchangeError(
                said(
                    "csv.same_column",
                    where=f"{path}:{line}",
                    first=columns[role] + 1,
                    second=index + 1,
                    name=_describe(role),
                )
            )
        columns[role] = index
    needed = [name for name in ("question", "answer") if (name, 0) not in columns]
    if needed or sum(role[0] == "choice" for role in columns) < 2:
        missing = tuple(f"'{n}'" for n in needed) or said("csv.two_choices")
        raise InterchangeError(
            said("csv.no_column", where=f"{path}:{line}", missing=missing, header=HEADER)
        )
    return columns, len(row)


def _describe(role: tuple[str, int]) -> str:
    return f"{role[0]} {role[1]}" if role[1] else role[0]


def _row(
    importer: Importer, columns: dict[tuple[str, int], int], width: int, row: list[str], line: int
) -> None:
    def cell(role: tuple[str, int]) -> str:
        index = columns.get(role)
        return row[index] if index is not None and index < len(row) else ""

    extra = sum(1 for cell_text in row[width:] if cell_text.strip())
    if extra:
        importer.notice(line, said("csv.extra_cells", count=extra))
    choices = {
        number: tidy(cell(("choice", number)))[0]
        for kind, number in sorted(columns)
        if kind == "choice"
    }
    choices = {number: text for number, text in choices.items() if text}
    if not tidy(cell(("question", 0)))[0]:
        importer.skip(line, said("csv.no_question"))
        return
    found = _answers(cell(("answer", 0)), choices)
    if isinstance(found, Wording):
        importer.skip(line, found)
        return
    right, warnings = found
    for warning in warnings:
        importer.notice(line, warning)
    tags = tuple(t.strip() for t in re.split(r"[,;،؛]", cell(("tags", 0))) if t.strip())
    importer.add(
        Draft(
            line=line,
            text=cell(("question", 0)),
            choices=list(choices.values()),
            right=[number in right for number in choices],
            feedback=[cell(("feedback", number)) for number in choices],
            explanation=cell(("explanation", 0)),
            source=cell(("source", 0)),
            tags=tags,
            name=cell(("id", 0)).strip(),
        )
    )


def _label(part: str) -> int | None:
    """The choice number a letter (A-J, أ-ي) or number (1-10) names, or None."""
    part = part.strip().strip("()").rstrip(".").strip()
    if part in _ARABIC_LETTERS:
        return _ARABIC_LETTERS[part]
    if len(part) == 1 and part.isascii() and part.isalpha():
        number = ord(part.upper()) - ord("A") + 1
        return number if number <= MAX_CHOICES else None
    if part.isdecimal() and 1 <= int(part) <= MAX_CHOICES:
        return int(part)
    return None


def _answers(value: str, choices: dict[int, str]) -> tuple[set[int], list[Wording]] | Wording:
    """The numbers of the right choices and any warnings, or why the answer cannot be read."""
    value = tidy(value)[0]
    if not value:
        return said("csv.no_answer")
    by_text: dict[str, int] = {}
    by_folded: dict[str, int] = {}
    for number, text in choices.items():
        by_text.setdefault(text, number)
        by_folded.setdefault(" ".join(text.casefold().split()), number)
    if value in by_text:
        parts = [value]
    else:
        parts = [p.strip() for p in re.split(r"[;|؛]", value) if p.strip()]
        labels = [p for p in re.split(r"[\s,،]+", value) if p]
        if len(parts) == 1 and len(labels) > 1 and all(_label(p) for p in labels):
            parts = labels
    # A cell whose parts are all choice texts is read as texts, one whose parts are all letters or
    # numbers as those: "1 | 3" names choices 1 and 3 even when one choice's text is "3".
    as_text = all(part in by_text for part in parts)
    as_label = not as_text and all(_label(part) in choices for part in parts)
    right: set[int] = set()
    warnings: list[Wording] = []
    for part in parts:
        label = _label(part)
        text_number = by_text.get(part)
        if as_label or (text_number is None and label is not None):
            if label not in choices:
                return said("csv.empty_choice", answer=part, number=label)
            number = label
            if text_number is not None and text_number != label:
                warnings.append(
                    said("csv.read_as_number", answer=part, number=label, other=text_number)
                )
        elif text_number is not None:
            number = text_number
            if as_text and label is not None and label != number and label in choices:
                warnings.append(said("csv.read_as_text", answer=part, number=number, other=label))
        elif " ".join(part.casefold().split()) in by_folded:
            number = by_folded[" ".join(part.casefold().split())]
        else:
            return said("csv.not_a_choice", answer=short(part, 30))
        right.add(number)
    return right, warnings
