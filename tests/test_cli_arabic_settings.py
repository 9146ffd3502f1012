"""A setting the environment gets wrong (QUIZ_LANG, QUIZ_DIGITS, QUIZ_RTL) is one line in the
language that is known: the one asked for with --lang, else the locale's when QUIZ_LANG itself is
wrong; and an imported bank with no title to take gets one in the interface language."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.cli import main


def error_of(capsys: pytest.CaptureFixture[str], monkeypatch, env: dict[str, str], *argv: str):
    for name in ("QUIZ_LANG", "QUIZ_DIGITS", "QUIZ_RTL", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    code = main([*argv, "scores", "--db", "/nonexistent/never/made.db"])
    return code, capsys.readouterr().err


def test_a_bad_quiz_digits_is_said_in_the_language_asked_for(capsys, monkeypatch) -> None:
    code, err = error_of(capsys, monkeypatch, {"QUIZ_DIGITS": "hindi"}, "--lang", "ar")
    assert code == 2
    assert err == "quiz: error: QUIZ_DIGITS=hindi: استعمل إحدى القيم latin، arabic\n"


def test_a_bad_quiz_lang_is_said_in_the_locales_language(capsys, monkeypatch) -> None:
    code, err = error_of(capsys, monkeypatch, {"QUIZ_LANG": "fr", "LANG": "ar_SA.UTF-8"})
    assert code == 2
    assert err == "quiz: error: QUIZ_LANG=fr: استعمل إحدى القيم en، ar\n"
    code, err = error_of(capsys, monkeypatch, {"QUIZ_LANG": "fr", "LANG": "C.UTF-8"})
    assert (code, err) == (2, "quiz: error: QUIZ_LANG=fr: use one of en, ar\n")


def test_a_bad_quiz_rtl_is_said_in_arabic(capsys, monkeypatch) -> None:
    code, err = error_of(capsys, monkeypatch, {"QUIZ_RTL": "sideways"}, "--lang", "ar")
    assert code == 2
    assert err == "quiz: error: QUIZ_RTL 'sideways': اختر auto أو reorder أو terminal\n"


def test_an_imported_bank_without_a_title_is_titled_in_the_interface_language(
    tmp_path: Path, capsys
) -> None:
    source = tmp_path / "___.txt"  # a file name with no word in it to make a title of
    source.write_text("What is 2 + 2?\nA. 4\nB. 5\nANSWER: A\n", encoding="utf-8")
    made = tmp_path / "out.yaml"
    assert main(["--lang", "ar", "import", str(source), "-o", str(made)]) == 0
    assert made.read_text(encoding="utf-8").startswith("title: أسئلة مستوردة\n")
    capsys.readouterr()
    assert main(["import", str(source), "-o", str(tmp_path / "en.yaml")]) == 0
    assert (
        (tmp_path / "en.yaml").read_text(encoding="utf-8").startswith("title: Imported questions\n")
    )
