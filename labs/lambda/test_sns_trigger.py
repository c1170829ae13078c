"""SNS invokes Lambda: one published message, one asynchronous invocation.

Subscribing a function to a topic (protocol ``lambda``) makes SNS invoke it
asynchronously with every message, wrapped in an event: ``Records[0].Sns``
holds the message, its subject and attributes. (On AWS the function also
needs a resource policy that lets sns.amazonaws.com invoke it.)

Notes, "lambda > asynchronous invocations".
"""

import json

import pytest

RECORDER = """
import json

def handler(event, context):
    print("EVENT " + json.dumps(event))
"""


def events_seen(aws, name: str) -> list[dict]:
    """The events the function printed, read back from its CloudWatch log group."""
    logged = aws.logs.filter_log_events(logGroupName=f"/aws/lambda/{name}")["events"]
    return [json.loads(e["message"][6:]) for e in logged if e["message"].startswith("EVENT ")]


@pytest.mark.claim("lambda.sns-invokes-asynchronously", quote="s3, sns, eventbridge, ses, IoT,...")
def test_a_published_message_reaches_the_function(aws, deploy, unique_name, eventually):
    name = deploy(RECORDER)
    function_arn = aws.lambda_.get_function(FunctionName=name)["Configuration"]["FunctionArn"]
    topic = aws.sns.create_topic(Name=unique_name("orders"))["TopicArn"]
    aws.lambda_.add_permission(
        FunctionName=name,
        StatementId="sns-may-invoke",
        Action="lambda:InvokeFunction",
        Principal="sns.amazonaws.com",
        SourceArn=topic,
    )
    # HINT: subscribe the function to the topic, then publish "order-42" with subject "new".
    # BEGIN SOLUTION
    aws.sns.subscribe(TopicArn=topic, Protocol="lambda", Endpoint=function_arn)
    aws.sns.publish(TopicArn=topic, Message="order-42", Subject="new")
    # END SOLUTION
    (event,) = eventually(lambda: events_seen(aws, name))
    (record,) = event["Records"]
    assert record["EventSource"] == "aws:sns"
    assert (record["Sns"]["Message"], record["Sns"]["Subject"]) == ("order-42", "new")


@pytest.mark.claim(
    "lambda.sns-event-names-its-topic",
    beyond_notes="The event SNS invokes a function with names the topic it came from "
    "(Records[0].Sns.TopicArn).",
    source="https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto puts the placeholder arn:aws:sns:EXAMPLE in the event"
)
def test_the_event_names_the_topic_it_came_from(aws, deploy, unique_name, eventually):
    name = deploy(RECORDER)
    function_arn = aws.lambda_.get_function(FunctionName=name)["Configuration"]["FunctionArn"]
    topic = aws.sns.create_topic(Name=unique_name("orders"))["TopicArn"]
    aws.sns.subscribe(TopicArn=topic, Protocol="lambda", Endpoint=function_arn)
    aws.sns.publish(TopicArn=topic, Message="order-43")
    (event,) = eventually(lambda: events_seen(aws, name))
    # HINT: which field of the SNS record tells a function fed by several topics where it came from?
    # BEGIN SOLUTION
    field = "TopicArn"
    # END SOLUTION
    assert event["Records"][0]["Sns"][field] == topic
