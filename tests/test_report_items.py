"""The class report's item analysis: every figure worked out by hand on a small class.

Five students (ana, ben, cem, dan, eli) sit one exam of four questions, keyed "X" (q1, q2, q4
right choice "X"). q3 is planted miskeyed: the bank says "X" but the three weakest... rather,
the strongest students pick "Y" and are marked wrong, so it discriminates negatively.

    right?   q1 q2 q3 q4   total
    ana       1  1  0  1     3
    ben       1  1  0  1     3
    cem       1  0  1  1     3
    dan       0  1  1  0     2
    eli       0  0  1  0     1
"""

from __future__ import annotations

import csv
import json
import math
from datetime import date
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.progress.items import f_quantile
from quiz.progress.report import Filters, build_report
from quiz.progress.report_gradebook import gradebook_csv

HEADER = (
    "profile,bank,bank_title,question_id,question,choices,picked,result,seconds,answered_at,"
    "database,session,answer_id,mode,attempt"
)

RIGHT = {
    "ana": (1, 1, 0, 1),
    "ben": (1, 1, 0, 1),
    "cem": (1, 0, 1, 1),
    "dan": (0, 1, 1, 0),
    "eli": (0, 0, 1, 0),
}


def exam_rows(database: str = "db1", mode: str = "exam") -> list[str]:
    rows = []
    number = 0
    for student, marks in RIGHT.items():
        for index, right in enumerate(marks, start=1):
            number += 1
            picked = "X" if right else ("Y" if index == 3 else "W")
            if index == 3:
                # The miskeyed question: the strong (ana, ben) pick Y and are marked wrong.
                picked = "X" if right else "Y"
            rows.append(
                f"{student},/b/exam.yaml,Exam,q{index},Question {index},X | Y | Z | W,{picked},"
                f"{'right' if right else 'wrong'},3.0,"
                f"2026-03-0{1 + index % 2}T10:00:0{index}+03:00,"
                f"{database},1,{number},{mode},1"
            )
    return rows


def write(path: Path, rows: list[str]) -> Path:
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_item_figures_by_hand(tmp_path: Path) -> None:
    report = build_report([write(tmp_path / "class.csv", exam_rows())])
    (bank,) = report.banks
    items = {q.question_id: q.analysis for q in bank.questions}
    q1 = items["q1"]
    assert q1 is not None
    # q1: x = 1 1 1 0 0, rest = total - x = 2 2 2 2 1; facility 3/5.
    # dx = .4 .4 .4 -.6 -.6, drest = .2 .2 .2 .2 -.8: sum dx*drest = .24 - .12 + .48 = .60,
    # cov = .60/4 = .15; var x = 1.2/4 = .3, var rest = .8/4 = .2; r = .15/sqrt(.06) = .61237.
    assert q1.facility == 0.6
    assert q1.sd == pytest.approx(math.sqrt(0.3))
    assert q1.discrimination == pytest.approx(0.61237, abs=1e-5)
    # Sorted x (0 0 1 1 1) against sorted rest (1 2 2 2 2) give the same .15: efficiency 1.
    assert q1.efficiency == pytest.approx(1.0)
    # 27% of 5 rounds to 1: upper {ana} (3, first by name among 3s), lower {eli}: D = 1 - 0.
    assert q1.d27 == 1.0
    assert q1.flags == ()


def test_the_planted_miskeyed_question_is_flagged(tmp_path: Path) -> None:
    report = build_report([write(tmp_path / "class.csv", exam_rows())])
    q3 = next(q.analysis for q in report.banks[0].questions if q.question_id == "q3")
    assert q3 is not None
    # x = 0 0 1 1 1, rest = 3 3 2 1 0 (means .6 and 1.8): dx = -.6 -.6 .4 .4 .4,
    # drest = 1.2 1.2 .2 -.8 -1.8; sum of products -2.4, cov -.6; var rest 6.8/4 = 1.7;
    # r = -.6 / sqrt(.3 * 1.7) = -.84017.
    assert q3.discrimination == pytest.approx(-0.84017, abs=1e-5)
    assert "negative: check the key" in q3.flags
    choices = {c.text: c for c in q3.choices}
    # Y picked by ana and ben: 1 1 0 0 0 against the same rest: cov +.6, r = +.84017.
    assert choices["Y"].picked == 2
    assert (choices["Y"].upper, choices["Y"].lower) == (1, 0)
    assert choices["Y"].discrimination == pytest.approx(0.84017, abs=1e-5)
    assert choices["Y"].flag == "possibly the right answer: check the key"
    assert choices["X"].key and choices["X"].flag is None
    assert choices["Z"].picked == 0
    assert choices["Z"].flag == "not working: picked by nobody"


def test_test_figures_by_hand(tmp_path: Path) -> None:
    test = build_report([write(tmp_path / "class.csv", exam_rows())]).banks[0].test
    assert test is not None
    # Scores 3 3 3 2 1: mean 2.4, median 3; deviations .6 .6 .6 -.4 -1.4, squares sum 3.2,
    # variance 3.2/4 = .8, SD .894427.
    assert (test.students, test.items) == (5, 4)
    assert test.mean == pytest.approx(2.4)
    assert test.median == 3
    assert test.sd == pytest.approx(0.894427, abs=1e-6)
    # m2 = 3.2/5 = .64, m3 = (3*.216 - .064 - 2.744)/5 = -.432; k2 = 5*.64/4 = .8,
    # k3 = 25*-.432/12 = -.9: skewness -.9 / .8^1.5 = -1.25779.
    assert test.skewness == pytest.approx(-1.25779, abs=1e-5)
    # m4 = (3*.1296 + .0256 + 3.8416)/5 = .8512; k4 = 25*(6*.8512 - 12*.4096)/24 = .2;
    # kurtosis .2 / .64 = .3125.
    assert test.kurtosis == pytest.approx(0.3125)
    # Every item has p = .6, variance .3 (n - 1): sum 1.2; alpha = 4/3 * (1 - 1.2/.8) = -2/3.
    assert test.alpha == pytest.approx(-2 / 3)
    # SEM = .894427 * sqrt(1 + 2/3) = 1.154701.
    assert test.sem == pytest.approx(1.154701, abs=1e-6)
    # Feldt: df 4 and 12; F tables: F.975(4, 12) = 4.1212, F.025(4, 12) = 1/F.975(12, 4)
    # = 1/8.7512; interval 1 - (5/3) * those = 1 - 6.8687 .. 1 - 0.1905 = -5.8687 .. 0.8096.
    assert test.alpha_ci is not None
    assert test.alpha_ci[0] == pytest.approx(-5.8687, abs=1e-3)
    assert test.alpha_ci[1] == pytest.approx(0.8096, abs=1e-3)
    assert "unsatisfactory" in test.reading


def test_f_quantiles_match_the_printed_tables() -> None:
    assert f_quantile(0.975, 4, 12) == pytest.approx(4.1212, abs=1e-3)
    assert f_quantile(0.95, 5, 10) == pytest.approx(3.3258, abs=1e-3)
    assert f_quantile(0.975, 12, 4) == pytest.approx(8.7512, abs=1e-3)


def test_too_few_students_say_so(tmp_path: Path) -> None:
    rows = [r for r in exam_rows() if r.startswith(("ana", "ben", "eli"))]
    bank = build_report([write(tmp_path / "few.csv", rows)]).banks[0]
    assert bank.test is not None
    assert bank.test.alpha is None and bank.test.skewness is None
    assert "too few students" in bank.test.reading
    assert all(q.analysis and q.analysis.discrimination is None for q in bank.questions)


def test_the_same_answers_in_two_files_count_once(tmp_path: Path) -> None:
    rows = exam_rows()
    # Two profiles' exports of one database each holding every row: 5 students, 20 answers.
    report = build_report([write(tmp_path / "a.csv", rows), write(tmp_path / "b.csv", rows)])
    assert (len(report.students), report.answers, report.duplicates) == (5, 20, 20)
    assert all(q.answers == 5 and q.students == 5 for q in report.banks[0].questions)


def test_filters_mode_attempts_and_dates(tmp_path: Path) -> None:
    rows = [
        *exam_rows(),
        # ana reviews q1 later (review: left out by default) and retakes q2 wrong in practice.
        "ana,/b/exam.yaml,Exam,q1,Question 1,X | Y,Y,wrong,1,2026-03-05T10:00:00+03:00,"
        "db1,2,90,review,2",
        "ana,/b/exam.yaml,Exam,q2,Question 2,X | Y,Y,wrong,1,2026-03-06T10:00:00+03:00,"
        "db1,3,91,practice,2",
    ]
    path = write(tmp_path / "class.csv", rows)

    def q(filters: Filters, qid: str) -> tuple[int, int]:
        bank = build_report([path], filters=filters).banks[0]
        found = next(x for x in bank.questions if x.question_id == qid)
        return found.answers, found.right

    assert q(Filters(), "q2") == (5, 3)  # first attempts: ana's first q2 was right
    assert q(Filters(attempts="last"), "q2") == (5, 2)
    assert q(Filters(attempts="all"), "q2") == (6, 3)
    assert q(Filters(attempts="all"), "q1") == (5, 3)  # the review is not counted
    assert q(Filters(attempts="all", modes=("all",)), "q1") == (6, 3)
    assert q(Filters(modes=("review",)), "q1") == (1, 0)
    # q1 and q3 were answered on 2026-03-02, q2 and q4 on 2026-03-01 (see exam_rows).
    until = build_report([path], filters=Filters(until=date(2026, 3, 1))).banks[0]
    assert [x.question_id for x in until.questions] == ["q2", "q4"]
    since = build_report([path], filters=Filters(since=date(2026, 3, 2))).banks[0]
    # And ana's practice retake of q2 on 2026-03-06: her first q2 answer since that date.
    assert sorted(x.question_id for x in since.questions) == ["q1", "q2", "q3"]


def test_json_contract_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "class.csv", exam_rows())
    assert main(["report", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    bank = data["banks"][0]
    assert {
        "students",
        "mean",
        "sd",
        "alpha",
        "alpha_ci",
        "sem",
        "median",
        "skewness",
        "kurtosis",
        "questions",
    } <= set(bank)
    assert bank["students"] == 5 and bank["mean"] == 2.4
    q1 = bank["questions"][0]
    assert {"facility", "discrimination", "efficiency", "d27", "choices", "flags"} <= set(q1)
    assert q1["facility"] == 0.6  # a fraction, not a percentage
    assert set(q1["choices"][0]) == {
        "text",
        "key",
        "picked",
        "upper",
        "lower",
        "discrimination",
        "flag",
    }
    assert data["filters"]["attempts"] == "first"
    assert data["filters"]["modes"] == ["exam", "practice"]


def test_gradebook_is_a_row_per_student_and_spreadsheet_safe(tmp_path: Path) -> None:
    rows = exam_rows()
    rows[0] = rows[0].replace("ana,", "=cmd|x,", 1)  # a profile named like a formula
    report = build_report([write(tmp_path / "class.csv", rows)])
    text = gradebook_csv(report)
    table = list(csv.reader(text.lstrip("\ufeff").splitlines()))
    assert table[0] == ["student", "q1", "q2", "q3", "q4", "answered", "right"]
    by_name = {r[0]: r[1:] for r in table[1:]}
    assert by_name["eli"] == ["wrong", "wrong", "right", "wrong", "4", "1"]
    # The formula-like name's first answer (q1) is its only row: quoted, blanks elsewhere.
    assert by_name["'=cmd|x"] == ["right", "", "", "", "1", "1"]
    out = tmp_path / "grades.csv"
    assert main(["report", str(tmp_path / "class.csv"), "--gradebook", str(out)]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_report_text_is_80_columns_with_flags_as_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "class.csv", exam_rows())
    assert main(["report", str(path)]) == 0
    out = capsys.readouterr().out
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "negative: check the key" in out
    out = out.replace("\n      ", " ")  # a long line goes on indented under itself
    assert "distractor 'Y'" in out and "possibly the right answer: check the key" in out
    assert "Alpha (KR-20) -0.67" in out


BANK = """title: Exam
language: en
questions:
  - id: q1
    question: Question 1
    choices: [X, Y, Z, W]
    answer: X
    explanation: X is right.
  - id: q3
    question: Question 3
    choices: [X, Y, Z, W]
    answer: X
    explanation: X is right, or so the key says.
"""


def test_check_with_results_warns_at_the_questions_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = tmp_path / "exam.yaml"
    bank.write_text(BANK, encoding="utf-8")
    export = write(tmp_path / "class.csv", exam_rows())
    main(["check", str(bank), "--results", str(export)])
    lines = [line for line in capsys.readouterr().out.splitlines() if "students:" in line]
    name = str(bank)
    # q1 starts at line 4, column 5; its choices on line 6 (1-based columns): `[` at 14,
    # X at 15, Y at 18, Z at 21, W at 24.
    # Nobody picked Y or Z for q1 (the wrong answers picked W); q3 is the planted miskey.
    assert lines == [
        f"{name}:6:18: warning: 5 students: distractor 'Y' was picked by nobody",
        f"{name}:6:21: warning: 5 students: distractor 'Z' was picked by nobody",
        f"{name}:9:5: warning: 5 students: discrimination -0.84; the key may be wrong "
        "(choice 'Y' discriminates +0.84)",
        f"{name}:11:21: warning: 5 students: distractor 'Z' was picked by nobody",
        f"{name}:11:24: warning: 5 students: distractor 'W' was picked by nobody",
    ]


def test_html_has_the_chart_and_the_distractor_tables(tmp_path: Path) -> None:
    from quiz.render.report_html import render_html

    page = render_html(build_report([write(tmp_path / "class.csv", exam_rows())]))
    assert page.count('<svg class="chart"') == 1
    # One point per question; q3 (negative discrimination) drawn as bad, at facility 60%:
    # x = 44 + .6 * 300 = 224, y = 12 + (1 + .84017) / 2 * 200 = 196.0.
    # q1 and q4 have the same facility and discrimination: one dot labelled "1, 4".
    assert page.count('<g class="point') == 3
    assert ">1, 4</text></g>" in page
    assert '<g class="point bad"><title>Q3: facility 60%, discrimination -0.84</title>' in page
    assert '<circle cx="224.0" cy="196.0" r="4"/>' in page
    assert page.count('<table class="choices">') == 4
    assert "possibly the right answer: check the key" in page
    assert 'dir="rtl"' not in page


def test_ali_and_sara_on_one_computer_are_two_students_and_forty_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Ali and Sara each played the same 20 questions once, in their own profiles of one score
    # database, and each exported; each export holds both profiles' answers (as exports
    # without --profile do). Written by hand with the export's database and answer_id columns.
    rows = []
    for number, (who, q) in enumerate(
        [(who, q) for who in ("ali", "sara") for q in range(1, 21)], start=1
    ):
        right = "right" if (q + (who == "sara")) % 2 else "wrong"
        rows.append(
            f"{who},/home/ali/geo.yaml,Geography,g{q},Question {q},A | B,A,{right},2.0,"
            f"2026-03-01T10:{number:02}:00+03:00,3f2a,{1 + (who == 'sara')},{number},practice,1"
        )
    write(tmp_path / "ali.csv", rows)
    write(tmp_path / "sara.csv", rows)
    assert main(["report", str(tmp_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["students"], data["answers"], data["duplicates"]) == (2, 40, 40)
    questions = data["banks"][0]["questions"]
    assert len(questions) == 20
    assert all((q["answers"], q["students"]) == (2, 2) for q in questions)
    assert main(["report", str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith("Quiz report: 2 students, 40 answers, from 2 files")
