"""The English catalogue of the command line's reports: `quiz db`, `quiz import` and `quiz
export`, `quiz report`'s text (cli_en holds `--help` and the other commands' words)."""

from __future__ import annotations

from collections.abc import Mapping

MESSAGES: dict[str, str | Mapping[str, str]] = {
    # quiz db check
    "db.no_database": "{name}: no score database here; check {option}",
    "db.empty": "{name}: an empty {kind} database, no quiz tables yet",
    "db.empty_hint": "quiz makes them the first time it opens it",
    "db.found": "{name}: a quiz score database ({kind})",
    "db.version_current": "schema version {version}, this quiz's",
    "db.version_older": (
        "schema version {version}, older than this quiz's ({current}): it is brought up to "
        "date the next time quiz opens it"
    ),
    "db.sessions": {"one": "{count} session", "other": "{count} sessions"},
    "db.answers": {"one": "{count} answer", "other": "{count} answers"},
    "db.cards": {"one": "{count} card", "other": "{count} cards"},
    "db.reviews": {"one": "{count} review", "other": "{count} reviews"},
    "db.problem": "problem: {problem}",
    "db.integrity_ok": "integrity: ok",
    "db.problems": {"one": "{count} problem", "other": "{count} problems"},
    # quiz db migrate
    "db.same_database": "{name}: --from and --to are the same database",
    "db.copied": "copied {source} into {target}",
    "db.kind.sessions": "sessions",
    "db.kind.answers": "answers",
    "db.kind.cards": "cards",
    "db.kind.reviews": "reviews",
    "db.copy": "{kind}: {source} in the source, {added} added, {present} already there",
    "db.copy_updated": (
        "{kind}: {source} in the source, {added} added, {present} already there, {updated} "
        "brought up to date"
    ),
}
