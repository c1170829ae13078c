"""DynamoDB Streams into Lambda: every change to a table, in order.

An event source mapping polls the table's stream (one iterator per shard)
and invokes the function synchronously with batches of records. Each record
says what happened (INSERT, MODIFY, REMOVE) and, with NEW_AND_OLD_IMAGES,
the item before and after. Within a shard, and so for one item, the order
of the changes is kept.

Notes, "lambda > streams and lambda (kinesis and dynamodb)".
"""

import json

import pytest

RECORDER = """
import json

def handler(event, context):
    for record in event["Records"]:
        print("CHANGE " + json.dumps(record))
"""


def changes_seen(aws, name: str) -> list[dict]:
    logged = aws.logs.filter_log_events(logGroupName=f"/aws/lambda/{name}")["events"]
    return [json.loads(e["message"][7:]) for e in logged if e["message"].startswith("CHANGE ")]


@pytest.mark.claim(
    "lambda.dynamodb-stream-in-order",
    quote="An event source mapping creates an iterator for each shard, processes items in order",
)
def test_a_table_stream_feeds_the_function_in_order(aws, deploy, unique_name, eventually):
    name = deploy(RECORDER)
    table = aws.dynamodb.create_table(
        TableName=unique_name("carts"),
        KeySchema=[{"AttributeName": "cart", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "cart", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
    )["TableDescription"]
    # HINT: map the table's stream (its LatestStreamArn) to the function, from the oldest record.
    # BEGIN SOLUTION
    aws.lambda_.create_event_source_mapping(
        EventSourceArn=table["LatestStreamArn"],
        FunctionName=name,
        StartingPosition="TRIM_HORIZON",
        BatchSize=10,
    )
    # END SOLUTION
    cart = {"cart": {"S": "c-1"}}
    aws.dynamodb.put_item(TableName=table["TableName"], Item={**cart, "items": {"N": "1"}})
    aws.dynamodb.put_item(TableName=table["TableName"], Item={**cart, "items": {"N": "2"}})
    aws.dynamodb.delete_item(TableName=table["TableName"], Key=cart)

    changes = eventually(lambda: (seen := changes_seen(aws, name)) and len(seen) == 3 and seen)
    assert [c["eventName"] for c in changes] == ["INSERT", "MODIFY", "REMOVE"]
    modify = changes[1]["dynamodb"]
    assert (modify["OldImage"]["items"], modify["NewImage"]["items"]) == ({"N": "1"}, {"N": "2"})
