"""AWS services publish to SNS too: an S3 upload announces itself.

The shop's invoice bucket tells SNS about every new object, and SNS fans
the event out to its subscribers, here the accounting queue. The topic's
access policy must let the service publish (``s3.amazonaws.com``, for this
bucket). When the notification is set, S3 first sends an ``s3:TestEvent``;
then one event per new object, with the bucket, the key and the event name.

Notes, "aws integration and messaging > aws sns".
"""

import json

import pytest


def allow_s3(aws, topic: str, bucket: str) -> None:
    statement = {
        "Effect": "Allow",
        "Principal": {"Service": "s3.amazonaws.com"},
        "Action": "sns:Publish",
        "Resource": topic,
        "Condition": {"ArnLike": {"aws:SourceArn": f"arn:aws:s3:::{bucket}"}},
    }
    policy = {"Version": "2012-10-17", "Statement": [statement]}
    aws.sns.set_topic_attributes(
        TopicArn=topic, AttributeName="Policy", AttributeValue=json.dumps(policy)
    )


@pytest.mark.claim(
    "sns.s3-publishes",
    quote="integrated with many aws services as message senders",
    source="https://docs.aws.amazon.com/AmazonS3/latest/userguide/ways-to-add-notification-config-to-bucket.html",
)
def test_an_s3_upload_is_published_to_the_topic(
    aws, topic, inbox, subscribe, make_bucket, eventually
):
    accounting = inbox("accounting")
    subscribe(topic, accounting)
    bucket = make_bucket("invoices")
    allow_s3(aws, topic, bucket)
    # HINT: make the bucket publish to `topic` every time an object is created.
    # BEGIN SOLUTION
    aws.s3.put_bucket_notification_configuration(
        Bucket=bucket,
        NotificationConfiguration={
            "TopicConfigurations": [{"TopicArn": topic, "Events": ["s3:ObjectCreated:*"]}]
        },
    )
    # END SOLUTION
    aws.s3.put_object(Bucket=bucket, Key="invoice-7.pdf", Body=b"%PDF")

    records: list[dict] = []  # the inbox deletes what it reads: keep every record seen

    def object_events() -> list[dict]:
        events = [json.loads(message) for message in accounting.messages()]
        records.extend(record for event in events for record in event.get("Records", []))
        return records

    (record,) = eventually(object_events)
    assert record["eventName"].startswith("ObjectCreated:")
    assert (record["s3"]["bucket"]["name"], record["s3"]["object"]["key"]) == (
        bucket,
        "invoice-7.pdf",
    )
