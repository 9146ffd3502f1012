"""Bank text that may be right-to-left, laid out by `quiz.text.rtl` at the width it is drawn at.

`BidiVisual` is a Textual Visual: give it to a `Static`, return it from a widget's `render()`, or
use it as an `OptionList` prompt; it lays itself out again whenever the width changes (the layout
is cached per text and width); `Stacked` puts visuals one under the other. Text is always
data, never markup.
"""

from __future__ import annotations

from typing import cast

from textual.content import Content, Span
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from quiz.text.rtl import Line, Mode, cell_width, layout
from quiz.text.safe import on_screen

# The Visual lays out, wraps and aligns by itself: Textual must not wrap or align it again.
_DRAW_AS_IS = {"text_wrap": "nowrap", "text_overflow": "clip", "text_align": "left", "line_pad": 0}


class _AsIs:
    """The widget's style rules, less those that would wrap or align the laid-out rows again."""

    def __init__(self, rules: RulesMap) -> None:
        self.rules = rules

    def get(self, key: str, default: object = None) -> object:
        if key in _DRAW_AS_IS:
            return _DRAW_AS_IS[key]
        return self.rules.get(key, default)


class BidiVisual(Visual):
    """One piece of bank text, shaped, wrapped and reordered for the width it gets.

    Right-to-left lines end at the right edge, left-to-right lines start at the left edge.
    `prefix` (a choice's sign and label, say) starts the first line in reading order, so it is on
    the right of an Arabic line, styled with `prefix_style`; `style` styles the whole text (a
    Textual style string such as "bold" or "$text-muted"); colours and text-style from CSS apply
    as for any Static.
    """

    def __init__(
        self,
        text: str,
        *,
        rtl_default: bool = False,
        mode: Mode = "reorder",
        prefix: str = "",
        prefix_style: str = "bold",
        style: str = "",
        all_rtl: bool = False,
        align_right: bool = False,
    ) -> None:
        # Every piece of text drawn from data passes here: control and bidi characters go.
        self.text = on_screen(text)
        self.rtl_default = rtl_default
        self.mode: Mode = mode
        self.prefix = on_screen(prefix)
        self.prefix_style = prefix_style
        self.style = style
        self.all_rtl = all_rtl
        #: Every row ends at the right edge, left-to-right ones too (a list in an Arabic
        #: interface: an English bank's title lines up with the Arabic rows under it).
        self.align_right = align_right

    def __repr__(self) -> str:
        return f"BidiVisual({self.text!r}, rtl_default={self.rtl_default}, mode={self.mode!r})"

    def lines(self, width: int) -> tuple[Line, ...]:
        """The laid-out rows at a width, unpadded."""
        return layout(
            self.text,
            max(1, width),
            rtl_default=self.rtl_default,
            mode=self.mode,
            prefix=self.prefix,
            all_rtl=self.all_rtl,
        )

    def content(self, width: int) -> Content:
        """The rows at a width as one Content, right-to-left rows padded on the left.

        `style` covers the text only, not that padding: an underline runs under the words."""
        rows: list[Content] = []
        for line in self.lines(width):
            right = line.rtl or self.align_right
            pad = max(0, width - cell_width(line.text)) if right else 0
            text = self.row(line)
            rows.append(Content(" " * pad) + text if pad else text)
        return Content("\n").join(rows)

    def row(self, line: Line) -> Content:
        """One laid-out row, its prefix and the whole in their styles."""
        text = Content(line.text, self.prefix_spans(line.prefix))
        return text.stylize(self.style) if self.style else text

    def prefix_spans(self, prefix: tuple[int, int]) -> list[Span]:
        start, end = prefix
        return [Span(start, end, self.prefix_style)] if self.prefix_style and end > start else []

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        if width <= 0:
            return []
        options = RenderOptions(
            options.get_style,
            # The rules are read with `get` only (they are a widget's Styles, not a dict).
            cast("RulesMap", _AsIs(options.rules)),
            options.selection,
            options.selection_style,
            options.post_style,
        )
        return self.content(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max(cell_width(line.text) for line in self.lines(max(1, container_width)))

    def get_minimal_width(self, rules: RulesMap) -> int:
        return 1

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines(width))


class Stacked(Visual):
    """Visuals one under the other (a bank's title over its facts in the home list)."""

    def __init__(self, *visuals: Visual) -> None:
        self.visuals = visuals

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        strips: list[Strip] = []
        for visual in self.visuals:
            strips.extend(visual.render_strips(width, None, style, options))
        return strips if height is None else strips[:height]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((v.get_optimal_width(rules, container_width) for v in self.visuals), default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return sum(visual.get_height(rules, width) for visual in self.visuals)
