"""The Arabic interface: a quiz played with Arabic-Indic digit keys, mirrored, and `quiz scores`."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import seed_session
from test_rtl import canonical, read_rtl
from ui_helpers import THREE, build, screen_lines, screen_text

from quiz.bank.loader import load_bank
from quiz.cli import main
from quiz.store import Store
from quiz.text.i18n import ARABIC_MONTHS
from quiz.ui.confirm import ConfirmScreen
from quiz.ui.home import HomeScreen
from quiz.ui.question import QuestionScreen
from quiz.ui.results import ResultsScreen
from quiz.ui.start_dialog import StartScreen

ARABIC = """\
title: منظمة التعاون الإسلامي
language: ar
questions:
  - id: founded
    question: في أي مدينة تأسست المنظمة؟
    choices: [الرباط, جدة, القاهرة]
    answer: الرباط
  - id: seat
    question: أين مقر الأمانة العامة؟
    choices: [جدة, الرياض, مكة]
    answer: جدة
  - id: members
    question: ما الدول المؤسسة من بين هذه؟
    shuffle: false
    choices: [المغرب, السعودية, البرازيل]
    answer: [المغرب, السعودية]
"""

# Latin words an Arabic screen may show: key names, the program's name, and option names.
LATIN_ALLOWED = {
    "quiz",
    "esc",
    "p",
    "q",
    "r",
    "a",
    "h",
    "y",
    "n",
    "s",
    "v",
    "d",
    "u",
    "t",
    "Enter",
    "yaml",
    "bank",
    "DIR",
    "default",  # the profile's name: data, not interface
}


def latin_words(app) -> set[str]:
    """Latin words on the screen that are not key names: an untranslated string shows here."""
    return set(re.findall(r"[A-Za-z]+", screen_text(app))) - LATIN_ALLOWED


def arabic_key(number: int) -> str:
    """The Arabic-Indic digit key for 1-9 (U+0661..U+0669)."""
    return chr(0x0660 + number)


def persian_key(number: int) -> str:
    """The Extended Arabic-Indic digit key for 1-9 (U+06F1..U+06F9), as Persian keyboards type."""
    return chr(0x06F0 + number)


@pytest.fixture
def arabic_bank(tmp_path: Path) -> Path:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "oic.yaml").write_text(ARABIC, encoding="utf-8")
    return folder


def build_arabic(folder: Path, db: Path, **options):
    """The app as `quiz --lang ar --rtl terminal` builds it (digits: Arabic-Indic).

    In terminal mode the screen holds text in logical order, so these tests read it as written;
    tests/test_ui_arabic.py's reorder tests read the laid-out rows back.
    """
    options.setdefault("rtl_mode", "terminal")
    return build(folder, db, lang="ar", **options)


async def test_an_arabic_quiz_answered_with_arabic_and_persian_digit_keys(
    arabic_bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    bank = load_bank(arabic_bank / "oic.yaml").bank
    app, store = build_arabic(arabic_bank, tmp_path / "scores.db", play=bank)
    # The store's clock is the test's too: the results' time is worked out from saved times.
    monkeypatch.setattr("quiz.store.model.utc_now", app.clock.now)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            assert screen.has_class("-rtl")
            text = screen_text(app)
            assert "السؤال ١ من ٣ · النتيجة ٠/٠" in text
            # Footer labels in Arabic, the choice keys (three choices) as they are labelled.
            footer = screen_lines(app)[-1]
            for label in ("أ-ج أجب", "مغادرة", "لوحة الأوامر"):
                assert label in footer
            assert latin_words(app) == set()
            for n in range(1, 4):
                quiz = screen.quiz
                shown = quiz.current
                text = screen_text(app)
                assert shown.question.text in text
                letters = ["أ.", "ب.", "ج."]
                for letter, choice in zip(letters, shown.choices, strict=True):
                    assert f"{letter} {choice}" in text
                right = sorted(shown.right)
                if shown.question.multiple:
                    assert "اختر كل الإجابات الصحيحة، ثم اضغط Enter." in text
                    # Pick one right and one wrong choice: wrong, with both answers named.
                    wrong = next(i for i in range(len(shown.choices)) if i not in shown.right)
                    await pilot.press(persian_key(right[0] + 1), arabic_key(wrong + 1), "enter")
                    text = screen_text(app)
                    rights = "، ".join(shown.choices[i] for i in right)
                    assert f"✗ خطأ. الإجابات الصحيحة هي: {rights}" in text
                    assert quiz.outcomes[n - 1].correct is False
                else:
                    await pilot.press(arabic_key(right[0] + 1))
                    text = screen_text(app)
                    assert "✓ صحيح!" in text
                    assert quiz.outcomes[n - 1].correct is True
                assert f"السؤال {'١٢٣'[n - 1]} من ٣" in text
                assert latin_words(app) == set()
                assert len(store.answers(quiz.session_id)) == n
                app.clock.wait(30)
                await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            assert app.screen.has_class("-rtl")
            text = screen_text(app)
            assert "النتيجة ٢/٣ (٦٧٪)" in text
            assert "الوقت ١ د ٣٠ ث" in text
            assert "الأسئلة الخاطئة (١):" in text
            assert "الإجابة الصحيحة: المغرب، السعودية" in text
            footer = screen_lines(app)[-1]
            for label in ("إعادة الأسئلة الخاطئة", "العب مرة أخرى", "الرئيسية", "خروج"):
                assert label in footer
            assert latin_words(app) == set()


async def test_latin_number_keys_still_answer_in_arabic(arabic_bank: Path, tmp_path: Path):
    bank = load_bank(arabic_bank / "oic.yaml").bank
    app, store = build_arabic(arabic_bank, tmp_path / "scores.db", play=bank, digits="latin")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            quiz = app.screen.quiz
            if quiz.current.question.multiple:
                await pilot.press("1", "2", "enter", "enter")
            assert "السؤال 1 من 3" in screen_text(app) or "السؤال 2 من 3" in screen_text(app)
            assert "أ-ج أجب" in screen_lines(app)[-1]  # three choices, labelled with letters
            before = quiz.answered
            await pilot.press(str(min(quiz.current.right) + 1))
            assert quiz.answered == before + 1
            assert "✓ صحيح!" in screen_text(app)


async def test_the_status_bar_mirrors_in_arabic(arabic_bank: Path, tmp_path: Path):
    bank = load_bank(arabic_bank / "oic.yaml").bank
    for lang in ("en", "ar"):
        if lang == "ar":
            app, store = build_arabic(arabic_bank, tmp_path / f"{lang}.db", play=bank)
        else:
            app, store = build(arabic_bank, tmp_path / f"{lang}.db", play=bank)
        with store:
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                title = app.screen.query_one("#bank-title").region
                progress = app.screen.query_one("#progress").region
                row = screen_lines(app)[0]
                if lang == "ar":
                    # Progress on the left, the bank title on the right, flush with the edge.
                    assert progress.x < title.x
                    assert row.startswith(" السؤال ١ من ٣")
                    assert row.rstrip().endswith("منظمة التعاون الإسلامي")
                else:
                    assert title.x < progress.x
                    assert row.rstrip().endswith("Question 1/3 · Score 0/0")


async def test_home_count_dialog_and_leaving_in_arabic(arabic_bank: Path, tmp_path: Path):
    (arabic_bank / "three.yaml").write_text(THREE, encoding="utf-8")
    app, store = build_arabic(arabic_bank, tmp_path / "scores.db")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            text = screen_text(app)
            assert "quiz · اختر بنك أسئلة" in text
            # The language by its name, zero cards as words, the Arabic comma between facts.
            facts = (
                "العربية، ٣ أسئلة، الأفضل -، الأخيرة -، لا بطاقات مستحقة، "
                "٣ بطاقات جديدة اليوم، ٣ أسئلة لم تُدرس"
            )
            assert facts in " ".join(text.split())  # on two rows at 80 columns
            assert "ابدأ" in screen_lines(app)[-1] and "الإحصاءات" in screen_lines(app)[-1]
            # The title and a language's own name are bank data; the rest of the screen is Arabic.
            assert latin_words(app) - {"Three", "capitals", "English"} == set()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)
            assert "كم سؤالًا تريد؟ (١-٣)" in screen_text(app)
            assert "إلغاء" in screen_text(app)
            # A number typed with Arabic-Indic digits is read.
            await pilot.press("backspace", "backspace", arabic_key(2), "enter")
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert "السؤال ١ من ٢" in screen_text(app)
            quiz = app.screen.quiz
            if quiz.current.question.multiple:
                await pilot.press(arabic_key(1), "enter")
            else:
                await pilot.press(arabic_key(1))
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            text = screen_text(app)
            assert "هل تريد مغادرة هذه الجلسة؟ حُفظت إجابتك." in text
            assert "نعم (y)" in text and "لا (n)" in text
            assert latin_words(app) == set()
            await pilot.press("y")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert "الأخيرة" in screen_text(app)


async def test_an_out_of_range_count_is_explained_in_arabic(arabic_bank: Path, tmp_path: Path):
    app, store = build_arabic(arabic_bank, tmp_path / "scores.db")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("backspace", "backspace", "9", "enter")
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)
            assert "اكتب عددًا من ١ إلى ٣." in screen_text(app)


async def test_english_has_no_rtl_class_and_english_labels(tmp_path: Path):
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "three.yaml").write_text(THREE, encoding="utf-8")
    app, store = build(folder, tmp_path / "scores.db", play=load_bank(folder / "three.yaml").bank)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert not app.screen.has_class("-rtl")
            footer = screen_lines(app)[-1]
            # France has four choices, Japan and Kenya three.
            france = "France" in app.screen.quiz.current.question.text
            assert ("1-4 Answer" if france else "1-3 Answer") in footer
            assert "Leave" in footer and "palette" in footer
            assert "1." in screen_text(app)


# -- quiz scores ---------------------------------------------------------------------------------


@pytest.fixture
def scores_db(tmp_path: Path) -> tuple[Path, datetime]:
    db = tmp_path / "scores.db"
    started = datetime(2026, 11, 29, 10, 54, tzinfo=UTC)
    with Store.open(db) as store:
        seed_session(
            store,
            bank="/b.yaml",
            title="منظمة التعاون",
            planned=3,
            results=[True, False],
            start=started,
            finished=False,
        )
    return db, started


def test_quiz_scores_in_arabic(scores_db, capsys):
    db, started = scores_db
    assert main(["scores", "--lang", "ar", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    local = started.astimezone()
    month = ARABIC_MONTHS[local.month - 1]
    assert month in out
    # Right of planned (docs/scores.md), after the session's kind.
    assert "منظمة التعاون  تمرين  ١/٣ صحيحة (٣٣٪)، أُجيب عن ٢ من ٣  (لم يكتمل)" in out
    assert re.search(r"[0-9]", out) is None  # every number in Arabic-Indic digits
    when = f"{local.day} {month} {local.year}، {local:%H:%M}"
    assert out.startswith(when.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")) + "  ")


def test_quiz_scores_in_arabic_with_latin_digits_from_the_environment(
    scores_db, capsys, monkeypatch
):
    db, started = scores_db
    monkeypatch.setenv("QUIZ_LANG", "ar")
    monkeypatch.setenv("QUIZ_DIGITS", "latin")
    assert main(["scores", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    local = started.astimezone()
    assert out.startswith(
        f"{local.day} {ARABIC_MONTHS[local.month - 1]} {local.year}، {local:%H:%M}  "
    )
    assert "1/3 صحيحة (33٪)، أُجيب عن 2 من 3" in out


def test_quiz_scores_follow_an_arabic_locale(scores_db, capsys, monkeypatch):
    db, _ = scores_db
    monkeypatch.setenv("LANG", "ar_EG.UTF-8")
    assert main(["scores", "--db", str(db)]) == 0
    assert "صحيحة" in capsys.readouterr().out
    assert main(["scores", "--lang", "en", "--db", str(db)]) == 0
    assert "right" in capsys.readouterr().out


def test_quiz_scores_in_english_is_unchanged(scores_db, capsys):
    db, started = scores_db
    assert main(["scores", "--db", str(db)]) == 0
    when = started.astimezone().strftime("%Y-%m-%d %H:%M")
    assert capsys.readouterr().out == (
        f"{when}  منظمة التعاون  practice  1/3 right (33%), 2 of 3 answered  (not finished)\n"
    )


def test_no_scores_yet_in_arabic(tmp_path: Path, capsys):
    assert main(["scores", "--lang", "ar", "--db", str(tmp_path / "empty.db")]) == 0
    assert capsys.readouterr().out == "لا جلسات بعد. شغّل quiz لتبدأ تمرينًا.\n"


def test_a_bad_quiz_lang_is_one_line_and_exit_2(scores_db, capsys, monkeypatch):
    db, _ = scores_db
    monkeypatch.setenv("QUIZ_LANG", "fr")
    assert main(["scores", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "QUIZ_LANG=fr" in err
    assert main(["scores", "--lang", "xx", "--db", str(db)]) == 2
    assert "--lang" in capsys.readouterr().err


async def test_in_reorder_mode_the_interface_rows_read_back_right_to_left(
    arabic_bank: Path, tmp_path: Path
):
    """What the default mode draws, read right to left with shaping undone, is the text."""
    bank = load_bank(arabic_bank / "oic.yaml").bank
    app, store = build_arabic(arabic_bank, tmp_path / "scores.db", play=bank, rtl_mode="reorder")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            status = canonical(read_rtl(screen_lines(app)[0].strip()))
            assert status.startswith(canonical("منظمة التعاون الإسلامي"))
            assert status.endswith(canonical("السؤال ١ من ٣ · النتيجة ٠/٠"))
            shown = app.screen.quiz.current
            right = min(shown.right)
            await pilot.press(str(right + 1))
            verdict = next(
                line for line in screen_lines(app) if canonical("صحيح") in canonical(read_rtl(line))
            )
            assert verdict.rstrip(" █").endswith("✓")  # the sign leads the row, on the right
            footer = canonical(read_rtl(screen_lines(app)[-1].split("▏")[0].strip()))
            assert canonical("التالي") in footer  # answered: Enter means "next"


async def test_letter_keys_work_from_an_arabic_keyboard_layout(arabic_bank: Path, tmp_path: Path):
    """On an Arabic layout the y key types غ and the q key ض: they do what y and q do."""
    bank = load_bank(arabic_bank / "oic.yaml").bank
    app, store = build_arabic(arabic_bank, tmp_path / "scores.db", play=bank)
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("ض")  # q: leave
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("غ")  # y: yes
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            # The footer still shows the Latin letters, once each.
            assert screen_lines(app)[-1].count(" q ") == 1
