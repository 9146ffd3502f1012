"""The YAML loaders that compose a bank file into nodes: libyaml's, and a pure-Python one that
reads what libyaml reads, so both agree on every file.
"""

from __future__ import annotations

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode


class _PureLoader(yaml.BaseLoader):
    """PyYAML's pure-Python base loader, reading tabs and '?' where libyaml does.

    PyYAML refuses every tab outside quotes and block scalars; libyaml reads one between tokens
    (`answer: Paris<TAB>`) and inside plain text as a blank, and refuses it only as indentation.
    PyYAML ends plain text at '?' inside [ ] and { }; libyaml reads `[Why?, How?]`. Without these
    changes the two loaders would disagree on files that teachers commonly write.
    """

    _BREAKS = "\r\n\x85\u2028\u2029"
    _END = "\0 \t\r\n\x85\u2028\u2029"

    def scan_to_next_token(self) -> None:
        while True:
            super().scan_to_next_token()
            # Where no key can start (after a key's ':', a value, or in [ ] and { }) a tab is blank.
            if self.peek() != "\t" or not (self.flow_level or not self.allow_simple_key):
                return
            while self.peek() == "\t":
                self.forward()

    def scan_plain(self) -> yaml.ScalarToken:
        # PyYAML's own method, with '?' allowed inside plain text in [ ] and { } (`[Why?, How?]`),
        # and ':' then '?' ending it there, as in libyaml.
        chunks: list[str] = []
        start_mark = self.get_mark()
        end_mark = start_mark
        indent = self.indent + 1
        spaces: list[str] | None = []
        while True:
            length = 0
            if self.peek() == "#":
                break
            while True:
                char = self.peek(length)
                if (
                    char in self._END
                    or (
                        char == ":"
                        and self.peek(length + 1)
                        in self._END + (",?[]{}" if self.flow_level else "")
                    )
                    or (self.flow_level and char in ",[]{}")
                ):
                    break
                length += 1
            if length == 0:
                break
            self.allow_simple_key = False
            chunks.extend(spaces or [])
            chunks.append(self.prefix(length))
            self.forward(length)
            end_mark = self.get_mark()
            spaces = self.scan_plain_spaces(indent, start_mark)
            if not spaces or self.peek() == "#" or (not self.flow_level and self.column < indent):
                break
        return yaml.ScalarToken("".join(chunks), True, start_mark, end_mark)

    def scan_tag(self) -> yaml.TagToken:
        # PyYAML's own method, ending a tag at a tab too, and at ',' in [ ] and { }, as libyaml
        # does; the tag is refused later all the same, but at the same place with either loader.
        start_mark = self.get_mark()
        if self.peek(1) == "<":
            self.forward(2)
            handle = None
            suffix = self.scan_tag_uri("tag", start_mark, verbatim=True)
            if self.peek() != ">":
                raise yaml.scanner.ScannerError(
                    "while parsing a tag",
                    start_mark,
                    f"expected '>', but found {self.peek()!r}",
                    self.get_mark(),
                )
            self.forward()
        elif self.peek(1) in self._END:
            handle, suffix = None, "!"
            self.forward()
        else:
            length = 1
            while self.peek(length) not in self._END and self.peek(length) != "!":
                length += 1
            if self.peek(length) == "!":
                handle = self.scan_tag_handle("tag", start_mark)
            else:
                handle = "!"
                self.forward()
            suffix = self.scan_tag_uri("tag", start_mark)
        if self.peek() not in self._END and not (self.flow_level and self.peek() == ","):
            raise yaml.scanner.ScannerError(
                "while scanning a tag",
                start_mark,
                f"expected ' ', but found {self.peek()!r}",
                self.get_mark(),
            )
        return yaml.TagToken((handle, suffix), start_mark, self.get_mark())

    def scan_tag_uri(self, name: str, start_mark: yaml.Mark, *, verbatim: bool = False) -> str:
        # PyYAML's own method; outside `!<...>` and %TAG, a tag ends at ',', '[' and ']'.
        allowed = "-;/?:@&=+$_.!~*'()%" + (",[]" if verbatim or name != "tag" else "")
        chunks: list[str] = []
        length = 0
        char = self.peek(length)
        while char.isascii() and (char.isalnum() or char in allowed):
            if char == "%":
                chunks.append(self.prefix(length))
                self.forward(length)
                length = 0
                chunks.append(self.scan_uri_escapes(name, start_mark))
            else:
                length += 1
            char = self.peek(length)
        if length:
            chunks.append(self.prefix(length))
            self.forward(length)
        if not chunks:
            raise yaml.scanner.ScannerError(
                f"while parsing a {name}",
                start_mark,
                f"expected URI, but found {char!r}",
                self.get_mark(),
            )
        return "".join(chunks)

    def scan_block_scalar_indicators(self, start_mark: yaml.Mark) -> tuple[bool | None, int | None]:
        # PyYAML's own method, with a tab allowed after `|` or `>` and their indicators.
        chomping: bool | None = None
        increment: int | None = None
        for _ in range(2):
            char = self.peek()
            if char in "+-" and chomping is None:
                chomping = char == "+"
            elif char in "0123456789" and increment is None:
                if char == "0":
                    raise yaml.scanner.ScannerError(
                        "while scanning a block scalar",
                        start_mark,
                        "expected indentation indicator in the range 1-9, but found 0",
                        self.get_mark(),
                    )
                increment = int(char)
            else:
                break
            self.forward()
        if self.peek() not in self._END + "#":  # libyaml reads `|#...` as a comment
            raise yaml.scanner.ScannerError(
                "while scanning a block scalar",
                start_mark,
                f"expected chomping or indentation indicators, but found {self.peek()!r}",
                self.get_mark(),
            )
        return chomping, increment

    def scan_block_scalar_ignored_line(self, start_mark: yaml.Mark) -> None:
        while self.peek() in " \t":
            self.forward()
        super().scan_block_scalar_ignored_line(start_mark)

    def scan_plain_spaces(self, indent: int, start_mark: yaml.Mark) -> list[str] | None:
        # PyYAML's own method, with tabs read as blanks between words and after indentation.
        chunks: list[str] = []
        length = 0
        while self.peek(length) in " \t":
            length += 1
        whitespaces = self.prefix(length)
        self.forward(length)
        if self.peek() in self._BREAKS:
            line_break = self.scan_line_break()
            self.allow_simple_key = True
            if self.prefix(3) in ("---", "...") and self.peek(3) in self._END:
                return None
            breaks = []
            while self.peek() in " \t" + self._BREAKS:
                if self.peek() == " ":
                    self.forward()
                elif self.peek() == "\t":
                    if self.column < indent:
                        raise yaml.scanner.ScannerError(
                            "while scanning a plain scalar",
                            start_mark,
                            "found a tab character that violates indentation",
                            self.get_mark(),
                        )
                    self.forward()
                else:
                    breaks.append(self.scan_line_break())
                    if self.prefix(3) in ("---", "...") and self.peek(3) in self._END:
                        return None
            if line_break != "\n":
                chunks.append(line_break)
            elif not breaks:
                chunks.append(" ")
            chunks.extend(breaks)
        elif whitespaces:
            chunks.append(whitespaces)
        return chunks


_DEFAULT_TAG = {
    ScalarNode: "tag:yaml.org,2002:str",
    SequenceNode: "tag:yaml.org,2002:seq",
    MappingNode: "tag:yaml.org,2002:map",
}

if hasattr(yaml, "CBaseLoader"):

    class _FastLoader(yaml.CBaseLoader):
        """libyaml's base loader, with the resolver's per-node calls cut to what they return.

        The base resolver has no implicit or path resolvers, so every node gets its kind's
        default tag; answering that directly saves a third of the time spent composing.
        """

        def resolve(self, kind: type, value: object, implicit: object) -> str:
            return _DEFAULT_TAG[kind]

        def descend_resolver(self, current_node: object, current_index: object) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass


#: The loader used by default: libyaml's when PyYAML was built with it.
FAST_LOADER: type = _FastLoader if hasattr(yaml, "CBaseLoader") else _PureLoader
PURE_LOADER: type = _PureLoader
