"""A pipeline: source, then build, then deploy, each stage handing artifacts on.

CodePipeline orchestrates the other tools. A pipeline is a list of *stages*
run in order (at least two; the first holds the source actions), each made
of *actions* (fetch from S3 or CodeCommit, build with CodeBuild, deploy with
CodeDeploy or to S3...). An action's output is an *artifact*, stored in the
pipeline's S3 *artifact store*, and a later action names it as its input.
CodePipeline acts through its *service role*: a role it may not assume is
refused when the pipeline is made, and a role that lacks a permission makes
the action fail.

moto marks every run "Succeeded" at once: what a run does is not shown here.

Notes, "cicd > introduction > code pipeline".
"""

from __future__ import annotations

import pytest

PIPELINE_STRUCTURE = (
    "https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-pipeline-structure.html"
)
SERVICE_ROLE = (
    "https://docs.aws.amazon.com/codepipeline/latest/userguide/security-iam.html#how-to-custom-role"
)
LOOKUP_EVENTS = (
    "https://docs.aws.amazon.com/codepipeline/latest/userguide/monitoring-cloudtrail-logs.html"
)


@pytest.mark.claim(
    "cicd.codepipeline-at-least-two-stages",
    quote="source -- build -- test -- deploy -- load testing -- ...",
    source=PIPELINE_STRUCTURE,
)
def test_a_pipeline_has_a_source_stage_and_at_least_one_more(
    aws, pipeline_for, source_stage, deploy_stage, error_code
):
    source_only = pipeline_for([source_stage])
    refused = error_code(aws.codepipeline.create_pipeline, pipeline=source_only)
    assert refused == "InvalidStructureException"
    # HINT: the pipeline argument (pipeline_for) for the source stage followed by a stage
    # deploying the code to a bucket (deploy_stage()).
    # BEGIN SOLUTION
    two_stages = pipeline_for([source_stage, deploy_stage()])
    # END SOLUTION
    made = aws.codepipeline.create_pipeline(pipeline=two_stages)["pipeline"]
    assert [stage["name"] for stage in made["stages"]] == ["Source", "Deploy"]


@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts a pipeline whose first stage deploys and whose second fetches the source; "
    "AWS refuses it (InvalidStructureException: source actions only in the first stage)",
)
@pytest.mark.claim(
    "cicd.codepipeline-source-first",
    quote="source -- build -- test -- deploy -- load testing -- ...",
    source=PIPELINE_STRUCTURE,
)
def test_the_source_stage_comes_first(aws, pipeline_for, source_stage, deploy_stage, error_code):
    stages = [source_stage, deploy_stage()]
    # HINT: the stages in an order CodePipeline refuses.
    # BEGIN SOLUTION
    stages.reverse()
    # END SOLUTION
    refused = error_code(aws.codepipeline.create_pipeline, pipeline=pipeline_for(stages))
    assert refused == "InvalidStructureException"


@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts an action whose input artifact no earlier action makes; AWS refuses "
    "the pipeline (InvalidStructureException)",
)
@pytest.mark.claim(
    "cicd.codepipeline-artifacts", quote="artifacts:", line=1906, source=PIPELINE_STRUCTURE
)
def test_an_action_reads_an_artifact_an_earlier_action_made(
    aws, pipeline_for, source_stage, deploy_stage, error_code
):
    # HINT: the name of the artifact the source stage outputs (the source_stage fixture).
    # BEGIN SOLUTION
    artifact = "code"
    # END SOLUTION
    made = aws.codepipeline.create_pipeline(
        pipeline=pipeline_for([source_stage, deploy_stage(artifact)])
    )["pipeline"]
    assert made["artifactStore"]["type"] == "S3"
    dangling = pipeline_for([source_stage, deploy_stage("nothing")])
    refused = error_code(aws.codepipeline.create_pipeline, pipeline=dangling)
    assert refused == "InvalidStructureException"


@pytest.mark.claim(
    "cicd.codepipeline-service-role",
    quote="if pipeline cannot perform an action, check iam permission",
    source=SERVICE_ROLE,
)
def test_a_pipeline_acts_through_a_role_it_may_assume(
    aws, pipeline_for, source_stage, deploy_stage, role_for, error_code
):
    stages = [source_stage, deploy_stage()]
    # HINT: a role (role_for) that CodeDeploy may assume, but not CodePipeline.
    # BEGIN SOLUTION
    wrong_role = role_for("codedeploy")
    # END SOLUTION
    refused = error_code(
        aws.codepipeline.create_pipeline, pipeline=pipeline_for(stages, role=wrong_role)
    )
    assert refused == "InvalidStructureException"
    made = aws.codepipeline.create_pipeline(pipeline=pipeline_for(stages))["pipeline"]
    assert made["roleArn"] != wrong_role


@pytest.mark.emulator_gap(
    "moto", reason="moto has no LookupEvents (not implemented); AWS lists the CreatePipeline call"
)
@pytest.mark.claim(
    "cicd.cloudtrail-audits-pipelines",
    quote="cloudtrail can be used to audit",
    source=LOOKUP_EVENTS,
)
def test_cloudtrail_records_who_made_the_pipeline(
    aws, pipeline_for, source_stage, deploy_stage, eventually
):
    pipeline = pipeline_for([source_stage, deploy_stage()])
    aws.codepipeline.create_pipeline(pipeline=pipeline)
    # HINT: the name of the event CloudTrail records for the call that made the pipeline.
    # BEGIN SOLUTION
    event_name = "CreatePipeline"
    # END SOLUTION

    def recorded() -> list[dict]:
        return aws.cloudtrail.lookup_events(
            LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": event_name}]
        )["Events"]

    events = eventually(recorded, aws_takes=120)
    assert any(pipeline["name"] in event.get("CloudTrailEvent", "") for event in events)
