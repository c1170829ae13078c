"""S3 Select: let S3 filter a CSV file, and download only the answer.

SelectObjectContent runs one SQL expression (SELECT ... FROM S3Object s WHERE
...) over one CSV, JSON or Parquet object, inside S3: only the matching rows,
and only the selected columns, cross the network. The answer comes back as an
event stream: Records events with the bytes of the result, then a Stats event
(bytes scanned, processed and returned) and an End event. An aggregate
(COUNT, SUM, AVG, MIN, MAX) is computed inside S3 too: the answer is one row.

S3 Select is no longer available to new customers (accounts that used it
before keep it); AWS points new users to Athena, S3 Object Lambda, or
filtering in the client.

A customer export of a shop: find the customers of one city.

Notes, "s3 advanced > s3 select & glacier select".
"""

import pytest

CUSTOMERS = (
    b"id,name,city,spent\n"
    b"1,Ada,London,120\n"
    b"2,Grace,New York,80\n"
    b"3,Alan,London,45\n"
    b"4,Edsger,Amsterdam,300\n"
)
CLOSED_TO_NEW_CUSTOMERS = (
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-select-sql-reference.html"
)

# Seen on LocalStack 2026.3 (host mode).
NOT_IN_LOCALSTACK = pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's free edition does not emulate SelectObjectContent (InternalFailure: "
    "not included in your license plan); AWS runs the SQL expression inside S3",
)


def select(aws, bucket: str, key: str, expression: str) -> tuple[bytes, dict]:
    """The result's bytes and the Stats event of one SelectObjectContent on a CSV object."""
    answer = aws.s3.select_object_content(
        Bucket=bucket,
        Key=key,
        Expression=expression,
        ExpressionType="SQL",
        InputSerialization={"CSV": {"FileHeaderInfo": "USE"}},
        OutputSerialization={"CSV": {}},
    )
    records, stats = b"", {}
    for event in answer["Payload"]:
        records += event.get("Records", {}).get("Payload", b"")
        stats = event.get("Stats", {}).get("Details", stats)
    return records, stats


@NOT_IN_LOCALSTACK
@pytest.mark.claim(
    "s3.select-rows-and-columns",
    quote="can filter rows and columns",
    source=CLOSED_TO_NEW_CUSTOMERS,
)
def test_select_returns_only_the_matching_rows_and_columns(aws, bucket):
    aws.s3.put_object(Bucket=bucket, Key="customers.csv", Body=CUSTOMERS)
    # HINT: an SQL expression for the name column of the customers whose city is London.
    # BEGIN SOLUTION
    expression = "SELECT s.name FROM s3object s WHERE s.city = 'London'"
    # END SOLUTION
    records, _ = select(aws, bucket, "customers.csv", expression)
    assert records.split() == [b"Ada", b"Alan"]


@NOT_IN_LOCALSTACK
@pytest.mark.claim(
    "s3.select-less-transfer",
    quote="less network transfer",
    source=CLOSED_TO_NEW_CUSTOMERS,
)
def test_select_returns_fewer_bytes_than_it_scans(aws, bucket):
    aws.s3.put_object(Bucket=bucket, Key="customers.csv", Body=CUSTOMERS)
    # HINT: an SQL expression for the id alone of the customers in Amsterdam.
    # BEGIN SOLUTION
    expression = "SELECT s.id FROM s3object s WHERE s.city = 'Amsterdam'"
    # END SOLUTION
    records, stats = select(aws, bucket, "customers.csv", expression)
    assert records.split() == [b"4"]
    assert stats["BytesReturned"] == len(records)
    assert stats["BytesScanned"] >= len(CUSTOMERS) > 10 * stats["BytesReturned"]


@NOT_IN_LOCALSTACK
@pytest.mark.claim(
    "s3.select-aggregate",
    quote="can retrieve less data using sql",
    source=CLOSED_TO_NEW_CUSTOMERS,
)
def test_select_counts_inside_s3(aws, bucket):
    aws.s3.put_object(Bucket=bucket, Key="customers.csv", Body=CUSTOMERS)
    # HINT: an SQL expression that answers with one number: how many customers live in
    # London (an aggregate function).
    # BEGIN SOLUTION
    expression = "SELECT COUNT(*) FROM s3object s WHERE s.city = 'London'"
    # END SOLUTION
    records, _ = select(aws, bucket, "customers.csv", expression)
    assert records.split() == [b"2"], "one number, not the matching rows"
