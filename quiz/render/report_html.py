"""The class report as one self-contained HTML page (inline CSS and SVG, no scripts).

Every text from an export is escaped: data, never HTML.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from quiz.files import FileExists, FileProblem, write_new
from quiz.progress.report import BankResult, Report, ReportError
from quiz.render.report_text import behind_note, percent_label, summary_line
from quiz.store import percent
from quiz.text.counts import count
from quiz.text.safe import printable_name, visible

#: The page's only style: inline, no fonts or scripts from anywhere.
CSS = """
:root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec;
  --low: #c0392b; --mid: #b7791f; --high: #2f855a; --track: #e4e7eb; }
* { box-sizing: border-box; }
body { margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: var(--ink);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .2rem; }
.muted, .file { color: var(--muted); }
.file { font-size: .85rem; margin: 0 0 .6rem; }
table { border-collapse: collapse; width: 100%; }
/* Fixed columns, so every bank's table lines up with the others. */
table.items { table-layout: fixed; }
table.items col.id { width: 4.5rem; }
table.items col.count { width: 6rem; }
table.items col.right { width: 12rem; }
table.items col.wrong { width: 22%; }
table.students { width: auto; min-width: 28rem; }
td { overflow-wrap: anywhere; }
th, td { border-bottom: 1px solid var(--line); padding: .4rem .5rem; vertical-align: top;
  text-align: start; }
th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
td.num, th.num { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.id { color: var(--muted); font-size: .85rem; white-space: nowrap; }
td.right { white-space: nowrap; }
.pct { display: inline-block; min-width: 3.2em; text-align: end; font-weight: 600;
  font-variant-numeric: tabular-nums; }
svg.bar { vertical-align: middle; margin-inline-end: .4rem; }
svg.bar .track { fill: var(--track); }
svg.bar .low { fill: var(--low); }
svg.bar .mid { fill: var(--mid); }
svg.bar .high { fill: var(--high); }
.count { color: var(--muted); white-space: nowrap; }
.files { font-size: .85rem; }
@media print { body { margin: 0; max-width: none; } section { break-inside: avoid; } }
"""


def _e(text: object) -> str:
    # Control and bidi characters shown as escapes, as on a terminal; then HTML-escaped.
    return html.escape(visible(str(text)), quote=True)


def _level(share: float) -> str:
    return "low" if share < 50 else "mid" if share < 75 else "high"


def _bar(right: int, answers: int) -> str:
    """Return an inline SVG bar of right out of answers, 120 px wide."""
    share = percent(right, answers)
    label = f"{percent_label(right, answers)} right ({right} of {answers})"
    return (
        f'<svg class="bar" width="120" height="14" viewBox="0 0 100 14" '
        f'preserveAspectRatio="none" role="img" aria-label="{_e(label)}">'
        f"<title>{_e(label)}</title>"
        f'<rect class="track" width="100" height="14" rx="2"/>'
        f'<rect class="{_level(share)}" width="{share:.1f}" height="14" rx="2"/></svg>'
    )


def _right_cell(right: int, answers: int) -> str:
    return (
        f'<td class="right">{_bar(right, answers)}'
        f'<span class="pct">{percent_label(right, answers)}</span></td>'
    )


def _bank_section(bank: BankResult) -> str:
    rows = []
    for q in bank.questions:
        wrong = q.most_picked_wrong
        wrong_cell = (
            "<td></td>"
            if wrong is None
            # The count is isolated left to right, or after an Arabic choice it reads backwards.
            else f'<td dir="auto">{_e(wrong.text)} <span class="count" dir="ltr" '
            f'title="picked in {wrong.count} wrong answers">×{wrong.count}</span></td>'
        )
        rows.append(
            "<tr>"
            f'<td class="id" dir="auto">{_e(q.question_id)}</td>'
            f'<td class="question" dir="auto">{_e(q.question)}</td>'
            f'<td class="num">{q.answers}</td>'
            f'<td class="num">{q.students}</td>'
            f"{_right_cell(q.right, q.answers)}"
            f"{wrong_cell}"
            "</tr>"
        )
    return (
        "<section>"
        f'<h2 dir="auto">{_e(bank.title)}</h2>'
        f'<p class="file" dir="auto">{_e(bank.file_name)} · {count(bank.answers, "answer")}, '
        f"{percent_label(bank.right, bank.answers)} right</p>"
        '<table class="items"><colgroup><col class="id"><col><col class="count">'
        '<col class="count"><col class="right"><col class="wrong"></colgroup><thead><tr>'
        '<th>ID</th><th>Question</th><th class="num">Answers</th><th class="num">Students</th>'
        "<th>Right</th><th>Most picked wrong choice</th>"
        "</tr></thead><tbody>" + "".join(rows) + "</tbody></table></section>"
    )


def _students_section(report: Report) -> str:
    heading = f'<h2>Students most behind</h2><p class="file">{_e(behind_note(report))}</p>'
    if not report.behind:
        return f"<section>{heading}<p>No student has that many answers yet.</p></section>"
    rows = "".join(
        "<tr>"
        f'<td dir="auto">{_e(s.name)}</td>'
        f'<td class="num">{s.answers}</td>'
        f"{_right_cell(s.right, s.answers)}"
        "</tr>"
        for s in report.behind
    )
    return (
        f'<section>{heading}<table class="students"><thead><tr><th>Student</th>'
        '<th class="num">Answers</th><th>Right</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></section>"
    )


def render_html(report: Report) -> str:
    """Return the report as one self-contained HTML page (inline CSS and SVG, no scripts)."""
    files = ", ".join(f'<span dir="auto">{_e(p.name)}</span>' for p in report.files)
    if report.students:
        body = "".join(_bank_section(b) for b in report.banks) + _students_section(report)
    else:
        body = "<p>No answers in these exports.</p>"
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Quiz report</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header><h1>Quiz report</h1><p class="muted">{_e(summary_line(report))}</p>'
        f'<p class="files muted">Files: {files}</p></header>\n'
        f"<main>{body}</main>\n</body>\n</html>\n"
    )


def write_html(report: Report, out: Path, *, force: bool = False) -> None:
    """Write the report's HTML page to a new file (an existing one only with `force`), never
    over one of its own inputs."""
    name = printable_name(str(out))
    if os.path.lexists(out) and any(_same_file(out, f) for f in report.files):
        raise ReportError(f"{name} is one of the exports being read; name another file for --html")
    if os.path.isdir(out):
        raise ReportError(f"{name} is a folder; name a file for --html, e.g. report.html")
    try:
        write_new(out, render_html(report), force=force)
    except FileExists as problem:
        raise ReportError(f"{name} {problem}") from None
    except FileProblem as problem:
        raise ReportError(f"{name}: {problem}; choose another place") from None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
