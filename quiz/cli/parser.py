"""The parser of `quiz` and its commands: options, their help and their checks."""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

from quiz import __version__
from quiz.errors import QuizError
from quiz.text.i18n import t, translatable

#: argparse's own messages (it asks gettext for them) and their catalogue keys.
ARGPARSE = {
    "usage: ": translatable("cli.argparse.usage"),
    "positional arguments": translatable("cli.argparse.positionals"),
    "options": translatable("cli.argparse.options"),
    "show this help message and exit": translatable("cli.argparse.help"),
    "show program's version number and exit": translatable("cli.argparse.version"),
    "unrecognized arguments: %s": translatable("cli.argparse.unrecognized"),
    "the following arguments are required: %s": translatable("cli.argparse.required"),
    "invalid choice: %(value)r (choose from %(choices)s)": translatable(
        "cli.argparse.invalid_choice"
    ),
    "expected one argument": translatable("cli.argparse.expected_one"),
    "expected at least one argument": translatable("cli.argparse.expected_at_least_one"),
    "invalid %(type)s value: %(value)r": translatable("cli.argparse.invalid_value"),
    "argument %(argument_name)s: %(message)s": translatable("cli.argparse.argument"),
    "ambiguous option: %(option)s could match %(matches)s": translatable("cli.argparse.ambiguous"),
}


def _argparse_text(message: str) -> str:
    key = ARGPARSE.get(message)
    # The catalogue's template as it is: argparse fills its %-placeholders itself.
    return t(key) if key else message


@contextmanager
def translated_argparse() -> Iterator[None]:
    """argparse's own words (usage, errors) in the interface language, for a block.

    argparse looks its messages up through the module's `_` (gettext) each time it writes one;
    it is pointed at the catalogue for the block and put back after. Build the parser inside the
    block too: the help of -h and the section titles are looked up when it is made.
    """
    namespace = vars(argparse)
    previous = namespace["_"]
    namespace["_"] = _argparse_text
    try:
        yield
    finally:
        namespace["_"] = previous


class UsageError(QuizError):
    """A mistake in how quiz was called: reported in one line, exit 2."""


class _Help(argparse.HelpFormatter):
    """argparse's help, never wrapped at a hyphen: a date (YYYY-MM-DD) or an option name
    (--min-answers) stays whole on its line."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return textwrap.fill(
            " ".join(text.split()),
            width,
            initial_indent=indent,
            subsequent_indent=indent,
            break_on_hyphens=False,
        )


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, not a usage block."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Help)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(t("cli.see_help", message=message, prog=self.prog))


def _global_options(defaults: bool, *, bank: bool = True) -> _Parser:
    """Options that work before or after the command name (`bank`: with --bank DIR)."""
    # Under a command the defaults are suppressed, so they do not hide a value given before it.
    default = None if defaults else argparse.SUPPRESS
    parent = _Parser(add_help=False)
    group = parent.add_argument_group(t("cli.argparse.global_options"))
    group.add_argument(
        "--db",
        metavar="FILE",
        default=default,
        help=t("cli.global.db"),
    )
    if bank:
        group.add_argument(
            "--bank",
            metavar="DIR",
            action="append",
            default=default,
            help=t("cli.global.bank"),
        )
    group.add_argument(
        "--lang",
        choices=("en", "ar"),
        default=default,
        help=t("cli.global.lang"),
    )
    group.add_argument(
        "--digits",
        choices=("latin", "arabic"),
        default=default,
        help=t("cli.global.digits"),
    )
    group.add_argument(
        "--profile",
        metavar="NAME",
        default=default,
        help=t("cli.global.profile"),
    )
    group.add_argument(
        "--rtl",
        choices=("auto", "reorder", "terminal"),
        default=default,
        help=t("cli.global.rtl"),
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    """The parser for `quiz` and its commands."""
    parser = _Parser(
        prog="quiz",
        description=t("cli.quiz.description"),
        parents=[_global_options(defaults=True)],
        epilog=t("cli.quiz.epilog"),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"quiz {__version__}",
        help=t("cli.argparse.version"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    common = [_global_options(defaults=False)]

    check = commands.add_parser(
        "check",
        parents=common,
        help=t("cli.check.help"),
        description=t("cli.check.description"),
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help=t("cli.check.paths"))
    check.add_argument("--strict", action="store_true", help=t("cli.check.strict"))
    check.add_argument("--results", nargs="+", metavar="EXPORT", help=t("cli.check.results"))
    check.add_argument(
        "--format", choices=("text", "json"), default="text", help=t("cli.check.format")
    )

    importing = commands.add_parser(
        "import",
        parents=common,
        help=t("cli.import.help"),
        description=t("cli.import.description"),
    )
    importing.add_argument("file", metavar="FILE", help=t("cli.import.file"))
    importing.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help=t("cli.import.output"),
    )
    importing.add_argument(
        "--from",
        dest="kind",
        choices=("gift", "aiken", "csv", "moodle-xml"),
        help=t("cli.import.from"),
    )
    importing.add_argument("--title", metavar="T", help=t("cli.import.title"))
    importing.add_argument(
        "--language",
        metavar="L",
        help=t("cli.import.language"),
    )
    importing.add_argument(
        "--encoding",
        metavar="ENC",
        help=t("cli.import.encoding"),
    )
    importing.add_argument("--force", action="store_true", help=t("cli.import.force"))

    exporting = commands.add_parser(
        "export",
        parents=common,
        help=t("cli.export.help"),
        description=t("cli.export.description"),
    )
    exporting.add_argument("path", metavar="PATH", help=t("cli.export.path"))
    exporting.add_argument(
        "--to",
        required=True,
        choices=("gift", "aiken", "moodle-xml", "qti", "qti21", "kahoot", "anki"),
        help=t("cli.export.to"),
    )
    exporting.add_argument("-o", "--output", metavar="FILE", help=t("cli.export.output"))
    exporting.add_argument(
        "--time-limit",
        type=_positive,
        default=20,
        metavar="SECONDS",
        help=t("cli.export.time_limit", default=20),
    )
    exporting.add_argument("--force", action="store_true", help=t("cli.export.force"))

    results = commands.add_parser(
        "results",
        parents=common,
        help=t("cli.results.help"),
        description=t("cli.results.description"),
    )
    results_commands = results.add_subparsers(
        dest="results_command", metavar="COMMAND", required=True, parser_class=_Parser
    )
    results_export = results_commands.add_parser(
        "export",
        parents=common,
        help=t("cli.results_export.help"),
        description=t("cli.results_export.description"),
    )
    results_export.add_argument(
        "--format", choices=("csv", "json"), help=t("cli.results_export.format")
    )
    results_export.add_argument(
        "--all-profiles", action="store_true", help=t("cli.results_export.all_profiles")
    )
    results_export.add_argument("--since", metavar="DATE", help=t("cli.results_export.since"))
    results_export.add_argument(
        "-o", "--output", metavar="FILE", help=t("cli.results_export.output")
    )
    results_export.add_argument("--force", action="store_true", help=t("cli.results_export.force"))

    database = commands.add_parser(
        "db",
        parents=common,
        help=t("cli.db.help"),
        description=t("cli.db.description"),
    )
    database_commands = database.add_subparsers(
        dest="db_command", metavar="COMMAND", required=True, parser_class=_Parser
    )
    database_commands.add_parser(
        "check",
        parents=common,
        help=t("cli.db_check.help"),
        description=t("cli.db_check.description"),
    )
    migrating = database_commands.add_parser(
        "migrate",
        parents=common,
        help=t("cli.db_migrate.help"),
        description=t("cli.db_migrate.description"),
    )
    migrating.add_argument(
        "--from", dest="source", metavar="FILE", required=True, help=t("cli.migrate.from")
    )
    migrating.add_argument(
        "--to",
        dest="target",
        metavar="URL",
        required=True,
        help=t("cli.migrate.to"),
    )

    report = commands.add_parser(
        "report",
        # Its --bank is a bank's title or file name, not a folder of banks.
        parents=[_global_options(defaults=False, bank=False)],
        help=t("cli.report.help"),
        description=t("cli.report.description"),
    )
    report.add_argument("paths", nargs="+", metavar="FILE", help=t("cli.report.paths"))
    report.add_argument("--html", metavar="OUT", help=t("cli.report.html"))
    report.add_argument("--force", action="store_true", help=t("cli.report.force"))
    report.add_argument(
        "--min-answers",
        type=_positive,
        default=10,
        metavar="N",
        help=t("cli.report.min_answers", default=10),
    )
    report.add_argument(
        "--bank",
        dest="report_banks",
        action="append",
        metavar="TITLE_OR_FILE",
        help=t("cli.report.bank"),
    )
    report.add_argument("--mode", metavar="MODES", help=t("cli.report.mode"))
    report.add_argument("--since", metavar="DATE", help=t("cli.report.since"))
    report.add_argument("--until", metavar="DATE", help=t("cli.report.until"))
    report.add_argument(
        "--attempts",
        choices=("first", "last", "all"),
        default="first",
        help=t("cli.report.attempts"),
    )
    report.add_argument(
        "--format",
        dest="report_format",
        choices=("text", "json"),
        default="text",
        help=t("cli.report.format"),
    )
    report.add_argument("--gradebook", metavar="FILE", help=t("cli.report.gradebook"))

    stats = commands.add_parser(
        "stats",
        # Its --bank is one bank file, not a folder of banks as for the other commands.
        parents=[_global_options(defaults=False, bank=False)],
        help=t("cli.stats.help"),
        description=t("cli.stats.description"),
    )
    stats.add_argument("--bank", dest="stats_bank", metavar="PATH", help=t("cli.stats.bank"))
    stats.add_argument("--json", action="store_true", help=t("cli.stats.json"))

    commands.add_parser(
        "schema",
        parents=common,
        help=t("cli.schema.help"),
        description=t("cli.schema.description"),
    )

    new = commands.add_parser(
        "new",
        parents=common,
        help=t("cli.new.help"),
        description=t("cli.new.description"),
    )
    new.add_argument("path", metavar="PATH", help=t("cli.new.path"))
    new.add_argument("--title", metavar="T", help=t("cli.new.title"))
    new.add_argument("--language", metavar="L", default="en", help=t("cli.new.language"))

    play = commands.add_parser(
        "play",
        parents=common,
        help=t("cli.play.help"),
        description=t("cli.play.description"),
    )
    play.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help=t("cli.play.path"),
    )
    play.add_argument("--count", type=_positive, metavar="N", help=t("cli.play.count"))
    play.add_argument("--seed", type=int, metavar="N", help=t("cli.play.seed"))
    play.add_argument(
        "--mode",
        choices=("practice", "exam", "review", "study"),
        default="practice",
        help=t("cli.play.mode"),
    )
    play.add_argument(
        "--time-limit",
        type=_duration,
        metavar="TIME",
        help=t("cli.play.time_limit"),
    )
    play.add_argument(
        "--new-per-day",
        type=_count,
        default=20,
        metavar="N",
        help=t("cli.play.new_per_day", default=20),
    )
    play.add_argument(
        "--rate-by-time",
        action="store_true",
        help=t("cli.play.rate_by_time"),
    )

    serving = commands.add_parser(
        "serve",
        parents=common,
        help=t("cli.serve.help"),
        description=t("cli.serve.description"),
    )
    serving.add_argument("--host", default="127.0.0.1", help=t("cli.serve.host"))
    serving.add_argument("--port", type=_port, default=8000, metavar="N", help=t("cli.serve.port"))
    serving.add_argument("--class-code", metavar="CODE", help=t("cli.serve.class_code"))
    serving.add_argument("--teacher-key", metavar="KEY", help=t("cli.serve.teacher_key"))
    serving.add_argument(
        "--max-sessions", type=_positive, metavar="N", help=t("cli.serve.max_sessions")
    )
    serving.add_argument("--public-url", metavar="URL", help=t("cli.serve.public_url"))
    serving.add_argument(
        "--proxy", type=_address, action="append", metavar="ADDRESS", help=t("cli.serve.proxy")
    )

    scores = commands.add_parser(
        "scores",
        parents=common,
        help=t("cli.scores.help"),
        description=t("cli.scores.description"),
    )
    scores.add_argument("--json", action="store_true", help=t("cli.scores.json"))

    listing = commands.add_parser(
        "list",
        parents=common,
        help=t("cli.list.help"),
        description=t("cli.list.description"),
    )
    listing.add_argument("--json", action="store_true", help=t("cli.list.json"))
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
        raise argparse.ArgumentTypeError(t("cli.not_whole", text=text)) from None
    if value < 0:
        raise argparse.ArgumentTypeError(t("cli.below_zero", value=value))
    return value


def _port(text: str) -> int:
    value = _count(text)
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(t("cli.serve.not_a_port", value=value))
    return value


def _address(text: str) -> str:
    """An IP address, as the server compares a peer's with it."""
    import ipaddress

    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.serve.not_an_address", value=text)) from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.not_whole", text=text)) from None
    if value < 1:
        raise argparse.ArgumentTypeError(t("cli.below_one", value=value))
    return value
