"""Commands on saved answers: scores, results export, statistics and the class report."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from quiz import locations
from quiz.cli.common import EXIT_OK, open_cache, open_store, print_json, profile
from quiz.cli.parser import UsageError
from quiz.text.i18n import t


def _warn_damaged(where: str) -> Callable[[object], None]:
    """Say in one line that a row of the score database was damaged and left out."""

    def warn(line: object) -> None:
        print(f"quiz: warning: {where}: {line}", file=sys.stderr)

    return warn


def scores(args: argparse.Namespace) -> int:
    """`quiz scores`: past quizzes, newest first."""
    from quiz.progress.stats_data import kind_word
    from quiz.text.i18n import format_datetime

    with open_store(args) as store:
        sessions = store.sessions()
        for damage in store.damaged:
            _warn_damaged(store.where)(damage)
    if args.json:
        print_json([s.as_json() for s in sessions])
        return EXIT_OK
    if not sessions:
        print(t("scores.none"))
        return EXIT_OK
    for s in sessions:
        when = format_datetime(s.started.astimezone())
        # One definition (docs/scores.md): right / planned; a study session has no score.
        score = s.score
        state = "" if s.finished else "  " + t("scores.unfinished")
        if score is None:
            line = t(
                "scores.line_study",
                when=when,
                title=s.title,
                kind=kind_word(s.kind),
                correct=s.correct,
                answered=s.answered,
            )
        else:
            line = t(
                "scores.line",
                when=when,
                title=s.title,
                kind=kind_word(s.kind),
                correct=s.correct,
                answered=s.answered,
                percent=t("percent", value=100 * score),
                planned=s.planned,
            )
        print(line + state)
    return EXIT_OK


def results(args: argparse.Namespace) -> int:
    """`quiz results export`: every answer, one row each."""
    from quiz.progress.export import parse_since, run_export

    try:
        since = None if args.since is None else parse_since(args.since)
    except ValueError as error:
        raise UsageError(str(error)) from None
    output = Path(args.output) if args.output else None
    database = locations.database_path(args.db)
    written = run_export(
        database,
        fmt=args.format,
        since=since,
        output=output,
        force=args.force,
        profile=_export_profile(args),
        warn=_warn_damaged(str(database)),
    )
    if output is not None:
        print(t("cli.wrote_answers", count=written, path=str(output)), file=sys.stderr)
    return EXIT_OK


def _export_profile(args: argparse.Namespace) -> str | None:
    """Whose answers `quiz results export` writes: --profile's, else QUIZ_PROFILE's, else (or
    with --all-profiles) every profile's (None)."""
    if args.all_profiles:
        if getattr(args, "profile", None):
            raise UsageError(t("cli.results_export.both"))
        return None
    if not getattr(args, "profile", None) and not os.environ.get("QUIZ_PROFILE", "").strip():
        return None
    return profile(args)


def report(args: argparse.Namespace) -> int:
    """`quiz report`: the item analysis of students' exports."""
    from quiz.progress.export import parse_since
    from quiz.progress.report import DEFAULT_MODES, Filters
    from quiz.render.report_text import report_command

    def day(option: str, text: str | None):
        if text is None:
            return None
        try:
            return parse_since(text)
        except ValueError as error:
            raise UsageError(str(error).replace("--since", option, 1)) from None

    modes = DEFAULT_MODES
    if args.mode is not None:
        modes = tuple(m.strip().lower() for m in args.mode.split(",") if m.strip())
    filters = Filters(
        banks=tuple(args.report_banks or ()),
        modes=modes,
        since=day("--since", args.since),
        until=day("--until", args.until),
        attempts=args.attempts,
    )
    report_command(
        args.paths,
        html_out=args.html,
        force=args.force,
        min_answers=args.min_answers,
        filters=filters,
        fmt=args.report_format,
        gradebook=args.gradebook,
        stdout=sys.stdout,
        stderr=sys.stderr,
    )
    return EXIT_OK


def stats(args: argparse.Namespace) -> int:
    """`quiz stats`: the statistics of a profile, for one bank or all."""
    from quiz.files import stored_path
    from quiz.progress.stats import compute
    from quiz.render.stats import print_stats
    from quiz.store import bank_key

    path = None if args.stats_bank is None else Path(args.stats_bank).expanduser()
    if path is not None and os.path.isdir(path):
        raise UsageError(t("cli.stats_folder", bank=args.stats_bank))
    store = open_store(args)
    cache = open_cache()

    def load(key: str):
        # Tags come from the bank files; a file moved or broken has none.
        file = stored_path(key)
        return cache.load(file).bank if os.path.isfile(file) else None

    try:
        with store:
            found = compute(
                store,
                profile=store.profile,
                bank=None if path is None else bank_key(path),
                banks=load,
            )
            for damage in store.damaged:
                _warn_damaged(store.where)(damage)
    finally:
        cache.close()
    if path is not None and not os.path.isfile(path) and not found.sessions:
        raise UsageError(t("cli.stats_no_bank", bank=args.stats_bank))
    if args.json:
        print_json(found.as_json())
    else:
        print_stats(found, sys.stdout)
    return EXIT_OK
