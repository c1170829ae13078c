"""Shared fixtures for the SES labs: a sender address SES has verified."""

from __future__ import annotations

import pytest


@pytest.fixture
def sender(aws, unique_name, eventually) -> str:
    """An email address of a domain we own, verified as a sender.

    On AWS, verification waits for the owner to click the link SES mails; the
    emulators verify at once. The address is named with the test's prefix.
    """
    address = f"{unique_name('orders')}@example.com"
    aws.ses.verify_email_identity(EmailAddress=address)

    def verified() -> bool:
        attributes = aws.ses.get_identity_verification_attributes(Identities=[address])
        status = attributes["VerificationAttributes"].get(address, {}).get("VerificationStatus")
        return status == "Success"

    eventually(verified)
    return address
