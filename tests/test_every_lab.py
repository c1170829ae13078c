"""Every lab, checked as a whole: claims quote the notes, and every region test can fail.

New labs are discovered here by themselves: nothing to register.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from harness import quiz
from harness.model import lab_tree, regions
from harness.model.notes import Notes

ROOT = Path(__file__).resolve().parent.parent
LABS = ROOT / "labs"
NOTES = Notes(ROOT / "notes" / "aws-dev-associate.md")
TOPICS = sorted(p for p in LABS.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
MODULES = lab_tree.lab_modules([LABS])
REGION_TESTS = sorted(lab_tree.region_tests([LABS], ROOT))


@pytest.mark.parametrize("topic", TOPICS, ids=lambda p: p.name)
def test_every_topic_has_a_readme(topic: Path):
    assert (topic / "README.md").is_file(), f"{topic.name}: a topic teaches before it tests"


@pytest.mark.parametrize("module_path", MODULES, ids=lambda p: str(p.relative_to(LABS)))
def test_every_lab_test_quotes_one_bullet_of_the_notes_verbatim(module_path: Path):
    lab = lab_tree.read_module(module_path, ROOT)  # raises for a test without one claim marker
    assert lab.tests, f"{module_path.name} has no tests"
    for test in lab.tests:
        test.claim.locate(NOTES)  # raises when the quote is not there (or not on its line=)
        assert test.claim.ambiguity(NOTES) is None, f"{test.name}: {test.claim.ambiguity(NOTES)}"
        assert test.topic == module_path.parent.name, (
            f"{test.claim.id} is filed under another topic"
        )


@pytest.mark.parametrize("module_path", MODULES, ids=lambda p: str(p.relative_to(LABS)))
def test_the_region_scanner_finds_every_test_and_region_where_python_does(module_path: Path):
    source = module_path.read_text(encoding="utf-8")
    tests = {}  # what Python's own parser says: test -> the lines it spans
    for node in ast.parse(source).body:
        if isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            functions = [(f"{node.name}::", method) for method in node.body]
        else:
            functions = [("", node)]
        for prefix, function in functions:
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                if function.name.startswith("test"):
                    span = range(function.lineno, function.end_lineno + 1)
                    tests[prefix + function.name] = span
    markup = regions.scan(source)
    assert list(markup.tests) == list(tests)
    for test, region in markup.regions:
        # An END marker may trail the function's last statement; its BEGIN may not.
        assert region.begin in tests[test], (test, region)


@pytest.mark.parametrize(
    "topic", [t for t in TOPICS if (t / quiz.QUESTIONS_FILE).is_file()], ids=lambda p: p.name
)
def test_every_claim_of_a_quizzed_topic_has_a_question(topic: Path):
    claims = {t.claim.id for lab in lab_tree.lab_tree([topic], ROOT) for t in lab.tests}
    asked = {q.claim for q in quiz.load_questions(LABS) if q.topic == topic.name}
    assert not claims - asked, f"claims with no question in {topic.name}/questions.toml"
    assert not asked - claims, f"questions about claims no lab in {topic.name} proves"


# One blanked run of every lab, shared by all these tests, which run last (conftest.py).
@pytest.mark.timeout(900)
@pytest.mark.parametrize("nodeid", REGION_TESTS)
def test_a_student_who_wrote_nothing_fails(nodeid: str, blank_results):
    result = blank_results[nodeid]
    assert result.ok, f"{nodeid} {result.outcome} with its solution blanked: {result.detail}"
