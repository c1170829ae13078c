"""What a solution region may contain, checked before any of it runs.

The regions of these labs are a few boto3 calls, values and clock moves. A
student's region runs inside the instructor's test, so anything more (an
import of ``os``, a reach for a dunder attribute, ``exec``, a hook on a shared
client) could forge a verdict or harm the grader's machine. The grader reads
each region's syntax tree against the rules below and, if one is broken,
runs none of it: the test costs its point, with the reason
("not allowed in a solution: import os"). ``awslab check`` holds the
instructor's own solutions to the same rules, so every lab stays gradable.

This is the first of the grader's defences, not the only one: whatever
passes it still runs in a sandbox, one test per process (``sandbox``,
``harness.plugin.sealed``).
"""

from __future__ import annotations

import ast

#: Modules a region may import: values and pure functions, no way out of the process.
SAFE_IMPORTS = frozenset({
    "base64", "collections", "datetime", "decimal", "fractions", "gzip", "hashlib",
    "itertools", "json", "math", "random", "re", "statistics", "string", "textwrap",
    "time", "uuid", "zlib", "boto3.dynamodb.conditions", "botocore.exceptions",
})  # fmt: skip

#: Built-ins that run text as code, open files, or reach objects by name.
FORBIDDEN_NAMES = frozenset({
    "exec", "eval", "compile", "open", "input", "breakpoint", "help", "exit", "quit",
    "getattr", "setattr", "delattr", "hasattr", "globals", "locals", "vars", "dir",
    "type", "object", "super", "memoryview", "classmethod", "staticmethod", "property",
})  # fmt: skip

#: Attributes that reach a client's or a session's event hooks, patch a module, or
#: walk up the call stack to the test runner's frames.
FORBIDDEN_ATTRIBUTES = frozenset({
    "meta", "register", "register_first", "register_last", "unregister",
    "setattr", "delattr", "syspath_prepend", "chdir",
    "f_globals", "f_locals", "f_back", "f_builtins", "gi_frame", "cr_frame", "tb_frame",
})  # fmt: skip

#: Modules a lab module may import for its own use, whose other powers a region must
#: not borrow: only these attributes of them.
GUARDED_MODULES: dict[str, frozenset[str]] = {
    "os": frozenset({"urandom"}),
    "sys": frozenset(),
    "subprocess": frozenset(),
    "shutil": frozenset(),
    "socket": frozenset(),
    "signal": frozenset(),
    "atexit": frozenset(),
    "builtins": frozenset(),
    "importlib": frozenset(),
    "inspect": frozenset(),
    "gc": frozenset(),
    "ctypes": frozenset(),
    "threading": frozenset(),
    "multiprocessing": frozenset(),
    "pathlib": frozenset(),
    "io": frozenset(),
    "pickle": frozenset(),
    "marshal": frozenset(),
    "tempfile": frozenset(),
    "glob": frozenset(),
    "resource": frozenset(),
    "pytest": frozenset({"raises", "approx"}),
    "_pytest": frozenset(),
    "pluggy": frozenset(),
    "types": frozenset(),
    "weakref": frozenset(),
    "asyncio": frozenset(),
    "runpy": frozenset(),
    "code": frozenset(),
    "pdb": frozenset(),
    "faulthandler": frozenset(),
    "sqlite3": frozenset(),
}


class Rules:
    """The rules for the regions of one lab module: its imports, read once."""

    def __init__(self, module_source: str = "") -> None:
        #: Names the module's imports bind to guarded modules (or to what they hold).
        self.guarded = _guarded_names(module_source)

    def problem(self, body: str) -> str | None:
        """Why the region ``body`` may not run, or None."""
        try:
            tree = ast.parse(body)
        except SyntaxError:
            return None  # the grader reports syntax errors in its own words
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            found = _forbidden(node, self.guarded, parents)
            if found:
                return f"not allowed in a solution: {found}"
        return None


def _forbidden(
    node: ast.AST, guarded: dict[str, frozenset[str]], parents: dict[ast.AST, ast.AST]
) -> str | None:
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name not in SAFE_IMPORTS and alias.name.split(".")[0] not in SAFE_IMPORTS:
                return f"import {alias.name}"
    elif isinstance(node, ast.ImportFrom):
        module = node.module or ""
        if node.level or (module not in SAFE_IMPORTS and module.split(".")[0] not in SAFE_IMPORTS):
            return f"from {'.' * node.level}{module} import ..."
    elif isinstance(node, ast.Global | ast.Nonlocal):
        return f"{type(node).__name__.lower()} {', '.join(node.names)}"
    elif isinstance(node, ast.ClassDef | ast.AsyncFunctionDef | ast.Await):
        return {ast.ClassDef: "a class", ast.AsyncFunctionDef: "async def"}.get(type(node), "await")
    elif isinstance(node, ast.Name):
        if node.id.startswith("__"):  # ``_`` and a private helper of the lab are fine
            return node.id
        if node.id in FORBIDDEN_NAMES:
            return node.id
        parent = parents.get(node)
        if node.id in guarded:
            # A guarded module's name is only ever read as ``module.allowed_attribute``.
            if not (isinstance(parent, ast.Attribute) and parent.attr in guarded[node.id]):
                return (
                    node.id if not isinstance(parent, ast.Attribute) else f"{node.id}.{parent.attr}"
                )
    elif isinstance(node, ast.Attribute):
        if node.attr.startswith("_") or node.attr in FORBIDDEN_ATTRIBUTES:
            return f".{node.attr}"
    return None


def _guarded_names(module_source: str) -> dict[str, frozenset[str]]:
    """The names the module's imports bind to guarded modules (or to what they hold)."""
    try:
        tree = ast.parse(module_source)
    except SyntaxError:
        return {}
    names: dict[str, frozenset[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                root = alias.name.split(".")[0]
                if root in GUARDED_MODULES:
                    whole_module = alias.asname is None or alias.name == root
                    names[alias.asname or root] = (
                        GUARDED_MODULES[root] if whole_module else frozenset()
                    )
        elif isinstance(node, ast.ImportFrom) and node.module:
            root = node.module.split(".")[0]
            if root in GUARDED_MODULES:
                for alias in node.names:
                    # A name taken from a guarded module: a region may not touch it at all,
                    # unless it is one of that module's allowed attributes.
                    if alias.name not in GUARDED_MODULES[root]:
                        names[alias.asname or alias.name] = frozenset()
    return names
