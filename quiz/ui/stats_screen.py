"""The statistics screen: score over time, accuracy by tag, the weakest questions, streaks."""

from __future__ import annotations

import os

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.visual import Visual
from textual.widgets import LoadingIndicator, Static

from quiz.bank.model import Bank
from quiz.files import stored_path
from quiz.progress.stats import Stats, compute
from quiz.render.stats import chance_rule, score_row, time_rule
from quiz.store import StoreError, bank_key
from quiz.text.i18n import duration, t, translatable
from quiz.ui.bidi_text import Stacked
from quiz.ui.display import bank_text, ui_text
from quiz.ui.footer import QuizFooter
from quiz.ui.localize import localize
from quiz.ui.screen import AppScreen

BAR = 20

#: How many of the latest sessions the score chart shows.
CHART_SESSIONS = 10


def bar(percent: float) -> str:
    """A bar of `BAR` cells, filled in proportion: `██████░░░░`."""
    filled = round(BAR * percent / 100)
    return "█" * filled + "░" * (BAR - filled)


class StatsScreen(AppScreen):
    """Shows how a profile is doing on one bank, or on every bank (a to switch)."""

    BINDINGS = [
        Binding("a", "switch", translatable("footer.stats_switch")),
        Binding("h,escape", "home", translatable("footer.home")),
        Binding("q", "app.quit", translatable("footer.quit")),
    ]

    def __init__(self, bank: Bank | None) -> None:
        super().__init__(classes="stats")
        localize(self)
        self.bank = bank
        self.all_banks = bank is None

    def compose(self) -> ComposeResult:
        with Horizontal(id="status"):
            yield Static(id="bank-title")
            yield Static(id="progress")
        with VerticalScroll(id="body"):
            yield LoadingIndicator()
            yield Static(id="totals")
            yield Static(ui_text(t("stats.over_time")), classes="stats-heading")
            yield Static(id="scores-caption", classes="stats-caption")
            yield Static(id="scores")
            yield Static(ui_text(t("stats.by_tag")), classes="stats-heading")
            yield Static(id="tags")
            yield Static(ui_text(t("stats.weakest")), classes="stats-heading")
            yield Static(ui_text(chance_rule()), classes="stats-caption")
            yield Static(id="weakest")
        yield QuizFooter()

    def on_mount(self) -> None:
        self.refresh_stats()

    def refresh_stats(self) -> None:
        """Show the heading at once, and the figures when they are read."""
        if self.all_banks or self.bank is None:
            heading = ui_text(t("title.stats_all"))
        else:
            heading = bank_text(self.bank.title, self.bank.language)
        self.query_one("#bank-title", Static).update(heading)
        self.query_one(LoadingIndicator).display = True
        self.read()

    class Read(Message):
        """The figures were read (in a worker thread)."""

        def __init__(self, stats: Stats) -> None:
            super().__init__()
            self.stats = stats

    @work(thread=True, exclusive=True)
    def read(self) -> None:
        """Read the figures in a thread: a large score database takes a moment."""
        app = self.quiz_app
        catalog = app.catalog
        bank = None if self.all_banks or self.bank is None else bank_key(self.bank.path)

        def load(key: str) -> Bank | None:
            path = stored_path(key)
            return catalog.load(path).bank if os.path.isfile(path) else None

        try:
            stats = compute(app.store, profile=app.settings.profile, bank=bank, banks=load)
        except StoreError as error:
            # A damaged database: one line on the screen, not a dead worker.
            self.post_message(self.Unreadable(str(error)))
            return
        # A message, not call_from_thread: the screen shows it in its own context, with the
        # app's settings (a worker thread starts with none).
        self.post_message(self.Read(stats))

    class Unreadable(Message):
        """The figures could not be read; `error` says why in one line."""

        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    def on_stats_screen_unreadable(self, message: Unreadable) -> None:
        self.query_one(LoadingIndicator).display = False
        self.query_one("#totals", Static).update(
            ui_text(t("store.unreadable", error=message.error), style="$text-error")
        )

    def on_stats_screen_read(self, message: Read) -> None:
        self.show(message.stats)

    def show(self, stats: Stats) -> None:
        """Fill the screen with the figures."""
        self.query_one(LoadingIndicator).display = False
        self.query_one("#progress", Static).update(ui_text(t("profile.now", name=stats.profile)))
        percent = t("percent", value=stats.percent or 0)
        totals = t(
            "stats.totals",
            sessions=stats.sessions,
            answers=stats.answers,
            percent=percent,
            time=duration(stats.time_ms / 1000),
        )
        streak = t("stats.streak", count=stats.current_streak, longest=stats.longest_streak)
        rule = ui_text(time_rule(), style="$text-muted")
        self.query_one("#totals", Static).update(Stacked(ui_text(totals), rule, ui_text(streak)))
        # One line a session, oldest first, on the absolute scale: an empty bar is 0%, a full
        # one 100%, each with its date, its score (right / planned) and its kind.
        shown = stats.scores[-CHART_SESSIONS:]
        caption = t(
            "stats.scores_caption",
            shown=len(shown),
            total=len(stats.scores),
            full=t("percent", value=100),
        )
        self.query_one("#scores-caption", Static).update(ui_text(caption, style="$text-muted"))
        self.query_one("#scores-caption", Static).display = bool(shown)
        rows = [ui_text(score_row(point)) for point in shown]
        self.query_one("#scores", Static).update(
            Stacked(*rows) if rows else ui_text(t("stats.none"))
        )
        tags = [
            ui_text(
                f"{bar(tag.percent)} {t('percent', value=tag.percent)}  {tag.tag}"
                f"  ({t('stats.answers', count=tag.answers)})"
            )
            for tag in stats.tags
        ]
        self.query_one("#tags", Static).update(Stacked(*tags) if tags else ui_text(t("stats.none")))
        weakest = []
        for question in stats.weakest:
            chance = t("percent", value=100 * question.chance)
            label = t(
                "stats.weak_record",
                percent=chance,
                correct=question.correct,
                answers=question.answers,
            )
            if question.recall is not None:
                recall = t("percent", value=100 * question.recall)
                label += t("stats.weak_recall", recall=recall)
            weakest.append(ui_text(label, style="$text-muted"))
            weakest.append(self.question_text(question.text, question.bank))
        self.query_one("#weakest", Static).update(
            Stacked(*weakest) if weakest else ui_text(t("stats.none"))
        )

    def bank_of(self, key: str) -> Bank | None:
        """A bank by the key its answers are saved under, when it can still be read."""
        path = stored_path(key)
        return self.quiz_app.catalog.load(path).bank if os.path.isfile(path) else None

    def question_text(self, text: str, key: str) -> Visual:
        """A question of the weakest list: a Markdown bank's as its words, without its marks."""
        bank = self.bank_of(key)
        if bank is not None and bank.markdown:
            from quiz.text.markdown import plain

            text = plain(text)
        return bank_text(text, bank.language if bank else "en")

    def action_switch(self) -> None:
        """Between this bank and every bank."""
        if self.bank is not None:
            self.all_banks = not self.all_banks
            self.refresh_stats()

    def action_home(self) -> None:
        self.quiz_app.go_home()
