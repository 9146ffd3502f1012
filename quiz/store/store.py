"""The one door to the score database: `Store`, on an SQLite file or a PostgreSQL server."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Any, Self

from quiz.store.backend import Database
from quiz.store.cards import CardQueries
from quiz.store.model import DEFAULT_PROFILE, StoreError
from quiz.store.reads import ReadQueries

#: How a score database on a PostgreSQL server is named, instead of a file's path.
URL_SCHEMES = ("postgresql://", "postgres://")


def is_server_url(target: Path | str) -> bool:
    """Whether a --db value names a PostgreSQL server rather than an SQLite file."""
    return isinstance(target, str) and target.startswith(URL_SCHEMES)


class Store(CardQueries, ReadQueries):
    """The one door to the score database; build it with Store.open().

    `profile` is the student whose sessions are started when a call names no profile.
    Sessions and answers: quiz.store.sessions; study cards: quiz.store.cards; reads for the
    statistics and the export: quiz.store.reads.
    """

    def __init__(self, db: Database, *, profile: str = DEFAULT_PROFILE) -> None:
        self._db = db
        self.profile = profile
        #: The file's path or the server's URL without its password, as messages name it.
        self.where = db.where
        #: The SQLite file, or None on a server.
        self.path: Path | None = getattr(db, "path", None)

    @classmethod
    def open(cls, target: Path | str, *, profile: str = DEFAULT_PROFILE) -> Store:
        """Open (creating if needed) the score database, migrated to the current schema.

        `target` is an SQLite file's path, or a `postgresql://` URL (which needs the
        `quiz[postgresql]` extra). Raises StoreError, one line, when it cannot be used.
        """
        if is_server_url(target):
            raise StoreError("the --db URL", "a PostgreSQL server cannot be used yet")
        from quiz.store.sqlite import SQLiteDatabase

        return cls(SQLiteDatabase.open(Path(target)), profile=profile)

    @property
    def backend(self) -> str:
        """ "sqlite" or "postgresql"."""
        return self._db.dialect.name

    @property
    def _conn(self) -> Any:
        """The back end's own connection, for tests that look under the store."""
        return getattr(self._db, "connection", None)

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
