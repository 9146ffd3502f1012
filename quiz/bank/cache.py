"""A cache of parsed, checked bank files, so listing banks and starting a quiz only stat files.

Entries are keyed by resolved path and are valid while the file's size and modification time and
the loader's format version are unchanged. The cache is derived data: when it cannot be used (a
read-only folder, a corrupt file, a busy writer) quiz goes on without it.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

from quiz.bank.model import FORMAT_VERSION, Bank, LoadResult, Problem, Question, Severity

# Characters a file name may hold that would break a one-line message or drive the terminal.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# Bump when what is stored changes shape, so old entries are read again from their files.
CACHE_VERSION = FORMAT_VERSION * 1000 + 3

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    language TEXT NOT NULL,
    description TEXT NOT NULL,
    tags TEXT NOT NULL,
    shuffle INTEGER NOT NULL,
    count INTEGER NOT NULL,
    playable INTEGER NOT NULL,
    problems TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS questions (
    path TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (path, idx)
) WITHOUT ROWID;
"""


@dataclass(frozen=True, slots=True)
class Summary:
    """What listing a bank needs, without its questions."""

    path: Path
    title: str
    language: str
    count: int
    playable: bool
    problems: tuple[Problem, ...]


def summarise(result: LoadResult) -> Summary:
    """The summary of a freshly loaded file."""
    bank = result.bank
    return Summary(
        path=result.path,
        title=bank.title if bank else result.title,
        language=bank.language if bank else "",
        count=len(bank.questions) if bank else 0,
        playable=bank is not None,
        problems=tuple(result.problems),
    )


def _key(path: Path) -> str:
    """A file's key in the cache: its resolved path, with undecodable bytes as escapes."""
    return printable_name(str(path.resolve()))


def printable_name(name: str) -> str:
    """A file name that can be stored and printed: bytes that are not UTF-8 and control
    characters (both possible in file names) written as escapes such as \\xff."""
    try:
        name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        name = name.encode("utf-8", "backslashreplace").decode("utf-8")
    return _UNPRINTABLE.sub(lambda m: ascii(m[0])[1:-1], name)


def _stat_key(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _problems(text: str) -> tuple[Problem, ...]:
    return tuple(
        Problem(
            p["path"],
            p["line"],
            p["column"],
            Severity(p["severity"]),
            p["message"],
            p["rule"] or "",
        )
        for p in json.loads(text)
    )


class BankCache:
    """The cache file and the reads and writes on it."""

    def __init__(self, connection: sqlite3.Connection | None) -> None:
        self._db = connection

    @classmethod
    def open(cls, path: Path | None) -> BankCache:
        """Open (or create) the cache; one that cannot be used gives a cache that does nothing."""
        if path is None:
            return cls(None)
        for attempt in range(2):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(path, timeout=1.0, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=OFF")  # derived data: a lost write is re-read
                db.execute("PRAGMA foreign_keys=ON")
                if db.execute("PRAGMA user_version").fetchone()[0] != CACHE_VERSION:
                    db.executescript(
                        "DROP TABLE IF EXISTS questions; DROP TABLE IF EXISTS files;"
                        + _SCHEMA
                        + f"PRAGMA user_version={CACHE_VERSION};"
                    )
                return cls(db)
            except sqlite3.DatabaseError:
                # A corrupt cache holds nothing worth keeping: start it again, once.
                if attempt == 0 and path.is_file():
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{path}{suffix}").unlink(missing_ok=True)
                    continue
                return cls(None)
            except OSError:
                return cls(None)
        return cls(None)

    def close(self) -> None:
        """Close the cache file."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def summaries(self, paths: Sequence[Path]) -> list[Summary]:
        """The summary of each file, reading only the files that changed since they were cached."""
        rows: dict[str, tuple] = {}
        if self._db is not None:
            try:
                rows = {
                    row[0]: row
                    for row in self._db.execute(
                        "SELECT path, size, mtime_ns, version, title, language, count, playable,"
                        " problems FROM files"
                    )
                }
            except sqlite3.Error:
                rows = {}
        summaries = []
        for path in paths:
            key = _key(path)
            row = rows.get(key)
            stat = _stat_key(path)
            if row and stat and (row[1], row[2], row[3]) == (*stat, CACHE_VERSION):
                summaries.append(
                    Summary(path, row[4], row[5], row[6], bool(row[7]), _problems(row[8]))
                )
            else:
                summaries.append(summarise(self._read(path, stat)))
        return summaries

    def load(self, path: Path) -> LoadResult:
        """The whole bank in a file, from the cache when the file is unchanged."""
        stat = _stat_key(path)
        cached = self._cached_bank(path, stat)
        return cached if cached is not None else self._read(path, stat)

    def _cached_bank(self, path: Path, stat: tuple[int, int] | None) -> LoadResult | None:
        if self._db is None or stat is None:
            return None
        key = _key(path)
        try:
            row = self._db.execute(
                "SELECT size, mtime_ns, version, title, language, description, tags, playable,"
                " problems, shuffle, count FROM files WHERE path = ?",
                (key,),
            ).fetchone()
            if row is None or (row[0], row[1], row[2]) != (*stat, CACHE_VERSION):
                return None
            problems = list(_problems(row[8]))
            if not row[7]:
                return LoadResult(path, None, problems, row[3])
        except sqlite3.Error:
            return None
        questions = CachedQuestions(self._db, key, row[10])
        bank = Bank(
            path, row[3], row[4], row[5], tuple(json.loads(row[6])), questions, bool(row[9])
        )
        return LoadResult(path, bank, problems, row[3])

    def _read(self, path: Path, stat: tuple[int, int] | None) -> LoadResult:
        # Imported here: a warm start never parses YAML, so it need not load PyYAML.
        from quiz.bank.loader import load_bank

        result = load_bank(path, name=display_name(path))
        if self._db is not None and stat is not None:
            self._store(path, stat, result)
        return result

    def _store(self, path: Path, stat: tuple[int, int], result: LoadResult) -> None:
        key = _key(path)
        bank = result.bank
        summary = summarise(result)
        problems = json.dumps([p.as_json() for p in result.problems], ensure_ascii=False)
        try:
            with self._transaction():
                self._db.execute("DELETE FROM files WHERE path = ?", (key,))
                self._db.execute(
                    "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        key,
                        *stat,
                        CACHE_VERSION,
                        summary.title,
                        summary.language,
                        bank.description if bank else "",
                        json.dumps(list(bank.tags) if bank else [], ensure_ascii=False),
                        int(bank.shuffle) if bank else 1,
                        summary.count,
                        int(summary.playable),
                        problems,
                    ),
                )
                if bank is not None:
                    self._db.executemany(
                        "INSERT INTO questions VALUES (?, ?, ?)",
                        _question_rows(key, bank.questions),
                    )
        except sqlite3.Error:
            pass  # Another process holds the cache, or it is read-only: the next run tries again.

    def _transaction(self) -> _Transaction:
        assert self._db is not None
        return _Transaction(self._db)


class CachedQuestions(Sequence[Question]):
    """A cached bank's questions, read from the cache only when asked for.

    A quiz of ten questions from a bank of 100,000 reads ten rows, so starting it does not grow
    with the bank.
    """

    def __init__(self, db: sqlite3.Connection, key: str, count: int) -> None:
        self._db = db
        self._key = key
        self._count = count

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Question: ...

    @overload
    def __getitem__(self, index: slice) -> list[Question]: ...

    def __getitem__(self, index: int | slice) -> Question | list[Question]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        row = self._db.execute(
            "SELECT data FROM questions WHERE path = ? AND idx = ?", (self._key, index)
        ).fetchone()
        if row is None:
            raise IndexError(index)
        return Question.from_json(json.loads(row[0]))

    def __iter__(self) -> Iterator[Question]:
        rows = self._db.execute(
            "SELECT data FROM questions WHERE path = ? ORDER BY idx", (self._key,)
        ).fetchall()
        return (Question.from_json(json.loads(data)) for (data,) in rows)


def _question_rows(key: str, questions: Iterable[Question]) -> Iterable[tuple[str, int, str]]:
    for index, question in enumerate(questions):
        yield key, index, json.dumps(question.as_json(), ensure_ascii=False)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on error."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, *_: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


def display_name(path: Path) -> str:
    """How messages name a file: relative to the working folder when it is inside it."""
    try:
        return printable_name(str(path.resolve().relative_to(Path.cwd())))
    except ValueError:
        return printable_name(str(path))
