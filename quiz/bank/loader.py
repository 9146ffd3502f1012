"""Read a bank file strictly: every value is text, every mistake is a line-numbered problem.

YAML is composed into nodes with the base loader (libyaml's when present), so no value is ever
resolved to a boolean, number, date or null and no object is ever constructed. The node tree is
then walked by hand, which is what lets every problem point at its line and column.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from quiz.bank.clean import UNSAFE, clean
from quiz.bank.model import TEXT_FORMATS, Bank, LoadResult, Problem, Question, Severity
from quiz.bank.nodes import short, unsafe_message, value_place
from quiz.bank.questions import (
    CHOICE_KEYS,
    MAX_CHOICES,
    MIN_CHOICES,
    QUESTION_KEYS,
    QuestionReader,
    question_id,
)
from quiz.bank.yaml_loaders import FAST_LOADER, PURE_LOADER
from quiz.collector import gc_paused
from quiz.files import BANK_LIMIT, FileProblem, read_regular
from quiz.text.safe import printable_name
from quiz.text.wording import Wording, said

__all__ = [
    "BANK_KEYS",
    "CHOICE_KEYS",
    "FAST_LOADER",
    "MAX_CHOICES",
    "MIN_CHOICES",
    "PURE_LOADER",
    "QUESTION_KEYS",
    "LoadResult",
    "clean",
    "gc_paused",
    "load_bank",
    "parse_bank",
    "question_id",
]

BANK_KEYS = (
    "title",
    "language",
    "description",
    "source",
    "format",
    "tags",
    "shuffle",
    "questions",
)
MAX_REPORTED_CHARACTERS = 10

_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
# An anchor or alias starts a token: after a blank, a flow indicator, or at the start of a line.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s,\[\]{}]", re.MULTILINE)


class _Refused(Exception):
    """An anchor or alias was found (and reported): the file is not composed."""


def load_bank(path: Path, *, name: str | None = None, loader: type = FAST_LOADER) -> LoadResult:
    """Read and check one bank file; `name` is how messages refer to the file."""
    shown = name if name is not None else printable_name(str(path))
    try:
        # A FIFO, a device or a link loop is refused by type, a huge file by size.
        data = read_regular(path, limit=BANK_LIMIT, what="a bank")
    except FileProblem as problem:
        return LoadResult(path, None, [Problem(shown, 1, 1, Severity.ERROR, problem.wording)])
    return parse_bank(data, path, name=shown, loader=loader)


def parse_bank(
    data: bytes, path: Path, *, name: str | None = None, loader: type = FAST_LOADER
) -> LoadResult:
    """Check the bytes of a bank file and build its bank when there is no error."""
    reader = _Reader(name if name is not None else printable_name(str(path)), loader)
    # The whole read, not just composing: the walk after it makes a Question and its tuples
    # for every node, and collecting as it goes would go over the node tree again and again.
    with gc_paused():
        bank = reader.read(data, path)
    reader.problems.sort(key=lambda p: (p.line, p.column))
    return LoadResult(path, bank, reader.problems, reader.title)


class _Reader(QuestionReader):
    """Reads one file: its bytes, its YAML, then its bank."""

    def __init__(self, name: str, loader: type) -> None:
        super().__init__(name)
        self.loader = loader
        self.title = ""

    # -- the file --------------------------------------------------------------------------------

    def read(self, data: bytes, path: Path) -> Bank | None:
        text = self.decode(data)
        if text is None:
            return None
        text = self.remove_unsafe(text)
        try:
            root = self.compose(text)
        except _Refused:
            return None
        if root is False:
            return None
        if root is None:
            self.at(1, 1, Severity.ERROR, said("problem.empty_file"))
            return None
        return self.bank(root, path)

    def compose(self, text: str) -> Node | Literal[False] | None:
        """The file's node tree (None when empty), or False when it cannot be read (reported)."""
        try:
            return self.parse(text, self.loader)
        except (yaml.YAMLError, RecursionError) as error:
            failure: BaseException = error
        # libyaml words its errors differently and refuses escapes that PyYAML reads (and this
        # loader then reports): PyYAML has the last word, so both loaders agree. Not on deep
        # nesting, which PyYAML scans in quadratic time before it runs out of stack.
        if self.loader is not PURE_LOADER and "nesting depth" not in str(failure):
            try:
                return self.parse(text, PURE_LOADER)
            except yaml.YAMLError as error:
                failure = error
            except RecursionError:
                pass
        self.unreadable(failure, text)
        return False

    def parse(self, text: str, loader: type) -> Node | None:
        """Compose the nodes; an anchor or alias is reported from events, before any composing."""
        if ("&" in text or "*" in text) and _MAYBE_ANCHOR.search(text):
            for event in yaml.parse(text, Loader=loader):
                anchor = getattr(event, "anchor", None)
                if isinstance(event, yaml.AliasEvent) or anchor:
                    if isinstance(event, yaml.AliasEvent):
                        message = said("problem.yaml_alias", name=f"*{anchor}")
                    else:
                        message = said("problem.yaml_anchor", name=f"&{anchor}")
                    self.error(event.start_mark, message)
                    raise _Refused
        return yaml.compose(text, Loader=loader)

    def unreadable(self, failure: BaseException, text: str) -> None:
        """Report why YAML could not read the file, in one line."""
        if isinstance(failure, yaml.MarkedYAMLError):
            self.syntax_error(failure)
        elif isinstance(failure, yaml.reader.ReaderError) and isinstance(failure.character, int):
            start = text.rfind("\n", 0, failure.position) + 1
            line = text.count("\n", 0, failure.position) + 1
            self.at(
                line,
                failure.position - start + 1,
                Severity.ERROR,
                said("problem.yaml_character", code=f"U+{failure.character:04X}"),
            )
        elif isinstance(failure, RecursionError):
            self.at(1, 1, Severity.ERROR, said("problem.too_deep"))
        else:
            detail = " ".join(str(failure).split())
            self.at(1, 1, Severity.ERROR, said("problem.yaml_syntax", detail=detail))

    def decode(self, data: bytes) -> str | None:
        encoding = _wide_encoding(data)
        if encoding is not None and data.startswith(_BOMS):
            self.at(1, 1, Severity.ERROR, said("problem.wide_encoding", encoding=encoding))
            return None
        if b"\x00" in data:
            # Valid UTF-8, but no text file holds NUL: this is UTF-16 or UTF-32 without a BOM.
            nul = data.index(b"\x00")
            self.at(
                data.count(b"\n", 0, nul) + 1,
                1,
                Severity.ERROR,
                said("problem.nul_bytes", encoding=encoding or "UTF-16"),
            )
            return None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            start = data.rfind(b"\n", 0, error.start) + 1
            line = data.count(b"\n", 0, error.start) + 1
            column = len(data[start : error.start].decode("utf-8", "replace")) + 1
            byte = f"0x{data[error.start]:02X}"
            self.at(line, column, Severity.ERROR, said("problem.not_utf8", byte=byte))
            return None

    def remove_unsafe(self, text: str) -> str:
        """Report and drop control and bidi override characters written into the file."""
        if UNSAFE.search(text) is None:
            return text
        found = list(UNSAFE.finditer(text))
        for match in found[:MAX_REPORTED_CHARACTERS]:
            start = text.rfind("\n", 0, match.start()) + 1
            line = text.count("\n", 0, match.start()) + 1
            self.at(line, match.start() - start + 1, Severity.WARNING, unsafe_message(match[0]))
        if len(found) > MAX_REPORTED_CHARACTERS:
            more = len(found) - MAX_REPORTED_CHARACTERS
            self.at(1, 1, Severity.WARNING, said("problem.more_removed", count=more))
        return UNSAFE.sub("", text)

    def syntax_error(self, error: yaml.MarkedYAMLError) -> None:
        mark = error.problem_mark or error.context_mark
        # PyYAML's own words say what it found (they are the same in every language).
        problem: str | Wording = error.problem or said("problem.cannot_be_read")
        if error.context:
            problem = said("problem.yaml_context", problem=problem, context=error.context)
        self.error(mark, _syntax_error(problem, error.problem or ""))

    # -- the bank --------------------------------------------------------------------------------

    def bank(self, root: Node, path: Path) -> Bank | None:
        if not self.tag_ok(root):
            return None
        if not isinstance(root, MappingNode):
            self.error(root, said("problem.bank_not_a_mapping"))
            return None
        fields = self.mapping(root, BANK_KEYS, said("problem.where.bank"))
        title = self.text(fields.get("title"), "title")
        self.title = title or ""
        if "title" not in fields:
            self.error(root, said("problem.no_title"))
        elif title == "":
            self.error(fields["title"][0], said("problem.empty_title"))
        language = "en"
        if "language" in fields:
            language = self.text(fields["language"], "language") or ""
            if not _LANGUAGE.fullmatch(language):
                self.error(
                    value_place(fields["language"]),
                    said("problem.bad_language", language=language),
                )
        description = self.text(fields.get("description"), "description") or ""
        source = self.text(fields.get("source"), "source") or ""
        text_format = self.text_format(fields.get("format"))
        tags = self.tags(fields.get("tags"))
        shuffle = self.flag(fields.get("shuffle"), default=True)
        questions: list[Question] = []
        if "questions" not in fields:
            self.error(root, said("problem.no_questions"))
        else:
            key, node = fields["questions"]
            if not self.tag_ok(node):
                pass
            elif not isinstance(node, SequenceNode):
                self.error(
                    value_place((key, node)),
                    said("problem.questions_not_a_list"),
                )
            elif not node.value:
                self.error(key, said("problem.questions_empty"))
            else:
                questions = self.questions(node, tags, source)
        if self.error_count:
            return None
        return Bank(
            path,
            title or "",
            language,
            description,
            tags,
            tuple(questions),
            shuffle,
            source,
            text_format,
        )

    def text_format(self, entry: tuple[Node, Node] | None) -> str:
        """How the bank's text is written: `plain` (the default) or `markdown`."""
        if entry is None:
            return "plain"
        value = self.text(entry, "format")
        if value in TEXT_FORMATS:
            return value
        if value is not None:
            self.error(value_place(entry), said("problem.bad_format", value=short(value)))
        return "plain"


def _syntax_error(problem: str | Wording, found: str) -> Wording:
    """A YAML syntax error, saying how to fix the mistakes people often make (told by PyYAML's
    words for what it `found`)."""
    if "mapping values are not allowed here" in found:
        return said("problem.yaml_colon_in_text", detail=problem)
    if "that cannot start any token" in found:
        return said("problem.yaml_tab_or_sign", detail=problem)
    if "could not find expected ':'" in found:
        return said("problem.yaml_missing_colon", detail=problem)
    if "but found another document" in found:
        return said("problem.yaml_second_document", detail=problem)
    return said("problem.yaml_syntax", detail=problem)


#: Byte order marks of UTF-32 (checked first: the little-endian one starts as UTF-16's) and
#: UTF-16.
_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"\xff\xfe", b"\xfe\xff")


def _wide_encoding(data: bytes) -> str | None:
    """UTF-32 or UTF-16 when the bytes look like it (by BOM, else by where NULs fall)."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = data[:64]
    if len(head) >= 4 and (head[1:4] == b"\x00\x00\x00" or head[:3] == b"\x00\x00\x00"):
        return "UTF-32"  # ASCII text: one byte and three NULs a character
    return "UTF-16" if b"\x00" in head else None
