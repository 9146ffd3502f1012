"""The Textual app: holds the store, the catalog and the settings, and moves between screens.

The command line and the tests build it the same way: `QuizApp(store, catalog, settings=...)`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import Provider
from textual.notifications import SeverityLevel
from textual.screen import Screen

from quiz.bank.cache import same_content
from quiz.bank.catalog import Catalog
from quiz.bank.model import Bank, LoadResult, Question
from quiz.collector import start_over
from quiz.play.practice import Quiz
from quiz.play.run import Run
from quiz.play.timing import local_now
from quiz.store import Store, StoreError
from quiz.text.i18n import t, translatable
from quiz.text.safe import on_screen, visible
from quiz.text.settings import DEFAULT_PROFILE, Settings, use, using
from quiz.ui.choice import StartChoice
from quiz.ui.display import ui_block
from quiz.ui.localize import TEXTUAL_ACTIONS, localize
from quiz.ui.question import QuestionScreen
from quiz.ui.terminal_mode import ExplicitBidi, exit_on_signals

if TYPE_CHECKING:
    from quiz.ui.web_session import WebSession

#: Seconds a write waits for another program holding the score database (a backup, a
#: database browser); two quizzes saving together wait milliseconds.
WRITE_WAIT = 0.5


def _quiz_commands() -> type[Provider]:
    from quiz.ui.commands import QuizCommands  # imported when the palette opens

    return QuizCommands


class QuizApp(App[int]):
    """Practise multiple-choice questions."""

    CSS_PATH = "quiz.tcss"
    TITLE = "quiz"
    #: On every screen: `?` (F1 where typing takes `?`) lists the screen's keys.
    BINDINGS = [Binding("question_mark,f1", "help", translatable("footer.help"))]
    #: The palette's commands: the app's own (quiz.ui.commands), then Textual's.
    COMMANDS = App.COMMANDS | {_quiz_commands}

    def __init__(
        self,
        store: Store,
        catalog: Catalog,
        *,
        settings: Settings | None = None,
        play: Bank | None = None,
        count: int | None = None,
        seed: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        mode: str = "practice",
        time_limit: float | None = None,
        new_per_day: int = 20,
        rate_by_time: bool = False,
        play_all: bool = False,
        now: Callable[[], datetime] | None = None,
        read: Path | None = None,
    ) -> None:
        #: The interface language, digits, RTL mode and profile; see `settings` and `on_load`.
        self._settings = settings or Settings(profile=store.profile)
        # A write waits this long for another program holding the database, then fails with a
        # notice: the screen never freezes for the store's 10 s (see not_saved).
        store.wait_for_writers(WRITE_WAIT)
        #: The last refusal of the score database, for `quiz play` to report on its way out.
        self.store_problem: StoreError | None = None
        #: Why the last run asked for had nothing to ask (nothing to review, nothing due), for
        #: `quiz play` to print on its way out.
        self.nothing_to_do: str | None = None
        #: The terminal's explicit-bidi switch, when the command line made one.
        self.bidi: ExplicitBidi | None = None
        #: Served in a browser (`quiz serve`): reports to the server, resumes; one profile only.
        self.web: WebSession | None = None
        super().__init__()
        # Building the app leaves the caller's settings alone: they are current only for this.
        with using(self._settings):
            localize(self, TEXTUAL_ACTIONS)
        self.store = store
        self.catalog = catalog
        self.play = play
        self.count = count
        self.seed = seed
        self.clock = clock
        #: How `quiz play` starts (the start dialog asks for each bank chosen at home).
        self.mode = mode
        self.time_limit = time_limit
        self.new_per_day = new_per_day
        #: Study: a fast right answer is rated Easy and a slow one Hard, not just Good.
        self.rate_by_time = rate_by_time
        #: The wall clock of study scheduling (local time; tests move it across days).
        self.now = now or local_now
        #: Review or study every bank at once (`quiz play --mode study` without a path).
        self.play_all = play_all
        #: A big bank file the cache does not hold yet: `quiz play` reads it behind a progress
        #: screen, then plays it (`play` is then None until it is read).
        self.read = read
        #: That file, read and found to have errors: `quiz play` reports them on its way out.
        self.read_failure: LoadResult | None = None
        #: The first screen, while get_default_screen has the run build it.
        self._first: list[Screen[None]] | None = None
        #: What started the current run, so "play again" can start it again.
        self.last_start: tuple[Bank | list[Bank], StartChoice, Iterable[Question] | None]

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands in the palette, in the interface language."""
        from quiz.ui.commands import translated

        return translated(super().get_system_commands(screen))

    def action_help(self) -> None:
        """The keys of the screen shown, with what each does there."""
        from quiz.ui.help_screen import HelpScreen  # imported when used

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_command_palette(self) -> None:
        """Open the command palette (Textual's, its placeholder in the interface language)."""
        from quiz.ui.commands import command_palette

        # CommandPalette.is_open's test (it is typed for App[object], this is App[int]).
        if self.use_command_palette and not self.screen.has_class("--textual-command-palette"):
            self.push_screen(command_palette())

    def search_themes(self) -> None:
        """The Theme command's palette, its placeholder in the interface language."""
        from quiz.ui.commands import theme_palette

        self.push_screen(theme_palette())

    def action_show_help_panel(self) -> None:
        """The palette's Keys: the help screen, not Textual's panel (which lists every widget's
        keys, sideways scrolling and all, in English)."""
        self.action_help()

    @property
    def settings(self) -> Settings:
        """The interface language, digits, RTL mode and profile of this app."""
        return self._settings

    def choose_language(self, language: str) -> None:
        """Speak another language from the home screen on (its digits with it), for this run."""
        self._settings = Settings.of(
            language, rtl_mode=self._settings.rtl_mode, profile=self._settings.profile
        )
        use(self._settings)
        # The app's keys from its classes' BINDINGS again (they hold catalogue keys), then
        # translated into the new language.
        if self._merged_bindings is not None:
            self._bindings = self._merged_bindings.copy()
        localize(self, TEXTUAL_ACTIONS)
        from quiz.ui.home import HomeScreen

        # Every screen is built again in the new language: the home screen is the only one.
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.switch_screen(HomeScreen())

    def choose_profile(self, name: str) -> None:
        """Show and save the scores of another student from now on."""
        self._settings = replace(self._settings, profile=name)
        # The store lists its own profile among the chosen ones, and saves for it unless told.
        self.store.profile = name

    def on_load(self) -> None:
        # The first thing the app does, in its own context: every screen, widget and timer it
        # starts from here on reads these settings (they are read when text is built).
        use(self._settings)
        # Before the terminal is in application mode: SIGTERM, SIGHUP and SIGINT end the app as
        # quitting does, screen and cursor given back, status 143, 129 or 130.
        exit_on_signals(self)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Show a notification; its text is plain (no markup) and made safe for the screen,
        laid out for the interface's direction (give it in reading order, as the catalogue has it).

        Screens' notify() comes here too. Messages name files and quote bank text: data.
        """
        super().notify(
            ui_block(message, self._notice_width()),
            title=on_screen(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def _notice_width(self) -> int:
        """The text width of a notification: Textual's toasts are 60 cells wide at most and
        half the screen, less their margin, padding and coloured edge."""
        return min(60, self.size.width // 2) - 4

    def get_default_screen(self) -> Screen[Any]:
        """The first screen, built with the app rather than pushed over a blank one (it is up a
        frame sooner): the first question `quiz play` asked for (or the progress of reading its
        bank), else the home screen. Blank only when the run cannot start: the app then ends,
        saying why."""
        first = self._first_screen()
        # Switching away from it (to the results, say) pops a result callback, as from any
        # screen pushed or switched to; Textual gives its default screen none (Textual #2650).
        first._push_result_callback(self, None)
        return first

    def _first_screen(self) -> Screen[Any]:
        if self.read is not None:
            from quiz.ui.loading import LoadingScreen

            path = self.read
            return LoadingScreen(
                path, lambda: self.catalog.load(path), self.bank_read, kept=self.catalog.cache.keeps
            )
        if self.play is None and not self.play_all:
            from quiz.ui.home import HomeScreen

            return HomeScreen()
        self._first = []
        try:
            self._start_play(replace=False)
        finally:
            first, self._first = self._first, None
        if first:
            return first[0]
        self.call_after_refresh(self.cannot_play)  # once the app is up: it cannot end sooner
        return super().get_default_screen()

    def on_mount(self) -> None:
        if self.bidi is not None:
            self.bidi.follow(self)  # give the terminal its own mode back while suspended
        self.call_after_refresh(self.say_if_new_profile)
        self.call_after_refresh(start_over)  # the collector was paused while quiz started
        if self.web is not None:
            self.web.start()

    def start_play(self, *, replace: bool = False) -> None:
        """Start the run `quiz play` asked for, or end the app saying why it cannot."""
        if not self._start_play(replace):
            self.cannot_play()

    def _start_play(self, replace: bool) -> bool:
        choice = StartChoice(self.mode, self.count, self.time_limit)
        return self.start(self.play or self.all_banks(), choice, replace=replace)

    def cannot_play(self) -> None:
        """End the app: the run `quiz play` asked for cannot start."""
        if self.store_problem is not None:
            # `quiz play` has no home screen to stay on: the reason goes to the shell.
            from rich.text import Text

            self.exit(return_code=1, message=Text(visible(f"quiz: error: {self.store_problem}")))
        else:
            # Nothing to review or study is no failure: `quiz play` says why and ends.
            self.exit(return_code=0 if self.nothing_to_do else 1)

    def bank_read(self, result: LoadResult) -> None:
        """The big bank `quiz play` asked for has been read: play it, or end with its errors."""
        if result.bank is None:
            self.read_failure = result
            self.exit(return_code=1)
            return
        self.play = result.bank
        self.start_play(replace=True)

    def say_if_new_profile(self) -> None:
        """A profile named (--profile, QUIZ_PROFILE) that has saved nothing yet is said to be
        new: a typo would otherwise quietly start an empty profile."""
        profile = self.settings.profile
        if profile == DEFAULT_PROFILE:
            return
        try:
            known = self.store.profiles(own=False)
        except StoreError:
            return  # the screen that reads the scores says so
        if profile not in known:
            self.notify(t("profile.created", name=profile), severity="warning", timeout=8)

    def go_home(self) -> None:
        """Leave the quiz or results for the home screen (building it if `quiz play` skipped it)."""
        # Imported here: `quiz play` starts faster without the home screen's widgets.
        from quiz.ui.home import HomeScreen

        if any(isinstance(screen, HomeScreen) for screen in self.screen_stack):
            while not isinstance(self.screen_stack[-1], HomeScreen):
                self.pop_screen()
        else:
            self.switch_screen(HomeScreen())

    def start_quiz(
        self,
        bank: Bank,
        *,
        count: int | None = None,
        questions: Iterable[Question] | None = None,
        replace: bool = False,
    ) -> bool:
        """Start a quiz on a bank (or on some of its questions) and show its first question;
        False (and a notice) when the score database refuses to start it."""
        questions = None if questions is None else list(questions)
        self.last_start = (bank, StartChoice("practice", count), questions)
        try:
            quiz = Quiz(
                bank,
                self.store,
                count=count,
                questions=questions,
                seed=self.seed,
                profile=self.settings.profile,
                clock=self.clock,
            )
        except StoreError as error:
            self.not_saved(error)
            return False
        return self._show(QuestionScreen(quiz), replace)

    def not_saved(self, error: StoreError) -> None:
        """Say that the score database refused a write (busy, read-only, full): nothing was
        saved, and the student can try again; the question stays answerable."""
        self.store_problem = error
        self.notify(t("store.not_saved", error=str(error)), severity="error", timeout=15)

    def all_banks(self) -> list[Bank]:
        """Every bank that can be played, from every bank folder."""
        banks = []
        for entry in self.catalog.entries():
            if entry.summary.playable:
                bank = self.catalog.load(entry.file.path).bank
                if bank is not None:
                    banks.append(bank)
        return banks

    def start(
        self, banks: Bank | list[Bank], choice: StartChoice, *, replace: bool = False
    ) -> bool:
        """Start a run in the chosen mode; False (and a notice) when it has nothing to ask or
        the score database refuses it."""
        try:
            return self._start(banks, choice, replace=replace)
        except StoreError as error:
            self.not_saved(error)
            return False

    def _start(self, banks: Bank | list[Bank], choice: StartChoice, *, replace: bool) -> bool:
        many = isinstance(banks, list)
        one = banks if isinstance(banks, Bank) else banks[0] if banks else None
        if one is None:
            return False
        self.last_start = (banks, choice, None)
        if choice.mode == "practice" and not many:
            return self.start_quiz(one, count=choice.count, replace=replace)
        if choice.mode == "exam" and not many:
            from quiz.play.exam import Exam
            from quiz.ui.exam_screen import ExamScreen

            exam = Exam(
                one,
                self.store,
                count=choice.count,
                seed=self.seed,
                time_limit=choice.time_limit,
                profile=self.settings.profile,
                clock=self.clock,
                now=self.now,
            )
            return self._show(ExamScreen(exam), replace)
        if choice.mode == "review":
            from quiz.play.review import Review

            review = Review.of(
                banks,
                self.store,
                profile=self.settings.profile,
                seed=self.seed,
                clock=self.clock,
                now=self.now,
            )
            if review.total == 0:
                self.nothing_to_do = t("review.nothing")
                self.notify(self.nothing_to_do, markup=False)
                return False
            title = self._title("review", banks)
            return self._show(QuestionScreen(review, title=title), replace)
        if choice.mode == "study":
            from quiz.play.study import Study
            from quiz.ui.study_screen import StudyScreen

            study = Study(
                banks,
                self.store,
                profile=self.settings.profile,
                new_per_day=self.new_per_day,
                rate_by_time=self.rate_by_time,
                seed=self.seed,
                clock=self.clock,
                now=self.now,
            )
            if study.finished:
                self.nothing_to_do = t("study.nothing")
                self.notify(self.nothing_to_do, markup=False)
                return False
            return self._show(StudyScreen(study, title=self._title("study", banks)), replace)
        raise ValueError(f"cannot {choice.mode} several banks at once")

    @staticmethod
    def _title(mode: str, banks: Bank | list[Bank]) -> str:
        if isinstance(banks, Bank):
            if mode == "review":
                return t("title.review", title=banks.title)
            return t("title.study", title=banks.title)
        return t("title.review_all") if mode == "review" else t("title.study_all")

    def _show(self, screen: Screen[None], replace: bool) -> bool:
        if self._first is not None:
            self._first.append(screen)  # the app's first screen: see get_default_screen
        elif replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        return True

    def again(self) -> None:
        """Play the last run again: same mode, same bank or banks (new order), as the files
        are now: a bank edited since is read again, never played from what was read before."""
        banks, choice, questions = self.last_start
        fresh = self.reread(banks)
        if fresh is None:
            self.notify(t("again.changed"), severity="warning")
            self.go_home()
        elif questions is not None and isinstance(fresh, Bank):
            self.retry(fresh, questions)
        elif not self.start(fresh, choice, replace=True):
            self.go_home()

    def retry(self, bank: Bank, questions: Iterable[Question]) -> None:
        """Quiz some questions of a bank again, as the bank's file now has them (by id)."""
        fresh = self.reread(bank)
        if not isinstance(fresh, Bank):
            self.notify(t("again.changed"), severity="warning")
            self.go_home()
            return
        wanted = list(questions)
        if not same_content(fresh, bank):
            # Edited since: the new text and answers of the questions it still has.
            ids = {question.id for question in wanted}
            wanted = [question for question in fresh.questions if question.id in ids]
        if not wanted:
            self.notify(t("again.changed"), severity="warning")
            self.go_home()
            return
        if not self.start_quiz(fresh, questions=wanted, replace=True):
            self.go_home()

    def reread(self, banks: Bank | list[Bank]) -> Bank | list[Bank] | None:
        """The banks read again through the catalog (the cache checks each file); None when
        none can be played any more."""
        if isinstance(banks, Bank):
            return self.catalog.load(banks.path).bank
        found = [self.catalog.load(bank.path).bank for bank in banks]
        kept = [bank for bank in found if bank is not None]
        return kept or None

    def show_results(self, run: Run) -> None:
        """Replace the finished run with its results (under the run screen's title, if any)."""
        title = self.screen.title
        from quiz.ui.results import ResultsScreen  # not needed to start: imported when used

        self.switch_screen(ResultsScreen(run, title=title))
