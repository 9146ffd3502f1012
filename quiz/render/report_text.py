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
from quiz.text.i18n import digits, t


def percent_label(right: int, answers: int) -> str:
    """Return right out of answers as a whole percentage, never 0% or 100% unless exactly so."""
    value = int(percent(right, answers) + 0.5)
    if right < answers:
        value = min(value, 99)
    if right > 0:
        value = max(value, 1)
    return t("report.percent", value=value)


def behind_note(report: Report) -> str:
    """Return the line under the heading of the students most behind."""
    least = t("report.answers", count=report.min_answers)
    if report.unranked:
        fewer = t("report.students", count=report.unranked)
        return t("report.behind_note_unranked", least=least, unranked=fewer)
    return t("report.behind_note", least=least)


def summary_line(report: Report) -> str:
    """Return one line saying what the report covers."""
    return t(
        "report.summary",
        students=t("report.students", count=len(report.students)),
        answers=t("report.answers", count=report.answers),
        files=t("report.files", count=len(report.files)),
    )


def filters_line(filters: Filters) -> str:
    """Which answers were counted, in one line: the attempts, the modes, the banks, the dates."""
    if filters.attempts == "all":
        parts = [t("report.filter.all_attempts")]
    elif filters.attempts == "last":
        parts = [t("report.filter.last_attempt")]
    else:
        parts = [t("report.filter.first_attempt")]
    if "all" in filters.modes:
        parts.append(t("report.filter.all_modes"))
    else:
        parts.append(t("report.filter.modes", modes=", ".join(filters.modes)))
    if filters.banks:
        parts.append(t("report.filter.banks", banks=", ".join(filters.banks)))
    if filters.since:
        parts.append(t("report.filter.since", day=filters.since.isoformat()))
    if filters.until:
        parts.append(t("report.filter.until", day=filters.until.isoformat()))
    return t("report.filter.joiner").join(parts)


#: The widths of the question table's columns, 80 in all with the spaces between them.
QUESTION_WIDTH = 33


def _figure(value: float | None, places: int = 2) -> str:
    if value is None:
        return "-"
    return digits(f"{value:+.{places}f}" if value < 0 else f"{value:.{places}f}")


def _share(value: float | None) -> str:
    return "-" if value is None else t("report.percent", value=round(value * 100))


def analysis_words(words: str) -> str:
    """The words of the analysis (quiz.progress: the same in every language in JSON) in the
    interface's language; words it does not know, as they are."""
    if words == "too easy":
        return t("report.flag.too_easy")
    if words == "too hard":
        return t("report.flag.too_hard")
    if words == "negative: check the key":
        return t("report.flag.negative")
    if words == "does not discriminate":
        return t("report.flag.flat")
    if words == "dubious":
        return t("report.flag.dubious")
    if words == "not working: picked by nobody":
        return t("report.flag.picked_by_nobody")
    if words == "possibly the right answer: check the key":
        return t("report.flag.maybe_the_key")
    if words == "not working: picked by under 5%":
        return t("report.flag.rarely_picked")
    if words == "not working: strong students pick it":
        return t("report.flag.strong_pick_it")
    if words.startswith("too few students to judge reliability"):
        return t("report.reading.too_few", least=MIN_STUDENTS)
    if words.startswith("reliability satisfactory"):
        return t("report.reading.good")
    if words.startswith("reliability unsatisfactory"):
        return t("report.reading.poor")
    if words.startswith("reliability acceptable"):
        return t("report.reading.fair")
    return words


def test_lines(test: TestAnalysis | None) -> list[str]:
    """The lines that describe a bank as a test: students, mean, spread, reliability."""
    if test is None or not test.students:
        return []
    lines = [
        t(
            "report.test",
            students=t("report.students", count=test.students),
            questions=t("report.questions", count=test.items),
            items=test.items,
            mean=_figure(test.mean),
            median=_figure(test.median, 1),
            sd=_figure(test.sd),
        )
    ]
    if test.skewness is None:
        lines.append(t("report.shape_too_few", least=MIN_STUDENTS))
    else:
        lines.append(
            t("report.shape", skewness=_figure(test.skewness), kurtosis=_figure(test.kurtosis))
        )
    if test.alpha is None or test.alpha_ci is None:
        lines.append(t("report.alpha_too_few", least=MIN_STUDENTS))
    else:
        low, high = test.alpha_ci
        lines.append(
            t(
                "report.alpha",
                alpha=_figure(test.alpha),
                low=_figure(low),
                high=_figure(high),
                sem=_figure(test.sem),
            )
        )
    reading = analysis_words(test.reading)
    lines.append(reading[:1].upper() + reading[1:] + ".")
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
        f"{digits(number):>3} {set_cell_size(text, QUESTION_WIDTH)} "
        f"{digits(q.answers):>4} {digits(q.students):>4} "
        f"{percent_label(q.right, q.answers):>5} "
        f"{_figure(item.discrimination if item else None):>6} "
        f"{_share(item.efficiency if item else None):>5} "
        f"{_figure(item.d27 if item else None):>6} "
        f"{_figure(item.sd if item else None):>5}"
    )
    lines = [row]
    if item is None:
        return lines
    detail = [t("report.id", id=q.question_id)]
    if q.most_picked_wrong is not None:
        wrong = q.most_picked_wrong
        detail.append(t("report.most_picked_wrong", text=repr(wrong.text), count=wrong.count))
    if item.discrimination is None:
        detail.append(t("report.discrimination_too_few"))
    detail.extend(analysis_words(flag) for flag in item.flags)
    lines.extend(_wrap(t("report.detail_joiner").join(detail)))
    for choice in item.choices:
        if choice.flag:
            lines.extend(
                _wrap(
                    t(
                        "report.key_choice" if choice.key else "report.distractor",
                        text=repr(choice.text),
                        picked=choice.picked,
                        upper=choice.upper,
                        lower=choice.lower,
                        r=_figure(choice.discrimination),
                        flag=analysis_words(choice.flag),
                    )
                )
            )
    return lines


def _wrap(text: str) -> list[str]:
    import textwrap

    return textwrap.wrap(text, 80, initial_indent="    ", subsequent_indent="      ")


def header() -> str:
    """The question table's heading, its words in the interface's language."""
    return (
        f"{'#':>3} {t('report.column.question'):<{QUESTION_WIDTH}} "
        f"{t('report.column.answers'):>4} {t('report.column.students'):>4} "
        f"{t('report.column.right'):>5} {t('report.column.discrimination'):>6} "
        f"{t('report.column.efficiency'):>5} {'D27':>6} {t('report.column.sd'):>5}"
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

    say(t("report.title", summary=summary_line(report)), "bold")
    if not report.students:
        say(t("report.no_answers"))
        return
    say(t("report.counted", filters=filters_line(report.filters)))
    if report.duplicates:
        say(t("report.duplicates", count=report.duplicates))
    for bank in report.banks:
        say()
        say(f"{bank.title} ({bank.file_name})", "bold")
        for line in test_lines(bank.test):
            say(line)
        say(header())
        for q in sorted(bank.questions, key=lambda q: q.analysis.number if q.analysis else 0):
            for line in question_lines(q):
                say(line)
    say()
    say(t("report.behind_title"), "bold")
    say(behind_note(report))
    if not report.behind:
        say(t("report.behind_none"))
        return
    say(
        f"{t('report.column.student'):<40} {t('report.column.student_answers'):>8} "
        f"{t('report.column.right'):>6}"
    )
    for student in report.behind:
        say(
            f"{student.name:<40} {digits(student.answers):>8} "
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
        students = t("report.students", count=len(report.students))
        print(t("report.wrote", path=str(gradebook), what=students), file=stderr)
    if html_out is not None:
        from quiz.render.report_html import write_html
        from quiz.text.settings import Settings, using

        # The page's own words are not translated yet: the lines it takes from here are
        # English too, so that it reads in one language.
        with using(Settings()):
            write_html(report, Path(html_out), force=force)
        print(t("report.wrote", path=str(html_out), what=summary_line(report)), file=stderr)
    elif fmt == "json":
        import json

        from quiz.progress.report_json import report_json

        stdout.write(json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n")
    else:
        print_report(report, stdout)
