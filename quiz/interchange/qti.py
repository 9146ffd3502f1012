"""IMS QTI 1.2 content packages, the zip Canvas imports as a quiz (Blackboard Learn reads it too).

The package holds `imsmanifest.xml` (IMS Content Packaging 1.1), the assessment
`<id>/<id>.xml` (QTI 1.2 ASI: one `<item>` a question, with Canvas's `question_type` metadata,
per-choice feedback and the explanation as general feedback) and Canvas's quiz settings in
`<id>/assessment_meta.xml`, laid out as Canvas's own exports are. Written with the standard
library: the QTI libraries on PyPI either pull in lxml and more, or read Markdown rather than
plain text (see docs/question-format.md). `package` and the XML helpers are shared with `qti21`.
"""

from __future__ import annotations

import hashlib
import io
import xml.etree.ElementTree as ET
import zipfile

from quiz.bank.model import Bank, Problem, Question
from quiz.interchange.losses import Losses
from quiz.interchange.markup import source_html, text_to_html, xml_safe
from quiz.text.wording import said

NS_CP = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
NS_QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
NS_CANVAS = "http://canvas.instructure.com/xsd/cccv1p0"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
QTI_XSD = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
CANVAS_XSD = "https://canvas.instructure.com/xsd/cccv1p0.xsd"
#: What a resource of each kind is called in the manifest.
ASSESSMENT_TYPE = "imsqti_xmlv1p2"
META_TYPE = "associatedcontent/imscc_xmlv1p1/learning-application-resource"
# A fixed time for every zip entry: the same bank always gives the same bytes.
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def identifier(*parts: str) -> str:
    """A stable identifier (an XML NCName) made of what it names: `g` and 20 hex digits."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return "g" + digest[:20]


def element(
    parent: ET.Element | None, tag: str, text: str | None = None, **attrs: str
) -> ET.Element:
    """A new element (under `parent` when given), its text made safe for XML."""
    node = ET.Element(tag, attrs) if parent is None else ET.SubElement(parent, tag, attrs)
    if text is not None:
        node.text = xml_safe(text)
    return node


def document(root: ET.Element) -> bytes:
    """An element tree as a UTF-8 XML file, indented."""
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'.encode()


def package(files: list[tuple[str, bytes]]) -> bytes:
    """A zip file of (name, bytes), the manifest first, with fixed times."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def shuffle_losses(bank: Bank, losses: Losses, system: str) -> bool:
    """Whether the package may shuffle choices: a quiz-wide setting, so off when any question
    keeps its order (and each question that then loses its shuffling is noted once)."""
    keeps_order = [q for q in bank.questions if not q.shuffle]
    if not keeps_order:
        return True
    for question in bank.questions:
        if question.shuffle:
            losses.of(question, said("qti.shuffle_all_or_none", system=system))
    return False


def write(bank: Bank) -> tuple[bytes, list[Problem]]:
    """The bank as a QTI 1.2 content package (zip bytes) Canvas imports as one quiz."""
    losses = Losses(bank)
    quiz_id = identifier("quiz", bank.path.name, bank.title)
    meta_id = identifier("meta", quiz_id)
    shuffle = shuffle_losses(bank, losses, "Canvas")
    manifest = _manifest(quiz_id, meta_id)
    assessment = _assessment(bank, quiz_id)
    meta = _meta(bank, quiz_id, shuffle)
    files = [
        ("imsmanifest.xml", document(manifest)),
        (f"{quiz_id}/{quiz_id}.xml", document(assessment)),
        (f"{quiz_id}/assessment_meta.xml", document(meta)),
    ]
    return package(files), losses.notices()


def _manifest(quiz_id: str, meta_id: str) -> ET.Element:
    root = element(
        None,
        "manifest",
        identifier=identifier("manifest", quiz_id),
        xmlns=NS_CP,
        **{"xmlns:xsi": NS_XSI, "xsi:schemaLocation": f"{NS_CP} {CP_XSD}"},
    )
    metadata = element(root, "metadata")
    element(metadata, "schema", "IMS Content")
    element(metadata, "schemaversion", "1.1.3")
    element(root, "organizations")
    resources = element(root, "resources")
    resource = element(resources, "resource", identifier=quiz_id, type=ASSESSMENT_TYPE)
    element(resource, "file", href=f"{quiz_id}/{quiz_id}.xml")
    element(resource, "dependency", identifierref=meta_id)
    href = f"{quiz_id}/assessment_meta.xml"
    meta = element(resources, "resource", identifier=meta_id, type=META_TYPE, href=href)
    element(meta, "file", href=href)
    return root


def _meta(bank: Bank, quiz_id: str, shuffle: bool) -> ET.Element:
    """Canvas's own quiz settings: title, description, shuffling, points."""
    root = element(
        None,
        "quiz",
        identifier=quiz_id,
        xmlns=NS_CANVAS,
        **{"xmlns:xsi": NS_XSI, "xsi:schemaLocation": f"{NS_CANVAS} {CANVAS_XSD}"},
    )
    element(root, "title", bank.title)
    element(root, "description", text_to_html(bank.description) if bank.description else "")
    element(root, "shuffle_answers", "true" if shuffle else "false")
    element(root, "scoring_policy", "keep_highest")
    element(root, "quiz_type", "assignment")
    element(root, "points_possible", f"{len(bank.questions)}.0")
    element(root, "allowed_attempts", "-1")
    element(root, "available", "false")
    return root


def _assessment(bank: Bank, quiz_id: str) -> ET.Element:
    root = element(
        None,
        "questestinterop",
        xmlns=NS_QTI,
        **{"xmlns:xsi": NS_XSI, "xsi:schemaLocation": f"{NS_QTI} {QTI_XSD}"},
    )
    assessment = element(root, "assessment", ident=quiz_id, title=bank.title)
    fields = element(assessment, "qtimetadata")
    _field(fields, "cc_maxattempts", "1")
    section = element(assessment, "section", ident="root_section")
    for question in bank.questions:
        item_id = identifier("item", quiz_id, question.id)
        section.append(_item(question, item_id, bank.language, bank.markdown))
    return root


def _field(parent: ET.Element, label: str, entry: str) -> None:
    field = element(parent, "qtimetadatafield")
    element(field, "fieldlabel", label)
    element(field, "fieldentry", entry)


def _html(parent: ET.Element, text: str, markdown: str = "") -> None:
    """`<material><mattext texttype="text/html">` holding the plain text as HTML (`markdown`:
    "block" or "inline" for a Markdown bank's text, as the HTML its Markdown makes)."""
    made = _markdown(text, markdown) if markdown else text_to_html(text)
    element(element(parent, "material"), "mattext", made, texttype="text/html")


def _markdown(text: str, kind: str) -> str:
    from quiz.text.markdown import to_html

    return to_html(text, within_line=kind == "inline")


def _item(question: Question, item_id: str, language: str, markdown: bool = False) -> ET.Element:
    """One question as a QTI 1.2 item, with Canvas's metadata."""
    choice_ids = [f"{item_id}_{n}" for n in range(1, len(question.choices) + 1)]
    right = [
        cid for cid, c in zip(choice_ids, question.choices, strict=True) if c in question.answers
    ]
    if question.multiple:
        kind = "multiple_answers_question"
    elif question.choices == ("True", "False"):
        kind = "true_false_question"
    else:
        kind = "multiple_choice_question"
    item = element(None, "item", ident=item_id, title=question.id)
    fields = element(element(item, "itemmetadata"), "qtimetadata")
    _field(fields, "question_type", kind)
    _field(fields, "points_possible", "1.0")
    _field(fields, "original_answer_ids", ",".join(choice_ids))
    _field(fields, "assessment_question_identifierref", f"{item_id}_q")

    presentation = element(item, "presentation")
    block, inline = ("block", "inline") if markdown else ("", "")
    _html(presentation, question.text, block)
    cardinality = "Multiple" if question.multiple else "Single"
    response = element(presentation, "response_lid", ident="response1", rcardinality=cardinality)
    render = element(response, "render_choice", shuffle="Yes" if question.shuffle else "No")
    for cid, choice in zip(choice_ids, question.choices, strict=True):
        _html(element(render, "response_label", ident=cid), choice, inline)

    processing = element(item, "resprocessing")
    outcomes = element(processing, "outcomes")
    element(outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    general = ""
    if question.explanation:
        general = (
            _markdown(question.explanation, block)
            if markdown
            else text_to_html(question.explanation)
        )
    if question.source:
        # The explanation, then the source: Canvas shows the general feedback after answering.
        general += source_html(question.source, language)
    if general:
        condition = element(processing, "respcondition", **{"continue": "Yes"})
        element(element(condition, "conditionvar"), "other")
        element(condition, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    feedback = question.feedback or ("",) * len(question.choices)
    for cid, note in zip(choice_ids, feedback, strict=True):
        if note:
            condition = element(processing, "respcondition", **{"continue": "Yes"})
            element(element(condition, "conditionvar"), "varequal", cid, respident="response1")
            element(condition, "displayfeedback", feedbacktype="Response", linkrefid=f"{cid}_fb")
    condition = element(processing, "respcondition", **{"continue": "No"})
    variables = element(condition, "conditionvar")
    if question.multiple:
        every = element(variables, "and")
        for cid in choice_ids:
            if cid in right:
                element(every, "varequal", cid, respident="response1")
            else:
                element(element(every, "not"), "varequal", cid, respident="response1")
    else:
        element(variables, "varequal", right[0], respident="response1")
    element(condition, "setvar", "100", action="Set", varname="SCORE")

    if general:
        _feedback(item, "general_fb", general, html=True)
    for cid, note in zip(choice_ids, feedback, strict=True):
        if note:
            _feedback(item, f"{cid}_fb", _markdown(note, block) if markdown else note, markdown)
    return item


def _feedback(item: ET.Element, ident: str, text: str, html: bool = False) -> None:
    """An itemfeedback of plain text (or of HTML written here, with `html`)."""
    flow = element(element(item, "itemfeedback", ident=ident), "flow_mat")
    if html:
        element(element(flow, "material"), "mattext", text, texttype="text/html")
    else:
        _html(flow, text)
