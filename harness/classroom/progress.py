"""A student's progress: the labs there are, and what the last run proved.

The plugin leaves each run's outcomes in pytest's cache
(``.pytest_cache/v/awslab/last-run``); this reads them beside the labs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from harness.classroom import solutions, workspace
from harness.claims import Claim, claims_in

LAST_RUN = Path(".pytest_cache/v/awslab/last-run")
PROVEN = ("verified", "errata")


@dataclass(frozen=True)
class Exercise:
    nodeid: str
    claim: Claim
    regions: int  # solution regions to write; 0 for a test that only demonstrates
    hints: tuple[str, ...]

    @property
    def topic(self) -> str:
        return self.claim.topic


def last_run(root: Path) -> dict:
    """The merged outcomes of earlier runs; empty if there were none."""
    path = root / LAST_RUN
    if not path.is_file():
        return {"tests": {}, "claims": {}}
    return json.loads(path.read_text(encoding="utf-8"))


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


def outcome_of(exercise: Exercise, run: dict) -> str:
    return run["tests"].get(exercise.nodeid, "not run")


def progress(all_exercises: list[Exercise], run: dict) -> list[dict]:
    """Per topic: claims proven in the last run, claims in all, the next lab to do."""
    rows = []
    for topic in sorted({e.topic for e in all_exercises}):
        mine = [e for e in all_exercises if e.topic == topic]
        claims = {e.claim.id for e in mine}
        proven = {c for c in claims if run["claims"].get(c) in PROVEN}
        todo = next((e for e in mine if outcome_of(e, run) not in ("passed", "gap")), None)
        rows.append(
            {
                "topic": topic,
                "proven": len(proven),
                "claims": len(claims),
                "next": todo.nodeid.split("::")[0] if todo else None,
            }
        )
    return rows


def next_exercise(all_exercises: list[Exercise], run: dict) -> Exercise | None:
    """The first exercise with a solution to write that did not pass in the last run."""
    return next(
        (e for e in all_exercises if e.regions and outcome_of(e, run) not in ("passed", "gap")),
        None,
    )
