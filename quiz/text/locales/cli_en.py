"""The English catalogue of the command line: `--help`, its messages and its printed tables."""

from __future__ import annotations

from collections.abc import Mapping

MESSAGES: dict[str, str | Mapping[str, str]] = {
    # --help
    "cli.global.db": "score database: a file, or postgresql://user@host:port/dbname (env QUIZ_DB)",
    "cli.global.bank": "a folder of bank files; repeat for more (env QUIZ_BANK, a path list)",
    "cli.global.lang": "the interface language (env QUIZ_LANG; default: from the locale, else en)",
    "cli.global.digits": (
        "how numbers are written (env QUIZ_DIGITS; default: arabic for --lang ar, else latin)"
    ),
    "cli.global.profile": (
        "whose scores these are, when several students share a computer (env "
        "QUIZ_PROFILE; default: default)"
    ),
    "cli.global.rtl": (
        "how right-to-left text is drawn: reorder it here, or leave it to a terminal that"
        " does (env QUIZ_RTL; default: auto, from the terminal)"
    ),
    "cli.quiz.description": "Practise multiple-choice questions in the terminal.",
    "cli.quiz.epilog": "Run 'quiz' alone to open the home screen.",
    "cli.check.help": "check bank files for mistakes",
    "cli.check.description": (
        "Check bank files and folders; print each problem as path:line:column."
    ),
    "cli.check.paths": "files or folders (default: the bank folders)",
    "cli.check.results": (
        "students' exports (quiz results export): also warn at the questions "
        "their answers show to be wrong, e.g. a key that may be wrong"
    ),
    "cli.check.strict": "treat warnings as errors",
    "cli.check.format": "how to print the results",
    "cli.import.help": "convert GIFT, Aiken, CSV or Moodle XML questions to a bank file",
    "cli.import.description": (
        "Convert a Moodle GIFT, Aiken or Moodle XML file, or a spreadsheet saved as CSV, "
        "to a bank file. The format is told by the file's extension or content. With -o "
        "FOLDER/ each category of the file becomes a bank, in sub-folders (subjects)."
    ),
    "cli.import.file": "the file to convert",
    "cli.import.output": (
        "the bank file to write, or a folder (ending in /) for a bank per category "
        "(default: print it)"
    ),
    "cli.import.from": "the format of FILE",
    "cli.import.title": "the bank's title (default: from FILE)",
    "cli.import.language": "the bank's language, such as en, ar or de (default: guessed)",
    "cli.import.encoding": (
        "FILE's encoding, such as cp1256 for a Windows Arabic sheet (default: UTF-8)"
    ),
    "cli.import.force": "overwrite OUT if it exists",
    "cli.export.help": "write a bank for Moodle, Canvas, Blackboard, Kahoot or Anki",
    "cli.export.description": (
        "Write a bank file in another system's format: gift, aiken and moodle-xml for "
        "Moodle, qti (QTI 1.2, Canvas) and qti21 (QTI 2.1, Blackboard Ultra and others), "
        "kahoot (its .xlsx template) and anki (Anki's text import)."
    ),
    "cli.export.path": "a bank file",
    "cli.export.to": "the format",
    "cli.export.output": "where (default: print it; zip and xlsx need it)",
    "cli.export.time_limit": (
        "kahoot: the seconds for each question, 5, 10, 20, 30, 60, 90, 120 or 240 "
        "(default: {default})"
    ),
    "cli.export.force": "overwrite FILE if it exists",
    "cli.results.help": "export the answers in the score database",
    "cli.results.description": "Export the answers saved in the score database, for a teacher.",
    "cli.results_export.help": "write every answer as CSV or JSON, one row per answer",
    "cli.results_export.description": (
        "Write every answer saved, one row each (profile, bank, question, choices shown, "
        "picked, right or wrong, seconds, when; then the database's id, the session's "
        "and the answer's numbers in it, the mode and the attempt: 1 the first time the "
        "profile answered the question), as CSV for a spreadsheet (UTF-8 with BOM) or "
        "JSON. Every profile's answers unless --profile NAME (or QUIZ_PROFILE) names one. "
        "A teacher reads the files with 'quiz report'."
    ),
    "cli.results_export.all_profiles": (
        "every profile's answers (the default), even when QUIZ_PROFILE names one"
    ),
    "cli.results_export.both": "--profile and --all-profiles: choose one",
    "cli.results_export.format": "default: from FILE's extension, else csv",
    "cli.results_export.since": "only answers from this date on (YYYY-MM-DD, local time)",
    "cli.results_export.output": "where (default: print it)",
    "cli.results_export.force": "overwrite FILE if it exists",
    "cli.db.help": "check the score database, or copy it into another",
    "cli.db.description": (
        "Check the score database (a file, or a postgresql:// URL), or copy every "
        "profile's scores from one into another."
    ),
    "cli.db_check.help": "the schema version, the rows kept, and whether they are whole",
    "cli.db_check.description": (
        "Report the schema version of the score database named by --db (or QUIZ_DB), how "
        "many sessions, answers, cards and reviews it keeps, and whether its rows and "
        "totals are whole. It changes nothing. Exit 1 when something is wrong."
    ),
    "cli.db_migrate.help": "copy every profile's scores from one database into another",
    "cli.db_migrate.description": (
        "Copy every profile's sessions, answers, study cards and reviews from a score "
        "database (usually an SQLite file) into another (usually postgresql://...). "
        "Running it again adds only what is new."
    ),
    "cli.migrate.from": "the database to copy",
    "cli.migrate.to": "where to copy it: postgresql://user@host:port/dbname, or a file",
    "cli.report.bank": "only this bank (its title or file name); repeat for more",
    "cli.report.mode": (
        "only answers of these modes, comma separated (default: exam,practice, the "
        "answers of a test; 'all' for every mode)"
    ),
    "cli.report.since": "only answers given on or after this date (YYYY-MM-DD)",
    "cli.report.until": "only answers given on or before this date (YYYY-MM-DD)",
    "cli.report.attempts": (
        "which answers of a student to a question count: first (default, the fair item "
        "statistic), last or all"
    ),
    "cli.report.format": "text tables (default) or json (every figure, see docs/report.md)",
    "cli.report.gradebook": "also write a gradebook CSV: a row per student, a column per question",
    "cli.report.help": "item analysis of students' exported results",
    "cli.report.description": (
        "Read students' exports ('quiz results export' files, or folders of them) and "
        "print per question how many answered, percent right and the most picked wrong "
        "choice, then the students most behind."
    ),
    "cli.report.paths": "an export (.csv or .json) or a folder of them",
    "cli.report.html": "write the report as one HTML page instead of printing it",
    "cli.report.force": "overwrite OUT if it exists",
    "cli.report.min_answers": (
        "answers a student needs to be ranked among those most behind (default: {default})"
    ),
    "cli.stats.help": "show statistics: score over time, tags, weakest questions, streaks",
    "cli.stats.description": (
        "Show the statistics of a profile, for one bank or all: score over time, accuracy"
        " by tag, the weakest questions, days in a row practised, time spent."
    ),
    "cli.stats.bank": "one bank file (default: all banks)",
    "cli.stats.json": "print JSON",
    "cli.schema.help": "print the JSON Schema of bank files",
    "cli.schema.description": "Print the JSON Schema (draft 2020-12) of bank files, for editors.",
    "cli.new.help": "write a commented bank file to start from",
    "cli.new.description": "Write a commented template bank that passes 'quiz check'.",
    "cli.new.path": "the new file (.yaml)",
    "cli.new.title": "the bank's title (default: from the file name)",
    "cli.new.language": "a BCP 47 tag (default: en)",
    "cli.play.help": "start a quiz on one bank file",
    "cli.play.description": "Start a quiz on one bank file.",
    "cli.play.path": "a bank file (review and study without one: every bank)",
    "cli.play.count": "how many questions",
    "cli.play.seed": "make the order reproducible",
    "cli.play.mode": (
        "practice (feedback after each answer, the default), exam (feedback at the end), "
        "review (the questions you got wrong last time) or study (spaced repetition)"
    ),
    "cli.play.time_limit": "the exam's time limit, such as 10m, 90s or 1h30m",
    "cli.play.new_per_day": "study: new cards a day at most (default: {default})",
    "cli.play.rate_by_time": (
        "study: rate a fast right answer Easy and a slow one Hard (default: all Good)"
    ),
    "cli.scores.help": "list past quizzes, newest first",
    "cli.scores.description": (
        "List past quizzes, newest first. A score is right / planned: a question not "
        "answered (an exam out of time, a quiz left early) is not right, and the answered "
        "count is shown beside it; a quiz not finished is marked so. Kinds: practice (a run "
        "of the bank), exam, retry of missed, review, study (no score: its answers are "
        "counted). A bank's best and last on the home screen come from finished practice "
        "and exam runs only. --json gives mode, kind and score (0 to 1, null for study)."
    ),
    "cli.scores.json": "print JSON",
    "cli.list.help": "list the banks in the bank folders",
    "cli.list.description": "List the banks in the bank folders with their question counts.",
    "cli.list.json": "print JSON",
    # argparse's own words (quiz.cli.parser.ARGPARSE)
    "cli.argparse.usage": "usage: ",
    "cli.argparse.positionals": "positional arguments",
    "cli.argparse.options": "options",
    "cli.argparse.help": "show this help message and exit",
    "cli.argparse.version": "show program's version number and exit",
    "cli.argparse.unrecognized": "unrecognized arguments: %s",
    "cli.argparse.required": "the following arguments are required: %s",
    "cli.argparse.invalid_choice": "invalid choice: %(value)r (choose from %(choices)s)",
    "cli.argparse.expected_one": "expected one argument",
    "cli.argparse.expected_at_least_one": "expected at least one argument",
    "cli.argparse.invalid_value": "invalid %(type)s value: %(value)r",
    "cli.argparse.argument": "argument %(argument_name)s: %(message)s",
    "cli.argparse.ambiguous": "ambiguous option: %(option)s could match %(matches)s",
    "cli.argparse.global_options": "global options",
    "cli.see_help": "{message} (see '{prog} --help')",
    "cli.not_whole": "'{text}' is not a whole number",
    "cli.below_zero": "{value} is less than 0",
    "cli.below_one": "{value} is not 1 or more",
    # Messages
    "cli.no_such_folder": "{option}: no such folder",
    "cli.no_such_path": "{path}: no such file or folder",
    "cli.bank_is_folder": (
        "{path} is a folder: play one of its banks (quiz play {path}/NAME.yaml), review or"
        " study them all (--mode review, --mode study), or choose one with quiz --bank {path}"
    ),
    "cli.no_such_bank_file": "{path}: no such bank file",
    "cli.has_errors": "{path} has errors; fix them and try again",
    "cli.os_error": "{name}{reason}; check the path and its permissions",
    "cli.time_limit_needs_exam": "--time-limit goes with --mode exam",
    "cli.mode_needs_bank": "--mode {mode} needs a bank file: quiz play PATH",
    "cli.read_only_file": "{path}: the file is read-only, so no answer could be saved; make it "
    "writable (chmod u+w) or pass --db FILE",
    "cli.read_only_folder": "{path}: its folder is read-only, so no answer could be saved; make "
    "it writable (chmod u+w) or pass --db FILE",
    "cli.needs_terminal": "quiz needs a terminal to play in; run it in a terminal window",
    "cli.stats_folder": "--bank {bank}: is a folder; give one bank file",
    "cli.stats_no_bank": "--bank {bank}: no such bank file, and no answers to it",
    "cli.wrote_answers": {
        "one": "wrote {count} answer to {path}",
        "other": "wrote {count} answers to {path}",
    },
    # quiz check
    "check.files": {"one": "{count} file", "other": "{count} files"},
    "check.questions": {"one": "{count} question", "other": "{count} questions"},
    "check.errors": {"one": "{count} error", "other": "{count} errors"},
    "check.warnings": {"one": "{count} warning", "other": "{count} warnings"},
    # quiz list
    "list.banks": {"one": "{count} bank", "other": "{count} banks"},
    # quiz stats
    "cli.stats.title": "Statistics of {profile}: {scope}",
    "cli.stats.all_banks": "all banks",
    "cli.stats.no_answers": "No answers yet.",
    "cli.stats.sessions": "Sessions",
    "cli.stats.answers": "Answers",
    "cli.stats.right": "Right",
    "cli.stats.right_value": "{correct} ({percent})",
    "cli.stats.days": "Days practised",
    "cli.stats.streak": "Current streak",
    "cli.stats.longest": "Longest streak",
    "cli.stats.time": "Time spent",
    "cli.stats.per_day": "Per day practised",
    "cli.stats.day_count": {"one": "{count} day", "other": "{count} days"},
    "cli.stats.scores_title": "Score over time ({shown} latest of {total})",
    "cli.stats.finished": "Finished",
    "cli.stats.bank_column": "Bank",
    "cli.stats.per_session": "Score per session",
    "cli.stats.days_title": "Days practised ({shown} latest of {total})",
    "cli.stats.date": "Date",
    "cli.stats.time_column": "Time",
    "cli.stats.per_day_trend": "Right per day",
    "cli.stats.tags_title": "Accuracy by tag",
    "cli.stats.tag": "Tag",
    "cli.stats.questions": "Questions",
    "cli.stats.weakest_title": "Weakest questions",
    "cli.stats.question": "Question",
    "cli.stats.recall": "Recall",
    "cli.stats.trend": "{label}: {bars}",
    "cli.serve.help": "serve the app to a class's browsers, each student signed in",
    "cli.serve.description": (
        "Serve the app to browsers: each student opens the address, types the class code and"
        " their name, and plays as the profile of that name; every answer goes to the one"
        " score database (--db). The teacher opens /teacher with the teacher key. Needs the"
        " serve extra: pip install 'quiz[serve]'."
    ),
    "cli.serve.host": "the address to listen on (default: 127.0.0.1)",
    "cli.serve.port": "the port (default: 8000)",
    "cli.serve.class_code": "the code students type (default: six random digits)",
    "cli.serve.teacher_key": "the teacher page's key (default: random; env QUIZ_TEACHER_KEY)",
    "cli.serve.max_sessions": "at most N students playing at once (default: no limit)",
    "cli.serve.public_url": (
        "the address students open, behind a reverse proxy (e.g. https://quiz.school.example)"
    ),
    "cli.serve.proxy": (
        "a reverse proxy on another machine, by its IP address: its X-Forwarded-For names each"
        " student's address (one on this machine is always believed; repeat for several)"
    ),
    "cli.serve.not_an_address": "{value} is not an IP address (e.g. 10.0.0.5)",
    "cli.serve.not_a_port": "{value} is not a port (1 to 65535)",
    "cli.serve.needs_extra": (
        "quiz serve needs textual-serve ({missing} is missing): pip install 'quiz[serve]'"
    ),
    "cli.serve.bad_class_code": "--class-code: give 1 to 64 characters",
    "cli.serve.short_teacher_key": "--teacher-key: give at least 8 characters",
    "cli.serve.bad_public_url": (
        "--public-url: give the address students open, e.g. https://quiz.school.example"
    ),
    "cli.serve.students": "quiz serve: students open {url} (the class code: {code})",
    "cli.serve.teacher": "quiz serve: the teacher opens {url} (the teacher key: {teacher_key})",
    "cli.serve.database": "quiz serve: answers are saved in {database}; Ctrl+C stops",
    "cli.stats.kind": "Kind",
    "cli.stats.answered": "Answered",
    "cli.stats.score": "Score ({scale})",
    "cli.stats.scale": "{low}–{high}",
    "cli.stats.of": "{count} of {total}",
    "cli.stats.score_value": "{correct}/{planned} ({percent})",
    "cli.stats.scores_caption": (
        "Score: right / planned, a question not answered is not right; a study session has none"
    ),
    "cli.stats.chance": "Chance",
    "cli.bad_setting": "{name}={value}: use one of {choices}",
    "cli.bad_rtl": "{name} '{value}': choose auto, reorder or terminal",
    "cli.serve.public_url_path": (
        "--public-url {url}: quiz serve is served at the root of a host name"
        " (https://quiz.school.example, not under a path); give the proxy a host name of its own"
    ),
}
