"""Read a bank file strictly: every value is text, every mistake is a line-numbered problem.

YAML is composed into nodes with the base loader (libyaml's when present), so no value is ever
resolved to a boolean, number, date or null and no object is ever constructed. The node tree is
then walked by hand, which is what lets every problem point at its line and column.
"""

from __future__ import annotations

import difflib
import gc
import hashlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from quiz.bank.clean import (
    DEFAULT_IGNORABLE,
    UNSAFE,
    UNSAFE_IN_VALUE,
    clean,
    describe,
    is_bidi_control,
    looks,
    strip_unsafe,
)
from quiz.bank.model import Bank, LoadResult, Problem, Question, Severity
from quiz.files import BANK_LIMIT, FileProblem, read_regular
from quiz.text.safe import printable_name


class _PureLoader(yaml.BaseLoader):
    """PyYAML's pure-Python base loader, reading tabs and '?' where libyaml does.

    PyYAML refuses every tab outside quotes and block scalars; libyaml reads one between tokens
    (`answer: Paris<TAB>`) and inside plain text as a blank, and refuses it only as indentation.
    PyYAML ends plain text at '?' inside [ ] and { }; libyaml reads `[Why?, How?]`. Without these
    changes the two loaders would disagree on files that teachers commonly write.
    """

    _BREAKS = "\r\n\x85\u2028\u2029"
    _END = "\0 \t\r\n\x85\u2028\u2029"

    def scan_to_next_token(self) -> None:
        while True:
            super().scan_to_next_token()
            # Where no key can start (after a key's ':', a value, or in [ ] and { }) a tab is blank.
            if self.peek() != "\t" or not (self.flow_level or not self.allow_simple_key):
                return
            while self.peek() == "\t":
                self.forward()

    def scan_plain(self) -> yaml.ScalarToken:
        # PyYAML's own method, with '?' allowed inside plain text in [ ] and { } (`[Why?, How?]`),
        # and ':' then '?' ending it there, as in libyaml.
        chunks: list[str] = []
        start_mark = self.get_mark()
        end_mark = start_mark
        indent = self.indent + 1
        spaces: list[str] | None = []
        while True:
            length = 0
            if self.peek() == "#":
                break
            while True:
                char = self.peek(length)
                if (
                    char in self._END
                    or (
                        char == ":"
                        and self.peek(length + 1)
                        in self._END + (",?[]{}" if self.flow_level else "")
                    )
                    or (self.flow_level and char in ",[]{}")
                ):
                    break
                length += 1
            if length == 0:
                break
            self.allow_simple_key = False
            chunks.extend(spaces or [])
            chunks.append(self.prefix(length))
            self.forward(length)
            end_mark = self.get_mark()
            spaces = self.scan_plain_spaces(indent, start_mark)
            if not spaces or self.peek() == "#" or (not self.flow_level and self.column < indent):
                break
        return yaml.ScalarToken("".join(chunks), True, start_mark, end_mark)

    def scan_tag(self) -> yaml.TagToken:
        # PyYAML's own method, ending a tag at a tab too, and at ',' in [ ] and { }, as libyaml
        # does; the tag is refused later all the same, but at the same place with either loader.
        start_mark = self.get_mark()
        if self.peek(1) == "<":
            self.forward(2)
            handle = None
            suffix = self.scan_tag_uri("tag", start_mark, verbatim=True)
            if self.peek() != ">":
                raise yaml.scanner.ScannerError(
                    "while parsing a tag",
                    start_mark,
                    f"expected '>', but found {self.peek()!r}",
                    self.get_mark(),
                )
            self.forward()
        elif self.peek(1) in self._END:
            handle, suffix = None, "!"
            self.forward()
        else:
            length = 1
            while self.peek(length) not in self._END and self.peek(length) != "!":
                length += 1
            if self.peek(length) == "!":
                handle = self.scan_tag_handle("tag", start_mark)
            else:
                handle = "!"
                self.forward()
            suffix = self.scan_tag_uri("tag", start_mark)
        if self.peek() not in self._END and not (self.flow_level and self.peek() == ","):
            raise yaml.scanner.ScannerError(
                "while scanning a tag",
                start_mark,
                f"expected ' ', but found {self.peek()!r}",
                self.get_mark(),
            )
        return yaml.TagToken((handle, suffix), start_mark, self.get_mark())

    def scan_tag_uri(self, name: str, start_mark: yaml.Mark, *, verbatim: bool = False) -> str:
        # PyYAML's own method; outside `!<...>` and %TAG, a tag ends at ',', '[' and ']'.
        allowed = "-;/?:@&=+$_.!~*'()%" + (",[]" if verbatim or name != "tag" else "")
        chunks: list[str] = []
        length = 0
        char = self.peek(length)
        while char.isascii() and (char.isalnum() or char in allowed):
            if char == "%":
                chunks.append(self.prefix(length))
                self.forward(length)
                length = 0
                chunks.append(self.scan_uri_escapes(name, start_mark))
            else:
                length += 1
            char = self.peek(length)
        if length:
            chunks.append(self.prefix(length))
            self.forward(length)
        if not chunks:
            raise yaml.scanner.ScannerError(
                f"while parsing a {name}",
                start_mark,
                f"expected URI, but found {char!r}",
                self.get_mark(),
            )
        return "".join(chunks)

    def scan_block_scalar_indicators(self, start_mark: yaml.Mark) -> tuple[bool | None, int | None]:
        # PyYAML's own method, with a tab allowed after `|` or `>` and their indicators.
        chomping: bool | None = None
        increment: int | None = None
        for _ in range(2):
            char = self.peek()
            if char in "+-" and chomping is None:
                chomping = char == "+"
            elif char in "0123456789" and increment is None:
                if char == "0":
                    raise yaml.scanner.ScannerError(
                        "while scanning a block scalar",
                        start_mark,
                        "expected indentation indicator in the range 1-9, but found 0",
                        self.get_mark(),
                    )
                increment = int(char)
            else:
                break
            self.forward()
        if self.peek() not in self._END + "#":  # libyaml reads `|#...` as a comment
            raise yaml.scanner.ScannerError(
                "while scanning a block scalar",
                start_mark,
                f"expected chomping or indentation indicators, but found {self.peek()!r}",
                self.get_mark(),
            )
        return chomping, increment

    def scan_block_scalar_ignored_line(self, start_mark: yaml.Mark) -> None:
        while self.peek() in " \t":
            self.forward()
        super().scan_block_scalar_ignored_line(start_mark)

    def scan_plain_spaces(self, indent: int, start_mark: yaml.Mark) -> list[str] | None:
        # PyYAML's own method, with tabs read as blanks between words and after indentation.
        chunks: list[str] = []
        length = 0
        while self.peek(length) in " \t":
            length += 1
        whitespaces = self.prefix(length)
        self.forward(length)
        if self.peek() in self._BREAKS:
            line_break = self.scan_line_break()
            self.allow_simple_key = True
            if self.prefix(3) in ("---", "...") and self.peek(3) in self._END:
                return None
            breaks = []
            while self.peek() in " \t" + self._BREAKS:
                if self.peek() == " ":
                    self.forward()
                elif self.peek() == "\t":
                    if self.column < indent:
                        raise yaml.scanner.ScannerError(
                            "while scanning a plain scalar",
                            start_mark,
                            "found a tab character that violates indentation",
                            self.get_mark(),
                        )
                    self.forward()
                else:
                    breaks.append(self.scan_line_break())
                    if self.prefix(3) in ("---", "...") and self.peek(3) in self._END:
                        return None
            if line_break != "\n":
                chunks.append(line_break)
            elif not breaks:
                chunks.append(" ")
            chunks.extend(breaks)
        elif whitespaces:
            chunks.append(whitespaces)
        return chunks


_DEFAULT_TAG = {
    ScalarNode: "tag:yaml.org,2002:str",
    SequenceNode: "tag:yaml.org,2002:seq",
    MappingNode: "tag:yaml.org,2002:map",
}

if hasattr(yaml, "CBaseLoader"):

    class _FastLoader(yaml.CBaseLoader):  # type: ignore[misc, name-defined]
        """libyaml's base loader, with the resolver's per-node calls cut to what they return.

        The base resolver has no implicit or path resolvers, so every node gets its kind's
        default tag; answering that directly saves a third of the time spent composing.
        """

        def resolve(self, kind: type, value: object, implicit: object) -> str:
            return _DEFAULT_TAG[kind]

        def descend_resolver(self, current_node: object, current_index: object) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass


#: The loader used by default: libyaml's when PyYAML was built with it.
FAST_LOADER: type = _FastLoader if hasattr(yaml, "CBaseLoader") else _PureLoader
PURE_LOADER: type = _PureLoader

BANK_KEYS = ("title", "language", "description", "source", "tags", "shuffle", "questions")
QUESTION_KEYS = (
    "question",
    "choices",
    "answer",
    "explanation",
    "source",
    "id",
    "tags",
    "shuffle",
)
CHOICE_KEYS = ("text", "feedback")
MIN_CHOICES, MAX_CHOICES = 2, 10
MAX_REPORTED_CHARACTERS = 10

_STR_TAG = "tag:yaml.org,2002:str"
_DEFAULT_TAGS = frozenset({_STR_TAG, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"})
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_ID = re.compile(r"[^\s\x00-\x1f]{1,200}")
# An anchor or alias starts a token: after a blank, a flow indicator, or at the start of a line.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s,\[\]{}]", re.MULTILINE)
# Half of a UTF-16 pair: PyYAML reads "\ud800" into one, which no file or terminal can hold.
_SURROGATE = re.compile("[\ud800-\udfff]")


class _Refused(Exception):
    """An anchor or alias was found (and reported): the file is not composed."""


def question_id(text: str) -> str:
    """The id a question gets when its file gives none: derived from its text."""
    return "q-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def load_bank(path: Path, *, name: str | None = None, loader: type = FAST_LOADER) -> LoadResult:
    """Read and check one bank file; `name` is how messages refer to the file."""
    shown = name if name is not None else printable_name(str(path))
    try:
        # A FIFO, a device or a link loop is refused by type, a huge file by size.
        data = read_regular(path, limit=BANK_LIMIT, what="a bank")
    except FileProblem as problem:
        return LoadResult(path, None, [Problem(shown, 1, 1, Severity.ERROR, str(problem))])
    return parse_bank(data, path, name=shown, loader=loader)


def parse_bank(
    data: bytes, path: Path, *, name: str | None = None, loader: type = FAST_LOADER
) -> LoadResult:
    """Check the bytes of a bank file and build its bank when there is no error."""
    reader = _Reader(name if name is not None else printable_name(str(path)), loader)
    bank = reader.read(data, path)
    reader.problems.sort(key=lambda p: (p.line, p.column))
    return LoadResult(path, bank, reader.problems, reader.title)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: composing makes many objects and no cycles worth it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Reader:
    """Walks one file's nodes, collecting problems."""

    def __init__(self, name: str, loader: type) -> None:
        self.name = name
        self.loader = loader
        self.problems: list[Problem] = []
        self.title = ""
        self.error_count = 0

    # -- reporting -------------------------------------------------------------------------------

    def error(self, node_or_mark: object, message: str) -> None:
        self.error_count += 1
        self._add(node_or_mark, Severity.ERROR, message)

    def warning(self, node_or_mark: object, message: str) -> None:
        self._add(node_or_mark, Severity.WARNING, message)

    def _add(self, where: object, severity: Severity, message: str) -> None:
        mark = getattr(where, "start_mark", where)
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        self.problems.append(Problem(self.name, line, column, severity, _printable(message)))

    def at(self, line: int, column: int, severity: Severity, message: str) -> None:
        if severity is Severity.ERROR:
            self.error_count += 1
        self.problems.append(Problem(self.name, line, column, severity, _printable(message)))

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
            self.at(1, 1, Severity.ERROR, "the file is empty; a bank needs 'title' and 'questions'")
            return None
        return self.bank(root, path)

    def compose(self, text: str) -> Node | bool | None:
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
                if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                    kind = "alias" if isinstance(event, yaml.AliasEvent) else "anchor"
                    sigil = "*" if kind == "alias" else "&"
                    self.error(
                        event.start_mark,
                        f"YAML {kind} '{sigil}{event.anchor}' is not allowed; "
                        "write the text out in full where it is used",
                    )
                    raise _Refused
        with gc_paused():
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
                f"character U+{failure.character:04X} is not allowed in a YAML file; remove it",
            )
        elif isinstance(failure, RecursionError):
            self.at(
                1,
                1,
                Severity.ERROR,
                "lists or mappings are nested too deeply; a bank needs only a few levels",
            )
        else:
            self.at(1, 1, Severity.ERROR, f"YAML syntax error: {' '.join(str(failure).split())}")

    def decode(self, data: bytes) -> str | None:
        encoding = _wide_encoding(data)
        if encoding is not None and data.startswith(_BOMS):
            self.at(1, 1, Severity.ERROR, f"the file is {encoding}; save it as UTF-8")
            return None
        if b"\x00" in data:
            # Valid UTF-8, but no text file holds NUL: this is UTF-16 or UTF-32 without a BOM.
            nul = data.index(b"\x00")
            self.at(
                data.count(b"\n", 0, nul) + 1,
                1,
                Severity.ERROR,
                f"the file holds NUL bytes, so it is not UTF-8 text ({encoding or 'UTF-16'}?); "
                "save it as UTF-8",
            )
            return None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            start = data.rfind(b"\n", 0, error.start) + 1
            line = data.count(b"\n", 0, error.start) + 1
            column = len(data[start : error.start].decode("utf-8", "replace")) + 1
            byte = data[error.start]
            self.at(
                line,
                column,
                Severity.ERROR,
                f"the file is not UTF-8 (byte 0x{byte:02X} cannot be read); "
                "save it as UTF-8 in your editor",
            )
            return None

    def remove_unsafe(self, text: str) -> str:
        """Report and drop control and bidi override characters written into the file."""
        if UNSAFE.search(text) is None:
            return text
        found = list(UNSAFE.finditer(text))
        for match in found[:MAX_REPORTED_CHARACTERS]:
            start = text.rfind("\n", 0, match.start()) + 1
            line = text.count("\n", 0, match.start()) + 1
            self.at(line, match.start() - start + 1, Severity.WARNING, _unsafe_message(match[0]))
        if len(found) > MAX_REPORTED_CHARACTERS:
            more = len(found) - MAX_REPORTED_CHARACTERS
            self.at(1, 1, Severity.WARNING, f"{more} more such characters removed")
        return UNSAFE.sub("", text)

    def syntax_error(self, error: yaml.MarkedYAMLError) -> None:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "cannot be read"
        if error.context:
            problem = f"{problem} ({error.context})"
        hint = next((h for k, h in _SYNTAX_HINTS.items() if k in (error.problem or "")), "")
        self.error(mark, f"YAML syntax error: {problem}{hint}")

    # -- the bank --------------------------------------------------------------------------------

    def bank(self, root: Node, path: Path) -> Bank | None:
        if not self.tag_ok(root):
            return None
        if not isinstance(root, MappingNode):
            self.error(root, "a bank file must be a mapping with 'title:' and 'questions:' keys")
            return None
        fields = self.mapping(root, BANK_KEYS, "at the top of a bank")
        title = self.text(fields.get("title"), "title")
        self.title = title or ""
        if "title" not in fields:
            self.error(root, "the bank has no 'title'; add a line such as 'title: World capitals'")
        elif title == "":
            self.error(fields["title"][0], "'title' is empty; write the bank's title after it")
        language = "en"
        if "language" in fields:
            language = self.text(fields["language"], "language") or ""
            if not _LANGUAGE.fullmatch(language):
                self.error(
                    _value_place(fields["language"]),
                    f"language '{language}' is not a BCP 47 tag; use a code such as en, ar or fr",
                )
        description = self.text(fields.get("description"), "description") or ""
        source = self.text(fields.get("source"), "source") or ""
        tags = self.tags(fields.get("tags"))
        shuffle = self.flag(fields.get("shuffle"), default=True)
        questions: list[Question] = []
        if "questions" not in fields:
            self.error(root, "the bank has no 'questions'; add 'questions:' with a list below it")
        else:
            key, node = fields["questions"]
            if not self.tag_ok(node):
                pass
            elif not isinstance(node, SequenceNode):
                self.error(
                    _value_place((key, node)),
                    "'questions' must be a list: start each question with '- question:'",
                )
            elif not node.value:
                self.error(key, "'questions' is empty; add at least one question")
            else:
                questions = self.questions(node, tags, source)
        if self.error_count:
            return None
        return Bank(
            path, title or "", language, description, tags, tuple(questions), shuffle, source
        )

    def questions(
        self, node: SequenceNode, bank_tags: tuple[str, ...], bank_source: str
    ) -> list[Question]:
        questions: list[Question] = []
        ids: dict[str, int] = {}
        for item in node.value:
            question = self.question(item, bank_tags, bank_source)
            if question is None:
                continue
            if question.id in ids:
                first = ids[question.id]
                if question.id == question_id(question.text):
                    message = (
                        f"the same question as line {first}; "
                        "change one of them or give each its own 'id'"
                    )
                else:
                    message = (
                        f"id '{question.id}' is used twice (first at line {first}); "
                        "give each question its own id"
                    )
                self.at(question.line, 1 + item.start_mark.column, Severity.ERROR, message)
                continue
            ids[question.id] = question.line
            questions.append(question)
        return questions

    def question(self, node: Node, bank_tags: tuple[str, ...], bank_source: str) -> Question | None:
        if not self.tag_ok(node):
            return None
        if not isinstance(node, MappingNode):
            self.error(node, "each question must be a mapping: '- question: ...' then 'choices:'")
            return None
        errors_before = self.error_count
        fields = self.mapping(node, QUESTION_KEYS, "in a question")
        text = self.text(fields.get("question"), "question")
        if "question" not in fields:
            self.error(node, "this question has no 'question'; add 'question:' and its text")
        elif text == "":
            self.error(fields["question"][0], "'question' is empty; write the question after it")
        choices, feedback, positions = self.choices(node, fields.get("choices"))
        answers = self.answers(node, fields.get("answer"), choices)
        explanation = self.text(fields.get("explanation"), "explanation") or ""
        source = self.text(fields.get("source"), "source") or ""
        qid = self.text(fields.get("id"), "id")
        if qid is not None and not _ID.fullmatch(qid):
            self.error(
                _value_place(fields["id"]),
                "'id' must be one word of text, such as oic-founding-year",
            )
            qid = None
        tags = self.tags(fields.get("tags"))
        shuffle = self.flag(fields.get("shuffle"), default=True)
        if self.error_count > errors_before:
            return None
        assert text is not None
        merged = bank_tags + tuple(t for t in tags if t not in bank_tags)
        return Question(
            id=qid or question_id(text),
            text=text,
            choices=tuple(choices),
            answers=tuple(answers),
            explanation=explanation,
            tags=merged,
            line=node.start_mark.line + 1,
            column=node.start_mark.column + 1,
            choice_positions=tuple(positions),
            feedback=tuple(feedback) if any(feedback) else (),
            shuffle=shuffle,
            # A question without a source of its own is settled where its bank says.
            source=source or bank_source,
        )

    def answers(
        self, question: Node, entry: tuple[Node, Node] | None, choices: list[str]
    ) -> list[str]:
        """The right choices: one text, or a list of texts for "select all that apply"."""
        if entry is None:
            self.error(
                question, "this question has no 'answer'; add 'answer:' with the right choice"
            )
            return []
        key, node = entry
        if not self.tag_ok(node):
            return []
        items = node.value if isinstance(node, SequenceNode) else None
        if items is None:
            answer = self.text(entry, "answer")
            if answer is None:
                return []
            if not answer:
                self.error(key, "'answer' is empty; copy the right choice after it")
                return []
            pairs = [(node, answer)]
        else:
            if not items:
                self.error(key, "'answer' is an empty list; list the right choices in it")
                return []
            pairs = [(item, self.text((key, item), "an answer")) for item in items]
        answers: list[str] = []
        for item, answer in pairs:
            if answer is None:
                continue
            if answer in answers:
                self.error(item, f"answer '{_short(answer)}' is listed twice; list it once")
            elif choices and answer not in choices:
                self.error(item, _not_a_choice(answer, choices))
            else:
                answers.append(answer)
        return answers

    def choices(
        self, question: Node, entry: tuple[Node, Node] | None
    ) -> tuple[list[str], list[str], list[tuple[int, int]]]:
        """The choice texts and, aligned with them, their feedback ("" for none) and positions."""
        if entry is None:
            self.error(question, "this question has no 'choices'; add 'choices:' with a list")
            return [], [], []
        key, node = entry
        if not self.tag_ok(node):
            return [], [], []
        if not isinstance(node, SequenceNode):
            self.error(
                _value_place(entry),
                "'choices' must be a list: put each choice on its own '- ' line",
            )
            return [], [], []
        if not MIN_CHOICES <= len(node.value) <= MAX_CHOICES:
            self.error(
                key,
                f"'choices' has {len(node.value)}; "
                f"give between {MIN_CHOICES} and {MAX_CHOICES} choices",
            )
        choices: list[str] = []
        feedback: list[str] = []
        positions: list[tuple[int, int]] = []
        seen: dict[str, int] = {}
        # What each choice looks like: two that differ only in invisible characters (Paris and
        # Paris with a zero-width space) cannot be told apart by a student.
        seen_looks: dict[str, tuple[str, int, int]] = {}
        for item in node.value:
            if isinstance(item, MappingNode) and self.tag_ok(item):
                fields = self.mapping(item, CHOICE_KEYS, "in a choice")
                if "text" not in fields:
                    self.error(
                        item, "this choice has no 'text'; write it as {text: ..., feedback: ...}"
                    )
                    continue
                choice = self.text(fields["text"], "a choice")
                note = self.text(fields.get("feedback"), "feedback") or ""
            else:
                choice = self.text((key, item), "a choice")
                note = ""
            if choice is None:
                continue
            if not choice:
                self.error(item, "a choice is empty; write its text or remove the line")
                continue
            if choice in seen:
                self.error(
                    item,
                    f"choice '{_short(choice)}' appears twice (also at line {seen[choice]}); "
                    "make every choice different",
                )
                continue
            line = item.start_mark.line + 1
            look = looks(choice)
            if not look:
                self.error(
                    item,
                    f"a choice has no visible text, only {_invisible(choice)}; write its text "
                    "or remove the line",
                )
                continue
            if look in seen_looks:
                other, number, at = seen_looks[look]
                self.error(
                    item,
                    f"choice '{_short(look)}' looks the same as choice {number} (line {at}): they "
                    f"differ only in invisible characters ({_invisible(choice + other)}); "
                    "remove them, or make every choice different",
                )
                continue
            seen[choice] = line
            seen_looks[look] = (choice, len(choices) + 1, line)
            choices.append(choice)
            feedback.append(note)
            positions.append((item.start_mark.line + 1, item.start_mark.column + 1))
        return choices, feedback, positions

    def flag(self, entry: tuple[Node, Node] | None, *, default: bool) -> bool:
        """A true/false setting such as 'shuffle'."""
        if entry is None:
            return default
        value = self.text(entry, f"'{entry[0].value}'")
        if value in ("true", "false"):
            return value == "true"
        if value is not None:
            self.error(
                _value_place(entry),
                f"'{entry[0].value}' must be true or false, not '{_short(value)}'",
            )
        return default

    def tags(self, entry: tuple[Node, Node] | None) -> tuple[str, ...]:
        if entry is None:
            return ()
        key, node = entry
        if isinstance(node, ScalarNode) and node.tag == _STR_TAG and node.value.strip() == "":
            return ()
        if not self.tag_ok(node):
            return ()
        if not isinstance(node, SequenceNode):
            self.error(node, "'tags' must be a list, such as tags: [history, organs]")
            return ()
        tags: list[str] = []
        for item in node.value:
            tag = self.text((key, item), "a tag")
            if tag and tag not in tags:
                tags.append(tag)
        return tuple(tags)

    # -- building blocks -------------------------------------------------------------------------

    def tag_ok(self, node: Node) -> bool:
        if node.tag in _DEFAULT_TAGS:
            return True
        self.error(
            node,
            f"YAML tag '{_short(_tag_name(node.tag))}' is not allowed; "
            "remove it (values are plain text)",
        )
        return False

    def mapping(
        self, node: MappingNode, allowed: tuple[str, ...], where: str
    ) -> dict[str, tuple[Node, Node]]:
        """The entries of a mapping by key, reporting unknown, duplicate and non-text keys."""
        fields: dict[str, tuple[Node, Node]] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode) or key.tag != _STR_TAG:
                self.error(key, "a key must be a plain word such as 'question'")
                continue
            name = key.value
            if name in fields:
                first = fields[name][0].start_mark.line + 1
                self.error(
                    key, f"duplicate key '{name}' (first at line {first}); remove one of them"
                )
                continue
            if name not in allowed:
                self.error(key, _unknown_key(name, allowed, where))
                continue
            fields[name] = (key, value)
        return fields

    def text(self, entry: tuple[Node, Node] | None, what: str) -> str | None:
        """The cleaned text of a scalar value, or None (reported) when it is not text."""
        if entry is None:
            return None
        node = entry[1]
        # The common case first, quickly: a plain or single-quoted string, or a block scalar.
        if node.tag == _STR_TAG and node.style != '"' and type(node) is ScalarNode:
            return clean(node.value)
        if not self.tag_ok(node):
            return None
        if not isinstance(node, ScalarNode):
            kind = "a list" if isinstance(node, SequenceNode) else "a mapping"
            self.error(node, f"{what} must be text, not {kind}; write it on one line or quote it")
            return None
        value = node.value
        if node.style == '"' and _SURROGATE.search(value):
            self.error(
                node,
                f"{what} has an escape for half a UTF-16 pair (such as \\ud83d); "
                "write the character itself or its \\U escape with 8 digits",
            )
            return None
        # Only a double-quoted scalar can hold characters its file did not (through escapes).
        if node.style == '"' and UNSAFE_IN_VALUE.search(value):
            for char in sorted(set(UNSAFE_IN_VALUE.findall(value))):
                self.warning(node, _unsafe_message(char, escaped=True))
            value = UNSAFE_IN_VALUE.sub("", value)
        return clean(value)


_SYNTAX_HINTS = {
    "mapping values are not allowed here": (
        "; put text containing ': ' in quotes, or use a block scalar ('|')"
    ),
    "that cannot start any token": (
        "; indent with spaces, not tabs, and quote text that starts with @ or `"
    ),
    "could not find expected ':'": "; check the indentation and that every key ends with ':'",
    "but found another document": "; a bank file holds one document: remove the second '---'",
}


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


def _unsafe_message(char: str, *, escaped: bool = False) -> str:
    what = "bidi control" if is_bidi_control(char) else "control character"
    where = "written as an escape" if escaped else "in the file"
    fix = (
        "remove it; the app lays out right-to-left text itself"
        if is_bidi_control(char)
        else "remove it"
    )
    return f"{what} {describe(char)} {where} was removed; {fix}"


def _invisible(text: str) -> str:
    """The invisible characters of a text, named: `U+200B (ZERO WIDTH SPACE)`."""
    found = dict.fromkeys(DEFAULT_IGNORABLE.findall(text))
    found |= dict.fromkeys(c for c in text if c.isspace())
    names = [describe(c) for c in found][:3] or ["blanks"]
    return ", ".join(names)


def _unknown_key(name: str, allowed: tuple[str, ...], where: str) -> str:
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown key '{_short(name)}'; did you mean '{close[0]}'?"
    return f"unknown key '{_short(name)}' {where}; the keys are: {', '.join(allowed)}"


def _not_a_choice(answer: str, choices: list[str]) -> str:
    message = f"answer '{_short(answer)}' is not one of the choices"
    folded = {c.casefold().strip(" .!?"): c for c in choices}
    close = folded.get(answer.casefold().strip(" .!?")) or next(
        iter(difflib.get_close_matches(answer, choices, n=1, cutoff=0.6)), None
    )
    if close:
        return f"{message}; did you mean '{_short(close)}'?"
    return f"{message}; copy the text of the right choice exactly"


def _value_place(entry: tuple[Node, Node]) -> Node:
    """Where a problem with a value is: the value, or its key when nothing was written after it
    (an absent value has no place of its own, and libyaml and PyYAML give it different ones)."""
    key, value = entry
    if isinstance(value, ScalarNode) and value.value == "" and not value.style:
        return key
    return value


def _printable(message: str) -> str:
    """A message safe to print: a key or tag quoted in it may hold control characters."""
    message = strip_unsafe(message)
    if _SURROGATE.search(message):
        message = _SURROGATE.sub("\ufffd", message)
    return message


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _tag_name(tag: str) -> str:
    """A tag as it was written: `!!python/object` rather than its full URI."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag
