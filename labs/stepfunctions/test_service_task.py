"""A Task state calls an AWS service itself: no code in between.

When an order ships, the workflow tells the shipping team through SQS. The
step is a Task state whose ``Resource`` names one service API,
``arn:aws:states:::sqs:sendMessage``, and whose ``Parameters`` are that API's
request (``MessageBody.$`` takes the body from the state's input). Step
Functions makes the call with the state machine's role, and the API's answer
(``MessageId``, ``MD5OfMessageBody``) becomes the state's result.

Notes, "other serverless > step function -- task states".
"""

import pytest


@pytest.mark.claim(
    "stepfunctions.task-calls-a-service",
    quote="can invoke one aws service",
    source="https://docs.aws.amazon.com/step-functions/latest/dg/connect-sqs.html",
)
def test_a_task_state_sends_a_message_to_sqs(aws, workflows, unique_name):
    queue = aws.sqs.create_queue(QueueName=unique_name("shipping"))["QueueUrl"]
    resource = None
    # HINT: the Resource of a Task state that calls SQS's SendMessage.
    # BEGIN SOLUTION
    resource = "arn:aws:states:::sqs:sendMessage"
    # END SOLUTION
    notify = {
        "Type": "Task",
        "Resource": resource,
        "Parameters": {"QueueUrl": queue, "MessageBody.$": "$.update"},
        "End": True,
    }
    execution = workflows.run(
        {"StartAt": "Notify", "States": {"Notify": notify}}, {"update": "order 7 shipped"}
    )
    assert execution["status"] == "SUCCEEDED"
    (message,) = aws.sqs.receive_message(QueueUrl=queue, WaitTimeSeconds=0)["Messages"]
    assert message["Body"] == "order 7 shipped"
    assert execution["output"]["MessageId"] == message["MessageId"], "SQS's answer is the result"
