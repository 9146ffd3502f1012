"""The class gradebook (`quiz report --gradebook FILE`): a row per student, a column per question.

Cells are `right`, `wrong` or empty (not answered, or left out by the filters); then the
student's totals: `answered` and `right` over those columns. UTF-8 with a BOM, CRLF, every cell
through the CSV formula guard (quiz.text.safe.csv_writer): a name like `=HYPERLINK(...)` shows
as text in a spreadsheet.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from quiz.files import FileExists, FileProblem, write_new
from quiz.progress.report import Report, ReportError
from quiz.text.safe import csv_writer, printable_name


def gradebook_csv(report: Report) -> str:
    """The gradebook as CSV text."""
    columns: list[tuple[tuple[str, str], str]] = []
    for bank in report.banks:
        ordered = sorted(bank.questions, key=lambda q: q.analysis.number if q.analysis else 0)
        columns.extend(((bank.title, bank.file_name), q.question_id) for q in ordered)
    several = len(report.banks) > 1
    stream = io.StringIO()
    writer = csv_writer(stream, lineterminator="\r\n")
    writer.writerow(
        ["student"]
        + [f"{key[0]}: {qid}" if several else qid for key, qid in columns]
        + ["answered", "right"]
    )
    for student in report.students:
        cells = []
        answered = right = 0
        for key, qid in columns:
            result = report.responses.get(key, {}).get(student.name, {}).get(qid)
            if result is None:
                cells.append("")
                continue
            answered += 1
            right += result
            cells.append("right" if result else "wrong")
        writer.writerow([student.name, *cells, answered, right])
    return "\ufeff" + stream.getvalue()


def write_gradebook(report: Report, out: Path, *, force: bool = False) -> None:
    """Write the gradebook to a new file (an existing one only with `force`), never an input."""
    name = printable_name(str(out))
    for f in report.files:
        try:
            if os.path.lexists(out) and os.path.samefile(out, f):
                raise ReportError(f"{name} is one of the exports being read; name another file")
        except OSError:
            pass
    try:
        write_new(out, gradebook_csv(report), force=force, newline="")
    except FileExists as problem:
        raise ReportError(f"{name} {problem}") from None
    except FileProblem as problem:
        raise ReportError(f"{name}: {problem}; choose another place") from None
