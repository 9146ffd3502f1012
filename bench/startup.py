"""Start-up: process start to the first question on screen, against a minimal Textual app.

Every command runs the same way: a fresh `python` process in a pseudo-terminal of 80x24, timed
until its first screen's text appears in the terminal output; its peak resident set is read
when that text appears. Measured in turn, round after round, so a change in the machine's load
hits all alike; the best time and the largest peak of each are kept.

- warm: the bank cache holds the bank; with `--count 10` and without it (every question asked),
  at 10, 10,000 and 100,000 questions (target: <= 1.3x the minimal app's time, <= 1.5x its RSS);
- cold: the first start after the bank changed (a fresh cache each run), without `--count`: the
  time to the progress screen, to the first question, against `quiz check` on the same file plus
  one warm start (target <= 1.0), and its peak RSS against twice the warm start's plus the
  file's size (target <= 1.0);
- peers (qm2, memotica), when installed, to their first question or card; skipped, saying so,
  when not.

Run: python bench/startup.py [--repeat 5] [--sizes 10,10000,100000]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass, field
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

QUESTION = b"QUESTION-MARKER"

#: Peer programs, run on the same bank file when installed: name -> arguments after the file.
PEERS: dict[str, list[str]] = {"qm2": [], "memotica": []}


def write_bank(path: Path, count: int) -> None:
    """A bank of `count` questions; each asks QUESTION-MARKER-n."""
    lines = ["title: Start-up bench", "questions:"]
    for n in range(count):
        lines += [
            f"  - id: q{n}",
            f"    question: QUESTION-MARKER-{n} what is {n} plus one?",
            f"    choices: ['{n + 1}', '{n + 2}', '{n + 3}']",
            f"    answer: '{n + 1}'",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass
class Run:
    """One command's figures over the rounds."""

    times: list[float] = field(default_factory=list)
    first_frame: list[float] = field(default_factory=list)
    peak_kib: list[int] = field(default_factory=list)

    @property
    def best(self) -> float:
        return min(self.times)

    @property
    def peak_mib(self) -> float:
        return max(self.peak_kib) / 1024


def in_terminal(
    command: list[str], marker: bytes, env: dict[str, str], early: bytes | None = None
) -> tuple[float, float, int]:
    """Seconds from starting a command in a pty to `marker` in its output (and to `early`, if
    given), and its peak RSS in KiB."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    seen = b""
    elapsed = first = float("nan")
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 120)
            if not ready:
                break
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            seen = seen[-400:] + chunk
            if early is not None and first != first and early in seen:
                first = time.perf_counter() - start
            if marker in seen:
                elapsed = time.perf_counter() - start
                break
        peak = high_water_kib(proc.pid)
    finally:
        proc.kill()
        proc.wait()
        os.close(master)
    return elapsed, first, peak


def high_water_kib(pid: int) -> int:
    """A running process's peak resident set (VmHWM) in KiB. (The rusage of a child counts the
    pages of this process it was forked from, before it ran the command.)"""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def to_exit(command: list[str], env: dict[str, str]) -> float:
    """Seconds a command takes to run to its end."""
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", default="10,10000,100000")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        banks = {size: folder / f"bank{size}.yaml" for size in sizes}
        for size, path in banks.items():
            write_bank(path, size)
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            # As Python runs by default: modules compiled once and cached, for every program.
            "PYTHONDONTWRITEBYTECODE": "",
            "QUIZ_DB": str(folder / "scores.sqlite3"),
            "QUIZ_CACHE": str(folder / "cache.sqlite3"),
        }
        quiz = [sys.executable, "-m", "quiz"]
        # Warm the cache (and the OS file cache) once for each bank.
        for path in banks.values():
            in_terminal([*quiz, "play", str(path), "--count", "10"], QUESTION, env)
        warm: dict[str, tuple[list[str], bytes]] = {
            "minimal": ([sys.executable, "-c", MINIMAL_APP], b"READY-MARKER")
        }
        for size, path in banks.items():
            warm[f"{size} --count 10"] = ([*quiz, "play", str(path), "--count", "10"], QUESTION)
            warm[f"{size} every question"] = ([*quiz, "play", str(path)], QUESTION)
        peers = {}
        for name, extra in PEERS.items():
            program = shutil.which(name)
            if program is None:
                print(f"{name}: not installed, skipped")
                continue
            for size, path in banks.items():
                peers[f"{name} {size}"] = ([program, str(path), *extra], QUESTION)
        runs = {name: Run() for name in [*warm, *peers]}
        for _ in range(args.repeat):
            for name, (command, marker) in {**warm, **peers}.items():
                took, _, peak = in_terminal(command, marker, env)
                runs[name].times.append(took)
                runs[name].peak_kib.append(peak)
        minimal = runs["minimal"]
        print(
            f"minimal Textual app to first screen: {minimal.best:.3f} s, {minimal.peak_mib:.0f} MiB"
        )
        print("warm cache, launch to first question (targets: time <= 1.3x, RSS <= 1.5x):")
        for name in [*warm, *peers]:
            if name == "minimal":
                continue
            run = runs[name]
            print(
                f"  {name:>24}: {run.best:.3f} s  ratio {run.best / minimal.best:.2f}"
                f"   {run.peak_mib:.0f} MiB  ratio {run.peak_mib / minimal.peak_mib:.2f}"
            )
        print("cold start (the bank changed; no --count), against quiz check + one warm start:")
        for size, path in banks.items():
            cold, check = Run(), Run()
            for round_ in range(max(1, args.repeat // 2)):
                fresh = {**env, "QUIZ_CACHE": str(folder / f"cold{size}-{round_}.sqlite3")}
                took, first, peak = in_terminal(
                    [*quiz, "play", str(path)], QUESTION, fresh, early=b"reading a bank"
                )
                cold.times.append(took)
                cold.first_frame.append(first)
                cold.peak_kib.append(peak)
                check.times.append(to_exit([*quiz, "check", str(path)], env))
            warm_run = runs[f"{size} every question"]
            budget = check.best + warm_run.best
            memory = 2 * warm_run.peak_mib + path.stat().st_size / 2**20
            frame = min(cold.first_frame)
            shown = (
                "no progress screen (read before the app starts)"
                if frame != frame
                else (f"progress screen at {frame:.3f} s")
            )
            print(
                f"  {size:>24}: {cold.best:.3f} s ({shown}); check {check.best:.3f} s"
                f" + warm {warm_run.best:.3f} s: ratio {cold.best / budget:.2f} (target <= 1.0)"
                f"; peak {cold.peak_mib:.0f} MiB against {memory:.0f} MiB:"
                f" ratio {cold.peak_mib / memory:.2f} (target <= 1.0)"
            )


if __name__ == "__main__":
    main()
