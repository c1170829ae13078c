"""The claims report as a page: the notes themselves, with a verdict beside each claim.

Takes one ``claims.json`` per backend (moto, DynamoDB Local, LocalStack...) and renders one
HTML page. First the claims no emulator here could observe ("unproven here":
their tests stand on the documentation alone, named by ``source=``), then a
summary per backend and across them, coverage per notes section (bullets that
a claim quotes, bullets a topic README lists as showing nothing an API can
observe, bullets), the claims beyond the notes, and every line of the
notes with its claims' verdicts.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path

from harness.model import no_api
from harness.model.notes import Notes
from harness.model.outcomes import Verdict, overall


@dataclass
class PageClaim:
    id: str
    quote: str | None
    beyond_notes: str | None
    errata: str | None
    source: str | None
    line: int | None = None  # where its quote stands in the notes being rendered
    outcomes: dict[str, Verdict] = field(default_factory=dict)
    reasons: dict[str, str | None] = field(default_factory=dict)

    @property
    def verdict(self) -> Verdict:
        """Across every backend that ran it."""
        return overall(self.outcomes.values())


def load(paths: list[Path]) -> list[dict]:
    """Read ``claims.json`` files, one report per backend.

    Several reports of one backend are shards of one run (a CI matrix that splits
    the labs by topic) and are merged; two that both hold a claim are two runs of
    it, a mistake worth saying.
    """
    merged: dict[str, dict] = {}
    for path in paths:
        report = json.loads(path.read_text(encoding="utf-8"))
        backend = report["backend"]
        if backend not in merged:
            merged[backend] = {**report, "claims": list(report["claims"])}
            continue
        seen = {claim["id"] for claim in merged[backend]["claims"]}
        twice = sorted(seen & {claim["id"] for claim in report["claims"]})
        if twice:
            raise ValueError(
                f"two reports for backend {backend} both hold claim {twice[0]}: give one run "
                "per backend (shards of a run, split by topic, are merged)"
            )
        merged[backend]["claims"] += report["claims"]
    return list(merged.values())


def render(
    reports: list[dict], notes: Notes, notes_name: str, no_api_lines: AbstractSet[int] = frozenset()
) -> str:
    backends = [r["backend"] for r in reports]
    claims: dict[str, PageClaim] = {}
    for report in reports:
        for record in report["claims"]:
            claim = claims.get(record["id"]) or claims.setdefault(
                record["id"], _page_claim(record, notes)
            )
            claim.outcomes[report["backend"]] = Verdict(record["outcome"])
            claim.reasons[report["backend"]] = record["reason"]
    for claim in claims.values():
        for backend in backends:
            claim.outcomes.setdefault(backend, Verdict.NOT_RUN)
            claim.reasons.setdefault(backend, None)
    by_line: dict[int, list[PageClaim]] = {}
    for claim in claims.values():
        if claim.line is not None:  # a quote that left the notes: `awslab check` says so
            by_line.setdefault(claim.line, []).append(claim)
    shown = [c for c in claims.values() if c.line is not None or c.beyond_notes]
    counts = {b: Counter(c.outcomes[b] for c in shown) for b in backends}
    overall_counts = Counter(c.verdict for c in shown)
    lines = [
        {"number": n, "text": text, "claims": by_line.get(n, [])}
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
        overall_counts=overall_counts,
        unproven=sorted((c for c in shown if c.verdict == Verdict.UNPROVEN), key=lambda c: c.id),
        beyond=sorted((c for c in shown if c.beyond_notes), key=lambda c: c.id),
        coverage=notes.coverage(set(by_line), no_api_lines),
        lines=lines,
        notes_name=notes_name,
    )


def _page_claim(record: dict, notes: Notes) -> PageClaim:
    claim = PageClaim(
        record["id"],
        record["quote"],
        record.get("beyond_notes"),
        record["errata"],
        record["source"],
    )
    if claim.quote:
        # The line the run found (it honours a claim's line=), if these notes still
        # hold the quote there; otherwise wherever these notes hold it.
        line = record.get("notes_line")
        if line and line <= len(notes.lines) and claim.quote in notes.lines[line - 1]:
            claim.line = line
        else:
            location = notes.find(claim.quote)
            claim.line = location.line if location else None
    return claim


def write(
    reports: list[dict], notes_path: Path, notes_name: str, out: Path, labs: Path | None = None
) -> Path:
    """claims.html in ``out``; ``labs`` (a folder of topics) lends its READMEs' lists of
    bullets no API shows to the coverage table."""
    out.mkdir(parents=True, exist_ok=True)
    page = out / "claims.html"
    notes = Notes(notes_path)
    no_api_lines = (
        no_api.notes_lines(no_api.in_topics(no_api.topics_under(labs)), notes) if labs else set()
    )
    page.write_text(render(reports, notes, notes_name, no_api_lines), encoding="utf-8")
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
