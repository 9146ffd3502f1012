"""The GIFT reader and writer, on Moodle-style files and their edge cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.loader import load_bank, question_id
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


def gift(tmp_path: Path, text: str, name: str = "test.gift") -> Imported:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return read(path)


def notices(imported: Imported) -> list[tuple[int, str, str]]:
    return [(p.line, str(p.severity), p.message) for p in imported.notices]


def test_moodle_sample_imports_the_questions_it_can(tmp_path: Path) -> None:
    imported = read(DATA / "moodle-kinds.gift")
    bank = imported.bank
    assert bank.title == "History 101 / Presidents"
    assert bank.language == "en"
    assert bank.path == DATA / "moodle-kinds.gift"
    q = {question.line: question for question in bank.questions}
    assert sorted(q) == [7, 10, 13, 15, 37, 47, 53, 55, 61, 69]

    assert q[7] == Question(
        id="grant-s-tomb",
        text="Who's buried in Grant's tomb?",
        choices=("Grant", "Jefferson", "no one"),
        answers=("no one",),
        tags=("Presidents",),
        line=7,
    )
    # Missing word: Moodle's blank where the braces were.
    assert q[10].text == "Grant is _____ in Grant's tomb."
    assert (q[10].choices, q[10].answers) == (("buried", "entombed", "living"), ("entombed",))
    assert q[13].choices == ("True", "False") and q[13].answers == ("True",)
    assert q[13].id == question_id("Grant was buried in a tomb in New York City.")
    # {FALSE#shown when wrong#shown when right}: the right choice is False.
    assert q[15].id == "TF2"
    assert q[15].answers == ("False",)
    assert q[15].feedback == ("No: it sets in the west.", "Right, it rises in the east.")

    assert q[37] == Question(
        id="Q-Ohio",
        text="What two people are entombed in Grant's tomb?",
        choices=("No one", "Grant", "Grant's wife", "Grant's father"),
        answers=("Grant", "Grant's wife"),
        explanation="Both Grant and his wife Julia lie in the tomb.",
        tags=("Presidents", "Early"),
        line=37,
        feedback=("Wrong: two people are.", "Yes, Grant is there.", "Yes, Julia Grant too.", ""),
    )
    assert q[47].text == "Which of these is written 1:2 {ratio}?"
    assert q[47].choices == ("a = b ~ c # d", "a\\b")
    assert q[47].answers == ("a = b ~ c # d",)
    assert q[47].feedback == ("Right: all four escapes.", "A backslash\nwritten twice.")

    assert q[53].choices == ("4", "Four (in words)", "5")
    assert q[53].answers == ("4",)
    assert q[53].feedback == ("", "Half marks", "")
    # [html]: tags stripped, entities read, and answers take the question's format.
    assert q[55].text == "Which element has the symbol <Fe>?"
    assert q[55].choices == ("Iron", "Fluorine", "Lead <Pb>")
    assert q[55].feedback == ("Ferrum in Latin.", "", "")
    assert q[61].text == "Which is **prime**?"
    # The last question, on a file that ends without a newline.
    assert (q[69].text, q[69].answers) == ("Is water wet?", ("True",))
    checked(imported, tmp_path)


def test_moodle_sample_skips_each_other_kind_with_one_notice() -> None:
    only = "quiz asks multiple-choice and true/false questions only"
    assert notices(read(DATA / "moodle-kinds.gift")) == [
        (
            18,
            "warning",
            f"a short-answer question (only '=' answers, no '~' choices) was skipped; {only}",
        ),
        (21, "warning", f"a numerical question ('{{#...}}') was skipped; {only}"),
        (24, "warning", f"a matching question ('=... -> ...' pairs) was skipped; {only}"),
        (32, "warning", f"an essay question ('{{}}' with no answers) was skipped; {only}"),
        (
            53,
            "warning",
            "partial credit ('Four (in words)' 50%) was imported as wrong; "
            "quiz counts a choice as right or wrong",
        ),
        # One question of ten in [markdown]: the bank stays plain, and says so.
        (
            61,
            "warning",
            "questions written in Markdown: 1 of 10; the bank is plain text, so their marks "
            "show as written; add 'format: markdown' to it and check the others",
        ),
        (64, "warning", f"a description (no answers in braces) was skipped; {only}"),
        (
            66,
            "error",
            "question skipped: the '{' is never closed; end the answers with '}', "
            "or write '{' as \\{",
        ),
    ]


def test_notices_print_as_path_line_column() -> None:
    first = read(DATA / "moodle-kinds.gift").notices[0]
    assert str(first).startswith(f"{DATA / 'moodle-kinds.gift'}:18:1: warning: a short-answer")


def test_windows_line_endings_and_bom_read_the_same(tmp_path: Path) -> None:
    text = (DATA / "moodle-kinds.gift").read_text(encoding="utf-8")
    path = tmp_path / "windows.gift"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    windows = read(path)
    unix = read(DATA / "moodle-kinds.gift")
    assert windows.bank.questions == unix.bank.questions
    assert notices(windows) == notices(unix)
    assert "\r" not in to_yaml(windows.bank)


def test_old_mac_line_endings(tmp_path: Path) -> None:
    imported = gift(tmp_path, "// comment\r\rQ1 {=a ~b}\r\rQ2 {=c ~d}")
    assert [(q.line, q.text) for q in imported.bank.questions] == [(3, "Q1"), (5, "Q2")]


def test_arabic_questions_survive_and_set_the_language(tmp_path: Path) -> None:
    imported = gift(
        tmp_path,
        "\ufeff$CATEGORY: جغرافيا/العواصم\n\n"
        "::عاصمة-السعودية::ما عاصمة المملكة العربية السعودية؟ {\n"
        "    =الرياض#صحيح، الرياض هي العاصمة.\n"
        "    ~جدة#جدة ميناء على البحر الأحمر.\n"
        "    ~مكة المكرمة\n"
        "    ####الرياض عاصمة المملكة منذ توحيدها.\n"
        "}\n\n"
        "// سؤال صح أو خطأ\n"
        "القاهرة عاصمة مصر.{T}\n",
        name="arabic.gift",
    )
    bank = imported.bank
    assert (bank.title, bank.language) == ("جغرافيا / العواصم", "ar")
    first, second = bank.questions
    assert first == Question(
        id="عاصمة-السعودية",
        text="ما عاصمة المملكة العربية السعودية؟",
        choices=("الرياض", "جدة", "مكة المكرمة"),
        answers=("الرياض",),
        explanation="الرياض عاصمة المملكة منذ توحيدها.",
        tags=("جغرافيا", "العواصم"),
        line=3,
        feedback=("صحيح، الرياض هي العاصمة.", "جدة ميناء على البحر الأحمر.", ""),
    )
    assert (second.line, second.text, second.answers) == (11, "القاهرة عاصمة مصر.", ("True",))
    assert checked(imported, tmp_path).questions[0].text == first.text
    assert imported.notices == []


def test_titles_become_one_word_ids(tmp_path: Path) -> None:
    imported = gift(
        tmp_path,
        "::Capital of France::Capital?{=Paris ~Rome}\n\n"
        "::q1::One?{=a ~b}\n\n"
        "::q1::Same title again?{=a ~b}\n\n"
        "::%%% ???::Only punctuation in the title?{=a ~b}\n\n"
        "::Open title without end {=a ~b}\n",
    )
    ids = [q.id for q in imported.bank.questions]
    assert ids[:3] == ["capital-of-france", "q1", "q1-2"]
    assert ids[3] == question_id("Only punctuation in the title?")
    assert imported.bank.questions[4].text == "Open title without end"
    assert notices(imported) == [
        (5, "warning", "id 'q1' is also used at line 3; this one is 'q1-2'")
    ]


def test_weights_decide_right_and_wrong(tmp_path: Path) -> None:
    imported = gift(
        tmp_path,
        # No '=': "select all that apply"; every positive weight is right.
        "Pick two.{~%50%A ~%50%B ~%-50%C ~%0%D}\n\n"
        # Decimal weights as Moodle writes them for thirds.
        "Pick three.{~%33.33333%A ~%33.33333%B ~%33.33333%C ~%-100%D}\n\n"
        # '=' is Moodle's single-answer mode: '=' and 100% are right, partial credit is wrong.
        "Pick one.{=A ~%100%B ~%25%C ~D}\n",
    )
    answers = [q.answers for q in imported.bank.questions]
    assert answers == [("A", "B"), ("A", "B", "C"), ("A", "B")]
    assert notices(imported) == [
        (
            5,
            "warning",
            "partial credit ('C' 25%) was imported as wrong; "
            "quiz counts a choice as right or wrong",
        )
    ]


def test_true_false_spellings_and_feedback(tmp_path: Path) -> None:
    imported = gift(
        tmp_path,
        "A.{T}\n\nB.{TRUE}\n\nC.{F}\n\nD.{FALSE}\n\nE.{true}\n\n"
        "F.{TRUE#Wrong, it is true.#Yes.####Because.}\n\n"
        "G.{F##Only right feedback.}\n",
    )
    got = [(q.text, q.answers, q.feedback, q.explanation) for q in imported.bank.questions]
    assert got == [
        ("A.", ("True",), (), ""),
        ("B.", ("True",), (), ""),
        ("C.", ("False",), (), ""),
        ("D.", ("False",), (), ""),
        ("E.", ("True",), (), ""),
        ("F.", ("True",), ("Yes.", "Wrong, it is true."), "Because."),
        ("G.", ("False",), ("", "Only right feedback."), ""),
    ]
    assert all(q.choices == ("True", "False") for q in imported.bank.questions)


def test_comments_categories_and_tags(tmp_path: Path) -> None:
    imported = gift(
        tmp_path,
        "// question: 0  name: Switch category to $course$/top/Default for Geo\n"
        "$CATEGORY: $course$/top/Default for Geo\n\n"
        "// question: 12  name: rivers\n"
        "// [tag:rivers] [tag:africa]\n"
        "::rivers::Longest river?{=Nile ~Amazon}\n\n"
        "$CATEGORY: $course$/top/Geo/Mountains and hills//slopes\n"
        "Highest?{\n"
        "  // a comment between choices\n"
        "  =Everest\n"
        "  ~K2\n"
        "}\n\n"
        "$CATEGORY: Everest // Lhotse\n"
        "Second?{=K2 ~Lhotse}\n",
    )
    bank = imported.bank
    assert bank.title == "Geo"
    assert [(q.text, q.tags) for q in bank.questions] == [
        ("Longest river?", ("rivers", "africa")),
        ("Highest?", ("Geo", "Mountains and hills/slopes")),
        ("Second?", ("Everest / Lhotse",)),
    ]
    assert bank.questions[1].choices == ("Everest", "K2")


def test_questions_spread_over_lines_with_blank_lines_and_tabs(tmp_path: Path) -> None:
    imported = gift(
        tmp_path,
        "\n\n   \n::multi::First line\nsecond line {\n\t=right\n\t\t~wrong#why\n}\n\n\n\n"
        "Next {~no =yes}",
    )
    first, second = imported.bank.questions
    assert (first.line, first.text, first.choices, first.feedback) == (
        4,
        "First line\nsecond line",
        ("right", "wrong"),
        ("", "why"),
    )
    assert (second.line, second.answers) == (12, ("yes",))


def test_a_question_straight_after_another_is_split_with_a_notice(tmp_path: Path) -> None:
    imported = gift(tmp_path, "One?{=a ~b}\nTwo?{=c ~d}\n::t::Three?{=e ~f}\n")
    assert [(q.line, q.text) for q in imported.bank.questions] == [
        (1, "One?"),
        (2, "Two?"),
        (3, "Three?"),
    ]
    message = "no blank line before this question; add one, as Moodle needs it"
    assert notices(imported) == [(2, "warning", message), (3, "warning", message)]


def test_broken_questions_are_reported_and_the_rest_imported(tmp_path: Path) -> None:
    imported = gift(
        tmp_path,
        "Stray } brace {=a ~b}\n\n"
        "Only one choice {=a ~}\n\n"
        "No right answer {~a ~b}\n\n"
        "Same choice twice {=a ~a}\n\n"
        "Same wrong choice twice {=a ~b ~b#second copy}\n\n"
        "Empty choice {=a ~#only feedback}\n\n"
        "Eleven {=1 ~2 ~3 ~4 ~5 ~6 ~7 ~8 ~9 ~10 ~11}\n\n"
        "::title only::{=a ~b}\n\n"
        "Good {=a ~b}\n",
    )
    assert [q.text for q in imported.bank.questions] == ["Same wrong choice twice", "Good"]
    assert imported.bank.questions[0].choices == ("a", "b")
    assert imported.bank.questions[0].feedback == ("", "second copy")
    assert notices(imported) == [
        (
            1,
            "error",
            "question skipped: a '}' comes before any '{'; write a '}' in the text as \\}",
        ),
        (3, "error", "question skipped: it has 1 choice; quiz needs 2 to 10"),
        (5, "error", "question skipped: no choice is marked right"),
        (7, "error", "question skipped: choice 'a' is written twice, as right and as wrong"),
        (9, "warning", "choice 'b' is written twice; it was kept once"),
        (11, "error", "question skipped: choice 2 is empty"),
        (13, "error", "question skipped: it has 11 choices; quiz needs 2 to 10"),
        (15, "error", "question skipped: it has no question text"),
    ]


def test_duplicate_question_texts_get_unique_ids(tmp_path: Path) -> None:
    imported = gift(tmp_path, "Same?{=a ~b}\n\nSame?{=c ~d}\n\nSame?{=e ~f}\n")
    base = question_id("Same?")
    assert [q.id for q in imported.bank.questions] == [base, f"{base}-2", f"{base}-3"]
    assert notices(imported)[0] == (
        3,
        "warning",
        f"the same question text as line 1; kept with id '{base}-2'",
    )
    loaded = checked(imported, tmp_path)
    assert [q.id for q in loaded.questions] == [base, f"{base}-2", f"{base}-3"]


def test_control_characters_are_removed(tmp_path: Path) -> None:
    imported = gift(tmp_path, "Bell\x07 and \x1b[31mred?{=yes\u202e ~no}\n")
    question = imported.bank.questions[0]
    assert (question.text, question.choices) == ("Bell and [31mred?", ("yes", "no"))
    assert notices(imported) == [
        (1, "warning", "control characters were removed from this question")
    ]
    checked(imported, tmp_path)


def test_html_with_breaks_and_entities(tmp_path: Path) -> None:
    imported = gift(
        tmp_path,
        "[html]<p>First&nbsp;paragraph\n  with <em>markup</em>.</p><p>Second &amp; last.</p>"
        "<br/>{=<b>A</b> &lt; B ~[markdown]*C*}\n",
    )
    question = imported.bank.questions[0]
    assert question.text == "First paragraph with markup.\nSecond & last."
    assert question.choices == ("A < B", "*C*")


def test_a_file_with_no_question_raises_with_its_notices(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError) as caught:
        gift(tmp_path, "// only comments\n\nEssay {}\n\nBad {~a ~b}\n", name="nothing.gift")
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'nothing.gift'}: none of its 2 questions could be")
    assert "\n" not in message
    assert [(p.line, p.severity) for p in caught.value.notices] == [
        (3, Severity.WARNING),
        (5, Severity.ERROR),
    ]


def test_export_writes_moodle_gift(tmp_path: Path) -> None:
    bank = Bank(
        path=Path("demo.yaml"),
        title="Demo",
        questions=(
            Question(
                id="pick",
                text="Pick {one}: a = b?",
                choices=("Yes", "No"),
                answers=("Yes",),
                explanation="Because\nit is.",
                tags=("t1",),
                line=3,
                feedback=("Right!", ""),
            ),
            Question(
                id=question_id("Several?"),
                text="Several?",
                choices=("A", "B", "C"),
                answers=("A", "C"),
                line=12,
            ),
            Question(
                id="tf",
                text="True?",
                choices=("True", "False"),
                answers=("False",),
                line=20,
                feedback=("No", "Yes"),
            ),
        ),
    )
    text, problems = export(bank, "gift")
    assert text == (
        "// Demo\n"
        "// Exported by quiz from demo.yaml\n"
        "\n"
        "// [tag:t1]\n"
        "::pick::Pick \\{one\\}\\: a \\= b?{\n"
        "\t=Yes#Right!\n"
        "\t~No\n"
        "\t####Because\\nit is.\n"
        "}\n"
        "\n"
        "Several?{\n"
        "\t~%50%A\n"
        "\t~%-100%B\n"
        "\t~%50%C\n"
        "}\n"
        "\n"
        "::tf::True?{FALSE#No#Yes}\n"
    )
    assert problems == []
    path = tmp_path / "demo.gift"
    path.write_text(text, encoding="utf-8")
    again = read(path)
    assert [
        (q.id, q.text, q.choices, q.answers, q.explanation, q.tags, q.feedback)
        for q in again.bank.questions
    ] == [
        (q.id, q.text, q.choices, q.answers, q.explanation, q.tags, q.feedback)
        for q in bank.questions
    ]


def test_sources_are_written_as_comments_and_read_back(tmp_path: Path) -> None:
    atlas = "The atlas, p. 4"
    bank = Bank(
        path=Path("sourced.yaml"),
        title="Sourced",
        source=atlas,
        questions=(
            Question("a", "A?", ("x", "y"), ("x",), line=3, source=atlas),
            Question("b", "B?", ("x", "y"), ("y",), tags=("t",), line=8, source="Book\n  p. 9"),
        ),
    )
    text, problems = export(bank, "gift")
    assert problems == []
    # The bank's source once in the header; a question's only when it has its own.
    assert text == (
        "// Sourced\n"
        "// Exported by quiz from sourced.yaml\n"
        "// source: The atlas, p. 4\n"
        "\n"
        "::a::A?{\n\t=x\n\t~y\n}\n"
        "\n"
        "// [tag:t]\n"
        "// source: Book\n"
        "// source:   p. 9\n"
        "::b::B?{\n\t~x\n\t=y\n}\n"
    )
    again = gift(tmp_path, text).bank
    assert again.source == atlas
    assert [q.source for q in again.questions] == [atlas, "Book\n  p. 9"]


def test_a_source_comment_in_a_moodle_file_is_read(tmp_path: Path) -> None:
    imported = gift(
        tmp_path,
        "// source: OIC Charter (2008), Article 8 [tag:not-a-tag]\n"
        "// [tag:organs]\n"
        "The supreme authority of the OIC is the... {=Islamic Summit ~General Secretariat}\n"
        "\n"
        "Plain? {=Yes ~No}\n",
    )
    first, second = imported.bank.questions
    assert first.source == "OIC Charter (2008), Article 8 [tag:not-a-tag]"
    assert first.tags == ("organs",)
    assert imported.bank.source == "" and second.source == ""
    assert "    source: OIC Charter (2008), Article 8 [tag:not-a-tag]\n" in to_yaml(imported.bank)


def test_export_notes_what_gift_cannot_hold() -> None:
    bank = Bank(
        path=Path("ordered.yaml"),
        title="Ordered",
        shuffle=False,
        questions=(
            Question("scale", "How sure?", ("Low", "High"), ("High",), line=7, shuffle=False),
        ),
    )
    _, problems = export(bank, "gift")
    assert [(p.line, p.severity, p.message) for p in problems] == [
        (
            1,
            Severity.WARNING,
            "GIFT cannot keep 'shuffle: false' for the bank; "
            "set the question order in the Moodle quiz",
        ),
        (
            7,
            Severity.WARNING,
            "question 'How sure?': GIFT cannot keep 'shuffle: false'; "
            "turn 'Shuffle the choices' off in Moodle",
        ),
    ]


def test_a_moodle_export_with_html_crlf_and_arabic(tmp_path: Path) -> None:
    imported = read(DATA / "moodle-export.gift")
    assert imported.bank.title == "علوم 101"
    water, gases, boiling, ratio = imported.bank.questions
    assert water == Question(
        id="الماء",
        text="ما الصيغة الكيميائية للماء؟",
        choices=("H2O", "CO2", "O2"),
        answers=("H2O",),
        explanation="يتكون جزيء الماء من ذرتي هيدروجين وذرة أكسجين.",
        tags=("كيمياء",),
        line=8,
        feedback=("أحسنت !", "هذا ثاني أكسيد الكربون.", ""),
    )
    assert (gases.id, gases.answers, gases.feedback) == (
        "noble-gases",
        ("Helium", "Argon"),
        ("Yes.", "", "A halogen.", ""),
    )
    assert (boiling.text, boiling.answers, boiling.feedback, boiling.explanation) == (
        "Water boils at 100 °C at sea level.",
        ("True",),
        ("Right.", "Wrong: it does."),
        "At 1 atm, 100 °C.",
    )
    assert (ratio.text, ratio.choices) == ("Which ratio is 1:2?", ("1:2", "2:1"))
    assert [(p.line, p.message.split(" (")[0]) for p in imported.notices] == [
        (37, "an essay question"),
        (41, "a numerical question"),
    ]
    checked(imported, tmp_path)


# -- missing-word questions -----------------------------------------------------------------------


def test_a_missing_word_question_has_a_blank_where_the_braces_were(tmp_path: Path) -> None:
    # Moodle's own example, from its GIFT documentation.
    imported = gift(
        tmp_path, "Moodle costs {~lots of money =nothing ~a small amount} to download.\n"
    )
    question = imported.bank.questions[0]
    assert question.text == "Moodle costs _____ to download."
    assert (question.choices, question.answers) == (
        ("lots of money", "nothing", "a small amount"),
        ("nothing",),
    )
    assert imported.notices == []
    checked(imported, tmp_path)


def test_missing_word_true_false_and_feedback_are_kept(tmp_path: Path) -> None:
    imported = gift(
        tmp_path,
        "::sun::The sun {TRUE#It is one.#Right.####A star of type G.} a star.\n\n"
        "[html]Water is <b>{=H2O#Yes. ~CO2#That is carbon dioxide.}</b> in formulas.\n",
    )
    sun, water = imported.bank.questions
    assert (sun.id, sun.text, sun.answers) == ("sun", "The sun _____ a star.", ("True",))
    # {TRUE#shown when wrong#shown when right}
    assert sun.feedback == ("Right.", "It is one.")
    assert sun.explanation == "A star of type G."
    assert water.text == "Water is _____ in formulas."
    assert water.feedback == ("Yes.", "That is carbon dioxide.")


def test_a_missing_word_short_answer_is_still_skipped(tmp_path: Path) -> None:
    imported = gift(tmp_path, "Two and two make {=four =4} surely.\n\nFine?{=yes ~no}\n")
    assert [q.text for q in imported.bank.questions] == ["Fine?"]
    assert notices(imported) == [
        (
            1,
            "warning",
            "a short-answer question (only '=' answers, no '~' choices) was skipped; "
            "quiz asks multiple-choice and true/false questions only",
        )
    ]


def test_braces_after_the_answers_are_an_error_with_the_fix(tmp_path: Path) -> None:
    imported = gift(tmp_path, "A {=b ~c} and {=d ~e} twice.\n\nFine?{=yes ~no}\n")
    assert notices(imported) == [
        (
            1,
            "error",
            "question skipped: the text after the answers holds another '{' or '}'; put a blank "
            "line between two questions, or write a brace in the text as \\{ or \\}",
        )
    ]


def test_export_puts_the_answers_where_the_blank_is() -> None:
    bank = Bank(
        path=Path("blanks.yaml"),
        title="Blanks",
        questions=(
            Question(
                id=question_id("Moodle costs _____ to download."),
                text="Moodle costs _____ to download.",
                choices=("lots of money", "nothing"),
                answers=("nothing",),
                explanation="It is free.",
                feedback=("", "Free software."),
            ),
            Question(
                id="sun",
                text="The sun _____ a star.",
                choices=("True", "False"),
                answers=("True",),
            ),
            Question(
                id=question_id("Last: _____"),
                text="Last: _____",
                choices=("a", "b"),
                answers=("a",),
            ),
        ),
    )
    text, _ = export(bank, "gift")
    assert text.split("\n\n")[1:] == [
        "Moodle costs {~lots of money =nothing#Free software.####It is free.} to download.",
        "::sun::The sun {TRUE} a star.",
        # A blank with nothing after it stays in the text: Moodle would drop text ending in '}'.
        "Last\\: _____{\n\t=a\n\t~b\n}\n",
    ]
