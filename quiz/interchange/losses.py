"""What an export could not keep, said once for each kind of loss with the questions it hit.

Sixteen questions whose explanation Aiken cannot hold make one notice, "16 questions: Aiken
cannot hold the explanation (lines 3, 9, 15, 21, 27 and 11 more)", not sixteen identical lines.
"""

from __future__ import annotations

from quiz.bank.model import Bank, Problem, Question, Severity
from quiz.interchange.importer import short
from quiz.text.counts import count

#: How many line numbers a notice lists before it says "and N more".
SHOWN_LINES = 5


class Losses:
    """Collects what an export of one bank loses, grouped by what is lost."""

    def __init__(self, bank: Bank) -> None:
        self.path = str(bank.path)
        self._bank: list[str] = []
        self._questions: dict[str, list[Question]] = {}

    def of_bank(self, message: str) -> None:
        """Something the format cannot keep for the bank as a whole."""
        self._bank.append(message)

    def of(self, question: Question, message: str) -> None:
        """Something the format cannot keep for one question; the same message is said once."""
        self._questions.setdefault(message, []).append(question)

    def notices(self) -> list[Problem]:
        """One notice for the bank's losses each, then one for each kind of question loss."""
        found: list[Problem] = []
        for message, questions in self._questions.items():
            first = questions[0]
            if len(questions) == 1:
                text = f"question '{short(first.text)}': {message}"
            else:
                lines = [str(q.line) for q in questions[:SHOWN_LINES]]
                more = len(questions) - len(lines)
                listed = ", ".join(lines) + (f" and {more} more" if more else "")
                text = f"{count(len(questions), 'question')}: {message} (lines {listed})"
            found.append(Problem(self.path, first.line, 1, Severity.WARNING, text))
        found.sort(key=lambda p: p.line)
        bank = [Problem(self.path, 1, 1, Severity.WARNING, message) for message in self._bank]
        return bank + found
