"""The end of a study session, as the student sees it: cards counted once, and when the next
card is due once nothing is left to study now."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import FakeClock
from ui_helpers import ANSWERS, THREE, WRONG, build, screen_text

from quiz.bank.loader import load_bank
from quiz.ui.results import ResultsScreen
from quiz.ui.study_screen import StudyScreen


@pytest.mark.parametrize(
    ("lang", "cards", "next_card", "missed"),
    [
        (
            "en",
            "Cards 3 · right the first time 2 · answers 3",
            "Nothing more to study now: the next card is due in 1 minute.",
            "Missed (1)",
        ),
        (
            "ar",
            "البطاقات ٣ · الصحيحة من أول مرة ٢ · الإجابات ٣",
            "لا شيء آخر للمذاكرة الآن: البطاقة التالية مستحقة بعد دقيقة واحدة.",
            "الأسئلة الخاطئة (١)",
        ),
    ],
)
async def test_study_results_count_cards_and_say_when_the_next_is_due(
    tmp_path: Path, lang: str, cards: str, next_card: str, missed: str
) -> None:
    (tmp_path / "three.yaml").write_text(THREE, encoding="utf-8")
    bank = load_bank(tmp_path / "three.yaml").bank
    calendar = FakeClock(datetime(2026, 11, 29, 9, 0, tzinfo=UTC))
    # Terminal mode: the screen holds the text in reading order (the terminal lays it out).
    app, store = build(
        tmp_path,
        tmp_path / "s.db",
        play=bank,
        mode="study",
        now=calendar.now,
        lang=lang,
        rtl_mode="terminal",
    )
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            # The first card wrong, the other two right: each waits for its FSRS step.
            for n in range(3):
                assert isinstance(app.screen, StudyScreen)
                question = app.screen.quiz.current.question.text
                pick = WRONG[question] if n == 0 else ANSWERS[question]
                # Digits answer in both languages (the Arabic labels are letters).
                key = str(app.screen.quiz.current.choices.index(pick) + 1)
                await pilot.press(key, "enter")
                await pilot.pause()
            # Not asked again at once: the session is over.
            assert isinstance(app.screen, ResultsScreen)
            text = screen_text(app)
            assert cards in text
            assert next_card in text
            assert missed in text
        (session,) = store.sessions()
        assert (session.answered, session.correct) == (3, 2)
