"""The text tests of the lint rules: folding for phrases, loosening for near-duplicates, lengths.

Kept apart from the rules (quiz.bank.lint) so each module stays short.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata

from quiz.bank.clean import DEFAULT_IGNORABLE
from quiz.bank.model import Question


def stray_invisible(text: str) -> str | None:
    """The first invisible character of a text that is not doing a job there.

    Zero-width joiners and non-joiners between two letters shape Arabic, Persian and Indic
    words; a joiner or variation selector after a symbol makes an emoji; bidi marks order
    mixed right-to-left text. Those are kept quiet.
    """
    for match in DEFAULT_IGNORABLE.finditer(text):
        char, i = match[0], match.start()
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if char in "\u200e\u200f\u061c":
            continue
        if char in "\u200c\u200d" and before.isalpha() and after.isalpha():
            continue
        if char in "\u200d\ufe0e\ufe0f" and before and is_symbol(before):
            continue
        if "\U000e0020" <= char <= "\U000e007f" and before and is_symbol(before):
            continue  # the tag characters of a flag such as Scotland's
        return char
    return None


def is_symbol(char: str) -> bool:
    """Whether a character can be part of an emoji sequence (a symbol, a mark, a tag)."""
    if char in "\ufe0f\u200d" or "\U000e0020" <= char <= "\U000e007f":
        return True
    return unicodedata.category(char) in ("So", "Sk", "Mn", "Me")


# Choices that point at the others, matched in `_fold`ed text (lower case, no marks, Arabic letter
# variants merged, words separated by one space). Only clear cases: "both A and B" is left out
# because it is a real answer too (the antigens of blood group AB).
_REFERS_TO_OTHERS = re.compile(
    r"(?<!\w)(?:"
    r"(?:all|none|both|neither|any) (?:of )?(?:the )?(?:above|aforementioned)"
    r"|(?:all|none|both|neither) of the (?:previous|preceding) (?:answers|choices|options)"
    r"|^(?:all|none) of these"
    # جميع ما سبق، كل ما ذكر، جميع ما تقدم، كل ما ورد
    r"|(?:جميع|كل) (?:ما|مما) (?:سبق|ذكر|تقدم|ورد)"
    # جميع الإجابات السابقة، كل الخيارات المذكورة
    r"|(?:جميع|كل) (?:الاجابات|الخيارات|الاختيارات|البدائل) (?:السابقه|المذكوره|اعلاه)"
    # لا شيء مما سبق، ليس أيًّا مما سبق، ولا واحد مما ذكر، لاشيء مما تقدم
    r"|(?:و?لا|ليس) ?(?:شي|اي|ايا|احد|واحد) (?:مما|من ما|من) (?:سبق|ذكر|تقدم|ورد)"
    # لا شيء من الإجابات السابقة
    r"|(?:و?لا|ليس) ?(?:شي|اي|ايا|احد|واحد) (?:من )?(?:الاجابات|الخيارات|الاختيارات|البدائل)"
    r" (?:السابقه|المذكوره)"
    r")(?!\w)"
)

# Arabic letters written in several ways: alef forms, alef maqsura, teh marbuta, Farsi yeh and
# keheh, tatweel and the lone hamza (dropped). Hamza and madda above or below a letter are marks,
# which `_fold` removes after decomposing.
_ARABIC_VARIANTS = str.maketrans(
    {"\u0671": "ا", "ى": "ي", "ة": "ه", "\u06cc": "ي", "\u06a9": "ك", "\u0640": None, "ء": None}
)


def refers_to_others(choice: str) -> bool:
    """Whether a choice is "all of the above" or the like."""
    # Folding is slow; most choices hold none of the words such phrases end with.
    if _MAY_REFER.search(choice) is None:
        return False
    return _REFERS_TO_OTHERS.search(_fold(choice)) is not None


def _letters(word: str) -> str:
    """A pattern for an Arabic word that allows harakat and tatweel between its letters."""
    return r"\W{0,4}".join("[اأإآٱ]" if letter == "ا" else letter for letter in word)


# Every phrase of _REFERS_TO_OTHERS ends with one of these words.
_MAY_REFER = re.compile(
    "|".join(
        ["above", "these", "aforementioned", "previous", "preceding"]
        + [_letters(w) for w in ("سبق", "ذكر", "تقدم", "ورد", "سابق", "مذكور", "اعلا")]
    ),
    re.IGNORECASE,
)


def skeleton(text: str) -> str:
    """Only the letters and digits of a text, in lower case."""
    return _NOT_WORD.sub("", text.casefold())


def _fold(text: str) -> str:
    """Text reduced for matching phrases: no case, accents, harakat or punctuation."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).translate(_drop_marks())
        text = text.translate(_ARABIC_VARIANTS)
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


_NOT_WORD = re.compile(r"[\W_]+")

# Punctuation that changes what a choice says, never ignored: 5% is not 5,
# and 5 feet (a prime) is not 5 inches (a double prime).
_MEANINGFUL = frozenset("%‰‱#&@*/\\′″‴")


@functools.cache
def _drop_marks() -> dict[int, None]:
    """A str.translate table deleting combining marks (harakat, accents) and format characters.

    Built once, when first needed: Python's re has no \\p{...} classes.
    """
    return {
        code: None
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in ("Mn", "Me", "Cf")
    }


@functools.cache
def _punctuation() -> re.Pattern[str]:
    """One punctuation character of any script (Unicode categories P*)."""
    codes = [c for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)).startswith("P")]
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return re.compile(
        "["
        + "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)
        + "]"
    )


#: Marks of code in a question or its choices: where spaces can be the whole difference.
_CODE = re.compile(r"[`(){}\[\]=<>;$\\|^~]|\b(?:print|echo|return|printf|console)\b")


def spaces_matter(question: Question, choice: str, answer: str) -> bool:
    """Whether spaces can be what a question asks about: its choices hold digits, or it shows
    code ("What does print(*[0, 1, 2]) show?")."""
    if any(c.isdigit() for c in choice + answer):
        return True
    return _CODE.search(question.text) is not None or _CODE.search(choice + answer) is not None


def loose(text: str, *, spaces: bool = False) -> str:
    """Text without case, spaces (one between words, with `spaces`), or punctuation at the
    edges of words.

    Punctuation inside a word or before a digit is kept, because there it changes the meaning:
    it's and its, 3.5 and 35, -5 and 5 stay apart.
    """

    def edge(match: re.Match[str]) -> str:
        char, i = match[0], match.start()
        if char in _MEANINGFUL:
            return char
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        inside = after.isdigit() or (before.isalnum() and after.isalnum())
        return char if inside else ""

    joiner = " " if spaces else ""
    return joiner.join(_punctuation().sub(edge, text).split()).casefold()


def length(text: str) -> int:
    """How long a text looks: characters, not counting marks (harakat) or repeated spaces."""
    text = " ".join(text.split())
    return len(text) if text.isascii() else len(text.translate(_drop_marks()))


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
