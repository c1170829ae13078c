"""Shared fixtures for the KMS labs: a fresh customer managed key."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError


@pytest.fixture
def key_id(aws, unique_name) -> str:
    """The ID of a new symmetric customer managed key (AES-256, for Encrypt and Decrypt).

    It gets an alias too, ``alias/<test prefix>-key``: on a backend that cannot be
    reset, the clean-up finds a test's keys through their aliases.
    """
    key = aws.kms.create_key(Description=unique_name("key"))["KeyMetadata"]["KeyId"]
    aws.kms.create_alias(AliasName=f"alias/{unique_name('key')}", TargetKeyId=key)
    return key


def _error_code(call, **arguments) -> str | None:
    try:
        call(**arguments)
    except ClientError as error:
        return error.response["Error"]["Code"]
    return None


@pytest.fixture
def error_code():
    """``error_code(aws.kms.encrypt, KeyId=...)`` -> the AWS error code, or None on success."""
    return _error_code
