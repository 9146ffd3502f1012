"""The CSV reader: spreadsheet exports with a header row, as Excel and LibreOffice save them."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.loader import load_bank, question_id
from quiz.bank.model import Bank, Question
from quiz.interchange import Imported, InterchangeError, read, to_yaml

DATA = Path(__file__).parent / "data" / "interchange"


def checked(imported: Imported, tmp_path: Path) -> Bank:
    """Write the imported bank as YAML, load it back strictly, and insist on no error."""
    out = tmp_path / "imported.yaml"
    out.write_text(to_yaml(imported.bank), encoding="utf-8")
    result = load_bank(out)
    assert result.errors == [], "\n".join(map(str, result.problems))
    assert result.bank is not None
    return result.bank


def sheet(tmp_path: Path, text: str, name: str = "sheet.csv", encoding: str = "utf-8") -> Imported:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return read(path)


def notices(imported: Imported) -> list[tuple[int, int, str, str]]:
    return [(p.line, p.column, str(p.severity), p.message) for p in imported.notices]


def test_spreadsheet_sample(tmp_path: Path) -> None:
    imported = read(DATA / "spreadsheet.csv")
    bank = imported.bank
    assert (bank.title, bank.language) == ("Spreadsheet", "en")
    france = question_id("What is the capital of France?")
    assert bank.questions == (
        Question(
            id=france,
            text="What is the capital of France?",
            choices=("Paris", "Lyon", "Marseille", "Nice"),
            answers=("Paris",),
            explanation="Paris has been the capital since 987.",
            tags=("geography", "capitals"),
            line=2,
        ),
        Question(
            id=question_id("Which river flows through Cairo?"),
            text="Which river flows through Cairo?",
            choices=("Nile", "Niger", "Congo", "Zambezi"),
            answers=("Nile",),
            tags=("geography",),
            line=3,
        ),
        Question(
            id=question_id("Which planet is largest?"),
            text="Which planet is largest?",
            choices=("Mars", "Jupiter", "Venus"),
            answers=("Jupiter",),
            tags=("science", "planets"),
            line=4,
        ),
        Question(
            id=question_id("Which of these are prime numbers?"),
            text="Which of these are prime numbers?",
            choices=("2", "4", "5", "9"),
            answers=("2", "5"),
            explanation="2 and 5 have no divisors\nother than 1 and themselves.",
            tags=("maths",),
            line=6,
        ),
        Question(
            id=question_id('Which word is spelled "correctly"?'),
            text='Which word is spelled "correctly"?',
            choices=("Recieve", "Receive", "Beleive"),
            answers=("Receive",),
            line=8,
        ),
        Question(
            id=question_id("ما عاصمة المملكة العربية السعودية؟"),
            text="ما عاصمة المملكة العربية السعودية؟",
            choices=("الرياض", "جدة", "مكة المكرمة", "الدمام"),
            answers=("الرياض",),
            explanation="الرياض هي العاصمة منذ 1932.",
            tags=("جغرافيا",),
            line=9,
        ),
        Question(
            id=f"{france}-2",
            text="What is the capital of France?",
            choices=("Paris", "Rome"),
            answers=("Paris",),
            explanation="A second copy of the first question.",
            line=12,
        ),
        Question(
            id=question_id("Which years are before 1500?"),
            text="Which years are before 1500?",
            choices=("1066", "1492", "1815"),
            answers=("1066", "1492"),
            line=13,
        ),
    )
    assert notices(imported) == [
        (1, 9, "warning", "column 'Notes' is not used"),
        (
            10,
            1,
            "error",
            "question skipped: answer 'forty-two' is not the text, letter or number of a choice; "
            "copy the right choice's text or write its letter",
        ),
        (11, 1, "error", "question skipped: it has 1 choice; quiz needs 2 to 10"),
        (12, 1, "warning", f"the same question text as line 2; kept with id '{france}-2'"),
    ]
    loaded = checked(imported, tmp_path)
    assert loaded.questions[5].text == "ما عاصمة المملكة العربية السعودية؟"


def test_semicolons_crlf_and_arabic(tmp_path: Path) -> None:
    imported = read(DATA / "excel-semicolon.csv")
    assert imported.bank.language == "ar"
    assert imported.notices == []
    got = [(q.line, q.text, q.answers, q.explanation) for q in imported.bank.questions]
    assert got == [
        (
            2,
            "ما الجهاز التنفيذي لمنظمة التعاون الإسلامي؟",
            ("الأمانة العامة",),
            "يرأسها الأمين العام.",
        ),
        (3, "كم عدد الدول الأعضاء؟", ("57",), ""),
        (4, "أين يقع مقر الأمانة العامة؟", ("جدة",), "مقرها المؤقت في جدة."),
    ]
    assert imported.bank.questions[0].choices == (
        "الأمانة العامة",
        "مؤتمر القمة الإسلامي",
        "مجلس وزراء الخارجية",
        "البنك الإسلامي للتنمية",
    )
    checked(imported, tmp_path)


def test_tabs_ids_and_feedback_columns(tmp_path: Path) -> None:
    imported = read(DATA / "sheet.tsv")
    first, second, third = imported.bank.questions
    assert (first.id, first.feedback) == ("cap-fr", ("Yes.", "No, Lyon is the third city.", ""))
    assert (second.id, second.feedback) == ("cap-fr-2", ())
    # "1 | 3" names choices by number, even though one choice's text is "3".
    assert (third.choices, third.answers) == (("2", "3", "4"), ("2", "4"))
    assert notices(imported) == [
        (3, 1, "warning", "id 'cap-fr' is also used at line 2; this one is 'cap-fr-2'"),
        (4, 1, "warning", "answer '3' was read as choice 3, not as choice 2 whose text is '3'"),
    ]
    checked(imported, tmp_path)


@pytest.mark.parametrize(
    ("header", "answer"),
    [
        ("question,choice 1,choice 2,choice 3,answer", "C"),
        ("Question,Choice1,Choice2,Choice3,Answer", "c"),
        ("QUESTION,choice_1,choice_2,choice_3,Correct Answer", "3"),
        ("question,option 1,option 2,option 3,right answer", "(c)"),
        ("question,Option A,Option B,Option C,answer", "Gamma"),
        ("question,A,B,C,key", " gamma "),
        ("question,answer 1,answer 2,answer 3,answer", "ج"),
    ],
)
def test_header_names_and_answer_forms(tmp_path: Path, header: str, answer: str) -> None:
    imported = sheet(tmp_path, f"{header}\nWhich is third?,Alpha,Beta,Gamma,{answer}\n")
    question = imported.bank.questions[0]
    assert (question.choices, question.answers) == (("Alpha", "Beta", "Gamma"), ("Gamma",))


@pytest.mark.parametrize("answer", ["A;C", "A | C", "a, c", "1 3", "Alpha|Gamma", "1;Gamma"])
def test_several_answers(tmp_path: Path, answer: str) -> None:
    imported = sheet(
        tmp_path, f'question,choice 1,choice 2,choice 3,answer\nPick?,Alpha,Beta,Gamma,"{answer}"\n'
    )
    assert imported.bank.questions[0].answers == ("Alpha", "Gamma")


def test_a_choice_text_with_a_semicolon_is_one_answer(tmp_path: Path) -> None:
    imported = sheet(tmp_path, 'question,choice 1,choice 2,answer\nWhich?,"a; b",c,"a; b"\n')
    assert imported.bank.questions[0].answers == ("a; b",)


def test_empty_choice_columns_keep_their_letters(tmp_path: Path) -> None:
    imported = sheet(
        tmp_path,
        "question,choice 1,choice 2,choice 3,answer\nGap?,one,,three,C\nGap two?,one,,three,B\n",
    )
    question = imported.bank.questions[0]
    assert (question.choices, question.answers) == (("one", "three"), ("three",))
    assert notices(imported) == [
        (3, 1, "error", "question skipped: answer 'B' names choice 2, which is empty")
    ]


def test_empty_rows_extra_cells_and_empty_cells(tmp_path: Path) -> None:
    imported = sheet(
        tmp_path,
        "\n\nquestion,choice 1,choice 2,answer\n"  # header on line 3
        ",,,\n"
        "\n"
        "Extra?,a,b,a,surplus,more\n"  # 6
        ",a,b,a\n"  # 7
        "No answer?,a,b,\n",  # 8
    )
    assert [(q.line, q.text) for q in imported.bank.questions] == [(6, "Extra?")]
    assert notices(imported) == [
        (6, 1, "warning", "2 cells right of the last named column were ignored"),
        (7, 1, "error", "question skipped: the 'question' cell is empty"),
        (
            8,
            1,
            "error",
            "question skipped: the 'answer' cell is empty; "
            "write the right choice's text, letter or number",
        ),
    ]


def test_without_bom_and_without_final_newline(tmp_path: Path) -> None:
    imported = sheet(tmp_path, "question,choice 1,choice 2,answer\r\nLast?,x,y,B")
    assert imported.bank.questions[0].answers == ("y",)


def test_utf16_from_excel_unicode_text(tmp_path: Path) -> None:
    text = "\ufeffquestion\tchoice 1\tchoice 2\tanswer\r\nما؟\tنعم\tلا\tA\r\n"
    imported = sheet(tmp_path, text, name="unicode.txt", encoding="utf-16-le")
    question = imported.bank.questions[0]
    assert (question.text, question.answers) == ("ما؟", ("نعم",))


def test_unclosed_quote_is_reported(tmp_path: Path) -> None:
    imported = sheet(
        tmp_path,
        'question,choice 1,choice 2,answer\nGood?,a,b,a\n"Open quote?,a,b,a\nNext?,c,d,c\n',
    )
    assert [q.text for q in imported.bank.questions] == ["Good?"]
    assert notices(imported)[-1] == (
        3,
        1,
        "error",
        "a quote opened on this row is never closed, so the rest of the file was read as one "
        'cell; close the quote (write a quote inside a cell as "")',
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "title,choice 1,choice 2,answer\n",
            "1: the header row has no 'question'; the first row must name the columns: "
            "question, choice 1, choice 2, ..., answer, explanation, tags",
        ),
        (
            "question,choice 1,choice 2\n",
            "1: the header row has no 'answer'; the first row must name the columns: "
            "question, choice 1, choice 2, ..., answer, explanation, tags",
        ),
        (
            "\nquestion,choice 1,answer\n",
            "2: the header row has no 2 or more 'choice' columns; the first row must name the "
            "columns: question, choice 1, choice 2, ..., answer, explanation, tags",
        ),
        (
            "question,choice 1,Choice_1,answer\n",
            "1: columns 2 and 3 both hold 'choice 1'; rename one of them",
        ),
        (
            "",
            ": the file is empty; write a header row: question, choice 1, choice 2, ..., "
            "answer, explanation, tags",
        ),
    ],
)
def test_bad_headers_stop_the_import(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InterchangeError) as caught:
        sheet(tmp_path, text, name="bad.csv")
    separator = "" if message.startswith(":") else ":"
    assert str(caught.value) == f"{tmp_path / 'bad.csv'}{separator}{message}"


def test_not_utf8_says_how_to_fix_it(tmp_path: Path) -> None:
    path = tmp_path / "arabic-ansi.csv"
    path.write_bytes(b"question,choice 1,choice 2,answer\n" + "ما؟,نعم,لا,A\n".encode("cp1256"))
    with pytest.raises(InterchangeError) as caught:
        read(path)
    assert str(caught.value) == (
        f"{path}:2: the file is not UTF-8 (byte 0xE3 cannot be read); name its encoding "
        "(--encoding cp1256 for a Windows Arabic sheet, cp1252 for Western Europe), or save it "
        "as UTF-8 ('CSV UTF-8') and import it again"
    )


def test_a_windows_arabic_sheet_reads_with_its_encoding_named(tmp_path: Path) -> None:
    path = tmp_path / "arabic-ansi.csv"
    path.write_bytes(
        "السؤال;الخيار 1;الخيار 2;الإجابة\nما عاصمة مصر؟;القاهرة;الإسكندرية;أ\n".encode("cp1256")
    )
    bank = read(path, encoding="cp1256").bank
    assert bank.language == "ar"
    question = bank.questions[0]
    assert (question.text, question.choices, question.answers) == (
        "ما عاصمة مصر؟",
        ("القاهرة", "الإسكندرية"),
        ("القاهرة",),
    )


def test_an_encoding_that_does_not_fit_says_where(tmp_path: Path) -> None:
    path = tmp_path / "greek.csv"
    path.write_bytes(b"question,choice 1,choice 2,answer\nq,\x81,b,A\n")
    with pytest.raises(InterchangeError) as caught:
        read(path, encoding="cp1253")
    assert str(caught.value) == (
        f"{path}:2: the file cannot be read as cp1253 (byte 0x81); "
        "check which encoding it was saved in"
    )
    with pytest.raises(InterchangeError, match="--encoding klingon: no such encoding"):
        read(path, encoding="klingon")


def test_an_xlsx_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "questions.csv"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)))
    with pytest.raises(InterchangeError, match="save it as 'CSV UTF-8'"):
        read(path)


def test_arabic_headers_and_digits(tmp_path: Path) -> None:
    imported = sheet(
        tmp_path,
        "السؤال,الخيار 1,الخيار 2,الخيار 3,الإجابة,الشرح,الوسوم\n"
        "ما عاصمة مصر؟,الإسكندرية,القاهرة,أسوان,ب,القاهرة هي العاصمة.,جغرافيا؛ عواصم\n"
        "ما أكبر كوكب؟,المريخ,المشتري,الزهرة,٢,,\n",
    )
    first, second = imported.bank.questions
    assert (first.answers, first.explanation) == (("القاهرة",), "القاهرة هي العاصمة.")
    assert first.tags == ("جغرافيا", "عواصم")
    assert second.answers == ("المشتري",)
    assert imported.bank.language == "ar"


@pytest.mark.parametrize(
    "header", ["source", "Source", "reference", "المصدر", "المرجع"], ids=lambda h: h
)
def test_a_source_column(tmp_path: Path, header: str) -> None:
    imported = sheet(
        tmp_path,
        f"question,choice 1,choice 2,answer,{header}\n"
        "Capital of Egypt?,Cairo,Giza,Cairo,https://www.britannica.com/place/Cairo\n"
        "Largest planet?,Jupiter,Mars,Jupiter,\n",
    )
    first, second = checked(imported, tmp_path).questions
    assert first.source == "https://www.britannica.com/place/Cairo"
    assert second.source == ""
