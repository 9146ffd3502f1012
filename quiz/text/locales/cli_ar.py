"""The Arabic catalogue of the command line (Modern Standard Arabic): the same keys as cli_en.

Option names, metavariables (FILE, DIR), format names, variables (QUIZ_DB) and `quiz` itself stay
as they are typed; argparse's `%(value)r` placeholders stay as argparse fills them.
"""

from __future__ import annotations

from collections.abc import Mapping

MESSAGES: dict[str, str | Mapping[str, str]] = {
    # --help
    "cli.global.db": (
        "قاعدة بيانات النتائج: ملف، أو postgresql://user@host:port/dbname (المتغير QUIZ_DB)"
    ),
    "cli.global.bank": (
        "مجلد فيه ملفات بنوك الأسئلة؛ كرّره لمجلدات أخرى (المتغير QUIZ_BANK، قائمة مسارات)"
    ),
    "cli.global.lang": "لغة الواجهة (المتغير QUIZ_LANG؛ الافتراضي: من إعدادات النظام، وإلا en)",
    "cli.global.digits": (
        "كيف تُكتب الأرقام (المتغير QUIZ_DIGITS؛ الافتراضي: arabic مع --lang ar، وإلا latin)"
    ),
    "cli.global.profile": (
        "صاحب النتائج، حين يتشارك عدة طلاب حاسوبًا واحدًا (المتغير QUIZ_PROFILE؛ الافتراضي: default)"
    ),
    "cli.global.rtl": (
        "كيف يُعرض النص من اليمين إلى اليسار: يرتّبه quiz بنفسه، أو يتركه لطرفية ترتّبه "
        "(المتغير QUIZ_RTL؛ الافتراضي: auto، بحسب الطرفية)"
    ),
    "cli.quiz.description": "تدرّب على أسئلة الاختيار من متعدد في الطرفية.",
    "cli.quiz.epilog": "شغّل quiz وحده لتفتح الشاشة الرئيسية.",
    "cli.check.help": "افحص ملفات البنوك بحثًا عن الأخطاء",
    "cli.check.description": (
        "افحص ملفات البنوك ومجلداتها؛ تُطبع كل مشكلة في سطر يبدأ بـ path:line:column."
    ),
    "cli.check.paths": "ملفات أو مجلدات (الافتراضي: مجلدات البنوك)",
    "cli.check.results": (
        "نتائج الطلاب المصدَّرة (quiz results export): نبّه أيضًا عند الأسئلة "
        "التي تكشف إجاباتهم خللًا فيها، كمفتاح قد يكون خاطئًا"
    ),
    "cli.check.strict": "عامل التحذيرات معاملة الأخطاء",
    "cli.check.format": "صيغة طباعة النتائج",
    "cli.import.help": "حوّل أسئلة GIFT أو Aiken أو CSV أو Moodle XML إلى ملف بنك",
    "cli.import.description": (
        "حوّل ملف Moodle GIFT أو Aiken أو Moodle XML، أو جدولًا محفوظًا بصيغة CSV، إلى "
        "ملف بنك. تُعرف الصيغة من امتداد الملف أو محتواه. مع -o FOLDER/ تصير كل فئة في "
        "الملف بنكًا، في مجلدات فرعية (مواد)."
    ),
    "cli.import.file": "الملف المراد تحويله",
    "cli.import.output": (
        "ملف البنك المراد كتابته، أو مجلد (ينتهي بـ /) لبنك لكل فئة (الافتراضي: اطبعه)"
    ),
    "cli.import.from": "صيغة FILE",
    "cli.import.title": "عنوان البنك (الافتراضي: من FILE)",
    "cli.import.language": "لغة البنك، مثل en أو ar أو de (الافتراضي: تُخمَّن)",
    "cli.import.encoding": "ترميز FILE، مثل cp1256 لجدول عربي من Windows (الافتراضي: UTF-8)",
    "cli.import.force": "اكتب فوق OUT إن كان موجودًا",
    "cli.export.help": "اكتب بنكًا لـ Moodle أو Canvas أو Blackboard أو Kahoot أو Anki",
    "cli.export.description": (
        "اكتب ملف بنك بصيغة نظام آخر: gift وaiken وmoodle-xml لـ Moodle، وqti (QTI 1.2، "
        "Canvas) وqti21 (QTI 2.1، Blackboard Ultra وغيره)، وkahoot (قالبه .xlsx) وanki "
        "(استيراد Anki النصي)."
    ),
    "cli.export.path": "ملف بنك",
    "cli.export.to": "الصيغة",
    "cli.export.output": "أين يُكتب (الافتراضي: اطبعه؛ zip وxlsx يحتاجانه)",
    "cli.export.time_limit": (
        "لـ kahoot: ثواني كل سؤال، 5 أو 10 أو 20 أو 30 أو 60 أو 90 أو 120 أو 240 "
        "(الافتراضي: {default})"
    ),
    "cli.export.force": "اكتب فوق FILE إن كان موجودًا",
    "cli.results.help": "صدّر الإجابات المحفوظة في قاعدة بيانات النتائج",
    "cli.results.description": "صدّر الإجابات المحفوظة في قاعدة بيانات النتائج، للمعلّم.",
    "cli.results_export.help": "اكتب كل إجابة بصيغة CSV أو JSON، صفًّا لكل إجابة",
    "cli.results_export.description": (
        "اكتب كل إجابة محفوظة، صفًّا لكلٍّ منها (الملف الشخصي، البنك، السؤال، الخيارات "
        "المعروضة، المختار، صحيح أو خطأ، الثواني، الوقت؛ ثم معرّف قاعدة البيانات، ورقم "
        "الجلسة ورقم الإجابة فيها، والنمط، والمحاولة: 1 أول مرة أجاب فيها الملف الشخصي "
        "عن السؤال)، بصيغة CSV لجداول البيانات (UTF-8 مع BOM) أو JSON. إجابات كل "
        "الملفات الشخصية ما لم يُسمِّ --profile NAME (أو QUIZ_PROFILE) واحدًا. "
        "يقرأ المعلّم الملفات بالأمر quiz report."
    ),
    "cli.results_export.all_profiles": (
        "إجابات كل الملفات الشخصية (الافتراضي)، حتى إن سمّى QUIZ_PROFILE واحدًا"
    ),
    "cli.results_export.both": "--profile و--all-profiles: اختر واحدًا",
    "cli.results_export.format": "الافتراضي: من امتداد FILE، وإلا csv",
    "cli.results_export.since": "الإجابات من هذا التاريخ فصاعدًا فقط (YYYY-MM-DD، بالتوقيت المحلي)",
    "cli.results_export.output": "أين يُكتب (الافتراضي: اطبعه)",
    "cli.results_export.force": "اكتب فوق FILE إن كان موجودًا",
    "cli.db.help": "افحص قاعدة بيانات النتائج، أو انسخها إلى أخرى",
    "cli.db.description": (
        "افحص قاعدة بيانات النتائج (ملف، أو عنوان postgresql://)، أو انسخ نتائج كل "
        "الملفات الشخصية من قاعدة إلى أخرى."
    ),
    "cli.db_check.help": "إصدار المخطط، والصفوف المحفوظة، وهل هي سليمة",
    "cli.db_check.description": (
        "اعرض إصدار مخطط قاعدة بيانات النتائج المسمّاة بـ --db (أو QUIZ_DB)، وعدد الجلسات"
        " والإجابات والبطاقات والمراجعات فيها، وهل صفوفها ومجاميعها سليمة. لا يغيّر "
        "شيئًا. رمز الخروج 1 إن وُجد خلل."
    ),
    "cli.db_migrate.help": "انسخ نتائج كل الملفات الشخصية من قاعدة بيانات إلى أخرى",
    "cli.db_migrate.description": (
        "انسخ جلسات كل الملفات الشخصية وإجاباتها وبطاقات مذاكرتها ومراجعاتها من قاعدة "
        "بيانات نتائج (ملف SQLite عادةً) إلى أخرى (postgresql://... عادةً). تشغيله مرة "
        "أخرى يضيف الجديد فقط."
    ),
    "cli.migrate.from": "قاعدة البيانات المراد نسخها",
    "cli.migrate.to": "إلى أين تُنسخ: postgresql://user@host:port/dbname، أو ملف",
    "cli.report.bank": "هذا البنك وحده (عنوانه أو اسم ملفه)؛ كرّره لأكثر من بنك",
    "cli.report.mode": (
        "إجابات هذه الأوضاع وحدها، مفصولة بفواصل (الافتراضي: exam,practice أي إجابات "
        'الاختبار؛ "all" لكل الأوضاع)'
    ),
    "cli.report.since": "الإجابات المعطاة في هذا التاريخ أو بعده فقط (YYYY-MM-DD)",
    "cli.report.until": "الإجابات المعطاة في هذا التاريخ أو قبله فقط (YYYY-MM-DD)",
    "cli.report.attempts": (
        "أي إجابات الطالب عن السؤال تُحسب: first (الافتراضي، الإحصاء العادل للسؤال) أو last أو all"
    ),
    "cli.report.format": "جداول نصية (الافتراضي) أو json (كل الأرقام، انظر docs/report.md)",
    "cli.report.gradebook": "اكتب أيضًا سجل درجات CSV: صف لكل طالب وعمود لكل سؤال",
    "cli.report.help": "تحليل أسئلة من نتائج الطلاب المصدَّرة",
    "cli.report.description": (
        "اقرأ ملفات الطلاب المصدَّرة (ملفات quiz results export، أو مجلدات منها) واطبع "
        "لكل سؤال عدد من أجابوا ونسبة الصواب والخيار الخاطئ الأكثر اختيارًا، ثم الطلاب "
        "الأكثر تأخرًا."
    ),
    "cli.report.paths": "ملف مصدَّر (.csv أو .json) أو مجلد منها",
    "cli.report.html": "اكتب التقرير صفحة HTML واحدة بدلًا من طباعته",
    "cli.report.force": "اكتب فوق OUT إن كان موجودًا",
    "cli.report.min_answers": (
        "عدد الإجابات التي يحتاجها الطالب ليُرتَّب بين الأكثر تأخرًا (الافتراضي: {default})"
    ),
    "cli.stats.help": "اعرض الإحصاءات: النتيجة عبر الزمن، والوسوم، وأضعف الأسئلة، وأيام المواظبة",
    "cli.stats.description": (
        "اعرض إحصاءات ملف شخصي، لبنك واحد أو لكل البنوك: النتيجة عبر الزمن، والدقة بحسب "
        "الوسم، وأضعف الأسئلة، والأيام المتتالية من التدرّب، والوقت المستغرق."
    ),
    "cli.stats.bank": "ملف بنك واحد (الافتراضي: كل البنوك)",
    "cli.stats.json": "اطبع JSON",
    "cli.schema.help": "اطبع مخطط JSON لملفات البنوك",
    "cli.schema.description": "اطبع مخطط JSON (مسودة 2020-12) لملفات البنوك، للمحرّرات.",
    "cli.new.help": "اكتب ملف بنك مشروحًا لتبدأ منه",
    "cli.new.description": "اكتب بنكًا نموذجيًا مشروحًا يجتاز quiz check.",
    "cli.new.path": "الملف الجديد (.yaml)",
    "cli.new.title": "عنوان البنك (الافتراضي: من اسم الملف)",
    "cli.new.language": "وسم BCP 47 (الافتراضي: en)",
    "cli.play.help": "ابدأ على ملف بنك واحد",
    "cli.play.description": "ابدأ تمرينًا أو اختبارًا على ملف بنك واحد.",
    "cli.play.path": "ملف بنك (المراجعة والمذاكرة بلا ملف: كل البنوك)",
    "cli.play.count": "عدد الأسئلة",
    "cli.play.seed": "اجعل الترتيب قابلًا للتكرار",
    "cli.play.mode": (
        "practice (تمرين: تصحيح بعد كل إجابة، الافتراضي)، exam (اختبار: التصحيح في "
        "النهاية)، review (الأسئلة التي أخطأت فيها آخر مرة) أو study (مذاكرة بالتكرار "
        "المتباعد)"
    ),
    "cli.play.time_limit": "مدة الاختبار، مثل 10m أو 90s أو 1h30m",
    "cli.play.new_per_day": (
        "للمذاكرة: أقصى عدد من البطاقات الجديدة في اليوم (الافتراضي: {default})"
    ),
    "cli.play.rate_by_time": (
        "للمذاكرة: قيّم الإجابة الصحيحة السريعة Easy والبطيئة Hard (الافتراضي: كلها Good)"
    ),
    "cli.scores.help": "اعرض التمارين والاختبارات السابقة، الأحدث أولًا",
    "cli.scores.description": (
        "اعرض الاختبارات السابقة، الأحدث أولًا. الدرجة = الصحيحة / المخطّط لها: السؤال الذي "
        "لم يُجب عنه (امتحان انتهى وقته، اختبار تُرك مبكرًا) ليس صحيحًا، ويظهر عدد المُجاب "
        "بجانبها؛ ويُعلَّم الاختبار الذي لم يكتمل. الأنواع: تمرين (جولة على البنك)، امتحان، "
        "إعادة الأخطاء، مراجعة، دراسة (بلا درجة: تُعدّ إجاباتها). الأفضل والأخيرة في الشاشة "
        "الرئيسية من جولات التمرين والامتحان المكتملة فقط. ويعطي --json الحقول mode وkind "
        "وscore (من 0 إلى 1، وnull للدراسة)."
    ),
    "cli.scores.json": "اطبع JSON",
    "cli.list.help": "اعرض البنوك الموجودة في مجلدات البنوك",
    "cli.list.description": "اعرض البنوك الموجودة في مجلدات البنوك مع عدد أسئلة كلٍّ منها.",
    "cli.list.json": "اطبع JSON",
    # argparse's own words (quiz.cli.parser.ARGPARSE)
    "cli.argparse.usage": "الاستخدام: ",
    "cli.argparse.positionals": "المعاملات الموضعية",
    "cli.argparse.options": "الخيارات",
    "cli.argparse.help": "اعرض هذه المساعدة واخرج",
    "cli.argparse.version": "اعرض رقم إصدار البرنامج واخرج",
    "cli.argparse.unrecognized": "معاملات غير معروفة: %s",
    "cli.argparse.required": "هذه المعاملات مطلوبة: %s",
    "cli.argparse.invalid_choice": "اختيار غير صالح: %(value)r (اختر من %(choices)s)",
    "cli.argparse.expected_one": "يُنتظر معامل واحد",
    "cli.argparse.expected_at_least_one": "يُنتظر معامل واحد على الأقل",
    "cli.argparse.invalid_value": "قيمة %(type)s غير صالحة: %(value)r",
    "cli.argparse.argument": "المعامل %(argument_name)s: %(message)s",
    "cli.argparse.ambiguous": "خيار ملتبس: %(option)s قد يعني %(matches)s",
    "cli.argparse.global_options": "الخيارات العامة",
    "cli.see_help": "{message} (انظر '{prog} --help')",
    "cli.not_whole": "ليس عددًا صحيحًا: {text}",
    "cli.below_zero": "{value} أقل من 0",
    "cli.below_one": "{value} ليس 1 أو أكثر",
    # Messages
    "cli.no_such_folder": "{option}: لا يوجد مجلد بهذا الاسم",
    "cli.no_such_path": "{path}: لا يوجد ملف أو مجلد بهذا الاسم",
    "cli.bank_is_folder": (
        "{path} مجلد: العب أحد بنوكه (quiz play {path}/NAME.yaml)، أو راجعها أو ذاكرها كلها"
        " (--mode review أو --mode study)، أو اختر واحدًا منها بالأمر quiz --bank {path}"
    ),
    "cli.no_such_bank_file": "{path}: لا يوجد ملف بنك بهذا الاسم",
    "cli.has_errors": "{path} فيه أخطاء؛ صحّحها ثم حاول مرة أخرى",
    "cli.os_error": "{name}{reason}؛ تحقّق من المسار وصلاحياته",
    "cli.time_limit_needs_exam": "الخيار --time-limit يكون مع --mode exam",
    "cli.mode_needs_bank": "يحتاج --mode {mode} إلى ملف بنك: quiz play PATH",
    "cli.read_only_file": (
        "{path}: الملف للقراءة فقط، فلن تُحفظ أي إجابة؛ اجعله قابلًا للكتابة (chmod u+w) "
        "أو استخدم --db FILE"
    ),
    "cli.read_only_folder": (
        "{path}: مجلده للقراءة فقط، فلن تُحفظ أي إجابة؛ اجعله قابلًا للكتابة (chmod u+w) "
        "أو استخدم --db FILE"
    ),
    "cli.needs_terminal": "يحتاج quiz إلى طرفية ليعمل فيها؛ شغّله في نافذة طرفية",
    "cli.stats_folder": "--bank {bank}: هذا مجلد؛ أعطِ ملف بنك واحدًا",
    "cli.stats_no_bank": "--bank {bank}: لا يوجد ملف بنك بهذا الاسم، ولا إجابات عليه",
    "cli.wrote_answers": {
        "zero": "لم تُكتب أي إجابة في {path}",
        "one": "كُتبت إجابة واحدة في {path}",
        "two": "كُتبت إجابتان في {path}",
        "few": "كُتبت {count} إجابات في {path}",
        "many": "كُتبت {count} إجابة في {path}",
        "other": "كُتبت {count} إجابة في {path}",
    },
    # quiz check
    "check.files": {
        "zero": "لا ملفات",
        "one": "ملف واحد",
        "two": "ملفان",
        "few": "{count} ملفات",
        "many": "{count} ملفًا",
        "other": "{count} ملف",
    },
    "check.questions": {
        "zero": "لا أسئلة",
        "one": "سؤال واحد",
        "two": "سؤالان",
        "few": "{count} أسئلة",
        "many": "{count} سؤالًا",
        "other": "{count} سؤال",
    },
    "check.errors": {
        "zero": "لا أخطاء",
        "one": "خطأ واحد",
        "two": "خطآن",
        "few": "{count} أخطاء",
        "many": "{count} خطأً",
        "other": "{count} خطأ",
    },
    "check.warnings": {
        "zero": "لا تحذيرات",
        "one": "تحذير واحد",
        "two": "تحذيران",
        "few": "{count} تحذيرات",
        "many": "{count} تحذيرًا",
        "other": "{count} تحذير",
    },
    # quiz list
    "list.banks": {
        "zero": "لا بنوك",
        "one": "بنك واحد",
        "two": "بنكان",
        "few": "{count} بنوك",
        "many": "{count} بنكًا",
        "other": "{count} بنك",
    },
    # quiz stats
    "cli.stats.title": "إحصاءات {profile}: {scope}",
    "cli.stats.all_banks": "كل البنوك",
    "cli.stats.no_answers": "لا إجابات بعد.",
    "cli.stats.sessions": "الجلسات",
    "cli.stats.answers": "الإجابات",
    "cli.stats.right": "الصحيحة",
    "cli.stats.right_value": "{correct} ({percent})",
    "cli.stats.days": "أيام التدرّب",
    "cli.stats.streak": "الأيام المتتالية الحالية",
    "cli.stats.longest": "أطول أيام متتالية",
    "cli.stats.time": "الوقت المستغرق",
    "cli.stats.per_day": "لكل يوم تدرّب",
    "cli.stats.day_count": {
        "zero": "لا أيام",
        "one": "يوم واحد",
        "two": "يومان",
        "few": "{count} أيام",
        "many": "{count} يومًا",
        "other": "{count} يوم",
    },
    "cli.stats.scores_title": "النتيجة عبر الزمن (آخر {shown} من {total})",
    "cli.stats.finished": "انتهت",
    "cli.stats.bank_column": "البنك",
    "cli.stats.per_session": "النتيجة في كل جلسة",
    "cli.stats.days_title": "أيام التدرّب (آخر {shown} من {total})",
    "cli.stats.date": "التاريخ",
    "cli.stats.time_column": "الوقت",
    "cli.stats.per_day_trend": "الصواب في كل يوم",
    "cli.stats.tags_title": "الدقة بحسب الوسم",
    "cli.stats.tag": "الوسم",
    "cli.stats.questions": "الأسئلة",
    "cli.stats.weakest_title": "أضعف الأسئلة",
    "cli.stats.question": "السؤال",
    "cli.stats.recall": "التذكّر",
    "cli.stats.trend": "{label}: {bars}",
    "cli.serve.help": "قدّم التطبيق في متصفحات الصف، وكل طالب مسجّل الدخول باسمه",
    "cli.serve.description": (
        "يقدّم التطبيق في المتصفحات: يفتح كل طالب العنوان، ويكتب رمز الصف واسمه، ويلعب"
        " بملف ذلك الاسم؛ وتُحفظ كل إجابة في قاعدة النتائج الواحدة (--db). ويفتح المعلّم"
        " /teacher بمفتاح المعلّم. يحتاج الإضافة serve: pip install 'quiz[serve]'."
    ),
    "cli.serve.host": "العنوان الذي يُستمع عليه (الافتراضي: 127.0.0.1)",
    "cli.serve.port": "المنفذ (الافتراضي: 8000)",
    "cli.serve.class_code": "الرمز الذي يكتبه الطلاب (الافتراضي: ستة أرقام عشوائية)",
    "cli.serve.teacher_key": "مفتاح صفحة المعلّم (الافتراضي: عشوائي؛ المتغير QUIZ_TEACHER_KEY)",
    "cli.serve.max_sessions": "N طالبًا يلعبون معًا على الأكثر (الافتراضي: بلا حد)",
    "cli.serve.public_url": (
        "العنوان الذي يفتحه الطلاب، خلف وكيل عكسي (مثل https://quiz.school.example)"
    ),
    "cli.serve.proxy": (
        "وكيل عكسي على حاسوب آخر، بعنوان IP الخاص به: يُصدَّق ما يذكره X-Forwarded-For من عنوان"
        " كل طالب (ويُصدَّق دائمًا وكيل على هذا الحاسوب؛ كرّر الخيار لعدة وكلاء)"
    ),
    "cli.serve.not_an_address": "{value} ليس عنوان IP (مثل 10.0.0.5)",
    "cli.serve.not_a_port": "{value} ليس منفذًا (من 1 إلى 65535)",
    "cli.serve.needs_extra": (
        "يحتاج quiz serve إلى textual-serve (ينقص {missing}): pip install 'quiz[serve]'"
    ),
    "cli.serve.bad_class_code": "--class-code: اكتب من 1 إلى 64 حرفًا",
    "cli.serve.short_teacher_key": "--teacher-key: اكتب 8 أحرف على الأقل",
    "cli.serve.bad_public_url": (
        "--public-url: اكتب العنوان الذي يفتحه الطلاب، مثل https://quiz.school.example"
    ),
    "cli.serve.students": "quiz serve: يفتح الطلاب {url} (رمز الصف: {code})",
    "cli.serve.teacher": "quiz serve: يفتح المعلّم {url} (مفتاح المعلّم: {teacher_key})",
    "cli.serve.database": "quiz serve: تُحفظ الإجابات في {database}؛ Ctrl+C يوقفه",
    "cli.stats.kind": "النوع",
    "cli.stats.answered": "المُجاب",
    "cli.stats.score": "النتيجة ({scale})",
    "cli.stats.scale": "من {low} إلى {high}",
    "cli.stats.of": "{count} من {total}",
    "cli.stats.score_value": "{correct} من {planned} ({percent})",
    "cli.stats.scores_caption": (
        "النتيجة: الصحيح من المُخطَّط، والسؤال غير المُجاب ليس صحيحًا؛ ولا نتيجة لجلسة الدراسة"
    ),
    "cli.stats.chance": "الاحتمال",
    "cli.bad_setting": "{name}={value}: استعمل إحدى القيم {choices}",
    "cli.bad_rtl": "{name} '{value}': اختر auto أو reorder أو terminal",
    "cli.serve.public_url_path": (
        "--public-url {url}: يُقدَّم quiz serve من جذر اسم مضيف"
        " (https://quiz.school.example، لا تحت مسار)؛ أعطِ الوكيل اسم مضيف خاصًا به"
    ),
}
