"""The study screen: spaced repetition, one card at a time, with when each card comes back."""

from __future__ import annotations

from datetime import datetime

from textual.binding import Binding
from textual.widgets import Static

from quiz.play.run import Outcome
from quiz.play.study import Study
from quiz.store import StoreError
from quiz.text.i18n import t, translatable
from quiz.ui.display import ui_text
from quiz.ui.question import QuestionScreen


def wait_in(due: datetime, now: datetime) -> str:
    """How long until a card is due, in the interface language: "10 minutes", "3 days"."""
    minutes = max(0, round((due - now).total_seconds() / 60))
    if minutes < 60:
        return t("wait.minutes", count=minutes)
    hours = round(minutes / 60)
    if hours < 24:
        return t("wait.hours", count=hours)
    days = round(hours / 24)
    if days < 60:
        return t("wait.days", count=days)
    return t("wait.months", count=round(days / 30))


class StudyScreen(QuestionScreen[Study]):
    """Asks the due and new cards of a study session; "I don't know" is a key of its own."""

    BINDINGS = [Binding("d", "dont_know", translatable("footer.dont_know"))]

    def status(self) -> str:
        counts = self.quiz.counts()
        return t(
            "study.status",
            due=counts.due,
            new=counts.new,
            learning=counts.learning,
            correct=self.quiz.correct,
            answered=self.quiz.answered,
        )

    def action_dont_know(self) -> None:
        if self.quiz.current_outcome is None:
            try:
                outcome = self.quiz.dont_know()
            except StoreError as error:
                self.quiz_app.not_saved(error)
                return
            self.show_outcome(outcome)

    def feedback(self, outcome: Outcome) -> list[Static]:
        parts = super().feedback(outcome)
        schedule = self.quiz.current_schedule
        if schedule is not None:
            when = wait_in(schedule.due, self.quiz.now())
            line = Static(ui_text(t("study.next", wait=when), style="$text-muted"))
            line.add_class("feedback-part")
            parts.insert(1, line)
        return parts
