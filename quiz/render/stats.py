"""The statistics printed as Rich tables, for `quiz stats` (the numbers: quiz.progress.stats).

Rich is imported inside the functions, so importing this module loads none of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from quiz.progress.stats import Stats

if TYPE_CHECKING:
    from rich.console import Console

#: How many of the latest sessions and days the printed tables list.
PRINTED_SESSIONS = 10
PRINTED_DAYS = 7

_BARS = "▁▂▃▄▅▆▇█"


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

    scope = "all banks" if stats.bank is None else stats.title_of(stats.bank)
    console.print(Text(f"Statistics of {stats.profile}: {scope}", style="bold"))
    if not stats.answers:
        console.print(Text("No answers yet."))
        return
    table = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
    table.add_column("figure")
    table.add_column("value", justify="right")
    rows = [
        ("Sessions", f"{stats.sessions}"),
        ("Answers", f"{stats.answers}"),
        ("Right", f"{stats.correct} ({_percent_text(stats.percent)})"),
        ("Days practised", f"{len(stats.days)}"),
        ("Current streak", _days_text(stats.current_streak)),
        ("Longest streak", _days_text(stats.longest_streak)),
        ("Time spent", _duration(stats.time_ms)),
        ("Per day practised", _duration(stats.time_per_day_ms or 0)),
    ]
    for label, value in rows:
        table.add_row(Text(label), Text(value))
    console.print(table)
    console.print()


def _print_scores(console: Console, stats: Stats) -> None:
    from rich.table import Table
    from rich.text import Text

    if not stats.scores:
        return
    shown = stats.scores[-PRINTED_SESSIONS:]
    table = Table(title=Text(f"Score over time ({len(shown)} latest of {len(stats.scores)})"))
    table.add_column("Finished")
    table.add_column("Mode")
    table.add_column("Bank", overflow="fold")
    table.add_column("Answers", justify="right")
    table.add_column("Right", justify="right")
    for point in shown:
        table.add_row(
            Text(point.finished.strftime("%Y-%m-%d %H:%M")),
            Text(point.mode),
            Text(stats.title_of(point.bank)),
            Text(str(point.answers)),
            Text(_percent_text(point.percent)),
        )
    console.print(table)
    _print_trend(console, "Right per session", [p.percent for p in stats.scores])


def _print_days(console: Console, stats: Stats) -> None:
    from rich.table import Table
    from rich.text import Text

    shown = stats.days[-PRINTED_DAYS:]
    table = Table(title=Text(f"Days practised ({len(shown)} latest of {len(stats.days)})"))
    table.add_column("Date")
    table.add_column("Answers", justify="right")
    table.add_column("Right", justify="right")
    table.add_column("Time", justify="right")
    for day in shown:
        table.add_row(
            Text(day.day.isoformat()),
            Text(str(day.answers)),
            Text(_percent_text(day.percent)),
            Text(_duration(day.ms)),
        )
    console.print(table)
    _print_trend(console, "Right per day", [d.percent for d in stats.days])


def _print_tags(console: Console, stats: Stats) -> None:
    from rich.table import Table
    from rich.text import Text

    if not stats.tags:
        return
    table = Table(title=Text("Accuracy by tag"))
    table.add_column("Tag", overflow="fold")
    table.add_column("Questions", justify="right")
    table.add_column("Answers", justify="right")
    table.add_column("Right", justify="right")
    for tag in stats.tags:
        table.add_row(
            Text(tag.tag),
            Text(str(tag.questions)),
            Text(str(tag.answers)),
            Text(_percent_text(tag.percent)),
        )
    console.print(table)
    console.print()


def _print_weakest(console: Console, stats: Stats) -> None:
    from rich.table import Table
    from rich.text import Text

    if not stats.weakest:
        return
    table = Table(title=Text("Weakest questions"))
    table.add_column("Question", overflow="fold", ratio=3)
    table.add_column("Bank", overflow="fold", ratio=1)
    table.add_column("Answers", justify="right")
    table.add_column("Right", justify="right")
    table.add_column("Recall", justify="right")
    for weak in stats.weakest:
        table.add_row(
            Text(weak.text),
            Text(stats.title_of(weak.bank)),
            Text(str(weak.answers)),
            Text(_percent_text(weak.percent)),
            Text("" if weak.recall is None else _percent_text(100 * weak.recall)),
        )
    console.print(table)


def _print_trend(console: Console, label: str, percents: list[float]) -> None:
    """A sparkline of the latest percentages, as many as fit on one line."""
    from rich.text import Text

    room = max(10, console.width - len(label) - 2)
    console.print(Text(f"{label}: {_sparkline(percents[-room:])}"))
    console.print()


def _percent_text(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%"


def _days_text(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def _duration(ms: int) -> str:
    """A duration as "1 h 05 min", "12 min 30 s" or "45 s"."""
    seconds = round(ms / 1000)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min {seconds:02d} s"
    return f"{seconds} s"


def _sparkline(values: list[float]) -> str:
    """Percentages (0 to 100) as a line of block characters, one per value."""
    return "".join(_BARS[min(len(_BARS) - 1, int(v / 100 * len(_BARS)))] for v in values)
