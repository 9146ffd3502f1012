"""QTI packages: the zip's manifest and items checked against what the IMS specifications require
(QTI 1.2 ASI as Canvas reads it, QTI 2.1 and IMS Content Packaging 1.1), and each item read back
to the question it came from."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
import pytest

from quiz.bank.loader import load_bank
from quiz.bank.model import Bank, Question
from quiz.interchange import export
from quiz.interchange.markup import html_to_text

DATA = Path(__file__).parent / "data" / "interchange"
ROOT = Path(__file__).resolve().parent.parent
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
CP21 = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
ASI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CANVAS = "{http://canvas.instructure.com/xsd/cccv1p0}"
QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}"
# The paragraph a source is written in after the explanation, its label left out.
SOURCE = re.compile(
    r'<p class="quiz-source"[^>]*><span class="quiz-source-label">[^<]*</span>(.*?)</p>', re.S
)
# QTI's identifier type, and XML's NCName that IMS CP identifiers are.
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")

HOSTILE = Bank(
    path=Path("hostile.yaml"),
    title='Tags <b> & "quotes"',
    language="ar",
    questions=(
        Question(
            id="script",
            text='<script>alert("x")</script> & ]]> \x0b?',
            choices=("<img src=x onerror=alert(1)>", "a & b", "نعم"),
            answers=("a & b", "نعم"),
            explanation="x < y\nover two lines",
            feedback=("<i>no</i>", "", "أحسنت"),
            line=3,
        ),
    ),
)


def bank(path: Path) -> Bank:
    result = load_bank(path)
    assert result.bank is not None
    return result.bank


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert names[0] == "imsmanifest.xml"  # first, as packages are usually read
        assert len(set(names)) == len(names)
        return {name: archive.read(name) for name in names}


def xml(data: bytes) -> Element:
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    return SafeET.fromstring(data)


def children(element: Element) -> list[str]:
    return [child.tag for child in element]


def check_manifest(files: dict[str, bytes], ns: str) -> dict[str, Element]:
    """IMS CP 1.1: metadata, organizations, resources; every file named is in the zip."""
    manifest = xml(files["imsmanifest.xml"])
    assert manifest.tag == f"{ns}manifest"
    assert IDENTIFIER.fullmatch(manifest.get("identifier", ""))
    assert manifest.get(f"{XSI}schemaLocation", "").startswith(ns[1:-1] + " ")
    assert children(manifest) == [f"{ns}metadata", f"{ns}organizations", f"{ns}resources"]
    resources = {}
    for resource in manifest.find(f"{ns}resources"):
        ident = resource.get("identifier", "")
        assert IDENTIFIER.fullmatch(ident) and ident not in resources
        assert resource.get("type")
        for file in resource.findall(f"{ns}file"):
            assert file.get("href") in files
        if resource.get("href"):
            assert resource.get("href") in files
        resources[ident] = resource
    for resource in resources.values():
        for dependency in resource.findall(f"{ns}dependency"):
            assert dependency.get("identifierref") in resources
    named = {f.get("href") for r in resources.values() for f in r.findall(f"{ns}file")}
    assert named == set(files) - {"imsmanifest.xml"}
    return resources


# -- QTI 1.2, for Canvas ---------------------------------------------------------------------------


def read_qti12(data: bytes) -> tuple[dict[str, str], list[Question]]:
    """Check a QTI 1.2 package's structure and read its items back as questions."""
    files = unzip(data)
    resources = check_manifest(files, CP)
    (quiz,) = [r for r in resources.values() if r.get("type") == "imsqti_xmlv1p2"]
    (meta,) = [r for r in resources.values() if r.get("type", "").startswith("associatedcontent")]
    assert [d.get("identifierref") for d in quiz.findall(f"{CP}dependency")] == [
        meta.get("identifier")
    ]
    root = xml(files[quiz.find(f"{CP}file").get("href")])
    assert root.tag == f"{ASI}questestinterop"
    (assessment,) = root
    assert assessment.tag == f"{ASI}assessment" and assessment.get("ident") == quiz.get(
        "identifier"
    )
    settings = xml(files[meta.get("href")])
    assert settings.tag == f"{CANVAS}quiz"
    options = {child.tag.removeprefix(CANVAS): child.text or "" for child in settings}
    assert options["title"] == assessment.get("title")
    questions = []
    idents = set()
    for item in assessment.find(f"{ASI}section").findall(f"{ASI}item"):
        assert item.get("ident") not in idents
        idents.add(item.get("ident"))
        questions.append(_item12(item))
    return options, questions


def _mattext(parent: Element) -> str:
    mattext = parent.find(f"{ASI}material/{ASI}mattext")
    assert mattext is not None and mattext.get("texttype") == "text/html"
    return html_to_text(mattext.text or "")


def _item12(item: Element) -> Question:
    # QTI 1.2 ASI: itemmetadata, presentation, resprocessing, then itemfeedback, in that order.
    tags = [tag.removeprefix(ASI) for tag in children(item)]
    assert tags[:3] == ["itemmetadata", "presentation", "resprocessing"]
    assert set(tags[3:]) <= {"itemfeedback"}
    fields = {
        f.findtext(f"{ASI}fieldlabel"): f.findtext(f"{ASI}fieldentry")
        for f in item.iter(f"{ASI}qtimetadatafield")
    }
    presentation = item.find(f"{ASI}presentation")
    response = presentation.find(f"{ASI}response_lid")
    labels = response.findall(f"{ASI}render_choice/{ASI}response_label")
    ids = [label.get("ident") for label in labels]
    assert fields["original_answer_ids"] == ",".join(ids)
    choices = tuple(_mattext(label) for label in labels)
    feedback_html = {
        fb.get("ident"): fb.find(f"{ASI}flow_mat/{ASI}material/{ASI}mattext").text
        for fb in item.findall(f"{ASI}itemfeedback")
    }
    feedback_text = {ident: html_to_text(html) for ident, html in feedback_html.items()}
    processing = item.find(f"{ASI}resprocessing")
    decvar = processing.find(f"{ASI}outcomes/{ASI}decvar")
    assert (decvar.get("varname"), decvar.get("maxvalue")) == ("SCORE", "100")
    right: list[str] = []
    links: dict[str, str] = {}
    explanation = source = ""
    for condition in processing.findall(f"{ASI}respcondition"):
        variables = condition.find(f"{ASI}conditionvar")
        shown = condition.find(f"{ASI}displayfeedback")
        if shown is not None:
            assert shown.get("linkrefid") in feedback_text
        setvar = condition.find(f"{ASI}setvar")
        if setvar is not None:
            assert (setvar.get("action"), setvar.get("varname"), setvar.text) == (
                "Set",
                "SCORE",
                "100",
            )
            every = variables.find(f"{ASI}and")
            if every is None:
                right = [variables.findtext(f"{ASI}varequal")]
            else:
                right = [v.text for v in every.findall(f"{ASI}varequal")]
                wrong = [v.text for v in every.findall(f"{ASI}not/{ASI}varequal")]
                assert sorted(right + wrong) == sorted(ids)
        elif variables.find(f"{ASI}other") is not None:
            general = feedback_html[shown.get("linkrefid")]
            found = SOURCE.search(general)
            if found:
                source = html_to_text(found[1])
                general = general[: found.start()]
            explanation = html_to_text(general)
        else:
            links[variables.findtext(f"{ASI}varequal")] = feedback_text[shown.get("linkrefid")]
    multiple = response.get("rcardinality") == "Multiple"
    assert fields["question_type"] == (
        "multiple_answers_question"
        if multiple
        else "true_false_question"
        if choices == ("True", "False")
        else "multiple_choice_question"
    )
    feedback = tuple(links.get(i, "") for i in ids)
    return Question(
        id=item.get("title"),
        text=_mattext(presentation),
        choices=choices,
        answers=tuple(c for i, c in zip(ids, choices, strict=True) if i in right),
        explanation=explanation,
        feedback=feedback if any(feedback) else (),
        shuffle=response.find(f"{ASI}render_choice").get("shuffle") == "Yes",
        source=source,
    )


def same(got: Question, want: Question) -> None:
    fields = ("id", "text", "choices", "answers", "explanation", "feedback", "source")
    assert [getattr(got, f) for f in fields] == [getattr(want, f) for f in fields]


@pytest.mark.parametrize(
    "path",
    [DATA / "every-feature.yaml", DATA / "missing-word.yaml", ROOT / "questions" / "oic.ar.yaml"],
    ids=lambda p: p.name,
)
def test_qti12_package_holds_every_question(path: Path) -> None:
    source = bank(path)
    data, _ = export(source, "qti")
    options, questions = read_qti12(data)
    assert options["title"] == source.title
    assert options["points_possible"] == f"{len(source.questions)}.0"
    assert len(questions) == len(source.questions)
    for got, want in zip(questions, source.questions, strict=True):
        same(got, want)


def test_qti12_text_is_data_never_markup() -> None:
    data, _ = export(HOSTILE, "qti")
    files = unzip(data)
    assessment = next(v for k, v in files.items() if k.endswith(".xml") and b"questestinterop" in v)
    # The HTML inside the XML never holds the question's tags as tags.
    html = "".join(SafeET.fromstring(assessment).itertext())
    assert "<script" not in html and "<img" not in html and "<i>" not in html
    _, (question,) = read_qti12(data)
    # Everything reads back, but the vertical tab XML cannot hold.
    same(question, replace(HOSTILE.questions[0], text='<script>alert("x")</script> & ]]> ?'))
    # An Arabic choice is marked right to left for the browser.
    assert 'dir="rtl"' in html


def test_qti12_shuffling_is_one_setting_for_the_quiz() -> None:
    data, notices = export(bank(DATA / "every-feature.yaml"), "qti")
    options, _ = read_qti12(data)
    assert options["shuffle_answers"] == "false"
    assert [p.message.split(":")[0] for p in notices] == ["8 questions"]
    assert (
        "Canvas shuffles the choices of every question of a quiz or of none" in notices[0].message
    )
    plain = Bank(Path("p.yaml"), "P", questions=(Question("q", "Q?", ("a", "b"), ("a",)),))
    data, notices = export(plain, "qti")
    assert read_qti12(data)[0]["shuffle_answers"] == "true" and notices == []


def test_the_same_bank_gives_the_same_package() -> None:
    source = bank(DATA / "every-feature.yaml")
    assert export(source, "qti")[0] == export(source, "qti")[0]
    assert export(source, "qti21")[0] == export(source, "qti21")[0]


# -- QTI 2.1 -------------------------------------------------------------------------------------

ITEM_ORDER = [
    "responseDeclaration",
    "outcomeDeclaration",
    "templateDeclaration",
    "templateProcessing",
    "stylesheet",
    "itemBody",
    "responseProcessing",
    "modalFeedback",
]


def read_qti21(data: bytes) -> tuple[Element, list[Question]]:
    """Check a QTI 2.1 package's structure and read its items back as questions."""
    files = unzip(data)
    resources = check_manifest(files, CP21)
    manifest = xml(files["imsmanifest.xml"])
    assert manifest.findtext(f"{CP21}metadata/{CP21}schema") == "QTIv2.1 Package"
    (test,) = [r for r in resources.values() if r.get("type") == "imsqti_test_xmlv2p1"]
    items = {k: r for k, r in resources.items() if r.get("type") == "imsqti_item_xmlv2p1"}
    assert len(items) + 1 == len(resources)
    assert [d.get("identifierref") for d in test.findall(f"{CP21}dependency")] == list(items)

    assessment_test = xml(files[test.get("href")])
    assert assessment_test.tag == f"{QTI}assessmentTest"
    assert assessment_test.get("identifier") == test.get("identifier")
    assert assessment_test.get("title")
    part = assessment_test.find(f"{QTI}testPart")
    assert part.get("identifier") and part.get("navigationMode") in ("linear", "nonlinear")
    assert part.get("submissionMode") in ("individual", "simultaneous")
    section = part.find(f"{QTI}assessmentSection")
    assert section.get("identifier") and section.get("title") and section.get("visible")
    refs = section.findall(f"{QTI}assessmentItemRef")
    assert [(r.get("identifier"), r.get("href")) for r in refs] == [
        (ident, r.get("href")) for ident, r in items.items()
    ]
    return assessment_test, [
        _item21(xml(files[r.get("href")]), ident) for ident, r in items.items()
    ]


def _paragraph_text(parent: Element) -> str:
    """The text of XHTML content: `<p>`s as paragraphs, `<br/>` as line breaks."""

    def inline(element: Element) -> str:
        out = element.text or ""
        for child in element:
            assert child.tag == f"{QTI}br"
            out += "\n" + (child.tail or "")
        return out

    paragraphs = parent.findall(f"{QTI}p")
    if not paragraphs:
        return inline(parent)
    return "\n\n".join(inline(p) for p in paragraphs)


def _item21(item: Element, ident: str) -> Question:
    assert item.tag == f"{QTI}assessmentItem"
    assert item.get("identifier") == ident
    for attribute in ("title", "adaptive", "timeDependent"):
        assert item.get(attribute) is not None  # required by QTI 2.1
    order = [ITEM_ORDER.index(tag.removeprefix(QTI)) for tag in children(item)]
    assert order == sorted(order)
    (declaration,) = item.findall(f"{QTI}responseDeclaration")
    assert (declaration.get("identifier"), declaration.get("baseType")) == (
        "RESPONSE",
        "identifier",
    )
    outcomes = {o.get("identifier"): o for o in item.findall(f"{QTI}outcomeDeclaration")}
    assert outcomes["SCORE"].get("cardinality") == "single"
    body = item.find(f"{QTI}itemBody")
    interaction = body.find(f"{QTI}choiceInteraction")
    assert interaction.get("responseIdentifier") == "RESPONSE"
    assert interaction.get("shuffle") in ("true", "false")
    multiple = declaration.get("cardinality") == "multiple"
    assert interaction.get("maxChoices") == ("0" if multiple else "1")
    simple = interaction.findall(f"{QTI}simpleChoice")
    ids = [c.get("identifier") for c in simple]
    assert all(IDENTIFIER.fullmatch(i) for i in ids) and len(set(ids)) == len(ids)
    correct = [v.text for v in declaration.findall(f"{QTI}correctResponse/{QTI}value")]
    assert set(correct) <= set(ids)
    processing = item.find(f"{QTI}responseProcessing")
    assert processing.find(f".//{QTI}match/{QTI}correct").get("identifier") == "RESPONSE"
    feedback: dict[str, str] = {}
    explanation = source = ""
    for modal in item.findall(f"{QTI}modalFeedback"):
        assert modal.get("showHide") == "show"
        outcome = modal.get("outcomeIdentifier")
        assert outcome in outcomes  # each shows from an outcome the item declares and sets
        assert processing.find(f"{QTI}setOutcomeValue[@identifier='{outcome}']") is not None
        if outcome == "FEEDBACK":
            assert outcomes[outcome].get("cardinality") == declaration.get("cardinality")
            assert modal.get("identifier") in ids
            feedback[modal.get("identifier")] = _paragraph_text(modal)
        else:
            cited = modal.find(f"{QTI}p[@class='quiz-source']")
            if cited is not None:
                modal.remove(cited)
                label = cited.find(f"{QTI}span[@class='quiz-source-label']")
                assert label is not None and label.text
                cited.remove(label)
                cited.text = label.tail
                source = _paragraph_text(cited)
            explanation = _paragraph_text(modal) if modal.findall(f"{QTI}p") else ""
    choices = tuple(_paragraph_text(c) for c in simple)
    notes = tuple(feedback.get(i, "") for i in ids)
    return Question(
        id=item.get("title"),
        text=_paragraph_text(body),
        choices=choices,
        answers=tuple(c for i, c in zip(ids, choices, strict=True) if i in correct),
        explanation=explanation,
        feedback=notes if any(notes) else (),
        source=source,
    )


@pytest.mark.parametrize(
    "path",
    [DATA / "every-feature.yaml", DATA / "missing-word.yaml", ROOT / "questions" / "oic.ar.yaml"],
    ids=lambda p: p.name,
)
def test_qti21_package_holds_every_question(path: Path) -> None:
    source = bank(path)
    data, notices = export(source, "qti21")
    assert notices == []
    test, questions = read_qti21(data)
    assert test.get("title") == source.title
    ordering = test.find(f".//{QTI}ordering")
    assert ordering.get("shuffle") == ("true" if source.shuffle else "false")
    assert len(questions) == len(source.questions)
    for got, want in zip(questions, source.questions, strict=True):
        same(got, want)


def test_qti21_text_is_data_never_markup() -> None:
    data, _ = export(HOSTILE, "qti21")
    files = unzip(data)
    item = files["items/item0001.xml"]
    assert b"<script" not in item and b"<img" not in item and b"<i>" not in item
    assert xml(item).get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"
    _, (question,) = read_qti21(data)
    assert question.text == '<script>alert("x")</script> & ]]> ?'
    assert question.choices == HOSTILE.questions[0].choices
    assert question.feedback == ("<i>no</i>", "", "أحسنت")
    assert question.explanation == "x < y\nover two lines"
