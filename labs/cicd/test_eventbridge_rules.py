"""Watching the pipeline: EventBridge rules on CodePipeline's and CodeBuild's events.

CodePipeline puts an event on the default bus at each state change of a
pipeline run, a stage or an action ("CodePipeline Pipeline Execution State
Change", "... Stage Execution ...", "... Action Execution ..."); CodeBuild
puts one when a build changes state ("CodeBuild Build State Change", with
``build-status`` in its detail). A rule that matches the failures sends them
to SNS, a Lambda function, a chat channel. The events below have the shape
AWS documents; ``TestEventPattern`` shows which rule matches which event.
That the services emit them takes a real account.

Notes, "cicd > introduction > code pipeline > troubleshooting" and "code build".
"""

from __future__ import annotations

import json

import pytest

PIPELINE_EVENTS = "https://docs.aws.amazon.com/codepipeline/latest/userguide/detect-state-changes-cloudwatch-events.html"
BUILD_EVENTS = (
    "https://docs.aws.amazon.com/codebuild/latest/userguide/sample-build-notifications.html"
)
NO_RESULT = "moto's TestEventPattern answers without a Result; AWS answers Result true or false"


def event(source: str, detail_type: str, detail: dict) -> str:
    """An event as an AWS service puts it on the default bus."""
    return json.dumps(
        {
            "version": "0",
            "id": "0f6b3a56-1c4f-4e1b-8d8f-1d2f4a9c7e21",
            "detail-type": detail_type,
            "source": source,
            "account": "123456789012",
            "time": "2026-01-01T12:00:00Z",
            "region": "us-east-1",
            "resources": [],
            "detail": detail,
        }
    )


def pipeline_run(state: str) -> str:
    detail = {"pipeline": "release", "execution-id": "e-1", "state": state, "version": 1}
    return event("aws.codepipeline", "CodePipeline Pipeline Execution State Change", detail)


def stage_run(state: str) -> str:
    detail = {"pipeline": "release", "execution-id": "e-1", "stage": "Build", "state": state}
    return event("aws.codepipeline", "CodePipeline Stage Execution State Change", detail)


def build(status: str) -> str:
    detail = {"build-status": status, "project-name": "app", "build-id": "arn:build/app:1"}
    return event("aws.codebuild", "CodeBuild Build State Change", detail)


def matches(aws, pattern: dict, sample: str) -> bool:
    return aws.events.test_event_pattern(EventPattern=json.dumps(pattern), Event=sample)["Result"]


@pytest.mark.emulator_gap("moto", reason=NO_RESULT)
@pytest.mark.claim(
    "cicd.codepipeline-eventbridge-failed-runs",
    quote="use eventbridge to create events",
    source=PIPELINE_EVENTS,
)
def test_a_rule_catches_failed_pipeline_runs(aws):
    # HINT: a pattern for CodePipeline's pipeline-level events whose state is FAILED.
    # BEGIN SOLUTION
    pattern = {
        "source": ["aws.codepipeline"],
        "detail-type": ["CodePipeline Pipeline Execution State Change"],
        "detail": {"state": ["FAILED"]},
    }
    # END SOLUTION
    assert matches(aws, pattern, pipeline_run("FAILED"))
    assert not matches(aws, pattern, pipeline_run("SUCCEEDED"))
    assert not matches(aws, pattern, stage_run("FAILED"))


@pytest.mark.emulator_gap("moto", reason=NO_RESULT)
@pytest.mark.claim(
    "cicd.codepipeline-state-change-events",
    quote="for pipeline/action/stage execution stage changes",
    source=PIPELINE_EVENTS,
)
def test_stage_changes_are_events_of_their_own(aws):
    # HINT: a pattern for every state change of a pipeline's stages, and nothing else.
    # BEGIN SOLUTION
    pattern = {
        "source": ["aws.codepipeline"],
        "detail-type": ["CodePipeline Stage Execution State Change"],
    }
    # END SOLUTION
    assert matches(aws, pattern, stage_run("STARTED"))
    assert matches(aws, pattern, stage_run("FAILED"))
    assert not matches(aws, pattern, pipeline_run("STARTED"))


@pytest.mark.emulator_gap("moto", reason=NO_RESULT)
@pytest.mark.claim(
    "cicd.codebuild-eventbridge-failed-builds",
    quote="use eventbridge to detect failed builds",
    source=BUILD_EVENTS,
)
def test_a_rule_catches_failed_builds(aws):
    # HINT: a pattern for CodeBuild's build state changes whose build-status is FAILED.
    # BEGIN SOLUTION
    pattern = {
        "source": ["aws.codebuild"],
        "detail-type": ["CodeBuild Build State Change"],
        "detail": {"build-status": ["FAILED"]},
    }
    # END SOLUTION
    assert matches(aws, pattern, build("FAILED"))
    assert not matches(aws, pattern, build("SUCCEEDED"))
