"""The results screen: the score, the time, and every missed question with its answer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from quiz.play.run import Result, Run
from quiz.progress.stats_time import IDLE_CAP_MS, run_time
from quiz.store import StoreError, bank_key
from quiz.text.i18n import digits, duration, separator, t, translatable
from quiz.ui.bidi_text import Stacked
from quiz.ui.display import bank_text, labelled, source_line, ui_text
from quiz.ui.footer import QuizFooter
from quiz.ui.localize import localize
from quiz.ui.screen import AppScreen


class ResultsScreen(AppScreen):
    """Shows how a run went, with full feedback on every missed question, and what next."""

    BINDINGS = [
        Binding("r", "retry", translatable("footer.retry")),
        Binding("a", "again", translatable("footer.again")),
        Binding("h,escape", "home", translatable("footer.home")),
        Binding("q", "app.quit", translatable("footer.quit")),
    ]

    def __init__(self, quiz: Run, *, title: str | None = None) -> None:
        super().__init__(classes="results")
        localize(self)
        self.quiz = quiz
        #: Every question of the finished run, in the order asked (an exam's unanswered too).
        self.rows = quiz.results()
        self.title = title

    @property
    def missed(self) -> list[Result]:
        """The questions answered wrong or not at all."""
        return [row for row in self.rows if row.missed]

    def compose(self) -> ComposeResult:
        correct = sum(not row.missed for row in self.rows)
        total = len(self.rows)
        percent = round(100 * correct / total) if total else 0
        bank = self.quiz.current_bank
        # The top bar of every run screen: the bank (or the run) and where the student is.
        with Horizontal(id="status"):
            heading = ui_text(self.title) if self.title else bank_text(bank.title, bank.language)
            yield Static(heading, id="bank-title")
            yield Static(ui_text(t("results.heading")), id="progress")
        with VerticalScroll(id="body"):
            how = exam_line(self.quiz)
            if how:
                yield Static(ui_text(how), id="exam-line")
            studied = study_lines(self.quiz)
            if studied is None:
                score = t(
                    "results.score",
                    correct=correct,
                    total=total,
                    percent=t("percent", value=percent),
                )
            else:
                score = studied[0]
            seconds, cut = self.time()
            time = t("results.time", time=duration(seconds))
            if cut:
                time += " " + t("results.time_cut", minutes=IDLE_CAP_MS // 60_000)
            yield Static(ui_text(f"{score}   {time}"), id="score")
            if studied is not None and studied[1]:
                yield Static(ui_text(studied[1]), id="study-next")
            missed = self.missed
            if not missed:
                yield Static(ui_text(t("results.all_right")), id="all-right")
                yield QuizFooter()
                return
            yield Static(ui_text(t("results.missed", missed=len(missed))), id="missed-title")
            for row in missed:
                yield Static(_missed(row), classes="missed")
        yield QuizFooter()

    def time(self) -> tuple[float, bool]:
        """The run's time as the statistics count it (its sessions' time, quiz.progress
        .stats_time) and whether a long pause was cut; the run's own clock when the store
        cannot say."""
        ids = session_ids(self.quiz)
        if not ids:
            return self.quiz.seconds, False
        try:
            return run_time(self.quiz_app.store, self.quiz_app.settings.profile, ids)
        except StoreError:
            return self.quiz.seconds, False

    def on_mount(self) -> None:
        self.query_one("#body").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # No "Retry missed" when nothing was missed; dimmed when the misses span several banks.
        if action == "retry":
            banks = {bank_key(row.bank.path) for row in self.missed}
            if not banks:
                return False
            if len(banks) != 1:
                return None
        return True

    def action_retry(self) -> None:
        missed = self.missed
        if not missed:
            self.notify(t("results.nothing_missed"), markup=False)
            return
        questions = [row.shown.question for row in missed]
        self.quiz_app.retry(missed[0].bank, questions)

    def action_again(self) -> None:
        self.quiz_app.again()

    def action_home(self) -> None:
        self.quiz_app.go_home()


def session_ids(run: Run) -> list[int]:
    """The saved sessions of a run: a practice run's or an exam's one, a review's or a study's
    one per bank."""
    single = getattr(run, "session_id", None)
    if isinstance(single, int):
        return [single]
    group = getattr(run, "sessions", None)
    return list(getattr(group, "ids", {}).values())


def exam_line(run: Run) -> str:
    """What kind of run an exam was: "Exam, time ran out at 10:00, 3 of 10 answered"."""
    from quiz.play.exam import Exam  # an exam's results only

    if not isinstance(run, Exam):
        return ""
    if run.timed_out and run.time_limit is not None:
        from quiz.play.timing import format_duration

        how = t("results.exam_timed_out", limit=digits(format_duration(run.time_limit)))
    else:
        how = t("results.exam_submitted")
    return how + separator() + t("results.exam_answered", answered=run.answered, total=run.total)


def study_lines(run: Run) -> tuple[str, str] | None:
    """A study session's results: the cards (each once) and what is next; None for other runs.

    Study has no score: it says how many cards were asked, how many were right the first time
    they were asked, and how many answers that took; when nothing is left to study now, when
    the next card is due.
    """
    from quiz.play.study import Study  # a study session's results only

    if not isinstance(run, Study):
        return None
    cards = t("results.study", cards=run.answered, right=run.correct, answers=run.answers)
    try:
        left = run.counts()
        # Ended with nothing due or new (the cards being learnt wait for their step).
        due = run.next_due() if left.due + left.new == 0 else None
    except StoreError:
        due = None  # the database is busy: the results are shown all the same
    if due is None:
        return cards, ""
    from quiz.ui.study_screen import wait_in

    return cards, t("results.study_next", wait=wait_in(due, run.now()))


def _missed(row: Result) -> Stacked:
    """A missed question: its text, the right answer, what was said, why, and the source."""
    shown, language = row.shown, row.bank.language
    markdown = row.bank.markdown
    inline = "inline" if markdown else ""
    answers = separator().join(shown.choices[i] for i in sorted(shown.right))
    if row.outcome is None:
        said = labelled(
            t("results.you_said") + ": ",
            t("results.not_answered"),
            language,
            label_style="$text-error",
        )
    else:
        picked = separator().join(shown.choices[i] for i in sorted(row.outcome.picked))
        said = labelled(
            t("results.you_said") + ": ",
            picked,
            language,
            label_style="$text-error",
            markdown=inline,
        )
    parts = [
        # A Markdown question says itself what is bold.
        bank_text(
            shown.question.text, language, style="" if markdown else "bold", markdown=markdown
        ),
        labelled(
            t("results.answer") + ": ",
            answers,
            language,
            label_style="$text-success",
            markdown=inline,
        ),
        said,
    ]
    if shown.question.explanation:
        parts.append(
            labelled(
                t("results.explanation"),
                shown.question.explanation,
                language,
                label_style="$text-muted",
                markdown="block" if markdown else "",
            )
        )
    if shown.question.source:
        parts.append(source_line(shown.question.source, language))
    return Stacked(*parts)
