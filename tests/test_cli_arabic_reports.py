"""The command line's reports in Arabic (`quiz db`, `quiz import`, `quiz export`, `quiz
report`): every word from the catalogue, numbers in Arabic-Indic digits, logical order on a pipe;
English unchanged (the English wording is tested with each command)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import seed_session

from quiz.cli import main
from quiz.store import Store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], list[str]]:
    code = main(["--lang", "ar", *argv])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


@pytest.fixture
def scores(tmp_path: Path) -> Path:
    db = tmp_path / "scores.db"
    with Store.open(db) as store:
        seed_session(store, bank="/b.yaml", title="عواصم", results=[True, False, True])
    return db


def test_db_check_in_arabic(scores: Path, tmp_path: Path, capsys) -> None:
    assert run(capsys, "db", "check", "--db", str(scores)) == (
        0,
        [
            f"{scores}: قاعدة بيانات نتائج quiz (SQLite)",
            "  إصدار المخطط ٥، إصدار هذا البرنامج",
            "  جلسة واحدة، ٣ إجابات، لا بطاقات، لا مراجعات",
            "  السلامة: لا مشكلات",
        ],
        [],
    )
    missing = tmp_path / "none.db"
    assert run(capsys, "db", "check", "--db", str(missing)) == (
        1,
        [],
        [f"quiz: error: {missing}: لا توجد هنا قاعدة بيانات نتائج؛ راجع --db"],
    )


def test_db_migrate_in_arabic(scores: Path, tmp_path: Path, capsys) -> None:
    copy = tmp_path / "copy.db"
    code, out, _ = run(capsys, "db", "migrate", "--from", str(scores), "--to", str(copy))
    assert (code, out) == (
        0,
        [
            f"نُسخت {scores} إلى {copy}",
            "  الجلسات: ١ في المصدر، أُضيف منها ١، و٠ موجودة من قبل",
            "  الإجابات: ٣ في المصدر، أُضيف منها ٣، و٠ موجودة من قبل",
            "  البطاقات: ٠ في المصدر، أُضيف منها ٠، و٠ موجودة من قبل",
            "  المراجعات: ٠ في المصدر، أُضيف منها ٠، و٠ موجودة من قبل",
        ],
    )
    code, _, err = run(capsys, "db", "migrate", "--from", str(scores), "--to", str(scores))
    assert (code, err) == (
        1,
        [f"quiz: error: {scores}: الخياران --from و--to يسمّيان قاعدة البيانات نفسها"],
    )
