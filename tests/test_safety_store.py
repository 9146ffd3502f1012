"""The score database fails as a file can: another program holding it, read-only, a full disk,
a damaged page, hand-edited rows. Nothing freezes for long, nothing is lost silently, no
traceback: the student is told and can answer again; the commands say which row and go on."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from pathlib import Path

import pytest
from ui_helpers import build, choice_number, screen_text

from quiz.cli import main
from quiz.play.exam import Exam
from quiz.store import Store, bank_key
from quiz.ui.exam_screen import ExamScreen
from quiz.ui.home import HomeScreen
from quiz.ui.question import QuestionScreen
from quiz.ui.results import ResultsScreen

FRANCE = "What is the capital of France?"


class Holder:
    """Another program holding the database's write lock (a backup, a database browser)."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        self.conn.execute("ROLLBACK")
        self.conn.close()


def answers_saved(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        (count,) = conn.execute("SELECT COUNT(*) FROM answers").fetchone()
    conn.close()
    return count


async def answer_right(pilot) -> None:
    """Press the key of the right choice of the question on screen."""
    text = screen_text(pilot.app)
    right = {"France": "Paris", "Japan": "Tokyo", "Kenya": "Nairobi"}
    country = next(c for c in right if f"capital of {c}?" in text)
    await pilot.press(choice_number(pilot.app, right[country]))
    await pilot.pause()


# -- a write that cannot be made ---------------------------------------------------------------


@pytest.mark.parametrize("failure", ["locked", "read-only"])
async def test_an_answer_the_store_refuses_is_not_lost_and_can_be_given_again(
    three: Path, tmp_path: Path, failure: str
) -> None:
    db = tmp_path / "scores.db"
    app, store = build(three, db)
    with store:
        # The app waits for another writer only briefly: the screen never freezes for 10 s.
        assert store._conn.execute("PRAGMA busy_timeout").fetchone()[0] <= 1000
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.press("enter", "enter")  # practice, all three questions
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            question = app.screen.quiz.current.question.text
            holder = None
            if failure == "locked":
                holder = Holder(db)
            else:  # what SQLite does with a file it may not write
                store._conn.execute("PRAGMA query_only = ON")
            await answer_right(pilot)
            text = screen_text(app)
            assert "Not saved:" in text and "Nothing was lost" in text
            assert "✓" not in text  # no feedback: the question was not answered
            assert app.screen.quiz.current_outcome is None
            assert answers_saved(db) == 0
            # The cause goes away; the same question is answered again, and saved.
            if holder is not None:
                holder.release()
            else:
                store._conn.execute("PRAGMA query_only = OFF")
            assert question in screen_text(app)
            await answer_right(pilot)
            assert "✓" in screen_text(app)
            assert answers_saved(db) == 1


def test_a_full_disk_is_a_store_error_saying_so(tmp_path: Path) -> None:
    from quiz.store import StoreError

    with Store.open(tmp_path / "scores.db") as store:
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # SQLite's "disk is full"
        session = store.start_session(bank="/b.yaml", title="B", planned=1)
        with pytest.raises(StoreError, match="disk is full; free some space and try again"):
            for n in range(1000):
                store.record_answer(
                    session, question_id=f"q{n}", question="Q" * 2000, choices=["a", "b"],
                    picked=0, correct=True, ms=5,
                )  # fmt: skip


async def test_the_end_of_a_run_not_saved_can_be_saved_again(three: Path, tmp_path: Path):
    db = tmp_path / "scores.db"
    app, store = build(three, db)
    with store:
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.press("enter", "enter")
            for _ in range(3):
                await pilot.pause()
                await answer_right(pilot)
                if _ < 2:
                    await pilot.press("enter")
            holder = Holder(db)
            await pilot.press("enter")  # the end of the quiz: not saved
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert "Not saved:" in screen_text(app)
            holder.release()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
        (session,) = store.sessions()
        assert (session.answered, session.correct) == (3, 3)
        assert session.finished is not None


async def test_an_exam_answer_or_submit_refused_leaves_the_exam_as_it_was(
    three: Path, tmp_path: Path
) -> None:
    db = tmp_path / "scores.db"
    app, store = build(three, db)
    bank = app.catalog.load(three / "three.yaml").bank
    with store:
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.pause()
            exam = Exam(bank, store, seed=1, profile="default", clock=app.clock)
            app.push_screen(ExamScreen(exam))
            await pilot.pause()
            await pilot.press("1")
            await pilot.pause()
            first = exam.current_picks
            holder = Holder(db)
            await pilot.press("2")  # a change of answer, refused
            await pilot.pause()
            assert "Not saved:" in screen_text(app)
            assert exam.current_picks == first
            await pilot.press("s")
            await pilot.pause()
            await pilot.click("#yes")
            await pilot.pause()
            assert not exam.submitted
            assert isinstance(app.screen, ExamScreen)
            holder.release()
            await pilot.press("s")
            await pilot.pause()
            await pilot.click("#yes")
            await pilot.pause()
            assert exam.submitted
            assert isinstance(app.screen, ResultsScreen)
        rows = store.answers(exam.session_id)
        assert [sorted(r["picked"]) for r in rows] == [sorted(first)]


def test_a_read_only_database_is_one_line_before_the_quiz_starts(
    three: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    db = tmp_path / "scores.db"
    Store.open(db).close()
    real = __import__("os").access
    # Tests may run as root, whom chmod does not stop: answer as the system would.
    monkeypatch.setattr("os.access", lambda p, mode: False if str(p) == str(db) else real(p, mode))
    assert main(["--db", str(db), "play", str(three / "three.yaml")]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"quiz: error: {db}: the file is read-only, so no answer could be saved; make it "
        "writable (chmod u+w) or pass --db FILE\n"
    )


# -- a damaged page ----------------------------------------------------------------------------


def damaged_database(path: Path, bank: Path) -> None:
    """A database whose sessions table has a page of garbage (a bad disk, a copy cut short)."""
    with Store.open(path) as store:
        for _ in range(300):
            session = store.start_session(bank=bank_key(bank), title="T" * 50, planned=1)
            store.record_answer(
                session, question_id="q", question="Q" * 100, choices=["a", "b"], picked=0,
                correct=True, ms=5,
            )  # fmt: skip
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        try:
            query = "SELECT pageno FROM dbstat WHERE name = 'sessions'"
            pages = [n for (n,) in conn.execute(query)]
            pages = pages[len(pages) // 2 : len(pages) // 2 + 1]
        except sqlite3.OperationalError:  # an SQLite built without dbstat: every data page
            pages = list(range(2, conn.execute("PRAGMA page_count").fetchone()[0] + 1))
    conn.close()
    with path.open("r+b") as file:
        for page in pages:
            file.seek(size * (page - 1))
            file.write(b"\xde\xad" * (size // 2))


def test_a_damaged_page_is_one_line_from_every_command(three: Path, tmp_path: Path, capsys):
    db = tmp_path / "scores.db"
    damaged_database(db, three / "three.yaml")
    for args in (["scores"], ["scores", "--json"], ["stats"], ["results", "export", "-o",
                 str(tmp_path / "out.csv")]):  # fmt: skip
        assert main(["--db", str(db), *args]) == 1, args
        captured = capsys.readouterr()
        assert captured.err.count("\n") == 1
        assert "database disk image is malformed" in captured.err
        assert "restore a backup" in captured.err
    assert not (tmp_path / "out.csv").exists()


async def test_a_damaged_page_is_one_line_on_the_home_screen(three: Path, tmp_path: Path):
    db = tmp_path / "scores.db"
    damaged_database(db, three / "three.yaml")
    app, store = build(three, db)
    with store:
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            text = screen_text(app)
            assert "The scores cannot be read:" in text
            assert "malformed" in text
            assert "Three capitals" in text  # the banks are listed all the same
            await pilot.press("t")  # the statistics say so too, and the app lives on
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert "The scores cannot be read:" in screen_text(app)


# -- hand-edited rows --------------------------------------------------------------------------


def edited_database(path: Path) -> None:
    """Five sessions of two answers each, then rows edited by hand."""
    with Store.open(path) as store:
        for n in range(5):
            session = store.start_session(bank="/b.yaml", title=f"B{n}", planned=2)
            for q in range(2):
                store.record_answer(
                    session, question_id=f"q{q}", question="Q?", choices=["a", "b"],
                    picked=q, correct=q == 0, ms=100,
                )  # fmt: skip
            store.finish_session(session)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE answers SET picked = '[oops' WHERE id = 1")
        conn.execute("UPDATE answers SET picked = '[7]' WHERE id = 2")
        conn.execute("UPDATE answers SET choices = '{\"a\": 1}' WHERE id = 3")
        conn.execute("UPDATE answers SET picked = 'true' WHERE id = 4")
        conn.execute("UPDATE sessions SET started = 'garbage' WHERE id = 4")
        conn.execute("UPDATE sessions SET finished = '2026-99-99' WHERE id = 5")
    conn.close()


def test_hand_edited_rows_are_named_and_the_others_read(tmp_path: Path, capsys) -> None:
    db = tmp_path / "scores.db"
    edited_database(db)
    out = tmp_path / "all.json"
    assert main(["--db", str(db), "results", "export", "-o", str(out)]) == 0
    err = capsys.readouterr().err.splitlines()
    # Ten answers, four of them damaged (1-4): six exported.
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 6
    warnings = [line for line in err if line.startswith("quiz: warning:")]
    assert [w.split(": ")[3] for w in warnings] == ["answer 1", "answer 2", "answer 3", "answer 4"]
    assert "its picks '[7]' are not choices it showed" in warnings[1]
    assert err[-1] == f"wrote 6 answers to {out}"

    assert main(["--db", str(db), "scores", "--json"]) == 0
    captured = capsys.readouterr()
    sessions = json.loads(captured.out)
    # Session 4 (a start time that is no time) is left out; session 5 shows as unfinished.
    assert [s["title"] for s in sessions] == ["B4", "B2", "B1", "B0"]
    assert sessions[0]["finished"] is None
    assert captured.err.splitlines() == [
        f"quiz: warning: {db}: session 4: its start time 'garbage' cannot be read as a time; "
        "it is left out",
        f"quiz: warning: {db}: session 5: its end time '2026-99-99' cannot be read as a time; "
        "it is shown as not finished",
    ]
    assert main(["--db", str(db), "stats", "--json"]) == 0
    captured = capsys.readouterr()
    # Sessions 1, 2, 3 and 5: eight answers, four right (every first answer is right).
    totals = json.loads(captured.out)["totals"]
    assert (totals["sessions"], totals["answers"], totals["correct"]) == (4, 8, 4)
    assert "session 4: its start time 'garbage'" in captured.err
    assert "Traceback" not in captured.err


async def test_hand_edited_rows_are_one_notice_on_the_home_screen(three: Path, tmp_path: Path):
    db = tmp_path / "scores.db"
    edited_database(db)
    app, store = build(three, db)
    with store:
        async with app.run_test(size=(120, 30), notifications=True) as pilot:
            await pilot.pause()
            assert "Some saved rows are damaged and were left out" in screen_text(app)
            assert "session 4: its start time" in " ".join(
                screen_text(app).replace("▌", " ").split()
            )


def test_the_store_is_safe_from_another_thread_while_a_writer_waits(tmp_path: Path) -> None:
    # The app writes from the event loop while the statistics worker reads: one at a time.
    db = tmp_path / "scores.db"
    edited_database(db)
    failures: list[BaseException] = []
    with Store.open(db) as store:

        def read() -> None:
            try:
                for _ in range(50):
                    store.sessions()
            except BaseException as error:
                failures.append(error)

        reader = threading.Thread(target=read)
        reader.start()
        for n in range(50):
            session = store.start_session(bank="/c.yaml", title=f"C{n}", planned=1)
            store.finish_session(session)
        reader.join()
    assert failures == []


# -- a server URL that is not one ----------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://ali:s3cret@db]/quiz",  # a stray bracket
        "postgresql://ali:s3cret@[::1/quiz",  # an IPv6 host never closed
        "postgres://[fe80::1%25eth0/quiz?password=s3cret&sslmode=require",
    ],
)
def test_a_server_url_that_cannot_be_split_is_one_line_without_its_password(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from quiz.store.postgresql import display_url

    assert "s3cret" not in display_url(url)
    sqlite_file = tmp_path / "scores.db"
    Store.open(sqlite_file).close()
    for args in (
        ["--db", url, "scores"],
        ["--db", url, "db", "check"],
        ["db", "migrate", "--from", str(sqlite_file), "--to", url],
    ):
        assert main(args) == 1, args
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.count("\n") == 1, captured.err
        assert "not a PostgreSQL URL (Invalid IPv6 URL); check the --db URL" in captured.err
        assert "s3cret" not in captured.err


def test_a_database_that_is_a_fifo_or_a_device_is_one_line_and_nothing_is_made_beside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(tmp_path / "pipe.db")
    os.symlink("/dev/null", tmp_path / "null.db")
    os.symlink("/dev/zero", tmp_path / "zero.db")
    before = sorted(os.listdir(tmp_path))
    for name, kind in [
        ("pipe.db", "a FIFO (named pipe)"),
        ("null.db", "a character device"),
        ("zero.db", "a character device"),
    ]:
        for args in (["scores"], ["results", "export"], ["stats"]):
            assert main(["--db", str(tmp_path / name), *args]) == 1
            captured = capsys.readouterr()
            assert captured.out == ""
            assert captured.err == (
                f"quiz: error: {tmp_path / name}: is {kind}, not a quiz score database; "
                "pass --db FILE\n"
            )
    # SQLite made no journal beside them (it would have: null.db-journal).
    assert sorted(os.listdir(tmp_path)) == before


def test_hand_edited_rows_are_named_in_arabic(tmp_path: Path, capsys) -> None:
    db = tmp_path / "scores.db"
    edited_database(db)
    out = tmp_path / "all.json"
    assert main(["--lang", "ar", "--db", str(db), "results", "export", "-o", str(out)]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if "warning" in line]
    assert warnings[1] == (
        f"quiz: warning: {db}: الإجابة ٢: اختياراتها '[7]' ليست من الخيارات التي عرضتها؛ "
        "فتُركت خارج الملف المصدَّر"
    )
    assert main(["--lang", "ar", "--db", str(db), "scores", "--json"]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"quiz: warning: {db}: الجلسة ٤: تتعذّر قراءة وقت بدئها 'garbage' على أنه وقت؛ فتُركت",
        f"quiz: warning: {db}: الجلسة ٥: تتعذّر قراءة وقت انتهائها '2026-99-99' على أنه وقت؛ "
        "فتُعرض غير منتهية",
    ]
