"""The command line: parse the arguments, run the command, report a user's mistake in one line.

Each command lives in the module of its kind (banks, interchange, results, play); every error a
user can cause reaches `main` as a `QuizError` and is printed once, here.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import TextIO, cast

from quiz.cli.common import EXIT_PROBLEMS, EXIT_USAGE, early_settings, interface
from quiz.cli.parser import UsageError, build_parser, translated_argparse
from quiz.collector import start_over
from quiz.errors import QuizError

__all__ = ["build_parser", "main"]

#: Each command's module (in quiz.cli) and function, imported when the command runs: `quiz
#: play` starts without the modules of import, export, the database and the server.
COMMANDS: dict[str | None, tuple[str, str]] = {
    None: ("play", "home"),
    "play": ("play", "play"),
    "check": ("banks", "check"),
    "list": ("banks", "listing"),
    "schema": ("banks", "schema"),
    "new": ("banks", "new"),
    "import": ("interchange", "import_file"),
    "export": ("interchange", "export_bank"),
    "scores": ("results", "scores"),
    "results": ("results", "results"),
    "stats": ("results", "stats"),
    "report": ("results", "report"),
    "db": ("db", "db"),
    "serve": ("serve", "serve"),
}

#: The commands that start the app: the collector stays paused until its first screen is up.
APP_COMMANDS = {None, "play"}


def command(name: str | None) -> Callable[[argparse.Namespace], int]:
    """The function that runs a command."""
    module, function = COMMANDS[name]
    found: Callable[[argparse.Namespace], int] = getattr(
        importlib.import_module(f"quiz.cli.{module}"), function
    )
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Run quiz with the given arguments; return the exit code."""
    with guarded_output():
        return _main(argv)


@contextmanager
def guarded_output() -> Iterator[None]:
    """Send everything printed, output and messages alike, through the terminal guard.

    Paths, bank text, profile names and cell text reach these messages; none of their control
    or bidi characters may reach the terminal (see quiz.text.safe).
    """
    from quiz.text.safe import GuardedStream
    from quiz.text.terminal import LaidOutStream

    out, err = sys.stdout, sys.stderr
    # On a terminal, Arabic is laid out as the app lays it out (quiz.text.terminal).
    laid_out = [LaidOutStream(out), LaidOutStream(err)]
    sys.stdout = cast(TextIO, GuardedStream(cast(TextIO, laid_out[0])))
    sys.stderr = cast(TextIO, GuardedStream(cast(TextIO, laid_out[1])))
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            with suppress(OSError, ValueError):
                stream.flush()
        for layer in laid_out:
            with suppress(OSError, ValueError):
                layer.close_layout()
        sys.stdout, sys.stderr = out, err


def _main(argv: Sequence[str] | None) -> int:
    from quiz.text.settings import use

    use(early_settings(sys.argv[1:] if argv is None else argv))
    try:
        with translated_argparse():
            args = build_parser().parse_args(argv)
        use(interface(args, rtl=True))
        run = command(args.command)
        if args.command not in APP_COMMANDS:
            start_over()
        return run(args)
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
    except OSError as error:
        # A path the system refuses where no message was planned (a folder that cannot be
        # searched, say): one line, never a traceback.
        from quiz.text.i18n import t
        from quiz.text.safe import printable_name

        name = f"{printable_name(os.fsdecode(error.filename))}: " if error.filename else ""
        reason = error.strerror or str(error)
        print(f"quiz: error: {t('cli.os_error', name=name, reason=reason)}", file=sys.stderr)
        return EXIT_PROBLEMS
