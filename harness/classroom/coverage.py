"""How far the labs cover the notes: per section, the bullets a claim quotes, the
bullets a topic README lists as showing nothing an API can observe, and the rest,
still undecided.

A lab author works a section down to no undecided bullet: each one either gets a
claim, or a line in its topic README's "What no API shows" saying why not (a
heading over the bullets that state the facts is listed there too). The claims
page shows the same counts after a run; this reads the lab modules and READMEs
only, so it answers in a second, without running a test.

Plain Python, usable without pytest.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from harness.errors import AwslabError
from harness.model import lab_tree, no_api
from harness.model.notes import Notes


@dataclass(frozen=True)
class SectionCoverage:
    name: str
    bullets: int
    claimed: int
    listed: int  # in a README's "What no API shows", and not claimed
    undecided: tuple[int, ...]  # the notes lines (1-based) of the bullets neither covers


def claimed_lines(labs: Path, root: Path, notes: Notes) -> set[int]:
    """The notes lines the claims of every lab under ``labs`` quote (a lab that does
    not import, or a quote not in the notes, counts for nothing: ``awslab check`` says
    what is wrong with it)."""
    lines: set[int] = set()
    for path in lab_tree.lab_modules([labs]):
        try:
            module = lab_tree.read_module(path, root)
        except AwslabError:
            continue
        # None for a claim beyond the notes, or one whose quote is not there.
        lines.update(filter(None, (test.claim.quoted_line(notes) for test in module.tests)))
    return lines


def sections(labs: Path, root: Path, notes: Notes) -> list[SectionCoverage]:
    """Every section of ``notes`` that has bullets, in order."""
    listed = no_api.notes_lines(no_api.in_topics(no_api.topics_under(labs)), notes)
    return [
        SectionCoverage(
            section["name"],
            section["bullets"],
            section["claimed"],
            section["no_api"],
            tuple(section["undecided"]),
        )
        for section in notes.coverage(claimed_lines(labs, root, notes), listed)
    ]
