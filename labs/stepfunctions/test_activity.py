"""Activity tasks: a worker polls for the work, then reports back.

Parcels are packed in the warehouse by a packing program that Step Functions
cannot call: it calls Step Functions instead. The workflow's ``Pack`` state
is a Task whose ``Resource`` is an *activity* ARN (``CreateActivity``): one
activity per Task. When
the execution reaches it, the task waits until a worker asks for work with
``GetActivityTask``: the answer holds the state's input and a task token.
The worker answers with ``SendTaskSuccess`` (its output becomes the state's
output) or ``SendTaskFailure`` (the state fails with that error, which a
Catch can handle).

A worker may crash while it holds the task. With ``HeartbeatSeconds`` on the
state, the worker must call ``SendTaskHeartbeat`` at least that often; when
it falls silent, the task fails with ``States.HeartbeatTimeout``. The labs
use short heartbeats (1 and 2 seconds): the emulators wait in real time.

Notes, "other serverless > step function -- activity tasks".
"""

from __future__ import annotations

import json

import pytest

ACTIVITIES = "https://docs.aws.amazon.com/step-functions/latest/dg/concepts-activities.html"
MOTO_HAS_NO_ACTIVITY_WORKERS = (
    "moto does not implement GetActivityTask (HTTP 500), and its interpreter is given no "
    "activities, so an execution fails at once with States.Runtime; AWS keeps the task "
    "until a worker takes it"
)
LOCALSTACK_REPORTS_STATES_TIMEOUT = (
    "LocalStack fails a task that missed its heartbeat with States.Timeout only, which a "
    "States.HeartbeatTimeout catcher does not match; AWS raises States.HeartbeatTimeout, "
    "catchable by that name"
)


@pytest.fixture
def activity(aws, unique_name):
    """The ARN of a new activity, deleted after the test."""
    arn = aws.stepfunctions.create_activity(name=unique_name("pack-parcel"))["activityArn"]
    yield arn
    aws.stepfunctions.delete_activity(activityArn=arn)


def packing_workflow(
    activity: str, catch: list | None = None, heartbeat_seconds: int | None = None
) -> dict:
    """Pack the parcel (an activity); a caught error goes to Requeue."""
    pack = {
        "Type": "Task",
        "Resource": activity,
        # However many heartbeats: never stuck for ever. Far above the heartbeat lab's
        # 3 s of packing, whose six calls a busy machine may answer slowly.
        "TimeoutSeconds": 10,
        "Catch": catch or [],
        "End": True,
    }
    if heartbeat_seconds is not None:
        # Only the heartbeat labs set one. LocalStack arms its heartbeat timer after
        # the worker has taken the task, so an answer sent at once can be lost to a
        # heartbeat timeout on a busy machine (seen in CI).
        pack["HeartbeatSeconds"] = heartbeat_seconds
    states = {"Pack": pack}
    if catch:  # Step Functions refuses a state nothing leads to
        states["Requeue"] = {
            "Type": "Pass",
            "Result": "requeued",
            "ResultPath": "$.path",
            "End": True,
        }
    return {"StartAt": "Pack", "States": states}


def take_task(aws, activity: str) -> str:
    """Poll for the activity's next task, as a worker does; its task token."""
    return aws.stepfunctions.get_activity_task(activityArn=activity, workerName="packer-1")[
        "taskToken"
    ]


@pytest.mark.emulator_gap("moto", reason=MOTO_HAS_NO_ACTIVITY_WORKERS)
@pytest.mark.claim(
    "stepfunctions.task-runs-an-activity", quote="run one activity", source=ACTIVITIES
)
def test_a_task_state_runs_one_activity(aws, workflows, activity, eventually):
    resource = None
    # HINT: the Resource of a Task state that hands its work to the activity.
    # BEGIN SOLUTION
    resource = activity
    # END SOLUTION
    pack = {"Type": "Task", "Resource": resource, "TimeoutSeconds": 10, "End": True}
    execution = workflows.start({"StartAt": "Pack", "States": {"Pack": pack}}, {"order": 7})

    def settled() -> tuple[list, str] | None:
        """The activities scheduled, and the status, once one is or the execution stopped."""
        scheduled = [
            event["activityScheduledEventDetails"]["resource"]
            for event in workflows.history(execution)
            if event["type"] == "ActivityScheduled"
        ]
        status = aws.stepfunctions.describe_execution(executionArn=execution)["status"]
        return (scheduled, status) if scheduled or status != "RUNNING" else None

    assert eventually(settled) == ([activity], "RUNNING"), "it waits for a worker"
    aws.stepfunctions.stop_execution(executionArn=execution)


@pytest.mark.emulator_gap("moto", reason=MOTO_HAS_NO_ACTIVITY_WORKERS)
@pytest.mark.claim(
    "stepfunctions.activity-worker",
    quote="task work polled and performed by activity worker",
    source=ACTIVITIES,
)
def test_a_worker_polls_for_the_task_and_returns_its_output(aws, workflows, activity):
    execution = workflows.start(packing_workflow(activity), {"order": 7})
    # HINT: poll the activity for its task (GetActivityTask), then answer with the
    # task's token and output {"packed": <the order from the task's input>}.
    # BEGIN SOLUTION
    task = aws.stepfunctions.get_activity_task(activityArn=activity, workerName="packer-1")
    order = json.loads(task["input"])["order"]
    aws.stepfunctions.send_task_success(
        taskToken=task["taskToken"], output=json.dumps({"packed": order})
    )
    # END SOLUTION
    finished = workflows.finished(execution)
    assert (finished["status"], finished["output"]) == ("SUCCEEDED", {"packed": 7})


@pytest.mark.emulator_gap("moto", reason=MOTO_HAS_NO_ACTIVITY_WORKERS)
@pytest.mark.claim(
    "stepfunctions.activity-task-failure",
    quote="once finish the work, send a response back using sendTaskSuccess or sendTaskFailure",
    source=ACTIVITIES,
)
def test_send_task_failure_fails_the_activity_with_a_catchable_error(aws, workflows, activity):
    catch = [{"ErrorEquals": ["OutOfBoxes"], "ResultPath": "$.error", "Next": "Requeue"}]
    execution = workflows.start(packing_workflow(activity, catch), {"order": 7})
    token = take_task(aws, activity)
    # HINT: the worker has no boxes left: fail the task with error "OutOfBoxes",
    # cause "restock needed".
    # BEGIN SOLUTION
    aws.stepfunctions.send_task_failure(taskToken=token, error="OutOfBoxes", cause="restock needed")
    # END SOLUTION
    finished = workflows.finished(execution)
    assert finished["status"] == "SUCCEEDED", finished.get("error")
    assert finished["output"] == {
        "order": 7,
        "error": {"Error": "OutOfBoxes", "Cause": "restock needed"},
        "path": "requeued",
    }


@pytest.mark.emulator_gap("moto", reason=MOTO_HAS_NO_ACTIVITY_WORKERS)
@pytest.mark.claim(
    "stepfunctions.activity-heartbeat", quote="periodically send a heartbeat", source=ACTIVITIES
)
def test_heartbeats_keep_the_task_alive_past_heartbeat_seconds(aws, workflows, activity, clock):
    execution = workflows.start(packing_workflow(activity, heartbeat_seconds=2), {"order": 7})
    token = take_task(aws, activity)
    # 3 s of packing, longer than HeartbeatSeconds, with a heartbeat every second:
    # the emulators wait in real time, and a busy machine may be slow to answer one.
    for _ in range(3):
        clock.advance(1)
        # HINT: tell Step Functions the worker is still at it.
        # BEGIN SOLUTION
        aws.stepfunctions.send_task_heartbeat(taskToken=token)
        # END SOLUTION
    status = aws.stepfunctions.describe_execution(executionArn=execution)["status"]
    assert status == "RUNNING", "the task is still alive"
    aws.stepfunctions.send_task_success(taskToken=token, output=json.dumps({"packed": 7}))
    finished = workflows.finished(execution)
    assert (finished["status"], finished["output"]) == ("SUCCEEDED", {"packed": 7})


@pytest.mark.emulator_gap("moto", reason=MOTO_HAS_NO_ACTIVITY_WORKERS)
@pytest.mark.emulator_gap("localstack", reason=LOCALSTACK_REPORTS_STATES_TIMEOUT)
@pytest.mark.claim(
    "stepfunctions.heartbeat-timeout", quote="periodically send a heartbeat", source=ACTIVITIES
)
def test_a_silent_worker_fails_the_task_with_a_heartbeat_timeout(aws, workflows, activity):
    # HINT: which error name catches a task whose worker stopped sending heartbeats?
    # BEGIN SOLUTION
    error = "States.HeartbeatTimeout"
    # END SOLUTION
    catch = [{"ErrorEquals": [error], "ResultPath": "$.error", "Next": "Requeue"}]
    execution = workflows.start(
        packing_workflow(activity, catch, heartbeat_seconds=1), {"order": 7}
    )
    take_task(aws, activity)  # ... and the worker crashes: no heartbeat, no answer
    finished = workflows.finished(execution)
    assert (finished["status"], finished["output"]["path"]) == ("SUCCEEDED", "requeued")
