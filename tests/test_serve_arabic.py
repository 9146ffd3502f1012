"""`quiz serve --lang ar` in a real browser: an Arabic question laid out by the app itself.

xterm.js does no bidi and no shaping, so the app sends each line shaped (presentation forms)
and in display order, right-aligned. This test reads the rows xterm.js holds (its buffer, one
string of cells per row), turns each question row back into logical text by hand (the cells
reversed, the shaping undone with NFKC), and compares it with the bank's text; then it checks in
the browser's screenshot that the pixels drawn for those rows end at the right of the terminal.

QUIZ_SCREENSHOTS=FOLDER keeps the screenshot there as serve-arabic.png (the README's is
docs/images/serve-arabic.png). Skipped as tests/test_serve_browser.py is, saying why.
"""

from __future__ import annotations

import base64
import os
import shutil
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_report_browser import find_chromium

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium to play quiz serve in: install it (Debian: apt-get install chromium)",
)
pytest.importorskip("textual_serve", reason="quiz serve needs the serve extra: textual-serve")
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="needs Playwright: pip install playwright"
)

from serve_helpers import CODE, Served  # noqa: E402

from quiz.store import Store  # noqa: E402

#: Long enough to take two lines of the browser's terminal; Arabic letters, spaces, the Arabic
#: comma and question mark only (no digits: they would run left to right inside a row).
QUESTION = (
    "أي مدينة على ضفاف نهر النيل هي عاصمة مصر منذ أن بناها الفاطميون، وما زالت أكبر مدنها "
    "وأكثرها سكانا حتى اليوم، وفيها الجامع الأزهر وقلعة صلاح الدين؟"
)

BANK = f"""\
title: تاريخ
language: ar
shuffle: false
questions:
  - id: nile-capital
    question: {QUESTION}
    choices: [القاهرة, الإسكندرية, أسوان]
    answer: القاهرة
    shuffle: false
"""

#: Keeps the page's xterm.js terminal where the test can read it: textual-serve's script
#: assigns it to `this.terminal` of its own object, and never to anything global.
KEEP_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    if (value && value.buffer && window.__xterm === undefined) window.__xterm = value;
    Object.defineProperty(this, "terminal",
      {value, writable: true, configurable: true, enumerable: true});
  },
});
"""

ROWS = """() => {
  const terminal = window.__xterm;
  if (!terminal) return [];
  const buffer = terminal.buffer.active, rows = [];
  for (let y = 0; y < terminal.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    const cells = [];
    for (let x = 0; x < terminal.cols; x++) {
      const cell = line.getCell(x);
      cells.push(cell.getWidth() === 0 ? "" : cell.getChars() || " ");
    }
    rows.push(cells);
  }
  return rows;
}"""

#: For each band of rows of a PNG, the leftmost and rightmost pixel that is not the band's
#: background (its colour at the left edge), or null where nothing is drawn.
INK = """async ([png, top, cellHeight, rows, width]) => {
  const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
  const image = await createImageBitmap(new Blob([bytes], {type: "image/png"}));
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const found = [];
  for (const row of rows) {
    const y0 = Math.round(top + row * cellHeight), y1 = Math.round(top + (row + 1) * cellHeight);
    const data = context.getImageData(0, y0, width, y1 - y0).data;
    const bg = [data[0], data[1], data[2]];
    let left = null, right = null;
    for (let y = 0; y < y1 - y0; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        const far = Math.max(...[0, 1, 2].map((c) => Math.abs(data[i + c] - bg[c])));
        if (far > 60) {
          if (left === null || x < left) left = x;
          if (right === null || x > right) right = x;
        }
      }
    }
    found.push([left, right]);
  }
  return found;
}"""


def logical(cells: list[str]) -> str:
    """A right-to-left row as it would be typed: its cells right to left, shaping undone."""
    return unicodedata.normalize("NFKC", "".join(reversed(cells)).strip())


def ink_span(cells: list[str]) -> tuple[int, int]:
    """The first and last column of a row that hold something other than a space."""
    columns = [x for x, cell in enumerate(cells) if cell.strip()]
    return columns[0], columns[-1]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    server = Served.start(
        tmp_path_factory.mktemp("serve-arabic"), lang="ar", banks={"history.yaml": BANK}
    )
    yield server
    server.stop()


@pytest.fixture(scope="module")
def page(served: Served) -> Iterator[Any]:
    """Nour, signed in on an Arabic page, on the first question."""
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            ],
        )
        opened = browser.new_context(viewport={"width": 1000, "height": 640}).new_page()
        opened.add_init_script(KEEP_TERMINAL)
        opened.goto(served.url + "/")
        opened.fill("#code", CODE)
        opened.fill("#name", "Nour")
        with opened.expect_navigation():
            opened.click("#play")
        wait_for_row(opened, "Nour")  # the home screen: its header names the profile
        opened.click("#terminal")
        opened.keyboard.press("Enter")
        wait_for_row(opened, "╭")  # the start dialog
        opened.keyboard.press("Enter")
        wait_for_row(opened, "أسوان")  # the question's last choice
        yield opened
        browser.close()


def rows(page: Any) -> list[list[str]]:
    return list(page.evaluate(ROWS))


def wait_for_row(page: Any, text: str, timeout: float = 30.0) -> None:
    """Until a row of the terminal holds `text`, as typed (read left to right or back)."""
    deadline = time.monotonic() + timeout
    while True:
        now = rows(page)
        if any(text in "".join(row) or text in logical(row) for row in now):
            return
        if time.monotonic() > deadline:
            shown = "\n".join("".join(row).rstrip() for row in now)
            raise AssertionError(f"{text!r} never showed:\n{shown}")
        page.wait_for_timeout(100)


def dismiss_notice(page: Any, timeout: float = 30.0) -> None:
    """Click the notice at the bottom right (a click closes it) until it is gone."""
    deadline = time.monotonic() + timeout
    while any("Nour" in "".join(row) for row in rows(page)):
        if time.monotonic() > deadline:
            raise AssertionError("the notice never went")
        box = page.viewport_size
        page.mouse.click(box["width"] * 0.75, box["height"] * 0.9)
        page.wait_for_timeout(300)


def question_rows(grid: list[list[str]]) -> list[int]:
    """The rows that hold a piece of the question, top to bottom."""
    return [y for y, row in enumerate(grid) if len(logical(row)) > 10 and logical(row) in QUESTION]


def test_the_arabic_question_reaches_xterm_shaped_and_in_display_order(
    served: Served, page: Any
) -> None:
    grid = rows(page)
    found = question_rows(grid)
    assert len(found) >= 2, "\n".join("".join(row).rstrip() for row in grid)
    assert found == list(range(found[0], found[0] + len(found)))  # one block of lines
    # Read back top to bottom, each row right to left, they are the question: its first words
    # on the first line.
    assert " ".join(logical(grid[y]) for y in found) == QUESTION
    drawn = "".join("".join(grid[y]) for y in found)
    # Shaped: no bare Arabic letter reaches the terminal, only presentation forms (the comma
    # and the question mark have none). By hand: مصر is meem initial U+FEE3, sad medial
    # U+FEBC, reh final U+FEAE, drawn right to left; in صلاح, lam and alef are one final
    # ligature U+FEFC between sad initial U+FEBB and an isolated hah U+FEA1.
    assert not [c for c in drawn if "\u0621" <= c <= "\u064a"]
    assert "\ufeae\ufebc\ufee3" in drawn
    assert "\ufea1\ufefc\ufebb" in drawn
    # The answer was not given yet: nothing saved but the session.
    with Store.open(served.database) as store:
        (session,) = store.sessions(profile="Nour")
        assert (session.planned, session.answered) == (1, 0)


def test_the_arabic_question_is_right_aligned_in_the_browser(served: Served, page: Any) -> None:
    grid = rows(page)
    found = question_rows(grid)
    columns = len(grid[0])
    spans = [ink_span(grid[y]) for y in found]
    # Every line of the question ends at the same column, at the right of the terminal, with
    # the margin the left side has for English (two cells, and the scroll bar's place).
    rights = {right for _, right in spans}
    assert len(rights) == 1
    (right,) = rights
    assert columns - 1 - right <= 4
    # Ragged on the left: the first line fills most of the row, the last (shorter) one starts
    # further right.
    assert spans[0][0] < columns // 8
    assert spans[-1][0] > spans[0][0] + 5
    # What the browser drew: the ink of each question row begins in the cell of its first
    # glyph and ends in the cell of its last, at the right of the page. The notice that Nour is
    # a new profile is clicked away first (it goes by itself after a few seconds).
    dismiss_notice(page)
    screen = page.evaluate(
        "(() => { const box = document.querySelector('.xterm-screen').getBoundingClientRect();"
        " return [box.left, box.top, box.width, box.height]; })()"
    )
    left, top, width, height = screen
    cell_width, cell_height = width / columns, height / len(grid)
    png = page.screenshot()
    shot = served.folder / "serve-arabic.png"
    shot.write_bytes(png)
    if os.environ.get("QUIZ_SCREENSHOTS"):
        shutil.copy(shot, Path(os.environ["QUIZ_SCREENSHOTS"]) / "serve-arabic.png")
    viewport = page.viewport_size["width"]
    ink = page.evaluate(
        INK, [base64.b64encode(png).decode(), top, cell_height, found, int(viewport)]
    )
    for (first, last), (ink_left, ink_right) in zip(spans, ink, strict=True):
        assert ink_left is not None and ink_right is not None
        # A glyph may reach a pixel or two into the next cell (a final yeh's tail): one cell.
        assert abs((ink_right - left) // cell_width - last) <= 1
        assert abs((ink_left - left) // cell_width - first) <= 1
        assert ink_right > left + width * 0.9
