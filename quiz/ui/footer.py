"""The footer of every screen: its keys, mirrored in a right-to-left interface.

In Arabic the footer reads from the right: the first key on the right edge, each key's name on
the right of its description, the command palette on the left. A footer too narrow for its keys
keeps their start (the right) and cuts them at the left, the logical end: `t الإحصاءات` cut short
is `t الإحصا`, not `t ءات`. In terminal mode (the terminal lays out each row) the keys stay in
logical order, as Textual puts them.

A footer too narrow for every key drops keys rather than cut the last ones (the way to leave, to
submit, to quit): first the command palette, then `? Keys`, then the screen's `FOOTER_DROP`
actions, in order.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from quiz.text.i18n import is_rtl
from quiz.text.settings import current


class MirroredFooterKey(FooterKey):
    """A footer key drawn description first, key last: read right to left, the key comes first.

    The description is already in display order (quiz.ui.localize gives it through ui_line).
    """

    def render(self) -> Text:
        text = super().render()
        if not self.description:
            return text
        padding = self.get_component_styles("footer-key--key").padding
        key_width = padding.left + cell_len(self.key_display) + padding.right
        key, description = text.divide([key_width])
        return Text.assemble(description, key)


class QuizFooter(Footer):
    """Textual's footer, mirrored in a right-to-left interface."""

    DEFAULT_CSS = """
    QuizFooter.-rtl {
        align-horizontal: right;
    }
    QuizFooter.-rtl FooterKey.-command-palette {
        dock: left;
        padding-right: 0;
        padding-left: 1;
        border-left: none;
        border-right: vkey $foreground 20%;
    }
    """

    def compose(self) -> ComposeResult:
        keys = in_screen_order(list(super().compose()), self.screen)
        self.fit(keys, self.app.size.width)
        # In terminal mode the terminal lays out each row itself: the keys go in logical order.
        rtl = is_rtl() and current().rtl_mode == "reorder"
        self.set_class(rtl, "-rtl")
        if not rtl:
            yield from keys
            return
        for key in reversed(keys):
            if not isinstance(key, FooterKey):
                yield key
                continue
            mirrored = MirroredFooterKey(
                key.key,
                key.key_display,
                key.description,
                key.action,
                disabled=key.disabled,
                tooltip=key.tooltip if isinstance(key.tooltip, str) else "",
                classes=" ".join(key.classes),
            )
            mirrored.display = key.display
            yield mirrored.data_bind(compact=Footer.compact)
        # Too narrow: show the start of the row (its right end), cut at the left.
        self.call_after_refresh(self._show_start)

    def on_resize(self, event: events.Resize) -> None:
        # Keys shown or hidden in place: a recompose would blank the footer for a moment.
        self.fit(list(self.query(FooterKey)), event.size.width)
        if self.has_class("-rtl"):
            self.call_after_refresh(self._show_start)

    def fit(self, keys: Sequence[Widget], width: int) -> None:
        """Show the keys that fit in `width` cells, hiding the least needed ones."""
        kept = fitting(list(keys), width, getattr(self.screen, "FOOTER_DROP", ()))
        for key in keys:
            key.display = key in kept

    def _show_start(self) -> None:
        self.scroll_to(x=self.max_scroll_x, animate=False, immediate=True)


def in_screen_order(keys: list[Widget], screen: Widget) -> list[Widget]:
    """The keys in the order the screen lists them: a key a focused field binds too (Ctrl+D
    in the profile dialog) would otherwise come first, where the field has it."""
    order: dict[str, int] = {}
    for bindings in screen._bindings.key_to_bindings.values():
        for binding in bindings:
            order.setdefault(binding.action, len(order))
    last = len(order)

    def rank(key: Widget) -> int:
        return order.get(key.action, last) if isinstance(key, FooterKey) else last

    return sorted(keys, key=rank)


def key_width(key: FooterKey) -> int:
    """The cells a footer key takes: ` key description ` (the palette's border and margin too)."""
    width = (
        cell_len(key.key_display) + 2 + (cell_len(key.description) + 1 if key.description else 0)
    )
    return width + 2 if key.has_class("-command-palette") else width


def fitting(keys: list[Widget], width: int, drop: Sequence[str]) -> list[Widget]:
    """The keys that fit in `width` cells: the palette dropped first, then `? Keys`, then
    `drop`'s actions."""

    def total() -> int:
        return sum(key_width(key) for key in keys if isinstance(key, FooterKey))

    order = ["command_palette", "help", *drop]
    for action in order:
        if total() <= width:
            break
        keys = [key for key in keys if not (isinstance(key, FooterKey) and key.action == action)]
    return keys
