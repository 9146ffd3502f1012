"""The two back ends of the score store, for tests that run against both.

SQLite needs nothing. PostgreSQL needs a server: QUIZ_TEST_POSTGRESQL names one
(`postgresql://user:password@host:port/dbname`, a user that may create databases; .ci/run starts
a throw-away one), and psycopg (the test extra has it). Each test gets a new database of its
own, dropped afterwards. Where either is missing, the PostgreSQL tests skip, saying why.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

BACKENDS = ("sqlite", "postgresql")

_names = itertools.count()


def server_url() -> str:
    """The test server's URL, or skip the test saying why there is none."""
    url = os.environ.get("QUIZ_TEST_POSTGRESQL", "").strip()
    if not url:
        pytest.skip("no PostgreSQL server: set QUIZ_TEST_POSTGRESQL (.ci/run starts one)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("no psycopg: pip install 'quiz[postgresql]'")
    return url


def with_database(url: str, name: str) -> str:
    """The URL of another database on the same server."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


@contextmanager
def new_database() -> Iterator[str]:
    """A new, empty database on the test server, dropped afterwards; yields its URL."""
    import psycopg

    url = server_url()
    name = f"quiz_test_{os.getpid()}_{next(_names)}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield with_database(url, name)
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@contextmanager
def target_of(backend: str, tmp_path: Path) -> Iterator[Path | str]:
    """Where a store of the given back end is opened: a file, or a new database's URL."""
    if backend == "sqlite":
        yield tmp_path / "scores.db"
    else:
        with new_database() as url:
            yield url


def raw(store: Any, sql: str, params: Sequence[object] = ()) -> list[tuple]:
    """Rows of SQL run on the store's own connection; `?` stands for a value in both back ends."""
    if store.backend == "postgresql":
        sql = sql.replace("?", "%s")
    cursor = store._conn.execute(sql, tuple(params))
    return [] if cursor.description is None else cursor.fetchall()
