"""The web server of `quiz serve`: sign-in, one app process per browser tab, the teacher's page.

Built on textual-serve: its AppService runs one `quiz` process per websocket under Textual's
web driver, and this module extends the environment it builds per connection with who the
student is (`QUIZ_PROFILE`) and where their app reports what it does (`QUIZ_WEB_STATUS`). Who
the student is comes only from a cookie this server signed (quiz.web.signing) whose sign-in is
still the latest of that name (quiz.web.roster); nothing else the browser sends (a query, a
header, a message on the websocket) can name a student. Routes:

- `/signin` (GET the form, POST the class code and a name), `/` the app's page, `/ws` its
  websocket, `/static/...` textual-serve's xterm.js and script;
- `/teacher` (the teacher key, then the roster), `/teacher/report` (the class report) and
  `/teacher/results.csv` (every answer), with the teacher's cookie only.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import logging
import os
import shlex
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from quiz.text.i18n import t
from quiz.text.safe import clean_profile_name
from quiz.web import pages
from quiz.web.roster import Roster, Seat
from quiz.web.signing import Pass, Signer, same_secret
from quiz.web.status import STATUS_VARIABLE, read_status

log = logging.getLogger("quiz.serve")

STUDENT_COOKIE = "quiz_student"
TEACHER_COOKIE = "quiz_teacher"

#: Seconds an app process has to end once told to quit (its answers are already saved).
QUIT_WAIT = 10.0

#: Wrong class codes or teacher keys one address may try in `GUESS_WINDOW` seconds.
GUESSES = 20
GUESS_WINDOW = 600.0

#: The headers of the server's own pages: not cached, not framed, no referrer, nothing loaded.
PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "img-src data:; form-action 'self'; frame-ancestors 'none'",
}

#: The app's page runs textual-serve's script, which opens the websocket and styles xterm.js.
APP_HEADERS = {
    **PAGE_HEADERS,
    "Content-Security-Policy": "default-src 'self'; connect-src 'self' ws: wss:; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'",
}


@dataclass
class ServeConfig:
    """What `quiz serve` was told: where, which database and banks, the codes, the limit."""

    host: str
    port: int
    database: Path | str
    banks: list[Path]
    language: str
    digits: str
    class_code: str
    teacher_key: str
    state: Path
    max_sessions: int | None = None
    public_url: str | None = None
    #: Reverse proxies on other machines whose X-Forwarded-For is believed (see client_address).
    proxies: frozenset[str] = frozenset()
    #: The app process's command, run by the shell with `exec` (no shell stays per student).
    command: list[str] = field(default_factory=lambda: [sys.executable, "-m", "quiz"])


class StudentApp(AppService):
    """textual-serve's per-connection app process, told who its student is."""

    def __init__(self, command: str, *, identity: dict[str, str], **options: Any) -> None:
        super().__init__(command, **options)
        self.identity = identity

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment.update(self.identity)
        environment.pop("QUIZ_TEACHER_KEY", None)  # the teacher's, not the students' apps'
        return environment

    async def stop(self) -> None:
        """Tell the app to quit, and wait for its process to end (killed if it will not)."""
        await super().stop()
        process = self._process
        if process is None or process.returncode is not None:
            return
        try:
            await asyncio.wait_for(process.wait(), QUIT_WAIT)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()


class ClassServer(Server):
    """A class's server: students sign in and play, the teacher watches."""

    def __init__(self, config: ServeConfig, *, signer: Signer | None = None) -> None:
        super().__init__(
            "quiz", host=config.host, port=config.port, title="quiz", public_url=config.public_url
        )
        self.config = config
        self.signer = signer or Signer()
        self.roster = Roster(config.state, limit=config.max_sessions)
        self.secure = (config.public_url or "").startswith("https:")
        self._guesses: dict[str, list[float]] = {}
        self._services: set[StudentApp] = set()
        self.app_command = "exec " + shlex.join(config.command)

    # -- the aiohttp application -----------------------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = web.Application(client_max_size=64 * 1024)
        app.add_routes(
            [
                web.get("/", self.handle_index),
                web.get("/signin", self.handle_sign_in_form),
                web.post("/signin", self.handle_sign_in),
                web.get("/ws", self.handle_websocket),
                web.get("/teacher", self.handle_teacher),
                web.post("/teacher", self.handle_teacher_key),
                web.get("/teacher/report", self.handle_report),
                web.get("/teacher/results.csv", self.handle_results),
                web.static("/static", self.statics_path),
            ]
        )
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def on_shutdown(self, app: web.Application) -> None:
        # Every app process is told to quit (its answers are already saved).
        await asyncio.gather(*(service.stop() for service in list(self._services)))

    def serve(self, debug: bool = False) -> None:
        """Serve until SIGINT or SIGTERM."""
        logging.basicConfig(level=logging.INFO, format="%(message)s")
        web.run_app(
            self._make_app(),
            host=self.config.host,
            port=self.config.port,
            print=None,
            access_log=None,
        )

    # -- helpers ---------------------------------------------------------------------------------

    def _html(
        self, body: str, status: int = 200, headers: dict[str, str] = PAGE_HEADERS
    ) -> web.Response:
        return web.Response(
            text=body,
            status=status,
            content_type="text/html",
            charset="utf-8",
            headers=headers,
        )

    def _redirect(self, where: str) -> web.Response:
        return web.Response(status=303, headers={"Location": where, "Cache-Control": "no-store"})

    def _set_cookie(self, response: web.Response, name: str, value: str) -> None:
        response.set_cookie(
            name,
            value,
            httponly=True,
            samesite="Strict",
            secure=self.secure,
            path="/",
            max_age=int(self.signer.max_age),
        )

    def student(self, request: web.Request) -> Pass | None:
        """Who the request's signed cookie says the student is (None: no valid one)."""
        return self.signer.read(request.cookies.get(STUDENT_COOKIE), "student")

    def is_teacher(self, request: web.Request) -> bool:
        """Whether the request carries the teacher's signed cookie."""
        return self.signer.read(request.cookies.get(TEACHER_COOKIE), "teacher") is not None

    def _guessing(self, request: web.Request) -> bool:
        """Whether this address has tried too many wrong codes or keys lately."""
        now = time.monotonic()
        where = client_address(request, self.config.proxies)
        recent = [at for at in self._guesses.get(where, []) if now - at < GUESS_WINDOW]
        self._guesses[where] = recent
        return len(recent) >= GUESSES

    def _wrong_guess(self, request: web.Request) -> None:
        where = client_address(request, self.config.proxies)
        self._guesses.setdefault(where, []).append(time.monotonic())

    def _same_origin(self, request: web.Request) -> bool:
        """A websocket opened by this server's page, not by another site's script."""
        origin = request.headers.get("Origin")
        if origin is None:
            return True  # not a browser (a scripted client): the cookie alone decides
        allowed = {request.host}
        if self.config.public_url:
            allowed.add(urlsplit(self.config.public_url).netloc)
        return urlsplit(origin).netloc in allowed

    def websocket_url(self, request: web.Request) -> str:
        """Where the app's page opens its websocket: the public URL's, else the request's host."""
        if self.config.public_url:
            base = self.config.public_url.rstrip("/")
            scheme, rest = base.split(":", 1)
            return ("wss:" if scheme == "https" else "ws:") + rest + "/ws"
        return ("wss://" if request.secure else "ws://") + request.host + "/ws"

    # -- students --------------------------------------------------------------------------------

    async def handle_sign_in_form(self, request: web.Request) -> web.Response:
        return self._html(pages.sign_in())

    async def handle_sign_in(self, request: web.Request) -> web.Response:
        form = await request.post()
        code, name = form.get("code"), form.get("name")
        if not isinstance(code, str) or not isinstance(name, str):
            return self._html(pages.sign_in(problem=t("web.signin.wrong_code")), 400)
        if self._guessing(request):
            return self._html(pages.sign_in(problem=t("web.signin.wait")), 429)
        if not same_secret(code, self.config.class_code):
            self._wrong_guess(request)
            return self._html(pages.sign_in(problem=t("web.signin.wrong_code"), name=name), 403)
        try:
            clean = clean_profile_name(name)
        except ValueError:
            problem = t("profile.invalid", limit=40)
            return self._html(pages.sign_in(problem=problem), 400)
        value, issued = self.signer.make("student", clean)
        refusal = self.roster.sign_in(clean, issued.ticket)
        if refusal == "taken":
            problem = t("web.signin.taken", name=clean)
            return self._html(pages.sign_in(problem=problem), 409)
        if refusal == "full":
            problem = t("web.signin.full", limit=self.config.max_sessions or 0)
            return self._html(pages.sign_in(problem=problem, name=clean), 503)
        response = self._redirect("/")
        self._set_cookie(response, STUDENT_COOKIE, value)
        return response

    def _refusal(self, student: Pass | None) -> tuple[str, int] | None:
        """Why this cookie may not play now (the message and the status), or None."""
        if student is None:
            return "", 0
        why = self.roster.may_connect(student.name, student.ticket)
        if why == "signed-out":
            return t("web.signin.signed_out"), 403
        if why == "full":
            return t("web.signin.full", limit=self.config.max_sessions or 0), 503
        return None

    async def handle_index(self, request: web.Request) -> web.Response:
        student = self.student(request)
        refusal = self._refusal(student)
        if refusal is not None:
            message, status = refusal
            if not message:
                return self._redirect("/signin")
            response = self._html(pages.refused(t("web.signin.title"), message), status)
            if status == 403:
                response.del_cookie(STUDENT_COOKIE, path="/")
            return response
        assert student is not None
        page = pages.app_page(self.websocket_url(request), student.name)
        return self._html(page, headers=APP_HEADERS)

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        student = self.student(request)
        if self._refusal(student) is not None or not self._same_origin(request):
            raise web.HTTPForbidden(text="sign in first")
        assert student is not None
        seat = self.roster.seat_of(student.name, student.ticket)
        assert seat is not None
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=256 * 1024)
        await websocket.prepare(request)
        await self._play(request, seat, websocket)
        return websocket

    async def _play(
        self, request: web.Request, seat: Seat, websocket: web.WebSocketResponse
    ) -> None:
        width = _size(request.query.get("width"), 80)
        height = _size(request.query.get("height"), 24)
        service = StudentApp(
            self.app_command,
            identity=self.identity(seat),
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
        )
        # The same browser again (a refresh, a second tab): its older tab stops playing.
        for older in self.roster.connect(seat, websocket):
            if isinstance(older, web.WebSocketResponse):
                await older.close()
        self._services.add(service)
        try:
            await service.start(width, height)
            await _relay(websocket, service)
        except (asyncio.CancelledError, ConnectionError):
            pass
        finally:
            self.roster.disconnect(seat, websocket)
            await service.stop()
            self._services.discard(service)
            if not websocket.closed:
                await websocket.close()

    def identity(self, seat: Seat) -> dict[str, str]:
        """The environment that tells one app process its student, database, banks, language."""
        return {
            "QUIZ_PROFILE": seat.name,
            STATUS_VARIABLE: str(seat.status),
            "QUIZ_DB": str(self.config.database),
            "QUIZ_BANK": os.pathsep.join(str(path) for path in self.config.banks),
            "QUIZ_LANG": self.config.language,
            "QUIZ_DIGITS": self.config.digits,
            # xterm.js lays out no right-to-left text and joins no letters: quiz does both.
            "QUIZ_RTL": "reorder",
        }

    # -- the teacher -----------------------------------------------------------------------------

    async def handle_teacher(self, request: web.Request) -> web.Response:
        if not self.is_teacher(request):
            return self._html(pages.teacher_sign_in())
        rows = [self._row(seat) for seat in self.roster.seats()]
        page = pages.teacher(
            rows,
            playing=self.roster.connected_count(),
            limit=self.config.max_sessions,
            code=self.config.class_code,
        )
        return self._html(page)

    def _row(self, seat: Seat) -> pages.Row:
        status = read_status(seat.status) or {}

        def number(key: str) -> int | None:
            value = status.get(key)
            return value if isinstance(value, int) and not isinstance(value, bool) else None

        bank = status.get("bank")
        screen = status.get("screen")
        return pages.Row(
            name=seat.name,
            connected=seat.connected,
            screen=screen if isinstance(screen, str) else "",
            bank=bank if isinstance(bank, str) else "",
            position=number("position"),
            total=number("total"),
            answered=number("answered"),
            correct=number("correct"),
        )

    async def handle_teacher_key(self, request: web.Request) -> web.Response:
        form = await request.post()
        key = form.get("key")
        if self._guessing(request):
            return self._html(pages.teacher_sign_in(problem=t("web.signin.wait")), 429)
        if not isinstance(key, str) or not same_secret(key, self.config.teacher_key):
            self._wrong_guess(request)
            return self._html(pages.teacher_sign_in(problem=t("web.teacher.wrong_key")), 403)
        response = self._redirect("/teacher")
        value, _ = self.signer.make("teacher")
        self._set_cookie(response, TEACHER_COOKIE, value)
        return response

    async def handle_report(self, request: web.Request) -> web.Response:
        if not self.is_teacher(request):
            return self._html(pages.teacher_sign_in(), 403)
        from quiz.web.teacher import class_report

        page = await self._blocking(class_report, self.config.database, self.config.state)
        return self._html(page)

    async def handle_results(self, request: web.Request) -> web.Response:
        if not self.is_teacher(request):
            return self._html(pages.teacher_sign_in(), 403)
        from quiz.web.teacher import results_csv

        data = await self._blocking(results_csv, self.config.database)
        return web.Response(
            body=data,
            content_type="text/csv",
            charset="utf-8",
            headers={
                "Content-Disposition": 'attachment; filename="results.csv"',
                "Cache-Control": "no-store",
            },
        )

    async def _blocking(self, work: Callable[..., Any], *args: Any) -> Any:
        """Run database work in a thread; a database that refuses is a 503 page, one line."""
        from quiz.errors import QuizError
        from quiz.store import StoreError

        try:
            return await asyncio.to_thread(work, *args)
        except (StoreError, QuizError, OSError) as error:
            message = t("web.teacher.unreadable", error=str(error))
            raise web.HTTPServiceUnavailable(
                text=pages.refused(t("web.teacher.title"), message, back="/teacher"),
                content_type="text/html",
            ) from None


def client_address(request: web.Request, proxies: frozenset[str] = frozenset()) -> str:
    """Who is asking, for counting wrong guesses: the peer's address, or, from a proxy (one on
    this machine, or one of `proxies`), the address it saw: the last X-Forwarded-For entry,
    the one it added.

    Behind a proxy every request comes from the proxy: one student's guesses would shut the
    whole class out. From anyone else the header is the browser's to forge, and ignored.
    """
    peer = request.remote or ""
    address: ipaddress.IPv4Address | ipaddress.IPv6Address | None
    try:
        address = ipaddress.ip_address(peer)
    except ValueError:
        address = None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped  # a dual-stack socket's view of an IPv4 peer
    trusted = address is not None and (address.is_loopback or str(address) in proxies)
    forwarded = ",".join(request.headers.getall("X-Forwarded-For", [])).split(",")[-1].strip()
    return forwarded[:64] if trusted and forwarded else peer


def _size(value: object, default: int) -> int:
    """A terminal size from the query, within reason."""
    try:
        number = int(value or default)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default
    return min(max(number, 10), 500)


async def _relay(websocket: web.WebSocketResponse, service: AppService) -> None:
    """Pass the browser's keys, resizes and focus to the app; anything malformed is dropped."""
    send: dict[str, Callable[[Any], Awaitable[Any]]] = {
        "stdin": lambda data: service.send_bytes(str(data).encode("utf-8")),
        "blur": lambda data: service.blur(),
        "focus": lambda data: service.focus(),
        "ping": lambda data: websocket.send_json(["pong", data]),
    }
    async for message in websocket:
        if message.type != WSMsgType.TEXT:
            continue
        try:
            envelope = json.loads(message.data)
        except ValueError:
            continue
        if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
            continue
        kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
        if kind == "resize" and isinstance(data, dict):
            await service.set_terminal_size(
                _size(data.get("width"), 80), _size(data.get("height"), 24)
            )
        elif kind in send and (kind != "stdin" or isinstance(data, str)):
            await send[kind](data)
