"""Helpers for Pilot tests: build the app as the CLI does and read what the screen shows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from helpers import FakeClock

from quiz.bank.cache import BankCache
from quiz.bank.catalog import Catalog
from quiz.bank.model import Bank
from quiz.store import Store
from quiz.text.rtl import Mode
from quiz.text.settings import Settings
from quiz.ui.app import QuizApp

THREE = """\
title: Three capitals
questions:
  - id: france
    question: What is the capital of France?
    choices: [Paris, Lyon, Marseille, Nice]
    answer: Paris
    explanation: Paris has been the capital since the Middle Ages.
  - id: japan
    question: What is the capital of Japan?
    choices: [Tokyo, Osaka, Kyoto]
    answer: Tokyo
    explanation: Tokyo became the capital in 1868.
  - id: kenya
    question: What is the capital of Kenya?
    choices: [Nairobi, Mombasa, Kisumu]
    answer: Nairobi
"""


#: THREE's right and a wrong choice for each question.
ANSWERS = {
    "What is the capital of France?": "Paris",
    "What is the capital of Japan?": "Tokyo",
    "What is the capital of Kenya?": "Nairobi",
}
WRONG = {
    "What is the capital of France?": "Lyon",
    "What is the capital of Japan?": "Osaka",
    "What is the capital of Kenya?": "Mombasa",
}


def build(
    folder: Path,
    db: Path | str,
    *,
    play: Bank | None = None,
    count: int | None = None,
    seed: int = 1,
    lang: str = "en",
    digits: str | None = None,
    rtl_mode: Mode = "reorder",
    profile: str = "default",
    **modes: Any,
) -> tuple[QuizApp, Store]:
    """The app on the banks in a folder, with a fresh store; as the command line builds it."""
    store = Store.open(db, profile=profile)
    catalog = Catalog([folder], BankCache.open(None))
    settings = Settings.of(lang, digits=digits, rtl_mode=rtl_mode, profile=profile)
    app = QuizApp(
        store,
        catalog,
        settings=settings,
        play=play,
        count=count,
        seed=seed,
        clock=FakeClock(),
        **modes,
    )
    return app, store


def screen_lines(app: QuizApp) -> list[str]:
    """The text of every row of the screen as it is drawn now."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_text(app: QuizApp) -> str:
    """The screen as one string."""
    return "\n".join(screen_lines(app))


def choice_number(app: QuizApp, choice: str) -> str:
    """The key that answers with a choice, read from the screen (`2. Tokyo` -> "2")."""
    for line in screen_lines(app):
        match = re.search(r"(\d+)\. (.+?)\s*$", line)
        if match and match[2] == choice:
            return match[1]
    raise AssertionError(f"choice {choice!r} not on screen:\n{screen_text(app)}")
