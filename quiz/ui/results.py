"""The results screen: the score, the time, and every missed question with its answer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.i18n import separator, t, translatable
from quiz.session import Quiz
from quiz.ui.bidi_text import Stacked
from quiz.ui.display import bank_text, labelled, ui_line, ui_text
from quiz.ui.localize import localize


def duration(seconds: float) -> str:
    """A time taken, as a person says it: `45s`, `2m 05s`, `1h 02m`."""
    whole = round(seconds)
    if whole < 60:
        return t("duration.seconds", seconds=whole)
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return t("duration.minutes", minutes=minutes, seconds=secs)
    hours, minutes = divmod(minutes, 60)
    return t("duration.hours", hours=hours, minutes=minutes)


class ResultsScreen(Screen[None]):
    """Shows how a quiz went and offers what to do next."""

    BINDINGS = [
        Binding("r", "retry", translatable("footer.retry")),
        Binding("a", "again", translatable("footer.again")),
        Binding("h,escape", "home", translatable("footer.home")),
        Binding("q", "app.quit", translatable("footer.quit")),
    ]

    def __init__(self, quiz: Quiz) -> None:
        super().__init__(classes="results")
        localize(self)
        self.quiz = quiz

    def compose(self) -> ComposeResult:
        quiz = self.quiz
        percent = round(100 * quiz.correct / quiz.total) if quiz.total else 0
        with VerticalScroll(id="body"):
            language = quiz.bank.language
            yield Static(bank_text(quiz.bank.title, language), id="results-title")
            score = t(
                "results.score",
                correct=quiz.correct,
                total=quiz.total,
                percent=t("percent", value=percent),
            )
            time = t("results.time", time=duration(quiz.seconds))
            yield Static(ui_text(f"{score}   {time}"), id="score")
            missed = [
                (shown, outcome)
                for shown, outcome in zip(quiz.items, quiz.outcomes, strict=True)
                if outcome is not None and not outcome.correct
            ]
            if not missed:
                yield Static(ui_text(t("results.all_right")), id="all-right")
            else:
                yield Static(ui_text(t("results.missed", missed=len(missed))), id="missed-title")
                for shown, outcome in missed:
                    answers = separator().join(shown.choices[i] for i in sorted(shown.right))
                    picked = separator().join(shown.choices[i] for i in sorted(outcome.picked))
                    yield Static(
                        Stacked(
                            bank_text(shown.question.text, language, style="bold"),
                            labelled(
                                t("results.answer") + ": ",
                                answers,
                                language,
                                label_style="$text-success",
                            ),
                            labelled(
                                t("results.you_said") + ": ",
                                picked,
                                language,
                                label_style="$text-error",
                            ),
                        ),
                        classes="missed",
                    )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#body").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Dim "Retry missed" in the footer when nothing was missed.
        if action == "retry" and not self.quiz.missed():
            return None
        return True

    def action_retry(self) -> None:
        missed = self.quiz.missed()
        if not missed:
            self.notify(ui_line(t("results.nothing_missed")), markup=False)
            return
        self.app.start_quiz(self.quiz.bank, questions=missed, replace=True)  # type: ignore[attr-defined]

    def action_again(self) -> None:
        self.app.start_quiz(self.quiz.bank, count=self.quiz.total, replace=True)  # type: ignore[attr-defined]

    def action_home(self) -> None:
        self.app.go_home()  # type: ignore[attr-defined]
