"""A student's progress: the labs there are, and what the last run proved.

The plugin leaves each run's outcomes in pytest's cache, per backend
(``harness.report.last_run``); this reads them beside the labs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from harness.classroom import workspace
from harness.model import regions as solutions
from harness.model.claims import Claim, claims_in
from harness.model.outcomes import TestOutcome
from harness.report.last_run import LastRun


@dataclass(frozen=True)
class Exercise:
    nodeid: str
    claim: Claim
    regions: int  # solution regions to write; 0 for a test that only demonstrates
    hints: tuple[str, ...]

    @property
    def topic(self) -> str:
        return self.claim.topic


def exercises(paths: list[Path], root: Path) -> list[Exercise]:
    """Every lab test under ``paths``, in file order, with its claim and hints."""
    found = []
    for module in workspace.lab_modules(paths):
        relative = module.resolve().relative_to(root).as_posix()
        source = module.read_text(encoding="utf-8")
        regions = solutions.regions_by_test(source, relative)
        order = {name: source.find(f"def {name.split('::')[-1]}(") for name in claims_in(module)}
        for name, claim in sorted(claims_in(module).items(), key=lambda item: order[item[0]]):
            mine = regions.get(name, [])
            hints = tuple(r.hint for r in mine if r.hint)
            found.append(Exercise(f"{relative}::{name}", claim, len(mine), hints))
    return found


def outcome_of(exercise: Exercise, run: LastRun) -> TestOutcome:
    return run.test_outcome(exercise.nodeid)


def progress(all_exercises: list[Exercise], run: LastRun) -> list[dict]:
    """Per topic: claims proven in the last run, claims in all, the next lab to do."""
    rows = []
    for topic in sorted({e.topic for e in all_exercises}):
        mine = [e for e in all_exercises if e.topic == topic]
        claims = {e.claim.id for e in mine}
        proven = {c for c in claims if run.verdict(c).proven}
        todo = next((e for e in mine if not outcome_of(e, run).done), None)
        rows.append(
            {
                "topic": topic,
                "proven": len(proven),
                "claims": len(claims),
                "next": todo.nodeid.split("::")[0] if todo else None,
            }
        )
    return rows


def next_exercise(all_exercises: list[Exercise], run: LastRun) -> Exercise | None:
    """The first exercise with a solution to write that did not pass in the last run."""
    return next(
        (e for e in all_exercises if e.regions and not outcome_of(e, run).done),
        None,
    )
