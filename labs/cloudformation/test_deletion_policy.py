"""Deleting a stack that owns a bucket: retain it, or fail on its objects.

When a stack is deleted, CloudFormation deletes its resources, unless a
resource's ``DeletionPolicy`` is ``Retain`` (kept, outside any stack) or
``Snapshot`` (databases and volumes: a last snapshot first). A bucket that
still holds objects cannot be deleted: the stack deletion fails.

Notes, "cloudformation > deletion policy -- for stack resources".
"""

import pytest
from botocore.exceptions import ClientError

DELETION_POLICY = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html"


def bucket_exists(aws, bucket: str) -> bool:
    try:
        aws.s3.head_bucket(Bucket=bucket)
    except ClientError:
        return False
    return True


@pytest.mark.claim("cloudformation.deletion-policy-retain", quote="retain: work with resources")
def test_a_retained_bucket_outlives_its_stack(aws, stacks):
    bucket = {"Type": "AWS::S3::Bucket"}
    template = {"Resources": {"Logs": bucket}}
    # HINT: keep the bucket when the stack is deleted (a resource attribute, beside "Type").
    # BEGIN SOLUTION
    bucket["DeletionPolicy"] = "Retain"
    # END SOLUTION
    stack = stacks.create(template)
    name = stacks.resource(stack, "Logs")
    assert stacks.delete(stack) == "DELETE_COMPLETE"
    assert bucket_exists(aws, name)
    aws.s3.delete_bucket(Bucket=name)  # retained means nobody deletes it: we do


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
    stack = stacks.create({"Resources": {"Logs": {"Type": "AWS::S3::Bucket"}}})
    name = stacks.resource(stack, "Logs")
    aws.s3.put_object(Bucket=name, Key="app.log", Body=b"started")
    # HINT: predict the stack's status after the delete: DELETE_COMPLETE or DELETE_FAILED?
    # BEGIN SOLUTION
    expected_status = "DELETE_FAILED"
    # END SOLUTION
    assert stacks.delete(stack) == expected_status
    assert bucket_exists(aws, name)
