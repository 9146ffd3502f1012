"""A path or a URL inside Arabic interface text stays one left-to-right unit in its logical order
(quiz.text.reorder.ltr_units): on a laid-out row, on the app's screen (the loading screen shows
the path again when it fits) and in the command line's output on a terminal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import FakeClock
from test_cli_terminal import run_on_pipe, run_on_pty
from test_rtl import _MIRROR, canonical, clusters
from test_scale_structure import bank_text
from test_ui_loading import gated, wait_for_screen
from ui_helpers import screen_lines

from quiz.bank.cache import BankCache
from quiz.bank.catalog import Catalog
from quiz.store import Store
from quiz.text.reorder import ltr_units
from quiz.text.rtl import EXPLICIT, IMPLICIT, layout
from quiz.text.settings import Settings
from quiz.ui.app import QuizApp
from quiz.ui.loading import LoadingScreen
from quiz.ui.question import QuestionScreen

# In a row read right to left, what reads left to right: Latin words, numbers, paths and URLs,
# with single spaces between them (`quiz check questions/a.yaml`). Matched on the reversed row,
# where each such run starts with a letter or a digit and ends with neither a point nor a colon
# (those belong to the sentence; the rows read back here put none right after a path).
_LTR = r"[A-Za-z0-9](?:[A-Za-z0-9/.:_~-]*[A-Za-z0-9/_~-])?"
_LTR_RUN = re.compile(f"{_LTR}(?: {_LTR})*")


def read_rtl(row: str) -> str:
    """A right-to-left row as a person reads it: from the right, each left-to-right run (a path
    or a URL among them) from its left."""
    backwards = "".join(reversed(clusters(row)))
    parts: list[str] = []
    position = 0
    for match in _LTR_RUN.finditer(backwards):
        parts.append(backwards[position : match.start()].translate(_MIRROR))
        parts.append(match.group()[::-1])
        position = match.end()
    parts.append(backwards[position:].translate(_MIRROR))
    return "".join(parts)


SENTENCE = (
    "لا يوجد ملف: questions/oic/ar.yaml، وانظر https://example.org/a/b أو /tmp/bank.yaml "
    "أو ./banks/x.yaml."
)
# The same, each path with an Arabic word after it: read back without guessing whose a point is.
READ_BACK = (
    "لا يوجد ملف questions/oic/ar.yaml هنا، وانظر https://example.org/a/b أو /tmp/bank.yaml "
    "فيه (أو banks/x.yaml) الآن"
)


def test_paths_and_urls_are_found_and_a_full_stop_is_not_theirs() -> None:
    found = [SENTENCE[start:end] for start, end in ltr_units(SENTENCE)]
    assert found == [
        "questions/oic/ar.yaml",
        "https://example.org/a/b",
        "/tmp/bank.yaml",
        "./banks/x.yaml",
    ]
    assert ltr_units("a.yaml:3:5: error") == []  # no slash: a file name is a word already
    # "انظر " is 5 characters, "banks/a.yaml:3" 14: the line number goes with its path.
    assert ltr_units("انظر banks/a.yaml:3 هنا") == [(5, 19)]


def test_a_path_and_a_url_keep_their_order_in_an_arabic_row() -> None:
    (line,) = layout(SENTENCE, 120, rtl_default=True, mode="reorder", all_rtl=True)
    row = line.text
    for unit in ("questions/oic/ar.yaml", "https://example.org/a/b", "/tmp/bank.yaml"):
        assert unit in row  # drawn left to right, whole
    assert "./banks/x.yaml" in row
    # Read from the right: the first path first, so it is the rightmost; the sentence's full
    # stop ends it on the left.
    assert row.index("questions/") > row.index("https://") > row.index("/tmp/") > row.index("./b")
    assert row.startswith(".") and not row.startswith("./")
    (line,) = layout(READ_BACK, 120, rtl_default=True, mode="reorder", all_rtl=True)
    assert canonical(read_rtl(line.text)) == canonical(READ_BACK)


@pytest.mark.parametrize("width", [30, 46, 80])
def test_a_wrapped_arabic_sentence_reads_back_with_its_paths_whole(width: int) -> None:
    lines = layout(READ_BACK, width, rtl_default=True, mode="reorder", all_rtl=True)
    assert len(lines) >= (2 if width < 80 else 1)
    assert canonical(" ".join(read_rtl(line.text) for line in lines)) == canonical(READ_BACK)
    shown = "\n".join(line.text for line in lines)
    assert "https://example.org/a/b" in shown and "/tmp/bank.yaml" in shown


def test_a_left_to_right_row_is_left_as_it_was() -> None:
    text = "No file: questions/oic/ar.yaml (see https://example.org/a/b)"
    (line,) = layout(text, 80, rtl_default=False, mode="reorder")
    assert line.text == text


def rtl_rows(app: QuizApp) -> list[str]:
    """The screen's rows that hold Arabic, read right to left."""
    return [read_rtl(row.strip()) for row in screen_lines(app) if re.search("[\ufb50-\ufeff]", row)]


@pytest.mark.parametrize("size", [(80, 24), (50, 15)])
async def test_the_loading_screen_names_the_path_as_given_in_arabic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    monkeypatch.chdir(tmp_path)
    path = Path("questions/oic/ar.yaml")
    path.parent.mkdir(parents=True)
    path.write_text(bank_text(5), encoding="utf-8")
    catalog = Catalog([Path("questions")], BankCache.open(tmp_path / "cache.sqlite3"))
    gate = gated(catalog)
    store = Store.open(tmp_path / "scores.db")
    app = QuizApp(store, catalog, settings=Settings.of("ar"), read=path, clock=FakeClock())
    with store:
        async with app.run_test(size=size) as pilot:
            for _ in range(200):
                if any("questions/oic/ar.yaml" in row for row in screen_lines(app)):
                    break
                await pilot.pause(0.05)
            assert isinstance(app.screen, LoadingScreen)
            read = " ".join(rtl_rows(app))
            # A file of a few hundred bytes is 0.0 MB, with the Arabic decimal separator.
            said = "قراءة questions/oic/ar.yaml (٠٫٠ ميغابايت) وفحص كل سؤال فيه."
            assert canonical(said) in canonical(read)
            gate.set()
            await wait_for_screen(pilot, app, QuestionScreen)
    catalog.cache.close()


async def test_the_loading_screen_names_only_the_file_when_the_path_does_not_fit(
    tmp_path: Path,
) -> None:
    path = tmp_path / ("long-folder-name-" * 3) / "many.yaml"
    path.parent.mkdir()
    path.write_text(bank_text(5), encoding="utf-8")
    catalog = Catalog([tmp_path], BankCache.open(None))
    gate = gated(catalog)
    store = Store.open(tmp_path / "scores.db")
    app = QuizApp(store, catalog, settings=Settings.of("ar"), read=path, clock=FakeClock())
    with store:
        async with app.run_test(size=(50, 15)) as pilot:
            for _ in range(200):
                if any("many.yaml" in row for row in screen_lines(app)):
                    break
                await pilot.pause(0.05)
            assert isinstance(app.screen, LoadingScreen)
            assert not any("long-folder" in row for row in screen_lines(app))
            assert "قراءة many.yaml (٠٫٠ ميغابايت)" in canonical(" ".join(rtl_rows(app)))
            gate.set()
            await wait_for_screen(pilot, app, QuestionScreen)


@pytest.mark.parametrize(
    "args",
    [
        ["import", "questions/geography/world-geography.yaml"],
        ["serve", "--public-url", "https://quiz.school.example/a/b"],
    ],
)
def test_a_path_and_a_url_in_an_arabic_error_read_right_on_a_terminal(args: list[str]) -> None:
    logical = run_on_pipe(["--lang", "ar", *args]).stderr.strip()
    assert "/" in logical and re.search("[\u0600-\u06ff]", logical)
    out = run_on_pty(["--lang", "ar", *args]).replace(EXPLICIT, "").replace(IMPLICIT, "")
    rows = [row.strip() for row in out.splitlines() if row.strip()]
    # The words before the message, which the reader here cannot tell from the sentence's.
    for lead in ("quiz: error: --public-url ", "quiz: error: "):
        logical = logical.replace(lead, "")
        rows = [row.replace(lead, "") for row in rows]
    assert len(rows) >= 2  # wrapped to the terminal's 100 columns
    for unit in re.findall(r"\S*/\S*[A-Za-z]", logical):
        unit = unit.strip("'():،")
        assert any(unit in row for row in rows), unit
    assert canonical(" ".join(read_rtl(row) for row in rows)) == canonical(logical)
