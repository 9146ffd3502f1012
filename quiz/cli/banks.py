"""Commands on bank files: check, list, schema and new."""

from __future__ import annotations

import argparse
from pathlib import Path

from quiz.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    bank_dirs,
    catalog,
    print_json,
)
from quiz.cli.parser import UsageError
from quiz.errors import QuizError
from quiz.text.i18n import t


def check(args: argparse.Namespace) -> int:
    """`quiz check`: every problem as path:line:column, then a summary."""
    from quiz.bank.check import check, missing

    paths = [Path(p) for p in args.paths] or bank_dirs(args)
    absent = missing(paths)
    if absent:
        raise UsageError(t("cli.no_such_path", path=str(absent[0])))
    report = check(paths, strict=args.strict)
    if getattr(args, "results", None):
        _add_results(report, paths, [Path(p) for p in args.results])
    if args.format == "json":
        print_json(report.as_json())
    else:
        for problem in report.problems:
            print(problem)
        print(report.summary())
    return EXIT_PROBLEMS if report.errors else EXIT_OK


def _add_results(report, paths: list[Path], exports: list[Path]) -> None:
    """Add what the students' results showed (quiz.progress.report_check) to each file's lines."""
    from quiz.progress.report_check import results_problems

    order = {p.path: i for i, p in reversed(list(enumerate(report.problems)))}
    added = results_problems(paths, exports)
    first = {p.path: i for i, p in enumerate(added)}
    report.problems = sorted(
        report.problems + added,
        key=lambda p: (order.get(p.path, len(order) + first.get(p.path, 0)), p.line, p.column),
    )


def listing(args: argparse.Namespace) -> int:
    """`quiz list`: the banks of the bank folders."""
    from quiz.bank.cache import display_name, printable_name

    entries = catalog(args).entries()
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
        print_json(rows)
        return EXIT_OK
    for e in entries:
        state = (
            t("check.questions", count=e.summary.count)
            if e.summary.playable
            else str(e.first_error)
        )
        print(f"{display_name(e.file.path)}\t{e.summary.title}\t{e.summary.language}\t{state}")
    print(t("list.banks", count=len(entries)))
    return EXIT_OK


def schema(args: argparse.Namespace) -> int:
    """`quiz schema`: the JSON Schema of bank files."""
    from quiz.bank.schema import schema

    print_json(schema())
    return EXIT_OK


def new(args: argparse.Namespace) -> int:
    """`quiz new`: a commented template bank, and the schema beside it."""
    from quiz.bank.schema import write_beside
    from quiz.bank.template import write_template

    path = Path(args.path)
    if path.suffix not in (".yaml", ".yml"):
        raise UsageError(t("new.not_yaml", path=str(path)))
    try:
        write_template(path, args.title, args.language)
    except ValueError as error:
        raise UsageError(f"--language {args.language}: {error}") from None
    except FileExistsError:
        raise QuizError(t("new.exists", path=str(path))) from None
    except OSError as error:
        raise QuizError(f"{path}: {error.strerror or error}") from None
    schema_file = write_beside(path)
    if schema_file:
        print(t("new.wrote_with_schema", path=str(path), schema=str(schema_file)))
    else:
        print(t("new.wrote", path=str(path)))
    return EXIT_OK
