"""CloudWatch Logs Insights: a query over the logs, answered later.

An engineer looks for the checkout errors of the last ten minutes. Logs
Insights is a query engine: ``StartQuery`` takes a query in its own language
(``fields``, ``filter``, ``sort``, ``limit``...) over log groups and a time
range, and answers only a query ID; the results come from
``GetQueryResults``, once its status is ``Complete``. It searches what is
stored: it does not stream new events as they arrive (a subscription filter
does that).

Notes, "aws monitoring and troubleshooting and audit > cloudwatch log insights".
"""

import time

import pytest

START_QUERY = (
    "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_StartQuery.html"
)


@pytest.fixture
def checkout_logs(log_stream, put_logs) -> str:
    group, stream = log_stream
    put_logs(group, stream, "INFO cart opened", "ERROR card declined", "INFO order placed")
    return group


@pytest.fixture
def run_query(aws, eventually):
    """``run_query(group, query)``: the rows of a finished query, as {field: value} dicts."""

    def run_query(group: str, query: str) -> list[dict]:
        now = int(time.time())
        started = aws.logs.start_query(
            logGroupName=group, startTime=now - 600, endTime=now + 60, queryString=query
        )

        def finished() -> list[dict] | None:
            answer = aws.logs.get_query_results(queryId=started["queryId"])
            if answer["status"] != "Complete" or not answer["results"]:
                return None
            return [{f["field"]: f["value"] for f in row} for row in answer["results"]]

        return eventually(finished)

    return run_query


@pytest.mark.claim(
    "cloudwatch.insights-query-then-results",
    quote="it is a query engine, not a real-time engine",
    source=START_QUERY,
)
def test_a_query_answers_an_id_and_its_results_come_later(aws, checkout_logs, run_query):
    now = int(time.time())
    started = aws.logs.start_query(
        logGroupName=checkout_logs,
        startTime=now - 600,
        endTime=now + 60,
        queryString="fields @timestamp, @message | sort @timestamp desc | limit 2",
    )
    # HINT: which keys does StartQuery answer, apart from ResponseMetadata? (a set)
    # BEGIN SOLUTION
    expected_keys = {"queryId"}
    # END SOLUTION
    assert set(started) - {"ResponseMetadata"} == expected_keys
    rows = run_query(checkout_logs, "fields @message | sort @timestamp desc | limit 2")
    assert len(rows) == 2


@pytest.mark.claim(
    "cloudwatch.insights-filter",
    quote="search and analyze log data",
    source="https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's Logs Insights ignores a query's filter command and returns every event; "
    "AWS returns only the events the filter matches",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's Logs Insights ignores the query's filter command and returns every "
    "event; AWS returns only the matching ones",
)
def test_a_query_filters_the_events(checkout_logs, run_query):
    # HINT: a query for the @message of the events whose message contains "ERROR".
    # BEGIN SOLUTION
    query = "fields @message | filter @message like /ERROR/"
    # END SOLUTION
    assert [row["@message"] for row in run_query(checkout_logs, query)] == ["ERROR card declined"]
