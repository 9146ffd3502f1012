"""The `quiz` command, and `python -m quiz`.

The garbage collector is paused before anything is imported, until the first screen is up or a
command that shows none is under way (see quiz.collector).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run quiz with the given arguments (the command line's by default); the exit code."""
    from quiz.collector import pause_start, start_over

    pause_start()
    try:
        from quiz.cli import main as run

        return run(argv)
    finally:
        start_over()


if __name__ == "__main__":
    sys.exit(main())
