"""The one base of every error a user can cause and fix: the command line reports it in one line."""

from __future__ import annotations

from collections.abc import Sequence


class QuizError(Exception):
    """A problem with a file, a database or an option that the user can fix.

    `str()` is one line saying where and how to fix it, in the current interface language (a
    message may be a wording, quiz.text.wording, written out when it is read); `notices` are
    lines found on the way (such as each question an import had to skip), printed before it.
    """

    def __init__(self, message: object, notices: Sequence[object] = ()) -> None:
        super().__init__(message)
        self.notices: list = list(notices)

    def __str__(self) -> str:
        # Messages can carry text from files and OS errors; the contract is one line.
        return " ".join(str(self.args[0]).split())
