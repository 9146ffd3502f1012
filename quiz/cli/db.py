"""Commands on the score database itself: `quiz db check` and `quiz db migrate`."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from quiz import locations
from quiz.cli.common import EXIT_OK, EXIT_PROBLEMS
from quiz.errors import QuizError
from quiz.text.counts import count as counted
from quiz.text.safe import printable_name

_KIND = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def db(args: argparse.Namespace) -> int:
    """`quiz db check|migrate`."""
    return check(args) if args.db_command == "check" else migrate(args)


def _existing(target: Path | str, option: str) -> Path | str:
    """A database that must exist already: a file is never made by reading it."""
    from quiz.store import is_server_url

    if not is_server_url(target) and not os.path.isfile(target):
        raise QuizError(
            f"{printable_name(os.fspath(target))}: no score database here; check {option}"
        )
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
    if found.version == 0 and not found.problems:
        print(f"{printable_name(found.where)}: an empty {kind} database, no quiz tables yet")
        print("  quiz makes them the first time it opens it")
        return EXIT_OK
    print(f"{printable_name(found.where)}: a quiz score database ({kind})")
    if found.current:
        print(f"  schema version {found.version}, this quiz's")
    else:
        print(
            f"  schema version {found.version}, older than this quiz's ({CURRENT}): it is brought"
            " up to date the next time quiz opens it"
        )
    if found.rows:
        counts = ", ".join(
            counted(count, "review" if table == "review_log" else table.rstrip("s"))
            for table, count in found.rows.items()
        )
        print(f"  {counts}")
    for problem in found.problems:
        print(f"  problem: {problem}")
    print(
        "  integrity: ok" if not found.problems else f"  {counted(len(found.problems), 'problem')}"
    )
    return EXIT_OK if not found.problems else EXIT_PROBLEMS


def migrate(args: argparse.Namespace) -> int:
    """`quiz db migrate --from FILE --to URL`: copy every profile's scores, idempotently."""
    from quiz.store import Store
    from quiz.store.copy import KINDS, copy_scores

    source = _existing(locations.database_path(args.source), "--from")
    target = locations.database_path(args.target)
    with Store.open(source) as origin, Store.open(target) as destination:
        if origin.where == destination.where:
            raise QuizError(
                f"{printable_name(origin.where)}: --from and --to are the same database"
            )
        report = copy_scores(origin, destination)
    print(f"copied {printable_name(origin.where)} into {printable_name(destination.where)}")
    for kind in KINDS:
        updated = report.updated[kind]
        more = f", {updated} brought up to date" if updated else ""
        print(
            f"  {kind}: {report.source[kind]} in the source, {report.added[kind]} added, "
            f"{report.present[kind]} already there{more}"
        )
    return EXIT_OK
