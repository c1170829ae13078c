"""Rotating a secret with a Lambda function.

The database password must change every 30 days, and no application may
break meanwhile. Secrets Manager drives the rotation: it invokes a Lambda
function four times, one *step* each, with the secret and a new version ID
(the ``ClientRequestToken``):

1. ``createSecret``: make a new password, store it as the ``AWSPENDING`` version;
2. ``setSecret``: change the password in the database (nothing here);
3. ``testSecret``: log in with it (nothing here);
4. ``finishSecret``: move ``AWSCURRENT`` to the new version.

Until step 4 every reader still gets the old password; after it, the new one,
and the old stays reachable as ``AWSPREVIOUS``. On moto the function really
runs, and calls Secrets Manager back from its own process.

Beyond the notes: they name Secrets Manager (for ECS) but not its rotation.
"""

from __future__ import annotations

import json

import pytest

ROTATION_FUNCTION = """
    import json

    import boto3

    secrets = boto3.client("secretsmanager")


    def handler(event, context):
        secret, token, step = event["SecretId"], event["ClientRequestToken"], event["Step"]
        if step == "createSecret":
            value = secrets.get_secret_value(SecretId=secret, VersionStage="AWSCURRENT")
            new = json.loads(value["SecretString"])
            new["password"] = secrets.get_random_password(
                PasswordLength=24, ExcludePunctuation=True
            )["RandomPassword"]
            secrets.put_secret_value(
                SecretId=secret,
                ClientRequestToken=token,
                SecretString=json.dumps(new),
                VersionStages=["AWSPENDING"],
            )
        elif step == "finishSecret":
            stages = secrets.describe_secret(SecretId=secret)["VersionIdsToStages"]
            current = next(v for v, labels in stages.items() if "AWSCURRENT" in labels)
            if current != token:
                secrets.update_secret_version_stage(
                    SecretId=secret,
                    VersionStage="AWSCURRENT",
                    MoveToVersionId=token,
                    RemoveFromVersionId=current,
                )
"""


@pytest.mark.claim(
    "parameters.secret-rotation-lambda",
    beyond_notes="RotateSecret invokes a Lambda function that makes a new password current "
    "and leaves the old one previous.",
    source="https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_lambda.html",
)
def test_a_lambda_function_rotates_the_password(aws, deploy, unique_name):
    rotation_function = deploy(ROTATION_FUNCTION)
    secret = unique_name("orders-db")
    aws.secretsmanager.create_secret(
        Name=secret, SecretString=json.dumps({"user": "orders", "password": "first"})
    )
    # HINT: turn on rotation for `secret` with rotation_function, every 30 days
    # HINT: (RotateSecret also rotates once, right away).
    # BEGIN SOLUTION
    aws.secretsmanager.rotate_secret(
        SecretId=secret,
        RotationLambdaARN=rotation_function,
        RotationRules={"AutomaticallyAfterDays": 30},
    )
    # END SOLUTION
    described = aws.secretsmanager.describe_secret(SecretId=secret)
    assert described["RotationEnabled"] is True
    assert described["RotationRules"]["AutomaticallyAfterDays"] == 30
    current = json.loads(aws.secretsmanager.get_secret_value(SecretId=secret)["SecretString"])
    assert current["user"] == "orders"
    assert current["password"] != "first" and len(current["password"]) == 24
    previous = aws.secretsmanager.get_secret_value(SecretId=secret, VersionStage="AWSPREVIOUS")
    assert json.loads(previous["SecretString"])["password"] == "first"
