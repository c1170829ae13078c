"""Publishing a custom metric: what identifies it, how points aggregate, which times count.

An application publishes "Latency" for two of its servers. A metric is a
name in a namespace, told apart by its dimensions: each server's latency is a
metric of its own. Points with the same timestamp (to the second) aggregate
into one: the statistics say how many were sent. A metric is stored per
minute (standard resolution, ``StorageResolution=60``, the default) unless it is
published with ``StorageResolution=1`` (high resolution): then each second is
kept, and read at periods of 1, 5, 10 or 30 seconds (20 too, and any multiple of
60). Those are periods to read at, not resolutions to publish at: PutMetricData
takes a StorageResolution of 1 or 60 only. A point may be up to two weeks old
and up to two hours ahead.

Notes, "aws monitoring and troubleshooting and audit > cloudwatch metrics" and
"custom metrics".
"""

from datetime import UTC, datetime, timedelta

import pytest
from botocore.exceptions import ClientError

METRIC_DATUM = (
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDatum.html"
)
PUT_METRIC_DATA = (
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html"
)


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
def test_points_in_the_same_second_aggregate(aws, namespace, eventually):
    second = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=1)
    points = [
        latency("web-1", 100, second),
        latency("web-1", 300, second),
        latency("web-1", 50, second + timedelta(seconds=1)),
    ]
    # High resolution, read per second: what aggregates is what shares a second.
    high_resolution = [{**point, "StorageResolution": 1} for point in points]
    aws.cloudwatch.put_metric_data(Namespace=namespace, MetricData=high_resolution)

    def per_second() -> dict[int, dict] | None:
        datapoints = aws.cloudwatch.get_metric_statistics(
            Namespace=namespace,
            MetricName="Latency",
            Dimensions=[{"Name": "Server", "Value": "web-1"}],
            StartTime=second,
            EndTime=second + timedelta(seconds=2),
            Period=1,
            Statistics=["SampleCount", "Sum"],
        )["Datapoints"]
        found = {
            int((d["Timestamp"] - second).total_seconds()): {
                "SampleCount": d["SampleCount"],
                "Sum": d["Sum"],
            }
            for d in datapoints
        }
        return found if len(found) >= 2 else None

    # HINT: predict the datapoints, by seconds after `second`:
    # {0: {"SampleCount": ..., "Sum": ...}, 1: {...}}
    # BEGIN SOLUTION
    expected = {0: {"SampleCount": 2.0, "Sum": 400.0}, 1: {"SampleCount": 1.0, "Sum": 50.0}}
    # END SOLUTION
    assert eventually(per_second) == expected


@pytest.mark.claim(
    "cloudwatch.timestamp-window",
    quote="**note**: accept metric data points two weeks in the past and 2 hrs in the future",
    source=PUT_METRIC_DATA,
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


@pytest.mark.claim(
    "cloudwatch.future-timestamps",
    quote="**note**: accept metric data points two weeks in the past and 2 hrs in the future",
    source=PUT_METRIC_DATA,
)
@pytest.mark.emulator_gap(
    "moto", reason="moto accepts data points from any time ahead; AWS refuses those over 2 hours"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts data points from any time ahead; AWS refuses those over 2 hours",
)
def test_a_point_more_than_two_hours_ahead_is_refused(aws, namespace, error_code):
    now = datetime.now(UTC)

    def accepted(hours_ahead: int) -> bool:
        point = latency("web-1", 1, now + timedelta(hours=hours_ahead))
        answer = error_code(aws.cloudwatch.put_metric_data, Namespace=namespace, MetricData=[point])
        assert answer in (None, "InvalidParameterValue")
        return answer is None

    # HINT: which of these points, stamped 1 and 3 hours from now, does PutMetricData take?
    # {hours ahead: True or False}
    # BEGIN SOLUTION
    expected = {1: True, 3: False}
    # END SOLUTION
    assert {hours: accepted(hours) for hours in expected} == expected


@pytest.mark.claim("cloudwatch.high-resolution-metrics", quote="high resolution: 1/5/10/30 seconds")
def test_a_high_resolution_metric_is_read_at_1_5_10_or_30_seconds(aws, namespace, eventually):
    minute = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(minutes=2)
    # One point each at seconds 1, 4, 8, 12 and 31 of the minute, worth 1, 2, 4, 8 and 16.
    points = [
        latency("web-1", value, minute + timedelta(seconds=at))
        for at, value in [(1, 1), (4, 2), (8, 4), (12, 8), (31, 16)]
    ]
    # HINT: publish `points` in `namespace` as a high-resolution metric.
    # BEGIN SOLUTION
    aws.cloudwatch.put_metric_data(
        Namespace=namespace, MetricData=[{**point, "StorageResolution": 1} for point in points]
    )
    # END SOLUTION

    def sums(period: int) -> list[float]:
        datapoints = aws.cloudwatch.get_metric_statistics(
            Namespace=namespace,
            MetricName="Latency",
            Dimensions=[{"Name": "Server", "Value": "web-1"}],
            StartTime=minute,
            EndTime=minute + timedelta(minutes=1),
            Period=period,
            Statistics=["Sum"],
        )["Datapoints"]
        return [d["Sum"] for d in sorted(datapoints, key=lambda d: d["Timestamp"])]

    def every_second() -> list[float] | None:
        found = sums(1)
        return found if len(found) == 5 else None

    # Each second is kept apart, so each period regroups them; a minute holds them all.
    assert eventually(every_second) == [1, 2, 4, 8, 16]
    assert {period: sums(period) for period in (5, 10, 30, 60)} == {
        5: [3, 4, 8, 16],
        10: [7, 8, 16],
        30: [15, 16],
        60: [31],
    }


@pytest.mark.claim(
    "cloudwatch.storage-resolution",
    quote="standard: 1min",
    source=METRIC_DATUM,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts any StorageResolution (10, 30); AWS takes only 1 or 60 and refuses "
    "the others with InvalidParameterValue",
)
@pytest.mark.emulator_gap(
    "localstack", reason="LocalStack accepts any StorageResolution (10, 30); AWS takes only 1 or 60"
)
def test_storage_resolution_is_1_or_60_seconds(aws, namespace, error_code):
    now = datetime.now(UTC)

    def refusal(resolution: int) -> str | None:
        point = {**latency("web-1", 1, now), "StorageResolution": resolution}
        return error_code(aws.cloudwatch.put_metric_data, Namespace=namespace, MetricData=[point])

    # HINT: which StorageResolution values does PutMetricData take? {seconds: True or False}
    # BEGIN SOLUTION
    expected = {1: True, 10: False, 30: False, 60: True}
    # END SOLUTION
    answers = {resolution: refusal(resolution) for resolution in expected}
    assert {resolution: answer is None for resolution, answer in answers.items()} == expected
    assert {answer for answer in answers.values() if answer} == {"InvalidParameterValue"}


@pytest.mark.claim(
    "cloudwatch.dimensions-segment",
    quote="can use dimensions to segment metrics",
    source="https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/"
    "cloudwatch_concepts.html#Dimension",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto aggregates a custom metric's points across its dimensions when none are "
    "asked for; AWS treats each combination of dimensions as a metric of its own and "
    "returns no data for the metric without dimensions",
)
def test_statistics_are_per_dimension_and_not_summed_for_you(aws, namespace, eventually):
    at = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(minutes=2)
    aws.cloudwatch.put_metric_data(
        Namespace=namespace, MetricData=[latency("web-1", 100, at), latency("web-2", 300, at)]
    )

    def average(*dimensions: dict) -> list[float]:
        datapoints = aws.cloudwatch.get_metric_statistics(
            Namespace=namespace,
            MetricName="Latency",
            Dimensions=list(dimensions),
            StartTime=at - timedelta(minutes=1),
            EndTime=at + timedelta(minutes=1),
            Period=60,
            Statistics=["Average"],
        )["Datapoints"]
        return [d["Average"] for d in datapoints]

    assert eventually(lambda: average({"Name": "Server", "Value": "web-1"})) == [100.0]
    # HINT: predict the averages CloudWatch returns for Latency asked without any dimension.
    # BEGIN SOLUTION
    without_dimensions = []
    # END SOLUTION
    assert average() == without_dimensions


@pytest.mark.claim(
    "cloudwatch.custom-metrics",
    quote="possible to send custom metrics",
    source="https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/publishingMetrics.html",
)
def test_an_application_publishes_a_metric_of_its_own(aws, namespace, eventually):
    at = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(minutes=2)

    def memory_usage() -> list[float]:
        datapoints = aws.cloudwatch.get_metric_statistics(
            Namespace=namespace,
            MetricName="MemoryUsage",
            StartTime=at - timedelta(minutes=1),
            EndTime=at + timedelta(minutes=1),
            Period=60,
            Statistics=["Maximum"],
        )["Datapoints"]
        return [d["Maximum"] for d in datapoints]

    assert memory_usage() == [], "no AWS service publishes MemoryUsage in your namespace"
    # HINT: publish, at `at`, the metric "MemoryUsage" of value 512 (Unit "Megabytes")
    # HINT: in `namespace`, as the application would.
    # BEGIN SOLUTION
    aws.cloudwatch.put_metric_data(
        Namespace=namespace,
        MetricData=[
            {"MetricName": "MemoryUsage", "Timestamp": at, "Value": 512, "Unit": "Megabytes"}
        ],
    )
    # END SOLUTION
    assert eventually(memory_usage) == [512.0]
