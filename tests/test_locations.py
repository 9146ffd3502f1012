"""Where quiz reads and writes by default, and how each place is overridden; never the real home."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import BUNDLED

from quiz import locations


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with no questions/ folder in it."""
    folder = tmp_path / "here"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def folders(tmp_path: Path, *names: str) -> list[Path]:
    made = [tmp_path / name for name in names]
    for path in made:
        path.mkdir(parents=True, exist_ok=True)
    return made


def test_bank_option_beats_quiz_bank(here, tmp_path, monkeypatch) -> None:
    one, two, env = folders(tmp_path, "one", "two", "env")
    (here / "questions").mkdir()
    monkeypatch.setenv("QUIZ_BANK", str(env))
    assert locations.bank_dirs([str(one), str(two)]) == [one, two]


def test_quiz_bank_is_a_path_list_and_beats_questions_here(here, tmp_path, monkeypatch) -> None:
    one, two = folders(tmp_path, "one", "two")
    (here / "questions").mkdir()
    monkeypatch.setenv("QUIZ_BANK", os.pathsep.join([str(one), "", str(two)]))
    assert locations.bank_dirs() == [one, two]


def test_a_blank_quiz_bank_is_ignored(here, monkeypatch) -> None:
    (here / "questions").mkdir()
    monkeypatch.setenv("QUIZ_BANK", "  ")
    assert locations.bank_dirs() == [Path("questions")]


def test_questions_here_beats_the_bundled_banks(here) -> None:
    (here / "questions").mkdir()
    assert locations.bank_dirs() == [Path("questions")]


def test_the_bundled_banks_are_the_last_resort(here) -> None:
    assert locations.bank_dirs() == [locations.bundled_banks()]
    assert locations.bundled_banks().resolve() == BUNDLED
    assert (locations.bundled_banks() / "oic.en.yaml").is_file()


def test_a_questions_file_is_not_a_folder(here) -> None:
    (here / "questions").write_text("not a folder")
    assert locations.bank_dirs() == [locations.bundled_banks()]


def test_the_user_bank_folder_is_added_when_it_exists(here, isolated, tmp_path) -> None:
    (one,) = folders(tmp_path, "one")
    user = isolated / "user-banks"
    assert locations.user_banks() == user
    assert locations.bank_dirs([str(one)]) == [one]
    user.mkdir()
    assert locations.bank_dirs([str(one)]) == [one, user]
    assert locations.bank_dirs() == [locations.bundled_banks(), user]


def test_the_user_bank_folder_is_not_listed_twice(isolated) -> None:
    user = isolated / "user-banks"
    user.mkdir()
    assert locations.bank_dirs([str(user)]) == [user]


def test_the_user_bank_folder_defaults_to_the_data_dir(isolated, monkeypatch) -> None:
    monkeypatch.delenv("QUIZ_USER_BANKS")
    assert locations.user_banks() == isolated / "data" / "quiz" / "banks"


def test_bank_folders_expand_the_home_sign(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert locations.bank_dirs(["~/banks"]) == [tmp_path / "banks"]


def test_database_option_beats_quiz_db(isolated, monkeypatch) -> None:
    assert locations.database_path("x/scores.db") == Path("x/scores.db")
    assert locations.database_path() == isolated / "scores.sqlite3"
    monkeypatch.delenv("QUIZ_DB")
    assert locations.database_path() == isolated / "data" / "quiz" / "scores.sqlite3"


@pytest.mark.parametrize("off", ["off", "OFF", "0", "none"])
def test_quiz_cache_off(monkeypatch, off: str) -> None:
    monkeypatch.setenv("QUIZ_CACHE", off)
    assert locations.cache_path() is None


def test_quiz_cache_names_the_cache_file(isolated, monkeypatch) -> None:
    assert locations.cache_path() == isolated / "banks.sqlite3"
    monkeypatch.delenv("QUIZ_CACHE")
    assert locations.cache_path() == isolated / "cache" / "quiz" / "banks.sqlite3"


def test_no_default_path_is_in_the_real_home(isolated, monkeypatch) -> None:
    """With the overrides unset, every default still falls under the isolated XDG folders."""
    for name in ("QUIZ_DB", "QUIZ_CACHE", "QUIZ_USER_BANKS"):
        monkeypatch.delenv(name)
    paths = [
        locations.database_path(),
        locations.cache_path(),
        locations.user_banks(),
        locations.data_dir(),
    ]
    for path in paths:
        assert path is not None and path.is_relative_to(isolated), path
