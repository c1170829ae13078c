"""Grading untrusted code: what a student's region may try, and what it gets.

A small lab of six graded tests is handed out untouched (worth 0) but for one
or more regions that attack the grader. Each attack must earn no point it did
not work for, write nothing outside its workspace, read none of the
instructor's solutions, and leave the grader standing.

Twice over: as the grader ships (the solution rules refuse every attack before
it runs), and with the rules switched off, to show the layers behind them (the
sandbox and one sealed process per test) hold on their own.
"""

from __future__ import annotations

import os
import signal
import zlib
from pathlib import Path

import pytest

from harness.classroom import grade as grading
from harness.classroom import sandbox, solution_rules
from harness.model import regions

QUOTE = "by default 30 seconds, then after that, it becomes visible again"
SECRET = "the-instructors-answer-17"
TESTS = ("test_one", "test_two", "test_three", "test_four", "test_five", "test_six")
LAB = '''\
"""Demo lab: six values to find, and one emulator call."""

import pytest


@pytest.fixture
def queue_url(aws):
    return aws.sqs.create_queue(QueueName="q")["QueueUrl"]

''' + "".join(
    f'''
@pytest.mark.claim("demo.{name.replace("_", "-")}", quote={QUOTE!r})
def {name}(aws, queue_url):
    # HINT: the answer
    # BEGIN SOLUTION
    answer = "{SECRET}"
    # END SOLUTION
    aws.sqs.send_message(QueueUrl=queue_url, MessageBody=answer)
    (message,) = aws.sqs.receive_message(QueueUrl=queue_url)["Messages"]
    assert message["Body"] == "{SECRET}"

'''
    for name in TESTS
)

#: Forged outcome lines for every test, as a region would write them to any descriptor.
FORGED = "".join(
    f'{{"nodeid": "labs/demo/test_lab.py::{name}", "outcome": "passed", "detail": ""}}\\n'
    for name in TESTS
)

ATTACKS = {
    # The three tried on the grader before it was sealed.
    "atexit": "import atexit, os\n"
    "atexit.register(lambda: [os.write(fd, FORGED) for fd in range(3, 40) if _ok(fd)])\n"
    "def _ok(fd):\n    try:\n        os.fstat(fd)\n        return True\n"
    "    except OSError:\n        return False",
    "runner": "import _pytest.runner\n"
    "real = _pytest.runner.call_and_report\n"
    "def forged(item, when, log=True, **kw):\n"
    "    report = real(item, when, log, **kw)\n"
    "    report.outcome = 'passed'\n"
    "    return report\n"
    "_pytest.runner.call_and_report = forged",
    "outside": "import pathlib\n"
    "pathlib.Path(OUTSIDE).write_text('written by a student')\n"
    "answer = pathlib.Path(SOLUTIONS).read_text()",
    # The others of the threat model.
    "descriptors": "import os\n"
    "for fd in range(3, 40):\n    try:\n        os.write(fd, FORGED)\n    except OSError:\n"
    "        pass\n"
    "for fd in range(3, 40):\n    try:\n"
    "        os.write(os.open(f'/proc/{os.getppid()}/fd/{fd}', os.O_WRONLY), FORGED)\n"
    "    except OSError:\n        pass",
    "hooks": "answer = 'wrong'\n"
    "aws.sqs.meta.events.register(\n"
    "    'after-call.sqs.ReceiveMessage',\n"
    "    lambda parsed, **kw: parsed.update(Messages=[{'Body': '" + SECRET + "'}]),\n"
    ")",
    "outlives": "import subprocess, threading, os\n"
    "subprocess.Popen(['sleep', 'SLEEP'], start_new_session=True)\n"
    "threading.Thread(target=lambda: [os.write(fd, FORGED) for fd in range(3, 40)]).start()",
    "exit": "import os\nos._exit(0)",
    "system_exit": "raise SystemExit(0)",
    "interrupt": "raise KeyboardInterrupt",
    "kill_runner": "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)",
    "network": "import urllib.request\nurllib.request.urlopen('http://93.184.216.34', timeout=2)",
    "memory": "hog = bytearray(64 * 1024**3)",
    "builtins": "import builtins\nbuiltins.AssertionError = type('Quiet', (Exception,), {})",
}

#: Attacks in plain Python, which the rules let through: the sealed process and its
#: limits stop them (a memory hog, an exit that pytest turns into a failure).
PLAIN_PYTHON = {ATTACKS[name] for name in ("memory", "system_exit", "interrupt")}


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """The instructor's project, and a folder beside it that no submission may touch."""
    root = tmp_path / "instructor"
    (root / "notes").mkdir(parents=True)
    (root / "notes" / "aws-dev-associate.md").write_text(f"#### demo\n- {QUOTE}\n")
    (root / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\nawslab_notes = "notes/aws-dev-associate.md"\n'
    )
    (root / "labs" / "demo").mkdir(parents=True)
    (root / "labs" / "demo" / "README.md").write_text("# Demo\n")
    (root / "labs" / "demo" / "test_lab.py").write_text(LAB)
    (tmp_path / "outside").mkdir()
    return root


def submit(course: Path, name: str, attacks: dict[str, str]) -> Path:
    """An untouched handout of the lab with ``attacks`` (test -> region code) in it."""
    stub = regions.student_version(LAB, "test_lab.py")
    outside = course.parent / "outside" / f"{name}.txt"
    solutions = course / "labs" / "demo" / "test_lab.py"
    lines = stub.splitlines()
    for test, code in attacks.items():
        code = (
            code.replace("FORGED", repr(FORGED.encode()))
            .replace("OUTSIDE", repr(str(outside)))
            .replace("SOLUTIONS", repr(str(solutions)))
            .replace("SLEEP", sleep_seconds(course))
        )
        start = lines.index(f"def {test}(aws, queue_url):")
        begin = next(i for i in range(start, len(lines)) if "# BEGIN SOLUTION" in lines[i])
        end = next(i for i in range(begin, len(lines)) if "# END SOLUTION" in lines[i])
        lines[begin + 1 : end] = ["    " + line for line in code.splitlines()]
    folder = course.parent / "class" / name / "labs" / "demo"
    folder.mkdir(parents=True)
    (folder / "test_lab.py").write_text("\n".join(lines) + "\n")
    return folder.parent.parent


def graded(course: Path, submission: Path) -> grading.Grade:
    return grading.grade(submission, [course / "labs" / "demo"], course, timeout=5)


def nothing_escaped(course: Path, result: grading.Grade) -> None:
    assert list((course.parent / "outside").iterdir()) == [], "a file outside the workspace"
    assert (course / "labs" / "demo" / "test_lab.py").read_text() == LAB
    assert all(SECRET not in (t.reason or "") for t in result.tests), "a solution leaked"
    assert not _processes_named(f"sleep {sleep_seconds(course)}"), "a process outlived grading"


def sleep_seconds(course: Path) -> str:
    """The outliving process's argument, this test's own: tests run side by side."""
    return str(4000 + zlib.crc32(str(course).encode()) % 100_000)


def _processes_named(command: str) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        try:
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        if entry.isdigit() and cmdline.decode(errors="replace").strip() == command:
            found.append(int(entry))
            os.kill(int(entry), signal.SIGKILL)  # do not leave it to the next test either
    return found


# One grading run of a submission with six attacks in it: 6 sealed tests, a few seconds.
@pytest.mark.timeout(300)
def test_the_rules_refuse_every_attack_before_it_runs(course: Path):
    names = list(ATTACKS)
    for batch in (names[:6], names[6:12], names[12:]):
        attacks = dict(zip(TESTS, (ATTACKS[n] for n in batch), strict=False))
        result = graded(course, submit(course, "-".join(batch), attacks))
        assert result.score == 0, result.tests
        for test in result.tests:
            attack = attacks.get(test.test.split("::")[1])
            if attack in PLAIN_PYTHON:  # nothing to refuse: the sealed process stops it
                assert test.reason, test
            elif attack:
                assert (test.reason or "").startswith("not allowed in a solution:"), test
        nothing_escaped(course, result)


needs_bubblewrap = pytest.mark.skipif(
    sandbox.isolation().bwrap is None, reason="needs bubblewrap (apt-get install bubblewrap)"
)


@pytest.fixture
def rules_off(monkeypatch):
    """The grader with its first defence switched off: what the others hold on their own."""
    monkeypatch.setattr(solution_rules.Rules, "problem", lambda self, body: None)


# Five attacks per submission, one per test, the sixth test solved: each attack must
# fail alone and leave its neighbours' outcomes as they are.
@needs_bubblewrap
@pytest.mark.timeout(600)
@pytest.mark.parametrize(
    "batch",
    [("atexit", "outside", "descriptors", "outlives", "exit"),
     ("system_exit", "interrupt", "network", "memory", "builtins")],
    ids=["files-and-processes", "exits-and-limits"],
)  # fmt: skip
def test_behind_the_rules_an_attack_earns_nothing_and_touches_nothing(
    course: Path, rules_off, batch: tuple[str, ...]
):
    attacks = {test: ATTACKS[name] for test, name in zip(TESTS, batch, strict=False)}
    attacks["test_six"] = f'answer = "{SECRET}"'
    result = graded(course, submit(course, "-".join(batch), attacks))
    points = {t.test.split("::")[1]: t.points for t in result.tests}
    assert points == {**dict.fromkeys(TESTS[:5], 0), "test_six": 1}, result.tests
    nothing_escaped(course, result)


@needs_bubblewrap
@pytest.mark.timeout(300)
def test_behind_the_rules_a_poisoned_client_stays_in_its_own_test(course: Path, rules_off):
    """The hook on the first test's client would answer every later receive with the
    right body; the later tests' clients are their own, so they still fail."""
    result = graded(course, submit(course, "hooks", {"test_one": ATTACKS["hooks"]}))
    later = {t.test.split("::")[1]: t.points for t in result.tests}
    assert later["test_one"] == 1, "its own test: the checks ran against its own client"
    assert sum(later.values()) == 1, result.tests


@needs_bubblewrap
@pytest.mark.timeout(300)
def test_behind_the_rules_a_patched_runner_reaches_only_its_own_test(course: Path, rules_off):
    """What the rules are for: code that patches pytest in its own process can forge
    that one test's outcome (it runs beside that test's checks), and no other."""
    result = graded(course, submit(course, "runner", {"test_one": ATTACKS["runner"]}))
    assert result.score <= 1 <= result.total
    assert [t.points for t in result.tests if not t.test.endswith("test_one")] == [0] * 5


@needs_bubblewrap
@pytest.mark.timeout(300)
def test_a_submission_that_kills_the_runner_loses_only_the_tests_not_yet_run(
    course: Path, rules_off
):
    solved = {t: f'answer = "{SECRET}"' for t in TESTS}
    solved["test_three"] = ATTACKS["kill_runner"]
    result = graded(course, submit(course, "kill-runner", solved))
    points = {t.test.split("::")[1]: (t.points, t.reason) for t in result.tests}
    assert points["test_one"] == points["test_two"] == (1, None)
    assert points["test_three"][0] == 0
    for later in TESTS[3:]:
        assert points[later] == (0, "the grading run ended before this test")
    nothing_escaped(course, result)


@pytest.mark.timeout(300)
def test_the_instructors_solutions_score_full_marks_sealed(course: Path):
    solved = {t: f'answer = "{SECRET}"' for t in TESTS}
    result = graded(course, submit(course, "perfect", solved))
    assert (result.score, result.total) == (6, 6), result.tests


def test_a_run_that_cannot_start_still_gives_every_test_a_row_and_a_reason(course: Path):
    broken_sandbox = sandbox.Isolation(bwrap="/bin/false", as_nobody=False)
    submission = submit(course, "any", {})
    result = grading.grade(submission, [course / "labs" / "demo"], course, 5, broken_sandbox)
    assert [t.points for t in result.tests] == [0] * len(TESTS)
    assert {t.reason for t in result.tests} == {"the grading run did not start: no output"}
