"""Where the labs' AWS calls go: an emulator, or (only when asked) real AWS.

Each backend is a plain class that works without pytest: read
``endpoint_url`` (known from construction), ``start()`` it, ``isolate()``
before a test, ``clean_up()`` after, ``stop()`` at the end.
"""

from __future__ import annotations

from harness.backends.aws import RealAwsBackend
from harness.backends.base import Backend
from harness.backends.dynamodb_local import DynamoDBLocalBackend
from harness.backends.localstack import LocalStackBackend
from harness.backends.moto import MotoBackend
from harness.errors import BackendUnavailable

BACKENDS: dict[str, type[Backend]] = {
    "moto": MotoBackend,
    "localstack": LocalStackBackend,
    "dynamodb-local": DynamoDBLocalBackend,
    "aws": RealAwsBackend,
}
EMULATORS = tuple(name for name, cls in BACKENDS.items() if cls.emulated)

__all__ = ["BACKENDS", "EMULATORS", "Backend", "BackendUnavailable"]
