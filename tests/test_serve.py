"""`quiz serve` without a browser: signed cookies, the roster, and a real server refusing what
it must (a wrong class code, forged or edited cookies, a name taken, a full class, the teacher's
pages without the key), driven by a scripted client over HTTP and the app's websocket."""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytest.importorskip("textual_serve", reason="quiz serve needs the serve extra: textual-serve")

import aiohttp
from serve_helpers import CODE, TEACHER_KEY, Served, Student

from quiz.cli import main
from quiz.store import Store
from quiz.web.roster import PENDING, Roster
from quiz.web.signing import Signer, same_secret
from quiz.web.status import read_status, status_path, write_status

# -- signed cookies ------------------------------------------------------------------------------


class Clock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def _edit_payload(value: str, **changes: object) -> str:
    """The same signature on a payload with some fields changed (what a student might try)."""
    payload, signature = value.split(".")
    body = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    body.update(changes)
    edited = base64.urlsafe_b64encode(json.dumps(body).encode()).rstrip(b"=").decode()
    return f"{edited}.{signature}"


def test_a_signed_value_reads_back_and_nothing_else_does() -> None:
    clock = Clock()
    signer = Signer(b"k" * 32, clock=clock)
    value, issued = signer.make("student", "Amal")
    found = signer.read(value, "student")
    assert found is not None
    assert (found.name, found.ticket) == ("Amal", issued.ticket)
    # Another name under the same signature, a changed signature, another server's secret,
    # a student's value shown as the teacher's: all refused.
    assert signer.read(_edit_payload(value, n="Badr"), "student") is None
    assert signer.read(value[:-2] + ("AA" if not value.endswith("AA") else "BB"), "student") is None
    assert Signer(b"x" * 32, clock=clock).read(value, "student") is None
    assert signer.read(value, "teacher") is None
    assert signer.read(_edit_payload(value, k="teacher"), "teacher") is None
    for junk in ("", ".", "a.b.c", "é.é", "x" * 5000):
        assert signer.read(junk, "student") is None
    # Twelve hours later it has expired.
    clock.now += 12 * 3600 + 1
    assert signer.read(value, "student") is None


def test_codes_compare_whole_and_read_arabic_digits() -> None:
    assert same_secret(" 482913 ", "482913")
    assert same_secret("٤٨٢٩١٣", "482913")
    assert not same_secret("48291", "482913")
    assert not same_secret("4829130", "482913")


# -- the roster ----------------------------------------------------------------------------------


def test_one_browser_a_name_and_the_latest_sign_in_owns_it(tmp_path: Path) -> None:
    clock = Clock()
    roster = Roster(tmp_path, clock=clock)
    assert roster.sign_in("Amal", "t1") is None
    # Signed in moments ago and not yet connected: another browser may not take the name...
    assert roster.sign_in("amal", "t2") == "taken"
    seat = roster.seat_of("Amal", "t1")
    assert seat is not None
    roster.connect(seat, "tab-1")
    clock.now += PENDING + 1
    # ...nor while connected, however long after.
    assert roster.sign_in("AMAL", "t2") == "taken"
    # The same browser again (a refresh) takes its seat back and is told to close its old tab.
    assert roster.connect(seat, "tab-2") == ["tab-1"]
    roster.disconnect(seat, "tab-1")
    roster.disconnect(seat, "tab-2")
    # Gone: another sign-in of the name takes it, and the first cookie opens nothing.
    assert roster.sign_in("Amal", "t2") is None
    assert roster.may_connect("Amal", "t1") == "signed-out"
    assert roster.may_connect("Amal", "t2") is None


def test_the_limit_counts_students_playing(tmp_path: Path) -> None:
    roster = Roster(tmp_path, limit=1)
    assert roster.sign_in("Amal", "a") is None
    seat = roster.seat_of("Amal", "a")
    assert seat is not None
    roster.connect(seat, "tab")
    assert roster.sign_in("Badr", "b") == "full"
    # Amal herself is never shut out by her own seat.
    assert roster.may_connect("Amal", "a") is None
    roster.disconnect(seat, "tab")
    assert roster.sign_in("Badr", "b") is None


def test_status_files_are_per_name_and_a_damaged_one_reads_as_none(tmp_path: Path) -> None:
    assert status_path(tmp_path, "Amal") == status_path(tmp_path, " amal ")
    assert status_path(tmp_path, "Amal") != status_path(tmp_path, "Amala")
    path = status_path(tmp_path, "Amal")
    write_status(path, {"screen": "question", "position": 2})
    assert read_status(path) == {"screen": "question", "position": 2}
    path.write_text("{not json")
    assert read_status(path) is None
    assert read_status(tmp_path / "missing.json") is None


# -- the command line ----------------------------------------------------------------------------


def test_bad_options_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--teacher-key", "short"]) == 2
    assert "--teacher-key: give at least 8 characters" in capsys.readouterr().err
    assert main(["serve", "--port", "70000"]) == 2
    assert "not a port" in capsys.readouterr().err
    assert main(["serve", "--public-url", "quiz.school"]) == 2
    assert "--public-url" in capsys.readouterr().err
    # Under a path its pages' links (/signin, /ws, /static/) would miss: refused, saying why.
    assert main(["serve", "--public-url", "https://school.example/quiz/"]) == 2
    err = capsys.readouterr().err
    assert "https://school.example/quiz/" in err and "root of a host name" in err
    assert len(err.strip().splitlines()) == 1
    assert main(["serve", "--proxy", "proxy.school"]) == 2
    assert "proxy.school is not an IP address" in capsys.readouterr().err


# -- a real server ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    server = Served.start(tmp_path_factory.mktemp("serve"), "--max-sessions", "2")
    yield server
    server.stop()


@pytest.fixture
async def student(served: Served) -> AsyncIterator[Student]:
    one = Student(served)
    yield one
    await one.close()


async def _get(student: Student, path: str, **options: object) -> aiohttp.ClientResponse:
    return await student.session.get(student.served.url + path, allow_redirects=False, **options)


async def test_a_wrong_class_code_gets_only_the_sign_in_page(student: Student) -> None:
    answer = await student.sign_in("Amal", code="000000")
    assert answer.status == 403
    assert "That is not this class&#x27;s code" in await answer.text()
    assert "quiz_student" not in answer.cookies
    for path in ("/", "/teacher/report", "/teacher/results.csv"):
        response = await _get(student, path)
        assert response.status in (303, 403), path
        assert "Paris" not in await response.text()
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await student.connect()
    assert refused.value.status == 403


async def test_a_student_plays_as_their_own_name_whatever_the_url_says(
    served: Served, student: Student
) -> None:
    answer = await student.sign_in("Dana")
    assert (answer.status, answer.headers["Location"]) == (303, "/")
    # The URL names someone else: the server takes the name from the signed cookie only.
    await student.connect("&profile=Eve&QUIZ_PROFILE=Eve")
    await student.wait_for("Profile: Dana")
    await student.press("\r")
    await student.wait_for("How many questions?")
    await student.press("\r")
    await student.wait_for("Which city is the capital of France?")
    await student.press("1")
    await student.wait_for("Score 1/1")
    with Store.open(served.database) as store:
        (session,) = store.sessions(profile="Dana")
        assert (session.answered, session.correct, session.planned) == (1, 1, 3)
        assert store.sessions(profile="Eve") == []


async def test_edited_and_forged_cookies_open_nothing(served: Served, student: Student) -> None:
    answer = await student.sign_in("Farah")
    value = answer.cookies["quiz_student"].value
    for forged in (_edit_payload(value, n="Dana"), value[:-3] + "abc", value + "x"):
        other = Student(served)
        try:
            other.session.cookie_jar.update_cookies({"quiz_student": forged})
            response = await _get(other, "/")
            assert (response.status, response.headers["Location"]) == (303, "/signin")
            with pytest.raises(aiohttp.WSServerHandshakeError):
                await other.connect()
            # A student's cookie is no teacher's.
            other.session.cookie_jar.update_cookies({"quiz_teacher": value})
            teacher = await _get(other, "/teacher/results.csv")
            assert teacher.status == 403
        finally:
            await other.close()


async def test_a_name_taken_is_refused_and_a_full_class_says_so(
    served: Served, student: Student
) -> None:
    assert (await student.sign_in("Ghada")).status == 303
    await student.connect()
    await student.wait_for("Profile: Ghada")
    twin = Student(served)
    try:
        taken = await twin.sign_in("ghada")
        assert taken.status == 409
        assert "Someone is playing as ghada now" in await taken.text()
    finally:
        await twin.close()
    # Two at most: Ghada and one more.
    second, third = Student(served), Student(served)
    try:
        assert (await second.sign_in("Hind")).status == 303
        await second.connect()
        await second.wait_for("Profile: Hind")
        full = await third.sign_in("Iman")
        assert full.status == 503
        assert "The class is full (2 playing)" in await full.text()
    finally:
        await second.close()
        await third.close()


async def test_the_teacher_pages_need_the_key(served: Served, student: Student) -> None:
    form = await _get(student, "/teacher")
    assert form.status == 200
    assert 'id="students"' not in await form.text()
    wrong = await student.session.post(served.url + "/teacher", data={"key": "guess-guess"})
    assert wrong.status == 403
    assert "That is not the teacher key." in await wrong.text()
    opened = await student.session.post(
        served.url + "/teacher", data={"key": TEACHER_KEY}, allow_redirects=False
    )
    assert (opened.status, opened.headers["Location"]) == (303, "/teacher")
    page = await (await _get(student, "/teacher")).text()
    assert 'id="students"' in page
    assert f"Class code: {CODE}" in page


# -- a PostgreSQL database ---------------------------------------------------------------------


async def test_a_class_plays_on_a_postgresql_database(tmp_path: Path) -> None:
    from backends import new_database

    with new_database() as url:
        served = Served.start(tmp_path / "class", db=url)
        student, teacher = Student(served), Student(served)
        try:
            assert (await student.sign_in("Jamila")).status == 303
            await student.connect()
            await student.wait_for("Profile: Jamila")
            await student.press("\r")
            await student.wait_for("How many questions?")
            await student.press("\r")
            await student.wait_for("Which city is the capital of France?")
            await student.press("3")  # Marseille: wrong
            await student.wait_for("Score 0/1")
            await student.press("\r")
            await student.wait_for("Which city is the capital of Egypt?")
            await student.press("2")  # Cairo: right
            await student.wait_for("Score 1/2")
            with Store.open(url) as store:
                (session,) = store.sessions(profile="Jamila")
                assert (session.title, session.planned, session.answered, session.correct) == (
                    "Capitals in order",
                    3,
                    2,
                    1,
                )
                answers = store.answers(session.id)
            assert [(a["question_id"], a["picked"]) for a in answers] == [
                ("q-france", [2]),
                ("q-egypt", [1]),
            ]
            # Nothing went to a file instead.
            assert not list(served.folder.glob("*.sqlite3"))
            # The teacher's results come from the same database.
            await teacher.session.post(served.url + "/teacher", data={"key": TEACHER_KEY})
            results = await _get(teacher, "/teacher/results.csv")
            assert results.status == 200
            rows = (await results.text()).lstrip("\ufeff").splitlines()[1:]
            assert [row.split(",")[0] for row in rows] == ["Jamila", "Jamila"]
            # The server's address is printed, its password never (nor in what it logs later).
            log = served.log.read_text(encoding="utf-8")
            password = urlsplit(url).password
            assert password and password not in log
            assert f"127.0.0.1:{urlsplit(url).port}" in log
        finally:
            await student.close()
            await teacher.close()
            served.stop()


# -- behind a reverse proxy ----------------------------------------------------------------------


async def test_behind_a_proxy_wrong_guesses_count_for_the_address_the_proxy_saw(
    tmp_path: Path,
) -> None:
    # Through a proxy on the same machine every request comes from 127.0.0.1; the proxy says
    # who asked in X-Forwarded-For (nginx: $proxy_add_x_forwarded_for appends the address it
    # saw to whatever the browser sent).
    served = Served.start(tmp_path / "proxied")
    guesser, classmate = Student(served), Student(served)

    async def sign_in(student: Student, code: str, forwarded: str) -> int:
        response = await student.session.post(
            served.url + "/signin",
            data={"code": code, "name": "Kamal"},
            headers={"X-Forwarded-For": forwarded},
            allow_redirects=False,
        )
        return response.status

    try:
        # The guesser's own header changes nothing: the last entry is the proxy's.
        for n in range(20):
            assert await sign_in(guesser, f"{n:06d}", f"10.9.9.{n}, 203.0.113.7") == 403
        assert await sign_in(guesser, CODE, "203.0.113.7") == 429
        # A classmate behind the same proxy still signs in.
        assert await sign_in(classmate, CODE, "203.0.113.8") == 303
    finally:
        await guesser.close()
        await classmate.close()
        served.stop()


def test_a_forwarded_address_is_believed_only_from_a_proxy() -> None:
    from unittest.mock import Mock

    from aiohttp.test_utils import make_mocked_request

    from quiz.web.server import client_address

    def asking(peer: str, forwarded: str | None, proxies: frozenset[str] = frozenset()) -> str:
        transport = Mock()
        transport.get_extra_info.side_effect = lambda name, default=None: (
            (peer, 40000) if name == "peername" else default
        )
        headers = {"X-Forwarded-For": forwarded} if forwarded is not None else {}
        request = make_mocked_request("POST", "/signin", headers, transport=transport)
        return client_address(request, proxies)

    assert asking("127.0.0.1", "198.51.100.4, 203.0.113.7") == "203.0.113.7"
    assert asking("::1", "203.0.113.7") == "203.0.113.7"
    assert asking("::ffff:127.0.0.1", "203.0.113.7") == "203.0.113.7"  # listening on "::"
    assert asking("127.0.0.1", None) == "127.0.0.1"
    assert asking("127.0.0.1", " ") == "127.0.0.1"
    # A browser on the network cannot choose the address its guesses are counted against...
    assert asking("192.0.2.10", "203.0.113.7") == "192.0.2.10"
    # ...but a proxy named with --proxy can.
    assert asking("192.0.2.10", "203.0.113.7", frozenset({"192.0.2.10"})) == "203.0.113.7"
    assert asking("192.0.2.11", "203.0.113.7", frozenset({"192.0.2.10"})) == "192.0.2.11"
    assert asking("::ffff:192.0.2.10", "203.0.113.7", frozenset({"192.0.2.10"})) == "203.0.113.7"
