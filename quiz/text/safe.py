"""Text that leaves the program: for a terminal never a control code, for a spreadsheet never
a formula.

Whatever comes from a file, a file name, a folder name, a database or the environment is data.
Before it reaches a terminal, the characters that could drive the terminal or reorder what is
around it are neutralised, in one of two ways:

- `visible(text)`, for command-line output, error messages and the HTML report: each such
  character is written as an escape a person can read, `\\x1b`, `\\x07`, `\\x9b` or `\\u202e`.
  A name that holds one shows that it does.
- `on_screen(text)`, for the full-screen interface (every label, heading and notice built from
  data): they are removed, as the loader removes them from bank text; what is left is shown as
  text, so an escape sequence cannot act but its printable rest stays visible.

The characters are the C0 controls but tab and newline (carriage return too: it can overwrite a
line; a CR directly before a newline is kept by `visible`), DEL, the C1 controls (U+0080-U+009F,
among them CSI and OSC), and the bidi embeddings, overrides and isolates (U+202A-U+202E,
U+2066-U+2069). Half a UTF-16 pair (a surrogate: Python reads a file name that is not UTF-8 into
them) can be neither printed nor stored, so both functions write one as an escape: the byte of
a file name as `\\xe9`, any other as `\\udXXX`. `storable(text)` does only that, for text that
goes into SQLite or a UTF-8 file.

Spreadsheets: a CSV cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
read as a formula by Excel, LibreOffice and Google Sheets (`=HYPERLINK(...)`, `+cmd|...`). Every
CSV the program writes goes through `csv_writer`, which puts a single quote before such a cell,
as OWASP recommends ("CSV injection"); `csv_unguard` takes it off again for a reader of our own
files. A cell that already starts with quotes then one of those characters gets one more quote,
so taking one off always gives back the text written.

`GuardedStream` wraps sys.stdout and sys.stderr for the command line, so every print goes
through `visible`; `guarded_console` is a Rich console whose every text segment does (Rich's own
styles pass). Profile names are checked by `profile_name_problem` where one is made.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any

from quiz.text.wording import Wording, said

if TYPE_CHECKING:
    from rich.console import Console

#: Bidi embeddings, overrides and isolates: they reorder the text after them.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
#: The characters escaped by `visible` (a CR before a newline excepted) and removed by `on_screen`.
UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}\ud800-\udfff]")
_UNSAFE_IN_OUTPUT = re.compile(f"\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_ON_SCREEN = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")

#: The longest profile name, in characters.
MAX_PROFILE_NAME = 40


def escape(char: str) -> str:
    """One character as a readable escape: `\\x1b`, `\\u202e`, a file name's byte `\\xe9`."""
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        # A byte that was not UTF-8, kept by the surrogateescape error handler (os.fsdecode).
        return f"\\x{code - 0xDC00:02x}"
    if char in _SHORT:
        return _SHORT[char]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escaped(match: re.Match[str]) -> str:
    return escape(match[0])


def storable(text: str) -> str:
    """Text that SQLite and a UTF-8 file can hold: each surrogate written as an escape."""
    if text.isascii() or _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(_escaped, text)


def visible(text: str) -> str:
    """Text safe to print: every control, bidi control and surrogate as a readable escape."""
    if text.isascii() and text.isprintable():
        return text
    return _UNSAFE_IN_OUTPUT.sub(_escaped, storable(text))


def on_screen(text: str) -> str:
    """Text safe to draw in the full-screen interface: controls and bidi controls removed."""
    if text.isascii() and text.isprintable():
        return text
    return _ON_SCREEN.sub("", storable(text))


_UNPRINTABLE_IN_NAMES = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}\ud800-\udfff]")


def printable_name(name: str) -> str:
    """A file or folder name on one line: every control character (tab and newline too), bidi
    control and undecodable byte written as an escape such as \\x1b or \\xe9."""
    if name.isascii() and name.isprintable():
        return name
    return _UNPRINTABLE_IN_NAMES.sub(_escaped, name)


def profile_name_problem(name: str) -> Wording | None:
    """Why a profile name cannot be used, in one line, or None when it can.

    A profile name is shown to the next student and printed in a teacher's report: it holds no
    control character, no bidi control or mark, no line separator, and at most
    MAX_PROFILE_NAME characters.
    """
    rule = said("profile_name.rule", most=MAX_PROFILE_NAME)
    if not name.strip():
        return said("profile_name.empty", rule=rule)
    bad = next((c for c in name if _not_in_names(c)), None)
    if bad is not None:
        return said("profile_name.holds", char=_describe(bad), rule=rule)
    if len(name) > MAX_PROFILE_NAME:
        return said("profile_name.too_long", count=len(name), rule=rule)
    return None


def _not_in_names(char: str) -> bool:
    if char == " ":
        return False
    category = unicodedata.category(char)
    # Cc controls, Cs surrogates, Zl/Zp separators, other blanks (tab...), and the bidi marks
    # and controls (LRM, RLM, ALM and the embeddings): Cf, but ZWNJ and ZWJ, which Persian and
    # Arabic names may need.
    if category in ("Cc", "Cs", "Co", "Zl", "Zp") or (char.isspace() and category != "Zs"):
        return True
    return category == "Cf" and char not in "\u200c\u200d"


def _describe(char: str) -> str:
    name = unicodedata.name(char, "") if not "\ud800" <= char <= "\udfff" else ""
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def clean_profile_name(name: str) -> str:
    """A profile name with its runs of spaces made one; ValueError (one line) if it is bad."""
    problem = profile_name_problem(name.strip(" "))
    if problem:
        raise ValueError(problem)
    return unicodedata.normalize("NFC", " ".join(name.split()))


class GuardedStream:
    """A text stream that writes everything through `visible` (sys.stdout and sys.stderr).

    A carriage return at the end of one write is held until the next: a CR then newline is a
    line end, a CR then anything else would overwrite the line, and is written as `\\r`.
    `unguarded` is the stream itself, for Rich, which escapes the text it is given through
    `guarded_console` and writes its own styles.
    """

    def __init__(self, stream: IO[str]) -> None:
        self.unguarded: IO[str] = stream
        self._held_cr = False

    def write(self, text: str) -> int:
        """Write text with every unsafe character as an escape; return len(text)."""
        if self._held_cr:
            self._held_cr = False
            text = "\r" + text
        if text.endswith("\r"):
            self._held_cr = True
            text = text[:-1]
        self.unguarded.write(visible(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        if self._held_cr:
            self._held_cr = False
            self.unguarded.write("\\r")
        self.unguarded.flush()

    def __getattr__(self, name: str) -> Any:
        # isatty, fileno, encoding, buffer...: those of the stream underneath.
        return getattr(self.unguarded, name)


def unguarded(stream: IO[str]) -> IO[str]:
    """The stream under a GuardedStream (or the stream itself)."""
    return stream.unguarded if isinstance(stream, GuardedStream) else stream


def guarded_console(stream: IO[str], **options: Any) -> Console:
    """A Rich console on a stream whose every text segment is made `visible` before it is styled.

    Rich strips BEL and backspace but not ESC, C1 controls or bidi overrides; its own styles and
    cursor codes are control segments and pass.
    """
    from rich.console import Console, ConsoleRenderable, RenderHook, RichCast
    from rich.segment import Segment

    class _Visible:
        """A renderable drawn by another, with its text segments made visible."""

        def __init__(self, inner: ConsoleRenderable | RichCast | str) -> None:
            self.inner = inner

        def __rich_console__(self, console: Console, options: Any) -> Any:
            for segment in console.render(self.inner, options):
                if segment.control or (segment.text.isascii() and segment.text.isprintable()):
                    yield segment
                else:
                    yield Segment(visible(segment.text), segment.style)

    class _Guard(RenderHook):
        def process_renderables(self, renderables: list[Any]) -> list[Any]:
            return [_Visible(r) for r in renderables]

    console = Console(file=unguarded(stream), **options)
    console.push_render_hook(_Guard())
    return console


_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f{BIDI_CONTROLS}\ud800-\udfff]")


def json_text(data: object, **options: Any) -> str:
    """JSON for a terminal, Arabic kept readable: controls and bidi controls as \\uXXXX escapes.

    json.dumps escapes C0 controls itself; with ensure_ascii=False it writes DEL, C1 controls,
    bidi controls and surrogates as they are. Outside strings JSON holds none of them, so the
    escapes always fall inside a string, where they read back as the same characters.
    """
    import json

    text = json.dumps(data, ensure_ascii=False, **options)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


# -- spreadsheets ----------------------------------------------------------------------------------

#: What makes a spreadsheet read a cell as a formula, after any single quotes guarding it.
_FORMULA = re.compile("'*[=+\\-@\t\r]")
_GUARDED = re.compile("'+[=+\\-@\t\r]")


def csv_guard(cell: str) -> str:
    """A cell a spreadsheet shows as text: a single quote before a formula's first character."""
    return "'" + cell if cell and _FORMULA.match(cell) else cell


def csv_unguard(cell: str) -> str:
    """The text of a cell `csv_guard` wrote (a cell it left alone comes back as it is)."""
    return cell[1:] if cell and _GUARDED.match(cell) else cell


class _GuardedWriter:
    """A csv writer whose every cell goes through csv_guard."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def writerow(self, row: Iterable[object]) -> Any:
        return self._writer.writerow([csv_guard(c) if isinstance(c, str) else c for c in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(stream: IO[str], **options: Any) -> _GuardedWriter:
    """A csv.writer for a file a spreadsheet may open: no cell is ever read as a formula."""
    import csv

    return _GuardedWriter(csv.writer(stream, **options))
