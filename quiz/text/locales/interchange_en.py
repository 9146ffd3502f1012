"""The English catalogue of what `quiz import` and `quiz export` say about the files they convert:
why a file cannot be imported, each question skipped or changed, what an export cannot keep.

Syntax quoted in them ('ANSWER:', '{', 'shuffle: false'), options and format names are written as
they are typed.
"""

from __future__ import annotations

from collections.abc import Mapping

MESSAGES: dict[str, str | Mapping[str, str]] = {
    # A file that cannot be imported at all (quiz.interchange.importer)
    "import.some_markdown": (
        "questions written in Markdown: {count} of {total}; the bank is plain text, so their "
        "marks show as written; add 'format: markdown' to it and check the others"
    ),
    "import.cannot_read": "{name}: {problem}; check the path",
    "import.not_a_text_file": "{name}: {problem}; name a text file",
    "import.zip": (
        "{path}: this is a zip file (an .xlsx or .ods spreadsheet?); save it as 'CSV UTF-8' and "
        "import the .csv file"
    ),
    "import.nul_bytes": (
        "{path}: the file holds NUL bytes, so it is not a text file; export the questions as "
        "GIFT, Aiken or CSV text"
    ),
    "import.bad_unicode": (
        "{path}: the file starts as {encoding} but cannot be read as it; save it as UTF-8"
    ),
    "import.not_utf8": (
        "{where}: the file is not UTF-8 (byte {byte} cannot be read); name its encoding "
        "(--encoding cp1256 for a Windows Arabic sheet, cp1252 for Western Europe), or save it "
        "as UTF-8 ('CSV UTF-8') and import it again"
    ),
    "import.no_such_encoding": (
        "--encoding {encoding}: no such encoding; use a name such as utf-8, cp1256 (Windows "
        "Arabic), cp1252 (Windows Western) or iso-8859-6"
    ),
    "import.wrong_encoding": (
        "{where}: the file cannot be read as {encoding} (byte {byte}); check which encoding it "
        "was saved in"
    ),
    "import.already_a_bank": (
        "{path}: this is already a quiz bank; check it with 'quiz check {path}'"
    ),
    "import.unknown_format": (
        "{path}: cannot tell whether this is GIFT, Aiken, CSV or Moodle XML; name the format "
        "with --from gift, --from aiken, --from csv or --from moodle-xml"
    ),
    "import.failed": "{name}: {found}; {hint}",
    "import.none_imported": {
        "one": "none of its {count} question could be imported",
        "other": "none of its {count} questions could be imported",
    },
    "import.only_one_failed": "its only question could not be imported",
    "import.no_question": "no question found",
    # What the readers skipped or changed, one question each
    "import.skipped": "question skipped: {reason}",
    "import.kind_skipped": (
        "{kind} was skipped; quiz asks multiple-choice and true/false questions only"
    ),
    "import.no_text": "it has no question text",
    "import.empty_choice": "choice {number} is empty",
    "import.choice_count": {
        "one": "it has {count} choice; quiz needs {least} to {most}",
        "other": "it has {count} choices; quiz needs {least} to {most}",
    },
    "import.none_right": "no choice is marked right",
    "import.control_removed": "control characters were removed from this question",
    "import.right_and_wrong": "choice '{choice}' is written twice, as right and as wrong",
    "import.choice_twice": "choice '{choice}' is written twice; it was kept once",
    "import.id_used": "id '{id}' is also used at line {first}; this one is '{new}'",
    "import.same_text": "the same question text as line {first}; kept with id '{id}'",
    "import.partial_credit": (
        "partial credit ({choices}) was imported as wrong; quiz counts a choice as right or wrong"
    ),
    "import.partial_choice": "'{choice}' {weight:g}%",
    # Aiken
    "aiken.hint": (
        "an Aiken question is a line of text, choices such as 'A) Paris', then 'ANSWER: A'"
    ),
    "aiken.no_answer_line": "it has no 'ANSWER:' line after its choices",
    "aiken.no_choices": "it has no choices such as 'A) ...' and no 'ANSWER:' line",
    "aiken.answer_alone": "an 'ANSWER:' line with no question before it",
    "aiken.choice_alone": "a choice line with no question line before it",
    "aiken.too_few_choices": {
        "one": "it has {count} choice; Aiken needs 2 or more",
        "other": "it has {count} choices; Aiken needs 2 or more",
    },
    "aiken.not_a_letter": (
        "'ANSWER: {answer}' (line {line}) must name a choice letter, such as 'ANSWER: B'"
    ),
    "aiken.letter_twice": "choice letter {letter} is used twice",
    "aiken.not_a_choice": (
        "'ANSWER: {answer}' (line {line}) names {letter}, which is not a choice ({letters})"
    ),
    # GIFT
    "gift.hint": "a GIFT question looks like 'Question text {{=right ~wrong ~wrong}}'",
    "gift.close_first": "a '}}' comes before any '{{'; write a '}}' in the text as \\}}",
    "gift.never_closed": (
        "the '{{' is never closed; end the answers with '}}', or write '{{' as \\{{"
    ),
    "gift.no_blank_line": "no blank line before this question; add one, as Moodle needs it",
    "gift.brace_after": (
        "the text after the answers holds another '{{' or '}}'; put a blank line between two "
        "questions, or write a brace in the text as \\{{ or \\}}"
    ),
    "gift.kind.essay": "an essay question ('{{}}' with no answers)",
    "gift.kind.numerical": "a numerical question ('{{#...}}')",
    "gift.kind.matching": "a matching question ('=... -> ...' pairs)",
    "gift.kind.short_answer": "a short-answer question (only '=' answers, no '~' choices)",
    "gift.kind.description": "a description (no answers in braces)",
    # Moodle XML
    "moodle.hint": 'a Moodle XML file holds <question type="multichoice"> elements inside <quiz>',
    "moodle.root": (
        "{where}: the file's root element is <{tag}>, not <quiz>; export the questions from "
        "Moodle's question bank in 'Moodle XML format'"
    ),
    "moodle.kind.essay": "an essay question",
    "moodle.kind.shortanswer": "a short-answer question",
    "moodle.kind.numerical": "a numerical question",
    "moodle.kind.calculated": "a calculated question",
    "moodle.kind.calculatedsimple": "a simple calculated question",
    "moodle.kind.calculatedmulti": "a calculated multichoice question",
    "moodle.kind.matching": "a matching question",
    "moodle.kind.randomsamatch": "a random short-answer matching question",
    "moodle.kind.cloze": "an embedded answers (cloze) question",
    "moodle.kind.ddwtos": "a drag and drop into text question",
    "moodle.kind.ddimageortext": "a drag and drop onto image question",
    "moodle.kind.ddmarker": "a drag and drop markers question",
    "moodle.kind.gapselect": "a select missing words question",
    "moodle.kind.description": "a description (no answers)",
    "moodle.kind.random": "a random question",
    "moodle.kind.ordering": "an ordering question",
    "moodle.kind.other": "a question of type '{kind}'",
    "moodle.bad_fraction": (
        "fraction '{fraction}' is not a number; write a percentage such as 100, 50 or 0"
    ),
    "moodle.several_full_marks": {
        "one": (
            "{count} answer gives full marks and Moodle lets the student pick one; quiz asks "
            "for all of them (select all that apply)"
        ),
        "other": (
            "{count} answers give full marks and Moodle lets the student pick one; quiz asks "
            "for all of them (select all that apply)"
        ),
    },
    "moodle.image_missing": (
        "image '{name}' is not in the file (it was not exported with the question); the text "
        "shows where it was"
    ),
    "moodle.image_not_base64": "image '{name}' is not valid base64 and was left out",
    # XML (quiz.interchange.markup)
    "xml.kind.entity": "an entity",
    "xml.kind.external_entity": "an external entity",
    "xml.entity": (
        "{where}: the file declares {kind} ('{name}'), which quiz never reads (it can hide a "
        "huge or a private file); export the questions again from Moodle"
    ),
    "xml.external": (
        "{where}: the file refers to another file ('{name}'), which quiz never fetches; export "
        "the questions again from Moodle"
    ),
    "xml.forbidden": (
        "{where}: the file asks for something quiz never does with XML ({error}); export the "
        "questions again from Moodle"
    ),
    "xml.not_well_formed": (
        "{where}: this is not well-formed XML ({error}); export the questions again, or fix the "
        "file"
    ),
    "xml.empty": "{path}: the file holds no XML element",
    # CSV
    "csv.hint": "each row needs a question, 2 or more choices and an answer",
    "csv.header": "question, choice 1, choice 2, ..., answer, explanation, tags",
    "csv.open_quote": (
        "a quote opened on this row is never closed, so the rest of the file was read as one "
        'cell; close the quote (write a quote inside a cell as "")'
    ),
    "csv.cannot_read": "{where}: the CSV cannot be read ({error}); check the quotes on this row",
    "csv.empty": "{path}: the file is empty; write a header row: {header}",
    "csv.column_not_used": "column '{name}' is not used",
    "csv.same_column": (
        "{where}: columns {first} and {second} both hold '{name}'; rename one of them"
    ),
    "csv.two_choices": "2 or more 'choice' columns",
    "csv.no_column": (
        "{where}: the header row has no {missing}; the first row must name the columns: {header}"
    ),
    "csv.extra_cells": {
        "one": "{count} cell right of the last named column was ignored",
        "other": "{count} cells right of the last named column were ignored",
    },
    "csv.no_question": "the 'question' cell is empty",
    "csv.no_answer": "the 'answer' cell is empty; write the right choice's text, letter or number",
    "csv.empty_choice": "answer '{answer}' names choice {number}, which is empty",
    "csv.read_as_number": (
        "answer '{answer}' was read as choice {number}, not as choice {other} whose text is "
        "'{answer}'"
    ),
    "csv.read_as_text": (
        "answer '{answer}' was read as the text of choice {number}, not as choice {other}"
    ),
    "csv.not_a_choice": (
        "answer '{answer}' is not the text, letter or number of a choice; copy the right "
        "choice's text or write its letter"
    ),
    # What an export cannot keep (quiz.interchange.losses)
    "export.loss_of_one": "question '{question}': {loss}",
    "export.loss_of_many": {
        "one": "{count} question: {loss} (lines {lines})",
        "other": "{count} questions: {loss} (lines {lines})",
    },
    "export.lines_and_more": "{lines} and {more} more",
    "export.no_feedback": "{system} cannot hold per-choice feedback",
    "export.no_explanation": "{system} cannot hold the explanation",
    "export.no_source": "{system} cannot hold the source",
    "export.markdown_as_written": (
        "{system} has no Markdown here: the bank's text is written as it is, marks and all"
    ),
    "export.kahoot_sheet": "Kahoot's spreadsheet",
    "aiken.bank_order": (
        "Aiken cannot keep 'shuffle: false' for the bank; set the order in the Moodle quiz"
    ),
    "aiken.several_right": "left out (several right answers, and Aiken holds only one)",
    "aiken.read_as_syntax": "left out (Aiken would read the text as a choice or an answer line)",
    "aiken.line_breaks": "Aiken cannot hold line breaks; they were joined into one line",
    "aiken.choice_order": "Aiken cannot keep 'shuffle: false'",
    "gift.bank_order": (
        "GIFT cannot keep 'shuffle: false' for the bank; set the question order in the Moodle quiz"
    ),
    "gift.choice_order": (
        "GIFT cannot keep 'shuffle: false'; turn 'Shuffle the choices' off in Moodle"
    ),
    "moodle.bank_order": (
        "Moodle XML cannot keep 'shuffle: false' for the bank; set the question order in the "
        "Moodle quiz"
    ),
    "moodle.long_id": (
        "its id is longer than the {limit} characters of Moodle's ID number; Moodle gets none"
    ),
    "qti.shuffle_all_or_none": (
        "{system} shuffles the choices of every question of a quiz or of none; they are not "
        "shuffled, as another question keeps its order"
    ),
    "kahoot.line_breaks": "Kahoot holds no line breaks; they were joined into one line",
    "kahoot.long_question": (
        "left out: the question is {length} characters and Kahoot takes {limit}; shorten it"
    ),
    "kahoot.long_answer": (
        "left out: answer '{answer}…' is {length} characters and Kahoot takes {limit}; shorten it"
    ),
    "kahoot.too_many_right": (
        "left out: it has {right} right answers and Kahoot holds {limit} answers"
    ),
    "kahoot.wrong_left_out": {
        "one": "Kahoot holds {limit} answers; {count} wrong one was left out ({names})",
        "other": "Kahoot holds {limit} answers; {count} wrong ones were left out ({names})",
    },
    "interchange.default_title": "Imported questions",
}
