"""A `format: markdown` bank on screen: styles, code, lists, links as text, right to left."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

from conftest import ROOT
from rich.segment import Segment
from ui_helpers import build, screen_lines, screen_text

from quiz.bank.loader import load_bank
from quiz.ui.exam_screen import ExamScreen
from quiz.ui.question import QuestionScreen
from quiz.ui.results import ResultsScreen

BANK = """\
title: Python basics
format: markdown
shuffle: false
questions:
  - id: len
    shuffle: false
    question: |
      What does **this** *code* print? See [the docs](https://docs.python.org/3/library/functions.html#len).

      [bold]not bold[/bold] and "\x1b[31mnot red" stay text.

      \x1b]8;;https://evil.example\x07no hyperlink\x1b]8;;\x07 either.

      ```python
      letters = ["a", "b", "c"]  # three letters, on a line long enough to be cut somewhere
      print(len(letters))
      ```

      - one item
      - two `items`
        1. nested
    choices: ["`3`", "`2`", "**`['a', 'b', 'c']`**"]
    answer: "`3`"
    explanation: |
      `len()` returns the **number of items**:

      - `len([])` is `0`
"""

ARABIC = """\
title: أساسيات بايثون
language: ar
format: markdown
questions:
  - id: sum
    shuffle: false
    question: ما الذي يطبعه الأمر `print(1 + 2)` في **بايثون**؟
    choices:
      - "`3`"
      - text: "`12`"
        feedback: "يجمع `+` العددين ولا *يصل* النصوص"
      - خطأ
    answer: "`3`"
    explanation: يجمع `+` العددين.
"""

PLAIN = """\
title: Plain
questions:
  - id: stars
    shuffle: false
    question: Is **x** bold or `code`?
    choices: ["**x**", "`y`"]
    answer: "**x**"
"""


def folder_with(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "bank.yaml").write_text(text, encoding="utf-8")
    return folder


def segments(app) -> list[list[Segment]]:
    """The segments of every row of the screen as it is drawn now."""
    return [list(strip) for strip in app.screen._compositor.render_strips()]


def style_of(app, text: str):
    """The style of the first segment that holds a text (the text may span one segment)."""
    for row in segments(app):
        for segment in row:
            if text in segment.text:
                return segment.style
    raise AssertionError(f"{text!r} not on screen:\n{screen_text(app)}")


def row_segments(app, start: str) -> list[Segment]:
    """The segments of the first row whose text starts (after blanks) with `start`."""
    for row in segments(app):
        if "".join(s.text for s in row).strip().startswith(start):
            return [s for s in row if s.text.strip()]
    raise AssertionError(f"no row starts with {start!r}:\n{screen_text(app)}")


async def test_emphasis_code_lists_and_code_blocks_are_drawn_styled(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, BANK)
    bank = load_bank(folder / "bank.yaml").bank
    app, store = build(folder, tmp_path / "scores.db", play=bank)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            lines = screen_lines(app)
            text = screen_text(app)
            # No Markdown marks left; the prose is not bold all over, its bold word is.
            assert "**" not in text and "`" not in text and "```" not in text
            assert style_of(app, "this").bold
            assert not style_of(app, "What does").bold
            assert style_of(app, "code").italic and not style_of(app, "code").bold
            prose = style_of(app, "What does").color
            # The fenced block: its own rows, several colours, a panel behind it.
            code_row = row_segments(app, "letters =")
            assert len({s.style.color for s in code_row}) >= 3
            assert all(s.style.bgcolor is not None for s in code_row)
            assert code_row[0].style.bgcolor != style_of(app, "What does").bgcolor
            assert any(line.strip() == "print(len(letters))" for line in lines)
            # Inline code: the theme's accent, not the prose's colour.
            assert style_of(app, "items").color != prose
            # Lists: bullets, and the nested numbered item indented under its parent's text.
            one = next(line for line in lines if "• one item" in line)
            nested = next(line for line in lines if "1. nested" in line)
            assert nested.index("1.") == one.index("•") + 2
            assert any("• two items" in line for line in lines)
            # The choices: inline Markdown, numbered as usual.
            assert any(line.strip() == "1. 3" for line in lines)
            assert style_of(app, "['a', 'b', 'c']").bold
            await pilot.press("1")
            await pilot.pause()
            text = screen_text(app)
            assert "✓ Right!" in text
            assert "len() returns the number of items:" in text
            assert style_of(app, "number of items").bold
            assert "• len([]) is 0" in text
        (answer,) = store.answers(1)
        assert answer["correct"] and answer["choices"][answer["picked"][0]] == "`3`"


async def test_markup_escapes_and_links_are_shown_as_text(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, BANK)
    result = load_bank(folder / "bank.yaml")
    assert any("U+001B (ESCAPE)" in p.message for p in result.warnings)
    app, store = build(folder, tmp_path / "scores.db", play=result.bank)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert "[bold]not bold[/bold]" in text
            assert not style_of(app, "not bold").bold
            assert '"[31mnot red" stay text.' in text
            # An OSC 8 hyperlink written in the file: its ESC and BEL removed, the rest text.
            assert "]8;;https://evil.exampleno hyperlink]8;; either." in text
            # The link: its text, then its address as text; nothing clickable.
            assert "See the docs" in text
            assert "(https://docs.python.org/3/library/functions.html#len)" in text
            for row in segments(app):
                for segment in row:
                    assert "\x1b" not in segment.text
                    assert segment.style is None or segment.style.link is None
                    meta = segment.style.meta if segment.style else {}
                    assert "@click" not in meta


async def test_a_long_code_line_wraps_at_a_space_within_50_columns(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, BANK)
    bank = load_bank(folder / "bank.yaml").bank
    app, store = build(folder, tmp_path / "scores.db", play=bank)
    with store:
        async with app.run_test(size=(50, 15)) as pilot:
            await pilot.pause()
            lines = screen_lines(app)
            assert all(len(line) <= 50 for line in lines)
            start = next(i for i, line in enumerate(lines) if "letters = " in line)
            # (The scroll bar may stand at the end of a row.)
            first, second = (lines[at][:46].strip() for at in (start, start + 1))
            # Cut after a word, the rest on the next row after the mark.
            assert first.endswith("# three letters,")
            assert second == "↪ on a line long enough to be cut somewhere"
            # The question is taller than the screen: it scrolls, and opens at its top.
            body = app.screen.query_one("#body")
            assert body.max_scroll_y > 0 and body.scroll_y == 0


async def test_an_arabic_markdown_question_reads_from_the_right_with_code_in_order(
    tmp_path: Path,
) -> None:
    folder = folder_with(tmp_path, ARABIC)
    bank = load_bank(folder / "bank.yaml").bank
    app, store = build(folder, tmp_path / "scores.db", play=bank, lang="ar")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            row = next(line for line in screen_lines(app) if "print(1 + 2)" in line)
            # Right-aligned (the body's padding on the right), read from the right.
            assert len(row.rstrip()) == 78
            left, _, right = row.strip().partition("print(1 + 2)")
            # Undone as RTL.md says: each row reversed, then its shaping undone.
            assert unicodedata.normalize("NFKC", right.strip()[::-1]) == "ما الذي يطبعه الأمر"
            assert unicodedata.normalize("NFKC", left.strip()[::-1]) == "في بايثون؟"
            bold = style_of(app, "\ufee5\ufeee\ufe9c\ufef3\ufe8e\ufe91")  # بايثون, shaped
            assert bold.bold
            assert not style_of(app, "print(1 + 2)").bold
            await pilot.press("2")  # `12`: its feedback, its own Markdown, under the choice
            await pilot.pause()
            lines = screen_lines(app)
            assert "12" in lines[next(i for i, line in enumerate(lines) if "ﻦﻳﺩﺪﻌﻟﺍ" in line) - 1]
            assert style_of(app, "ﻞﺼﻳ").italic  # يصل, shaped and in display order
            assert style_of(app, "+").color != style_of(app, "ﻊﻤﺠﻳ").color  # + is code


async def test_a_plain_bank_still_shows_its_asterisks_and_backticks(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, PLAIN)
    bank = load_bank(folder / "bank.yaml").bank
    app, store = build(folder, tmp_path / "scores.db", play=bank)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            lines = screen_lines(app)
            assert any(line.strip() == "Is **x** bold or `code`?" for line in lines)
            assert any(line.strip() == "1. **x**" for line in lines)
            assert style_of(app, "Is **x** bold").bold  # the whole question, as always


def test_a_plain_bank_never_loads_markdown_it(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, PLAIN)
    code = f"""
import asyncio, sys
sys.path.insert(0, {str(ROOT / "tests")!r})
from pathlib import Path
from ui_helpers import build, screen_text
from quiz.bank.loader import load_bank

async def main():
    bank = load_bank(Path({str(folder / "bank.yaml")!r})).bank
    app, store = build(Path({str(folder)!r}), {str(tmp_path / "s.db")!r}, play=bank)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("1")
            await pilot.pause()
            assert "**x**" in screen_text(app)
asyncio.run(main())
print(sorted(m for m in sys.modules if m.startswith(("markdown_it", "quiz.text.markdown",
    "quiz.ui.markdown_view", "pygments"))))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


async def test_the_exam_and_the_results_show_the_markdown_too(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, BANK)
    bank = load_bank(folder / "bank.yaml").bank
    app, store = build(folder, tmp_path / "scores.db", play=bank, mode="exam")
    with store:
        async with app.run_test(size=(80, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ExamScreen)
            assert style_of(app, "this").bold
            assert "**" not in screen_text(app)
            assert len({s.style.color for s in row_segments(app, "letters =")}) >= 3
            await pilot.press("2", "s", "y")  # the submit is confirmed first
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            text = screen_text(app)
            assert "Answer: 3" in text and "You said: 2" in text
            assert "`" not in text and "**" not in text
            assert style_of(app, "number of items").bold


async def test_the_weakest_questions_show_a_markdown_question_as_its_words(tmp_path: Path) -> None:
    from quiz.ui.stats_screen import StatsScreen

    folder = folder_with(tmp_path, BANK)
    bank = load_bank(folder / "bank.yaml").bank
    app, store = build(folder, tmp_path / "scores.db", play=bank)
    with store:
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await pilot.press("2", "enter")  # wrong, then on to the results
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            await pilot.press("h")
            await pilot.pause()
            await pilot.press("t")
            await pilot.pause()
            assert isinstance(app.screen, StatsScreen)
            await app.workers.wait_for_complete()
            await pilot.pause()
            text = screen_text(app)
            weakest = text[text.index("Weakest questions:") :]
            assert "What does this code print? See the docs" in weakest
            assert "**" not in weakest and "```" not in weakest
