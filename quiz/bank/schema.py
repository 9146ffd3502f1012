"""The JSON Schema of the bank format, for YAML editors (`quiz schema` prints it)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

#: The schema's file name: in the package, and beside the bank files that `quiz new` writes.
SCHEMA_FILE = "bank.schema.json"
#: The schema's identity (a URN: no network address is needed to use it).
SCHEMA_ID = "urn:quiz:bank-schema:1.1"


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
    """Write the schema next to a bank file unless one is there; the path written, or None."""
    from quiz.files import FileExists, FileProblem, write_new

    target = bank.parent / SCHEMA_FILE
    try:
        # Never over a file, nor through a link planted at its name.
        write_new(target, json.dumps(schema(), indent=2, ensure_ascii=False) + "\n")
    except FileExists:
        return None
    except FileProblem:
        return None  # the bank was written; editors only help less without the schema
    return target
