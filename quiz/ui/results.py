"""The results screen: the score, the time, and every missed question with its answer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.session import Quiz


def duration(seconds: float) -> str:
    """A time taken, as a person says it: `45s`, `2m 05s`, `1h 02m`."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole}s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes}m {secs:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes:02d}m"


class ResultsScreen(Screen[None]):
    """Shows how a quiz went and offers what to do next."""

    BINDINGS = [
        Binding("r", "retry", "Retry missed"),
        Binding("a", "again", "Play again"),
        Binding("h,escape", "home", "Home"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, quiz: Quiz) -> None:
        super().__init__(classes="results")
        self.quiz = quiz

    def compose(self) -> ComposeResult:
        quiz = self.quiz
        percent = round(100 * quiz.correct / quiz.total) if quiz.total else 0
        with VerticalScroll(id="body"):
            yield Static(Content(quiz.bank.title), id="results-title")
            yield Static(
                Content.from_markup(
                    "[bold]Score $score ($percent%)[/]   Time $time",
                    score=f"{quiz.correct}/{quiz.total}",
                    percent=str(percent),
                    time=duration(quiz.seconds),
                ),
                id="score",
            )
            missed = [
                (shown, outcome)
                for shown, outcome in zip(quiz.items, quiz.outcomes, strict=True)
                if outcome is not None and not outcome.correct
            ]
            if not missed:
                yield Static("Every question right. Well done!", id="all-right")
            else:
                yield Static(f"Missed ({len(missed)}):", id="missed-title")
                for shown, outcome in missed:
                    answers = ", ".join(shown.choices[i] for i in sorted(shown.right))
                    picked = ", ".join(shown.choices[i] for i in sorted(outcome.picked))
                    yield Static(
                        Content.assemble(
                            (shown.question.text, "bold"),
                            "\n",
                            ("Answer: ", "$text-success"),
                            answers,
                            "\n",
                            ("You said: ", "$text-error"),
                            picked,
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
            self.notify("Nothing missed: there is nothing to retry.")
            return
        self.app.start_quiz(self.quiz.bank, questions=missed, replace=True)  # type: ignore[attr-defined]

    def action_again(self) -> None:
        self.app.start_quiz(self.quiz.bank, count=self.quiz.total, replace=True)  # type: ignore[attr-defined]

    def action_home(self) -> None:
        self.app.go_home()  # type: ignore[attr-defined]
