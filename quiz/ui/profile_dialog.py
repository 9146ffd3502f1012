"""The profile chooser: whose scores, review list and cards these are, on a shared computer."""

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
from quiz.ui.localize import localize

MAX_NAME = MAX_PROFILE_NAME


class ProfileScreen(ModalScreen[str | None]):
    """Pick a profile, or type a new name; None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", translatable("footer.cancel"))]

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

    def on_mount(self) -> None:
        profiles = self.query_one("#profiles", OptionList)
        if self.current in self.profiles:
            profiles.highlighted = self.profiles.index(self.current)
        profiles.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.profiles[int(event.option.id or 0)])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            return
        try:
            name = clean_profile_name(event.value)
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
