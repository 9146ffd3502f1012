"""The command palette's commands (Textual's own: Theme, Quit, Keys...) in the interface language.

Their titles and help are laid out for the screen like every interface string (quiz.ui.display);
a command this module does not know keeps Textual's words.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from textual.app import SystemCommand
from textual.command import CommandPalette
from textual.theme import ThemeProvider

from quiz.text.i18n import t, translatable
from quiz.ui.display import ui_line

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
