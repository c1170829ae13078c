"""S3 replication: a rule copies new objects to another bucket, asynchronously.

A replication rule on a source bucket copies every new object (matching its
filter) to a destination bucket, in the same region (SRR) or another (CRR),
some time after the write. Replication works on versions, so versioning must
be enabled on *both* buckets before S3 accepts the rule. The rule only sees
writes made after it exists: objects already in the bucket stay where they
are until an S3 Batch Replication job copies them. Each replicated object
reports its progress in a ReplicationStatus (PENDING, then COMPLETED or
FAILED); an object the rule never saw has none.

Notes, "s3 > s3 -- replication".
"""

import pytest


def replicate_everything(destination: str) -> dict:
    """A replication configuration copying every new object to ``destination``."""
    return {
        # On AWS this role must exist and trust s3.amazonaws.com.
        "Role": "arn:aws:iam::123456789012:role/lab-s3-replication",
        "Rules": [
            {
                "ID": "everything",
                "Status": "Enabled",
                "Priority": 1,
                "Filter": {},
                "DeleteMarkerReplication": {"Status": "Disabled"},
                "Destination": {"Bucket": f"arn:aws:s3:::{destination}"},
            }
        ],
    }


@pytest.mark.claim("s3.replication-source-versioning", quote="must enable versioning")
def test_a_rule_is_refused_on_an_unversioned_source(aws, bucket, versioned_bucket, error_code):
    # HINT: what error code does PutBucketReplication answer on a bucket without versioning?
    # BEGIN SOLUTION
    expected_error = "InvalidRequest"
    # END SOLUTION
    assert (
        error_code(
            aws.s3.put_bucket_replication,
            Bucket=bucket,
            ReplicationConfiguration=replicate_everything(versioned_bucket),
        )
        == expected_error
    )
    # Versioning was the only thing missing: once it is on, the same rule is taken.
    aws.s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    aws.s3.put_bucket_replication(
        Bucket=bucket, ReplicationConfiguration=replicate_everything(versioned_bucket)
    )
    assert aws.s3.get_bucket_replication(Bucket=bucket)["ReplicationConfiguration"]["Rules"]


@pytest.mark.claim(
    "s3.replication-destination-versioning",
    quote="must enable versioning",
    source="https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-requirements.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto checks versioning on the source bucket only; AWS refuses the rule with "
    "InvalidRequest (Destination bucket must have versioning enabled)",
)
def test_a_rule_is_refused_towards_an_unversioned_destination(
    aws, bucket, versioned_bucket, error_code
):
    # HINT: the source is versioned, the destination is not: what does S3 answer?
    # BEGIN SOLUTION
    expected_error = "InvalidRequest"
    # END SOLUTION
    assert (
        error_code(
            aws.s3.put_bucket_replication,
            Bucket=versioned_bucket,
            ReplicationConfiguration=replicate_everything(bucket),
        )
        == expected_error
    )


@pytest.mark.claim(
    "s3.replication-existing-objects",
    quote="using `s3 batch replication` to replicate existing objects",
    source="https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-batch-replication-batch.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores a replication rule but never replicates and reports no "
    "ReplicationStatus; AWS marks each new object PENDING, then COMPLETED",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack stores a replication rule but reports no ReplicationStatus on new objects; "
    "AWS marks each one PENDING, then COMPLETED",
)
def test_objects_written_before_the_rule_are_not_replicated(aws, make_bucket):
    source, destination = make_bucket("source"), make_bucket("destination")
    for name in (source, destination):
        aws.s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
    aws.s3.put_object(Bucket=source, Key="before.txt", Body=b"old")
    # HINT: add a rule on the source that replicates everything to the destination.
    # BEGIN SOLUTION
    aws.s3.put_bucket_replication(
        Bucket=source, ReplicationConfiguration=replicate_everything(destination)
    )
    # END SOLUTION
    aws.s3.put_object(Bucket=source, Key="after.txt", Body=b"new")
    after = aws.s3.head_object(Bucket=source, Key="after.txt")
    assert after.get("ReplicationStatus") in ("PENDING", "COMPLETED")
    before = aws.s3.head_object(Bucket=source, Key="before.txt")
    assert "ReplicationStatus" not in before, "the rule never sees objects written before it"
