"""The exam overview: every question, answered or not, flagged or not; Enter goes to one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quiz.play.exam import Exam
from quiz.text.i18n import digits, t, translatable
from quiz.ui.display import ui_line, ui_text
from quiz.ui.footer import QuizFooter
from quiz.ui.localize import localize


def overview_line(exam: Exam, position: int) -> str:
    """One question's row: `▶ 3. answered · flagged` (▶ on the question shown now)."""
    answered = exam.picks[position] is not None
    said = t("overview.answered" if answered else "overview.unanswered")
    if position in exam.flagged:
        said += " · " + t("overview.flagged")
    here = "▶" if position == exam.position else " "
    return f"{here} {digits(position + 1)}. {said}"


class ExamOverview(ModalScreen[int | None]):
    """The exam's questions at a glance; dismissed with the position chosen, or None."""

    BINDINGS = [
        Binding("enter", "go", translatable("footer.go_to"), priority=True),
        Binding("escape,o", "close", translatable("footer.close")),
    ]

    def __init__(self, exam: Exam) -> None:
        super().__init__(classes="dialog")
        localize(self)
        self.exam = exam

    def compose(self) -> ComposeResult:
        exam = self.exam
        with Vertical(classes="dialog-box"):
            title = t("overview.title", answered=exam.answered, total=exam.total)
            yield Static(ui_text(title), classes="dialog-title")
            yield OptionList(
                *(Option(ui_line(overview_line(exam, n)), id=str(n)) for n in range(exam.total)),
                id="overview",
            )
        yield QuizFooter()

    def on_mount(self) -> None:
        overview = self.query_one("#overview", OptionList)
        overview.highlighted = self.exam.position
        overview.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_go(self) -> None:
        highlighted = self.query_one("#overview", OptionList).highlighted
        self.dismiss(highlighted)

    def action_close(self) -> None:
        self.dismiss(None)
