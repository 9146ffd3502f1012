"""The class report printed as tables for a terminal, and the `quiz report` command.

The numbers come from quiz.progress.report.build_report; Rich is imported only when printing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO

from quiz.progress.report import MIN_ANSWERS, Report, build_report
from quiz.store import percent


def percent_label(right: int, answers: int) -> str:
    """Return right out of answers as a whole percentage, never 0% or 100% unless exactly so."""
    value = int(percent(right, answers) + 0.5)
    if right < answers:
        value = min(value, 99)
    if right > 0:
        value = max(value, 1)
    return f"{value}%"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def behind_note(report: Report) -> str:
    """Return the line under the heading of the students most behind."""
    least = _plural(report.min_answers, "answer")
    note = f"Lowest percent right first, of those with at least {least}"
    if report.unranked:
        note += f"; {_plural(report.unranked, 'student')} with fewer not ranked"
    return note + "."


def summary_line(report: Report) -> str:
    """Return one line saying what the report covers."""
    return (
        f"{_plural(len(report.students), 'student')}, {_plural(report.answers, 'answer')}, "
        f"from {_plural(len(report.files), 'file')}"
    )


def print_report(report: Report, stream: IO[str], *, width: int | None = None) -> None:
    """Print the report as plain tables (Rich) to a text stream."""
    # Rich only here: building the report needs none of it.
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from quiz.text.safe import guarded_console

    # Every text segment is made visible: control and bidi characters in exports are data.
    console = guarded_console(stream, width=width, highlight=False, emoji=False)
    console.print(Text(f"Quiz report: {summary_line(report)}", style="bold"))
    if not report.students:
        console.print(Text("No answers in these exports."))
        return
    for bank in report.banks:
        console.print()
        # Text from exports is data, never markup: always wrapped in Text.
        console.print(Text(f"{bank.title} ({bank.file_name})", style="bold"))
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column("ID", no_wrap=True)
        table.add_column("Question", ratio=3)
        table.add_column("Answers", justify="right")
        table.add_column("Students", justify="right")
        table.add_column("Right", justify="right")
        table.add_column("Most picked wrong choice", ratio=2)
        for q in bank.questions:
            wrong = q.most_picked_wrong
            table.add_row(
                Text(q.question_id),
                Text(q.question),
                Text(str(q.answers)),
                Text(str(q.students)),
                Text(percent_label(q.right, q.answers)),
                Text("" if wrong is None else f"{wrong.text} ({wrong.count})"),
            )
        console.print(table)
    console.print()
    console.print(Text("Students most behind", style="bold"))
    console.print(Text(behind_note(report)))
    if not report.behind:
        console.print(Text("No student has that many answers yet; see --min-answers."))
        return
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Student")
    table.add_column("Answers", justify="right")
    table.add_column("Right", justify="right")
    for student in report.behind:
        table.add_row(
            Text(student.name),
            Text(str(student.answers)),
            Text(percent_label(student.right, student.answers)),
        )
    console.print(table)


def report_command(
    paths: Sequence[str | Path],
    *,
    html_out: str | Path | None = None,
    force: bool = False,
    min_answers: int = MIN_ANSWERS,
    stdout: IO[str],
    stderr: IO[str],
) -> None:
    """Run `quiz report`: print the tables, or write the HTML page and say so on stderr."""
    report = build_report([Path(p) for p in paths], min_answers=min_answers)
    if html_out is None:
        print_report(report, stdout)
        return
    from quiz.render.report_html import write_html

    write_html(report, Path(html_out), force=force)
    print(f"wrote {html_out}: {summary_line(report)}", file=stderr)
