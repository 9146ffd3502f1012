"""The command palette's commands: the app's own (start a bank, review, study, statistics,
profile, language, the keys) and Textual's (Theme, Quit, Keys...), in the interface language.

Their titles and help are laid out for the screen like every interface string (quiz.ui.display);
a command of Textual's this module does not know keeps Textual's words. The palette reads a
help text as markup: a help here is catalogue text only, never data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.app import SystemCommand
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.screen import Screen
from textual.theme import ThemeProvider

from quiz.text.i18n import language_name, t, translatable
from quiz.text.settings import LANGUAGES
from quiz.ui.display import ui_line

if TYPE_CHECKING:
    from quiz.ui.app import QuizApp

#: Textual's command titles and help texts, with their catalogue keys.
WORDS = {
    "Theme": translatable("palette.theme"),
    "Change the current theme": translatable("palette.theme_help"),
    "Quit": translatable("palette.quit"),
    "Quit the application as soon as possible": translatable("palette.quit_help"),
    "Keys": translatable("palette.keys"),
    "Show help for the focused widget and a summary of available keys": translatable(
        "palette.keys_show"
    ),
    "Hide the keys and widget help panel": translatable("palette.keys_hide"),
    "Minimize": translatable("palette.minimize"),
    "Minimize the widget and restore to normal size": translatable("palette.minimize_help"),
    "Maximize": translatable("palette.maximize"),
    "Maximize the focused widget": translatable("palette.maximize_help"),
    "Screenshot": translatable("palette.screenshot"),
    "Save an SVG 'screenshot' of the current screen": translatable("palette.screenshot_help"),
}


def _word(text: str) -> str:
    key = WORDS.get(text)
    return ui_line(t(key)) if key else text


def translated(commands: Iterable[SystemCommand]) -> Iterator[SystemCommand]:
    """The commands with their titles and help in the interface language."""
    for command in commands:
        yield command._replace(title=_word(command.title), help=_word(command.help))


def command_palette() -> CommandPalette:
    """The command palette, its search field's placeholder in the interface language."""
    # The id is Textual's own: the app finds its palette by it.
    return CommandPalette(id="--command-palette", placeholder=ui_line(t("palette.search")))


def theme_palette() -> CommandPalette:
    """The palette of themes (the Theme command), its placeholder in the interface language."""
    return CommandPalette(
        providers=[ThemeProvider], placeholder=ui_line(t("palette.search_themes"))
    )


@dataclass(frozen=True, slots=True)
class QuizCommand:
    """One of the app's own commands in the palette: what it reads as, and what it does."""

    #: The title, in the interface language, as it is typed (logical order): what a search
    #: matches; it is shown laid out for the screen, as plain text (a bank's title is data).
    words: str
    #: The help line, laid out for the screen (the palette reads it as markup: catalogue only).
    help: str
    run: Callable[[], object]
    #: Listed when the palette opens (a bank is found by typing part of its title).
    listed: bool = True


def quiz_commands(app: QuizApp, screen: Screen[object]) -> list[QuizCommand]:
    """The app's commands on a screen: on the home screen, start any bank, review or study
    every bank, the statistics, the profile, the language; on every screen, its keys."""
    from quiz.ui.home import HomeScreen  # the home screen's own commands

    commands = []
    if isinstance(screen, HomeScreen):
        for index, entry in enumerate(screen.entries):
            if entry.summary.playable:
                commands.append(
                    QuizCommand(
                        t("palette.start", title=screen.title_of(index)),
                        ui_line(t("palette.start_help")),
                        partial(screen.start_entry, index),
                        listed=False,
                    )
                )
        commands += [
            QuizCommand(
                t("palette.review_all"),
                ui_line(t("palette.review_all_help")),
                partial(screen.begin_all, "review"),
            ),
            QuizCommand(
                t("palette.study_all"),
                ui_line(t("palette.study_all_help")),
                partial(screen.begin_all, "study"),
            ),
            QuizCommand(t("palette.stats"), ui_line(t("palette.stats_help")), screen.action_stats),
        ]
        if app.web is None:
            commands.append(
                QuizCommand(
                    t("palette.profile"),
                    ui_line(t("palette.profile_help")),
                    screen.action_profile,
                )
            )
        for language in LANGUAGES:
            if language != app.settings.language:
                commands.append(
                    QuizCommand(
                        t("palette.language", language=language_name(language)),
                        ui_line(t("palette.language_help")),
                        partial(app.choose_language, language),
                    )
                )
    commands.append(
        QuizCommand(t("palette.help"), ui_line(t("palette.help_help")), app.action_help)
    )
    return commands


class QuizCommands(Provider):
    """The app's own commands in the command palette (Ctrl+P), beside Textual's."""

    def _commands(self) -> list[QuizCommand]:
        return quiz_commands(cast("QuizApp", self.app), self.screen)

    async def discover(self) -> Hits:
        for command in self._commands():
            if command.listed:
                title = ui_line(command.words)
                yield DiscoveryHit(Content(title), command.run, title, command.help)

    async def search(self, query: str) -> Hits:
        # Matched as typed: an Arabic title is drawn shaped and reordered, typed in logical order.
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.words)
            if score > 0:
                title = ui_line(command.words)
                yield Hit(score, Content(title), command.run, title, command.help)
