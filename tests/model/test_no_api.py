"""The bullets no API shows: read from a topic's README, held to the notes, counted on the page."""

from __future__ import annotations

import json
import re
from pathlib import Path

from harness.classroom.check import lab_problems
from harness.cli import main
from harness.model import no_api
from harness.model.notes import Notes

NOTES = """\
#### vpc
- nat gateway: managed, higher bandwidth
- vpc peering:
  - must not have overlapping cidr
- architecture: think of it as a house
- architecture: and its rooms
"""
README = """\
# vpc

Prose that teaches; a list elsewhere is not read:

- "not an entry": ignored outside the section

## What no API shows

- "nat gateway: managed, higher bandwidth": pricing and bandwidth, nothing to call
- "architecture": advice
- "must not have overlapping cidr": the peering lab shows it
- "not in these notes": anything
- nat gateway without quotes

## Further reading

- "also not an entry": the section ended
"""


def project(tmp_path: Path) -> Path:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "aws-dev-associate.md").write_text(NOTES)
    topic = tmp_path / "labs" / "vpc"
    topic.mkdir(parents=True)
    (topic / "README.md").write_text(README)
    (topic / "test_peering.py").write_text(
        "import pytest\n\n\n"
        '@pytest.mark.claim("vpc.peering", quote="must not have overlapping cidr")\n'
        "def test_overlapping_peering_is_refused():\n    assert True\n"
    )
    return tmp_path


def test_only_the_sections_entries_are_read_and_a_malformed_one_is_named(tmp_path: Path):
    readme = project(tmp_path) / "labs" / "vpc" / "README.md"
    entries, malformed = no_api.read(readme)
    assert [e.quote for e in entries] == [
        "nat gateway: managed, higher bandwidth",
        "architecture",
        "must not have overlapping cidr",
        "not in these notes",
    ]
    assert entries[0].reason == "pricing and bandwidth, nothing to call"
    assert entries[0].line == 9
    (problem,) = malformed
    assert problem.startswith(f"{readme}:13: an entry of '## What no API shows' is written")


def test_an_entry_quotes_one_unclaimed_line_of_the_notes(tmp_path: Path):
    root = project(tmp_path)
    notes = Notes(root / "notes" / "aws-dev-associate.md")
    entries, _ = no_api.read(root / "labs" / "vpc" / "README.md")
    claimed = {4}  # "must not have overlapping cidr"
    found = {e.quote: no_api.problems(e, notes, claimed) for e in entries}
    assert found["nat gateway: managed, higher bandwidth"] == []
    assert "stands on lines 5, 6 of the notes" in found["architecture"][0]
    assert "has a claim: a test shows it" in found["must not have overlapping cidr"][0]
    assert "is not in the notes" in found["not in these notes"][0]
    assert no_api.notes_lines(entries, notes) == {2, 4}, "an ambiguous quote counts nowhere"


def test_awslab_check_lists_every_problem_of_the_section(tmp_path: Path):
    root = project(tmp_path)
    problems, _ = lab_problems([root / "labs" / "vpc"], root)
    about_readme = [p for p in problems if "README.md" in p]
    assert len(about_readme) == 4, about_readme  # malformed, ambiguous, claimed, not in notes
    assert any("line 4 of the notes has a claim" in p for p in about_readme)


def test_the_page_counts_them_beside_the_claimed_bullets(tmp_path: Path, monkeypatch):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    (root / "pyproject.toml").write_text("")
    record = {"id": "vpc.peering", "topic": "vpc", "quote": "must not have overlapping cidr",
              "notes_line": 4, "notes_section": None, "errata": None, "source": None,
              "outcome": "verified", "reason": None, "tests": []}  # fmt: skip
    Path("moto.json").write_text(json.dumps({"backend": "moto", "claims": [record]}))
    assert main(["report", "moto.json", "--out", "site"]) == 0
    html = (root / "site" / "claims.html").read_text()
    row = re.search(r'<tr data-section="vpc">.*?</tr>', html, re.DOTALL)
    assert row is not None
    cells = dict(re.findall(r'<td class="([\w-]+)">(\d+)</td>', row.group()))
    # The claimed line is not counted again; the ambiguous quote counts nowhere.
    assert cells == {"claimed": "1", "no-api": "1", "bullets": "5"}


def test_words_on_several_lines_name_their_line(tmp_path: Path):
    root = project(tmp_path)
    notes = Notes(root / "notes" / "aws-dev-associate.md")
    readme = tmp_path / "README.md"
    readme.write_text(
        '## What no API shows\n\n- "architecture" (line 6): advice\n'
        '- "architecture" (line 2): not there\n'
    )
    named, wrong = no_api.read(readme)[0]
    assert no_api.problems(named, notes, set()) == []
    assert no_api.notes_lines([named], notes) == {6}
    assert "is not on line 2, but 5, 6" in no_api.problems(wrong, notes, set())[0]
