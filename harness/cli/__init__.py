"""``awslab``: the command line for instructors, students and lab authors.

awslab handout labs/sqs --out handout/      a student copy, solutions cut out
awslab grade handout/ --against labs/sqs     tamper-proof score (--csv for a class)
awslab check labs/                           every lab can fail, quotes the notes, teaches
awslab new TOPIC, awslab docs [TOPIC...]     a topic from the template; READMEs' generated lists
awslab coverage [SECTION...]                 per notes section: bullets claimed, listed, undecided
awslab list | progress | hint LAB | reset FILE   a student's view of the labs
awslab quiz [TOPIC...] [--exam | --review], awslab stats   practice, proven by labs
awslab report moto.json localstack.json      one claims page, a column per backend
awslab localstack up|down|status [--no-docker], awslab doctor
awslab dynamodb-local install|status          AWS's DynamoDB Local, for --backend dynamodb-local
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console

from harness.classroom.grade import TEST_TIMEOUT_SECONDS
from harness.cli import emulators, instructor, student
from harness.errors import AwslabError
from harness.model.notes import NOTES


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
    p.add_argument("--out", type=Path, help="the folder to write")
    p.add_argument("--force", action="store_true", help="write into a non-empty folder")
    p.add_argument(
        "--gradescope",
        type=Path,
        metavar="FILE.zip",
        help="also (or only) write a Gradescope autograder for these topics",
    )
    p.add_argument(
        "--classroom",
        action="store_true",
        help="put a GitHub Actions workflow in the handout: points per test on every push",
    )

    p = commands.add_parser("grade", help="score submissions against the instructor's labs")
    p.add_argument("submissions", nargs="+", type=existing_folder, metavar="SUBMISSION")
    p.add_argument("--against", nargs="+", required=True, type=existing_folder, metavar="TOPIC")
    p.add_argument("--csv", type=Path, help="write one row per submission to this file")
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")
    p.add_argument(
        "--markdown",
        action="store_true",
        help="print Markdown tables (a CI job's summary: GitHub Classroom feedback)",
    )
    p.add_argument("--timeout", type=int, default=TEST_TIMEOUT_SECONDS, help="seconds per test")
    p.add_argument("--jobs", type=int, default=2, help="submissions graded at once")

    p = commands.add_parser("check", help="lab authors: every lab can fail, quotes, READMEs")
    p.add_argument("paths", nargs="*", type=existing_folder, default=None, metavar="PATH")
    p.add_argument("--json", action="store_true", help="print JSON instead of lines")

    p = commands.add_parser("new", help="lab authors: a new topic from the template")
    p.add_argument("topic", metavar="TOPIC", help="its name: lowercase letters and digits (sqs)")
    p.add_argument("--labs", type=Path, default=Path("labs"), help="the folder of the topics")

    p = commands.add_parser("docs", help="lab authors: write the READMEs' errata and gap lists")
    p.add_argument("topics", nargs="*", metavar="TOPIC", help="e.g. sqs labs/s3 (default: all)")
    p.add_argument("--check", action="store_true", help="only say which READMEs are out of date")

    p = commands.add_parser(
        "coverage", help="lab authors: per notes section, the bullets no claim nor README decides"
    )
    p.add_argument(
        "sections",
        nargs="*",
        metavar="SECTION",
        help="list the undecided bullets of these sections (a part of the name: lambda)",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = commands.add_parser("report", help="merge claims.json files into one page per backend")
    p.add_argument("reports", nargs="+", type=Path, metavar="CLAIMS_JSON")
    p.add_argument("--out", type=Path, default=Path("reports"), help="folder for claims.html")
    p.add_argument("--notes", type=Path, default=Path(NOTES), help="the notes file")
    p.add_argument(
        "--baseline",
        type=Path,
        action="append",
        metavar="OLD_CLAIMS_JSON",
        help="a claims.json of an earlier run (repeat per backend): list each claim whose "
        "verdict changed since, and exit 1 if any did",
    )

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

    p = commands.add_parser(
        "dynamodb-local", help="install or look at DynamoDB Local, for --backend dynamodb-local"
    )
    p.add_argument("action", choices=("install", "status"))

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


COMMANDS = {
    "handout": instructor.run_handout,
    "grade": instructor.run_grade,
    "check": instructor.run_check,
    "new": instructor.run_new,
    "docs": instructor.run_docs,
    "coverage": instructor.run_coverage,
    "reset": student.run_reset,
    "report": instructor.run_report,
    "list": student.run_list,
    "progress": student.run_progress,
    "hint": student.run_hint,
    "localstack": emulators.run_localstack,
    "dynamodb-local": emulators.run_dynamodb_local,
    "doctor": emulators.run_doctor,
    "quiz": student.run_quiz,
    "stats": student.run_stats,
}
