"""Grade a generated class of 40 submissions of a topic; time it, and check every score.

    .venv/bin/python bench/grade_class.py [--topic labs/sqs] [--students 40] [--jobs 2]

Each submission is the topic's handout with, per test, the instructor's
solution (a point) or one way of getting it wrong: the untouched stub, a
wrong value, a syntax error, a ``return``, a deleted region, or (for a few)
an infinite loop. Its expected score is known before grading.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from harness.classroom import sandbox
from harness.classroom.grade import grade
from harness.classroom.handout import handout
from harness.model import lab_tree
from harness.model import regions as solutions

ROOT = Path(__file__).resolve().parent.parent
WRONG = {
    "stub": None,  # what the handout says: raise NotImplementedError
    "syntax": "value = (",
    "return": "return",
    "exception": "raise RuntimeError('not today')",
    "loop": "while True:\n    pass",
}


def instructor_bodies(text: str) -> dict[solutions.Region, str]:
    lines = text.splitlines()
    return {
        r: textwrap.dedent("\n".join(lines[r.begin : r.end - 1]))
        for r in solutions.find_regions(text)
    }


def write_submission(module: Path, target: Path, solved: set[str], wrong: dict[str, str]) -> None:
    """The instructor's ``module`` as a student hands it in: ``solved`` tests answered,
    ``wrong`` ones broken in the given way."""
    text = module.read_text(encoding="utf-8")
    correct = instructor_bodies(text)
    owner = {r: test for test, rs in solutions.regions_by_test(text).items() for r in rs}

    def body(region: solutions.Region) -> str:
        test = owner[region]
        if test in solved:
            return correct[region]
        kind = wrong[test]
        if kind in ("stub", "deleted"):
            return f"raise NotImplementedError({region.hint or ''!r})"
        return WRONG[kind]

    student = solutions.replace_regions(text, body)
    deleted = [t for t, kind in wrong.items() if kind == "deleted"]
    lines = student.splitlines(keepends=True)
    held = solutions.scan(student).by_test()
    for test in deleted:  # take the first BEGIN marker of that test's regions out
        begin = held[test][0].begin - 1
        lines[begin] = lines[begin].replace("# BEGIN SOLUTION", "# (removed)")
    student = "".join(lines)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(student, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topic", type=Path, default=ROOT / "labs" / "sqs")
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=3)
    options = parser.parse_args()
    chance = random.Random(2026)

    with tempfile.TemporaryDirectory(prefix="awslab-class-") as temporary:
        folder = Path(temporary)
        modules = lab_tree.lab_modules([options.topic])
        tests = {
            f"{m.relative_to(ROOT).as_posix()}::{t}"
            for m in modules
            for t in solutions.regions_by_test(m.read_text(encoding="utf-8"))
        }
        expected: dict[Path, set[str]] = {}
        for number in range(options.students):
            submission = folder / f"student-{number:02d}"
            handout([options.topic], submission, ROOT)
            share = [1.0, 0.0][number] if number < 2 else chance.random()
            solved = {t for t in tests if chance.random() < share}
            kinds = ["stub", "syntax", "return", "exception", "deleted"]
            kinds += ["loop"] if number % 10 == 9 else []  # a few, each costs a timeout
            wrong = {t: chance.choice(kinds) for t in tests - solved}
            for module in modules:
                relative = module.relative_to(ROOT)
                prefix = relative.as_posix() + "::"
                write_submission(
                    module,
                    submission / relative,
                    {t.removeprefix(prefix) for t in solved if t.startswith(prefix)},
                    {t.removeprefix(prefix): k for t, k in wrong.items() if t.startswith(prefix)},
                )
            expected[submission] = solved

        how = sandbox.isolation()
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=options.jobs) as pool:
            grades = list(
                pool.map(
                    lambda s: grade(s, [options.topic], ROOT, options.timeout, how),
                    sorted(expected),
                )
            )
        wall = time.perf_counter() - started

    mismatches = []
    for result in grades:
        solved = expected[Path(result.submission)]
        got = {t.test for t in result.tests if t.points}
        want = {t for t in solved if t not in result.ungraded}
        if got != want:
            mismatches.append((result.submission, sorted(got ^ want)))
    print(
        f"graded {len(grades)} submissions of {options.topic.name} ({len(tests)} region tests "
        f"each) in {wall:.1f} s wall with {options.jobs} jobs: "
        f"{wall / len(grades):.2f} s per submission; "
        f"{'sandboxed with ' + how.bwrap if how.bwrap else 'no sandbox'}, one process per test"
    )
    print(f"scores matching the expected ones: {len(grades) - len(mismatches)} of {len(grades)}")
    for submission, differing in mismatches:
        print(f"  {submission}: differs on {differing}")


if __name__ == "__main__":
    main()
