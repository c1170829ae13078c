"""``awslab check``: what a lab author runs before handing labs out.

Every test with a solution region fails when the region is blanked and
passes with it; every claim quotes the notes; every topic has a README; every
quiz question belongs to a claim a lab proves.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from harness import quiz
from harness.classroom import blank_check, workspace
from harness.errors import QuizError
from harness.model.claims import claims_in
from harness.model.notes import NOTES, Notes
from harness.model.outcomes import TestOutcome


def check_labs(paths: Sequence[Path], root: Path) -> tuple[list[str], list[str]]:
    """(problems, held-back quiz questions) for the labs under ``paths``."""
    problems = lab_problems(paths, root)
    for result in blank_check.check(paths, root):
        if not result.ok:
            problems.append(f"{result.nodeid}: {result.outcome} with its solution blanked")
    solved = sandbox_outcomes(paths, root)
    for nodeid in blank_check.region_tests(paths, root):
        outcome = solved.get(nodeid.split("[", 1)[0], workspace.Outcome(TestOutcome.NOT_RUN))
        if not outcome.outcome.done:
            problems.append(f"{nodeid}: {outcome.outcome} with its solution: {outcome.detail}")
    return problems, held_back_questions(root)


def lab_problems(paths: Sequence[Path], root: Path) -> list[str]:
    """Static problems: topics without a README, claims whose quote is not in the notes."""
    notes = Notes(root / NOTES)
    problems = []
    for path in paths:
        topics = (
            [path]
            if path.parent.name == "labs"
            else sorted(p for p in path.iterdir() if p.is_dir())
        )
        for topic in topics:
            if not topic.name.startswith(("_", ".")) and not (topic / "README.md").is_file():
                problems.append(f"{topic}: no README.md (a topic teaches before it tests)")
    lab_claims: set[str] = set()
    for module in workspace.lab_modules(paths):
        try:
            claims = claims_in(module)
            lab_claims.update(claim.id for claim in claims.values())
        except Exception as error:  # a lab that does not import is a problem to list, not a crash
            problems.append(f"{module}: {type(error).__name__}: {error}")
            continue
        for test, claim in claims.items():
            if notes.find(claim.quote) is None:
                problems.append(f"{module}::{test}: quote not in the notes: {claim.quote!r}")
    try:
        questions = quiz.load_questions(root / "labs")
    except QuizError as error:
        return [*problems, str(error)]
    checked_topics = {claim.split(".", 1)[0] for claim in lab_claims}
    for question in questions:
        if question.topic in checked_topics and question.claim not in lab_claims:
            problems.append(f"question {question.id}: no lab proves claim {question.claim!r}")
    return problems


def held_back_questions(root: Path, report: Path = Path("reports/claims.json")) -> list[str]:
    """Quiz questions the latest claims report does not let the quiz ask, and why."""
    if not report.is_file():
        return []
    _, held = quiz.askable(quiz.load_questions(root / "labs"), quiz.load_report(report))
    return [f"{question.id}: {why}" for question, why in held]


def sandbox_outcomes(paths: Sequence[Path], root: Path) -> dict[str, workspace.Outcome]:
    """The labs as they are, run once in a throwaway copy."""
    with tempfile.TemporaryDirectory(prefix="awslab-check-") as temporary:
        folder = Path(temporary)
        workspace.copy_labs(paths, root, folder, lambda path, text: text)
        return workspace.run_pytest(folder, [str(p.resolve().relative_to(root)) for p in paths])
