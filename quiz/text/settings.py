"""The interface settings in one object: language, digits, right-to-left mode and profile.

The command line builds one `Settings` from its options and the environment; the app owns it
(`QuizApp.settings`) and passes it down. What reads it implicitly (`quiz.text.i18n.t`, the UI's
`display` helpers, `localize`) reads `current()`, a ContextVar: the app makes its settings current
in its own context when it starts, so two apps (or two tests) in one process, each with its own
language, never see each other's. Nothing here is a module global to set.

The profile is read from the app's `settings` (the runs and the store are given it): choosing
another profile replaces the app's settings, while the contexts already running keep the
language, digits and RTL mode they started with, which a profile never changes.

    settings = Settings.of("ar")               # digits: the language's own (Arabic-Indic)
    use(settings)                              # current here, and in tasks started from here
    current().language                         # "ar"
    with using(Settings()):                    # current for a block, then back
        ...
    replace(settings, profile="sara")          # frozen: another profile is another Settings
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.text.rtl import Mode

LANGUAGES = ("en", "ar")
DIGIT_STYLES = ("latin", "arabic")
RTL_LANGUAGES = frozenset({"ar"})
RTL_MODES = ("reorder", "terminal")

#: The profile of a store told no other (the same as quiz.store.DEFAULT_PROFILE).
DEFAULT_PROFILE = "default"


def default_digits(lang: str) -> str:
    """The digits a language uses unless told otherwise: Arabic-Indic for Arabic."""
    return "arabic" if lang == "ar" else "latin"


@dataclass(frozen=True, slots=True)
class Settings:
    """How the interface speaks and whose answers it saves.

    `language`: the interface language (en, ar); `digits`: how numbers are written (latin,
    arabic); `rtl_mode`: how right-to-left text reaches the terminal (reorder: laid out by quiz;
    terminal: sent in reading order for the terminal to lay out); `profile`: the student whose
    scores are shown and saved.
    """

    language: str = "en"
    digits: str = "latin"
    rtl_mode: Mode = "reorder"
    profile: str = DEFAULT_PROFILE

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise ValueError(
                f"unknown language {self.language!r}: use one of {', '.join(LANGUAGES)}"
            )
        if self.digits not in DIGIT_STYLES:
            raise ValueError(
                f"unknown digits {self.digits!r}: use one of {', '.join(DIGIT_STYLES)}"
            )
        if self.rtl_mode not in RTL_MODES:
            raise ValueError(
                f"unknown RTL mode {self.rtl_mode!r}: use one of {', '.join(RTL_MODES)}"
            )

    @classmethod
    def of(
        cls,
        language: str = "en",
        *,
        digits: str | None = None,
        rtl_mode: Mode = "reorder",
        profile: str = DEFAULT_PROFILE,
    ) -> Settings:
        """Settings for a language; `digits` None means the language's own."""
        return cls(language, digits or default_digits(language), rtl_mode, profile)

    @property
    def rtl(self) -> bool:
        """Whether the interface language is written right to left."""
        return self.language in RTL_LANGUAGES


# Settings is frozen: one default shared by every context cannot be changed through it.
_CURRENT: ContextVar[Settings] = ContextVar("quiz_settings", default=Settings())  # noqa: B039


def current() -> Settings:
    """The settings of the app or command running in this context (English, by default)."""
    return _CURRENT.get()


def use(settings: Settings) -> Token[Settings]:
    """Make settings current in this context (and in tasks started from it from now on)."""
    return _CURRENT.set(settings)


@contextmanager
def using(settings: Settings) -> Iterator[Settings]:
    """Make settings current for a block, then put back what was current before."""
    token = _CURRENT.set(settings)
    try:
        yield settings
    finally:
        _CURRENT.reset(token)
