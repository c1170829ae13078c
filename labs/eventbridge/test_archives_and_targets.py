"""One rule, several kinds of target; and an archive that keeps the bus's events.

An order event must reach the billing queue (SQS) and the audit log (a
CloudWatch Logs log group): one rule can have several targets (up to five),
of different services (Lambda, SQS, SNS, Step Functions, log groups...), and
each gets its own copy of the event. The shop also archives the events of
its bus: an archive keeps them for its retention, and a new archive (no
``RetentionDays``, shown as 0) keeps them indefinitely.

Notes, "aws monitoring and troubleshooting and audit > aws eventbridge".
"""

import json

import pytest


@pytest.mark.claim(
    "eventbridge.targets-of-several-services",
    quote="trigger lamdba, send sqs, sns,...",
    source="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-targets.html",
)
def test_one_rule_sends_to_a_queue_and_a_log_group(
    aws, unique_name, route, put_event, target_queue, eventually
):
    group = unique_name("/aws/events/orders")
    aws.logs.create_log_group(logGroupName=group)
    group_arn = f"arn:aws:logs:{aws.region}:{target_queue.arn.split(':')[4]}:log-group:{group}"
    # EventBridge writes to a log group that lets it (a CloudWatch Logs resource policy).
    aws.logs.put_resource_policy(
        policyName=unique_name("events-to-logs"),
        policyDocument=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {"Service": "events.amazonaws.com"},
                        "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                        "Resource": f"{group_arn}:*",
                    }
                ],
            }
        ),
    )
    rule = route({"source": ["shop.orders"]})  # its first target: the billing queue (SQS)
    # HINT: add the log group (group_arn) as the rule's second target, Id "audit".
    # BEGIN SOLUTION
    aws.events.put_targets(Rule=rule, Targets=[{"Id": "audit", "Arn": group_arn}])
    # END SOLUTION
    put_event({"order": 7})
    assert [event["detail"] for event in target_queue.json_bodies(at_least=1)] == [{"order": 7}]

    def logged() -> list[dict]:
        events = aws.logs.filter_log_events(logGroupName=group)["events"]
        return [json.loads(event["message"])["detail"] for event in events]

    assert eventually(logged) == [{"order": 7}]


@pytest.mark.claim(
    "eventbridge.archive-retention",
    quote="can archive event",
    source="https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_CreateArchive.html",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's DescribeArchive has no RetentionDays; AWS answers 0 (indefinitely) for "
    "an archive made without one",
)
def test_an_archive_keeps_events_indefinitely_by_default(aws, unique_name):
    bus = aws.events.describe_event_bus()["Arn"]
    name = unique_name("orders")
    # HINT: archive the default bus's events from source "shop.orders" in archive `name`.
    # BEGIN SOLUTION
    aws.events.create_archive(
        ArchiveName=name,
        EventSourceArn=bus,
        EventPattern=json.dumps({"source": ["shop.orders"]}),
    )
    # END SOLUTION
    archive = aws.events.describe_archive(ArchiveName=name)
    assert (archive["EventSourceArn"], archive["State"]) == (bus, "ENABLED")
    assert archive["RetentionDays"] == 0, "0: kept indefinitely"
