"""Moodle's GIFT format: read its multiple-choice and true/false questions, write a bank as GIFT.

Reading follows Moodle's own importer (question/format/gift/format.php): questions are separated by
blank lines, whole-line `//` comments are dropped, `\\` escapes are replaced before anything is
split, the first `{...}` holds the answers, `=` marks the right choice (or `~%50%` weights, positive
meaning right), `#` starts a choice's feedback and the last `####` the general feedback.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from pathlib import Path

from quiz.bank.loader import question_id
from quiz.bank.model import Bank, Problem, Question
from quiz.interchange.importer import (
    NONCHARACTERS,
    Draft,
    Imported,
    Importer,
    Progress,
    category_parts,
    short,
    split_lines,
)
from quiz.interchange.losses import Losses
from quiz.interchange.markup import html_to_text
from quiz.text.wording import Wording, said

HINT = said("gift.hint")
#: What Moodle puts in a missing-word question's text where the answers in braces were.
BLANK = "_____"
# The blank in a question's text, when exporting (a longer run of underscores is not one).
_BLANK = re.compile(r"(?<!_)_____(?!_)")

# Escaped characters become noncharacters while the question is split, as Moodle's placeholders do.
_PLACEHOLDERS = {
    "\\": "\ufdd0",
    ":": "\ufdd1",
    "#": "\ufdd2",
    "=": "\ufdd3",
    "{": "\ufdd4",
    "}": "\ufdd5",
    "~": "\ufdd6",
    "n": "\ufdd7",
}
_ESCAPED = re.compile(r"\\([\\:#={}~n])")
_RESTORE = str.maketrans({v: "\n" if k == "n" else k for k, v in _PLACEHOLDERS.items()})
_FORMAT = re.compile(r"\[(html|plain|markdown|moodle)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"%\s*(-?\d+(?:\.\d*)?)\s*%")
_TAG = re.compile(r"\[tag:((?:\\\]|[^\]])+)\]")
_CATEGORY = "$CATEGORY:"
# Where a question's (or, before the first question, the file's) answers are settled: a comment
# that quiz writes and reads, as GIFT has no field for it.
_SOURCE = "// source:"
_TRUE, _FALSE = ("T", "TRUE"), ("F", "FALSE")
_SKIPPED_KINDS = {
    "essay": said("gift.kind.essay"),
    "numerical": said("gift.kind.numerical"),
    "matching": said("gift.kind.matching"),
    "short answer": said("gift.kind.short_answer"),
    "description": said("gift.kind.description"),
}


def _protect(line: str) -> str:
    return _ESCAPED.sub(lambda m: _PLACEHOLDERS[m[1]], line)


def _restore(text: str) -> str:
    return text.translate(_RESTORE)


def _with_format(text: str, default: str) -> tuple[str, str]:
    """A piece's format (from a leading `[html]` marker or the default) and its plain text."""
    text = text.strip()
    kind = default
    marker = _FORMAT.match(text)
    if marker:
        kind = marker[1].lower()
        text = text[marker.end() :]
    text = _restore(text).strip()
    if kind == "html":
        text = html_to_text(text)
    return kind, text


def _kind(answers: str) -> str:
    """The kind of question an answer block makes, decided as Moodle decides it."""
    if not answers:
        return "essay"
    if answers[0] == "#":
        return "numerical"
    if "~" in answers:
        return "multiple choice"
    if "=" in answers and "->" in answers:
        return "matching"
    if answers.split("#", 1)[0].strip().upper() in _TRUE + _FALSE:
        return "true/false"
    return "short answer"


def read(path: Path, text: str, progress: Progress | None = None) -> Imported:
    """Import the multiple-choice and true/false questions of a GIFT file."""
    return _Reader(path, progress).read(text)


class _Reader:
    """Reads one GIFT file, block by block."""

    def __init__(self, path: Path, progress: Progress | None) -> None:
        self.importer = Importer(path, progress)
        self.progress = progress
        self.tags: list[str] = []
        self.path: tuple[str, ...] = ()
        self.title = ""

    def read(self, text: str) -> Imported:
        lines = split_lines(text)
        total = len(lines)
        block: list[tuple[int, str]] = []
        for number, raw in enumerate(lines, 1):
            line = NONCHARACTERS.sub("", raw).replace("\ufeff", "").strip()
            # Comments are kept as written: Moodle reads [tag:...] in them before any escape.
            line = line if line.startswith("//") else _protect(line)
            if line:
                block.append((number, line))
            elif block:
                self.block(block)
                self.importer.tick(number, total)
                block = []
        if block:
            self.block(block)
        if self.progress is not None:
            self.progress(total, total)
        return self.importer.finish(self.title, HINT)

    def block(self, block: list[tuple[int, str]]) -> None:
        """One run of lines between blank lines: comments, a category, one or more questions."""
        comments = [line for _, line in block if line.startswith("//")]
        sources = [line for line in comments if line.startswith(_SOURCE)]
        tags = [
            tag.replace("\\]", "]").strip()
            for line in comments
            if not line.startswith(_SOURCE)
            for tag in _TAG.findall(line)
        ]
        # `// source: ` lines, one a line of the source (one space after the colon is the mark's).
        source = "\n".join(line[len(_SOURCE) :].removeprefix(" ") for line in sources)
        body = [(number, line) for number, line in block if not line.startswith("//")]
        if not body and source and not self.importer.questions and not self.importer.source:
            self.importer.source = source  # the file's own, before its first question
        while body:
            body = self.question(body, tags, source)
            tags, source = [], ""

    def category(self, path: str) -> None:
        parts = category_parts(path)
        if not self.title and parts:
            self.title = " / ".join(p.removeprefix("Default for ").strip() for p in parts)
        self.tags = [p for p in parts if not p.startswith("Default for ")]
        self.path = tuple(parts)

    def question(
        self, body: list[tuple[int, str]], tags: list[str], source: str = ""
    ) -> list[tuple[int, str]]:
        """Read the question the lines start with; return the lines of a question after it."""
        line, first = body[0]
        if first.startswith(_CATEGORY):
            self.category(_restore(first[len(_CATEGORY) :]))
            return body[1:]
        starts: list[int] = []
        offset = 0
        for _, text in body:
            starts.append(offset)
            offset += len(text) + 1
        joined = "\n".join(text for _, text in body)

        start, name = 0, ""
        if joined.startswith("::"):
            end = joined.find("::", 2)
            start = end + 2 if end != -1 else 2
            name = _restore(joined[2:end]).strip() if end != -1 else ""
        opening = joined.find("{", start)
        closing = joined.find("}", start)
        skip = self.importer.skip
        if opening == -1 and closing == -1:
            self.skipped(line, "description")
            return []
        if opening == -1 or -1 < closing < opening:
            skip(line, said("gift.close_first"))
            return []
        if closing == -1:
            skip(line, said("gift.never_closed"))
            return []

        rest: list[tuple[int, str]] = []
        after = joined[closing + 1 :]
        ends_line = after.split("\n", 1)[0].strip() == ""
        following = body[bisect_right(starts, closing) :]
        if ends_line and following and _starts_question(following):
            rest, after = following, ""
            self.importer.notice(following[0][0], said("gift.no_blank_line"))
        head = joined[start:opening]
        if after.strip():
            # Text after the answers makes a missing-word question: as Moodle's importer does,
            # the blank goes where the braces were.
            if "{" in after or "}" in after:
                skip(line, said("gift.brace_after"))
                return rest
            head = head + BLANK + after

        answers = joined[opening + 1 : closing].strip()
        general = ""
        split = answers.rfind("####")
        if split != -1:
            general, answers = answers[split + 4 :], answers[:split].strip()
        kind, text = _with_format(head, "moodle")
        explanation = _with_format(general, kind)[1]
        found = _kind(answers)
        if found == "multiple choice":
            draft = self.multiple_choice(line, answers, kind)
        elif found == "true/false":
            draft = _true_false(line, answers, kind)
        else:
            self.skipped(line, found)
            return rest
        draft.text, draft.explanation, draft.name = text, explanation, name
        draft.tags = (*self.tags, *tags)
        draft.source = source
        draft.category = self.path
        draft.markdown = kind == "markdown"
        self.importer.add(draft)
        return rest

    def skipped(self, line: int, kind: str) -> None:
        self.importer.unsupported(line, _SKIPPED_KINDS[kind])

    def multiple_choice(self, line: int, answers: str, kind: str) -> Draft:
        # With an '=' answer Moodle lets the student pick one choice: only full marks are right.
        # Without one, it is "select all that apply" and every positive weight is right.
        single = "=" in answers
        draft = Draft(line, "", [], [], [])
        partial: list[Wording] = []
        for part in answers.replace("=", "~=").split("~"):
            part = part.strip()
            if not part:
                continue
            marked = part.startswith("=")
            if marked:
                part = part[1:].lstrip()
            weight = None
            found = _WEIGHT.match(part)
            if found:
                weight = float(found[1])
                part = part[found.end() :]
            choice, _, note = part.partition("#")
            choice = _with_format(choice, kind)[1]
            if single:
                right = marked if weight is None else weight >= 100
                if weight is not None and 0 < weight < 100:
                    shown = short(choice, 30)
                    partial.append(said("import.partial_choice", choice=shown, weight=weight))
            else:
                right = weight is not None and weight > 0
            draft.choices.append(choice)
            draft.right.append(right)
            draft.feedback.append(_with_format(note, kind)[1])
        if partial:
            self.importer.notice(line, said("import.partial_credit", choices=tuple(partial)))
        return draft


def _starts_question(lines: list[tuple[int, str]]) -> bool:
    """Whether lines left after a question's '}' are another question written straight after it."""
    first = lines[0][1]
    return first.startswith(("::", _CATEGORY)) or any("{" in text for _, text in lines)


def _true_false(line: int, answers: str, kind: str) -> Draft:
    # {T#shown when wrong#shown when right}
    bits = [*answers.split("#", 2), "", ""]
    value = bits[0].strip().upper() in _TRUE
    wrong, right = _with_format(bits[1], kind)[1], _with_format(bits[2], kind)[1]
    feedback = [right, wrong] if value else [wrong, right]
    return Draft(line, "", ["True", "False"], [value, not value], feedback)


# -- writing ---------------------------------------------------------------------------------------

_RESERVED = str.maketrans({c: "\\" + c for c in "\\~=#{}:"} | {"\n": "\\n"})


def _escape(text: str) -> str:
    """Text written so Moodle reads it back as it is: reserved characters escaped, HTML kept out."""
    escaped = text.translate(_RESERVED)
    if _FORMAT.match(text) or text.startswith("%") or "<" in text or "&" in text:
        # Moodle's default format would read tags and entities as HTML; [plain] shows them as
        # typed. It also keeps a leading "%50%" from being read as a weight.
        return "[plain]" + escaped
    return escaped


def _tag(tag: str) -> str:
    """A tag for a `[tag:...]` comment; a space keeps a last backslash from escaping the `]`."""
    tag = tag.replace("]", "\\]").replace("\n", " ")
    return f"{tag} " if tag.endswith("\\") else tag


def _weight(count: int) -> str:
    """Each right choice's share in percent, as Moodle's grade list writes it (33.33333)."""
    return f"{100 / count:.5f}".rstrip("0").rstrip(".")


def write(bank: Bank) -> tuple[str, list[Problem]]:
    """The bank as GIFT text, and notices for what GIFT cannot hold (each kind said once)."""
    losses = Losses(bank)
    out = [f"// {line}" for line in bank.title.split("\n")]
    out += [f"// {line}" for line in bank.description.split("\n") if line]
    out.append(f"// Exported by quiz from {bank.path.name}")
    out += _source_comments(bank.source)
    out.append("")
    if not bank.shuffle:
        losses.of_bank(said("gift.bank_order"))
    for question in bank.questions:
        out.append(_question(question, bank.source, bank.markdown))
        if not question.shuffle:
            losses.of(question, said("gift.choice_order"))
    return "\n".join(out), losses.notices()


def _source_comments(source: str) -> list[str]:
    """A source as `// source:` comments, a line each; Moodle drops them, quiz reads them."""
    return [f"{_SOURCE} {line}".rstrip() for line in source.split("\n")] if source else []


def _question(question: Question, bank_source: str, markdown: bool = False) -> str:
    lines = []
    if question.tags:
        lines.append("// " + " ".join(f"[tag:{_tag(t)}]" for t in question.tags))
    if question.source != bank_source:
        lines += _source_comments(question.source)
    # Moodle reads a Markdown question, its answers and feedback as Markdown (they take its
    # format; one that needs [plain] to keep a tag as typed says so itself).
    head = "[markdown]" + question.text.translate(_RESERVED) if markdown else _escape(question.text)
    if question.id != question_id(question.text) or question.text.startswith("/"):
        head = f"::{question.id.translate(_RESERVED)}::{head}"
    general = f"####{_escape(question.explanation)}" if question.explanation else ""
    feedback = question.feedback or ("",) * len(question.choices)
    answers = _answers(question, feedback)
    blank = _BLANK.search(head)
    if blank and head[blank.end() :].strip():
        # A missing-word question: the answers go where the blank is, on one line, as Moodle
        # writes it ("Moodle costs {~lots of money =nothing} to download.").
        block = "{" + " ".join(answers) + general + "}"
        lines.append(head[: blank.start()] + block + head[blank.end() :])
    elif len(answers) == 1:
        lines.append(head + "{" + answers[0] + general + "}")
    else:
        lines.append(head + "{")
        lines.extend(f"\t{answer}" for answer in answers)
        if general:
            lines.append(f"\t{general}")
        lines.append("}")
    return "\n".join(lines) + "\n"


def _answers(question: Question, feedback: tuple[str, ...]) -> list[str]:
    """The answers of a question as GIFT writes them: one `TRUE#...` part, or a part a choice."""
    if question.choices == ("True", "False") and len(question.answers) == 1:
        value = question.answers[0] == "True"
        right, wrong = (feedback[0], feedback[1]) if value else (feedback[1], feedback[0])
        notes = ""
        if wrong or right:
            notes = f"#{_escape(wrong)}" + (f"#{_escape(right)}" if right else "")
        return [("TRUE" if value else "FALSE") + notes]
    several = len(question.answers) > 1
    parts = []
    for choice, note in zip(question.choices, feedback, strict=True):
        if choice in question.answers:
            mark = f"~%{_weight(len(question.answers))}%" if several else "="
        else:
            mark = "~%-100%" if several else "~"
        parts.append(f"{mark}{_escape(choice)}" + (f"#{_escape(note)}" if note else ""))
    return parts
