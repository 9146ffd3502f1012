"""The home screen: every bank, grouped by subject folder, with its scores; pick one to play.

The student's own banks (the user bank folder) are a group of their own, "My banks"; in each
group the banks in the interface language come first. `/` filters the list by title. Letters
typed by mistake start nothing: reviewing or studying every bank asks first.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from quiz.bank.cache import printable_name
from quiz.bank.catalog import Entry

if TYPE_CHECKING:
    from quiz.play.study import DueCounts
from quiz.locations import user_banks
from quiz.store import BankScore, StoreError, bank_key
from quiz.text.i18n import language, language_name, t, translatable
from quiz.ui.bidi_text import Stacked
from quiz.ui.choice import StartChoice
from quiz.ui.confirm import ConfirmScreen
from quiz.ui.display import bank_text, ui_text
from quiz.ui.footer import QuizFooter
from quiz.ui.localize import localize
from quiz.ui.profile_dialog import ProfileScreen
from quiz.ui.screen import AppScreen, move_highlight
from quiz.ui.start_dialog import StartScreen


def percent(value: float | None) -> str:
    """A score as a whole percentage, or a dash when there is none."""
    return t("percent.none") if value is None else t("percent", value=value)


def entry_prompt(entry: Entry, score: BankScore | None, cards: DueCounts | None = None) -> Stacked:
    """How one bank reads in the list: title, then its facts (or its first error)."""
    summary = entry.summary
    name = printable_name(entry.file.path.name)
    title = bank_text(summary.title or name, summary.language, style="bold", in_interface=True)
    if not summary.playable:
        error = entry.first_error
        message = f"{name}:{error.line}:{error.column}: {error.message}" if error else name
        return Stacked(title, ui_text("  " + t("home.error", message=message), style="$text-error"))
    best = percent(score.best if score else None)
    last = percent(score.last if score else None)
    questions = t("home.questions", count=summary.count)
    facts = "  " + t(
        "home.facts",
        language=language_name(summary.language),
        questions=questions,
        best=best,
        last=last,
    )
    if cards is not None:
        facts += t(
            "home.due",
            due=t("home.due_count", count=cards.due),
            new=t("home.new_count", count=cards.new),
            unseen=t("home.unseen_count", count=cards.unseen),
        )
    return Stacked(title, ui_text(facts, style="$text-muted"))


class HomeScreen(AppScreen):
    """Lists the banks; Enter asks how many questions, then starts."""

    BINDINGS = [
        Binding("enter", "select", translatable("footer.start"), priority=True),
        Binding("slash", "filter", translatable("footer.filter")),
        Binding("v", "all('review')", translatable("footer.review_all")),
        Binding("s", "all('study')", translatable("footer.study_all")),
        Binding("t", "stats", translatable("footer.stats")),
        Binding("u", "profile", translatable("footer.profile")),
        # Not a letter: a word typed by mistake never reloads (nor starts anything).
        Binding("ctrl+r", "reload", translatable("footer.reload"), show=False),
        Binding("q", "app.quit", translatable("footer.quit")),
        Binding("escape", "clear_filter", translatable("footer.clear_filter")),
        # Typing in the filter, the arrows still move through the banks.
        Binding("down", "move(1)", show=False, system=True),
        Binding("up", "move(-1)", show=False, system=True),
    ]

    #: Dropped from a narrow footer in this order: statistics, profile and quit stay.
    FOOTER_DROP = ("all('review')", "all('study')", "filter", "select")

    def __init__(self) -> None:
        super().__init__()
        localize(self)

    def compose(self) -> ComposeResult:
        with Horizontal(id="home-bar"):
            yield Static(ui_text(t("home.title")), id="home-title")
            yield Static(id="home-profile")
        yield Static(id="home-problem")
        search = Input(placeholder=t("home.filter_placeholder"), id="bank-filter", compact=True)
        search.display = False
        search.can_focus = False  # hidden: typing at home goes nowhere until `/`
        yield search
        banks = OptionList(id="banks")
        localize(banks)  # its keys in the Keys panel
        yield banks
        # Where a bank's best and last come from (docs/scores.md).
        yield Static(ui_text(t("home.scores_rule"), style="$text-muted"), id="home-rule")
        yield Static(id="home-empty")
        yield QuizFooter()

    def on_mount(self) -> None:
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    def load(self) -> None:
        """Read the banks (through the cache) and the scores, and fill the list."""
        app = self.quiz_app
        self.entries = app.catalog.entries()
        profile = app.settings.profile
        self.query_one("#home-profile", Static).update(ui_text(t("profile.now", name=profile)))
        # Imported here: the study scheduler (fsrs) is not needed to start `quiz play`.
        from quiz.play.study import due_counts

        problem = self.query_one("#home-problem", Static)
        seen = len(app.store.damaged)
        try:
            scores = app.store.bank_scores(profile=profile)
            cards = due_counts(
                app.store,
                {
                    bank_key(e.file.path): e.summary.count
                    for e in self.entries
                    if e.summary.playable
                },
                profile=profile,
                now=app.now(),
                new_per_day=app.new_per_day,
            )
            problem.display = False
        except StoreError as error:
            # A damaged database (or one another program holds): the banks are listed all the
            # same, without scores, and one line says why.
            scores, cards = {}, {}
            problem.update(ui_text(t("store.unreadable", error=str(error)), style="$text-error"))
            problem.display = True
        if len(app.store.damaged) > seen:
            app.notify(t("store.damaged", first=app.store.damaged[seen]), severity="warning")
        self.scores, self.cards = scores, cards
        self.fill()

    def fill(self) -> None:
        """List the banks read, grouped, those matching the filter only."""
        app = self.quiz_app
        banks = self.query_one("#banks", OptionList)
        highlighted = banks.highlighted
        banks.clear_options()
        typed = self.query_one("#bank-filter", Input).value.strip()
        wanted = typed.casefold()
        shown = 0
        for heading, indexes in self.groups():
            if wanted:
                indexes = [i for i in indexes if wanted in self.title_of(i).casefold()]
            if not indexes:
                continue
            banks.add_option(Option(ui_text(heading, style="bold $accent"), disabled=True))
            for index in indexes:
                entry = self.entries[index]
                key = bank_key(entry.file.path)
                banks.add_option(
                    Option(
                        entry_prompt(entry, self.scores.get(key), self.cards.get(key)),
                        id=str(index),
                        disabled=not entry.summary.playable,
                    )
                )
                shown += 1
        empty = self.query_one("#home-empty", Static)
        empty.display = not shown
        if not self.entries:
            folders = ", ".join(str(r) for r in app.catalog.roots)
            empty.update(ui_text(t("home.empty", folders=folders)))
        elif not shown:
            empty.update(ui_text(t("home.no_match", text=typed)))
        if wanted or highlighted is None or highlighted >= banks.option_count:
            if banks.option_count:
                banks.action_first()
        else:
            banks.highlighted = highlighted
        if not self.query_one("#bank-filter", Input).has_focus:
            banks.focus()

    def groups(self) -> list[tuple[str, list[int]]]:
        """The banks by group, each as its heading and the banks' indexes in `entries`: subject
        folders as found, the student's own banks apart, the interface language first."""
        mine = os.path.realpath(user_banks())
        groups: dict[tuple[bool, str], list[int]] = {}
        for index, entry in enumerate(self.entries):
            own = os.path.realpath(entry.file.root) == mine
            groups.setdefault((own, entry.file.subject), []).append(index)
        found = []
        for (own, subject), indexes in groups.items():
            where = subject.replace("/", " › ")
            if own:
                heading = t("home.my_banks") + (" › " + where if where else "")
            else:
                heading = where or t("home.general")
            # Stable: each language keeps its files' order.
            indexes.sort(key=lambda i: not self.in_interface_language(i))
            found.append((heading, indexes))
        return found

    def in_interface_language(self, index: int) -> bool:
        tag = self.entries[index].summary.language or ""
        return tag.replace("_", "-").split("-")[0].lower() == language()

    def title_of(self, index: int) -> str:
        """A bank's title as listed (its file's name when it has none, or cannot be read)."""
        entry = self.entries[index]
        return entry.summary.title or printable_name(Path(entry.file.path).name)

    def action_filter(self) -> None:
        """Show the filter and type in it; Esc clears it."""
        search = self.query_one("#bank-filter", Input)
        search.display = True
        search.can_focus = True
        search.focus()
        self.refresh_bindings()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "bank-filter":
            self.fill()
            self.refresh_bindings()

    def action_clear_filter(self) -> None:
        search = self.query_one("#bank-filter", Input)
        search.value = ""
        search.display = False
        search.can_focus = False
        self.fill()
        self.query_one("#banks", OptionList).focus()

    def action_move(self, step: int) -> None:
        move_highlight(self.query_one("#banks", OptionList), step)

    def action_reload(self) -> None:
        self.load()

    def action_select(self) -> None:
        banks = self.query_one("#banks", OptionList)
        if banks.highlighted is not None:
            self.start(banks.get_option_at_index(banks.highlighted))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.start(event.option)

    def start(self, option: Option) -> None:
        """Ask how many questions, then start a quiz on the chosen bank."""
        if option.id is None or option.disabled:
            return
        self.start_entry(int(option.id))

    def start_entry(self, index: int) -> None:
        """Ask the mode and how many questions, then start a run on one bank listed."""
        entry = self.entries[index]
        result = self.quiz_app.catalog.load(entry.file.path)
        if result.bank is None:
            first = result.errors[0] if result.errors else None
            self.notify(
                str(first) if first else t("home.unreadable"), severity="error", markup=False
            )
            self.load()
            return
        bank = result.bank

        def chosen(choice: StartChoice | None) -> None:
            if choice is not None:
                self.quiz_app.start(bank, choice)

        screen = StartScreen(bank, len(bank.questions), time_limit=self.quiz_app.time_limit)
        self.app.push_screen(screen, chosen)

    def action_stats(self) -> None:
        """The statistics of the highlighted bank (a on that screen: of every bank)."""
        from quiz.ui.stats_screen import StatsScreen

        banks = self.query_one("#banks", OptionList)
        bank = None
        if banks.highlighted is not None:
            option = banks.get_option_at_index(banks.highlighted)
            if option.id is not None and not option.disabled:
                path = self.entries[int(option.id)].file.path
                bank = self.quiz_app.catalog.load(path).bank
        self.app.push_screen(StatsScreen(bank))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        filtering = self.query_one("#bank-filter", Input).display
        if action == "clear_filter":
            return filtering
        if action == "filter":
            return not filtering
        # Served in a browser, a student plays as the name they signed in with, and only that.
        return not (action == "profile" and self.quiz_app.web is not None)

    def action_profile(self) -> None:
        """Choose whose scores, review list and cards the home screen shows and saves to."""
        app = self.quiz_app
        if app.web is not None:
            return

        def chosen(name: str | None) -> None:
            if name:
                app.choose_profile(name)
                self.load()

        try:
            profiles = app.store.profiles()
        except StoreError as error:
            app.notify(t("store.unreadable", error=str(error)), severity="error")
            return
        app.push_screen(ProfileScreen(profiles, app.settings.profile), chosen)

    def action_all(self, mode: str) -> None:
        """Review or study every bank at once, once asked: a word typed by mistake (`s` of
        "science") must not start a session."""

        def start(yes: bool | None) -> None:
            if yes:
                self.begin_all(mode)

        question = t("home.ask_review_all" if mode == "review" else "home.ask_study_all")
        self.app.push_screen(ConfirmScreen(question), start)

    def begin_all(self, mode: str) -> None:
        """Review or study every bank now (chosen by name in the command palette)."""
        app = self.quiz_app
        app.start(app.all_banks(), StartChoice(mode, None))
