"""Every path quiz reads or writes by default, in one place; each can be overridden.

| what            | option      | environment      | default                                  |
|-----------------|-------------|------------------|------------------------------------------|
| score database  | --db FILE   | QUIZ_DB          | user data dir / scores.sqlite3           |
| bank folders    | --bank DIR  | QUIZ_BANK (list) | ./questions, else the bundled banks      |
| user bank folder|             | QUIZ_USER_BANKS  | user data dir / banks                    |
| bank cache      |             | QUIZ_CACHE       | user cache dir / banks.sqlite3 ("off": none) |
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "quiz"
#: The banks that ship with the package (mapped from the repository's questions/ folder).
BUNDLED_BANKS = Path(__file__).parent / "bundled"
#: In a source checkout the bundled banks are the repository's own questions/ folder.
SOURCE_BANKS = Path(__file__).parent.parent / "questions"


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """The per-user folder for scores and user banks."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def database_path(option: str | None = None) -> Path | str:
    """The score database: --db, else QUIZ_DB, else the user data dir.

    A `postgresql://` URL (a database on a server) is returned as it is, as text.
    """
    from quiz.store.store import is_server_url

    value = option or os.environ.get("QUIZ_DB", "").strip()
    if is_server_url(value):
        return value
    if option:
        return Path(option).expanduser()
    return _env_path("QUIZ_DB") or data_dir() / "scores.sqlite3"


def cache_path() -> Path | None:
    """The bank cache file, or None when caching is off (QUIZ_CACHE=off)."""
    value = os.environ.get("QUIZ_CACHE", "").strip()
    if value.lower() in {"off", "0", "none"}:
        return None
    if value:
        return Path(value).expanduser()
    return platformdirs.user_cache_path(APP_NAME, appauthor=False) / "banks.sqlite3"


def user_banks() -> Path:
    """The per-user folder that teachers can drop bank files into."""
    return _env_path("QUIZ_USER_BANKS") or data_dir() / "banks"


def bundled_banks() -> Path:
    """The banks installed with the package (or, in a checkout, the repository's)."""
    return BUNDLED_BANKS if os.path.isdir(BUNDLED_BANKS) else SOURCE_BANKS


def bank_dirs(options: list[str] | None = None) -> list[Path]:
    """The folders banks are read from, in order.

    --bank (repeatable), else QUIZ_BANK (a path list), else ./questions when it exists, else the
    bundled banks; the user bank folder is always added when it exists.
    """
    if options:
        dirs = [Path(o).expanduser() for o in options]
    elif os.environ.get("QUIZ_BANK", "").strip():
        dirs = [Path(p).expanduser() for p in os.environ["QUIZ_BANK"].split(os.pathsep) if p]
    elif os.path.isdir(Path("questions")):
        dirs = [Path("questions")]
    else:
        dirs = [bundled_banks()]
    user = user_banks()
    if os.path.isdir(user) and all(user.resolve() != d.resolve() for d in dirs):
        dirs.append(user)
    return dirs
