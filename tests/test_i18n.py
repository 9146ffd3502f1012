"""The translation layer: complete catalogues, plural forms, digits, dates, language choice."""

from __future__ import annotations

import ast
import re
from datetime import datetime
from pathlib import Path

import pytest
from conftest import ROOT

from quiz.text import i18n
from quiz.text.i18n import (
    CATALOGUES,
    PLURAL_FORMS,
    choice_label,
    choose_digits,
    choose_language,
    digits,
    format_datetime,
    placeholders,
    plural_form,
    t,
)
from quiz.text.settings import Settings, use, using

SOURCE = ROOT / "quiz"
# Where `t()` is given a key chosen at run time, from keys marked with `translatable()` (or, for
# the problems in bank files, with `said()`, which `t()` writes out when they are read).
DYNAMIC_KEYS = {
    SOURCE / "text" / "wording.py",
    SOURCE / "ui" / "localize.py",
    SOURCE / "ui" / "commands.py",
    SOURCE / "cli" / "parser.py",
}


def literal_keys(expr: ast.expr) -> list[str]:
    """The keys an argument can be: a string, or either side of `"a" if x else "b"`."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return [expr.value]
    if isinstance(expr, ast.IfExp):
        body, orelse = literal_keys(expr.body), literal_keys(expr.orelse)
        return body + orelse if body and orelse else []
    return []


def keys_used_in_source() -> dict[str, list[tuple[Path, int, set[str] | None]]]:
    """Every key given to `t(...)` or `translatable(...)` under quiz/, with where and what values.

    Read with `ast`, so a key chosen by a conditional (`t("a" if x else "b")`) counts both.
    The values are the keyword names passed to `t` (None for `translatable`, which takes none).
    """
    used: dict[str, list[tuple[Path, int, set[str] | None]]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in ("t", "translatable", "said"):
                continue
            assert node.args, f"{path}:{node.lineno}: {node.func.id}() without a key"
            keys = literal_keys(node.args[0])
            if not keys and path in DYNAMIC_KEYS:
                continue
            # A key built at run time could not be checked here: every key is written out.
            assert keys, f"{path}:{node.lineno}: the key of {node.func.id}() is not written out"
            names = (
                {k.arg for k in node.keywords if k.arg} if node.func.id != "translatable" else None
            )
            for key in keys:
                used.setdefault(key, []).append((path, node.lineno, names))
    return used


def test_both_catalogues_have_the_same_keys() -> None:
    en, ar = CATALOGUES["en"], CATALOGUES["ar"]
    assert sorted(set(en) - set(ar)) == []
    assert sorted(set(ar) - set(en)) == []


# Arabic entries with no Arabic script in them: a sign, or values only.
NO_WORDS = {"percent.none", "cli.stats.right_value", "cli.stats.trend", "problem.yaml_context"}


def test_every_key_has_an_arabic_entry_written_in_arabic() -> None:
    """The interface's and the command line's keys alike: none falls back to English, and
    no Arabic entry is an English text left in place."""
    arabic = CATALOGUES["ar"]
    assert "cli.argparse.usage" in arabic and "home.title" in arabic  # the two catalogues
    for key, message in CATALOGUES["en"].items():
        assert key in arabic, f"{key!r} has no Arabic entry"
        forms = [arabic[key]] if isinstance(arabic[key], str) else list(arabic[key].values())
        for form in forms:
            if key not in NO_WORDS:
                assert form != message, key
                assert re.search("[\u0600-\u06ff]", form), f"{key!r}: {form!r} is not Arabic"


def test_every_placeholder_exists_in_both_catalogues() -> None:
    for key, message in CATALOGUES["en"].items():
        assert placeholders(message) == placeholders(CATALOGUES["ar"][key]), key


def test_plural_keys_give_every_form_of_their_language() -> None:
    en, ar = CATALOGUES["en"], CATALOGUES["ar"]
    plural_keys = {key for key, message in en.items() if not isinstance(message, str)}
    assert plural_keys == {key for key, message in ar.items() if not isinstance(message, str)}
    assert plural_keys  # there are counts in the interface
    for lang, forms in PLURAL_FORMS.items():
        for key in plural_keys:
            assert sorted(CATALOGUES[lang][key]) == sorted(forms), (lang, key)
            assert "count" in placeholders(CATALOGUES[lang][key]), (lang, key)


def test_every_key_used_in_the_code_exists_with_the_values_it_needs() -> None:
    used = keys_used_in_source()
    assert "question.status" in used and "footer.answer" in used  # the scan finds the calls
    for key, places in used.items():
        where = ", ".join(f"{path.relative_to(ROOT)}:{line}" for path, line, _ in places)
        assert key in CATALOGUES["en"], f"{key!r} (used at {where}) is not in the catalogue"
        for path, line, names in places:
            if names is not None:
                needed = placeholders(CATALOGUES["en"][key])
                assert names == needed, f"{path.relative_to(ROOT)}:{line}: {key}"


def test_every_catalogue_key_is_used() -> None:
    unused = set(CATALOGUES["en"]) - set(keys_used_in_source())
    assert sorted(unused) == []


def test_every_template_formats_in_both_languages() -> None:
    for lang, catalogue in CATALOGUES.items():
        use(Settings.of(lang))
        for key, message in catalogue.items():
            values = {name: 7 for name in placeholders(message)}
            assert t(key, **values), (lang, key)


def test_arabic_plural_forms_follow_cldr() -> None:
    forms = {n: plural_form(n, "ar") for n in (0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103, 111)}
    assert forms == {
        0: "zero",
        1: "one",
        2: "two",
        3: "few",
        10: "few",
        11: "many",
        99: "many",
        100: "other",
        101: "other",
        102: "other",
        103: "few",
        111: "many",
    }
    assert [plural_form(n, "en") for n in (0, 1, 2, 100)] == ["other", "one", "other", "other"]
    assert plural_form(1.5, "ar") == "other"


def test_arabic_counts_read_as_arabic_counts() -> None:
    use(Settings("ar", "arabic"))
    said = {n: t("home.questions", count=n) for n in (0, 1, 2, 3, 11, 100)}
    assert said == {
        0: "لا أسئلة",
        1: "سؤال واحد",
        2: "سؤالان",
        3: "٣ أسئلة",
        11: "١١ سؤالًا",
        100: "١٠٠ سؤال",
    }
    assert t("leave.saved", count=3) == "حُفظت ٣ إجابات."
    assert t("leave.saved", count=11) == "حُفظت ١١ إجابةً."
    use(Settings("ar", "latin"))
    assert t("home.questions", count=100) == "100 سؤال"


def test_english_counts() -> None:
    assert [t("home.questions", count=n) for n in (0, 1, 2)] == [
        "0 questions",
        "1 question",
        "2 questions",
    ]
    assert t("leave.saved", count=1) == "Your 1 answer is saved."


def test_digits() -> None:
    assert digits(1969, "arabic") == "١٩٦٩"
    assert digits("1-9", "arabic") == "١-٩"
    assert digits("0123456789", "arabic") == "٠١٢٣٤٥٦٧٨٩"
    assert digits(1969, "latin") == "1969"
    assert digits("١٩٦٩", "latin") == "١٩٦٩"  # only Latin digits are converted
    use(Settings("en", "arabic"))
    assert digits(42) == "٤٢"


def test_numbers_follow_the_digit_style_after_their_format_spec() -> None:
    use(Settings("ar", "arabic"))
    assert t("duration.minutes", minutes=2, seconds=5) == "٢ د ٠٥ ث"
    assert t("percent", value=200 / 3) == "٦٧٪"
    use(Settings("en", "arabic"))
    assert t("duration.minutes", minutes=2, seconds=5) == "٢m ٠٥s"
    use(Settings("en", "latin"))
    assert t("duration.minutes", minutes=2, seconds=5) == "2m 05s"
    assert t("percent", value=200 / 3) == "67%"


def test_values_are_inserted_as_given() -> None:
    use(Settings("ar", "arabic"))
    # Bank text is data: its braces, markup and digits are left alone.
    title = "Quiz {count} [b]bold[/b] 1969 {0} %s"
    assert t("results.time", time=title) == f"الوقت {title}"
    assert t("home.error", message="x.yaml:3:5: {oops}") == "خطأ: x.yaml:3:5: {oops}"


def test_a_missing_key_falls_back_to_english_then_to_the_key(monkeypatch) -> None:
    monkeypatch.setitem(CATALOGUES["en"], "test.only_english", "only {what}")
    use(Settings("ar", "latin"))
    assert t("test.only_english", what="here") == "only here"
    assert t("test.nowhere") == "test.nowhere"


def test_unknown_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="fr"):
        Settings(language="fr")
    with pytest.raises(ValueError, match="roman"):
        Settings(digits="roman")


def test_choice_labels() -> None:
    assert [choice_label(i, "en") for i in range(3)] == ["1.", "2.", "3."]
    assert [choice_label(i, "ar") for i in range(10)] == [
        f"{letter}." for letter in ("أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي")
    ]
    assert choice_label(2, "en", "arabic") == "٣."


def test_dates_in_english_and_arabic() -> None:
    when = datetime(2026, 11, 29, 10, 54)
    assert format_datetime(when, "en", "latin") == "2026-11-29 10:54"
    assert format_datetime(when, "ar", "arabic") == "٢٩ نوفمبر ٢٠٢٦، ١٠:٥٤"
    assert format_datetime(when, "ar", "latin") == "29 نوفمبر 2026، 10:54"
    months = [format_datetime(datetime(2026, m, 1, 9, 5), "ar", "latin") for m in range(1, 13)]
    assert [m.split()[1] for m in months] == list(i18n.ARABIC_MONTHS)
    assert months[0] == "1 يناير 2026، 09:05"
    assert months[11].split()[1] == "ديسمبر"


@pytest.mark.parametrize(
    ("option", "env", "expected"),
    [
        ("ar", {"QUIZ_LANG": "en", "LANG": "en_US.UTF-8"}, "ar"),
        ("en", {"QUIZ_LANG": "ar"}, "en"),
        (None, {"QUIZ_LANG": "ar", "LANG": "en_US.UTF-8"}, "ar"),
        (None, {"LANG": "ar_EG.UTF-8"}, "ar"),
        (None, {"LC_MESSAGES": "ar_SA.UTF-8", "LANG": "en_US.UTF-8"}, "ar"),
        (None, {"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "ar_SA.UTF-8"}, "en"),
        (None, {"LC_ALL": "", "LANG": "ar"}, "ar"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {"LANG": "fr_FR.UTF-8"}, "en"),
        (None, {}, "en"),
    ],
)
def test_choose_language(option, env, expected) -> None:
    assert choose_language(option, env) == expected


def test_a_bad_quiz_lang_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="QUIZ_LANG=fr: use one of en, ar"):
        choose_language(None, {"QUIZ_LANG": "fr"})


def test_choose_digits_defaults_to_arabic_indic_for_arabic_only() -> None:
    assert choose_digits(None, {}, "ar") == "arabic"
    assert choose_digits(None, {}, "en") == "latin"
    assert choose_digits("latin", {"QUIZ_DIGITS": "arabic"}, "ar") == "latin"
    assert choose_digits(None, {"QUIZ_DIGITS": "latin"}, "ar") == "latin"
    assert choose_digits(None, {"QUIZ_DIGITS": "arabic"}, "en") == "arabic"
    with pytest.raises(ValueError, match="QUIZ_DIGITS=hindi"):
        choose_digits(None, {"QUIZ_DIGITS": "hindi"}, "ar")


def test_arabic_digits_take_the_arabic_decimal_separator() -> None:
    # Worked by hand: U+066B between the digits, wherever the digits are Arabic-Indic.
    assert digits(0.5, "arabic") == "٠٫٥"
    assert digits("0.50", "arabic") == "٠٫٥٠"
    assert digits("12.25%", "arabic") == "١٢٫٢٥%"
    assert digits(-0.84, "arabic") == "-٠٫٨٤"
    # A point that is not between two digits is no decimal point: it stays.
    assert digits("3. Paris", "arabic") == "٣. Paris"
    assert digits("2026-12-04 10:54", "arabic") == "٢٠٢٦-١٢-٠٤ ١٠:٥٤"
    assert digits(0.5, "latin") == "0.5"
    use(Settings("ar", "arabic"))
    assert t("report.percent", value=12.25) == "١٢٫٢٥٪"
    assert t("report.shape", skewness=-0.5, kurtosis=1.75) == "الالتواء -٠٫٥، التفلطح ١٫٧٥"
    use(Settings("en", "arabic"))
    assert t("report.percent", value=12.25) == "١٢٫٢٥%"
    use(Settings("ar", "latin"))
    assert t("report.percent", value=12.25) == "12.25٪"


def test_machine_outputs_keep_their_latin_decimals_in_arabic(tmp_path: Path, capsys) -> None:
    from helpers import seed_session

    from quiz.cli import main
    from quiz.store import Store

    db = tmp_path / "scores.db"
    with Store.open(db) as store:
        seed_session(store, bank="/b.yaml", title="عواصم", results=[True, False, True])
    assert main(["--lang", "ar", "scores", "--db", str(db), "--json"]) == 0
    out = capsys.readouterr().out
    # 2 right of 3 planned: 0.6667 as JSON writes a number, in Latin digits and a point.
    assert '"score": 0.6667' in out and "٫" not in out
    assert main(["--lang", "ar", "results", "export", "--db", str(db)]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[1].split(",")[8] == "0.0"  # the seconds column
    assert not any("٫" in row or "٠" in row for row in rows)


def test_a_wording_with_a_list_is_kept_and_read_back_whole() -> None:
    import json

    from quiz.text.wording import Wording, said

    loss = said("export.no_explanation", system="Aiken")
    more = said("export.lines_and_more", lines=(4, 8, 12), more=2)
    wording = said("export.loss_of_many", count=5, loss=loss, lines=more)
    again = Wording.from_json(json.loads(json.dumps(wording.as_json())))
    assert again == wording
    use(Settings("ar", "arabic"))
    assert str(again) == "٥ أسئلة: لا يحفظ Aiken الشرح (الأسطر ٤، ٨، ١٢ و٢ غيرها)"
    use(Settings("en", "latin"))
    assert (
        str(again) == "5 questions: Aiken cannot hold the explanation (lines 4, 8, 12 and 2 more)"
    )


def test_no_key_is_in_two_catalogues_of_a_language() -> None:
    # One catalogue would silently take the other's entry for it (the later one wins).
    for lang, modules in i18n.CATALOGUE_MODULES.items():
        seen: dict[str, str] = {}
        for module in modules:
            for key in module.MESSAGES:
                assert key not in seen, f"{key} is in {seen[key]} and {module.__name__}"
                seen[key] = module.__name__
        assert len(seen) == len(CATALOGUES[lang])


def test_percents_are_whole_with_halves_rounded_up_in_every_digit_style() -> None:
    # 1/8 = 12.5% and 3/8 = 37.5%: a person writes 13% and 38% (float formatting gives 12% and
    # 38%, to the even neighbour); 2/3 = 66.67% is 67%, 1/3 = 33.33% is 33%.
    for fraction, shown in ((1 / 8, "13%"), (3 / 8, "38%"), (2 / 3, "67%"), (1 / 3, "33%")):
        with using(Settings("en", "latin")):
            assert t("percent", value=100 * fraction) == shown
    with using(Settings("ar", "arabic")):
        assert t("percent", value=100 * 1 / 8) == "١٣٪"
        assert t("percent", value=0.5) == "١٪"
