"""Pausing the cyclic garbage collector over work that makes many objects and no cycles.

Reading a big bank or a class's exports makes hundreds of thousands of objects that only ever
point down (nodes, questions, answers): the collector would walk them again and again for
nothing. Reference counting still frees them as usual.

The program's start is such work too: its imports make the classes, functions and CSS rules it
keeps until it ends, and the collector would walk them all several times before the first
screen. `quiz` pauses it from its first line (`pause_start`) until that screen is up or a
command that shows none is under way (`start_over`), then freezes what the start made (moved
out of every later collection) and lets it run.

Pauses nest, from any thread: the collector runs again when the last one ends (a big bank read
in a worker keeps it paused even if the first screen comes up meanwhile).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
#: Pauses under way, and whether the collector ran before the first of them.
_held = 0
_was_enabled = True
#: Whether the program's start holds a pause.
_starting = False


def _pause() -> None:
    global _held, _was_enabled
    with _lock:
        if _held == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _held += 1


def _resume() -> None:
    global _held
    with _lock:
        _held -= 1
        if _held == 0 and _was_enabled:
            gc.enable()


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block, and put it back as it was."""
    _pause()
    try:
        yield
    finally:
        _resume()


def pause_start() -> None:
    """Pause the collector while the program starts (once; `start_over` ends it)."""
    global _starting
    if not _starting:
        _starting = True
        _pause()


def start_over() -> None:
    """The start is over: what it made is frozen out of later collections, and the start's
    pause ends. Nothing when no start was paused (an app made by a test, a second call)."""
    global _starting
    if _starting:
        _starting = False
        gc.freeze()
        _resume()
