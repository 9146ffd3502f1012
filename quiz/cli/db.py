"""Commands on the score database itself: `quiz db check` and `quiz db migrate`."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from quiz import locations
from quiz.cli.common import EXIT_OK, EXIT_PROBLEMS
from quiz.errors import QuizError
from quiz.text.i18n import separator, t
from quiz.text.safe import printable_name

_KIND = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def db(args: argparse.Namespace) -> int:
    """`quiz db check|migrate`."""
    return check(args) if args.db_command == "check" else migrate(args)


def _existing(target: Path | str, option: str) -> Path | str:
    """A database that must exist already: a file is never made by reading it."""
    from quiz.store import is_server_url

    if not is_server_url(target) and not os.path.isfile(target):
        raise QuizError(t("db.no_database", name=printable_name(os.fspath(target)), option=option))
    return target


def check(args: argparse.Namespace) -> int:
    """`quiz db check`: the schema version, the rows kept, and what is wrong, of either kind."""
    from quiz.store import Store
    from quiz.store.check import CURRENT

    target = _existing(locations.database_path(args.db), "--db")
    # Not migrated: a check reads, it never changes the database.
    with Store.open(target, migrate=False) as store:
        found = store.check()
    kind = _KIND[found.backend]
    name = printable_name(found.where)
    if found.version == 0 and not found.problems:
        print(t("db.empty", name=name, kind=kind))
        print("  " + t("db.empty_hint"))
        return EXIT_OK
    print(t("db.found", name=name, kind=kind))
    if found.current:
        print("  " + t("db.version_current", version=found.version))
    else:
        print("  " + t("db.version_older", version=found.version, current=CURRENT))
    if found.rows:
        print("  " + separator().join(_rows(table, n) for table, n in found.rows.items()))
    for problem in found.problems:
        print("  " + t("db.problem", problem=problem))
    if found.problems:
        print("  " + t("db.problems", count=len(found.problems)))
    else:
        print("  " + t("db.integrity_ok"))
    return EXIT_OK if not found.problems else EXIT_PROBLEMS


def _rows(table: str, count: int) -> str:
    """How many rows a table keeps, counted in words: `2 answers`."""
    if table == "sessions":
        return t("db.sessions", count=count)
    if table == "answers":
        return t("db.answers", count=count)
    if table == "cards":
        return t("db.cards", count=count)
    return t("db.reviews", count=count)


def _kind(kind: str) -> str:
    """What a copied kind of row is called: sessions, answers, cards or reviews."""
    if kind == "sessions":
        return t("db.kind.sessions")
    if kind == "answers":
        return t("db.kind.answers")
    if kind == "cards":
        return t("db.kind.cards")
    return t("db.kind.reviews")


def migrate(args: argparse.Namespace) -> int:
    """`quiz db migrate --from FILE --to URL`: copy every profile's scores, idempotently."""
    from quiz.store import Store
    from quiz.store.copy import KINDS, copy_scores

    source = _existing(locations.database_path(args.source), "--from")
    target = locations.database_path(args.target)
    with Store.open(source) as origin, Store.open(target) as destination:
        if origin.where == destination.where:
            raise QuizError(t("db.same_database", name=printable_name(origin.where)))
        report = copy_scores(origin, destination)
    source, target = printable_name(origin.where), printable_name(destination.where)
    print(t("db.copied", source=source, target=target))
    for kind in KINDS:
        name, updated = _kind(kind), report.updated[kind]
        found, added, present = report.source[kind], report.added[kind], report.present[kind]
        if updated:
            line = t(
                "db.copy_updated",
                kind=name,
                source=found,
                added=added,
                present=present,
                updated=updated,
            )
        else:
            line = t("db.copy", kind=name, source=found, added=added, present=present)
        print("  " + line)
    return EXIT_OK
