"""The start dialog: which mode, how many questions, and (for an exam) how long."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.validation import Integer
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from quiz.bank.model import Bank
from quiz.play.run import default_count
from quiz.play.timing import parse_duration
from quiz.text.i18n import digits, is_rtl, t, translatable
from quiz.ui.choice import StartChoice
from quiz.ui.display import bank_text, ui_line, ui_text
from quiz.ui.localize import in_reading_order, localize

MODES = ("practice", "exam", "review", "study")


class StartScreen(ModalScreen[StartChoice | None]):
    """Asks how to play a bank; None when cancelled. Enter starts a practice quiz at once."""

    BINDINGS = [Binding("escape", "cancel", translatable("footer.cancel"))]

    def __init__(self, bank: Bank, available: int, *, time_limit: float | None = None) -> None:
        super().__init__(classes="dialog")
        localize(self)
        self.bank = bank
        self.available = available
        self.time_limit = time_limit

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            title = bank_text(self.bank.title, self.bank.language, in_interface=True)
            yield Static(title, classes="dialog-title")
            yield Static(ui_text(t("start.mode")), classes="dialog-label")
            with RadioSet(id="mode", compact=True):
                for index, (mode, label) in enumerate(zip(MODES, self.labels(), strict=True)):
                    # In Arabic the button is on the right of its label, where a line starts.
                    yield RadioButton(
                        ui_line(label), value=index == 0, id=mode, button_first=not is_rtl()
                    )
            yield Static(
                ui_text(t("count.ask", low=1, high=self.available)),
                classes="dialog-question",
                id="count-label",
            )
            # Arabic-Indic digits are typed and read back as well: Python's int() reads them.
            with Horizontal(classes="dialog-field"):
                yield Input(
                    digits(default_count(self.available)),
                    type="integer",
                    validators=[Integer(1, self.available)],
                    id="count",
                    compact=True,
                )
            yield Static(ui_text(t("start.time_limit")), classes="dialog-question", id="time-label")
            with Horizontal(classes="dialog-field"):
                yield Input(
                    "" if self.time_limit is None else f"{round(self.time_limit)}s",
                    id="time-limit",
                    compact=True,
                )
            yield Static("", id="count-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield from in_reading_order(
                    Button(ui_line(t("count.start")), id="start", variant="primary", compact=True),
                    Button(ui_line(t("count.cancel")), id="cancel", compact=True),
                )

    @staticmethod
    def labels() -> list[str]:
        """The modes' names, in the order of MODES."""
        return [t("mode.practice"), t("mode.exam"), t("mode.review"), t("mode.study")]

    def on_mount(self) -> None:
        self.show_fields("practice")
        self.query_one("#count", Input).focus()

    @property
    def mode(self) -> str:
        pressed = self.query_one("#mode", RadioSet).pressed_button
        return pressed.id if pressed is not None and pressed.id else "practice"

    def show_fields(self, mode: str) -> None:
        """Ask for a count where the student picks one, and a time limit for an exam."""
        counted = mode in ("practice", "exam")
        for widget_id in ("#count-label", "#count"):
            self.query_one(widget_id).display = counted
        for widget_id in ("#time-label", "#time-limit"):
            self.query_one(widget_id).display = mode == "exam"

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.show_fields(self.mode)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.start()
        else:
            self.dismiss(None)

    def error(self, message: str) -> None:
        error = self.query_one("#count-error", Static)
        error.update(ui_text(message))
        error.display = True

    def start(self) -> None:
        mode = self.mode
        count = None
        if mode in ("practice", "exam"):
            value = self.query_one("#count", Input).value.strip()
            if not (value.isdigit() and 1 <= int(value) <= self.available):
                self.error(t("count.invalid", low=1, high=self.available))
                return
            count = int(value)
        time_limit = None
        if mode == "exam" and self.query_one("#time-limit", Input).value.strip():
            try:
                time_limit = parse_duration(self.query_one("#time-limit", Input).value)
            except ValueError:
                self.error(t("start.time_invalid"))
                return
        self.dismiss(StartChoice(mode, count, time_limit))

    def action_cancel(self) -> None:
        self.dismiss(None)
