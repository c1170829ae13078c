"""The backends a lab run can choose, by the name ``--backend`` takes."""

from __future__ import annotations

from harness.backends.aws import RealAwsBackend
from harness.backends.base import Backend
from harness.backends.dynamodb_local import DynamoDBLocalBackend
from harness.backends.localstack import LocalStackBackend
from harness.backends.moto import MotoBackend

BACKENDS: dict[str, type[Backend]] = {
    "moto": MotoBackend,
    "localstack": LocalStackBackend,
    "dynamodb-local": DynamoDBLocalBackend,
    "aws": RealAwsBackend,
}
EMULATORS = tuple(name for name, cls in BACKENDS.items() if cls.emulated)
