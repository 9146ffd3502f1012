"""The Aiken reader and writer: good questions imported, each bad one reported with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from quiz.bank.model import Bank, Question, Severity
from quiz.interchange import Imported, InterchangeError, export, read, to_yaml

DATA = Path(__file__).parent / "data" / "interchange"


def checked(imported: Imported, tmp_path: Path) -> Bank:
    """Write the imported bank as YAML, load it back strictly, and insist on no error."""
    out = tmp_path / "imported.yaml"
    out.write_text(to_yaml(imported.bank), encoding="utf-8")
    result = load_bank(out)
    assert result.errors == [], "\n".join(map(str, result.problems))
    assert result.bank is not None
    return result.bank


def aiken(tmp_path: Path, text: str, name: str = "test.txt") -> Imported:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return read(path, "aiken")


def notices(imported: Imported) -> list[tuple[int, str, str]]:
    return [(p.line, str(p.severity), p.message) for p in imported.notices]


def test_sample_imports_good_questions(tmp_path: Path) -> None:
    imported = read(DATA / "chemistry.aiken")
    assert (imported.bank.title, imported.bank.language) == ("Chemistry", "en")
    assert [
        (q.line, q.text, q.choices, q.answers, q.feedback, q.explanation)
        for q in imported.bank.questions
    ] == [
        (1, "What is the chemical symbol for gold?", ("Au", "Ag", "Gd", "Go"), ("Au",), (), ""),
        (
            8,
            "Which gas makes up most of the Earth's atmosphere?",
            ("Oxygen", "Nitrogen", "Carbon dioxide", "Argon"),
            ("Nitrogen",),
            (),
            "",
        ),
        (
            29,
            "Which of these are noble gases?",
            ("Helium", "Neon", "Chlorine"),
            ("Helium", "Neon"),
            (),
            "",
        ),
        (35, "What is the pH of pure water at 25 °C?", ("1", "7", "14"), ("7",), (), ""),
    ]
    checked(imported, tmp_path)


def test_sample_reports_each_bad_question_with_its_line() -> None:
    assert notices(read(DATA / "chemistry.aiken")) == [
        (15, "error", "question skipped: it has no 'ANSWER:' line after its choices"),
        (
            19,
            "error",
            "question skipped: 'ANSWER: D' (line 23) names D, which is not a choice (A, B, C)",
        ),
        (25, "error", "question skipped: it has 1 choice; Aiken needs 2 or more"),
    ]


def test_windows_line_endings_bom_and_no_final_newline(tmp_path: Path) -> None:
    text = "Q one?\r\nA) x\r\nB) y\r\nANSWER: B\r\n\r\nQ two?\r\nA. p\r\nB. q\r\nANSWER: A"
    path = tmp_path / "windows.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    imported = read(path, "aiken")
    assert [(q.line, q.text, q.choices, q.answers) for q in imported.bank.questions] == [
        (1, "Q one?", ("x", "y"), ("y",)),
        (6, "Q two?", ("p", "q"), ("p",)),
    ]
    assert imported.notices == []


def test_question_over_several_lines(tmp_path: Path) -> None:
    imported = aiken(
        tmp_path,
        "Read this first.\nThen: which is right?\n\nA) One\nB) Two\nANSWER: A\n",
    )
    question = imported.bank.questions[0]
    assert question.text == "Read this first.\nThen: which is right?"
    assert question.choices == ("One", "Two")
    checked(imported, tmp_path)


def test_more_bad_questions(tmp_path: Path) -> None:
    imported = aiken(
        tmp_path,
        "A) choice before any question\nB) another\nANSWER: A\n\n"  # 1
        "ANSWER: B\n\n"  # 5
        "Text with no choices\n\n"  # 7
        "Good one?\nA) yes\nB) no\nANSWER: A\n\n"  # 9
        "Answer is not a letter?\nA) a\nB) b\nANSWER: the first\n\n"  # 14
        "Letter used twice?\nA) a\nA) b\nANSWER: A\n\n"  # 19
        "Same text twice?\nA) a\nB) a\nANSWER: A\n\n"  # 24
        "No answer at the end\nA) a\nB) b\n",  # 29
    )
    assert [q.text for q in imported.bank.questions] == ["Good one?"]
    assert notices(imported) == [
        (1, "error", "question skipped: a choice line with no question line before it"),
        (5, "error", "question skipped: an 'ANSWER:' line with no question before it"),
        (
            7,
            "error",
            "question skipped: it has no choices such as 'A) ...' and no 'ANSWER:' line",
        ),
        (
            14,
            "error",
            "question skipped: 'ANSWER: the first' (line 17) must name a choice letter, "
            "such as 'ANSWER: B'",
        ),
        (19, "error", "question skipped: choice letter A is used twice"),
        (24, "error", "question skipped: choice 'a' is written twice, as right and as wrong"),
        (29, "error", "question skipped: it has no 'ANSWER:' line after its choices"),
    ]


def test_arabic_aiken(tmp_path: Path) -> None:
    imported = aiken(
        tmp_path,
        "ما عاصمة المملكة العربية السعودية؟\nA) الرياض\nB) جدة\nANSWER: A\n",
    )
    assert imported.bank.language == "ar"
    assert imported.bank.questions[0].choices == ("الرياض", "جدة")
    checked(imported, tmp_path)


def test_nothing_importable_raises(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError) as caught:
        aiken(tmp_path, "Just a line of text\n", name="empty.txt")
    assert str(caught.value) == (
        f"{tmp_path / 'empty.txt'}: its only question could not be imported; an Aiken question "
        "is a line of text, choices such as 'A) Paris', then 'ANSWER: A'"
    )


def test_export_keeps_what_aiken_holds_and_notes_the_rest(tmp_path: Path) -> None:
    bank = Bank(
        path=Path("mixed.yaml"),
        title="Mixed",
        questions=(
            Question(id="plain", text="Plain?", choices=("a", "b", "c"), answers=("b",), line=5),
            Question(
                id="rich",
                text="Rich\nquestion?",
                choices=("a", "b"),
                answers=("a",),
                explanation="Why.",
                line=12,
                feedback=("yes", ""),
                shuffle=False,
                source="The atlas",
            ),
            Question(id="many", text="Many?", choices=("a", "b"), answers=("a", "b"), line=30),
        ),
    )
    text, problems = export(bank, "aiken")
    assert text == "Plain?\nA) a\nB) b\nC) c\nANSWER: B\n\nRich question?\nA) a\nB) b\nANSWER: A\n"
    rich = "question 'Rich question?': Aiken cannot"
    assert [(p.path, p.line, p.severity, p.message) for p in problems] == [
        (
            "mixed.yaml",
            12,
            Severity.WARNING,
            f"{rich} hold line breaks; they were joined into one line",
        ),
        ("mixed.yaml", 12, Severity.WARNING, f"{rich} hold per-choice feedback"),
        ("mixed.yaml", 12, Severity.WARNING, f"{rich} hold the explanation"),
        ("mixed.yaml", 12, Severity.WARNING, f"{rich} hold the source"),
        ("mixed.yaml", 12, Severity.WARNING, f"{rich} keep 'shuffle: false'"),
        (
            "mixed.yaml",
            30,
            Severity.WARNING,
            "question 'Many?': left out (several right answers, and Aiken holds only one)",
        ),
    ]
    path = tmp_path / "mixed.txt"
    path.write_text(text, encoding="utf-8")
    again = read(path, "aiken")
    assert [(q.text, q.choices, q.answers) for q in again.bank.questions] == [
        ("Plain?", ("a", "b", "c"), ("b",)),
        ("Rich question?", ("a", "b"), ("a",)),
    ]


def test_export_leaves_out_text_aiken_would_misread() -> None:
    bank = Bank(
        path=Path("odd.yaml"),
        title="Odd",
        shuffle=False,
        questions=(
            Question(id="a", text="A) looks like a choice", choices=("x", "y"), answers=("x",)),
            Question(id="b", text="Answer: B", choices=("x", "y"), answers=("y",), line=9),
        ),
    )
    text, problems = export(bank, "aiken")
    assert text == ""
    assert [(p.line, p.message) for p in problems] == [
        (1, "Aiken cannot keep 'shuffle: false' for the bank; set the order in the Moodle quiz"),
        (
            0,
            "2 questions: left out (Aiken would read the text as a choice or an answer line) "
            "(lines 0, 9)",
        ),
    ]


def test_a_loss_many_questions_share_is_said_once_with_its_count() -> None:
    questions = tuple(
        Question(f"q{n}", f"Q{n}?", ("a", "b"), ("a",), explanation="Why.", line=3 + 4 * n)
        for n in range(16)
    )
    _, problems = export(Bank(path=Path("why.yaml"), title="Why", questions=questions), "aiken")
    assert [str(p) for p in problems] == [
        "why.yaml:3:1: warning: 16 questions: Aiken cannot hold the explanation "
        "(lines 3, 7, 11, 15, 19 and 11 more)"
    ]
