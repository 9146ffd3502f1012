"""The class report as one self-contained HTML page (inline CSS and SVG, no scripts).

Every text from an export is escaped: data, never HTML.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from quiz.files import FileExists, FileProblem, write_new
from quiz.progress.report import BankResult, QuestionResult, Report, ReportError
from quiz.progress.report_items import ItemAnalysis
from quiz.render.report_text import behind_note, percent_label, summary_line, test_lines
from quiz.store import percent
from quiz.text.counts import count
from quiz.text.rtl import paragraph_direction
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
table.items col.n { width: 2.5rem; }
table.items col.id { width: 6rem; }
table.items col.count { width: 5.5rem; }
table.items col.right { width: 13rem; }
table.items col.fig { width: 4.2rem; }
table.items col.flags { width: 10rem; }
table.choices { width: auto; min-width: 32rem; margin: .4rem 0 1rem; }
caption { text-align: start; font-weight: 600; padding: .3rem 0; }
.overview { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start;
  margin: .4rem 0 1rem; }
.figures { margin: 0 0 .3rem; }
svg.chart .plot { fill: #f8fafc; stroke: var(--line); }
svg.chart .guide { stroke: var(--line); stroke-dasharray: 4 3; }
svg.chart text { font-size: 11px; fill: var(--muted); }
svg.chart .point circle { fill: var(--high); }
svg.chart .point.weak circle { fill: var(--mid); }
svg.chart .point.bad circle { fill: var(--low); }
svg.chart .point text { fill: var(--ink); }
td.flag { color: var(--low); font-size: .85rem; }
table.students { width: auto; min-width: 28rem; }
td { overflow-wrap: anywhere; }
th, td { border-bottom: 1px solid var(--line); padding: .4rem .5rem; vertical-align: top;
  text-align: start; }
th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
td.num, th.num { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
/* An id wraps inside its own column, never over the question beside it. */
td.id { color: var(--muted); font-size: .85rem; overflow-wrap: anywhere; word-break: break-all; }
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


def _num(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:+.{digits}f}" if value < 0 else f"{value:.{digits}f}"


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def _is_rtl(bank: BankResult) -> bool:
    """Whether most of the bank's questions are written right to left (Arabic, Hebrew...)."""
    rtl = sum(paragraph_direction(q.question, False) for q in bank.questions)
    return rtl * 2 > len(bank.questions)


def _numbered(bank: BankResult) -> list[QuestionResult]:
    return sorted(bank.questions, key=lambda q: q.analysis.number if q.analysis else 0)


def _chart(bank: BankResult) -> str:
    """An inline SVG of each question's facility (x) against its discrimination (y)."""
    left, top, width, height = 44, 12, 300, 200
    x = lambda f: left + f * width  # noqa: E731
    y = lambda d: top + (1 - d) / 2 * height  # noqa: E731
    parts = [
        f'<svg class="chart" dir="ltr" width="{left + width + 16}" height="{top + height + 40}" '
        f'role="img" aria-label="Facility against discrimination, one point per question">',
        "<title>Facility against discrimination</title>",
        f'<rect class="plot" x="{left}" y="{top}" width="{width}" height="{height}"/>',
    ]
    for f in (0.2, 0.9):
        parts.append(
            f'<line class="guide" x1="{x(f):.1f}" y1="{top}" x2="{x(f):.1f}" y2="{top + height}"/>'
        )
    for d in (0.0, 0.2):
        parts.append(
            f'<line class="guide" x1="{left}" y1="{y(d):.1f}" x2="{left + width}" y2="{y(d):.1f}"/>'
        )
    for d in (-1.0, 0.0, 0.2, 1.0):
        parts.append(
            f'<text class="tick" x="{left - 4}" y="{y(d) + 4:.1f}" '
            f'text-anchor="end">{_num(d, 1)}</text>'
        )
    for f in (0.0, 0.2, 0.9, 1.0):
        parts.append(
            f'<text class="tick" x="{x(f):.1f}" y="{top + height + 14}" '
            f'text-anchor="middle">{f * 100:.0f}%</text>'
        )
    parts.append(
        f'<text class="axis" x="{left + width / 2}" y="{top + height + 32}" '
        'text-anchor="middle">facility (share right)</text>'
    )
    # Questions at the same point share one dot, labelled with all their numbers.
    points: dict[tuple[str, str], list[ItemAnalysis]] = {}
    for q in _numbered(bank):
        item = q.analysis
        if item is not None and item.discrimination is not None:
            at = (f"{x(item.facility):.1f}", f"{y(item.discrimination):.1f}")
            points.setdefault(at, []).append(item)
    drawn = len(points)
    for (cx, cy), here in points.items():
        worst = min(i.discrimination or 0.0 for i in here)
        kind = "bad" if worst < 0 else "weak" if any(i.flags for i in here) else "good"
        label = "; ".join(
            f"Q{i.number}: facility {_share(i.facility)}, discrimination {_num(i.discrimination)}"
            for i in here
        )
        numbers = ", ".join(str(i.number) for i in here)
        parts.append(
            f'<g class="point {kind}"><title>{_e(label)}</title>'
            f'<circle cx="{cx}" cy="{cy}" r="4"/>'
            f'<text x="{float(cx) + 6:.1f}" y="{float(cy) - 5:.1f}">{numbers}</text></g>'
        )
    if not drawn:
        parts.append(
            f'<text class="axis" x="{left + width / 2}" y="{top + height / 2}" '
            'text-anchor="middle">too few students for discrimination</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _test_figures(bank: BankResult) -> str:
    lines = test_lines(bank.test)
    return "".join(f'<p class="figures" dir="auto">{_e(line)}</p>' for line in lines)


def _choices_table(q: QuestionResult) -> str:
    item = q.analysis
    if item is None or not item.choices:
        return ""
    rows = "".join(
        "<tr>"
        f'<td dir="auto">{_e(c.text)}</td>'
        f"<td>{'key' if c.key else ''}</td>"
        f'<td class="num">{c.picked}</td><td class="num">{c.upper}</td>'
        f'<td class="num">{c.lower}</td><td class="num">{_num(c.discrimination)}</td>'
        f'<td class="flag">{_e(c.flag or "")}</td>'
        "</tr>"
        for c in item.choices
    )
    return (
        f'<table class="choices"><caption dir="auto">{item.number}. {_e(q.question)}</caption>'
        '<thead><tr><th>Choice</th><th></th><th class="num">Picked</th>'
        '<th class="num">Upper 27%</th><th class="num">Lower 27%</th><th class="num">r</th>'
        f"<th>Flag</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _bank_section(bank: BankResult) -> str:
    rows = []
    for q in _numbered(bank):
        item = q.analysis
        rows.append(
            "<tr>"
            f'<td class="num">{item.number if item else ""}</td>'
            f'<td class="id" dir="auto">{_e(q.question_id)}</td>'
            f'<td class="question" dir="auto">{_e(q.question)}</td>'
            f'<td class="num">{q.answers}</td>'
            f'<td class="num">{q.students}</td>'
            f"{_right_cell(q.right, q.answers)}"
            f'<td class="num">{_num(item.discrimination if item else None)}</td>'
            f'<td class="num">{_share(item.efficiency if item else None)}</td>'
            f'<td class="num">{_num(item.d27 if item else None)}</td>'
            f'<td class="flag">{_e("; ".join(item.flags) if item else "")}</td>'
            "</tr>"
        )
    direction = ' dir="rtl"' if _is_rtl(bank) else ""
    return (
        f'<section class="bank"{direction}>'
        f'<h2 dir="auto">{_e(bank.title)}</h2>'
        f'<p class="file" dir="auto">{_e(bank.file_name)} · {count(bank.answers, "answer")}, '
        f"{percent_label(bank.right, bank.answers)} right</p>"
        f'<div class="overview"><div>{_test_figures(bank)}</div>{_chart(bank)}</div>'
        '<table class="items"><colgroup><col class="n"><col class="id"><col>'
        '<col class="count"><col class="count"><col class="right"><col class="fig">'
        '<col class="fig"><col class="fig"><col class="flags"></colgroup><thead><tr>'
        '<th class="num">#</th><th>ID</th><th>Question</th><th class="num">Answers</th>'
        '<th class="num">Students</th><th>Right</th><th class="num">Disc</th>'
        '<th class="num">Eff</th><th class="num">D27</th><th>Flags</th>'
        "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
        "<h3>Choices</h3>" + "".join(_choices_table(q) for q in _numbered(bank)) + "</section>"
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
