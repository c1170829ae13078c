"""Shipping a web shop with Elastic Beanstalk: an application, its versions, its environments.

An Elastic Beanstalk **application** is a folder: it holds **application
versions** (each one a source bundle: the zip of your code) and
**environments**. An environment runs one version on a platform (a
"solution stack", e.g. Python on Amazon Linux 2023), in one of two tiers: a
web server (behind a URL, its CNAME) or a worker (fed by an SQS queue).
Underneath, Beanstalk provisions EC2 instances, which need an instance
profile, with CloudFormation. A lifecycle policy deletes old versions by
count or age (there is no rule by space) before the account's quota (1000
versions) is reached, and never deletes the version an environment runs.
An update is deployed with a deployment policy (all at once, rolling,
rolling with an additional batch, immutable, traffic splitting); blue/green
is not one of them: it is two environments whose CNAMEs you swap.

No emulator here launches instances, so the labs check what the Beanstalk
API records and what it refuses.

Notes, "elastic beanstalk".
"""

import pytest

from harness.testkit.iam import service_role

EB_CONCEPTS = "https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/concepts.html"
CREATE_APPLICATION_VERSION = (
    "https://docs.aws.amazon.com/elasticbeanstalk/latest/api/API_CreateApplicationVersion.html"
)
ENVIRONMENT_TIER = (
    "https://docs.aws.amazon.com/elasticbeanstalk/latest/api/API_EnvironmentTier.html"
)
ACCOUNT_ATTRIBUTES = (
    "https://docs.aws.amazon.com/elasticbeanstalk/latest/api/API_DescribeAccountAttributes.html"
)
VERSION_LIFECYCLE = "https://docs.aws.amazon.com/elasticbeanstalk/latest/api/API_ApplicationResourceLifecycleConfig.html"
LIFECYCLE_SETTINGS = (
    "https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/applications-lifecycle.html"
)
DEPLOYMENT_POLICIES = "https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-features.rolling-version-deploy.html"
CNAME_SWAP = "https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-features.CNAMESwap.html"

NO_APPLICATION_VERSIONS = (
    "moto implements no application versions (CreateApplicationVersion answers HTTP 500)"
    " and labels every environment's version '1'"
)


@pytest.mark.claim(
    "ecs.beanstalk-application-environments", quote="applications", line=808, source=EB_CONCEPTS
)
def test_an_application_holds_its_environments(
    aws, application, environment, solution_stack, error_code
):
    eb = aws.elasticbeanstalk
    # HINT: launch two environments of `application`, "staging" and "prod"
    # (environment(stem) launches one and returns its name); keep their names in a set.
    # BEGIN SOLUTION
    names = {environment("staging"), environment("prod")}
    # END SOLUTION
    found = eb.describe_environments(ApplicationName=application)["Environments"]
    assert {env["EnvironmentName"] for env in found} == names
    assert {env["ApplicationName"] for env in found} == {application}
    orphan = error_code(
        eb.create_environment,
        ApplicationName=application + "-gone",
        EnvironmentName=application + "-orphan",
        SolutionStackName=solution_stack,
    )
    assert orphan == "InvalidParameterValue", "an environment needs an application to live in"


@pytest.mark.claim(
    "ecs.beanstalk-environment-runs-a-version",
    quote="environments: each application version",
    source=CREATE_APPLICATION_VERSION,
)
@pytest.mark.emulator_gap("moto", reason=NO_APPLICATION_VERSIONS)
def test_an_environment_runs_one_application_version(aws, application, environment):
    eb = aws.elasticbeanstalk
    for label in ("v1", "v2"):  # no source bundle: Beanstalk's sample application
        eb.create_application_version(ApplicationName=application, VersionLabel=label)
    # HINT: launch a "prod" environment that runs version v1 (environment(stem, VersionLabel=...)).
    # BEGIN SOLUTION
    prod = environment("prod", VersionLabel="v1")
    # END SOLUTION
    versions = eb.describe_application_versions(ApplicationName=application)["ApplicationVersions"]
    assert sorted(version["VersionLabel"] for version in versions) == ["v1", "v2"]
    [env] = eb.describe_environments(EnvironmentNames=[prod])["Environments"]
    assert env["VersionLabel"] == "v1"


@pytest.mark.claim(
    "ecs.beanstalk-tiers", quote="web server tier & worker tier", source=ENVIRONMENT_TIER
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto makes every environment a web server one (WebServer/Standard), whatever Tier"
    " says; AWS launches a worker environment for Tier Worker/SQS/HTTP",
)
def test_web_server_and_worker_tiers(aws, environment):
    web = environment("web")
    # HINT: launch a worker environment "jobs" (Tier={"Name": ..., "Type": ...}; a worker
    # reads its jobs from an SQS queue over HTTP).
    # BEGIN SOLUTION
    worker = environment("jobs", Tier={"Name": "Worker", "Type": "SQS/HTTP"})
    # END SOLUTION
    found = aws.elasticbeanstalk.describe_environments(EnvironmentNames=[web, worker])
    tiers = {env["EnvironmentName"]: env["Tier"] for env in found["Environments"]}
    assert (tiers[web]["Name"], tiers[web]["Type"]) == ("WebServer", "Standard"), "the default"
    assert (tiers[worker]["Name"], tiers[worker]["Type"]) == ("Worker", "SQS/HTTP")


@pytest.mark.claim(
    "ecs.beanstalk-version-quota",
    quote="EB can store up to 1000 app versions",
    source=ACCOUNT_ATTRIBUTES,
)
@pytest.mark.emulator_gap(
    "moto", reason="moto has no DescribeAccountAttributes (HTTP 500); AWS lists the quotas"
)
def test_an_account_keeps_up_to_1000_application_versions(aws):
    quotas = aws.elasticbeanstalk.describe_account_attributes()["ResourceQuotas"]
    # HINT: how many application versions can an account keep in a Region (the default quota)?
    # BEGIN SOLUTION
    expected = 1000
    # END SOLUTION
    assert quotas["ApplicationVersionQuota"]["Maximum"] == expected


@pytest.mark.claim(
    "ecs.beanstalk-lifecycle-policy",
    quote="to phase out old app versions, use lifecycle policy",
    source=VERSION_LIFECYCLE,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto has no UpdateApplicationResourceLifecycle (HTTP 500) and keeps no lifecycle"
    " settings; AWS stores them on the application",
)
def test_a_lifecycle_policy_phases_out_old_versions(aws, application, unique_name):
    eb = aws.elasticbeanstalk
    role_arn = service_role(aws.iam, unique_name("eb-service"), "elasticbeanstalk.amazonaws.com")
    # HINT: give `application` a lifecycle policy (update_application_resource_lifecycle,
    # with role_arn as its ServiceRole) that keeps at most 200 versions and leaves the
    # source bundles of deleted versions in S3 (a MaxCountRule).
    # BEGIN SOLUTION
    eb.update_application_resource_lifecycle(
        ApplicationName=application,
        ResourceLifecycleConfig={
            "ServiceRole": role_arn,
            "VersionLifecycleConfig": {
                "MaxCountRule": {"Enabled": True, "MaxCount": 200, "DeleteSourceFromS3": False}
            },
        },
    )
    # END SOLUTION
    [found] = eb.describe_applications(ApplicationNames=[application])["Applications"]
    rules = found["ResourceLifecycleConfig"]["VersionLifecycleConfig"]
    assert rules["MaxCountRule"] == {"Enabled": True, "MaxCount": 200, "DeleteSourceFromS3": False}


@pytest.mark.claim(
    "ecs.beanstalk-lifecycle-no-space-rule",
    quote="based on space",
    errata="No rule measures space: a lifecycle policy limits versions by their count "
    "(MaxCountRule) or their age (MaxAgeRule), so 'space' can only mean the number of versions.",
    source=VERSION_LIFECYCLE,
)
def test_a_lifecycle_policy_counts_versions_or_their_age(aws):
    rules = aws.elasticbeanstalk.meta.service_model.shape_for("ApplicationVersionLifecycleConfig")
    # HINT: which rules can a version lifecycle policy hold, by the Beanstalk API's own model?
    # HINT: (a set of the rule names: a maximum count is "MaxCountRule")
    # BEGIN SOLUTION
    expected = {"MaxCountRule", "MaxAgeRule"}
    # END SOLUTION
    assert set(rules.members) == expected
    assert not [rule for rule in rules.members if "size" in rule.lower() or "space" in rule.lower()]


@pytest.mark.claim(
    "ecs.beanstalk-in-use-version",
    quote="the in-use version cannot be deleted",
    source=LIFECYCLE_SETTINGS,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto has no UpdateApplicationResourceLifecycle and no application versions (both "
    "answer HTTP 500); AWS applies the lifecycle policy as each version is created, and keeps "
    "the version an environment runs",
)
def test_the_lifecycle_policy_keeps_the_version_an_environment_runs(
    aws, application, environment, unique_name, eventually
):
    eb = aws.elasticbeanstalk
    role_arn = service_role(aws.iam, unique_name("eb-service"), "elasticbeanstalk.amazonaws.com")
    eb.update_application_resource_lifecycle(
        ApplicationName=application,
        ResourceLifecycleConfig={
            "ServiceRole": role_arn,
            "VersionLifecycleConfig": {
                "MaxCountRule": {"Enabled": True, "MaxCount": 1, "DeleteSourceFromS3": False}
            },
        },
    )
    eb.create_application_version(ApplicationName=application, VersionLabel="v1")
    environment("prod", VersionLabel="v1")
    for label in ("v2", "v3", "v4"):  # the policy runs as each one is created
        eb.create_application_version(ApplicationName=application, VersionLabel=label)
    # HINT: the policy keeps one version. Predict which of v1 (run by prod) and v2 (run by
    # HINT: nobody) are still there once v4 exists: {label: True or False}.
    # BEGIN SOLUTION
    expected = {"v1": True, "v2": False}
    # END SOLUTION

    def still_there() -> dict[str, bool] | None:
        found = eb.describe_application_versions(ApplicationName=application)
        labels = {version["VersionLabel"] for version in found["ApplicationVersions"]}
        kept = {label: label in labels for label in ("v1", "v2")}
        return kept if kept == expected else None

    eventually(still_there, timeout=min(4 * eventually.timeout, 120.0))


@pytest.mark.claim(
    "ecs.beanstalk-deployment-policies",
    beyond_notes="Beanstalk's DeploymentPolicy option takes AllAtOnce, Rolling, "
    "RollingWithAdditionalBatch, Immutable and TrafficSplitting: no blue/green.",
    source=DEPLOYMENT_POLICIES,
)
@pytest.mark.emulator_gap(
    "moto", reason="moto has no DescribeConfigurationOptions (HTTP 500); AWS lists every option"
)
def test_the_deployment_policies_an_environment_can_use(aws, solution_stack):
    [policy] = aws.elasticbeanstalk.describe_configuration_options(
        SolutionStackName=solution_stack,
        Options=[{"Namespace": "aws:elasticbeanstalk:command", "OptionName": "DeploymentPolicy"}],
    )["Options"]
    # HINT: which values does the DeploymentPolicy option take? (a set of the API's names:
    # all at once is "AllAtOnce")
    # BEGIN SOLUTION
    expected = {
        "AllAtOnce",
        "Rolling",
        "RollingWithAdditionalBatch",
        "Immutable",
        "TrafficSplitting",
    }
    # END SOLUTION
    assert set(policy["ValueOptions"]) == expected


@pytest.mark.claim(
    "ecs.beanstalk-blue-green-cname-swap",
    quote="blue/green: (not a direct feature",
    source=CNAME_SWAP,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto gives an environment no CNAME and has no SwapEnvironmentCNAMEs (HTTP 500);"
    " AWS names each environment <CNAMEPrefix>.<region>.elasticbeanstalk.com and swaps them",
)
def test_blue_green_is_a_swap_of_two_environments_cnames(aws, environment, unique_name, eventually):
    eb = aws.elasticbeanstalk
    blue = environment("blue", CNAMEPrefix=unique_name("blue"))
    green = environment("green", CNAMEPrefix=unique_name("green"))  # the new version, tested
    eb.get_waiter("environment_exists").wait(EnvironmentNames=[blue, green])  # both Ready

    def cnames() -> dict[str, str]:
        found = eb.describe_environments(EnvironmentNames=[blue, green])["Environments"]
        return {env["EnvironmentName"]: env.get("CNAME", "") for env in found}

    before = cnames()
    assert before[blue].startswith(unique_name("blue") + ".")
    assert before[blue].endswith(".elasticbeanstalk.com")
    # HINT: send blue's users to green: swap the two environments' CNAMEs.
    # BEGIN SOLUTION
    eb.swap_environment_cnames(SourceEnvironmentName=blue, DestinationEnvironmentName=green)
    # END SOLUTION
    eventually(lambda: cnames() == {blue: before[green], green: before[blue]})
