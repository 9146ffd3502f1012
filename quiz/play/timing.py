"""Durations as people type them ("10m", "90s", "1h30m", "45") and as a countdown shows them.

API:
- `parse_duration(text) -> float`: seconds; a bare number is minutes (an exam's time limit is
  counted in minutes). Raises ValueError with a one-line message fit for the command line.
- `format_duration(seconds) -> str`: "9:59" or "1:02:03", rounded up to the second, so a
  countdown shows 0:00 only when the time is over.
"""

from __future__ import annotations

import math
import re
from datetime import datetime

# The one clock in UTC, shared with the store (when answers are saved).
from quiz.store.model import utc_now
from quiz.text.wording import said

__all__ = ["format_duration", "local_now", "parse_duration", "utc_now"]

_UNIT_SECONDS = {"h": 3600.0, "m": 60.0, "s": 1.0}
_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([hms])")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
#: The longest time limit: a day (a countdown of a billion hours is a mistake, not an exam).
MAX_SECONDS = 24 * 3600.0
_HOW = said("time_limit.how")


def parse_duration(text: str) -> float:
    """Return the seconds in a duration: "45" (minutes), "90s", "10m", "1h30m", "1.5h"."""
    given = text
    text = text.strip().lower()
    if not text:
        raise ValueError(said("time_limit.none", how=_HOW))
    if _NUMBER.fullmatch(text):
        seconds = float(text) * 60
    else:
        seconds = 0.0
        seen: list[str] = []
        at = 0
        for match in _PART.finditer(text):
            if text[at : match.start()].strip():
                break
            unit = match[2]
            if unit in seen:
                raise ValueError(said("time_limit.twice", given=repr(given), unit=unit, how=_HOW))
            if seen and "hms".index(unit) < "hms".index(seen[-1]):
                raise ValueError(said("time_limit.order", given=repr(given), how=_HOW))
            seen.append(unit)
            seconds += float(match[1]) * _UNIT_SECONDS[unit]
            at = match.end()
        if not seen or text[at:].strip():
            raise ValueError(said("time_limit.not_a_duration", given=repr(given), how=_HOW))
    if not math.isfinite(seconds) or seconds <= 0:
        raise ValueError(said("time_limit.not_positive", given=repr(given), how=_HOW))
    if seconds > MAX_SECONDS:
        raise ValueError(
            said(
                "time_limit.too_long", given=repr(given), hours=round(MAX_SECONDS / 3600), how=_HOW
            )
        )
    return seconds


def format_duration(seconds: float) -> str:
    """Return seconds as a countdown shows them: "9:59", "1:02:03" (never negative)."""
    whole = max(0, math.ceil(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def local_now() -> datetime:
    """The time now, in the local time zone (so the day of new cards is the local day)."""
    return datetime.now().astimezone()
