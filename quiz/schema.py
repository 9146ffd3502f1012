"""The JSON Schema of the bank format, for YAML editors (`quiz schema` prints it)."""

from __future__ import annotations

import json
from importlib import resources

#: Where editors fetch the schema: the one copy, quiz/bank.schema.json, in the repository.
SCHEMA_URL = "https://raw.githubusercontent.com/quiz-app/quiz/main/quiz/bank.schema.json"
SCHEMA_FILE = "bank.schema.json"


def schema() -> dict:
    """The JSON Schema (draft 2020-12) of a bank file, read from the installed package."""
    text = resources.files("quiz").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def modeline() -> str:
    """The comment that points yaml-language-server (VS Code and others) at the schema."""
    return f"# yaml-language-server: $schema={SCHEMA_URL}"
