"""Solution regions: the part of a lab a student writes.

An instructor's lab holds the answer between two comments, with an optional
hint just above::

    # HINT: how long does a received message stay hidden by default?
    # BEGIN SOLUTION
    clock.advance(29)
    # END SOLUTION

The instructor's file is the one source of truth (as in nbgrader); the
student's copy is generated from it with each region's body replaced. The
markers stay, so a grader can find what the student wrote.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from dataclasses import dataclass

from harness.errors import SolutionMarkupError

BEGIN = re.compile(r"^(?P<indent>[ \t]*)#\s*BEGIN SOLUTION\s*$")
END = re.compile(r"^[ \t]*#\s*END SOLUTION\s*$")
HINT = re.compile(r"^[ \t]*#\s*HINT:\s?(?P<text>.*)$")
NO_HINT = "write the solution here"


@dataclass(frozen=True)
class Region:
    begin: int  # 1-based line of "# BEGIN SOLUTION"
    end: int  # 1-based line of "# END SOLUTION"
    indent: str
    hint: str | None


def find_regions(source: str, filename: str = "<source>") -> list[Region]:
    """Every solution region in ``source``, in order; unpaired markers raise."""
    regions: list[Region] = []
    lines = source.splitlines()
    open_at: int | None = None
    for number, line in enumerate(lines, start=1):
        begin = BEGIN.match(line)
        if begin:
            if open_at is not None:
                raise SolutionMarkupError(
                    f"{filename}:{number}: BEGIN SOLUTION inside the region opened at line "
                    f"{open_at}; close it with # END SOLUTION first"
                )
            open_at = number
            indent = begin["indent"]
        elif END.match(line):
            if open_at is None:
                raise SolutionMarkupError(
                    f"{filename}:{number}: END SOLUTION without a BEGIN SOLUTION above it"
                )
            regions.append(Region(open_at, number, indent, _hint_above(lines, open_at)))
            open_at = None
    if open_at is not None:
        raise SolutionMarkupError(
            f"{filename}:{open_at}: BEGIN SOLUTION is never closed with # END SOLUTION"
        )
    return regions


def _hint_above(lines: list[str], begin: int) -> str | None:
    hint_lines: list[str] = []
    index = begin - 2  # the line just above BEGIN, 0-based
    while index >= 0 and (match := HINT.match(lines[index])):
        hint_lines.insert(0, match["text"].strip())
        index -= 1
    return " ".join(hint_lines) or None


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
        hint = region.hint or NO_HINT
        return f"# TODO: {hint}\nraise NotImplementedError({hint!r})"

    return replace_regions(source, stub, filename)


def blank_version(source: str, filename: str = "<source>") -> str:
    """What a student who wrote nothing hands in: each region is ``pass``."""
    return replace_regions(source, lambda r: "pass", filename)


def regions_by_test(source: str, filename: str = "<source>") -> dict[str, list[Region]]:
    """Test functions (``test_*``, also inside classes) mapped to the regions they hold.

    Raises ``SolutionMarkupError`` for a region outside any test function: a
    region in a helper or fixture would be judged through tests that do not show it.
    """
    regions = find_regions(source, filename)
    found: dict[str, list[Region]] = {}
    placed: set[Region] = set()
    for node, prefix in _test_functions(ast.parse(source, filename)):
        # A trailing "# END SOLUTION" comment lies past the function's last statement,
        # so a region belongs where its BEGIN line is.
        inside = [r for r in regions if node.lineno <= r.begin <= node.end_lineno]
        if inside:
            found[prefix + node.name] = inside
            placed.update(inside)
    for region in regions:
        if region not in placed:
            raise SolutionMarkupError(
                f"{filename}:{region.begin}: a solution region belongs inside a test function"
            )
    return found


def _test_functions(tree: ast.Module):
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith(
            "test"
        ):
            yield node, ""
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            for inner in node.body:
                if isinstance(inner, ast.FunctionDef | ast.AsyncFunctionDef):
                    if inner.name.startswith("test"):
                        yield inner, f"{node.name}::"
