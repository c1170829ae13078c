"""Tag the stack once, find its cost everywhere: stack tags reach every resource.

The tags given to ``CreateStack`` (at most 50) are the stack's, and
CloudFormation propagates them to every resource it creates that takes tags,
with three of its own: ``aws:cloudformation:stack-name``, ``stack-id`` and
``logical-id``. Activated as cost allocation tags in Billing, they split the
bill per project or per stack (nothing in a template needs to name them). A
stack created without tags gives its resources only CloudFormation's own.

Notes, "cloudformation > benefits".
"""

import pytest

RESOURCE_TAGS = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-resource-tags.html"
BUCKET = {"Resources": {"Bucket": {"Type": "AWS::S3::Bucket"}}}


def bucket_tags(aws, stacks, stack: str) -> dict[str, str]:
    bucket = stacks.resource(stack, "Bucket")
    tag_set = aws.s3.get_bucket_tagging(Bucket=bucket)["TagSet"]
    return {tag["Key"]: tag["Value"] for tag in tag_set}


@pytest.mark.claim(
    "cloudformation.stack-tags-propagate",
    quote="cost: good for cost management using tags (saving strategy)",
    source=RESOURCE_TAGS,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto keeps a stack's tags on the stack only: the bucket it creates has no tags "
    "(NoSuchTagSet); AWS propagates the stack's tags and adds aws:cloudformation:stack-name",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack keeps a stack's tags on the stack only: the bucket it creates has none "
    "(NoSuchTagSet); AWS propagates them",
)
def test_stack_tags_reach_the_resources_it_creates(aws, stacks):
    untagged = stacks.create(BUCKET)
    # HINT: the CreateStack options (a dict) that tag the stack CostCenter=4242.
    # BEGIN SOLUTION
    options = {"Tags": [{"Key": "CostCenter", "Value": "4242"}]}
    # END SOLUTION
    tagged = stacks.create(BUCKET, **options)
    tags = bucket_tags(aws, stacks, tagged)
    assert tags["CostCenter"] == "4242"
    assert tags["aws:cloudformation:stack-name"] == tagged
    assert "CostCenter" not in bucket_tags(aws, stacks, untagged)
