"""The start dialog: which mode, how many questions, and (for an exam) how long.

Every field is on screen from the start and the whole dialog fits 50x15; the arrows move
between fields (within the mode list, they move through the modes first), Enter starts.
"""

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
from quiz.ui.footer import QuizFooter
from quiz.ui.localize import in_reading_order, localize

MODES = ("practice", "exam", "review", "study")


class ModeList(RadioSet):
    """The modes: the arrows move through them, and on past the first or the last to the next
    field."""

    def action_next_button(self) -> None:
        if self._selected is not None and self._selected >= len(self._nodes) - 1:
            self.screen.focus_next()
        else:
            super().action_next_button()

    def action_previous_button(self) -> None:
        if self._selected is not None and self._selected <= 0:
            self.screen.focus_previous()
        else:
            super().action_previous_button()


class StartScreen(ModalScreen[StartChoice | None]):
    """Asks how to play a bank; None when cancelled. Enter starts a practice quiz at once."""

    BINDINGS = [
        # The dialog's own keys, before its fields' (and so in its own footer): each action
        # does what the focused field needs.
        Binding("up", "move(-1)", translatable("footer.fields"), key_display="↑↓", priority=True),
        Binding("down", "move(1)", translatable("footer.fields"), show=False, priority=True),
        Binding("enter", "start", translatable("footer.start"), priority=True),
        Binding("escape", "cancel", translatable("footer.cancel")),
    ]

    def __init__(self, bank: Bank, available: int, *, time_limit: float | None = None) -> None:
        super().__init__(classes="dialog")
        localize(self)
        self.bank = bank
        self.available = available
        self.time_limit = time_limit

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box start-box"):
            title = bank_text(self.bank.title, self.bank.language, in_interface=True)
            yield Static(title, classes="dialog-title")
            yield Static(ui_text(t("start.mode")), classes="dialog-label")
            with ModeList(id="mode", compact=True):
                for index, (mode, label) in enumerate(zip(MODES, self.labels(), strict=True)):
                    # In Arabic the button is on the right of its label, where a line starts.
                    yield RadioButton(
                        ui_line(label), value=index == 0, id=mode, button_first=not is_rtl()
                    )
            with Horizontal(classes="dialog-field"):
                yield Static(
                    ui_text(t("count.ask", low=1, high=self.available)),
                    classes="dialog-field-label",
                    id="count-label",
                )
                # Arabic-Indic digits are typed and read back as well: Python's int() reads them.
                yield Input(
                    digits(default_count(self.available)),
                    type="integer",
                    validators=[Integer(1, self.available)],
                    id="count",
                    compact=True,
                )
            with Horizontal(classes="dialog-field"):
                yield Static(
                    ui_text(t("start.time_limit")), classes="dialog-field-label", id="time-label"
                )
                yield Input(
                    "" if self.time_limit is None else f"{round(self.time_limit)}s",
                    placeholder=ui_line(t("start.time_placeholder")),
                    id="time-limit",
                    compact=True,
                )
            yield Static("", id="count-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield from in_reading_order(
                    Button(ui_line(t("count.start")), id="start", variant="primary", compact=True),
                    Button(ui_line(t("count.cancel")), id="cancel", compact=True),
                )
        yield QuizFooter()

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
        """Every field stays in its place; those the mode does not use are dimmed and skipped."""
        counted = mode in ("practice", "exam")
        for widget_id, used in (("count", counted), ("time-limit", mode == "exam")):
            self.query_one(f"#{widget_id}", Input).disabled = not used
            label = "count-label" if widget_id == "count" else "time-label"
            self.query_one(f"#{label}").set_class(not used, "-unused")

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

    def start(self, mode: str | None = None) -> None:
        """Start the mode chosen (or `mode`) with the count and time limit typed."""
        mode = mode or self.mode
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

    def action_move(self, step: int) -> None:
        """Up and Down: through the modes in the mode list, else to the field above or below."""
        focused = self.focused
        if isinstance(focused, ModeList):
            if step > 0:
                focused.action_next_button()
            else:
                focused.action_previous_button()
        elif step > 0:
            self.focus_next()
        else:
            self.focus_previous()

    def action_start(self) -> None:
        """Enter: start (with the mode highlighted in the list), or cancel on Cancel."""
        focused = self.focused
        if isinstance(focused, Button) and focused.id == "cancel":
            self.dismiss(None)
            return
        if isinstance(focused, ModeList) and focused._selected is not None:
            # The mode highlighted is chosen (its radio button pressed) and started at once.
            focused.action_toggle_button()
            self.start(MODES[focused._selected])
            return
        self.start()

    def action_cancel(self) -> None:
        self.dismiss(None)
