"""Right-to-left layout (quiz.text.rtl): shaping, wrapping and reordering Arabic for a terminal.

The round-trip helpers here read laid-out rows back as a person reads them (right to left, marks
with their letter, shaping undone with NFKC) and are shared with tests/test_rtl_ui.py.
"""

from __future__ import annotations

import re
import unicodedata

import bidi
import pytest
from arabic_reshaper import ArabicReshaper
from bidi.algorithm import get_display
from rich.cells import cell_len

from quiz.text import rtl
from quiz.text.rtl import EXPLICIT, IMPLICIT, Line, choice_label, choose_mode, layout

WIDTHS = (30, 40, 80)

# Harakat (shadda, tanween, sukun, superscript alef), lam-alef (لا لأ), European and Arabic-Indic
# digits, Latin words, brackets round Arabic and round Latin.
QUESTION = (
    "في أيّ عامٍ تأسّست منظمة التعاون الإسلامي (OIC) في الرباط؟ لا، بل تأسّست عام 1969 "
    "(١٩٦٩ بالأرقام العربية) لأجل حماية المسجد الأقصى Al-Aqsa."
)
BRACKETS = "ما الاسم الكامل للمنظمة (منظمة التعاون الإسلامي) التي تضمّ ٥٧ دولة؟"
HARAKAT = "بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ، لَا إِلَٰهَ إِلَّا هُوَ"
ENGLISH_IN_ARABIC = "اختصار OIC هو Organisation of Islamic Cooperation بالإنجليزية."
ARABIC_IN_ENGLISH = (
    "The Al-Aqsa Mosque (المسجد الأقصى) is in Jerusalem; the OIC was founded in 1969. "
    "In Arabic it is called منظمة التعاون الإسلامي."
)
ENGLISH = "Which city hosted the first summit of the OIC in 1969? (It was Rabat, Morocco.)"

RTL_TEXTS = [QUESTION, BRACKETS, HARAKAT, ENGLISH_IN_ARABIC]

# -- reading rows back ----------------------------------------------------------------------------

_MIRROR = str.maketrans("()[]{}<>", ")(][}{><")
# In a right-to-left line, Latin words and numbers keep their own left-to-right order.
_LTR_RUN = re.compile(r"[A-Za-z0-9\u0660-\u0669]+(?:(?:[-./:,]| )[A-Za-z0-9\u0660-\u0669]+)*")
_ARABIC = "\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff"
# In a left-to-right line, a run of Arabic words (and the marks on them) reads right to left.
_RTL_RUN = re.compile(f"[{_ARABIC}](?:[{_ARABIC} ]*[{_ARABIC}])?")
_HARAKA = "[\u064b-\u065f\u0670]"


def clusters(text: str) -> list[str]:
    """Characters, each with the combining marks that follow it."""
    found: list[str] = []
    for char in text:
        if found and unicodedata.combining(char):
            found[-1] += char
        else:
            found.append(char)
    return found


def read_rtl(row: str) -> str:
    """A right-to-left row as read: right to left, marks kept, Latin and digits left to right."""
    backwards = "".join(reversed(clusters(row)))
    parts: list[str] = []
    position = 0
    for match in _LTR_RUN.finditer(backwards):
        parts.append(backwards[position : match.start()].translate(_MIRROR))
        parts.append(match.group()[::-1])
        position = match.end()
    parts.append(backwards[position:].translate(_MIRROR))
    return "".join(parts)


def read_ltr(row: str) -> str:
    """A left-to-right row as read: left to right, each run of Arabic right to left."""
    return _RTL_RUN.sub(lambda match: read_rtl(match.group()), row)


def canonical(text: str) -> str:
    """Text compared as a reader sees it: shaping undone, no tatweel, spaces normalised.

    A mark on the lam of a lam-alef ligature is drawn on the ligature's one cell, so it reads
    after the alef: both sides are compared with it there.
    """
    text = unicodedata.normalize("NFKC", text).replace("\u0640", "")
    text = re.sub(f"ل({_HARAKA}+)([اأإآ])", r"ل\2\1", text)
    return " ".join(text.split())


def read_back(lines: list[Line] | tuple[Line, ...]) -> str:
    """Laid-out rows (reorder mode) read in order and joined with spaces."""
    return " ".join(read_rtl(line.text) if line.rtl else read_ltr(line.text) for line in lines)


# -- choosing the mode ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "reorder"),
        ({"VTE_VERSION": "7600"}, "reorder"),
        ({"TERM_PROGRAM": "WezTerm"}, "reorder"),
        ({"KONSOLE_VERSION": "230805"}, "terminal"),
        ({"MLTERM": "3.9.3"}, "terminal"),
        ({"TERM_PROGRAM": "Apple_Terminal"}, "terminal"),
        ({"TERM_PROGRAM": "iTerm.app"}, "reorder"),
        # GNOME Terminal started from Konsole inherits KONSOLE_VERSION; its own VTE wins.
        ({"KONSOLE_VERSION": "230805", "VTE_VERSION": "7600"}, "reorder"),
        ({"KONSOLE_VERSION": "230805", "TERM_PROGRAM": "tmux"}, "terminal"),
    ],
)
def test_auto_picks_by_terminal(env: dict[str, str], expected: str) -> None:
    assert choose_mode("auto", env) == expected
    assert choose_mode(None, env) == expected


def test_the_option_wins_over_the_variable_and_the_terminal() -> None:
    konsole = {"KONSOLE_VERSION": "1", "QUIZ_RTL": "terminal"}
    assert choose_mode("reorder", konsole) == "reorder"
    assert choose_mode(None, konsole) == "terminal"
    assert choose_mode(None, {"QUIZ_RTL": " Reorder ", "MLTERM": "1"}) == "reorder"
    assert choose_mode(None, {"QUIZ_RTL": "auto", "MLTERM": "1"}) == "terminal"


@pytest.mark.parametrize(
    ("setting", "env", "named"), [("left", {}, "--rtl"), (None, {"QUIZ_RTL": "x"}, "QUIZ_RTL")]
)
def test_a_bad_mode_is_one_clear_line(setting: str | None, env: dict[str, str], named: str) -> None:
    with pytest.raises(ValueError, match=f"^{named} .*choose auto, reorder or terminal$"):
        choose_mode(setting, env)


def test_the_escapes_are_ecma48_bdsm() -> None:
    assert (EXPLICIT, IMPLICIT) == ("\x1b[8l", "\x1b[8h")


# -- direction ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "default", "expected"),
    [
        ("ما عاصمة المغرب؟", False, True),
        ("Which city?", True, False),
        ("OIC هي منظمة", True, False),  # the first strong letter decides
        ("(١٩٦٩) منظمة", False, True),  # digits are not strong
        ("1969", True, True),
        ("1969", False, False),
        ("... ?", True, True),
        ("\u200fOIC", False, True),  # a right-to-left mark counts
    ],
)
def test_paragraph_direction(text: str, default: bool, expected: bool) -> None:
    assert rtl.paragraph_direction(text, default) is expected


def test_each_paragraph_has_its_own_direction() -> None:
    text = "ما عاصمة المغرب؟\nWhich city is the capital?\n1969"
    assert [line.rtl for line in layout(text, 80, rtl_default=True, mode="reorder")] == [
        True,
        False,
        True,
    ]
    assert [line.rtl for line in layout(text, 80, rtl_default=False, mode="terminal")] == [
        True,
        False,
        False,
    ]


# -- measuring ------------------------------------------------------------------------------------


def _samples() -> list[str]:
    ranges = [
        (0x20, 0x7F),  # ASCII
        (0xA0, 0x250),  # Latin-1 and Latin Extended
        (0x591, 0x5F5),  # Hebrew
        (0x600, 0x700),  # Arabic, harakat included
        (0x750, 0x780),  # Arabic Supplement
        (0x8A0, 0x900),  # Arabic Extended-A
        (0xFB50, 0xFE00),  # Arabic Presentation Forms-A
        (0xFE70, 0xFEFF),  # Arabic Presentation Forms-B
        (0x4E00, 0x4E40),  # CJK
        (0x3040, 0x30A0),  # Hiragana
        (0xAC00, 0xAC40),  # Hangul syllables
        (0xFF01, 0xFF20),  # full-width forms
    ]
    chars = [chr(cp) for start, end in ranges for cp in range(start, end)]
    return [c for c in chars if unicodedata.category(c) != "Cn"]


def test_cell_width_agrees_with_rich_char_by_char() -> None:
    wrong = {
        f"U+{ord(c):04X}": (rtl.cell_width(c), cell_len(c))
        for c in _samples()
        if rtl.cell_width(c) != cell_len(c)
    }
    assert wrong == {}


@pytest.mark.parametrize(
    "text",
    [QUESTION, HARAKAT, ENGLISH, "中文字符 and ﻻ ﻷ", "مُحَمَّدٌ", "ｆｕｌｌ　ｗｉｄｔｈ"],
)
def test_cell_width_agrees_with_rich_on_text(text: str) -> None:
    assert rtl.cell_width(text) == cell_len(text)
    shaped = rtl.shape(text)
    assert rtl.cell_width(shaped) == cell_len(shaped)


# -- shaping --------------------------------------------------------------------------------------


def test_shaping_keeps_harakat_after_their_letter() -> None:
    word = "بِسْمِ"
    shaped = rtl.shape(word)
    assert [c for c in shaped if unicodedata.combining(c)] == ["\u0650", "\u0652", "\u0650"]
    assert [unicodedata.combining(c) > 0 for c in shaped] == [False, True] * 3
    assert unicodedata.normalize("NFKC", shaped) == word


def test_shaping_makes_lam_alef_but_not_the_allah_ligature() -> None:
    shaped = rtl.shape("لا لأ الله")
    assert "\ufdf2" not in shaped  # the one-glyph Allah, one cell measured but wider drawn
    assert "\ufefb" in shaped and "\ufef7" in shaped  # lam-alef, lam-alef with hamza
    assert rtl.cell_width(shaped) == len("لا لأ الله") - 2


def test_shaping_word_by_word_with_settings_read_once_is_the_reshaper_as_configured() -> None:
    reference = ArabicReshaper(
        configuration={
            "delete_harakat": False,
            "shift_harakat_position": False,
            "ARABIC LIGATURE ALLAH": False,
        }
    )
    for text in [QUESTION, BRACKETS, HARAKAT, ENGLISH_IN_ARABIC, ARABIC_IN_ENGLISH, "لَا  لأ"]:
        assert rtl.shape(text) == reference.reshape(text)


def test_the_characters_removed_before_bidi_are_those_bidi_drops() -> None:
    dropped = {"BN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
    wrong = [
        f"U+{cp:04X}"
        for cp in range(0x110000)
        if (unicodedata.bidirectional(chr(cp)) in dropped)
        != bool(rtl.INVISIBLE_TO_BIDI.fullmatch(chr(cp)))
    ]
    assert wrong == []


def test_shifted_harakat_would_put_a_mark_on_the_space_before_a_word() -> None:
    # Why quiz.text.rtl does L3 itself instead of arabic-reshaper's shift_harakat_position=True:
    # in an English paragraph the first letter's kasra lands before the word, on the space.
    shifted = ArabicReshaper(
        configuration={"delete_harakat": False, "shift_harakat_position": True}
    ).reshape("the word بِسْمِ here")
    shown = get_display(shifted, base_dir="L")
    assert shown.index("\u0650") == len("the word ")
    ours = layout("the word بِسْمِ here", 80, rtl_default=False, mode="reorder")[0].text
    assert not unicodedata.combining(ours[len("the word ")])
    assert canonical(read_ltr(ours)) == canonical("the word بِسْمِ here")


# -- reordering -----------------------------------------------------------------------------------


def test_brackets_are_mirrored_in_right_to_left_text() -> None:
    (line,) = layout("أ (ب) ج", 80, rtl_default=True, mode="reorder")
    assert unicodedata.normalize("NFKC", line.text) == "ج (ب) أ"
    # The Rust get_display, python-bidi's default, does not mirror them (python-bidi#25).
    assert unicodedata.normalize("NFKC", bidi.get_display("أ (ب) ج", base_dir="R")) == "ج )ب( أ"


def test_brackets_round_arabic_in_english_stay_round_it() -> None:
    text = "Al-Aqsa (المسجد الأقصى) 1969"
    (line,) = layout(text, 80, rtl_default=False, mode="reorder")
    assert line.text.startswith("Al-Aqsa (") and line.text.endswith(") 1969")
    assert canonical(read_ltr(line.text)) == canonical(text)
    # Without rule N0 (python-bidi's own get_display) the number jumps into the brackets.
    assert get_display(rtl.shape(text), base_dir="L").startswith("Al-Aqsa (1969 (")


def test_without_brackets_or_marks_a_line_is_what_get_display_gives() -> None:
    for text, base in [
        ("تأسست المنظمة عام 1969 في الرباط وتضم ٥٧ دولة، ومقرها جدة.", "R"),
        ("اختصار OIC هو Organisation of Islamic Cooperation.", "R"),
        ("It is called منظمة التعاون الإسلامي in Arabic, since 1969.", "L"),
    ]:
        shaped = rtl.shape(text)
        (line,) = layout(text, 200, rtl_default=base == "R", mode="reorder")
        assert line.text == get_display(shaped, base_dir=base)


def test_bidi_levels_are_resolved_per_paragraph_not_per_visual_line() -> None:
    # An Arabic paragraph whose second line, at width 8, is "OIC, UN;". In the paragraph the
    # ";" sits between two Latin words (UN and WHO), so it is Latin and stays after "UN".
    # Resolved on the line alone it would end a right-to-left line and go to its left edge.
    text = "الأمم OIC, UN; WHO"
    lines = layout(text, 8, rtl_default=True, mode="reorder")
    assert [line.text for line in lines[1:]] == ["OIC, UN;", "WHO"]
    assert all(line.rtl for line in lines)  # the paragraph is right-to-left: its first letter
    # What resolving the second line as a paragraph of its own gives, for contrast.
    assert get_display("OIC, UN;", base_dir="R") == ";OIC, UN"


def test_numbers_and_latin_keep_their_order_in_arabic() -> None:
    (line,) = layout("عام 1969 و١٩٦٩ و OIC", 80, rtl_default=True, mode="reorder")
    assert "1969" in line.text and "١٩٦٩" in line.text and "OIC" in line.text


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("text", RTL_TEXTS)
def test_arabic_reads_back_in_order(text: str, width: int) -> None:
    lines = layout(text, width, rtl_default=True, mode="reorder")
    assert all(line.rtl for line in lines)
    assert all(cell_len(line.text) <= width for line in lines)
    assert canonical(read_back(lines)) == canonical(text)


@pytest.mark.parametrize("width", WIDTHS)
def test_arabic_in_english_reads_back_in_order(width: int) -> None:
    lines = layout(ARABIC_IN_ENGLISH, width, rtl_default=True, mode="reorder")
    assert not any(line.rtl for line in lines)
    assert all(cell_len(line.text) <= width for line in lines)
    assert canonical(read_back(lines)) == canonical(ARABIC_IN_ENGLISH)


@pytest.mark.parametrize("width", WIDTHS)
def test_marks_follow_a_letter_on_screen(width: int) -> None:
    for text in [*RTL_TEXTS, "the word بِسْمِ here and لَا too"]:
        for line in layout(text, width, rtl_default=True, mode="reorder"):
            for index, char in enumerate(line.text):
                if unicodedata.combining(char):
                    before = line.text[index - 1]
                    assert index > 0 and (
                        unicodedata.combining(before) or unicodedata.bidirectional(before) == "AL"
                    ), (line.text, index)


@pytest.mark.parametrize("width", WIDTHS)
def test_terminal_mode_keeps_logical_order_unshaped(width: int) -> None:
    for text in [*RTL_TEXTS, ARABIC_IN_ENGLISH]:
        lines = layout(text, width, rtl_default=True, mode="terminal")
        assert all(cell_len(line.text) <= width for line in lines)
        assert " ".join(line.text for line in lines) == " ".join(text.split())
        assert not any("\ufb50" <= c <= "\ufeff" for line in lines for c in line.text)


@pytest.mark.parametrize("width", WIDTHS)
def test_english_is_unchanged(width: int) -> None:
    for mode in ("reorder", "terminal"):
        lines = layout(ENGLISH, width, rtl_default=True, mode=mode)
        assert not any(line.rtl for line in lines)
        assert " ".join(line.text for line in lines) == ENGLISH


# -- wrapping -------------------------------------------------------------------------------------


def test_wrapped_lines_have_no_edge_spaces_and_keep_inner_ones() -> None:
    text = "one  two three four five six seven eight nine ten"
    lines = layout(text, 12, rtl_default=False, mode="reorder")
    assert [line.text for line in lines] == [
        "one  two",
        "three four",
        "five six",
        "seven eight",
        "nine ten",
    ]


def test_the_first_line_keeps_its_indent_and_tabs_become_spaces() -> None:
    lines = layout("\tcode here\nnext", 40, rtl_default=False, mode="reorder")
    assert [line.text for line in lines] == ["    code here", "next"]


def test_a_word_longer_than_the_line_is_cut() -> None:
    lines = layout("x " + "a" * 70, 30, rtl_default=False, mode="reorder")
    assert [line.text for line in lines] == ["x", "a" * 30, "a" * 30, "a" * 10]


def test_a_long_arabic_word_is_cut_between_letters_not_marks() -> None:
    word = "مُسْتَشْفَيَاتُهُمْ" * 4
    for mode in ("reorder", "terminal"):
        lines = layout(word, 10, rtl_default=True, mode=mode)
        assert len(lines) > 1
        assert all(cell_len(line.text) <= 10 for line in lines)
        assert not any(unicodedata.combining(line.text[0]) for line in lines if mode == "terminal")
    read = read_back(layout(word, 10, rtl_default=True, mode="reorder"))
    assert canonical(read).replace(" ", "") == canonical(word)


def test_empty_and_blank_paragraphs_are_blank_lines() -> None:
    lines = layout("أ\n\nب", 20, rtl_default=True, mode="reorder")
    assert [unicodedata.normalize("NFKC", line.text) for line in lines] == ["أ", "", "ب"]
    assert layout("", 20, rtl_default=True, mode="reorder") == (Line("", True),)


def test_lam_alef_is_measured_after_shaping() -> None:
    # Ten "لا" words are 29 cells shaped (20 unshaped letters would not fit with the spaces).
    text = " ".join(["لا"] * 10)
    assert len(layout(text, 19, rtl_default=True, mode="reorder")) == 1
    assert len(layout(text, 19, rtl_default=True, mode="terminal")) == 2


# -- the prefix (a choice's label) ----------------------------------------------------------------


def test_an_arabic_label_is_on_the_right_and_later_lines_hang() -> None:
    prefix = f"{choice_label(0, arabic=True)} "
    lines = layout(BRACKETS, 30, rtl_default=True, mode="reorder", prefix=prefix)
    first, *rest = lines
    assert unicodedata.normalize("NFKC", first.text).endswith(" .أ")
    start, end = first.prefix
    assert unicodedata.normalize("NFKC", first.text[start:end]) == " .أ"
    assert all(line.text.endswith("   ") for line in rest)
    assert canonical(read_back(lines)) == canonical(prefix + BRACKETS)


def test_in_terminal_mode_the_label_comes_first_and_the_hang_last() -> None:
    lines = layout(BRACKETS, 30, rtl_default=True, mode="terminal", prefix="أ. ")
    assert lines[0].text.startswith("أ. ") and lines[0].prefix == (0, 3)
    assert all(line.text.endswith("   ") for line in lines[1:])


def test_an_english_label_is_on_the_left() -> None:
    lines = layout(ENGLISH, 30, rtl_default=False, mode="reorder", prefix="1. ")
    assert lines[0].text.startswith("1. Which")
    assert all(line.text.startswith("   ") for line in lines[1:])


def test_an_arabic_label_makes_an_english_choice_right_to_left() -> None:
    (line,) = layout(
        "Organisation of Islamic Cooperation", 60, rtl_default=True, mode="reorder", prefix="ج. "
    )
    assert line.rtl
    assert unicodedata.normalize("NFKC", line.text) == "Organisation of Islamic Cooperation .ج"
    (line,) = layout("الأمانة العامة", 60, rtl_default=False, mode="reorder", prefix="1. ")
    assert line.rtl and line.text.endswith(" .1")
    # A Latin sign in the prefix does not turn an Arabic row round.
    (line,) = layout("الأمانة العامة", 60, rtl_default=True, mode="reorder", prefix="[x] ب. ")
    assert line.rtl
    assert line.text.endswith(" .ﺏ [x]")
    assert canonical(read_rtl(line.text)) == canonical("[x] ب. الأمانة العامة")
    (line,) = layout("The secretariat", 60, rtl_default=True, mode="reorder", prefix="[x] 2. ")
    assert not line.rtl and line.text == "[x] 2. The secretariat"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("ar", True),
        ("ar-EG", True),
        ("fa", True),
        ("he", True),
        ("ur", True),
        ("en", False),
        ("fr-CA", False),
        ("", False),
        (None, False),
        ("ku", False),  # Kurmanji is written in Latin letters; Sorani is ckb
        ("ku-Arab", True),
        ("ckb", True),
        ("az-Arab", True),
        ("uz-Latn", False),
    ],
)
def test_rtl_language(tag: str | None, expected: bool) -> None:
    assert rtl.rtl_language(tag) is expected


def test_visual_line_for_a_plain_string_label() -> None:
    assert rtl.visual_line("Quit", rtl_default=True, mode="reorder") == "Quit"
    shown = rtl.visual_line("خروج (q)", rtl_default=True, mode="reorder")
    assert unicodedata.normalize("NFKC", shown) == "(q) جورخ"
    assert rtl.visual_line("خروج\n(q)", rtl_default=True, mode="terminal") == "خروج (q)"


def test_choice_labels() -> None:
    assert [choice_label(i, arabic=False) for i in range(3)] == ["1.", "2.", "3."]
    arabic = [choice_label(i, arabic=True) for i in range(10)]
    assert arabic == ["أ.", "ب.", "ج.", "د.", "هـ.", "و.", "ز.", "ح.", "ط.", "ي."]
    assert choice_label(28, arabic=True) == "٢٩."


# -- cache and hygiene ----------------------------------------------------------------------------


def test_layout_is_cached_per_text_and_width() -> None:
    layout.cache_clear()
    first = layout(QUESTION, 40, rtl_default=True, mode="reorder")
    assert layout(QUESTION, 40, rtl_default=True, mode="reorder") is first
    assert layout.cache_info().hits == 1
    assert layout(QUESTION, 41, rtl_default=True, mode="reorder") is not first
    assert layout.cache_info().maxsize == 4096


def test_a_long_prefix_in_a_narrow_box_gets_a_row_of_its_own() -> None:
    prefix = "✗ Wrong. The answer is: "
    lines = layout(
        "General Secretariat of the OIC", 30, rtl_default=False, mode="reorder", prefix=prefix
    )
    assert [line.text for line in lines] == [prefix, "General Secretariat of the OIC"]
    # Wide enough, the prefix leads the text's first row as before.
    wide = layout(
        "General Secretariat of the OIC", 80, rtl_default=False, mode="reorder", prefix=prefix
    )
    assert [line.text for line in wide] == [prefix + "General Secretariat of the OIC"]
