"""What Elastic Beanstalk builds and keeps: resources, versions, bundles, and what stays fixed.

An environment is a CloudFormation stack Beanstalk writes for you
(``awseb-<environment id>-stack``): a load-balanced one holds an Auto
Scaling group of instances behind a load balancer, a single-instance one an
instance and no load balancer. You deploy by uploading a source bundle (a
zip in S3) as a new application version, then pointing the environment at
it. A lifecycle policy phases out old versions by count or by age, and may
leave their bundles in S3. Some choices are made once: the type of the load
balancer cannot change after the environment is created. A database
Beanstalk creates for an environment goes with it when the environment is
terminated (deleted, or snapshotted first, or kept, as its deletion policy
says).

No emulator here runs more of Beanstalk than applications and environments,
so these labs are written from AWS's documentation and are "unproven here".

Notes, "elastic beanstalk".
"""

import pytest

from harness.testkit.iam import service_role

ENVIRONMENT_RESOURCES = "https://docs.aws.amazon.com/elasticbeanstalk/latest/api/API_EnvironmentResourceDescription.html"
ENVIRONMENT_TYPES = (
    "https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-features-managing-env-types.html"
)
APPLICATION_VERSIONS = (
    "https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/applications-versions.html"
)
DEPLOY = "https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-features.deploy-existing-version.html"
VERSION_LIFECYCLE = "https://docs.aws.amazon.com/elasticbeanstalk/latest/api/API_ApplicationVersionLifecycleConfig.html"
LIFECYCLE_SETTINGS = (
    "https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/applications-lifecycle.html"
)
CLOUDFORMATION = (
    "https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/concepts.concepts.architecture.html"
)
LOAD_BALANCER = (
    "https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-features.managing.elb.html"
)
DATABASE = "https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-features.managing.db.html"


def option(namespace: str, name: str, value: str) -> dict:
    """An option setting of a Beanstalk environment."""
    return {"Namespace": namespace, "OptionName": name, "Value": value}


NO_RESOURCES = (
    "moto has no DescribeEnvironmentResources (HTTP 500); AWS lists the Auto Scaling groups, "
    "instances, load balancers and launch templates of an environment"
)
NO_VERSIONS = (
    "moto implements no application versions (CreateApplicationVersion answers HTTP 500); AWS "
    "keeps an application's versions, one per label, and deploys them"
)
NO_LIFECYCLE = (
    "moto has no UpdateApplicationResourceLifecycle (HTTP 500) and no application versions; "
    "AWS stores the policy and applies it"
)


@pytest.mark.claim(
    "ecs.beanstalk-provisions-resources",
    quote="provision underlying resources: elb, asg, ec2, rds,...",
    source=ENVIRONMENT_RESOURCES,
)
@pytest.mark.emulator_gap("moto", reason=NO_RESOURCES)
def test_an_environment_provisions_its_resources(aws, environment, ready):
    # HINT: launch a "web" environment (environment(stem): load-balanced, the default); keep
    # HINT: its name as `web`.
    # BEGIN SOLUTION
    web = environment("web")
    # END SOLUTION
    ready(web)
    found = aws.elasticbeanstalk.describe_environment_resources(EnvironmentName=web)
    resources = found["EnvironmentResources"]
    kinds = {kind for kind, listed in resources.items() if isinstance(listed, list) and listed}
    assert {"AutoScalingGroups", "Instances", "LoadBalancers"} <= kinds


@pytest.mark.claim(
    "ecs.beanstalk-single-instance", quote="single instance", source=ENVIRONMENT_TYPES
)
@pytest.mark.emulator_gap("moto", reason=NO_RESOURCES)
def test_a_single_instance_environment_has_no_load_balancer(aws, environment, ready):
    # HINT: launch a "solo" environment of a single instance: the option EnvironmentType of the
    # HINT: namespace aws:elasticbeanstalk:environment (environment(stem, options=[option(...)])).
    # BEGIN SOLUTION
    solo = environment(
        "solo",
        options=[option("aws:elasticbeanstalk:environment", "EnvironmentType", "SingleInstance")],
    )
    # END SOLUTION
    ready(solo)
    found = aws.elasticbeanstalk.describe_environment_resources(EnvironmentName=solo)
    resources = found["EnvironmentResources"]
    assert resources["LoadBalancers"] == [], "no load balancer: one instance, with its own IP"
    assert len(resources["Instances"]) == 1


@pytest.mark.claim(
    "ecs.beanstalk-application-versions",
    quote="application versions",
    line=809,
    source=APPLICATION_VERSIONS,
)
@pytest.mark.emulator_gap("moto", reason=NO_VERSIONS)
def test_an_application_keeps_its_versions(aws, application, error_code):
    eb = aws.elasticbeanstalk
    # HINT: create versions "v1" and "v2" of `application` (no source bundle: Beanstalk's
    # HINT: sample application).
    # BEGIN SOLUTION
    for label in ("v1", "v2"):
        eb.create_application_version(ApplicationName=application, VersionLabel=label)
    # END SOLUTION
    versions = eb.describe_application_versions(ApplicationName=application)["ApplicationVersions"]
    assert sorted(version["VersionLabel"] for version in versions) == ["v1", "v2"]
    again = error_code(
        eb.create_application_version, ApplicationName=application, VersionLabel="v1"
    )
    assert again == "InvalidParameterValue", "a label names one version of the application"


@pytest.mark.claim(
    "ecs.beanstalk-upload-and-deploy",
    quote="use console or cli to upload zip and then deploy",
    source=DEPLOY,
)
@pytest.mark.emulator_gap("moto", reason=NO_VERSIONS)
def test_a_new_version_is_uploaded_then_deployed(
    aws, application, environment, ready, bundles, eventually
):
    eb = aws.elasticbeanstalk
    bucket = bundles("v1", "v2")
    bundle = {"S3Bucket": bucket, "S3Key": "v1.zip"}
    eb.create_application_version(
        ApplicationName=application, VersionLabel="v1", SourceBundle=bundle
    )
    prod = environment("prod", VersionLabel="v1")
    ready(prod)
    # HINT: make v2.zip (in `bucket`) the version "v2", then deploy it to prod.
    # BEGIN SOLUTION
    eb.create_application_version(
        ApplicationName=application,
        VersionLabel="v2",
        SourceBundle={"S3Bucket": bucket, "S3Key": "v2.zip"},
    )
    eb.update_environment(EnvironmentName=prod, VersionLabel="v2")
    # END SOLUTION

    def deployed() -> bool:
        [env] = eb.describe_environments(EnvironmentNames=[prod])["Environments"]
        return env["VersionLabel"] == "v2" and env["Status"] == "Ready"

    eventually(deployed, aws_takes=120)


@pytest.mark.claim(
    "ecs.beanstalk-lifecycle-by-age", quote="based on time", source=VERSION_LIFECYCLE
)
@pytest.mark.emulator_gap("moto", reason=NO_LIFECYCLE)
def test_a_lifecycle_policy_can_phase_out_versions_by_age(aws, application, unique_name):
    eb = aws.elasticbeanstalk
    role_arn = service_role(aws.iam, unique_name("eb-service"), "elasticbeanstalk.amazonaws.com")
    # HINT: give `application` a lifecycle policy (role_arn as its ServiceRole) deleting the
    # HINT: versions older than 180 days, with their source bundles (a MaxAgeRule).
    # BEGIN SOLUTION
    eb.update_application_resource_lifecycle(
        ApplicationName=application,
        ResourceLifecycleConfig={
            "ServiceRole": role_arn,
            "VersionLifecycleConfig": {
                "MaxAgeRule": {"Enabled": True, "MaxAgeInDays": 180, "DeleteSourceFromS3": True}
            },
        },
    )
    # END SOLUTION
    [found] = eb.describe_applications(ApplicationNames=[application])["Applications"]
    rules = found["ResourceLifecycleConfig"]["VersionLifecycleConfig"]
    assert rules["MaxAgeRule"] == {"Enabled": True, "MaxAgeInDays": 180, "DeleteSourceFromS3": True}


@pytest.mark.claim(
    "ecs.beanstalk-lifecycle-keeps-bundles",
    quote="Option not to delete the source bundle in S3 to prevent data loss",
    source=LIFECYCLE_SETTINGS,
)
@pytest.mark.emulator_gap("moto", reason=NO_LIFECYCLE)
def test_a_phased_out_version_can_leave_its_bundle_in_s3(
    aws, application, bundles, unique_name, eventually
):
    eb = aws.elasticbeanstalk
    bucket = bundles("v1", "v2")
    role_arn = service_role(aws.iam, unique_name("eb-service"), "elasticbeanstalk.amazonaws.com")
    # HINT: a lifecycle policy (role_arn) keeping 1 version at most, that leaves the source
    # HINT: bundles of the versions it deletes in S3.
    # BEGIN SOLUTION
    eb.update_application_resource_lifecycle(
        ApplicationName=application,
        ResourceLifecycleConfig={
            "ServiceRole": role_arn,
            "VersionLifecycleConfig": {
                "MaxCountRule": {"Enabled": True, "MaxCount": 1, "DeleteSourceFromS3": False}
            },
        },
    )
    # END SOLUTION
    for label in ("v1", "v2"):  # the policy runs as each one is created
        eb.create_application_version(
            ApplicationName=application,
            VersionLabel=label,
            SourceBundle={"S3Bucket": bucket, "S3Key": f"{label}.zip"},
        )

    def v1_phased_out() -> bool:
        found = eb.describe_application_versions(ApplicationName=application)
        return [version["VersionLabel"] for version in found["ApplicationVersions"]] == ["v2"]

    eventually(v1_phased_out, aws_takes=120)
    assert aws.s3.head_object(Bucket=bucket, Key="v1.zip"), "its bundle is still in S3"


@pytest.mark.claim(
    "ecs.beanstalk-cloudformation", quote="using cloudformation", source=CLOUDFORMATION
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto gives an environment an empty id and no CloudFormation stack; AWS builds each as "
    "the stack awseb-<environment id>-stack",
)
def test_an_environment_is_a_cloudformation_stack(aws, environment, ready):
    web = environment("web")
    ready(web)
    [env] = aws.elasticbeanstalk.describe_environments(EnvironmentNames=[web])["Environments"]
    assert env["EnvironmentId"].startswith("e-"), "every environment has an id: e-..."
    # HINT: the name of the stack Beanstalk made: "awseb-" + the environment's id + "-stack".
    # BEGIN SOLUTION
    stack_name = f"awseb-{env['EnvironmentId']}-stack"
    # END SOLUTION
    [stack] = aws.cloudformation.describe_stacks(StackName=stack_name)["Stacks"]
    assert stack["StackStatus"] in ("CREATE_COMPLETE", "UPDATE_COMPLETE")


@pytest.mark.claim(
    "ecs.beanstalk-load-balancer-type-fixed",
    quote="the load balancer type cannot be changed(clb, nlb,alb)",
    source=LOAD_BALANCER,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto has no UpdateEnvironment (HTTP 500); AWS refuses to change an environment's "
    "load balancer type (ConfigurationValidationException)",
)
def test_the_load_balancer_type_is_chosen_once(aws, environment, ready, error_code):
    load_balancer = ("aws:elasticbeanstalk:environment", "LoadBalancerType")
    web = environment("web", options=[option(*load_balancer, "application")])
    ready(web)
    # HINT: what does UpdateEnvironment answer a switch of web to a network load balancer?
    # HINT: (the error code, or None if it updates the environment)
    # BEGIN SOLUTION
    expected = "ConfigurationValidationException"
    # END SOLUTION
    answer = error_code(
        aws.elasticbeanstalk.update_environment,
        EnvironmentName=web,
        OptionSettings=[option(*load_balancer, "network")],
    )
    assert answer == expected


@pytest.mark.claim(
    "ecs.beanstalk-coupled-database",
    quote="database lifecycle is tied to the EB environment lifecycle",
    source=DATABASE,
)
@pytest.mark.emulator_gap(
    "moto", reason="moto has no DescribeConfigurationOptions (HTTP 500); AWS lists every option"
)
def test_an_environments_database_goes_with_it(aws, solution_stack):
    [policy] = aws.elasticbeanstalk.describe_configuration_options(
        SolutionStackName=solution_stack,
        Options=[{"Namespace": "aws:rds:dbinstance", "OptionName": "DBDeletionPolicy"}],
    )["Options"]
    # HINT: what can happen to an environment's database when the environment is terminated?
    # HINT: (the values of its DBDeletionPolicy option: a set)
    # BEGIN SOLUTION
    expected = {"Delete", "Snapshot", "Retain"}
    # END SOLUTION
    assert set(policy["ValueOptions"]) == expected
