"""Every lab, checked as a whole: claims quote the notes, and every region test can fail.

New labs are discovered here by themselves: nothing to register.
"""

from __future__ import annotations

import importlib.util
import inspect
from pathlib import Path

import pytest

from harness import blank_check
from harness.claims import Notes, claim_from_marker

ROOT = Path(__file__).resolve().parent.parent
LABS = ROOT / "labs"
NOTES = Notes(ROOT / "notes" / "aws-dev-associate.md")
TOPICS = sorted(p for p in LABS.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
MODULES = sorted(LABS.rglob("test_*.py"))
REGION_TESTS = sorted(blank_check.region_tests([LABS], ROOT))


def lab_tests(module_path: Path):
    """(name, function) for each test function of a lab module, imported on its own."""
    name = "lab_" + "_".join(module_path.relative_to(LABS).with_suffix("").parts)
    spec = importlib.util.spec_from_file_location(name, module_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for function_name, function in inspect.getmembers(module, inspect.isfunction):
        if function_name.startswith("test") and function.__module__ == name:
            yield function_name, function


@pytest.mark.parametrize("topic", TOPICS, ids=lambda p: p.name)
def test_every_topic_has_a_readme(topic: Path):
    assert (topic / "README.md").is_file(), f"{topic.name}: a topic teaches before it tests"


@pytest.mark.parametrize("module_path", MODULES, ids=lambda p: str(p.relative_to(LABS)))
def test_every_lab_test_quotes_the_notes_verbatim(module_path: Path):
    tests = list(lab_tests(module_path))
    assert tests, f"{module_path.name} has no tests"
    for test_name, function in tests:
        marks = [m for m in getattr(function, "pytestmark", []) if m.name == "claim"]
        assert len(marks) == 1, f"{test_name}: exactly one claim marker links a test to the notes"
        claim = claim_from_marker(marks[0].args, marks[0].kwargs)
        assert NOTES.find(claim.quote), f"{test_name}: {claim.quote!r} is not in the notes"
        assert claim.topic == module_path.parent.name, f"{claim.id} is filed under another topic"


@pytest.fixture(scope="session")
def blank_results() -> dict[str, blank_check.BlankResult]:
    """Every lab run once with its solution regions replaced by ``pass``."""
    return {r.nodeid: r for r in blank_check.check([LABS], ROOT, extra_args=["-n", "2"])}


@pytest.mark.parametrize("nodeid", REGION_TESTS)
def test_a_student_who_wrote_nothing_fails(nodeid: str, blank_results):
    result = blank_results[nodeid]
    assert result.ok, f"{nodeid} {result.outcome} with its solution blanked: {result.detail}"
