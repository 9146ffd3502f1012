"""`quiz report`: item analysis of students' exports, exact numbers; bad input in one line."""

from __future__ import annotations

import argparse
import io
import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.cli import build_parser, main
from quiz.progress.export import COLUMNS, export_rows, write_csv, write_json
from quiz.progress.report import (
    BankResult,
    Filters,
    QuestionResult,
    ReportError,
    StudentResult,
    WrongChoice,
    build_report,
)
from quiz.render.report_html import render_html
from quiz.render.report_text import percent_label, print_report, report_command
from quiz.store import Store

GEO = ("/home/ali/banks/geography.yaml", "Geography")
GEO_ELSEWHERE = (r"C:\Users\huda\banks\geography.yaml", "Geography")
MATH = ("/srv/quiz/math.yaml", "Math")
#: These data sets count every answer (ali answers g1 twice): the report's --attempts all.
EVERY = Filters(attempts="all")
FRANCE = "Capital of France? <b>not bold</b> & co"
CAIRO = "ما عاصمة مصر؟"
EGYPT = ["القاهرة", "الإسكندرية", "أسوان"]


def row(
    profile: str, bank: tuple[str, str], qid: str, picked: list[str], right: bool
) -> dict[str, object]:
    """An export row of one of the known questions."""
    question, choices = {
        "g1": (FRANCE, ["Paris", "Lyon", "Nice"]),
        "g2": (CAIRO, EGYPT),
        "m1": ("Which are even?", ["2", "3", "4"]),
        "m2": ("7 × 6 = ?", ["42", "5", "7"]),
    }[qid]
    return {
        "profile": profile,
        "bank": bank[0],
        "bank_title": bank[1],
        "question_id": qid,
        "question": question,
        "choices": choices,
        "picked": picked,
        "result": "right" if right else "wrong",
        "seconds": 2.5,
        "answered_at": "2026-03-01T10:00:00+03:00",
    }


def write_class_exports(folder: Path) -> Path:
    """Write a class's exports with known answers into folder and return it.

    ali.csv and huda.json come from home computers (the default profile); class.csv from a
    classroom computer with a profile per student (omar, sara). Expected:
    g1 5 answers 2 right (40%), most picked wrong Lyon x2, 4 students
    g2 4 answers 1 right (25%), most picked wrong الإسكندرية x2, 4 students
    m1 4 answers 3 right (75%), most picked wrong "3 | 4" x1
    m2 2 answers 0 right (0%), wrong picks 7 and 5 once each: "5" (alphabetical) x1
    ali 4/3 (75%), huda 4/0 (0%), omar 3/2 (67%), sara 4/1 (25%)
    """
    folder.mkdir(parents=True, exist_ok=True)
    ali = [
        row("default", GEO, "g1", ["Paris"], True),
        row("default", GEO, "g2", ["الإسكندرية"], False),
        row("default", MATH, "m1", ["2", "4"], True),
        row("default", GEO, "g1", ["Paris"], True),
    ]
    huda = [
        row("default", GEO_ELSEWHERE, "g1", ["Lyon"], False),
        row("default", GEO_ELSEWHERE, "g2", ["الإسكندرية"], False),
        row("default", MATH, "m1", ["3", "4"], False),
        row("default", MATH, "m2", ["7"], False),
    ]
    classroom = [
        row("omar", GEO, "g1", ["Nice"], False),
        row("sara", GEO, "g1", ["Lyon"], False),
        row("omar", GEO, "g2", ["القاهرة"], True),
        row("sara", GEO, "g2", ["أسوان"], False),
        row("omar", MATH, "m1", ["2", "4"], True),
        row("sara", MATH, "m1", ["2", "4"], True),
        row("sara", MATH, "m2", ["5"], False),
    ]
    with (folder / "ali.csv").open("w", encoding="utf-8", newline="") as stream:
        write_csv(ali, stream)
    with (folder / "huda.json").open("w", encoding="utf-8") as stream:
        write_json(huda, stream)
    with (folder / "class.csv").open("w", encoding="utf-8", newline="") as stream:
        write_csv(classroom, stream)
    return folder


EXPECTED_BANKS = (
    BankResult(
        "Geography",
        "geography.yaml",
        (
            QuestionResult("g2", CAIRO, 4, 1, 4, WrongChoice("الإسكندرية", 2)),
            QuestionResult("g1", FRANCE, 5, 2, 4, WrongChoice("Lyon", 2)),
        ),
    ),
    BankResult(
        "Math",
        "math.yaml",
        (
            QuestionResult("m2", "7 × 6 = ?", 2, 0, 2, WrongChoice("5", 1)),
            QuestionResult("m1", "Which are even?", 4, 3, 4, WrongChoice("3 | 4", 1)),
        ),
    ),
)


def test_item_analysis_numbers_are_exact(tmp_path: Path) -> None:
    report = build_report([write_class_exports(tmp_path / "class")], min_answers=4, filters=EVERY)
    assert report.banks == EXPECTED_BANKS
    assert [q.percent_right for b in report.banks for q in b.questions] == [25.0, 40.0, 0.0, 75.0]
    assert report.students == (
        StudentResult("ali", 4, 3),
        StudentResult("huda", 4, 0),
        StudentResult("omar", 3, 2),
        StudentResult("sara", 4, 1),
    )
    # omar has 3 answers, fewer than 4: not ranked.
    assert report.behind == (
        StudentResult("huda", 4, 0),
        StudentResult("sara", 4, 1),
        StudentResult("ali", 4, 3),
    )
    assert report.unranked == 1
    assert report.answers == 15
    assert [p.name for p in report.files] == ["ali.csv", "class.csv", "huda.json"]


def test_fewer_answers_needed_ranks_more_students(tmp_path: Path) -> None:
    report = build_report([write_class_exports(tmp_path / "class")], min_answers=3, filters=EVERY)
    assert [s.name for s in report.behind] == ["huda", "sara", "omar", "ali"]
    assert build_report([tmp_path / "class"], min_answers=5, filters=EVERY).behind == ()


def test_at_most_five_most_behind_ties_by_more_answers_then_name(tmp_path: Path) -> None:
    rows = []
    # Seven students; b, c, d and e all 50%: more answers first, then by name.
    for name, right, wrong in [
        ("a", 0, 2),
        ("e", 1, 1),
        ("d", 1, 1),
        ("c", 2, 2),
        ("b", 1, 1),
        ("f", 2, 0),
        ("g", 3, 1),
    ]:
        rows += [row(name, MATH, "m1", ["2", "4"], True)] * right
        rows += [row(name, MATH, "m1", ["3"], False)] * wrong
    with (tmp_path / "class.csv").open("w", encoding="utf-8", newline="") as stream:
        write_csv(rows, stream)
    report = build_report([tmp_path / "class.csv"], min_answers=2, filters=EVERY)
    assert [(s.name, s.answers, s.right) for s in report.behind] == [
        ("a", 2, 0),
        ("c", 4, 2),
        ("b", 2, 1),
        ("d", 2, 1),
        ("e", 2, 1),
    ]


def test_files_that_all_hold_one_profile_are_named_by_file(tmp_path: Path) -> None:
    for name, right in [("lina", True), ("yusuf", False)]:
        with (tmp_path / f"{name}.csv").open("w", encoding="utf-8", newline="") as stream:
            write_csv([row("student", MATH, "m1", ["2", "4"] if right else ["3"], right)], stream)
    report = build_report([tmp_path / "lina.csv", tmp_path / "yusuf.csv"], min_answers=1)
    assert [s.name for s in report.students] == ["lina", "yusuf"]
    # One file alone: its profile names its student.
    alone = build_report([tmp_path / "lina.csv"], min_answers=1)
    assert [s.name for s in alone.students] == ["student"]


def test_a_profile_in_several_files_is_one_student(tmp_path: Path) -> None:
    for name in ("monday", "tuesday"):
        with (tmp_path / f"{name}.csv").open("w", encoding="utf-8", newline="") as stream:
            write_csv(
                [row("omar", MATH, "m1", ["3"], False), row("sara", MATH, "m1", [], False)], stream
            )
    report = build_report([tmp_path], min_answers=1, filters=EVERY)
    assert report.students == (StudentResult("omar", 2, 0), StudentResult("sara", 2, 0))
    (question,) = report.banks[0].questions
    # Nothing picked is not a wrong choice.
    assert (question.answers, question.students, question.most_picked_wrong) == (
        4,
        2,
        WrongChoice("3", 2),
    )


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    folder = write_class_exports(tmp_path / "class")
    report = build_report([folder, folder / "ali.csv"], min_answers=1, filters=EVERY)
    assert report.answers == 15


def test_export_then_report_end_to_end(tmp_path: Path) -> None:
    t0 = datetime(2026, 3, 1, 8, tzinfo=UTC)
    for name, picks in [("ali", [0, 0]), ("huda", [1, 0]), ("omar", [2, 1])]:
        db = tmp_path / f"{name}.sqlite3"
        with Store.open(db) as store:
            session = store.start_session(bank=GEO[0], title="Geography", planned=2, now=t0)
            for n, pick in enumerate(picks):
                store.record_answer(
                    session,
                    question_id=f"q{n}",
                    question=[FRANCE, CAIRO][n],
                    choices=[["Paris", "Lyon", "Nice"], EGYPT][n],
                    picked=pick,
                    correct=pick == 0,
                    ms=1000,
                    now=t0,
                )
        with _create(tmp_path / "class" / f"{name}.csv") as stream:
            write_csv(export_rows(db), stream)
    report = build_report([tmp_path / "class"], min_answers=2, filters=EVERY)
    (bank,) = report.banks
    assert bank.questions == (
        QuestionResult("q0", FRANCE, 3, 1, 3, WrongChoice("Lyon", 1)),
        QuestionResult("q1", CAIRO, 3, 2, 3, WrongChoice("الإسكندرية", 1)),
    )
    assert [(s.name, s.right) for s in report.behind] == [("omar", 0), ("huda", 1), ("ali", 2)]


def _create(path: Path) -> io.TextIOWrapper:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.open("w", encoding="utf-8", newline="")


def test_a_spreadsheet_saved_with_semicolons_and_blank_lines_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "ali.csv"
    header = ";".join(COLUMNS)
    line = ";".join(
        ["ali", GEO[0], "Geography", "g2", CAIRO, " | ".join(EGYPT), "أسوان", "Wrong", "2,5", "x"]
    )
    path.write_text(f"\ufeff{header}\r\n{line}\r\n;;;;;;;;;\r\n\r\n", encoding="utf-8")
    report = build_report([path], min_answers=1)
    assert report.banks[0].questions == (
        QuestionResult("g2", CAIRO, 1, 0, 1, WrongChoice("أسوان", 1)),
    )


def test_percent_labels_round_but_never_claim_all_or_none() -> None:
    assert [percent_label(r, a) for r, a in [(1, 3), (2, 3), (1, 8), (0, 5), (5, 5)]] == [
        "33%",
        "67%",
        "13%",
        "0%",
        "100%",
    ]
    assert percent_label(999, 1000) == "99%"
    assert percent_label(1, 1000) == "1%"


# -- printing -------------------------------------------------------------------------------------


def lines_with(text: str, *words: str) -> list[str]:
    return [line for line in text.splitlines() if all(w in line for w in words)]


def test_printed_tables_show_the_numbers(tmp_path: Path) -> None:
    report = build_report([write_class_exports(tmp_path / "class")], min_answers=4, filters=EVERY)
    out = io.StringIO()
    print_report(report, out)
    text = out.getvalue()
    assert text.splitlines()[0] == "Quiz report: 4 students, 15 answers, from 3 files"
    assert all(len(line) <= 80 for line in text.splitlines())
    # Number, question cut to one line, answers, students, right.
    assert re.search(r"  1 Capital of France\? <b>not bold</…\s+5\s+4\s+40%", text)
    assert "    id g1; most picked wrong 'Lyon' (2); discrimination: too few students\n" in text
    assert re.search(rf"  2 {CAIRO}\s+4\s+4\s+25%", text)
    assert re.search(r"  2 7 × 6 = \?\s+2\s+2\s+0%", text)
    assert re.search(r"  1 Which are even\?\s+4\s+4\s+75%", text)
    assert text.index("Geography (geography.yaml)") < text.index("Capital") < text.index(CAIRO)
    behind = text[text.index("Students most behind") :]
    assert "1 student with\nfewer not ranked" in behind
    assert [line.split()[:3] for line in behind.splitlines()[-3:]] == [
        ["huda", "4", "0%"],
        ["sara", "4", "25%"],
        ["ali", "4", "75%"],
    ]


def test_text_from_exports_is_never_markup(tmp_path: Path) -> None:
    sneaky = row("[bold]x[/bold]", MATH, "m1", ["[/"], False)
    sneaky["question"] = "Close tag [/ and [red]red[/red] :smile:"
    path = tmp_path / "x.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        write_csv([sneaky], stream)
    out = io.StringIO()
    print_report(build_report([path], min_answers=1), out, width=200)
    text = out.getvalue()
    assert "Close tag [/ and [red]red[/red]" in text
    assert "[bold]x[/bold]" in text
    assert "most picked wrong '[/' (1)" in text


def test_no_answers_at_all_says_so(tmp_path: Path) -> None:
    with (tmp_path / "ali.csv").open("w", encoding="utf-8", newline="") as stream:
        write_csv([], stream)
    out = io.StringIO()
    print_report(build_report([tmp_path]), out)
    assert out.getvalue().splitlines() == [
        "Quiz report: 0 students, 0 answers, from 1 file",
        "No answers in these exports.",
    ]


# -- HTML, as text (tests/test_report_browser.py opens it in a browser) ---------------------------


def test_html_is_one_self_contained_escaped_page(tmp_path: Path) -> None:
    page = render_html(
        build_report([write_class_exports(tmp_path / "class")], min_answers=4, filters=EVERY)
    )
    assert page.startswith("<!doctype html>")
    assert '<meta charset="utf-8">' in page
    assert "Capital of France? &lt;b&gt;not bold&lt;/b&gt; &amp; co" in page
    assert "<b>" not in page
    assert f'<td class="question" dir="auto">{CAIRO}</td>' in page
    assert page.count('<td class="question" dir="auto">') == 4
    for external in ("http://", "https://", "<script", "<link", "@import", "url("):
        assert external not in page
    # One bar per question and per student most behind.
    assert page.count('<svg class="bar"') == 4 + 3
    assert 'aria-label="40% right (2 of 5)"' in page


def test_report_command_writes_html_and_says_so(tmp_path: Path) -> None:
    folder = write_class_exports(tmp_path / "class")
    out, err = io.StringIO(), io.StringIO()
    report_command([folder], html_out=tmp_path / "r.html", filters=EVERY, stdout=out, stderr=err)
    assert out.getvalue() == ""
    assert err.getvalue() == f"wrote {tmp_path / 'r.html'}: 4 students, 15 answers, from 3 files\n"
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!doctype html>")


def test_html_never_overwrites_an_input(tmp_path: Path) -> None:
    folder = write_class_exports(tmp_path / "class")
    before = (folder / "ali.csv").read_bytes()
    with pytest.raises(ReportError, match="is one of the exports being read"):
        report_command(
            [folder], html_out=folder / "ali.csv", stdout=io.StringIO(), stderr=io.StringIO()
        )
    assert (folder / "ali.csv").read_bytes() == before


# -- bad input: one line naming the file and what to do ------------------------------------------


def bad(tmp_path: Path, name: str, content: bytes | None) -> Path:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    return path


HEADER = ",".join(COLUMNS).encode()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("gone.csv", None, r"gone.csv: no such file or folder; check the name"),
        (
            "ali.csv",
            "\ufeffprofile,question\nali,ما\n".encode("utf-8"),
            r"ali.csv: no columns bank, bank_title, question_id, picked, result; ask the student",
        ),
        (
            "ali.csv",
            HEADER.replace(b",result", b"") + b"\n",
            r"ali.csv: no column result; ask the student to run 'quiz results export' again",
        ),
        (
            "bank.yaml",
            b"title: Geography\nquestions: []\n",
            r"bank.yaml: not a quiz results export",
        ),
        ("empty.csv", b"", r"empty.csv: not a quiz results export \(it is empty\)"),
        (
            "ali.csv",
            HEADER + b"\nali,b,B,q," + "ما عاصمة".encode("cp1256") + b",,x,right,1,t\n",
            r"ali.csv: not UTF-8 text; .* save it from the spreadsheet as 'CSV UTF-8'",
        ),
        (
            "ali.csv",
            HEADER + b"\nali,b,B,q,Q?,x | y,x,maybe,1,t\n",
            r"ali.csv:2: result is 'maybe', not 'right' or 'wrong'",
        ),
        (
            "ali.csv",
            HEADER + b"\nali,b,B,,Q?,x | y,x,right,1,t\n",
            r"ali.csv:2: the question_id is empty",
        ),
        ("ali.json", b'[{"profile": "a",', r"ali.json: not valid JSON \(.* at line 1 column 18\)"),
        (
            "ali.json",
            b'{"rows": []}',
            r"ali.json: not a quiz results export \(JSON, but not a list",
        ),
        (
            "ali.json",
            json.dumps(
                [{"profile": "a", "bank": "b", "bank_title": "B", "question_id": "q"}]
            ).encode(),
            r"ali.json: answer 1: no columns question, picked, result",
        ),
        (
            "ali.json",
            json.dumps([dict(row("a", MATH, "m1", ["3"], False), result=False)]).encode(),
            r"ali.json: answer 1: result is False, not 'right' or 'wrong'",
        ),
        (
            "ali.json",
            json.dumps([dict(row("a", MATH, "m1", ["3"], False), question=7)]).encode(),
            r"ali.json: answer 1: question is not text",
        ),
        ("scores.sqlite3", b"SQLite format 3\x00" + bytes(100), r"a score database, not an export"),
    ],
)
def test_bad_input_is_one_line_naming_the_file(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = bad(tmp_path, name, content)
    with pytest.raises(ReportError, match=message) as raised:
        build_report([path])
    text = str(raised.value)
    assert "\n" not in text
    assert text.startswith(str(path))


def test_a_folder_without_exports_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hi", encoding="utf-8")
    (tmp_path / ".hidden.csv").write_text("x", encoding="utf-8")
    with pytest.raises(ReportError, match=r"no \.csv or \.json files in this folder; copy"):
        build_report([tmp_path])


def test_an_unreadable_file_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ali.csv"
    path.write_bytes(HEADER + b"\n")

    real_open = os.open

    def refuse(name: object, *args: object, **kwargs: object) -> object:
        # chmod 000 does not stop root, who may run the tests; refuse as the OS would.
        if str(name).endswith("ali.csv"):
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(
        ReportError, match=r"ali.csv: cannot read the file \(Permission denied\); check"
    ):
        build_report([path])


# -- through the command line, once quiz.cli has the command ------------------------------------


def _cli_has(command: str) -> bool:
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return command in action.choices
    return False


needs_cli = pytest.mark.skipif(
    not _cli_has("report"), reason="quiz.cli has no 'report' command yet"
)


@needs_cli
def test_cli_report_prints_and_bad_input_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_class_exports(tmp_path / "class")
    assert main(["report", str(folder), "--min-answers", "4", "--attempts", "all"]) == 0
    assert "Quiz report: 4 students, 15 answers, from 3 files" in capsys.readouterr().out
    (folder / "broken.csv").write_bytes(b"\xff\xfe")
    assert main(["report", str(folder)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("quiz: error: ")
    assert "broken.csv: not UTF-8 text" in captured.err
    assert len(captured.err.strip().splitlines()) == 1
