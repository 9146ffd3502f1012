"""The Textual app: holds the store and the catalog, and moves between screens."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from textual.app import App

from quiz.catalog import Catalog
from quiz.i18n import default_digits, set_digits, set_language
from quiz.model import Bank, Question
from quiz.rtl import Mode
from quiz.session import Quiz
from quiz.store import Store
from quiz.ui.display import set_mode
from quiz.ui.localize import TEXTUAL_ACTIONS, localize
from quiz.ui.question import QuestionScreen
from quiz.ui.results import ResultsScreen
from quiz.ui.terminal_mode import ExplicitBidi


class QuizApp(App[int]):
    """Practise multiple-choice questions."""

    CSS_PATH = "quiz.tcss"
    TITLE = "quiz"

    def __init__(
        self,
        store: Store,
        catalog: Catalog,
        *,
        play: Bank | None = None,
        count: int | None = None,
        seed: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        lang: str = "en",
        digits: str | None = None,
        rtl_mode: Mode = "reorder",
    ) -> None:
        # The language and the RTL mode are set before any screen or label is made: they are
        # read when built.
        set_language(lang)
        set_digits(digits or default_digits(lang))
        set_mode(rtl_mode)
        #: The terminal's explicit-bidi switch, when the command line made one.
        self.bidi: ExplicitBidi | None = None
        super().__init__()
        localize(self, TEXTUAL_ACTIONS)
        self.lang = lang
        self.store = store
        self.catalog = catalog
        self.play = play
        self.count = count
        self.seed = seed
        self.clock = clock

    def on_mount(self) -> None:
        if self.bidi is not None:
            self.bidi.follow(self)  # give the terminal its own mode back while suspended
        # `quiz play` goes straight to the question: the home screen is only built when asked for.
        if self.play is not None:
            self.start_quiz(self.play, count=self.count)
        else:
            from quiz.ui.home import HomeScreen

            self.push_screen(HomeScreen())

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
    ) -> None:
        """Start a quiz on a bank (or on some of its questions) and show its first question."""
        quiz = Quiz(
            bank, self.store, count=count, questions=questions, seed=self.seed, clock=self.clock
        )
        screen = QuestionScreen(quiz)
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def show_results(self, quiz: Quiz) -> None:
        """Replace the finished quiz with its results."""
        self.switch_screen(ResultsScreen(quiz))


def make_app(
    *,
    store: Store,
    catalog: Catalog,
    play: Bank | None = None,
    count: int | None = None,
    seed: int | None = None,
    clock: Callable[[], float] = time.monotonic,
    lang: str = "en",
    digits: str | None = None,
    rtl_mode: Mode = "reorder",
) -> QuizApp:
    """Build the app as the command line does (tests use this too).

    `digits` is `latin` or `arabic`; None means the language's own (Arabic-Indic for `ar`).
    """
    return QuizApp(
        store,
        catalog,
        play=play,
        count=count,
        seed=seed,
        clock=clock,
        lang=lang,
        digits=digits,
        rtl_mode=rtl_mode,
    )
