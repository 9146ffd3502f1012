"""Put a screen or widget into the interface language: footer labels, key digits, direction."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from textual.binding import Binding
from textual.dom import DOMNode
from textual.widget import Widget

from quiz.text.i18n import CATALOGUES, choice_label, digits, is_rtl, t, translatable
from quiz.ui.display import ui_line

# Textual's own bindings (on the App) carry English descriptions, not catalogue keys.
TEXTUAL_ACTIONS = {
    "command_palette": translatable("footer.palette"),
    "quit": translatable("footer.quit"),
}


#: Textual's own widget and screen bindings (their descriptions are English, shown in the Keys
#: panel), by action.
WIDGET_ACTIONS = {
    "app.focus_next": translatable("keys.focus_next"),
    "app.focus_previous": translatable("keys.focus_previous"),
    "screen.copy_text": translatable("keys.copy_text"),
    "cursor_up": translatable("footer.up"),
    "cursor_down": translatable("footer.down"),
    "first": translatable("keys.first"),
    "last": translatable("keys.last"),
    "select": translatable("keys.select"),
    "page_up": translatable("keys.page_up"),
    "page_down": translatable("keys.page_down"),
    "page_left": translatable("keys.page_left"),
    "page_right": translatable("keys.page_right"),
    "scroll_up": translatable("keys.scroll_up"),
    "scroll_down": translatable("keys.scroll_down"),
    "scroll_left": translatable("keys.scroll_left"),
    "scroll_right": translatable("keys.scroll_right"),
    "scroll_home": translatable("keys.scroll_home"),
    "scroll_end": translatable("keys.scroll_end"),
}

#: Textual's bindings that work but are not worth a line in the Keys panel or the help screen
#: (no screen of quiz scrolls sideways; Tab is said by the dialogs that have fields).
UNLISTED_ACTIONS = frozenset(
    {
        "scroll_left",
        "scroll_right",
        "page_left",
        "page_right",
        "app.focus_next",
        "app.focus_previous",
        "screen.copy_text",
    }
)

#: The key display of the bindings that pick a choice by its label: "1-9", or the abjad letters
#: an Arabic interface labels choices with.
CHOICE_KEYS = "1-9"

#: The letter of the Arabic (101) keyboard layout on each Latin letter key.
ARABIC_LAYOUT = dict(zip("qwertyuiopasdfghjklzxcvnm", "ضصثقفغعهخحشسيبلاتنمئءؤرىة", strict=True))


def localize(node: DOMNode, textual_actions: Mapping[str, str] | None = None) -> None:
    """Translate a node's footer labels and mark it `-rtl` when the language is written so.

    Call it from `__init__`. A description in BINDINGS is a catalogue key (marked with
    `translatable`); Textual gathers BINDINGS when the class is made, before a language is
    chosen, and copies them into each instance's `_bindings`, the map the footer reads. So the
    copy is rewritten here with new Binding objects (the lists are shared with the class).
    """
    actions = textual_actions or {}
    bindings = node._bindings
    translated = {
        key: [_translated(binding, actions) for binding in key_bindings]
        for key, key_bindings in bindings.key_to_bindings.items()
    }
    # A letter key works from an Arabic keyboard layout too (its key is the same; the letter is
    # not), unseen in the footer, which shows the Latin letter.
    for key, key_bindings in list(translated.items()):
        arabic = ARABIC_LAYOUT.get(key)
        if arabic and arabic not in translated:
            translated[arabic] = [
                # Unlisted: the Keys panel and the help screen name the Latin letter once.
                dataclasses.replace(binding, key=arabic, show=False, system=True)
                for binding in key_bindings
            ]
    bindings.key_to_bindings = translated
    node.set_class(is_rtl(), "-rtl")


def widget_words(action: str) -> str | None:
    """What one of Textual's widget keys does, in the interface language (None: not one)."""
    key = WIDGET_ACTIONS.get(action)
    return ui_line(t(key)) if key else None


def in_reading_order(*widgets: Widget) -> list[Widget]:
    """Widgets side by side (a dialog's buttons) in reading order: from the right in Arabic.

    A horizontal layout puts its first child on the left, and CSS cannot reverse it.
    """
    return list(reversed(widgets)) if is_rtl() else list(widgets)


def _translated(binding: Binding, actions: Mapping[str, str]) -> Binding:
    key = actions.get(binding.action, binding.description)
    if key not in CATALOGUES["en"]:
        # Not one of ours: one of Textual's, named by its action (or left as it is).
        key = WIDGET_ACTIONS.get(binding.action, key)
    if not key or binding.action in UNLISTED_ACTIONS:
        # A key with nothing to say (an Arabic letter that answers) is not listed either.
        return dataclasses.replace(binding, system=True)
    display = binding.key_display
    if display == CHOICE_KEYS:
        # What the choices are labelled with: 1. 2. 3. or أ. ب. ج.
        last = 9 if is_rtl() else 8  # Arabic letters go to the tenth choice (ي), digits to 9
        display = f"{choice_label(0)[:-1]}-{choice_label(last)[:-1]}"
    return dataclasses.replace(
        binding,
        description=ui_line(t(key)),
        # In display order too: أ-ي reads from the right (its cells are ي-أ).
        key_display=ui_line(digits(display)) if display else None,
    )
