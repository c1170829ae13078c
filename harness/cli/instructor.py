"""The instructor's and lab author's commands: handout, grade, check, report."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from rich.console import Console
from rich.table import Table

from harness.classroom import check, coverage, docs, gradescope, sandbox, scaffold
from harness.classroom.grade import Grade, grade
from harness.classroom.handout import handout
from harness.errors import AwslabError, CommandError
from harness.model.lab_tree import common_root, project_root
from harness.model.notes import NOTES, Notes
from harness.report import drift
from harness.report import page as notes_page


def run_handout(options, console: Console) -> int:
    if options.out is None and options.gradescope is None:
        raise CommandError("say where to write: --out FOLDER, --gradescope FILE.zip, or both")
    root = common_root(options.topics)  # the topics' project, wherever awslab runs from
    if options.out is not None:
        modules = handout(
            options.topics, options.out, root, force=options.force, classroom=options.classroom
        )
        console.print(f"wrote {len(modules)} lab modules to {options.out}/ (student README inside)")
    if options.gradescope is not None:
        written = gradescope.bundle(options.topics, root, options.gradescope)
        console.print(f"wrote the Gradescope autograder {written} (setup.sh, run_autograder)")
    return 0


def run_grade(options, console: Console) -> int:
    root = common_root(options.against)
    how = sandbox.isolation()
    if how.warning:
        Console(stderr=True).print(f"[yellow]warning:[/yellow] {how.warning}")
    with ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
        grades = list(
            pool.map(
                lambda s: grade(s, options.against, root, options.timeout, how),
                options.submissions,
            )
        )
    if options.csv:
        write_csv(options.csv, grades)
    if options.json:
        print(json.dumps([g.as_dict() for g in grades], indent=2))
        return 0
    if options.markdown:
        print("\n".join(markdown_table(result) for result in grades))
        return 0
    for result in grades:
        table = Table(title=f"{result.submission}: {result.score}/{result.total}")
        table.add_column("test")
        table.add_column("points", justify="right")
        table.add_column("why not")
        for test in result.tests:
            table.add_row(test.test, str(test.points), test.reason or "")
        console.print(table)
        if result.ungraded:
            console.print(f"not graded on moto (emulator gaps): {', '.join(result.ungraded)}")
    return 0


def markdown_table(result: Grade) -> str:
    """One submission's points per test, as a Markdown table."""
    rows = [f"### {result.submission}: {result.score}/{result.total}", "",
            "| test | points | why not |", "|---|---:|---|"]  # fmt: skip
    for test in result.tests:
        reason = (test.reason or "").replace("|", "\\|")
        rows.append(f"| `{test.test}` | {test.points} | {reason} |")
    if result.ungraded:
        rows += [
            "",
            "Not graded (the emulator differs from AWS there): " + ", ".join(result.ungraded),
        ]
    return "\n".join(rows) + "\n"


def write_csv(path: Path, grades: Sequence[Grade]) -> None:
    tests = sorted({t.test for g in grades for t in g.tests})
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["submission", "score", "total", *tests])
        for result in grades:
            points = {t.test: t.points for t in result.tests}
            writer.writerow(
                [result.submission, result.score, result.total, *(points.get(t, "") for t in tests)]
            )


def run_check(options, console: Console) -> int:
    paths = options.paths or [project_root(Path.cwd()) / "labs"]
    problems, held = check.check_labs(paths, common_root(paths))
    if options.json:
        print(json.dumps({"problems": problems, "held_back_questions": held}, indent=2))
    else:
        for problem in problems:
            console.print(f"[red]✗[/red] {problem}")
        for line in held:
            console.print(f"held back: {line}")
        console.print(f"{len(problems)} problems" if problems else "all labs check out")
    return 1 if problems else 0


def run_report(options, console: Console) -> int:
    baseline_paths = options.baseline or []
    for path in [*options.reports, *baseline_paths, options.notes]:
        if not path.is_file():
            raise CommandError(f"{path} is not a file")
    try:
        reports = notes_page.load(options.reports)
        baseline = notes_page.load(baseline_paths)
    except (ValueError, KeyError) as error:
        raise CommandError(f"not a claims report: {error}") from None
    if baseline_paths:
        return _report_drift(baseline, reports, console)
    labs = _labs_beside(options.notes)
    page = notes_page.write(reports, options.notes, str(options.notes), options.out, labs)
    parity = options.out / "parity.md"
    parity.write_text(notes_page.parity_markdown(reports), encoding="utf-8")
    console.print(f"wrote {page} and {parity}")
    return 0


def _report_drift(baseline: list[dict], reports: list[dict], console: Console) -> int:
    changed = drift.changes(baseline, reports)
    for change in changed:
        console.print(change.line(), markup=False, highlight=False)
    compared = sorted({r["backend"] for r in baseline} & {r["backend"] for r in reports})
    if not compared:
        raise CommandError("the baseline and these reports share no backend: nothing to compare")
    console.print(
        f"{len(changed)} verdicts changed on {', '.join(compared)}"
        if changed
        else f"no verdict changed on {', '.join(compared)}"
    )
    return 1 if changed else 0


def _topic_folder(name: str) -> Path:
    """``sqs`` means ``labs/sqs``, as in ``awslab quiz sqs``; a folder is taken as it is."""
    for candidate in (Path(name), Path("labs") / name):
        if candidate.is_dir():
            return candidate
    raise CommandError(f"{name} is not a topic: name one (sqs) or its folder (labs/sqs)")


def run_docs(options, console: Console) -> int:
    """Rewrite (or with --check, only compare) the generated parts of topic READMEs."""
    labs = Path("labs")
    topics = [_topic_folder(name) for name in options.topics] or sorted(
        p for p in labs.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))
    )
    stale = [topic for topic in topics if docs.update(topic, write=not options.check)]
    for topic in stale:
        if options.check:
            console.print(f"{topic / docs.README} is behind its tests: `awslab docs {topic.name}`")
        else:
            console.print(f"wrote {topic / docs.README}")
    if not stale:
        console.print(f"{len(topics)} READMEs up to date")
    return 1 if options.check and stale else 0


def run_coverage(options, console: Console) -> int:
    """Per section of the notes: bullets, claimed, listed as no API, undecided; and the
    undecided bullets of the sections named."""
    root = project_root(Path.cwd())
    if not (root / NOTES).is_file():
        raise CommandError(f"{root / NOTES}: no notes there to cover")
    notes = Notes(root / NOTES)
    found = coverage.sections(root / "labs", root, notes)
    chosen = [s for s in found if any(w.lower() in s.name.lower() for w in options.sections)]
    missing = [w for w in options.sections if not any(w.lower() in s.name.lower() for s in found)]
    if missing:
        names = ", ".join(s.name for s in found)
        raise CommandError(f"no section of the notes is named like {missing[0]!r}: {names}")
    if options.json:
        print(json.dumps([section.__dict__ for section in chosen or found], indent=2))
        return 0
    table = Table("section", "bullets", "claimed", "listed (no API)", "undecided")
    for section in found:
        table.add_row(
            section.name,
            str(section.bullets),
            str(section.claimed),
            str(section.listed),
            str(len(section.undecided)),
        )
    console.print(table)
    for section in chosen:
        console.print(f"\n{section.name}: {len(section.undecided)} undecided")
        for line in section.undecided:
            kind = "heading" if notes.has_children(line) else "bullet"
            console.print(f"  {line} ({kind}) {notes.lines[line - 1].strip()}", markup=False)
    return 0


def run_new(options, console: Console) -> int:
    """Scaffold a topic from the template."""
    written = scaffold.new_topic(options.topic, options.labs)
    for path in written:
        console.print(f"wrote {path}")
    first_lab = options.labs / options.topic / scaffold.FIRST_LAB
    console.print(
        f"next: in {first_lab}, quote a bullet of the notes and write the scenario and its "
        f"solution; then `awslab check {first_lab.parent}`"
    )
    return 0


def _labs_beside(notes: Path) -> Path | None:
    """The ``labs`` folder of the project that holds ``notes``, if there is one."""
    try:
        labs = project_root(notes) / "labs"
    except AwslabError:
        return None
    return labs if labs.is_dir() else None
