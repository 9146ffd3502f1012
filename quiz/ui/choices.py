"""The list of choices of one question: numbered rows, a cursor, and marks once answered.

`NUMBER_BINDINGS` are the keys that pick a choice by its number, for every screen that shows one;
`show_number_range` makes the footer say the range the current question has ("1-4").
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from quiz.text.i18n import DIGIT_KEYS, choice_label, digits, language, translatable
from quiz.text.rtl import ABJAD, Mode
from quiz.ui.bidi_text import BidiVisual
from quiz.ui.display import mode, ui_line
from quiz.ui.localize import localize

#: Each choice number picks from the Latin, Arabic-Indic and Extended Arabic-Indic (Persian)
#: digit keys alike (Textual names a printable digit key by the character itself), and from the
#: letter it is labelled with in Arabic (أ ب ج د ...: typed on an Arabic keyboard); the screen's
#: `action_number(n)` says what a pick means; key 0 is the tenth. The footer shows one entry,
#: the range of the current question as it is labelled (`show_number_range`).
NUMBER_BINDINGS = [
    *(
        Binding(
            ",".join(keys),
            f"number({n})",
            translatable("footer.answer"),
            show=n == 1,
            # The footer, the Keys panel and the help name the range once, on the first.
            system=n != 1,
            key_display="1-9",
        )
        for n, keys in DIGIT_KEYS.items()
    ),
    *(
        # هـ is labelled with a tatweel after the letter; the key types the letter alone.
        Binding(letter[0], f"number({n})", show=False)
        for n, letter in enumerate(ABJAD[:10], start=1)
    ),
]


def number_range(count: int) -> str:
    """The keys that pick one of `count` choices, as the footer says them: `1-4`, `1-9,0`; in
    Arabic the letters the choices are labelled with, `أ-د` (in logical order)."""
    if language() == "ar":
        first, last = choice_label(0)[:-1], choice_label(max(0, count - 1))[:-1]
        return first if count <= 1 else f"{first}-{last}"
    if count <= 1:
        return "1"
    if count < 10:
        return f"1-{count}"
    return "1-9,0"


def show_number_range(node: DOMNode, count: int) -> None:
    """Make the footer's number key say the range of a question with `count` choices."""
    bindings = node._bindings.key_to_bindings
    # In display order: أ-د reads from the right (its cells are د-أ).
    wanted = ui_line(digits(number_range(count)))
    for key, key_bindings in bindings.items():
        bindings[key] = [
            dataclasses.replace(binding, key_display=wanted)
            if binding.action == "number(1)" and binding.key_display != wanted
            else binding
            for binding in key_bindings
        ]
    node.refresh_bindings()


def aligned(labels: list[str]) -> list[str]:
    """Labels padded to one width, so that `10.` lines up under ` 9.`."""
    width = max((cell_len(label) for label in labels), default=0)
    return [" " * (width - cell_len(label)) + label for label in labels]


@dataclass(frozen=True, slots=True)
class Marks:
    """How the rows look once a question is answered."""

    right: frozenset[int]
    picked: frozenset[int]


class ChoiceRow(Static):
    """One choice: its number and its text (bank text is data, never markup)."""

    DEFAULT_CSS = """
    ChoiceRow {
        padding: 0 1;
        height: auto;
    }
    ChoiceRow.-cursor {
        background: $boost;
        text-style: bold;
    }
    ChoiceRow.-picked {
        text-style: bold;
    }
    ChoiceRow.-right {
        background: $success 25%;
        color: $text-success;
    }
    ChoiceRow.-wrong {
        background: $error 25%;
        color: $text-error;
    }
    ChoiceRow.-missed {
        color: $text-success;
    }
    """

    def __init__(
        self,
        index: int,
        label: str,
        text: str,
        *,
        rtl_default: bool,
        mode: Mode,
        markdown: bool = False,
    ) -> None:
        super().__init__()
        self.index = index
        self.label = label
        self.text = text
        self.rtl_default = rtl_default
        self.mode: Mode = mode
        #: Whether the text is a Markdown bank's (emphasis and code within the line).
        self.markdown = markdown
        self.sign = " "

    def render(self) -> BidiVisual:
        if self.markdown:
            from quiz.ui.markdown_view import StyledVisual, inline_runs

            return StyledVisual(
                inline_runs(self.text),
                rtl_default=self.rtl_default,
                mode=self.mode,
                prefix=f"{self.sign} {self.label} ",
                style="underline" if self.has_class("-missed") else "",
            )
        # The sign and label lead the row: on the left, or on the right of a right-to-left row.
        # A right answer not picked is underlined: the words only, not the padding on the left
        # of a right-to-left row (a CSS text-style would underline the whole row).
        return BidiVisual(
            self.text,
            rtl_default=self.rtl_default,
            mode=self.mode,
            prefix=f"{self.sign} {self.label} ",
            style="underline" if self.has_class("-missed") else "",
        )

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(ChoiceList.Clicked(self.index))


class ChoiceList(Vertical, can_focus=True):
    """Choices with a cursor moved by the arrow keys; the screen decides what a pick means."""

    DEFAULT_CSS = """
    ChoiceList {
        height: auto;
        margin-bottom: 1;
    }
    ChoiceList:focus {
        background-tint: $foreground 3%;
    }
    ChoiceList:focus ChoiceRow.-cursor {
        background: $accent 30%;
    }
    """

    BINDINGS = [
        Binding("up", "move(-1)", translatable("footer.up"), show=False),
        Binding("down", "move(1)", translatable("footer.down"), show=False),
        Binding("home", "move_to(0)", show=False),
        Binding("end", "move_to(-1)", show=False),
    ]

    cursor: reactive[int] = reactive(0)
    #: Whether the student has moved to a choice (arrow keys, a pick): until then no row is
    #: under the cursor and Enter picks nothing, so a second Enter never answers a new question.
    moved: reactive[bool] = reactive(False)

    class Moved(Message):
        """The cursor moved to a choice (so Enter can pick it)."""

    class Clicked(Message):
        """A choice was clicked with the mouse."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(
        self,
        choices: tuple[str, ...],
        labels: list[str],
        *,
        multiple: bool = False,
        rtl_default: bool = False,
        selectable: bool = False,
        markdown: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.markdown = markdown
        localize(self)
        #: Whether a pick stays selected and can change (an exam) rather than answering at once.
        self.selectable = selectable
        #: The RTL mode the rows draw in, read once: rows render later, in any context.
        self.mode: Mode = mode()
        self.rtl_default = rtl_default
        self.choices = choices
        self.labels = aligned(labels)
        self.multiple = multiple
        self.selected: set[int] = set()
        self.marks: Marks | None = None

    def compose(self) -> ComposeResult:
        yield from self._make_rows()

    def _make_rows(self) -> list[ChoiceRow]:
        return [
            ChoiceRow(
                index,
                label,
                text,
                rtl_default=self.rtl_default,
                mode=self.mode,
                markdown=self.markdown,
            )
            for index, (label, text) in enumerate(zip(self.labels, self.choices, strict=True))
        ]

    def set_choices(
        self,
        choices: tuple[str, ...],
        labels: list[str],
        *,
        multiple: bool,
        rtl_default: bool | None = None,
        markdown: bool | None = None,
    ) -> None:
        """Show another question's choices, unanswered, with the cursor on the first."""
        self.choices, self.labels, self.multiple = choices, aligned(labels), multiple
        if markdown is not None:
            self.markdown = markdown
        if rtl_default is not None:
            self.rtl_default = rtl_default
        self.selected = set()
        self.marks = None
        self.remove_children()
        self.mount_all(self._make_rows())
        self.cursor = 0
        self.moved = False
        self.call_after_refresh(self.refresh_rows)

    @property
    def rows(self) -> list[ChoiceRow]:
        """The rows, in display order."""
        return list(self.query_children(ChoiceRow))

    def on_mount(self) -> None:
        self.refresh_rows()

    def watch_cursor(self) -> None:
        self.refresh_rows()
        rows = self.rows
        if rows and self.moved:
            rows[self.cursor].scroll_visible(animate=False)

    def watch_moved(self) -> None:
        self.refresh_rows()

    @property
    def pointed(self) -> int | None:
        """The choice under the cursor, or None before the student moved to one."""
        return self.cursor if self.moved and self.choices else None

    def action_move(self, step: int) -> None:
        if not self.choices:
            return
        if not self.moved:
            # The first arrow press lands on the first (down) or the last (up) choice.
            self.moved = True
            self.cursor = 0 if step > 0 else len(self.choices) - 1
        else:
            self.cursor = (self.cursor + step) % len(self.choices)
        self.rows[self.cursor].scroll_visible(animate=False)
        self.post_message(self.Moved())

    def action_move_to(self, index: int) -> None:
        if not self.choices:
            return
        self.moved = True
        self.cursor = index % len(self.choices)
        self.post_message(self.Moved())

    def point_at(self, index: int) -> None:
        """Put the cursor on a choice (the one just picked)."""
        self.cursor = index
        self.moved = True

    def select(self, picks: set[int]) -> None:
        """Show these choices as selected (an exam's current answer)."""
        self.selected = set(picks)
        self.refresh_rows()

    def toggle(self, index: int) -> None:
        """Select or unselect a choice (for questions with several right answers)."""
        self.selected ^= {index}
        self.point_at(index)
        self.refresh_rows()

    def reveal(self, marks: Marks) -> None:
        """Show which choices were right and which were picked; the list is then read-only."""
        self.marks = marks
        self.refresh_rows()

    def refresh_rows(self) -> None:
        """Set each row's sign and classes from the cursor, the selection and the marks."""
        for row in self.rows:
            index = row.index
            marks = self.marks
            right = marks is not None and index in marks.right
            picked = index in (marks.picked if marks else self.selected)
            missed = right and not picked
            row.set_class(index == self.pointed and marks is None, "-cursor")
            row.set_class(picked, "-picked")
            # Several right: a right choice ticked, one not ticked and a wrong one ticked each
            # look their own (✓, !, ✗); with one right, the right choice is shown as right.
            row.set_class(right and not (missed and self.multiple), "-right")
            row.set_class(picked and marks is not None and not right, "-wrong")
            row.set_class(missed, "-missed")
            if marks is None:
                if self.multiple:
                    row.sign = "[x]" if picked else "[ ]"
                elif self.selectable:
                    row.sign = "(•)" if picked else "( )"
                else:
                    row.sign = " "
            elif missed and self.multiple:
                row.sign = "!"
            elif right:
                row.sign = "✓"
            else:
                row.sign = "✗" if picked else " "
            if (self.multiple or self.selectable) and marks is not None:
                row.sign = f" {row.sign} "  # as wide as the "[x]" it replaces
            row.refresh()
