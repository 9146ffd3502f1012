"""Reading the questions of a bank: each question's text, choices, answers and id."""

from __future__ import annotations

import difflib
import hashlib
import re

from yaml.nodes import MappingNode, Node, SequenceNode

from quiz.bank.clean import DEFAULT_IGNORABLE, describe, looks
from quiz.bank.model import Question, Severity
from quiz.bank.nodes import NodeReader, short, value_place
from quiz.text.wording import Value, Wording, said

QUESTION_KEYS = (
    "question",
    "choices",
    "answer",
    "explanation",
    "source",
    "id",
    "tags",
    "shuffle",
)
CHOICE_KEYS = ("text", "feedback")
MIN_CHOICES, MAX_CHOICES = 2, 10
_ID = re.compile(r"[^\s\x00-\x1f]{1,200}")


def question_id(text: str) -> str:
    """The id a question gets when its file gives none: derived from its text."""
    return "q-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


class QuestionReader(NodeReader):
    """Reads the questions of one file's node tree."""

    def questions(
        self, node: SequenceNode, bank_tags: tuple[str, ...], bank_source: str
    ) -> list[Question]:
        questions: list[Question] = []
        ids: dict[str, int] = {}
        for item in node.value:
            question = self.question(item, bank_tags, bank_source)
            if question is None:
                continue
            if question.id in ids:
                first = ids[question.id]
                if question.id == question_id(question.text):
                    message = said("problem.same_question", first=first)
                else:
                    message = said("problem.duplicate_id", id=question.id, first=first)
                self.at(question.line, 1 + item.start_mark.column, Severity.ERROR, message)
                continue
            ids[question.id] = question.line
            questions.append(question)
        return questions

    def question(self, node: Node, bank_tags: tuple[str, ...], bank_source: str) -> Question | None:
        if not self.tag_ok(node):
            return None
        if not isinstance(node, MappingNode):
            self.error(node, said("problem.question_not_a_mapping"))
            return None
        errors_before = self.error_count
        fields = self.mapping(node, QUESTION_KEYS, said("problem.where.question"))
        text = self.text(fields.get("question"), "question")
        if "question" not in fields:
            self.error(node, said("problem.no_question_text"))
        elif text == "":
            self.error(fields["question"][0], said("problem.empty_question"))
        choices, feedback, positions = self.choices(node, fields.get("choices"))
        answers = self.answers(node, fields.get("answer"), choices)
        explanation = self.text(fields.get("explanation"), "explanation") or ""
        source = self.text(fields.get("source"), "source") or ""
        qid = self.text(fields.get("id"), "id")
        if qid is not None and not _ID.fullmatch(qid):
            self.error(value_place(fields["id"]), said("problem.bad_id"))
            qid = None
        tags = self.tags(fields.get("tags"))
        shuffle = self.flag(fields.get("shuffle"), default=True)
        if self.error_count > errors_before:
            return None
        assert text is not None
        merged = bank_tags + tuple(t for t in tags if t not in bank_tags)
        return Question(
            id=qid or question_id(text),
            text=text,
            choices=tuple(choices),
            answers=tuple(answers),
            explanation=explanation,
            tags=merged,
            line=node.start_mark.line + 1,
            column=node.start_mark.column + 1,
            choice_positions=tuple(positions),
            feedback=tuple(feedback) if any(feedback) else (),
            shuffle=shuffle,
            # A question without a source of its own is settled where its bank says.
            source=source or bank_source,
        )

    def answers(
        self, question: Node, entry: tuple[Node, Node] | None, choices: list[str]
    ) -> list[str]:
        """The right choices: one text, or a list of texts for "select all that apply"."""
        if entry is None:
            self.error(question, said("problem.no_answer"))
            return []
        key, node = entry
        if not self.tag_ok(node):
            return []
        items = node.value if isinstance(node, SequenceNode) else None
        if items is None:
            answer = self.text(entry, "answer")
            if answer is None:
                return []
            if not answer:
                self.error(key, said("problem.empty_answer"))
                return []
            pairs: list[tuple[Node, str | None]] = [(node, answer)]
        else:
            if not items:
                self.error(key, said("problem.empty_answer_list"))
                return []
            an_answer = said("problem.what.answer")
            pairs = [(item, self.text((key, item), an_answer)) for item in items]
        answers: list[str] = []
        for item, answer in pairs:
            if answer is None:
                continue
            if answer in answers:
                self.error(item, said("problem.answer_twice", answer=short(answer)))
            elif choices and answer not in choices:
                self.error(item, _not_a_choice(answer, choices))
            else:
                answers.append(answer)
        return answers

    def choices(
        self, question: Node, entry: tuple[Node, Node] | None
    ) -> tuple[list[str], list[str], list[tuple[int, int]]]:
        """The choice texts and, aligned with them, their feedback ("" for none) and positions."""
        if entry is None:
            self.error(question, said("problem.no_choices"))
            return [], [], []
        key, node = entry
        if not self.tag_ok(node):
            return [], [], []
        if not isinstance(node, SequenceNode):
            self.error(value_place(entry), said("problem.choices_not_a_list"))
            return [], [], []
        if not MIN_CHOICES <= len(node.value) <= MAX_CHOICES:
            self.error(
                key,
                said(
                    "problem.choice_count",
                    found=len(node.value),
                    least=MIN_CHOICES,
                    most=MAX_CHOICES,
                ),
            )
        choices: list[str] = []
        feedback: list[str] = []
        positions: list[tuple[int, int]] = []
        seen: dict[str, int] = {}
        # What each choice looks like: two that differ only in invisible characters (Paris and
        # Paris with a zero-width space) cannot be told apart by a student.
        seen_looks: dict[str, tuple[str, int, int]] = {}
        a_choice = said("problem.what.choice")
        for item in node.value:
            if isinstance(item, MappingNode) and self.tag_ok(item):
                fields = self.mapping(item, CHOICE_KEYS, said("problem.where.choice"))
                if "text" not in fields:
                    self.error(item, said("problem.choice_without_text"))
                    continue
                choice = self.text(fields["text"], a_choice)
                note = self.text(fields.get("feedback"), "feedback") or ""
            else:
                choice = self.text((key, item), a_choice)
                note = ""
            if choice is None:
                continue
            if not choice:
                self.error(item, said("problem.empty_choice"))
                continue
            if choice in seen:
                self.error(
                    item, said("problem.choice_twice", choice=short(choice), first=seen[choice])
                )
                continue
            line = item.start_mark.line + 1
            look = looks(choice)
            if not look:
                self.error(item, said("problem.invisible_choice", found=_invisible(choice)))
                continue
            if look in seen_looks:
                other, number, at = seen_looks[look]
                self.error(
                    item,
                    said(
                        "problem.choice_looks_the_same",
                        choice=short(look),
                        number=number,
                        first=at,
                        found=_invisible(choice + other),
                    ),
                )
                continue
            seen[choice] = line
            seen_looks[look] = (choice, len(choices) + 1, line)
            choices.append(choice)
            feedback.append(note)
            positions.append((item.start_mark.line + 1, item.start_mark.column + 1))
        return choices, feedback, positions


def _invisible(text: str) -> Value:
    """The invisible characters of a text, named: `U+200B (ZERO WIDTH SPACE)`."""
    found = dict.fromkeys(DEFAULT_IGNORABLE.findall(text))
    found |= dict.fromkeys(c for c in text if c.isspace())
    names = [describe(c) for c in found][:3]
    return ", ".join(names) if names else said("problem.blanks")


def _not_a_choice(answer: str, choices: list[str]) -> Wording:
    folded = {c.casefold().strip(" .!?"): c for c in choices}
    close = folded.get(answer.casefold().strip(" .!?")) or next(
        iter(difflib.get_close_matches(answer, choices, n=1, cutoff=0.6)), None
    )
    if close:
        return said("problem.not_a_choice_close", answer=short(answer), close=short(close))
    return said("problem.not_a_choice", answer=short(answer))
