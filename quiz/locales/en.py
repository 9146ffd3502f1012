"""The English catalogue: every interface string, keyed as the code asks for it."""

from __future__ import annotations

from collections.abc import Mapping

MESSAGES: dict[str, str | Mapping[str, str]] = {
    # Shared
    "list.separator": ", ",
    "percent": "{value:.0f}%",
    "percent.none": "-",
    # Footer labels (binding descriptions)
    "footer.palette": "palette",
    "footer.quit": "Quit",
    "footer.start": "Start",
    "footer.reload": "Reload",
    "footer.answer": "Answer",
    "footer.answer_next": "Answer / next",
    "footer.next": "Next",
    "footer.leave": "Leave",
    "footer.up": "Up",
    "footer.down": "Down",
    "footer.retry": "Retry missed",
    "footer.again": "Play again",
    "footer.home": "Home",
    "footer.yes": "Yes",
    "footer.no": "No",
    "footer.cancel": "Cancel",
    # Home
    "home.title": "quiz · pick a question bank",
    "home.general": "General",
    "home.error": "error: {message}",
    "home.facts": "{language} · {questions} · best {best} · last {last}",
    "home.questions": {"one": "{count} question", "other": "{count} questions"},
    "home.empty": (
        "No question banks found in {folders}. Add .yaml files there, or pass --bank DIR."
    ),
    "home.unreadable": "This bank cannot be read.",
    # Question
    "question.status": "Question {position}/{total} · Score {correct}/{answered}",
    "question.hint_multiple": "Select all that apply, then press Enter.",
    "question.pick_first": "Pick at least one choice first.",
    "feedback.right": "Right!",
    "feedback.wrong": "Wrong.",
    "feedback.answer_is": "The answer is",
    "feedback.answers_are": "The answers are",
    "leave.question": "Leave this quiz?",
    "leave.saved": {
        "one": "Your {count} answer is saved.",
        "other": "Your {count} answers are saved.",
    },
    # Results
    "duration.seconds": "{seconds}s",
    "duration.minutes": "{minutes}m {seconds:02d}s",
    "duration.hours": "{hours}h {minutes:02d}m",
    "results.score": "Score {correct}/{total} ({percent})",
    "results.time": "Time {time}",
    "results.all_right": "Every question right. Well done!",
    "results.missed": "Missed ({missed}):",
    "results.answer": "Answer",
    "results.you_said": "You said",
    "results.nothing_missed": "Nothing missed: there is nothing to retry.",
    # Dialogs
    "confirm.yes": "Yes (y)",
    "confirm.no": "No (n)",
    "count.ask": "How many questions? ({low}-{high})",
    "count.start": "Start",
    "count.cancel": "Cancel",
    "count.invalid": "Type a number from {low} to {high}.",
    # quiz scores
    "scores.none": "No quizzes yet. Run 'quiz' to start one.",
    "scores.line": (
        "{when}  {title}  {correct}/{answered} right ({percent}), {answered} of {planned} answered"
    ),
    "scores.unfinished": "(not finished)",
}
