"""What every reader shares: reading a source file, and turning the questions it read into a bank.

A reader (GIFT, Aiken, CSV, Moodle XML) parses its syntax into `Draft`s; `Importer` checks each
draft against the rules the loader enforces (2 to 10 different choices, at least one right,
one-word unique ids), so that the bank it builds always passes `quiz check`, and records what it
had to skip or change as line-numbered notices.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from quiz.bank.clean import UNSAFE_IN_VALUE, clean, looks
from quiz.bank.loader import MAX_CHOICES, MIN_CHOICES, question_id
from quiz.bank.model import Bank, Problem, Question, Severity
from quiz.errors import QuizError
from quiz.files import IMPORT_LIMIT, FileProblem, read_regular
from quiz.text.safe import printable_name
from quiz.text.wording import Wording, said

#: Called with (lines done, lines in all) while a big file is read.
Progress = Callable[[int, int], None]
#: How many questions a reader handles between two progress calls.
PROGRESS_EVERY = 200

# The loader's rule for ids: one word of printable text.
_ONE_WORD = re.compile(r"[^\s\x00-\x1f]{1,200}")
# Unicode noncharacters: never text, and the GIFT reader uses some of them as placeholders.
NONCHARACTERS = re.compile("[\ufdd0-\ufdef\ufffe\uffff]")
_ARABIC_LETTER = re.compile(
    "[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]"
)
_LETTER = re.compile(r"[^\W\d_]")


class InterchangeError(QuizError):
    """A file that cannot be imported at all; str() is one line naming the file and the fix.

    `notices` holds what was found on the way, such as every question that had to be skipped
    when none could be imported.
    """

    def __init__(self, message: Wording | str, notices: list[Problem] | None = None) -> None:
        super().__init__(message, notices or [])
        self.notices: list[Problem]


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file a question refers to (an image embedded in a Moodle XML file), kept beside the bank.

    The question's text names it by `path`, relative to the bank file (`images/map-3fa9c1e2.png`).
    """

    path: str
    data: bytes
    #: Where the source embeds it, and the name it gives it there.
    line: int
    name: str


@dataclass(slots=True)
class Imported:
    """A bank read from another format, and what the reader skipped or changed on the way."""

    bank: Bank
    notices: list[Problem] = field(default_factory=list)
    #: Aligned with `bank.questions`: the category each question was filed under (() for none),
    #: as the names along its path (`$course$/top/Biology/Cells` gives ("Biology", "Cells")).
    categories: list[tuple[str, ...]] = field(default_factory=list)
    #: Files the questions refer to, to write beside the bank.
    attachments: list[Attachment] = field(default_factory=list)

    def by_category(self) -> list[tuple[Path, Bank]]:
        """One bank per category, each with the path to write it at (folders for the subjects).

        `Biology/Cells` becomes `Biology/Cells.yaml` titled "Cells", in the subject `Biology`;
        questions without a category make a bank named after the whole file.
        """
        groups: dict[tuple[str, ...], list[Question]] = {}
        for question, category in zip(self.bank.questions, self._categories(), strict=True):
            groups.setdefault(category, []).append(question)
        banks: list[tuple[Path, Bank]] = []
        for category, questions in groups.items():
            title = category_name(category[-1]) if category else self.bank.title
            names = [file_name(category_name(part)) for part in category] or [file_name(title)]
            path = Path(*names[:-1], names[-1] + ".yaml")
            bank = replace(
                self.bank,
                path=path,
                title=title,
                questions=tuple(questions),
                language=guess_language(tuple(questions)),
            )
            banks.append((path, bank))
        return banks

    def _categories(self) -> list[tuple[str, ...]]:
        return self.categories or [()] * len(self.bank.questions)

    def attachments_of(self, bank: Bank) -> list[Attachment]:
        """The attachments the questions of one bank refer to."""
        texts = "\n".join(
            part
            for q in bank.questions
            for part in (q.text, q.explanation, *q.choices, *q.feedback)
        )
        return [a for a in self.attachments if a.path in texts]


@dataclass(slots=True)
class Draft:
    """One question as a reader found it, before it is checked."""

    line: int
    text: str
    choices: list[str]
    #: Aligned with `choices`: whether each one is right.
    right: list[bool]
    #: Aligned with `choices`: each one's feedback ("" for none).
    feedback: list[str] = field(default_factory=list)
    explanation: str = ""
    tags: tuple[str, ...] = ()
    #: The name or id the source gave the question, "" when none.
    name: str = ""
    #: Where the question's answer is settled, "" when the file does not say.
    source: str = ""
    #: The category the source filed it under, as the names along the path (as written there,
    #: "Default for BIO101" included).
    category: tuple[str, ...] = ()
    #: Whether the choices may be shown in another order.
    shuffle: bool = True
    #: Whether its texts are Markdown (Moodle's Markdown format, GIFT's [markdown]).
    markdown: bool = False


def read_bytes(path: Path) -> bytes:
    """The bytes of a file to import, or InterchangeError saying why it cannot be read."""
    try:
        return read_regular(path, limit=IMPORT_LIMIT, what="a file to import")
    except FileProblem as problem:
        name, what = printable_name(str(path)), problem.wording
        if problem.denied:
            raise InterchangeError(said("import.cannot_read", name=name, problem=what)) from None
        raise InterchangeError(said("import.not_a_text_file", name=name, problem=what)) from None


def decode(path: Path, data: bytes, encoding: str | None = None) -> str:
    """Decode a source file's bytes, or say in one line why it cannot be read."""
    if data.startswith(b"PK\x03\x04"):
        raise InterchangeError(said("import.zip", path=str(path)))
    text = _decode_unicode(path, data) if encoding is None else _decode_as(path, data, encoding)
    if "\x00" in text:
        raise InterchangeError(said("import.nul_bytes", path=str(path)))
    return text


def _decode_unicode(path: Path, data: bytes) -> str:
    """UTF-32 or UTF-16 by their byte order mark, else UTF-8 (with or without one)."""
    # UTF-32 first: its little-endian byte order mark starts as UTF-16's does.
    for bom, encoding in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise InterchangeError(
                    said("import.bad_unicode", path=str(path), encoding="UTF-32")
                ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InterchangeError(
                said("import.bad_unicode", path=str(path), encoding="UTF-16")
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = f"0x{data[error.start]:02X}"
        raise InterchangeError(said("import.not_utf8", where=f"{path}:{line}", byte=byte)) from None


def _decode_as(path: Path, data: bytes, encoding: str) -> str:
    """The text of bytes in a named encoding, or one line saying where it fails."""
    try:
        text = data.decode(encoding)
    except LookupError:
        raise InterchangeError(said("import.no_such_encoding", encoding=encoding)) from None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InterchangeError(
            said(
                "import.wrong_encoding",
                where=f"{path}:{line}",
                encoding=encoding,
                byte=f"0x{data[error.start]:02X}",
            )
        ) from None
    return text.removeprefix("\ufeff")


def split_lines(text: str) -> list[str]:
    """The lines of a file, whatever its line endings (LF, CRLF or CR)."""
    return re.split(r"\r\n|\r|\n", text)


def tidy(value: str) -> tuple[str, bool]:
    """Text ready for a bank, and whether unsafe characters had to be removed from it.

    Line endings become LF, control and bidi override characters go, each line loses its trailing
    blanks (invisible, and they would force quotes in the YAML), and the whole is trimmed and NFC.
    """
    if value.isprintable():
        # No control, format or line-break character at all: the common case, made quick.
        return clean(value), False
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = NONCHARACTERS.sub("", value).replace("\ufeff", "")
    removed = False
    if UNSAFE_IN_VALUE.search(value):
        value = UNSAFE_IN_VALUE.sub("", value)
        removed = True
    if "\n" in value:
        value = "\n".join(line.rstrip() for line in value.split("\n"))
    return clean(value), removed


def as_id(name: str) -> str:
    """An id made of a question's name: kept when it is one word, else slugified ("" if nothing)."""
    name, _ = tidy(name)
    if _ONE_WORD.fullmatch(name):
        return name
    return "-".join(re.findall(r"\w+", name.lower()))[:200].strip("-")


def category_parts(path: str) -> list[str]:
    """The names along a Moodle category path (`$course$/top/A/B` gives A, B); `//` is a slash
    inside a name."""
    parts = []
    for part in re.split(r"(?<!/)/(?!/)", path.strip()):
        part = " ".join(part.replace("//", "/").split())
        if part and part.lower() != "top" and not (part.startswith("$") and part.endswith("$")):
            parts.append(part)
    return parts


def category_name(part: str) -> str:
    """A category's name as a title: Moodle's "Default for BIO101" is "BIO101"."""
    return part.removeprefix("Default for ").strip() or part


def title_from_path(path: Path) -> str:
    """A bank title made of a file name: `world_capitals.gift` gives `World capitals`."""
    # A name that is not UTF-8 gives its bytes as escapes, never half a UTF-16 pair.
    words = " ".join(re.split(r"[\s_\-]+", printable_name(path.stem))).strip()
    if not words:
        return str(said("interchange.default_title"))
    return words[0].upper() + words[1:]


# Characters no file system takes in a name (Windows is the strictest), and control characters.
_NOT_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')


def file_name(name: str) -> str:
    """A name made safe for a file or folder: `Week 1: cells` gives `Week 1 - cells`."""
    name = _NOT_IN_NAMES.sub(" - ", tidy(name)[0])
    name = " ".join(name.split()).strip(" .-")[:100].strip(" .")
    return name or "questions"


def guess_language(questions: tuple[Question, ...]) -> str:
    """Arabic ("ar") when most letters of the questions and choices are, else English ("en")."""
    text = "\n".join(part for q in questions for part in (q.text, *q.choices))
    letters = len(_LETTER.findall(text))
    return "ar" if letters and len(_ARABIC_LETTER.findall(text)) * 2 > letters else "en"


def short(text: str, limit: int = 50) -> str:
    """Text cut to fit in a one-line message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Importer:
    """Checks drafts one by one and collects the questions and notices of one imported file."""

    def __init__(self, path: Path, progress: Progress | None = None) -> None:
        self.path = path
        self.name = printable_name(str(path))
        self.progress = progress
        self.questions: list[Question] = []
        self.notices: list[Problem] = []
        #: Where the whole file's answers are settled, when it says (a reader sets it).
        self.source = ""
        #: Aligned with `questions`: the category of each.
        self.categories: list[tuple[str, ...]] = []
        self.attachments: list[Attachment] = []
        self._ids: dict[str, int] = {}
        self._seen = 0
        self._skipped = 0
        #: The lines of the questions kept that were written in Markdown.
        self._markdown: list[int] = []

    def notice(
        self, line: int, message: Wording, severity: Severity = Severity.WARNING, column: int = 1
    ) -> None:
        """Record one thing the reader skipped or changed."""
        self.notices.append(Problem(self.name, line, column, severity, message))

    def skip(self, line: int, reason: Wording) -> None:
        """Record a question that could not be imported because it is written wrong."""
        self._skipped += 1
        self.notice(line, said("import.skipped", reason=reason), Severity.ERROR)

    def unsupported(self, line: int, kind: Wording) -> None:
        """Record a question of a kind quiz does not have (an essay, a matching question...)."""
        self._skipped += 1
        self.notice(line, said("import.kind_skipped", kind=kind))

    def tick(self, done: int, total: int) -> None:
        """Count one question read and report progress every so many."""
        self._seen += 1
        if self.progress is not None and self._seen % PROGRESS_EVERY == 0:
            self.progress(done, total)

    def add(self, draft: Draft) -> Question | None:
        """Check one draft and keep it as a question, or record why it was skipped."""
        line = draft.line
        text, removed = tidy(draft.text)
        choices: list[str] = []
        for choice in draft.choices:
            value, dropped = tidy(choice)
            choices.append(value)
            removed |= dropped
        feedback = [tidy(note)[0] for note in draft.feedback] or [""] * len(choices)
        feedback += [""] * (len(choices) - len(feedback))
        explanation, dropped = tidy(draft.explanation)
        removed |= dropped
        source, dropped = tidy(draft.source)
        removed |= dropped
        if not text:
            self.skip(line, said("import.no_text"))
            return None
        blank = next((n for n, choice in enumerate(choices) if not looks(choice)), None)
        if blank is not None:
            # Empty, or only invisible characters (a zero-width space, a joiner): nothing to see.
            self.skip(line, said("import.empty_choice", number=blank + 1))
            return None
        merged = self._merge_duplicates(line, choices, list(draft.right), feedback)
        if merged is None:
            return None
        choices, right, feedback = merged
        if not MIN_CHOICES <= len(choices) <= MAX_CHOICES:
            self.skip(
                line,
                said(
                    "import.choice_count", count=len(choices), least=MIN_CHOICES, most=MAX_CHOICES
                ),
            )
            return None
        if not any(right):
            self.skip(line, said("import.none_right"))
            return None
        if removed:
            self.notice(line, said("import.control_removed"))
        tags: list[str] = []
        for tag in draft.tags:
            value, _ = tidy(tag)
            if value and value not in tags:
                tags.append(value)
        question = Question(
            id=self._unique_id(line, text, as_id(draft.name) if draft.name else ""),
            text=text,
            choices=tuple(choices),
            answers=tuple(c for c, r in zip(choices, right, strict=True) if r),
            explanation=explanation,
            tags=tuple(tags),
            line=line,
            feedback=tuple(feedback) if any(feedback) else (),
            source=source,
            shuffle=draft.shuffle,
        )
        self.questions.append(question)
        if draft.markdown:
            self._markdown.append(draft.line)
        self.categories.append(tuple(filter(None, (tidy(part)[0] for part in draft.category))))
        return question

    def _merge_duplicates(
        self, line: int, choices: list[str], right: list[bool], feedback: list[str]
    ) -> tuple[list[str], list[bool], list[str]] | None:
        """Keep a choice written twice once, or skip the question when its copies disagree."""
        # Choices that look the same (differing only in invisible characters) are one choice.
        seen = [looks(choice) for choice in choices]
        if len(set(seen)) == len(seen):
            return choices, right, feedback
        kept: dict[str, int] = {}
        out_choices: list[str] = []
        out_right: list[bool] = []
        out_feedback: list[str] = []
        for choice, look, is_right, note in zip(choices, seen, right, feedback, strict=True):
            if look not in kept:
                kept[look] = len(out_choices)
                out_choices.append(choice)
                out_right.append(is_right)
                out_feedback.append(note)
                continue
            first = kept[look]
            if out_right[first] != is_right:
                self.skip(line, said("import.right_and_wrong", choice=short(look)))
                return None
            self.notice(line, said("import.choice_twice", choice=short(look)))
            if not out_feedback[first]:
                out_feedback[first] = note
        return out_choices, out_right, out_feedback

    def _unique_id(self, line: int, text: str, wanted: str) -> str:
        """The question's id: its own name, or one derived from its text; never one used before."""
        base = wanted or question_id(text)
        qid, n = base, 1
        while qid in self._ids:
            n += 1
            qid = f"{base[:190]}-{n}"
        if qid != base:
            first = self._ids[base]
            if wanted:
                message = said("import.id_used", id=short(base), first=first, new=qid)
            else:
                message = said("import.same_text", first=first, id=qid)
            self.notice(line, message)
        self._ids[qid] = line
        return qid

    def finish(self, title: str, hint: Wording) -> Imported:
        """The bank read, or InterchangeError when not one question could be imported."""
        # Every question in Markdown: a Markdown bank. Some only: a plain one, and it says so.
        markdown = bool(self.questions) and len(self._markdown) == len(self.questions)
        if self._markdown and not markdown:
            count, total = len(self._markdown), len(self.questions)
            self.notice(self._markdown[0], said("import.some_markdown", count=count, total=total))
        self.notices.sort(key=lambda p: (p.line, p.column))
        if not self.questions:
            if self._skipped > 1:
                found = said("import.none_imported", count=self._skipped)
            elif self._skipped:
                found = said("import.only_one_failed")
            else:
                found = said("import.no_question")
            message = said("import.failed", name=self.name, found=found, hint=hint)
            raise InterchangeError(message, self.notices)
        source = tidy(self.source)[0]
        # As the loader does: a question without a source of its own shows the bank's.
        questions = tuple(
            q if q.source or not source else replace(q, source=source) for q in self.questions
        )
        title = tidy(" ".join(title.split()))[0]
        bank = Bank(
            path=self.path,
            title=title or title_from_path(self.path),
            language=guess_language(questions),
            questions=questions,
            source=source,
            format="markdown" if markdown else "plain",
        )
        return Imported(bank, self.notices, self.categories, self.attachments)
