"""A key's life: an alias in front, yearly rotation, and disabling it.

Applications never hard-code a key ID: they name an *alias*
(``alias/payments``). To move to a new key, the team re-points the alias;
ciphertexts made under the old key still decrypt, because a symmetric
ciphertext records which key made it. *Automatic rotation* gives a key new
key material on a schedule (yearly by default) while keeping its ID, alias
and every old ciphertext readable. A *disabled* key can be neither used to
encrypt nor to decrypt until it is enabled again: the emergency brake.

Beyond the notes: they have no KMS section (only "can set kms custom key" for
CloudWatch Logs and "sse-kms" for S3, which name KMS without saying how keys live).
"""

from __future__ import annotations

import pytest


@pytest.mark.claim(
    "kms.alias",
    beyond_notes="An alias re-pointed to a new key encrypts under the new key, while "
    "ciphertexts of the old key still decrypt.",
    source="https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html",
)
def test_an_alias_moves_to_a_new_key_and_old_data_still_decrypts(aws, key_id, unique_name):
    alias = f"alias/{unique_name('payments')}"
    aws.kms.create_alias(AliasName=alias, TargetKeyId=key_id)
    old = aws.kms.encrypt(KeyId=alias, Plaintext=b"card 4111")["CiphertextBlob"]
    new_key = aws.kms.create_key(Description=unique_name("payments-2"))["KeyMetadata"]["KeyId"]
    # HINT: point the alias at new_key (the applications keep using the alias).
    # BEGIN SOLUTION
    aws.kms.update_alias(AliasName=alias, TargetKeyId=new_key)
    # END SOLUTION
    assert aws.kms.describe_key(KeyId=alias)["KeyMetadata"]["KeyId"] == new_key
    fresh = aws.kms.encrypt(KeyId=alias, Plaintext=b"card 5500")
    assert fresh["KeyId"].endswith(new_key)
    old_plain = aws.kms.decrypt(CiphertextBlob=old)  # no KeyId: the ciphertext knows it
    assert old_plain["Plaintext"] == b"card 4111"
    assert old_plain["KeyId"].endswith(key_id)


@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's free edition does not implement ListKeyRotations (InternalFailure, "
    "not in its license plan); AWS lists every rotation",
)
@pytest.mark.claim(
    "kms.key-rotation",
    beyond_notes="Rotating a key (automatically or on demand) keeps its ID and every old "
    "ciphertext readable.",
    source="https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html",
)
def test_rotation_keeps_old_ciphertexts_readable(aws, key_id):
    before = aws.kms.encrypt(KeyId=key_id, Plaintext=b"v1 secret")["CiphertextBlob"]
    assert aws.kms.get_key_rotation_status(KeyId=key_id)["KeyRotationEnabled"] is False
    # HINT: turn on automatic rotation for key_id, then rotate it once right now (on demand).
    # BEGIN SOLUTION
    aws.kms.enable_key_rotation(KeyId=key_id)
    aws.kms.rotate_key_on_demand(KeyId=key_id)
    # END SOLUTION
    assert aws.kms.get_key_rotation_status(KeyId=key_id)["KeyRotationEnabled"] is True
    rotations = aws.kms.list_key_rotations(KeyId=key_id)["Rotations"]
    assert [rotation["RotationType"] for rotation in rotations] == ["ON_DEMAND"]
    assert aws.kms.decrypt(CiphertextBlob=before)["Plaintext"] == b"v1 secret"


@pytest.mark.emulator_gap(
    "moto",
    reason="moto lets a disabled key encrypt and decrypt; AWS answers DisabledException",
)
@pytest.mark.claim(
    "kms.disabled-key",
    beyond_notes="A disabled key neither encrypts nor decrypts (DisabledException) until it "
    "is enabled again.",
    source="https://docs.aws.amazon.com/kms/latest/developerguide/enabling-keys.html",
)
def test_a_disabled_key_refuses_to_work(aws, key_id, error_code):
    sealed = aws.kms.encrypt(KeyId=key_id, Plaintext=b"launch codes")["CiphertextBlob"]
    # HINT: pull the emergency brake on key_id.
    # BEGIN SOLUTION
    aws.kms.disable_key(KeyId=key_id)
    # END SOLUTION
    assert aws.kms.describe_key(KeyId=key_id)["KeyMetadata"]["KeyState"] == "Disabled"
    assert error_code(aws.kms.encrypt, KeyId=key_id, Plaintext=b"more") == "DisabledException"
    assert error_code(aws.kms.decrypt, CiphertextBlob=sealed) == "DisabledException"
    aws.kms.enable_key(KeyId=key_id)
    assert aws.kms.decrypt(CiphertextBlob=sealed)["Plaintext"] == b"launch codes"
