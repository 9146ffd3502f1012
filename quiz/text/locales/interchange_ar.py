"""The Arabic catalogue of what `quiz import` and `quiz export` say about the files they convert
(Modern Standard Arabic): the same keys as interchange_en.

Syntax quoted in them ('ANSWER:', '{', 'shuffle: false'), options, format names, encodings and
the values a file holds (a Moodle fraction such as 100) stay as they are typed.
"""

from __future__ import annotations

from collections.abc import Mapping

MESSAGES: dict[str, str | Mapping[str, str]] = {
    # A file that cannot be imported at all (quiz.interchange.importer)
    "import.some_markdown": (
        "الأسئلة المكتوبة بصيغة Markdown: {count} من {total}؛ البنك نص عادي، فتظهر علاماتها كما "
        "كُتبت؛ أضف إليه 'format: markdown' وراجع الباقي"
    ),
    "import.cannot_read": "{name}: {problem}؛ راجع المسار",
    "import.not_a_text_file": "{name}: {problem}؛ سمِّ ملفًا نصيًا",
    "import.zip": (
        "{path}: هذا ملف zip (أهو جدول بيانات .xlsx أو .ods؟)؛ احفظه بصيغة 'CSV UTF-8' "
        "واستورد ملف .csv"
    ),
    "import.nul_bytes": (
        "{path}: في الملف بايتات NUL، فليس ملفًا نصيًا؛ صدِّر الأسئلة نصًا بصيغة GIFT أو Aiken أو CSV"
    ),
    "import.bad_unicode": (
        "{path}: يبدأ الملف بعلامة ترميز {encoding} لكن تتعذّر قراءته به؛ احفظه بترميز UTF-8"
    ),
    "import.not_utf8": (
        "{where}: الملف ليس بترميز UTF-8 (تعذّرت قراءة البايت {byte})؛ سمِّ ترميزه "
        "(--encoding cp1256 لجدول عربي من Windows، وcp1252 لأوروبا الغربية)، أو احفظه بترميز "
        "UTF-8 ('CSV UTF-8') واستورده من جديد"
    ),
    "import.no_such_encoding": (
        "--encoding {encoding}: لا ترميز بهذا الاسم؛ استعمل اسمًا مثل utf-8 أو cp1256 (العربية "
        "في Windows) أو cp1252 (اللغات الغربية في Windows) أو iso-8859-6"
    ),
    "import.wrong_encoding": (
        "{where}: تتعذّر قراءة الملف بترميز {encoding} (البايت {byte})؛ تحقّق من الترميز الذي حُفظ به"
    ),
    "import.already_a_bank": (
        "{path}: هذا الملف بنك أسئلة لـ quiz أصلًا؛ افحصه بالأمر 'quiz check {path}'"
    ),
    "import.unknown_format": (
        "{path}: تتعذّر معرفة صيغة الملف: GIFT أم Aiken أم CSV أم Moodle XML؛ سمِّ الصيغة بـ "
        "--from gift أو --from aiken أو --from csv أو --from moodle-xml"
    ),
    "import.failed": "{name}: {found}؛ {hint}",
    "import.none_imported": {
        "zero": "لم يُستورد أي سؤال",
        "one": "لم يُستورد سؤاله الوحيد",
        "two": "لم يُستورد أيٌّ من سؤاليه",
        "few": "لم يُستورد أي سؤال من أسئلته، وهي {count} أسئلة",
        "many": "لم يُستورد أي سؤال من أسئلته، وهي {count} سؤالًا",
        "other": "لم يُستورد أي سؤال من أسئلته، وهي {count} سؤال",
    },
    "import.only_one_failed": "تعذّر استيراد سؤاله الوحيد",
    "import.no_question": "لم يُعثر فيه على أي سؤال",
    # What the readers skipped or changed, one question each
    "import.skipped": "لم يُستورد السؤال: {reason}",
    "import.kind_skipped": (
        "تُرك {kind}؛ لا يطرح quiz إلا أسئلة الاختيار من متعدد وأسئلة الصواب والخطأ"
    ),
    "import.no_text": "ليس فيه نص سؤال",
    "import.empty_choice": "الخيار {number} فارغ",
    "import.choice_count": {
        "zero": "ليس فيه أي خيار؛ يحتاج quiz من {least} إلى {most} خيارات",
        "one": "فيه خيار واحد؛ يحتاج quiz من {least} إلى {most} خيارات",
        "two": "فيه خياران؛ يحتاج quiz من {least} إلى {most} خيارات",
        "few": "فيه {count} خيارات؛ يحتاج quiz من {least} إلى {most} خيارات",
        "many": "فيه {count} خيارًا؛ يحتاج quiz من {least} إلى {most} خيارات",
        "other": "فيه {count} خيار؛ يحتاج quiz من {least} إلى {most} خيارات",
    },
    "import.none_right": "لم يُعلَّم أي خيار بأنه صحيح",
    "import.control_removed": "حُذفت محارف تحكم من هذا السؤال",
    "import.right_and_wrong": "الخيار '{choice}' مكتوب مرتين، مرةً صحيحًا ومرةً خاطئًا",
    "import.choice_twice": "الخيار '{choice}' مكتوب مرتين؛ فأُبقي مرة واحدة",
    "import.id_used": "المعرّف '{id}' مستعمل أيضًا في السطر {first}؛ ومعرّف هذا السؤال '{new}'",
    "import.same_text": "نص السؤال نفسه في السطر {first}؛ فأُبقي بالمعرّف '{id}'",
    "import.partial_credit": (
        "استُوردت الدرجات الجزئية ({choices}) إجاباتٍ خاطئة؛ فالخيار في quiz إما صحيح وإما خاطئ"
    ),
    "import.partial_choice": "'{choice}' {weight:g}٪",
    # Aiken
    "aiken.hint": "سؤال Aiken سطر من النص، ثم خيارات مثل 'A) Paris'، ثم 'ANSWER: A'",
    "aiken.no_answer_line": "ليس بعد خياراته سطر 'ANSWER:'",
    "aiken.no_choices": "ليس فيه خيارات مثل 'A) ...' ولا سطر 'ANSWER:'",
    "aiken.answer_alone": "سطر 'ANSWER:' ليس قبله سؤال",
    "aiken.choice_alone": "سطر خيار ليس قبله سطر سؤال",
    "aiken.too_few_choices": {
        "zero": "ليس فيه أي خيار؛ يحتاج Aiken إلى خيارين أو أكثر",
        "one": "فيه خيار واحد؛ يحتاج Aiken إلى خيارين أو أكثر",
        "two": "فيه خياران؛ يحتاج Aiken إلى خيارين أو أكثر",
        "few": "فيه {count} خيارات؛ يحتاج Aiken إلى خيارين أو أكثر",
        "many": "فيه {count} خيارًا؛ يحتاج Aiken إلى خيارين أو أكثر",
        "other": "فيه {count} خيار؛ يحتاج Aiken إلى خيارين أو أكثر",
    },
    "aiken.not_a_letter": (
        "يجب أن يسمّي 'ANSWER: {answer}' (السطر {line}) حرف خيار، مثل 'ANSWER: B'"
    ),
    "aiken.letter_twice": "حرف الخيار {letter} مستعمل مرتين",
    "aiken.not_a_choice": (
        "يسمّي 'ANSWER: {answer}' (السطر {line}) الحرف {letter}، وليس من الخيارات ({letters})"
    ),
    # GIFT
    "gift.hint": "يُكتب سؤال GIFT هكذا: 'نص السؤال {{=الصحيح ~الخطأ ~الخطأ}}'",
    "gift.close_first": "تأتي '}}' قبل أي '{{'؛ اكتب '}}' في النص هكذا: \\}}",
    "gift.never_closed": "لم تُغلق '{{'؛ أنهِ الإجابات بـ '}}'، أو اكتب '{{' هكذا: \\{{",
    "gift.no_blank_line": "لا سطر فارغ قبل هذا السؤال؛ أضف سطرًا فارغًا، فـ Moodle يحتاج إليه",
    "gift.brace_after": (
        "في النص بعد الإجابات '{{' أو '}}' أخرى؛ ضع سطرًا فارغًا بين كل سؤالين، أو اكتب القوس "
        "في النص هكذا: \\{{ أو \\}}"
    ),
    "gift.kind.essay": "سؤال مقالي ('{{}}' بلا إجابات)",
    "gift.kind.numerical": "سؤال عددي ('{{#...}}')",
    "gift.kind.matching": "سؤال مطابقة (أزواج '=... -> ...')",
    "gift.kind.short_answer": "سؤال إجابة قصيرة (إجابات '=' فقط، بلا خيارات '~')",
    "gift.kind.description": "وصف (لا إجابات بين قوسين)",
    # Moodle XML
    "moodle.hint": 'في ملف Moodle XML عناصر <question type="multichoice"> داخل <quiz>',
    "moodle.root": (
        "{where}: العنصر الجذر في الملف <{tag}>، لا <quiz>؛ صدِّر الأسئلة من بنك أسئلة Moodle "
        "بصيغة 'Moodle XML format'"
    ),
    "moodle.kind.essay": "سؤال مقالي",
    "moodle.kind.shortanswer": "سؤال إجابة قصيرة",
    "moodle.kind.numerical": "سؤال عددي",
    "moodle.kind.calculated": "سؤال محسوب",
    "moodle.kind.calculatedsimple": "سؤال محسوب بسيط",
    "moodle.kind.calculatedmulti": "سؤال محسوب متعدد الخيارات",
    "moodle.kind.matching": "سؤال مطابقة",
    "moodle.kind.randomsamatch": "سؤال مطابقة عشوائي بإجابات قصيرة",
    "moodle.kind.cloze": "سؤال بإجابات مضمّنة (cloze)",
    "moodle.kind.ddwtos": "سؤال سحب وإفلات في النص",
    "moodle.kind.ddimageortext": "سؤال سحب وإفلات على صورة",
    "moodle.kind.ddmarker": "سؤال سحب العلامات وإفلاتها",
    "moodle.kind.gapselect": "سؤال اختيار الكلمات الناقصة",
    "moodle.kind.description": "وصف (بلا إجابات)",
    "moodle.kind.random": "سؤال عشوائي",
    "moodle.kind.ordering": "سؤال ترتيب",
    "moodle.kind.other": "سؤال من النوع '{kind}'",
    "moodle.bad_fraction": (
        "قيمة fraction '{fraction}' ليست عددًا؛ اكتب نسبة مئوية مثل 100 أو 50 أو 0"
    ),
    "moodle.several_full_marks": {
        "zero": "لا إجابة تنال الدرجة الكاملة",
        "one": "إجابة واحدة تنال الدرجة الكاملة",
        "two": (
            "إجابتان تنالان الدرجة الكاملة، وMoodle يترك الطالب يختار واحدة؛ أما quiz فيطلب "
            "كلتيهما (اختر كل ما ينطبق)"
        ),
        "few": (
            "{count} إجابات تنال الدرجة الكاملة، وMoodle يترك الطالب يختار واحدة؛ أما quiz "
            "فيطلبها كلها (اختر كل ما ينطبق)"
        ),
        "many": (
            "{count} إجابةً تنال الدرجة الكاملة، وMoodle يترك الطالب يختار واحدة؛ أما quiz "
            "فيطلبها كلها (اختر كل ما ينطبق)"
        ),
        "other": (
            "{count} إجابة تنال الدرجة الكاملة، وMoodle يترك الطالب يختار واحدة؛ أما quiz "
            "فيطلبها كلها (اختر كل ما ينطبق)"
        ),
    },
    "moodle.image_missing": (
        "الصورة '{name}' ليست في الملف (لم تُصدَّر مع السؤال)؛ ويبيّن النص موضعها"
    ),
    "moodle.image_not_base64": "الصورة '{name}' ليست بترميز base64 صحيح، فتُركت",
    # XML (quiz.interchange.markup)
    "xml.kind.entity": "كيانًا",
    "xml.kind.external_entity": "كيانًا خارجيًا",
    "xml.entity": (
        "{where}: يعرّف الملف {kind} ('{name}')، وquiz لا يقرأ الكيانات أبدًا (قد تخفي ملفًا "
        "ضخمًا أو خاصًا)؛ صدِّر الأسئلة من Moodle من جديد"
    ),
    "xml.external": (
        "{where}: يشير الملف إلى ملف آخر ('{name}')، وquiz لا يجلب ملفات أخرى أبدًا؛ صدِّر "
        "الأسئلة من Moodle من جديد"
    ),
    "xml.forbidden": (
        "{where}: يطلب الملف شيئًا لا يفعله quiz أبدًا مع XML ({error})؛ صدِّر الأسئلة من "
        "Moodle من جديد"
    ),
    "xml.not_well_formed": (
        "{where}: هذا ليس XML سليم البنية ({error})؛ صدِّر الأسئلة من جديد، أو أصلح الملف"
    ),
    "xml.empty": "{path}: ليس في الملف أي عنصر XML",
    # CSV
    "csv.hint": "يحتاج كل صف إلى سؤال وخيارين أو أكثر وإجابة",
    "csv.header": "السؤال، الخيار 1، الخيار 2، ...، الإجابة، الشرح، الوسوم",
    "csv.open_quote": (
        "علامة تنصيص فُتحت في هذا الصف ولم تُغلق، فقُرئ باقي الملف خليةً واحدة؛ أغلقها "
        '(واكتب علامة التنصيص داخل الخلية هكذا: "")'
    ),
    "csv.cannot_read": "{where}: تتعذّر قراءة ملف CSV ({error})؛ راجع علامات التنصيص في هذا الصف",
    "csv.empty": "{path}: الملف فارغ؛ اكتب صف عناوين: {header}",
    "csv.column_not_used": "العمود '{name}' غير مستعمل",
    "csv.same_column": "{where}: العمودان {first} و{second} كلاهما '{name}'؛ غيّر اسم أحدهما",
    "csv.two_choices": "عمودان أو أكثر للخيارات ('choice')",
    "csv.no_column": (
        "{where}: ليس في صف العناوين {missing}؛ يجب أن يسمّي الصف الأول الأعمدة: {header}"
    ),
    "csv.extra_cells": {
        "zero": "لم تُهمل أي خلية بعد آخر عمود مسمّى",
        "one": "أُهملت خلية واحدة بعد آخر عمود مسمّى",
        "two": "أُهملت خليتان بعد آخر عمود مسمّى",
        "few": "أُهملت {count} خلايا بعد آخر عمود مسمّى",
        "many": "أُهملت {count} خليةً بعد آخر عمود مسمّى",
        "other": "أُهملت {count} خلية بعد آخر عمود مسمّى",
    },
    "csv.no_question": "خلية السؤال ('question') فارغة",
    "csv.no_answer": "خلية الإجابة ('answer') فارغة؛ اكتب نص الخيار الصحيح أو حرفه أو رقمه",
    "csv.empty_choice": "الإجابة '{answer}' تسمّي الخيار {number}، وهو فارغ",
    "csv.read_as_number": (
        "قُرئت الإجابة '{answer}' على أنها الخيار {number}، لا الخيار {other} الذي نصه '{answer}'"
    ),
    "csv.read_as_text": "قُرئت الإجابة '{answer}' على أنها نص الخيار {number}، لا الخيار {other}",
    "csv.not_a_choice": (
        "الإجابة '{answer}' ليست نص خيار ولا حرفه ولا رقمه؛ انسخ نص الخيار الصحيح أو اكتب حرفه"
    ),
    # What an export cannot keep (quiz.interchange.losses)
    "export.loss_of_one": "السؤال '{question}': {loss}",
    "export.loss_of_many": {
        "zero": "لا أسئلة: {loss} (الأسطر {lines})",
        "one": "سؤال واحد: {loss} (السطر {lines})",
        "two": "سؤالان: {loss} (السطران {lines})",
        "few": "{count} أسئلة: {loss} (الأسطر {lines})",
        "many": "{count} سؤالًا: {loss} (الأسطر {lines})",
        "other": "{count} سؤال: {loss} (الأسطر {lines})",
    },
    "export.lines_and_more": "{lines} و{more} غيرها",
    "export.no_feedback": "لا يحفظ {system} التغذية الراجعة لكل خيار",
    "export.no_explanation": "لا يحفظ {system} الشرح",
    "export.no_source": "لا يحفظ {system} المصدر",
    "export.markdown_as_written": (
        "لا يحفظ {system} هنا صيغة Markdown: كُتب نص البنك كما هو، بعلاماته كلها"
    ),
    "export.kahoot_sheet": "جدول بيانات Kahoot",
    "aiken.bank_order": (
        "لا يحفظ Aiken الإعداد 'shuffle: false' للبنك؛ حدّد الترتيب في اختبار Moodle"
    ),
    "aiken.several_right": "تُرك (فيه عدة إجابات صحيحة، ولا يحفظ Aiken إلا واحدة)",
    "aiken.read_as_syntax": "تُرك (سيقرأ Aiken نصه على أنه سطر خيار أو سطر إجابة)",
    "aiken.line_breaks": "لا يحفظ Aiken فواصل الأسطر؛ فضُمّت في سطر واحد",
    "aiken.choice_order": "لا يحفظ Aiken الإعداد 'shuffle: false'",
    "gift.bank_order": (
        "لا يحفظ GIFT الإعداد 'shuffle: false' للبنك؛ حدّد ترتيب الأسئلة في اختبار Moodle"
    ),
    "gift.choice_order": (
        "لا يحفظ GIFT الإعداد 'shuffle: false'؛ أوقف خلط الخيارات ('Shuffle the choices') في Moodle"
    ),
    "moodle.bank_order": (
        "لا يحفظ Moodle XML الإعداد 'shuffle: false' للبنك؛ حدّد ترتيب الأسئلة في اختبار Moodle"
    ),
    "moodle.long_id": (
        "معرّفه أطول من أقصى طول لرقم المعرّف (ID number) في Moodle ({limit})؛ فلن يكون له "
        "معرّف في Moodle"
    ),
    "qti.shuffle_all_or_none": (
        "يخلط {system} خيارات كل أسئلة الاختبار أو لا يخلط شيئًا منها؛ فلم تُخلط خياراته، لأن "
        "سؤالًا آخر يُبقي ترتيبه"
    ),
    "kahoot.line_breaks": "لا يحفظ Kahoot فواصل الأسطر؛ فضُمّت في سطر واحد",
    "kahoot.long_question": (
        "تُرك: عدد محارف السؤال {length}، وأقصى ما يقبله Kahoot {limit}؛ اختصره"
    ),
    "kahoot.long_answer": (
        "تُرك: عدد محارف الإجابة '{answer}…' {length}، وأقصى ما يقبله Kahoot {limit}؛ اختصرها"
    ),
    "kahoot.too_many_right": (
        "تُرك: عدد إجاباته الصحيحة {right}، ولا يتسع Kahoot لأكثر من {limit} إجابات"
    ),
    "kahoot.wrong_left_out": {
        "zero": "يتسع Kahoot لـ{limit} إجابات؛ ولم تُترك أي إجابة خاطئة ({names})",
        "one": "يتسع Kahoot لـ{limit} إجابات؛ فتُركت إجابة خاطئة واحدة ({names})",
        "two": "يتسع Kahoot لـ{limit} إجابات؛ فتُركت إجابتان خاطئتان ({names})",
        "few": "يتسع Kahoot لـ{limit} إجابات؛ فتُركت {count} إجابات خاطئة ({names})",
        "many": "يتسع Kahoot لـ{limit} إجابات؛ فتُركت {count} إجابةً خاطئة ({names})",
        "other": "يتسع Kahoot لـ{limit} إجابات؛ فتُركت {count} إجابة خاطئة ({names})",
    },
    "interchange.default_title": "أسئلة مستوردة",
}
