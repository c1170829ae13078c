"""The claims report as a page: the notes themselves, with a verdict beside each claim.

Takes one ``claims.json`` per backend (moto, DynamoDB Local, LocalStack...) and renders one
HTML page: a summary per backend, coverage per notes section (bullets that a
claim quotes / bullets), and every line of the notes with its claims' verdicts.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from harness.model.notes import Notes
from harness.model.outcomes import Verdict


@dataclass
class LineClaim:
    id: str
    errata: str | None
    source: str | None
    outcomes: dict[str, Verdict] = field(default_factory=dict)
    reasons: dict[str, str | None] = field(default_factory=dict)


def load(paths: list[Path]) -> list[dict]:
    """Read ``claims.json`` files; two runs of one backend is a mistake worth saying."""
    reports = [json.loads(path.read_text(encoding="utf-8")) for path in paths]
    backends = [r["backend"] for r in reports]
    duplicated = {b for b in backends if backends.count(b) > 1}
    if duplicated:
        raise ValueError(f"two reports for backend {sorted(duplicated)[0]}: give one per backend")
    return reports


def render(reports: list[dict], notes: Notes, notes_name: str) -> str:
    backends = [r["backend"] for r in reports]
    by_line: dict[int, dict[str, LineClaim]] = {}
    for report in reports:
        for claim in report["claims"]:
            location = notes.find(claim["quote"])
            if location is None:
                continue  # the quote left the notes; `awslab check` says so
            line_claims = by_line.setdefault(location.line, {})
            entry = line_claims.setdefault(
                claim["id"], LineClaim(claim["id"], claim["errata"], claim["source"])
            )
            entry.outcomes[report["backend"]] = Verdict(claim["outcome"])
            entry.reasons[report["backend"]] = claim["reason"]
    all_claims = [c for claims in by_line.values() for c in claims.values()]
    for claim in all_claims:
        for backend in backends:
            claim.outcomes.setdefault(backend, Verdict.NOT_RUN)
            claim.reasons.setdefault(backend, None)
    counts = {b: Counter(c.outcomes[b] for c in all_claims) for b in backends}
    lines = [
        {"number": n, "text": text, "claims": list(by_line.get(n, {}).values())}
        for n, text in enumerate(notes.lines, start=1)
    ]
    import jinja2  # here, not at the top: every pytest run imports this module

    template = jinja2.Environment(
        loader=jinja2.PackageLoader("harness.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    ).get_template("claims.html.j2")
    return template.render(
        backends=backends,
        verdicts=list(Verdict),
        counts=counts,
        coverage=notes.coverage(set(by_line)),
        lines=lines,
        notes_name=notes_name,
    )


def write(reports: list[dict], notes_path: Path, notes_name: str, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    page = out / "claims.html"
    page.write_text(render(reports, Notes(notes_path), notes_name), encoding="utf-8")
    return page


def parity_markdown(reports: list[dict]) -> str:
    """Claim x backend, in Markdown: where the emulators agree, and where not.

    Only the backends that ran a claim are compared (DynamoDB Local runs the DynamoDB
    labs alone); "-" where fewer than two did.
    """
    backends = [r["backend"] for r in reports]
    outcomes: dict[str, dict[str, str]] = {}
    for report in reports:
        for claim in report["claims"]:
            outcomes.setdefault(claim["id"], {})[report["backend"]] = claim["outcome"]
    lines = [
        "| claim | " + " | ".join(backends) + " | agree |",
        "|---|" + "---|" * (len(backends) + 1),
    ]
    for claim_id in sorted(outcomes):
        row = [outcomes[claim_id].get(b, Verdict.NOT_RUN) for b in backends]
        ran = [verdict for verdict in row if verdict != Verdict.NOT_RUN]
        agree = "-" if len(ran) < 2 else "yes" if len(set(ran)) == 1 else "no"
        lines.append(f"| {claim_id} | " + " | ".join(row) + f" | {agree} |")
    return "\n".join(lines) + "\n"
