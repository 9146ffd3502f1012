"""The Arabic catalogue of why the score database cannot be used (Modern Standard Arabic): the
same keys as store_en. Options, commands, table names and what SQLite or the server said stay as
they are written."""

from __future__ import annotations

from collections.abc import Mapping

MESSAGES: dict[str, str | Mapping[str, str]] = {
    # What the store was doing (quiz.store.model.ACTIONS)
    "store.action.check": "فحص قاعدة البيانات",
    "store.action.copy": "نسخ النتائج",
    "store.action.delete_profile": "حذف الملف الشخصي",
    "store.action.read_answers": "قراءة الإجابات",
    "store.action.read_id": "قراءة معرّف قاعدة البيانات",
    "store.action.read_profile": "قراءة الملف الشخصي",
    "store.action.read_profiles": "قراءة الملفات الشخصية",
    "store.action.read_reviews": "قراءة سجل المراجعات",
    "store.action.read_version": "قراءة إصدار المخطط",
    "store.action.read_sessions": "قراءة الجلسات",
    "store.action.read_statistics": "قراءة الإحصاءات",
    "store.action.read_cards": "قراءة بطاقات المذاكرة",
    "store.action.rename_profile": "إعادة تسمية الملف الشخصي",
    "store.action.save_answer": "حفظ الإجابة",
    "store.action.save_end": "حفظ نهاية الجلسة",
    "store.action.save_session": "حفظ الجلسة الجديدة",
    "store.action.save_study_answer": "حفظ إجابة المذاكرة",
    "store.action.save_cards": "حفظ بطاقات المذاكرة",
    # What went wrong
    "store.cannot": "تعذّر {action} ({error})",
    "store.connection_lost": "تعذّر {action}: انقطع الاتصال بالخادم ({error})",
    "store.connection_lost_and": "تعذّر {action}: انقطع الاتصال بالخادم، و{problem}",
    "store.is_folder": "مجلد، لا قاعدة بيانات نتائج لـ quiz",
    "store.is_special": "{kind}، لا قاعدة بيانات نتائج لـ quiz",
    "store.cannot_make_folder": "تعذّر إنشاء المجلد {folder} ({reason})",
    "store.cannot_open": "تعذّر فتح قاعدة بيانات النتائج ({error})",
    "store.cannot_read": "تعذّرت قراءة قاعدة بيانات النتائج ({error})",
    "store.cannot_read_server": "تعذّرت قراءة قاعدة البيانات ({error})",
    "store.damaged_file": "ليست قاعدة بيانات نتائج لـ quiz ({error})",
    "store.cannot_use": "تعذّر استعمال قاعدة بيانات النتائج ({error})",
    "store.other_program": "قاعدة بيانات SQLite لبرنامج آخر، لا قاعدة بيانات نتائج لـ quiz",
    "store.other_program_server": "قاعدة بيانات لبرنامج آخر، لا قاعدة بيانات نتائج لـ quiz",
    "store.not_our_schema": "ليست قاعدة بيانات نتائج لـ quiz (جدول quiz_schema فيها ليس جدولنا)",
    "store.newer": (
        "إصدار قاعدة بيانات النتائج {version} أحدث مما يعرفه هذا البرنامج (حتى {known})"
    ),
    "store.lost_id": "فقدت قاعدة البيانات معرّفها (الجدول database_id فارغ)",
    "store.not_a_url": "ليس عنوان PostgreSQL ({error})",
    "store.needs_psycopg": "يحتاج PostgreSQL إلى الحزمة psycopg",
    "store.refused": "رفض الخادم اسم المستخدم أو كلمة المرور",
    "store.no_database": "ليس في الخادم قاعدة بيانات باسم {name}",
    "store.no_user": "ليس في الخادم مستخدم باسم {name}",
    "store.unreachable": "يتعذّر الوصول إلى خادم PostgreSQL",
    "store.cannot_connect": "يتعذّر الاتصال بخادم PostgreSQL ({error})",
    "store.cannot_migrate": "تعذّر إنشاء جداول النتائج أو تحديثها ({error})",
    # What to do
    "store.fix.db": "مرّر --db FILE",
    "store.fix.url": "راجع عنوان --db",
    "store.fix.install": "ثبّتها بالأمر: pip install 'quiz[postgresql]'",
    "store.fix.locked": (
        "برنامج آخر يمسك قاعدة البيانات (نسخ احتياطي، أو متصفح قواعد بيانات؟)؛ حاول مرة أخرى"
    ),
    "store.fix.read_only": "الملف أو مجلده للقراءة فقط؛ اجعله قابلًا للكتابة أو مرّر --db FILE",
    "store.fix.full": "القرص ممتلئ؛ أفرغ بعض المساحة وحاول مرة أخرى",
    "store.fix.damaged": "الملف تالف؛ استرجع نسخة احتياطية أو مرّر --db FILE",
    "store.fix.move_away": "انقله إلى مكان آخر أو مرّر --db FILE",
    "store.fix.writable": "تأكد أن الملف ومجلده قابلان للكتابة أو مرّر --db FILE",
    "store.fix.upgrade": "حدّث quiz أو مرّر --db FILE",
    "store.fix.upgrade_server": "حدّث quiz على هذا الحاسوب، أو سمِّ قاعدة بيانات أخرى في عنوان --db",
    "store.fix.restore": "استرجع نسخة احتياطية أو مرّر --db FILE",
    "store.fix.server_back": "حاول مرة أخرى حين يعود الخادم",
    "store.fix.server_running": "تأكد أن الخادم يعمل وحاول مرة أخرى",
    "store.fix.empty_database": "سمِّ في عنوان --db قاعدة بيانات فارغة، أو قاعدة أنشأها quiz",
    "store.fix.password": "راجعهما في العنوان (أو في PGPASSWORD أو ~/.pgpass)",
    "store.fix.createdb": "أنشئها (createdb {name}) أو راجع العنوان",
    "store.fix.user": "راجع اسم المستخدم في العنوان",
    "store.fix.reach": "تأكد أنه يعمل وأن اسم المضيف والمنفذ في العنوان صحيحان",
    "store.fix.may_create": "تأكد أن المستخدم يستطيع إنشاء جداول في قاعدة البيانات",
}
