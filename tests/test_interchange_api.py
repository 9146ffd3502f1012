"""The interchange API the command line uses: format detection, errors, progress, no textual."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from quiz.bank.model import Bank, Question
from quiz.interchange import (
    FORMATS,
    InterchangeError,
    detect,
    export,
    read,
    to_yaml,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "interchange"

GIFT = "::q1::Capital of France?{=Paris ~Rome}\n"
AIKEN = "Capital of France?\nA) Paris\nB) Rome\nANSWER: A\n"
CSV = "question,choice 1,choice 2,answer\nCapital of France?,Paris,Rome,A\n"


def test_formats() -> None:
    assert FORMATS == ("gift", "aiken", "csv", "moodle-xml")


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        ("a.gift", AIKEN, "gift"),
        ("a.GIFT", "", "gift"),
        ("a.csv", GIFT, "csv"),
        ("a.tsv", "", "csv"),
        ("a.aiken", GIFT, "aiken"),
        ("a.txt", GIFT, "gift"),
        ("a.txt", AIKEN, "aiken"),
        ("a.txt", "Is it?{T}\n\nOr?{FALSE#no}\n", "gift"),
        ("a.txt", "$CATEGORY: x\n\n::t:: Essay {}\n", "gift"),
        ("questions", GIFT, "gift"),
        ("questions", AIKEN, "aiken"),
        ("questions", CSV, "csv"),
        ("questions.dat", "question;option a;option b;correct answer\nQ;x;y;A\n", "csv"),
        ("a.xml", "", "moodle-xml"),
        ("export", '<?xml version="1.0"?>\n<quiz></quiz>', "moodle-xml"),
        ("export", "\ufeff<quiz>\n</quiz>", "moodle-xml"),
    ],
)
def test_detect(name: str, text: str, kind: str) -> None:
    assert detect(Path(name), text) == kind


def test_detect_refuses_what_it_cannot_tell(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError) as caught:
        detect(Path("notes.txt"), "Just some notes.\nNothing to see.\n")
    assert str(caught.value) == (
        "notes.txt: cannot tell whether this is GIFT, Aiken, CSV or Moodle XML; "
        "name the format with --from gift, --from aiken, --from csv or --from moodle-xml"
    )
    with pytest.raises(InterchangeError, match="already a quiz bank; check it with 'quiz check"):
        detect(Path("bank.yaml"), "title: x\n")


def test_read_by_content_and_forced(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_text(AIKEN, encoding="utf-8")
    assert read(path).bank.questions[0].answers == ("Paris",)
    # Forced to GIFT, the same file has no question GIFT can read.
    with pytest.raises(InterchangeError):
        read(path, "gift")
    with pytest.raises(ValueError, match="unknown import format 'xml'"):
        read(path, "xml")


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "nope.gift"
    with pytest.raises(InterchangeError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: cannot read the file (No such file or directory); " + (
        "check the path"
    )


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "q.gift"
    path.write_bytes(b"Q {=a ~b}\x00\x00")
    with pytest.raises(InterchangeError, match="NUL bytes, so it is not a text file"):
        read(path)


def test_progress_is_reported_for_large_files(tmp_path: Path) -> None:
    path = tmp_path / "big.gift"
    count = 1000
    path.write_text(
        "\n".join(f"::q{n}::Question {n}?{{=right {n} ~wrong {n}}}\n" for n in range(count)),
        encoding="utf-8",
    )
    calls: list[tuple[int, int]] = []
    imported = read(path, progress=lambda done, total: calls.append((done, total)))
    assert len(imported.bank.questions) == count
    total = 2 * count
    assert calls[-1] == (total, total)
    assert len(calls) >= count // 200
    assert all(t == total for _, t in calls)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    out = tmp_path / "big.yaml"
    out.write_text(to_yaml(imported.bank), encoding="utf-8")
    assert load_bank(out).errors == []


@pytest.mark.parametrize(("name", "text"), [("p.aiken", AIKEN * 450), ("p.csv", CSV)])
def test_progress_ends_at_the_total(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    calls: list[tuple[int, int]] = []
    read(path, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1][0] == calls[-1][1] == len(text.split("\n"))


def test_export_formats() -> None:
    bank = Bank(
        path=Path("b.yaml"),
        title="B",
        questions=(Question(id="x", text="Q?", choices=("a", "b"), answers=("a",), line=3),),
    )
    assert export(bank, "gift")[0].endswith("::x::Q?{\n\t=a\n\t~b\n}\n")
    assert export(bank, "aiken") == ("Q?\nA) a\nB) b\nANSWER: A\n", [])
    with pytest.raises(ValueError, match="unknown export format 'word'"):
        export(bank, "word")


SAMPLES = sorted(p for p in DATA.iterdir() if p.suffix in (".gift", ".aiken", ".csv", ".tsv"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_quiz_check_accepts_every_imported_sample(tmp_path: Path, sample: Path) -> None:
    from quiz.bank.check import check

    out = tmp_path / f"{sample.stem}.yaml"
    out.write_text(to_yaml(read(sample).bank), encoding="utf-8")
    report = check([out])
    assert report.errors == 0, "\n".join(map(str, report.problems))
    assert report.questions == len(read(sample).bank.questions)
