"""Right-to-left text on the screen: BidiVisual read off the rendered cell grid, and the terminal's
explicit bidi mode written at start and restored on every way out."""

from __future__ import annotations

import io
import os
import pty
import select
import signal
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT
from rich.cells import cell_len
from test_rtl import (
    ARABIC_IN_ENGLISH,
    BRACKETS,
    ENGLISH,
    ENGLISH_IN_ARABIC,
    HARAKAT,
    QUESTION,
    canonical,
    read_ltr,
    read_rtl,
)
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quiz.text.rtl import EXPLICIT, IMPLICIT, Line, Mode, choice_label
from quiz.ui.bidi_text import BidiVisual, Stacked
from quiz.ui.terminal_mode import ExplicitBidi

WIDTHS = (30, 40, 80)
RTL_TEXTS = [QUESTION, BRACKETS, HARAKAT, ENGLISH_IN_ARABIC]


class BidiText(Static):
    """A Static showing one piece of bank text as a BidiVisual, as the screens show bank text."""

    DEFAULT_CSS = "BidiText { height: auto; }"

    def __init__(
        self,
        text: str,
        *,
        rtl_default: bool = False,
        mode: Mode = "reorder",
        prefix: str = "",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        self.rtl_default, self.layout_mode, self.prefix = rtl_default, mode, prefix
        super().__init__(self.bidi(text), id=id, classes=classes, markup=False)

    def bidi(self, text: str) -> BidiVisual:
        self.shown = text
        return BidiVisual(
            text, rtl_default=self.rtl_default, mode=self.layout_mode, prefix=self.prefix
        )

    def show_text(self, text: str) -> None:
        """Show other text."""
        self.update(self.bidi(text))

    def rows(self) -> tuple[Line, ...]:
        """The laid-out rows at the widget's own content width."""
        return self.bidi(self.shown).lines(self.content_size.width)


class BidiApp(App[None]):
    """Bank texts in a scrolling body, as the question screen shows them."""

    CSS = """
    #body { padding: 0 1; }
    BidiText { margin-bottom: 1; }
    """

    def __init__(self, texts: list[str], *, mode: Mode, rtl_default: bool = True) -> None:
        super().__init__()
        self.texts = texts
        self.mode: Mode = mode
        self.rtl_default = rtl_default

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="body"):
            for index, text in enumerate(self.texts):
                yield BidiText(
                    text, rtl_default=self.rtl_default, mode=self.mode, id=f"text-{index}"
                )


def grid_rows(app: App[object], region: Region) -> list[str]:
    """What the screen shows in a region, row by row (cells, marks kept with their letter)."""
    strips = app.screen._compositor.render_strips()
    return [strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)]


def check_rows(rows: list[str], text: str, *, rtl: bool, mode: Mode) -> None:
    """Each row is aligned to its side, and reading the rows gives the text back in order."""
    assert rows and all(row.strip() for row in rows)
    for row in rows:
        if rtl:
            assert row == row.rstrip(), f"not right-aligned: {row!r}"
        else:
            assert row == row.lstrip(), f"not left-aligned: {row!r}"
    if mode == "terminal":
        assert " ".join(row.strip() for row in rows) == " ".join(text.split())
        return
    read = " ".join(read_rtl(row) if rtl else read_ltr(row) for row in rows)
    assert canonical(read) == canonical(text)


async def test_question_texts_read_back_at_each_width() -> None:
    for mode in ("reorder", "terminal"):
        app = BidiApp(RTL_TEXTS, mode=mode)
        async with app.run_test(size=(WIDTHS[0], 60)) as pilot:
            for width in WIDTHS:
                await pilot.resize_terminal(width, 60)
                await pilot.pause()
                for index, text in enumerate(RTL_TEXTS):
                    widget = app.query_one(f"#text-{index}", BidiText)
                    region = widget.content_region
                    # The text spans the body, whose right edge is where RTL rows must end.
                    assert region.x == 1 and region.right == width - 1
                    rows = grid_rows(app, region)
                    check_rows(rows, text, rtl=True, mode=mode)
                    assert all(cell_len(row) == region.width for row in rows)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("mode", ["reorder", "terminal"])
async def test_english_and_arabic_in_english_read_left_to_right(width: int, mode: Mode) -> None:
    texts = [ENGLISH, ARABIC_IN_ENGLISH]
    app = BidiApp(texts, mode=mode, rtl_default=True)
    async with app.run_test(size=(width, 40)) as pilot:
        await pilot.pause()
        for index, text in enumerate(texts):
            widget = app.query_one(f"#text-{index}", BidiText)
            rows = grid_rows(app, widget.content_region)
            check_rows(rows, text, rtl=False, mode=mode)
        english = grid_rows(app, app.query_one("#text-0", BidiText).content_region)
        assert " ".join(row.rstrip() for row in english) == ENGLISH


async def test_height_follows_the_width_on_resize() -> None:
    app = BidiApp([QUESTION], mode="reorder")
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        widget = app.query_one(BidiText)
        wide = widget.size.height
        await pilot.resize_terminal(30, 40)
        await pilot.pause()
        assert widget.size.height > wide
        assert widget.size.height == len(list(widget.rows()))
        check_rows(grid_rows(app, widget.content_region), QUESTION, rtl=True, mode="reorder")


async def test_update_shows_other_text_as_data_not_markup() -> None:
    app = BidiApp(["أ"], mode="reorder")
    async with app.run_test(size=(40, 10)) as pilot:
        widget = app.query_one(BidiText)
        widget.show_text("Close tag [/ and [b]not bold[/b]")
        await pilot.pause()
        (row,) = grid_rows(app, widget.content_region)
        assert row.rstrip() == "Close tag [/ and [b]not bold[/b]"


async def test_css_colour_and_text_style_apply() -> None:
    class Styled(App[None]):
        CSS = "#styled { color: red; text-style: italic; padding: 0 2; }"

        def compose(self) -> ComposeResult:
            yield BidiText(BRACKETS, rtl_default=True, prefix="أ. ", id="styled")

    app = Styled()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        widget = app.query_one(BidiText)
        region = widget.content_region
        strip = app.screen._compositor.render_strips()[region.y]
        segments = [s for s in strip.crop(region.x, region.right) if s.text.strip()]
        assert segments
        assert all(s.style and s.style.italic for s in segments)
        assert all(
            s.style and s.style.color and s.style.color.triplet == (255, 0, 0) for s in segments
        )
        # The label is bold and is the rightmost text of the first row.
        label = [s for s in segments if s.style and s.style.bold]
        assert unicodedata.normalize("NFKC", "".join(s.text for s in label)).strip() == ".أ"
        row = strip.crop(region.x, region.right).text
        assert unicodedata.normalize("NFKC", row).endswith(" .أ")


@pytest.mark.parametrize("mode", ["reorder", "terminal"])
async def test_a_choice_row_has_its_label_on_the_right(mode: Mode) -> None:
    prefix = f"✓ {choice_label(1, arabic=True)} "

    class Choice(App[None]):
        def compose(self) -> ComposeResult:
            yield BidiText(BRACKETS, rtl_default=True, mode=mode, prefix=prefix, classes="choice")

    app = Choice()
    async with app.run_test(size=(30, 10)) as pilot:
        await pilot.pause()
        widget = app.query_one(BidiText)
        rows = grid_rows(app, widget.content_region)
        assert len(rows) > 1
        if mode == "reorder":
            assert unicodedata.normalize("NFKC", rows[0]).endswith(" .ب ✓")
            read = " ".join(read_rtl(row) for row in rows)
            assert canonical(read) == canonical(prefix + BRACKETS)
        else:
            assert rows[0].lstrip().startswith(prefix)
            assert " ".join(row.strip() for row in rows) == " ".join((prefix + BRACKETS).split())
        assert all(row.endswith(" " * cell_len(prefix)) for row in rows[1:])


async def test_an_option_list_prompt_is_laid_out_at_its_width() -> None:
    class Home(App[None]):
        def compose(self) -> ComposeResult:
            yield OptionList(
                Option(
                    Stacked(
                        BidiVisual(QUESTION, rtl_default=True, style="bold"),
                        Content("ar · 2 questions").stylize("$text-muted"),
                    )
                ),
                Option(BidiVisual(ENGLISH, rtl_default=True)),
            )

    app = Home()
    async with app.run_test(size=(40, 30)) as pilot:
        await pilot.pause()
        options = app.query_one(OptionList)
        region = options.content_region
        rows = [row.rstrip() for row in grid_rows(app, region)]
        width = max(cell_len(row) for row in rows)
        title_rows = []
        for row in rows:
            if row.endswith(" questions"):
                break
            title_rows.append(row)
        # The title rows end together at the right edge of the options.
        assert len({cell_len(row) for row in title_rows}) == 1
        read = " ".join(read_rtl(row.strip()) for row in title_rows)
        assert canonical(read) == canonical(QUESTION)
        assert width <= region.width


# -- the terminal's explicit mode -----------------------------------------------------------------


def test_explicit_mode_is_written_at_start_and_restored_at_exit() -> None:
    stream = io.StringIO()
    with ExplicitBidi(stream):
        assert stream.getvalue() == EXPLICIT
    assert stream.getvalue() == EXPLICIT + IMPLICIT


@pytest.mark.parametrize("error", [RuntimeError("boom"), KeyboardInterrupt()])
def test_explicit_mode_is_restored_on_an_error_and_on_ctrl_c(error: BaseException) -> None:
    stream = io.StringIO()
    with pytest.raises(type(error)), ExplicitBidi(stream):
        raise error
    assert stream.getvalue() == EXPLICIT + IMPLICIT


def test_explicit_mode_restores_once_and_disarms() -> None:
    stream = io.StringIO()
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)
    bidi = ExplicitBidi(stream)
    with bidi:
        assert signal.getsignal(signal.SIGTERM) == bidi._on_signal
        assert signal.getsignal(signal.SIGHUP) == bidi._on_signal
        bidi.restore()
    bidi.restore()
    assert stream.getvalue() == EXPLICIT + IMPLICIT
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)) == before


async def test_the_terminal_is_given_back_while_the_app_is_suspended() -> None:
    stream = io.StringIO()
    bidi = ExplicitBidi(stream)

    class Suspending(App[None]):
        def on_mount(self) -> None:
            bidi.follow(self)

    with bidi:
        app = Suspending()
        async with app.run_test() as pilot:
            app.app_suspend_signal.publish(app)
            app.app_resume_signal.publish(app)
            await pilot.pause()
    assert stream.getvalue() == EXPLICIT + IMPLICIT + EXPLICIT + IMPLICIT


def test_terminal_mode_writes_nothing() -> None:
    stream = io.StringIO()
    with ExplicitBidi(stream, enabled=False):
        pass
    assert stream.getvalue() == ""


def test_nothing_is_written_to_stderr_that_is_not_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stream = io.StringIO()
    monkeypatch.setattr(sys, "__stderr__", stream)
    with ExplicitBidi():
        pass
    assert stream.getvalue() == ""


TINY_APP = """
import sys
from textual.app import App
from textual.widgets import Static
from quiz.ui.terminal_mode import ExplicitBidi

class Tiny(App):
    def compose(self):
        yield Static("ready")

    def on_mount(self):
        bidi.follow(self)
        print("MOUNTED", file=sys.__stdout__, flush=True)

bidi = ExplicitBidi()
with bidi:
    Tiny().run()
print("EXITED", file=sys.__stdout__, flush=True)
"""


def run_in_pty(tmp_path: Path, send: str) -> tuple[bytes, int]:
    """Run the tiny app in a pseudo-terminal, stop it with Ctrl+C or SIGTERM; its output, status."""
    script = tmp_path / "tiny.py"
    script.write_text(TINY_APP, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm-256color"}
    # Textual reads Ctrl+C as a key unless told to let the terminal turn it into SIGINT.
    env["TEXTUAL_ALLOW_SIGNALS"] = "1"
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        # The test sends Ctrl+C and SIGTERM: both must act as they do by default, whatever this
        # process inherited (pytest started in the background ignores SIGINT, and exec keeps that).
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.execve(sys.executable, [sys.executable, str(script)], env)
    output = b""

    def read_for(seconds: float, until: bytes | None = None) -> None:
        nonlocal output
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not (until and until in output):
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    data = os.read(fd, 65536)
                except OSError:
                    return
                if not data:
                    return
                output += data

    try:
        read_for(30, until=b"MOUNTED")
        assert b"MOUNTED" in output, output[-500:]
        read_for(0.3)
        if send == "ctrl+c":
            os.write(fd, b"\x03")
        else:
            os.kill(pid, signal.SIGTERM)
        read_for(15, until=b"EXITED")
        read_for(0.2)
    finally:
        for _ in range(100):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.1)
        else:
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
        os.close(fd)
    return output, os.waitstatus_to_exitcode(status)


@pytest.mark.skipif(not hasattr(pty, "fork"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize(("send", "status"), [("ctrl+c", 0), ("sigterm", 143)])
def test_a_real_app_in_a_pty_restores_the_mode(tmp_path: Path, send: str, status: int) -> None:
    output, code = run_in_pty(tmp_path, send)
    explicit = output.find(EXPLICIT.encode())
    screen_on = output.find(b"\x1b[?1049h")
    implicit = output.find(IMPLICIT.encode())
    assert 0 <= explicit < screen_on < implicit, output[-500:]
    assert output.count(IMPLICIT.encode()) == 1
    assert code == status
    if send == "ctrl+c":
        assert b"EXITED" in output


@pytest.mark.skipif(not hasattr(pty, "fork"), reason="needs a pseudo-terminal")
def test_the_pty_app_stops_on_ctrl_c_even_when_pytest_ignores_sigint(tmp_path: Path) -> None:
    # As when pytest is started in the background (nohup, `&`): the child inherits SIG_IGN.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        output, code = run_in_pty(tmp_path, "ctrl+c")
    finally:
        signal.signal(signal.SIGINT, previous)
    assert code == 0
    assert b"EXITED" in output
    assert output.count(IMPLICIT.encode()) == 1
