"""`quiz new`: a template in the bank's language that loads with no problem and never overwrites."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from quiz.bank import loader
from quiz.bank.lint import lint
from quiz.bank.loader import load_bank
from quiz.bank.schema import modeline, schema
from quiz.bank.template import LANGUAGE_TAG, template, write_template

ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def load_template(tmp_path: Path, title: str | None, language: str):
    path = tmp_path / f"bank-{language}.yaml"
    path.write_text(template(title, language), encoding="utf-8")
    result = load_bank(path)
    assert result.problems == [], result.problems
    assert result.bank is not None
    return result.bank


@pytest.mark.parametrize("language", ["en", "ar", "fr", "en-GB", "ar-EG", "zh-Hant"])
def test_the_template_passes_the_check_without_a_warning(tmp_path: Path, language: str) -> None:
    bank = load_template(tmp_path, None, language)
    assert lint(bank, "bank.yaml") == []
    assert bank.language == language


@pytest.mark.parametrize("language", ["en", "ar", "fr"])
def test_the_template_shows_every_feature(tmp_path: Path, language: str) -> None:
    text = template(None, language)
    bank = load_template(tmp_path, None, language)
    plain, feedback, several, true_false = bank.questions
    assert not plain.multiple and not plain.feedback and plain.shuffle and plain.tags
    assert all(feedback.feedback) and len(feedback.feedback) == len(feedback.choices)
    assert several.multiple and len(several.answers) == 3
    assert true_false.choices == ("True", "False") or true_false.choices == ("صواب", "خطأ")
    assert true_false.shuffle is False
    assert all(q.explanation for q in bank.questions)
    assert all(not q.id.startswith("q-") for q in bank.questions)
    assert bank.description and bank.tags and bank.shuffle and bank.source
    # One question has a source of its own; the others show the bank's.
    assert plain.source and plain.source != bank.source
    assert [q.source for q in bank.questions[1:]] == [bank.source] * 3
    assert re.search(r"^shuffle: true$", text, re.MULTILINE)


@pytest.mark.parametrize("language", ["en", "ar", "fr"])
def test_the_template_points_editors_at_the_schema(language: str) -> None:
    text = template(None, language)
    assert text.splitlines()[0] == modeline()
    validator = jsonschema.Draft202012Validator(schema())
    assert list(validator.iter_errors(yaml.safe_load(text))) == []


def test_the_arabic_template_is_in_arabic(tmp_path: Path) -> None:
    text = template(None, "ar")
    comments = [line.strip() for line in text.splitlines()[2:] if line.strip().startswith("#")]
    assert len(comments) >= 10
    assert all(ARABIC_LETTER.search(line) for line in comments), comments
    bank = load_template(tmp_path, None, "ar")
    assert bank.rtl and bank.title == "اختبار جديد"
    assert all(ARABIC_LETTER.search(q.text) for q in bank.questions)


def test_other_languages_get_english_comments_and_their_code(tmp_path: Path) -> None:
    text = template(None, "fr")
    assert "language: fr\n" in text
    assert "# A question bank for quiz." in text
    assert not ARABIC_LETTER.search(text)
    assert template(None, "en").replace("language: en\n", "language: fr\n") == text


def test_an_arabic_tag_in_capitals_gets_the_arabic_template() -> None:
    assert "language: AR\n" in template(None, "AR")
    assert "# بنك أسئلة" in template(None, "AR")


@pytest.mark.parametrize(
    "title",
    ["Capitals: Europe", 'He said "hi"', "true", "57", "# not a comment", "[x]", "it's", "a\\b"],
)
def test_any_title_reads_back_as_written(tmp_path: Path, title: str) -> None:
    assert load_template(tmp_path, title, "en").title == title


def test_a_title_is_one_clean_line(tmp_path: Path) -> None:
    bank = load_template(tmp_path, "  World\ncapitals\x1b[31m  ", "en")
    assert bank.title == "World capitals[31m"
    assert load_template(tmp_path, "   ", "en").title == "My quiz"


@pytest.mark.parametrize("language", ["english", "", "e", "en_US", "fr: x"])
def test_a_bad_language_is_refused(language: str) -> None:
    with pytest.raises(ValueError, match="is not a BCP 47 tag; use a code such as en, ar or fr"):
        template(None, language)


def test_the_language_rule_is_the_loaders() -> None:
    assert LANGUAGE_TAG.pattern == loader._LANGUAGE.pattern


def test_write_template_writes_a_bank_titled_after_the_file(tmp_path: Path) -> None:
    path = tmp_path / "world-capitals.yaml"
    write_template(path, None, "en")
    result = load_bank(path)
    assert result.problems == []
    assert result.bank is not None and result.bank.title == "World capitals"
    assert path.read_bytes().startswith(b"# yaml-language-server: $schema=")
    assert b"\r\n" not in path.read_bytes()


@pytest.mark.parametrize(
    ("name", "title"), [("عواصم_عربية.yaml", "عواصم عربية"), ("2024.yaml", "My quiz")]
)
def test_titles_from_file_names(tmp_path: Path, name: str, title: str) -> None:
    path = tmp_path / name
    write_template(path, None, "ar" if title != "My quiz" else "en")
    result = load_bank(path)
    assert result.bank is not None and result.bank.title == title


def test_a_given_title_wins_over_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    write_template(path, "Chemistry", "en")
    assert load_bank(path).title == "Chemistry"


def test_write_template_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("title: My precious work\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_template(path, "New", "en")
    assert path.read_text(encoding="utf-8") == "title: My precious work\n"
