"""The command line: parse arguments, then check, list, show scores or start the app."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from quiz import __version__, locations

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how quiz was called: reported in one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, not a usage block."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _global_options(defaults: bool, *, bank: bool = True) -> argparse.ArgumentParser:
    """Options that work before or after the command name (`bank`: with --bank DIR)."""
    # Under a command the defaults are suppressed, so they do not hide a value given before it.
    default = None if defaults else argparse.SUPPRESS
    parent = _Parser(add_help=False)
    group = parent.add_argument_group("global options")
    group.add_argument("--db", metavar="FILE", default=default, help="score database (env QUIZ_DB)")
    if bank:
        group.add_argument(
            "--bank",
            metavar="DIR",
            action="append",
            default=default,
            help="a folder of bank files; repeat for more (env QUIZ_BANK, a path list)",
        )
    group.add_argument(
        "--lang",
        choices=("en", "ar"),
        default=default,
        help="the interface language (env QUIZ_LANG; default: from the locale, else en)",
    )
    group.add_argument(
        "--digits",
        choices=("latin", "arabic"),
        default=default,
        help="how numbers are written (env QUIZ_DIGITS; default: arabic for --lang ar, else latin)",
    )
    group.add_argument(
        "--profile",
        metavar="NAME",
        default=default,
        help="whose scores these are, when several students share a computer "
        "(env QUIZ_PROFILE; default: default)",
    )
    group.add_argument(
        "--rtl",
        choices=("auto", "reorder", "terminal"),
        default=default,
        help="how right-to-left text is drawn: reorder it here, or leave it to a terminal that "
        "does (env QUIZ_RTL; default: auto, from the terminal)",
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    """The parser for `quiz` and its commands."""
    parser = _Parser(
        prog="quiz",
        description="Practise multiple-choice questions in the terminal.",
        parents=[_global_options(defaults=True)],
        epilog="Run 'quiz' alone to open the home screen.",
    )
    parser.add_argument("--version", action="version", version=f"quiz {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    common = [_global_options(defaults=False)]

    check = commands.add_parser(
        "check",
        parents=common,
        help="check bank files for mistakes",
        description="Check bank files and folders; print each problem as path:line:column.",
    )
    check.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (default: the bank folders)"
    )
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument(
        "--format", choices=("text", "json"), default="text", help="how to print the results"
    )

    importing = commands.add_parser(
        "import",
        parents=common,
        help="convert GIFT, Aiken or CSV questions to a bank file",
        description="Convert a Moodle GIFT or Aiken file, or a spreadsheet saved as CSV, "
        "to a bank file. The format is told by the file's extension or content.",
    )
    importing.add_argument("file", metavar="FILE", help="the file to convert")
    importing.add_argument(
        "-o", "--output", metavar="OUT", help="the bank file to write (default: print it)"
    )
    importing.add_argument(
        "--from", dest="kind", choices=("gift", "aiken", "csv"), help="the format of FILE"
    )
    importing.add_argument("--force", action="store_true", help="overwrite OUT if it exists")

    exporting = commands.add_parser(
        "export",
        parents=common,
        help="write a bank as GIFT or Aiken for Moodle",
        description="Write a bank file in a format Moodle imports.",
    )
    exporting.add_argument("path", metavar="PATH", help="a bank file")
    exporting.add_argument("--to", required=True, choices=("gift", "aiken"), help="the format")
    exporting.add_argument("-o", "--output", metavar="FILE", help="where (default: print it)")
    exporting.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    results = commands.add_parser(
        "results",
        parents=common,
        help="export the answers in the score database",
        description="Export the answers saved in the score database, for a teacher.",
    )
    results_commands = results.add_subparsers(
        dest="results_command", metavar="COMMAND", required=True, parser_class=_Parser
    )
    results_export = results_commands.add_parser(
        "export",
        parents=common,
        help="write every answer as CSV or JSON, one row per answer",
        description="Write every answer saved, one row each (profile, bank, question, choices "
        "shown, picked, right or wrong, seconds, when), as CSV for a spreadsheet (UTF-8 with "
        "BOM) or JSON. A teacher reads the files with 'quiz report'.",
    )
    results_export.add_argument(
        "--format", choices=("csv", "json"), help="default: from FILE's extension, else csv"
    )
    results_export.add_argument(
        "--since", metavar="DATE", help="only answers from this date on (YYYY-MM-DD, local time)"
    )
    results_export.add_argument("-o", "--output", metavar="FILE", help="where (default: print it)")
    results_export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    report = commands.add_parser(
        "report",
        parents=common,
        help="item analysis of students' exported results",
        description="Read students' exports ('quiz results export' files, or folders of them) "
        "and print per question how many answered, percent right and the most picked wrong "
        "choice, then the students most behind.",
    )
    report.add_argument(
        "paths", nargs="+", metavar="FILE", help="an export (.csv or .json) or a folder of them"
    )
    report.add_argument(
        "--html", metavar="OUT", help="write the report as one HTML page instead of printing it"
    )
    report.add_argument(
        "--min-answers",
        type=_positive,
        default=10,
        metavar="N",
        help="answers a student needs to be ranked among those most behind (default: 10)",
    )

    stats = commands.add_parser(
        "stats",
        # Its --bank is one bank file, not a folder of banks as for the other commands.
        parents=[_global_options(defaults=False, bank=False)],
        help="show statistics: score over time, tags, weakest questions, streaks",
        description="Show the statistics of a profile, for one bank or all: score over time, "
        "accuracy by tag, the weakest questions, days in a row practised, time spent.",
    )
    stats.add_argument(
        "--bank", dest="stats_bank", metavar="PATH", help="one bank file (default: all banks)"
    )
    stats.add_argument("--json", action="store_true", help="print JSON")

    commands.add_parser(
        "schema",
        parents=common,
        help="print the JSON Schema of bank files",
        description="Print the JSON Schema (draft 2020-12) of bank files, for editors.",
    )

    new = commands.add_parser(
        "new",
        parents=common,
        help="write a commented bank file to start from",
        description="Write a commented template bank that passes 'quiz check'.",
    )
    new.add_argument("path", metavar="PATH", help="the new file (.yaml)")
    new.add_argument("--title", metavar="T", help="the bank's title (default: from the file name)")
    new.add_argument("--language", metavar="L", default="en", help="a BCP 47 tag (default: en)")

    play = commands.add_parser(
        "play",
        parents=common,
        help="start a quiz on one bank file",
        description="Start a quiz on one bank file.",
    )
    play.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="a bank file (review and study without one: every bank)",
    )
    play.add_argument("--count", type=_positive, metavar="N", help="how many questions")
    play.add_argument("--seed", type=int, metavar="N", help="make the order reproducible")
    play.add_argument(
        "--mode",
        choices=("practice", "exam", "review", "study"),
        default="practice",
        help="practice (feedback after each answer, the default), exam (feedback at the end), "
        "review (the questions you got wrong last time) or study (spaced repetition)",
    )
    play.add_argument(
        "--time-limit",
        type=_duration,
        metavar="TIME",
        help="the exam's time limit, such as 10m, 90s or 1h30m",
    )
    play.add_argument(
        "--new-per-day",
        type=_count,
        default=20,
        metavar="N",
        help="study: new cards a day at most (default: 20)",
    )
    play.add_argument(
        "--rate-by-time",
        action="store_true",
        help="study: rate a fast right answer Easy and a slow one Hard (default: all Good)",
    )

    scores = commands.add_parser(
        "scores",
        parents=common,
        help="list past quizzes, newest first",
        description="List past quizzes, newest first.",
    )
    scores.add_argument("--json", action="store_true", help="print JSON")

    listing = commands.add_parser(
        "list",
        parents=common,
        help="list the banks in the bank folders",
        description="List the banks in the bank folders with their question counts.",
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    return parser


def _duration(text: str) -> float:
    from quiz.play.timing import parse_duration

    try:
        return parse_duration(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is less than 0")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not 1 or more")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run quiz with the given arguments; return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        return _run(args)
    except UsageError as error:
        print(f"quiz: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`quiz list | head`): stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def _run(args: argparse.Namespace) -> int:
    handlers = {
        None: _home,
        "check": _check,
        "play": _play,
        "scores": _scores,
        "list": _list,
        "schema": _schema,
        "new": _new,
        "import": _import,
        "export": _export,
        "results": _results,
        "stats": _stats,
        "report": _report,
    }
    return handlers[args.command](args)


def _bank_dirs(args: argparse.Namespace) -> list[Path]:
    for option in args.bank or []:
        if not Path(option).expanduser().is_dir():
            raise UsageError(f"--bank {option}: no such folder")
    return locations.bank_dirs(args.bank)


def _catalog(args: argparse.Namespace):
    from quiz.bank.cache import BankCache
    from quiz.bank.catalog import Catalog

    return Catalog(_bank_dirs(args), BankCache.open(locations.cache_path()))


def _check(args: argparse.Namespace) -> int:
    from quiz.bank.check import check, missing

    paths = [Path(p) for p in args.paths] or _bank_dirs(args)
    absent = missing(paths)
    if absent:
        raise UsageError(f"{absent[0]}: no such file or folder")
    report = check(paths, strict=args.strict)
    if args.format == "json":
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        for problem in report.problems:
            print(problem)
        print(report.summary())
    return EXIT_PROBLEMS if report.errors else EXIT_OK


def _print_problems(problems: Sequence[object]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _write_output(text: str, output: str | None, force: bool) -> None:
    """Print `text`, or write it to a new file (an existing one only with --force)."""
    if output is None:
        sys.stdout.write(text)
        return
    target = Path(output)
    if target.exists() and not force:
        raise _Fatal(f"{target} already exists; choose another name or add --force")
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise _Fatal(f"{target}: cannot write it ({error.strerror or error})") from None


def _progress(done: int, total: int) -> None:
    """Show how far a long import has got, on a terminal only."""
    if sys.stderr.isatty() and total >= 5000:
        end = "\n" if done >= total else ""
        print(f"\rreading line {done} of {total}", end=end, file=sys.stderr, flush=True)


def _import(args: argparse.Namespace) -> int:
    from quiz.bank.loader import parse_bank
    from quiz.interchange import InterchangeError, read, to_yaml

    source = Path(args.file)
    if not source.is_file():
        raise UsageError(f"{args.file}: no such file")
    try:
        imported = read(source, args.kind, progress=_progress)
    except InterchangeError as error:
        _print_problems(error.notices)
        print(f"quiz: error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    _print_problems(imported.notices)
    text = to_yaml(imported.bank)
    # What is written must load: prove it before anyone relies on it.
    check = parse_bank(text.encode("utf-8"), Path(args.output or "imported.yaml"))
    if check.errors:
        _print_problems(check.errors)
        print("quiz: error: the converted bank does not load; please report this", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        _write_output(text, args.output, args.force)
    except _Fatal as error:
        print(f"quiz: error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    where = f" to {args.output}" if args.output else ""
    notes = len(imported.notices)
    also = f"; {notes} notice{'s' if notes != 1 else ''} above" if notes else ""
    print(f"imported {len(imported.bank.questions)} questions{where}{also}", file=sys.stderr)
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from quiz.bank.loader import load_bank
    from quiz.interchange import export

    path = Path(args.path)
    if not path.is_file():
        raise UsageError(f"{args.path}: no such bank file")
    result = load_bank(path)
    if result.bank is None:
        _print_problems(result.errors)
        print(f"quiz: error: {args.path} has errors; fix them and try again", file=sys.stderr)
        return EXIT_PROBLEMS
    text, notices = export(result.bank, args.to)
    _print_problems(notices)
    try:
        _write_output(text, args.output, args.force)
    except _Fatal as error:
        print(f"quiz: error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _results(args: argparse.Namespace) -> int:
    from quiz.progress.export import ExportError, parse_since, run_export

    try:
        since = None if args.since is None else parse_since(args.since)
    except ValueError as error:
        raise UsageError(str(error)) from None
    output = Path(args.output) if args.output else None
    try:
        count = run_export(
            locations.database_path(args.db),
            fmt=args.format,
            since=since,
            output=output,
            force=args.force,
        )
    except ExportError as error:
        print(f"quiz: error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    if output is not None:
        print(f"wrote {count} answers to {output}", file=sys.stderr)
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from quiz.progress.report import ReportError, report_command

    try:
        report_command(
            args.paths,
            html_out=args.html,
            min_answers=args.min_answers,
            stdout=sys.stdout,
            stderr=sys.stderr,
        )
    except ReportError as error:
        print(f"quiz: error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _stats(args: argparse.Namespace) -> int:
    from quiz.bank.cache import BankCache
    from quiz.progress.stats import compute, print_stats
    from quiz.store import StoreError, bank_key

    path = None if args.stats_bank is None else Path(args.stats_bank).expanduser()
    if path is not None and path.is_dir():
        raise UsageError(f"--bank {args.stats_bank}: is a folder; give one bank file")
    try:
        store = _open_store(args)
    except _Fatal as error:
        print(f"quiz: error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    cache = BankCache.open(locations.cache_path())

    def load(key: str):
        # Tags come from the bank files; a file moved or broken has none.
        file = Path(key)
        return cache.load(file).bank if file.is_file() else None

    try:
        with store:
            stats = compute(
                store,
                profile=store.profile,
                bank=None if path is None else bank_key(path),
                banks=load,
            )
    except StoreError as error:
        print(f"quiz: error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        cache.close()
    if path is not None and not path.is_file() and not stats.sessions:
        raise UsageError(f"--bank {args.stats_bank}: no such bank file, and no answers to it")
    if args.json:
        print(json.dumps(stats.as_json(), ensure_ascii=False, indent=2))
    else:
        print_stats(stats, sys.stdout)
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from quiz.bank.schema import schema

    print(json.dumps(schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from quiz.bank.schema import write_beside
    from quiz.bank.template import write_template

    path = Path(args.path)
    if path.suffix not in (".yaml", ".yml"):
        raise UsageError(f"{path}: name the file .yaml so quiz finds it")
    try:
        write_template(path, args.title, args.language)
    except ValueError as error:
        raise UsageError(f"--language {args.language}: {error}") from None
    except FileExistsError:
        print(
            f"quiz: error: {path} already exists; choose another name (quiz new never overwrites)",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    except OSError as error:
        print(f"quiz: error: {path}: {error.strerror or error}", file=sys.stderr)
        return EXIT_PROBLEMS
    schema_file = write_beside(path)
    also = f" (and {schema_file}, which YAML editors read to help you)" if schema_file else ""
    print(f"wrote {path}{also}; edit it, then run 'quiz check {path}'")
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from quiz.bank.cache import display_name, printable_name

    entries = _catalog(args).entries()
    if args.json:
        rows = [
            {
                "path": display_name(e.file.path),
                "subject": printable_name(e.file.subject),
                "title": e.summary.title,
                "language": e.summary.language,
                "questions": e.summary.count,
                "error": str(e.first_error) if e.first_error else None,
            }
            for e in entries
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for e in entries:
        state = f"{e.summary.count} questions" if e.summary.playable else str(e.first_error)
        print(f"{display_name(e.file.path)}\t{e.summary.title}\t{e.summary.language}\t{state}")
    print(f"{len(entries)} banks")
    return EXIT_OK


def _open_store(args: argparse.Namespace):
    from quiz.store import Store, StoreError

    path = locations.database_path(args.db)
    profile = getattr(args, "profile", None) or os.environ.get("QUIZ_PROFILE", "").strip()
    try:
        return Store.open(path, profile=profile or "default")
    except StoreError as error:
        raise _Fatal(str(error)) from None


class _Fatal(Exception):
    """A failure the user can fix, reported in one line with exit 1."""


def _interface(args: argparse.Namespace) -> tuple[str, str]:
    """The interface language and digit style, from the options, the environment and the locale."""
    from quiz.text.i18n import choose_digits, choose_language

    try:
        lang = choose_language(getattr(args, "lang", None), os.environ)
        return lang, choose_digits(getattr(args, "digits", None), os.environ, lang)
    except ValueError as error:
        raise UsageError(str(error)) from None


def _scores(args: argparse.Namespace) -> int:
    from quiz.text.i18n import format_datetime, set_digits, set_language, t

    try:
        store = _open_store(args)
    except _Fatal as error:
        print(f"quiz: error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    with store:
        sessions = store.sessions()
    if args.json:
        print(json.dumps([s.as_json() for s in sessions], ensure_ascii=False, indent=2))
        return EXIT_OK
    lang, digits = _interface(args)
    set_language(lang)
    set_digits(digits)
    if not sessions:
        print(t("scores.none"))
        return EXIT_OK
    for s in sessions:
        when = format_datetime(s.started.astimezone())
        percent = (
            t("percent", value=100 * s.correct / s.answered) if s.answered else t("percent.none")
        )
        state = "" if s.finished else "  " + t("scores.unfinished")
        line = t(
            "scores.line",
            when=when,
            title=s.title,
            correct=s.correct,
            answered=s.answered,
            percent=percent,
            planned=s.planned,
        )
        print(line + state)
    return EXIT_OK


def _need_terminal() -> None:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("quiz needs a terminal to play in; run it in a terminal window")


def _play(args: argparse.Namespace) -> int:
    if args.time_limit is not None and args.mode != "exam":
        raise UsageError("--time-limit goes with --mode exam")
    if args.path is None:
        if args.mode not in ("review", "study"):
            raise UsageError(f"--mode {args.mode} needs a bank file: quiz play PATH")
        return _start_app(args, _catalog(args), play=None, play_all=True)
    path = Path(args.path)
    if not path.is_file():
        raise UsageError(f"{args.path}: no such bank file")
    catalog = _catalog(args)
    result = catalog.load(path)
    if result.bank is None:
        for problem in result.errors:
            print(problem, file=sys.stderr)
        print(f"quiz: {args.path} has errors; fix them and try again", file=sys.stderr)
        return EXIT_PROBLEMS
    return _start_app(args, catalog, play=result.bank)


def _home(args: argparse.Namespace) -> int:
    return _start_app(args, _catalog(args), play=None)


def _start_app(args: argparse.Namespace, catalog, play, play_all: bool = False) -> int:
    _need_terminal()
    lang, digits = _interface(args)
    from quiz.text.rtl import choose_mode

    try:
        rtl_mode = choose_mode(getattr(args, "rtl", None), os.environ)
    except ValueError as error:
        raise UsageError(str(error)) from None
    try:
        store = _open_store(args)
    except _Fatal as error:
        print(f"quiz: error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    from quiz.ui.app import make_app
    from quiz.ui.terminal_mode import ExplicitBidi

    with store:
        app = make_app(
            store=store,
            catalog=catalog,
            play=play,
            count=getattr(args, "count", None),
            seed=getattr(args, "seed", None),
            lang=lang,
            digits=digits,
            rtl_mode=rtl_mode,
            mode=getattr(args, "mode", "practice"),
            time_limit=getattr(args, "time_limit", None),
            new_per_day=getattr(args, "new_per_day", 20),
            rate_by_time=getattr(args, "rate_by_time", False),
            play_all=play_all,
        )
        # In reorder mode the app lays out right-to-left text itself: the terminal must not
        # reorder it again, on every way out included.
        with ExplicitBidi(enabled=rtl_mode == "reorder") as bidi:
            app.bidi = bidi
            app.run()
    return app.return_code or EXIT_OK
