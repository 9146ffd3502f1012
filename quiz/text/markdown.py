"""The Markdown of a `format: markdown` bank, read into plain blocks and styled runs of text.

Plain Python: no Textual, no Rich. markdown-it-py reads the text (CommonMark, HTML off, tables
off, strikethrough on) and the tokens become `Prose` and `Code` blocks of `Run`s: text and the
names of its styles ("strong", "em", "strike", "code", "url"), which the interface maps to its
own. Nothing is ever markup: a link is its text and its address as text, an image its
description, HTML its characters. markdown-it is imported when the first Markdown is read, so a
plain bank costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from quiz.text.safe import on_screen

#: The styles a run may have.
STYLES = ("strong", "em", "strike", "code", "url")


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text with its styles (a sorted tuple of names from STYLES)."""

    text: str
    styles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Prose:
    """A paragraph (or a list item's paragraph): runs to wrap and lay out in their direction.

    `marker` is the list item's bullet or number ("• ", "1. "), `indent` the cells its
    enclosing lists take before it; `gap` whether a blank row comes before it.
    """

    runs: tuple[Run, ...]
    indent: int = 0
    marker: str = ""
    gap: bool = False

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True, slots=True)
class Code:
    """A code block: left to right, never reshaped; `language` as written after the fence."""

    text: str
    language: str = ""
    indent: int = 0
    gap: bool = False


Block = Prose | Code


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    # Struck text is read; everything else is CommonMark's core, HTML shown as written.
    return parser.enable("strikethrough")


def _safe(text: str) -> str:
    # An entity such as &#27; becomes a control character: never one on the screen.
    return on_screen(text)


@lru_cache(maxsize=2048)
def blocks(text: str) -> tuple[Block, ...]:
    """The blocks of a Markdown text, in order."""
    return tuple(_Blocks().read(_parser().parse(text)))


@lru_cache(maxsize=4096)
def inline(text: str) -> tuple[Run, ...]:
    """The runs of a text read as Markdown within a line (a choice): no lists, no blocks."""
    tokens = _parser().parseInline(text)
    return _runs(tokens[0].children or []) if tokens else ()


def plain(text: str, *, block: bool = True) -> str:
    """The words of a Markdown text without its marks: a list item keeps its bullet."""
    if not block:
        return "".join(run.text for run in inline(text))
    rows = []
    for item in blocks(text):
        if isinstance(item, Prose):
            rows.append(" " * item.indent + item.marker + item.text)
        else:
            rows.append(item.text)
    return "\n".join(rows)


class _Blocks:
    """Turns a token stream into blocks, keeping track of the lists it is in."""

    def __init__(self) -> None:
        self.out: list[Block] = []
        #: The lists the reader is in: [next number or None for bullets, marker width, tight].
        self.lists: list[list[Any]] = []
        self.marker = ""
        #: Where the outermost list began in `out`.
        self.list_start = 0

    @property
    def indent(self) -> int:
        return sum(entry[1] for entry in self.lists)

    def gap(self) -> bool:
        """Whether a blank row goes before the next block: not between a tight list's items."""
        if not self.out:
            return False
        return not (self.lists and self.lists[-1][2] and len(self.out) > self.list_start)

    def read(self, tokens: list[Any]) -> list[Block]:
        for at, token in enumerate(tokens):
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                start = token.attrs.get("start", 1) if kind == "ordered_list_open" else None
                if not self.lists:
                    self.list_start = len(self.out)
                self.lists.append([start, 0, _tight(tokens, at)])
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "list_item_open":
                entry = self.lists[-1]
                entry[1] = 0  # the marker's width counts once it is placed
                if entry[0] is None:
                    self.marker = "• " if len(self.lists) % 2 else "◦ "
                else:
                    self.marker = f"{entry[0]}. "
                    entry[0] = int(entry[0]) + 1
            elif kind == "inline":
                self.prose(_runs(token.children or []))
            elif kind in ("fence", "code_block"):
                self.place_marker()
                language = (token.info or "").strip().split(" ")[0] if kind == "fence" else ""
                code = _safe(token.content.rstrip("\n"))
                self.out.append(Code(code, _safe(language), self.indent, self.gap()))
            elif kind == "hr":
                self.prose((Run("───"),))
        return self.out

    def place_marker(self) -> str:
        """The pending list marker (its width now indents what follows in the item), or ""."""
        marker, self.marker = self.marker, ""
        if marker:
            self.lists[-1][1] = len(marker)
        return marker

    def prose(self, runs: tuple[Run, ...]) -> None:
        gap, indent = self.gap(), self.indent
        self.out.append(Prose(runs, indent, self.place_marker(), gap))


def _tight(tokens: list[Any], at: int) -> bool:
    """Whether the list opened at `at` is tight (its paragraphs hidden)."""
    for token in tokens[at + 1 :]:
        if token.type == "paragraph_open":
            return bool(token.hidden)
    return True


_STYLE_OF = {"strong": "strong", "em": "em", "s": "strike"}


def _runs(children: list[Any]) -> tuple[Run, ...]:
    """The runs of an inline token's children."""
    runs: list[Run] = []
    styles: list[str] = []
    links: list[str] = []

    def add(text: str, extra: tuple[str, ...] = ()) -> None:
        text = _safe(text)
        if not text:
            return
        names = tuple(sorted(set(styles) | set(extra)))
        if runs and runs[-1].styles == names:
            runs[-1] = Run(runs[-1].text + text, names)
        else:
            runs.append(Run(text, names))

    for child in children:
        kind = child.type
        if kind == "text":
            add(child.content)
        elif kind == "code_inline":
            add(child.content, ("code",))
        elif kind == "softbreak":
            add(" ")
        elif kind == "hardbreak":
            add("\n")
        elif kind.endswith("_open") and kind[:-5] in _STYLE_OF:
            styles.append(_STYLE_OF[kind[:-5]])
        elif kind.endswith("_close") and kind[:-6] in _STYLE_OF:
            name = _STYLE_OF[kind[:-6]]
            if name in styles:
                styles.remove(name)
        elif kind == "link_open":
            links.append(str(child.attrs.get("href", "")))
        elif kind == "link_close":
            href = links.pop() if links else ""
            shown = runs[-1].text if runs else ""
            # An autolink shows its address once; a link its text, then the address as text.
            if href and not shown.endswith(href.removeprefix("mailto:")):
                add(" (")
                add(href, ("url",))
                add(")")
        elif kind in ("image", "html_inline", "html_block"):
            # An image is its description; HTML the characters written.
            add(child.content)
    return tuple(runs)


def to_html(text: str, *, within_line: bool = False) -> str:
    """A Markdown text as HTML for an export (a Moodle feedback, an Anki card): CommonMark's own
    rendering with HTML off, so a tag written in the text is escaped and a `javascript:` link
    is no link. `within_line`: a choice, as HTML to put inside an element."""
    if within_line:
        return str(_parser().renderInline(text)).strip()
    return str(_parser().render(text)).strip()
