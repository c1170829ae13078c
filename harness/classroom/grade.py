"""Grade a student's handed-in labs: tamper-proof, and safe to run.

In the spirit of nbgrader restoring its test cells: only what the student
wrote inside solution regions is taken, and spliced into the instructor's
pristine modules, so an edit to the checks around a region counts for
nothing. Each test that holds a region is worth one point.

A broken submission never stops the grading: a missing file, a region
deleted or duplicated, a syntax error, a ``return`` that would skip the
checks, a region that breaks the solution rules (``solution_rules``: an
import of ``os``, a dunder, ``exec``...), an infinite loop (per-test
timeout), an exception, flooding output or a reach for the network each cost
the tests they break, with a one-line reason, and everything else is still
graded.

Student code is untrusted: the labs run in a sandbox that sees only their
workspace (``sandbox``), one forked process per test whose outcome is
recorded by a parent that runs no test code (``harness.plugin.sealed``).
"""

from __future__ import annotations

import ast
import re
import tempfile
import textwrap
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from harness.classroom import sandbox, solution_rules, workspace
from harness.model import lab_tree, regions
from harness.model.outcomes import TestOutcome

TEST_TIMEOUT_SECONDS = 10


@dataclass
class TestScore:
    test: str
    points: int
    reason: str | None = None


@dataclass
class Grade:
    submission: str
    tests: list[TestScore] = field(default_factory=list)
    #: Tests marked as an emulator gap: they fail on moto whatever the student writes.
    ungraded: list[str] = field(default_factory=list)

    @property
    def score(self) -> int:
        return sum(t.points for t in self.tests)

    @property
    def total(self) -> int:
        return len(self.tests)

    def as_dict(self) -> dict:
        return {
            "submission": self.submission,
            "score": self.score,
            "total": self.total,
            "tests": [asdict(t) for t in self.tests],
            "ungraded": self.ungraded,
        }


def _problem_with(body: str, rules: solution_rules.Rules, in_helper: bool) -> str | None:
    """Why a region's body cannot be graded as written, or None. ``rules``: those of the
    module it goes into; ``in_helper``: the region stands in a function nested in the
    test, whose ``return`` gives the helper its value and skips no check."""
    try:
        tree = ast.parse("def _region():\n" + textwrap.indent(body or "pass", "    "))
    except SyntaxError as error:
        line = max((error.lineno or 2) - 1, 1)
        return f"syntax error in the solution: {error.msg} (region line {line})"
    region = tree.body[0]
    assert isinstance(region, ast.FunctionDef)  # the wrapper parsed above
    for node in [] if in_helper else _walk_own_scope(region):
        if isinstance(node, ast.Return | ast.Yield | ast.YieldFrom):
            return "the solution returns from the test, which would skip its checks"
    return rules.problem(body)


def _walk_own_scope(function: ast.FunctionDef):
    stack: list[ast.AST] = list(function.body)
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            stack.extend(ast.iter_child_nodes(node))


def _functions(module: str) -> list[tuple[str, int, int]]:
    """(name, first line, last line) of every function of ``module``, nested ones too."""
    try:
        tree = ast.parse(module)
    except SyntaxError:
        return []
    return [
        (node.name, node.lineno, node.end_lineno or node.lineno)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]


def _in_helper(functions: list[tuple[str, int, int]], region: regions.Region, test: str) -> bool:
    """Whether ``region`` stands in a function nested in ``test``, not in the test itself."""
    enclosing = [f for f in functions if f[1] < region.begin <= f[2]]
    innermost = max(enclosing, key=lambda function: function[1], default=None)
    return innermost is not None and innermost[0] != test.split("::")[-1]


def _failing(reason: str) -> str:
    return f"raise AssertionError({('awslab grade: ' + reason)!r})"


def splice(instructor: str, student: str | None, filename: str) -> tuple[str, dict[str, str]]:
    """The instructor's module with the student's regions in it, and the tests it zeroes.

    ``student`` is None for a missing file. Returns the module text and
    ``test name -> reason`` for each test that cannot earn its point.
    """
    expected = regions.regions_by_test(instructor, filename)
    problems: dict[str, str] = {}
    if student is None:
        theirs: dict[str, list[str]] = {}
        broken: dict[str, str] = {}
        missing = f"{filename} is missing from the submission"
    else:
        theirs, broken = regions.student_regions(student)
        missing = "its solution region is missing"
    bodies: dict[regions.Region, str] = {}
    rules, functions = solution_rules.Rules(instructor), _functions(instructor)
    for test, held in expected.items():
        given = theirs.get(test)
        if test in broken:
            problems[test] = broken[test]
        elif given is None:
            problems[test] = missing
        elif len(given) != len(held):
            problems[test] = f"it has {len(given)} solution regions where the lab has {len(held)}"
        else:
            problem = next(
                filter(
                    None,
                    (
                        _problem_with(b, rules, _in_helper(functions, r, test))
                        for b, r in zip(given, held, strict=True)
                    ),
                ),
                None,
            )
            if problem:
                problems[test] = problem
            else:
                bodies.update(zip(held, (b.strip("\n") or "pass" for b in given), strict=True))
        if test in problems:
            bodies.update({r: "pass" for r in held})
            bodies[held[0]] = _failing(problems[test])
    return regions.replace_regions(instructor, bodies.__getitem__, filename), problems


def grade(
    submission: Path,
    labs: Sequence[Path],
    root: Path,
    timeout: int = TEST_TIMEOUT_SECONDS,
    how: sandbox.Isolation | None = None,
) -> Grade:
    """Splice ``submission``'s regions into ``labs`` (below ``root``), run them sealed
    (``sandbox``: ``how``, or what this machine offers), and score."""
    expected = set(lab_tree.region_tests(labs, root))
    reasons: dict[str, str] = {}

    def rewrite(relative: Path, text: str) -> str:
        handed_in = submission / relative
        student = None
        if handed_in.is_file():
            student = handed_in.read_text(encoding="utf-8", errors="replace")
        spliced, problems = splice(text, student, relative.as_posix())
        reasons.update({f"{relative.as_posix()}::{test}": why for test, why in problems.items()})
        return spliced

    with tempfile.TemporaryDirectory(prefix="awslab-grade-") as temporary:
        # The workspace holds the spliced copy of these labs only: never the instructor's
        # tree, where the solutions are.
        folder = Path(temporary) / "submission"
        folder.mkdir()
        workspace.copy_labs(labs, root, folder, rewrite)
        targets = [lab_tree.relative_name(p, root) for p in labs]
        outcomes = sandbox.run_sealed(
            folder,
            targets,
            # The timeout is for the student's code, which is in test functions only. Not
            # for fixtures: the first test would pay for the emulator's start (seconds on
            # a loaded machine), and a session fixture timed out fails every later test.
            ["--backend", "moto", f"--timeout={timeout}", "-o", "timeout_func_only=true"],
            test_timeout=timeout,
            tests=len(expected),
            how=how or sandbox.isolation(),
        )
        stopped = "the grading run ended before this test"
        if not outcomes:  # no test reported at all: say what stopped the run
            stopped = f"the grading run did not start: {sandbox.last_words(folder)}"
    result = Grade(str(submission))
    for nodeid in sorted(expected):
        outcome = outcomes.get(nodeid, workspace.Outcome(TestOutcome.NOT_RUN, stopped))
        if outcome.outcome == TestOutcome.GAP:
            result.ungraded.append(nodeid)
        elif outcome.outcome == TestOutcome.PASSED:
            result.tests.append(TestScore(nodeid, 1))
        else:
            result.tests.append(TestScore(nodeid, 0, reasons.get(nodeid) or _reason(outcome)))
    return result


def _reason(outcome: workspace.Outcome) -> str:
    detail = outcome.detail.removeprefix("AssertionError: ")
    limit = re.search(r"Timeout \(?>?([\d.]+)s", detail)  # pytest-timeout's wording
    if limit:
        return f"timed out after {float(limit[1]):g} s: an infinite loop?"
    if outcome.outcome == TestOutcome.SKIPPED:
        return f"skipped: {detail}" if detail else "skipped"
    return detail or outcome.outcome
