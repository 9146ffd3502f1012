"""Every screen and dialog in Arabic, as drawn in reorder mode at 80x24 and 50x15: the rows read
back right to left (shaping undone) give the logical text, and the layout is mirrored."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import seed_session
from rich.cells import cell_len
from test_rtl import canonical, read_rtl
from textual.widgets import Button, Input, RadioButton
from ui_helpers import build, screen_lines

from quiz.bank.loader import load_bank
from quiz.ui.confirm import ConfirmScreen
from quiz.ui.exam_screen import ExamScreen
from quiz.ui.home import HomeScreen
from quiz.ui.profile_dialog import ProfileScreen
from quiz.ui.question import QuestionScreen
from quiz.ui.start_dialog import StartScreen
from quiz.ui.stats_screen import StatsScreen

SIZES = [(80, 24), (50, 15)]

BANK = """\
title: منظمة التعاون الإسلامي
language: ar
tags: [منظمات]
questions:
  - id: founded
    question: في أي مدينة تأسست المنظمة؟
    shuffle: false
    choices: [الرباط, جدة, القاهرة]
    answer: الرباط
  - id: seat
    question: أين مقر الأمانة العامة؟
    shuffle: false
    choices: [جدة, الرياض, مكة]
    answer: جدة
  - id: members
    question: كم عدد الدول الأعضاء؟
    shuffle: false
    choices: ["٥٠", "٥٧", "٦٠"]
    answer: "٥٧"
"""


@pytest.fixture
def banks(tmp_path: Path) -> Path:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "oic.yaml").write_text(BANK, encoding="utf-8")
    return folder


def reorder_app(folder: Path, db: Path, **options):
    return build(folder, db, lang="ar", rtl_mode="reorder", **options)


def read(row: str) -> str:
    """A drawn row read right to left, as an Arabic reader reads it."""
    return canonical(read_rtl(row.strip()))


def rows_reading(app, text: str) -> list[str]:
    """The rows whose reading holds `text`."""
    return [row for row in screen_lines(app) if canonical(text) in read(row)]


def right_edge(row: str) -> int:
    """The column after a row's last drawn cell (harakat take none)."""
    return cell_len(row.rstrip())


def cells(app, y: int, left: int, right: int) -> str:
    """What the screen shows on row `y` from column `left` to `right` (cells, not characters:
    a haraka is drawn with its letter)."""
    return app.screen._compositor.render_strips()[y].crop(left, right).text


def box_rows(app, box) -> list[str]:
    return [cells(app, y, box.x, box.right) for y in range(box.y, box.bottom)]


@pytest.mark.parametrize("size", SIZES)
async def test_home_reads_right_to_left(banks: Path, tmp_path: Path, size) -> None:
    app, store = reorder_app(banks, tmp_path / "scores.db")
    width = size[0]
    with store:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            header = screen_lines(app)[0]
            # The title first (on the right), then the profile (on the left).
            assert read(header).startswith(canonical("quiz · اختر بنك أسئلة"))
            assert read(header).endswith(canonical("الملف الشخصي: default"))
            assert right_edge(header) == width - 1  # one cell of padding, as on the left
            (title,) = rows_reading(app, "منظمة التعاون الإسلامي")
            # The facts: the language by its name, zero in words; on two rows at 80 and at 50
            # columns, the first words on the first row.
            start = screen_lines(app).index(title) + 1
            facts_rows = [row for row in screen_lines(app)[start : start + 2] if row.strip()]
            facts = " ".join(read(row) for row in facts_rows)
            assert facts == canonical(
                "العربية، ٣ أسئلة، الأفضل -، الأخيرة -، لا بطاقات مستحقة، "
                "٣ بطاقات جديدة اليوم، ٣ أسئلة لم تُدرس"
            )
            # Title and facts end at the same column on the right (the facts indented by 2).
            assert right_edge(facts_rows[0]) == right_edge(title) - 2
            # The footer from the right: its first key and label whole, and the essential
            # keys kept whole however narrow (the others dropped first).
            footer = screen_lines(app)[-1]
            keys = read(footer.split("▕")[-1])
            assert keys.startswith(canonical("⏎ ابدأ"))
            assert keys.endswith(canonical("t الإحصاءات u الملف الشخصي q خروج"))


async def test_a_footer_too_narrow_is_cut_at_its_logical_end(banks: Path, tmp_path: Path):
    app, store = reorder_app(banks, tmp_path / "scores.db")
    with store:
        # Too narrow even for the keys kept when others are dropped.
        async with app.run_test(size=(30, 15)) as pilot:
            await pilot.pause()
            keys = read(screen_lines(app)[-1].split("▕")[-1])
            labels = ["الإحصاءات", "الملف الشخصي", "خروج"]
            shown = keys.split(" ")
            # What is shown is the start of the footer's text, its last word a prefix of a
            # label (cut from its logical end), never the end of a word.
            full = canonical("t الإحصاءات u الملف الشخصي q خروج")
            assert full.startswith(keys) and len(keys) < len(full)
            assert any(
                canonical(label).startswith(shown[-1]) for label in [*labels, "t", "u", "q"]
            ), keys


@pytest.mark.parametrize("size", SIZES)
async def test_the_start_dialog_is_mirrored(banks: Path, tmp_path: Path, size) -> None:
    app, store = reorder_app(banks, tmp_path / "scores.db")
    with store:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, StartScreen)
            box = screen.query_one(".dialog-box").content_region
            title = box_rows(app, box)[0]
            assert read(title) == canonical("منظمة التعاون الإسلامي")
            assert right_edge(title) == box.width  # on the right of the box
            # Each mode's button on the right of its label, the labels right-aligned.
            for mode, label in [("practice", "تمرين"), ("exam", "اختبار")]:
                button = screen.query_one(f"#{mode}", RadioButton)
                row = cells(app, button.region.y, box.x, box.right)
                assert read(row.replace("▐", "").replace("●", "").replace("▌", "")) == label
                assert row.rstrip().endswith("▌") and right_edge(row) == box.width
            # The question on the right of its row, its field just left of it.
            count = screen.query_one("#count", Input).region
            asked = screen.query_one("#count-label").region
            assert asked.right == box.right and asked.y == count.y
            assert count.right == asked.x
            question = cells(app, asked.y, asked.x, asked.right)
            # The range 1-3 in Arabic-Indic digits: UAX #9 draws two such numbers apart by a
            # hyphen in right-to-left order (read from the right: 1 to 3); the test's reader
            # takes a digit run left to right, so it reads the cells as they are.
            assert read(question) == canonical("كم سؤالًا تريد؟ (٣-١)")
            # Start, the first button, is on the right of Cancel.
            start = screen.query_one("#start", Button).region
            cancel = screen.query_one("#cancel", Button).region
            assert start.x > cancel.x
            # An exam asks for its time limit, also on the right.
            await pilot.click("#exam")
            await pilot.pause()
            assert screen.mode == "exam"
            limit = screen.query_one("#time-limit", Input).region
            label = screen.query_one("#time-label").region
            # On the right too, left of its label (the dialog fits 50x15: no scroll bar).
            assert label.right == box.right and limit.right == label.x


@pytest.mark.parametrize("size", SIZES)
async def test_confirm_and_profile_dialogs_are_mirrored(banks: Path, tmp_path: Path, size):
    app, store = reorder_app(banks, tmp_path / "scores.db")
    with store:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("u")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ProfileScreen)
            box = screen.query_one(".dialog-box").content_region
            title = box_rows(app, box)[0]
            assert read(title) == canonical("من يتدرّب الآن؟")
            assert right_edge(title) == box.width
            assert rows_reading(app, "اكتب اسمًا جديدًا، أو اختر بالسهمين:")
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("enter")  # practice, 3 questions
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            await pilot.press("escape")
            await pilot.pause()
            confirm = app.screen
            assert isinstance(confirm, ConfirmScreen)
            assert rows_reading(app, "هل تريد مغادرة هذه الجلسة؟")
            yes = confirm.query_one("#yes", Button).region
            no = confirm.query_one("#no", Button).region
            assert yes.x > no.x  # "yes", the first, on the right


@pytest.mark.parametrize("size", SIZES)
async def test_choices_answer_by_their_letters_and_read_right_to_left(
    banks: Path, tmp_path: Path, size
) -> None:
    bank = load_bank(banks / "oic.yaml").bank
    app, store = reorder_app(banks, tmp_path / "scores.db", play=bank)
    with store:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            assert len(rows_reading(app, "في أي مدينة تأسست المنظمة؟")) == 1
            for letter, choice in [("أ.", "الرباط"), ("ب.", "جدة"), ("ج.", "القاهرة")]:
                (row,) = rows_reading(app, f"{letter} {choice}")
                assert read(row) == canonical(f"{letter} {choice}")
            footer = screen_lines(app)[-1].split("▕")[-1]
            assert read(footer).startswith(canonical("أ-ج أجب"))  # the range of its three choices
            # ج answers with the third choice: wrong (the answer is الرباط), saved at once.
            await pilot.press("ج")
            await pilot.pause()
            answers = store.answers(screen.quiz.session_id)
            assert len(answers) == 1 and not screen.quiz.outcomes[0].correct
            assert rows_reading(app, "✗ خطأ. الإجابة الصحيحة هي:")
            # The right answer, missed, is underlined under its words only.
            (row_number,) = [
                n
                for n, row in enumerate(screen_lines(app))
                if read(row) == canonical("✓ أ. الرباط")
            ]
            strip = app.screen._compositor.render_strips()[row_number]
            underlined = "".join(s.text for s in strip if s.style and s.style.underline)
            assert canonical(read_rtl(underlined)) == canonical("✓ أ. الرباط")
            assert not underlined.startswith(" ") and not underlined.endswith(" ")
            await pilot.press("enter")
            await pilot.press("ب")  # جدة: right
            await pilot.pause()
            assert screen.quiz.outcomes[1].correct


@pytest.mark.parametrize("size", SIZES)
async def test_the_exam_reads_right_to_left_with_one_digit_style(
    banks: Path, tmp_path: Path, size
) -> None:
    bank = load_bank(banks / "oic.yaml").bank
    app, store = reorder_app(banks, tmp_path / "scores.db", play=bank, mode="exam", time_limit=600)
    with store:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ExamScreen)
            status = read(screen_lines(app)[0])
            # The title whole, even at 50 columns: there the status line is the short one.
            assert status.startswith(canonical("منظمة التعاون الإسلامي"))
            if size[0] == 80:
                assert canonical("السؤال ١ من ٣ · أُجيب ٠ من ٣") in status
                assert canonical("الوقت المتبقي ١٠:٠٠") in status
            else:
                assert status.endswith(canonical("١/٣ · أُجيب ٠ · ١٠:٠٠"))
            assert not any(c.isascii() and c.isdigit() for c in status)
            await pilot.press("ب")
            await pilot.pause()
            assert screen.exam.current_picks == {1}
            (row,) = rows_reading(app, "ب. جدة")
            assert "(•)" in row


async def test_statistics_bars_grow_from_the_right(banks: Path, tmp_path: Path) -> None:
    app, store = reorder_app(banks, tmp_path / "scores.db")
    with store:
        seed_session(
            store,
            bank=str((banks / "oic.yaml").resolve()),
            title="منظمة التعاون الإسلامي",
            results={"founded": True, "seat": False, "members": False},
        )
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("t")
            await pilot.pause()
            await pilot.pause(0.3)
            assert isinstance(app.screen, StatsScreen)
            rows = [row for row in screen_lines(app) if "█" in row and "░" in row]
            # The score chart's line: 1 right of 3 planned, 10 cells filled from the right.
            (score,) = [row for row in rows if sum(c in "█░" for c in row) == 10]
            assert "".join(c for c in score if c in "█░") == "░" * 7 + "█" * 3, score
            (row,) = [row for row in rows if sum(c in "█░" for c in row) == 20]
            bar = row.strip().split(" ")[-1] if row.rstrip()[-1] in "█░" else row
            cells = "".join(c for c in row if c in "█░")
            # One right in three: a third of the bar, filled from the right.
            assert cells == "░" * 13 + "█" * 7, bar
            assert read(row).endswith(canonical("منظمات (٣ إجابات)"))


async def test_the_keys_panel_and_the_command_palette_speak_arabic(banks: Path, tmp_path: Path):
    app, store = reorder_app(banks, tmp_path / "scores.db")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            # The Keys panel is the help screen (F1, ?): the keys of this screen, in Arabic.
            await pilot.press("f1")
            await pilot.pause()
            panel = [
                row[row.index("│") + 1 : row.rindex("│")].strip()
                for row in screen_lines(app)
                if row.count("│") >= 2
            ]
            read_panel = [read(row) for row in panel]
            # Textual's own keys (the bank list's) by their Arabic names, each name whole on its
            # row, read from the right: the key first.
            for key, words in (("↑", "أعلى"), ("home", "الأول"), ("pgdn", "صفحة تالية")):
                assert f"{key} {canonical(words)}" in read_panel, "|".join(read_panel)
            # Keys that do nothing worth saying here are not listed (Tab: one widget to focus).
            assert not any(row.startswith("tab ") for row in read_panel), read_panel
            assert not any(
                word in " ".join(panel) for word in ("Up", "First", "Page", "Focus", "Copy")
            )
            await pilot.press("escape")
            await pilot.pause()
            # Tall enough for every command: the app's own are listed beside Textual's.
            await pilot.resize_terminal(80, 40)
            await pilot.press("ctrl+p")
            await pilot.pause(0.5)
            shown = [read(row) for row in screen_lines(app)]
            for title in ("مراجعة كل البنوك", "الإحصاءات", "اللغة: English", "مفاتيح هذه الشاشة"):
                assert any(canonical(title) in row for row in shown), shown
            for title in ("لقطة شاشة", "السمة", "خروج", "المفاتيح"):
                assert canonical(title) in shown
            assert canonical("اخرج من البرنامج في الحال") in shown
            assert not any(word in screen_lines(app) for word in ("Quit", "Theme", "Keys"))
            # The search field's placeholder too, and the Theme command's own palette's.
            (search,) = [row for row in screen_lines(app) if "🔎" in row]
            assert read(search.replace("🔎", "").strip()) == canonical("ابحث عن أمر…")
            # What the Theme command runs (the order the commands are listed in is not fixed:
            # the app's own and Textual's are gathered side by side), in the app's own context.
            await pilot.press("escape")
            await pilot.pause()
            app.call_later(app.search_themes)
            await pilot.pause(0.5)
            (search,) = [row for row in screen_lines(app) if "🔎" in row]
            assert read(search.replace("🔎", "").strip()) == canonical("ابحث عن سمة…")


async def test_the_command_palette_keeps_its_english_words(banks: Path, tmp_path: Path) -> None:
    app, store = build(banks, tmp_path / "scores.db")
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("ctrl+p")
            await pilot.pause(0.5)
            assert any("🔎 Search for commands…" in row for row in screen_lines(app))
