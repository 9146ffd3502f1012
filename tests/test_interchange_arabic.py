"""What `quiz import` and `quiz export` say about the files they convert, in Arabic: each skipped
question, each notice, each loss and each file that cannot be read is worded from the catalogue,
numbers in Arabic-Indic digits, with no English sentence left (logical order on a pipe). Also the
errors of `quiz results export`, a bad profile name, a bad time limit and the bank cache's
notice."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from conftest import ROOT
from helpers import seed_session

from quiz.cli import main
from quiz.store import Store

# What may stay in Latin letters inside an Arabic message: syntax quoted as typed, options and
# the names of formats, systems and encodings.
KEPT = re.compile(
    r"'[^']*'|\"[^\"]*\"|<[^>]*>|--[a-z-]+(?: [A-Za-z0-9./_-]+)?|-o [^\s،؛]+|[A-Z]\)|"
    r"\b(?:quiz|Moodle XML|Moodle|GIFT|Aiken|CSV|Kahoot|UTF-8|UTF-16|UTF-32|NUL|zip|XML|"
    r"base64|cloze|fraction|QUIZ_CACHE|off|SQLite|YYYY-MM-DD|FILE|Shuffle the choices)\b"
)
# A location (`path:line:col: warning: `) or the command's own prefix before a message.
PREFIX = re.compile(r"^(?:quiz: (?:error|warning): |\S+:\d+(?::\d+)?: (?:error|warning): )")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], list[str]]:
    code = main(["--lang", "ar", *argv])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


def english_left(line: str, *names: str) -> list[str]:
    """Runs of two or more English words in a message once the names and kept parts are out."""
    text = PREFIX.sub("", line)
    for name in names:
        text = text.replace(name, " ")
    text = KEPT.sub(" ", text)
    return re.findall(r"[A-Za-z]{2,}(?:[\s,.;:()]+[A-Za-z]+)+", text)


def test_the_check_for_english_finds_what_it_is_for() -> None:
    assert english_left("a.gift:3:1: warning: question skipped: it has no text") == [
        "question skipped: it has no text"
    ]
    assert english_left("quiz: error: a.csv: لا يوجد ملف; play a quiz first") != []
    assert english_left("a.gift:3:1: warning: لا يحفظ Aiken الشرح ('A) Paris')") == []


def test_an_import_says_what_it_skipped_and_changed_in_arabic(tmp_path: Path, capsys) -> None:
    gift = tmp_path / "bad.gift"
    gift.write_text(
        "::a:: Essay? {}\n\nPartial? {=a ~%50%b ~c}\nNext? {=x ~y}\n\nOpen? {=a ~b\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "import", str(gift), "-o", str(tmp_path / "a.yaml"))
    assert code == 0
    assert err == [
        f"{gift}:1:1: warning: تُرك سؤال مقالي ('{{}}' بلا إجابات)؛ لا يطرح quiz إلا أسئلة "
        "الاختيار من متعدد وأسئلة الصواب والخطأ",
        f"{gift}:3:1: warning: استُوردت الدرجات الجزئية ('b' ٥٠٪) إجاباتٍ خاطئة؛ فالخيار في "
        "quiz إما صحيح وإما خاطئ",
        f"{gift}:4:1: warning: لا سطر فارغ قبل هذا السؤال؛ أضف سطرًا فارغًا، فـ Moodle يحتاج إليه",
        f"{gift}:6:1: error: لم يُستورد السؤال: لم تُغلق '{{'؛ أنهِ الإجابات بـ '}}'، أو اكتب "
        "'{' هكذا: \\{",
        f"استُورد سؤالان إلى {tmp_path / 'a.yaml'}؛ و٤ ملاحظات أعلاه",
    ]


def test_a_file_with_no_question_to_import_fails_in_arabic(tmp_path: Path, capsys) -> None:
    aiken = tmp_path / "bad.txt"
    aiken.write_text("Q1\nA) x\nB) y\nANSWER: Z\n\nQ2\nA) x\n", encoding="utf-8")
    assert run(capsys, "import", str(aiken)) == (
        1,
        [],
        [
            f"{aiken}:1:1: error: لم يُستورد السؤال: يسمّي 'ANSWER: Z' (السطر ٤) الحرف Z، وليس "
            "من الخيارات (A، B)",
            f"{aiken}:6:1: error: لم يُستورد السؤال: ليس بعد خياراته سطر 'ANSWER:'",
            f"quiz: error: {aiken}: لم يُستورد أيٌّ من سؤاليه؛ سؤال Aiken سطر من النص، ثم خيارات "
            "مثل 'A) Paris'، ثم 'ANSWER: A'",
        ],
    )


def test_a_spreadsheet_counts_in_arabic(tmp_path: Path, capsys) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_text(
        "question,choice 1,choice 2,answer,notes\nQ?,a,b,a,,x,y,z\nR?,a,b,\n", encoding="utf-8"
    )
    code, _, err = run(capsys, "import", str(sheet), "-o", str(tmp_path / "s.yaml"))
    assert (code, err) == (
        0,
        [
            f"{sheet}:1:5: warning: العمود 'notes' غير مستعمل",
            f"{sheet}:2:1: warning: أُهملت ٣ خلايا بعد آخر عمود مسمّى",
            f"{sheet}:3:1: error: لم يُستورد السؤال: خلية الإجابة ('answer') فارغة؛ اكتب نص "
            "الخيار الصحيح أو حرفه أو رقمه",
            f"استُورد سؤال واحد إلى {tmp_path / 's.yaml'}؛ و٣ ملاحظات أعلاه",
        ],
    )
    header = tmp_path / "header.csv"
    header.write_text("question,choice 1,answer\nQ?,a,a\n", encoding="utf-8")
    code, _, err = run(capsys, "import", str(header))
    assert (code, err) == (
        1,
        [
            f"quiz: error: {header}:1: ليس في صف العناوين عمودان أو أكثر للخيارات ('choice')؛ "
            "يجب أن يسمّي الصف الأول الأعمدة: السؤال، الخيار 1، الخيار 2، ...، الإجابة، الشرح، "
            "الوسوم"
        ],
    )


def test_moodle_xml_problems_in_arabic(tmp_path: Path, capsys) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<quiz><question></quiz>\n", encoding="utf-8")
    code, _, err = run(capsys, "import", str(broken))
    assert code == 1
    assert err[0].startswith(f"quiz: error: {broken}:1:")
    assert "هذا ليس XML سليم البنية" in err[0] and "صدِّر الأسئلة من جديد، أو أصلح الملف" in err[0]
    other = tmp_path / "other.xml"
    other.write_text(
        '<quiz>\n<question type="essay"><questiontext><text>Why?</text></questiontext>'
        '</question>\n<question type="multichoice"><questiontext><text>Which?</text>'
        '</questiontext><answer fraction="100"><text>A</text></answer>'
        '<answer fraction="50"><text>B</text></answer>'
        '<answer fraction="0"><text>C</text></answer></question>\n</quiz>\n',
        encoding="utf-8",
    )
    code, _, err = run(capsys, "import", str(other), "-o", str(tmp_path / "o.yaml"))
    assert (code, err) == (
        0,
        [
            f"{other}:2:1: warning: تُرك سؤال مقالي؛ لا يطرح quiz إلا أسئلة الاختيار من متعدد "
            "وأسئلة الصواب والخطأ",
            f"{other}:3:1: warning: استُوردت الدرجات الجزئية ('B' ٥٠٪) إجاباتٍ خاطئة؛ فالخيار "
            "في quiz إما صحيح وإما خاطئ",
            f"استُورد سؤال واحد إلى {tmp_path / 'o.yaml'}؛ وملاحظتان أعلاه",
        ],
    )


SEVEN = "title: حساب\nlanguage: ar\nquestions:\n" + "".join(
    f"  - question: ما ناتج {n} + 1؟\n"
    f"    choices: ['{n + 1}', '{n + 2}', '{n + 3}', '{n + 4}', '{n + 5}']\n"
    f"    answer: '{n + 1}'\n"
    "    explanation: الجمع.\n"
    for n in range(7)
)


def test_an_export_says_what_it_loses_in_arabic(tmp_path: Path, capsys) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_text(SEVEN, encoding="utf-8")
    code, _, err = run(capsys, "export", str(bank), "--to", "aiken")
    # Seven questions, each four lines: lines 4, 8, ... 28; five listed and two more.
    assert (code, err) == (
        0,
        [f"{bank}:4:1: warning: ٧ أسئلة: لا يحفظ Aiken الشرح (الأسطر ٤، ٨، ١٢، ١٦، ٢٠ و٢ غيرها)"],
    )
    code, _, err = run(
        capsys, "export", str(bank), "--to", "kahoot", "-o", str(tmp_path / "k.xlsx")
    )
    assert code == 0
    assert err[:2] == [
        f"{bank}:4:1: warning: السؤال 'ما ناتج 0 + 1؟': يتسع Kahoot لـ٤ إجابات؛ فتُركت إجابة "
        "خاطئة واحدة ('5')",
        f"{bank}:4:1: warning: ٧ أسئلة: لا يحفظ جدول بيانات Kahoot الشرح (الأسطر ٤، ٨، ١٢، ١٦، "
        "٢٠ و٢ غيرها)",
    ]
    assert err[-1] == f"كُتب {tmp_path / 'k.xlsx'}"
    code, _, err = run(capsys, "--digits", "latin", "export", str(bank), "--to", "aiken")
    assert err == [
        f"{bank}:4:1: warning: 7 أسئلة: لا يحفظ Aiken الشرح (الأسطر 4، 8، 12، 16، 20 و2 غيرها)"
    ]


def test_results_export_profile_and_cache_errors_in_arabic(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "scores.db"
    assert run(capsys, "results", "export", "--db", str(db))[::2] == (
        1,
        [f"quiz: error: {db}: لا توجد هنا قاعدة بيانات نتائج؛ العب اختبارًا أولًا أو مرّر --db FILE"],
    )
    with Store.open(db) as store:
        seed_session(store, bank="/b.yaml", title="عواصم", results=[True])
    monkeypatch.setenv("QUIZ_DB", str(db))
    folder = tmp_path / "out"
    folder.mkdir()
    assert run(capsys, "results", "export", "-o", str(folder))[::2] == (
        1,
        [f"quiz: error: {folder} مجلد؛ سمِّ ملفًا للكتابة فيه، مثل -o results.csv"],
    )
    assert run(capsys, "results", "export", "--since", "2026-13")[::2] == (
        2,
        ["quiz: error: --since '2026-13': ليس تاريخًا؛ اكتبه هكذا YYYY-MM-DD، مثل 2026-03-01"],
    )
    code, _, err = run(capsys, "--profile", "x" * 41, "scores")
    assert (code, err) == (
        2,
        [
            f"quiz: error: --profile '{'x' * 41}': في اسم الملف الشخصي ٤١ محرفًا؛ اسم الملف "
            "الشخصي لا يكون فارغًا ولا يزيد على ٤٠ محرفًا، وليس فيه محارف تحكم ولا محارف اتجاه "
            "النص"
        ],
    )
    cache = tmp_path / "not-a-cache"
    cache.write_text("hello\n", encoding="utf-8")
    monkeypatch.setenv("QUIZ_CACHE", str(cache))
    code, _, err = run(capsys, "list", "--bank", str(tmp_path))
    assert err[0] == (
        f"quiz: warning: ذاكرة البنوك المؤقتة {cache}: ليست ذاكرة بنوك مؤقتة لـ quiz (ليست ملف "
        "SQLite)؛ فتُركت كما هي وتُقرأ البنوك بلا ذاكرة مؤقتة (اجعل QUIZ_CACHE ملفًا آخر، أو off)"
    )


BAD_INPUTS = {
    "a.gift": "Q {=a =a ~b}\n\nR {=a ~b}\nS {~a ~b}\n\nT {}\n\nU {#3}\n\nV { a -> b }\n\n} W {\n",
    "b.txt": "ANSWER: A\n\nA) x\n\nQ\nA) x\nANSWER: A\n\nQ\nA) x\nA) y\nANSWER: A\n\nQ\nA) x\n"
    "B) y\nANSWER: ?\n\nQ\n",
    "c.csv": "question,choice 1,choice 2,answer,id\n,a,b,a,\nQ,a,b,3,\nQ,a,b,zz,\nQ,1,2,2,k\n"
    "Q2,1,2,2,k\nQ3,2,1,1,\n",
    "d.xml": '<quiz>\n<question type="multichoice"><questiontext><text>A</text></questiontext>'
    '<answer fraction="x"><text>a</text></answer></question>\n'
    '<question type="multichoice"><questiontext><text>B</text></questiontext>'
    '<answer fraction="100"><text>a</text></answer><answer fraction="100"><text>b</text>'
    '</answer><answer fraction="0"><text>c</text></answer></question>\n'
    '<question type="numerical"/>\n<question type="weird"/>\n</quiz>\n',
    "e.xml": "<other/>\n",
    "f.txt": "\x00\x00",
    "g.gift": "no question here at all\n",
}


def test_no_english_sentence_is_left_in_what_imports_say(tmp_path: Path, capsys) -> None:
    said: list[str] = []
    for name, content in BAD_INPUTS.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        _, _, err = run(capsys, "import", str(path))
        said += err
    bank = tmp_path / "bank.yaml"
    bank.write_text(SEVEN.replace("language: ar\n", "language: ar\nshuffle: false\n"))
    for to in ("gift", "aiken", "moodle-xml", "qti", "qti21", "kahoot", "anki"):
        _, _, err = run(capsys, "export", str(bank), "--to", to, "-o", str(tmp_path / f"x.{to}"))
        said += err
    assert len(said) > 30
    left = {line: english_left(line, str(tmp_path)) for line in said}
    assert {line: words for line, words in left.items() if words} == {}
    assert all(re.search("[\u0600-\u06ff]", line) for line in said), said


# The calls that say something about a file being converted: given a catalogue wording, never
# a text written in one language.
SAYING = {"notice", "skip", "unsupported", "of", "of_bank", "InterchangeError", "finish"}


def test_the_converters_say_everything_through_the_catalogue() -> None:
    for path in sorted((ROOT / "quiz" / "interchange").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else None
            name = node.func.id if isinstance(node.func, ast.Name) else name
            if name not in SAYING:
                continue
            for arg in node.args:
                worded = isinstance(arg, ast.JoinedStr) or (
                    isinstance(arg, ast.Constant)
                    and isinstance(arg.value, str)
                    and " " in arg.value
                )
                assert not worded, f"{path.name}:{node.lineno}: {name}() is given a text"


def test_a_bad_time_limit_in_arabic(tmp_path: Path, capsys) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_text(SEVEN, encoding="utf-8")
    how = "اكتب الدقائق (45) أو عددًا بالوحدات h وm وs (مثل 90s أو 10m أو 1h30m)"
    code, _, err = run(capsys, "play", str(bank), "--mode", "exam", "--time-limit", "5m5m")
    assert (code, err[-1]) == (
        2,
        f"quiz: error: المعامل --time-limit: '5m5m': الوحدة 'm' مكتوبة مرتين؛ {how} "
        "(انظر 'quiz play --help')",
    )
    code, _, err = run(capsys, "play", str(bank), "--mode", "exam", "--time-limit", "25h")
    assert (code, err[-1]) == (
        2,
        f"quiz: error: المعامل --time-limit: '25h': لا تزيد مدة الاختبار على ٢٤ ساعة؛ {how} "
        "(انظر 'quiz play --help')",
    )
