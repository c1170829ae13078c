"""``awslab``: the command line for instructors, students and lab authors.

awslab handout labs/sqs --out handout/      a student copy, solutions cut out
awslab grade handout/ --against labs/sqs     tamper-proof score (--csv for a class)
awslab check labs/                           every lab can fail, quotes the notes, teaches
awslab list | progress | hint LAB | reset FILE   a student's view of the labs
awslab quiz [TOPIC...] [--exam | --review], awslab stats   practice, proven by labs
awslab report moto.json localstack.json      one claims page, a column per backend
awslab localstack up|down|status [--no-docker], awslab doctor
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from rich.console import Console
from rich.table import Table

from harness import quiz
from harness.classroom import check, progress
from harness.classroom.grade import TEST_TIMEOUT_SECONDS, Grade, grade
from harness.classroom.handout import handout, reset
from harness.errors import AwslabError, CommandError
from harness.launcher import doctor
from harness.launcher import localstack as launcher
from harness.model.notes import NOTES
from harness.report import page as notes_page
from harness.report.last_run import LastRun


def existing_folder(value: str) -> Path:
    path = Path(value)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"{value!r} is not a folder")
    return path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="awslab", description="the command line for instructors, students and lab authors"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = commands.add_parser("handout", help="write a student copy of lab topics")
    p.add_argument("topics", nargs="+", type=existing_folder, metavar="TOPIC")
    p.add_argument("--out", required=True, type=Path, help="the folder to write")
    p.add_argument("--force", action="store_true", help="write into a non-empty folder")

    p = commands.add_parser("grade", help="score submissions against the instructor's labs")
    p.add_argument("submissions", nargs="+", type=existing_folder, metavar="SUBMISSION")
    p.add_argument("--against", nargs="+", required=True, type=existing_folder, metavar="TOPIC")
    p.add_argument("--csv", type=Path, help="write one row per submission to this file")
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")
    p.add_argument("--timeout", type=int, default=TEST_TIMEOUT_SECONDS, help="seconds per test")
    p.add_argument("--jobs", type=int, default=2, help="submissions graded at once")

    p = commands.add_parser("check", help="lab authors: every lab can fail, quotes, READMEs")
    p.add_argument("paths", nargs="*", type=existing_folder, default=None, metavar="PATH")
    p.add_argument("--json", action="store_true", help="print JSON instead of lines")

    p = commands.add_parser("report", help="merge claims.json files into one page per backend")
    p.add_argument("reports", nargs="+", type=Path, metavar="CLAIMS_JSON")
    p.add_argument("--out", type=Path, default=Path("reports"), help="folder for claims.html")
    p.add_argument("--notes", type=Path, default=Path(NOTES), help="the notes file")

    p = commands.add_parser("list", help="topics, labs and claims, with the last run's outcome")
    p.add_argument("paths", nargs="*", type=Path, metavar="TOPIC")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = commands.add_parser("progress", help="per topic: claims proven, and the next lab")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = commands.add_parser("hint", help="the hints of the next exercise to do")
    p.add_argument(
        "lab", type=Path, metavar="LAB", help="a topic (sqs), its folder or a lab module"
    )

    p = commands.add_parser("quiz", help="practice questions, each proven by a lab")
    p.add_argument("topics", nargs="*", metavar="TOPIC", help="e.g. sqs s3 (default: all)")
    p.add_argument("-n", type=int, default=20, dest="count", help="how many questions")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--exam", action="store_true", help="65 questions, weighted, timed")
    mode.add_argument("--review", action="store_true", help="ask again what was missed")
    p.add_argument("--answers", type=Path, help="read answers from this file, one per line")
    p.add_argument("--report", type=Path, default=Path("reports/claims.json"),
                   help="the claims report that decides which questions may be asked")  # fmt: skip
    p.add_argument("--seed", type=int, help="the same questions in the same order")
    p.add_argument("--in-order", action="store_true", help="in the question files' order")

    p = commands.add_parser("stats", help="your quiz history: per attempt and per topic")
    p.add_argument("--html", type=Path, metavar="FILE", help="also write the history as a page")

    p = commands.add_parser("localstack", help="start, stop or look at LocalStack")
    p.add_argument("action", choices=("up", "down", "status"))
    docker = p.add_mutually_exclusive_group()
    docker.add_argument(
        "--docker", dest="docker", action="store_true", default=None, help="in Docker"
    )
    docker.add_argument(
        "--no-docker", dest="docker", action="store_false", help="on this machine (Python 3.13)"
    )

    commands.add_parser("doctor", help="what this machine has for the labs, and what to do")

    p = commands.add_parser("reset", help="restore a handed-out file to its TODO stubs")
    p.add_argument("module", type=Path, metavar="FILE")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    options = build_parser().parse_args(argv)
    console = Console(stderr=False, highlight=False, soft_wrap=True)
    try:
        return COMMANDS[options.command](options, console)
    except AwslabError as error:
        print(f"awslab {options.command}: {error}", file=sys.stderr)
        return 2


def run_handout(options, console: Console) -> int:
    modules = handout(options.topics, options.out, Path.cwd().resolve(), force=options.force)
    console.print(f"wrote {len(modules)} lab modules to {options.out}/ (student README inside)")
    return 0


def run_grade(options, console: Console) -> int:
    root = Path.cwd().resolve()
    with ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
        grades = list(
            pool.map(
                lambda s: grade(s, options.against, root, options.timeout), options.submissions
            )
        )
    if options.csv:
        write_csv(options.csv, grades)
    if options.json:
        print(json.dumps([g.as_dict() for g in grades], indent=2))
        return 0
    for result in grades:
        table = Table(title=f"{result.submission}: {result.score}/{result.total}")
        table.add_column("test")
        table.add_column("points", justify="right")
        table.add_column("why not")
        for test in result.tests:
            table.add_row(test.test, str(test.points), test.reason or "")
        console.print(table)
        if result.ungraded:
            console.print(f"not graded on moto (emulator gaps): {', '.join(result.ungraded)}")
    return 0


def write_csv(path: Path, grades: Sequence[Grade]) -> None:
    tests = sorted({t.test for g in grades for t in g.tests})
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["submission", "score", "total", *tests])
        for result in grades:
            points = {t.test: t.points for t in result.tests}
            writer.writerow(
                [result.submission, result.score, result.total, *(points.get(t, "") for t in tests)]
            )


def run_check(options, console: Console) -> int:
    root = Path.cwd().resolve()
    problems, held = check.check_labs(options.paths or [root / "labs"], root)
    if options.json:
        print(json.dumps({"problems": problems, "held_back_questions": held}, indent=2))
    else:
        for problem in problems:
            console.print(f"[red]✗[/red] {problem}")
        for line in held:
            console.print(f"held back: {line}")
        console.print(f"{len(problems)} problems" if problems else "all labs check out")
    return 1 if problems else 0


def run_report(options, console: Console) -> int:
    for path in [*options.reports, options.notes]:
        if not path.is_file():
            raise CommandError(f"{path} is not a file")
    try:
        reports = notes_page.load(options.reports)
    except (ValueError, KeyError) as error:
        raise CommandError(f"not a claims report: {error}") from None
    page = notes_page.write(reports, options.notes, str(options.notes), options.out)
    parity = options.out / "parity.md"
    parity.write_text(notes_page.parity_markdown(reports), encoding="utf-8")
    console.print(f"wrote {page} and {parity}")
    return 0


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
    pristine = reset(options.module, Path.cwd())
    console.print(f"restored {options.module} from {pristine}")
    return 0


def _exercises(paths: Sequence[Path]) -> tuple[list[progress.Exercise], dict]:
    root = Path.cwd().resolve()
    paths = [_lab_path(path) for path in paths]
    return progress.exercises(paths or [root / "labs"], root), LastRun.load(root)


def _lab_path(path: Path) -> Path:
    """``sqs`` means ``labs/sqs``, as in ``awslab quiz sqs``; any other path is taken as it is."""
    if path.exists():
        return path
    topic = Path("labs") / path
    if len(path.parts) == 1 and topic.is_dir():
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
    table = Table(title=f"labs (last run: {last.describe()})")
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
        print(json.dumps(rows, indent=2))
        return 0
    table = Table(title="claims you have proven (from the last run)")
    for column in ("topic", "proven", "next lab"):
        table.add_column(column)
    for row in rows:
        table.add_row(row["topic"], f"{row['proven']}/{row['claims']}", row["next"] or "all done")
    console.print(table)
    return 0


def run_hint(options, console: Console) -> int:
    exercises, last = _exercises([options.lab])
    exercise = progress.next_exercise(exercises, last)
    if exercise is None:
        console.print(f"every exercise in {options.lab} passed in the last run")
        return 0
    console.print(f"{exercise.nodeid} (claim {exercise.claim.id}, last run: "
                  f"{progress.outcome_of(exercise, last)})")  # fmt: skip
    console.print(f'notes: "{exercise.claim.quote}"')
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


def run_localstack(options, console: Console) -> int:
    if options.action == "up":
        launcher.up(docker=options.docker, echo=console.print)
        return 0
    if options.action == "down":
        launcher.down(echo=console.print)
        return 0
    current = launcher.status()
    for line in current.lines():
        console.print(line)
    return 0 if current.running else 1


def run_doctor(options, console: Console) -> int:
    return doctor.report(echo=console.print)


COMMANDS = {
    "handout": run_handout,
    "grade": run_grade,
    "check": run_check,
    "reset": run_reset,
    "report": run_report,
    "list": run_list,
    "progress": run_progress,
    "hint": run_hint,
    "localstack": run_localstack,
    "doctor": run_doctor,
    "quiz": run_quiz,
    "stats": run_stats,
}
