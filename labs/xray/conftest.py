"""Shared fixtures for the X-Ray labs: an X-Ray SDK recorder that hands segments to the lab.

In production the X-Ray SDK sends each finished segment over UDP to the X-Ray
daemon, which batches them to the ``PutTraceSegments`` API. Here the
recorder's emitter keeps the segment documents, and the lab sends them with
``PutTraceSegments`` itself: the same documents, no daemon.
"""

from __future__ import annotations

import pytest
from aws_xray_sdk.core import AWSXRayRecorder

from harness.testkit.clock import EmulatedClock


class KeepingEmitter:
    """An X-Ray SDK emitter that keeps every finished segment's JSON document."""

    def __init__(self) -> None:
        self.documents: list[str] = []

    def send_entity(self, entity) -> None:
        self.documents.append(entity.serialize())

    def set_daemon_address(self, address) -> None:
        pass


@pytest.fixture
def recorder() -> AWSXRayRecorder:
    """An X-Ray recorder for the "orders" service.

    ``recorder.emitter.documents``: the JSON document of every segment it finished.
    """
    recorder = AWSXRayRecorder()
    recorder.configure(
        sampling=False,  # record every segment: these labs are about their content
        emitter=KeepingEmitter(),
        context_missing="LOG_ERROR",
        service="orders",
        plugins=(),
    )
    return recorder


@pytest.fixture
def sdk_clock():
    """``sdk_clock.advance(seconds)``: the clock of this process, moved at once, on any backend.

    The sampling labs ask the SDK's local sampler, in this process, and no emulator
    reads this clock: it needs no real waiting even where the ``clock`` fixture
    waits (LocalStack, AWS). It stands still between advances: a second's count
    of segments is then never split by a real second boundary.
    """
    with EmulatedClock(tick=False) as clock:
        yield clock
