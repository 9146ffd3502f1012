"""`quiz check`: one line per problem, a summary, exit codes 0/1/2, and never a traceback."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUNDLED, ROOT

from quiz.bank.check import Report, check
from quiz.bank.model import Problem, Severity
from quiz.cli import main

PROBLEM_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<column>\d+): (error|warning): \S.*$")
SUMMARY = re.compile(r"^(\d+) files?, (\d+) questions?, (\d+) errors?, (\d+) warnings?$")

#: Passes every check, the teaching warnings included.
GOOD = """\
title: Good
questions:
  - question: One?
    choices: [a, b]
    answer: a
    explanation: Because.
  - question: Two?
    choices: [a, b]
    answer: b
    explanation: Because.
"""
BAD = """\
title: Bad
questions:
  - question: One?
    choices: [a, b]
    anwser: a
"""
WARNED = """\
title: Warned
questions:
  - question: "Red\\e[31m?"
    choices: [a, b]
    answer: a
    explanation: Because.
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    """Run quiz in this process: exit code, stdout lines, stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_one_line_per_problem_then_the_summary(capsys, tmp_path: Path, write) -> None:
    bad = write("bank/bad.yaml", BAD)
    write("bank/good.yaml", GOOD)
    code, lines, err = run(capsys, "check", str(tmp_path / "bank"))
    assert code == 1
    assert err == ""
    *problems, summary = lines
    assert problems == [
        f"{bad}:3:5: error: this question has no 'answer'; add 'answer:' with the right choice",
        f"{bad}:5:5: error: unknown key 'anwser'; did you mean 'answer'?",
    ]
    assert all(PROBLEM_LINE.match(line) for line in problems)
    assert summary == "2 files, 2 questions, 2 errors, 0 warnings"


def test_paths_inside_the_working_folder_are_relative(capsys, tmp_path, write, monkeypatch):
    write("sub/bad.yaml", BAD)
    monkeypatch.chdir(tmp_path)
    _, lines, _ = run(capsys, "check", "sub")
    assert lines[0].startswith("sub/bad.yaml:3:5: error: ")


def test_a_file_can_be_checked_alone(capsys, write) -> None:
    path = write("notes.txt", GOOD)  # named on the command line, so read whatever its name
    code, lines, _ = run(capsys, "check", str(path))
    assert (code, lines) == (0, ["1 file, 2 questions, 0 errors, 0 warnings"])


def test_singular_words_in_the_summary(capsys, write) -> None:
    one = GOOD.split("  - question: Two?")[0]
    write("a/warned.yaml", WARNED)
    code, lines, _ = run(capsys, "check", str(write("a/one.yaml", one).parent))
    assert code == 0  # warnings alone do not fail
    assert PROBLEM_LINE.match(lines[0])
    assert lines[0].endswith(
        "warned.yaml:3:15: warning: control character U+001B (ESCAPE) written as an escape "
        "was removed; remove it"
    )
    assert lines[-1] == "2 files, 2 questions, 0 errors, 1 warning"
    code, lines, _ = run(capsys, "check", str(write("b/one.yaml", one)))
    assert (code, lines) == (0, ["1 file, 1 question, 0 errors, 0 warnings"])
    code, lines, _ = run(
        capsys, "check", str(write("c/bad.yaml", BAD.replace("    anwser: a\n", "")))
    )
    assert code == 1
    assert lines[-1] == "1 file, 0 questions, 1 error, 0 warnings"


def test_teaching_warnings_are_warnings_unless_strict(capsys, write) -> None:
    path = write("bank.yaml", GOOD.replace("    explanation: Because.\n", "", 1))
    code, lines, _ = run(capsys, "check", str(path))
    assert code == 0
    assert lines[0] == (
        f"{path}:3:5: warning: this question has no explanation; add 'explanation:' saying why "
        "the answer is right (students read it after answering)"
    )
    assert lines[-1] == "1 file, 2 questions, 0 errors, 1 warning"
    code, lines, _ = run(capsys, "check", "--strict", str(path))
    assert code == 1
    # --strict also asks where the answers are settled (the no-source rule).
    assert lines[0] == (
        f"{path}:1:1: error: the bank says nowhere where its answers are settled; add 'source:' "
        "at the top (a document, a page or a URL) or to each question"
    )
    assert lines[1].startswith(f"{path}:3:5: error: this question has no explanation")
    assert lines[-1] == "1 file, 2 questions, 2 errors, 0 warnings"


def test_a_source_anywhere_satisfies_strict(capsys, write) -> None:
    at_top = write("top.yaml", "source: The textbook, chapter 2\n" + GOOD)
    on_one = write(
        "one.yaml", GOOD.replace("    explanation: Because.\n", "    source: p. 12\n", 1)
    )
    code, lines, _ = run(capsys, "check", "--strict", str(at_top), str(on_one))
    # Only one.yaml's missing explanation is left: a source on one question is enough.
    assert code == 1
    assert len(lines) == 2 and lines[0].startswith(f"{on_one}:3:5: error: this question has no")
    assert lines[-1] == "2 files, 4 questions, 1 error, 0 warnings"


def test_json_output_has_the_same_problems(capsys, write) -> None:
    path = write("bank.yaml", BAD)
    code, _, _ = run(capsys, "check", str(path))
    code_json, lines, _ = run(capsys, "check", "--format", "json", str(path))
    assert code_json == code == 1
    report = json.loads("\n".join(lines))
    assert (report["files"], report["questions"], report["errors"], report["warnings"]) == (
        1,
        0,
        2,
        0,
    )
    assert report["problems"][1] == {
        "path": str(path),
        "line": 5,
        "column": 5,
        "severity": "error",
        "message": "unknown key 'anwser'; did you mean 'answer'?",
        "rule": None,
    }


def test_summary_wording() -> None:
    warning = Problem("x", 1, 1, Severity.WARNING, "w")
    error = Problem("x", 1, 1, Severity.ERROR, "e")
    assert Report().summary() == "0 files, 0 questions, 0 errors, 0 warnings"
    assert Report(1, 1, [error, warning]).summary() == "1 file, 1 question, 1 error, 1 warning"
    assert Report(3, 45, [error, warning, warning]).summary() == (
        "3 files, 45 questions, 1 error, 2 warnings"
    )


def test_a_bad_file_does_not_stop_the_good_ones(write, tmp_path: Path) -> None:
    write("mixed/a-bad.yaml", b"\xff\xfe garbage".decode("latin-1"))
    write("mixed/b-bad.yaml", "title: [unclosed\n")
    write("mixed/c-good.yaml", GOOD)
    write("mixed/sub/d-good.yml", GOOD)
    write("mixed/ignored.txt", BAD)
    write("mixed/.hidden.yaml", BAD)
    report = check([tmp_path / "mixed"])
    assert report.files == 4
    assert report.questions == 4
    assert {Path(p.path).name for p in report.problems} == {"a-bad.yaml", "b-bad.yaml"}


def test_the_bundled_banks_pass(capsys) -> None:
    code, lines, err = run(capsys, "check", str(BUNDLED))
    assert (code, err) == (0, "")
    assert len(lines) == 1, lines
    files, questions, errors, warnings = map(int, SUMMARY.match(lines[0]).groups())
    assert files >= 4
    assert questions >= 60
    assert (errors, warnings) == (0, 0)


def test_the_bundled_banks_pass_strict(capsys) -> None:
    code, lines, err = run(capsys, "check", "--strict", str(BUNDLED))
    assert (code, err, len(lines)) == (0, "", 1), lines


# -- usage errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "--frobnicate"], "quiz: error: unrecognized arguments: --frobnicate"),
        (["check", "no/such/place"], "quiz: error: no/such/place: no such file or folder"),
        (["check", "--bank", "no/such/dir"], "quiz: error: --bank no/such/dir: no such folder"),
        (["--bank", "no/such/dir", "check"], "quiz: error: --bank no/such/dir: no such folder"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(capsys, argv: list[str], message: str) -> None:
    code, lines, err = run(capsys, *argv)
    assert code == 2
    assert lines == []
    assert err.count("\n") == 1
    assert err.startswith(message)
    assert "Traceback" not in err


def test_a_missing_path_among_good_ones_is_a_usage_error(capsys, write) -> None:
    good = write("good.yaml", GOOD)
    code, lines, err = run(capsys, "check", str(good), str(good.parent / "gone.yaml"))
    assert code == 2
    assert lines == []
    assert "gone.yaml: no such file or folder" in err


# -- which banks by default ------------------------------------------------------------------------


def test_default_paths_come_from_bank_options(capsys, write, tmp_path: Path) -> None:
    write("one/bad.yaml", BAD)
    write("two/good.yaml", GOOD)
    code, lines, _ = run(
        capsys, "check", "--bank", str(tmp_path / "one"), "--bank", str(tmp_path / "two")
    )
    assert code == 1
    assert lines[0].startswith(f"{tmp_path / 'one' / 'bad.yaml'}:3:5: error:")
    assert lines[-1] == "2 files, 2 questions, 2 errors, 0 warnings"


def test_bank_option_before_the_command_works_too(capsys, write, tmp_path: Path) -> None:
    write("one/good.yaml", GOOD)
    code, lines, _ = run(capsys, "--bank", str(tmp_path / "one"), "check")
    assert (code, lines) == (0, ["1 file, 2 questions, 0 errors, 0 warnings"])


def test_default_paths_come_from_quiz_bank(capsys, write, tmp_path, monkeypatch) -> None:
    write("one/bad.yaml", BAD)
    write("two/good.yaml", GOOD)
    monkeypatch.setenv("QUIZ_BANK", os.pathsep.join([str(tmp_path / "one"), str(tmp_path / "two")]))
    code, lines, _ = run(capsys, "check")
    assert code == 1
    assert lines[0].startswith(f"{tmp_path / 'one' / 'bad.yaml'}:3:5: error:")
    assert lines[-1] == "2 files, 2 questions, 2 errors, 0 warnings"


def test_the_bank_option_beats_quiz_bank(capsys, write, tmp_path, monkeypatch) -> None:
    write("env/bad.yaml", BAD)
    write("option/good.yaml", GOOD)
    monkeypatch.setenv("QUIZ_BANK", str(tmp_path / "env"))
    code, lines, _ = run(capsys, "check", "--bank", str(tmp_path / "option"))
    assert (code, lines) == (0, ["1 file, 2 questions, 0 errors, 0 warnings"])


def test_default_is_the_questions_folder_here(capsys, write, tmp_path, monkeypatch) -> None:
    write("questions/bad.yaml", BAD)
    monkeypatch.chdir(tmp_path)
    code, lines, _ = run(capsys, "check")
    assert code == 1
    assert lines[0].startswith("questions/bad.yaml:3:5: error:")


def test_default_adds_the_user_bank_folder(capsys, write, isolated: Path, tmp_path, monkeypatch):
    user = isolated / "user-banks"
    (user / "mine").mkdir(parents=True)
    (user / "mine" / "bad.yaml").write_text(BAD, encoding="utf-8")
    write("questions/good.yaml", GOOD)
    monkeypatch.chdir(tmp_path)
    code, lines, _ = run(capsys, "check")
    assert code == 1
    assert lines[0].startswith(f"{user / 'mine' / 'bad.yaml'}:3:5: error:")
    assert lines[-1] == "2 files, 2 questions, 2 errors, 0 warnings"


# -- never a traceback -----------------------------------------------------------------------------


def test_a_folder_of_garbage_never_gives_a_traceback(capsys, tmp_path: Path) -> None:
    rng = random.Random(7)
    folder = tmp_path / "garbage"
    folder.mkdir()
    good = GOOD.encode()
    for n in range(40):
        if n % 2:
            data = rng.randbytes(rng.randrange(400))
        else:
            data = bytearray(good)
            for _ in range(5):
                i = rng.randrange(len(data))
                data[i : i + rng.randrange(1, 6)] = rng.randbytes(rng.randrange(6))
            data = bytes(data)
        (folder / f"file{n:02}.yaml").write_bytes(data)
    (folder / "folder.yaml").mkdir()
    os.symlink(folder / "nowhere", folder / "dangling.yaml")
    (folder / os.fsdecode(b"name-\xff-\x1b[31m.yaml")).write_bytes(b"\x1b[2J: [")
    code, lines, err = run(capsys, "check", str(folder))
    assert code in (0, 1)
    assert err == ""
    *problems, summary = lines
    assert SUMMARY.match(summary)
    assert summary.startswith("42 files, ")  # a folder named .yaml is a folder
    assert all(PROBLEM_LINE.match(line) for line in problems)
    assert not any("\x1b" in line for line in lines)
    strange = [line for line in problems if "name-" in line]
    assert strange and strange[0].startswith(f"{folder}/name-\\xff-\\x1b[31m.yaml:1:1: ")


def test_check_in_a_real_process(write, tmp_path: Path) -> None:
    """`python -m quiz check` prints in strict UTF-8, exits 1 on errors, and 2 on usage."""
    write("bank/bad.yaml", BAD)
    write(
        "bank/arabic.yaml",
        "title: عنوان\nquestions:\n  - {question: سؤال, choices: [أ, ب], answer: ج}\n",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8:strict"}
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "check", "bank"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr == ""
    assert done.stdout.splitlines() == [
        # The column counts characters: 47, where the byte offset would give 58.
        "bank/arabic.yaml:3:47: error: answer 'ج' is not one of the choices; "
        "copy the text of the right choice exactly",
        "bank/bad.yaml:3:5: error: this question has no 'answer'; "
        "add 'answer:' with the right choice",
        "bank/bad.yaml:5:5: error: unknown key 'anwser'; did you mean 'answer'?",
        "2 files, 0 questions, 3 errors, 0 warnings",
    ]
    usage = subprocess.run(
        [sys.executable, "-m", "quiz", "check", "--nope"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert usage.returncode == 2
    assert usage.stdout == ""
    assert len(usage.stderr.splitlines()) == 1
    assert "Traceback" not in usage.stderr


def test_a_fifo_named_like_a_bank_is_reported_not_waited_for(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "bank"
    folder.mkdir()
    (folder / "good.yaml").write_text(
        "title: T\nquestions:\n  - question: Q?\n    choices: [a, b]\n    answer: a\n"
        "    explanation: E.\n",
        encoding="utf-8",
    )
    os.mkfifo(folder / "pipe.yaml")
    assert main(["check", str(folder)]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out[0].endswith(
        "pipe.yaml:1:1: error: cannot read the file: it is a FIFO (named pipe), not a regular file"
    )
    assert out[1] == "2 files, 1 question, 1 error, 0 warnings"
