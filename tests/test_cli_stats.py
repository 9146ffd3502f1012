"""`quiz stats` from the command line."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from helpers import seed_session
from ui_helpers import THREE

from quiz.cli import main
from quiz.store import Store


def seed(db: Path, bank: Path, profile: str, results: list[bool]) -> None:
    start = datetime(2026, 11, 20, 9, tzinfo=UTC)
    with Store.open(db, profile=profile) as store:
        answers = dict(zip(["france", "japan", "kenya"], results, strict=False))
        seed_session(
            store,
            bank=str(bank.resolve()),
            title="Three",
            planned=3,
            results=answers,
            start=start,
            ms=2000,
        )


def test_stats_json_for_one_profile_and_one_bank(tmp_path: Path, capsys):
    bank = tmp_path / "three.yaml"
    bank.write_text(THREE, encoding="utf-8")
    db = tmp_path / "s.db"
    seed(db, bank, "sara", [True, False, True])
    seed(db, bank, "ali", [False, False, False])
    assert main(["stats", "--json", "--db", str(db), "--profile", "sara"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["profile"] == "sara"
    assert (stats["totals"]["answers"], stats["totals"]["correct"]) == (3, 2)
    assert main(["stats", "--json", "--db", str(db), "--profile", "ali", "--bank", str(bank)]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["totals"]["answers"], stats["totals"]["correct"]) == (3, 0)


def test_stats_prints_tables_and_refuses_a_folder(tmp_path: Path, capsys):
    bank = tmp_path / "three.yaml"
    bank.write_text(THREE, encoding="utf-8")
    db = tmp_path / "s.db"
    seed(db, bank, "default", [True, True, False])
    assert main(["stats", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Answers" in out and "67%" in out  # 2/3, in whole percents as on every screen
    assert main(["stats", "--db", str(db), "--bank", str(tmp_path)]) == 2
    assert "is a folder; give one bank file" in capsys.readouterr().err


def test_the_score_chart_gives_a_long_title_room_at_80_columns(tmp_path: Path, capsys):
    bank = tmp_path / "three.yaml"
    bank.write_text(
        THREE.replace("title: ", "title: The Organisation of Islamic Cooperation ", 1),
        encoding="utf-8",
    )
    db = tmp_path / "s.db"
    seed(db, bank, "default", [True, True, False])
    assert main(["stats", "--db", str(db)]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if "2026-11-20" in line]
    # The date only (as on the screen), and the title's words whole, none cut in two.
    (row,) = [r for r in rows if "practice" in r]
    assert "│ 2026-11-20 │ practice │ The Organisation " in row
    assert "2/3 (67%)" in row and "09:0" not in row
