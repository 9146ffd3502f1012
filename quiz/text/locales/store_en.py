"""The English catalogue of why the score database cannot be used (quiz.store): a problem, then
what to do about it. What SQLite or the PostgreSQL server said is quoted as they say it."""

from __future__ import annotations

from collections.abc import Mapping

MESSAGES: dict[str, str | Mapping[str, str]] = {
    # What the store was doing (quiz.store.model.ACTIONS)
    "store.action.check": "check the database",
    "store.action.copy": "copy the scores",
    "store.action.delete_profile": "delete the profile",
    "store.action.read_answers": "read the answers",
    "store.action.read_id": "read the database's id",
    "store.action.read_profile": "read the profile",
    "store.action.read_profiles": "read the profiles",
    "store.action.read_reviews": "read the review log",
    "store.action.read_version": "read the schema version",
    "store.action.read_sessions": "read the sessions",
    "store.action.read_statistics": "read the statistics",
    "store.action.read_cards": "read the study cards",
    "store.action.rename_profile": "rename the profile",
    "store.action.save_answer": "save the answer",
    "store.action.save_end": "save the end of the session",
    "store.action.save_session": "save the new session",
    "store.action.save_study_answer": "save the study answer",
    "store.action.save_cards": "save the study cards",
    # What went wrong
    "store.cannot": "cannot {action} ({error})",
    "store.connection_lost": "cannot {action}: the connection to the server was lost ({error})",
    "store.connection_lost_and": (
        "cannot {action}: the connection to the server was lost and {problem}"
    ),
    "store.is_folder": "is a folder, not a quiz score database",
    "store.is_special": "is {kind}, not a quiz score database",
    "store.cannot_make_folder": "cannot create the folder {folder} ({reason})",
    "store.cannot_open": "cannot open the score database ({error})",
    "store.cannot_read": "cannot read the score database ({error})",
    "store.cannot_read_server": "cannot read the database ({error})",
    "store.damaged_file": "not a quiz score database ({error})",
    "store.cannot_use": "cannot use the score database ({error})",
    "store.other_program": "an SQLite database of another program, not a quiz score database",
    "store.other_program_server": "a database of another program, not a quiz score database",
    "store.not_our_schema": "not a quiz score database (its quiz_schema is not ours)",
    "store.newer": "score database version {version} is newer than this quiz knows (up to {known})",
    "store.lost_id": "the database has lost its id (the table database_id is empty)",
    "store.not_a_url": "not a PostgreSQL URL ({error})",
    "store.needs_psycopg": "PostgreSQL needs the psycopg package",
    "store.refused": "the server refused the user name or password",
    "store.no_database": "the server has no database {name}",
    "store.no_user": "the server has no user {name}",
    "store.unreachable": "cannot reach the PostgreSQL server",
    "store.cannot_connect": "cannot connect to the PostgreSQL server ({error})",
    "store.cannot_migrate": "cannot create or upgrade the score tables ({error})",
    # A row that does not hold what it should (a hand-edited or damaged file)
    "row.session": "session {number}",
    "row.card": "card {number}",
    "row.answer": "answer {number}",
    "row.answer_to": "an answer to {question} in session {session}",
    "row.answer_of": "an answer of session {session}",
    "damaged.what.start": "its start time",
    "damaged.what.end": "its end time",
    "damaged.what.time": "its time",
    "damaged.what.due": "its due time",
    "damaged.what.last_review": "its last review",
    "damaged.time": "{row}: {what} {value} cannot be read as a time",
    "damaged.not_json": "{row}: its choices or picks are not valid JSON",
    "damaged.not_texts": "{row}: its choices are not a list of texts",
    "damaged.not_shown": "{row}: its picks {picked} are not choices it showed",
    "damaged.left_out": "{damage}; it is left out",
    "damaged.not_finished": "{damage}; it is shown as not finished",
    "damaged.counts_not_finished": "{damage}; it counts as not finished",
    "damaged.left_out_of_statistics": "{damage}; it is left out of the statistics",
    "damaged.recall_left_out": "{damage}; its recall is left out",
    "damaged.left_out_of_export": "{damage}; it is left out of the export",
    "store.fix.card_row": "fix or delete that row of the cards table",
    # What to do
    "store.fix.db": "pass --db FILE",
    "store.fix.url": "check the --db URL",
    "store.fix.install": "install it with: pip install 'quiz[postgresql]'",
    "store.fix.locked": (
        "another program holds the database (a backup, a database browser?); try again"
    ),
    "store.fix.read_only": (
        "the file or its folder is read-only; make it writable or pass --db FILE"
    ),
    "store.fix.full": "the disk is full; free some space and try again",
    "store.fix.damaged": "the file is damaged; restore a backup or pass --db FILE",
    "store.fix.move_away": "move it away or pass --db FILE",
    "store.fix.writable": "check the file and its folder are writable or pass --db FILE",
    "store.fix.upgrade": "upgrade quiz or pass --db FILE",
    "store.fix.upgrade_server": (
        "upgrade quiz on this computer, or name another database in the --db URL"
    ),
    "store.fix.restore": "restore a backup or pass --db FILE",
    "store.fix.server_back": "try again when the server is back",
    "store.fix.server_running": "check the server is running and try again",
    "store.fix.empty_database": "name an empty database, or one quiz made, in the --db URL",
    "store.fix.password": "check them in the URL (or in PGPASSWORD, ~/.pgpass)",
    "store.fix.createdb": "create it (createdb {name}) or check the URL",
    "store.fix.user": "check the user name in the URL",
    "store.fix.reach": "check that it is running and that the host and port in the URL are right",
    "store.fix.may_create": "check that the user may create tables in the database",
    "store.check.totals.sessions": {
        "one": "the kept totals of sessions do not match their answers ({count} differs)",
        "other": "the kept totals of sessions do not match their answers ({count} differ)",
    },
    "store.check.totals.questions": {
        "one": "the kept totals of questions do not match their answers ({count} differs)",
        "other": "the kept totals of questions do not match their answers ({count} differ)",
    },
    "store.check.totals.cards": {
        "one": "the kept card counts of banks do not match their cards ({count} differs)",
        "other": "the kept card counts of banks do not match their cards ({count} differ)",
    },
    "store.check.times": {
        "one": "the kept time of sessions does not match their answers ({count} differs)",
        "other": "the kept time of sessions does not match their answers ({count} differ)",
    },
}
