"""The parser of `quiz` and its commands: options, their help and their checks."""

from __future__ import annotations

import argparse
from typing import NoReturn

from quiz import __version__
from quiz.errors import QuizError


class UsageError(QuizError):
    """A mistake in how quiz was called: reported in one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, not a usage block."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _global_options(defaults: bool, *, bank: bool = True) -> _Parser:
    """Options that work before or after the command name (`bank`: with --bank DIR)."""
    # Under a command the defaults are suppressed, so they do not hide a value given before it.
    default = None if defaults else argparse.SUPPRESS
    parent = _Parser(add_help=False)
    group = parent.add_argument_group("global options")
    group.add_argument(
        "--db",
        metavar="FILE",
        default=default,
        help="score database: a file, or postgresql://user@host:port/dbname (env QUIZ_DB)",
    )
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
        help="convert GIFT, Aiken, CSV or Moodle XML questions to a bank file",
        description="Convert a Moodle GIFT, Aiken or Moodle XML file, or a spreadsheet saved as "
        "CSV, to a bank file. The format is told by the file's extension or content. With -o "
        "FOLDER/ each category of the file becomes a bank, in sub-folders (subjects).",
    )
    importing.add_argument("file", metavar="FILE", help="the file to convert")
    importing.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="the bank file to write, or a folder (ending in /) for a bank per category "
        "(default: print it)",
    )
    importing.add_argument(
        "--from",
        dest="kind",
        choices=("gift", "aiken", "csv", "moodle-xml"),
        help="the format of FILE",
    )
    importing.add_argument("--title", metavar="T", help="the bank's title (default: from FILE)")
    importing.add_argument(
        "--language",
        metavar="L",
        help="the bank's language, such as en, ar or de (default: guessed)",
    )
    importing.add_argument(
        "--encoding",
        metavar="ENC",
        help="FILE's encoding, such as cp1256 for a Windows Arabic sheet (default: UTF-8)",
    )
    importing.add_argument("--force", action="store_true", help="overwrite OUT if it exists")

    exporting = commands.add_parser(
        "export",
        parents=common,
        help="write a bank for Moodle, Canvas, Blackboard, Kahoot or Anki",
        description="Write a bank file in another system's format: gift, aiken and moodle-xml "
        "for Moodle, qti (QTI 1.2, Canvas) and qti21 (QTI 2.1, Blackboard Ultra and others), "
        "kahoot (its .xlsx template) and anki (Anki's text import).",
    )
    exporting.add_argument("path", metavar="PATH", help="a bank file")
    exporting.add_argument(
        "--to",
        required=True,
        choices=("gift", "aiken", "moodle-xml", "qti", "qti21", "kahoot", "anki"),
        help="the format",
    )
    exporting.add_argument(
        "-o", "--output", metavar="FILE", help="where (default: print it; zip and xlsx need it)"
    )
    exporting.add_argument(
        "--time-limit",
        type=_positive,
        default=20,
        metavar="SECONDS",
        help="kahoot: the seconds for each question, 5, 10, 20, 30, 60, 90, 120 or 240 "
        "(default: 20)",
    )
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

    database = commands.add_parser(
        "db",
        parents=common,
        help="check the score database, or copy it into another",
        description="Check the score database (a file, or a postgresql:// URL), or copy every "
        "profile's scores from one into another.",
    )
    database_commands = database.add_subparsers(
        dest="db_command", metavar="COMMAND", required=True, parser_class=_Parser
    )
    database_commands.add_parser(
        "check",
        parents=common,
        help="the schema version, the rows kept, and whether they are whole",
        description="Report the schema version of the score database named by --db (or "
        "QUIZ_DB), how many sessions, answers, cards and reviews it keeps, and whether its "
        "rows and totals are whole. It changes nothing. Exit 1 when something is wrong.",
    )
    migrating = database_commands.add_parser(
        "migrate",
        parents=common,
        help="copy every profile's scores from one database into another",
        description="Copy every profile's sessions, answers, study cards and reviews from a "
        "score database (usually an SQLite file) into another (usually postgresql://...). "
        "Running it again adds only what is new.",
    )
    migrating.add_argument(
        "--from", dest="source", metavar="FILE", required=True, help="the database to copy"
    )
    migrating.add_argument(
        "--to",
        dest="target",
        metavar="URL",
        required=True,
        help="where to copy it: postgresql://user@host:port/dbname, or a file",
    )

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
    report.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
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
