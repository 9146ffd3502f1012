"""The PostgreSQL back end: the score database on a server, for many students at once.

`Store.open("postgresql://user@host:port/dbname")` comes here; psycopg 3 (the `quiz[postgresql]`
extra) is imported only then, so the SQLite path never loads it. The tables and their version
numbers are those of SQLite (quiz.store.postgresql_schema).

- One connection per process, in autocommit: an answer is committed when its INSERT returns.
  No pool: many short-lived processes (one per student) must not hold idle connections.
- A connection that drops (the server restarted, a proxy timed out) is made again once and the
  work run again; the work is a transaction or one statement, so nothing is done twice unless
  the connection dropped between the server's COMMIT and its reply. A second failure is a
  StoreError, one line.
- A database that has tables but no `quiz_schema` is someone else's and is never written to.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from quiz.store.backend import Params, T
from quiz.store.model import StoreError, doing
from quiz.store.postgresql_schema import MIGRATIONS, TABLES
from quiz.text.wording import Wording, said

if TYPE_CHECKING:
    import psycopg

#: Seconds to wait for the server to answer a connection.
CONNECT_TIMEOUT = 10

#: The advisory lock held while the schema is created or migrated (the text "QUIZ").
MIGRATION_LOCK = 0x5155495A

FIX = said("store.fix.url")
INSTALL = said("store.fix.install")


#: A password as a URL holds it (`//user:secret@`, `password=secret`), for a URL that urllib
#: cannot split, shown as written otherwise.
_PASSWORDS = re.compile(r"(//[^:@/?#]*):[^@/?#]*@|(?<=[?&])password=[^&#]*&?")


def display_url(url: str) -> str:
    """The URL as messages show it: without a password, in the URL or in its query."""
    try:
        parts = urlsplit(url)
    except ValueError:  # an unclosed "[" or a stray "]" around the host: not a URL to split
        return _PASSWORDS.sub(lambda m: f"{m[1]}@" if m[1] else "", url)
    netloc = parts.netloc
    if "@" in netloc:
        user, host = netloc.rsplit("@", 1)
        netloc = f"{user.split(':', 1)[0]}@{host}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k != "password"])
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


class PostgreSQLDialect:
    """PostgreSQL's side of the shared queries (see quiz.store.backend)."""

    name = "postgresql"

    def time(self, moment: datetime) -> datetime:
        return moment.astimezone(UTC)

    def read_time(self, value: Any) -> datetime:
        return value.astimezone(UTC)

    def any_of(self, column: str, name: str, values: Sequence[str | int]) -> tuple[str, object]:
        return f"{column} = ANY(:{name})", list(values)

    last_wrong = """
        SELECT bank, question_id FROM (
            SELECT DISTINCT ON (bank, question_id) bank, question_id, correct, id
            FROM answers
            WHERE profile = :profile AND final = TRUE{bank}
            ORDER BY bank, question_id, id DESC
        ) AS latest
        WHERE correct = FALSE
        ORDER BY bank, id
    """


DIALECT = PostgreSQLDialect()

_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


@lru_cache(maxsize=256)
def _native(sql: str) -> str:
    """The shared SQL's `:name` parameters as psycopg's `%(name)s`."""
    return _NAMED.sub(r"%(\1)s", sql.replace("%", "%%"))


class _Statements:
    """The Executor of one piece of work on a psycopg connection."""

    __slots__ = ("conn",)

    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def rows(self, sql: str, params: Params | None = None) -> list[tuple]:
        return self.conn.execute(_native(sql), params or {}).fetchall()

    def row(self, sql: str, params: Params | None = None) -> tuple | None:
        return self.conn.execute(_native(sql), params or {}).fetchone()

    def run(self, sql: str, params: Params | None = None) -> int:
        return self.conn.execute(_native(sql), params or {}).rowcount

    def run_many(self, sql: str, params: Sequence[Params]) -> None:
        if params:
            with self.conn.cursor() as cursor:
                cursor.executemany(_native(sql), params)

    def insert(self, sql: str, params: Params, key: str) -> int | None:
        row = self.conn.execute(_native(f"{sql} RETURNING {key}"), params).fetchone()
        return None if row is None else row[0]


class PostgreSQLDatabase:
    """The score database on a PostgreSQL server: one connection, one caller at a time."""

    dialect = DIALECT

    def __init__(self, url: str, connection: psycopg.Connection) -> None:
        self.url = url
        self.where = display_url(url)
        self.connection = connection
        self._lock = threading.Lock()

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> PostgreSQLDatabase:
        """Connect to the database at url and bring its schema up to date (unless not asked)."""
        where = display_url(url)
        try:
            urlsplit(url)
        except ValueError as error:
            raise StoreError(where, said("store.not_a_url", error=str(error)), FIX) from None
        try:
            import psycopg  # noqa: F401  (the extra's package: imported only for a server)
        except ImportError:
            raise StoreError(where, said("store.needs_psycopg"), INSTALL) from None
        connection = _connect(url, where)
        try:
            _check_version(connection, where)
            if migrate:
                _migrate(connection, where)
        except BaseException:
            connection.close()
            raise
        return cls(url, connection)

    def close(self) -> None:
        with self._lock:
            self.connection.close()

    def schema_version(self) -> int:
        """The schema version of the database."""
        return self._held(
            "read the schema version", lambda: _check_version(self.connection, self.where)
        )

    def integrity_problems(self) -> list[str]:
        """PostgreSQL keeps its own pages and keys whole: what is checked is that no table of
        the current schema is missing (a database of an older schema gets them on opening)."""

        def missing() -> list[str]:
            if _check_version(self.connection, self.where) != len(MIGRATIONS):
                return []
            rows = self.connection.execute(
                "SELECT t FROM unnest(%s::text[]) AS t WHERE to_regclass(t) IS NULL",
                (list(TABLES),),
            ).fetchall()
            return [f"the table {name} is missing" for (name,) in rows]

        return self._held("check the database", missing)

    def autocommit(self, action: str, work: Callable[[_Statements], T]) -> T:
        return self._held(action, lambda: work(_Statements(self.connection)))

    def transaction(self, action: str, work: Callable[[_Statements], T]) -> T:
        def in_transaction() -> T:
            with self.connection.transaction():
                return work(_Statements(self.connection))

        return self._held(action, in_transaction)

    def snapshot(self, action: str, work: Callable[[_Statements], T]) -> T:
        def in_snapshot() -> T:
            with self.connection.transaction():
                self.connection.execute(
                    "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
                )
                return work(_Statements(self.connection))

        return self._held(action, in_snapshot)

    def stream(self, action: str, sql: str, params: Params) -> Iterator[tuple]:
        import psycopg

        # Rows come in batches from a cursor on the server, inside a read-only transaction.
        with self._lock:
            self._reconnect_if_closed(action)
            try:
                with self.connection.transaction():
                    self.connection.execute("SET TRANSACTION READ ONLY")
                    with self.connection.cursor(name="quiz_stream") as cursor:
                        cursor.itersize = 2000
                        cursor.execute(_native(sql), params)
                        yield from cursor
            except psycopg.Error as error:
                raise self._failure(action, error) from None

    # -- connection ------------------------------------------------------------------------------

    def _held(self, action: str, run: Callable[[], T]) -> T:
        """Run with the connection held; a dropped connection is made again once, run again."""
        import psycopg

        with self._lock:
            self._reconnect_if_closed(action)
            try:
                return run()
            except psycopg.Error as error:
                if not self._lost(error):
                    raise self._failure(action, error) from None
            # The server went away (restarted, or the connection was cut): once more.
            self._reconnect(action)
            try:
                return run()
            except psycopg.Error as error:
                raise self._failure(action, error) from None

    def _lost(self, error: Exception) -> bool:
        import psycopg

        return isinstance(error, psycopg.OperationalError) and (
            self.connection.broken or self.connection.closed
        )

    def _reconnect_if_closed(self, action: str) -> None:
        if self.connection.closed:
            self._reconnect(action)

    def _reconnect(self, action: str) -> None:
        try:
            self.connection.close()
            self.connection = _connect(self.url, self.where)
        except StoreError as error:
            problem = str(error).removeprefix(f"{self.where}: ")
            raise StoreError(
                self.where,
                said("store.connection_lost_and", action=doing(action), problem=problem),
                said("store.fix.server_back"),
            ) from None

    def _failure(self, action: str, error: Exception) -> Exception:
        import psycopg

        if isinstance(
            error,
            psycopg.ProgrammingError
            | psycopg.IntegrityError
            | psycopg.DataError
            | psycopg.NotSupportedError,
        ) and not isinstance(error, psycopg.errors.InsufficientPrivilege):
            return error  # a bug in our SQL, not a problem with the server
        if self._lost(error):
            return StoreError(
                self.where,
                said("store.connection_lost", action=doing(action), error=_first_line(error)),
                said("store.fix.server_running"),
            )
        problem = said("store.cannot", action=doing(action), error=_first_line(error))
        return StoreError(self.where, problem, FIX)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _connect(url: str, where: str) -> psycopg.Connection:
    """Connect in autocommit, turning every way it can fail into one line with what to do."""
    import psycopg

    try:
        return psycopg.connect(
            url, autocommit=True, connect_timeout=CONNECT_TIMEOUT, application_name="quiz"
        )
    except psycopg.ProgrammingError as error:
        problem = said("store.not_a_url", error=_first_line(error))
        raise StoreError(where, problem, FIX) from None
    except psycopg.Error as error:
        raise StoreError(where, *_connect_problem(str(error))) from None


def _connect_problem(message: str) -> tuple[Wording, Wording]:
    """What went wrong connecting, and what to do, from the server's or libpq's message."""
    text = " ".join(message.split())
    if "password authentication failed" in text or "no password supplied" in text:
        return said("store.refused"), said("store.fix.password")
    found = re.search(r'database "([^"]*)" does not exist', text)
    if found:
        name = found.group(1)
        return said("store.no_database", name=name), said("store.fix.createdb", name=name)
    found = re.search(r'role "([^"]*)" does not exist', text)
    if found:
        return said("store.no_user", name=found.group(1)), said("store.fix.user")
    if any(
        sign in text
        for sign in (
            "Connection refused",
            "could not translate host name",
            "timeout expired",
            "No route to host",
            "Network is unreachable",
            "No such file or directory",
            "the database system is starting up",
            "the database system is shutting down",
        )
    ):
        return said("store.unreachable"), said("store.fix.reach")
    reason = re.sub(r"^connection failed: ", "", text)
    return said("store.cannot_connect", error=reason[:200]), FIX


def _check_version(connection: psycopg.Connection, where: str) -> int:
    """The schema version of the database, raising StoreError if it is not ours to use."""
    import psycopg

    try:
        with connection.transaction():
            objects, marked = connection.execute(
                """
                SELECT (SELECT COUNT(*) FROM pg_catalog.pg_class c
                          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = current_schema()
                           AND c.relkind IN ('r', 'p', 'v', 'm', 'f')),
                       to_regclass('quiz_schema') IS NOT NULL
                """
            ).fetchone() or (0, False)
            if not marked:
                if objects:
                    raise StoreError(
                        where, said("store.other_program_server"), said("store.fix.empty_database")
                    )
                return 0
            rows = connection.execute("SELECT application, version FROM quiz_schema").fetchall()
    except psycopg.Error as error:
        problem = said("store.cannot_read_server", error=_first_line(error))
        raise StoreError(where, problem, FIX) from None
    if len(rows) != 1 or rows[0][0] != "quiz":
        raise StoreError(where, said("store.not_our_schema"), FIX)
    version = rows[0][1]
    if version > len(MIGRATIONS):
        raise StoreError(
            where,
            said("store.newer", version=version, known=len(MIGRATIONS)),
            said("store.fix.upgrade_server"),
        )
    return version


def _migrate(connection: psycopg.Connection, where: str) -> None:
    """Apply the migration steps above the database's version, all in one transaction."""
    import psycopg

    if _check_version(connection, where) == len(MIGRATIONS):
        return
    try:
        with connection.transaction():
            # Two quizzes opening a new database at once: one migrates, the other then sees it.
            connection.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            version = _check_version(connection, where)
            for step in MIGRATIONS[version:]:
                for statement in step:
                    if isinstance(statement, str):
                        connection.execute(statement)
                    else:
                        statement(_Statements(connection), DIALECT)
            connection.execute("UPDATE quiz_schema SET version = %s", (len(MIGRATIONS),))
    except psycopg.Error as error:
        raise StoreError(
            where,
            said("store.cannot_migrate", error=_first_line(error)),
            said("store.fix.may_create"),
        ) from None
