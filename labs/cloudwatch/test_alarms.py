"""An alarm on a custom "Errors" metric that notifies an SNS topic.

An alarm watches one metric over a period. It starts with too little data
to decide (``INSUFFICIENT_DATA``), then moves between ``OK`` and ``ALARM``;
every change can notify SNS (here, an SNS topic delivering to a queue you
read), or execute an Auto Scaling policy. High-resolution metrics allow periods
under a minute; each period is the length of time one data point of the alarm
covers, and an alarm looks at no more than a day of sub-hour periods. An alarm
can watch any metric: one you publish, a metric math expression, or the metric a
log group's metric filter writes.

Notes, "aws monitoring and troubleshooting and audit > cloudwatch alarms".
"""

import pytest

from harness.testkit.images import amazon_linux

ALARM_STATES = (
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html"
)
PUT_METRIC_ALARM = (
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"
)


@pytest.mark.claim(
    "cloudwatch.alarm-initial-state",
    beyond_notes="A new alarm whose metric has no data yet is in INSUFFICIENT_DATA.",
    source=ALARM_STATES,
)
@pytest.mark.emulator_gap(
    "moto", reason="moto starts a new alarm in OK; AWS starts it in INSUFFICIENT_DATA"
)
def test_a_new_alarm_has_insufficient_data(aws, unique_name, alarm_settings):
    name = unique_name("errors")
    aws.cloudwatch.put_metric_alarm(AlarmName=name, **alarm_settings)
    # HINT: predict the state of an alarm whose metric has no data yet.
    # BEGIN SOLUTION
    expected_state = "INSUFFICIENT_DATA"
    # END SOLUTION
    alarm = aws.cloudwatch.describe_alarms(AlarmNames=[name])["MetricAlarms"][0]
    assert alarm["StateValue"] == expected_state


@pytest.mark.claim(
    "cloudwatch.high-resolution-periods",
    quote="high resolution custom metrics: 10, 30, or multi of 60 sec",
    errata="20 seconds is a valid period too: 10, 20, 30 or any multiple of 60.",
    source=PUT_METRIC_ALARM,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts any alarm period (45 s too); AWS refuses periods not 10/20/30/n*60 "
    "(ValidationError)",
)
@pytest.mark.emulator_gap(
    "localstack", reason="LocalStack refuses a 20 s period, which AWS accepts"
)
def test_periods_under_a_minute_are_10_20_or_30_seconds(
    aws, unique_name, alarm_settings, error_code
):
    def refusal(period: int) -> str | None:
        settings = {**alarm_settings, "Period": period}
        alarm = unique_name(f"p{period}")
        return error_code(aws.cloudwatch.put_metric_alarm, AlarmName=alarm, **settings)

    # HINT: which of these periods does PutMetricAlarm accept? {period: True or False}
    # BEGIN SOLUTION
    expected = {10: True, 20: True, 30: True, 45: False, 120: True}
    # END SOLUTION
    answers = {period: refusal(period) for period in expected}
    assert {period: answer is None for period, answer in answers.items()} == expected
    assert {answer for answer in answers.values() if answer} == {"ValidationError"}


@pytest.mark.claim("cloudwatch.alarm-notifies-sns", quote="sns", line=1209, source=ALARM_STATES)
@pytest.mark.emulator_gap(
    "moto", reason="moto changes an alarm's state but never runs its actions; AWS notifies SNS"
)
def test_an_alarm_in_alarm_state_notifies_its_topic(
    aws, unique_name, alarm_settings, inbox, eventually
):
    topic, queue = inbox
    name = unique_name("errors")
    # HINT: create alarm `name` (alarm_settings) that notifies `topic` when it goes to ALARM.
    # BEGIN SOLUTION
    aws.cloudwatch.put_metric_alarm(AlarmName=name, AlarmActions=[topic], **alarm_settings)
    # END SOLUTION
    # Forcing the state stands in for six errors in a minute, and runs the same actions.
    aws.cloudwatch.set_alarm_state(AlarmName=name, StateValue="ALARM", StateReason="lab")
    notification = eventually(queue.json_bodies)[0]
    assert notification["AlarmName"] == name
    assert notification["NewStateValue"] == "ALARM"


@pytest.mark.claim(
    "cloudwatch.composite-alarms",
    quote="monitor multi alarms states",
    source="https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create_Composite_Alarm.html",
)
@pytest.mark.emulator_gap("moto", reason="moto does not implement PutCompositeAlarm (HTTP 500)")
def test_a_composite_alarm_combines_two_alarms(aws, unique_name, alarm_settings):
    errors, latency = unique_name("errors"), unique_name("latency")
    aws.cloudwatch.put_metric_alarm(AlarmName=errors, **alarm_settings)
    aws.cloudwatch.put_metric_alarm(
        AlarmName=latency, **{**alarm_settings, "MetricName": "Latency"}
    )
    composite = unique_name("page-someone")
    # HINT: a composite alarm `composite` in ALARM only when both alarms are (an AlarmRule).
    # BEGIN SOLUTION
    aws.cloudwatch.put_composite_alarm(
        AlarmName=composite, AlarmRule=f'ALARM("{errors}") AND ALARM("{latency}")'
    )
    # END SOLUTION
    found = aws.cloudwatch.describe_alarms(AlarmNames=[composite], AlarmTypes=["CompositeAlarm"])
    rule = found["CompositeAlarms"][0]["AlarmRule"]
    assert errors in rule and latency in rule and " AND " in rule


@pytest.mark.claim(
    "cloudwatch.alarm-on-metric-math", quote="triggered by any metric", source=PUT_METRIC_ALARM
)
def test_an_alarm_watches_a_metric_math_expression(aws, unique_name, namespace):
    def metric(name: str) -> dict:
        stat = {"Metric": {"Namespace": namespace, "MetricName": name}, "Period": 60, "Stat": "Sum"}
        return {"Id": name.lower(), "MetricStat": stat, "ReturnData": False}

    name = unique_name("error-rate")
    # HINT: the alarm's Metrics: "errors" and "requests" (the metric helper), and an
    # expression with Id "rate" (100 * errors / requests) that returns the data.
    # BEGIN SOLUTION
    metrics = [
        metric("Errors"),
        metric("Requests"),
        {"Id": "rate", "Expression": "100 * errors / requests", "ReturnData": True},
    ]
    # END SOLUTION
    aws.cloudwatch.put_metric_alarm(
        AlarmName=name,
        Metrics=metrics,
        EvaluationPeriods=1,
        Threshold=5,
        ComparisonOperator="GreaterThanThreshold",
    )
    (alarm,) = aws.cloudwatch.describe_alarms(AlarmNames=[name])["MetricAlarms"]
    returned = [m for m in alarm["Metrics"] if m.get("ReturnData", True)]
    assert [(m["Id"], m.get("Expression")) for m in returned] == [
        ("rate", "100 * errors / requests")
    ]


@pytest.mark.claim("cloudwatch.alarm-stops-ec2", quote="ec2", line=1207, source=ALARM_STATES)
def test_an_alarm_can_stop_an_idle_instance(aws, unique_name):
    name = unique_name("idle")
    instance = "i-0123456789abcdef0"
    # HINT: the alarm action that stops the instance the alarm watches (an EC2 action ARN
    # HINT: of the form arn:aws:automate:<region>:ec2:<action>; the region is aws.region).
    # BEGIN SOLUTION
    action = f"arn:aws:automate:{aws.region}:ec2:stop"
    # END SOLUTION
    aws.cloudwatch.put_metric_alarm(
        AlarmName=name,
        Namespace="AWS/EC2",
        MetricName="CPUUtilization",
        Dimensions=[{"Name": "InstanceId", "Value": instance}],
        Statistic="Average",
        Period=300,
        EvaluationPeriods=6,
        Threshold=2,
        ComparisonOperator="LessThanThreshold",
        AlarmActions=[action],
    )
    (alarm,) = aws.cloudwatch.describe_alarms(AlarmNames=[name])["MetricAlarms"]
    assert alarm["AlarmActions"] == [f"arn:aws:automate:{aws.region}:ec2:stop"]


@pytest.mark.claim(
    "cloudwatch.alarm-evaluation-length",
    quote="length of time to evaluate the metric",
    source=PUT_METRIC_ALARM,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts any Period x EvaluationPeriods; AWS refuses an alarm that evaluates "
    "more than one day of sub-hour periods, or more than seven days (ValidationError)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts any Period x EvaluationPeriods; AWS refuses an alarm that evaluates"
    " more than one day of sub-hour periods, or more than seven days (ValidationError)",
)
def test_an_alarm_evaluates_at_most_a_day_of_short_periods(
    aws, unique_name, alarm_settings, error_code
):
    def refusal(period: int, periods: int) -> str | None:
        settings = {**alarm_settings, "Period": period, "EvaluationPeriods": periods}
        # A percentile, not Sum: the limit is the same, and LocalStack, which accepts these
        # alarms, evaluates one on a plain statistic at once, one query per period (1,920
        # for 1,440 periods: some 10 s of its CPU), but never one on a percentile.
        del settings["Statistic"]
        settings["ExtendedStatistic"] = "p90"
        alarm = unique_name(f"p{period}x{periods}")
        return error_code(aws.cloudwatch.put_metric_alarm, AlarmName=alarm, **settings)

    # Each period is the length of time one data point of the alarm sums up; the alarm
    # looks at EvaluationPeriods of them: Period x EvaluationPeriods seconds in all.
    # HINT: which (Period, EvaluationPeriods) does PutMetricAlarm accept? {pair: True or False}
    # BEGIN SOLUTION
    expected = {(60, 1440): True, (60, 1441): False, (3600, 168): True, (3600, 169): False}
    # END SOLUTION
    answers = {pair: refusal(*pair) for pair in expected}
    assert {pair: answer is None for pair, answer in answers.items()} == expected
    assert {answer for answer in answers.values() if answer} == {"ValidationError"}


@pytest.fixture
def scaling_policy(aws, unique_name) -> tuple[str, str]:
    """``(group, policy ARN)``: an empty Auto Scaling group, and a simple policy adding one."""
    template = aws.ec2.create_launch_template(
        LaunchTemplateName=unique_name("web"),
        LaunchTemplateData={"ImageId": amazon_linux(aws)["ImageId"], "InstanceType": "t3.micro"},
    )["LaunchTemplate"]
    group = unique_name("web")
    aws.autoscaling.create_auto_scaling_group(
        AutoScalingGroupName=group,
        LaunchTemplate={"LaunchTemplateId": template["LaunchTemplateId"], "Version": "$Latest"},
        MinSize=0,
        MaxSize=1,
        DesiredCapacity=0,
        AvailabilityZones=[
            aws.ec2.describe_availability_zones()["AvailabilityZones"][0]["ZoneName"]
        ],
    )
    aws.autoscaling.put_scaling_policy(
        AutoScalingGroupName=group,
        PolicyName="add-one",
        PolicyType="SimpleScaling",
        AdjustmentType="ChangeInCapacity",
        ScalingAdjustment=1,
    )
    (policy,) = aws.autoscaling.describe_policies(AutoScalingGroupName=group)["ScalingPolicies"]
    return group, policy["PolicyARN"]


@pytest.mark.claim(
    "cloudwatch.alarm-scales-a-group",
    quote="ec2 auto scaling",
    line=1208,
    source="https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-simple-step.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores the policy ARN as an alarm action but never links the two: "
    "DescribePolicies lists no alarm; AWS lists the alarms that execute the policy",
)
def test_an_alarm_action_names_an_auto_scaling_policy(
    aws, unique_name, alarm_settings, scaling_policy, eventually
):
    group, policy_arn = scaling_policy
    name = unique_name("errors")
    # HINT: create alarm `name` (alarm_settings) that executes the scaling policy when it
    # HINT: goes to ALARM.
    # BEGIN SOLUTION
    aws.cloudwatch.put_metric_alarm(AlarmName=name, AlarmActions=[policy_arn], **alarm_settings)
    # END SOLUTION
    (alarm,) = aws.cloudwatch.describe_alarms(AlarmNames=[name])["MetricAlarms"]
    assert alarm["AlarmActions"] == [policy_arn]

    def alarms_of_the_policy() -> list[str]:
        (policy,) = aws.autoscaling.describe_policies(AutoScalingGroupName=group)["ScalingPolicies"]
        return [found["AlarmName"] for found in policy.get("Alarms", [])]

    assert eventually(alarms_of_the_policy) == [name]


@pytest.mark.claim(
    "cloudwatch.alarm-on-metric-filter",
    quote="alarms can be created on cloudwatch logs metric filter",
    source="https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Create_alarm_log_group_metric_filter.html",
)
def test_an_alarm_watches_the_metric_of_a_metric_filter(aws, unique_name, log_stream):
    group, _ = log_stream
    aws.logs.put_metric_filter(
        logGroupName=group,
        filterName="errors",
        filterPattern="ERROR",
        metricTransformations=[
            {"metricName": "Errors", "metricNamespace": unique_name("Logs"), "metricValue": "1"}
        ],
    )
    (metric_filter,) = aws.logs.describe_metric_filters(logGroupName=group)["metricFilters"]
    (transformation,) = metric_filter["metricTransformations"]
    name = unique_name("log-errors")
    # HINT: alarm `name`: Sum over 60 s of the metric this filter writes (its
    # HINT: transformation's namespace and name), above 5 for one period.
    # BEGIN SOLUTION
    aws.cloudwatch.put_metric_alarm(
        AlarmName=name,
        Namespace=transformation["metricNamespace"],
        MetricName=transformation["metricName"],
        Statistic="Sum",
        Period=60,
        EvaluationPeriods=1,
        Threshold=5,
        ComparisonOperator="GreaterThanThreshold",
    )
    # END SOLUTION
    watching = aws.cloudwatch.describe_alarms_for_metric(
        Namespace=transformation["metricNamespace"], MetricName=transformation["metricName"]
    )["MetricAlarms"]
    assert [alarm["AlarmName"] for alarm in watching] == [name]
