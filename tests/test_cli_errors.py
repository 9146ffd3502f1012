"""Every error a user can cause reaches the terminal as one line from `main`, with exit 1 or 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.cli import main


@pytest.fixture
def not_a_database(tmp_path: Path) -> Path:
    path = tmp_path / "notes.sqlite3"
    path.write_text("these are my notes, not a database\n" * 200, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "command",
    [["scores"], ["scores", "--json"], ["stats"], ["results", "export"]],
)
def test_a_file_that_is_not_a_score_database_is_one_line_and_left_alone(
    command: list[str],
    not_a_database: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = not_a_database.read_bytes()
    assert main([*command, "--db", str(not_a_database)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("quiz: error: ")
    assert str(not_a_database) in lines[0]
    assert not_a_database.read_bytes() == before


def test_an_export_of_a_broken_bank_lists_its_problems_then_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = tmp_path / "broken.yaml"
    bank.write_text("title: T\nquestions:\n  - question: Q?\n    choices: [a, b]\n")
    assert main(["export", str(bank), "--to", "gift"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    *problems, last = err.splitlines()
    assert problems and all(line.startswith(f"{bank}:") for line in problems)
    assert last == f"quiz: error: {bank} has errors; fix them and try again"


def test_a_usage_mistake_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["play", "--count", "0", "x.yaml"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("quiz: error: argument --count")
