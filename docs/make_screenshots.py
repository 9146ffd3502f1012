"""Save SVG screenshots of the app for the README: python docs/make_screenshots.py.

The SVG is drawn cell by cell from what the app put on the screen, so right-to-left text shows
exactly as a terminal shows it (an SVG renderer would otherwise run the bidi algorithm over
text that the app has already laid out).
"""

from __future__ import annotations

import asyncio
import tempfile
from html import escape
from pathlib import Path

from rich.cells import cell_len
from rich.color import Color
from textual.app import App

from quiz.bank.cache import BankCache
from quiz.bank.catalog import Catalog
from quiz.store import Store
from quiz.text.settings import Settings
from quiz.ui.app import QuizApp

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
CELL_W, CELL_H = 9.6, 20
FONT = "DejaVu Sans Mono, Menlo, Consolas, monospace"


def _hex(color: Color | None, default: str) -> str:
    return color.get_truecolor().hex if color is not None else default


def grid_svg(app: App[object]) -> str:
    """The screen as an SVG: one rectangle and one character (with its marks) per cell."""
    strips = app.screen._compositor.render_strips()
    width, height = app.size
    background = _hex(app.screen.styles.background.rich_color, "#000000")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width * CELL_W:.0f}" '
        f'height="{height * CELL_H}" font-family="{FONT}" font-size="16">',
        "<style>text { unicode-bidi: bidi-override; direction: ltr; white-space: pre; }</style>",
        f'<rect width="100%" height="100%" fill="{background}"/>',
    ]
    for row, strip in enumerate(strips):
        column = 0
        for segment in strip:
            style = segment.style
            fg = _hex(style.color if style else None, "#e0e0e0")
            bg = _hex(style.bgcolor if style else None, background)
            if style and style.reverse:
                fg, bg = bg, fg
            weight = ' font-weight="bold"' if style and style.bold else ""
            line = ' text-decoration="underline"' if style and style.underline else ""
            cells: list[str] = []
            for char in segment.text:
                if cells and cell_len(char) == 0:
                    cells[-1] += char  # a mark rides on the letter before it
                else:
                    cells.append(char)
            for cell in cells:
                x, y = column * CELL_W, row * CELL_H
                size = max(1, cell_len(cell))
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{CELL_W * size + 0.5:.1f}" '
                    f'height="{CELL_H}" fill="{bg}"/>'
                )
                if cell.strip():
                    parts.append(
                        f'<text x="{x:.1f}" y="{y + 15}" fill="{fg}"{weight}{line}>'
                        f"{escape(cell)}</text>"
                    )
                column += size
    parts.append("</svg>")
    return "\n".join(parts)


async def shoot(
    bank: str,
    name: str,
    size: tuple[int, int],
    keys: list[str],
    lang: str = "en",
    mode: str = "practice",
) -> None:
    """Play a bundled bank with some keys pressed and save what the screen shows."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "scores.sqlite3")
        catalog = Catalog([ROOT / "questions"], BankCache.open(None))
        play = catalog.load(ROOT / "questions" / bank).bank if bank else None
        app = QuizApp(
            store, catalog, settings=Settings.of(lang), play=play, count=5, seed=4, mode=mode
        )
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            (IMAGES / f"{name}.svg").write_text(grid_svg(app), encoding="utf-8")
        store.close()


async def shoot_stats() -> None:
    """The statistics screen after a week of practice on the English OIC bank."""
    from datetime import UTC, datetime, timedelta

    from quiz.store import bank_key

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "scores.sqlite3")
        catalog = Catalog([ROOT / "questions"], BankCache.open(None))
        bank = catalog.load(ROOT / "questions" / "oic.en.yaml").bank
        assert bank is not None
        today = datetime.now(UTC).replace(hour=9, minute=0, second=0, microsecond=0)
        for day in range(7):
            moment = today - timedelta(days=6 - day)
            session = store.start_session(
                bank=bank_key(bank.path), title=bank.title, planned=10, now=moment
            )
            for n, question in enumerate(bank.questions[:10]):
                right = (n + day) % 10 < 4 + day  # better every day
                store.record_answer(
                    session,
                    question_id=question.id,
                    question=question.text,
                    choices=list(question.choices),
                    picked=0,
                    correct=right,
                    ms=6000 + 500 * n,
                    now=moment + timedelta(seconds=10 * n),
                )
            store.finish_session(session, now=moment + timedelta(minutes=3))
        app = QuizApp(store, catalog)
        async with app.run_test(size=(80, 30)) as pilot:
            await pilot.pause()
            await pilot.press("t")  # the English OIC bank: listed first in English
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            (IMAGES / "stats.svg").write_text(grid_svg(app), encoding="utf-8")
        store.close()


async def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    await shoot("", "home", (80, 24), [])
    await shoot("oic.en.yaml", "question", (80, 24), ["4"])  # the right answer
    await shoot(
        "oic.en.yaml",
        "results",
        (80, 24),
        ["1", "enter", "2", "enter", "3", "enter", "1", "enter", "2", "enter"],
    )
    await shoot("oic.ar.yaml", "arabic", (80, 24), ["1"], lang="ar")
    # A Markdown bank: code, inline code and emphasis.
    await shoot("programming/python-basics.yaml", "markdown", (80, 24), ["1"])
    await shoot("", "arabic-home", (80, 24), [], lang="ar")
    await shoot("", "arabic-dialog", (80, 24), ["enter"], lang="ar")  # the start dialog
    await shoot("", "start-dialog", (50, 15), ["enter"])  # fits a small terminal
    await shoot("oic.en.yaml", "exam-overview", (80, 24), ["2", "n", "f", "o"], mode="exam")
    await shoot_stats()


if __name__ == "__main__":
    asyncio.run(main())
