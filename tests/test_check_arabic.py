"""`quiz check` in Arabic: every problem in Arabic after a `path:line:col: error|warning:` prefix
that tools can still read, English unchanged, and a problem kept in the bank cache read in the
language of whoever reads it."""

from __future__ import annotations

from pathlib import Path

from test_cli_terminal import EXPLICIT, run_on_pipe, run_on_pty
from test_rtl import canonical, read_rtl

from quiz.bank.cache import BankCache
from quiz.bank.catalog import Catalog
from quiz.bank.model import Problem, Severity
from quiz.text.locales import check_ar, check_en
from quiz.text.settings import Settings, using
from quiz.text.wording import said

BROKEN = (
    "title: تجربة\n"
    "language: ar\n"
    "colour: blue\n"
    "questions:\n"
    "  - question: ما عاصمة مصر؟\n"
    "    choices: [القاهرة, الإسكندرية]\n"
    "    answer: الجيزة\n"
    "  - question: ما عاصمة الأردن؟\n"
    "    choices: [عمّان, عمّان, إربد]\n"
    "    answer: عمّان\n"
    "    shuffle: maybe\n"
)
ADVICE = (
    "title: تجربة\nquestions:\n  - question: Which?\n"
    "    choices: [a, b, All of the above]\n    answer: a\n"
)


def write(folder: Path) -> tuple[Path, Path, Path, Path]:
    broken, advice = folder / "broken.yaml", folder / "advice.yaml"
    latin1, empty = folder / "latin1.yaml", folder / "empty.yaml"
    broken.write_text(BROKEN, encoding="utf-8")
    advice.write_text(ADVICE, encoding="utf-8")
    latin1.write_bytes(b"title: caf\xe9\nquestions: []\n")
    empty.write_text("title: ''\nquestions: []\n", encoding="utf-8")
    return broken, advice, latin1, empty


def test_every_problem_message_has_an_arabic_entry_with_the_same_placeholders() -> None:
    from test_i18n import keys_used_in_source

    used = {key for key in keys_used_in_source() if key.startswith("problem.")}
    assert used == set(check_en.MESSAGES) == set(check_ar.MESSAGES)
    assert len(used) >= 60


def test_quiz_check_in_arabic_prints_arabic_after_a_machine_readable_prefix(
    tmp_path: Path,
) -> None:
    broken, advice, latin1, empty = write(tmp_path)
    done = run_on_pipe(["--lang", "ar", "check", str(broken), str(advice), str(latin1), str(empty)])
    assert done.returncode == 1
    # A pipe: logical order, as the catalogue writes it; numbers in the messages in Arabic-Indic
    # digits, the location in Latin ones for editors and tools.
    assert done.stdout.splitlines() == [
        f"{broken}:3:1: error: مفتاح غير معروف 'colour' في أعلى البنك؛ المفاتيح هي: title, "
        "language, description, source, format, tags, shuffle, questions",
        f"{broken}:7:13: error: الإجابة 'الجيزة' ليست من الخيارات؛ انسخ نص الخيار الصحيح كما هو",
        f"{broken}:9:22: error: الخيار 'عمّان' مكرّر (ورد أيضًا في السطر ٩)؛ اجعل كل خيار مختلفًا",
        f"{broken}:11:14: error: يجب أن تكون قيمة 'shuffle' إما true أو false، لا 'maybe'",
        f"{advice}:3:5: warning: ليس لهذا السؤال شرح؛ أضف 'explanation:' تقول فيه لماذا "
        "الإجابة صحيحة (يقرؤه الطلاب بعد الإجابة)",
        f"{advice}:4:21: warning: الخيار 'All of the above' يشير إلى الخيارات الأخرى، لكن "
        "الخيارات تُخلط؛ أضف 'shuffle: false' إلى هذا السؤال ليبقى ترتيبها كما في الملف",
        f"{latin1}:1:11: error: الملف ليس بترميز UTF-8 (تعذّرت قراءة البايت 0xE9)؛ احفظه "
        "بترميز UTF-8 في محرّرك",
        f"{empty}:1:1: error: 'title' فارغ؛ اكتب عنوان البنك بعده",
        f"{empty}:2:1: error: 'questions' فارغة؛ أضف سؤالًا واحدًا على الأقل",
        "٤ ملفات، سؤال واحد، ٧ أخطاء، تحذيران",
    ]
    # --lang after the command says the same.
    assert (
        run_on_pipe(["check", "--lang", "ar", str(broken)]).stdout.splitlines()[0]
        == (done.stdout.splitlines()[0])
    )


def test_quiz_check_in_english_is_unchanged(tmp_path: Path) -> None:
    broken, advice, latin1, empty = write(tmp_path)
    done = run_on_pipe(["check", str(broken), str(advice), str(latin1), str(empty)])
    assert done.stdout.splitlines() == [
        f"{broken}:3:1: error: unknown key 'colour' at the top of a bank; the keys are: title, "
        "language, description, source, format, tags, shuffle, questions",
        f"{broken}:7:13: error: answer 'الجيزة' is not one of the choices; copy the text of the "
        "right choice exactly",
        f"{broken}:9:22: error: choice 'عمّان' appears twice (also at line 9); make every "
        "choice different",
        f"{broken}:11:14: error: 'shuffle' must be true or false, not 'maybe'",
        f"{advice}:3:5: warning: this question has no explanation; add 'explanation:' saying "
        "why the answer is right (students read it after answering)",
        f"{advice}:4:21: warning: choice 'All of the above' refers to the other choices, but "
        "the choices are shuffled; add 'shuffle: false' to this question to keep them in file "
        "order",
        f"{latin1}:1:11: error: the file is not UTF-8 (byte 0xE9 cannot be read); save it as "
        "UTF-8 in your editor",
        f"{empty}:1:1: error: 'title' is empty; write the bank's title after it",
        f"{empty}:2:1: error: 'questions' is empty; add at least one question",
        "4 files, 1 question, 7 errors, 2 warnings",
    ]


def test_a_yaml_syntax_error_in_arabic_keeps_what_yaml_found(tmp_path: Path) -> None:
    bank = tmp_path / "colon.yaml"
    bank.write_text("title: a: b\nquestions: []\n", encoding="utf-8")
    (line,) = run_on_pipe(["--lang", "ar", "check", str(bank)]).stdout.splitlines()[:1]
    assert line == (
        f"{bank}:1:9: error: خطأ في صياغة YAML: mapping values are not allowed here؛ ضع النص "
        "الذي فيه ': ' بين علامتي تنصيص، أو استعمل كتلة نصية ('|')"
    )


def test_json_messages_follow_the_language(tmp_path: Path) -> None:
    _, _, _, empty = write(tmp_path)
    out = run_on_pipe(["--lang", "ar", "check", "--format", "json", str(empty)]).stdout
    assert '"message": "\'title\' فارغ؛ اكتب عنوان البنك بعده"' in out
    assert '"severity": "error"' in out


def test_on_a_terminal_an_arabic_problem_reads_right_to_left_after_its_location(
    tmp_path: Path,
) -> None:
    broken, *_ = write(tmp_path)
    # Wide enough for the long temporary path and its message on one row each.
    out = run_on_pty(["--lang", "ar", "check", str(broken)], COLUMNS="250")
    rows = out[len(EXPLICIT) :].split("\n")
    prefix = f"{broken}:7:13: error"
    (row,) = [row for row in rows if row.rstrip().endswith(prefix)]
    # The location on the right, where an Arabic line starts, in one piece; the message to its
    # left, shaped, reading right to left.
    assert canonical(read_rtl(row.rstrip()[: -len(prefix)].strip())) == canonical(
        ": الإجابة 'الجيزة' ليست من الخيارات؛ انسخ نص الخيار الصحيح كما هو"
    )
    # Listing the keys (Latin words) does not turn the first problem's line left to right.
    first = [row for row in rows if row.rstrip().endswith(f"{broken}:3:1: error")]
    assert len(first) == 1


def test_a_problem_in_the_cache_is_read_in_the_readers_language(tmp_path: Path) -> None:
    folder = tmp_path / "banks"
    folder.mkdir()
    write(folder)
    cache_path = tmp_path / "cache.db"

    def first_errors() -> dict[str, str]:
        cache = BankCache.open(cache_path)
        entries = Catalog([folder], cache).entries()
        return {e.file.path.name: e.first_error.message for e in entries if e.first_error}

    with using(Settings.of("en")):
        english = first_errors()  # read from the files, then kept in the cache
    with using(Settings.of("ar")):
        arabic = first_errors()  # read from the cache
    assert english["empty.yaml"] == "'title' is empty; write the bank's title after it"
    assert arabic["empty.yaml"] == "'title' فارغ؛ اكتب عنوان البنك بعده"
    assert arabic["latin1.yaml"] == (
        "الملف ليس بترميز UTF-8 (تعذّرت قراءة البايت 0xE9)؛ احفظه بترميز UTF-8 في محرّرك"
    )


def test_a_problem_keeps_its_wording_through_storing() -> None:
    problem = Problem(
        "b.yaml",
        3,
        1,
        Severity.ERROR,
        said("problem.unknown_key", name="x", where=said("problem.where.bank"), keys="title"),
    )
    assert Problem.from_stored(problem.stored()) == problem
    with using(Settings.of("ar")):
        assert str(problem) == (
            "b.yaml:3:1: error: مفتاح غير معروف 'x' في أعلى البنك؛ المفاتيح هي: title"
        )
    # A text as written (an importer's notice) stays as it is.
    notice = Problem("b.gift", 1, 1, Severity.WARNING, "as written")
    assert Problem.from_stored(notice.stored()) == notice and notice.message == "as written"


def test_what_the_class_answers_show_is_said_in_arabic(tmp_path: Path) -> None:
    from test_report_items import BANK, exam_rows, write

    bank = tmp_path / "exam.yaml"
    bank.write_text(BANK, encoding="utf-8")
    export = write(tmp_path / "class.csv", exam_rows())
    out = run_on_pipe(["--lang", "ar", "check", str(bank), "--results", str(export)]).stdout
    lines = out.splitlines()
    # The same warnings as in English (test_report_items): five students, q3 the planted miskey.
    assert f"{bank}:6:18: warning: ٥ طلاب: لم يختر أحد المشتِّت 'Y'" in lines
    assert (
        f"{bank}:9:5: warning: ٥ طلاب: التمييز -٠٫٨٤؛ قد يكون المفتاح خاطئًا (الخيار 'Y' "
        "تمييزه +٠٫٨٤)"
    ) in lines
