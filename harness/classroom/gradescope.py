"""A Gradescope autograder for some lab topics, and what runs inside it.

``awslab handout TOPIC... --gradescope FILE.zip`` writes the bundle Gradescope
asks for: ``setup.sh`` (run once, as root, when Gradescope builds its image),
``run_autograder`` (run for each submission), and the source they use — the
pristine labs (solutions included: Gradescope keeps the bundle from students,
and the sandbox keeps it from their code), the notes, the harness, its
``pyproject.toml``, and ``requirements.txt`` pinning every package to the
version this project runs with.

``run_autograder`` calls ``python -m harness.classroom.gradescope ROOT``, which
grades ``ROOT/submission`` exactly as ``awslab grade`` does (the same
splicing, rules, sandbox and reasons) and writes ``ROOT/results/results.json``
in Gradescope's format: one test per graded lab test (``name``, ``score``,
``max_score``, ``output``) and the total. ``ROOT`` is ``/autograder`` on
Gradescope; ``AUTOGRADER_ROOT`` names another, to try a bundle anywhere.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import tomllib
import zipfile
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from harness.classroom import sandbox
from harness.classroom.grade import Grade, grade
from harness.classroom.workspace import ignore_caches
from harness.errors import HandoutError
from harness.model import lab_tree
from harness.model.notes import NOTES

#: Where Gradescope puts everything, unless ``AUTOGRADER_ROOT`` says otherwise.
DEFAULT_ROOT = Path("/autograder")
TOPICS_FILE = "topics.json"

SETUP = """\
#!/usr/bin/env bash
# Gradescope runs this once, as root, on its Ubuntu 22.04 image: Python 3.11, bubblewrap
# (the sandbox each submission runs in), and the packages pinned in requirements.txt.
set -euo pipefail
apt-get update -qq
apt-get install -y -qq python3.11 python3.11-venv bubblewrap >/dev/null
python3.11 -m venv /autograder/venv
/autograder/venv/bin/pip install --quiet -r /autograder/source/requirements.txt
/autograder/venv/bin/pip install --quiet --no-deps /autograder/source
"""

RUN = """\
#!/usr/bin/env bash
# Gradescope runs this for each submission: grade $root/submission, write
# $root/results/results.json. AUTOGRADER_ROOT (default /autograder) and AWSLAB_PYTHON
# (default the venv setup.sh made) let it run anywhere.
set -uo pipefail
root="${AUTOGRADER_ROOT:-/autograder}"
python="${AWSLAB_PYTHON:-$root/venv/bin/python}"
cd "$root/source" && exec "$python" -m harness.classroom.gradescope "$root"
"""


def bundle(topics: Sequence[Path], root: Path, out: Path, notes: str = NOTES) -> Path:
    """Write the autograder zip for ``topics`` (folders below ``root``) to ``out``."""
    if out.suffix != ".zip":
        raise HandoutError(f"{out}: Gradescope takes the autograder as a .zip file")
    lab_tree.lab_tree(topics, root)  # every lab imports, before anything is written
    with tempfile.TemporaryDirectory(prefix="awslab-gradescope-") as temporary:
        source = Path(temporary)
        for topic in topics:
            relative = lab_tree.relative_name(topic, root)
            shutil.copytree(topic, source / relative, ignore=ignore_caches)
        for conftest in (root / "labs").glob("conftest.py"):
            shutil.copy(conftest, source / "labs" / conftest.name)
        (source / notes).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(root / notes, source / notes)
        shutil.copytree(root / "harness", source / "harness", ignore=ignore_caches)
        shutil.copy(root / "pyproject.toml", source / "pyproject.toml")
        names = [lab_tree.relative_name(t, root) for t in topics]
        (source / TOPICS_FILE).write_text(json.dumps(names) + "\n", encoding="utf-8")
        (source / "requirements.txt").write_text(pinned_requirements(root), encoding="utf-8")
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in (("setup.sh", SETUP), ("run_autograder", RUN)):
                info = zipfile.ZipInfo(name)
                info.external_attr = 0o755 << 16  # executable, as Gradescope requires
                archive.writestr(info, text)
            for path in sorted(source.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(source).as_posix())
    return out


def pinned_requirements(root: Path) -> str:
    """Every package of this environment at its version, but awslab itself and the
    development tools: what the grader ran with here is what Gradescope installs."""
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    development = {
        _name(requirement)
        for requirement in project.get("optional-dependencies", {}).get("dev", [])
    }
    skip = {_name(project["name"]), *development}
    pins = {
        f"{_name(dist.metadata['Name'])}=={dist.version}"
        for dist in metadata.distributions()
        if dist.metadata["Name"] and _name(dist.metadata["Name"]) not in skip
    }
    return "\n".join(sorted(pins)) + "\n"


def _name(requirement: str) -> str:
    for stop in "[<>=!~; ":
        requirement = requirement.split(stop, 1)[0]
    return requirement.strip().lower().replace("_", "-")


def run(root: Path) -> dict:
    """Grade ``root/submission`` against the labs in ``root/source``; write and return
    ``root/results/results.json``."""
    source = root / "source"
    topics = [source / name for name in json.loads((source / TOPICS_FILE).read_text())]
    how = sandbox.isolation()
    with tempfile.TemporaryDirectory(prefix="awslab-submission-") as temporary:
        submission = _laid_out(root / "submission", topics, source, Path(temporary))
        result = grade(submission, topics, source, how=how)
    results = results_json(result, how.warning)
    (root / "results").mkdir(parents=True, exist_ok=True)
    (root / "results" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    return results


def results_json(result: Grade, warning: str | None = None) -> dict:
    """Gradescope's format: a test per graded lab test, and the total."""
    notes = [f"warning: {warning}"] if warning else []
    if result.ungraded:
        notes.append(
            "not graded (the emulator differs from AWS there): " + ", ".join(result.ungraded)
        )
    return {
        "score": result.score,
        "output": "\n".join(notes),
        "tests": [
            {
                "name": test.test,
                "score": test.points,
                "max_score": 1,
                "output": test.reason or "passed",
                "visibility": "visible",
            }
            for test in result.tests
        ],
    }


def _laid_out(handed_in: Path, topics: Sequence[Path], source: Path, into: Path) -> Path:
    """The submission as the grader reads it (``labs/<topic>/test_x.py``), whether the
    student uploaded the folder or only its files: a file found once by name counts."""
    for module in lab_tree.lab_modules(topics):
        relative = module.relative_to(source)
        candidates = [handed_in / relative] if (handed_in / relative).is_file() else []
        candidates = candidates or sorted(handed_in.rglob(module.name))
        if len(candidates) == 1:
            (into / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(candidates[0], into / relative)
    return into


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    root = Path(arguments[0]) if arguments else DEFAULT_ROOT
    results = run(root)
    total = sum(test["max_score"] for test in results["tests"])
    print(f"graded: {results['score']}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
