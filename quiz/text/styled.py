"""Lay out styled runs of bank text (Markdown prose) as `quiz.text.rtl.layout` lays out plain
text, with each style kept on its own characters through shaping, wrapping and reordering.

Plain Python: no Textual, no Rich. Each row says which of its cells have which styles, as
(start, end, styles) spans over the row's text in display order; `quiz.ui.markdown_view`
turns the names into the theme's styles. Inline code ("code") is never shaped, and its
characters keep their left-to-right order inside a right-to-left paragraph.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from quiz.text.markdown import Run
from quiz.text.reorder import visual_orders
from quiz.text.rtl import (
    INVISIBLE_TO_BIDI,
    TAB_SIZE,
    Mode,
    _has_rtl_letter,
    _prefix_visual,
    layout,
    paragraph_direction,
)
from quiz.text.shaping import ARABIC_LETTER, ARABIC_ZWJ, _shape_word, cell_width, wrap_spans

Spans = tuple[tuple[int, int, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class StyledLine:
    """One laid-out row: `text` left to right, `prefix` as in `quiz.text.rtl.Line`, and the
    styles of its characters as (start, end, styles) offsets into `text`."""

    text: str
    rtl: bool
    prefix: tuple[int, int] = (0, 0)
    spans: Spans = ()


def _characters(runs: tuple[Run, ...]) -> tuple[str, list[tuple[str, ...]], list[bool]]:
    """The runs' text, cleaned as `layout` cleans text, each character's styles, and whether it
    is code kept as written: inline code without a right-to-left letter (`print(1 + 2)`; an
    Arabic word in backticks is laid out as the words around it are)."""
    text: list[str] = []
    styles: list[tuple[str, ...]] = []
    code: list[bool] = []
    for run in runs:
        piece = run.text
        if not piece.isascii():
            piece = unicodedata.normalize("NFC", piece)
        piece = piece.replace("\r", "").replace("\u2029", "\n").expandtabs(TAB_SIZE)
        text.append(piece)
        styles.extend([run.styles] * len(piece))
        code.extend([("code" in run.styles) and not _has_rtl_letter(piece)] * len(piece))
    return "".join(text), styles, code


def _shaped(text: str, code: list[bool]) -> tuple[str, list[int]]:
    """The paragraph with its Arabic words joined (code left as written), and for each
    character shaped the offset of the one it came from."""
    if not text:
        return "", []
    out: list[str] = []
    source: list[int] = []
    start = 0
    # Words (between spaces) split further where code starts or ends: code is never shaped.
    for end in [*range(1, len(text)), len(text)]:
        inside = end < len(text) and text[end] != " " and text[end - 1] != " "
        if inside and code[end] == code[end - 1]:
            continue
        word = text[start:end]
        if code[start] or not ARABIC_LETTER.search(word):
            out.append(word)
            source.extend(range(start, end))
        else:
            shaped = _shape_word(word)
            out.append(shaped)
            source.extend(_shaped_sources(word, shaped, start))
        start = end
    return "".join(out), source


def _shaped_sources(word: str, shaped: str, start: int) -> list[int]:
    """For each character of a shaped word, the offset of the letter it came from (a lam-alef
    ligature comes from its lam)."""
    if len(shaped) == len(word):
        return list(range(start, start + len(word)))
    sources: list[int] = []
    for length in range(1, len(word) + 1):
        made = len(_shape_word(word[:length]))
        sources.extend([start + length - 1] * max(0, made - len(sources)))
    sources.extend([start + len(word) - 1] * (len(shaped) - len(sources)))
    return sources[: len(shaped)]


def _spans(styles: list[tuple[str, ...]], offset: int = 0) -> Spans:
    """Runs of equal styles as (start, end, styles), the unstyled left out."""
    spans: list[tuple[int, int, tuple[str, ...]]] = []
    start = 0
    for at in range(1, len(styles) + 1):
        if at == len(styles) or styles[at] != styles[start]:
            if styles[start]:
                spans.append((offset + start, offset + at, styles[start]))
            start = at
    return tuple(spans)


@lru_cache(maxsize=2048)
def layout_runs(
    runs: tuple[Run, ...],
    width: int,
    *,
    rtl_default: bool,
    mode: Mode,
    prefix: str = "",
) -> tuple[StyledLine, ...]:
    """Lay out styled runs for a box `width` cells wide, as `layout` lays out their text.

    Paragraphs are split on newlines (a hard line break); `prefix` (a list item's bullet, a
    choice's label) starts the first row, in reading order, and indents the rest.
    """
    text, styles, code_at = _characters(runs)
    if not any(styles):
        return tuple(
            StyledLine(line.text, line.rtl, line.prefix)
            for line in layout(text, width, rtl_default=rtl_default, mode=mode, prefix=prefix)
        )
    prefix = " ".join(prefix.split("\n"))
    hang = cell_width(prefix)
    lines: list[StyledLine] = []
    offset = 0
    for number, paragraph in enumerate(text.split("\n")):
        own = styles[offset : offset + len(paragraph)]
        kept_code = code_at[offset : offset + len(paragraph)]
        offset += len(paragraph) + 1
        rtl = paragraph_direction(paragraph, rtl_default)
        keep = [at for at, char in enumerate(paragraph) if not _dropped(char, mode, paragraph, at)]
        paragraph = "".join(paragraph[at] for at in keep)
        own = [own[at] for at in keep]
        code = [kept_code[at] for at in keep]
        if mode == "terminal":
            rows = [
                (paragraph[start:end], list(range(start, end)))
                for start, end in wrap_spans(paragraph, width - hang)
            ]
            source = list(range(len(paragraph)))
        else:
            shaped, source = (
                _shaped(paragraph, code)
                if rtl or ARABIC_LETTER.search(paragraph)
                else (paragraph, list(range(len(paragraph))))
            )
            ltr = frozenset(at for at, origin in enumerate(source) if code[origin])
            rows = visual_orders(shaped, wrap_spans(shaped, width - hang), rtl, ltr)
        for row_number, (row, order) in enumerate(rows):
            row_styles = [own[source[at]] for at in order]
            lead = prefix if number == 0 and row_number == 0 else " " * hang
            lines.append(_with_lead(row, row_styles, lead, rtl, mode))
    return tuple(lines)


def _dropped(char: str, mode: Mode, paragraph: str, at: int) -> bool:
    """Whether a character never reaches the screen: what bidi removes (reorder mode), or a
    joiner beside an Arabic letter (terminal mode), as `layout` does."""
    if mode == "terminal":
        return char == "\u200d" and ARABIC_ZWJ.match(paragraph, at) is not None
    return INVISIBLE_TO_BIDI.match(char) is not None


def _with_lead(
    row: str, styles: list[tuple[str, ...]], lead: str, rtl: bool, mode: Mode
) -> StyledLine:
    """A row with its prefix (or hanging indent) at its start in reading order."""
    if not lead:
        return StyledLine(row, rtl, (0, 0), _spans(styles))
    if mode == "terminal":
        if rtl and not lead.strip():
            return StyledLine(row + lead, rtl, (len(row), len(row) + len(lead)), _spans(styles))
        return StyledLine(lead + row, rtl, (0, len(lead)), _spans(styles, len(lead)))
    shown = _prefix_visual(lead, rtl)
    if rtl:
        return StyledLine(row + shown, rtl, (len(row), len(row) + len(shown)), _spans(styles))
    return StyledLine(shown + row, rtl, (0, len(shown)), _spans(styles, len(shown)))
