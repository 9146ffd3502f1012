"""`quiz import` and `quiz export` from the command line."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.loader import load_bank
from quiz.cli import main

DATA = Path(__file__).parent / "data" / "interchange"
BUNDLED = Path(__file__).parent.parent / "questions"


def test_import_gift_writes_a_bank_that_checks_clean(tmp_path: Path, capsys):
    out = tmp_path / "moodle.yaml"
    assert main(["import", str(DATA / "moodle-kinds.gift"), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "moodle-kinds.gift:32:1: warning: an essay question" in err
    assert err.rstrip().endswith(f"imported 10 questions to {out}; 8 notices above")
    result = load_bank(out)
    assert result.errors == []
    assert len(result.bank.questions) == 10
    assert main(["check", str(out)]) == 0


def test_import_refuses_to_overwrite_without_force(tmp_path: Path, capsys):
    out = tmp_path / "sheet.yaml"
    out.write_text("keep me", encoding="utf-8")
    assert main(["import", str(DATA / "excel-semicolon.csv"), "-o", str(out)]) == 1
    assert "already exists; choose another name or add --force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "keep me"
    assert main(["import", str(DATA / "excel-semicolon.csv"), "-o", str(out), "--force"]) == 0
    assert load_bank(out).bank.language == "ar"


def test_import_prints_the_bank_without_output(capsys):
    assert main(["import", str(DATA / "excel-semicolon.csv")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("title: ")
    assert "ما الجهاز التنفيذي لمنظمة التعاون الإسلامي؟" in out


def test_import_of_an_unreadable_file_is_one_error_line(tmp_path: Path, capsys):
    bad = tmp_path / "latin1.gift"
    bad.write_bytes("::q:: Caf\xe9 ? {=oui ~non}".encode("latin-1"))
    assert main(["import", str(bad)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("quiz: error: ") and str(bad) in err[0]


def test_import_usage_errors_exit_2(capsys):
    assert main(["import", "nope.gift"]) == 2
    assert main(["import", str(DATA / "sheet.tsv"), "--from", "word"]) == 2


def test_export_gift_then_import_keeps_the_questions(tmp_path: Path, capsys):
    gift = tmp_path / "oic.gift"
    assert main(["export", str(BUNDLED / "oic.ar.yaml"), "--to", "gift", "-o", str(gift)]) == 0
    back = tmp_path / "back.yaml"
    assert main(["import", str(gift), "-o", str(back)]) == 0
    original = load_bank(BUNDLED / "oic.ar.yaml").bank
    again = load_bank(back).bank
    assert [q.text for q in again.questions] == [q.text for q in original.questions]
    assert [q.answers for q in again.questions] == [q.answers for q in original.questions]
    assert [q.explanation for q in again.questions] == [q.explanation for q in original.questions]


def test_export_of_a_bank_with_errors_fails_clearly(tmp_path: Path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\nquestions: []\n", encoding="utf-8")
    assert main(["export", str(bad), "--to", "aiken"]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml:2:1: error: 'questions' is empty" in err
    assert "has errors; fix them and try again" in err


class _TerminalErr:
    """A standard error that says it is a terminal, keeping what is written."""

    def __init__(self) -> None:
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


def test_a_large_import_shows_its_progress_on_a_terminal(tmp_path: Path, monkeypatch):
    source = tmp_path / "big.gift"
    source.write_text(
        "".join(
            f"::q{n}:: What is {n} plus one? {{={n + 1} ~{n + 2} ~{n + 3}}}\n\n"
            for n in range(3000)
        ),
        encoding="utf-8",
    )
    err = _TerminalErr()
    monkeypatch.setattr("sys.stderr", err)
    assert main(["import", str(source), "-o", str(tmp_path / "big.yaml")]) == 0
    assert "\rreading line 6001 of 6001\n" in err.text  # the lines, and the empty last one
    assert err.text.count("\rreading line") > 3
    assert load_bank(tmp_path / "big.yaml").bank is not None
