"""Whose file the bank cache's path holds: the cache opens only its own, and leaves anything
else (a text file, the score database, another program's SQLite file) alone."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from quiz.text.wording import Wording, said

#: Marks a file as the bank cache in its SQLite header ("QZBC"); the score database has its own.
APPLICATION_ID = 0x515A4243

_SQLITE_MAGIC = b"SQLite format 3\x00"


def not_ours(path: Path) -> Wording | None:
    """Why the file at path is not the bank cache, or None when it is (or is absent or empty)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        return said("cache.cannot_read", reason=error.strerror or str(error))
    if not os.path.isfile(path):
        return said("cache.not_regular")
    if info.st_size == 0:
        return None
    try:
        with open(path, "rb") as file:
            header = file.read(100)
    except OSError as error:
        return said("cache.cannot_read", reason=error.strerror or str(error))
    if not header.startswith(_SQLITE_MAGIC):
        return said("cache.not_sqlite")
    application_id = int.from_bytes(header[68:72], "big") if len(header) >= 72 else 0
    if application_id == APPLICATION_ID:
        return None
    if application_id == 0 and _is_old_cache(path):
        return None
    return said("cache.other_database")


def _is_old_cache(path: Path) -> bool:
    """Whether an unmarked SQLite file is a cache of an earlier quiz: its tables, no others."""
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
        finally:
            db.close()
    except sqlite3.Error:
        return False
    return bool(tables) and tables <= {
        "files",
        "questions",
        "questions_by_id",
        "sqlite_autoindex_files_1",
    }
