"""A trace: segments, subsegments, annotations and metadata.

A customer's checkout crosses the orders service, which charges the card
through a payment API. The X-Ray SDK records the service's work as a
*segment*, and each piece of work inside it (the call to the payment API) as a
*subsegment*; every segment of one request shares a trace ID. To find traces
later, the service adds *annotations*: key-value pairs X-Ray indexes, so a
filter expression such as ``annotation.customer = "alice"`` finds Alice's
traces. *Metadata* can hold any JSON (the cart), is stored with the segment,
and is not indexed.

Notes, "aws monitoring and troubleshooting and audit > aws x-ray" (leverages
tracing, concepts).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest


def record_checkout(recorder, customer: str) -> None:
    """One checkout: a segment with a subsegment for the card payment."""
    segment = recorder.begin_segment("orders")
    segment.put_annotation("customer", customer)
    subsegment = recorder.begin_subsegment("charge-card")
    subsegment.put_metadata("cart", {"items": [{"sku": "book-1", "qty": 2}]})
    recorder.end_subsegment()
    recorder.end_segment()


def summaries(aws, **filters) -> list[dict]:
    now = datetime.now(UTC)
    return aws.xray.get_trace_summaries(
        StartTime=now - timedelta(minutes=5), EndTime=now + timedelta(minutes=1), **filters
    )["TraceSummaries"]


@pytest.mark.claim(
    "xray.segments-and-subsegments", quote="tracing is made of segments (subsegments)"
)
def test_a_segment_holds_its_subsegments_under_one_trace_id(aws, recorder):
    # HINT: with the recorder: begin a segment "orders", inside it a subsegment
    # HINT: "charge-card" that puts metadata "cart" = {"items": 2}; end both.
    # BEGIN SOLUTION
    recorder.begin_segment("orders")
    recorder.begin_subsegment("charge-card").put_metadata("cart", {"items": 2})
    recorder.end_subsegment()
    recorder.end_segment()
    # END SOLUTION
    [document] = recorder.emitter.documents
    aws.xray.put_trace_segments(TraceSegmentDocuments=[document])
    trace_id = json.loads(document)["trace_id"]
    [trace] = aws.xray.batch_get_traces(TraceIds=[trace_id])["Traces"]
    [stored] = [json.loads(segment["Document"]) for segment in trace["Segments"]]
    assert stored["name"] == "orders"
    [subsegment] = stored["subsegments"]
    assert subsegment["name"] == "charge-card"
    assert subsegment["trace_id"] == trace_id and subsegment["parent_id"] == stored["id"]
    assert subsegment["metadata"] == {"default": {"cart": {"items": 2}}}


@pytest.mark.emulator_gap(
    "moto",
    reason="moto's GetTraceSummaries does not implement filter expressions (InternalFailure: "
    "not implemented); AWS returns only the traces the expression matches",
)
@pytest.mark.claim(
    "xray.annotations-indexed",
    quote="annotations: key-value pairs used to `index` traces with `filters`",
    source="https://docs.aws.amazon.com/xray/latest/devguide/xray-console-filters.html",
)
def test_an_annotation_finds_a_customers_traces(aws, recorder):
    record_checkout(recorder, "alice")
    record_checkout(recorder, "bob")
    aws.xray.put_trace_segments(TraceSegmentDocuments=recorder.emitter.documents)
    alice_trace = json.loads(recorder.emitter.documents[0])["trace_id"]
    # HINT: a filter expression that matches the traces annotated customer = "alice".
    # BEGIN SOLUTION
    expression = 'annotation.customer = "alice"'
    # END SOLUTION
    found = summaries(aws, FilterExpression=expression)
    assert [summary["Id"] for summary in found] == [alice_trace]


@pytest.mark.claim("xray.annotations-stored", quote="annotations: add extra info")
def test_annotations_travel_with_the_segment(aws, recorder):
    segment = recorder.begin_segment("orders")
    # HINT: annotate the segment: key "customer", value "alice"; and key "total", value 42.
    # BEGIN SOLUTION
    segment.put_annotation("customer", "alice")
    segment.put_annotation("total", 42)
    # END SOLUTION
    recorder.end_segment()
    [document] = recorder.emitter.documents
    aws.xray.put_trace_segments(TraceSegmentDocuments=[document])
    trace_id = json.loads(document)["trace_id"]
    [trace] = aws.xray.batch_get_traces(TraceIds=[trace_id])["Traces"]
    [stored] = [json.loads(segment["Document"]) for segment in trace["Segments"]]
    assert stored["annotations"] == {"customer": "alice", "total": 42}


@pytest.mark.emulator_gap(
    "moto",
    reason="moto's trace summaries carry no annotations (always {}); AWS lists each "
    "annotation of the trace in its summary, and no metadata",
)
@pytest.mark.claim(
    "xray.metadata-not-indexed",
    quote="metadata: not indexed",
    source="https://docs.aws.amazon.com/xray/latest/api/API_TraceSummary.html",
)
def test_a_summary_lists_the_annotations_and_not_the_metadata(aws, recorder, eventually):
    segment = recorder.begin_segment("orders")
    # HINT: record the customer, "alice", so that X-Ray indexes it (summaries list it), and
    # HINT: the cart, {"items": 2}, so that it is only stored with the segment.
    # BEGIN SOLUTION
    segment.put_annotation("customer", "alice")
    segment.put_metadata("cart", {"items": 2})
    # END SOLUTION
    recorder.end_segment()
    [document] = recorder.emitter.documents
    aws.xray.put_trace_segments(TraceSegmentDocuments=[document])
    trace_id = json.loads(document)["trace_id"]

    def summary() -> dict | None:
        found = [s for s in summaries(aws) if s["Id"] == trace_id]
        return found[0] if found else None

    assert set(eventually(summary, aws_takes=60)["Annotations"]) == {"customer"}
    [trace] = aws.xray.batch_get_traces(TraceIds=[trace_id])["Traces"]
    [stored] = [json.loads(segment["Document"]) for segment in trace["Segments"]]
    assert stored["metadata"] == {"default": {"cart": {"items": 2}}}
