"""Write a bank in our own YAML format, laid out as a person would write it.

Every scalar is written so that it reads back as the same text: plain when nothing in it could be
read otherwise (`yes`, `57`, `: `, a leading `*` all get quotes), a `|-` block for text over several
lines, single quotes for the rest, and PyYAML's double-quoted style for the rare text that holds
characters no other style can (tabs, odd line separators). The layout itself is written here, not by
PyYAML's emitter, which is many times slower on big banks.
"""

from __future__ import annotations

import re
import sys

import yaml
from yaml.resolver import Resolver

from quiz.bank import loader
from quiz.bank.loader import question_id
from quiz.bank.model import Bank, Question

#: The version written when a bank uses what format 1.1, 1.2 or 1.3 added.
VERSION = "1.3"

_STR = "tag:yaml.org,2002:str"
_RESOLVER = Resolver()
# Text any style but double quotes can hold: no control characters, no line separators but LF.
_PLAIN_CHARACTERS = re.compile("[^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]*")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`.~= ")
# What a YAML 1.2 reader (an editor's language server) could take for a number.
_NUMBER_LIKE = re.compile(r"[-+]?\.?[0-9][0-9a-zA-Z_.:+-]*")


def needs_version(bank: Bank) -> bool:
    """Whether the bank uses something format 1.1, 1.2 or 1.3 added."""
    return (
        not bank.shuffle
        or bool(bank.source)
        or bank.format != "plain"
        or any(q.multiple or q.feedback or not q.shuffle or q.source for q in bank.questions)
    )


def to_yaml(bank: Bank) -> str:
    """The bank as a YAML bank file that `quiz check` accepts and that reads back the same."""
    out: list[str] = []
    # Written only once the loader knows the key, so the file always passes `quiz check`.
    if "version" in loader.BANK_KEYS and needs_version(bank):
        out.append(f"version: {_scalar(VERSION, 2)}")
    out.append(f"title: {_scalar(bank.title, 2)}")
    out.append(f"language: {_scalar(bank.language, 2)}")
    if bank.description:
        out.append(f"description: {_scalar(bank.description, 2)}")
    if bank.source:
        out.append(f"source: {_scalar(bank.source, 2)}")
    if bank.format != "plain":
        out.append(f"format: {bank.format}")
    if bank.tags:
        out.append(f"tags: {_flow(bank.tags)}")
    if not bank.shuffle:
        out.append("shuffle: false")
    out.append("questions:")
    for index, question in enumerate(bank.questions):
        if index:
            out.append("")
        _question(out, question, bank.tags, bank.source)
    return "\n".join(out) + "\n"


def _question(
    out: list[str], question: Question, bank_tags: tuple[str, ...], bank_source: str
) -> None:
    fields: list[str] = []
    if question.id != question_id(question.text):
        fields.append(f"id: {_scalar(question.id, 6)}")
    fields.append(f"question: {_scalar(question.text, 6)}")
    fields.append("choices:")
    feedback = question.feedback or ("",) * len(question.choices)
    for choice, note in zip(question.choices, feedback, strict=True):
        if note:
            fields.append(f"  - text: {_scalar(choice, 10)}")
            fields.append(f"    feedback: {_scalar(note, 10)}")
        else:
            fields.append(f"  - {_scalar(choice, 8)}")
    if not question.multiple:
        fields.append(f"answer: {_scalar(question.answers[0], 6)}")
    elif any("\n" in answer for answer in question.answers):
        fields.append("answer:")
        fields.extend(f"  - {_scalar(answer, 8)}" for answer in question.answers)
    else:
        fields.append(f"answer: {_flow(question.answers)}")
    if question.explanation:
        fields.append(f"explanation: {_scalar(question.explanation, 6)}")
    # The loader gives a question without a source the bank's: write only a source of its own.
    if question.source and question.source != bank_source:
        fields.append(f"source: {_scalar(question.source, 6)}")
    # The loader puts the bank's tags first in every question's; write only the question's own.
    tags = question.tags
    if bank_tags and tags[: len(bank_tags)] == bank_tags:
        tags = tags[len(bank_tags) :]
    if tags:
        fields.append(f"tags: {_flow(tags)}")
    if not question.shuffle:
        fields.append("shuffle: false")
    out.append(f"  - {fields[0]}")
    out.extend(f"    {field}" for field in fields[1:])


def _flow(items: tuple[str, ...]) -> str:
    return "[" + ", ".join(_scalar(item, 0, flow=True) for item in items) + "]"


def _scalar(text: str, indent: int, *, flow: bool = False) -> str:
    """One text value as YAML, for after `key: ` or `- `; `indent` is where a block's lines go."""
    if "\n" in text:
        lines = text.split("\n")
        block_safe = (
            not flow
            and _PLAIN_CHARACTERS.fullmatch(text.replace("\n", ""))
            and not text[0].isspace()
            and not any(line != line.rstrip() for line in lines)
        )
        if block_safe:
            pad = " " * indent
            return "|-\n" + "\n".join(pad + line if line else "" for line in lines)
        return _double_quoted(text)
    if _plain_ok(text, flow):
        return text
    if _PLAIN_CHARACTERS.fullmatch(text):
        return "'" + text.replace("'", "''") + "'"
    return _double_quoted(text)


def _plain_ok(text: str, flow: bool) -> bool:
    """Whether text written bare reads back as the same text, in YAML 1.1 and 1.2 alike."""
    if (
        not text
        or text[0] in _INDICATORS
        or text[-1] in " :"
        or not _PLAIN_CHARACTERS.fullmatch(text)
    ):
        return False
    if ": " in text or " #" in text or "\t" in text:
        return False
    if flow and any(c in text for c in ",[]{}:#"):
        return False
    if _NUMBER_LIKE.fullmatch(text):
        return False
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR


def _double_quoted(text: str) -> str:
    """Text in double quotes with escapes, as PyYAML writes it (for what nothing else can hold)."""
    dumped = yaml.dump(text, allow_unicode=True, width=sys.maxsize, default_style='"')
    return dumped.rstrip("\n").removesuffix("\n...").rstrip("\n")
