"""``awslab coverage``: per notes section, the bullets decided by a claim or a README line."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from harness.classroom import coverage
from harness.cli import main
from harness.model.notes import NOTES, Notes

NOTES_TEXT = """\
# course
#### queues
- visibility
  - default 30 s
  - maximum 12 hours
- cheap
#### topics
- fan out
"""

LAB = """
import pytest


@pytest.mark.claim("queues.default", quote="default 30 s")
def test_the_default():
    pass
"""

README = """\
# queues

## What no API shows

- "visibility": a heading: the bullets under it state its facts
- "cheap": pricing, no API returns it
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """Notes of two sections; one lab claims a bullet, its README lists two more."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / NOTES).parent.mkdir(parents=True)
    (tmp_path / NOTES).write_text(NOTES_TEXT)
    topic = tmp_path / "labs" / "queues"
    topic.mkdir(parents=True)
    (topic / "test_queues.py").write_text(textwrap.dedent(LAB))
    (topic / "README.md").write_text(README)
    return tmp_path


def test_each_section_counts_its_claimed_listed_and_undecided_bullets(project: Path):
    notes = Notes(project / NOTES)
    found = coverage.sections(project / "labs", project, notes)
    assert found == [
        coverage.SectionCoverage("queues", 4, claimed=1, listed=2, undecided=(5,)),
        coverage.SectionCoverage("topics", 1, claimed=0, listed=0, undecided=(8,)),
    ]
    assert notes.has_children(3) and not notes.has_children(4)


def test_awslab_coverage_lists_the_undecided_bullets_of_a_named_section(project: Path, capsys):
    assert main(["coverage", "QUEUE"]) == 0
    out = capsys.readouterr().out
    assert "5 (bullet) - maximum 12 hours" in out
    assert "fan out" not in out, "only the sections named"
    assert main(["coverage", "--json"]) == 0
    assert [s["undecided"] for s in json.loads(capsys.readouterr().out)] == [[5], [8]]


def test_a_section_name_matching_none_is_a_one_line_error(project: Path, capsys):
    assert main(["coverage", "lambda"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("awslab coverage: no section of the notes is named like 'lambda'")
    assert "queues, topics" in err and "Traceback" not in err
