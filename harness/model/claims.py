"""Claims: what a lab proves, and where in the notes it is written.

A lab test carries ``@pytest.mark.claim(id, quote=..., errata=None,
source=None)``; ``quote`` is copied verbatim from the notes so the report can
put a verdict beside the exact bullet. ``@pytest.mark.emulator_gap(backend,
reason=...)`` says that one emulator differs from AWS for that test.

Everything here is plain Python, usable without pytest.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from harness.errors import MarkerError
from harness.model.notes import NotesLocation

CLAIM_ID = re.compile(r"^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$")
CLAIM_SIGNATURE = "claim(id, quote=..., errata=None, source=None)"
GAP_SIGNATURE = "emulator_gap(backend, ..., reason=...)"


@dataclass(frozen=True)
class Claim:
    id: str
    quote: str
    errata: str | None = None
    source: str | None = None

    @property
    def topic(self) -> str:
        return self.id.split(".", 1)[0]


def _text(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise MarkerError(f"{what} must be a non-empty string, got {value!r}")
    return value


def claim_from_marker(args: tuple, kwargs: dict) -> Claim:
    """Build a ``Claim`` from a marker's arguments, or say exactly what is wrong."""
    fields = dict(zip(("id", "quote", "errata", "source"), args, strict=False))
    if len(args) > 4:
        raise MarkerError(f"too many arguments to @pytest.mark.{CLAIM_SIGNATURE}")
    for name, value in kwargs.items():
        if name not in ("id", "quote", "errata", "source"):
            raise MarkerError(
                f"@pytest.mark.claim got an unknown keyword {name}=; it takes {CLAIM_SIGNATURE}"
            )
        if name in fields:
            raise MarkerError(f"@pytest.mark.claim got {name} twice")
        fields[name] = value
    claim_id = fields.get("id")
    if not isinstance(claim_id, str) or not CLAIM_ID.match(claim_id):
        raise MarkerError(
            f"@pytest.mark.claim id must look like 'topic.what-it-says' "
            f"(lowercase, dot-separated), got {claim_id!r}"
        )
    if "quote" not in fields:
        raise MarkerError(
            f"@pytest.mark.claim({claim_id!r}) needs quote=, copied verbatim from the notes"
        )
    quote = _text(fields["quote"], f"quote of claim {claim_id!r}")
    errata = fields.get("errata")
    source = fields.get("source")
    if errata is not None:
        _text(errata, f"errata of claim {claim_id!r}")
        if source is None:
            raise MarkerError(
                f"claim {claim_id!r} has errata= but no source=: name the AWS documentation "
                "page that says what AWS really does"
            )
    if source is not None:
        _text(source, f"source of claim {claim_id!r}")
    return Claim(claim_id, quote, errata, source)


def gap_backends(args: tuple, kwargs: dict, known: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """The backends and reason of an ``emulator_gap`` marker, validated."""
    unknown = set(kwargs) - {"reason"}
    if unknown:
        raise MarkerError(
            f"@pytest.mark.emulator_gap got unknown keyword {sorted(unknown)[0]}=; "
            f"it takes {GAP_SIGNATURE}"
        )
    if not args:
        raise MarkerError(f"@pytest.mark.emulator_gap names no backend; it takes {GAP_SIGNATURE}")
    for backend in args:
        if backend not in known:
            raise MarkerError(
                f"@pytest.mark.emulator_gap({backend!r}): not an emulator; "
                f"choose from {', '.join(known)}"
            )
    reason = kwargs.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise MarkerError(
            f"@pytest.mark.emulator_gap{args!r} needs reason=: how the emulator differs from AWS"
        )
    return tuple(args), reason


def as_record(claim: Claim, location: NotesLocation | None) -> dict:
    """The claim as it appears in ``claims.json`` (before its outcome is known)."""
    record = asdict(claim)
    record["topic"] = claim.topic
    record["notes_line"] = location.line if location else None
    record["notes_section"] = location.section if location else None
    return record


def claim_of(function: object, where: str) -> Claim:
    """The claim a test function carries: exactly one ``claim`` marker, or ``MarkerError``."""
    marks = [m for m in getattr(function, "pytestmark", []) if m.name == "claim"]
    if len(marks) != 1:
        raise MarkerError(
            f"{where} has {len(marks)} claim markers; a lab test needs exactly one "
            f"@pytest.mark.{CLAIM_SIGNATURE}"
        )
    return claim_from_marker(marks[0].args, marks[0].kwargs)
