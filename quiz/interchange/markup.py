"""HTML and XML as other systems write them: read to plain text, and plain text written back.

- `html_to_text` reads the HTML of a Moodle or GIFT question as a person sees it: paragraphs and
  line breaks as lines, lists as `- item` or `1. item`, entities (`&ndash;`, `&nbsp;`) read,
  scripts and styles dropped; `<img>` becomes what `on_image` returns.
- `text_to_html` writes our plain text as HTML that reads back the same (escaped, lines as
  `<br>`, runs of spaces kept with `&nbsp;`).
- `parse_xml` parses an XML file with defusedxml, keeping each element's line: entity
  declarations, external entities and DTD fetches are refused before anything is expanded.
- `xml_safe` removes what XML 1.0 cannot hold, so text written into XML is always well formed.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import AttributesImpl, Locator

from quiz.interchange.importer import InterchangeError
from quiz.text.wording import said

#: Called with an `<img>`'s src and alt; returns the text that stands for it.
ImageText = Callable[[str, str], str]

# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Whitespace that HTML collapses; a no-break space (U+00A0) is not in it.
_COLLAPSIBLE = re.compile("[ \t\n\r\f]+")
# Elements that end a line (a browser lays them out as blocks).
_BLOCKS = frozenset(
    (  # noqa: SIM905 (a list of 40 one-word strings reads worse)
        "address article aside blockquote center dd details dialog dir div dl dt fieldset "
        "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section "
        "summary table tbody thead tfoot tr ul"
    ).split()
)
_DROPPED = frozenset({"script", "style", "head", "title", "template"})
# A line break that a paragraph end asks for, merged with its neighbours; unlike a <br>.
_SOFT = "\ufdef"


def xml_safe(text: str) -> str:
    """Text without the characters XML 1.0 cannot hold (control characters, lone surrogates)."""
    return _NOT_XML.sub("", text)


def starts_right_to_left(text: str) -> bool:
    """Whether text's first strong letter is written right to left (Arabic, Hebrew...)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def text_to_html(text: str) -> str:
    """Plain text as an HTML paragraph that `html_to_text` reads back as the same text; one
    that starts with an Arabic letter is marked right to left, as browsers cannot tell."""
    opening = '<p dir="rtl">' if starts_right_to_left(text) else "<p>"
    return opening + inline_html(text) + "</p>"


def inline_html(text: str) -> str:
    """Plain text as HTML to put inside an element: escaped, lines as `<br>`, spaces kept."""
    lines = []
    for line in text.split("\n"):
        escaped = html.escape(line, quote=False)
        # HTML collapses spaces: a space at the start of a line or after another is a no-break one.
        escaped = re.sub(r"(?:(?<= )|^) ", "&nbsp;", escaped)
        lines.append(escaped.replace("\t", "&nbsp;"))
    return "<br>".join(lines)


def source_label(language: str) -> str:
    """The label put before a source ("Source: "), in the bank's language."""
    from quiz.text.i18n import template

    return template("feedback.source", language.split("-")[0].lower())


def source_html(source: str, language: str) -> str:
    """A question's source as the HTML paragraph quiz writes it in a general feedback:
    `<p class="quiz-source"><span class="quiz-source-label">Source: </span>...</p>`."""
    direction = ' dir="rtl"' if starts_right_to_left(source) else ""
    label = html.escape(source_label(language), quote=False)
    return (
        f'<p class="quiz-source"{direction}><span class="quiz-source-label">{label}</span>'
        f"{inline_html(source)}</p>"
    )


def html_to_text(markup: str, on_image: ImageText | None = None) -> str:
    """The plain text of an HTML fragment, as a browser shows it."""
    if "<" not in markup and "&" not in markup:
        return _finish(_COLLAPSIBLE.sub(" ", markup))
    reader = _TextReader(on_image)
    reader.feed(markup)
    reader.close()
    return _finish("".join(reader.out))


def _finish(text: str) -> str:
    """Paragraph breaks merged, lines trimmed, no-break spaces made plain spaces."""
    # A run of block ends (and the line breaks and spaces around them) is one line break, or as
    # many as the <br>s in it ask for.
    text = re.sub(f"[ \n]*{_SOFT}[{_SOFT} \n]*", lambda m: "\n" * max(1, m[0].count("\n")), text)
    lines = [line.strip(" ") for line in text.split("\n")]
    return "\n".join(lines).replace("\xa0", " ").strip("\n ")


class _TextReader(HTMLParser):
    """Collects the text of an HTML fragment, with line breaks where blocks end."""

    def __init__(self, on_image: ImageText | None) -> None:
        super().__init__(convert_charrefs=True)
        self.on_image = on_image
        self.out: list[str] = []
        self.lists: list[list[int]] = []  # each open list: [number of the next item] or [0]
        self.dropping = 0
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self.dropping += 1
            return
        if tag == "br":
            self.out.append("\n")
        elif tag == "img":
            found = dict(attrs)
            src, alt = found.get("src") or "", (found.get("alt") or "").strip()
            if self.on_image is not None:
                self.out.append(self.on_image(src, alt))
            elif alt:
                self.out.append(f"[image: {alt}]")
        elif tag in ("ul", "ol"):
            self.out.append(_SOFT)
            self.lists.append([1 if tag == "ol" else 0])
        elif tag == "li":
            self.out.append(_SOFT)
            indent = "\xa0\xa0" * max(0, len(self.lists) - 1)
            if self.lists and self.lists[-1][0]:
                self.out.append(f"{indent}{self.lists[-1][0]}.\xa0")
                self.lists[-1][0] += 1
            else:
                self.out.append(f"{indent}-\xa0")
        elif tag in ("td", "th"):
            self.out.append(" ")
        elif tag in _BLOCKS:
            self.pre += tag == "pre"
            self.out.append(_SOFT)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "img"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self.dropping = max(0, self.dropping - 1)
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self.out.append(_SOFT)
        elif tag in _BLOCKS:
            self.pre = max(0, self.pre - (tag == "pre"))
            self.out.append(_SOFT)

    def handle_data(self, data: str) -> None:
        if self.dropping:
            return
        if self.pre:
            self.out.append(data.replace(" ", "\xa0"))
        else:
            self.out.append(_COLLAPSIBLE.sub(" ", data))


# -- XML -------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Element:
    """One XML element as read: its tag, attributes, text (children's left out) and line."""

    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Element] = field(default_factory=list)
    parts: list[str] = field(default_factory=list, repr=False)

    @property
    def text(self) -> str:
        """The element's own text (CDATA included), without its children's."""
        return "".join(self.parts)

    def find(self, tag: str) -> Element | None:
        """The first child with this tag, or None."""
        return next((child for child in self.children if child.tag == tag), None)

    def findall(self, tag: str) -> list[Element]:
        """Every child with this tag, in order."""
        return [child for child in self.children if child.tag == tag]

    def value(self, tag: str, default: str = "") -> str:
        """The text of a child, read the Moodle way: `<tag><text>...</text></tag>` or `<tag>...`."""
        child = self.find(tag)
        if child is None:
            return default
        inner = child.find("text")
        return (inner.text if inner is not None else child.text).strip()


class _TreeBuilder(ContentHandler):
    """Builds `Element`s from SAX events, noting the line each element starts on."""

    def __init__(self) -> None:
        super().__init__()
        self.locator: Locator | None = None
        self.stack: list[Element] = []
        self.root: Element | None = None

    def line(self) -> int:
        return (self.locator.getLineNumber() or 0) if self.locator is not None else 0

    def setDocumentLocator(self, locator: Locator) -> None:
        self.locator = locator

    def startElement(self, name: str, attrs: AttributesImpl) -> None:
        element = Element(name, {key: attrs[key] for key in attrs.getNames()}, self.line())
        if self.stack:
            self.stack[-1].children.append(element)
        else:
            self.root = element
        self.stack.append(element)

    def endElement(self, name: str) -> None:
        self.stack.pop()

    def characters(self, content: str) -> None:
        if self.stack:
            self.stack[-1].parts.append(content)


def parse_xml(path: Path, data: bytes) -> Element:
    """The root element of an XML file, or InterchangeError saying in one line what is wrong."""
    import defusedxml.sax
    from defusedxml import (
        DefusedXmlException,
        EntitiesForbidden,
        ExternalReferenceForbidden,
    )

    builder = _TreeBuilder()
    try:
        defusedxml.sax.parseString(
            data, builder, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except EntitiesForbidden as error:
        external = error.sysid or error.pubid
        kind = said("xml.kind.external_entity") if external else said("xml.kind.entity")
        where = f"{path}:{builder.line()}"
        raise InterchangeError(
            said("xml.entity", where=where, kind=kind, name=str(error.name))
        ) from None
    except ExternalReferenceForbidden as error:
        where = f"{path}:{builder.line()}"
        raise InterchangeError(said("xml.external", where=where, name=str(error.sysid))) from None
    except DefusedXmlException as error:
        where = f"{path}:{builder.line()}"
        raise InterchangeError(
            said("xml.forbidden", where=where, error=type(error).__name__)
        ) from None
    except SAXParseException as error:
        where = f"{path}:{error.getLineNumber()}:{(error.getColumnNumber() or 0) + 1}"
        raise InterchangeError(
            said("xml.not_well_formed", where=where, error=error.getMessage())
        ) from None
    if builder.root is None:  # pragma: no cover - expat reports an empty document itself
        raise InterchangeError(said("xml.empty", path=str(path)))
    return builder.root
