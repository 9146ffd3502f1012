"""The Arabic catalogue of the problems found in bank files (Modern Standard Arabic): the same
keys as check_en.

Keys, YAML syntax and examples quoted in them ('title:', '- question:'), encodings (UTF-8) and
the names of characters (U+200B ZERO WIDTH SPACE) stay as they are typed.
"""

from __future__ import annotations

from collections.abc import Mapping

MESSAGES: dict[str, str | Mapping[str, str]] = {
    # Reading the file
    "problem.empty_file": "الملف فارغ؛ يحتاج البنك إلى 'title' و'questions'",
    "problem.wide_encoding": "الملف بترميز {encoding}؛ احفظه بترميز UTF-8",
    "problem.nul_bytes": (
        "في الملف بايتات NUL، فليس نصًا بترميز UTF-8 (أهو {encoding}؟)؛ احفظه بترميز UTF-8"
    ),
    "problem.not_utf8": (
        "الملف ليس بترميز UTF-8 (تعذّرت قراءة البايت {byte})؛ احفظه بترميز UTF-8 في محرّرك"
    ),
    "problem.bidi_in_file": (
        "حُذف محرف التحكم في الاتجاه {char} من الملف؛ احذفه منه، فالتطبيق يرتّب النص "
        "من اليمين إلى اليسار بنفسه"
    ),
    "problem.bidi_escaped": (
        "حُذف محرف التحكم في الاتجاه {char} المكتوب بسلسلة هروب؛ احذفه، فالتطبيق يرتّب النص "
        "من اليمين إلى اليسار بنفسه"
    ),
    "problem.control_in_file": "حُذف محرف التحكم {char} من الملف؛ احذفه منه",
    "problem.control_escaped": "حُذف محرف التحكم {char} المكتوب بسلسلة هروب؛ احذفه",
    "problem.more_removed": {
        "zero": "لم يُحذف محرف آخر من هذا النوع",
        "one": "وحُذف محرف آخر من هذا النوع",
        "two": "وحُذف محرفان آخران من هذا النوع",
        "few": "وحُذفت {count} محارف أخرى من هذا النوع",
        "many": "وحُذف {count} محرفًا آخر من هذا النوع",
        "other": "وحُذف {count} محرف آخر من هذا النوع",
    },
    "problem.unreadable_folder": "تعذّرت قراءة المجلد ({reason})؛ لن تُعرض بنوكه",
    # YAML
    "problem.yaml_alias": ("الإحالة '{name}' في YAML غير مسموح بها؛ اكتب النص كاملًا حيث يُستعمل"),
    "problem.yaml_anchor": ("المرساة '{name}' في YAML غير مسموح بها؛ اكتب النص كاملًا حيث يُستعمل"),
    "problem.yaml_character": "المحرف {code} غير مسموح به في ملف YAML؛ احذفه",
    "problem.too_deep": "القوائم أو القواميس متداخلة أكثر مما ينبغي؛ يكفي البنك مستويات قليلة",
    "problem.cannot_be_read": "تتعذّر قراءته",
    "problem.yaml_context": "{problem} ({context})",
    "problem.yaml_syntax": "خطأ في صياغة YAML: {detail}",
    "problem.yaml_colon_in_text": (
        "خطأ في صياغة YAML: {detail}؛ ضع النص الذي فيه ': ' بين علامتي تنصيص، أو استعمل "
        "كتلة نصية ('|')"
    ),
    "problem.yaml_tab_or_sign": (
        "خطأ في صياغة YAML: {detail}؛ أزِح الأسطر بمسافات لا بعلامات الجدولة، وضع بين "
        "علامتي تنصيص النص الذي يبدأ بـ @ أو `"
    ),
    "problem.yaml_missing_colon": (
        "خطأ في صياغة YAML: {detail}؛ راجع إزاحة الأسطر، وتأكد أن كل مفتاح ينتهي بـ ':'"
    ),
    "problem.yaml_second_document": (
        "خطأ في صياغة YAML: {detail}؛ في ملف البنك مستند واحد: احذف '---' الثانية"
    ),
    "problem.yaml_tag": "وسم YAML '{tag}' غير مسموح به؛ احذفه (القيم نص عادي)",
    # Keys and values
    "problem.key_not_a_word": "يجب أن يكون المفتاح كلمة عادية مثل 'question'",
    "problem.duplicate_key": "المفتاح '{name}' مكرّر (أول مرة في السطر {first})؛ احذف أحدهما",
    "problem.unknown_key_close": "مفتاح غير معروف '{name}'؛ هل تقصد '{close}'؟",
    "problem.unknown_key": "مفتاح غير معروف '{name}' {where}؛ المفاتيح هي: {keys}",
    "problem.where.bank": "في أعلى البنك",
    "problem.where.question": "في سؤال",
    "problem.where.choice": "في خيار",
    "problem.what.tag": "الوسم",
    "problem.what.answer": "الإجابة",
    "problem.what.choice": "الخيار",
    "problem.not_text_list": (
        "يجب أن يكون {what} نصًا، لا قائمة؛ اكتبه في سطر واحد أو ضعه بين علامتي تنصيص"
    ),
    "problem.not_text_mapping": (
        "يجب أن يكون {what} نصًا، لا قاموسًا؛ اكتبه في سطر واحد أو ضعه بين علامتي تنصيص"
    ),
    "problem.surrogate_escape": (
        "في {what} سلسلة هروب لنصف زوج UTF-16 (مثل \\ud83d)؛ اكتب المحرف نفسه أو سلسلة "
        "الهروب \\U بثمانية أرقام"
    ),
    "problem.not_a_flag": "يجب أن تكون قيمة '{name}' إما true أو false، لا '{value}'",
    "problem.tags_not_a_list": "يجب أن تكون 'tags' قائمة، مثل tags: [history, organs]",
    # The bank
    "problem.bank_not_a_mapping": (
        "يجب أن يكون ملف البنك قاموسًا فيه المفتاحان 'title:' و'questions:'"
    ),
    "problem.no_title": "ليس للبنك 'title'؛ أضف سطرًا مثل 'title: عواصم العالم'",
    "problem.empty_title": "'title' فارغ؛ اكتب عنوان البنك بعده",
    "problem.bad_language": (
        "اللغة '{language}' ليست وسمًا وفق BCP 47؛ استعمل رمزًا مثل en أو ar أو fr"
    ),
    "problem.bad_format": (
        "الصيغة '{value}' غير معروفة؛ اكتب 'format: markdown' لنص مكتوب بصيغة Markdown، أو "
        "'format: plain' (الافتراضية) لنص يُعرض كما كُتب"
    ),
    "problem.no_questions": "ليس للبنك 'questions'؛ أضف 'questions:' وتحتها قائمة",
    "problem.questions_not_a_list": (
        "يجب أن تكون 'questions' قائمة: ابدأ كل سؤال بـ '- question:'"
    ),
    "problem.questions_empty": "'questions' فارغة؛ أضف سؤالًا واحدًا على الأقل",
    # The questions
    "problem.same_question": (
        "السؤال نفسه الذي في السطر {first}؛ غيّر أحدهما أو أعطِ كلًّا منهما 'id' خاصًا به"
    ),
    "problem.duplicate_id": (
        "المعرّف '{id}' مستعمل مرتين (أول مرة في السطر {first})؛ أعطِ كل سؤال معرّفًا خاصًا به"
    ),
    "problem.question_not_a_mapping": (
        "يجب أن يكون كل سؤال قاموسًا: '- question: ...' ثم 'choices:'"
    ),
    "problem.no_question_text": "ليس لهذا السؤال 'question'؛ أضف 'question:' ونصه",
    "problem.empty_question": "'question' فارغ؛ اكتب السؤال بعده",
    "problem.bad_id": "يجب أن يكون 'id' كلمة واحدة من النص، مثل oic-founding-year",
    "problem.no_answer": "ليس لهذا السؤال 'answer'؛ أضف 'answer:' والخيار الصحيح",
    "problem.empty_answer": "'answer' فارغ؛ انسخ الخيار الصحيح بعده",
    "problem.empty_answer_list": "'answer' قائمة فارغة؛ اكتب فيها الخيارات الصحيحة",
    "problem.answer_twice": "الإجابة '{answer}' مذكورة مرتين؛ اذكرها مرة واحدة",
    "problem.not_a_choice_close": "الإجابة '{answer}' ليست من الخيارات؛ هل تقصد '{close}'؟",
    "problem.not_a_choice": ("الإجابة '{answer}' ليست من الخيارات؛ انسخ نص الخيار الصحيح كما هو"),
    # The choices
    "problem.no_choices": "ليس لهذا السؤال 'choices'؛ أضف 'choices:' وقائمة",
    "problem.choices_not_a_list": (
        "يجب أن تكون 'choices' قائمة: اكتب كل خيار في سطر خاص به يبدأ بـ '- '"
    ),
    "problem.choice_count": (
        "عدد الخيارات في 'choices' {found}؛ اكتب من {least} إلى {most} خيارات"
    ),
    "problem.choice_without_text": (
        "ليس لهذا الخيار 'text'؛ اكتبه هكذا {{text: ..., feedback: ...}}"
    ),
    "problem.empty_choice": "خيار فارغ؛ اكتب نصه أو احذف السطر",
    "problem.choice_twice": (
        "الخيار '{choice}' مكرّر (ورد أيضًا في السطر {first})؛ اجعل كل خيار مختلفًا"
    ),
    "problem.invisible_choice": ("خيار بلا نص ظاهر، ليس فيه إلا {found}؛ اكتب نصه أو احذف السطر"),
    "problem.blanks": "فراغات",
    "problem.choice_looks_the_same": (
        "الخيار '{choice}' يبدو مثل الخيار {number} (السطر {first}): لا يختلفان إلا في محارف "
        "غير مرئية ({found})؛ احذفها، أو اجعل كل خيار مختلفًا"
    ),
    # Teaching warnings (quiz.bank.lint)
    "problem.lint.duplicate_question": (
        "نص السؤال نفسه الذي في السطر {first}؛ أعد صياغة أحدهما أو احذف النسخة"
    ),
    "problem.lint.shared_choices": (
        "الخيارات نفسها التي في سؤال السطر {first}، فيجيب الطلاب عن أحدهما بالاستبعاد من "
        "الآخر؛ أعطِ كل سؤال خيارات خاطئة خاصة به"
    ),
    "problem.lint.no_source": (
        "لا يذكر البنك في أي موضع مرجعًا تُحسم به إجاباته؛ أضف 'source:' في أعلاه "
        "(مستندًا أو صفحة أو عنوان URL) أو إلى كل سؤال"
    ),
    "problem.lint.all_of_the_above": (
        "الخيار '{choice}' يشير إلى الخيارات الأخرى، لكن الخيارات تُخلط؛ أضف 'shuffle: false' "
        "إلى هذا السؤال ليبقى ترتيبها كما في الملف"
    ),
    "problem.lint.long_answer": (
        "الإجابة الصحيحة أطول كثيرًا من كل خيار خاطئ ({size} محرفًا مقابل {longest} على "
        "الأكثر)، ويتعلّم الطلاب اختيار الأطول؛ اختصر الإجابة أو فصّل الخيارات الخاطئة مثلها"
    ),
    "problem.lint.long_answers": (
        "كل إجابة صحيحة أطول كثيرًا من كل خيار خاطئ ({size} محرفًا مقابل {longest} على "
        "الأكثر)، ويتعلّم الطلاب اختيار الأطول؛ اختصر الإجابة أو فصّل الخيارات الخاطئة مثلها"
    ),
    "problem.lint.unclosed_code_block": (
        "كتلة شيفرة تبدأ بـ {fence} لا تُغلق أبدًا، فيظهر باقي النص شيفرةً؛ أغلقها بسطر فيه {fence}"
    ),
    "problem.lint.no_explanation": (
        "ليس لهذا السؤال شرح؛ أضف 'explanation:' تقول فيه لماذا الإجابة صحيحة "
        "(يقرؤه الطلاب بعد الإجابة)"
    ),
    "problem.lint.near_duplicate": (
        "الخيار '{choice}' لا يختلف عن الإجابة '{answer}' إلا في حالة الأحرف أو المسافات أو "
        "علامات الترقيم، فيُقرأ كأنه الخيار نفسه؛ اجعله بديلًا حقيقيًا أو احذفه"
    ),
    "problem.lint.invisible_in_id": (
        "في المعرّف '{id}' محرف غير مرئي، {char}؛ احذفه (معرّفان يبدوان متماثلين "
        "يكونان سؤالين مختلفين)"
    ),
    "problem.lint.invisible_in_choice": (
        "في الخيار '{choice}' محرف غير مرئي، {char}؛ احذفه (لا يراه الطالب، وقد يكون "
        "خيار يبدو مثله خيارًا آخر)"
    ),
    "problem.lint.look_alike": (
        "الخيار '{choice}' قد يبدو مثل '{other}' (لا يختلفان إلا في أشكال التوافق)؛ "
        "اكتبهما بالطريقة نفسها، إلا إن كان الفرق هو المقصود (x² وx2)"
    ),
    # What the class's answers showed (quiz check --results; quiz.progress.report_check)
    "problem.results.key_may_be_wrong": {
        "zero": (
            "لا طلاب: التمييز {discrimination:+.2f}؛ "
            "قد يكون المفتاح خاطئًا (الخيار {choice} تمييزه {rival:+.2f})"
        ),
        "one": (
            "طالب واحد: التمييز {discrimination:+.2f}؛ "
            "قد يكون المفتاح خاطئًا (الخيار {choice} تمييزه {rival:+.2f})"
        ),
        "two": (
            "طالبان: التمييز {discrimination:+.2f}؛ "
            "قد يكون المفتاح خاطئًا (الخيار {choice} تمييزه {rival:+.2f})"
        ),
        "few": (
            "{count} طلاب: التمييز {discrimination:+.2f}؛ "
            "قد يكون المفتاح خاطئًا (الخيار {choice} تمييزه {rival:+.2f})"
        ),
        "many": (
            "{count} طالبًا: التمييز {discrimination:+.2f}؛ "
            "قد يكون المفتاح خاطئًا (الخيار {choice} تمييزه {rival:+.2f})"
        ),
        "other": (
            "{count} طالب: التمييز {discrimination:+.2f}؛ "
            "قد يكون المفتاح خاطئًا (الخيار {choice} تمييزه {rival:+.2f})"
        ),
    },
    "problem.results.check_the_key": {
        "zero": "لا طلاب: التمييز {discrimination:+.2f}؛ راجع المفتاح",
        "one": "طالب واحد: التمييز {discrimination:+.2f}؛ راجع المفتاح",
        "two": "طالبان: التمييز {discrimination:+.2f}؛ راجع المفتاح",
        "few": "{count} طلاب: التمييز {discrimination:+.2f}؛ راجع المفتاح",
        "many": "{count} طالبًا: التمييز {discrimination:+.2f}؛ راجع المفتاح",
        "other": "{count} طالب: التمييز {discrimination:+.2f}؛ راجع المفتاح",
    },
    "problem.results.picked_by_nobody": {
        "zero": "لا طلاب: لم يختر أحد المشتِّت {choice}",
        "one": "طالب واحد: لم يختر أحد المشتِّت {choice}",
        "two": "طالبان: لم يختر أحد المشتِّت {choice}",
        "few": "{count} طلاب: لم يختر أحد المشتِّت {choice}",
        "many": "{count} طالبًا: لم يختر أحد المشتِّت {choice}",
        "other": "{count} طالب: لم يختر أحد المشتِّت {choice}",
    },
}
