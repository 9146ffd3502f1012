"""The command line's output on a terminal: Arabic shaped and in display order, as the app draws
it (reorder mode), or left to the terminal (terminal mode); logical order on a pipe or a file."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import seed_session
from rich.console import Console
from rich.table import Table
from test_rtl import canonical, read_ltr, read_rtl

from quiz.store import Store
from quiz.text.rtl import EXPLICIT, IMPLICIT
from quiz.text.shaping import cell_width
from quiz.text.terminal import LaidOutStream, for_terminal

ROOT = Path(__file__).resolve().parent.parent
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def ar(text: str) -> str:
    return text.translate(ARABIC_INDIC)


# -- for_terminal ---------------------------------------------------------------------------------


def test_an_arabic_message_is_shaped_reordered_and_right_aligned() -> None:
    message = "quiz: خطأ: لا يوجد ملف بهذا الاسم"
    (row,) = for_terminal(message, width=50, rtl=True, mode="reorder").split("\n")
    assert cell_width(row) == 50 and row == row.rstrip() and row.startswith(" ")
    # Shaped: presentation forms on screen, the letters back with NFKC.
    assert "\ufefb" in row  # lam-alef, one cell
    assert canonical(read_rtl(row.strip())) == canonical(message)
    # The program's name, a left-to-right word, is read first: it is on the right.
    assert row.endswith("quiz")


def test_a_long_arabic_line_is_wrapped_before_it_is_reordered() -> None:
    message = "هذه جملة عربية طويلة تتجاوز عرض الطرفية فتلتف على سطرين أو أكثر"
    rows = for_terminal(message, width=24, rtl=True, mode="reorder").split("\n")
    assert len(rows) >= 3 and all(cell_width(row) == 24 for row in rows)
    # The first words on the first row: read row after row, the sentence is whole.
    assert canonical(" ".join(read_rtl(row.strip()) for row in rows)) == canonical(message)
    assert canonical(read_rtl(rows[0].strip())).startswith("هذه جملة")


def test_a_problem_line_keeps_its_location_in_one_left_to_right_run() -> None:
    line = "banks/a.yaml:3:5: error: السؤال بلا إجابة"
    row = for_terminal(line, width=60, rtl=True, mode="reorder").strip()
    # On the right, where an Arabic line starts, as one piece a terminal can still click.
    assert row.endswith("banks/a.yaml:3:5: error")
    assert canonical(read_rtl(row[: -len("banks/a.yaml:3:5: error")])) == canonical(
        ": السؤال بلا إجابة"
    )


def test_an_english_interface_reverses_only_the_arabic_runs() -> None:
    line = "oic.yaml  منظمة التعاون الإسلامي  37 questions"
    row = for_terminal(line, width=80, rtl=False, mode="reorder")
    assert row.startswith("oic.yaml  ") and row.endswith("  37 questions")
    assert canonical(read_ltr(row)) == canonical(line)
    assert for_terminal("plain English", width=80, rtl=False, mode="reorder") == "plain English"


def table_text(rtl_cells: bool) -> str:
    table = Table(title="الأسئلة الأضعف")
    table.add_column("السؤال")
    table.add_column("الإجابات", justify="right")
    table.add_column("Bank")
    table.add_row("ما عاصمة فرنسا؟", "12", "World capitals")
    table.add_row("لا أعرف الإجابة", "3", "منظمة التعاون")
    out = io.StringIO()
    Console(file=out, width=60, color_system=None).print(table)
    return out.getvalue().rstrip("\n")


def test_a_table_is_mirrored_with_its_columns_in_line() -> None:
    logical = table_text(True).split("\n")
    rows = for_terminal("\n".join(logical), width=60, rtl=True, mode="reorder").split("\n")
    assert len(rows) == len(logical)
    body = rows[1:]
    # Every row of the table is as wide as before and ends at the right edge.
    assert {cell_width(row) for row in body} == {60}
    assert body[0].rstrip().endswith("┓") and body[0].lstrip().startswith("┏")
    assert body[-1].rstrip().endswith("┘") and body[-1].lstrip().startswith("└")
    # The column borders line up on every row: shaping made no cell narrower.
    borders = {tuple(i for i, c in enumerate(row) if c in "┃│┏┓┳┗┛┻└┘┴┡┩╇") for row in body}
    assert len(borders) == 1
    # The first column (the question) is on the right; each cell reads as written.
    header = [cell.strip() for cell in body[1].strip("┃ ").split("┃")]
    assert [canonical(read_rtl(cell)) for cell in reversed(header)] == [
        "السؤال",
        "الإجابات",
        "Bank",
    ]
    cells = [cell.strip() for cell in body[3].strip("│ ").split("│")]
    assert [canonical(read_rtl(c)) for c in reversed(cells)] == [
        "ما عاصمة فرنسا؟",
        "12",
        "World capitals",
    ]
    # The title stays over the middle of the table (Rich centred it: 16 spaces before, 17 after,
    # and two lam-alef ligatures made it 2 cells narrower).
    title = rows[0]
    left, right = len(title) - len(title.lstrip()), len(title.rstrip())
    table_left = len(body[0]) - len(body[0].lstrip())
    assert (left - table_left, 60 - right) == (17 + 2, 16)


def test_terminal_mode_leaves_the_text_in_logical_order() -> None:
    text = table_text(True)
    assert for_terminal(text, width=60, rtl=True, mode="terminal") == text


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_stream_lays_out_whole_lines_and_switches_the_bidi_mode_once(monkeypatch) -> None:
    from quiz.text.settings import Settings, using

    monkeypatch.setenv("COLUMNS", "40")
    screen = FakeTerminal()
    stream = LaidOutStream(screen)
    with using(Settings.of("ar")):
        stream.write("مرحبا ")
        assert screen.getvalue() == ""  # held until the line is whole
        stream.write("بالعالم\nسطر ثان\n")
        stream.close_layout()
    out = screen.getvalue()
    assert out.startswith(EXPLICIT) and out.endswith(IMPLICIT) and out.count(EXPLICIT) == 1
    rows = out[len(EXPLICIT) : -len(IMPLICIT)].split("\n")[:2]
    assert [canonical(read_rtl(row.strip())) for row in rows] == ["مرحبا بالعالم", "سطر ثان"]
    piped = io.StringIO()
    with using(Settings.of("ar")):
        LaidOutStream(piped).write("مرحبا بالعالم\n")
    assert piped.getvalue() == "مرحبا بالعالم\n"


# -- the commands on a pty and on a pipe ----------------------------------------------------------


@pytest.fixture
def scores_db(tmp_path: Path) -> Path:
    db = tmp_path / "scores.db"
    with Store.open(db) as store:
        seed_session(
            store,
            bank="/b.yaml",
            title="منظمة التعاون",
            planned=3,
            results=[True, False],
            start=datetime(2026, 11, 29, 10, 54, tzinfo=UTC),
            finished=False,
        )
    return db


def env(**extra: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("QUIZ_", "LC_", "LANG"))}
    for name in ("TERM_PROGRAM", "VTE_VERSION", "KONSOLE_VERSION", "MLTERM"):
        clean.pop(name, None)
    return {**clean, "COLUMNS": "100", "TZ": "UTC", **extra}


def run_on_pty(args: list[str], **extra: str) -> str:
    """quiz's output (stdout and stderr) when both are a terminal."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "quiz", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        env=env(**extra),
        cwd=ROOT,
    )
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(30)
    os.close(leader)
    return b"".join(chunks).decode().replace("\r\n", "\n")


def run_on_pipe(args: list[str], **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        capture_output=True,
        text=True,
        env=env(**extra),
        cwd=ROOT,
        timeout=60,
    )


LOGICAL_SCORE_LINE = ar("٢٩ نوفمبر 2026، 10:54  منظمة التعاون  تمرين  1/3 صحيحة (33٪)")


def test_quiz_scores_on_a_terminal_is_shaped_in_display_order(scores_db: Path) -> None:
    out = run_on_pty(["--lang", "ar", "scores", "--db", str(scores_db)])
    assert out.startswith(EXPLICIT) and out.rstrip("\n").endswith(IMPLICIT)
    (row,) = [line for line in out[len(EXPLICIT) :].split("\n") if line.strip(IMPLICIT + " ")]
    assert cell_width(row) == 100 and row.startswith(" ")
    assert "منظمة" not in row  # shaped: presentation forms, not the letters as stored
    # The fields are cells: the date on the right, then the title, the kind, the score (right
    # of planned).
    fields = [field.strip() for field in row.strip().split("  ") if field.strip()]
    read = [canonical(read_rtl(field)) for field in reversed(fields)]
    assert read[:4] == [
        canonical(ar("٢٩ نوفمبر 2026، 10:54")),
        "منظمة التعاون",
        "تمرين",
        canonical(ar("1/3 صحيحة (33٪)، أُجيب عن 2 من 3")),
    ]


def test_quiz_scores_on_a_pipe_stays_in_logical_order(scores_db: Path) -> None:
    done = run_on_pipe(["--lang", "ar", "scores", "--db", str(scores_db)])
    assert done.returncode == 0
    assert done.stdout.startswith(LOGICAL_SCORE_LINE)
    assert "\x1b" not in done.stdout


def test_terminal_mode_sends_logical_order_to_the_terminal(scores_db: Path) -> None:
    out = run_on_pty(["--lang", "ar", "--rtl", "terminal", "scores", "--db", str(scores_db)])
    assert "\x1b" not in out and out.startswith(LOGICAL_SCORE_LINE)
    # auto in Konsole: the terminal lays it out itself.
    out = run_on_pty(["--lang", "ar", "scores", "--db", str(scores_db)], KONSOLE_VERSION="230800")
    assert "\x1b" not in out and out.startswith(LOGICAL_SCORE_LINE)


def test_json_stays_in_logical_order_on_a_terminal(scores_db: Path) -> None:
    out = run_on_pty(["--lang", "ar", "scores", "--json", "--db", str(scores_db)])
    assert '"title": "منظمة التعاون"' in out and "\x1b" not in out


def test_english_output_without_arabic_is_untouched_on_a_terminal(tmp_path: Path) -> None:
    out = run_on_pty(["scores", "--db", str(tmp_path / "none.db")])
    assert out == "No quizzes yet. Run 'quiz' to start one.\n"


def test_an_english_problem_line_in_an_arabic_interface_reads_left_to_right() -> None:
    line = "/tmp/b/bad.yaml:6:13: error: answer 'الجيزة' is not one of the choices"
    row = for_terminal(line, width=80, rtl=True, mode="reorder")
    assert row.startswith("/tmp/b/bad.yaml:6:13: error: answer '")  # left-aligned, path first
    assert canonical(read_ltr(row)) == canonical(line)


def test_an_option_and_a_path_keep_their_dashes_and_slash_in_arabic() -> None:
    row = for_terminal("الخيار --bank /tmp/x غير صالح", width=40, rtl=True, mode="reorder")
    assert "--bank /tmp/x" in row and "\u200e" not in row


# -- the commands in Arabic -----------------------------------------------------------------------


def test_help_is_arabic_and_logical_on_a_pipe() -> None:
    done = run_on_pipe(["--lang", "ar", "--help"])
    assert done.returncode == 0
    out = done.stdout
    assert out.startswith("الاستخدام: quiz [-h]")
    assert "تدرّب على أسئلة الاختيار من متعدد في الطرفية." in out
    assert "  -h, --help            اعرض هذه المساعدة واخرج" in out
    assert "الخيارات العامة:" in out and "show this help" not in out
    sub = run_on_pipe(["--lang", "ar", "stats", "--help"]).stdout
    assert "ملف بنك واحد (الافتراضي: كل البنوك)" in sub
    # QUIZ_LANG works before the arguments are read, as --lang does.
    assert run_on_pipe(["--help"], QUIZ_LANG="ar").stdout.startswith("الاستخدام: ")


def test_help_on_a_terminal_is_mirrored() -> None:
    out = run_on_pty(["--lang", "ar", "--help"])
    rows = out[len(EXPLICIT) :].split("\n")
    # "-h, --help" is a cell on the right; its help, shaped, to its left.
    (row,) = [row for row in rows if row.rstrip().endswith("-h, --help")]
    assert cell_width(row) == 100
    help_text = row.rstrip()[: -len("-h, --help")].strip()
    assert canonical(read_rtl(help_text)) == "اعرض هذه المساعدة واخرج"


def test_usage_mistakes_are_arabic_after_a_machine_readable_prefix(tmp_path: Path) -> None:
    done = run_on_pipe(["--lang", "ar", "play", "--count", "x", "b.yaml"])
    assert done.returncode == 2
    assert done.stderr == (
        "quiz: error: المعامل --count: ليس عددًا صحيحًا: x (انظر 'quiz play --help')\n"
    )
    done = run_on_pipe(["--lang", "ar", "--db", str(tmp_path / "s.db"), "frobnicate"])
    assert done.returncode == 2 and done.stderr.startswith("quiz: error: المعامل COMMAND: ")
    assert "اختيار غير صالح: 'frobnicate'" in done.stderr
    done = run_on_pipe(["--lang", "ar", "list", "--bank", str(tmp_path / "none")])
    assert done.stderr == f"quiz: error: --bank {tmp_path / 'none'}: لا يوجد مجلد بهذا الاسم\n"


def test_quiz_check_in_arabic_keeps_path_line_column_and_severity(tmp_path: Path) -> None:
    bank = tmp_path / "bad.yaml"
    bank.write_text(
        "title: تجربة\nlanguage: ar\nquestions:\n  - question: ما عاصمة مصر؟\n"
        "    choices: [القاهرة, الإسكندرية]\n    answer: الجيزة\n",
        encoding="utf-8",
    )
    done = run_on_pipe(["--lang", "ar", "check", str(bank)])
    assert done.returncode == 1
    first, summary = done.stdout.splitlines()
    assert first.startswith(f"{bank}:6:13: error: ")
    # One file, one error, and (it does not load) no question and no warning: the one and zero
    # forms of CLDR Arabic.
    assert summary == "ملف واحد، لا أسئلة، خطأ واحد، لا تحذيرات"
    english = run_on_pipe(["check", str(bank)]).stdout.splitlines()[-1]
    assert english == "1 file, 0 questions, 1 error, 0 warnings"


def test_quiz_stats_in_arabic_on_a_terminal_is_a_mirrored_table(scores_db: Path) -> None:
    out = run_on_pty(["--lang", "ar", "stats", "--db", str(scores_db)])
    rows = [row for row in out[len(EXPLICIT) :].split("\n") if row.strip(IMPLICIT + " ")]
    # The title keeps its bold, round the whole row.
    assert rows[0].startswith("\x1b[1m") and rows[0].endswith("\x1b[0m")
    rows = [re.sub(r"\x1b\[[0-9;]*m", "", row) for row in rows]
    assert canonical(read_rtl(rows[0].strip())) == canonical("إحصاءات default: كل البنوك")
    # The figures table without borders: the label on the right, the value on its left.
    (answers,) = [row for row in rows if canonical("الإجابات") in canonical(read_rtl(row))][:1]
    label, value = [cell for cell in answers.strip().split("  ") if cell][::-1][:2]
    assert canonical(read_rtl(label)) == "الإجابات" and value.strip() == "٢"
    piped = run_on_pipe(["--lang", "ar", "stats", "--db", str(scores_db)]).stdout
    assert piped.startswith("إحصاءات default: كل البنوك\n")
    assert "الإجابات" in piped and "\x1b" not in piped
