"""The JSON Schema of the bank format, for YAML editors (`quiz schema` prints it)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

#: The schema's file name: in the package, and beside the bank files that `quiz new` writes.
SCHEMA_FILE = "bank.schema.json"
#: The schema's identity (a URN: no network address is needed to use it).
SCHEMA_ID = "urn:quiz:bank-schema:1.3"
_ID_PREFIX = "urn:quiz:bank-schema:"
# Far more than any schema quiz writes: a bigger file there is not ours.
_SCHEMA_LIMIT = 1_000_000


def schema() -> dict:
    """The JSON Schema (draft 2020-12) of a bank file, read from the installed package."""
    text = resources.files("quiz.bank").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def modeline() -> str:
    """The comment that points yaml-language-server (VS Code and others) at the schema.

    The path is relative to the bank file, so the schema is read from beside it, offline.
    """
    return f"# yaml-language-server: $schema={SCHEMA_FILE}"


def write_beside(bank: Path) -> Path | None:
    """Write the schema next to a bank file unless one is there; the path written, or None.

    A schema an older quiz wrote there is replaced: it would underline the keys added since.
    """
    from quiz.files import FileExists, FileProblem, write_new

    target = bank.parent / SCHEMA_FILE
    text = json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"
    try:
        # Never over a file, nor through a link planted at its name.
        write_new(target, text)
    except FileExists:
        if not _older_quiz_schema(target):
            return None
        try:
            write_new(target, text, force=True)  # replaced whole: a link is replaced, not followed
        except FileProblem:
            return None
    except FileProblem:
        return None  # the bank was written; editors only help less without the schema
    return target


def _older_quiz_schema(path: Path) -> bool:
    """Whether a file is the schema of an older format version, written by quiz."""
    from quiz.files import FileProblem, read_regular

    try:
        found = json.loads(read_regular(path, limit=_SCHEMA_LIMIT, what="a schema"))
    except (FileProblem, ValueError):
        return False
    old = found.get("$id") if isinstance(found, dict) else None
    if not isinstance(old, str) or not old.startswith(_ID_PREFIX):
        return False
    return _version(old) < _version(SCHEMA_ID)


def _version(schema_id: str) -> tuple[int, ...]:
    """`urn:quiz:bank-schema:1.2` gives (1, 2); an unreadable version gives ()."""
    parts = schema_id.removeprefix(_ID_PREFIX).split(".")
    return tuple(int(p) for p in parts) if all(p.isdigit() for p in parts) else ()
