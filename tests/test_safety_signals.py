"""Signals end the app as quitting does, in every RTL mode: the terminal is given back (the main
screen, no mouse tracking, the cursor, implicit bidi) and the status says which signal."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest
from ui_helpers import THREE

from quiz.store import Store
from quiz.text.rtl import EXPLICIT, IMPLICIT

pytestmark = pytest.mark.skipif(not hasattr(pty, "openpty"), reason="needs a pseudo-terminal")

ALT_SCREEN_ON, ALT_SCREEN_OFF = b"\x1b[?1049h", b"\x1b[?1049l"
MOUSE_ON, MOUSE_OFF = b"\x1b[?1000h", b"\x1b[?1000l"
CURSOR_HIDDEN, CURSOR_SHOWN = b"\x1b[?25l", b"\x1b[?25h"

# Runs quiz with SIGINT, SIGTERM and SIGHUP as asked: "default", or "ignore" (what `nohup quiz &`
# passes on: SIGHUP and SIGINT ignored), whatever this test process inherited.
LAUNCH = """
import fcntl, os, signal, sys, termios
fcntl.ioctl(0, termios.TIOCSCTTY, 0)  # the pty is the controlling terminal, as in a window
ignored = sys.argv[1].split(",") if sys.argv[1] else []
for name in ("SIGINT", "SIGTERM", "SIGHUP"):
    number = getattr(signal, name)
    signal.signal(number, signal.SIG_IGN if name in ignored else signal.SIG_DFL)
os.execv(sys.executable, [sys.executable, "-m", "quiz", *sys.argv[2:]])
"""


class Terminal:
    """quiz in a pseudo-terminal of 80x24, its output drained; the pty can be hung up."""

    def __init__(self, args: list[str], env: dict[str, str], ignored: str = "") -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.proc = subprocess.Popen(
            [sys.executable, "-c", LAUNCH, ignored, *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.master: int | None = master
        self.output = bytearray()
        self._stop = threading.Event()
        self.reader = threading.Thread(target=self._drain, args=(master,), daemon=True)
        self.reader.start()

    def _drain(self, master: int) -> None:
        # Never blocked in read(): a read in progress holds the pty open after close(), so the
        # kernel would send no SIGHUP until the app printed something more.
        while not self._stop.is_set():
            if not select.select([master], [], [], 0.05)[0]:
                continue
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            self.output += data

    def _stop_reading(self) -> None:
        self._stop.set()
        self.reader.join()

    def wait_for(self, text: bytes, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output:
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise AssertionError(
                    f"{text!r} never came; output ends {bytes(self.output[-300:])!r}"
                )
            time.sleep(0.05)

    def hang_up(self) -> None:
        """Close the terminal, as closing its window does: the kernel sends SIGHUP."""
        master, self.master = self.master, None
        assert master is not None
        self._stop_reading()
        os.close(master)

    def status(self, timeout: float = 30) -> int:
        try:
            return self.proc.wait(timeout=timeout)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.master is not None:
            self._stop_reading()
            os.close(self.master)
            self.master = None


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "three.yaml"
    path.write_text(THREE, encoding="utf-8")
    return path


def environment(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "TERM": "xterm-256color",
        "QUIZ_CACHE": "off",
        "QUIZ_DB": str(tmp_path / "scores.db"),
        "COLUMNS": "80",
    }


def given_back(output: bytes) -> bool:
    """Whether everything the app switched on was switched off again, after it was."""
    last = output.rfind
    return (
        last(ALT_SCREEN_OFF) > last(ALT_SCREEN_ON) >= 0
        and last(MOUSE_OFF) > last(MOUSE_ON) >= 0
        and last(CURSOR_SHOWN) > last(CURSOR_HIDDEN)
    )


CASES = [
    # (rtl mode, what the shell passed on as ignored, the signal, the status)
    ("reorder", "", signal.SIGTERM, 143),
    ("terminal", "", signal.SIGTERM, 143),
    ("auto", "", signal.SIGTERM, 143),
    ("terminal", "", signal.SIGHUP, 129),
    ("reorder", "", signal.SIGHUP, 129),
    ("reorder", "", signal.SIGINT, 130),
    ("terminal", "", signal.SIGINT, 130),
    # `nohup quiz &`: SIGINT and SIGHUP ignored, and stay so; SIGTERM still ends it.
    ("terminal", "SIGINT,SIGHUP", signal.SIGTERM, 143),
    ("reorder", "SIGINT", signal.SIGTERM, 143),
]


@pytest.mark.parametrize(("rtl", "ignored", "number", "status"), CASES)
def test_a_signal_gives_the_terminal_back_in_every_mode(
    tmp_path: Path, bank: Path, rtl: str, ignored: str, number: int, status: int
) -> None:
    env = environment(tmp_path)
    if rtl == "auto":
        env["TERM_PROGRAM"] = "Apple_Terminal"  # auto chooses terminal mode here
    term = Terminal(["play", str(bank), "--rtl", rtl], env, ignored)
    try:
        term.wait_for(b"Question 1/3")
        term.proc.send_signal(number)
        assert term.status() == status
        time.sleep(0.2)  # the last bytes drained
        output = bytes(term.output)
        assert given_back(output), output[-400:]
        assert b"Traceback" not in output
        if rtl == "reorder":
            assert output.rfind(IMPLICIT.encode()) > output.rfind(EXPLICIT.encode()) >= 0
        else:
            assert EXPLICIT.encode() not in output
    finally:
        term.close()


def test_signals_ignored_by_nohup_stay_ignored(tmp_path: Path, bank: Path) -> None:
    term = Terminal(["play", str(bank)], environment(tmp_path), "SIGINT,SIGHUP")
    try:
        term.wait_for(b"Question 1/3")
        term.proc.send_signal(signal.SIGINT)
        term.proc.send_signal(signal.SIGHUP)
        time.sleep(1)
        assert term.proc.poll() is None  # still running, as nohup asked
        term.output.clear()
        term.proc.send_signal(signal.SIGTERM)
        assert term.status() == 143
    finally:
        term.close()


def test_closing_the_terminal_ends_the_quiz_and_keeps_the_answers(
    tmp_path: Path, bank: Path
) -> None:
    term = Terminal(["play", str(bank)], environment(tmp_path))
    try:
        term.wait_for(b"Question 1/3")
        # Answer, and send the key again while it is not saved yet (a key pressed while the
        # app still starts can be lost under load).
        deadline = time.monotonic() + 30
        answered = 0
        while not answered and time.monotonic() < deadline:
            assert term.master is not None
            os.write(term.master, b"1")
            for _ in range(20):
                time.sleep(0.1)
                with Store.open(tmp_path / "scores.db") as store:
                    sessions = store.sessions()
                answered = sessions[0].answered if sessions else 0
                if answered:
                    break
        assert answered == 1
        term.hang_up()
        assert term.status() == 129
    finally:
        term.close()
    with Store.open(tmp_path / "scores.db") as store:
        (session,) = store.sessions()
        assert session.answered == 1
