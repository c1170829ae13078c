"""S3 replication, watched from the destination: what arrives, and what does not.

A replication rule copies each new object version of the source bucket to the
destination bucket, in another region (CRR: compliance, latency, another
account) or the same one (SRR: log aggregation, test copies of production).
The copy is made some time after the write; the source version reports
ReplicationStatus PENDING then COMPLETED, the copy reports REPLICA. A rule
can also copy delete markers (DeleteMarkerReplication Enabled), so a delete
in the source hides the object in the destination too. Replication is not
transitive: a copy that arrived in B by replication is not replicated again
by B's own rule towards C.

None of the emulators replicates (moto and LocalStack store the rule and stop
there), so these labs assert what AWS documents and are "unproven here".

Notes, "s3 > s3 -- replication".
"""

import pytest

REPLICATION = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html"
WHAT_IS_REPLICATED = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-what-is-isnot-replicated.html"
NO_REPLICATION = (
    "the emulator stores a replication rule but never replicates (no ReplicationStatus on the "
    "source, no copy in the destination); AWS copies each new version asynchronously"
)
#: Seconds to wait for a copy: replication usually takes seconds (two waits stay
#: inside the 60 s a test may take).
PATIENCE = 25


def versioned(aws_s3, name: str) -> str:
    aws_s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
    return name


def replicate(aws, source: str, destination: str, delete_markers: str = "Disabled") -> None:
    """A rule on ``source`` copying every new object version to ``destination``."""
    aws.s3.put_bucket_replication(
        Bucket=source,
        ReplicationConfiguration={
            # On AWS this role must exist, trust s3.amazonaws.com and may read and write.
            "Role": "arn:aws:iam::123456789012:role/lab-s3-replication",
            "Rules": [
                {
                    "ID": "everything",
                    "Status": "Enabled",
                    "Priority": 1,
                    "Filter": {},
                    "DeleteMarkerReplication": {"Status": delete_markers},
                    "Destination": {"Bucket": f"arn:aws:s3:::{destination}"},
                }
            ],
        },
    )


def replica_status(s3, bucket: str, key: str) -> str | None:
    """The ReplicationStatus of ``key`` in ``bucket``, or None if it is not there (yet)."""
    try:
        return s3.head_object(Bucket=bucket, Key=key).get("ReplicationStatus")
    except s3.exceptions.ClientError:
        return None


def written_for_replication(aws, bucket: str, key: str) -> None:
    aws.s3.put_object(Bucket=bucket, Key=key, Body=b"...")
    status = aws.s3.head_object(Bucket=bucket, Key=key).get("ReplicationStatus")
    assert status in ("PENDING", "COMPLETED"), "the source version waits for its copy"


@pytest.mark.claim(
    "s3.replication-cross-region", quote="cross-region replication", line=432, source=REPLICATION
)
@pytest.mark.emulator_gap("moto", "localstack", reason=NO_REPLICATION)
def test_a_rule_copies_new_objects_to_another_region(aws, make_bucket, unique_name, eventually):
    ireland = aws.session.client("s3", endpoint_url=aws.endpoint_url, region_name="eu-west-1")
    destination = unique_name("dublin-copy")
    ireland.create_bucket(
        Bucket=destination, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
    )
    versioned(ireland, destination)
    source = versioned(aws.s3, make_bucket("source"))
    # HINT: add the rule that copies every new object of `source` to `destination`.
    # BEGIN SOLUTION
    replicate(aws, source, destination)
    # END SOLUTION
    written_for_replication(aws, source, "invoice.pdf")
    eventually(lambda: replica_status(ireland, destination, "invoice.pdf") == "REPLICA", PATIENCE)


@pytest.mark.claim(
    "s3.replication-same-region", quote="same-region replication", source=REPLICATION
)
@pytest.mark.emulator_gap("moto", "localstack", reason=NO_REPLICATION)
def test_a_rule_copies_new_objects_within_the_region(aws, make_bucket, eventually):
    source = versioned(aws.s3, make_bucket("app-logs"))
    destination = versioned(aws.s3, make_bucket("all-logs"))
    # HINT: add the rule that copies every new object of `source` to `destination`.
    # BEGIN SOLUTION
    replicate(aws, source, destination)
    # END SOLUTION
    written_for_replication(aws, source, "app.log")
    eventually(lambda: replica_status(aws.s3, destination, "app.log") == "REPLICA", PATIENCE)


@pytest.mark.claim(
    "s3.replication-delete-markers",
    quote="can replicate `delete marker`",
    source=WHAT_IS_REPLICATED,
)
@pytest.mark.emulator_gap("moto", "localstack", reason=NO_REPLICATION)
def test_a_delete_marker_is_copied_when_the_rule_asks(aws, make_bucket, eventually):
    source = versioned(aws.s3, make_bucket("source"))
    destination = versioned(aws.s3, make_bucket("destination"))
    # HINT: a rule that copies new objects *and* delete markers to `destination`.
    # BEGIN SOLUTION
    replicate(aws, source, destination, delete_markers="Enabled")
    # END SOLUTION
    written_for_replication(aws, source, "draft.txt")
    eventually(lambda: replica_status(aws.s3, destination, "draft.txt") == "REPLICA", PATIENCE)
    aws.s3.delete_object(Bucket=source, Key="draft.txt")  # a delete marker, no version id

    def marker_arrived() -> bool:
        versions = aws.s3.list_object_versions(Bucket=destination, Prefix="draft.txt")
        return bool(versions.get("DeleteMarkers"))

    eventually(marker_arrived, PATIENCE)
    assert replica_status(aws.s3, destination, "draft.txt") is None, "hidden there too"


@pytest.mark.claim(
    "s3.replication-not-chained",
    quote="there is no chaining replicaiton",
    source=WHAT_IS_REPLICATED,
)
@pytest.mark.emulator_gap("moto", "localstack", reason=NO_REPLICATION)
def test_a_replica_is_not_replicated_again(aws, make_bucket, eventually):
    a, b, c = (versioned(aws.s3, make_bucket(name)) for name in ("a", "b", "c"))
    replicate(aws, a, b)
    replicate(aws, b, c)
    written_for_replication(aws, a, "from-a.txt")
    written_for_replication(aws, b, "from-b.txt")
    eventually(lambda: replica_status(aws.s3, b, "from-a.txt") == "REPLICA", PATIENCE)
    eventually(lambda: replica_status(aws.s3, c, "from-b.txt") == "REPLICA", PATIENCE)
    # HINT: is from-a.txt (copied into b by replication) in c? Its ReplicationStatus
    # HINT: there, or None if it is not there.
    # BEGIN SOLUTION
    from_a_in_c = None
    # END SOLUTION
    assert replica_status(aws.s3, c, "from-a.txt") == from_a_in_c
