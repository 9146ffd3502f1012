"""What the teacher's page shows beside the roster: the class report and the results export.

Both read every answer in the score database as it is now, with the same functions as
`quiz results export` and `quiz report --html`, so the numbers are the ones those commands
give. They block (database reads): the server runs them in a thread.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from pathlib import Path

from quiz.progress.export import export_rows, write_csv
from quiz.progress.report import build_report
from quiz.render.report_html import render_html
from quiz.store import Store


def results_csv(database: Path | str) -> bytes:
    """Every answer so far as the CSV of `quiz results export` (UTF-8 with BOM)."""
    with Store.open(database) as store:
        text = io.StringIO(newline="")
        write_csv(export_rows(store), text)
    return text.getvalue().encode("utf-8")


def class_report(database: Path | str, folder: Path) -> str:
    """The class report of every answer so far, as the page of `quiz report --html`.

    The report reads exports: the answers are exported to a `class.csv` in the server's own
    state folder first (one folder for each request: two teachers' pages at once do not read
    each other's half-written file), and each profile (each student's name) is a student.
    """
    work = Path(tempfile.mkdtemp(prefix="report-", dir=folder))
    try:
        export = work / "class.csv"
        export.write_bytes(results_csv(database))
        return render_html(build_report([export], min_answers=1))
    finally:
        shutil.rmtree(work, ignore_errors=True)
