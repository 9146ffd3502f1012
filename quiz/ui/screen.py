"""The base of the app's screens: one typed way to reach the app that owns them."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.screen import Screen
from textual.widgets import OptionList

if TYPE_CHECKING:
    from quiz.ui.app import QuizApp


class AppScreen(Screen[None]):
    """A screen of the quiz app; `quiz_app` is the app, typed (its store, catalog, settings)."""

    @property
    def quiz_app(self) -> QuizApp:
        """The app this screen belongs to."""
        # Every screen of quiz is pushed by a QuizApp; the cast only tells the type checker.
        return cast("QuizApp", self.app)


def move_highlight(options: OptionList, step: int) -> None:
    """Move a list's highlight one row down (step > 0) or up, as its own arrow keys do: for the
    arrows of a screen whose focus is elsewhere (a field typed in)."""
    if step > 0:
        options.action_cursor_down()
    else:
        options.action_cursor_up()
