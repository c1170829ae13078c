"""Choosing a backend: option, environment, refusals, and isolation between tests."""

from __future__ import annotations

import json
import re
import socket
import time

import pytest

from harness.lambda_runtime import zip_package

USES_BACKEND = """
def test_backend(aws_backend):
    print("backend:", aws_backend.name, aws_backend.endpoint_url)
"""


def test_moto_is_the_default_and_listens_on_loopback(lab: pytest.Pytester, monkeypatch):
    monkeypatch.delenv("AWSLAB_BACKEND", raising=False)
    lab.makepyfile(USES_BACKEND)
    result = lab.runpytest("-s", "-p", "no:randomly")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["awslab: backend moto*", "*backend: moto http://127.0.0.1:*"])


def test_an_unknown_backend_option_is_refused_with_the_choices(lab: pytest.Pytester):
    result = lab.runpytest("--backend", "motto")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        ["*unknown backend 'motto': choose from moto, localstack, dynamodb-local, aws*"]
    )


def test_the_backend_comes_from_the_environment_too(lab: pytest.Pytester, monkeypatch):
    monkeypatch.setenv("AWSLAB_BACKEND", "nimbus")
    result = lab.runpytest()
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: AWSLAB_BACKEND='nimbus' is not a backend: choose from*"])


def test_real_aws_is_refused_without_the_opt_in(lab: pytest.Pytester, monkeypatch):
    monkeypatch.delenv("AWSLAB_ALLOW_REAL_AWS", raising=False)
    lab.makepyfile(USES_BACKEND)
    result = lab.runpytest("--backend", "aws")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        ["ERROR: --backend aws talks to a real AWS account*set AWSLAB_ALLOW_REAL_AWS=1*"]
    )
    assert "Traceback" not in result.stderr.str() + result.stdout.str()


def free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_localstack_that_is_not_running_gets_one_clear_line_fast(
    lab: pytest.Pytester, monkeypatch
):
    monkeypatch.setenv("AWSLAB_LOCALSTACK_URL", f"http://127.0.0.1:{free_loopback_port()}")
    lab.makepyfile(USES_BACKEND)
    started = time.monotonic()
    result = lab.runpytest("--backend", "localstack")
    assert time.monotonic() - started < 5
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        ["ERROR: LocalStack is not answering at http://127.0.0.1:*awslab localstack up*"]
    )


def test_each_test_starts_with_an_empty_emulator(lab: pytest.Pytester):
    lab.makepyfile(
        """
        def test_first_creates_a_queue(aws, unique_name):
            aws.sqs.create_queue(QueueName=unique_name("left-behind"))
            assert len(aws.sqs.list_queues()["QueueUrls"]) == 1

        def test_second_sees_nothing(aws):
            assert "QueueUrls" not in aws.sqs.list_queues()
        """
    )
    lab.runpytest("-p", "no:randomly").assert_outcomes(passed=2)


def test_clients_come_by_attribute_and_are_reused(lab: pytest.Pytester):
    lab.makepyfile(
        """
        import pytest

        def test_clients(aws):
            assert aws.sqs is aws.sqs
            assert aws.lambda_.meta.service_model.service_name == "lambda"
            assert aws.cognito_idp.meta.service_model.endpoint_prefix == "cognito-idp"
            assert aws.sqs.meta.endpoint_url == aws.endpoint_url
            with pytest.raises(AttributeError, match="did you mean aws.sqs"):
                aws.sqss
        """
    )
    lab.runpytest("-p", "no:randomly").assert_outcomes(passed=1)


def test_unique_names_differ_between_tests_and_share_a_prefix_within_one(lab: pytest.Pytester):
    lab.makepyfile(
        """
        seen = []

        def test_one(unique_name):
            seen.append(unique_name("orders"))
            assert unique_name("orders").startswith(unique_name.prefix + "-")

        def test_two(unique_name):
            assert unique_name("orders") not in seen
        """
    )
    lab.runpytest("-p", "no:randomly").assert_outcomes(passed=2)


def test_with_the_opt_in_real_aws_is_chosen_and_left_unguarded(lab: pytest.Pytester, monkeypatch):
    monkeypatch.setenv("AWSLAB_ALLOW_REAL_AWS", "1")
    monkeypatch.setenv("AWS_PROFILE", "students-sandbox")
    lab.makepyfile(
        """
        import os

        def test_the_users_identity_is_kept():
            assert os.environ["AWS_PROFILE"] == "students-sandbox"
        """
    )
    result = lab.runpytest("--backend", "aws", "-p", "no:randomly")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["awslab: backend aws*"])


def test_the_sweep_deletes_only_the_tests_own_resources(aws, aws_backend, unique_name):
    """What runs after each test on LocalStack and AWS, tried here on moto."""
    from harness.backends import sweepers

    mine, other = unique_name("x"), "someone-elses"
    for name in (mine, other):
        aws.sqs.create_queue(QueueName=name)
        aws.s3.create_bucket(Bucket=name)
        aws.s3.put_object(Bucket=name, Key="k", Body=b"v")
        aws.sns.create_topic(Name=name)
        aws.dynamodb.create_table(
            TableName=name,
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        role = aws.iam.create_role(RoleName=name, AssumeRolePolicyDocument="{}")["Role"]
        aws.lambda_.create_function(
            FunctionName=name,
            Runtime="python3.12",
            Role=role["Arn"],
            Handler="app.handler",
            Code={"ZipFile": zip_package({"app.py": "def handler(event, context):\n    pass\n"})},
        )
        aws.client("cognito-idp").create_user_pool(PoolName=name)
        aws.stepfunctions.create_activity(name=name)
        aws.client("cognito-identity").create_identity_pool(
            IdentityPoolName=name.replace("-", "_"), AllowUnauthenticatedIdentities=False
        )
    statement = {"Effect": "Allow", "Action": "sqs:*", "Resource": "*"}
    policy = json.dumps({"Version": "2012-10-17", "Statement": [statement]})
    aws.iam.put_role_policy(RoleName=mine, PolicyName="inline", PolicyDocument=policy)
    aws.s3.put_bucket_versioning(Bucket=mine, VersioningConfiguration={"Status": "Enabled"})
    aws.s3.put_object(Bucket=mine, Key="k", Body=b"v2")

    # moto has no X-Ray sampling-rule API: that sweeper is tried with a stub below.
    problems = list(
        sweepers.sweep(
            aws.session,
            aws_backend.endpoint_url,
            unique_name.prefix,
            lambda service: service == "xray",
        )
    )

    assert problems == []
    assert [u.rsplit("/", 1)[-1] for u in aws.sqs.list_queues()["QueueUrls"]] == [other]
    assert [b["Name"] for b in aws.s3.list_buckets()["Buckets"]] == [other]
    assert [t["TopicArn"].rsplit(":", 1)[-1] for t in aws.sns.list_topics()["Topics"]] == [other]
    assert aws.dynamodb.list_tables()["TableNames"] == [other]
    assert [r["RoleName"] for r in aws.iam.list_roles()["Roles"]] == [other]
    assert [f["FunctionName"] for f in aws.lambda_.list_functions()["Functions"]] == [other]
    activities = aws.stepfunctions.list_activities()["activities"]
    assert [activity["name"] for activity in activities] == [other]
    pools = aws.client("cognito-idp").list_user_pools(MaxResults=60)["UserPools"]
    assert [pool["Name"] for pool in pools] == [other]
    pools = aws.client("cognito-identity").list_identity_pools(MaxResults=60)["IdentityPools"]
    assert [pool["IdentityPoolName"] for pool in pools] == [other.replace("-", "_")]


def test_the_xray_sweep_deletes_only_the_tests_own_rules_and_groups():
    """moto has no sampling-rule API and LocalStack's free edition no X-Ray: a stubbed client."""
    import boto3
    from botocore.stub import Stubber

    from harness.backends import sweepers

    client = boto3.client(
        "xray", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x"
    )

    def rule(name: str) -> dict:
        return {"SamplingRule": {
            "RuleName": name, "ResourceARN": "*", "Priority": 1, "FixedRate": 0.1,
            "ReservoirSize": 1, "ServiceName": "*", "ServiceType": "*", "Host": "*",
            "HTTPMethod": "*", "URLPath": "*", "Version": 1,
        }}  # fmt: skip

    with Stubber(client) as stub:
        stub.add_response(
            "get_sampling_rules", {"SamplingRuleRecords": [rule("lab1-checkout"), rule("Default")]}
        )
        stub.add_response("delete_sampling_rule", {}, {"RuleName": "lab1-checkout"})
        groups = [{"GroupName": name, "GroupARN": f"arn:{name}"} for name in ("lab1-g", "ops")]
        stub.add_response("get_groups", {"Groups": groups})
        stub.add_response("delete_group", {}, {"GroupARN": "arn:lab1-g"})
        sweepers.SWEEPERS["xray"](client, "lab1")
        stub.assert_no_pending_responses()


AMAZON_IMAGES = """
import os

def test_images(aws):
    images = aws.ec2.describe_images(Owners=["amazon"])["Images"]
    names = sorted(image["Name"] for image in images)
    print("images:", len(images), "catalogue:", os.environ["MOTO_AMIS_PATH"], names)
"""


def test_moto_serves_a_small_image_catalogue_with_amazon_linux(lab: pytest.Pytester, monkeypatch):
    monkeypatch.delenv("MOTO_AMIS_PATH", raising=False)
    lab.makepyfile(AMAZON_IMAGES)
    # A fresh interpreter: moto reads its catalogue once, as it imports its EC2 images.
    result = lab.runpytest_subprocess("-s", "-p", "no:randomly")
    result.assert_outcomes(passed=1)
    # moto's full set is some 1,300 images; the catalogue keeps its default and
    # latest Amazon images (74 with moto 5.2), Amazon Linux 2023 among them.
    result.stdout.re_match_lines([r".*images: \d\d catalogue: .*awslab-moto-.*'al2023-ami-2023\."])


def test_a_users_own_moto_image_catalogue_stands(lab: pytest.Pytester, monkeypatch, tmp_path):
    golden = {"ami_id": "ami-0123456789abcdef0", "name": "golden-image", "state": "available"}
    catalogue = tmp_path / "images.json"
    catalogue.write_text(json.dumps([golden]))
    monkeypatch.setenv("MOTO_AMIS_PATH", str(catalogue))
    lab.makepyfile(AMAZON_IMAGES)
    result = lab.runpytest_subprocess("-s", "-p", "no:randomly")
    result.assert_outcomes(passed=1)
    result.stdout.re_match_lines(
        [".*" + re.escape(f"images: 1 catalogue: {catalogue} ['golden-image']")]
    )


def test_the_sweep_lists_only_the_services_a_test_called(aws, aws_backend, unique_name):
    """A queue is left when the test called only S3; CloudFormation makes any service's."""
    from harness.backends import sweepers

    queue, bucket = unique_name("q"), unique_name("b")
    aws.sqs.create_queue(QueueName=queue)
    aws.s3.create_bucket(Bucket=bucket)
    clients: dict = {}

    def sweep(called):
        # moto has no X-Ray sampling-rule API (its sweeper is tried with a stub below).
        no_xray = lambda service: service == "xray"  # noqa: E731
        return list(
            sweepers.sweep(
                aws.session, aws_backend.endpoint_url, unique_name.prefix, no_xray, called,
                clients,
            )
        )  # fmt: skip

    assert sweep({"s3"}) == []
    assert aws.s3.list_buckets()["Buckets"] == []
    assert len(aws.sqs.list_queues()["QueueUrls"]) == 1, "SQS was not called: not listed"
    assert set(clients) == {"s3"}, "one client per service swept, kept for the next sweep"
    assert sweep({"cloudformation"}) == []
    assert "QueueUrls" not in aws.sqs.list_queues(), "a stack may have made it: swept"


def test_moto_is_quiet_only_with_no_request_served_and_no_thread_of_its_own(aws, aws_backend):
    """What ``eventually`` relies on to stop early on moto: moto's own background
    work (its threads) and any request it is serving keep it busy."""
    import threading

    from moto.stepfunctions.parser.asl.eval.count_down_latch import CountDownLatch

    aws.sqs.list_queues()  # moto is up, and answered
    assert aws_backend.quiet()
    latch = CountDownLatch(1)
    worker = threading.Thread(target=latch.wait, daemon=True)  # a method of moto's
    worker.start()
    try:
        assert not aws_backend.quiet(), "a thread running moto's code is work under way"
    finally:
        latch.count_down()
        worker.join()
    assert aws_backend.quiet()
