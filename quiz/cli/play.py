"""Commands that open the app: the home screen and `quiz play`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from quiz import locations
from quiz.cli.common import EXIT_OK, catalog, interface, open_cache, open_store
from quiz.cli.parser import UsageError
from quiz.errors import QuizError
from quiz.text.i18n import t
from quiz.text.safe import printable_name

if TYPE_CHECKING:
    from quiz.bank.catalog import Catalog
    from quiz.bank.model import Bank, LoadResult


def home(args: argparse.Namespace) -> int:
    """`quiz`: the home screen."""
    return _start_app(args, catalog(args), play=None)


def play(args: argparse.Namespace) -> int:
    """`quiz play`: a run on one bank file (review and study: every bank without one)."""
    if args.time_limit is not None and args.mode != "exam":
        raise UsageError(t("cli.time_limit_needs_exam"))
    if args.path is None:
        if args.mode not in ("review", "study"):
            raise UsageError(t("cli.mode_needs_bank", mode=args.mode))
        return _start_app(args, catalog(args), play=None, play_all=True)
    path = Path(args.path)
    if os.path.isdir(path):
        if args.mode in ("review", "study"):
            # Review or study every bank of that folder.
            from quiz.bank.catalog import Catalog

            return _start_app(args, Catalog([path], open_cache()), play=None, play_all=True)
        raise UsageError(t("cli.bank_is_folder", path=args.path))
    if not os.path.exists(path):
        raise UsageError(t("cli.no_such_bank_file", path=args.path))
    banks = catalog(args)
    # A big file the cache does not hold takes seconds to read: behind a progress screen, not a
    # blank terminal. Any other is read (or found in the cache) here, looked up once.
    result = banks.cache.cached(path) if _big(path) else banks.load(path)
    if result is None:
        return _start_app(args, banks, play=None, read=path)
    if result.bank is None:
        raise _has_errors(args.path, result)
    return _start_app(args, banks, play=result.bank)


#: A bank file at least this big that the cache does not hold yet is read behind a progress
#: screen; a smaller one reads in well under a second, before the app starts.
READ_IN_APP_BYTES = 1_000_000


def _big(path: Path) -> bool:
    try:
        return os.path.getsize(path) >= READ_IN_APP_BYTES
    except OSError:
        return False  # reading it says what is wrong


def _has_errors(path: str, result: LoadResult) -> QuizError:
    return QuizError(t("cli.has_errors", path=path), notices=result.errors)


def _need_writable(path: Path | str) -> None:
    """Refuse, in one line, to start a quiz whose answers could not be saved."""
    if not isinstance(path, Path):
        return  # a server: its own permissions, reported at the first write
    folder = path.parent if str(path.parent) else Path(".")
    file_read_only = os.path.exists(path) and not os.access(path, os.W_OK)
    # SQLite keeps its -wal and -shm files beside the database.
    folder_read_only = os.path.isdir(folder) and not os.access(folder, os.W_OK | os.X_OK)
    if not (file_read_only or folder_read_only):
        return
    raise QuizError(
        t(
            "cli.read_only_file" if file_read_only else "cli.read_only_folder",
            path=printable_name(str(path)),
        )
    )


#: The driver textual-serve runs each browser tab's app under (`quiz serve`): its standard
#: input and output are the server's pipes, not a terminal.
WEB_DRIVER = "textual.drivers.web_driver:WebDriver"


def _need_terminal() -> None:
    if os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER:
        return
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(t("cli.needs_terminal"))


def _start_app(
    args: argparse.Namespace,
    catalog: Catalog,
    play: Bank | None,
    play_all: bool = False,
    read: Path | None = None,
) -> int:
    _need_writable(locations.database_path(args.db))
    _need_terminal()
    settings = interface(args, rtl=True)
    store = open_store(args)
    from quiz.ui.app import QuizApp
    from quiz.ui.terminal_mode import ExplicitBidi

    with store:
        app = QuizApp(
            store,
            catalog,
            settings=settings,
            play=play,
            count=getattr(args, "count", None),
            seed=getattr(args, "seed", None),
            mode=getattr(args, "mode", "practice"),
            time_limit=getattr(args, "time_limit", None),
            new_per_day=getattr(args, "new_per_day", 20),
            rate_by_time=getattr(args, "rate_by_time", False),
            play_all=play_all,
            read=read,
        )
        served = os.environ.get("QUIZ_WEB_STATUS")
        if served and os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER:
            from quiz.ui.web_session import WebSession

            app.web = WebSession(app, Path(served))
        # In reorder mode the app lays out right-to-left text itself: the terminal must not
        # reorder it again, on every way out included.
        with ExplicitBidi(enabled=settings.rtl_mode == "reorder") as bidi:
            app.bidi = bidi
            app.run()
    if app.read_failure is not None:
        raise _has_errors(str(read), app.read_failure)
    if app.nothing_to_do and app.return_code == EXIT_OK:
        print(app.nothing_to_do)  # the one line the notice showed, kept after the app ends
    return app.return_code or EXIT_OK
