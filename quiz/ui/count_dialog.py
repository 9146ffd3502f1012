"""Asks how many questions a quiz should have."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.validation import Integer
from textual.widgets import Button, Input, Static

from quiz.session import default_count


class CountScreen(ModalScreen[int | None]):
    """Asks for a number of questions between 1 and what the bank has; None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, available: int) -> None:
        super().__init__(classes="dialog")
        self.bank_title = title
        self.available = available

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(Content(self.bank_title), classes="dialog-title")
            yield Static(f"How many questions? (1-{self.available})", classes="dialog-question")
            yield Input(
                str(default_count(self.available)),
                type="integer",
                validators=[Integer(1, self.available)],
                id="count",
            )
            yield Static("", id="count-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Start", id="start", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#count", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.start()
        else:
            self.dismiss(None)

    def start(self) -> None:
        value = self.query_one("#count", Input).value.strip()
        if value.isdigit() and 1 <= int(value) <= self.available:
            self.dismiss(int(value))
        else:
            error = self.query_one("#count-error", Static)
            error.update(f"Type a number from 1 to {self.available}.")
            error.display = True

    def action_cancel(self) -> None:
        self.dismiss(None)
