"""The notes' bullets that no API can show, as each topic's README lists them.

A bullet that states nothing observable (architecture advice, pricing, a
console step, traffic between real machines) gets no claim. Its topic's README
says so, and why, in one section, one bullet each::

    ## What no API shows

    - "words of the bullet": architecture advice, nothing to call
    - "cheap" (line 1327): the same words stand on another line too: name this one

The quote follows a claim's rule (the exact words of one line of the notes, or
the line named where those words stand on several).
The claims page counts these lines per notes section beside the claimed ones,
so "bullets with a claim / bullets" no longer hides the bullets already decided;
``awslab check`` holds each quote to the notes.

Plain Python, usable without pytest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from harness.model.notes import Notes

HEADING = "## What no API shows"
README = "README.md"
#: ``- "quote": why`` or ``- "quote" (line N): why``; the quote holds no double quote.
ENTRY = re.compile(r'^- "(?P<quote>[^"]+)"(?: \(line (?P<line>\d+)\))?:\s*(?P<reason>\S.*)$')


@dataclass(frozen=True)
class NoApiBullet:
    quote: str
    reason: str
    readme: Path
    line: int  # 1-based, in the README
    notes_line: int | None = None  # named where the quote stands on several lines

    @property
    def where(self) -> str:
        return f"{self.readme}:{self.line}"


def read(readme: Path) -> tuple[list[NoApiBullet], list[str]]:
    """The entries of ``readme``'s "What no API shows" section, and the lines of it
    that are not entries (each a problem, with what to write instead)."""
    if not readme.is_file():
        return [], []
    entries: list[NoApiBullet] = []
    problems: list[str] = []
    inside = False
    for number, line in enumerate(readme.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("## "):
            inside = line.strip() == HEADING
            continue
        if not inside or not line.strip():
            continue
        match = ENTRY.match(line)
        if match:
            named = int(match["line"]) if match["line"] else None
            entries.append(NoApiBullet(match["quote"], match["reason"], readme, number, named))
        elif line.startswith("- "):
            problems.append(
                f"{readme}:{number}: an entry of {HEADING!r} is written "
                '- "exact words of one notes line": why no API shows it '
                '(or - "words" (line N): why, where the words stand on several lines)'
            )
    return entries, problems


def in_topics(topics: Iterable[Path]) -> list[NoApiBullet]:
    """Every entry of the READMEs of ``topics`` (folders such as ``labs/sqs``)."""
    return [entry for topic in topics for entry in read(topic / README)[0]]


def topics_under(labs: Path) -> list[Path]:
    """The topic folders of a ``labs`` folder (none if there is no such folder)."""
    if not labs.is_dir():
        return []
    return sorted(p for p in labs.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def notes_lines(entries: Iterable[NoApiBullet], notes: Notes) -> set[int]:
    """The notes lines (1-based) these entries stand for: those whose quote is on
    exactly one line (``problems`` names the others)."""
    lines = set()
    for entry in entries:
        found = notes.lines_with(entry.quote)
        if entry.notes_line in found:
            lines.add(entry.notes_line)
        elif entry.notes_line is None and len(found) == 1:
            lines.add(found[0])
    return lines


def problems(entry: NoApiBullet, notes: Notes, claimed_lines: set[int]) -> list[str]:
    """What is wrong with one entry: a quote not in the notes, on several lines, or on
    a line that a claim already proves (then it is not a bullet no API shows)."""
    found = notes.lines_with(entry.quote)
    if not found:
        return [f"{entry.where}: {entry.quote!r} is not in the notes: quote one line exactly"]
    lines = ", ".join(str(n) for n in found)
    if entry.notes_line is not None and entry.notes_line not in found:
        return [f"{entry.where}: {entry.quote!r} is not on line {entry.notes_line}, but {lines}"]
    if entry.notes_line is None and len(found) > 1:
        return [
            f"{entry.where}: {entry.quote!r} stands on lines {lines} of the notes: "
            'quote more words of the one bullet meant, or name it: "words" (line N)'
        ]
    line = entry.notes_line or found[0]
    if line in claimed_lines:
        return [
            f"{entry.where}: line {line} of the notes has a claim: a test shows it, "
            f"so remove it from {HEADING!r}"
        ]
    return []
