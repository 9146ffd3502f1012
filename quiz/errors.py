"""The one base of every error a user can cause and fix: the command line reports it in one line."""

from __future__ import annotations

from collections.abc import Sequence


class QuizError(Exception):
    """A problem with a file, a database or an option that the user can fix.

    `str()` is one line saying where and how to fix it; `notices` are lines found on the way
    (such as each question an import had to skip), printed before it.
    """

    def __init__(self, message: str, notices: Sequence[object] = ()) -> None:
        # Messages can carry text from files and OS errors; the contract is one line.
        super().__init__(" ".join(str(message).split()))
        self.notices: list = list(notices)
