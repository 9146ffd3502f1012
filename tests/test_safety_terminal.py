"""Nothing from data drives the terminal: control, escape and bidi characters in names, profiles,
exports and files are shown as escapes on the command line and removed on the full screen."""

from __future__ import annotations

import io
import json
import os
import sqlite3
from pathlib import Path

import pytest
from ui_helpers import THREE, build, screen_text

from quiz.cli import main
from quiz.progress.report import build_report
from quiz.render.report_html import render_html
from quiz.render.report_text import print_report
from quiz.store import Store, bank_key
from quiz.text.safe import (
    GuardedStream,
    clean_profile_name,
    on_screen,
    profile_name_problem,
    visible,
)
from quiz.ui.profile_dialog import ProfileScreen

#: Every character that can drive a terminal or reorder what follows, written out by hand:
#: C0 controls but tab and newline, DEL, C1 controls, bidi embeddings, overrides and isolates.
DRIVING = (
    [chr(c) for c in range(0x20) if chr(c) not in "\t\n"]
    + ["\x7f"]
    + [chr(c) for c in range(0x80, 0xA0)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)

#: What a hostile name or cell holds: sequences that were seen to act on real terminals.
PAYLOADS = (
    "\x1b]52;c;cm0gLXJmIH4=\x07",  # OSC 52: write to the clipboard
    "\x1b]0;owned\x1b\\",  # OSC 0: the window title, ended by ST
    "\x1b[2J\x1b[H",  # clear the screen, cursor home
    "\x9b31m\x9d2;t\x9c",  # the same with C1 CSI and OSC
    "\u202egpj.exe",  # an override that makes exe read as jpg
    "\u2067\u2066x\u2069",  # isolates
    "hidden\rshown",  # a carriage return that overwrites the line
    "\x08\x08\x7f\x00",
)


def inert(text: str) -> bool:
    """Whether text can go to a terminal: none of DRIVING (a CR only before a newline), no
    surrogate (which no terminal encoding holds)."""
    text = text.replace("\r\n", "\n")
    return not any(c in DRIVING or "\ud800" <= c <= "\udfff" for c in text)


# -- the two functions -------------------------------------------------------------------------


@pytest.mark.parametrize("char", DRIVING)
def test_every_driving_character_is_escaped_visibly_or_removed(char: str) -> None:
    shown = visible(f"a{char}b")
    assert inert(shown)
    assert shown.startswith("a\\") and shown.endswith("b")
    assert on_screen(f"a{char}b") == "ab"


def test_escapes_read_as_python_writes_them() -> None:
    assert visible("\x1b[2J") == "\\x1b[2J"
    assert visible("\u202eabc") == "\\u202eabc"
    assert visible("a\rb") == "a\\rb"
    assert visible("line\r\nnext\ttab") == "line\r\nnext\ttab"
    # A byte of a file name that is not UTF-8 (Python keeps it as a surrogate).
    assert visible(os.fsdecode(b"caf\xe9")) == "caf\\xe9"
    assert on_screen(os.fsdecode(b"caf\xe9")) == "caf\\xe9"
    assert visible("\ud800") == "\\ud800"
    # Arabic, accents, emoji and the marks that Persian needs are text.
    for text in ("منظمة التعاون", "café", "🙂", "می\u200cخواهم", "Ünïcödé"):
        assert visible(text) == text == on_screen(text)


def test_a_guarded_stream_tells_a_line_end_from_an_overwrite() -> None:
    out = io.StringIO()
    stream = GuardedStream(out)
    stream.write("one\r")
    stream.write("\n")  # CR then newline across two writes: a line end
    stream.write("secret\r")
    stream.write(" shown")  # a CR that would overwrite "secret"
    stream.write("\x1b[2J")
    stream.flush()
    assert out.getvalue() == "one\r\nsecret\\r shown\\x1b[2J"


# -- the command line --------------------------------------------------------------------------


def hostile_folder(tmp_path: Path) -> Path:
    """A bank folder whose subject folders and files are named with every payload."""
    root = tmp_path / "banks"
    for number, payload in enumerate(PAYLOADS):
        name = payload.replace("/", "").replace("\x00", "")
        folder = root / f"s{number}{name}"
        folder.mkdir(parents=True)
        (folder / f"b{number}{name}.yaml").write_text(THREE, encoding="utf-8")
    # A file name that is not UTF-8, and one that holds an escape and a newline.
    (root / os.fsdecode(b"caf\xe9.yaml")).write_text(THREE, encoding="utf-8")
    (root / "two\nlines\x1b[5m.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    return root


def test_quiz_list_and_check_print_hostile_names_as_escapes(tmp_path, capsys) -> None:
    root = hostile_folder(tmp_path)
    assert main(["list", "--bank", str(root)]) == 0
    out = capsys.readouterr().out
    assert inert(out)
    assert "caf\\xe9.yaml" in out
    assert "\\x1b]52;c;cm0gLXJmIH4=\\x07" in out
    assert "two\\nlines\\x1b[5m.yaml" in out
    # One line per bank, the total line after them.
    assert len(out.splitlines()) == len(PAYLOADS) + 3

    assert main(["check", str(root)]) == 1
    out = capsys.readouterr().out
    assert inert(out)
    assert "two\\nlines\\x1b[5m.yaml:2:1: error: YAML syntax error" in out

    assert main(["list", "--bank", str(root), "--json"]) == 0
    out = capsys.readouterr().out
    assert inert(out)
    rows = json.loads(out)
    assert {row["subject"] for row in rows} >= {"s4\\u202egpj.exe", "s6hidden\\rshown"}


def test_error_messages_naming_a_path_are_escaped(tmp_path, capsys) -> None:
    for payload in PAYLOADS:
        name = str(tmp_path / f"no{payload.replace(chr(0), '')}.yaml")
        assert main(["export", name, "--to", "gift"]) == 2
        err = capsys.readouterr().err
        assert inert(err)
        assert err.count("\n") == 1 and err.startswith("quiz: error: ")


def test_profile_names_are_checked_where_they_are_made(capsys, monkeypatch) -> None:
    # (No NUL: an argument or an environment variable cannot hold one.)
    for bad in [*(p.replace("\x00", "") for p in PAYLOADS), "x" * 41, "tab\t", "\u200fRLM", "a\nb"]:
        assert main(["--profile", bad, "scores"]) == 2
        err = capsys.readouterr().err
        assert inert(err) and err.count("\n") == 1
        assert "a profile name is 1 to 40 characters" in err
        monkeypatch.setenv("QUIZ_PROFILE", bad)
        assert main(["scores"]) == 2
        assert "QUIZ_PROFILE" in capsys.readouterr().err
        monkeypatch.delenv("QUIZ_PROFILE")
    for good in ("Ali", "  Ali   Hassan ", "علي", "می\u200cخواهم", "x" * 40):
        assert profile_name_problem(good.strip()) is None
        assert main(["--profile", good, "scores"]) == 0
    assert clean_profile_name("  Ali   Hassan ") == "Ali Hassan"
    capsys.readouterr()


def old_database_with_hostile_profiles(path: Path, bank: Path) -> list[str]:
    """A score database written before profile names were checked, holding bad ones."""
    names = [f"p{n}{payload}" for n, payload in enumerate(PAYLOADS)]
    with Store.open(path) as store:
        for name in names:
            session = store.start_session(
                bank=bank_key(bank), title="Three \x1b[5mcapitals", planned=1, profile=name
            )
            store.record_answer(
                session,
                question_id="france",
                question="What is \x1b]0;x\x07 this?",
                choices=['=HYPERLINK("http://x")', "\u202eParis"],
                picked=0,
                correct=False,
                ms=1200,
            )
            store.finish_session(session)
    # And one the store would no longer write, straight into the file.
    with sqlite3.connect(path) as db:
        db.execute("UPDATE sessions SET profile = ? WHERE id = 1", ("\x1b[2J\x1b[31mred",))
    db.close()
    return ["\x1b[2J\x1b[31mred", *names[1:]]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_old_hostile_profile_names_are_escaped_in_every_output(
    tmp_path, capsys, monkeypatch
) -> None:
    db = tmp_path / "old.db"
    names = old_database_with_hostile_profiles(db, tmp_path / "three.yaml")
    assert main(["--db", str(db), "--profile", "p1", "stats"]) == 0  # a clean name still works
    assert main(["--db", str(db), "scores"]) == 0
    assert main(["--db", str(db), "scores", "--json"]) == 0
    out = capsys.readouterr().out
    assert inert(out)
    assert "Three \\x1b[5mcapitals" in out
    # An export printed on a terminal is read there: escaped. Into a file: as saved.
    terminal = _Terminal()
    monkeypatch.setattr("sys.stdout", terminal)
    assert main(["--db", str(db), "results", "export"]) == 0
    assert inert(terminal.getvalue())
    assert "\\x1b[2J\\x1b[31mred" in terminal.getvalue()
    monkeypatch.undo()
    out_file = tmp_path / "all.json"
    assert main(["--db", str(db), "results", "export", "-o", str(out_file)]) == 0
    rows = json.loads(out_file.read_text(encoding="utf-8"))
    assert {row["profile"] for row in rows} == set(names)


def test_a_report_on_hostile_exports_prints_and_writes_no_control_code(tmp_path, capsys) -> None:
    db = tmp_path / "old.db"
    names = old_database_with_hostile_profiles(db, tmp_path / "three.yaml")
    exports = tmp_path / "exports"
    exports.mkdir()
    assert main(["--db", str(db), "results", "export", "-o", str(exports / "a.csv")]) == 0
    assert main(["--db", str(db), "results", "export", "-o", str(exports / "b.json")]) == 0
    capsys.readouterr()
    assert main(["report", str(exports), "--min-answers", "1"]) == 0
    out = capsys.readouterr().out
    assert inert(out)
    assert "What is \\x1b]0;x" in out  # (Rich itself drops the BEL)
    report = build_report([exports], min_answers=1)
    # The report read the original text back, from CSV (the formula guard taken off) and JSON.
    (bank,) = report.banks
    (question,) = bank.questions
    # The same database exported twice: each student's (first) answer is counted once.
    assert question.answers == len(names)
    assert question.most_picked_wrong is not None
    assert question.most_picked_wrong.text == '=HYPERLINK("http://x")'
    stream = io.StringIO()
    print_report(report, stream, width=100)
    assert inert(stream.getvalue())
    page = render_html(report)
    assert inert(page)
    assert "\\x1b[2J\\x1b[31mred" in page


def test_import_and_export_notices_are_escaped(tmp_path, capsys) -> None:
    gift = tmp_path / "q\x1b]0;title\x07.gift"
    gift.write_text(
        "::one:: Capital of France? {=Paris ~Lyon}\n\n"
        "::two\x1b[2J:: Pick one {=\u202eyes ~\u202eyes}\n\n"
        "::three:: Essay \x1b]52;c;eA==\x07 question {}\n",
        encoding="utf-8",
    )
    assert main(["import", str(gift), "-o", str(tmp_path / "out.yaml")]) == 0
    err = capsys.readouterr().err
    assert inert(err)
    assert "q\\x1b]0;title\\x07.gift" in err
    aiken = tmp_path / "a.txt"
    aiken.write_text(
        "Which?\nA. one\nB. two\nANSWER: \x1b[31mC\x1b[0m\n\nOther?\nA. x\nB. y\nANSWER: A\n",
        encoding="utf-8",
    )
    assert main(["import", str(aiken), "--from", "aiken"]) == 0
    captured = capsys.readouterr()
    assert inert(captured.err) and inert(captured.out)


# -- the full screen ---------------------------------------------------------------------------


async def test_the_home_screen_and_profile_chooser_show_no_control_code(tmp_path) -> None:
    root = hostile_folder(tmp_path)
    db = tmp_path / "old.db"
    names = old_database_with_hostile_profiles(db, root / "three.yaml")
    app, store = build(root, db)
    app.choose_profile(names[0])  # as the chooser does with a name an old database holds
    with store:
        async with app.run_test(size=(120, 60), notifications=True) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert inert(text)
            # Folder and file names are shown with their escapes, as on the command line.
            assert "s0\\x1b]52;c;cm0gLXJmIH4=\\x07" in text
            assert "two\\nlines\\x1b[5m.yaml" in text
            # A profile name from data has its control characters removed.
            assert "Profile: [2J[31mred" in text
            app.notify("bad \x1b[2J\u202enotice\x07")
            await pilot.pause()
            assert "bad [2Jnotice" in screen_text(app)
            await pilot.press("u")
            await pilot.pause()
            assert isinstance(app.screen, ProfileScreen)
            text = screen_text(app)
            assert inert(text)
            assert "p4gpj.exe" in text
            # A pasted name with a control character is refused in the dialog, with a reason.
            await pilot.press("tab")
            app.screen.query_one("#new-profile").value = "evil\x1b[2J"
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ProfileScreen)
            assert "A name is 1 to 40 characters" in screen_text(app)
