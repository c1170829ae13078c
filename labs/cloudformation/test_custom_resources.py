"""A custom resource: CloudFormation asks your Lambda function to do what it cannot.

A resource of type ``Custom::<anything>`` has a ``ServiceToken``: the ARN of a
Lambda function (or SNS topic). On create, update and delete CloudFormation
invokes it with a request (``RequestType``, the resource's properties, and a
pre-signed ``ResponseURL``); the function does its work (empty a bucket, look
something up) and PUTs its answer to that URL: ``SUCCESS`` or ``FAILED``, a
physical id, and ``Data`` that the template reads with ``Fn::GetAtt``. The
stack waits for that answer.

Notes, "cloudformation > custom resources".
"""

import json
import urllib.request

import pytest
from botocore.exceptions import ClientError

from harness.testkit.inbox import Inbox

# The function behind the custom resource: it tells a queue what it was asked, then
# answers CloudFormation at the ResponseURL (as the cfn-response module does).
GREETER = """
import json
import os
import urllib.request

import boto3


def handler(event, context):
    boto3.client("sqs").send_message(QueueUrl=os.environ["INBOX"], MessageBody=json.dumps(event))
    answer = {
        "Status": "SUCCESS",
        "PhysicalResourceId": "greeting-" + event["ResourceProperties"]["Name"],
        "StackId": event["StackId"],
        "RequestId": event["RequestId"],
        "LogicalResourceId": event["LogicalResourceId"],
        "Data": {"Greeting": "hello " + event["ResourceProperties"]["Name"]},
    }
    url = event["ResponseURL"]
    if "://" not in url:
        url = "http://" + url
    request = urllib.request.Request(url, data=json.dumps(answer).encode(), method="PUT")
    urllib.request.urlopen(request, timeout=5).read()
"""


@pytest.fixture
def inbox(aws, unique_name) -> str:
    """The queue the greeter function reports each request it gets to."""
    return aws.sqs.create_queue(QueueName=unique_name("requests"))["QueueUrl"]


@pytest.fixture
def greeter(functions, inbox) -> str:
    """The ARN of the function behind the custom resource (it runs on the harness runtime)."""
    return functions.deploy(
        GREETER, "greeter", Environment={"Variables": {"INBOX": inbox}}, Timeout=10
    )["FunctionArn"]


def settled(status: str) -> str | None:
    return status if status.endswith(("_COMPLETE", "_FAILED")) else None


def has_run(aws, function_arn: str) -> bool:
    """Whether the function has finished an invocation: its log has the REPORT line."""
    group = "/aws/lambda/" + function_arn.rsplit(":", 1)[-1]
    try:
        found = aws.logs.filter_log_events(logGroupName=group, filterPattern="REPORT")
    except ClientError:  # no log group until the first invocation ends
        return False
    return bool(found["events"])


def requests(aws, inbox: str) -> list[dict]:
    received = aws.sqs.receive_message(QueueUrl=inbox, MaxNumberOfMessages=10, WaitTimeSeconds=0)
    return [json.loads(message["Body"]) for message in received.get("Messages", [])]


@pytest.mark.claim("cloudformation.custom-resource-service-token", quote="define custom resources")
def test_the_service_token_names_the_function_cloudformation_invokes(
    aws, unique_name, greeter, inbox, eventually
):
    template = {"Resources": {}}
    # HINT: one resource "Greeting" of type Custom::Greeting; its properties: the
    # ServiceToken (the greeter function's ARN) and Name "lab".
    # BEGIN SOLUTION
    template["Resources"]["Greeting"] = {
        "Type": "Custom::Greeting",
        "Properties": {"ServiceToken": greeter, "Name": "lab"},
    }
    # END SOLUTION
    name = unique_name("custom")
    aws.cloudformation.create_stack(StackName=name, TemplateBody=json.dumps(template))
    request = eventually(lambda: next(iter(requests(aws, inbox)), None))
    assert request["RequestType"] == "Create"
    assert request["LogicalResourceId"] == "Greeting"
    assert request["ResourceType"] == "Custom::Greeting"
    assert request["ResourceProperties"]["Name"] == "lab"
    assert request["ResponseURL"]


@pytest.mark.claim(
    "cloudformation.custom-resource-lambda",
    quote="have custom logic (scripts) via lambda",
    source="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-custom-resources.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto invokes the function but gives it a ResponseURL on host.docker.internal (it "
    "assumes the function runs in Docker), which the harness's loopback guard refuses: the answer "
    "never arrives and the stack stays CREATE_IN_PROGRESS; AWS completes it with the Data",
)
def test_the_stack_waits_for_the_functions_answer(aws, stacks, greeter, unique_name, eventually):
    template = {
        "Resources": {
            "Greeting": {
                "Type": "Custom::Greeting",
                "Properties": {"ServiceToken": greeter, "Name": "lab"},
            }
        },
        "Outputs": {},
    }
    # HINT: an output "Greeting" whose value is the custom resource's "Greeting"
    # attribute (what the function answered in Data), read with Fn::GetAtt.
    # BEGIN SOLUTION
    template["Outputs"]["Greeting"] = {"Value": {"Fn::GetAtt": ["Greeting", "Greeting"]}}
    # END SOLUTION
    name = unique_name("custom")
    aws.cloudformation.create_stack(StackName=name, TemplateBody=json.dumps(template))
    # The function answers before it ends; AWS takes the answer seconds later.
    eventually(lambda: has_run(aws, greeter))
    status = eventually(lambda: settled(stacks.status(name)))
    assert status == "CREATE_COMPLETE"
    assert stacks.resource(name, "Greeting") == "greeting-lab"
    assert stacks.outputs(name) == {"Greeting": "hello lab"}


def answer(request: dict, data: dict) -> None:
    """Answer a custom resource request SUCCESS at its ResponseURL, as cfn-response does."""
    body = {
        "Status": "SUCCESS",
        "PhysicalResourceId": "greeting-" + request["ResourceProperties"]["Name"],
        "StackId": request["StackId"],
        "RequestId": request["RequestId"],
        "LogicalResourceId": request["LogicalResourceId"],
        "Data": data,
    }
    # A pre-signed S3 URL: it takes a PUT with no Content-Type.
    put = urllib.request.Request(
        request["ResponseURL"], data=json.dumps(body).encode(), method="PUT"
    )
    put.add_header("Content-Type", "")
    urllib.request.urlopen(put, timeout=10).read()


@pytest.mark.claim(
    "cloudformation.custom-resource-sns",
    quote="service token specify where to send the requests(lambda, sns)",
    source="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-custom-resources-sns.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's custom resources call Lambda only: it looks the topic up as a function "
    "(ResourceNotFoundException, answered to CreateStack as unparseable XML); AWS publishes "
    "the request to the topic",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack does not publish a custom resource's request to an SNS topic named as its "
    "ServiceToken: the stack never completes; AWS publishes it",
)
def test_the_service_token_can_name_an_sns_topic(aws, stacks, unique_name, eventually):
    topic = aws.sns.create_topic(Name=unique_name("requests"))["TopicArn"]
    inbox = Inbox.create(aws.sqs, unique_name("requests"), eventually=eventually)
    inbox.allow("sns.amazonaws.com", topic)
    aws.sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=inbox.arn)
    greeting = {"Type": "Custom::Greeting", "Properties": {"Name": "lab"}}
    template = {
        "Resources": {"Greeting": greeting},
        "Outputs": {"Greeting": {"Value": {"Fn::GetAtt": ["Greeting", "Greeting"]}}},
    }
    # HINT: send the custom resource's requests to the SNS topic `topic`.
    # BEGIN SOLUTION
    greeting["Properties"]["ServiceToken"] = topic
    # END SOLUTION
    name = unique_name("custom")
    aws.cloudformation.create_stack(StackName=name, TemplateBody=json.dumps(template))
    (notification,) = inbox.json_bodies(at_least=1)
    request = json.loads(notification["Message"])  # the request, inside the SNS envelope
    assert (request["RequestType"], request["ResourceType"]) == ("Create", "Custom::Greeting")
    answer(request, {"Greeting": "hello " + request["ResourceProperties"]["Name"]})
    assert stacks.wait(name) == "CREATE_COMPLETE"
    assert stacks.outputs(name) == {"Greeting": "hello lab"}
