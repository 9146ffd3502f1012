"""A question's source is shown after its explanation, in the feedback and on the results screen."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import build, screen_lines, screen_text

from quiz.bank.loader import load_bank
from quiz.ui.question import QuestionScreen
from quiz.ui.results import ResultsScreen

URL = "https://www.oic-oci.org/page/?p_id=52&p_ref=26&lan=en"

BANK = f"""\
title: Sourced
source: The atlas, p. 4
shuffle: false
questions:
  - id: own
    question: Where is the Secretariat?
    shuffle: false
    choices: [Jeddah, Rabat, Cairo]
    answer: Jeddah
    explanation: It is in Jeddah until Al-Quds becomes the permanent seat.
    source: "{URL} [bold]not bold[/bold] [/"
  - id: inherited
    question: Which ocean is largest?
    shuffle: false
    choices: [Pacific, Atlantic, Indian]
    answer: Pacific
"""

UNSOURCED = """\
title: Unsourced
questions:
  - question: Which ocean is largest?
    choices: [Pacific, Atlantic, Indian]
    answer: Pacific
    explanation: It covers a third of the Earth.
"""

ARABIC = f"""\
title: منظمة التعاون الإسلامي
language: ar
questions:
  - id: seat
    question: أين مقر الأمانة العامة؟
    shuffle: false
    choices: [جدة, الرياض, مكة]
    answer: جدة
    explanation: مقرها جدة إلى أن تصبح القدس المقر الدائم.
    source: ميثاق منظمة التعاون الإسلامي (2008)، المادة 21، {URL}
"""


def bank_folder(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "bank.yaml").write_text(text, encoding="utf-8")
    return folder


def row_of(lines: list[str], text: str) -> int:
    """The index of the first screen row holding a text."""
    return next(i for i, line in enumerate(lines) if text in line)


async def test_the_source_follows_the_explanation_as_plain_text(tmp_path: Path) -> None:
    folder = bank_folder(tmp_path, BANK)
    bank = load_bank(folder / "bank.yaml").bank
    app, store = build(folder, tmp_path / "scores.db", play=bank)
    with store:
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            assert "Source:" not in screen_text(app)  # not before the answer
            await pilot.press("2")  # Rabat: wrong
            await pilot.pause()
            lines = screen_lines(app)
            explanation = row_of(lines, "It is in Jeddah until Al-Quds")
            source = row_of(lines, "Source: ")
            # Right under the explanation, markup shown as typed, the URL as text.
            assert source == explanation + 1
            assert f"Source: {URL} [bold]not bold[/bold] [/" in lines[source]
            await pilot.press("enter", "1")  # the second question, right: the bank's source
            await pilot.pause()
            assert "Source: The atlas, p. 4" in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            lines = screen_lines(app)
            why = row_of(lines, "Why: It is in Jeddah")
            assert f"Source: {URL} [bold]not bold[/bold] [/" in lines[why + 1]
            assert "The atlas" not in screen_text(app)  # only missed questions are listed
        assert [row["correct"] for row in store.answers(1)] == [False, True]


async def test_no_source_no_line(tmp_path: Path) -> None:
    folder = bank_folder(tmp_path, UNSOURCED)
    bank = load_bank(folder / "bank.yaml").bank
    app, store = build(folder, tmp_path / "scores.db", play=bank)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("1", "2")  # whichever is first, an answer is given
            await pilot.pause()
            text = screen_text(app)
            assert "It covers a third of the Earth." in text
            assert "Source" not in text


async def test_a_long_source_wraps_in_a_narrow_terminal(tmp_path: Path) -> None:
    folder = bank_folder(tmp_path, BANK)
    bank = load_bank(folder / "bank.yaml").bank
    app, store = build(folder, tmp_path / "scores.db", play=bank)
    with store:
        async with app.run_test(size=(50, 15)) as pilot:
            await pilot.pause()
            await pilot.press("1")
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            app.screen.query_one("#body").scroll_end(animate=False)
            await pilot.pause()
            lines = screen_lines(app)
            start = row_of(lines, "Source: ")
            # The label keeps its place; the rest hangs under the text, nothing cut off.
            column = lines[start].index("Source: ") + len("Source: ")
            rows = [line[column:].rstrip(" ▇▆▅▄▃▂▁█") for line in lines[start : start + 4]]
            assert "".join(rows).replace(" ", "").startswith(URL)
            assert all(len(line) <= 50 for line in lines)


async def test_the_source_in_an_arabic_quiz(tmp_path: Path) -> None:
    folder = bank_folder(tmp_path, ARABIC)
    bank = load_bank(folder / "bank.yaml").bank
    # Terminal mode keeps the text in logical order on screen, so it reads as written.
    app, store = build(folder, tmp_path / "scores.db", play=bank, lang="ar", rtl_mode="terminal")
    with store:
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            await pilot.press("2")
            await pilot.pause()
            lines = screen_lines(app)
            explanation = row_of(lines, "مقرها جدة")
            source = row_of(lines, "المصدر: ")
            assert source == explanation + 1
            assert f"المصدر: ميثاق منظمة التعاون الإسلامي (2008)، المادة 21، {URL}" in lines[source]
