"""Exports of a `format: markdown` bank keep its Markdown, or its rendering, or say what is lost."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from quiz.bank.loader import load_bank
from quiz.bank.model import Bank
from quiz.interchange import export, read

BANK = """\
title: Python basics
format: markdown
source: The Python Tutorial
questions:
  - id: len
    question: |
      What does **this** print? <b>x</b> and [bold]y[/bold] stay text.

      ```python
      print(len([1, 2, 3]))
      ```
    choices:
      - "`3`"
      - text: "`2`"
        feedback: "It counts **every** item."
    answer: "`3`"
    explanation: "`len()` gives the *number* of items."
"""


@pytest.fixture
def bank(tmp_path: Path) -> Bank:
    path = tmp_path / "python.yaml"
    path.write_text(BANK, encoding="utf-8")
    loaded = load_bank(path).bank
    assert loaded is not None and loaded.markdown
    return loaded


def written(bank: Bank, to: str, tmp_path: Path) -> Path:
    data, _ = export(bank, to)
    out = tmp_path / f"out.{to}"
    if isinstance(data, bytes):
        out.write_bytes(data)
    else:
        out.write_text(data, encoding="utf-8")
    return out


def test_moodle_xml_holds_the_markdown_and_reads_it_back(bank: Bank, tmp_path: Path) -> None:
    out = written(bank, "moodle-xml", tmp_path)
    root = ET.parse(out).getroot()
    question = root.find("question[@type='multichoice']")
    text = question.find("questiontext")
    assert text.get("format") == "markdown"
    assert text.findtext("text") == bank.questions[0].text
    answers = question.findall("answer")
    assert [a.get("format") for a in answers] == ["markdown", "markdown"]
    assert answers[1].find("feedback").get("format") == "markdown"
    # The explanation in Markdown, then the source in the paragraph quiz reads back.
    general = question.find("generalfeedback")
    assert general.get("format") == "markdown"
    assert general.findtext("text").startswith("`len()` gives the *number* of items.\n\n<p ")
    imported = read(out)
    assert imported.bank.format == "markdown"
    back = imported.bank.questions[0]
    assert back.text == bank.questions[0].text
    assert back.choices == ("`3`", "`2`")
    assert back.explanation == "`len()` gives the *number* of items."
    assert back.source == "The Python Tutorial"


def test_gift_marks_the_question_as_markdown_and_reads_it_back(bank: Bank, tmp_path: Path) -> None:
    out = written(bank, "gift", tmp_path)
    assert "::len::[markdown]What does **this** print?" in out.read_text(encoding="utf-8")
    assert read(out).bank.format == "markdown"
    back = read(out).bank.questions[0]
    assert back.text == bank.questions[0].text
    assert back.choices == bank.questions[0].choices
    assert back.feedback_for("`2`") == "It counts **every** item."


def test_anki_and_qti_show_the_html_the_markdown_makes(bank: Bank, tmp_path: Path) -> None:
    card = written(bank, "anki", tmp_path).read_text(encoding="utf-8")
    assert "What does <strong>this</strong> print?" in card
    # HTML written in the text stays text; brackets stay brackets.
    assert "&lt;b&gt;x&lt;/b&gt;" in card and "<b>x</b>" not in card
    assert "[bold]y[/bold]" in card
    assert "<li><code>3</code></li>" in card
    with zipfile.ZipFile(io.BytesIO(written(bank, "qti", tmp_path).read_bytes())) as package:
        texts = [
            m.text or ""
            for name in package.namelist()
            if name.endswith(".xml")
            for m in ET.fromstring(package.read(name)).iter()
            if m.tag.endswith("mattext")
        ]
    assert any("<strong>this</strong>" in t and "<pre><code" in t for t in texts)
    assert "<code>3</code>" in texts


@pytest.mark.parametrize("to", ["aiken", "kahoot", "qti21"])
def test_formats_without_formatting_say_the_markdown_is_written_as_it_is(
    bank: Bank, to: str
) -> None:
    _, notices = export(bank, to)
    assert any(
        "no Markdown here: the bank's text is written as it is" in n.message for n in notices
    )


def test_a_plain_bank_says_nothing_of_markdown(tmp_path: Path) -> None:
    path = tmp_path / "plain.yaml"
    path.write_text(BANK.replace("format: markdown\n", ""), encoding="utf-8")
    plain = load_bank(path).bank
    for to in ("aiken", "kahoot", "qti21", "gift"):
        _, notices = export(plain, to)
        assert not any("Markdown" in notice.message for notice in notices)
    assert "[markdown]" not in export(plain, "gift")[0]


def test_a_file_partly_in_markdown_imports_plain_and_says_so(tmp_path: Path) -> None:
    gift = tmp_path / "mixed.gift"
    gift.write_text(
        "::a::[markdown]Is **this** bold?{=yes ~no}\n\n::b::Plain **stars**?{=yes ~no}\n",
        encoding="utf-8",
    )
    imported = read(gift)
    assert imported.bank.format == "plain"
    assert [q.text for q in imported.bank.questions] == ["Is **this** bold?", "Plain **stars**?"]
    (notice,) = imported.notices
    assert notice.line == 1
    assert notice.message.startswith("questions written in Markdown: 1 of 2; the bank is plain")
    plain = tmp_path / "plain.gift"
    plain.write_text("::b::Plain?{=yes ~no}\n", encoding="utf-8")
    assert read(plain).bank.format == "plain" and read(plain).notices == []


def test_an_arabic_markdown_card_reads_right_to_left_in_anki(tmp_path: Path) -> None:
    path = tmp_path / "ar.yaml"
    path.write_text(
        "title: أساسيات\nlanguage: ar\nformat: markdown\nquestions:\n"
        "  - question: ماذا تطبع `print(1 + 2)`؟\n"
        "    choices: ['`3`', '`12`']\n    answer: '`3`'\n"
        "    explanation: الجمع **أولًا**.\n",
        encoding="utf-8",
    )
    loaded = load_bank(path).bank
    assert loaded is not None
    (note,) = written(loaded, "anki", tmp_path).read_text(encoding="utf-8").splitlines()[-1:]
    _, front, back, _ = note.split("\t")
    # The question and the explanation are paragraphs marked right to left, their Markdown as HTML.
    assert front.startswith("<div dir=rtl><p>ماذا تطبع <code>print(1 + 2)</code>؟</p></div>")
    assert "<div dir=rtl><p>الجمع <strong>أولًا</strong>.</p></div>" in back
