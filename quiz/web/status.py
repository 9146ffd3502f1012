"""What a served student's app is doing, in a small file the server reads.

Each student signed in to `quiz serve` has one status file in the server's state folder, named
from a hash of their name (`status_path`). Their app process writes it whenever what it shows
changes (`write_status`): the screen, the bank, question n of N, answered and right so far, and
for a practice quiz under way its plan (the bank file, the session, each question's id with its
choices in the order shown), from which a new app process after a refresh or a dropped
connection resumes at the next unanswered question. The server reads it for the teacher page
(`read_status`). The file is the server's own, in a folder no browser reaches; a missing or
damaged one reads as None. Plain Python: no Textual.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

#: The environment variable naming an app process's status file (set by the server).
STATUS_VARIABLE = "QUIZ_WEB_STATUS"

#: A status file larger than this is not one of ours (a plan of 10,000 questions is ~1 MB).
LIMIT = 8 * 1024 * 1024


def name_key(name: str) -> str:
    """The form of a student's name two sign-ins are compared by: NFC, case folded, trimmed."""
    return unicodedata.normalize("NFC", name).strip().casefold()


def status_path(folder: Path, name: str) -> Path:
    """The status file of the student of that name, in the server's state folder."""
    digest = hashlib.sha256(name_key(name).encode("utf-8")).hexdigest()[:24]
    return folder / f"{digest}.json"


def write_status(path: Path, status: dict[str, Any]) -> None:
    """Replace the status file in one step (a reader never sees half of one)."""
    data = json.dumps(status, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    handle, temporary = tempfile.mkstemp(prefix=".status-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def read_status(path: Path) -> dict[str, Any] | None:
    """The status a student's app last wrote; None when there is none or it is not one."""
    try:
        with open(path, "rb") as stream:
            data = stream.read(LIMIT + 1)
    except OSError:
        return None
    if len(data) > LIMIT:
        return None
    try:
        status = json.loads(data)
    except ValueError:
        return None
    return status if isinstance(status, dict) else None
