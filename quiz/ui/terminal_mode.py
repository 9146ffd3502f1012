"""Give the terminal back on every way out: explicit bidi mode, and the signals that end the app.

In "reorder" mode the app puts right-to-left text in display order itself, so a terminal that
reorders too (VTE: GNOME Terminal, Tilix, xfce4-terminal; WezTerm) must be told not to with
`ESC [ 8 l`, or Arabic reads backwards. The terminal keeps that mode after the app exits, for the
shell and every program after it, so `ESC [ 8 h` must follow on a normal exit, an error, Ctrl+C
(SIGINT), SIGTERM and SIGHUP. Use it round `app.run()`:

    with ExplicitBidi(enabled=mode == "reorder"):
        app.run()

`exit_on_signals(app)`, called from the app's on_load, makes SIGTERM, SIGHUP and SIGINT end the
app as quitting does, in every RTL mode: Textual leaves the alternate screen, stops mouse
tracking and shows the cursor again, and the app's return code is 128 + the signal (143, 129,
130). Before the app's loop runs, ExplicitBidi's own handler restores the mode and exits so.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import os
import signal
import sys
import threading
from types import FrameType, TracebackType
from typing import Any, TextIO

from textual.app import App

from quiz.text.rtl import EXPLICIT, IMPLICIT

#: The signals that end the app as quitting does; each leaves with status 128 + its number.
ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
#: Those ExplicitBidi handles itself until the app takes over (SIGINT is KeyboardInterrupt).
_BEFORE_THE_APP = (signal.SIGTERM, signal.SIGHUP)


def exit_on_signals(app: App[Any]) -> None:
    """End `app` on SIGTERM, SIGHUP or SIGINT as quitting does, with return code 128 + signal.

    A signal inherited as ignored (`nohup`, SIGINT under `&`) stays ignored; the others still
    end the app. Call it from on_load: the loop runs, the terminal is not yet in application
    mode. The handlers last while the loop does (asyncio removes them when it closes), so a
    second signal during the shutdown does not cut the restore short.
    """
    if threading.current_thread() is not threading.main_thread():
        return
    loop = asyncio.get_running_loop()
    for number in ENDING_SIGNALS:
        if signal.getsignal(number) != signal.SIG_IGN:
            loop.add_signal_handler(number, _end, app, number)


#: Seconds a hung-up app has to shut down before it leaves without waiting any longer.
HANG_UP_GRACE = 3.0


def _end(app: App[Any], number: int) -> None:
    if app.return_code is None:  # the first signal decides the status
        app.exit(return_code=128 + number)
    if number == signal.SIGHUP:
        # The terminal is gone: nothing is left to restore, and Textual's shutdown can block for
        # ever writing to it (its output thread stuck on a closed pseudo-terminal). Every answer
        # is already committed, so after a grace period the process leaves without waiting.
        leave = threading.Timer(HANG_UP_GRACE, os._exit, (128 + number,))
        leave.daemon = True
        leave.start()


class ExplicitBidi:
    """A context manager: the explicit-mode escape on entry, the implicit-mode one on every exit.

    It writes to `stream`, by default the real stderr, which Textual draws on (when it is a
    terminal; otherwise nothing is written). The restore runs from `__exit__` (normal exit,
    exceptions, KeyboardInterrupt, the app ended by a signal), from atexit, and on a SIGTERM or
    SIGHUP that comes before the app handles them (then SystemExit(128 + signal)). Restoring
    twice writes once.
    """

    def __init__(self, stream: TextIO | None = None, *, enabled: bool = True) -> None:
        self.stream = stream
        self.enabled = enabled
        self.active = False
        self._previous: dict[int, Any] = {}

    def _target(self) -> TextIO | None:
        if self.stream is not None:
            return self.stream
        stream = sys.__stderr__
        try:
            return stream if stream is not None and stream.isatty() else None
        except (OSError, ValueError):
            return None

    def _write(self, text: str) -> None:
        stream = self._target()
        if stream is None:
            return
        # Best effort: a terminal that has gone away (hang-up) cannot be restored anyway.
        with contextlib.suppress(OSError, ValueError):
            stream.write(text)
            stream.flush()

    def start(self) -> None:
        """Switch the terminal to explicit mode and arm the restores."""
        if not self.enabled or self.active:
            return
        self._write(EXPLICIT)
        self.active = True
        atexit.register(self.restore)
        if threading.current_thread() is threading.main_thread():
            for number in _BEFORE_THE_APP:
                if signal.getsignal(number) != signal.SIG_IGN:  # nohup's choice is kept
                    self._previous[number] = signal.signal(number, self._on_signal)

    def restore(self) -> None:
        """Switch the terminal back to implicit mode (its default), once."""
        if not self.active:
            return
        self.active = False
        self._write(IMPLICIT)
        atexit.unregister(self.restore)
        if threading.current_thread() is threading.main_thread():
            for number, previous in self._previous.items():
                signal.signal(number, previous)
            self._previous.clear()

    def follow(self, app: App[Any]) -> None:
        """Give the terminal back while `app` is suspended (Ctrl+Z), take it again on resume.

        Call it from the app's `on_mount` (Textual signals need a running app).
        """
        app.app_suspend_signal.subscribe(app, self._on_suspend, immediate=True)
        app.app_resume_signal.subscribe(app, self._on_resume, immediate=True)

    def _on_suspend(self, app: App[Any]) -> None:
        if self.active:
            self._write(IMPLICIT)

    def _on_resume(self, app: App[Any]) -> None:
        if self.active:
            self._write(EXPLICIT)

    def _on_signal(self, number: int, frame: FrameType | None) -> None:
        """SIGTERM or SIGHUP before the app's loop handles them: restore, then leave."""
        previous = self._previous.get(number)
        self.restore()
        if callable(previous):
            previous(number, frame)
        else:
            raise SystemExit(128 + number)

    def __enter__(self) -> ExplicitBidi:
        self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.restore()
