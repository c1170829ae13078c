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
container credentials endpoint. A *named profile*
(``AWS_PROFILE=dev``) picks another section of the same files.

Notes, "aws cli sdk and iam roles and policies" (credentials provider chain,
credentials best practices).
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
