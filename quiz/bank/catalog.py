"""Find the bank files in the bank folders and describe them for listing and play."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from quiz.bank.cache import BankCache, Summary, display_name
from quiz.bank.model import LoadResult, Problem, Severity
from quiz.files import reason
from quiz.text.safe import printable_name
from quiz.text.wording import said

BANK_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class BankFile:
    """A bank file found in a bank folder; its subject is the sub-folder it sits in."""

    path: Path
    root: Path
    subject: str
    #: Why a folder could not be looked into (permissions), for a folder that is listed in the
    #: place of the banks it may hold; None for a file.
    unreadable: str | None = None

    def problem(self) -> Problem | None:
        """The one error of a folder that could not be looked into, None for a file."""
        if self.unreadable is None:
            return None
        return Problem(
            display_name(self.path),
            1,
            1,
            Severity.ERROR,
            said("problem.unreadable_folder", reason=self.unreadable),
        )


@dataclass(frozen=True, slots=True)
class Entry:
    """A bank as the home screen and `quiz list` show it."""

    file: BankFile
    summary: Summary

    @property
    def first_error(self) -> Problem | None:
        """The first error in the file, or None when it can be played."""
        return next((p for p in self.summary.problems if p.severity is Severity.ERROR), None)


def walk(root: Path) -> Iterator[BankFile]:
    """The bank files below a folder (or the file itself), sorted, skipping hidden ones.

    Whatever is named *.yaml is listed, a FIFO, a device or a broken link too: reading it is
    refused by type (quiz.files), so it is reported, never opened. Links to folders are not
    followed (a loop would never end). A folder that cannot be looked into is listed too, as
    itself with why (BankFile.unreadable): never left out in silence.
    """
    if not os.path.isdir(root):
        yield BankFile(root, root.parent, "")
        return
    refused: list[OSError] = []
    for folder, subfolders, files in os.walk(root, onerror=refused.append, followlinks=False):
        yield from _refused(refused, root)
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        here = Path(folder)
        subject = printable_name(here.relative_to(root).as_posix())
        for name in sorted(files):
            if name.endswith(BANK_SUFFIXES) and not name.startswith("."):
                yield BankFile(here / name, root, "" if subject == "." else subject)
    yield from _refused(refused, root)


def _refused(errors: list[OSError], root: Path) -> Iterator[BankFile]:
    """The folders os.walk could not list, since last asked, each as an unreadable entry."""
    while errors:
        error = errors.pop(0)
        folder = Path(os.fsdecode(error.filename)) if error.filename else root
        subject = printable_name(folder.relative_to(root).as_posix())
        yield BankFile(folder, root, "" if subject == "." else subject, reason(error))


def _refused_summary(folder: BankFile) -> Summary:
    problem = folder.problem()
    assert problem is not None
    return Summary(folder.path, "", "", 0, False, (problem,))


class Catalog:
    """The banks in a list of bank folders, read through the cache."""

    def __init__(self, roots: Sequence[Path], cache: BankCache) -> None:
        self.roots = list(roots)
        self.cache = cache

    def files(self) -> list[BankFile]:
        """Every bank file in the bank folders, each once."""
        seen: set[str] = set()
        found = []
        for root in self.roots:
            for bank_file in walk(root):
                key = os.path.realpath(bank_file.path)  # a link loop does not raise
                if key not in seen:
                    seen.add(key)
                    found.append(bank_file)
        return found

    def entries(self) -> list[Entry]:
        """Every bank with its summary, reading only files that changed; a folder that could not
        be looked into is an entry with its error."""
        files = self.files()
        readable = [f for f in files if f.unreadable is None]
        summaries = iter(self.cache.summaries([f.path for f in readable]))
        return [
            Entry(f, next(summaries) if f.unreadable is None else _refused_summary(f))
            for f in files
        ]

    def load(self, path: Path) -> LoadResult:
        """One whole bank."""
        return self.cache.load(path)
