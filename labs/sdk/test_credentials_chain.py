"""Where the SDK finds its credentials: the provider chain, one layer at a time.

A developer's laptop has credentials everywhere: keys passed in code, the
``AWS_ACCESS_KEY_ID`` variables in the shell, ``~/.aws/credentials`` from
``aws configure``, keys in ``~/.aws/config``. Which does boto3 sign with?
The first found, in a fixed order (the *default credentials provider chain*):

1. explicit arguments (``boto3.client(..., aws_access_key_id=...)``; the CLI's options);
2. environment variables;
3. the shared credentials file, ``~/.aws/credentials``;
4. the config file, ``~/.aws/config``;
5. container credentials (an ECS task's role, served at the URI in
   ``AWS_CONTAINER_CREDENTIALS_FULL_URI``), then the EC2 instance profile.

The lab builds a throwaway HOME with the layers, resolves credentials the
way boto3 does, then removes the winner and resolves again: each layer is
shown winning, and giving way to the next. A stub on 127.0.0.1 plays the
container credentials endpoint, another the instance metadata service of an
EC2 instance with a role (the SDK asks it with an IMDSv2 session token). A
*named profile* (``AWS_PROFILE=dev``) picks another section of the same files.

Two details every SDK shares: the variables are named ``AWS_ACCESS_KEY_ID``
and ``AWS_SECRET_ACCESS_KEY`` (no other name is read), and the credentials
file is ``~/.aws/credentials`` unless ``AWS_SHARED_CREDENTIALS_FILE`` says
otherwise. The notes' second chain is the Java SDK's; boto3's is the same
order, without Java's system properties.

Notes, "aws cli sdk and iam roles and policies" (the CLI's and the Java SDK's
credentials provider chains, credentials best practices).
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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


CREDENTIAL_PROVIDERS = (
    "https://boto3.amazonaws.com/v1/documentation/api/latest/guide/credentials.html"
)


@pytest.fixture
def container_endpoint():
    """The URL of a stub container credentials endpoint (what ECS serves a task)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            body = json.dumps(
                {
                    "AccessKeyId": "ASIAFROMTASKROLE",
                    "SecretAccessKey": "secret-of-the-task-role",
                    "Token": "session-token",
                    "Expiration": "2099-01-01T00:00:00Z",
                }
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02})
    thread.daemon = True
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/v2/credentials/task-role"
    server.shutdown()
    server.server_close()


def resolve(**explicit) -> tuple[str, str]:
    """(where the credentials came from, access key ID), as a new boto3 session resolves them."""
    credentials = boto3.Session(**explicit).get_credentials()
    return credentials.method, credentials.access_key


def every_layer(aws_home) -> None:
    """Both files, and the environment variables, each with its own access key."""
    aws_home.credentials_file(CREDENTIALS_FILE)
    aws_home.config_file(CONFIG_FILE)
    aws_home.setenv("AWS_ACCESS_KEY_ID", "AKIAFROMENVIRONMENT")
    aws_home.setenv("AWS_SECRET_ACCESS_KEY", "secret-from-environment")


@pytest.mark.claim("sdk.credentials-chain-order", quote="command line options")
def test_explicit_credentials_come_first(aws_home):
    every_layer(aws_home)
    explicit = {"aws_access_key_id": "AKIAEXPLICIT", "aws_secret_access_key": "explicit"}
    # HINT: which layer does boto3 sign with, with the keys passed in code (the SDK's
    # HINT: command line options), and without them? Name them as botocore does:
    # HINT: "explicit", "env", "shared-credentials-file", "config-file".
    # BEGIN SOLUTION
    with_arguments, without_arguments = "explicit", "env"
    # END SOLUTION
    assert resolve(**explicit) == (with_arguments, "AKIAEXPLICIT")
    assert resolve()[0] == without_arguments


@pytest.mark.claim("sdk.credentials-chain-environment", quote="environment variables", line=469)
def test_environment_variables_come_before_the_files(aws_home):
    every_layer(aws_home)
    # HINT: which layer signs while AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set, and
    # HINT: which once they are unset? ("env", "shared-credentials-file", "config-file")
    # BEGIN SOLUTION
    while_set, once_unset = "env", "shared-credentials-file"
    # END SOLUTION
    assert resolve() == (while_set, "AKIAFROMENVIRONMENT")
    aws_home.delenv("AWS_ACCESS_KEY_ID")
    aws_home.delenv("AWS_SECRET_ACCESS_KEY")
    assert resolve() == (once_unset, "AKIAFROMCREDENTIALS")


@pytest.mark.claim(
    "sdk.credentials-chain-files",
    quote="cli credentials file -- aws configure: `~/.aws/credentials`, `~/.aws/config`",
)
def test_the_credentials_file_comes_before_the_config_file(aws_home):
    aws_home.credentials_file(CREDENTIALS_FILE)
    aws_home.config_file(CONFIG_FILE)
    # HINT: both files hold keys for the default profile: which one signs? And once
    # HINT: ~/.aws/credentials is gone? ("shared-credentials-file", "config-file")
    # BEGIN SOLUTION
    with_both, config_only = "shared-credentials-file", "config-file"
    # END SOLUTION
    assert resolve() == (with_both, "AKIAFROMCREDENTIALS")
    (aws_home.home / ".aws" / "credentials").unlink()
    assert resolve() == (config_only, "AKIAFROMCONFIG")


@pytest.mark.claim(
    "sdk.credentials-chain-container",
    quote="container credentials for ecs tasks",
    source=CREDENTIAL_PROVIDERS,
)
def test_container_credentials_come_after_the_files(aws_home, container_endpoint):
    # What ECS sets in a task's containers: where its task role's credentials are served.
    aws_home.setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", container_endpoint)
    # HINT: with no variable of keys and no files, which layer signs? And once
    # HINT: ~/.aws/credentials is written? ("container-role", "shared-credentials-file", ...)
    # BEGIN SOLUTION
    alone, with_a_credentials_file = "container-role", "shared-credentials-file"
    # END SOLUTION
    assert resolve() == (alone, "ASIAFROMTASKROLE")
    aws_home.credentials_file(CREDENTIALS_FILE)
    assert resolve() == (with_a_credentials_file, "AKIAFROMCREDENTIALS")


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


@pytest.mark.claim(
    "sdk.no-credentials",
    beyond_notes="With no layer of the chain holding credentials, boto3 has none: "
    "Session().get_credentials() is None, until a credentials file is written.",
    source=CREDENTIAL_PROVIDERS,
)
def test_without_any_layer_there_are_no_credentials(aws_home):
    # An empty HOME, no variables, no instance profile: nothing to sign with.
    # HINT: what does boto3.Session().get_credentials() return then?
    # BEGIN SOLUTION
    expected = None
    # END SOLUTION
    assert boto3.Session().get_credentials() is expected
    aws_home.credentials_file(CREDENTIALS_FILE)
    assert boto3.Session().get_credentials() is not expected


@pytest.mark.claim(
    "sdk.credentials-chain-instance-profile",
    quote="instance profile credentials for ec2 instance profiles",
    source=CREDENTIAL_PROVIDERS,
)
def test_the_instance_profile_comes_last(aws_home, instance_metadata):
    # On an EC2 instance with a role, and nothing else configured.
    # HINT: which layer signs with no variables and no files? And once AWS_ACCESS_KEY_ID and
    # HINT: AWS_SECRET_ACCESS_KEY are set? ("iam-role", "env", "container-role", ...)
    # BEGIN SOLUTION
    alone, with_variables = "iam-role", "env"
    # END SOLUTION
    assert resolve() == (alone, "ASIAFROMINSTANCEROLE")
    aws_home.setenv("AWS_ACCESS_KEY_ID", "AKIAFROMENVIRONMENT")
    aws_home.setenv("AWS_SECRET_ACCESS_KEY", "secret-from-environment")
    assert resolve() == (with_variables, "AKIAFROMENVIRONMENT")


@pytest.mark.claim(
    "sdk.container-before-instance-profile",
    quote="ecs container credentials for ecs containers",
    source=CREDENTIAL_PROVIDERS,
)
def test_container_credentials_come_before_the_instance_profile(
    aws_home, container_endpoint, instance_metadata
):
    # An ECS task on an EC2 instance: the task's role and the instance's role are both there.
    aws_home.setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", container_endpoint)
    # HINT: which layer signs with both? And once the container variable is gone?
    # HINT: ("container-role", "iam-role")
    # BEGIN SOLUTION
    with_both, instance_only = "container-role", "iam-role"
    # END SOLUTION
    assert resolve() == (with_both, "ASIAFROMTASKROLE")
    aws_home.delenv("AWS_CONTAINER_CREDENTIALS_FULL_URI")
    assert resolve() == (instance_only, "ASIAFROMINSTANCEROLE")


@pytest.mark.claim(
    "sdk.instance-profile-imdsv2",
    quote="instance profile credentials for ec2 instances",
    source="https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-metadata-security-credentials.html",
)
def test_the_sdk_reads_the_instance_role_through_imdsv2(aws_home, instance_metadata):
    assert resolve() == ("iam-role", "ASIAFROMINSTANCEROLE")
    role = instance_metadata.ROLE
    # HINT: the three requests the SDK made to the metadata service, in order: (method, path,
    # HINT: the session token it carried, or None); the token is instance_metadata.TOKEN.
    # BEGIN SOLUTION
    expected = [
        ("PUT", "/latest/api/token", None),
        ("GET", "/latest/meta-data/iam/security-credentials/", instance_metadata.TOKEN),
        ("GET", f"/latest/meta-data/iam/security-credentials/{role}", instance_metadata.TOKEN),
    ]
    # END SOLUTION
    assert instance_metadata.requests == expected


@pytest.mark.claim(
    "sdk.environment-variable-names",
    quote="environment variables: access_key, access_secret",
    errata="The variables are AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (with "
    "AWS_SESSION_TOKEN for temporary credentials), in every SDK and the CLI; variables named "
    "access_key or access_secret are ignored (the Java SDK 1.x also read AWS_ACCESS_KEY and "
    "AWS_SECRET_KEY)",
    source="https://docs.aws.amazon.com/sdkref/latest/guide/feature-static-credentials.html",
)
def test_the_sdk_reads_only_the_aws_variables(aws_home):
    aws_home.setenv("access_key", "AKIAJUSTANAME")
    aws_home.setenv("access_secret", "secret-nobody-reads")
    assert boto3.Session().get_credentials() is None, "no SDK reads these names"
    # HINT: set the two variables the SDK does read, to AKIAFROMENVIRONMENT and its secret
    # HINT: (aws_home.setenv).
    # BEGIN SOLUTION
    aws_home.setenv("AWS_ACCESS_KEY_ID", "AKIAFROMENVIRONMENT")
    aws_home.setenv("AWS_SECRET_ACCESS_KEY", "secret-from-environment")
    # END SOLUTION
    assert resolve() == ("env", "AKIAFROMENVIRONMENT")


@pytest.mark.claim(
    "sdk.default-credentials-file",
    quote="default credential profile file: for example `~/.aws/credentials`",
    source="https://docs.aws.amazon.com/sdkref/latest/guide/file-location.html",
)
def test_the_credentials_file_is_found_where_the_sdk_looks(aws_home):
    aws_home.credentials_file(CREDENTIALS_FILE)
    assert resolve() == ("shared-credentials-file", "AKIAFROMCREDENTIALS"), "its [default]"
    moved = aws_home.home / "keys" / "credentials"
    moved.parent.mkdir()
    (aws_home.home / ".aws" / "credentials").rename(moved)
    assert boto3.Session().get_credentials() is None, "not in ~/.aws: not found"
    # HINT: tell the SDK where the file is now, without moving it back (one variable).
    # BEGIN SOLUTION
    aws_home.setenv("AWS_SHARED_CREDENTIALS_FILE", str(moved))
    # END SOLUTION
    assert resolve() == ("shared-credentials-file", "AKIAFROMCREDENTIALS")
