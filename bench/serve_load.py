"""A class at once on `quiz serve`: time to the first question and memory per student.

For each N, a fresh `quiz serve` on a free localhost port (its own SQLite database, bank and
home in a temporary folder) takes N scripted students at once. Each is what textual-serve's page
does, without a browser: it signs in (POST /signin with the class code and a name), opens the
app's websocket (/ws?width=&height=, then a `resize` and a `ping`, as the page's script sends),
reads the terminal output the app process writes (binary messages), and sends keys as `stdin`
messages: Enter on the bank, Enter to start, then `1` to answer the first question.

It prints, for each N:

- the time from the sign-in to the first question drawn (median, 95th percentile), which
  includes starting the student's app process and the two key presses before the question;
- the time from the key `1` to the answer's feedback drawn (median, 95th percentile);
- the memory of each student's app process, its USS (the pages no other process shares: what
  one more student costs), from /proc/PID/smaps_rollup, read once all N have answered; and the
  server's own USS;
- the processor time each app process has used by then (from /proc/PID/stat): with N students
  starting at once on C cores, the first question cannot come sooner than about N x that / C;

with the ratio of each against N = 1. Every byte goes to 127.0.0.1 only.

Run: python bench/serve_load.py [--sessions 1,10,30,60] [--timeout 300]
"""

from __future__ import annotations

import argparse
import asyncio
import codecs
import contextlib
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

import aiohttp

CODE = "482913"
TEACHER_KEY = "teacher-key-for-the-bench"
FIRST_QUESTION = "Which city is the capital of France?"

BANK = """\
title: Capitals in order
language: en
shuffle: false
questions:
  - id: q-france
    question: Which city is the capital of France?
    choices: [Paris, Lyon, Marseille]
    answer: Paris
    shuffle: false
  - id: q-egypt
    question: Which city is the capital of Egypt?
    choices: [Alexandria, Cairo, Luxor]
    answer: Cairo
    shuffle: false
"""

#: CSI, the charset designators and the one-character escapes the app writes to the terminal.
ESCAPES = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """A `quiz serve` of its own, in its own process group (the app processes join it)."""

    def __init__(self, folder: Path) -> None:
        banks = folder / "banks"
        banks.mkdir()
        (banks / "capitals.yaml").write_text(BANK, encoding="utf-8")
        home = folder / "home"
        home.mkdir()
        env = {
            **os.environ,
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "QUIZ_USER_BANKS": str(home / "user-banks"),
        }
        for name in ("QUIZ_PROFILE", "QUIZ_DB", "QUIZ_BANK", "QUIZ_RTL", "QUIZ_DIGITS"):
            env.pop(name, None)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / "serve.log"
        command = [
            *(sys.executable, "-m", "quiz", "serve", "--host", "127.0.0.1"),
            *("--port", str(self.port), "--db", str(folder / "scores.sqlite3")),
            *("--bank", str(banks), "--lang", "en"),
            *("--class-code", CODE, "--teacher-key", TEACHER_KEY),
        ]
        with open(self.log, "wb") as out:
            self.process = subprocess.Popen(
                command, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
            )
        self._wait_ready()

    def _wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"quiz serve ended: {self.log.read_text()[-2000:]}")
            try:
                with urlopen(self.url + "/signin", timeout=2) as response:
                    if response.status == 200:
                        return
            except (URLError, OSError):
                time.sleep(0.1)
        self.stop()
        sys.exit("quiz serve did not answer in time")

    def app_processes(self) -> list[int]:
        """The app processes in the server's process group (one per connected student)."""
        found = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit() or int(entry) == self.process.pid:
                continue
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == self.process.pid and fields[0] != "Z":
                found.append(int(entry))
        return found

    def stop(self) -> list[int]:
        """SIGTERM (the server tells each app to quit), then whatever is left of the group,
        which is returned: the app processes the server did not end."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=30)
        left = self.app_processes()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        return left


def uss_kib(pid: int) -> int:
    """A process's unique set size in KiB: its private pages, clean and dirty."""
    total = 0
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            key, _, rest = line.partition(":")
            if key in ("Private_Clean", "Private_Dirty", "Private_Hugetlb"):
                total += int(rest.split()[0])
    return total


def cpu_seconds(pid: int) -> float:
    """The processor time a process has used so far, user and system."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Timings:
    first_question: float
    feedback: float


class Student:
    """One scripted student: the sign-in form, then the app's websocket as the page uses it."""

    def __init__(self, server: Server, name: str, timeout: float) -> None:
        self.server = server
        self.name = name
        self.timeout = timeout
        self.session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self._unread = ""

    async def play(self, answered: asyncio.Event, release: asyncio.Event) -> Timings:
        began = time.perf_counter()
        response = await self.session.post(
            self.server.url + "/signin",
            data={"code": CODE, "name": self.name},
            allow_redirects=False,
        )
        if response.status != 303:
            raise RuntimeError(f"{self.name}: sign-in answered {response.status}")
        self.ws = await self.session.ws_connect(
            f"{self.server.url.replace('http', 'ws', 1)}/ws?width=100&height=30"
        )
        await self.ws.send_json(["resize", {"width": 100, "height": 30}])
        await self.ws.send_json(["ping", str(int(time.time() * 1000))])
        await self.wait_for(f"Profile: {self.name}")
        await self.ws.send_json(["stdin", "\r"])  # the first (only) bank
        await self.wait_for("How many questions?")
        await self.ws.send_json(["stdin", "\r"])  # start
        await self.wait_for(FIRST_QUESTION)
        first_question = time.perf_counter() - began
        pressed = time.perf_counter()
        await self.ws.send_json(["stdin", "1"])
        await self.wait_for("Score 1/1")
        feedback = time.perf_counter() - pressed
        answered.set()
        # Stay connected (reading, as a browser does) until every student has been measured.
        reader = asyncio.create_task(self._drain())
        await release.wait()
        reader.cancel()
        return Timings(first_question, feedback)

    async def wait_for(self, text: str) -> None:
        """Read what the app draws until `text` shows (what was read before it is dropped)."""
        assert self.ws is not None
        deadline = asyncio.get_running_loop().time() + self.timeout
        while text not in ESCAPES.sub("", self._unread):
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                raise RuntimeError(f"{self.name}: {text!r} did not show in {self.timeout} s")
            try:
                message = await self.ws.receive(timeout=left)
            except TimeoutError:
                raise RuntimeError(
                    f"{self.name}: {text!r} did not show in {self.timeout} s"
                ) from None
            if message.type == aiohttp.WSMsgType.BINARY:
                self._unread += self._decoder.decode(message.data)
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                raise RuntimeError(f"{self.name}: closed before {text!r} showed")
        self._unread = ""

    async def _drain(self) -> None:
        assert self.ws is not None
        with contextlib.suppress(asyncio.CancelledError, aiohttp.ClientError):
            async for _ in self.ws:
                pass

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        await self.session.close()


@dataclass
class Level:
    sessions: int
    first_question: list[float]
    feedback: list[float]
    app_uss: list[int]
    app_cpu: list[float]
    server_uss: int


async def run_level(server: Server, count: int, timeout: float) -> Level:
    """N students at once; their memory is read when all have answered, still connected."""
    students = [Student(server, f"Student {n + 1}", timeout) for n in range(count)]
    answered = [asyncio.Event() for _ in students]
    release = asyncio.Event()
    plays = [
        asyncio.create_task(student.play(done, release))
        for student, done in zip(students, answered, strict=True)
    ]
    try:
        everyone = asyncio.ensure_future(asyncio.gather(*(done.wait() for done in answered)))
        # A play ends before the release only when it failed.
        await asyncio.wait([everyone, *plays], return_when=asyncio.FIRST_COMPLETED)
        for task in plays:
            if task.done():
                everyone.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await everyone
                task.result()
        if not everyone.done():
            raise RuntimeError("not every student answered")
        await asyncio.sleep(1.0)  # the feedback's redraw settles
        pids = server.app_processes()
        if len(pids) != count:
            raise RuntimeError(f"{len(pids)} app processes for {count} students")
        app_uss = [uss_kib(pid) for pid in pids]
        app_cpu = [cpu_seconds(pid) for pid in pids]
        server_uss = uss_kib(server.process.pid)
        release.set()
        timings = await asyncio.gather(*plays)
    finally:
        release.set()
        for task in plays:
            task.cancel()
        await asyncio.gather(*(student.close() for student in students), return_exceptions=True)
    return Level(
        count,
        [timing.first_question for timing in timings],
        [timing.feedback for timing in timings],
        app_uss,
        app_cpu,
        server_uss,
    )


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank): the value 95 % of the students did not exceed."""
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * 95 // 100) - 1)]


def report(levels: list[Level]) -> None:
    base = levels[0]

    def ratio(value: float, against: float) -> str:
        return f"{value / against:5.2f}x" if against else "   -"

    print(f"\n{'N':>3}  {'first question: median  p95':>29}  {'feedback: median  p95':>23}", end="")
    print(f"  {'USS per app (MiB)':>17}  {'server USS (MiB)':>16}  {'CPU per app':>11}")
    for level in levels:
        fq_median, fq_p95 = statistics.median(level.first_question), p95(level.first_question)
        fb_median, fb_p95 = statistics.median(level.feedback), p95(level.feedback)
        uss = statistics.mean(level.app_uss) / 1024
        print(
            f"{level.sessions:>3}  {fq_median:>13.2f} s {fq_p95:>8.2f} s  "
            f"{fb_median * 1000:>10.0f} ms {fb_p95 * 1000:>6.0f} ms  "
            f"{uss:>17.1f}  {level.server_uss / 1024:>16.1f}"
            f"  {statistics.mean(level.app_cpu):>9.2f} s"
        )
    print(f"\nagainst N = {base.sessions}:")
    base_fq, base_fb = statistics.median(base.first_question), statistics.median(base.feedback)
    base_uss = statistics.mean(base.app_uss)
    for level in levels:
        fq_median = statistics.median(level.first_question)
        fb_median = statistics.median(level.feedback)
        print(
            f"{level.sessions:>3}  first question median {ratio(fq_median, base_fq)}"
            f"  p95 {ratio(p95(level.first_question), base_fq)}"
            f"  feedback median {ratio(fb_median, base_fb)}"
            f"  USS per app {ratio(statistics.mean(level.app_uss), base_uss)}"
            f"  server USS {ratio(level.server_uss, base.server_uss)}"
        )


def parse_counts(text: str) -> list[int]:
    try:
        counts = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from None
    if not counts or any(count < 1 for count in counts):
        raise argparse.ArgumentTypeError(f"give numbers of 1 or more: {text!r}")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sessions",
        type=parse_counts,
        default=[1, 10, 30, 60],
        help="the numbers of students at once, comma-separated (the first is the baseline)",
    )
    parser.add_argument(
        "--timeout", type=float, default=300.0, help="seconds a student may wait for a screen"
    )
    args = parser.parse_args()
    print(f"quiz serve, students at once: {args.sessions}; {os.cpu_count()} CPUs")
    levels = []
    for count in args.sessions:
        with tempfile.TemporaryDirectory(prefix="quiz-serve-load-") as folder:
            server = Server(Path(folder))
            try:
                level = asyncio.run(run_level(server, count, args.timeout))
            except (RuntimeError, OSError, aiohttp.ClientError) as error:
                sys.exit(f"N = {count}: {error}")
            finally:
                left = server.stop()
            if left:
                sys.exit(f"app processes left after the server stopped: {left}")
        levels.append(level)
        print(
            f"N = {count}: first question median {statistics.median(level.first_question):.2f} s",
            flush=True,
        )
    report(levels)


if __name__ == "__main__":
    main()
