"""The profile chooser: whose scores, review list and cards these are, on a shared computer.

Typing goes to the name field at once; the arrows move through the profiles, and Enter with
no name typed chooses the one highlighted. Ctrl+R renames the highlighted profile (to the
name typed, asked for when none is) and Ctrl+D deletes it, once told how many answers go.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from quiz.store import DEFAULT_PROFILE, ProfileTaken, StoreError
from quiz.text.i18n import t, translatable
from quiz.text.safe import MAX_PROFILE_NAME, clean_profile_name
from quiz.ui.confirm import ConfirmScreen
from quiz.ui.display import ui_text
from quiz.ui.footer import QuizFooter
from quiz.ui.localize import localize
from quiz.ui.screen import move_highlight

if TYPE_CHECKING:
    from quiz.ui.app import QuizApp

MAX_NAME = MAX_PROFILE_NAME


class ProfileScreen(ModalScreen[str | None]):
    """Pick a profile, or type a new name; None when cancelled."""

    BINDINGS = [
        Binding("up", "move(-1)", translatable("footer.profiles"), key_display="↑↓", priority=True),
        Binding("down", "move(1)", translatable("footer.profiles"), show=False, priority=True),
        Binding("enter", "choose", translatable("footer.choose"), priority=True),
        # Control keys: letters go to the name field.
        Binding("ctrl+r", "rename", translatable("footer.rename"), priority=True),
        Binding("ctrl+d", "delete", translatable("footer.delete"), priority=True),
        Binding("escape", "cancel", translatable("footer.cancel")),
    ]

    #: Dropped from a narrow footer first: the arrows are said in the dialog.
    FOOTER_DROP = ("move(-1)",)

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

    @property
    def quiz_app(self) -> QuizApp:
        """The app this dialog belongs to (its store, its profile)."""
        return cast("QuizApp", self.app)

    def on_mount(self) -> None:
        profiles = self.query_one("#profiles", OptionList)
        if self.current in self.profiles:
            profiles.highlighted = self.profiles.index(self.current)
        # Typing goes to the name at once; the list is moved through with the arrows.
        profiles.can_focus = False
        self.query_one("#new-profile", Input).focus()

    def action_move(self, step: int) -> None:
        move_highlight(self.query_one("#profiles", OptionList), step)

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
        name = self.typed_name(value)
        if name is not None:
            self.dismiss(name)

    def typed_name(self, value: str) -> str | None:
        """The name typed, made safe; None (and why, in the dialog) when it cannot be one."""
        try:
            return clean_profile_name(value)
        except ValueError:
            # A pasted name can hold control or direction characters: it would be shown to
            # the next student and printed in a teacher's report.
            self.say(t("profile.invalid", limit=MAX_NAME))
            return None

    def say(self, message: str) -> None:
        """One line under the name field: why what was asked was not done."""
        error = self.query_one("#profile-error", Static)
        error.update(ui_text(message))
        error.display = True

    def highlighted_profile(self) -> str | None:
        highlighted = self.query_one("#profiles", OptionList).highlighted
        if highlighted is not None and highlighted < len(self.profiles):
            return self.profiles[highlighted]
        return None

    def action_rename(self) -> None:
        """The highlighted profile takes the name typed, with everything it saved."""
        old = self.highlighted_profile()
        field = self.query_one("#new-profile", Input)
        if old is None:
            return
        if not field.value.strip():
            self.say(t("profile.rename_how", name=old))
            return
        new = self.typed_name(field.value)
        if new is None:
            return
        app = self.quiz_app
        try:
            app.store.rename_profile(old, new)
        except ProfileTaken:
            self.say(t("profile.taken", name=new))
            return
        except StoreError as error:
            self.say(t("store.not_saved", error=str(error)))
            return
        if app.settings.profile == old:
            app.choose_profile(new)
        if self.current == old:
            self.current = new
        field.value = ""
        self.refill(new)
        self.notify(t("profile.renamed", old=old, new=new), markup=False)

    def action_delete(self) -> None:
        """Delete the highlighted profile and all it saved, once the student says yes."""
        name = self.highlighted_profile()
        if name is None:
            return
        app = self.quiz_app
        try:
            size = app.store.profile_size(name)
        except StoreError as error:
            self.say(t("store.unreadable", error=str(error)))
            return
        question = t("profile.delete_question", name=name)
        question += " " + t("profile.delete_size", count=size.answers)

        def delete(yes: bool | None) -> None:
            if not yes:
                return
            try:
                app.store.delete_profile(name)
            except StoreError as error:
                self.say(t("store.not_saved", error=str(error)))
                return
            if app.settings.profile == name:
                # Nobody's scores are shown under a name that has nothing left.
                app.choose_profile(DEFAULT_PROFILE)
                self.current = DEFAULT_PROFILE
            self.refill(self.current)
            self.notify(t("profile.deleted", name=name), markup=False)

        self.app.push_screen(ConfirmScreen(question), delete)

    def refill(self, highlight: str) -> None:
        """List the profiles again (after a rename or a delete), `highlight` highlighted."""
        self.query_one("#profile-error", Static).display = False
        try:
            self.profiles = self.quiz_app.store.profiles()
        except StoreError as error:
            self.say(t("store.unreadable", error=str(error)))
            return
        profiles = self.query_one("#profiles", OptionList)
        profiles.clear_options()
        profiles.add_options(
            Option(ui_text(name), id=str(i)) for i, name in enumerate(self.profiles)
        )
        if highlight in self.profiles:
            profiles.highlighted = self.profiles.index(highlight)

    def action_cancel(self) -> None:
        self.dismiss(None)
