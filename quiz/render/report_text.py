"""The class report printed as tables for a terminal, and the `quiz report` command.

The numbers come from quiz.progress.report.build_report; Rich is imported only when printing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO

from quiz.progress.items import MIN_STUDENTS
from quiz.progress.report import MIN_ANSWERS, Filters, QuestionResult, Report, build_report
from quiz.progress.report_items import TestAnalysis
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


#: The widths of the question table's columns, 80 in all with the spaces between them.
QUESTION_WIDTH = 33


def _figure(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:+.{digits}f}" if value < 0 else f"{value:.{digits}f}"


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


def test_lines(test: TestAnalysis | None) -> list[str]:
    """The lines that describe a bank as a test: students, mean, spread, reliability."""
    if test is None or not test.students:
        return []
    few = f"too few students (under {MIN_STUDENTS})"
    lines = [
        f"{_plural(test.students, 'student')}, {_plural(test.items, 'question')}; "
        f"score out of {test.items}: mean {_figure(test.mean)}, median {_figure(test.median, 1)}, "
        f"SD {_figure(test.sd)}"
    ]
    if test.skewness is None:
        lines.append(f"Skewness, kurtosis: {few}")
    else:
        lines.append(f"Skewness {_figure(test.skewness)}, kurtosis {_figure(test.kurtosis)}")
    if test.alpha is None or test.alpha_ci is None:
        lines.append(f"Alpha (KR-20), SEM: {few} or items")
    else:
        low, high = test.alpha_ci
        sem = _figure(test.sem)
        lines.append(
            f"Alpha (KR-20) {_figure(test.alpha)}, 95% CI {_figure(low)} to {_figure(high)}, "
            f"SEM {sem}"
        )
    lines.append(test.reading[:1].upper() + test.reading[1:] + ".")
    return lines


def question_lines(q: QuestionResult) -> list[str]:
    """A question's row (80 columns) and, indented under it, its flags and distractors."""
    from rich.cells import set_cell_size

    item = q.analysis
    number = item.number if item else 0
    text = " ".join(q.question.split())
    if len(text) > QUESTION_WIDTH:
        text = text[: QUESTION_WIDTH - 1] + "…"
    row = (
        f"{number:>3} {set_cell_size(text, QUESTION_WIDTH)} {q.answers:>4} {q.students:>4} "
        f"{percent_label(q.right, q.answers):>5} "
        f"{_figure(item.discrimination if item else None):>6} "
        f"{_share(item.efficiency if item else None):>5} "
        f"{_figure(item.d27 if item else None):>6} "
        f"{_figure(item.sd if item else None):>5}"
    )
    lines = [row]
    if item is None:
        return lines
    detail = [f"id {q.question_id}"]
    if q.most_picked_wrong is not None:
        wrong = q.most_picked_wrong
        detail.append(f"most picked wrong {wrong.text!r} ({wrong.count})")
    if item.discrimination is None:
        detail.append("discrimination: too few students")
    detail.extend(item.flags)
    lines.extend(_wrap("; ".join(detail)))
    for choice in item.choices:
        if choice.flag:
            lines.extend(
                _wrap(
                    f"{'key' if choice.key else 'distractor'} {choice.text!r}: "
                    f"picked by {choice.picked} (upper {choice.upper}, lower {choice.lower}), "
                    f"r {_figure(choice.discrimination)}: {choice.flag}"
                )
            )
    return lines


def _wrap(text: str) -> list[str]:
    import textwrap

    return textwrap.wrap(text, 80, initial_indent="    ", subsequent_indent="      ")


HEADER = (
    f"{'#':>3} {'Question':<{QUESTION_WIDTH}} {'Ans':>4} {'Stu':>4} {'Right':>5} "
    f"{'Disc':>6} {'Eff':>5} {'D27':>6} {'SD':>5}"
)


def print_report(report: Report, stream: IO[str], *, width: int | None = None) -> None:
    """Print the report as plain lines of at most 80 columns to a text stream."""
    from rich.text import Text

    from quiz.text.safe import guarded_console

    # Every text segment is made visible: control and bidi characters in exports are data.
    console = guarded_console(stream, width=width or 80, highlight=False, emoji=False)

    def say(line: str = "", style: str = "") -> None:
        # Text from exports is data, never markup: always wrapped in Text.
        import textwrap

        for piece in textwrap.wrap(line, 80) if len(line) > 80 else [line]:
            console.print(Text(piece, style=style), overflow="fold")

    say(f"Quiz report: {summary_line(report)}", "bold")
    if not report.students:
        say("No answers in these exports.")
        return
    say(f"Counted: {report.filters.describe()}.")
    if report.duplicates:
        say(f"{_plural(report.duplicates, 'answer')} held by more than one file counted once.")
    for bank in report.banks:
        say()
        say(f"{bank.title} ({bank.file_name})", "bold")
        for line in test_lines(bank.test):
            say(line)
        say(HEADER)
        for q in sorted(bank.questions, key=lambda q: q.analysis.number if q.analysis else 0):
            for line in question_lines(q):
                say(line)
    say()
    say("Students most behind", "bold")
    say(behind_note(report))
    if not report.behind:
        say("No student has that many answers yet; see --min-answers.")
        return
    say(f"{'Student':<40} {'Answers':>8} {'Right':>6}")
    for student in report.behind:
        say(
            f"{student.name:<40} {student.answers:>8} "
            f"{percent_label(student.right, student.answers):>6}"
        )


def report_command(
    paths: Sequence[str | Path],
    *,
    html_out: str | Path | None = None,
    force: bool = False,
    min_answers: int = MIN_ANSWERS,
    filters: Filters | None = None,
    fmt: str = "text",
    gradebook: str | Path | None = None,
    stdout: IO[str],
    stderr: IO[str],
) -> None:
    """Run `quiz report`: print the tables or the JSON, or write the HTML page; the gradebook."""
    report = build_report([Path(p) for p in paths], min_answers=min_answers, filters=filters)
    if gradebook is not None:
        from quiz.progress.report_gradebook import write_gradebook

        write_gradebook(report, Path(gradebook), force=force)
        print(f"wrote {gradebook}: {_plural(len(report.students), 'student')}", file=stderr)
    if html_out is not None:
        from quiz.render.report_html import write_html

        write_html(report, Path(html_out), force=force)
        print(f"wrote {html_out}: {summary_line(report)}", file=stderr)
    elif fmt == "json":
        import json

        from quiz.progress.report_json import report_json

        stdout.write(json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n")
    else:
        print_report(report, stdout)
