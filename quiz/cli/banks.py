"""Commands on bank files: check, list, schema, new, import and export."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from quiz.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    bank_dirs,
    catalog,
    print_problems,
    write_output,
)
from quiz.cli.parser import UsageError
from quiz.errors import QuizError
from quiz.text.safe import json_text


def check(args: argparse.Namespace) -> int:
    """`quiz check`: every problem as path:line:column, then a summary."""
    from quiz.bank.check import check, missing

    paths = [Path(p) for p in args.paths] or bank_dirs(args)
    absent = missing(paths)
    if absent:
        raise UsageError(f"{absent[0]}: no such file or folder")
    report = check(paths, strict=args.strict)
    if args.format == "json":
        print(json_text(report.as_json(), indent=2))
    else:
        for problem in report.problems:
            print(problem)
        print(report.summary())
    return EXIT_PROBLEMS if report.errors else EXIT_OK


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
        print(json_text(rows, indent=2))
        return EXIT_OK
    for e in entries:
        state = f"{e.summary.count} questions" if e.summary.playable else str(e.first_error)
        print(f"{display_name(e.file.path)}\t{e.summary.title}\t{e.summary.language}\t{state}")
    print(f"{len(entries)} banks")
    return EXIT_OK


def schema(args: argparse.Namespace) -> int:
    """`quiz schema`: the JSON Schema of bank files."""
    from quiz.bank.schema import schema

    print(json_text(schema(), indent=2))
    return EXIT_OK


def new(args: argparse.Namespace) -> int:
    """`quiz new`: a commented template bank, and the schema beside it."""
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
        raise QuizError(
            f"{path} already exists; choose another name (quiz new never overwrites)"
        ) from None
    except OSError as error:
        raise QuizError(f"{path}: {error.strerror or error}") from None
    schema_file = write_beside(path)
    also = f" (and {schema_file}, which YAML editors read to help you)" if schema_file else ""
    print(f"wrote {path}{also}; edit it, then run 'quiz check {path}'")
    return EXIT_OK


def _progress(done: int, total: int) -> None:
    """Show how far a long import has got, on a terminal only."""
    if sys.stderr.isatty() and total >= 5000:
        from quiz.text.safe import unguarded

        end = "\n" if done >= total else ""
        # Past the guard: the carriage return that redraws the line is ours, the rest numbers.
        line = f"\rreading line {done} of {total}"
        print(line, end=end, file=unguarded(sys.stderr), flush=True)


def import_file(args: argparse.Namespace) -> int:
    """`quiz import`: GIFT, Aiken or CSV to a bank file, proven to load before it is written."""
    from quiz.bank.loader import parse_bank
    from quiz.interchange import read, to_yaml

    source = Path(args.file)
    # A FIFO or a device is refused by the reader, by its type, in one line.
    if not os.path.exists(source) or os.path.isdir(source):
        raise UsageError(f"{args.file}: no such file")
    imported = read(source, args.kind, progress=_progress)
    print_problems(imported.notices)
    text = to_yaml(imported.bank)
    # What is written must load: prove it before anyone relies on it.
    loaded = parse_bank(text.encode("utf-8"), Path(args.output or "imported.yaml"))
    if loaded.errors:
        raise QuizError(
            "the converted bank does not load; please report this", notices=loaded.errors
        )
    write_output(text, args.output, args.force)
    where = f" to {args.output}" if args.output else ""
    notes = len(imported.notices)
    also = f"; {notes} notice{'s' if notes != 1 else ''} above" if notes else ""
    print(f"imported {len(imported.bank.questions)} questions{where}{also}", file=sys.stderr)
    return EXIT_OK


def export_bank(args: argparse.Namespace) -> int:
    """`quiz export`: a bank file as GIFT or Aiken."""
    from quiz.bank.loader import load_bank
    from quiz.interchange import export

    path = Path(args.path)
    if not os.path.exists(path) or os.path.isdir(path):
        raise UsageError(f"{args.path}: no such bank file")
    result = load_bank(path)
    if result.bank is None:
        raise QuizError(f"{args.path} has errors; fix them and try again", notices=result.errors)
    text, notices = export(result.bank, args.to)
    print_problems(notices)
    write_output(text, args.output, args.force)
    return EXIT_OK
