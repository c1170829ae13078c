"""Every mistake a user can make with awslab is one line that says what to do, never a
traceback; and a topic named by a path from anywhere is found in its own project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.cli import main

QUOTE = "by default 30 seconds, then after that, it becomes visible again"

LAB = f"""\
import pytest


@pytest.mark.claim("demo.add", quote={QUOTE!r})
def test_add():
    # HINT: two plus three
    # BEGIN SOLUTION
    total = 2 + 3
    # END SOLUTION
    assert total == 5
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A course project (notes, pyproject, harness, one topic), not the current folder."""
    root = tmp_path / "course"
    (root / "notes").mkdir(parents=True)
    (root / "notes/aws-dev-associate.md").write_text(f"#### demo\n- {QUOTE}\n")
    (root / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\nawslab_notes = "notes/aws-dev-associate.md"\n'
    )
    (root / "harness").mkdir()
    topic = root / "labs/demo"
    topic.mkdir(parents=True)
    (topic / "README.md").write_text("# Demo\n")
    (topic / "test_add.py").write_text(LAB)
    return root


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def one_line_error(capsys, command: str) -> str:
    err = capsys.readouterr().err
    assert err.startswith(f"awslab {command}: ") and err.count("\n") == 1, err
    return err.strip()


def test_a_topic_from_another_folder_is_handed_out_from_its_own_project(
    project: Path, elsewhere: Path
):
    assert main(["handout", str(project / "labs/demo"), "--out", "stud"]) == 0
    student = (elsewhere / "stud/labs/demo/test_add.py").read_text()
    assert "# TODO: two plus three" in student
    assert QUOTE in (elsewhere / "stud/notes/aws-dev-associate.md").read_text()
    assert "pytest labs/demo" in (elsewhere / "stud/README.md").read_text()


def test_a_topic_from_another_folder_is_checked_and_listed(project: Path, elsewhere, capsys):
    assert main(["check", str(project / "labs/demo")]) == 0
    assert main(["list", str(project / "labs/demo"), "--json"]) == 0
    assert "all labs check out" in capsys.readouterr().out
    assert main(["hint", str(project / "labs/demo")]) == 0
    assert "hint: two plus three" in capsys.readouterr().out


def test_a_class_is_graded_from_another_folder(project: Path, elsewhere, capsys):
    submission = elsewhere / "alice/labs/demo"
    submission.mkdir(parents=True)
    (submission / "test_add.py").write_text(LAB)
    assert main(["grade", "alice", "--against", str(project / "labs/demo"), "--json"]) == 0
    (grade,) = json.loads(capsys.readouterr().out)
    assert (grade["score"], grade["total"]) == (1, 1)


@pytest.mark.parametrize("command", [["handout", "--out", "stud"], ["list"], ["hint"]])
def test_an_unclosed_region_is_one_line_naming_file_and_line(project, elsewhere, capsys, command):
    (project / "labs/demo/test_add.py").write_text(LAB.replace("    # END SOLUTION\n", ""))
    name, *options = command
    assert main([name, str(project / "labs/demo"), *options]) == 2
    assert one_line_error(capsys, name) == (
        f"awslab {name}: labs/demo/test_add.py:7: # BEGIN SOLUTION is never closed: "
        "add # END SOLUTION where the solution ends"
    )
    assert not (elsewhere / "stud").exists(), "nothing half-written"


def test_a_lab_that_does_not_import_is_one_line(project, elsewhere, capsys):
    (project / "labs/demo/test_add.py").write_text("import no_such_module\n" + LAB)
    assert main(["list", str(project / "labs/demo")]) == 2
    error = one_line_error(capsys, "list")
    assert "labs/demo/test_add.py does not import (ModuleNotFoundError" in error
    (project / "labs/demo/test_add.py").write_text("raise RuntimeError('two\\nlines')\n" + LAB)
    assert main(["list", str(project / "labs/demo")]) == 2
    assert "(RuntimeError: two lines)" in one_line_error(capsys, "list")
    (project / "labs/demo/test_add.py").write_text(LAB.replace("total = 2 + 3", "total = (2"))
    assert main(["hint", str(project / "labs/demo")]) == 2
    assert one_line_error(capsys, "hint").startswith("awslab hint: labs/demo/test_add.py:8: ")


def test_outside_any_project_says_where_to_run(elsewhere, capsys):
    for command in (["progress"], ["list"], ["check"], ["hint", "sqs"]):
        assert main(command) == 2
        assert "is not inside a lab project" in one_line_error(capsys, command[0])


def test_topics_of_two_projects_at_once_are_refused(project: Path, tmp_path, elsewhere, capsys):
    other = tmp_path / "other"
    (other / "labs").mkdir(parents=True)
    (other / "pyproject.toml").write_text("")
    assert main(["list", str(project / "labs/demo"), str(other / "labs")]) == 2
    assert "come from different projects" in one_line_error(capsys, "list")


def test_a_region_that_breaks_the_grammar_is_listed_by_check_without_running(project, capsys):
    (project / "labs/demo/test_add.py").write_text(LAB.replace("    # HINT: two plus three\n", ""))
    assert main(["check", str(project / "labs/demo")]) == 1
    out = capsys.readouterr().out
    assert "labs/demo/test_add.py:6: a solution region without a hint" in out
    assert "the labs were not run: fix their solution markup (above) first" in out


def test_reset_of_a_file_that_was_not_handed_out_is_one_line(project, elsewhere, capsys):
    assert main(["reset", str(project / "labs/demo/test_add.py"), "--yes"]) == 2
    assert "reset works on a file of a student folder" in one_line_error(capsys, "reset")
