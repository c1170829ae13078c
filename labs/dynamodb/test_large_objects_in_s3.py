"""Large objects: the bytes in S3, the metadata in DynamoDB.

An item holds at most 400 KB, and every read of it costs capacity for its
whole size. A scanned contract of a megabyte goes to S3; DynamoDB keeps a
small item pointing to it (bucket, key, size, content type) that can be
queried and read cheaply, and the application fetches the bytes from S3 only
when it needs them.

Notes, "dynamodb > large objects pattern".
"""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

CONTRACT = b"%PDF-1.7 " + b"0" * (1024 * 1024)  # a 1 MB scanned contract


@pytest.fixture
def bucket(make_bucket) -> str:
    return make_bucket("contracts")


@pytest.fixture
def documents(create_table) -> str:
    return create_table("documents", ("document_id", "S"))


@pytest.mark.claim("dynamodb.large-object-in-s3", quote="with s3, only store metadata")
def test_the_contract_goes_to_s3_and_its_pointer_to_dynamodb(aws, bucket, documents):
    with pytest.raises(ClientError) as too_big:
        aws.dynamodb.put_item(
            TableName=documents,
            Item={"document_id": {"S": "contract-7"}, "body": {"B": CONTRACT}},
        )
    assert too_big.value.response["Error"]["Code"] == "ValidationException"
    # HINT: upload CONTRACT to the bucket under "contracts/7.pdf", then put an item
    # HINT: "contract-7" holding the bucket, the object key and the size in bytes.
    # BEGIN SOLUTION
    aws.s3.put_object(Bucket=bucket, Key="contracts/7.pdf", Body=CONTRACT)
    aws.dynamodb.put_item(
        TableName=documents,
        Item={
            "document_id": {"S": "contract-7"},
            "bucket": {"S": bucket},
            "key": {"S": "contracts/7.pdf"},
            "size": {"N": str(len(CONTRACT))},
        },
    )
    # END SOLUTION
    pointer = aws.dynamodb.get_item(
        TableName=documents,
        Key={"document_id": {"S": "contract-7"}},
        ReturnConsumedCapacity="TOTAL",
    )
    item = pointer["Item"]
    assert int(item["size"]["N"]) == len(CONTRACT)
    assert pointer["ConsumedCapacity"]["CapacityUnits"] <= 0.5, "the pointer is a small item"
    body = aws.s3.get_object(Bucket=item["bucket"]["S"], Key=item["key"]["S"])["Body"].read()
    assert body == CONTRACT
