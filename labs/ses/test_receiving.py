"""Receiving mail, and sending from IPs of your own.

SES also receives mail for a verified domain: a *receipt rule set* (one is
active per region) holds *rules* that match recipients and act: store the
message in S3 (whose bucket policy must let SES write), publish to SNS, invoke
Lambda. For sending, mail leaves from IPs SES shares between customers, unless
the account leases *dedicated IPs*, grouped in pools that you scale (STANDARD)
or SES scales (MANAGED).

Notes, "other services > aws ses".
"""

from __future__ import annotations

import json

import pytest

RECEIVING = "https://docs.aws.amazon.com/ses/latest/dg/receiving-email-receipt-rules-console-walkthrough.html"
DEDICATED_IPS = "https://docs.aws.amazon.com/ses/latest/dg/dedicated-ip.html"


@pytest.fixture
def mailbox(aws, make_bucket) -> str:
    """A bucket SES may write received mail to: its name."""
    bucket = make_bucket("mailbox")
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"Service": "ses.amazonaws.com"},
                "Action": "s3:PutObject",
                "Resource": f"arn:aws:s3:::{bucket}/*",
            }
        ],
    }
    aws.s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))
    return bucket


@pytest.mark.claim(
    "ses.inbound-receipt-rules", quote="allow inbound/outbound emails", source=RECEIVING
)
def test_a_receipt_rule_stores_incoming_mail_in_s3(aws, unique_name, mailbox):
    rule_set = unique_name("inbound")
    aws.ses.create_receipt_rule_set(RuleSetName=rule_set)
    # HINT: a rule "support" in rule_set, enabled, for support@example.org, whose one action
    # stores each message in the bucket `mailbox` (an S3Action).
    # BEGIN SOLUTION
    aws.ses.create_receipt_rule(
        RuleSetName=rule_set,
        Rule={
            "Name": "support",
            "Enabled": True,
            "Recipients": ["support@example.org"],
            "Actions": [{"S3Action": {"BucketName": mailbox}}],
        },
    )
    # END SOLUTION
    [rule] = aws.ses.describe_receipt_rule_set(RuleSetName=rule_set)["Rules"]
    assert rule["Recipients"] == ["support@example.org"]
    assert rule["Actions"] == [{"S3Action": {"BucketName": mailbox}}]


@pytest.mark.claim(
    "ses.dedicated-ip-pools",
    quote="Flexible IP deployment: shared, dedicated, and customer-owned IPs",
    source=DEDICATED_IPS,
)
def test_dedicated_ips_come_in_pools_ses_can_scale(aws, unique_name):
    pool = unique_name("marketing")
    # HINT: create a dedicated IP pool named `pool` whose IPs SES leases and scales itself.
    # BEGIN SOLUTION
    aws.sesv2.create_dedicated_ip_pool(PoolName=pool, ScalingMode="MANAGED")
    # END SOLUTION
    found = aws.sesv2.get_dedicated_ip_pool(PoolName=pool)["DedicatedIpPool"]
    assert found["ScalingMode"] == "MANAGED"
