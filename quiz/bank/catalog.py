"""Find the bank files in the bank folders and describe them for listing and play."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from quiz.bank.cache import BankCache, Summary
from quiz.bank.model import LoadResult, Problem, Severity
from quiz.text.safe import printable_name

BANK_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class BankFile:
    """A bank file found in a bank folder; its subject is the sub-folder it sits in."""

    path: Path
    root: Path
    subject: str


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
    followed (a loop would never end).
    """
    if not os.path.isdir(root):
        yield BankFile(root, root.parent, "")
        return
    for folder, subfolders, files in os.walk(root, onerror=None, followlinks=False):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        here = Path(folder)
        subject = printable_name(here.relative_to(root).as_posix())
        for name in sorted(files):
            if name.endswith(BANK_SUFFIXES) and not name.startswith("."):
                yield BankFile(here / name, root, "" if subject == "." else subject)


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
        """Every bank with its summary, reading only files that changed."""
        files = self.files()
        summaries = self.cache.summaries([f.path for f in files])
        return [Entry(f, s) for f, s in zip(files, summaries, strict=True)]

    def load(self, path: Path) -> LoadResult:
        """One whole bank."""
        return self.cache.load(path)
