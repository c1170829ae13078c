"""SQS FIFO throughput: 300 per second is the default mode, not the only one.

A new FIFO queue runs in its default mode: 300 transactions per second per
API action (SendMessage, ReceiveMessage, DeleteMessage), 3,000 messages per
second with batches of 10, deduplication across the whole queue. *High
throughput for FIFO queues* counts the quota per message group instead:
``DeduplicationScope=messageGroup`` and ``FifoThroughputLimit=perMessageGroupId``
lift the queue far above 300 per second (how far depends on the Region).
No emulator throttles, so the lab reads the two attributes that choose the mode.

Notes, "aws integration and messaging > sqs > fifo queue".
"""

import pytest

QUOTAS = "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html"


def mode(queue_attribute, url: str) -> tuple[str, str]:
    return (
        queue_attribute(url, "DeduplicationScope"),
        queue_attribute(url, "FifoThroughputLimit"),
    )


@pytest.mark.claim(
    "sqs.fifo-high-throughput",
    quote="limited throughput: 300 per second, 3000 per second with batch",
    errata="300 transactions per second per API action (3,000 messages with batches of 10) is "
    "the quota of a FIFO queue in its default mode; with high throughput for FIFO queues "
    "(DeduplicationScope=messageGroup, FifoThroughputLimit=perMessageGroupId) the quota is far "
    "higher, and depends on the Region.",
    source=QUOTAS,
)
def test_a_fifo_queue_can_switch_to_high_throughput(aws, fifo_queue, queue_attribute):
    assert mode(queue_attribute, fifo_queue) == ("queue", "perQueue"), "the 300-per-second mode"
    # HINT: turn on high throughput for this queue: deduplicate per message group, and
    # count the throughput quota per message group ID (two queue attributes).
    # BEGIN SOLUTION
    high_throughput = {
        "DeduplicationScope": "messageGroup",
        "FifoThroughputLimit": "perMessageGroupId",
    }
    aws.sqs.set_queue_attributes(QueueUrl=fifo_queue, Attributes=high_throughput)
    # END SOLUTION
    assert mode(queue_attribute, fifo_queue) == ("messageGroup", "perMessageGroupId")
