"""The statistics printed as Rich tables, for `quiz stats` (the numbers: quiz.progress.stats).

Rich is imported inside the functions, so importing this module loads none of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from quiz.progress.stats import PRIOR_WEIGHT, ScorePoint, Stats
from quiz.progress.stats_data import kind_word
from quiz.progress.stats_time import IDLE_CAP_MS
from quiz.text.i18n import digits, duration, t

if TYPE_CHECKING:
    from rich.console import Console

#: How many of the latest sessions and days the printed tables list.
PRINTED_SESSIONS = 10
PRINTED_DAYS = 7

#: A sparkline's cells, 0% (a blank) to 100%: the scale is absolute, never the values' range.
_BARS = " ▁▂▃▄▅▆▇█"

#: The cells of a session's score bar: the whole bar is 100%.
SCORE_CELLS = 10


def bar(percent: float, cells: int = SCORE_CELLS) -> str:
    """A bar on the absolute scale: `cells` cells are 100%, none filled is 0% (`███░░░░░░░`)."""
    filled = max(0, min(cells, round(cells * percent / 100)))
    return "█" * filled + "░" * (cells - filled)


def chance_rule() -> str:
    """How the weakest questions' chance is worked out, in one line (quiz.progress.stats)."""
    return t("stats.chance_rule", weight=PRIOR_WEIGHT, half=digits("1/2"))


def time_rule() -> str:
    """How time spent is counted, in one line (quiz.progress.stats_time)."""
    return t("stats.time_rule", minutes=IDLE_CAP_MS // 60_000)


def score_row(point: ScorePoint) -> str:
    """One session's line of the score chart: its date, its bar, its score, its kind."""
    return t(
        "stats.score_row",
        date=digits(point.finished.strftime("%Y-%m-%d")),
        bar=bar(point.percent),
        # Padded to the width of 100%, so the columns after it line up.
        percent=t("percent", value=point.percent).rjust(len(t("percent", value=100))),
        correct=min(point.correct, point.planned) if point.planned > 0 else point.correct,
        planned=point.planned if point.planned > 0 else point.answers,
        kind=kind_word(point.kind),
    )


def print_stats(stats: Stats, stream: TextIO, width: int | None = None) -> None:
    """Print the statistics as Rich tables; text from bank files is never read as markup."""
    from quiz.text.safe import guarded_console

    console = guarded_console(
        stream, width=width, highlight=False, markup=False, emoji=False, soft_wrap=False
    )
    _print_summary(console, stats)
    if not stats.answers:
        return
    _print_scores(console, stats)
    _print_days(console, stats)
    _print_tags(console, stats)
    _print_weakest(console, stats)


def _print_summary(console: Console, stats: Stats) -> None:
    from rich.table import Table
    from rich.text import Text

    scope = t("cli.stats.all_banks") if stats.bank is None else stats.title_of(stats.bank)
    console.print(Text(t("cli.stats.title", profile=stats.profile, scope=scope), style="bold"))
    if not stats.answers:
        console.print(Text(t("cli.stats.no_answers")))
        return
    table = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
    table.add_column("figure")
    table.add_column("value", justify="right")
    rows = [
        (t("cli.stats.sessions"), digits(stats.sessions)),
        (t("cli.stats.answers"), digits(stats.answers)),
        (
            t("cli.stats.right"),
            t("cli.stats.right_value", correct=stats.correct, percent=_percent_text(stats.percent)),
        ),
        (t("cli.stats.days"), digits(len(stats.days))),
        (t("cli.stats.streak"), _days_text(stats.current_streak)),
        (t("cli.stats.longest"), _days_text(stats.longest_streak)),
        (t("cli.stats.time"), _duration(stats.time_ms)),
        (t("cli.stats.per_day"), _duration(stats.time_per_day_ms or 0)),
    ]
    for label, value in rows:
        table.add_row(Text(label), Text(value))
    console.print(table)
    console.print(Text(time_rule()))
    console.print()


def _print_scores(console: Console, stats: Stats) -> None:
    from rich.table import Table
    from rich.text import Text

    if not stats.scores:
        return
    shown = stats.scores[-PRINTED_SESSIONS:]
    title = t("cli.stats.scores_title", shown=len(shown), total=len(stats.scores))
    table = Table(title=Text(title), caption=Text(t("cli.stats.scores_caption")))
    table.add_column(t("cli.stats.finished"), no_wrap=True)
    table.add_column(t("cli.stats.kind"))
    table.add_column(t("cli.stats.bank_column"), overflow="fold")
    table.add_column(t("cli.stats.answered"), justify="right", no_wrap=True)
    scale = t("cli.stats.scale", low=t("percent", value=0), high=t("percent", value=100))
    table.add_column(t("cli.stats.score", scale=scale), no_wrap=True)
    for point in shown:
        planned = point.planned if point.planned > 0 else point.answers
        score = t(
            "cli.stats.score_value",
            correct=min(point.correct, planned),
            planned=planned,
            percent=_percent_text(point.percent),
        )
        table.add_row(
            # The date, as the statistics screen shows it: the time of day left room for the title.
            Text(digits(point.finished.strftime("%Y-%m-%d"))),
            Text(kind_word(point.kind)),
            Text(stats.title_of(point.bank)),
            Text(t("cli.stats.of", count=point.answers, total=planned)),
            Text(f"{bar(point.percent)} {score}"),
        )
    console.print(table)
    _print_trend(console, t("cli.stats.per_session"), [p.percent for p in stats.scores])


def _print_days(console: Console, stats: Stats) -> None:
    from rich.table import Table
    from rich.text import Text

    shown = stats.days[-PRINTED_DAYS:]
    title = t("cli.stats.days_title", shown=len(shown), total=len(stats.days))
    table = Table(title=Text(title))
    table.add_column(t("cli.stats.date"))
    table.add_column(t("cli.stats.answers"), justify="right")
    table.add_column(t("cli.stats.right"), justify="right")
    table.add_column(t("cli.stats.time_column"), justify="right")
    for day in shown:
        table.add_row(
            Text(digits(day.day.isoformat())),
            Text(digits(day.answers)),
            Text(_percent_text(day.percent)),
            Text(_duration(day.ms)),
        )
    console.print(table)
    _print_trend(console, t("cli.stats.per_day_trend"), [d.percent for d in stats.days])


def _print_tags(console: Console, stats: Stats) -> None:
    from rich.table import Table
    from rich.text import Text

    if not stats.tags:
        return
    table = Table(title=Text(t("cli.stats.tags_title")))
    table.add_column(t("cli.stats.tag"), overflow="fold")
    table.add_column(t("cli.stats.questions"), justify="right")
    table.add_column(t("cli.stats.answers"), justify="right")
    table.add_column(t("cli.stats.right"), justify="right")
    for tag in stats.tags:
        table.add_row(
            Text(tag.tag),
            Text(digits(tag.questions)),
            Text(digits(tag.answers)),
            Text(_percent_text(tag.percent)),
        )
    console.print(table)
    console.print()


def _print_weakest(console: Console, stats: Stats) -> None:
    from rich.table import Table
    from rich.text import Text

    if not stats.weakest:
        return
    table = Table(title=Text(t("cli.stats.weakest_title")), caption=Text(chance_rule()))
    table.add_column(t("cli.stats.question"), overflow="fold", ratio=3)
    table.add_column(t("cli.stats.bank_column"), overflow="fold", ratio=1)
    table.add_column(t("cli.stats.answers"), justify="right")
    table.add_column(t("cli.stats.right"), justify="right")
    table.add_column(t("cli.stats.recall"), justify="right")
    table.add_column(t("cli.stats.chance"), justify="right")
    for weak in stats.weakest:
        table.add_row(
            Text(weak.text),
            Text(stats.title_of(weak.bank)),
            Text(digits(weak.answers)),
            Text(_percent_text(weak.percent)),
            Text("" if weak.recall is None else _percent_text(100 * weak.recall)),
            Text(_percent_text(100 * weak.chance)),
        )
    console.print(table)


def _print_trend(console: Console, label: str, percents: list[float]) -> None:
    """A sparkline of the latest percentages, as many as fit on one line."""
    from rich.text import Text

    room = max(10, console.width - len(label) - 2)
    console.print(Text(t("cli.stats.trend", label=label, bars=_sparkline(percents[-room:]))))
    console.print()


def _percent_text(value: float | None) -> str:
    return t("percent.none") if value is None else t("percent", value=value)


def _days_text(count: int) -> str:
    return t("cli.stats.day_count", count=count)


def _duration(ms: int) -> str:
    """A duration written as the screens write it (quiz.text.i18n.duration)."""
    return duration(ms / 1000)


def _sparkline(values: list[float]) -> str:
    """Percentages (0 to 100) as a line of block characters, one per value."""
    top = len(_BARS) - 1
    return "".join(_BARS[max(0, min(top, round(v / 100 * top)))] for v in values)
