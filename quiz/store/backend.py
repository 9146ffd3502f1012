"""What a back end gives the store: one connection, its dialect, and its failures as StoreError.

The queries of quiz.store (sessions, cards, reads) are written once, in the SQL that SQLite and
PostgreSQL share, with `:name` parameters and a dict of values. What differs between the two
lives here, in a `Dialect`, and in the back-end modules quiz.store.sqlite and
quiz.store.postgresql (schema, migrations, connecting, transactions, errors):

- parameters: `:name` as written; PostgreSQL's back end rewrites them as `%(name)s`;
- booleans: TRUE and FALSE in SQL (SQLite reads them as 1 and 0), Python bools as values;
- times: `Dialect.time` makes the value bound (SQLite: fixed-width ISO 8601 UTC text, which
  sorts as it orders; PostgreSQL: timestamptz) and `Dialect.read_time` reads one back;
- a list of values for IN: `Dialect.any_of`;
- the few queries whose best form differs (`Dialect.last_wrong`).

Work is handed to the back end as a function of an `Executor`, so that a back end that loses
its connection can connect again and run the same work once more (see quiz.store.postgresql).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol, TypeVar

T = TypeVar("T")

#: The values bound to a statement's `:name` parameters.
Params = Mapping[str, Any]


class Dialect(Protocol):
    """The differences between the SQL of two back ends that the shared queries need."""

    @property
    def name(self) -> str:
        """ "sqlite" or "postgresql"."""
        ...

    def time(self, moment: datetime) -> object:
        """Return the value bound for an aware time."""
        ...

    def read_time(self, value: Any) -> datetime:
        """Return the aware UTC datetime of a time read back."""
        ...

    def any_of(self, column: str, name: str, values: Sequence[str | int]) -> tuple[str, object]:
        """Return SQL testing that column is one of values (bound as `:name`), and the value."""
        ...

    @property
    def last_wrong(self) -> str:
        """The query of the questions whose latest final answer of a profile was wrong.

        Rows of (bank, question_id) sorted by bank, then by when it was got wrong. Parameters:
        `:profile`, and `:bank` when `{bank}` is replaced by " AND bank = :bank".
        """
        ...


class Executor(Protocol):
    """Statements on the connection a back end holds for one piece of work."""

    def rows(self, sql: str, params: Params | None = None) -> list[tuple]:
        """Run a query and return every row."""
        ...

    def row(self, sql: str, params: Params | None = None) -> tuple | None:
        """Run a query and return its first row, or None."""
        ...

    def run(self, sql: str, params: Params | None = None) -> int:
        """Run a statement and return how many rows it changed."""
        ...

    def run_many(self, sql: str, params: Sequence[Params]) -> None:
        """Run a statement once for each set of values."""
        ...

    def insert(self, sql: str, params: Params, key: str) -> int | None:
        """Run an INSERT and return the `key` column of the row it made, or None for no row."""
        ...


class Database(Protocol):
    """One connection to a score database, held by one caller at a time."""

    #: The file's path or the server's URL without its password, named in every message.
    where: str

    @property
    def dialect(self) -> Dialect:
        """The SQL differences of this back end."""
        ...

    def autocommit(self, action: str, work: Callable[[Executor], T]) -> T:
        """Run work where each statement is committed as it runs; failures are StoreError.

        `action` completes the message "cannot ..." (e.g. "save the answer").
        """
        ...

    def transaction(self, action: str, work: Callable[[Executor], T]) -> T:
        """Run work in one transaction, committed before this returns."""
        ...

    def snapshot(self, action: str, work: Callable[[Executor], T]) -> T:
        """Run read-only work on one consistent snapshot that writers do not wait for."""
        ...

    def stream(self, action: str, sql: str, params: Params) -> Iterator[tuple]:
        """Yield the rows of a read-only query one at a time, without holding them all."""
        ...

    def schema_version(self) -> int:
        """The schema version of the database (the number of migrations applied)."""
        ...

    def integrity_problems(self) -> list[str]:
        """What the back end's own checks find wrong (pages, keys, missing tables), one a line."""
        ...

    def close(self) -> None:
        """Close the connection; the database cannot be used afterwards."""
        ...
