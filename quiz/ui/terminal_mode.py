"""Hold the terminal in explicit bidi mode while the app runs, and give it back on every way out.

In "reorder" mode the app puts right-to-left text in display order itself, so a terminal that
reorders too (VTE: GNOME Terminal, Tilix, xfce4-terminal; WezTerm) must be told not to with
`ESC [ 8 l`, or Arabic reads backwards. The terminal keeps that mode after the app exits, for the
shell and every program after it, so `ESC [ 8 h` must follow on a normal exit, an error, Ctrl+C
(SIGINT) and SIGTERM. Use it round `app.run()`:

    with ExplicitBidi(enabled=mode == "reorder"):
        app.run()
"""

from __future__ import annotations

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


class ExplicitBidi:
    """A context manager: the explicit-mode escape on entry, the implicit-mode one on every exit.

    It writes to `stream`, by default the real stderr, which Textual draws on (when it is a
    terminal; otherwise nothing is written). The restore runs from `__exit__` (normal exit,
    exceptions, KeyboardInterrupt), from atexit, and first thing on SIGTERM, which is then turned
    into a SIGINT so that asyncio cancels the app and Textual puts the screen back as on Ctrl+C;
    leaving the block then raises SystemExit(143). Restoring twice writes once.
    """

    def __init__(self, stream: TextIO | None = None, *, enabled: bool = True) -> None:
        self.stream = stream
        self.enabled = enabled
        self.active = False
        self.terminated = False  # a SIGTERM came: leave with status 143 once the screen is back
        self._previous_sigterm: Any = None

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
            self._previous_sigterm = signal.signal(signal.SIGTERM, self._on_sigterm)

    def restore(self) -> None:
        """Switch the terminal back to implicit mode (its default), once."""
        if not self.active:
            return
        self.active = False
        self._write(IMPLICIT)
        atexit.unregister(self.restore)
        if self._previous_sigterm is not None and (
            threading.current_thread() is threading.main_thread()
        ):
            signal.signal(signal.SIGTERM, self._previous_sigterm)
            self._previous_sigterm = None

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

    def _on_sigterm(self, signum: int, frame: FrameType | None) -> None:
        previous = self._previous_sigterm
        self.terminated = True
        self.restore()
        if callable(previous):
            previous(signum, frame)
        elif previous == signal.SIG_IGN:
            return
        else:
            # The default would kill the process with the screen still in application mode;
            # a SIGINT lets asyncio cancel the app, Textual clean up, and __exit__ run.
            os.kill(os.getpid(), signal.SIGINT)

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
        if self.terminated and (kind is None or issubclass(kind, KeyboardInterrupt)):
            raise SystemExit(128 + signal.SIGTERM)
