"""`quiz play` on a folder, and with nothing to review or study: one line says why."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_cli_play import Terminal
from ui_helpers import THREE

from quiz.cli import main


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "questions"
    path.mkdir()
    (path / "three.yaml").write_text(THREE, encoding="utf-8")
    return path


def test_practising_a_folder_says_it_is_a_folder_and_what_to_do(folder: Path, capsys):
    assert main(["play", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"{folder} is a folder: play one of its banks (quiz play {folder}/NAME.yaml)" in err
    assert f"quiz --bank {folder}" in err


@pytest.mark.parametrize(
    ("mode", "line"),
    [
        ("review", "Nothing to review: no question was answered wrong the last time."),
        ("study", None),  # three new cards: study starts
    ],
)
def test_a_folder_is_reviewed_or_studied_whole(folder: Path, tmp_path: Path, mode, line):
    env = {**os.environ, "TERM": "xterm-256color", "QUIZ_CACHE": "off", "COLUMNS": "80"}
    db = tmp_path / "scores.db"
    term = Terminal(["play", str(folder), "--mode", mode, "--db", str(db)], env)
    try:
        if line is None:
            term.wait_for("Due 0")  # the study screen's status: the folder's cards
            term.wait_for("capital of")
        else:
            assert term.proc.wait(timeout=30) == 0
            term.reader.join(timeout=5)
            output = term.output.decode(errors="replace")
            assert line in output
    finally:
        term.close()


def test_nothing_due_to_study_prints_one_line(folder: Path, tmp_path: Path):
    env = {**os.environ, "TERM": "xterm-256color", "QUIZ_CACHE": "off", "COLUMNS": "80"}
    db = tmp_path / "scores.db"
    args = ["play", str(folder / "three.yaml"), "--mode", "study", "--new-per-day", "0"]
    term = Terminal([*args, "--db", str(db)], env)
    try:
        assert term.proc.wait(timeout=30) == 0
        term.reader.join(timeout=5)
        output = term.output.decode(errors="replace")
        assert "Nothing to study now: no card is due and today's new cards are done." in output
    finally:
        term.close()
