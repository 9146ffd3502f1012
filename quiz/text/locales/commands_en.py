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
    # Files read and written (quiz.files): a phrase after the file's name
    "file.cannot_read": "cannot read the file ({reason})",
    "file.not_regular": "cannot read the file: it is {kind}, not a regular file",
    "file.too_large": "cannot read the file: it is too large ({size}; {what} is at most {limit})",
    "file.megabytes": {"one": "{count} MB", "other": "{count} MB"},
    "file.bytes": {"one": "{count} byte", "other": "{count} bytes"},
    "file.what.bank": "a bank",
    "file.what.export": "an export",
    "file.what.import": "a file to import",
    "file.what.schema": "a schema",
    "file.what.file": "a file",
    "file.kind.folder": "a folder",
    "file.kind.fifo": "a FIFO (named pipe)",
    "file.kind.character_device": "a character device",
    "file.kind.block_device": "a block device",
    "file.kind.socket": "a socket",
    "file.kind.other": "not a regular file",
    "file.is_folder": "is a folder; name a file to write",
    "file.exists": "already exists; choose another name or add --force",
    "file.cannot_write": "cannot write it ({reason})",
    "file.special": "is {kind}, not a regular file; name a file to write",
    "file.link_to_special": "is a link to {kind}, not a regular file; name a file to write",
    "file.system_link": (
        "is a link to {target}, a stream of the system, not a file; name a file to write"
    ),
    # quiz import and quiz export
    "interchange.progress": "reading line {done} of {total}",
    "interchange.no_such_file": "{path}: no such file",
    "interchange.bad_language": (
        "--language {language}: not a BCP 47 tag; use a code such as en, ar, de or fr"
    ),
    "interchange.title_one_bank": (
        "--title names one bank; with -o FOLDER/ each category's bank is titled after it"
    ),
    "interchange.exists": "{name} already exists; choose another name or add --force",
    "interchange.questions": {"one": "{count} question", "other": "{count} questions"},
    "interchange.banks": {"one": "{count} bank", "other": "{count} banks"},
    "interchange.into_folder": " into {banks} in {folder}",
    "interchange.to_file": " to {path}",
    "interchange.images_beside": {
        "one": ", and {count} image beside them",
        "other": ", and {count} images beside them",
    },
    "interchange.notices_above": {
        "one": "; {count} notice above",
        "other": "; {count} notices above",
    },
    "interchange.imported": "imported {questions}{where}{images}{notices}",
    "interchange.no_category": "(none)",
    "interchange.categories": {
        "one": (
            "the questions come from {count} category ({named}): they are in one bank, tagged "
            "with their category; -o FOLDER/ writes a bank per category instead"
        ),
        "other": (
            "the questions come from {count} categories ({named}): they are in one bank, tagged "
            "with their category; -o FOLDER/ writes a bank per category instead"
        ),
    },
    "interchange.categories_more": {
        "one": (
            "the questions come from {count} category ({named} and {more} more): they are in "
            "one bank, tagged with their category; -o FOLDER/ writes a bank per category instead"
        ),
        "other": (
            "the questions come from {count} categories ({named} and {more} more): they are in "
            "one bank, tagged with their category; -o FOLDER/ writes a bank per category instead"
        ),
    },
    "interchange.image_not_written": (
        "image '{name}' was not written, as the bank is printed; with -o OUT.yaml it is "
        "written beside the bank as {path}, which the text names"
    ),
    "interchange.does_not_load": "the converted bank does not load; please report this",
    "interchange.cannot_make_folder": "{name}: cannot make the folder ({reason})",
    "interchange.needs_output_zip": (
        "--to {to} writes a zip file; name it with -o, e.g. -o {example}"
    ),
    "interchange.needs_output_sheet": (
        "--to {to} writes a spreadsheet; name it with -o, e.g. -o {example}"
    ),
    "interchange.kahoot_times": "--time-limit {value}: Kahoot takes {times} or {last} seconds",
    "interchange.wrote": "wrote {path}",
    # quiz report (the text tables; quiz.render.report_text)
    "report.percent": "{value}%",
    "report.students": {"one": "{count} student", "other": "{count} students"},
    "report.answers": {"one": "{count} answer", "other": "{count} answers"},
    "report.files": {"one": "{count} file", "other": "{count} files"},
    "report.questions": {"one": "{count} question", "other": "{count} questions"},
    "report.summary": "{students}, {answers}, from {files}",
    "report.behind_note": "Lowest percent right first, of those with at least {least}.",
    "report.behind_note_unranked": (
        "Lowest percent right first, of those with at least {least}; {unranked} with fewer "
        "not ranked."
    ),
    "report.filter.first_attempt": "first attempt of each student",
    "report.filter.last_attempt": "last attempt of each student",
    "report.filter.all_attempts": "all attempts",
    "report.filter.all_modes": "modes all",
    "report.filter.modes": "modes {modes}",
    "report.filter.banks": "banks {banks}",
    "report.filter.since": "since {day}",
    "report.filter.until": "until {day}",
    "report.filter.joiner": "; ",
    "report.flag.too_easy": "too easy",
    "report.flag.too_hard": "too hard",
    "report.flag.negative": "negative: check the key",
    "report.flag.flat": "does not discriminate",
    "report.flag.dubious": "dubious",
    "report.flag.picked_by_nobody": "not working: picked by nobody",
    "report.flag.maybe_the_key": "possibly the right answer: check the key",
    "report.flag.rarely_picked": "not working: picked by under 5%",
    "report.flag.strong_pick_it": "not working: strong students pick it",
    "report.reading.too_few": "too few students to judge reliability (fewer than {least})",
    "report.reading.good": "reliability satisfactory (alpha above 0.75)",
    "report.reading.poor": (
        "reliability unsatisfactory (alpha below 0.64): the total mixes too much chance"
    ),
    "report.reading.fair": "reliability acceptable but could be better (alpha 0.64 to 0.75)",
    "report.test": (
        "{students}, {questions}; score out of {items}: mean {mean}, median {median}, SD {sd}"
    ),
    "report.shape_too_few": "Skewness, kurtosis: too few students (under {least})",
    "report.shape": "Skewness {skewness}, kurtosis {kurtosis}",
    "report.alpha_too_few": "Alpha (KR-20), SEM: too few students (under {least}) or items",
    "report.alpha": "Alpha (KR-20) {alpha}, 95% CI {low} to {high}, SEM {sem}",
    "report.id": "id {id}",
    "report.most_picked_wrong": "most picked wrong {text} ({count})",
    "report.discrimination_too_few": "discrimination: too few students",
    "report.detail_joiner": "; ",
    "report.key_choice": (
        "key {text}: picked by {picked} (upper {upper}, lower {lower}), r {r}: {flag}"
    ),
    "report.distractor": (
        "distractor {text}: picked by {picked} (upper {upper}, lower {lower}), r {r}: {flag}"
    ),
    "report.column.question": "Question",
    "report.column.answers": "Ans",
    "report.column.students": "Stu",
    "report.column.right": "Right",
    "report.column.discrimination": "Disc",
    "report.column.efficiency": "Eff",
    "report.column.sd": "SD",
    "report.column.student": "Student",
    "report.column.student_answers": "Answers",
    "report.title": "Quiz report: {summary}",
    "report.no_answers": "No answers in these exports.",
    "report.counted": "Counted: {filters}.",
    "report.duplicates": {
        "one": "{count} answer held by more than one file counted once.",
        "other": "{count} answers held by more than one file counted once.",
    },
    "report.behind_title": "Students most behind",
    "report.behind_none": "No student has that many answers yet; see --min-answers.",
    "report.wrote": "wrote {path}: {what}",
    # quiz new
    "new.not_yaml": "{path}: name the file .yaml so quiz finds it",
    "new.exists": "{path} already exists; choose another name (quiz new never overwrites)",
    "new.wrote": "wrote {path}; edit it, then run 'quiz check {path}'",
    "new.wrote_with_schema": (
        "wrote {path} (and {schema}, which YAML editors read to help you); edit it, then run "
        "'quiz check {path}'"
    ),
    # A time limit typed (quiz.play.timing)
    "time_limit.how": "write minutes (45) or a number with units h, m, s (90s, 10m, 1h30m)",
    "time_limit.none": "no duration given; {how}",
    "time_limit.twice": "{given}: '{unit}' is given twice; {how}",
    "time_limit.order": "{given}: put hours before minutes before seconds; {how}",
    "time_limit.not_a_duration": "{given} is not a duration; {how}",
    "time_limit.not_positive": "{given}: a time limit must be more than zero; {how}",
    "time_limit.too_long": "{given}: a time limit is at most {hours} hours; {how}",
    # A score database that cannot be used (quiz.store)
    "store.problem": "{where}: {problem}; {fix}",
    # quiz results export (quiz.progress.export)
    "export.since": "--since {text}: not a date; write it as YYYY-MM-DD, e.g. 2026-03-01",
    "export.format": "--format {option}: choose csv or json",
    "export.is_folder": "{name} is a folder; name a file to write, e.g. -o results.csv",
    "export.cannot_write": "{name}: {problem}; choose another place",
    "export.no_database": "no score database here",
    "export.play_first": "play a quiz first or pass --db FILE",
    # Profile names (quiz.text.safe)
    "profile_name.rule": (
        "a profile name is 1 to {most} characters, without control or text-direction characters"
    ),
    "profile_name.empty": "the profile name is empty; {rule}",
    "profile_name.holds": "the profile name holds {char}; {rule}",
    "profile_name.too_long": {
        "one": "the profile name has {count} character; {rule}",
        "other": "the profile name has {count} characters; {rule}",
    },
    # The bank cache (quiz.bank.cache)
    "cache.left_alone": (
        "the bank cache {path} {problem}; it was left alone and banks are read without a cache "
        "(set QUIZ_CACHE to another file, or to off)"
    ),
    "cache.cannot_read": "cannot be read ({reason})",
    "cache.not_regular": "is not a regular file",
    "cache.not_sqlite": "is not a quiz bank cache (not an SQLite file)",
    "cache.other_database": (
        "is an SQLite database of another program (or the score database), not the bank cache"
    ),
}
