"""The Arabic catalogue (Modern Standard Arabic): the same keys as the English one."""

from __future__ import annotations

from collections.abc import Mapping

MESSAGES: dict[str, str | Mapping[str, str]] = {
    # Shared
    "list.separator": "، ",
    "percent": "{value:.0f}٪",
    "percent.none": "-",
    # Footer labels (binding descriptions)
    "footer.palette": "لوحة الأوامر",
    "footer.quit": "خروج",
    "footer.start": "ابدأ",
    "footer.reload": "إعادة التحميل",
    "footer.answer": "أجب",
    "footer.answer_next": "أجب / التالي",
    "footer.next": "التالي",
    "footer.leave": "مغادرة",
    "footer.up": "أعلى",
    "footer.down": "أسفل",
    "footer.retry": "إعادة الأسئلة الخاطئة",
    "footer.again": "العب مرة أخرى",
    "footer.home": "الرئيسية",
    "footer.yes": "نعم",
    "footer.no": "لا",
    "footer.cancel": "إلغاء",
    # Home
    "home.title": "quiz · اختر بنك أسئلة",
    "home.general": "عام",
    "home.error": "خطأ: {message}",
    "home.facts": "{language} · {questions} · الأفضل {best} · الأخيرة {last}",
    # CLDR Arabic: 0, 1, 2, 3-10 (plural), 11-99 (singular accusative), 100+ (singular genitive).
    "home.questions": {
        "zero": "لا أسئلة",
        "one": "سؤال واحد",
        "two": "سؤالان",
        "few": "{count} أسئلة",
        "many": "{count} سؤالًا",
        "other": "{count} سؤال",
    },
    "home.empty": (
        "لم يُعثر على أي بنك أسئلة في {folders}."
        " أضف ملفات بامتداد yaml هناك، أو استخدم الخيار --bank DIR."
    ),
    "home.unreadable": "تعذّرت قراءة هذا البنك.",
    # Question
    "question.status": "السؤال {position} من {total} · النتيجة {correct}/{answered}",
    "question.hint_multiple": "اختر كل الإجابات الصحيحة، ثم اضغط Enter.",
    "question.pick_first": "اختر إجابة واحدة على الأقل أولًا.",
    "feedback.right": "صحيح!",
    "feedback.wrong": "خطأ.",
    "feedback.answer_is": "الإجابة الصحيحة هي",
    "feedback.answers_are": "الإجابات الصحيحة هي",
    "leave.question": "هل تريد مغادرة هذا الاختبار؟",
    "leave.saved": {
        "zero": "لم تُحفظ أي إجابة.",
        "one": "حُفظت إجابتك.",
        "two": "حُفظت إجابتاك.",
        "few": "حُفظت {count} إجابات.",
        "many": "حُفظت {count} إجابةً.",
        "other": "حُفظت {count} إجابة.",
    },
    # Results
    "duration.seconds": "{seconds} ث",
    "duration.minutes": "{minutes} د {seconds:02d} ث",
    "duration.hours": "{hours} س {minutes:02d} د",
    "results.score": "النتيجة {correct}/{total} ({percent})",
    "results.time": "الوقت {time}",
    "results.all_right": "أجبت عن كل الأسئلة إجابةً صحيحة. أحسنت!",
    "results.missed": "الأسئلة الخاطئة ({missed}):",
    "results.answer": "الإجابة الصحيحة",
    "results.you_said": "إجابتك",
    "results.nothing_missed": "لا أخطاء، فلا شيء لإعادته.",
    # Dialogs
    "confirm.yes": "نعم (y)",
    "confirm.no": "لا (n)",
    "count.ask": "كم سؤالًا تريد؟ ({low}-{high})",
    "count.start": "ابدأ",
    "count.cancel": "إلغاء",
    "count.invalid": "اكتب عددًا من {low} إلى {high}.",
    # quiz scores
    "scores.none": "لا اختبارات بعد. شغّل quiz لتبدأ اختبارًا.",
    "scores.line": (
        "{when}  {title}  {correct}/{answered} صحيحة ({percent})، أُجيب عن {answered} من {planned}"
    ),
    "scores.unfinished": "(لم يكتمل)",
}
