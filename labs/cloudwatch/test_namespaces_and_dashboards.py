"""Where metrics live, and a page to watch them on.

Every metric belongs to a namespace: AWS services publish theirs under
``AWS/...`` (``AWS/EC2``, ``AWS/SQS``), and that prefix is theirs alone: a custom
metric goes to a namespace of your own, and ``PutMetricData`` refuses an
``AWS/`` one. A dashboard is a named JSON document of widgets; CloudWatch
checks the document when you save it.

Notes, "aws monitoring and troubleshooting and audit > cloudwatch metrics".
"""

import json
from datetime import UTC, datetime

import pytest


def one_point(name: str) -> list[dict]:
    return [{"MetricName": name, "Value": 1.0, "Timestamp": datetime.now(UTC)}]


@pytest.mark.claim(
    "cloudwatch.aws-namespaces-reserved",
    quote="belong to namespaces",
    source="https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts a custom metric in namespace AWS/EC2; AWS refuses a namespace that "
    "starts with AWS/ (InvalidParameterValue)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts custom metric data in an AWS/ namespace; AWS refuses it "
    "(InvalidParameterValue)",
)
def test_custom_metrics_cannot_use_an_aws_namespace(aws, namespace, error_code):
    put = aws.cloudwatch.put_metric_data
    # HINT: what does PutMetricData answer for each namespace? (None, or the error code)
    # BEGIN SOLUTION
    expected = {namespace: None, "AWS/EC2": "InvalidParameterValue"}
    # END SOLUTION
    answers = {ns: error_code(put, Namespace=ns, MetricData=one_point("Orders")) for ns in expected}
    assert answers == expected


@pytest.mark.claim(
    "cloudwatch.dashboards",
    quote="can create custom dashboards",
    source="https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutDashboard.html",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts a dashboard body that is not a valid dashboard; AWS refuses it "
    "(InvalidParameterInput)",
)
def test_a_dashboard_is_a_checked_json_document(aws, namespace, unique_name, error_code):
    name = unique_name("orders")
    widget = {
        "type": "metric",
        "x": 0,
        "y": 0,
        "width": 12,
        "height": 6,
        "properties": {"metrics": [[namespace, "Orders"]], "region": aws.region, "period": 60},
    }
    # HINT: save dashboard `name` with one widget: `widget`.
    # BEGIN SOLUTION
    aws.cloudwatch.put_dashboard(
        DashboardName=name, DashboardBody=json.dumps({"widgets": [widget]})
    )
    # END SOLUTION
    saved = json.loads(aws.cloudwatch.get_dashboard(DashboardName=name)["DashboardBody"])
    assert saved["widgets"][0]["properties"]["metrics"] == [[namespace, "Orders"]]
    put = aws.cloudwatch.put_dashboard
    assert error_code(put, DashboardName=name, DashboardBody="{not json") == "InvalidParameterInput"
