"""The profile chooser: whose scores, review list and cards these are, on a shared computer.

Typing goes to the name field at once; the arrows move through the profiles, and Enter with
no name typed chooses the one highlighted.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from quiz.text.i18n import t, translatable
from quiz.text.safe import MAX_PROFILE_NAME, clean_profile_name
from quiz.ui.display import ui_text
from quiz.ui.footer import QuizFooter
from quiz.ui.localize import localize

MAX_NAME = MAX_PROFILE_NAME


class ProfileScreen(ModalScreen[str | None]):
    """Pick a profile, or type a new name; None when cancelled."""

    BINDINGS = [
        Binding("up", "move(-1)", translatable("footer.profiles"), key_display="↑↓", priority=True),
        Binding("down", "move(1)", translatable("footer.profiles"), show=False, priority=True),
        Binding("enter", "choose", translatable("footer.choose"), priority=True),
        Binding("escape", "cancel", translatable("footer.cancel")),
    ]

    def __init__(self, profiles: list[str], current: str) -> None:
        super().__init__(classes="dialog")
        localize(self)
        self.profiles = profiles
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(ui_text(t("profile.title")), classes="dialog-title")
            yield OptionList(
                *(Option(ui_text(name), id=str(i)) for i, name in enumerate(self.profiles)),
                id="profiles",
            )
            yield Static(ui_text(t("profile.new")), classes="dialog-question")
            yield Input(id="new-profile", max_length=MAX_NAME, compact=True)
            yield Static("", id="profile-error", classes="dialog-error")
        yield QuizFooter()

    def on_mount(self) -> None:
        profiles = self.query_one("#profiles", OptionList)
        if self.current in self.profiles:
            profiles.highlighted = self.profiles.index(self.current)
        # Typing goes to the name at once; the list is moved through with the arrows.
        profiles.can_focus = False
        self.query_one("#new-profile", Input).focus()

    def action_move(self, step: int) -> None:
        profiles = self.query_one("#profiles", OptionList)
        if step > 0:
            profiles.action_cursor_down()
        else:
            profiles.action_cursor_up()

    def action_choose(self) -> None:
        """Enter: the name typed, else the profile highlighted."""
        typed = self.query_one("#new-profile", Input).value
        if typed.strip():
            self.choose_typed(typed)
            return
        highlighted = self.query_one("#profiles", OptionList).highlighted
        if highlighted is not None and highlighted < len(self.profiles):
            self.dismiss(self.profiles[highlighted])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.profiles[int(event.option.id or 0)])

    def choose_typed(self, value: str) -> None:
        """A new (or existing) profile's name, typed."""
        try:
            name = clean_profile_name(value)
        except ValueError:
            # A pasted name can hold control or direction characters: it would be shown to
            # the next student and printed in a teacher's report.
            error = self.query_one("#profile-error", Static)
            error.update(ui_text(t("profile.invalid", limit=MAX_NAME)))
            error.display = True
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)
