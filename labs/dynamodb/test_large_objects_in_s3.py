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


INDEXER = """
from urllib.parse import unquote_plus

import boto3

DYNAMODB = boto3.client("dynamodb")

def handler(event, context):
    for record in event["Records"]:
        s3 = record["s3"]
        DYNAMODB.put_item(
            TableName="{table}",
            Item={{
                "bucket": {{"S": s3["bucket"]["name"]}},
                "key": {{"S": unquote_plus(s3["object"]["key"])}},  # keys arrive URL-encoded
                "size": {{"N": str(s3["object"]["size"])}},
            }},
        )
"""


@pytest.mark.claim(
    "dynamodb.s3-metadata-index",
    quote="could use s3 event notification to call a lambda to store object metadata",
    source="https://docs.aws.amazon.com/lambda/latest/dg/with-s3.html",
)
def test_an_upload_indexes_its_metadata_in_dynamodb(
    aws, bucket, create_table, functions, eventually
):
    index = create_table("object-index", ("bucket", "S"), ("key", "S"))
    function = functions.deploy(INDEXER.format(table=index))["FunctionArn"]
    aws.lambda_.add_permission(
        FunctionName=function,
        StatementId="s3-invokes",
        Action="lambda:InvokeFunction",
        Principal="s3.amazonaws.com",
        SourceArn=f"arn:aws:s3:::{bucket}",
    )
    # HINT: make every object created in the bucket invoke the function (its ARN is `function`).
    # BEGIN SOLUTION
    aws.s3.put_bucket_notification_configuration(
        Bucket=bucket,
        NotificationConfiguration={
            "LambdaFunctionConfigurations": [
                {"LambdaFunctionArn": function, "Events": ["s3:ObjectCreated:*"]}
            ]
        },
    )
    # END SOLUTION
    aws.s3.put_object(Bucket=bucket, Key="contracts/7.pdf", Body=CONTRACT)
    aws.s3.put_object(Bucket=bucket, Key="contracts/8.pdf", Body=b"%PDF-1.7 short")

    def big_contracts() -> list[str] | bool:
        found = aws.dynamodb.query(
            TableName=index,
            KeyConditionExpression="#bucket = :bucket AND begins_with(#key, :folder)",
            FilterExpression="#size > :megabyte",
            ExpressionAttributeNames={"#bucket": "bucket", "#key": "key", "#size": "size"},
            ExpressionAttributeValues={
                ":bucket": {"S": bucket},
                ":folder": {"S": "contracts/"},
                ":megabyte": {"N": str(1024 * 1024)},
            },
            ConsistentRead=True,
        )
        return found["ScannedCount"] == 2 and [item["key"]["S"] for item in found["Items"]]

    assert eventually(big_contracts) == ["contracts/7.pdf"], "found in DynamoDB, not by S3"
