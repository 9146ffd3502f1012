"""Anki's text import: a bank as a file of Basic notes, one a question, with Anki's file headers.

The headers (Anki 2.1.55 and newer read them; older versions ask in the import dialog) name the
tab separator, HTML fields, the note type, the deck (the bank's subject and title), the column of
each note's GUID (so importing the file again updates the same notes) and of its tags. The front
holds the question and its lettered choices, the back the right answer(s), the explanation, the
source and each choice's feedback. All text is escaped HTML: no field holds a tab, a line break or
a quote.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial

from quiz.bank.model import Bank, Problem, Question
from quiz.interchange.markup import source_label, starts_right_to_left, xml_safe

LETTERS = "ABCDEFGHIJ"


def _html(text: str) -> str:
    """Plain text as one HTML field: escaped, quotes too, lines as `<br>`, no tab."""
    escaped = html.escape(xml_safe(text), quote=True).replace("\t", " ")
    return "<br>".join(escaped.split("\n"))


def _tag(tag: str) -> str:
    """A tag as Anki writes one: no spaces (they separate tags)."""
    return "_".join(tag.split())


def _header_value(text: str) -> str:
    return " ".join(text.split())


def write(bank: Bank, subject: tuple[str, ...] = ()) -> tuple[str, list[Problem]]:
    """The bank as an Anki text file of Basic notes."""
    deck = "::".join(_header_value(part).replace("::", ":") for part in (*subject, bank.title))
    lines = [
        "#separator:tab",
        "#html:true",
        "#notetype:Basic",
        f"#deck:{deck}",
        "#guid column:1",
        "#tags column:4",
        "#columns:GUID\tFront\tBack\tTags",
    ]
    if bank.tags:
        lines.insert(4, "#tags:" + " ".join(_tag(t) for t in bank.tags))
    # Nothing is lost: a card shows the choices in the order written, which 'shuffle' allows.
    lines += ["\t".join(_note(bank, question)) for question in bank.questions]
    return "\n".join(lines) + "\n", []


def _markdown(text: str, *, within_line: bool = False) -> str:
    """A Markdown bank's text as one HTML field (its rendering, on one line of the file)."""
    from quiz.text.markdown import to_html

    made = to_html(xml_safe(text), within_line=within_line).replace(">\n<", "><")
    # A field is one line of the file (a line break left is one in code: a <br> there), and
    # its quotes would be read as CSV's.
    return made.replace("\t", " ").replace("\n", "<br>").replace('"', "&quot;")


def _note(bank: Bank, question: Question) -> list[str]:
    guid = f"quiz/{bank.path.stem}/{question.id}".replace("\t", " ")
    # A Markdown bank's texts as the HTML their Markdown makes, a plain bank's escaped.
    inline: Callable[[str], str] = _html
    text: Callable[[str], str] = _html
    if bank.markdown:
        inline, text = partial(_markdown, within_line=True), _markdown

    def block(value: str) -> str:
        # Attribute values unquoted, so that no field ever holds a quote (Anki reads one as CSV's).
        opening = "<div dir=rtl>" if starts_right_to_left(value) else "<div>"
        return f"{opening}{text(value)}</div>"

    choices = "".join(f"<li>{inline(choice)}</li>" for choice in question.choices)
    front = f"{block(question.text)}<ol type=A>{choices}</ol>"
    right = [
        f"{LETTERS[index]}. {inline(choice)}"
        for index, choice in enumerate(question.choices)
        if choice in question.answers
    ]
    back = [f"<div><b>{'<br>'.join(right)}</b></div>"]
    if question.explanation:
        back.append(block(question.explanation))
    if question.source:
        label = html.escape(source_label(bank.language), quote=True)
        back.append(f"<div><i>{label}</i>{_html(question.source)}</div>")
    if question.feedback:
        notes = "".join(
            f"<li>{LETTERS[index]}. {text(note)}</li>"
            for index, note in enumerate(question.feedback)
            if note
        )
        back.append(f"<ul>{notes}</ul>")
    tags = " ".join(_tag(tag) for tag in question.tags if tag not in bank.tags)
    return [html.escape(guid, quote=True), front, "".join(back), html.escape(tags, quote=True)]
