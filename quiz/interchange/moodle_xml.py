"""Moodle XML, the format a Moodle question bank exports by default: read it, and write banks as it.

Reading follows Moodle's importer (question/format/xml/format.php): `<question type="category">`
sets the category of the questions after it, `multichoice` (`<single>`, answers with a `fraction`
in percent) and `truefalse` questions are read with their per-answer `<feedback>`, the
`<generalfeedback>` (the explanation), `<idnumber>` or `<name>` (the id), `<shuffleanswers>` and
`<tags>`. HTML becomes plain text; images embedded as `@@PLUGINFILE@@` files become attachments the
text names. Every other question type is skipped with one notice naming its line. The file is
parsed with defusedxml (see `markup.parse_xml`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from quiz.bank.model import Bank, Problem, Question
from quiz.interchange.importer import (
    Attachment,
    Draft,
    Imported,
    Importer,
    InterchangeError,
    Progress,
    category_name,
    category_parts,
    short,
)
from quiz.interchange.losses import Losses
from quiz.interchange.markup import (
    Element,
    html_to_text,
    parse_xml,
    source_html,
    starts_right_to_left,
    text_to_html,
    xml_safe,
)
from quiz.text.wording import said

HINT = said("moodle.hint")

_KINDS = {
    "essay": said("moodle.kind.essay"),
    "shortanswer": said("moodle.kind.shortanswer"),
    "numerical": said("moodle.kind.numerical"),
    "calculated": said("moodle.kind.calculated"),
    "calculatedsimple": said("moodle.kind.calculatedsimple"),
    "calculatedmulti": said("moodle.kind.calculatedmulti"),
    "matching": said("moodle.kind.matching"),
    "randomsamatch": said("moodle.kind.randomsamatch"),
    "cloze": said("moodle.kind.cloze"),
    "multianswer": said("moodle.kind.cloze"),
    "ddwtos": said("moodle.kind.ddwtos"),
    "ddimageortext": said("moodle.kind.ddimageortext"),
    "ddmarker": said("moodle.kind.ddmarker"),
    "gapselect": said("moodle.kind.gapselect"),
    "description": said("moodle.kind.description"),
    "random": said("moodle.kind.random"),
    "ordering": said("moodle.kind.ordering"),
}
_TRUE = ("true", "1", "yes")
# The paragraph quiz writes a question's source in, in its general feedback (Moodle has no field
# for it): students see it after answering, and quiz reads it back as the source.
_SOURCE_PARAGRAPH = re.compile(r'<p class="quiz-source"(?: dir="rtl")?>(.*?)</p>', re.DOTALL)
_SOURCE_LABEL = re.compile(r'<span class="quiz-source-label">.*?</span>', re.DOTALL)
# Where a Moodle file reference starts, in the text of the element that embeds the file.
_PLUGINFILE = "@@PLUGINFILE@@/"
_DATA_URL = re.compile(r"data:image/([a-z0-9.+-]+);base64,(.*)", re.IGNORECASE | re.DOTALL)
_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,5}")
#: Moodle's idnumber column holds 100 characters.
IDNUMBER_LENGTH = 100


def read(path: Path, data: bytes, progress: Progress | None = None) -> Imported:
    """Import the multiple-choice and true/false questions of a Moodle XML file."""
    root = parse_xml(path, data)
    if root.tag != "quiz":
        raise InterchangeError(said("moodle.root", where=f"{path}:{root.line}", tag=root.tag))
    reader = _Reader(path, progress, data.count(b"\n") + 1)
    for element in root.children:
        if element.tag == "question":
            reader.question(element)
    if progress is not None:
        progress(reader.total, reader.total)
    return reader.importer.finish(_title(reader.importer.categories), HINT)


def _title(categories: list[tuple[str, ...]]) -> str:
    """The bank's title: the deepest category all its questions share ("" for none)."""
    if not categories:
        return ""
    shared = categories[0]
    for category in categories[1:]:
        length = 0
        while length < min(len(shared), len(category)) and shared[length] == category[length]:
            length += 1
        shared = shared[:length]
    return category_name(shared[-1]) if shared else ""


class _Reader:
    """Reads the questions of one Moodle XML file, in order."""

    def __init__(self, path: Path, progress: Progress | None, total: int) -> None:
        self.importer = Importer(path, progress)
        self.total = total
        self.category: tuple[str, ...] = ()
        self._saved: dict[tuple[str, bytes], str] = {}

    def question(self, element: Element) -> None:
        kind = element.attrs.get("type", "").strip().lower()
        line = element.line
        if kind == "category":
            path = element.value("category")
            self.category = tuple(category_parts(path))
            _, source = self.explained(element.find("info"))
            if source and not self.importer.source:
                self.importer.source = source
            return
        self.importer.tick(line, self.total)
        if kind not in ("multichoice", "truefalse"):
            what = _KINDS.get(kind) or said("moodle.kind.other", kind=short(kind, 30))
            self.importer.unsupported(line, what)
            return
        text = element.find("questiontext")
        draft = Draft(line, self.text(text), [], [], [])
        draft.markdown = text is not None and text.attrs.get("format", "").lower() == "markdown"
        for answer in element.findall("answer"):
            try:
                fraction = float(answer.attrs.get("fraction", "0"))
            except ValueError:
                fraction_text = short(answer.attrs["fraction"], 20)
                self.importer.skip(answer.line, said("moodle.bad_fraction", fraction=fraction_text))
                return
            draft.choices.append(self.text(answer))
            draft.right.append(fraction > 0)
            draft.feedback.append(self.text(answer.find("feedback")))
            if kind == "truefalse":
                draft.choices[-1] = "True" if draft.choices[-1].lower() in _TRUE else "False"
                draft.right[-1] = fraction >= 100 - 1e-6
            elif element.value("single", "true").lower() in _TRUE:
                self._single(draft, fraction)
        if kind == "truefalse":
            _true_first(draft)
        elif element.value("single", "true").lower() in _TRUE:
            self._several_full(draft)
        draft.explanation, draft.source = self.explained(element.find("generalfeedback"))
        draft.name = element.value("idnumber") or element.value("name")
        draft.category = self.category
        draft.shuffle = element.value("shuffleanswers", "true").lower() in (*_TRUE, "")
        tags = element.find("tags")
        if tags is not None:
            draft.tags = tuple(tag.value("text") or tag.text.strip() for tag in tags.findall("tag"))
        self.importer.add(draft)

    def _single(self, draft: Draft, fraction: float) -> None:
        """One answer to pick: only full marks are right; partial credit is noted."""
        draft.right[-1] = fraction >= 100 - 1e-6
        if 0 < fraction < 100 - 1e-6:
            choice = said(
                "import.partial_choice", choice=short(draft.choices[-1], 30), weight=fraction
            )
            self.importer.notice(draft.line, said("import.partial_credit", choices=(choice,)))

    def _several_full(self, draft: Draft) -> None:
        if sum(draft.right) > 1:
            self.importer.notice(
                draft.line, said("moodle.several_full_marks", count=sum(draft.right))
            )

    def explained(self, element: Element | None) -> tuple[str, str]:
        """The text of a general feedback, and the source quiz wrote in it (see `_source`)."""
        if element is None:
            return "", ""
        inner = element.find("text")
        raw = inner.text if inner is not None else element.text
        found = _SOURCE_PARAGRAPH.search(raw)
        if found is None or element.attrs.get("format", "html") not in ("html", "markdown"):
            return self.text(element), ""
        source = html_to_text(_SOURCE_LABEL.sub("", found[1], count=1))
        rest = raw[: found.start()] + raw[found.end() :]
        copy = Element(element.tag, element.attrs, element.line, element.children, [])
        if inner is not None:
            copy.children = [
                Element("text", inner.attrs, inner.line, [], [rest]) if c is inner else c
                for c in element.children
            ]
        else:
            copy.parts = [rest]
        return self.text(copy), source

    def text(self, element: Element | None) -> str:
        """The plain text of a Moodle text element, its images kept as attachments."""
        if element is None:
            return ""
        inner = element.find("text")
        raw = inner.text if inner is not None else element.text
        kind = element.attrs.get("format", "html").strip().lower()
        if kind in ("plain_text", "markdown"):
            return raw.strip()
        if kind == "moodle_auto_format":
            # Moodle's own format: HTML allowed, and each line break is a break.
            raw = raw.strip().replace("\r\n", "\n").replace("\n", "<br>")
        files = {
            (f.attrs.get("path", "/").strip("/"), f.attrs.get("name", "")): f
            for f in element.findall("file")
        }
        text = html_to_text(raw, lambda src, alt: self.image(element, files, src, alt))
        if "[image: " in text and starts_right_to_left(text):
            # Each line takes its direction from its first letter: in an Arabic question the
            # image's line reads right to left too, and says "image" in Arabic.
            text = text.replace("[image: ", "[صورة: ")
        return text

    def image(
        self, element: Element, files: dict[tuple[str, str], Element], src: str, alt: str
    ) -> str:
        """The text that stands for an image: its alt text and where its file is kept."""
        found = _DATA_URL.fullmatch(src.strip())
        if found:
            name, encoded, line = f"image.{found[1].lower()}", found[2], element.line
        elif src.startswith(_PLUGINFILE):
            reference = unquote(src[len(_PLUGINFILE) :].split("?", 1)[0])
            folder, _, name = reference.rpartition("/")
            embedded = files.get((folder.strip("/"), name))
            if embedded is None:
                self.importer.notice(
                    element.line, said("moodle.image_missing", name=short(name, 40))
                )
                return f"[image: {alt or name}]"
            encoded, line = embedded.text, embedded.line
        else:
            return f"[image: {alt} ({src})]" if alt and src else f"[image: {alt or src}]"
        try:
            data = base64.b64decode(re.sub(r"\s+", "", encoded), validate=True)
        except (binascii.Error, ValueError):
            self.importer.notice(line, said("moodle.image_not_base64", name=short(name, 40)))
            return f"[image: {alt or name}]"
        path = self.save(name, data, line)
        return f"[image: {alt} ({path})]" if alt else f"[image: {path}]"

    def save(self, name: str, data: bytes, line: int) -> str:
        """Keep an image as an attachment; its path has a digest, so names never collide."""
        key = (name, data)
        if key in self._saved:
            return self._saved[key]
        pure = PurePosixPath(name.replace("\\", "/")).name
        suffix = pure[len(pure.rsplit(".", 1)[0]) :] if "." in pure else ""
        suffix = suffix.lower() if _SUFFIX.fullmatch(suffix) else ".bin"
        stem = re.sub(r"[^\w-]+", "-", pure.removesuffix(suffix).rsplit(".", 1)[0]).strip("-")
        digest = hashlib.sha256(data).hexdigest()[:8]
        path = f"images/{(stem[:60] or 'image')}-{digest}{suffix}"
        self._saved[key] = path
        self.importer.attachments.append(Attachment(path, data, line, name))
        return path


def _true_first(draft: Draft) -> None:
    """A true/false question's choices in the order quiz writes them: True, then False."""
    if draft.choices == ["False", "True"]:
        draft.choices.reverse()
        draft.right.reverse()
        draft.feedback.reverse()


# -- writing ---------------------------------------------------------------------------------------


def _fraction(count: int) -> str:
    """Each right choice's share in percent, as Moodle's grade list writes it (33.33333)."""
    return f"{100 / count:.5f}".rstrip("0").rstrip(".")


def _category_name(part: str) -> str:
    """A name in a Moodle category path: a slash inside it is written twice."""
    return " ".join(part.split()).replace("/", "//")


# What HTML cannot say exactly (it collapses spaces, and reads no-break spaces as spaces): text
# holding any of these is written in Moodle's plain-text format, which Moodle shows as it is.
_NOT_HTML = re.compile("  |\n |\t|\xa0")


def _formatted(text: str) -> tuple[str, str]:
    """A text's Moodle format and its content: HTML, or plain text where HTML would change it."""
    if _NOT_HTML.search(text):
        return "plain_text", xml_safe(text)
    return "html", xml_safe(text_to_html(text)) if text else ""


def _text(
    parent: ET.Element, tag: str, text: str, *, markdown: bool = False, **attrs: str
) -> ET.Element:
    """`<tag format="html"><text>HTML</text></tag>` holding the plain text; a Markdown bank's
    text as it is written, in Moodle's Markdown format (Moodle renders it, quiz reads it back)."""
    kind, content = ("markdown", xml_safe(text)) if markdown and text else _formatted(text)
    element = ET.SubElement(parent, tag, {**attrs, "format": kind})
    ET.SubElement(element, "text").text = content
    return element


def _sourced(
    parent: ET.Element, tag: str, text: str, source: str, language: str, markdown: bool = False
) -> None:
    """A general feedback (or a category's info): the text, then the source in a paragraph of its
    own that Moodle shows and `_Reader.explained` reads back. A Markdown explanation stays
    Markdown, the source's paragraph after it as HTML (which Moodle's Markdown lets through)."""
    if not source:
        _text(parent, tag, text, markdown=markdown)
        return
    if markdown and text:
        element = ET.SubElement(parent, tag, {"format": "markdown"})
        body = xml_safe(text) + "\n\n" + xml_safe(source_html(source, language))
        ET.SubElement(element, "text").text = body
        return
    element = ET.SubElement(parent, tag, {"format": "html"})
    body = text_to_html(text) if text else ""
    ET.SubElement(element, "text").text = xml_safe(body + source_html(source, language))


def _plain(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = xml_safe(text)


def write(bank: Bank, subject: tuple[str, ...] = ()) -> tuple[str, list[Problem]]:
    """The bank as a Moodle XML file, in the category `$course$/top/<subject>/<title>`."""
    losses = Losses(bank)
    root = ET.Element("quiz")
    root.append(ET.Comment(f" Exported by quiz from {xml_safe(bank.path.name)} "))
    category = ET.SubElement(root, "question", type="category")
    path = "/".join(_category_name(part) for part in ("$course$", "top", *subject, bank.title))
    _plain(ET.SubElement(category, "category"), "text", path)
    _sourced(category, "info", bank.description, bank.source, bank.language)
    if not bank.shuffle:
        losses.of_bank(said("moodle.bank_order"))
    for question in bank.questions:
        root.append(_question(question, losses, bank.language, bank.markdown))
    ET.indent(root, space="  ")
    # <text></text> rather than <text />, as Moodle writes empty elements.
    body = ET.tostring(root, encoding="unicode", short_empty_elements=False)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n', losses.notices()


def _question(
    question: Question, losses: Losses, language: str, markdown: bool = False
) -> ET.Element:
    true_false = (
        question.choices == ("True", "False") and not question.multiple and question.shuffle
    )
    element = ET.Element("question", type="truefalse" if true_false else "multichoice")
    name = ET.SubElement(element, "name")
    _plain(name, "text", short(question.text.split("\n", 1)[0], 80))
    _text(element, "questiontext", question.text, markdown=markdown)
    # Every question carries its source (its own or the bank's), so Moodle shows it to students.
    _sourced(element, "generalfeedback", question.explanation, question.source, language, markdown)
    _plain(element, "defaultgrade", "1.0000000")
    _plain(element, "penalty", "1.0000000" if true_false else "0.3333333")
    _plain(element, "hidden", "0")
    if len(question.id) <= IDNUMBER_LENGTH:
        _plain(element, "idnumber", question.id)
    else:
        _plain(element, "idnumber", "")
        losses.of(question, said("moodle.long_id", limit=IDNUMBER_LENGTH))
    feedback = question.feedback or ("",) * len(question.choices)
    if true_false:
        for choice, note in zip(question.choices, feedback, strict=True):
            right = choice in question.answers
            answer = ET.SubElement(
                element, "answer", fraction="100" if right else "0", format="moodle_auto_format"
            )
            _plain(answer, "text", choice.lower())
            _text(answer, "feedback", note, markdown=markdown)
    else:
        _plain(element, "single", "false" if question.multiple else "true")
        _plain(element, "shuffleanswers", "true" if question.shuffle else "false")
        _plain(element, "answernumbering", "abc")
        _plain(element, "showstandardinstruction", "0")
        for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            _text(element, tag, "")
        if question.multiple:
            ET.SubElement(element, "shownumcorrect")
        share = _fraction(len(question.answers))
        for choice, note in zip(question.choices, feedback, strict=True):
            right = choice in question.answers
            wrong = "-100" if question.multiple else "0"
            kind, content = ("markdown", xml_safe(choice)) if markdown else _formatted(choice)
            answer = ET.SubElement(
                element, "answer", fraction=(share if right else wrong), format=kind
            )
            ET.SubElement(answer, "text").text = content
            _text(answer, "feedback", note, markdown=markdown)
    if question.tags:
        tags = ET.SubElement(element, "tags")
        for tag in question.tags:
            _plain(ET.SubElement(tags, "tag"), "text", tag)
    return element
