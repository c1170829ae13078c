"""``awslab check``: what a lab author runs before handing labs out.

Every solution region is well formed (paired markers, inside a test, with a
hint) and keeps to the grader's rules (``solution_rules``); every test with
one fails when it is blanked and passes with it; every claim quotes the
notes; every topic has a README, and its list of the bullets no API shows
quotes the notes; every quiz question belongs to a claim a lab proves.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from pathlib import Path

from harness import quiz
from harness.classroom import blank_check, solution_rules, workspace
from harness.errors import AwslabError, MarkerError, QuizError
from harness.model import lab_tree, no_api, regions
from harness.model.notes import NOTES, Notes
from harness.model.outcomes import TestOutcome, Verdict, overall


def check_labs(paths: Sequence[Path], root: Path) -> tuple[list[str], list[str]]:
    """(problems, held-back quiz questions) for the labs under ``paths``."""
    problems, markup_broken = lab_problems(paths, root)
    problems += unproven_without_source(root, paths=paths)
    if markup_broken:
        # Both runs need every region read; they wait until the markup is right.
        problems.append("the labs were not run: fix their solution markup (above) first")
        return problems, held_back_questions(root)
    for result in blank_check.check(paths, root):
        if not result.ok:
            problems.append(f"{result.nodeid}: {result.outcome} with its solution blanked")
    solved = sandbox_outcomes(paths, root)
    for nodeid in lab_tree.region_tests(paths, root):
        outcome = solved.get(nodeid.split("[", 1)[0], workspace.Outcome(TestOutcome.NOT_RUN))
        if not outcome.outcome.done:
            problems.append(f"{nodeid}: {outcome.outcome} with its solution: {outcome.detail}")
    return problems, held_back_questions(root)


def lab_problems(paths: Sequence[Path], root: Path) -> tuple[list[str], bool]:
    """Static problems, and whether any lab's solution markup is broken.

    Topics without a README, solution markup that does not pair up or has no
    hint, labs that do not import, claims whose quote is not in the notes,
    questions about claims no lab proves.
    """
    notes = Notes(root / NOTES) if (root / NOTES).is_file() else None
    problems = [] if notes else [f"{root / NOTES}: no notes there, so no quote can be checked"]
    topic_folders: list[Path] = []
    for path in paths:
        topics = (
            [path]
            if path.parent.name == "labs"
            else sorted(p for p in path.iterdir() if p.is_dir())
        )
        for topic in topics:
            if topic.name.startswith(("_", ".")):
                continue
            topic_folders.append(topic)
            if not (topic / "README.md").is_file():
                problems.append(f"{topic}: no README.md (a topic teaches before it tests)")
    lab_claims: set[str] = set()
    claimed_lines: set[int] = set()
    markup_broken = False
    for module in lab_tree.lab_modules(paths):
        relative = lab_tree.relative_name(module, root)
        text = module.read_text(encoding="utf-8")
        markup = regions.markup_problems(text, relative)
        if markup:
            problems += markup
            markup_broken = True
            continue
        problems += solution_problems(text, relative)
        try:
            lab = lab_tree.read_module(module, root)
        except AwslabError as error:  # a lab that does not import is a problem to list
            problems.append(str(error))
            continue
        for test in lab.tests:
            lab_claims.add(test.claim.id)
            if notes:
                problems += [f"{test.nodeid}: {problem}" for problem in quote_problems(test, notes)]
                claimed_lines.update(filter(None, [test.claim.quoted_line(notes)]))
    problems += no_api_problems(topic_folders, notes, claimed_lines)
    try:
        questions = quiz.load_questions(root / "labs")
    except QuizError as error:
        return [*problems, str(error)], markup_broken
    checked_topics = {claim.split(".", 1)[0] for claim in lab_claims}
    for question in questions:
        if question.topic in checked_topics and question.claim not in lab_claims:
            problems.append(f"question {question.id}: no lab proves claim {question.claim!r}")
    return problems, markup_broken


def solution_problems(text: str, relative: str) -> list[str]:
    """The grader's rules for a region (``solution_rules``), on the instructor's own
    solutions: one that breaks them would cost every student who copies the idea."""
    bodies, _ = regions.student_regions(text)
    rules = solution_rules.Rules(text)
    return [
        f"{relative}::{test}: {problem} (the grader would refuse this solution)"
        for test, given in bodies.items()
        for problem in filter(None, map(rules.problem, given))
    ]


def no_api_problems(topics: Sequence[Path], notes: Notes | None, claimed: set[int]) -> list[str]:
    """Each README's "What no API shows": entries written as such, quoting one line of
    the notes that no claim of these topics proves."""
    found: list[str] = []
    for topic in topics:
        entries, malformed = no_api.read(topic / "README.md")
        found += malformed
        if notes:
            found += [p for entry in entries for p in no_api.problems(entry, notes, claimed)]
    return found


def quote_problems(test: lab_tree.LabTest, notes: Notes) -> list[str]:
    """Rule 3 of the lab authors' guide: the quote is in the notes, on one line (or on
    the line the claim names)."""
    try:
        test.claim.locate(notes)
    except MarkerError as error:
        return [str(error)]
    ambiguity = test.claim.ambiguity(notes)
    return [ambiguity] if ambiguity else []


def unproven_without_source(
    root: Path, reports: Path = Path("reports"), paths: Sequence[Path] = ()
) -> list[str]:
    """Rule 5: a claim that no backend observed (each that ran marked it a gap or
    skipped it) stands on the documentation alone, so it must name that documentation.

    Which claims no backend observed is read from the latest claims reports below
    ``reports`` (one per backend, as ``make test`` writes them; none yet, nothing to
    say); their sources from the labs under ``paths`` as they are now, where given,
    so that a source added since the run counts.
    """
    outcomes: dict[str, list[Verdict]] = {}
    sources: dict[str, str | None] = {}
    for path in sorted((root / reports).glob("**/claims.json")):
        try:
            report = json.loads(path.read_text(encoding="utf-8"))
            claims = [(c["id"], Verdict(c["outcome"]), c.get("source")) for c in report["claims"]]
        except (ValueError, KeyError, TypeError):
            continue  # not a claims report; `awslab report` says so where it matters
        for claim_id, outcome, source in claims:
            outcomes.setdefault(claim_id, []).append(outcome)
            sources[claim_id] = sources.get(claim_id) or source
    for module in lab_tree.lab_modules(paths):
        try:
            lab = lab_tree.read_module(module, root)
        except AwslabError:
            continue  # lab_problems lists it
        sources.update({test.claim.id: test.claim.source for test in lab.tests})
    return [
        f"claim {claim_id!r} is unproven here (a gap or skipped on every backend in "
        f"{reports}/) and names no source=: cite the AWS documentation its test follows"
        for claim_id, seen in sorted(outcomes.items())
        if overall(seen) == Verdict.UNPROVEN and not sources[claim_id]
    ]


def held_back_questions(root: Path, report: Path = Path("reports/claims.json")) -> list[str]:
    """Quiz questions the latest claims report (below ``root``) does not let the quiz ask."""
    if not (root / report).is_file():
        return []
    _, held = quiz.askable(quiz.load_questions(root / "labs"), quiz.load_report(root / report))
    return [f"{question.id}: {why}" for question, why in held]


def sandbox_outcomes(paths: Sequence[Path], root: Path) -> dict[str, workspace.Outcome]:
    """The labs as they are, run once in a throwaway copy."""
    with tempfile.TemporaryDirectory(prefix="awslab-check-") as temporary:
        folder = Path(temporary)
        workspace.copy_labs(paths, root, folder, lambda path, text: text)
        return workspace.run_pytest(folder, [lab_tree.relative_name(p, root) for p in paths])
