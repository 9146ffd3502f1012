"""The footer of every screen: its keys, mirrored in a right-to-left interface.

In Arabic the footer reads from the right: the first key on the right edge, each key's name on
the right of its description, the command palette on the left. A footer too narrow for its keys
keeps their start (the right) and cuts them at the left, the logical end: `t الإحصاءات` cut short
is `t الإحصا`, not `t ءات`. In terminal mode (the terminal lays out each row) the keys stay in
logical order, as Textual puts them.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
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
        keys = list(super().compose())
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
            yield mirrored.data_bind(compact=Footer.compact)
        # Too narrow: show the start of the row (its right end), cut at the left.
        self.call_after_refresh(self._show_start)

    def on_resize(self) -> None:
        if self.has_class("-rtl"):
            self.call_after_refresh(self._show_start)

    def _show_start(self) -> None:
        self.scroll_to(x=self.max_scroll_x, animate=False, immediate=True)
