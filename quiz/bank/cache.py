"""A cache of parsed, checked bank files, so listing banks and starting a quiz only stat files.

Entries are keyed by resolved path. An entry is used while the file's stamp is unchanged: its
device and inode, size, modification time and change time (nanoseconds) and the loader's
format version. A file rewritten with its old size and modification time (`cp -p`,
`rsync -t`, `tar`, `unzip`) still gets a new change time, or a new inode. An entry stored within
a few seconds of its file's last change (a file system that keeps times to 2 s could hide an
edit in that window) is checked against a hash of the file's content before it is used. The
questions of a cached bank are read lazily, and only while the entry still holds the content
they were listed from (StaleBank otherwise).

The cache is derived data: when it cannot be used (a read-only folder, a busy writer) quiz goes
on without it. It opens only a file that is its own (an SQLite file marked with its application
id, or empty, or absent); anything else at its path, a text file or the score database, is left
alone and `notice` says so in one line. One connection serves every thread, one at a time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from quiz.bank.cache_file import APPLICATION_ID, not_ours
from quiz.bank.lazy import LazySequence
from quiz.bank.model import FORMAT_VERSION, Bank, LoadResult, Problem, Question, Severity
from quiz.text.safe import printable_name
from quiz.text.wording import Wording, said

# Bump when what is stored changes shape, so old entries are read again from their files.
CACHE_VERSION = FORMAT_VERSION * 1000 + 8

#: An entry stored less than this after its file last changed is checked by content on use.
RACY_NS = 3_000_000_000

_SCHEMA = f"""
PRAGMA application_id = {APPLICATION_ID};
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    stamp TEXT NOT NULL,
    digest TEXT NOT NULL,
    stored_ns INTEGER NOT NULL,
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    language TEXT NOT NULL,
    description TEXT NOT NULL,
    tags TEXT NOT NULL,
    shuffle INTEGER NOT NULL,
    source TEXT NOT NULL,
    format TEXT NOT NULL,
    count INTEGER NOT NULL,
    playable INTEGER NOT NULL,
    problems TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS questions (
    path TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    qid TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (path, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS questions_by_id ON questions (path, qid);
"""


#: Ids asked for in one query (SQLite allows 32,766 parameters; fewer keeps each query quick).
_BATCH = 500


class StaleBank(LookupError):
    """A cached bank's questions were asked for after its file changed: load it again."""


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
    # realpath, not Path.resolve: a symbolic link loop must not raise.
    return printable_name(os.path.realpath(path))


@dataclass(frozen=True, slots=True)
class _Stat:
    """What a file's stat says about its content, and when it last changed."""

    stamp: str
    changed_ns: int


def _stat(path: Path) -> _Stat | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    stamp = f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"
    return _Stat(stamp, max(st.st_mtime_ns, st.st_ctime_ns))


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _problems(text: str) -> tuple[Problem, ...]:
    return tuple(Problem.from_stored(p) for p in json.loads(text))


class BankCache:
    """The cache file and the reads and writes on it, safe to use from several threads."""

    def __init__(
        self, connection: sqlite3.Connection | None, notice: Wording | None = None
    ) -> None:
        self._db = connection
        #: One line saying why a cache file was left alone, for the user to read.
        self.notice = notice
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path | None) -> BankCache:
        """Open (or create) the cache; one that cannot be used gives a cache that does nothing."""
        if path is None:
            return cls(None)
        problem = not_ours(path)
        if problem is not None:
            name = printable_name(str(path))
            return cls(None, said("cache.left_alone", path=name, problem=problem))
        for attempt in range(2):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                # The worker that reads statistics loads banks too: one connection, locked.
                db = sqlite3.connect(
                    path, timeout=1.0, isolation_level=None, check_same_thread=False
                )
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
                # A damaged cache of our own holds nothing worth keeping: start it again, once.
                # The header said it is ours (checked above), so nothing else is deleted.
                if attempt == 0 and os.path.isfile(path):
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{path}{suffix}").unlink(missing_ok=True)
                    continue
                return cls(None)
            except OSError:
                return cls(None)
        return cls(None)

    @property
    def keeps(self) -> bool:
        """Whether a bank read now is kept for the next start (False: no cache, or off)."""
        return self._db is not None

    def close(self) -> None:
        """Close the cache file."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def summaries(self, paths: Sequence[Path]) -> list[Summary]:
        """The summary of each file, reading only the files that changed since they were cached."""
        rows: dict[str, tuple] = {}
        with self._lock:
            if self._db is not None:
                try:
                    rows = {
                        row[0]: row
                        for row in self._db.execute(
                            "SELECT path, stamp, digest, stored_ns, version, title, language,"
                            " count, playable, problems FROM files"
                        )
                    }
                except sqlite3.Error:
                    rows = {}
        summaries = []
        for path in paths:
            row = rows.get(_key(path))
            stat = _stat(path)
            if row and stat and self._valid(path, stat, row[1], row[2], row[3], row[4]):
                summaries.append(
                    Summary(path, row[5], row[6], row[7], bool(row[8]), _problems(row[9]))
                )
            else:
                summaries.append(summarise(self._read(path, stat)))
        return summaries

    def load(self, path: Path) -> LoadResult:
        """The whole bank in a file, from the cache when the file is unchanged."""
        stat = _stat(path)
        cached = self._cached_bank(path, stat)
        return cached if cached is not None else self._read(path, stat)

    def cached(self, path: Path) -> LoadResult | None:
        """The bank in a file from the cache, None when the file must be read (changed since,
        or never read): reading it may take a while."""
        return self._cached_bank(path, _stat(path))

    def _valid(
        self, path: Path, stat: _Stat, stamp: str, digest: str, stored_ns: int, version: int
    ) -> bool:
        """Whether a row describes the file as it is now."""
        if (stamp, version) != (stat.stamp, CACHE_VERSION):
            return False
        if stored_ns - stat.changed_ns >= RACY_NS:
            return True
        # Stored right after the file changed: an edit in the same tick of a coarse clock would
        # keep the stamp. Compare the content; once it is old enough, trust the stamp again.
        from quiz.files import BANK_LIMIT, FileProblem, read_regular

        try:
            same = _digest(read_regular(path, limit=BANK_LIMIT)) == digest
        except FileProblem:
            return False
        if same and time.time_ns() - stat.changed_ns >= RACY_NS:
            self._mark_settled(_key(path))
        return same

    def _mark_settled(self, key: str) -> None:
        with self._lock:
            if self._db is None:
                return
            # On failure the next use compares the content again.
            with contextlib.suppress(sqlite3.Error):
                self._db.execute(
                    "UPDATE files SET stored_ns = ? WHERE path = ?", (time.time_ns(), key)
                )

    def _cached_bank(self, path: Path, stat: _Stat | None) -> LoadResult | None:
        if self._db is None or stat is None:
            return None
        key = _key(path)
        with self._lock:
            if self._db is None:
                return None
            try:
                row = self._db.execute(
                    "SELECT stamp, digest, stored_ns, version, title, language, description,"
                    " tags, playable, problems, shuffle, count, source, format FROM files"
                    " WHERE path = ?",
                    (key,),
                ).fetchone()
            except sqlite3.Error:
                return None
        if row is None or not self._valid(path, stat, row[0], row[1], row[2], row[3]):
            return None
        problems = list(_problems(row[9]))
        if not row[8]:
            return LoadResult(path, None, problems, row[4])
        questions = CachedQuestions(self, key, row[1], row[11])
        bank = Bank(
            path,
            row[4],
            row[5],
            row[6],
            tuple(json.loads(row[7])),
            questions,
            bool(row[10]),
            source=row[12],
            format=row[13],
        )
        return LoadResult(path, bank, problems, row[4])

    def _read(self, path: Path, stat: _Stat | None) -> LoadResult:
        # Imported here: a warm start never parses YAML, so it need not load PyYAML.
        from quiz.bank.loader import gc_paused, parse_bank
        from quiz.files import BANK_LIMIT, FileProblem, read_regular

        name = display_name(path)
        try:
            # The stamp was taken before the bytes were read: if the file changes meanwhile,
            # the entry is stale at once and read again, never the other way round.
            data = read_regular(path, limit=BANK_LIMIT, what="a bank")
        except FileProblem as problem:
            return LoadResult(path, None, [Problem(name, 1, 1, Severity.ERROR, problem.wording)])
        # Reading and storing make many objects and no cycles: no collection until both are done.
        with gc_paused():
            result = parse_bank(data, path, name=name)
            if self._db is not None and stat is not None:
                self._store(path, stat, _digest(data), result)
        return result

    def _store(self, path: Path, stat: _Stat, digest: str, result: LoadResult) -> None:
        key = _key(path)
        bank = result.bank
        summary = summarise(result)
        problems = json.dumps([p.stored() for p in result.problems], ensure_ascii=False)
        with self._lock:
            if self._db is None:
                return
            try:
                with _Transaction(self._db):
                    self._db.execute("DELETE FROM files WHERE path = ?", (key,))
                    self._db.execute(
                        "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            key,
                            stat.stamp,
                            digest,
                            time.time_ns(),
                            CACHE_VERSION,
                            summary.title,
                            summary.language,
                            bank.description if bank else "",
                            json.dumps(list(bank.tags) if bank else [], ensure_ascii=False),
                            int(bank.shuffle) if bank else 1,
                            bank.source if bank else "",
                            bank.format if bank else "plain",
                            summary.count,
                            int(summary.playable),
                            problems,
                        ),
                    )
                    if bank is not None:
                        self._db.executemany(
                            "INSERT INTO questions VALUES (?, ?, ?, ?)",
                            _question_rows(key, bank.questions),
                        )
            except sqlite3.Error:
                pass  # Another process holds the cache, or it is read-only: the next run tries.

    def _holding(self, key: str, digest: str) -> sqlite3.Connection:
        """The cache's connection while the entry `key` still holds the content `digest` names
        (call with the lock held); StaleBank when it does not."""
        if self._db is None:
            raise StaleBank(key)
        current = self._db.execute("SELECT digest FROM files WHERE path = ?", (key,)).fetchone()
        if current is None or current[0] != digest:
            raise StaleBank(key)
        return self._db

    def question_data(self, key: str, digest: str, index: int | None) -> list[str]:
        """The stored JSON of one question (or, with index None, of all), while the entry
        still holds the content `digest` names; StaleBank when it does not."""
        with self._lock:
            try:
                db = self._holding(key, digest)
                if index is None:
                    rows = db.execute(
                        "SELECT data FROM questions WHERE path = ? ORDER BY idx", (key,)
                    ).fetchall()
                else:
                    rows = db.execute(
                        "SELECT data FROM questions WHERE path = ? AND idx = ?", (key, index)
                    ).fetchall()
            except sqlite3.Error:
                raise StaleBank(key) from None
        return [data for (data,) in rows]

    def question_data_by_id(self, key: str, digest: str, ids: Sequence[str]) -> list[str]:
        """The stored JSON of the questions with these ids (those the entry has), while the
        entry still holds the content `digest` names; StaleBank when it does not."""
        found: list[str] = []
        with self._lock:
            try:
                db = self._holding(key, digest)
                for start in range(0, len(ids), _BATCH):
                    batch = ids[start : start + _BATCH]
                    marks = ", ".join("?" * len(batch))
                    found += [
                        data
                        for (data,) in db.execute(
                            f"SELECT data FROM questions WHERE path = ? AND qid IN ({marks})",
                            (key, *batch),
                        )
                    ]
            except sqlite3.Error:
                raise StaleBank(key) from None
        return found


class CachedQuestions(LazySequence[Question]):
    """A cached bank's questions, read from the cache only when asked for.

    A quiz of ten questions from a bank of 100,000 reads ten rows, so starting it does not grow
    with the bank. Reading them after the file changed and was cached again raises StaleBank:
    never a question of another version, never an IndexError from a bank that shrank.
    """

    def __init__(self, cache: BankCache, key: str, digest: str, count: int) -> None:
        self._cache = cache
        self._key = key
        self._digest = digest
        super().__init__(count)

    @property
    def content(self) -> str:
        """The hash of the file content these questions were read from."""
        return self._digest

    def _item(self, index: int) -> Question:
        rows = self._cache.question_data(self._key, self._digest, index)
        if not rows:
            raise StaleBank(self._key)
        return Question.from_json(json.loads(rows[0]))

    def __iter__(self) -> Iterator[Question]:
        rows = self._cache.question_data(self._key, self._digest, None)
        return (Question.from_json(json.loads(data)) for data in rows)

    def by_id(self, ids: Iterable[str]) -> dict[str, Question]:
        """The questions with these ids, by id (an id the bank does not have is left out):
        only their rows are read, whatever the size of the bank."""
        rows = self._cache.question_data_by_id(self._key, self._digest, sorted(set(ids)))
        questions = (Question.from_json(json.loads(data)) for data in rows)
        return {question.id: question for question in questions}


def questions_by_id(bank: Bank, ids: Iterable[str]) -> dict[str, Question]:
    """The questions of a bank with these ids, by id: read one by one from the cache for a
    cached bank, picked from the questions in memory otherwise."""
    if isinstance(bank.questions, CachedQuestions):
        return bank.questions.by_id(ids)
    wanted = set(ids)
    return {question.id: question for question in bank.questions if question.id in wanted}


def same_content(fresh: Bank, old: Bank) -> bool:
    """Whether two loads of a bank read the same file content (known only for cached ones)."""
    if isinstance(fresh.questions, CachedQuestions) and isinstance(old.questions, CachedQuestions):
        return fresh.questions.content == old.questions.content
    return fresh.questions == old.questions


def _question_rows(key: str, questions: Iterable[Question]) -> Iterable[tuple[str, int, str, str]]:
    for index, question in enumerate(questions):
        yield key, index, question.id, json.dumps(question.as_json(), ensure_ascii=False)


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
        # realpath, not Path.resolve: a symbolic link loop must not raise.
        return printable_name(str(Path(os.path.realpath(path)).relative_to(Path.cwd())))
    except ValueError:
        return printable_name(str(path))
