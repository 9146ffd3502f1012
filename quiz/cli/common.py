"""What the commands share: exit codes, bank folders, the score store, output files."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from quiz import locations
from quiz.cli.parser import UsageError
from quiz.errors import QuizError
from quiz.text.i18n import t

if TYPE_CHECKING:
    from quiz.bank.cache import BankCache
    from quiz.bank.catalog import Catalog
    from quiz.store import Store
    from quiz.text.settings import Settings

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def bank_dirs(args: argparse.Namespace) -> list[Path]:
    """The bank folders: --bank (each must exist), QUIZ_BANK, or the defaults."""
    for option in args.bank or []:
        if not os.path.isdir(Path(option).expanduser()):
            raise UsageError(t("cli.no_such_folder", option=f"--bank {option}"))
    return locations.bank_dirs(args.bank)


def catalog(args: argparse.Namespace) -> Catalog:
    """The banks of the bank folders, read through the bank cache."""
    from quiz.bank.catalog import Catalog

    return Catalog(bank_dirs(args), open_cache())


def open_cache() -> BankCache:
    """The bank cache; when the file at its path is not its own, one line says it was left alone."""
    from quiz.bank.cache import BankCache

    cache = BankCache.open(locations.cache_path())
    if cache.notice:
        print(f"quiz: warning: {cache.notice}", file=sys.stderr)
    return cache


def profile(args: argparse.Namespace) -> str:
    """Whose scores these are: --profile, else QUIZ_PROFILE, else the default profile."""
    from quiz.text.safe import clean_profile_name
    from quiz.text.settings import DEFAULT_PROFILE

    option = getattr(args, "profile", None)
    name, where = (
        (option, "--profile") if option else (os.environ.get("QUIZ_PROFILE"), "QUIZ_PROFILE")
    )
    if not name or not name.strip():
        return DEFAULT_PROFILE
    try:
        # Shown to the next student and printed in a teacher's report: checked where it is made.
        return clean_profile_name(name)
    except ValueError as error:
        raise UsageError(f"{where} {name!r}: {error}") from None


def open_store(args: argparse.Namespace) -> Store:
    """The score database of --db (or QUIZ_DB, or the default), for --profile's student."""
    from quiz.store import Store

    return Store.open(locations.database_path(args.db), profile=profile(args))


def interface(args: argparse.Namespace, *, rtl: bool = False) -> Settings:
    """The settings of the interface, from the options, the environment and the locale.

    The language, the digits and the profile; with `rtl`, the RTL mode too (`--rtl`, QUIZ_RTL,
    else told from the terminal), which only the app needs.
    """
    from quiz.text.i18n import choose_digits, choose_language
    from quiz.text.settings import Settings

    try:
        lang = choose_language(getattr(args, "lang", None), os.environ)
        digits = choose_digits(getattr(args, "digits", None), os.environ, lang)
        if not rtl:
            return Settings(lang, digits, profile=profile(args))
        from quiz.text.rtl import choose_mode

        rtl_mode = choose_mode(getattr(args, "rtl", None), os.environ)
        return Settings(lang, digits, rtl_mode, profile(args))
    except ValueError as error:
        # The message may be a wording: written out in the early settings' language.
        raise UsageError(error.args[0] if error.args else str(error)) from None


def early_settings(argv: Sequence[str]) -> Settings:
    """The settings before the arguments are parsed, for `--help` and a mistake in them: the
    `--lang`, `--digits` and `--rtl` given (a bad value is left for the parser to refuse), else
    the environment's."""
    from quiz.text.i18n import choose_digits, choose_language
    from quiz.text.rtl import MODES, choose_mode
    from quiz.text.settings import DIGIT_STYLES, LANGUAGES, Settings

    given: dict[str, str] = {}
    for index, word in enumerate(argv):
        if word == "--":
            break
        for option in ("--lang", "--digits", "--rtl"):
            if word == option and index + 1 < len(argv):
                given[option] = argv[index + 1]
            elif word.startswith(option + "="):
                given[option] = word.split("=", 1)[1]
    # Each as far as it is known: a bad QUIZ_DIGITS is still said in the language asked for,
    # a bad QUIZ_LANG in the locale's.
    try:
        lang = choose_language(_known(given.get("--lang"), LANGUAGES), os.environ)
    except ValueError:
        lang = choose_language(None, {k: v for k, v in os.environ.items() if k != "QUIZ_LANG"})
    try:
        digits = choose_digits(_known(given.get("--digits"), DIGIT_STYLES), os.environ, lang)
    except ValueError:
        digits = choose_digits(None, {}, lang)
    try:
        mode = choose_mode(_known(given.get("--rtl"), MODES), os.environ)
    except ValueError:
        mode = "reorder"
    return Settings(lang, digits, mode)


def _known(value: str | None, allowed: Sequence[str]) -> str | None:
    return value if value in allowed else None


def print_json(data: object) -> None:
    """Print data as JSON, in logical order even on a terminal: it is data, not prose."""
    from quiz.text.safe import json_text, unguarded
    from quiz.text.terminal import LaidOutStream

    stream = unguarded(sys.stdout)
    if isinstance(stream, LaidOutStream):
        with stream.logical():
            print(json_text(data, indent=2))
    else:
        print(json_text(data, indent=2))


def print_problems(problems: Sequence[object]) -> None:
    """Print problems found in a file, one a line, to standard error."""
    for problem in problems:
        print(problem, file=sys.stderr)


def write_output(text: str, output: str | None, force: bool) -> None:
    """Print `text`, or write it to a new file (an existing one only with --force)."""
    from quiz.files import FileExists, FileProblem, write_new
    from quiz.text.safe import printable_name

    if output is None:
        sys.stdout.write(text)
        return
    try:
        # Whole or not at all, through no link planted at a guessable temporary name.
        write_new(Path(output), text, force=force)
    except FileExists as problem:
        raise QuizError(f"{printable_name(output)} {problem}") from None
    except FileProblem as problem:
        raise QuizError(f"{printable_name(output)}: {problem}") from None
