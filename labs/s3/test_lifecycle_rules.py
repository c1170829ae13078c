"""S3 lifecycle rules: move objects to cheaper classes, then delete them, on a schedule.

A lifecycle configuration is a list of rules. Each rule picks objects by a
filter (a key prefix, a tag, or both inside an "And") and holds actions:
*transitions* ("after 30 days, move to Standard-IA; after 90, to Glacier")
and an *expiration* ("after 365 days, delete"). S3 runs the rules by itself,
once a day; what a client sees at once is the expiration S3 has planned for
each object, in the x-amz-expiration header of GET and HEAD. S3 refuses a
rule that breaks its constraints, such as a move to Standard-IA before an
object is 30 days old.

Notes, "s3 advanced > lifecycle rules".
"""

import pytest


@pytest.mark.claim("s3.lifecycle-actions", quote="transition actions")
def test_a_rule_holds_transitions_and_an_expiration(aws, bucket):
    # HINT: one rule "logs" for prefix logs/: Standard-IA after 30 days, GLACIER after 90,
    # HINT: deleted after 365.
    # BEGIN SOLUTION
    aws.s3.put_bucket_lifecycle_configuration(
        Bucket=bucket,
        LifecycleConfiguration={
            "Rules": [
                {
                    "ID": "logs",
                    "Status": "Enabled",
                    "Filter": {"Prefix": "logs/"},
                    "Transitions": [
                        {"Days": 30, "StorageClass": "STANDARD_IA"},
                        {"Days": 90, "StorageClass": "GLACIER"},
                    ],
                    "Expiration": {"Days": 365},
                }
            ]
        },
    )
    # END SOLUTION
    (rule,) = aws.s3.get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"]
    assert rule["Filter"] == {"Prefix": "logs/"}
    assert [(t["Days"], t["StorageClass"]) for t in rule["Transitions"]] == [
        (30, "STANDARD_IA"),
        (90, "GLACIER"),
    ]
    assert rule["Expiration"] == {"Days": 365}


@pytest.mark.claim(
    "s3.lifecycle-filter-and", quote="can be create for certain prefix or object tags"
)
def test_a_prefix_and_a_tag_together_need_an_and_filter(aws, bucket, error_code):
    rule = {"ID": "tmp", "Status": "Enabled", "Expiration": {"Days": 1}}
    both_loose = {**rule, "Filter": {"Prefix": "tmp/", "Tag": {"Key": "temp", "Value": "yes"}}}
    # HINT: what error code does S3 answer for a filter holding Prefix and Tag side by side?
    # BEGIN SOLUTION
    expected_error = "MalformedXML"
    # END SOLUTION
    answer = error_code(
        aws.s3.put_bucket_lifecycle_configuration,
        Bucket=bucket,
        LifecycleConfiguration={"Rules": [both_loose]},
    )
    assert answer == expected_error
    both_in_and = {
        **rule,
        "Filter": {"And": {"Prefix": "tmp/", "Tags": [{"Key": "temp", "Value": "yes"}]}},
    }
    aws.s3.put_bucket_lifecycle_configuration(
        Bucket=bucket, LifecycleConfiguration={"Rules": [both_in_and]}
    )


@pytest.mark.claim(
    "s3.lifecycle-scope",
    quote="can be create for certain prefix or object tags",
    source="https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto never sends the x-amz-expiration header; AWS tells on each GET/HEAD "
    "which lifecycle rule will expire the object, and when",
)
def test_an_expiration_rule_applies_only_to_its_prefix_or_tag(aws, bucket):
    # HINT: two expiration rules: "tmp-prefix" deletes tmp/* after 1 day,
    # HINT: "temp-tag" deletes objects tagged temp=yes after 7 days.
    # BEGIN SOLUTION
    aws.s3.put_bucket_lifecycle_configuration(
        Bucket=bucket,
        LifecycleConfiguration={
            "Rules": [
                {
                    "ID": "tmp-prefix",
                    "Status": "Enabled",
                    "Filter": {"Prefix": "tmp/"},
                    "Expiration": {"Days": 1},
                },
                {
                    "ID": "temp-tag",
                    "Status": "Enabled",
                    "Filter": {"Tag": {"Key": "temp", "Value": "yes"}},
                    "Expiration": {"Days": 7},
                },
            ]
        },
    )
    # END SOLUTION
    aws.s3.put_object(Bucket=bucket, Key="tmp/upload.part", Body=b"...")
    aws.s3.put_object(Bucket=bucket, Key="scratch.txt", Body=b"...", Tagging="temp=yes")
    aws.s3.put_object(Bucket=bucket, Key="keep.txt", Body=b"...")

    def planned(key: str) -> str | None:
        return aws.s3.head_object(Bucket=bucket, Key=key).get("Expiration")

    assert 'rule-id="tmp-prefix"' in (planned("tmp/upload.part") or "")
    assert 'rule-id="temp-tag"' in (planned("scratch.txt") or "")
    assert planned("keep.txt") is None


@pytest.mark.claim(
    "s3.lifecycle-ia-minimum",
    beyond_notes="A transition to STANDARD_IA waits at least 30 days: 30 is taken, 29 refused "
    "(InvalidArgument).",
    source="https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts any transition day count (29); AWS refuses a transition to "
    "STANDARD_IA or ONEZONE_IA earlier than 30 days (InvalidArgument)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts a transition to STANDARD_IA after fewer than 30 days; AWS refuses "
    "it (InvalidArgument)",
)
def test_a_move_to_standard_ia_needs_30_days(aws, bucket, error_code):
    def answer(days: int) -> str | None:
        rule = {
            "ID": f"after-{days}-days",
            "Status": "Enabled",
            "Filter": {"Prefix": ""},
            "Transitions": [{"Days": days, "StorageClass": "STANDARD_IA"}],
        }
        put = aws.s3.put_bucket_lifecycle_configuration
        return error_code(put, Bucket=bucket, LifecycleConfiguration={"Rules": [rule]})

    # HINT: what does S3 answer a rule moving objects to Standard-IA after 29 days, and one
    # HINT: after 30 days? {days: error code, or None if the rule is taken}
    # BEGIN SOLUTION
    expected = {29: "InvalidArgument", 30: None}
    # END SOLUTION
    assert {days: answer(days) for days in expected} == expected


@pytest.mark.claim(
    "s3.lifecycle-expiration-days",
    quote="expiration actions",
    source="https://docs.aws.amazon.com/AmazonS3/latest/API/API_LifecycleExpiration.html",
)
@pytest.mark.emulator_gap(
    "moto",
    "localstack",
    reason="the emulator takes an expiration after 0 days; AWS wants a non-zero positive "
    "number of days and refuses 0 (InvalidArgument)",
)
def test_an_expiration_waits_at_least_one_day(aws, bucket, error_code):
    def answer(days: int) -> str | None:
        rule = {
            "ID": f"expire-after-{days}",
            "Status": "Enabled",
            "Filter": {"Prefix": "tmp/"},
            "Expiration": {"Days": days},
        }
        return error_code(
            aws.s3.put_bucket_lifecycle_configuration,
            Bucket=bucket,
            LifecycleConfiguration={"Rules": [rule]},
        )

    # HINT: the fewest days an expiration action takes, and the error code one day less gets.
    # BEGIN SOLUTION
    fewest_days = 1
    too_few = "InvalidArgument"
    # END SOLUTION
    assert answer(fewest_days) is None
    assert answer(fewest_days - 1) == too_few
