"""The English catalogue of the problems found in bank files (`quiz check`, the home screen).

A problem line is `path:line:column: error|warning: message`; these are the messages. Keys, YAML
syntax and examples quoted in them ('title:', '- question:') are written as they are typed.
"""

from __future__ import annotations

from collections.abc import Mapping

MESSAGES: dict[str, str | Mapping[str, str]] = {
    # Reading the file
    "problem.empty_file": "the file is empty; a bank needs 'title' and 'questions'",
    "problem.wide_encoding": "the file is {encoding}; save it as UTF-8",
    "problem.nul_bytes": (
        "the file holds NUL bytes, so it is not UTF-8 text ({encoding}?); save it as UTF-8"
    ),
    "problem.not_utf8": (
        "the file is not UTF-8 (byte {byte} cannot be read); save it as UTF-8 in your editor"
    ),
    "problem.bidi_in_file": (
        "bidi control {char} in the file was removed; remove it; the app lays out "
        "right-to-left text itself"
    ),
    "problem.bidi_escaped": (
        "bidi control {char} written as an escape was removed; remove it; the app lays out "
        "right-to-left text itself"
    ),
    "problem.control_in_file": "control character {char} in the file was removed; remove it",
    "problem.control_escaped": (
        "control character {char} written as an escape was removed; remove it"
    ),
    "problem.more_removed": {
        "one": "{count} more such character removed",
        "other": "{count} more such characters removed",
    },
    "problem.unreadable_folder": "cannot read the folder ({reason}); its banks are not listed",
    # YAML
    "problem.yaml_alias": (
        "YAML alias '{name}' is not allowed; write the text out in full where it is used"
    ),
    "problem.yaml_anchor": (
        "YAML anchor '{name}' is not allowed; write the text out in full where it is used"
    ),
    "problem.yaml_character": "character {code} is not allowed in a YAML file; remove it",
    "problem.too_deep": "lists or mappings are nested too deeply; a bank needs only a few levels",
    "problem.cannot_be_read": "cannot be read",
    "problem.yaml_context": "{problem} ({context})",
    "problem.yaml_syntax": "YAML syntax error: {detail}",
    "problem.yaml_colon_in_text": (
        "YAML syntax error: {detail}; put text containing ': ' in quotes, or use a block "
        "scalar ('|')"
    ),
    "problem.yaml_tab_or_sign": (
        "YAML syntax error: {detail}; indent with spaces, not tabs, and quote text that starts "
        "with @ or `"
    ),
    "problem.yaml_missing_colon": (
        "YAML syntax error: {detail}; check the indentation and that every key ends with ':'"
    ),
    "problem.yaml_second_document": (
        "YAML syntax error: {detail}; a bank file holds one document: remove the second '---'"
    ),
    "problem.yaml_tag": "YAML tag '{tag}' is not allowed; remove it (values are plain text)",
    # Keys and values
    "problem.key_not_a_word": "a key must be a plain word such as 'question'",
    "problem.duplicate_key": "duplicate key '{name}' (first at line {first}); remove one of them",
    "problem.unknown_key_close": "unknown key '{name}'; did you mean '{close}'?",
    "problem.unknown_key": "unknown key '{name}' {where}; the keys are: {keys}",
    "problem.where.bank": "at the top of a bank",
    "problem.where.question": "in a question",
    "problem.where.choice": "in a choice",
    "problem.what.tag": "a tag",
    "problem.what.answer": "an answer",
    "problem.what.choice": "a choice",
    "problem.not_text_list": "{what} must be text, not a list; write it on one line or quote it",
    "problem.not_text_mapping": (
        "{what} must be text, not a mapping; write it on one line or quote it"
    ),
    "problem.surrogate_escape": (
        "{what} has an escape for half a UTF-16 pair (such as \\ud83d); write the character "
        "itself or its \\U escape with 8 digits"
    ),
    "problem.not_a_flag": "'{name}' must be true or false, not '{value}'",
    "problem.tags_not_a_list": "'tags' must be a list, such as tags: [history, organs]",
    # The bank
    "problem.bank_not_a_mapping": (
        "a bank file must be a mapping with 'title:' and 'questions:' keys"
    ),
    "problem.no_title": "the bank has no 'title'; add a line such as 'title: World capitals'",
    "problem.empty_title": "'title' is empty; write the bank's title after it",
    "problem.bad_language": (
        "language '{language}' is not a BCP 47 tag; use a code such as en, ar or fr"
    ),
    "problem.bad_format": (
        "format '{value}' is not known; write 'format: markdown' for text in Markdown, or "
        "'format: plain' (the default) for text shown as written"
    ),
    "problem.no_questions": "the bank has no 'questions'; add 'questions:' with a list below it",
    "problem.questions_not_a_list": (
        "'questions' must be a list: start each question with '- question:'"
    ),
    "problem.questions_empty": "'questions' is empty; add at least one question",
    # The questions
    "problem.same_question": (
        "the same question as line {first}; change one of them or give each its own 'id'"
    ),
    "problem.duplicate_id": (
        "id '{id}' is used twice (first at line {first}); give each question its own id"
    ),
    "problem.question_not_a_mapping": (
        "each question must be a mapping: '- question: ...' then 'choices:'"
    ),
    "problem.no_question_text": "this question has no 'question'; add 'question:' and its text",
    "problem.empty_question": "'question' is empty; write the question after it",
    "problem.bad_id": "'id' must be one word of text, such as oic-founding-year",
    "problem.no_answer": "this question has no 'answer'; add 'answer:' with the right choice",
    "problem.empty_answer": "'answer' is empty; copy the right choice after it",
    "problem.empty_answer_list": "'answer' is an empty list; list the right choices in it",
    "problem.answer_twice": "answer '{answer}' is listed twice; list it once",
    "problem.not_a_choice_close": (
        "answer '{answer}' is not one of the choices; did you mean '{close}'?"
    ),
    "problem.not_a_choice": (
        "answer '{answer}' is not one of the choices; copy the text of the right choice exactly"
    ),
    # The choices
    "problem.no_choices": "this question has no 'choices'; add 'choices:' with a list",
    "problem.choices_not_a_list": (
        "'choices' must be a list: put each choice on its own '- ' line"
    ),
    "problem.choice_count": "'choices' has {found}; give between {least} and {most} choices",
    "problem.choice_without_text": (
        "this choice has no 'text'; write it as {{text: ..., feedback: ...}}"
    ),
    "problem.empty_choice": "a choice is empty; write its text or remove the line",
    "problem.choice_twice": (
        "choice '{choice}' appears twice (also at line {first}); make every choice different"
    ),
    "problem.invisible_choice": (
        "a choice has no visible text, only {found}; write its text or remove the line"
    ),
    "problem.blanks": "blanks",
    "problem.choice_looks_the_same": (
        "choice '{choice}' looks the same as choice {number} (line {first}): they differ only "
        "in invisible characters ({found}); remove them, or make every choice different"
    ),
    # Teaching warnings (quiz.bank.lint)
    "problem.lint.duplicate_question": (
        "same question text as line {first}; reword one of them or delete the copy"
    ),
    "problem.lint.shared_choices": (
        "the same choices as the question at line {first}, so students can answer one by "
        "elimination from the other; give each question distractors of its own"
    ),
    "problem.lint.no_source": (
        "the bank says nowhere where its answers are settled; add 'source:' at the top "
        "(a document, a page or a URL) or to each question"
    ),
    "problem.lint.all_of_the_above": (
        "choice '{choice}' refers to the other choices, but the choices are shuffled; add "
        "'shuffle: false' to this question to keep them in file order"
    ),
    "problem.lint.long_answer": (
        "the right answer is much longer than every distractor ({size} characters against at "
        "most {longest}), and students learn to pick the longest choice; shorten the answer or "
        "make the distractors as detailed"
    ),
    "problem.lint.long_answers": (
        "every right answer is much longer than every distractor ({size} characters against "
        "at most {longest}), and students learn to pick the longest choice; shorten the answer "
        "or make the distractors as detailed"
    ),
    "problem.lint.unclosed_code_block": (
        "a code block opened with {fence} is never closed, so the rest of the text shows as "
        "code; end it with a line of {fence}"
    ),
    "problem.lint.no_explanation": (
        "this question has no explanation; add 'explanation:' saying why the answer is right "
        "(students read it after answering)"
    ),
    "problem.lint.near_duplicate": (
        "choice '{choice}' differs from the answer '{answer}' only in case, spaces or "
        "punctuation, so it reads as the same choice; make it a real alternative or remove it"
    ),
    "problem.lint.invisible_in_id": (
        "the id '{id}' holds an invisible character, {char}; remove it (two ids that look the "
        "same would be different questions)"
    ),
    "problem.lint.invisible_in_choice": (
        "choice '{choice}' holds an invisible character, {char}; remove it (a student cannot "
        "see it, and a choice that looks the same may then be another)"
    ),
    "problem.lint.look_alike": (
        "choice '{choice}' may look the same as '{other}' (they differ only in compatibility "
        "forms); write both the same way, unless the difference is the point (x² and x2)"
    ),
    # What the class's answers showed (quiz check --results; quiz.progress.report_check)
    "problem.results.key_may_be_wrong": {
        "one": (
            "{count} student: discrimination {discrimination:+.2f}; the key may be wrong (choice "
            "{choice} discriminates {rival:+.2f})"
        ),
        "other": (
            "{count} students: discrimination {discrimination:+.2f}; the key may be wrong (choice "
            "{choice} discriminates {rival:+.2f})"
        ),
    },
    "problem.results.check_the_key": {
        "one": "{count} student: discrimination {discrimination:+.2f}; check the key",
        "other": "{count} students: discrimination {discrimination:+.2f}; check the key",
    },
    "problem.results.picked_by_nobody": {
        "one": "{count} student: distractor {choice} was picked by nobody",
        "other": "{count} students: distractor {choice} was picked by nobody",
    },
}
