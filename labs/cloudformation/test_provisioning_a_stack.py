"""From a template to resources: upload it to S3, then create the stack.

A template is a document: writing it creates nothing. ``CreateStack`` is what
provisions what it describes, and lists each resource it made with its
physical id (a queue's URL, a bucket's name). The template
comes inline (``TemplateBody``, at most 51,200 bytes) or from an S3 object
(``TemplateURL``, up to 1 MB): a bigger template has to go through a bucket,
which is what the console and ``aws cloudformation deploy --s3-bucket`` do.

Notes, "cloudformation > process".
"""

import json

import pytest

CREATE_STACK = (
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html"
)
BODY_LIMIT = 51_200  # bytes, CreateStack's TemplateBody (botocore's model says so too)


def padded(template: dict, size: int) -> str:
    """``template`` as JSON of exactly ``size`` bytes, padded in its Metadata."""
    template = {**template, "Metadata": {"Padding": ""}}
    short = size - len(json.dumps(template))
    template["Metadata"]["Padding"] = "x" * short
    body = json.dumps(template)
    assert len(body.encode()) == size
    return body


def template_url(aws, bucket: str, key: str) -> str:
    """The https:// address CloudFormation reads an S3 object from. A value the service
    parses (an emulator's CloudFormation reads its own S3, and moto's takes only this
    form), never an address the lab connects to."""
    return f"https://{bucket}.s3.{aws.region}.amazonaws.com/{key}"


@pytest.mark.claim(
    "cloudformation.create-stack-provisions", quote="create stack to provision resources"
)
def test_creating_the_stack_provisions_its_resources(aws, stacks, unique_name, error_code):
    queue_name = unique_name("orders")
    template = {
        "Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": queue_name}}}
    }
    missing = error_code(aws.sqs.get_queue_url, QueueName=queue_name)
    assert missing == "AWS.SimpleQueueService.NonExistentQueue", "a template alone makes nothing"
    # HINT: provision what the template describes (the `stacks` fixture waits until it is done).
    # BEGIN SOLUTION
    stack = stacks.create(template)
    # END SOLUTION
    assert aws.sqs.get_queue_url(QueueName=queue_name)["QueueUrl"]
    resources = aws.cloudformation.describe_stack_resources(StackName=stack)["StackResources"]
    # A queue's physical id is its URL, which ends with the queue's name.
    made = [(r["LogicalResourceId"], r["PhysicalResourceId"].rsplit("/", 1)[-1]) for r in resources]
    assert made == [("Queue", queue_name)]


@pytest.mark.claim(
    "cloudformation.template-from-s3", quote="s3 bucket", line=872, source=CREATE_STACK
)
def test_a_template_uploaded_to_s3_creates_the_stack(aws, stacks, make_bucket):
    bucket = make_bucket("templates")
    template = {"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}
    aws.s3.put_object(Bucket=bucket, Key="queue.json", Body=json.dumps(template).encode())
    # HINT: the CreateStack options (a dict) that take the template from the S3 object
    # queue.json of `bucket` instead of a TemplateBody (use template_url()).
    # BEGIN SOLUTION
    source = {"TemplateURL": template_url(aws, bucket, "queue.json")}
    # END SOLUTION
    name = stacks.unique_name("from-s3")
    aws.cloudformation.create_stack(StackName=name, **source)
    assert stacks.wait(name) == "CREATE_COMPLETE"
    assert aws.cloudformation.get_template(StackName=name)["TemplateBody"] == template


@pytest.mark.claim(
    "cloudformation.template-body-limit",
    quote="s3 bucket",
    line=872,
    source=CREATE_STACK,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto takes a TemplateBody of any size; AWS refuses one over 51,200 bytes "
    "(ValidationError) and takes the same template from S3",
)
def test_a_template_over_51200_bytes_must_come_from_s3(
    aws, stacks, unique_name, make_bucket, error_code
):
    template = {"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}
    create = aws.cloudformation.create_stack
    assert (
        error_code(
            create, StackName=unique_name("at-limit"), TemplateBody=padded(template, BODY_LIMIT)
        )
        is None
    )
    too_big = padded(template, BODY_LIMIT + 1)
    refused = error_code(create, StackName=unique_name("inline"), TemplateBody=too_big)
    assert refused == "ValidationError"
    bucket = make_bucket("templates")
    # HINT: put the too_big template in `bucket` (key big.json), and create the stack
    # "from-s3" from there.
    # BEGIN SOLUTION
    aws.s3.put_object(Bucket=bucket, Key="big.json", Body=too_big.encode())
    name = unique_name("from-s3")
    create(StackName=name, TemplateURL=template_url(aws, bucket, "big.json"))
    # END SOLUTION
    assert stacks.wait(name) == "CREATE_COMPLETE"
