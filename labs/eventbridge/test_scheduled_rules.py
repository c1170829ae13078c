"""Scheduled rules: cron jobs without a server.

A nightly report must run every day at 12:00 UTC, a health check every 5
minutes. A rule with a ``ScheduleExpression`` instead of an event pattern
fires on a schedule: ``rate(value unit)`` or ``cron(minutes hours
day-of-month month day-of-week year)``: six fields, and one of the two day
fields must be ``?``. ``rate(1 minute)`` is singular, ``rate(5 minutes)``
plural. EventBridge refuses an expression that breaks these rules.

Notes, "aws monitoring and troubleshooting and audit > aws eventbridge".
"""

import pytest
from botocore.exceptions import ClientError


@pytest.mark.claim("eventbridge.schedule-expressions", quote="schedule: cron jobs")
def test_a_rule_runs_on_a_cron_or_rate_schedule(aws, unique_name):
    # HINT: a cron expression for every day at 12:00 UTC, and a rate for every 5 minutes.
    # BEGIN SOLUTION
    nightly = "cron(0 12 * * ? *)"
    health_check = "rate(5 minutes)"
    # END SOLUTION
    minutes, hours, day_of_month, _, day_of_week, _ = nightly.removeprefix("cron(")[:-1].split()
    assert (minutes, hours) == ("0", "12") and "?" in (day_of_month, day_of_week)
    for stem, expression in (("nightly", nightly), ("health", health_check)):
        name = unique_name(stem)
        aws.events.put_rule(Name=name, ScheduleExpression=expression)
        rule = aws.events.describe_rule(Name=name)
        assert (rule["ScheduleExpression"], rule["State"]) == (expression, "ENABLED")
        assert "EventPattern" not in rule, "a schedule, not a pattern, makes it run"
    value, unit = health_check.removeprefix("rate(")[:-1].split()  # your answer: every 5 minutes
    assert (int(value), unit) == (5, "minutes")


@pytest.mark.emulator_gap(
    "moto",
    reason="moto checks only that the expression looks like rate(...) or cron(...); AWS "
    "validates the fields",
)
@pytest.mark.claim(
    "eventbridge.schedule-expressions-validated",
    quote="schedule: cron jobs",
    source="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html",
)
def test_a_malformed_schedule_is_refused(aws, unique_name):
    for expression in (
        "cron(0 12 * * *)",  # five fields: the Unix form, without the year
        "cron(0 12 * * MON *)",  # both day fields set: one must be ?
        "rate(1 minutes)",  # 1 takes the singular unit
    ):
        with pytest.raises(ClientError) as refused:
            aws.events.put_rule(Name=unique_name("nightly"), ScheduleExpression=expression)
        assert refused.value.response["Error"]["Code"] == "ValidationException", expression
