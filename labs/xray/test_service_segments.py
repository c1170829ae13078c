"""One request, two services: each adds its own segment to the same trace.

A checkout enters the orders service, which calls the payments service.
Orders starts the trace and sends its trace ID onward in the
``X-Amzn-Trace-Id`` header, naming its call (a subsegment) as the parent;
payments records its own *segment* under that trace ID. X-Ray joins them
into one trace, and draws its service map from the segments: two nodes,
orders calling payments. Trace data is encrypted at rest; by default with
a key X-Ray owns, or with a KMS key you choose.

Notes, "aws monitoring and troubleshooting and audit > aws x-ray".
"""

import json
import secrets
import time
from datetime import UTC, datetime, timedelta

import pytest
from aws_xray_sdk.core.models.trace_header import TraceHeader


def trace_id() -> str:
    return f"1-{int(time.time()):08x}-{secrets.token_hex(12)}"


def segment(name: str, trace: str, parent: str | None = None, calls: str | None = None) -> dict:
    """A segment document of service ``name``; ``calls``: a subsegment calling that service."""
    now = time.time()
    document = {"name": name, "id": secrets.token_hex(8), "trace_id": trace}
    document.update({"start_time": now - 0.2, "end_time": now})
    if parent:
        document["parent_id"] = parent
    if calls:
        call = {"name": calls, "id": secrets.token_hex(8), "namespace": "remote"}
        document["subsegments"] = [{**call, "start_time": now - 0.15, "end_time": now - 0.05}]
    return document


def checkout(trace: str) -> tuple[dict, dict]:
    """The orders segment, and the payments segment it caused."""
    orders = segment("orders", trace, calls="payments")
    payments = segment("payments", trace, parent=orders["subsegments"][0]["id"])
    return orders, payments


@pytest.mark.claim(
    "xray.segment-per-service",
    quote="each service will add its own `trace`",
    errata="Each service adds its own segment, not its own trace: the trace ID travels in "
    "the X-Amzn-Trace-Id header, and every service's segment joins the one trace of the "
    "request.",
    source="https://docs.aws.amazon.com/xray/latest/devguide/xray-concepts.html",
)
def test_two_services_add_their_segments_to_one_trace(aws):
    trace = trace_id()
    orders = segment("orders", trace, calls="payments")
    call = orders["subsegments"][0]
    # HINT: the payments service's segment: segment("payments", <trace ID>, parent=<id>), with
    # HINT: the trace ID and the parent it read from the X-Amzn-Trace-Id header.
    # BEGIN SOLUTION
    payments = segment("payments", trace, parent=call["id"])
    # END SOLUTION
    documents = [json.dumps(orders), json.dumps(payments)]
    assert (
        aws.xray.put_trace_segments(TraceSegmentDocuments=documents)["UnprocessedTraceSegments"]
        == []
    )
    (stored,) = aws.xray.batch_get_traces(TraceIds=[trace])["Traces"]
    names = sorted(json.loads(s["Document"])["name"] for s in stored["Segments"])
    assert names == ["orders", "payments"]


@pytest.mark.claim(
    "xray.collects-from-services",
    quote="collect data from different services",
    source="https://docs.aws.amazon.com/xray/latest/devguide/xray-concepts.html#xray-concepts-tracingheader",
)
def test_the_trace_header_joins_what_two_services_send(aws, recorder, eventually):
    orders = recorder.begin_segment("orders")
    call = recorder.begin_subsegment("payments")
    # What orders' HTTP client adds to its request to payments.
    header = TraceHeader(root=orders.trace_id, parent=call.id, sampled=1).to_header_str()
    recorder.end_subsegment()
    recorder.end_segment()
    # On the payments host: the X-Ray SDK reads the X-Amzn-Trace-Id header of the request.
    received = TraceHeader.from_header_str(header)
    # HINT: begin the payments service's segment "payments" so that X-Ray files it under
    # HINT: the request's trace, below orders' call (recorder.begin_segment).
    # BEGIN SOLUTION
    recorder.begin_segment("payments", traceid=received.root, parent_id=received.parent)
    # END SOLUTION
    recorder.end_segment()
    for document in recorder.emitter.documents:  # each host's daemon sends its own
        aws.xray.put_trace_segments(TraceSegmentDocuments=[document])

    def services() -> list[str]:
        traces = aws.xray.batch_get_traces(TraceIds=[orders.trace_id])["Traces"]
        return sorted(json.loads(s["Document"])["name"] for t in traces for s in t["Segments"])

    assert eventually(lambda: len(services()) >= 2 and services()) == ["orders", "payments"]
    # Without the header, a service starts a trace of its own.
    alone = recorder.begin_segment("payments")
    recorder.end_segment()
    assert alone.trace_id != orders.trace_id


@pytest.mark.claim(
    "xray.service-map",
    quote="service map is computed from all segments and traces",
    source="https://docs.aws.amazon.com/xray/latest/api/API_GetServiceGraph.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's GetServiceGraph answers an empty graph whatever segments it holds; AWS "
    "computes the services and their edges from the segments",
)
def test_the_service_map_comes_from_the_segments(aws):
    orders, payments = checkout(trace_id())
    aws.xray.put_trace_segments(TraceSegmentDocuments=[json.dumps(orders), json.dumps(payments)])
    now = datetime.now(UTC)
    graph = aws.xray.get_service_graph(
        StartTime=now - timedelta(minutes=5), EndTime=now + timedelta(minutes=1)
    )
    by_id = {service["ReferenceId"]: service["Name"] for service in graph["Services"]}
    calls = {
        (service["Name"], by_id[edge["ReferenceId"]])
        for service in graph["Services"]
        for edge in service.get("Edges", [])
    }
    # HINT: the (caller, callee) edges of the service map, as a set of service names.
    # BEGIN SOLUTION
    expected = {("orders", "payments")}
    # END SOLUTION
    assert calls == expected


@pytest.mark.claim(
    "xray.encryption-config",
    quote="security: iam, kms",
    source="https://docs.aws.amazon.com/xray/latest/api/API_PutEncryptionConfig.html",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto does not implement X-Ray's encryption configuration (HTTP 404)"
)
def test_trace_data_can_be_encrypted_with_your_kms_key(aws, unique_name):
    # HINT: predict the encryption Type of an account that never set one.
    # BEGIN SOLUTION
    default_type = "NONE"
    # END SOLUTION
    assert aws.xray.get_encryption_config()["EncryptionConfig"]["Type"] == default_type
    key = aws.kms.create_key(Description=unique_name("traces"))["KeyMetadata"]["Arn"]
    aws.xray.put_encryption_config(Type="KMS", KeyId=key)
    try:
        config = aws.xray.get_encryption_config()["EncryptionConfig"]
        assert (config["Type"], config["KeyId"]) == ("KMS", key)
    finally:
        aws.xray.put_encryption_config(Type="NONE")
