"""The screen of a big bank read for the first time (or first since it changed).

`quiz play` on a bank the cache already holds starts at its first question at once. A big file
that must be read and checked first takes seconds: this screen shows from the first frame what
is being read, that it happens once, and how long it has taken, while a thread reads it.
"""

from __future__ import annotations

import contextlib
import contextvars
import threading
import time
from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import ProgressBar, Static

from quiz.bank.model import LoadResult
from quiz.text.i18n import duration, t, translatable
from quiz.text.safe import printable_name
from quiz.text.shaping import cell_width
from quiz.ui.display import ui_text
from quiz.ui.footer import QuizFooter
from quiz.ui.localize import localize
from quiz.ui.screen import AppScreen

#: The columns the body's padding takes (quiz.tcss: #loading-body).
BODY_PADDING = 4


def megabytes(size: int) -> float:
    """A file's size in megabytes (10^6 bytes), to one decimal."""
    return round(size / 1_000_000, 1)


class LoadingScreen(AppScreen):
    """Reads one bank in a thread and hands the result to `done` on the app's thread."""

    BINDINGS = [Binding("escape,q", "app.quit", translatable("footer.quit"))]

    def __init__(
        self,
        path: Path,
        read: Callable[[], LoadResult],
        done: Callable[[LoadResult], None],
        *,
        kept: bool = True,
    ) -> None:
        super().__init__(classes="loading")
        localize(self)
        self.path = path
        self.read = read
        self.done = done
        #: Whether the bank cache keeps what is read (else every start reads the file).
        self.kept = kept
        self.started = time.monotonic()
        self._megabytes: float | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="status"):
            yield Static(ui_text(t("loading.title")), id="bank-title")
        with Vertical(id="loading-body"):
            yield Static(ui_text(self.reading(self.app.size.width)), id="loading-what")
            yield ProgressBar(total=None, show_percentage=False, show_eta=False, id="loading-bar")
            yield Static(
                ui_text(t("loading.once" if self.kept else "loading.no_cache")), id="loading-once"
            )
            yield Static(ui_text(t("loading.elapsed", time=duration(0))), id="loading-elapsed")
        yield QuizFooter()

    def reading(self, width: int) -> str:
        """What is read: the path as given when a row of the screen holds it whole (a path is
        one left-to-right unit in an Arabic sentence), else the file's name."""
        if self._megabytes is None:
            try:
                self._megabytes = megabytes(self.path.stat().st_size)
            except OSError:
                self._megabytes = 0.0
        name = printable_name(str(self.path))
        if cell_width(name) > width - BODY_PADDING:
            name = printable_name(self.path.name)
        return t("loading.reading", name=name, size=self._megabytes)

    def on_resize(self, event: events.Resize) -> None:
        for what in self.query("#loading-what").results(Static):
            what.update(ui_text(self.reading(event.size.width)))

    def on_mount(self) -> None:
        self._ticker = self.set_interval(1, self.tick)
        # A daemon thread, not a worker: quitting while a file of hundreds of megabytes is read
        # ends the program at once (the cache writes in one transaction: nothing half-stored).
        # In a copy of this context: the app's settings (its language) are a context variable, and
        # what the thread hands back runs in the thread's context, so the first question would
        # be worded in English under an Arabic interface.
        context = contextvars.copy_context()
        threading.Thread(
            target=context.run, args=(self._read,), name="quiz-read-bank", daemon=True
        ).start()

    def tick(self) -> None:
        seconds = round(time.monotonic() - self.started)
        # A tick due as the screen is replaced finds nothing to update.
        for elapsed in self.query("#loading-elapsed").results(Static):
            elapsed.update(ui_text(t("loading.elapsed", time=duration(seconds))))

    def _finished(self, result: LoadResult) -> None:
        self._ticker.stop()
        self.done(result)

    def _read(self) -> None:
        result = self.read()
        # The student may have quit meanwhile: then there is no app to hand the bank to.
        with contextlib.suppress(RuntimeError):
            self.app.call_from_thread(self._finished, result)
