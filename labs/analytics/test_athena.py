"""Asking S3 in SQL: Athena.

Athena runs SQL (Trino/Presto syntax) on files in S3, with no server to run:
a table is a schema over an S3 prefix (in the Glue Data Catalog), and each
query writes its result to S3, as ``<query id>.csv`` under the output
location of the query or of its *workgroup*. Without one, the query is
refused. *Federated queries* reach other data sources (DynamoDB, RDS...)
through a *data source connector*: a Lambda function registered as a data
catalog of type ``LAMBDA``.

moto records queries and marks them SUCCEEDED without running them: what a
query answers is "unproven here".

Notes, "other services > aws athena".
"""

from __future__ import annotations

import pytest

QUERYING = "https://docs.aws.amazon.com/athena/latest/ug/querying.html"
START_QUERY = "https://docs.aws.amazon.com/athena/latest/APIReference/API_StartQueryExecution.html"
CONNECTORS = "https://docs.aws.amazon.com/athena/latest/ug/connect-to-a-data-source.html"
DATA_CATALOG = "https://docs.aws.amazon.com/athena/latest/APIReference/API_CreateDataCatalog.html"


@pytest.fixture
def finished(aws, eventually):
    """``finished(query_id)``: GetQueryExecution's answer once the query has ended."""

    def finished(query_id: str) -> dict:
        def ended() -> dict | None:
            execution = aws.athena.get_query_execution(QueryExecutionId=query_id)
            state = execution["QueryExecution"]["Status"]["State"]
            return execution["QueryExecution"] if state not in ("QUEUED", "RUNNING") else None

        return eventually(ended, timeout=60)

    return finished


@pytest.mark.claim(
    "analytics.athena-results-in-s3", quote="serverless query service --> s3", source=QUERYING
)
def test_a_query_writes_its_result_to_s3(aws, make_bucket, finished):
    results = make_bucket("athena-results")
    # HINT: run "SELECT 1" with its results going under s3://<results>/queries/; keep the id.
    # BEGIN SOLUTION
    query_id = aws.athena.start_query_execution(
        QueryString="SELECT 1",
        ResultConfiguration={"OutputLocation": f"s3://{results}/queries/"},
    )["QueryExecutionId"]
    # END SOLUTION
    execution = finished(query_id)
    assert execution["Status"]["State"] == "SUCCEEDED"
    location = execution["ResultConfiguration"]["OutputLocation"]
    assert location == f"s3://{results}/queries/{query_id}.csv"


@pytest.mark.emulator_gap(
    "moto",
    reason="moto runs a query that has no output location; AWS refuses it when neither the query "
    "nor its workgroup names one (InvalidRequestException)",
)
@pytest.mark.claim(
    "analytics.athena-needs-an-output-location",
    quote="serverless query service --> s3",
    source=START_QUERY,
)
def test_a_query_with_nowhere_to_write_is_refused(aws, unique_name, error_code):
    workgroup = unique_name("adhoc")
    aws.athena.create_work_group(Name=workgroup)  # no result configuration
    # HINT: predict the error code of a query in `workgroup` that names no output location.
    # BEGIN SOLUTION
    expected = "InvalidRequestException"
    # END SOLUTION
    start = aws.athena.start_query_execution
    assert error_code(start, QueryString="SELECT 1", WorkGroup=workgroup) == expected


@pytest.mark.emulator_gap(
    "moto",
    reason="moto runs no SQL: its GetQueryResults answers no rows unless told what to "
    "answer; AWS runs the query",
)
@pytest.mark.claim("analytics.athena-standard-sql", quote="using standard sql", source=QUERYING)
def test_athena_answers_standard_sql(aws, make_bucket, finished):
    results = make_bucket("athena-results")
    query_id = aws.athena.start_query_execution(
        QueryString="SELECT upper('s3') AS service, 6 * 7 AS answer",
        ResultConfiguration={"OutputLocation": f"s3://{results}/queries/"},
    )["QueryExecutionId"]
    finished(query_id)
    rows = aws.athena.get_query_results(QueryExecutionId=query_id)["ResultSet"]["Rows"]
    values = [[cell.get("VarCharValue") for cell in row["Data"]] for row in rows]
    # HINT: predict the rows, the header row first, every value as text.
    # BEGIN SOLUTION
    expected = [["service", "answer"], ["S3", "42"]]
    # END SOLUTION
    assert values == expected


@pytest.mark.emulator_gap(
    "moto",
    reason="moto registers a LAMBDA data catalog without its function; AWS refuses it "
    "(InvalidRequestException)",
)
@pytest.mark.claim(
    "analytics.athena-federated-connector",
    quote="use `data source connector` running on aws lambda",
    source=DATA_CATALOG,
)
def test_a_federated_source_is_a_lambda_function(aws, unique_name, error_code):
    connector = f"arn:aws:lambda:{aws.region}:123456789012:function:{unique_name('dynamodb')}"
    # HINT: register a data catalog unique_name("orders") of type LAMBDA whose one function
    # (parameter "function") is `connector`.
    # BEGIN SOLUTION
    aws.athena.create_data_catalog(
        Name=unique_name("orders"), Type="LAMBDA", Parameters={"function": connector}
    )
    # END SOLUTION
    catalog = aws.athena.get_data_catalog(Name=unique_name("orders"))["DataCatalog"]
    assert (catalog["Type"], catalog["Parameters"]["function"]) == ("LAMBDA", connector)
    refused = error_code(
        aws.athena.create_data_catalog, Name=unique_name("nothing"), Type="LAMBDA", Parameters={}
    )
    assert refused == "InvalidRequestException"
