"""Where the SDK finds its credentials: the provider chain, one layer at a time.

A developer's laptop has credentials everywhere: keys passed in code, the
``AWS_ACCESS_KEY_ID`` variables in the shell, ``~/.aws/credentials`` from
``aws configure``, keys in ``~/.aws/config``. Which does boto3 sign with?
The first found, in a fixed order (the *default credentials provider chain*):

1. explicit arguments (``boto3.client(..., aws_access_key_id=...)``; the CLI's options);
2. environment variables;
3. the shared credentials file, ``~/.aws/credentials``;
4. the config file, ``~/.aws/config``;
5. then, on AWS only, container credentials (ECS tasks) and the EC2 instance profile.

The lab builds a throwaway HOME with every layer, resolves credentials the
way boto3 does, then removes the winner and resolves again. A *named profile*
(``AWS_PROFILE=dev``) picks another section of the same files.

Notes, "aws cli sdk and iam roles and policies" (credentials provider chain,
credentials best practices).
"""

from __future__ import annotations

import boto3
import pytest

CREDENTIALS_FILE = """\
[default]
aws_access_key_id = AKIAFROMCREDENTIALS
aws_secret_access_key = secret-from-credentials-file

[dev]
aws_access_key_id = AKIADEVPROFILE
aws_secret_access_key = secret-of-dev
"""

CONFIG_FILE = """\
[default]
region = eu-west-1
aws_access_key_id = AKIAFROMCONFIG
aws_secret_access_key = secret-from-config-file

[profile dev]
region = eu-central-1
"""


def resolve(**explicit) -> tuple[str, str]:
    """(where the credentials came from, access key ID), as a new boto3 session resolves them."""
    credentials = boto3.Session(**explicit).get_credentials()
    return credentials.method, credentials.access_key


@pytest.mark.claim("sdk.credentials-chain-order", quote="aws cli credentials provider chain")
def test_the_first_layer_that_has_credentials_wins(aws_home):
    aws_home.credentials_file(CREDENTIALS_FILE)
    aws_home.config_file(CONFIG_FILE)
    aws_home.setenv("AWS_ACCESS_KEY_ID", "AKIAFROMENVIRONMENT")
    aws_home.setenv("AWS_SECRET_ACCESS_KEY", "secret-from-environment")
    explicit = {"aws_access_key_id": "AKIAEXPLICIT", "aws_secret_access_key": "explicit"}
    # HINT: in which order does boto3 look? Name the layers as botocore does:
    # HINT: "explicit", "env", "shared-credentials-file", "config-file".
    # BEGIN SOLUTION
    predicted_order = ["explicit", "env", "shared-credentials-file", "config-file"]
    # END SOLUTION
    observed = [resolve(**explicit)]
    observed.append(resolve())
    aws_home.delenv("AWS_ACCESS_KEY_ID")
    aws_home.delenv("AWS_SECRET_ACCESS_KEY")
    observed.append(resolve())
    (aws_home.home / ".aws" / "credentials").unlink()
    observed.append(resolve())
    assert [method for method, _ in observed] == predicted_order
    assert [key for _, key in observed] == [
        "AKIAEXPLICIT",
        "AKIAFROMENVIRONMENT",
        "AKIAFROMCREDENTIALS",
        "AKIAFROMCONFIG",
    ]


@pytest.mark.claim(
    "sdk.named-profiles",
    quote="if working outside of aws, use environment variables/ named profiles",
)
def test_a_named_profile_selects_other_credentials_and_region(aws_home):
    aws_home.credentials_file(CREDENTIALS_FILE)
    aws_home.config_file(CONFIG_FILE)
    assert resolve() == ("shared-credentials-file", "AKIAFROMCREDENTIALS")
    # HINT: make every new session use the "dev" profile, without touching the code
    # HINT: (one environment variable, set with aws_home.setenv).
    # BEGIN SOLUTION
    aws_home.setenv("AWS_PROFILE", "dev")
    # END SOLUTION
    assert resolve() == ("shared-credentials-file", "AKIADEVPROFILE")
    assert boto3.Session().region_name == "eu-central-1", "the region from [profile dev]"


@pytest.mark.claim("sdk.no-credentials", quote="never store aws credentials in your code")
def test_without_any_layer_there_are_no_credentials(aws_home):
    # An empty HOME, no variables, no instance profile: nothing to sign with.
    # HINT: what does boto3.Session().get_credentials() return then?
    # BEGIN SOLUTION
    expected = None
    # END SOLUTION
    assert boto3.Session().get_credentials() is expected
    aws_home.credentials_file(CREDENTIALS_FILE)
    assert boto3.Session().get_credentials() is not expected
