"""Progress per topic from the best verdicts across backends, and the next lab to do."""

from __future__ import annotations

from harness.classroom.progress import describe, next_exercise, progress
from harness.model.claims import Claim
from harness.model.lab_tree import LabTest
from harness.model.regions import Region
from harness.report.last_run import LastRun

REGION = (Region(3, 5, "    ", ("write it",)),)
MODULE = "labs/sqs/test_queue.py"


def exercise(test: str, claim: str, regions=REGION) -> LabTest:
    return LabTest(MODULE, test, 1, Claim(claim, "q"), regions)


def test_a_claim_whose_tests_passed_on_different_backends_is_still_not_done():
    # Each test passed somewhere, but no backend proved the claim as a whole.
    labs = [exercise("test_a", "sqs.one"), exercise("test_b", "sqs.one")]
    run = LastRun()
    run.merge("moto", {f"{MODULE}::test_a": "passed", f"{MODULE}::test_b": "failed"},
              {"sqs.one": "failed"})  # fmt: skip
    run.merge("localstack", {f"{MODULE}::test_a": "skipped", f"{MODULE}::test_b": "passed"},
              {"sqs.one": "skipped"})  # fmt: skip
    (row,) = progress(labs, run)
    assert (row.done, row.failed, row.next) == (False, 1, MODULE)
    assert describe(row) == "0/1 proven, 1 failed"


def test_the_next_exercise_is_the_first_with_something_to_write():
    labs = [
        exercise("test_demo", "sqs.demo", regions=()),
        exercise("test_proven", "sqs.proven"),
        exercise("test_gap", "sqs.gap"),
        exercise("test_todo", "sqs.todo"),
    ]
    run = LastRun()
    run.merge("moto", {f"{MODULE}::test_proven": "passed", f"{MODULE}::test_gap": "gap"},
              {"sqs.proven": "verified", "sqs.gap": "gap"})  # fmt: skip
    assert next_exercise(labs, run).name == "test_todo"
    (row,) = progress(labs, run)
    assert describe(row) == "1/4 proven, 1 emulator gap, 2 not run"
    assert row.next == MODULE and not row.done
