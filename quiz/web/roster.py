"""Who is signed in to `quiz serve`: one seat per name, the latest sign-in owns it.

A sign-in takes the seat of its name with a new ticket (the random value its signed cookie
carries), unless another browser holds that name now: connected, or signed in moments ago and
not yet connected. A connection is let in only with the seat's current ticket, so a cookie
from an earlier sign-in of the name, or one copied from another browser after the name was
taken again, opens nothing. The same browser refreshing (the same ticket) takes its own seat
back, and its older connection is closed. At most `limit` seats are connected at once.
Plain Python: the server keeps one Roster in memory.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from quiz.web.status import name_key, status_path

#: Seconds a fresh sign-in holds its name before its browser connects.
PENDING = 60.0


@dataclass(eq=False)
class Seat:
    """A student's place: their name as typed, their ticket, their open connections."""

    name: str
    ticket: str
    signed_in: float
    status: Path
    connections: list[object] = field(default_factory=list)
    connected_at: float | None = None

    @property
    def connected(self) -> bool:
        """Whether a browser tab plays as this student now."""
        return bool(self.connections)


class Roster:
    """The seats of one server; `limit` connected at most (None: no limit)."""

    def __init__(
        self,
        state: Path,
        *,
        limit: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.state = state
        self.limit = limit
        self.clock = clock
        self._seats: dict[str, Seat] = {}

    def seats(self) -> list[Seat]:
        """Every seat taken since the server started, by name."""
        return sorted(self._seats.values(), key=lambda seat: name_key(seat.name))

    def connected_count(self) -> int:
        """How many students play now."""
        return sum(seat.connected for seat in self._seats.values())

    def _held(self, seat: Seat, ticket: str) -> bool:
        """Whether another browser than `ticket`'s holds this seat now."""
        if seat.ticket == ticket:
            return False
        fresh = seat.connected_at is None and self.clock() - seat.signed_in < PENDING
        return seat.connected or fresh

    def full(self, name: str | None = None) -> bool:
        """Whether no one more can play (the student of `name` already playing aside)."""
        if self.limit is None:
            return False
        seat = None if name is None else self._seats.get(name_key(name))
        if seat is not None and seat.connected:
            return False
        return self.connected_count() >= self.limit

    def sign_in(self, name: str, ticket: str) -> str | None:
        """Give the seat of `name` to a new sign-in; the refusal ("taken", "full") or None."""
        key = name_key(name)
        seat = self._seats.get(key)
        if seat is not None and self._held(seat, ticket):
            return "taken"
        if self.full(name):
            return "full"
        if seat is None:
            seat = self._seats[key] = Seat(
                name, ticket, self.clock(), status_path(self.state, name)
            )
        else:
            seat.name, seat.ticket, seat.signed_in = name, ticket, self.clock()
            seat.connected_at = None
        return None

    def seat_of(self, name: str, ticket: str) -> Seat | None:
        """The seat a cookie names, if it is still that cookie's (its sign-in is the latest)."""
        seat = self._seats.get(name_key(name))
        return seat if seat is not None and seat.ticket == ticket else None

    def may_connect(self, name: str, ticket: str) -> str | None:
        """Why a browser with this cookie may not play now ("signed-out", "full"), or None."""
        if self.seat_of(name, ticket) is None:
            return "signed-out"
        if self.full(name):
            return "full"
        return None

    def connect(self, seat: Seat, connection: object) -> list[object]:
        """Seat a new connection; return the seat's older ones, for the caller to close."""
        older = list(seat.connections)
        seat.connections.append(connection)
        seat.connected_at = self.clock()
        return older

    def disconnect(self, seat: Seat, connection: object) -> None:
        """The connection has ended (a closed tab, a refresh, a dropped network)."""
        if connection in seat.connections:
            seat.connections.remove(connection)
