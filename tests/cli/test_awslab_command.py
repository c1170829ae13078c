"""awslab handout, grade and check, on a small demo topic.

One instructor topic, handed out, then graded as a class: a perfect
submission, an untouched one, and two that break in every way a
submission can (each test broken differently, so one run covers many cases).
"""

from __future__ import annotations

import csv
import json
import textwrap

import pytest

from harness.classroom import blank_check
from harness.cli import main

QUOTE = "by default 30 seconds, then after that, it becomes visible again"

BASICS = f'''\
"""Demo lab: arithmetic and one emulator call."""

import pytest

QUOTE = {QUOTE!r}


@pytest.mark.claim("demo.add", quote=QUOTE)
def test_add():
    # HINT: two plus three
    # BEGIN SOLUTION
    total = 2 + 3
    # END SOLUTION
    assert total == 5


@pytest.mark.claim("demo.items", quote=QUOTE)
def test_items():
    # HINT: the items
    # BEGIN SOLUTION
    items = [1, 2]
    # END SOLUTION
    assert sum(items) == 3


@pytest.mark.claim("demo.queue", quote=QUOTE)
def test_queue(aws):
    # HINT: create a queue named q
    # BEGIN SOLUTION
    aws.sqs.create_queue(QueueName="q")
    # END SOLUTION
    assert len(aws.sqs.list_queues()["QueueUrls"]) == 1


@pytest.mark.claim("demo.word", quote=QUOTE)
def test_word():
    # HINT: the word
    # BEGIN SOLUTION
    word = "sqs"
    # END SOLUTION
    assert word.upper() == "SQS"


@pytest.mark.claim("demo.free", quote=QUOTE)
def test_without_a_region():
    assert True
'''

MORE = f'''\
"""Demo lab: a second module."""

import pytest


@pytest.mark.claim("demo.double", quote={QUOTE!r})
def test_double():
    # HINT: double 21
    # BEGIN SOLUTION
    doubled = 2 * 21
    # END SOLUTION
    assert doubled == 42
'''

# Region bodies a class of students might write, keyed by the test they break.
BROKEN_ONE = {
    "total = 2 + 3": "total = (2 +",  # syntax error
    "items = [1, 2]": "while True:\n        pass",  # infinite loop
    'aws.sqs.create_queue(QueueName="q")': "import urllib.request\n"
    '    urllib.request.urlopen("http://example.com", timeout=1)',  # the network: refused
    'word = "sqs"': "return",  # skipping the checks
}
BROKEN_TWO = {
    "total = 2 + 3": "total = 4",  # wrong, and ...
    "assert total == 5": "assert total == 4",  # ... the check edited to match: ignored
    "items = [1, 2]": "items = [1, 2]\n    raise RuntimeError('boom')",  # an exception
    "    # BEGIN SOLUTION\n    word": "    word",  # a region's markers deleted
    'aws.sqs.create_queue(QueueName="q")\n    # END SOLUTION': 'aws.sqs.create_queue(QueueName="q")'
    # a region duplicated
    "\n    # END SOLUTION\n    # BEGIN SOLUTION\n    pass\n    # END SOLUTION",
}


@pytest.fixture
def course(pytester: pytest.Pytester):
    """An instructor's tree (one topic, notes) and a class of four submissions."""

    pytester.makefile(".md", **{"notes/aws-dev-associate": f"#### demo\n- {QUOTE}\n"})
    (pytester.path / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\nawslab_notes = "notes/aws-dev-associate.md"\n'
    )
    topic = pytester.mkdir("labs").joinpath("demo")
    topic.mkdir()
    (topic / "README.md").write_text("# Demo\n")
    (topic / "test_basics.py").write_text(BASICS)
    (topic / "test_more.py").write_text(MORE)
    harness_dir = pytester.path / "harness"
    harness_dir.mkdir()  # handout copies the harness; an empty stand-in is enough here
    return pytester


def edited(text: str, edits: dict[str, str]) -> str:
    for old, new in edits.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


def submission(
    course: pytest.Pytester, name: str, edits: dict[str, str], more: dict[str, str] | None = None
):
    """A student's folder: the instructor's modules with ``edits`` (None: test_more.py missing)."""
    folder = course.path / "class" / name / "labs" / "demo"
    folder.mkdir(parents=True)
    (folder / "test_basics.py").write_text(edited(BASICS, edits))
    if more is not None:
        (folder / "test_more.py").write_text(edited(MORE, more))
    return folder.parent.parent


def test_handout_cuts_the_solutions_and_keeps_the_rest(course: pytest.Pytester):
    assert main(["handout", "labs/demo", "--out", "handout"]) == 0
    student = (course.path / "handout/labs/demo/test_basics.py").read_text()
    assert "total = 2 + 3" not in student
    assert "# TODO: two plus three" in student
    assert "raise NotImplementedError('two plus three')" in student
    assert (course.path / "handout/labs/demo/README.md").exists()
    assert QUOTE in (course.path / "handout/notes/aws-dev-associate.md").read_text()
    assert "pytest labs/demo" in (course.path / "handout/README.md").read_text()
    assert main(["handout", "labs/demo", "--out", "handout"]) == 2, "refuses a non-empty folder"
    assert main(["handout", "labs/demo", "--out", "handout", "--force"]) == 0


def test_reset_restores_a_handed_out_file(course: pytest.Pytester, monkeypatch):
    main(["handout", "labs/demo", "--out", "handout"])
    module = course.path / "handout/labs/demo/test_more.py"
    handed_out = module.read_text()
    module.write_text("my broken attempt")
    monkeypatch.chdir(course.path / "handout")
    assert main(["reset", "labs/demo/test_more.py", "--yes"]) == 0
    assert module.read_text() == handed_out


# Four grading runs, each a new pytest process with its own emulator, and one waits out
# the grader's 10 s timeout (an infinite loop): 24 s on a loaded machine today.
@pytest.mark.timeout(300)
def test_a_class_is_graded_fairly_whatever_it_hands_in(course: pytest.Pytester, capsys):
    main(["handout", "labs/demo", "--out", "class/untouched"])
    perfect = submission(course, "perfect", {}, more={})
    broken_one = submission(course, "broken-one", BROKEN_ONE, more=None)
    # Floods its output, and is right: the flood costs nothing but time.
    flood_20_mb = "doubled = 2 * 21\n    for _ in range(2_000):\n        print('x' * 10_000)"
    flood = {"doubled = 2 * 21": flood_20_mb}
    broken_two = submission(course, "broken-two", BROKEN_TWO, more=flood)
    capsys.readouterr()
    code = main(
        ["grade", str(perfect), "class/untouched", str(broken_one), str(broken_two),
         "--against", "labs/demo", "--json", "--csv", "grades.csv"]
    )  # fmt: skip
    assert code == 0
    grades = {g["submission"].split("/")[-1]: g for g in json.loads(capsys.readouterr().out)}
    scores = {name: (g["score"], g["total"]) for name, g in grades.items()}
    assert scores == {"perfect": (5, 5), "untouched": (0, 5), "broken-one": (0, 5),
                      "broken-two": (1, 5)}  # fmt: skip

    def reasons(name: str) -> dict[str, str]:
        return {t["test"].split("::")[1]: t["reason"] for t in grades[name]["tests"]}

    one = reasons("broken-one")
    assert one["test_add"].startswith("syntax error in the solution")
    assert one["test_items"].startswith("timed out")
    assert one["test_queue"] == "not allowed in a solution: import urllib.request"
    assert one["test_word"] == "the solution returns from the test, which would skip its checks"
    assert one["test_double"] == "labs/demo/test_more.py is missing from the submission"
    two = reasons("broken-two")
    assert "assert 4 == 5" in two["test_add"], "the edited check did not count"
    assert "boom" in two["test_items"]
    assert two["test_word"].endswith("has no BEGIN SOLUTION")
    assert two["test_queue"] == "it has 2 solution regions where the lab has 1"
    assert two["test_double"] is None, "20 MB of output, and still graded"
    with open(course.path / "grades.csv", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [(r["score"], r["total"]) for r in rows] == [
        ("5", "5"),
        ("0", "5"),
        ("0", "5"),
        ("1", "5"),
    ]


def test_a_slow_start_of_the_run_costs_the_student_nothing(course: pytest.Pytester, capsys):
    """The per-test timeout is for the student's code. The run's start (the emulator,
    seconds on a loaded machine) happens in whichever test comes first; charged to it,
    it failed that test and, through the failed session fixture, every test after it."""
    topic = course.mkdir("labs/slow")
    (topic / "README.md").write_text("# Slow to start\n")
    (topic / "conftest.py").write_text(
        "import time\n\nimport pytest\n\n\n"
        "@pytest.fixture(scope='session', autouse=True)\n"
        "def emulator_starting_on_a_loaded_machine():\n"
        "    time.sleep(1.5)\n"
    )
    module = MORE.replace("demo.double", "slow.first").replace("test_double", "test_first")
    (topic / "test_first.py").write_text(module)
    handed_in = course.path / "class/patient/labs/slow"
    handed_in.mkdir(parents=True)
    (handed_in / "test_first.py").write_text(module)
    capsys.readouterr()
    main(["grade", str(handed_in.parent.parent), "--against", "labs/slow", "--timeout", "1",
          "--json"])  # fmt: skip
    (grade,) = json.loads(capsys.readouterr().out)
    assert grade["score"] == grade["total"] == 1, grade["tests"]


# Two checks, each a blanked and a solved pytest run in new processes: 13 s on a loaded
# machine today, so more than the 60 s a test gets by default at four times that.
@pytest.mark.timeout(300)
def test_check_finds_a_lab_that_cannot_fail(course: pytest.Pytester, capsys):
    assert main(["check", "labs/demo"]) == 0
    weak = textwrap.dedent(
        f"""\
        import pytest

        @pytest.mark.claim("demo.weak", quote={QUOTE!r})
        def test_weak():
            # HINT: nothing to do
            # BEGIN SOLUTION
            assert 1 + 1 == 2
            # END SOLUTION
        """
    )
    (course.path / "labs/demo/test_weak.py").write_text(weak)
    capsys.readouterr()
    assert main(["check", "labs/demo"]) == 1
    assert "test_weak.py::test_weak: passed with its solution blanked" in capsys.readouterr().out

    # A gap of moto's is not run blanked: its strict expected failure holds either way.
    gap = weak.replace(
        "def test_weak", '@pytest.mark.emulator_gap("moto", reason="no X")\ndef test_gap'
    )
    (course.path / "labs/demo/test_gap.py").write_text(gap.replace("demo.weak", "demo.gap"))
    results = {r.nodeid: r for r in blank_check.check([course.path / "labs/demo"], course.path)}
    assert results["labs/demo/test_gap.py::test_gap"].detail == "not run: a gap on moto (no X)"
    assert results["labs/demo/test_gap.py::test_gap"].ok
    assert not results["labs/demo/test_weak.py::test_weak"].ok


def test_a_student_sees_progress_and_the_next_hint(course: pytest.Pytester, capsys):
    assert main(["hint", "labs/demo"]) == 0
    assert "test_basics.py::test_add" in capsys.readouterr().out, "nothing run yet: the first"
    course.runpytest("labs/demo", "-p", "no:randomly", "-k", "add or items or word")
    capsys.readouterr()

    assert main(["progress", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row == {"topic": "demo", "claims": 6, "proven": 3, "gaps": 0, "failed": 0,
                   "not_run": 3, "next": "labs/demo/test_basics.py", "done": False}  # fmt: skip

    assert main(["list", "demo", "--json"]) == 0, "a topic's name is enough"
    last = {r["test"].split("::")[1]: r["last"] for r in json.loads(capsys.readouterr().out)}
    assert last == {"test_add": "passed", "test_items": "passed", "test_queue": "not run",
                    "test_word": "passed", "test_without_a_region": "not run",
                    "test_double": "not run"}  # fmt: skip

    assert main(["hint", "labs/demo"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "labs/demo/test_basics.py::test_queue (claim demo.queue, last run: not run)"
    )
    assert main(["hint", "labs/nowhere"]) == 2
    assert "name a topic (sqs) or its folder (labs/sqs)" in capsys.readouterr().err


def test_a_classroom_handout_carries_a_feedback_workflow(course: pytest.Pytester, capsys):
    import yaml

    assert main(["handout", "labs/demo", "--out", "handout", "--classroom"]) == 0
    workflow = course.path / "handout/.github/workflows/feedback.yml"
    steps = yaml.safe_load(workflow.read_text())["jobs"]["labs"]["steps"]
    (grading,) = [s["run"] for s in steps if "awslab grade" in s.get("run", "")]
    assert "--against labs/demo --markdown" in grading
    assert "grade of record" in workflow.read_text()
    assert main(["handout", "labs/demo"]) == 2, "neither --out nor --gradescope"
    assert "say where to write" in capsys.readouterr().err


def test_markdown_points_per_test_for_a_job_summary():
    from harness.classroom.grade import Grade, TestScore
    from harness.cli.instructor import markdown_table

    result = Grade(
        "me", [TestScore("labs/a.py::test_x", 1), TestScore("labs/a.py::test_y", 0, "a|b")]
    )
    table = markdown_table(result)
    assert "### me: 1/2" in table
    assert "| `labs/a.py::test_y` | 0 | a\\|b |" in table
