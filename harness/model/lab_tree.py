"""The lab tree: a project's lab modules, and the tests each one holds.

The one way to find a lab's tests: the module's text is read by the region
scanner (``harness.model.regions``), which gives its tests in file order and
the solution regions in each, even in a student's file that does not parse.
Where a test's claim is wanted, the module is imported and the claim read off
each of those tests: importing (rather than parsing) resolves quotes kept in
module constants.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from harness.errors import LabError
from harness.model import regions
from harness.model.claims import Claim, claim_of
from harness.model.notes import NOTES

#: What marks a lab project's root folder: the one ``awslab`` paths are relative to.
PROJECT_MARKERS = ("pyproject.toml", NOTES)


@dataclass(frozen=True)
class LabTest:
    module: str  # the module's path below the project root, with "/"
    name: str  # "test_x", or "TestClass::test_x"
    line: int  # its def line
    claim: Claim
    regions: tuple[regions.Region, ...]  # what a student writes; none for a demonstration
    #: Its ``emulator_gap`` markers (the module's too): ((backend, ...), reason) each.
    gaps: tuple[tuple[tuple[str, ...], str], ...] = ()

    @property
    def nodeid(self) -> str:
        return f"{self.module}::{self.name}"

    @property
    def topic(self) -> str:
        return self.claim.topic

    @property
    def hints(self) -> tuple[str, ...]:
        return tuple(region.hint for region in self.regions if region.hint)


@dataclass(frozen=True)
class LabModule:
    path: Path
    relative: str  # below the project root, with "/"
    tests: tuple[LabTest, ...]  # in file order


def project_root(path: Path) -> Path:
    """The lab project ``path`` is in: the nearest folder at or above it with a
    ``pyproject.toml`` or the notes. ``LabError`` if there is none."""
    start = path.resolve()
    for folder in [start, *start.parents] if start.is_dir() else start.parents:
        if any((folder / marker).is_file() for marker in PROJECT_MARKERS):
            return folder
    raise LabError(
        f"{path} is not inside a lab project (no folder above it holds pyproject.toml "
        f"or {NOTES}): name a topic inside one, or run awslab from the project's folder"
    )


def common_root(paths: Sequence[Path]) -> Path:
    """The one project all ``paths`` are in; ``LabError`` if they span several."""
    roots = {project_root(path) for path in paths}
    if len(roots) > 1:
        listed = ", ".join(str(root) for root in sorted(roots))
        raise LabError(f"these labs come from different projects ({listed}): name one at a time")
    (root,) = roots
    return root


def lab_modules(paths: Sequence[Path]) -> list[Path]:
    """The ``test_*.py`` files named by ``paths`` (files or folders)."""
    modules: list[Path] = []
    for path in paths:
        modules += [path] if path.is_file() else sorted(path.rglob("test_*.py"))
    return modules


def relative_name(path: Path, root: Path) -> str:
    """``path`` below ``root``, with "/" (how pytest names the module in a node id)."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        raise LabError(f"{path} is not inside the lab project {root}") from None


def read_module(path: Path, root: Path) -> LabModule:
    """One lab module below ``root``: its tests in file order, each with claim and regions.

    Raises ``SolutionMarkupError`` for its markup, ``MarkerError`` for a claim
    marker, ``LabError`` if it does not import.
    """
    relative = relative_name(path, root)
    markup = regions.read_strictly(path.read_text(encoding="utf-8"), relative)
    module = _import(path, relative)
    held = markup.by_test()
    tests = []
    module_marks = list(getattr(module, "pytestmark", []))
    for name, line in markup.tests.items():
        function = _function(module, name, relative)
        claim = claim_of(function, f"{relative}::{name}")
        marks = [*module_marks, *getattr(function, "pytestmark", [])]
        gaps = tuple(
            (tuple(mark.args), str(mark.kwargs.get("reason", "")))
            for mark in marks
            if mark.name == "emulator_gap"
        )
        tests.append(LabTest(relative, name, line, claim, tuple(held.get(name, ())), gaps))
    return LabModule(path, relative, tuple(tests))


def lab_tree(paths: Sequence[Path], root: Path) -> list[LabModule]:
    """Every lab module under ``paths`` (below ``root``), read with ``read_module``."""
    return [read_module(path, root) for path in lab_modules(paths)]


def region_tests(paths: Sequence[Path], root: Path) -> dict[str, list[regions.Region]]:
    """``nodeid -> regions`` for every test holding a region under ``paths``.

    From the text alone (no import): what the blank check and the grader need.
    """
    found: dict[str, list[regions.Region]] = {}
    for path in lab_modules(paths):
        relative = relative_name(path, root)
        held = regions.regions_by_test(path.read_text(encoding="utf-8"), relative)
        found.update({f"{relative}::{name}": held_regions for name, held_regions in held.items()})
    return found


def _import(path: Path, relative: str):
    name = "awslab_lab_" + "_".join(path.with_suffix("").parts[-3:])
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise LabError(f"{relative} cannot be imported as a Python module")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except SyntaxError as error:
        raise LabError(
            f"{relative}:{error.lineno}: {error.msg}: fix the syntax, then run again"
        ) from None
    except Exception as error:  # whatever a lab's top level can raise, as one line
        what = " ".join(str(error).split())
        raise LabError(
            f"{relative} does not import ({type(error).__name__}: {what}): "
            f"run pytest {relative} to see where"
        ) from None
    return module


def _function(module, name: str, relative: str):
    owner = module
    for part in name.split("::"):
        owner = getattr(owner, part, None)
    if not callable(owner):
        raise LabError(f"{relative}: {name} is not a test function once the module is imported")
    return owner
