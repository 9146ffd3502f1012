"""The Markdown of a `format: markdown` bank, read into blocks and laid out with its styles."""

from __future__ import annotations

import unicodedata

from quiz.text.markdown import Code, Prose, Run, blocks, inline, plain
from quiz.text.styled import layout_runs


def styled(line, style: str) -> list[str]:
    """The pieces of a laid-out row that have a style."""
    return [line.text[start:end] for start, end, names in line.spans if style in names]


def test_emphasis_code_and_strike_are_runs_with_their_styles() -> None:
    (para,) = blocks("Say **bold**, *it*, `x = 1` and ~~no~~.")
    assert isinstance(para, Prose)
    assert para.runs == (
        Run("Say "),
        Run("bold", ("strong",)),
        Run(", "),
        Run("it", ("em",)),
        Run(", "),
        Run("x = 1", ("code",)),
        Run(" and "),
        Run("no", ("strike",)),
        Run("."),
    )
    assert blocks("***both***")[0].runs == (Run("both", ("em", "strong")),)


def test_markup_html_and_links_stay_text() -> None:
    text = "[bold]x[/bold] <b>y</b> [docs](https://docs.python.org/3/) ![a chart](c.png) <https://a.org>"
    (para,) = blocks(text)
    assert para.text == (
        "[bold]x[/bold] <b>y</b> docs (https://docs.python.org/3/) a chart https://a.org"
    )
    assert [run.text for run in para.runs if run.styles] == ["https://docs.python.org/3/"]
    # A javascript: link is no link at all: its characters as written.
    assert blocks("[x](javascript:alert(1))")[0].text == "[x](javascript:alert(1))"


def test_an_entity_never_makes_a_control_character() -> None:
    shown = plain("a &#27;[31m b &#7; c")
    assert not any(unicodedata.category(c) == "Cc" for c in shown)


def test_a_fenced_block_is_code_with_its_language_and_indentation() -> None:
    found = blocks("Look:\n\n```python\ndef f():\n    return 1\n```\n\n    plain code\n")
    assert found[1] == Code("def f():\n    return 1", "python", 0, True)
    assert found[2] == Code("plain code", "", 0, True)
    assert [block.gap for block in found] == [False, True, True]


def test_lists_have_bullets_numbers_and_indents() -> None:
    found = blocks("Items:\n\n- one\n- two\n  1. first\n  2. second\n- three\n\n5. five\n")
    rows = [(b.indent, b.marker, b.text, b.gap) for b in found if isinstance(b, Prose)]
    assert rows == [
        (0, "", "Items:", False),
        (0, "• ", "one", True),  # a blank row before the list, none between tight items
        (0, "• ", "two", False),
        (2, "1. ", "first", False),
        (2, "2. ", "second", False),
        (0, "• ", "three", False),
        (0, "5. ", "five", True),
    ]
    assert plain("- one\n  - inner\n") == "• one\n  ◦ inner"


def test_headings_quotes_and_tables_are_plain_paragraphs() -> None:
    found = blocks("# Title\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert [b.text for b in found] == ["Title", "quoted", "| a | b | |---|---| | 1 | 2 |"]


def test_a_choice_reads_markdown_within_its_line_only() -> None:
    assert inline("`3`") == (Run("3", ("code",)),)
    assert inline("1. not a list") == (Run("1. not a list"),)
    assert inline("- **x**") == (Run("- "), Run("x", ("strong",)))
    assert plain("`a` *b*", block=False) == "a b"


def test_styles_stay_on_their_words_when_a_paragraph_wraps() -> None:
    runs = blocks("Plain words then **bold words** and `code()` at the end")[0].runs
    lines = layout_runs(runs, 20, rtl_default=False, mode="reorder", prefix="• ")
    assert [line.text for line in lines] == [
        "• Plain words then",
        "  bold words and",
        "  code() at the end",
    ]
    assert styled(lines[1], "strong") == ["bold words"]
    assert styled(lines[2], "code") == ["code()"]


def test_arabic_reads_from_the_right_with_bold_on_its_word_and_code_in_order() -> None:
    runs = blocks("ما ناتج `print(1 + 2)` في **بايثون**؟")[0].runs
    (line,) = layout_runs(runs, 60, rtl_default=True, mode="reorder")
    assert line.rtl
    # Display order: the code's characters as written, the Arabic around it reversed.
    left, code, right = line.text.partition("print(1 + 2)")
    assert code
    assert unicodedata.normalize("NFKC", right.strip()[::-1]) == "ما ناتج"
    assert unicodedata.normalize("NFKC", left.strip()[::-1]) == "في بايثون؟"
    assert styled(line, "code") == ["print(1 + 2)"]
    (bold,) = styled(line, "strong")
    assert unicodedata.normalize("NFKC", bold[::-1]) == "بايثون"


def test_a_ligature_keeps_the_style_of_its_letters() -> None:
    # لا is one glyph once shaped: it is bold as its two letters were.
    runs = (Run("قال "), Run("لا", ("strong",)), Run(" هنا"))
    (line,) = layout_runs(runs, 40, rtl_default=True, mode="reorder")
    assert styled(line, "strong") == ["\ufefb"]
    # In terminal mode the text is sent in logical order, unshaped, styles where they were.
    (sent,) = layout_runs(runs, 40, rtl_default=True, mode="terminal")
    assert sent.text == "قال لا هنا" and styled(sent, "strong") == ["لا"]


def test_text_without_styles_is_laid_out_as_plain_text_is() -> None:
    from quiz.text.rtl import layout

    text = "نص عادي بلا تنسيق يلتف على سطرين"
    lines = layout_runs((Run(text),), 16, rtl_default=True, mode="reorder")
    assert [line.text for line in lines] == [
        line.text for line in layout(text, 16, rtl_default=True, mode="reorder")
    ]
