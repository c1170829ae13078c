"""Copying a table, and the backups a table keeps.

A new environment needs a copy of the products table. Three ways: read every
item with Scan and write it to the new table with BatchWriteItem (your own
code, paying for every read and write); an on-demand backup restored into a
new table (no code, no capacity used, but the restore takes a while and the
new table must be ACTIVE first); or, with point-in-time recovery (PITR)
enabled, a restore to any second of the last 35 days. Backups read nothing
through the table's capacity, so they cost it no performance.

Notes, "dynamodb > dynamodb operations" and "dynamodb > security and other features".
"""

from __future__ import annotations

import pytest

PRODUCTS = [{"sku": {"S": f"sku-{n:03}"}, "stock": {"N": str(n)}} for n in range(60)]
NO_BACKUPS = pytest.mark.emulator_gap(
    "dynamodb-local",
    "localstack",
    reason="DynamoDB Local (LocalStack's DynamoDB too) has no backups: CreateBackup and "
    "RestoreTableToPointInTime answer UnknownOperationException; AWS restores a backup "
    "into a new table",
)


@pytest.fixture
def products(create_table, put_items) -> str:
    name = create_table("products", ("sku", "S"))
    put_items(name, PRODUCTS)
    return name


def skus(aws, table: str) -> list[str]:
    pages = aws.dynamodb.get_paginator("scan").paginate(TableName=table, ConsistentRead=True)
    return sorted(item["sku"]["S"] for page in pages for item in page["Items"])


def wait_active(aws, table: str) -> None:
    aws.dynamodb.get_waiter("table_exists").wait(
        TableName=table, WaiterConfig={"Delay": 1, "MaxAttempts": 50}
    )


@pytest.mark.claim(
    "dynamodb.copy-by-scan-and-batch-write",
    quote="scan + putitem or batchwriteitem : write custom code",
)
def test_a_table_copied_by_scan_and_batch_write(aws, products, create_table):
    copy = create_table("products-copy", ("sku", "S"))
    # HINT: read every page of the products table with Scan and write its items into `copy`
    # HINT: with BatchWriteItem, 25 at a time, resending whatever comes back unprocessed.
    # BEGIN SOLUTION
    for page in aws.dynamodb.get_paginator("scan").paginate(TableName=products):
        items = page["Items"]
        for start in range(0, len(items), 25):
            requests = {copy: [{"PutRequest": {"Item": i}} for i in items[start : start + 25]]}
            while requests:
                answer = aws.dynamodb.batch_write_item(RequestItems=requests)
                requests = answer["UnprocessedItems"]
    # END SOLUTION
    assert skus(aws, copy) == skus(aws, products)


@pytest.mark.claim(
    "dynamodb.copy-by-backup-restore",
    quote="backup and restore: takes time",
    source="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Restore.Tutorial.html",
)
@NO_BACKUPS
def test_a_backup_restored_into_a_new_table(aws, products, unique_name):
    backup = aws.dynamodb.create_backup(TableName=products, BackupName=unique_name("nightly"))
    restored = unique_name("products-restored")
    # HINT: restore the backup (its ARN: backup["BackupDetails"]["BackupArn"]) into a new
    # HINT: table named `restored`.
    # BEGIN SOLUTION
    aws.dynamodb.restore_table_from_backup(
        TargetTableName=restored, BackupArn=backup["BackupDetails"]["BackupArn"]
    )
    # END SOLUTION
    wait_active(aws, restored)  # on AWS a restore takes minutes, even for a small table
    assert skus(aws, restored) == skus(aws, products)


@pytest.mark.claim(
    "dynamodb.point-in-time-recovery",
    quote="PITR",
    source="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html",
)
@NO_BACKUPS
def test_point_in_time_recovery_restores_the_latest_state(aws, products, unique_name):
    def status() -> str:
        backups = aws.dynamodb.describe_continuous_backups(TableName=products)
        description = backups["ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"]
        return description["PointInTimeRecoveryStatus"]

    assert status() == "DISABLED", "off until asked for"
    # HINT: switch point-in-time recovery on for the products table.
    # BEGIN SOLUTION
    aws.dynamodb.update_continuous_backups(
        TableName=products,
        PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True},
    )
    # END SOLUTION
    assert status() == "ENABLED"
    restored = unique_name("products-as-of-now")
    aws.dynamodb.restore_table_to_point_in_time(
        SourceTableName=products, TargetTableName=restored, UseLatestRestorableTime=True
    )
    wait_active(aws, restored)
    assert skus(aws, restored) == skus(aws, products)
