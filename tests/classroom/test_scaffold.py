"""``awslab new``: a topic from the template, collected at once, failing until it is written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from harness import quiz
from harness.classroom import check, docs, scaffold
from harness.cli import main
from harness.model.regions import blank_version

QUOTE = "by default 30 seconds, then after that, it becomes visible again"  # in tests/conftest.py


@pytest.fixture
def project(lab: pytest.Pytester) -> pytest.Pytester:
    """A lab project with an empty labs/ folder (pytester works in its own folder)."""
    (lab.path / "labs").mkdir()
    return lab


def test_a_new_topic_has_every_file_of_the_template(project: pytest.Pytester, capsys):
    assert main(["new", "orders"]) == 0
    folder = project.path / "labs" / "orders"
    made = sorted(p.name for p in folder.iterdir() if p.name != "__pycache__")  # Python's cache
    assert made == sorted(scaffold.FILES.values())
    out = capsys.readouterr().out
    assert "next: in labs/orders/test_first_scenario.py, quote a bullet of the notes" in out
    readme = (folder / "README.md").read_text()
    for heading in ("## Run it", "## What each module exercises", "## Further reading"):
        assert heading in readme
    assert not docs.update(folder, write=False), "its generated lists are written already"
    assert "None: no claim here corrects the notes." in readme
    (question,) = quiz.load_questions(project.path / "labs")
    assert question.claim == "orders.first-claim", "the question belongs to the first claim"


def test_the_first_scenario_fails_until_its_quote_and_solution_are_written(
    project: pytest.Pytester,
):
    main(["new", "orders"])
    lab = project.path / "labs" / "orders" / scaffold.FIRST_LAB
    result = project.runpytest("labs", "-p", "no:randomly")
    result.assert_outcomes(errors=1)  # collected, and stopped at setup by its placeholder quote
    result.stdout.fnmatch_lines(
        ["*the quote of claim 'orders.first-claim' is not in aws-dev-associate.md*"]
    )

    source = lab.read_text()
    lab.write_text(source.replace("TODO: copy the bullet's words from the notes", QUOTE))
    project.runpytest("labs", "-p", "no:randomly").assert_outcomes(failed=1)  # the assertion

    written = lab.read_text().replace("observed = None", 'observed = "30"')
    lab.write_text(written.replace('"TODO: what AWS answers, as the notes\' bullet says"', '"30"'))
    project.runpytest("labs", "-p", "no:randomly").assert_outcomes(passed=1)

    lab.write_text(blank_version(lab.read_text(), str(lab)))  # a student who wrote nothing
    project.runpytest("labs", "-p", "no:randomly").assert_outcomes(failed=1)


def test_awslab_check_flags_the_placeholder_quote(project: pytest.Pytester):
    main(["new", "orders"])
    problems, _ = check.lab_problems([Path("labs/orders")], project.path)
    (problem,) = problems
    assert problem.startswith("labs/orders/test_first_scenario.py::test_first_scenario: ")
    assert "is not in aws-dev-associate.md" in problem
    assert "TODO: copy the bullet's words from the notes" in problem


def test_the_scaffold_passes_the_linters(project: pytest.Pytester):
    main(["new", "orders"])
    ruff = Path(sys.executable).with_name("ruff")
    folder = str(project.path / "labs" / "orders")
    for command in (["check", "--no-cache", folder], ["format", "--check", "--no-cache", folder]):
        done = subprocess.run([ruff, *command], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("name", ["Orders", "order-events", "9lives", "_private", "a b"])
def test_a_bad_name_is_refused_in_one_line(project: pytest.Pytester, capsys, name: str):
    assert main(["new", name]) == 2
    assert f"awslab new: {name!r} is not a topic name: lowercase letters and digits" in (
        capsys.readouterr().err
    )
    assert not any((project.path / "labs").iterdir())


def test_an_existing_topic_or_a_missing_labs_folder_is_refused(project: pytest.Pytester, capsys):
    (project.path / "labs" / "sqs").mkdir()
    (project.path / "labs" / "sqs" / "README.md").write_text("mine")
    assert main(["new", "sqs"]) == 2
    assert "labs/sqs exists already: choose another name" in capsys.readouterr().err
    assert (project.path / "labs" / "sqs" / "README.md").read_text() == "mine"
    assert main(["new", "orders", "--labs", "nowhere"]) == 2
    assert "nowhere is not a folder: run awslab new in the project's root" in (
        capsys.readouterr().err
    )
