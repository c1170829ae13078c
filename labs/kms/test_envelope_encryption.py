"""Envelope encryption: sealing a 1 MB report that KMS itself will not take.

KMS keeps its keys inside; you send it data to encrypt. But ``Encrypt`` takes
at most 4 KB of plaintext: it is meant for small secrets (a password, a key),
not for files. To encrypt a 1 MB report, the application asks KMS for a
*data key* (``GenerateDataKey``) and gets it twice: in plain text, to encrypt
the report locally (AES-256-GCM here), and encrypted under the KMS key, to
store beside the report. It then forgets the plain data key. To read the
report, it sends the encrypted data key to ``Decrypt`` and decrypts locally.
KMS never sees the report: this is what the AWS Encryption SDK, S3 client-side
encryption and SSE-KMS all do under the hood.

Notes, "s3 security > object encryption > client-side encryption" (the notes have
no KMS section: the 4 KB limit is beyond them; their "kms limit" is KMS's request
quota that SSE-KMS counts against).
"""

from __future__ import annotations

import os

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

REPORT = b"quarterly figures\n" * 60_000  # ~1 MB


@pytest.mark.claim(
    "kms.encrypt-4kb-limit",
    beyond_notes="Encrypt takes at most 4,096 bytes of plaintext: 4,096 are encrypted, 4,097 "
    "refused (ValidationException).",
    source="https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html",
)
def test_kms_encrypts_at_most_4_kb(aws, key_id, error_code):
    # HINT: the largest plaintext Encrypt accepts, in bytes.
    # BEGIN SOLUTION
    largest = 4096
    # END SOLUTION
    assert error_code(aws.kms.encrypt, KeyId=key_id, Plaintext=b"x" * largest) is None
    assert error_code(aws.kms.encrypt, KeyId=key_id, Plaintext=b"x" * (largest + 1)) == (
        "ValidationException"
    )
    assert error_code(aws.kms.encrypt, KeyId=key_id, Plaintext=REPORT) == "ValidationException"


@pytest.mark.claim("kms.envelope-encryption", quote="clients handle encryption and decryption")
def test_a_large_report_is_sealed_with_a_data_key(aws, key_id):
    # HINT: ask KMS for a 256-bit data key under key_id; encrypt REPORT locally with
    # HINT: AESGCM(plain data key) and a fresh 12-byte nonce. Store in `envelope` what you
    # HINT: need later: {"encrypted_key": ..., "nonce": ..., "ciphertext": ...}. Keep no plain key.
    # BEGIN SOLUTION
    data_key = aws.kms.generate_data_key(KeyId=key_id, KeySpec="AES_256")
    nonce = os.urandom(12)
    envelope = {
        "encrypted_key": data_key["CiphertextBlob"],
        "nonce": nonce,
        "ciphertext": AESGCM(data_key["Plaintext"]).encrypt(nonce, REPORT, None),
    }
    del data_key
    # END SOLUTION
    assert set(envelope) == {"encrypted_key", "nonce", "ciphertext"}
    assert REPORT[:40] not in envelope["ciphertext"]
    assert len(envelope["encrypted_key"]) < 4096, "the key KMS sealed is small; the report is not"

    # Later, maybe in another process: KMS unwraps the data key, the report is decrypted here.
    plain_key = aws.kms.decrypt(CiphertextBlob=envelope["encrypted_key"])["Plaintext"]
    assert len(plain_key) == 32, "AES-256"
    assert AESGCM(plain_key).decrypt(envelope["nonce"], envelope["ciphertext"], None) == REPORT
