"""The notes the claims quote: their lines, sections and bullets, in one model.

The notes are Markdown: ``####`` headings hold nested ``-`` bullets. A claim
quotes one bullet verbatim; the report places its verdict beside that line,
the page counts per section how many bullets a claim quotes, and a handout
keeps only the sections its labs quote. All of that reads this one model.

Plain Python, usable without pytest.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path

#: Where a lab project keeps its notes, relative to its root (``awslab_notes`` changes it).
NOTES = "notes/aws-dev-associate.md"
SECTION_HEADING = "#### "


@dataclass(frozen=True)
class NotesLocation:
    line: int  # 1-based
    section: str  # "heading > parent bullet > ..."


@dataclass(frozen=True)
class Section:
    """A ``####`` section: its heading and the lines it spans (0-based, end excluded)."""

    name: str
    start: int
    end: int
    bullets: tuple[int, ...]  # 1-based line numbers of its bullets


class Notes:
    """The notes file, searchable by quote."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines = path.read_text(encoding="utf-8").splitlines()

    def find(self, quote: str) -> NotesLocation | None:
        """Where ``quote`` first appears (1-based line) and the section path above it."""
        lines = self.lines_with(quote)
        return self.location(lines[0]) if lines else None

    def lines_with(self, quote: str) -> list[int]:
        """Every line (1-based) that holds ``quote``."""
        return [number for number, line in enumerate(self.lines, start=1) if quote in line]

    def location(self, line: int) -> NotesLocation:
        """Line ``line`` (1-based) with the section path above it."""
        return NotesLocation(line, self.section_of(line - 1))

    def section_of(self, index: int) -> str:
        """``heading > parent bullet > ...`` for the line at ``index`` (0-based)."""
        parts: list[str] = []
        indent = _indent(self.lines[index]) if is_bullet(self.lines[index]) else None
        for line in reversed(self.lines[:index]):
            if line.startswith("#"):
                parts.append(line.lstrip("#").strip())
                break
            if is_bullet(line) and (indent is None or _indent(line) < indent):
                indent = _indent(line)
                parts.append(line.strip()[2:].strip().rstrip(":").strip())
        if self.lines[index].startswith("#") and not parts:
            parts.append(self.lines[index].lstrip("#").strip())
        return " > ".join(reversed(parts))

    def has_children(self, line: int) -> bool:
        """Whether bullets are nested under the bullet on ``line`` (1-based): a heading,
        unless its own words state a fact too."""
        indent = _indent(self.lines[line - 1])
        for following in self.lines[line:]:
            if following.strip():
                return is_bullet(following) and _indent(following) > indent
        return False

    def sections(self) -> list[Section]:
        """Every ``####`` section, in order. One ends at the next heading of its level
        or above: the bullets after a ``###`` heading (the notes' own practice scores)
        belong to no section of AWS facts."""
        headings = [i for i, line in enumerate(self.lines) if _heading_level(line) <= 4]
        ends = dict(zip(headings, [*headings[1:], len(self.lines)], strict=True))
        return [
            Section(
                self.lines[start][len(SECTION_HEADING) :].strip(),
                start,
                ends[start],
                tuple(n + 1 for n in range(start, ends[start]) if is_bullet(self.lines[n])),
            )
            for start in headings
            if self.lines[start].startswith(SECTION_HEADING)
        ]

    def coverage(
        self, claimed_lines: set[int], no_api_lines: AbstractSet[int] = frozenset()
    ) -> list[dict]:
        """Per section with bullets: how many of them a claim quotes, how many more a
        topic README lists as showing nothing an API can observe, and the lines of the
        rest (undecided)."""
        return [
            {
                "name": section.name,
                "bullets": len(section.bullets),
                "claimed": len(claimed_lines.intersection(section.bullets)),
                "no_api": len(set(section.bullets).intersection(no_api_lines) - claimed_lines),
                "undecided": [
                    line
                    for line in section.bullets
                    if line not in claimed_lines and line not in no_api_lines
                ],
            }
            for section in self.sections()
            if section.bullets
        ]

    def excerpt(self, quotes: set[str]) -> str:
        """The notes' title and every section that holds one of ``quotes``."""
        kept = [self.lines[0], ""] if self.lines else []
        for section in self.sections():
            text = self.lines[section.start : section.end]
            if any(quote in line for line in text for quote in quotes):
                kept += text
        return "\n".join(kept) + "\n"


def is_bullet(line: str) -> bool:
    return line.lstrip().startswith(("- ", "* "))


def _heading_level(line: str) -> int:
    """How many ``#`` open a Markdown heading (``#### s3``: 4); 99 for any other line."""
    marks = len(line) - len(line.lstrip("#"))
    return marks if marks and line[marks : marks + 1] == " " else 99


def _indent(line: str) -> int:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip())
