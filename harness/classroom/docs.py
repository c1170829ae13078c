"""The parts of a topic's README written from its tests: errata and emulator gaps.

A README teaches in prose, but two of its lists state facts the tests already
hold: where the notes are wrong (a claim's ``errata=`` and ``source=``) and
where an emulator differs from AWS (``emulator_gap(backend, reason=...)``).
Those lists are generated between two comments, so they cannot drift from
the code::

    <!-- BEGIN GENERATED: errata -->
    ...
    <!-- END GENERATED -->

``awslab docs [TOPIC...]`` rewrites them; ``--check`` only says which differ
(a test does the same, so CI catches a README left behind).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from harness.errors import AuthoringError
from harness.model.lab_tree import LabTest, lab_tree

README = "README.md"
ERRATA = "errata"
GAPS = "emulator-gaps"
SECTIONS = (ERRATA, GAPS)
BLOCK = re.compile(
    r"(?P<begin><!-- BEGIN GENERATED: (?P<name>[\w-]+) -->\n)(?P<body>.*?)"
    r"(?P<end><!-- END GENERATED -->)",
    re.DOTALL,
)
BACKEND_NAMES = {"moto": "moto", "localstack": "LocalStack", "dynamodb-local": "DynamoDB Local"}


def lab_tests(topic: Path) -> list[LabTest]:
    """Every test of ``topic``, in file and line order, from the lab tree."""
    # Names below the topic's parent: a README names its modules by file name only.
    modules = lab_tree([topic], topic.resolve().parent)
    return [test for module in modules for test in module.tests]


def errata_section(tests: Sequence[LabTest]) -> str:
    """One bullet per correction: the notes' words it corrects, what AWS does, the source.

    Claims that share one correction (two bullets of the notes saying the same
    wrong thing) share one bullet.
    """
    quotes: dict[tuple[str, str], list[str]] = {}
    modules: dict[tuple[str, str], list[str]] = {}
    for test in tests:
        claim = test.claim
        if claim.errata:
            correction = (_sentence(claim.errata), claim.source or "")
            for seen, value in (
                (quotes, f'**"{claim.quote}"**'),
                (modules, f"`{Path(test.module).name}`"),
            ):
                if value not in seen.setdefault(correction, []):
                    seen[correction].append(value)
    if not quotes:
        return "None: no claim here corrects the notes.\n"
    lines = []
    for (errata, source), said in quotes.items():
        where = ", ".join(modules[(errata, source)])
        lines.append(f"- {', '.join(said)} ({where}): {errata} [source]({source})")
    return "\n".join(lines) + "\n"


def gaps_section(tests: Sequence[LabTest]) -> str:
    """Per emulator (or both), one bullet per reason, with the tests it marks."""
    marked: dict[tuple[str, str], set[str]] = {}  # (test, reason) -> backends
    for test in tests:
        for backends, reason in test.gaps:
            marked.setdefault((f"`{Path(test.module).name}::{test.name}`", reason), set()).update(
                backends
            )
    if not marked:
        return "None: no test here is marked as an emulator gap.\n"
    groups: dict[tuple[str, ...], dict[str, list[str]]] = {}
    for (test_id, reason), on in marked.items():
        together = tuple(backend for backend in BACKEND_NAMES if backend in on)
        groups.setdefault(together, {}).setdefault(reason, []).append(test_id)
    parts = []
    order = list(BACKEND_NAMES)
    for together in sorted(groups, key=lambda names: (len(names), [order.index(n) for n in names])):
        bullets = [
            f"- {_sentence(reason)} ({', '.join(test_ids)})"
            for reason, test_ids in groups[together].items()
        ]
        names = " and ".join(BACKEND_NAMES[backend] for backend in together)
        parts.append(f"On {names}:\n\n" + "\n".join(bullets) + "\n")
    return "\n".join(parts)


def generated_sections(topic: Path) -> dict[str, str]:
    """``section name -> text`` for the generated parts of ``topic``'s README."""
    tests = lab_tests(topic)
    return {ERRATA: errata_section(tests), GAPS: gaps_section(tests)}


def rewrite(readme: str, sections: dict[str, str], where: str = README) -> str:
    """``readme`` with each generated block's body replaced by its section's text."""
    seen = set()

    def replace(match: re.Match) -> str:
        name = match["name"]
        if name not in sections:
            raise AuthoringError(
                f"{where}: unknown generated block {name!r}; the blocks are {', '.join(SECTIONS)}"
            )
        seen.add(name)
        return f"{match['begin']}{sections[name]}{match['end']}"

    text = BLOCK.sub(replace, readme)
    missing = [name for name in sections if name not in seen]
    if missing:
        raise AuthoringError(
            f"{where} has no <!-- BEGIN GENERATED: {missing[0]} --> ... <!-- END GENERATED --> "
            "block: add one where that list belongs (see CONTRIBUTING.md)"
        )
    return text


def update(topic: Path, *, write: bool = True) -> bool:
    """Bring ``topic``'s README's generated blocks up to date; whether they differed."""
    path = topic / README
    if not path.is_file():
        raise AuthoringError(f"{topic}: no {README} (a topic teaches before it tests)")
    text = path.read_text(encoding="utf-8")
    wanted = rewrite(text, generated_sections(topic), str(path))
    if wanted == text:
        return False
    if write:
        path.write_text(wanted, encoding="utf-8")
    return True


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else text + "."
