"""The help screen (`?`): every key of the screen beneath it, with what it does there.

The keys are read from the screen's active bindings (its own, its focused widget's and the
app's), as the footer and the Keys panel read them, so the list says what works now: on an
answered question `⏎ Next`, not `⏎ Answer`. Keys kept out of the Keys panel (system bindings:
the letters of an Arabic keyboard layout, the other number keys of `1-4`) are left out here too.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from quiz.text.i18n import is_rtl, t, translatable
from quiz.ui.display import ui_line
from quiz.ui.footer import QuizFooter
from quiz.ui.localize import UNLISTED_ACTIONS, localize, widget_words


def working_bindings(screen: Screen[object]) -> list[ActiveBinding]:
    """The binding each key runs now: a priority one first, else the nearest to the focused
    widget whose action can run. Textual's `active_bindings` keeps the nearest one even when
    it gives the key on (a question's ← is the exam's Previous: its body does not scroll
    sideways), so the unlisted ones claim no key here."""
    app = screen.app
    found: dict[str, ActiveBinding] = {}
    for namespace, bindings in screen._modal_binding_chain:
        for key, binding in bindings:
            if binding.system or binding.action in UNLISTED_ACTIONS:
                continue
            if not app._check_action_state(binding.action, namespace):
                continue  # disabled or hidden: the key goes on to the next namespace
            held = found.get(key)
            if held is None or (binding.priority and not held.binding.priority):
                found[key] = ActiveBinding(namespace, binding, True, binding.tooltip)
    return list(found.values())


def key_rows(screen: Screen[object]) -> list[tuple[str, str]]:
    """The keys a screen answers to now, as (keys, what they do), one row per thing done
    (`q ^q Quit`: the screen's key and the app's).

    Both are display strings (translated, in display order), as the footer shows them.
    """
    app = screen.app
    # The screen's own keys first (what it is for), then moving about, then the app's.
    ranked = sorted(
        working_bindings(screen),
        key=lambda active: 0 if active.node is screen else 2 if active.node is app else 1,
    )
    rows: dict[str, list[str]] = {}
    for active in ranked:
        binding = active.binding
        if not binding.description:
            continue
        # A widget's own key (the scrolling of a question) in the interface language, whether
        # or not that widget was localized.
        widget = not isinstance(active.node, (Screen, App))
        words = widget_words(binding.action) if widget else None
        if widget and words is None:
            continue  # a field's editing keys (Ctrl+W, Ctrl+K...): Textual's, untranslated
        description = words or binding.description
        keys = rows.setdefault(description, [])
        shown = app.get_key_display(binding)
        if shown not in keys:
            keys.append(shown)
    return [(" ".join(keys), description) for description, keys in rows.items()]


def key_table(rows: list[tuple[str, str]]) -> list[str]:
    """The rows as lines, keys in a column of their own: on the right in a right-to-left
    interface (each part is already in display order)."""
    width = max((cell_len(keys) for keys, _ in rows), default=0)
    lines = []
    for keys, description in rows:
        pad = " " * (width - cell_len(keys))
        lines.append(f"{description}  {pad}{keys}" if is_rtl() else f"{keys}{pad}  {description}")
    return lines


class HelpScreen(ModalScreen[None]):
    """The keys of the screen it was opened on; Esc or `?` closes it."""

    BINDINGS = [
        Binding("escape,question_mark,f1", "close", translatable("footer.close")),
    ]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__(classes="dialog")
        localize(self)
        self.rows = key_rows(under)

    def compose(self) -> ComposeResult:
        # The title in the border: on a short screen the keys scroll under it.
        with VerticalScroll(classes="dialog-box", id="help-keys") as box:
            box.border_title = ui_line(t("help.title"))
            for line in key_table(self.rows):
                yield Static(Content(line), classes="help-key")
        yield QuizFooter()

    def on_mount(self) -> None:
        self.query_one("#help-keys").focus()

    def action_close(self) -> None:
        self.dismiss(None)
