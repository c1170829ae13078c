"""Encryption at rest: a stream's records are encrypted only once you ask.

A new stream stores its records unencrypted (``EncryptionType`` ``NONE``);
TLS protects them in transit. ``StartStreamEncryption`` with a KMS key (the
one Kinesis owns, ``alias/aws/kinesis``, or your own) encrypts every record
written from then on; the stream is ``UPDATING`` for a few seconds, then
``ACTIVE`` again. A producer may also encrypt the data itself before
writing it (client-side encryption): Kinesis never sees the clear text.

Notes, "aws integration and messaging > aws kinesis > kinesis data streams > security".
"""

import pytest


def summary(aws, stream: str) -> dict:
    return aws.kinesis.describe_stream_summary(StreamName=stream)["StreamDescriptionSummary"]


@pytest.mark.claim(
    "kinesis.encryption-at-rest",
    quote="encryption in-transit and at rest or choose client-side encryption",
    source="https://docs.aws.amazon.com/kinesis/latest/APIReference/API_StartStreamEncryption.html",
)
def test_a_stream_is_encrypted_at_rest_once_you_start_it(aws, stream):
    # HINT: predict a new stream's EncryptionType.
    # BEGIN SOLUTION
    new_stream = "NONE"
    # END SOLUTION
    assert summary(aws, stream)["EncryptionType"] == new_stream
    aws.kinesis.start_stream_encryption(
        StreamName=stream, EncryptionType="KMS", KeyId="alias/aws/kinesis"
    )
    aws.kinesis.get_waiter("stream_exists").wait(StreamName=stream, WaiterConfig={"Delay": 1})
    assert (summary(aws, stream)["EncryptionType"], summary(aws, stream)["KeyId"]) == (
        "KMS",
        "alias/aws/kinesis",
    )
