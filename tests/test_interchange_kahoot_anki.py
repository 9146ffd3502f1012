"""Kahoot's spreadsheet template and Anki's text import: what they hold, and what does not fit."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import defusedxml.ElementTree as SafeET

from quiz.bank.loader import load_bank
from quiz.bank.model import Bank, Question
from quiz.interchange import export
from quiz.interchange.kahoot import HEADERS

DATA = Path(__file__).parent / "data" / "interchange"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def cells(data: bytes) -> dict[str, str | int]:
    """The cells of the first sheet of an .xlsx file, by reference ("B9"); formulas as "=...".

    Read from the file's XML as Excel does: strings from the shared table, numbers as numbers.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        strings = [
            "".join(node.itertext())
            for node in SafeET.fromstring(archive.read("xl/sharedStrings.xml"))
        ]
        sheet = SafeET.fromstring(archive.read("xl/worksheets/sheet1.xml"))
    found: dict[str, str | int] = {}
    for cell in sheet.iter(f"{MAIN}c"):
        formula = cell.find(f"{MAIN}f")
        value = cell.findtext(f"{MAIN}v")
        if formula is not None:
            found[cell.get("r")] = "=" + (formula.text or "")
        elif cell.get("t") == "s":
            found[cell.get("r")] = strings[int(value)]
        elif value is not None:
            found[cell.get("r")] = int(float(value))
    return found


def row(sheet: dict[str, str | int], number: int) -> list[str | int | None]:
    return [sheet.get(f"{column}{number}") for column in "ABCDEFGH"]


def question(
    qid: str, text: str, choices: tuple[str, ...], answers: tuple[str, ...], **more
) -> Question:
    return Question(id=qid, text=text, choices=choices, answers=answers, **more)


# -- Kahoot --------------------------------------------------------------------------------------


def test_kahoot_sheet_is_laid_out_as_kahoots_template() -> None:
    bank = Bank(
        path=Path("capitals.yaml"),
        title="Capitals",
        questions=(
            question("fr", "Capital of France?", ("Paris", "Lyon", "Nice"), ("Paris",), line=3),
            question("primes", "Which are prime?", ("2", "4", "5", "9"), ("2", "5"), line=9),
        ),
    )
    data, notices = export(bank, "kahoot", time_limit=30)
    assert notices == []
    sheet = cells(data)
    assert sheet["B2"] == "Quiz template"
    assert row(sheet, 8) == [None, *HEADERS]
    assert row(sheet, 9) == [1, "Capital of France?", "Paris", "Lyon", "Nice", None, 30, "1"]
    # Numbers in answers stay text; the right answers are numbered, comma separated.
    assert row(sheet, 10) == [2, "Which are prime?", "2", "4", "5", "9", 30, "1,3"]
    assert "A11" not in sheet


def test_kahoot_cells_are_text_never_formulas() -> None:
    bank = Bank(
        path=Path("f.yaml"),
        title="F",
        questions=(question("f", "=1+1", ('=HYPERLINK("x")', "+2", "-3", "@4"), ("+2",)),),
    )
    sheet = cells(export(bank, "kahoot")[0])
    assert row(sheet, 9)[1:6] == ["=1+1", '=HYPERLINK("x")', "+2", "-3", "@4"]
    with zipfile.ZipFile(io.BytesIO(export(bank, "kahoot")[0])) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")


def test_kahoot_reports_each_question_that_does_not_fit() -> None:
    long = "Why " + "very " * 25 + "long?"
    bank = Bank(
        path=Path("k.yaml"),
        title="K",
        questions=(
            question("long", long, ("a", "b"), ("a",), line=2),
            question("answer", "Short?", ("a" * 80, "b"), ("b",), line=5),
            question("six", "Six?", ("1", "2", "3", "4", "5", "6"), ("5",), line=8),
            question(
                "five-right", "All?", ("1", "2", "3", "4", "5"), ("1", "2", "3", "4", "5"), line=12
            ),
            question("lines", "Two\nlines?", ("a", "b"), ("a",), explanation="Why.", line=15),
        ),
    )
    data, notices = export(bank, "kahoot")
    assert [(p.line, p.message) for p in notices] == [
        (
            2,
            f"question '{long[:49]}…': left out: the question is {len(long)} characters and "
            "Kahoot takes 120; shorten it",
        ),
        (
            5,
            f"question 'Short?': left out: answer '{'a' * 30}…' is 80 characters and Kahoot "
            "takes 75; shorten it",
        ),
        (
            8,
            "question 'Six?': Kahoot holds 4 answers; 2 wrong ones were left out ('4', '6')",
        ),
        (
            12,
            "question 'All?': left out: it has 5 right answers and Kahoot holds 4 answers",
        ),
        (15, "question 'Two lines?': Kahoot holds no line breaks; they were joined into one line"),
        (15, "question 'Two lines?': Kahoot's spreadsheet cannot hold the explanation"),
    ]
    sheet = cells(data)
    # The right answer kept, and the first wrong ones, in the bank's order.
    assert row(sheet, 9) == [1, "Six?", "1", "2", "3", "5", 20, "4"]
    assert row(sheet, 10) == [2, "Two lines?", "a", "b", None, None, 20, "1"]
    assert "A11" not in sheet


def test_kahoot_explanations_lost_in_every_question_are_one_notice() -> None:
    result = load_bank(DATA / "every-feature.yaml")
    assert result.bank is not None
    _, notices = export(result.bank, "kahoot")
    explanations = [p for p in notices if "cannot hold the explanation" in p.message]
    assert len(explanations) == 1
    assert re.match(r"\d+ questions: Kahoot's spreadsheet cannot hold", explanations[0].message)


# -- Anki ----------------------------------------------------------------------------------------


def test_anki_file_has_the_headers_and_one_note_a_question() -> None:
    bank = Bank(
        path=Path("geo/capitals.yaml"),
        title="Capitals",
        tags=("geography",),
        questions=(
            question(
                "fr",
                "Capital of France?",
                ("Paris", "Lyon"),
                ("Paris",),
                explanation="Since 987.",
                tags=("geography", "europe", "two words"),
                feedback=("", "Third city."),
                source="Britannica",
            ),
            question(
                "ar", "ما عاصمة مصر؟", ("القاهرة", "أسوان"), ("القاهرة",), tags=("geography",)
            ),
        ),
    )
    text, notices = export(bank, "anki", subject=("Geography",))
    assert notices == []
    lines = text.split("\n")
    assert lines[:8] == [
        "#separator:tab",
        "#html:true",
        "#notetype:Basic",
        "#deck:Geography::Capitals",
        "#tags:geography",
        "#guid column:1",
        "#tags column:4",
        "#columns:GUID\tFront\tBack\tTags",
    ]
    assert lines[10:] == [""]
    france = lines[8].split("\t")
    assert france == [
        "quiz/capitals/fr",
        "<div>Capital of France?</div><ol type=A><li>Paris</li><li>Lyon</li></ol>",
        "<div><b>A. Paris</b></div><div>Since 987.</div><div><i>Source: </i>Britannica</div>"
        "<ul><li>B. Third city.</li></ul>",
        "europe two_words",
    ]
    egypt = lines[9].split("\t")
    assert egypt[1].startswith("<div dir=rtl>ما عاصمة مصر؟</div>")
    assert egypt[2] == "<div><b>A. القاهرة</b></div>"


def test_anki_fields_are_escaped_html_without_tabs_newlines_or_quotes() -> None:
    bank = Bank(
        path=Path("x.yaml"),
        title="X",
        questions=(
            question(
                'q"1',
                '<b>bold</b>\tand "quoted"\nnext line',
                ("a & b", "<i>c</i>"),
                ("a & b",),
                explanation="x < y",
            ),
        ),
    )
    text, _ = export(bank, "anki")
    note = text.split("\n")[7]
    fields = note.split("\t")
    assert len(fields) == 4
    assert '"' not in note and "<b>bold" not in note and "<i>c" not in note
    assert fields[0] == "quiz/x/q&quot;1"
    assert fields[1].startswith(
        "<div>&lt;b&gt;bold&lt;/b&gt; and &quot;quoted&quot;<br>next line</div>"
    )
