"""The real program in a pseudo-terminal: answers survive SIGKILL, two quizzes share a database."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest
from helpers import default_signals, seed_session
from ui_helpers import THREE

from quiz.cli import main
from quiz.store import Store


class Terminal:
    """`python -m quiz ...` running in a pseudo-terminal of 80x24, its output drained."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        # Signals at their defaults, not as this process inherited them (see default_signals).
        self.proc = subprocess.Popen(
            default_signals([sys.executable, "-m", "quiz", *args]),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()

    def _drain(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            self.output += data

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def wait_for(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while text.encode() not in self.output:
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise AssertionError(
                    f"{text!r} never shown; output ends {bytes(self.output[-500:])!r}"
                )
            time.sleep(0.05)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)
        os.close(self.master)


def answers_in(db: Path) -> int:
    with Store.open(db) as store:
        return sum(s.answered for s in store.sessions())


def wait_until(condition, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "three.yaml"
    path.write_text(THREE, encoding="utf-8")
    return path


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "TERM": "xterm-256color", "QUIZ_CACHE": "off", "COLUMNS": "80"}


def answer_three(term: Terminal, db: Path, before: int = 0) -> None:
    for n in range(1, 4):
        term.wait_for(f"Question {n}/3")
        term.send("1")
        wait_until(lambda n=n: answers_in(db) >= before + n)
        if n < 3:
            term.send("\r")


def test_answers_given_before_sigkill_are_in_the_scores(bank: Path, tmp_path: Path, env, capsys):
    db = tmp_path / "scores.db"
    term = Terminal(["play", str(bank), "--db", str(db), "--seed", "3"], env)
    try:
        answer_three(term, db)
        term.proc.send_signal(signal.SIGKILL)
        term.proc.wait(timeout=10)
    finally:
        term.close()
    assert main(["scores", "--json", "--db", str(db)]) == 0
    (session,) = json.loads(capsys.readouterr().out)
    assert session["answered"] == 3
    assert session["planned"] == 3
    assert session["finished"] is None
    assert session["bank"] == str(bank.resolve())


def test_two_quizzes_at_once_keep_every_answer(bank: Path, tmp_path: Path, env):
    db = tmp_path / "scores.db"
    first = Terminal(["--db", str(db), "play", str(bank)], env)
    second = Terminal(["play", str(bank), "--db", str(db)], env)
    try:
        for n in range(1, 4):
            for term in (first, second):
                term.wait_for(f"Question {n}/3")
                term.send("1")
            wait_until(lambda n=n: answers_in(db) >= 2 * n)
            for term in (first, second):
                term.send("\r")

        def both_finished() -> bool:
            with Store.open(db) as store:
                return all(s.finished is not None for s in store.sessions())

        wait_until(both_finished)
    finally:
        first.close()
        second.close()
    with Store.open(db) as store:
        sessions = store.sessions()
    assert len(sessions) == 2
    assert all(s.answered == 3 and s.finished is not None for s in sessions)


def test_play_without_a_terminal_fails_at_once_with_a_clear_message(bank: Path, tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "play", str(bank), "--db", str(tmp_path / "s.db")],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "quiz: error: quiz needs a terminal to play in; run it in a terminal window"
    )
    assert not (tmp_path / "s.db").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["play"], "--mode practice needs a bank file: quiz play PATH"),
        (["play", "x.yaml", "--time-limit", "5m"], "--time-limit goes with --mode exam"),
        (["play", "x.yaml", "--mode", "exam", "--time-limit", "soon"], "argument --time-limit:"),
        (["play", "x.yaml", "--count", "0"], "argument --count: 0 is not 1 or more"),
        (["play", "x.yaml", "--count", "ten"], "argument --count: 'ten' is not a whole number"),
        (["--frobnicate"], "unrecognized arguments: --frobnicate"),
        (["play", "missing.yaml"], "missing.yaml: no such bank file"),
        (["--bank", "no-such-dir", "list"], "--bank no-such-dir: no such folder"),
    ],
)
def test_bad_options_give_one_line_and_exit_2(args, message, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert message in err


def test_global_options_work_before_and_after_the_command(tmp_path: Path, capsys):
    db = tmp_path / "scores.db"
    with Store.open(db) as store:
        store.start_session(bank="b.yaml", title="Before and after", planned=1)
    for args in (["--db", str(db), "scores"], ["scores", "--db", str(db)]):
        assert main(args) == 0
        assert "Before and after" in capsys.readouterr().out


def test_a_corrupt_database_is_reported_and_left_alone(tmp_path: Path, capsys):
    db = tmp_path / "scores.db"
    db.write_bytes(b"this is not a database" * 100)
    before = db.read_bytes()
    assert main(["scores", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert str(db) in err and "not a quiz score database" in err
    assert db.read_bytes() == before


def test_version_and_help_on_every_command(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("quiz ")
    for command in ("check", "play", "scores", "list"):
        with pytest.raises(SystemExit) as exit_info:
            main([command, "--help"])
        assert exit_info.value.code == 0
        assert f"usage: quiz {command}" in capsys.readouterr().out


def test_scores_json_shape(tmp_path: Path, capsys):
    db = tmp_path / "scores.db"
    with Store.open(db) as store:
        seed_session(store, bank="/b.yaml", title="B", planned=2, results={"q": True})
    assert main(["scores", "--json", "--db", str(db)]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert set(row) == {
        "bank",
        "title",
        "started",
        "finished",
        "planned",
        "answered",
        "correct",
        "mode",
        "kind",
        "score",
    }
    assert (row["bank"], row["planned"], row["answered"], row["correct"]) == ("/b.yaml", 2, 1, 1)
    assert row["started"].endswith("+00:00") and row["finished"].endswith("+00:00")
