"""Secrets Manager: the database password, its versions, and a deletion undone.

The orders service reads its database credentials from Secrets Manager.
Every new value is a new *version*; staging labels say which is which:
``AWSCURRENT`` is what ``GetSecretValue`` returns, and when a new value
arrives the label moves to it while the old one becomes ``AWSPREVIOUS``
(a client still holding the old password can be found, and a rollback is
one call). A deleted secret is not gone at once: it waits out a *recovery
window* (7 to 30 days, 30 by default) during which it cannot be read but
can be restored. A secret holds up to 64 KB.

Notes, "ecs" and "code build" (secrets manager).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

SECRETS_QUOTE = "reference data in secrets manager or ssm parameter store"


@pytest.fixture
def db_secret(aws, unique_name) -> str:
    name = unique_name("orders-db")
    aws.secretsmanager.create_secret(
        Name=name, SecretString=json.dumps({"user": "orders", "password": "first"})
    )
    return name


def password(aws, secret: str, stage: str = "AWSCURRENT") -> str:
    value = aws.secretsmanager.get_secret_value(SecretId=secret, VersionStage=stage)
    return json.loads(value["SecretString"])["password"]


@pytest.mark.claim("parameters.secret-staging-labels", quote=SECRETS_QUOTE)
def test_a_new_value_moves_awscurrent_and_keeps_awsprevious(aws, db_secret):
    # HINT: store a new value {"user": "orders", "password": "second"} in the secret.
    # BEGIN SOLUTION
    aws.secretsmanager.put_secret_value(
        SecretId=db_secret, SecretString=json.dumps({"user": "orders", "password": "second"})
    )
    # END SOLUTION
    assert password(aws, db_secret) == "second"
    assert password(aws, db_secret, "AWSPREVIOUS") == "first"
    stages = aws.secretsmanager.describe_secret(SecretId=db_secret)["VersionIdsToStages"]
    assert sorted(map(tuple, stages.values())) == [("AWSCURRENT",), ("AWSPREVIOUS",)]


@pytest.mark.claim("parameters.secret-recovery-window", quote=SECRETS_QUOTE)
def test_a_deleted_secret_can_be_restored_within_its_window(aws, db_secret, error_code):
    assert error_code(
        aws.secretsmanager.delete_secret, SecretId=db_secret, RecoveryWindowInDays=6
    ), "a recovery window is 7 to 30 days"
    # HINT: delete the secret with the default recovery window; how many days is that?
    # BEGIN SOLUTION
    deleted = aws.secretsmanager.delete_secret(SecretId=db_secret)
    default_window_days = 30
    # END SOLUTION
    window = deleted["DeletionDate"] - datetime.now(UTC)
    assert abs(window - timedelta(days=default_window_days)) < timedelta(minutes=5)
    assert error_code(aws.secretsmanager.get_secret_value, SecretId=db_secret) == (
        "InvalidRequestException"
    ), "marked for deletion: it cannot be read"
    aws.secretsmanager.restore_secret(SecretId=db_secret)
    assert password(aws, db_secret) == "first"


@pytest.mark.emulator_gap("moto", reason="moto accepts a secret value over 64 KB; AWS refuses it")
@pytest.mark.claim("parameters.secret-size", quote=SECRETS_QUOTE)
def test_a_secret_holds_at_most_64_kb(aws, unique_name, error_code):
    # HINT: the largest SecretString, in bytes.
    # BEGIN SOLUTION
    largest = 65536
    # END SOLUTION
    create = aws.secretsmanager.create_secret
    assert error_code(create, Name=unique_name("fits"), SecretString="x" * largest) is None
    assert error_code(create, Name=unique_name("too-big"), SecretString="x" * (largest + 1))
