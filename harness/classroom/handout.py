"""Make a student's copy of some lab topics: solutions cut out, everything else kept.

The folder is self-contained: the lab modules with every solution region
replaced by a TODO stub that carries the hint, each topic's README and
conftest, the part of the notes the labs quote, the harness itself (so
``pip install -e .`` is the whole setup), and a README for the student.
A pristine copy of each stub is kept in ``.awslab/handout/`` for ``awslab reset``.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from harness.classroom import workspace
from harness.errors import HandoutError
from harness.model import lab_tree, regions
from harness.model.notes import NOTES, Notes

PRISTINE = Path(".awslab/handout")


STUDENT_README = """\
# AWS hands-on labs: {topics}

Each test here proves one claim from your study notes (`notes/aws-dev-associate.md`)
against an AWS emulator on your own machine: no AWS account, no cost.

## Your task

Find every `TODO:` in `labs/`. Write your code between `# BEGIN SOLUTION` and
`# END SOLUTION`, where the `NotImplementedError` is, until the tests pass.
Only what is between those markers is graded: changes anywhere else are ignored,
and the markers themselves must stay.

## Set up (once)

```
python3 -m venv .venv
.venv/bin/pip install -e .
```

## Run

```
{runs}
```

A failing test shows the claim it proves, the notes bullet it quotes and a hint.
Start again on a file with `.venv/bin/awslab reset labs/<topic>/<file>.py`.
"""


#: Where a handout made with ``classroom=True`` carries its feedback workflow.
FEEDBACK_WORKFLOW = Path(".github/workflows/feedback.yml")


def handout(
    topics: Sequence[Path],
    out: Path,
    root: Path,
    notes: str = NOTES,
    force: bool = False,
    classroom: bool = False,
) -> list[Path]:
    """Write the student folder for ``topics`` (folders below ``root``) into ``out``;
    ``classroom``: with a GitHub Actions workflow that grades each push, as feedback."""
    for topic in topics:
        if not topic.is_dir() or not (topic / "README.md").is_file():
            raise HandoutError(f"{topic} is not a lab topic (a folder with a README.md)")
    if out.exists() and not out.is_dir():
        raise HandoutError(f"{out} is a file: name a folder to write the handout into")
    if out.exists() and any(out.iterdir()) and not force:
        raise HandoutError(f"{out} is not empty: choose an empty folder, or pass --force")
    for needed in (notes, "pyproject.toml", "harness"):
        if not (root / needed).exists():
            raise HandoutError(
                f"{root} has no {needed}: a handout carries the notes, the harness and its "
                "pyproject.toml; hand out from a copy of the awslab project"
            )
    # Every module read before anything is written: a broken lab leaves no half-made folder.
    labs = lab_tree.lab_tree(topics, root)
    for topic in topics:  # --force: no stale module of an earlier handout survives
        shutil.rmtree(out / lab_tree.relative_name(topic, root), ignore_errors=True)

    def stub(relative: Path, text: str) -> str:
        student = regions.student_version(text, relative.as_posix())
        pristine = out / PRISTINE / relative
        pristine.parent.mkdir(parents=True, exist_ok=True)
        pristine.write_text(student, encoding="utf-8")
        return student

    workspace.copy_labs(topics, root, out, stub, notes)
    quotes = {test.claim.quote for lab in labs for test in lab.tests if test.claim.quote}
    (out / notes).write_text(Notes(root / notes).excerpt(quotes), encoding="utf-8")
    shutil.copytree(
        root / "harness", out / "harness", ignore=workspace.ignore_caches, dirs_exist_ok=True
    )
    shutil.copy(root / "pyproject.toml", out / "pyproject.toml")
    if classroom:
        template = (Path(__file__).parent / "templates" / "feedback.yml").read_text()
        targets = " ".join(lab_tree.relative_name(t, root) for t in topics)
        (out / FEEDBACK_WORKFLOW).parent.mkdir(parents=True, exist_ok=True)
        (out / FEEDBACK_WORKFLOW).write_text(template.replace("TOPICS", targets))
    names = [t.name for t in topics]
    runs = "\n".join(f".venv/bin/pytest {lab_tree.relative_name(t, root)}" for t in topics)
    (out / "README.md").write_text(
        STUDENT_README.format(topics=", ".join(names), runs=runs), encoding="utf-8"
    )
    return lab_tree.lab_modules([out / lab_tree.relative_name(t, root) for t in topics])


def reset(module: Path) -> Path:
    """Put a handed-out module back as it was handed out; returns the pristine copy used."""
    handout_root = lab_tree.project_root(module)
    relative = lab_tree.relative_name(module, handout_root)
    pristine = handout_root / PRISTINE / relative
    if not pristine.is_file():
        raise HandoutError(
            f"no handed-out copy of {relative} in {handout_root / PRISTINE}: "
            "reset works on a file of a student folder written by awslab handout"
        )
    shutil.copy(pristine, module)
    return pristine
