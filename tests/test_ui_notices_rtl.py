"""A notification in Arabic reads in order over its rows: the app wraps it in reading order and
lays out each row (a line reordered whole and wrapped by the toast put its first words last)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from test_rtl import canonical, read_rtl
from textual.widgets._toast import Toast
from ui_helpers import THREE, build

NOTICE = "لا شيء للمراجعة: لم تُخطئ في أي سؤال في آخر مرة."


@pytest.mark.parametrize("size", [(80, 24), (50, 15)])
async def test_an_arabic_notice_wraps_in_reading_order(tmp_path: Path, size) -> None:
    (tmp_path / "three.yaml").write_text(THREE, encoding="utf-8")
    app, store = build(tmp_path, tmp_path / "s.db", lang="ar")
    with store:
        async with app.run_test(size=size, notifications=True) as pilot:
            # Review every bank, yes: nothing was answered wrong, and a notice says so.
            await pilot.press("v", "y")
            toasts: list[Toast] = []
            for _ in range(40):
                await pilot.pause(0.05)
                toasts = list(app.screen.query(Toast))
                if toasts:
                    break
            (toast,) = toasts
            rows = [strip.text for strip in toast.render_lines(toast.region.reset_offset)]
            # The rows with text, inside the toast's coloured edge and padding.
            lines = [row.rstrip() for row in rows if row.strip("▌ ")]
            drawn = [row.strip("▌ ") for row in lines]
            assert len(drawn) >= 2  # the notice takes two rows or more at both sizes
            # Read right to left, row after row, top to bottom: the sentence as written.
            read = " ".join(canonical(read_rtl(row.strip())) for row in drawn)
            assert read == canonical(NOTICE)
            # Every row ends at the same column on the right.
            assert len({cell_len(row) for row in lines}) == 1


def test_notices_are_given_in_reading_order_everywhere() -> None:
    # QuizApp.notify lays a notice out itself: one laid out before (ui_line) would be laid out
    # twice, and an Arabic notice would read backwards.
    import re

    package = Path(__file__).resolve().parent.parent / "quiz"
    twice = [
        f"{path.relative_to(package.parent)}"
        for path in package.rglob("*.py")
        if re.search(r"notify\(\s*ui_line\(", path.read_text(encoding="utf-8"))
    ]
    assert twice == []
