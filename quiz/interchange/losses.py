"""What an export could not keep, said once for each kind of loss with the questions it hit.

Sixteen questions whose explanation Aiken cannot hold make one notice, "16 questions: Aiken
cannot hold the explanation (lines 3, 9, 15, 21, 27 and 11 more)", not sixteen identical lines.
"""

from __future__ import annotations

from quiz.bank.model import Bank, Problem, Question, Severity
from quiz.interchange.importer import short
from quiz.text.wording import Wording, said

#: How many line numbers a notice lists before it says "and N more".
SHOWN_LINES = 5


class Losses:
    """Collects what an export of one bank loses, grouped by what is lost."""

    def __init__(self, bank: Bank) -> None:
        self.path = str(bank.path)
        self._bank: list[Wording] = []
        self._questions: dict[Wording, list[Question]] = {}

    def of_bank(self, message: Wording) -> None:
        """Something the format cannot keep for the bank as a whole."""
        self._bank.append(message)

    def of(self, question: Question, message: Wording) -> None:
        """Something the format cannot keep for one question; the same message is said once."""
        self._questions.setdefault(message, []).append(question)

    def notices(self) -> list[Problem]:
        """One notice for the bank's losses each, then one for each kind of question loss."""
        found: list[Problem] = []
        for message, questions in self._questions.items():
            first = questions[0]
            text: Wording
            if len(questions) == 1:
                text = said("export.loss_of_one", question=short(first.text), loss=message)
            else:
                lines = tuple(q.line for q in questions[:SHOWN_LINES])
                more = len(questions) - len(lines)
                listed = said("export.lines_and_more", lines=lines, more=more) if more else lines
                text = said("export.loss_of_many", count=len(questions), loss=message, lines=listed)
            found.append(Problem(self.path, first.line, 1, Severity.WARNING, text))
        found.sort(key=lambda p: p.line)
        bank = [Problem(self.path, 1, 1, Severity.WARNING, message) for message in self._bank]
        return bank + found
