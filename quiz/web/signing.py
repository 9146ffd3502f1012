"""Signed cookies: who a browser is, in a value only this server can have made.

A value is `payload.signature`, both URL-safe base64: the payload is JSON (the kind, `student`
or `teacher`; a student's name; a random ticket naming this sign-in; when it was made), the
signature its HMAC-SHA256 under the server's secret. Any change to either part, a value from
another server (another secret) or an old one past its age is refused: `read` returns None.
Plain Python: the server and the tests use it alike.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

#: How long a sign-in lasts: a school day, so a student signed in at eight is still at three.
MAX_AGE = 12 * 3600

KINDS = ("student", "teacher")


@dataclass(frozen=True, slots=True)
class Pass:
    """What a valid cookie says: a student's name (a teacher's is empty) and its ticket."""

    kind: str
    name: str
    ticket: str
    made: float


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Signer:
    """Makes and reads the signed cookie values of one server (one secret)."""

    def __init__(
        self,
        secret: bytes | None = None,
        *,
        max_age: float = MAX_AGE,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._secret = secret if secret is not None else secrets.token_bytes(32)
        self.max_age = max_age
        self.clock = clock

    def _mac(self, payload: str) -> str:
        digest = hmac.new(self._secret, payload.encode("ascii"), hashlib.sha256).digest()
        return _b64(digest)

    def make(self, kind: str, name: str = "") -> tuple[str, Pass]:
        """A new signed value for a student of that name (or the teacher), and what it says."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        issued = Pass(kind, name, secrets.token_urlsafe(16), self.clock())
        body = {"k": issued.kind, "n": issued.name, "t": issued.ticket, "m": issued.made}
        payload = _b64(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode())
        return f"{payload}.{self._mac(payload)}", issued

    def read(self, value: str | None, kind: str) -> Pass | None:
        """What a cookie value says, if this server signed it for `kind` and it is not too old."""
        if not value or value.count(".") != 1 or len(value) > 4096:
            return None
        payload, signature = value.split(".")
        try:
            payload.encode("ascii")
            signature.encode("ascii")
        except UnicodeEncodeError:
            return None
        # Compared in constant time, before anything in the payload is read.
        if not hmac.compare_digest(self._mac(payload), signature):
            return None
        try:
            body = json.loads(_unb64(payload))
        except (binascii.Error, ValueError):
            return None
        if not isinstance(body, dict):
            return None
        name, ticket, made = body.get("n"), body.get("t"), body.get("m")
        if body.get("k") != kind or not isinstance(name, str) or not isinstance(ticket, str):
            return None
        if not isinstance(made, int | float) or isinstance(made, bool):
            return None
        if not 0 <= self.clock() - made <= self.max_age:
            return None
        return Pass(kind, name, ticket, float(made))


#: Arabic-Indic and Persian digits, as an Arabic keyboard types them, read as 0-9.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def same_secret(given: str, expected: str) -> bool:
    """Whether a typed class code or teacher key is the expected one (constant time)."""
    typed = given.strip().translate(_DIGITS)
    return hmac.compare_digest(typed.encode("utf-8"), expected.encode("utf-8"))


def new_code(length: int = 6) -> str:
    """A class code to read aloud or write on the board: digits only, easy on every keyboard."""
    return "".join(secrets.choice("0123456789") for _ in range(length))


def new_key() -> str:
    """A teacher key: long and random, never shown to students."""
    return secrets.token_urlsafe(18)
