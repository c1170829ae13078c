"""The other developer tools: what is left of CodeStar, Cloud9 and CodeGuru; CodeArtifact.

AWS retires services too. The SDK says so first: botocore (the API models every
AWS SDK for Python call is made from) dropped CodeStar's client when the
service closed, and Cloud9's own API description says it no longer takes new
customers. CodeGuru Reviewer stopped taking new repositories in November 2025;
CodeGuru Profiler's agent still takes the parameters its API names. CodeArtifact
stores packages (npm, Maven, pip...) in repositories that a resource policy
opens to other accounts.

Notes, "cicd > introduction > code star", "code artifact", "code guru", "cloud9".
"""

from __future__ import annotations

import functools
import json

import botocore.session
import pytest

CODESTAR = "https://docs.aws.amazon.com/codestar/latest/userguide/welcome.html"
CLOUD9 = "https://docs.aws.amazon.com/cloud9/latest/user-guide/welcome.html"
REVIEWER = "https://docs.aws.amazon.com/codeguru/latest/reviewer-ug/codeguru-reviewer-availability-change.html"
AGENT = "https://docs.aws.amazon.com/codeguru/latest/profiler-api/API_ConfigureAgent.html"
REPOSITORY_POLICY = "https://docs.aws.amazon.com/codeartifact/latest/ug/repo-policies.html"


@functools.cache
def service_model(service: str):
    """The installed botocore's API model of ``service`` (read once: no call is made)."""
    return botocore.session.get_session().get_service_model(service)


def api_description(aws, service: str) -> str:
    """The service's description in the installed botocore API model (no call is made)."""
    return service_model(service).documentation


@pytest.mark.claim(
    "cicd.codestar-discontinued",
    quote="an integrated solution of github, code commit, code build, code deploy, "
    "cloudformation, code pipeline, cloudwatch,...",
    errata="AWS CodeStar was discontinued on 31 July 2024: its projects can no longer be "
    "created or viewed, and the SDKs dropped its client (CodeStar Connections lives on, "
    "renamed CodeConnections).",
    source=CODESTAR,
)
def test_the_sdk_has_no_codestar_any_more(aws):
    services = set(aws.session.get_available_services())
    # HINT: predict whether boto3 still offers a "codestar" client, and a "codeconnections" one.
    # BEGIN SOLUTION
    expected = {"codestar": False, "codeconnections": True}
    # END SOLUTION
    assert {name: name in services for name in expected} == expected


@pytest.mark.claim(
    "cicd.cloud9-closed-to-new-customers",
    quote="cloud-based development environment",
    errata="AWS Cloud9 is no longer available to new customers (since 25 July 2024); existing "
    "customers keep using it. AWS points to its IDE toolkits and CloudShell.",
    source=CLOUD9,
)
def test_cloud9_says_it_takes_no_new_customers(aws):
    description = " ".join(api_description(aws, "cloud9").split())
    # HINT: the words of Cloud9's API description about new customers.
    # BEGIN SOLUTION
    expected = "no longer available to new customers"
    # END SOLUTION
    assert expected in description


@pytest.mark.claim(
    "cicd.codeguru-reviewer-java-and-python",
    quote="support java and python",
    line=1975,
    errata="CodeGuru Reviewer takes no new repository associations since 7 November 2025 "
    "(existing ones keep working); AWS points to Amazon Q Developer and Amazon Inspector.",
    source=REVIEWER,
)
def test_codeguru_reviewer_reviews_java_and_python(aws):
    description = " ".join(api_description(aws, "codeguru-reviewer").split())
    # HINT: the two languages CodeGuru Reviewer's API description names, as "X and Y".
    # BEGIN SOLUTION
    languages = "Java and Python"
    # END SOLUTION
    assert f"your {languages} code" in description


def agent_parameters(aws) -> set[str]:
    """The parameters ConfigureAgent can answer, from the installed botocore API model."""
    model = service_model("codeguruprofiler")
    return set(model.shape_for("AgentParameterField").enum)


@pytest.mark.claim(
    "cicd.codeguru-agent-max-stack-depth",
    quote="maxStackDepth",
    errata="The parameter is named MaxStackDepth, with a capital M, like the four others.",
    source=AGENT,
)
def test_the_agent_limits_the_stack_depth(aws):
    # HINT: the parameter's exact name in CodeGuru Profiler's API.
    # BEGIN SOLUTION
    name = "MaxStackDepth"
    # END SOLUTION
    assert name in agent_parameters(aws)


@pytest.mark.claim(
    "cicd.codeguru-agent-memory-limit", quote="MemoryUsageLimitPercent", source=AGENT
)
def test_the_agent_limits_its_memory(aws):
    assert "MemoryUsageLimitPercent" in agent_parameters(aws)


@pytest.mark.claim(
    "cicd.codeguru-agent-minimum-reporting-time",
    quote="MinimumTimeForReportingInMilliseconds",
    source=AGENT,
)
def test_the_agent_waits_before_its_first_report(aws):
    assert "MinimumTimeForReportingInMilliseconds" in agent_parameters(aws)


@pytest.mark.claim(
    "cicd.codeguru-agent-reporting-interval",
    quote="ReportingIntervalInMilliseconds",
    source=AGENT,
)
def test_the_agent_reports_at_an_interval(aws):
    assert "ReportingIntervalInMilliseconds" in agent_parameters(aws)


@pytest.mark.claim(
    "cicd.codeguru-agent-sampling-interval",
    quote="SamplingIntervalInMilliseconds",
    source=AGENT,
)
def test_the_agent_samples_at_an_interval(aws):
    assert agent_parameters(aws) == {
        "MaxStackDepth",
        "MemoryUsageLimitPercent",
        "MinimumTimeForReportingInMilliseconds",
        "ReportingIntervalInMilliseconds",
        "SamplingIntervalInMilliseconds",
    }


@pytest.mark.emulator_gap(
    "moto", reason="moto has no CodeArtifact; AWS stores a repository's permissions policy"
)
@pytest.mark.claim(
    "cicd.codeartifact-resource-policy",
    quote="resource policy",
    line=1971,
    source=REPOSITORY_POLICY,
)
def test_a_repository_policy_lets_another_account_read_packages(aws, unique_name):
    domain = unique_name("packages")
    aws.codeartifact.create_domain(domain=domain)
    aws.codeartifact.create_repository(domain=domain, repository="shared")
    arn = aws.codeartifact.describe_repository(domain=domain, repository="shared")["repository"][
        "arn"
    ]
    # HINT: a policy document letting account 111122223333 (its root) read packages
    # (codeartifact:ReadFromRepository) from the repository `arn`.
    # BEGIN SOLUTION
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                "Action": "codeartifact:ReadFromRepository",
                "Resource": arn,
            }
        ],
    }
    # END SOLUTION
    aws.codeartifact.put_repository_permissions_policy(
        domain=domain, repository="shared", policyDocument=json.dumps(policy)
    )
    stored = aws.codeartifact.get_repository_permissions_policy(domain=domain, repository="shared")
    statement = json.loads(stored["policy"]["document"])["Statement"][0]
    assert statement["Principal"] == {"AWS": "arn:aws:iam::111122223333:root"}
