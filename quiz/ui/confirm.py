"""A yes/no question in a dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from quiz.text.i18n import t, translatable
from quiz.ui.display import ui_line, ui_text
from quiz.ui.footer import QuizFooter
from quiz.ui.localize import in_reading_order, localize

if TYPE_CHECKING:
    from quiz.ui.app import QuizApp


class ConfirmScreen(ModalScreen[bool]):
    """Asks a yes/no question; dismissed with True for yes."""

    BINDINGS = [
        Binding("y", "answer(True)", translatable("footer.yes")),
        Binding("n,escape", "answer(False)", translatable("footer.no")),
    ]

    def __init__(self, question: str) -> None:
        super().__init__(classes="dialog")
        localize(self)
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(ui_text(self.question), classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield from in_reading_order(
                    Button(ui_line(t("confirm.yes")), id="yes", variant="error", compact=True),
                    Button(ui_line(t("confirm.no")), id="no", variant="primary", compact=True),
                )
        # The dialog's own keys, not those of the screen under it.
        yield QuizFooter()

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


def ask_to_leave(app: QuizApp, answered: int) -> None:
    """Ask before leaving a run for the home screen, saying its answers are already saved."""
    question = t("leave.question")
    if answered:
        question += " " + t("leave.saved", count=answered)

    def leave(yes: bool | None) -> None:
        if yes:
            app.go_home()

    app.push_screen(ConfirmScreen(question), leave)
