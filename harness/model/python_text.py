"""Just enough of Python's layout to follow a module as text, line by line.

The region scanner (``harness.model.regions``) reads lab modules that may
not parse (a student's), so it cannot ask Python's parser where a test
starts and ends. ``Layout`` follows the text instead: strings and brackets,
so that text which only looks like a ``def`` is not taken for one, and the
indentation of each ``def`` and ``class``, so that any line can be placed in
the test around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DEFINITION = re.compile(
    r"^[ \t]*(?:(?:async[ \t]+)?def|(?P<is_class>class))[ \t]+(?P<name>[A-Za-z_]\w*)"
)
COMMENT = re.compile(r"^[ \t]*#\s?(?P<text>.*)$")


def width(line: str) -> int:
    """How far ``line`` is indented, tabs expanded."""
    expanded = line.expandtabs()
    return len(expanded) - len(expanded.lstrip())


def is_definition(line: str) -> bool:
    return DEFINITION.match(line) is not None


@dataclass(frozen=True)
class _Block:
    indent: int
    name: str
    is_class: bool


def _test_name(blocks: list[_Block]) -> str | None:
    """The test (``name`` or ``Class::name``) that ``blocks``, outermost first, lie in."""
    if blocks and not blocks[0].is_class and blocks[0].name.startswith("test"):
        return blocks[0].name
    if len(blocks) > 1 and blocks[0].is_class and blocks[0].name.startswith("Test"):
        inner = blocks[1]
        if not inner.is_class and inner.name.startswith("test"):
            return f"{blocks[0].name}::{inner.name}"
    return None


class Layout:
    """Follows a module's lines: the defs and classes around each, and its tests."""

    def __init__(self) -> None:
        self.blocks: list[_Block] = []  # around the current line, outermost first
        self.forget_tokens()

    def forget_tokens(self) -> None:
        """Start afresh: no string or bracket is open (one a line left open is dropped)."""
        self.quote: str | None = None
        self.depth = 0
        self.continued = False

    def test_at(self, line: str) -> str | None:
        """The test a line of this indentation (a comment, say) stands in, or None."""
        return _test_name([b for b in self.blocks if b.indent < width(line)])

    def read(self, line: str) -> str | None:
        """Follow one more line; the test it defines (its ``def`` line), or None."""
        defined = None
        starts = self.quote is None and self.depth == 0 and not self.continued
        if starts and line.strip() and not COMMENT.match(line):
            indent = width(line)
            while self.blocks and self.blocks[-1].indent >= indent:
                self.blocks.pop()
            definition = DEFINITION.match(line)
            if definition:
                self.blocks.append(_Block(indent, definition["name"], bool(definition["is_class"])))
                test = _test_name(self.blocks)
                if test is not None and len(self.blocks) == test.count("::") + 1:
                    defined = test
        self._tokens(line)
        return defined

    def _tokens(self, line: str) -> None:
        index = 0
        while index < len(line):
            char = line[index]
            if self.quote:
                if char == "\\":
                    index += 1
                elif line.startswith(self.quote, index):
                    index += len(self.quote) - 1
                    self.quote = None
            elif char == "#":
                break
            elif char in "\"'":
                self.quote = char * 3 if line.startswith(char * 3, index) else char
                index += len(self.quote) - 1
            elif char in "([{":
                self.depth += 1
            elif char in ")]}":
                self.depth = max(0, self.depth - 1)
            index += 1
        self.continued = line.endswith("\\") and self.quote is None
        if self.quote in ('"', "'") and not line.endswith("\\"):
            self.quote = None  # a one-line string cannot outlive its line
