"""A build project: where the code comes from, how it is built, what is kept.

CodeBuild runs builds in a fresh container (an image such as
``aws/codebuild/standard:7.0``), from a *source* (CodeCommit, GitHub, S3...),
following a *buildspec* (``buildspec.yml`` at the source's root, or given
inline): environment variables (plain, or read from Parameter Store or Secrets
Manager at build time), then the phases ``install``, ``pre_build``, ``build``
and ``post_build``, in that order. What the build makes (*artifacts*) goes to
S3, where the next stage of a pipeline picks it up; a *cache* keeps files
between builds. Its output goes to CloudWatch Logs (on by default) and, if
asked, to S3.

moto stores projects and fabricates a build's phases without running
anything: what a build *does* (its log, its artifacts) is "unproven here",
with AWS's documentation as the source.

Notes, "cicd > introduction > code build".
"""

from __future__ import annotations

import functools
import io
import zipfile

import botocore.session
import pytest

BUILDSPEC = "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html"
CREATE_PROJECT = "https://docs.aws.amazon.com/codebuild/latest/APIReference/API_CreateProject.html"
ENV_VARIABLE = (
    "https://docs.aws.amazon.com/codebuild/latest/APIReference/API_EnvironmentVariable.html"
)
LOGS_CONFIG = "https://docs.aws.amazon.com/codebuild/latest/APIReference/API_LogsConfig.html"
BUILD_EVENTS = (
    "https://docs.aws.amazon.com/codebuild/latest/userguide/sample-build-notifications.html"
)

NO_BUILD = (
    "moto fabricates a build's phases and runs nothing: no log, no artifact; AWS runs the "
    "buildspec in a container"
)

#: Each phase prints its name: the build's log shows the order they ran in.
PHASES_BUILDSPEC = """\
version: 0.2
phases:
  install:
    commands:
      - echo phase=install
  pre_build:
    commands:
      - echo phase=pre_build
  build:
    commands:
      - echo phase=build
      - echo release > app.txt
  post_build:
    commands:
      - echo phase=post_build
artifacts:
  files:
    - app.txt
"""


@functools.cache
def service_model(service: str):
    """The installed botocore's API model of ``service`` (read once: no call is made)."""
    return botocore.session.get_session().get_service_model(service)


@pytest.mark.claim("codebuild.sources", quote="source: codecommit, github, s3,...")
def test_a_project_builds_from_codecommit_or_s3_and_not_from_anywhere(
    aws, build_project, unique_name, error_code
):
    repository = unique_name("app")
    aws.codecommit.create_repository(repositoryName=repository)
    clone_url = aws.codecommit.get_repository(repositoryName=repository)["repositoryMetadata"][
        "cloneUrlHttp"
    ]
    # HINT: make a project (build_project(source=...)) whose source is the CodeCommit repository
    # at clone_url.
    # BEGIN SOLUTION
    from_git = build_project(source={"type": "CODECOMMIT", "location": clone_url})
    # END SOLUTION
    from_s3 = build_project()
    projects = aws.codebuild.batch_get_projects(names=[from_git, from_s3])["projects"]
    assert sorted(project["source"]["type"] for project in projects) == ["CODECOMMIT", "S3"]
    dropbox = {"type": "DROPBOX", "location": "https://www.dropbox.com/s/app.zip"}
    unvalidated = aws.unvalidated("codebuild")
    refused = error_code(
        unvalidated.create_project,
        name=from_s3 + "-dropbox",
        source=dropbox,
        artifacts={"type": "NO_ARTIFACTS"},
        environment=projects[0]["environment"],
        serviceRole=projects[0]["serviceRole"],
    )
    assert refused == "InvalidInputException"


@pytest.mark.emulator_gap(
    "moto",
    reason="moto leaves out the type of a variable given without one; AWS answers PLAINTEXT",
)
@pytest.mark.claim(
    "codebuild.plaintext-variables", quote="variables", line=1919, source=ENV_VARIABLE
)
def test_a_variable_is_plain_text_by_default(aws, build_project):
    environment = {
        "type": "LINUX_CONTAINER",
        "image": "aws/codebuild/standard:7.0",
        "computeType": "BUILD_GENERAL1_SMALL",
        "environmentVariables": [{"name": "STAGE", "value": "test"}],
    }
    project = build_project(environment=environment)
    [found] = aws.codebuild.batch_get_projects(names=[project])["projects"]
    [variable] = found["environment"]["environmentVariables"]
    # HINT: the type CodeBuild gives a variable created without one.
    # BEGIN SOLUTION
    expected = "PLAINTEXT"
    # END SOLUTION
    assert variable["type"] == expected


def variables_of(aws, project: str) -> dict[str, tuple[str, str]]:
    [found] = aws.codebuild.batch_get_projects(names=[project])["projects"]
    return {
        v["name"]: (v["type"], v["value"]) for v in found["environment"]["environmentVariables"]
    }


@pytest.mark.claim(
    "codebuild.parameter-store-variables",
    quote="parameter store",
    line=1920,
    source=ENV_VARIABLE,
)
def test_a_variable_can_name_a_parameter_store_parameter(aws, build_project, unique_name):
    parameter = f"/{unique_name('app')}/db-url"  # read by the build, not when the project is made
    # HINT: a project whose variable DB_URL is read from the parameter at build time: its type
    # says where the value comes from, its value is the parameter's name.
    # BEGIN SOLUTION
    variable = {"name": "DB_URL", "value": parameter, "type": "PARAMETER_STORE"}
    # END SOLUTION
    project = build_project(environment={"environmentVariables": [variable], **_environment()})
    assert variables_of(aws, project) == {"DB_URL": ("PARAMETER_STORE", parameter)}


@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores a variable of any type ('VAULT' too); AWS takes PLAINTEXT, "
    "PARAMETER_STORE or SECRETS_MANAGER and refuses another (InvalidInputException)",
)
@pytest.mark.claim(
    "codebuild.secrets-manager-variables",
    quote="secrets manager",
    line=1921,
    source=ENV_VARIABLE,
)
def test_a_variable_can_name_a_secret_and_nothing_else(aws, build_project, unique_name, error_code):
    secret = {"Name": unique_name("db")}  # read by the build, not when the project is made
    # HINT: a variable DB_PASSWORD read at build time from the key "pw" of the secret
    # (value "<secret name>:<json key>").
    # BEGIN SOLUTION
    variable = {"name": "DB_PASSWORD", "value": f"{secret['Name']}:pw", "type": "SECRETS_MANAGER"}
    # END SOLUTION
    project = build_project(environment={"environmentVariables": [variable], **_environment()})
    assert variables_of(aws, project) == {
        "DB_PASSWORD": ("SECRETS_MANAGER", f"{secret['Name']}:pw")
    }
    [made] = aws.codebuild.batch_get_projects(names=[project])["projects"]
    vault = {"name": "TOKEN", "value": "secret/app", "type": "VAULT"}
    refused = error_code(
        aws.unvalidated("codebuild").create_project,
        name=project + "-vault",
        source=made["source"],
        artifacts={"type": "NO_ARTIFACTS"},
        environment={"environmentVariables": [vault], **_environment()},
        serviceRole=made["serviceRole"],
    )
    assert refused == "InvalidInputException"


def _environment() -> dict:
    return {
        "type": "LINUX_CONTAINER",
        "image": "aws/codebuild/standard:7.0",
        "computeType": "BUILD_GENERAL1_SMALL",
    }


@pytest.mark.emulator_gap("moto", reason=NO_BUILD)
@pytest.mark.claim("codebuild.phases-in-order", quote="phases", line=1922, source=BUILDSPEC)
def test_the_phases_run_in_order(aws, build_project, source_bucket, finished_build):
    # HINT: a project (build_project) whose buildspec is PHASES_BUILDSPEC, given inline in its
    # source (the "buildspec" key of the source).
    # BEGIN SOLUTION
    source = {
        "type": "S3",
        "location": f"{source_bucket}/source.zip",
        "buildspec": PHASES_BUILDSPEC,
    }
    project = build_project(source=source)
    # END SOLUTION
    build = finished_build(project)
    assert build["buildStatus"] == "SUCCEEDED"
    logs = build["logs"]
    events = aws.logs.get_log_events(
        logGroupName=logs["groupName"], logStreamName=logs["streamName"], startFromHead=True
    )["events"]
    ran = [e["message"].strip() for e in events if e["message"].startswith("phase=")]
    assert ran == ["phase=install", "phase=pre_build", "phase=build", "phase=post_build"]


BUILD_PHASES = "https://docs.aws.amazon.com/codebuild/latest/userguide/view-build-details.html#view-build-details-phases"


def phase_order() -> list[str]:
    """A build's phases, in the order they run, as CodeBuild's API model lists them."""
    model = service_model("codebuild")
    return model.shape_for("BuildPhaseType").enum


def after(phase: str) -> str:
    """The phase that runs right after ``phase``."""
    phases = phase_order()
    return phases[phases.index(phase) + 1]


@pytest.mark.claim("codebuild.install-phase", quote="install", line=1923, source=BUILD_PHASES)
def test_install_runs_once_the_source_is_downloaded():
    assert after("DOWNLOAD_SOURCE") == "INSTALL"


@pytest.mark.claim(
    "codebuild.pre-build-phase",
    quote="pre-build",
    errata="The buildspec key is pre_build (an underscore), the phase PRE_BUILD.",
    source=BUILDSPEC,
)
def test_pre_build_runs_after_install():
    # HINT: the phase after INSTALL, as the API names it.
    # BEGIN SOLUTION
    expected = "PRE_BUILD"
    # END SOLUTION
    assert after("INSTALL") == expected


@pytest.mark.claim("codebuild.build-phase", quote="build", line=1925, source=BUILD_PHASES)
def test_build_runs_after_pre_build():
    assert after("PRE_BUILD") == "BUILD"


@pytest.mark.claim(
    "codebuild.post-build-phase",
    quote="post-build",
    errata="The buildspec key is post_build (an underscore), the phase POST_BUILD.",
    source=BUILDSPEC,
)
def test_post_build_runs_before_the_artifacts_are_uploaded():
    # HINT: the phase after POST_BUILD: what happens to the build's output.
    # BEGIN SOLUTION
    expected = "UPLOAD_ARTIFACTS"
    # END SOLUTION
    assert after("POST_BUILD") == expected


@pytest.mark.emulator_gap("moto", reason=NO_BUILD)
@pytest.mark.claim(
    "codebuild.buildspec-yml-by-default",
    quote="build instructions: buildspec.yml",
    source=BUILDSPEC,
)
def test_a_project_without_a_buildspec_runs_the_sources_buildspec_yml(
    aws, build_project, make_bucket, finished_build
):
    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w") as archive:
        # HINT: the file name CodeBuild looks for at the source's root when the project names
        # no buildspec.
        # BEGIN SOLUTION
        archive.writestr("buildspec.yml", PHASES_BUILDSPEC)
        # END SOLUTION
    bucket = make_bucket("with-buildspec")
    aws.s3.put_object(Bucket=bucket, Key="source.zip", Body=bundle.getvalue())
    project = build_project(source={"type": "S3", "location": f"{bucket}/source.zip"})
    build = finished_build(project)
    assert build["buildStatus"] == "SUCCEEDED"
    logs = build["logs"]
    events = aws.logs.get_log_events(
        logGroupName=logs["groupName"], logStreamName=logs["streamName"], startFromHead=True
    )["events"]
    assert any(event["message"].strip() == "phase=build" for event in events)


@pytest.mark.emulator_gap("moto", reason=NO_BUILD)
@pytest.mark.claim(
    "codebuild.artifacts-to-s3",
    quote="artifacts: send to s3 bucket used by next stage",
    source=BUILDSPEC,
)
def test_a_build_leaves_its_artifacts_in_s3(
    aws, build_project, source_bucket, make_bucket, finished_build
):
    releases = make_bucket("releases")
    source = {
        "type": "S3",
        "location": f"{source_bucket}/source.zip",
        "buildspec": PHASES_BUILDSPEC,
    }
    # HINT: a project (build_project) whose artifacts go to the bucket `releases`, under the
    # project's name (artifacts type S3, location = the bucket).
    # BEGIN SOLUTION
    project = build_project(source=source, artifacts={"type": "S3", "location": releases})
    # END SOLUTION
    finished_build(project)
    listed = aws.s3.list_objects_v2(Bucket=releases).get("Contents", [])
    assert [item["Key"] for item in listed] == [f"{project}/app.txt"]


@pytest.mark.claim(
    "codebuild.cache-off-by-default",
    quote="cache: files to cache for future build speedup",
    source=CREATE_PROJECT,
)
def test_a_project_caches_nothing_unless_asked(aws, build_project, make_bucket):
    plain = build_project()
    cache_bucket = make_bucket("build-cache")
    # HINT: a second project (build_project(cache=...)) keeping its cache in cache_bucket (S3).
    # BEGIN SOLUTION
    cached = build_project(cache={"type": "S3", "location": cache_bucket})
    # END SOLUTION
    projects = aws.codebuild.batch_get_projects(names=[plain, cached])["projects"]
    caches = {project["name"]: project["cache"]["type"] for project in projects}
    assert caches == {plain: "NO_CACHE", cached: "S3"}


@pytest.mark.emulator_gap(
    "moto",
    reason="moto's projects carry no logsConfig; AWS answers CloudWatch Logs ENABLED and S3 "
    "logs DISABLED for a project created without one",
)
@pytest.mark.claim(
    "codebuild.logs-destinations",
    quote="output logs can be stored in s3 or cloudwatch logs",
    source=LOGS_CONFIG,
)
def test_build_logs_go_to_cloudwatch_logs_by_default(aws, build_project):
    [project] = aws.codebuild.batch_get_projects(names=[build_project()])["projects"]
    logs = project["logsConfig"]
    # HINT: predict the status of each log destination of a new project.
    # BEGIN SOLUTION
    expected = {"cloudWatchLogs": "ENABLED", "s3Logs": "DISABLED"}
    # END SOLUTION
    assert {where: logs[where]["status"] for where in expected} == expected
