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
    # Files read and written (quiz.files): a phrase after the file's name
    "file.cannot_read": "تتعذّر قراءة الملف ({reason})",
    "file.not_regular": "تتعذّر قراءة الملف: إنه {kind}، لا ملف عادي",
    "file.too_large": "تتعذّر قراءة الملف: إنه كبير جدًا ({size}؛ و{what} لا يتجاوز {limit})",
    "file.megabytes": {
        "zero": "{count} ميغابايت",
        "one": "{count} ميغابايت",
        "two": "{count} ميغابايت",
        "few": "{count} ميغابايت",
        "many": "{count} ميغابايت",
        "other": "{count} ميغابايت",
    },
    "file.bytes": {
        "zero": "{count} بايت",
        "one": "بايت واحد",
        "two": "بايتان",
        "few": "{count} بايتات",
        "many": "{count} بايتًا",
        "other": "{count} بايت",
    },
    "file.what.bank": "ملف البنك",
    "file.what.export": "ملف النتائج المصدَّرة",
    "file.what.import": "الملف المراد استيراده",
    "file.what.schema": "ملف المخطط",
    "file.what.file": "الملف",
    "file.kind.folder": "مجلد",
    "file.kind.fifo": "أنبوب مسمّى (FIFO)",
    "file.kind.character_device": "جهاز محارف",
    "file.kind.block_device": "جهاز كتل",
    "file.kind.socket": "مقبس",
    "file.kind.other": "ليس ملفًا عاديًا",
    "file.is_folder": "مجلد؛ سمِّ ملفًا للكتابة فيه",
    "file.exists": "موجود من قبل؛ اختر اسمًا آخر أو أضف --force",
    "file.cannot_write": "تتعذّر الكتابة فيه ({reason})",
    "file.special": "{kind}، لا ملف عادي؛ سمِّ ملفًا للكتابة فيه",
    "file.link_to_special": "رابط إلى {kind}، لا ملف عادي؛ سمِّ ملفًا للكتابة فيه",
    "file.system_link": ("رابط إلى {target}، وهو مجرى من مجاري النظام لا ملف؛ سمِّ ملفًا للكتابة فيه"),
    # quiz import and quiz export
    "interchange.progress": "قراءة السطر {done} من {total}",
    "interchange.no_such_file": "{path}: لا يوجد ملف بهذا الاسم",
    "interchange.bad_language": (
        "--language {language}: ليس وسمًا وفق BCP 47؛ استعمل رمزًا مثل en أو ar أو de أو fr"
    ),
    "interchange.title_one_bank": (
        "الخيار --title يسمّي بنكًا واحدًا؛ ومع -o FOLDER/ يُعنوَن بنك كل فئة باسمها"
    ),
    "interchange.exists": "{name} موجود من قبل؛ اختر اسمًا آخر أو أضف --force",
    "interchange.questions": {
        "zero": "لا أسئلة",
        "one": "سؤال واحد",
        "two": "سؤالان",
        "few": "{count} أسئلة",
        "many": "{count} سؤالًا",
        "other": "{count} سؤال",
    },
    "interchange.banks": {
        "zero": "لا بنوك",
        "one": "بنك واحد",
        "two": "بنكين",
        "few": "{count} بنوك",
        "many": "{count} بنكًا",
        "other": "{count} بنك",
    },
    "interchange.into_folder": " في {banks} في {folder}",
    "interchange.to_file": " إلى {path}",
    "interchange.images_beside": {
        "zero": "، ولا صور بجانبها",
        "one": "، وصورة واحدة بجانبها",
        "two": "، وصورتان بجانبها",
        "few": "، و{count} صور بجانبها",
        "many": "، و{count} صورةً بجانبها",
        "other": "، و{count} صورة بجانبها",
    },
    "interchange.notices_above": {
        "zero": "؛ ولا ملاحظات أعلاه",
        "one": "؛ وملاحظة واحدة أعلاه",
        "two": "؛ وملاحظتان أعلاه",
        "few": "؛ و{count} ملاحظات أعلاه",
        "many": "؛ و{count} ملاحظةً أعلاه",
        "other": "؛ و{count} ملاحظة أعلاه",
    },
    "interchange.imported": "استُورد {questions}{where}{images}{notices}",
    "interchange.no_category": "(بلا فئة)",
    "interchange.categories": {
        "zero": "ليست الأسئلة من أي فئة ({named})",
        "one": "الأسئلة من فئة واحدة ({named})",
        "two": (
            "الأسئلة من فئتين ({named}): إنها في بنك واحد، موسومة بفئتها؛ "
            "ومع -o FOLDER/ يُكتب بنك لكل فئة بدلًا من ذلك"
        ),
        "few": (
            "الأسئلة من {count} فئات ({named}): إنها في بنك واحد، موسومة بفئتها؛ "
            "ومع -o FOLDER/ يُكتب بنك لكل فئة بدلًا من ذلك"
        ),
        "many": (
            "الأسئلة من {count} فئةً ({named}): إنها في بنك واحد، موسومة بفئتها؛ "
            "ومع -o FOLDER/ يُكتب بنك لكل فئة بدلًا من ذلك"
        ),
        "other": (
            "الأسئلة من {count} فئة ({named}): إنها في بنك واحد، موسومة بفئتها؛ "
            "ومع -o FOLDER/ يُكتب بنك لكل فئة بدلًا من ذلك"
        ),
    },
    "interchange.categories_more": {
        "zero": "ليست الأسئلة من أي فئة ({named} و{more} غيرها)",
        "one": "الأسئلة من فئة واحدة ({named} و{more} غيرها)",
        "two": "الأسئلة من فئتين ({named} و{more} غيرها)",
        "few": (
            "الأسئلة من {count} فئات ({named} و{more} غيرها): إنها في بنك واحد، موسومة "
            "بفئتها؛ ومع -o FOLDER/ يُكتب بنك لكل فئة بدلًا من ذلك"
        ),
        "many": (
            "الأسئلة من {count} فئةً ({named} و{more} غيرها): إنها في بنك واحد، موسومة "
            "بفئتها؛ ومع -o FOLDER/ يُكتب بنك لكل فئة بدلًا من ذلك"
        ),
        "other": (
            "الأسئلة من {count} فئة ({named} و{more} غيرها): إنها في بنك واحد، موسومة "
            "بفئتها؛ ومع -o FOLDER/ يُكتب بنك لكل فئة بدلًا من ذلك"
        ),
    },
    "interchange.image_not_written": (
        "لم تُكتب الصورة '{name}'، لأن البنك يُطبع؛ ومع -o OUT.yaml تُكتب بجانب البنك باسم "
        "{path}، وهو الاسم الذي يذكره النص"
    ),
    "interchange.does_not_load": "البنك المحوَّل لا يُقرأ؛ أبلغ عن هذا من فضلك",
    "interchange.cannot_make_folder": "{name}: يتعذّر إنشاء المجلد ({reason})",
    "interchange.needs_output_zip": ("الخيار --to {to} يكتب ملف zip؛ سمِّه بـ -o، مثل -o {example}"),
    "interchange.needs_output_sheet": (
        "الخيار --to {to} يكتب جدول بيانات؛ سمِّه بـ -o، مثل -o {example}"
    ),
    "interchange.kahoot_times": "--time-limit {value}: يقبل Kahoot {times} أو {last} ثانية",
    "interchange.wrote": "كُتب {path}",
    # quiz report (the text tables; quiz.render.report_text)
    "report.percent": "{value}٪",
    "report.students": {
        "zero": "لا طلاب",
        "one": "طالب واحد",
        "two": "طالبان",
        "few": "{count} طلاب",
        "many": "{count} طالبًا",
        "other": "{count} طالب",
    },
    "report.answers": {
        "zero": "لا إجابات",
        "one": "إجابة واحدة",
        "two": "إجابتان",
        "few": "{count} إجابات",
        "many": "{count} إجابةً",
        "other": "{count} إجابة",
    },
    "report.files": {
        "zero": "لا ملفات",
        "one": "ملف واحد",
        "two": "ملفين",
        "few": "{count} ملفات",
        "many": "{count} ملفًا",
        "other": "{count} ملف",
    },
    "report.questions": {
        "zero": "لا أسئلة",
        "one": "سؤال واحد",
        "two": "سؤالان",
        "few": "{count} أسئلة",
        "many": "{count} سؤالًا",
        "other": "{count} سؤال",
    },
    "report.summary": "{students}، و{answers}، من {files}",
    "report.behind_note": "الأقل نسبةً من الإجابات الصحيحة أولًا، ممن لهم {least} على الأقل.",
    "report.behind_note_unranked": (
        "الأقل نسبةً من الإجابات الصحيحة أولًا، ممن لهم {least} على الأقل؛ ولم يُرتَّب "
        "من لهم أقل من ذلك: {unranked}."
    ),
    "report.filter.first_attempt": "المحاولة الأولى لكل طالب",
    "report.filter.last_attempt": "المحاولة الأخيرة لكل طالب",
    "report.filter.all_attempts": "كل المحاولات",
    "report.filter.all_modes": "كل الأوضاع",
    "report.filter.modes": "الأوضاع {modes}",
    "report.filter.banks": "البنوك {banks}",
    "report.filter.since": "منذ {day}",
    "report.filter.until": "حتى {day}",
    "report.filter.joiner": "؛ ",
    "report.flag.too_easy": "سهل جدًا",
    "report.flag.too_hard": "صعب جدًا",
    "report.flag.negative": "تمييز سالب: راجع مفتاح الإجابة",
    "report.flag.flat": "لا يميّز بين الطلاب",
    "report.flag.dubious": "مشكوك فيه",
    "report.flag.picked_by_nobody": "لا يؤدي دوره: لم يختره أحد",
    "report.flag.maybe_the_key": "قد يكون هو الإجابة الصحيحة: راجع المفتاح",
    "report.flag.rarely_picked": "لا يؤدي دوره: اختاره أقل من ٥٪",
    "report.flag.strong_pick_it": "لا يؤدي دوره: يختاره الطلاب المتفوقون",
    "report.reading.too_few": "الطلاب أقل من أن يُحكم على الثبات (أقل من {least})",
    "report.reading.good": "الثبات مُرضٍ (ألفا فوق ٠٫٧٥)",
    "report.reading.poor": ("الثبات غير مُرضٍ (ألفا دون ٠٫٦٤): في المجموع الكلي قدر كبير من الصدفة"),
    "report.reading.fair": "الثبات مقبول ويمكن أن يكون أفضل (ألفا من ٠٫٦٤ إلى ٠٫٧٥)",
    "report.test": (
        "{students}، {questions}؛ الدرجة من {items}: المتوسط {mean}، الوسيط {median}، "
        "الانحراف المعياري {sd}"
    ),
    "report.shape_too_few": "الالتواء والتفلطح: الطلاب قليلون جدًا (أقل من {least})",
    "report.shape": "الالتواء {skewness}، التفلطح {kurtosis}",
    "report.alpha_too_few": (
        "ألفا (KR-20) والخطأ المعياري للقياس: الطلاب أو الأسئلة قليلون جدًا (أقل من {least})"
    ),
    "report.alpha": (
        "ألفا (KR-20) {alpha}، فترة ثقة ٩٥٪ من {low} إلى {high}، الخطأ المعياري للقياس {sem}"
    ),
    "report.id": "المعرّف {id}",
    "report.most_picked_wrong": "الخطأ الأكثر اختيارًا {text} ({count})",
    "report.discrimination_too_few": "التمييز: الطلاب قليلون جدًا",
    "report.detail_joiner": "؛ ",
    "report.key_choice": (
        "المفتاح {text}: اختاره {picked} (العليا {upper}، الدنيا {lower})، r {r}: {flag}"
    ),
    "report.distractor": (
        "المشتِّت {text}: اختاره {picked} (العليا {upper}، الدنيا {lower})، r {r}: {flag}"
    ),
    "report.column.question": "السؤال",
    "report.column.answers": "ردود",
    "report.column.students": "طلاب",
    "report.column.right": "صحيح",
    "report.column.discrimination": "تمييز",
    "report.column.efficiency": "كفاءة",
    "report.column.sd": "ع",
    "report.column.student": "الطالب",
    "report.column.student_answers": "الإجابات",
    "report.title": "تقرير الاختبار: {summary}",
    "report.no_answers": "لا إجابات في هذه الملفات المصدَّرة.",
    "report.counted": "المحسوب: {filters}.",
    "report.duplicates": {
        "zero": "لم تُحسب إجابات مكرّرة",
        "one": "إجابة واحدة في أكثر من ملف حُسبت مرة واحدة.",
        "two": "إجابتان في أكثر من ملف حُسبتا مرة واحدة.",
        "few": "{count} إجابات في أكثر من ملف حُسبت كلٌّ منها مرة واحدة.",
        "many": "{count} إجابةً في أكثر من ملف حُسبت كلٌّ منها مرة واحدة.",
        "other": "{count} إجابة في أكثر من ملف حُسبت كلٌّ منها مرة واحدة.",
    },
    "report.behind_title": "الطلاب الأكثر تأخرًا",
    "report.behind_none": "لا طالب له هذا العدد من الإجابات بعد؛ انظر --min-answers.",
    "report.wrote": "كُتب {path}: {what}",
    # quiz new
    "new.not_yaml": "{path}: اجعل امتداد الملف .yaml ليجده quiz",
    "new.exists": "{path} موجود من قبل؛ اختر اسمًا آخر (لا يكتب quiz new فوق ملف أبدًا)",
    "new.wrote": "كُتب {path}؛ حرّره، ثم شغّل 'quiz check {path}'",
    "new.wrote_with_schema": (
        "كُتب {path} (و{schema}، الذي تقرؤه محرّرات YAML لتساعدك)؛ حرّره، ثم شغّل 'quiz check {path}'"
    ),
    # A time limit typed (quiz.play.timing)
    "time_limit.how": "اكتب الدقائق (45) أو عددًا بالوحدات h وm وs (مثل 90s أو 10m أو 1h30m)",
    "time_limit.none": "لم تُكتب مدة؛ {how}",
    "time_limit.twice": "{given}: الوحدة '{unit}' مكتوبة مرتين؛ {how}",
    "time_limit.order": "{given}: اكتب الساعات قبل الدقائق والدقائق قبل الثواني؛ {how}",
    "time_limit.not_a_duration": "{given} ليست مدة؛ {how}",
    "time_limit.not_positive": "{given}: يجب أن تكون مدة الاختبار أكثر من صفر؛ {how}",
    "time_limit.too_long": "{given}: لا تزيد مدة الاختبار على {hours} ساعة؛ {how}",
    # A score database that cannot be used (quiz.store)
    "store.problem": "{where}: {problem}؛ {fix}",
    # quiz results export (quiz.progress.export)
    "export.since": "--since {text}: ليس تاريخًا؛ اكتبه هكذا YYYY-MM-DD، مثل 2026-03-01",
    "export.format": "--format {option}: اختر csv أو json",
    "export.is_folder": "{name} مجلد؛ سمِّ ملفًا للكتابة فيه، مثل -o results.csv",
    "export.cannot_write": "{name}: {problem}؛ اختر مكانًا آخر",
    "export.no_database": "لا توجد هنا قاعدة بيانات نتائج",
    "export.play_first": "العب اختبارًا أولًا أو مرّر --db FILE",
    # Profile names (quiz.text.safe)
    "profile_name.rule": (
        "اسم الملف الشخصي لا يكون فارغًا ولا يزيد على {most} محرفًا، وليس فيه محارف تحكم ولا "
        "محارف اتجاه النص"
    ),
    "profile_name.empty": "اسم الملف الشخصي فارغ؛ {rule}",
    "profile_name.holds": "في اسم الملف الشخصي {char}؛ {rule}",
    "profile_name.too_long": {
        "zero": "ليس في اسم الملف الشخصي أي محرف؛ {rule}",
        "one": "في اسم الملف الشخصي محرف واحد؛ {rule}",
        "two": "في اسم الملف الشخصي محرفان؛ {rule}",
        "few": "في اسم الملف الشخصي {count} محارف؛ {rule}",
        "many": "في اسم الملف الشخصي {count} محرفًا؛ {rule}",
        "other": "في اسم الملف الشخصي {count} محرف؛ {rule}",
    },
    # The bank cache (quiz.bank.cache)
    "cache.left_alone": (
        "ذاكرة البنوك المؤقتة {path}: {problem}؛ فتُركت كما هي وتُقرأ البنوك بلا ذاكرة مؤقتة "
        "(اجعل QUIZ_CACHE ملفًا آخر، أو off)"
    ),
    "cache.cannot_read": "تتعذّر قراءتها ({reason})",
    "cache.not_regular": "ليست ملفًا عاديًا",
    "cache.not_sqlite": "ليست ذاكرة بنوك مؤقتة لـ quiz (ليست ملف SQLite)",
    "cache.other_database": (
        "قاعدة بيانات SQLite لبرنامج آخر (أو قاعدة بيانات النتائج)، لا ذاكرة البنوك المؤقتة"
    ),
}
