"""What sampling saves: the segments the SDK sends, and the rules that set how many.

The orders service serves 200 requests a second. Without sampling, the X-Ray
SDK sends a segment for each of them to the daemon, which forwards them to X-Ray
(and X-Ray bills per trace recorded). With sampling on, the SDK decides per
request whether to record it; an unsampled request still runs, but its segment
is never sent. The sampling rules set the amount: a *reservoir* (``fixed_target``)
of requests recorded each second, then a *rate* of the rest.

The recorder here hands its segments to the lab instead of a daemon
(``recorder.emitter.documents``), and ``sdk_clock.advance`` moves the SDK's
clock a second at a time.

Notes, "aws monitoring and troubleshooting and audit > aws x-ray > concepts" and
"> sampling rules".
"""

from __future__ import annotations

import pytest
from aws_xray_sdk.core.sampling.local.sampler import LocalSampler

SAMPLING = (
    "https://docs.aws.amazon.com/xray/latest/devguide/xray-concepts.html#xray-concepts-sampling"
)
PER_SECOND = 200


def serve(recorder, sdk_clock, seconds: int) -> int:
    """Serve PER_SECOND requests a second for ``seconds``; how many segments were sent."""
    for _ in range(seconds):
        sdk_clock.advance(1)
        for _ in range(PER_SECOND):
            recorder.begin_segment("orders")
            recorder.end_segment()
    return len(recorder.emitter.documents)


@pytest.mark.claim(
    "xray.sampling-sends-less",
    quote="sampling: decrease the amount of request sent to x-ray",
    source=SAMPLING,
)
def test_sampling_sends_fewer_segments(recorder, sdk_clock):
    assert serve(recorder, sdk_clock, seconds=1) == PER_SECOND, "sampling off: every request"
    recorder.emitter.documents.clear()
    # HINT: turn sampling on for `recorder`, with the SDK's default local rule
    # HINT: (recorder.configure; a LocalSampler() as its sampler).
    # BEGIN SOLUTION
    recorder.configure(sampling=True, sampler=LocalSampler())
    # END SOLUTION
    sent = serve(recorder, sdk_clock, seconds=1)
    assert 1 <= sent < PER_SECOND // 4, "the reservoir, then about 5 % of the rest"


@pytest.mark.claim(
    "xray.sampling-rules-set-the-amount",
    quote="control the amount of data sent to x-ray",
    source="https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html",
)
def test_a_rule_sets_how_many_segments_are_sent(recorder, sdk_clock):
    # HINT: local sampling rules (version 2, no custom rules, only a default) that send
    # HINT: exactly 10 segments a second, however many requests come.
    # BEGIN SOLUTION
    rules = {"version": 2, "rules": [], "default": {"fixed_target": 10, "rate": 0.0}}
    # END SOLUTION
    recorder.configure(sampling=True, sampler=LocalSampler(rules))
    assert serve(recorder, sdk_clock, seconds=3) == 30
