"""Shared fixtures for the certificate labs: a self-signed certificate and its key."""

from __future__ import annotations

import pytest

from harness.testkit.tls import self_signed as self_signed_certificate


@pytest.fixture(scope="session")
def self_signed() -> tuple[bytes, bytes]:
    """``(certificate, private key)``, PEM: a self-signed certificate for legacy.example.com,
    valid 30 days, as a team would bring from elsewhere."""
    return self_signed_certificate("legacy.example.com")
