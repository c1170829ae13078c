"""Publishing a custom metric: what identifies it, how points aggregate, which times count.

An application publishes "Latency" for two of its servers. A metric is a
name in a namespace, told apart by its dimensions: each server's latency is a
metric of its own. Points with the same timestamp (to the second) aggregate
into one: the statistics say how many were sent.

Notes, "aws monitoring and troubleshooting and audit > cloudwatch metrics" and
"custom metrics".
"""

from datetime import UTC, datetime, timedelta

import pytest
from botocore.exceptions import ClientError


def latency(server: str, value: float, at: datetime) -> dict:
    return {
        "MetricName": "Latency",
        "Dimensions": [{"Name": "Server", "Value": server}],
        "Timestamp": at,
        "Value": value,
        "Unit": "Milliseconds",
    }


@pytest.mark.claim("cloudwatch.dimensions", quote="determined by dimensions")
def test_each_dimension_value_is_a_metric_of_its_own(aws, namespace):
    now = datetime.now(UTC)
    points = [latency("web-1", 100, now), latency("web-2", 300, now)]
    aws.cloudwatch.put_metric_data(Namespace=namespace, MetricData=points)
    # HINT: predict how many metrics ListMetrics finds in the namespace for these two points.
    # BEGIN SOLUTION
    expected_metrics = 2
    # END SOLUTION
    metrics = aws.cloudwatch.list_metrics(Namespace=namespace)["Metrics"]
    assert len(metrics) == expected_metrics
    assert {m["Dimensions"][0]["Value"] for m in metrics} == {"web-1", "web-2"}


@pytest.mark.claim(
    "cloudwatch.same-second-aggregation",
    quote="have timestamps (at second granularity, cloudwatch will aggregate multi data points",
)
def test_points_in_the_same_second_aggregate(aws, namespace):
    second = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=1)
    points = [latency("web-1", 100, second), latency("web-1", 300, second)]
    aws.cloudwatch.put_metric_data(Namespace=namespace, MetricData=points)
    datapoints = aws.cloudwatch.get_metric_statistics(
        Namespace=namespace,
        MetricName="Latency",
        Dimensions=[{"Name": "Server", "Value": "web-1"}],
        StartTime=second - timedelta(minutes=1),
        EndTime=second + timedelta(minutes=1),
        Period=60,
        Statistics=["SampleCount", "Sum", "Average"],
    )["Datapoints"]
    # HINT: predict the one datapoint's statistics: {"SampleCount": ..., "Sum": ..., "Average": ...}
    # BEGIN SOLUTION
    expected = {"SampleCount": 2.0, "Sum": 400.0, "Average": 200.0}
    # END SOLUTION
    assert len(datapoints) == 1
    assert {k: datapoints[0][k] for k in expected} == expected


@pytest.mark.claim(
    "cloudwatch.timestamp-window",
    quote="**note**: accept metric data points two weeks in the past and 2 hrs in the future",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto accepts data points of any age; AWS refuses those over two weeks old"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts data points of any age; AWS refuses those over two weeks old",
)
def test_a_point_older_than_two_weeks_is_refused(aws, namespace):
    now = datetime.now(UTC)
    aws.cloudwatch.put_metric_data(
        Namespace=namespace, MetricData=[latency("web-1", 1, now - timedelta(days=13))]
    )
    with pytest.raises(ClientError) as refused:
        aws.cloudwatch.put_metric_data(
            Namespace=namespace, MetricData=[latency("web-1", 1, now - timedelta(days=15))]
        )
    assert refused.value.response["Error"]["Code"] == "InvalidParameterValue"
