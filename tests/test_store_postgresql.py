"""The PostgreSQL store's own behaviour: connecting, errors, a dropped connection, other
programs' databases; and `quiz db check` and `quiz db migrate`, on both back ends.

The store suite itself (tests/test_store.py and the run tests) runs on both back ends through
the db_target fixture; these are the parts only a server has, and the database commands.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from backends import new_database, raw, server_url, with_database

from quiz.cli import main
from quiz.progress.stats import compute
from quiz.store import CardState, Store, StoreError
from quiz.store import postgresql as pg_module

ROOT = Path(__file__).resolve().parents[1]
T0 = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)


def answer(store: Store, session: int, n: int, *, correct: bool, **kw: object) -> int:
    return store.record_answer(
        session,
        question_id=f"q{n}",
        question=f"Question {n}?",
        choices=["yes", "no"],
        picked=0 if correct else 1,
        correct=correct,
        ms=100 * n,
        **kw,  # type: ignore[arg-type]
    )


def one_line(error: StoreError, url: str) -> str:
    """Check an error is one line naming the database without its password; return it."""
    message = str(error)
    assert "\n" not in message
    password = urlsplit(url).password
    if password:
        assert password not in message
    return message


def tables_of(url: str) -> set[str]:
    import psycopg

    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        ).fetchall()
    return {name for (name,) in rows}


# Starting: psycopg only for a URL


def test_the_sqlite_path_never_imports_psycopg(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from quiz.cli import main\n"
        f"assert main(['--db', {str(tmp_path / 's.db')!r}, 'scores']) == 0\n"
        "print('psycopg' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "False"


def test_without_psycopg_a_url_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now raises ImportError
    with pytest.raises(StoreError) as caught:
        Store.open("postgresql://ali:secret@db.school.example/quiz")
    assert str(caught.value) == (
        "postgresql://ali@db.school.example/quiz: PostgreSQL needs the psycopg package; "
        "install it with: pip install 'quiz[postgresql]'"
    )


def test_both_back_ends_have_the_same_schema_versions() -> None:
    from quiz.store import postgresql_schema, sqlite_schema

    assert len(postgresql_schema.MIGRATIONS) == len(sqlite_schema.MIGRATIONS) == 6


def test_messages_never_show_the_password() -> None:
    shown = pg_module.display_url("postgresql://ali:s3cret@db:5433/quiz?password=x&sslmode=require")
    assert shown == "postgresql://ali@db:5433/quiz?sslmode=require"


# Errors: one line each, with what to do


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_server_that_is_down_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"postgresql://quiz:pw@127.0.0.1:{free_port()}/quiz"
    pytest.importorskip("psycopg")
    assert main(["--db", url, "scores"]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"quiz: error: postgresql://quiz@127.0.0.1:{url.rsplit(':', 1)[1].split('/')[0]}/quiz: "
        "cannot reach the PostgreSQL server; check that it is running and that the host and "
        "port in the URL are right\n"
    )


def test_a_wrong_password_is_one_line() -> None:
    url = server_url()
    parts = urlsplit(url)
    if not parts.password:
        pytest.skip("the test server asks no password")
    wrong = url.replace(f":{parts.password}@", ":not-the-password@")
    with pytest.raises(StoreError) as caught:
        Store.open(wrong)
    message = one_line(caught.value, wrong)
    assert "not-the-password" not in message
    assert "the server refused the user name or password; check them in the URL" in message


def test_a_missing_database_is_one_line() -> None:
    url = with_database(server_url(), "quiz_no_such_database")
    with pytest.raises(StoreError) as caught:
        Store.open(url)
    assert one_line(caught.value, url).endswith(
        "the server has no database quiz_no_such_database; create it "
        "(createdb quiz_no_such_database) or check the URL"
    )


def test_another_programs_database_is_left_alone() -> None:
    import psycopg

    with new_database() as url:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE TABLE contacts (name text)")
            conn.execute("INSERT INTO contacts VALUES ('Ada')")
        with pytest.raises(StoreError) as caught:
            Store.open(url)
        assert "a database of another program, not a quiz score database" in one_line(
            caught.value, url
        )
        assert tables_of(url) == {"contacts"}


def test_a_database_from_a_newer_quiz_is_refused_and_left_as_it_is() -> None:
    with new_database() as url:
        with Store.open(url) as store:
            answer(store, store.start_session(bank="b", title="B", planned=1), 1, correct=True)
            raw(store, "UPDATE quiz_schema SET version = 7")
        before = tables_of(url)
        with pytest.raises(StoreError) as caught:
            Store.open(url)
        message = one_line(caught.value, url)
        assert "score database version 7 is newer than this quiz knows (up to 6)" in message
        assert "upgrade quiz" in message
        assert tables_of(url) == before


def test_a_new_database_gets_the_schema_at_version_6() -> None:
    with new_database() as url, Store.open(url) as store:
        assert raw(store, "SELECT application, version FROM quiz_schema") == [("quiz", 6)]
        assert tables_of(url) == set(pg_module.TABLES)


# A dropped connection: connect again once, keep the answer; then a clear error


def drop_connection(store: Store) -> None:
    """End the store's server process from another connection, as a server restart would."""
    import psycopg

    pid = store._conn.info.backend_pid
    with psycopg.connect(server_url(), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))


def test_a_dropped_connection_is_made_again_and_the_answer_kept() -> None:
    with new_database() as url, Store.open(url) as store:
        session = store.start_session(bank="b", title="B", planned=3)
        answer(store, session, 1, correct=True)
        drop_connection(store)
        answer(store, session, 2, correct=False)  # the first try fails; the second saves it
        drop_connection(store)
        answer(store, session, 3, correct=True, replace=True)  # a transaction, the same
        assert [a["question_id"] for a in store.answers(session)] == ["q1", "q2", "q3"]
        (summary,) = store.sessions()
        assert (summary.answered, summary.correct) == (3, 2)


def test_a_server_that_stays_away_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    with new_database() as url, Store.open(url) as store:
        session = store.start_session(bank="b", title="B", planned=2)
        drop_connection(store)
        down = f"postgresql://quiz@127.0.0.1:{free_port()}/quiz"
        monkeypatch.setattr(store._db, "url", down)  # connecting again now finds no server
        with pytest.raises(StoreError) as caught:
            answer(store, session, 1, correct=True)
        message = one_line(caught.value, url)
        assert message.startswith(
            f"{pg_module.display_url(url)}: cannot save the answer: the connection to the "
            "server was lost and cannot reach the PostgreSQL server"
        )
        assert message.endswith("try again when the server is back")
        monkeypatch.setattr(store._db, "url", url)  # the server is back
        answer(store, session, 2, correct=True)
        assert [a["question_id"] for a in store.answers(session)] == ["q2"]


# quiz db check and quiz db migrate, on both back ends


def seed_file(path: Path) -> None:
    """A laptop's scores: two profiles, a changed exam answer, a study card with its reviews."""
    with Store.open(path) as store:
        practice = store.start_session(bank="/b/geo.yaml", title="Geo", planned=2, now=T0)
        answer(store, practice, 1, correct=True, now=T0 + timedelta(seconds=5))
        answer(store, practice, 2, correct=False, now=T0 + timedelta(seconds=9))
        store.finish_session(practice, now=T0 + timedelta(minutes=1))
        exam = store.start_session(
            bank="/b/geo.yaml", title="Geo", planned=1, mode="exam", profile="omar", now=T0
        )
        answer(store, exam, 1, correct=False, replace=True, now=T0 + timedelta(seconds=3))
        answer(store, exam, 1, correct=True, replace=True, now=T0 + timedelta(seconds=4))
        study = store.start_session(bank="/b/geo.yaml", title="Geo", planned=1, mode="study")
        card = CardState(
            None, "/b/geo.yaml", "q3", 2, 2, None, 3.5, 5.0, T0 + timedelta(days=3), T0
        )
        card_id = store.record_review(
            study,
            card=card,
            rating=3,
            question="Q3?",
            choices=["a", "b"],
            picked=0,
            correct=True,
            ms=700,
            now=T0,
        )
        later = CardState(
            card_id,
            "/b/geo.yaml",
            "q3",
            2,
            2,
            None,
            9.0,
            5.0,
            T0 + timedelta(days=9),
            T0 + timedelta(days=3),
        )
        store.record_review(
            study,
            card=later,
            rating=1,
            question="Q3?",
            choices=["a", "b"],
            picked=1,
            correct=False,
            ms=900,
            now=T0 + timedelta(days=3),
        )


def everything(store: Store) -> dict[str, object]:
    """What a student and a teacher see of a store, ids left out (a copy gives new ones)."""
    sessions = store.sessions()
    stats = compute(store, profile="default", now=T0 + timedelta(days=10), tz=UTC).as_json()
    for point in stats["scores"]:
        point.pop("session")
    return {
        "sessions": [s.as_json() for s in sessions],
        "answers": [store.answers(s.id, changes=True) for s in sessions],
        "review": store.last_wrong(profile="default"),
        "cards": store.cards_of(profile="default", bank="/b/geo.yaml")["q3"].due,
        "reviews": store.recent_review_ms(profile="default"),
        "stats": stats,
    }


def test_migrate_copies_everything_once(
    tmp_path: Path, db_target: Path | str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "laptop.sqlite3"
    seed_file(source)
    target = str(db_target)
    assert main(["db", "migrate", "--from", str(source), "--to", target]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:] == [
        "  sessions: 3 in the source, 3 added, 0 already there",
        "  answers: 6 in the source, 6 added, 0 already there",
        "  cards: 1 in the source, 1 added, 0 already there",
        "  reviews: 2 in the source, 2 added, 0 already there",
    ]
    with Store.open(source) as laptop, Store.open(target) as server:
        assert everything(server) == everything(laptop)
        assert server.check().problems == []
    # Again: nothing added.
    assert main(["db", "migrate", "--from", str(source), "--to", target]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "  sessions: 3 in the source, 0 added, 3 already there",
        "  answers: 6 in the source, 0 added, 6 already there",
        "  cards: 1 in the source, 0 added, 1 already there",
        "  reviews: 2 in the source, 0 added, 2 already there",
    ]
    # More practice on the laptop, then again: only the new answer, and the session finished.
    with Store.open(source) as laptop:
        (open_session,) = [s.id for s in laptop.sessions() if s.finished is None][:1]
        answer(laptop, open_session, 7, correct=True, now=T0 + timedelta(days=4))
        laptop.finish_session(open_session, now=T0 + timedelta(days=4))
    assert main(["db", "migrate", "--from", str(source), "--to", target]) == 0
    assert capsys.readouterr().out.splitlines()[1:3] == [
        "  sessions: 3 in the source, 0 added, 3 already there, 1 brought up to date",
        "  answers: 7 in the source, 1 added, 6 already there",
    ]
    with Store.open(source) as laptop, Store.open(target) as server:
        assert everything(server) == everything(laptop)


def test_check_reports_the_version_and_rows(
    db_target: Path | str, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db_target) as store:
        session = store.start_session(bank="b", title="B", planned=2)
        answer(store, session, 1, correct=True)
        answer(store, session, 2, correct=False)
        where = store.where
    assert main(["db", "check", "--db", str(db_target)]) == 0
    kind = "SQLite" if isinstance(db_target, Path) else "PostgreSQL"
    assert capsys.readouterr().out.splitlines() == [
        f"{where}: a quiz score database ({kind})",
        "  schema version 6, this quiz's",
        "  1 session, 2 answers, 0 cards, 0 reviews",
        "  integrity: ok",
    ]
    with Store.open(db_target) as store:
        raw(store, "UPDATE question_totals SET correct = correct + 1 WHERE question_id = 'q2'")
    assert main(["db", "check", "--db", str(db_target)]) == 1
    assert (
        "  problem: the kept totals of questions do not match their answers (2 differ)"
        in capsys.readouterr().out.splitlines()
    )


def test_check_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "v1.sqlite3"
    old.write_bytes((ROOT / "tests" / "data" / "scores-v1.sqlite3").read_bytes())
    before = old.read_bytes()
    assert main(["db", "check", "--db", str(old)]) == 0
    assert capsys.readouterr().out.splitlines()[1] == (
        "  schema version 1, older than this quiz's (6): it is brought up to date the next "
        "time quiz opens it"
    )
    assert old.read_bytes() == before
    missing = tmp_path / "none.sqlite3"
    assert main(["db", "check", "--db", str(missing)]) == 1
    assert (
        capsys.readouterr().err == f"quiz: error: {missing}: no score database here; check --db\n"
    )
    assert not missing.exists()
