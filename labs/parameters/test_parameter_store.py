"""Parameter Store: one configuration tree for every environment of an app.

The shop keeps its configuration in SSM Parameter Store, under a hierarchy
``/<app>/<environment>/<name>``: plain ``String``s (the API URL), a
``StringList`` (comma-separated hosts) and a ``SecureString`` (the database
password, encrypted with KMS, returned in clear only to a caller who asks
``WithDecryption`` and may use the key). A service loads its whole
environment in one ``GetParametersByPath`` call. Every change makes a new
version; a *label* (``stable``) names a version, so a rollback is one call.
A Standard parameter holds up to 4 KB, an Advanced one up to 8 KB.

Beyond the notes: they name Parameter Store where ECS, CodeBuild and the
CloudWatch agent read their configuration from it, but say nothing of how it
works, so these claims are marked beyond the notes, each with its AWS page.
"""

from __future__ import annotations

import pytest


@pytest.fixture
def shop(aws, app_path) -> str:
    """The shop's tree: two environments, three types of parameter. Returns its root."""
    ssm = aws.ssm
    ssm.put_parameter(Name=f"{app_path}/dev/api-url", Value="http://dev.shop", Type="String")
    ssm.put_parameter(Name=f"{app_path}/dev/hosts", Value="a.dev,b.dev", Type="StringList")
    ssm.put_parameter(Name=f"{app_path}/dev/db-password", Value="hunter2", Type="SecureString")
    ssm.put_parameter(Name=f"{app_path}/prod/api-url", Value="http://shop", Type="String")
    return app_path


@pytest.mark.claim(
    "parameters.types",
    beyond_notes="Parameter Store keeps String, StringList and SecureString parameters; a "
    "SecureString is read in clear with WithDecryption.",
    source="https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html",
)
def test_string_string_list_and_secure_string(aws, shop):
    # HINT: read the dev database password in clear text into `password` (one GetParameter).
    # BEGIN SOLUTION
    password = aws.ssm.get_parameter(Name=f"{shop}/dev/db-password", WithDecryption=True)[
        "Parameter"
    ]["Value"]
    # END SOLUTION
    assert password == "hunter2"
    hosts = aws.ssm.get_parameter(Name=f"{shop}/dev/hosts")["Parameter"]
    assert (hosts["Type"], hosts["Value"].split(",")) == ("StringList", ["a.dev", "b.dev"])


@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores a SecureString in plain text and returns it, prefixed with the key, "
    "without WithDecryption; AWS returns the KMS ciphertext",
)
@pytest.mark.claim(
    "parameters.secure-string-encrypted",
    beyond_notes="Without WithDecryption a SecureString is returned as its KMS ciphertext.",
    source="https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html",
)
def test_a_secure_string_stays_encrypted_without_with_decryption(aws, shop):
    # HINT: read the dev database password *without* asking for decryption.
    # BEGIN SOLUTION
    value = aws.ssm.get_parameter(Name=f"{shop}/dev/db-password")["Parameter"]["Value"]
    # END SOLUTION
    assert value and "hunter2" not in value, "a caller without WithDecryption sees ciphertext"


@pytest.mark.claim(
    "parameters.get-by-path",
    beyond_notes="GetParametersByPath returns the parameters right below a path, the whole "
    "subtree with Recursive.",
    source="https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParametersByPath.html",
)
def test_a_service_loads_its_environment_by_path(aws, shop):
    # HINT: one GetParametersByPath call that returns every dev parameter, decrypted;
    # HINT: make `config` a dict {name after "<root>/dev/": value}.
    # BEGIN SOLUTION
    found = aws.ssm.get_parameters_by_path(Path=f"{shop}/dev", WithDecryption=True)
    config = {p["Name"].rsplit("/", 1)[1]: p["Value"] for p in found["Parameters"]}
    # END SOLUTION
    assert config == {
        "api-url": "http://dev.shop",
        "hosts": "a.dev,b.dev",
        "db-password": "hunter2",
    }
    top = aws.ssm.get_parameters_by_path(Path=shop)["Parameters"]
    assert top == [], "without Recursive, only the level right below the path"
    everything = aws.ssm.get_parameters_by_path(Path=shop, Recursive=True)["Parameters"]
    assert len(everything) == 4


@pytest.mark.claim(
    "parameters.versions-and-labels",
    beyond_notes="Every overwrite of a parameter is a new version; a label names one version, "
    "read as name:label.",
    source="https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-labels.html",
)
def test_every_change_is_a_version_and_a_label_names_one(aws, shop, error_code):
    name = f"{shop}/prod/api-url"
    assert error_code(aws.ssm.put_parameter, Name=name, Value="http://new", Type="String") == (
        "ParameterAlreadyExists"
    ), "a second put needs Overwrite=True"
    # HINT: label the current version (1) "stable", then overwrite the value with
    # HINT: "http://shop-v2" (a new version).
    # BEGIN SOLUTION
    aws.ssm.label_parameter_version(Name=name, ParameterVersion=1, Labels=["stable"])
    aws.ssm.put_parameter(Name=name, Value="http://shop-v2", Type="String", Overwrite=True)
    # END SOLUTION
    latest = aws.ssm.get_parameter(Name=name)["Parameter"]
    assert (latest["Version"], latest["Value"]) == (2, "http://shop-v2")
    assert aws.ssm.get_parameter(Name=f"{name}:stable")["Parameter"]["Value"] == "http://shop"
    assert aws.ssm.get_parameter(Name=f"{name}:1")["Parameter"]["Value"] == "http://shop"


@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts a Standard parameter over 4 KB and an Advanced one over 8 KB; "
    "AWS refuses both (ValidationException)",
)
@pytest.mark.claim(
    "parameters.size-per-tier",
    beyond_notes="A Standard parameter holds up to 4,096 characters, an Advanced one up to "
    "8,192; one more is refused (ValidationException).",
    source="https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html",
)
def test_each_tier_has_a_size_limit(aws, app_path, error_code):
    # HINT: the largest value (in characters) of a Standard parameter, and of an Advanced one.
    # BEGIN SOLUTION
    largest = {"Standard": 4096, "Advanced": 8192}
    # END SOLUTION
    for tier, size in largest.items():
        name = f"{app_path}/{tier.lower()}"
        put = aws.ssm.put_parameter
        assert error_code(put, Name=name, Value="x" * size, Type="String", Tier=tier) is None
        too_big = error_code(
            put, Name=f"{name}-2", Value="x" * (size + 1), Type="String", Tier=tier
        )
        assert too_big == "ValidationException", f"a {tier} parameter of {size + 1} characters"
