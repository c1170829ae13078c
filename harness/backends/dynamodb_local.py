"""DynamoDB Local, AWS's own DynamoDB emulator, started for the run: DynamoDB labs only.

One process per test run (and xdist worker), in memory, on a free port of this
machine; the launcher installs and runs it. It has no reset call, so before each
test every table of the run's account and region is deleted: measured on the
development machine, about 13 ms for a test's two tables, against some 7 ms more
for a fresh database per test (a new access key each test, which the run's shared
clients cannot follow). Every other service is skipped, with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from typing import Any

import boto3
from botocore.config import Config

from harness.backends.base import Backend
from harness.errors import BackendUnavailable, LauncherError
from harness.launcher.dynamodb_local import DynamoDBLocal, find_jar, find_java

#: boto3's names of what DynamoDB Local serves.
SERVICES = frozenset({"dynamodb", "dynamodbstreams"})
ONLY_DYNAMODB = "dynamodb-local serves DynamoDB only; run this lab with --backend moto"


class DynamoDBLocalBackend(Backend):
    name = "dynamodb-local"
    settle_seconds = 5.0  # its streams are written with the change itself

    def __init__(self) -> None:
        super().__init__()
        self._process: DynamoDBLocal | None = None
        self._tables: Any = None  # a client of its own, for isolate(): not a test's calls

    def check_allowed(self) -> None:
        # Checked when the run starts: a missing Java or jar costs one line, not an error a test.
        try:
            find_jar()
            find_java()
        except LauncherError as error:
            raise BackendUnavailable(f"--backend dynamodb-local: {error}") from None

    def start(self) -> None:
        if self._process is not None:
            return  # started at the run's opening; a fixture asking again finds it up
        self._process = DynamoDBLocal()
        try:
            self._process.start()
        except LauncherError as error:
            raise BackendUnavailable(f"--backend dynamodb-local: {error}") from None
        self.endpoint_url = self._process.endpoint_url
        # The run's fake credentials and region (set before start): the tests' own database.
        self._tables = boto3.Session().client(
            "dynamodb",
            endpoint_url=self.endpoint_url,
            region_name=os.environ.get("AWS_DEFAULT_REGION", "us-east-1"),
            config=Config(retries={"max_attempts": 1}),
        )

    def stop(self) -> None:
        if self._process is not None:
            self._process.stop()
            self._process = None

    def missing_service(self, service: str) -> str | None:
        return None if service in SERVICES else ONLY_DYNAMODB

    def isolate(self) -> None:
        if self._tables is None:
            return  # not started: nothing to clean
        for page in self._tables.get_paginator("list_tables").paginate():
            for name in page["TableNames"]:
                self._tables.delete_table(TableName=name)

    def clean_up(
        self, session: boto3.Session, prefix: str, called: Collection[str] | None = None
    ) -> None:
        pass  # the next test's isolate() deletes every table
