"""The command line: parse the arguments, run the command, report a user's mistake in one line.

Each command lives in the module of its kind (banks, results, play); every error a user can
cause reaches `main` as a `QuizError` and is printed once, here.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from quiz.cli import banks, play, results
from quiz.cli.common import EXIT_PROBLEMS, EXIT_USAGE
from quiz.cli.parser import UsageError, build_parser
from quiz.errors import QuizError

__all__ = ["build_parser", "main"]

COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: play.home,
    "play": play.play,
    "check": banks.check,
    "list": banks.listing,
    "schema": banks.schema,
    "new": banks.new,
    "import": banks.import_file,
    "export": banks.export_bank,
    "scores": results.scores,
    "results": results.results,
    "stats": results.stats,
    "report": results.report,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run quiz with the given arguments; return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        return COMMANDS[args.command](args)
    except UsageError as error:
        print(f"quiz: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except QuizError as error:
        for notice in error.notices:
            print(notice, file=sys.stderr)
        print(f"quiz: error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`quiz list | head`): stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
