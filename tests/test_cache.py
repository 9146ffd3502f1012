"""The bank cache: unchanged files are not re-parsed, changed ones are, bad caches are skipped."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import ROOT

import quiz.bank.cache
import quiz.bank.loader
from quiz import locations
from quiz.bank.cache import BankCache, display_name
from quiz.bank.catalog import Catalog, walk
from quiz.bank.model import Bank
from quiz.cli import main

BANKS = Path(__file__).parent / "banks"

BAD = """\
title: Broken bank
questions:
  - question: Q
    choices: [a]
    answer: a
"""


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every path the cache parses, in order."""
    seen: list[Path] = []
    real = quiz.bank.loader.parse_bank

    def counting(data: bytes, path: Path, **kwargs: object):
        seen.append(path)
        return real(data, path, **kwargs)

    # The cache may import parse_bank at the top or only when it needs to parse.
    monkeypatch.setattr(quiz.bank.loader, "parse_bank", counting)
    monkeypatch.setattr(quiz.bank.cache, "parse_bank", counting, raising=False)
    return seen


@pytest.fixture
def cache(isolated: Path):
    opened = BankCache.open(isolated / "cache" / "banks.sqlite3")
    yield opened
    opened.close()


def copy(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    target.write_bytes((BANKS / name).read_bytes())
    return target


def same(cached: Bank | None, fresh: Bank | None) -> bool:
    """Whether a bank from the cache is the bank read from its file (questions may be lazy)."""
    assert cached is not None and fresh is not None
    return replace(cached, questions=tuple(cached.questions)) == fresh


def bump_mtime(path: Path, seconds: int = 10) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + seconds * 1_000_000_000))


def test_a_second_load_of_an_unchanged_file_does_not_parse(cache, parses, tmp_path) -> None:
    path = copy("capitals.yaml", tmp_path)
    first = cache.load(path)
    second = cache.load(path)
    assert parses == [path]
    assert same(second.bank, first.bank)
    assert second.problems == first.problems == []


def test_a_new_process_reads_the_cache_file(isolated, parses, tmp_path) -> None:
    path = copy("capitals.yaml", tmp_path)
    first = BankCache.open(isolated / "c.sqlite3")
    fresh = first.load(path)
    first.close()
    second = BankCache.open(isolated / "c.sqlite3")
    assert same(second.load(path).bank, fresh.bank)
    assert second.summaries([path])[0].count == 3
    second.close()
    assert parses == [path]


def test_summaries_only_parse_changed_files(cache, parses, tmp_path) -> None:
    paths = [copy("capitals.yaml", tmp_path), copy("arabic.yaml", tmp_path)]
    first = cache.summaries(paths)
    assert parses == paths
    again = cache.summaries(paths)
    assert again == first
    assert parses == paths
    assert [(s.title, s.language, s.count, s.playable) for s in again] == [
        ("World capitals", "en", 3, True),
        ("منظمة التعاون الإسلامي", "ar", 2, True),
    ]
    cache.load(paths[1])  # the whole bank comes from what summaries stored
    assert parses == paths


def test_touching_a_file_reads_it_again(cache, parses, tmp_path) -> None:
    path = copy("capitals.yaml", tmp_path)
    cache.load(path)
    bump_mtime(path)
    cache.load(path)
    assert parses == [path, path]
    cache.summaries([path])
    assert parses == [path, path]


def test_editing_a_file_shows_the_edit(cache, parses, tmp_path) -> None:
    path = copy("capitals.yaml", tmp_path)
    assert cache.summaries([path])[0].title == "World capitals"
    path.write_text(path.read_text().replace("World capitals", "Capitals"), encoding="utf-8")
    bump_mtime(path)
    assert cache.summaries([path])[0].title == "Capitals"
    assert cache.load(path).bank.title == "Capitals"
    assert len(parses) == 2


def test_a_file_that_breaks_is_seen_broken(cache, tmp_path) -> None:
    path = copy("capitals.yaml", tmp_path)
    assert cache.load(path).bank is not None
    path.write_text(BAD, encoding="utf-8")
    bump_mtime(path)
    result = cache.load(path)
    assert result.bank is None
    assert result.errors[0].line == 4


def test_a_summary_of_a_file_with_errors_carries_the_first_error(cache, parses, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(BAD, encoding="utf-8")
    catalog = Catalog([tmp_path], cache)
    for _ in range(2):  # fresh, then from the cache
        (entry,) = catalog.entries()
        assert entry.summary.playable is False
        assert entry.summary.count == 0
        assert entry.summary.title == "Broken bank"
        assert entry.first_error is not None
        assert (entry.first_error.line, entry.first_error.column) == (4, 5)
        assert entry.first_error.message == "'choices' has 1; give between 2 and 10 choices"
    result = catalog.load(path)
    assert result.bank is None
    assert result.title == "Broken bank"
    assert [str(p) for p in result.problems] == [str(p) for p in entry.summary.problems]
    assert parses == [path]


def test_shuffle_and_feedback_survive_the_cache(cache, parses, tmp_path) -> None:
    path = copy("format-1.1.yaml", tmp_path)
    fresh = cache.load(path).bank
    cached = cache.load(path).bank
    assert parses == [path]
    assert same(cached, fresh)
    assert cached.shuffle is False
    primes, version, _ = cached.questions
    assert primes.answers == ("2", "3")
    assert version.shuffle is False
    assert version.feedback_for("1.10") == "Versions count each part as a whole number."


def test_sources_survive_the_cache(cache, parses, tmp_path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(
        "title: T\nsource: The atlas, p. 4\nquestions:\n"
        "  - {question: A, choices: [a, b], answer: a}\n"
        "  - {question: B, choices: [a, b], answer: a, source: 'https://example.org/b'}\n",
        encoding="utf-8",
    )
    fresh = cache.load(path).bank
    cached = cache.load(path).bank
    assert parses == [path]
    assert same(cached, fresh)
    assert cached.source == "The atlas, p. 4"
    assert [q.source for q in cached.questions] == ["The atlas, p. 4", "https://example.org/b"]


def test_the_text_format_survives_the_cache(cache, parses, tmp_path) -> None:
    path = tmp_path / "marked.yaml"
    path.write_text(
        "title: T\nformat: markdown\nquestions:\n"
        "  - {question: '**A**', choices: [a, b], answer: a}\n",
        encoding="utf-8",
    )
    fresh = cache.load(path).bank
    cached = cache.load(path).bank
    assert parses == [path]
    assert fresh.format == cached.format == "markdown"
    assert cached.questions[0].text == "**A**"


def test_a_damaged_cache_of_our_own_is_replaced(isolated, parses, tmp_path) -> None:
    path = copy("capitals.yaml", tmp_path)
    cache_file = isolated / "damaged.sqlite3"
    BankCache.open(cache_file).close()
    header = cache_file.read_bytes()[:100]  # ours: the magic and the application id
    cache_file.write_bytes(header + b"this is not a database page" * 200)
    damaged = BankCache.open(cache_file)
    assert damaged.notice is None
    assert damaged.load(path).bank is not None
    assert damaged.load(path).bank is not None
    damaged.close()
    assert parses == [path]
    assert b"this is not a database page" not in cache_file.read_bytes()


def test_a_cache_from_another_version_is_started_again(isolated, parses, tmp_path) -> None:
    path = copy("capitals.yaml", tmp_path)
    cache_file = isolated / "old.sqlite3"
    with sqlite3.connect(cache_file) as db:
        db.execute("CREATE TABLE files (path TEXT)")
        db.execute("PRAGMA user_version = 1")
    db.close()
    old = BankCache.open(cache_file)
    assert old.load(path).bank is not None
    assert old.load(path).bank is not None
    old.close()
    assert parses == [path]


def test_a_cache_that_cannot_be_written_is_skipped(isolated, parses, tmp_path) -> None:
    path = copy("capitals.yaml", tmp_path)
    (isolated / "a-file").write_text("")
    unusable = BankCache.open(isolated / "a-file" / "banks.sqlite3")
    assert unusable.load(path).bank is not None
    assert unusable.summaries([path])[0].count == 3
    assert parses == [path, path]


def test_quiz_cache_off_reads_every_time(monkeypatch, parses, tmp_path) -> None:
    monkeypatch.setenv("QUIZ_CACHE", "off")
    assert locations.cache_path() is None
    path = copy("capitals.yaml", tmp_path)
    cache = BankCache.open(locations.cache_path())
    cache.load(path)
    cache.load(path)
    assert parses == [path, path]


def test_quiz_list_with_the_cache_off_writes_no_cache(capsys, monkeypatch, isolated, tmp_path):
    monkeypatch.setenv("QUIZ_CACHE", "off")
    copy("capitals.yaml", tmp_path)
    assert main(["list", "--bank", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "World capitals" in out
    assert list(isolated.rglob("*.sqlite3*")) == []


def test_quiz_list_writes_the_cache_where_quiz_cache_says(capsys, isolated, tmp_path) -> None:
    copy("capitals.yaml", tmp_path)
    assert main(["list", "--bank", str(tmp_path)]) == 0
    assert (isolated / "banks.sqlite3").is_file()


def test_a_file_that_disappears_is_reported(cache, tmp_path) -> None:
    path = copy("capitals.yaml", tmp_path)
    cache.summaries([path])
    path.unlink()
    (summary,) = cache.summaries([path])
    assert summary.playable is False
    assert "cannot read the file" in summary.problems[0].message


def test_a_file_name_that_is_not_utf_8_is_cached_and_printable(cache, tmp_path) -> None:
    path = tmp_path / os.fsdecode(b"caf\xe9-\x1b[2J.yaml")
    path.write_bytes(BAD.encode())
    (summary,) = cache.summaries([path])
    (again,) = cache.summaries([path])
    assert again == summary
    name = summary.problems[0].path
    assert name.endswith("caf\\xe9-\\x1b[2J.yaml")
    name.encode("utf-8")  # strict: no lone surrogates left


def test_display_name_is_relative_inside_the_working_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert display_name(tmp_path / "sub" / "a.yaml") == os.path.join("sub", "a.yaml")
    assert display_name(ROOT / "questions" / "oic.en.yaml") == str(
        ROOT / "questions" / "oic.en.yaml"
    )


# -- finding bank files ----------------------------------------------------------------------------


def test_walk_finds_yaml_files_with_their_subject(tmp_path: Path) -> None:
    for name in ("b.yaml", "a.yml", "notes.txt", ".hidden.yaml", "math/algebra/x.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.yaml").write_text("x")
    found = [(f.path.relative_to(tmp_path).as_posix(), f.subject) for f in walk(tmp_path)]
    assert found == [("a.yml", ""), ("b.yaml", ""), ("math/algebra/x.yaml", "math/algebra")]


def test_a_catalog_lists_a_file_once_when_folders_overlap(cache, tmp_path: Path) -> None:
    copy("capitals.yaml", tmp_path)
    (tmp_path / "sub").mkdir()
    copy("arabic.yaml", tmp_path / "sub")
    catalog = Catalog([tmp_path, tmp_path / "sub"], cache)
    assert [e.file.path.name for e in catalog.entries()] == ["capitals.yaml", "arabic.yaml"]
    assert [e.file.subject for e in catalog.entries()] == ["", "sub"]
