"""Shared fixtures for the KMS labs: a fresh customer managed key."""

from __future__ import annotations

import pytest


@pytest.fixture
def key_id(aws, unique_name) -> str:
    """The ID of a new symmetric customer managed key (AES-256, for Encrypt and Decrypt).

    It gets an alias too, ``alias/<test prefix>-key``: on a backend that cannot be
    reset, the clean-up finds a test's keys through their aliases.
    """
    key = aws.kms.create_key(Description=unique_name("key"))["KeyMetadata"]["KeyId"]
    aws.kms.create_alias(AliasName=f"alias/{unique_name('key')}", TargetKeyId=key)
    return key
