"""`quiz import` and `quiz export`: banks in and out of other systems' formats."""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.bank.model import Problem, Severity
from quiz.cli.common import EXIT_OK, bank_dirs, print_problems, write_output
from quiz.cli.parser import UsageError
from quiz.errors import QuizError
from quiz.text.i18n import digits, separator, t
from quiz.text.safe import printable_name
from quiz.text.wording import said

if TYPE_CHECKING:
    from quiz.bank.model import Bank
    from quiz.interchange import Attachment, Imported

# The loader's rule for a language: a BCP 47 tag.
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
#: The time limits Kahoot's template takes, in seconds.
KAHOOT_TIMES = (5, 10, 20, 30, 60, 90, 120, 240)


def _progress(done: int, total: int) -> None:
    """Show how far a long import has got, on a terminal only."""
    if sys.stderr.isatty() and total >= 5000:
        from quiz.text.safe import unguarded

        end = "\n" if done >= total else ""
        # Past the guard: the carriage return that redraws the line is ours, the rest numbers.
        line = "\r" + t("interchange.progress", done=done, total=total)
        print(line, end=end, file=unguarded(sys.stderr), flush=True)


def _is_folder(output: str) -> bool:
    """Whether -o names a folder: one that exists, or a path ending in a slash."""
    return output.endswith(("/", os.sep)) or Path(output).is_dir()


def import_file(args: argparse.Namespace) -> int:
    """`quiz import`: a file to one bank, or to a bank per category in sub-folders, each proven
    to load before it is written."""
    from quiz.interchange import read

    source = Path(args.file)
    # A FIFO or a device is refused by the reader, by its type, in one line.
    if not os.path.exists(source) or os.path.isdir(source):
        raise UsageError(t("interchange.no_such_file", path=args.file))
    if args.language is not None and not _LANGUAGE.fullmatch(args.language):
        raise UsageError(t("interchange.bad_language", language=args.language))
    split = args.output is not None and _is_folder(args.output)
    if split and args.title is not None:
        raise UsageError(t("interchange.title_one_bank"))
    imported = read(source, args.kind, progress=_progress, encoding=args.encoding)
    notices: list[Problem] = list(imported.notices)
    banks: list[tuple[Path | None, Bank]]
    if split:
        folder = Path(args.output)
        banks = [(folder / path, bank) for path, bank in imported.by_category()]
    else:
        banks = [(Path(args.output) if args.output else None, _one_bank(imported, notices))]
    if args.title is not None:
        banks = [(path, replace(bank, title=" ".join(args.title.split()))) for path, bank in banks]
    if args.language is not None:
        banks = [(path, replace(bank, language=args.language)) for path, bank in banks]
    if args.output is None:
        notices += [_not_written(source, a) for a in imported.attachments]
    notices.sort(key=lambda p: (p.line, p.column))
    print_problems(notices)

    texts = [(path, bank, _checked_yaml(bank, path)) for path, bank in banks]
    if not args.force:
        # Every bank of a folder is checked first, so that none is written when one would clash.
        for path, _, _ in texts:
            if path is not None and os.path.lexists(path):
                name = printable_name(str(path))
                raise QuizError(t("interchange.exists", name=name))
    images = 0
    for path, bank, text in texts:
        if path is not None and path.parent != Path():
            _make_folder(path.parent)
        write_output(text, str(path) if path else None, force=True)
        if path is not None:
            images += _write_attachments(path.parent, imported.attachments_of(bank))

    questions = t("interchange.questions", count=sum(len(bank.questions) for _, bank, _ in texts))
    if split:
        written = t("interchange.banks", count=len(texts))
        where = t("interchange.into_folder", banks=written, folder=args.output)
    else:
        where = t("interchange.to_file", path=args.output) if args.output else ""
    also = t("interchange.notices_above", count=len(notices)) if notices else ""
    pictures = t("interchange.images_beside", count=images) if images else ""
    print(
        t("interchange.imported", questions=questions, where=where, images=pictures, notices=also),
        file=sys.stderr,
    )
    return EXIT_OK


def _one_bank(imported: Imported, notices: list[Problem]) -> Bank:
    """All the questions in one bank; when they come from several categories, each is tagged
    with its own (the part of the path they do not share) and a notice says how to split them."""
    from quiz.interchange.importer import category_name

    categories = imported.categories
    distinct = list(dict.fromkeys(categories))
    if len(distinct) < 2:
        return imported.bank
    shared = 0
    while all(len(c) > shared and c[shared] == distinct[0][shared] for c in distinct):
        shared += 1
    questions = []
    for question, category in zip(imported.bank.questions, categories, strict=True):
        # As the GIFT reader does, Moodle's "Default for <course>" is no tag.
        extra = tuple(
            part
            for part in category[shared:]
            if part not in question.tags and not part.startswith("Default for ")
        )
        questions.append(replace(question, tags=(*question.tags, *extra)) if extra else question)
    none = t("interchange.no_category")
    named = tuple("/".join(map(category_name, c)) or none for c in distinct[:3])
    if len(distinct) > 3:
        message = said(
            "interchange.categories_more",
            count=len(distinct),
            named=named,
            more=len(distinct) - 3,
        )
    else:
        message = said("interchange.categories", count=len(distinct), named=named)
    notices.append(Problem(str(imported.bank.path), 1, 1, Severity.WARNING, message))
    return replace(imported.bank, questions=tuple(questions))


def _not_written(source: Path, attachment: Attachment) -> Problem:
    return Problem(
        str(source),
        attachment.line,
        1,
        Severity.WARNING,
        said("interchange.image_not_written", name=attachment.name, path=attachment.path),
    )


def _checked_yaml(bank: Bank, path: Path | None) -> str:
    """The bank as YAML, proven to load before anyone relies on it."""
    from quiz.bank.loader import parse_bank
    from quiz.interchange import to_yaml

    text = to_yaml(bank)
    loaded = parse_bank(text.encode("utf-8"), path or Path("imported.yaml"))
    if loaded.errors:
        raise QuizError(t("interchange.does_not_load"), notices=loaded.errors)
    return text


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        name = printable_name(str(folder))
        reason = error.strerror or str(error)
        raise QuizError(t("interchange.cannot_make_folder", name=name, reason=reason)) from None


def _write_attachments(folder: Path, attachments: list[Attachment]) -> int:
    """Write a bank's images beside it; a name holds its content's digest, so one already there
    is the same image and is left as it is."""
    from quiz.files import FileExists, FileProblem, write_new

    for attachment in attachments:
        target = folder / attachment.path
        _make_folder(target.parent)
        try:
            write_new(target, attachment.data)
        except FileExists:
            continue
        except FileProblem as problem:
            raise QuizError(f"{printable_name(str(target))}: {problem}") from None
    return len(attachments)


def export_bank(args: argparse.Namespace) -> int:
    """`quiz export`: a bank file in another system's format."""
    from quiz.bank.loader import load_bank
    from quiz.interchange import BINARY_FORMATS, SUFFIXES, export

    path = Path(args.path)
    if not os.path.exists(path) or os.path.isdir(path):
        raise UsageError(t("cli.no_such_bank_file", path=args.path))
    if args.to in BINARY_FORMATS and args.output is None:
        example = f"{path.stem}{SUFFIXES[args.to]}"
        if SUFFIXES[args.to] == ".zip":
            raise UsageError(t("interchange.needs_output_zip", to=args.to, example=example))
        raise UsageError(t("interchange.needs_output_sheet", to=args.to, example=example))
    if args.to == "kahoot" and args.time_limit not in KAHOOT_TIMES:
        raise UsageError(
            t(
                "interchange.kahoot_times",
                value=str(args.time_limit),  # as it was typed
                times=separator().join(digits(n) for n in KAHOOT_TIMES[:-1]),
                last=KAHOOT_TIMES[-1],
            )
        )
    result = load_bank(path)
    if result.bank is None:
        raise QuizError(t("cli.has_errors", path=args.path), notices=result.errors)
    data, notices = export(
        result.bank, args.to, subject=_subject(args, path), time_limit=args.time_limit
    )
    print_problems(notices)
    if isinstance(data, bytes):
        _write_bytes(data, Path(args.output), args.force)
    else:
        write_output(data, args.output, args.force)
    if args.output is not None:
        print(t("interchange.wrote", path=args.output), file=sys.stderr)
    return EXIT_OK


def _subject(args: argparse.Namespace, path: Path) -> tuple[str, ...]:
    """The bank's subject folders, when it lies in one of the bank folders."""
    resolved = path.resolve()
    for root in bank_dirs(args):
        try:
            relative = resolved.relative_to(root.expanduser().resolve())
        except (ValueError, OSError):
            continue
        return relative.parent.parts
    return ()


def _write_bytes(data: bytes, target: Path, force: bool) -> None:
    """Write a zip or a spreadsheet whole or not at all, as write_output does text."""
    from quiz.files import FileExists, FileProblem, write_new

    try:
        write_new(target, data, force=force)
    except FileExists as problem:
        raise QuizError(f"{printable_name(str(target))} {problem}") from None
    except FileProblem as problem:
        raise QuizError(f"{printable_name(str(target))}: {problem}") from None
