"""Start-up time: process start to the first question on screen, against a minimal Textual app.

Both run the same way: a fresh `python` process in a pseudo-terminal of 80x24, timed until their
first screen's text appears in the terminal output. Prints the best of several runs of each and
the ratios (target <= 1.5) for a 10-question bank and a 100,000-question bank (warm cache).

Run: python bench/startup.py [--repeat 7] [--big 100000]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

MINIMAL_APP = """
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("READY-MARKER")
    def on_mount(self):
        self.set_timer(0.2, self.exit)

Minimal().run()
"""


def write_bank(path: Path, count: int) -> None:
    """A bank of `count` questions; the first asks QUESTION-MARKER-0."""
    lines = ["title: Start-up bench", "questions:"]
    for n in range(count):
        lines += [
            f"  - id: q{n}",
            f"    question: QUESTION-MARKER-{n} what is {n} plus one?",
            f"    choices: ['{n + 1}', '{n + 2}', '{n + 3}']",
            f"    answer: '{n + 1}'",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def time_to_text(command: list[str], marker: bytes, env: dict[str, str]) -> float:
    """Seconds from starting a command in a pty to `marker` appearing in its output."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    seen = b""
    elapsed = float("nan")
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 30)
            if not ready:
                break
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            seen = seen[-200:] + chunk
            if marker in seen:
                elapsed = time.perf_counter() - start
                break
    finally:
        proc.kill()
        proc.wait()
        os.close(master)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--big", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small, big = folder / "small.yaml", folder / "big.yaml"
        write_bank(small, 10)
        write_bank(big, args.big)
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            # As Python runs by default: modules compiled once and cached, for both programs.
            "PYTHONDONTWRITEBYTECODE": "",
            "QUIZ_DB": str(folder / "scores.sqlite3"),
            "QUIZ_CACHE": str(folder / "cache.sqlite3"),
        }
        quiz = [sys.executable, "-m", "quiz", "play"]
        # Warm the cache (and the OS file cache) once for each bank.
        for bank in (small, big):
            time_to_text([*quiz, str(bank), "--count", "10"], b"QUESTION-MARKER", env)
        # The three are timed in turn, round after round, so that a change in the machine's load
        # hits all of them alike; the best of each is kept.
        commands = {
            "minimal": ([sys.executable, "-c", MINIMAL_APP], b"READY-MARKER"),
            "small": ([*quiz, str(small), "--count", "10"], b"QUESTION-MARKER"),
            "big": ([*quiz, str(big), "--count", "10"], b"QUESTION-MARKER"),
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, (command, marker) in commands.items():
                times[name].append(time_to_text(command, marker, env))
        minimal = min(times["minimal"])
        print(f"minimal Textual app to first screen: {minimal:.3f} s")
        for name, size in (("small", 10), ("big", args.big)):
            took = min(times[name])
            print(
                f"quiz play, {size}-question bank, to first question: {took:.3f} s"
                f"  ratio {took / minimal:.2f}  (target <= 1.5)"
            )


if __name__ == "__main__":
    main()
