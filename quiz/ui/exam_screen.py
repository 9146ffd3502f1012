"""The exam screen: move freely between questions, change answers, submit (or run out of time)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from quiz.play.exam import Exam, ExamOver, format_duration
from quiz.store import StoreError
from quiz.text.i18n import choice_label, digits, t, translatable
from quiz.text.rtl import rtl_language
from quiz.ui.choices import NUMBER_BINDINGS, ChoiceList, show_number_range
from quiz.ui.confirm import ConfirmScreen, ask_to_leave
from quiz.ui.display import bank_text, ui_text
from quiz.ui.footer import QuizFooter
from quiz.ui.localize import localize
from quiz.ui.screen import AppScreen


class ExamScreen(AppScreen):
    """Asks the questions of an exam; no feedback until it is submitted."""

    BINDINGS = [
        *NUMBER_BINDINGS,
        Binding("enter", "pick_cursor", translatable("footer.answer"), show=False),
        Binding("left,p", "previous", translatable("footer.previous")),
        Binding("right,n,space", "next", translatable("footer.next_question")),
        Binding("f", "flag", translatable("footer.flag")),
        Binding("o", "overview", translatable("footer.overview")),
        Binding("s", "submit", translatable("footer.submit")),
        Binding("escape,q", "leave", translatable("footer.leave")),
    ]

    #: Dropped from a narrow footer in this order: answering, submitting and leaving stay.
    FOOTER_DROP = ("previous", "flag", "overview", "next")

    #: Under this many columns the status line is the short one, so the title stays readable.
    NARROW = 70

    def __init__(self, exam: Exam) -> None:
        super().__init__(classes="quiz exam")
        localize(self)
        self.exam = exam
        self._unsaved = ""  # the last refusal of the score database the countdown told of

    def compose(self) -> ComposeResult:
        bank = self.exam.bank
        with Horizontal(id="status"):
            yield Static(bank_text(bank.title, bank.language), id="bank-title")
            yield Static(id="progress")
        with VerticalScroll(id="body"):
            yield Static(ui_text(t("exam.hint"), style="$text-muted"), id="exam-hint")
            yield Static(id="question")
            yield Static(id="hint")
            yield ChoiceList(
                (),
                [],
                rtl_default=rtl_language(bank.language),
                selectable=True,
                markdown=bank.markdown,
                id="choices",
            )
        yield QuizFooter()

    def on_mount(self) -> None:
        self.show_question()
        if self.exam.time_limit is not None:
            self.set_interval(1.0, self.tick)

    @property
    def choices(self) -> ChoiceList:
        return self.query_one("#choices", ChoiceList)

    def show_question(self) -> None:
        """Lay out the current question with the answer given so far, if any."""
        shown = self.exam.current
        bank = self.exam.bank
        question = self.query_one("#question", Static)
        question.update(bank_text(shown.question.text, bank.language, markdown=bank.markdown))
        question.set_class(bank.markdown, "-markdown")
        hint = t("question.hint_multiple") if shown.question.multiple else ""
        self.query_one("#hint", Static).update(ui_text(hint))
        self.query_one("#hint").display = bool(hint)
        labels = [choice_label(n) for n in range(len(shown.choices))]
        self.choices.set_choices(shown.choices, labels, multiple=shown.question.multiple)
        picks = set(self.exam.current_picks or ())
        self.choices.select(picks)
        if picks:
            self.choices.point_at(min(picks))
        self.choices.focus(scroll_visible=False)
        self.query_one("#body", VerticalScroll).scroll_home(animate=False)
        show_number_range(self, len(shown.choices))
        self.update_status()

    def on_resize(self) -> None:
        self.update_status()

    def update_status(self) -> None:
        exam = self.exam
        # Narrow: "3/10 · 2 answered · 9:59", and the bank's title keeps its room.
        short = self.size.width < self.NARROW
        status = t(
            "exam.status_short" if short else "exam.status",
            position=exam.position + 1,
            total=exam.total,
            answered=exam.answered,
        )
        if exam.position in exam.flagged:
            status = "⚑ " + status
        remaining = exam.remaining()
        if remaining is not None:
            # "9:59" in the digits of the rest of the line (t inserts text as given).
            clock = digits(format_duration(remaining))
            status += " · " + (clock if short else t("exam.time_left", time=clock))
        self.query_one("#progress", Static).update(ui_text(status))

    # -- answering -------------------------------------------------------------------------------

    def pick(self, index: int) -> None:
        """A number key or a click: select that choice (toggle it, when several may be right)."""
        shown = self.exam.current
        if index >= len(shown.choices):
            return
        # One choice replaces the last; with several right, each key toggles its choice.
        picks = {index}
        if shown.question.multiple:
            picks = set(self.exam.current_picks or ()) ^ {index}
        try:
            if picks:
                self.exam.answer(picks)
            else:
                self.exam.clear()
        except ExamOver:
            self.finished()
            return
        except StoreError as error:
            # The change was not saved, so it was not made: the earlier answer stands.
            self.quiz_app.not_saved(error)
            return
        self.choices.point_at(index)
        self.choices.select(picks)
        self.update_status()

    def action_number(self, number: int) -> None:
        self.pick(number - 1)

    def action_pick_cursor(self) -> None:
        # Nothing under the cursor until an arrow moved to a choice: Enter alone picks nothing.
        pointed = self.choices.pointed
        if pointed is not None:
            self.pick(pointed)

    @on(ChoiceList.Clicked)
    def clicked(self, event: ChoiceList.Clicked) -> None:
        self.pick(event.index)

    def action_next(self) -> None:
        if self.exam.next():
            self.show_question()
        else:
            # The last question: there is no next one, and the way on is to submit.
            self.notify(t("exam.last"), markup=False)

    def action_flag(self) -> None:
        """Flag the question shown, to come back to it (the overview lists it), or unflag it."""
        self.exam.flag()
        self.update_status()

    def action_overview(self) -> None:
        """Every question at a glance; Enter goes to the one highlighted."""
        from quiz.ui.exam_overview import ExamOverview  # imported when used

        def go(position: int | None) -> None:
            if position is not None and not self.exam.submitted:
                self.exam.go(position)
                self.show_question()

        self.app.push_screen(ExamOverview(self.exam), go)

    def action_previous(self) -> None:
        if self.exam.previous():
            self.show_question()

    def tick(self) -> None:
        """Once a second: the countdown, and the end when time runs out."""
        try:
            over = self.exam.tick()
        except StoreError as error:
            # Time is up but the end was not saved: tried again each second, said once.
            if str(error) != self._unsaved:
                self._unsaved = str(error)
                self.quiz_app.not_saved(error)
            return
        if over:
            self.notify(t("exam.time_up"), severity="warning", markup=False)
            self.finished()
        elif not self.exam.submitted:
            self.update_status()

    # -- ending ----------------------------------------------------------------------------------

    def action_submit(self) -> None:
        question = t("exam.submit_question")
        left = len(self.exam.unanswered())
        if left:
            question += " " + t("exam.unanswered", count=left)

        def submit(yes: bool | None) -> None:
            if yes:
                if not self.exam.submitted:
                    try:
                        self.exam.submit()
                    except StoreError as error:  # not submitted: s tries again
                        self.quiz_app.not_saved(error)
                        return
                self.finished()

        self.app.push_screen(ConfirmScreen(question), submit)

    def finished(self) -> None:
        """Show the results with full feedback (the exam was submitted)."""
        self.quiz_app.show_results(self.exam)

    def action_leave(self) -> None:
        ask_to_leave(self.quiz_app, self.exam.answered)
