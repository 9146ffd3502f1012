"""The question screen: one question at a time, instant feedback, then on to the next."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.session import Outcome, Quiz
from quiz.ui.choices import ChoiceList, Marks
from quiz.ui.confirm import ConfirmScreen

NUMBER_KEYS = [str(n) for n in range(1, 10)]


def feedback_text(quiz: Quiz, outcome: Outcome) -> Content:
    """What the screen says once a question is answered."""
    shown = quiz.current
    question = shown.question
    if outcome.correct:
        parts = [Content.from_markup("[bold $text-success]✓ Right![/]")]
    else:
        rights = [shown.choices[i] for i in sorted(shown.right)]
        label = "The answers are" if question.multiple else "The answer is"
        parts = [
            Content.from_markup("[bold $text-error]✗ Wrong.[/] $label: ", label=label)
            + Content(", ".join(rights))
        ]
    for index in sorted(outcome.picked):
        note = question.feedback_for(shown.choices[index])
        if note:
            parts.append(Content.assemble((f"{shown.choices[index]}: ", "italic"), note))
    if question.explanation:
        parts.append(Content(question.explanation))
    return Content("\n\n").join(parts)


class QuestionScreen(Screen[None]):
    """Asks the questions of one quiz."""

    BINDINGS = [
        *(
            Binding(key, f"number({key})", "Answer", show=key == "1", key_display="1-9")
            for key in NUMBER_KEYS
        ),
        Binding("enter", "confirm", "Answer / next"),
        Binding("space", "next", "Next", show=False),
        Binding("escape,q", "leave", "Leave"),
    ]

    def __init__(self, quiz: Quiz) -> None:
        super().__init__(classes="quiz")
        self.quiz = quiz

    def compose(self) -> ComposeResult:
        with Horizontal(id="status"):
            yield Static(Content(self.quiz.bank.title), id="bank-title")
            yield Static(id="progress")
        with VerticalScroll(id="body"):
            yield Static(id="question")
            yield Static(id="hint")
            yield ChoiceList((), [], id="choices")
            yield Static(id="feedback")
        yield Footer()

    def on_mount(self) -> None:
        self.show_question()

    # -- showing ---------------------------------------------------------------------------------

    def show_question(self) -> None:
        """Lay out the current question, unanswered."""
        shown = self.quiz.current
        self.query_one("#question", Static).update(Content(shown.question.text))
        hint = "Select all that apply, then press Enter." if shown.question.multiple else ""
        self.query_one("#hint", Static).update(hint)
        self.query_one("#hint").display = bool(hint)
        labels = [f"{n + 1}." for n in range(len(shown.choices))]
        self.choices.set_choices(shown.choices, labels, multiple=shown.question.multiple)
        self.choices.focus()
        feedback = self.query_one("#feedback", Static)
        feedback.update("")
        feedback.display = False
        self.query_one("#body", VerticalScroll).scroll_home(animate=False)
        self.update_status()

    def update_status(self) -> None:
        quiz = self.quiz
        self.query_one("#progress", Static).update(
            f"Question {quiz.position + 1}/{quiz.total} · Score {quiz.correct}/{quiz.answered}"
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
            self.notify("Pick at least one choice first.", severity="warning")
            return
        outcome = self.quiz.answer(picked)
        self.choices.reveal(Marks(self.quiz.current.right, outcome.picked))
        feedback = self.query_one("#feedback", Static)
        feedback.update(feedback_text(self.quiz, outcome))
        feedback.set_class(outcome.correct, "-right")
        feedback.set_class(not outcome.correct, "-wrong")
        feedback.display = True
        feedback.scroll_visible(animate=False)
        self.update_status()

    def action_number(self, key: str) -> None:
        self.pick(int(key) - 1)

    @on(ChoiceList.Clicked)
    def clicked(self, event: ChoiceList.Clicked) -> None:
        self.pick(event.index)

    def action_confirm(self) -> None:
        if self.quiz.current_outcome is not None:
            self.action_next()
        elif self.quiz.current.question.multiple:
            self.submit(set(self.choices.selected))
        else:
            self.submit({self.choices.cursor})

    def action_next(self) -> None:
        if self.quiz.current_outcome is None:
            return
        if self.quiz.advance():
            self.show_question()
        else:
            self.app.show_results(self.quiz)  # type: ignore[attr-defined]

    # -- leaving ---------------------------------------------------------------------------------

    def action_leave(self) -> None:
        answered = self.quiz.answered

        def leave(yes: bool | None) -> None:
            if yes:
                self.app.go_home()  # type: ignore[attr-defined]

        saved = ""
        if answered:
            saved = f" Your {answered} answer{'s are' if answered > 1 else ' is'} saved."
        self.app.push_screen(ConfirmScreen(f"Leave this quiz?{saved}"), leave)
