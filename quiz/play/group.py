"""The sessions of one run over several banks (review and study): one session per bank."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from quiz.store import Store


class SessionGroup:
    """The sessions of one run over several banks: one per bank, started at its first answer
    (the first one: when the run began).

    Review and study may take questions from many banks; each bank's answers go to a session of
    that bank, so the scores stay per bank.
    """

    def __init__(
        self,
        store: Store,
        *,
        mode: str,
        profile: str,
        planned: dict[str, int],
        now: Callable[[], datetime],
    ) -> None:
        self.store = store
        self.mode = mode
        self.profile = profile
        self.planned = planned
        self.now = now
        #: The session of each bank that has had an answer, by bank path.
        self.ids: dict[str, int] = {}
        self.counts: dict[str, int] = {}
        #: When the run began: its first session starts then, so the time spent on the first
        #: question counts (quiz.progress.stats_time); the others start at their first answer.
        self.opened = now()

    def session_for(self, bank: str, title: str) -> int:
        """Return the session of a bank, starting it now if it has none yet."""
        if bank not in self.ids:
            self.ids[bank] = self.store.start_session(
                bank=bank,
                title=title,
                planned=self.planned.get(bank, 0),
                mode=self.mode,
                profile=self.profile,
                now=self.now() if self.ids else min(self.opened, self.now()),
            )
        self.counts[bank] = self.counts.get(bank, 0) + 1
        return self.ids[bank]

    def finish(self, *, fix_planned: bool = False) -> None:
        """End every session started (with planned set to what was answered, if asked)."""
        # Together, in one transaction: the sessions of a run share their time (stats_time).
        self.store.finish_sessions(
            {
                session_id: self.counts.get(bank, 0) if fix_planned else None
                for bank, session_id in self.ids.items()
            },
            now=self.now(),
        )
