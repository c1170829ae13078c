"""moto's Cognito imports its fixed signing key once per process, and signs as before."""

from __future__ import annotations

from joserfc import jwk
from moto.cognitoidp import models
from moto.utilities.utils import load_resource

from harness.backends import moto_costs

KEY_FILE = "cognitoidp/resources/jwks-private.json"


def test_every_user_pool_gets_the_one_key_imported_once():
    moto_costs.install()
    moto_costs.install()  # idempotent: still one stand-in, one cache
    first = models.CognitoIdpUserPool("us-east-1", "123456789012", "pool-1", {})
    second = models.CognitoIdpUserPool("us-east-1", "123456789012", "pool-2", {})
    assert first.json_web_key is second.json_web_key
    fresh = jwk.RSAKey.import_key(load_resource(KEY_FILE))
    assert first.json_web_key.as_dict(private=True) == fresh.as_dict(private=True)


def test_the_stand_in_leaves_every_other_name_to_joserfc():
    moto_costs.install()
    assert models.jwk.OctKey is jwk.OctKey
    assert models.jwk.RSAKey.generate_key == jwk.RSAKey.generate_key
