"""The Arabic catalogue of the command line's reports (Modern Standard Arabic): the same keys as
commands_en. Option names, commands and the names of database systems stay as they are typed."""

from __future__ import annotations

from collections.abc import Mapping

MESSAGES: dict[str, str | Mapping[str, str]] = {
    # quiz db check
    "db.no_database": "{name}: لا توجد هنا قاعدة بيانات نتائج؛ راجع {option}",
    "db.empty": "{name}: قاعدة بيانات {kind} فارغة، ليس فيها جداول quiz بعد",
    "db.empty_hint": "ينشئها quiz أول مرة يفتحها",
    "db.found": "{name}: قاعدة بيانات نتائج quiz ({kind})",
    "db.version_current": "إصدار المخطط {version}، إصدار هذا البرنامج",
    "db.version_older": (
        "إصدار المخطط {version}، أقدم من إصدار هذا البرنامج ({current}): يُحدَّث في المرة "
        "القادمة التي يفتحها فيها quiz"
    ),
    "db.sessions": {
        "zero": "لا جلسات",
        "one": "جلسة واحدة",
        "two": "جلستان",
        "few": "{count} جلسات",
        "many": "{count} جلسةً",
        "other": "{count} جلسة",
    },
    "db.answers": {
        "zero": "لا إجابات",
        "one": "إجابة واحدة",
        "two": "إجابتان",
        "few": "{count} إجابات",
        "many": "{count} إجابةً",
        "other": "{count} إجابة",
    },
    "db.cards": {
        "zero": "لا بطاقات",
        "one": "بطاقة واحدة",
        "two": "بطاقتان",
        "few": "{count} بطاقات",
        "many": "{count} بطاقةً",
        "other": "{count} بطاقة",
    },
    "db.reviews": {
        "zero": "لا مراجعات",
        "one": "مراجعة واحدة",
        "two": "مراجعتان",
        "few": "{count} مراجعات",
        "many": "{count} مراجعةً",
        "other": "{count} مراجعة",
    },
    "db.problem": "مشكلة: {problem}",
    "db.integrity_ok": "السلامة: لا مشكلات",
    "db.problems": {
        "zero": "لا مشكلات",
        "one": "مشكلة واحدة",
        "two": "مشكلتان",
        "few": "{count} مشكلات",
        "many": "{count} مشكلةً",
        "other": "{count} مشكلة",
    },
    # quiz db migrate
    "db.same_database": "{name}: الخياران --from و--to يسمّيان قاعدة البيانات نفسها",
    "db.copied": "نُسخت {source} إلى {target}",
    "db.kind.sessions": "الجلسات",
    "db.kind.answers": "الإجابات",
    "db.kind.cards": "البطاقات",
    "db.kind.reviews": "المراجعات",
    "db.copy": "{kind}: {source} في المصدر، أُضيف منها {added}، و{present} موجودة من قبل",
    "db.copy_updated": (
        "{kind}: {source} في المصدر، أُضيف منها {added}، و{present} موجودة من قبل، وحُدِّث {updated}"
    ),
}
