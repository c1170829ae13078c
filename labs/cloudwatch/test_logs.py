"""An application's log group: retention, and a metric filter counting errors.

Log events go into streams, inside a log group; the group's retention says
how long they are kept: one of a fixed list of day counts, from 1 day to 10
years (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096,
1827, 2192, 2557, 2922, 3288 or 3653); any other count is refused. By default a
group keeps its events forever, and deleting the retention policy goes back to
forever. A metric filter turns matching events into a metric, from the moment
it exists: it does not go back over events already there.

Notes, "aws monitoring and troubleshooting and audit > cloudwatch logs" and
"cloudwatch logs metric filter".
"""

import time

import pytest

PUT_RETENTION_POLICY = "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html"


@pytest.mark.claim("cloudwatch.log-expiration", quote="log expiration", source=PUT_RETENTION_POLICY)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts any retention in days (8, 3654); AWS takes only its listed values "
    "and refuses the others with InvalidParameterException",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts a retention AWS does not list (8 days); AWS refuses it with "
    "InvalidParameterException",
)
def test_retention_takes_only_listed_day_counts(aws, log_stream, error_code):
    group, _ = log_stream

    def refusal(days: int) -> str | None:
        put = aws.logs.put_retention_policy
        return error_code(put, logGroupName=group, retentionInDays=days)

    # HINT: which of these retention periods (in days) does PutRetentionPolicy accept?
    # {days: True or False}. The listed values run from 1 day to 10 years.
    # BEGIN SOLUTION
    expected = {1: True, 7: True, 8: False, 30: True, 400: True, 3653: True, 3654: False}
    # END SOLUTION
    answers = {days: refusal(days) for days in expected}
    assert {days: answer is None for days, answer in answers.items()} == expected
    assert {answer for answer in answers.values() if answer} == {"InvalidParameterException"}


@pytest.mark.claim("cloudwatch.log-retention-never-expire", quote="log expiration")
def test_a_log_group_keeps_its_events_forever_by_default(aws, log_stream):
    group, _ = log_stream

    def retention() -> int | None:
        found = aws.logs.describe_log_groups(logGroupNamePrefix=group)["logGroups"]
        return found[0].get("retentionInDays")  # absent: "Never expire"

    assert retention() is None
    aws.logs.put_retention_policy(logGroupName=group, retentionInDays=7)
    assert retention() == 7
    # HINT: make `group` keep its events forever again.
    # BEGIN SOLUTION
    aws.logs.delete_retention_policy(logGroupName=group)
    # END SOLUTION
    assert retention() is None


@pytest.mark.claim(
    "cloudwatch.metric-filter-not-retroactive",
    quote="not retroactive",
    source="https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/MonitoringLogData.html",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto stores metric filters but never emits their metric; AWS counts matches"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's metric sums to 2 for the one matching event put after the "
    "filter was created; AWS counts 1",
)
def test_a_metric_filter_counts_only_new_events(aws, log_stream, unique_name, eventually, put_logs):
    group, stream = log_stream
    namespace = unique_name("Logs")
    put_logs(group, stream, "ERROR before the filter", "ERROR before the filter")
    # HINT: a metric filter on `group` matching "ERROR" that adds 1 to metric
    # "Errors" in `namespace` per matching event.
    # BEGIN SOLUTION
    aws.logs.put_metric_filter(
        logGroupName=group,
        filterName="errors",
        filterPattern="ERROR",
        metricTransformations=[
            {"metricName": "Errors", "metricNamespace": namespace, "metricValue": "1"}
        ],
    )
    # END SOLUTION
    put_logs(group, stream, "ERROR after the filter", "INFO all good")

    def errors_counted() -> float | None:
        now = time.time()
        datapoints = aws.cloudwatch.get_metric_statistics(
            Namespace=namespace,
            MetricName="Errors",
            StartTime=now - 600,
            EndTime=now + 60,
            Period=60,
            Statistics=["Sum"],
        )["Datapoints"]
        return sum(d["Sum"] for d in datapoints) or None

    assert eventually(errors_counted) == 1.0


@pytest.mark.claim(
    "cloudwatch.log-group-kms-key",
    quote="can set kms custom key",
    source="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html",
)
def test_a_log_group_can_be_encrypted_with_your_kms_key(aws, unique_name):
    key = aws.kms.create_key(Description=unique_name("logs"))["KeyMetadata"]["Arn"]
    plain, mine = unique_name("/app/plain"), unique_name("/app/secret")
    aws.logs.create_log_group(logGroupName=plain)
    # HINT: create log group `mine`, encrypted with the KMS key `key`.
    # BEGIN SOLUTION
    aws.logs.create_log_group(logGroupName=mine, kmsKeyId=key)
    # END SOLUTION

    def key_of(group: str) -> str | None:
        (found,) = aws.logs.describe_log_groups(logGroupNamePrefix=group)["logGroups"]
        return found.get("kmsKeyId")  # absent: encrypted with CloudWatch Logs' own keys

    assert (key_of(plain), key_of(mine)) == (None, key)


@pytest.mark.claim(
    "cloudwatch.filter-pattern",
    quote="can use filter expression",
    source="https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's FilterLogEvents returns events this filter pattern excludes; AWS "
    "returns only the matching ones",
)
def test_a_filter_pattern_selects_events(aws, log_stream, put_logs):
    group, stream = log_stream
    put_logs(group, stream, "ERROR card declined", "INFO order placed", "ERROR timeout")
    # HINT: a filter pattern matching the events that contain the term ERROR.
    # BEGIN SOLUTION
    pattern = "ERROR"
    # END SOLUTION
    events = aws.logs.filter_log_events(logGroupName=group, filterPattern=pattern)["events"]
    assert sorted(event["message"] for event in events) == ["ERROR card declined", "ERROR timeout"]


@pytest.mark.claim(
    "cloudwatch.metric-filter-dimensions",
    quote="able to specify up to 3 dimensions for metric filter",
    source="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_MetricTransformation.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts a metric filter with 4 dimensions; AWS takes up to 3 "
    "(InvalidParameterException)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts a metric filter with more than 3 dimensions; AWS refuses it "
    "(InvalidParameterException)",
)
def test_a_metric_filter_has_at_most_3_dimensions(aws, log_stream, error_code):
    group, _ = log_stream

    def refusal(count: int) -> str | None:
        dimensions = {f"field{n}": f"$.field{n}" for n in range(count)}
        transformation = {
            "metricName": "Orders",
            "metricNamespace": "Shop",
            "metricValue": "1",
            "dimensions": dimensions,
        }
        put = aws.logs.put_metric_filter
        return error_code(
            put,
            logGroupName=group,
            filterName=f"orders-{count}",
            filterPattern='{ $.type = "order" }',
            metricTransformations=[transformation],
        )

    # HINT: the most dimensions one metric filter may publish.
    # BEGIN SOLUTION
    most = 3
    # END SOLUTION
    assert refusal(most) is None
    assert refusal(most + 1) == "InvalidParameterException"
