"""What the start dialog returns: plain data, so the app can start a run without the dialog."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StartChoice:
    """What the student chose: the mode, how many questions, and the exam's time limit."""

    mode: str
    count: int | None
    time_limit: float | None = None
