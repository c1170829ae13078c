"""SQS long polling: wait for a message instead of asking again and again.

A short poll (WaitTimeSeconds=0) answers at once, often with nothing. A long
poll waits up to WaitTimeSeconds (at most 20) and returns as soon as a
message arrives: fewer empty responses, fewer API calls. A queue's
ReceiveMessageWaitTimeSeconds makes every receive a long poll.

Notes, "aws integration and messaging > sqs > long polling".
"""

import threading
import time

import pytest


def receive_in_background(aws, url: str, **options) -> tuple[threading.Thread, list]:
    """Start a ReceiveMessage in a thread; the list gets the bodies when it returns."""
    bodies: list = []

    def poll() -> None:
        response = aws.sqs.receive_message(QueueUrl=url, **options)
        bodies.append([m["Body"] for m in response.get("Messages", [])])

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    return thread, bodies


@pytest.mark.claim(
    "sqs.long-poll-waits", quote="can optionally wait if there is no message in the queue"
)
def test_a_long_poll_returns_when_a_message_arrives(aws, queue):
    # HINT: start a receive that waits up to 20 seconds for a message.
    # BEGIN SOLUTION
    poller, bodies = receive_in_background(aws, queue, WaitTimeSeconds=20)
    # END SOLUTION
    aws.sqs.send_message(QueueUrl=queue, MessageBody="hello")
    poller.join(timeout=10)
    assert bodies == [["hello"]], "the waiting receive got the message sent after it started"


@pytest.mark.claim("sqs.long-poll-fewer-calls", quote="decrease the number of api calls")
def test_an_empty_long_poll_is_one_call_for_the_whole_wait(aws, queue, clock):
    started = time.time()  # the emulated clock: on moto it moves only when we advance it
    # HINT: start one receive (in the background) that waits as long as SQS allows.
    # BEGIN SOLUTION
    poller, bodies = receive_in_background(aws, queue, WaitTimeSeconds=20)
    # END SOLUTION
    # A second at a time; on moto each step wakes the poll, which looks at the clock
    # again. (A step ahead of a late answer only moves the clock further: no harm.)
    while poller.is_alive() and clock.advanced < 600:
        clock.advance(1)
        poller.join(timeout=0.005)
    waited = time.time() - started
    assert bodies == [[]], "the call returns empty: nothing was sent"
    # Not 0 s (a short poll) but the whole 20 s wait, in a single call. (No upper
    # bound: on a loaded machine the request may reach the emulator a few steps late.)
    assert waited >= 20


@pytest.mark.claim("sqs.long-poll-queue-level", quote="can enable at queue level")
def test_a_queue_level_wait_makes_every_receive_a_long_poll(aws, unique_name, queue_attribute):
    # HINT: create a queue on which every receive waits 20 seconds by default.
    # BEGIN SOLUTION
    url = aws.sqs.create_queue(
        QueueName=unique_name("patient"), Attributes={"ReceiveMessageWaitTimeSeconds": "20"}
    )["QueueUrl"]
    # END SOLUTION
    assert queue_attribute(url, "ReceiveMessageWaitTimeSeconds") == "20"
    poller, bodies = receive_in_background(aws, url)  # no WaitTimeSeconds given
    aws.sqs.send_message(QueueUrl=url, MessageBody="worth-the-wait")
    poller.join(timeout=10)
    assert bodies == [["worth-the-wait"]]


@pytest.mark.claim(
    "sqs.long-poll-max-20-seconds",
    beyond_notes="A long poll waits at most 20 seconds: WaitTimeSeconds=20 is accepted, 21 is "
    "refused (InvalidParameterValue).",
    source="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html",
)
def test_a_wait_above_20_seconds_is_refused(aws, queue, error_code):
    # HINT: the first WaitTimeSeconds that SQS refuses.
    # BEGIN SOLUTION
    too_long = 21
    # END SOLUTION
    aws.sqs.send_message(QueueUrl=queue, MessageBody="ready")  # the longest wait returns at once
    longest = aws.sqs.receive_message(QueueUrl=queue, WaitTimeSeconds=too_long - 1)
    assert [m["Body"] for m in longest["Messages"]] == ["ready"]
    receive = aws.sqs.receive_message
    assert error_code(receive, QueueUrl=queue, WaitTimeSeconds=too_long) == "InvalidParameterValue"
