"""The command line's reports in Arabic (`quiz db`, `quiz import`, `quiz export`, `quiz
report`): every word from the catalogue, numbers in Arabic-Indic digits, logical order on a pipe;
English unchanged (the English wording is tested with each command)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import seed_session

from quiz.cli import main
from quiz.store import Store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], list[str]]:
    code = main(["--lang", "ar", *argv])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


@pytest.fixture
def scores(tmp_path: Path) -> Path:
    db = tmp_path / "scores.db"
    with Store.open(db) as store:
        seed_session(store, bank="/b.yaml", title="عواصم", results=[True, False, True])
    return db


def test_db_check_in_arabic(scores: Path, tmp_path: Path, capsys) -> None:
    assert run(capsys, "db", "check", "--db", str(scores)) == (
        0,
        [
            f"{scores}: قاعدة بيانات نتائج quiz (SQLite)",
            "  إصدار المخطط ٦، إصدار هذا البرنامج",
            "  جلسة واحدة، ٣ إجابات، لا بطاقات، لا مراجعات",
            "  السلامة: لا مشكلات",
        ],
        [],
    )
    missing = tmp_path / "none.db"
    assert run(capsys, "db", "check", "--db", str(missing)) == (
        1,
        [],
        [f"quiz: error: {missing}: لا توجد هنا قاعدة بيانات نتائج؛ راجع --db"],
    )


def test_db_migrate_in_arabic(scores: Path, tmp_path: Path, capsys) -> None:
    copy = tmp_path / "copy.db"
    code, out, _ = run(capsys, "db", "migrate", "--from", str(scores), "--to", str(copy))
    assert (code, out) == (
        0,
        [
            f"نُسخت {scores} إلى {copy}",
            "  الجلسات: ١ في المصدر، أُضيف منها ١، و٠ موجودة من قبل",
            "  الإجابات: ٣ في المصدر، أُضيف منها ٣، و٠ موجودة من قبل",
            "  البطاقات: ٠ في المصدر، أُضيف منها ٠، و٠ موجودة من قبل",
            "  المراجعات: ٠ في المصدر، أُضيف منها ٠، و٠ موجودة من قبل",
        ],
    )
    code, _, err = run(capsys, "db", "migrate", "--from", str(scores), "--to", str(scores))
    assert (code, err) == (
        1,
        [f"quiz: error: {scores}: الخياران --from و--to يسمّيان قاعدة البيانات نفسها"],
    )


BANK = (
    "title: عواصم\nlanguage: ar\nquestions:\n"
    "  - question: ما عاصمة مصر؟\n    choices: [القاهرة, الإسكندرية]\n    answer: القاهرة\n"
)


def test_import_in_arabic(tmp_path: Path, capsys) -> None:
    gift = tmp_path / "a.gift"
    gift.write_text("Q1? {=a ~b}\n\nQ2? {=c ~d}\n", encoding="utf-8")
    out = tmp_path / "a.yaml"
    assert run(capsys, "import", str(gift), "-o", str(out)) == (
        0,
        [],
        [f"استُورد سؤالان إلى {out}"],
    )
    assert run(capsys, "import", str(gift), "-o", str(out)) == (
        1,
        [],
        [f"quiz: error: {out} موجود من قبل؛ اختر اسمًا آخر أو أضف --force"],
    )
    code, _, err = run(capsys, "import", str(tmp_path / "none.gift"))
    assert (code, err) == (2, [f"quiz: error: {tmp_path / 'none.gift'}: لا يوجد ملف بهذا الاسم"])
    code, _, err = run(capsys, "import", str(gift), "--language", "arabic")
    assert err == [
        "quiz: error: --language arabic: ليس وسمًا وفق BCP 47؛ استعمل رمزًا مثل en أو ar أو de أو fr"
    ]


def test_a_bank_of_several_categories_says_so_in_arabic(tmp_path: Path, capsys) -> None:
    gift = tmp_path / "c.gift"
    gift.write_text(
        "$CATEGORY: geo\n\nQ1? {=a ~b}\n\n$CATEGORY: history\n\nQ2? {=c ~d}\n", encoding="utf-8"
    )
    code, _, err = run(capsys, "import", str(gift), "-o", str(tmp_path / "c.yaml"))
    assert code == 0
    assert err == [
        f"{gift}:1:1: warning: الأسئلة من فئتين (geo، history): إنها في بنك واحد، موسومة "
        "بفئتها؛ ومع -o FOLDER/ يُكتب بنك لكل فئة بدلًا من ذلك",
        f"استُورد سؤالان إلى {tmp_path / 'c.yaml'}؛ وملاحظة واحدة أعلاه",
    ]


def test_export_in_arabic(tmp_path: Path, capsys) -> None:
    bank = tmp_path / "b.yaml"
    bank.write_text(BANK, encoding="utf-8")
    out = tmp_path / "b.txt"
    assert run(capsys, "export", str(bank), "--to", "aiken", "-o", str(out))[2][-1] == (
        f"كُتب {out}"
    )
    code, _, err = run(capsys, "export", str(bank), "--to", "kahoot")
    assert (code, err) == (
        2,
        ["quiz: error: الخيار --to kahoot يكتب جدول بيانات؛ سمِّه بـ -o، مثل -o b.xlsx"],
    )
    # The value as typed; Kahoot's own in the language's digits.
    code, _, err = run(
        capsys, "export", str(bank), "--to", "kahoot", "-o", "k.xlsx", "--time-limit", "7"
    )
    assert err == [
        "quiz: error: --time-limit 7: يقبل Kahoot ٥، ١٠، ٢٠، ٣٠، ٦٠، ٩٠، ١٢٠ أو ٢٤٠ ثانية"
    ]


def test_a_file_that_cannot_be_read_or_written_is_said_in_arabic(tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    code, out, _ = run(capsys, "check", str(fifo))
    assert (code, out[0]) == (
        1,
        f"{fifo}:1:1: error: تتعذّر قراءة الملف: إنه أنبوب مسمّى (FIFO)، لا ملف عادي",
    )
    bank = tmp_path / "b.yaml"
    bank.write_text(BANK, encoding="utf-8")
    code, _, err = run(capsys, "export", str(bank), "--to", "gift", "-o", str(tmp_path))
    assert (code, err) == (1, [f"quiz: error: {tmp_path}: مجلد؛ سمِّ ملفًا للكتابة فيه"])
    # English, as it was.
    assert main(["check", str(fifo)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"{fifo}:1:1: error: cannot read the file: it is a FIFO (named pipe), not a regular file"
    )


def test_report_tables_in_arabic(tmp_path: Path, capsys) -> None:
    from test_report import write_class_exports

    folder = write_class_exports(tmp_path / "class")
    code, out, _ = run(capsys, "report", str(folder), "--attempts", "all", "--min-answers", "4")
    assert code == 0
    # ali 4/3, huda 4/0, omar 3/2, sara 4/1 (test_report): 4 students, 15 answers, 3 files.
    assert out[:2] == [
        "تقرير الاختبار: ٤ طلاب، و١٥ إجابةً، من ٣ ملفات",
        "المحسوب: كل المحاولات؛ الأوضاع exam, practice.",
    ]
    assert "٤ طلاب، سؤالان؛ الدرجة من ٢: المتوسط ٠٫٥٠، الوسيط ٠٫٥، الانحراف المعياري ٠٫٥٨" in out
    assert "الطلاب أقل من أن يُحكم على الثبات (أقل من ٥)." in out
    assert (
        out.count("  # السؤال                            ردود طلاب  صحيح  تمييز كفاءة    D27     ع")
        == 2
    )
    # g1: 5 answers by 4 students, 2 right (40%); its most picked wrong choice Lyon, twice.
    assert "  ١ Capital of France? <b>not bold</…    ٥    ٤   ٤٠٪      -     -      -  ٠٫٥٠" in out
    assert "    المعرّف g1؛ الخطأ الأكثر اختيارًا 'Lyon' (٢)؛ التمييز: الطلاب قليلون جدًا" in out
    behind = out[out.index("الطلاب الأكثر تأخرًا") :]
    assert behind[1:3] == [
        "الأقل نسبةً من الإجابات الصحيحة أولًا، ممن لهم ٤ إجابات على الأقل؛ ولم يُرتَّب",
        "من لهم أقل من ذلك: طالب واحد.",
    ]
    assert [line.split() for line in behind[-3:]] == [
        ["huda", "٤", "٠٪"],
        ["sara", "٤", "٢٥٪"],
        ["ali", "٤", "٧٥٪"],
    ]
    # The page says where it went, in Arabic too: first attempts only, so ali's second answer
    # to g1 is not counted, 14 answers.
    code, _, err = run(capsys, "report", str(folder), "--html", str(tmp_path / "r.html"))
    assert err == [f"كُتب {tmp_path / 'r.html'}: ٤ طلاب، و١٤ إجابةً، من ٣ ملفات"]
    # The page itself is in one language, English, its headings' (not translated yet).
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "4 students, 14 answers, from 3 files" in page and "٤" not in page


def test_new_in_arabic(tmp_path: Path, capsys) -> None:
    bank = tmp_path / "new.yaml"
    schema = tmp_path / "bank.schema.json"
    assert run(capsys, "new", str(bank)) == (
        0,
        [
            f"كُتب {bank} (و{schema}، الذي تقرؤه محرّرات YAML لتساعدك)؛ حرّره، ثم شغّل "
            f"'quiz check {bank}'"
        ],
        [],
    )
    assert run(capsys, "new", str(bank))[2] == [
        f"quiz: error: {bank} موجود من قبل؛ اختر اسمًا آخر (لا يكتب quiz new فوق ملف أبدًا)"
    ]
    assert run(capsys, "new", str(tmp_path / "n.yaml"), "--language", "x y")[2] == [
        "quiz: error: --language x y: اللغة 'x y' ليست وسمًا وفق BCP 47؛ استعمل رمزًا مثل en أو "
        "ar أو fr"
    ]


def test_help_never_breaks_a_date_or_an_option_at_its_hyphen() -> None:
    from test_cli_terminal import run_on_pipe

    for lang in ("ar", "en"):
        out = run_on_pipe(["--lang", lang, "report", "--help"], COLUMNS="80").stdout
        assert out.count("(YYYY-MM-DD)") == 2, out
        assert not [line for line in out.splitlines() if line.endswith("-")], out


def test_a_score_database_that_cannot_be_used_is_said_in_arabic(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n", encoding="utf-8")
    assert run(capsys, "scores", "--db", str(folder))[::2] == (
        1,
        [f"quiz: error: {folder}: مجلد، لا قاعدة بيانات نتائج لـ quiz؛ مرّر --db FILE"],
    )
    assert run(capsys, "scores", "--db", str(text))[::2] == (
        1,
        [
            f"quiz: error: {text}: ليست قاعدة بيانات نتائج لـ quiz (file is not a database)؛ "
            "انقله إلى مكان آخر أو مرّر --db FILE"
        ],
    )
    assert run(capsys, "scores", "--db", "/dev/null")[::2] == (
        1,
        ["quiz: error: /dev/null: جهاز محارف، لا قاعدة بيانات نتائج لـ quiz؛ مرّر --db FILE"],
    )


def test_what_the_store_was_doing_is_said_in_arabic() -> None:
    from quiz.store.model import StoreError, doing
    from quiz.text.settings import Settings, use
    from quiz.text.wording import said

    error = StoreError(
        "scores.db",
        said("store.cannot", action=doing("save the answer"), error="database is locked"),
        said("store.fix.locked"),
    )
    use(Settings("ar", "arabic"))
    assert str(error) == (
        "scores.db: تعذّر حفظ الإجابة (database is locked)؛ برنامج آخر يمسك قاعدة البيانات "
        "(نسخ احتياطي، أو متصفح قواعد بيانات؟)؛ حاول مرة أخرى"
    )
    use(Settings("en", "latin"))
    assert str(error) == (
        "scores.db: cannot save the answer (database is locked); another program holds the "
        "database (a backup, a database browser?); try again"
    )
