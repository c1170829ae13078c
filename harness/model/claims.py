"""Claims: what a lab proves, and where in the notes it is written.

A lab test carries one ``claim`` marker::

    @pytest.mark.claim(id, quote=..., errata=None, source=None, line=None)
    @pytest.mark.claim(id, beyond_notes="what the test shows", source=...)

``quote`` is copied verbatim from the one child bullet of the notes that
states the fact, so the report can put a verdict beside it; where those words
stand on several lines, ``line=`` names the bullet's line. A claim about
something the notes never say is not anchored to an unrelated bullet: it
carries ``beyond_notes=`` (what it shows, in a sentence) and a ``source=``, and
the report lists it apart. ``@pytest.mark.emulator_gap(backend,
reason=...)`` says that one emulator differs from AWS for that test; with
``race=True``, that it differs only sometimes (a lost update under concurrency),
which no strict expected failure can hold: the test is skipped there.

Everything here is plain Python, usable without pytest.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass

from harness.errors import MarkerError
from harness.model.notes import Notes, NotesLocation

CLAIM_ID = re.compile(r"^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$")
CLAIM_FIELDS = ("id", "quote", "errata", "source", "line", "beyond_notes")
CLAIM_SIGNATURE = (
    "claim(id, quote=..., errata=None, source=None, line=None) "
    "or claim(id, beyond_notes=..., source=...)"
)
GAP_SIGNATURE = "emulator_gap(backend, ..., reason=..., race=False)"


@dataclass(frozen=True)
class Claim:
    id: str
    quote: str | None  # None for a claim beyond the notes
    errata: str | None = None
    source: str | None = None
    line: int | None = None  # the bullet's line, where the quote stands on several
    beyond_notes: str | None = None  # what a claim the notes never state shows

    @property
    def topic(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def statement(self) -> str:
        """What the claim says: the notes' words, or the claim's own beyond them."""
        return self.quote or self.beyond_notes or ""

    def locate(self, notes: Notes) -> NotesLocation | None:
        """The bullet this claim quotes; None beyond the notes. ``MarkerError`` if the
        quote is not there, or not on the line the claim names."""
        if self.quote is None:
            return None
        lines = notes.lines_with(self.quote)
        if not lines:
            raise MarkerError(
                f"the quote of claim {self.id!r} is not in {notes.path.name}: copy the "
                f"bullet's words verbatim (got {self.quote!r})"
            )
        if self.line is not None and self.line not in lines:
            raise MarkerError(
                f"claim {self.id!r} names line {self.line}, but its quote stands on "
                f"line {', '.join(map(str, lines))} of {notes.path.name}: fix line="
            )
        return notes.location(self.line or lines[0])

    def quoted_line(self, notes: Notes) -> int | None:
        """The notes line (1-based) this claim stands on; None beyond the notes, or where
        its quote is not where it says (``locate`` raises why, for ``awslab check``)."""
        try:
            location = self.locate(notes)
        except MarkerError:
            return None
        return location.line if location else None

    def ambiguity(self, notes: Notes) -> str | None:
        """Why the quote does not pick one bullet, or None: words found on several
        lines, with no ``line=`` to say which."""
        if self.quote is None or self.line is not None:
            return None
        lines = notes.lines_with(self.quote)
        if len(lines) < 2:
            return None
        return (
            f"the quote of claim {self.id!r} stands on lines {', '.join(map(str, lines))}: "
            "quote more of the one bullet that states the fact, or name it with line="
        )


def _text(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise MarkerError(f"{what} must be a non-empty string, got {value!r}")
    return value


def _optional_text(fields: dict[str, object], name: str, claim_id: str) -> str | None:
    value = fields.get(name)
    return None if value is None else _text(value, f"{name} of claim {claim_id!r}")


def claim_from_marker(args: tuple, kwargs: Mapping[str, object]) -> Claim:
    """Build a ``Claim`` from a marker's arguments, or say exactly what is wrong."""
    fields: dict[str, object] = dict(zip(CLAIM_FIELDS[:4], args, strict=False))
    if len(args) > 4:
        raise MarkerError(f"too many arguments to @pytest.mark.{CLAIM_SIGNATURE}")
    for name, value in kwargs.items():
        if name not in CLAIM_FIELDS:
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
    quote = _optional_text(fields, "quote", claim_id)
    beyond = _optional_text(fields, "beyond_notes", claim_id)
    errata = _optional_text(fields, "errata", claim_id)
    source = _optional_text(fields, "source", claim_id)
    if (quote is None) == (beyond is None):
        raise MarkerError(
            f"@pytest.mark.claim({claim_id!r}) needs quote=, copied verbatim from the notes, "
            "or, for what the notes never state, beyond_notes= (what the test shows)"
        )
    if errata is not None and quote is None:
        raise MarkerError(
            f"claim {claim_id!r} has errata= but no quote=: an erratum corrects a bullet, "
            "so quote the wrong bullet itself"
        )
    if (errata is not None or beyond is not None) and source is None:
        raise MarkerError(
            f"claim {claim_id!r} has {'errata' if errata else 'beyond_notes'}= but no source=: "
            "name the AWS documentation (or API model) that says what AWS really does"
        )
    return Claim(
        claim_id, quote, errata, source, _line(fields.get("line"), claim_id, quote), beyond
    )


def _line(value: object, claim_id: str, quote: str | None) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise MarkerError(f"line= of claim {claim_id!r} must be a line number, got {value!r}")
    if quote is None:
        raise MarkerError(f"claim {claim_id!r} has line= but no quote=: line= picks a bullet")
    return value


@dataclass(frozen=True)
class Gap:
    """An ``emulator_gap`` marker, read."""

    backends: tuple[str, ...]
    reason: str
    race: bool = False  # differs only sometimes: skipped there, not a strict expected failure


def gap_backends(args: tuple, kwargs: Mapping[str, object], known: tuple[str, ...]) -> Gap:
    """The backends, reason and kind of an ``emulator_gap`` marker, validated."""
    unknown = set(kwargs) - {"reason", "race"}
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
    race = kwargs.get("race", False)
    if not isinstance(race, bool):
        raise MarkerError(f"@pytest.mark.emulator_gap{args!r}: race= is True or False")
    return Gap(tuple(args), reason, race)


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
