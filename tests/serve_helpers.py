"""Helpers of the `quiz serve` tests: a real server in its own process group, its banks.

`Served.start(folder, ...)` runs `quiz serve` on a free localhost port with its own database,
banks and home, waits until it answers, and `stop()` ends it and every app process it started
(the whole process group), checking none is left.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

import aiohttp

CODE = "482913"
TEACHER_KEY = "teacher-key-for-tests"

#: A bank asked in the order written, its choices too, so the keys to press are known.
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
  - id: q-japan
    question: Which city is the capital of Japan?
    choices: [Osaka, Kyoto, Tokyo]
    answer: Tokyo
    shuffle: false
"""

#: An Arabic bank in a subject folder (listed after the English one): its title is one word.
ARABIC_BANK = """\
title: مصر
language: ar
questions:
  - id: ar-capital
    question: ما عاصمة مصر؟
    choices: [القاهرة, الإسكندرية]
    answer: القاهرة
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def write_banks(folder: Path, files: dict[str, str] | None = None) -> Path:
    """The banks a test serves: the English and the Arabic one, or the files given (by path)."""
    banks = folder / "banks"
    if files is None:
        files = {"capitals.yaml": BANK, "arabic/egypt.yaml": ARABIC_BANK}
    for name, text in files.items():
        (banks / name).parent.mkdir(parents=True, exist_ok=True)
        (banks / name).write_text(text, encoding="utf-8")
    return banks


@dataclass
class Served:
    """A running `quiz serve`."""

    process: subprocess.Popen[bytes]
    url: str
    #: The score database: a SQLite file, or a PostgreSQL server's URL.
    database: Path | str
    log: Path
    folder: Path
    stopped: bool = field(default=False)

    @classmethod
    def start(
        cls,
        folder: Path,
        *options: str,
        lang: str = "en",
        db: Path | str | None = None,
        banks: dict[str, str] | None = None,
    ) -> Served:
        folder.mkdir(parents=True, exist_ok=True)
        bank_folder = write_banks(folder, banks)
        database = db or folder / "scores.sqlite3"
        port = free_port()
        home = folder / "home"
        home.mkdir()
        env = {
            **os.environ,
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "QUIZ_CACHE": "off",
            "QUIZ_USER_BANKS": str(home / "user-banks"),
        }
        for name in ("QUIZ_PROFILE", "QUIZ_DB", "QUIZ_BANK", "QUIZ_RTL", "QUIZ_DIGITS"):
            env.pop(name, None)
        log = folder / "serve.log"
        command = [
            sys.executable,
            "-m",
            "quiz",
            "serve",
            "--port",
            str(port),
            "--db",
            str(database),
            "--bank",
            str(bank_folder),
            "--lang",
            lang,
            "--class-code",
            CODE,
            "--teacher-key",
            TEACHER_KEY,
            *options,
        ]
        with open(log, "wb") as out:
            process = subprocess.Popen(
                command, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
            )
        served = cls(process, f"http://127.0.0.1:{port}", database, log, folder)
        served.wait_ready()
        return served

    def wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"quiz serve ended: {self.log.read_text()[-2000:]}")
            try:
                with urlopen(self.url + "/signin", timeout=2) as response:
                    if response.status == 200:
                        return
            except (URLError, OSError):
                time.sleep(0.1)
        self.stop()
        raise AssertionError("quiz serve did not answer in time")

    def app_processes(self) -> list[int]:
        """The app processes (one per connected tab) in the server's process group."""
        group = self.process.pid
        found = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit() or int(entry) == group:
                continue
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == group and fields[0] != "Z":
                found.append(int(entry))
        return found

    def stop(self) -> None:
        """End the server (SIGTERM, as Ctrl+C would), then anything left of its group."""
        if self.stopped:
            return
        self.stopped = True
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=15)
        # The server waits for its app processes before it ends: none may be left.
        left = self.app_processes()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=15)
        assert not left, f"app processes left after the server stopped: {left}"


ESCAPES = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def screen_text(stream: str) -> str:
    """What an app process sent to the browser, its escape sequences taken out."""
    return ESCAPES.sub("", stream)


class Student:
    """A scripted browser: signs in over HTTP and plays over the app's websocket."""

    def __init__(self, served: Served) -> None:
        self.served = served
        self.session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.received = ""
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

    async def sign_in(self, name: str, code: str = CODE) -> aiohttp.ClientResponse:
        return await self.session.post(
            self.served.url + "/signin",
            data={"code": code, "name": name},
            allow_redirects=False,
        )

    async def connect(self, query: str = "") -> aiohttp.ClientWebSocketResponse:
        self.ws = await self.session.ws_connect(f"{self.served.url}/ws?width=100&height=30{query}")
        await self.ws.send_json(["resize", {"width": 100, "height": 30}])
        return self.ws

    async def wait_for(self, text: str, timeout: float = 30.0) -> str:
        """Read what the app draws until `text` shows; return all that was read."""
        assert self.ws is not None
        deadline = asyncio.get_running_loop().time() + timeout
        while text not in screen_text(self.received):
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                raise AssertionError(f"{text!r} never showed: {screen_text(self.received)[-800:]}")
            message = await self.ws.receive(timeout=left)
            if message.type == aiohttp.WSMsgType.BINARY:
                self.received += self._decoder.decode(message.data)
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                raise AssertionError(f"closed before {text!r} showed")
        return screen_text(self.received)

    async def press(self, *keys: str) -> None:
        assert self.ws is not None
        for key in keys:
            await self.ws.send_json(["stdin", key])
            await asyncio.sleep(0.15)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        await self.session.close()
