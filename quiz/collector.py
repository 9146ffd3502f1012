"""Pausing the cyclic garbage collector over work that makes many objects and no cycles.

Reading a big bank or a class's exports makes hundreds of thousands of objects that only ever
point down (nodes, questions, answers): the collector would walk them again and again for
nothing. Reference counting still frees them as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block, and put it back as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
