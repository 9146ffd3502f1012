"""The HTML report opened in a real headless Chromium: the text is there and the bars are drawn.

Skipped, with the reason, where no Chromium is installed (.ci/run installs Debian's `chromium`).
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from test_report import CAIRO, EVERY, write_class_exports

from quiz.progress.report import build_report
from quiz.render.report_html import CSS, write_html


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


CHROMIUM = find_chromium()

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium to open the HTML report in: install it (Debian: apt-get install chromium)",
)

# Headless, offline and quiet: no first-run setup, no updates, no sync, no network at all.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--hide-scrollbars",
    "--window-size=1000,2400",
]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    report = build_report([write_class_exports(folder / "class")], min_answers=4, filters=EVERY)
    out = folder / "report.html"
    write_html(report, out)
    return out


def chromium(page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium on the page with its own profile and home; fail with its stderr."""
    home = page.parent / "home"
    home.mkdir(exist_ok=True)
    assert CHROMIUM is not None
    done = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={home / 'profile'}", *args, page.as_uri()],
        env={**os.environ, "HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done


@pytest.fixture(scope="module")
def dom(page: Path) -> str:
    """The page's DOM after Chromium loaded it."""
    return chromium(page, "--dump-dom").stdout


def test_the_browser_shows_the_questions_and_percentages(dom: str) -> None:
    assert "<title>Quiz report</title>" in dom
    assert f'<td class="question" dir="auto">{CAIRO}</td>' in dom
    # Markup in a question is text in the page, not an element.
    assert "Capital of France? &lt;b&gt;not bold&lt;/b&gt; &amp; co" in dom
    assert "<b>" not in dom
    assert re.findall(r'<span class="pct">(\d+%)</span>', dom) == [
        # Geography, Math (questions numbered as first met), then the students most behind.
        "40%",
        "25%",
        "75%",
        "0%",
        "0%",
        "25%",
        "75%",
    ]
    assert "الإسكندرية" in dom
    # A bar per question and per student most behind, a chart per bank.
    assert dom.count("<svg") == 7 + 2


def test_the_page_loads_nothing_from_anywhere(dom: str) -> None:
    assert not re.search(r"\b(?:src|href|srcset|action)\s*=", dom)
    assert "http://" not in dom
    assert "https://" not in dom
    assert "<script" not in dom
    assert "<link" not in dom


def png_rows(data: bytes) -> tuple[int, list[bytes]]:
    """Decode an 8-bit, non-interlaced RGB or RGBA PNG: (bytes per pixel, its rows of pixels)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, compressed = 8, b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            compressed += body
        position += 12 + length
    assert (depth, interlace) == (8, 0) and colour in (2, 6)
    size = 3 if colour == 2 else 4
    stride = width * size
    raw = zlib.decompress(compressed)
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 2:
            line = bytearray((x + b) & 255 for x, b in zip(line, previous, strict=True))
        elif kind != 0:
            for i in range(stride):
                a = line[i - size] if i >= size else 0
                b = previous[i]
                c = previous[i - size] if i >= size else 0
                if kind == 1:
                    line[i] = (line[i] + a) & 255
                elif kind == 3:
                    line[i] = (line[i] + (a + b) // 2) & 255
                else:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    near = a if pa <= pb and pa <= pc else b if pb <= pc else c
                    line[i] = (line[i] + near) & 255
        rows.append(bytes(line))
        previous = line
    return size, rows


def colour(name: str) -> bytes:
    """The RGB bytes of a colour variable of the page's CSS."""
    found = re.search(rf"--{name}: #([0-9a-f]{{6}})", CSS)
    assert found
    return bytes.fromhex(found.group(1))


def test_the_bars_are_drawn(page: Path) -> None:
    shot = page.parent / "report.png"
    chromium(page, f"--screenshot={shot}")
    size, rows = png_rows(shot.read_bytes())
    seen = {row[i : i + 3] for row in rows for i in range(0, len(row), size)}
    # Red bars below 50% right, green ones from 75%, on grey tracks: inline SVG, rendered.
    for name in ("low", "high", "track"):
        assert colour(name) in seen, name


# -- geometry: nothing drawn over anything else ---------------------------------------------------

MEASURE = """<script>
// Injected by the test only (the page itself has no script): every table cell's text box.
addEventListener("load", () => {
  const boxes = [];
  for (const row of document.querySelectorAll("table.items tbody tr")) {
    const cells = [...row.cells].map((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      const r = range.getBoundingClientRect();
      const c = cell.getBoundingClientRect();
      return [r.left, r.top, r.right, r.bottom, c.left, c.right];
    });
    boxes.push(cells);
  }
  const dirs = [...document.querySelectorAll("section.bank")].map(
    (s) => getComputedStyle(s).direction);
  const pre = document.createElement("pre");
  pre.id = "measured";
  pre.textContent = JSON.stringify({boxes, dirs});
  document.body.append(pre);
});
</script>"""


LONG_ID = "capital-of-france-and-other-places-id"


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    import json

    from test_report_items import exam_rows, write

    folder = tmp_path_factory.mktemp("geometry")
    write_class_exports(folder / "class")
    # A long id (it used to be drawn over the question) and an Arabic bank of 5 students.
    rows = [r.replace(",q1,", f",{LONG_ID},") for r in exam_rows()]
    rows = [r.replace("/b/exam.yaml,Exam,", "/b/arabic.yaml,عربي,") for r in rows]
    rows = [
        r.replace("Question 1", "ما عاصمة مصر؟ سؤال طويل جدًا يلتف على عدة أسطر في الجدول")
        for r in rows
    ]
    rows = [r.replace("Question ", "السؤال ") for r in rows]
    write(folder / "class" / "arabic.csv", rows)
    report = build_report([folder / "class"], min_answers=1, filters=EVERY)
    out = folder / "report.html"
    write_html(report, out)
    page = out.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>")
    probe = folder / "probe.html"
    probe.write_text(page, encoding="utf-8")
    dom = chromium(probe, "--virtual-time-budget=3000", "--dump-dom").stdout
    found = re.search(r'<pre id="measured">(.*?)</pre>', dom, re.S)
    assert found, dom[-500:]
    return json.loads(html_unescape(found.group(1)))


def html_unescape(text: str) -> str:
    import html

    return html.unescape(text)


def test_no_cell_text_is_drawn_over_another(measured: dict[str, list]) -> None:
    rows = measured["boxes"]
    assert len(rows) == 4 + 4  # the class's 4 questions and the Arabic bank's 4
    for cells in rows:
        for left, _top, right, _bottom, cell_left, cell_right in cells:
            # Each cell's text stays inside its own cell (1 px of rounding)...
            if right > left:
                assert cell_left - 1 <= left and right <= cell_right + 1, cells
        # ...and no two cells' texts share any point.
        texts = [c[:4] for c in cells if c[2] > c[0]]
        for i, a in enumerate(texts):
            for b in texts[i + 1 :]:
                apart = a[2] <= b[0] + 0.5 or b[2] <= a[0] + 0.5 or a[3] <= b[1] or b[3] <= a[1]
                assert apart, (a, b)


def test_an_arabic_bank_is_laid_out_right_to_left(measured: dict[str, list]) -> None:
    # Banks in title order: Geography, Math, then عربي.
    assert measured["dirs"] == ["ltr", "ltr", "rtl"]
    arabic = measured["boxes"][4]
    # Right to left: the number column is the rightmost, the flags the leftmost.
    assert arabic[0][4] > arabic[2][4] > arabic[-1][4]
