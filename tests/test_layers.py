"""The harness's folders are its layers, and imports run one way between them.

The table is the README's ("Layout"): a folder may import only the folders it
lists (and ``errors``, which every folder may). An import that breaks the
table fails here, naming the module and the import, so a new dependency is a
decision made in the README, not an accident.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

HARNESS = Path(__file__).resolve().parent.parent / "harness"

ALLOWED: dict[str, set[str]] = {
    "cli": {
        "model",
        "plugin",
        "testkit",
        "backends",
        "lambda_runtime",
        "launcher",
        "report",
        "classroom",
        "quiz",
    },  # fmt: skip
    "classroom": {"quiz", "report", "model"},  # check reads the questions
    "quiz": {"report", "model"},
    "plugin": {"testkit", "backends", "report", "model"},
    "testkit": {"lambda_runtime", "model"},
    "backends": {"lambda_runtime", "launcher", "model"},
    "report": {"model"},
    "launcher": {"model"},
    "lambda_runtime": {"backends"},  # the worker process's loopback guard, nothing else
    "model": set(),
    "errors": set(),
    "__main__": {"cli"},
    "__init__": set(),
}


def layer_of(module: str) -> str:
    """``harness.plugin.fixtures`` -> ``plugin``; ``harness.errors`` -> ``errors``."""
    return module.split(".")[1] if module.count(".") else "__init__"


def harness_imports(path: Path) -> list[str]:
    """The ``harness.*`` modules ``path`` imports, anywhere in it (also inside functions)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [
                node.module if node.module != "harness" else f"harness.{alias.name}"
                for alias in node.names
            ]
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
    return [name for name in found if name == "harness" or name.startswith("harness.")]


MODULES = sorted(HARNESS.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(HARNESS).as_posix())
def test_a_module_imports_only_the_layers_below_it(path: Path):
    relative = path.relative_to(HARNESS).with_suffix("")
    layer = relative.parts[0]
    allowed = ALLOWED[layer] | {layer, "errors"}
    wrong = [name for name in harness_imports(path) if layer_of(name) not in allowed]
    assert not wrong, f"harness/{relative}.py imports {wrong}: {layer} may import {sorted(allowed)}"


def test_the_table_knows_every_folder():
    folders = {p.name for p in HARNESS.iterdir() if p.is_dir() and p.name != "__pycache__"}
    modules = {p.stem for p in HARNESS.glob("*.py")}
    assert folders | modules == set(ALLOWED)
