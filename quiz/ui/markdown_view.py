"""The text of a `format: markdown` bank on screen: styled prose, lists and highlighted code.

`markdown_text` (a question, an explanation, feedback) and `StyledVisual` (a choice, one line of
Markdown) are Textual Visuals like `BidiVisual`, drawn from `quiz.text.markdown`'s blocks: the
text is never handed to Rich's Markdown or to markup, so brackets and links are shown as
written, and nothing on the screen is a hyperlink. Prose goes through the right-to-left
pipeline with its styles (`quiz.text.styled`); code blocks are left to right, never reshaped,
coloured by Pygments with the theme's colours (`textual.highlight`), and wrapped at a space or
between tokens when a line is wider than the screen, the next row starting with `↪`. This module
is imported only when a Markdown bank's text is shown.
"""

from __future__ import annotations

from functools import lru_cache

from textual.content import Content, Span
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from quiz.text.markdown import Block, Code, Prose, Run, blocks, inline
from quiz.text.rtl import Mode, cell_width
from quiz.text.shaping import wrap_spans
from quiz.text.styled import StyledLine, layout_runs
from quiz.ui.bidi_text import BidiVisual

#: How each Markdown style looks, in the theme's colours.
LOOKS = {
    "strong": "bold",
    "em": "italic",
    "strike": "strike",
    "code": "$text-accent",
    "url": "$text-muted",
}
#: The background of a code block.
CODE_PANEL = "on $panel"
#: What starts a code row that goes on from the row above.
CONTINUED = "↪ "


def _look(names: tuple[str, ...]) -> str:
    return " ".join(LOOKS[name] for name in names if name in LOOKS)


class StyledVisual(BidiVisual):
    """Styled runs of text (one paragraph or list item) laid out like `BidiVisual`'s text."""

    def __init__(
        self,
        runs: tuple[Run, ...],
        *,
        rtl_default: bool = False,
        mode: Mode = "reorder",
        prefix: str = "",
        prefix_style: str = "bold",
        style: str = "",
    ) -> None:
        super().__init__(
            "".join(run.text for run in runs),
            rtl_default=rtl_default,
            mode=mode,
            prefix=prefix,
            prefix_style=prefix_style,
            style=style,
        )
        self.runs = runs

    def lines(self, width: int) -> tuple[StyledLine, ...]:  # type: ignore[override]
        return layout_runs(
            self.runs,
            max(1, width),
            rtl_default=self.rtl_default,
            mode=self.mode,
            prefix=self.prefix,
        )

    def row(self, line: StyledLine) -> Content:  # type: ignore[override]
        """One row with its runs' styles; the whole style goes beneath them (a bold word in a
        question drawn bold all over still shows)."""
        spans = [Span(start, end, _look(names)) for start, end, names in line.spans]
        text = Content(line.text, [*spans, *self.prefix_spans(line.prefix)])
        return text.stylize_before(self.style) if self.style else text


class CodeVisual(Visual):
    """A code block: highlighted, left to right, wrapped only where a line does not fit."""

    def __init__(self, code: str, language: str, indent: int = 0) -> None:
        self.code = code
        self.language = language
        self.indent = indent

    def rows(self, width: int) -> list[Content]:
        return list(_code_rows(self.code, self.language, max(1, width - self.indent)))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        lead = Content(" " * self.indent)
        rows = self.rows(width)
        # A panel as wide as the longest row sets the code apart from the prose around it.
        wide = max((row.cell_length for row in rows), default=0)
        rows = [
            lead + row.extend_right(wide - row.cell_length).stylize_before(CODE_PANEL)
            for row in rows
        ]
        return Content("\n").join(rows).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.indent + max((r.cell_length for r in self.rows(container_width)), default=0)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return 1

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.rows(width))


@lru_cache(maxsize=256)
def _highlighted(code: str, language: str) -> tuple[Content, ...]:
    from textual.highlight import highlight

    # No language, no colours: Pygments' guess is often wrong on a few lines.
    coloured = highlight(code, language=language or "text")
    return tuple(coloured.split("\n", allow_blank=True))


@lru_cache(maxsize=256)
def _code_rows(code: str, language: str, width: int) -> tuple[Content, ...]:
    rows: list[Content] = []
    for line in _highlighted(code, language):
        plain = line.plain
        if cell_width(plain) <= width:
            rows.append(line)
            continue
        # Where a line is cut: at a space, else between tokens, else where it must.
        start = 0
        first = True
        while start < len(plain):
            room = width if first else max(1, width - len(CONTINUED))
            end = _cut(plain, start, room)
            piece = line[start:end]
            rows.append(piece if first else Content.styled(CONTINUED, "$text-muted") + piece)
            start, first = end, False
            while start < len(plain) and plain[start] == " ":
                start += 1
    return tuple(rows)


def _cut(text: str, start: int, room: int) -> int:
    """Where the row that starts at `start` ends: a break that fits in `room` cells."""
    rest = text[start:]
    if cell_width(rest) <= room:
        return len(text)
    spans = wrap_spans(rest, room)
    end = spans[0][1]
    if len(spans) > 1 and end > 0 and rest[end - 1].isalnum() and rest[end].isalnum():
        # A word cut in two: cut after the last sign (a dot, a bracket, a comma) instead.
        for back in range(end - 1, 0, -1):
            if not rest[back - 1].isalnum() and rest[back - 1] != "_":
                return start + back
    return start + end


class MarkdownVisual(Visual):
    """The blocks of a Markdown text, one under the other, a blank row where Markdown has one."""

    def __init__(self, text: str, *, rtl_default: bool, mode: Mode, style: str = "") -> None:
        self.parts: list[tuple[bool, Visual]] = [
            (block.gap, _visual(block, rtl_default, mode, style)) for block in blocks(text)
        ]

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        strips: list[Strip] = []
        for gap, visual in self.parts:
            if gap:
                strips.append(Strip.blank(width, style.rich_style))
            strips.extend(visual.render_strips(width, None, style, options))
        return strips if height is None else strips[:height]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((v.get_optimal_width(rules, container_width) for _, v in self.parts), default=0)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return 1

    def get_height(self, rules: RulesMap, width: int) -> int:
        return sum(gap + v.get_height(rules, width) for gap, v in self.parts)


def _visual(block: Block, rtl_default: bool, mode: Mode, style: str) -> Visual:
    if isinstance(block, Code):
        return CodeVisual(block.text, block.language, block.indent)
    assert isinstance(block, Prose)
    return StyledVisual(
        block.runs,
        rtl_default=rtl_default,
        mode=mode,
        prefix=" " * block.indent + block.marker if block.marker or block.indent else "",
        prefix_style="",
        style=style,
    )


def markdown_text(text: str, *, rtl_default: bool, mode: Mode, style: str = "") -> Visual:
    """A Markdown text (a question, an explanation, feedback) as a Visual."""
    return MarkdownVisual(text, rtl_default=rtl_default, mode=mode, style=style)


def inline_runs(text: str) -> tuple[Run, ...]:
    """A choice's Markdown (within a line) as runs."""
    return inline(text)
