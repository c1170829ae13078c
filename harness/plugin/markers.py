"""The claim and emulator_gap markers in a lab run, and what a failed lab explains.

Registered by the plugin's entry only in a lab run: elsewhere the markers are
known to pytest and do nothing. Markers are read once, at collection; a
malformed one fails its own test, in one line, when the test runs.
"""

from __future__ import annotations

import types
from pathlib import Path

import pytest

from harness.backends.registry import EMULATORS
from harness.errors import MarkerError, SolutionMarkupError
from harness.model import regions
from harness.model.claims import Claim, as_record, claim_from_marker, gap_backends
from harness.model.notes import NotesLocation
from harness.plugin.keys import claim_key, marker_error_key, run_key
from harness.plugin.lab_run import LabRun
from harness.report.records import CLAIM_PROPERTY, GAP_PROPERTY


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    run = config.stash[run_key]
    for item in items:
        try:
            _read_markers(item, run)
        except MarkerError as error:
            item.stash[marker_error_key] = str(error)


def _read_markers(item: pytest.Item, run: LabRun) -> None:
    claims = list(item.iter_markers("claim"))
    if len(claims) > 1:
        raise MarkerError(
            f"{len(claims)} claim markers: a test proves one claim; split it into one test each"
        )
    for mark in item.iter_markers("emulator_gap"):
        gap = gap_backends(mark.args, mark.kwargs, EMULATORS)
        if run.backend_name not in gap.backends:
            continue
        if gap.race:
            # Sometimes right, sometimes not: neither a pass nor a failure would prove a thing.
            reason = f"emulator gap on {run.backend_name} (a race, not run): {gap.reason}"
            item.add_marker(pytest.mark.skip(reason=reason))
        else:
            reason = f"emulator gap on {run.backend_name}: {gap.reason}"
            item.add_marker(pytest.mark.xfail(strict=True, reason=reason))
            item.user_properties.append((GAP_PROPERTY, gap.reason))
    if not claims:
        return
    claim = claim_from_marker(claims[0].args, claims[0].kwargs)
    try:
        location = claim.locate(run.notes) if run.notes else None
    except MarkerError:
        # Recorded even when the quote is missing, so the report lists the claim as failed.
        item.user_properties.append((CLAIM_PROPERTY, as_record(claim, None)))
        raise
    item.user_properties.append((CLAIM_PROPERTY, as_record(claim, location)))
    item.stash[claim_key] = (claim, location)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    problem = item.stash.get(marker_error_key, None)
    if problem is not None:
        raise MarkerError(f"{item.nodeid}: {problem}")  # one line: the plugin's entry says it


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    if call.excinfo is not None and any(name == GAP_PROPERTY for name, _ in item.user_properties):
        _keep_the_tests_own_frames(item, call)
        _format_natively(item)
    report = yield
    if report.failed and claim_key in item.stash:
        explanation = explain(item, *item.stash[claim_key])
        calls = item.config.stash[run_key].calls.summary()
        if calls:
            explanation += f"\nAWS calls made: {calls}"
        report.sections.append(("awslab claim", explanation))
    return report


def _keep_the_tests_own_frames(item: pytest.Item, call: pytest.CallInfo) -> None:
    """Trim a gap's expected failure to the frames of the test's own file.

    A gap is reported by its marker's reason; its traceback is never shown. Formatted
    whole, it quotes botocore's frames, their source parsed again for every test: about
    16 ms each, 5 s of CPU over the labs' 348 gaps. pytest formats from the raw
    traceback, so a trimmed copy of that is what it gets.
    """
    assert call.excinfo is not None
    raw: types.TracebackType | None = call.excinfo.tb
    own = []
    while raw is not None:
        if raw.tb_frame.f_code.co_filename == str(item.path):
            own.append(raw)
        raw = raw.tb_next
    if not own:
        return
    trimmed: types.TracebackType | None = None
    for entry in reversed(own):
        trimmed = types.TracebackType(trimmed, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    assert trimmed is not None  # own holds one frame at least
    exception = call.excinfo.value
    call.excinfo = pytest.ExceptionInfo.from_exc_info((type(exception), exception, trimmed))


def _format_natively(item: pytest.Item) -> None:
    """Have pytest format a gap's expected failure as Python does (``--tb=native``).

    Its long style parses the test's module again for every frame, to show whole
    statements: some 2 s of CPU over the labs' gaps, whose tracebacks nobody reads.
    The report keeps its crash line (the message), which is all that is read of it.
    """
    if isinstance(item, pytest.Function):
        function = item

        def repr_failure(excinfo: pytest.ExceptionInfo[BaseException]):
            return function._repr_failure_py(excinfo, style="native")

        function.repr_failure = repr_failure  # type: ignore[method-assign]


def explain(item: pytest.Item, claim: Claim, location: NotesLocation | None) -> str:
    """What a student sees under a failed lab: the claim, its bullet, the hint."""
    lines = [f"claim {claim.id}"]
    where = f"line {location.line} ({location.section})" if location else "notes"
    lines.append(
        f'{where}: "{claim.quote}"' if claim.quote else f"beyond the notes: {claim.statement}"
    )
    if claim.errata:
        lines.append(f"errata: {claim.errata} (source: {claim.source})")
    lines += [f"hint: {hint}" for hint in hints(item)]
    return "\n".join(lines)


def hints(item: pytest.Item) -> list[str]:
    """The ``# HINT:`` lines above the solution regions of ``item``'s test."""
    path = Path(str(item.fspath))
    owner = getattr(item, "cls", None)
    name = (f"{owner.__name__}::" if owner else "") + getattr(item, "originalname", item.name)
    try:
        by_test = regions.regions_by_test(path.read_text(encoding="utf-8"), str(path))
    except (OSError, SyntaxError, SolutionMarkupError):
        return []
    return [region.hint for region in by_test.get(name, []) if region.hint]
