"""Asks how many questions a quiz should have."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.validation import Integer
from textual.widgets import Button, Input, Static

from quiz.i18n import digits, t, translatable
from quiz.model import Bank
from quiz.session import default_count
from quiz.ui.display import bank_text, ui_line, ui_text
from quiz.ui.localize import localize


class CountScreen(ModalScreen[int | None]):
    """Asks for a number of questions between 1 and what the bank has; None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", translatable("footer.cancel"))]

    def __init__(self, bank: Bank, available: int) -> None:
        super().__init__(classes="dialog")
        localize(self)
        self.bank = bank
        self.available = available

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(bank_text(self.bank.title, self.bank.language), classes="dialog-title")
            yield Static(
                ui_text(t("count.ask", low=1, high=self.available)), classes="dialog-question"
            )
            # Arabic-Indic digits are typed and read back as well: Python's int() reads them.
            yield Input(
                digits(default_count(self.available)),
                type="integer",
                validators=[Integer(1, self.available)],
                id="count",
                compact=True,
            )
            yield Static("", id="count-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(ui_line(t("count.start")), id="start", variant="primary", compact=True)
                yield Button(ui_line(t("count.cancel")), id="cancel", compact=True)

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
            error.update(ui_text(t("count.invalid", low=1, high=self.available)))
            error.display = True

    def action_cancel(self) -> None:
        self.dismiss(None)
