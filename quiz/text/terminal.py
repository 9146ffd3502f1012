"""Text leaving for a terminal (the command line's output), laid out as the app lays out its own.

Plain Python: no Textual, no Rich. `quiz` commands print Arabic (messages, bank titles, table
cells); a terminal that draws cells as given (xterm, kitty, Alacritty, Windows Terminal, tmux)
shows it backwards and unjoined unless it is laid out first, with the same `--rtl` rules as the
app (quiz.text.rtl.choose_mode):

- "reorder": each line is shaped and put in display order; a line that is wider than the
  terminal is wrapped first (or the terminal's own wrapping would put its end first). In a
  right-to-left interface every line is a right-to-left paragraph, right-aligned, and a table
  (cells apart by box-drawing characters or by two spaces or more) is mirrored: its first column
  on the right, each cell laid out in its own direction and kept at its width, so the columns
  still line up after shaping has made lam-alef one cell. The terminal is switched to explicit
  bidi mode first (quiz.text.rtl.EXPLICIT) and back at the end, as the app does.
- "terminal": the text is left in logical order for a terminal that lays it out itself.

Output that is not a terminal (a pipe, a file) always stays in logical order, so files stay
searchable and `path:line:col:` lines stay parseable. `for_terminal` lays out one text;
`LaidOutStream` wraps sys.stdout and sys.stderr so that everything the commands print, Rich
tables included, goes through it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from quiz.text.reorder import ltr_units, needs_bidi, visual_lines
from quiz.text.rtl import EXPLICIT, IMPLICIT, INVISIBLE_TO_BIDI, Mode, paragraph_direction
from quiz.text.settings import current
from quiz.text.shaping import ARABIC_LETTER, cell_width, shape, wrap_spans

#: Where a terminal's tab stops are.
TAB_STOP = 8

# Styles (SGR) and other control sequences Rich writes on a terminal; a laid-out line keeps the
# styles that open it and closes them, the rest is dropped (they would be reordered with the text).
_CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
_SGR = re.compile(r"\x1b\[[0-9;]*m")
# Between cells: box-drawing characters with their padding, or two spaces or more.
_CELL_GAP = re.compile(r" *[\u2500-\u257f]+ *| {2,}")
_OPTION = re.compile(r"(?<![\w/.-])(?:--?[A-Za-z]|/[\w.])")
_MACHINE_PREFIX = re.compile(r"^\S+?:\d+:\d+: \w+: |^quiz: \w+: ")
_FILE_PREFIX = re.compile(r"^\S+?:\d+:\d+: \w+: ")
# What a message quotes from a file: a key, a choice, a value ('...').
_QUOTED = re.compile(r"'[^']*'")
# An option (`--public-url`) or a quotation in a message.
_NAMED = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*|'[^']*'")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
_BOX = re.compile("[\u2500-\u257f]")
_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# Box-drawing corners and tees with their mirror image, for a mirrored table.
_BOX_MIRROR = str.maketrans(
    "┌┐└┘├┤┏┓┗┛┣┫┍┑┕┙┝┥┎┒┖┚┠┨╔╗╚╝╠╣╒╕╘╛╞╡╓╖╙╜╟╢╭╮╰╯╴╶╸╺┡┩┢┪┞┦┟┧┭┮┵┶┽┾╃╄╅╆╉╊┱┲┹┺",
    "┐┌┘└┤├┓┏┛┗┫┣┑┍┙┕┥┝┒┎┚┖┨┠╗╔╝╚╣╠╕╒╛╘╡╞╖╓╜╙╢╟╮╭╯╰╶╴╺╸┩┡┪┢┦┞┧┟┮┭┶┵┾┽╄╃╆╅╊╉┲┱┺┹",
)


def for_terminal(text: str, *, width: int, rtl: bool, mode: Mode) -> str:
    """`text` as it must be written to a terminal `width` cells wide (see the module's doc).

    `rtl`: whether the interface language is written right to left. In "terminal" mode, and for
    lines with nothing right-to-left in a left-to-right interface, the text is returned as is.
    """
    if mode == "terminal":
        return text
    return "\n".join(
        "\n".join(_lay_out_line(line, max(1, width), rtl)) for line in text.split("\n")
    )


def needs_layout(text: str, rtl: bool) -> bool:
    """Whether a line changes when laid out (every line with text does in an RTL interface)."""
    if rtl:
        return bool(text.strip())
    return needs_bidi(text)


def _lay_out_line(line: str, width: int, rtl: bool) -> list[str]:
    if not needs_layout(line, rtl):
        return [line]
    opening = closing = ""
    if "\x1b" in line:
        # A line styled as a whole (a bold title) keeps its style; styles that change inside a
        # line would be scattered by the reordering, so such a line is written plain.
        head = re.match(f"(?:{_SGR.pattern})+", line)
        tail = re.search(f"(?:{_SGR.pattern})+$", line)
        inner = line[head.end() if head else 0 : tail.start() if tail else len(line)]
        if head and not _CONTROL.search(inner):
            opening, closing = head.group(), "\x1b[0m"
        line = _CONTROL.sub("", line)
    plain = INVISIBLE_TO_BIDI.sub("", _expand_tabs(line))
    # An option's dashes and a path's first slash are neutral: in an Arabic sentence `--lang`
    # would show as `lang--`. A left-to-right mark before them holds them to the name that
    # follows; it is dropped once the line is laid out.
    plain = _OPTION.sub("\u200e\\g<0>", plain)
    return [opening + row.replace("\u200e", "") + closing for row in _rows(plain, width, rtl)]


def _expand_tabs(line: str) -> str:
    """Tabs as spaces to the next tab stop, at least two (so a tab always parts two cells)."""
    if "\t" not in line:
        return line
    out = ""
    for index, part in enumerate(line.split("\t")):
        if index:
            gap = TAB_STOP - cell_width(out) % TAB_STOP
            out += " " * (gap if gap > 1 else gap + TAB_STOP)
        out += part
    return out


def _rows(line: str, width: int, rtl: bool) -> list[str]:
    """One logical line as display rows: a table row mirrored cell by cell, prose wrapped."""
    pieces = _split_cells(line)
    if len(pieces) > 1 or _BOX.search(line):
        # Cells (or an indented line, or a table's border): each at its width, mirrored in RTL.
        shown = [_gap_visual(piece, rtl) if gap else _cell(piece, rtl) for piece, gap in pieces]
        row = "".join(reversed(shown) if rtl else shown)
        if cell_width(row.rstrip(" ")) <= width:
            return [_align(row, width, rtl)]
        # Too wide to keep its columns: wrapped as prose, or the terminal's wrapping would put
        # the end of the row first.
        line = " ".join(piece.strip(" ") or " " for piece, _ in pieces if piece.strip(" "))
    text = line.strip(" ")
    direction = _direction(text, rtl)
    shaped = shape(text) if ARABIC_LETTER.search(text) else text
    spans = wrap_spans(shaped, width)
    # A line of prose is aligned to its own start, as the app aligns a paragraph.
    return [_align(row, width, direction) for row in visual_lines(shaped, spans, direction)]


def _split_cells(line: str) -> list[tuple[str, bool]]:
    """The line cut into cells and the gaps between them: (text, is_gap), in logical order."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in _CELL_GAP.finditer(line):
        if match.start() > position:
            pieces.append((line[position : match.start()], False))
        pieces.append((match.group(), True))
        position = match.end()
    if position < len(line):
        pieces.append((line[position:], False))
    return pieces


def _direction(text: str, rtl: bool) -> bool:
    """A cell's direction. In a left-to-right interface, its first strong letter's (UAX #9). In
    a right-to-left one, its letters' majority, the `path:line:col: error:` or `quiz: error:`
    that opens a message not counted: an Arabic message that starts with an option name is
    Arabic, an English one (a bank's problem) that quotes an Arabic choice is English. A
    problem in a file is Arabic when it has Arabic words outside what it quotes, however many
    keys it lists ('colour' is not a key; the keys are: title, language, ...)."""
    if not rtl:
        return paragraph_direction(text, False)
    body = _MACHINE_PREFIX.sub("", text, count=1)
    if _FILE_PREFIX.match(text):
        return _RTL_LETTER.search(_QUOTED.sub("", body)) is not None
    # What the sentence names rather than says is not counted: a path or a URL (twice in
    # `لا يوجد ملف: questions/oic/ar.yaml؛ افحصه بـ 'quiz check questions/oic/ar.yaml'`), an
    # option, what it quotes.
    for start, end in reversed(ltr_units(body)):
        body = body[:start] + " " + body[end:]
    body = _NAMED.sub(" ", body)
    right = len(_RTL_LETTER.findall(body))
    left = len(_LATIN_LETTER.findall(body))
    return right >= left


def _cell(text: str, rtl: bool) -> str:
    """One cell in display order, as wide as it was (shaping can make a word narrower); its
    padding on the mirrored side in an RTL interface, so a column aligned to its start stays so."""
    lead = len(text) - len(text.lstrip(" "))
    trail = len(text) - len(text.rstrip(" "))
    content = text.strip(" ")
    shaped = shape(content) if ARABIC_LETTER.search(content) else content
    shown = visual_lines(shaped, [(0, len(shaped))], _direction(content, rtl))[0]
    trail += cell_width(content) - cell_width(shown)
    return " " * trail + shown + " " * lead if rtl else " " * lead + shown + " " * trail


def _gap_visual(gap: str, rtl: bool) -> str:
    return gap[::-1].translate(_BOX_MIRROR) if rtl else gap


def _align(row: str, width: int, rtl: bool) -> str:
    """A right-to-left row ends at the right edge (its spaces there are the logical indent, which
    keeps a centred title centred); a left-to-right row's trailing spaces are not written."""
    if rtl and row.strip():
        return " " * max(0, width - cell_width(row)) + row
    return row.rstrip(" ")


# -- the command line's streams ---------------------------------------------------------------


def terminal_width(stream: IO[str]) -> int:
    """The width of the terminal a stream writes to: COLUMNS when set (as Rich and argparse
    read it), else the terminal's own, else 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(stream.fileno()).columns or 80
    except (OSError, ValueError, AttributeError):
        return 80


def is_terminal(stream: IO[str]) -> bool:
    """Whether a stream writes to a terminal."""
    try:
        return bool(stream.isatty())
    except (OSError, ValueError, AttributeError):
        return False


class LaidOutStream:
    """A text stream that lays out each line it is given for the terminal underneath
    (`for_terminal`, with the current settings' language and RTL mode), and passes text through
    untouched when it is not a terminal. Lines are held until their newline (or a flush).

    In reorder mode the terminal is switched to explicit bidi mode before the first line laid
    out, and back by `close_layout()` (quiz.cli.main calls it on every way out).
    """

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.terminal = is_terminal(stream)
        self._pending = ""
        self._explicit = False
        self._logical = 0

    def write(self, text: str) -> int:
        if not self.terminal or self._logical:
            self.stream.write(text)
            return len(text)
        text = self._pending + text
        complete, newline, self._pending = text.rpartition("\n")
        if newline:
            self.stream.write(self._laid_out(complete) + "\n")
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        if self._pending:
            pending, self._pending = self._pending, ""
            self.stream.write(self._laid_out(pending))
        self.stream.flush()

    def _laid_out(self, text: str) -> str:
        settings = current()
        mode, rtl = settings.rtl_mode, settings.rtl
        if mode == "terminal" or not any(needs_layout(line, rtl) for line in text.split("\n")):
            return text
        laid_out = for_terminal(text, width=terminal_width(self.stream), rtl=rtl, mode=mode)
        if not self._explicit:
            # The terminal must not reorder what is already in display order (double bidi).
            self._explicit = True
            return EXPLICIT + laid_out
        return laid_out

    def close_layout(self) -> None:
        """Write what is held, and give the terminal its implicit bidi mode back."""
        self.flush()
        if self._explicit:
            self._explicit = False
            self.stream.write(IMPLICIT)
            self.stream.flush()

    @contextmanager
    def logical(self) -> Iterator[None]:
        """Write in logical order for a block, terminal or not (JSON is data, not prose)."""
        self.flush()
        self._logical += 1
        try:
            yield
        finally:
            self.stream.flush()
            self._logical -= 1

    def __getattr__(self, name: str) -> Any:
        # isatty, fileno, encoding, buffer...: those of the stream underneath.
        return getattr(self.stream, name)
