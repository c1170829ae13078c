"""Encryption context: a ciphertext bound to the record it belongs to.

The payroll service encrypts each employee's bank account number under one
KMS key. An insider copies Alice's ciphertext into Bob's record: with a bare
Encrypt, Decrypt would happily return Alice's number for Bob. With an
*encryption context* (non-secret key-value pairs, here the employee ID),
KMS binds the ciphertext to that context: Decrypt must be given exactly the
same pairs, or it refuses (``InvalidCiphertextException``). The context is not
secret and not stored in the ciphertext, and it is logged in CloudTrail, which
makes every Decrypt auditable per record.

Beyond the notes: they have no KMS section.
"""

from __future__ import annotations

import pytest


@pytest.mark.claim(
    "kms.encryption-context",
    beyond_notes="A ciphertext made with an encryption context decrypts only with the same "
    "context (InvalidCiphertextException otherwise).",
    source="https://docs.aws.amazon.com/kms/latest/developerguide/encrypt_context.html",
)
def test_decrypt_needs_the_same_encryption_context(aws, key_id, error_code):
    # HINT: encrypt b"DE89 3704 0044 0532 0130 00" for employee "alice" so that it only
    # HINT: decrypts with EncryptionContext={"employee": "alice"}; keep the CiphertextBlob.
    # BEGIN SOLUTION
    ciphertext = aws.kms.encrypt(
        KeyId=key_id,
        Plaintext=b"DE89 3704 0044 0532 0130 00",
        EncryptionContext={"employee": "alice"},
    )["CiphertextBlob"]
    # END SOLUTION
    alice = aws.kms.decrypt(CiphertextBlob=ciphertext, EncryptionContext={"employee": "alice"})
    assert alice["Plaintext"] == b"DE89 3704 0044 0532 0130 00"
    copied_to_bob = {"employee": "bob"}
    assert error_code(
        aws.kms.decrypt, CiphertextBlob=ciphertext, EncryptionContext=copied_to_bob
    ) == ("InvalidCiphertextException")
    assert error_code(aws.kms.decrypt, CiphertextBlob=ciphertext) == "InvalidCiphertextException"
