"""Putting log events: streams inside a group, and the times CloudWatch Logs accepts.

A log group holds log streams, one per source (an instance, a container, a
function's execution environment). An event goes into a stream, which must
exist first, and is read back from that stream (GetLogEvents) or from the
whole group (FilterLogEvents). Each event carries its own timestamp, and
CloudWatch Logs keeps to a window: an event more than 14 days old, older
than the group's retention, or more than 2 hours ahead is refused while the
rest of its batch is stored. PutLogEvents then answers ``rejectedLogEventsInfo``:
``tooOldLogEventEndIndex`` and ``expiredLogEventEndIndex`` end the refused run at
the start of the batch (the index of the first event kept), and
``tooNewLogEventStartIndex`` starts the refused run at its end.

Notes, "aws monitoring and troubleshooting and audit > cloudwatch logs".
"""

import time

import pytest

PUT_LOG_EVENTS = (
    "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html"
)
HOUR = 3_600_000  # log event timestamps are in milliseconds
DAY = 24 * HOUR


def now_ms() -> int:
    return int(time.time() * 1000)


def verdict(put_events, group: str, stream: str, at: int) -> str:
    """One event stamped ``at``, put on its own: "accepted", or the field of
    rejectedLogEventsInfo that refused it."""
    info = put_events(group, stream, (at, "event")).get("rejectedLogEventsInfo") or {}
    return next(iter(info), "accepted")


@pytest.mark.claim("cloudwatch.log-groups-and-streams", quote="log groups", line=1163)
def test_events_go_into_a_stream_of_a_group(aws, log_stream, put_events, error_code):
    group, _ = log_stream
    aws.logs.create_log_stream(logGroupName=group, logStreamName="web-2")
    now = now_ms()
    put_events(group, "web-1", (now - 2000, "GET /orders 200"), (now - 1000, "GET /orders/7 404"))
    put_events(group, "web-2", (now - 1500, "POST /orders 201"))
    # HINT: `from_web_1`: the events of stream "web-1", oldest first; `from_group`: the
    # events of every stream in `group`.
    # BEGIN SOLUTION
    from_web_1 = aws.logs.get_log_events(
        logGroupName=group, logStreamName="web-1", startFromHead=True
    )["events"]
    from_group = aws.logs.filter_log_events(logGroupName=group)["events"]
    # END SOLUTION
    assert [event["message"] for event in from_web_1] == ["GET /orders 200", "GET /orders/7 404"]
    assert sorted((event["logStreamName"], event["message"]) for event in from_group) == [
        ("web-1", "GET /orders 200"),
        ("web-1", "GET /orders/7 404"),
        ("web-2", "POST /orders 201"),
    ]
    # A stream is created before anything is put into it.
    no_stream = error_code(
        aws.logs.put_log_events,
        logGroupName=group,
        logStreamName="web-3",
        logEvents=[{"timestamp": now, "message": "lost"}],
    )
    assert no_stream == "ResourceNotFoundException"


@pytest.mark.claim(
    "cloudwatch.log-event-window",
    beyond_notes="PutLogEvents refuses an event more than 14 days old or more than 2 hours "
    "ahead, and stores the others.",
    source=PUT_LOG_EVENTS,
)
def test_events_outside_the_window_are_refused(log_stream, put_events):
    group, stream = log_stream
    now = now_ms()
    times = {
        "15 days ago": now - 15 * DAY,
        "13 days ago": now - 13 * DAY,
        "1 hour ahead": now + HOUR,
        "3 hours ahead": now + 3 * HOUR,
    }
    # HINT: for each event (each put on its own), predict "accepted" or the name of the
    # rejectedLogEventsInfo field that refuses it.
    # BEGIN SOLUTION
    expected = {
        "15 days ago": "tooOldLogEventEndIndex",
        "13 days ago": "accepted",
        "1 hour ahead": "accepted",
        "3 hours ahead": "tooNewLogEventStartIndex",
    }
    # END SOLUTION
    assert {label: verdict(put_events, group, stream, at) for label, at in times.items()} == (
        expected
    )


@pytest.mark.claim(
    "cloudwatch.log-event-window-batch",
    beyond_notes="PutLogEvents stores the events of a batch inside the time window and says "
    "which it refused with indexes into the batch.",
    source=PUT_LOG_EVENTS,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto answers the index of the last too-old event (AWS: the one after it) "
    "and of the last too-new event (AWS: the first)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack answers the index of the last too-old event (AWS: the one after it) "
    "and of the last too-new event (AWS: the first)",
)
def test_a_batch_keeps_the_events_inside_the_window(aws, log_stream, put_events):
    group, stream = log_stream
    now = now_ms()
    # Two batches, each within a few hours: a batch may not span more than 24 hours.
    old = [(now - 14 * DAY - 2 * HOUR, "a"), (now - 14 * DAY - HOUR, "b"), (now - 13 * DAY, "c")]
    new = [(now, "d"), (now + 3 * HOUR, "e"), (now + 4 * HOUR, "f")]
    old_info = put_events(group, stream, *old).get("rejectedLogEventsInfo") or {}
    new_info = put_events(group, stream, *new).get("rejectedLogEventsInfo") or {}

    # HINT: write `refused(messages, info)`: the messages of a batch that PutLogEvents
    # refused, from its rejectedLogEventsInfo (an "EndIndex" is the first index kept; a
    # "StartIndex" the first refused).
    # BEGIN SOLUTION
    def refused(messages: list[str], info: dict) -> list[str]:
        end = max(info.get("tooOldLogEventEndIndex", 0), info.get("expiredLogEventEndIndex", 0))
        start = info.get("tooNewLogEventStartIndex", len(messages))
        return messages[:end] + messages[start:]

    # END SOLUTION

    assert refused([m for _, m in old], old_info) == ["a", "b"]
    assert refused([m for _, m in new], new_info) == ["e", "f"]
    stored = aws.logs.get_log_events(logGroupName=group, logStreamName=stream, startFromHead=True)
    assert [event["message"] for event in stored["events"]] == ["c", "d"]


@pytest.mark.claim(
    "cloudwatch.log-events-before-retention", quote="log expiration", source=PUT_LOG_EVENTS
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores events older than the group's retention; AWS refuses them "
    "(expiredLogEventEndIndex)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack stores events older than the group's retention; AWS refuses them "
    "(expiredLogEventEndIndex)",
)
def test_events_older_than_the_retention_are_refused(aws, log_stream, put_events):
    group, stream = log_stream
    # HINT: keep the events of `group` for one day.
    # BEGIN SOLUTION
    aws.logs.put_retention_policy(logGroupName=group, retentionInDays=1)
    # END SOLUTION
    now = now_ms()
    times = {"2 days ago": now - 2 * DAY, "1 hour ago": now - HOUR}
    verdicts = {label: verdict(put_events, group, stream, at) for label, at in times.items()}
    assert verdicts == {"2 days ago": "expiredLogEventEndIndex", "1 hour ago": "accepted"}


@pytest.mark.claim(
    "cloudwatch.log-stream-names",
    quote="log stream",
    source="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogStream.html",
)
def test_a_stream_name_is_unique_within_its_group(aws, log_stream, unique_name, error_code):
    group, stream = log_stream
    other_group = unique_name("/app/payments")
    aws.logs.create_log_group(logGroupName=other_group)
    create = aws.logs.create_log_stream
    # HINT: what does CreateLogStream answer for "web-1" in each group? (None, or the error code)
    # BEGIN SOLUTION
    expected = {"same group": "ResourceAlreadyExistsException", "other group": None}
    # END SOLUTION
    answers = {
        "same group": error_code(create, logGroupName=group, logStreamName=stream),
        "other group": error_code(create, logGroupName=other_group, logStreamName=stream),
    }
    assert answers == expected
