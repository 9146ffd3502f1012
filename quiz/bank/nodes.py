"""Reading YAML nodes as bank values: text, flags, tags and mappings, each mistake a problem."""

from __future__ import annotations

import difflib
import re
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from quiz.bank.clean import UNSAFE_IN_VALUE, clean, describe, is_bidi_control, strip_unsafe
from quiz.bank.model import Problem, Severity
from quiz.text.wording import Value, Wording, said

STR_TAG = "tag:yaml.org,2002:str"
_DEFAULT_TAGS = frozenset({STR_TAG, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"})
# Half of a UTF-16 pair: PyYAML reads "\ud800" into one, which no file or terminal can hold.
_SURROGATE = re.compile("[\ud800-\udfff]")


class NodeReader:
    """Reads the values of one file's nodes, collecting its problems."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.error_count = 0

    # -- reporting -------------------------------------------------------------------------------

    def error(self, node_or_mark: object, message: Wording) -> None:
        self.error_count += 1
        self._add(node_or_mark, Severity.ERROR, message)

    def warning(self, node_or_mark: object, message: Wording) -> None:
        self._add(node_or_mark, Severity.WARNING, message)

    def _add(self, where: object, severity: Severity, message: Wording) -> None:
        mark: Any = getattr(where, "start_mark", where)
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        self.problems.append(Problem(self.name, line, column, severity, _printable(message)))

    def at(self, line: int, column: int, severity: Severity, message: Wording) -> None:
        if severity is Severity.ERROR:
            self.error_count += 1
        self.problems.append(Problem(self.name, line, column, severity, _printable(message)))

    # -- values -----------------------------------------------------------------------------------

    def flag(self, entry: tuple[Node, Node] | None, *, default: bool) -> bool:
        """A true/false setting such as 'shuffle'."""
        if entry is None:
            return default
        value = self.text(entry, f"'{entry[0].value}'")
        if value in ("true", "false"):
            return value == "true"
        if value is not None:
            self.error(
                value_place(entry),
                said("problem.not_a_flag", name=entry[0].value, value=short(value)),
            )
        return default

    def tags(self, entry: tuple[Node, Node] | None) -> tuple[str, ...]:
        if entry is None:
            return ()
        key, node = entry
        if isinstance(node, ScalarNode) and node.tag == STR_TAG and node.value.strip() == "":
            return ()
        if not self.tag_ok(node):
            return ()
        if not isinstance(node, SequenceNode):
            self.error(node, said("problem.tags_not_a_list"))
            return ()
        tags: list[str] = []
        for item in node.value:
            tag = self.text((key, item), said("problem.what.tag"))
            if tag and tag not in tags:
                tags.append(tag)
        return tuple(tags)

    # -- building blocks -------------------------------------------------------------------------

    def tag_ok(self, node: Node) -> bool:
        if node.tag in _DEFAULT_TAGS:
            return True
        self.error(node, said("problem.yaml_tag", tag=short(_tag_name(node.tag))))
        return False

    def mapping(
        self, node: MappingNode, allowed: tuple[str, ...], where: Wording
    ) -> dict[str, tuple[Node, Node]]:
        """The entries of a mapping by key, reporting unknown, duplicate and non-text keys."""
        fields: dict[str, tuple[Node, Node]] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode) or key.tag != STR_TAG:
                self.error(key, said("problem.key_not_a_word"))
                continue
            name = key.value
            if name in fields:
                first = fields[name][0].start_mark.line + 1
                self.error(key, said("problem.duplicate_key", name=name, first=first))
                continue
            if name not in allowed:
                self.error(key, _unknown_key(name, allowed, where))
                continue
            fields[name] = (key, value)
        return fields

    def text(self, entry: tuple[Node, Node] | None, what: Value) -> str | None:
        """The cleaned text of a scalar value, or None (reported) when it is not text."""
        if entry is None:
            return None
        node = entry[1]
        # The common case first, quickly: a plain or single-quoted string, or a block scalar.
        if type(node) is ScalarNode and node.tag == STR_TAG and node.style != '"':
            return clean(node.value)
        if not self.tag_ok(node):
            return None
        if not isinstance(node, ScalarNode):
            listed = isinstance(node, SequenceNode)
            self.error(
                node,
                said("problem.not_text_list" if listed else "problem.not_text_mapping", what=what),
            )
            return None
        value = node.value
        if node.style == '"' and _SURROGATE.search(value):
            self.error(node, said("problem.surrogate_escape", what=what))
            return None
        # Only a double-quoted scalar can hold characters its file did not (through escapes).
        if node.style == '"' and UNSAFE_IN_VALUE.search(value):
            for char in sorted(set(UNSAFE_IN_VALUE.findall(value))):
                self.warning(node, unsafe_message(char, escaped=True))
            value = UNSAFE_IN_VALUE.sub("", value)
        return clean(value)


def unsafe_message(char: str, *, escaped: bool = False) -> Wording:
    """Why a control or bidi character was dropped from a file or an escape, and what to do."""
    if is_bidi_control(char):
        return said(
            "problem.bidi_escaped" if escaped else "problem.bidi_in_file", char=describe(char)
        )
    return said(
        "problem.control_escaped" if escaped else "problem.control_in_file", char=describe(char)
    )


def _unknown_key(name: str, allowed: tuple[str, ...], where: Wording) -> Wording:
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    if close:
        return said("problem.unknown_key_close", name=short(name), close=close[0])
    return said("problem.unknown_key", name=short(name), where=where, keys=", ".join(allowed))


def value_place(entry: tuple[Node, Node]) -> Node:
    """Where a problem with a value is: the value, or its key when nothing was written after it
    (an absent value has no place of its own, and libyaml and PyYAML give it different ones)."""
    key, value = entry
    if isinstance(value, ScalarNode) and value.value == "" and not value.style:
        return key
    return value


def _printable(message: Wording) -> Wording:
    """A message safe to print: a key or tag quoted in it may hold control characters."""
    return Wording(
        message.key,
        tuple(
            (name, _printable_value(value) if isinstance(value, str) else value)
            for name, value in message.values
        ),
    )


def _printable_value(text: str) -> str:
    text = strip_unsafe(text)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return text


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _tag_name(tag: str) -> str:
    """A tag as it was written: `!!python/object` rather than its full URI."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag
