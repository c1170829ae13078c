"""S3 event notification -> Lambda: the metadata-sync pattern.

Every object uploaded to a bucket triggers the function (asynchronously), which
records the object's key and size in a DynamoDB table: the table stays in
step with the bucket without anyone polling it.

Notes, "lambda > s3 event notifications".
"""

import pytest

INDEXER = """
    import boto3

    TABLE = boto3.resource("dynamodb").Table("{table}")

    def handler(event, context):
        for record in event["Records"]:
            item = record["s3"]["object"]
            TABLE.put_item(Item={{"key": item["key"], "size": item["size"]}})
"""


@pytest.mark.claim("lambda.s3-metadata-sync", quote="simple s3 event pattern -- metadata sync")
def test_an_upload_is_indexed_by_the_function(aws, deploy, unique_name, make_bucket, eventually):
    table = unique_name("objects")
    aws.dynamodb.create_table(
        TableName=table,
        KeySchema=[{"AttributeName": "key", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "key", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    function = deploy(INDEXER.format(table=table))
    function_arn = aws.lambda_.get_function(FunctionName=function)["Configuration"]["FunctionArn"]
    bucket = make_bucket("photos")
    aws.lambda_.add_permission(
        FunctionName=function,
        StatementId="s3",
        Action="lambda:InvokeFunction",
        Principal="s3.amazonaws.com",
        SourceArn=f"arn:aws:s3:::{bucket}",
    )
    # HINT: make every new object in the bucket invoke the function.
    # BEGIN SOLUTION
    aws.s3.put_bucket_notification_configuration(
        Bucket=bucket,
        NotificationConfiguration={
            "LambdaFunctionConfigurations": [
                {"LambdaFunctionArn": function_arn, "Events": ["s3:ObjectCreated:*"]}
            ]
        },
    )
    # END SOLUTION
    aws.s3.put_object(Bucket=bucket, Key="cat.jpg", Body=b"x" * 1234)
    item = eventually(
        lambda: aws.dynamodb.get_item(TableName=table, Key={"key": {"S": "cat.jpg"}}).get("Item")
    )
    assert item["size"] == {"N": "1234"}
