"""The one translation layer of the interface: catalogues, plurals, digits and dates.

Every string the interface shows is `t(key, **values)`, in the language and digits of the current
settings (`quiz.text.settings.current()`: the app's, or the command's). A catalogue
(`quiz.text.locales.en`, `quiz.text.locales.ar`) maps each key to a `str.format` template, or, for
a key with a count, to one template per plural form (CLDR: English one/other; Arabic
zero/one/two/few/many/other). Values are inserted as given: a string (bank text, a file name) is
never interpreted or converted; a number is written with the digits of the current style, after
any format spec (`{n:02d}`).
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Mapping
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from quiz.text.locales import (
    ar,
    check_ar,
    check_en,
    cli_ar,
    cli_en,
    commands_ar,
    commands_en,
    en,
    interchange_ar,
    interchange_en,
    store_ar,
    store_en,
)
from quiz.text.settings import (
    DIGIT_STYLES,
    LANGUAGES,
    RTL_LANGUAGES,
    current,
    default_digits,
)
from quiz.text.wording import said

Message = str | Mapping[str, str]
# The interface's messages, the command line's, its reports', the bank checks', the
# converters' and the score database's, one catalogue a language.
#: The modules of each language's catalogue, in the order they are merged.
CATALOGUE_MODULES: dict[str, tuple[Any, ...]] = {
    "en": (en, cli_en, commands_en, check_en, interchange_en, store_en),
    "ar": (ar, cli_ar, commands_ar, check_ar, interchange_ar, store_ar),
}
CATALOGUES: dict[str, dict[str, Message]] = {
    lang: {key: message for module in modules for key, message in module.MESSAGES.items()}
    for lang, modules in CATALOGUE_MODULES.items()
}

# The plural forms each language's catalogue must give for a key with a count (CLDR).
PLURAL_FORMS: dict[str, tuple[str, ...]] = {
    "en": ("one", "other"),
    "ar": ("zero", "one", "two", "few", "many", "other"),
}

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
#: The Arabic decimal separator, and the point it stands for: one between two digits.
ARABIC_DECIMAL = "\u066b"
_DECIMAL_POINT = re.compile(r"(?<=[0-9])\.(?=[0-9])")
# Arabic-Indic (U+0660..) and Extended Arabic-Indic (U+06F0.., Persian and Urdu keyboards);
# choice 10 is the 0 key, after 9 as on the keyboard.
DIGIT_KEYS: dict[int, tuple[str, ...]] = {
    n: (str(n % 10), chr(0x0660 + n % 10), chr(0x06F0 + n % 10)) for n in range(1, 11)
}

ARABIC_MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)

# Each language by its own name (an endonym), so a bank's language reads the same in every
# interface language; a tag not listed is shown as it is written.
LANGUAGE_NAMES = {
    "ar": "العربية",
    "de": "Deutsch",
    "en": "English",
    "es": "Español",
    "fa": "فارسی",
    "fr": "Français",
    "id": "Bahasa Indonesia",
    "ms": "Bahasa Melayu",
    "tr": "Türkçe",
    "ur": "اردو",
}

# -- settings --------------------------------------------------------------------------------


def language() -> str:
    """The interface language of the current settings."""
    return current().language


def digit_style() -> str:
    """The digit style of the current settings."""
    return current().digits


def is_rtl(lang: str | None = None) -> bool:
    """Whether a language (default: the current one) is written right to left."""
    return (lang or language()) in RTL_LANGUAGES


def choose_language(option: str | None, env: Mapping[str, str]) -> str:
    """The interface language: `--lang`, else QUIZ_LANG, else the locale; English by default.

    Raises ValueError (a message for the user) when QUIZ_LANG names no known language.
    """
    if option:
        return option
    wanted = env.get("QUIZ_LANG", "").strip()
    if wanted:
        if wanted not in LANGUAGES:
            raise ValueError(
                said("cli.bad_setting", name="QUIZ_LANG", value=wanted, choices=tuple(LANGUAGES))
            )
        return wanted
    # POSIX: the first of these that is set decides the messages' language.
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "ar" if value.lower().startswith("ar") else "en"
    return "en"


def choose_digits(option: str | None, env: Mapping[str, str], lang: str) -> str:
    """The digit style: `--digits`, else QUIZ_DIGITS, else the language's default.

    Raises ValueError (a message for the user) when QUIZ_DIGITS names no known style.
    """
    if option:
        return option
    wanted = env.get("QUIZ_DIGITS", "").strip()
    if wanted:
        if wanted not in DIGIT_STYLES:
            raise ValueError(
                said(
                    "cli.bad_setting",
                    name="QUIZ_DIGITS",
                    value=wanted,
                    choices=tuple(DIGIT_STYLES),
                )
            )
        return wanted
    return default_digits(lang)


# -- numbers ---------------------------------------------------------------------------------


def digits(value: object, style: str | None = None) -> str:
    """A number or a text with its Latin digits written in a style (default: the current one).

    Arabic-Indic digits take the Arabic decimal separator (U+066B) in place of a point between
    two digits: a point beside Arabic-Indic zero, itself a dot, reads as two zeros.
    """
    text = str(value)
    if (style or digit_style()) == "arabic":
        if "." in text:
            text = _DECIMAL_POINT.sub(ARABIC_DECIMAL, text)
        return text.translate(ARABIC_INDIC)
    return text


def plural_form(count: float, lang: str) -> str:
    """The CLDR plural category of a count in a language."""
    if count != int(count):
        return "other"
    n = abs(int(count))
    if lang == "ar":
        if n in (0, 1, 2):
            return ("zero", "one", "two")[n]
        if 3 <= n % 100 <= 10:
            return "few"
        if 11 <= n % 100 <= 99:
            return "many"
        return "other"
    return "one" if n == 1 else "other"


# A fixed-point format spec (".0f", ".1f"): how many places.
_FIXED = re.compile(r"\.(\d+)f")


class _Number:
    """A number inserted into a template: formatted by its spec, then written in a digit style."""

    __slots__ = ("style", "value")

    def __init__(self, value: float, style: str) -> None:
        self.value = value
        self.style = style

    def __format__(self, spec: str) -> str:
        value: object = self.value
        places = _FIXED.fullmatch(spec)
        if places and isinstance(value, float) and math.isfinite(value):
            # Halves rounded up, as a person rounds (12.5% is 13%, as 37.5% is 38%), not to the
            # even neighbour as float formatting does; from the float's shortest decimal form.
            step = Decimal(1).scaleb(-int(places[1]))
            value = Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP)
        return digits(format(value, spec), self.style)


def _insertable(value: Any, style: str) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _Number(value, style)
    if isinstance(value, (tuple, list)):
        # A list of values (line numbers, names): each written out, joined as the language does.
        return separator().join(format(_insertable(item, style)) for item in value)
    return value


# -- messages --------------------------------------------------------------------------------


def template(key: str, lang: str, count: float | None = None) -> str:
    """The template of a key in a language (English, then the key itself, when it is missing)."""
    message = CATALOGUES[lang].get(key)
    if message is None:
        message = CATALOGUES["en"].get(key, key)
        lang = "en"
    if isinstance(message, str):
        return message
    form = plural_form(count if count is not None else 0, lang)
    return message.get(form, message["other"])


def t(key: str, **values: Any) -> str:
    """The interface string `key` in the current language, with `values` in its placeholders.

    A key with plural forms picks one by the `count` value.
    """
    style = digit_style()
    text = template(key, language(), values.get("count"))
    return text.format_map({name: _insertable(value, style) for name, value in values.items()})


def translatable(key: str) -> str:
    """Mark a key that is translated later (a footer label in BINDINGS, read at class creation)."""
    return key


def placeholders(message: Message) -> set[str]:
    """The names of the placeholders of a catalogue entry (of all its plural forms)."""
    forms = [message] if isinstance(message, str) else list(message.values())
    return {
        field.split(".")[0].split("[")[0]
        for form in forms
        for _, field, _, _ in string.Formatter().parse(form)
        if field
    }


def language_name(tag: str | None) -> str:
    """A bank's language by its own name: `ar` and `ar-EG` are العربية, `en` is English."""
    primary = (tag or "").replace("_", "-").split("-")[0].lower()
    return LANGUAGE_NAMES.get(primary, tag or "")


def separator() -> str:
    """What goes between the items of a list ("Paris, Lyon" / "باريس، ليون")."""
    return t("list.separator")


def choice_label(index: int, lang: str | None = None, style: str | None = None) -> str:
    """How choice `index` (from 0) is labelled: `1.` in English, `أ.` (abjad order) in Arabic."""
    if (lang or language()) == "ar":
        # One abjad sequence, kept with the right-to-left layout (imported only when needed).
        from quiz.text.rtl import choice_label as arabic_label

        return arabic_label(index, True)
    return f"{digits(index + 1, style)}."


def duration(seconds: float) -> str:
    """A time taken, as a person says it: `45s`, `2m 05s`, `1h 02m`; the same on every screen
    and command (the results, the statistics, `quiz stats`, the loading screen)."""
    whole = round(seconds)
    if whole < 60:
        return t("duration.seconds", seconds=whole)
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return t("duration.minutes", minutes=minutes, seconds=secs)
    hours, minutes = divmod(minutes, 60)
    return t("duration.hours", hours=hours, minutes=minutes)


def format_datetime(dt: datetime, lang: str | None = None, style: str | None = None) -> str:
    """A date and time for the scores list: `2026-11-29 10:54` or `29 نوفمبر 2026، 10:54`."""
    if (lang or language()) == "ar":
        month = ARABIC_MONTHS[dt.month - 1]
        return digits(f"{dt.day} {month} {dt.year}، {dt:%H:%M}", style)
    return digits(f"{dt:%Y-%m-%d %H:%M}", style)
