"""The app served in a browser by `quiz serve`: it reports what it does, and resumes.

The server starts one app process per browser tab, with the student's profile in
`QUIZ_PROFILE` and a status file in `QUIZ_WEB_STATUS` (quiz.web.status). `WebSession`:

- writes the status file whenever what the student does changes (the screen, the bank,
  question n of N, answered and right so far), for the teacher's page;
- keeps in it, while a practice quiz is under way, its plan: the bank file, the session, each
  question's id with its choices in the order shown;
- at start, resumes that quiz at its next unanswered question (the answers given are in the
  database), so a refresh or a dropped connection goes on where the student was.

The profile is the one the student signed in as: the profile chooser is closed in a browser.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.screen import ModalScreen, Screen

from quiz.play.practice import Quiz
from quiz.store import StoreError
from quiz.web.status import read_status, write_status

if TYPE_CHECKING:
    from quiz.ui.app import QuizApp

#: Seconds between two looks at what the app shows.
EVERY = 0.25


class WebSession:
    """The served app's reports to the server, and its resume after a reconnect."""

    def __init__(self, app: QuizApp, status: Path) -> None:
        self.app = app
        self.path = status
        self._last: dict[str, Any] | None = None

    def start(self) -> None:
        """Resume a practice quiz under way, then report what the app shows, from now on."""
        self.resume()
        self.report()
        self.app.set_interval(EVERY, self.report)

    # -- resuming --------------------------------------------------------------------------------

    def resume(self) -> bool:
        """Show the practice quiz this student left unfinished, at its next unanswered question."""
        plan = (read_status(self.path) or {}).get("plan")
        if not isinstance(plan, dict):
            return False
        session, bank_file, items = plan.get("session"), plan.get("bank"), plan.get("items")
        if not isinstance(session, int) or not isinstance(bank_file, str):
            return False
        if not isinstance(items, list) or not all(_item(item) for item in items):
            return False
        app = self.app
        try:
            # Only a session of this student's own, still open.
            recent = app.store.sessions(50, profile=app.settings.profile)
            if not any(s.id == session and s.finished is None for s in recent):
                return False
            bank = app.catalog.load(Path(bank_file)).bank
            if bank is None:
                return False
            plan_items = [(question_id, tuple(choices)) for question_id, choices in items]
            quiz = Quiz.resumed(bank, app.store, session, plan_items, clock=app.clock)
        except (StoreError, OSError):
            return False
        if quiz is None:
            return False
        from quiz.ui.question import QuestionScreen

        app.last_start = (bank, _practice(), None)
        app.push_screen(QuestionScreen(quiz))
        return True

    # -- reporting -------------------------------------------------------------------------------

    def report(self) -> None:
        """Write the status file if what the app shows has changed since the last time."""
        status = self.describe()
        if status == self._last:
            return
        try:
            write_status(self.path, status)
        except OSError:
            return  # the teacher's page is a little behind; the next change tries again
        self._last = status

    def describe(self) -> dict[str, Any]:
        """What the student is doing now, as the teacher's page shows it."""
        from quiz.ui.exam_screen import ExamScreen
        from quiz.ui.question import QuestionScreen
        from quiz.ui.results import ResultsScreen

        screen = _underneath(self.app)
        run: Any = None
        kind = "home"
        if isinstance(screen, QuestionScreen):
            run = screen.quiz
            kind = "study" if type(screen).__name__ == "StudyScreen" else "question"
        elif isinstance(screen, ExamScreen):
            run, kind = screen.exam, "exam"
        elif isinstance(screen, ResultsScreen):
            run, kind = screen.quiz, "results"
        elif type(screen).__name__ == "StatsScreen":
            kind = "stats"
        status: dict[str, Any] = {"screen": kind}
        if run is None:
            return status
        status.update(
            bank=run.current_bank.title if run.total else "",
            position=min(run.position + 1, run.total),
            total=run.total,
            answered=run.answered,
            correct=run.correct,
        )
        if isinstance(run, Quiz) and not run.finished:
            status["plan"] = {
                "session": run.session_id,
                "bank": str(run.bank.path),
                "items": [[shown.question.id, list(shown.choices)] for shown in run.items],
            }
        return status


def _underneath(app: QuizApp) -> Screen[Any]:
    """The screen the student is on, under any dialog open over it."""
    for screen in reversed(app.screen_stack):
        if not isinstance(screen, ModalScreen):
            return screen
    return app.screen


def _item(item: object) -> bool:
    return (
        isinstance(item, list)
        and len(item) == 2
        and isinstance(item[0], str)
        and isinstance(item[1], list)
        and all(isinstance(choice, str) for choice in item[1])
    )


def _practice() -> Any:
    from quiz.ui.choice import StartChoice

    return StartChoice("practice", None)
