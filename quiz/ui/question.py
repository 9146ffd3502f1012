"""The question screen: one question at a time, instant feedback, then on to the next."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.visual import Visual
from textual.widgets import Static

from quiz.play.run import FeedbackRun, Outcome
from quiz.store import StoreError
from quiz.text.i18n import choice_label, separator, t, translatable
from quiz.text.rtl import rtl_language
from quiz.ui.bidi_text import BidiVisual, Stacked
from quiz.ui.choices import NUMBER_BINDINGS, ChoiceList, Marks, show_number_range
from quiz.ui.display import bank_text, choice_text, labelled, mode, source_line, ui_text
from quiz.ui.footer import QuizFooter
from quiz.ui.localize import localize
from quiz.ui.screen import AppScreen

R = TypeVar("R", bound=FeedbackRun)


def feedback_parts(run: FeedbackRun, outcome: Outcome) -> list[Static]:
    """What the screen says once a question is answered: verdict, notes, explanation, source."""
    shown = run.current
    question = shown.question
    language = run.current_bank.language
    markdown = run.current_bank.markdown
    if outcome.correct:
        verdict = Static(ui_text(f"✓ {t('feedback.right')}", style="bold $text-success"))
    else:
        rights = separator().join(shown.choices[i] for i in sorted(shown.right))
        label = t("feedback.answers_are" if question.multiple else "feedback.answer_is")
        verdict = Static(
            labelled(
                # No pick: the student said "I don't know" (study mode).
                f"✗ {t('feedback.wrong') if outcome.picked else t('feedback.unknown')} {label}: ",
                rights,
                language,
                label_style="bold $text-error",
                markdown="inline" if markdown else "",
            )
        )
    parts = [verdict]
    if question.multiple:
        parts.append(Static(ui_text(found(shown.right, outcome.picked), style="$text-muted")))
    for index in sorted(outcome.picked):
        note = question.feedback_for(shown.choices[index])
        if note and markdown:
            # The choice on a row of its own, its feedback (paragraphs, code) under it.
            choice = choice_text(
                f"{shown.choices[index]}:", language, markdown=True, style="italic"
            )
            parts.append(Static(Stacked(choice, bank_text(note, language, markdown=True))))
        elif note:
            parts.append(
                Static(
                    BidiVisual(
                        note,
                        rtl_default=rtl_language(language),
                        mode=mode(),
                        prefix=f"{shown.choices[index]}: ",
                        prefix_style="italic",
                    )
                )
            )
    # The source right under the explanation, without a blank row: it belongs to it.
    why: list[Visual] = (
        [bank_text(question.explanation, language, markdown=markdown)]
        if question.explanation
        else []
    )
    if question.source:
        why.append(source_line(question.source, language))
    if why:
        parts.append(Static(Stacked(*why)))
    for part in parts:
        part.add_class("feedback-part")
    return parts


def found(right: frozenset[int] | set[int], picked: frozenset[int] | set[int]) -> str:
    """How many of several right choices were ticked: "2 of 3 right choices, 1 wrong"."""
    said = t("feedback.found", found=len(right & picked), count=len(right))
    wrong = len(picked - right)
    if wrong:
        said += separator() + t("feedback.wrong_picks", count=wrong)
    return said


class QuestionScreen(AppScreen, Generic[R]):
    """Asks the questions of a run with feedback after each: practice, review (and study)."""

    BINDINGS = [
        *NUMBER_BINDINGS,
        # One key, two meanings, one shown at a time (check_action): answer with the choice
        # moved to (or the ones ticked), then go on. Enter on a new question with no choice
        # moved to does nothing, so a repeated Enter never answers it.
        Binding("enter", "confirm", translatable("footer.answer")),
        Binding("enter", "next", translatable("footer.next")),
        Binding("space", "next", translatable("footer.next"), show=False),
        Binding("escape,q", "leave", translatable("footer.leave")),
    ]

    def __init__(self, quiz: R, *, title: str | None = None) -> None:
        super().__init__(classes="quiz")
        localize(self)
        self.quiz = quiz
        #: The heading: the bank's title, or the run's (a review of all banks).
        self.title = title

    def compose(self) -> ComposeResult:
        bank = self.quiz.current_bank
        heading = ui_text(self.title) if self.title else bank_text(bank.title, bank.language)
        with Horizontal(id="status"):
            yield Static(heading, id="bank-title")
            yield Static(id="progress")
        with VerticalScroll(id="body"):
            yield Static(id="question")
            yield Static(id="hint")
            # The first question's choices are built with the screen, not mounted again after.
            shown = self.quiz.current
            yield ChoiceList(
                shown.choices,
                self.labels(),
                multiple=shown.question.multiple,
                rtl_default=rtl_language(bank.language),
                markdown=bank.markdown,
                id="choices",
            )
            yield Vertical(id="feedback")

    def on_mount(self) -> None:
        self.show_question()
        # The footer follows the first question by a frame: building its keys takes longer
        # than the question itself, and the student reads the question first.
        self.call_after_refresh(self.mount, QuizFooter())

    # -- showing ---------------------------------------------------------------------------------

    def show_question(self) -> None:
        """Lay out the current question, unanswered."""
        shown = self.quiz.current
        bank = self.quiz.current_bank
        language = bank.language
        question = self.query_one("#question", Static)
        question.update(bank_text(shown.question.text, language, markdown=bank.markdown))
        # Markdown says itself what is bold: the question is not bold all over.
        question.set_class(bank.markdown, "-markdown")
        hint = t("question.hint_multiple") if shown.question.multiple else ""
        self.query_one("#hint", Static).update(ui_text(hint))
        self.query_one("#hint").display = bool(hint)
        if self.choices.choices is not shown.choices or self.choices.marks is not None:
            self.choices.set_choices(
                shown.choices,
                self.labels(),
                multiple=shown.question.multiple,
                rtl_default=rtl_language(language),
                markdown=bank.markdown,
            )
        # Focused without scrolling to it: a question taller than the screen opens at its top.
        self.choices.focus(scroll_visible=False)
        feedback = self.query_one("#feedback", Vertical)
        feedback.remove_children()
        feedback.display = False
        self.query_one("#body", VerticalScroll).scroll_home(animate=False)
        show_number_range(self, len(shown.choices))
        self.update_status()

    def labels(self) -> list[str]:
        """The labels of the current question's choices: 1. 2. 3. (or أ. ب. ج.)."""
        return [choice_label(n) for n in range(len(self.quiz.current.choices))]

    def update_status(self) -> None:
        self.query_one("#progress", Static).update(ui_text(self.status()))

    def status(self) -> str:
        """The progress line (a mode may say more)."""
        quiz = self.quiz
        return t(
            "question.status",
            position=quiz.position + 1,
            total=quiz.total,
            correct=quiz.correct,
            answered=quiz.answered,
        )

    @property
    def choices(self) -> ChoiceList:
        return self.query_one("#choices", ChoiceList)

    # -- answering -------------------------------------------------------------------------------

    def pick(self, index: int) -> None:
        """A number key or a click on a choice."""
        if self.quiz.current_outcome is not None or index >= len(self.quiz.current.choices):
            return
        if self.quiz.current.question.multiple:
            self.choices.toggle(index)
        else:
            self.submit({index})

    def submit(self, picked: set[int]) -> None:
        """Give the answer (saved at once) and show the feedback."""
        if not picked:
            self.notify(t("question.pick_first"), severity="warning", markup=False)
            return
        try:
            outcome = self.quiz.answer(picked)
        except StoreError as error:
            # Not saved, so not given: the question stays answerable and the student is told.
            self.quiz_app.not_saved(error)
            return
        self.show_outcome(outcome)

    def feedback(self, outcome: Outcome) -> list[Static]:
        """The feedback shown after an answer (a mode may add to it)."""
        return feedback_parts(self.quiz, outcome)

    def show_outcome(self, outcome: Outcome) -> None:
        """Mark the choices and show the feedback of the answer just given (already saved)."""
        self.choices.reveal(Marks(self.quiz.current.right, outcome.picked))
        feedback = self.query_one("#feedback", Vertical)
        feedback.remove_children()
        feedback.mount_all(self.feedback(outcome))
        feedback.set_class(outcome.correct, "-right")
        feedback.set_class(not outcome.correct, "-wrong")
        feedback.display = True
        feedback.scroll_visible(animate=False)
        self.update_status()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        answered = self.quiz.current_outcome is not None
        if action == "confirm":
            if answered:
                return False
            # Several right: Enter confirms the ticks (or says to tick one first).
            return self.quiz.current.question.multiple or self.choices.pointed is not None
        if action == "next":
            return answered
        if action == "number" and parameters:
            number = parameters[0]
            # Answered: the number keys do nothing more, and the footer stops offering them.
            count = len(self.quiz.current.choices)
            return not answered and isinstance(number, int) and number <= count
        return True

    @on(ChoiceList.Moved)
    def moved(self) -> None:
        self.refresh_bindings()

    def action_number(self, number: int) -> None:
        self.pick(number - 1)

    @on(ChoiceList.Clicked)
    def clicked(self, event: ChoiceList.Clicked) -> None:
        self.pick(event.index)

    def action_confirm(self) -> None:
        if self.quiz.current_outcome is not None:
            return
        if self.quiz.current.question.multiple:
            self.submit(set(self.choices.selected))
        elif (pointed := self.choices.pointed) is not None:
            self.submit({pointed})

    def action_next(self) -> None:
        if self.quiz.current_outcome is None:
            return
        try:
            more = self.quiz.advance()
        except StoreError as error:  # the end of the run not saved: Enter tries again
            self.quiz_app.not_saved(error)
            return
        if more:
            self.show_question()
        else:
            self.quiz_app.show_results(self.quiz)

    # -- leaving ---------------------------------------------------------------------------------

    def action_leave(self) -> None:
        from quiz.ui.confirm import ask_to_leave  # not needed to start: imported when used

        ask_to_leave(self.quiz_app, self.quiz.answered)
