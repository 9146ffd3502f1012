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
    # Modes
    "footer.dont_know": "لا أعرف",
    "footer.previous": "السابق",
    "footer.next_question": "التالي",
    "footer.submit": "تسليم",
    "footer.review_all": "مراجعة الكل",
    "footer.study_all": "مذاكرة الكل",
    "start.mode": "الوضع:",
    "mode.practice": "تدريب",
    "mode.exam": "اختبار",
    "mode.review": "مراجعة الأخطاء",
    "mode.study": "مذاكرة (تكرار متباعد)",
    "start.time_limit": "مدة الاختبار (مثل 10m؛ اتركها فارغة لمدة غير محددة):",
    "start.time_invalid": "اكتب مدة مثل 10m أو 90s أو 1h30m.",
    "title.review_all": "مراجعة: كل البنوك",
    "title.study_all": "مذاكرة: كل البنوك",
    "title.review": "مراجعة: {title}",
    "title.study": "مذاكرة: {title}",
    "review.nothing": "لا شيء للمراجعة: لم تُخطئ في أي سؤال في آخر مرة.",
    "study.nothing": "لا شيء للمذاكرة الآن: لا بطاقات مستحقة، وانتهت البطاقات الجديدة لهذا اليوم.",
    "study.status": (
        "مستحقة {due} · جديدة {new} · قيد التعلم {learning} · النتيجة {correct}/{answered}"
    ),
    "study.next": "المراجعة التالية بعد {wait}.",
    "wait.minutes": {
        "zero": "أقل من دقيقة",
        "one": "دقيقة واحدة",
        "two": "دقيقتين",
        "few": "{count} دقائق",
        "many": "{count} دقيقة",
        "other": "{count} دقيقة",
    },
    "wait.hours": {
        "zero": "أقل من ساعة",
        "one": "ساعة واحدة",
        "two": "ساعتين",
        "few": "{count} ساعات",
        "many": "{count} ساعة",
        "other": "{count} ساعة",
    },
    "wait.days": {
        "zero": "أقل من يوم",
        "one": "يوم واحد",
        "two": "يومين",
        "few": "{count} أيام",
        "many": "{count} يومًا",
        "other": "{count} يوم",
    },
    "wait.months": {
        "zero": "أقل من شهر",
        "one": "شهر واحد",
        "two": "شهرين",
        "few": "{count} أشهر",
        "many": "{count} شهرًا",
        "other": "{count} شهر",
    },
    "home.due": "مستحقة {due} · جديدة {new}",
    "exam.status": "السؤال {position} من {total} · أُجيب {answered} من {total}",
    "exam.time_left": "الوقت المتبقي {time}",
    "exam.hint": "يمكنك تغيير إجاباتك حتى التسليم (s).",
    "exam.submit_question": "تسليم الاختبار؟",
    "exam.unanswered": "أسئلة دون إجابة: {count}.",
    "exam.time_up": "انتهى الوقت: سُلِّم الاختبار.",
    "results.not_answered": "دون إجابة",
    "results.explanation": "السبب: ",
}
