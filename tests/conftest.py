"""Shared fixtures: every test runs with its own database, cache and user folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.text.settings import Settings, use

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "questions"


@pytest.fixture(autouse=True)
def isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every default path at a fresh folder, so no test touches the real home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("QUIZ_DB", str(home / "scores.sqlite3"))
    monkeypatch.setenv("QUIZ_CACHE", str(home / "banks.sqlite3"))
    monkeypatch.setenv("QUIZ_USER_BANKS", str(home / "user-banks"))
    for name in ("QUIZ_BANK", "QUIZ_PROFILE", "QUIZ_LANG", "QUIZ_RTL", "QUIZ_DIGITS"):
        monkeypatch.delenv(name, raising=False)
    # The interface language follows the locale: every test runs in English unless it says not.
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    use(Settings())
    return home


@pytest.fixture
def write(tmp_path: Path):
    """Write a text file under tmp_path and return its path: write("a.yaml", text)."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def three(tmp_path: Path) -> Path:
    """A bank folder holding the three-capitals bank of tests/ui_helpers.py."""
    from ui_helpers import THREE  # here: ui_helpers loads the Textual app

    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "three.yaml").write_text(THREE, encoding="utf-8")
    return folder


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path):
    """Where a score store is opened, once for each back end: a file, or a new PostgreSQL
    database (skipped, saying why, where there is no server; see tests/backends.py).

    A test marked `sqlite_only` (it looks at SQLite's own tables or pragmas) runs on SQLite only.
    """
    from backends import target_of

    if request.param != "sqlite" and request.node.get_closest_marker("sqlite_only"):
        pytest.skip("looks under the store at SQLite itself")
    with target_of(request.param, tmp_path) as target:
        yield target
