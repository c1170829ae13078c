"""Secrets Manager: the database password, its versions, and a deletion undone.

The orders service reads its database credentials from Secrets Manager.
Every new value is a new *version*; staging labels say which is which:
``AWSCURRENT`` is what ``GetSecretValue`` returns, and when a new value
arrives the label moves to it while the old one becomes ``AWSPREVIOUS``
(a client still holding the old password can be found, and a rollback is
one call). A deleted secret is not gone at once: it waits out a *recovery
window* (7 to 30 days, 30 by default) during which it cannot be read but
can be restored. Only ``ForceDeleteWithoutRecovery`` deletes at once, and then
the name is free again (on AWS after a short delay, the deletion runs in the
background); it cannot be combined with a recovery window, and a window
outside 7 to 30 days is refused. A secret holds up to 64 KB.

Beyond the notes: they name Secrets Manager where ECS and CodeBuild read secrets
from it, but say nothing of how it works.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

DELETE_SECRET = (
    "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html"
)


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


@pytest.mark.claim(
    "parameters.secret-staging-labels",
    beyond_notes="A new secret value takes the AWSCURRENT label and the one before becomes "
    "AWSPREVIOUS.",
    source="https://docs.aws.amazon.com/secretsmanager/latest/userguide/whats-in-a-secret.html",
)
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


@pytest.mark.claim(
    "parameters.secret-recovery-window",
    beyond_notes="A deleted secret waits out a recovery window, 30 days by default, unreadable "
    "but restorable.",
    source=DELETE_SECRET,
)
def test_a_deleted_secret_can_be_restored_within_its_window(aws, db_secret, error_code):
    assert error_code(
        aws.secretsmanager.delete_secret, SecretId=db_secret, RecoveryWindowInDays=6
    ) == ("InvalidParameterException"), "a recovery window is 7 to 30 days"
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


@pytest.mark.claim(
    "parameters.secret-deletion-window-range",
    beyond_notes="A recovery window is 7 to 30 days: 6 and 31 are refused "
    "(InvalidParameterException).",
    source=DELETE_SECRET,
)
def test_a_recovery_window_is_7_to_30_days(aws, db_secret, error_code):
    delete = aws.secretsmanager.delete_secret
    # HINT: the shortest and the longest recovery window DeleteSecret accepts, in days.
    # BEGIN SOLUTION
    shortest, longest = 7, 30
    # END SOLUTION
    for refused in (shortest - 1, longest + 1):
        assert error_code(delete, SecretId=db_secret, RecoveryWindowInDays=refused) == (
            "InvalidParameterException"
        )
    assert error_code(
        delete, SecretId=db_secret, RecoveryWindowInDays=shortest, ForceDeleteWithoutRecovery=True
    ) == ("InvalidParameterException"), "a window and no window at once"
    for accepted in (shortest, longest):
        delete(SecretId=db_secret, RecoveryWindowInDays=accepted)
        assert "DeletedDate" in aws.secretsmanager.describe_secret(SecretId=db_secret)
        aws.secretsmanager.restore_secret(SecretId=db_secret)
    assert "DeletedDate" not in aws.secretsmanager.describe_secret(SecretId=db_secret)


@pytest.mark.claim(
    "parameters.secret-force-delete",
    beyond_notes="ForceDeleteWithoutRecovery deletes a secret at once, beyond restore, and "
    "frees its name.",
    source=DELETE_SECRET,
)
def test_force_delete_skips_the_window_and_frees_the_name(aws, db_secret, error_code, eventually):
    # HINT: delete the secret at once, with no recovery window (it cannot be restored).
    # BEGIN SOLUTION
    aws.secretsmanager.delete_secret(SecretId=db_secret, ForceDeleteWithoutRecovery=True)
    # END SOLUTION
    assert error_code(aws.secretsmanager.restore_secret, SecretId=db_secret) == (
        "ResourceNotFoundException"
    )
    recreated = {"user": "orders", "password": "fresh"}

    def name_is_free() -> bool:  # AWS deletes in the background: maybe not at once
        return (
            error_code(
                aws.secretsmanager.create_secret,
                Name=db_secret,
                SecretString=json.dumps(recreated),
            )
            is None
        )

    eventually(name_is_free)
    assert password(aws, db_secret) == "fresh"


@pytest.mark.emulator_gap(
    "moto", reason="moto accepts a secret value over 64 KB; AWS refuses it (ValidationException)"
)
@pytest.mark.claim(
    "parameters.secret-size",
    beyond_notes="A secret value holds at most 65,536 bytes: one more is refused "
    "(ValidationException).",
    source="https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_limits.html",
)
def test_a_secret_holds_at_most_64_kb(aws, unique_name, error_code):
    # HINT: the largest SecretString, in bytes.
    # BEGIN SOLUTION
    largest = 65536
    # END SOLUTION
    create = aws.secretsmanager.create_secret
    assert error_code(create, Name=unique_name("fits"), SecretString="x" * largest) is None
    too_big = error_code(create, Name=unique_name("too-big"), SecretString="x" * (largest + 1))
    assert too_big == "ValidationException"
