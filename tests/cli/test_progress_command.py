"""awslab progress, list and hint after runs on two backends: the best of them, told truly.

As after ``make test``: a moto run, then a LocalStack run that skips DynamoDB.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.cli import main
from harness.report.last_run import LAST_RUN, LastRun

TOPICS = {"dynamodb": 4, "ec2": 3, "sqs": 2, "kms": 1}  # topic -> tests, one claim each


def lab(topic: str, count: int) -> str:
    tests = [
        f'@pytest.mark.claim("{topic}.claim-{n}", quote="q")\n'
        f"def test_{n}():\n"
        f"    # HINT: hint {n} of {topic}\n"
        "    # BEGIN SOLUTION\n"
        "    pass\n"
        "    # END SOLUTION\n"
        for n in range(count)
    ]
    return "import pytest\n\n\n" + "\n\n".join(tests)


def outcomes(moto: dict[str, list[str]], localstack: dict[str, list[str]]) -> LastRun:
    """A last-run store from per-topic test outcomes (claim verdicts follow the tests)."""
    verdict = {"passed": "verified", "gap": "gap", "failed": "failed", "skipped": "skipped"}
    run = LastRun()
    for backend, per_topic in (("moto", moto), ("localstack", localstack)):
        tests, claims = {}, {}
        for topic, results in per_topic.items():
            for n, result in enumerate(results):
                tests[f"labs/{topic}/test_{topic}.py::test_{n}"] = result
                claims[f"{topic}.claim-{n}"] = verdict[result]
        run.merge(backend, tests, claims)
    return run


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    (tmp_path / "pyproject.toml").write_text("")
    for topic, count in TOPICS.items():
        (tmp_path / "labs" / topic).mkdir(parents=True)
        (tmp_path / "labs" / topic / f"test_{topic}.py").write_text(lab(topic, count))
    run = outcomes(
        moto={
            "dynamodb": ["passed", "passed", "gap", "passed"],
            "ec2": ["gap", "passed", "gap"],
            "sqs": ["passed", "failed"],
        },
        localstack={
            "dynamodb": ["skipped"] * 4,  # DynamoDB is not run on this LocalStack
            "ec2": ["skipped", "passed", "skipped"],
            "sqs": ["passed"],  # its second test was not run there
        },
    )
    (tmp_path / LAST_RUN).parent.mkdir(parents=True)
    (tmp_path / LAST_RUN).write_text(json.dumps(run.to_json()))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_progress_counts_the_best_verdict_across_backends(project: Path, capsys):
    assert main(["progress", "--json"]) == 0
    rows = {row.pop("topic"): row for row in json.loads(capsys.readouterr().out)}
    assert rows == {
        "dynamodb": {"claims": 4, "proven": 3, "gaps": 1, "failed": 0, "not_run": 0,
                     "next": None, "done": True},
        "ec2": {"claims": 3, "proven": 1, "gaps": 2, "failed": 0, "not_run": 0,
                "next": None, "done": True},
        "sqs": {"claims": 2, "proven": 1, "gaps": 0, "failed": 1, "not_run": 0,
                "next": "labs/sqs/test_sqs.py", "done": False},
        "kms": {"claims": 1, "proven": 0, "gaps": 0, "failed": 0, "not_run": 1,
                "next": "labs/kms/test_kms.py", "done": False},
    }  # fmt: skip


def test_progress_says_all_done_only_beside_a_topic_with_nothing_left(project: Path, capsys):
    assert main(["progress"]) == 0
    table = [line.strip("│").split("│") for line in capsys.readouterr().out.splitlines()]
    rows = {cells[0].strip(): [c.strip() for c in cells[1:]] for cells in table if len(cells) == 3}
    assert rows["dynamodb"] == ["3/4 proven, 1 emulator gap", "all done"]
    assert rows["ec2"] == ["1/3 proven, 2 emulator gaps", "all done"]
    assert rows["sqs"] == ["1/2 proven, 1 failed", "labs/sqs/test_sqs.py"]
    assert rows["kms"] == ["0/1 proven, 1 not run", "labs/kms/test_kms.py"]


def test_list_shows_each_tests_best_outcome(project: Path, capsys):
    assert main(["list", "dynamodb", "ec2", "sqs", "--json"]) == 0
    last = {row["test"].split("/")[1] + row["test"][-2:]: row["last"]
            for row in json.loads(capsys.readouterr().out)}  # fmt: skip
    assert last == {
        "dynamodb_0": "passed", "dynamodb_1": "passed", "dynamodb_2": "gap",
        "dynamodb_3": "passed", "ec2_0": "gap", "ec2_1": "passed", "ec2_2": "gap",
        "sqs_0": "passed", "sqs_1": "failed",
    }  # fmt: skip


def test_the_next_hint_skips_what_is_proven_or_a_gap(project: Path, capsys):
    assert main(["hint", "sqs"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("labs/sqs/test_sqs.py::test_1 (claim sqs.claim-1, last run: failed)")
    assert "hint: hint 1 of sqs" in out
    assert main(["hint", "ec2"]) == 0
    assert "is proven or a known gap" in capsys.readouterr().out
