"""Our YAML written back out, and banks sent through GIFT and back, keep every question whole."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from quiz.bank import loader
from quiz.bank.clean import looks
from quiz.bank.loader import load_bank, question_id
from quiz.bank.model import Bank, Question
from quiz.interchange import export, read, to_yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "interchange"
BANKS = [
    *sorted((ROOT / "questions").rglob("*.yaml")),
    DATA / "every-feature.yaml",
    DATA / "missing-word.yaml",
]


def load(path: Path) -> Bank:
    result = load_bank(path)
    assert result.errors == [], "\n".join(map(str, result.problems))
    assert result.bank is not None
    return result.bank


def reload(bank: Bank, tmp_path: Path, name: str = "again.yaml") -> Bank:
    path = tmp_path / name
    path.write_text(to_yaml(bank), encoding="utf-8")
    return load(path)


def content(question: Question, *, shuffle: bool = True) -> tuple[object, ...]:
    """What a question says, without where it was written."""
    kept = (
        question.id,
        question.text,
        question.choices,
        question.answers,
        question.explanation,
        question.tags,
        question.feedback,
        question.source,
    )
    return (*kept, question.shuffle) if shuffle else kept


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.name)
def test_yaml_to_yaml_keeps_the_bank(tmp_path: Path, path: Path) -> None:
    bank = load(path)
    again = reload(bank, tmp_path)
    assert (
        again.title,
        again.language,
        again.description,
        again.source,
        again.tags,
        again.shuffle,
    ) == (bank.title, bank.language, bank.description, bank.source, bank.tags, bank.shuffle)
    assert [content(q) for q in again.questions] == [content(q) for q in bank.questions]


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.name)
def test_yaml_to_gift_to_yaml_keeps_the_questions(tmp_path: Path, path: Path) -> None:
    bank = load(path)
    text, _ = export(bank, "gift")
    gift = tmp_path / f"{path.stem}.gift"
    gift.write_text(text, encoding="utf-8")
    imported = read(gift)
    assert imported.notices == []
    assert (imported.bank.language, imported.bank.source) == (bank.language, bank.source)
    expected = [content(q, shuffle=False) for q in bank.questions]
    assert [content(q, shuffle=False) for q in imported.bank.questions] == expected
    again = reload(imported.bank, tmp_path)
    assert [content(q, shuffle=False) for q in again.questions] == expected


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.name)
def test_yaml_to_moodle_xml_to_yaml_keeps_the_bank(tmp_path: Path, path: Path) -> None:
    bank = load(path)
    text, notices = export(bank, "moodle-xml")
    assert all("shuffle: false' for the bank" in p.message for p in notices)
    xml = tmp_path / f"{path.stem}.xml"
    xml.write_text(text, encoding="utf-8")
    imported = read(xml)
    assert imported.notices == []
    assert (imported.bank.title, imported.bank.language) == (bank.title, bank.language)
    assert imported.bank.source == bank.source
    expected = [content(q) for q in bank.questions]
    assert [content(q) for q in imported.bank.questions] == expected
    again = reload(imported.bank, tmp_path)
    assert [content(q) for q in again.questions] == expected


def test_every_feature_bank_uses_what_it_says() -> None:
    bank = load(DATA / "every-feature.yaml")
    assert not bank.shuffle
    assert any(q.multiple for q in bank.questions)
    assert any(q.feedback for q in bank.questions)
    assert any(not q.shuffle for q in bank.questions)
    assert any("\n" in q.text for q in bank.questions)
    assert any(q.choices == ("True", "False") for q in bank.questions)
    assert bank.source and any(q.source not in ("", bank.source) for q in bank.questions)
    assert any("\n" in q.source for q in bank.questions)


def test_yaml_layout_is_readable() -> None:
    bank = Bank(
        path=Path("x.csv"),
        title="Yes: a title",
        language="en",
        questions=(
            Question(
                id=question_id("Plain question?"),
                text="Plain question?",
                choices=("yes", "57", "Paris"),
                answers=("Paris",),
                line=2,
            ),
            Question(
                id="my-id",
                text="Two\nlines",
                choices=("a", "b: c", "*d"),
                answers=("a", "*d"),
                explanation="Why,\n  indented.",
                tags=("t1", "two words"),
                line=3,
                feedback=("", "close", ""),
                shuffle=False,
            ),
        ),
    )
    assert to_yaml(bank) == (
        "title: 'Yes: a title'\n"
        "language: en\n"
        "questions:\n"
        "  - question: Plain question?\n"
        "    choices:\n"
        "      - 'yes'\n"
        "      - '57'\n"
        "      - Paris\n"
        "    answer: Paris\n"
        "\n"
        "  - id: my-id\n"
        "    question: |-\n"
        "      Two\n"
        "      lines\n"
        "    choices:\n"
        "      - a\n"
        "      - text: 'b: c'\n"
        "        feedback: close\n"
        "      - '*d'\n"
        "    answer: [a, '*d']\n"
        "    explanation: |-\n"
        "      Why,\n"
        "        indented.\n"
        "    tags: [t1, two words]\n"
        "    shuffle: false\n"
    )


def test_version_is_written_when_the_loader_knows_it(monkeypatch: pytest.MonkeyPatch) -> None:
    bank = load(DATA / "every-feature.yaml")
    plain = load(Path(__file__).parent / "banks" / "capitals.yaml")
    monkeypatch.setattr(loader, "BANK_KEYS", ("version", *loader.BANK_KEYS))
    assert to_yaml(bank).startswith("version: '1.3'\ntitle:")
    assert to_yaml(plain).startswith("title:")


TRICKY = [
    "yes", "No", "null", "~", "true", "57", "0o17", "1e3", "-", "- x", "?", ": ", " #", "#", "&a",
    "*b", "!tag", "|", ">", "'", '"', "%", "%50%", "@", "`", "[", "]", "{", "}", ",", "=", "\\",
    "\\n", "::", "//", "<b>", "&amp;", "[html]", "[plain]", "TRUE", "T", "####", "->", "...",
    "---", "\t", "é", "e\u0301", "ب", "ـ", "،", "\u00a0", "\u200f", "😀", "a", "word", " ", " ",
]  # fmt: skip


def _text(rng: random.Random, lines: bool) -> str:
    parts = [rng.choice(TRICKY) for _ in range(rng.randint(1, 6))]
    if lines and rng.random() < 0.3:
        parts.insert(rng.randint(0, len(parts)), "\n")
    text = "".join(parts)
    # As the loader and the readers leave text: trimmed, NFC, no blank ends of lines.
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    return loader.clean(text)


def _random_bank(seed: int) -> Bank:
    rng = random.Random(seed)
    bank_source = _text(rng, lines=True) if seed % 2 else ""
    questions: list[Question] = []
    for n in range(40):
        text = _text(rng, lines=True) or "x"
        text = f"{text} {n}"
        choices: list[str] = []
        while len(choices) < rng.randint(2, 5):
            choice = _text(rng, lines=True)
            # Choices a student can tell apart: visible text, and not only invisibly different.
            if looks(choice) and looks(choice) not in {looks(c) for c in choices}:
                choices.append(choice)
        answers = tuple(c for c in choices if rng.random() < 0.4) or (choices[0],)
        feedback = tuple(_text(rng, lines=True) for _ in choices)
        qid = rng.choice([question_id(text), f"id:{n}#{{x}}", f"q\\{n}"])
        tags = tuple(dict.fromkeys(_text(rng, lines=False) for _ in range(rng.randint(0, 2))))
        questions.append(
            Question(
                id=qid,
                text=text,
                choices=tuple(choices),
                answers=answers,
                explanation=_text(rng, lines=True),
                tags=tuple(t for t in tags if t),
                line=n + 1,
                feedback=feedback if any(feedback) else (),
                # As the loader leaves it: a question without a source has the bank's.
                source=(_text(rng, lines=True) if rng.random() < 0.5 else "") or bank_source,
            )
        )
    return Bank(
        path=Path("fuzz.yaml"), title="Fuzz", questions=tuple(questions), source=bank_source
    )


@pytest.mark.parametrize("seed", range(5))
def test_tricky_text_survives_yaml(tmp_path: Path, seed: int) -> None:
    bank = _random_bank(seed)
    again = reload(bank, tmp_path)
    assert [content(q) for q in again.questions] == [content(q) for q in bank.questions]


@pytest.mark.parametrize("seed", range(5))
def test_tricky_text_survives_moodle_xml(tmp_path: Path, seed: int) -> None:
    bank = _random_bank(seed)
    text, _ = export(bank, "moodle-xml")
    path = tmp_path / "fuzz.xml"
    path.write_text(text, encoding="utf-8")
    imported = read(path)

    def sourced(question: Question) -> Question:
        # A general feedback with a source is HTML, which has no tab and reads a no-break space
        # as a space (documented); without a source it is plain text, kept exactly.
        if not question.source:
            return question
        exact = str.maketrans({"\t": " ", "\xa0": " "})
        return replace(
            question,
            explanation=question.explanation.translate(exact),
            source=question.source.translate(exact),
        )

    expected = [content(sourced(q)) for q in bank.questions]
    assert [content(q) for q in imported.bank.questions] == expected


@pytest.mark.parametrize("seed", range(5))
def test_tricky_text_survives_gift(tmp_path: Path, seed: int) -> None:
    bank = _random_bank(seed)
    text, _ = export(bank, "gift")
    path = tmp_path / "fuzz.gift"
    path.write_text(text, encoding="utf-8")
    imported = read(path)
    got = [content(q, shuffle=False) for q in imported.bank.questions]
    assert got == [content(q, shuffle=False) for q in bank.questions]
