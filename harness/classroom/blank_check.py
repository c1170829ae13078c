"""Prove that every lab test asserts something.

A test with a solution region must fail for a student who wrote nothing.
This copies the labs with every region's body replaced by ``pass``, runs
them once on moto, and lists each region-holding test that did not fail.

Only the tests that can tell run: not a demonstration (no region), nor a test
marked as a gap of moto's, whose strict expected failure holds blanked or not.

    python -m harness.classroom.blank_check labs/sqs labs/s3 [--workers 4] [--json FILE]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from harness.classroom import workspace
from harness.errors import AwslabError
from harness.model import lab_tree, regions
from harness.model.outcomes import TestOutcome


@dataclass(frozen=True)
class BlankResult:
    nodeid: str
    # failed (good), gap (cannot tell on this backend), error (setup broke), passed, skipped
    outcome: TestOutcome
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.outcome in (TestOutcome.FAILED, TestOutcome.GAP)


BACKEND = "moto"  # where every lab runs by default


def check(
    paths: Sequence[Path],
    root: Path,
    extra_args: Sequence[str] = (),
    stop: threading.Event | None = None,
) -> list[BlankResult]:
    """Run the blanked copy of ``paths``; one result per region-holding test
    (``stop``, set from another thread, ends the run early: "did not run")."""
    expected = lab_tree.region_tests(paths, root)
    gaps = _gaps(paths, root) if expected else {}
    to_run = sorted(set(expected) - set(gaps))
    outcomes: dict[str, workspace.Outcome] = {}
    if to_run:
        with tempfile.TemporaryDirectory(prefix="awslab-blank-") as temporary:
            folder = Path(temporary)
            workspace.copy_labs(
                paths, root, folder, lambda path, text: regions.blank_version(text, str(path))
            )
            # Each outcome's detail is its error's one line (the junit file's message):
            # a failure's full report, source and all, is written for no reader (some 30 %
            # of the run's CPU, where nearly every test fails).
            outcomes = workspace.run_pytest(
                folder, to_run, ["--backend", BACKEND, "--tb=line", *extra_args], stop=stop
            )
    missing = workspace.Outcome(TestOutcome.NOT_RUN, "did not run")
    return [
        BlankResult(nodeid, TestOutcome.GAP, f"not run: a gap on {BACKEND} ({gaps[nodeid]})")
        if nodeid in gaps
        else BlankResult(nodeid, *_as_tuple(outcomes.get(nodeid.split("[", 1)[0], missing)))
        for nodeid in sorted(expected)
    ]


def _gaps(paths: Sequence[Path], root: Path) -> dict[str, str]:
    """``nodeid -> reason`` of each test marked as a gap of the blank check's backend."""
    return {
        test.nodeid: reason
        for module in lab_tree.lab_tree(paths, root)
        for test in module.tests
        for backends, reason in test.gaps
        if BACKEND in backends
    }


def _as_tuple(outcome: workspace.Outcome) -> tuple[TestOutcome, str]:
    if outcome.outcome == TestOutcome.PASSED:
        return outcome.outcome, "the test passes with its solution regions blanked"
    return outcome.outcome, outcome.detail


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m harness.classroom.blank_check")
    parser.add_argument("paths", nargs="*", type=Path, default=[Path("labs")], metavar="PATH")
    parser.add_argument("--workers", type=int, help="pytest-xdist workers for the blanked run")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results there")
    options = parser.parse_args(argv)
    extra = ["-n", str(options.workers)] if options.workers else []
    try:
        results = check(options.paths, lab_tree.common_root(options.paths), extra_args=extra)
    except AwslabError as error:
        print(f"blank check: {error}", file=sys.stderr)
        return 2
    if options.json:
        options.json.write_text(json.dumps([dataclasses.asdict(r) for r in results]))
    for result in results:
        mark = "ok " if result.ok else "BAD"
        print(f"{mark} {result.nodeid}: {result.outcome} {result.detail}".rstrip())
    bad = [r for r in results if not r.ok]
    print(f"{len(results) - len(bad)} of {len(results)} region tests fail when blanked")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
