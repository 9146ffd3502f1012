"""The one door to the score database: `Store`, on an SQLite file or a PostgreSQL server."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Any, Self

from quiz.store.backend import Database
from quiz.store.cards import CardQueries
from quiz.store.check import DatabaseCheck, check_database
from quiz.store.model import DEFAULT_PROFILE
from quiz.store.profiles import ProfileQueries
from quiz.store.reads import ReadQueries
from quiz.text.wording import Wording

#: How a score database on a PostgreSQL server is named, instead of a file's path.
URL_SCHEMES = ("postgresql://", "postgres://")


def is_server_url(target: Path | str) -> bool:
    """Whether a --db value names a PostgreSQL server rather than an SQLite file."""
    return isinstance(target, str) and target.startswith(URL_SCHEMES)


class Store(CardQueries, ReadQueries, ProfileQueries):
    """The one door to the score database; build it with Store.open().

    `profile` is the student whose sessions are started when a call names no profile.
    Sessions and answers: quiz.store.sessions; study cards: quiz.store.cards; reads for the
    statistics and the export: quiz.store.reads; renaming and deleting profiles:
    quiz.store.profiles.
    """

    def __init__(self, db: Database, *, profile: str = DEFAULT_PROFILE) -> None:
        self._db = db
        self.profile = profile
        #: The file's path or the server's URL without its password, as messages name it.
        self.where = db.where
        #: The SQLite file, or None on a server.
        self.path: Path | None = getattr(db, "path", None)
        #: What opens the same database again: the file's path, or the server's full URL
        #: (its password too: never print it; print `where`).
        self.target: Path | str = self.path if self.path is not None else getattr(db, "url", "")
        #: One line for each row a read left out (or read in part) because it was damaged or
        #: hand-edited: "session 7: its start time 'garbage' is not a time; it is left out".
        self.damaged: list[Wording] = []

    @classmethod
    def open(
        cls, target: Path | str, *, profile: str = DEFAULT_PROFILE, migrate: bool = True
    ) -> Store:
        """Open (creating if needed) the score database, migrated to the current schema.

        `target` is an SQLite file's path, or a `postgresql://` URL (which needs the
        `quiz[postgresql]` extra). Without `migrate` the schema is read, not changed (for
        `quiz db check`). Raises StoreError, one line, when the database cannot be used.
        """
        if is_server_url(target):
            # Imported only for a server: the SQLite path never loads psycopg.
            from quiz.store.postgresql import PostgreSQLDatabase

            return cls(PostgreSQLDatabase.open(str(target), migrate=migrate), profile=profile)
        from quiz.store.sqlite import SQLiteDatabase

        return cls(SQLiteDatabase.open(Path(target), migrate=migrate), profile=profile)

    @property
    def backend(self) -> str:
        """ "sqlite" or "postgresql"."""
        return self._db.dialect.name

    @property
    def _conn(self) -> Any:
        """The back end's own connection, for tests that look under the store."""
        return getattr(self._db, "connection", None)

    def check(self) -> DatabaseCheck:
        """What `quiz db check` reports: the schema version, the rows kept, what is wrong."""
        return check_database(self._db)

    def wait_for_writers(self, seconds: float) -> None:
        """How long a write waits for another program holding the database (a backup, a
        database browser) before it fails with StoreError: 10 s unless told; the app waits
        less, so that a busy database never freezes the screen for long."""
        setter = getattr(self._db, "wait_for_writers", None)
        if setter is not None:
            setter(seconds)

    def close(self) -> None:
        """Close the database; the store cannot be used afterwards."""
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
