"""How text reaches the screen: bank text and interface text, laid out for its direction.

Textual draws text left to right as given. Right-to-left text must be shaped and reordered by
the app (in reorder mode, the terminal is told not to) or sent in logical order (terminal mode):
quiz.text.rtl does that, and every place that shows text calls one of these. The interface
language and the RTL mode are those of the current settings (`quiz.text.settings.current()`),
read when the text is built. Each removes control and bidi characters
(quiz.text.safe.on_screen): a name from data never drives the terminal.
"""

from __future__ import annotations

from textual.content import Content
from textual.visual import Visual

from quiz.text.i18n import is_rtl, t
from quiz.text.rtl import Mode, embedded_runs, layout, rtl_language, visual_line
from quiz.text.safe import on_screen
from quiz.text.settings import current
from quiz.text.shaping import cell_width
from quiz.ui.bidi_text import BidiVisual, Stacked


def mode() -> Mode:
    """How right-to-left text is drawn (the current settings' RTL mode)."""
    return current().rtl_mode


def bank_text(
    text: str,
    language: str,
    *,
    style: str = "",
    in_interface: bool = False,
    markdown: bool = False,
) -> Visual:
    """Text from a bank file (data, never markup), in the direction its paragraphs need.

    `in_interface`: the text is an item of the interface (a bank's title in the home list),
    aligned as the interface is: on the right in Arabic, an English title too. `markdown`: the
    text of a `format: markdown` bank (a question, an explanation), read as Markdown.
    """
    if markdown:
        # Imported only when a Markdown bank is shown: a plain one never loads markdown-it.
        from quiz.ui.markdown_view import markdown_text

        return markdown_text(text, rtl_default=rtl_language(language), mode=mode(), style=style)
    return BidiVisual(
        text,
        rtl_default=rtl_language(language),
        mode=mode(),
        style=style,
        align_right=in_interface and is_rtl(),
    )


def ui_text(text: str, *, style: str = "") -> Visual:
    """Interface text (from the catalogue), laid out right to left in an RTL language."""
    if is_rtl():
        # Every paragraph an Arabic sentence, even one that starts with a name or `quiz`.
        return BidiVisual(text, rtl_default=True, mode=mode(), style=style, all_rtl=True)
    # Catalogue text holds names from data (profiles, folders, files): never a control code;
    # an Arabic name in it is laid out where it stands.
    text = embedded_runs(on_screen(text), mode())
    return Content(text).stylize(style) if style else Content(text)


def ui_line(text: str) -> str:
    """Interface text for widgets that take a plain one-line string (footer, buttons)."""
    text = on_screen(text)
    if is_rtl():
        return visual_line(text, rtl_default=True, mode=mode(), all_rtl=True)
    return embedded_runs(text, mode())


def ui_block(text: str, width: int) -> str:
    """Interface text for a widget that wraps a plain string itself (a notification), as rows
    of at most `width` cells joined by newlines.

    Right-to-left text is wrapped here, in reading order, before each row is laid out: a line
    reordered whole and then wrapped by the widget would put its first words on the last row.
    Each row is padded on the left to `width`, so the text is aligned on the right.
    """
    if not is_rtl():
        return ui_line(text)  # the widget wraps left-to-right text as it reads
    text = on_screen(text)
    rows = layout(text, max(8, width), rtl_default=True, mode=mode(), all_rtl=True)
    if mode() == "terminal":
        return "\n".join(row.text for row in rows)  # the terminal lays out each row
    return "\n".join(" " * max(0, width - cell_width(row.text)) + row.text for row in rows)


def labelled(
    label: str, text: str, language: str, *, label_style: str, markdown: str = ""
) -> Visual:
    """An interface label then bank text: one row when both run the same way, else two.

    "The answer is: " before an Arabic answer in an English interface would be pulled into the
    Arabic row's order; on a line of its own each reads in its own direction. `markdown`:
    "inline" for choices of a Markdown bank, "block" for its explanations (under the label).
    """
    rtl = rtl_language(language)
    if markdown == "block":
        return Stacked(
            ui_text(label.rstrip(), style=label_style), bank_text(text, language, markdown=True)
        )
    if rtl == is_rtl():
        if markdown:
            from quiz.ui.markdown_view import StyledVisual, inline_runs

            return StyledVisual(
                inline_runs(text),
                rtl_default=rtl,
                mode=mode(),
                prefix=label,
                prefix_style=label_style,
            )
        return BidiVisual(
            text, rtl_default=rtl, mode=mode(), prefix=label, prefix_style=label_style
        )
    return Stacked(
        ui_text(label.rstrip(), style=label_style),
        choice_text(text, language, markdown=bool(markdown)),
    )


def choice_text(
    text: str,
    language: str,
    *,
    markdown: bool,
    prefix: str = "",
    prefix_style: str = "bold",
    style: str = "",
) -> Visual:
    """A choice (or choices, joined) of a bank: Markdown within a line in a Markdown bank."""
    if not markdown:
        return BidiVisual(
            text,
            rtl_default=rtl_language(language),
            mode=mode(),
            prefix=prefix,
            prefix_style=prefix_style,
            style=style,
        )
    from quiz.ui.markdown_view import StyledVisual, inline_runs

    return StyledVisual(
        inline_runs(text),
        rtl_default=rtl_language(language),
        mode=mode(),
        prefix=prefix,
        prefix_style=prefix_style,
        style=style,
    )


def source_line(source: str, language: str) -> Visual:
    """Where an answer is settled, labelled, after the explanation (a URL is shown as text)."""
    return labelled(t("feedback.source"), source, language, label_style="$text-muted")
