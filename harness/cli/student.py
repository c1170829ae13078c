"""The student's commands: list, progress, hint, reset, quiz, stats."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from harness import quiz
from harness.classroom import progress
from harness.classroom.handout import reset
from harness.errors import CommandError
from harness.model.lab_tree import LabTest, common_root, project_root
from harness.report.last_run import LastRun


def run_reset(options, console: Console) -> int:
    if not options.module.is_file():
        raise CommandError(f"{options.module} is not a file")
    if not options.yes:
        answer = input(
            f"Replace {options.module} with its handed-out stubs? Your work in it is lost. [y/N] "
        )
        if answer.strip().lower() not in ("y", "yes"):
            console.print("left as it was")
            return 1
    pristine = reset(options.module)
    console.print(f"restored {options.module} from {pristine}")
    return 0


def _exercises(paths: Sequence[Path]) -> tuple[list[LabTest], LastRun]:
    """The lab tests under ``paths`` (default: the project's labs/), and the last runs."""
    if paths:
        paths = [_lab_path(path) for path in paths]
        root = common_root(paths)
    else:
        root = project_root(Path.cwd())
        paths = [root / "labs"]
        if not paths[0].is_dir():
            raise CommandError(f"{root} has no labs/ folder: run awslab in a lab project")
    return progress.exercises(paths, root), LastRun.load(root)


def _lab_path(path: Path) -> Path:
    """``sqs`` means the project's ``labs/sqs``, as in ``awslab quiz sqs``; any other
    path is taken as it is."""
    if path.exists():
        return path
    if len(path.parts) == 1:
        topic = project_root(Path.cwd()) / "labs" / path
        if topic.is_dir():
            return topic
    raise CommandError(f"{path} does not exist: name a topic (sqs) or its folder (labs/sqs)")


def run_list(options, console: Console) -> int:
    exercises, last = _exercises(options.paths)
    rows = [
        {"test": e.nodeid, "claim": e.claim.id, "last": progress.outcome_of(e, last)}
        for e in exercises
    ]
    if options.json:
        print(json.dumps(rows, indent=2))
        return 0
    table = Table(title=f"labs (best of the last runs on: {last.describe()})")
    for column in ("lab", "claim", "last run"):
        table.add_column(column)
    for row in rows:
        table.add_row(row["test"], row["claim"], row["last"])
    console.print(table)
    return 0


def run_progress(options, console: Console) -> int:
    exercises, last = _exercises([])
    rows = progress.progress(exercises, last)
    if options.json:
        print(json.dumps([row.as_dict() for row in rows], indent=2))
        return 0
    table = Table(title=f"claims you have proven (best of the last runs on: {last.describe()})")
    for column in ("topic", "claims", "next lab"):
        table.add_column(column)
    for row in rows:
        table.add_row(row.topic, progress.describe(row), "all done" if row.done else row.next)
    console.print(table)
    return 0


def run_hint(options, console: Console) -> int:
    exercises, last = _exercises([options.lab])
    exercise = progress.next_exercise(exercises, last)
    if exercise is None:
        console.print(f"every exercise in {options.lab} is proven or a known gap in the last runs")
        return 0
    console.print(f"{exercise.nodeid} (claim {exercise.claim.id}, last run: "
                  f"{progress.outcome_of(exercise, last)})")  # fmt: skip
    if exercise.claim.quote:
        console.print(f'notes: "{exercise.claim.quote}"')
    else:
        console.print(f"beyond the notes: {exercise.claim.beyond_notes}")
    for hint in exercise.hints or ("none written for this one: read the claim, then the test",):
        console.print(f"hint: {hint}")
    return 0


def run_quiz(options, console: Console) -> int:
    root = Path.cwd()
    questions = quiz.load_questions(root / "labs")
    known = {q.topic for q in questions}
    for topic in options.topics:
        if topic not in known:
            raise CommandError(
                f"no questions for topic {topic!r}; topics: {', '.join(sorted(known))}"
            )
    if options.topics:
        questions = [q for q in questions if q.topic in options.topics]
    claims = quiz.load_report(options.report)
    asked, held = quiz.askable(questions, claims)
    if held:
        console.print(
            f"{len(held)} questions held back: their claims are not proven in {options.report}"
        )
    scores = quiz.Scores.load(root / quiz.SCORES, console.print)
    chosen = quiz.choose(
        asked,
        scores,
        options.count,
        review=options.review,
        exam=options.exam,
        in_order=options.in_order,
        seed=options.seed,
    )
    if not chosen:
        console.print(
            "nothing to ask" + (": no missed questions to review" if options.review else "")
        )
        return 0
    if options.answers:
        if not options.answers.is_file():
            raise CommandError(f"{options.answers} is not a file")
        answers = quiz.lines_of(options.answers.read_text(encoding="utf-8").splitlines())
    elif not sys.stdin.isatty():
        answers = quiz.lines_of(sys.stdin)
    else:
        answers = _typed_answers(console)
    attempt = quiz.Attempt(chosen, claims, scores, console.print, exam=options.exam)
    try:
        attempt.run(answers)
    finally:
        scores.save(root / quiz.SCORES)  # what was answered is kept, even on Ctrl-C
    return 0


def _typed_answers(console: Console):
    while True:
        try:
            yield console.input("> ")
        except EOFError:
            return


def run_stats(options, console: Console) -> int:
    scores = quiz.Scores.load(Path.cwd() / quiz.SCORES, console.print)
    per_attempt, per_topic = quiz.stats(scores)
    if not per_attempt:
        console.print("no quiz attempts yet: `awslab quiz` starts one")
        return 0
    table = Table(title="score per attempt")
    for column in ("when", "score", ""):
        table.add_column(column)
    for when, right, asked in per_attempt:
        table.add_row(when, f"{right}/{asked}", quiz.bar(right, asked))
    console.print(table)
    table = Table(title="per topic, all attempts")
    for column in ("topic", "right", ""):
        table.add_column(column)
    for topic, (right, asked) in sorted(per_topic.items()):
        table.add_row(topic, f"{right}/{asked}", quiz.bar(right, asked))
    console.print(table)
    if options.html:
        options.html.write_text(quiz.stats_page(scores), encoding="utf-8")
        console.print(f"wrote {options.html}")
    return 0
