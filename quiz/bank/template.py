"""`quiz new`: a commented bank file, in the bank's language, showing every feature."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from quiz.bank.clean import strip_unsafe
from quiz.bank.schema import modeline
from quiz.text.wording import said

# The loader's rule for `language:` (tests check the two stay the same).
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")

DEFAULT_TITLES = {"en": "My quiz", "ar": "اختبار جديد"}

# {modeline}, {title_line} and {language} are filled in; the rest is the file as written. Keys
# stay English in every language: they are the format, not the content.
_ENGLISH = """\
{modeline}
#
# A question bank for quiz. Check it with 'quiz check FILE' after every edit,
# and play it with 'quiz play FILE'. Lines starting with # are comments.
# Every value is plain text: put text that contains ': ' or starts with a quote,
# [, {{, & or * in double quotes.

# The title shown in the list of banks, and the language the questions are in.
{title_line}
language: {language}
description: Replace these example questions with your own.
# Optional: where the answers are settled (a book and its pages, a web page,
# a URL), shown after each explanation. A question's own 'source' wins.
source: Your textbook, chapter 1
# Optional: words that group the questions; every question gets them.
tags: [example]
# Questions are asked in any order; 'shuffle: false' here keeps file order.
shuffle: true
# Optional: a line 'format: markdown' here reads the text as Markdown: **bold**,
# *italic*, `code`, code blocks in ``` fences with syntax highlighting, lists.

questions:
  # A plain question: 2 to 10 choices and one answer, copied exactly.
  # 'id' is optional: a stable name that keeps a question's scores when you
  # edit its text. 'explanation' is shown after answering.
  - id: capital-of-france
    question: What is the capital of France?
    choices:
      - Paris
      - Lyon
      - Marseille
      - Toulouse
    answer: Paris
    explanation: Paris has been the capital of France for most of its history.
    source: Encyclopaedia Britannica, "Paris"
    tags: [geography]

  # Feedback per choice: write a choice as text plus feedback, shown when a
  # student picks it. Say why a wrong choice is wrong.
  - id: largest-planet
    question: Which planet is the largest in the Solar System?
    choices:
      - text: Jupiter
        feedback: Right. Jupiter is more massive than all the other planets together.
      - text: Saturn
        feedback: Saturn is the second largest, after Jupiter.
      - text: Earth
        feedback: Earth is the largest rocky planet, but the gas giants are far bigger.
    answer: Jupiter
    explanation: Jupiter is eleven times as wide as Earth.

  # Several right answers: list them all. Students pick every right choice,
  # then press Enter; the question counts only when the picks match exactly.
  - id: primary-colours-of-light
    question: Which are primary colours of light? Pick all that apply.
    choices:
      - Red
      - Green
      - Blue
      - Yellow
    answer: [Red, Green, Blue]
    explanation: Red, green and blue light mix to make every colour on a screen.

  # True or false: the choices stay text. 'shuffle: false' keeps them in this
  # order (also for "all of the above" and ordered scales).
  - id: water-boils-at-100
    question: At sea level, pure water boils at 100 °C.
    choices: [True, False]
    answer: True
    shuffle: false
    explanation: At sea level pressure, pure water boils at 100 °C (212 °F).
"""

_ARABIC = """\
{modeline}
#
# بنك أسئلة لتطبيق quiz. افحصه بالأمر 'quiz check FILE' بعد كل تعديل،
# وابدأ الاختبار بالأمر 'quiz play FILE'. السطر الذي يبدأ بعلامة # تعليق.
# كل قيمة نص عادي: ضع بين علامتي تنصيص مزدوجتين كل نص فيه ': '
# أو يبدأ بعلامة تنصيص أو بأحد الرموز [ {{ & *
# تبقى المفاتيح (title وquestion وchoices…) بالإنجليزية، أما النصوص فبلغتك.

# العنوان الظاهر في قائمة البنوك، ولغة الأسئلة.
{title_line}
language: {language}
description: استبدل بهذه الأسئلة أسئلتك.
# اختياري: المصدر الذي تُستقى منه الإجابات (كتاب وصفحاته، أو صفحة على الويب، أو رابط)،
# ويظهر بعد شرح كل سؤال. وإذا كان للسؤال مصدر خاص به ('source') ظهر بدلًا منه.
source: كتابك المدرسي، الفصل الأول
# اختياري: كلمات تجمع الأسئلة، وتنطبق على كل سؤال في البنك.
tags: [مثال]
# تُطرح الأسئلة بترتيب عشوائي؛ اكتب هنا 'shuffle: false' لتُطرح بترتيب الملف.
shuffle: true
# اختياري: سطر 'format: markdown' هنا يقرأ النص بصيغة Markdown: **عريض**
# و*مائل* و`شيفرة`، وكتل الشيفرة بين ``` ملوّنة، والقوائم.

questions:
  # سؤال عادي: من خيارين إلى عشرة خيارات، وإجابة واحدة منسوخة منها حرفيًّا.
  # المفتاح 'id' اختياري: اسم ثابت يحفظ نتائج السؤال إذا عدّلت نصه.
  # و'explanation' شرح يظهر بعد الإجابة.
  - id: capital-of-egypt
    question: ما عاصمة مصر؟
    choices:
      - القاهرة
      - الإسكندرية
      - أسوان
      - الأقصر
    answer: القاهرة
    explanation: القاهرة عاصمة مصر وأكبر مدنها.
    source: الموسوعة البريطانية، مادة «القاهرة»
    tags: [جغرافيا]

  # ملاحظة لكل خيار: اكتب الخيار نصًّا مع ملاحظة تظهر لمن يختاره،
  # وبيّن فيها لماذا الخيار الخاطئ خاطئ.
  - id: largest-planet
    question: ما أكبر كواكب المجموعة الشمسية؟
    choices:
      - text: المشتري
        feedback: صحيح، فكتلة المشتري أكبر من كتل الكواكب الأخرى مجتمعة.
      - text: زحل
        feedback: زحل ثاني أكبر الكواكب بعد المشتري.
      - text: الأرض
        feedback: الأرض أكبر الكواكب الصخرية، لكن الكواكب الغازية أكبر منها بكثير.
    answer: المشتري
    explanation: يبلغ قطر المشتري أحد عشر ضعف قطر الأرض.

  # أكثر من إجابة صحيحة: اذكرها كلها في قائمة. يختار الطالب كل الخيارات
  # الصحيحة ثم يضغط Enter، ولا تُحسب الإجابة صحيحة إلا إذا طابقت اختياراته القائمة تمامًا.
  - id: primary-colours-of-light
    question: ما الألوان الأساسية للضوء؟ اختر كل ما ينطبق.
    choices:
      - الأحمر
      - الأخضر
      - الأزرق
      - الأصفر
    answer: [الأحمر, الأخضر, الأزرق]
    explanation: تمتزج الألوان الأحمر والأخضر والأزرق لتكوّن كل ألوان الشاشة.

  # صواب أو خطأ: 'shuffle: false' يُبقي الخيارين بهذا الترتيب
  # (وكذلك مع خيار مثل «جميع ما سبق» أو مع مقياس مرتب).
  - id: water-boils-at-100
    question: يغلي الماء النقي عند 100 درجة مئوية عند مستوى سطح البحر.
    choices: [صواب, خطأ]
    answer: صواب
    shuffle: false
    explanation: عند الضغط الجوي على مستوى سطح البحر يغلي الماء النقي عند 100 درجة مئوية.
"""


def template(title: str | None, language: str) -> str:
    """A new bank file's text: Arabic for `ar`, English comments and examples otherwise.

    Raises ValueError when `language` is not a language tag the loader accepts.
    """
    language = language.strip()
    if not LANGUAGE_TAG.fullmatch(language):
        raise ValueError(str(said("problem.bad_language", language=language)))
    base = language.split("-")[0].lower()
    title = " ".join(strip_unsafe(title or "").split()) or DEFAULT_TITLES.get(
        base, DEFAULT_TITLES["en"]
    )
    text = _ARABIC if base == "ar" else _ENGLISH
    return text.format(modeline=modeline(), title_line=_title_line(title), language=language)


def write_template(path: Path, title: str | None, language: str) -> None:
    """Write a new bank file at `path`, titled after the file name when no title is given.

    Raises FileExistsError rather than overwrite a file, and ValueError for a bad language.
    """
    from quiz.files import FileExists, FileProblem, write_new

    text = template(title if title is not None else _title_from_name(path), language)
    # Never over a file, one made meanwhile included; whole or not at all.
    try:
        write_new(path, text, newline="\n")
    except FileExists:
        raise FileExistsError(path) from None
    except FileProblem as problem:
        raise OSError(str(problem)) from None


def _title_line(title: str) -> str:
    """`title: ...`, in double quotes when YAML would not read the title back as written."""
    line = yaml.safe_dump({"title": title}, allow_unicode=True, width=1_000_000).rstrip("\n")
    if line.startswith("title: '"):
        # The comments tell teachers to use double quotes; a JSON string is one.
        line = "title: " + json.dumps(title, ensure_ascii=False)
    return line


def _title_from_name(path: Path) -> str | None:
    """`world-capitals.yaml` gives "World capitals"; a name without letters gives nothing."""
    words = " ".join(re.split(r"[-_.\s]+", path.stem)).strip()
    if not any(c.isalpha() for c in words):
        return None
    return words[0].upper() + words[1:]
