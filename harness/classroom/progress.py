"""A student's progress: the labs there are, and what the last runs proved.

The plugin leaves each run's outcomes in pytest's cache, one entry per
backend (``harness.report.last_run``); this reads them beside the lab tree.
A claim counts as proven when any backend proved it, so a LocalStack run
that skips a service forgets nothing moto proved. A topic is done only when
each of its claims is proven or a known emulator gap: never while one failed
or was not run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from harness.model import lab_tree
from harness.model.lab_tree import LabTest
from harness.model.outcomes import TestOutcome, Verdict
from harness.report.last_run import LastRun


def exercises(paths: Sequence[Path], root: Path) -> list[LabTest]:
    """Every lab test under ``paths``, in file order, with its claim and hints."""
    return [test for lab in lab_tree.lab_tree(paths, root) for test in lab.tests]


def outcome_of(exercise: LabTest, run: LastRun) -> TestOutcome:
    """The best outcome the exercise's test had on any backend."""
    return run.test_outcome(exercise.nodeid)


def settled(exercise: LabTest, run: LastRun) -> bool:
    """Nothing left to do: its test passed or is a known gap, or its claim is proven or a gap."""
    verdict = run.verdict(exercise.claim.id)
    return outcome_of(exercise, run).done or verdict.proven or verdict == Verdict.GAP


@dataclass(frozen=True)
class TopicProgress:
    topic: str
    claims: int
    proven: int  # verified or errata confirmed, on some backend
    gaps: int  # not proven, and an emulator differs from AWS there
    failed: int
    not_run: int  # skipped or never run on any backend
    next: str | None  # the module of the first unsettled lab

    @property
    def done(self) -> bool:
        return self.proven + self.gaps == self.claims

    def as_dict(self) -> dict:
        return {**asdict(self), "done": self.done}


def progress(all_exercises: Sequence[LabTest], run: LastRun) -> list[TopicProgress]:
    """Per topic: its claims by best verdict across backends, and the next lab to do."""
    rows = []
    for topic in sorted({e.topic for e in all_exercises}):
        mine = [e for e in all_exercises if e.topic == topic]
        verdicts = {e.claim.id: run.verdict(e.claim.id) for e in mine}
        proven = sum(v.proven for v in verdicts.values())
        gaps = sum(v == Verdict.GAP for v in verdicts.values())
        failed = sum(v == Verdict.FAILED for v in verdicts.values())
        unsettled = [e for e in mine if not settled(e, run)]
        if not unsettled and proven + gaps < len(verdicts):
            # Every test settled, yet a claim is not: its own tests are the place to look.
            unsettled = [e for e in mine if not verdicts[e.claim.id].proven]
        rows.append(
            TopicProgress(
                topic=topic,
                claims=len(verdicts),
                proven=proven,
                gaps=gaps,
                failed=failed,
                not_run=len(verdicts) - proven - gaps - failed,
                next=unsettled[0].module if unsettled else None,
            )
        )
    return rows


def describe(row: TopicProgress) -> str:
    """``6/14 proven, 8 emulator gaps`` and what else is left, in words."""
    parts = [f"{row.proven}/{row.claims} proven"]
    if row.gaps:
        parts.append(f"{row.gaps} emulator gap{'s' * (row.gaps != 1)}")
    if row.failed:
        parts.append(f"{row.failed} failed")
    if row.not_run:
        parts.append(f"{row.not_run} not run")
    return ", ".join(parts)


def next_exercise(all_exercises: Sequence[LabTest], run: LastRun) -> LabTest | None:
    """The first exercise with a solution to write that is not settled by the last runs."""
    return next((e for e in all_exercises if e.regions and not settled(e, run)), None)
