"""Work moto repeats though its answer never changes, done once per process instead.

moto's Cognito signs every user pool's tokens with one fixed key, shipped with
moto (``cognitoidp/resources/jwks-private.json``), and imports it again for each
new pool: parsing and checking an RSA private key, some 100 ms on a quiet
2-core machine and most of a Cognito lab's setup. The same key, imported once,
serves every pool: what a lab observes (the tokens, their signature, the pool's
public keys) is exactly what it was.
"""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any


class _Forwarding:
    """Stands for ``module``: the names given here, every other one from the module."""

    def __init__(self, module: ModuleType | Any, **names: Any) -> None:
        self._module = module
        self.__dict__.update(names)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)


def install() -> None:
    """Import moto Cognito's fixed signing key once per process (idempotent)."""
    from moto.cognitoidp import models

    if getattr(models.jwk, "imports_once", False):
        return
    jwk = models.jwk
    imported: dict[str, Any] = {}

    def import_key(value: Any, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs:  # not moto's call: left as it is
            return jwk.RSAKey.import_key(value, *args, **kwargs)
        text = json.dumps(value, sort_keys=True)
        if text not in imported:
            imported[text] = jwk.RSAKey.import_key(value)
        return imported[text]

    # Only moto's Cognito module sees this stand-in for joserfc's jwk module.
    rsa_key = _Forwarding(jwk.RSAKey, import_key=import_key)
    models.jwk = _Forwarding(jwk, RSAKey=rsa_key, imports_once=True)  # type: ignore[assignment]
