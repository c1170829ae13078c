"""The Gradescope bundle: its run_autograder, in a temporary root, on three submissions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from harness.cli import main
from harness.model import regions

QUOTE = "by default 30 seconds, then after that, it becomes visible again"
LAB = f"""\
import pytest


@pytest.mark.claim("demo.queue", quote={QUOTE!r})
def test_queue(aws):
    # HINT: create a queue named q
    # BEGIN SOLUTION
    aws.sqs.create_queue(QueueName="q")
    # END SOLUTION
    assert len(aws.sqs.list_queues()["QueueUrls"]) == 1


@pytest.mark.claim("demo.word", quote={QUOTE!r})
def test_word():
    # HINT: the word
    # BEGIN SOLUTION
    word = "sqs"
    # END SOLUTION
    assert word.upper() == "SQS"
"""


@pytest.fixture
def autograder(tmp_path: Path, monkeypatch) -> Path:
    """The bundle of a one-topic course, laid out as Gradescope lays it out."""
    project = tmp_path / "course"
    (project / "notes").mkdir(parents=True)
    (project / "notes" / "aws-dev-associate.md").write_text(f"#### demo\n- {QUOTE}\n")
    (project / "labs" / "demo").mkdir(parents=True)
    (project / "labs" / "demo" / "README.md").write_text("# Demo\n")
    (project / "labs" / "demo" / "test_demo.py").write_text(LAB)
    repository = Path(__file__).resolve().parents[2]
    (project / "pyproject.toml").write_text((repository / "pyproject.toml").read_text())
    os.symlink(repository / "harness", project / "harness")
    monkeypatch.chdir(project)
    assert main(["handout", "labs/demo", "--gradescope", str(tmp_path / "autograder.zip")]) == 0
    root = tmp_path / "autograder"
    with zipfile.ZipFile(tmp_path / "autograder.zip") as archive:
        names = archive.namelist()
        assert {"setup.sh", "run_autograder", "requirements.txt", "topics.json"} <= set(names)
        assert archive.getinfo("run_autograder").external_attr >> 16 & 0o111, "executable"
        archive.extractall(root / "source")  # Gradescope unpacks it into source/
    assert "moto==" in (root / "source" / "requirements.txt").read_text()
    assert "ruff==" not in (root / "source" / "requirements.txt").read_text()
    return root


def run_autograder(root: Path, submission: dict[str, str]) -> dict:
    folder = root / "submission"
    folder.mkdir(parents=True)
    for name, text in submission.items():
        (folder / name).write_text(text)
    environment = {**os.environ, "AUTOGRADER_ROOT": str(root), "AWSLAB_PYTHON": sys.executable}
    subprocess.run(
        ["bash", str(root / "source" / "run_autograder")],
        env=environment, check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    return json.loads((root / "results" / "results.json").read_text())


def assert_gradescope_format(results: dict) -> None:
    """Gradescope's documented fields: a total, and per test a name, score and max_score."""
    assert isinstance(results["score"], int | float)
    for test in results["tests"]:
        assert isinstance(test["name"], str) and test["name"]
        assert isinstance(test["score"], int | float)
        assert isinstance(test["max_score"], int | float)
        assert isinstance(test["output"], str)
        assert test["visibility"] in ("hidden", "after_due_date", "after_published", "visible")
    assert results["score"] == sum(t["score"] for t in results["tests"])


@pytest.mark.timeout(600)
@pytest.mark.parametrize(
    ("case", "expected"), [("untouched", 0), ("solutions", 2), ("broken", 1)]
)  # fmt: skip
def test_the_bundle_grades_a_submission_into_results_json(autograder: Path, case, expected):
    untouched = regions.student_version(LAB, "test_demo.py")
    files = {
        "untouched": {"test_demo.py": untouched},  # uploaded as a single file, not a folder
        "solutions": {"test_demo.py": LAB},
        "broken": {"test_demo.py": LAB.replace('word = "sqs"', "import os")},
    }[case]
    results = run_autograder(autograder, files)
    assert_gradescope_format(results)
    assert results["score"] == expected, results
    assert len(results["tests"]) == 2
    if case == "broken":
        (word,) = [t for t in results["tests"] if t["name"].endswith("test_word")]
        assert word["output"] == "not allowed in a solution: import os"
