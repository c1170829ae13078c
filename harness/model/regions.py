"""Solution regions: the part of a lab a student writes, and their one grammar.

An instructor's lab holds the answer between two comments inside a test
function, with a hint above::

    # HINT: how long does a received message stay hidden by default?
    # Advance the clock to just before, then just after.
    # BEGIN SOLUTION
    clock.advance(29)
    # END SOLUTION

The hint is the whole comment block that starts at ``# HINT:``: the comment
lines after it, up to ``# BEGIN SOLUTION``, continue it. The instructor's file
is the one source of truth (as in nbgrader); the student's copy is made from
it with each region's body replaced, markers kept for the grader.

One scanner (``scan``) reads a module's text line by line: its tests, the
regions and the test each stands in, and the markers that do not pair up.
Text, not Python's syntax tree, so that a syntax error in one region hides
nothing else. The strict reading (``regions_by_test``, ``markup_problems``)
is for an instructor's file: any problem names file:line and what to do. The
tolerant one (``student_regions``) is for a student's, which may not parse:
a broken marker costs only the test it stands in.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from harness.errors import SolutionMarkupError
from harness.model.python_text import COMMENT, Layout, is_definition, width

BEGIN = re.compile(r"^(?P<indent>[ \t]*)#\s*BEGIN SOLUTION\s*$")
END = re.compile(r"^[ \t]*#\s*END SOLUTION\s*$")
HINT = re.compile(r"^[ \t]*#\s*HINT:\s?(?P<text>.*)$")


@dataclass(frozen=True)
class Region:
    begin: int  # 1-based line of "# BEGIN SOLUTION"
    end: int  # 1-based line of "# END SOLUTION"
    indent: str
    hint_lines: tuple[str, ...] = ()

    @property
    def hint(self) -> str | None:
        """The hint as one sentence, or None where the region has none."""
        return " ".join(self.hint_lines) or None


class Trouble(Enum):
    """What can be wrong with a module's solution markup."""

    UNCLOSED = "unclosed"
    STRAY_END = "stray end"
    NESTED = "nested"
    OUTSIDE_A_TEST = "outside a test"
    NO_HINT = "no hint"


#: The troubles that break a region's markers (the others leave the region readable).
MARKER_TROUBLES = (Trouble.UNCLOSED, Trouble.STRAY_END, Trouble.NESTED)
_FOR_AUTHOR = {
    Trouble.UNCLOSED: "# BEGIN SOLUTION is never closed: "
    "add # END SOLUTION where the solution ends",
    Trouble.STRAY_END: "# END SOLUTION without a # BEGIN SOLUTION above it: "
    "add one where the solution starts, or delete this line",
    Trouble.NESTED: "# BEGIN SOLUTION inside the region opened at line {}: "
    "close that one with # END SOLUTION first",
    Trouble.OUTSIDE_A_TEST: "a solution region outside a test function: "
    "move it into the test (def test_...) that checks it",
    Trouble.NO_HINT: "a solution region without a hint: add a '# HINT: ...' comment "
    "just above # BEGIN SOLUTION that says what to write",
}


@dataclass(frozen=True)
class Problem:
    trouble: Trouble
    line: int  # 1-based line of the marker at fault
    test: str | None  # the test it stands in (None: outside any test)
    opened_at: int | None = None  # NESTED: the line of the region still open

    def for_author(self, filename: str) -> str:
        """One line for a lab author: where, what is wrong, what to do."""
        return f"{filename}:{self.line}: " + _FOR_AUTHOR[self.trouble].format(self.opened_at)

    def for_student(self) -> str:
        """Why a student's test cannot be graded (the reason a grade shows)."""
        if self.trouble == Trouble.STRAY_END:
            return f"the END SOLUTION at line {self.line} has no BEGIN SOLUTION"
        # NESTED: the region left open is the one whose test is lost.
        return f"the BEGIN SOLUTION at line {self.opened_at or self.line} is never closed"


@dataclass
class Markup:
    """What ``scan`` read in one module's text."""

    tests: dict[str, int] = field(default_factory=dict)  # test -> its def line, in file order
    regions: list[tuple[str | None, Region]] = field(default_factory=list)  # (its test, region)
    problems: list[Problem] = field(default_factory=list)  # in line order

    def by_test(self) -> dict[str, list[Region]]:
        """Each test that holds a region, with its regions in order."""
        found: dict[str, list[Region]] = {}
        for test, region in self.regions:
            if test is not None:
                found.setdefault(test, []).append(region)
        return found


def _hint_above(lines: list[str], begin: int) -> tuple[str, ...]:
    """The hint of the region whose BEGIN is at ``begin``: the comment block from ``# HINT:``."""
    index = begin - 2  # the line just above BEGIN, 0-based
    block: list[str] = []
    while index >= 0 and COMMENT.match(lines[index]):
        if BEGIN.match(lines[index]) or END.match(lines[index]):
            break
        block.insert(0, lines[index])
        index -= 1
    start = next((i for i, line in enumerate(block) if HINT.match(line)), None)
    if start is None:
        return ()
    matches = [HINT.match(line) or COMMENT.match(line) for line in block[start:]]
    text = [match["text"] for match in matches if match]
    return tuple(t.strip() for t in text if t.strip())


def scan(source: str) -> Markup:
    """Read ``source`` line by line: its tests, its regions, its unpaired markers.

    Never raises: what does not pair up is a ``Problem``. A region's body is
    the student's: it is skipped, and the layout starts afresh at every marker,
    so an unclosed string or bracket in one region spills into no other.
    """
    lines = source.splitlines()
    markup = Markup()
    layout = Layout()
    open_at: tuple[int, str, str | None] | None = None  # (line, indent, test) of an open BEGIN
    for number, line in enumerate(lines, start=1):
        begin = BEGIN.match(line)
        if begin:
            layout.forget_tokens()
            if open_at is not None:
                markup.problems.append(Problem(Trouble.NESTED, number, open_at[2], open_at[0]))
            open_at = (number, begin["indent"], layout.test_at(line))
        elif END.match(line):
            layout.forget_tokens()
            if open_at is None:
                markup.problems.append(Problem(Trouble.STRAY_END, number, layout.test_at(line)))
                continue
            opened, indent, test = open_at
            region = Region(opened, number, indent, _hint_above(lines, opened))
            markup.regions.append((test, region))
            if test is None:
                markup.problems.append(Problem(Trouble.OUTSIDE_A_TEST, opened, None))
            if not region.hint_lines:
                markup.problems.append(Problem(Trouble.NO_HINT, opened, test))
            open_at = None
        else:
            if open_at is not None:
                if not is_definition(line) or width(line) >= width(open_at[1]):
                    continue  # the body is the student's: it moves no test's bounds
                # A def or class left of its BEGIN marker: that region was never closed.
                markup.problems.append(Problem(Trouble.UNCLOSED, open_at[0], open_at[2]))
                open_at = None
                layout.forget_tokens()
            defined = layout.read(line)
            if defined is not None:
                markup.tests.setdefault(defined, number)
    if open_at is not None:
        markup.problems.append(Problem(Trouble.UNCLOSED, open_at[0], open_at[2]))
    markup.problems.sort(key=lambda problem: problem.line)
    return markup


# The strict reading: an instructor's file.


def markup_problems(source: str, filename: str = "<source>") -> list[str]:
    """Every problem with ``source``'s solution markup, one line each, for ``awslab check``."""
    return [problem.for_author(filename) for problem in scan(source).problems]


def read_strictly(source: str, filename: str = "<source>") -> Markup:
    """``scan(source)``, or ``SolutionMarkupError`` for its first problem."""
    markup = scan(source)
    if markup.problems:
        raise SolutionMarkupError(markup.problems[0].for_author(filename))
    return markup


def regions_by_test(source: str, filename: str = "<source>") -> dict[str, list[Region]]:
    """Test functions (``test_*``, also in ``Test*`` classes) mapped to the regions they hold.

    Raises ``SolutionMarkupError`` for markers that do not pair up, a region
    outside a test function (it would be judged through tests that do not show
    it) or a region without a hint.
    """
    return read_strictly(source, filename).by_test()


def find_regions(source: str, filename: str = "<source>") -> list[Region]:
    """Every solution region in ``source``, in order; any problem raises."""
    return [region for _, region in read_strictly(source, filename).regions]


def replace_regions(source: str, body: Callable[[Region], str], filename: str = "<source>") -> str:
    """``source`` with every region's body replaced by ``body(region)`` (markers kept).

    ``body`` returns unindented lines; each is indented like the region's BEGIN marker.
    """
    lines = source.splitlines(keepends=True)
    for region in reversed(find_regions(source, filename)):
        new_lines = body(region).split("\n")
        lines[region.begin : region.end - 1] = [
            f"{region.indent}{line}\n" if line else "\n" for line in new_lines
        ]
    return "".join(lines)


def student_version(source: str, filename: str = "<source>") -> str:
    """The copy a student receives: each region says what to do, and raises until done."""

    def stub(region: Region) -> str:
        first, *more = region.hint_lines
        todo = [f"# TODO: {first}", *(f"#       {line}" for line in more)]
        return "\n".join([*todo, f"raise NotImplementedError({region.hint!r})"])

    return replace_regions(source, stub, filename)


def blank_version(source: str, filename: str = "<source>") -> str:
    """What a student who wrote nothing hands in: each region is ``pass``."""
    return replace_regions(source, lambda r: "pass", filename)


# The tolerant reading: a student's file.


def student_regions(text: str) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The bodies of a student's regions by test, and the tests whose markers are broken.

    Reads a file that may not parse: the intact regions still count, and a
    stray or unclosed marker costs only the test it stands in (``test -> reason``).
    """
    markup = scan(text)
    lines = text.splitlines()
    bodies: dict[str, list[str]] = {}
    for test, region in markup.regions:
        if test is not None:
            body = textwrap.dedent("\n".join(lines[region.begin : region.end - 1]))
            bodies.setdefault(test, []).append(body)
    broken: dict[str, str] = {}
    for problem in markup.problems:
        if problem.trouble in MARKER_TROUBLES and problem.test is not None:
            broken.setdefault(problem.test, problem.for_student())
    return bodies, broken
