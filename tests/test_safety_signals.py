"""Signals end the app as quitting does, in every RTL mode: the terminal is given back (the main
screen, no mouse tracking, the cursor, implicit bidi) and the status says which signal."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from ui_helpers import THREE

from quiz.store import Store
from quiz.text.rtl import EXPLICIT, IMPLICIT

pytestmark = pytest.mark.skipif(not hasattr(pty, "openpty"), reason="needs a pseudo-terminal")

ALT_SCREEN_ON, ALT_SCREEN_OFF = b"\x1b[?1049h", b"\x1b[?1049l"
MOUSE_ON, MOUSE_OFF = b"\x1b[?1000h", b"\x1b[?1000l"
CURSOR_HIDDEN, CURSOR_SHOWN = b"\x1b[?25l", b"\x1b[?25h"
# How long a step may take on a machine busy with other work: a limit that is never reached
# when the app works, only there so that a broken app fails instead of hanging the suite.
LOADED = 120.0

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

    def wait_for(self, text: bytes, timeout: float = LOADED) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output:
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise AssertionError(
                    f"{text!r} never came; output ends {bytes(self.output[-300:])!r}"
                )
            time.sleep(0.05)

    def drained(self) -> None:
        """Wait until the app has exited and every byte it wrote has been read."""
        # With the app gone, no one holds the pty's other end: the read ends (EIO) once empty.
        self.reader.join(timeout=LOADED)
        assert not self.reader.is_alive(), "the terminal still had output after the app ended"

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
        assert term.status(timeout=LOADED) == status
        term.drained()
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


def saved_answers(db: Path) -> int | None:
    """How many answers the database holds, read as another program would: read-only, never
    waiting for the app's lock (None while the file is not there or is held for a moment)."""
    if not db.exists():
        return None
    try:
        conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=0)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM answers").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:  # not made yet, or the app writing this instant
        return None


def until(condition: Callable[[], bool], timeout: float) -> bool:
    """Whether the condition came true within the timeout (checked every 50 ms)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_closing_the_terminal_ends_the_quiz_and_keeps_the_answers(
    tmp_path: Path, bank: Path
) -> None:
    db = tmp_path / "scores.db"
    term = Terminal(["play", str(bank)], environment(tmp_path))
    try:
        term.wait_for(b"Question 1/3", timeout=LOADED)
        # Answer "1". Under load a key pressed while the app still settles can be lost, so it is
        # pressed again while no answer is saved: once answered, the number keys do nothing
        # more, so there is never a second answer.
        deadline = time.monotonic() + LOADED
        while not until(lambda: (saved_answers(db) or 0) > 0, timeout=5):
            assert time.monotonic() < deadline, bytes(term.output[-300:])
            assert term.proc.poll() is None, bytes(term.output[-300:])
            assert term.master is not None
            os.write(term.master, b"1")
        assert saved_answers(db) == 1
        term.hang_up()
        assert term.status(timeout=LOADED) == 129
    finally:
        term.close()
    with Store.open(db) as store:
        (session,) = store.sessions()
        assert session.answered == 1
