"""Kahoot's spreadsheet template: a bank as the .xlsx file Kahoot's "Import spreadsheet" reads.

The sheet is laid out as Kahoot's own template (KahootQuizTemplate.xlsx): its instructions in
rows 2-6, the column headers in row 8, then one question a row from row 9: its number, the
question (at most 120 characters), 2 to 4 answers (at most 75 each), the time limit (5, 10, 20,
30, 60, 90, 120 or 240 seconds) and the numbers of the right answers ("1,3"). Kahoot reads .xlsx
only, not CSV (its template says so), so the file is written with XlsxWriter, a small pure-Python
library. Every cell of text is written as a string, never as a formula or a number.
"""

from __future__ import annotations

import io
from datetime import datetime

from quiz.bank.model import Bank, Problem, Question
from quiz.interchange.losses import Losses
from quiz.text.wording import said

#: Kahoot's limits, from its template.
QUESTION_LENGTH = 120
ANSWER_LENGTH = 75
MAX_ANSWERS = 4
#: What Kahoot's own template is, in the notices of what it cannot hold.
_SHEET = said("export.kahoot_sheet")

INSTRUCTIONS = (
    "Quiz template",
    "Add questions, at least two answer alternatives, time limit and choose correct answers "
    "(at least one). Have fun creating your awesome quiz!",
    "Remember: questions have a limit of 120 characters and answers can have 75 characters max. "
    "Text will turn red in Excel or Google Docs if you exceed this limit. If several answers are "
    "correct, separate them with a comma.",
    "See an example question below (don't forget to overwrite this with your first question!)",
    "And remember, if you're not using Excel you need to export to .xlsx format before you "
    "upload to Kahoot!",
)
HEADERS = (
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
#: The sheet's rows, counted from 0 as XlsxWriter does: headers on row 8, questions from row 9.
HEADER_ROW = 7
FIRST_ROW = 8


def write(bank: Bank, time_limit: int = 20) -> tuple[bytes, list[Problem]]:
    """The bank as Kahoot's .xlsx template, and a notice for each question that did not fit."""
    import xlsxwriter

    losses = Losses(bank)
    if bank.markdown:
        losses.of_bank(said("export.markdown_as_written", system="Kahoot"))
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer,
        {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False},
    )
    # A fixed date: the same bank always gives the same file.
    workbook.set_properties({"title": bank.title, "created": datetime(2000, 1, 1)})
    sheet = workbook.add_worksheet("Sheet1")
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    sheet.set_column(1, 1, 60)
    sheet.set_column(2, 5, 30)
    sheet.set_column(6, 7, 18)
    for row, text in enumerate(INSTRUCTIONS, 1):
        sheet.write_string(row, 1, text)
    for column, text in enumerate(HEADERS, 1):
        sheet.write_string(HEADER_ROW, column, text, bold)
    row = FIRST_ROW
    for question in bank.questions:
        fitted = _fit(question, losses)
        if fitted is None:
            continue
        text, answers, right = fitted
        sheet.write_number(row, 0, row - FIRST_ROW + 1)
        sheet.write_string(row, 1, text, wrap)
        for column, answer in enumerate(answers, 2):
            sheet.write_string(row, column, answer, wrap)
        sheet.write_number(row, 6, time_limit)
        sheet.write_string(row, 7, ",".join(str(n) for n in right))
        row += 1
    workbook.close()
    return buffer.getvalue(), losses.notices()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _fit(question: Question, losses: Losses) -> tuple[str, list[str], list[int]] | None:
    """The question, its answers and the right ones' numbers as Kahoot holds them, or None
    (with a notice) when it does not fit."""
    text = _one_line(question.text)
    if "\n" in question.text or any("\n" in c for c in question.choices):
        losses.of(question, said("kahoot.line_breaks"))
    if len(text) > QUESTION_LENGTH:
        losses.of(question, said("kahoot.long_question", length=len(text), limit=QUESTION_LENGTH))
        return None
    long = [c for c in question.choices if len(_one_line(c)) > ANSWER_LENGTH]
    if long:
        losses.of(
            question,
            said(
                "kahoot.long_answer",
                answer=long[0][:30],
                length=len(_one_line(long[0])),
                limit=ANSWER_LENGTH,
            ),
        )
        return None
    if len(question.answers) > MAX_ANSWERS:
        losses.of(
            question, said("kahoot.too_many_right", right=len(question.answers), limit=MAX_ANSWERS)
        )
        return None
    choices = list(question.choices)
    if len(choices) > MAX_ANSWERS:
        # Keep every right answer and the first wrong ones, in the bank's order.
        room = MAX_ANSWERS - len(question.answers)
        wrong = [c for c in choices if c not in question.answers]
        dropped = wrong[room:]
        choices = [c for c in choices if c not in dropped]
        names = tuple(f"'{_one_line(c)[:30]}'" for c in dropped)
        losses.of(
            question,
            said("kahoot.wrong_left_out", limit=MAX_ANSWERS, count=len(dropped), names=names),
        )
    if question.explanation:
        losses.of(question, said("export.no_explanation", system=_SHEET))
    if question.feedback:
        losses.of(question, said("export.no_feedback", system=_SHEET))
    if question.source:
        losses.of(question, said("export.no_source", system=_SHEET))
    right = [n for n, choice in enumerate(choices, 1) if choice in question.answers]
    return text, [_one_line(c) for c in choices], right
