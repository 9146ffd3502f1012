"""IMS QTI 2.1 content packages, for Blackboard Ultra, OpenOLAT, Inspera and other QTI 2.1 systems.

The package holds `imsmanifest.xml` (IMS Content Packaging 1.1), one `assessmentItem` file a
question under `items/` (a `choiceInteraction`, the right choices as its `correctResponse`, each
choice's feedback and the explanation as `modalFeedback`) and an `assessmentTest` that lists them
in order, as the QTI 2.1 specification lays a package out. Written with the standard library.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from quiz.bank.model import Bank, Problem, Question
from quiz.interchange.losses import Losses
from quiz.interchange.markup import source_label, xml_safe
from quiz.interchange.qti import NS_XSI, document, element, identifier, package
from quiz.text.wording import said

NS_CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
NS_QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
ITEM_TYPE = "imsqti_item_xmlv2p1"
TEST_TYPE = "imsqti_test_xmlv2p1"


def write(bank: Bank) -> tuple[bytes, list[Problem]]:
    """The bank as a QTI 2.1 content package (zip bytes): its items and a test of them."""
    losses = Losses(bank)
    if bank.markdown:
        losses.of_bank(said("export.markdown_as_written", system="QTI 2.1"))
    test_id = identifier("test", bank.path.name, bank.title)
    items = [
        (f"items/item{n:04d}.xml", identifier("item", test_id, q.id), q)
        for n, q in enumerate(bank.questions, 1)
    ]
    files = [("imsmanifest.xml", document(_manifest(test_id, items)))]
    files.append(("test.xml", document(_test(bank, test_id, items))))
    files += [(href, document(_item(q, item_id, bank.language))) for href, item_id, q in items]
    return package(files), losses.notices()


def _root(tag: str, **attrs: str) -> ET.Element:
    return element(
        None,
        tag,
        xmlns=NS_QTI,
        **{"xmlns:xsi": NS_XSI, "xsi:schemaLocation": f"{NS_QTI} {QTI_XSD}"},
        **attrs,
    )


def _manifest(test_id: str, items: list[tuple[str, str, Question]]) -> ET.Element:
    root = element(
        None,
        "manifest",
        identifier=identifier("manifest", test_id),
        xmlns=NS_CP,
        **{"xmlns:xsi": NS_XSI, "xsi:schemaLocation": f"{NS_CP} {CP_XSD}"},
    )
    metadata = element(root, "metadata")
    element(metadata, "schema", "QTIv2.1 Package")
    element(metadata, "schemaversion", "1.0.0")
    element(root, "organizations")
    resources = element(root, "resources")
    test = element(resources, "resource", identifier=test_id, type=TEST_TYPE, href="test.xml")
    element(test, "file", href="test.xml")
    for _, item_id, _ in items:
        element(test, "dependency", identifierref=item_id)
    for href, item_id, _ in items:
        resource = element(resources, "resource", identifier=item_id, type=ITEM_TYPE, href=href)
        element(resource, "file", href=href)
    return root


def _test(bank: Bank, test_id: str, items: list[tuple[str, str, Question]]) -> ET.Element:
    root = _root("assessmentTest", identifier=test_id, title=xml_safe(bank.title))
    element(root, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    part = element(
        root, "testPart", identifier="part", navigationMode="nonlinear", submissionMode="individual"
    )
    section = element(
        part, "assessmentSection", identifier="section", title=xml_safe(bank.title), visible="true"
    )
    element(section, "ordering", shuffle="true" if bank.shuffle else "false")
    for href, item_id, _ in items:
        element(section, "assessmentItemRef", identifier=item_id, href=href)
    processing = element(root, "outcomeProcessing")
    total = element(processing, "setOutcomeValue", identifier="SCORE")
    element(element(total, "sum"), "testVariables", variableIdentifier="SCORE")
    return root


def _paragraphs(parent: ET.Element, text: str) -> None:
    """Plain text as XHTML paragraphs (a `<br/>` for each line break) inside `parent`."""
    for block in text.split("\n\n"):
        _lines(element(parent, "p"), block)


def _lines(parent: ET.Element, text: str, after: ET.Element | None = None) -> None:
    """Plain text as the content of `parent` (or after its child `after`), a `<br/>` for each
    line break."""
    lines = xml_safe(text).split("\n")
    if after is None:
        parent.text = (parent.text or "") + lines[0]
    else:
        after.tail = (after.tail or "") + lines[0]
    for line in lines[1:]:
        br = ET.SubElement(parent, "br")
        br.tail = line


def _item(question: Question, item_id: str, language: str) -> ET.Element:
    """One question as a QTI 2.1 assessmentItem."""
    choice_ids = [f"choice{n}" for n in range(1, len(question.choices) + 1)]
    cardinality = "multiple" if question.multiple else "single"
    root = _root(
        "assessmentItem",
        identifier=item_id,
        title=xml_safe(question.id),
        adaptive="false",
        timeDependent="false",
        **{"xml:lang": language},
    )
    declaration = element(
        root,
        "responseDeclaration",
        identifier="RESPONSE",
        cardinality=cardinality,
        baseType="identifier",
    )
    correct = element(declaration, "correctResponse")
    for cid, choice in zip(choice_ids, question.choices, strict=True):
        if choice in question.answers:
            element(correct, "value", cid)
    score = element(
        root, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float"
    )
    element(element(score, "defaultValue"), "value", "0")
    maximum = element(
        root, "outcomeDeclaration", identifier="MAXSCORE", cardinality="single", baseType="float"
    )
    element(element(maximum, "defaultValue"), "value", "1")
    feedback = question.feedback or ("",) * len(question.choices)
    if any(feedback):
        element(
            root,
            "outcomeDeclaration",
            identifier="FEEDBACK",
            cardinality=cardinality,
            baseType="identifier",
        )
    explained = bool(question.explanation or question.source)
    if explained:
        element(
            root,
            "outcomeDeclaration",
            identifier="EXPLANATION",
            cardinality="single",
            baseType="identifier",
        )

    body = element(root, "itemBody")
    _paragraphs(body, question.text)
    interaction = element(
        body,
        "choiceInteraction",
        responseIdentifier="RESPONSE",
        shuffle="true" if question.shuffle else "false",
        maxChoices="0" if question.multiple else "1",
    )
    for cid, choice in zip(choice_ids, question.choices, strict=True):
        _lines(element(interaction, "simpleChoice", identifier=cid), choice)

    processing = element(root, "responseProcessing")
    condition = element(processing, "responseCondition")
    when = element(condition, "responseIf")
    match = element(when, "match")
    element(match, "variable", identifier="RESPONSE")
    element(match, "correct", identifier="RESPONSE")
    element(
        element(when, "setOutcomeValue", identifier="SCORE"), "baseValue", "1", baseType="float"
    )
    otherwise = element(condition, "responseElse")
    element(
        element(otherwise, "setOutcomeValue", identifier="SCORE"),
        "baseValue",
        "0",
        baseType="float",
    )
    if any(feedback):
        # FEEDBACK holds the choices picked, so each one's feedback shows.
        chosen = element(processing, "setOutcomeValue", identifier="FEEDBACK")
        element(chosen, "variable", identifier="RESPONSE")
    if explained:
        shown = element(processing, "setOutcomeValue", identifier="EXPLANATION")
        element(shown, "baseValue", "explanation", baseType="identifier")

    for cid, note in zip(choice_ids, feedback, strict=True):
        if note:
            _modal(root, "FEEDBACK", cid, note)
    if explained:
        modal = _modal(root, "EXPLANATION", "explanation", question.explanation)
        if question.source:
            # After the explanation, as the app shows it: a paragraph of its own, labelled.
            paragraph = element(modal, "p", **{"class": "quiz-source"})
            label = element(
                paragraph, "span", source_label(language), **{"class": "quiz-source-label"}
            )
            label.tail = ""
            _lines(paragraph, question.source, after=label)
    return root


def _modal(root: ET.Element, outcome: str, ident: str, text: str) -> ET.Element:
    modal = element(
        root, "modalFeedback", outcomeIdentifier=outcome, identifier=ident, showHide="show"
    )
    if text:
        _paragraphs(modal, text)
    return modal
