"""Keep emulator runs away from real AWS accounts.

Two guards, both undone when the run ends:

- ``emulator_environment`` replaces whatever AWS identity the user's shell
  carries (keys, profile, config files) with fake credentials, so a stray
  client can never sign a request as the user.
- ``LoopbackOnly`` refuses any connection, and any name lookup, for a host
  that is not on this machine. A lab or a student that builds a client with
  an explicit real endpoint gets a clear error instead of a request to AWS.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from harness.backends.loopback import LoopbackOnly, NetworkRefused, is_loopback

__all__ = ["LoopbackOnly", "NetworkRefused", "emulator_environment", "is_loopback"]

FAKE_CREDENTIALS = {
    # "test"/"test": LocalStack checks signatures (pre-signed URLs) of unknown keys
    # against the secret "test"; moto takes anything.
    "AWS_ACCESS_KEY_ID": "test",
    "AWS_SECRET_ACCESS_KEY": "test",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_REGION": "us-east-1",
    # Point botocore's config and credential files at nothing, so a profile
    # in ~/.aws cannot lend its keys, role or SSO session to a lab.
    "AWS_CONFIG_FILE": "/dev/null",
    "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
    "AWS_EC2_METADATA_DISABLED": "true",
}

REAL_IDENTITY_VARIABLES = (
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_SESSION_TOKEN",
    "AWS_SECURITY_TOKEN",
    "AWS_ROLE_ARN",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_ENDPOINT_URL",
)


@contextmanager
def emulator_environment() -> Iterator[pytest.MonkeyPatch]:
    """Fake credentials in, the user's real AWS identity out, for the duration."""
    with pytest.MonkeyPatch.context() as patch:
        for name in REAL_IDENTITY_VARIABLES:
            patch.delenv(name, raising=False)
        for name, value in FAKE_CREDENTIALS.items():
            patch.setenv(name, value)
        yield patch
