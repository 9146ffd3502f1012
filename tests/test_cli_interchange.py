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
    # One of the notices: a single question of the ten is in [markdown].
    assert err.rstrip().endswith(f"imported 10 questions to {out}; 9 notices above")
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


# -- Moodle XML, folders of banks, images -----------------------------------------------------

MOODLE = DATA / "moodle-bank.xml"
IMAGE = "images/cell-diagram-b1ff9c8e.png"


def test_import_to_a_folder_writes_a_bank_per_category(tmp_path: Path, capsys):
    out = tmp_path / "biology"
    assert main(["import", str(MOODLE), "-o", f"{out}/"]) == 0
    err = capsys.readouterr().err
    assert err.rstrip().endswith(
        f"imported 5 questions into 3 banks in {out}/, and 1 image beside them; 7 notices above"
    )
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == [
        "BIO101/Cells.yaml",
        "BIO101/Genetics.yaml",
        f"BIO101/{IMAGE}",
        "BIO101/علم الوراثة.yaml",
    ]
    cells = load_bank(out / "BIO101" / "Cells.yaml").bank
    assert cells.title == "Cells" and len(cells.questions) == 3
    assert f"({IMAGE})" in cells.questions[0].text
    assert (out / "BIO101" / IMAGE).read_bytes().startswith(b"\x89PNG\r\n")
    assert load_bank(out / "BIO101" / "علم الوراثة.yaml").bank.language == "ar"
    # The folder is a bank folder: each category a subject.
    capsys.readouterr()
    assert main(["--bank", str(out), "list"]) == 0
    listing = capsys.readouterr().out
    assert "Cells\ten\t3 questions" in listing and "Genetics\ten\t1 question\n" in listing
    assert listing.endswith("3 banks\n")
    assert main(["check", str(out)]) == 0


def test_import_to_one_file_tags_the_categories_and_writes_the_image_beside(tmp_path: Path, capsys):
    out = tmp_path / "bio.yaml"
    assert main(["import", str(MOODLE), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert (
        "moodle-bank.xml:1:1: warning: the questions come from 3 categories (BIO101/Cells, "
        "BIO101/Genetics, BIO101/علم الوراثة): they are in one bank, tagged with their "
        "category; -o FOLDER/ writes a bank per category instead"
    ) in err
    assert err.rstrip().endswith(
        f"imported 5 questions to {out}, and 1 image beside them; 8 notices above"
    )
    bank = load_bank(out).bank
    assert bank.title == "BIO101"
    assert [q.tags for q in bank.questions] == [
        ("organelles", "energy", "Cells"),
        ("Cells",),
        ("Cells",),
        ("Genetics",),
        ("علم الوراثة",),
    ]
    assert (tmp_path / IMAGE).is_file()


def test_import_printed_reports_each_image_it_cannot_write(capsys):
    assert main(["import", str(MOODLE)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("title: BIO101\n")
    assert (
        "moodle-bank.xml:32:1: warning: image 'cell diagram.png' was not written, as the bank is "
        f"printed; with -o OUT.yaml it is written beside the bank as {IMAGE}, which the text names"
    ) in captured.err
    assert captured.err.rstrip().endswith("imported 5 questions; 9 notices above")


def test_import_refuses_to_overwrite_any_bank_of_a_folder(tmp_path: Path, capsys):
    out = tmp_path / "bio"
    (out / "BIO101").mkdir(parents=True)
    (out / "BIO101" / "Genetics.yaml").write_text("keep", encoding="utf-8")
    assert main(["import", str(MOODLE), "-o", str(out)]) == 1
    assert "Genetics.yaml already exists; choose another name or add --force" in (
        capsys.readouterr().err
    )
    assert not (out / "BIO101" / "Cells.yaml").exists()
    assert (out / "BIO101" / "Genetics.yaml").read_text(encoding="utf-8") == "keep"


def test_a_hostile_xml_file_is_one_error_line(tmp_path: Path, capsys):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE q [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>\n'
        "<quiz>&b;</quiz>\n",
        encoding="utf-8",
    )
    assert main(["import", str(bomb)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"quiz: error: {bomb}:2: the file declares an entity ('a'), which quiz never reads (it "
        "can hide a huge or a private file); export the questions again from Moodle"
    ]


def test_export_to_moodle_xml_and_back(tmp_path: Path, capsys):
    folder = tmp_path / "banks" / "Geography"
    folder.mkdir(parents=True)
    source = folder / "capitals.yaml"
    source.write_text((DATA / "every-feature.yaml").read_text(encoding="utf-8"), "utf-8")
    xml = tmp_path / "capitals.xml"
    args = ["--bank", str(tmp_path / "banks"), "export", str(source), "--to", "moodle-xml"]
    assert main([*args, "-o", str(xml)]) == 0
    err = capsys.readouterr().err
    assert err.endswith(f"wrote {xml}\n")
    # Filed under the bank's subject folder, then its title.
    assert "<text>$course$/top/Geography/Every feature: format 1.2</text>" in xml.read_text("utf-8")
    back = tmp_path / "back"
    assert main(["import", str(xml), "-o", f"{back}/"]) == 0
    again = load_bank(back / "Geography" / "Every feature - format 1.2.yaml").bank
    original = load_bank(source).bank
    assert [
        (q.id, q.text, q.choices, q.answers, q.feedback, q.source) for q in again.questions
    ] == [(q.id, q.text, q.choices, q.answers, q.feedback, q.source) for q in original.questions]
    assert again.source == original.source


def test_zip_and_spreadsheet_exports_need_a_file(tmp_path: Path, capsys):
    bank = str(BUNDLED / "oic.en.yaml")
    assert main(["export", bank, "--to", "qti"]) == 2
    assert "--to qti writes a zip file; name it with -o, e.g. -o oic.en.zip" in (
        capsys.readouterr().err
    )
    assert main(["export", bank, "--to", "kahoot"]) == 2
    assert "-o oic.en.xlsx" in capsys.readouterr().err
    for kind, name in (("qti", "oic.zip"), ("qti21", "oic21.zip"), ("kahoot", "oic.xlsx")):
        out = tmp_path / name
        assert main(["export", bank, "--to", kind, "-o", str(out)]) == 0
        assert out.read_bytes().startswith(b"PK\x03\x04")
    assert main(["export", bank, "--to", "qti", "-o", str(tmp_path / "oic.zip")]) == 1
    assert "oic.zip already exists; choose another name or add --force" in (capsys.readouterr().err)


def test_kahoot_time_limits_are_kahoots(tmp_path: Path, capsys):
    bank = str(BUNDLED / "oic.en.yaml")
    out = str(tmp_path / "k.xlsx")
    assert main(["export", bank, "--to", "kahoot", "-o", out, "--time-limit", "25"]) == 2
    assert (
        "--time-limit 25: Kahoot takes 5, 10, 20, 30, 60, 90, 120 or 240 seconds"
        in capsys.readouterr().err
    )
    assert main(["export", bank, "--to", "kahoot", "-o", out, "--time-limit", "60"]) == 0


def test_anki_export_prints_the_note_file(capsys):
    assert main(["export", str(BUNDLED / "oic.en.yaml"), "--to", "anki"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("#separator:tab\n#html:true\n")
    assert all(line.count("\t") == 3 for line in out.splitlines() if not line.startswith("#"))


# -- title, language, encoding --------------------------------------------------------------------


def test_import_takes_the_title_language_and_encoding_given(tmp_path: Path, capsys):
    sheet = tmp_path / "fragen_1.csv"
    sheet.write_bytes(
        "question;choice 1;choice 2;answer\nHauptstadt von Österreich?;Wien;Graz;A\n".encode(
            "cp1252"
        )
    )
    out = tmp_path / "de.yaml"
    args = ["import", str(sheet), "-o", str(out), "--encoding", "cp1252"]
    assert main([*args, "--title", "Erdkunde  Klasse 5", "--language", "de"]) == 0
    assert capsys.readouterr().err.endswith(f"imported 1 question to {out}\n")
    bank = load_bank(out).bank
    assert (bank.title, bank.language) == ("Erdkunde Klasse 5", "de")
    assert bank.questions[0].text == "Hauptstadt von Österreich?"


def test_a_windows_arabic_sheet_imports_with_its_encoding(tmp_path: Path, capsys):
    sheet = tmp_path / "arabic.csv"
    sheet.write_bytes(
        "السؤال,الخيار 1,الخيار 2,الإجابة\nما عاصمة مصر؟,القاهرة,أسوان,أ\n".encode("cp1256")
    )
    assert main(["import", str(sheet)]) == 1
    assert "--encoding cp1256 for a Windows Arabic sheet" in capsys.readouterr().err
    assert main(["import", str(sheet), "--encoding", "cp1256"]) == 0
    out = capsys.readouterr().out
    assert "language: ar" in out and "ما عاصمة مصر؟" in out


def test_import_option_mistakes_exit_2(tmp_path: Path, capsys):
    sheet = str(DATA / "spreadsheet.csv")
    assert main(["import", sheet, "--language", "English"]) == 2
    assert "--language English: not a BCP 47 tag" in capsys.readouterr().err
    assert main(["import", sheet, "-o", f"{tmp_path}/", "--title", "T"]) == 2
    assert "--title names one bank" in capsys.readouterr().err
    assert main(["import", sheet, "--encoding", "klingon"]) == 1
    assert "--encoding klingon: no such encoding" in capsys.readouterr().err
