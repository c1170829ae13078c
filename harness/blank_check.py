"""Prove that every lab test asserts something.

A test with a solution region must fail for a student who wrote nothing.
This copies the labs with every region's body replaced by ``pass``, runs
them once, and lists each region-holding test that did not fail.

    python -m harness.blank_check labs/sqs labs/s3
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from harness import solutions

GAP_PREFIX = "emulator gap on"


@dataclass(frozen=True)
class BlankResult:
    nodeid: str
    outcome: str  # failed (good) | passed | skipped | gap | missing
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.outcome in ("failed", "gap")


def region_tests(paths: Sequence[Path], root: Path) -> dict[str, list[solutions.Region]]:
    """``nodeid -> regions`` for every test holding a region under ``paths``."""
    found: dict[str, list[solutions.Region]] = {}
    for module in _modules(paths):
        relative = module.resolve().relative_to(root).as_posix()
        for name, regions in solutions.regions_by_test(
            module.read_text(encoding="utf-8"), relative
        ).items():
            found[f"{relative}::{name}"] = regions
    return found


def _modules(paths: Sequence[Path]) -> list[Path]:
    modules: list[Path] = []
    for path in paths:
        modules += [path] if path.is_file() else sorted(path.rglob("test_*.py"))
    return modules


def _blank_copy(paths: Sequence[Path], root: Path, destination: Path, notes: str) -> None:
    for path in paths:
        relative = path.resolve().relative_to(root)
        if path.is_file():
            targets = [(path, destination / relative)]
        else:
            shutil.copytree(path, destination / relative, ignore=_skip_caches)
            targets = [(m, destination / m.resolve().relative_to(root)) for m in _modules([path])]
        for module, target in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            source = module.read_text(encoding="utf-8")
            target.write_text(solutions.blank_version(source, str(module)), encoding="utf-8")
    if (root / notes).is_file():
        (destination / notes).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(root / notes, destination / notes)
    (destination / "pyproject.toml").write_text(
        f'[tool.pytest.ini_options]\nawslab_notes = "{notes}"\ntimeout = 60\n', encoding="utf-8"
    )


def _skip_caches(directory: str, names: list[str]) -> list[str]:
    return [n for n in names if n in ("__pycache__", ".pytest_cache")]


def check(
    paths: Sequence[Path],
    root: Path,
    notes: str = "notes/aws-dev-associate.md",
    extra_args: Sequence[str] = (),
) -> list[BlankResult]:
    """Run the blanked copy of ``paths``; one result per region-holding test."""
    expected = region_tests(paths, root)
    if not expected:
        return []
    with tempfile.TemporaryDirectory(prefix="awslab-blank-") as temporary:
        workspace = Path(temporary)
        _blank_copy(paths, root, workspace, notes)
        junit = workspace / "junit.xml"
        targets = [str(p.resolve().relative_to(root)) for p in paths]
        subprocess.run(
            [sys.executable, "-m", "pytest", *targets, "-q", "-p", "no:randomly",
             "-p", "no:cacheprovider", f"--junitxml={junit}", *extra_args],
            cwd=workspace, capture_output=True, text=True, check=False,
        )  # fmt: skip
        outcomes = _junit_outcomes(junit) if junit.exists() else {}
    return [
        BlankResult(nodeid, *outcomes.get(_base(nodeid), ("missing", "did not run")))
        for nodeid in sorted(expected)
    ]


def _base(nodeid: str) -> str:
    return nodeid.split("[", 1)[0]


def _junit_outcomes(junit: Path) -> dict[str, tuple[str, str]]:
    """``nodeid (without parameters) -> (outcome, detail)``; any failing case wins."""
    outcomes: dict[str, tuple[str, str]] = {}
    for case in ElementTree.parse(junit).iter("testcase"):
        # junit writes "labs.sqs.test_x.TestClass"; classes are the capitalised parts.
        parts = case.get("classname", "").split(".")
        classes = [p for p in parts if p[:1].isupper()]
        path = "/".join(p for p in parts if not p[:1].isupper()) + ".py"
        name = case.get("name", "").split("[", 1)[0]
        nodeid = "::".join([path, *classes, name])
        failure = case.find("failure")
        if failure is None:
            failure = case.find("error")
        skipped = case.find("skipped")
        if failure is not None:
            outcome = ("failed", (failure.get("message") or "").splitlines()[0][:200])
        elif skipped is not None and (skipped.get("message") or "").startswith(GAP_PREFIX):
            outcome = ("gap", skipped.get("message", ""))
        elif skipped is not None:
            outcome = ("skipped", skipped.get("message", ""))
        else:
            outcome = ("passed", "the test passes with its solution regions blanked")
        if outcomes.get(nodeid, ("",))[0] != "failed":
            outcomes[nodeid] = outcome
    return outcomes


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv) or ["labs"]
    root = Path.cwd().resolve()
    results = check([Path(a) for a in arguments], root)
    for result in results:
        mark = "ok " if result.ok else "BAD"
        print(f"{mark} {result.nodeid}: {result.outcome} {result.detail}".rstrip())
    bad = [r for r in results if not r.ok]
    print(f"{len(results) - len(bad)} of {len(results)} region tests fail when blanked")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
