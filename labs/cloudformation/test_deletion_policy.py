"""Deleting a stack: retain its bucket, snapshot its volume, or fail on a bucket's objects.

When a stack is deleted, CloudFormation deletes its resources (``Delete``, the
default), unless a resource's ``DeletionPolicy`` is ``Retain`` (kept, outside
any stack) or ``Snapshot`` (databases and volumes: a last snapshot first, then
the resource is deleted). A bucket that still holds objects cannot be
deleted: the stack deletion fails; an empty one goes with its stack.

Notes, "cloudformation > deletion policy -- for stack resources".
"""

import pytest

from harness.testkit.clients import error_code

DELETION_POLICY = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html"


def bucket_exists(aws, bucket: str) -> bool:
    return error_code(aws.s3.head_bucket, Bucket=bucket) is None


@pytest.mark.claim("cloudformation.deletion-policy-retain", quote="retain: work with resources")
def test_a_retained_bucket_outlives_its_stack(aws, stacks):
    bucket = {"Type": "AWS::S3::Bucket"}
    scratch = {"Type": "AWS::S3::Bucket"}  # no DeletionPolicy: Delete, the default
    template = {"Resources": {"Logs": bucket, "Scratch": scratch}}
    # HINT: keep the Logs bucket when the stack is deleted (a resource attribute, beside "Type").
    # BEGIN SOLUTION
    bucket["DeletionPolicy"] = "Retain"
    # END SOLUTION
    stack = stacks.create(template)
    logs, scratch_name = stacks.resource(stack, "Logs"), stacks.resource(stack, "Scratch")
    assert stacks.delete(stack) == "DELETE_COMPLETE"
    assert bucket_exists(aws, logs)
    assert not bucket_exists(aws, scratch_name), "without Retain, the bucket goes with its stack"
    aws.s3.delete_bucket(Bucket=logs)  # retained means nobody deletes it: we do


@pytest.mark.claim(
    "cloudformation.deletion-policy-non-empty-bucket",
    quote="delete: won't work with s3 bucket if it is empty",
    errata="It is the other way round: Delete fails for a bucket that is NOT empty; "
    "an empty bucket is deleted with its stack.",
    source=DELETION_POLICY,
)
@pytest.mark.emulator_gap(
    "moto", reason="moto deletes a bucket that holds objects with its stack; AWS fails the deletion"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack deletes a bucket that holds objects with its stack; AWS fails the deletion",
)
def test_a_bucket_with_objects_blocks_its_stack_deletion(aws, stacks):
    bucket = {"Type": "AWS::S3::Bucket", "DeletionPolicy": "Delete"}  # also the default
    empty = stacks.create({"Resources": {"Logs": bucket}})
    empty_bucket = stacks.resource(empty, "Logs")
    assert stacks.delete(empty) == "DELETE_COMPLETE", "an empty bucket goes with its stack"
    assert not bucket_exists(aws, empty_bucket)
    stack = stacks.create({"Resources": {"Logs": bucket}})
    name = stacks.resource(stack, "Logs")
    aws.s3.put_object(Bucket=name, Key="app.log", Body=b"started")
    # HINT: predict the stack's status after the delete: DELETE_COMPLETE or DELETE_FAILED?
    # BEGIN SOLUTION
    expected_status = "DELETE_FAILED"
    # END SOLUTION
    assert stacks.delete(stack) == expected_status
    assert bucket_exists(aws, name)


@pytest.mark.claim(
    "cloudformation.deletion-policy-snapshot", quote="snapshot", line=909, source=DELETION_POLICY
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto takes no snapshot when the stack is deleted, and keeps the volume; AWS "
    "snapshots the volume, then deletes it",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack does not create the AWS::EC2::Volume (its physical id is 'unknown'), so "
    "there is nothing to snapshot; AWS snapshots the volume, then deletes it",
)
def test_a_snapshot_policy_keeps_a_last_snapshot_of_a_volume(aws, stacks):
    zone = {"Fn::Select": [0, {"Fn::GetAZs": ""}]}  # the region's first availability zone
    volume = {"Type": "AWS::EC2::Volume", "Properties": {"Size": 1, "AvailabilityZone": zone}}
    # HINT: when the stack is deleted, keep a last snapshot of the volume (and delete the
    # volume itself).
    # BEGIN SOLUTION
    volume["DeletionPolicy"] = "Snapshot"
    # END SOLUTION
    stack = stacks.create({"Resources": {"Data": volume}})
    volume_id = stacks.resource(stack, "Data")
    assert stacks.delete(stack) == "DELETE_COMPLETE"
    this_volume = [{"Name": "volume-id", "Values": [volume_id]}]
    snapshots = aws.ec2.describe_snapshots(OwnerIds=["self"], Filters=this_volume)["Snapshots"]
    for snapshot in snapshots:  # the stack is gone: nobody else deletes them
        aws.ec2.delete_snapshot(SnapshotId=snapshot["SnapshotId"])
    assert len(snapshots) == 1
    assert aws.ec2.describe_volumes(Filters=this_volume)["Volumes"] == []
