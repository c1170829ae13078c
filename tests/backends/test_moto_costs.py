"""Work moto would do again though its answer never changes, done once: each saving
still gives what moto gave."""

from __future__ import annotations

import importlib
import json
import sys

import pytest
from joserfc import jwk, jwt
from moto.cognitoidp import models
from moto.utilities.utils import load_resource

from harness.backends import moto_costs

KEY_FILE = "cognitoidp/resources/jwks-private.json"


def test_every_user_pool_gets_the_one_key_imported_once():
    moto_costs.install()
    moto_costs.install()  # idempotent: still one stand-in, one cache
    # What each new user pool does (CognitoIdpUserPool.__init__), without making pools:
    # moto's reset would meet them, made outside any backend, in a later test.
    first = models.jwk.RSAKey.import_key(load_resource(KEY_FILE))
    second = models.jwk.RSAKey.import_key(load_resource(KEY_FILE))
    assert first is second
    fresh = jwk.RSAKey.import_key(load_resource(KEY_FILE))
    assert_the_same_key(first, fresh)


def assert_the_same_key(key, expected) -> None:
    """The same key as far as anyone sees it: its public JWK, its numbers, its tokens."""
    assert key.as_dict(private=False) == expected.as_dict(private=False)
    assert key.private_key.private_numbers() == expected.private_key.private_numbers()
    header = {"alg": "RS256", "kid": expected.kid}
    assert jwt.encode(header, {"sub": "alice"}, key) == jwt.encode(
        header, {"sub": "alice"}, expected
    )


def test_the_cognito_keys_prime_factors_are_kept_for_the_next_run(monkeypatch, tmp_path):
    """joserfc recovers them from the private exponent (a random search, 0.2-0.6 s);
    a run imports the key with the factors an earlier run kept."""
    import moto
    from joserfc._rfc7518 import rsa_key  # where joserfc searches for them

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    value = load_resource(KEY_FILE)
    expected = jwk.RSAKey.import_key(value)
    saved = tmp_path / "awslab" / "moto" / moto.__version__ / "cognito-key-factors.json"
    assert_the_same_key(moto_costs._import_with_kept_factors(jwk.RSAKey, value), expected)
    kept = json.loads(saved.read_text())
    assert sorted(kept) == ["dp", "dq", "p", "q", "qi"]

    def no_search(*_):
        raise AssertionError("the factors were searched for again")

    with monkeypatch.context() as searching:
        searching.setattr(rsa_key, "rsa_recover_prime_factors", no_search)
        assert_the_same_key(moto_costs._import_with_kept_factors(jwk.RSAKey, value), expected)
    # Factors that are not this key's are not used, and the right ones are kept instead.
    saved.write_text(json.dumps(dict(kept, p=kept["q"])))
    assert_the_same_key(moto_costs._import_with_kept_factors(jwk.RSAKey, value), expected)
    assert json.loads(saved.read_text()) == kept
    # A graded submission's run reads nothing kept, and writes nothing.
    saved.write_text("planted")
    monkeypatch.setenv(moto_costs.NO_KEPT_DATA_VARIABLE, "1")
    assert_the_same_key(moto_costs._import_with_kept_factors(jwk.RSAKey, value), expected)
    assert saved.read_text() == "planted"


def test_the_stand_in_leaves_every_other_name_to_joserfc():
    moto_costs.install()
    assert models.jwk.OctKey is jwk.OctKey
    assert models.jwk.RSAKey.generate_key == jwk.RSAKey.generate_key


def test_a_kms_key_pair_is_made_at_its_first_use_and_kept():
    from moto.kms.models import Key

    moto_costs.install()
    key = Key(None, "SIGN_VERIFY", "RSA_2048", "", "123456789012", "us-east-1")
    assert key.private_key._key is None  # nothing made yet
    public = key.private_key.public_key()
    assert key.private_key._key is not None
    assert key.private_key.public_key() == public  # the same pair from then on
    assert key.private_key.key_size == 2048


def test_every_sns_delivery_is_signed_with_one_2048_bit_key():
    from moto.sns.models import Subscription

    moto_costs.install()
    moto_costs.install()
    # moto's method never reads the subscription: no need to build one.
    first, second = Subscription.private_key(object()), Subscription.private_key(object())
    assert first is second
    assert first.key_size == 2048


def test_a_state_machine_definition_is_parsed_once_and_each_execution_gets_its_own_program():
    from moto.stepfunctions.parser.asl.parse.asl_parser import (
        AmazonStateLanguageParser,
        ASLParserException,
    )

    moto_costs.install()
    definition = '{"StartAt": "Done", "States": {"Done": {"Type": "Pass", "End": true}}}'
    first_program, first_tree = AmazonStateLanguageParser.parse(definition)
    second_program, second_tree = AmazonStateLanguageParser.parse(definition)
    assert second_tree is first_tree
    assert second_program is not first_program  # no state shared between executions
    assert type(second_program) is type(first_program)
    for _ in range(2):  # a definition that fails is refused each time, as by moto
        with pytest.raises(ASLParserException):
            AmazonStateLanguageParser.parse('{"StartAt": ')


def test_each_member_of_an_answer_is_looked_for_under_the_names_moto_would_try(
    aws_backend, monkeypatch
):
    """Worked out once per class, member and shape, the names are those moto works out
    each time: checked on every member of answers with each kind of alias (a class's
    prefix left out: RDS; a class's own aliases: CloudFormation; plain dicts: DynamoDB),
    two objects of each class, so that the second is served from what was kept."""
    import boto3
    from moto.core import serialize

    moto_costs.install()
    once = serialize.XFormedAttributePicker.get_possible_keys
    checked: set[str] = set()

    def checking(picker, context):
        names = once(picker, context)
        assert names == tuple(once.__wrapped__(picker, context)), context.key
        checked.add(context.key)
        return names

    checking.awslab_replaced = True  # a moto started meanwhile leaves it in place
    monkeypatch.setattr(serialize.XFormedAttributePicker, "get_possible_keys", checking)

    def client(service: str):
        return boto3.client(
            service,
            region_name="us-east-1",
            endpoint_url=aws_backend.endpoint_url,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )

    rds, cloudformation, dynamodb = client("rds"), client("cloudformation"), client("dynamodb")
    template = {"Parameters": {"Size": {"Type": "String"}}, "Resources": {}}
    template["Resources"]["Queue"] = {"Type": "AWS::SQS::Queue"}
    for name in ("first", "second"):
        rds.create_db_instance(
            DBInstanceIdentifier=name,
            DBInstanceClass="db.t3.micro",
            Engine="postgres",
            MasterUsername="admin",
            MasterUserPassword="awslab-not-a-secret-1",
        )
        cloudformation.create_stack(
            StackName=name,
            TemplateBody=json.dumps(template),
            Parameters=[{"ParameterKey": "Size", "ParameterValue": name}],
        )
        dynamodb.create_table(
            TableName=name,
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        dynamodb.put_item(TableName=name, Item={"id": {"S": name}})
    instances = rds.describe_db_instances()["DBInstances"]
    assert sorted(i["DBInstanceIdentifier"] for i in instances) == ["first", "second"]
    stacks = cloudformation.describe_stacks()["Stacks"]
    assert sorted(s["Parameters"][0]["ParameterValue"] for s in stacks) == ["first", "second"]
    assert dynamodb.get_item(TableName="second", Key={"id": {"S": "second"}})["Item"]
    assert {"DBInstanceIdentifier", "Parameters", "Item"} <= checked


def test_moto_lists_its_modules_once_and_as_before():
    import os

    import moto
    from moto import backends

    moto_costs.install()
    folder = os.path.dirname(moto.__file__)
    listed = sorted(
        name
        for name in os.listdir(folder)
        if os.path.isdir(os.path.join(folder, name)) and not name.startswith("__")
    )
    assert list(backends.list_of_moto_modules()) == listed
    assert backends.list_of_moto_modules() is backends.list_of_moto_modules()


def test_a_botocore_data_file_is_parsed_once_for_every_loader():
    from botocore.loaders import create_loader

    moto_costs.install()
    first = create_loader().load_service_model("sqs", "service-2")
    second = create_loader().load_service_model("sqs", "service-2")
    assert first is second
    assert first["metadata"]["endpointPrefix"] == "sqs"


def test_a_patch_waits_for_its_module_to_be_imported(tmp_path, monkeypatch):
    (tmp_path / "awslab_probe_service.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(tmp_path)
    # As after a pytester run, which gives sys.meta_path back without the finder that
    # wrapt put there once (and never again) when this process first asked for a hook.
    moto_costs.when_imported("awslab_probe_never_imported", lambda: None)
    monkeypatch.setattr(sys, "meta_path", [f for f in sys.meta_path if "wrapt" not in repr(f)])
    patched: list[int] = []

    def patch():
        patched.append(sys.modules["awslab_probe_service"].VALUE)

    moto_costs.when_imported("awslab_probe_service", patch)
    monkeypatch.setattr(sys, "meta_path", [f for f in sys.meta_path if "wrapt" not in repr(f)])
    moto_costs.when_imported("awslab_probe_service", patch)  # hooked once, found again
    assert patched == []  # not imported for the patch's sake
    importlib.import_module("awslab_probe_service")
    assert patched == [1]
    monkeypatch.delitem(sys.modules, "awslab_probe_service")  # as pytester gives it back
    importlib.import_module("awslab_probe_service")
    moto_costs.when_imported("awslab_probe_service", patch)  # imported: patched at once
    assert patched == [1, 1]


def test_a_response_classs_methods_are_looked_up_once_and_as_before():
    from moto.core import responses, utils
    from moto.sqs.responses import SQSResponse

    moto_costs.install()
    found = responses.method_names_from_class(SQSResponse)
    assert found is responses.method_names_from_class(SQSResponse)
    assert found == set(utils.method_names_from_class(SQSResponse))  # moto's own answer
    assert "send_message" in found


def test_botocore_lists_its_services_once_per_search_path_and_as_before():
    from botocore.loaders import Loader, create_loader

    moto_costs.install()
    listed = create_loader().list_available_services("service-2")
    assert listed == Loader.list_available_services.__wrapped__(create_loader(), "service-2")
    assert "sqs" in listed
    listed.append("changed by its caller")  # each caller gets a list of its own
    assert "changed by its caller" not in create_loader().list_available_services("service-2")


def test_only_an_xml_answer_is_scanned_for_its_request_id():
    from moto.core.responses import BaseResponse

    moto_costs.install()
    json_headers, json_body = BaseResponse._enrich_response({"status": 200}, '{"Items": []}')
    xml_headers, xml_body = BaseResponse._enrich_response(
        {"status": 200}, "<R><RequestId>old</RequestId></R>"
    )
    assert json_body == '{"Items": []}'
    request_id = xml_headers["x-amzn-requestid"]
    assert xml_body == f"<R><RequestId>{request_id}</RequestId></R>"
    assert json_headers["status"] == "200" and json_headers["x-amzn-requestid"]


def test_a_reset_drops_every_backend_without_building_it_again(monkeypatch):
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.core.base_backend import BackendDict
    from moto.sqs.models import SQSBackend, sqs_backends

    moto_costs.install()
    before = sqs_backends[DEFAULT_ACCOUNT_ID]["us-east-1"]
    before.create_queue("kept-until-the-reset")
    built: list[SQSBackend] = []
    build = SQSBackend.__init__

    def counted(backend: SQSBackend, region_name: str, account_id: str) -> None:
        built.append(backend)
        build(backend, region_name, account_id)

    monkeypatch.setattr(SQSBackend, "__init__", counted)
    BackendDict.reset()
    assert built == [], "moto's own reset builds every backend again, then drops it"
    after = sqs_backends[DEFAULT_ACCOUNT_ID]["us-east-1"]
    assert built == [after], "built at its next use"
    assert after is not before and after.queues == {}


def test_ec2_ids_are_drawn_at_once_as_hex_digits_of_their_size():
    from moto.ec2 import utils
    from moto.moto_api._internal import mock_random

    moto_costs.install()
    assert getattr(utils.random_resource_id, "awslab_replaced", False)
    ids = {utils.random_id("vol", size=17) for _ in range(200)}
    assert len(ids) == 200 and all(i.startswith("vol-") and len(i) == 21 for i in ids)
    digits = "".join(i[4:] for i in ids)
    assert set(digits) == set("0123456789abcdef"), "every digit drawn, no other character"
    assert utils.random_resource_id() != utils.random_resource_id()
    mock_random.seed(7)
    first = utils.random_resource_id(12)
    mock_random.seed(7)
    assert utils.random_resource_id(12) == first, "moto's seed still decides them"


def test_the_vpc_endpoint_services_moto_lists_are_kept_for_the_next_run(
    aws_backend, monkeypatch, tmp_path
):
    """moto computes them by importing most of itself (some 0.45 s); a run reads them
    from the user's cache when an earlier run left them there."""
    import boto3
    import moto
    from moto.ec2.models import vpcs

    moto_costs.install()  # as each moto start does, on the module imported now
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    region = "eu-south-2"
    ec2 = boto3.client("ec2", region_name=region, endpoint_url=aws_backend.endpoint_url)
    saved = tmp_path / "awslab" / "moto" / moto.__version__ / f"vpc-endpoint-services-{region}.json"
    try:
        vpcs.DEFAULT_VPC_ENDPOINT_SERVICES.pop(region, None)
        computed = ec2.describe_vpc_endpoint_services()["ServiceNames"]
        kept = json.loads(saved.read_text())
        assert computed and sorted(service["ServiceName"] for service in kept) == computed
        # A later run (this process's own list forgotten) reads the file, not moto.
        vpcs.DEFAULT_VPC_ENDPOINT_SERVICES.pop(region)
        saved.write_text(json.dumps(kept[:2]))
        assert len(ec2.describe_vpc_endpoint_services()["ServiceNames"]) == 2
        # A graded submission's run reads nothing kept: its home is the student's.
        vpcs.DEFAULT_VPC_ENDPOINT_SERVICES.pop(region)
        monkeypatch.setenv(moto_costs.NO_KEPT_DATA_VARIABLE, "1")
        assert ec2.describe_vpc_endpoint_services()["ServiceNames"] == computed
        assert json.loads(saved.read_text()) == kept[:2]  # nor written
    finally:
        vpcs.DEFAULT_VPC_ENDPOINT_SERVICES.pop(region, None)  # moto computes it again


def test_a_url_is_built_as_before_though_its_builder_is_compiled_at_first_use():
    from werkzeug.routing import Map, Rule

    moto_costs.install()
    urls = Map([Rule("/functions/<name>/invocations/<int:attempt>", endpoint="invoke")])
    adapter = urls.bind("lambda.local")
    assert adapter.build("invoke", {"name": "f", "attempt": 2}) == "/functions/f/invocations/2"
    assert adapter.build("invoke", {"name": "f", "attempt": 3, "qualifier": "v1"}) == (
        "/functions/f/invocations/3?qualifier=v1"
    )
    assert adapter.build("invoke", {"name": "g", "attempt": 4}) == "/functions/g/invocations/4"


#: Run in a fresh interpreter: moto's EC2 must not be imported before the patch is in.
OFFERINGS_PROBE = """
import json
from harness.backends import moto_costs
import moto.core
from moto.utilities import utils
files_read = []
read_bytes = utils.load_resource_as_bytes
utils.load_resource_as_bytes = lambda path: files_read.append(path) or read_bytes(path)
moto_costs.install()
from moto.ec2.models import spot_requests
from moto.ec2.models.instance_types import INSTANCE_TYPE_OFFERINGS as offerings
read_at_import = [path for path in files_read if "offerings" in path]
assert spot_requests.INSTANCE_TYPE_OFFERINGS is offerings
zones = offerings["availability-zone"].get("eu-west-3")
as_moto_reads = utils.load_resource.__wrapped__(
    "ec2/resources/instance_type_offerings/availability-zone/eu-west-3.json"
)
print(json.dumps({
    "read_at_import": read_at_import,
    "location_types": sorted(offerings),
    "regions": len(offerings["region"]),
    "zones_as_moto_reads_them": zones == [
        dict(offering, LocationType="availability-zone") for offering in as_moto_reads
    ],
    "region_tagged": sorted({o["LocationType"] for o in offerings["region"]["eu-west-3"]}),
    "read_at_first_use": [path for path in files_read if "offerings" in path],
    "unknown_region": offerings["region"].get("xx-nowhere-1", "none"),
}))
"""


def test_instance_type_offerings_are_read_at_their_first_use_as_moto_reads_them():
    import subprocess
    from pathlib import Path

    answer = subprocess.run(
        [sys.executable, "-c", OFFERINGS_PROBE], cwd=Path(__file__).resolve().parents[2],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    seen = json.loads(answer.stdout)
    assert seen["read_at_import"] == []
    assert seen["location_types"] == ["availability-zone", "availability-zone-id", "region"]
    assert seen["regions"] >= 30  # every region's list is there, unread
    assert seen["zones_as_moto_reads_them"] is True
    assert seen["region_tagged"] == ["region"]
    folder = "ec2/resources/instance_type_offerings"
    assert seen["read_at_first_use"] == [
        f"{folder}/availability-zone/eu-west-3.json.gz",  # the lazy list's first use
        f"{folder}/availability-zone/eu-west-3.json.gz",  # the probe's own, to compare
        f"{folder}/region/eu-west-3.json.gz",
    ]
    assert seen["unknown_region"] == "none"


def test_a_sealed_run_reads_nothing_an_earlier_run_kept(lab):
    """A graded submission's run: its home is the student's workspace, where a test's
    code could leave a forged list for the next test's moto to read."""
    lab.makepyfile(
        """
        import os

        from harness.backends import moto_costs

        def test_nothing_kept_is_read():
            assert os.environ[moto_costs.NO_KEPT_DATA_VARIABLE]
            assert moto_costs._kept_file("anything.json") is None
        """
    )
    result = lab.runpytest_subprocess(
        "-p", "harness.plugin.sealed", "--sealed-results-fd=1", "-p", "no:randomly"
    )
    assert '"outcome": "passed"' in result.stdout.str()
