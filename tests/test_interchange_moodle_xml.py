"""Moodle XML in and out: a question bank export as Moodle writes it, files quiz writes, and XML
that tries to do harm."""

from __future__ import annotations

import base64
from pathlib import Path

import defusedxml.ElementTree as SafeET
import pytest

from quiz.bank.loader import load_bank
from quiz.bank.model import Bank, Question
from quiz.interchange import Imported, InterchangeError, export, read, to_yaml

DATA = Path(__file__).parent / "data" / "interchange"
SAMPLE = DATA / "moodle-bank.xml"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"
)
ONLY = "quiz asks multiple-choice and true/false questions only"


def xml(tmp_path: Path, body: str, name: str = "questions.xml") -> Imported:
    path = tmp_path / name
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n{body}\n</quiz>\n', "utf-8")
    return read(path)


def multichoice(text: str, *answers: str, extra: str = "") -> str:
    """A multichoice question as Moodle writes one; each answer is 'fraction:text'."""
    parts = []
    for answer in answers:
        fraction, _, choice = answer.partition(":")
        parts.append(f'<answer fraction="{fraction}" format="html"><text>{choice}</text></answer>')
    return (
        '<question type="multichoice"><name><text>q</text></name>'
        f'<questiontext format="html"><text>{text}</text></questiontext>'
        f"{extra}{''.join(parts)}</question>"
    )


def checked(bank: Bank, tmp_path: Path) -> Bank:
    out = tmp_path / "checked.yaml"
    out.write_text(to_yaml(bank), encoding="utf-8")
    result = load_bank(out)
    assert result.errors == [], "\n".join(map(str, result.problems))
    assert result.bank is not None
    return result.bank


# -- reading a Moodle question bank export ---------------------------------------------------------


def test_the_sample_export_reads_every_multichoice_and_truefalse_question(tmp_path: Path) -> None:
    imported = read(SAMPLE)
    powerhouse, membrane, bacteria, pairs, helix = imported.bank.questions
    assert powerhouse == Question(
        id="bio-powerhouse",  # the idnumber, over the name
        # The HTML read as a person sees it: strong dropped, the no-break space before "?" kept
        # as a space, the image kept beside the bank and named where it was.
        text="Which organelle is the powerhouse of the cell ?\n"
        "[image: A labelled cell (images/cell-diagram-b1ff9c8e.png)]",
        choices=("Mitochondrion", "Nucleus", "Ribosome"),
        answers=("Mitochondrion",),
        explanation="Mitochondria make most of the cell's ATP – its energy.",
        tags=("organelles", "energy"),
        line=26,
        feedback=("Right: the mitochondrion.", "The nucleus holds the DNA.", ""),
    )
    # <single>false</single>: every positive fraction is right; the list item becomes "- ...";
    # no idnumber, so the name makes the id; <shuffleanswers>false</shuffleanswers> is kept.
    assert membrane == Question(
        id="membrane-lipids",
        text="Which of these are found in the cell membrane?\n- Select all that apply.",
        choices=("Phospholipids", "Cholesterol", "Proteins", "Cellulose"),
        answers=("Phospholipids", "Cholesterol", "Proteins"),
        line=82,
        feedback=("", "", "", "Only plant cell walls have it."),
        shuffle=False,
    )
    # truefalse, written false-first with 100 on "false": True comes first, the right one is
    # False, each choice keeps its own feedback; moodle_auto_format keeps its line break.
    assert bacteria == Question(
        id="Prokaryotes",
        text="Bacteria have a nucleus.\nA membrane surrounds it.",
        choices=("True", "False"),
        answers=("False",),
        explanation="Bacteria are prokaryotes: their DNA floats in the cytoplasm.",
        line=140,
        feedback=("No nucleus in bacteria.", "Right."),
    )
    # &#8230; is read; 50% partial credit is wrong in quiz (and said so below).
    assert (pairs.text, pairs.answers, pairs.feedback) == (
        "Adenine pairs with…",
        ("Thymine",),
        ("", "Only in RNA.", ""),
    )
    assert (helix.id, helix.text, helix.choices, helix.answers) == (
        "الحمض-النووي",
        "ما شكل جزيء الحمض النووي؟\n[صورة: لولب]",
        ("لولب مزدوج", "خيط مفرد"),
        ("لولب مزدوج",),
    )
    checked(imported.bank, tmp_path)


def test_the_sample_export_says_what_it_skipped_once_each_with_its_line() -> None:
    notices = [(p.line, p.message) for p in read(SAMPLE).notices]
    assert notices == [
        (170, f"an essay question was skipped; {ONLY}"),
        (209, f"a short-answer question was skipped; {ONLY}"),
        (
            233,
            "partial credit ('Uracil' 50%) was imported as wrong; "
            "quiz counts a choice as right or wrong",
        ),
        (265, f"a matching question was skipped; {ONLY}"),
        (291, f"an embedded answers (cloze) question was skipped; {ONLY}"),
        (307, f"a drag and drop into text question was skipped; {ONLY}"),
        (
            344,
            "image 'helix.png' is not in the file (it was not exported with the question); "
            "the text shows where it was",
        ),
    ]


def test_categories_are_kept_for_each_question_and_name_the_banks() -> None:
    imported = read(SAMPLE)
    assert imported.bank.title == "BIO101"  # the deepest category every question shares
    assert imported.categories == [
        ("Default for BIO101", "Cells"),
        ("Default for BIO101", "Cells"),
        ("Default for BIO101", "Cells"),
        ("Default for BIO101", "Genetics"),
        ("Default for BIO101", "علم الوراثة"),
    ]
    banks = imported.by_category()
    assert [
        (str(path), bank.title, bank.language, len(bank.questions)) for path, bank in banks
    ] == [
        ("BIO101/Cells.yaml", "Cells", "en", 3),
        ("BIO101/Genetics.yaml", "Genetics", "en", 1),
        ("BIO101/علم الوراثة.yaml", "علم الوراثة", "ar", 1),
    ]


def test_an_embedded_image_becomes_an_attachment_of_its_bank() -> None:
    imported = read(SAMPLE)
    (image,) = imported.attachments
    assert (image.path, image.name, image.line, image.data) == (
        "images/cell-diagram-b1ff9c8e.png",
        "cell diagram.png",
        32,
        PNG,
    )
    cells, genetics, _ = (bank for _, bank in imported.by_category())
    assert imported.attachments_of(cells) == [image]
    assert imported.attachments_of(genetics) == []


def test_an_image_in_an_answer_or_as_a_data_url_is_kept_too(tmp_path: Path) -> None:
    encoded = base64.b64encode(PNG).decode()
    body = (
        '<question type="multichoice"><name><text>flags</text></name>'
        '<questiontext format="html"><text><![CDATA[<p>Which flag?'
        f'<img src="data:image/png;base64,{encoded}"></p>]]></text></questiontext>'
        '<answer fraction="100" format="html"><text><![CDATA[<img src="@@PLUGINFILE@@/a.png"'
        ' alt="red">]]></text>'
        f'<file name="a.png" path="/" encoding="base64">{encoded}</file></answer>'
        '<answer fraction="0" format="html"><text><![CDATA[<img alt="blue" '
        'src="https://example.org/b.png">]]></text></answer></question>'
    )
    question = xml(tmp_path, body).bank.questions[0]
    digest = "b1ff9c8e"
    assert question.text == f"Which flag?[image: images/image-{digest}.png]"
    assert question.choices == (
        f"[image: red (images/a-{digest}.png)]",
        "[image: blue (https://example.org/b.png)]",
    )


def test_formats_plain_text_and_markdown_are_not_read_as_html(tmp_path: Path) -> None:
    body = (
        '<question type="truefalse"><name><text>lt</text></name>'
        '<questiontext format="plain_text"><text>Is 1 &lt;b&gt; 2?</text></questiontext>'
        '<generalfeedback format="markdown"><text>**No**: &amp;lt; is a less-than.</text>'
        "</generalfeedback>"
        '<answer fraction="0"><text>true</text></answer>'
        '<answer fraction="100"><text>false</text></answer></question>'
    )
    question = xml(tmp_path, body).bank.questions[0]
    assert question.text == "Is 1 <b> 2?"
    assert question.explanation == "**No**: &lt; is a less-than."


def test_two_full_marks_in_a_single_answer_question_are_both_right_and_said(
    tmp_path: Path,
) -> None:
    imported = xml(tmp_path, multichoice("Even?", "100:2", "100:4", "0:5"))
    assert imported.bank.questions[0].answers == ("2", "4")
    assert [(p.line, p.message) for p in imported.notices] == [
        (
            3,
            "2 answers give full marks and Moodle lets the student pick one; quiz asks for all "
            "of them (select all that apply)",
        )
    ]


def test_a_bad_question_is_skipped_with_its_line_and_the_rest_imported(tmp_path: Path) -> None:
    body = "\n".join(
        [
            multichoice("Fine?", "100:yes", "0:no"),
            multichoice("", "100:yes", "0:no"),
            multichoice("Weights?", "lots:yes", "0:no"),
            multichoice("None right?", "0:a", "0:b"),
        ]
    )
    imported = xml(tmp_path, body)
    assert [q.text for q in imported.bank.questions] == ["Fine?"]
    assert [(p.line, str(p.severity), p.message) for p in imported.notices] == [
        (4, "error", "question skipped: it has no question text"),
        (
            5,
            "error",
            "question skipped: fraction 'lots' is not a number; "
            "write a percentage such as 100, 50 or 0",
        ),
        (6, "error", "question skipped: no choice is marked right"),
    ]


def test_a_file_with_no_question_says_so(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError) as caught:
        xml(
            tmp_path,
            '<question type="essay"><questiontext><text>Why?</text></questiontext></question>',
        )
    assert str(caught.value).endswith(
        "its only question could not be imported; a Moodle XML file holds "
        '<question type="multichoice"> elements inside <quiz>'
    )
    assert [p.line for p in caught.value.notices] == [3]


def test_broken_and_foreign_xml_is_one_line_with_where(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text('<?xml version="1.0"?>\n<quiz>\n  <question type="x">\n</quiz>\n', "utf-8")
    with pytest.raises(InterchangeError) as caught:
        read(path)
    assert str(caught.value).startswith(f"{path}:4:3: this is not well-formed XML (mismatched tag)")
    other = tmp_path / "feed.xml"
    other.write_text("<rss><channel/></rss>", "utf-8")
    with pytest.raises(InterchangeError, match=r"feed.xml:1: the file's root element is <rss>"):
        read(other)


def test_an_xml_declaration_names_the_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin.xml"
    text = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<quiz>'
        + multichoice("Où est la tour Eiffel ?", "100:Paris", "0:Nîmes")
        + "</quiz>"
    )
    path.write_bytes(text.encode("latin-1"))
    assert read(path).bank.questions[0].choices == ("Paris", "Nîmes")


# -- XML that tries to do harm -------------------------------------------------------------------


def test_an_entity_bomb_is_refused_before_anything_expands(tmp_path: Path) -> None:
    # "Billion laughs": ten levels of ten, 10**10 copies of "lol" (30 GB) if expanded. The test
    # finishing at all shows nothing was expanded; a parser that expands it runs out of memory.
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 11)
    ]
    path = tmp_path / "bomb.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE quiz [\n' + "\n".join(levels) + "\n]>\n"
        '<quiz><question type="truefalse"><questiontext><text>&lol10;</text></questiontext>'
        "</question></quiz>\n",
        "utf-8",
    )
    with pytest.raises(InterchangeError) as caught:
        read(path)
    assert str(caught.value) == (
        f"{path}:3: the file declares an entity ('lol0'), which quiz never reads (it can hide a "
        "huge or a private file); export the questions again from Moodle"
    )


def test_an_external_entity_is_refused_and_nothing_is_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the exam answers", "utf-8")
    path = tmp_path / "xxe.xml"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        + "<quiz>"
        + multichoice("&x;", "100:a", "0:b")
        + "</quiz>",
        "utf-8",
    )
    with pytest.raises(InterchangeError) as caught:
        read(path)
    assert "declares an external entity ('x')" in str(caught.value)
    assert "exam answers" not in str(caught.value)


def test_an_external_dtd_is_never_fetched(tmp_path: Path) -> None:
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY x "from the DTD">', "utf-8")
    path = tmp_path / "dtd.xml"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE quiz SYSTEM "file://{dtd}">\n<quiz>'
        + multichoice("&x;", "100:a", "0:b")
        + "</quiz>",
        "utf-8",
    )
    with pytest.raises(InterchangeError) as caught:
        read(path)
    assert str(caught.value) == (
        f"{path}:2: the file refers to another file ('file://{dtd}'), which quiz never fetches; "
        "export the questions again from Moodle"
    )


# -- writing Moodle XML --------------------------------------------------------------------------


def parsed(text: str) -> SafeET.Element:
    return SafeET.fromstring(text.encode("utf-8"))


def test_export_writes_what_moodle_reads(tmp_path: Path) -> None:
    bank = Bank(
        path=Path("cells.yaml"),
        title="Cells / Organelles",
        description="Week 1",
        questions=(
            Question(
                id="powerhouse",
                text="Which organelle makes ATP?",
                choices=("Mitochondrion", "Nucleus"),
                answers=("Mitochondrion",),
                explanation="It is the powerhouse.",
                tags=("energy",),
                line=4,
                feedback=("Yes.", "No: DNA."),
            ),
            Question(
                id="three",
                text="Which are in a membrane?",
                choices=("Lipids", "Cholesterol", "Proteins", "Cellulose"),
                answers=("Lipids", "Cholesterol", "Proteins"),
                line=12,
                shuffle=False,
            ),
            Question(
                id="tf",
                text="Bacteria have a nucleus.",
                choices=("True", "False"),
                answers=("False",),
                line=20,
            ),
        ),
    )
    text, notices = export(bank, "moodle-xml", subject=("Biology",))
    assert notices == []
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    root = parsed(text)
    category, mc, multi, tf = root.findall("question")
    assert category.get("type") == "category"
    # A slash in a name is written twice, as Moodle's own export does.
    assert category.findtext("category/text") == "$course$/top/Biology/Cells // Organelles"
    assert category.findtext("info/text") == "<p>Week 1</p>"

    assert mc.get("type") == "multichoice"
    assert mc.findtext("questiontext/text") == "<p>Which organelle makes ATP?</p>"
    assert mc.find("questiontext").get("format") == "html"
    assert mc.findtext("generalfeedback/text") == "<p>It is the powerhouse.</p>"
    assert (mc.findtext("idnumber"), mc.findtext("single"), mc.findtext("shuffleanswers")) == (
        "powerhouse",
        "true",
        "true",
    )
    assert [
        (a.get("fraction"), a.findtext("text"), a.findtext("feedback/text"))
        for a in mc.findall("answer")
    ] == [
        ("100", "<p>Mitochondrion</p>", "<p>Yes.</p>"),
        ("0", "<p>Nucleus</p>", "<p>No: DNA.</p>"),
    ]
    assert [t.findtext("text") for t in mc.findall("tags/tag")] == ["energy"]

    # Several right: each right one an equal share as Moodle's grade list has it, wrong ones -100.
    assert (multi.findtext("single"), multi.findtext("shuffleanswers")) == ("false", "false")
    assert [a.get("fraction") for a in multi.findall("answer")] == [
        "33.33333",
        "33.33333",
        "33.33333",
        "-100",
    ]
    assert tf.get("type") == "truefalse"
    assert [(a.get("fraction"), a.findtext("text")) for a in tf.findall("answer")] == [
        ("0", "true"),
        ("100", "false"),
    ]


def test_export_escapes_text_and_reads_back_the_same(tmp_path: Path) -> None:
    hostile = 'Close <script>alert("x")</script> & ]]> <![CDATA[ &amp; \x0b'
    bank = Bank(
        path=Path("odd.yaml"),
        title="Odd <title> & co",
        questions=(
            Question(
                id="odd",
                text=hostile,
                choices=("<b>bold</b>", "a  b\n  c"),
                answers=("<b>bold</b>",),
                explanation="x < y",
            ),
        ),
    )
    text, _ = export(bank, "moodle-xml")
    assert "<script>" not in text and "<b>bold" not in text
    root = parsed(text)  # well formed, the vertical tab dropped
    html = root.find("question[@type='multichoice']/questiontext/text").text
    assert "&lt;script&gt;" in html
    path = tmp_path / "odd.xml"
    path.write_text(text, "utf-8")
    question = read(path).bank.questions[0]
    assert question.text == hostile.replace(" \x0b", "")
    assert question.choices == ("<b>bold</b>", "a  b\n  c")
    assert question.explanation == "x < y"


def test_export_notes_what_moodle_xml_cannot_keep() -> None:
    long_id = "x" * 101
    bank = Bank(
        path=Path("b.yaml"),
        title="B",
        shuffle=False,
        questions=(Question(long_id, "Q?", ("a", "b"), ("a",), line=5),),
    )
    text, notices = export(bank, "moodle-xml")
    assert [(p.line, p.message) for p in notices] == [
        (
            1,
            "Moodle XML cannot keep 'shuffle: false' for the bank; "
            "set the question order in the Moodle quiz",
        ),
        (
            5,
            "question 'Q?': its id is longer than the 100 characters of Moodle's ID number; "
            "Moodle gets none",
        ),
    ]
    assert parsed(text).find("question[@type='multichoice']").findtext("idnumber") == ""


def test_sources_go_in_the_general_feedback_and_come_back(tmp_path: Path) -> None:
    bank = Bank(
        path=Path("oic.yaml"),
        title="OIC",
        language="ar",
        source="ميثاق المنظمة (2008)",
        questions=(
            Question("a", "Q1?", ("x", "y"), ("x",), explanation="Why.", source="المادة 8"),
            Question("b", "Q2?", ("x", "y"), ("y",), source="ميثاق المنظمة (2008)"),
        ),
    )
    text, _ = export(bank, "moodle-xml")
    root = parsed(text)
    first, second = root.findall("question[@type='multichoice']")
    # Moodle has no field for it: a paragraph of the general feedback, labelled in the bank's
    # language, which students see after answering.
    assert first.findtext("generalfeedback/text") == (
        '<p>Why.</p><p class="quiz-source" dir="rtl"><span class="quiz-source-label">المصدر: '
        "</span>المادة 8</p>"
    )
    assert "ميثاق المنظمة (2008)" in second.findtext("generalfeedback/text")
    assert "ميثاق المنظمة (2008)" in root.find("question[@type='category']").findtext("info/text")
    path = tmp_path / "oic.xml"
    path.write_text(text, "utf-8")
    imported = read(path).bank
    assert imported.source == "ميثاق المنظمة (2008)"
    assert [(q.explanation, q.source) for q in imported.questions] == [
        ("Why.", "المادة 8"),
        ("", "ميثاق المنظمة (2008)"),
    ]
    assert "source: المادة 8" in to_yaml(imported)
