"""`awslab check`'s rules on claims: one bullet per quote, a source for what no run observed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.classroom.check import unproven_without_source
from harness.errors import MarkerError
from harness.model.claims import claim_from_marker
from harness.model.notes import Notes

NOTES = (
    "#### sqs\n- standard queue\n  - unlimited throughput\n"
    "- fifo queue\n  - unlimited throughput? no: 300/s\n"
)


def write_report(root: Path, backend: str, claims: list[dict]) -> None:
    folder = root / "reports" / backend
    folder.mkdir(parents=True)
    (folder / "claims.json").write_text(json.dumps({"backend": backend, "claims": claims}))


def test_a_claim_unproven_on_every_backend_needs_a_source(tmp_path: Path):
    write_report(tmp_path, "moto", [
        {"id": "sqs.a", "outcome": "gap", "source": None},
        {"id": "sqs.b", "outcome": "gap", "source": "https://docs.aws.amazon.com/x"},
        {"id": "sqs.c", "outcome": "gap", "source": None},
    ])  # fmt: skip
    write_report(tmp_path, "localstack", [
        {"id": "sqs.a", "outcome": "skipped", "source": None},
        {"id": "sqs.c", "outcome": "verified", "source": None},
    ])  # fmt: skip
    (problem,) = unproven_without_source(tmp_path)
    assert problem.startswith("claim 'sqs.a' is unproven here")
    assert unproven_without_source(tmp_path / "elsewhere") == [], "no reports, nothing to say"


def test_a_quote_on_several_lines_must_name_its_line(tmp_path: Path):
    notes_path = tmp_path / "notes.md"
    notes_path.write_text(NOTES)
    notes = Notes(notes_path)
    vague = claim_from_marker(("sqs.x",), {"quote": "unlimited throughput"})
    assert "stands on lines 3, 5" in (vague.ambiguity(notes) or "")
    named = claim_from_marker(("sqs.x",), {"quote": "unlimited throughput", "line": 3})
    assert named.ambiguity(notes) is None
    assert named.locate(notes).line == 3
    wrong = claim_from_marker(("sqs.x",), {"quote": "unlimited throughput", "line": 4})
    with pytest.raises(MarkerError, match="names line 4, but its quote stands on line 3, 5"):
        wrong.locate(notes)


def test_a_claim_beyond_the_notes_says_what_it_shows_and_where_that_is_written():
    claim = claim_from_marker(("sqs.x",), {"beyond_notes": "a redrive moves messages back",
                                           "source": "https://docs.aws.amazon.com/x"})  # fmt: skip
    assert claim.quote is None and claim.statement == "a redrive moves messages back"
    with pytest.raises(MarkerError, match="no source="):
        claim_from_marker(("sqs.x",), {"beyond_notes": "a redrive moves messages back"})
    with pytest.raises(MarkerError, match="needs quote=.* or, for what the notes never state"):
        claim_from_marker(("sqs.x",), {"quote": "q", "beyond_notes": "b", "source": "s"})
    with pytest.raises(MarkerError, match="quote the wrong bullet itself"):
        claim_from_marker(("sqs.x",), {"beyond_notes": "b", "errata": "e", "source": "s"})


def test_a_source_written_since_the_run_counts(tmp_path: Path):
    write_report(tmp_path, "moto", [{"id": "sqs.a", "outcome": "gap", "source": None}])
    lab = tmp_path / "labs" / "sqs" / "test_a.py"
    lab.parent.mkdir(parents=True)
    lab.write_text(
        "import pytest\n\n"
        "@pytest.mark.claim('sqs.a', quote='standard queue', source='https://docs.aws.amazon.com/x')\n"
        "def test_a():\n    pass\n"
    )
    (tmp_path / "pyproject.toml").write_text("")
    assert len(unproven_without_source(tmp_path)) == 1, "the report alone names no source"
    assert unproven_without_source(tmp_path, paths=[tmp_path / "labs"]) == []
